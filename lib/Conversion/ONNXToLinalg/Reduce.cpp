//===- Reduce.cpp - reductions, Softmax family, ArgMax, TopK, CumSum ------===//

#include "Lowering.h"

#include "mlir/Dialect/Math/IR/Math.h"

using namespace mlir;
using namespace mlir::ONNX::lowering;

static Value lowestOf(Ctx &c, Type t, bool isUnsigned) {
  if (auto ft = dyn_cast<FloatType>(t))
    return c.constF(t, -std::numeric_limits<double>::infinity());
  unsigned w = t.getIntOrFloatBitWidth();
  return arith::ConstantOp::create(
      c.b, c.loc, t,
      c.b.getIntegerAttr(t, isUnsigned || w == 1 ? APInt::getZero(w)
                                                 : APInt::getSignedMinValue(w)));
}
static Value highestOf(Ctx &c, Type t, bool isUnsigned) {
  if (isa<FloatType>(t))
    return c.constF(t, std::numeric_limits<double>::infinity());
  unsigned w = t.getIntOrFloatBitWidth();
  return arith::ConstantOp::create(
      c.b, c.loc, t,
      c.b.getIntegerAttr(t, isUnsigned || w == 1 ? APInt::getAllOnes(w)
                                                 : APInt::getSignedMaxValue(w)));
}

static Value addS(OpBuilder &b, Location l, Value x, Value y) {
  if (isa<FloatType>(x.getType()))
    return arith::AddFOp::create(b, l, x, y);
  return arith::AddIOp::create(b, l, x, y);
}
static Value mulS(OpBuilder &b, Location l, Value x, Value y) {
  if (isa<FloatType>(x.getType()))
    return arith::MulFOp::create(b, l, x, y);
  return arith::MulIOp::create(b, l, x, y);
}

/// Reduced axes of a Reduce* op (attribute, or input 1 for ReduceSum >= 13);
/// nullopt = identity (noop_with_empty_axes).
static FailureOr<std::optional<SmallVector<int64_t>>> reduceAxes(Ctx &c,
                                                                 int64_t rank) {
  SmallVector<int64_t> axes;
  if (auto a = c.ints("axes")) {
    axes = *a;
  } else if (Value v = c.in(1)) {
    auto a = c.constInts(v);
    if (!a) {
      (void)c.fail("axes must be constant");
      return failure();
    }
    axes = *a;
  }
  if (axes.empty()) {
    if (c.i("noop_with_empty_axes", 0))
      return std::optional<SmallVector<int64_t>>();
    for (int64_t d = 0; d < rank; ++d)
      axes.push_back(d);
  }
  for (int64_t &a : axes)
    a = wrapAxis(a, rank);
  return std::optional<SmallVector<int64_t>>(axes);
}

