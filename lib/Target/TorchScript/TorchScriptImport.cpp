//===- TorchScriptImport.cpp - TorchScript archive -> torch dialect -------===//
//
// Loads a TorchScript archive with libtorch, switches it to eval mode, freezes
// it (parameters and buffers become constants), inlines calls, and translates
// the `forward` graph node by node. Blocks become regions; source ranges
// become file:line:col locations; tensor constants become resource blobs that
// reference the loaded storage.
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Target/TorchScript/TorchScriptImport.h"

#include "ArchiveCheck.h"
#include "Quantized.h"
#include "TorchValues.h"

#include "torch-onnx/Dialect/Torch/IR/TorchDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

#include <caffe2/serialize/inline_container.h>

#include <torch/csrc/jit/api/module.h>
#include <torch/csrc/jit/ir/constants.h>
#include <torch/csrc/jit/passes/inliner.h>
#include <torch/csrc/jit/serialization/import.h>

using namespace mlir;
using namespace mlir::Torch;
namespace tj = torch::jit;

namespace {

class Importer {
public:
  Importer(MLIRContext *ctx, StringRef path, const TorchScriptImportOptions &o)
      : ctx(ctx), b(ctx), path(path.str()), options(o) {
    fileLoc = FileLineColLoc::get(ctx, path, 0, 0);
  }
  OwningOpRef<ModuleOp> run(tj::Graph &graph);

private:
  InFlightDiagnostic error(Location loc) { return emitError(loc); }
  Location locOf(const tj::Node *node);
  FailureOr<Type> importType(const c10::TypePtr &type, Location loc) {
    return vals.importType(type, loc);
  }
  LogicalResult importBlock(tj::Block *block, Block *into);
  /// Imports `blk` into a new block of `region` (block inputs become block
  /// arguments) and ends it with `terminate(outputs)`.
  LogicalResult importRegion(tj::Block *blk, Region &region, Location loc,
                             function_ref<void(ArrayRef<Value>)> terminate);
  LogicalResult importNode(tj::Node *node);
  Value lookup(tj::Value *v) { return values.lookup(v); }

  MLIRContext *ctx;
  OpBuilder b;
  std::string path;
  const TorchScriptImportOptions &options;
  Location fileLoc = UnknownLoc::get(ctx);
  llvm::DenseMap<tj::Value *, Value> values;
  TorchValueBuilder vals{b};

public:
  /// Map locations back to the user's Python through the archive's debug
  /// records (off when they are damaged).
  bool useDebugRanges = true;
};

} // namespace

Location Importer::locOf(const tj::Node *node) {
  // Prefer the user's Python source that generated the archive's serialized
  // code (kept in its debug info) over the serialized code itself.
  tj::SourceRange sr = node->sourceRange();
  if (useDebugRanges) {
    try {
      if (auto original = sr.findSourceRangeThatGenerated())
        sr = *original;
    } catch (const std::exception &) {
      useDebugRanges = false; // damaged debug info: keep the archive's code
    }
  }
  auto range = sr.file_line_col();
  Location base = fileLoc;
  if (range) {
    const auto &[file, line, col] = *range;
    base = FileLineColLoc::get(ctx, file, line, col + 1);
  }
  return NameLoc::get(b.getStringAttr(node->kind().toQualString()), base);
}

