//===- ONNXOpLists.h - op classes by ONNX op_type ---------------*- C++ -*-===//
//
// `op_types::Squeeze` is `OpList<SqueezeV1Op, SqueezeOp>`: the generated op
// classes of every signature of one ONNX operator (generated with the ops by
// utils/gen_onnx_ops.py). Code that handles an operator in all its versions
// (the native lowering's typed patterns) names it once through its list, and
// the compiler checks that the operator exists.
//
//===----------------------------------------------------------------------===//

#ifndef TORCH_ONNX_DIALECT_ONNX_IR_ONNXOPLISTS_H
#define TORCH_ONNX_DIALECT_ONNX_IR_ONNXOPLISTS_H

#include "torch-onnx/Dialect/ONNX/IR/ONNXDialect.h"

namespace mlir::ONNX {
/// A list of op classes (a type, never instantiated).
template <typename... Ops> struct OpList {};

namespace op_types {
#include "torch-onnx/Dialect/ONNX/IR/GeneratedONNXOpLists.h.inc"
} // namespace op_types
} // namespace mlir::ONNX

#endif // TORCH_ONNX_DIALECT_ONNX_IR_ONNXOPLISTS_H
