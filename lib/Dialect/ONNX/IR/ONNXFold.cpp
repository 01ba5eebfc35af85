//===- ONNXFold.cpp - folders and canonicalizations of onnx ops -----------===//
//
// The value of an ONNX node whose inputs are constants (or whose result only
// depends on static shapes), computed on the host: each folded op has a
// `fold()` here, used by MLIR's folder (canonicalize, createOrFold) and by
// `onnx-fold-constants`, which passes initializers as constant operands.
// Arithmetic is done in double precision and rounded once to the result type.
// No fold materializes more than `kFoldSizeLimit` elements.
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Dialect/ONNX/IR/DataType.h"
#include "torch-onnx/Dialect/ONNX/IR/ONNXDialect.h"
#include "torch-onnx/Support/Axis.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"

#include "llvm/Support/MathExtras.h"

#include <cmath>
#include <limits>

using namespace mlir;
using mlir::torch_onnx::normalizeAxis;
using mlir::torch_onnx::wrapAxis;
using namespace mlir::ONNX;

namespace {

/// A small host tensor: floats as double, integers and bools as int64.
struct HostTensor {
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
  void copy(int64_t k, const HostTensor &src, int64_t from) {
    if (isFloat())
      f[k] = src.f[from];
    else
      i[k] = src.i[from];
  }
  SmallVector<int64_t> ints() const {
    SmallVector<int64_t> r;
    for (int64_t k = 0; k < size(); ++k)
      r.push_back(getInt(k));
    return r;
  }
};

using MaybeTensor = std::optional<HostTensor>;

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

int64_t readBlobInt(const char *p, unsigned bytes, bool isUnsigned) {
  switch (bytes) {
  case 1:
    return isUnsigned ? (int64_t)(uint8_t)*p : (int64_t)(int8_t)*p;
  case 2: {
    int16_t x;
    memcpy(&x, p, 2);
    return isUnsigned ? int64_t(uint16_t(x)) : int64_t(x);
  }
  case 4: {
    int32_t x;
    memcpy(&x, p, 4);
    // (Both arms as int64_t: a common type of uint32_t would read negative
    // int32 values as large positive ones.)
    return isUnsigned ? int64_t(uint32_t(x)) : int64_t(x);
  }
  default: {
    int64_t v;
    memcpy(&v, p, 8);
    return v;
  }
  }
}

/// The elements of a dense or resource-backed constant, if it is static,
/// of a supported element type and at most `limit` elements.
MaybeTensor readElements(Attribute attr, int64_t limit = kFoldSizeLimit) {
  auto elements = dyn_cast_or_null<ElementsAttr>(attr);
  if (!elements)
    return std::nullopt;
  auto type = dyn_cast<RankedTensorType>(elements.getType());
  if (!type || !type.hasStaticShape() || type.getNumElements() > limit ||
      !supportedElem(type.getElementType()))
    return std::nullopt;
  HostTensor t;
  t.shape.assign(type.getShape().begin(), type.getShape().end());
  t.elem = type.getElementType();
  int64_t n = type.getNumElements();
  t.resize(n);
  bool isUnsigned = !t.isFloat() && (cast<IntegerType>(t.elem).isUnsigned() ||
                                     t.elem.isInteger(1));
  if (auto dense = dyn_cast<DenseElementsAttr>(elements)) {
    int64_t k = 0;
    if (t.isFloat()) {
      for (APFloat v : dense.getValues<APFloat>()) {
        bool lost;
        v.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven, &lost);
        t.f[k++] = v.convertToDouble();
      }
    } else {
      for (APInt v : dense.getValues<APInt>())
        t.i[k++] = isUnsigned ? (int64_t)v.getZExtValue() : v.getSExtValue();
    }
    return t;
  }
  auto res = dyn_cast<DenseResourceElementsAttr>(elements);
  if (!res || !res.getRawHandle().getBlob())
    return std::nullopt;
  ArrayRef<char> data = res.getRawHandle().getBlob()->getData();
  unsigned bytes = t.elem.isInteger(1) ? 1 : t.elem.getIntOrFloatBitWidth() / 8;
  if ((int64_t)data.size() < n * bytes)
    return std::nullopt;
  if (t.isFloat() && !t.elem.isF32() && !t.elem.isF64())
    return std::nullopt; // f16/bf16 blobs: not folded
  for (int64_t k = 0; k < n; ++k) {
    const char *p = data.data() + k * bytes;
    if (t.elem.isF32()) {
      float v;
      memcpy(&v, p, 4);
      t.f[k] = v;
    } else if (t.elem.isF64()) {
      memcpy(&t.f[k], p, 8);
    } else {
      t.i[k] = readBlobInt(p, bytes, isUnsigned);
    }
  }
  return t;
}

