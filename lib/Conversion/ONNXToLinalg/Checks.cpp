//===- Checks.cpp - ONNX spec rules checked before lowering ---------------===//
//
// The shape and attribute rules the ONNX spec states, checked where the
// operands are static (or constant) before an op is lowered: a model that
// breaks one is refused with a message naming the rule instead of being
// compiled into code that reads out of bounds or divides by zero. Dynamic
// cases are checked at run time by the lowerings (cf.assert).
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

#include "torch-onnx/Dialect/ONNX/IR/DataType.h"
#include "llvm/ADT/StringMap.h"

using namespace mlir;
using namespace mlir::ONNX::lowering;

namespace {

std::optional<ArrayRef<int64_t>> staticShape(Value v) {
  auto t = dyn_cast_or_null<RankedTensorType>(v ? v.getType() : Type());
  if (!t)
    return std::nullopt;
  return t.getShape();
}

bool known(int64_t d) { return !ShapedType::isDynamic(d); }

/// Values of constant integer input `i` (none when absent or not constant).
std::optional<SmallVector<int64_t>> constInput(Ctx &c, unsigned i) {
  Value v = c.in(i);
  if (!v)
    return std::nullopt;
  return c.constInts(v);
}

std::string shapeStr(ArrayRef<int64_t> s) {
  std::string r = "[";
  for (size_t i = 0; i < s.size(); ++i)
    r += (i ? "," : "") +
         (known(s[i]) ? std::to_string(s[i]) : std::string("?"));
  return r + "]";
}

/// Spatial attributes of pools and convolutions: positive strides,
/// dilations and kernel sizes, non-negative pads.
LogicalResult checkPool(Ctx &c) {
  for (StringRef a : {"strides", "dilations", "kernel_shape"})
    if (auto v = c.ints(a))
      for (int64_t x : *v)
        if (x < 1)
          return c.invalid(a + " has " + Twine(x) +
                           "; its values must be >= 1");
  if (auto p = c.ints("pads"))
    for (int64_t x : *p)
      if (x < 0)
        return c.invalid("pads has " + Twine(x) + "; pads must be >= 0");
  return success();
}

LogicalResult checkConv(Ctx &c, bool transpose) {
  int64_t group = c.i("group", 1);
  if (group < 1)
    return c.invalid("group is " + Twine(group) + "; it must be >= 1");
  if (failed(checkPool(c)))
    return failure();
  auto x = staticShape(c.in(0)), w = staticShape(c.in(1));
  if (!x || !w)
    return success();
  if (x->size() != w->size())
    return c.invalid("X has rank " + Twine(x->size()) + " and W rank " +
                     Twine(w->size()) + "; they must be equal");
  if (x->size() < 3)
    return c.invalid("X has rank " + Twine(x->size()) +
                     "; it must be at least 3 (N, C, spatial...)");
  int64_t C = (*x)[1];
  if (!transpose) {
    int64_t M = (*w)[0], Cg = (*w)[1];
    if (known(C) && known(Cg) && C != Cg * group)
      return c.invalid("X has " + Twine(C) + " channels but W " + shapeStr(*w) +
                       " with group " + Twine(group) + " expects " +
                       Twine(Cg * group) +
                       " (the rule: C = W.shape[1] * group)");
    if (known(M) && M % group)
      return c.invalid("W has " + Twine(M) +
                       " output channels, not a multiple of group " +
                       Twine(group));
  } else {
    int64_t Cw = (*w)[0];
    if (known(C) && known(Cw) && C != Cw)
      return c.invalid("X has " + Twine(C) + " channels but W " + shapeStr(*w) +
                       " expects " + Twine(Cw) + " (the rule: C = W.shape[0])");
    if (known(Cw) && Cw % group)
      return c.invalid("W.shape[0] = " + Twine(Cw) +
                       " is not a multiple of group " + Twine(group));
  }
  if (auto k = c.ints("kernel_shape")) {
    if (k->size() != x->size() - 2)
      return c.invalid("kernel_shape has " + Twine(k->size()) + " values for " +
                       Twine(x->size() - 2) + " spatial dims");
    for (size_t d = 0; d < k->size(); ++d)
      if (known((*w)[d + 2]) && (*k)[d] != (*w)[d + 2])
        return c.invalid("kernel_shape " + shapeStr(*k) + " does not match W " +
                         shapeStr(*w));
  }
  if (Value b = c.in(2))
    if (auto bs = staticShape(b); bs && bs->size() == 1 && known((*bs)[0])) {
      int64_t M =
          transpose ? (known((*w)[1]) ? (*w)[1] * group : ShapedType::kDynamic)
                    : (*w)[0];
      if (known(M) && (*bs)[0] != M)
        return c.invalid("B has " + Twine((*bs)[0]) + " values for " +
                         Twine(M) + " output channels");
    }
  return success();
}

LogicalResult checkConcat(Ctx &c) {
  SmallVector<Value> ins = c.allInputs();
  if (ins.empty())
    return c.invalid("it has no inputs");
  auto first = staticShape(ins[0]);
  if (!first)
    return success();
  int64_t rank = first->size();
  int64_t axis = c.i("axis", 0); // range checked in checkCommonAttributes
  axis = wrapAxis(axis, rank);
  for (auto [k, v] : llvm::enumerate(ins)) {
    auto s = staticShape(v);
    if (!s)
      continue;
    if ((int64_t)s->size() != rank)
      return c.invalid("input " + Twine(k) + " has rank " + Twine(s->size()) +
                       ", input 0 rank " + Twine(rank) +
                       "; all inputs must have the same rank");
    for (int64_t d = 0; d < rank; ++d)
      if (d != axis && known((*s)[d]) && known((*first)[d]) &&
          (*s)[d] != (*first)[d])
        return c.invalid("input " + Twine(k) + " has shape " + shapeStr(*s) +
                         ", input 0 " + shapeStr(*first) +
                         "; they must agree on every dim but axis " +
                         Twine(axis));
  }
  return success();
}

LogicalResult checkSplit(Ctx &c) {
  auto x = staticShape(c.in(0));
  if (!x)
    return success();
  int64_t rank = x->size();
  int64_t axis = c.i("axis", 0); // range checked in checkCommonAttributes
  int64_t dim = (*x)[wrapAxis(axis, rank)];
  std::optional<SmallVector<int64_t>> sizes;
  if (c.version >= 13) {
    sizes = constInput(c, 1);
  } else {
    sizes = c.ints("split");
  }
  if (!sizes)
    return success();
  int64_t sum = 0;
  for (int64_t s : *sizes) {
    if (s < 0)
      return c.invalid("split has a negative size " + Twine(s));
    sum += s;
  }
  if ((int64_t)sizes->size() != (int64_t)c.op->getNumResults())
    return c.invalid("split has " + Twine(sizes->size()) + " sizes for " +
                     Twine(c.op->getNumResults()) + " outputs");
  if (known(dim) && sum != dim)
    return c.invalid("split sizes add up to " + Twine(sum) + " but axis " +
                     Twine(axis) + " has " + Twine(dim) + " elements");
  return success();
}

LogicalResult checkTopK(Ctx &c) {
  auto x = staticShape(c.in(0));
  std::optional<int64_t> k;
  if (c.version >= 10) {
    if (auto v = constInput(c, 1); v && v->size() == 1)
      k = (*v)[0];
  } else if (c.has("k")) {
    k = c.i("k", 0);
  }
  if (!x || !k)
    return success();
  int64_t rank = x->size();
  int64_t axis = c.i("axis", -1); // range checked in checkCommonAttributes
  int64_t dim = (*x)[wrapAxis(axis, rank)];
  if (*k < 0)
    return c.invalid("k is " + Twine(*k) + "; it must be >= 0");
  if (known(dim) && *k > dim)
    return c.invalid("k is " + Twine(*k) + " but axis " + Twine(axis) +
                     " has only " + Twine(dim) + " elements");
  return success();
}

LogicalResult checkExpand(Ctx &c) {
  auto x = staticShape(c.in(0));
  auto shape = constInput(c, 1);
  if (!x || !shape)
    return success();
  for (int64_t s : *shape)
    if (s < 0)
      return c.invalid("shape has a negative dim " + Twine(s));
  // numpy broadcasting of x against shape, aligned at the right.
  size_t n = std::min(x->size(), shape->size());
  for (size_t k = 1; k <= n; ++k) {
    int64_t a = (*x)[x->size() - k], b = (*shape)[shape->size() - k];
    if (known(a) && a != 1 && b != 1 && a != b)
      return c.invalid("input " + shapeStr(*x) + " cannot broadcast to " +
                       shapeStr(*shape));
  }
  return success();
}

LogicalResult checkMatMul(Ctx &c) {
  auto a = staticShape(c.in(0)), b = staticShape(c.in(1));
  if (!a || !b || a->empty() || b->empty())
    return success();
  int64_t ka = a->back();
  int64_t kb = b->size() == 1 ? (*b)[0] : (*b)[b->size() - 2];
  if (known(ka) && known(kb) && ka != kb)
    return c.invalid("A " + shapeStr(*a) + " and B " + shapeStr(*b) +
                     " do not agree on the contracted dim (" + Twine(ka) +
                     " vs " + Twine(kb) + ")");
  return success();
}

LogicalResult checkGemm(Ctx &c) {
  auto a = staticShape(c.in(0)), b = staticShape(c.in(1));
  if (!a || !b)
    return success();
  if (a->size() != 2 || b->size() != 2)
    return c.invalid("A and B must be 2-D (they are " + shapeStr(*a) + " and " +
                     shapeStr(*b) + ")");
  int64_t ka = (*a)[c.i("transA", 0) ? 0 : 1];
  int64_t kb = (*b)[c.i("transB", 0) ? 1 : 0];
  if (known(ka) && known(kb) && ka != kb)
    return c.invalid("A " + shapeStr(*a) + " and B " + shapeStr(*b) +
                     " (with transA/transB) do not agree on K (" + Twine(ka) +
                     " vs " + Twine(kb) + ")");
  return success();
}

/// Constant indices of Gather/GatherElements/ScatterElements must lie in
/// [-dim, dim) of the indexed axis.
LogicalResult checkConstIndices(Ctx &c, unsigned indicesInput) {
  auto x = staticShape(c.in(0));
  Value ind = c.in(indicesInput);
  if (!x || !ind)
    return success();
  int64_t rank = x->size();
  int64_t axis = c.i("axis", 0); // range checked in checkCommonAttributes
  int64_t dim = (*x)[wrapAxis(axis, rank)];
  if (!known(dim))
    return success();
  auto vals = c.constInts(ind);
  if (!vals)
    return success();
  for (int64_t v : *vals)
    if (v < -dim || v >= dim)
      return c.invalid("index " + Twine(v) + " is out of range [" +
                       Twine(-dim) + ", " + Twine(dim) + ") of axis " +
                       Twine(axis));
  return success();
}

LogicalResult checkIntDivisor(Ctx &c) {
  Type elem = c.origInElem(1);
  if (!elem || !isa<IntegerType>(elem))
    return success();
  if (auto v = constInput(c, 1))
    if (llvm::is_contained(*v, 0))
      return c.invalid("the divisor is an integer constant holding 0: "
                       "integer division by zero is undefined");
  return success();
}

LogicalResult checkNonNegativeShape(Ctx &c, unsigned input, StringRef what) {
  if (auto s = constInput(c, input))
    for (int64_t d : *s)
      if (d < 0)
        return c.invalid(what + " has a negative value " + Twine(d));
  return success();
}

LogicalResult checkReshape(Ctx &c) {
  auto x = staticShape(c.in(0));
  auto shape = constInput(c, 1);
  if (!x || !shape)
    return success();
  bool allowZero = c.i("allowzero", 0) != 0;
  int64_t inferred = 0, product = 1;
  for (auto [k, s] : llvm::enumerate(*shape)) {
    if (s == -1) {
      if (++inferred > 1)
        return c.invalid("shape " + shapeStr(*shape) + " has more than one -1");
      continue;
    }
    if (s < -1)
      return c.invalid("shape has an invalid dim " + Twine(s));
    int64_t d = s;
    if (s == 0 && !allowZero) {
      if (k >= x->size())
        return c.invalid("shape copies dim " + Twine(k) +
                         " (a 0) of an input of rank " + Twine(x->size()));
      d = (*x)[k];
    }
    if (!known(d))
      return success();
    product *= d;
  }
  int64_t total = 1;
  for (int64_t d : *x) {
    if (!known(d))
      return success();
    total *= d;
  }
  if (inferred ? (product == 0 ? total != 0 : total % product != 0)
               : total != product)
    return c.invalid("the input " + shapeStr(*x) + " has " + Twine(total) +
                     " elements, which shape " + shapeStr(*shape) +
                     " cannot hold");
  return success();
}

/// Static output shapes must be allocatable (the run-time twin is the size
/// check in Ctx::empty).
LogicalResult checkStaticSizes(Ctx &c) {
  for (auto [k, t] : llvm::enumerate(c.op->getResultTypes())) {
    auto rt = dyn_cast<RankedTensorType>(t);
    if (!rt)
      continue;
    double n = 1;
    for (int64_t d : rt.getShape())
      if (known(d))
        n *= (double)d;
    if (n > kMaxRuntimeElements)
      return c.invalid("output " + Twine(k) + " has shape " +
                       shapeStr(rt.getShape()) + ", more than 2^40 elements");
  }
  return success();
}

/// Rank of `v` when it is a ranked tensor.
std::optional<int64_t> rankOf(Value v) {
  if (auto s = staticShape(v))
    return (int64_t)s->size();
  return std::nullopt;
}

/// `axis` (an attribute) must lie in [lo, hi] (from the rank of input 0).
LogicalResult checkAxisIn(Ctx &c, StringRef name, int64_t dflt, int64_t lo,
                          int64_t hi, StringRef rankOfWhat) {
  int64_t a = c.i(name, dflt);
  if (lo > hi)
    return c.invalid(name + " " + Twine(a) + " cannot apply: " + rankOfWhat +
                     " has no axes");
  if (a < lo || a > hi)
    return c.invalid(name + " " + Twine(a) + " is out of range for " +
                     rankOfWhat + " (accepted: [" + Twine(lo) + ", " +
                     Twine(hi) + "])");
  return success();
}

/// Each of `axes` in [-rank, rank-1], none twice (after normalizing).
LogicalResult checkAxesList(Ctx &c, StringRef name, ArrayRef<int64_t> axes,
                            int64_t rank, StringRef rankOfWhat) {
  llvm::SmallDenseSet<int64_t> seen;
  for (int64_t a : axes) {
    if (a < -rank || a >= rank)
      return c.invalid(name + " has " + Twine(a) + ", out of range for " +
                       rankOfWhat + " " + Twine(rank) + " (accepted: [" +
                       Twine(-rank) + ", " + Twine(rank - 1) + "])");
    if (!seen.insert(wrapAxis(a, rank)).second)
      return c.invalid(name + " names axis " + Twine(a) +
                       " twice; each axis may appear once");
  }
  return success();
}

/// The attribute rules most ops share: axis/axes ranges, permutations,
/// block sizes, spatial attribute lengths, cast targets.
LogicalResult checkCommonAttributes(Ctx &c) {
  StringRef t = c.opType;
  std::optional<int64_t> r = rankOf(c.in(0));
  if (r) {
    int64_t rank = *r;
    std::string what = "input rank " + std::to_string(rank);
    // axis in [-r, r-1] of input 0: for the ops whose axis has a default,
    // also when the attribute is absent (a rank-0 input has no axis at all);
    // for the others only when present (absent means "flatten first", or a
    // default that depends on the opset).
    static const llvm::StringMap<int64_t> defaultAxis = {
        {"ArgMax", 0},          {"ArgMin", 0},  {"Gather", 0},
        {"GatherElements", 0},  {"Scatter", 0}, {"ScatterElements", 0},
        {"Split", 0},           {"TopK", -1},   {"LayerNormalization", -1},
        {"LpNormalization", -1}};
    if (auto it = defaultAxis.find(t); it != defaultAxis.end()) {
      if (failed(checkAxisIn(c, "axis", it->second, -rank, rank - 1, what)))
        return failure();
    } else if (llvm::is_contained(
                   {"Softmax", "LogSoftmax", "Hardmax", "Compress", "Unique"},
                   t) &&
               c.has("axis")) {
      if (failed(checkAxisIn(c, "axis", 0, -rank, rank - 1, what)))
        return failure();
    }
    // Q/DQ: the axis matters (and is checked) for per-axis scales only.
    if ((t == "QuantizeLinear" || t == "DequantizeLinear") && c.has("axis") &&
        rank > 0 && rankOf(c.in(1)).value_or(0) > 0 &&
        failed(checkAxisIn(c, "axis", 1, -rank, rank - 1, what)))
      return failure();
    // Flatten: [-r, r].
    if (t == "Flatten" && failed(checkAxisIn(c, "axis", 1, -rank, rank, what)))
      return failure();
    // axes attributes (before they became inputs).
    if (auto axes = c.ints("axes")) {
      bool reduce = t.starts_with("Reduce");
      if (reduce || t == "Squeeze" || t == "MeanVarianceNormalization" ||
          t == "Slice") {
        if (failed(checkAxesList(c, "axes", *axes, rank, "input rank")))
          return failure();
      } else if (t == "Unsqueeze") {
        if (failed(checkAxesList(c, "axes", *axes, rank + axes->size(),
                                 "output rank")))
          return failure();
      }
    }
    if (t == "Transpose") {
      if (auto perm = c.ints("perm")) {
        if ((int64_t)perm->size() != rank)
          return c.invalid("perm has " + Twine(perm->size()) +
                           " entries for an input of rank " + Twine(rank) +
                           "; it must list every axis once");
        SmallVector<bool> seen(rank, false);
        for (int64_t p : *perm) {
          if (p < 0 || p >= rank || seen[p])
            return c.invalid(
                "perm is not a permutation of 0.." + Twine(rank - 1) + " (" +
                Twine(p) +
                (p < 0 || p >= rank ? " is out of range)" : " appears twice)"));
          seen[p] = true;
        }
      }
    }
    // Spatial attributes of convolutions and pools: one value per spatial
    // dim (pads: begin and end).
    if (rank >= 3 && llvm::is_contained({"Conv", "ConvInteger", "ConvTranspose",
                                         "MaxPool", "AveragePool", "LpPool"},
                                        t)) {
      int64_t spatial = rank - 2;
      for (StringRef a :
           {"kernel_shape", "strides", "dilations", "output_padding"})
        if (auto v = c.ints(a); v && (int64_t)v->size() != spatial)
          return c.invalid(a + " has " + Twine(v->size()) + " values for " +
                           Twine(spatial) + " spatial dims");
      if (auto v = c.ints("pads"); v && (int64_t)v->size() != 2 * spatial)
        return c.invalid("pads has " + Twine(v->size()) + " values; " +
                         Twine(spatial) + " spatial dims need " +
                         Twine(2 * spatial) + " (begin and end per dim)");
    }
  }
  if ((t == "DepthToSpace" || t == "SpaceToDepth") && c.i("blocksize", 1) < 1)
    return c.invalid("blocksize is " + Twine(c.i("blocksize", 1)) +
                     "; it must be >= 1");
  if (t == "Cast" && c.has("to")) {
    int64_t to = c.i("to", 0);
    if (!ONNX::isDataType(to))
      return c.invalid("to is " + Twine(to) +
                       ", which is not an ONNX data "
                       "type (TensorProto.DataType)");
    Type want = ONNX::getElementType(c.b.getContext(), to);
    Type out = c.origOutElem(0);
    if (want && want.isIntOrFloat() && out && out.isIntOrFloat() &&
        (out.isFloat() != want.isFloat() ||
         out.getIntOrFloatBitWidth() != want.getIntOrFloatBitWidth()))
      return c.invalid("to is " + Twine(to) +
                       ", but the model declares the output as " +
                       llvm::formatv("{0}", out).str() +
                       "; the output's type must be the one `to` names");
  }
  return success();
}

LogicalResult dispatch(Ctx &c);

} // namespace

