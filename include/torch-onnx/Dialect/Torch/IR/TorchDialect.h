//===- TorchDialect.h - The torch dialect -----------------------*- C++ -*-===//

#ifndef TORCH_ONNX_DIALECT_TORCH_IR_TORCHDIALECT_H
#define TORCH_ONNX_DIALECT_TORCH_IR_TORCHDIALECT_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace mlir::Torch::OpTrait {
/// The op writes its first operand (`Tensor(a!) self`).
template <typename ConcreteType>
class InPlace : public ::mlir::OpTrait::TraitBase<ConcreteType, InPlace> {};
/// The op neither mutates nor aliases its operands.
template <typename ConcreteType>
class ValueSemantics
    : public ::mlir::OpTrait::TraitBase<ConcreteType, ValueSemantics> {};
} // namespace mlir::Torch::OpTrait

#include "torch-onnx/Dialect/Torch/IR/TorchDialect.h.inc"

#define GET_TYPEDEF_CLASSES
#include "torch-onnx/Dialect/Torch/IR/TorchTypes.h.inc"

#define GET_OP_CLASSES
#include "torch-onnx/Dialect/Torch/IR/TorchOps.h.inc"

namespace mlir::Torch {
/// True for both tensor types.
inline bool isTorchTensorType(Type t) {
  return isa<ValueTensorType, NonValueTensorType>(t);
}
} // namespace mlir::Torch

#endif // TORCH_ONNX_DIALECT_TORCH_IR_TORCHDIALECT_H
