//===- ONNXImport.cpp - ONNX ModelProto -> onnx dialect -------------------===//
//
// Imports a ModelProto into a builtin module holding the main graph
// (`func.func @main_graph`) and one `func.func` per model-local function.
// Nodes of the default domain become the generated op of the schema that the
// model's opset selects; everything else becomes `onnx.Custom`. Names, doc
// strings, metadata and dim_param names are kept in `onnx.*` attributes so
// export reproduces the model.
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Target/ONNX/ONNXCommon.h"

#include "torch-onnx/Dialect/ONNX/IR/ONNXDialect.h"
#include "torch-onnx/Dialect/ONNX/IR/ONNXNode.h"
#include "torch-onnx/Dialect/ONNX/IR/ONNXSchema.h"
#include "torch-onnx/Dialect/ONNX/IR/Opset.h"
#include "torch-onnx/Target/ONNX/ONNXTranslation.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/PrettyStackTrace.h"

#include "onnx/defs/parser.h"
#include "onnx/defs/schema.h"
#include "llvm/ADT/StringExtras.h"

#include "onnx/shape_inference/implementation.h"
#include <set>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <fstream>
#include <limits>
#include <unordered_map>

using namespace mlir;
using namespace mlir::ONNX;
namespace attr = mlir::ONNX::attr;

namespace {

/// Tensors with at least this many bytes become resource blobs.
constexpr size_t kResourceThreshold = 256;

using OpsetMap = std::unordered_map<std::string, int>;

class Importer {
public:
  Importer(MLIRContext *ctx, StringRef path, ::onnx::ModelProto &model)
      : ctx(ctx), b(ctx), path(path.str()), model(model) {
    modelDir = llvm::sys::path::parent_path(path).str();
    fileLoc = FileLineColLoc::get(ctx, path, 0, 0);
  }

  OwningOpRef<ModuleOp> run();

private:
  //===--- Diagnostics ------------------------------------------------===//
  /// "Relu node 'r'", or "Relu node #3" for an unnamed node.
  std::string describe(const ::onnx::NodeProto &node) {
    if (!node.name().empty())
      return node.op_type() + " node '" + node.name() + "'";
    return node.op_type() + " node #" + std::to_string(nodeIndex);
  }
  InFlightDiagnostic error(Location loc) { return emitError(loc); }
  Location nodeLoc(const ::onnx::NodeProto &node) {
    std::string label = node.name().empty()
                            ? "<unnamed " + node.op_type() + " node>"
                            : node.name();
    return NameLoc::get(b.getStringAttr(label), fileLoc);
  }

  //===--- Types and tensors --------------------------------------------===//
  FailureOr<Type> importType(const ::onnx::TypeProto &type, Location loc,
                             ArrayAttr *dimParams = nullptr);
  FailureOr<ElementsAttr> importTensor(const ::onnx::TensorProto &tensor,
                                       Location loc);
  /// Reads the `needed` bytes (unless the tensor states a length) of an
  /// external-data tensor.
  FailureOr<std::string> readExternalData(const ::onnx::TensorProto &tensor,
                                          int64_t needed, Location loc);
  FailureOr<Attribute> importAttribute(const ::onnx::AttributeProto &a,
                                       Location loc);

  //===--- Graphs ---------------------------------------------------------===//
  Value lookup(StringRef name) {
    for (auto it = scopes.rbegin(); it != scopes.rend(); ++it) {
      auto found = it->find(name);
      if (found != it->end())
        return found->second;
    }
    return {};
  }
  /// Result type of value `name`: declared output > value_info > inferred.
  Type typeOf(StringRef name);
  LogicalResult importNodes(
      const google::protobuf::RepeatedPtrField<::onnx::NodeProto> &nodes,
      const OpsetMap &opsets, bool inFunction);
  /// The node's typed inputs and outputs, (schema parameter, node input or
  /// output #, type), against the schema's type constraints.
  LogicalResult checkNodeTypes(const ::onnx::NodeProto &node,
                               const ::onnx::OpSchema &schema,
                               ArrayRef<std::tuple<size_t, size_t, Type>> ins,
                               ArrayRef<std::tuple<size_t, size_t, Type>> outs,
                               Location loc);
  LogicalResult importNode(const ::onnx::NodeProto &node,
                           const OpsetMap &opsets, bool inFunction);
  LogicalResult importSubgraph(const ::onnx::GraphProto &graph, Region &region,
                               const OpsetMap &opsets, Location loc);
  void collectValueInfo(const ::onnx::GraphProto &graph);
  /// Records the graph-level names (value_info, dim params) on `holder`.
  void setValueInfoAttrs(Operation *holder, const ::onnx::GraphProto &graph,
                         NamedAttrList &dims);
  LogicalResult importMainGraph(ModuleOp module);
  LogicalResult importFunction(ModuleOp module,
                               const ::onnx::FunctionProto &fn);

  MLIRContext *ctx;
  OpBuilder b;
  std::string path, modelDir;
  ::onnx::ModelProto &model;
  Location fileLoc = UnknownLoc::get(ctx);
  OpsetMap modelOpsets;
  std::vector<llvm::StringMap<Value>> scopes;
  /// Declared types: value_info of every graph, graph outputs override.
  llvm::StringMap<const ::onnx::TypeProto *> declared;
  /// Types found by ONNX shape inference (only to type intermediate values).
  llvm::StringMap<::onnx::TypeProto> inferred;
  /// Index of the node being imported in its graph (for messages).
  int64_t nodeIndex = 0;
  /// The ONNX schemas a generated op serves (its merged versions), by
  /// generated op name (see checkNodeTypes).
  llvm::StringMap<SmallVector<const ::onnx::OpSchema *>> mergedSchemas;
};

} // namespace

//===----------------------------------------------------------------------===//
// Types and tensors
//===----------------------------------------------------------------------===//

