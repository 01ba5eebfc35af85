//===- ScalarTypes.h - PyTorch dtypes <-> MLIR element types ----*- C++ -*-===//
//
// PyTorch's ScalarType codes and the torch dialect's element types, from the
// one table in ScalarTypes.def (the importers, type refinement and the
// lowerings all read dtypes through these).
//
//===----------------------------------------------------------------------===//

#ifndef TORCH_ONNX_DIALECT_TORCH_IR_SCALARTYPES_H
#define TORCH_ONNX_DIALECT_TORCH_IR_SCALARTYPES_H

#include "mlir/IR/BuiltinTypes.h"

#include <optional>

namespace mlir::Torch {
/// The element type of PyTorch ScalarType `code` (ScalarTypes.def), or null
/// for a dtype the dialect does not model.
inline Type getTypeForScalarTypeCode(MLIRContext *ctx, int64_t code) {
  switch (code) {
#define TORCH_SCALAR_TYPE(Code, Name, Type)                                    \
  case Code:                                                                   \
    return Type;
#include "torch-onnx/Dialect/Torch/IR/ScalarTypes.def"
  default:
    return {};
  }
}

/// The ScalarType code of element type `type` (signless integers as the
/// signed ones), if the dialect models it.
inline std::optional<int64_t> getScalarTypeCode(Type type) {
  if (!type)
    return std::nullopt;
  MLIRContext *ctx = type.getContext();
  if (auto it = dyn_cast<IntegerType>(type);
      it && it.isSignless() && it.getWidth() != 1)
    type = IntegerType::get(ctx, it.getWidth(), IntegerType::Signed);
#define TORCH_SCALAR_TYPE(Code, Name, Type)                                    \
  if (type == (Type))                                                          \
    return Code;
#include "torch-onnx/Dialect/Torch/IR/ScalarTypes.def"
  return std::nullopt;
}
} // namespace mlir::Torch

#endif // TORCH_ONNX_DIALECT_TORCH_IR_SCALARTYPES_H
