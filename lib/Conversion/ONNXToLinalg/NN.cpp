//===- NN.cpp - MatMul/Gemm/Conv/pooling/normalization/Einsum/Resize ------===//

#include "Lowering.h"

#include "mlir/Dialect/Math/IR/Math.h"

using namespace mlir;
using namespace mlir::ONNX::lowering;

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

static SmallVector<utils::IteratorType> iterTypes(unsigned parallel,
                                                  unsigned reduction) {
  SmallVector<utils::IteratorType> r(parallel, utils::IteratorType::parallel);
  r.append(reduction, utils::IteratorType::reduction);
  return r;
}

/// sum-of-products contraction over `loopDims` loops with the given maps;
/// `out` gives the output dims (zero-initialized).
static Value contraction(Ctx &c, ValueRange ins, ArrayRef<AffineMap> maps,
                         ArrayRef<OpFoldResult> out, Type elem,
                         ArrayRef<utils::IteratorType> iters) {
  Value init = c.fill(out, elem, c.constOf(elem, 0));
  auto g = linalg::GenericOp::create(
      c.b, c.loc, TypeRange{init.getType()}, ins, ValueRange{init}, maps, iters,
      [&](OpBuilder &b, Location l, ValueRange a) {
        Value p = a[0];
        for (Value v : a.drop_front().drop_back())
          p = mulS(b, l, p, v);
        linalg::YieldOp::create(b, l, addS(b, l, a.back(), p));
      });
  return g.getResult(0);
}

//===----------------------------------------------------------------------===//
// MatMul / Gemm
//===----------------------------------------------------------------------===//

static Value matmul2d(Ctx &c, Value a, Value b) {
  Type elem = cast<RankedTensorType>(a.getType()).getElementType();
  Value init = c.fill({c.dim(a, 0), c.dim(b, 1)}, elem, c.constOf(elem, 0));
  return linalg::MatmulOp::create(c.b, c.loc, TypeRange{init.getType()},
                                  ValueRange{a, b}, ValueRange{init})
      .getResult(0);
}

static FailureOr<SmallVector<Value>> lowerMatMul(Ctx &c) {
  Value a0 = c.input(0), b0 = c.input(1);
  Value a = a0, b = b0;
  auto at = cast<RankedTensorType>(a.getType());
  auto bt = cast<RankedTensorType>(b.getType());
  Type elem = at.getElementType();
  bool aVec = at.getRank() == 1, bVec = bt.getRank() == 1;
  if (aVec)
    a = c.reshape(a, {c.b.getIndexAttr(1), c.dim(a, 0)});
  if (bVec)
    b = c.reshape(b, {c.dim(b, 0), c.b.getIndexAttr(1)});
  at = cast<RankedTensorType>(a.getType());
  bt = cast<RankedTensorType>(b.getType());
  int64_t ra = at.getRank(), rb = bt.getRank();
  c.checkSameSize(c.dim(a, ra - 1), c.dim(b, rb - 2),
                  "A and B do not agree on the contracted dim (K)");
  Value r;
  SmallVector<OpFoldResult> outDims;
  if (rb == 2) {
    // Fold A's batch dims into M: one 2-D matmul.
    SmallVector<OpFoldResult> ad = c.dims(a);
    Value m = c.index(1);
    for (int64_t d = 0; d + 1 < ra; ++d)
      m = arith::MulIOp::create(c.b, c.loc, m, c.ofr(ad[d]));
    Value a2 = ra == 2 ? a : c.reshape(a, {getAsOpFoldResult(m), ad[ra - 1]});
    r = matmul2d(c, a2, b);
    outDims.assign(ad.begin(), ad.end() - 1);
    outDims.push_back(c.dim(b, 1));
    if (ra != 2)
      r = c.reshape(r, outDims);
  } else {
    // Batched contraction with broadcast batch dims: loops (batch.., m, n, k).
    int64_t batch = std::max(ra, rb) - 2;
    auto batchOf = [&](Value v) {
      auto d = c.dims(v);
      d.resize(d.size() - 2);
      return d;
    };
    SmallVector<OpFoldResult> ab = batchOf(a), bb = batchOf(b);
    MLIRContext *ctx = c.b.getContext();
    int64_t loops = batch + 3;
    auto mapFor = [&](RankedTensorType t, ArrayRef<OpFoldResult> outB,
                      AffineExpr r0, AffineExpr r1) {
      SmallVector<AffineExpr> e;
      int64_t nb = t.getRank() - 2;
      for (int64_t k = 0; k < nb; ++k) {
        int64_t d = k + batch - nb;
        bool one = !t.isDynamicDim(k) && t.getDimSize(k) == 1 &&
                   getConstantIntValue(outB[d]) != 1;
        e.push_back(one ? getAffineConstantExpr(0, ctx)
                        : getAffineDimExpr(d, ctx));
      }
      e.push_back(r0);
      e.push_back(r1);
      return AffineMap::get(loops, 0, e, ctx);
    };
    SmallVector<OpFoldResult> outB;
    for (int64_t d = 0; d < batch; ++d) {
      int64_t ka = d - (batch - (ra - 2)), kb = d - (batch - (rb - 2));
      OpFoldResult da = ka >= 0 ? ab[ka] : c.b.getIndexAttr(1);
      OpFoldResult db = kb >= 0 ? bb[kb] : c.b.getIndexAttr(1);
      auto sa = getConstantIntValue(da), sb = getConstantIntValue(db);
      outB.push_back(sa == 1 ? db : (sb == 1 ? da : da));
    }
    AffineExpr m = getAffineDimExpr(batch, ctx),
               n = getAffineDimExpr(batch + 1, ctx),
               k = getAffineDimExpr(batch + 2, ctx);
    SmallVector<AffineExpr> oe;
    for (int64_t d = 0; d < batch + 2; ++d)
      oe.push_back(getAffineDimExpr(d, ctx));
    outDims = outB;
    outDims.push_back(c.dim(a, ra - 2));
    outDims.push_back(c.dim(b, rb - 1));
    r = contraction(c, {a, b},
                    {mapFor(at, outB, m, k), mapFor(bt, outB, k, n),
                     AffineMap::get(loops, 0, oe, ctx)},
                    outDims, elem, iterTypes(batch + 2, 1));
  }
  if (aVec || bVec) {
    SmallVector<OpFoldResult> d = c.dims(r);
    int64_t rr = d.size();
    SmallVector<OpFoldResult> nd(d.begin(), d.end() - 2);
    if (!aVec)
      nd.push_back(d[rr - 2]);
    if (!bVec)
      nd.push_back(d[rr - 1]);
    r = c.reshape(r, nd);
  }
  return SmallVector<Value>{r};
}

static FailureOr<SmallVector<Value>> lowerGemm(Ctx &c) {
  Value a = c.input(0), b = c.input(1);
  bool ta = c.i("transA", 0), tb = c.i("transB", 0);
  double alpha = c.f("alpha", 1.0), beta = c.f("beta", 1.0);
  Type elem = cast<RankedTensorType>((a).getType()).getElementType();
  MLIRContext *ctx = c.b.getContext();
  AffineExpr m = getAffineDimExpr(0, ctx), n = getAffineDimExpr(1, ctx),
             k = getAffineDimExpr(2, ctx);
  OpFoldResult M = c.dim(a, ta ? 1 : 0), N = c.dim(b, tb ? 0 : 1);
  c.checkSameSize(c.dim(a, ta ? 0 : 1), c.dim(b, tb ? 1 : 0),
                  "A and B do not agree on K (with transA/transB)");
  Value r;
  if (!ta) {
    // A transposed B is materialized once (a contiguous copy) so that the
    // matmul's vectorized inner loop reads rows of B.
    Value bm = b;
    if (tb) {
      Value init = c.empty({c.dim(b, 1), c.dim(b, 0)}, elem);
      bm = linalg::TransposeOp::create(c.b, c.loc, b, init,
                                       ArrayRef<int64_t>{1, 0})
               .getResult()[0];
    }
    r = matmul2d(c, a, bm);
  } else {
    r = contraction(c, {a, b},
                    {AffineMap::get(3, 0,
                                    ta ? SmallVector<AffineExpr>{k, m}
                                       : SmallVector<AffineExpr>{m, k},
                                    ctx),
                     AffineMap::get(3, 0,
                                    tb ? SmallVector<AffineExpr>{n, k}
                                       : SmallVector<AffineExpr>{k, n},
                                    ctx),
                     AffineMap::get(3, 0, {m, n}, ctx)},
                    {M, N}, elem, iterTypes(2, 1));
  }
  Value cIn = c.in(2);
  if (alpha == 1.0 && (!cIn || beta == 0.0))
    return SmallVector<Value>{r};
  SmallVector<Value> ins{r};
  if (cIn && beta != 0.0)
    ins.push_back(cIn);
  Value al = c.constOf(elem, alpha), be = c.constOf(elem, beta);
  Value out = c.elementwise(
      ins, elem,
      [&](OpBuilder &bb, Location l, ValueRange v) {
        Value y = alpha == 1.0 ? v[0] : mulS(bb, l, v[0], al);
        if (v.size() > 1)
          y = addS(bb, l, y, beta == 1.0 ? v[1] : mulS(bb, l, v[1], be));
        return y;
      },
      {M, N});
  return SmallVector<Value>{out};
}

