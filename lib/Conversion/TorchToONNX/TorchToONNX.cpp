//===- TorchToONNX.cpp - torch dialect -> onnx dialect --------------------===//
//
// The conversion pass: type converter, the generic pattern that dispatches to
// the opset-ranged lowerings, control flow (prim.If/prim.Loop), constants,
// lists and tuples.
//
//===----------------------------------------------------------------------===//

#include "Emitter.h"

#include "torch-onnx/Conversion/Passes.h"
#include "torch-onnx/Dialect/ONNX/IR/ONNXNode.h"
#include "torch-onnx/Dialect/ONNX/IR/ONNXSchema.h"
#include "torch-onnx/Dialect/Torch/IR/GeneratedTorchOps.h"
#include "torch-onnx/Target/ONNX/ONNXCommon.h"

#include "mlir/Dialect/Func/Transforms/FuncConversions.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/Transforms/DialectConversion.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Debug.h"

#include "onnx/defs/schema.h"

namespace mlir::torch_onnx {
#define GEN_PASS_DEF_CONVERTTORCHTOONNX
#include "torch-onnx/Conversion/Passes.h.inc"
} // namespace mlir::torch_onnx

using namespace mlir;
using namespace mlir::torch_onnx;
using namespace mlir::Torch;
namespace ox = mlir::ONNX;

#define DEBUG_TYPE "convert-torch-to-onnx"

/// Domain of the nodes kept by operator_export_type=ONNX_FALLTHROUGH.
static constexpr llvm::StringLiteral kAtenDomain = "org.pytorch.aten";

//===----------------------------------------------------------------------===//
// Emitter
//===----------------------------------------------------------------------===//

Type Emitter::elemOf(Type t) {
  if (auto s = dyn_cast_or_null<ShapedType>(t))
    return s.getElementType();
  return {};
}
int64_t Emitter::onnxDataType(Type elem) { return ox::getDataType(elem); }

Type Emitter::elemOf(Value v) { return v ? elemOf(v.getType()) : Type(); }

std::optional<int64_t> Emitter::rankOf(Value v) {
  if (auto r = v ? dyn_cast<RankedTensorType>(v.getType()) : nullptr)
    return r.getRank();
  return std::nullopt;
}

std::optional<SmallVector<int64_t>> Emitter::shapeOf(Value v) {
  if (auto r = v ? dyn_cast<RankedTensorType>(v.getType()) : nullptr)
    return SmallVector<int64_t>(r.getShape().begin(), r.getShape().end());
  return std::nullopt;
}

Type Emitter::unranked(Type elem) const {
  if (!elem)
    return ox::AnyType::get(ctx());
  return UnrankedTensorType::get(elem);
}

Operation *Emitter::node(StringRef opType, ArrayRef<Value> inputs,
                         ArrayRef<std::pair<StringRef, Attribute>> attrs,
                         TypeRange results) {
  const ::onnx::OpSchema *schema =
      ::onnx::OpSchemaRegistry::Schema(opType.str(), opset(), "");
  if (!schema) {
    fail("ONNX opset " + Twine(opset()) + " has no operator " + opType);
    return nullptr;
  }
  auto name = ox::lookupGeneratedOp(opType, schema->since_version());
  if (!name) {
    fail("no generated op for ONNX " + opType + "-" +
         Twine(schema->since_version()));
    return nullptr;
  }
  std::string why;
  Operation *op = ox::buildNode(rw, loc, OperationName(*name, ctx()), inputs,
                                attrs, results, why);
  if (!op)
    fail("internal: ONNX " + opType + "-" + Twine(schema->since_version()) +
         " " + why);
  return op;
}

Value Emitter::n1(StringRef opType, ArrayRef<Value> inputs,
                  ArrayRef<std::pair<StringRef, Attribute>> attrs,
                  Type result) {
  if (!result) {
    static const llvm::StringSet<> boolOps = {
        "Equal", "Less", "Greater", "LessOrEqual", "GreaterOrEqual", "Not",
        "And",   "Or",   "Xor",     "IsNaN",       "IsInf"};
    static const llvm::StringSet<> indexOps = {"Shape", "Size", "ArgMax",
                                               "ArgMin", "NonZero"};
    if (boolOps.contains(opType))
      result = unranked(rw.getI1Type());
    else if (indexOps.contains(opType))
      result = unranked(rw.getI64Type());
    else
      result = unranked(inputs.empty() ? Type() : elemOf(inputs[0]));
  }
  Operation *o = node(opType, inputs, attrs, result);
  return o ? o->getResult(0) : Value();
}

Value Emitter::constant(ElementsAttr value) {
  std::string name =
      "_torch_onnx_const_" + std::to_string(state.nextConstant++);
  return ox::InitializerOp::create(rw, loc, value.getType(),
                                   rw.getStringAttr(name), value)
      .getResult();
}

Value Emitter::i64s(ArrayRef<int64_t> v) {
  auto t = RankedTensorType::get({(int64_t)v.size()}, rw.getI64Type());
  return constant(DenseElementsAttr::get(t, v));
}

Value Emitter::i64Scalar(int64_t v) {
  auto t = RankedTensorType::get({}, rw.getI64Type());
  return constant(DenseElementsAttr::get(t, ArrayRef<int64_t>{v}));
}

Value Emitter::scalar(double v, Type elem) {
  if (!elem)
    elem = rw.getF32Type();
  auto t = RankedTensorType::get({}, elem);
  if (auto ft = dyn_cast<FloatType>(elem)) {
    APFloat f(v);
    bool lost;
    f.convert(ft.getFloatSemantics(), APFloat::rmNearestTiesToEven, &lost);
    return constant(DenseElementsAttr::get(t, f));
  }
  auto it = llvm::cast<IntegerType>(elem);
  if (it.getWidth() == 1)
    return constant(DenseElementsAttr::get(t, v != 0));
  return constant(
      DenseElementsAttr::get(t, APInt(it.getWidth(), (int64_t)v, true)));
}

/// Clip with constant or absent bounds, in the opset's form.
Value Emitter::clip(Value x, std::optional<double> lo, std::optional<double> hi,
                    Type result) {
  if (opset() < 11) {
    SmallVector<std::pair<StringRef, Attribute>> attrs;
    if (lo)
      attrs.push_back({"min", f32(*lo)});
    if (hi)
      attrs.push_back({"max", f32(*hi)});
    if (!isa_and_nonnull<FloatType>(elemOf(x))) {
      fail("Clip before opset 11 takes only floating-point tensors");
      return {};
    }
    return n1("Clip", {x}, attrs, result);
  }
  Type t = elemOf(x);
  if (!isa_and_nonnull<FloatType>(t) && opset() < 12) {
    fail("Clip on integers needs opset 12");
    return {};
  }
  Value l = lo ? scalar(*lo, t) : Value();
  Value h = hi ? scalar(*hi, t) : Value();
  return n1("Clip", {x, l, h}, {}, result);
}