/// The tensor as an attribute, or null when there is none or it is over the
/// fold size limit.
Attribute toAttr(const MaybeTensor &maybe) {
  if (!maybe || maybe->size() > kFoldSizeLimit)
    return {};
  const HostTensor &t = *maybe;
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

Type elemOf(Value v) {
  if (auto s = dyn_cast<ShapedType>(v.getType()))
    return s.getElementType();
  return {};
}

MaybeTensor reshaped(const HostTensor &x, ArrayRef<int64_t> shape) {
  HostTensor r = x;
  r.shape.assign(shape.begin(), shape.end());
  if (r.size() != x.size())
    return std::nullopt;
  return r;
}

/// Elementwise evaluation with multidirectional (numpy) broadcasting.
/// `fn` gets one value per input and returns the result or nullopt (no
/// fold). The result has element type `elem`, which must be the op's.
using ElementFn = function_ref<std::optional<double>(ArrayRef<double>)>;
Attribute elementwise(Operation *op, ArrayRef<Attribute> operands, Type elem,
                      ElementFn fn) {
  SmallVector<HostTensor> in;
  for (Attribute a : operands) {
    MaybeTensor t = readElements(a);
    if (!t)
      return {};
    in.push_back(std::move(*t));
  }
  if (in.empty() || !elem || elem != elemOf(op->getResult(0)))
    return {};
  SmallVector<int64_t> shape;
  for (const HostTensor &t : in) {
    const auto &s = t.shape;
    if (s.size() > shape.size())
      shape.insert(shape.begin(), s.size() - shape.size(), 1);
    for (size_t d = 0; d < s.size(); ++d) {
      int64_t &o = shape[shape.size() - s.size() + d];
      if (o == 1)
        o = s[d];
      else if (s[d] != 1 && s[d] != o)
        return {};
    }
  }
  HostTensor r;
  r.shape = shape;
  r.elem = elem;
  int64_t total = r.size();
  if (total > kFoldSizeLimit)
    return {};
  r.resize(total);
  auto outStrides = stridesOf(shape);
  SmallVector<SmallVector<int64_t>> inStrides;
  for (const HostTensor &t : in) {
    auto st = stridesOf(t.shape);
    SmallVector<int64_t> full(shape.size(), 0);
    for (size_t d = 0; d < t.shape.size(); ++d)
      full[shape.size() - t.shape.size() + d] = t.shape[d] == 1 ? 0 : st[d];
    inStrides.push_back(full);
  }
  SmallVector<double> v(in.size());
  for (int64_t idx = 0; idx < total; ++idx) {
    for (size_t k = 0; k < in.size(); ++k) {
      int64_t off = 0, rem = idx;
      for (size_t d = 0; d < shape.size(); ++d) {
        off += (rem / outStrides[d]) * inStrides[k][d];
        rem %= outStrides[d];
      }
      v[k] = in[k].get(off);
    }
    std::optional<double> out = fn(v);
    if (!out)
      return {};
    r.set(idx, *out);
  }
  return toAttr(r);
}

/// Same-type arithmetic on all inputs (`T` -> `T`).
Attribute arith(Operation *op, ArrayRef<Attribute> operands, ElementFn fn) {
  return elementwise(op, operands, elemOf(op->getOperand(0)), fn);
}

/// Same-type math of one input.
Attribute unaryMath(Operation *op, ArrayRef<Attribute> operands,
                    double (*fn)(double)) {
  return arith(op, operands, [&](ArrayRef<double> v) -> std::optional<double> {
    return fn(v[0]);
  });
}

/// Same-type math of two inputs.
Attribute binaryMath(Operation *op, ArrayRef<Attribute> operands,
                     double (*fn)(double, double)) {
  return arith(op, operands, [&](ArrayRef<double> v) -> std::optional<double> {
    return fn(v[0], v[1]);
  });
}

/// A comparison or logical op (-> bool).
Attribute predicate(Operation *op, ArrayRef<Attribute> operands,
                    function_ref<bool(double, double)> fn) {
  return elementwise(op, operands, IntegerType::get(op->getContext(), 1),
                     [&](ArrayRef<double> v) -> std::optional<double> {
                       return fn(v[0], v.size() > 1 ? v[1] : 0);
                     });
}

bool isFloatValue(Value v) { return isa_and_nonnull<FloatType>(elemOf(v)); }

std::optional<SmallVector<int64_t>> intArray(ArrayAttr a) {
  if (!a)
    return std::nullopt;
  SmallVector<int64_t> r;
  for (Attribute x : a)
    r.push_back(cast<IntegerAttr>(x).getInt());
  return r;
}

std::optional<SmallVector<int64_t>> intTensor(Attribute a) {
  MaybeTensor t = readElements(a);
  if (!t || t->isFloat())
    return std::nullopt;
  return t->ints();
}

//===----------------------------------------------------------------------===//
// Shape and data movement
//===----------------------------------------------------------------------===//

Attribute foldShape(Value data, int64_t start, std::optional<int64_t> end) {
  auto t = dyn_cast<RankedTensorType>(data.getType());
  if (!t || !t.hasStaticShape())
    return {};
  int64_t rank = t.getRank();
  int64_t e = end.value_or(rank);
  start = wrapAxis(start, rank);
  e = wrapAxis(e, rank);
  start = std::clamp<int64_t>(start, 0, rank);
  e = std::clamp<int64_t>(e, 0, rank);
  SmallVector<int64_t> dims;
  for (int64_t d = start; d < e; ++d)
    dims.push_back(t.getDimSize(d));
  auto type = RankedTensorType::get({(int64_t)dims.size()},
                                    IntegerType::get(data.getContext(), 64));
  return DenseElementsAttr::get(type, ArrayRef<int64_t>(dims));
}

Attribute foldUnsqueeze(Attribute data,
                        std::optional<SmallVector<int64_t>> axes) {
  MaybeTensor x = readElements(data);
  if (!x || !axes)
    return {};
  int64_t outRank = x->shape.size() + axes->size();
  SmallVector<bool> isNew(outRank, false);
  for (int64_t a : *axes) {
    auto n = normalizeAxis(a, outRank);
    if (!n || isNew[*n])
      return {};
    isNew[*n] = true;
  }
  SmallVector<int64_t> shape;
  for (int64_t d = 0, k = 0; d < outRank; ++d)
    shape.push_back(isNew[d] ? 1 : x->shape[k++]);
  return toAttr(reshaped(*x, shape));
}

/// Squeeze of `axes` (all unit dims when absent).
Attribute foldSqueeze(Attribute data,
                      std::optional<SmallVector<int64_t>> axes) {
  MaybeTensor x = readElements(data);
  if (!x)
    return {};
  int64_t rank = x->shape.size();
  SmallVector<bool> drop(rank, false);
  if (axes) {
    for (int64_t a : *axes) {
      auto n = normalizeAxis(a, rank);
      if (!n || x->shape[*n] != 1)
        return {};
      drop[*n] = true;
    }
  }
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < rank; ++d)
    if (!(axes ? drop[d] : x->shape[d] == 1))
      shape.push_back(x->shape[d]);
  return toAttr(reshaped(*x, shape));
}