//===----------------------------------------------------------------------===//
// Convolution and pooling
//===----------------------------------------------------------------------===//

namespace {
struct Window {
  SmallVector<int64_t> kernel, strides, dilations, padBegin, padEnd;
};
} // namespace

/// Kernel/strides/dilations/pads of a conv or pool over `spatial` dims of
/// `x` (static spatial dims needed for auto_pad SAME_*).
static FailureOr<Window> windowOf(Ctx &c, Value x, ArrayRef<int64_t> kernel) {
  auto xt = cast<RankedTensorType>(x.getType());
  int64_t k = kernel.size();
  Window w;
  w.kernel.assign(kernel.begin(), kernel.end());
  w.strides = c.ints("strides").value_or(SmallVector<int64_t>(k, 1));
  w.dilations = c.ints("dilations").value_or(SmallVector<int64_t>(k, 1));
  if (w.strides.empty())
    w.strides.assign(k, 1);
  if (w.dilations.empty())
    w.dilations.assign(k, 1);
  auto pads = c.ints("pads").value_or(SmallVector<int64_t>(2 * k, 0));
  if (pads.empty())
    pads.assign(2 * k, 0);
  std::string autoPad = c.s("auto_pad", "NOTSET");
  w.padBegin.assign(pads.begin(), pads.begin() + k);
  w.padEnd.assign(pads.begin() + k, pads.end());
  if (autoPad == "VALID") {
    w.padBegin.assign(k, 0);
    w.padEnd.assign(k, 0);
  } else if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
    for (int64_t d = 0; d < k; ++d) {
      if (xt.isDynamicDim(d + 2)) {
        (void)c.fail("auto_pad=" + autoPad + " needs static spatial dims");
        return failure();
      }
      int64_t in = xt.getDimSize(d + 2), s = w.strides[d];
      int64_t out = (in + s - 1) / s;
      int64_t total = std::max<int64_t>(
          0, (out - 1) * s + (kernel[d] - 1) * w.dilations[d] + 1 - in);
      int64_t small = total / 2;
      w.padBegin[d] = autoPad == "SAME_UPPER" ? small : total - small;
      w.padEnd[d] = total - w.padBegin[d];
    }
  } else if (autoPad != "NOTSET") {
    (void)c.fail("unknown auto_pad '" + autoPad + "'");
    return failure();
  }
  return w;
}

static Value padSpatial(Ctx &c, Value x, ArrayRef<int64_t> lo,
                        ArrayRef<int64_t> hi, Value padValue) {
  if (llvm::all_of(lo, [](int64_t v) { return v == 0; }) &&
      llvm::all_of(hi, [](int64_t v) { return v == 0; }))
    return x;
  auto xt = cast<RankedTensorType>(x.getType());
  SmallVector<OpFoldResult> l(2, c.b.getIndexAttr(0)), h(2, c.b.getIndexAttr(0));
  SmallVector<int64_t> shape(xt.getShape().take_front(2));
  for (unsigned d = 0; d < lo.size(); ++d) {
    l.push_back(c.b.getIndexAttr(lo[d]));
    h.push_back(c.b.getIndexAttr(hi[d]));
    int64_t s = xt.getDimSize(d + 2);
    shape.push_back(ShapedType::isDynamic(s) ? s : s + lo[d] + hi[d]);
  }
  return tensor::PadOp::create(
             c.b, c.loc, RankedTensorType::get(shape, xt.getElementType()), x,
             l, h, padValue)
      .getResult();
}

/// Output spatial size: (in - dil*(k-1) - 1) / s + 1 on the padded input.
static OpFoldResult outSize(Ctx &c, Value padded, int64_t d, int64_t k,
                            int64_t s, int64_t dil) {
  OpFoldResult in = c.dim(padded, d);
  if (auto v = getConstantIntValue(in))
    return c.b.getIndexAttr((*v - dil * (k - 1) - 1) / s + 1);
  Value v = arith::SubIOp::create(c.b, c.loc, c.ofr(in),
                                  c.index(dil * (k - 1) + 1));
  v = arith::DivSIOp::create(c.b, c.loc, v, c.index(s));
  return arith::AddIOp::create(c.b, c.loc, v, c.index(1)).getResult();
}

/// The accumulator of a convolution with output dims `out` ([N, M, ...]):
/// the bias [M] broadcast along the channels, or zeros.
static Value biasInit(Ctx &c, Value bias, ArrayRef<OpFoldResult> out,
                      Type elem) {
  if (!bias)
    return c.fill(out, elem, c.constOf(elem, 0));
  // B has one value per output channel (static sizes are checked before
  // lowering).
  c.checkSameSize(c.dim(bias, 0), out[1],
                  "B's length differs from the number of output channels");
  SmallVector<OpFoldResult> bd(out.size() - 1, c.b.getIndexAttr(1));
  bd[0] = c.dim(bias, 0);
  return c.elementwise({c.reshape(bias, bd)}, elem,
                       [](OpBuilder &, Location, ValueRange a) { return a[0]; },
                       out);
}

