//===- NN.cpp - neural-network aten ops -> ONNX ---------------------------===//
//
// Convolution, linear algebra, pooling, normalization, softmax, resampling,
// padding, embedding and the reductions.
//
//===----------------------------------------------------------------------===//

#include "Emitter.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace mlir::torch_onnx;

namespace {

using Attrs = SmallVector<std::pair<StringRef, Attribute>>;

SmallVector<int64_t> twice(ArrayRef<int64_t> p) {
  SmallVector<int64_t> r(p.begin(), p.end());
  r.append(p.begin(), p.end());
  return r;
}

/// conv(input, weight, bias, stride, padding, dilation, [transposed,
/// output_padding,] groups).
bool lowerConv(Emitter &e, unsigned strideIdx, unsigned padIdx, unsigned dilIdx,
               int transposedIdx, int outPadIdx, unsigned groupsIdx) {
  auto wshape = Emitter::shapeOf(e.in(1));
  if (!wshape)
    return e.fail("the weight's rank must be known");
  unsigned n = wshape->size() - 2;
  auto stride = e.constInts(strideIdx, "stride", n);
  auto dil = e.constInts(dilIdx, "dilation", n);
  auto groups = e.constInt(groupsIdx, "groups");
  if (!stride || !dil || !groups)
    return false;
  Attrs attrs{
      {"strides", e.ints(*stride)},
      {"dilations", e.ints(*dil)},
      {"group", e.i64(*groups)},
      {"kernel_shape", e.ints(ArrayRef<int64_t>(*wshape).drop_front(2))}};
  if (isa<Torch::StringType>(e.orig(padIdx).getType())) {
    auto mode = e.orig(padIdx).getDefiningOp<Torch::ConstantStrOp>();
    if (!mode)
      return e.fail("'padding' must be a constant string");
    if (mode.getValue() == "same")
      attrs.push_back({"auto_pad", e.str("SAME_UPPER")});
    else
      attrs.push_back({"pads", e.ints(SmallVector<int64_t>(2 * n, 0))});
  } else {
    auto pad = e.constInts(padIdx, "padding", n);
    if (!pad)
      return false;
    attrs.push_back({"pads", e.ints(twice(*pad))});
  }
  bool transposed = false;
  if (transposedIdx >= 0) {
    auto t = Torch::getConstantBool(e.orig(transposedIdx));
    if (!t)
      return e.fail("'transposed' must be constant");
    transposed = *t;
  }
  Value bias = Torch::isConstantNone(e.orig(2)) ? Value() : e.in(2);
  if (transposed) {
    auto op = e.constInts(outPadIdx, "output_padding", n);
    if (!op)
      return false;
    // ConvTranspose's kernel_shape is the weight's spatial dims too.
    attrs.push_back({"output_padding", e.ints(*op)});
    Value r =
        e.n1("ConvTranspose", {e.in(0), e.in(1), bias}, attrs, e.resultType());
    return r && e.done(r);
  }
  Value r = e.n1("Conv", {e.in(0), e.in(1), bias}, attrs, e.resultType());
  return r && e.done(r);
}

/// max/avg pooling (input, kernel, stride, padding, [dilation,] ceil_mode
/// [, count_include_pad, divisor_override]).
/// a mod b for non-negative integer tensors: Mod, or before opset 10
/// a - (a / b) * b.
Value nonNegativeMod(Emitter &e, Value a, Value b, Type result = {}) {
  if (e.opset() >= 10)
    return e.n1("Mod", {a, b}, {}, result);
  Value q = e.n1("Div", {a, b});
  return e.n1("Sub", {a, e.n1("Mul", {q, b})}, {}, result);
}

/// torch's max-pool indices (flat positions within each (n, c) plane) from
/// ONNX MaxPool's (flat positions within the whole tensor `x`): modulo the
/// plane size, the product of x's last `n` dims.
Value torchPoolIndices(Emitter &e, Value onnxIdx, Value x, unsigned n,
                       Type result) {
  auto shape = Emitter::shapeOf(x);
  if (!shape || shape->size() < n) {
    e.fail("the input rank must be known");
    return {};
  }
  int64_t rank = shape->size(), plane = 1;
  for (int64_t d : ArrayRef<int64_t>(*shape).take_back(n))
    plane = (plane == ShapedType::kDynamic || d == ShapedType::kDynamic)
                ? ShapedType::kDynamic
                : plane * d;
  Value size =
      plane != ShapedType::kDynamic
          ? e.i64s({plane})
          : e.reduce("ReduceProd", e.slice(e.shape(x), {rank - n}, {rank}, {0}),
                     ArrayRef<int64_t>{0}, true);
  return nonNegativeMod(e, onnxIdx, size, result);
}

/// max/avg pooling; `withIndices`: max pooling's (values, indices) pair.
/// An unbatched input ([C, *spatial]) gets a unit batch dim around the op.
bool lowerPool(Emitter &e, bool isMax, unsigned n, bool withIndices = false) {
  auto k = e.constInts(1, "kernel_size", n);
  auto s = e.constInts(2, "stride", n);
  auto p = e.constInts(3, "padding", n);
  if (!k || !p || !s)
    return false;
  if (s->empty())
    s = k;
  std::optional<SmallVector<int64_t>> d = SmallVector<int64_t>(n, 1);
  unsigned ceilIdx = 4;
  if (isMax) {
    d = e.constInts(4, "dilation", n);
    ceilIdx = 5;
  }
  auto ceil = Torch::getConstantBool(e.orig(ceilIdx));
  if (!d || !ceil)
    return e.fail("dilation and ceil_mode must be constant");
  SmallVector<int64_t> pads = twice(*p);
  bool nonUnitDil = llvm::any_of(*d, [](int64_t v) { return v != 1; });
  auto spatial = Emitter::shapeOf(e.in(0));
  if (e.opset() < 10 && *ceil && isMax && !nonUnitDil && spatial &&
      spatial->size() >= n) {
    // MaxPool-8 has no ceil_mode: the end padding (ignored by max) grows by
    // what makes floor division give torch's ceil-mode size (whose last
    // window starts inside the input or the left padding).
    for (unsigned i = 0; i < n; ++i) {
      int64_t in = (*spatial)[spatial->size() - n + i];
      if (in == ShapedType::kDynamic)
        return e.fail("ceil_mode before opset 10 needs static spatial sizes");
      int64_t num = in + 2 * (*p)[i] - (*k)[i];
      int64_t out = (num + (*s)[i] - 1) / (*s)[i] + 1;
      if ((out - 1) * (*s)[i] >= in + (*p)[i])
        --out;
      pads[n + i] += std::max<int64_t>(0, (out - 1) * (*s)[i] - num);
    }
    *ceil = false;
  }
  Attrs attrs{{"kernel_shape", e.ints(*k)},
              {"strides", e.ints(*s)},
              {"pads", e.ints(pads)}};
  if (e.opset() < 10 && (*ceil || nonUnitDil))
    return e.fail("ceil_mode or dilation needs opset 10 (MaxPool/AveragePool "
                  "before 10 lack them)");
  if (e.opset() >= 10)
    attrs.push_back({"ceil_mode", e.i64(*ceil)});
  Value x = e.in(0);
  auto rank = Emitter::rankOf(x);
  bool unbatched = rank && *rank == (int64_t)n + 1;
  if (unbatched)
    x = e.unsqueeze(x, {0});
  auto finish = [&](Value v, unsigned i) {
    if (unbatched)
      v = e.squeeze(v, {0});
    if (v)
      v.setType(e.resultType(i));
    return v;
  };
  if (isMax) {
    if (e.opset() >= 10)
      attrs.push_back({"dilations", e.ints(*d)});
    if (!withIndices) {
      Value r = finish(e.n1("MaxPool", {x}, attrs), 0);
      return r && e.done(r);
    }
    if (e.opset() < 10 && nonUnitDil)
      return false;
    Type i64 = e.unranked(e.rw.getI64Type());
    Operation *o =
        e.node("MaxPool", {x}, attrs, {e.unranked(Emitter::elemOf(x)), i64});
    if (!o)
      return false;
    Value idx = torchPoolIndices(e, o->getResult(1), e.in(0), n, i64);
    Value v = finish(o->getResult(0), 0), i = finish(idx, 1);
    return v && i && e.done({v, i});
  }
  auto cip = Torch::getConstantBool(e.orig(5));
  if (!cip)
    return e.fail("'count_include_pad' must be constant");
  if (e.numOperands() > 6 && !Torch::isConstantNone(e.orig(6)))
    return e.fail("avg_pool with divisor_override has no lowering yet");
  attrs.push_back({"count_include_pad", e.i64(*cip)});
  Value r = finish(e.n1("AveragePool", {x}, attrs), 0);
  return r && e.done(r);
}

/// torch's adaptive window along one axis: [floor(o*in/out),
/// ceil((o+1)*in/out)).
std::pair<int64_t, int64_t> adaptiveWindow(int64_t o, int64_t in, int64_t out) {
  return {(o * in) / out, ((o + 1) * in + out - 1) / out};
}

/// Adaptive max pooling's values and torch's indices for uneven windows on
/// a batched `x` ([N, C, *ins]): per output cell, the window flattened,
/// ReduceMax and ArgMax (the first maximum, as torch), the window-local
/// index turned into a plane index; cells concatenated and reshaped.
std::optional<std::pair<Value, Value>>
adaptiveMaxWithIndices(Emitter &e, Value x, ArrayRef<int64_t> ins,
                       ArrayRef<int64_t> out) {
  unsigned n = ins.size();
  int64_t cells = 1;
  for (int64_t o : out)
    cells *= o;
  if (cells > 1024) {
    e.fail("adaptive max pooling with indices over uneven windows exports "
           "one ArgMax per output cell; " +
           Twine(cells) + " cells are more than the 1024 allowed");
    return std::nullopt;
  }
  SmallVector<int64_t> stride(n, 1);
  for (int i = n - 2; i >= 0; --i)
    stride[i] = stride[i + 1] * ins[i + 1];
  SmallVector<int64_t> axes;
  for (unsigned i = 0; i < n; ++i)
    axes.push_back(2 + i);
  SmallVector<Value> vals, idxs;
  SmallVector<int64_t> cell(n, 0);
  for (int64_t c = 0; c < cells; ++c) {
    int64_t rest = c;
    for (int i = n - 1; i >= 0; --i) {
      cell[i] = rest % out[i];
      rest /= out[i];
    }
    SmallVector<int64_t> starts, ends, sizes;
    for (unsigned i = 0; i < n; ++i) {
      auto [lo, hi] = adaptiveWindow(cell[i], ins[i], out[i]);
      starts.push_back(lo);
      ends.push_back(hi);
      sizes.push_back(hi - lo);
    }
    Value w =
        e.n1("Reshape", {e.slice(x, starts, ends, axes), e.i64s({0, 0, -1})});
    vals.push_back(e.reduce("ReduceMax", w, ArrayRef<int64_t>{2}, true));
    Value local =
        e.n1("ArgMax", {w}, {{"axis", e.i64(2)}, {"keepdims", e.i64(1)}},
             e.unranked(e.rw.getI64Type()));
    // Window-local flat index -> per-axis offsets -> plane index.
    Value plane;
    for (int i = n - 1; i >= 0; --i) {
      Value coord =
          i == 0 ? local : nonNegativeMod(e, local, e.i64Scalar(sizes[i]));
      if (i > 0)
        local = e.n1("Div", {local, e.i64Scalar(sizes[i])});
      Value term = e.n1("Mul", {e.n1("Add", {coord, e.i64Scalar(starts[i])}),
                                e.i64Scalar(stride[i])});
      plane = plane ? e.n1("Add", {plane, term}) : term;
    }
    idxs.push_back(plane);
  }
  SmallVector<int64_t> shape{0, 0};
  shape.append(out.begin(), out.end());
  auto gather = [&](ArrayRef<Value> parts) {
    Value v = parts.size() == 1 ? parts[0]
                                : e.n1("Concat", parts, {{"axis", e.i64(2)}});
    return e.n1("Reshape", {v, e.i64s(shape)});
  };
  return std::pair{gather(vals), gather(idxs)};
}

/// Adaptive average/max pooling of operand 0 over its last `n` dims to the
/// constant `output_size` (operand 1): the global op for all-ones sizes, one
/// AveragePool/MaxPool when every input size is a multiple of the output
/// size, otherwise torch's windows one axis at a time — mean and max over a
/// rectangle are separable — as Slice + Reduce per output index and a Concat
/// per axis. Max pooling's indices (torch's: positions within each plane)
/// come from MaxPool's for even windows, from an ArgMax per output cell
/// otherwise. An unbatched input ([C, *]) gets a unit batch dim around it.
bool lowerAdaptivePool(Emitter &e, unsigned n, bool max) {
  bool indices =
      max && e.op->getNumResults() > 1 && !e.op->getResult(1).use_empty();
  auto out = e.constInts(1, "output_size", n);
  if (!out)
    return false;
  auto shape = Emitter::shapeOf(e.in(0));
  if (!shape || shape->size() < n + 1)
    return e.fail("the input rank must be known");
  bool unbatched = shape->size() == n + 1;
  Value x = unbatched ? e.unsqueeze(e.in(0), {0}) : e.in(0);
  Type i64 = e.unranked(e.rw.getI64Type());
  auto finish = [&](Value v, Value idx) {
    if (!v || (indices && !idx))
      return false;
    if (unbatched) {
      v = e.squeeze(v, {0});
      if (idx)
        idx = e.squeeze(idx, {0});
    }
    v.setType(e.resultType(0));
    if (e.op->getNumResults() == 1)
      return e.done(v);
    if (idx)
      idx.setType(e.resultType(1));
    else
      idx = e.constant(DenseElementsAttr::get(
          RankedTensorType::get({0}, e.rw.getI64Type()), ArrayRef<int64_t>{}));
    return e.done({v, idx});
  };
  bool ones = llvm::all_of(*out, [](int64_t v) { return v == 1; });
  if (ones && !indices)
    return finish(e.n1(max ? "GlobalMaxPool" : "GlobalAveragePool", {x}),
                  Value());
  SmallVector<int64_t> k, ins;
  bool divisible = true;
  for (unsigned i = 0; i < n; ++i) {
    int64_t in = (*shape)[shape->size() - n + i];
    if (in == ShapedType::kDynamic)
      return e.fail("adaptive pooling to a size other than 1 needs the "
                    "input's spatial sizes known");
    if ((*out)[i] <= 0)
      return e.fail("output_size must be positive");
    ins.push_back(in);
    divisible &= in % (*out)[i] == 0;
    k.push_back(in / std::max<int64_t>((*out)[i], 1));
  }
  Attrs window{{"kernel_shape", e.ints(k)}, {"strides", e.ints(k)}};
  if (divisible && indices) {
    Operation *o =
        e.node("MaxPool", {x}, window, {e.unranked(Emitter::elemOf(x)), i64});
    if (!o)
      return false;
    return finish(o->getResult(0),
                  torchPoolIndices(e, o->getResult(1), e.in(0), n, i64));
  }
  if (divisible)
    return finish(e.n1(max ? "MaxPool" : "AveragePool", {x}, window), Value());
  if (indices) {
    auto r = adaptiveMaxWithIndices(e, x, ins, *out);
    return r && finish(r->first, r->second);
  }
  int64_t rank = shape->size() + (unbatched ? 1 : 0);
  for (unsigned i = 0; i < n; ++i) {
    int64_t axis = rank - n + i, in = ins[i], o = (*out)[i];
    SmallVector<Value> cells;
    for (int64_t j = 0; j < o; ++j) {
      auto [start, end] = adaptiveWindow(j, in, o);
      Value cell = e.slice(x, {start}, {end}, {axis});
      cells.push_back(e.reduce(max ? "ReduceMax" : "ReduceMean", cell,
                               ArrayRef<int64_t>{axis}, true));
    }
    x = e.n1("Concat", cells, {{"axis", e.i64(axis)}});
  }
  return finish(x, Value());
}

/// Normalizes `x` over `axes` (mean/variance), in float arithmetic.
Value normalize(Emitter &e, Value x, ArrayRef<int64_t> axes, double eps) {
  Value mean = e.reduce("ReduceMean", x, axes, true);
  Value d = e.n1("Sub", {x, mean});
  Value var = e.reduce("ReduceMean", e.n1("Mul", {d, d}), axes, true);
  Value den = e.n1("Sqrt", {e.n1("Add", {var, e.scalarLike(eps, x)})});
  return e.n1("Div", {d, den});
}

/// The last `k` axes of operand 0 for a reduction: negative, or counted
/// from the front before opset 11 (which needs the rank).
std::optional<SmallVector<int64_t>> lastAxes(Emitter &e, int64_t k) {
  SmallVector<int64_t> axes;
  for (int64_t i = -k; i < 0; ++i)
    axes.push_back(i);
  if (e.opset() < 11) { // negative axes need 11
    auto rank = Emitter::rankOf(e.in(0));
    if (!rank) {
      e.fail("the input rank must be known before opset 11");
      return std::nullopt;
    }
    for (int64_t &a : axes)
      a += *rank;
  }
  return axes;
}

bool lowerLayerNorm(Emitter &e) {
  auto norm = e.constInts(1, "normalized_shape");
  auto eps = e.constFloat(4, "eps");
  if (!norm || !eps)
    return false;
  Value w = Torch::isConstantNone(e.orig(2)) ? Value() : e.in(2);
  Value b = Torch::isConstantNone(e.orig(3)) ? Value() : e.in(3);
  int64_t k = norm->size();
  if (e.opset() >= 17) {
    if (!w) {
      auto t = RankedTensorType::get(*norm, e.resultElem());
      w = e.constant(
          DenseElementsAttr::get(t, e.rw.getFloatAttr(e.resultElem(), 1.0)));
    }
    Operation *o = e.node("LayerNormalization", {e.in(0), w, b},
                          {{"axis", e.i64(-k)}, {"epsilon", e.f32(*eps)}},
                          {e.resultType()});
    return o && e.done(o->getResult(0));
  }
  auto axes = lastAxes(e, k);
  if (!axes)
    return false;
  Value y = normalize(e, e.in(0), *axes, *eps);
  if (w)
    y = e.n1("Mul", {y, w});
  if (b)
    y = e.n1("Add", {y, b});
  Value r = e.n1("Identity", {y}, {}, e.resultType());
  return r && e.done(r);
}

bool lowerGroupNorm(Emitter &e) {
  auto groups = e.constInt(1, "num_groups");
  auto eps = e.constFloat(4, "eps");
  auto shape = Emitter::shapeOf(e.in(0));
  if (!groups || !eps)
    return false;
  if (!shape || shape->size() < 2)
    return e.fail("the input rank must be known");
  int64_t rank = shape->size();
  // [N, C, *] -> [N, G, C/G * prod(*)], normalize over the last axis.
  Value x = e.n1("Reshape", {e.in(0), e.i64s({0, *groups, -1})});
  Value y = normalize(e, x, {2}, *eps);
  y = e.n1("Reshape", {y, e.shape(e.in(0))});
  SmallVector<int64_t> axes;
  for (int64_t i = 1; i < rank - 1; ++i)
    axes.push_back(i);
  if (!Torch::isConstantNone(e.orig(2)))
    y = e.n1("Mul", {y, e.unsqueeze(e.in(2), axes)});
  if (!Torch::isConstantNone(e.orig(3)))
    y = e.n1("Add", {y, e.unsqueeze(e.in(3), axes)});
  Value r = e.n1("Identity", {y}, {}, e.resultType());
  return r && e.done(r);
}

/// A 1-D constant of `n` copies of `v` in `elem`.
Value filled(Emitter &e, int64_t n, double v, Type elem) {
  auto t = RankedTensorType::get({n}, elem);
  return e.constant(DenseElementsAttr::get(t, e.rw.getFloatAttr(elem, v)));
}

/// BatchNormalization of operand 0 with running statistics `mean`/`var`:
/// weight/bias operands `wIdx`/`wIdx + 1` (None: ones/zeros, which needs a
/// known channel count), `eps`/`momentum` from constant operands.
Value emitBatchNorm(Emitter &e, unsigned wIdx, Value mean, Value var,
                    unsigned momIdx, unsigned epsIdx) {
  auto eps = e.constFloat(epsIdx, "eps");
  auto mom = e.constFloat(momIdx, "momentum");
  if (!eps || !mom)
    return {};
  auto shape = Emitter::shapeOf(e.in(0));
  // The statistics and the result have the input's element type.
  Type t = Emitter::elemOf(e.in(0));
  if (!t) {
    e.fail("the input's element type must be known");
    return {};
  }
  Value w = e.in(wIdx), b = e.in(wIdx + 1);
  bool noW = Torch::isConstantNone(e.orig(wIdx));
  bool noB = Torch::isConstantNone(e.orig(wIdx + 1));
  if (noW || noB) {
    if (!shape || shape->size() < 2 || (*shape)[1] == ShapedType::kDynamic) {
      e.fail("the channel count must be known for affine=False");
      return {};
    }
    if (noW)
      w = filled(e, (*shape)[1], 1.0, t);
    if (noB)
      b = filled(e, (*shape)[1], 0.0, t);
  }
  Operation *o =
      e.node("BatchNormalization", {e.in(0), w, b, mean, var},
             {{"epsilon", e.f32(*eps)}, {"momentum", e.f32(1.0 - *mom)}},
             {e.resultType()});
  return o ? o->getResult(0) : Value();
}

/// Batch norm by the batch's own statistics (torch's training=True; the
/// update of the running statistics is state the graph does not return).
bool lowerBatchNormBatchStats(Emitter &e) {
  auto eps = e.constFloat(7, "eps");
  auto rank = Emitter::rankOf(e.in(0));
  if (!eps)
    return false;
  if (!rank || *rank < 2)
    return e.fail("batch_norm needs an input of known rank >= 2");
  SmallVector<int64_t> axes{0}, chanAxes;
  for (int64_t i = 2; i < *rank; ++i) {
    axes.push_back(i);
    chanAxes.push_back(i - 1);
  }
  Value y = normalize(e, e.in(0), axes, *eps);
  auto perChannel = [&](Value v) {
    return chanAxes.empty() ? v : e.unsqueeze(v, chanAxes);
  };
  if (!Torch::isConstantNone(e.orig(1)))
    y = e.n1("Mul", {y, perChannel(e.in(1))});
  if (!Torch::isConstantNone(e.orig(2)))
    y = e.n1("Add", {y, perChannel(e.in(2))});
  Value r = e.n1("Identity", {y}, {}, e.resultType());
  return r && e.done(r);
}

bool lowerBatchNorm(Emitter &e) {
  auto training = Torch::getConstantBool(e.orig(5));
  if (!training)
    return e.fail("batch_norm's 'training' must be constant");
  if (*training)
    return lowerBatchNormBatchStats(e);
  if (Torch::isConstantNone(e.orig(3)) || Torch::isConstantNone(e.orig(4)))
    return e.fail("batch_norm without running statistics (track_running_stats"
                  "=False) normalizes by batch statistics: no lowering yet");
  Value r = emitBatchNorm(e, 1, e.in(3), e.in(4), 6, 7);
  return r && e.done(r);
}

/// torch.export's inference batch norm: (input, weight?, bias?, running_mean,
/// running_var, momentum, eps) -> (out, save_mean, save_invstd); the saved
/// statistics are empty in inference and must be unused.
bool lowerBatchNormNoTraining(Emitter &e) {
  for (unsigned i = 1; i < 3; ++i)
    if (!e.op->getResult(i).use_empty())
      return e.fail("the saved statistics of batch norm are training state "
                    "that inference does not compute");
  Value r = emitBatchNorm(e, 1, e.in(3), e.in(4), 5, 6);
  if (!r)
    return false;
  Value empty = e.constant(DenseElementsAttr::get(
      RankedTensorType::get({0}, Emitter::elemOf(r)), ArrayRef<Attribute>{}));
  return e.done({r, empty, empty});
}

/// Resize/Upsample for nearest, (bi/tri)linear and (with `cubic`) bicubic
/// interpolation.
bool lowerUpsample(Emitter &e, bool linear, bool vec, bool cubic = false) {
  auto shape = Emitter::shapeOf(e.in(0));
  if (!shape)
    return e.fail("the input rank must be known");
  unsigned n = shape->size() - 2;
  // (input, output_size, [align_corners,] scale...).
  bool alignCorners = false;
  unsigned sizeIdx = 1, scaleIdx = linear ? 3 : 2;
  if (linear) {
    auto ac = Torch::getConstantBool(e.orig(2));
    if (!ac)
      return e.fail("'align_corners' must be constant");
    alignCorners = *ac;
  }
  if (linear && e.opset() < 11)
    return e.fail("linear interpolation needs opset 11: Upsample and "
                  "Resize-10 use asymmetric coordinates, which differ from "
                  "PyTorch's (align_corners=" +
                  Twine(alignCorners ? "True" : "False") + ")");
  // Output sizes: given, or derived from scale factors.
  Value sizes, scales;
  std::optional<SmallVector<double>> scaleVals;
  if (!Torch::isConstantNone(e.orig(sizeIdx))) {
    Value hw = e.intList(sizeIdx);
    sizes = e.concatInts({e.slice(e.shape(e.in(0)), {0}, {2}, {0}), hw});
  } else {
    auto elems = Torch::getListElements(e.orig(scaleIdx));
    if (!vec || !elems)
      return e.fail("interpolation needs an output size or constant scales");
    scaleVals = SmallVector<double>{1.0, 1.0};
    for (Value v : *elems) {
      auto f = Torch::getConstantFloat(v);
      if (!f)
        return e.fail("scale factors must be constant");
      scaleVals->push_back(*f);
    }
  }
  Type f32 = Float32Type::get(e.ctx());
  auto scalesConst = [&](ArrayRef<double> v) {
    SmallVector<float> fv(v.begin(), v.end());
    return e.constant(DenseElementsAttr::get(
        RankedTensorType::get({(int64_t)fv.size()}, f32), ArrayRef<float>(fv)));
  };
  if (e.opset() < 11) {
    // Scales only: derive them from static sizes.
    if (!scaleVals) {
      auto out = Torch::getConstantIntList(e.orig(sizeIdx));
      if (!out)
        return e.fail("before opset 11 the output size must be constant");
      scaleVals = SmallVector<double>{1.0, 1.0};
      for (unsigned i = 0; i < n; ++i) {
        int64_t in = (*shape)[2 + i];
        if (in == ShapedType::kDynamic)
          return e.fail("before opset 11 the input's spatial sizes must be "
                        "known");
        // The smallest float32 scale with floor(in * scale) == out, as the
        // runtime computes the output size.
        float sc = float((*out)[i]) / float(in);
        while (std::floor(float(in) * sc) < float((*out)[i]))
          sc = std::nextafter(sc, std::numeric_limits<float>::infinity());
        scaleVals->push_back(sc);
      }
    }
    StringRef op = e.opset() == 10 ? "Resize" : "Upsample";
    Value r = e.n1(op, {e.in(0), scalesConst(*scaleVals)},
                   {{"mode", e.str("nearest")}}, e.resultType());
    return r && e.done(r);
  }
  Attrs attrs{{"mode", e.str(cubic ? "cubic" : linear ? "linear" : "nearest")}};
  if (cubic) {
    // torch's bicubic: a = -0.75, source index scale * (dst + 0.5) - 0.5
    // unclamped (half_pixel, also for an output size of 1), borders
    // replicated.
    attrs.push_back({"cubic_coeff_a", e.f32(-0.75)});
    attrs.push_back({"coordinate_transformation_mode",
                     e.str(alignCorners ? "align_corners" : "half_pixel")});
  } else if (linear)
    attrs.push_back(
        {"coordinate_transformation_mode",
         e.str(alignCorners ? "align_corners" : "pytorch_half_pixel")});
  else {
    attrs.push_back({"coordinate_transformation_mode", e.str("asymmetric")});
    attrs.push_back({"nearest_mode", e.str("floor")});
  }
  Value roi = e.opset() >= 13 ? Value() : scalesConst({});
  if (scaleVals)
    scales = scalesConst(*scaleVals);
  else if (e.opset() < 13)
    scales = scalesConst({});
  Value r =
      e.n1("Resize", {e.in(0), roi, scales, sizes}, attrs, e.resultType());
  return r && e.done(r);
}

/// Pads given PyTorch-style (last dim first, [lo, hi] pairs).
bool lowerPad(Emitter &e, StringRef mode, std::optional<double> value) {
  auto rank = Emitter::rankOf(e.in(0));
  if (!rank)
    return e.fail("the input rank must be known");
  auto elems = Torch::getListElements(e.orig(1));
  if (!Torch::getConstantIntList(e.orig(1)) && elems && e.opset() >= 11) {
    // Pads computed at run time (e.g. up to a multiple of a window): torch's
    // [begin_last, end_last, begin_prev, ...] gathered into ONNX's
    // [begins..., ends...], 0 for the dims it leaves alone.
    int64_t k = elems->size() / 2;
    if ((int64_t)elems->size() != 2 * k || k > *rank)
      return e.fail("'pad' must have an even length of at most twice the "
                    "input rank");
    Value list =
        e.n1("Concat", {e.intList(1), e.i64s({0})}, {{"axis", e.i64(0)}});
    SmallVector<int64_t> idx;
    for (int64_t j = 0; j < 2 * *rank; ++j) {
      int64_t d = j % *rank, i = *rank - 1 - d;
      idx.push_back(i < k ? 2 * i + (j >= *rank) : 2 * k);
    }
    Value pads = e.n1("Gather", {list, e.i64s(idx)}, {{"axis", e.i64(0)}});
    Value cv = value ? e.scalarLike(*value, e.in(0)) : Value();
    Value r = e.n1("Pad", {e.in(0), pads, cv}, {{"mode", e.str(mode)}},
                   e.resultType());
    return r && e.done(r);
  }
  auto p = e.constInts(1, "pad");
  if (!p)
    return false;
  SmallVector<int64_t> pads(2 * *rank, 0);
  for (size_t i = 0; i < p->size() / 2; ++i) {
    int64_t d = *rank - 1 - i;
    pads[d] = (*p)[2 * i];
    pads[*rank + d] = (*p)[2 * i + 1];
  }
  if (e.opset() < 11) {
    Attrs attrs{{"pads", e.ints(pads)}, {"mode", e.str(mode)}};
    if (value)
      attrs.push_back({"value", e.f32(*value)});
    Value r = e.n1("Pad", {e.in(0)}, attrs, e.resultType());
    return r && e.done(r);
  }
  Value cv = value ? e.scalarLike(*value, e.in(0)) : Value();
  Value r = e.n1("Pad", {e.in(0), e.i64s(pads), cv}, {{"mode", e.str(mode)}},
                 e.resultType());
  return r && e.done(r);
}

/// Circular padding (torch's, constant pads): per padded dim, negative pads
/// crop first, then the last `lo` and the first `hi` elements of what is
/// left wrap around (Slice + Concat; ONNX Pad's wrap mode is opset 19).
bool lowerCircularPad(Emitter &e) {
  auto rank = Emitter::rankOf(e.in(0));
  auto p = e.constInts(1, "pad");
  if (!p)
    return false;
  if (!rank || (int64_t)p->size() > 2 * *rank || p->size() % 2)
    return e.fail("'pad' must have an even length of at most twice the "
                  "input rank (of known rank)");
  constexpr int64_t kEnd = std::numeric_limits<int64_t>::max();
  Value x = e.in(0);
  for (size_t i = 0; i < p->size() / 2; ++i) {
    int64_t d = *rank - 1 - i, lo = (*p)[2 * i], hi = (*p)[2 * i + 1];
    if (lo < 0)
      x = e.slice(x, {-lo}, {kEnd}, {d});
    if (hi < 0)
      x = e.slice(x, {0}, {hi}, {d});
    SmallVector<Value> parts;
    if (lo > 0)
      parts.push_back(e.slice(x, {-lo}, {kEnd}, {d}));
    parts.push_back(x);
    if (hi > 0)
      parts.push_back(e.slice(x, {0}, {hi}, {d}));
    if (parts.size() > 1)
      x = e.n1("Concat", parts, {{"axis", e.i64(d)}});
  }
  Value r = e.n1("Identity", {x}, {}, e.resultType());
  return r && e.done(r);
}

/// Reduced dims of a torch reduction (operand `idx`: an int, an int list or
/// None), normalized where ONNX needs it (negative axes need opset 11).
/// Empty: every dim. Fails (with a reason) when they are not constant.
std::optional<SmallVector<int64_t>> reducedDims(Emitter &e, unsigned idx,
                                                Value x) {
  SmallVector<int64_t> dims;
  if (!Torch::isConstantNone(e.orig(idx))) {
    if (auto l = Torch::getConstantIntList(e.orig(idx), 0))
      dims = *l;
    else if (auto d = Torch::getConstantInt(e.orig(idx)))
      dims = {*d};
    else {
      e.fail("the reduced dims must be constant");
      return std::nullopt;
    }
  }
  if (e.opset() < 11 && llvm::any_of(dims, [](int64_t d) { return d < 0; })) {
    auto rank = Emitter::rankOf(x);
    if (!rank) {
      e.fail("negative dims need the input rank before opset 11");
      return std::nullopt;
    }
    for (int64_t &d : dims)
      d = wrapAxis(d, *rank);
  }
  return dims;
}

/// Reductions over constant dims: (self, dims, keepdim[, dtype]); a dtype
/// argument is in the refined result type, to which the input is cast.
bool lowerReduce(Emitter &e, StringRef opType, int dimsIdx, int keepIdx,
                 Value input = {}) {
  std::optional<SmallVector<int64_t>> dims = SmallVector<int64_t>();
  if (dimsIdx >= 0)
    dims = reducedDims(e, dimsIdx, e.in(0));
  if (!dims)
    return false;
  bool keep = false;
  if (keepIdx >= 0) {
    auto k = Torch::getConstantBool(e.orig(keepIdx));
    if (!k)
      return e.fail("'keepdim' must be constant");
    keep = *k;
  }
  Value x = input ? input : e.in(0);
  Type t = e.resultElem();
  if (t && Emitter::elemOf(x) != t)
    x = e.cast(x, t);
  std::optional<ArrayRef<int64_t>> axes;
  if (!dims->empty())
    axes = ArrayRef<int64_t>(*dims);
  Value r = e.reduce(opType, x, axes, keep, e.resultType());
  return r && e.done(r);
}

/// nansum / nanmean(self, dim?, keepdim, dtype?): NaNs count as 0 in the
/// sum and not at all in the mean's count.
bool lowerNanReduce(Emitter &e, bool mean) {
  Value x = e.in(0);
  Type t = Emitter::elemOf(x);
  if (!t)
    return e.fail("the input dtype must be known");
  if (!isa<FloatType>(t))
    return lowerReduce(e, mean ? "ReduceMean" : "ReduceSum", 1, 2);
  Value nan = e.n1("IsNaN", {x});
  Value zeroed = e.n1("Where", {nan, e.scalar(0, t), x}, {}, e.unranked(t));
  if (!mean)
    return lowerReduce(e, "ReduceSum", 1, 2, zeroed);
  auto dims = reducedDims(e, 1, x);
  auto keep = Torch::getConstantBool(e.orig(2));
  if (!dims)
    return false;
  if (!keep)
    return e.fail("'keepdim' must be constant");
  std::optional<ArrayRef<int64_t>> axes;
  if (!dims->empty())
    axes = ArrayRef<int64_t>(*dims);
  Value sum = e.reduce("ReduceSum", zeroed, axes, *keep);
  Value count =
      e.reduce("ReduceSum", e.cast(e.n1("Not", {nan}), t), axes, *keep);
  Value r = e.n1("Div", {sum, count}, {}, e.resultType());
  return r && e.done(r);
}

} // namespace