OpFoldResult foldReshape(Operation *op, Attribute data, Attribute target,
                         bool allowZero) {
  Value in = op->getOperand(0), out = op->getResult(0);
  auto inType = dyn_cast<RankedTensorType>(in.getType());
  if (inType && inType.hasStaticShape() && inType == out.getType())
    return in;
  MaybeTensor x = readElements(data);
  auto shape = intTensor(target);
  if (!x || !shape)
    return {};
  int64_t known = 1, infer = -1;
  for (size_t d = 0; d < shape->size(); ++d) {
    int64_t &s = (*shape)[d];
    if (s == 0 && !allowZero && d < x->shape.size())
      s = x->shape[d];
    if (s == -1) {
      if (infer >= 0)
        return {};
      infer = d;
    } else if (s < 0) {
      return {};
    } else {
      known *= s;
    }
  }
  if (infer >= 0) {
    if (known == 0)
      return {};
    (*shape)[infer] = x->size() / known;
  }
  return toAttr(reshaped(*x, *shape));
}

Attribute foldSlice(Attribute data, std::optional<SmallVector<int64_t>> starts,
                    std::optional<SmallVector<int64_t>> ends,
                    std::optional<SmallVector<int64_t>> axes,
                    std::optional<SmallVector<int64_t>> steps) {
  MaybeTensor x = readElements(data);
  if (!x || !starts || !ends || starts->size() != ends->size() ||
      (axes && axes->size() != starts->size()) ||
      (steps && steps->size() != starts->size()))
    return {};
  int64_t rank = x->shape.size();
  SmallVector<int64_t> lo(rank, 0), step(rank, 1), count(x->shape);
  for (size_t k = 0; k < starts->size(); ++k) {
    auto na = normalizeAxis(axes ? (*axes)[k] : k, rank);
    if (!na)
      return {};
    int64_t a = *na;
    int64_t dim = x->shape[a], st = steps ? (*steps)[k] : 1;
    if (st == 0)
      return {};
    int64_t s = (*starts)[k], e = (*ends)[k];
    s = wrapAxis(s, dim);
    e = wrapAxis(e, dim);
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
  HostTensor r;
  r.elem = x->elem;
  r.shape = count;
  r.resize(r.size());
  auto inS = stridesOf(x->shape), outS = stridesOf(count);
  for (int64_t k = 0; k < r.size(); ++k) {
    int64_t off = 0, rem = k;
    for (int64_t d = 0; d < rank; ++d) {
      off += (lo[d] + (rem / outS[d]) * step[d]) * inS[d];
      rem %= outS[d];
    }
    r.copy(k, *x, off);
  }
  return toAttr(r);
}

/// An ElementsAttr as a tensor of `type` if its element type and shape match
/// (a fold result must have the op's type, up to a refinement of its shape).
bool fitsResult(Attribute a, Value result) {
  auto elements = dyn_cast_or_null<ElementsAttr>(a);
  auto type = dyn_cast<ShapedType>(result.getType());
  if (!elements || !type ||
      elements.getShapedType().getElementType() != type.getElementType())
    return false;
  if (!type.hasRank())
    return true;
  ArrayRef<int64_t> want = type.getShape(),
                    have = elements.getShapedType().getShape();
  if (want.size() != have.size())
    return false;
  for (auto [w, h] : llvm::zip(want, have))
    if (!ShapedType::isDynamic(w) && w != h)
      return false;
  return true;
}

} // namespace

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

