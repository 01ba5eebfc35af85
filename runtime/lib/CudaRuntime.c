/*===- CudaRuntime.c - CUDA driver runtime of compiled models -------------===*
 *
 * What host code lowered by gpu-to-llvm calls (mgpuModuleLoad,
 * mgpuLaunchKernel, mgpuMemAlloc, ...) plus the tonnx_cuda_* entry points of
 * Runtime.h, over the CUDA driver API. The driver is loaded with dlopen, so
 * nothing here needs CUDA at build or link time: the few driver types and
 * constants used are declared below (values from the driver API, stable
 * since CUDA 4/8).
 *
 * Design:
 *  - Modules load lazily, at the first kernel lookup, not in the global
 *    constructors that embed them: a library or JIT module must be loadable
 *    on a machine without a GPU and fail only when it runs.
 *  - Every failure inside a run (tonnx_cuda_invoke) unwinds to the invoke
 *    with a message (longjmp; compiled model code holds no resources that
 *    need unwinding). Outside an invoke a failure prints and aborts.
 *  - Buffers are managed memory (gpu.alloc host_shared): kernels and the
 *    host code between them see the same pointers. Freed buffers are kept
 *    for reuse by size; launches are synchronous, so a reused buffer is
 *    never still in use by a kernel.
 *===----------------------------------------------------------------------===*/

#define _GNU_SOURCE
#include "torch-onnx/Runtime.h"

#include <dlfcn.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int CUresult;
typedef int CUdevice;
typedef struct CUctx_st *CUcontext;
typedef struct CUmod_st *CUmodule;
typedef struct CUfunc_st *CUfunction;
typedef struct CUstream_st *CUstream;
typedef struct CUevent_st *CUevent;
typedef unsigned long long CUdeviceptr;

enum {
  CUDA_SUCCESS = 0,
  CUDA_ERROR_NO_DEVICE = 100,
  CUDA_ERROR_NO_BINARY_FOR_GPU = 209,
  CUDA_ERROR_INVALID_PTX = 218,
  CUDA_ERROR_UNSUPPORTED_PTX_VERSION = 222,
  CU_MEM_ATTACH_GLOBAL = 1,
  CU_STREAM_NON_BLOCKING = 1,
  CU_EVENT_DEFAULT = 0,
  CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR = 75,
  CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR = 76,
  CU_JIT_ERROR_LOG_BUFFER = 5,
  CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES = 6,
  CU_JIT_OPTIMIZATION_LEVEL = 7,
};

/* The driver entry points, resolved by name (the _v2 names are what
 * cuda.h maps the plain names to). */