/// The `ord`-norm of `x` over `axes` (all dims when unset), the result
/// type given; `x` is floating-point.
Value mlir::torch_onnx::emitVectorNorm(Emitter &e, Value x, double ord,
                                       std::optional<ArrayRef<int64_t>> axes,
                                       bool keep, Type res) {
  if (ord == 2.0)
    return e.reduce("ReduceL2", x, axes, keep, res);
  if (ord == 1.0)
    return e.reduce("ReduceL1", x, axes, keep, res);
  if (std::isinf(ord))
    return e.reduce(ord > 0 ? "ReduceMax" : "ReduceMin", e.n1("Abs", {x}), axes,
                    keep, res);
  Type t = Emitter::elemOf(x);
  if (ord == 0.0) {
    if (e.opset() < 11) {
      e.fail("ord=0 counts non-zeros with Equal on floats, which needs "
             "opset 11");
      return {};
    }
    Value nz = e.n1("Not", {e.n1("Equal", {x, e.scalarLike(0.0, x)}, {},
                                 e.unranked(IntegerType::get(e.ctx(), 1)))});
    return e.reduce("ReduceSum", e.cast(nz, t), axes, keep, res);
  }
  Value p = e.n1("Pow", {e.n1("Abs", {x}), e.scalarLike(ord, x)});
  Value sum = e.reduce("ReduceSum", p, axes, keep);
  return e.n1("Pow", {sum, e.scalarLike(1.0 / ord, x)}, {}, res);
}

