//===- ConstantData.h - Raw bytes of constant tensors -----------*- C++ -*-===//
//
// Compile-time layout changes of weights (transposes, packed panels): the
// row-major bytes of `dense` and `dense_resource` constants, and their
// permutation.
//
//===----------------------------------------------------------------------===//

#ifndef TORCH_ONNX_SUPPORT_CONSTANTDATA_H
#define TORCH_ONNX_SUPPORT_CONSTANTDATA_H

#include "mlir/IR/BuiltinAttributes.h"
#include <optional>

namespace mlir::torch_onnx {
/// The row-major bytes of a non-splat `dense` or a loaded `dense_resource`
/// constant; nothing for splats and unloaded resources.
std::optional<ArrayRef<char>> getRawConstantBytes(ElementsAttr attr);

/// Writes the row-major `in` (shape `inShape`, elements of `bytes` bytes)
/// permuted into `out` as linalg.transpose does: out[i] = in[j] with
/// j[perm[d]] = i[d]. Runs along an unpermuted innermost dim are copied
/// whole.
void permuteConstantBytes(ArrayRef<char> in, MutableArrayRef<char> out,
                          ArrayRef<int64_t> inShape, ArrayRef<int64_t> perm,
                          int64_t bytes);
} // namespace mlir::torch_onnx

#endif
