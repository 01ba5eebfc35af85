//===- FoldConstants.cpp - evaluate ONNX nodes on constant inputs ---------===//

#include "torch-onnx/Dialect/ONNX/IR/ONNXSchema.h"
#include "torch-onnx/Dialect/ONNX/Transforms/Passes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Debug.h"
#include "llvm/Support/MathExtras.h"

#include <cmath>
#include <limits>
#include <numeric>

namespace mlir::ONNX {
#define GEN_PASS_DEF_ONNXFOLDCONSTANTS
#include "torch-onnx/Dialect/ONNX/Transforms/Passes.h.inc"
} // namespace mlir::ONNX

using namespace mlir;
using namespace mlir::ONNX;

#define DEBUG_TYPE "onnx-fold-constants"

namespace {

/// A small host tensor: floats as double, integers and bools as int64.
struct Tensor {
  SmallVector<int64_t> shape;
  Type elem;
  std::vector<double> f;
  std::vector<int64_t> i;

  bool isFloat() const { return isa<FloatType>(elem); }
  /// Element count; INT64_MAX for a negative dim or a count past int64
  /// (such a tensor is over every size limit and never folds).
  int64_t size() const {
    int64_t n = 1;
    for (int64_t d : shape)
      if (d < 0 || llvm::MulOverflow(n, d, n))
        return std::numeric_limits<int64_t>::max();
    return n;
  }
  double get(int64_t k) const { return isFloat() ? f[k] : (double)i[k]; }
  int64_t getInt(int64_t k) const { return isFloat() ? (int64_t)f[k] : i[k]; }
  void resize(int64_t n) {
    if (isFloat())
      f.assign(n, 0);
    else
      i.assign(n, 0);
  }
  void set(int64_t k, double v) {
    if (isFloat())
      f[k] = v;
    else
      i[k] = (int64_t)v;
  }
  /// Copies element `from` of `src` (same element kind) to `k`.
  void copy(int64_t k, const Tensor &src, int64_t from) {
    if (isFloat())
      f[k] = src.f[from];
    else
      i[k] = src.i[from];
  }
};

SmallVector<int64_t> stridesOf(ArrayRef<int64_t> shape) {
  SmallVector<int64_t> s(shape.size(), 1);
  for (int64_t d = (int64_t)shape.size() - 2; d >= 0; --d)
    s[d] = s[d + 1] * shape[d + 1];
  return s;
}

bool supportedElem(Type t) {
  if (isa<Float32Type, Float64Type, Float16Type, BFloat16Type>(t))
    return true;
  if (auto it = dyn_cast<IntegerType>(t))
    return it.getWidth() == 1 || it.getWidth() == 8 || it.getWidth() == 16 ||
           it.getWidth() == 32 || it.getWidth() == 64;
  return false;
}

std::optional<Tensor> readElements(ElementsAttr attr, int64_t limit) {
  auto type = dyn_cast<RankedTensorType>(attr.getType());
  if (!type || !type.hasStaticShape() || type.getNumElements() > limit ||
      !supportedElem(type.getElementType()))
    return std::nullopt;
  Tensor t;
  t.shape.assign(type.getShape().begin(), type.getShape().end());
  t.elem = type.getElementType();
  int64_t n = type.getNumElements();
  t.resize(n);
  if (auto dense = dyn_cast<DenseElementsAttr>(attr)) {
    if (t.isFloat()) {
      int64_t k = 0;
      for (APFloat v : dense.getValues<APFloat>()) {
        bool lost;
        v.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven, &lost);
        t.f[k++] = v.convertToDouble();
      }
    } else {
      bool isUnsigned =
          cast<IntegerType>(t.elem).isUnsigned() || t.elem.isInteger(1);
      int64_t k = 0;
      for (APInt v : dense.getValues<APInt>())
        t.i[k++] = isUnsigned ? (int64_t)v.getZExtValue() : v.getSExtValue();
    }
    return t;
  }
  auto res = dyn_cast<DenseResourceElementsAttr>(attr);
  if (!res || !res.getRawHandle().getBlob())
    return std::nullopt;
  ArrayRef<char> data = res.getRawHandle().getBlob()->getData();
  unsigned bytes = t.elem.isInteger(1) ? 1 : t.elem.getIntOrFloatBitWidth() / 8;
  if ((int64_t)data.size() < n * bytes)
    return std::nullopt;
  for (int64_t k = 0; k < n; ++k) {
    const char *p = data.data() + k * bytes;
    if (t.elem.isF32()) {
      float v;
      memcpy(&v, p, 4);
      t.f[k] = v;
    } else if (t.elem.isF64()) {
      memcpy(&t.f[k], p, 8);
    } else if (t.isFloat()) {
      return std::nullopt; // f16/bf16 blobs: not folded
    } else {
      int64_t v = 0;
      bool isUnsigned = cast<IntegerType>(t.elem).isUnsigned();
      switch (bytes) {
      case 1:
        v = isUnsigned || t.elem.isInteger(1) ? (int64_t)(uint8_t)*p
                                              : (int64_t)(int8_t)*p;
        break;
      case 2: {
        int16_t x;
        memcpy(&x, p, 2);
        v = isUnsigned ? int64_t(uint16_t(x)) : int64_t(x);
        break;
      }
      case 4: {
        int32_t x;
        memcpy(&x, p, 4);
        // (Both arms as int64_t: a common type of uint32_t would read
        // negative int32 values as large positive ones.)
        v = isUnsigned ? int64_t(uint32_t(x)) : int64_t(x);
        break;
      }
      default:
        memcpy(&v, p, 8);
      }
      t.i[k] = v;
    }
  }
  return t;
}

