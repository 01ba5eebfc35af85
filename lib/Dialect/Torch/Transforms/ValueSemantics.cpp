//===- ValueSemantics.cpp - in-place ops -> value semantics ---------------===//

#include "torch-onnx/Dialect/Torch/Transforms/Passes.h"
#include "torch-onnx/Dialect/Torch/Utils/Utils.h"
#include "torch-onnx/Support/Axis.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "torch-value-semantics"

namespace mlir::Torch {
#define GEN_PASS_DEF_TORCHVALUESEMANTICS
#include "torch-onnx/Dialect/Torch/Transforms/Passes.h.inc"
} // namespace mlir::Torch

using namespace mlir;
using mlir::torch_onnx::normalizeAxis;
using namespace mlir::Torch;

namespace {

/// "torch.aten.add_.Tensor" -> "torch.aten.add.Tensor".
std::string functionalName(StringRef inPlace) {
  StringRef rest = inPlace;
  rest.consume_front("torch.aten.");
  auto [base, overload] = rest.split('.');
  std::string name = "torch.aten." + base.drop_back().str();
  if (!overload.empty())
    name += "." + overload.str();
  return name;
}

/// "torch.aten.add_.Tensor": the op's name, a generic torch.operator's by
/// its schema.
std::string schemaName(Operation *op) { return "torch." + getOpKey(op); }

/// True if `op` is a view or otherwise may alias its tensor operands.
bool mayAlias(Operation *op) {
  if (op->hasTrait<Torch::OpTrait::ValueSemantics>() ||
      isa<TensorLiteralOp>(op) || isa<PrimNumToTensorOp>(op))
    return false;
  return true;
}

/// Views whose writes can be carried back to their source (viewWriteBack).
bool isWritableView(Operation *op) {
  std::string k = getOpKey(op);
  return llvm::is_contained(
      {"aten.slice.Tensor", "aten.select.int", "aten.transpose.int", "aten.t",
       "aten.permute", "aten.view", "aten.reshape", "aten.unsqueeze",
       "aten.squeeze", "aten.squeeze.dim", "aten.flatten.using_ints",
       "aten.unflatten.int", "aten.view_as", "aten.reshape_as", "aten.detach",
       "aten.alias"},
      k);
}

Operation *createNamed(OpBuilder &b, Location loc, StringRef name,
                       ValueRange operands, Type result) {
  OperationState st(loc, name);
  st.addOperands(operands);
  st.addTypes(result);
  return b.create(st);
}

/// A generic torch.operator for schema `name` (an op the generated list
/// lacks, such as aten::slice_scatter).
Operation *createOperator(OpBuilder &b, Location loc, const Twine &name,
                          ValueRange operands, TypeRange results) {
  OperationState st(loc, OperatorOp::getOperationName());
  st.addAttribute("name", b.getStringAttr(name));
  st.addOperands(operands);
  st.addTypes(results);
  return b.create(st);
}
Value createOperator(OpBuilder &b, Location loc, StringRef name,
                     ValueRange operands, Type result) {
  return createOperator(b, loc, Twine(name), operands, TypeRange{result})
      ->getResult(0);
}

/// `source` with its view `view` replaced by `updated`: the inverse of the
/// view (slice_scatter, select_scatter, the inverse transpose/permute, a
/// reshape back to the source's shape).
Value viewWriteBack(OpBuilder &b, Operation *view, Value source,
                    Value updated) {
  Location loc = view->getLoc();
  Type t = source.getType();
  std::string k = getOpKey(view);
  if (k == "aten.slice.Tensor")
    return createOperator(b, loc, "aten::slice_scatter",
                          {source, updated, view->getOperand(1),
                           view->getOperand(2), view->getOperand(3),
                           view->getOperand(4)},
                          t);
  if (k == "aten.select.int")
    return createOperator(
        b, loc, "aten::select_scatter",
        {source, updated, view->getOperand(1), view->getOperand(2)}, t);
  if (k == "aten.transpose.int" || k == "aten.t") {
    SmallVector<Value> ops{updated};
    ops.append(view->operand_begin() + 1, view->operand_end());
    return createNamed(b, loc, view->getName().getStringRef(), ops, t)
        ->getResult(0);
  }
  if (k == "aten.detach" || k == "aten.alias")
    return updated;
  if (k == "aten.permute") {
    auto perm = getConstantIntList(view->getOperand(1));
    if (!perm)
      return {};
    int64_t n = perm->size();
    SmallVector<Value> inv(n);
    auto intTy = IntType::get(b.getContext());
    for (auto [i, p] : llvm::enumerate(*perm)) {
      auto d = normalizeAxis(p, n);
      if (!d)
        return {};
      inv[*d] = ConstantIntOp::create(b, loc, intTy, b.getI64IntegerAttr(i));
    }
    Value list = PrimListConstructOp::create(
        b, loc, ListType::get(b.getContext(), intTy), inv);
    return createNamed(b, loc, "torch.aten.permute", {updated, list}, t)
        ->getResult(0);
  }
  // Shape-only views: reshape back to the source's sizes.
  return createOperator(b, loc, "aten::view_as", {updated, source}, t);
}

Type toValueType(Type t) {
  if (auto nv = dyn_cast<NonValueTensorType>(t))
    return ValueTensorType::get(t.getContext(), nv.getOptionalSizes(),
                                nv.getDtype());
  return t;
}

struct TorchValueSemanticsPass
    : Torch::impl::TorchValueSemanticsBase<TorchValueSemanticsPass> {
  /// Ops this pass created that return fresh tensors (generic operators
  /// such as aten::slice_scatter, which carry no alias information).
  llvm::DenseSet<Operation *> fresh;
  bool aliases(Operation *op) const {
    return !fresh.contains(op) && mayAlias(op);
  }

  /// A piece of chunk/split/unbind (taken by prim.ListUnpack) whose source
  /// is not read after `op`: the pieces are disjoint, so a mutation of this
  /// one is seen by nothing else and it can be treated as a fresh tensor
  /// (what traced recurrent cells do: gates.chunk(4) then sigmoid_).
  static bool isUnobservedPiece(Operation *d, Operation *op) {
    auto unpack = dyn_cast<PrimListUnpackOp>(d);
    if (!unpack)
      return false;
    Operation *split = unpack.getList().getDefiningOp();
    if (!split || split->getNumOperands() == 0 ||
        !llvm::is_contained({"torch.aten.chunk", "torch.aten.split.Tensor",
                             "torch.aten.split_with_sizes",
                             "torch.aten.split.sizes", "torch.aten.unbind.int"},
                            getSplitOpName(split)))
      return false;
    Value src = split->getOperand(0);
    Block *block = op->getBlock();
    return llvm::all_of(src.getUsers(),
                        [&](Operation *u) {
                          Operation *anc = block->findAncestorOpInBlock(*u);
                          return u == split ||
                                 (anc && anc->isBeforeInBlock(op));
                        }) &&
           llvm::all_of(unpack.getList().getUsers(), [&](Operation *u) {
             return u == unpack.getOperation();
           });
  }

  /// Creates the functional form of in-place `op` before it: the generated
  /// op when there is one, else a torch.operator of the out-of-place schema
  /// (aten::zero for aten::zero_), which conversion lowers by that name.
  Operation *createFunctional(Operation *op) {
    OpBuilder b(op);
    // A generic torch.operator (an op the generator does not list) is named
    // by its attribute.
    bool generic = isa<OperatorOp>(op);
    std::string name = functionalName(schemaName(op));
    OperationName functional(name, op->getContext());
    if (functional.isRegistered()) {
      OperationState state(op->getLoc(), functional);
      state.addOperands(op->getOperands());
      state.addTypes(op->getResultTypes());
      if (!generic)
        state.addAttributes(op->getAttrs());
      return b.create(state);
    }
    StringRef rest = name;
    rest.consume_front("torch.");
    auto [ns, opName] = rest.split('.');
    Operation *created =
        createOperator(b, op->getLoc(), ns + "::" + opName, op->getOperands(),
                       op->getResultTypes());
    fresh.insert(created);
    return created;
  }

  /// Rewrites one in-place op, or explains why it cannot. A mutation of a
  /// tensor, of a view of it (x[1:3].add_(y), x[0] = v) or of a function
  /// input is made functional: the view's new value is written back through
  /// each view up to the base (slice_scatter, select_scatter, inverse
  /// transposes and reshapes), and every later read of the base or of a
  /// view of it reads the new base (views are re-taken from it).
  LogicalResult rewriteThroughViews(Operation *op) {
    Block *block = op->getBlock();
    Value self = op->getOperand(0);
    SmallVector<Operation *> chain; // the view of `self` first
    Value base = self;
    while (Operation *d = base.getDefiningOp()) {
      if (!aliases(d) || isUnobservedPiece(d, op))
        break;
      if (!isWritableView(d))
        return op->emitError("cannot convert '")
               << schemaName(op) << "' to value semantics: it mutates the "
               << "result of 'torch." << getOpKey(d)
               << "', a view that cannot be written back to its source (only "
                  "slices, selects, transposes, permutes and reshapes can)";
      if (d->getBlock() != block)
        return op->emitError("cannot convert '")
               << schemaName(op) << "' to value semantics: the mutated view "
               << "is taken in another block";
      chain.push_back(d);
      base = d->getOperand(0);
    }
    if (auto arg = dyn_cast<BlockArgument>(base);
        arg && arg.getOwner() != block)
      return op->emitError("cannot convert '")
             << schemaName(op) << "' to value semantics: it mutates a value "
             << "of an enclosing block (a loop or branch would have to carry "
                "it)";
    if (Operation *d = base.getDefiningOp(); d && d->getBlock() != block)
      return op->emitError("cannot convert '")
             << schemaName(op) << "' to value semantics: it mutates a tensor "
             << "defined outside the block that mutates it";
    Operation *newOp = createFunctional(op);
    Value updated = newOp->getResult(0);
    // Write back, view by view, after the functional op.
    OpBuilder b(op);
    Value cur = updated;
    for (Operation *view : chain) {
      cur = viewWriteBack(b, view, view->getOperand(0), cur);
      if (cur && cur.getDefiningOp())
        fresh.insert(cur.getDefiningOp());
      if (!cur) {
        newOp->erase();
        return op->emitError("cannot convert '")
               << schemaName(op) << "' to value semantics: the view '"
               << view->getName() << "' has non-constant parameters";
      }
    }
    Value newBase = cur;
    // The base and its views (taken before `op`), as they are after it.
    llvm::MapVector<Value, Value> now;
    now[base] = newBase;
    SmallVector<Operation *> viewsOfBase;
    {
      SmallVector<Value> work{base};
      llvm::SmallPtrSet<Operation *, 16> seen;
      while (!work.empty()) {
        Value v = work.pop_back_val();
        for (Operation *u : v.getUsers())
          if (u->getBlock() == block && u->isBeforeInBlock(op) && aliases(u) &&
              u->getNumResults() == 1 &&
              isTorchTensorType(u->getResult(0).getType()) &&
              u->getOperand(0) == v && seen.insert(u).second) {
            viewsOfBase.push_back(u);
            work.push_back(u->getResult(0));
          }
      }
      llvm::sort(viewsOfBase, [](Operation *a, Operation *c) {
        return a->isBeforeInBlock(c);
      });
    }
    for (Operation *a : viewsOfBase) {
      Value src = a->getOperand(0);
      if (!now.count(src))
        continue;
      if (a->getResult(0) == self) {
        now[self] = updated;
        continue;
      }
      if (!isWritableView(a) && getOpKey(a) != "aten.expand")
        continue; // not a view we know: left as it is (read before `op`)
      IRMapping map;
      map.map(src, now[src]);
      Operation *clone = b.clone(*a, map);
      now[a->getResult(0)] = clone->getResult(0);
    }
    // Later reads see the new values.
    SmallVector<Operation *> createdOrder;
    for (Operation *o = newOp; o != op; o = o->getNextNode())
      createdOrder.push_back(o);
    llvm::SmallPtrSet<Operation *, 8> created(createdOrder.begin(),
                                              createdOrder.end());
    for (auto &[oldV, newV] : now) {
      Value nv = newV;
      oldV.replaceUsesWithIf(nv, [&](OpOperand &use) {
        Operation *user = use.getOwner();
        if (created.contains(user) || user == op)
          return false;
        Operation *anc = block->findAncestorOpInBlock(*user);
        return anc && op->isBeforeInBlock(anc);
      });
    }
    op->replaceAllUsesWith(newOp);
    op->erase();
    // Views re-taken (and write-backs) that nothing reads.
    for (Operation *o : llvm::reverse(createdOrder))
      if (o != newOp && o->use_empty())
        o->erase();
    return success();
  }

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    SmallVector<Operation *> inPlace;
    func.walk([&](Operation *op) {
      bool mutates = op->hasTrait<Torch::OpTrait::InPlace>();
      if (auto o = dyn_cast<OperatorOp>(op))
        mutates = isInPlaceOpName(o.getName()) && o->getNumResults() == 1;
      if (mutates && op->getNumOperands() &&
          isTorchTensorType(op->getOperand(0).getType()))
        inPlace.push_back(op);
    });
    bool ok = true;
    for (Operation *op : inPlace) {
      LLVM_DEBUG(llvm::dbgs() << "functionalizing " << getOpKey(op) << " at "
                              << op->getLoc() << "\n");
      ok &= succeeded(rewriteThroughViews(op));
    }
    numFunctionalized += inPlace.size();
    if (!ok)
      return signalPassFailure();
    // An unknown operator named like an in-place one (trailing '_') may
    // mutate: keep mutable tensors then.
    bool unknownMutation = false;
    func.walk([&](OperatorOp op) {
      if (isInPlaceOpName(op.getName()))
        unknownMutation = true;
    });
    if (unknownMutation)
      return;
    // No mutation remains: every tensor has value semantics.
    func.walk([&](Operation *op) {
      for (Value r : op->getResults())
        r.setType(toValueType(r.getType()));
      for (Region &region : op->getRegions())
        for (Block &blk : region)
          for (BlockArgument arg : blk.getArguments())
            arg.setType(toValueType(arg.getType()));
    });
    SmallVector<Type> ins, outs;
    for (Type t : func.getArgumentTypes())
      ins.push_back(toValueType(t));
    // The results follow the returned values (a mutated input returns the
    // value it has after the mutation).
    Operation *ret = func.getBody().front().getTerminator();
    for (Type t : ret->getOperandTypes())
      outs.push_back(toValueType(t));
    func.setType(FunctionType::get(func.getContext(), ins, outs));
  }
};

} // namespace