namespace {

/// torch.linalg.vector_norm: ord 2/1/inf/-inf/0 map to ONNX reductions, any
/// other p to (sum |x|^p)^(1/p). Also torch.norm's overloads (p may be None:
/// 2; dims and keepdim at `dimsIdx`/`keepIdx`, -1 when absent) and
/// frobenius_norm (p 2).
bool lowerVectorNorm(Emitter &e, int ordIdx = 1, int dimsIdx = 2,
                     int keepIdx = 3) {
  std::optional<double> ord = 2.0;
  if (ordIdx >= 0 && !Torch::isConstantNone(e.orig(ordIdx)))
    ord = e.constFloat(ordIdx, "ord");
  if (!ord)
    return false;
  std::optional<bool> keep = false;
  if (keepIdx >= 0)
    keep = Torch::getConstantBool(e.orig(keepIdx));
  if (!keep)
    return e.fail("'keepdim' must be constant");
  Type t = e.resultElem();
  if (!t || !isa<FloatType>(t))
    return e.fail("the result dtype must be a known floating-point type");
  Value x = e.castIfNeeded(e.in(0), t);
  std::optional<SmallVector<int64_t>> dims = SmallVector<int64_t>();
  if (dimsIdx >= 0)
    dims = reducedDims(e, dimsIdx, x);
  if (!dims)
    return false;
  std::optional<ArrayRef<int64_t>> axes;
  if (!dims->empty())
    axes = ArrayRef<int64_t>(*dims);
  Value r = emitVectorNorm(e, x, *ord, axes, *keep, e.resultType());
  return r && e.done(r);
}

/// cosine_similarity as torch computes it: both inputs broadcast, each
/// divided by its L2 norm along `dim` (clamped to eps), products summed.
bool lowerCosineSimilarity(Emitter &e) {
  auto eps = e.constFloat(3, "eps");
  if (!eps)
    return false;
  Type t = e.resultElem();
  if (!t || !isa<FloatType>(t))
    return e.fail("the result dtype must be a known floating-point type");
  Value a = e.castIfNeeded(e.in(0), t), b = e.castIfNeeded(e.in(1), t);
  auto sa = Emitter::shapeOf(a), sb = Emitter::shapeOf(b);
  if (!sa || !sb || *sa != *sb ||
      llvm::is_contained(*sa, ShapedType::kDynamic)) {
    // Expand broadcasts both ways: each input takes the common shape.
    Value a2 = e.n1("Expand", {a, e.shape(b)});
    b = e.n1("Expand", {b, e.shape(a)});
    a = a2;
  }
  auto ra = Emitter::rankOf(e.in(0)), rb = Emitter::rankOf(e.in(1));
  auto d = e.constInt(2, "dim");
  if (!d)
    return false;
  int64_t dim = *d;
  if (dim < 0) {
    if (!ra || !rb)
      return e.fail("a negative dim needs the inputs' ranks");
    dim += std::max(*ra, *rb);
  }
  SmallVector<int64_t> axes{dim};
  auto unit = [&](Value v) {
    Value n = e.reduce("ReduceL2", v, ArrayRef<int64_t>(axes), true);
    return e.n1("Div", {v, e.n1("Max", {n, e.scalarLike(*eps, v)})});
  };
  Value prod = e.n1("Mul", {unit(a), unit(b)});
  Value r = e.reduce("ReduceSum", prod, ArrayRef<int64_t>(axes), false,
                     e.resultType());
  return r && e.done(r);
}

/// var/std: (x - mean)^2 summed over dims, divided by N - correction.
/// With `withMean` (var_mean/std_mean) the mean is a second result;
/// `allDims`: the (self, unbiased) overloads over the whole tensor.
bool lowerVar(Emitter &e, bool isStd, bool correctionForm,
              bool withMean = false, bool allDims = false) {
  std::optional<SmallVector<int64_t>> dims;
  if (allDims)
    dims.emplace();
  else
    dims = reducedDims(e, 1, e.in(0));
  if (!dims)
    return false;
  double correction = 1;
  std::optional<bool> keep = false;
  if (allDims) {
    auto u = Torch::getConstantBool(e.orig(1));
    if (!u)
      return e.fail("'unbiased' must be constant");
    correction = *u ? 1 : 0;
  } else if (correctionForm) {
    if (!Torch::isConstantNone(e.orig(2))) {
      auto c = e.constFloat(2, "correction");
      if (!c)
        return false;
      correction = *c;
    }
  } else {
    auto u = Torch::getConstantBool(e.orig(2));
    if (!u)
      return e.fail("'unbiased' must be constant");
    correction = *u ? 1 : 0;
  }
  if (!allDims)
    keep = Torch::getConstantBool(e.orig(3));
  if (!keep)
    return e.fail("'keepdim' must be constant");
  Value x = e.in(0);
  std::optional<ArrayRef<int64_t>> axes;
  if (dims && !dims->empty())
    axes = ArrayRef<int64_t>(*dims);
  Value mean = e.reduce("ReduceMean", x, axes, true);
  Value d = e.n1("Sub", {x, mean});
  Value sum = e.reduce("ReduceSum", e.n1("Mul", {d, d}), axes, *keep);
  // N = numel(x) / numel(mean), as a float.
  Type t = Emitter::elemOf(x);
  Value n = e.n1(
      "Div", {e.cast(e.n1("Size", {x}), t), e.cast(e.n1("Size", {mean}), t)});
  if (correction != 0)
    n = e.n1("Sub", {n, e.scalar(correction, t)});
  Value v = e.n1("Div", {sum, n});
  Value r = isStd ? e.n1("Sqrt", {v}, {}, e.resultType())
                  : e.n1("Identity", {v}, {}, e.resultType());
  if (!withMean)
    return r && e.done(r);
  Value m = *keep ? e.n1("Identity", {mean}, {}, e.resultType(1))
                  : e.reduce("ReduceMean", x, axes, false, e.resultType(1));
  return r && m && e.done({r, m});
}

} // namespace