static FailureOr<SmallVector<Value>> lowerReduce(Ctx &c) {
  Value x = c.input(0);
  auto xt = cast<RankedTensorType>((x).getType());
  Type elem = xt.getElementType();
  auto axesOr = reduceAxes(c, xt.getRank());
  if (failed(axesOr))
    return failure();
  if (!*axesOr)
    return SmallVector<Value>{x};
  SmallVector<int64_t> axes = **axesOr;
  bool keep = c.i("keepdims", 1);
  StringRef t = c.opType;
  bool isU = c.inUnsigned(0);
  bool fl = isa<FloatType>(elem);
  auto add = [](OpBuilder &b, Location l, Value x, Value acc) {
    return addS(b, l, x, acc);
  };
  Value r;
  if (t == "ReduceSum" || t == "ReduceMean" || t == "ReduceLogSum") {
    r = c.reduce(x, axes, keep, c.constOf(elem, 0), add);
  } else if (t == "ReduceSumSquare" || t == "ReduceL2") {
    r = c.reduce(
        x, axes, keep, c.constOf(elem, 0), add,
        [](OpBuilder &b, Location l, Value x) { return mulS(b, l, x, x); });
  } else if (t == "ReduceL1") {
    r = c.reduce(x, axes, keep, c.constOf(elem, 0), add,
                 [fl](OpBuilder &b, Location l, Value x) -> Value {
                   if (fl)
                     return math::AbsFOp::create(b, l, x);
                   return math::AbsIOp::create(b, l, x);
                 });
  } else if (t == "ReduceLogSumExp") {
    if (!fl)
      return c.failure("integer inputs are not supported");
    r = c.reduce(x, axes, keep, c.constOf(elem, 0), add,
                 [](OpBuilder &b, Location l, Value x) -> Value {
                   return math::ExpOp::create(b, l, x);
                 });
  } else if (t == "ReduceProd") {
    r = c.reduce(x, axes, keep, c.constOf(elem, 1),
                 [](OpBuilder &b, Location l, Value x, Value acc) {
                   return mulS(b, l, x, acc);
                 });
  } else if (t == "ReduceMax") {
    r = c.reduce(
        x, axes, keep, lowestOf(c, elem, isU),
        [fl, isU](OpBuilder &b, Location l, Value x, Value acc) -> Value {
          if (fl)
            return arith::MaximumFOp::create(b, l, x, acc);
          if (isU)
            return arith::MaxUIOp::create(b, l, x, acc);
          return arith::MaxSIOp::create(b, l, x, acc);
        });
  } else if (t == "ReduceMin") {
    r = c.reduce(
        x, axes, keep, highestOf(c, elem, isU),
        [fl, isU](OpBuilder &b, Location l, Value x, Value acc) -> Value {
          if (fl)
            return arith::MinimumFOp::create(b, l, x, acc);
          if (isU)
            return arith::MinUIOp::create(b, l, x, acc);
          return arith::MinSIOp::create(b, l, x, acc);
        });
  } else {
    return c.failure("unknown reduction");
  }
  if (t == "ReduceMean") {
    Value nf = c.count(x, axes, elem);
    r = c.elementwise({r}, elem, [&](OpBuilder &b, Location l, ValueRange a) {
      if (fl)
        return (Value)arith::DivFOp::create(b, l, a[0], nf);
      return (Value)arith::DivSIOp::create(b, l, a[0], nf);
    });
  } else if (t == "ReduceL2") {
    r = c.elementwise({r}, elem, [&](OpBuilder &b, Location l, ValueRange a) {
      if (fl)
        return (Value)math::SqrtOp::create(b, l, a[0]);
      Value f = c.castScalar(a[0], c.origInElem(0), b.getF64Type());
      return c.castScalar(math::SqrtOp::create(b, l, f), b.getF64Type(),
                          c.origInElem(0));
    });
  } else if (t == "ReduceLogSum" || t == "ReduceLogSumExp") {
    r = c.elementwise({r}, elem, [&](OpBuilder &b, Location l, ValueRange a) {
      return (Value)math::LogOp::create(b, l, a[0]);
    });
  }
  return SmallVector<Value>{r};
}

