//===- RefineTypes.cpp - size and dtype inference on the torch dialect ----===//
//
// A forward dataflow over each function: every tensor-producing op whose
// transfer function is known gets the most precise type derivable from its
// operands (joined with what it already declared). prim.If results join their
// branches; prim.Loop carried values are generalized until a fixpoint.
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Dialect/Torch/IR/GeneratedTorchOps.h"
#include "torch-onnx/Dialect/Torch/Transforms/Passes.h"
#include "torch-onnx/Dialect/Torch/Utils/Utils.h"
#include "torch-onnx/Support/Axis.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Debug.h"

#include <cmath>

namespace mlir::Torch {
#define GEN_PASS_DEF_TORCHREFINETYPES
#include "torch-onnx/Dialect/Torch/Transforms/Passes.h.inc"
} // namespace mlir::Torch

using namespace mlir;
using mlir::torch_onnx::normalizeAxis;
using mlir::torch_onnx::wrapAxis;
using namespace mlir::Torch;

namespace {

constexpr int64_t kUnknown = ValueTensorType::kUnknownSize;
#define DEBUG_TYPE "torch-refine-types"

using Sizes = SmallVector<int64_t>;

std::optional<TensorInfo> listElementInfo(Type t);

/// An int known before run time: a constant, or x.size(d) of a dim whose size
/// the type knows.
std::optional<int64_t> knownInt(Value v) {
  if (auto c = getConstantInt(v))
    return c;
  Operation *def = v.getDefiningOp();
  if (!def || def->getName().getStringRef() != "torch.aten.size.int")
    return std::nullopt;
  TensorInfo t = TensorInfo::of(def->getOperand(0).getType());
  auto d = getConstantInt(def->getOperand(1));
  if (!t.sizes || !d)
    return std::nullopt;
  auto dim = normalizeAxis(*d, t.sizes->size());
  if (!dim || (*t.sizes)[*dim] == ValueTensorType::kUnknownSize)
    return std::nullopt;
  return (*t.sizes)[*dim];
}

//===----------------------------------------------------------------------===//
// Lattice helpers
//===----------------------------------------------------------------------===//

/// The least precise type that both `a` and `b` refine (control-flow merge).
TensorInfo join(const TensorInfo &a, const TensorInfo &b) {
  TensorInfo r;
  if (a.dtype == b.dtype)
    r.dtype = a.dtype;
  if (a.sizes && b.sizes && a.sizes->size() == b.sizes->size()) {
    r.sizes = Sizes();
    for (auto [x, y] : llvm::zip(*a.sizes, *b.sizes))
      r.sizes->push_back(x == y ? x : kUnknown);
  }
  return r;
}

/// Combines two facts about the same value (both hold).
TensorInfo meet(const TensorInfo &a, const TensorInfo &b) {
  TensorInfo r;
  r.dtype = a.dtype ? a.dtype : b.dtype;
  if (a.sizes && b.sizes && a.sizes->size() == b.sizes->size()) {
    r.sizes = Sizes();
    for (auto [x, y] : llvm::zip(*a.sizes, *b.sizes))
      r.sizes->push_back(x != kUnknown ? x : y);
  } else {
    r.sizes = a.sizes ? a.sizes : b.sizes;
  }
  return r;
}

//===----------------------------------------------------------------------===//
// Dtype promotion (torch/csrc/jit/... result_type rules)
//===----------------------------------------------------------------------===//

int category(Type t) {
  if (!t)
    return -1;
  if (t.isInteger(1))
    return 0;
  if (isa<IntegerType>(t))
    return 1;
  return 2;
}

unsigned rankOf(Type t) {
  if (t.isInteger(1))
    return 0;
  if (auto i = dyn_cast<IntegerType>(t))
    return i.isUnsigned() ? 1 : i.getWidth() * 2;
  if (t.isBF16())
    return 30;
  return t.getIntOrFloatBitWidth() * 2 + 1;
}

Type promote(Type a, Type b) {
  if (!a || !b)
    return {};
  if (a == b)
    return a;
  if (category(a) != category(b))
    return category(a) > category(b) ? a : b;
  if ((a.isF16() && b.isBF16()) || (a.isBF16() && b.isF16()))
    return Float32Type::get(a.getContext());
  return rankOf(a) >= rankOf(b) ? a : b;
}

/// An operand of a binary op: a tensor (dimensioned or zero-dim) or a scalar.
struct Operand {
  Type dtype;
  int kind; // 0 scalar, 1 zero-dim tensor, 2 dimensioned (or unknown rank)
};

Operand describe(Value v) {
  MLIRContext *ctx = v.getContext();
  Type t = v.getType();
  if (isTorchTensorType(t)) {
    TensorInfo i = TensorInfo::of(t);
    return {i.dtype, i.sizes && i.sizes->empty() ? 1 : 2};
  }
  if (isa<IntType>(t))
    return {IntegerType::get(ctx, 64, IntegerType::Signed), 0};
  if (isa<Torch::FloatType>(t))
    return {Float64Type::get(ctx), 0};
  if (isa<BoolType>(t))
    return {IntegerType::get(ctx, 1), 0};
  return {Type(), 0};
}

/// torch.result_type over tensors and scalars; `dflt` is the default dtype
/// (what Python floats become).
Type resultType(ArrayRef<Value> operands, Type dflt) {
  SmallVector<Operand> ops;
  for (Value v : operands) {
    ops.push_back(describe(v));
    if (!ops.back().dtype)
      return {};
  }
  Type best[3];
  for (const Operand &o : ops)
    best[o.kind] = best[o.kind] ? promote(best[o.kind], o.dtype) : o.dtype;
  Type r = best[2];
  for (int k : {1, 0}) {
    if (!best[k])
      continue;
    if (!r) {
      r = best[k];
      if (k == 0 && isa<mlir::FloatType>(r)) // only scalars: float ->
        r = dflt;                            // the default dtype
      continue;
    }
    if (category(best[k]) > category(r)) {
      r = best[k];
      if (k == 0 && isa<mlir::FloatType>(r))
        r = dflt;
      else if (k == 0 && category(r) == 1)
        r = IntegerType::get(r.getContext(), 64, IntegerType::Signed);
    }
  }
  return r;
}

//===----------------------------------------------------------------------===//
// Shape helpers
//===----------------------------------------------------------------------===//

std::optional<Sizes> broadcast(ArrayRef<std::optional<Sizes>> shapes) {
  Sizes out;
  for (const auto &s : shapes) {
    if (!s)
      return std::nullopt;
    if (s->size() > out.size())
      out.insert(out.begin(), s->size() - out.size(), 1);
  }
  for (const auto &s : shapes) {
    size_t off = out.size() - s->size();
    for (size_t i = 0; i < s->size(); ++i) {
      int64_t d = (*s)[i], &o = out[off + i];
      if (d == 1)
        continue;
      if (o == 1)
        o = d;
      else if (o != d)
        o = (o == kUnknown || d == kUnknown) ? kUnknown : o;
    }
  }
  // A dim that is 1 in a known shape and unknown elsewhere is unknown.
  for (size_t i = 0; i < out.size(); ++i)
    for (const auto &s : shapes) {
      size_t off = out.size() - s->size();
      if (i >= off && (*s)[i - off] == kUnknown && out[i] == 1)
        out[i] = kUnknown;
    }
  return out;
}

int64_t convOut(int64_t in, int64_t k, int64_t s, int64_t p0, int64_t p1,
                int64_t d, bool ceil = false) {
  if (in == kUnknown || k == kUnknown)
    return kUnknown;
  int64_t num = in + p0 + p1 - d * (k - 1) - 1;
  int64_t out = (ceil ? (num + s - 1) / s : num / s) + 1;
  if (ceil && (out - 1) * s >= in + p0)
    --out;
  return out;
}

//===----------------------------------------------------------------------===//
// Transfer functions
//===----------------------------------------------------------------------===//

struct Inference {
  Operation *op;
  MLIRContext *ctx;
  /// The default dtype (torch.get_default_dtype() of the exporter).
  Type defaultDtype;

  TensorInfo in(unsigned i) const {
    return TensorInfo::of(op->getOperand(i).getType());
  }
  Type i1() const { return IntegerType::get(ctx, 1); }
  Type si64() const { return IntegerType::get(ctx, 64, IntegerType::Signed); }
  Type dflt() const { return defaultDtype; }
  Type resultType(ArrayRef<Value> vals) const {
    return ::resultType(vals, dflt());
  }

  TensorInfo same(unsigned i = 0) const { return in(i); }
  TensorInfo unknown() const { return {}; }

  TensorInfo elementwise(ArrayRef<unsigned> idx, Type dtype = {}) const {
    SmallVector<std::optional<Sizes>> shapes;
    SmallVector<Value> vals;
    for (unsigned i : idx) {
      Value v = op->getOperand(i);
      vals.push_back(v);
      if (isTorchTensorType(v.getType()))
        shapes.push_back(TensorInfo::of(v.getType()).sizes);
    }
    TensorInfo r;
    r.sizes = broadcast(shapes);
    r.dtype = dtype ? dtype : resultType(vals);
    return r;
  }

  /// Like elementwise but integer results become float (true division etc.).
  TensorInfo floating(ArrayRef<unsigned> idx) const {
    TensorInfo r = elementwise(idx);
    if (r.dtype && category(r.dtype) < 2)
      r.dtype = dflt();
    return r;
  }

  TensorInfo withDtypeArg(TensorInfo r, unsigned idx) const {
    if (idx >= op->getNumOperands())
      return r;
    Value v = op->getOperand(idx);
    if (auto code = getConstantInt(v))
      r.dtype = getTypeForScalarTypeCode(ctx, *code);
    else if (Operation *d = v.getDefiningOp();
             d && getOpKey(d) == "prim.dtype") // dtype=x.dtype
      if (Type t = TensorInfo::of(d->getOperand(0).getType()).dtype)
        r.dtype = t;
    return r;
  }

  TensorInfo reduce(std::optional<Sizes> dims, bool keep,
                    Type dtype = {}) const {
    TensorInfo a = in(0), r;
    r.dtype = dtype ? dtype : a.dtype;
    if (!a.sizes)
      return r;
    int64_t rank = a.sizes->size();
    if (!dims) { // all dims
      r.sizes = keep ? Sizes(rank, 1) : Sizes();
      return r;
    }
    SmallVector<bool> drop(rank, false);
    for (int64_t d : *dims) {
      auto n = normalizeAxis(d, rank);
      if (!n)
        return r;
      drop[*n] = true;
    }
    if (dims->empty())
      drop.assign(rank, true);
    r.sizes = Sizes();
    for (int64_t i = 0; i < rank; ++i)
      if (!drop[i])
        r.sizes->push_back((*a.sizes)[i]);
      else if (keep)
        r.sizes->push_back(1);
    return r;
  }

  TensorInfo conv(unsigned strideIdx, unsigned padIdx, unsigned dilIdx,
                  bool transposed = false) const {
    TensorInfo x = in(0), w = in(1), r;
    r.dtype = x.dtype;
    if (!x.sizes || !w.sizes || x.sizes->size() < 3 ||
        w.sizes->size() != x.sizes->size())
      return r;
    unsigned n = x.sizes->size() - 2;
    if (transposed) {
      // _convolution(.., transposed, output_padding, groups, ..): out =
      // (in - 1) * stride - 2 * pad + dilation * (k - 1) + output_padding
      // + 1; the weight is [Cin, Cout / groups, k...].
      if (op->getNumOperands() < 9)
        return r;
      auto stride = getConstantIntList(op->getOperand(strideIdx), n);
      auto pad = getConstantIntList(op->getOperand(padIdx), n);
      auto dil = getConstantIntList(op->getOperand(dilIdx), n);
      auto outPad = getConstantIntList(op->getOperand(7), n);
      auto groups = getConstantInt(op->getOperand(8));
      if (!stride || !pad || !dil || !outPad || !groups ||
          stride->size() != n || pad->size() != n || dil->size() != n ||
          outPad->size() != n)
        return r;
      int64_t cout = (*w.sizes)[1];
      r.sizes =
          Sizes{(*x.sizes)[0], cout == kUnknown ? kUnknown : cout * *groups};
      for (unsigned i = 0; i < n; ++i) {
        int64_t in = (*x.sizes)[2 + i], k = (*w.sizes)[2 + i];
        r.sizes->push_back(in == kUnknown || k == kUnknown
                               ? kUnknown
                               : (in - 1) * (*stride)[i] - 2 * (*pad)[i] +
                                     (*dil)[i] * (k - 1) + (*outPad)[i] + 1);
      }
      return r;
    }
    auto stride = getConstantIntList(op->getOperand(strideIdx), n);
    auto dil = getConstantIntList(op->getOperand(dilIdx), n);
    std::optional<Sizes> pad;
    bool same = false;
    if (isa<StringType>(op->getOperand(padIdx).getType())) {
      auto s = op->getOperand(padIdx).getDefiningOp<ConstantStrOp>();
      if (!s)
        return r;
      same = s.getValue() == "same";
      pad = Sizes(n, 0);
    } else {
      pad = getConstantIntList(op->getOperand(padIdx), n);
    }
    if (!stride || !dil || !pad || stride->size() != n || pad->size() != n)
      return r;
    r.sizes = Sizes{(*x.sizes)[0], (*w.sizes)[0]};
    for (unsigned i = 0; i < n; ++i)
      r.sizes->push_back(same ? (*x.sizes)[2 + i]
                              : convOut((*x.sizes)[2 + i], (*w.sizes)[2 + i],
                                        (*stride)[i], (*pad)[i], (*pad)[i],
                                        (*dil)[i]));
    return r;
  }

