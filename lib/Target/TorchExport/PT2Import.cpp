//===- PT2Import.cpp - torch.export archive -> torch dialect --------------===//
//
// Reads a `.pt2` archive written by `torch.export.save` without Python:
//   <name>/models/model.json       the serialized ExportedProgram (JSON)
//   <name>/data/weights/...        parameters and buffers (raw storages)
//   <name>/data/constants/...      lifted tensor constants
// and builds one `func.func @forward` in the torch dialect:
//   - user inputs become arguments (named after the FX placeholders, dynamic
//     dims named after torch.export's symbols or the names given for them);
//   - parameters, buffers and constants become `torch.tensor.literal`s over
//     resource blobs that point into the memory-mapped archive (no copy);
//   - each FX node `torch.ops.aten.X.overload` becomes the generated op of
//     that overload, its operands completed from the operator's schema in
//     libtorch's registry (the serializer leaves out defaulted arguments);
//     ops without a generated twin are kept as `torch.operator`;
//   - symbolic sizes (`sym_size`, `operator.mul` on SymInts, ...) become the
//     int ops TorchScript uses for the same arithmetic;
//   - `higher_order.cond` becomes `torch.prim.If` and
//     `higher_order.while_loop` a `torch.prim.Loop` whose condition is the
//     cond graph evaluated before the loop and after each body;
//   - stack traces become locations in the user's Python (the innermost
//     frame outside torch itself).
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Target/TorchExport/PT2Import.h"

#include "../TorchScript/TorchValues.h"

#include "torch-onnx/Dialect/Torch/IR/GeneratedTorchOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SourceMgr.h"

#include <ATen/core/dispatch/Dispatcher.h>
#include <caffe2/serialize/inline_container.h>
#include <torch/library.h>

#include <list>

using namespace mlir;
using namespace mlir::Torch;
namespace json = llvm::json;

// PyTorch's decomposed quantization ops (PT2E quantization's
// quantize/dequantize nodes) are registered from Python
// (torch.ao.quantization.fx._decomposed), so this process's dispatcher does
// not know them: their schemas, without kernels, let the importer read the
// nodes. torch-to-onnx lowers them to QuantizeLinear / DequantizeLinear.
TORCH_LIBRARY_FRAGMENT(quantized_decomposed, m) {
  m.def("quantize_per_tensor(Tensor input, float scale, int zero_point, int "
        "quant_min, int quant_max, ScalarType dtype) -> Tensor");
  m.def("dequantize_per_tensor(Tensor input, float scale, int zero_point, "
        "int quant_min, int quant_max, ScalarType dtype, *, ScalarType? "
        "out_dtype=None) -> Tensor");
  m.def("quantize_per_channel(Tensor input, Tensor scales, Tensor "
        "zero_points, int axis, int quant_min, int quant_max, ScalarType "
        "dtype) -> Tensor");
  m.def("dequantize_per_channel(Tensor input, Tensor scales, Tensor? "
        "zero_points, int axis, int quant_min, int quant_max, ScalarType "
        "dtype, *, ScalarType? out_dtype=None) -> Tensor");
}

namespace {

/// An error while reading the archive (reported at the archive's location).
struct ArchiveError {
  std::string message;
};

class PT2Importer {
public:
  PT2Importer(MLIRContext *ctx, StringRef path, const PT2ImportOptions &o)
      : ctx(ctx), b(ctx), path(path.str()), options(o),
        fileLoc(FileLineColLoc::get(ctx, path, 0, 0)) {}

  OwningOpRef<ModuleOp> run();

private:
  // Archive access.
  LogicalResult openArchive();
  FailureOr<std::string> readRecord(const std::string &name);
  FailureOr<json::Value> readJson(const std::string &name);
  LogicalResult readPayloadConfig(const std::string &dir,
                                  const std::string &configName);

  // Types.
  FailureOr<Type> dtypeOf(int64_t exportDtype, Location loc);
  FailureOr<c10::ScalarType> scalarTypeOf(int64_t exportDtype, Location loc);
  FailureOr<Type>
  tensorTypeOf(const json::Object &meta, Location loc,
               SmallVectorImpl<std::string> *dimSymbols = nullptr);
  FailureOr<Type> tensorTypeOfName(StringRef name, Location loc);
  std::string symbolName(StringRef sym) const;

  // Values.
  FailureOr<Value> weightLiteral(StringRef fqn, bool constant, Location loc);
  Value lookup(StringRef name) const;
  void bind(StringRef name, Value v) { scopes.back()[name] = v; }
  FailureOr<Value> importArg(const json::Value &arg,
                             const c10::TypePtr &expected, Location loc);
  FailureOr<Value> importList(const json::Array &elts, StringRef kind,
                              const c10::TypePtr &expected, Location loc);
  FailureOr<Value> coerceToBool(Value v, Location loc);
  /// A number as a 0-d tensor (f64, si64 or i1 by its kind).
  Value numberAsTensor(Value v, Location loc);
  /// The `arg`s of a node's inputs, in order, without a schema.
  LogicalResult plainArgs(const json::Object &node, Location loc,
                          SmallVectorImpl<Value> &out);

  // Graphs and nodes.
  Location locOf(const json::Object &node, StringRef target);
  LogicalResult importGraph(const json::Object &graph, ArrayRef<Value> inputs,
                            SmallVectorImpl<Value> &outputs, Location loc);
  LogicalResult importNode(const json::Object &node);
  /// `alternative`: `target` is an overload chosen for Python numbers given
  /// where the recorded overload takes tensors.
  LogicalResult importAtenNode(const json::Object &node, StringRef target,
                               Location loc, bool alternative = false);
  LogicalResult importSymNode(const json::Object &node, StringRef target,
                              Location loc);
  LogicalResult importCond(const json::Object &node, Location loc);
  LogicalResult importWhileLoop(const json::Object &node, Location loc);
  LogicalResult importScan(const json::Object &node, Location loc);
  LogicalResult bindOutputs(const json::Object &node, ValueRange results,
                            Location loc);
  /// The tensor names a HOP's outputs bind, flattened.
  SmallVector<std::string> flatTensorOutputs(const json::Object &node);

  InFlightDiagnostic error(Location loc) { return emitError(loc); }

  MLIRContext *ctx;
  OpBuilder b;
  std::string path;
  const PT2ImportOptions &options;
  Location fileLoc;
  TorchValueBuilder vals{b};

  std::unique_ptr<caffe2::serialize::PyTorchStreamReader> reader;
  std::shared_ptr<llvm::MemoryBuffer> file;
  std::string modelRecord; // "models/<model>.json"
  std::string modelName;   // <model>
  /// Payload metadata of weights and constants by fully qualified name:
  /// (record path, tensor meta).
  llvm::StringMap<std::pair<std::string, const json::Object *>> payloads;
  std::list<json::Value> configs; // owners of the payload metadata (stable)

  /// Values by FX name; one scope per (sub)graph being imported.
  SmallVector<llvm::StringMap<Value>> scopes;
  /// Tensor metadata by FX name; one per (sub)graph, innermost last.
  SmallVector<const json::Object *> tensorValues;
  /// Weight literals already created, by fully qualified name.
  llvm::StringMap<Value> weights;
};

} // namespace

//===----------------------------------------------------------------------===//
// Archive
//===----------------------------------------------------------------------===//

LogicalResult PT2Importer::openArchive() {
  auto buf = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!buf)
    return error(fileLoc) << "cannot open '" << path
                          << "': " << buf.getError().message();
  file = std::shared_ptr<llvm::MemoryBuffer>(std::move(*buf));
  try {
    reader = std::make_unique<caffe2::serialize::PyTorchStreamReader>(path);
  } catch (const std::exception &e) {
    std::string what = e.what();
    return error(fileLoc)
           << "cannot import '" << path
           << "': not a torch.export archive (not a readable zip file: "
           << what.substr(0, std::min(what.find('\n'), what.find(". ")))
           << "); save the program with torch.export.save(ep, 'model.pt2')";
  }
  std::vector<std::string> models;
  for (const std::string &r : reader->getAllRecords()) {
    StringRef rec(r);
    if (rec.starts_with("models/") && rec.ends_with(".json") &&
        !rec.contains("_weights_config") && !rec.contains("_constants_config"))
      models.push_back(r);
  }
  if (models.empty())
    return error(fileLoc)
           << "cannot import '" << path
           << "': the zip file has no models/<name>.json record; it is not "
              "a torch.export archive (a TorchScript archive imports with "
              "--import-torchscript)";
  llvm::sort(models);
  modelRecord = models.front();
  for (const std::string &m : models)
    if (m == "models/model.json")
      modelRecord = m;
  modelName = StringRef(modelRecord).drop_front(7).drop_back(5).str();
  if (reader->hasRecord("byteorder")) {
    auto order = readRecord("byteorder");
    if (failed(order))
      return failure();
    if (StringRef(*order).trim() != "little")
      return error(fileLoc)
             << "cannot import '" << path << "': its weights are stored "
             << StringRef(*order).trim()
             << "-endian; only little-endian archives are read";
  }
  return success();
}

FailureOr<std::string> PT2Importer::readRecord(const std::string &name) {
  try {
    auto [data, size] = reader->getRecord(name);
    return std::string(static_cast<const char *>(data.get()), size);
  } catch (const std::exception &e) {
    std::string what = e.what();
    return error(fileLoc) << "cannot import '" << path << "': record '" << name
                          << "' cannot be read ("
                          << what.substr(0, what.find('\n'))
                          << "); the archive is damaged or truncated, save "
                             "it again";
  }
}

FailureOr<json::Value> PT2Importer::readJson(const std::string &name) {
  auto text = readRecord(name);
  if (failed(text))
    return failure();
  auto v = json::parse(*text);
  if (!v) {
    std::string msg = llvm::toString(v.takeError());
    return error(fileLoc) << "cannot import '" << path << "': record '" << name
                          << "' is not valid JSON (" << msg
                          << "); the archive is damaged, save it again";
  }
  return std::move(*v);
}

