//===- Shape.cpp - shape, indexing and creation aten ops -> ONNX ----------===//

#include "Emitter.h"

#include <limits>

using namespace mlir;
using namespace mlir::torch_onnx;

namespace {

constexpr int64_t kInt64Max = std::numeric_limits<int64_t>::max();

std::optional<int64_t> normalize(Emitter &e, int64_t d,
                                 std::optional<int64_t> rank,
                                 bool needed = true) {
  if (d >= 0)
    return d;
  if (!rank) {
    if (needed)
      e.fail("a negative dim needs the input rank to be known");
    return std::nullopt;
  }
  return d + *rank;
}

/// A tensor filled with `value` of the result's dtype and the given shape.
bool fill(Emitter &e, Value shape, double value) {
  Type t = e.resultElem();
  if (!t)
    return e.fail("the result dtype is unknown");
  auto vt = RankedTensorType::get({1}, t);
  Attribute v =
      isa<FloatType>(t)
          ? DenseElementsAttr::get(vt, e.rw.getFloatAttr(t, value))
      : t.isInteger(1)
          ? DenseElementsAttr::get(vt, value != 0)
          : DenseElementsAttr::get(vt, e.rw.getIntegerAttr(t, (int64_t)value));
  Value r = e.n1("ConstantOfShape", {shape}, {{"value", v}}, e.resultType());
  return r && e.done(r);
}

/// Splits `x` along `dim` into pieces of the given static sizes.
std::optional<SmallVector<Value>> split(Emitter &e, Value x, int64_t dim,
                                        ArrayRef<int64_t> sizes,
                                        ArrayRef<Type> types) {
  SmallVector<Type> ts(types.begin(), types.end());
  Operation *o;
  if (e.opset() >= 13)
    o = e.node("Split", {x, e.i64s(sizes)}, {{"axis", e.i64(dim)}}, ts);
  else
    o = e.node("Split", {x}, {{"axis", e.i64(dim)}, {"split", e.ints(sizes)}},
               ts);
  if (!o)
    return std::nullopt;
  return SmallVector<Value>(o->getResults().begin(), o->getResults().end());
}

/// The dim a split/chunk/unbind producer splits (normalized) and its size
/// in the refined type (Torch's unknown size when known only at run time).
struct SplitDim {
  int64_t dim, size;
};
FailureOr<SplitDim> splitDim(Emitter &e, Operation *producer) {
  std::string n = Torch::getSplitOpName(producer);
  auto info = Torch::TensorInfo::of(producer->getOperand(0).getType());
  if (!info.sizes)
    return e.fail("splitting needs the input rank to be known"), failure();
  int64_t rank = info.sizes->size();
  unsigned dimIdx = n == "torch.aten.unbind.int" ? 1 : 2;
  auto d = Torch::getConstantInt(producer->getOperand(dimIdx));
  if (!d)
    return e.fail("the split dim must be constant"), failure();
  if (*d < -rank || *d >= rank)
    return e.fail("the split dim " + Twine(*d) + " is out of range for rank " +
                  Twine(rank)),
           failure();
  int64_t dim = wrapAxis(*d, rank);
  return SplitDim{dim, (*info.sizes)[dim]};
}

/// Static piece sizes of split/chunk/unbind/split_with_sizes producing the
/// list `list`, split along `sd`.
bool splitSizes(Emitter &e, Operation *producer, SplitDim sd,
                SmallVector<int64_t> &sizes, bool &squeezeDim) {
  std::string n = Torch::getSplitOpName(producer);
  int64_t total = sd.size;
  squeezeDim = n == "torch.aten.unbind.int";
  if (n == "torch.aten.split_with_sizes" || n == "torch.aten.split.sizes") {
    auto s = Torch::getConstantIntList(producer->getOperand(1));
    if (!s)
      return e.fail("split sizes must be constant");
    sizes = *s;
    return true;
  }
  if (total < 0)
    return e.fail("splitting needs the size of the split dim to be known");
  if (squeezeDim) {
    sizes.assign(total, 1);
    return true;
  }
  auto k = Torch::getConstantInt(producer->getOperand(1));
  if (!k)
    return e.fail("the split size must be constant");
  if (n == "torch.aten.chunk") {
    int64_t piece = (total + *k - 1) / *k;
    for (int64_t done = 0; done < total; done += piece)
      sizes.push_back(std::min(piece, total - done));
    return true;
  }
  for (int64_t done = 0; done < total; done += *k)
    sizes.push_back(std::min(*k, total - done));
  return true;
}

/// The pieces of split/chunk/unbind along a dim whose size is known only at
/// run time, as many as the unpacking takes: unbind gathers each index;
/// split with a constant piece size slices at constant bounds; chunk
/// computes its piece size, ceil(n / chunks), and slices at run-time
/// bounds (Slice-10).
bool lowerDynamicPieces(Emitter &e, Operation *producer, int64_t dim) {
  std::string n = Torch::getSplitOpName(producer);
  Value x = e.rw.getRemappedValue(producer->getOperand(0));
  int64_t count = e.op->getNumResults();
  constexpr int64_t kEnd = std::numeric_limits<int64_t>::max();
  SmallVector<Value> out;
  if (n == "torch.aten.unbind.int") {
    for (int64_t i = 0; i < count; ++i)
      out.push_back(e.n1("Gather", {x, e.i64Scalar(i)}, {{"axis", e.i64(dim)}},
                         e.resultType(i)));
  } else if (n == "torch.aten.split.Tensor" || n == "torch.aten.chunk") {
    auto k = Torch::getConstantInt(producer->getOperand(1));
    if (!k || *k < 1)
      return e.fail("the split size must be a constant >= 1");
    if (n == "torch.aten.split.Tensor") {
      for (int64_t i = 0; i < count; ++i) {
        Value p =
            e.slice(x, {i * *k}, {i == count - 1 ? kEnd : (i + 1) * *k}, {dim});
        out.push_back(e.n1("Identity", {p}, {}, e.resultType(i)));
      }
    } else {
      Value len = e.dimOf(x, dim);
      Value piece =
          e.n1("Div", {e.n1("Add", {len, e.i64s({*k - 1})}), e.i64s({*k})});
      for (int64_t i = 0; i < count; ++i) {
        Value start = e.n1("Mul", {piece, e.i64s({i})});
        Value end = i == count - 1 ? e.i64s({kEnd})
                                   : e.n1("Mul", {piece, e.i64s({i + 1})});
        Value p = e.sliceDyn(x, start, end, e.i64s({dim}), Value());
        if (!p)
          return false;
        out.push_back(e.n1("Identity", {p}, {}, e.resultType(i)));
      }
    }
  } else {
    return e.fail("split sizes must be constant");
  }
  if (llvm::any_of(out, [](Value v) { return !v; }))
    return false;
  return e.done(out);
}

/// split_with_sizes with sizes computed at run time (traced sizes of
/// data-dependent or unrefined shapes): Split with a sizes input from
/// opset 13, slices at running sums (CumSum) before.
bool lowerRuntimeSplitSizes(Emitter &e, Operation *producer, int64_t dim) {
  Value x = e.rw.getRemappedValue(producer->getOperand(0));
  auto elems = Torch::getListElements(producer->getOperand(1));
  int64_t count = e.op->getNumResults();
  if (!elems || (int64_t)elems->size() != count)
    return e.fail("the split sizes must be a list of as many ints as the "
                  "unpacking takes");
  SmallVector<Value> parts;
  for (Value v : *elems) {
    if (auto c = Torch::getConstantInt(v)) {
      parts.push_back(e.i64s({*c}));
      continue;
    }
    parts.push_back(e.unsqueeze(
        e.castIfNeeded(e.rw.getRemappedValue(v), e.rw.getI64Type()), {0}));
  }
  Value sizes = e.concatInts(parts);
  SmallVector<Type> types;
  for (int64_t i = 0; i < count; ++i)
    types.push_back(e.resultType(i));
  if (e.opset() >= 13) {
    Operation *o = e.node("Split", {x, sizes}, {{"axis", e.i64(dim)}}, types);
    return o && e.done(o->getResults());
  }
  if (e.opset() < 11)
    return e.fail("splitting at sizes known only at run time needs opset 11");
  Value ends = e.n1("CumSum", {sizes, e.i64Scalar(0)});
  Value starts = e.n1("Sub", {ends, sizes});
  SmallVector<Value> out;
  for (int64_t i = 0; i < count; ++i) {
    auto at = [&](Value v) {
      return e.n1("Gather", {v, e.i64s({i})}, {{"axis", e.i64(0)}});
    };
    Value p = e.sliceDyn(x, at(starts), at(ends), e.i64s({dim}), Value());
    if (!p)
      return false;
    out.push_back(e.n1("Identity", {p}, {}, types[i]));
  }
  return e.done(out);
}

/// tensor_split's pieces along a constant dim, as many as the unpacking
/// takes: at constant indices (.indices), at indices read from a 1-D
/// tensor, or into `sections` pieces (.sections, or a 0-d tensor) where the
/// first n % sections pieces have one element more (start_i = i * (n /
/// sections) + min(i, n % sections)). Bounds follow Python slicing, as
/// Slice does.
bool lowerTensorSplit(Emitter &e, Operation *producer) {
  std::string key = Torch::getOpKey(producer);
  Value x = e.rw.getRemappedValue(producer->getOperand(0));
  auto rank = Emitter::rankOf(x);
  auto d = Torch::getConstantInt(producer->getOperand(2));
  if (!rank || !d)
    return e.fail("tensor_split needs the input rank and a constant dim");
  auto nd = normalizeAxis(*d, *rank);
  if (!nd)
    return e.fail("the split dim " + Twine(*d) + " is out of range");
  int64_t dim = *nd;
  int64_t count = e.op->getNumResults();
  constexpr int64_t kEnd = std::numeric_limits<int64_t>::max();
  Type i64 = e.rw.getI64Type();
  // starts[i] and ends[i] as 1-element int64 tensors.
  SmallVector<Value> bounds; // count + 1 entries: 0, b1, ..., end
  Value arg = e.rw.getRemappedValue(producer->getOperand(1));
  std::optional<int64_t> sectionsConst;
  Value sections;
  if (key == "aten.tensor_split.indices") {
    auto idx = Torch::getConstantIntList(producer->getOperand(1));
    if (!idx)
      return e.fail("tensor_split indices must be constant");
    if ((int64_t)idx->size() + 1 != count)
      return e.fail("the number of pieces does not match the unpacking");
    bounds.push_back(e.i64s({0}));
    for (int64_t i : *idx)
      bounds.push_back(e.i64s({i}));
  } else if (key == "aten.tensor_split.sections") {
    sectionsConst = Torch::getConstantInt(producer->getOperand(1));
    if (!sectionsConst)
      return e.fail("tensor_split sections must be constant");
    sections = e.i64s({*sectionsConst});
  } else {
    auto r = Emitter::rankOf(arg);
    if (!r || *r > 1)
      return e.fail("tensor_indices_or_sections must be a 0-d or 1-D tensor");
    arg = e.castIfNeeded(arg, i64);
    if (*r == 0) {
      sections = e.unsqueeze(arg, {0});
    } else {
      bounds.push_back(e.i64s({0}));
      for (int64_t i = 0; i + 1 < count; ++i)
        bounds.push_back(
            e.n1("Gather", {arg, e.i64s({i})}, {{"axis", e.i64(0)}}));
    }
  }
  if (sections) {
    if (sectionsConst && *sectionsConst != count)
      return e.fail("the number of pieces does not match the unpacking");
    Value n = e.dimOf(x, dim);
    Value q = e.n1("Div", {n, sections}), r = e.n1("Mod", {n, sections});
    for (int64_t i = 0; i < count; ++i)
      bounds.push_back(e.n1("Add", {e.n1("Mul", {q, e.i64s({i})}),
                                    e.n1("Min", {r, e.i64s({i})})}));
  }
  bounds.push_back(e.i64s({kEnd}));
  SmallVector<Value> out;
  for (int64_t i = 0; i < count; ++i) {
    Value p = e.sliceDyn(x, bounds[i], bounds[i + 1], e.i64s({dim}), Value());
    if (!p)
      return false;
    out.push_back(e.n1("Identity", {p}, {}, e.resultType(i)));
  }
  return e.done(out);
}

/// einsum without the Einsum op (opset < 12): sums over indices only one
/// operand has, then one batched MatMul over [batch, left, contracted] x
/// [batch, contracted, right], reshaped and transposed to the output.
/// Needs static shapes and an explicit output ("ij,jk->ik").
bool lowerEinsumAsMatMul(Emitter &e, StringRef eq, ArrayRef<Value> ops) {
  size_t arrow = eq.find("->");
  if (arrow == StringRef::npos || eq.contains("..."))
    return e.fail("before opset 12 (Einsum) only explicit equations without "
                  "'...' are decomposed (e.g. 'bij,bjk->bik')");
  SmallVector<StringRef> terms;
  eq.substr(0, arrow).split(terms, ',');
  std::string out = eq.substr(arrow + 2).trim().str();
  if (terms.size() != ops.size() || ops.empty() || ops.size() > 2)
    return e.fail("before opset 12 (Einsum) only one or two operands are "
                  "decomposed");
  llvm::DenseMap<char, int64_t> size;
  SmallVector<std::string> letters;
  SmallVector<Value> vals(ops.begin(), ops.end());
  for (auto [t, v] : llvm::zip(terms, ops)) {
    std::string term = t.trim().str();
    auto shape = Emitter::shapeOf(v);
    if (!shape || shape->size() != term.size() ||
        llvm::is_contained(*shape, ShapedType::kDynamic))
      return e.fail("before opset 12 (Einsum) the operands' shapes must be "
                    "known");
    for (auto [c, d] : llvm::zip(term, *shape)) {
      if (llvm::count(term, c) > 1)
        return e.fail("before opset 12 (Einsum) repeated indices in one "
                      "operand (diagonals) are not decomposed");
      if (size.count(c) && size[c] != d)
        return e.fail("before opset 12 (Einsum) broadcasting index sizes are "
                      "not decomposed");
      size[c] = d;
    }
    letters.push_back(term);
  }
  auto inOut = [&](char c) { return out.find(c) != std::string::npos; };
  // Sum away indices that appear in one operand only and not in the output.
  for (size_t k = 0; k < vals.size(); ++k) {
    std::string &term = letters[k];
    SmallVector<int64_t> axes;
    std::string kept;
    for (auto [i, c] : llvm::enumerate(term)) {
      bool elsewhere = false;
      for (size_t j = 0; j < letters.size(); ++j)
        if (j != k && letters[j].find(c) != std::string::npos)
          elsewhere = true;
      if (!inOut(c) && !elsewhere)
        axes.push_back(i);
      else
        kept.push_back(c);
    }
    if (!axes.empty())
      vals[k] = e.reduce("ReduceSum", vals[k], ArrayRef<int64_t>(axes), false);
    term = kept;
  }
  auto permOf = [](const std::string &from, const std::string &to) {
    SmallVector<int64_t> p;
    for (char c : to)
      p.push_back(from.find(c));
    return p;
  };
  auto product = [&](const std::string &ls) {
    int64_t n = 1;
    for (char c : ls)
      n *= size[c];
    return n;
  };
  if (vals.size() == 1) {
    Value r = e.n1("Transpose", {vals[0]},
                   {{"perm", e.ints(permOf(letters[0], out))}}, e.resultType());
    return r && e.done(r);
  }
  const std::string &a = letters[0], &b = letters[1];
  std::string batch, left, right, contract;
  for (char c : a) {
    bool inB = b.find(c) != std::string::npos;
    if (inB && inOut(c))
      batch.push_back(c);
    else if (inB)
      contract.push_back(c);
    else
      left.push_back(c);
  }
  for (char c : b)
    if (a.find(c) == std::string::npos)
      right.push_back(c);
  Value A = e.n1("Transpose", {vals[0]},
                 {{"perm", e.ints(permOf(a, batch + left + contract))}});
  A = e.n1("Reshape",
           {A, e.i64s({product(batch), product(left), product(contract)})});
  Value B = e.n1("Transpose", {vals[1]},
                 {{"perm", e.ints(permOf(b, batch + contract + right))}});
  B = e.n1("Reshape",
           {B, e.i64s({product(batch), product(contract), product(right)})});
  Value m = e.n1("MatMul", {A, B});
  std::string got = batch + left + right;
  SmallVector<int64_t> dims;
  for (char c : got)
    dims.push_back(size[c]);
  m = e.n1("Reshape", {m, e.i64s(dims)});
  Value r = e.n1("Transpose", {m}, {{"perm", e.ints(permOf(got, out))}},
                 e.resultType());
  return r && e.done(r);
}

/// Dims [from, rank) of `v` (whose static shape is `shape`) as a 1-D int64
/// tensor: a constant when they are static, else a Slice of its Shape.
Value dimsFrom(Emitter &e, Value v, ArrayRef<int64_t> shape, int64_t from) {
  ArrayRef<int64_t> rest = shape.drop_front(from);
  if (!llvm::is_contained(rest, ShapedType::kDynamic))
    return e.i64s(rest);
  return e.slice(e.shape(v), {from}, {(int64_t)shape.size()}, {0});
}

bool isBroadcastLike(Operation *op) {
  std::string n = Torch::getOpKey(op);
  return n == "aten.broadcast_tensors" || n == "aten.meshgrid" ||
         n == "aten.meshgrid.indexing";
}

/// The pieces of broadcast_tensors / meshgrid, unpacked: each input expanded
/// to the common shape (meshgrid: input i laid along dim i, the first two
/// swapped with indexing "xy").
bool lowerBroadcastUnpack(Emitter &e, Operation *producer) {
  auto lc = producer->getOperand(0).getDefiningOp<Torch::PrimListConstructOp>();
  if (!lc)
    return e.fail("the inputs must be a list built in the model");
  SmallVector<Value> xs;
  for (Value v : lc.getElements())
    xs.push_back(e.rw.getRemappedValue(v));
  unsigned k = xs.size();
  if (k != e.op->getNumResults())
    return e.fail("the number of pieces does not match the unpacking");
  // The common shape: a constant when every result's shape is static.
  auto staticShape = [&]() -> std::optional<SmallVector<int64_t>> {
    auto t = dyn_cast_or_null<RankedTensorType>(e.resultType(0));
    if (!t || !t.hasStaticShape())
      return std::nullopt;
    return SmallVector<int64_t>(t.getShape());
  }();
  SmallVector<Value> out;
  if (Torch::getOpKey(producer) == "aten.broadcast_tensors") {
    Value shape;
    if (staticShape) {
      shape = e.i64s(*staticShape);
    } else {
      // Expand broadcasts both ways: chained, it yields the common shape.
      Value t = xs[0];
      for (unsigned j = 1; j < k; ++j)
        t = e.n1("Expand", {t, e.shape(xs[j])});
      shape = e.shape(t);
    }
    for (unsigned i = 0; i < k; ++i)
      out.push_back(e.n1("Expand", {xs[i], shape}, {}, e.resultType(i)));
    return llvm::all_of(out, [](Value v) { return bool(v); }) && e.done(out);
  }
  bool xy = false;
  if (producer->getNumOperands() > 1) {
    auto c = producer->getOperand(1).getDefiningOp<Torch::ConstantStrOp>();
    if (!c)
      return e.fail("the indexing must be a constant string");
    if (c.getValue() != "ij" && c.getValue() != "xy")
      return e.fail("indexing must be 'ij' or 'xy'");
    xy = c.getValue() == "xy";
  }
  SmallVector<int64_t> pos;
  for (unsigned i = 0; i < k; ++i)
    pos.push_back(i);
  if (xy && k >= 2)
    std::swap(pos[0], pos[1]);
  SmallVector<Value> flat(k), dims(k);
  for (unsigned i = 0; i < k; ++i) {
    auto r = Emitter::rankOf(xs[i]);
    if (!r || *r > 1)
      return e.fail("meshgrid takes 0-D or 1-D tensors (input " + Twine(i) +
                    " has " +
                    (r ? "rank " + Twine(*r) : Twine("an unknown rank")) + ")");
    flat[i] = *r == 0 ? e.unsqueeze(xs[i], {0}) : xs[i];
    if (!staticShape)
      dims[pos[i]] = e.shape(flat[i]);
  }
  Value shape = staticShape ? e.i64s(*staticShape) : e.concatInts(dims);
  for (unsigned i = 0; i < k; ++i) {
    SmallVector<int64_t> axes;
    for (unsigned d = 0; d < k; ++d)
      if ((int64_t)d != pos[i])
        axes.push_back(d);
    Value v = axes.empty() ? flat[i] : e.unsqueeze(flat[i], axes);
    out.push_back(e.n1("Expand", {v, shape}, {}, e.resultType(i)));
  }
  return llvm::all_of(out, [](Value v) { return bool(v); }) && e.done(out);
}

/// The index tensors of x[i0, i1, ...] (None: the whole dim), with the dims
/// they index.
struct IndexList {
  SmallVector<int64_t> pos;
  SmallVector<Value> idx;
  bool isMask = false;
};

std::optional<IndexList> readIndices(Emitter &e, Value list) {
  auto elems = Torch::getListElements(list);
  if (!elems) {
    e.fail("the indices must be a list built in the model");
    return std::nullopt;
  }
  IndexList l;
  for (auto [p, v] : llvm::enumerate(*elems)) {
    if (Torch::isConstantNone(v))
      continue;
    l.pos.push_back(p);
    l.idx.push_back(e.rw.getRemappedValue(v));
    Type t = Emitter::elemOf(l.idx.back());
    l.isMask |= t && t.isInteger(1);
  }
  if (l.isMask && l.idx.size() != 1) {
    e.fail("a boolean mask mixed with other index tensors has no lowering "
           "yet");
    return std::nullopt;
  }
  return l;
}

/// How GatherND/ScatterND address x[indices]: the indexed dims moved first
/// (xt = Transpose(x, perm)), the index tuples stacked into [B..., m]
/// (a mask's true positions: [K, m]); as torch (numpy) does, B takes the
/// indexed dims' place in the result when those are adjacent, and goes
/// first otherwise.
struct IndexPlan {
  Value xt, stacked, bShape;
  SmallVector<int64_t> perm;
  SmallVector<Value> otherDims; // 1-D sizes of the dims not indexed
  int64_t nb = 0, p = 0;
  bool moveBack = false, transposed = false;
};

std::optional<IndexPlan> planIndex(Emitter &e, Value x, IndexList &l) {
  auto rank = Emitter::rankOf(x);
  if (!rank) {
    e.fail("the indexed tensor's rank must be known");
    return std::nullopt;
  }
  IndexPlan plan;
  Type i64 = e.rw.getI64Type();
  int64_t m;
  if (l.isMask) {
    auto mr = Emitter::rankOf(l.idx[0]);
    if (!mr || *mr < 1) {
      e.fail("the mask's rank must be known");
      return std::nullopt;
    }
    m = *mr;
    Value nz = e.n1("NonZero", {l.idx[0]}, {}, e.unranked(i64));
    plan.stacked = e.n1("Transpose", {nz}, {{"perm", e.ints({1, 0})}});
    plan.nb = 1;
    plan.bShape = e.slice(e.shape(plan.stacked), {0}, {1}, {0});
    SmallVector<int64_t> dims;
    for (int64_t d = l.pos[0]; d < l.pos[0] + m; ++d)
      dims.push_back(d);
    l.pos = dims;
  } else {
    m = l.idx.size();
    for (Value i : l.idx) {
      auto r = Emitter::rankOf(i);
      if (!r) {
        e.fail("the index tensors' ranks must be known");
        return std::nullopt;
      }
      plan.nb = std::max(plan.nb, *r);
    }
    // int64, negatives wrapped by their dim's size, broadcast, stacked.
    for (auto [k, i] : llvm::enumerate(l.idx)) {
      i = e.castIfNeeded(i, i64);
      Value neg =
          e.n1("Less", {i, e.i64Scalar(0)}, {}, e.unranked(e.rw.getI1Type()));
      Value wrapped = e.n1("Add", {i, e.squeeze(e.dimOf(x, l.pos[k]), {0})});
      i = e.n1("Where", {neg, wrapped, i}, {}, e.unranked(i64));
    }
    Value common = l.idx[0];
    for (unsigned k = 1; k < l.idx.size(); ++k)
      common = e.n1("Expand", {common, e.shape(l.idx[k])});
    plan.bShape = e.shape(common);
    SmallVector<Value> cols;
    for (Value i : l.idx)
      cols.push_back(e.unsqueeze(e.n1("Expand", {i, plan.bShape}), {plan.nb}));
    plan.stacked = e.n1("Concat", cols, {{"axis", e.i64(plan.nb)}});
  }
  plan.perm.assign(l.pos.begin(), l.pos.end());
  for (int64_t d = 0; d < *rank; ++d)
    if (!llvm::is_contained(l.pos, d)) {
      plan.perm.push_back(d);
      plan.otherDims.push_back(e.dimOf(x, d));
    }
  plan.transposed = !llvm::equal(plan.perm, llvm::seq<int64_t>(0, *rank));
  plan.xt = plan.transposed
                ? e.n1("Transpose", {x}, {{"perm", e.ints(plan.perm)}})
                : x;
  plan.p = l.pos.front();
  plan.moveBack = l.pos.back() - l.pos.front() + 1 == m && plan.p > 0;
  return plan;
}

/// [B..., others...] -> others[:p] + B + others[p:] (or its inverse).
SmallVector<int64_t> resultPerm(const IndexPlan &plan, bool inverse) {
  int64_t nb = plan.nb, p = plan.p, no = plan.otherDims.size();
  SmallVector<int64_t> back;
  for (int64_t d = 0; d < p; ++d)
    back.push_back(nb + d);
  for (int64_t d = 0; d < nb; ++d)
    back.push_back(d);
  for (int64_t d = p; d < no; ++d)
    back.push_back(nb + d);
  if (!inverse)
    return back;
  SmallVector<int64_t> inv(back.size());
  for (auto [i, b] : llvm::enumerate(back))
    inv[b] = i;
  return inv;
}

/// x[i0, i1, ...]: one integer index is a Gather along its dim; several, or
/// a boolean mask, a GatherND (opset 11) planned by planIndex.
bool lowerAdvancedIndex(Emitter &e) {
  Value x = e.in(0);
  auto l = readIndices(e, e.orig(1));
  if (!l)
    return false;
  if (l->idx.empty()) {
    Value r = e.n1("Identity", {x}, {}, e.resultType());
    return r && e.done(r);
  }
  if (l->idx.size() == 1 && !l->isMask) {
    Value r = e.n1("Gather", {x, l->idx[0]}, {{"axis", e.i64(l->pos[0])}},
                   e.resultType());
    return r && e.done(r);
  }
  if (e.opset() < 11)
    return e.fail("indexing with several index tensors or a boolean mask "
                  "needs GatherND (opset 11)");
  auto plan = planIndex(e, x, *l);
  if (!plan)
    return false;
  Value g = e.n1("GatherND", {plan->xt, plan->stacked});
  Value r = plan->moveBack ? e.n1("Transpose", {g},
                                  {{"perm", e.ints(resultPerm(*plan, false))}},
                                  e.resultType())
                           : e.n1("Identity", {g}, {}, e.resultType());
  return r && e.done(r);
}

/// x[indices] = v (index_put; accumulate adds): a boolean mask with one
/// value is a Where; otherwise v broadcast to the indexed shape is written
/// with ScatterND (opset 11; accumulate needs its reduction, opset 16).
bool lowerIndexPut(Emitter &e) {
  Value x = e.in(0);
  Type elem = Emitter::elemOf(x);
  if (!elem)
    return e.fail("the input dtype must be known");
  auto acc = Torch::getConstantBool(e.orig(3));
  if (!acc)
    return e.fail("'accumulate' must be constant");
  auto l = readIndices(e, e.orig(1));
  if (!l)
    return false;
  Value v = e.castIfNeeded(e.in(2), elem);
  auto rank = Emitter::rankOf(x);
  if (l->idx.empty()) {
    Value r = *acc ? e.n1("Add", {x, v}, {}, e.resultType())
                   : e.n1("Expand", {v, e.shape(x)}, {}, e.resultType());
    return r && e.done(r);
  }
  // A mask and a single value: Where over the mask laid on x's dims.
  if (l->isMask && Emitter::rankOf(v) == 0) {
    auto mr = Emitter::rankOf(l->idx[0]);
    if (!rank || !mr)
      return e.fail("the ranks of the input and the mask must be known");
    SmallVector<int64_t> axes;
    for (int64_t d = 0; d < l->pos[0]; ++d)
      axes.push_back(d);
    for (int64_t d = l->pos[0] + *mr; d < *rank; ++d)
      axes.push_back(d);
    Value mask = axes.empty() ? l->idx[0] : e.unsqueeze(l->idx[0], axes);
    Value nv = *acc ? e.n1("Add", {x, v}) : v;
    Value r = e.n1("Where", {mask, nv, x}, {}, e.resultType());
    return r && e.done(r);
  }
  if (e.opset() < 11)
    return e.fail("assigning through index tensors needs ScatterND "
                  "(opset 11)");
  if (*acc && e.opset() < 16)
    return e.fail("accumulate=True needs ScatterND's reduction (opset 16)");
  auto plan = planIndex(e, x, *l);
  if (!plan)
    return false;
  // v broadcasts to x[indices] as torch lays it out.
  SmallVector<Value> parts;
  if (plan->moveBack) {
    parts.append(plan->otherDims.begin(), plan->otherDims.begin() + plan->p);
    parts.push_back(plan->bShape);
    parts.append(plan->otherDims.begin() + plan->p, plan->otherDims.end());
  } else {
    parts.push_back(plan->bShape);
    parts.append(plan->otherDims.begin(), plan->otherDims.end());
  }
  Value upd = e.n1("Expand", {v, e.concatInts(parts)});
  if (plan->moveBack)
    upd = e.n1("Transpose", {upd}, {{"perm", e.ints(resultPerm(*plan, true))}});
  SmallVector<std::pair<StringRef, Attribute>> attrs;
  if (*acc)
    attrs.push_back({"reduction", e.str("add")});
  Value sc = e.n1("ScatterND", {plan->xt, plan->stacked, upd}, attrs);
  Value r;
  if (plan->transposed) {
    SmallVector<int64_t> inv(plan->perm.size());
    for (auto [i, d] : llvm::enumerate(plan->perm))
      inv[d] = i;
    r = e.n1("Transpose", {sc}, {{"perm", e.ints(inv)}}, e.resultType());
  } else {
    r = e.n1("Identity", {sc}, {}, e.resultType());
  }
  return r && e.done(r);
}

/// repeat / tile: Tile with the repeats, the input unsqueezed in front when
/// they outnumber its dims; tile (`padReps`) also pads fewer repeats with
/// leading 1s.
bool lowerTile(Emitter &e, bool padReps) {
  auto rank = Emitter::rankOf(e.in(0));
  auto elts = Torch::getListElements(e.orig(1));
  if (!padReps && rank && elts && (int64_t)elts->size() >= *rank &&
      !Torch::getConstantIntList(e.orig(1))) {
    // Repeats computed at run time (e.g. from symbolic sizes): Tile takes
    // them as a tensor; extra leading repeats add leading dims.
    Value x = e.in(0);
    SmallVector<int64_t> axes;
    for (int64_t i = 0; i < (int64_t)elts->size() - *rank; ++i)
      axes.push_back(i);
    if (!axes.empty())
      x = e.unsqueeze(x, axes);
    auto parts = e.tensorList(1);
    if (!parts)
      return false;
    SmallVector<Value> reps;
    for (Value v : *parts) {
      v = e.castIfNeeded(v, e.rw.getI64Type());
      reps.push_back(Emitter::rankOf(v) == 0 ? e.unsqueeze(v, {0}) : v);
    }
    Value r =
        reps.size() == 1 ? reps[0] : e.n1("Concat", reps, {{"axis", e.i64(0)}});
    Value out = e.n1("Tile", {x, r}, {}, e.resultType());
    return out && e.done(out);
  }
  auto reps = e.constInts(1, padReps ? "dims" : "repeats");
  if (!reps)
    return false;
  if (!rank)
    return e.fail("the input rank must be known");
  SmallVector<int64_t> r(*reps);
  Value x = e.in(0);
  if ((int64_t)r.size() < *rank) {
    if (!padReps)
      return e.fail("repeat needs at least as many repeats as dims");
    r.insert(r.begin(), *rank - r.size(), 1);
  } else if ((int64_t)r.size() > *rank) {
    SmallVector<int64_t> axes;
    for (int64_t i = 0; i < (int64_t)r.size() - *rank; ++i)
      axes.push_back(i);
    x = e.unsqueeze(x, axes);
  }
  Value out = e.n1("Tile", {x, e.i64s(r)}, {}, e.resultType());
  return out && e.done(out);
}

/// `src` cut to `idx`'s shape: torch's scatter takes src's leading part
/// when it is larger than the index. Null (with the reason set) when the
/// index rank is unknown.
Value fitSrcToIndex(Emitter &e, Value src, Value idx) {
  auto si = Emitter::shapeOf(idx), ss = Emitter::shapeOf(src);
  if (si && ss && *si == *ss && !llvm::is_contained(*si, ShapedType::kDynamic))
    return src;
  if (!si) {
    e.fail("the index rank must be known");
    return {};
  }
  SmallVector<int64_t> zeros(si->size(), 0), axes;
  for (size_t i = 0; i < zeros.size(); ++i)
    axes.push_back(i);
  // Static sizes slice at constant bounds (any opset).
  if (ss && !llvm::is_contained(*si, ShapedType::kDynamic))
    return e.slice(src, zeros, *si, axes);
  return e.sliceDyn(src, e.i64s(zeros), e.shape(idx), e.i64s(axes), Value());
}

/// A bool mask [.., K (at axis), ..] with one set entry per index of `idx`:
/// OneHot of the indices into 0..K-1 (K = x's size along `dimOfX`).
Value oneHotMask(Emitter &e, Value idx, Value x, int64_t dimOfX, int64_t axis) {
  Value depth = e.dimOf(x, dimOfX);
  Value oh = e.n1("OneHot", {idx, depth, e.i64s({0, 1})},
                  {{"axis", e.i64(axis)}}, e.unranked(e.rw.getI64Type()));
  return e.cast(oh, e.rw.getI1Type());
}

/// scatter_add before ScatterElements' add reduction (opset 16), exact with
/// repeated indices: along `d`, a one-hot mask of each index over 0..K-1 (a
/// new axis after d) selects src (Where, so inf/NaN elsewhere do not leak);
/// the sum over the index axis has x's shape where the index covers it and
/// is zero-padded to the rest.
Value scatterAddOneHot(Emitter &e, Value x, int64_t d, Value idx, Value src,
                       bool coversOtherDims = false) {
  auto xs = Emitter::shapeOf(x), is = Emitter::shapeOf(idx);
  Type t = Emitter::elemOf(x);
  if (!xs || !t) {
    e.fail("scatter_add needs the input rank and dtype");
    return {};
  }
  int64_t r = xs->size();
  Value hit = oneHotMask(e, idx, x, d, d + 1);
  Value w = e.n1("Where", {hit, e.unsqueeze(src, {d + 1}), e.scalar(0, t)}, {},
                 e.unranked(t));
  Value sum = e.reduce("ReduceSum", w, ArrayRef<int64_t>{d}, false);
  // Zero padding up to x's sizes where the index is smaller: constant pads
  // when the sizes are static (none when they agree), computed ones
  // otherwise (Pad with a pads input, opset 11).
  SmallVector<int64_t> pads(2 * r, 0);
  if (coversOtherDims)
    return e.n1("Add", {x, sum});
  bool isStatic = is.has_value(), any = false;
  for (int64_t i = 0; i < r && isStatic; ++i) {
    if (i == d)
      continue;
    if ((*is)[i] < 0 || (*xs)[i] < 0) {
      isStatic = false;
      break;
    }
    pads[r + i] = (*xs)[i] - (*is)[i];
    any |= pads[r + i] != 0;
  }
  if (isStatic && any)
    sum = e.opset() >= 11
              ? e.n1("Pad", {sum, e.i64s(pads)}, {{"mode", e.str("constant")}})
              : e.n1("Pad", {sum},
                     {{"pads", e.ints(pads)}, {"mode", e.str("constant")}});
  if (!isStatic) {
    if (e.opset() < 11) {
      e.fail("before opset 11, scatter_add needs static shapes (Pad-2 takes "
             "constant pads)");
      return {};
    }
    Value dyn = e.concatInts({e.i64s(SmallVector<int64_t>(r, 0)),
                              e.n1("Sub", {e.shape(x), e.shape(sum)})});
    sum = e.n1("Pad", {sum, dyn}, {{"mode", e.str("constant")}});
  }
  return e.n1("Add", {x, sum});
}

bool isSplitLike(Operation *op) {
  if (!op)
    return false;
  std::string n = Torch::getSplitOpName(op);
  return n == "torch.aten.split.Tensor" || n == "torch.aten.split_with_sizes" ||
         n == "torch.aten.split.sizes" || n == "torch.aten.chunk" ||
         n == "torch.aten.unbind.int";
}

} // namespace

