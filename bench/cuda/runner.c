/* runner.c - runs one library built by torch-onnx-compile (any target) on
 * tensors from files, for bench/cuda/device_check.py on a GPU machine.
 *
 *   runner LIB.so NAME IN_DIR OUT_DIR [RUNS]
 *
 * Loads LIB.so with dlopen, finds NAME_run and the signature accessors,
 * reads IN_DIR/input_<i>.tensor, runs once (outputs to OUT_DIR/output_<i>
 * .tensor), then, when RUNS > 0, 3 warm-up runs and RUNS timed runs, and
 * prints "median_ms <m>". A .tensor file is int32 dtype (ONNX code), int32
 * rank, int64 dims[rank], then the dense row-major data. Links the
 * static runtime (tensor helpers); needs libc only.
 * Exit code 0 on success, 1 with the library's message on failure. */

#include "torch-onnx/Runtime.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef int (*run_fn)(const tonnx_tensor *, tonnx_tensor *, char *, size_t);
typedef const char *(*name_fn)(int);

static void *sym(void *lib, const char *name, const char *suffix) {
  char buf[512];
  snprintf(buf, sizeof buf, "%s_%s", name, suffix);
  void *p = dlsym(lib, buf);
  if (!p) {
    fprintf(stderr, "runner: %s not found in the library\n", buf);
    exit(1);
  }
  return p;
}

static int readTensor(const char *path, tonnx_tensor *t) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return fprintf(stderr, "runner: cannot open %s\n", path), 1;
  memset(t, 0, sizeof *t);
  if (fread(&t->dtype, 4, 1, f) != 1 || fread(&t->rank, 4, 1, f) != 1 ||
      t->rank < 0 || t->rank > TONNX_MAX_RANK ||
      fread(t->shape, 8, t->rank, f) != (size_t)t->rank) {
    fclose(f);
    return fprintf(stderr, "runner: %s: bad header\n", path), 1;
  }
  size_t n = tonnx_dtype_size(t->dtype) * (size_t)tonnx_numel(t);
  t->data = malloc(n ? n : 1);
  if (fread(t->data, 1, n, f) != n) {
    fclose(f);
    return fprintf(stderr, "runner: %s: short data\n", path), 1;
  }
  fclose(f);
  return 0;
}

static int writeTensor(const char *path, const tonnx_tensor *t) {
  FILE *f = fopen(path, "wb");
  if (!f)
    return fprintf(stderr, "runner: cannot write %s\n", path), 1;
  size_t n = tonnx_dtype_size(t->dtype) * (size_t)tonnx_numel(t);
  fwrite(&t->dtype, 4, 1, f);
  fwrite(&t->rank, 4, 1, f);
  fwrite(t->shape, 8, t->rank, f);
  fwrite(t->data, 1, n, f);
  fclose(f);
  return 0;
}

static double nowMs(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: runner LIB.so NAME IN_DIR OUT_DIR [RUNS]\n");
    return 2;
  }
  int runs = argc > 5 ? atoi(argv[5]) : 0;
  void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!lib)
    return fprintf(stderr, "runner: %s\n", dlerror()), 1;
  run_fn run = (run_fn)sym(lib, argv[2], "run");
  name_fn inName = (name_fn)sym(lib, argv[2], "input_name");
  name_fn outName = (name_fn)sym(lib, argv[2], "output_name");
  int nin = 0, nout = 0;
  while (inName(nin))
    ++nin;
  while (outName(nout))
    ++nout;
  tonnx_tensor in[64], out[64];
  if (nin > 64 || nout > 64)
    return fprintf(stderr, "runner: too many inputs/outputs\n"), 1;
  char path[4096], err[2048];
  for (int i = 0; i < nin; ++i) {
    snprintf(path, sizeof path, "%s/input_%d.tensor", argv[3], i);
    if (readTensor(path, &in[i]))
      return 1;
  }
  if (run(in, out, err, sizeof err))
    return fprintf(stderr, "%s\n", err), 1;
  for (int i = 0; i < nout; ++i) {
    snprintf(path, sizeof path, "%s/output_%d.tensor", argv[4], i);
    if (writeTensor(path, &out[i]))
      return 1;
    tonnx_tensor_free(&out[i]);
  }
  if (runs > 0) {
    double *ms = malloc(sizeof(double) * runs);
    for (int r = -3; r < runs; ++r) {
      double t0 = nowMs();
      if (run(in, out, err, sizeof err))
        return fprintf(stderr, "%s\n", err), 1;
      double t1 = nowMs();
      for (int i = 0; i < nout; ++i)
        tonnx_tensor_free(&out[i]);
      if (r >= 0)
        ms[r] = t1 - t0;
    }
    qsort(ms, runs, sizeof(double), cmp);
    printf("median_ms %.4f\n", ms[runs / 2]);
  }
  return 0;
}