OpFoldResult ConstantOp::fold(FoldAdaptor) {
  if (ElementsAttr v = getValue_Attr())
    return v;
  MLIRContext *ctx = getContext();
  Type f32 = Float32Type::get(ctx), i64 = IntegerType::get(ctx, 64);
  if (std::optional<APFloat> v = getValueFloat())
    return DenseElementsAttr::get(RankedTensorType::get({}, f32), *v);
  if (ArrayAttr vs = getValueFloatsAttr()) {
    SmallVector<APFloat> vals;
    for (Attribute x : vs)
      vals.push_back(cast<FloatAttr>(x).getValue());
    return DenseElementsAttr::get(
        RankedTensorType::get({(int64_t)vals.size()}, f32), vals);
  }
  if (std::optional<uint64_t> v = getValueInt())
    return DenseElementsAttr::get(RankedTensorType::get({}, i64),
                                  ArrayRef<int64_t>{(int64_t)*v});
  if (auto vs = intArray(getValueIntsAttr()))
    return DenseElementsAttr::get(
        RankedTensorType::get({(int64_t)vs->size()}, i64),
        ArrayRef<int64_t>(*vs));
  return {};
}

OpFoldResult ConstantV11Op::fold(FoldAdaptor) { return getValue_Attr(); }
OpFoldResult ConstantV1Op::fold(FoldAdaptor) { return getValue_Attr(); }