/// checkViewInStorage over every tensor a module holds: attributes of it
/// and its submodules (also inside lists, tuples, dicts and objects) and the
/// tensor constants of its methods' graphs.
static std::string checkModuleStorages(const tj::Module &module) {
  std::function<std::string(const c10::IValue &, unsigned)> visit =
      [&](const c10::IValue &v, unsigned depth) -> std::string {
    if (depth > 64)
      return "";
    if (v.isTensor())
      return checkViewInStorage(v.toTensor());
    if (v.isTensorList()) {
      for (const at::Tensor &t : v.toTensorVector())
        if (std::string e = checkViewInStorage(t); !e.empty())
          return e;
    } else if (v.isList()) {
      for (const c10::IValue &e : v.toListRef())
        if (std::string r = visit(e, depth + 1); !r.empty())
          return r;
    } else if (v.isTuple()) {
      for (const c10::IValue &e : v.toTupleRef().elements())
        if (std::string r = visit(e, depth + 1); !r.empty())
          return r;
    } else if (v.isGenericDict()) {
      for (const auto &kv : v.toGenericDict())
        if (std::string r = visit(kv.value(), depth + 1); !r.empty())
          return r;
    } else if (v.isObject()) {
      for (const c10::IValue &slot : v.toObjectRef().slots())
        if (std::string r = visit(slot, depth + 1); !r.empty())
          return r;
    }
    return "";
  };
  for (const c10::IValue &slot : module._ivalue()->slots())
    if (std::string r = visit(slot, 0); !r.empty())
      return r;
  std::function<std::string(tj::Block *)> constants =
      [&](tj::Block *block) -> std::string {
    for (tj::Node *n : block->nodes()) {
      if (n->kind() == c10::prim::Constant && n->outputs().size() == 1)
        if (auto iv = tj::toIValue(n->output()); iv)
          if (std::string r = visit(*iv, 0); !r.empty())
            return r;
      for (tj::Block *b : n->blocks())
        if (std::string r = constants(b); !r.empty())
          return r;
    }
    return "";
  };
  for (const tj::Module &m : module.modules())
    for (const tj::Method &method : m.get_methods())
      if (std::string r = constants(method.graph()->block()); !r.empty())
        return r;
  return "";
}

LogicalResult Importer::importBlock(tj::Block *block, Block *into) {
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToEnd(into);
  for (tj::Node *node : block->nodes())
    if (failed(importNode(node)))
      return failure();
  return success();
}

LogicalResult
Importer::importRegion(tj::Block *blk, Region &region, Location loc,
                       function_ref<void(ArrayRef<Value>)> terminate) {
  Block *into = new Block();
  region.push_back(into);
  for (tj::Value *in : blk->inputs()) {
    auto t = importType(in->type(), loc);
    if (failed(t))
      return failure();
    values[in] = into->addArgument(*t, loc);
  }
  if (failed(importBlock(blk, into)))
    return failure();
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToEnd(into);
  SmallVector<Value> outs;
  for (tj::Value *o : blk->outputs())
    outs.push_back(lookup(o));
  terminate(outs);
  return success();
}