static FailureOr<SmallVector<Value>> lowerConv(Ctx &c) {
  Value x0 = c.input(0), w0 = c.input(1);
  Value x = x0, w = w0;
  auto xt = cast<RankedTensorType>(x.getType());
  auto wt = cast<RankedTensorType>(w.getType());
  Type elem = xt.getElementType();
  int64_t k = xt.getRank() - 2;
  if (k < 1)
    return c.failure("input must have spatial dims");
  SmallVector<int64_t> kernel;
  for (int64_t d = 0; d < k; ++d) {
    if (wt.isDynamicDim(d + 2))
      return c.failure("the kernel's spatial dims must be static");
    kernel.push_back(wt.getDimSize(d + 2));
  }
  auto win = windowOf(c, x, kernel);
  if (failed(win))
    return failure();
  int64_t groups = c.i("group", 1);
  // C = W.shape[1] * group (static shapes are checked before lowering).
  if (xt.isDynamicDim(1) || wt.isDynamicDim(1)) {
    Value wc =
        arith::MulIOp::create(c.b, c.loc, c.ofr(c.dim(w, 1)), c.index(groups));
    c.checkSameSize(c.dim(x, 1), wc,
                    "X's channels differ from W.shape[1] * group (" +
                        Twine(groups) + ")");
  }
  // M % group == 0 (static M is checked before lowering).
  if (groups > 1 && wt.isDynamicDim(0)) {
    Value rem =
        arith::RemUIOp::create(c.b, c.loc, c.ofr(c.dim(w, 0)), c.index(groups));
    c.check(arith::CmpIOp::create(c.b, c.loc, arith::CmpIPredicate::eq, rem,
                                  c.index(0)),
            "W's output channels are not a multiple of group (" +
                Twine(groups) + ")");
  }
  x = padSpatial(c, x, win->padBegin, win->padEnd, c.constOf(elem, 0));
  SmallVector<OpFoldResult> out{c.dim(x, 0), c.dim(w, 0)};
  for (int64_t d = 0; d < k; ++d)
    out.push_back(outSize(c, x, d + 2, kernel[d], win->strides[d],
                          win->dilations[d]));
  Value init = biasInit(c, c.in(2), out, elem);
  MLIRContext *ctx = c.b.getContext();
  // Strides/dilations of linalg's 2-D convolution ops.
  auto attr = [&](ArrayRef<int64_t> v) {
    return DenseIntElementsAttr::get(
        RankedTensorType::get({2}, c.b.getI64Type()), v);
  };
  if (k == 2 && groups == 1) {
    Value r = linalg::Conv2DNchwFchwOp::create(
                  c.b, c.loc, TypeRange{init.getType()}, ValueRange{x, w},
                  ValueRange{init}, attr(win->strides), attr(win->dilations))
                  .getResult(0);
    return SmallVector<Value>{r};
  }
  // Depthwise (one filter per channel: W is [C, 1, KH, KW] with C = group):
  // linalg's depthwise op, which the CPU codegen vectorizes along ow.
  if (k == 2 && groups > 1 && !wt.isDynamicDim(0) && !wt.isDynamicDim(1) &&
      wt.getDimSize(0) == groups && wt.getDimSize(1) == 1) {
    Value filter =
        c.reshape(w, {c.b.getIndexAttr(groups), c.b.getIndexAttr(kernel[0]),
                      c.b.getIndexAttr(kernel[1])});
    Value r = linalg::DepthwiseConv2DNchwChwOp::create(
                  c.b, c.loc, TypeRange{init.getType()}, ValueRange{x, filter},
                  ValueRange{init}, attr(win->strides), attr(win->dilations))
                  .getResult(0);
    return SmallVector<Value>{r};
  }
  // Grouped / N-d: view X as [N, G, C/G, ...], W as [G, M/G, C/G, ...],
  // out as [N, G, M/G, ...]; loops (n, g, m, o.., c, kk..).
  OpFoldResult G = c.b.getIndexAttr(groups);
  auto divG = [&](OpFoldResult v) -> OpFoldResult {
    if (auto s = getConstantIntValue(v))
      return c.b.getIndexAttr(*s / groups);
    return arith::DivSIOp::create(c.b, c.loc, c.ofr(v), c.index(groups))
        .getResult();
  };
  SmallVector<OpFoldResult> xd = c.dims(x), wd = c.dims(w);
  SmallVector<OpFoldResult> xg{xd[0], G, divG(xd[1])}, wg{G, divG(wd[0]), wd[1]},
      og{out[0], G, divG(out[1])};
  for (int64_t d = 0; d < k; ++d) {
    xg.push_back(xd[d + 2]);
    wg.push_back(wd[d + 2]);
    og.push_back(out[d + 2]);
  }
  Value xr = c.reshape(x, xg), wr = c.reshape(w, wg), ir = c.reshape(init, og);
  if (k == 2) {
    // linalg's grouped convolution, which the CPU codegen takes as one
    // contraction per group.
    Value r = linalg::Conv2DNgchwGfchwOp::create(
                  c.b, c.loc, TypeRange{ir.getType()}, ValueRange{xr, wr},
                  ValueRange{ir}, attr(win->strides), attr(win->dilations))
                  .getResult(0);
    return SmallVector<Value>{c.reshape(r, out)};
  }
  int64_t loops = 3 + k + 1 + k;
  auto D = [&](int64_t i) { return getAffineDimExpr(i, ctx); };
  SmallVector<AffineExpr> xe{D(0), D(1), D(3 + k)}, we{D(1), D(2), D(3 + k)},
      oe{D(0), D(1), D(2)};
  for (int64_t d = 0; d < k; ++d) {
    xe.push_back(D(3 + d) * win->strides[d] + D(4 + k + d) * win->dilations[d]);
    we.push_back(D(4 + k + d));
    oe.push_back(D(3 + d));
  }
  auto g = linalg::GenericOp::create(
      c.b, c.loc, TypeRange{ir.getType()}, ValueRange{xr, wr}, ValueRange{ir},
      {AffineMap::get(loops, 0, xe, ctx), AffineMap::get(loops, 0, we, ctx),
       AffineMap::get(loops, 0, oe, ctx)},
      iterTypes(3 + k, 1 + k), [&](OpBuilder &b, Location l, ValueRange a) {
        linalg::YieldOp::create(b, l,
                                addS(b, l, a[2], mulS(b, l, a[0], a[1])));
      });
  return SmallVector<Value>{c.reshape(g.getResult(0), out)};
}

static FailureOr<SmallVector<Value>> lowerPool(Ctx &c) {
  Value x0 = c.input(0);
  Value x = x0;
  auto xt = cast<RankedTensorType>(x.getType());
  Type elem = xt.getElementType();
  int64_t k = xt.getRank() - 2;
  bool isMax = c.opType == "MaxPool";
  auto kernel = c.ints("kernel_shape");
  if (!kernel || (int64_t)kernel->size() != k)
    return c.failure("kernel_shape must list every spatial dim");
  if (c.i("storage_order", 0))
    return c.failure("storage_order=1 is not supported");
  auto win = windowOf(c, x, *kernel);
  if (failed(win))
    return failure();
  bool ceil = c.i("ceil_mode", 0);
  // Extra high padding so that ceil_mode windows exist.
  SmallVector<int64_t> extra(k, 0);
  SmallVector<int64_t> outStatic;
  for (int64_t d = 0; d < k; ++d) {
    if (xt.isDynamicDim(d + 2)) {
      if (ceil)
        return c.failure("ceil_mode needs static spatial dims");
      continue;
    }
    int64_t in = xt.getDimSize(d + 2);
    int64_t span = in + win->padBegin[d] + win->padEnd[d] -
                   win->dilations[d] * ((*kernel)[d] - 1) - 1;
    int64_t s = win->strides[d];
    int64_t o = (ceil ? (span + s - 1) / s : span / s) + 1;
    if (ceil && (o - 1) * s >= in + win->padBegin[d])
      --o;
    int64_t need = (o - 1) * s + win->dilations[d] * ((*kernel)[d] - 1) + 1;
    extra[d] = std::max<int64_t>(
        0, need - (in + win->padBegin[d] + win->padEnd[d]));
  }
  SmallVector<int64_t> hi(win->padEnd);
  for (int64_t d = 0; d < k; ++d)
    hi[d] += extra[d];
  Value padVal = isMax ? (isa<FloatType>(elem)
                              ? c.constF(elem, -std::numeric_limits<double>::infinity())
                              : c.constOf(elem, (double)std::numeric_limits<int32_t>::min()))
                       : c.constOf(elem, 0);
  if (isMax && isa<IntegerType>(elem)) {
    unsigned bw = elem.getIntOrFloatBitWidth();
    padVal = arith::ConstantOp::create(
        c.b, c.loc, elem,
        c.b.getIntegerAttr(elem, c.inUnsigned(0) ? APInt::getZero(bw)
                                                 : APInt::getSignedMinValue(bw)));
  }
  Value xp = padSpatial(c, x, win->padBegin, hi, padVal);
  SmallVector<OpFoldResult> out{c.dim(x, 0), c.dim(x, 1)};
  for (int64_t d = 0; d < k; ++d)
    out.push_back(outSize(c, xp, d + 2, (*kernel)[d], win->strides[d],
                          win->dilations[d]));
  MLIRContext *ctx = c.b.getContext();
  int64_t loops = 2 + 2 * k;
  auto D = [&](int64_t i) { return getAffineDimExpr(i, ctx); };
  SmallVector<AffineExpr> xe{D(0), D(1)}, ke, oe{D(0), D(1)};
  SmallVector<OpFoldResult> kd;
  for (int64_t d = 0; d < k; ++d) {
    xe.push_back(D(2 + d) * win->strides[d] + D(2 + k + d) * win->dilations[d]);
    ke.push_back(D(2 + k + d));
    oe.push_back(D(2 + d));
    kd.push_back(c.b.getIndexAttr((*kernel)[d]));
  }
  auto pool = [&](Value src, Value init, bool max) {
    Value window = c.empty(kd, elem);
    auto g = linalg::GenericOp::create(
        c.b, c.loc, TypeRange{init.getType()}, ValueRange{src, window},
        ValueRange{init},
        {AffineMap::get(loops, 0, xe, ctx), AffineMap::get(loops, 0, ke, ctx),
         AffineMap::get(loops, 0, oe, ctx)},
        iterTypes(2 + k, k), [&](OpBuilder &b, Location l, ValueRange a) {
          Value r;
          if (!max)
            r = addS(b, l, a[2], a[0]);
          else if (isa<FloatType>(elem))
            r = arith::MaximumFOp::create(b, l, a[2], a[0]);
          else if (c.inUnsigned(0))
            r = arith::MaxUIOp::create(b, l, a[2], a[0]);
          else
            r = arith::MaxSIOp::create(b, l, a[2], a[0]);
          linalg::YieldOp::create(b, l, r);
        });
    return g.getResult(0);
  };
  if (isMax) {
    if (c.op->getNumResults() > 1 && !c.op->getResult(1).use_empty())
      return c.failure("the Indices output of MaxPool is not supported");
    SmallVector<Value> r{pool(xp, c.fill(out, elem, padVal), true)};
    for (unsigned i = 1; i < c.op->getNumResults(); ++i)
      r.push_back(Value());
    return r;
  }
  Value sum = pool(xp, c.fill(out, elem, c.constOf(elem, 0)), false);
  // Divisor: window elements inside the input (plus the explicit pads when
  // count_include_pad; never the ceil_mode extra). With static spatial dims
  // it is counted here, per output position, into a constant [O1, ..., Ok]
  // that broadcasts over N and C; else pooled at run time from a mask of
  // ones.
  bool includePad = c.i("count_include_pad", 0);
  SmallVector<SmallVector<int64_t>> counts(k);
  for (int64_t d = 0; d < k; ++d) {
    std::optional<int64_t> o = getConstantIntValue(out[d + 2]);
    if (xt.isDynamicDim(d + 2) || !o) {
      counts.clear();
      break;
    }
    int64_t in = xt.getDimSize(d + 2), lo = 0, hi = in;
    if (includePad) {
      lo = -win->padBegin[d];
      hi = in + win->padEnd[d];
    }
    for (int64_t i = 0; i < *o; ++i) {
      int64_t n = 0;
      for (int64_t t = 0; t < (*kernel)[d]; ++t) {
        int64_t pos =
            i * win->strides[d] + t * win->dilations[d] - win->padBegin[d];
        n += pos >= lo && pos < hi;
      }
      counts[d].push_back(n);
    }
  }
  if (!counts.empty() && isa<FloatType>(elem)) {
    SmallVector<int64_t> shape;
    for (const SmallVector<int64_t> &cd : counts)
      shape.push_back(cd.size());
    auto ct = RankedTensorType::get(shape, elem);
    SmallVector<Attribute> values;
    for (int64_t e = 0, n = ct.getNumElements(); e < n; ++e) {
      double v = 1;
      for (int64_t d = k - 1, rest = e; d >= 0; rest /= shape[d--])
        v *= counts[d][rest % shape[d]];
      values.push_back(c.b.getFloatAttr(elem, v));
    }
    Value cnt = arith::ConstantOp::create(c.b, c.loc, ct,
                                          DenseElementsAttr::get(ct, values));
    Value r = c.elementwise(
        {sum, cnt}, elem, [](OpBuilder &b, Location l, ValueRange a) -> Value {
          return arith::DivFOp::create(b, l, a[0], a[1]);
        });
    return SmallVector<Value>{r};
  }
  Value ones = c.fill(c.dims(x), elem, c.constOf(elem, 1));
  Value mask = padSpatial(c, ones, win->padBegin, win->padEnd,
                          c.constOf(elem, includePad ? 1 : 0));
  mask = padSpatial(c, mask, SmallVector<int64_t>(k, 0), extra,
                    c.constOf(elem, 0));
  Value cnt = pool(mask, c.fill(out, elem, c.constOf(elem, 0)), false);
  Value r = c.elementwise({sum, cnt}, elem,
                          [](OpBuilder &b, Location l, ValueRange a) -> Value {
                            return arith::DivFOp::create(b, l, a[0], a[1]);
                          });
  return SmallVector<Value>{r};
}