DenseElementsAttr toAttr(const Tensor &t) {
  auto type = RankedTensorType::get(t.shape, t.elem);
  int64_t n = t.size();
  if (auto ft = dyn_cast<FloatType>(t.elem)) {
    SmallVector<APFloat> vals;
    vals.reserve(n);
    for (int64_t k = 0; k < n; ++k) {
      APFloat v(t.f[k]);
      bool lost;
      v.convert(ft.getFloatSemantics(), APFloat::rmNearestTiesToEven, &lost);
      vals.push_back(v);
    }
    return DenseElementsAttr::get(type, vals);
  }
  unsigned w = t.elem.getIntOrFloatBitWidth();
  SmallVector<APInt> vals;
  vals.reserve(n);
  for (int64_t k = 0; k < n; ++k)
    vals.push_back(APInt(w, (uint64_t)t.i[k], /*isSigned=*/true,
                         /*implicitTrunc=*/true));
  return DenseElementsAttr::get(type, vals);
}

/// The evaluator of one node.
struct Folder {
  Operation *op;
  StringRef opType;
  SmallVector<std::optional<Tensor>> in;
  int64_t limit;

  Attribute attr(StringRef onnxName) const {
    return op->getAttr(getODSAttrName(op->getName().getStringRef(), onnxName));
  }
  std::optional<int64_t> intAttr(StringRef n) const {
    if (auto a = dyn_cast_or_null<IntegerAttr>(attr(n)))
      return a.getInt();
    return std::nullopt;
  }
  std::optional<SmallVector<int64_t>> intsAttr(StringRef n) const {
    auto a = dyn_cast_or_null<ArrayAttr>(attr(n));
    if (!a)
      return std::nullopt;
    SmallVector<int64_t> r;
    for (Attribute x : a)
      r.push_back(cast<IntegerAttr>(x).getInt());
    return r;
  }
  bool has(unsigned k) const { return k < in.size() && in[k].has_value(); }
  std::optional<SmallVector<int64_t>> ints(unsigned k) const {
    if (!has(k))
      return std::nullopt;
    SmallVector<int64_t> r;
    for (int64_t j = 0; j < in[k]->size(); ++j)
      r.push_back(in[k]->getInt(j));
    return r;
  }
  Type resultElem() const {
    if (auto s = dyn_cast<ShapedType>(op->getResult(0).getType()))
      return s.getElementType();
    return {};
  }

  std::optional<Tensor> reshaped(const Tensor &x,
                                 ArrayRef<int64_t> shape) const {
    Tensor r = x;
    r.shape.assign(shape.begin(), shape.end());
    if (r.size() != x.size())
      return std::nullopt;
    return r;
  }