/// aten.scaled_dot_product_attention(q, k, v, attn_mask, dropout_p,
/// is_causal, *, scale, enable_gqa) in inference:
/// Softmax(q @ k^T * scale (+ mask)) @ v, scale 1/sqrt(E) by default; a
/// bool mask keeps the scores where it is true (-inf elsewhere), a float
/// mask is added; is_causal hides the scores above the diagonal.
static bool lowerScaledDotProductAttention(Emitter &e) {
  Value q = e.in(0), k = e.in(1), v = e.in(2);
  auto kRank = Emitter::rankOf(k);
  auto qShape = Emitter::shapeOf(q);
  if (!kRank || !qShape || *kRank < 2)
    return e.fail("the ranks of query and key must be known (at least 2)");
  auto dropout = e.constFloat(4, "dropout_p");
  auto causal = Torch::getConstantBool(e.orig(5));
  if (!dropout)
    return false;
  if (*dropout != 0.0)
    return e.fail("dropout_p must be 0 in an exported inference graph "
                  "(put the model in eval mode)");
  if (!causal)
    return e.fail("is_causal must be a constant");
  if (e.numOperands() > 7) {
    auto gqa = Torch::getConstantBool(e.orig(7));
    if (!gqa || *gqa)
      return e.fail("enable_gqa=True has no lowering yet (repeat the key "
                    "and value heads to the query's)");
  }
  Type elem = Emitter::elemOf(q);
  Value scale;
  if (!Torch::isConstantNone(e.orig(6))) {
    auto s = e.constFloat(6, "scale");
    if (!s)
      return false;
    scale = e.scalar(*s, elem);
  } else if (qShape->back() != ShapedType::kDynamic) {
    scale = e.scalar(1.0 / std::sqrt(double(qShape->back())), elem);
  } else {
    Value d = e.cast(e.dimOf(q, qShape->size() - 1), elem);
    scale = e.n1("Reciprocal", {e.n1("Sqrt", {d})});
  }
  SmallVector<int64_t> perm;
  for (int64_t i = 0; i < *kRank; ++i)
    perm.push_back(i);
  std::swap(perm[*kRank - 1], perm[*kRank - 2]);
  // The scores' rank (Softmax before opset 13 needs it): the broadcast of
  // query's and key's, or of the mask's.
  int64_t rank = std::max<int64_t>(qShape->size(), *kRank);
  if (!Torch::isConstantNone(e.orig(3)))
    if (auto mr = Emitter::rankOf(e.in(3)))
      rank = std::max(rank, *mr);
  Type scoresType = RankedTensorType::get(
      SmallVector<int64_t>(rank, ShapedType::kDynamic), elem);
  Value kt = e.n1("Transpose", {k}, {{"perm", e.ints(perm)}});
  Value scores = e.n1("Mul", {e.n1("MatMul", {q, kt}), scale}, {}, scoresType);
  Value negInf = e.scalar(-std::numeric_limits<double>::infinity(), elem);
  if (*causal) {
    if (e.opset() < 11)
      return e.fail("is_causal needs opset 11 (Range builds the mask)");
    // Row i may see columns j <= i: hide j > i.
    Value zero = e.i64Scalar(0), one = e.i64Scalar(1);
    Value l = e.squeeze(e.dimOf(q, qShape->size() - 2), {0});
    Value sl = e.squeeze(e.dimOf(k, *kRank - 2), {0});
    Value rows = e.unsqueeze(e.n1("Range", {zero, l, one}), {1});
    Value cols = e.n1("Range", {zero, sl, one});
    Value hidden = e.n1("Greater", {cols, rows});
    scores = e.n1("Where", {hidden, negInf, scores}, {}, scoresType);
  }
  if (!Torch::isConstantNone(e.orig(3))) {
    Value mask = e.in(3);
    if (Emitter::elemOf(mask).isInteger(1))
      scores = e.n1("Where", {mask, scores, negInf}, {}, scoresType);
    else
      scores =
          e.n1("Add", {scores, e.castIfNeeded(mask, elem)}, {}, scoresType);
  }
  Value probs = e.softmax("Softmax", scores, -1, {});
  Value r = e.n1("MatMul", {probs, v}, {}, e.resultType());
  return r && e.done(r);
}