Value Emitter::cast(Value v, Type elem, Type result) {
  if (!v)
    return v;
  // Cast keeps the shape: a ranked input gives a ranked result.
  if (!result && elem)
    if (auto rt = dyn_cast<RankedTensorType>(v.getType()))
      result = RankedTensorType::get(rt.getShape(), elem);
  return n1("Cast", {v}, {{"to", i64(ox::getDataType(elem))}},
            result ? result : unranked(elem));
}

Value Emitter::castIfNeeded(Value v, Type elem) {
  if (!v || !elem || elemOf(v) == elem)
    return v;
  return cast(v, elem);
}

Value Emitter::randomLike(StringRef opType, Value like, Type elem,
                          ArrayRef<std::pair<StringRef, Attribute>> attrs,
                          Type result) {
  SmallVector<std::pair<StringRef, Attribute>> all{
      {"dtype", i64(onnxDataType(elem))}};
  all.append(attrs.begin(), attrs.end());
  return n1(opType, {like}, all, result ? result : unranked(elem));
}

Value Emitter::unsqueeze(Value v, ArrayRef<int64_t> axes) {
  if (!v)
    return v;
  if (opset() >= 13)
    return n1("Unsqueeze", {v, i64s(axes)});
  return n1("Unsqueeze", {v}, {{"axes", ints(axes)}});
}

Value Emitter::squeeze(Value v, ArrayRef<int64_t> axes) {
  if (!v)
    return v;
  if (opset() >= 13)
    return n1("Squeeze", {v, i64s(axes)});
  return n1("Squeeze", {v}, {{"axes", ints(axes)}});
}

Value Emitter::reduce(StringRef opType, Value v,
                      std::optional<ArrayRef<int64_t>> axes, bool keepdims,
                      Type result) {
  if (!v)
    return v;
  SmallVector<std::pair<StringRef, Attribute>> attrs{
      {"keepdims", i64(keepdims ? 1 : 0)}};
  bool axesInput = opType == "ReduceSum" ? opset() >= 13 : opset() >= 18;
  if (axesInput) {
    if (axes && !axes->empty())
      return n1(opType, {v, i64s(*axes)}, attrs, result);
    return n1(opType, {v}, attrs, result);
  }
  if (axes && !axes->empty())
    attrs.push_back({"axes", ints(*axes)});
  return n1(opType, {v}, attrs, result);
}

Value Emitter::slice(Value v, ArrayRef<int64_t> starts, ArrayRef<int64_t> ends,
                     ArrayRef<int64_t> axes, ArrayRef<int64_t> steps) {
  if (!v)
    return v;
  if (opset() < 10) {
    if (!steps.empty() &&
        llvm::any_of(steps, [](int64_t s) { return s != 1; })) {
      fail("slicing with a step other than 1 needs opset 10 (Slice-10 takes "
           "steps)");
      return {};
    }
    return n1(
        "Slice", {v},
        {{"starts", ints(starts)}, {"ends", ints(ends)}, {"axes", ints(axes)}});
  }
  Value st = steps.empty() ? Value() : i64s(steps);
  return n1("Slice", {v, i64s(starts), i64s(ends), i64s(axes), st});
}

Value Emitter::sliceDyn(Value v, Value starts, Value ends, Value axes,
                        Value steps) {
  if (opset() < 10) {
    fail("a slice with bounds computed at run time needs opset 10 (Slice-10 "
         "takes them as inputs)");
    return {};
  }
  return n1("Slice", {v, starts, ends, axes, steps});
}

Value Emitter::shape(Value v) {
  return n1("Shape", {v}, {},
            RankedTensorType::get({ShapedType::kDynamic}, rw.getI64Type()));
}

Value Emitter::dimOf(Value v, int64_t d) {
  if (auto s = shapeOf(v);
      s && d >= 0 && d < (int64_t)s->size() && (*s)[d] != ShapedType::kDynamic)
    return i64s({(*s)[d]});
  return n1("Gather", {shape(v), i64s({d})}, {{"axis", i64(0)}},
            RankedTensorType::get({1}, rw.getI64Type()));
}

Value Emitter::concatInts(ArrayRef<Value> parts) {
  if (parts.size() == 1)
    return parts[0];
  return n1("Concat", parts, {{"axis", i64(0)}},
            RankedTensorType::get({ShapedType::kDynamic}, rw.getI64Type()));
}

Value Emitter::softmax(StringRef opType, Value v, int64_t axis, Type result) {
  if (!v)
    return v;
  auto rank = rankOf(v);
  if (opset() >= 13 || (axis == -1 && opset() >= 11))
    return n1(opType, {v}, {{"axis", i64(axis)}}, result);
  // Before 13, Softmax normalizes over the flattened dims [axis, rank): only
  // the last axis means the same; move the axis last otherwise.
  if (!rank) {
    fail(opType + " before opset 13 needs the input rank to be known");
    return {};
  }
  if (*rank == 0) { // one element: through a 1-D tensor
    Value s = n1(opType, {unsqueeze(v, {0})}, {{"axis", i64(0)}});
    Value r = squeeze(s, {0});
    if (r && result)
      r.setType(result);
    return r;
  }
  axis = wrapAxis(axis, *rank);
  if (axis == *rank - 1)
    return n1(opType, {v}, {{"axis", i64(axis)}}, result);
  SmallVector<int64_t> perm;
  for (int64_t i = 0; i < *rank; ++i)
    perm.push_back(i);
  std::swap(perm[axis], perm.back());
  Value t = n1("Transpose", {v}, {{"perm", ints(perm)}});
  Value s = n1(opType, {t}, {{"axis", i64(*rank - 1)}});
  return n1("Transpose", {s}, {{"perm", ints(perm)}}, result);
}

std::optional<int64_t> Emitter::constInt(unsigned i, StringRef what) {
  auto v = getConstantInt(orig(i));
  if (!v)
    fail("'" + what + "' must be a constant int here");
  return v;
}

std::optional<SmallVector<int64_t>>
Emitter::constInts(unsigned i, StringRef what, unsigned splat) {
  auto v = getConstantIntList(orig(i), splat);
  if (!v)
    fail("'" + what + "' must be a list of constant ints here");
  return v;
}