  std::optional<Tensor> elementwise() const {
    unsigned n = op->getNumOperands();
    for (unsigned k = 0; k < n; ++k)
      if (!has(k))
        return std::nullopt;
    // Broadcast shape.
    SmallVector<int64_t> shape;
    for (unsigned k = 0; k < n; ++k) {
      auto &s = in[k]->shape;
      if (s.size() > shape.size())
        shape.insert(shape.begin(), s.size() - shape.size(), 1);
      for (size_t d = 0; d < s.size(); ++d) {
        int64_t &o = shape[shape.size() - s.size() + d];
        if (o == 1)
          o = s[d];
        else if (s[d] != 1 && s[d] != o)
          return std::nullopt;
      }
    }
    Tensor r;
    r.shape = shape;
    bool compare = opType == "Equal" || opType == "Less" ||
                   opType == "Greater" || opType == "LessOrEqual" ||
                   opType == "GreaterOrEqual" || opType == "And" ||
                   opType == "Or" || opType == "Not" || opType == "Xor";
    r.elem = compare ? IntegerType::get(op->getContext(), 1)
                     : (opType == "Where" ? in[1]->elem : in[0]->elem);
    if (resultElem() && resultElem() != r.elem)
      return std::nullopt;
    int64_t total = r.size();
    if (total > limit)
      return std::nullopt;
    r.resize(total);
    auto outStrides = stridesOf(shape);
    SmallVector<SmallVector<int64_t>> inStrides;
    for (unsigned k = 0; k < n; ++k) {
      auto &s = in[k]->shape;
      auto st = stridesOf(s);
      SmallVector<int64_t> full(shape.size(), 0);
      for (size_t d = 0; d < s.size(); ++d)
        full[shape.size() - s.size() + d] = s[d] == 1 ? 0 : st[d];
      inStrides.push_back(full);
    }
    bool fl = in[0]->isFloat();
    for (int64_t idx = 0; idx < total; ++idx) {
      double v[3] = {0, 0, 0};
      for (unsigned k = 0; k < n; ++k) {
        int64_t off = 0, rem = idx;
        for (size_t d = 0; d < shape.size(); ++d) {
          off += (rem / outStrides[d]) * inStrides[k][d];
          rem %= outStrides[d];
        }
        v[k] = in[k]->get(off);
      }
      double a = v[0], b = v[1], out;
      if (opType == "Add")
        out = a + b;
      else if (opType == "Sub")
        out = a - b;
      else if (opType == "Mul")
        out = a * b;
      else if (opType == "Div") {
        if (!fl && b == 0)
          return std::nullopt;
        out = fl ? a / b : (double)((int64_t)a / (int64_t)b);
      } else if (opType == "Max")
        out = std::max(a, b);
      else if (opType == "Min")
        out = std::min(a, b);
      else if (opType == "Equal")
        out = a == b;
      else if (opType == "Less")
        out = a < b;
      else if (opType == "Greater")
        out = a > b;
      else if (opType == "LessOrEqual")
        out = a <= b;
      else if (opType == "GreaterOrEqual")
        out = a >= b;
      else if (opType == "And")
        out = a && b;
      else if (opType == "Or")
        out = a || b;
      else if (opType == "Xor")
        out = (a != 0) != (b != 0);
      else if (opType == "Not")
        out = a == 0;
      else if (opType == "Neg")
        out = -a;
      else if (opType == "Abs")
        out = std::fabs(a);
      else if (opType == "Sqrt" && fl)
        out = std::sqrt(a);
      else if (opType == "Floor")
        out = std::floor(a);
      else if (opType == "Ceil")
        out = std::ceil(a);
      else if (opType == "Where")
        out = a != 0 ? b : v[2];
      else
        return std::nullopt;
      r.set(idx, out);
    }
    return r;
  }

