//===- ONNXOps.cpp - onnx dialect ops -------------------------------------===//

#include "torch-onnx/Dialect/ONNX/IR/ONNXDialect.h"
#include "torch-onnx/Dialect/ONNX/IR/ONNXNode.h"

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
// Assembly format of the generated ops
//===----------------------------------------------------------------------===//
//
//   %y = onnx.Clip(%x, none, %max)
//       : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
//   %z = onnx.Relu(%y) : tensor<4xf32>
//   %c = onnx.Concat(%a, %b) {axis = 0 : i64}
//       : (tensor<2xi64>, tensor<1xi64>) -> tensor<3xi64>
//
// Inputs as the ONNX node lists them, `none` for an absent optional input
// before a present one (the operand segments follow from these); attributes
// (inherent and discardable) in one dictionary; graph attributes as regions
// in parentheses; one type when every operand and the one result have it,
// else the functional type.

void mlir::ONNX::detail::printONNXOp(OpAsmPrinter &p, Operation *op) {
  auto iface = cast<ONNXOpInterface>(op);
  StringRef kinds = iface.getInputKinds();
  SmallVector<OperandRange> formal = getFormalInputs(op);
  size_t last = formal.size();
  while (last > 0 && formal[last - 1].empty())
    --last;
  p << "(";
  bool first = true;
  auto comma = [&] {
    if (!first)
      p << ", ";
    first = false;
  };
  for (size_t k = 0; k < last; ++k) {
    if (formal[k].empty() && kinds[k] != 'V') {
      comma();
      p << "none";
    }
    for (Value v : formal[k]) {
      comma();
      p << v;
    }
  }
  p << ")";
  SmallVector<NamedAttribute> attrs;
  if (auto props =
          dyn_cast_or_null<DictionaryAttr>(op->getPropertiesAsAttribute()))
    attrs.append(props.begin(), props.end());
  llvm::append_range(attrs, op->getDiscardableAttrs());
  p.printOptionalAttrDict(attrs, /*elidedAttrs=*/{"operandSegmentSizes"});
  if (op->getNumRegions()) {
    p << " (";
    llvm::interleaveComma(op->getRegions(), p, [&](Region &r) {
      p.printRegion(r, /*printEntryBlockArgs=*/true,
                    /*printBlockTerminators=*/true);
    });
    p << ")";
  }
  p << " : ";
  Type common = op->getNumResults() == 1 ? op->getResult(0).getType() : Type();
  if (common &&
      llvm::all_of(op->getOperandTypes(), [&](Type t) { return t == common; }))
    p << common;
  else
    p.printFunctionalType(op);
}

ParseResult mlir::ONNX::detail::parseONNXOp(OpAsmParser &parser,
                                            OperationState &result) {
  auto *iface = result.name.getInterface<ONNXOpInterface>();
  if (!iface)
    return parser.emitError(parser.getCurrentLocation(),
                            "not a generated ONNX op");
  StringRef kinds = iface->getInputKinds();
  SmallVector<OpAsmParser::UnresolvedOperand> operands;
  SmallVector<bool> present;
  SMLoc operandsLoc = parser.getCurrentLocation();
  if (parser.parseLParen())
    return failure();
  if (failed(parser.parseOptionalRParen())) {
    do {
      if (succeeded(parser.parseOptionalKeyword("none"))) {
        present.push_back(false);
        continue;
      }
      OpAsmParser::UnresolvedOperand operand;
      if (parser.parseOperand(operand))
        return failure();
      operands.push_back(operand);
      present.push_back(true);
    } while (succeeded(parser.parseOptionalComma()));
    if (parser.parseRParen())
      return failure();
  }
  NodeInputError bad;
  FailureOr<SmallVector<int32_t>> segments =
      nodeInputSegments(kinds, present, bad);
  if (failed(segments)) {
    switch (bad.kind) {
    case NodeInputError::MissingRequired:
      return parser.emitError(operandsLoc, "required input #")
             << bad.index << " is missing";
    case NodeInputError::EmptyInVariadic:
      return parser.emitError(operandsLoc,
                              "'none' inside a variadic input list");
    case NodeInputError::TooMany:
      return parser.emitError(operandsLoc, "expected at most ")
             << kinds.size() << " inputs";
    }
    llvm_unreachable("NodeInputError kind");
  }
  if (parser.parseOptionalAttrDict(result.attributes))
    return failure();
  if (succeeded(parser.parseOptionalLParen())) {
    do {
      if (parser.parseRegion(*result.addRegion()))
        return failure();
    } while (succeeded(parser.parseOptionalComma()));
    if (parser.parseRParen())
      return failure();
  }
  SMLoc typesLoc = parser.getCurrentLocation();
  Type type;
  if (parser.parseColonType(type))
    return failure();
  SmallVector<Type> operandTypes, resultTypes;
  if (auto fn = dyn_cast<FunctionType>(type)) {
    llvm::append_range(operandTypes, fn.getInputs());
    llvm::append_range(resultTypes, fn.getResults());
  } else {
    operandTypes.assign(operands.size(), type);
    resultTypes.push_back(type);
  }
  if (parser.resolveOperands(operands, operandTypes, typesLoc, result.operands))
    return failure();
  result.addTypes(resultTypes);
  Builder &b = parser.getBuilder();
  if (result.name.hasTrait<OpTrait::AttrSizedOperandSegments>())
    result.addAttribute("operandSegmentSizes",
                        b.getDenseI32ArrayAttr(*segments));
  if (result.name.hasTrait<OpTrait::AttrSizedResultSegments>() &&
      !result.attributes.get("resultSegmentSizes"))
    result.addAttribute("resultSegmentSizes",
                        b.getDenseI32ArrayAttr(nodeResultSegments(
                            result.name, resultTypes.size())));
  return success();
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
