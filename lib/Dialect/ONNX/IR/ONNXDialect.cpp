//===- ONNXDialect.cpp - onnx dialect registration ------------------------===//

#include "torch-onnx/Dialect/ONNX/IR/ONNXDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::ONNX;

#include "torch-onnx/Dialect/ONNX/IR/ONNXDialect.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "torch-onnx/Dialect/ONNX/IR/ONNXTypes.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "torch-onnx/Dialect/ONNX/IR/ONNXAttrs.cpp.inc"

void ONNXDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "torch-onnx/Dialect/ONNX/IR/ONNXOps.cpp.inc"
      >();
  registerTypes();
  registerAttributes();
}

void ONNXDialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "torch-onnx/Dialect/ONNX/IR/ONNXTypes.cpp.inc"
      >();
}

void ONNXDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "torch-onnx/Dialect/ONNX/IR/ONNXAttrs.cpp.inc"
      >();
}
