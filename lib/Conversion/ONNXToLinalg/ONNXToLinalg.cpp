//===- ONNXToLinalg.cpp - onnx -> linalg/tensor/arith/math/scf ------------===//
//
// convert-onnx-to-linalg lowers the onnx dialect in program order: each op's
// operands are already lowered (ranked, refined types), so a lowering can
// compute its own result shape even where the ONNX type was unranked or
// dynamic. The lowerings live in a table keyed by ONNX op_type and handle
// their op's versions (attribute vs input forms). An op without a lowering,
// or with attributes a lowering cannot honour, is a located error; nothing
// is lowered approximately.
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

#include "torch-onnx/Conversion/Passes.h"
#include "torch-onnx/Dialect/ONNX/IR/ONNXDialect.h"
#include "torch-onnx/Dialect/ONNX/IR/ONNXNode.h"
#include "torch-onnx/Dialect/ONNX/IR/ONNXSchema.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Func/Transforms/FuncConversions.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/ReshapeOpsUtils.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Matchers.h"

namespace mlir::torch_onnx {
#define GEN_PASS_DEF_CONVERTONNXTOLINALG
#include "torch-onnx/Conversion/Passes.h.inc"
} // namespace mlir::torch_onnx

using namespace mlir;
using namespace mlir::ONNX;
using namespace mlir::ONNX::lowering;

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

Type lowering::toSignless(Type t) {
  if (auto it = dyn_cast<IntegerType>(t); it && !it.isSignless())
    return IntegerType::get(t.getContext(), it.getWidth());
  return t;
}

Type lowering::toSignlessTensor(Type t) {
  if (auto rt = dyn_cast<RankedTensorType>(t))
    return RankedTensorType::get(rt.getShape(),
                                 toSignless(rt.getElementType()));
  if (auto ut = dyn_cast<UnrankedTensorType>(t))
    return UnrankedTensorType::get(toSignless(ut.getElementType()));
  return t;
}

bool lowering::isFloatLike(Type t) { return isa<FloatType>(t); }

static Type elemOf(Type t) {
  if (auto st = dyn_cast<ShapedType>(t))
    return st.getElementType();
  return t;
}

//===----------------------------------------------------------------------===//
// Ctx: inputs and attributes
//===----------------------------------------------------------------------===//

/// (first operand, count) of ONNX input `i` of a generated op. Without
/// operand segments (at most one formal input is not single) inputs are
/// positional: `in(k)` of a variadic Max is its k-th operand.
static std::optional<std::pair<unsigned, unsigned>> segment(Operation *op,
                                                            unsigned i) {
  if (!op->hasTrait<OpTrait::AttrSizedOperandSegments>())
    return std::make_pair(i, i < op->getNumOperands() ? 1u : 0u);
  SmallVector<std::pair<unsigned, unsigned>> formal =
      getFormalInputSegments(op);
  if (i >= formal.size())
    return std::nullopt;
  return formal[i];
}

Value Ctx::in(unsigned i) {
  auto s = segment(op, i);
  if (!s || s->second == 0)
    return {};
  Value v = operands[s->first];
  if (isa<NoneType>(v.getType()))
    return {};
  return v;
}

SmallVector<Value> Ctx::allInputs() {
  SmallVector<Value> r;
  for (Value v : operands)
    if (!isa<NoneType>(v.getType()))
      r.push_back(v);
  return r;
}

unsigned Ctx::numInputs() { return operands.size(); }

Type Ctx::origInElem(unsigned i) {
  auto s = segment(op, i);
  if (!s || s->second == 0 || s->first >= origOperandTypes.size())
    return {};
  return elemOf(origOperandTypes[s->first]);
}
Type Ctx::origOutElem(unsigned i) { return elemOf(origResultTypes[i]); }
bool Ctx::inUnsigned(unsigned i) {
  Type t = origInElem(i);
  return t && (t.isUnsignedInteger() || t.isInteger(1));
}
bool Ctx::outUnsigned(unsigned i) {
  Type t = origOutElem(i);
  return t && (t.isUnsignedInteger() || t.isInteger(1));
}
Type Ctx::resultType(unsigned i) { return toSignlessTensor(origResultTypes[i]); }
Type Ctx::resultElem(unsigned i) { return toSignless(origOutElem(i)); }

Attribute Ctx::attr(StringRef onnxName) {
  return op->getAttr(getODSAttrName(op->getName().getStringRef(), onnxName));
}

int64_t Ctx::i(StringRef name, int64_t dflt) {
  if (auto a = dyn_cast_or_null<IntegerAttr>(attr(name)))
    return a.getValue().getSExtValue();
  return dflt;
}

double Ctx::f(StringRef name, double dflt) {
  Attribute a = attr(name);
  if (auto fa = dyn_cast_or_null<FloatAttr>(a))
    return fa.getValueAsDouble();
  if (auto ia = dyn_cast_or_null<IntegerAttr>(a))
    return (double)ia.getValue().getSExtValue();
  return dflt;
}

std::string Ctx::s(StringRef name, StringRef dflt) {
  if (auto a = dyn_cast_or_null<StringAttr>(attr(name)))
    return a.getValue().str();
  return dflt.str();
}