/// Attention, convolutions, linear layers, addmm/baddbmm.
static void addConvAndLinearLowerings(LoweringAdder &add) {
  for (StringRef n :
       {"aten.conv1d", "aten.conv2d", "aten.conv3d", "aten.conv1d.padding",
        "aten.conv2d.padding", "aten.conv3d.padding"})
    add(n, 9, [](Emitter &e) { return lowerConv(e, 3, 4, 5, -1, -1, 6); });
  add("aten.scaled_dot_product_attention", 9, lowerScaledDotProductAttention);
  add("aten._convolution_mode", 9,
      [](Emitter &e) { return lowerConv(e, 3, 4, 5, -1, -1, 6); });
  add("aten._convolution", 9,
      [](Emitter &e) { return lowerConv(e, 3, 4, 5, 6, 7, 8); });
  add("aten._convolution.deprecated", 9,
      [](Emitter &e) { return lowerConv(e, 3, 4, 5, 6, 7, 8); });
  add("aten.convolution", 9,
      [](Emitter &e) { return lowerConv(e, 3, 4, 5, 6, 7, 8); });

  add("aten.linear", 9, [](Emitter &e) {
    Value bias = Torch::isConstantNone(e.orig(2)) ? Value() : e.in(2);
    if (Emitter::rankOf(e.in(0)) == 2 && Emitter::rankOf(e.in(1)) == 2) {
      Value b = bias ? bias : e.scalarLike(0, e.in(0));
      Value r = e.n1("Gemm", {e.in(0), e.in(1), b}, {{"transB", e.i64(1)}},
                     e.resultType());
      return r && e.done(r);
    }
    Value wt = e.n1("Transpose", {e.in(1)});
    Value y = e.n1("MatMul", {e.in(0), wt}, {}, bias ? Type() : e.resultType());
    if (bias)
      y = e.n1("Add", {y, bias}, {}, e.resultType());
    return y && e.done(y);
  });
  for (StringRef n : {"aten.matmul", "aten.mm", "aten.bmm", "aten.mv"})
    add(n, 9, [](Emitter &e) {
      Value r = e.n1("MatMul", {e.in(0), e.in(1)}, {}, e.resultType());
      return r && e.done(r);
    });
  add("aten.addmm", 9, [](Emitter &e) {
    auto beta = e.constFloat(3, "beta"), alpha = e.constFloat(4, "alpha");
    if (!beta || !alpha)
      return false;
    Value r = e.n1("Gemm", {e.in(1), e.in(2), e.in(0)},
                   {{"alpha", e.f32(*alpha)}, {"beta", e.f32(*beta)}},
                   e.resultType());
    return r && e.done(r);
  });
  add("aten.baddbmm", 9, [](Emitter &e) {
    auto beta = e.constFloat(3, "beta"), alpha = e.constFloat(4, "alpha");
    if (!beta || !alpha)
      return false;
    Value p = e.n1("MatMul", {e.in(1), e.in(2)});
    if (*alpha != 1)
      p = e.n1("Mul", {p, e.scalarLike(*alpha, p)});
    Value s = e.in(0);
    if (*beta != 1)
      s = e.n1("Mul", {s, e.scalarLike(*beta, s)});
    Value r = e.n1("Add", {s, p}, {}, e.resultType());
    return r && e.done(r);
  });
}

/// Max, average and adaptive pools.
static void addPoolLowerings(LoweringAdder &add) {
  add("aten.max_pool1d", 9, [](Emitter &e) { return lowerPool(e, true, 1); });
  add("aten.max_pool2d", 9, [](Emitter &e) { return lowerPool(e, true, 2); });
  add("aten.max_pool3d", 9, [](Emitter &e) { return lowerPool(e, true, 3); });
  for (auto [name, n] : {std::pair{"aten.max_pool1d_with_indices", 1u},
                         {"aten.max_pool2d_with_indices", 2u},
                         {"aten.max_pool3d_with_indices", 3u}})
    add(name, 9, [n = n](Emitter &e) { return lowerPool(e, true, n, true); });
  add("aten.avg_pool1d", 9, [](Emitter &e) { return lowerPool(e, false, 1); });
  add("aten.avg_pool2d", 9, [](Emitter &e) { return lowerPool(e, false, 2); });
  add("aten.avg_pool3d", 9, [](Emitter &e) { return lowerPool(e, false, 3); });
  add("aten.adaptive_avg_pool1d", 9,
      [](Emitter &e) { return lowerAdaptivePool(e, 1, false); });
  add("aten.adaptive_max_pool1d", 9,
      [](Emitter &e) { return lowerAdaptivePool(e, 1, true); });
  add("aten.adaptive_avg_pool2d", 9,
      [](Emitter &e) { return lowerAdaptivePool(e, 2, false); });
  add("aten.adaptive_max_pool2d", 9,
      [](Emitter &e) { return lowerAdaptivePool(e, 2, true); });
  add("aten.adaptive_avg_pool3d", 9,
      [](Emitter &e) { return lowerAdaptivePool(e, 3, false); });
  add("aten.adaptive_max_pool3d", 9,
      [](Emitter &e) { return lowerAdaptivePool(e, 3, true); });
}

/// Batch, layer, group and instance norms, kl_div, pairwise_distance.
static void addNormLowerings(LoweringAdder &add) {
  add("aten.batch_norm", 9, lowerBatchNorm);
  add("aten._native_batch_norm_legit_no_training", 9, lowerBatchNormNoTraining);
  add("aten.layer_norm", 9, lowerLayerNorm);
  // native_layer_norm(input, normalized_shape, weight?, bias?, eps) ->
  // (out, mean, rstd), the statistics with the normalized dims kept as 1.
  add("aten.native_layer_norm", 9, [](Emitter &e) {
    auto norm = e.constInts(1, "normalized_shape");
    auto eps = e.constFloat(4, "eps");
    if (!norm || !eps)
      return false;
    auto axes = lastAxes(e, norm->size());
    if (!axes)
      return false;
    Value x = e.in(0);
    Value mean = e.reduce("ReduceMean", x, ArrayRef<int64_t>(*axes), true);
    Value d = e.n1("Sub", {x, mean});
    Value var = e.reduce("ReduceMean", e.n1("Mul", {d, d}),
                         ArrayRef<int64_t>(*axes), true);
    Value rstd =
        e.n1("Reciprocal",
             {e.n1("Sqrt", {e.n1("Add", {var, e.scalarLike(*eps, x)})})});
    Value y = e.n1("Mul", {d, rstd});
    if (!Torch::isConstantNone(e.orig(2)))
      y = e.n1("Mul", {y, e.in(2)});
    if (!Torch::isConstantNone(e.orig(3)))
      y = e.n1("Add", {y, e.in(3)});
    y = e.n1("Identity", {y}, {}, e.resultType(0));
    mean = e.n1("Identity", {mean}, {}, e.resultType(1));
    rstd = e.n1("Identity", {rstd}, {}, e.resultType(2));
    return y && mean && rstd && e.done({y, mean, rstd});
  });
  // kl_div(input, target, reduction, log_target): target * (log(target) -
  // input), 0 where target is 0 (torch's xlogy); with log_target,
  // exp(target) * (target - input).
  add("aten.kl_div", 9, [](Emitter &e) {
    auto red = e.reductionArg(2);
    auto logTarget = Torch::getConstantBool(e.orig(3));
    if (!red)
      return false;
    if (!logTarget)
      return e.fail("'log_target' must be constant");
    Type t = e.resultElem();
    if (!t || !isa<FloatType>(t))
      return e.fail("the result dtype must be a known floating-point type");
    Value x = e.castIfNeeded(e.in(0), t), y = e.castIfNeeded(e.in(1), t);
    Value l;
    if (*logTarget) {
      l = e.n1("Mul", {e.n1("Exp", {y}), e.n1("Sub", {y, x})});
    } else {
      Value zero = e.scalar(0, t);
      Value isZero = e.equalsZero(y);
      Value safe =
          e.n1("Where", {isZero, e.scalar(1, t), y}, {}, e.unranked(t));
      Value ylogy =
          e.n1("Where", {isZero, zero, e.n1("Mul", {y, e.n1("Log", {safe})})},
               {}, e.unranked(t));
      l = e.n1("Sub", {ylogy, e.n1("Mul", {y, x})});
    }
    Value r = e.reduceLoss(l, *red);
    return r && e.done(r);
  });
  // pairwise_distance(x1, x2, p, eps, keepdim): the p-norm of x1 - x2 + eps
  // over the last dim.
  add("aten.pairwise_distance", 9, [](Emitter &e) {
    auto p = e.constFloat(2, "p");
    auto eps = e.constFloat(3, "eps");
    auto keep = Torch::getConstantBool(e.orig(4));
    if (!p || !eps)
      return false;
    if (!keep)
      return e.fail("'keepdim' must be constant");
    Type t = e.resultElem();
    auto r1 = Emitter::rankOf(e.in(0)), r2 = Emitter::rankOf(e.in(1));
    if (!t || !isa<FloatType>(t) || !r1 || !r2)
      return e.fail("pairwise_distance needs the input ranks and a "
                    "floating-point dtype");
    Value d = e.n1("Add", {e.n1("Sub", {e.castIfNeeded(e.in(0), t),
                                        e.castIfNeeded(e.in(1), t)}),
                           e.scalar(*eps, t)});
    int64_t rank = std::max(*r1, *r2);
    if (rank == 0)
      d = e.unsqueeze(d, {0}), rank = 1;
    Value r = emitVectorNorm(e, d, *p, ArrayRef<int64_t>{rank - 1}, *keep,
                             e.resultType());
    return r && e.done(r);
  });
  add("aten.group_norm", 9, lowerGroupNorm);
  add("aten.instance_norm", 9, [](Emitter &e) {
    auto eps = e.constFloat(7, "eps");
    auto shape = Emitter::shapeOf(e.in(0));
    if (!eps)
      return false;
    if (!shape || shape->size() < 3 || (*shape)[1] == ShapedType::kDynamic)
      return e.fail("the channel count must be known");
    Type t = e.resultElem();
    Value w = Torch::isConstantNone(e.orig(1)) ? filled(e, (*shape)[1], 1, t)
                                               : e.in(1);
    Value b = Torch::isConstantNone(e.orig(2)) ? filled(e, (*shape)[1], 0, t)
                                               : e.in(2);
    auto useInput = Torch::getConstantBool(e.orig(5));
    if (!useInput || !*useInput)
      return e.fail("instance_norm with running statistics has no lowering "
                    "yet");
    Value r = e.n1("InstanceNormalization", {e.in(0), w, b},
                   {{"epsilon", e.f32(*eps)}}, e.resultType());
    return r && e.done(r);
  });
}

