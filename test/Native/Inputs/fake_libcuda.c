/* A stand-in CUDA driver for tests on machines without a GPU: the driver
 * API subset runtime/lib/CudaRuntime.c resolves, over host memory. Kernels
 * do not run (their outputs are whatever the buffers held), but everything
 * around them does: module loading (the binary's format is checked), every
 * launch with its grid and block (printed to stderr with
 * FAKE_CUDA_TRACE=1), allocation, copies and frees (counted, printed at
 * exit). Failures are injected with
 *   FAKE_CUDA_INIT=<CUresult>       cuInit fails (100: no device)
 *   FAKE_CUDA_NO_BINARY=1           module load: no binary for this GPU
 *   FAKE_CUDA_LAUNCH=<CUresult>     every launch fails
 *   FAKE_CUDA_CC=<major*10+minor>   compute capability (default 90)
 * Build: cc -shared -fPIC fake_libcuda.c -o libcuda.so.1 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int CUresult;

static int envInt(const char *name, int dflt) {
  const char *v = getenv(name);
  return v && *v ? atoi(v) : dflt;
}

static int trace(void) { return envInt("FAKE_CUDA_TRACE", 0); }

static long allocs, frees, launches, copies, liveBytes;

static void report(void) {
  if (trace())
    fprintf(stderr,
            "fake-cuda: %ld launches, %ld allocations, %ld frees, %ld "
            "copies\n",
            launches, allocs, frees, copies);
}

CUresult cuInit(unsigned flags) {
  (void)flags;
  atexit(report);
  return envInt("FAKE_CUDA_INIT", 0);
}

CUresult cuGetErrorString(CUresult r, const char **s) {
  switch (r) {
  case 100:
    *s = "no CUDA-capable device is detected";
    break;
  case 209:
    *s = "no kernel image is available for execution on the device";
    break;
  case 701:
    *s = "too many resources requested for launch";
    break;
  default:
    *s = "fake CUDA error";
    break;
  }
  return 0;
}

CUresult cuDeviceGetCount(int *n) {
  *n = 1;
  return 0;
}
CUresult cuDeviceGet(int *d, int ordinal) {
  *d = ordinal;
  return 0;
}
CUresult cuDeviceGetName(char *name, int len, int d) {
  (void)d;
  snprintf(name, len, "Fake GPU");
  return 0;
}
CUresult cuDeviceGetAttribute(int *v, int attr, int d) {
  (void)d;
  int cc = envInt("FAKE_CUDA_CC", 90);
  *v = attr == 75 ? cc / 10 : cc % 10;
  return 0;
}
static int theContext;
CUresult cuDevicePrimaryCtxRetain(void **ctx, int d) {
  (void)d;
  *ctx = &theContext;
  return 0;
}
CUresult cuCtxSetCurrent(void *ctx) { return ctx == &theContext ? 0 : 201; }

/* Modules: the binary must look like a fatbin, a cubin (ELF) or PTX. */
typedef struct {
  const char *kind;
} Module;
typedef struct {
  char name[256];
} Function;

static CUresult load(void **m, const void *data) {
  if (envInt("FAKE_CUDA_NO_BINARY", 0))
    return 209;
  const unsigned char *p = data;
  const char *kind = NULL;
  if (p[0] == 0x50 && p[1] == 0xed && p[2] == 0x55 && p[3] == 0xba)
    kind = "fatbin";
  else if (p[0] == 0x7f && p[1] == 'E' && p[2] == 'L' && p[3] == 'F')
    kind = "cubin";
  else if (strstr((const char *)data, ".entry"))
    kind = "ptx";
  if (!kind)
    return 200; /* CUDA_ERROR_INVALID_IMAGE */
  Module *mod = malloc(sizeof *mod);
  mod->kind = kind;
  if (trace())
    fprintf(stderr, "fake-cuda: load %s module\n", kind);
  *m = mod;
  return 0;
}
CUresult cuModuleLoadData(void **m, const void *data) { return load(m, data); }
CUresult cuModuleLoadDataEx(void **m, const void *data, unsigned n, int *o,
                            void **v) {
  (void)n, (void)o, (void)v;
  return load(m, data);
}
CUresult cuModuleGetFunction(void **f, void *m, const char *name) {
  (void)m;
  Function *fn = malloc(sizeof *fn);
  snprintf(fn->name, sizeof fn->name, "%s", name);
  *f = fn;
  return 0;
}
CUresult cuModuleUnload(void *m) {
  free(m);
  return 0;
}

CUresult cuLaunchKernel(void *f, unsigned gx, unsigned gy, unsigned gz,
                        unsigned bx, unsigned by, unsigned bz, unsigned smem,
                        void *stream, void **params, void **extra) {
  (void)smem, (void)stream, (void)extra;
  int err = envInt("FAKE_CUDA_LAUNCH", 0);
  if (err)
    return err;
  (void)params;
  ++launches;
  if (trace())
    fprintf(stderr, "fake-cuda: launch %s grid %ux%ux%u block %ux%ux%u\n",
            ((Function *)f)->name, gx, gy, gz, bx, by, bz);
  return 0;
}

static int theStream, theEvent;
CUresult cuStreamCreate(void **s, unsigned flags) {
  (void)flags;
  *s = &theStream;
  return 0;
}
CUresult cuStreamSynchronize(void *s) {
  (void)s;
  return 0;
}
CUresult cuStreamWaitEvent(void *s, void *e, unsigned f) {
  (void)s, (void)e, (void)f;
  return 0;
}
CUresult cuEventCreate(void **e, unsigned f) {
  (void)f;
  *e = &theEvent;
  return 0;
}
CUresult cuEventDestroy_v2(void *e) {
  (void)e;
  return 0;
}
CUresult cuEventRecord(void *e, void *s) {
  (void)e, (void)s;
  return 0;
}
CUresult cuEventSynchronize(void *e) {
  (void)e;
  return 0;
}

static CUresult alloc(unsigned long long *p, size_t size) {
  void *m = NULL;
  if (posix_memalign(&m, 256, size ? size : 1))
    return 2; /* CUDA_ERROR_OUT_OF_MEMORY */
  memset(m, 0, size);
  *p = (uintptr_t)m;
  ++allocs;
  liveBytes += size;
  return 0;
}
CUresult cuMemAlloc_v2(unsigned long long *p, size_t size) {
  return alloc(p, size);
}
CUresult cuMemAllocManaged(unsigned long long *p, size_t size, unsigned f) {
  (void)f;
  return alloc(p, size);
}
CUresult cuMemFree_v2(unsigned long long p) {
  ++frees;
  free((void *)(uintptr_t)p);
  return 0;
}
CUresult cuMemcpyAsync(unsigned long long d, unsigned long long s, size_t n,
                       void *st) {
  (void)st;
  ++copies;
  memcpy((void *)(uintptr_t)d, (const void *)(uintptr_t)s, n);
  return 0;
}
CUresult cuMemsetD32Async(unsigned long long d, unsigned v, size_t n,
                          void *st) {
  (void)st;
  for (size_t i = 0; i < n; ++i)
    ((unsigned *)(uintptr_t)d)[i] = v;
  return 0;
}
CUresult cuMemsetD16Async(unsigned long long d, unsigned short v, size_t n,
                          void *st) {
  (void)st;
  for (size_t i = 0; i < n; ++i)
    ((unsigned short *)(uintptr_t)d)[i] = v;
  return 0;
}
CUresult cuMemPrefetchAsync(unsigned long long p, size_t n, int d, void *s) {
  (void)p, (void)n, (void)d, (void)s;
  return 0;
}
