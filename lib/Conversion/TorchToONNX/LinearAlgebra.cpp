//===- LinearAlgebra.cpp - torch.linalg and matrix aten ops -> ONNX -------===//
//
// Cross products, determinants, diagonals, tensordot and the matrix norms:
// formulas of ONNX ops (Det from opset 11; the rest from opset 9). Norms that
// need a singular value decomposition (ord 2, -2, 'nuc') have no ONNX form
// and are refused with that reason.
//
//===----------------------------------------------------------------------===//

#include "Emitter.h"

#include "llvm/Support/FormatVariadic.h"

using namespace mlir;
using namespace mlir::torch_onnx;

namespace {

constexpr int64_t kDyn = ShapedType::kDynamic;

/// `d` in [0, rank), or an error naming the argument.
std::optional<int64_t> normDim(Emitter &e, int64_t d, int64_t rank,
                               StringRef what) {
  auto n = normalizeAxis(d, rank);
  if (!n)
    e.fail(Twine(what) + " " + Twine(d) + " is out of range for rank " +
           Twine(rank));
  return n;
}

/// Broadcast of two static-rank shapes (unknown where either is).
SmallVector<int64_t> broadcastShapes(ArrayRef<int64_t> a, ArrayRef<int64_t> b) {
  size_t r = std::max(a.size(), b.size());
  SmallVector<int64_t> out(r, kDyn);
  for (size_t i = 0; i < r; ++i) {
    int64_t x = i < r - a.size() ? 1 : a[i - (r - a.size())];
    int64_t y = i < r - b.size() ? 1 : b[i - (r - b.size())];
    out[i] = x == 1 ? y : y == 1 ? x : (x == y ? x : kDyn);
  }
  return out;
}

/// cross(a, b, dim): along `dim` (of size 3),
/// (a1 b2 - a2 b1, a2 b0 - a0 b2, a0 b1 - a1 b0), written as two rotations
/// of each operand: roll(a, -1) * roll(b, -2) - roll(a, -2) * roll(b, -1).
/// `dimIdx` < 0 or a None dim: the first dim of size 3 (torch.cross's
/// deprecated default).
bool lowerCross(Emitter &e, unsigned dimIdx) {
  auto sa = Emitter::shapeOf(e.in(0)), sb = Emitter::shapeOf(e.in(1));
  Type t = e.resultElem();
  if (!sa || !sb || !t)
    return e.fail("cross needs both inputs' ranks and the result dtype");
  SmallVector<int64_t> shape = broadcastShapes(*sa, *sb);
  int64_t rank = shape.size();
  std::optional<int64_t> dim;
  if (Torch::isConstantNone(e.orig(dimIdx))) {
    for (int64_t i = 0; i < rank && !dim; ++i)
      if (shape[i] == 3)
        dim = i;
    if (!dim)
      return e.fail("cross without dim needs a dim known to have size 3");
  } else {
    auto d = e.constInt(dimIdx, "dim");
    if (!d)
      return false;
    dim = normDim(e, *d, rank, "dim");
    if (!dim)
      return false;
  }
  if (shape[*dim] != 3 && shape[*dim] != kDyn)
    return e.fail("cross needs size 3 along dim " + Twine(*dim));
  // Both operands broadcast to the common rank so the Gather axis is one.
  auto rotate = [&](Value v, ArrayRef<int64_t> order, ArrayRef<int64_t> s) {
    SmallVector<int64_t> lead;
    for (int64_t i = 0; i < rank - (int64_t)s.size(); ++i)
      lead.push_back(i);
    if (!lead.empty())
      v = e.unsqueeze(v, lead);
    return e.n1("Gather", {e.castIfNeeded(v, t), e.i64s(order)},
                {{"axis", e.i64(*dim)}});
  };
  Value a1 = rotate(e.in(0), {1, 2, 0}, *sa),
        a2 = rotate(e.in(0), {2, 0, 1}, *sa);
  Value b1 = rotate(e.in(1), {1, 2, 0}, *sb),
        b2 = rotate(e.in(1), {2, 0, 1}, *sb);
  Value r = e.n1("Sub", {e.n1("Mul", {a1, b2}), e.n1("Mul", {a2, b1})}, {},
                 e.resultType());
  return r && e.done(r);
}

/// diagonal(x, offset, dim1, dim2): the other dims in order, then the
/// diagonal. dim1 and dim2 moved last and flattened into one, the diagonal
/// gathered at its flat positions (row * n2 + col); both sizes must be known.
bool lowerDiagonal(Emitter &e) {
  auto s = Emitter::shapeOf(e.in(0));
  auto off = e.constInt(1, "offset");
  auto d1 = e.constInt(2, "dim1"), d2 = e.constInt(3, "dim2");
  if (!off || !d1 || !d2)
    return false;
  if (!s || s->size() < 2)
    return e.fail("diagonal needs an input of known rank >= 2");
  int64_t rank = s->size();
  auto a = normDim(e, *d1, rank, "dim1"), b = normDim(e, *d2, rank, "dim2");
  if (!a || !b)
    return false;
  if (*a == *b)
    return e.fail("diagonal dimensions cannot be identical (" + Twine(*d1) +
                  ", " + Twine(*d2) + ")");
  int64_t n1 = (*s)[*a], n2 = (*s)[*b];
  if (n1 == kDyn || n2 == kDyn)
    return e.fail("diagonal needs the sizes of dim1 and dim2 known");
  SmallVector<int64_t> perm, reshape;
  for (int64_t i = 0; i < rank; ++i)
    if (i != *a && i != *b) {
      perm.push_back(i);
      reshape.push_back(0); // keep
    }
  perm.push_back(*a);
  perm.push_back(*b);
  reshape.push_back(n1 * n2);
  Value x = e.in(0);
  if (!llvm::equal(perm, llvm::seq<int64_t>(0, rank)))
    x = e.n1("Transpose", {x}, {{"perm", e.ints(perm)}});
  x = e.n1("Reshape", {x, e.i64s(reshape)});
  SmallVector<int64_t> idx;
  int64_t row = *off < 0 ? -*off : 0, col = *off > 0 ? *off : 0;
  for (; row < n1 && col < n2; ++row, ++col)
    idx.push_back(row * n2 + col);
  Value r = e.n1("Gather", {x, e.i64s(idx)}, {{"axis", e.i64(rank - 2)}},
                 e.resultType());
  return r && e.done(r);
}

/// tensordot(a, b, dims_a, dims_b): a's free dims then its contracted dims,
/// b's contracted dims then its free dims, as a [*, K] x [K, *] MatMul
/// reshaped to free_a + free_b. The contracted sizes must be known.
bool lowerTensordot(Emitter &e) {
  auto sa = Emitter::shapeOf(e.in(0)), sb = Emitter::shapeOf(e.in(1));
  auto da = e.constInts(2, "dims_self"), db = e.constInts(3, "dims_other");
  if (!da || !db)
    return false;
  if (!sa || !sb)
    return e.fail("tensordot needs both input ranks");
  if (da->size() != db->size())
    return e.fail("tensordot needs as many dims of self as of other");
  int64_t ra = sa->size(), rb = sb->size();
  SmallVector<int64_t> ca, cb;
  int64_t k = 1;
  Value va = e.in(0), vb = e.in(1);
  for (auto [x, y] : llvm::zip(*da, *db)) {
    auto na = normDim(e, x, ra, "dim"), nb = normDim(e, y, rb, "dim");
    if (!na || !nb)
      return false;
    int64_t sza = (*sa)[*na], szb = (*sb)[*nb];
    if (sza == kDyn || szb == kDyn)
      return e.fail("tensordot needs the contracted sizes known");
    // As torch: a contracted dim of size 1 against a larger one sums the
    // larger side over that dim first.
    if (sza != szb) {
      if (sza != 1 && szb != 1)
        return e.fail("contracted dimensions need to match, but self has "
                      "size " +
                      Twine(sza) + " in dim " + Twine(x) +
                      " and other has size " + Twine(szb) + " in dim " +
                      Twine(y));
      if (sza == 1)
        vb = e.reduce("ReduceSum", vb, ArrayRef<int64_t>{*nb}, true);
      else
        va = e.reduce("ReduceSum", va, ArrayRef<int64_t>{*na}, true);
    }
    k *= std::min(sza, szb);
    ca.push_back(*na);
    cb.push_back(*nb);
  }
  SmallVector<int64_t> pa, pb;
  for (int64_t i = 0; i < ra; ++i)
    if (!llvm::is_contained(ca, i))
      pa.push_back(i);
  int64_t freeA = pa.size();
  pa.append(ca);
  pb.append(cb);
  for (int64_t i = 0; i < rb; ++i)
    if (!llvm::is_contained(cb, i))
      pb.push_back(i);
  auto permuted = [&](Value v, ArrayRef<int64_t> perm) {
    if (llvm::equal(perm, llvm::seq<int64_t>(0, perm.size())))
      return v;
    return e.n1("Transpose", {v}, {{"perm", e.ints(perm)}});
  };
  Value a = permuted(va, pa), b = permuted(vb, pb);
  Value m = e.n1("MatMul", {e.n1("Reshape", {a, e.i64s({-1, k})}),
                            e.n1("Reshape", {b, e.i64s({k, -1})})});
  Value shape =
      e.concatInts({e.slice(e.shape(a), {0}, {freeA}, {0}),
                    e.slice(e.shape(b), {(int64_t)cb.size()}, {rb}, {0})});
  Value r = e.n1("Reshape", {m, shape}, {}, e.resultType());
  return r && e.done(r);
}

/// A matrix norm over dims (d0, d1) of floating-point `x`: 'fro', or ord
/// 1/-1 (max/min over d1 of column sums over d0) and inf/-inf (max/min over
/// d0 of row sums over d1). 2, -2 and 'nuc' need singular values.
Value matrixNorm(Emitter &e, Value x, StringRef ordStr, double ord, int64_t d0,
                 int64_t d1, bool keep, Type res) {
  if (ordStr == "fro")
    return e.reduce("ReduceL2", x, ArrayRef<int64_t>{d0, d1}, keep, res);
  if (!ordStr.empty() || (ord != 1 && ord != -1 && !std::isinf(ord))) {
    std::string text = ordStr.empty() ? llvm::formatv("{0}", ord).str()
                                      : ("'" + ordStr + "'").str();
    e.fail("matrix norm ord=" + text +
           " needs singular values, which ONNX has no operator for; "
           "'fro', 1, -1, inf and -inf export");
    return {};
  }
  bool cols = !std::isinf(ord);
  int64_t sumDim = cols ? d0 : d1, pickDim = cols ? d1 : d0;
  Value sums =
      e.reduce("ReduceSum", e.n1("Abs", {x}), ArrayRef<int64_t>{sumDim}, true);
  Value r = e.reduce(ord > 0 ? "ReduceMax" : "ReduceMin", sums,
                     ArrayRef<int64_t>{pickDim}, true);
  if (keep)
    return e.n1("Identity", {r}, {}, res);
  Value sq = e.squeeze(r, {std::min(d0, d1), std::max(d0, d1)});
  if (sq)
    sq.setType(res);
  return sq;
}

/// The norm's `ord` operand: a string ('fro', 'nuc'), a number, or None.
struct NormOrd {
  bool none = false;
  std::string str;
  double num = 2;
};

std::optional<NormOrd> normOrd(Emitter &e, unsigned i) {
  NormOrd o;
  if (Torch::isConstantNone(e.orig(i))) {
    o.none = true;
    return o;
  }
  if (auto s = e.orig(i).getDefiningOp<Torch::ConstantStrOp>()) {
    o.str = s.getValue().str();
    return o;
  }
  auto f = e.constFloat(i, "ord");
  if (!f)
    return std::nullopt;
  o.num = *f;
  return o;
}

/// linalg_matrix_norm / linalg_norm: (self, ord, dim, keepdim, dtype).
/// `matrix`: dim defaults to (-2, -1) and the norm is a matrix norm;
/// otherwise dim None flattens (ord None) or follows the input rank, and one
/// dim is a vector norm, two a matrix norm.
bool lowerLinalgNorm(Emitter &e, bool matrix) {
  auto ord = normOrd(e, 1);
  auto keep = Torch::getConstantBool(e.orig(3));
  if (!ord)
    return false;
  if (!keep)
    return e.fail("'keepdim' must be constant");
  Type t = e.resultElem();
  if (!t || !isa<FloatType>(t))
    return e.fail("the result dtype must be a known floating-point type");
  auto rank = Emitter::rankOf(e.in(0));
  if (!rank)
    return e.fail("the input rank must be known");
  Value x = e.castIfNeeded(e.in(0), t);
  SmallVector<int64_t> dims;
  if (!Torch::isConstantNone(e.orig(2))) {
    auto d = e.constInts(2, "dim");
    if (!d)
      return false;
    dims = *d;
  } else if (matrix) {
    dims = {-2, -1};
  } else if (!ord->none) {
    if (*rank != 1 && *rank != 2)
      return e.fail("linalg.norm with ord and no dim needs a 1-D or 2-D "
                    "input");
    for (int64_t i = 0; i < *rank; ++i)
      dims.push_back(i);
  }
  for (int64_t &d : dims) {
    auto n = normDim(e, d, *rank, "dim");
    if (!n)
      return false;
    d = *n;
  }
  Type res = e.resultType();
  Value r;
  if (dims.empty() || dims.size() == 1) {
    if (!ord->str.empty())
      return e.fail("ord='" + ord->str + "' is a matrix norm; give two dims");
    std::optional<ArrayRef<int64_t>> axes;
    if (!dims.empty())
      axes = ArrayRef<int64_t>(dims);
    r = emitVectorNorm(e, x, ord->none ? 2.0 : ord->num, axes, *keep, res);
  } else if (dims.size() == 2) {
    if (dims[0] == dims[1])
      return e.fail("the two dims of a matrix norm must differ");
    r = matrixNorm(e, x, ord->none ? "fro" : StringRef(ord->str), ord->num,
                   dims[0], dims[1], *keep, res);
  } else {
    return e.fail("a norm takes one dim (vector) or two (matrix), not " +
                  Twine(dims.size()));
  }
  return r && e.done(r);
}

} // namespace