LogicalResult Importer::importNode(tj::Node *node) {
  Location loc = locOf(node);
  auto kind = node->kind();
  SmallVector<Value> operands;
  for (tj::Value *in : node->inputs()) {
    Value v = lookup(in);
    if (!v)
      return error(loc) << "operand '%" << in->debugName() << "' of "
                        << kind.toQualString() << " is not defined";
    operands.push_back(v);
  }
  SmallVector<Type> resultTypes;
  for (tj::Value *out : node->outputs()) {
    auto t = importType(out->type(), loc);
    if (failed(t))
      return failure();
    resultTypes.push_back(*t);
  }
  auto bindResults = [&](Operation *op) {
    for (auto [out, r] : llvm::zip(node->outputs(), op->getResults()))
      values[out] = r;
    return success();
  };

  if (kind == c10::prim::Constant) {
    tj::Value *out = node->output();
    auto iv = tj::toIValue(out);
    if (!iv)
      return error(loc) << "prim::Constant without a value";
    auto v = vals.importIValue(*iv, out->type(), loc);
    if (failed(v))
      return failure();
    values[out] = *v;
    return success();
  }

  if (kind == c10::prim::If) {
    auto op = PrimIfOp::create(b, loc, resultTypes, operands[0]);
    for (auto [i, blk] : llvm::enumerate(node->blocks())) {
      Region &region = i == 0 ? op.getThenRegion() : op.getElseRegion();
      if (failed(importRegion(blk, region, loc, [&](ArrayRef<Value> outs) {
            PrimIfYieldOp::create(b, loc, outs);
          })))
        return failure();
    }
    return bindResults(op);
  }

  if (kind == c10::prim::Loop) {
    // `while True:` with no way out: TorchScript's trip count is INT64_MAX
    // (INT64_MAX / 8 after libtorch unrolls the body) and both conditions
    // are the constant true. Where its results are unused later passes
    // would delete it, and the export would terminate where the model
    // hangs: refuse it instead.
    auto isTrue = [](tj::Value *v) {
      auto iv = tj::toIValue(v);
      return iv && iv->isBool() && iv->toBool();
    };
    auto trips = tj::toIValue(node->inputs()[0]);
    if (trips && trips->isInt() && trips->toInt() >= (int64_t(1) << 48) &&
        isTrue(node->inputs()[1]) && isTrue(node->blocks()[0]->outputs()[0]))
      return error(loc) << "this loop never ends (`while True:` without a "
                           "`break` or `return` that leaves it): every "
                           "inference would hang, and ONNX cannot express "
                           "it; give the loop an exit condition";
    auto op = PrimLoopOp::create(b, loc, resultTypes, operands[0], operands[1],
                                 ValueRange(operands).drop_front(2));
    if (failed(importRegion(
            node->blocks()[0], op.getRegion(), loc, [&](ArrayRef<Value> outs) {
              PrimLoopConditionOp::create(b, loc, outs[0], outs.drop_front());
            })))
      return failure();
    return bindResults(op);
  }

  // isinstance decided by the operand's static type (scripted library code
  // checks Tensor vs List[int], PackedSequence vs Tensor): a type that is a
  // subtype of a listed one is true, a type that is not a union-like one
  // (Optional, Union, Any) is false; anything else stays a run-time check.
  if (kind == c10::prim::isinstance && node->inputs().size() == 1) {
    c10::TypePtr t = node->input()->type();
    bool is =
        llvm::any_of(node->tys(c10::attr::types),
                     [&](const c10::TypePtr &c) { return t->isSubtypeOf(*c); });
    auto k = t->kind();
    bool unsure =
        k == c10::TypeKind::UnionType || k == c10::TypeKind::OptionalType ||
        k == c10::TypeKind::AnyType || k == c10::TypeKind::AnyListType ||
        k == c10::TypeKind::AnyTupleType || k == c10::TypeKind::AnyClassType ||
        k == c10::TypeKind::InterfaceType;
    if (is || !unsure) {
      values[node->output()] = ConstantBoolOp::create(
          b, loc, BoolType::get(b.getContext()), b.getBoolAttr(is));
      return success();
    }
  }

  // Structural prim ops with a dedicated op.
  auto create = [&](StringRef name) -> Operation * {
    OperationState state(loc, name);
    state.addOperands(operands);
    state.addTypes(resultTypes);
    return b.create(state);
  };
  if (kind == c10::prim::ListConstruct)
    return bindResults(create("torch.prim.ListConstruct"));
  if (kind == c10::prim::ListUnpack)
    return bindResults(create("torch.prim.ListUnpack"));
  if (kind == c10::prim::TupleConstruct)
    return bindResults(create("torch.prim.TupleConstruct"));
  if (kind == c10::prim::TupleUnpack)
    return bindResults(create("torch.prim.TupleUnpack"));
  if (kind == c10::prim::TupleIndex)
    return bindResults(create("torch.prim.TupleIndex"));
  if (kind == c10::prim::NumToTensor)
    return bindResults(create("torch.prim.NumToTensor.Scalar"));
  if (kind == c10::prim::Uninitialized)
    return bindResults(create("torch.prim.Uninitialized"));
  if (kind == c10::prim::RaiseException && operands.size() == 2)
    return bindResults(create("torch.prim.RaiseException"));

  // aten ops: the generated op of the node's exact overload, if any.
  std::string opName;
  if (const c10::FunctionSchema *schema = node->maybeSchema()) {
    opName =
        schema->name() +
        (schema->overload_name().empty() ? "" : "." + schema->overload_name());
    if (Operation *op =
            vals.createGeneratedOp(opName, operands, resultTypes, loc))
      return bindResults(op);
  } else {
    opName = kind.toQualString();
  }

  // Anything else: carried verbatim by torch.operator.
  OperationState state(loc, "torch.operator");
  state.addAttribute("name", b.getStringAttr(opName));
  state.addOperands(operands);
  state.addTypes(resultTypes);
  for (size_t i = 0; i < node->blocks().size(); ++i)
    state.addRegion();
  Operation *op = b.create(state);
  for (auto [i, blk] : llvm::enumerate(node->blocks()))
    if (failed(
            importRegion(blk, op->getRegion(i), loc, [&](ArrayRef<Value> outs) {
              OperatorTerminatorOp::create(b, loc, outs);
            })))
      return failure();
  return bindResults(op);
}