OpFoldResult ConstantOfShapeOp::fold(FoldAdaptor adaptor) {
  auto shape = intTensor(adaptor.getInput());
  if (!shape)
    return {};
  HostTensor r;
  r.shape = *shape;
  if (r.size() > kFoldSizeLimit)
    return {};
  MaybeTensor v;
  if (ElementsAttr a = getValue_Attr()) {
    v = readElements(a, 1);
    if (!v)
      return {};
  }
  r.elem = v ? v->elem : Float32Type::get(getContext());
  if (r.elem != elemOf(getOutput()))
    return {};
  r.resize(r.size());
  if (v)
    for (int64_t k = 0; k < r.size(); ++k)
      r.set(k, v->get(0));
  return toAttr(r);
}

//===----------------------------------------------------------------------===//
// Shapes, casts, data movement
//===----------------------------------------------------------------------===//

OpFoldResult ShapeOp::fold(FoldAdaptor) {
  std::optional<int64_t> end;
  if (std::optional<uint64_t> e = getEnd())
    end = (int64_t)*e;
  return foldShape(getData(), (int64_t)getStart(), end);
}

OpFoldResult ShapeV1Op::fold(FoldAdaptor) {
  return foldShape(getData(), 0, std::nullopt);
}

OpFoldResult SizeOp::fold(FoldAdaptor) {
  auto t = dyn_cast<RankedTensorType>(getData().getType());
  if (!t || !t.hasStaticShape())
    return {};
  auto type = RankedTensorType::get({}, IntegerType::get(getContext(), 64));
  return DenseElementsAttr::get(type, ArrayRef<int64_t>{t.getNumElements()});
}

OpFoldResult IdentityOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getOutput().getType())
    return getInput();
  if (fitsResult(adaptor.getInput(), getOutput()))
    return adaptor.getInput();
  return {};
}

OpFoldResult CastOp::fold(FoldAdaptor adaptor) {
  // Only a cast whose `to` names its result's element type folds (a bad
  // `to` is reported by the checks of whoever reads the graph).
  Type to = elemOf(getOutput());
  if (!to || getElementType(getContext(), (int64_t)getTo()) != to)
    return {};
  if (getInput().getType() == getOutput().getType())
    return getInput();
  MaybeTensor x = readElements(adaptor.getInput());
  if (!x || !to || !supportedElem(to))
    return {};
  HostTensor r;
  r.shape = x->shape;
  r.elem = to;
  r.resize(x->size());
  for (int64_t k = 0; k < x->size(); ++k) {
    double v = x->get(k);
    if (to.isInteger(1))
      v = v != 0;
    else if (!r.isFloat())
      v = std::trunc(v);
    r.set(k, v);
  }
  return toAttr(r);
}

OpFoldResult UnsqueezeOp::fold(FoldAdaptor adaptor) {
  return foldUnsqueeze(adaptor.getData(), intTensor(adaptor.getAxes()));
}

OpFoldResult UnsqueezeV1Op::fold(FoldAdaptor adaptor) {
  return foldUnsqueeze(adaptor.getData(), intArray(getAxesAttr()));
}

OpFoldResult SqueezeOp::fold(FoldAdaptor adaptor) {
  std::optional<SmallVector<int64_t>> axes;
  if (getAxes()) {
    axes = intTensor(adaptor.getAxes());
    if (!axes)
      return {};
  }
  return foldSqueeze(adaptor.getData(), axes);
}

OpFoldResult SqueezeV1Op::fold(FoldAdaptor adaptor) {
  return foldSqueeze(adaptor.getData(), intArray(getAxesAttr()));
}

OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) {
  return foldReshape(*this, adaptor.getData(), adaptor.getShape(),
                     getAllowzero() != 0);
}

OpFoldResult ReshapeV5Op::fold(FoldAdaptor adaptor) {
  return foldReshape(*this, adaptor.getData(), adaptor.getShape(), false);
}