/// Views: reshape, flatten/unflatten, permutations, moves, stacks, squeezes.
static void addViewLowerings(LoweringAdder &add) {
  for (StringRef n : {"aten.view", "aten.reshape"})
    add(n, 9, [](Emitter &e) {
      Value r = e.n1("Reshape", {e.in(0), e.intList(1)}, {}, e.resultType());
      return r && e.done(r);
    });
  for (StringRef n : {"aten.view_as", "aten.reshape_as"})
    add(n, 9, [](Emitter &e) {
      Value r =
          e.n1("Reshape", {e.in(0), e.shape(e.in(1))}, {}, e.resultType());
      return r && e.done(r);
    });
  add("aten.flatten.using_ints", 9, [](Emitter &e) {
    auto s = e.constInt(1, "start_dim"), en = e.constInt(2, "end_dim");
    auto shape = Emitter::shapeOf(e.in(0));
    if (!s || !en)
      return false;
    if (!shape)
      return e.fail("the input rank must be known");
    int64_t rank = shape->size();
    if (rank == 0) {
      Value r = e.n1("Reshape", {e.in(0), e.i64s({1})}, {}, e.resultType());
      return r && e.done(r);
    }
    int64_t a = wrapAxis(*s, rank), b = wrapAxis(*en, rank);
    // ONNX Reshape: 0 copies the input dim at the same index. The merged
    // size is given, not -1: a -1 cannot be inferred when another dim is 0
    // (no detections, an empty batch).
    int64_t merged = 1;
    for (int64_t i = a; i <= b && merged >= 0; ++i)
      merged = (*shape)[i] < 0 ? -1 : merged * (*shape)[i];
    Value mergedV = merged >= 0
                        ? e.i64s({merged})
                        : e.reduce("ReduceProd",
                                   e.slice(e.shape(e.in(0)), {a}, {b + 1}, {0}),
                                   ArrayRef<int64_t>{0}, true);
    SmallVector<Value> parts{e.i64s(SmallVector<int64_t>(a, 0)), mergedV};
    if (b + 1 < rank)
      parts.push_back(dimsFrom(e, e.in(0), *shape, b + 1));
    Value r =
        e.n1("Reshape", {e.in(0), e.concatInts(parts)}, {}, e.resultType());
    return r && e.done(r);
  });
  // unflatten(self, dim, sizes): Reshape to self's dims before `dim`,
  // `sizes` (a -1 there takes the rest of that dim), then the dims after it.
  add("aten.unflatten.int", 9, [](Emitter &e) {
    auto d = e.constInt(1, "dim");
    auto shape = Emitter::shapeOf(e.in(0));
    if (!d)
      return false;
    if (!shape)
      return e.fail("the input rank must be known");
    int64_t rank = shape->size();
    if (*d < -rank || *d >= rank || rank == 0)
      return e.fail("dim is out of range for the input's rank");
    int64_t a = wrapAxis(*d, rank);
    // ONNX Reshape: 0 copies the input dim at the same index.
    SmallVector<Value> parts;
    if (a > 0)
      parts.push_back(e.i64s(SmallVector<int64_t>(a, 0)));
    parts.push_back(e.intList(2));
    if (a + 1 < rank)
      parts.push_back(dimsFrom(e, e.in(0), *shape, a + 1));
    Value shapeIn = parts.size() == 1 ? parts[0] : e.concatInts(parts);
    Value r = e.n1("Reshape", {e.in(0), shapeIn}, {}, e.resultType());
    return r && e.done(r);
  });
  add("aten.permute", 9, [](Emitter &e) {
    auto p = e.constInts(1, "dims");
    if (!p)
      return false;
    for (int64_t &d : *p)
      d = wrapAxis(d, p->size());
    Value r =
        e.n1("Transpose", {e.in(0)}, {{"perm", e.ints(*p)}}, e.resultType());
    return r && e.done(r);
  });
  add("aten.transpose.int", 9, [](Emitter &e) {
    auto a = e.constInt(1, "dim0"), b = e.constInt(2, "dim1");
    auto rank = Emitter::rankOf(e.in(0));
    if (!a || !b)
      return false;
    if (!rank)
      return e.fail("the input rank must be known");
    SmallVector<int64_t> perm;
    for (int64_t i = 0; i < *rank; ++i)
      perm.push_back(i);
    if (*rank > 0)
      std::swap(perm[wrapAxis(*a, *rank)], perm[wrapAxis(*b, *rank)]);
    Value r =
        e.n1("Transpose", {e.in(0)}, {{"perm", e.ints(perm)}}, e.resultType());
    return r && e.done(r);
  });
  add("aten.t", 9, [](Emitter &e) {
    auto rank = Emitter::rankOf(e.in(0));
    if (!rank)
      return e.fail("the input rank must be known");
    Value r = *rank < 2 ? e.n1("Identity", {e.in(0)}, {}, e.resultType())
                        : e.n1("Transpose", {e.in(0)},
                               {{"perm", e.ints({1, 0})}}, e.resultType());
    return r && e.done(r);
  });
  // Matrix transposes over the last two dims (real tensors: the adjoint
  // is the transpose); numpy_T reverses every dim.
  for (StringRef n :
       {"aten.mT", "aten.mH", "aten.adjoint", "aten.matrix_H", "aten.numpy_T"})
    add(n, 9, [reverse = n == "aten.numpy_T"](Emitter &e) {
      auto rank = Emitter::rankOf(e.in(0));
      if (!rank)
        return e.fail("the input rank must be known");
      if (!reverse && *rank < 2)
        return e.fail("a matrix transpose needs a rank of at least 2");
      SmallVector<int64_t> perm;
      for (int64_t i = 0; i < *rank; ++i)
        perm.push_back(reverse ? *rank - 1 - i : i);
      if (!reverse)
        std::swap(perm[*rank - 1], perm[*rank - 2]);
      Value r = e.n1("Transpose", {e.in(0)}, {{"perm", e.ints(perm)}},
                     e.resultType());
      return r && e.done(r);
    });
  // movedim(source, destination): the permutation torch builds.
  for (StringRef n : {"aten.movedim.int", "aten.movedim.intlist",
                      "aten.moveaxis.int", "aten.moveaxis.intlist"})
    add(n, 9, [](Emitter &e) {
      auto rank = Emitter::rankOf(e.in(0));
      if (!rank)
        return e.fail("the input rank must be known");
      auto src = Torch::getConstantIntList(e.orig(1), 1);
      auto dst = Torch::getConstantIntList(e.orig(2), 1);
      if (!src || !dst || src->size() != dst->size())
        return e.fail("source and destination must be constant, of the "
                      "same length");
      int64_t r = *rank;
      SmallVector<int64_t> perm(r, -1);
      SmallVector<bool> used(r, false);
      for (auto [s, d] : llvm::zip(*src, *dst)) {
        auto ns = normalizeAxis(s, r), nd = normalizeAxis(d, r);
        if (!ns || !nd || perm[*nd] != -1 || used[*ns])
          return e.fail("invalid or repeated dims in movedim");
        perm[*nd] = *ns;
        used[*ns] = true;
      }
      int64_t next = 0;
      for (int64_t &p : perm) {
        if (p != -1)
          continue;
        while (used[next])
          ++next;
        p = next;
        used[next] = true;
      }
      Value out = e.n1("Transpose", {e.in(0)}, {{"perm", e.ints(perm)}},
                       e.resultType());
      return out && e.done(out);
    });
  // hstack/vstack/dstack/column_stack: each tensor raised to the rank the
  // op needs (atleast_1d/2d/3d, or [n] -> [n, 1]), then one Concat.
  for (StringRef n :
       {"aten.hstack", "aten.vstack", "aten.dstack", "aten.column_stack"})
    add(n, 9, [name = n](Emitter &e) {
      auto parts = e.tensorList(0);
      if (!parts)
        return false;
      if (parts->empty())
        return e.fail("stacking needs at least one tensor");
      SmallVector<Value> raised;
      std::optional<int64_t> firstRank;
      for (Value v : *parts) {
        auto rank = Emitter::rankOf(v);
        if (!rank)
          return e.fail("the ranks of the stacked tensors must be known");
        if (!firstRank)
          firstRank = *rank;
        SmallVector<int64_t> axes;
        if (name == "aten.hstack" && *rank == 0)
          axes = {0};
        else if (name == "aten.vstack" && *rank < 2)
          axes =
              *rank == 0 ? SmallVector<int64_t>{0, 1} : SmallVector<int64_t>{0};
        else if (name == "aten.dstack" && *rank < 3)
          axes = *rank == 0   ? SmallVector<int64_t>{0, 1, 2}
                 : *rank == 1 ? SmallVector<int64_t>{0, 2}
                              : SmallVector<int64_t>{2};
        else if (name == "aten.column_stack" && *rank < 2)
          axes =
              *rank == 0 ? SmallVector<int64_t>{0, 1} : SmallVector<int64_t>{1};
        raised.push_back(axes.empty() ? v : e.unsqueeze(v, axes));
      }
      int64_t axis = name == "aten.hstack"   ? (*firstRank <= 1 ? 0 : 1)
                     : name == "aten.vstack" ? 0
                     : name == "aten.dstack" ? 2
                                             : 1;
      Value r = e.n1("Concat", raised, {{"axis", e.i64(axis)}}, e.resultType());
      return r && e.done(r);
    });
  add("aten.ravel", 9, [](Emitter &e) {
    Value r = e.n1("Reshape", {e.in(0), e.i64s({-1})}, {}, e.resultType());
    return r && e.done(r);
  });
  // squeeze(dims): only the listed dims whose size is 1 go.
  add("aten.squeeze.dims", 9, [](Emitter &e) {
    auto shape = Emitter::shapeOf(e.in(0));
    auto dims = Torch::getConstantIntList(e.orig(1), 1);
    if (!shape)
      return e.fail("the input rank must be known");
    if (!dims)
      return e.fail("'dim' must be a constant list");
    if (shape->empty())
      return e.done(e.in(0));
    int64_t rank = shape->size();
    SmallVector<int64_t> axes;
    for (int64_t d : *dims) {
      auto n = normalizeAxis(d, rank);
      if (!n)
        return e.fail("dim " + Twine(d) + " is out of range");
      int64_t nd = *n;
      if ((*shape)[nd] == ShapedType::kDynamic)
        return e.fail("the size of dim " + Twine(nd) +
                      " must be known to squeeze it");
      if ((*shape)[nd] == 1 && !llvm::is_contained(axes, nd))
        axes.push_back(nd);
    }
    llvm::sort(axes);
    Value r =
        axes.empty()
            ? e.n1("Identity", {e.in(0)}, {}, e.resultType())
            : e.n1("Squeeze",
                   e.opset() >= 13 ? SmallVector<Value>{e.in(0), e.i64s(axes)}
                                   : SmallVector<Value>{e.in(0)},
                   e.opset() >= 13
                       ? SmallVector<std::pair<StringRef, Attribute>>{}
                       : SmallVector<
                             std::pair<StringRef, Attribute>>{{"axes",
                                                               e.ints(axes)}},
                   e.resultType());
    return r && e.done(r);
  });
  add("aten.unsqueeze", 9, [](Emitter &e) {
    auto d = e.constInt(1, "dim");
    if (!d)
      return false;
    auto rank = Emitter::rankOf(e.in(0));
    auto nd = normalize(
        e, *d, rank ? std::optional<int64_t>(*rank + 1) : std::nullopt);
    if (!nd)
      return false;
    Value r = e.unsqueeze(e.in(0), {*nd});
    if (r)
      r.setType(e.resultType());
    return r && e.done(r);
  });
  add("aten.squeeze.dim", 9, [](Emitter &e) {
    auto shape = Emitter::shapeOf(e.in(0));
    if (!shape)
      return e.fail("the input rank must be known");
    if (shape->empty())
      return e.done(e.in(0));
    auto d = e.dimArg(1, e.in(0));
    if (!d)
      return false;
    int64_t dim = *d, size = (*shape)[dim];
    if (size == ShapedType::kDynamic)
      return e.fail("squeeze of a dim whose size is unknown: PyTorch keeps "
                    "it unless it is 1, ONNX Squeeze requires 1");
    Value r = size != 1 ? e.n1("Identity", {e.in(0)}, {}, e.resultType())
                        : e.squeeze(e.in(0), {dim});
    if (r)
      r.setType(e.resultType());
    return r && e.done(r);
  });
  add("aten.squeeze", 9, [](Emitter &e) {
    auto shape = Emitter::shapeOf(e.in(0));
    if (!shape || llvm::is_contained(*shape, ShapedType::kDynamic))
      return e.fail("squeeze() needs the input shape to be known");
    SmallVector<int64_t> axes;
    for (auto [i, d] : llvm::enumerate(*shape))
      if (d == 1)
        axes.push_back(i);
    Value r = axes.empty() ? e.n1("Identity", {e.in(0)}, {}, e.resultType())
                           : e.squeeze(e.in(0), axes);
    if (r)
      r.setType(e.resultType());
    return r && e.done(r);
  });
}