std::optional<SmallVector<int64_t>> Ctx::ints(StringRef name) {
  Attribute a = attr(name);
  if (!a)
    return std::nullopt;
  SmallVector<int64_t> r;
  if (auto arr = dyn_cast<ArrayAttr>(a)) {
    for (Attribute e : arr)
      if (auto ia = dyn_cast<IntegerAttr>(e))
        r.push_back(ia.getValue().getSExtValue());
    return r;
  }
  if (auto da = dyn_cast<DenseI64ArrayAttr>(a))
    return SmallVector<int64_t>(da.asArrayRef());
  return std::nullopt;
}

std::optional<SmallVector<double>> Ctx::floats(StringRef name) {
  auto arr = dyn_cast_or_null<ArrayAttr>(attr(name));
  if (!arr)
    return std::nullopt;
  SmallVector<double> r;
  for (Attribute e : arr)
    if (auto fa = dyn_cast<FloatAttr>(e))
      r.push_back(fa.getValueAsDouble());
  return r;
}

LogicalResult Ctx::fail(const Twine &msg) {
  std::string m = msg.str();
  (void)rewriter.notifyMatchFailure(op, m);
  return op->emitError() << "cannot lower onnx." << opType << " (opset "
                         << version << ") to native code: " << m;
}

std::string Ctx::label() {
  std::string l = "onnx." + opType.str();
  if (auto n = op->getAttrOfType<StringAttr>("onnx.node_name");
      n && !n.getValue().empty())
    l += " '" + n.getValue().str() + "'";
  return l;
}

void Ctx::check(Value ok, const Twine &what) {
  if (matchPattern(ok, m_One()))
    return;
  cf::AssertOp::create(b, loc, ok, b.getStringAttr(label() + ": " + what));
}

void Ctx::checkIndexRange(Value indices, Value dim, int64_t axis) {
  auto t = cast<RankedTensorType>(indices.getType());
  if (t.hasStaticShape() && t.getNumElements() == 0)
    return;
  Type e = t.getElementType();
  auto it = cast<IntegerType>(e);
  int64_t rank = t.getRank();
  auto scalar = RankedTensorType::get({}, e);
  auto start = [&](bool wantMax) {
    APInt v = wantMax ? APInt::getSignedMinValue(it.getWidth())
                      : APInt::getSignedMaxValue(it.getWidth());
    Value c0 = arith::ConstantOp::create(b, loc, IntegerAttr::get(e, v));
    Value z = tensor::EmptyOp::create(b, loc, ArrayRef<int64_t>{}, e);
    return linalg::FillOp::create(b, loc, ValueRange{c0}, ValueRange{z})
        .getResult(0);
  };
  Value lo = start(false), hi = start(true);
  MLIRContext *ctx = b.getContext();
  auto id = AffineMap::getMultiDimIdentityMap(rank, ctx);
  auto toScalar = AffineMap::get(rank, 0, {}, ctx);
  auto g = linalg::GenericOp::create(
      b, loc, TypeRange{scalar, scalar}, ValueRange{indices},
      ValueRange{lo, hi}, {id, toScalar, toScalar},
      SmallVector<utils::IteratorType>(rank, utils::IteratorType::reduction),
      [&](OpBuilder &nb, Location l, ValueRange a) {
        linalg::YieldOp::create(
            nb, l,
            ValueRange{arith::MinSIOp::create(nb, l, a[0], a[1]),
                       arith::MaxSIOp::create(nb, l, a[0], a[2])});
      });
  auto asI64 = [&](Value v) -> Value {
    Value s = tensor::ExtractOp::create(b, loc, v, ValueRange{});
    if (it.getWidth() < 64)
      s = arith::ExtSIOp::create(b, loc, b.getI64Type(), s);
    return s;
  };
  Value mn = asI64(g.getResult(0)), mx = asI64(g.getResult(1));
  Value d = arith::IndexCastOp::create(b, loc, b.getI64Type(), dim);
  Value negD = arith::SubIOp::create(
      b, loc, arith::ConstantIntOp::create(b, loc, b.getI64Type(), 0), d);
  Value ok = arith::AndIOp::create(
      b, loc,
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, mn, negD),
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, mx, d));
  check(ok, "an index is out of range of axis " + Twine(axis) +
                " (indices must lie in [-n, n) for an axis of n elements)");
}

void Ctx::checkSameSize(OpFoldResult a, OpFoldResult x, const Twine &what) {
  if (getConstantIntValue(a) && getConstantIntValue(x))
    return;
  check(arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, ofr(a), ofr(x)),
        what);
}

