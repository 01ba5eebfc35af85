//===- FunctionalizeLists.cpp - in-place list appends -> values -----------===//

#include "torch-onnx/Dialect/Torch/IR/GeneratedTorchOps.h"
#include "torch-onnx/Dialect/Torch/Transforms/Passes.h"
#include "torch-onnx/Dialect/Torch/Utils/Utils.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"

namespace mlir::Torch {
#define GEN_PASS_DEF_TORCHFUNCTIONALIZELISTS
#include "torch-onnx/Dialect/Torch/Transforms/Passes.h.inc"
} // namespace mlir::Torch

using namespace mlir;
using namespace mlir::Torch;

namespace {

/// Rewrites the uses of one list `root` (the result of prim.ListConstruct)
/// so each sees the list value current at that point.
class ListThreader {
public:
  explicit ListThreader(Value root) : root(root) {}

  /// True if `op` (or an op nested in it) appends to the list.
  bool appendsInside(Operation *op) {
    bool found = false;
    op->walk([&](AtenAppendTOp a) {
      if (a.getSelf_() == root)
        found = true;
    });
    return found;
  }

  /// Uses of the list the pass understands: appends, reads, and the loops
  /// and branches that contain them.
  bool supported() {
    for (OpOperand &use : root.getUses()) {
      Operation *user = use.getOwner();
      if (isa<AtenAppendTOp>(user) && use.getOperandNumber() == 1)
        return false; // the list itself appended to another list
      if (isa<PrimListConstructOp, PrimTupleConstructOp, func::ReturnOp>(user))
        return false;
      if (isa<OperatorOp>(user))
        return false;
      // An in-place list op other than append.
      if (!isa<AtenAppendTOp>(user) &&
          isInPlaceOpName(user->getName().getStringRef()))
        return false;
    }
    return true;
  }

  /// Walks `block` from `begin`, replacing uses of the root by `cur`;
  /// returns the list value at the end of the block.
  Value rewrite(Block &block, Block::iterator begin, Value cur) {
    for (Operation &op :
         llvm::make_early_inc_range(llvm::make_range(begin, block.end()))) {
      if (auto a = dyn_cast<AtenAppendTOp>(op); a && a.getSelf_() == root) {
        a->setOperand(0, cur);
        cur = a.getResult();
        continue;
      }
      if (auto loop = dyn_cast<PrimLoopOp>(op); loop && appendsInside(loop)) {
        cur = threadLoop(loop, cur);
        continue;
      }
      if (auto ifOp = dyn_cast<PrimIfOp>(op); ifOp && appendsInside(ifOp)) {
        cur = threadIf(ifOp, cur);
        continue;
      }
      for (OpOperand &o : op.getOpOperands())
        if (o.get() == root)
          o.set(cur);
      for (Region &r : op.getRegions())
        for (Block &b : r)
          rewrite(b, b.begin(), cur);
    }
    return cur;
  }

private:
  Value threadLoop(PrimLoopOp loop, Value cur) {
    OpBuilder b(loop);
    SmallVector<Value> inits(loop.getIterArgsInit());
    inits.push_back(cur);
    SmallVector<Type> types(loop->getResultTypes());
    types.push_back(cur.getType());
    auto newLoop =
        PrimLoopOp::create(b, loop.getLoc(), types, loop.getMaxTripCount(),
                           loop.getInitialCondition(), inits);
    newLoop->setAttrs(loop->getAttrs());
    newLoop.getRegion().takeBody(loop.getRegion());
    Block &body = newLoop.getRegion().front();
    Value arg = body.addArgument(cur.getType(), loop.getLoc());
    Value end = rewrite(body, body.begin(), arg);
    Operation *term = body.getTerminator();
    term->insertOperands(term->getNumOperands(), end);
    for (auto [o, n] : llvm::zip(loop.getResults(), newLoop.getResults()))
      o.replaceAllUsesWith(n);
    loop->erase();
    return newLoop.getResults().back();
  }

  Value threadIf(PrimIfOp ifOp, Value cur) {
    OpBuilder b(ifOp);
    SmallVector<Type> types(ifOp->getResultTypes());
    types.push_back(cur.getType());
    auto newIf = PrimIfOp::create(b, ifOp.getLoc(), types, ifOp.getCondition());
    newIf->setAttrs(ifOp->getAttrs());
    for (unsigned i = 0; i < 2; ++i) {
      newIf->getRegion(i).takeBody(ifOp->getRegion(i));
      Block &blk = newIf->getRegion(i).front();
      Value end = rewrite(blk, blk.begin(), cur);
      Operation *term = blk.getTerminator();
      term->insertOperands(term->getNumOperands(), end);
    }
    for (auto [o, n] : llvm::zip(ifOp.getResults(), newIf.getResults()))
      o.replaceAllUsesWith(n);
    ifOp->erase();
    return newIf.getResults().back();
  }

  Value root;
};

struct TorchFunctionalizeListsPass
    : Torch::impl::TorchFunctionalizeListsBase<TorchFunctionalizeListsPass> {
  void runOnOperation() override {
    // Lists appended to (before this pass every append names its list).
    SmallVector<PrimListConstructOp> roots;
    getOperation().walk([&](PrimListConstructOp l) {
      if (llvm::any_of(l->getUses(), [](OpOperand &use) {
            return isa<AtenAppendTOp>(use.getOwner()) &&
                   use.getOperandNumber() == 0;
          }))
        roots.push_back(l);
    });
    for (PrimListConstructOp l : roots) {
      ListThreader t(l.getResult());
      if (!t.supported())
        continue;
      Block &block = *l->getBlock();
      t.rewrite(block, std::next(l->getIterator()), l.getResult());
    }
  }
};

} // namespace