FailureOr<Type> Importer::importType(const ::onnx::TypeProto &type,
                                     Location loc, ArrayAttr *dimParams) {
  switch (type.value_case()) {
  case ::onnx::TypeProto::kTensorType: {
    const auto &tt = type.tensor_type();
    Type elt = getElementType(ctx, tt.elem_type());
    if (!elt) {
      if (tt.elem_type() == 0)
        elt = AnyType::get(ctx);
      else
        return error(loc) << "unsupported tensor element type "
                          << dataTypeName(tt.elem_type());
    }
    if (isa<AnyType>(elt))
      return elt;
    if (!tt.has_shape())
      return Type(UnrankedTensorType::get(elt));
    SmallVector<int64_t> shape;
    SmallVector<Attribute> params;
    bool anyParam = false;
    for (const auto &d : tt.shape().dim()) {
      if (d.has_dim_value() && d.dim_value() >= 0)
        shape.push_back(d.dim_value());
      else
        shape.push_back(ShapedType::kDynamic);
      params.push_back(b.getStringAttr(d.has_dim_param() ? d.dim_param() : ""));
      anyParam |= d.has_dim_param();
    }
    if (dimParams && anyParam)
      *dimParams = b.getArrayAttr(params);
    return Type(RankedTensorType::get(shape, elt));
  }
  case ::onnx::TypeProto::kSequenceType: {
    if (!type.sequence_type().has_elem_type())
      return Type(SeqType::get(ctx, AnyType::get(ctx)));
    auto elt = importType(type.sequence_type().elem_type(), loc, dimParams);
    if (failed(elt))
      return failure();
    return Type(SeqType::get(ctx, *elt));
  }
  case ::onnx::TypeProto::kOptionalType: {
    if (!type.optional_type().has_elem_type())
      return Type(OptType::get(ctx, AnyType::get(ctx)));
    auto elt = importType(type.optional_type().elem_type(), loc, dimParams);
    if (failed(elt))
      return failure();
    return Type(OptType::get(ctx, *elt));
  }
  case ::onnx::TypeProto::kMapType: {
    Type key = getElementType(ctx, type.map_type().key_type());
    auto val = importType(type.map_type().value_type(), loc);
    if (!key || failed(val))
      return error(loc) << "unsupported map type";
    return Type(MapType::get(ctx, key, *val));
  }
  case ::onnx::TypeProto::VALUE_NOT_SET:
    return Type(AnyType::get(ctx));
  default:
    return error(loc) << "unsupported ONNX type (sparse tensors are not "
                         "supported yet)";
  }
}

FailureOr<std::string>
Importer::readExternalData(const ::onnx::TensorProto &tensor, int64_t needed,
                           Location loc) {
  std::string location;
  uint64_t offset = 0, length = uint64_t(needed);
  for (const auto &kv : tensor.external_data()) {
    if (kv.key() == "location") {
      location = kv.value();
    } else if (kv.key() == "offset" || kv.key() == "length") {
      uint64_t v;
      if (StringRef(kv.value()).getAsInteger(10, v))
        return error(loc) << "tensor '" << tensor.name() << "': external data "
                          << kv.key() << " '" << kv.value()
                          << "' is not a non-negative decimal integer";
      (kv.key() == "offset" ? offset : length) = v;
    }
  }
  if (location.empty())
    return error(loc) << "tensor '" << tensor.name()
                      << "' uses external data without a 'location'";
  // A relative path below the model's folder: no absolute path, no `..`
  // component (a name like `a..b` is fine).
  bool escapes = llvm::sys::path::is_absolute(location) ||
                 llvm::sys::path::has_root_name(location);
  for (auto it = llvm::sys::path::begin(location),
            end = llvm::sys::path::end(location);
       it != end; ++it)
    escapes |= *it == "..";
  if (escapes)
    return error(loc) << "tensor '" << tensor.name()
                      << "': external data location '" << location
                      << "' must be a relative path inside the model's folder";
  SmallString<256> file(modelDir);
  llvm::sys::path::append(file, location);

  // Only a regular file, reached through no link that leaves the model's
  // folder, and with no second name (a hard link) elsewhere.
  llvm::sys::fs::file_status st;
  if (std::error_code ec = llvm::sys::fs::status(file, st, /*Follow=*/true))
    return error(loc) << "cannot read external data file '" << file
                      << "' of tensor '" << tensor.name()
                      << "': " << ec.message();
  if (st.type() != llvm::sys::fs::file_type::regular_file)
    return error(loc) << "external data file '" << file << "' of tensor '"
                      << tensor.name()
                      << "' is not a regular file (a directory, FIFO, device "
                         "or socket); it must be a file beside the model";
  SmallString<256> realFile, realDir;
  if (llvm::sys::fs::real_path(file, realFile) ||
      llvm::sys::fs::real_path(modelDir.empty() ? "." : modelDir, realDir))
    return error(loc) << "cannot resolve external data file '" << file << "'";
  llvm::sys::path::append(realDir, "");
  if (!StringRef(realFile).starts_with(realDir))
    return error(loc) << "external data file '" << file << "' of tensor '"
                      << tensor.name() << "' is a link to '" << realFile
                      << "', outside the model's folder; copy the data beside "
                         "the model";
  if (st.getLinkCount() > 1)
    return error(loc) << "external data file '" << file << "' of tensor '"
                      << tensor.name() << "' has " << st.getLinkCount()
                      << " hard links: it may be a file from outside the "
                         "model's folder; copy the data to a file of its own";
  uint64_t size = st.getSize();
  if (offset > size || length > size - offset) {
    bool past = length > std::numeric_limits<uint64_t>::max() - offset;
    uint64_t end = offset + length;
    return error(loc) << "external data file '" << file << "' is too short: "
                      << "tensor '" << tensor.name() << "' needs bytes ["
                      << offset << ", "
                      << (past ? std::string("2^64 and beyond")
                               : std::to_string(end))
                      << ") but the file has " << size;
  }
  if (length == 0)
    return std::string();
  auto buf = llvm::MemoryBuffer::getFileSlice(file, length, offset);
  if (!buf)
    return error(loc) << "cannot read external data file '" << file
                      << "' of tensor '" << tensor.name()
                      << "': " << buf.getError().message();
  return std::string((*buf)->getBufferStart(), (*buf)->getBufferSize());
}