void Ctx::checkNoZero(Value t, const Twine &what) {
  auto tt = cast<RankedTensorType>(t.getType());
  if (tt.hasStaticShape() && tt.getNumElements() == 0)
    return;
  Type e = tt.getElementType();
  int64_t rank = tt.getRank();
  MLIRContext *ctx = b.getContext();
  Value z = tensor::EmptyOp::create(b, loc, ArrayRef<int64_t>{}, b.getI1Type());
  Value init =
      linalg::FillOp::create(
          b, loc,
          ValueRange{arith::ConstantIntOp::create(b, loc, b.getI1Type(), 1)},
          ValueRange{z})
          .getResult(0);
  auto g = linalg::GenericOp::create(
      b, loc, TypeRange{init.getType()}, ValueRange{t}, ValueRange{init},
      {AffineMap::getMultiDimIdentityMap(rank, ctx),
       AffineMap::get(rank, 0, {}, ctx)},
      SmallVector<utils::IteratorType>(rank, utils::IteratorType::reduction),
      [&](OpBuilder &nb, Location l, ValueRange a) {
        Value nz = arith::CmpIOp::create(
            nb, l, arith::CmpIPredicate::ne, a[0],
            arith::ConstantOp::create(nb, l, IntegerAttr::get(e, 0)));
        linalg::YieldOp::create(
            nb, l, arith::AndIOp::create(nb, l, a[1], nz).getResult());
      });
  check(tensor::ExtractOp::create(b, loc, g.getResult(0), ValueRange{}), what);
}

LogicalResult Ctx::invalid(const Twine &msg) {
  (void)rewriter.notifyMatchFailure(op, "invalid model");
  return op->emitError() << "invalid onnx." << opType << " (opset " << version
                         << "): " << msg;
}

//===----------------------------------------------------------------------===//
// Ctx: tensor helpers
//===----------------------------------------------------------------------===//

Value Ctx::index(int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}
Value Ctx::i64(int64_t v) {
  return arith::ConstantIntOp::create(b, loc, b.getI64Type(), v);
}
Value Ctx::constF(Type t, double v) {
  return arith::ConstantOp::create(b, loc, t, b.getFloatAttr(t, v));
}
Value Ctx::constI(Type t, int64_t v) {
  return arith::ConstantOp::create(b, loc, t, b.getIntegerAttr(t, v));
}
Value Ctx::constOf(Type t, double v) {
  if (isa<FloatType>(t))
    return constF(t, v);
  if (t.isIndex())
    return index((int64_t)v);
  return constI(t, (int64_t)v);
}

OpFoldResult Ctx::dim(Value t, int64_t d) {
  auto rt = cast<RankedTensorType>(t.getType());
  if (!rt.isDynamicDim(d))
    return b.getIndexAttr(rt.getDimSize(d));
  return tensor::DimOp::create(b, loc, t, d).getResult();
}

SmallVector<OpFoldResult> Ctx::dims(Value t) {
  SmallVector<OpFoldResult> r;
  for (int64_t d = 0, e = cast<RankedTensorType>(t.getType()).getRank(); d < e;
       ++d)
    r.push_back(dim(t, d));
  return r;
}

Value Ctx::ofr(OpFoldResult r) {
  if (auto v = dyn_cast<Value>(r))
    return v;
  return index(cast<IntegerAttr>(cast<Attribute>(r)).getInt());
}

Value Ctx::dimValue(Value t, int64_t d) { return ofr(dim(t, d)); }

Value Ctx::empty(ArrayRef<OpFoldResult> dims, Type elem) {
  // Sizes computed at run time (ConstantOfShape, Tile, Expand, Range, Pad,
  // Resize, ...) must be non-negative and allocatable: checked here, where
  // every lowering allocates, in f64 so the product cannot wrap.
  SmallVector<Value> dynamic;
  double known = 1;
  for (OpFoldResult d : dims) {
    if (std::optional<int64_t> v = getConstantIntValue(d))
      known *= (double)*v;
    else
      dynamic.push_back(ofr(d));
  }
  if (!dynamic.empty()) {
    Type f64 = b.getF64Type();
    Value total = constF(f64, known);
    Value ok = arith::ConstantIntOp::create(b, loc, b.getI1Type(), 1);
    for (Value d : dynamic) {
      ok = arith::AndIOp::create(
          b, loc, ok,
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, d,
                                index(0)));
      Value i = arith::IndexCastOp::create(b, loc, b.getI64Type(), d);
      total = arith::MulFOp::create(b, loc, total,
                                    arith::SIToFPOp::create(b, loc, f64, i));
    }
    ok = arith::AndIOp::create(
        b, loc, ok,
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLE, total,
                              constF(f64, kMaxRuntimeElements)));
    check(ok, "the output shape has a negative dim or more than 2^40 "
              "elements");
  }
  return tensor::EmptyOp::create(b, loc, dims, elem);
}

Value Ctx::fill(ArrayRef<OpFoldResult> dims, Type elem, Value scalar) {
  return linalg::FillOp::create(b, loc, ValueRange{scalar},
                                ValueRange{empty(dims, elem)})
      .getResult(0);
}

Value Ctx::count(Value v, ArrayRef<int64_t> axes, Type elem) {
  Value n = index(1);
  for (int64_t a : axes)
    n = arith::MulIOp::create(b, loc, n, dimValue(v, a));
  Value n64 = arith::IndexCastOp::create(b, loc, b.getI64Type(), n);
  return castScalar(n64, b.getI64Type(), elem);
}

Value Ctx::castTo(Value v, Type t) {
  if (v.getType() == t)
    return v;
  return tensor::CastOp::create(b, loc, t, v);
}