OwningOpRef<ModuleOp> Importer::run(tj::Graph &graph) {
  ctx->loadDialect<TorchDialect, func::FuncDialect>();
  OwningOpRef<ModuleOp> module(ModuleOp::create(fileLoc));
  b.setInsertionPointToEnd(module->getBody());

  // Quantized kernels and tensors become float ops between quantize and
  // dequantize ops (ONNX's QDQ form).
  if (auto err = rewriteQuantizedOps(graph)) {
    error(err->node ? locOf(err->node) : fileLoc) << err->message;
    return {};
  }

  // Graph inputs: the module itself (`self`) is dropped after freezing.
  std::vector<tj::Value *> inputs;
  for (tj::Value *in : graph.inputs()) {
    if (in->type()->kind() == c10::TypeKind::ClassType) {
      if (in->hasUses()) {
        std::string what;
        for (const tj::Use &use : in->uses()) {
          what = use.user->kind().toQualString();
          if (use.user->kind() == c10::prim::GetAttr)
            what += " '" + use.user->s(c10::attr::name) + "'";
          break;
        }
        error(fileLoc) << "the frozen forward() still uses the module object ("
                       << what
                       << ": attribute access that freezing could not fold)";
        return {};
      }
      continue;
    }
    inputs.push_back(in);
  }
  // The shape spec lists the tensor inputs (numbers, lists, ... are not
  // refined).
  size_t numTensors = llvm::count_if(inputs, [](const torch::jit::Value *v) {
    return v->type()->kind() == c10::TypeKind::TensorType;
  });
  if (!options.inputShapes.empty() &&
      options.inputShapes.size() != numTensors) {
    error(fileLoc) << "--input-shapes gives " << options.inputShapes.size()
                   << " tensor inputs but forward() takes " << numTensors;
    return {};
  }
  size_t nextSpec = 0;

  SmallVector<Type> argTypes;
  SmallVector<DictionaryAttr> argAttrs;
  for (auto [i, in] : llvm::enumerate(inputs)) {
    auto t = importType(in->type(), fileLoc);
    if (failed(t))
      return {};
    NamedAttrList attrs;
    attrs.set("torch.name", b.getStringAttr(in->debugNameBase()));
    if (!options.inputShapes.empty() && isTorchTensorType(*t)) {
      const TorchScriptInputShape &spec = options.inputShapes[nextSpec++];
      Type dtype = cast<NonValueTensorType>(*t).getDtype();
      if (!spec.dtype.empty()) {
        dtype = parseDtypeName(spec.dtype, ctx);
        if (!dtype) {
          error(fileLoc) << "--input-shapes: unknown dtype '" << spec.dtype
                         << "' (use f32, f64, f16, bf16, si64, si32, si16, "
                            "si8, ui8, i1)";
          return {};
        }
      }
      *t = NonValueTensorType::get(ctx, ArrayRef<int64_t>(spec.sizes), dtype);
      SmallVector<Attribute> names;
      bool anyName = false;
      for (const std::string &n : spec.dimNames) {
        names.push_back(b.getStringAttr(n));
        anyName |= !n.empty();
      }
      if (anyName)
        attrs.set("torch.dim_names", b.getArrayAttr(names));
    }
    argTypes.push_back(*t);
    argAttrs.push_back(attrs.getDictionary(ctx));
  }
  auto func = func::FuncOp::create(b, fileLoc, "forward",
                                   b.getFunctionType(argTypes, {}));
  Block *entry = func.addEntryBlock();
  for (auto [i, in] : llvm::enumerate(inputs)) {
    func.setArgAttrs(i, argAttrs[i]);
    values[in] = entry->getArgument(i);
  }
  if (failed(importBlock(graph.block(), entry)))
    return {};
  b.setInsertionPointToEnd(entry);
  SmallVector<Value> outs;
  SmallVector<Type> outTypes;
  for (tj::Value *o : graph.outputs()) {
    outs.push_back(lookup(o));
    outTypes.push_back(outs.back().getType());
  }
  func::ReturnOp::create(b, fileLoc, outs);
  func.setType(b.getFunctionType(argTypes, outTypes));
  if (failed(verify(*module)))
    return {};
  return module;
}

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

