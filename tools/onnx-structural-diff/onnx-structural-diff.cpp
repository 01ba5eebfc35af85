//===- onnx-structural-diff.cpp - Compare two ONNX models structurally ----===//
//
// Usage: onnx-structural-diff A.onnx B.onnx
//
// Exits 0 when the models are the same after normalizing encodings that carry
// no meaning: typed tensor fields vs raw_data, attribute order, initializer
// order, opset_import order, "ai.onnx" vs "" domains, unset attribute types,
// optional fields set to their default vs unset, trailing empty input/output
// names, and names of tensors nested in attributes. Otherwise prints the first
// differences and exits 1. Used by the round-trip conformance test.
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Target/ONNX/ONNXCommon.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/util/message_differencer.h>

#include <algorithm>

using namespace mlir;

static void normalizeTensor(::onnx::TensorProto &t, bool inAttribute) {
  if (inAttribute)
    t.clear_name();
  t.clear_doc_string();
  if (t.data_type() == ::onnx::TensorProto::STRING)
    return;
  if (!t.has_raw_data())
    t.set_raw_data(ONNX::getTypedFieldBytes(t));
  if (t.data_type() == ::onnx::TensorProto::BOOL)
    for (char &c : *t.mutable_raw_data())
      c = c ? 1 : 0;
  t.clear_float_data();
  t.clear_int32_data();
  t.clear_int64_data();
  t.clear_double_data();
  t.clear_uint64_data();
}

static void normalizeGraph(::onnx::GraphProto &g);

static void normalizeAttribute(::onnx::AttributeProto &a) {
  a.clear_doc_string();
  ONNX::inferAttributeType(a);
  if (a.has_t())
    normalizeTensor(*a.mutable_t(), true);
  for (auto &t : *a.mutable_tensors())
    normalizeTensor(t, true);
  if (a.has_sparse_tensor()) {
    normalizeTensor(*a.mutable_sparse_tensor()->mutable_values(), true);
    normalizeTensor(*a.mutable_sparse_tensor()->mutable_indices(), true);
  }
  if (a.has_g())
    normalizeGraph(*a.mutable_g());
  for (auto &g : *a.mutable_graphs())
    normalizeGraph(g);
}

static void
normalizeNodes(google::protobuf::RepeatedPtrField<::onnx::NodeProto> &nodes) {
  for (auto &n : nodes) {
    if (n.domain() == "ai.onnx")
      n.clear_domain();
    // Trailing empty names mean "absent" just like no name at all.
    while (n.input_size() && n.input(n.input_size() - 1).empty())
      n.mutable_input()->RemoveLast();
    while (n.output_size() && n.output(n.output_size() - 1).empty())
      n.mutable_output()->RemoveLast();
    for (auto &a : *n.mutable_attribute())
      normalizeAttribute(a);
    std::sort(n.mutable_attribute()->begin(), n.mutable_attribute()->end(),
              [](const auto &x, const auto &y) { return x.name() < y.name(); });
  }
}

static void normalizeGraph(::onnx::GraphProto &g) {
  for (auto &t : *g.mutable_initializer())
    normalizeTensor(t, false);
  std::sort(g.mutable_initializer()->begin(), g.mutable_initializer()->end(),
            [](const auto &x, const auto &y) { return x.name() < y.name(); });
  normalizeNodes(*g.mutable_node());
}

static void normalizeModel(::onnx::ModelProto &m) {
  for (auto &o : *m.mutable_opset_import())
    if (o.domain() == "ai.onnx")
      o.clear_domain();
  std::sort(
      m.mutable_opset_import()->begin(), m.mutable_opset_import()->end(),
      [](const auto &x, const auto &y) { return x.domain() < y.domain(); });
  normalizeGraph(*m.mutable_graph());
  for (auto &f : *m.mutable_functions())
    normalizeNodes(*f.mutable_node());
}

static bool load(const char *path, ::onnx::ModelProto &m) {
  auto buf = llvm::MemoryBuffer::getFile(path, false, false);
  if (!buf) {
    llvm::errs() << "cannot read '" << path << "'\n";
    return false;
  }
  google::protobuf::io::ArrayInputStream raw((*buf)->getBufferStart(),
                                             (*buf)->getBufferSize());
  google::protobuf::io::CodedInputStream coded(&raw);
  coded.SetTotalBytesLimit(INT_MAX);
  if (!m.ParseFromCodedStream(&coded)) {
    llvm::errs() << "'" << path << "' is not an ONNX ModelProto\n";
    return false;
  }
  return true;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    llvm::errs() << "usage: onnx-structural-diff A.onnx B.onnx\n";
    return 2;
  }
  ::onnx::ModelProto a, b;
  if (!load(argv[1], a) || !load(argv[2], b))
    return 2;
  normalizeModel(a);
  normalizeModel(b);
  google::protobuf::util::MessageDifferencer differ;
  // An optional field set to its default equals an unset one.
  differ.set_message_field_comparison(
      google::protobuf::util::MessageDifferencer::EQUIVALENT);
  std::string report;
  differ.ReportDifferencesToString(&report);
  if (differ.Compare(a, b))
    return 0;
  if (report.size() > 4000)
    report = report.substr(0, 4000) + "\n...";
  llvm::errs() << "models differ:\n" << report;
  return 1;
}
