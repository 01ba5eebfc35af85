//===- ConstantData.h - Raw bytes of constant tensors -----------*- C++ -*-===//
//
// Compile-time layout changes of weights (transposes, packed panels) read
// the row-major bytes of `dense` and `dense_resource` constants.
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
} // namespace mlir::torch_onnx

#endif