  std::optional<Tensor> eval() const {
    if (opType == "Shape" || opType == "Size") {
      auto t = dyn_cast<RankedTensorType>(op->getOperand(0).getType());
      if (!t || !t.hasStaticShape())
        return std::nullopt;
      Tensor r;
      r.elem = IntegerType::get(op->getContext(), 64);
      if (opType == "Size") {
        r.i = {t.getNumElements()};
        return r;
      }
      int64_t rank = t.getRank();
      int64_t start = intAttr("start").value_or(0);
      int64_t end = intAttr("end").value_or(rank);
      if (start < 0)
        start += rank;
      if (end < 0)
        end += rank;
      start = std::clamp<int64_t>(start, 0, rank);
      end = std::clamp<int64_t>(end, 0, rank);
      for (int64_t d = start; d < end; ++d)
        r.i.push_back(t.getDimSize(d));
      r.shape = {(int64_t)r.i.size()};
      return r;
    }
    if (opType == "ConstantOfShape") {
      auto shape = ints(0);
      if (!shape)
        return std::nullopt;
      Tensor r;
      r.shape = *shape;
      if (r.size() > limit)
        return std::nullopt;
      std::optional<Tensor> v;
      if (auto a = dyn_cast_or_null<ElementsAttr>(attr("value")))
        v = readElements(a, 1);
      r.elem = v ? v->elem : Float32Type::get(op->getContext());
      r.resize(r.size());
      if (v)
        for (int64_t k = 0; k < r.size(); ++k)
          r.set(k, v->get(0));
      return r;
    }
    if (!has(0))
      return std::nullopt;
    const Tensor &x = *in[0];
    if (opType == "Identity")
      return x;
    if (opType == "Cast") {
      Type to = resultElem();
      if (!to || !supportedElem(to))
        return std::nullopt;
      Tensor r;
      r.shape = x.shape;
      r.elem = to;
      r.resize(x.size());
      for (int64_t k = 0; k < x.size(); ++k) {
        double v = x.get(k);
        if (to.isInteger(1))
          v = v != 0;
        else if (!r.isFloat())
          v = std::trunc(v);
        r.set(k, v);
      }
      return r;
    }
    if (opType == "Unsqueeze" || opType == "Squeeze") {
      auto axes = op->getNumOperands() > 1 ? ints(1) : intsAttr("axes");
      int64_t rank = x.shape.size();
      SmallVector<int64_t> shape;
      if (opType == "Unsqueeze") {
        if (!axes)
          return std::nullopt;
        int64_t outRank = rank + axes->size();
        SmallVector<bool> isNew(outRank, false);
        for (int64_t a : *axes)
          isNew[a < 0 ? a + outRank : a] = true;
        for (int64_t d = 0, k = 0; d < outRank; ++d)
          shape.push_back(isNew[d] ? 1 : x.shape[k++]);
      } else {
        SmallVector<bool> drop(rank, false);
        if (axes)
          for (int64_t a : *axes)
            drop[a < 0 ? a + rank : a] = true;
        for (int64_t d = 0; d < rank; ++d)
          if (!(axes ? drop[d] : x.shape[d] == 1))
            shape.push_back(x.shape[d]);
      }
      return reshaped(x, shape);
    }
    if (opType == "Reshape") {
      auto target = ints(1);
      if (!target)
        return std::nullopt;
      bool allowZero = intAttr("allowzero").value_or(0);
      SmallVector<int64_t> shape = *target;
      int64_t known = 1, infer = -1;
      for (size_t d = 0; d < shape.size(); ++d) {
        if (shape[d] == 0 && !allowZero && d < x.shape.size())
          shape[d] = x.shape[d];
        if (shape[d] == -1)
          infer = d;
        else
          known *= shape[d];
      }
      if (infer >= 0) {
        if (known == 0)
          return std::nullopt;
        shape[infer] = x.size() / known;
      }
      return reshaped(x, shape);
    }
    if (opType == "Concat") {
      auto axisA = intAttr("axis");
      if (!axisA)
        return std::nullopt;
      int64_t rank = x.shape.size();
      int64_t axis = *axisA < 0 ? *axisA + rank : *axisA;
      Tensor r;
      r.elem = x.elem;
      r.shape = x.shape;
      r.shape[axis] = 0;
      for (unsigned k = 0; k < op->getNumOperands(); ++k) {
        if (!has(k) || in[k]->shape.size() != (size_t)rank)
          return std::nullopt;
        r.shape[axis] += in[k]->shape[axis];
      }
      if (r.size() > limit)
        return std::nullopt;
      r.resize(r.size());
      int64_t outer = 1;
      for (int64_t d = 0; d < axis; ++d)
        outer *= x.shape[d];
      int64_t pos = 0;
      for (int64_t o = 0; o < outer; ++o)
        for (unsigned k = 0; k < op->getNumOperands(); ++k) {
          int64_t chunk = in[k]->size() / std::max<int64_t>(outer, 1);
          for (int64_t j = 0; j < chunk; ++j)
            r.copy(pos++, *in[k], o * chunk + j);
        }
      return r;
    }
    if (opType == "Gather") {
      if (!has(1))
        return std::nullopt;
      const Tensor &idx = *in[1];
      int64_t rank = x.shape.size();
      int64_t axis = intAttr("axis").value_or(0);
      if (axis < 0)
        axis += rank;
      Tensor r;
      r.elem = x.elem;
      r.shape.assign(x.shape.begin(), x.shape.begin() + axis);
      r.shape.append(idx.shape.begin(), idx.shape.end());
      r.shape.append(x.shape.begin() + axis + 1, x.shape.end());
      if (r.size() > limit)
        return std::nullopt;
      r.resize(r.size());
      int64_t outer = 1, inner = 1, n = x.shape[axis];
      for (int64_t d = 0; d < axis; ++d)
        outer *= x.shape[d];
      for (int64_t d = axis + 1; d < rank; ++d)
        inner *= x.shape[d];
      int64_t pos = 0;
      for (int64_t o = 0; o < outer; ++o)
        for (int64_t j = 0; j < idx.size(); ++j) {
          int64_t g = idx.getInt(j);
          if (g < 0)
            g += n;
          if (g < 0 || g >= n)
            return std::nullopt;
          for (int64_t q = 0; q < inner; ++q)
            r.copy(pos++, x, (o * n + g) * inner + q);
        }
      return r;
    }
    if (opType == "Transpose") {
      int64_t rank = x.shape.size();
      SmallVector<int64_t> perm;
      if (auto p = intsAttr("perm"))
        perm = *p;
      else
        for (int64_t d = rank - 1; d >= 0; --d)
          perm.push_back(d);
      Tensor r;
      r.elem = x.elem;
      for (int64_t p : perm)
        r.shape.push_back(x.shape[p]);
      r.resize(x.size());
      auto inS = stridesOf(x.shape), outS = stridesOf(r.shape);
      for (int64_t k = 0; k < x.size(); ++k) {
        int64_t off = 0, rem = k;
        for (int64_t d = 0; d < rank; ++d) {
          off += (rem / outS[d]) * inS[perm[d]];
          rem %= outS[d];
        }
        r.copy(k, x, off);
      }
      return r;
    }
    if (opType == "Slice") {
      int64_t rank = x.shape.size();
      std::optional<SmallVector<int64_t>> starts, ends, axes, steps;
      if (op->getNumOperands() == 1) {
        starts = intsAttr("starts");
        ends = intsAttr("ends");
        axes = intsAttr("axes");
      } else {
        starts = ints(1);
        ends = ints(2);
        if (op->getNumOperands() > 3) {
          axes = ints(3);
          if (!axes)
            return std::nullopt;
        }
        if (op->getNumOperands() > 4) {
          steps = ints(4);
          if (!steps)
            return std::nullopt;
        }
      }
      if (!starts || !ends)
        return std::nullopt;
      SmallVector<int64_t> lo(rank, 0), step(rank, 1), count(x.shape);
      for (size_t k = 0; k < starts->size(); ++k) {
        int64_t a = axes ? (*axes)[k] : k;
        if (a < 0)
          a += rank;
        int64_t dim = x.shape[a], st = steps ? (*steps)[k] : 1;
        if (st == 0)
          return std::nullopt;
        int64_t s = (*starts)[k], e = (*ends)[k];
        if (s < 0)
          s += dim;
        if (e < 0)
          e += dim;
        if (st > 0) {
          s = std::clamp<int64_t>(s, 0, dim);
          e = std::clamp<int64_t>(e, 0, dim);
          count[a] = e > s ? (e - s + st - 1) / st : 0;
        } else {
          s = std::clamp<int64_t>(s, 0, dim - 1);
          e = std::clamp<int64_t>(e, -1, dim - 1);
          count[a] = s > e ? (s - e + (-st) - 1) / (-st) : 0;
        }
        lo[a] = s;
        step[a] = st;
      }
      Tensor r;
      r.elem = x.elem;
      r.shape = count;
      r.resize(r.size());
      auto inS = stridesOf(x.shape), outS = stridesOf(count);
      for (int64_t k = 0; k < r.size(); ++k) {
        int64_t off = 0, rem = k;
        for (int64_t d = 0; d < rank; ++d) {
          off += (lo[d] + (rem / outS[d]) * step[d]) * inS[d];
          rem %= outS[d];
        }
        r.copy(k, x, off);
      }
      return r;
    }
    if (opType == "Range") {
      if (!has(1) || !has(2))
        return std::nullopt;
      double s = x.get(0), e = in[1]->get(0), d = in[2]->get(0);
      if (d == 0)
        return std::nullopt;
      double count = std::ceil((e - s) / d);
      if (!(count <= (double)limit)) // also NaN
        return std::nullopt;
      int64_t n = std::max<int64_t>(0, (int64_t)count);
      Tensor r;
      r.elem = x.elem;
      r.shape = {n};
      r.resize(n);
      for (int64_t k = 0; k < n; ++k)
        r.set(k, s + k * d);
      return r;
    }
    return elementwise();
  }
};