LogicalResult PT2Importer::readPayloadConfig(const std::string &dir,
                                             const std::string &configName) {
  std::string rec = dir + "/" + configName;
  if (!reader->hasRecord(rec))
    return success(); // no weights of this kind
  auto cfg = readJson(rec);
  if (failed(cfg))
    return failure();
  configs.push_back(std::move(*cfg));
  const json::Object *root = configs.back().getAsObject();
  const json::Object *entries = root ? root->getObject("config") : nullptr;
  if (!entries)
    return error(fileLoc) << "cannot import '" << path << "': '" << rec
                          << "' has no \"config\" object";
  for (const auto &kv : *entries) {
    const json::Object *e = kv.second.getAsObject();
    std::optional<StringRef> pathName =
        e ? e->getString("path_name") : std::nullopt;
    const json::Object *meta = e ? e->getObject("tensor_meta") : nullptr;
    if (!pathName || !meta)
      return error(fileLoc)
             << "cannot import '" << path << "': entry '" << kv.first.str()
             << "' of '" << rec << "' lacks path_name or tensor_meta";
    if (e->getBoolean("use_pickle").value_or(false))
      return error(fileLoc)
             << "cannot import '" << path << "': '" << kv.first.str()
             << "' is a pickled tensor subclass (quantized or wrapped "
                "tensor); export a model whose weights are plain tensors";
    payloads[kv.first.str()] = {dir + "/" + pathName->str(), meta};
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

FailureOr<c10::ScalarType> PT2Importer::scalarTypeOf(int64_t d, Location loc) {
  // torch/_export/serde/schema.py: ScalarType.
  switch (d) {
  case 1:
    return c10::ScalarType::Byte;
  case 2:
    return c10::ScalarType::Char;
  case 3:
    return c10::ScalarType::Short;
  case 4:
    return c10::ScalarType::Int;
  case 5:
    return c10::ScalarType::Long;
  case 6:
    return c10::ScalarType::Half;
  case 7:
    return c10::ScalarType::Float;
  case 8:
    return c10::ScalarType::Double;
  case 9:
    return c10::ScalarType::ComplexHalf;
  case 10:
    return c10::ScalarType::ComplexFloat;
  case 11:
    return c10::ScalarType::ComplexDouble;
  case 12:
    return c10::ScalarType::Bool;
  case 13:
    return c10::ScalarType::BFloat16;
  case 28:
    return c10::ScalarType::UInt16;
  case 29:
    return c10::ScalarType::Float8_e4m3fn;
  case 30:
    return c10::ScalarType::Float8_e5m2;
  case 31:
    return c10::ScalarType::Float8_e4m3fnuz;
  case 32:
    return c10::ScalarType::Float8_e5m2fnuz;
  case 34:
    return c10::ScalarType::UInt32;
  case 35:
    return c10::ScalarType::UInt64;
  default:
    return error(loc) << "unknown dtype code " << d
                      << " in the serialized program";
  }
}

FailureOr<Type> PT2Importer::dtypeOf(int64_t d, Location loc) {
  auto st = scalarTypeOf(d, loc);
  if (failed(st))
    return failure();
  return vals.importDtype(*st, loc);
}

std::string PT2Importer::symbolName(StringRef sym) const {
  auto it = options.symbolNames.find(sym.str());
  return it == options.symbolNames.end() ? sym.str() : it->second;
}

namespace {
/// Reads the sympy `srepr` form torch.export writes for symbolic sizes
/// (`Mul(Integer(2), Symbol('s77', positive=True, integer=True))`) and
/// prints it as a dim name (`2*batch`), symbols renamed; empty when the form
/// is not understood.
class SymExprPrinter {
public:
  SymExprPrinter(StringRef text, const std::map<std::string, std::string> &n)
      : rest(text), names(n) {}
  std::string print() {
    std::string out;
    if (!expr(out, 0) || !rest.trim().empty())
      return "";
    return out;
  }

private:
  /// prec: 0 top, 1 inside a sum, 2 inside a product.
  bool expr(std::string &out, int prec) {
    rest = rest.ltrim();
    size_t n = rest.find('(');
    if (n == StringRef::npos)
      return false;
    StringRef head = rest.take_front(n).trim();
    rest = rest.drop_front(n + 1);
    if (head == "Symbol" || head == "Integer") {
      rest = rest.ltrim();
      size_t end = rest.find_first_of(",)");
      if (end == StringRef::npos)
        return false;
      StringRef v = rest.take_front(end).trim().trim('\'');
      out = v.str();
      if (head == "Symbol") {
        auto it = names.find(out);
        if (it != names.end())
          out = it->second;
      }
      return skipToClose();
    }
    SmallVector<std::string> args;
    while (true) {
      rest = rest.ltrim();
      if (rest.consume_front(")"))
        break;
      std::string a;
      int inner = head == "Mul" ? 2 : head == "Add" ? 1 : 0;
      if (!expr(a, inner))
        return false;
      args.push_back(a);
      rest = rest.ltrim();
      rest.consume_front(",");
    }
    if (head == "Mul" || head == "Add") {
      std::string sep = head == "Mul" ? "*" : " + ";
      out = llvm::join(args, sep);
      if ((head == "Add" && prec >= 1) || (head == "Mul" && prec >= 2))
        out = "(" + out + ")";
      return true;
    }
    if (head == "FloorDiv" && args.size() == 2) {
      out = "(" + args[0] + "//" + args[1] + ")";
      return true;
    }
    out = (head + "(" + llvm::join(args, ", ") + ")").str();
    return true;
  }
  /// Skips keyword arguments up to and including the closing parenthesis.
  bool skipToClose() {
    size_t close = rest.find(')');
    if (close == StringRef::npos)
      return false;
    rest = rest.drop_front(close + 1);
    return true;
  }

  StringRef rest;
  const std::map<std::string, std::string> &names;
};
} // namespace

/// `Symbol('s77', positive=True, integer=True)` -> `s77`; empty for other
/// expressions (`Mul(Integer(2), Symbol(...))`).
static std::string plainSymbol(StringRef expr) {
  static const llvm::Regex re("^Symbol\\('([A-Za-z_][A-Za-z0-9_]*)'");
  SmallVector<StringRef> m;
  if (re.match(expr, &m))
    return m[1].str();
  return "";
}

FailureOr<Type>
PT2Importer::tensorTypeOf(const json::Object &meta, Location loc,
                          SmallVectorImpl<std::string> *dimSymbols) {
  auto dtypeCode = meta.getInteger("dtype");
  const json::Array *sizes = meta.getArray("sizes");
  if (!dtypeCode || !sizes)
    return error(loc) << "tensor metadata without dtype or sizes";
  auto dtype = dtypeOf(*dtypeCode, loc);
  if (failed(dtype))
    return failure();
  SmallVector<int64_t> shape;
  for (const json::Value &s : *sizes) {
    const json::Object *o = s.getAsObject();
    std::string sym;
    if (auto v = o ? o->getInteger("as_int") : std::nullopt) {
      shape.push_back(*v);
    } else {
      shape.push_back(int64_t(-1));
      if (const json::Object *e = o ? o->getObject("as_expr") : nullptr)
        if (auto str = e->getString("expr_str"))
          sym = plainSymbol(*str);
    }
    if (dimSymbols)
      dimSymbols->push_back(sym);
  }
  return Type(NonValueTensorType::get(ctx, ArrayRef<int64_t>(shape), *dtype));
}

FailureOr<Type> PT2Importer::tensorTypeOfName(StringRef name, Location loc) {
  for (const json::Object *tv : llvm::reverse(tensorValues))
    if (const json::Object *meta = tv ? tv->getObject(name) : nullptr)
      return tensorTypeOf(*meta, loc);
  // Unknown metadata: an unranked tensor of unknown dtype.
  return Type(NonValueTensorType::get(ctx, std::nullopt, Type()));
}

//===----------------------------------------------------------------------===//
// Weights and constants
//===----------------------------------------------------------------------===//

FailureOr<Value> PT2Importer::weightLiteral(StringRef fqn, bool constant,
                                            Location loc) {
  if (Value v = weights.lookup(fqn))
    return v;
  auto it = payloads.find(fqn);
  if (it == payloads.end())
    return error(loc) << "cannot import '" << path << "': the "
                      << (constant ? "constant" : "weight") << " '" << fqn
                      << "' is not in the archive's "
                      << (constant ? "constants" : "weights")
                      << " config; the archive is incomplete, save it again";
  const std::string &record = it->second.first;
  const json::Object &meta = *it->second.second;
  auto type = tensorTypeOf(meta, loc);
  if (failed(type))
    return failure();
  auto tensorType = cast<NonValueTensorType>(*type);
  ArrayRef<int64_t> shape = tensorType.getSizes();
  if (llvm::any_of(shape, [](int64_t d) { return d < 0; }))
    return error(loc) << "weight '" << fqn << "' has a symbolic size";
  Type dtype = tensorType.getDtype();
  auto scalar = scalarTypeOf(*meta.getInteger("dtype"), loc);
  if (failed(scalar))
    return failure();
  const int64_t elt = c10::elementSize(*scalar);
  int64_t numel = 1;
  for (int64_t d : shape)
    numel *= d;

  // Strides and offset of the view on the stored storage.
  SmallVector<int64_t> strides;
  if (const json::Array *st = meta.getArray("strides"))
    for (const json::Value &s : *st)
      if (const json::Object *o = s.getAsObject())
        strides.push_back(o->getInteger("as_int").value_or(-1));
  int64_t offset = 0;
  if (const json::Object *o = meta.getObject("storage_offset"))
    offset = o->getInteger("as_int").value_or(0);
  if (strides.size() != shape.size() || offset < 0 ||
      llvm::any_of(strides, [](int64_t s) { return s < 0; }))
    return error(loc) << "weight '" << fqn << "' has unusable strides";

  size_t recOffset = 0, recSize = 0;
  if (numel > 0) {
    if (!reader->hasRecord(record))
      return error(loc) << "cannot import '" << path << "': the record '"
                        << record << "' of weight '" << fqn
                        << "' is missing; the archive is damaged or "
                           "truncated, save it again";
    try {
      recSize = reader->getRecordSize(record);
      recOffset = reader->getRecordOffset(record);
    } catch (const std::exception &e) {
      return error(loc) << "cannot import '" << path << "': record '" << record
                        << "' cannot be read; the archive is "
                        << "damaged, save it again";
    }
    // The last element the view reads.
    int64_t last = offset;
    for (auto [d, s] : llvm::zip(shape, strides))
      last += (d - 1) * s;
    uint64_t need = uint64_t(last + 1) * elt;
    if (need > recSize)
      return error(loc) << "cannot import '" << path << "': weight '" << fqn
                        << "' of shape [" << shape << "] needs " << need
                        << " bytes, its record '" << record << "' holds "
                        << recSize
                        << " (a truncated or edited archive?); save it again";
    if (recOffset + recSize > file->getBufferSize())
      return error(loc) << "cannot import '" << path << "': record '" << record
                        << "' lies past the end of the file "
                        << "(a truncated archive?); save it again";
  }
  const char *storage = file->getBufferStart() + recOffset;

  auto shaped = RankedTensorType::get(shape, dtype);
  bool contiguous = true;
  for (int64_t i = shape.size() - 1, expect = 1; i >= 0; --i) {
    if (shape[i] != 1 && strides[i] != expect)
      contiguous = false;
    expect *= shape[i];
  }
  const char *data = storage + offset * elt;
  ElementsAttr attr;
  if (dtype.isInteger(1)) {
    SmallVector<bool> bits(numel);
    SmallVector<int64_t> idx(shape.size(), 0);
    for (int64_t n = 0; n < numel; ++n) {
      int64_t pos = offset;
      for (auto [i, s] : llvm::zip(idx, strides))
        pos += i * s;
      bits[n] = storage[pos] != 0;
      for (int64_t d = shape.size() - 1; d >= 0; --d) {
        if (++idx[d] < shape[d])
          break;
        idx[d] = 0;
      }
    }
    attr = DenseElementsAttr::get(shaped, ArrayRef<bool>(bits));
  } else if (contiguous && numel > 0 &&
             reinterpret_cast<uintptr_t>(data) % elt == 0) {
    // The blob points into the mapped archive, which it keeps alive.
    std::shared_ptr<llvm::MemoryBuffer> keep = file;
    AsmResourceBlob blob(
        ArrayRef<char>(data, numel * elt), elt,
        [keep](void *, size_t, size_t) mutable { keep.reset(); },
        /*dataIsMutable=*/false);
    attr = DenseResourceElementsAttr::get(shaped, vals.nextBlobName(),
                                          std::move(blob));
  } else {
    // A strided or misaligned view: gathered once into an owned buffer.
    AsmResourceBlob blob = HeapAsmResourceBlob::allocate(
        std::max<int64_t>(numel * elt, 1), alignof(std::max_align_t),
        /*dataIsMutable=*/true);
    char *out = blob.getMutableData().data();
    SmallVector<int64_t> idx(shape.size(), 0);
    for (int64_t n = 0; n < numel; ++n) {
      int64_t pos = offset;
      for (auto [i, s] : llvm::zip(idx, strides))
        pos += i * s;
      std::memcpy(out + n * elt, storage + pos * elt, elt);
      for (int64_t d = shape.size() - 1; d >= 0; --d) {
        if (++idx[d] < shape[d])
          break;
        idx[d] = 0;
      }
    }
    attr = DenseResourceElementsAttr::get(shaped, vals.nextBlobName(),
                                          std::move(blob));
  }
  Value v = TensorLiteralOp::create(b, NameLoc::get(b.getStringAttr(fqn), loc),
                                    tensorType, attr)
                .getResult();
  weights[fqn] = v;
  return v;
}

//===----------------------------------------------------------------------===//
// Arguments
//===----------------------------------------------------------------------===//

Value PT2Importer::lookup(StringRef name) const {
  for (const auto &scope : llvm::reverse(scopes))
    if (Value v = scope.lookup(name))
      return v;
  return {};
}

/// The element type of an (optional) list type, else null.
static c10::TypePtr listElement(const c10::TypePtr &t) {
  if (!t)
    return nullptr;
  c10::TypePtr base = t;
  if (auto opt = base->cast<c10::OptionalType>())
    base = opt->getElementType();
  if (auto list = base->cast<c10::ListType>())
    return list->getElementType();
  return nullptr;
}

/// `t` without an Optional around it.
static c10::TypePtr unwrapOptional(const c10::TypePtr &t) {
  if (t)
    if (auto opt = t->cast<c10::OptionalType>())
      return opt->getElementType();
  return t;
}

FailureOr<Value> PT2Importer::importList(const json::Array &elts,
                                         StringRef kind,
                                         const c10::TypePtr &expected,
                                         Location loc) {
  c10::TypePtr eltType = listElement(expected);
  if (!eltType) {
    // No schema (HOP operands): from the serialized kind.
    if (kind == "as_ints" || kind == "as_sym_ints")
      eltType = c10::IntType::get();
    else if (kind == "as_floats" || kind == "as_sym_floats")
      eltType = c10::FloatType::get();
    else if (kind == "as_bools" || kind == "as_sym_bools")
      eltType = c10::BoolType::get();
    else if (kind == "as_strings")
      eltType = c10::StringType::get();
    else if (kind == "as_optional_tensors")
      eltType = c10::OptionalType::create(c10::TensorType::get());
    else
      eltType = c10::TensorType::get();
  }
  SmallVector<Value> values;
  for (const json::Value &e : elts) {
    // Elements of as_ints/as_floats/... are bare numbers; of
    // as_tensors/as_sym_ints/... single-kind objects.
    StringRef single = llvm::StringSwitch<StringRef>(kind)
                           .Case("as_ints", "as_int")
                           .Case("as_floats", "as_float")
                           .Case("as_bools", "as_bool")
                           .Case("as_strings", "as_string")
                           .Case("as_tensors", "as_tensor")
                           .Case("as_sym_ints", "as_sym_int")
                           .Case("as_sym_floats", "as_sym_float")
                           .Case("as_sym_bools", "as_sym_bool")
                           .Case("as_optional_tensors", "as_optional_tensor")
                           .Default("");
    if (single.empty())
      return error(loc) << "unsupported list argument kind '" << kind << "'";
    json::Value wrapped = json::Object{{single, e}};
    auto v = importArg(wrapped, eltType, loc);
    if (failed(v))
      return failure();
    values.push_back(*v);
  }
  auto listType = vals.importType(c10::ListType::create(eltType), loc);
  if (failed(listType))
    return failure();
  return PrimListConstructOp::create(b, loc, *listType, values).getResult();
}

FailureOr<Value> PT2Importer::importArg(const json::Value &argValue,
                                        const c10::TypePtr &expected,
                                        Location loc) {
  const json::Object *arg = argValue.getAsObject();
  if (!arg || arg->empty())
    return error(loc) << "malformed argument in the serialized program";
  StringRef kind = arg->begin()->first;
  const json::Value &v = arg->begin()->second;
  c10::TypePtr want = unwrapOptional(expected);
  auto intConst = [&](int64_t i) -> Value {
    if (want && want->kind() == c10::TypeKind::FloatType)
      return ConstantFloatOp::create(b, loc, Torch::FloatType::get(ctx),
                                     b.getF64FloatAttr(double(i)));
    return ConstantIntOp::create(b, loc, IntType::get(ctx),
                                 b.getI64IntegerAttr(i));
  };
  auto named = [&](const json::Value &ref) -> FailureOr<Value> {
    const json::Object *o = ref.getAsObject();
    if (!o)
      return error(loc) << "malformed '" << kind << "' argument";
    if (auto name = o->getString("as_name")) {
      Value found = lookup(*name);
      if (!found)
        return error(loc) << "'" << *name << "' is used before it is defined";
      return found;
    }
    if (auto i = o->getInteger("as_int"))
      return intConst(*i);
    if (auto f = o->getNumber("as_float"))
      return Value(ConstantFloatOp::create(b, loc, Torch::FloatType::get(ctx),
                                           b.getF64FloatAttr(*f)));
    if (auto bl = o->getBoolean("as_bool"))
      return Value(ConstantBoolOp::create(b, loc, BoolType::get(ctx),
                                          b.getBoolAttr(*bl)));
    return error(loc) << "malformed '" << kind << "' argument";
  };

  if (kind == "as_none")
    return Value(ConstantNoneOp::create(b, loc, Torch::NoneType::get(ctx)));
  if (kind == "as_tensor") {
    auto name =
        v.getAsObject() ? v.getAsObject()->getString("name") : std::nullopt;
    Value found = name ? lookup(*name) : Value();
    if (!found)
      return error(loc) << "tensor '" << (name ? *name : "?")
                        << "' is used before it is defined";
    return found;
  }
  if (kind == "as_optional_tensor") {
    const json::Object *o = v.getAsObject();
    if (o && o->get("as_none"))
      return Value(ConstantNoneOp::create(b, loc, Torch::NoneType::get(ctx)));
    if (o && o->get("as_tensor"))
      return importArg(json::Object{{"as_tensor", *o->get("as_tensor")}},
                       expected, loc);
    return error(loc) << "malformed optional tensor argument";
  }
  if (kind == "as_int")
    if (auto i = v.getAsInteger())
      return intConst(*i);
  if (kind == "as_float") {
    // JSON has no inf/nan: the serializer writes them as strings.
    std::optional<double> f = v.getAsNumber();
    if (auto str = v.getAsString())
      f = llvm::StringSwitch<std::optional<double>>(*str)
              .Case("Infinity", std::numeric_limits<double>::infinity())
              .Case("-Infinity", -std::numeric_limits<double>::infinity())
              .Case("NaN", std::numeric_limits<double>::quiet_NaN())
              .Default(std::nullopt);
    if (f)
      return Value(ConstantFloatOp::create(b, loc, Torch::FloatType::get(ctx),
                                           b.getF64FloatAttr(*f)));
  }
  if (kind == "as_bool")
    if (auto bl = v.getAsBoolean())
      return Value(ConstantBoolOp::create(b, loc, BoolType::get(ctx),
                                          b.getBoolAttr(*bl)));
  if (kind == "as_string")
    if (auto s = v.getAsString())
      return Value(ConstantStrOp::create(b, loc, StringType::get(ctx),
                                         b.getStringAttr(*s)));
  if (kind == "as_sym_int" || kind == "as_sym_float" || kind == "as_sym_bool")
    return named(v);
  if (kind == "as_scalar_type") {
    auto code = v.getAsInteger();
    auto st = code ? scalarTypeOf(*code, loc) : FailureOr<c10::ScalarType>();
    if (failed(st))
      return failure();
    return Value(ConstantIntOp::create(b, loc, IntType::get(ctx),
                                       b.getI64IntegerAttr(int64_t(*st))));
  }
  if (kind == "as_memory_format") {
    // schema MemoryFormat -> c10::MemoryFormat.
    int64_t mf = 0;
    switch (v.getAsInteger().value_or(1)) {
    case 2:
      mf = int64_t(c10::MemoryFormat::ChannelsLast);
      break;
    case 3:
      mf = int64_t(c10::MemoryFormat::ChannelsLast3d);
      break;
    case 4:
      mf = int64_t(c10::MemoryFormat::Preserve);
      break;
    default:
      mf = int64_t(c10::MemoryFormat::Contiguous);
    }
    return Value(ConstantIntOp::create(b, loc, IntType::get(ctx),
                                       b.getI64IntegerAttr(mf)));
  }
  if (kind == "as_layout") {
    if (v.getAsInteger().value_or(7) != 7)
      return error(loc) << "only strided (dense) tensors are supported";
    return Value(
        ConstantIntOp::create(b, loc, IntType::get(ctx),
                              b.getI64IntegerAttr(int64_t(c10::kStrided))));
  }
  if (kind == "as_device") {
    const json::Object *o = v.getAsObject();
    std::string dev = o && o->getString("type") ? o->getString("type")->str()
                                                : std::string("cpu");
    if (o)
      if (auto idx = o->getInteger("index"))
        dev += ":" + std::to_string(*idx);
    return Value(ConstantDeviceOp::create(b, loc, DeviceType::get(ctx),
                                          b.getStringAttr(dev)));
  }
  if (const json::Array *elts = v.getAsArray())
    return importList(*elts, kind, expected, loc);
  return error(loc) << "unsupported argument kind '" << kind
                    << "' in the serialized program";
}

FailureOr<Value> PT2Importer::coerceToBool(Value v, Location loc) {
  if (isa<BoolType>(v.getType()))
    return v;
  if (isTorchTensorType(v.getType()))
    return Value(AtenBoolTensorOp::create(b, loc, BoolType::get(ctx), v));
  if (isa<IntType>(v.getType()))
    return Value(AtenBoolIntOp::create(b, loc, BoolType::get(ctx), v));
  return error(loc) << "a condition must be a tensor, an int or a bool";
}

Value PT2Importer::numberAsTensor(Value v, Location loc) {
  Type dtype = isa<Torch::FloatType>(v.getType()) ? Type(b.getF64Type())
               : isa<BoolType>(v.getType())
                   ? Type(b.getI1Type())
                   : Type(b.getIntegerType(64, /*isSigned=*/true));
  return PrimNumToTensorOp::create(
      b, loc, NonValueTensorType::get(ctx, ArrayRef<int64_t>{}, dtype), v);
}

LogicalResult PT2Importer::plainArgs(const json::Object &node, Location loc,
                                     SmallVectorImpl<Value> &out) {
  if (const json::Array *inputs = node.getArray("inputs"))
    for (const json::Value &in : *inputs)
      if (const json::Object *o = in.getAsObject())
        if (const json::Value *a = o->get("arg")) {
          auto v = importArg(*a, nullptr, loc);
          if (failed(v))
            return failure();
          out.push_back(*v);
        }
  return success();
}

//===----------------------------------------------------------------------===//
// Nodes
//===----------------------------------------------------------------------===//

Location PT2Importer::locOf(const json::Object &node, StringRef target) {
  Location base = fileLoc;
  const json::Object *meta = node.getObject("metadata");
  if (auto trace = meta ? meta->getString("stack_trace") : std::nullopt) {
    // Frames outermost first: the innermost frame of the user's code is the
    // last one outside torch itself and FX's generated code.
    static const llvm::Regex frame("File \"([^\"]+)\", line ([0-9]+)");
    SmallVector<StringRef> lines;
    trace->split(lines, '\n');
    for (StringRef line : lines) {
      SmallVector<StringRef> m;
      if (!frame.match(line, &m))
        continue;
      StringRef f = m[1];
      if (f.starts_with("<") || f.contains("/site-packages/torch/") ||
          f.contains("/dist-packages/torch/"))
        continue;
      unsigned lineNo = 0;
      m[2].getAsInteger(10, lineNo);
      base = FileLineColLoc::get(ctx, f, lineNo, 1);
    }
  }
  StringRef name = target;
  name.consume_front("torch.ops.");
  return NameLoc::get(b.getStringAttr(name), base);
}

LogicalResult PT2Importer::bindOutputs(const json::Object &node,
                                       ValueRange results, Location loc) {
  const json::Array *outs = node.getArray("outputs");
  if (!outs)
    return success();
  for (auto [i, out] : llvm::enumerate(*outs)) {
    if (i >= results.size())
      break;
    const json::Object *o = out.getAsObject();
    if (!o || o->empty())
      continue;
    StringRef kind = o->begin()->first;
    const json::Value &v = o->begin()->second;
    Value r = results[i];
    if (kind == "as_tensor") {
      if (const json::Object *to = v.getAsObject())
        if (auto name = to->getString("name"))
          bind(*name, r);
    } else if (kind == "as_sym_int" || kind == "as_sym_float" ||
               kind == "as_sym_bool") {
      if (const json::Object *so = v.getAsObject())
        if (auto name = so->getString("as_name"))
          bind(*name, r);
    } else if (kind == "as_tensors" || kind == "as_optional_tensors") {
      const json::Array *elts = v.getAsArray();
      if (!elts || elts->empty())
        continue;
      SmallVector<Type> types;
      SmallVector<std::string> names;
      for (const json::Value &e : *elts) {
        const json::Object *eo = e.getAsObject();
        if (eo && eo->getObject("as_tensor"))
          eo = eo->getObject("as_tensor");
        std::string name =
            eo && eo->getString("name") ? eo->getString("name")->str() : "";
        auto t = tensorTypeOfName(name, loc);
        if (failed(t))
          return failure();
        types.push_back(*t);
        names.push_back(name);
      }
      auto unpack = PrimListUnpackOp::create(b, loc, types, r);
      for (auto [name, res] : llvm::zip(names, unpack.getResults()))
        if (!name.empty())
          bind(name, res);
    }
  }
  return success();
}

LogicalResult PT2Importer::importAtenNode(const json::Object &node,
                                          StringRef target, Location loc,
                                          bool alternative) {
  // torch.ops.aten.add.Tensor -> aten::add, overload Tensor.
  StringRef rest = target.drop_front(strlen("torch.ops."));
  auto [ns, opAndOverload] = rest.split('.');
  auto [op, overload] = opAndOverload.rsplit('.');
  if (overload.empty()) {
    op = opAndOverload;
    overload = "default";
  }
  std::string qualified = (ns + "::" + op).str();
  std::string ovl = overload == "default" ? "" : overload.str();
  std::optional<c10::OperatorHandle> handle =
      c10::Dispatcher::singleton().findSchema({qualified, ovl});
  if (!handle)
    return error(loc) << "unsupported operator '" << target << "': libtorch "
                      << TORCH_ONNX_LIBTORCH_VERSION
                      << " does not know it (a custom op? register it or "
                         "decompose it before saving)";
  const c10::FunctionSchema &schema = handle->schema();
  const json::Array *inputs = node.getArray("inputs");
  auto givenArg = [&](size_t i, const c10::Argument &a) -> const json::Value * {
    if (!inputs)
      return nullptr;
    for (const json::Value &in : *inputs)
      if (const json::Object *o = in.getAsObject())
        if (o->getString("name") == StringRef(a.name()))
          return o->get("arg");
    if (i < inputs->size())
      if (const json::Object *o = (*inputs)[i].getAsObject())
        if (o->getString("name").value_or("").empty())
          return o->get("arg");
    return nullptr;
  };

  // A Python number where the overload takes a Tensor (`x + 1` is recorded
  // as add.Tensor(x, 1)): the Scalar overload TorchScript would have chosen.
  SmallVector<size_t> numberForTensor;
  for (auto [i, a] : llvm::enumerate(schema.arguments())) {
    const json::Value *given = givenArg(i, a);
    const json::Object *o = given ? given->getAsObject() : nullptr;
    if (!o || o->empty() || a.type()->kind() != c10::TypeKind::TensorType)
      continue;
    StringRef k = o->begin()->first;
    if (k == "as_int" || k == "as_float" || k == "as_bool" ||
        k == "as_sym_int" || k == "as_sym_float" || k == "as_sym_bool")
      numberForTensor.push_back(i);
  }
  if (!numberForTensor.empty() && !alternative) {
    SmallVector<std::string> candidates;
    bool first = numberForTensor.front() == 0;
    if (ovl == "Tensor")
      candidates = {"Scalar"};
    else if (ovl == "Tensor_Tensor")
      candidates = {first ? "Scalar_Tensor" : "Tensor_Scalar"};
    else if (ovl == "self")
      candidates = {numberForTensor.size() == 2    ? "Scalar"
                    : numberForTensor.front() == 1 ? "ScalarSelf"
                                                   : "ScalarOther"};
    else if (ovl.empty())
      candidates = {"Scalar"};
    for (const std::string &c : candidates)
      if (c10::Dispatcher::singleton().findSchema({qualified, c}))
        return importAtenNode(node,
                              ("torch.ops." + ns + "." + op + "." + c).str(),
                              loc, /*alternative=*/true);
  }

  // Operands in schema order; the serializer leaves out defaulted ones.
  SmallVector<Value> operands;
  for (auto [i, a] : llvm::enumerate(schema.arguments())) {
    if (const json::Value *given = givenArg(i, a)) {
      auto v = importArg(*given, a.type(), loc);
      if (failed(v))
        return failure();
      if (llvm::is_contained(numberForTensor, i)) {
        // No Scalar overload: the number as a 0-d tensor.
        *v = numberAsTensor(*v, loc);
      }
      operands.push_back(*v);
      continue;
    }
    if (!a.default_value())
      return error(loc) << "'" << target << "' lacks its argument '" << a.name()
                        << "', which has no default";
    auto v = vals.importIValue(*a.default_value(), a.type(), loc);
    if (failed(v))
      return failure();
    operands.push_back(*v);
  }

  // Results in schema order, typed from the serialized tensor metadata.
  const json::Array *outs = node.getArray("outputs");
  SmallVector<Type> resultTypes;
  for (auto [i, r] : llvm::enumerate(schema.returns())) {
    const json::Object *o =
        outs && i < outs->size() ? (*outs)[i].getAsObject() : nullptr;
    const json::Object *t = o ? o->getObject("as_tensor") : nullptr;
    if (t && t->getString("name")) {
      auto ty = tensorTypeOfName(*t->getString("name"), loc);
      if (failed(ty))
        return failure();
      resultTypes.push_back(*ty);
      continue;
    }
    // A Scalar result (item, _local_scalar_dense): int, float or bool as
    // the program recorded it.
    if (o && r.type()->kind() == c10::TypeKind::NumberType) {
      if (o->get("as_sym_int") || o->get("as_int")) {
        resultTypes.push_back(IntType::get(ctx));
        continue;
      }
      if (o->get("as_sym_float") || o->get("as_float")) {
        resultTypes.push_back(Torch::FloatType::get(ctx));
        continue;
      }
      if (o->get("as_sym_bool") || o->get("as_bool")) {
        resultTypes.push_back(BoolType::get(ctx));
        continue;
      }
    }
    auto ty = vals.importType(r.type(), loc);
    if (failed(ty))
      return failure();
    resultTypes.push_back(*ty);
  }

  std::string opName = qualified + (ovl.empty() ? "" : "." + ovl);
  Operation *created =
      vals.createGeneratedOp(opName, operands, resultTypes, loc);
  if (!created) {
    OperationState state(loc, "torch.operator");
    state.addAttribute("name", b.getStringAttr(opName));
    state.addOperands(operands);
    state.addTypes(resultTypes);
    created = b.create(state);
  }
  return bindOutputs(node, created->getResults(), loc);
}

/// Python's operators on SymInts/SymFloats/SymBools and the aten ops on
/// numbers that TorchScript uses for the same arithmetic.
static StringRef atenForPythonOp(StringRef fn) {
  return llvm::StringSwitch<StringRef>(fn)
      .Case("add", "add")
      .Case("sub", "sub")
      .Case("mul", "mul")
      .Case("floordiv", "floordiv")
      .Case("mod", "remainder")
      .Case("truediv", "div")
      .Case("pow", "pow")
      .Case("eq", "eq")
      .Case("ne", "ne")
      .Case("lt", "lt")
      .Case("le", "le")
      .Case("gt", "gt")
      .Case("ge", "ge")
      .Case("neg", "neg")
      .Case("and_", "__and__")
      .Case("or_", "__or__")
      .Case("not_", "__not__")
      .Case("sym_not", "__not__")
      .Case("sym_float", "Float")
      .Case("sym_int", "Int")
      .Case("ceil", "ceil")
      .Case("floor", "floor")
      .Case("sqrt", "sqrt")
      .Default("");
}

LogicalResult PT2Importer::importSymNode(const json::Object &node,
                                         StringRef target, Location loc) {
  StringRef fn = target.rsplit('.').second;
  SmallVector<Value> operands;
  if (failed(plainArgs(node, loc, operands)))
    return failure();
  if (fn == "sym_min" || fn == "sym_max") {
    // No int min/max op: through 0-d tensors (minimum/maximum), back to a
    // number of the operands' kind.
    SmallVector<Value> ts;
    bool anyFloat = false;
    for (Value v : operands) {
      anyFloat |= isa<Torch::FloatType>(v.getType());
      ts.push_back(numberAsTensor(v, loc));
    }
    if (ts.size() != 2)
      return error(loc) << "'" << target << "' takes two sizes";
    Type dtype =
        anyFloat ? Type(b.getF64Type()) : Type(b.getIntegerType(64, true));
    Operation *m = vals.createGeneratedOp(
        fn == "sym_min" ? "aten::minimum" : "aten::maximum", ts,
        NonValueTensorType::get(ctx, ArrayRef<int64_t>{}, dtype), loc);
    Operation *back =
        m ? vals.createGeneratedOp(anyFloat ? "aten::Float.Tensor"
                                            : "aten::Int.Tensor",
                                   m->getResult(0),
                                   anyFloat ? Type(Torch::FloatType::get(ctx))
                                            : Type(IntType::get(ctx)),
                                   loc)
          : nullptr;
    if (!back)
      return error(loc) << "cannot import '" << target << "'";
    return bindOutputs(node, back->getResults(), loc);
  }
  StringRef aten = atenForPythonOp(fn);
  if (aten.empty())
    return error(loc) << "unsupported symbolic operation '" << target
                      << "' on sizes";
  auto suffix = [](Value v) -> StringRef {
    if (isa<Torch::FloatType>(v.getType()))
      return "float";
    if (isa<BoolType>(v.getType()))
      return "bool";
    return "int";
  };
  std::string name = ("aten::" + aten).str();
  Type result;
  if (aten == "Float" || aten == "Int") {
    name += "." + suffix(operands[0]).str();
    result = aten == "Float" ? Type(Torch::FloatType::get(ctx))
                             : Type(IntType::get(ctx));
  } else if (aten == "__not__") {
    result = BoolType::get(ctx);
  } else {
    std::string ovl = suffix(operands[0]).str();
    if (operands.size() == 2 && suffix(operands[1]) != suffix(operands[0]))
      ovl += "_" + suffix(operands[1]).str();
    name += "." + ovl;
    bool cmp = llvm::is_contained({"eq", "ne", "lt", "le", "gt", "ge"}, aten);
    bool anyFloat = llvm::any_of(
        operands, [](Value v) { return isa<Torch::FloatType>(v.getType()); });
    if (cmp || ovl == "bool")
      result = BoolType::get(ctx);
    else if (aten == "div" || anyFloat)
      result = Torch::FloatType::get(ctx);
    else if (aten == "ceil" || aten == "floor")
      result = IntType::get(ctx);
    else
      result = IntType::get(ctx);
  }
  Operation *op = vals.createGeneratedOp(name, operands, result, loc);
  if (!op)
    return error(loc) << "unsupported symbolic operation '" << target
                      << "' on these operand types";
  return bindOutputs(node, op->getResults(), loc);
}

/// Size assertions the importer drops.
static constexpr StringLiteral kDroppedTargets[] = {
    "torch.ops.aten._assert_scalar.default",
    "torch.ops.aten._assert_tensor_metadata.default",
    "torch.ops.aten.sym_constrain_range.default",
    "torch.ops.aten.sym_constrain_range_for_size.default",
    "torch.ops.aten._assert_async.msg",
    "torch.ops.aten._assert_async.default",
    "torch._check",
    "torch._check_is_size"};
/// Ops the importer replaces by their input.
static constexpr StringLiteral kIdentityTargets[] = {
    "torch.ops.aten.detach_.default", "torch.ops.aten.detach.default",
    "torch.ops.aten.lift_fresh_copy.default",
    "torch.ops.aten.lift_fresh.default"};
/// Ops the importer maps to other torch ops.
static constexpr StringLiteral kRenamedTargets[] = {
    "torch.ops.aten.sym_size.int", "torch.ops.aten.sym_numel.default",
    "torch.ops.aten._local_scalar_dense.default"};

std::vector<std::string> mlir::Torch::getPT2HandledOps() {
  std::vector<std::string> out;
  for (ArrayRef<StringLiteral> list :
       {ArrayRef<StringLiteral>(kDroppedTargets),
        ArrayRef<StringLiteral>(kIdentityTargets),
        ArrayRef<StringLiteral>(kRenamedTargets)})
    for (StringRef t : list) {
      // torch.ops.aten.sym_size.int -> aten.sym_size.int (".default" off).
      if (!t.consume_front("torch.ops."))
        continue;
      t.consume_back(".default");
      out.push_back(t.str());
    }
  return out;
}

/// The value of the node's input `i` (HOPs name no arguments).
static const json::Value *hopArg(const json::Object &node, size_t i) {
  const json::Array *inputs = node.getArray("inputs");
  if (!inputs || i >= inputs->size())
    return nullptr;
  const json::Object *o = (*inputs)[i].getAsObject();
  return o ? o->get("arg") : nullptr;
}

/// The subgraph of a HOP's `as_graph` argument, else null.
static const json::Object *hopGraph(const json::Object &node, size_t i) {
  const json::Value *a = hopArg(node, i);
  const json::Object *o = a ? a->getAsObject() : nullptr;
  const json::Object *g = o ? o->getObject("as_graph") : nullptr;
  return g ? g->getObject("graph") : nullptr;
}

/// The tensors of a HOP's `as_tensors` argument, else null.
static const json::Array *hopTensors(const json::Object &node, size_t i) {
  const json::Value *a = hopArg(node, i);
  const json::Object *o = a ? a->getAsObject() : nullptr;
  return o ? o->getArray("as_tensors") : nullptr;
}

SmallVector<std::string>
PT2Importer::flatTensorOutputs(const json::Object &node) {
  SmallVector<std::string> names;
  if (const json::Array *outs = node.getArray("outputs"))
    for (const json::Value &out : *outs) {
      const json::Object *o = out.getAsObject();
      if (!o)
        continue;
      if (const json::Object *t = o->getObject("as_tensor"))
        names.push_back(t->getString("name").value_or("").str());
      if (const json::Array *ts = o->getArray("as_tensors"))
        for (const json::Value &t : *ts)
          if (const json::Object *to = t.getAsObject())
            names.push_back(to->getString("name").value_or("").str());
    }
  return names;
}

LogicalResult PT2Importer::importGraph(const json::Object &graph,
                                       ArrayRef<Value> inputs,
                                       SmallVectorImpl<Value> &outputs,
                                       Location loc) {
  scopes.emplace_back();
  tensorValues.push_back(graph.getObject("tensor_values"));
  llvm::scope_exit pop([&] {
    scopes.pop_back();
    tensorValues.pop_back();
  });
  const json::Array *ins = graph.getArray("inputs");
  if (!ins || ins->size() != inputs.size())
    return error(loc) << "a subgraph takes " << (ins ? ins->size() : 0)
                      << " inputs but is given " << inputs.size();
  for (auto [in, v] : llvm::zip(*ins, inputs)) {
    const json::Object *o = in.getAsObject();
    const json::Object *t = o ? o->getObject("as_tensor") : nullptr;
    const json::Object *s = o ? o->getObject("as_sym_int") : nullptr;
    if (t && t->getString("name"))
      bind(*t->getString("name"), v);
    else if (s && s->getString("as_name"))
      bind(*s->getString("as_name"), v);
  }
  if (const json::Array *nodes = graph.getArray("nodes"))
    for (const json::Value &n : *nodes) {
      const json::Object *node = n.getAsObject();
      if (!node)
        return error(loc) << "malformed node in the serialized program";
      if (failed(importNode(*node)))
        return failure();
    }
  if (const json::Array *outs = graph.getArray("outputs"))
    for (const json::Value &out : *outs) {
      const json::Object *o = out.getAsObject();
      if (o && o->get("as_none"))
        continue;
      auto v = importArg(out, nullptr, loc);
      if (failed(v))
        return failure();
      outputs.push_back(*v);
    }
  return success();
}

LogicalResult PT2Importer::importCond(const json::Object &node, Location loc) {
  // cond(pred, true_graph, false_graph, operands)
  const json::Value *pred = hopArg(node, 0);
  const json::Object *tg = hopGraph(node, 1);
  const json::Object *fg = hopGraph(node, 2);
  if (!pred || !tg || !fg)
    return error(loc) << "malformed torch.cond node";
  auto p = importArg(*pred, nullptr, loc);
  if (failed(p))
    return failure();
  auto cond = coerceToBool(*p, loc);
  if (failed(cond))
    return failure();
  SmallVector<Value> operands;
  if (const json::Array *elts = hopTensors(node, 3))
    for (const json::Value &e : *elts) {
      auto v = importArg(json::Object{{"as_tensor", e}}, nullptr, loc);
      if (failed(v))
        return failure();
      operands.push_back(*v);
    }
  SmallVector<std::string> names = flatTensorOutputs(node);
  SmallVector<Type> types;
  for (const std::string &n : names) {
    auto t = tensorTypeOfName(n, loc);
    if (failed(t))
      return failure();
    types.push_back(*t);
  }
  auto ifOp = PrimIfOp::create(b, loc, types, *cond);
  std::pair<Region *, const json::Object *> branches[] = {
      {&ifOp.getThenRegion(), tg}, {&ifOp.getElseRegion(), fg}};
  for (auto [region, g] : branches) {
    Block *blk = new Block();
    region->push_back(blk);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToEnd(blk);
    SmallVector<Value> outs;
    if (failed(importGraph(*g, operands, outs, loc)))
      return failure();
    if (outs.size() != types.size())
      return error(loc) << "a torch.cond branch returns " << outs.size()
                        << " values, the cond has " << types.size();
    PrimIfYieldOp::create(b, loc, outs);
  }
  for (auto [n, r] : llvm::zip(names, ifOp.getResults()))
    bind(n, r);
  return success();
}

LogicalResult PT2Importer::importWhileLoop(const json::Object &node,
                                           Location loc) {
  // while_loop(cond_graph, body_graph, carried_inputs, additional_inputs)
  const json::Object *cg = hopGraph(node, 0);
  const json::Object *bg = hopGraph(node, 1);
  if (!cg || !bg)
    return error(loc) << "malformed torch.while_loop node";
  auto tensors = [&](size_t i, SmallVectorImpl<Value> &out) -> LogicalResult {
    if (!hopArg(node, i))
      return success();
    const json::Array *elts = hopTensors(node, i);
    if (!elts)
      return error(loc) << "torch.while_loop operands must be tensors";
    for (const json::Value &e : *elts) {
      auto v = importArg(json::Object{{"as_tensor", e}}, nullptr, loc);
      if (failed(v))
        return failure();
      out.push_back(*v);
    }
    return success();
  };
  SmallVector<Value> carried, additional;
  if (failed(tensors(2, carried)) || failed(tensors(3, additional)))
    return failure();
  SmallVector<std::string> names = flatTensorOutputs(node);
  if (names.size() != carried.size())
    return error(loc) << "torch.while_loop returns " << names.size()
                      << " values for " << carried.size() << " carried ones";
  SmallVector<Type> types;
  for (const std::string &n : names) {
    auto t = tensorTypeOfName(n, loc);
    if (failed(t))
      return failure();
    types.push_back(*t);
  }
  const json::Object &condGraph = *cg;
  const json::Object &bodyGraph = *bg;
  auto evalCond = [&](ValueRange state) -> FailureOr<Value> {
    SmallVector<Value> in(state.begin(), state.end()), out;
    in.append(additional.begin(), additional.end());
    if (failed(importGraph(condGraph, in, out, loc)))
      return failure();
    if (out.size() != 1)
      return error(loc) << "a torch.while_loop condition returns " << out.size()
                        << " values";
    return coerceToBool(out[0], loc);
  };
  auto first = evalCond(carried);
  if (failed(first))
    return failure();
  // No trip limit: the condition alone ends it (INT64_MAX, as TorchScript).
  Value trips = ConstantIntOp::create(
      b, loc, IntType::get(ctx),
      b.getI64IntegerAttr(std::numeric_limits<int64_t>::max()));
  auto loop = PrimLoopOp::create(b, loc, types, trips, *first, carried);
  Block *body = new Block();
  loop.getRegion().push_back(body);
  body->addArgument(IntType::get(ctx), loc);
  SmallVector<Value> state;
  for (Type t : types)
    state.push_back(body->addArgument(t, loc));
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToEnd(body);
    SmallVector<Value> in(state), next;
    in.append(additional.begin(), additional.end());
    if (failed(importGraph(bodyGraph, in, next, loc)))
      return failure();
    if (next.size() != state.size())
      return error(loc) << "a torch.while_loop body returns " << next.size()
                        << " values for " << state.size() << " carried ones";
    auto again = evalCond(next);
    if (failed(again))
      return failure();
    PrimLoopConditionOp::create(b, loc, *again, next);
  }
  for (auto [n, r] : llvm::zip(names, loop.getResults()))
    bind(n, r);
  return success();
}

LogicalResult PT2Importer::importScan(const json::Object &node, Location loc) {
  // scan(combine_graph, init, xs, additional_inputs): combine(carry..., x_t...,
  // additional...) -> (carry'..., y_t...); results: the last carries, then
  // each y stacked along a new leading dim. As TorchScript writes the same
  // loop: a prim.Loop over xs' leading dim that carries the carries and
  // appends each y_t to a list, stacked after the loop (the pipeline turns
  // the appends into scan outputs).
  const json::Object *combine = hopGraph(node, 0);
  if (!combine)
    return error(loc) << "malformed scan node";
  auto tensors = [&](size_t i, SmallVectorImpl<Value> &out) -> LogicalResult {
    const json::Array *elts = hopTensors(node, i);
    if (!elts)
      return hopArg(node, i) ? error(loc) << "scan operands must be tensors"
                             : success();
    for (const json::Value &e : *elts) {
      auto v = importArg(json::Object{{"as_tensor", e}}, nullptr, loc);
      if (failed(v))
        return failure();
      out.push_back(*v);
    }
    return success();
  };
  SmallVector<Value> init, xs, additional;
  if (failed(tensors(1, init)) || failed(tensors(2, xs)) ||
      failed(tensors(3, additional)))
    return failure();
  if (xs.empty())
    return error(loc) << "scan over no tensors";
  SmallVector<std::string> names = flatTensorOutputs(node);
  if (names.size() < init.size())
    return error(loc) << "scan returns fewer values than it carries";
  size_t numYs = names.size() - init.size();
  SmallVector<Type> carryTypes;
  for (size_t i = 0; i < init.size(); ++i) {
    auto t = tensorTypeOfName(names[i], loc);
    if (failed(t))
      return failure();
    carryTypes.push_back(*t);
  }
  Type intTy = IntType::get(ctx), boolTy = BoolType::get(ctx);
  auto anyTensor = NonValueTensorType::get(ctx, std::nullopt, Type());
  auto listTy = ListType::get(ctx, anyTensor);
  auto cInt = [&](int64_t v) -> Value {
    return ConstantIntOp::create(b, loc, intTy, b.getI64IntegerAttr(v));
  };
  // One list per y, appended to inside the loop.
  SmallVector<Value> lists;
  for (size_t i = 0; i < numYs; ++i)
    lists.push_back(PrimListConstructOp::create(b, loc, listTy, ValueRange{}));
  Value zero = cInt(0);
  Operation *len =
      vals.createGeneratedOp("aten::size.int", {xs[0], zero}, intTy, loc);
  if (!len)
    return error(loc) << "cannot take the length of scan's input";
  Value yes = ConstantBoolOp::create(b, loc, boolTy, b.getBoolAttr(true));
  auto loop =
      PrimLoopOp::create(b, loc, carryTypes, len->getResult(0), yes, init);
  Block *body = new Block();
  loop.getRegion().push_back(body);
  Value iv = body->addArgument(intTy, loc);
  SmallVector<Value> in;
  for (Type t : carryTypes)
    in.push_back(body->addArgument(t, loc));
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToEnd(body);
    Value dim0 = cInt(0);
    for (Value x : xs) {
      Type sliceTy = anyTensor;
      if (auto t = dyn_cast<NonValueTensorType>(x.getType());
          t && t.getOptionalSizes() && !t.getSizes().empty())
        sliceTy = NonValueTensorType::get(ctx, t.getSizes().drop_front(),
                                          t.getDtype());
      Operation *slice = vals.createGeneratedOp("aten::select.int",
                                                {x, dim0, iv}, sliceTy, loc);
      if (!slice)
        return error(loc) << "cannot slice scan's input";
      in.push_back(slice->getResult(0));
    }
    in.append(additional.begin(), additional.end());
    SmallVector<Value> out;
    if (failed(importGraph(*combine, in, out, loc)))
      return failure();
    if (out.size() != init.size() + numYs)
      return error(loc) << "scan's combine function returns " << out.size()
                        << " values, expected " << init.size() + numYs;
    for (size_t i = 0; i < numYs; ++i)
      if (!vals.createGeneratedOp(
              "aten::append.t", {lists[i], out[init.size() + i]}, listTy, loc))
        return error(loc) << "cannot collect scan's outputs";
    PrimLoopConditionOp::create(b, loc, yes,
                                ArrayRef<Value>(out).take_front(init.size()));
  }
  for (size_t i = 0; i < init.size(); ++i)
    bind(names[i], loop.getResult(i));
  for (size_t i = 0; i < numYs; ++i) {
    auto t = tensorTypeOfName(names[init.size() + i], loc);
    if (failed(t))
      return failure();
    Operation *stacked =
        vals.createGeneratedOp("aten::stack", {lists[i], cInt(0)}, *t, loc);
    if (!stacked)
      return error(loc) << "cannot stack scan's outputs";
    bind(names[init.size() + i], stacked->getResult(0));
  }
  return success();
}