/// softmax/log_softmax, embeddings, torchvision detection ops, upsampling,
/// pads, pixel shuffles.
static void addSoftmaxEmbeddingAndVisionLowerings(LoweringAdder &add) {
  for (auto [n, o] : {std::pair{"aten.softmax.int", "Softmax"},
                      {"aten.log_softmax.int", "LogSoftmax"}})
    add(n, 9, [o = StringRef(o)](Emitter &e) {
      auto d = e.constInt(1, "dim");
      if (!d)
        return false;
      Value x = e.castIfNeeded(e.in(0), e.resultElem());
      Value r = e.softmax(o, x, *d, e.resultType());
      return r && e.done(r);
    });

  // embedding_bag(weight, indices, offsets, scale_grad_by_freq, mode,
  // sparse, per_sample_weights, include_last_offset[, padding_idx]): without
  // a loop — a [bags, indices] membership matrix (offsets[b] <= j <
  // end[b], padding rows left out) times the gathered rows for sum/mean,
  // a masked ReduceMax for max (an empty bag is 0, as torch).
  for (StringRef n : {"aten.embedding_bag", "aten.embedding_bag.padding_idx"})
    add(n, 11, [](Emitter &e) {
      auto mode = e.constInt(4, "mode");
      auto incLast = Torch::getConstantBool(e.orig(7));
      if (!mode)
        return false;
      if (!incLast)
        return e.fail("'include_last_offset' must be constant");
      for (unsigned i = 1; i < e.op->getNumResults(); ++i)
        if (!e.op->getResult(i).use_empty())
          return e.fail("embedding_bag's offset2bag, bag_size and "
                        "max_indices results have no lowering (the bags do)");
      std::optional<int64_t> pad;
      if (e.numOperands() > 8 && !Torch::isConstantNone(e.orig(8))) {
        pad = e.constInt(8, "padding_idx");
        if (!pad)
          return false;
      }
      bool hasPsw = !Torch::isConstantNone(e.orig(6));
      if (hasPsw && *mode != 0)
        return e.fail("per_sample_weights only go with mode='sum'");
      Type t = Emitter::elemOf(e.in(0));
      Type i64 = e.rw.getI64Type(), i1 = e.rw.getI1Type();
      Value idx = e.castIfNeeded(e.in(1), i64);
      auto irank = Emitter::rankOf(idx);
      if (!t || !irank || (*irank != 1 && *irank != 2))
        return e.fail("embedding_bag needs 1-D or 2-D indices and a known "
                      "weight dtype");
      Value psw = hasPsw ? e.castIfNeeded(e.in(6), t) : Value();
      Value starts, ends;
      if (*irank == 2) {
        // Each row is a bag: offsets 0, L, 2L, ... over the flattened
        // indices.
        Value rows = e.dimOf(idx, 0), len = e.dimOf(idx, 1);
        Value total = e.n1("Mul", {rows, len});
        starts = e.n1("Range", {e.i64Scalar(0), e.squeeze(total, {0}),
                                e.squeeze(len, {0})});
        ends = e.n1("Add", {starts, len});
        idx = e.n1("Reshape", {idx, e.i64s({-1})});
        if (psw)
          psw = e.n1("Reshape", {psw, e.i64s({-1})});
      } else {
        Value off = e.castIfNeeded(e.in(2), i64);
        constexpr int64_t kEnd = std::numeric_limits<int64_t>::max();
        if (*incLast) {
          starts = e.slice(off, {0}, {-1}, {0});
          ends = e.slice(off, {1}, {kEnd}, {0});
        } else {
          starts = off;
          ends =
              e.concatInts({e.slice(off, {1}, {kEnd}, {0}), e.dimOf(idx, 0)});
        }
      }
      Value pos =
          e.n1("Range", {e.i64Scalar(0), e.squeeze(e.dimOf(idx, 0), {0}),
                         e.i64Scalar(1)});
      Type b1 = e.unranked(i1);
      Value s2 = e.unsqueeze(starts, {1}), e2 = e.unsqueeze(ends, {1});
      Value p2 = e.unsqueeze(pos, {0});
      Value member = e.n1("And", {e.n1("Not", {e.n1("Less", {p2, s2}, {}, b1)}),
                                  e.n1("Less", {p2, e2}, {}, b1)});
      if (pad) {
        // A negative padding_idx counts from the end of the weight rows.
        Value padV = e.i64Scalar(*pad);
        if (*pad < 0)
          padV = e.n1("Add", {padV, e.squeeze(e.dimOf(e.in(0), 0), {0})});
        Value kept = e.n1("Not", {e.n1("Equal", {idx, padV}, {}, b1)});
        member = e.n1("And", {member, e.unsqueeze(kept, {0})});
      }
      Value rows = e.n1("Gather", {e.in(0), idx}, {{"axis", e.i64(0)}});
      Value r;
      if (*mode == 2) {
        Value neg = e.scalar(-std::numeric_limits<double>::infinity(), t);
        Value masked = e.n1(
            "Where", {e.unsqueeze(member, {2}), e.unsqueeze(rows, {0}), neg},
            {}, e.unranked(t));
        Value mx = e.reduce("ReduceMax", masked, ArrayRef<int64_t>{1}, false);
        Value empty = e.n1("Equal",
                           {e.reduce("ReduceMax", e.cast(member, i64),
                                     ArrayRef<int64_t>{1}, true),
                            e.i64Scalar(0)},
                           {}, b1);
        r = e.n1("Where", {empty, e.scalar(0, t), mx}, {}, e.resultType(0));
      } else {
        Value w = e.cast(member, t);
        if (psw)
          w = e.n1("Mul", {w, e.unsqueeze(psw, {0})});
        r = e.n1("MatMul", {w, rows});
        if (*mode == 1) {
          Value count = e.reduce("ReduceSum", e.cast(member, t),
                                 ArrayRef<int64_t>{1}, true);
          count = e.n1("Max", {count, e.scalar(1, t)});
          r = e.n1("Div", {r, count});
        }
        r = e.n1("Identity", {r}, {}, e.resultType(0));
      }
      if (!r)
        return false;
      SmallVector<Value> out{r};
      for (unsigned i = 1; i < e.op->getNumResults(); ++i)
        out.push_back(e.constant(DenseElementsAttr::get(
            RankedTensorType::get({0}, i64), ArrayRef<int64_t>{})));
      return e.done(out);
    });
  // torchvision's detection ops (models traced with torchvision loaded).
  // nms(boxes [N, 4] as x1 y1 x2 y2, scores [N], iou_threshold): one batch
  // and class of NonMaxSuppression, the kept box indices in decreasing
  // score order (as torchvision) from column 2 of its [K, 3] result.
  add("torchvision.nms", 10, [](Emitter &e) {
    auto iou = e.constFloat(2, "iou_threshold");
    if (!iou)
      return false;
    Value boxes = e.unsqueeze(e.in(0), {0});
    Value scores = e.unsqueeze(e.in(1), {0, 1});
    Value maxOut = e.i64s({std::numeric_limits<int64_t>::max()});
    Value thr = e.constant(DenseElementsAttr::get(
        RankedTensorType::get({1}, e.rw.getF32Type()), float(*iou)));
    Value sel = e.n1("NonMaxSuppression", {boxes, scores, maxOut, thr}, {},
                     e.unranked(e.rw.getI64Type()));
    Value r = e.n1("Gather", {sel, e.i64Scalar(2)}, {{"axis", e.i64(1)}},
                   e.resultType());
    return r && e.done(r);
  });
  // roi_align(input, rois [K, 5] as batch x1 y1 x2 y2, spatial_scale,
  // pooled_height, pooled_width, sampling_ratio, aligned): RoiAlign (avg);
  // aligned=True is half_pixel, which needs opset 16.
  add("torchvision.roi_align", 10, [](Emitter &e) {
    auto scale = e.constFloat(2, "spatial_scale");
    auto ph = e.constInt(3, "pooled_height"),
         pw = e.constInt(4, "pooled_width");
    auto ratio = e.constInt(5, "sampling_ratio");
    auto aligned = Torch::getConstantBool(e.orig(6));
    if (!scale || !ph || !pw || !ratio)
      return false;
    if (!aligned)
      return e.fail("'aligned' must be constant");
    if (*aligned && e.opset() < 16)
      return e.fail("roi_align(aligned=True) shifts boxes by half a pixel, "
                    "which RoiAlign has from opset 16 (half_pixel); export "
                    "with opset_version >= 16");
    Value rois = e.in(1);
    constexpr int64_t kEnd = std::numeric_limits<int64_t>::max();
    Value batch =
        e.cast(e.n1("Gather", {rois, e.i64Scalar(0)}, {{"axis", e.i64(1)}}),
               e.rw.getI64Type());
    Value boxes = e.slice(rois, {1}, {kEnd}, {1});
    Attrs attrs{{"output_height", e.i64(*ph)},
                {"output_width", e.i64(*pw)},
                {"sampling_ratio", e.i64(std::max<int64_t>(*ratio, 0))},
                {"spatial_scale", e.f32(*scale)}};
    if (e.opset() >= 16)
      attrs.push_back({"coordinate_transformation_mode",
                       e.str(*aligned ? "half_pixel" : "output_half_pixel")});
    Value r = e.n1("RoiAlign", {e.in(0), boxes, batch}, attrs, e.resultType());
    return r && e.done(r);
  });
  // roi_pool(input, rois, spatial_scale, pooled_height, pooled_width) ->
  // (values, argmax): MaxRoiPool; the argmax (training state) must be
  // unused.
  add("torchvision.roi_pool", 9, [](Emitter &e) {
    auto scale = e.constFloat(2, "spatial_scale");
    auto ph = e.constInt(3, "pooled_height"),
         pw = e.constInt(4, "pooled_width");
    if (!scale || !ph || !pw)
      return false;
    if (e.op->getNumResults() > 1 && !e.op->getResult(1).use_empty())
      return e.fail("roi_pool's argmax result has no ONNX equivalent");
    Value r = e.n1("MaxRoiPool", {e.in(0), e.in(1)},
                   {{"pooled_shape", e.ints({*ph, *pw})},
                    {"spatial_scale", e.f32(*scale)}},
                   e.resultType());
    if (!r)
      return false;
    if (e.op->getNumResults() == 1)
      return e.done(r);
    return e.done({r, e.constant(DenseElementsAttr::get(
                          RankedTensorType::get({0}, e.rw.getI64Type()),
                          ArrayRef<int64_t>{}))});
  });
  add("aten.embedding", 9, [](Emitter &e) {
    Value r = e.n1("Gather", {e.in(0), e.in(1)}, {{"axis", e.i64(0)}},
                   e.resultType());
    return r && e.done(r);
  });
  // Nearest and (bi/tri)linear interpolation of 1, 2 or 3 spatial dims:
  // one Resize (the spatial rank comes from the input).
  for (auto [n, linear, vec] :
       {std::tuple{"aten.upsample_nearest1d", false, false},
        {"aten.upsample_nearest2d", false, false},
        {"aten.upsample_nearest3d", false, false},
        {"aten.upsample_nearest1d.vec", false, true},
        {"aten.upsample_nearest2d.vec", false, true},
        {"aten.upsample_nearest3d.vec", false, true},
        {"aten.upsample_linear1d", true, false},
        {"aten.upsample_bilinear2d", true, false},
        {"aten.upsample_trilinear3d", true, false},
        {"aten.upsample_linear1d.vec", true, true},
        {"aten.upsample_bilinear2d.vec", true, true},
        {"aten.upsample_trilinear3d.vec", true, true}})
    add(n, 9, [linear = linear, vec = vec](Emitter &e) {
      return lowerUpsample(e, linear, vec);
    });
  add("aten.upsample_bicubic2d", 11,
      [](Emitter &e) { return lowerUpsample(e, true, false, true); });
  add("aten.upsample_bicubic2d.vec", 11,
      [](Emitter &e) { return lowerUpsample(e, true, true, true); });
  add("aten.constant_pad_nd", 9, [](Emitter &e) {
    auto v = e.constFloat(2, "value");
    return v && lowerPad(e, "constant", v);
  });
  add("aten.pad", 9, [](Emitter &e) {
    auto mode = e.orig(2).getDefiningOp<Torch::ConstantStrOp>();
    if (!mode)
      return e.fail("the padding mode must be a constant string");
    StringRef m = mode.getValue();
    if (m == "constant") {
      double v = 0;
      if (!Torch::isConstantNone(e.orig(3))) {
        auto c = e.constFloat(3, "value");
        if (!c)
          return false;
        v = *c;
      }
      return lowerPad(e, "constant", v);
    }
    if (m == "reflect")
      return lowerPad(e, "reflect", std::nullopt);
    if (m == "replicate")
      return lowerPad(e, "edge", std::nullopt);
    if (m == "circular")
      return lowerCircularPad(e);
    return e.fail("unknown padding mode '" + m +
                  "' (constant, reflect, replicate and circular export)");
  });
  for (StringRef n : {"aten.reflection_pad1d", "aten.reflection_pad2d"})
    add(n, 9, [](Emitter &e) { return lowerPad(e, "reflect", std::nullopt); });
  for (StringRef n : {"aten.replication_pad1d", "aten.replication_pad2d"})
    add(n, 9, [](Emitter &e) { return lowerPad(e, "edge", std::nullopt); });
  add("aten.pixel_shuffle", 9, [](Emitter &e) {
    auto f = e.constInt(1, "upscale_factor");
    if (!f)
      return false;
    if (e.opset() >= 11) {
      Value r = e.n1("DepthToSpace", {e.in(0)},
                     {{"blocksize", e.i64(*f)}, {"mode", e.str("CRD")}},
                     e.resultType());
      return r && e.done(r);
    }
    // [N, C*r*r, H, W] -> [N, C, r, r, H, W] -> [N, C, H, r, W, r] -> out.
    auto s = Emitter::shapeOf(e.in(0));
    if (!s || s->size() != 4 ||
        llvm::is_contained(ArrayRef<int64_t>(*s).drop_front(),
                           ShapedType::kDynamic))
      return e.fail("before opset 11 (DepthToSpace CRD mode) the input's "
                    "C, H, W must be known");
    int64_t r = *f, c = (*s)[1] / (r * r), h = (*s)[2], w = (*s)[3];
    Value x = e.n1("Reshape", {e.in(0), e.i64s({0, c, r, r, h, w})});
    x = e.n1("Transpose", {x}, {{"perm", e.ints({0, 1, 4, 2, 5, 3})}});
    Value y =
        e.n1("Reshape", {x, e.i64s({0, c, h * r, w * r})}, {}, e.resultType());
    return y && e.done(y);
  });

  // pixel_unshuffle: [N, C, H, W] -> [N, C, H/r, r, W/r, r]
  // -> [N, C, r, r, H/r, W/r] -> [N, C*r*r, H/r, W/r] (torch's channel
  // order, which SpaceToDepth's is not).
  add("aten.pixel_unshuffle", 9, [](Emitter &e) {
    auto f = e.constInt(1, "downscale_factor");
    if (!f)
      return false;
    auto s = Emitter::shapeOf(e.in(0));
    if (!s || s->size() != 4 ||
        llvm::is_contained(ArrayRef<int64_t>(*s).drop_front(),
                           ShapedType::kDynamic))
      return e.fail("the input's C, H, W must be known");
    int64_t r = *f, c = (*s)[1], h = (*s)[2], w = (*s)[3];
    if (r <= 0 || h % r || w % r)
      return e.fail("H and W must be multiples of the downscale factor");
    Value x = e.n1("Reshape", {e.in(0), e.i64s({0, c, h / r, r, w / r, r})});
    x = e.n1("Transpose", {x}, {{"perm", e.ints({0, 1, 3, 5, 2, 4})}});
    Value y = e.n1("Reshape", {x, e.i64s({0, c * r * r, h / r, w / r})}, {},
                   e.resultType());
    return y && e.done(y);
  });
}

