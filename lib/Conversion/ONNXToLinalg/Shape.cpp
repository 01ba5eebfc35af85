//===- Shape.cpp - ONNX shape/data-movement ops -> tensor/linalg ----------===//
//
// Reshape family, Transpose, Concat/Split/Slice, Gather*, Expand/Tile,
// shape queries, ConstantOfShape/Range/EyeLike/OneHot, Pad, Trilu,
// DepthToSpace/SpaceToDepth. Sizes are OpFoldResults: constant where the
// shapes and shape inputs are, computed at run time otherwise.
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;
using namespace mlir::ONNX::lowering;

namespace {
/// Index arithmetic on OpFoldResults that folds when operands are constant.
struct IdxMath {
  Ctx &c;
  Value v(OpFoldResult r) { return c.ofr(r); }
  template <typename Op> OpFoldResult bin(OpFoldResult a, OpFoldResult b) {
    return getAsOpFoldResult(c.b.createOrFold<Op>(c.loc, v(a), v(b)));
  }
  OpFoldResult add(OpFoldResult a, OpFoldResult b) {
    return bin<arith::AddIOp>(a, b);
  }
  OpFoldResult sub(OpFoldResult a, OpFoldResult b) {
    return bin<arith::SubIOp>(a, b);
  }
  OpFoldResult mul(OpFoldResult a, OpFoldResult b) {
    return bin<arith::MulIOp>(a, b);
  }
  OpFoldResult div(OpFoldResult a, OpFoldResult b) {
    return bin<arith::DivSIOp>(a, b);
  }
  OpFoldResult ceilDiv(OpFoldResult a, OpFoldResult b) {
    return bin<arith::CeilDivSIOp>(a, b);
  }
  OpFoldResult max(OpFoldResult a, OpFoldResult b) {
    return bin<arith::MaxSIOp>(a, b);
  }
  OpFoldResult min(OpFoldResult a, OpFoldResult b) {
    return bin<arith::MinSIOp>(a, b);
  }
  OpFoldResult cst(int64_t x) { return c.b.getIndexAttr(x); }
  Value cmp(arith::CmpIPredicate p, OpFoldResult a, OpFoldResult b) {
    return c.b.createOrFold<arith::CmpIOp>(c.loc, p, v(a), v(b));
  }
  OpFoldResult select(Value cond, OpFoldResult a, OpFoldResult b) {
    return getAsOpFoldResult(
        c.b.createOrFold<arith::SelectOp>(c.loc, cond, v(a), v(b)));
  }
  OpFoldResult clamp(OpFoldResult x, OpFoldResult lo, OpFoldResult hi) {
    return min(max(x, lo), hi);
  }
};
} // namespace

static Value toIndex(OpBuilder &b, Location l, Value x) {
  if (x.getType().isIndex())
    return x;
  return arith::IndexCastOp::create(b, l, b.getIndexType(), x);
}

/// Values of 1-D int tensor `v` (static length) as OpFoldResults.
static FailureOr<SmallVector<OpFoldResult>> shapeValues(Ctx &c, Value v) {
  auto rt = dyn_cast<RankedTensorType>(v.getType());
  if (!rt || rt.getRank() > 1 || (rt.getRank() == 1 && rt.isDynamicDim(0))) {
    (void)c.fail("a shape/index input of unknown length is not supported");
    return failure();
  }
  int64_t n = rt.getRank() == 0 ? 1 : rt.getDimSize(0);
  SmallVector<OpFoldResult> r;
  for (int64_t k = 0; k < n; ++k)
    r.push_back(c.extractIndex(v, k));
  return r;
}

static FailureOr<SmallVector<Value>> lowerReshape(Ctx &c) {
  Value x = c.input(0);
  SmallVector<OpFoldResult> target;
  if (c.version < 5) {
    auto s = c.ints("shape");
    if (!s)
      return c.failure("missing shape");
    for (int64_t v : *s)
      target.push_back(c.b.getIndexAttr(v));
  } else {
    auto s = shapeValues(c, c.in(1));
    if (failed(s))
      return failure();
    target = *s;
  }
  bool allowZero = c.i("allowzero", 0);
  IdxMath m{c};
  SmallVector<OpFoldResult> inDims = c.dims(x);
  OpFoldResult total = m.cst(1);
  for (OpFoldResult d : inDims)
    total = m.mul(total, d);
  using P = arith::CmpIPredicate;
  for (unsigned k = 0; k < target.size(); ++k)
    if (!allowZero && k < inDims.size())
      target[k] = m.select(m.cmp(P::eq, target[k], m.cst(0)), inDims[k],
                           target[k]);
  OpFoldResult known = m.cst(1);
  for (OpFoldResult t : target)
    known = m.mul(known, m.select(m.cmp(P::eq, t, m.cst(-1)), m.cst(1), t));
  // A 0 among the known dims next to a -1 would divide by zero: divide by
  // 1 instead and let the element-count check below report it.
  OpFoldResult divisor =
      m.select(m.cmp(P::eq, known, m.cst(0)), m.cst(1), known);
  for (OpFoldResult &t : target)
    t = m.select(m.cmp(P::eq, t, m.cst(-1)), m.div(total, divisor), t);
  // The ONNX rule: the new shape holds exactly the input's elements, and
  // no dim is negative (a run-time check where not static).
  OpFoldResult product = m.cst(1);
  Value ok = m.cmp(P::eq, m.cst(0), m.cst(0));
  for (OpFoldResult t : target) {
    product = m.mul(product, t);
    ok = c.b.createOrFold<arith::AndIOp>(c.loc, ok, m.cmp(P::sge, t, m.cst(0)));
  }
  ok = c.b.createOrFold<arith::AndIOp>(c.loc, ok, m.cmp(P::eq, product, total));
  c.check(ok, "the new shape does not hold the input's element count "
              "(or has a negative dim)");
  return SmallVector<Value>{c.reshape(x, target)};
}