LogicalResult PT2Importer::importNode(const json::Object &node) {
  StringRef target = node.getString("target").value_or("");
  Location loc = locOf(node, target);
  // Runtime assertions on sizes and metadata: facts the export already
  // checked on its sample inputs; the range constraints carry them.
  if (llvm::is_contained(kDroppedTargets, target))
    return success();
  if (target == "torch.ops.higher_order.cond")
    return importCond(node, loc);
  if (target == "torch.ops.higher_order.while_loop")
    return importWhileLoop(node, loc);
  if (target == "torch.ops.higher_order.scan")
    return importScan(node, loc);
  if (target == "torch.ops.higher_order.wrap_with_set_grad_enabled") {
    // (enabled, body, *operands): autograd state only; the body inline.
    const json::Object *body = hopGraph(node, 1);
    const json::Array *inputs = node.getArray("inputs");
    if (!body || !inputs)
      return error(loc) << "malformed '" << target << "' node";
    SmallVector<Value> operands, results;
    for (size_t i = 2; i < inputs->size(); ++i) {
      const json::Value *a = hopArg(node, i);
      auto v = a ? importArg(*a, nullptr, loc) : FailureOr<Value>();
      if (failed(v))
        return failure();
      operands.push_back(*v);
    }
    if (failed(importGraph(*body, operands, results, loc)))
      return failure();
    SmallVector<std::string> names = flatTensorOutputs(node);
    if (names.size() != results.size())
      return error(loc) << "'" << target << "' returns " << results.size()
                        << " values for " << names.size() << " outputs";
    for (auto [n, r] : llvm::zip(names, results))
      bind(n, r);
    return success();
  }
  if (target.starts_with("torch.ops.higher_order."))
    return error(loc) << "unsupported higher-order op '"
                      << target.drop_front(strlen("torch.ops."))
                      << "' (torch.cond, torch.while_loop and scan are "
                         "supported; rewrite it with one of them)";
  // Autograd-only and copy-of-a-constant ops: the value itself.
  if (llvm::is_contained(kIdentityTargets, target)) {
    const json::Value *in = hopArg(node, 0);
    auto v = in ? importArg(*in, nullptr, loc) : FailureOr<Value>();
    if (failed(v))
      return error(loc) << "malformed '" << target << "' node";
    return bindOutputs(node, *v, loc);
  }
  if (target == "torch.ops.aten.sym_size.int")
    return importAtenNode(node, "torch.ops.aten.size.int", loc);
  if (target == "torch.ops.aten._local_scalar_dense.default")
    return importAtenNode(node, "torch.ops.aten.item.default", loc);
  if (target == "torch.ops.aten.sym_numel.default")
    return importAtenNode(node, "torch.ops.aten.numel.default", loc);
  if (target.starts_with("torch.ops."))
    return importAtenNode(node, target, loc);
  if (target.starts_with("_operator.") || target.starts_with("operator.") ||
      target.starts_with("math.") || target.starts_with("torch.sym_"))
    return importSymNode(node, target, loc);
  return error(loc) << "unsupported FX node target '" << target << "'";
}