static FailureOr<SmallVector<Value>> lowerGlobalPool(Ctx &c) {
  Value x = c.input(0);
  auto xt = cast<RankedTensorType>((x).getType());
  Type elem = xt.getElementType();
  SmallVector<int64_t> axes;
  for (int64_t d = 2; d < xt.getRank(); ++d)
    axes.push_back(d);
  bool isMax = c.opType == "GlobalMaxPool";
  Value r =
      c.reduce(x, axes, true,
               isMax ? c.constF(elem, -std::numeric_limits<double>::infinity())
                     : c.constF(elem, 0),
               [isMax](OpBuilder &b, Location l, Value v, Value acc) -> Value {
                 if (isMax)
                   return arith::MaximumFOp::create(b, l, v, acc);
                 return arith::AddFOp::create(b, l, v, acc);
               });
  if (!isMax) {
    Value nf = c.count(x, axes, elem);
    r = c.elementwise({r}, elem, [&](OpBuilder &b, Location l, ValueRange a) {
      return (Value)arith::DivFOp::create(b, l, a[0], nf);
    });
  }
  return SmallVector<Value>{r};
}

//===----------------------------------------------------------------------===//
// Normalization
//===----------------------------------------------------------------------===//

/// [C] -> [C, 1, ..., 1] (rank `rank - 1`) to broadcast along axis 1.
static Value channelView(Ctx &c, Value v, int64_t rank) {
  SmallVector<OpFoldResult> d(rank - 1, c.b.getIndexAttr(1));
  d[0] = c.dim(v, 0);
  return c.reshape(v, d);
}

static FailureOr<SmallVector<Value>> lowerBatchNorm(Ctx &c) {
  if (c.i("training_mode", 0))
    return c.failure("training_mode=1 is not supported (inference only)");
  if (c.version < 7 && c.i("is_test", 0) == 0 && c.op->getNumResults() > 1)
    return c.failure("training-mode BatchNormalization is not supported");
  for (unsigned i = 1; i < c.op->getNumResults(); ++i)
    if (!c.op->getResult(i).use_empty())
      return c.failure("the running statistics outputs (training) are not "
                       "supported");
  Value x = c.in(0);
  int64_t rank = cast<RankedTensorType>(x.getType()).getRank();
  Type elem = cast<RankedTensorType>(x.getType()).getElementType();
  double eps = c.f("epsilon", 1e-5);
  SmallVector<Value> ins{x};
  for (unsigned i = 1; i < 5; ++i)
    ins.push_back(rank > 2 ? channelView(c, c.in(i), rank) : c.in(i));
  Value e = c.constOf(elem, eps);
  Value y = c.elementwise(ins, elem, [&](OpBuilder &b, Location l,
                                         ValueRange a) -> Value {
    Value inv = arith::DivFOp::create(
        b, l, c.constF(elem, 1.0),
        math::SqrtOp::create(b, l, arith::AddFOp::create(b, l, a[4], e)));
    Value n = arith::MulFOp::create(b, l, arith::SubFOp::create(b, l, a[0], a[3]),
                                    arith::MulFOp::create(b, l, inv, a[1]));
    return arith::AddFOp::create(b, l, n, a[2]);
  });
  SmallVector<Value> r{y};
  for (unsigned i = 1; i < c.op->getNumResults(); ++i)
    r.push_back(Value());
  return r;
}

/// (x - mean) * rsqrt(var + eps) over `axes` (keepdims); returns
/// {normalized, mean, invstd}.
static std::tuple<Value, Value, Value> normalize(Ctx &c, Value x,
                                                 ArrayRef<int64_t> axes,
                                                 double eps) {
  Type elem = cast<RankedTensorType>(x.getType()).getElementType();
  Value nf = c.count(x, axes, elem);
  auto add = [](OpBuilder &b, Location l, Value v, Value acc) -> Value {
    return arith::AddFOp::create(b, l, v, acc);
  };
  Value sum = c.reduce(x, axes, true, c.constF(elem, 0), add);
  Value mean = c.elementwise({sum}, elem, [&](OpBuilder &b, Location l,
                                              ValueRange a) -> Value {
    return arith::DivFOp::create(b, l, a[0], nf);
  });
  Value centered = c.elementwise({x, mean}, elem,
                                 [](OpBuilder &b, Location l, ValueRange a) -> Value {
                                   return arith::SubFOp::create(b, l, a[0], a[1]);
                                 });
  Value sq = c.reduce(centered, axes, true, c.constF(elem, 0), add,
                      [](OpBuilder &b, Location l, Value v) -> Value {
                        return arith::MulFOp::create(b, l, v, v);
                      });
  Value e = c.constF(elem, eps);
  Value inv = c.elementwise({sq}, elem, [&](OpBuilder &b, Location l,
                                            ValueRange a) -> Value {
    Value var = arith::DivFOp::create(b, l, a[0], nf);
    return arith::DivFOp::create(
        b, l, arith::ConstantOp::create(b, l, elem, b.getFloatAttr(elem, 1.0)),
        math::SqrtOp::create(b, l, arith::AddFOp::create(b, l, var, e)));
  });
  Value y = c.elementwise({centered, inv}, elem,
                          [](OpBuilder &b, Location l, ValueRange a) -> Value {
                            return arith::MulFOp::create(b, l, a[0], a[1]);
                          });
  return {y, mean, inv};
}