  TensorInfo pool(unsigned n, unsigned kIdx, unsigned sIdx, unsigned pIdx,
                  int dIdx, int ceilIdx) const {
    TensorInfo x = in(0), r;
    r.dtype = x.dtype;
    if (!x.sizes || x.sizes->size() < n)
      return r;
    auto k = getConstantIntList(op->getOperand(kIdx), n);
    auto s = getConstantIntList(op->getOperand(sIdx), n);
    auto p = getConstantIntList(op->getOperand(pIdx), n);
    std::optional<Sizes> d = Sizes(n, 1);
    if (dIdx >= 0)
      d = getConstantIntList(op->getOperand(dIdx), n);
    bool ceil = false;
    if (ceilIdx >= 0) {
      auto c = getConstantBool(op->getOperand(ceilIdx));
      if (!c)
        return r;
      ceil = *c;
    }
    if (!k || !p || !d || k->size() != n)
      return r;
    if (!s || s->empty())
      s = k;
    r.sizes = Sizes(x.sizes->begin(), x.sizes->end() - n);
    for (unsigned i = 0; i < n; ++i)
      r.sizes->push_back(convOut((*x.sizes)[x.sizes->size() - n + i], (*k)[i],
                                 (*s)[i], (*p)[i], (*p)[i], (*d)[i], ceil));
    return r;
  }

  TensorInfo matmul() const {
    TensorInfo a = in(0), b = in(1), r;
    r.dtype = promote(a.dtype, b.dtype);
    if (!a.sizes || !b.sizes || a.sizes->empty() || b.sizes->empty())
      return r;
    Sizes x = *a.sizes, y = *b.sizes;
    bool va = x.size() == 1, vb = y.size() == 1;
    if (va)
      x.insert(x.begin(), 1);
    if (vb)
      y.push_back(1);
    auto batch = broadcast(
        {Sizes(x.begin(), x.end() - 2), Sizes(y.begin(), y.end() - 2)});
    if (!batch)
      return r;
    r.sizes = *batch;
    if (!va)
      r.sizes->push_back(x[x.size() - 2]);
    if (!vb)
      r.sizes->push_back(y.back());
    return r;
  }

  TensorInfo reshape(unsigned listIdx) const {
    TensorInfo a = in(0), r;
    r.dtype = a.dtype;
    Value list = op->getOperand(listIdx);
    auto elems = getListElements(list);
    if (!elems)
      return r;
    Sizes out;
    int64_t inferred = -1, known = 1;
    for (auto [i, e] : llvm::enumerate(*elems)) {
      auto c = knownInt(e);
      if (!c) {
        out.push_back(kUnknown);
        known = kUnknown;
        continue;
      }
      if (*c == -1)
        inferred = i;
      else if (known != kUnknown)
        known *= *c;
      out.push_back(*c);
    }
    if (inferred >= 0) {
      out[inferred] = kUnknown;
      if (a.sizes && known != kUnknown && known != 0 &&
          llvm::none_of(*a.sizes, [](int64_t d) { return d == kUnknown; })) {
        int64_t total = 1;
        for (int64_t d : *a.sizes)
          total *= d;
        out[inferred] = total / known;
      }
    }
    r.sizes = out;
    return r;
  }

  /// aten.unflatten.int(self, dim, sizes): dim `dim` becomes `sizes` (one
  /// of which may be -1: the rest of that dim).
  TensorInfo unflatten() const {
    TensorInfo a = in(0), r;
    r.dtype = a.dtype;
    auto d = getConstantInt(op->getOperand(1));
    auto elems = getListElements(op->getOperand(2));
    if (!a.sizes || !d || !elems)
      return r;
    int64_t rank = a.sizes->size();
    auto nd = normalizeAxis(*d, rank);
    if (!nd)
      return r;
    Sizes mid;
    int64_t inferred = -1, known = 1;
    for (auto [i, e] : llvm::enumerate(*elems)) {
      auto c = knownInt(e);
      if (!c || *c == -1) {
        if (c)
          inferred = i;
        known = kUnknown;
        mid.push_back(kUnknown);
        continue;
      }
      if (known != kUnknown)
        known *= *c;
      mid.push_back(*c);
    }
    int64_t whole = (*a.sizes)[*nd];
    if (inferred >= 0 && whole != kUnknown) {
      int64_t rest = 1;
      bool allKnown = true;
      for (auto [i, v] : llvm::enumerate(mid))
        if ((int64_t)i != inferred) {
          allKnown &= v != kUnknown;
          rest *= v == kUnknown ? 1 : v;
        }
      if (allKnown && rest != 0)
        mid[inferred] = whole / rest;
    }
    r.sizes = Sizes(a.sizes->begin(), a.sizes->begin() + *nd);
    r.sizes->append(mid.begin(), mid.end());
    r.sizes->append(a.sizes->begin() + *nd + 1, a.sizes->end());
    return r;
  }

  TensorInfo transpose(unsigned d0, unsigned d1) const {
    TensorInfo a = in(0), r;
    r.dtype = a.dtype;
    auto x = getConstantInt(op->getOperand(d0));
    auto y = getConstantInt(op->getOperand(d1));
    if (!a.sizes || !x || !y)
      return r;
    int64_t rank = a.sizes->size();
    auto nx = normalizeAxis(*x, rank), ny = normalizeAxis(*y, rank);
    if (!nx || !ny)
      return r;
    r.sizes = a.sizes;
    std::swap((*r.sizes)[*nx], (*r.sizes)[*ny]);
    return r;
  }

  TensorInfo permute() const {
    TensorInfo a = in(0), r;
    r.dtype = a.dtype;
    auto perm = getConstantIntList(op->getOperand(1));
    if (!a.sizes || !perm || perm->size() != a.sizes->size())
      return r;
    r.sizes = Sizes();
    for (int64_t p : *perm) {
      auto n = normalizeAxis(p, a.sizes->size());
      if (!n)
        return TensorInfo{std::nullopt, a.dtype};
      r.sizes->push_back((*a.sizes)[*n]);
    }
    return r;
  }

  TensorInfo unsqueeze() const {
    TensorInfo a = in(0), r;
    r.dtype = a.dtype;
    auto n = dimArg(1, a.sizes, /*extra=*/1);
    if (!n)
      return r;
    r.sizes = a.sizes;
    r.sizes->insert(r.sizes->begin() + *n, 1);
    return r;
  }

  TensorInfo squeeze(bool hasDim) const {
    TensorInfo a = in(0), r;
    r.dtype = a.dtype;
    if (!a.sizes)
      return r;
    if (!hasDim) {
      if (llvm::is_contained(*a.sizes, kUnknown))
        return r;
      r.sizes = Sizes();
      for (int64_t d : *a.sizes)
        if (d != 1)
          r.sizes->push_back(d);
      return r;
    }
    auto d = getConstantInt(op->getOperand(1));
    if (!d)
      return r;
    auto n = normalizeAxis(*d, a.sizes->size());
    if (a.sizes->empty())
      return a;
    if (!n || (*a.sizes)[*n] == kUnknown)
      return r;
    r.sizes = a.sizes;
    if ((*a.sizes)[*n] == 1)
      r.sizes->erase(r.sizes->begin() + *n);
    return r;
  }

  TensorInfo flatten() const {
    TensorInfo a = in(0), r;
    r.dtype = a.dtype;
    auto s = getConstantInt(op->getOperand(1));
    auto e = getConstantInt(op->getOperand(2));
    if (!a.sizes || !s || !e)
      return r;
    int64_t rank = a.sizes->size();
    if (rank == 0) {
      r.sizes = Sizes{1};
      return r;
    }
    auto ns = normalizeAxis(*s, rank), ne = normalizeAxis(*e, rank);
    if (!ns || !ne)
      return r;
    r.sizes = Sizes(a.sizes->begin(), a.sizes->begin() + *ns);
    int64_t prod = 1;
    for (int64_t i = *ns; i <= *ne; ++i)
      prod = ((*a.sizes)[i] == kUnknown || prod == kUnknown)
                 ? kUnknown
                 : prod * (*a.sizes)[i];
    r.sizes->push_back(prod);
    r.sizes->append(a.sizes->begin() + *ne + 1, a.sizes->end());
    return r;
  }

  /// hstack/vstack/dstack/column_stack: each tensor raised to the rank the
  /// op needs (torch's atleast_Nd, or [n] -> [n, 1] for column_stack),
  /// concatenated along that op's dim.
  static std::optional<Sizes> raisedForStack(StringRef name, Sizes s) {
    if (name == "aten.hstack") {
      if (s.empty())
        s = {1};
    } else if (name == "aten.vstack") {
      if (s.size() < 2)
        s.insert(s.begin(), 2 - s.size(), 1);
    } else if (name == "aten.dstack") {
      if (s.empty())
        s = {1, 1, 1};
      else if (s.size() == 1)
        s = {1, s[0], 1};
      else if (s.size() == 2)
        s.push_back(1);
    } else if (name == "aten.column_stack") {
      if (s.empty())
        s = {1, 1};
      else if (s.size() == 1)
        s = {s[0], 1};
    }
    return s;
  }
  static int64_t stackAxis(StringRef name, size_t firstRank) {
    if (name == "aten.hstack")
      return firstRank <= 1 ? 0 : 1;
    if (name == "aten.vstack")
      return 0;
    if (name == "aten.dstack")
      return 2;
    return 1;
  }
  TensorInfo stackLike(StringRef name) const {
    TensorInfo r;
    auto elems = getListElements(op->getOperand(0));
    if (!elems || elems->empty())
      return r;
    SmallVector<Value> vals(elems->begin(), elems->end());
    r.dtype = resultType(vals);
    std::optional<Sizes> out;
    int64_t axis = 0;
    for (Value v : *elems) {
      TensorInfo t = TensorInfo::of(v.getType());
      if (!t.sizes)
        return r;
      auto s = raisedForStack(name, *t.sizes);
      if (!out) {
        axis = stackAxis(name, t.sizes->size());
        out = s;
        continue;
      }
      if (s->size() != out->size())
        return r;
      (*out)[axis] = ((*out)[axis] == kUnknown || (*s)[axis] == kUnknown)
                         ? kUnknown
                         : (*out)[axis] + (*s)[axis];
    }
    r.sizes = out;
    return r;
  }

  TensorInfo cat(bool stack) const {
    auto elems = getListElements(op->getOperand(0));
    auto d = getConstantInt(op->getOperand(1));
    TensorInfo r;
    if (!elems) { // a list built at run time: its element type
      auto e = listElementInfo(op->getOperand(0).getType());
      if (!e)
        return r;
      r.dtype = e->dtype;
      if (e->sizes && d) {
        int64_t rank = e->sizes->size() + (stack ? 1 : 0);
        if (auto n = normalizeAxis(*d, rank)) {
          r.sizes = *e->sizes;
          if (stack)
            r.sizes->insert(r.sizes->begin() + *n, kUnknown);
          else
            (*r.sizes)[*n] = kUnknown;
        }
      }
      return r;
    }
    if (elems->empty())
      return r;
    SmallVector<Value> vals(elems->begin(), elems->end());
    r.dtype = resultType(vals);
    TensorInfo first = TensorInfo::of((*elems)[0].getType());
    if (!d || !first.sizes)
      return r;
    int64_t rank = first.sizes->size() + (stack ? 1 : 0);
    auto n = normalizeAxis(*d, rank);
    if (!n)
      return r;
    Sizes out = *first.sizes;
    if (stack) {
      out.insert(out.begin() + *n, elems->size());
    } else {
      out[*n] = 0;
      for (Value e : *elems) {
        TensorInfo t = TensorInfo::of(e.getType());
        if (!t.sizes || t.sizes->size() != out.size()) {
          out[*n] = kUnknown;
          continue;
        }
        int64_t v = (*t.sizes)[*n];
        out[*n] =
            (out[*n] == kUnknown || v == kUnknown) ? kUnknown : out[*n] + v;
        for (size_t i = 0; i < out.size(); ++i)
          if (i != (size_t)*n && out[i] == kUnknown)
            out[i] = (*t.sizes)[i];
      }
    }
    r.sizes = out;
    return r;
  }

  /// The constant dim operand `idx` normalized for `rank`, if both known.
  std::optional<int64_t> dimArg(unsigned idx, const std::optional<Sizes> &sizes,
                                int64_t extra = 0) const {
    auto d = getConstantInt(op->getOperand(idx));
    if (!sizes || !d)
      return std::nullopt;
    return normalizeAxis(*d, sizes->size() + extra);
  }

  TensorInfo slice() const {
    TensorInfo a = in(0), r;
    r.dtype = a.dtype;
    auto n = dimArg(1, a.sizes);
    if (!n)
      return r;
    r.sizes = a.sizes;
    int64_t dim = (*a.sizes)[*n];
    std::optional<int64_t> start = 0, end = INT64_MAX;
    if (!isConstantNone(op->getOperand(2)))
      start = getConstantInt(op->getOperand(2));
    if (!isConstantNone(op->getOperand(3)))
      end = getConstantInt(op->getOperand(3));
    auto step = getConstantInt(op->getOperand(4));
    if (!start || !end || !step || *step <= 0 || dim == kUnknown) {
      (*r.sizes)[*n] = kUnknown;
      return r;
    }
    auto clampIdx = [&](int64_t i) {
      i = wrapAxis(i, dim);
      return std::clamp<int64_t>(i, 0, dim);
    };
    int64_t s = clampIdx(*start), e = clampIdx(*end);
    (*r.sizes)[*n] = e > s ? (e - s + *step - 1) / *step : 0;
    return r;
  }

  TensorInfo select() const {
    TensorInfo a = in(0), r;
    r.dtype = a.dtype;
    auto n = dimArg(1, a.sizes);
    if (!n)
      return r;
    r.sizes = a.sizes;
    r.sizes->erase(r.sizes->begin() + *n);
    return r;
  }

  TensorInfo linear() const {
    TensorInfo x = in(0), w = in(1), r;
    r.dtype = x.dtype;
    if (!x.sizes || !w.sizes || x.sizes->empty())
      return r;
    r.sizes = x.sizes;
    if (w.sizes->size() == 2)
      r.sizes->back() = (*w.sizes)[0];
    else
      r.sizes->pop_back();
    return r;
  }

  TensorInfo adaptivePool(unsigned n) const {
    TensorInfo x = in(0), r;
    r.dtype = x.dtype;
    auto out = getConstantIntList(op->getOperand(1), n);
    if (!x.sizes || !out || out->size() != n || x.sizes->size() < n)
      return r;
    r.sizes = Sizes(x.sizes->begin(), x.sizes->end() - n);
    r.sizes->append(out->begin(), out->end());
    return r;
  }