//===----------------------------------------------------------------------===//
// The program
//===----------------------------------------------------------------------===//

OwningOpRef<ModuleOp> PT2Importer::run() {
  ctx->loadDialect<TorchDialect, func::FuncDialect>();
  if (failed(openArchive()))
    return {};
  auto modelJson = readJson(modelRecord);
  if (failed(modelJson))
    return {};
  const json::Object *program = modelJson->getAsObject();
  auto bad = [&](StringRef what) {
    error(fileLoc) << "cannot import '" << path << "': " << modelRecord
                   << " has no " << what
                   << " (not an ExportedProgram, or a damaged archive)";
    return OwningOpRef<ModuleOp>();
  };
  if (!program)
    return bad("top-level object");
  const json::Object *version = program->getObject("schema_version");
  if (!version)
    return bad("schema_version");
  int64_t major = version->getInteger("major").value_or(-1);
  int64_t minor = version->getInteger("minor").value_or(-1);
  if (major != kPT2SchemaMajor) {
    std::string torchVersion =
        program->getString("torch_version").value_or("an unknown torch").str();
    error(fileLoc) << "cannot import '" << path
                   << "': its serialized-program schema is version " << major
                   << "." << minor << " (written by torch " << torchVersion
                   << "); this torch-onnx reads version " << kPT2SchemaMajor
                   << ".x (torch " << TORCH_ONNX_LIBTORCH_VERSION
                   << "): save the program again with that torch";
    return {};
  }
  const json::Object *gm = program->getObject("graph_module");
  const json::Object *graph = gm ? gm->getObject("graph") : nullptr;
  const json::Object *signature = gm ? gm->getObject("signature") : nullptr;
  if (!graph || !signature)
    return bad("graph_module.graph or signature");
  const json::Array *inputSpecs = signature->getArray("input_specs");
  const json::Array *outputSpecs = signature->getArray("output_specs");
  const json::Array *graphInputs = graph->getArray("inputs");
  const json::Array *graphOutputs = graph->getArray("outputs");
  if (!inputSpecs || !outputSpecs || !graphInputs || !graphOutputs ||
      inputSpecs->size() != graphInputs->size() ||
      outputSpecs->size() != graphOutputs->size())
    return bad("consistent input/output specs");

  if (failed(readPayloadConfig("data/weights",
                               modelName + "_weights_config.json")) ||
      failed(readPayloadConfig("data/constants",
                               modelName + "_constants_config.json")))
    return {};

  OwningOpRef<ModuleOp> module(ModuleOp::create(fileLoc));
  b.setInsertionPointToEnd(module->getBody());
  tensorValues.push_back(graph->getObject("tensor_values"));
  scopes.emplace_back();

  // User inputs: the function's arguments.
  SmallVector<Type> argTypes;
  SmallVector<DictionaryAttr> argAttrs;
  SmallVector<std::string> argNames;
  for (const json::Value &specValue : *inputSpecs) {
    const json::Object *spec = specValue.getAsObject();
    const json::Object *user = spec ? spec->getObject("user_input") : nullptr;
    if (!user)
      continue;
    const json::Object *arg = user->getObject("arg");
    const json::Object *t = arg ? arg->getObject("as_tensor") : nullptr;
    if (!t) {
      continue; // a constant user input: bound below
    }
    StringRef name = t->getString("name").value_or("");
    const json::Object *meta =
        tensorValues.back() ? tensorValues.back()->getObject(name) : nullptr;
    if (!meta) {
      error(fileLoc) << "cannot import '" << path << "': input '" << name
                     << "' has no tensor metadata";
      return {};
    }
    SmallVector<std::string> dimSymbols;
    auto type = tensorTypeOf(*meta, fileLoc, &dimSymbols);
    if (failed(type))
      return {};
    NamedAttrList attrs;
    attrs.set("torch.name", b.getStringAttr(name));
    if (llvm::any_of(dimSymbols, [](auto &s) { return !s.empty(); })) {
      SmallVector<Attribute> dimNames;
      for (const std::string &s : dimSymbols)
        dimNames.push_back(b.getStringAttr(s.empty() ? "" : symbolName(s)));
      attrs.set("torch.dim_names", b.getArrayAttr(dimNames));
    }
    argTypes.push_back(*type);
    argAttrs.push_back(attrs.getDictionary(ctx));
    argNames.push_back(name.str());
  }
  auto func = func::FuncOp::create(b, fileLoc, "forward",
                                   b.getFunctionType(argTypes, {}));
  Block *entry = func.addEntryBlock();
  for (auto [i, name] : llvm::enumerate(argNames)) {
    func.setArgAttrs(i, argAttrs[i]);
    bind(name, entry->getArgument(i));
  }
  // The size symbols' ranges, by the names the dims carry.
  if (const json::Object *ranges = program->getObject("range_constraints")) {
    NamedAttrList rangeAttrs;
    for (const auto &kv : *ranges) {
      const json::Object *r = kv.second.getAsObject();
      if (!r)
        continue;
      int64_t lo = r->getInteger("min_val").value_or(0);
      int64_t hi = r->getInteger("max_val").value_or(-1);
      rangeAttrs.set(symbolName(kv.first), b.getDenseI64ArrayAttr({lo, hi}));
    }
    if (!rangeAttrs.empty())
      func->setAttr("torch.symbol_ranges", rangeAttrs.getDictionary(ctx));
  }

  b.setInsertionPointToEnd(entry);
  // Parameters, buffers and constants: literals over the archive's bytes;
  // constant user inputs: constants.
  for (auto [specValue, inValue] : llvm::zip(*inputSpecs, *graphInputs)) {
    const json::Object *spec = specValue.getAsObject();
    if (!spec || spec->empty())
      return bad("well-formed input specs");
    StringRef kind = spec->begin()->first;
    const json::Object *s = spec->begin()->second.getAsObject();
    const json::Object *in = inValue.getAsObject();
    const json::Object *inTensor = in ? in->getObject("as_tensor") : nullptr;
    StringRef name =
        inTensor ? inTensor->getString("name").value_or("") : StringRef();
    auto literal = [&](StringRef fqnKey, bool constant) -> LogicalResult {
      std::optional<StringRef> fqn = s ? s->getString(fqnKey) : std::nullopt;
      if (!fqn || name.empty())
        return error(fileLoc) << "cannot import '" << path << "': a " << kind
                              << " input spec without " << fqnKey;
      auto v = weightLiteral(*fqn, constant, fileLoc);
      if (failed(v))
        return failure();
      bind(name, *v);
      return success();
    };
    if (kind == "user_input") {
      if (!inTensor) {
        // A number, string or None specialized at export time.
        const json::Value *arg = s ? s->get("arg") : nullptr;
        if (!arg)
          return bad("a user input's arg");
        // Nothing reads it by name; constants are inlined at their uses.
        continue;
      }
      continue;
    }
    if (kind == "parameter") {
      if (failed(literal("parameter_name", false)))
        return {};
    } else if (kind == "buffer") {
      if (failed(literal("buffer_name", false)))
        return {};
    } else if (kind == "tensor_constant") {
      if (failed(literal("tensor_constant_name", true)))
        return {};
    } else if (kind == "constant_input") {
      // A number, string or None the export specialized: its value.
      std::optional<StringRef> inName = s ? s->getString("name") : std::nullopt;
      const json::Value *value = s ? s->get("value") : nullptr;
      if (!inName || !value)
        return bad("a constant input's name and value");
      const json::Object *vo = value->getAsObject();
      if (vo && vo->get("as_none"))
        continue;
      auto v = importArg(*value, nullptr, fileLoc);
      if (failed(v))
        return {};
      bind(*inName, *v);
    } else {
      error(fileLoc) << "cannot import '" << path << "': unsupported input "
                     << "kind '" << kind
                     << "' (custom objects and effect tokens are not "
                        "supported)";
      return {};
    }
  }

  const json::Array *nodes = graph->getArray("nodes");
  if (!nodes)
    return bad("graph nodes");
  for (const json::Value &n : *nodes) {
    const json::Object *node = n.getAsObject();
    if (!node)
      return bad("well-formed nodes");
    if (failed(importNode(*node)))
      return {};
  }

  // User outputs (and a loss); buffer updates and gradients are training
  // state that an inference graph drops.
  SmallVector<Value> results;
  SmallVector<ArrayAttr> resultDimNames;
  for (auto [specValue, outValue] : llvm::zip(*outputSpecs, *graphOutputs)) {
    const json::Object *spec = specValue.getAsObject();
    if (!spec || spec->empty())
      return bad("well-formed output specs");
    StringRef kind = spec->begin()->first;
    if (kind != "user_output" && kind != "loss_output")
      continue;
    const json::Object *o = outValue.getAsObject();
    if (o && o->get("as_none"))
      continue; // None outputs are dropped, as torch.onnx does
    auto v = importArg(outValue, nullptr, fileLoc);
    if (failed(v))
      return {};
    results.push_back(*v);
    // Symbolic output dims keep their expression as the dim's name.
    SmallVector<Attribute> dimNames;
    bool anyName = false;
    const json::Object *t = o ? o->getObject("as_tensor") : nullptr;
    std::optional<StringRef> tname = t ? t->getString("name") : std::nullopt;
    const json::Object *meta = tname && tensorValues.front()
                                   ? tensorValues.front()->getObject(*tname)
                                   : nullptr;
    if (const json::Array *sizes = meta ? meta->getArray("sizes") : nullptr)
      for (const json::Value &sv : *sizes) {
        std::string name;
        if (const json::Object *so = sv.getAsObject())
          if (const json::Object *e = so->getObject("as_expr"))
            if (auto str = e->getString("expr_str"))
              name = SymExprPrinter(*str, options.symbolNames).print();
        anyName |= !name.empty();
        dimNames.push_back(b.getStringAttr(name));
      }
    resultDimNames.push_back(anyName ? b.getArrayAttr(dimNames) : ArrayAttr());
  }
  func::ReturnOp::create(b, fileLoc, results);
  func.setType(b.getFunctionType(argTypes, ValueRange(results).getTypes()));
  for (auto [i, names] : llvm::enumerate(resultDimNames))
    if (names)
      func.setResultAttr(i, "torch.dim_names", names);
  if (failed(verify(*module)))
    return {};
  return module;
}

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

