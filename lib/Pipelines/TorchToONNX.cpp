//===- TorchToONNX.cpp - --torch-to-onnx-pipeline -------------------------===//

#include "torch-onnx/Conversion/Passes.h"
#include "torch-onnx/Dialect/ONNX/Transforms/Passes.h"
#include "torch-onnx/Dialect/Torch/Transforms/Passes.h"
#include "torch-onnx/Pipelines/Pipelines.h"
#include "torch-onnx/Transforms/Passes.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

void mlir::torch_onnx::buildTorchToONNXPipeline(
    OpPassManager &pm, const TorchToONNXPipelineOptions &options) {
  pm.addNestedPass<func::FuncOp>(Torch::createTorchDropRaisePaths());
  pm.addNestedPass<func::FuncOp>(Torch::createTorchValueSemantics());
  pm.addPass(createCanonicalizerPass());
  pm.addNestedPass<func::FuncOp>(Torch::createTorchFunctionalizeLists());
  pm.addNestedPass<func::FuncOp>(Torch::createTorchRefineTypes());
  // Again with the refined types: checks on ranks and dtypes of
  // intermediate values (x.dim() == 1 after a view) now decide.
  pm.addNestedPass<func::FuncOp>(Torch::createTorchDropRaisePaths());
  pm.addPass(createCanonicalizerPass());
  pm.addNestedPass<func::FuncOp>(Torch::createTorchRefineTypes());
  ConvertTorchToONNXOptions conv;
  conv.opset = options.opset;
  conv.fallthrough = options.fallthrough;
  pm.addPass(createConvertTorchToONNX(conv));
  // The onnx ops' folders evaluate constant subgraphs: without
  // do_constant_folding, only the patterns run.
  pm.addPass(createCanonicalizerPass(
      GreedyRewriteConfig().enableFolding(options.foldConstants)));
  if (options.foldConstants) {
    ONNX::ONNXFoldConstantsOptions fold;
    fold.sizeLimit = options.foldSizeLimit;
    pm.addNestedPass<func::FuncOp>(ONNX::createONNXFoldConstants(fold));
    pm.addPass(createCanonicalizerPass());
  }
  pm.addPass(createCSEPass());
}

void mlir::torch_onnx::registerTorchToONNXPipeline() {
  PassPipelineRegistration<TorchToONNXPipelineOptions>(
      "torch-to-onnx-pipeline",
      "TorchScript-imported torch dialect -> ONNX main graph for one opset: "
      "value semantics, type refinement, conversion, constant folding, "
      "cleanup",
      buildTorchToONNXPipeline);
}