/// cat/stack, slices, selections, gathers, advanced indexing, expand.
static void addSliceAndGatherLowerings(LoweringAdder &add) {
  for (bool stack : {false, true})
    add(stack ? "aten.stack" : "aten.cat", 9, [stack](Emitter &e) {
      if (!Torch::getListElements(e.orig(0))) { // a list built in a loop
        auto d = e.constInt(1, "dim");
        if (!d)
          return false;
        Value r = e.n1("ConcatFromSequence", {e.in(0)},
                       {{"axis", e.i64(*d)}, {"new_axis", e.i64(stack)}},
                       e.resultType());
        return r && e.done(r);
      }
      auto elems = e.tensorList(0);
      auto d = e.constInt(1, "dim");
      if (!elems || !d)
        return false;
      Type t = e.resultElem();
      std::optional<int64_t> rank;
      if (!elems->empty())
        if (auto r = Emitter::rankOf((*elems)[0]))
          rank = *r + (stack ? 1 : 0);
      auto axis = *d;
      if (axis < 0 && (stack || e.opset() < 11)) {
        auto na = normalize(e, axis, rank);
        if (!na)
          return false;
        axis = *na;
      }
      SmallVector<Value> parts;
      for (Value v : *elems) {
        v = e.castIfNeeded(v, t);
        parts.push_back(stack ? e.unsqueeze(v, {axis}) : v);
      }
      Value r = e.n1("Concat", parts, {{"axis", e.i64(axis)}}, e.resultType());
      return r && e.done(r);
    });
  add("aten.slice.Tensor", 9, [](Emitter &e) {
    auto d = e.constInt(1, "dim");
    auto step = e.constInt(4, "step");
    if (!d || !step)
      return false;
    int64_t dim = *d;
    if (dim < 0 && e.opset() < 10) {
      auto nd = normalize(e, dim, Emitter::rankOf(e.in(0)));
      if (!nd)
        return false;
      dim = *nd;
    }
    std::optional<int64_t> start = 0, end = kInt64Max;
    if (!Torch::isConstantNone(e.orig(2)))
      start = Torch::getConstantInt(e.orig(2));
    if (!Torch::isConstantNone(e.orig(3)))
      end = Torch::getConstantInt(e.orig(3));
    Value r;
    if (start && end) {
      if (*start == 0 && *end == kInt64Max && *step == 1)
        return e.done(e.n1("Identity", {e.in(0)}, {}, e.resultType()));
      r = e.slice(e.in(0), {*start}, {*end}, {dim}, {*step});
    } else {
      auto bound = [&](unsigned i, std::optional<int64_t> c) {
        return c ? e.i64s({*c})
                 : e.unsqueeze(e.castIfNeeded(e.in(i), e.rw.getI64Type()), {0});
      };
      r = e.sliceDyn(e.in(0), bound(2, start), bound(3, end), e.i64s({dim}),
                     e.i64s({*step}));
    }
    if (r)
      r.setType(e.resultType());
    return r && e.done(r);
  });
  add("aten.narrow", 9, [](Emitter &e) {
    auto d = e.constInt(1, "dim"), s = e.constInt(2, "start"),
         n = e.constInt(3, "length");
    if (!d || !s || !n)
      return false;
    Value r = e.slice(e.in(0), {*s}, {*s + *n}, {*d});
    if (r)
      r.setType(e.resultType());
    return r && e.done(r);
  });
  add("aten.select.int", 9, [](Emitter &e) {
    auto d = e.constInt(1, "dim");
    if (!d)
      return false;
    int64_t dim = *d;
    if (dim < 0 && e.opset() < 11) {
      auto nd = normalize(e, dim, Emitter::rankOf(e.in(0)));
      if (!nd)
        return false;
      dim = *nd;
    }
    Value idx = e.castIfNeeded(e.in(2), e.rw.getI64Type());
    if (auto c = Torch::getConstantInt(e.orig(2)))
      idx = e.i64Scalar(*c);
    Value r =
        e.n1("Gather", {e.in(0), idx}, {{"axis", e.i64(dim)}}, e.resultType());
    return r && e.done(r);
  });
  add("aten.index_select", 9, [](Emitter &e) {
    auto d = e.constInt(1, "dim");
    if (!d)
      return false;
    if (Emitter::rankOf(e.in(0)) == 0) {
      // A 0-d tensor is one element along its only (implicit) dim: Gather
      // from it as [1], the result 0-d again.
      Value one = e.n1("Reshape", {e.in(0), e.i64s({1})});
      Value g = e.n1("Gather", {one, e.in(2)}, {{"axis", e.i64(0)}});
      Value r = e.n1("Reshape", {g, e.i64s({})}, {}, e.resultType());
      return r && e.done(r);
    }
    // A 0-d index selects one element and keeps the dim (as a 1-element
    // index would): Gather with it would drop the dim.
    Value idx = e.in(2);
    if (Emitter::rankOf(idx) == 0)
      idx = e.unsqueeze(idx, {0});
    Value r =
        e.n1("Gather", {e.in(0), idx}, {{"axis", e.i64(*d)}}, e.resultType());
    return r && e.done(r);
  });
  // gather before GatherElements (11): a one-hot mask of the indices along
  // a new axis selects the input (Where), summed over the gathered dim.
  add(
      "aten.gather", 9,
      [](Emitter &e) {
        Value x = e.in(0);
        auto d = e.dimArg(1, x);
        auto xs = Emitter::shapeOf(x);
        auto is = Emitter::shapeOf(e.in(2));
        Type t = Emitter::elemOf(x);
        if (!d)
          return false;
        if (!xs || !is || !t || xs->size() != is->size())
          return e.fail("gather before opset 11 needs the ranks and dtype");
        // The index may be smaller than the input in the other dims.
        SmallVector<int64_t> ends, axes;
        for (int64_t i = 0; i < (int64_t)xs->size(); ++i) {
          if (i == *d || (*is)[i] == (*xs)[i])
            continue;
          if ((*is)[i] < 0)
            return e.fail("gather before opset 11 needs the index's sizes");
          ends.push_back((*is)[i]);
          axes.push_back(i);
        }
        if (!axes.empty())
          x = e.slice(x, SmallVector<int64_t>(axes.size(), 0), ends, axes);
        Value idx = e.castIfNeeded(e.in(2), e.rw.getI64Type());
        Value hit = oneHotMask(e, idx, e.in(0), *d, *d);
        Value sel =
            e.n1("Where", {hit, e.unsqueeze(x, {*d + 1}), e.scalar(0, t)}, {},
                 e.unranked(t));
        Value r = e.reduce("ReduceSum", sel, ArrayRef<int64_t>{*d}, false,
                           e.resultType());
        return r && e.done(r);
      },
      10);
  add("aten.gather", 11, [](Emitter &e) {
    auto d = e.constInt(1, "dim");
    if (!d)
      return false;
    Value x = e.in(0), idx = e.castIfNeeded(e.in(2), e.rw.getI64Type());
    auto xr = Emitter::rankOf(x), ir = Emitter::rankOf(idx);
    if (xr == 0) { // a 0-d input gathers as a 1-element vector
      if (!ir || *ir > 1)
        return e.fail("gather from a 0-d tensor takes a 0-d or 1-element "
                      "index");
      x = e.unsqueeze(x, {0});
      if (ir == 0)
        idx = e.unsqueeze(idx, {0});
      Value g = e.n1("GatherElements", {x, idx}, {{"axis", e.i64(0)}});
      Value r = ir == 0 ? e.squeeze(g, {0}) : g;
      if (r)
        r.setType(e.resultType());
      return r && e.done(r);
    }
    Value r =
        e.n1("GatherElements", {x, idx}, {{"axis", e.i64(*d)}}, e.resultType());
    return r && e.done(r);
  });
  for (StringRef n : {"aten.index.Tensor", "aten.index.Tensor_hacked_twin"})
    add(n, 9, lowerAdvancedIndex);
  for (StringRef n : {"aten.index_put", "aten.index_put.hacked_twin"})
    add(n, 9, lowerIndexPut);
  for (StringRef n : {"aten.expand", "aten.broadcast_to"})
    add(n, 9, [](Emitter &e) {
      // -1 keeps the input's size: Expand's broadcasting does that with 1.
      Value shape = e.intList(1, [](int64_t v) { return v == -1 ? 1 : v; });
      Value r = e.n1("Expand", {e.in(0), shape}, {}, e.resultType());
      return r && e.done(r);
    });
  add("aten.expand_as", 9, [](Emitter &e) {
    Value r = e.n1("Expand", {e.in(0), e.shape(e.in(1))}, {}, e.resultType());
    return r && e.done(r);
  });
}