/// ArgMax/ArgMin along `axis` (keepdims false): int64 indices.
static Value argReduce(Ctx &c, Value x, int64_t axis, bool isMax,
                       bool selectLast, bool isU) {
  auto xt = cast<RankedTensorType>(x.getType());
  int64_t r = xt.getRank();
  Type elem = xt.getElementType();
  SmallVector<OpFoldResult> out;
  SmallVector<AffineExpr> outExprs;
  SmallVector<utils::IteratorType> iters;
  for (int64_t d = 0; d < r; ++d) {
    iters.push_back(d == axis ? utils::IteratorType::reduction
                              : utils::IteratorType::parallel);
    if (d == axis)
      continue;
    out.push_back(c.dim(x, d));
    outExprs.push_back(c.b.getAffineDimExpr(d));
  }
  Value vinit = c.fill(out, elem, isMax ? lowestOf(c, elem, isU)
                                        : highestOf(c, elem, isU));
  Value iinit = c.fill(out, c.b.getI64Type(), c.i64(-1));
  auto omap = AffineMap::get(r, 0, outExprs, c.b.getContext());
  bool fl = isa<FloatType>(elem);
  auto g = linalg::GenericOp::create(
      c.b, c.loc, TypeRange{vinit.getType(), iinit.getType()}, ValueRange{x},
      ValueRange{vinit, iinit},
      {AffineMap::getMultiDimIdentityMap(r, c.b.getContext()), omap, omap},
      iters, [&](OpBuilder &b, Location l, ValueRange a) {
        Value v = a[0], cur = a[1], curI = a[2];
        Value i = arith::IndexCastOp::create(b, l, b.getI64Type(),
                                             linalg::IndexOp::create(b, l, axis));
        Value better;
        if (fl) {
          auto p = isMax ? (selectLast ? arith::CmpFPredicate::OGE
                                       : arith::CmpFPredicate::OGT)
                         : (selectLast ? arith::CmpFPredicate::OLE
                                       : arith::CmpFPredicate::OLT);
          better = arith::CmpFOp::create(b, l, p, v, cur);
        } else {
          using P = arith::CmpIPredicate;
          P p = isMax ? (selectLast ? (isU ? P::uge : P::sge)
                                    : (isU ? P::ugt : P::sgt))
                      : (selectLast ? (isU ? P::ule : P::sle)
                                    : (isU ? P::ult : P::slt));
          better = arith::CmpIOp::create(b, l, p, v, cur);
        }
        // The first element always wins (curI == -1).
        Value first = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq,
                                            curI,
                                            arith::ConstantIntOp::create(
                                                b, l, b.getI64Type(), -1));
        better = arith::OrIOp::create(b, l, better, first);
        linalg::YieldOp::create(
            b, l,
            ValueRange{arith::SelectOp::create(b, l, better, v, cur),
                       arith::SelectOp::create(b, l, better, i, curI)});
      });
  return g.getResult(1);
}

static FailureOr<SmallVector<Value>> lowerArg(Ctx &c) {
  Value x = c.input(0);
  int64_t r = cast<RankedTensorType>((x).getType()).getRank();
  int64_t axis = wrapAxis(c.i("axis", 0), r);
  Value idx = argReduce(c, x, axis, c.opType == "ArgMax",
                        c.i("select_last_index", 0), c.inUnsigned(0));
  if (c.i("keepdims", 1)) {
    SmallVector<OpFoldResult> d = c.dims(x);
    d[axis] = c.b.getIndexAttr(1);
    idx = c.reshape(idx, d);
  }
  return SmallVector<Value>{idx};
}

/// Axes a Softmax-family op normalizes over: one axis from opset 13, all
/// axes from `axis` on (the 2-D coercion) before.
static SmallVector<int64_t> softmaxAxes(Ctx &c, int64_t rank) {
  SmallVector<int64_t> axes;
  if (c.version >= 13) {
    axes.push_back(wrapAxis(c.i("axis", -1), rank));
    return axes;
  }
  for (int64_t d = wrapAxis(c.i("axis", 1), rank); d < rank; ++d)
    axes.push_back(d);
  return axes;
}

std::pair<Value, Value>
mlir::ONNX::lowering::softmaxParts(Ctx &c, Value x, ArrayRef<int64_t> axes) {
  Type elem = cast<RankedTensorType>(x.getType()).getElementType();
  Value m = c.reduce(x, axes, true, lowestOf(c, elem, false),
                     [](OpBuilder &b, Location l, Value v, Value acc) -> Value {
                       return arith::MaximumFOp::create(b, l, v, acc);
                     });
  Value sh = c.elementwise({x, m}, elem,
                           [](OpBuilder &b, Location l, ValueRange a) -> Value {
                             return arith::SubFOp::create(b, l, a[0], a[1]);
                           });
  Value s = c.reduce(sh, axes, true, c.constF(elem, 0),
                     [](OpBuilder &b, Location l, Value v, Value acc) -> Value {
                       return arith::AddFOp::create(b, l, v, acc);
                     },
                     [](OpBuilder &b, Location l, Value v) -> Value {
                       return math::ExpOp::create(b, l, v);
                     });
  return {sh, s};
}