FailureOr<ElementsAttr>
Importer::importTensor(const ::onnx::TensorProto &tensor, Location loc) {
  int32_t dt = tensor.data_type();
  Type elt = getElementType(ctx, dt);
  if (!elt)
    return error(loc) << "tensor '" << tensor.name()
                      << "' has unsupported element type " << dataTypeName(dt);
  SmallVector<int64_t> shape;
  int64_t numElements = 1;
  for (int64_t d : tensor.dims()) {
    if (d < 0)
      return error(loc) << "tensor '" << tensor.name()
                        << "' has a negative dimension " << d;
    shape.push_back(d);
    int64_t maxBytes;
    if (llvm::MulOverflow(numElements, d, numElements) ||
        llvm::MulOverflow(numElements, int64_t(16), maxBytes))
      return error(loc) << "tensor '" << tensor.name()
                        << "' has more elements than can be addressed (its "
                           "dims multiply past 2^59)";
  }
  auto type = RankedTensorType::get(shape, elt);
  if (tensor.has_segment())
    return error(loc) << "tensor '" << tensor.name()
                      << "' is segmented; segmented tensors are not supported";

  if (dt == ::onnx::TensorProto::STRING) {
    if (tensor.string_data_size() != numElements)
      return error(loc) << "string tensor '" << tensor.name() << "' has "
                        << tensor.string_data_size() << " strings for "
                        << numElements << " elements";
    SmallVector<StringRef> strs;
    for (const std::string &s : tensor.string_data())
      strs.push_back(s);
    return ElementsAttr(DenseStringElementsAttr::get(type, strs));
  }

  size_t eltSize = getElementByteSize(dt);
  std::string bytes;
  bool external = tensor.data_location() == ::onnx::TensorProto::EXTERNAL;
  if (external) {
    auto data = readExternalData(tensor, numElements * eltSize, loc);
    if (failed(data))
      return failure();
    bytes = std::move(*data);
  } else if (tensor.has_raw_data()) {
    // The proto is ours to consume: move the bytes instead of copying them.
    bytes = std::move(
        *const_cast<::onnx::TensorProto &>(tensor).mutable_raw_data());
  } else {
    bytes = getTypedFieldBytes(tensor);
  }
  if (bytes.size() != numElements * eltSize)
    return error(loc) << "tensor '" << tensor.name() << "' of type "
                      << dataTypeName(dt) << " and " << numElements
                      << " elements needs " << numElements * eltSize
                      << " bytes of data but has " << bytes.size();

  if (elt.isInteger(1)) {
    SmallVector<bool> vals;
    for (char c : bytes)
      vals.push_back(c != 0);
    return ElementsAttr(DenseElementsAttr::get(type, vals));
  }
  if (bytes.size() >= kResourceThreshold) {
    // Hand the heap buffer to the blob: no element-wise copy, no memcpy.
    auto *owned = new std::string(std::move(bytes));
    ArrayRef<char> data(owned->data(), owned->size());
    size_t align = alignof(std::max_align_t);
    if (reinterpret_cast<uintptr_t>(owned->data()) % align != 0) {
      AsmResourceBlob blob =
          HeapAsmResourceBlob::allocateAndCopyWithAlign(data, alignof(double));
      delete owned;
      return ElementsAttr(DenseResourceElementsAttr::get(
          type, tensor.name().empty() ? "tensor" : tensor.name(),
          std::move(blob)));
    }
    AsmResourceBlob blob(
        data, align, [owned](void *, size_t, size_t) { delete owned; },
        /*dataIsMutable=*/false);
    return ElementsAttr(DenseResourceElementsAttr::get(
        type, tensor.name().empty() ? "tensor" : tensor.name(),
        std::move(blob)));
  }
  bool isSplat = false;
  if (!DenseElementsAttr::isValidRawBuffer(
          type, ArrayRef<char>(bytes.data(), bytes.size()), isSplat))
    return error(loc) << "tensor '" << tensor.name() << "' has malformed data";
  return ElementsAttr(DenseElementsAttr::getFromRawBuffer(
      type, ArrayRef<char>(bytes.data(), bytes.size())));
}

FailureOr<Attribute> Importer::importAttribute(const ::onnx::AttributeProto &a,
                                               Location loc) {
  using AP = ::onnx::AttributeProto;
  if (!a.ref_attr_name().empty())
    return Attribute(AttrRefAttr::get(ctx, a.ref_attr_name(), a.type()));
  switch (a.type()) {
  case AP::FLOAT:
    return Attribute(b.getF32FloatAttr(a.f()));
  case AP::INT:
    return Attribute(b.getI64IntegerAttr(a.i()));
  case AP::STRING:
    return Attribute(b.getStringAttr(a.s()));
  case AP::TENSOR: {
    auto t = importTensor(a.t(), loc);
    if (failed(t))
      return failure();
    return Attribute(*t);
  }
  case AP::SPARSE_TENSOR: {
    const auto &st = a.sparse_tensor();
    auto values = importTensor(st.values(), loc);
    if (failed(values))
      return failure();
    auto indices = importTensor(st.indices(), loc);
    if (failed(indices))
      return failure();
    SmallVector<int64_t> dims(st.dims().begin(), st.dims().end());
    return Attribute(SparseTensorAttr::get(ctx, dims, *values, *indices));
  }
  case AP::TYPE_PROTO: {
    auto t = importType(a.tp(), loc);
    if (failed(t))
      return failure();
    return Attribute(TypeAttr::get(*t));
  }
  case AP::FLOATS: {
    SmallVector<Attribute> v;
    for (float f : a.floats())
      v.push_back(b.getF32FloatAttr(f));
    return Attribute(b.getArrayAttr(v));
  }
  case AP::INTS: {
    SmallVector<Attribute> v;
    for (int64_t i : a.ints())
      v.push_back(b.getI64IntegerAttr(i));
    return Attribute(b.getArrayAttr(v));
  }
  case AP::STRINGS: {
    SmallVector<Attribute> v;
    for (const std::string &s : a.strings())
      v.push_back(b.getStringAttr(s));
    return Attribute(b.getArrayAttr(v));
  }
  case AP::TENSORS: {
    SmallVector<Attribute> v;
    for (const auto &t : a.tensors()) {
      auto e = importTensor(t, loc);
      if (failed(e))
        return failure();
      v.push_back(*e);
    }
    return Attribute(b.getArrayAttr(v));
  }
  case AP::TYPE_PROTOS: {
    SmallVector<Attribute> v;
    for (const auto &tp : a.type_protos()) {
      auto t = importType(tp, loc);
      if (failed(t))
        return failure();
      v.push_back(TypeAttr::get(*t));
    }
    return Attribute(b.getArrayAttr(v));
  }
  default:
    return error(loc) << "attribute '" << a.name() << "' has unsupported type "
                      << AP::AttributeType_Name(a.type());
  }
}

//===----------------------------------------------------------------------===//
// Graphs
//===----------------------------------------------------------------------===//

Type Importer::typeOf(StringRef name) {
  Location loc = NameLoc::get(b.getStringAttr(name), fileLoc);
  if (auto it = declared.find(name); it != declared.end()) {
    auto t = importType(*it->second, loc);
    if (succeeded(t) && !isa<AnyType>(*t))
      return *t;
  }
  if (auto it = inferred.find(name); it != inferred.end()) {
    // Shape inference is only a hint for intermediate types: ignore failures.
    ScopedDiagnosticHandler silence(ctx,
                                    [](Diagnostic &) { return success(); });
    auto t = importType(it->second, loc);
    if (succeeded(t))
      return *t;
  }
  return AnyType::get(ctx);
}

void Importer::collectValueInfo(const ::onnx::GraphProto &graph) {
  for (const auto &vi : graph.value_info())
    declared[vi.name()] = &vi.type();
  for (const auto &out : graph.output())
    if (out.has_type())
      declared[out.name()] = &out.type();
  for (const auto &node : graph.node())
    for (const auto &a : node.attribute()) {
      if (a.has_g())
        collectValueInfo(a.g());
      for (const auto &g : a.graphs())
        collectValueInfo(g);
    }
}

