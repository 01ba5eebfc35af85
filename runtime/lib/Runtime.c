/*===- Runtime.c - torch-onnx native runtime -------------------------------===*/

/* dladdr (tonnx_map_weights). */
#define _GNU_SOURCE
#include "torch-onnx/Runtime.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/*===- Run-time checks and allocation ------------------------------------===*
 * Compiled models call tonnx_check_failed when a check generated into them
 * fails (an index out of range, a shape that does not match, integer
 * division by zero, an impossible size), and allocate through
 * _mlir_memref_to_llvm_alloc (finalize-memref-to-llvm's generic functions),
 * which fails the same way when memory runs out. Inside tonnx_invoke the
 * failure unwinds to it (longjmp: the model code holds nothing else that
 * needs unwinding; buffers allocated so far are leaked) and becomes an error
 * return with the message; anywhere else (an OpenMP worker) it prints the
 * message on stderr and aborts.
 *===--------------------------------------------------------------------===*/

static __thread jmp_buf *checkGuard;
static __thread char checkFailure[1024];

void tonnx_check_failed(const char *msg) {
  snprintf(checkFailure, sizeof checkFailure, "%s", msg);
  if (checkGuard)
    longjmp(*checkGuard, 1);
  fprintf(stderr, "torch-onnx: error: run-time check failed: %s\n", msg);
  fflush(stderr);
  abort();
}

int tonnx_invoke(void (*fn)(void *), void *arg, char *err, size_t errSize) {
  jmp_buf here;
  jmp_buf *outer = checkGuard;
  if (setjmp(here)) {
    checkGuard = outer;
    if (err && errSize)
      snprintf(err, errSize, "%s", checkFailure);
    return 1;
  }
  checkGuard = &here;
  fn(arg);
  checkGuard = outer;
  return 0;
}

/*===- External weights ---------------------------------------------------===*
 * A library built with its weights in a file beside it reserves their
 * address range (zero-filled, not stored in the library) and maps the file
 * over it when it is loaded: writing the weights once, instead of into an
 * object and again into the library, is most of what linking a large
 * model cost.
 *===--------------------------------------------------------------------===*/

int tonnx_map_weights(void *region, size_t size, const void *inLibrary,
                      const unsigned char tag[16], char *err, size_t errSize) {
  Dl_info info;
  char path[4096];
  if (!dladdr(inLibrary, &info) || !info.dli_fname ||
      snprintf(path, sizeof path, "%s.weights", info.dli_fname) >=
          (int)sizeof path) {
    snprintf(err, errSize,
             "cannot find the path of this model library (its weights are "
             "in a file beside it)");
    return 1;
  }
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    snprintf(err, errSize,
             "cannot open '%s', the weights of this model library: %s (the "
             "library and its .weights file go together)",
             path, strerror(errno));
    return 1;
  }
  struct stat st;
  unsigned char fileTag[16];
  if (fstat(fd, &st) || (uint64_t)st.st_size != (uint64_t)size + 16 ||
      pread(fd, fileTag, 16, (off_t)size) != 16 || memcmp(fileTag, tag, 16)) {
    close(fd);
    snprintf(err, errSize,
             "'%s' is not the weights file of this model library (it holds "
             "other weights): compile the model again",
             path);
    return 1;
  }
  void *mapped =
      size ? mmap(region, size, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0)
           : region;
  int mapErrno = errno;
  close(fd);
  if (mapped != region) {
    snprintf(err, errSize, "cannot map '%s': %s", path, strerror(mapErrno));
    return 1;
  }
  return 0;
}

static void allocFailed(size_t size) {
  char msg[128];
  snprintf(msg, sizeof msg, "out of memory: cannot allocate %zu bytes", size);
  tonnx_check_failed(msg);
}

/*===- Buffer cache -------------------------------------------------------===*
 * A model allocates the same large buffers on every run. From glibc they
 * come as fresh mmap'ed pages (above its mmap threshold) that fault in again
 * each run, which cost a fifth to a third of a convolutional network's time.
 * Blocks of at least kCacheMin bytes are therefore kept when freed and handed
 * out again for the same size and alignment: after the first run, a model
 * allocates nothing from the system. Beyond kCacheMax cached bytes, a free
 * releases up to 8 other cached blocks (in table order) to the system. Small
 * blocks go to malloc.
 *===--------------------------------------------------------------------===*/