  TensorInfo sizesFromList(unsigned idx, Type dtype) const {
    TensorInfo r;
    r.dtype = dtype;
    auto elems = getListElements(op->getOperand(idx));
    if (!elems)
      return r;
    r.sizes = Sizes();
    for (Value e : *elems)
      r.sizes->push_back(knownInt(e).value_or(kUnknown));
    return r;
  }

  TensorInfo expand() const {
    TensorInfo a = in(0), r = sizesFromList(1, a.dtype);
    if (!r.sizes || !a.sizes || a.sizes->size() > r.sizes->size())
      return r;
    size_t off = r.sizes->size() - a.sizes->size();
    for (size_t i = 0; i < r.sizes->size(); ++i)
      if ((*r.sizes)[i] == -1 && i >= off)
        (*r.sizes)[i] = (*a.sizes)[i - off];
    return r;
  }

  TensorInfo embedding() const {
    TensorInfo w = in(0), idx = in(1), r;
    r.dtype = w.dtype;
    if (!w.sizes || !idx.sizes || w.sizes->size() != 2)
      return r;
    r.sizes = idx.sizes;
    r.sizes->push_back((*w.sizes)[1]);
    return r;
  }

  TensorInfo upsample() const {
    TensorInfo x = in(0), r;
    r.dtype = x.dtype;
    auto out = getConstantIntList(op->getOperand(1));
    if (!out && x.sizes)
      if (auto elems = getListElements(op->getOperand(1));
          elems && x.sizes->size() == elems->size() + 2) {
        // Sizes known only at run time (size=y.shape[-2:]): N, C stay.
        r.sizes = Sizes(x.sizes->begin(), x.sizes->begin() + 2);
        for (Value v : *elems)
          r.sizes->push_back(knownInt(v).value_or(kUnknown));
        return r;
      }
    if (!x.sizes || !out || x.sizes->size() != out->size() + 2)
      return r;
    r.sizes = Sizes(x.sizes->begin(), x.sizes->begin() + 2);
    r.sizes->append(out->begin(), out->end());
    return r;
  }

  TensorInfo pad() const {
    TensorInfo x = in(0), r;
    r.dtype = x.dtype;
    auto p = getConstantIntList(op->getOperand(1));
    if (!p && x.sizes) {
      // Pads known only at run time: the rank stays, padded dims unknown.
      auto elems = getListElements(op->getOperand(1));
      if (elems && elems->size() % 2 == 0 &&
          elems->size() / 2 <= x.sizes->size()) {
        r.sizes = x.sizes;
        for (size_t i = 0; i < elems->size() / 2; ++i)
          (*r.sizes)[r.sizes->size() - 1 - i] = kUnknown;
      }
      return r;
    }
    if (!x.sizes || !p || p->size() % 2 || p->size() / 2 > x.sizes->size())
      return r;
    r.sizes = x.sizes;
    for (size_t i = 0; i < p->size() / 2; ++i) {
      int64_t &d = (*r.sizes)[r.sizes->size() - 1 - i];
      if (d != kUnknown)
        d += (*p)[2 * i] + (*p)[2 * i + 1];
    }
    return r;
  }

  /// Output sizes of an explicit einsum equation ("bij,bjk->bik").
  static std::optional<Sizes> einsumSizes(StringRef eq, ArrayRef<Value> ops) {
    auto [lhs, out] = eq.split("->");
    if (out.data() == nullptr || eq.find("->") == StringRef::npos ||
        eq.contains("..."))
      return std::nullopt;
    llvm::DenseMap<char, int64_t> size;
    SmallVector<StringRef> terms;
    lhs.split(terms, ',');
    if (terms.size() != ops.size())
      return std::nullopt;
    for (auto [term, v] : llvm::zip(terms, ops)) {
      TensorInfo t = TensorInfo::of(v.getType());
      term = term.trim();
      if (t.sizes && t.sizes->size() == term.size())
        for (auto [c, d] : llvm::zip(term, *t.sizes))
          if (d != kUnknown)
            size[c] = d;
    }
    Sizes r;
    for (char c : out.trim())
      r.push_back(size.count(c) ? size[c] : kUnknown);
    return r;
  }

  /// The linear-algebra ops, losses and indexing ops of the long tail
  /// (lowered in TorchToONNX/LinearAlgebra.cpp, NN.cpp and Shape.cpp).
  std::optional<TensorInfo> inferLongTail(StringRef name) const {
    auto dropDims = [](Sizes s, ArrayRef<int64_t> dims, bool keep) {
      Sizes r;
      for (int64_t i = 0; i < (int64_t)s.size(); ++i)
        if (!llvm::is_contained(dims, i))
          r.push_back(s[i]);
        else if (keep)
          r.push_back(1);
      return r;
    };
    if (name == "aten.cross" || name == "aten.linalg_cross" ||
        name == "aten.fmax" || name == "aten.fmin" ||
        name == "aten.logaddexp2" || name == "aten.heaviside")
      return elementwise({0, 1});
    if (name == "aten.copysign.Tensor" || name == "aten.copysign.Scalar")
      return floating({0, 1});
    if (name == "aten.isposinf" || name == "aten.isneginf" ||
        name == "aten.isreal")
      return TensorInfo{in(0).sizes, i1()};
    if (name == "aten.fliplr" || name == "aten.flipud")
      return same();
    if (name == "aten.count_nonzero" ||
        name == "aten.count_nonzero.dim_IntList") {
      if (isConstantNone(op->getOperand(1)))
        return reduce(std::nullopt, false, si64());
      if (auto l = getConstantIntList(op->getOperand(1)))
        return reduce(*l, false, si64());
      if (auto d = getConstantInt(op->getOperand(1)))
        return reduce(Sizes{*d}, false, si64());
      return TensorInfo{std::nullopt, si64()};
    }
    if (name == "aten.addmv" || name == "aten.addr" || name == "aten.addbmm") {
      TensorInfo a = in(1), b = in(2), r{std::nullopt, in(0).dtype};
      if (!a.sizes || !b.sizes)
        return r;
      if (name == "aten.addmv" && !a.sizes->empty())
        r.sizes = Sizes{(*a.sizes)[0]};
      else if (name == "aten.addr" && a.sizes->size() == 1 &&
               b.sizes->size() == 1)
        r.sizes = Sizes{(*a.sizes)[0], (*b.sizes)[0]};
      else if (name == "aten.addbmm" && a.sizes->size() == 3 &&
               b.sizes->size() == 3)
        r.sizes = Sizes{(*a.sizes)[1], (*b.sizes)[2]};
      return r;
    }
    if (name == "aten.inner") {
      TensorInfo a = in(0), b = in(1), r{std::nullopt, a.dtype};
      if (!a.sizes || !b.sizes)
        return r;
      if (a.sizes->empty() || b.sizes->empty())
        return elementwise({0, 1});
      r.sizes = Sizes(a.sizes->begin(), a.sizes->end() - 1);
      r.sizes->append(b.sizes->begin(), b.sizes->end() - 1);
      return r;
    }
    if (name == "aten.linalg_vecdot") {
      TensorInfo r = elementwise({0, 1});
      auto d = getConstantInt(op->getOperand(2));
      if (!r.sizes || !d)
        return TensorInfo{std::nullopt, r.dtype};
      if (auto nd = normalizeAxis(*d, r.sizes->size()))
        r.sizes->erase(r.sizes->begin() + *nd);
      else
        r.sizes.reset();
      return r;
    }
    if (name == "aten.linalg_det" || name == "aten.det" ||
        name == "aten.logdet") {
      TensorInfo r = same();
      if (r.sizes && r.sizes->size() >= 2)
        r.sizes->resize(r.sizes->size() - 2);
      return r;
    }
    if (name == "aten.diagonal" || name == "aten.linalg_diagonal") {
      TensorInfo a = same(), r{std::nullopt, a.dtype};
      auto off = getConstantInt(op->getOperand(1));
      auto d1 = getConstantInt(op->getOperand(2));
      auto d2 = getConstantInt(op->getOperand(3));
      if (!a.sizes || !off || !d1 || !d2)
        return r;
      int64_t rank = a.sizes->size();
      auto x = normalizeAxis(*d1, rank), y = normalizeAxis(*d2, rank);
      if (!x || !y || *x == *y)
        return r;
      int64_t n1 = (*a.sizes)[*x], n2 = (*a.sizes)[*y], len = kUnknown;
      if (n1 != kUnknown && n2 != kUnknown)
        len = std::max<int64_t>(0, *off >= 0 ? std::min(n1, n2 - *off)
                                             : std::min(n1 + *off, n2));
      r.sizes = dropDims(*a.sizes, {*x, *y}, false);
      r.sizes->push_back(len);
      return r;
    }
    if (name == "aten.tensordot") {
      TensorInfo a = in(0), b = in(1), r{std::nullopt, a.dtype};
      auto da = getConstantIntList(op->getOperand(2));
      auto db = getConstantIntList(op->getOperand(3));
      if (!a.sizes || !b.sizes || !da || !db)
        return r;
      SmallVector<int64_t> na, nb;
      for (int64_t d : *da)
        if (auto n = normalizeAxis(d, a.sizes->size()))
          na.push_back(*n);
      for (int64_t d : *db)
        if (auto n = normalizeAxis(d, b.sizes->size()))
          nb.push_back(*n);
      if (na.size() != da->size() || nb.size() != db->size())
        return r;
      r.sizes = dropDims(*a.sizes, na, false);
      r.sizes->append(dropDims(*b.sizes, nb, false));
      return r;
    }
    bool matrixNorm = name == "aten.linalg_matrix_norm" ||
                      name == "aten.linalg_matrix_norm.str_ord";
    if (matrixNorm || name == "aten.linalg_norm" ||
        name == "aten.linalg_norm.ord_str") {
      TensorInfo a = same();
      Type dt = a.dtype && isa<mlir::FloatType>(a.dtype) ? a.dtype : Type();
      TensorInfo r = withDtypeArg(TensorInfo{std::nullopt, dt}, 4);
      auto keep = getConstantBool(op->getOperand(3));
      if (!a.sizes || !keep)
        return r;
      int64_t rank = a.sizes->size();
      std::optional<Sizes> dims = getConstantIntList(op->getOperand(2));
      if (isConstantNone(op->getOperand(2))) {
        if (matrixNorm)
          dims = Sizes{-2, -1};
        else if (isConstantNone(op->getOperand(1)))
          dims = Sizes(); // flattened
        else
          dims = llvm::to_vector(llvm::seq<int64_t>(0, rank));
      }
      if (!dims)
        return r;
      SmallVector<int64_t> nd;
      for (int64_t d : *dims)
        if (auto n = normalizeAxis(d, rank))
          nd.push_back(*n);
      if (nd.size() != dims->size())
        return r;
      if (nd.empty())
        nd = llvm::to_vector(llvm::seq<int64_t>(0, rank));
      r.sizes = dropDims(*a.sizes, nd, *keep);
      return r;
    }
    if (name == "aten.pairwise_distance") {
      TensorInfo r = elementwise({0, 1});
      auto keep = getConstantBool(op->getOperand(4));
      if (!keep || !r.sizes) {
        r.sizes.reset();
        return r;
      }
      if (r.sizes->empty())
        return r;
      if (*keep)
        r.sizes->back() = 1;
      else
        r.sizes->pop_back();
      return r;
    }
    if (name == "aten._shape_as_tensor") {
      TensorInfo a = in(0);
      return TensorInfo{Sizes{a.sizes ? (int64_t)a.sizes->size() : kUnknown},
                        si64()};
    }
    // PT2E's quantize ops (what quantized TorchScript kernels import as):
    // the integer values of the dtype argument, and their float values.
    if (name == "quantized_decomposed.quantize_per_tensor")
      return withDtypeArg(TensorInfo{in(0).sizes, Type()}, 5);
    if (name == "quantized_decomposed.quantize_per_channel")
      return withDtypeArg(TensorInfo{in(0).sizes, Type()}, 6);
    if (name == "quantized_decomposed.dequantize_per_tensor" ||
        name == "quantized_decomposed.dequantize_per_channel")
      return TensorInfo{in(0).sizes, Float32Type::get(ctx)};
    if (name == "torchvision.nms")
      return TensorInfo{Sizes{kUnknown}, si64()};
    if (name == "torchvision.roi_align" || name == "torchvision.roi_pool") {
      TensorInfo x = in(0), rois = in(1), r{std::nullopt, x.dtype};
      auto ph = getConstantInt(op->getOperand(3));
      auto pw = getConstantInt(op->getOperand(4));
      if (x.sizes && x.sizes->size() == 4 && ph && pw)
        r.sizes = Sizes{rois.sizes && !rois.sizes->empty() ? (*rois.sizes)[0]
                                                           : kUnknown,
                        (*x.sizes)[1], *ph, *pw};
      return r;
    }
    if (name == "aten.repeat_interleave.self_Tensor") {
      TensorInfo x = in(0), r{std::nullopt, x.dtype};
      if (!x.sizes)
        return r;
      if (isConstantNone(op->getOperand(2))) {
        r.sizes = Sizes{kUnknown};
        return r;
      }
      auto d = getConstantInt(op->getOperand(2));
      if (auto nd = d ? normalizeAxis(*d, x.sizes->size()) : std::nullopt) {
        r.sizes = x.sizes;
        (*r.sizes)[*nd] = kUnknown;
      }
      return r;
    }
    if (name == "aten.im2col") {
      TensorInfo x = in(0), r{std::nullopt, x.dtype};
      auto k = getConstantIntList(op->getOperand(1), 2);
      auto dl = getConstantIntList(op->getOperand(2), 2);
      auto p = getConstantIntList(op->getOperand(3), 2);
      auto st = getConstantIntList(op->getOperand(4), 2);
      if (!x.sizes || x.sizes->size() != 4 || !k || !dl || !p || !st)
        return r;
      int64_t l = 1;
      for (unsigned i = 0; i < 2; ++i) {
        int64_t in = (*x.sizes)[2 + i];
        l = (in == kUnknown || l == kUnknown)
                ? kUnknown
                : l * ((in + 2 * (*p)[i] - (*dl)[i] * ((*k)[i] - 1) - 1) /
                           (*st)[i] +
                       1);
      }
      int64_t c = (*x.sizes)[1];
      r.sizes = Sizes{(*x.sizes)[0],
                      c == kUnknown ? kUnknown : c * (*k)[0] * (*k)[1], l};
      return r;
    }
    if (name == "aten.as_strided") {
      TensorInfo r{std::nullopt, in(0).dtype};
      if (auto size = getConstantIntList(op->getOperand(1)))
        r.sizes = *size;
      return r;
    }
    if (name == "aten.take") {
      TensorInfo r{in(1).sizes, in(0).dtype};
      return r;
    }
    if (name == "aten.atleast_1d" || name == "aten.atleast_2d" ||
        name == "aten.atleast_3d") {
      TensorInfo r = same();
      if (!r.sizes)
        return r;
      size_t want = name.back() == 'd' ? name[name.size() - 2] - '0' : 1;
      Sizes s = *r.sizes;
      if (s.empty())
        s = Sizes(want, 1);
      else if (s.size() == 1 && want == 2)
        s.insert(s.begin(), 1);
      else if (s.size() == 1 && want == 3)
        s = Sizes{1, s[0], 1};
      else if (s.size() == 2 && want == 3)
        s.push_back(1);
      r.sizes = s;
      return r;
    }
    if (name == "aten.bucketize.Tensor") {
      TensorInfo r = same();
      auto i32 = getConstantBool(op->getOperand(2));
      r.dtype =
          i32 && *i32 ? IntegerType::get(ctx, 32, IntegerType::Signed) : si64();
      return r;
    }
    if (name == "aten.masked_scatter") {
      TensorInfo r = elementwise({0, 1});
      r.dtype = in(0).dtype;
      return r;
    }
    if (name == "aten.clamp.Tensor") {
      SmallVector<unsigned> idx{0};
      for (unsigned i : {1u, 2u})
        if (isTorchTensorType(op->getOperand(i).getType()))
          idx.push_back(i);
      return elementwise(idx);
    }
    if (name == "aten.linspace" || name == "aten.linspace.Tensor_Tensor" ||
        name == "aten.linspace.Tensor_Scalar" ||
        name == "aten.linspace.Scalar_Tensor") {
      TensorInfo r{std::nullopt, dflt()};
      r = withDtypeArg(r, 3);
      if (auto n = getConstantInt(op->getOperand(2)))
        r.sizes = Sizes{*n};
      return r;
    }
    if (name == "aten.median" || name == "aten.nanmedian")
      return reduce(std::nullopt, false);
    if (name == "aten.median.dim" || name == "aten.nanmedian.dim") {
      auto d = getConstantInt(op->getOperand(1));
      auto keep = getConstantBool(op->getOperand(2));
      if (!d || !keep)
        return TensorInfo{std::nullopt, in(0).dtype};
      return reduce(Sizes{*d}, *keep);
    }
    if (name == "aten.aminmax") {
      auto keep = getConstantBool(op->getOperand(2));
      if (!keep)
        return TensorInfo{std::nullopt, in(0).dtype};
      if (in(0).sizes && in(0).sizes->empty())
        return same();
      if (isConstantNone(op->getOperand(1)))
        return reduce(std::nullopt, *keep);
      if (auto d = getConstantInt(op->getOperand(1)))
        return reduce(Sizes{*d}, *keep);
      return TensorInfo{std::nullopt, in(0).dtype};
    }
    if (name == "aten._unique2")
      return TensorInfo{Sizes{kUnknown}, in(0).dtype};
    if (name == "aten.embedding_bag" ||
        name == "aten.embedding_bag.padding_idx") {
      TensorInfo w = in(0), idx = in(1), off = in(2);
      TensorInfo r{std::nullopt, w.dtype};
      auto incLast = getConstantBool(op->getOperand(7));
      if (!w.sizes || w.sizes->size() != 2 || !idx.sizes || !incLast)
        return r;
      int64_t bags = kUnknown;
      if (idx.sizes->size() == 2)
        bags = (*idx.sizes)[0];
      else if (off.sizes && off.sizes->size() == 1 &&
               (*off.sizes)[0] != kUnknown)
        bags = (*off.sizes)[0] - (*incLast ? 1 : 0);
      r.sizes = Sizes{bags, (*w.sizes)[1]};
      return r;
    }
    return std::nullopt;
  }