SmallVector<OpFoldResult> Ctx::broadcastDims(ValueRange inputs) {
  int64_t rank = 0;
  for (Value v : inputs)
    rank = std::max(rank, cast<RankedTensorType>(v.getType()).getRank());
  SmallVector<OpFoldResult> out;
  for (int64_t d = 0; d < rank; ++d) {
    std::optional<int64_t> stat;
    SmallVector<Value> dyn;
    for (Value v : inputs) {
      auto rt = cast<RankedTensorType>(v.getType());
      int64_t k = d - (rank - rt.getRank());
      if (k < 0)
        continue;
      if (rt.isDynamicDim(k))
        dyn.push_back(tensor::DimOp::create(b, loc, v, k));
      else if (rt.getDimSize(k) != 1)
        stat = rt.getDimSize(k);
      else if (!stat)
        stat = 1;
    }
    if (stat && *stat != 1) {
      out.push_back(b.getIndexAttr(*stat));
      continue;
    }
    if (dyn.empty()) {
      out.push_back(b.getIndexAttr(stat.value_or(1)));
      continue;
    }
    Value m = dyn[0];
    for (Value v : ArrayRef(dyn).drop_front())
      m = arith::MaxUIOp::create(b, loc, m, v);
    out.push_back(m);
  }
  return out;
}

Value Ctx::elementwise(
    ValueRange inputs, Type resultElem,
    function_ref<Value(OpBuilder &, Location, ValueRange)> body,
    ArrayRef<OpFoldResult> outDimsIn) {
  SmallVector<OpFoldResult> outDims =
      outDimsIn.empty() ? broadcastDims(inputs) : SmallVector<OpFoldResult>(
                                                      outDimsIn);
  int64_t rank = outDims.size();
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineMap> maps;
  for (Value v : inputs) {
    auto rt = cast<RankedTensorType>(v.getType());
    SmallVector<AffineExpr> exprs;
    for (int64_t k = 0; k < rt.getRank(); ++k) {
      int64_t d = k + rank - rt.getRank();
      std::optional<int64_t> od = getConstantIntValue(outDims[d]);
      if (!rt.isDynamicDim(k) && rt.getDimSize(k) == 1 && od != 1) {
        exprs.push_back(getAffineConstantExpr(0, ctx));
        continue;
      }
      if (rt.isDynamicDim(k)) {
        // A dynamic dim must equal the broadcast dim (size-1 broadcasting of
        // a dynamic dim is not supported): checked at run time.
        Value actual = tensor::DimOp::create(b, loc, v, k);
        Value want = ofr(outDims[d]);
        if (actual != want) {
          Value ok = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                                           actual, want);
          cf::AssertOp::create(
              b, loc, ok,
              b.getStringAttr(
                  "onnx." + opType.str() +
                  ": dynamic dimension does not match the broadcast shape"));
        }
      }
      exprs.push_back(getAffineDimExpr(d, ctx));
    }
    maps.push_back(AffineMap::get(rank, 0, exprs, ctx));
  }
  maps.push_back(AffineMap::getMultiDimIdentityMap(rank, ctx));
  Value init = empty(outDims, resultElem);
  SmallVector<utils::IteratorType> iters(rank, utils::IteratorType::parallel);
  auto g = linalg::GenericOp::create(
      b, loc, TypeRange{init.getType()}, inputs, ValueRange{init}, maps, iters,
      [&](OpBuilder &nb, Location nl, ValueRange args) {
        Value r = body(nb, nl, args.drop_back());
        linalg::YieldOp::create(nb, nl, r);
      });
  return g.getResult(0);
}

static std::optional<SmallVector<APInt>> constAPInts(Value v) {
  Attribute a;
  if (!matchPattern(v, m_Constant(&a)))
    return std::nullopt;
  SmallVector<APInt> r;
  if (auto d = dyn_cast<DenseIntElementsAttr>(a)) {
    for (APInt x : d.getValues<APInt>())
      r.push_back(x);
    return r;
  }
  auto res = dyn_cast<DenseResourceElementsAttr>(a);
  if (!res || !res.getRawHandle().getBlob())
    return std::nullopt;
  auto type = res.getType();
  unsigned bits = type.getElementType().getIntOrFloatBitWidth();
  if (!type.getElementType().isInteger() || bits % 8)
    return std::nullopt;
  ArrayRef<char> data = res.getRawHandle().getBlob()->getData();
  int64_t n = type.getNumElements();
  if ((int64_t)data.size() < n * (bits / 8))
    return std::nullopt;
  for (int64_t k = 0; k < n; ++k) {
    uint64_t x = 0;
    memcpy(&x, data.data() + k * (bits / 8), bits / 8);
    r.push_back(APInt(bits, x));
  }
  return r;
}

std::optional<SmallVector<int64_t>> Ctx::constInts(Value v) {
  if (!v)
    return std::nullopt;
  auto a = constAPInts(v);
  if (!a)
    return std::nullopt;
  SmallVector<int64_t> r;
  bool isBool = elemOf(v.getType()).isInteger(1);
  for (const APInt &x : *a)
    r.push_back(isBool ? (int64_t)x.getZExtValue() : x.getSExtValue());
  return r;
}