static FailureOr<SmallVector<Value>> lowerSoftmax(Ctx &c) {
  Value x = c.input(0);
  auto xt = cast<RankedTensorType>((x).getType());
  Type elem = xt.getElementType();
  if (!isa<FloatType>(elem))
    return c.failure("input must be floating point");
  SmallVector<int64_t> axes = softmaxAxes(c, xt.getRank());
  auto [sh, s] = softmaxParts(c, x, axes);
  bool isLog = c.opType == "LogSoftmax";
  Value r = c.elementwise(
      {sh, s}, elem, [&](OpBuilder &b, Location l, ValueRange a) -> Value {
        if (isLog)
          return arith::SubFOp::create(b, l, a[0],
                                       math::LogOp::create(b, l, a[1]));
        return arith::DivFOp::create(b, l, math::ExpOp::create(b, l, a[0]),
                                     a[1]);
      });
  return SmallVector<Value>{r};
}

static FailureOr<SmallVector<Value>> lowerHardmax(Ctx &c) {
  Value x = c.input(0);
  auto xt = cast<RankedTensorType>((x).getType());
  int64_t r = xt.getRank();
  Type elem = xt.getElementType();
  SmallVector<int64_t> axes = softmaxAxes(c, r);
  Value in = x;
  SmallVector<OpFoldResult> origDims = c.dims(x);
  int64_t axis = axes[0];
  if (axes.size() > 1 || c.version < 13) {
    // Coerce to 2-D [prod(< axis), prod(>= axis)].
    Value a = c.index(1), bb = c.index(1);
    for (int64_t d = 0; d < r; ++d)
      (d < axis ? a : bb) = arith::MulIOp::create(c.b, c.loc, d < axis ? a : bb,
                                                  c.dimValue(x, d));
    in = c.reshape(x, {getAsOpFoldResult(a), getAsOpFoldResult(bb)});
    axis = 1;
  }
  Value idx = argReduce(c, in, axis, true, false, false);
  int64_t ir = cast<RankedTensorType>(in.getType()).getRank();
  SmallVector<AffineExpr> idxExprs;
  for (int64_t d = 0; d < ir; ++d)
    if (d != axis)
      idxExprs.push_back(c.b.getAffineDimExpr(d));
  Value init = c.empty(c.dims(in), elem);
  Value one = c.constOf(elem, 1), zero = c.constOf(elem, 0);
  auto g = linalg::GenericOp::create(
      c.b, c.loc, TypeRange{init.getType()}, ValueRange{idx}, ValueRange{init},
      {AffineMap::get(ir, 0, idxExprs, c.b.getContext()),
       AffineMap::getMultiDimIdentityMap(ir, c.b.getContext())},
      SmallVector<utils::IteratorType>(ir, utils::IteratorType::parallel),
      [&](OpBuilder &b, Location l, ValueRange a) {
        Value i = arith::IndexCastOp::create(b, l, b.getI64Type(),
                                             linalg::IndexOp::create(b, l, axis));
        Value hit =
            arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, i, a[0]);
        linalg::YieldOp::create(
            b, l, arith::SelectOp::create(b, l, hit, one, zero).getResult());
      });
  return SmallVector<Value>{c.reshape(g.getResult(0), origDims)};
}