/// repeat/tile, repeat_interleave, unfold, grid_sampler, slice/select scatter,
/// roll, nonzero, masked_select.
static void addRepeatAndWindowLowerings(LoweringAdder &add) {
  add("aten.repeat", 9, [](Emitter &e) { return lowerTile(e, false); });

  // repeat_interleave(self, repeats: Tensor, dim?): element i repeated
  // repeats[i] times (one count for all when repeats has one element):
  // output position p takes the element whose cumulative count first
  // exceeds p, gathered along dim (the flattened input without dim).
  add("aten.repeat_interleave.self_Tensor", 11, [](Emitter &e) {
    Value x = e.in(0);
    Type i64 = e.rw.getI64Type(), i1 = e.rw.getI1Type();
    int64_t d = 0;
    if (Torch::isConstantNone(e.orig(2))) {
      x = e.n1("Reshape", {x, e.i64s({-1})});
    } else {
      auto dim = e.dimArg(2, x);
      if (!dim)
        return false;
      d = *dim;
    }
    Value n = e.dimOf(x, d);
    Value reps = e.n1("Reshape", {e.castIfNeeded(e.in(1), i64), e.i64s({-1})});
    reps = e.n1("Expand", {reps, n}); // a single count repeats every element
    Value ends = e.n1("CumSum", {reps, e.i64Scalar(0)});
    Value total = e.reduce("ReduceSum", reps, std::nullopt, false);
    Value pos = e.n1("Range", {e.i64Scalar(0), total, e.i64Scalar(1)});
    // ends[i] <= p, as not(p < ends[i]) (LessOrEqual is opset 12).
    Value passed = e.n1(
        "Not", {e.n1("Less", {e.unsqueeze(pos, {1}), e.unsqueeze(ends, {0})},
                     {}, e.unranked(i1))});
    Value idx =
        e.reduce("ReduceSum", e.cast(passed, i64), ArrayRef<int64_t>{1}, false);
    Value r = e.n1("Gather", {x, idx}, {{"axis", e.i64(d)}}, e.resultType());
    return r && e.done(r);
  });
  add("aten.repeat_interleave.self_int", 9, [](Emitter &e) {
    auto reps = e.constInt(1, "repeats");
    if (!reps)
      return false;
    if (*reps < 0)
      return e.fail("repeats must be >= 0 (it is " + Twine(*reps) + ")");
    Value x = e.in(0);
    int64_t d = 0;
    std::optional<int64_t> rank;
    std::optional<SmallVector<int64_t>> shape = Emitter::shapeOf(x);
    if (Torch::isConstantNone(e.orig(2))) {
      // No dim: the flattened input.
      x = e.n1("Reshape", {x, e.i64s({-1})});
      rank = 1;
      if (shape && !llvm::is_contained(*shape, ShapedType::kDynamic)) {
        int64_t n = 1;
        for (int64_t v : *shape)
          n *= v;
        shape = SmallVector<int64_t>{n};
      } else {
        shape.reset();
      }
    } else {
      auto dim = e.dimArg(2, x);
      if (!dim)
        return false;
      d = *dim;
      rank = Emitter::rankOf(x);
    }
    if (!rank)
      return e.fail("the input rank must be known");
    // [.., n, ..] -> [.., n, 1, ..] -> [.., n, r, ..] -> [.., n*r, ..].
    SmallVector<int64_t> ones(*rank + 1, 1);
    ones[d + 1] = *reps;
    Value y = e.n1("Expand", {e.unsqueeze(x, {d + 1}), e.i64s(ones)});
    Value newShape;
    if (shape && !llvm::is_contained(*shape, ShapedType::kDynamic)) {
      SmallVector<int64_t> s(*shape);
      s[d] *= *reps;
      newShape = e.i64s(s);
    } else {
      SmallVector<Value> parts;
      for (int64_t i = 0; i < *rank; ++i)
        parts.push_back(i == d ? e.i64s({-1}) : e.dimOf(x, i));
      newShape = e.concatInts(parts);
    }
    Value r = e.n1("Reshape", {y, newShape}, {}, e.resultType());
    return r && e.done(r);
  });
  add("aten.unfold", 9, [](Emitter &e) {
    // Windows of `size` every `step` along `dim`, the window last:
    // a Gather with a [windows, size] index matrix, then a Transpose.
    auto size = e.constInt(2, "size"), step = e.constInt(3, "step");
    if (!size || !step)
      return false;
    if (*step < 1 || *size < 0)
      return e.fail("size must be >= 0 and step >= 1");
    Value x = e.in(0);
    auto shape = Emitter::shapeOf(x);
    if (!shape)
      return e.fail("the input rank must be known");
    int64_t rank = shape->size();
    if (rank == 0) { // a 0-d input: one window of its one element
      Value r = e.unsqueeze(x, {0});
      r = e.n1("Identity", {r}, {}, e.resultType());
      return r && e.done(r);
    }
    auto d = e.dimArg(1, x);
    if (!d)
      return false;
    int64_t n = (*shape)[*d];
    if (n == ShapedType::kDynamic)
      return e.fail("the unfolded dim's size must be known");
    if (*size > n)
      return e.fail("size " + Twine(*size) + " is larger than dim " +
                    Twine(*d) + " (" + Twine(n) + ")");
    int64_t windows = (n - *size) / *step + 1;
    SmallVector<int64_t> idx;
    for (int64_t w = 0; w < windows; ++w)
      for (int64_t k = 0; k < *size; ++k)
        idx.push_back(w * *step + k);
    Value ind = e.constant(DenseElementsAttr::get(
        RankedTensorType::get({windows, *size}, e.rw.getI64Type()),
        ArrayRef<int64_t>(idx)));
    Value g = e.n1("Gather", {x, ind}, {{"axis", e.i64(*d)}});
    SmallVector<int64_t> perm;
    for (int64_t i = 0; i <= rank; ++i)
      if (i != *d + 1)
        perm.push_back(i);
    perm.push_back(*d + 1);
    Value r = e.n1("Transpose", {g}, {{"perm", e.ints(perm)}}, e.resultType());
    return r && e.done(r);
  });
  add("aten.grid_sampler", 16, [](Emitter &e) {
    auto mode = e.constInt(2, "interpolation_mode"),
         pad = e.constInt(3, "padding_mode");
    auto align = Torch::getConstantBool(e.orig(4));
    if (!mode || !pad)
      return false;
    if (!align)
      return e.fail("align_corners must be constant");
    static const char *modes[] = {"bilinear", "nearest", "bicubic"};
    static const char *pads[] = {"zeros", "border", "reflection"};
    if (*mode < 0 || *mode > 2 || *pad < 0 || *pad > 2)
      return e.fail("unknown interpolation or padding mode");
    auto rank = Emitter::rankOf(e.in(0));
    if (rank && *rank != 4)
      return e.fail("GridSample (opset 16-19) takes 4-D inputs only");
    Value r = e.n1("GridSample", {e.in(0), e.in(1)},
                   {{"mode", e.str(modes[*mode])},
                    {"padding_mode", e.str(pads[*pad])},
                    {"align_corners", e.i64(*align ? 1 : 0)}},
                   e.resultType());
    return r && e.done(r);
  });
  // Writing a slice or a select of x back (what in-place updates of views
  // become): ScatterElements along the dim with the written positions.
  add("aten.slice_scatter", 11, [](Emitter &e) {
    Value x = e.in(0);
    Type t = Emitter::elemOf(x);
    auto rank = Emitter::rankOf(x);
    if (!t || !rank)
      return e.fail("the destination's dtype and rank must be known");
    Value src = e.castIfNeeded(e.in(1), t);
    auto d = e.dimArg(2, x);
    auto step = e.constInt(5, "step");
    if (!d || !step)
      return false;
    if (*step < 1)
      return e.fail("step must be >= 1");
    Value start;
    if (Torch::isConstantNone(e.orig(3))) {
      start = e.i64Scalar(0);
    } else if (auto s0 = Torch::getConstantInt(e.orig(3)); s0 && *s0 >= 0) {
      start = e.i64Scalar(*s0);
    } else {
      // Negative (or run-time) starts count from the end, clamped at 0.
      Value s1 = e.castIfNeeded(e.in(3), e.rw.getI64Type());
      Value n = e.squeeze(e.dimOf(x, *d), {0});
      Value neg =
          e.n1("Less", {s1, e.i64Scalar(0)}, {}, e.unranked(e.rw.getI1Type()));
      s1 = e.n1("Where", {neg, e.n1("Add", {s1, n}), s1}, {},
                e.unranked(e.rw.getI64Type()));
      start = e.n1("Max", {s1, e.i64Scalar(0)});
    }
    Value count = e.squeeze(e.dimOf(src, *d), {0});
    Value pos = e.n1("Range", {e.i64Scalar(0), count, e.i64Scalar(1)}, {},
                     e.unranked(e.rw.getI64Type()));
    pos = e.n1("Add", {e.n1("Mul", {pos, e.i64Scalar(*step)}), start});
    SmallVector<int64_t> axes;
    for (int64_t i = 0; i < *rank; ++i)
      if (i != *d)
        axes.push_back(i);
    if (!axes.empty())
      pos = e.unsqueeze(pos, axes);
    Value idx = e.n1("Expand", {pos, e.shape(src)});
    Value r = e.n1("ScatterElements", {x, idx, src}, {{"axis", e.i64(*d)}},
                   e.resultType());
    return r && e.done(r);
  });
  add("aten.select_scatter", 11, [](Emitter &e) {
    Value x = e.in(0);
    Type t = Emitter::elemOf(x);
    if (!t)
      return e.fail("the destination's dtype must be known");
    auto d = e.dimArg(2, x);
    auto index = e.constInt(3, "index");
    if (!d || !index)
      return false;
    Value src = e.unsqueeze(e.castIfNeeded(e.in(1), t), {*d});
    Value i = e.i64Scalar(*index);
    if (*index < 0)
      i = e.n1("Add", {i, e.squeeze(e.dimOf(x, *d), {0})});
    Value idx = e.n1("Expand", {i, e.shape(src)});
    Value r = e.n1("ScatterElements", {x, idx, src}, {{"axis", e.i64(*d)}},
                   e.resultType());
    return r && e.done(r);
  });
  add("aten.roll", 9, [](Emitter &e) {
    // Each (shift, dim): the last s elements moved to the front, two slices
    // concatenated; without dims, the flattened tensor rolled and reshaped.
    auto shifts = e.constInts(1, "shifts");
    auto dims = e.constInts(2, "dims");
    if (!shifts || !dims)
      return false;
    Value x = e.in(0);
    auto shape = Emitter::shapeOf(x);
    if (!shape)
      return e.fail("the input rank must be known");
    Value orig = x;
    SmallVector<int64_t> axes(*dims);
    if (axes.empty()) {
      if (shifts->size() != 1)
        return e.fail("without dims, roll takes one shift");
      x = e.n1("Reshape", {x, e.i64s({-1})});
      int64_t n = 1;
      for (int64_t d : *shape)
        n = (n < 0 || d < 0) ? ShapedType::kDynamic : n * d;
      shape = SmallVector<int64_t>{n};
      axes = {0};
    }
    if (axes.size() != shifts->size())
      return e.fail("roll needs one shift per dim");
    int64_t rank = shape->size();
    for (auto [d0, sh] : llvm::zip(axes, *shifts)) {
      auto nd = normalizeAxis(d0, rank);
      if (!nd)
        return e.fail("dim " + Twine(d0) + " is out of range");
      int64_t d = *nd;
      int64_t n = (*shape)[d];
      Value head, tail;
      if (n != ShapedType::kDynamic) {
        if (n == 0)
          continue;
        int64_t k = ((sh % n) + n) % n;
        if (k == 0)
          continue;
        head = e.slice(x, {n - k}, {n}, {d});
        tail = e.slice(x, {0}, {n - k}, {d});
      } else {
        // n - (shift mod n), computed at run time (Slice-10 inputs).
        Value nn = e.dimOf(x, d);
        Value k = e.n1(
            "Mod", {e.n1("Add", {e.n1("Mod", {e.i64s({sh}), nn}), nn}), nn});
        Value cut = e.n1("Sub", {nn, k});
        Value big = e.i64s({std::numeric_limits<int64_t>::max()});
        head = e.sliceDyn(x, cut, big, e.i64s({d}), Value());
        tail = e.sliceDyn(x, e.i64s({0}), cut, e.i64s({d}), Value());
      }
      if (!head || !tail)
        return false;
      x = e.n1("Concat", {head, tail}, {{"axis", e.i64(d)}});
    }
    if (dims->empty())
      x = e.n1("Reshape", {x, e.shape(orig)});
    Value r = e.n1("Identity", {x}, {}, e.resultType());
    return r && e.done(r);
  });
  add("aten.tile", 9, [](Emitter &e) { return lowerTile(e, true); });
  add("aten.movedim.int", 9, [](Emitter &e) {
    auto rank = Emitter::rankOf(e.in(0));
    auto src = e.dimArg(1, e.in(0)), dst = e.dimArg(2, e.in(0));
    if (!rank)
      return e.fail("the input rank must be known");
    if (!src || !dst)
      return false;
    SmallVector<int64_t> perm;
    for (int64_t i = 0; i < *rank; ++i)
      if (i != *src)
        perm.push_back(i);
    perm.insert(perm.begin() + *dst, *src);
    Value r =
        e.n1("Transpose", {e.in(0)}, {{"perm", e.ints(perm)}}, e.resultType());
    return r && e.done(r);
  });
  add("aten.dot", 9, [](Emitter &e) {
    Value r = e.n1("MatMul", {e.in(0), e.in(1)}, {}, e.resultType());
    return r && e.done(r);
  });
  for (StringRef n : {"aten.nonzero", "aten.argwhere"})
    add(n, 9, [](Emitter &e) {
      // [rank, n] from NonZero, as torch's [n, rank]; a 0-d input is [n, 0]
      // (n = 0 or 1): NonZero of it as [1], no columns kept.
      auto rank = Emitter::rankOf(e.in(0));
      Value x = e.in(0);
      if (rank && *rank == 0)
        x = e.unsqueeze(x, {0});
      Value nz = e.n1("NonZero", {x}, {}, e.unranked(e.rw.getI64Type()));
      Value r = e.n1("Transpose", {nz}, {{"perm", e.ints({1, 0})}},
                     rank && *rank == 0 ? Type() : e.resultType());
      if (rank && *rank == 0)
        r = e.n1("Identity", {e.slice(r, {0}, {0}, {1})}, {}, e.resultType());
      return r && e.done(r);
    });
  add("aten.masked_select", 9, [](Emitter &e) {
    // Both broadcast, flattened, the masked elements kept (Compress).
    Value x = e.in(0), m = e.in(1);
    Value xb = e.n1("Expand", {x, e.shape(m)});
    Value mb = e.n1("Expand", {m, e.shape(x)});
    Value r = e.n1("Compress",
                   {e.n1("Reshape", {xb, e.i64s({-1})}),
                    e.n1("Reshape", {mb, e.i64s({-1})})},
                   {}, e.resultType());
    return r && e.done(r);
  });
}