static FailureOr<SmallVector<Value>> lowerFlatten(Ctx &c) {
  Value x = c.input(0);
  int64_t rank = cast<RankedTensorType>((x).getType()).getRank();
  int64_t axis = wrapAxis(c.i("axis", 1), rank);
  IdxMath m{c};
  OpFoldResult a = m.cst(1), bb = m.cst(1);
  for (int64_t d = 0; d < rank; ++d)
    (d < axis ? a : bb) = m.mul(d < axis ? a : bb, c.dim(x, d));
  return SmallVector<Value>{c.reshape(x, {a, bb})};
}

static std::optional<SmallVector<int64_t>> axesOf(Ctx &c, unsigned inputIdx) {
  if (auto a = c.ints("axes"))
    return a;
  if (Value v = c.in(inputIdx))
    return c.constInts(v);
  return SmallVector<int64_t>{};
}

static FailureOr<SmallVector<Value>> lowerSqueeze(Ctx &c) {
  Value x = c.input(0);
  auto rt = cast<RankedTensorType>((x).getType());
  auto axes = axesOf(c, 1);
  if (!axes)
    return c.failure("axes must be constant");
  llvm::SmallDenseSet<int64_t> drop;
  for (int64_t a : *axes)
    drop.insert(wrapAxis(a, rt.getRank()));
  if (axes->empty())
    for (int64_t d = 0; d < rt.getRank(); ++d) {
      if (rt.isDynamicDim(d))
        return c.failure("squeezing all size-1 dims needs static shapes");
      if (rt.getDimSize(d) == 1)
        drop.insert(d);
    }
  SmallVector<OpFoldResult> out;
  for (int64_t d = 0; d < rt.getRank(); ++d)
    if (!drop.count(d))
      out.push_back(c.dim(x, d));
  return SmallVector<Value>{c.reshape(x, out)};
}

static FailureOr<SmallVector<Value>> lowerUnsqueeze(Ctx &c) {
  Value x = c.input(0);
  auto rt = cast<RankedTensorType>((x).getType());
  auto axes = axesOf(c, 1);
  if (!axes)
    return c.failure("axes must be constant");
  int64_t outRank = rt.getRank() + axes->size();
  llvm::SmallDenseSet<int64_t> ins;
  for (int64_t a : *axes)
    ins.insert(wrapAxis(a, outRank));
  SmallVector<OpFoldResult> out;
  int64_t k = 0;
  for (int64_t d = 0; d < outRank; ++d)
    out.push_back(ins.count(d) ? c.b.getIndexAttr(1) : c.dim(x, k++));
  return SmallVector<Value>{c.reshape(x, out)};
}

static FailureOr<SmallVector<Value>> lowerTranspose(Ctx &c) {
  Value x = c.input(0);
  auto rt = cast<RankedTensorType>((x).getType());
  SmallVector<int64_t> perm;
  if (auto p = c.ints("perm"))
    perm = *p;
  else
    for (int64_t d = rt.getRank() - 1; d >= 0; --d)
      perm.push_back(d);
  SmallVector<OpFoldResult> out;
  for (int64_t p : perm)
    out.push_back(c.dim(x, p));
  Value init = c.empty(out, rt.getElementType());
  return SmallVector<Value>{
      linalg::TransposeOp::create(c.b, c.loc, x, init, perm).getResult()[0]};
}

static FailureOr<SmallVector<Value>> lowerConcat(Ctx &c) {
  SmallVector<Value> ins = c.allInputs();
  if (ins.empty())
    return c.failure("no inputs");
  for (Value v : ins)
    if (!isa<RankedTensorType>(v.getType()))
      return c.failure("inputs must be ranked");
  int64_t rank = cast<RankedTensorType>(ins[0].getType()).getRank();
  int64_t axis = wrapAxis(c.i("axis", 0), rank);
  IdxMath m{c};
  SmallVector<OpFoldResult> out = c.dims(ins[0]);
  out[axis] = m.cst(0);
  for (Value v : ins)
    out[axis] = m.add(out[axis], c.dim(v, axis));
  for (Value v : llvm::drop_begin(ins))
    for (int64_t d = 0; d < rank; ++d)
      if (d != axis)
        c.checkSameSize(c.dim(v, d), out[d],
                        "inputs disagree on dim " + Twine(d) +
                            " (all dims but the axis must match)");
  Value acc = c.empty(out, c.resultElem(0));
  OpFoldResult off = m.cst(0);
  for (Value v : ins) {
    SmallVector<OpFoldResult> offs(rank, m.cst(0)), strides(rank, m.cst(1));
    offs[axis] = off;
    acc = tensor::InsertSliceOp::create(c.b, c.loc, v, acc, offs, c.dims(v),
                                        strides);
    off = m.add(off, c.dim(v, axis));
  }
  return SmallVector<Value>{acc};
}