void Importer::setValueInfoAttrs(Operation *holder,
                                 const ::onnx::GraphProto &graph,
                                 NamedAttrList &dims) {
  SmallVector<Attribute> vinames;
  for (const auto &vi : graph.value_info()) {
    vinames.push_back(b.getStringAttr(vi.name()));
    ArrayAttr params;
    Location loc = NameLoc::get(b.getStringAttr(vi.name()), fileLoc);
    if (vi.has_type() && succeeded(importType(vi.type(), loc, &params)) &&
        params)
      dims.set(vi.name(), params);
  }
  if (!vinames.empty())
    holder->setAttr(attr::kValueInfo, b.getArrayAttr(vinames));
  if (!dims.empty())
    holder->setAttr(attr::kDimParams, dims.getDictionary(ctx));
}

LogicalResult Importer::importNodes(
    const google::protobuf::RepeatedPtrField<::onnx::NodeProto> &nodes,
    const OpsetMap &opsets, bool inFunction) {
  int64_t saved = nodeIndex;
  nodeIndex = 0;
  for (const auto &node : nodes) {
    if (failed(importNode(node, opsets, inFunction)))
      return failure();
    ++nodeIndex;
  }
  nodeIndex = saved;
  return success();
}

LogicalResult Importer::importSubgraph(const ::onnx::GraphProto &graph,
                                       Region &region, const OpsetMap &opsets,
                                       Location loc) {
  Block *block = new Block();
  region.push_back(block);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToEnd(block);
  scopes.emplace_back();
  llvm::scope_exit popScope([&] { scopes.pop_back(); });

  NamedAttrList dims;
  SmallVector<Attribute> inputNames;
  for (const auto &in : graph.input()) {
    ArrayAttr params;
    auto t = importType(in.type(), loc, &params);
    if (failed(t))
      return failure();
    if (params)
      dims.set(in.name(), params);
    scopes.back()[in.name()] = block->addArgument(*t, loc);
    inputNames.push_back(b.getStringAttr(in.name()));
  }
  for (const auto &init : graph.initializer()) {
    auto value = importTensor(init, loc);
    if (failed(value))
      return failure();
    auto op = InitializerOp::create(b, loc, value->getType(),
                                    b.getStringAttr(init.name()), *value);
    scopes.back()[init.name()] = op.getResult();
  }
  if (failed(importNodes(graph.node(), opsets, /*inFunction=*/false)))
    return failure();

  SmallVector<Value> outs;
  SmallVector<Attribute> outNames, outTypes;
  for (const auto &out : graph.output()) {
    Value v = lookup(out.name());
    if (!v)
      return error(loc) << "subgraph '" << graph.name() << "' output '"
                        << out.name() << "' is not defined";
    outs.push_back(v);
    outNames.push_back(b.getStringAttr(out.name()));
    ArrayAttr params;
    auto t = importType(out.type(), loc, &params);
    if (failed(t))
      return failure();
    if (params)
      dims.set(out.name(), params);
    outTypes.push_back(TypeAttr::get(*t));
  }
  auto yield = YieldOp::create(b, loc, outs);
  yield->setAttr(attr::kGraphName, b.getStringAttr(graph.name()));
  yield->setAttr(attr::kInputNames, b.getArrayAttr(inputNames));
  yield->setAttr(attr::kOutputNames, b.getArrayAttr(outNames));
  yield->setAttr(attr::kOutputTypes, b.getArrayAttr(outTypes));
  if (!graph.doc_string().empty())
    yield->setAttr(attr::kGraphDocString, b.getStringAttr(graph.doc_string()));
  setValueInfoAttrs(yield, graph, dims);
  return success();
}

/// "tensor(float)" for a tensor of an element type ONNX names; empty for
/// anything else (unknown types, sequences, optionals).
static std::string onnxTypeString(Type t) {
  auto tt = dyn_cast<TensorType>(t);
  if (!tt)
    return "";
  int32_t dt = getDataType(tt.getElementType());
  if (dt == ::onnx::TensorProto::UNDEFINED ||
      !::onnx::TensorProto::DataType_IsValid(dt))
    return "";
  return "tensor(" + StringRef(dataTypeName(dt)).lower() + ")";
}

LogicalResult Importer::checkNodeTypes(
    const ::onnx::NodeProto &node, const ::onnx::OpSchema &schema,
    ArrayRef<std::tuple<size_t, size_t, Type>> ins,
    ArrayRef<std::tuple<size_t, size_t, Type>> outs, Location loc) {
  std::string op =
      node.op_type() + "-" + std::to_string(schema.since_version());
  // The generated op serves several versions of the op with one signature
  // (the union of their type constraints, which its verifier checks): a
  // type any of them allows is accepted, as the dialect does.
  // Computed once per generated op and cached.
  std::optional<StringRef> opName =
      lookupGeneratedOp(node.op_type(), schema.since_version());
  std::string cacheKey = opName ? opName->str() : op;
  auto [cached, fresh] = mergedSchemas.try_emplace(cacheKey);
  SmallVector<const ::onnx::OpSchema *> &merged = cached->second;
  if (fresh) {
    int newest = ::onnx::OpSchemaRegistry::DomainToVersionRange::Instance()
                     .Map()
                     .at(::onnx::ONNX_DOMAIN)
                     .second;
    for (int v = 1; opName && v <= newest; ++v)
      if (const auto *sv =
              ::onnx::OpSchemaRegistry::Schema(node.op_type(), v, ""))
        if (lookupGeneratedOp(node.op_type(), sv->since_version()) == opName &&
            !llvm::is_contained(merged, sv))
          merged.push_back(sv);
    if (merged.empty())
      merged.push_back(&schema);
  }
  // The type a constraint name (e.g. "T") is bound to, and by what.
  llvm::StringMap<std::pair<std::string, std::string>> bound;
  auto check = [&](const ::onnx::OpSchema::FormalParameter &param, bool input,
                   size_t p, std::string what, Type type) -> LogicalResult {
    std::string ts = onnxTypeString(type);
    if (ts.empty())
      return success();
    std::set<std::string> allowed;
    for (const ::onnx::OpSchema *sv : merged) {
      const auto &params = input ? sv->inputs() : sv->outputs();
      if (p < params.size())
        for (const std::string *dt : params[p].GetTypes())
          allowed.insert(*dt);
    }
    bool isConstraint =
        llvm::any_of(schema.typeConstraintParams(), [&](const auto &c) {
          return c.type_param_str == param.GetTypeStr();
        });
    if (!allowed.empty() && !allowed.count(ts)) {
      SmallVector<std::string> names(allowed.begin(), allowed.end());
      return error(loc) << describe(node) << ": " << what << " has type " << ts
                        << ", but " << op << " allows "
                        << llvm::join(names.begin(), names.end(), ", ")
                        << " there"
                        << (isConstraint
                                ? " (type '" + param.GetTypeStr() + "')"
                                : std::string());
    }
    if (param.GetIsHomogeneous() && isConstraint) {
      auto [it, fresh] = bound.try_emplace(param.GetTypeStr(), ts, what);
      if (!fresh && it->second.first != ts)
        return error(loc) << describe(node) << ": " << it->second.second
                          << " has type " << it->second.first << " and " << what
                          << " " << ts << ", but " << op
                          << " needs the same type for both (type '"
                          << param.GetTypeStr() << "')";
    }
    return success();
  };
  for (auto [p, k, t] : ins)
    if (failed(check(
            schema.inputs()[p], /*input=*/true, p,
            "input #" + std::to_string(k) + " ('" + node.input(k) + "')", t)))
      return failure();
  for (auto [p, k, t] : outs)
    if (failed(check(
            schema.outputs()[p], /*input=*/false, p,
            "output #" + std::to_string(k) + " ('" + node.output(k) + "')", t)))
      return failure();
  return success();
}

