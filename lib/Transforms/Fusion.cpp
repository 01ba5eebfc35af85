//===- Fusion.cpp - Fusion control and compile-time weight layouts --------===//
//
// fuse-elementwise-no-recompute: upstream elementwise fusion with a control
// that never makes a producer run more often than it did unfused.
// fold-constant-transposes: transposes of constant tensors done once, at
// compile time, into a new dense_resource blob.
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Support/ConstantData.h"
#include "torch-onnx/Transforms/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tensor/Transforms/Transforms.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#define DEBUG_TYPE "torch-onnx-fusion"

namespace mlir::torch_onnx {
#define GEN_PASS_DEF_FUSEELEMENTWISENORECOMPUTE
#define GEN_PASS_DEF_FOLDCONSTANTTRANSPOSES
#include "torch-onnx/Transforms/Passes.h.inc"
} // namespace mlir::torch_onnx

using namespace mlir;

/// Whether the producer's body does work that is expensive to repeat: a
/// `math` function (exp, tanh, erf, ...) or a division.
static bool isExpensiveToRecompute(Operation *producer) {
  auto generic = dyn_cast<linalg::GenericOp>(producer);
  if (!generic)
    return true;
  WalkResult r = generic.getRegion().walk([](Operation *op) {
    if (isa<math::MathDialect>(op->getDialect()) ||
        isa<arith::DivFOp, arith::DivSIOp, arith::DivUIOp, arith::RemFOp,
            arith::RemSIOp, arith::RemUIOp>(op))
      return WalkResult::interrupt();
    return WalkResult::advance();
  });
  return r.wasInterrupted();
}

/// The fusion control (see the pass description).
static bool fuseWithoutRecompute(OpOperand *fused) {
  Operation *producer = fused->get().getDefiningOp();
  if (!producer || !producer->hasOneUse())
    return false;
  auto consumer = dyn_cast<linalg::LinalgOp>(fused->getOwner());
  if (!consumer)
    return false;
  if (linalg::isaContractionOpInterface(consumer)) {
    LLVM_DEBUG(llvm::dbgs() << "refused: fusion into a contraction\n");
    return false;
  }
  if (consumer.getMatchingIndexingMap(fused).isPermutation())
    return true;
  if (consumer.getNumReductionLoops() > 0 || isExpensiveToRecompute(producer)) {
    LLVM_DEBUG(llvm::dbgs() << "refused: producer recomputed per broadcast "
                               "element\n");
    return false;
  }
  return true;
}

namespace {
struct FuseElementwiseNoRecomputePass
    : public torch_onnx::impl::FuseElementwiseNoRecomputeBase<
          FuseElementwiseNoRecomputePass> {
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    RewritePatternSet patterns(ctx);
    linalg::ControlFusionFn control = fuseWithoutRecompute;
    linalg::populateElementwiseOpsFusionPatterns(patterns, control);
    linalg::populateFoldReshapeOpsByExpansionPatterns(patterns, control);
    tensor::populateBubbleUpExpandShapePatterns(patterns);
    affine::AffineApplyOp::getCanonicalizationPatterns(patterns, ctx);
    linalg::GenericOp::getCanonicalizationPatterns(patterns, ctx);
    tensor::ExpandShapeOp::getCanonicalizationPatterns(patterns, ctx);
    tensor::CollapseShapeOp::getCanonicalizationPatterns(patterns, ctx);
    ctx->getLoadedDialect<linalg::LinalgDialect>()->getCanonicalizationPatterns(
        patterns);
    if (failed(applyPatternsGreedily(
            getOperation(), std::move(patterns),
            GreedyRewriteConfig().setUseTopDownTraversal())))
      return signalPassFailure();
  }
};

} // namespace

//===----------------------------------------------------------------------===//
// fold-constant-transposes
//===----------------------------------------------------------------------===//

/// The permutation of a linalg.transpose, or of a linalg.generic that only
/// copies its one input through a permuted indexing map.
static std::optional<SmallVector<int64_t>> transposeOf(linalg::LinalgOp op) {
  if (auto t = dyn_cast<linalg::TransposeOp>(op.getOperation()))
    return SmallVector<int64_t>(t.getPermutation());
  auto g = dyn_cast<linalg::GenericOp>(op.getOperation());
  if (!g || g.getNumDpsInputs() != 1 || g.getNumDpsInits() != 1 ||
      g.getNumReductionLoops() != 0)
    return std::nullopt;
  Block &body = g.getRegion().front();
  auto yield = cast<linalg::YieldOp>(body.getTerminator());
  if (body.getOperations().size() != 1 ||
      yield.getValues()[0] != body.getArgument(0))
    return std::nullopt;
  AffineMap in = g.getIndexingMapsArray()[0], out = g.getIndexingMapsArray()[1];
  if (!in.isPermutation() || !out.isIdentity())
    return std::nullopt;
  // out[i] = in[map(i)]: input dim r is loop dim in.getDimPosition(r), so
  // loop (= output) dim d reads input dim inverse(in)(d).
  AffineMap inv = inversePermutation(in);
  SmallVector<int64_t> perm;
  for (unsigned d = 0; d < inv.getNumResults(); ++d)
    perm.push_back(inv.getDimPosition(d));
  return perm;
}

namespace {
struct FoldConstantTransposesPass
    : public torch_onnx::impl::FoldConstantTransposesBase<
          FoldConstantTransposesPass> {
  void runOnOperation() override {
    SmallVector<linalg::LinalgOp> ops;
    getOperation().walk([&](linalg::LinalgOp op) {
      if (op.hasPureTensorSemantics())
        ops.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    for (linalg::LinalgOp op : ops) {
      auto perm = transposeOf(op);
      if (!perm)
        continue;
      ElementsAttr attr;
      if (!matchPattern(op.getDpsInputs()[0], m_Constant(&attr)))
        continue;
      auto inType = dyn_cast<RankedTensorType>(attr.getType());
      auto outType = dyn_cast<RankedTensorType>(op->getResult(0).getType());
      if (!inType || !outType || !outType.hasStaticShape())
        continue;
      Type elem = inType.getElementType();
      if (!elem.isIntOrFloat() || elem.getIntOrFloatBitWidth() % 8)
        continue;
      int64_t bytes = elem.getIntOrFloatBitWidth() / 8;
      rewriter.setInsertionPoint(op);
      ElementsAttr folded;
      if (auto dense = dyn_cast<DenseElementsAttr>(attr);
          dense && dense.isSplat()) {
        folded = dense.resizeSplat(outType);
      } else {
        auto data = torch_onnx::getRawConstantBytes(attr);
        if (!data || (int64_t)data->size() < inType.getNumElements() * bytes)
          continue;
        AsmResourceBlob blob = HeapAsmResourceBlob::allocate(
            inType.getNumElements() * bytes, /*align=*/64);
        torch_onnx::permuteConstantBytes(*data, blob.getMutableData(),
                                         inType.getShape(), *perm, bytes);
        folded = DenseResourceElementsAttr::get(outType, "transposed",
                                                std::move(blob));
      }
      ++numFolded;
      rewriter.replaceOpWithNewOp<arith::ConstantOp>(op, outType,
                                                     cast<TypedAttr>(folded));
    }
  }
};
} // namespace