static FailureOr<SmallVector<Value>> lowerInstanceNorm(Ctx &c) {
  Value x = c.in(0);
  int64_t rank = cast<RankedTensorType>(x.getType()).getRank();
  Type elem = cast<RankedTensorType>(x.getType()).getElementType();
  SmallVector<int64_t> axes;
  for (int64_t d = 2; d < rank; ++d)
    axes.push_back(d);
  auto [y, mean, inv] = normalize(c, x, axes, c.f("epsilon", 1e-5));
  Value r = c.elementwise(
      {y, channelView(c, c.in(1), rank), channelView(c, c.in(2), rank)}, elem,
      [](OpBuilder &b, Location l, ValueRange a) -> Value {
        return arith::AddFOp::create(b, l, arith::MulFOp::create(b, l, a[0], a[1]),
                                     a[2]);
      });
  return SmallVector<Value>{r};
}

static FailureOr<SmallVector<Value>> lowerLayerNorm(Ctx &c) {
  Value x = c.in(0);
  auto xt = cast<RankedTensorType>(x.getType());
  int64_t rank = xt.getRank();
  Type elem = xt.getElementType();
  if (!isa<FloatType>(elem))
    return c.failure("input must be floating point");
  // stash_type=1: statistics in float32.
  Type stash = c.i("stash_type", 1) == 1 ? c.b.getF32Type() : elem;
  Value xs = x;
  if (stash != elem)
    xs = c.elementwise({x}, stash, [&](OpBuilder &, Location, ValueRange a) {
      return c.castScalar(a[0], elem, stash);
    });
  int64_t axis = wrapAxis(c.i("axis", -1), rank);
  SmallVector<int64_t> axes;
  for (int64_t d = axis; d < rank; ++d)
    axes.push_back(d);
  auto [y, mean, inv] = normalize(c, xs, axes, c.f("epsilon", 1e-5));
  if (stash != elem)
    y = c.elementwise({y}, elem, [&](OpBuilder &, Location, ValueRange a) {
      return c.castScalar(a[0], stash, elem);
    });
  SmallVector<Value> ins{y, c.in(1)};
  if (Value bias = c.in(2))
    ins.push_back(bias);
  Value r = c.elementwise(ins, elem, [](OpBuilder &b, Location l,
                                        ValueRange a) -> Value {
    Value v = arith::MulFOp::create(b, l, a[0], a[1]);
    if (a.size() > 2)
      v = arith::AddFOp::create(b, l, v, a[2]);
    return v;
  });
  SmallVector<Value> res{r};
  if (c.op->getNumResults() > 1)
    res.push_back(mean);
  if (c.op->getNumResults() > 2)
    res.push_back(inv);
  return res;
}

static FailureOr<SmallVector<Value>> lowerMVN(Ctx &c) {
  Value x = c.input(0);
  Type elem = cast<RankedTensorType>((x).getType()).getElementType();
  int64_t rank = cast<RankedTensorType>((x).getType()).getRank();
  SmallVector<int64_t> axes =
      c.ints("axes").value_or(SmallVector<int64_t>{0, 2, 3});
  for (int64_t &a : axes)
    a = wrapAxis(a, rank);
  Value nf = c.count(x, axes, elem);
  auto add = [](OpBuilder &b, Location l, Value v, Value acc) -> Value {
    return arith::AddFOp::create(b, l, v, acc);
  };
  Value s1 = c.reduce(x, axes, true, c.constF(elem, 0), add);
  Value s2 = c.reduce(x, axes, true, c.constF(elem, 0), add,
                      [](OpBuilder &b, Location l, Value v) -> Value {
                        return arith::MulFOp::create(b, l, v, v);
                      });
  Value eps = c.constF(elem, 1e-9);
  Value r = c.elementwise(
      {x, s1, s2}, elem, [&](OpBuilder &b, Location l, ValueRange a) -> Value {
        Value mean = arith::DivFOp::create(b, l, a[1], nf);
        Value ex2 = arith::DivFOp::create(b, l, a[2], nf);
        Value var = arith::SubFOp::create(
            b, l, ex2, arith::MulFOp::create(b, l, mean, mean));
        Value sd =
            arith::AddFOp::create(b, l, math::SqrtOp::create(b, l, var), eps);
        return arith::DivFOp::create(
            b, l, arith::SubFOp::create(b, l, a[0], mean), sd);
      });
  return SmallVector<Value>{r};
}

static FailureOr<SmallVector<Value>> lowerLRN(Ctx &c) {
  Value x = c.input(0);
  auto xt = cast<RankedTensorType>((x).getType());
  Type elem = xt.getElementType();
  int64_t rank = xt.getRank();
  int64_t size = c.i("size", 1);
  double alpha = c.f("alpha", 1e-4), beta = c.f("beta", 0.75),
         bias = c.f("bias", 1.0);
  int64_t lo = (size - 1) / 2, hi = size - 1 - lo;
  Value sq = c.elementwise({x}, elem,
                           [](OpBuilder &b, Location l, ValueRange a) -> Value {
                             return arith::MulFOp::create(b, l, a[0], a[0]);
                           });
  SmallVector<OpFoldResult> l(rank, c.b.getIndexAttr(0)),
      h(rank, c.b.getIndexAttr(0));
  l[1] = c.b.getIndexAttr(lo);
  h[1] = c.b.getIndexAttr(hi);
  SmallVector<int64_t> shape(xt.getShape());
  if (!ShapedType::isDynamic(shape[1]))
    shape[1] += size - 1;
  Value padded = tensor::PadOp::create(
      c.b, c.loc, RankedTensorType::get(shape, elem), sq, l, h,
      c.constF(elem, 0));
  MLIRContext *ctx = c.b.getContext();
  SmallVector<AffineExpr> pe, we{getAffineDimExpr(rank, ctx)}, oe;
  for (int64_t d = 0; d < rank; ++d) {
    pe.push_back(d == 1 ? getAffineDimExpr(1, ctx) + getAffineDimExpr(rank, ctx)
                        : getAffineDimExpr(d, ctx));
    oe.push_back(getAffineDimExpr(d, ctx));
  }
  Value window = c.empty({c.b.getIndexAttr(size)}, elem);
  Value init = c.fill(c.dims(x), elem, c.constF(elem, 0));
  Value sum =
      linalg::GenericOp::create(
          c.b, c.loc, TypeRange{init.getType()}, ValueRange{padded, window},
          ValueRange{init},
          {AffineMap::get(rank + 1, 0, pe, ctx),
           AffineMap::get(rank + 1, 0, we, ctx),
           AffineMap::get(rank + 1, 0, oe, ctx)},
          iterTypes(rank, 1),
          [](OpBuilder &b, Location l, ValueRange a) {
            linalg::YieldOp::create(
                b, l, arith::AddFOp::create(b, l, a[2], a[0]).getResult());
          })
          .getResult(0);
  Value r = c.elementwise(
      {x, sum}, elem, [&](OpBuilder &b, Location l, ValueRange a) -> Value {
        Value d = arith::AddFOp::create(
            b, l, c.constF(elem, bias),
            arith::MulFOp::create(b, l, a[1], c.constF(elem, alpha / size)));
        Value p = math::PowFOp::create(b, l, d, c.constF(elem, beta));
        return arith::DivFOp::create(b, l, a[0], p);
      });
  return SmallVector<Value>{r};
}

//===----------------------------------------------------------------------===//
// Einsum
//===----------------------------------------------------------------------===//