LogicalResult Importer::importNode(const ::onnx::NodeProto &nodeIn,
                                   const OpsetMap &opsets, bool inFunction) {
  ::onnx::NodeProto &node = const_cast<::onnx::NodeProto &>(nodeIn);
  Location loc = nodeLoc(node);
  std::string domain = node.domain() == "ai.onnx" ? "" : node.domain();
  for (auto &a : *node.mutable_attribute())
    inferAttributeType(a);

  // Operands: every non-empty input name must be defined before use (this is
  // also what rejects cycles: ONNX graphs are topologically sorted).
  SmallVector<Value> inputs;
  for (const std::string &in : node.input()) {
    if (in.empty()) {
      inputs.push_back({});
      continue;
    }
    Value v = lookup(in);
    if (!v)
      return error(loc) << describe(node) << " uses '" << in
                        << "', which is not defined before it (an undefined "
                           "name, or a graph that is not topologically sorted "
                           "or has a cycle)";
    inputs.push_back(v);
  }

  // Select the generated op of the schema that the opset picks.
  const ::onnx::OpSchema *schema = nullptr;
  std::optional<StringRef> opName;
  if (domain.empty()) {
    auto it = opsets.find("");
    if (it == opsets.end())
      return error(loc) << "the model imports no opset for the default ONNX "
                           "domain; add opset_import { domain: \"\" version: "
                        << kDefaultOpset << " }";
    schema = ::onnx::OpSchemaRegistry::Schema(node.op_type(), it->second, "");
    if (schema)
      opName = lookupGeneratedOp(node.op_type(), schema->since_version());
  } else if (!inFunction && !opsets.count(domain) && domain != "ai.onnx.ml" &&
             !model.functions_size()) {
    return error(loc) << describe(node) << " uses domain '" << domain
                      << "', which the model does not import (opset_import)";
  }

  bool generic = !opName;
  using AP = ::onnx::AttributeProto;
  if (!generic) {
    for (const auto &a : node.attribute()) {
      auto sa = schema->attributes().find(a.name());
      if (sa == schema->attributes().end())
        return error(loc) << describe(node) << " has attribute '" << a.name()
                          << "', which " << node.op_type() << "-"
                          << schema->since_version() << " does not define";
      if (!a.ref_attr_name().empty()) {
        generic = true; // a function attribute reference: keep it verbatim
        break;
      }
      if (static_cast<int>(sa->second.type) != static_cast<int>(a.type()))
        return error(loc) << "attribute '" << a.name() << "' of "
                          << describe(node) << " has type "
                          << AP::AttributeType_Name(a.type()) << ", but "
                          << node.op_type() << "-" << schema->since_version()
                          << " requires "
                          << AP::AttributeType_Name(
                                 static_cast<AP::AttributeType>(
                                     static_cast<int>(sa->second.type)));
    }
  }

  OperationState state(loc, generic ? StringRef("onnx.Custom") : *opName);
  SmallVector<std::pair<StringRef, const ::onnx::GraphProto *>> graphs;
  SmallVector<Attribute> regionNames;
  NamedAttrList customAttrs;

  // Operands and their segments; typed[k] = (schema input, node input #).
  SmallVector<std::tuple<size_t, size_t, Value>> typedInputs;
  if (!generic) {
    NodeInputError bad;
    FailureOr<NodeOperands> mapped = mapNodeInputs(state.name, inputs, bad);
    if (succeeded(mapped)) {
      addNodeOperands(state, *mapped);
      for (auto [v, origin] : llvm::zip(mapped->operands, mapped->origin))
        typedInputs.push_back({origin.first, origin.second, v});
    } else if (bad.kind == NodeInputError::MissingRequired) {
      return error(loc) << describe(node) << " lacks required input '"
                        << schema->inputs()[bad.index].GetName() << "' (input #"
                        << bad.index << ")";
    } else if (bad.kind == NodeInputError::TooMany) {
      return error(loc) << describe(node) << " has " << inputs.size()
                        << " inputs, but " << node.op_type() << "-"
                        << schema->since_version() << " takes at most "
                        << schema->inputs().size();
    } else {
      generic = true; // an empty name inside a variadic list
    }
  }
  if (generic) {
    state.name = OperationName("onnx.Custom", ctx);
    for (Value v : inputs) {
      if (!v)
        v = NoValueOp::create(b, loc, b.getNoneType()).getResult();
      state.operands.push_back(v);
    }
  }

  // Attributes and graph regions. Generated ops materialize schema defaults,
  // so an attribute that the node states with its default value is recorded
  // to be written again on export.
  SmallVector<Attribute> explicitDefaults;
  for (const auto &a : node.attribute()) {
    if (a.type() == AP::GRAPH || a.type() == AP::GRAPHS) {
      if (a.type() == AP::GRAPH)
        graphs.push_back({a.name(), &a.g()});
      else
        for (const auto &g : a.graphs())
          graphs.push_back({a.name(), &g});
      continue;
    }
    auto value = importAttribute(a, loc);
    if (failed(value))
      return failure();
    if (!generic && isSchemaDefault(*schema, a))
      explicitDefaults.push_back(b.getStringAttr(a.name()));
    if (generic)
      customAttrs.set(a.name(), *value);
    else
      state.addAttribute(getODSAttrName(state.name.getStringRef(), a.name()),
                         *value);
  }
  if (!generic) {
    // Regions follow the schema's graph attributes in name order.
    llvm::sort(graphs, [](auto &x, auto &y) { return x.first < y.first; });
    SmallVector<std::string> expected;
    for (const auto &[n, sa] : schema->attributes())
      if (sa.type == ::onnx::AttributeProto::GRAPH)
        expected.push_back(n);
    llvm::sort(expected);
    if (expected.size() != graphs.size())
      return error(loc) << describe(node) << " has " << graphs.size()
                        << " graph attributes, " << node.op_type() << "-"
                        << schema->since_version() << " requires "
                        << expected.size();
  } else {
    state.addAttribute("domain", b.getStringAttr(node.domain()));
    state.addAttribute("op_type", b.getStringAttr(node.op_type()));
    if (auto it = opsets.find(domain); it != opsets.end())
      state.addAttribute("version", b.getI64IntegerAttr(it->second));
    if (!customAttrs.empty())
      state.addAttribute("attrs", customAttrs.getDictionary(ctx));
    for (auto &g : graphs)
      regionNames.push_back(b.getStringAttr(g.first));
    if (!regionNames.empty())
      state.addAttribute("region_names", b.getArrayAttr(regionNames));
  }
  for (size_t i = 0; i < graphs.size(); ++i)
    state.addRegion();
  for (size_t i = 0; i < graphs.size(); ++i)
    if (failed(
            importSubgraph(*graphs[i].second, *state.regions[i], opsets, loc)))
      return failure();

  // Results.
  SmallVector<Attribute> names;
  SmallVector<std::string> resultNames;
  SmallVector<std::pair<size_t, size_t>> resultParams; // (schema output, #)
  if (!generic) {
    const auto &params = schema->outputs();
    SmallVector<int32_t> segments;
    size_t next = 0;
    for (size_t p = 0; p < params.size(); ++p) {
      auto option = params[p].GetOption();
      int32_t n = 0;
      if (option == ::onnx::OpSchema::Variadic) {
        for (; next < (size_t)node.output_size(); ++next, ++n) {
          resultNames.push_back(node.output(next));
          resultParams.push_back({p, next});
        }
      } else {
        if (next < (size_t)node.output_size() && !node.output(next).empty()) {
          resultNames.push_back(node.output(next));
          resultParams.push_back({p, next});
          n = 1;
        } else if (option == ::onnx::OpSchema::Single) {
          return error(loc) << describe(node) << " lacks required output '"
                            << params[p].GetName() << "'";
        }
        ++next;
      }
      segments.push_back(n);
    }
    if (next < (size_t)node.output_size())
      return error(loc) << describe(node) << " has " << node.output_size()
                        << " outputs, but " << node.op_type() << "-"
                        << schema->since_version() << " produces at most "
                        << params.size();
    if (state.name.hasTrait<OpTrait::AttrSizedResultSegments>())
      state.addAttribute("resultSegmentSizes",
                         b.getDenseI32ArrayAttr(segments));
  } else {
    for (const std::string &o : node.output())
      resultNames.push_back(o);
  }
  for (const std::string &o : resultNames) {
    state.types.push_back(o.empty() ? Type(AnyType::get(ctx)) : typeOf(o));
    names.push_back(b.getStringAttr(o));
  }
  if (!resultNames.empty())
    state.addAttribute(attr::kNames, b.getArrayAttr(names));
  if (!explicitDefaults.empty())
    state.addAttribute(attr::kExplicitAttrs, b.getArrayAttr(explicitDefaults));
  if (!node.name().empty())
    state.addAttribute(attr::kNodeName, b.getStringAttr(node.name()));
  if (!node.doc_string().empty())
    state.addAttribute(attr::kDocString, b.getStringAttr(node.doc_string()));
  if (!generic) {
    SmallVector<std::tuple<size_t, size_t, Type>> ins, outs;
    for (auto [p, k, v] : typedInputs)
      ins.push_back({p, k, v.getType()});
    for (size_t r = 0; r < resultNames.size(); ++r)
      outs.push_back(
          {resultParams[r].first, resultParams[r].second, state.types[r]});
    if (failed(checkNodeTypes(node, *schema, ins, outs, loc)))
      return failure();
  }

  Operation *op = b.create(state);
  for (auto [name, result] : llvm::zip(resultNames, op->getResults()))
    if (!name.empty())
      scopes.back()[name] = result;
  return success();
}