Type mlir::Torch::parseDtypeName(StringRef name, MLIRContext *ctx) {
  Builder b(ctx);
  return llvm::StringSwitch<Type>(name)
      .Case("f32", b.getF32Type())
      .Case("f64", b.getF64Type())
      .Case("f16", b.getF16Type())
      .Case("bf16", b.getBF16Type())
      .Case("si64", b.getIntegerType(64, true))
      .Case("si32", b.getIntegerType(32, true))
      .Case("si16", b.getIntegerType(16, true))
      .Case("si8", b.getIntegerType(8, true))
      .Case("ui8", b.getIntegerType(8, false))
      .Case("i1", b.getI1Type())
      .Default(Type());
}

/// Bounds of --input-shapes: ONNX Runtime and the native runtime stop at
/// rank 16 or less in practice; a dim past 2^40 elements is a typo.
static constexpr size_t kMaxInputRank = 64;
static constexpr int64_t kMaxInputDim = int64_t(1) << 40;

FailureOr<std::vector<TorchScriptInputShape>>
mlir::Torch::parseInputShapes(StringRef spec, std::string &error) {
  std::vector<TorchScriptInputShape> shapes;
  SmallVector<StringRef> inputs;
  spec.split(inputs, ';', -1, /*KeepEmpty=*/false);
  for (StringRef in : inputs) {
    TorchScriptInputShape shape;
    in = in.trim();
    auto [dims, dtype] = in.split(':');
    shape.dtype = dtype.trim().str();
    dims = dims.trim();
    if (!dims.consume_front("[") || !dims.consume_back("]")) {
      error = "expected '[d0,d1,...]' with an optional ':dtype', got '" +
              in.str() + "'";
      return failure();
    }
    SmallVector<StringRef> parts;
    dims.split(parts, ',', -1, /*KeepEmpty=*/false);
    for (StringRef p : parts) {
      p = p.trim();
      int64_t v;
      if (!p.getAsInteger(10, v) && v >= 0) {
        if (v > kMaxInputDim) {
          error = "dimension " + p.str() + " of '" + in.str() +
                  "' is larger than 2^40; give a real size, or '?' / a "
                  "name for a dynamic dimension";
          return failure();
        }
        shape.sizes.push_back(v);
        shape.dimNames.push_back("");
      } else if (p == "?") {
        shape.sizes.push_back(-1);
        shape.dimNames.push_back("");
      } else if (!p.empty() && (isalpha(p[0]) || p[0] == '_') &&
                 llvm::all_of(p,
                              [](char c) { return isalnum(c) || c == '_'; })) {
        shape.sizes.push_back(-1);
        shape.dimNames.push_back(p.str());
      } else {
        error = "bad dimension '" + p.str() +
                "' (use a size, '?', or a name for a dynamic dimension)";
        return failure();
      }
    }
    if (shape.sizes.size() > kMaxInputRank) {
      error = "'" + in.str() + "' has rank " +
              std::to_string(shape.sizes.size()) + "; ranks up to " +
              std::to_string(kMaxInputRank) + " are supported";
      return failure();
    }
    shapes.push_back(std::move(shape));
  }
  return shapes;
}

/// Says what is wrong with a file that libtorch refuses, in the user's terms.
/// Replaces the attribute reads that freezing leaves on the module object
/// (`self.sub.weight` chains; libtorch 2.x keeps the ones that a
/// scripted TransformerEncoderLayer's fast-path check makes, for example)
/// with constants of the frozen module's values. Chains whose value is a
/// module, or whose attribute the module does not have, stay and are
/// reported by the importer.
static void foldRemainingAttributes(tj::Graph &graph, const tj::Module &root) {
  if (graph.inputs().empty())
    return;
  tj::Value *self = graph.inputs()[0];
  if (self->type()->kind() != c10::TypeKind::ClassType)
    return;
  // Each GetAttr value resolved so far, by the value it reads from.
  llvm::DenseMap<tj::Value *, c10::IValue> objects;
  objects[self] = root._ivalue();
  std::vector<tj::Node *> worklist;
  for (const tj::Use &use : self->uses())
    worklist.push_back(use.user);
  std::vector<tj::Node *> dead;
  while (!worklist.empty()) {
    tj::Node *node = worklist.back();
    worklist.pop_back();
    if (node->kind() != c10::prim::GetAttr)
      continue;
    auto it = objects.find(node->input());
    if (it == objects.end() || !it->second.isObject())
      continue;
    const auto &obj = it->second.toObjectRef();
    const std::string &name = node->s(c10::attr::name);
    if (!obj.type()->hasAttribute(name))
      continue;
    c10::IValue value = obj.getAttr(name);
    if (value.isObject()) {
      objects[node->output()] = value;
      for (const tj::Use &use : node->output()->uses())
        worklist.push_back(use.user);
      continue;
    }
    // Parameters require grad, which a constant may not.
    if (value.isTensor() && value.toTensor().requires_grad())
      value = value.toTensor().detach();
    tj::WithInsertPoint guard(node);
    std::optional<tj::Value *> constant = tj::tryInsertConstant(
        graph, value, /*loc=*/std::nullopt, node->scope());
    if (!constant)
      continue;
    node->output()->replaceAllUsesWith(*constant);
    dead.push_back(node);
  }
  // Then the module reads that nothing uses any more, innermost first.
  for (tj::Node *node : dead)
    node->destroy();
  bool changed = true;
  while (changed) {
    changed = false;
    for (auto &entry : objects) {
      tj::Value *v = entry.first;
      if (v == self || v->hasUses())
        continue;
      tj::Node *n = v->node();
      if (n->kind() == c10::prim::GetAttr) {
        objects.erase(v);
        n->destroy();
        changed = true;
        break;
      }
    }
  }
}