/// smooth_l1/soft_margin losses, sinc, trace, the sum/mean/prod/max/min/norm
/// reductions.
static void addLossAndReductionLowerings(LoweringAdder &add) {
  // smooth_l1_loss(x, y, reduction, beta): 0.5 d^2 / beta where |d| < beta,
  // |d| - 0.5 beta elsewhere (beta = 0: |d|).
  add("aten.smooth_l1_loss", 9, [](Emitter &e) {
    auto red = e.reductionArg(2);
    auto beta = e.constFloat(3, "beta");
    if (!red || !beta)
      return false;
    Type t = Emitter::elemOf(e.in(0));
    Value d = e.n1("Abs", {e.n1("Sub", {e.in(0), e.castIfNeeded(e.in(1), t)})});
    Value l = d;
    if (*beta > 0) {
      Value quad =
          e.n1("Div", {e.n1("Mul", {e.n1("Mul", {d, d}), e.scalar(0.5, t)}),
                       e.scalar(*beta, t)});
      Value lin = e.n1("Sub", {d, e.scalar(0.5 * *beta, t)});
      l = e.n1("Where", {e.n1("Less", {d, e.scalar(*beta, t)}), quad, lin}, {},
               e.unranked(t));
    }
    Value r = e.reduceLoss(l, *red);
    return r && e.done(r);
  });
  // soft_margin_loss(x, y, reduction) = log(1 + exp(-y x)).
  add("aten.soft_margin_loss", 9, [](Emitter &e) {
    auto red = e.reductionArg(2);
    if (!red)
      return false;
    Type t = Emitter::elemOf(e.in(0));
    Value z = e.n1("Neg", {e.n1("Mul", {e.castIfNeeded(e.in(1), t), e.in(0)})});
    Value l = e.n1("Softplus", {z});
    Value r = e.reduceLoss(l, *red);
    return r && e.done(r);
  });
  // sinc(x) = sin(pi x) / (pi x), 1 at 0.
  add("aten.sinc", 11, [](Emitter &e) {
    Type t = e.resultElem();
    if (!t)
      return e.fail("the result dtype is unknown");
    Value x = e.castIfNeeded(e.in(0), t);
    Value px = e.n1("Mul", {x, e.scalar(M_PI, t)});
    Value zero = e.n1("Equal", {x, e.scalar(0, t)});
    Value safe = e.n1("Where", {zero, e.scalar(1, t), px}, {}, e.unranked(t));
    Value q = e.n1("Div", {e.n1("Sin", {safe}), safe});
    Value r = e.n1("Where", {zero, e.scalar(1, t), q}, {}, e.resultType());
    return r && e.done(r);
  });
  // trace: the sum of the main diagonal of a matrix.
  add("aten.trace", 9, [](Emitter &e) {
    Value x = e.in(0);
    auto s = Emitter::shapeOf(x);
    Type t = e.resultElem();
    if (!s || s->size() != 2 || !t)
      return e.fail("trace takes a matrix of known rank and dtype");
    Value eye = e.n1("EyeLike", {x});
    Value r = e.reduce("ReduceSum", e.castIfNeeded(e.n1("Mul", {x, eye}), t),
                       std::nullopt, false, e.resultType());
    return r && e.done(r);
  });

  add("aten.nansum", 9, [](Emitter &e) { return lowerNanReduce(e, false); });
  add("aten.nanmean", 9, [](Emitter &e) { return lowerNanReduce(e, true); });

  // Reductions.
  add("aten.mean.dim", 9,
      [](Emitter &e) { return lowerReduce(e, "ReduceMean", 1, 2); });
  add("aten.sum.dim_IntList", 9,
      [](Emitter &e) { return lowerReduce(e, "ReduceSum", 1, 2); });
  add("aten.mean", 9,
      [](Emitter &e) { return lowerReduce(e, "ReduceMean", -1, -1); });
  add("aten.sum", 9,
      [](Emitter &e) { return lowerReduce(e, "ReduceSum", -1, -1); });
  add("aten.prod", 9,
      [](Emitter &e) { return lowerReduce(e, "ReduceProd", -1, -1); });
  add("aten.prod.dim_int", 9,
      [](Emitter &e) { return lowerReduce(e, "ReduceProd", 1, 2); });
  add("aten.amax", 9,
      [](Emitter &e) { return lowerReduce(e, "ReduceMax", 1, 2); });
  add("aten.max", 9,
      [](Emitter &e) { return lowerReduce(e, "ReduceMax", -1, -1); });
  add("aten.min", 9,
      [](Emitter &e) { return lowerReduce(e, "ReduceMin", -1, -1); });
  add("aten.amin", 9,
      [](Emitter &e) { return lowerReduce(e, "ReduceMin", 1, 2); });
  add("aten.linalg_vector_norm", 9,
      [](Emitter &e) { return lowerVectorNorm(e); });
  add("aten.norm.Scalar", 9,
      [](Emitter &e) { return lowerVectorNorm(e, 1, -1, -1); });
  add("aten.norm.ScalarOpt_dim", 9,
      [](Emitter &e) { return lowerVectorNorm(e, 1, 2, 3); });
  add("aten.frobenius_norm.dim", 9,
      [](Emitter &e) { return lowerVectorNorm(e, -1, 1, 2); });
  // nll_loss / cross_entropy_loss: ONNX's losses (opset 12), with class
  // weights, ignore_index, reduction; label smoothing has no ONNX form.
  for (auto [n, ce] : {std::pair{"aten.nll_loss_nd", false},
                       {"aten.nll_loss", false},
                       {"aten.cross_entropy_loss", true}})
    add(n, 12, [ce = ce](Emitter &e) {
      auto red = e.reductionArg(3);
      auto ignore = e.constInt(4, "ignore_index");
      if (!red || !ignore)
        return false;
      if (ce) {
        auto ls = e.constFloat(5, "label_smoothing");
        if (!ls)
          return false;
        if (*ls != 0.0)
          return e.fail("label_smoothing has no ONNX equivalent");
      }
      static const char *reductions[] = {"none", "mean", "sum"};
      Value w = Torch::isConstantNone(e.orig(2)) ? Value() : e.in(2);
      Value target = e.castIfNeeded(e.in(1), e.rw.getI64Type());
      Operation *n = e.node(
          ce ? "SoftmaxCrossEntropyLoss" : "NegativeLogLikelihoodLoss",
          {e.in(0), target, w},
          {{"reduction", e.str(reductions[*red])},
           {"ignore_index", e.i64(*ignore)}},
          ce ? TypeRange{e.resultType(), e.unranked(Emitter::elemOf(e.in(0)))}
             : TypeRange{e.resultType()});
      return n && e.done(n->getResult(0));
    });
}