  std::optional<TensorInfo> infer() const {
    if (!isa<TorchDialect>(op->getDialect()))
      return std::nullopt;
    std::string key = getOpKey(op);
    StringRef name = key;
    Type boolT = i1();
    if (auto r = inferLongTail(name))
      return r;
    // Elementwise ops that keep their input's type.
    static const llvm::StringSet<> unary = {
        "aten.relu",
        "aten.relu6",
        "aten.sigmoid",
        "aten.tanh",
        "aten.neg",
        "aten.exp",
        "aten.log",
        "aten.sqrt",
        "aten.rsqrt",
        "aten.abs",
        "aten.gelu",
        "aten.silu",
        "aten.hardtanh",
        "aten.hardswish",
        "aten.hardsigmoid",
        "aten.leaky_relu",
        "aten.elu",
        "aten.selu",
        "aten.celu",
        "aten.mish",
        "aten.softplus",
        "aten.hardshrink",
        "aten.softshrink",
        "aten.log_sigmoid",
        "aten.index_copy",
        "aten.index_add",
        "aten.index_fill.int_Scalar",
        "aten.index_fill.int_Tensor",
        "aten.threshold",
        "aten.tanhshrink",
        "aten.nan_to_num",
        "prim.unchecked_cast",
        "aten.zero",
        "aten.slice_scatter",
        "aten.select_scatter",
        "aten.trunc",
        "aten.frac",
        "aten.erfc",
        "aten.fill.Tensor",
        "aten.logit",
        "aten.flip",
        "aten.dropout",
        "aten.feature_dropout",
        "aten.alpha_dropout",
        "aten.clone",
        "aten.cpu",
        "aten.contiguous",
        "aten.detach",
        "aten.positive",
        "aten.sgn",
        "aten.round.decimals",
        "aten.resolve_neg",
        "aten.resolve_conj",
        "aten.conj",
        "aten.conj_physical",
        "aten.feature_alpha_dropout",
        "aten._conj",
        "aten.real",
        "aten.rms_norm",
        "aten.erf",
        "aten.sin",
        "aten.cos",
        "aten.tan",
        "aten.asin",
        "aten.acos",
        "aten.atan",
        "aten.sinh",
        "aten.cosh",
        "aten.asinh",
        "aten.acosh",
        "aten.atanh",
        "aten.reciprocal",
        "aten.floor",
        "aten.ceil",
        "aten.round",
        "aten.clamp",
        "aten.clamp_min",
        "aten.clamp_max",
        "aten.clip",
        "aten.sign",
        "aten.tril",
        "aten.triu",
        "aten.masked_fill.Scalar",
        "aten.masked_fill.Tensor",
        "aten.batch_norm",
        "aten._native_batch_norm_legit_no_training",
        "aten.layer_norm",
        "aten.group_norm",
        "aten.instance_norm",
        "aten.square",
        "aten.bitwise_not",
        "aten.roll",
        "aten.log2",
        "aten.log10",
        "aten.log1p",
        "aten.expm1",
        "aten.fill.Scalar",
        "aten.zeros_like",
        "aten.ones_like",
        "aten.empty_like",
        "aten.full_like",
        "aten.glu",
        "aten.prelu",
        "aten.copy",
        "aten.alias",
        "aten.cumsum",
        "aten.cumprod",
        "aten.index_put",
        "aten.index_put.hacked_twin",
        "aten.scatter.src",
        "aten.scatter.value",
        "aten.scatter_add",
        "aten.scatter_reduce.two",
        "aten.lerp.Scalar",
        "aten.addcmul",
        "aten.addcdiv",
        "aten.native_layer_norm"};
    // Math that torch computes in floating point: integer and bool inputs
    // give the default float dtype.
    static const llvm::StringSet<> floatMath = {
        "aten.exp",     "aten.log",    "aten.sqrt",  "aten.rsqrt",
        "aten.sin",     "aten.cos",    "aten.tan",   "aten.asin",
        "aten.acos",    "aten.atan",   "aten.sinh",  "aten.cosh",
        "aten.asinh",   "aten.acosh",  "aten.atanh", "aten.tanh",
        "aten.sigmoid", "aten.erf",    "aten.erfc",  "aten.log2",
        "aten.log10",   "aten.log1p",  "aten.expm1", "aten.reciprocal",
        "aten.logit",   "aten.erfinv", "aten.exp2"};
    if (floatMath.contains(name)) {
      TensorInfo r = same();
      if (r.dtype && isa<mlir::IntegerType>(r.dtype))
        r.dtype = dflt();
      return r;
    }
    if (unary.contains(name)) {
      TensorInfo r = same();
      if (name == "aten.cumsum" || name == "aten.cumprod")
        return withDtypeArg(r, 2);
      if (name == "aten.full_like") // (self, fill_value, dtype, ...)
        return withDtypeArg(r, 2);
      if (name.ends_with("_like"))
        return withDtypeArg(r, 1);
      if (name == "aten.square" && r.dtype && r.dtype.isInteger(1))
        r.dtype = si64();
      return r;
    }
    static const llvm::StringSet<> floatUnary = {"aten.softmax.int",
                                                 "aten.log_softmax.int"};
    if (floatUnary.contains(name))
      return withDtypeArg(same(), 2);
    static const llvm::StringSet<> binary = {"aten.add.Tensor",
                                             "aten.add.Scalar",
                                             "aten.sub.Tensor",
                                             "aten.sub.Scalar",
                                             "aten.mul.Tensor",
                                             "aten.mul.Scalar",
                                             "aten.rsub.Scalar",
                                             "aten.rsub.Tensor",
                                             "aten.maximum",
                                             "aten.minimum",
                                             "aten.pow.Tensor_Tensor",
                                             "aten.pow.Tensor_Scalar",
                                             "aten.remainder.Tensor",
                                             "aten.remainder.Scalar",
                                             "aten.fmod.Tensor",
                                             "aten.fmod.Scalar",
                                             "aten.floor_divide",
                                             "aten.floor_divide.Scalar",
                                             "aten.bitwise_and.Tensor",
                                             "aten.bitwise_or.Tensor",
                                             "aten.bitwise_xor.Tensor",
                                             "aten.bitwise_and.Scalar",
                                             "aten.bitwise_or.Scalar",
                                             "aten.bitwise_xor.Scalar",
                                             "aten.__and__.Tensor",
                                             "aten.__or__.Tensor",
                                             "aten.max.other",
                                             "aten.min.other",
                                             "aten.lerp.Tensor",
                                             "aten.lerp.Scalar",
                                             "aten.hypot",
                                             "aten.logaddexp",
                                             "aten.atan2",
                                             "aten.clamp_min.Tensor",
                                             "aten.clamp_max.Tensor"};
    if (binary.contains(name))
      return elementwise({0, 1});
    if (name == "aten.div.Tensor" || name == "aten.div.Scalar" ||
        name == "aten.true_divide.Tensor" || name == "aten.true_divide.Scalar")
      return floating({0, 1});
    if (name == "aten.div.Tensor_mode" || name == "aten.div.Scalar_mode") {
      auto mode = op->getOperand(2).getDefiningOp<ConstantStrOp>();
      return mode ? elementwise({0, 1}) : floating({0, 1});
    }
    if (name == "aten.pow.Scalar")
      return elementwise({0, 1});
    static const llvm::StringSet<> compare = {
        "aten.eq.Tensor",   "aten.eq.Scalar",  "aten.ne.Tensor",
        "aten.ne.Scalar",   "aten.lt.Tensor",  "aten.lt.Scalar",
        "aten.le.Tensor",   "aten.le.Scalar",  "aten.gt.Tensor",
        "aten.gt.Scalar",   "aten.ge.Tensor",  "aten.ge.Scalar",
        "aten.logical_and", "aten.logical_or", "aten.logical_xor"};
    if (compare.contains(name))
      return elementwise({0, 1}, boolT);
    if (name == "aten.logical_not" || name == "aten.isnan" ||
        name == "aten.isinf" || name == "aten.isfinite") {
      TensorInfo r = same();
      r.dtype = boolT;
      return r;
    }
    if (name == "aten.where.self" || name == "aten.where.Scalar" ||
        name == "aten.where.ScalarOther" || name == "aten.where.ScalarSelf") {
      TensorInfo r = elementwise({0, 1, 2});
      SmallVector<Value> vals{op->getOperand(1), op->getOperand(2)};
      r.dtype = resultType(vals);
      return r;
    }
    if (name == "aten.conv1d" || name == "aten.conv2d" ||
        name == "aten.conv3d" || name == "aten.conv1d.padding" ||
        name == "aten.conv2d.padding" || name == "aten.conv3d.padding")
      return conv(3, 4, 5);
    if (name == "aten._convolution_mode")
      return conv(3, 4, 5);
    if (name == "aten.pad") {
      TensorInfo r = pad();
      return r;
    }
    if (name == "aten._convolution" || name == "aten.convolution" ||
        name == "aten._convolution.deprecated") {
      auto t = getConstantBool(op->getOperand(6));
      return conv(3, 4, 5, !t || *t);
    }
    if (name == "aten.linear")
      return linear();
    if (name == "aten.matmul" || name == "aten.mm" || name == "aten.bmm" ||
        name == "aten.mv")
      return matmul();
    if (name == "aten.addmm" || name == "aten.baddbmm") {
      TensorInfo a = in(1), b = in(2), r;
      r.dtype = a.dtype;
      if (a.sizes && b.sizes && a.sizes->size() >= 2 &&
          a.sizes->size() == b.sizes->size()) {
        r.sizes = a.sizes;
        r.sizes->back() = b.sizes->back();
      }
      return r;
    }
    if (name == "aten.max_pool1d" || name == "aten.max_pool1d_with_indices")
      return pool(1, 1, 2, 3, 4, 5);
    if (name == "aten.max_pool2d" || name == "aten.max_pool2d_with_indices")
      return pool(2, 1, 2, 3, 4, 5);
    if (name == "aten.max_pool3d" || name == "aten.max_pool3d_with_indices")
      return pool(3, 1, 2, 3, 4, 5);
    if (name == "aten.avg_pool1d")
      return pool(1, 1, 2, 3, -1, 4);
    if (name == "aten.avg_pool2d")
      return pool(2, 1, 2, 3, -1, 4);
    if (name == "aten.avg_pool3d")
      return pool(3, 1, 2, 3, -1, 4);
    if (name == "aten.adaptive_avg_pool1d" ||
        name == "aten.adaptive_max_pool1d")
      return adaptivePool(1);
    if (name == "aten.adaptive_avg_pool2d" ||
        name == "aten.adaptive_max_pool2d")
      return adaptivePool(2);
    if (name == "aten.adaptive_avg_pool3d" ||
        name == "aten.adaptive_max_pool3d")
      return adaptivePool(3);
    if (name == "aten.view" || name == "aten.reshape")
      return reshape(1);
    if (name == "aten.flatten.using_ints")
      return flatten();
    if (name == "aten.unflatten.int")
      return unflatten();
    if (name == "aten.scaled_dot_product_attention") {
      // query's dims with the last one from value.
      TensorInfo q = in(0), v = in(2), r;
      r.dtype = q.dtype;
      if (q.sizes && v.sizes && !q.sizes->empty() && !v.sizes->empty()) {
        r.sizes = q.sizes;
        r.sizes->back() = v.sizes->back();
      }
      return r;
    }
    if (name == "aten.transpose.int")
      return transpose(1, 2);
    if (name == "aten.mT" || name == "aten.mH" || name == "aten.adjoint" ||
        name == "aten.matrix_H" || name == "aten.numpy_T") {
      TensorInfo a = same();
      if (a.sizes && a.sizes->size() >= 2) {
        if (name == "aten.numpy_T")
          std::reverse(a.sizes->begin(), a.sizes->end());
        else
          std::swap((*a.sizes)[a.sizes->size() - 1],
                    (*a.sizes)[a.sizes->size() - 2]);
      }
      return a;
    }
    if (name == "aten.movedim.int" || name == "aten.movedim.intlist" ||
        name == "aten.moveaxis.int" || name == "aten.moveaxis.intlist") {
      TensorInfo a = in(0), r;
      r.dtype = a.dtype;
      auto src = getConstantIntList(op->getOperand(1), 1);
      auto dst = getConstantIntList(op->getOperand(2), 1);
      if (!a.sizes || !src || !dst || src->size() != dst->size())
        return r;
      int64_t rank = a.sizes->size();
      Sizes perm(rank, -1);
      SmallVector<bool> used(rank, false);
      for (auto [sd, dd] : llvm::zip(*src, *dst)) {
        auto ns = normalizeAxis(sd, rank), nd = normalizeAxis(dd, rank);
        if (!ns || !nd || perm[*nd] != -1 || used[*ns])
          return r;
        perm[*nd] = *ns;
        used[*ns] = true;
      }
      int64_t next = 0;
      for (int64_t &p : perm)
        if (p == -1) {
          while (used[next])
            ++next;
          p = next;
          used[next] = true;
        }
      r.sizes = Sizes();
      for (int64_t p : perm)
        r.sizes->push_back((*a.sizes)[p]);
      return r;
    }
    if (name == "aten.ravel") {
      TensorInfo a = same(), r;
      r.dtype = a.dtype;
      r.sizes = Sizes{kUnknown};
      if (a.sizes && !llvm::is_contained(*a.sizes, kUnknown)) {
        int64_t n = 1;
        for (int64_t d : *a.sizes)
          n *= d;
        (*r.sizes)[0] = n;
      }
      return r;
    }
    if (name == "aten.squeeze.dims") {
      TensorInfo a = same();
      auto dims = getConstantIntList(op->getOperand(1), 1);
      if (!a.sizes || !dims)
        return TensorInfo{std::nullopt, a.dtype};
      Sizes out;
      int64_t rank = a.sizes->size();
      for (int64_t i = 0; i < rank; ++i) {
        bool listed = llvm::any_of(*dims, [&](int64_t d) {
          return normalizeAxis(d, rank) == std::optional<int64_t>(i);
        });
        if (listed && (*a.sizes)[i] == kUnknown)
          return TensorInfo{std::nullopt, a.dtype};
        if (!(listed && (*a.sizes)[i] == 1))
          out.push_back((*a.sizes)[i]);
      }
      a.sizes = out;
      return a;
    }
    if (name == "aten.hstack" || name == "aten.vstack" ||
        name == "aten.dstack" || name == "aten.column_stack")
      return stackLike(name);
    if (name == "aten.signbit") {
      TensorInfo r = same();
      r.dtype = boolT;
      return r;
    }
    if (name == "aten.rad2deg" || name == "aten.deg2rad" || name == "aten.exp2")
      return floating({0});
    if (name == "aten.xlogy.Tensor" || name == "aten.special_xlogy")
      return floating({0, 1});
    if (name == "aten.var" || name == "aten.std" || name == "aten.var_mean" ||
        name == "aten.std_mean")
      return reduce(std::nullopt, false);
    if (name == "aten.t") {
      TensorInfo a = same();
      if (a.sizes && a.sizes->size() == 2)
        std::swap((*a.sizes)[0], (*a.sizes)[1]);
      return a;
    }
    if (name == "aten.permute")
      return permute();
    if (name == "aten.unsqueeze")
      return unsqueeze();
    if (name == "aten.squeeze")
      return squeeze(false);
    if (name == "aten.squeeze.dim")
      return squeeze(true);
    if (name == "aten.cat")
      return cat(false);
    if (name == "aten.stack")
      return cat(true);
    if (name == "aten.slice.Tensor")
      return slice();
    if (name == "aten.select.int")
      return select();
    if (name == "aten.narrow") {
      TensorInfo a = same();
      auto d = getConstantInt(op->getOperand(1));
      auto len = getConstantInt(op->getOperand(3));
      if (a.sizes && d)
        if (auto n = normalizeAxis(*d, a.sizes->size()))
          (*a.sizes)[*n] = len.value_or(kUnknown);
      if (a.sizes && !d)
        a.sizes.reset();
      return a;
    }
    if (name == "aten.mean.dim" || name == "aten.sum.dim_IntList" ||
        name == "aten.nansum" || name == "aten.nanmean") {
      std::optional<Sizes> dims;
      if (!isConstantNone(op->getOperand(1))) {
        dims = getConstantIntList(op->getOperand(1), 1);
        if (!dims)
          return TensorInfo{std::nullopt, in(0).dtype};
      }
      auto keep = getConstantBool(op->getOperand(2));
      if (!keep)
        return TensorInfo{std::nullopt, in(0).dtype};
      TensorInfo r = reduce(dims, *keep);
      if ((name == "aten.sum.dim_IntList" || name == "aten.nansum") &&
          r.dtype && category(r.dtype) < 2)
        r.dtype = si64();
      return withDtypeArg(r, 3);
    }
    if (name == "aten.prod.dim_int") {
      auto d = getConstantInt(op->getOperand(1));
      auto keep = getConstantBool(op->getOperand(2));
      if (!d || !keep)
        return TensorInfo{std::nullopt, in(0).dtype};
      TensorInfo r = reduce(Sizes{*d}, *keep);
      if (r.dtype && category(r.dtype) < 2)
        r.dtype = si64();
      return withDtypeArg(r, 3);
    }
    if (name == "aten.sum" || name == "aten.mean" || name == "aten.prod") {
      TensorInfo r = reduce(std::nullopt, false);
      if (name != "aten.mean" && r.dtype && category(r.dtype) < 2)
        r.dtype = si64();
      return withDtypeArg(r, 1);
    }
    if (name == "aten.amax" || name == "aten.amin" ||
        name == "aten.logsumexp" || name == "aten.std.dim" ||
        name == "aten.var.dim" || name == "aten.std.correction" ||
        name == "aten.var.correction" || name == "aten.linalg_vector_norm" ||
        name == "aten.var_mean.dim" || name == "aten.std_mean.dim" ||
        name == "aten.var_mean.correction" ||
        name == "aten.std_mean.correction") {
      unsigned dimsIdx = name == "aten.linalg_vector_norm" ? 2 : 1;
      unsigned keepIdx = (name == "aten.amax" || name == "aten.amin" ||
                          name == "aten.logsumexp")
                             ? 2
                             : 3;
      Type dtype = in(0).dtype;
      if (name == "aten.linalg_vector_norm") {
        if (dtype && !isa<mlir::FloatType>(dtype))
          dtype = {};
        if (!isConstantNone(op->getOperand(4)))
          if (auto code = getConstantInt(op->getOperand(4)))
            dtype = getTypeForScalarTypeCode(ctx, *code);
      }
      std::optional<Sizes> dims;
      if (!isConstantNone(op->getOperand(dimsIdx))) {
        if (auto d = getConstantInt(op->getOperand(dimsIdx)))
          dims = Sizes{*d};
        else if (!(dims = getConstantIntList(op->getOperand(dimsIdx))))
          return TensorInfo{std::nullopt, dtype};
        if (dims->empty() && name == "aten.linalg_vector_norm")
          dims.reset(); // vector_norm: an empty list means every dim
      }
      auto keep = getConstantBool(op->getOperand(keepIdx));
      if (!keep)
        return TensorInfo{std::nullopt, dtype};
      return reduce(dims, *keep, dtype);
    }
    if (name == "aten.cosine_similarity") {
      TensorInfo b = elementwise({0, 1}), r;
      r.dtype = b.dtype;
      auto d = getConstantInt(op->getOperand(2));
      if (!b.sizes || !d)
        return r;
      auto n = normalizeAxis(*d, b.sizes->size());
      if (!n)
        return r;
      r.sizes = b.sizes;
      r.sizes->erase(r.sizes->begin() + *n);
      return r;
    }
    if (name == "aten.unfold") {
      TensorInfo x = in(0), r;
      r.dtype = x.dtype;
      auto d = getConstantInt(op->getOperand(1));
      auto size = getConstantInt(op->getOperand(2));
      auto step = getConstantInt(op->getOperand(3));
      if (!x.sizes || !d || !size || !step || *step < 1)
        return r;
      if (x.sizes->empty()) {
        r.sizes = Sizes{*size};
        return r;
      }
      auto nd = normalizeAxis(*d, x.sizes->size());
      if (!nd)
        return r;
      r.sizes = x.sizes;
      int64_t n = (*x.sizes)[*nd];
      (*r.sizes)[*nd] = n == kUnknown ? kUnknown : (n - *size) / *step + 1;
      r.sizes->push_back(*size);
      return r;
    }
    if (name == "aten.grid_sampler") {
      TensorInfo x = in(0), g = in(1), r;
      r.dtype = x.dtype;
      if (x.sizes && g.sizes && x.sizes->size() == 4 && g.sizes->size() == 4)
        r.sizes =
            Sizes{(*x.sizes)[0], (*x.sizes)[1], (*g.sizes)[1], (*g.sizes)[2]};
      return r;
    }
    if (name == "aten.argsort") {
      TensorInfo r = same();
      r.dtype = si64();
      return r;
    }
    if (name == "aten.movedim.int") {
      TensorInfo a = same(), r;
      r.dtype = a.dtype;
      auto src = getConstantInt(op->getOperand(1));
      auto dst = getConstantInt(op->getOperand(2));
      if (!a.sizes || !src || !dst)
        return r;
      auto ns = normalizeAxis(*src, a.sizes->size()),
           nd = normalizeAxis(*dst, a.sizes->size());
      if (!ns || !nd)
        return r;
      Sizes rest;
      for (size_t i = 0; i < a.sizes->size(); ++i)
        if ((int64_t)i != *ns)
          rest.push_back((*a.sizes)[i]);
      rest.insert(rest.begin() + *nd, (*a.sizes)[*ns]);
      r.sizes = rest;
      return r;
    }
    if (name == "aten.dot") {
      TensorInfo r;
      r.dtype = resultType({op->getOperand(0), op->getOperand(1)});
      r.sizes = Sizes();
      return r;
    }
    if (name == "aten.nll_loss_nd" || name == "aten.nll_loss" ||
        name == "aten.cross_entropy_loss") {
      // none: the target's shape; mean/sum: a scalar.
      auto red = getConstantInt(op->getOperand(3));
      TensorInfo r{std::nullopt, in(0).dtype};
      if (red && *red == 0)
        r.sizes = in(1).sizes;
      else if (red)
        r.sizes = Sizes();
      return r;
    }
    if (name == "aten.mse_loss" || name == "aten.smooth_l1_loss" ||
        name == "aten.soft_margin_loss" || name == "aten.kl_div") {
      auto red = getConstantInt(op->getOperand(2));
      if (red && *red == 0)
        return elementwise({0, 1});
      TensorInfo r{std::nullopt, in(0).dtype};
      if (red)
        r.sizes = Sizes();
      return r;
    }
    if (name == "aten.norm.Scalar" || name == "aten.norm.ScalarOpt_dim" ||
        name == "aten.frobenius_norm.dim") {
      Type dt = in(0).dtype && isa<mlir::FloatType>(in(0).dtype) ? in(0).dtype
                                                                 : Type();
      if (name == "aten.norm.Scalar")
        return reduce(std::nullopt, false, dt);
      unsigned dimsIdx = name == "aten.norm.ScalarOpt_dim" ? 2 : 1;
      auto dims = getConstantIntList(op->getOperand(dimsIdx));
      auto keep = getConstantBool(op->getOperand(dimsIdx + 1));
      if (!dims || !keep)
        return TensorInfo{std::nullopt, dt};
      if (dims->empty())
        return reduce(std::nullopt, *keep, dt);
      return reduce(*dims, *keep, dt);
    }
    if (name == "aten.all.dims" || name == "aten.any.dims") {
      auto keep = getConstantBool(op->getOperand(2));
      if (!keep)
        return TensorInfo{std::nullopt, i1()};
      if (isConstantNone(op->getOperand(1)))
        return reduce(std::nullopt, *keep, i1());
      auto dims = getConstantIntList(op->getOperand(1));
      if (!dims)
        return TensorInfo{std::nullopt, i1()};
      return dims->empty() ? reduce(std::nullopt, *keep, i1())
                           : reduce(*dims, *keep, i1());
    }
    if (name == "aten.all.dim" || name == "aten.any.dim") {
      auto d = getConstantInt(op->getOperand(1));
      auto keep = getConstantBool(op->getOperand(2));
      if (!d || !keep)
        return TensorInfo{std::nullopt, i1()};
      return reduce(Sizes{*d}, *keep, i1());
    }
    if (name == "aten.outer") {
      TensorInfo a = in(0), b = in(1), r;
      r.dtype = resultType({op->getOperand(0), op->getOperand(1)});
      if (a.sizes && b.sizes && a.sizes->size() == 1 && b.sizes->size() == 1)
        r.sizes = Sizes{(*a.sizes)[0], (*b.sizes)[0]};
      return r;
    }
    if (name == "aten.one_hot") {
      TensorInfo x = in(0), r;
      r.dtype = si64();
      auto n = getConstantInt(op->getOperand(1));
      if (!x.sizes || !n)
        return r;
      r.sizes = x.sizes;
      r.sizes->push_back(*n >= 0 ? *n : kUnknown);
      return r;
    }
    if (name == "aten.repeat_interleave.self_int") {
      TensorInfo x = in(0), r;
      r.dtype = x.dtype;
      auto reps = getConstantInt(op->getOperand(1));
      if (!x.sizes || !reps)
        return r;
      auto mul = [&](int64_t v) { return v == kUnknown ? v : v * *reps; };
      if (isConstantNone(op->getOperand(2))) {
        int64_t n = 1;
        for (int64_t v : *x.sizes)
          n = (v == kUnknown || n == kUnknown) ? kUnknown : n * v;
        r.sizes = Sizes{mul(n)};
        return r;
      }
      auto d = getConstantInt(op->getOperand(2));
      auto nd = d ? normalizeAxis(*d, x.sizes->size()) : std::nullopt;
      if (!nd)
        return r;
      r.sizes = x.sizes;
      (*r.sizes)[*nd] = mul((*r.sizes)[*nd]);
      return r;
    }
    if (name == "aten.std" || name == "aten.var" || name == "aten.max" ||
        name == "aten.min" || name == "aten.all" || name == "aten.any") {
      TensorInfo r = reduce(std::nullopt, false);
      if (name == "aten.all" || name == "aten.any")
        r.dtype = boolT;
      return r;
    }
    if (name == "aten.argmax" || name == "aten.argmin") {
      std::optional<Sizes> dims;
      if (!isConstantNone(op->getOperand(1))) {
        auto d = getConstantInt(op->getOperand(1));
        if (!d)
          return TensorInfo{std::nullopt, si64()};
        dims = Sizes{*d};
      }
      auto keep = getConstantBool(op->getOperand(2));
      if (!keep)
        return TensorInfo{std::nullopt, si64()};
      // No dim: the flattened argmax; keepdim keeps every dim as 1.
      return reduce(dims, *keep, si64());
    }
    if (name == "aten.to.dtype" || name == "aten.to.dtype_layout" ||
        name == "aten.to.prim_dtype" || name == "aten._to_copy")
      return withDtypeArg(same(), 1);
    if (name == "aten.to.device")
      return withDtypeArg(same(), 2);
    if (name == "aten.to.other" || name == "aten.type_as") {
      TensorInfo r = same();
      r.dtype = in(1).dtype;
      return r;
    }
    if (name == "aten.expand" || name == "aten.broadcast_to")
      return expand();
    if (name == "aten.expand_as" || name == "aten.view_as" ||
        name == "aten.reshape_as") {
      TensorInfo r = in(1);
      r.dtype = in(0).dtype;
      return r;
    }
    if (name == "aten.embedding")
      return embedding();
    static const llvm::StringSet<> upsampleSized = {
        "aten.upsample_nearest1d",  "aten.upsample_nearest2d",
        "aten.upsample_nearest3d",  "aten.upsample_linear1d",
        "aten.upsample_bilinear2d", "aten.upsample_trilinear3d",
        "aten.upsample_bicubic2d"};
    if (upsampleSized.contains(name))
      return upsample();
    static const llvm::StringSet<> upsampleVec = {
        "aten.upsample_nearest1d.vec",  "aten.upsample_nearest2d.vec",
        "aten.upsample_nearest3d.vec",  "aten.upsample_linear1d.vec",
        "aten.upsample_bilinear2d.vec", "aten.upsample_trilinear3d.vec",
        "aten.upsample_bicubic2d.vec"};
    if (upsampleVec.contains(name)) {
      TensorInfo x = in(0), r;
      r.dtype = x.dtype;
      if (!x.sizes || x.sizes->size() < 3)
        return r;
      if (!isConstantNone(op->getOperand(1)))
        return upsample();
      unsigned scaleIdx = name.starts_with("aten.upsample_nearest") ? 2 : 3;
      auto elems = getListElements(op->getOperand(scaleIdx));
      if (!elems || elems->size() + 2 != x.sizes->size())
        return r;
      r.sizes = Sizes(x.sizes->begin(), x.sizes->begin() + 2);
      for (auto [i, e] : llvm::enumerate(*elems)) {
        auto f = getConstantFloat(e);
        int64_t d = (*x.sizes)[i + 2];
        r.sizes->push_back(f && d != kUnknown ? (int64_t)std::floor(d * *f)
                                              : kUnknown);
      }
      return r;
    }
    if (name == "aten.constant_pad_nd" || name == "aten.reflection_pad1d" ||
        name == "aten.reflection_pad2d" || name == "aten.replication_pad1d" ||
        name == "aten.replication_pad2d")
      return pad();
    if (name == "aten.zeros" || name == "aten.ones" ||
        name == "aten.empty.memory_format") {
      Type dt = isConstantNone(op->getOperand(1)) ? dflt() : Type();
      return withDtypeArg(sizesFromList(0, dt), 1);
    }
    if (name == "aten.full") {
      Type dt;
      if (isConstantNone(op->getOperand(2)))
        dt = resultType({op->getOperand(1)});
      return withDtypeArg(sizesFromList(0, dt), 2);
    }
    if (name == "aten.new_zeros" || name == "aten.new_ones" ||
        name == "aten.new_empty") {
      Type dt = isConstantNone(op->getOperand(2)) ? in(0).dtype : Type();
      return withDtypeArg(sizesFromList(1, dt), 2);
    }
    if (name == "aten.new_full") { // (self, size, fill_value, dtype, ...)
      Type dt = isConstantNone(op->getOperand(3)) ? in(0).dtype : Type();
      return withDtypeArg(sizesFromList(1, dt), 3);
    }
    if (name == "aten.binary_cross_entropy_with_logits") {
      auto red = getConstantInt(op->getOperand(4));
      if (red && *red == 0)
        return elementwise({0, 1}, in(0).dtype);
      TensorInfo r;
      r.dtype = in(0).dtype;
      if (red)
        r.sizes = Sizes();
      return r;
    }
    if (name == "aten.arange" || name == "aten.arange.start" ||
        name == "aten.arange.start_step") {
      unsigned nScalars = name == "aten.arange"         ? 1
                          : name == "aten.arange.start" ? 2
                                                        : 3;
      SmallVector<Value> vals;
      for (unsigned i = 0; i < nScalars; ++i)
        vals.push_back(op->getOperand(i));
      TensorInfo r;
      r.sizes = Sizes{kUnknown};
      if (isConstantNone(op->getOperand(nScalars))) {
        r.dtype = resultType(vals);
        if (r.dtype && category(r.dtype) == 1)
          r.dtype = si64();
      }
      return withDtypeArg(r, nScalars);
    }
    if (name == "aten.scalar_tensor") {
      TensorInfo r;
      r.sizes = Sizes();
      r.dtype = isConstantNone(op->getOperand(1)) ? dflt() : Type();
      return withDtypeArg(r, 1);
    }
    if (name == "prim.NumToTensor.Scalar") {
      TensorInfo r;
      r.sizes = Sizes();
      r.dtype = describe(op->getOperand(0)).dtype;
      return r;
    }
    if (name == "aten.repeat" || name == "aten.tile") {
      TensorInfo a = same(), r;
      r.dtype = a.dtype;
      auto reps = getConstantIntList(op->getOperand(1));
      if (name == "aten.tile" && reps && a.sizes &&
          reps->size() < a.sizes->size())
        reps->insert(reps->begin(), a.sizes->size() - reps->size(), 1);
      if (!a.sizes || !reps || reps->size() < a.sizes->size())
        return r;
      Sizes s(reps->size() - a.sizes->size(), 1);
      s.append(*a.sizes);
      for (size_t i = 0; i < s.size(); ++i)
        s[i] = s[i] == kUnknown ? kUnknown : s[i] * (*reps)[i];
      r.sizes = s;
      return r;
    }
    if (name == "aten.pixel_unshuffle") {
      TensorInfo a = same(), r;
      r.dtype = a.dtype;
      auto f = getConstantInt(op->getOperand(1));
      if (!a.sizes || !f || a.sizes->size() != 4 || *f <= 0)
        return r;
      Sizes &s = *a.sizes;
      auto div = [&](int64_t d) { return d == kUnknown ? kUnknown : d / *f; };
      r.sizes = Sizes{s[0], s[1] == kUnknown ? kUnknown : s[1] * *f * *f,
                      div(s[2]), div(s[3])};
      return r;
    }
    if (name == "aten.sinc")
      return floating({0});
    if (name == "aten.trace") {
      TensorInfo r{Sizes(), in(0).dtype};
      if (r.dtype && category(r.dtype) < 2)
        r.dtype = si64();
      return r;
    }
    if (name == "aten.pixel_shuffle") {
      TensorInfo a = same(), r;
      r.dtype = a.dtype;
      auto f = getConstantInt(op->getOperand(1));
      if (!a.sizes || !f || a.sizes->size() != 4)
        return r;
      auto mul = [](int64_t d, int64_t k) {
        return d == kUnknown ? kUnknown : d * k;
      };
      Sizes &s = *a.sizes;
      r.sizes = Sizes{s[0], s[1] == kUnknown ? kUnknown : s[1] / (*f * *f),
                      mul(s[2], *f), mul(s[3], *f)};
      return r;
    }
    if (name == "aten.rand_like" || name == "aten.randn_like")
      return withDtypeArg(same(), 1); // (self, dtype?, ...)
    if (name == "aten.bernoulli" || name == "aten.bernoulli.p" ||
        name == "aten.rrelu" || name == "aten.normal" || name == "aten.uniform")
      return same();
    if (name == "aten.normal.Tensor_Tensor")
      return elementwise({0, 1});
    if (name == "aten.to.prim_Device") // (self, device, dtype?, ...)
      return withDtypeArg(same(), 2);
    if (name == "aten.gather" || name == "aten.index_select") {
      TensorInfo r;
      r.dtype = in(0).dtype;
      if (name == "aten.gather")
        r.sizes = in(2).sizes;
      // index_select: the input's sizes, the indexed dim as long as the
      // (1-D or 0-d) index.
      auto d = getConstantInt(op->getOperand(1));
      TensorInfo x = in(0), idx = in(2);
      if (name == "aten.index_select" && d && x.sizes)
        if (auto nd = normalizeAxis(*d, x.sizes->size())) {
          r.sizes = x.sizes;
          (*r.sizes)[*nd] = !idx.sizes || idx.sizes->size() > 1 ? kUnknown
                            : idx.sizes->empty()                ? 1
                                                 : (*idx.sizes)[0];
        }
      return r;
    }
    if (name == "aten.einsum" || name == "aten.index.Tensor" ||
        name == "aten.index.Tensor_hacked_twin" || name == "aten.nonzero" ||
        name == "aten.argwhere" || name == "aten.masked_select") {
      TensorInfo r;
      if (name == "aten.nonzero" || name == "aten.argwhere") {
        r.dtype = si64(); // [count, rank]
        if (auto s = in(0).sizes)
          r.sizes = Sizes{kUnknown, (int64_t)s->size()};
      } else if (name == "aten.masked_select") {
        r.dtype = in(0).dtype; // the selected elements, flattened
        r.sizes = Sizes{kUnknown};
      } else if (name == "aten.einsum") {
        if (auto e = getListElements(op->getOperand(1))) {
          r.dtype = resultType(*e);
          if (auto eq = op->getOperand(0).getDefiningOp<ConstantStrOp>())
            r.sizes = einsumSizes(eq.getValue(), *e);
        }
      } else {
        r.dtype = in(0).dtype;
        r.sizes = advancedIndexSizes();
      }
      return r;
    }
    return std::nullopt;
  }