static FailureOr<SmallVector<Value>> lowerSplit(Ctx &c) {
  Value x = c.input(0);
  int64_t rank = cast<RankedTensorType>((x).getType()).getRank();
  int64_t axis = wrapAxis(c.i("axis", 0), rank);
  unsigned n = c.op->getNumResults();
  IdxMath m{c};
  SmallVector<OpFoldResult> sizes;
  if (auto s = c.ints("split")) {
    for (int64_t v : *s)
      sizes.push_back(m.cst(v));
  } else if (Value sv = c.in(1)) {
    auto s = shapeValues(c, sv);
    if (failed(s))
      return failure();
    sizes = *s;
  } else {
    OpFoldResult each = m.ceilDiv(c.dim(x, axis), m.cst(n));
    OpFoldResult used = m.cst(0);
    for (unsigned k = 0; k < n; ++k) {
      OpFoldResult sz = k + 1 < n ? each : m.sub(c.dim(x, axis), used);
      sizes.push_back(sz);
      used = m.add(used, sz);
    }
  }
  if (sizes.size() != n)
    return c.failure("split has " + Twine(sizes.size()) + " sizes for " +
                     Twine(n) + " outputs");
  // Given sizes (static ones are checked before lowering): none negative,
  // adding up to the axis.
  if (c.has("split") || c.in(1)) {
    OpFoldResult sum = m.cst(0);
    for (OpFoldResult sz : sizes) {
      c.check(m.cmp(arith::CmpIPredicate::sge, sz, m.cst(0)),
              "a split size is negative");
      sum = m.add(sum, sz);
    }
    c.checkSameSize(sum, c.dim(x, axis),
                    "the split sizes do not add up to the size of axis " +
                        Twine(axis));
  }
  SmallVector<Value> r;
  OpFoldResult off = m.cst(0);
  for (unsigned k = 0; k < n; ++k) {
    SmallVector<OpFoldResult> offs(rank, m.cst(0)), strides(rank, m.cst(1));
    SmallVector<OpFoldResult> szs = c.dims(x);
    offs[axis] = off;
    szs[axis] = sizes[k];
    r.push_back(
        tensor::ExtractSliceOp::create(c.b, c.loc, x, offs, szs, strides));
    off = m.add(off, sizes[k]);
  }
  return r;
}

static FailureOr<SmallVector<Value>> lowerSlice(Ctx &c) {
  Value x = c.input(0);
  int64_t rank = cast<RankedTensorType>((x).getType()).getRank();
  SmallVector<OpFoldResult> starts, ends;
  SmallVector<int64_t> axes, steps;
  if (c.version < 10) {
    auto s = c.ints("starts"), e = c.ints("ends");
    if (!s || !e)
      return c.failure("missing starts/ends");
    for (int64_t v : *s)
      starts.push_back(c.b.getIndexAttr(v));
    for (int64_t v : *e)
      ends.push_back(c.b.getIndexAttr(v));
    if (auto a = c.ints("axes"))
      axes = *a;
  } else {
    auto s = shapeValues(c, c.in(1));
    auto e = shapeValues(c, c.in(2));
    if (failed(s) || failed(e))
      return failure();
    starts = *s;
    ends = *e;
    if (Value av = c.in(3)) {
      auto a = c.constInts(av);
      if (!a)
        return c.failure("axes must be constant");
      axes = *a;
    }
    if (Value sv = c.in(4)) {
      auto st = c.constInts(sv);
      if (!st)
        return c.failure("steps must be constant");
      steps = *st;
    }
  }
  if (axes.empty())
    for (unsigned k = 0; k < starts.size(); ++k)
      axes.push_back(k);
  if (steps.empty())
    steps.assign(starts.size(), 1);
  IdxMath m{c};
  SmallVector<OpFoldResult> offs(rank, m.cst(0)), sizes = c.dims(x);
  SmallVector<int64_t> strides(rank, 1);
  bool negative = false;
  for (unsigned k = 0; k < axes.size(); ++k) {
    int64_t a = wrapAxis(axes[k], rank), st = steps[k];
    if (st == 0)
      return c.failure("step 0 is invalid");
    OpFoldResult d = c.dim(x, a);
    auto norm = [&](OpFoldResult v) {
      return m.select(m.cmp(arith::CmpIPredicate::slt, v, m.cst(0)),
                      m.add(v, d), v);
    };
    OpFoldResult s = norm(starts[k]), e = norm(ends[k]);
    if (st > 0) {
      s = m.clamp(s, m.cst(0), d);
      e = m.clamp(e, m.cst(0), d);
      sizes[a] = m.max(m.ceilDiv(m.sub(e, s), m.cst(st)), m.cst(0));
    } else {
      negative = true;
      OpFoldResult dm1 = m.sub(d, m.cst(1));
      s = m.clamp(s, m.cst(0), dm1);
      e = m.clamp(e, m.cst(-1), dm1);
      sizes[a] = m.max(m.ceilDiv(m.sub(s, e), m.cst(-st)), m.cst(0));
    }
    offs[a] = s;
    strides[a] = st;
  }
  if (!negative) {
    SmallVector<OpFoldResult> strs;
    for (int64_t s : strides)
      strs.push_back(m.cst(s));
    return SmallVector<Value>{
        tensor::ExtractSliceOp::create(c.b, c.loc, x, offs, sizes, strs)};
  }
  // Negative steps: gather with computed indices.
  Type elem = cast<RankedTensorType>((x).getType()).getElementType();
  Value init = c.empty(sizes, elem);
  SmallVector<Value> offVals;
  for (OpFoldResult o : offs)
    offVals.push_back(c.ofr(o));
  auto g = linalg::GenericOp::create(
      c.b, c.loc, TypeRange{init.getType()}, ValueRange{}, ValueRange{init},
      {AffineMap::getMultiDimIdentityMap(rank, c.b.getContext())},
      SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel),
      [&](OpBuilder &b, Location l, ValueRange) {
        SmallVector<Value> idx;
        for (int64_t d = 0; d < rank; ++d) {
          Value i = linalg::IndexOp::create(b, l, d);
          Value st = arith::ConstantIndexOp::create(b, l, strides[d]);
          idx.push_back(arith::AddIOp::create(
              b, l, offVals[d], arith::MulIOp::create(b, l, i, st)));
        }
        linalg::YieldOp::create(
            b, l, tensor::ExtractOp::create(b, l, x, idx).getResult());
      });
  return SmallVector<Value>{g.getResult(0)};
}

