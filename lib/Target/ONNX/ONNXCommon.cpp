//===- ONNXCommon.cpp - Shared helpers of ONNX import/export --------------===//

#include "torch-onnx/Target/ONNX/ONNXCommon.h"

#include "torch-onnx/Dialect/ONNX/IR/ONNXDialect.h"

using namespace mlir;
using TP = ::onnx::TensorProto;

Type mlir::ONNX::getElementType(MLIRContext *ctx, int32_t dataType) {
  Builder b(ctx);
  switch (dataType) {
  case TP::FLOAT:
    return b.getF32Type();
  case TP::DOUBLE:
    return b.getF64Type();
  case TP::FLOAT16:
    return b.getF16Type();
  case TP::BFLOAT16:
    return b.getBF16Type();
  case TP::INT8:
    return b.getIntegerType(8);
  case TP::INT16:
    return b.getIntegerType(16);
  case TP::INT32:
    return b.getIntegerType(32);
  case TP::INT64:
    return b.getIntegerType(64);
  case TP::UINT8:
    return b.getIntegerType(8, /*isSigned=*/false);
  case TP::UINT16:
    return b.getIntegerType(16, false);
  case TP::UINT32:
    return b.getIntegerType(32, false);
  case TP::UINT64:
    return b.getIntegerType(64, false);
  case TP::BOOL:
    return b.getI1Type();
  case TP::COMPLEX64:
    return ComplexType::get(b.getF32Type());
  case TP::COMPLEX128:
    return ComplexType::get(b.getF64Type());
  case TP::STRING:
    return ONNX::StringType::get(ctx);
  default:
    return {};
  }
}

int32_t mlir::ONNX::getDataType(Type t) {
  if (t.isF32())
    return TP::FLOAT;
  if (t.isF64())
    return TP::DOUBLE;
  if (t.isF16())
    return TP::FLOAT16;
  if (t.isBF16())
    return TP::BFLOAT16;
  if (auto it = dyn_cast<IntegerType>(t)) {
    bool u = it.isUnsigned();
    switch (it.getWidth()) {
    case 1:
      return TP::BOOL;
    case 8:
      return u ? TP::UINT8 : TP::INT8;
    case 16:
      return u ? TP::UINT16 : TP::INT16;
    case 32:
      return u ? TP::UINT32 : TP::INT32;
    case 64:
      return u ? TP::UINT64 : TP::INT64;
    default:
      return 0;
    }
  }
  if (auto ct = dyn_cast<ComplexType>(t)) {
    if (ct.getElementType().isF32())
      return TP::COMPLEX64;
    if (ct.getElementType().isF64())
      return TP::COMPLEX128;
    return 0;
  }
  if (isa<ONNX::StringType>(t))
    return TP::STRING;
  return 0;
}

size_t mlir::ONNX::getElementByteSize(int32_t dataType) {
  switch (dataType) {
  case TP::BOOL:
  case TP::INT8:
  case TP::UINT8:
    return 1;
  case TP::INT16:
  case TP::UINT16:
  case TP::FLOAT16:
  case TP::BFLOAT16:
    return 2;
  case TP::INT32:
  case TP::UINT32:
  case TP::FLOAT:
    return 4;
  case TP::INT64:
  case TP::UINT64:
  case TP::DOUBLE:
  case TP::COMPLEX64:
    return 8;
  case TP::COMPLEX128:
    return 16;
  default:
    return 0;
  }
}

std::string mlir::ONNX::dataTypeName(int32_t dataType) {
  if (TP::DataType_IsValid(dataType))
    return TP::DataType_Name(static_cast<TP::DataType>(dataType));
  return "data type " + std::to_string(dataType);
}

/// Appends the little-endian bytes of the typed field values of `t`.
std::string mlir::ONNX::getTypedFieldBytes(const ::onnx::TensorProto &t) {
  size_t eltSize = getElementByteSize(t.data_type());
  using TP = ::onnx::TensorProto;
  std::string out;
  auto append = [&](const void *p, size_t n) {
    out.append(static_cast<const char *>(p), n);
  };
  switch (t.data_type()) {
  case TP::FLOAT:
  case TP::COMPLEX64:
    for (float v : t.float_data())
      append(&v, 4);
    break;
  case TP::DOUBLE:
  case TP::COMPLEX128:
    for (double v : t.double_data())
      append(&v, 8);
    break;
  case TP::INT64:
    for (int64_t v : t.int64_data())
      append(&v, 8);
    break;
  case TP::UINT32:
  case TP::UINT64:
    for (uint64_t v : t.uint64_data())
      append(&v, eltSize);
    break;
  default: // int32, int16, int8, uint16, uint8, bool, float16, bfloat16
    for (int32_t v : t.int32_data())
      append(&v, eltSize);
    break;
  }
  return out;
}

bool mlir::ONNX::isSchemaDefault(const ::onnx::OpSchema &schema,
                                 const ::onnx::AttributeProto &a) {
  auto it = schema.attributes().find(a.name());
  if (it == schema.attributes().end())
    return false;
  const ::onnx::AttributeProto &def = it->second.default_value;
  if (def.type() == ::onnx::AttributeProto::UNDEFINED)
    return false;
  ::onnx::AttributeProto x(a), y(def);
  x.clear_doc_string();
  y.clear_doc_string();
  x.set_name(a.name());
  y.set_name(a.name());
  return x.SerializeAsString() == y.SerializeAsString();
}

void mlir::ONNX::inferAttributeType(::onnx::AttributeProto &a) {
  using AP = ::onnx::AttributeProto;
  if (a.type() != AP::UNDEFINED)
    return;
  if (a.has_f())
    a.set_type(AP::FLOAT);
  else if (a.has_i())
    a.set_type(AP::INT);
  else if (a.has_s())
    a.set_type(AP::STRING);
  else if (a.has_t())
    a.set_type(AP::TENSOR);
  else if (a.has_g())
    a.set_type(AP::GRAPH);
  else if (a.floats_size())
    a.set_type(AP::FLOATS);
  else if (a.ints_size())
    a.set_type(AP::INTS);
  else if (a.strings_size())
    a.set_type(AP::STRINGS);
  else if (a.tensors_size())
    a.set_type(AP::TENSORS);
  else if (a.graphs_size())
    a.set_type(AP::GRAPHS);
}
