/*===- Runtime.h - torch-onnx native runtime C API -------------------------===*
 *
 * The small C runtime that compiled models (torch-onnx-compile) and the JIT
 * runner (torch-onnx-run) share: a tensor struct and the conversions between
 * it and the strided memref descriptors of MLIR's C calling convention
 *
 *   struct { T *allocated; T *aligned; int64_t offset;
 *            int64_t sizes[rank]; int64_t strides[rank]; }
 *
 * Needs only libc.
 *===----------------------------------------------------------------------===*/

#ifndef TORCH_ONNX_RUNTIME_H
#define TORCH_ONNX_RUNTIME_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TONNX_MAX_RANK 16

/* Element types: the ONNX TensorProto.DataType codes. */
enum tonnx_dtype {
  TONNX_FLOAT = 1,
  TONNX_UINT8 = 2,
  TONNX_INT8 = 3,
  TONNX_UINT16 = 4,
  TONNX_INT16 = 5,
  TONNX_INT32 = 6,
  TONNX_INT64 = 7,
  TONNX_BOOL = 9,
  TONNX_FLOAT16 = 10,
  TONNX_DOUBLE = 11,
  TONNX_UINT32 = 12,
  TONNX_UINT64 = 13,
  TONNX_BFLOAT16 = 16
};

/* A dense row-major tensor. `owner` is what tonnx_tensor_free releases
 * (NULL for caller-owned data). */
typedef struct tonnx_tensor {
  int32_t dtype;
  int32_t rank;
  int64_t shape[TONNX_MAX_RANK];
  void *data;
  void *owner;
} tonnx_tensor;

/* Bytes per element of `dtype` (0 if unknown). */
size_t tonnx_dtype_size(int32_t dtype);
/* Number of elements of `t`. */
int64_t tonnx_numel(const tonnx_tensor *t);
/* Size of a rank-`rank` memref descriptor in bytes. */
size_t tonnx_descriptor_size(int32_t rank);
/* Fills the descriptor `desc` (tonnx_descriptor_size(t->rank) bytes) to
 * view `t`'s data (contiguous strides). */
void tonnx_descriptor_from_tensor(const tonnx_tensor *t, void *desc);
/* Makes `out` a dense copy-free view of a result descriptor (taking
 * ownership of its allocation); copies when the descriptor is strided or
 * when its allocation is one of `inputs` (results never alias inputs). */
int tonnx_tensor_from_descriptor(const void *desc, int32_t rank,
                                 int32_t dtype, const tonnx_tensor *inputs,
                                 size_t numInputs, tonnx_tensor *out);
/* Releases an output tensor's storage. */
void tonnx_tensor_free(tonnx_tensor *t);
/* Checks `t` against an expected dtype/rank/shape (-1 = any size); writes a
 * message to `err` (size `errSize`) and returns non-zero on mismatch. */
int tonnx_check_tensor(const tonnx_tensor *t, const char *name, int32_t dtype,
                       int32_t rank, const int64_t *shape, char *err,
                       size_t errSize);
/* Name of a dtype ("float32", ...). */
const char *tonnx_dtype_name(int32_t dtype);

#ifdef __cplusplus
}
#endif

#endif /* TORCH_ONNX_RUNTIME_H */