std::optional<SmallVector<double>> Ctx::constFloats(Value v) {
  Attribute a;
  if (!v || !matchPattern(v, m_Constant(&a)))
    return std::nullopt;
  if (auto d = dyn_cast<DenseFPElementsAttr>(a)) {
    SmallVector<double> r;
    for (APFloat x : d.getValues<APFloat>()) {
      bool lost;
      x.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven, &lost);
      r.push_back(x.convertToDouble());
    }
    return r;
  }
  if (auto ints = constInts(v)) {
    SmallVector<double> r(ints->begin(), ints->end());
    return r;
  }
  return std::nullopt;
}

OpFoldResult Ctx::extractIndex(Value v, int64_t k) {
  if (auto c = constInts(v))
    return b.getIndexAttr((*c)[k]);
  auto rt = cast<RankedTensorType>(v.getType());
  SmallVector<Value> idx;
  if (rt.getRank() == 1)
    idx.push_back(index(k));
  Value e = tensor::ExtractOp::create(b, loc, v, idx);
  return arith::IndexCastOp::create(b, loc, b.getIndexType(), e).getResult();
}

Value Ctx::extractScalar(Value v) {
  auto rt = cast<RankedTensorType>(v.getType());
  SmallVector<Value> idx(rt.getRank(), index(0));
  return tensor::ExtractOp::create(b, loc, v, idx);
}

Value Ctx::castScalar(Value v, Type from, Type to) {
  if (from == to)
    return v;
  Type sf = toSignless(from), st = toSignless(to);
  bool fromU = from.isUnsignedInteger() || from.isInteger(1);
  auto ff = dyn_cast<FloatType>(sf), tf = dyn_cast<FloatType>(st);
  if (st.isInteger(1)) { // x != 0
    if (ff)
      return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNE, v,
                                   constF(sf, 0));
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, v,
                                 constI(sf, 0));
  }
  if (ff && tf) {
    if (ff.getWidth() < tf.getWidth())
      return arith::ExtFOp::create(b, loc, st, v);
    if (ff.getWidth() > tf.getWidth())
      return arith::TruncFOp::create(b, loc, st, v);
    if (sf == st)
      return v;
    Value w = arith::ExtFOp::create(b, loc, b.getF32Type(), v);
    return arith::TruncFOp::create(b, loc, st, w);
  }
  if (ff) {
    if (to.isUnsignedInteger())
      return arith::FPToUIOp::create(b, loc, st, v);
    return arith::FPToSIOp::create(b, loc, st, v);
  }
  if (tf) {
    if (fromU)
      return arith::UIToFPOp::create(b, loc, st, v);
    return arith::SIToFPOp::create(b, loc, st, v);
  }
  unsigned wf = sf.getIntOrFloatBitWidth(), wt = st.getIntOrFloatBitWidth();
  if (wf == wt)
    return v;
  if (wf > wt)
    return arith::TruncIOp::create(b, loc, st, v);
  if (fromU)
    return arith::ExtUIOp::create(b, loc, st, v);
  return arith::ExtSIOp::create(b, loc, st, v);
}

Value Ctx::reshape(Value v, ArrayRef<OpFoldResult> outDims) {
  auto src = cast<RankedTensorType>(v.getType());
  SmallVector<int64_t> shape;
  for (OpFoldResult d : outDims)
    shape.push_back(getConstantIntValue(d).value_or(ShapedType::kDynamic));
  auto dst = RankedTensorType::get(shape, src.getElementType());
  if (src == dst)
    return v;
  if (src.hasStaticShape() && dst.hasStaticShape()) {
    if (src.getRank() > dst.getRank()) {
      if (auto re = getReassociationIndicesForCollapse(src.getShape(),
                                                       dst.getShape()))
        return tensor::CollapseShapeOp::create(b, loc, dst, v, *re);
    } else if (src.getRank() < dst.getRank()) {
      if (auto re = getReassociationIndicesForCollapse(dst.getShape(),
                                                       src.getShape()))
        return tensor::ExpandShapeOp::create(b, loc, dst, v, *re);
    }
  }
  SmallVector<Value> elems;
  for (OpFoldResult d : outDims)
    elems.push_back(
        arith::IndexCastOp::create(b, loc, b.getI64Type(), ofr(d)));
  Value shapeT = tensor::FromElementsOp::create(
      b, loc, RankedTensorType::get({(int64_t)elems.size()}, b.getI64Type()),
      elems);
  return tensor::ReshapeOp::create(b, loc, dst, v, shapeT);
}