#define TONNX_CUDA_FUNCTIONS(X)                                                \
  X(cuInit, "cuInit", (unsigned))                                              \
  X(cuGetErrorString, "cuGetErrorString", (CUresult, const char **))           \
  X(cuDeviceGetCount, "cuDeviceGetCount", (int *))                             \
  X(cuDeviceGet, "cuDeviceGet", (CUdevice *, int))                             \
  X(cuDeviceGetName, "cuDeviceGetName", (char *, int, CUdevice))               \
  X(cuDeviceGetAttribute, "cuDeviceGetAttribute", (int *, int, CUdevice))      \
  X(cuDevicePrimaryCtxRetain, "cuDevicePrimaryCtxRetain",                      \
    (CUcontext *, CUdevice))                                                   \
  X(cuCtxSetCurrent, "cuCtxSetCurrent", (CUcontext))                           \
  X(cuModuleLoadData, "cuModuleLoadData", (CUmodule *, const void *))          \
  X(cuModuleLoadDataEx, "cuModuleLoadDataEx",                                  \
    (CUmodule *, const void *, unsigned, int *, void **))                      \
  X(cuModuleGetFunction, "cuModuleGetFunction",                                \
    (CUfunction *, CUmodule, const char *))                                    \
  X(cuModuleUnload, "cuModuleUnload", (CUmodule))                              \
  X(cuLaunchKernel, "cuLaunchKernel",                                          \
    (CUfunction, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned,   \
     unsigned, CUstream, void **, void **))                                    \
  X(cuStreamCreate, "cuStreamCreate", (CUstream *, unsigned))                  \
  X(cuStreamSynchronize, "cuStreamSynchronize", (CUstream))                    \
  X(cuStreamWaitEvent, "cuStreamWaitEvent", (CUstream, CUevent, unsigned))     \
  X(cuEventCreate, "cuEventCreate", (CUevent *, unsigned))                     \
  X(cuEventDestroy, "cuEventDestroy_v2", (CUevent))                            \
  X(cuEventRecord, "cuEventRecord", (CUevent, CUstream))                       \
  X(cuEventSynchronize, "cuEventSynchronize", (CUevent))                       \
  X(cuMemAlloc, "cuMemAlloc_v2", (CUdeviceptr *, size_t))                      \
  X(cuMemAllocManaged, "cuMemAllocManaged", (CUdeviceptr *, size_t, unsigned)) \
  X(cuMemFree, "cuMemFree_v2", (CUdeviceptr))                                  \
  X(cuMemcpyAsync, "cuMemcpyAsync",                                            \
    (CUdeviceptr, CUdeviceptr, size_t, CUstream))                              \
  X(cuMemsetD32Async, "cuMemsetD32Async",                                      \
    (CUdeviceptr, unsigned, size_t, CUstream))                                 \
  X(cuMemsetD16Async, "cuMemsetD16Async",                                      \
    (CUdeviceptr, unsigned short, size_t, CUstream))

static struct {
  int state; /* 0: not tried, 1: ready, -1: failed (message in err) */
  char err[512];
  char name[300];
  void *lib;
  CUdevice device;
  CUcontext context;
  CUstream stream;
  int ccMajor, ccMinor;
  /* Optional: placement hint for weights. */
  CUresult (*cuMemPrefetchAsync)(CUdeviceptr, size_t, CUdevice, CUstream);
#define DECLARE(field, sym, args) CUresult(*field) args;
  TONNX_CUDA_FUNCTIONS(DECLARE)
#undef DECLARE
} cu;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/*===- Errors -------------------------------------------------------------===*/

static __thread jmp_buf *guard;
static __thread char failure[1024];

static const char *cuErr(CUresult r) {
  const char *s = NULL;
  if (cu.cuGetErrorString && cu.cuGetErrorString(r, &s) == CUDA_SUCCESS && s)
    return s;
  return "unknown CUDA error";
}

static void fatal(const char *fmt, ...)
    __attribute__((noreturn, format(printf, 1, 2)));
static void fatal(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(failure, sizeof failure, fmt, ap);
  va_end(ap);
  if (guard)
    longjmp(*guard, 1);
  fprintf(stderr, "torch-onnx CUDA runtime: error: %s\n", failure);
  abort();
}

#define CHECK(call, ...)                                                       \
  do {                                                                         \
    CUresult r_ = (call);                                                      \
    if (r_ != CUDA_SUCCESS) {                                                  \
      char what_[256];                                                         \
      snprintf(what_, sizeof what_, __VA_ARGS__);                              \
      fatal("%s: %s (CUDA error %d)", what_, cuErr(r_), r_);                   \
    }                                                                          \
  } while (0)

/*===- Initialization -----------------------------------------------------===*/

static int initLocked(void) {
  if (cu.state)
    return cu.state > 0;
  cu.state = -1;
  const char *path = getenv("TORCH_ONNX_LIBCUDA");
  if (!path || !*path)
    path = "libcuda.so.1";
  cu.lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!cu.lib) {
    const char *why = dlerror();
    snprintf(cu.err, sizeof cu.err,
             "no CUDA driver/device found: cannot load %s (%s); install the "
             "NVIDIA driver or run on a machine with an NVIDIA GPU",
             path, why ? why : "not found");
    return 0;
  }
