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
/* Gives outs[k] storage of its own (a copy) when an earlier output
 * outs[0..k) owns the same allocation (a graph output listed twice), so each
 * output can be freed once. Non-zero when out of memory. */
int tonnx_tensor_unshare(tonnx_tensor *outs, size_t k);
/* Releases an output tensor's storage. */
void tonnx_tensor_free(tonnx_tensor *t);
/* Checks `t` against an expected dtype/rank/shape (-1 = any size); writes a
 * message to `err` (size `errSize`) and returns non-zero on mismatch. */
int tonnx_check_tensor(const tonnx_tensor *t, const char *name, int32_t dtype,
                       int32_t rank, const int64_t *shape, char *err,
                       size_t errSize);
/* Name of a dtype ("float32", ...). */
const char *tonnx_dtype_name(int32_t dtype);

/* Runs fn(arg) (a compiled model's entry) with its run-time checks and
 * allocation failures turned into a non-zero return with the message in
 * `err` (e.g. "onnx.Gather 'g0': index out of range ..."), instead of an
 * abort. */
int tonnx_invoke(void (*fn)(void *), void *arg, char *err, size_t errSize);

/* For a library whose weights are in a file beside it (built with external
 * weights): maps `<library>.weights`, the file of the library holding
 * `inLibrary`, over `region` (`size` bytes, page-aligned, reserved in the
 * library) read-only. The file is `size` bytes of weights followed by the
 * 16 bytes of `tag` (a hash of the weights), which the library holds too:
 * a file with other weights is refused. Returns 0, or non-zero with a message
 * in `err`. */
int tonnx_map_weights(void *region, size_t size, const void *inLibrary,
                      const unsigned char tag[16], char *err, size_t errSize);
/* Called by compiled code when a run-time check fails; does not return. */
void tonnx_check_failed(const char *msg) __attribute__((noreturn));

/*===- CUDA ------------------------------------------------------------===*
 * Models compiled for the CUDA target (--target=cuda) call these, and the
 * mgpu* entry points MLIR's gpu-to-llvm lowering emits (module load, kernel
 * launch, streams, events, allocation, copies), implemented over the CUDA
 * driver API. libcuda is loaded at run time (dlopen of libcuda.so.1, or
 * $TORCH_ONNX_LIBCUDA), so everything links and starts on machines without
 * a GPU; $TORCH_ONNX_CUDA_DEVICE picks the device (default 0).
 *===--------------------------------------------------------------------===*/

/* Loads the driver and makes the device's primary context current.
 * Returns 0, or non-zero with a message in `err` ("no CUDA driver/device
 * found: ..."). Idempotent and thread-safe. */
int tonnx_cuda_init(char *err, size_t errSize);
/* "NVIDIA H100 80GB HBM3 (sm_90)" after a successful tonnx_cuda_init. */
const char *tonnx_cuda_device_name(void);
/* The device's compute capability as major * 10 + minor (90 for sm_90);
 * 0 before a successful tonnx_cuda_init. */
int tonnx_cuda_compute_capability(void);
/* Runs fn(arg) (a compiled model's entry) with the context current and
 * every CUDA failure inside it (launch, kernel fault, out of memory, wrong
 * chip) turned into a non-zero return with a message in `err`, instead of
 * an abort. Waits for the device before returning. */
int tonnx_cuda_invoke(void (*fn)(void *), void *arg, char *err,
                      size_t errSize);
/* A device-visible (managed) copy of `bytes` bytes of read-only host data,
 * made once per address and kept for the life of the process (weights). */
void *tonnx_cuda_constant(const void *host, int64_t bytes);

#ifdef __cplusplus
}
#endif

#endif /* TORCH_ONNX_RUNTIME_H */