Value Ctx::reduce(
    Value v, ArrayRef<int64_t> axes, bool keepDims, Value init,
    function_ref<Value(OpBuilder &, Location, Value, Value)> combine,
    function_ref<Value(OpBuilder &, Location, Value)> pre) {
  auto rt = cast<RankedTensorType>(v.getType());
  int64_t rank = rt.getRank();
  llvm::SmallDenseSet<int64_t> red(axes.begin(), axes.end());
  SmallVector<OpFoldResult> outDims, keptDims;
  SmallVector<AffineExpr> outExprs;
  SmallVector<utils::IteratorType> iters;
  for (int64_t d = 0; d < rank; ++d) {
    if (red.count(d)) {
      iters.push_back(utils::IteratorType::reduction);
      keptDims.push_back(b.getIndexAttr(1));
      continue;
    }
    iters.push_back(utils::IteratorType::parallel);
    outDims.push_back(dim(v, d));
    keptDims.push_back(outDims.back());
    outExprs.push_back(b.getAffineDimExpr(d));
  }
  Value acc = linalg::FillOp::create(b, loc, ValueRange{init},
                                     ValueRange{empty(outDims, init.getType())})
                  .getResult(0);
  SmallVector<AffineMap> maps{
      AffineMap::getMultiDimIdentityMap(rank, b.getContext()),
      AffineMap::get(rank, 0, outExprs, b.getContext())};
  auto g = linalg::GenericOp::create(
      b, loc, TypeRange{acc.getType()}, ValueRange{v}, ValueRange{acc}, maps,
      iters, [&](OpBuilder &nb, Location nl, ValueRange args) {
        Value x = pre ? pre(nb, nl, args[0]) : args[0];
        linalg::YieldOp::create(nb, nl, combine(nb, nl, x, args[1]));
      });
  Value r = g.getResult(0);
  return keepDims ? reshape(r, keptDims) : r;
}

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

/// The attribute as a signless-typed ElementsAttr (same bytes).
static ElementsAttr signlessElements(ElementsAttr a) {
  auto type = cast<ShapedType>(a.getType());
  Type elem = toSignless(type.getElementType());
  if (elem == type.getElementType())
    return a;
  auto nt = RankedTensorType::get(type.getShape(), elem);
  if (auto d = dyn_cast<DenseElementsAttr>(a))
    return d.bitcast(elem).reshape(nt);
  if (auto r = dyn_cast<DenseResourceElementsAttr>(a))
    return DenseResourceElementsAttr::get(nt, r.getRawHandle());
  return a;
}

static FailureOr<SmallVector<Value>> lowerConstant(Ctx &c) {
  Attribute a = c.attr("value");
  if (auto ea = dyn_cast_or_null<ElementsAttr>(a)) {
    if (isa<DenseStringElementsAttr>(ea) ||
        !ea.getElementType().isIntOrFloat())
      return c.failure("string tensors are not supported natively");
    ElementsAttr s = signlessElements(ea);
    return SmallVector<Value>{arith::ConstantOp::create(c.b, c.loc, s)};
  }
  OpBuilder &b = c.b;
  if (auto fa = dyn_cast_or_null<FloatAttr>(c.attr("value_float"))) {
    auto t = RankedTensorType::get({}, b.getF32Type());
    return SmallVector<Value>{arith::ConstantOp::create(
        b, c.loc, DenseElementsAttr::get(t, (float)fa.getValueAsDouble()))};
  }
  if (auto ia = dyn_cast_or_null<IntegerAttr>(c.attr("value_int"))) {
    auto t = RankedTensorType::get({}, b.getI64Type());
    return SmallVector<Value>{arith::ConstantOp::create(
        b, c.loc, DenseElementsAttr::get(t, ia.getValue().getSExtValue()))};
  }
  if (auto fl = c.floats("value_floats"); fl && c.has("value_floats")) {
    SmallVector<float> v(fl->begin(), fl->end());
    auto t = RankedTensorType::get({(int64_t)v.size()}, b.getF32Type());
    return SmallVector<Value>{arith::ConstantOp::create(
        b, c.loc, DenseElementsAttr::get(t, ArrayRef<float>(v)))};
  }
  if (auto il = c.ints("value_ints")) {
    auto t = RankedTensorType::get({(int64_t)il->size()}, b.getI64Type());
    return SmallVector<Value>{arith::ConstantOp::create(
        b, c.loc, DenseElementsAttr::get(t, ArrayRef<int64_t>(*il)))};
  }
  return c.failure("only tensor, float(s) and int(s) constants are supported "
                   "(not sparse or string values)");
}

//===----------------------------------------------------------------------===//
// Type conversion
//===----------------------------------------------------------------------===//

/// Whether `from` (a cast's source) says at least as much as `to` (its
/// result): same element type, cast compatible, no dim dynamic that `to`
/// has static. Casts of that kind only hide a lowering's refined type.
static bool refines(Type from, Type to) {
  auto f = dyn_cast<RankedTensorType>(from);
  auto t = dyn_cast<TensorType>(to);
  if (!f || !t || f.getElementType() != t.getElementType() ||
      !tensor::CastOp::areCastCompatible(f, t))
    return false;
  auto rt = dyn_cast<RankedTensorType>(t);
  if (!rt)
    return true;
  for (auto [a, b] : llvm::zip(f.getShape(), rt.getShape()))
    if (ShapedType::isDynamic(a) && !ShapedType::isDynamic(b))
      return false;
  return true;
}

/// `v` with the casts the conversion put between a lowering's result and its
/// users removed (the result's refined type is what the next lowering needs).
Value lowering::peelCasts(Value v) {
  while (Operation *def = v.getDefiningOp()) {
    Value src;
    if (auto c = dyn_cast<tensor::CastOp>(def))
      src = c.getSource();
    else if (auto u = dyn_cast<UnrealizedConversionCastOp>(def);
             u && u->getNumOperands() == 1 && u->getNumResults() == 1)
      src = u->getOperand(0);
    if (!src || !refines(src.getType(), v.getType()))
      break;
    v = src;
  }
  return v;
}

