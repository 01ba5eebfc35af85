//===- torch-onnx-opt.cpp - mlir-opt for the torch-onnx dialects ----------===//

#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "torch-onnx/InitAll.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  mlir::torch_onnx::registerAllDialects(registry);
  mlir::torch_onnx::registerAllPasses();
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "torch-onnx modular optimizer driver\n", registry));
}
