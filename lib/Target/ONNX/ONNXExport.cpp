//===- ONNXExport.cpp - onnx dialect -> ONNX ModelProto -------------------===//
//
// The inverse of ONNXImport.cpp. Every export is checked with ONNX's own
// checker; files are written to a temporary and renamed into place.
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Support/OutputFile.h"
#include "torch-onnx/Target/ONNX/ONNXCommon.h"

#include "torch-onnx/Dialect/ONNX/IR/ONNXDialect.h"
#include "torch-onnx/Dialect/ONNX/IR/ONNXNode.h"
#include "torch-onnx/Dialect/ONNX/IR/ONNXSchema.h"
#include "torch-onnx/Dialect/ONNX/IR/Opset.h"
#include "torch-onnx/Target/ONNX/ONNXTranslation.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "onnx/checker.h"
#include "onnx/defs/schema.h"

#include <google/protobuf/io/zero_copy_stream_impl.h>

using namespace mlir;
using namespace mlir::ONNX;
namespace attr = mlir::ONNX::attr;
using AP = ::onnx::AttributeProto;

namespace {

class Exporter {
public:
  Exporter(ModuleOp module, const ExportOptions &options)
      : module(module), options(options) {}
  LogicalResult run(::onnx::ModelProto &model);

private:
  LogicalResult exportType(Type type, ::onnx::TypeProto &out, Location loc,
                           ArrayAttr dimParams = {});
  LogicalResult exportTensor(Attribute value, ::onnx::TensorProto &out,
                             Location loc);
  LogicalResult exportAttribute(StringRef name, Attribute value,
                                ::onnx::AttributeProto &out, Location loc);
  std::string nameOf(Value v);
  std::string freshName(StringRef hint);
  void assignNames(Operation *op);
  LogicalResult exportOp(Operation *op, ::onnx::GraphProto &graph,
                         const llvm::StringMap<int64_t> &opsets);
  LogicalResult exportRegion(Region &region, ::onnx::GraphProto &graph,
                             const llvm::StringMap<int64_t> &opsets);
  LogicalResult
  exportNodes(Block &block,
              google::protobuf::RepeatedPtrField<::onnx::NodeProto> &nodes,
              ::onnx::GraphProto *graph,
              const llvm::StringMap<int64_t> &opsets);
  void addValueInfo(Operation *holder, ::onnx::GraphProto &graph, Location loc);

  ModuleOp module;
  const ExportOptions &options;
  uint64_t dataOffset = 0;
  llvm::DenseMap<Value, std::string> names;
  /// Every name the module mentions (fresh names avoid them all).
  llvm::StringSet<> usedNames;
  /// Names already given to a value.
  llvm::StringSet<> claimed;
  unsigned counter = 0;
  llvm::StringMap<Value> valueByName;
};

} // namespace

//===----------------------------------------------------------------------===//
// Types, tensors and attributes
//===----------------------------------------------------------------------===//

LogicalResult Exporter::exportType(Type type, ::onnx::TypeProto &out,
                                   Location loc, ArrayAttr dimParams) {
  if (isa<AnyType>(type))
    return success(); // unknown: leave the TypeProto empty
  if (auto seq = dyn_cast<SeqType>(type)) {
    auto *st = out.mutable_sequence_type();
    if (isa<AnyType>(seq.getElementType()))
      return success();
    return exportType(seq.getElementType(), *st->mutable_elem_type(), loc,
                      dimParams);
  }
  if (auto opt = dyn_cast<OptType>(type)) {
    auto *ot = out.mutable_optional_type();
    if (isa<AnyType>(opt.getElementType()))
      return success();
    return exportType(opt.getElementType(), *ot->mutable_elem_type(), loc,
                      dimParams);
  }
  if (auto map = dyn_cast<MapType>(type)) {
    auto *mt = out.mutable_map_type();
    mt->set_key_type(getDataType(map.getKeyType()));
    return exportType(map.getValueType(), *mt->mutable_value_type(), loc);
  }
  auto tensor = dyn_cast<TensorType>(type);
  if (!tensor)
    return emitError(loc) << "type " << type << " has no ONNX equivalent";
  int32_t dt = getDataType(tensor.getElementType());
  if (!dt)
    return emitError(loc) << "element type " << tensor.getElementType()
                          << " has no ONNX equivalent";
  auto *tt = out.mutable_tensor_type();
  tt->set_elem_type(dt);
  if (auto ranked = dyn_cast<RankedTensorType>(tensor)) {
    auto *shape = tt->mutable_shape();
    for (auto [i, d] : llvm::enumerate(ranked.getShape())) {
      auto *dim = shape->add_dim();
      StringRef param;
      if (dimParams && i < dimParams.size())
        if (auto s = dyn_cast<StringAttr>(dimParams[i]))
          param = s.getValue();
      if (!ShapedType::isDynamic(d))
        dim->set_dim_value(d);
      else if (!param.empty())
        dim->set_dim_param(param.str());
    }
  }
  return success();
}