ONNXToLinalgTypeConverter::ONNXToLinalgTypeConverter() {
  addConversion([](Type t) { return t; });
  addConversion([](TensorType t) -> Type { return toSignlessTensor(t); });
}

//===----------------------------------------------------------------------===//
// The shared part of the patterns
//===----------------------------------------------------------------------===//

LogicalResult lowering::lowerONNXOp(Operation *op, ValueRange operands,
                                    ConversionPatternRewriter &rewriter,
                                    const LowerFn &fn) {
  auto onnxOp = cast<ONNXOpInterface>(op);
  // A signature serves a range of opsets; lowerings follow the newest one
  // (e.g. negative axes of SqueezeV1 are valid from opset 11).
  Ctx c(op, rewriter, onnxOp.getONNXOpType(), onnxOp.getLatestSinceVersion());
  for (Value v : operands)
    c.operands.push_back(peelCasts(v));
  // Uses are replaced when the conversion commits: the op still sees the
  // ONNX (signed/unsigned) types of its operands.
  llvm::append_range(c.origOperandTypes, op->getOperandTypes());
  llvm::append_range(c.origResultTypes, op->getResultTypes());
  // The prologue every lowering shares: required inputs given, tensors
  // ranked (Ctx::input relies on both).
  for (auto [k, kind] : llvm::enumerate(onnxOp.getInputKinds())) {
    if (kind == 'S' && !c.in(k))
      return c.fail("input " + Twine(k) + " is required");
  }
  for (auto [k, v] : llvm::enumerate(c.operands))
    if (isa<UnrankedTensorType>(v.getType()))
      return c.fail("operand " + Twine(k) + " has no known rank (type " +
                    llvm::formatv("{0}", v.getType()).str() + ")");
  if (failed(checkSpecRules(c)))
    return failure();
  FailureOr<SmallVector<Value>> results = fn(c);
  if (failed(results))
    return failure();
  if (results->size() != op->getNumResults())
    return c.fail("the lowering produced " + Twine(results->size()) +
                  " results for " + Twine(op->getNumResults()) +
                  " outputs (a lowering bug; please report it)");
  SmallVector<SmallVector<Value>> repls;
  for (auto [old, repl] : llvm::zip(op->getResults(), *results)) {
    if (!repl) {
      if (!old.use_empty())
        return c.fail("an optional output that is used is not produced");
      repls.emplace_back();
      continue;
    }
    // Keep a more static declared type where ours is dynamic.
    Type declared = toSignlessTensor(old.getType());
    auto dt = dyn_cast<RankedTensorType>(declared);
    auto rt = dyn_cast<RankedTensorType>(repl.getType());
    if (dt && rt && dt != rt && dt.getElementType() == rt.getElementType() &&
        dt.getRank() == rt.getRank() &&
        succeeded(verifyCompatibleShape(dt, rt)) &&
        llvm::count(dt.getShape(), ShapedType::kDynamic) <
            llvm::count(rt.getShape(), ShapedType::kDynamic))
      repl = tensor::CastOp::create(rewriter, op->getLoc(), dt, repl);
    repls.push_back({repl});
  }
  rewriter.replaceOpWithMultiple(op, std::move(repls));
  return success();
}

//===----------------------------------------------------------------------===//
// Constants, initializers, ops without a lowering
//===----------------------------------------------------------------------===//

namespace {
struct InitializerLowering : public OpConversionPattern<InitializerOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(InitializerOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(
        op, signlessElements(op.getValue()));
    return success();
  }
};

/// The last pattern tried on any op the target makes illegal: it names the
/// op that has no lowering (the driver's own message would only say that it
/// failed to legalize).
struct MissingLowering : public ConversionPattern {
  MissingLowering(const TypeConverter &converter, MLIRContext *ctx,
                  llvm::StringSet<> lowered)
      : ConversionPattern(converter, MatchAnyOpTypeTag(), /*benefit=*/0, ctx),
        lowered(std::move(lowered)) {}
  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value>,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isa<ONNXDialect>(op->getDialect()))
      return rewriter.notifyMatchFailure(op, "not an onnx op");
    // Its lowering has failed and said why.
    if (lowered.contains(op->getName().getStringRef()))
      return rewriter.notifyMatchFailure(op, "the lowering failed");
    if (auto custom = dyn_cast<CustomOp>(op))
      op->emitError() << "cannot lower custom op " << custom.getDomain()
                      << "::" << custom.getOpType()
                      << " to native code: only the default ONNX domain is "
                         "supported";
    else if (auto onnxOp = dyn_cast<ONNXOpInterface>(op))
      op->emitError() << "no native lowering for onnx."
                      << onnxOp.getONNXOpType() << " (opset "
                      << onnxOp.getLatestSinceVersion()
                      << ") yet; see docs/SupportedOps.md for the ops that "
                         "run natively";
    else
      op->emitError() << "no native lowering for " << op->getName();
    return rewriter.notifyMatchFailure(op, "no lowering");
  }