enum { kCacheMin = 64 * 1024, kTableSize = 1024 };
static const size_t kCacheMax = (size_t)1 << 30;

typedef struct {
  void *ptr;
  size_t size, alignment;
  int cached; /* 1: free, in the cache; 0: handed out */
} tonnx_block;

static tonnx_block blocks[kTableSize];
static size_t numBlocks, cachedBytes;
static pthread_mutex_t blockLock = PTHREAD_MUTEX_INITIALIZER;

static void forgetBlock(size_t i) { blocks[i] = blocks[--numBlocks]; }

/* A cached block of exactly this size and alignment, or NULL. */
static void *takeCached(size_t size, size_t alignment) {
  void *p = NULL;
  pthread_mutex_lock(&blockLock);
  for (size_t i = 0; i < numBlocks; ++i)
    if (blocks[i].cached && blocks[i].size == size &&
        blocks[i].alignment == alignment) {
      blocks[i].cached = 0;
      cachedBytes -= size;
      p = blocks[i].ptr;
      break;
    }
  pthread_mutex_unlock(&blockLock);
  return p;
}

/* Records a fresh block handed out (replacing a stale record of the same
 * address: memory released behind the cache's back). */
static void recordBlock(void *p, size_t size, size_t alignment) {
  pthread_mutex_lock(&blockLock);
  for (size_t i = 0; i < numBlocks; ++i)
    if (blocks[i].ptr == p) {
      forgetBlock(i);
      break;
    }
  if (numBlocks < kTableSize)
    blocks[numBlocks++] = (tonnx_block){p, size, alignment, 0};
  pthread_mutex_unlock(&blockLock);
}

static void *allocate(size_t size, size_t alignment) {
  if (size == 0)
    size = 1;
  if (size >= kCacheMin) {
    void *p = takeCached(size, alignment);
    if (p)
      return p;
  }
  void *p = NULL;
  if (alignment <= 16)
    p = malloc(size);
  else if (posix_memalign(&p, alignment, size))
    p = NULL;
  if (!p)
    allocFailed(size);
  if (size >= kCacheMin)
    recordBlock(p, size, alignment);
  return p;
}

void *_mlir_memref_to_llvm_alloc(size_t size) { return allocate(size, 16); }

void *_mlir_memref_to_llvm_aligned_alloc(size_t alignment, size_t size) {
  if (alignment < 16)
    alignment = 16;
  return allocate(size, alignment);
}

void _mlir_memref_to_llvm_free(void *p) {
  if (!p)
    return;
  void *release[8];
  size_t numRelease = 0;
  int ours = 0;
  pthread_mutex_lock(&blockLock);
  for (size_t i = 0; i < numBlocks; ++i)
    if (blocks[i].ptr == p && !blocks[i].cached) {
      ours = 1;
      blocks[i].cached = 1;
      cachedBytes += blocks[i].size;
      break;
    }
  /* Over the cap: release other cached blocks (never the one just kept). */
  for (size_t i = 0; cachedBytes > kCacheMax && i < numBlocks &&
                     numRelease < sizeof release / sizeof *release;) {
    if (blocks[i].cached && blocks[i].ptr != p) {
      cachedBytes -= blocks[i].size;
      release[numRelease++] = blocks[i].ptr;
      forgetBlock(i);
    } else {
      ++i;
    }
  }
  pthread_mutex_unlock(&blockLock);
  for (size_t i = 0; i < numRelease; ++i)
    free(release[i]);
  if (!ours)
    free(p);
}

size_t tonnx_dtype_size(int32_t dtype) {
  switch (dtype) {
  case TONNX_UINT8:
  case TONNX_INT8:
  case TONNX_BOOL:
    return 1;
  case TONNX_UINT16:
  case TONNX_INT16:
  case TONNX_FLOAT16:
  case TONNX_BFLOAT16:
    return 2;
  case TONNX_FLOAT:
  case TONNX_INT32:
  case TONNX_UINT32:
    return 4;
  case TONNX_INT64:
  case TONNX_DOUBLE:
  case TONNX_UINT64:
    return 8;
  default:
    return 0;
  }
}