#define RESOLVE(field, sym, args)                                              \
  *(void **)&cu.field = dlsym(cu.lib, sym);                                    \
  if (!cu.field) {                                                             \
    snprintf(cu.err, sizeof cu.err,                                            \
             "the CUDA driver %s lacks %s: it is too old (CUDA >= 11 needed)", \
             path, sym);                                                       \
    return 0;                                                                  \
  }
  TONNX_CUDA_FUNCTIONS(RESOLVE)
#undef RESOLVE
  *(void **)&cu.cuMemPrefetchAsync = dlsym(cu.lib, "cuMemPrefetchAsync");
  CUresult r = cu.cuInit(0);
  int count = 0;
  if (r == CUDA_SUCCESS)
    r = cu.cuDeviceGetCount(&count);
  if (r != CUDA_SUCCESS || count == 0) {
    snprintf(cu.err, sizeof cu.err, "no CUDA driver/device found: %s",
             r != CUDA_SUCCESS ? cuErr(r) : "the driver reports no device");
    return 0;
  }
  int ordinal = 0;
  const char *env = getenv("TORCH_ONNX_CUDA_DEVICE");
  if (env && *env)
    ordinal = atoi(env);
  if (ordinal < 0 || ordinal >= count) {
    snprintf(cu.err, sizeof cu.err,
             "TORCH_ONNX_CUDA_DEVICE=%s: this machine has %d CUDA device(s) "
             "(0..%d)",
             env, count, count - 1);
    return 0;
  }
  char devName[256] = "";
  if ((r = cu.cuDeviceGet(&cu.device, ordinal)) ||
      (r = cu.cuDeviceGetName(devName, sizeof devName, cu.device)) ||
      (r = cu.cuDeviceGetAttribute(&cu.ccMajor,
                                   CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR,
                                   cu.device)) ||
      (r = cu.cuDeviceGetAttribute(&cu.ccMinor,
                                   CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR,
                                   cu.device)) ||
      (r = cu.cuDevicePrimaryCtxRetain(&cu.context, cu.device)) ||
      (r = cu.cuCtxSetCurrent(cu.context)) ||
      (r = cu.cuStreamCreate(&cu.stream, CU_STREAM_NON_BLOCKING))) {
    snprintf(cu.err, sizeof cu.err, "cannot use CUDA device %d: %s", ordinal,
             cuErr(r));
    return 0;
  }
  snprintf(cu.name, sizeof cu.name, "%s (sm_%d%d)", devName, cu.ccMajor,
           cu.ccMinor);
  cu.state = 1;
  return 1;
}

int tonnx_cuda_init(char *err, size_t errSize) {
  pthread_mutex_lock(&lock);
  int ok = initLocked();
  pthread_mutex_unlock(&lock);
  if (!ok && err && errSize)
    snprintf(err, errSize, "%s", cu.err);
  return !ok;
}

const char *tonnx_cuda_device_name(void) { return cu.state > 0 ? cu.name : ""; }

int tonnx_cuda_compute_capability(void) {
  return cu.state > 0 ? cu.ccMajor * 10 + cu.ccMinor : 0;
}

/* Every entry point below runs inside a model, after tonnx_cuda_init. */
static void ensureReady(void) {
  if (cu.state > 0)
    return;
  char err[512];
  if (tonnx_cuda_init(err, sizeof err))
    fatal("%s", err);
}

int tonnx_cuda_invoke(void (*fn)(void *), void *arg, char *err,
                      size_t errSize) {
  if (tonnx_cuda_init(err, errSize))
    return 1;
  jmp_buf here;
  jmp_buf *outer = guard;
  if (setjmp(here)) {
    guard = outer;
    if (err && errSize)
      snprintf(err, errSize, "%s", failure);
    return 1;
  }
  guard = &here;
  CHECK(cu.cuCtxSetCurrent(cu.context), "cannot make the CUDA context current");
  fn(arg);
  CHECK(cu.cuStreamSynchronize(cu.stream), "the model failed on the GPU");
  guard = outer;
  return 0;
}

/*===- Memory -------------------------------------------------------------===*/

