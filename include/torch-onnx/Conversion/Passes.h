//===- Passes.h - conversion passes -----------------------------*- C++ -*-===//

#ifndef TORCH_ONNX_CONVERSION_PASSES_H
#define TORCH_ONNX_CONVERSION_PASSES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"
#include "torch-onnx/Dialect/ONNX/IR/ONNXDialect.h"

namespace mlir::torch_onnx {
#define GEN_PASS_DECL
#include "torch-onnx/Conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "torch-onnx/Conversion/Passes.h.inc"

/// Options of the torch -> onnx pipeline (--torch-to-onnx-pipeline).
struct TorchToONNXPipelineOptions
    : public PassPipelineOptions<TorchToONNXPipelineOptions> {
  Option<int64_t> opset{*this, "opset", llvm::cl::desc("Target opset (9..17)"),
                        llvm::cl::init(17)};
  Option<bool> foldConstants{
      *this, "fold-constants",
      llvm::cl::desc("Fold constant subgraphs (do_constant_folding)"),
      llvm::cl::init(true)};
  Option<bool> fallthrough{
      *this, "fallthrough",
      llvm::cl::desc("Keep unsupported ops as org.pytorch.aten nodes"),
      llvm::cl::init(false)};
  Option<int64_t> foldSizeLimit{
      *this, "fold-size-limit",
      llvm::cl::desc("Largest tensor (elements) constant folding creates"),
      llvm::cl::init(1 << 22)};
};

/// value semantics -> type refinement -> torch-to-onnx -> folding/cleanup.
void buildTorchToONNXPipeline(OpPassManager &pm,
                              const TorchToONNXPipelineOptions &options);
void registerTorchToONNXPipeline();
} // namespace mlir::torch_onnx

#endif // TORCH_ONNX_CONVERSION_PASSES_H