  /// x[i0, None, i2, ...] (aten.index.Tensor): the index tensors broadcast
  /// together (a bool mask: one run-time length for its dims), placed where
  /// the indexed dims were when they are adjacent, first otherwise; the
  /// other dims kept in order.
  std::optional<Sizes> advancedIndexSizes() const {
    TensorInfo x = in(0);
    auto elems = getListElements(op->getOperand(1));
    if (!x.sizes || !elems)
      return std::nullopt;
    int64_t rank = x.sizes->size(), dim = 0, first = -1, last = -1;
    SmallVector<std::optional<Sizes>> shapes;
    SmallVector<bool> consumed(rank, false);
    bool adjacent = true;
    for (Value v : *elems) {
      if (isConstantNone(v) || !isTorchTensorType(v.getType())) {
        ++dim;
        continue;
      }
      TensorInfo t = TensorInfo::of(v.getType());
      if (!t.sizes || !t.dtype)
        return std::nullopt;
      bool mask = t.dtype.isInteger(1) || t.dtype.isUnsignedInteger(8);
      int64_t used = mask ? t.sizes->size() : 1;
      if (dim + used > rank)
        return std::nullopt;
      if (last >= 0 && last != dim)
        adjacent = false;
      if (first < 0)
        first = dim;
      for (int64_t k = 0; k < used; ++k)
        consumed[dim + k] = true;
      dim += used;
      last = dim;
      shapes.push_back(mask ? Sizes{kUnknown} : *t.sizes);
    }
    auto b = broadcast(shapes);
    if (first < 0 || !b)
      return std::nullopt;
    Sizes out;
    for (int64_t i = 0; i < rank; ++i) {
      if (adjacent && i == first)
        out.append(b->begin(), b->end());
      if (!consumed[i])
        out.push_back((*x.sizes)[i]);
    }
    if (!adjacent)
      out.insert(out.begin(), b->begin(), b->end());
    return out;
  }
};

/// A list of tensors: its element type, as a TensorInfo.
std::optional<TensorInfo> listElementInfo(Type t) {
  auto l = dyn_cast<ListType>(t);
  if (!l || !isTorchTensorType(l.getContainedType()))
    return std::nullopt;
  return TensorInfo::of(l.getContainedType());
}

/// An empty list, or a loop-carried list that starts empty, whose element
/// type is still unknown: the bottom of the lattice for appends and merges.
bool isBottomList(Value v) {
  auto info = listElementInfo(v.getType());
  if (!info || info->dtype || info->sizes)
    return false;
  if (auto l = v.getDefiningOp<PrimListConstructOp>())
    return l.getElements().empty();
  if (auto arg = dyn_cast<BlockArgument>(v))
    if (auto loop = dyn_cast<PrimLoopOp>(arg.getOwner()->getParentOp()))
      if (arg.getArgNumber() > 0)
        return isBottomList(loop->getOperand(arg.getArgNumber() + 1));
  return false;
}

/// Packed sequences (pack_padded_sequence) are carried padded and time-major
/// here: the data as [T, B, *], the batch sizes as PyTorch's (one per time
/// step up to the longest length), not in PyTorch's packed [sum(lengths), *]
/// layout. Forget the sizes a trace recorded for the packed data, the batch
/// sizes, the layers' packed outputs and the padded result (its time extent
/// follows the lengths); the rules below give the padded layout's.
void forgetPackedSizes(func::FuncOp func) {
  auto forget = [](Value v) {
    if (isTorchTensorType(v.getType()))
      v.setType(
          withInfo(v.getType(), TensorInfo{std::nullopt,
                                           TensorInfo::of(v.getType()).dtype}));
  };
  func.walk([&](Operation *op) {
    std::string key = getOpKey(op);
    if (key == "aten._pack_padded_sequence" && op->getNumResults() == 2) {
      forget(op->getResult(0));
      forget(op->getResult(1));
    } else if (isPackedRNNKey(key) || key == "aten._pad_packed_sequence") {
      forget(op->getResult(0));
    }
  });
}

struct TorchRefineTypesPass
    : Torch::impl::TorchRefineTypesBase<TorchRefineTypesPass> {
  /// The type each value had before the pass; results never lose it.
  DenseMap<Value, TensorInfo> declared;
  /// The module's default dtype (read once per run).
  Type defaultDtype;

  TensorInfo declaredOf(Value v) {
    auto it = declared.find(v);
    if (it != declared.end())
      return it->second;
    if (auto e = listElementInfo(v.getType()))
      return *e;
    return TensorInfo::of(v.getType());
  }

  /// Element info of a list value for a merge (nullopt: bottom).
  std::optional<TensorInfo> listJoinInput(Value v) {
    if (isBottomList(v))
      return std::nullopt;
    return listElementInfo(v.getType());
  }

  /// Sets `v`'s type from `info` (meet the declared type); true if it changed.
  bool update(Value v, const TensorInfo &info) {
    if (auto elem = listElementInfo(v.getType())) {
      Type contained = cast<ListType>(v.getType()).getContainedType();
      TensorInfo base = declaredOf(v);
      Type t =
          ListType::get(v.getContext(), withInfo(contained, meet(base, info)));
      if (t == v.getType())
        return false;
      v.setType(t);
      ++numRefined;
      return true;
    }
    if (!isTorchTensorType(v.getType()))
      return false;
    Type t = withInfo(v.getType(), meet(declaredOf(v), info));
    if (t == v.getType())
      return false;
    LLVM_DEBUG(llvm::dbgs()
               << "refined " << v.getType() << " -> " << t << "\n");
    v.setType(t);
    ++numRefined;
    return true;
  }

  /// Recurrent layers and fused attention (several tensor results).
  /// The later results of the long tail's multi-result ops (the first is
  /// Inference::inferLongTail's).
  void refineLongTailResults(Operation *op, bool &changed) {
    std::string key = getOpKey(op);
    StringRef name = key;
    if (op->getNumResults() < 2)
      return;
    Type i64 = IntegerType::get(op->getContext(), 64, IntegerType::Signed);
    TensorInfo first = TensorInfo::of(op->getResult(0).getType());
    if (name == "aten.aminmax") {
      changed |= update(op->getResult(1), first);
    } else if (name == "aten.median.dim" || name == "aten.nanmedian.dim") {
      changed |= update(op->getResult(1), TensorInfo{first.sizes, i64});
    } else if ((name.starts_with("aten.max_pool") &&
                name.ends_with("_with_indices")) ||
               name.starts_with("aten.adaptive_max_pool")) {
      changed |= update(op->getResult(1), TensorInfo{first.sizes, i64});
    } else if (name == "aten._unique2") {
      TensorInfo x = TensorInfo::of(op->getOperand(0).getType());
      changed |= update(op->getResult(1), TensorInfo{x.sizes, i64});
      if (op->getNumResults() > 2)
        changed |= update(op->getResult(2), TensorInfo{first.sizes, i64});
    } else if (name == "aten.native_layer_norm" && op->getNumResults() == 3) {
      TensorInfo x = TensorInfo::of(op->getOperand(0).getType());
      TensorInfo stat{std::nullopt, x.dtype};
      auto norm = getConstantIntList(op->getOperand(1));
      if (x.sizes && norm && norm->size() <= x.sizes->size()) {
        stat.sizes = x.sizes;
        for (size_t i = 0; i < norm->size(); ++i)
          (*stat.sizes)[stat.sizes->size() - 1 - i] = 1;
      }
      changed |= update(op->getResult(1), stat);
      changed |= update(op->getResult(2), stat);
    } else if (name == "aten._native_batch_norm_legit_no_training") {
      // Inference keeps no statistics: both are empty.
      TensorInfo x = TensorInfo::of(op->getOperand(0).getType());
      for (unsigned i = 1; i < op->getNumResults(); ++i)
        changed |= update(op->getResult(i), TensorInfo{Sizes{0}, x.dtype});
    } else if (name.starts_with("aten.embedding_bag")) {
      for (unsigned i = 1; i < op->getNumResults(); ++i)
        changed |= update(op->getResult(i), TensorInfo{Sizes{kUnknown}, i64});
    }
  }

  void refineMultiResult(Operation *op, bool &changed) {
    StringRef n = op->getName().getStringRef();
    std::string key = getOpKey(op);
    bool lstm = n == "torch.aten.lstm.input", gru = n == "torch.aten.gru.input";
    bool rnn = key == "aten.rnn_tanh.input" || key == "aten.rnn_relu.input";
    if (key == "aten.lstm_cell" || key == "aten.gru_cell" ||
        key == "aten.rnn_tanh_cell" || key == "aten.rnn_relu_cell") {
      // h (and c): [batch, hidden] from the input and W_hh [G*hidden, hidden].
      TensorInfo x = TensorInfo::of(op->getOperand(0).getType());
      TensorInfo whh = TensorInfo::of(op->getOperand(3).getType());
      TensorInfo h{std::nullopt, x.dtype};
      if (x.sizes && x.sizes->size() == 2 && whh.sizes &&
          whh.sizes->size() == 2)
        h.sizes = Sizes{(*x.sizes)[0], (*whh.sizes)[1]};
      for (Value r : op->getResults())
        changed |= update(r, h);
      return;
    }
    // Recurrent layers over a sequence (.input: input, hx, params, ...,
    // batch_first) or a packed one (.data: data, batch_sizes, hx, params,
    // ...; padded and time-major here): output [T, B, dirs * hidden] (batch
    // first as the input), states [layers * dirs, B, hidden].
    bool packed = isPackedRNNKey(key);
    if (lstm || gru || rnn || packed) {
      unsigned p = packed ? 3 : 2;
      TensorInfo x = TensorInfo::of(op->getOperand(0).getType());
      auto params = getListElements(op->getOperand(p));
      auto layers = getConstantInt(op->getOperand(p + 2));
      auto bidir = getConstantBool(op->getOperand(p + 5));
      auto batchFirst = packed ? std::optional<bool>(false)
                               : getConstantBool(op->getOperand(p + 6));
      if (!params || params->size() < 2 || !layers || !bidir || !batchFirst)
        return;
      TensorInfo whh = TensorInfo::of((*params)[1].getType());
      int64_t dirs = *bidir ? 2 : 1;
      TensorInfo y{std::nullopt, x.dtype}, h{std::nullopt, x.dtype};
      if (whh.sizes && whh.sizes->size() == 2 && x.sizes &&
          x.sizes->size() == 3) {
        int64_t hidden = (*whh.sizes)[1];
        y.sizes = Sizes{(*x.sizes)[0], (*x.sizes)[1], dirs * hidden};
        int64_t batch = (*x.sizes)[*batchFirst ? 0 : 1];
        h.sizes = Sizes{*layers * dirs, batch, hidden};
      }
      changed |= update(op->getResult(0), y);
      for (unsigned i = 1; i < op->getNumResults(); ++i)
        changed |= update(op->getResult(i), h);
      return;
    }
    if (key == "aten._pack_padded_sequence" && op->getNumResults() == 2) {
      // (input, lengths, batch_first) -> ([T, B, *] time-major, [?] si64).
      TensorInfo x = TensorInfo::of(op->getOperand(0).getType());
      auto bf = getConstantBool(op->getOperand(2));
      TensorInfo data{std::nullopt, x.dtype};
      if (x.sizes && x.sizes->size() >= 2 && bf) {
        data.sizes = x.sizes;
        if (*bf)
          std::swap((*data.sizes)[0], (*data.sizes)[1]);
      }
      changed |= update(op->getResult(0), data);
      changed |= update(
          op->getResult(1),
          TensorInfo{Sizes{kUnknown}, IntegerType::get(op->getContext(), 64,
                                                       IntegerType::Signed)});
      return;
    }
    if (key == "aten._pad_packed_sequence" && op->getNumResults() == 2) {
      // (data [T, B, *], batch_sizes, batch_first, padding_value,
      // total_length) -> [B, total_length, *] or [total_length, B, *], and
      // the lengths [B].
      TensorInfo x = TensorInfo::of(op->getOperand(0).getType());
      auto bf = getConstantBool(op->getOperand(2));
      TensorInfo y{std::nullopt, x.dtype};
      Type i64 = IntegerType::get(op->getContext(), 64, IntegerType::Signed);
      TensorInfo lengths{Sizes{kUnknown}, i64};
      if (x.sizes && x.sizes->size() >= 2 && bf) {
        y.sizes = x.sizes;
        (*y.sizes)[0] = kUnknown;
        if (auto total = getConstantInt(op->getOperand(4));
            total && *total >= 0)
          (*y.sizes)[0] = *total;
        if (*bf)
          std::swap((*y.sizes)[0], (*y.sizes)[1]);
        lengths.sizes = Sizes{(*x.sizes)[1]};
      }
      changed |= update(op->getResult(0), y);
      changed |= update(op->getResult(1), lengths);
      return;
    }
    if (n == "torch.aten._transformer_encoder_layer_fwd") {
      changed |=
          update(op->getResult(0), TensorInfo::of(op->getOperand(0).getType()));
      return;
    }
    if (n == "torch.aten._native_multi_head_attention") {
      TensorInfo q = TensorInfo::of(op->getOperand(0).getType());
      TensorInfo k = TensorInfo::of(op->getOperand(1).getType());
      changed |= update(op->getResult(0), q);
      TensorInfo w{std::nullopt, q.dtype};
      if (q.sizes && k.sizes && q.sizes->size() == 3 && k.sizes->size() == 3)
        w.sizes = Sizes{(*q.sizes)[0], (*q.sizes)[1], (*k.sizes)[1]};
      changed |= update(op->getResult(1), w);
    }
  }

  /// Pieces of split/chunk/unbind: the input's dtype, and sizes where the
  /// split is static.
  /// broadcast_tensors: every piece has the inputs' broadcast shape;
  /// meshgrid: [n0, n1, ...] of the 1-D inputs' lengths (the first two
  /// swapped with indexing "xy").
  void refineBroadcastUnpack(PrimListUnpackOp unpack, Operation *src,
                             bool &changed) {
    auto elems = getListElements(src->getOperand(0));
    if (!elems || elems->size() != unpack->getNumResults())
      return;
    SmallVector<std::optional<Sizes>> shapes;
    SmallVector<TensorInfo> infos;
    for (Value v : *elems) {
      infos.push_back(TensorInfo::of(v.getType()));
      shapes.push_back(infos.back().sizes);
    }
    std::optional<Sizes> common;
    if (getOpKey(src) == "aten.broadcast_tensors") {
      common = broadcast(shapes);
    } else {
      bool xy = false;
      if (src->getNumOperands() > 1)
        if (auto c = src->getOperand(1).getDefiningOp<ConstantStrOp>())
          xy = c.getValue() == "xy";
      common = Sizes();
      for (const auto &sh : shapes) {
        if (!sh || sh->size() > 1) {
          common.reset();
          break;
        }
        common->push_back(sh->empty() ? 1 : (*sh)[0]);
      }
      if (common && xy && common->size() >= 2)
        std::swap((*common)[0], (*common)[1]);
    }
    for (unsigned i = 0; i < unpack->getNumResults(); ++i)
      changed |=
          update(unpack.getResult(i), TensorInfo{common, infos[i].dtype});
  }

  void refineUnpack(PrimListUnpackOp unpack, bool &changed) {
    Operation *src = unpack.getList().getDefiningOp();
    if (!src)
      return;
    std::string srcKey = getOpKey(src);
    StringRef sk = srcKey;
    // A list whose element type is known (where(condition)'s indices).
    if ((sk == "aten.where" && src->getNumOperands() == 1) ||
        sk == "aten.nonzero_numpy") {
      if (auto e = listElementInfo(unpack.getList().getType()))
        for (Value r : unpack.getResults())
          changed |= update(r, *e);
      return;
    }
    if (sk == "aten.broadcast_tensors" || sk.starts_with("aten.meshgrid")) {
      refineBroadcastUnpack(unpack, src, changed);
      return;
    }
    // The splits below read the dim and sizes operands.
    if (src->getNumOperands() < 2)
      return;
    if (sk.starts_with("aten.tensor_split")) {
      // Pieces of the input's dtype and rank. Along a static dim of size n,
      // constant indices cut [0, i1), [i1, i2), ..., [ik, n) (each clamped
      // to [0, n], as torch does); s constant sections give the first
      // n % s pieces n / s + 1 and the rest n / s. Otherwise the split
      // dim is left unknown.
      TensorInfo in = TensorInfo::of(src->getOperand(0).getType());
      auto d = getConstantInt(src->getOperand(2));
      std::optional<int64_t> nd;
      if (in.sizes && d)
        nd = normalizeAxis(*d, in.sizes->size());
      SmallVector<int64_t> lengths(unpack->getNumResults(), kUnknown);
      if (nd && (*in.sizes)[*nd] != kUnknown) {
        int64_t n = (*in.sizes)[*nd];
        unsigned k = unpack->getNumResults();
        if (sk == "aten.tensor_split.indices") {
          auto idx = getConstantIntList(src->getOperand(1));
          if (idx && idx->size() + 1 == k) {
            SmallVector<int64_t> cut{0};
            for (int64_t i : *idx)
              cut.push_back(std::clamp<int64_t>(wrapAxis(i, n), 0, n));
            cut.push_back(n);
            for (unsigned j = 0; j < k; ++j)
              lengths[j] = std::max<int64_t>(0, cut[j + 1] - cut[j]);
          }
        } else if (sk == "aten.tensor_split.sections") {
          auto sec = getConstantInt(src->getOperand(1));
          if (sec && *sec == static_cast<int64_t>(k))
            for (unsigned j = 0; j < k; ++j)
              lengths[j] = n / k + (static_cast<int64_t>(j) < n % k ? 1 : 0);
        }
      }
      for (auto [r, len] : llvm::zip(unpack.getResults(), lengths)) {
        TensorInfo piece{std::nullopt, in.dtype};
        if (nd) {
          piece.sizes = in.sizes;
          (*piece.sizes)[*nd] = len;
        }
        changed |= update(r, piece);
      }
      return;
    }
    // The split family (the unsafe_ variants and split.sizes take the same
    // operands as their plain forms).
    bool isUnbind = sk == "aten.unbind.int";
    bool isChunk = sk == "aten.chunk" || sk == "aten.unsafe_chunk";
    bool isSizes = sk == "aten.split_with_sizes" || sk == "aten.split.sizes" ||
                   sk == "aten.unsafe_split_with_sizes";
    bool isSplit =
        sk == "aten.split.Tensor" || sk == "aten.unsafe_split.Tensor";
    if (!isUnbind && !isChunk && !isSizes && !isSplit)
      return;
    TensorInfo in = TensorInfo::of(src->getOperand(0).getType());
    unsigned count = unpack->getNumResults();
    SmallVector<TensorInfo> out(count, TensorInfo{std::nullopt, in.dtype});
    auto d = getConstantInt(src->getOperand(isUnbind ? 1 : 2));
    if (in.sizes && d) {
      if (auto nd = normalizeAxis(*d, in.sizes->size())) {
        int64_t total = (*in.sizes)[*nd];
        SmallVector<int64_t> sizes;
        if (isUnbind) {
          sizes.assign(count, 1);
        } else if (isSizes) {
          if (auto s = getConstantIntList(src->getOperand(1)))
            sizes = *s;
        } else if (auto k = getConstantInt(src->getOperand(1));
                   k && total != kUnknown && *k > 0) {
          int64_t piece = isChunk ? (total + *k - 1) / *k : *k;
          for (int64_t done = 0; done < total; done += piece)
            sizes.push_back(std::min(piece, total - done));
        }
        for (unsigned i = 0; i < count; ++i) {
          out[i].sizes = in.sizes;
          if (isUnbind)
            out[i].sizes->erase(out[i].sizes->begin() + *nd);
          else
            (*out[i].sizes)[*nd] = sizes.size() == count ? sizes[i] : kUnknown;
        }
      }
    }
    for (unsigned i = 0; i < count; ++i)
      changed |= update(unpack.getResult(i), out[i]);
  }

  /// A number read out of a tensor (item, ScalarImplicit,
  /// _local_scalar_dense: TorchScript's `Scalar`) becomes a float, int or
  /// bool as the tensor's dtype says, so that the ops using it (float(),
  /// int(), arithmetic) know what they convert. Only where every user is
  /// a torch op taking a Scalar; lists, tuples and block terminators keep
  /// the type they were declared with.
  bool refineNumber(Operation &op) {
    if (op.getNumResults() != 1 || op.getNumOperands() < 1 ||
        !isa<Torch::NumberType>(op.getResult(0).getType()))
      return false;
    std::string key = getOpKey(&op);
    if (key != "aten.item" && key != "aten.ScalarImplicit" &&
        key != "aten._local_scalar_dense")
      return false;
    Type d = TensorInfo::of(op.getOperand(0).getType()).dtype;
    if (!d)
      return false;
    for (OpOperand &use : op.getResult(0).getUses()) {
      Operation *user = use.getOwner();
      if (!isa<TorchDialect>(user->getDialect()) ||
          isa<PrimListConstructOp, PrimTupleConstructOp, PrimIfYieldOp,
              PrimLoopConditionOp, PrimLoopOp>(user))
        return false;
    }
    MLIRContext *ctx = op.getContext();
    Type t = isa<mlir::FloatType>(d) ? Type(Torch::FloatType::get(ctx))
             : d.isInteger(1)        ? Type(Torch::BoolType::get(ctx))
                                     : Type(Torch::IntType::get(ctx));
    LLVM_DEBUG(llvm::dbgs() << "refined " << key << " number -> " << t << "\n");
    op.getResult(0).setType(t);
    ++numRefined;
    return true;
  }

  bool visit(Block &block) {
    bool changed = false;
    for (Operation &op : block) {
      if (auto ifOp = dyn_cast<PrimIfOp>(op)) {
        for (Region &r : ifOp->getRegions())
          changed |= visit(r.front());
        Operation *t = ifOp.getThenRegion().front().getTerminator();
        Operation *e = ifOp.getElseRegion().front().getTerminator();
        for (auto [i, res] : llvm::enumerate(ifOp.getResults())) {
          if (listElementInfo(res.getType())) {
            auto a = listJoinInput(t->getOperand(i));
            auto c = listJoinInput(e->getOperand(i));
            if (a || c)
              changed |= update(res, a && c ? join(*a, *c) : a ? *a : *c);
            continue;
          }
          changed |=
              update(res, join(TensorInfo::of(t->getOperand(i).getType()),
                               TensorInfo::of(e->getOperand(i).getType())));
        }
        continue;
      }
      if (auto loop = dyn_cast<PrimLoopOp>(op)) {
        Block &body = loop->getRegion(0).front();
        Operation *term = body.getTerminator();
        unsigned nInit = loop->getNumOperands() - 2;
        // Generalize the carried block arguments until they are stable.
        for (int iter = 0; iter < 8; ++iter) {
          bool argChanged = false;
          for (unsigned j = 0; j < nInit; ++j) {
            BlockArgument arg = body.getArgument(j + 1);
            if (listElementInfo(arg.getType())) {
              auto init = listJoinInput(loop->getOperand(j + 2));
              auto yielded = listJoinInput(term->getOperand(j + 1));
              std::optional<TensorInfo> want = init;
              if (iter > 0 && yielded)
                want = want ? join(*want, *yielded) : *yielded;
              if (want && update(arg, *want))
                argChanged = true;
              continue;
            }
            if (!isTorchTensorType(arg.getType()))
              continue;
            TensorInfo init = TensorInfo::of(loop->getOperand(j + 2).getType());
            TensorInfo yielded =
                TensorInfo::of(term->getOperand(j + 1).getType());
            TensorInfo cur = TensorInfo::of(arg.getType());
            // First visit: start from the initial value.
            TensorInfo want = iter == 0 ? init : join(init, yielded);
            if (iter > 0)
              want = join(want, cur);
            Type t = withInfo(arg.getType(), meet(declaredOf(arg), want));
            if (t != arg.getType()) {
              arg.setType(t);
              argChanged = true;
            }
          }
          bool bodyChanged = visit(body);
          changed |= argChanged | bodyChanged;
          if (!argChanged && iter > 0)
            break;
        }
        for (auto [j, res] : llvm::enumerate(loop->getResults())) {
          Type t = body.getArgument(j + 1).getType();
          if (auto e = listElementInfo(t))
            changed |= update(res, *e);
          else
            changed |= update(res, TensorInfo::of(t));
        }
        continue;
      }
      for (Region &r : op.getRegions())
        for (Block &b : r)
          changed |= visit(b);
      if (auto a = dyn_cast<AtenAppendTOp>(op)) {
        if (isTorchTensorType(a.getEl().getType())) {
          TensorInfo e = TensorInfo::of(a.getEl().getType());
          auto l = listJoinInput(a.getSelf_());
          changed |= update(a.getResult(), l ? join(*l, e) : e);
        }
        continue;
      }
      // where(condition): one 1-D int64 index tensor per dim.
      if (((getOpKey(&op) == "aten.where" && op.getNumOperands() == 1) ||
           getOpKey(&op) == "aten.nonzero_numpy") &&
          op.getNumResults() == 1 &&
          listElementInfo(op.getResult(0).getType())) {
        changed |= update(
            op.getResult(0),
            TensorInfo{Sizes{kUnknown}, IntegerType::get(op.getContext(), 64,
                                                         IntegerType::Signed)});
        continue;
      }
      if (auto l = dyn_cast<PrimListConstructOp>(op)) {
        if (listElementInfo(l.getType()) && !l.getElements().empty()) {
          TensorInfo e = TensorInfo::of(l.getElements()[0].getType());
          for (Value v : l.getElements())
            e = join(e, TensorInfo::of(v.getType()));
          changed |= update(l.getResult(), e);
        }
        continue;
      }
      if (refineNumber(op)) {
        changed = true;
        continue;
      }
      if (op.getNumResults() == 0 ||
          !isTorchTensorType(op.getResult(0).getType()))
        continue;
      Inference inf{&op, op.getContext(), defaultDtype};
      if (auto info = inf.infer()) {
        changed |= update(op.getResult(0), *info);
        // var_mean/std_mean: the mean has the variance's shape and dtype.
        std::string key = getOpKey(&op);
        if (op.getNumResults() == 2 &&
            (StringRef(key).starts_with("aten.var_mean") ||
             StringRef(key).starts_with("aten.std_mean")))
          changed |= update(op.getResult(1), *info);
      }
      if (auto unpack = dyn_cast<PrimListUnpackOp>(op))
        refineUnpack(unpack, changed);
      refineMultiResult(&op, changed);
      refineLongTailResults(&op, changed);
      // Ops with an (values, indices) result pair.
      StringRef n = op.getName().getStringRef();
      if ((n == "torch.aten.max.dim" || n == "torch.aten.min.dim" ||
           n == "torch.aten.topk" || n == "torch.aten.sort") &&
          op.getNumResults() == 2) {
        TensorInfo r;
        TensorInfo a = TensorInfo::of(op.getOperand(0).getType());
        r.dtype = a.dtype;
        if (n == "torch.aten.max.dim" || n == "torch.aten.min.dim") {
          auto d = getConstantInt(op.getOperand(1));
          auto keep = getConstantBool(op.getOperand(2));
          if (d && keep && a.sizes)
            if (auto nd = normalizeAxis(*d, a.sizes->size())) {
              r.sizes = a.sizes;
              if (*keep)
                (*r.sizes)[*nd] = 1;
              else
                r.sizes->erase(r.sizes->begin() + *nd);
            }
        } else if (n == "torch.aten.sort") {
          r.sizes = a.sizes;
        } else if (n == "torch.aten.topk" && a.sizes) {
          // The input's sizes with k along dim (unknown for a run-time k).
          auto d = getConstantInt(op.getOperand(2));
          auto k = getConstantInt(op.getOperand(1));
          if (d)
            if (auto nd = normalizeAxis(*d, a.sizes->size())) {
              r.sizes = a.sizes;
              (*r.sizes)[*nd] = k ? *k : kUnknown;
            }
        }
        changed |= update(op.getResult(0), r);
        r.dtype = IntegerType::get(op.getContext(), 64, IntegerType::Signed);
        changed |= update(op.getResult(1), r);
      }
    }
    return changed;
  }

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    defaultDtype = getDefaultDtype(func);
    forgetPackedSizes(func);
    func.walk([&](Operation *op) {
      for (Value r : op->getResults()) {
        if (isTorchTensorType(r.getType()))
          declared[r] = TensorInfo::of(r.getType());
        else if (auto e = listElementInfo(r.getType()))
          declared[r] = *e;
      }
      for (Region &region : op->getRegions())
        for (Block &b : region)
          for (BlockArgument a : b.getArguments())
            if (isTorchTensorType(a.getType()))
              declared[a] = TensorInfo::of(a.getType());
            else if (auto e = listElementInfo(a.getType()))
              declared[a] = *e;
    });
    for (int i = 0; i < 16 && visit(func.getBody().front()); ++i)
      ++numRounds;
    // An empty list takes the element type of what it becomes (the loop or
    // branch that appends to it).
    func.walk([&](PrimListConstructOp l) {
      if (!isBottomList(l.getResult()))
        return;
      for (OpOperand &use : l->getUses())
        if (auto loop = dyn_cast<PrimLoopOp>(use.getOwner()))
          if (use.getOperandNumber() >= 2) {
            Value arg = loop->getRegion(0).front().getArgument(
                use.getOperandNumber() - 1);
            if (auto e = listElementInfo(arg.getType());
                e && (e->dtype || e->sizes)) {
              update(l.getResult(), *e);
              return;
            }
          }
    });
    // The signature follows the returned values.
    auto ret = func.getBody().front().getTerminator();
    func.setType(FunctionType::get(func.getContext(), func.getArgumentTypes(),
                                   ret->getOperandTypes()));
  }
};

} // namespace