private:
  /// The ops that have a pattern of their own.
  llvm::StringSet<> lowered;
};
} // namespace

void lowering::populateONNXToLinalgPatterns(const TypeConverter &converter,
                                            RewritePatternSet &patterns) {
  LoweringSet set(patterns);
  set.add<op_types::Constant>(lowerConstant);
  populateONNXToElementwisePatterns(set);
  populateONNXToShapePatterns(set);
  populateONNXToReductionPatterns(set);
  populateONNXToNNPatterns(set);
  populateONNXToLossPatterns(set);
  populateONNXToControlFlowPatterns(set);
  patterns.add<InitializerLowering>(converter, patterns.getContext());
  patterns.add<MissingLowering>(converter, patterns.getContext(),
                                set.getLoweredOps());
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

namespace {
struct ConvertONNXToLinalgPass
    : public torch_onnx::impl::ConvertONNXToLinalgBase<
          ConvertONNXToLinalgPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *ctx = &getContext();
    ONNXToLinalgTypeConverter converter;
    RewritePatternSet patterns(ctx);
    populateONNXToLinalgPatterns(converter, patterns);
    populateFunctionOpInterfaceTypeConversionPattern<func::FuncOp>(patterns,
                                                                   converter);
    populateReturnOpTypeConversionPattern(patterns, converter);

    ConversionTarget target(*ctx);
    target.addLegalDialect<
        arith::ArithDialect, linalg::LinalgDialect, tensor::TensorDialect,
        math::MathDialect, scf::SCFDialect, cf::ControlFlowDialect,
        bufferization::BufferizationDialect, affine::AffineDialect>();
    target.addLegalOp<ModuleOp>();
    target.addIllegalDialect<ONNXDialect>();
    // Placeholders of absent inputs: consumed by their users, erased after.
    target.addLegalOp<NoValueOp>();
    target.addDynamicallyLegalOp<func::FuncOp>([&](func::FuncOp f) {
      return converter.isSignatureLegal(f.getFunctionType()) &&
             converter.isLegal(&f.getBody());
    });
    target.addDynamicallyLegalOp<func::ReturnOp>(
        [&](func::ReturnOp r) { return converter.isLegal(r); });

    // A lowering reports why it cannot lower an op; the driver's "failed to
    // legalize" that follows says nothing more.
    bool reported = false;
    ScopedDiagnosticHandler handler(ctx, [&](Diagnostic &d) {
      if (d.getSeverity() != DiagnosticSeverity::Error)
        return failure();
      if (reported && StringRef(d.str()).starts_with("failed to legalize"))
        return success();
      reported = true;
      return failure();
    });
    numOps = 0;
    module.walk([&](Operation *op) {
      if (isa<ONNXDialect>(op->getDialect()) && !isa<NoValueOp>(op))
        ++numOps;
    });
    // Folding is onnx-fold-constants' job (with its size limit and names);
    // here every op goes through its lowering.
    // Where a refined value meets a less refined declared type the driver
    // leaves an unrealized cast; they become tensor.cast below.
    ConversionConfig config;
    config.foldingMode = DialectConversionFoldingMode::Never;
    config.buildMaterializations = false;
    if (failed(
            applyFullConversion(module, target, std::move(patterns), config)))
      return signalPassFailure();

    WalkResult casts = module.walk([&](UnrealizedConversionCastOp cast) {
      if (cast->getNumOperands() != 1 || cast->getNumResults() != 1 ||
          !tensor::CastOp::areCastCompatible(cast->getOperand(0).getType(),
                                             cast->getResult(0).getType())) {
        cast->emitError("internal error: convert-onnx-to-linalg left a "
                        "conversion it cannot express as tensor.cast");
        return WalkResult::interrupt();
      }
      OpBuilder b(cast);
      cast->getResult(0).replaceAllUsesWith(tensor::CastOp::create(
          b, cast.getLoc(), cast->getResult(0).getType(), cast->getOperand(0)));
      cast->erase();
      return WalkResult::advance();
    });
    if (casts.wasInterrupted())
      return signalPassFailure();

    for (auto func : module.getOps<func::FuncOp>()) {
      if (func.isExternal())
        continue;
      func.walk([](NoValueOp nv) {
        if (nv->use_empty())
          nv->erase();
      });
      // Results take the lowered values' refined types.
      auto ret = cast<func::ReturnOp>(func.getBody().back().getTerminator());
      for (OpOperand &o : ret->getOpOperands())
        o.set(peelCasts(o.get()));
      func.setType(FunctionType::get(ctx, func.getArgumentTypes(),
                                     ret.getOperandTypes()));
    }
    // An onnx op left (a NoValue still used) is a bug in a lowering: report
    // it rather than emitting wrong code.
    WalkResult r = module.walk([&](Operation *op) {
      if (isa<ONNXDialect>(op->getDialect())) {
        op->emitError("internal error: op survived convert-onnx-to-linalg");
        return WalkResult::interrupt();
      }
      return WalkResult::advance();
    });
    if (r.wasInterrupted())
      signalPassFailure();
  }
};
} // namespace