/// Normalizes index `i` (any int type) against dim `d`: i < 0 ? i + d : i.
static Value normIndex(OpBuilder &b, Location l, Value i, Value d) {
  Value ii = toIndex(b, l, i);
  Value neg = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, ii,
                                    arith::ConstantIndexOp::create(b, l, 0));
  return arith::SelectOp::create(b, l, neg, arith::AddIOp::create(b, l, ii, d),
                                 ii);
}

static FailureOr<SmallVector<Value>> lowerGather(Ctx &c) {
  Value x = c.input(0), idx = c.input(1);
  auto xt = cast<RankedTensorType>((x).getType());
  auto it = cast<RankedTensorType>((idx).getType());
  int64_t r = xt.getRank(), q = it.getRank();
  int64_t axis = wrapAxis(c.i("axis", 0), r);
  SmallVector<OpFoldResult> out;
  for (int64_t d = 0; d < axis; ++d)
    out.push_back(c.dim(x, d));
  for (int64_t d = 0; d < q; ++d)
    out.push_back(c.dim(idx, d));
  for (int64_t d = axis + 1; d < r; ++d)
    out.push_back(c.dim(x, d));
  int64_t outRank = out.size();
  SmallVector<AffineExpr> idxExprs;
  for (int64_t d = 0; d < q; ++d)
    idxExprs.push_back(c.b.getAffineDimExpr(axis + d));
  Value axisDim = c.dimValue(x, axis);
  if (!matchPattern(idx, m_Constant()))
    c.checkIndexRange(idx, axisDim, axis);
  Value init = c.empty(out, xt.getElementType());
  auto g = linalg::GenericOp::create(
      c.b, c.loc, TypeRange{init.getType()}, ValueRange{idx}, ValueRange{init},
      {AffineMap::get(outRank, 0, idxExprs, c.b.getContext()),
       AffineMap::getMultiDimIdentityMap(outRank, c.b.getContext())},
      SmallVector<utils::IteratorType>(outRank, utils::IteratorType::parallel),
      [&](OpBuilder &b, Location l, ValueRange a) {
        SmallVector<Value> ind;
        for (int64_t d = 0; d < axis; ++d)
          ind.push_back(linalg::IndexOp::create(b, l, d));
        ind.push_back(normIndex(b, l, a[0], axisDim));
        for (int64_t d = axis + 1; d < r; ++d)
          ind.push_back(linalg::IndexOp::create(b, l, d - 1 + q));
        linalg::YieldOp::create(
            b, l, tensor::ExtractOp::create(b, l, x, ind).getResult());
      });
  return SmallVector<Value>{g.getResult(0)};
}

static FailureOr<SmallVector<Value>> lowerGatherElements(Ctx &c) {
  Value x = c.input(0), idx = c.input(1);
  auto xt = cast<RankedTensorType>((x).getType());
  int64_t r = xt.getRank();
  int64_t axis = wrapAxis(c.i("axis", 0), r);
  Value axisDim = c.dimValue(x, axis);
  if (!matchPattern(idx, m_Constant()))
    c.checkIndexRange(idx, axisDim, axis);
  Value init = c.empty(c.dims(idx), xt.getElementType());
  auto id = AffineMap::getMultiDimIdentityMap(r, c.b.getContext());
  auto g = linalg::GenericOp::create(
      c.b, c.loc, TypeRange{init.getType()}, ValueRange{idx}, ValueRange{init},
      {id, id},
      SmallVector<utils::IteratorType>(r, utils::IteratorType::parallel),
      [&](OpBuilder &b, Location l, ValueRange a) {
        SmallVector<Value> ind;
        for (int64_t d = 0; d < r; ++d)
          ind.push_back(d == axis ? normIndex(b, l, a[0], axisDim)
                                  : (Value)linalg::IndexOp::create(b, l, d));
        linalg::YieldOp::create(
            b, l, tensor::ExtractOp::create(b, l, x, ind).getResult());
      });
  return SmallVector<Value>{g.getResult(0)};
}

static FailureOr<SmallVector<Value>> lowerExpand(Ctx &c) {
  Value x = c.input(0);
  auto s = shapeValues(c, c.in(1));
  if (failed(s))
    return failure();
  auto xt = cast<RankedTensorType>((x).getType());
  int64_t rank = std::max<int64_t>(xt.getRank(), s->size());
  IdxMath m{c};
  SmallVector<OpFoldResult> out;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t ks = d - (rank - (int64_t)s->size());
    int64_t kx = d - (rank - xt.getRank());
    OpFoldResult sv = ks >= 0 ? (*s)[ks] : m.cst(1);
    if (kx < 0) {
      out.push_back(sv);
      continue;
    }
    OpFoldResult xv = c.dim(x, kx);
    if (getConstantIntValue(xv) && *getConstantIntValue(xv) != 1) {
      out.push_back(xv);
      continue;
    }
    out.push_back(m.select(m.cmp(arith::CmpIPredicate::eq, sv, m.cst(1)), xv,
                           sv));
  }
  Value r = c.elementwise(
      {x}, xt.getElementType(),
      [](OpBuilder &, Location, ValueRange a) { return a[0]; }, out);
  return SmallVector<Value>{r};
}