LogicalResult Importer::importMainGraph(ModuleOp module) {
  const ::onnx::GraphProto &graph = model.graph();
  Location loc = fileLoc;
  scopes.emplace_back();

  // Initializers that are also graph inputs become arguments with a default.
  llvm::StringMap<const ::onnx::TensorProto *> inits;
  for (const auto &init : graph.initializer()) {
    if (init.name().empty())
      return error(loc) << "an initializer has no name";
    if (!inits.insert({init.name(), &init}).second)
      return error(loc) << "initializer '" << init.name()
                        << "' is defined twice";
  }
  if (graph.sparse_initializer_size())
    return error(loc) << "sparse initializers are not supported yet";

  SmallVector<Type> argTypes;
  SmallVector<DictionaryAttr> argAttrs;
  NamedAttrList dims;
  llvm::StringSet<> seenInputs;
  for (const auto &in : graph.input()) {
    if (!seenInputs.insert(in.name()).second)
      return error(loc) << "graph input '" << in.name()
                        << "' is declared twice";
    ArrayAttr params;
    auto t = importType(in.type(), loc, &params);
    if (failed(t))
      return failure();
    argTypes.push_back(*t);
    NamedAttrList attrs;
    attrs.set(attr::kName, b.getStringAttr(in.name()));
    if (params)
      attrs.set(attr::kDimParams, params);
    if (auto it = inits.find(in.name()); it != inits.end()) {
      auto value = importTensor(*it->second, loc);
      if (failed(value))
        return failure();
      attrs.set(attr::kInitializer, *value);
    }
    argAttrs.push_back(attrs.getDictionary(ctx));
  }

  b.setInsertionPointToEnd(module.getBody());
  auto func = func::FuncOp::create(b, loc, attr::kMainGraph,
                                   b.getFunctionType(argTypes, {}));
  Block *entry = func.addEntryBlock();
  for (auto [i, in] : llvm::enumerate(graph.input())) {
    func.setArgAttrs(i, argAttrs[i]);
    scopes.back()[in.name()] = entry->getArgument(i);
  }
  b.setInsertionPointToEnd(entry);
  for (const auto &init : graph.initializer()) {
    if (seenInputs.contains(init.name()))
      continue;
    auto value =
        importTensor(init, NameLoc::get(b.getStringAttr(init.name()), fileLoc));
    if (failed(value))
      return failure();
    auto op = InitializerOp::create(b, loc, value->getType(),
                                    b.getStringAttr(init.name()), *value);
    scopes.back()[init.name()] = op.getResult();
  }
  if (failed(importNodes(graph.node(), modelOpsets, /*inFunction=*/false)))
    return failure();

  SmallVector<Value> outs;
  SmallVector<Type> outTypes;
  for (auto [i, out] : llvm::enumerate(graph.output())) {
    Value v = lookup(out.name());
    if (!v)
      return error(loc) << "graph output '" << out.name()
                        << "' is not produced by any node, input or "
                           "initializer";
    outs.push_back(v);
    outTypes.push_back(v.getType());
  }
  func::ReturnOp::create(b, loc, outs);
  func.setType(b.getFunctionType(argTypes, outTypes));
  for (auto [i, out] : llvm::enumerate(graph.output())) {
    func.setResultAttr(i, attr::kName, b.getStringAttr(out.name()));
    ArrayAttr params;
    auto t = importType(out.type(), loc, &params);
    if (failed(t))
      return failure();
    if (params)
      func.setResultAttr(i, attr::kDimParams, params);
    if (*t != outTypes[i])
      func.setResultAttr(i, attr::kType, TypeAttr::get(*t));
  }
  func->setAttr(attr::kGraphName, b.getStringAttr(graph.name()));
  if (!graph.doc_string().empty())
    func->setAttr(attr::kGraphDocString, b.getStringAttr(graph.doc_string()));
  setValueInfoAttrs(func, graph, dims);
  scopes.pop_back();
  return success();
}