LogicalResult Exporter::exportTensor(Attribute value, ::onnx::TensorProto &out,
                                     Location loc) {
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements)
    return emitError(loc) << "expected a tensor attribute, got " << value;
  auto type = cast<ShapedType>(elements.getType());
  int32_t dt = getDataType(type.getElementType());
  if (!dt)
    return emitError(loc) << "element type " << type.getElementType()
                          << " has no ONNX equivalent";
  out.set_data_type(dt);
  for (int64_t d : type.getShape())
    out.add_dims(d);
  int64_t n = type.getNumElements();
  if (auto res = dyn_cast<DenseResourceElementsAttr>(value)) {
    AsmResourceBlob *blob = res.getRawHandle().getBlob();
    if (!blob)
      return emitError(loc)
             << "resource '" << res.getRawHandle().getKey() << "' has no data";
    ArrayRef<char> data = blob->getData();
    if (llvm::raw_ostream *dataOut = options.streamExternalDataTo;
        dataOut && data.size() >= options.externalDataThreshold) {
      uint64_t aligned = (dataOffset + 4095) / 4096 * 4096;
      dataOut->write_zeros(aligned - dataOffset);
      dataOut->write(data.data(), data.size());
      dataOffset = aligned + data.size();
      out.set_data_location(::onnx::TensorProto::EXTERNAL);
      auto add = [&](const char *k, std::string v) {
        auto *e = out.add_external_data();
        e->set_key(k);
        e->set_value(std::move(v));
      };
      add("location", options.externalDataFile);
      add("offset", std::to_string(aligned));
      add("length", std::to_string(data.size()));
    } else {
      out.set_raw_data(data.data(), data.size());
    }
    if (options.releaseResources)
      res.getRawHandle().getResource()->setBlob(AsmResourceBlob());
    return success();
  }
  auto dense = dyn_cast<DenseElementsAttr>(value);
  if (!dense)
    return emitError(loc) << "unsupported tensor attribute kind " << value;
  if (dt == ::onnx::TensorProto::STRING) {
    for (StringRef s : dense.getRawStringData())
      out.add_string_data(s.str());
    if (dense.isSplat())
      for (int64_t i = 1; i < n; ++i)
        out.add_string_data(out.string_data(0));
    return success();
  }
  std::string *raw = out.mutable_raw_data();
  if (type.getElementType().isInteger(1)) {
    raw->reserve(n);
    for (bool v : dense.getValues<bool>())
      raw->push_back(v ? 1 : 0);
    return success();
  }
  ArrayRef<char> data = dense.getRawData();
  if (dense.isSplat()) {
    raw->reserve(data.size() * n);
    for (int64_t i = 0; i < n; ++i)
      raw->append(data.data(), data.size());
  } else {
    raw->assign(data.data(), data.size());
  }
  return success();
}