/// scatter/scatter_reduce, index_copy/add/fill, sort, flip, outer, one_hot.
static void addScatterAndSortLowerings(LoweringAdder &add) {
  // scatter(self, dim, index, src | value) and scatter_add: ScatterElements
  // (Scatter at opset 9-10; scatter_add's add reduction from 16, the exact
  // one-hot sum before).
  for (auto [n, kind] : {std::pair{"aten.scatter.src", 0},
                         {"aten.scatter.value", 1},
                         {"aten.scatter_add", 2}})
    add(n, 9, [kind = kind](Emitter &e) {
      Value x = e.in(0);
      Type t = Emitter::elemOf(x);
      auto d = e.dimArg(1, x);
      if (!t || !d)
        return t ? false : e.fail("the input dtype must be known");
      Value idx = e.castIfNeeded(e.in(2), e.rw.getI64Type());
      Value src =
          kind == 1 ? e.n1("Expand", {e.castIfNeeded(e.in(3), t), e.shape(idx)})
                    : e.castIfNeeded(e.in(3), t);
      if (kind == 2 && e.opset() < 16) {
        bool scalar = Emitter::rankOf(x) == 0;
        if (scalar) { // a 0-d input scatters as a 1-element vector
          x = e.unsqueeze(x, {0});
          idx = e.unsqueeze(idx, {0});
          src = e.unsqueeze(src, {0});
          x.setType(RankedTensorType::get({1}, t));
          idx.setType(RankedTensorType::get({1}, e.rw.getI64Type()));
          src.setType(RankedTensorType::get({1}, t));
        }
        if (!(src = fitSrcToIndex(e, src, idx)))
          return false;
        Value r = scatterAddOneHot(e, x, *d, idx, src);
        if (r && scalar)
          r = e.squeeze(r, {0});
        if (r)
          r = e.n1("Identity", {r}, {}, e.resultType());
        return r && e.done(r);
      }
      SmallVector<std::pair<StringRef, Attribute>> attrs{{"axis", e.i64(*d)}};
      if (kind == 2)
        attrs.push_back({"reduction", e.str("add")});
      if (kind != 1 && !(src = fitSrcToIndex(e, src, idx)))
        return false;
      // Scatter (opset 9-10) is ScatterElements under its old name.
      Value r = e.n1(e.opset() >= 11 ? "ScatterElements" : "Scatter",
                     {x, idx, src}, attrs, e.resultType());
      return r && e.done(r);
    });
  // scatter_reduce(self, dim, index, src, reduce, include_self): sum and
  // prod are ScatterElements' add/mul reductions (opset 16); without self,
  // the written positions are first reset to the reduction's identity.
  add("aten.scatter_reduce.two", 16, [](Emitter &e) {
    Value x = e.in(0);
    Type t = Emitter::elemOf(x);
    auto d = e.dimArg(1, x);
    auto incl = Torch::getConstantBool(e.orig(5));
    auto red = e.orig(4).getDefiningOp<Torch::ConstantStrOp>();
    if (!t)
      return e.fail("the input dtype must be known");
    if (!d)
      return false;
    if (!incl || !red)
      return e.fail("'reduce' and 'include_self' must be constants");
    StringRef mode = red.getValue();
    if (mode == "amax" || mode == "amin")
      return e.fail("reduce='" + mode +
                    "' needs ScatterElements' max/min "
                    "reduction (opset 18, past the supported 17)");
    if (mode != "sum" && mode != "prod")
      return e.fail("reduce='" + mode +
                    "' has no lowering yet (sum and "
                    "prod do)");
    Value idx = e.castIfNeeded(e.in(2), e.rw.getI64Type());
    Value src = fitSrcToIndex(e, e.castIfNeeded(e.in(3), t), idx);
    if (!src)
      return false;
    if (!*incl) {
      Value fill =
          e.n1("Expand", {e.scalar(mode == "sum" ? 0 : 1, t), e.shape(idx)});
      x = e.n1("ScatterElements", {x, idx, fill}, {{"axis", e.i64(*d)}});
    }
    Value r = e.n1("ScatterElements", {x, idx, src},
                   {{"axis", e.i64(*d)},
                    {"reduction", e.str(mode == "sum" ? "add" : "mul")}},
                   e.resultType());
    return r && e.done(r);
  });
  // index_copy / index_add / index_fill: the 1-D index laid along `dim`,
  // expanded to the written block, and ScatterElements (Scatter before 11;
  // add: its reduction from opset 16, the exact one-hot sum before).
  for (auto [n, kind] : {std::pair{"aten.index_copy", 0},
                         {"aten.index_add", 1},
                         {"aten.index_fill.int_Scalar", 2},
                         {"aten.index_fill.int_Tensor", 2}})
    add(n, 9, [kind = kind](Emitter &e) {
      Value x = e.in(0);
      Type t = Emitter::elemOf(x);
      auto rank = Emitter::rankOf(x);
      if (!t || !rank)
        return e.fail("the input dtype and rank must be known");
      // A 0-d self is one element along dim 0 (or -1): written as [1] and
      // reshaped back (ScatterElements needs a rank >= 1).
      bool scalar = *rank == 0;
      std::optional<int64_t> d;
      if (scalar) {
        auto c = e.constInt(1, "dim");
        if (!c)
          return false;
        if (*c != 0 && *c != -1)
          return e.fail("dim " + Twine(*c) +
                        " is out of range for a 0-d "
                        "tensor (use 0 or -1)");
        x = e.n1("Reshape", {x, e.i64s({1})}, {},
                 RankedTensorType::get({1}, t));
        rank = 1;
        d = 0;
      } else {
        d = e.dimArg(1, x);
      }
      if (!d)
        return false;
      Value idx = e.castIfNeeded(e.in(2), e.rw.getI64Type());
      if (Emitter::rankOf(idx) == 0)
        idx = e.unsqueeze(idx, {0});
      // The written block has x's shape with `dim` of the index's length:
      // the shape of x gathered at the index.
      Value block = e.shape(e.n1("Gather", {x, idx}, {{"axis", e.i64(*d)}}));
      Value upd;
      if (kind == 2) {
        upd = e.n1("Expand", {e.castIfNeeded(e.in(3), t), block});
      } else {
        upd = e.castIfNeeded(e.in(3), t);
        if (scalar && Emitter::rankOf(upd) == 0)
          upd = e.n1("Reshape", {upd, e.i64s({1})});
        if (kind == 1 && !Torch::isConstantNone(e.orig(4))) {
          auto alpha = e.constFloat(4, "alpha");
          if (!alpha)
            return false;
          if (*alpha != 1.0)
            upd = e.n1("Mul", {upd, e.scalar(*alpha, t)});
        }
      }
      SmallVector<int64_t> axes;
      for (int64_t i = 0; i < *rank; ++i)
        if (i != *d)
          axes.push_back(i);
      Value pos = axes.empty() ? idx : e.unsqueeze(idx, axes);
      pos = e.n1("Expand", {pos, block});
      SmallVector<std::pair<StringRef, Attribute>> attrs{{"axis", e.i64(*d)}};
      Value r;
      if (kind == 1 && e.opset() < 16) {
        // The block's shape is x's but along dim: no padding is needed.
        r = scatterAddOneHot(e, x, *d, pos, upd, /*coversOtherDims=*/true);
        if (r && !scalar)
          r = e.n1("Identity", {r}, {}, e.resultType());
      } else {
        if (kind == 1)
          attrs.push_back({"reduction", e.str("add")});
        r = e.n1(e.opset() >= 11 ? "ScatterElements" : "Scatter", {x, pos, upd},
                 attrs, scalar ? Type() : e.resultType());
      }
      if (r && scalar)
        r = e.n1("Reshape", {r, e.i64s({})}, {}, e.resultType());
      return r && e.done(r);
    });
  // sort / argsort: TopK over the whole dim (k = its size).
  for (auto [n, values] :
       {std::pair{"aten.sort", true}, {"aten.argsort", false}})
    add(n, 11, [values = values](Emitter &e) {
      Value x = e.in(0);
      auto d = e.dimArg(1, x);
      auto desc = Torch::getConstantBool(e.orig(2));
      if (!d)
        return false;
      if (!desc)
        return e.fail("'descending' must be constant");
      Value k = e.dimOf(x, *d);
      Type t = e.unranked(Emitter::elemOf(x));
      Operation *n = e.node("TopK", {x, k},
                            {{"axis", e.i64(*d)},
                             {"largest", e.i64(*desc ? 1 : 0)},
                             {"sorted", e.i64(1)}},
                            {values ? e.resultType(0) : t,
                             values ? e.resultType(1) : e.resultType(0)});
      if (!n)
        return false;
      if (values)
        return e.done(n->getResults());
      return e.done(n->getResult(1));
    });
  add("aten.flip", 9, [](Emitter &e) {
    auto dims = e.constInts(1, "dims");
    if (!dims)
      return false;
    Value x = e.in(0);
    auto rank = Emitter::rankOf(x);
    SmallVector<int64_t> axes(*dims);
    for (int64_t &a : axes)
      if (a < 0) {
        if (!rank)
          return e.fail("negative dims need the input rank");
        a += *rank;
      }
    if (axes.empty()) {
      Value r = e.n1("Identity", {x}, {}, e.resultType());
      return r && e.done(r);
    }
    if (e.opset() >= 10) {
      // Slice backwards from the last element past the first.
      int64_t k = axes.size();
      Value r = e.n1(
          "Slice",
          {x, e.i64s(SmallVector<int64_t>(k, -1)),
           e.i64s(SmallVector<int64_t>(k, std::numeric_limits<int64_t>::min())),
           e.i64s(axes), e.i64s(SmallVector<int64_t>(k, -1))},
          {}, e.resultType());
      return r && e.done(r);
    }
    // Opset 9 (no Slice steps): gather reversed indices, one axis at a time.
    auto shape = Emitter::shapeOf(x);
    for (int64_t a : axes) {
      if (!shape || (*shape)[a] == ShapedType::kDynamic)
        return e.fail("before opset 10 (Slice steps) the flipped dims must "
                      "be known");
      SmallVector<int64_t> idx;
      for (int64_t i = (*shape)[a] - 1; i >= 0; --i)
        idx.push_back(i);
      x = e.n1("Gather", {x, e.i64s(idx)}, {{"axis", e.i64(a)}});
    }
    Value r = e.n1("Identity", {x}, {}, e.resultType());
    return r && e.done(r);
  });
  add("aten.outer", 9, [](Emitter &e) {
    // a[i] * b[j]: a as a column, broadcast against b.
    Type t = e.resultElem();
    if (!t)
      return e.fail("the result dtype must be known");
    Value a = e.castIfNeeded(e.in(0), t), b = e.castIfNeeded(e.in(1), t);
    Value r = e.n1("Mul", {e.unsqueeze(a, {1}), b}, {}, e.resultType());
    return r && e.done(r);
  });
  add("aten.one_hot", 9, [](Emitter &e) {
    auto n = e.constInt(1, "num_classes");
    if (!n)
      return false;
    Value x = e.in(0);
    Value depth;
    if (*n >= 0) {
      depth = e.i64s({*n});
    } else if (*n == -1) {
      // As torch: the largest index + 1 (read at run time).
      Value mx = e.reduce("ReduceMax", x, std::nullopt, false);
      depth =
          e.n1("Add", {e.castIfNeeded(mx, e.rw.getI64Type()), e.i64Scalar(1)});
    } else {
      return e.fail("num_classes must be >= 0 or -1 (it is " + Twine(*n) + ")");
    }
    Value r = e.n1("OneHot", {x, depth, e.i64s({0, 1})}, {{"axis", e.i64(-1)}},
                   e.resultType());
    return r && e.done(r);
  });
}

