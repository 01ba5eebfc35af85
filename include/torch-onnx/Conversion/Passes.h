//===- Passes.h - conversion passes -----------------------------*- C++ -*-===//

#ifndef TORCH_ONNX_CONVERSION_PASSES_H
#define TORCH_ONNX_CONVERSION_PASSES_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Dialect/Affine/IR/AffineOps.h"
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

/// Options of the onnx -> LLVM pipeline (--onnx-to-llvm-pipeline).
struct ONNXToLLVMPipelineOptions
    : public PassPipelineOptions<ONNXToLLVMPipelineOptions> {
  Option<bool> openmp{*this, "openmp",
                      llvm::cl::desc("Run parallel loops with OpenMP threads"),
                      llvm::cl::init(true)};
  Option<bool> vectorize{
      *this, "vectorize",
      llvm::cl::desc("Tile and vectorize contractions and convolutions"),
      llvm::cl::init(true)};
};

/// onnx -> linalg -> bufferized loops (OpenMP) -> LLVM dialect.
void buildONNXToLLVMPipeline(OpPassManager &pm,
                             const ONNXToLLVMPipelineOptions &options);
/// The pipeline's two stages as textual pass pipelines: onnx -> linalg
/// (constant folding + conversion), then linalg -> LLVM dialect.
std::string getONNXToLinalgStageText();
std::string getLinalgToLLVMStageText(const ONNXToLLVMPipelineOptions &options);
void registerONNXToLLVMPipeline();
} // namespace mlir::torch_onnx

#endif // TORCH_ONNX_CONVERSION_PASSES_H