std::optional<double> Emitter::constFloat(unsigned i, StringRef what) {
  auto v = getConstantFloat(orig(i));
  if (!v)
    fail("'" + what + "' must be a constant number here");
  return v;
}

std::optional<int64_t> Emitter::reductionArg(unsigned i) {
  auto red = constInt(i, "reduction");
  if (red && (*red < 0 || *red > 2)) {
    fail("reduction must be 0 (none), 1 (mean) or 2 (sum)");
    return std::nullopt;
  }
  return red;
}

Value Emitter::reduceLoss(Value loss, int64_t reduction) {
  if (reduction == 0)
    return n1("Identity", {loss}, {}, resultType());
  return reduce(reduction == 1 ? "ReduceMean" : "ReduceSum", loss, std::nullopt,
                false, resultType());
}

std::optional<int64_t> Emitter::dimArg(unsigned i, Value v, int64_t extra) {
  auto d = constInt(i, "dim");
  if (!d)
    return std::nullopt;
  if (*d >= 0)
    return *d;
  auto rank = rankOf(v);
  if (!rank) {
    fail("a negative dim needs the input rank to be known");
    return std::nullopt;
  }
  return wrapAxis(*d, *rank + extra);
}

Value Emitter::equalsZero(Value v) {
  Type i1 = unranked(rw.getI1Type());
  Value zero = scalarLike(0, v);
  Type t = elemOf(v);
  if (opset() >= 11 || !t || !isa<FloatType>(t))
    return n1("Equal", {v, zero}, {}, i1);
  Value nonZero = n1(
      "Or", {n1("Less", {v, zero}, {}, i1), n1("Greater", {v, zero}, {}, i1)});
  return n1("Not", {n1("Or", {nonZero, n1("IsNaN", {v}, {}, i1)})});
}

Value Emitter::intList(unsigned i, function_ref<int64_t(int64_t)> f) {
  if (auto c = getConstantIntList(orig(i))) {
    if (f)
      for (int64_t &v : *c)
        v = f(v);
    return i64s(*c);
  }
  // A list built in the graph from ints some of which are known only at
  // run time: constant runs and 1-element tensors of the others.
  if (auto elems = getListElements(orig(i))) {
    SmallVector<Value> parts;
    SmallVector<int64_t> pending;
    auto flush = [&] {
      if (!pending.empty())
        parts.push_back(i64s(pending));
      pending.clear();
    };
    for (Value v : *elems) {
      if (auto c = getConstantInt(v)) {
        pending.push_back(f ? f(*c) : *c);
        continue;
      }
      flush();
      Value conv = rw.getRemappedValue(v);
      if (!conv || !isa<TensorType>(conv.getType()))
        return castIfNeeded(in(i), rw.getI64Type());
      parts.push_back(unsqueeze(castIfNeeded(conv, rw.getI64Type()), {0}));
    }
    flush();
    if (parts.empty())
      return i64s({});
    return concatInts(parts);
  }
  return castIfNeeded(in(i), rw.getI64Type());
}

std::optional<SmallVector<Value>> Emitter::tensorList(unsigned i) {
  auto elems = getListElements(orig(i));
  if (!elems) {
    fail("the tensor list must be built in the graph (prim.ListConstruct)");
    return std::nullopt;
  }
  SmallVector<Value> out;
  for (Value e : *elems)
    out.push_back(rw.getRemappedValue(e));
  return out;
}

const std::vector<Lowering> &mlir::torch_onnx::getLowerings() {
  static const std::vector<Lowering> list = [] {
    std::vector<Lowering> l;
    addElementwiseLowerings(l);
    addNNLowerings(l);
    addShapeLowerings(l);
    addRecurrentLowerings(l);
    addLinearAlgebraLowerings(l);
    addQuantizedLowerings(l);
    return l;
  }();
  return list;
}