static FailureOr<SmallVector<Value>> lowerTile(Ctx &c) {
  Value x = c.input(0);
  auto reps = shapeValues(c, c.in(1));
  if (failed(reps))
    return failure();
  auto xt = cast<RankedTensorType>((x).getType());
  int64_t r = xt.getRank();
  IdxMath m{c};
  SmallVector<OpFoldResult> out;
  SmallVector<Value> inDims;
  for (int64_t d = 0; d < r; ++d) {
    out.push_back(m.mul(c.dim(x, d), (*reps)[d]));
    inDims.push_back(c.dimValue(x, d));
  }
  Value init = c.empty(out, xt.getElementType());
  auto g = linalg::GenericOp::create(
      c.b, c.loc, TypeRange{init.getType()}, ValueRange{}, ValueRange{init},
      {AffineMap::getMultiDimIdentityMap(r, c.b.getContext())},
      SmallVector<utils::IteratorType>(r, utils::IteratorType::parallel),
      [&](OpBuilder &b, Location l, ValueRange) {
        SmallVector<Value> ind;
        for (int64_t d = 0; d < r; ++d)
          ind.push_back(arith::RemUIOp::create(
              b, l, linalg::IndexOp::create(b, l, d), inDims[d]));
        linalg::YieldOp::create(
            b, l, tensor::ExtractOp::create(b, l, x, ind).getResult());
      });
  return SmallVector<Value>{g.getResult(0)};
}

static FailureOr<SmallVector<Value>> lowerConstantOfShape(Ctx &c) {
  auto s = shapeValues(c, c.in(0));
  if (failed(s))
    return failure();
  Type elem = c.b.getF32Type();
  double v = 0;
  if (auto ea = dyn_cast_or_null<ElementsAttr>(c.attr("value"))) {
    elem = toSignless(ea.getElementType());
    if (auto d = dyn_cast<DenseElementsAttr>(ea)) {
      if (isa<FloatType>(elem))
        v = (*d.getValues<APFloat>().begin()).convertToDouble();
      else
        v = ea.getElementType().isUnsignedInteger() || elem.isInteger(1)
                ? (double)(*d.getValues<APInt>().begin()).getZExtValue()
                : (double)(*d.getValues<APInt>().begin()).getSExtValue();
    }
  }
  return SmallVector<Value>{c.fill(*s, elem, c.constOf(elem, v))};
}

static FailureOr<SmallVector<Value>> lowerShape(Ctx &c) {
  Value x = c.input(0);
  int64_t r = cast<RankedTensorType>((x).getType()).getRank();
  int64_t start = wrapAxis(c.i("start", 0), r), end = c.i("end", r);
  end = wrapAxis(end, r);
  start = std::clamp<int64_t>(start, 0, r);
  end = std::clamp<int64_t>(end, 0, r);
  SmallVector<Value> elems;
  for (int64_t d = start; d < end; ++d)
    elems.push_back(arith::IndexCastOp::create(c.b, c.loc, c.b.getI64Type(),
                                               c.dimValue(x, d)));
  auto t = RankedTensorType::get({(int64_t)elems.size()}, c.b.getI64Type());
  if (elems.empty())
    return SmallVector<Value>{c.empty({c.b.getIndexAttr(0)}, c.b.getI64Type())};
  return SmallVector<Value>{tensor::FromElementsOp::create(c.b, c.loc, t,
                                                           elems)};
}

static FailureOr<SmallVector<Value>> lowerSize(Ctx &c) {
  Value x = c.input(0);
  IdxMath m{c};
  OpFoldResult n = m.cst(1);
  for (OpFoldResult d : c.dims(x))
    n = m.mul(n, d);
  Value e = arith::IndexCastOp::create(c.b, c.loc, c.b.getI64Type(), c.ofr(n));
  return SmallVector<Value>{tensor::FromElementsOp::create(
      c.b, c.loc, RankedTensorType::get({}, c.b.getI64Type()), e)};
}