static FailureOr<SmallVector<Value>> lowerEinsum(Ctx &c) {
  SmallVector<Value> ins = c.allInputs();
  for (Value v : ins)
    if (!isa<RankedTensorType>(v.getType()))
      return c.failure("inputs must be ranked");
  std::string eq;
  for (char ch : c.s("equation", ""))
    if (ch != ' ')
      eq.push_back(ch);
  std::string lhs = eq, rhs;
  bool explicitOut = false;
  if (size_t p = eq.find("->"); p != std::string::npos) {
    lhs = eq.substr(0, p);
    rhs = eq.substr(p + 2);
    explicitOut = true;
  }
  SmallVector<std::string> terms;
  for (StringRef t : llvm::split(StringRef(lhs), ','))
    terms.push_back(t.str());
  if (terms.size() != ins.size())
    return c.failure("equation has " + Twine(terms.size()) + " terms for " +
                     Twine(ins.size()) + " inputs");
  // Expand "..." into upper-case letters (not used by ONNX subscripts).
  int64_t ell = 0;
  for (unsigned i = 0; i < terms.size(); ++i) {
    size_t p = terms[i].find("...");
    if (p == std::string::npos)
      continue;
    int64_t rank = cast<RankedTensorType>(ins[i].getType()).getRank();
    ell = std::max<int64_t>(ell, rank - ((int64_t)terms[i].size() - 3));
  }
  auto expand = [&](std::string t, int64_t rank) {
    size_t p = t.find("...");
    if (p == std::string::npos)
      return t;
    int64_t n = rank - ((int64_t)t.size() - 3);
    std::string e;
    for (int64_t k = ell - n; k < ell; ++k)
      e.push_back('A' + k);
    return t.substr(0, p) + e + t.substr(p + 3);
  };
  for (unsigned i = 0; i < terms.size(); ++i)
    terms[i] = expand(terms[i],
                      cast<RankedTensorType>(ins[i].getType()).getRank());
  if (!explicitOut) {
    for (int64_t k = 0; k < ell; ++k)
      rhs.push_back('A' + k);
    std::map<char, int> count;
    for (auto &t : terms)
      for (char ch : t)
        count[ch]++;
    for (auto [ch, n] : count)
      if (n == 1 && ch >= 'a')
        rhs.push_back(ch);
  } else {
    std::string e;
    for (int64_t k = 0; k < ell; ++k)
      e.push_back('A' + k);
    if (size_t p = rhs.find("..."); p != std::string::npos)
      rhs = rhs.substr(0, p) + e + rhs.substr(p + 3);
  }
  // Loop order: output letters, then the summed ones.
  std::string loops = rhs;
  for (auto &t : terms)
    for (char ch : t)
      if (loops.find(ch) == std::string::npos)
        loops.push_back(ch);
  MLIRContext *ctx = c.b.getContext();
  std::map<char, OpFoldResult> size;
  for (unsigned i = 0; i < terms.size(); ++i)
    for (unsigned d = 0; d < terms[i].size(); ++d) {
      OpFoldResult s = c.dim(ins[i], d);
      auto it = size.find(terms[i][d]);
      if (it == size.end() || getConstantIntValue(it->second) == 1)
        size[terms[i][d]] = s;
    }
  SmallVector<AffineMap> maps;
  for (unsigned i = 0; i < terms.size(); ++i) {
    auto t = cast<RankedTensorType>(ins[i].getType());
    SmallVector<AffineExpr> e;
    for (unsigned d = 0; d < terms[i].size(); ++d) {
      char ch = terms[i][d];
      bool bcast = t.getDimSize(d) == 1 && getConstantIntValue(size[ch]) != 1;
      e.push_back(bcast ? getAffineConstantExpr(0, ctx)
                        : getAffineDimExpr(loops.find(ch), ctx));
    }
    maps.push_back(AffineMap::get(loops.size(), 0, e, ctx));
  }
  SmallVector<AffineExpr> oe;
  SmallVector<OpFoldResult> out;
  for (unsigned d = 0; d < rhs.size(); ++d) {
    oe.push_back(getAffineDimExpr(d, ctx));
    out.push_back(size[rhs[d]]);
  }
  maps.push_back(AffineMap::get(loops.size(), 0, oe, ctx));
  Type elem = cast<RankedTensorType>(ins[0].getType()).getElementType();
  Value r = contraction(c, ins, maps, out, elem,
                        iterTypes(rhs.size(), loops.size() - rhs.size()));
  return SmallVector<Value>{r};
}

//===----------------------------------------------------------------------===//
// Resize / Upsample (nearest, linear)
//===----------------------------------------------------------------------===//

static FailureOr<SmallVector<Value>> lowerResize(Ctx &c) {
  Value x0 = c.input(0);
  Value x = x0;
  auto xt = cast<RankedTensorType>(x.getType());
  int64_t r = xt.getRank();
  Type elem = xt.getElementType();
  bool upsample = c.opType == "Upsample";
  std::string mode = c.s("mode", "nearest");
  if (mode != "nearest" && mode != "linear" && mode != "bilinear")
    return c.failure("mode '" + mode + "' is not supported (nearest, linear)");
  bool linear = mode != "nearest";
  std::string ctm = c.s("coordinate_transformation_mode",
                        upsample || c.version < 11 ? "asymmetric"
                                                   : "half_pixel");
  std::string nm = c.s("nearest_mode", upsample || c.version < 11
                                           ? "floor"
                                           : "round_prefer_floor");
  if (ctm != "asymmetric" && ctm != "align_corners" && ctm != "half_pixel" &&
      ctm != "pytorch_half_pixel" && ctm != "half_pixel_symmetric")
    return c.failure("coordinate_transformation_mode=" + ctm +
                     " is not supported");
  if (c.has("axes") || c.i("keep_aspect_ratio_policy", 0))
    return c.failure("axes / keep_aspect_ratio_policy are not supported");
  // Scales and output sizes (static input dims).
  SmallVector<double> scales;
  SmallVector<int64_t> outSizes;
  SmallVector<Value> runtimeScales; // f32 scalars, when not constant
  if (!xt.hasStaticShape())
    return c.failure("dynamic input shapes are not supported");
  if (upsample && c.version < 9) {
    scales = c.floats("scales").value_or(SmallVector<double>{});
  } else {
    Value sv = c.in(upsample || c.version < 11 ? 1 : 2);
    Value zv = (upsample || c.version < 11) ? Value() : c.in(3);
    auto st = sv ? dyn_cast<RankedTensorType>(sv.getType()) : nullptr;
    auto declared = dyn_cast<RankedTensorType>(c.resultType(0));
    if (sv && (!st || !st.hasStaticShape() || st.getNumElements() > 0)) {
      if (auto s = c.constFloats(sv)) {
        scales = *s;
      } else if (declared && declared.hasStaticShape() && st &&
                 st.hasStaticShape() && st.getNumElements() == r) {
        // Run-time scales: the output shape is the declared one; the
        // coordinate transform reads the scales at run time.
        outSizes.assign(declared.getShape().begin(), declared.getShape().end());
        for (int64_t d = 0; d < r; ++d)
          runtimeScales.push_back(tensor::ExtractOp::create(
              c.b, c.loc, sv, ValueRange{c.index(d)}));
      } else {
        return c.failure("scales must be constant (or the output shape "
                         "static)");
      }
    } else if (zv) {
      if (auto z = c.constInts(zv))
        outSizes = *z;
      else if (declared && declared.hasStaticShape())
        outSizes.assign(declared.getShape().begin(), declared.getShape().end());
      else
        return c.failure("sizes must be constant (or the output shape "
                         "static)");
    }
  }
  if (!runtimeScales.empty()) {
    if (ctm == "half_pixel_symmetric")
      return c.failure("half_pixel_symmetric needs constant scales");
    scales.assign(r, 0.0);
  } else if (outSizes.empty()) {
    if ((int64_t)scales.size() != r)
      return c.failure("scales must have one value per dim");
    for (int64_t d = 0; d < r; ++d)
      outSizes.push_back((int64_t)std::floor(xt.getDimSize(d) * scales[d]));
  } else {
    scales.clear();
    for (int64_t d = 0; d < r; ++d)
      scales.push_back((double)outSizes[d] / xt.getDimSize(d));
  }
  SmallVector<OpFoldResult> out;
  for (int64_t v : outSizes)
    out.push_back(c.b.getIndexAttr(v));
  Value init = c.empty(out, elem);
  auto g = linalg::GenericOp::create(
      c.b, c.loc, TypeRange{init.getType()}, ValueRange{}, ValueRange{init},
      {AffineMap::getMultiDimIdentityMap(r, c.b.getContext())},
      SmallVector<utils::IteratorType>(r, utils::IteratorType::parallel),
      [&](OpBuilder &b, Location l, ValueRange) {
        Type f32 = b.getF32Type();
        auto fc = [&](double v) {
          return (Value)arith::ConstantOp::create(b, l, f32,
                                                  b.getF32FloatAttr(v));
        };
        // Per dim: source coordinate (float), lower index, upper index, weight.
        SmallVector<Value> lo, hi, wt;
        SmallVector<bool> interp;
        for (int64_t d = 0; d < r; ++d) {
          int64_t in = xt.getDimSize(d), on = outSizes[d];
          Value i = linalg::IndexOp::create(b, l, d);
          Value fi = arith::UIToFPOp::create(
              b, l, f32, arith::IndexCastOp::create(b, l, b.getI64Type(), i));
          float sc = (float)scales[d];
          Value scV = runtimeScales.empty() ? fc(sc) : runtimeScales[d];
          Value xo;
          if (ctm == "asymmetric") {
            xo = arith::DivFOp::create(b, l, fi, scV);
          } else if (ctm == "align_corners") {
            xo = on == 1 ? fc(0)
                         : (Value)arith::MulFOp::create(
                               b, l, fi, fc((double)(in - 1) / (on - 1)));
          } else if (ctm == "half_pixel" || ctm == "pytorch_half_pixel") {
            xo = arith::SubFOp::create(
                b, l,
                arith::DivFOp::create(b, l,
                                      arith::AddFOp::create(b, l, fi, fc(0.5)),
                                      scV),
                fc(0.5));
            if (ctm == "pytorch_half_pixel" && on <= 1)
              xo = fc(0);
          } else if (ctm == "half_pixel_symmetric") {
            double adj = (double)on / (sc * in);
            double center = in / 2.0, off = center * (1 - adj);
            xo = arith::SubFOp::create(
                b, l,
                arith::AddFOp::create(
                    b, l,
                    arith::DivFOp::create(
                        b, l, arith::AddFOp::create(b, l, fi, fc(0.5)), fc(sc)),
                    fc(off)),
                fc(0.5));
          } else {
            llvm_unreachable("checked above");
          }
          Value maxI = arith::ConstantIndexOp::create(b, l, in - 1);
          Value zero = arith::ConstantIndexOp::create(b, l, 0);
          auto toIdx = [&](Value f) {
            Value si = arith::FPToSIOp::create(b, l, b.getI64Type(), f);
            Value ii = arith::IndexCastOp::create(b, l, b.getIndexType(), si);
            return (Value)arith::MinSIOp::create(
                b, l, arith::MaxSIOp::create(b, l, ii, zero), maxI);
          };
          if (!linear) {
            Value f;
            if (nm == "floor")
              f = math::FloorOp::create(b, l, xo);
            else if (nm == "ceil")
              f = math::CeilOp::create(b, l, xo);
            else if (nm == "round_prefer_ceil")
              f = math::FloorOp::create(b, l,
                                        arith::AddFOp::create(b, l, xo, fc(0.5)));
            else // round_prefer_floor
              f = math::CeilOp::create(b, l,
                                       arith::SubFOp::create(b, l, xo, fc(0.5)));
            lo.push_back(toIdx(f));
            hi.push_back(Value());
            wt.push_back(Value());
            interp.push_back(false);
            continue;
          }
          if (in == on && ctm != "align_corners" && runtimeScales.empty() &&
              sc == 1.0f) {
            lo.push_back(i);
            hi.push_back(Value());
            wt.push_back(Value());
            interp.push_back(false);
            continue;
          }
          // Clamp the coordinate into [0, in - 1].
          xo = arith::MaximumFOp::create(b, l, xo, fc(0));
          xo = arith::MinimumFOp::create(b, l, xo, fc(in - 1));
          Value fl = math::FloorOp::create(b, l, xo);
          Value i0 = toIdx(fl);
          Value i1 = arith::MinSIOp::create(
              b, l,
              arith::AddIOp::create(b, l, i0,
                                    arith::ConstantIndexOp::create(b, l, 1)),
              maxI);
          lo.push_back(i0);
          hi.push_back(i1);
          wt.push_back(arith::SubFOp::create(b, l, xo, fl));
          interp.push_back(true);
        }
        // Sum over the corners of the interpolated dims.
        SmallVector<int64_t> idims;
        for (int64_t d = 0; d < r; ++d)
          if (interp[d])
            idims.push_back(d);
        Value acc;
        for (int64_t mask = 0; mask < (1 << idims.size()); ++mask) {
          SmallVector<Value> ind(lo);
          Value w = fc(1);
          for (unsigned k = 0; k < idims.size(); ++k) {
            int64_t d = idims[k];
            bool up = mask & (1 << k);
            if (up)
              ind[d] = hi[d];
            Value wd = up ? wt[d] : arith::SubFOp::create(b, l, fc(1), wt[d]);
            w = arith::MulFOp::create(b, l, w, wd);
          }
          Value v = tensor::ExtractOp::create(b, l, x, ind);
          if (idims.empty()) {
            acc = v;
            break;
          }
          Value vf = c.castScalar(v, elem, f32);
          Value t = arith::MulFOp::create(b, l, vf, w);
          acc = acc ? (Value)arith::AddFOp::create(b, l, acc, t) : t;
        }
        if (!idims.empty())
          acc = c.castScalar(acc, f32, elem);
        linalg::YieldOp::create(b, l, acc);
      });
  return SmallVector<Value>{g.getResult(0)};
}