std::vector<std::string>
mlir::torch_onnx::getTorchToONNXLoweredOps(int64_t opset) {
  std::vector<std::string> names;
  for (const Lowering &l : getLowerings())
    if (opset >= l.minOpset && opset <= l.maxOpset)
      names.push_back(l.opName.str());
  llvm::sort(names);
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

//===----------------------------------------------------------------------===//
// Type conversion
//===----------------------------------------------------------------------===//

namespace {

Type convertElement(Type t) {
  if (auto i = dyn_cast<IntegerType>(t); i && i.isSigned())
    return IntegerType::get(t.getContext(), i.getWidth());
  return t;
}

class TorchToONNXTypeConverter : public TypeConverter {
public:
  TorchToONNXTypeConverter(MLIRContext *ctx) {
    addConversion([](Type t) -> std::optional<Type> {
      if (t.getDialect().getNamespace() == "torch")
        return std::nullopt;
      return t;
    });
    auto tensorConv = [ctx](TensorInfo info) -> Type {
      if (!info.dtype)
        return ox::AnyType::get(ctx);
      Type e = convertElement(info.dtype);
      if (!info.sizes)
        return UnrankedTensorType::get(e);
      SmallVector<int64_t> shape;
      for (int64_t d : *info.sizes)
        shape.push_back(d < 0 ? ShapedType::kDynamic : d);
      return RankedTensorType::get(shape, e);
    };
    addConversion([tensorConv](ValueTensorType t) {
      return tensorConv(TensorInfo::of(t));
    });
    addConversion([tensorConv](NonValueTensorType t) {
      return tensorConv(TensorInfo::of(t));
    });
    addConversion([ctx](IntType) {
      return RankedTensorType::get({}, IntegerType::get(ctx, 64));
    });
    addConversion([ctx](Torch::FloatType) {
      return RankedTensorType::get({}, Float32Type::get(ctx));
    });
    addConversion([ctx](BoolType) {
      return RankedTensorType::get({}, IntegerType::get(ctx, 1));
    });
    addConversion([ctx](Torch::NoneType) { return mlir::NoneType::get(ctx); });
    addConversion([ctx](StringType) { return mlir::NoneType::get(ctx); });
    addConversion([ctx](DeviceType) { return mlir::NoneType::get(ctx); });
    addConversion([ctx](GeneratorType) { return mlir::NoneType::get(ctx); });
    addConversion([this, ctx](ListType t) -> std::optional<Type> {
      Type e = t.getContainedType();
      // Optional tensors (index lists, with None for a whole dim).
      if (auto o = dyn_cast<OptionalType>(e);
          o && isTorchTensorType(o.getContainedType()))
        e = o.getContainedType();
      if (isa<IntType, BoolType>(e))
        return RankedTensorType::get({ShapedType::kDynamic},
                                     IntegerType::get(ctx, 64));
      if (isa<Torch::FloatType>(e))
        return RankedTensorType::get({ShapedType::kDynamic},
                                     Float32Type::get(ctx));
      if (isTorchTensorType(e)) {
        Type c = convertType(e);
        if (auto r = dyn_cast_or_null<RankedTensorType>(c))
          c = UnrankedTensorType::get(r.getElementType());
        return Type(ox::SeqType::get(ctx, c ? c : ox::AnyType::get(ctx)));
      }
      return std::nullopt;
    });
    addConversion([this](OptionalType t) -> std::optional<Type> {
      return convertType(t.getContainedType());
    });
  }
};

//===----------------------------------------------------------------------===//
// Patterns
//===----------------------------------------------------------------------===//

using LoweringMap = llvm::StringMap<SmallVector<const Lowering *>>;

/// The lowering of op `key` that serves `opset` (the first registered), or
/// null; `lowest` gets the lowest newer opset that has one (0 if none).
const Lowering *findLowering(const LoweringMap &byName, StringRef key,
                             int64_t opset, int64_t *lowest = nullptr) {
  if (lowest)
    *lowest = 0;
  auto it = byName.find(key);
  if (it == byName.end())
    return nullptr;
  for (const Lowering *l : it->second) {
    if (opset >= l->minOpset && opset <= l->maxOpset)
      return l;
    if (lowest && l->minOpset > opset && (!*lowest || l->minOpset < *lowest))
      *lowest = l->minOpset;
  }
  return nullptr;
}

/// Rewrites every aten op through the lowering registered for the opset.
class AtenLoweringPattern : public ConversionPattern {
public:
  AtenLoweringPattern(const TypeConverter &tc, MLIRContext *ctx,
                      ConversionState &state, const LoweringMap &by)
      : ConversionPattern(tc, MatchAnyOpTypeTag(), /*benefit=*/1, ctx),
        state(state), byName(by) {}

  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value> operands,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isa<TorchDialect>(op->getDialect()))
      return failure();
    std::string name = getOpKey(op);
    const Lowering *l = findLowering(byName, name, state.opset);
    if (!l) {
      if (!state.fallthrough)
        return rewriter.notifyMatchFailure(op, "no lowering at this opset");
      return fallThrough(op, name, operands, rewriter);
    }
    Emitter e(op, operands, rewriter, *getTypeConverter(), state);
    if (l->emit(e))
      return success();
    // Created ops are rolled back by the driver.
    op->emitError() << "cannot convert '" << name << "' to ONNX opset "
                    << state.opset << ": "
                    << (e.error.empty() ? "no lowering for this opset"
                                        : e.error);
    return failure();
  }

private:
  /// Keeps the op as a node of the custom domain org.pytorch.aten.
  LogicalResult fallThrough(Operation *op, StringRef name,
                            ArrayRef<Value> operands,
                            ConversionPatternRewriter &rewriter) const {
    SmallVector<Type> types;
    for (Type t : op->getResultTypes()) {
      Type c = getTypeConverter()->convertType(t);
      types.push_back(c ? c : ox::AnyType::get(op->getContext()));
    }
    // Tensors (and tensor list elements) are inputs; constant numbers,
    // strings and int lists are attributes arg<i>; None is omitted.
    SmallVector<Value> inputs;
    NamedAttrList attrs;
    for (auto [i, v] : llvm::enumerate(op->getOperands())) {
      std::string key = "arg" + std::to_string(i);
      Type t = v.getType();
      if (isa<Torch::NoneType>(t))
        continue;
      if (auto elems = getListElements(v);
          elems && isa<ListType>(t) &&
          isTorchTensorType(cast<ListType>(t).getContainedType())) {
        for (Value el : *elems)
          inputs.push_back(rewriter.getRemappedValue(el));
        continue;
      }
      if (auto c = v.getDefiningOp<ConstantStrOp>()) {
        attrs.set(key, c.getValueAttr());
        continue;
      }
      if (isa<IntType, BoolType>(t))
        if (auto c = getConstantInt(v)) {
          attrs.set(key, rewriter.getI64IntegerAttr(*c));
          continue;
        }
      if (isa<Torch::FloatType>(t))
        if (auto c = getConstantFloat(v)) {
          attrs.set(key, rewriter.getF32FloatAttr(*c));
          continue;
        }
      if (auto c = getConstantIntList(v)) {
        attrs.set(key, rewriter.getI64ArrayAttr(*c));
        continue;
      }
      inputs.push_back(operands[i]);
    }
    auto custom = ox::CustomOp::create(
        rewriter, op->getLoc(), types, rewriter.getStringAttr(kAtenDomain),
        rewriter.getStringAttr(name.str()), rewriter.getI64IntegerAttr(1),
        attrs.getDictionary(op->getContext()), rewriter.getStrArrayAttr({}),
        inputs,
        /*graphs=*/0);
    state.usedFallthrough = true;
    rewriter.replaceOp(op, custom->getResults());
    return success();
  }

  ConversionState &state;
  const LoweringMap &byName;
};

/// torch.constant.{int,float,bool} -> 0-d initializers; none -> NoValue.
template <typename OpTy> struct ConstantPattern : OpConversionPattern<OpTy> {
  ConstantPattern(const TypeConverter &tc, MLIRContext *ctx,
                  ConversionState &state)
      : OpConversionPattern<OpTy>(tc, ctx), state(state) {}
  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Emitter e(op, {}, rewriter, *this->getTypeConverter(), state);
    Type t = e.resultType();
    if (!t)
      return failure();
    Attribute v;
    auto rt = cast<RankedTensorType>(t);
    if constexpr (std::is_same_v<OpTy, ConstantIntOp>)
      v = DenseElementsAttr::get(rt, op.getValue());
    else if constexpr (std::is_same_v<OpTy, ConstantFloatOp>)
      v = DenseElementsAttr::get(rt, (float)op.getValue().convertToDouble());
    else
      v = DenseElementsAttr::get(rt, op.getValue());
    rewriter.replaceOp(op, e.constant(cast<ElementsAttr>(v)));
    return success();
  }
  ConversionState &state;
};

struct NoneConstantPattern : OpConversionPattern<ConstantNoneOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ConstantNoneOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<ox::NoValueOp>(
        op, rewriter.getType<mlir::NoneType>());
    return success();
  }
};

/// Strings, devices and generators only parametrize the ops that read them
/// (from the torch IR); they have no ONNX value.
template <typename OpTy>
struct ErasedConstantPattern : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<ox::NoValueOp>(
        op, rewriter.getType<mlir::NoneType>());
    return success();
  }
};

