//===- ONNXOps.cpp - onnx dialect ops -------------------------------------===//

#include "torch-onnx/Dialect/ONNX/IR/ONNXDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace mlir::ONNX;

//===----------------------------------------------------------------------===//
// Type variables
//===----------------------------------------------------------------------===//

/// The part of a type that an ONNX type variable fixes: the element type of a
/// tensor, or of the tensor inside a sequence/optional, with the container
/// kind.
static std::pair<int, Type> typeVarKey(Type type) {
  int kind = 0;
  while (true) {
    if (auto seq = dyn_cast<SeqType>(type)) {
      kind = kind * 3 + 1;
      type = seq.getElementType();
    } else if (auto opt = dyn_cast<OptType>(type)) {
      kind = kind * 3 + 2;
      type = opt.getElementType();
    } else {
      break;
    }
  }
  if (auto shaped = dyn_cast<ShapedType>(type))
    return {kind, shaped.getElementType()};
  return {kind, type};
}

bool mlir::ONNX::detail::typeVarAgrees(std::initializer_list<ValueRange> uses) {
  std::optional<std::pair<int, Type>> first;
  for (ValueRange range : uses) {
    for (Value v : range) {
      if (!v || isa<AnyType>(v.getType()))
        continue;
      auto key = typeVarKey(v.getType());
      if (isa<AnyType>(key.second))
        continue;
      if (!first)
        first = key;
      else if (*first != key)
        return false;
    }
  }
  return true;
}

void mlir::ONNX::detail::setONNXResultNames(Operation *op,
                                            OpAsmSetValueNameFn setNameFn) {
  auto names = op->getAttrOfType<ArrayAttr>("onnx.names");
  if (!names)
    return;
  for (auto [name, result] : llvm::zip(names, op->getResults()))
    if (auto s = dyn_cast<StringAttr>(name); s && !s.getValue().empty())
      setNameFn(result, s.getValue());
}

//===----------------------------------------------------------------------===//
// InitializerOp
//===----------------------------------------------------------------------===//

LogicalResult InitializerOp::verify() {
  if (getName().empty())
    return emitOpError("requires a non-empty name (ONNX IR: initializers are "
                       "referenced by name)");
  if (getValue().getType() != getOutput().getType())
    return emitOpError("value type ")
           << getValue().getType() << " does not match result type "
           << getOutput().getType();
  return success();
}

LogicalResult
InitializerOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                ValueRange, DictionaryAttr attributes,
                                OpaqueProperties properties, RegionRange,
                                SmallVectorImpl<Type> &inferred) {
  auto *props = properties.as<Properties *>();
  if (!props || !props->value)
    return failure();
  inferred.push_back(props->value.getType());
  return success();
}

void InitializerOp::getAsmResultNames(OpAsmSetValueNameFn setNameFn) {
  setNameFn(getOutput(), getName());
}

//===----------------------------------------------------------------------===//
// CustomOp
//===----------------------------------------------------------------------===//

void CustomOp::getAsmResultNames(OpAsmSetValueNameFn setNameFn) {
  detail::setONNXResultNames(getOperation(), setNameFn);
}

LogicalResult CustomOp::verify() {
  if (getOpType().empty())
    return emitOpError(
        "requires a non-empty op_type (ONNX IR: NodeProto.op_type)");
  if (getRegionNames().size() != getGraphs().size())
    return emitOpError("has ") << getGraphs().size() << " graph regions but "
                               << getRegionNames().size() << " region_names";
  for (Region &r : getGraphs()) {
    if (r.empty() || !isa<YieldOp>(r.front().getTerminator()))
      return emitOpError("graph regions must end in onnx.Yield");
  }
  return success();
}

#define GET_OP_CLASSES
#include "torch-onnx/Dialect/ONNX/IR/ONNXOps.cpp.inc"