/// mse_loss, median, cumulative and boolean reductions, logsumexp, rms_norm,
/// var/std, topk.
static void addStatisticsLowerings(LoweringAdder &add) {
  add("aten.mse_loss", 9, [](Emitter &e) {
    auto red = e.reductionArg(2);
    if (!red)
      return false;
    Value d = e.n1(
        "Sub", {e.in(0), e.castIfNeeded(e.in(1), Emitter::elemOf(e.in(0)))});
    Value sq = e.n1("Mul", {d, d});
    Value r = e.reduceLoss(sq, *red);
    return r && e.done(r);
  });
  // all/any: boolean reductions as Min/Max over 0/1 integers.
  for (auto [n, o, dim] : {std::tuple{"aten.all", "ReduceMin", false},
                           {"aten.any", "ReduceMax", false},
                           {"aten.all.dim", "ReduceMin", true},
                           {"aten.any.dim", "ReduceMax", true}})
    add(n, 9, [o = StringRef(o), dim = dim](Emitter &e) {
      Value x = e.castIfNeeded(e.in(0), e.rw.getI1Type());
      Value ints = e.cast(x, e.rw.getI32Type());
      Value red;
      if (dim) {
        auto d = e.dimArg(1, e.in(0));
        auto keep = Torch::getConstantBool(e.orig(2));
        if (!d || !keep)
          return keep ? false : e.fail("'keepdim' must be constant");
        red = e.reduce(o, ints, ArrayRef<int64_t>{*d}, *keep);
      } else {
        red = e.reduce(o, ints, std::nullopt, false);
      }
      Value r = e.cast(red, e.rw.getI1Type(), e.resultType());
      return r && e.done(r);
    });
  // median / nanmedian: the lower median, (n - 1) / 2 of the sorted values
  // (NaN sorted last); median is NaN where a NaN is (its index the first
  // NaN's), nanmedian counts only the numbers (NaN where there are none).
  for (auto [n, ignoreNaN, dim] : {std::tuple{"aten.median", false, false},
                                   {"aten.nanmedian", true, false},
                                   {"aten.median.dim", false, true},
                                   {"aten.nanmedian.dim", true, true}})
    add(n, 11, [ignoreNaN = ignoreNaN, dim = dim](Emitter &e) {
      Value x = e.in(0);
      int64_t axis = 0;
      bool keep = false;
      if (dim) {
        auto d = e.dimArg(1, x);
        auto k = Torch::getConstantBool(e.orig(2));
        if (!d || !k)
          return d ? e.fail("'keepdim' must be constant") : false;
        axis = *d;
        keep = *k;
      } else {
        x = e.n1("Reshape", {x, e.i64s({-1})});
      }
      Type t = Emitter::elemOf(x);
      if (!t || !isa<FloatType>(t))
        return e.fail("the input must be floating point");
      Type i64 = e.rw.getI64Type(), i1 = e.rw.getI1Type();
      Value isNaN = e.n1("IsNaN", {x}, {}, e.unranked(i1));
      Value inf = e.scalar(std::numeric_limits<double>::infinity(), t);
      Value nan = e.scalar(std::numeric_limits<double>::quiet_NaN(), t);
      Value xs = e.n1("Where", {isNaN, inf, x}, {}, e.unranked(t));
      Operation *topk = e.node(
          "TopK", {xs, e.dimOf(x, axis)},
          {{"axis", e.i64(axis)}, {"largest", e.i64(0)}, {"sorted", e.i64(1)}},
          {e.unranked(t), e.unranked(i64)});
      if (!topk)
        return false;
      // Per row (the reduced dim kept as 1): the NaNs, the numbers.
      Value nanInts = e.cast(isNaN, i64);
      Value nanCount =
          e.reduce("ReduceSum", nanInts, ArrayRef<int64_t>{axis}, true);
      Value count = ignoreNaN ? e.n1("Sub", {e.dimOf(x, axis), nanCount})
                              : e.dimOf(x, axis);
      Value pos = e.n1("Div", {e.n1("Sub", {count, e.i64s({1})}), e.i64s({2})});
      Value none = e.n1("Less", {count, e.i64Scalar(1)}, {}, e.unranked(i1));
      Value pos0 = e.n1("Where", {none, e.i64s({0}), pos}, {},
                        e.unranked(i64)); // no numbers: row 0
      Value at = e.n1("Expand", {pos0, e.shape(nanCount)});
      Value v = e.n1("GatherElements", {topk->getResult(0), at},
                     {{"axis", e.i64(axis)}});
      Value idx = e.n1("GatherElements", {topk->getResult(1), at},
                       {{"axis", e.i64(axis)}});
      if (ignoreNaN) {
        v = e.n1("Where", {none, nan, v}, {}, e.unranked(t));
      } else {
        Value anyNaN =
            e.n1("Greater", {nanCount, e.i64Scalar(0)}, {}, e.unranked(i1));
        v = e.n1("Where", {anyNaN, nan, v}, {}, e.unranked(t));
        Value firstNaN = e.n1("ArgMax", {nanInts},
                              {{"axis", e.i64(axis)}, {"keepdims", e.i64(1)}},
                              e.unranked(i64));
        idx = e.n1("Where", {anyNaN, firstNaN, idx}, {}, e.unranked(i64));
      }
      if (!keep) {
        v = e.squeeze(v, {axis});
        idx = e.squeeze(idx, {axis});
      }
      Value rv = e.n1("Identity", {v}, {}, e.resultType(0));
      if (!dim)
        return rv && e.done(rv);
      Value ri = e.n1("Identity", {idx}, {}, e.resultType(1));
      return rv && ri && e.done({rv, ri});
    });
  // all.dims/any.dims(self, dim[]?, keepdim): None or [] is every dim.
  for (auto [n, o] : {std::pair{"aten.all.dims", "ReduceMin"},
                      {"aten.any.dims", "ReduceMax"}})
    add(n, 9, [o = StringRef(o)](Emitter &e) {
      auto keep = Torch::getConstantBool(e.orig(2));
      if (!keep)
        return e.fail("'keepdim' must be constant");
      std::optional<SmallVector<int64_t>> dims;
      if (!Torch::isConstantNone(e.orig(1)) && !(dims = e.constInts(1, "dim")))
        return false;
      Value ints =
          e.cast(e.castIfNeeded(e.in(0), e.rw.getI1Type()), e.rw.getI32Type());
      Value red = dims && !dims->empty()
                      ? e.reduce(o, ints, ArrayRef<int64_t>(*dims), *keep)
                      : e.reduce(o, ints, std::nullopt, *keep);
      Value r = e.cast(red, e.rw.getI1Type(), e.resultType());
      return r && e.done(r);
    });
  add("aten.cosine_similarity", 9, lowerCosineSimilarity);
  add("aten.logsumexp", 9,
      [](Emitter &e) { return lowerReduce(e, "ReduceLogSumExp", 1, 2); });
  // rms_norm(x, normalized_shape, weight?, eps?): x / sqrt(mean(x^2) + eps)
  // over the trailing dims (eps: the dtype's machine epsilon by default).
  add("aten.rms_norm", 9, [](Emitter &e) {
    Value x = e.in(0);
    auto rank = Emitter::rankOf(x);
    auto shape = Torch::getConstantIntList(e.orig(1), 1);
    Type t = Emitter::elemOf(x);
    if (!rank || !t)
      return e.fail("the input rank and dtype must be known");
    if (!shape || (int64_t)shape->size() > *rank)
      return e.fail("normalized_shape must be a constant list no longer "
                    "than the input's rank");
    double eps;
    if (Torch::isConstantNone(e.orig(3))) {
      unsigned bits = t.getIntOrFloatBitWidth();
      eps = t.isBF16()   ? 0.0078125
            : bits == 16 ? 0.0009765625
            : bits == 64 ? 2.220446049250313e-16
                         : 1.1920928955078125e-07;
    } else {
      auto c = e.constFloat(3, "eps");
      if (!c)
        return false;
      eps = *c;
    }
    SmallVector<int64_t> axes;
    for (int64_t i = *rank - shape->size(); i < *rank; ++i)
      axes.push_back(i);
    Value ms =
        e.reduce("ReduceMean", e.n1("Mul", {x, x}), ArrayRef(axes), true);
    Value r =
        e.n1("Div", {x, e.n1("Sqrt", {e.n1("Add", {ms, e.scalar(eps, t)})})},
             {}, Torch::isConstantNone(e.orig(2)) ? e.resultType() : Type());
    if (!Torch::isConstantNone(e.orig(2)))
      r = e.n1("Mul", {r, e.castIfNeeded(e.in(2), t)}, {}, e.resultType());
    return r && e.done(r);
  });
  add("aten.var.dim", 9, [](Emitter &e) { return lowerVar(e, false, false); });
  for (auto [n, isStd, withMean] : {std::tuple{"aten.var", false, false},
                                    {"aten.std", true, false},
                                    {"aten.var_mean", false, true},
                                    {"aten.std_mean", true, true}})
    add(n, 9, [isStd = isStd, withMean = withMean](Emitter &e) {
      return lowerVar(e, isStd, false, withMean, /*allDims=*/true);
    });
  add("aten.var_mean.dim", 9,
      [](Emitter &e) { return lowerVar(e, false, false, true); });
  add("aten.std_mean.dim", 9,
      [](Emitter &e) { return lowerVar(e, true, false, true); });
  add("aten.var_mean.correction", 9,
      [](Emitter &e) { return lowerVar(e, false, true, true); });
  add("aten.std_mean.correction", 9,
      [](Emitter &e) { return lowerVar(e, true, true, true); });
  add("aten.std.dim", 9, [](Emitter &e) { return lowerVar(e, true, false); });
  add("aten.var.correction", 9,
      [](Emitter &e) { return lowerVar(e, false, true); });
  add("aten.std.correction", 9,
      [](Emitter &e) { return lowerVar(e, true, true); });
  for (auto [n, o] :
       {std::pair{"aten.argmax", "ArgMax"}, {"aten.argmin", "ArgMin"}})
    add(n, 9, [o = StringRef(o)](Emitter &e) {
      auto keep = Torch::getConstantBool(e.orig(2));
      if (!keep)
        return e.fail("'keepdim' must be constant");
      Value x = e.in(0);
      int64_t axis = 0;
      bool k = *keep;
      if (Torch::isConstantNone(e.orig(1))) {
        // The flattened input; keepdim gives every dim as 1, as torch.
        auto rank = Emitter::rankOf(x);
        if (k && !rank)
          return e.fail("keepdim without dim needs the input rank");
        x = e.n1("Reshape", {x, e.i64s({-1})});
        Value r = e.n1(o, {x}, {{"axis", e.i64(0)}, {"keepdims", e.i64(0)}});
        r = e.n1("Reshape", {r, e.i64s(SmallVector<int64_t>(k ? *rank : 0, 1))},
                 {}, e.resultType());
        return r && e.done(r);
      } else {
        auto d = e.constInt(1, "dim");
        if (!d)
          return false;
        axis = *d;
        if (axis < 0 && e.opset() < 11) {
          auto rank = Emitter::rankOf(x);
          if (!rank)
            return e.fail("negative dims need the rank before opset 11");
          axis += *rank;
        }
      }
      Value r = e.n1(o, {x}, {{"axis", e.i64(axis)}, {"keepdims", e.i64(k)}},
                     e.resultType());
      return r && e.done(r);
    });
  for (auto [n, o, ao] : {std::tuple{"aten.max.dim", "ReduceMax", "ArgMax"},
                          {"aten.min.dim", "ReduceMin", "ArgMin"}})
    add(n, 9, [o = StringRef(o), ao = StringRef(ao)](Emitter &e) {
      auto d = e.constInt(1, "dim");
      auto keep = Torch::getConstantBool(e.orig(2));
      if (!d || !keep)
        return e.fail("'dim' and 'keepdim' must be constant");
      int64_t axis = *d;
      if (axis < 0 && e.opset() < 11) {
        auto rank = Emitter::rankOf(e.in(0));
        if (!rank)
          return e.fail("negative dims need the rank before opset 11");
        axis += *rank;
      }
      Value v =
          e.reduce(o, e.in(0), ArrayRef<int64_t>{axis}, *keep, e.resultType(0));
      Value i = e.n1(ao, {e.in(0)},
                     {{"axis", e.i64(axis)}, {"keepdims", e.i64(*keep)}},
                     e.resultType(1));
      return v && i && e.done({v, i});
    });
  add("aten.topk", 9, [](Emitter &e) {
    auto d = e.constInt(2, "dim");
    auto largest = Torch::getConstantBool(e.orig(3));
    auto sorted = Torch::getConstantBool(e.orig(4));
    if (!d || !largest || !sorted)
      return e.fail("'dim', 'largest' and 'sorted' must be constant");
    Attrs attrs{{"axis", e.i64(*d)}};
    if (e.opset() >= 11) {
      attrs.push_back({"largest", e.i64(*largest)});
      attrs.push_back({"sorted", e.i64(*sorted)});
    } else if (!*largest) {
      return e.fail("topk(largest=False) needs opset 11");
    }
    if (Emitter::rankOf(e.in(0)) == 0) { // a 0-d input: itself, index 0
      Value v = e.n1("Identity", {e.in(0)}, {}, e.resultType(0));
      Value i = e.n1("Identity", {e.i64Scalar(0)}, {}, e.resultType(1));
      return v && i && e.done({v, i});
    }
    if (e.opset() < 10) { // TopK-1: k is an attribute
      auto c = Torch::getConstantInt(e.orig(1));
      if (!c)
        return e.fail("before opset 10, topk's k must be a constant");
      attrs.push_back({"k", e.i64(*c)});
      Operation *o =
          e.node("TopK", {e.in(0)}, attrs, {e.resultType(0), e.resultType(1)});
      return o && e.done(o->getResults());
    }
    Value k = e.unsqueeze(e.castIfNeeded(e.in(1), e.rw.getI64Type()), {0});
    if (auto c = Torch::getConstantInt(e.orig(1)))
      k = e.i64s({*c});
    Operation *o =
        e.node("TopK", {e.in(0), k}, attrs, {e.resultType(0), e.resultType(1)});
    return o && e.done(o->getResults());
  });
}

void mlir::torch_onnx::addNNLowerings(std::vector<Lowering> &l) {
  LoweringAdder add(l);
  addConvAndLinearLowerings(add);
  addPoolLowerings(add);
  addNormLowerings(add);
  addSoftmaxEmbeddingAndVisionLowerings(add);
  addLossAndReductionLowerings(add);
  addStatisticsLowerings(add);
}
