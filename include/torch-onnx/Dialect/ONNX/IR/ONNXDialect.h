//===- ONNXDialect.h - The onnx dialect -------------------------*- C++ -*-===//

#ifndef TORCH_ONNX_DIALECT_ONNX_IR_ONNXDIALECT_H
#define TORCH_ONNX_DIALECT_ONNX_IR_ONNXDIALECT_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "torch-onnx/Dialect/ONNX/IR/ONNXDialect.h.inc"

#define GET_TYPEDEF_CLASSES
#include "torch-onnx/Dialect/ONNX/IR/ONNXTypes.h.inc"

#define GET_ATTRDEF_CLASSES
#include "torch-onnx/Dialect/ONNX/IR/ONNXAttrs.h.inc"

namespace mlir::ONNX {
/// The largest value (in elements) that an op's folder computes.
constexpr int64_t kFoldSizeLimit = int64_t(1) << 22;
} // namespace mlir::ONNX

namespace mlir::ONNX::detail {
/// True when all values bound to one ONNX type variable (e.g. `T` of Add) agree
/// on their element type. Unknown (`!onnx.any`) values agree with anything.
bool typeVarAgrees(std::initializer_list<ValueRange> uses);
/// Names the results of `op` after its `onnx.names` attribute, if any.
void setONNXResultNames(Operation *op, OpAsmSetValueNameFn setNameFn);
/// The assembly format of the generated ops (ONNXOps.cpp).
void printONNXOp(OpAsmPrinter &p, Operation *op);
ParseResult parseONNXOp(OpAsmParser &parser, OperationState &result);
} // namespace mlir::ONNX::detail

#include "torch-onnx/Dialect/ONNX/IR/ONNXInterfaces.h.inc"

#define GET_OP_CLASSES
#include "torch-onnx/Dialect/ONNX/IR/ONNXOps.h.inc"

#endif // TORCH_ONNX_DIALECT_ONNX_IR_ONNXDIALECT_H