/* Live allocations (pointer -> size, managed) in an open-addressing table,
 * and freed ones kept for reuse. */
typedef struct {
  void *ptr;
  size_t size;
  bool managed;
  bool live;
} Block;

static Block *blocks;
static size_t blockCap, blockCount;
static size_t cachedBytes;
static const size_t kCacheLimit = (size_t)2 << 30;

static size_t slotOf(void *p, size_t cap) {
  uintptr_t h = (uintptr_t)p;
  h ^= h >> 17;
  h *= 0x9E3779B97F4A7C15ull;
  return (size_t)(h >> 20) & (cap - 1);
}

static void insertBlock(Block b);
static void growTable(void) {
  Block *old = blocks;
  size_t oldCap = blockCap;
  blockCap = blockCap ? blockCap * 2 : 1024;
  blocks = calloc(blockCap, sizeof(Block));
  if (!blocks)
    fatal("out of host memory");
  blockCount = 0;
  for (size_t i = 0; i < oldCap; ++i)
    if (old[i].ptr)
      insertBlock(old[i]);
  free(old);
}

static void insertBlock(Block b) {
  if (2 * (blockCount + 1) > blockCap)
    growTable();
  size_t i = slotOf(b.ptr, blockCap);
  while (blocks[i].ptr)
    i = (i + 1) & (blockCap - 1);
  blocks[i] = b;
  ++blockCount;
}

static Block *findBlock(void *p) {
  if (!blockCap)
    return NULL;
  for (size_t i = slotOf(p, blockCap); blocks[i].ptr;
       i = (i + 1) & (blockCap - 1))
    if (blocks[i].ptr == p)
      return &blocks[i];
  return NULL;
}

/* A cached (freed) block of exactly `size` bytes, marked live again. */
static void *reuseBlock(size_t size, bool managed) {
  if (!cachedBytes)
    return NULL;
  for (size_t i = 0; i < blockCap; ++i) {
    Block *b = &blocks[i];
    if (b->ptr && !b->live && b->size == size && b->managed == managed) {
      b->live = true;
      cachedBytes -= size;
      return b->ptr;
    }
  }
  return NULL;
}

static void *allocate(size_t size, bool managed) {
  ensureReady();
  if (size == 0)
    size = 1;
  pthread_mutex_lock(&lock);
  void *p = reuseBlock(size, managed);
  if (!p) {
    CUdeviceptr d = 0;
    CUresult r = managed ? cu.cuMemAllocManaged(&d, size, CU_MEM_ATTACH_GLOBAL)
                         : cu.cuMemAlloc(&d, size);
    if (r != CUDA_SUCCESS) {
      pthread_mutex_unlock(&lock);
      fatal("cannot allocate %zu bytes of %s memory: %s", size,
            managed ? "managed" : "device", cuErr(r));
    }
    p = (void *)(uintptr_t)d;
    insertBlock((Block){p, size, managed, true});
  }
  pthread_mutex_unlock(&lock);
  return p;
}

/* Keeps the block for reuse, or frees it once the cache is full. Pointers
 * we did not allocate are host memory (malloc). */
static void release(void *p) {
  if (!p)
    return;
  pthread_mutex_lock(&lock);
  Block *b = findBlock(p);
  if (!b) {
    pthread_mutex_unlock(&lock);
    free(p);
    return;
  }
  if (cachedBytes + b->size <= kCacheLimit) {
    b->live = false;
    cachedBytes += b->size;
    pthread_mutex_unlock(&lock);
    return;
  }
  /* Remove it (backward-shift deletion keeps probe chains intact). */
  size_t i = (size_t)(b - blocks);
  blocks[i].ptr = NULL;
  --blockCount;
  for (size_t j = (i + 1) & (blockCap - 1); blocks[j].ptr;
       j = (j + 1) & (blockCap - 1)) {
    Block moved = blocks[j];
    blocks[j].ptr = NULL;
    --blockCount;
    insertBlock(moved);
  }
  pthread_mutex_unlock(&lock);
  cu.cuMemFree((CUdeviceptr)(uintptr_t)p);
}