/// Sizes, dims and list ops as values.
static void addSizeAndListLowerings(LoweringAdder &add) {
  // Sizes as values.
  add("aten.size.int", 9, [](Emitter &e) {
    auto d = e.constInt(1, "dim");
    if (!d)
      return false;
    auto shape = Emitter::shapeOf(e.in(0));
    int64_t dim = *d;
    if (dim < 0) {
      if (!shape)
        return e.fail("a negative dim needs the input rank to be known");
      dim += shape->size();
    }
    if (shape && (*shape)[dim] != ShapedType::kDynamic)
      return e.done(e.i64Scalar((*shape)[dim]));
    Value r = e.n1("Gather", {e.shape(e.in(0)), e.i64Scalar(dim)},
                   {{"axis", e.i64(0)}}, e.resultType());
    return r && e.done(r);
  });
  add("aten.size", 9, [](Emitter &e) {
    Value r = e.shape(e.in(0));
    return r && e.done(r);
  });
  add("aten.numel", 9, [](Emitter &e) {
    Value r = e.n1("Size", {e.in(0)}, {}, e.resultType());
    return r && e.done(r);
  });
  add("aten.dim", 9, [](Emitter &e) {
    auto rank = Emitter::rankOf(e.in(0));
    if (!rank)
      return e.fail("the input rank must be known");
    return e.done(e.i64Scalar(*rank));
  });
  add("aten.append.t", 11, [](Emitter &e) {
    auto seq = dyn_cast<ONNX::SeqType>(e.in(0).getType());
    if (!seq)
      return e.fail("only lists of tensors can be appended to");
    Value el = e.castIfNeeded(e.in(1), Emitter::elemOf(seq.getElementType()));
    Value r = e.n1("SequenceInsert", {e.in(0), el}, {}, e.resultType());
    return r && e.done(r);
  });
  // `k in [a, b, ...]` (script-mode checks such as x.dim() in (2, 3)):
  // any element equal; a constant when both sides are (folded later).
  add("aten.__contains__.int_list", 9, [](Emitter &e) {
    auto l = Torch::getConstantIntList(e.orig(0));
    auto k = Torch::getConstantInt(e.orig(1));
    if (l && k) {
      bool in = llvm::is_contained(*l, *k);
      Value r = e.constant(DenseElementsAttr::get(
          RankedTensorType::get({}, e.rw.getI1Type()), in));
      return e.done(r);
    }
    Value eq =
        e.n1("Equal", {e.in(0), e.castIfNeeded(e.in(1), e.rw.getI64Type())}, {},
             e.unranked(e.rw.getI1Type()));
    Value any = e.reduce("ReduceMax", e.cast(eq, e.rw.getI32Type()),
                         std::nullopt, false);
    Value r = e.cast(any, e.rw.getI1Type(), e.resultType());
    return r && e.done(r);
  });
  // x.dtype as PyTorch's ScalarType code (a constant once types are known).
  add("prim.dtype", 9, [](Emitter &e) {
    auto code = Torch::getScalarTypeCode(
        Torch::TensorInfo::of(e.orig(0).getType()).dtype);
    if (!code)
      return e.fail("the tensor's dtype must be known");
    return e.done(e.i64Scalar(*code));
  });
  add("aten.len.t", 9, [](Emitter &e) {
    if (isa<ONNX::SeqType>(e.in(0).getType())) {
      Value r = e.n1("SequenceLength", {e.in(0)}, {}, e.resultType());
      return r && e.done(r);
    }
    Value r = e.n1("Size", {e.in(0)}, {}, e.resultType());
    return r && e.done(r);
  });
  add("aten.len.Tensor", 9, [](Emitter &e) {
    Value r = e.n1("Gather", {e.shape(e.in(0)), e.i64Scalar(0)},
                   {{"axis", e.i64(0)}}, e.resultType());
    return r && e.done(r);
  });
  add("aten.__getitem__.t", 9, [](Emitter &e) {
    if (isa<ONNX::SeqType>(e.in(0).getType())) {
      Value r = e.n1("SequenceAt", {e.in(0), e.in(1)}, {}, e.resultType());
      return r && e.done(r);
    }
    Value r = e.n1("Gather", {e.in(0), e.in(1)}, {{"axis", e.i64(0)}},
                   e.resultType());
    return r && e.done(r);
  });
}

