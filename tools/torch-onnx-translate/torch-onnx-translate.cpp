//===- torch-onnx-translate.cpp - mlir-translate for torch-onnx -----------===//

#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"
#include "torch-onnx/InitAll.h"

int main(int argc, char **argv) {
  mlir::torch_onnx::registerAllTranslations();
  return mlir::failed(
      mlir::mlirTranslateMain(argc, argv, "torch-onnx translation driver"));
}