LogicalResult Importer::importFunction(ModuleOp module,
                                       const ::onnx::FunctionProto &fn) {
  Location loc = NameLoc::get(b.getStringAttr(fn.name()), fileLoc);
  OpsetMap opsets;
  SmallVector<Attribute> opsetAttrs;
  for (const auto &o : fn.opset_import()) {
    opsets[o.domain() == "ai.onnx" ? "" : o.domain()] = o.version();
    opsetAttrs.push_back(b.getArrayAttr(
        {b.getStringAttr(o.domain()), b.getI64IntegerAttr(o.version())}));
  }
  scopes.emplace_back();
  b.setInsertionPointToEnd(module.getBody());
  SmallVector<Type> argTypes(fn.input_size(), AnyType::get(ctx));
  std::string sym =
      fn.domain().empty() ? fn.name() : fn.domain() + "." + fn.name();
  auto func =
      func::FuncOp::create(b, loc, sym, b.getFunctionType(argTypes, {}));
  Block *entry = func.addEntryBlock();
  for (auto [i, in] : llvm::enumerate(fn.input())) {
    func.setArgAttr(i, attr::kName, b.getStringAttr(in));
    scopes.back()[in] = entry->getArgument(i);
  }
  b.setInsertionPointToEnd(entry);
  if (failed(importNodes(fn.node(), opsets, /*inFunction=*/true)))
    return failure();
  SmallVector<Value> outs;
  SmallVector<Type> outTypes;
  for (const std::string &out : fn.output()) {
    Value v = lookup(out);
    if (!v)
      return error(loc) << "function '" << fn.name() << "' output '" << out
                        << "' is not defined";
    outs.push_back(v);
    outTypes.push_back(v.getType());
  }
  func::ReturnOp::create(b, loc, outs);
  func.setType(b.getFunctionType(argTypes, outTypes));
  for (auto [i, out] : llvm::enumerate(fn.output()))
    func.setResultAttr(i, attr::kName, b.getStringAttr(out));
  func->setAttr(attr::kFunctionName, b.getStringAttr(fn.name()));
  func->setAttr(attr::kFunctionDomain, b.getStringAttr(fn.domain()));
  func->setAttr(attr::kOpsetImport, b.getArrayAttr(opsetAttrs));
  SmallVector<Attribute> fnAttrs;
  for (const std::string &a : fn.attribute())
    fnAttrs.push_back(b.getStringAttr(a));
  func->setAttr(attr::kFunctionAttributes, b.getArrayAttr(fnAttrs));
  if (!fn.doc_string().empty())
    func->setAttr(attr::kDocString, b.getStringAttr(fn.doc_string()));
  scopes.pop_back();
  return success();
}

/// A copy of `model` for ONNX shape inference, without the bytes of the
/// main graph's large initializers (the weights): inference reads the data
/// of small tensors only (shapes, axes, pads, scales), and copying the
/// weights was a fifth of resnet18's import. The bytes are moved out of
/// `model` for the copy and back (a string swap each), also if the copy
/// throws.
static ::onnx::ModelProto copyWithoutLargeData(::onnx::ModelProto &model) {
  constexpr size_t kLargeBytes = 64 * 1024;
  struct Parked {
    SmallVector<std::pair<std::string *, std::string>> data;
    ~Parked() {
      for (auto &[field, bytes] : data)
        field->swap(bytes);
    }
  } parked;
  for (auto &init : *model.mutable_graph()->mutable_initializer())
    if (init.raw_data().size() >= kLargeBytes) {
      parked.data.emplace_back(init.mutable_raw_data(), std::string());
      parked.data.back().first->swap(parked.data.back().second);
    }
  return ::onnx::ModelProto(model);
}