OpFoldResult ConcatOp::fold(FoldAdaptor adaptor) {
  SmallVector<HostTensor> in;
  for (Attribute a : adaptor.getInputs()) {
    MaybeTensor t = readElements(a);
    if (!t)
      return {};
    in.push_back(std::move(*t));
  }
  if (in.empty())
    return {};
  int64_t rank = in[0].shape.size();
  auto na = normalizeAxis(getAxis(), rank);
  if (!na)
    return {};
  int64_t axis = *na;
  HostTensor r;
  r.elem = in[0].elem;
  r.shape = in[0].shape;
  r.shape[axis] = 0;
  for (const HostTensor &t : in) {
    if (t.shape.size() != (size_t)rank || t.elem != r.elem)
      return {};
    r.shape[axis] += t.shape[axis];
  }
  if (r.size() > kFoldSizeLimit)
    return {};
  r.resize(r.size());
  int64_t outer = 1;
  for (int64_t d = 0; d < axis; ++d)
    outer *= r.shape[d];
  int64_t pos = 0;
  for (int64_t o = 0; o < outer; ++o)
    for (const HostTensor &t : in) {
      int64_t chunk = t.size() / std::max<int64_t>(outer, 1);
      for (int64_t j = 0; j < chunk; ++j)
        r.copy(pos++, t, o * chunk + j);
    }
  return toAttr(r);
}

OpFoldResult GatherOp::fold(FoldAdaptor adaptor) {
  MaybeTensor x = readElements(adaptor.getData());
  MaybeTensor idx = readElements(adaptor.getIndices());
  if (!x || !idx || idx->isFloat())
    return {};
  int64_t rank = x->shape.size();
  auto na = normalizeAxis(getAxis(), rank);
  if (!na)
    return {};
  int64_t axis = *na;
  HostTensor r;
  r.elem = x->elem;
  r.shape.assign(x->shape.begin(), x->shape.begin() + axis);
  r.shape.append(idx->shape.begin(), idx->shape.end());
  r.shape.append(x->shape.begin() + axis + 1, x->shape.end());
  if (r.size() > kFoldSizeLimit)
    return {};
  r.resize(r.size());
  int64_t outer = 1, inner = 1, n = x->shape[axis];
  for (int64_t d = 0; d < axis; ++d)
    outer *= x->shape[d];
  for (int64_t d = axis + 1; d < rank; ++d)
    inner *= x->shape[d];
  int64_t pos = 0;
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t j = 0; j < idx->size(); ++j) {
      auto g = normalizeAxis(idx->getInt(j), n);
      if (!g)
        return {};
      for (int64_t q = 0; q < inner; ++q)
        r.copy(pos++, *x, (o * n + *g) * inner + q);
    }
  return toAttr(r);
}

/// The permutation of a Transpose (reversed dims when `perm` is absent).
static std::optional<SmallVector<int64_t>> transposePerm(TransposeOp op,
                                                         int64_t rank) {
  if (auto p = intArray(op.getPermAttr()))
    return p;
  SmallVector<int64_t> perm;
  for (int64_t d = rank - 1; d >= 0; --d)
    perm.push_back(d);
  return perm;
}

OpFoldResult TransposeOp::fold(FoldAdaptor adaptor) {
  auto inType = dyn_cast<RankedTensorType>(getData().getType());
  if (inType && inType == getTransposed().getType()) {
    auto perm = transposePerm(*this, inType.getRank());
    if (perm && llvm::equal(*perm, llvm::seq<int64_t>(0, inType.getRank())))
      return getData();
  }
  MaybeTensor x = readElements(adaptor.getData());
  if (!x)
    return {};
  int64_t rank = x->shape.size();
  auto perm = transposePerm(*this, rank);
  if (!perm || (int64_t)perm->size() != rank)
    return {};
  HostTensor r;
  r.elem = x->elem;
  for (int64_t p : *perm) {
    if (p < 0 || p >= rank)
      return {};
    r.shape.push_back(x->shape[p]);
  }
  r.resize(x->size());
  auto inS = stridesOf(x->shape), outS = stridesOf(r.shape);
  for (int64_t k = 0; k < x->size(); ++k) {
    int64_t off = 0, rem = k;
    for (int64_t d = 0; d < rank; ++d) {
      off += (rem / outS[d]) * inS[(*perm)[d]];
      rem %= outS[d];
    }
    r.copy(k, *x, off);
  }
  return toAttr(r);
}

OpFoldResult SliceOp::fold(FoldAdaptor adaptor) {
  std::optional<SmallVector<int64_t>> axes, steps;
  if (getAxes() && !(axes = intTensor(adaptor.getAxes())))
    return {};
  if (getSteps() && !(steps = intTensor(adaptor.getSteps())))
    return {};
  return foldSlice(adaptor.getData(), intTensor(adaptor.getStarts()),
                   intTensor(adaptor.getEnds()), axes, steps);
}

