/* aot_demo.c - loads a model compiled by torch-onnx-compile and runs it.
 *
 *   cc aot_demo.c -I<dir of model.h> -L<dir> -lmodel -o demo
 *   ./demo in_0.bin in_1.bin ...      (raw little-endian tensors)
 *
 * Dynamic input dims are taken as 1. Each output k is written to
 * out_<k>.bin and summarized on stdout. */
#include "model.h"

#include <stdio.h>
#include <stdlib.h>

static void *read_file(const char *path, size_t want) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  void *buf = malloc(want ? want : 1);
  size_t got = fread(buf, 1, want, f);
  fclose(f);
  if (got != want) {
    free(buf);
    return NULL;
  }
  return buf;
}

int main(int argc, char **argv) {
  tonnx_tensor in[MODEL_NUM_INPUTS + 1], out[MODEL_NUM_OUTPUTS + 1];
  if (argc != MODEL_NUM_INPUTS + 1) {
    fprintf(stderr, "usage: %s", argv[0]);
    for (int i = 0; i < MODEL_NUM_INPUTS; ++i)
      fprintf(stderr, " %s.bin", model_input_name(i));
    fprintf(stderr, "\n");
    return 2;
  }
  for (int i = 0; i < MODEL_NUM_INPUTS; ++i) {
    in[i].dtype = model_input_dtype(i);
    in[i].rank = model_input_rank(i);
    for (int d = 0; d < in[i].rank; ++d) {
      int64_t s = model_input_shape(i)[d];
      in[i].shape[d] = s < 0 ? 1 : s;
    }
    in[i].owner = NULL;
    size_t bytes = tonnx_numel(&in[i]) * tonnx_dtype_size(in[i].dtype);
    in[i].data = read_file(argv[i + 1], bytes);
    if (!in[i].data) {
      fprintf(stderr, "cannot read %zu bytes from %s\n", bytes, argv[i + 1]);
      return 1;
    }
  }
  char err[256];
  if (model_run(in, out, err, sizeof err)) {
    fprintf(stderr, "model_run failed: %s\n", err);
    return 1;
  }
  for (int k = 0; k < MODEL_NUM_OUTPUTS; ++k) {
    char path[64];
    snprintf(path, sizeof path, "out_%d.bin", k);
    FILE *f = fopen(path, "wb");
    size_t bytes = tonnx_numel(&out[k]) * tonnx_dtype_size(out[k].dtype);
    fwrite(out[k].data, 1, bytes, f);
    fclose(f);
    printf("%s: %s rank %d, %lld values\n", model_output_name(k),
           tonnx_dtype_name(out[k].dtype), out[k].rank,
           (long long)tonnx_numel(&out[k]));
    tonnx_tensor_free(&out[k]);
  }
  for (int i = 0; i < MODEL_NUM_INPUTS; ++i)
    free(in[i].data);
  return 0;
}
