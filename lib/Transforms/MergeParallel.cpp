//===- MergeParallel.cpp - cpu-merge-parallel-regions ---------------------===//
//
// Consecutive OpenMP parallel regions of a function, each sharing out one
// loop, as one region with the loops in order (see Passes.td).
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
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

struct CPUMergeParallelRegionsPass
    : torch_onnx::impl::CPUMergeParallelRegionsBase<
          CPUMergeParallelRegionsPass> {
  void runOnOperation() override {
    for (Block &block : getOperation().getBody()) {
      // The region loops are merged into, and the ops met since it.
      omp::ParallelOp into;
      SmallVector<Operation *> since;
      for (Operation &op : llvm::make_early_inc_range(block)) {
        auto parallel = dyn_cast<omp::ParallelOp>(op);
        if (parallel && isSingleWorksharingLoop(parallel)) {
          if (!into) {
            into = parallel;
            continue;
          }
          // The ops between the two regions go above the first one (what
          // the second loop uses of them then dominates it), the second
          // loop after the first (whose barrier orders them).
          for (Operation *moved : since)
            moved->moveBefore(into);
          since.clear();
          Block &body = into.getRegion().front();
          parallel.getRegion().front().front().moveBefore(body.getTerminator());
          parallel.erase();
          ++numMerged;
          continue;
        }
        if (into && canHoist(op)) {
          since.push_back(&op);
          continue;
        }
        into = {};
        since.clear();
      }
    }
  }
};

} // namespace