/// The value of an initializer or of a Constant node's tensor `value`.
static ElementsAttr constantValue(Value v) {
  Operation *def = v.getDefiningOp();
  if (!def)
    return {};
  if (auto init = dyn_cast<InitializerOp>(def))
    return init.getValue();
  StringRef name = def->getName().getStringRef();
  std::optional<StringRef> type = lookupONNXOpType(name);
  if (type && *type == "Constant")
    return def->getAttrOfType<ElementsAttr>(getODSAttrName(name, "value"));
  return {};
}

struct ONNXFoldConstantsPass
    : ONNX::impl::ONNXFoldConstantsBase<ONNXFoldConstantsPass> {
  using Base::Base;

  void runOnOperation() override {
    unsigned counter = 0;
    llvm::StringSet<> names;
    getOperation().walk([&](InitializerOp i) { names.insert(i.getName()); });
    bool changed = true;
    while (changed) {
      changed = false;
      getOperation().walk([&](Operation *op) {
        if (op->getNumResults() != 1 || op->getNumRegions() != 0)
          return;
        auto opType = lookupONNXOpType(op->getName().getStringRef());
        static const llvm::StringSet<> foldable = {
            "Shape",    "Size",        "ConstantOfShape",
            "Identity", "Cast",        "Unsqueeze",
            "Squeeze",  "Reshape",     "Concat",
            "Gather",   "Transpose",   "Slice",
            "Range",    "Add",         "Sub",
            "Mul",      "Div",         "Max",
            "Min",      "Equal",       "Less",
            "Greater",  "LessOrEqual", "GreaterOrEqual",
            "And",      "Or",          "Xor",
            "Not",      "Neg",         "Abs",
            "Sqrt",     "Floor",       "Ceil",
            "Where"};
        if (!opType || !foldable.contains(*opType))
          return;
        // Only nodes whose inputs are all initializers (or that read
        // static shapes) can fold.
        if (*opType != "Shape" && *opType != "Size" &&
            llvm::any_of(op->getOperands(),
                         [](Value v) { return !constantValue(v); }))
          return;
        Folder f{op, *opType, {}, sizeLimit};
        for (Value v : op->getOperands()) {
          std::optional<Tensor> t;
          if (ElementsAttr c = constantValue(v))
            t = readElements(c, sizeLimit);
          f.in.push_back(t);
        }
        std::optional<Tensor> r = f.eval();
        if (r && r->size() > sizeLimit) {
          LLVM_DEBUG(llvm::dbgs()
                     << "not folding " << *opType << " at " << op->getLoc()
                     << ": " << r->size() << " elements > size-limit\n");
          ++numOverLimit;
        }
        if (!r || r->size() > sizeLimit)
          return;
        DenseElementsAttr value = toAttr(*r);
        Value old = op->getResult(0);
        bool typeChanges = value.getType() != old.getType();
        if (typeChanges && llvm::any_of(old.getUsers(), [](Operation *u) {
              return u->hasTrait<OpTrait::IsTerminator>();
            }))
          return;
        OpBuilder b(op);
        std::string name;
        do
          name = "_folded_" + std::to_string(counter++);
        while (names.contains(name));
        names.insert(name);
        auto init = InitializerOp::create(b, op->getLoc(), value.getType(),
                                          b.getStringAttr(name), value);
        old.replaceAllUsesWith(init.getResult());
        op->erase();
        ++numFolded;
        changed = true;
      });
    }
  }
};

} // namespace
