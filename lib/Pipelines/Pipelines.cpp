//===- Pipelines.cpp - registration of the named pipelines ----------------===//

#include "torch-onnx/Pipelines/Pipelines.h"

void mlir::torch_onnx::registerPipelines() {
  registerTorchToONNXPipeline();
  registerONNXToLLVMPipeline();
  registerONNXToNVVMPipeline();
}