struct TensorLiteralPattern : OpConversionPattern<TensorLiteralOp> {
  TensorLiteralPattern(const TypeConverter &tc, MLIRContext *ctx,
                       ConversionState &state)
      : OpConversionPattern(tc, ctx), state(state) {}
  LogicalResult
  matchAndRewrite(TensorLiteralOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    ElementsAttr value = op.getValue();
    auto st = cast<ShapedType>(value.getType());
    Type e = convertElement(st.getElementType());
    if (e != st.getElementType()) {
      // Signed -> signless: same bytes, retyped.
      auto t = RankedTensorType::get(st.getShape(), e);
      if (auto dense = dyn_cast<DenseElementsAttr>(value))
        value = dense.bitcast(e);
      else if (auto res = dyn_cast<DenseResourceElementsAttr>(value))
        value = DenseResourceElementsAttr::get(t, res.getRawHandle());
      else
        return rewriter.notifyMatchFailure(op, "unsupported literal");
    }
    Emitter em(op, {}, rewriter, *getTypeConverter(), state);
    rewriter.replaceOp(op, em.constant(value));
    return success();
  }
  ConversionState &state;
};

/// prim.If -> onnx.If.
struct IfPattern : OpConversionPattern<PrimIfOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(PrimIfOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Type> types;
    if (failed(getTypeConverter()->convertTypes(op.getResultTypes(), types)))
      return rewriter.notifyMatchFailure(op, "result types");
    OperationState st(op.getLoc(), "onnx.If");
    st.addOperands(adaptor.getCondition());
    st.addTypes(types);
    st.addRegion();
    st.addRegion();
    Operation *newOp = rewriter.create(st);
    // ONNX If's regions are (else_branch, then_branch).
    for (unsigned i = 0; i < 2; ++i) {
      Region &dst = newOp->getRegion(1 - i);
      rewriter.inlineRegionBefore(op->getRegion(i), dst, dst.end());
    }
    rewriter.replaceOp(op, newOp->getResults());
    return success();
  }
};

struct IfYieldPattern : OpConversionPattern<PrimIfYieldOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(PrimIfYieldOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {

    rewriter.replaceOpWithNewOp<ox::YieldOp>(op, adaptor.getResults());
    return success();
  }
};

/// prim.Loop -> onnx.Loop. TorchScript's body block is (i, carried...) and
/// ends in prim.Loop.condition(cond, carried...); ONNX's body is
/// (iteration_num, cond, carried...) -> (cond, carried...).
struct LoopPattern : OpConversionPattern<PrimLoopOp> {
  LoopPattern(const TypeConverter &tc, MLIRContext *ctx, int64_t opset)
      : OpConversionPattern(tc, ctx), opset(opset) {}
  int64_t opset;
  LogicalResult
  matchAndRewrite(PrimLoopOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Type> types;
    if (failed(getTypeConverter()->convertTypes(op->getResultTypes(), types)))
      return rewriter.notifyMatchFailure(op, "result types");
    if (opset < 13 && llvm::any_of(types, llvm::IsaPred<ox::SeqType>))
      return op->emitError("a list appended to in a loop is carried as an "
                           "ONNX sequence, which Loop accepts from opset 13 "
                           "(export with opset_version=13)"),
             failure();
    OperationState st(op.getLoc(), "onnx.Loop");
    ValueRange ops = adaptor.getOperands();
    st.addOperands(ops);
    st.addAttribute("operandSegmentSizes",
                    rewriter.getDenseI32ArrayAttr(
                        {1, 1, static_cast<int32_t>(ops.size() - 2)}));
    st.addTypes(types);
    st.addRegion();
    Operation *newOp = rewriter.create(st);
    Region &body = op->getRegion(0);
    Block &old = body.front();
    TypeConverter::SignatureConversion sig(old.getNumArguments());
    Type i64 = RankedTensorType::get({}, rewriter.getI64Type());
    Type i1 = RankedTensorType::get({}, rewriter.getI1Type());
    sig.addInputs(0, i64);
    sig.addInputs(i1); // the incoming condition (unused by TorchScript)
    for (unsigned j = 1; j < old.getNumArguments(); ++j) {
      Type t = getTypeConverter()->convertType(old.getArgument(j).getType());
      if (!t)
        return rewriter.notifyMatchFailure(op, "carried type");
      sig.addInputs(j, t);
    }
    rewriter.inlineRegionBefore(body, newOp->getRegion(0),
                                newOp->getRegion(0).end());
    rewriter.applySignatureConversion(&newOp->getRegion(0).front(), sig,
                                      getTypeConverter());
    rewriter.replaceOp(op, newOp->getResults());
    return success();
  }
};

struct LoopConditionPattern : OpConversionPattern<PrimLoopConditionOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(PrimLoopConditionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Value> outs{adaptor.getShouldContinue()};
    outs.append(adaptor.getIterArgs().begin(), adaptor.getIterArgs().end());
    rewriter.replaceOpWithNewOp<ox::YieldOp>(op, outs);
    return success();
  }
};

/// prim.ListConstruct: int lists -> 1-D int64 tensor; tensor lists -> an ONNX
/// sequence (their consumers usually read the elements directly).
struct ListConstructPattern : OpConversionPattern<PrimListConstructOp> {
  ListConstructPattern(const TypeConverter &tc, MLIRContext *ctx,
                       ConversionState &state)
      : OpConversionPattern(tc, ctx), state(state) {}
  LogicalResult
  matchAndRewrite(PrimListConstructOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Value> operands(adaptor.getOperands());
    Emitter e(op, operands, rewriter, *getTypeConverter(), state);
    Type elem = op.getType().getContainedType();
    if (isa<IntType, BoolType, Torch::FloatType>(elem)) {
      if (auto c = getConstantIntList(op.getResult())) {
        rewriter.replaceOp(op, e.i64s(*c));
        return success();
      }
      Type et = isa<Torch::FloatType>(elem) ? Type(rewriter.getF32Type())
                                            : Type(rewriter.getI64Type());
      SmallVector<Value> parts;
      for (Value v : adaptor.getElements())
        parts.push_back(e.unsqueeze(e.castIfNeeded(v, et), {0}));
      if (parts.empty()) {
        rewriter.replaceOp(op, e.i64s({}));
        return success();
      }
      Value r = parts.size() == 1
                    ? parts[0]
                    : e.n1("Concat", parts, {{"axis", e.i64(0)}},
                           RankedTensorType::get({ShapedType::kDynamic}, et));
      if (!r)
        return op->emitError(e.error), failure();
      rewriter.replaceOp(op, r);
      return success();
    }
    // A tensor list: consumers that take elements (cat, stack, ...) read
    // them from this op; materialize a sequence only where ONNX has them.
    Type t = getTypeConverter()->convertType(op.getType());
    if (llvm::all_of(op->getUsers(), [](Operation *u) {
          return !isa<PrimLoopOp, PrimIfYieldOp, PrimLoopConditionOp,
                      func::ReturnOp>(u) &&
                 u->getName().getStringRef() != "torch.aten.append.t";
        })) {
      rewriter.replaceOpWithNewOp<ox::NoValueOp>(
          op, rewriter.getType<mlir::NoneType>());
      return success();
    }
    if (state.opset < 11 || adaptor.getElements().empty()) {
      if (state.opset < 11)
        return op->emitError("a tensor list that flows into control flow "
                             "needs ONNX sequences (opset 11 or later)"),
               failure();
      SmallVector<std::pair<StringRef, Attribute>> attrs;
      if (auto seq = dyn_cast<ox::SeqType>(t))
        if (Type el = Emitter::elemOf(seq.getElementType()))
          attrs.push_back({"dtype", e.i64(Emitter::onnxDataType(el))});
      Operation *n = e.node("SequenceEmpty", {}, attrs, t);
      if (!n)
        return op->emitError(e.error), failure();
      rewriter.replaceOp(op, n->getResults());
      return success();
    }
    SmallVector<Value> elems(adaptor.getElements());
    Operation *n = e.node("SequenceConstruct", elems, {}, t);
    if (!n)
      return op->emitError(e.error), failure();
    rewriter.replaceOp(op, n->getResults());
    return success();
  }
  ConversionState &state;
};