typedef struct {
  const void *host;
  void *device;
} ConstantEntry;
static ConstantEntry *constants;
static size_t numConstants, constantCap;

void *tonnx_cuda_constant(const void *host, int64_t bytes) {
  ensureReady();
  pthread_mutex_lock(&lock);
  for (size_t i = 0; i < numConstants; ++i)
    if (constants[i].host == host) {
      void *d = constants[i].device;
      pthread_mutex_unlock(&lock);
      return d;
    }
  pthread_mutex_unlock(&lock);
  void *d = allocate((size_t)bytes, /*managed=*/true);
  if (bytes > 0) {
    memcpy(d, host, (size_t)bytes);
    if (cu.cuMemPrefetchAsync)
      (void)cu.cuMemPrefetchAsync((CUdeviceptr)(uintptr_t)d, (size_t)bytes,
                                  cu.device, cu.stream);
  }
  pthread_mutex_lock(&lock);
  if (numConstants == constantCap) {
    constantCap = constantCap ? 2 * constantCap : 64;
    ConstantEntry *grown = realloc(constants, constantCap * sizeof *grown);
    if (!grown) {
      pthread_mutex_unlock(&lock);
      fatal("out of host memory");
    }
    constants = grown;
  }
  constants[numConstants++] = (ConstantEntry){host, d};
  pthread_mutex_unlock(&lock);
  return d;
}

/*===- The mgpu* interface of MLIR's gpu-to-llvm lowering -----------------===*/

/* A GPU binary embedded by gpu-module-to-binary: loaded on first use. */
typedef struct {
  const void *data;
  size_t size;
  bool jit; /* PTX to be compiled by the driver */
  int optLevel;
  CUmodule module;
} LazyModule;

static void *newModule(const void *data, size_t size, bool jit, int opt) {
  LazyModule *m = calloc(1, sizeof *m);
  if (!m)
    fatal("out of host memory");
  m->data = data;
  m->size = size;
  m->jit = jit;
  m->optLevel = opt;
  return m;
}

void *mgpuModuleLoad(void *data, size_t size) {
  return newModule(data, size, false, 0);
}

void *mgpuModuleLoadJIT(void *data, int optLevel) {
  return newModule(data, 0, true, optLevel);
}

void mgpuModuleUnload(void *handle) {
  LazyModule *m = handle;
  if (!m)
    return;
  /* Runs from global destructors: the driver may already be shutting
   * down, so failures are ignored. */
  if (m->module && cu.state > 0)
    (void)cu.cuModuleUnload(m->module);
  free(m);
}

static void loadModule(LazyModule *m) {
  CUresult r;
  char log[4096] = "";
  if (m->jit) {
    int opts[] = {CU_JIT_ERROR_LOG_BUFFER, CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES,
                  CU_JIT_OPTIMIZATION_LEVEL};
    void *vals[] = {log, (void *)(uintptr_t)sizeof log,
                    (void *)(uintptr_t)m->optLevel};
    r = cu.cuModuleLoadDataEx(&m->module, m->data, 3, opts, vals);
  } else {
    r = cu.cuModuleLoadData(&m->module, m->data);
  }
  if (r == CUDA_SUCCESS)
    return;
  if (r == CUDA_ERROR_NO_BINARY_FOR_GPU || r == CUDA_ERROR_INVALID_PTX ||
      r == CUDA_ERROR_UNSUPPORTED_PTX_VERSION)
    fatal("the GPU code does not run on %s: %s%s%s; compile for this GPU "
          "with --cuda-chip=sm_%d%d",
          cu.name, cuErr(r), *log ? ": " : "", log, cu.ccMajor, cu.ccMinor);
  fatal("cannot load the GPU code: %s%s%s", cuErr(r), *log ? ": " : "", log);
}