OpFoldResult SliceV1Op::fold(FoldAdaptor adaptor) {
  return foldSlice(adaptor.getData(), intArray(getStartsAttr()),
                   intArray(getEndsAttr()), intArray(getAxesAttr()),
                   std::nullopt);
}

OpFoldResult RangeOp::fold(FoldAdaptor adaptor) {
  MaybeTensor s = readElements(adaptor.getStart()),
              e = readElements(adaptor.getLimit()),
              d = readElements(adaptor.getDelta());
  if (!s || !e || !d || s->size() != 1 || e->size() != 1 || d->size() != 1)
    return {};
  double start = s->get(0), limit = e->get(0), delta = d->get(0);
  if (delta == 0)
    return {};
  double count = std::ceil((limit - start) / delta);
  if (!(count <= (double)kFoldSizeLimit)) // also NaN
    return {};
  int64_t n = std::max<int64_t>(0, (int64_t)count);
  HostTensor r;
  r.elem = s->elem;
  r.shape = {n};
  r.resize(n);
  for (int64_t k = 0; k < n; ++k)
    r.set(k, start + k * delta);
  return toAttr(r);
}

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

OpFoldResult AddOp::fold(FoldAdaptor a) {
  return binaryMath(*this, a.getOperands(),
                    [](double x, double y) { return x + y; });
}

OpFoldResult SubOp::fold(FoldAdaptor a) {
  return binaryMath(*this, a.getOperands(),
                    [](double x, double y) { return x - y; });
}

OpFoldResult MulOp::fold(FoldAdaptor a) {
  // x * 1 is x (exactly, for every x) when the one does not broadcast x.
  if (getA().getType() == getC().getType())
    if (auto one = dyn_cast_or_null<SplatElementsAttr>(a.getB())) {
      Type e = one.getElementType();
      if ((isa<FloatType>(e) &&
           one.getSplatValue<APFloat>().isExactlyValue(1.0)) ||
          (isa<IntegerType>(e) && e.getIntOrFloatBitWidth() > 1 &&
           one.getSplatValue<APInt>().isOne()))
        if (auto t = dyn_cast<RankedTensorType>(getA().getType());
            t && t.getRank() >= one.getType().getRank())
          return getA();
    }
  return arith(
      *this, a.getOperands(),
      [](ArrayRef<double> v) -> std::optional<double> { return v[0] * v[1]; });
}

OpFoldResult DivOp::fold(FoldAdaptor a) {
  bool fl = isFloatValue(getA());
  return arith(*this, a.getOperands(),
               [&](ArrayRef<double> v) -> std::optional<double> {
                 if (fl)
                   return v[0] / v[1];
                 if (v[1] == 0)
                   return std::nullopt;
                 return (double)((int64_t)v[0] / (int64_t)v[1]);
               });
}

OpFoldResult MaxOp::fold(FoldAdaptor a) {
  return arith(*this, a.getOperands(),
               [](ArrayRef<double> v) -> std::optional<double> {
                 return *llvm::max_element(v);
               });
}

OpFoldResult MinOp::fold(FoldAdaptor a) {
  return arith(*this, a.getOperands(),
               [](ArrayRef<double> v) -> std::optional<double> {
                 return *llvm::min_element(v);
               });
}

OpFoldResult EqualOp::fold(FoldAdaptor a) {
  return predicate(*this, a.getOperands(),
                   [](double x, double y) { return x == y; });
}

OpFoldResult LessOp::fold(FoldAdaptor a) {
  return predicate(*this, a.getOperands(),
                   [](double x, double y) { return x < y; });
}

OpFoldResult GreaterOp::fold(FoldAdaptor a) {
  return predicate(*this, a.getOperands(),
                   [](double x, double y) { return x > y; });
}

OpFoldResult LessOrEqualOp::fold(FoldAdaptor a) {
  return predicate(*this, a.getOperands(),
                   [](double x, double y) { return x <= y; });
}

OpFoldResult GreaterOrEqualOp::fold(FoldAdaptor a) {
  return predicate(*this, a.getOperands(),
                   [](double x, double y) { return x >= y; });
}

OpFoldResult AndOp::fold(FoldAdaptor a) {
  return predicate(*this, a.getOperands(),
                   [](double x, double y) { return x != 0 && y != 0; });
}