static FailureOr<SmallVector<Value>> lowerRange(Ctx &c) {
  OpBuilder &b = c.b;
  Location l = c.loc;
  Value start = c.extractScalar(c.in(0)), limit = c.extractScalar(c.in(1)),
        delta = c.extractScalar(c.in(2));
  Type elem = start.getType();
  Value n;
  // delta = 0 never reaches the limit: refused at run time (and never
  // divided by).
  Value deltaOk =
      isa<FloatType>(elem)
          ? (Value)arith::CmpFOp::create(b, l, arith::CmpFPredicate::ONE, delta,
                                         c.constF(elem, 0))
          : (Value)arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne, delta,
                                         c.constI(elem, 0));
  c.check(deltaOk, "delta is 0 (the range would never end)");
  if (!isa<FloatType>(elem))
    delta = arith::SelectOp::create(b, l, deltaOk, delta, c.constI(elem, 1));
  if (isa<FloatType>(elem)) {
    Value q = arith::DivFOp::create(
        b, l, arith::SubFOp::create(b, l, limit, start), delta);
    q = math::CeilOp::create(b, l, q);
    q = arith::MaxNumFOp::create(b, l, q, c.constF(elem, 0));
    // Past 2^40 elements (or NaN) the size check of the output refuses it;
    // clamp first so the conversion to an integer is defined.
    q = arith::MinNumFOp::create(b, l, q,
                                 c.constF(elem, 2 * kMaxRuntimeElements));
    n = arith::FPToSIOp::create(b, l, b.getI64Type(), q);
  } else {
    Value q = arith::CeilDivSIOp::create(
        b, l, arith::SubIOp::create(b, l, limit, start), delta);
    q = arith::MaxSIOp::create(b, l, q, c.constI(elem, 0));
    n = c.castScalar(q, c.origInElem(0), b.getI64Type());
  }
  Value ni = toIndex(b, l, n);
  Value init = c.empty({ni}, elem);
  auto g = linalg::GenericOp::create(
      b, l, TypeRange{init.getType()}, ValueRange{}, ValueRange{init},
      {AffineMap::getMultiDimIdentityMap(1, b.getContext())},
      {utils::IteratorType::parallel},
      [&](OpBuilder &nb, Location nl, ValueRange) {
        Value i = linalg::IndexOp::create(nb, nl, 0);
        Value i64 = arith::IndexCastOp::create(nb, nl, nb.getI64Type(), i);
        Value iv = c.castScalar(i64, nb.getI64Type(), c.origInElem(0));
        Value r = isa<FloatType>(elem)
                      ? (Value)arith::AddFOp::create(
                            nb, nl, start, arith::MulFOp::create(nb, nl, iv, delta))
                      : (Value)arith::AddIOp::create(
                            nb, nl, start, arith::MulIOp::create(nb, nl, iv, delta));
        linalg::YieldOp::create(nb, nl, r);
      });
  return SmallVector<Value>{g.getResult(0)};
}

static FailureOr<SmallVector<Value>> lowerPad(Ctx &c) {
  Value x = c.input(0);
  auto xt = cast<RankedTensorType>((x).getType());
  int64_t r = xt.getRank();
  Type elem = xt.getElementType();
  std::string mode = c.s("mode", "constant");
  SmallVector<OpFoldResult> pads;
  Value padValue;
  if (c.version < 11) {
    auto p = c.ints(c.version < 2 ? "paddings" : "pads");
    if (!p)
      return c.failure("missing pads");
    for (int64_t v : *p)
      pads.push_back(c.b.getIndexAttr(v));
    padValue = c.constOf(elem, c.f("value", 0.0));
  } else {
    auto p = shapeValues(c, c.in(1));
    if (failed(p))
      return failure();
    pads = *p;
    if (Value cv = c.in(2))
      padValue = c.extractScalar(cv);
    else
      padValue = c.constOf(elem, 0);
  }
  SmallVector<int64_t> axes;
  if (Value av = c.in(3)) {
    auto a = c.constInts(av);
    if (!a)
      return c.failure("axes must be constant");
    for (int64_t v : *a)
      axes.push_back(wrapAxis(v, r));
  } else {
    for (int64_t d = 0; d < r; ++d)
      axes.push_back(d);
  }
  if (pads.size() != 2 * axes.size())
    return c.failure("pads must have 2 values per padded axis");
  IdxMath m{c};
  SmallVector<OpFoldResult> lo(r, m.cst(0)), hi(r, m.cst(0));
  for (unsigned k = 0; k < axes.size(); ++k) {
    lo[axes[k]] = pads[k];
    hi[axes[k]] = pads[k + axes.size()];
    for (OpFoldResult p : {pads[k], pads[k + axes.size()]}) {
      if (auto cst = getConstantIntValue(p)) {
        if (*cst < 0)
          return c.failure("negative pads (cropping) are not supported");
      } else {
        c.check(m.cmp(arith::CmpIPredicate::sge, p, m.cst(0)),
                "pads has a negative value (cropping is not supported)");
      }
    }
  }
  // edge/reflect read the input's border: an empty axis has none, so it may
  // only be padded in constant mode.
  if (mode == "edge" || mode == "reflect") {
    for (int64_t d : axes) {
      if (!xt.isDynamicDim(d) && xt.getDimSize(d) > 0)
        continue;
      OpFoldResult total = m.add(lo[d], hi[d]);
      if (auto tc = getConstantIntValue(total); tc && !xt.isDynamicDim(d)) {
        if (*tc != 0)
          return c.failure("axis " + Twine(d) + " is empty; " + mode +
                           " padding needs at least one element to repeat "
                           "(use mode 'constant')");
        continue;
      }
      c.check(arith::OrIOp::create(
                  c.b, c.loc,
                  m.cmp(arith::CmpIPredicate::sgt, c.dim(x, d), m.cst(0)),
                  m.cmp(arith::CmpIPredicate::eq, total, m.cst(0))),
              "an empty axis is padded in " + mode +
                  " mode (it needs at least one element to repeat)");
    }
  }
  if (mode == "constant") {
    SmallVector<int64_t> shape;
    for (int64_t d = 0; d < r; ++d) {
      auto l = getConstantIntValue(lo[d]), h = getConstantIntValue(hi[d]);
      shape.push_back(l && h && !xt.isDynamicDim(d)
                          ? xt.getDimSize(d) + *l + *h
                          : ShapedType::kDynamic);
    }
    auto t = RankedTensorType::get(shape, elem);
    return SmallVector<Value>{
        tensor::PadOp::create(c.b, c.loc, t, x, lo, hi, padValue).getResult()};
  }
  if (mode != "edge" && mode != "reflect")
    return c.failure("pad mode '" + mode + "' is not supported");
  bool reflect = mode == "reflect";
  SmallVector<OpFoldResult> out;
  SmallVector<Value> loV, dimV;
  for (int64_t d = 0; d < r; ++d) {
    out.push_back(m.add(m.add(c.dim(x, d), lo[d]), hi[d]));
    loV.push_back(c.ofr(lo[d]));
    dimV.push_back(c.dimValue(x, d));
  }
  Value init = c.empty(out, elem);
  auto g = linalg::GenericOp::create(
      c.b, c.loc, TypeRange{init.getType()}, ValueRange{}, ValueRange{init},
      {AffineMap::getMultiDimIdentityMap(r, c.b.getContext())},
      SmallVector<utils::IteratorType>(r, utils::IteratorType::parallel),
      [&](OpBuilder &b, Location l, ValueRange) {
        SmallVector<Value> ind;
        Value zero = arith::ConstantIndexOp::create(b, l, 0);
        Value one = arith::ConstantIndexOp::create(b, l, 1);
        for (int64_t d = 0; d < r; ++d) {
          Value i = arith::SubIOp::create(b, l, linalg::IndexOp::create(b, l, d),
                                          loV[d]);
          Value last = arith::SubIOp::create(b, l, dimV[d], one);
          if (reflect) {
            Value neg = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, i,
                                              zero);
            i = arith::SelectOp::create(
                b, l, neg, arith::SubIOp::create(b, l, zero, i), i);
            Value over = arith::CmpIOp::create(b, l, arith::CmpIPredicate::sgt,
                                               i, last);
            Value twice = arith::AddIOp::create(b, l, last, last);
            i = arith::SelectOp::create(
                b, l, over, arith::SubIOp::create(b, l, twice, i), i);
          }
          i = arith::MaxSIOp::create(b, l, i, zero);
          i = arith::MinSIOp::create(b, l, i, last);
          ind.push_back(i);
        }
        linalg::YieldOp::create(
            b, l, tensor::ExtractOp::create(b, l, x, ind).getResult());
      });
  return SmallVector<Value>{g.getResult(0)};
}

