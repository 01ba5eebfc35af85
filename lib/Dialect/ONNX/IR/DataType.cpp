//===- DataType.cpp - ONNX element types <-> MLIR types -------------------===//

#include "torch-onnx/Dialect/ONNX/IR/DataType.h"

#include "torch-onnx/Dialect/ONNX/IR/ONNXDialect.h"

#include "mlir/IR/BuiltinTypes.h"

using namespace mlir;

namespace {
enum class Kind { Float, Signed, Unsigned, Bool, Complex, String, None };

struct Row {
  const char *name;
  int32_t code;
  unsigned bytes;
  Kind kind;
  unsigned bits;
};

constexpr Row kRows[] = {
#define ONNX_DATA_TYPE(NAME, CODE, BYTES, KIND, BITS)                          \
  {#NAME, CODE, BYTES, Kind::KIND, BITS},
#include "torch-onnx/Dialect/ONNX/IR/DataTypes.def"
};

const Row *find(int64_t code) {
  for (const Row &r : kRows)
    if (r.code == code)
      return &r;
  return nullptr;
}

Type floatOfWidth(MLIRContext *ctx, const Row &r) {
  if (r.code == (int32_t)ONNX::DataType::BFLOAT16)
    return BFloat16Type::get(ctx);
  switch (r.bits) {
  case 16:
    return Float16Type::get(ctx);
  case 32:
    return Float32Type::get(ctx);
  case 64:
    return Float64Type::get(ctx);
  default:
    return {};
  }
}
} // namespace

bool mlir::ONNX::isDataType(int64_t code) { return find(code) != nullptr; }

std::string mlir::ONNX::dataTypeName(int64_t code) {
  if (const Row *r = find(code))
    return r->name;
  return "data type " + std::to_string(code);
}

Type mlir::ONNX::getElementType(MLIRContext *ctx, int64_t code) {
  const Row *r = find(code);
  if (!r)
    return {};
  switch (r->kind) {
  case Kind::Float:
    return floatOfWidth(ctx, *r);
  case Kind::Signed:
    return IntegerType::get(ctx, r->bits);
  case Kind::Unsigned:
    return IntegerType::get(ctx, r->bits, IntegerType::Unsigned);
  case Kind::Bool:
    return IntegerType::get(ctx, 1);
  case Kind::Complex:
    return ComplexType::get(r->bits == 32 ? (Type)Float32Type::get(ctx)
                                          : (Type)Float64Type::get(ctx));
  case Kind::String:
    return StringType::get(ctx);
  case Kind::None:
    return {};
  }
  return {};
}

int32_t mlir::ONNX::getDataType(Type t) {
  if (!t)
    return 0;
  for (const Row &r : kRows)
    if (r.kind != Kind::None && r.kind != Kind::Signed &&
        getElementType(t.getContext(), r.code) == t)
      return r.code;
  // Signed ONNX types: signless or signed integers of the width.
  if (auto it = dyn_cast<IntegerType>(t); it && !it.isUnsigned())
    for (const Row &r : kRows)
      if (r.kind == Kind::Signed && r.bits == it.getWidth())
        return r.code;
  return 0;
}

size_t mlir::ONNX::getElementByteSize(int64_t code) {
  const Row *r = find(code);
  return r && r->kind != Kind::None ? r->bytes : 0;
}