OpFoldResult OrOp::fold(FoldAdaptor a) {
  return predicate(*this, a.getOperands(),
                   [](double x, double y) { return x != 0 || y != 0; });
}

OpFoldResult XorOp::fold(FoldAdaptor a) {
  return predicate(*this, a.getOperands(),
                   [](double x, double y) { return (x != 0) != (y != 0); });
}

OpFoldResult NotOp::fold(FoldAdaptor a) {
  return predicate(*this, a.getOperands(),
                   [](double x, double) { return x == 0; });
}

OpFoldResult NegOp::fold(FoldAdaptor a) {
  return unaryMath(*this, a.getOperands(), [](double x) { return -x; });
}

OpFoldResult AbsOp::fold(FoldAdaptor a) {
  return unaryMath(*this, a.getOperands(),
                   [](double x) { return std::fabs(x); });
}

OpFoldResult SqrtOp::fold(FoldAdaptor a) {
  return unaryMath(*this, a.getOperands(),
                   [](double x) { return std::sqrt(x); });
}

OpFoldResult FloorOp::fold(FoldAdaptor a) {
  return unaryMath(*this, a.getOperands(),
                   [](double x) { return std::floor(x); });
}

OpFoldResult CeilOp::fold(FoldAdaptor a) {
  return unaryMath(*this, a.getOperands(),
                   [](double x) { return std::ceil(x); });
}

OpFoldResult WhereOp::fold(FoldAdaptor a) {
  return elementwise(*this, a.getOperands(), elemOf(getX()),
                     [](ArrayRef<double> v) -> std::optional<double> {
                       return v[0] != 0 ? v[1] : v[2];
                     });
}

//===----------------------------------------------------------------------===//
// Canonicalization patterns (DRR, ONNXCanonicalize.td)
//===----------------------------------------------------------------------===//

namespace {

/// True when `shape` (Reshape's target) is a constant whose entries do not
/// refer to the input's dims: no 0 that copies one (unless `allowzero`).
bool isSelfContainedShape(Value shape, IntegerAttr allowZero) {
  Attribute a;
  if (auto init = shape.getDefiningOp<InitializerOp>())
    a = init.getValue();
  else if (!matchPattern(shape, m_Constant(&a)))
    return false;
  auto target = intTensor(a);
  if (!target)
    return false;
  return (allowZero && allowZero.getInt() != 0) ||
         !llvm::is_contained(*target, 0);
}

/// The perm attribute of Transpose(Transpose(x, inner), outer).
ArrayAttr composePerms(Builder &b, Value x, ArrayAttr inner, ArrayAttr outer) {
  int64_t rank = cast<RankedTensorType>(x.getType()).getRank();
  auto full = [&](ArrayAttr p) {
    if (auto v = intArray(p))
      return *v;
    return llvm::to_vector(llvm::reverse(llvm::seq<int64_t>(0, rank)));
  };
  SmallVector<int64_t> in = full(inner), out = full(outer), composed;
  for (int64_t d : out)
    composed.push_back(in[d]);
  return b.getI64ArrayAttr(composed);
}

bool isValidPermPair(Value x, ArrayAttr inner, ArrayAttr outer) {
  auto t = dyn_cast<RankedTensorType>(x.getType());
  if (!t)
    return false;
  auto valid = [&](ArrayAttr p) {
    auto v = intArray(p);
    if (!v)
      return true;
    if ((int64_t)v->size() != t.getRank())
      return false;
    SmallVector<int64_t> sorted(*v);
    llvm::sort(sorted);
    return llvm::equal(sorted, llvm::seq<int64_t>(0, t.getRank()));
  };
  return valid(inner) && valid(outer);
}

#include "ONNXCanonicalize.inc"

} // namespace

void NegOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                        MLIRContext *context) {
  results.add<NegOfNeg>(context);
}

void NotOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                        MLIRContext *context) {
  results.add<NotOfNot>(context);
}

void TransposeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                              MLIRContext *context) {
  results.add<TransposeOfTranspose>(context);
}

void ReshapeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                            MLIRContext *context) {
  results.add<ReshapeOfReshape>(context);
}

void ReshapeV5Op::getCanonicalizationPatterns(RewritePatternSet &results,
                                              MLIRContext *context) {
  results.add<ReshapeV5OfReshapeV5>(context);
}