OwningOpRef<ModuleOp> Importer::run() {
  ctx->loadDialect<ONNXDialect, func::FuncDialect>();
  if (model.opset_import_size() == 0) {
    error(fileLoc) << "the model has no opset_import; every ONNX model must "
                      "say which operator set versions it uses (e.g. "
                      "opset_import { domain: \"\" version: "
                   << kDefaultOpset << " })";
    return {};
  }
  if (!model.has_graph()) {
    error(fileLoc) << "the model has no graph";
    return {};
  }
  SmallVector<Attribute> opsetAttrs;
  for (const auto &o : model.opset_import()) {
    std::string d = o.domain() == "ai.onnx" ? "" : o.domain();
    if (d.empty() &&
        (o.version() < kMinImportOpset || o.version() > kMaxOpset)) {
      error(fileLoc) << "the model imports ai.onnx opset " << o.version()
                     << "; supported versions are " << kMinImportOpset << " to "
                     << kMaxOpset;
      return {};
    }
    modelOpsets[d] = o.version();
    opsetAttrs.push_back(b.getArrayAttr(
        {b.getStringAttr(o.domain()), b.getI64IntegerAttr(o.version())}));
  }

  // libonnx trusts the models it is handed: check what it assumes first.
  if (failed(validateModelStructure(model, fileLoc)))
    return {};

  // ONNX shape inference types the intermediate values that the model does
  // not annotate. It runs on a copy, so the imported model stays as written.
  {
    llvm::PrettyStackTraceFormat stage(
        "running libonnx shape inference on '%s'", path.c_str());
    ::onnx::ModelProto copy = copyWithoutLargeData(model);
    ::onnx::ShapeInferenceOptions options{/*check_type=*/false,
                                          /*error_mode=*/0,
                                          /*enable_data_propagation=*/false};
    try {
      ::onnx::shape_inference::InferShapes(
          copy, ::onnx::OpSchemaRegistry::Instance(), options);
      std::function<void(const ::onnx::GraphProto &)> collect =
          [&](const ::onnx::GraphProto &g) {
            for (const auto &vi : g.value_info())
              inferred[vi.name()] = vi.type();
            for (const auto &n : g.node())
              for (const auto &a : n.attribute()) {
                if (a.has_g())
                  collect(a.g());
                for (const auto &sg : a.graphs())
                  collect(sg);
              }
          };
      collect(copy.graph());
    } catch (const std::exception &) {
      // Inference is best effort: values stay !onnx.any where it fails.
    }
  }
  collectValueInfo(model.graph());

  OwningOpRef<ModuleOp> module(ModuleOp::create(fileLoc));
  module->getOperation()->setAttr(attr::kIrVersion,
                                  b.getI64IntegerAttr(model.ir_version()));
  module->getOperation()->setAttr(attr::kOpsetImport,
                                  b.getArrayAttr(opsetAttrs));
  auto setStr = [&](StringRef name, const std::string &v) {
    if (!v.empty())
      module->getOperation()->setAttr(name, b.getStringAttr(v));
  };
  setStr(attr::kProducerName, model.producer_name());
  setStr(attr::kProducerVersion, model.producer_version());
  setStr(attr::kDomain, model.domain());
  setStr(attr::kDocString, model.doc_string());
  if (model.has_model_version())
    module->getOperation()->setAttr(attr::kModelVersion,
                                    b.getI64IntegerAttr(model.model_version()));
  if (model.metadata_props_size()) {
    SmallVector<Attribute> props;
    for (const auto &p : model.metadata_props())
      props.push_back(b.getArrayAttr(
          {b.getStringAttr(p.key()), b.getStringAttr(p.value())}));
    module->getOperation()->setAttr(attr::kMetadataProps,
                                    b.getArrayAttr(props));
  }
  if (model.training_info_size()) {
    error(fileLoc) << "the model has training_info, which is not supported";
    return {};
  }

  if (failed(importMainGraph(*module)))
    return {};
  for (const auto &fn : model.functions())
    if (failed(importFunction(*module, fn)))
      return {};
  if (failed(verify(*module)))
    return {};
  return module;
}

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

LogicalResult mlir::ONNX::parseModel(StringRef bytes, StringRef path,
                                     MLIRContext *ctx,
                                     ::onnx::ModelProto &model) {
  Location loc = FileLineColLoc::get(ctx, path, 0, 0);
  if (bytes.empty())
    return emitError(loc) << "'" << path << "' is empty, not an ONNX model";
  // ONNX's textual syntax starts with '<' (model header) after whitespace or
  // comments; a binary ModelProto starts with a field tag byte.
  StringRef trimmed = bytes.ltrim();
  while (trimmed.starts_with("#")) {
    trimmed = trimmed.drop_until([](char c) { return c == '\n'; }).ltrim();
  }
  if (trimmed.starts_with("<")) {
    std::string text(bytes);
    if (failed(checkTextNesting(text, loc)))
      return failure();
    try {
      auto status = ::onnx::OnnxParser::Parse(model, text.c_str());
      if (!status.IsOK())
        return emitError(loc)
               << "'" << path << "' is not valid ONNX textual syntax: "
               << status.ErrorMessage();
    } catch (const std::exception &e) {
      return emitError(loc)
             << "'" << path
             << "' is not valid ONNX textual syntax: " << e.what();
    }
    return success();
  }
  google::protobuf::io::ArrayInputStream raw(bytes.data(), bytes.size());
  google::protobuf::io::CodedInputStream coded(&raw);
  coded.SetTotalBytesLimit(INT_MAX);
  // Deep enough for kMaxSubgraphDepth nested subgraphs (what the exporter
  // writes at most), bounded so a hostile file cannot exhaust the stack.
  coded.SetRecursionLimit(kProtobufRecursionLimit);
  if (!model.ParseFromCodedStream(&coded) || !coded.ConsumedEntireMessage())
    return emitError(loc)
           << "'" << path
           << "' is not a valid ONNX model: protobuf parsing of ModelProto "
              "failed (truncated or corrupt file, or subgraphs nested more "
              "than "
           << kMaxSubgraphDepth << " deep?)";
  if (!model.has_graph() && model.opset_import_size() == 0 &&
      model.ir_version() == 0)
    return emitError(loc) << "'" << path
                          << "' is not a valid ONNX model: it has no "
                             "ir_version, opset_import or graph";
  return success();
}

OwningOpRef<ModuleOp> mlir::ONNX::importModel(::onnx::ModelProto &model,
                                              StringRef path,
                                              MLIRContext *context) {
  Importer importer(context, path, model);
  try {
    return importer.run();
  } catch (const std::exception &e) {
    emitError(FileLineColLoc::get(context, path, 0, 0))
        << "cannot import '" << path << "': " << e.what();
    return {};
  }
}

namespace {
/// External data locations in first-seen order, each once.
struct Locations {
  std::vector<std::string> list;
  llvm::StringSet<> seen;
  void insert(const std::string &l) {
    if (seen.insert(l).second)
      list.push_back(l);
  }
};
} // namespace

static void collectLocations(const ::onnx::TensorProto &t, Locations &out) {
  if (t.data_location() != ::onnx::TensorProto::EXTERNAL)
    return;
  for (const auto &kv : t.external_data())
    if (kv.key() == "location")
      out.insert(kv.value());
}

static void collectLocations(const ::onnx::GraphProto &g, unsigned depth,
                             Locations &out) {
  if (depth > kMaxSubgraphDepth)
    return;
  for (const auto &t : g.initializer())
    collectLocations(t, out);
  for (const auto &n : g.node())
    for (const auto &a : n.attribute()) {
      if (a.has_t())
        collectLocations(a.t(), out);
      for (const auto &t : a.tensors())
        collectLocations(t, out);
      if (a.has_g())
        collectLocations(a.g(), depth + 1, out);
      for (const auto &sub : a.graphs())
        collectLocations(sub, depth + 1, out);
    }
}

std::vector<std::string>
mlir::ONNX::getExternalDataLocations(const ::onnx::ModelProto &model) {
  Locations out;
  collectLocations(model.graph(), 0, out);
  return std::move(out.list);
}

OwningOpRef<ModuleOp> mlir::ONNX::importModelFile(StringRef path,
                                                  MLIRContext *context) {
  auto buf = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!buf) {
    emitError(FileLineColLoc::get(context, path, 0, 0))
        << "cannot open '" << path << "': " << buf.getError().message();
    return {};
  }
  ::onnx::ModelProto model;
  if (failed(parseModel((*buf)->getBuffer(), path, context, model)))
    return {};
  return importModel(model, path, context);
}
