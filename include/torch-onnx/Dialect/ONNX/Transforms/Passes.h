//===- Passes.h - onnx dialect passes ---------------------------*- C++ -*-===//

#ifndef TORCH_ONNX_DIALECT_ONNX_TRANSFORMS_PASSES_H
#define TORCH_ONNX_DIALECT_ONNX_TRANSFORMS_PASSES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"
#include "torch-onnx/Dialect/ONNX/IR/ONNXDialect.h"

namespace mlir::ONNX {
#define GEN_PASS_DECL
#include "torch-onnx/Dialect/ONNX/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "torch-onnx/Dialect/ONNX/Transforms/Passes.h.inc"
} // namespace mlir::ONNX

#endif // TORCH_ONNX_DIALECT_ONNX_TRANSFORMS_PASSES_H