static std::string explainLoadFailure(StringRef path, const std::string &what) {
  auto buf = llvm::MemoryBuffer::getFile(path, false, false);
  if (buf && (*buf)->getBufferSize() >= 2) {
    StringRef bytes = (*buf)->getBuffer();
    if (bytes.starts_with("\x80") || bytes.starts_with("\x8a"))
      return "it is a plain pickle (torch.save), not a TorchScript archive; "
             "use torch.jit.script or torch.jit.trace and .save()";
    if (!bytes.starts_with("PK"))
      return "it is not a TorchScript archive (not a zip file); use "
             "torch.jit.script or torch.jit.trace and .save()";
    try {
      caffe2::serialize::PyTorchStreamReader reader(path.str());
      bool hasCode = false, hasData = false;
      for (const std::string &r : reader.getAllRecords()) {
        hasCode |= StringRef(r).starts_with("code/");
        hasData |= r == "data.pkl";
      }
      if (hasData && !hasCode)
        return "it holds a pickled object saved with torch.save, not a "
               "TorchScript module; use torch.jit.script or torch.jit.trace "
               "and .save()";
    } catch (const std::exception &e) {
      std::string msg = e.what();
      if (msg.find("maximum supported version") != std::string::npos)
        return "the archive was written by a newer PyTorch than "
               "libtorch " TORCH_ONNX_LIBTORCH_VERSION
               " can read (file format version "
               "above " +
               std::to_string(
                   caffe2::serialize::kMaxSupportedFileFormatVersion) +
               "); save it with torch " TORCH_ONNX_LIBTORCH_VERSION
               " or older, or rebuild torch-onnx against the newer torch";
    }
  }
  // libtorch's messages start with a blank line for TorchScript compile
  // errors and end with a C++ backtrace: keep the first few lines that say
  // something, drop the backtrace.
  SmallVector<StringRef> lines;
  StringRef(what).split(lines, '\n');
  std::string reason;
  unsigned kept = 0;
  for (StringRef l : lines) {
    l = l.rtrim();
    if (l.trim().empty())
      continue;
    if (l.starts_with("Exception raised from") || l.starts_with("frame #"))
      break;
    reason += (kept ? " | " : "") + l.trim().str();
    if (++kept == 4)
      break;
  }
  if (reason.empty())
    reason = "(libtorch gave no reason)";
  if (size_t at = StringRef(what).find(" INTERNAL ASSERT FAILED");
      at != StringRef::npos) {
    StringRef check = StringRef(what).take_front(at).trim();
    check = check.substr(check.rfind('\n') + 1);
    return "the archive is damaged or was edited by hand (libtorch's "
           "consistency check '" +
           check.str() + "' failed while reading it); save the model again";
  }
  return "libtorch cannot load it: " + reason;
}

namespace {
/// Drops libtorch's warning that quantized tensors are deprecated (printed
/// whenever a quantized model is loaded: not the exporting user's concern);
/// passes every other warning on.
struct QuantizedDeprecationFilter : c10::WarningHandler {
  c10::WarningHandler *next = c10::WarningUtils::get_warning_handler();
  void process(const c10::Warning &w) override {
    if (w.msg().find("quantized tensor creation functions") ==
        std::string::npos)
      next->process(w);
  }
};
} // namespace