bool mlir::Torch::isPT2Archive(StringRef path) {
  try {
    caffe2::serialize::PyTorchStreamReader reader(path.str());
    for (const std::string &r : reader.getAllRecords())
      if (StringRef(r).starts_with("models/") &&
          StringRef(r).ends_with(".json"))
        return true;
  } catch (const std::exception &) {
  }
  return false;
}

OwningOpRef<ModuleOp>
mlir::Torch::importPT2File(StringRef path, MLIRContext *context,
                           const PT2ImportOptions &options) {
  Location loc = FileLineColLoc::get(context, path, 0, 0);
  if (!llvm::sys::fs::exists(path)) {
    emitError(loc) << "cannot open '" << path << "': no such file";
    return {};
  }
  PT2Importer importer(context, path, options);
  try {
    return importer.run();
  } catch (const std::exception &e) {
    std::string what = e.what();
    emitError(loc) << "cannot import '" << path
                   << "': " << what.substr(0, what.find('\n'));
    return {};
  }
}

LogicalResult mlir::Torch::parseSymbolNames(StringRef spec,
                                            PT2ImportOptions &options,
                                            std::string &err) {
  SmallVector<StringRef> entries;
  spec.split(entries, ',', -1, /*KeepEmpty=*/false);
  for (StringRef e : entries) {
    auto [sym, name] = e.split('=');
    sym = sym.trim();
    name = name.trim();
    if (sym.empty() || name.empty()) {
      err = ("bad entry '" + e + "'; expected SYMBOL=NAME (e.g. s77=batch)")
                .str();
      return failure();
    }
    options.symbolNames[sym.str()] = name.str();
  }
  return success();
}

