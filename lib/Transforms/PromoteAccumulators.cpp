//===- PromoteAccumulators.cpp - promote-loop-accumulators ----------------===//
//
// Turns the load/update/store of a reduction's output element inside an
// scf.for into a loop-carried value (see Passes.td).
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Transforms/Passes.h"

#include "BufferRoot.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

namespace mlir::torch_onnx {
#define GEN_PASS_DEF_PROMOTELOOPACCUMULATORS
#include "torch-onnx/Transforms/Passes.h.inc"
} // namespace mlir::torch_onnx

using namespace mlir;

namespace {

bool isFreshAllocation(Value root) {
  Operation *def = root.getDefiningOp();
  return def && isa<memref::AllocOp, memref::AllocaOp, gpu::AllocOp>(def);
}

/// Conservative: distinct roots that are allocations, globals of different
/// names, or an allocation/global against anything else do not alias.
bool mayAlias(Value a, Value b) {
  Value ra = torch_onnx::getBufferRoot(a), rb = torch_onnx::getBufferRoot(b);
  if (ra == rb)
    return true;
  if (isFreshAllocation(ra) || isFreshAllocation(rb))
    return false;
  auto ga = ra.getDefiningOp<memref::GetGlobalOp>();
  auto gb = rb.getDefiningOp<memref::GetGlobalOp>();
  if (ga && gb)
    return ga.getName() == gb.getName();
  if (ga || gb)
    return false;
  return true;
}

struct Access {
  Operation *op;
  Value memref;
};

/// All buffer accesses in `loop`, or nothing when it holds an op with
/// unknown or other memory effects.
std::optional<SmallVector<Access>> accessesIn(scf::ForOp loop) {
  SmallVector<Access> accesses;
  bool ok = true;
  loop.getBody()->walk([&](Operation *op) {
    if (auto ld = dyn_cast<memref::LoadOp>(op))
      accesses.push_back({op, ld.getMemRef()});
    else if (auto st = dyn_cast<memref::StoreOp>(op))
      accesses.push_back({op, st.getMemRef()});
    else if (!isMemoryEffectFree(op) &&
             !op->hasTrait<OpTrait::HasRecursiveMemoryEffects>())
      ok = false;
    return ok ? WalkResult::advance() : WalkResult::interrupt();
  });
  if (!ok)
    return std::nullopt;
  return accesses;
}

/// Promotes one accumulator of `loop`; returns the new loop or null.
scf::ForOp promoteOne(RewriterBase &rewriter, scf::ForOp loop) {
  auto accesses = accessesIn(loop);
  if (!accesses)
    return nullptr;
  Block *body = loop.getBody();
  for (auto st : body->getOps<memref::StoreOp>()) {
    Value m = st.getMemRef();
    if (!loop.isDefinedOutsideOfLoop(m) ||
        !llvm::all_of(st.getIndices(),
                      [&](Value i) { return loop.isDefinedOutsideOfLoop(i); }))
      continue;
    memref::LoadOp load;
    bool ok = true;
    for (const Access &a : *accesses) {
      if (a.op == st)
        continue;
      auto ld = dyn_cast<memref::LoadOp>(a.op);
      if (ld && ld.getMemRef() == m && ld->getBlock() == body &&
          llvm::equal(ld.getIndices(), st.getIndices()) && !load &&
          ld->isBeforeInBlock(st)) {
        load = ld;
        continue;
      }
      if (mayAlias(a.memref, m)) {
        ok = false;
        break;
      }
    }
    if (!ok || !load)
      continue;

    Location loc = load.getLoc();
    SmallVector<Value> indices(st.getIndices());
    rewriter.setInsertionPoint(loop);
    Value init = memref::LoadOp::create(rewriter, loc, m, indices);
    Value updated = st.getValueToStore();
    auto newLoop = cast<scf::ForOp>(*loop.replaceWithAdditionalYields(
        rewriter, init, /*replaceInitOperandUsesInLoop=*/false,
        [&](OpBuilder &, Location, ArrayRef<BlockArgument>) {
          return SmallVector<Value>{updated};
        }));
    BlockArgument acc = newLoop.getRegionIterArgs().back();
    rewriter.replaceOp(load, acc);
    rewriter.eraseOp(st);
    rewriter.setInsertionPointAfter(newLoop);
    memref::StoreOp::create(rewriter, loc, newLoop.getResults().back(), m,
                            indices);
    return newLoop;
  }
  return nullptr;
}

struct PromoteLoopAccumulatorsPass
    : public torch_onnx::impl::PromoteLoopAccumulatorsBase<
          PromoteLoopAccumulatorsPass> {
  void runOnOperation() override {
    SmallVector<scf::ForOp> loops;
    getOperation().walk([&](scf::ForOp f) { loops.push_back(f); });
    IRRewriter rewriter(&getContext());
    for (scf::ForOp loop : loops)
      while (scf::ForOp promoted = promoteOne(rewriter, loop))
        loop = promoted;
  }
};

} // namespace