/// Factories: zeros/ones/full/empty (and _like/new_), random, arange.
static void addFactoryLowerings(LoweringAdder &add) {
  // Creation.
  for (StringRef n : {"aten.zeros", "aten.ones"})
    add(n, 9, [isOne = n == "aten.ones"](Emitter &e) {
      return fill(e, e.intList(0), isOne ? 1 : 0);
    });
  add("aten.full", 9, [](Emitter &e) {
    auto v = e.constFloat(1, "fill_value");
    return v && fill(e, e.intList(0), *v);
  });
  // new_empty: zeros (torch.onnx does the same; the values are unspecified).
  for (StringRef n : {"aten.new_zeros", "aten.new_ones", "aten.new_empty"})
    add(n, 9, [isOne = n == "aten.new_ones"](Emitter &e) {
      return fill(e, e.intList(1), isOne ? 1 : 0);
    });
  add("aten.new_full", 9, [](Emitter &e) {
    auto v = e.constFloat(2, "fill_value");
    return v && fill(e, e.intList(1), *v);
  });
  for (StringRef n : {"aten.zeros_like", "aten.ones_like"})
    add(n, 9, [isOne = n == "aten.ones_like"](Emitter &e) {
      return fill(e, e.shape(e.in(0)), isOne ? 1 : 0);
    });
  // Random tensors shaped like the input (ONNX's generators, unseeded).
  for (auto [n, o] : {std::pair{"aten.rand_like", "RandomUniformLike"},
                      {"aten.randn_like", "RandomNormalLike"}})
    add(n, 9, [o = StringRef(o)](Emitter &e) {
      Type t = e.resultElem();
      if (!t || !isa<FloatType>(t))
        return e.fail("the result must be floating point");
      Value r = e.randomLike(o, e.in(0), t, {}, e.resultType());
      return r && e.done(r);
    });
  // bernoulli(p) / bernoulli(x, p): 1 with probability p, as the input's
  // dtype: u < p for u uniform in [0, 1) (Bernoulli itself from 15).
  for (StringRef n : {"aten.bernoulli", "aten.bernoulli.p"})
    add(n, 9, [scalarP = n == "aten.bernoulli.p"](Emitter &e) {
      Type t = e.resultElem();
      if (!t || !isa<FloatType>(t))
        return e.fail("the input must be floating point");
      if (!scalarP && e.opset() >= 15) {
        Value r = e.n1("Bernoulli", {e.in(0)}, {}, e.resultType());
        return r && e.done(r);
      }
      Value p = scalarP ? e.castIfNeeded(e.in(1), t) : e.in(0);
      Value u = e.randomLike("RandomUniformLike", e.in(0), t);
      Value r = e.cast(
          e.n1("Less", {u, p}, {}, e.unranked(IntegerType::get(e.ctx(), 1))), t,
          e.resultType());
      return r && e.done(r);
    });
  // normal(mean, std) with tensors: mean + std * N(0, 1) of their
  // broadcast shape; normal/uniform of a tensor's shape (normal_,
  // uniform_) with constant parameters.
  add("aten.normal.Tensor_Tensor", 9, [](Emitter &e) {
    Type t = e.resultElem();
    if (!t || !isa<FloatType>(t))
      return e.fail("the result must be floating point");
    Value mean = e.castIfNeeded(e.in(0), t), std = e.castIfNeeded(e.in(1), t);
    Value n = e.randomLike("RandomNormalLike", e.n1("Add", {mean, std}), t);
    Value r = e.n1("Add", {mean, e.n1("Mul", {std, n})}, {}, e.resultType());
    return r && e.done(r);
  });
  for (auto [n, o, a, b] :
       {std::tuple{"aten.normal", "RandomNormalLike", "mean", "scale"},
        {"aten.uniform", "RandomUniformLike", "low", "high"}})
    add(n, 9,
        [o = StringRef(o), a = StringRef(a), b = StringRef(b)](Emitter &e) {
          Type t = e.resultElem();
          auto p0 = e.constFloat(1, a), p1 = e.constFloat(2, b);
          if (!p0 || !p1)
            return false;
          if (!t || !isa<FloatType>(t))
            return e.fail("the result must be floating point");
          Value r =
              e.randomLike(o, e.in(0), t, {{a, e.f32(*p0)}, {b, e.f32(*p1)}},
                           e.resultType());
          return r && e.done(r);
        });
  // empty/empty_like: zeros (the values are unspecified; torch.onnx does
  // the same).
  add("aten.empty.memory_format", 9,
      [](Emitter &e) { return fill(e, e.intList(0), 0); });
  add("aten.empty_like", 9,
      [](Emitter &e) { return fill(e, e.shape(e.in(0)), 0); });
  add("aten.zero", 9, [](Emitter &e) { return fill(e, e.shape(e.in(0)), 0); });
  add("aten.full_like", 9, [](Emitter &e) {
    auto v = e.constFloat(1, "fill_value");
    return v && fill(e, e.shape(e.in(0)), *v);
  });
  for (StringRef n :
       {"aten.arange", "aten.arange.start", "aten.arange.start_step"})
    add(n, 9, [n](Emitter &e) {
      unsigned k = n == "aten.arange" ? 1 : n == "aten.arange.start" ? 2 : 3;
      Type t = e.resultElem();
      if (!t)
        return e.fail("the result dtype is unknown");
      double v[3] = {0, 0, 1};
      bool allConst = true;
      for (unsigned i = 0; i < k; ++i) {
        auto c = Torch::getConstantFloat(e.orig(i));
        if (!c)
          allConst = false;
        else
          v[k == 1 ? 1 : i] = *c;
      }
      if (allConst) {
        double start = v[0], end = v[1], step = v[2];
        int64_t count =
            std::max<int64_t>(0, (int64_t)std::ceil((end - start) / step));
        auto rt = RankedTensorType::get({count}, t);
        SmallVector<Attribute> vals;
        for (int64_t i = 0; i < count; ++i) {
          double x = start + i * step;
          vals.push_back(isa<FloatType>(t)
                             ? Attribute(e.rw.getFloatAttr(t, x))
                             : Attribute(e.rw.getIntegerAttr(t, (int64_t)x)));
        }
        return e.done(e.constant(DenseElementsAttr::get(rt, vals)));
      }
      if (e.opset() < 11)
        return e.fail("arange with bounds known only at run time needs "
                      "opset 11 (Range)");
      auto get = [&](unsigned i, double dflt) {
        return i < k ? e.castIfNeeded(e.in(i), t) : e.scalar(dflt, t);
      };
      Value start = k == 1 ? e.scalar(0, t) : get(0, 0);
      Value end = k == 1 ? get(0, 0) : get(1, 0);
      Value step = k == 3 ? get(2, 1) : e.scalar(1, t);
      Value r = e.n1("Range", {start, end, step}, {}, e.resultType());
      return r && e.done(r);
    });
}

/// tril/triu, cumsum, einsum, splits and list unpacking, raises, as_strided,
/// where/nonzero_numpy.
static void addTriangleAndSplitLowerings(LoweringAdder &add) {
  for (StringRef n : {"aten.tril", "aten.triu"})
    add(n, 9, [upper = n == "aten.triu"](Emitter &e) {
      auto k = e.constInt(1, "diagonal");
      if (!k)
        return false;
      if (e.opset() >= 14) {
        Value r = e.n1("Trilu", {e.in(0), e.i64Scalar(*k)},
                       {{"upper", e.i64(upper)}}, e.resultType());
        return r && e.done(r);
      }
      auto shape = Emitter::shapeOf(e.in(0));
      if (!shape || shape->size() < 2)
        return e.fail("before opset 14 (Trilu) the input rank must be known");
      int64_t rows = (*shape)[shape->size() - 2], cols = shape->back();
      if (rows < 0 || cols < 0) {
        // Sizes known at run time: mask = (col - row) >= k (or <= k).
        if (e.opset() < 11)
          return e.fail("before opset 11 (Range) tril/triu need the matrix "
                        "sizes to be known");
        int64_t rank = shape->size();
        Type i64 = e.rw.getI64Type();
        auto range = [&](int64_t d) {
          Value n = e.squeeze(e.dimOf(e.in(0), d), {0});
          return e.n1("Range", {e.i64Scalar(0), n, e.i64Scalar(1)}, {},
                      RankedTensorType::get({ShapedType::kDynamic}, i64));
        };
        Value r = e.unsqueeze(range(rank - 2), {1});
        Value c = e.unsqueeze(range(rank - 1), {0});
        Value diff = e.n1("Sub", {c, r});
        Value m = upper ? e.n1("Less", {diff, e.i64Scalar(*k)})
                        : e.n1("Greater", {diff, e.i64Scalar(*k)});
        Value res = e.n1("Where", {m, e.scalarLike(0, e.in(0)), e.in(0)}, {},
                         e.resultType());
        return res && e.done(res);
      }
      SmallVector<bool> mask;
      for (int64_t i = 0; i < rows; ++i)
        for (int64_t j = 0; j < cols; ++j)
          mask.push_back(upper ? j - i >= *k : j - i <= *k);
      Value m = e.constant(DenseElementsAttr::get(
          RankedTensorType::get({rows, cols}, e.rw.getI1Type()),
          ArrayRef<bool>(mask)));
      Value r = e.n1("Where", {m, e.in(0), e.scalarLike(0, e.in(0))}, {},
                     e.resultType());
      return r && e.done(r);
    });
  add("aten.cumsum", 9, [](Emitter &e) {
    auto d = e.constInt(1, "dim");
    if (!d)
      return false;
    Value x = e.castIfNeeded(e.in(0), e.resultElem());
    if (e.opset() >= 11) {
      Value r = e.n1("CumSum", {x, e.i64Scalar(*d)}, {}, e.resultType());
      return r && e.done(r);
    }
    // Before CumSum: move the axis last and multiply by an upper-triangular
    // matrix of ones.
    auto shape = Emitter::shapeOf(x);
    if (!shape)
      return e.fail("before opset 11 (CumSum) the input shape must be known");
    int64_t rank = shape->size(), dim = wrapAxis(*d, rank);
    int64_t n = (*shape)[dim];
    if (n < 0)
      return e.fail("before opset 11 (CumSum) the summed dim must be known");
    SmallVector<int64_t> perm;
    for (int64_t i = 0; i < rank; ++i)
      perm.push_back(i);
    std::swap(perm[dim], perm.back());
    Type t = Emitter::elemOf(x);
    SmallVector<Attribute> tri;
    for (int64_t i = 0; i < n; ++i)
      for (int64_t j = 0; j < n; ++j)
        tri.push_back(isa<FloatType>(t)
                          ? Attribute(e.rw.getFloatAttr(t, i <= j))
                          : Attribute(e.rw.getIntegerAttr(t, i <= j)));
    Value u = e.constant(
        DenseElementsAttr::get(RankedTensorType::get({n, n}, t), tri));
    Value xt = e.n1("Transpose", {x}, {{"perm", e.ints(perm)}});
    Value m = e.n1("MatMul", {xt, u});
    Value r = e.n1("Transpose", {m}, {{"perm", e.ints(perm)}}, e.resultType());
    return r && e.done(r);
  });
  add(
      "aten.einsum", 9,
      [](Emitter &e) {
        auto eq = e.orig(0).getDefiningOp<Torch::ConstantStrOp>();
        auto ops = e.tensorList(1);
        if (!eq || !ops)
          return e.fail("the equation must be a constant string");
        return lowerEinsumAsMatMul(e, eq.getValue(), *ops);
      },
      11);
  add("aten.einsum", 12, [](Emitter &e) {
    auto eq = e.orig(0).getDefiningOp<Torch::ConstantStrOp>();
    auto ops = e.tensorList(1);
    if (!eq || !ops)
      return e.fail("the equation must be a constant string");
    Value r = e.n1("Einsum", *ops, {{"equation", e.str(eq.getValue())}},
                   e.resultType());
    return r && e.done(r);
  });

  // Splitting into lists: the pieces are taken by prim.ListUnpack.
  for (StringRef n :
       {"aten.split.Tensor", "aten.split_with_sizes", "aten.split.sizes",
        "aten.chunk", "aten.unbind.int", "aten.unsafe_chunk",
        "aten.unsafe_split.Tensor", "aten.unsafe_split_with_sizes",
        "aten.broadcast_tensors", "aten.meshgrid", "aten.meshgrid.indexing",
        "aten.tensor_split.indices", "aten.tensor_split.sections",
        "aten.tensor_split.tensor_indices_or_sections"})
    add(n, 9, [](Emitter &e) {
      if (!llvm::all_of(e.op->getUsers(), [](Operation *u) {
            return u->getName().getStringRef() == "torch.prim.ListUnpack";
          }))
        return e.fail("the pieces must be unpacked (a, b = ...); a list of "
                      "them has no lowering yet");
      // Placeholder; prim.ListUnpack emits the Split.
      Value r = ONNX::NoValueOp::create(e.rw, e.loc, e.rw.getType<NoneType>());
      return e.done(r);
    });
  add("prim.ListUnpack", 9, [](Emitter &e) {
    Operation *producer = e.orig(0).getDefiningOp();
    if (producer &&
        StringRef(Torch::getOpKey(producer)).starts_with("aten.tensor_split")) {
      if (e.opset() < 10)
        return e.fail("tensor_split slices at run-time bounds, which needs "
                      "opset 10 (Slice with inputs)");
      return lowerTensorSplit(e, producer);
    }
    if (isSplitLike(producer)) {
      auto sd = splitDim(e, producer);
      if (failed(sd))
        return false;
      int64_t dim = sd->dim;
      // A split dim of run-time size: the pieces from run-time bounds.
      std::string sn = Torch::getSplitOpName(producer);
      if ((sn == "torch.aten.split_with_sizes" ||
           sn == "torch.aten.split.sizes") &&
          !Torch::getConstantIntList(producer->getOperand(1)))
        return lowerRuntimeSplitSizes(e, producer, dim);
      if (sd->size == Torch::ValueTensorType::kUnknownSize &&
          sn != "torch.aten.split_with_sizes" && sn != "torch.aten.split.sizes")
        return lowerDynamicPieces(e, producer, dim);
      SmallVector<int64_t> sizes;
      bool squeezeDim;
      if (!splitSizes(e, producer, *sd, sizes, squeezeDim))
        return false;
      if (sizes.size() != e.op->getNumResults())
        return e.fail("the number of pieces does not match the unpacking");
      Value x = e.rw.getRemappedValue(producer->getOperand(0));
      SmallVector<Type> types;
      for (unsigned i = 0; i < sizes.size(); ++i)
        types.push_back(squeezeDim ? e.unranked(Emitter::elemOf(x))
                                   : e.resultType(i));
      auto pieces = split(e, x, dim, sizes, types);
      if (!pieces)
        return false;
      if (squeezeDim)
        for (auto [i, p] : llvm::enumerate(*pieces)) {
          p = e.squeeze(p, {dim});
          p.setType(e.resultType(i));
        }
      return e.done(*pieces);
    }
    if (producer && isBroadcastLike(producer))
      return lowerBroadcastUnpack(e, producer);
    // An int list: one Gather per element.
    if (isa<RankedTensorType>(e.in(0).getType())) {
      SmallVector<Value> out;
      for (unsigned i = 0; i < e.op->getNumResults(); ++i)
        out.push_back(e.n1("Gather", {e.in(0), e.i64Scalar(i)},
                           {{"axis", e.i64(0)}}, e.resultType(i)));
      return e.done(out);
    }
    // A sequence (a list built at run time): one SequenceAt per element.
    if (isa<ONNX::SeqType>(e.in(0).getType())) {
      SmallVector<Value> out;
      for (unsigned i = 0; i < e.op->getNumResults(); ++i)
        out.push_back(
            e.n1("SequenceAt", {e.in(0), e.i64Scalar(i)}, {}, e.resultType(i)));
      if (llvm::any_of(out, [](Value v) { return !v; }))
        return false;
      return e.done(out);
    }
    return e.fail("unpacking this list has no lowering yet");
  });

  // Exceptions only exist on paths that fail; inference graphs drop them
  // (torch.onnx.export does the same).
  add("prim.RaiseException", 9, [](Emitter &e) {
    e.rw.eraseOp(e.op);
    return true;
  });
  add("prim.Uninitialized", 9, [](Emitter &e) {
    Type t = e.resultType();
    auto st = dyn_cast_or_null<ShapedType>(t);
    if (!st)
      return e.fail("the value on the raising path has an unknown type");
    Type elem = st.getElementType();
    auto zero = RankedTensorType::get({}, elem);
    Attribute z =
        isa<FloatType>(elem)
            ? Attribute(
                  DenseElementsAttr::get(zero, e.rw.getFloatAttr(elem, 0)))
            : Attribute(
                  DenseElementsAttr::get(zero, e.rw.getIntegerAttr(elem, 0)));
    Value c = e.constant(cast<ElementsAttr>(z));
    if (t != c.getType())
      c = e.n1("Identity", {c}, {}, t);
    return e.done(c);
  });

  // as_strided(x, size, stride, storage_offset): the flattened input
  // gathered at offset + sum(i_k * stride_k) (constant indices), reading x's
  // elements as its storage — as torch.onnx, for a contiguous input.
  add("aten.as_strided", 9, [](Emitter &e) {
    auto size = e.constInts(1, "size"), stride = e.constInts(2, "stride");
    if (!size || !stride)
      return false;
    if (size->size() != stride->size())
      return e.fail("as_strided needs one stride per size");
    int64_t offset = 0;
    if (e.numOperands() > 3 && !Torch::isConstantNone(e.orig(3))) {
      auto o = e.constInt(3, "storage_offset");
      if (!o)
        return false;
      offset = *o;
    }
    int64_t n = 1;
    for (int64_t d : *size) {
      if (d < 0)
        return e.fail("as_strided sizes must be >= 0");
      n *= d;
    }
    constexpr int64_t kMaxIndices = int64_t(1) << 24;
    if (n > kMaxIndices)
      return e.fail("as_strided exports its " + Twine(n) +
                    " element indices as a constant; more than 2^24 are "
                    "refused");
    SmallVector<int64_t> idx(n, offset);
    for (int64_t i = 0; i < n; ++i) {
      int64_t rest = i;
      for (int64_t k = size->size() - 1; k >= 0; --k) {
        idx[i] += (rest % (*size)[k]) * (*stride)[k];
        rest /= (*size)[k];
      }
    }
    Value flat = e.n1("Reshape", {e.in(0), e.i64s({-1})});
    Value indices = e.constant(DenseElementsAttr::get(
        RankedTensorType::get(*size, e.rw.getI64Type()), ArrayRef(idx)));
    Value r =
        e.n1("Gather", {flat, indices}, {{"axis", e.i64(0)}}, e.resultType());
    return r && e.done(r);
  });
  // where(condition) = nonzero(condition, as_tuple=True): the rows of
  // NonZero's [rank, K] result as a sequence of [K] index tensors (a 0-d
  // condition as [1]: one tensor, as torch).
  for (StringRef n : {"aten.where", "aten.nonzero_numpy"})
    add(n, 11, [](Emitter &e) {
      Value x = e.in(0);
      if (auto rank = Emitter::rankOf(x); rank && *rank == 0)
        x = e.unsqueeze(x, {0});
      Value nz = e.n1("NonZero", {x}, {}, e.unranked(e.rw.getI64Type()));
      Value r =
          e.n1("SplitToSequence", {nz},
               {{"axis", e.i64(0)}, {"keepdims", e.i64(0)}}, e.resultType());
      return r && e.done(r);
    });
}