void mlir::ONNX::lowering::populateONNXToNNPatterns(LoweringSet &t) {
  t.add<op_types::MatMul>(lowerMatMul);
  t.add<op_types::Gemm>(lowerGemm);
  t.add<op_types::Conv>(lowerConv);
  t.add<op_types::MaxPool>(lowerPool);
  t.add<op_types::AveragePool>(lowerPool);
  t.add<op_types::GlobalAveragePool>(lowerGlobalPool);
  t.add<op_types::GlobalMaxPool>(lowerGlobalPool);
  t.add<op_types::BatchNormalization>(lowerBatchNorm);
  t.add<op_types::InstanceNormalization>(lowerInstanceNorm);
  t.add<op_types::LayerNormalization>(lowerLayerNorm);
  t.add<op_types::MeanVarianceNormalization>(lowerMVN);
  t.add<op_types::LRN>(lowerLRN);
  t.add<op_types::Einsum>(lowerEinsum);
  t.add<op_types::Resize>(lowerResize);
  t.add<op_types::Upsample>(lowerResize);
}

//===----------------------------------------------------------------------===//
// Losses: NegativeLogLikelihoodLoss, SoftmaxCrossEntropyLoss
//===----------------------------------------------------------------------===//

/// NLL of log-probabilities `logp` [N, C, d...] at int `target` [N, d...]
/// with optional class weights, ignore_index and reduction.
static FailureOr<Value> nllLoss(Ctx &c, Value logp, Value target,
                                Value weight) {
  auto lt = cast<RankedTensorType>(logp.getType());
  auto tt = cast<RankedTensorType>(target.getType());
  Type elem = lt.getElementType();
  std::string reduction = c.s("reduction", "mean");
  std::optional<int64_t> ignore;
  if (c.has("ignore_index"))
    ignore = c.i("ignore_index", 0);
  int64_t r = tt.getRank();
  SmallVector<OpFoldResult> out = c.dims(target);
  Value lossInit = c.empty(out, elem), wInit = c.empty(out, elem);
  auto id = AffineMap::getMultiDimIdentityMap(r, c.b.getContext());
  Type te = tt.getElementType();
  auto g = linalg::GenericOp::create(
      c.b, c.loc, TypeRange{lossInit.getType(), wInit.getType()},
      ValueRange{target}, ValueRange{lossInit, wInit}, {id, id, id},
      SmallVector<utils::IteratorType>(r, utils::IteratorType::parallel),
      [&](OpBuilder &b, Location l, ValueRange a) {
        Value t = a[0];
        Value ignored = arith::ConstantIntOp::create(b, l, b.getI1Type(), 0);
        if (ignore)
          ignored = arith::CmpIOp::create(
              b, l, arith::CmpIPredicate::eq, t,
              arith::ConstantOp::create(b, l, te,
                                        b.getIntegerAttr(te, *ignore)));
        Value safe = arith::SelectOp::create(
            b, l, ignored,
            arith::ConstantOp::create(b, l, te, b.getIntegerAttr(te, 0)), t);
        Value ti = arith::IndexCastOp::create(b, l, b.getIndexType(), safe);
        SmallVector<Value> idx{linalg::IndexOp::create(b, l, 0), ti};
        for (int64_t d = 1; d < r; ++d)
          idx.push_back(linalg::IndexOp::create(b, l, d));
        Value x = tensor::ExtractOp::create(b, l, logp, idx);
        Value w = weight ? (Value)tensor::ExtractOp::create(b, l, weight,
                                                            ValueRange{ti})
                         : arith::ConstantOp::create(
                               b, l, elem, b.getFloatAttr(elem, 1.0));
        Value zero = arith::ConstantOp::create(b, l, elem,
                                               b.getFloatAttr(elem, 0.0));
        w = arith::SelectOp::create(b, l, ignored, zero, w);
        Value loss = arith::NegFOp::create(b, l, arith::MulFOp::create(b, l, x, w));
        linalg::YieldOp::create(b, l, ValueRange{loss, w});
      });
  Value loss = g.getResult(0), w = g.getResult(1);
  if (reduction == "none")
    return loss;
  SmallVector<int64_t> all;
  for (int64_t d = 0; d < r; ++d)
    all.push_back(d);
  auto add = [](OpBuilder &b, Location l, Value v, Value acc) -> Value {
    return arith::AddFOp::create(b, l, v, acc);
  };
  Value sum = c.reduce(loss, all, false, c.constF(elem, 0), add);
  if (reduction == "sum")
    return sum;
  if (reduction != "mean") {
    (void)c.fail("unknown reduction '" + reduction + "'");
    return failure();
  }
  Value wsum = c.reduce(w, all, false, c.constF(elem, 0), add);
  return c.elementwise({sum, wsum}, elem,
                       [](OpBuilder &b, Location l, ValueRange a) -> Value {
                         return arith::DivFOp::create(b, l, a[0], a[1]);
                       });
}