OwningOpRef<ModuleOp>
mlir::Torch::importTorchScriptFile(StringRef path, MLIRContext *context,
                                   const TorchScriptImportOptions &options) {
  Location loc = FileLineColLoc::get(context, path, 0, 0);
  if (!llvm::sys::fs::exists(path)) {
    emitError(loc) << "cannot open '" << path << "': no such file";
    return {};
  }
  // libtorch fills storages from weight records without comparing sizes.
  if (std::string bad = checkArchiveWeightRecords(path.str()); !bad.empty()) {
    emitError(loc) << "cannot import '" << path << "': " << bad;
    return {};
  }
  QuantizedDeprecationFilter filter;
  c10::WarningUtils::WarningHandlerGuard filterGuard(&filter);
  tj::Module module;
  try {
    module = tj::load(path.str());
  } catch (const std::exception &e) {
    emitError(loc) << "cannot import '" << path
                   << "': " << explainLoadFailure(path, e.what());
    return {};
  }
  std::shared_ptr<tj::Graph> graph;
  try {
    module.eval();
    if (!module.find_method("forward")) {
      std::string methods;
      for (const auto &m : module.get_methods())
        methods += (methods.empty() ? "" : ", ") + m.name();
      emitError(loc) << "cannot import '" << path
                     << "': the module has no forward() method (it has: "
                     << (methods.empty() ? "no methods" : methods)
                     << "); script a module whose forward() calls it";
      return {};
    }
    // Freezing reads every tensor: check them against their storages first.
    if (std::string bad = checkModuleStorages(module); !bad.empty()) {
      emitError(loc) << "cannot import '" << path << "': " << bad;
      return {};
    }
    tj::Module frozen = tj::freeze(module);
    graph = frozen.get_method("forward").graph()->copy();
    tj::Inline(*graph);
    foldRemainingAttributes(*graph, frozen);
  } catch (const std::exception &e) {
    std::string what = e.what();
    emitError(loc) << "cannot import '" << path
                   << "': freezing the module failed: "
                   << what.substr(0, what.find('\n'));
    return {};
  }
  Importer importer(context, path, options);
  importer.useDebugRanges = archiveDebugInfoIsWellFormed(path.str());
  try {
    return importer.run(*graph);
  } catch (const std::exception &e) {
    std::string what = e.what();
    emitError(loc) << "cannot import '" << path
                   << "': " << what.substr(0, what.find('\n'));
    return {};
  }
}

namespace {
/// Created when the translation is registered (not at load time, so tools
/// that link this library may define their own --input-shapes).
llvm::cl::opt<std::string> &inputShapesOption() {
  static llvm::cl::opt<std::string> opt(
      "input-shapes",
      llvm::cl::desc("With --import-torchscript: refine forward()'s tensor "
                     "inputs, ';'-separated, e.g. "
                     "'[batch,3,224,224]:f32;[?]:si64' (a name is a dynamic "
                     "dimension that keeps its name, '?' an anonymous one)"),
      llvm::cl::init(""));
  return opt;
}
} // namespace

void mlir::Torch::registerTorchScriptTranslation() {
  (void)inputShapesOption();
  TranslateToMLIRRegistration importTS(
      "import-torchscript",
      "Import a TorchScript archive (torch.jit.script/trace + save)",
      [](llvm::SourceMgr &sourceMgr,
         MLIRContext *ctx) -> OwningOpRef<Operation *> {
        llvm::cl::opt<std::string> &inputShapesOpt = inputShapesOption();
        const llvm::MemoryBuffer *buf =
            sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
        StringRef path = buf->getBufferIdentifier();
        TorchScriptImportOptions options;
        if (!inputShapesOpt.empty()) {
          std::string err;
          auto shapes = parseInputShapes(inputShapesOpt, err);
          if (failed(shapes)) {
            emitError(FileLineColLoc::get(ctx, path, 0, 0))
                << "--input-shapes: " << err;
            return {};
          }
          options.inputShapes = std::move(*shapes);
        }
        OwningOpRef<ModuleOp> m = importTorchScriptFile(path, ctx, options);
        return OwningOpRef<Operation *>(m.release().getOperation());
      },
      [](DialectRegistry &registry) {
        registry.insert<TorchDialect, func::FuncDialect>();
      });
}