/// The long tail: im2col, count_nonzero, fliplr/flipud, take, atleast_nd,
/// bucketize, masked_scatter, aminmax, unique, linspace.
static void addMoreShapeLowerings(LoweringAdder &add) {
  // _shape_as_tensor (torchvision's traceable sizes): Shape.
  add("aten._shape_as_tensor", 9, [](Emitter &e) {
    Value r = e.n1("Shape", {e.in(0)}, {}, e.resultType());
    return r && e.done(r);
  });
  // im2col(x [N, C, H, W], kernel_size, dilation, padding, stride) (F.unfold)
  // -> [N, C*kh*kw, L]: the padded input sliced once per kernel offset
  // (strided), stacked after C and flattened, in torch's channel order
  // c * kh * kw + i * kw + j. Needs H and W known.
  add("aten.im2col", 10, [](Emitter &e) {
    auto k = e.constInts(1, "kernel_size", 2),
         dl = e.constInts(2, "dilation", 2);
    auto p = e.constInts(3, "padding", 2), st = e.constInts(4, "stride", 2);
    if (!k || !dl || !p || !st)
      return false;
    auto s = Emitter::shapeOf(e.in(0));
    if (!s || s->size() != 4)
      return e.fail("im2col needs a 4-D input");
    Value x = e.in(0);
    if ((*p)[0] || (*p)[1]) {
      SmallVector<int64_t> pads{0, 0, (*p)[0], (*p)[1], 0, 0, (*p)[0], (*p)[1]};
      x = e.opset() >= 11
              ? e.n1("Pad", {x, e.i64s(pads)}, {{"mode", e.str("constant")}})
              : e.n1("Pad", {x},
                     {{"pads", e.ints(pads)}, {"mode", e.str("constant")}});
    }
    // Each kernel offset o (of span = dilation * (kernel - 1)) reads o,
    // o + stride, ... up to o + (padded - span - 1): the slice ends span - o
    // before the end, which needs no size (H and W may be run-time).
    constexpr int64_t kEnd = std::numeric_limits<int64_t>::max();
    int64_t spanH = (*dl)[0] * ((*k)[0] - 1), spanW = (*dl)[1] * ((*k)[1] - 1);
    SmallVector<Value> cols;
    for (int64_t i = 0; i < (*k)[0]; ++i)
      for (int64_t j = 0; j < (*k)[1]; ++j) {
        int64_t y0 = i * (*dl)[0], x0 = j * (*dl)[1];
        int64_t yEnd = spanH - y0 > 0 ? -(spanH - y0) : kEnd;
        int64_t xEnd = spanW - x0 > 0 ? -(spanW - x0) : kEnd;
        Value c =
            e.slice(x, {y0, x0}, {yEnd, xEnd}, {2, 3}, {(*st)[0], (*st)[1]});
        cols.push_back(e.unsqueeze(c, {2}));
      }
    Value stacked =
        cols.size() == 1 ? cols[0] : e.n1("Concat", cols, {{"axis", e.i64(2)}});
    // [N, C, kh*kw, oh, ow] -> [N, C*kh*kw, oh*ow].
    int64_t c = (*s)[1], l = -1; // l: oh * ow when H and W are known (a
                                 // -1 cannot be inferred for N = 0)
    if ((*s)[2] >= 0 && (*s)[3] >= 0)
      l = (((*s)[2] + 2 * (*p)[0] - spanH - 1) / (*st)[0] + 1) *
          (((*s)[3] + 2 * (*p)[1] - spanW - 1) / (*st)[1] + 1);
    Value shape;
    if (c >= 0) {
      shape = e.i64s({0, c * (*k)[0] * (*k)[1], l});
    } else { // the channels unknown: merge [C, kk] and [oh, ow] in turn
      stacked = e.n1("Reshape", {stacked, e.i64s({0, -1, 0, 0})});
      shape = e.i64s({0, 0, -1});
    }
    Value r = e.n1("Reshape", {stacked, shape}, {}, e.resultType());
    return r && e.done(r);
  });
  // count_nonzero(self, dim?) and .dim_IntList: the non-zero flags summed.
  for (StringRef n : {"aten.count_nonzero", "aten.count_nonzero.dim_IntList"})
    add(n, 9, [](Emitter &e) {
      std::optional<SmallVector<int64_t>> dims = SmallVector<int64_t>();
      if (!Torch::isConstantNone(e.orig(1))) {
        if (auto l = Torch::getConstantIntList(e.orig(1)))
          dims = *l;
        else if (auto d = Torch::getConstantInt(e.orig(1)))
          dims = SmallVector<int64_t>{*d};
        else
          return e.fail("the counted dims must be constant");
      }
      auto rank = Emitter::rankOf(e.in(0));
      for (int64_t &d : *dims)
        if (d < 0) {
          if (!rank)
            return e.fail("a negative dim needs the input rank");
          d += *rank;
        }
      Value nz = e.n1("Not", {e.equalsZero(e.in(0))});
      std::optional<ArrayRef<int64_t>> axes;
      if (!dims->empty())
        axes = ArrayRef<int64_t>(*dims);
      Value r = e.reduce("ReduceSum", e.cast(nz, e.rw.getI64Type()), axes,
                         false, e.resultType());
      return r && e.done(r);
    });
  // fliplr / flipud: dim 1 / dim 0 reversed (a Slice with step -1).
  for (auto [n, d] : {std::pair{"aten.fliplr", 1}, {"aten.flipud", 0}})
    add(n, 10, [d = d](Emitter &e) {
      Value r = e.slice(e.in(0), {-1}, {std::numeric_limits<int64_t>::min()},
                        {d}, {-1});
      if (r)
        r.setType(e.resultType());
      return r && e.done(r);
    });
  // take: the input flattened, gathered (negative indices count from the
  // end, as Gather's).
  add("aten.take", 9, [](Emitter &e) {
    Value flat = e.n1("Reshape", {e.in(0), e.i64s({-1})});
    Value r =
        e.n1("Gather", {flat, e.in(1)}, {{"axis", e.i64(0)}}, e.resultType());
    return r && e.done(r);
  });
  // atleast_{1,2,3}d: unit dims added as torch places them (a vector becomes
  // [1, n] and [1, n, 1], a matrix [m, n, 1]).
  for (auto [n, want] : {std::pair{"aten.atleast_1d", 1},
                         {"aten.atleast_2d", 2},
                         {"aten.atleast_3d", 3}})
    add(n, 9, [want = want](Emitter &e) {
      auto rank = Emitter::rankOf(e.in(0));
      if (!rank)
        return e.fail("the input rank must be known");
      SmallVector<int64_t> axes;
      if (*rank == 0)
        axes = llvm::to_vector(llvm::seq<int64_t>(0, want));
      else if (*rank == 1 && want >= 2)
        axes = want == 2 ? SmallVector<int64_t>{0} : SmallVector<int64_t>{0, 2};
      else if (*rank == 2 && want == 3)
        axes = {2};
      Value r = axes.empty() ? e.n1("Identity", {e.in(0)}, {}, e.resultType())
                             : e.unsqueeze(e.in(0), axes);
      if (r)
        r.setType(e.resultType());
      return r && e.done(r);
    });
  // bucketize(x, boundaries, out_int32, right): the number of boundaries
  // below x (right=False) or at most x (right=True), counted over a
  // trailing axis.
  add("aten.bucketize.Tensor", 9, [](Emitter &e) {
    auto i32 = Torch::getConstantBool(e.orig(2));
    auto right = Torch::getConstantBool(e.orig(3));
    if (!i32 || !right)
      return e.fail("'out_int32' and 'right' must be constant");
    if (Emitter::rankOf(e.in(1)) != 1)
      return e.fail("the boundaries must be a 1-D tensor");
    Type t = Emitter::elemOf(e.in(0));
    auto rank = Emitter::rankOf(e.in(0));
    if (!rank)
      return e.fail("the input rank must be known");
    Value x = e.unsqueeze(e.in(0), {*rank});
    Value b = e.castIfNeeded(e.in(1), t);
    Type i1 = e.unranked(IntegerType::get(e.ctx(), 1));
    Value below = *right ? e.n1("Not", {e.n1("Greater", {b, x}, {}, i1)})
                         : e.n1("Less", {b, x}, {}, i1);
    Value count = e.reduce("ReduceSum", e.cast(below, e.rw.getI64Type()),
                           ArrayRef<int64_t>{*rank}, false);
    Value r = e.cast(count, e.resultElem(), e.resultType());
    return r && e.done(r);
  });
  // masked_scatter(self, mask, source): the positions where mask (broadcast
  // to self) is set take source's leading elements in row-major order.
  add("aten.masked_scatter", 11, [](Emitter &e) {
    Value x = e.n1("Expand", {e.in(0), e.shape(e.in(1))});
    Value m =
        e.n1("Expand", {e.castIfNeeded(e.in(1), e.rw.getI1Type()), e.shape(x)});
    Value idx =
        e.n1("Transpose", {e.n1("NonZero", {m})}, {{"perm", e.ints({1, 0})}});
    Value count = e.slice(e.shape(idx), {0}, {1}, {0});
    Value src = e.n1(
        "Reshape", {e.castIfNeeded(e.in(2), Emitter::elemOf(x)), e.i64s({-1})});
    src = e.sliceDyn(src, e.i64s({0}), count, e.i64s({0}), e.i64s({1}));
    Value r = e.n1("ScatterND", {x, idx, src}, {}, e.resultType());
    return r && e.done(r);
  });
  // aminmax(self, dim?, keepdim): ReduceMin and ReduceMax.
  add("aten.aminmax", 9, [](Emitter &e) {
    auto keep = Torch::getConstantBool(e.orig(2));
    if (!keep)
      return e.fail("'keepdim' must be constant");
    std::optional<ArrayRef<int64_t>> axes;
    int64_t d = 0;
    if (Emitter::rankOf(e.in(0)) == 0) { // dim 0 or -1 of a 0-d tensor
      Value lo = e.n1("Identity", {e.in(0)}, {}, e.resultType(0));
      Value hi = e.n1("Identity", {e.in(0)}, {}, e.resultType(1));
      return lo && hi && e.done({lo, hi});
    }
    if (!Torch::isConstantNone(e.orig(1))) {
      auto c = e.dimArg(1, e.in(0));
      if (!c)
        return false;
      d = *c;
      axes = ArrayRef<int64_t>(d);
    }
    Value lo = e.reduce("ReduceMin", e.in(0), axes, *keep, e.resultType(0));
    Value hi = e.reduce("ReduceMax", e.in(0), axes, *keep, e.resultType(1));
    return lo && hi && e.done({lo, hi});
  });
  // _unique2(self, sorted, return_inverse, return_counts): ONNX Unique over
  // the flattened input, sorted (torch's CPU order for either flag); the
  // inverse takes the input's shape.
  add("aten._unique2", 11, [](Emitter &e) {
    Type i64 = e.rw.getI64Type();
    Operation *u = e.node(
        "Unique", {e.in(0)}, {{"sorted", e.i64(1)}},
        {e.resultType(0), e.unranked(i64), e.unranked(i64), e.unranked(i64)});
    if (!u)
      return false;
    Value inv = e.n1("Reshape", {u->getResult(2), e.shape(e.in(0))}, {},
                     e.resultType(1));
    Value counts = u->getResult(3);
    counts.setType(e.resultType(2));
    return e.done({u->getResult(0), inv, counts});
  });
  // linspace(start, end, steps) with 0-d tensor bounds: as torch, the first
  // half counted from start and the second back from end.
  // Bounds are 0-d tensors or numbers (the Tensor_Scalar/Scalar_Tensor
  // overloads and plain linspace); one step is the start.
  for (StringRef n :
       {"aten.linspace", "aten.linspace.Tensor_Tensor",
        "aten.linspace.Tensor_Scalar", "aten.linspace.Scalar_Tensor"})
    add(n, 9, [](Emitter &e) {
      auto steps = e.constInt(2, "steps");
      if (!steps)
        return false;
      Type t = e.resultElem();
      if (!t)
        return e.fail("the result dtype is unknown");
      Type f = isa<FloatType>(t) ? t : e.rw.getF32Type();
      // Tensor bounds are 0-d, as torch requires.
      for (unsigned i : {0u, 1u})
        if (auto r = Emitter::rankOf(e.in(i)); r && *r != 0)
          return e.fail(Twine(i ? "end" : "start") + " has rank " + Twine(*r) +
                        "; linspace takes 0-d tensor bounds");
      auto bound = [&](unsigned i) {
        if (auto c = Torch::getConstantFloat(e.orig(i)))
          return e.scalar(*c, f);
        return e.castIfNeeded(e.in(i), f);
      };
      Value a = bound(0), b = bound(1);
      int64_t n = *steps;
      SmallVector<float> iv, half;
      for (int64_t i = 0; i < n; ++i) {
        iv.push_back(i < n / 2 ? float(i) : float(n - 1 - i));
        half.push_back(i < n / 2 || n == 1 ? 1.0f : 0.0f);
      }
      auto vec = [&](ArrayRef<float> v) {
        return e.castIfNeeded(
            e.constant(DenseElementsAttr::get(
                RankedTensorType::get({n}, e.rw.getF32Type()), v)),
            f);
      };
      Value step = e.n1("Div", {e.n1("Sub", {b, a}),
                                e.scalar(n > 1 ? double(n - 1) : 1.0, f)});
      Value fromStart = e.n1("Add", {a, e.n1("Mul", {vec(iv), step})});
      Value fromEnd = e.n1("Sub", {b, e.n1("Mul", {vec(iv), step})});
      Value first = e.cast(vec(half), e.rw.getI1Type());
      Value r = e.n1("Where", {first, fromStart, fromEnd}, {}, e.unranked(f));
      r = f == t ? e.n1("Identity", {r}, {}, e.resultType())
                 : e.cast(r, t, e.resultType());
      return r && e.done(r);
    });
}

void mlir::torch_onnx::addShapeLowerings(std::vector<Lowering> &l) {
  LoweringAdder add(l);
  addViewLowerings(add);
  addSliceAndGatherLowerings(add);
  addRepeatAndWindowLowerings(add);
  addScatterAndSortLowerings(add);
  addSizeAndListLowerings(add);
  addFactoryLowerings(add);
  addTriangleAndSplitLowerings(add);
  addMoreShapeLowerings(add);
}
