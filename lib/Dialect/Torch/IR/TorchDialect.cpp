//===- TorchDialect.cpp - torch dialect registration and types ------------===//

#include "torch-onnx/Dialect/Torch/IR/TorchDialect.h"
// The generated ops' registration (defined in the shards of
// GeneratedTorchOps.cpp.inc), without their class declarations.
#include "torch-onnx/Dialect/Torch/IR/GeneratedTorchOps.h.inc"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::Torch;

#include "torch-onnx/Dialect/Torch/IR/TorchDialect.cpp.inc"

//===----------------------------------------------------------------------===//
// Tensor types: `!torch.vtensor`, `!torch.vtensor<[?,3],f32>`,
// `!torch.vtensor<*,f32>`, `!torch.vtensor<[2],unk>`.
//===----------------------------------------------------------------------===//

static Type parseTensorType(
    AsmParser &parser,
    function_ref<Type(std::optional<ArrayRef<int64_t>>, Type)> build) {
  if (failed(parser.parseOptionalLess()))
    return build(std::nullopt, Type());
  std::optional<SmallVector<int64_t>> sizes;
  if (failed(parser.parseOptionalStar())) {
    sizes.emplace();
    if (parser.parseLSquare())
      return {};
    if (failed(parser.parseOptionalRSquare())) {
      do {
        if (succeeded(parser.parseOptionalQuestion())) {
          sizes->push_back(-1);
          continue;
        }
        int64_t d = 0;
        if (parser.parseInteger(d))
          return {};
        if (d < 0) {
          parser.emitError(parser.getCurrentLocation(),
                           "tensor sizes must be non-negative or '?'");
          return {};
        }
        sizes->push_back(d);
      } while (succeeded(parser.parseOptionalComma()));
      if (parser.parseRSquare())
        return {};
    }
  }
  if (parser.parseComma())
    return {};
  Type dtype;
  if (failed(parser.parseOptionalKeyword("unk")) && parser.parseType(dtype))
    return {};
  if (parser.parseGreater())
    return {};
  if (sizes)
    return build(ArrayRef<int64_t>(*sizes), dtype);
  return build(std::nullopt, dtype);
}

static void printTensorType(AsmPrinter &printer, bool hasSizes,
                            ArrayRef<int64_t> sizes, Type dtype) {
  if (!hasSizes && !dtype)
    return;
  printer << "<";
  if (hasSizes) {
    printer << "[";
    llvm::interleave(
        sizes, printer,
        [&](int64_t d) {
          if (d < 0)
            printer << "?";
          else
            printer << d;
        },
        ",");
    printer << "]";
  } else {
    printer << "*";
  }
  printer << ",";
  if (dtype)
    printer << dtype;
  else
    printer << "unk";
  printer << ">";
}

Type ValueTensorType::parse(AsmParser &parser) {
  MLIRContext *ctx = parser.getContext();
  return parseTensorType(parser, [&](auto sizes, Type dtype) -> Type {
    return ValueTensorType::get(ctx, sizes, dtype);
  });
}
void ValueTensorType::print(AsmPrinter &printer) const {
  printTensorType(printer, getHasSizes(), getSizes(), getDtype());
}
Type NonValueTensorType::parse(AsmParser &parser) {
  MLIRContext *ctx = parser.getContext();
  return parseTensorType(parser, [&](auto sizes, Type dtype) -> Type {
    return NonValueTensorType::get(ctx, sizes, dtype);
  });
}
void NonValueTensorType::print(AsmPrinter &printer) const {
  printTensorType(printer, getHasSizes(), getSizes(), getDtype());
}

//===----------------------------------------------------------------------===//
// Contained types: the torch dialect's own types may drop their `!torch.`
// prefix inside another torch type (`!torch.list<int>`,
// `!torch.tuple<tensor, optional<float>>`), as TorchScript spells them.
//===----------------------------------------------------------------------===//