static FailureOr<SmallVector<Value>> lowerCumSum(Ctx &c) {
  Value x = c.input(0);
  auto xt = cast<RankedTensorType>((x).getType());
  int64_t r = xt.getRank();
  auto av = c.constInts(c.in(1));
  if (!av)
    return c.failure("axis must be constant");
  int64_t axis = wrapAxis((*av)[0], r);
  bool excl = c.i("exclusive", 0), rev = c.i("reverse", 0);
  Type elem = xt.getElementType();
  // out[.., i, ..] = sum_j [j in range(i)] x[.., j, ..]; loop dim r is j.
  SmallVector<AffineExpr> inExprs, outExprs;
  for (int64_t d = 0; d < r; ++d) {
    inExprs.push_back(c.b.getAffineDimExpr(d == axis ? r : d));
    outExprs.push_back(c.b.getAffineDimExpr(d));
  }
  SmallVector<utils::IteratorType> iters(r, utils::IteratorType::parallel);
  iters.push_back(utils::IteratorType::reduction);
  Value zero = c.constOf(elem, 0);
  Value init = c.fill(c.dims(x), elem, zero);
  auto g = linalg::GenericOp::create(
      c.b, c.loc, TypeRange{init.getType()}, ValueRange{x}, ValueRange{init},
      {AffineMap::get(r + 1, 0, inExprs, c.b.getContext()),
       AffineMap::get(r + 1, 0, outExprs, c.b.getContext())},
      iters, [&](OpBuilder &b, Location l, ValueRange a) {
        Value i = linalg::IndexOp::create(b, l, axis);
        Value j = linalg::IndexOp::create(b, l, r);
        using P = arith::CmpIPredicate;
        P p = rev ? (excl ? P::ugt : P::uge) : (excl ? P::ult : P::ule);
        Value in = arith::CmpIOp::create(b, l, p, j, i);
        Value v = arith::SelectOp::create(b, l, in, a[0], zero);
        linalg::YieldOp::create(b, l, addS(b, l, a[1], v));
      });
  return SmallVector<Value>{g.getResult(0)};
}

