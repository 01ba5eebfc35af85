//===- ONNXCommon.cpp - Shared helpers of ONNX import/export --------------===//

#include "torch-onnx/Target/ONNX/ONNXCommon.h"

#include "torch-onnx/Dialect/ONNX/IR/ONNXDialect.h"

using namespace mlir;
using TP = ::onnx::TensorProto;

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
