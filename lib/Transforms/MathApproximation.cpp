//===- MathApproximation.cpp - Vectorizable f32 transcendentals -----------===//
//
// cpu-approximate-math: f32 exp/expm1/log/log1p/log2/tanh/erf rewritten as
// upstream's polynomial approximations (pure arith), so the loops that use
// them vectorize instead of calling libm once per element.
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/StringSwitch.h"

namespace mlir::torch_onnx {
#define GEN_PASS_DEF_CPUAPPROXIMATEMATH
#include "torch-onnx/Transforms/Passes.h.inc"
} // namespace mlir::torch_onnx

using namespace mlir;

namespace {
/// The approximations' `math.fma` as a contractable multiply-add: LLVM
/// forms FMA instructions from it in vectorized loops, where
/// convert-math-to-libm would make every lane a call of `fmaf`.
struct FmaToMulAdd : OpRewritePattern<math::FmaOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(math::FmaOp op,
                                PatternRewriter &rewriter) const override {
    if (!getElementTypeOrSelf(op.getType()).isF32())
      return rewriter.notifyMatchFailure(op, "only f32 is approximated");
    auto contract = arith::FastMathFlagsAttr::get(
        op.getContext(), arith::FastMathFlags::contract);
    Value mul = arith::MulFOp::create(rewriter, op.getLoc(), op.getA(),
                                      op.getB(), contract);
    rewriter.replaceOpWithNewOp<arith::AddFOp>(op, mul, op.getC(), contract);
    return success();
  }
};

struct CPUApproximateMathPass
    : public torch_onnx::impl::CPUApproximateMathBase<CPUApproximateMathPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    auto approximate = [](StringRef name) {
      name.consume_front("math.");
      return llvm::StringSwitch<bool>(name)
          .Cases({"exp", "expm1", "log", "log1p", "log2", "tanh", "erf"}, true)
          .Default(false);
    };
    populateMathPolynomialApproximationPatterns(patterns, approximate);
    patterns.add<FmaToMulAdd>(&getContext());
    // Only the math ops and what their rewrites create are visited: a whole
    // function of unrolled vector code is mostly other ops.
    SmallVector<Operation *> mathOps;
    getOperation().walk([&](Operation *op) {
      if (isa<math::MathDialect>(op->getDialect()))
        mathOps.push_back(op);
    });
    if (mathOps.empty())
      return markAllAnalysesPreserved();
    GreedyRewriteConfig config;
    config.setStrictness(GreedyRewriteStrictness::ExistingAndNewOps);
    if (failed(applyOpPatternsGreedily(mathOps, std::move(patterns), config)))
      return signalPassFailure();
  }
};
} // namespace
