//===- MathApproximation.cpp - Vectorizable f32 transcendentals -----------===//
//
// cpu-approximate-math: f32 exp/expm1/log/log1p/log2/tanh/erf rewritten as
// upstream's polynomial approximations (pure arith), so the loops that use
// them vectorize instead of calling libm once per element.
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Conversion/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/StringSwitch.h"

namespace mlir::torch_onnx {
#define GEN_PASS_DEF_CPUAPPROXIMATEMATH
#include "torch-onnx/Conversion/Passes.h.inc"
} // namespace mlir::torch_onnx

using namespace mlir;

namespace {
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
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};
} // namespace