static FailureOr<SmallVector<Value>> lowerTopK(Ctx &c) {
  Value x = c.input(0);
  auto xt = cast<RankedTensorType>((x).getType());
  int64_t r = xt.getRank();
  Type elem = xt.getElementType();
  int64_t axis = wrapAxis(c.i("axis", -1), r);
  bool largest = c.i("largest", 1);
  OpFoldResult k;
  if (c.version < 10)
    k = c.b.getIndexAttr(c.i("k", 0));
  else
    k = c.extractIndex(c.in(1), 0);
  if (!getConstantIntValue(k) || xt.isDynamicDim(axis)) {
    Value kv = c.ofr(k), n = c.ofr(c.dim(x, axis));
    Value zero = arith::ConstantIndexOp::create(c.b, c.loc, 0);
    c.check(arith::AndIOp::create(
                c.b, c.loc,
                arith::CmpIOp::create(c.b, c.loc, arith::CmpIPredicate::sge, kv,
                                      zero),
                arith::CmpIOp::create(c.b, c.loc, arith::CmpIPredicate::sle, kv,
                                      n)),
            "k is negative or larger than axis " + Twine(axis) +
                " (k must lie in [0, n] for an axis of n elements)");
  }
  bool fl = isa<FloatType>(elem), isU = c.inUnsigned(0);
  MLIRContext *ctx = c.b.getContext();
  // rank[.., i, ..] = #{ j : x_j before x_i in the sorted order }.
  SmallVector<AffineExpr> xi, xj;
  for (int64_t d = 0; d < r; ++d) {
    xi.push_back(c.b.getAffineDimExpr(d));
    xj.push_back(c.b.getAffineDimExpr(d == axis ? r : d));
  }
  SmallVector<utils::IteratorType> iters(r, utils::IteratorType::parallel);
  iters.push_back(utils::IteratorType::reduction);
  Value rinit = c.fill(c.dims(x), c.b.getI64Type(), c.i64(0));
  auto before = [&](OpBuilder &b, Location l, Value a, Value ia, Value bv,
                    Value ib) -> Value {
    // Is (a, ia) ordered before (bv, ib)?
    Value strict, eq;
    if (fl) {
      strict = arith::CmpFOp::create(
          b, l, largest ? arith::CmpFPredicate::OGT : arith::CmpFPredicate::OLT,
          a, bv);
      eq = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OEQ, a, bv);
    } else {
      using P = arith::CmpIPredicate;
      strict = arith::CmpIOp::create(
          b, l, largest ? (isU ? P::ugt : P::sgt) : (isU ? P::ult : P::slt), a,
          bv);
      eq = arith::CmpIOp::create(b, l, P::eq, a, bv);
    }
    Value lower = arith::CmpIOp::create(b, l, arith::CmpIPredicate::ult, ia, ib);
    return arith::OrIOp::create(b, l, strict,
                                arith::AndIOp::create(b, l, eq, lower));
  };
  auto rankG = linalg::GenericOp::create(
      c.b, c.loc, TypeRange{rinit.getType()}, ValueRange{x, x},
      ValueRange{rinit},
      {AffineMap::get(r + 1, 0, xi, ctx), AffineMap::get(r + 1, 0, xj, ctx),
       AffineMap::get(r + 1, 0, xi, ctx)},
      iters, [&](OpBuilder &b, Location l, ValueRange a) {
        Value i = linalg::IndexOp::create(b, l, axis);
        Value j = linalg::IndexOp::create(b, l, r);
        Value bef = before(b, l, a[1], j, a[0], i);
        Value inc = arith::ExtUIOp::create(b, l, b.getI64Type(), bef);
        linalg::YieldOp::create(b, l,
                                arith::AddIOp::create(b, l, a[2], inc).getResult());
      });
  Value ranks = rankG.getResult(0);
  // out[.., p, ..] = x_i with rank_i == p.
  SmallVector<OpFoldResult> out = c.dims(x);
  out[axis] = k;
  Value vinit = c.fill(out, elem, c.constOf(elem, 0));
  Value iinit = c.fill(out, c.b.getI64Type(), c.i64(0));
  auto g = linalg::GenericOp::create(
      c.b, c.loc, TypeRange{vinit.getType(), iinit.getType()},
      ValueRange{x, ranks}, ValueRange{vinit, iinit},
      {AffineMap::get(r + 1, 0, xj, ctx), AffineMap::get(r + 1, 0, xj, ctx),
       AffineMap::get(r + 1, 0, xi, ctx), AffineMap::get(r + 1, 0, xi, ctx)},
      iters, [&](OpBuilder &b, Location l, ValueRange a) {
        Value p = arith::IndexCastOp::create(b, l, b.getI64Type(),
                                             linalg::IndexOp::create(b, l, axis));
        Value j = arith::IndexCastOp::create(b, l, b.getI64Type(),
                                             linalg::IndexOp::create(b, l, r));
        Value hit =
            arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, a[1], p);
        linalg::YieldOp::create(
            b, l,
            ValueRange{arith::SelectOp::create(b, l, hit, a[0], a[2]),
                       arith::SelectOp::create(b, l, hit, j, a[3])});
      });
  return SmallVector<Value>{g.getResult(0), g.getResult(1)};
}

void mlir::ONNX::lowering::populateONNXToReductionPatterns(LoweringSet &t) {
  t.add<op_types::ReduceSum>(lowerReduce);
  t.add<op_types::ReduceMean>(lowerReduce);
  t.add<op_types::ReduceMax>(lowerReduce);
  t.add<op_types::ReduceMin>(lowerReduce);
  t.add<op_types::ReduceProd>(lowerReduce);
  t.add<op_types::ReduceL1>(lowerReduce);
  t.add<op_types::ReduceL2>(lowerReduce);
  t.add<op_types::ReduceLogSum>(lowerReduce);
  t.add<op_types::ReduceLogSumExp>(lowerReduce);
  t.add<op_types::ReduceSumSquare>(lowerReduce);
  t.add<op_types::ArgMax>(lowerArg);
  t.add<op_types::ArgMin>(lowerArg);
  t.add<op_types::Softmax>(lowerSoftmax);
  t.add<op_types::LogSoftmax>(lowerSoftmax);
  t.add<op_types::Hardmax>(lowerHardmax);
  t.add<op_types::CumSum>(lowerCumSum);
  t.add<op_types::TopK>(lowerTopK);
}
