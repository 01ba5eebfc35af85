//===- InitAllTranslations.cpp - Register every torch-onnx translation ----===//
//
// A library of its own: the TorchScript and torch.export importers link
// libtorch, which costs a quarter of a second of start-up (its operator
// registrations) in every process that loads it. The tools that only
// compile and run ONNX (torch-onnx-opt, -run, -compile) do without it.
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/InitAll.h"

#include "torch-onnx/Target/ONNX/ONNXTranslation.h"
#include "torch-onnx/Target/TorchExport/PT2Import.h"
#include "torch-onnx/Target/TorchScript/TorchScriptImport.h"

void mlir::torch_onnx::registerAllTranslations() {
  ONNX::registerONNXTranslations();
  Torch::registerTorchScriptTranslation();
  Torch::registerPT2Translation();
}