const char *tonnx_dtype_name(int32_t dtype) {
  switch (dtype) {
  case TONNX_FLOAT: return "float32";
  case TONNX_UINT8: return "uint8";
  case TONNX_INT8: return "int8";
  case TONNX_UINT16: return "uint16";
  case TONNX_INT16: return "int16";
  case TONNX_INT32: return "int32";
  case TONNX_INT64: return "int64";
  case TONNX_BOOL: return "bool";
  case TONNX_FLOAT16: return "float16";
  case TONNX_DOUBLE: return "float64";
  case TONNX_UINT32: return "uint32";
  case TONNX_UINT64: return "uint64";
  case TONNX_BFLOAT16: return "bfloat16";
  default: return "unknown";
  }
}

int64_t tonnx_numel(const tonnx_tensor *t) {
  int64_t n = 1;
  for (int32_t i = 0; i < t->rank; ++i)
    n *= t->shape[i];
  return n;
}

size_t tonnx_descriptor_size(int32_t rank) {
  return sizeof(void *) * 2 + sizeof(int64_t) * (1 + 2 * (size_t)rank);
}

void tonnx_descriptor_from_tensor(const tonnx_tensor *t, void *desc) {
  void **p = (void **)desc;
  p[0] = t->data;
  p[1] = t->data;
  int64_t *d = (int64_t *)(p + 2);
  d[0] = 0;
  int64_t stride = 1;
  for (int32_t i = t->rank - 1; i >= 0; --i) {
    d[1 + i] = t->shape[i];
    d[1 + t->rank + i] = stride;
    stride *= t->shape[i];
  }
}

int tonnx_tensor_from_descriptor(const void *desc, int32_t rank, int32_t dtype,
                                 const tonnx_tensor *inputs, size_t numInputs,
                                 tonnx_tensor *out) {
  void *const *p = (void *const *)desc;
  const int64_t *d = (const int64_t *)(p + 2);
  size_t esz = tonnx_dtype_size(dtype);
  out->dtype = dtype;
  out->rank = rank;
  int contiguous = d[0] == 0, aliased = 0;
  int64_t n = 1, stride = 1;
  for (int32_t i = rank - 1; i >= 0; --i) {
    out->shape[i] = d[1 + i];
    if (d[1 + i] != 1 && d[1 + rank + i] != stride)
      contiguous = 0;
    stride *= d[1 + i];
    n *= d[1 + i];
  }
  for (size_t k = 0; k < numInputs; ++k)
    if (inputs[k].data == p[0] || inputs[k].data == p[1])
      aliased = 1;
  if (contiguous && !aliased) {
    out->data = p[1];
    out->owner = p[0];
    return 0;
  }
  /* Strided or aliasing result: make a dense copy (the allocation, if ours,
   * is released: results never share an input's storage). */
  char *dst = (char *)malloc(n * esz > 0 ? n * esz : 1);
  if (!dst)
    return 1;
  const char *base = (const char *)p[1] + d[0] * esz;
  int64_t idx[TONNX_MAX_RANK] = {0};
  for (int64_t k = 0; k < n; ++k) {
    int64_t off = 0;
    for (int32_t i = 0; i < rank; ++i)
      off += idx[i] * d[1 + rank + i];
    memcpy(dst + k * esz, base + off * esz, esz);
    for (int32_t i = rank - 1; i >= 0; --i) {
      if (++idx[i] < d[1 + i])
        break;
      idx[i] = 0;
    }
  }
  out->data = dst;
  out->owner = dst;
  return 0;
}

int tonnx_tensor_unshare(tonnx_tensor *outs, size_t k) {
  tonnx_tensor *t = &outs[k];
  int shared = 0;
  for (size_t j = 0; j < k && t->owner; ++j)
    shared |= outs[j].owner == t->owner;
  if (!shared)
    return 0;
  size_t bytes = (size_t)tonnx_numel(t) * tonnx_dtype_size(t->dtype);
  char *dst = (char *)malloc(bytes ? bytes : 1);
  if (!dst)
    return 1;
  memcpy(dst, t->data, bytes);
  t->data = dst;
  t->owner = dst;
  return 0;
}