static FailureOr<SmallVector<Value>> lowerTrilu(Ctx &c) {
  Value x = c.input(0);
  auto xt = cast<RankedTensorType>((x).getType());
  int64_t r = xt.getRank();
  Value k = c.in(1) ? toIndex(c.b, c.loc, c.extractScalar(c.in(1)))
                    : c.index(0);
  bool upper = c.i("upper", 1);
  Type elem = xt.getElementType();
  Value zero = c.constOf(elem, 0);
  auto id = AffineMap::getMultiDimIdentityMap(r, c.b.getContext());
  Value init = c.empty(c.dims(x), elem);
  auto g = linalg::GenericOp::create(
      c.b, c.loc, TypeRange{init.getType()}, ValueRange{x}, ValueRange{init},
      {id, id},
      SmallVector<utils::IteratorType>(r, utils::IteratorType::parallel),
      [&](OpBuilder &b, Location l, ValueRange a) {
        Value i = linalg::IndexOp::create(b, l, r - 2);
        Value j = linalg::IndexOp::create(b, l, r - 1);
        Value diff = arith::SubIOp::create(b, l, j, i);
        Value keep = arith::CmpIOp::create(
            b, l, upper ? arith::CmpIPredicate::sge : arith::CmpIPredicate::sle,
            diff, k);
        linalg::YieldOp::create(
            b, l, arith::SelectOp::create(b, l, keep, a[0], zero).getResult());
      });
  return SmallVector<Value>{g.getResult(0)};
}

static Value transposeV(Ctx &c, Value x, ArrayRef<int64_t> perm) {
  SmallVector<OpFoldResult> out;
  for (int64_t p : perm)
    out.push_back(c.dim(x, p));
  Value init =
      c.empty(out, cast<RankedTensorType>(x.getType()).getElementType());
  return linalg::TransposeOp::create(c.b, c.loc, x, init, perm).getResult()[0];
}

static FailureOr<SmallVector<Value>> lowerDepthToSpace(Ctx &c) {
  Value x = c.input(0);
  int64_t bs = c.i("blocksize", 0);
  IdxMath m{c};
  auto d = c.dims(x);
  if (d.size() != 4)
    return c.failure("input must be 4-D");
  OpFoldResult bb = m.cst(bs);
  OpFoldResult cc = m.div(d[1], m.cst(bs * bs));
  bool crd = c.s("mode", "DCR") == "CRD";
  Value t;
  if (crd)
    t = transposeV(c, c.reshape(x, {d[0], cc, bb, bb, d[2], d[3]}),
                   {0, 1, 4, 2, 5, 3});
  else
    t = transposeV(c, c.reshape(x, {d[0], bb, bb, cc, d[2], d[3]}),
                   {0, 3, 4, 1, 5, 2});
  return SmallVector<Value>{
      c.reshape(t, {d[0], cc, m.mul(d[2], bb), m.mul(d[3], bb)})};
}

