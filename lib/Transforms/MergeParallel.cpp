//===- MergeParallel.cpp - cpu-merge-parallel-regions ---------------------===//
//
// Consecutive OpenMP parallel regions of a function, each sharing out one
// loop, as one region with the loops in order (see Passes.td).
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Transforms/Passes.h"

#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace mlir::torch_onnx {
#define GEN_PASS_DEF_CPUMERGEPARALLELREGIONS
#include "torch-onnx/Transforms/Passes.h.inc"
} // namespace mlir::torch_onnx

using namespace mlir;

namespace {

/// A parallel region that only shares out one loop: no clause (no operand,
/// no proc_bind), its body one `omp.wsloop` without `nowait` (it ends in a
/// barrier) or reduction, and the terminator.
bool isSingleWorksharingLoop(omp::ParallelOp parallel) {
  if (parallel->getNumOperands() != 0 || parallel.getProcBindKind() ||
      !parallel.getRegion().hasOneBlock())
    return false;
  Block &body = parallel.getRegion().front();
  if (body.getNumArguments() != 0 || !llvm::hasNItems(body, 2))
    return false;
  auto loop = dyn_cast<omp::WsloopOp>(body.front());
  return loop && !loop.getNowait() && loop.getReductionVars().empty();
}

/// An op that can move above a parallel region: no memory effect, no
/// region (constants, views of buffers).
bool canHoist(Operation &op) {
  return op.getNumRegions() == 0 && isMemoryEffectFree(&op) &&
         !op.hasTrait<OpTrait::IsTerminator>();
}

/// Serial ops between two regions that can run on one thread of the merged
/// region (an `omp.single`, whose barrier orders them before the next
/// loop): none defines a value used outside them, none allocates or frees
/// (their lifetimes stay in the function's own order) and none holds a
/// run-time check (its failure unwinds from the calling thread).
bool canRunInSingle(ArrayRef<Operation *> ops) {
  llvm::SmallPtrSet<Operation *, 8> group(ops.begin(), ops.end());
  for (Operation *op : ops) {
    for (Value v : op->getResults())
      for (Operation *user : v.getUsers()) {
        Operation *top = user;
        while (top && !group.contains(top))
          top = top->getParentOp();
        if (!top)
          return false;
      }
    WalkResult r = op->walk([](Operation *nested) {
      if (isa<cf::AssertOp, memref::AllocOp, memref::AllocaOp,
              memref::DeallocOp, func::ReturnOp, omp::ParallelOp>(nested))
        return WalkResult::interrupt();
      return WalkResult::advance();
    });
    if (r.wasInterrupted())
      return false;
  }
  return true;
}

/// Whether `op` uses a value defined by one of `ops` (or inside them).
bool usesAny(Operation *op, ArrayRef<Operation *> ops) {
  llvm::SmallPtrSet<Operation *, 8> group(ops.begin(), ops.end());
  for (Value v : op->getOperands()) {
    Operation *def = v.getDefiningOp();
    if (!def)
      if (auto arg = dyn_cast<BlockArgument>(v))
        def = arg.getOwner()->getParentOp();
    for (Operation *p = def; p; p = p->getParentOp())
      if (group.contains(p))
        return true;
  }
  return false;
}

struct CPUMergeParallelRegionsPass
    : torch_onnx::impl::CPUMergeParallelRegionsBase<
          CPUMergeParallelRegionsPass> {
  void runOnOperation() override {
    for (Block &block : getOperation().getBody()) {
      // The region loops are merged into, the pure ops met since it (moved
      // above it) and the serial ones (run by one thread inside it).
      omp::ParallelOp into;
      SmallVector<Operation *> since, serial;
      auto reset = [&] {
        into = {};
        since.clear();
        serial.clear();
      };
      for (Operation &op : llvm::make_early_inc_range(block)) {
        auto parallel = dyn_cast<omp::ParallelOp>(op);
        if (parallel && isSingleWorksharingLoop(parallel)) {
          if (!into || (!serial.empty() && !canRunInSingle(serial))) {
            reset();
            into = parallel;
            continue;
          }
          // The pure ops between the two regions go above the first one
          // (what the second loop uses of them then dominates it), the
          // serial ones into a single after the first loop (whose barrier
          // orders them after it), the second loop after those.
          for (Operation *moved : since)
            moved->moveBefore(into);
          Block &body = into.getRegion().front();
          if (!serial.empty()) {
            OpBuilder b(body.getTerminator());
            auto single =
                omp::SingleOp::create(b, serial.front()->getLoc(), {});
            Block *sb = b.createBlock(&single.getRegion());
            b.setInsertionPointToEnd(sb);
            auto term = omp::TerminatorOp::create(b, single.getLoc());
            for (Operation *moved : serial)
              moved->moveBefore(term);
            ++numSerialMerged;
          }
          since.clear();
          serial.clear();
          parallel.getRegion().front().front().moveBefore(body.getTerminator());
          parallel.erase();
          ++numMerged;
          continue;
        }
        if (into && canHoist(op) && !usesAny(&op, serial)) {
          since.push_back(&op);
          continue;
        }
        if (into && !parallel && !op.hasTrait<OpTrait::IsTerminator>()) {
          serial.push_back(&op);
          continue;
        }
        reset();
      }
    }
  }
};

} // namespace