void *mgpuModuleGetFunction(void *handle, const char *name) {
  ensureReady();
  LazyModule *m = handle;
  if (!m)
    fatal("kernel '%s': its GPU module was never registered (the global "
          "constructors of the compiled code did not run)",
          name);
  pthread_mutex_lock(&lock);
  if (!m->module) {
    /* fatal() must not leave the lock held. */
    pthread_mutex_unlock(&lock);
    LazyModule probe = *m;
    loadModule(&probe);
    pthread_mutex_lock(&lock);
    if (!m->module)
      m->module = probe.module;
    else
      (void)cu.cuModuleUnload(probe.module);
  }
  pthread_mutex_unlock(&lock);
  CUfunction f = NULL;
  CHECK(cu.cuModuleGetFunction(&f, m->module, name),
        "kernel '%s' not found in the GPU code", name);
  return f;
}

void mgpuLaunchKernel(void *function, intptr_t gridX, intptr_t gridY,
                      intptr_t gridZ, intptr_t blockX, intptr_t blockY,
                      intptr_t blockZ, int32_t smem, void *stream,
                      void **params, void **extra, size_t paramsCount) {
  (void)paramsCount;
  if (gridX <= 0 || gridY <= 0 || gridZ <= 0)
    return; /* an empty iteration space */
  CHECK(cu.cuLaunchKernel((CUfunction)function, gridX, gridY, gridZ, blockX,
                          blockY, blockZ, smem, (CUstream)stream, params,
                          extra),
        "cannot launch a kernel on grid %ldx%ldx%ld, block %ldx%ldx%ld",
        (long)gridX, (long)gridY, (long)gridZ, (long)blockX, (long)blockY,
        (long)blockZ);
}

/* One stream serves every launch: lowered code creates and destroys a
 * stream around each synchronous launch. */
void *mgpuStreamCreate(void) {
  ensureReady();
  return cu.stream;
}

void mgpuStreamDestroy(void *stream) { (void)stream; }

void mgpuStreamSynchronize(void *stream) {
  CHECK(cu.cuStreamSynchronize((CUstream)stream), "a kernel failed on the GPU");
}

void mgpuStreamWaitEvent(void *stream, void *event) {
  CHECK(cu.cuStreamWaitEvent((CUstream)stream, (CUevent)event, 0),
        "cuStreamWaitEvent");
}

void *mgpuEventCreate(void) {
  ensureReady();
  CUevent e = NULL;
  CHECK(cu.cuEventCreate(&e, CU_EVENT_DEFAULT), "cuEventCreate");
  return e;
}

void mgpuEventDestroy(void *event) { (void)cu.cuEventDestroy((CUevent)event); }

void mgpuEventSynchronize(void *event) {
  CHECK(cu.cuEventSynchronize((CUevent)event), "a kernel failed on the GPU");
}

void mgpuEventRecord(void *event, void *stream) {
  CHECK(cu.cuEventRecord((CUevent)event, (CUstream)stream), "cuEventRecord");
}

void *mgpuMemAlloc(uint64_t sizeBytes, void *stream, bool isHostShared) {
  (void)stream;
  return allocate((size_t)sizeBytes, isHostShared);
}

void mgpuMemFree(void *ptr, void *stream) {
  (void)stream;
  release(ptr);
}

void mgpuMemcpy(void *dst, void *src, size_t sizeBytes, void *stream) {
  ensureReady();
  CHECK(cu.cuMemcpyAsync((CUdeviceptr)(uintptr_t)dst,
                         (CUdeviceptr)(uintptr_t)src, sizeBytes,
                         (CUstream)stream),
        "cannot copy %zu bytes", sizeBytes);
}

void mgpuMemset32(void *dst, unsigned value, size_t count, void *stream) {
  ensureReady();
  CHECK(cu.cuMemsetD32Async((CUdeviceptr)(uintptr_t)dst, value, count,
                            (CUstream)stream),
        "cuMemsetD32");
}

void mgpuMemset16(void *dst, unsigned short value, size_t count, void *stream) {
  ensureReady();
  CHECK(cu.cuMemsetD16Async((CUdeviceptr)(uintptr_t)dst, value, count,
                            (CUstream)stream),
        "cuMemsetD16");
}