/// A lowering may produce a more static type than the refined torch type
/// it replaces (a constant of known length where refinement had '?'); the
/// conversion then leaves a cast between the two. Such casts between tensor
/// types of one element type and compatible shapes are dropped: their uses
/// take the more precise value (a graph output its type), except inside
/// ONNX If/Loop bodies, whose yields must keep their declared types.
void dropCompatibleCasts(func::FuncOp func) {
  SmallVector<UnrealizedConversionCastOp> casts;
  func.walk([&](UnrealizedConversionCastOp c) {
    if (c->getNumOperands() != 1 || c->getNumResults() != 1)
      return;
    auto from = dyn_cast<TensorType>(c.getOperand(0).getType());
    auto to = dyn_cast<TensorType>(c.getResult(0).getType());
    if (from && to && from.getElementType() == to.getElementType() &&
        succeeded(verifyCompatibleShape(from, to)))
      casts.push_back(c);
  });
  for (UnrealizedConversionCastOp c : casts) {
    c.getResult(0).replaceUsesWithIf(c.getOperand(0), [](OpOperand &use) {
      Operation *user = use.getOwner();
      return !user->hasTrait<mlir::OpTrait::IsTerminator>() ||
             isa<func::ReturnOp>(user);
    });
    if (c->use_empty())
      c->erase();
  }
  auto ret = cast<func::ReturnOp>(func.getBody().front().getTerminator());
  func.setType(FunctionType::get(func.getContext(), func.getArgumentTypes(),
                                 ret.getOperandTypes()));
}

//===----------------------------------------------------------------------===//
// Pre-conversion cleanup on the torch dialect
//===----------------------------------------------------------------------===//

/// Returns of tuples become multiple results (ONNX graphs have many outputs).
void flattenTupleResults(func::FuncOp func) {
  auto ret = cast<func::ReturnOp>(func.getBody().front().getTerminator());
  SmallVector<Value> outs;
  bool changed = false;
  std::function<void(Value)> add = [&](Value v) {
    if (auto t = v.getDefiningOp<PrimTupleConstructOp>()) {
      changed = true;
      for (Value e : t.getElements())
        add(e);
      return;
    }
    outs.push_back(v);
  };
  for (Value v : ret.getOperands())
    add(v);
  if (!changed)
    return;
  OpBuilder b(ret);
  func::ReturnOp::create(b, ret.getLoc(), outs);
  SmallVector<Operation *> tuples;
  for (Value v : ret.getOperands())
    if (auto t = v.getDefiningOp<PrimTupleConstructOp>())
      tuples.push_back(t);
  ret.erase();
  // Dead tuples (outermost first) would be illegal leftovers.
  while (!tuples.empty()) {
    Operation *t = tuples.pop_back_val();
    if (!t->use_empty())
      continue;
    for (Value e : t->getOperands())
      if (auto inner = e.getDefiningOp<PrimTupleConstructOp>())
        tuples.push_back(inner);
    t->erase();
  }
  func.setType(FunctionType::get(func.getContext(), func.getArgumentTypes(),
                                 ValueRange(outs).getTypes()));
}

/// Folds TupleIndex/TupleUnpack/ListUnpack of a construct in the same graph.
void foldAggregates(func::FuncOp func) {
  func.walk([&](Operation *op) {
    if (auto u = dyn_cast<PrimTupleUnpackOp>(op))
      if (auto c = u.getTuple().getDefiningOp<PrimTupleConstructOp>()) {
        u->replaceAllUsesWith(c.getElements());
        u->erase();
        return;
      }
    if (auto u = dyn_cast<PrimListUnpackOp>(op))
      if (auto c = u.getList().getDefiningOp<PrimListConstructOp>())
        if (c.getElements().size() == u->getNumResults()) {
          u->replaceAllUsesWith(c.getElements());
          u->erase();
          return;
        }
    if (auto t = dyn_cast<PrimTupleIndexOp>(op))
      if (auto c = t.getTuple().getDefiningOp<PrimTupleConstructOp>())
        if (auto i = getConstantInt(t.getIndex());
            i && *i >= 0 && *i < (int64_t)c.getElements().size()) {
          t.getResult().replaceAllUsesWith(c.getElements()[*i]);
          t->erase();
        }
  });
}

/// A list that a loop only appends one element to per iteration, starting
/// empty, and that is only stacked or concatenated along dim 0 afterwards, is
/// an ONNX Loop scan output: the loop yields the element and ONNX stacks the
/// iterations. Such a prim.Loop gets the element as a trailing
/// `prim.Loop.condition` operand and a tensor result after the carried ones,
/// which is exactly ONNX Loop's scan-output layout (no sequences, any opset).