void mlir::torch_onnx::addLinearAlgebraLowerings(std::vector<Lowering> &l) {
  LoweringAdder add(l);
  add("aten.cross", 9, [](Emitter &e) { return lowerCross(e, 2); });
  add("aten.linalg_cross", 9, [](Emitter &e) { return lowerCross(e, 2); });
  for (StringRef n : {"aten.linalg_det", "aten.det"})
    add(n, 11, [](Emitter &e) {
      Value r = e.n1("Det", {e.in(0)}, {}, e.resultType());
      return r && e.done(r);
    });
  // logdet: log(det), NaN for a negative determinant and -inf for a
  // singular matrix, as torch.
  add("aten.logdet", 11, [](Emitter &e) {
    Value r = e.n1("Log", {e.n1("Det", {e.in(0)})}, {}, e.resultType());
    return r && e.done(r);
  });
  add("aten.diagonal", 9, lowerDiagonal);
  add("aten.linalg_diagonal", 9, lowerDiagonal); // (A, offset, dim1, dim2)
  // addmv / addr / addbmm: beta * self + alpha * (product), the product a
  // matrix-vector product, an outer product, or a sum of batched products.
  for (StringRef n : {"aten.addmv", "aten.addr", "aten.addbmm"})
    add(n, 9, [n](Emitter &e) {
      auto beta = e.constFloat(3, "beta"), alpha = e.constFloat(4, "alpha");
      Type t = e.resultElem();
      if (!beta || !alpha)
        return false;
      if (!t)
        return e.fail("the result dtype is unknown");
      Value a = e.castIfNeeded(e.in(1), t), b = e.castIfNeeded(e.in(2), t);
      Value p;
      if (n == "aten.addr")
        p = e.n1("Mul", {e.unsqueeze(a, {1}), e.unsqueeze(b, {0})});
      else
        p = e.n1("MatMul", {a, b});
      if (n == "aten.addbmm")
        p = e.reduce("ReduceSum", p, ArrayRef<int64_t>{0}, false);
      if (*alpha != 1)
        p = e.n1("Mul", {p, e.scalar(*alpha, t)});
      Value r;
      if (*beta == 0) { // self is ignored (even NaN), as torch
        r = e.n1("Identity", {p}, {}, e.resultType());
      } else {
        Value self = e.castIfNeeded(e.in(0), t);
        if (*beta != 1)
          self = e.n1("Mul", {self, e.scalar(*beta, t)});
        r = e.n1("Add", {self, p}, {}, e.resultType());
      }
      return r && e.done(r);
    });
  // inner(a, b): sums over the last dims: a's other dims then b's.
  add("aten.inner", 9, [](Emitter &e) {
    auto sa = Emitter::shapeOf(e.in(0)), sb = Emitter::shapeOf(e.in(1));
    Type t = e.resultElem();
    if (!sa || !sb || !t)
      return e.fail("inner needs both ranks and the result dtype");
    Value a = e.castIfNeeded(e.in(0), t), b = e.castIfNeeded(e.in(1), t);
    if (sa->empty() || sb->empty()) { // a scalar operand: a product
      Value r = e.n1("Mul", {a, b}, {}, e.resultType());
      return r && e.done(r);
    }
    int64_t k = sa->back() >= 0 ? sa->back() : sb->back();
    if (k < 0)
      return e.fail("inner needs the size of the last dim known");
    Value a2 = e.n1("Reshape", {a, e.i64s({-1, k})});
    Value b2 = e.n1("Reshape", {b, e.i64s({-1, k})});
    Value m = e.n1("MatMul",
                   {a2, e.n1("Transpose", {b2}, {{"perm", e.ints({1, 0})}})});
    int64_t ra = sa->size(), rb = sb->size();
    Value shape = e.concatInts({e.slice(e.shape(a), {0}, {ra - 1}, {0}),
                                e.slice(e.shape(b), {0}, {rb - 1}, {0})});
    Value r = e.n1("Reshape", {m, shape}, {}, e.resultType());
    return r && e.done(r);
  });
  // linalg_vecdot(x, y, dim): sum(x * y) over dim (real tensors).
  add("aten.linalg_vecdot", 9, [](Emitter &e) {
    auto d = e.constInt(2, "dim");
    if (!d)
      return false;
    // With known ranks the dim is checked against the broadcast rank.
    std::optional<int64_t> axis = *d;
    auto r1 = Emitter::rankOf(e.in(0)), r2 = Emitter::rankOf(e.in(1));
    if (r1 && r2) {
      axis = normDim(e, *d, std::max(*r1, *r2), "dim");
      if (!axis)
        return false;
    } else if (*d < 0 && e.opset() < 11) {
      return e.fail("a negative dim needs the ranks before opset 11");
    }
    Type t = e.resultElem();
    if (!t)
      return e.fail("the result dtype is unknown");
    Value p =
        e.n1("Mul", {e.castIfNeeded(e.in(0), t), e.castIfNeeded(e.in(1), t)});
    Value r = e.reduce("ReduceSum", p, ArrayRef<int64_t>{*axis}, false,
                       e.resultType());
    return r && e.done(r);
  });
  add("aten.tensordot", 9, lowerTensordot);
  for (StringRef n :
       {"aten.linalg_matrix_norm", "aten.linalg_matrix_norm.str_ord"})
    add(n, 9, [](Emitter &e) { return lowerLinalgNorm(e, true); });
  for (StringRef n : {"aten.linalg_norm", "aten.linalg_norm.ord_str"})
    add(n, 9, [](Emitter &e) { return lowerLinalgNorm(e, false); });
}
