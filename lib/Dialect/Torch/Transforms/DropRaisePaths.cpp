//===- DropRaisePaths.cpp - exception paths and decided branches ---------===//

#include "torch-onnx/Dialect/Torch/IR/GeneratedTorchOps.h"
#include "torch-onnx/Dialect/Torch/Transforms/Passes.h"
#include "torch-onnx/Dialect/Torch/Utils/Utils.h"
#include "torch-onnx/Support/Axis.h"

#include "mlir/IR/PatternMatch.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "torch-drop-raise-paths"

namespace mlir::Torch {
#define GEN_PASS_DEF_TORCHDROPRAISEPATHS
#include "torch-onnx/Dialect/Torch/Transforms/Passes.h.inc"
} // namespace mlir::Torch

using namespace mlir;
using mlir::torch_onnx::normalizeAxis;
using namespace mlir::Torch;

namespace {

/// True if the block raises unconditionally (a prim.RaiseException among its
/// own ops).
bool raises(Block &block) {
  return llvm::any_of(
      block, [](Operation &op) { return isa<PrimRaiseExceptionOp>(op); });
}

/// `a is b` / `a is not b` when the types decide it: None against None, or
/// None against a value whose type cannot hold None (a tensor, an int).
std::optional<bool> staticIs(Operation *op) {
  std::string key = getOpKey(op);
  if ((key != "aten.__is__" && key != "aten.__isnot__") ||
      op->getNumOperands() != 2)
    return std::nullopt;
  auto isNone = [](Value v) { return isa<Torch::NoneType>(v.getType()); };
  auto mayBeNone = [](Value v) {
    return isa<Torch::NoneType, OptionalType, AnyType>(v.getType());
  };
  Value a = op->getOperand(0), b = op->getOperand(1);
  std::optional<bool> is;
  if (isNone(a) && isNone(b))
    is = true;
  else if ((isNone(a) && !mayBeNone(b)) || (isNone(b) && !mayBeNone(a)))
    is = false;
  if (!is)
    return std::nullopt;
  return key == "aten.__is__" ? *is : !*is;
}

/// Python's floor division of ints (none for a zero divisor).
std::optional<int64_t> floorDiv(int64_t x, int64_t y) {
  if (y == 0)
    return std::nullopt;
  int64_t q = x / y;
  if (x % y != 0 && (x < 0) != (y < 0))
    --q;
  return q;
}

/// The value of a 0-d integer tensor computed from known ints: traced size
/// arithmetic (prim.NumToTensor of an int, then mul/add/sub/floor_divide of
/// such tensors and ints), as torch.jit.trace records x.size(0) * x.size(1).
std::optional<int64_t> evalIntTensor(Value v, unsigned depth = 0) {
  Operation *def = v.getDefiningOp();
  if (!def || depth > 16)
    return std::nullopt;
  auto dtype = TensorInfo::of(v.getType()).dtype;
  if (isTorchTensorType(v.getType()) &&
      (!dtype || !isa<mlir::IntegerType>(dtype) || dtype.isInteger(1)))
    return std::nullopt;
  std::string key = getOpKey(def);
  if (key == "prim.NumToTensor.Scalar")
    return isa<IntType>(def->getOperand(0).getType())
               ? getConstantInt(def->getOperand(0))
               : std::nullopt;
  auto operand = [&](unsigned i) -> std::optional<int64_t> {
    Value o = def->getOperand(i);
    if (isa<IntType>(o.getType()))
      return getConstantInt(o);
    return evalIntTensor(o, depth + 1);
  };
  bool add = key == "aten.add.Tensor" || key == "aten.add.Scalar";
  bool sub = key == "aten.sub.Tensor" || key == "aten.sub.Scalar";
  bool mul = key == "aten.mul.Tensor" || key == "aten.mul.Scalar";
  bool fdiv = key == "aten.floor_divide" || key == "aten.floor_divide.Scalar";
  if (!add && !sub && !mul && !fdiv)
    return std::nullopt;
  auto x = operand(0), y = operand(1);
  if (!x || !y)
    return std::nullopt;
  int64_t alpha = 1;
  if ((add || sub) && def->getNumOperands() > 2) {
    auto a = getConstantInt(def->getOperand(2));
    if (!a)
      return std::nullopt;
    alpha = *a;
  }
  if (add)
    return *x + alpha * *y;
  if (sub)
    return *x - alpha * *y;
  if (mul)
    return *x * *y;
  return floorDiv(*x, *y);
}

/// The value of a scalar plumbing op whose operands are known: x.dim() of a
/// ranked tensor, int comparisons, not/and/or of bools, `k in [..]`,
/// len() of a built list, and the None identity tests.
std::optional<Attribute> evalScalar(Operation *op, Builder &b) {
  if (auto v = staticIs(op))
    return b.getBoolAttr(*v);
  std::string key = getOpKey(op);
  auto i = [&](unsigned k) { return getConstantInt(op->getOperand(k)); };
  auto bl = [&](unsigned k) { return getConstantBool(op->getOperand(k)); };
  // The export is device-independent: tensors are on "cpu" as traced.
  if (key == "prim.device")
    return b.getStringAttr("cpu");
  if (key == "aten.is_floating_point") {
    if (Type t = TensorInfo::of(op->getOperand(0).getType()).dtype)
      return b.getBoolAttr(isa<mlir::FloatType>(t));
    return std::nullopt;
  }
  if (key == "prim.dtype") {
    if (auto code = getScalarTypeCode(
            TensorInfo::of(op->getOperand(0).getType()).dtype))
      return b.getI64IntegerAttr(*code);
    return std::nullopt;
  }
  if (key == "aten.dim") {
    if (auto s = TensorInfo::of(op->getOperand(0).getType()).sizes)
      return b.getI64IntegerAttr(s->size());
    return std::nullopt;
  }
  // x.size(d) of a dim the type knows (a traced size with no dynamic axis
  // on it), and int(tensor(k)) of a known int k.
  if (key == "aten.size.int") {
    auto s = TensorInfo::of(op->getOperand(0).getType()).sizes;
    auto d = i(1);
    if (!s || !d)
      return std::nullopt;
    auto n = normalizeAxis(*d, s->size());
    if (!n || (*s)[*n] == ValueTensorType::kUnknownSize)
      return std::nullopt;
    return b.getI64IntegerAttr((*s)[*n]);
  }
  // Int arithmetic on known ints (traced size computations).
  static const llvm::StringMap<int> arith = {{"aten.add.int", 0},
                                             {"aten.sub.int", 1},
                                             {"aten.mul.int", 2},
                                             {"aten.floordiv.int", 3}};
  if (auto it = arith.find(key); it != arith.end()) {
    auto x = i(0), y = i(1);
    if (!x || !y)
      return std::nullopt;
    switch (it->second) {
    case 0:
      return b.getI64IntegerAttr(*x + *y);
    case 1:
      return b.getI64IntegerAttr(*x - *y);
    case 2:
      return b.getI64IntegerAttr(*x * *y);
    default:
      if (auto q = floorDiv(*x, *y))
        return b.getI64IntegerAttr(*q);
      return std::nullopt;
    }
  }
  if (key == "aten.Int.Tensor") {
    if (auto k = evalIntTensor(op->getOperand(0)))
      return b.getI64IntegerAttr(*k);
    return std::nullopt;
  }
  static const llvm::StringMap<int> cmp = {
      {"aten.eq.int", 0}, {"aten.ne.int", 1}, {"aten.lt.int", 2},
      {"aten.le.int", 3}, {"aten.gt.int", 4}, {"aten.ge.int", 5}};
  if (auto it = cmp.find(key); it != cmp.end()) {
    auto x = i(0), y = i(1);
    if (!x || !y)
      return std::nullopt;
    bool r[] = {*x == *y, *x != *y, *x<*y, *x <= *y, *x> * y, *x >= *y};
    return b.getBoolAttr(r[it->second]);
  }
  if (key == "aten.__not__") {
    if (auto x = bl(0))
      return b.getBoolAttr(!*x);
    return std::nullopt;
  }
  if (key == "aten.__and__.bool" || key == "aten.__or__.bool") {
    auto x = bl(0), y = bl(1);
    bool isAnd = key == "aten.__and__.bool";
    // A known operand that decides the result alone.
    for (auto v : {x, y})
      if (v && *v != isAnd)
        return b.getBoolAttr(!isAnd);
    if (x && y)
      return b.getBoolAttr(isAnd);
    return std::nullopt;
  }
  if (key == "aten.__contains__.int_list") {
    auto l = getConstantIntList(op->getOperand(0));
    auto k = i(1);
    if (l && k)
      return b.getBoolAttr(llvm::is_contained(*l, *k));
    return std::nullopt;
  }
  if (key == "aten.len.t") {
    if (auto l = op->getOperand(0).getDefiningOp<PrimListConstructOp>())
      if (llvm::all_of(l->getUsers(),
                       [](Operation *u) { return !isa<AtenAppendTOp>(u); }))
        return b.getI64IntegerAttr(l.getElements().size());
    return std::nullopt;
  }
  return std::nullopt;
}

struct TorchDropRaisePathsPass
    : Torch::impl::TorchDropRaisePathsBase<TorchDropRaisePathsPass> {
  /// Replaces the scalar ops it can evaluate by constants; true if any.
  bool foldScalars(IRRewriter &rewriter) {
    bool changed = false;
    SmallVector<Operation *> ops;
    getOperation().walk([&](Operation *op) {
      if (op->getNumResults() == 1 && op->getNumOperands() > 0)
        ops.push_back(op);
    });
    for (Operation *op : ops) {
      auto v = evalScalar(op, rewriter);
      if (!v)
        continue;
      rewriter.setInsertionPoint(op);
      Value c;
      if (auto bv = dyn_cast<BoolAttr>(*v))
        c = ConstantBoolOp::create(rewriter, op->getLoc(),
                                   BoolType::get(op->getContext()), bv);
      else if (auto sv = dyn_cast<StringAttr>(*v))
        c = ConstantDeviceOp::create(rewriter, op->getLoc(),
                                     DeviceType::get(op->getContext()), sv);
      else
        c = ConstantIntOp::create(rewriter, op->getLoc(),
                                  IntType::get(op->getContext()),
                                  cast<IntegerAttr>(*v));
      rewriter.replaceOp(op, c);
      changed = true;
    }
    return changed;
  }

  /// ScalarImplicit (a 0-d tensor to a generic number) of a tensor whose
  /// dtype is known becomes int(t) or float(t): the ops that take the
  /// number (arange, full, ...) then know its kind.
  bool typeNumbers(IRRewriter &rewriter) {
    SmallVector<Operation *> ops;
    getOperation().walk([&](Operation *op) {
      if (getOpKey(op) == "aten.ScalarImplicit" && op->getNumResults() == 1 &&
          isa<NumberType>(op->getResult(0).getType()))
        ops.push_back(op);
    });
    bool changed = false;
    for (Operation *op : ops) {
      Type dt = TensorInfo::of(op->getOperand(0).getType()).dtype;
      if (!dt || dt.isInteger(1))
        continue;
      rewriter.setInsertionPoint(op);
      Value r;
      if (isa<mlir::FloatType>(dt))
        r = AtenFloatTensorOp::create(rewriter, op->getLoc(),
                                      Torch::FloatType::get(op->getContext()),
                                      op->getOperand(0));
      else if (isa<mlir::IntegerType>(dt))
        r = AtenIntTensorOp::create(rewriter, op->getLoc(),
                                    IntType::get(op->getContext()),
                                    op->getOperand(0));
      else
        continue;
      rewriter.replaceOp(op, r);
      changed = true;
    }
    return changed;
  }

  /// A reduction over a dim of a 0-d tensor (torch wraps dim 0 and -1 of
  /// a 0-d tensor as if it had one dim; the result is 0-d, keepdim or not)
  /// becomes the reduction over dim 0 of the tensor unsqueezed to [1],
  /// without keepdim: the same 0-d result, in a form every lowering and
  /// ONNX's reductions take.
  bool reduceScalarDims(IRRewriter &rewriter) {
    // key -> (dim operand, its kind: int or int list, keepdim operand or -1).
    struct Reduction {
      unsigned dim;
      bool list;
      int keepdim;
    };
    static const llvm::StringMap<Reduction> reductions = {
        {"aten.sum.dim_IntList", {1, true, 2}},
        {"aten.mean.dim", {1, true, 2}},
        {"aten.amax", {1, true, 2}},
        {"aten.amin", {1, true, 2}},
        {"aten.logsumexp", {1, true, 2}},
        {"aten.count_nonzero.dim_IntList", {1, true, -1}},
        {"aten.count_nonzero", {1, false, -1}},
        {"aten.argmax", {1, false, 2}},
        {"aten.argmin", {1, false, 2}},
        {"aten.max.dim", {1, false, 2}},
        {"aten.min.dim", {1, false, 2}},
        {"aten.prod.dim_int", {1, false, 2}},
        {"aten.all.dim", {1, false, 2}},
        {"aten.any.dim", {1, false, 2}},
        {"aten.all.dims", {1, true, 2}},
        {"aten.any.dims", {1, true, 2}},
        {"aten.median.dim", {1, false, 2}},
        {"aten.nanmedian.dim", {1, false, 2}},
        {"aten.linalg_vector_norm", {2, true, 3}},
    };
    SmallVector<std::pair<Operation *, Reduction>> ops;
    getOperation().walk([&](Operation *op) {
      auto it = reductions.find(getOpKey(op));
      if (it == reductions.end() || op->getNumOperands() <= it->second.dim)
        return;
      auto x = TensorInfo::of(op->getOperand(0).getType());
      if (!x.sizes || !x.sizes->empty())
        return;
      Value dim = op->getOperand(it->second.dim);
      if (it->second.list) {
        auto dims = getConstantIntList(dim);
        if (!dims || dims->size() != 1)
          return;
      } else if (!getConstantInt(dim)) {
        return;
      }
      ops.push_back({op, it->second});
    });
    MLIRContext *ctx = &getContext();
    for (auto &entry : ops) {
      Operation *op = entry.first;
      const Reduction &r = entry.second;
      rewriter.setInsertionPoint(op);
      Location loc = op->getLoc();
      Value zero = ConstantIntOp::create(rewriter, loc, IntType::get(ctx),
                                         rewriter.getI64IntegerAttr(0));
      Type t = op->getOperand(0).getType();
      Type one = withInfo(
          t, TensorInfo{SmallVector<int64_t>{1}, TensorInfo::of(t).dtype});
      Value x =
          AtenUnsqueezeOp::create(rewriter, loc, one, op->getOperand(0), zero);
      Value dim = zero;
      if (r.list)
        dim = PrimListConstructOp::create(
            rewriter, loc, ListType::get(ctx, IntType::get(ctx)), {zero});
      rewriter.modifyOpInPlace(op, [&] {
        op->setOperand(0, x);
        op->setOperand(r.dim, dim);
        if (r.keepdim >= 0)
          op->setOperand(r.keepdim, ConstantBoolOp::create(
                                        rewriter, loc, BoolType::get(ctx),
                                        rewriter.getBoolAttr(false)));
      });
    }
    return !ops.empty();
  }

  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    reduceScalarDims(rewriter);
    for (int round = 0; round < 8; ++round) {
      bool changed = typeNumbers(rewriter);
      changed |= foldScalars(rewriter);
      changed |= simplifyBranches(rewriter);
      changed |= eraseDeadScalars(rewriter);
      if (!changed)
        break;
    }
  }