static FailureOr<SmallVector<Value>> lowerSpaceToDepth(Ctx &c) {
  Value x = c.input(0);
  int64_t bs = c.i("blocksize", 0);
  IdxMath m{c};
  auto d = c.dims(x);
  if (d.size() != 4)
    return c.failure("input must be 4-D");
  OpFoldResult bb = m.cst(bs);
  OpFoldResult h = m.div(d[2], bb), w = m.div(d[3], bb);
  Value t = transposeV(c, c.reshape(x, {d[0], d[1], h, bb, w, bb}),
                       {0, 3, 5, 1, 2, 4});
  return SmallVector<Value>{
      c.reshape(t, {d[0], m.mul(d[1], m.cst(bs * bs)), h, w})};
}

static FailureOr<SmallVector<Value>> lowerOneHot(Ctx &c) {
  Value idx = c.input(0), depthT = c.input(1), vals = c.input(2);
  OpBuilder &b = c.b;
  Location l = c.loc;
  Value depth = toIndex(
      b, l,
      c.castScalar(c.extractScalar(depthT), c.origInElem(1), b.getI64Type()));
  if (auto cd = c.constFloats(depthT))
    depth = c.index((int64_t)(*cd)[0]);
  auto it = cast<RankedTensorType>((idx).getType());
  int64_t outRank = it.getRank() + 1;
  int64_t axis = wrapAxis(c.i("axis", -1), outRank);
  SmallVector<OpFoldResult> out;
  SmallVector<AffineExpr> idxExprs;
  for (int64_t d = 0, k = 0; d < outRank; ++d) {
    if (d == axis) {
      out.push_back(getAsOpFoldResult(depth));
      continue;
    }
    out.push_back(c.dim(idx, k++));
    idxExprs.push_back(b.getAffineDimExpr(d));
  }
  Value off = tensor::ExtractOp::create(b, l, vals, ValueRange{c.index(0)});
  Value on = tensor::ExtractOp::create(b, l, vals, ValueRange{c.index(1)});
  Type elem = off.getType();
  Type ie = c.origInElem(0);
  Value init = c.empty(out, elem);
  auto g = linalg::GenericOp::create(
      b, l, TypeRange{init.getType()}, ValueRange{idx}, ValueRange{init},
      {AffineMap::get(outRank, 0, idxExprs, b.getContext()),
       AffineMap::getMultiDimIdentityMap(outRank, b.getContext())},
      SmallVector<utils::IteratorType>(outRank, utils::IteratorType::parallel),
      [&](OpBuilder &nb, Location nl, ValueRange a) {
        Value iv = c.castScalar(a[0], ie, nb.getI64Type());
        Value i = normIndex(nb, nl, iv, depth);
        Value hit = arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::eq, i,
                                          linalg::IndexOp::create(nb, nl, axis));
        linalg::YieldOp::create(
            nb, nl, arith::SelectOp::create(nb, nl, hit, on, off).getResult());
      });
  return SmallVector<Value>{g.getResult(0)};
}

static FailureOr<SmallVector<Value>> lowerEyeLike(Ctx &c) {
  Value x = c.input(0);
  Type elem = c.resultElem(0);
  int64_t k = c.i("k", 0);
  Value init = c.empty(c.dims(x), elem);
  Value one = c.constOf(elem, 1), zero = c.constOf(elem, 0);
  auto g = linalg::GenericOp::create(
      c.b, c.loc, TypeRange{init.getType()}, ValueRange{}, ValueRange{init},
      {AffineMap::getMultiDimIdentityMap(2, c.b.getContext())},
      SmallVector<utils::IteratorType>(2, utils::IteratorType::parallel),
      [&](OpBuilder &b, Location l, ValueRange) {
        Value i = linalg::IndexOp::create(b, l, 0);
        Value j = linalg::IndexOp::create(b, l, 1);
        Value d = arith::SubIOp::create(b, l, j, i);
        Value hit = arith::CmpIOp::create(
            b, l, arith::CmpIPredicate::eq, d,
            arith::ConstantIndexOp::create(b, l, k));
        linalg::YieldOp::create(
            b, l, arith::SelectOp::create(b, l, hit, one, zero).getResult());
      });
  return SmallVector<Value>{g.getResult(0)};
}

void mlir::ONNX::lowering::populateONNXToShapePatterns(LoweringSet &t) {
  t.add<op_types::Reshape>(lowerReshape);
  t.add<op_types::Flatten>(lowerFlatten);
  t.add<op_types::Squeeze>(lowerSqueeze);
  t.add<op_types::Unsqueeze>(lowerUnsqueeze);
  t.add<op_types::Transpose>(lowerTranspose);
  t.add<op_types::Concat>(lowerConcat);
  t.add<op_types::Split>(lowerSplit);
  t.add<op_types::Slice>(lowerSlice);
  t.add<op_types::Gather>(lowerGather);
  t.add<op_types::GatherElements>(lowerGatherElements);
  t.add<op_types::Expand>(lowerExpand);
  t.add<op_types::Tile>(lowerTile);
  t.add<op_types::ConstantOfShape>(lowerConstantOfShape);
  t.add<op_types::Shape>(lowerShape);
  t.add<op_types::Size>(lowerSize);
  t.add<op_types::Range>(lowerRange);
  t.add<op_types::Pad>(lowerPad);
  t.add<op_types::Trilu>(lowerTrilu);
  t.add<op_types::DepthToSpace>(lowerDepthToSpace);
  t.add<op_types::SpaceToDepth>(lowerSpaceToDepth);
  t.add<op_types::OneHot>(lowerOneHot);
  t.add<op_types::EyeLike>(lowerEyeLike);
}
