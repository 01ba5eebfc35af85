//===- Passes.h - torch dialect passes --------------------------*- C++ -*-===//

#ifndef TORCH_ONNX_DIALECT_TORCH_TRANSFORMS_PASSES_H
#define TORCH_ONNX_DIALECT_TORCH_TRANSFORMS_PASSES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"
#include "torch-onnx/Dialect/Torch/IR/TorchDialect.h"

namespace mlir::Torch {
#define GEN_PASS_DECL
#include "torch-onnx/Dialect/Torch/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "torch-onnx/Dialect/Torch/Transforms/Passes.h.inc"
} // namespace mlir::Torch

#endif // TORCH_ONNX_DIALECT_TORCH_TRANSFORMS_PASSES_H
