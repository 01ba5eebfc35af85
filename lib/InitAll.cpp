//===- InitAll.cpp - Register every torch-onnx dialect and pass -----------===//

#include "torch-onnx/InitAll.h"

#include "torch-onnx/Conversion/Passes.h"
#include "torch-onnx/Dialect/ONNX/IR/ONNXDialect.h"
#include "torch-onnx/Dialect/ONNX/Transforms/Passes.h"
#include "torch-onnx/Dialect/Torch/IR/TorchDialect.h"
#include "torch-onnx/Dialect/Torch/Transforms/Passes.h"
#include "torch-onnx/Pipelines/Pipelines.h"
#include "torch-onnx/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "mlir/Transforms/Passes.h"

void mlir::torch_onnx::registerAllDialects(DialectRegistry &registry) {
  registry.insert<ONNX::ONNXDialect, Torch::TorchDialect, func::FuncDialect>();
  // Upstream dialects, their interface models (bufferization, ...) and the
  // LLVM IR translations: the native code paths lower through them.
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::registerAllToLLVMIRTranslations(registry);
}

void mlir::torch_onnx::registerAllPasses() {
  // Upstream: canonicalize, cse, bufferization, conversions to LLVM, ...
  mlir::registerAllPasses();
  Torch::registerTorchPasses();
  ONNX::registerONNXPasses();
  torch_onnx::registerConversionPasses();
  torch_onnx::registerTransformsPasses();
  torch_onnx::registerPipelines();
}