/// Parses a type, allowing the short form of torch types; nullopt if the
/// next token starts no type.
static OptionalParseResult parseOptionalTorchType(AsmParser &parser,
                                                  Type &type) {
  MLIRContext *ctx = parser.getContext();
  StringRef kw;
  if (failed(parser.parseOptionalKeyword(
          &kw, {"int", "float", "bool", "str", "none", "Device", "Generator",
                "number", "any", "list", "optional", "tuple", "dict", "tensor",
                "vtensor"})))
    return parser.parseOptionalType(type);
  type = llvm::StringSwitch<function_ref<Type()>>(kw)
             .Case("int", [&] { return IntType::get(ctx); })
             .Case("float", [&] { return Torch::FloatType::get(ctx); })
             .Case("bool", [&] { return BoolType::get(ctx); })
             .Case("str", [&] { return StringType::get(ctx); })
             .Case("none", [&] { return Torch::NoneType::get(ctx); })
             .Case("Device", [&] { return DeviceType::get(ctx); })
             .Case("Generator", [&] { return GeneratorType::get(ctx); })
             .Case("number", [&] { return NumberType::get(ctx); })
             .Case("any", [&] { return Torch::AnyType::get(ctx); })
             .Case("list", [&] { return ListType::parse(parser); })
             .Case("optional", [&] { return OptionalType::parse(parser); })
             .Case("tuple", [&] { return Torch::TupleType::parse(parser); })
             .Case("dict", [&] { return DictType::parse(parser); })
             .Case("tensor", [&] { return NonValueTensorType::parse(parser); })
             .Default([&] { return ValueTensorType::parse(parser); })();
  return success(static_cast<bool>(type));
}

static ParseResult parseTorchType(AsmParser &parser, Type &type) {
  OptionalParseResult r = parseOptionalTorchType(parser, type);
  if (!r.has_value())
    return parser.emitError(parser.getCurrentLocation(), "expected a type");
  return *r;
}

static void printTorchType(AsmPrinter &printer, Type type) {
  if (!isa<TorchDialect>(type.getDialect())) {
    printer.printType(type);
    return;
  }
  // The dialect printer writes "mnemonic<params>"; strip "!torch.".
  std::string text;
  llvm::raw_string_ostream os(text);
  type.print(os);
  StringRef s(text);
  s.consume_front("!torch.");
  printer.getStream() << s;
}

static ParseResult parseTorchTypeList(AsmParser &parser,
                                      SmallVectorImpl<Type> &types) {
  Type first;
  OptionalParseResult r = parseOptionalTorchType(parser, first);
  if (!r.has_value())
    return success(); // an empty tuple
  if (failed(*r))
    return failure();
  types.push_back(first);
  while (succeeded(parser.parseOptionalComma())) {
    Type t;
    if (parseTorchType(parser, t))
      return failure();
    types.push_back(t);
  }
  return success();
}

static void printTorchTypeList(AsmPrinter &printer, ArrayRef<Type> types) {
  llvm::interleaveComma(types, printer,
                        [&](Type t) { printTorchType(printer, t); });
}

#define GET_TYPEDEF_CLASSES
#include "torch-onnx/Dialect/Torch/IR/TorchTypes.cpp.inc"

void TorchDialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "torch-onnx/Dialect/Torch/IR/TorchTypes.cpp.inc"
      >();
}

void TorchDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "torch-onnx/Dialect/Torch/IR/TorchOps.cpp.inc"
      >();
  registerTorchDialectOperations(this);
  registerTypes();
}

Operation *TorchDialect::materializeConstant(OpBuilder &builder,
                                             Attribute value, Type type,
                                             Location loc) {
  if (isa<IntType>(type))
    if (auto i = dyn_cast<IntegerAttr>(value))
      return ConstantIntOp::create(builder, loc, type, i);
  if (isa<Torch::FloatType>(type))
    if (auto f = dyn_cast<FloatAttr>(value))
      return ConstantFloatOp::create(builder, loc, type, f);
  if (isa<BoolType>(type))
    if (auto b = dyn_cast<BoolAttr>(value))
      return ConstantBoolOp::create(builder, loc, type, b);
  if (isa<StringType>(type))
    if (auto s = dyn_cast<StringAttr>(value))
      return ConstantStrOp::create(builder, loc, type, s);
  if (isa<Torch::NoneType>(type))
    return ConstantNoneOp::create(builder, loc, type);
  return nullptr;
}