LogicalResult mlir::ONNX::lowering::checkSpecRules(Ctx &c) {
  if (failed(checkStaticSizes(c)) || failed(checkCommonAttributes(c)))
    return failure();
  return dispatch(c);
}

namespace {
LogicalResult dispatch(Ctx &c) {
  StringRef t = c.opType;
  if (t == "Conv" || t == "ConvInteger")
    return checkConv(c, /*transpose=*/false);
  if (t == "ConvTranspose")
    return checkConv(c, /*transpose=*/true);
  if (t == "MaxPool" || t == "AveragePool" || t == "LpPool")
    return checkPool(c);
  if (t == "Concat")
    return checkConcat(c);
  if (t == "Split")
    return checkSplit(c);
  if (t == "TopK")
    return checkTopK(c);
  if (t == "Expand")
    return checkExpand(c);
  if (t == "MatMul" || t == "MatMulInteger")
    return checkMatMul(c);
  if (t == "Gemm")
    return checkGemm(c);
  if (t == "Gather" || t == "GatherElements")
    return checkConstIndices(c, 1);
  if (t == "ScatterElements" || t == "Scatter")
    return checkConstIndices(c, 1);
  if (t == "Div" || t == "Mod")
    return checkIntDivisor(c);
  if (t == "ConstantOfShape")
    return checkNonNegativeShape(c, 0, "the shape input");
  if (t == "Tile")
    return checkNonNegativeShape(c, 1, "repeats");
  if (t == "Reshape")
    return checkReshape(c);
  return success();
}
} // namespace
