//===- LoopWork.h - how much work a loop nest does --------------*- C++ -*-===//
//
// A static estimate of the operations a block executes, loops multiplied
// out: what cpu-outer-parallel-loops and cpu-outline-tasks compare with the
// cost of a fork/join.
//
//===----------------------------------------------------------------------===//

#ifndef TORCH_ONNX_LIB_TRANSFORMS_LOOPWORK_H
#define TORCH_ONNX_LIB_TRANSFORMS_LOOPWORK_H

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Interfaces/CallInterfaces.h"

namespace mlir::torch_onnx {

/// Saturation of the estimates.
inline constexpr int64_t kMaxWork = int64_t(1) << 40;

/// The work counted for a call: it runs an outlined task body
/// (cpu-outline-tasks only outlines loops worth their threads), and a
/// function pass cannot read the callee.
inline constexpr int64_t kCallWork = int64_t(1) << 20;

/// Trip count of a loop dim with constant bounds, else a guess (1024).
inline int64_t tripCount(OpFoldResult lb, OpFoldResult ub, OpFoldResult step) {
  auto l = getConstantIntValue(lb), u = getConstantIntValue(ub),
       s = getConstantIntValue(step);
  if (!l || !u || !s || *s <= 0)
    return 1024;
  return std::max<int64_t>(0, (*u - *l + *s - 1) / *s);
}

/// Iterations of all dims of a parallel loop.
inline int64_t tripCount(ArrayRef<OpFoldResult> lbs, ArrayRef<OpFoldResult> ubs,
                         ArrayRef<OpFoldResult> steps) {
  int64_t trips = 1;
  for (auto [lb, ub, step] : llvm::zip_equal(lbs, ubs, steps))
    trips = std::min<int64_t>(trips * tripCount(lb, ub, step), kMaxWork);
  return trips;
}
inline int64_t tripCount(scf::ParallelOp p) {
  return tripCount(getAsOpFoldResult(p.getLowerBound()),
                   getAsOpFoldResult(p.getUpperBound()),
                   getAsOpFoldResult(p.getStep()));
}
inline int64_t tripCount(scf::ForallOp p) {
  return tripCount(p.getMixedLowerBound(), p.getMixedUpperBound(),
                   p.getMixedStep());
}

/// Operations a block executes, loops multiplied out (saturating).
inline int64_t estimateWork(Block &block) {
  int64_t work = 0;
  auto add = [&](int64_t a, int64_t b) {
    return std::min<int64_t>(a + b, kMaxWork);
  };
  for (Operation &op : block) {
    if (isa<CallOpInterface>(op)) {
      work = add(work, kCallWork);
      continue;
    }
    // A copy (a memcpy): its elements.
    if (auto copy = dyn_cast<memref::CopyOp>(op)) {
      auto t = dyn_cast<MemRefType>(copy.getSource().getType());
      work = add(work, t && t.hasStaticShape() ? t.getNumElements() : 1024);
      continue;
    }
    // A vector op: one operation per 16 lanes (a 512-bit register of f32),
    // at least one.
    if (op.getNumRegions() == 0) {
      int64_t lanes = 1;
      auto count = [&](Type t) {
        if (auto v = dyn_cast<VectorType>(t); v && !v.isScalable())
          lanes = std::max<int64_t>(lanes, v.getNumElements());
      };
      llvm::for_each(op.getOperandTypes(), count);
      llvm::for_each(op.getResultTypes(), count);
      work = add(work, (lanes + 15) / 16);
      continue;
    }
    int64_t inner = 0;
    for (Region &r : op.getRegions())
      for (Block &b : r)
        inner = add(inner, estimateWork(b));
    int64_t trips = 1;
    if (auto f = dyn_cast<scf::ForOp>(op))
      trips = tripCount(f.getLowerBound(), f.getUpperBound(), f.getStep());
    else if (auto p = dyn_cast<scf::ParallelOp>(op))
      trips = tripCount(p);
    else if (auto p = dyn_cast<scf::ForallOp>(op))
      trips = tripCount(p);
    inner = std::min<int64_t>(inner * trips, kMaxWork);
    work = add(work, std::max<int64_t>(inner, 1));
  }
  return work;
}

} // namespace mlir::torch_onnx

#endif // TORCH_ONNX_LIB_TRANSFORMS_LOOPWORK_H
