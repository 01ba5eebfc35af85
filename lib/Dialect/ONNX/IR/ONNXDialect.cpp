//===- ONNXDialect.cpp - onnx dialect registration ------------------------===//

#include "torch-onnx/Dialect/ONNX/IR/ONNXDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::ONNX;

#include "torch-onnx/Dialect/ONNX/IR/ONNXDialect.cpp.inc"
#include "torch-onnx/Dialect/ONNX/IR/ONNXInterfaces.cpp.inc"

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

/// Folded values become `onnx.Constant` nodes (the newest signature, with a
/// tensor `value`), which any opset reads.
Operation *ONNXDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                            Type type, Location loc) {
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements || elements.getType() != type)
    return nullptr;
  return ConstantOp::create(builder, loc, type, /*sparse_value=*/nullptr,
                            elements, nullptr, nullptr, nullptr, nullptr,
                            nullptr, nullptr);
}