void tonnx_tensor_free(tonnx_tensor *t) {
  /* A result the model allocated goes back to the buffer cache. */
  _mlir_memref_to_llvm_free(t->owner);
  t->owner = NULL;
  t->data = NULL;
}

int tonnx_check_tensor(const tonnx_tensor *t, const char *name, int32_t dtype,
                       int32_t rank, const int64_t *shape, char *err,
                       size_t errSize) {
  if (t->dtype != dtype) {
    snprintf(err, errSize, "input '%s' has dtype %s, the model expects %s",
             name, tonnx_dtype_name(t->dtype), tonnx_dtype_name(dtype));
    return 1;
  }
  int bad = t->rank != rank;
  for (int32_t i = 0; !bad && i < rank; ++i)
    bad = shape[i] >= 0 && shape[i] != t->shape[i];
  if (!bad)
    return 0;
  char have[256] = "", want[256] = "";
  size_t h = 0, w = 0;
  for (int32_t i = 0; i < t->rank && h < sizeof(have) - 24; ++i)
    h += snprintf(have + h, sizeof(have) - h, "%s%lld", i ? "x" : "",
                  (long long)t->shape[i]);
  for (int32_t i = 0; i < rank && w < sizeof(want) - 24; ++i) {
    if (shape[i] < 0)
      w += snprintf(want + w, sizeof(want) - w, "%s?", i ? "x" : "");
    else
      w += snprintf(want + w, sizeof(want) - w, "%s%lld", i ? "x" : "",
                    (long long)shape[i]);
  }
  snprintf(err, errSize,
           "input '%s' has shape [%s], the model expects [%s] (? = any size)",
           name, have, want);
  return 1;
}

/* memref.copy of non-contiguous memrefs lowers to a call of
 * `memrefCopy(elemSize, UnrankedMemRef *src, UnrankedMemRef *dst)`; this is
 * the runtime's implementation (so compiled models need no MLIR library). */
typedef struct {
  int64_t rank;
  void *descriptor;
} tonnx_unranked_memref;

void memrefCopy(int64_t elemSize, tonnx_unranked_memref *src,
                tonnx_unranked_memref *dst) {
  int64_t rank = src->rank;
  char *const *sp = (char *const *)src->descriptor;
  char *const *dp = (char *const *)dst->descriptor;
  const int64_t *sd = (const int64_t *)(sp + 2);
  const int64_t *dd = (const int64_t *)(dp + 2);
  const char *s = sp[1] + sd[0] * elemSize;
  char *d = dp[1] + dd[0] * elemSize;
  const int64_t *sizes = sd + 1, *sstr = sd + 1 + rank, *dstr = dd + 1 + rank;
  int64_t n = 1;
  for (int64_t i = 0; i < rank; ++i)
    n *= sizes[i];
  if (n == 0)
    return;
  if (rank == 0) {
    memcpy(d, s, elemSize);
    return;
  }
  /* Copy runs of the innermost dim when both are contiguous there. */
  int64_t inner = sizes[rank - 1];
  int contig = sstr[rank - 1] == 1 && dstr[rank - 1] == 1;
  int64_t idx[TONNX_MAX_RANK] = {0};
  int64_t outer = n / inner;
  for (int64_t k = 0; k < outer; ++k) {
    int64_t so = 0, doff = 0;
    for (int64_t i = 0; i + 1 < rank; ++i) {
      so += idx[i] * sstr[i];
      doff += idx[i] * dstr[i];
    }
    if (contig) {
      memcpy(d + doff * elemSize, s + so * elemSize, inner * elemSize);
    } else {
      for (int64_t j = 0; j < inner; ++j)
        memcpy(d + (doff + j * dstr[rank - 1]) * elemSize,
               s + (so + j * sstr[rank - 1]) * elemSize, elemSize);
    }
    for (int64_t i = rank - 2; i >= 0; --i) {
      if (++idx[i] < sizes[i])
        break;
      idx[i] = 0;
    }
  }
}