  /// Erases unused scalar plumbing (ints, bools, strings, lists computed
  /// only for a dropped check): ops without regions whose results are all
  /// unused and none a tensor; list appends and in-place ops stay.
  bool eraseDeadScalars(IRRewriter &rewriter) {
    SmallVector<Operation *> dead;
    getOperation().walk([&](Operation *op) {
      if (op->getNumResults() == 0 || op->getNumRegions() || !op->use_empty() ||
          isa<AtenAppendTOp>(op) ||
          op->hasTrait<mlir::OpTrait::IsTerminator>() ||
          isInPlaceOpName(getOpKey(op)))
        return;
      if (llvm::any_of(op->getResultTypes(), isTorchTensorType))
        return;
      dead.push_back(op);
    });
    // Later ops first: their operands' producers may become dead too (the
    // next round takes them).
    for (Operation *op : llvm::reverse(dead))
      if (op->use_empty()) {
        rewriter.eraseOp(op);
        ++numDeadScalars;
      }
    return !dead.empty();
  }

  /// Inlines the branch taken by a constant condition, or the one that does
  /// not raise; true if any.
  bool simplifyBranches(IRRewriter &rewriter) {
    bool changed = false;
    SmallVector<PrimIfOp> ifs;
    // Post-order: inner branches first, so an outer one that only raises
    // through an inner If is seen after it is simplified.
    getOperation().walk([&](PrimIfOp op) { ifs.push_back(op); });
    for (PrimIfOp op : ifs) {
      Block &thenBlock = op.getThenRegion().front();
      Block &elseBlock = op.getElseRegion().front();
      Block *keep = nullptr;
      if (auto c = op.getCondition().getDefiningOp<ConstantBoolOp>()) {
        keep = c.getValue() ? &thenBlock : &elseBlock;
      } else {
        bool thenRaises = raises(thenBlock), elseRaises = raises(elseBlock);
        if (thenRaises == elseRaises)
          continue;
        keep = thenRaises ? &elseBlock : &thenBlock;
      }
      LLVM_DEBUG(llvm::dbgs()
                 << "inlining the " << (keep == &thenBlock ? "then" : "else")
                 << " branch of the prim.If at " << op.getLoc() << "\n");
      ++numBranchesInlined;
      Block &kept = *keep;
      Operation *yield = kept.getTerminator();
      SmallVector<Value> results(yield->getOperands());
      rewriter.eraseOp(yield);
      rewriter.inlineBlockBefore(&kept, op);
      rewriter.replaceOp(op, results);
      changed = true;
    }
    return changed;
  }
};

} // namespace
