//===- InitAll.cpp - Register every torch-onnx dialect and pass -----------===//

#include "torch-onnx/InitAll.h"

#include "torch-onnx/Conversion/Passes.h"
#include "torch-onnx/Dialect/ONNX/IR/ONNXDialect.h"
#include "torch-onnx/Dialect/ONNX/Transforms/Passes.h"
#include "torch-onnx/Dialect/Torch/IR/TorchDialect.h"
#include "torch-onnx/Dialect/Torch/Transforms/Passes.h"
#include "torch-onnx/Target/ONNX/ONNXTranslation.h"
#include "torch-onnx/Target/TorchScript/TorchScriptImport.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Transforms/Passes.h"

void mlir::torch_onnx::registerAllDialects(DialectRegistry &registry) {
  registry.insert<ONNX::ONNXDialect, Torch::TorchDialect, func::FuncDialect>();
}

void mlir::torch_onnx::registerAllPasses() {
  // Upstream: canonicalize (folds, DCE), cse, symbol-dce, ...
  registerTransformsPasses();
  Torch::registerTorchPasses();
  ONNX::registerONNXPasses();
  torch_onnx::registerConversionPasses();
  torch_onnx::registerTorchToONNXPipeline();
}

void mlir::torch_onnx::registerAllTranslations() {
  ONNX::registerONNXTranslations();
  Torch::registerTorchScriptTranslation();
}