bool isScanCandidate(PrimLoopOp loop, unsigned j) {
  auto init = loop.getIterArgsInit()[j].getDefiningOp<PrimListConstructOp>();
  if (!init || !init.getElements().empty() || !init->hasOneUse())
    return false;
  Block &body = loop.getRegion().front();
  BlockArgument arg = body.getArgument(j + 1);
  if (!arg.hasOneUse())
    return false;
  auto append = dyn_cast<AtenAppendTOp>(*arg.getUsers().begin());
  if (!append || append->getBlock() != &body || !append->hasOneUse() ||
      !isTorchTensorType(append.getEl().getType()))
    return false;
  OpOperand &use = *append->getUses().begin();
  if (use.getOwner() != body.getTerminator() || use.getOperandNumber() != j + 1)
    return false;
  for (Operation *user : loop.getResult(j).getUsers()) {
    StringRef n = user->getName().getStringRef();
    if (n != "torch.aten.stack" && n != "torch.aten.cat")
      return false;
    auto d = getConstantInt(user->getOperand(1));
    if (!d || *d != 0 || user->getOperand(0) != loop.getResult(j))
      return false;
  }
  return true;
}

void formScanOutputs(func::FuncOp func) {
  SmallVector<PrimLoopOp> loops;
  func.walk([&](PrimLoopOp l) { loops.push_back(l); });
  for (PrimLoopOp loop : loops) {
    SmallVector<unsigned> scans;
    for (unsigned j = 0; j < loop.getIterArgsInit().size(); ++j)
      if (isScanCandidate(loop, j))
        scans.push_back(j);
    if (scans.empty())
      continue;
    Block &body = loop.getRegion().front();
    Operation *term = body.getTerminator();
    SmallVector<Value> inits, scanElems;
    SmallVector<Type> types;
    for (unsigned j = 0; j < loop.getIterArgsInit().size(); ++j)
      if (!llvm::is_contained(scans, j)) {
        inits.push_back(loop.getIterArgsInit()[j]);
        types.push_back(loop.getResult(j).getType());
      }
    for (unsigned j : scans) {
      auto append =
          cast<AtenAppendTOp>(*body.getArgument(j + 1).getUsers().begin());
      Value el = append.getEl();
      scanElems.push_back(el);
      TensorInfo e = TensorInfo::of(el.getType());
      std::optional<SmallVector<int64_t>> sizes;
      if (e.sizes) {
        sizes = SmallVector<int64_t>{ValueTensorType::kUnknownSize};
        sizes->append(e.sizes->begin(), e.sizes->end());
      }
      std::optional<ArrayRef<int64_t>> sz;
      if (sizes)
        sz = ArrayRef<int64_t>(*sizes);
      types.push_back(ValueTensorType::get(loop.getContext(), sz, e.dtype));
    }
    // The new terminator: carried values without the lists, then elements.
    SmallVector<Value> yielded{term->getOperand(0)};
    for (unsigned j = 0; j < loop.getIterArgsInit().size(); ++j)
      if (!llvm::is_contained(scans, j))
        yielded.push_back(term->getOperand(j + 1));
    yielded.append(scanElems.begin(), scanElems.end());
    term->setOperands(yielded);
    for (unsigned j : llvm::reverse(scans)) {
      Operation *append = *body.getArgument(j + 1).getUsers().begin();
      append->erase();
      body.eraseArgument(j + 1);
    }
    OpBuilder b(loop);
    auto newLoop =
        PrimLoopOp::create(b, loop.getLoc(), types, loop.getMaxTripCount(),
                           loop.getInitialCondition(), inits);
    newLoop->setAttrs(loop->getAttrs());
    newLoop.getRegion().takeBody(loop.getRegion());
    unsigned carried = 0, scan = inits.size();
    for (unsigned j = 0; j < loop->getNumResults(); ++j) {
      Value old = loop.getResult(j);
      if (!llvm::is_contained(scans, j)) {
        old.replaceAllUsesWith(newLoop.getResult(carried++));
        continue;
      }
      Value stacked = newLoop.getResult(scan++);
      for (Operation *user : llvm::make_early_inc_range(old.getUsers())) {
        OpBuilder ub(user);
        Value r = stacked;
        if (user->getName().getStringRef() == "torch.aten.cat") {
          // cat along 0 of the pieces = the stacked result with its first two
          // dims merged.
          auto intTy = IntType::get(ub.getContext());
          Value zero = ConstantIntOp::create(ub, user->getLoc(), intTy,
                                             ub.getI64IntegerAttr(0));
          Value one = ConstantIntOp::create(ub, user->getLoc(), intTy,
                                            ub.getI64IntegerAttr(1));
          r = AtenFlattenUsing_IntsOp::create(ub, user->getLoc(),
                                              user->getResult(0).getType(),
                                              stacked, zero, one)
                  .getResult();
        }
        user->getResult(0).replaceAllUsesWith(r);
        user->erase();
      }
    }
    SmallVector<Operation *> deadInits;
    for (unsigned j : scans)
      deadInits.push_back(loop.getIterArgsInit()[j].getDefiningOp());
    loop->erase();
    for (Operation *d : deadInits)
      if (d->use_empty())
        d->erase();
  }
}