static FailureOr<SmallVector<Value>> lowerNLL(Ctx &c) {
  auto r = nllLoss(c, c.in(0), c.in(1), c.in(2));
  if (failed(r))
    return failure();
  return SmallVector<Value>{*r};
}

static FailureOr<SmallVector<Value>> lowerSCE(Ctx &c) {
  Value x = c.in(0);
  Type elem = cast<RankedTensorType>(x.getType()).getElementType();
  // log_softmax over the class axis 1.
  auto [sh, sumExp] = softmaxParts(c, x, {1});
  Value logp = c.elementwise(
      {sh, sumExp}, elem, [](OpBuilder &b, Location l, ValueRange a) -> Value {
        return arith::SubFOp::create(b, l, a[0], math::LogOp::create(b, l, a[1]));
      });
  auto r = nllLoss(c, logp, c.in(1), c.in(2));
  if (failed(r))
    return failure();
  SmallVector<Value> res{*r};
  if (c.op->getNumResults() > 1)
    res.push_back(logp);
  return res;
}

//===----------------------------------------------------------------------===//
// ConvTranspose
//===----------------------------------------------------------------------===//

static FailureOr<SmallVector<Value>> lowerConvTranspose(Ctx &c) {
  Value x0 = c.input(0), w0 = c.input(1);
  Value x = x0, w = w0;
  auto xt = cast<RankedTensorType>(x.getType());
  auto wt = cast<RankedTensorType>(w.getType());
  Type elem = xt.getElementType();
  int64_t k = xt.getRank() - 2;
  if (!xt.hasStaticShape() || !wt.hasStaticShape())
    return c.failure("static shapes are required");
  int64_t groups = c.i("group", 1);
  auto ints = [&](StringRef n, int64_t d) {
    auto v = c.ints(n).value_or(SmallVector<int64_t>{});
    if (v.empty())
      v.assign(k, d);
    return v;
  };
  SmallVector<int64_t> strides = ints("strides", 1), dil = ints("dilations", 1),
                       outPad = ints("output_padding", 0);
  SmallVector<int64_t> kernel(wt.getShape().drop_front(2));
  SmallVector<int64_t> pads = c.ints("pads").value_or(SmallVector<int64_t>{});
  if (pads.empty())
    pads.assign(2 * k, 0);
  std::string autoPad = c.s("auto_pad", "NOTSET");
  auto outShape = c.ints("output_shape");
  SmallVector<int64_t> out(k);
  // Python's floor division (total padding may be negative: then the output
  // grows at the end), as in ONNX's reference.
  auto half = [](int64_t t) { return t >= 0 ? t / 2 : -((-t + 1) / 2); };
  for (int64_t d = 0; d < k; ++d) {
    int64_t in = xt.getDimSize(d + 2);
    int64_t full = strides[d] * (in - 1) + outPad[d] +
                   (kernel[d] - 1) * dil[d] + 1;
    if (outShape && !outShape->empty()) {
      int64_t o = (*outShape)[outShape->size() - k + d];
      int64_t total = full - o;
      if (autoPad == "SAME_UPPER") {
        pads[d] = half(total);
        pads[d + k] = total - half(total);
      } else {
        pads[d] = total - half(total);
        pads[d + k] = half(total);
      }
    } else if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
      int64_t total = full - in * strides[d];
      if (autoPad == "SAME_UPPER") {
        pads[d] = total / 2;
        pads[d + k] = total - total / 2;
      } else {
        pads[d] = total - total / 2;
        pads[d + k] = total / 2;
      }
    } else if (autoPad == "VALID") {
      pads[d] = pads[d + k] = 0;
    }
    out[d] = full - pads[d] - pads[d + k];
  }
  int64_t C = xt.getDimSize(1), Mg = wt.getDimSize(1), Cg = C / groups;
  SmallVector<OpFoldResult> outDims{c.dim(x, 0), c.b.getIndexAttr(Mg * groups)};
  for (int64_t v : out)
    outDims.push_back(c.b.getIndexAttr(v));
  Value init = biasInit(c, c.in(2), outDims, elem);
  // Loops (n, g, m, o.., c, kk..): y[n, g, m, o] += x[n, g, c, i] *
  // w[g, c, m, kk] where o + pad = i * s + kk * d.
  SmallVector<OpFoldResult> wg{c.b.getIndexAttr(groups), c.b.getIndexAttr(Cg),
                               c.b.getIndexAttr(Mg)};
  SmallVector<OpFoldResult> og{outDims[0], c.b.getIndexAttr(groups),
                               c.b.getIndexAttr(Mg)};
  for (int64_t d = 0; d < k; ++d) {
    wg.push_back(c.b.getIndexAttr(kernel[d]));
    og.push_back(outDims[d + 2]);
  }
  Value wr = c.reshape(w, wg), ir = c.reshape(init, og);
  MLIRContext *ctx = c.b.getContext();
  int64_t loops = 3 + k + 1 + k;
  auto D = [&](int64_t i) { return getAffineDimExpr(i, ctx); };
  SmallVector<AffineExpr> we{D(1), D(3 + k), D(2)}, oe{D(0), D(1), D(2)};
  for (int64_t d = 0; d < k; ++d) {
    we.push_back(D(4 + k + d));
    oe.push_back(D(3 + d));
  }
  auto g = linalg::GenericOp::create(
      c.b, c.loc, TypeRange{ir.getType()}, ValueRange{wr}, ValueRange{ir},
      {AffineMap::get(loops, 0, we, ctx), AffineMap::get(loops, 0, oe, ctx)},
      iterTypes(3 + k, 1 + k), [&](OpBuilder &b, Location l, ValueRange a) {
        auto idx = [&](int64_t i) { return linalg::IndexOp::create(b, l, i); };
        auto cst = [&](int64_t v) {
          return arith::ConstantIndexOp::create(b, l, v);
        };
        Value valid = arith::ConstantIntOp::create(b, l, b.getI1Type(), 1);
        SmallVector<Value> xi{idx(0),
                              arith::AddIOp::create(
                                  b, l, arith::MulIOp::create(b, l, idx(1), cst(Cg)),
                                  idx(3 + k))};
        for (int64_t d = 0; d < k; ++d) {
          // num = o + pad - kk * dil; i = num / s when divisible.
          Value num = arith::SubIOp::create(
              b, l, arith::AddIOp::create(b, l, idx(3 + d), cst(pads[d])),
              arith::MulIOp::create(b, l, idx(4 + k + d), cst(dil[d])));
          Value nonneg = arith::CmpIOp::create(b, l, arith::CmpIPredicate::sge,
                                               num, cst(0));
          Value safe = arith::SelectOp::create(b, l, nonneg, num, cst(0));
          Value q = arith::DivUIOp::create(b, l, safe, cst(strides[d]));
          Value rem = arith::RemUIOp::create(b, l, safe, cst(strides[d]));
          Value ok = arith::AndIOp::create(
              b, l, nonneg,
              arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, rem, cst(0)));
          ok = arith::AndIOp::create(
              b, l, ok,
              arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, q,
                                    cst(xt.getDimSize(d + 2))));
          valid = arith::AndIOp::create(b, l, valid, ok);
          xi.push_back(arith::SelectOp::create(b, l, ok, q, cst(0)));
        }
        Value xv = tensor::ExtractOp::create(b, l, x, xi);
        Value p = arith::MulFOp::create(b, l, xv, a[0]);
        Value zero =
            arith::ConstantOp::create(b, l, elem, b.getFloatAttr(elem, 0.0));
        p = arith::SelectOp::create(b, l, valid, p, zero);
        linalg::YieldOp::create(b, l, arith::AddFOp::create(b, l, a[1], p).getResult());
      });
  return SmallVector<Value>{c.reshape(g.getResult(0), outDims)};
}

void mlir::ONNX::lowering::populateONNXToLossPatterns(LoweringSet &t) {
  t.add<op_types::NegativeLogLikelihoodLoss>(lowerNLL);
  t.add<op_types::SoftmaxCrossEntropyLoss>(lowerSCE);
  t.add<op_types::ConvTranspose>(lowerConvTranspose);
}