namespace {
llvm::cl::opt<std::string> &symbolNamesOption() {
  static llvm::cl::opt<std::string> opt(
      "pt2-symbol-names",
      llvm::cl::desc("With --import-pt2: names for torch.export's size "
                     "symbols, e.g. 's77=batch,s12=seq'"),
      llvm::cl::init(""));
  return opt;
}
} // namespace

void mlir::Torch::registerPT2Translation() {
  (void)symbolNamesOption();
  TranslateToMLIRRegistration importPT2(
      "import-pt2",
      "Import a torch.export archive (torch.export.export + torch.export.save)",
      [](llvm::SourceMgr &sourceMgr,
         MLIRContext *ctx) -> OwningOpRef<Operation *> {
        const llvm::MemoryBuffer *buf =
            sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
        StringRef path = buf->getBufferIdentifier();
        PT2ImportOptions options;
        std::string err;
        if (failed(parseSymbolNames(symbolNamesOption(), options, err))) {
          emitError(FileLineColLoc::get(ctx, path, 0, 0))
              << "--pt2-symbol-names: " << err;
          return {};
        }
        OwningOpRef<ModuleOp> m = importPT2File(path, ctx, options);
        return OwningOpRef<Operation *>(m.release().getOperation());
      },
      [](DialectRegistry &registry) {
        registry.insert<TorchDialect, func::FuncDialect>();
      });
}