/// Loop before opset 11 needs at least one loop-carried value: a loop that
/// has none (only scan outputs, or only side effects) carries its initial
/// condition through unchanged.
void padEmptyCarried(func::FuncOp func) {
  SmallVector<PrimLoopOp> loops;
  func.walk([&](PrimLoopOp l) {
    if (l.getIterArgsInit().empty())
      loops.push_back(l);
  });
  for (PrimLoopOp loop : loops) {
    OpBuilder b(loop);
    Value init = loop.getInitialCondition();
    SmallVector<Type> types{init.getType()};
    types.append(loop->getResultTypes().begin(), loop->getResultTypes().end());
    auto newLoop =
        PrimLoopOp::create(b, loop.getLoc(), types, loop.getMaxTripCount(),
                           init, ValueRange{init});
    newLoop->setAttrs(loop->getAttrs());
    newLoop.getRegion().takeBody(loop.getRegion());
    Block &body = newLoop.getRegion().front();
    BlockArgument arg = body.insertArgument(1u, init.getType(), loop.getLoc());
    Operation *term = body.getTerminator();
    term->insertOperands(1, arg);
    loop->replaceAllUsesWith(newLoop.getResults().drop_front());
    loop->erase();
  }
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

struct ConvertTorchToONNXPass
    : torch_onnx::impl::ConvertTorchToONNXBase<ConvertTorchToONNXPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *ctx = &getContext();
    if (opset < ONNX::kMinExportOpset || opset > ONNX::kMaxOpset) {
      module.emitError() << "opset " << int64_t(opset)
                         << " is outside the supported range "
                         << ONNX::kMinExportOpset << ".." << ONNX::kMaxOpset;
      return signalPassFailure();
    }
    func::FuncOp func;
    for (auto f : module.getOps<func::FuncOp>())
      if (!func || f.getSymName() == "forward")
        func = f;
    if (!func) {
      module.emitError("no function to convert (expected @forward)");
      return signalPassFailure();
    }
    flattenTupleResults(func);
    foldAggregates(func);
    formScanOutputs(func);
    if (opset < 11)
      padEmptyCarried(func);

    // Ops without a lowering at this opset: one diagnostic each.
    LoweringMap byName;
    for (const Lowering &l : getLowerings())
      byName[l.opName].push_back(&l);
    bool missing = false;
    func.walk([&](Operation *op) {
      StringRef name = op->getName().getStringRef();
      if (!name.consume_front("torch.aten.") && name != "torch.operator")
        return;
      std::string key = getOpKey(op);
      int64_t lowest;
      if (findLowering(byName, key, opset, &lowest)) {
        ++numLowered;
        return;
      }
      if (fallthrough) {
        LLVM_DEBUG(llvm::dbgs() << "'" << key << "' falls through as a "
                                << "custom-domain node\n");
        ++numFallthrough;
        return;
      }
      missing = true;
      auto diag = op->emitError() << "'" << key << "' cannot be exported to "
                                  << "ONNX opset " << int64_t(opset) << ": ";
      if (lowest > 0)
        diag << "it needs opset " << lowest
             << " or later (export with opset_version=" << lowest << ")";
      else
        diag << "no lowering yet (operator_export_type=ONNX_FALLTHROUGH "
                "keeps it as a custom op)";
    });
    // A branch output taken from the enclosing graph is copied by Identity
    // on export (runtimes require it), which takes sequences from 14.
    if (opset < 14)
      func.walk([&](PrimIfYieldOp y) {
        Region *branch = y->getParentRegion();
        for (Value v : y.getResults())
          if (isa<ListType>(v.getType()) &&
              !branch->isAncestor(v.getParentRegion())) {
            y->emitError("a list that one branch of an if leaves unchanged "
                         "is an ONNX sequence passed through Identity, which "
                         "takes sequences from opset 14 (export with "
                         "opset_version=14)");
            missing = true;
            return;
          }
      });
    if (missing)
      return signalPassFailure();

    TorchToONNXTypeConverter converter(ctx);
    converter.addSourceMaterialization(
        [](OpBuilder &b, Type t, ValueRange in, Location loc) -> Value {
          return UnrealizedConversionCastOp::create(b, loc, t, in).getResult(0);
        });
    converter.addTargetMaterialization(
        [](OpBuilder &b, Type t, ValueRange in, Location loc) -> Value {
          return UnrealizedConversionCastOp::create(b, loc, t, in).getResult(0);
        });

    ConversionState state;
    state.opset = opset;
    state.fallthrough = fallthrough;
    ConversionTarget target(*ctx);
    target.addLegalDialect<ONNX::ONNXDialect>();
    target.addIllegalDialect<TorchDialect>();
    target.addDynamicallyLegalOp<func::FuncOp>([&](func::FuncOp f) {
      return converter.isSignatureLegal(f.getFunctionType());
    });
    target.addDynamicallyLegalOp<func::ReturnOp>(
        [&](func::ReturnOp r) { return converter.isLegal(r); });

    RewritePatternSet patterns(ctx);
    populateFunctionOpInterfaceTypeConversionPattern<func::FuncOp>(patterns,
                                                                   converter);
    populateReturnOpTypeConversionPattern(patterns, converter);
    patterns.add<AtenLoweringPattern>(converter, ctx, state, byName);
    patterns
        .add<ConstantPattern<ConstantIntOp>, ConstantPattern<ConstantFloatOp>,
             ConstantPattern<ConstantBoolOp>, TensorLiteralPattern,
             ListConstructPattern>(converter, ctx, state);
    patterns.add<ErasedConstantPattern<ConstantStrOp>,
                 ErasedConstantPattern<ConstantDeviceOp>>(converter, ctx);
    patterns.add<NoneConstantPattern, IfPattern, IfYieldPattern,
                 LoopConditionPattern>(converter, ctx);
    patterns.add<LoopPattern>(converter, ctx, int64_t(opset));
    // A pattern that cannot convert its op says why at the op; the driver's
    // generic "failed to legalize" that follows would only repeat it.
    bool reported = false;
    ScopedDiagnosticHandler filter(ctx, [&](Diagnostic &d) {
      if (d.getSeverity() != DiagnosticSeverity::Error)
        return failure();
      if (StringRef(d.str()).starts_with("failed to legalize"))
        return success(reported); // drop it once a reason was given
      reported = true;
      return failure();
    });
    if (failed(applyPartialConversion(func, target, std::move(patterns))))
      return signalPassFailure();
    dropCompatibleCasts(func);

    // The ONNX model's shape: graph name, input/output names, opset.
    func.setSymName(ONNX::attr::kMainGraph);
    func->setAttr(ONNX::attr::kGraphName, StringAttr::get(ctx, "main_graph"));
    for (unsigned i = 0; i < func.getNumArguments(); ++i) {
      if (auto n = func.getArgAttrOfType<StringAttr>(i, "torch.name")) {
        func.removeArgAttr(i, StringAttr::get(ctx, "torch.name"));
        func.setArgAttr(i, ONNX::attr::kName, n);
      }
      if (auto d = func.getArgAttrOfType<ArrayAttr>(i, "torch.dim_names")) {
        func.removeArgAttr(i, StringAttr::get(ctx, "torch.dim_names"));
        func.setArgAttr(i, ONNX::attr::kDimParams, d);
      }
    }
    for (unsigned i = 0; i < func.getNumResults(); ++i)
      if (auto d = func.getResultAttrOfType<ArrayAttr>(i, "torch.dim_names")) {
        func.removeResultAttr(i, StringAttr::get(ctx, "torch.dim_names"));
        func.setResultAttr(i, ONNX::attr::kDimParams, d);
      }
    // IR version: the one ONNX released with the opset.
    int64_t ir = opset <= 9    ? 4
                 : opset == 10 ? 5
                 : opset == 11 ? 6
                 : opset <= 14 ? 7
                               : 8;
    Builder b(ctx);
    module->setAttr(ONNX::attr::kIrVersion, b.getI64IntegerAttr(ir));
    SmallVector<Attribute> imports{
        b.getArrayAttr({b.getStringAttr(""), b.getI64IntegerAttr(opset)})};
    if (state.usedFallthrough)
      imports.push_back(b.getArrayAttr(
          {b.getStringAttr(kAtenDomain), b.getI64IntegerAttr(1)}));
    module->setAttr(ONNX::attr::kOpsetImport, b.getArrayAttr(imports));
    module->setAttr(ONNX::attr::kProducerName, b.getStringAttr("torch-onnx"));
  }
};

} // namespace