LogicalResult Exporter::exportAttribute(StringRef name, Attribute value,
                                        ::onnx::AttributeProto &out,
                                        Location loc) {
  out.set_name(name.str());
  if (auto ref = dyn_cast<AttrRefAttr>(value)) {
    out.set_ref_attr_name(ref.getName().str());
    out.set_type(static_cast<AP::AttributeType>(ref.getKind()));
    return success();
  }
  if (auto f = dyn_cast<FloatAttr>(value)) {
    out.set_type(AP::FLOAT);
    out.set_f(f.getValueAsDouble());
  } else if (auto i = dyn_cast<IntegerAttr>(value)) {
    out.set_type(AP::INT);
    out.set_i(i.getInt());
  } else if (auto s = dyn_cast<StringAttr>(value)) {
    out.set_type(AP::STRING);
    out.set_s(s.getValue().str());
  } else if (auto t = dyn_cast<TypeAttr>(value)) {
    out.set_type(AP::TYPE_PROTO);
    return exportType(t.getValue(), *out.mutable_tp(), loc);
  } else if (auto sp = dyn_cast<SparseTensorAttr>(value)) {
    out.set_type(AP::SPARSE_TENSOR);
    auto *st = out.mutable_sparse_tensor();
    for (int64_t d : sp.getDims())
      st->add_dims(d);
    if (failed(exportTensor(sp.getValues(), *st->mutable_values(), loc)) ||
        failed(exportTensor(sp.getIndices(), *st->mutable_indices(), loc)))
      return failure();
  } else if (isa<ElementsAttr>(value)) {
    out.set_type(AP::TENSOR);
    return exportTensor(value, *out.mutable_t(), loc);
  } else if (auto arr = dyn_cast<ArrayAttr>(value)) {
    Attribute first = arr.empty() ? Attribute() : arr[0];
    if (!first || isa<IntegerAttr>(first)) {
      out.set_type(AP::INTS);
      for (Attribute a : arr)
        out.add_ints(cast<IntegerAttr>(a).getInt());
    } else if (isa<FloatAttr>(first)) {
      out.set_type(AP::FLOATS);
      for (Attribute a : arr)
        out.add_floats(cast<FloatAttr>(a).getValueAsDouble());
    } else if (isa<StringAttr>(first)) {
      out.set_type(AP::STRINGS);
      for (Attribute a : arr)
        out.add_strings(cast<StringAttr>(a).getValue().str());
    } else if (isa<ElementsAttr>(first)) {
      out.set_type(AP::TENSORS);
      for (Attribute a : arr)
        if (failed(exportTensor(a, *out.add_tensors(), loc)))
          return failure();
    } else if (isa<TypeAttr>(first)) {
      out.set_type(AP::TYPE_PROTOS);
      for (Attribute a : arr)
        if (failed(exportType(cast<TypeAttr>(a).getValue(),
                              *out.add_type_protos(), loc)))
          return failure();
    } else {
      return emitError(loc)
             << "attribute '" << name << "' has no ONNX equivalent: " << value;
    }
  } else {
    return emitError(loc) << "attribute '" << name
                          << "' has no ONNX equivalent: " << value;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Names
//===----------------------------------------------------------------------===//

std::string Exporter::freshName(StringRef hint) {
  std::string base = hint.empty() ? "v" : hint.str();
  std::string name = base;
  while (usedNames.contains(name) || claimed.contains(name))
    name = base + "_" + std::to_string(counter++);
  usedNames.insert(name);
  claimed.insert(name);
  return name;
}

std::string Exporter::nameOf(Value v) {
  auto it = names.find(v);
  if (it != names.end())
    return it->second;
  std::string n = freshName("");
  names[v] = n;
  return n;
}

/// Gives the results of `op` (and of the ops nested in it) their imported
/// names, or fresh ones.
void Exporter::assignNames(Operation *op) {
  auto assign = [&](Value v, StringRef want) {
    if (names.count(v))
      return;
    if (!want.empty() && claimed.insert(want).second) {
      names[v] = want.str();
    } else {
      names[v] = freshName(want);
    }
  };
  op->walk([&](Operation *inner) {
    ArrayAttr given = inner->getAttrOfType<ArrayAttr>(attr::kNames);
    for (auto [i, r] : llvm::enumerate(inner->getResults())) {
      StringRef want;
      if (given && i < given.size())
        if (auto s = dyn_cast<StringAttr>(given[i]))
          want = s.getValue();
      if (auto init = dyn_cast<InitializerOp>(inner))
        want = init.getName();
      assign(r, want);
    }
    for (Region &region : inner->getRegions())
      for (Block &block : region) {
        ArrayAttr inNames;
        if (auto y = dyn_cast<YieldOp>(block.getTerminator()))
          inNames = y->getAttrOfType<ArrayAttr>(attr::kInputNames);
        for (auto [i, arg] : llvm::enumerate(block.getArguments())) {
          StringRef want;
          if (inNames && i < inNames.size())
            want = cast<StringAttr>(inNames[i]).getValue();
          assign(arg, want);
        }
      }
  });
}

//===----------------------------------------------------------------------===//
// Graphs
//===----------------------------------------------------------------------===//

void Exporter::addValueInfo(Operation *holder, ::onnx::GraphProto &graph,
                            Location loc) {
  auto vi = holder->getAttrOfType<ArrayAttr>(attr::kValueInfo);
  if (!vi)
    return;
  auto dims = holder->getAttrOfType<DictionaryAttr>(attr::kDimParams);
  for (Attribute a : vi) {
    StringRef name = cast<StringAttr>(a).getValue();
    auto it = valueByName.find(name);
    auto *info = graph.add_value_info();
    info->set_name(name.str());
    if (it == valueByName.end())
      continue;
    ArrayAttr params = dims ? dims.getAs<ArrayAttr>(name) : ArrayAttr();
    (void)exportType(it->second.getType(), *info->mutable_type(), loc, params);
  }
}

LogicalResult Exporter::exportOp(Operation *op, ::onnx::GraphProto &graph,
                                 const llvm::StringMap<int64_t> &opsets) {
  Location loc = op->getLoc();
  if (auto init = dyn_cast<InitializerOp>(op)) {
    auto *t = graph.add_initializer();
    if (failed(exportTensor(init.getValue(), *t, loc)))
      return failure();
    t->set_name(nameOf(init.getResult()));
    return success();
  }
  if (isa<NoValueOp>(op))
    return success();

  auto *node = graph.add_node();
  if (auto n = op->getAttrOfType<StringAttr>(attr::kNodeName))
    node->set_name(n.getValue().str());
  if (auto d = op->getAttrOfType<StringAttr>(attr::kDocString))
    node->set_doc_string(d.getValue().str());

  auto custom = dyn_cast<CustomOp>(op);
  if (custom) {
    node->set_op_type(custom.getOpType().str());
    node->set_domain(custom.getDomain().str());
    for (Value v : custom.getInputs())
      node->add_input(isa_and_nonnull<NoValueOp>(v.getDefiningOp())
                          ? std::string()
                          : nameOf(v));
    for (Value v : custom.getOutputs())
      node->add_output(nameOf(v));
    for (NamedAttribute a : custom.getAttrs())
      if (failed(exportAttribute(a.getName(), a.getValue(),
                                 *node->add_attribute(), loc)))
        return failure();
    // Consecutive regions with one name form a GRAPHS attribute.
    auto regionNames = custom.getRegionNames();
    for (size_t i = 0; i < custom.getGraphs().size();) {
      StringRef name = cast<StringAttr>(regionNames[i]).getValue();
      size_t j = i;
      while (j < custom.getGraphs().size() &&
             cast<StringAttr>(regionNames[j]).getValue() == name)
        ++j;
      auto *a = node->add_attribute();
      a->set_name(name.str());
      if (j - i == 1) {
        a->set_type(AP::GRAPH);
        if (failed(
                exportRegion(custom.getGraphs()[i], *a->mutable_g(), opsets)))
          return failure();
      } else {
        a->set_type(AP::GRAPHS);
        for (size_t k = i; k < j; ++k)
          if (failed(exportRegion(custom.getGraphs()[k], *a->add_graphs(),
                                  opsets)))
            return failure();
      }
      i = j;
    }
    return success();
  }

  StringRef opName = op->getName().getStringRef();
  auto onnxOp = dyn_cast<ONNXOpInterface>(op);
  if (!onnxOp)
    return emitError(loc) << "'" << opName
                          << "' has no ONNX equivalent; lower it to the onnx "
                             "dialect before exporting";
  StringRef opType = onnxOp.getONNXOpType();
  node->set_op_type(opType.str());
  const ::onnx::OpSchema *schema = ::onnx::OpSchemaRegistry::Schema(
      opType.str(), onnxOp.getLatestSinceVersion(), "");
  if (!schema)
    return emitError(loc) << "no ONNX schema for " << opType;

  // Inputs and outputs per formal parameter: "" for an absent optional one
  // (trailing ones dropped).
  auto paramNames = [&](auto formal, StringRef kinds) {
    std::vector<std::string> names;
    for (auto [values, kind] : llvm::zip(formal, kinds)) {
      if (values.empty() && kind != 'V')
        names.push_back("");
      for (Value v : values)
        names.push_back(nameOf(v));
    }
    while (!names.empty() && names.back().empty())
      names.pop_back();
    return names;
  };
  for (auto &s : paramNames(getFormalInputs(op), onnxOp.getInputKinds()))
    node->add_input(s);
  for (auto &s : paramNames(getFormalOutputs(op), onnxOp.getOutputKinds()))
    node->add_output(s);

  // Attributes in schema order; graph attributes from the regions.
  std::vector<std::string> graphAttrs;
  SmallVector<StringRef> explicitAttrs;
  if (auto e = op->getAttrOfType<ArrayAttr>(attr::kExplicitAttrs))
    for (Attribute a : e)
      explicitAttrs.push_back(cast<StringAttr>(a).getValue());
  for (const auto &[name, sa] : schema->attributes()) {
    if (sa.type == AP::GRAPH) {
      graphAttrs.push_back(name);
      continue;
    }
    Attribute value = op->getAttr(getODSAttrName(opName, name));
    if (!value)
      continue;
    ::onnx::AttributeProto a;
    if (failed(exportAttribute(name, value, a, loc)))
      return failure();
    // Keep the schema's attribute type for empty lists.
    a.set_type(static_cast<AP::AttributeType>(static_cast<int>(sa.type)));
    // Defaults are materialized in the IR; write them only where the source
    // stated them.
    if (isSchemaDefault(*schema, a) && !llvm::is_contained(explicitAttrs, name))
      continue;
    *node->add_attribute() = std::move(a);
  }
  llvm::sort(graphAttrs);
  for (auto [i, name] : llvm::enumerate(graphAttrs)) {
    auto *a = node->add_attribute();
    a->set_name(name);
    a->set_type(AP::GRAPH);
    if (failed(exportRegion(op->getRegion(i), *a->mutable_g(), opsets)))
      return failure();
  }
  return success();
}

LogicalResult Exporter::exportRegion(Region &region, ::onnx::GraphProto &graph,
                                     const llvm::StringMap<int64_t> &opsets) {
  Block &block = region.front();
  auto yield = dyn_cast<YieldOp>(block.getTerminator());
  Location loc = region.getParentOp()->getLoc();
  if (!yield)
    return emitError(loc) << "a subgraph region must end in onnx.Yield";
  if (auto n = yield->getAttrOfType<StringAttr>(attr::kGraphName))
    graph.set_name(n.getValue().str());
  else // ONNX requires every graph to be named.
    graph.set_name(freshName(
        region.getParentOp()->getName().getStringRef().drop_front(5).str() +
        "_subgraph"));
  if (auto d = yield->getAttrOfType<StringAttr>(attr::kGraphDocString))
    graph.set_doc_string(d.getValue().str());
  auto dims = yield->getAttrOfType<DictionaryAttr>(attr::kDimParams);
  auto paramsOf = [&](StringRef name) {
    return dims ? dims.getAs<ArrayAttr>(name) : ArrayAttr();
  };
  for (BlockArgument arg : block.getArguments()) {
    auto *in = graph.add_input();
    in->set_name(nameOf(arg));
    valueByName[in->name()] = arg;
    if (failed(exportType(arg.getType(), *in->mutable_type(), loc,
                          paramsOf(in->name()))))
      return failure();
  }
  if (failed(exportNodes(block, *graph.mutable_node(), &graph, opsets)))
    return failure();
  auto outNames = yield->getAttrOfType<ArrayAttr>(attr::kOutputNames);
  auto outTypes = yield->getAttrOfType<ArrayAttr>(attr::kOutputTypes);
  for (auto [i, v] : llvm::enumerate(yield.getOutputs())) {
    std::string name = nameOf(v);
    std::string want = outNames && i < outNames.size()
                           ? cast<StringAttr>(outNames[i]).getValue().str()
                           : name;
    // An output taken from the enclosing graph is copied into this one
    // (runtimes require subgraph outputs to be produced inside it).
    if (want == name && !region.isAncestor(v.getParentRegion()))
      want = freshName(name);
    if (want != name) {
      // Rename through Identity so the output keeps its declared name.
      auto *id = graph.add_node();
      id->set_op_type("Identity");
      id->add_input(name);
      id->add_output(want);
      usedNames.insert(want);
    }
    auto *out = graph.add_output();
    out->set_name(want);
    Type t = outTypes && i < outTypes.size()
                 ? cast<TypeAttr>(outTypes[i]).getValue()
                 : v.getType();
    if (failed(exportType(t, *out->mutable_type(), loc, paramsOf(want))))
      return failure();
  }
  addValueInfo(yield, graph, loc);
  if (options.subgraphValueInfo && !yield->hasAttr(attr::kValueInfo)) {
    llvm::StringSet<> listed;
    for (const auto &o : graph.output())
      listed.insert(o.name());
    for (Operation &op : block.without_terminator())
      for (Value r : op.getResults()) {
        auto t = dyn_cast<RankedTensorType>(r.getType());
        std::string name = nameOf(r);
        if (!t || isa<InitializerOp>(op) || !listed.insert(name).second)
          continue;
        ::onnx::ValueInfoProto info;
        info.set_name(name);
        if (succeeded(exportType(t, *info.mutable_type(), loc)))
          *graph.add_value_info() = std::move(info);
      }
  }
  return success();
}

LogicalResult Exporter::exportNodes(
    Block &block, google::protobuf::RepeatedPtrField<::onnx::NodeProto> &nodes,
    ::onnx::GraphProto *graph, const llvm::StringMap<int64_t> &opsets) {
  for (Operation &op : block.without_terminator()) {
    for (Value r : op.getResults())
      valueByName[nameOf(r)] = r;
    if (graph) {
      if (failed(exportOp(&op, *graph, opsets)))
        return failure();
      continue;
    }
    // A function body: no initializers allowed, nodes only.
    ::onnx::GraphProto scratch;
    if (failed(exportOp(&op, scratch, opsets)))
      return failure();
    if (scratch.initializer_size())
      return emitError(op.getLoc())
             << "initializers are not allowed in an ONNX function body";
    for (auto &n : *scratch.mutable_node())
      *nodes.Add() = std::move(n);
  }
  return success();
}

static llvm::StringMap<int64_t> readOpsets(ArrayAttr attr) {
  llvm::StringMap<int64_t> opsets;
  if (!attr)
    return opsets;
  for (Attribute a : attr) {
    auto pair = cast<ArrayAttr>(a);
    opsets[cast<StringAttr>(pair[0]).getValue()] =
        cast<IntegerAttr>(pair[1]).getInt();
  }
  return opsets;
}

LogicalResult Exporter::run(::onnx::ModelProto &model) {
  Operation *m = module.getOperation();
  Location loc = module.getLoc();
  auto getStr = [&](StringRef name) -> std::string {
    if (auto s = m->getAttrOfType<StringAttr>(name))
      return s.getValue().str();
    return "";
  };
  auto ir = m->getAttrOfType<IntegerAttr>(attr::kIrVersion);
  model.set_ir_version(ir ? ir.getInt() : ::onnx::IR_VERSION);
  auto opsetAttr = m->getAttrOfType<ArrayAttr>(attr::kOpsetImport);
  if (!opsetAttr) {
    auto *o = model.add_opset_import();
    o->set_domain("");
    o->set_version(ONNX::kDefaultOpset);
  } else {
    for (Attribute a : opsetAttr) {
      auto pair = dyn_cast<ArrayAttr>(a);
      if (!pair || pair.size() != 2 || !isa<StringAttr>(pair[0]) ||
          !isa<IntegerAttr>(pair[1]))
        return emitError(loc) << "'" << attr::kOpsetImport
                              << "' must be a list of [domain, version] pairs";
      auto *o = model.add_opset_import();
      o->set_domain(cast<StringAttr>(pair[0]).getValue().str());
      o->set_version(cast<IntegerAttr>(pair[1]).getInt());
    }
  }
  auto opsets = readOpsets(opsetAttr);
  if (!getStr(attr::kProducerName).empty())
    model.set_producer_name(getStr(attr::kProducerName));
  else if (!m->hasAttr(attr::kIrVersion))
    model.set_producer_name("torch-onnx");
  if (!getStr(attr::kProducerVersion).empty())
    model.set_producer_version(getStr(attr::kProducerVersion));
  if (!getStr(attr::kDomain).empty())
    model.set_domain(getStr(attr::kDomain));
  if (!getStr(attr::kDocString).empty())
    model.set_doc_string(getStr(attr::kDocString));
  if (auto v = m->getAttrOfType<IntegerAttr>(attr::kModelVersion))
    model.set_model_version(v.getInt());
  if (auto props = m->getAttrOfType<ArrayAttr>(attr::kMetadataProps))
    for (Attribute a : props) {
      auto pair = cast<ArrayAttr>(a);
      auto *p = model.add_metadata_props();
      p->set_key(cast<StringAttr>(pair[0]).getValue().str());
      p->set_value(cast<StringAttr>(pair[1]).getValue().str());
    }

  func::FuncOp main;
  SmallVector<func::FuncOp> functions;
  for (auto f : module.getOps<func::FuncOp>()) {
    if (f.isExternal())
      continue;
    if (f->hasAttr(attr::kFunctionName))
      functions.push_back(f);
    else if (main)
      return emitError(f.getLoc())
             << "the module has more than one graph function ('"
             << main.getSymName() << "' and '" << f.getSymName()
             << "'); ONNX models have one main graph";
    else
      main = f;
  }
  if (!main)
    return emitError(loc) << "the module has no graph function (func.func) "
                             "to export";

  // Reserve every imported name first, so fresh names never collide.
  module.walk([&](Operation *op) {
    if (auto n = op->getAttrOfType<ArrayAttr>(attr::kNames))
      for (Attribute a : n)
        usedNames.insert(cast<StringAttr>(a).getValue());
    if (auto y = dyn_cast<YieldOp>(op))
      if (auto n = y->getAttrOfType<ArrayAttr>(attr::kInputNames))
        for (Attribute a : n)
          usedNames.insert(cast<StringAttr>(a).getValue());
    if (auto init = dyn_cast<InitializerOp>(op))
      usedNames.insert(init.getName());
  });
  auto argName = [&](func::FuncOp f, unsigned i) {
    if (auto n = f.getArgAttrOfType<StringAttr>(i, attr::kName))
      return n.getValue().str();
    return "input_" + std::to_string(i);
  };
  SmallVector<func::FuncOp> graphs{main};
  graphs.append(functions.begin(), functions.end());
  for (func::FuncOp f : graphs)
    for (unsigned i = 0; i < f.getNumArguments(); ++i) {
      std::string n = argName(f, i);
      usedNames.insert(n);
      claimed.insert(n);
      names[f.getArgument(i)] = n;
    }
  // A graph output named by the module (output_names) names the node output
  // that produces it, when nothing else names that value (no extra Identity).
  if (main.getBody().hasOneBlock()) {
    Operation *ret = main.getBody().front().getTerminator();
    for (auto [i, v] : llvm::enumerate(ret->getOperands())) {
      auto want = main.getResultAttrOfType<StringAttr>(i, attr::kName);
      auto *def = v.getDefiningOp();
      if (!want || !def || isa<InitializerOp>(def) || names.count(v) ||
          def->hasAttr(attr::kNames) ||
          llvm::count(ret->getOperands(), v) != 1 ||
          claimed.contains(want.getValue()))
        continue;
      names[v] = want.str();
      claimed.insert(want.getValue());
      usedNames.insert(want.getValue());
    }
  }
  assignNames(main);

  // Main graph.
  ::onnx::GraphProto &graph = *model.mutable_graph();
  if (auto n = main->getAttrOfType<StringAttr>(attr::kGraphName))
    graph.set_name(n.getValue().str());
  else
    graph.set_name(main.getSymName().str());
  if (auto d = main->getAttrOfType<StringAttr>(attr::kGraphDocString))
    graph.set_doc_string(d.getValue().str());
  for (unsigned i = 0; i < main.getNumArguments(); ++i) {
    auto *in = graph.add_input();
    in->set_name(argName(main, i));
    valueByName[in->name()] = main.getArgument(i);
    if (isa<AnyType>(main.getArgument(i).getType()))
      return emitError(main.getLoc())
             << "graph input '" << in->name()
             << "' has no known type (!onnx.any); ONNX requires the main "
                "graph's inputs and outputs to be typed";
    auto params = main.getArgAttrOfType<ArrayAttr>(i, attr::kDimParams);
    if (failed(exportType(main.getArgument(i).getType(), *in->mutable_type(),
                          main.getLoc(), params)))
      return failure();
    if (auto init = main.getArgAttr(i, attr::kInitializer)) {
      auto *t = graph.add_initializer();
      if (failed(exportTensor(init, *t, main.getLoc())))
        return failure();
      t->set_name(in->name());
    }
  }
  if (!main.getBody().hasOneBlock())
    return emitError(main.getLoc()) << "the graph function must have one block";
  Block &body = main.getBody().front();
  if (failed(exportNodes(body, *graph.mutable_node(), &graph, opsets)))
    return failure();
  Operation *ret = body.getTerminator();
  for (auto [i, v] : llvm::enumerate(ret->getOperands())) {
    std::string name = nameOf(v);
    std::string want = name;
    if (auto n = main.getResultAttrOfType<StringAttr>(i, attr::kName))
      want = n.getValue().str();
    if (want != name) {
      auto *id = graph.add_node();
      id->set_op_type("Identity");
      id->add_input(name);
      id->add_output(want);
    }
    auto *out = graph.add_output();
    out->set_name(want);
    Type t = v.getType();
    if (auto ta = main.getResultAttrOfType<TypeAttr>(i, attr::kType))
      t = ta.getValue();
    if (isa<AnyType>(t))
      return emitError(v.getLoc())
             << "graph output '" << want
             << "' has no known type (!onnx.any); ONNX requires the main "
                "graph's inputs and outputs to be typed";
    if (failed(exportType(
            t, *out->mutable_type(), main.getLoc(),
            main.getResultAttrOfType<ArrayAttr>(i, attr::kDimParams))))
      return failure();
  }
  addValueInfo(main, graph, main.getLoc());

  // Model-local functions.
  for (func::FuncOp f : functions) {
    assignNames(f);
    auto *fn = model.add_functions();
    fn->set_name(f->getAttrOfType<StringAttr>(attr::kFunctionName).str());
    if (auto d = f->getAttrOfType<StringAttr>(attr::kFunctionDomain))
      fn->set_domain(d.str());
    if (auto d = f->getAttrOfType<StringAttr>(attr::kDocString))
      fn->set_doc_string(d.str());
    for (unsigned i = 0; i < f.getNumArguments(); ++i)
      fn->add_input(argName(f, i));
    if (auto a = f->getAttrOfType<ArrayAttr>(attr::kFunctionAttributes))
      for (Attribute s : a)
        fn->add_attribute(cast<StringAttr>(s).str());
    auto fnOpsets = f->getAttrOfType<ArrayAttr>(attr::kOpsetImport);
    if (fnOpsets)
      for (Attribute a : fnOpsets) {
        auto pair = cast<ArrayAttr>(a);
        auto *o = fn->add_opset_import();
        o->set_domain(cast<StringAttr>(pair[0]).str());
        o->set_version(cast<IntegerAttr>(pair[1]).getInt());
      }
    Block &fbody = f.getBody().front();
    if (failed(exportNodes(fbody, *fn->mutable_node(), nullptr,
                           readOpsets(fnOpsets))))
      return failure();
    for (auto [i, v] : llvm::enumerate(fbody.getTerminator()->getOperands())) {
      std::string name = nameOf(v);
      if (auto n = f.getResultAttrOfType<StringAttr>(i, attr::kName);
          n && n.getValue() != name) {
        auto *id = fn->add_node();
        id->set_op_type("Identity");
        id->add_input(name);
        id->add_output(n.str());
        name = n.str();
      }
      fn->add_output(name);
    }
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

LogicalResult mlir::ONNX::exportModel(ModuleOp module,
                                      ::onnx::ModelProto &model,
                                      const ExportOptions &options) {
  Exporter exporter(module, options);
  if (failed(exporter.run(model)))
    return failure();
  // What the importer would refuse is not written.
  if (failed(validateModelStructure(model, module.getLoc())))
    return failure();
  if (options.runChecker) {
    try {
      ::onnx::checker::check_model(model);
    } catch (const std::exception &e) {
      std::string msg = e.what();
      return emitError(module.getLoc())
             << "the exported model fails ONNX's checker: " << msg;
    }
    if (std::string bad = checkTypeConstraints(model); !bad.empty())
      return emitError(module.getLoc())
             << "the exported model breaks ONNX's type constraints: " << bad;
  }
  return success();
}

/// Moves tensors of at least `threshold` bytes into `dataPath` (one file,
/// each tensor 4 KiB aligned), recording `location` relative to the model.
static LogicalResult externalize(::onnx::ModelProto &model, StringRef dataPath,
                                 StringRef location, size_t threshold,
                                 Location loc) {
  std::string error;
  auto out = torch_onnx::AtomicOutputFile::create(dataPath, error);
  if (!out)
    return emitError(loc) << "external data: " << error;
  llvm::raw_fd_ostream &os = out->os();
  uint64_t offset = 0;
  auto move = [&](::onnx::TensorProto &t) {
    if (!t.has_raw_data() || t.raw_data().size() < threshold)
      return;
    uint64_t aligned = (offset + 4095) / 4096 * 4096;
    os.write_zeros(aligned - offset);
    os << t.raw_data();
    uint64_t len = t.raw_data().size();
    t.clear_raw_data();
    t.set_data_location(::onnx::TensorProto::EXTERNAL);
    auto add = [&](const char *k, std::string v) {
      auto *e = t.add_external_data();
      e->set_key(k);
      e->set_value(std::move(v));
    };
    add("location", location.str());
    add("offset", std::to_string(aligned));
    add("length", std::to_string(len));
    offset = aligned + len;
  };
  std::function<void(::onnx::GraphProto &)> walk = [&](::onnx::GraphProto &g) {
    for (auto &t : *g.mutable_initializer())
      move(t);
    for (auto &n : *g.mutable_node())
      for (auto &a : *n.mutable_attribute()) {
        if (a.has_t())
          move(*a.mutable_t());
        if (a.has_g())
          walk(*a.mutable_g());
        for (auto &sg : *a.mutable_graphs())
          walk(sg);
      }
  };
  walk(*model.mutable_graph());
  if (!out->keep(error))
    return emitError(loc) << "external data: " << error;
  return success();
}

/// Protobuf refuses to serialize messages of 2 GiB or more.
static constexpr size_t kProtobufLimit = (size_t(1) << 31) - (size_t(1) << 24);

std::pair<std::string, std::string>
mlir::ONNX::getExternalDataFile(StringRef outputPath, StringRef requested) {
  std::string file =
      requested.empty()
          ? (llvm::sys::path::filename(outputPath) + ".data").str()
          : requested.str();
  SmallString<256> path(llvm::sys::path::parent_path(outputPath));
  llvm::sys::path::append(path, file);
  return {file, path.str().str()};
}

LogicalResult mlir::ONNX::writeModelProto(::onnx::ModelProto &model,
                                          llvm::raw_ostream &os,
                                          StringRef outputPath,
                                          const ExportOptions &options,
                                          Location loc) {
  bool external =
      options.externalData || model.ByteSizeLong() >= kProtobufLimit;
  if (external) {
    if (options.externalDataFile.empty() &&
        (outputPath.empty() || outputPath == "-"))
      return emitError(loc)
             << "external data needs an output file (-o FILE) or an "
                "explicit data file name";
    StringRef requested = options.externalDataFile;
    if (!requested.empty() &&
        (requested != llvm::sys::path::filename(requested) ||
         requested == "." || requested == ".."))
      return emitError(loc)
             << "external data file '" << requested
             << "' must be a plain file name: it is written beside the "
                "model, and importers refuse locations outside the model's "
                "folder";
    auto [file, dataPath] = getExternalDataFile(outputPath, requested);
    if (failed(externalize(model, dataPath, file, options.externalDataThreshold,
                           loc)))
      return failure();
  }
  if (model.ByteSizeLong() >= kProtobufLimit)
    return emitError(loc) << "the model is over 2 GiB even with external data";
  // Stream the message: no second in-memory copy of the weights.
  struct RawOutput : google::protobuf::io::CopyingOutputStream {
    explicit RawOutput(llvm::raw_ostream &os) : os(os) {}
    bool Write(const void *buffer, int size) override {
      os.write(static_cast<const char *>(buffer), size);
      return true;
    }
    llvm::raw_ostream &os;
  } raw(os);
  google::protobuf::io::CopyingOutputStreamAdaptor adaptor(&raw);
  if (!model.SerializeToZeroCopyStream(&adaptor) || !adaptor.Flush())
    return emitError(loc) << "protobuf serialization failed";
  return success();
}

LogicalResult mlir::ONNX::writeModel(ModuleOp module, llvm::raw_ostream &os,
                                     StringRef outputPath,
                                     const ExportOptions &options) {
  ::onnx::ModelProto model;
  if (failed(exportModel(module, model, options)))
    return failure();
  return writeModelProto(model, os, outputPath, options, module.getLoc());
}

LogicalResult mlir::ONNX::writeModelProtoFile(::onnx::ModelProto &model,
                                              StringRef path,
                                              const ExportOptions &options,
                                              Location loc) {
  std::string error;
  auto out = torch_onnx::AtomicOutputFile::create(path, error);
  if (!out)
    return emitError(loc) << error;
  if (failed(writeModelProto(model, out->os(), path, options, loc)))
    return failure(); // the temporary goes with `out`; `path` is untouched
  if (!out->keep(error))
    return emitError(loc) << error;
  return success();
}

LogicalResult mlir::ONNX::writeModelFile(ModuleOp module, StringRef path,
                                         const ExportOptions &options) {
  ::onnx::ModelProto model;
  if (failed(exportModel(module, model, options)))
    return failure();
  return writeModelProtoFile(model, path, options, module.getLoc());
}
