//===- TileAndVectorize.cpp - CPU tiling and vectorization ----------------===//
//
// cpu-tile-and-vectorize: im2col for 2-D convolutions, two-level tiling of
// contractions (threads: scf.forall; registers: scf.for) and vectorization
// of the register tiles, with the contraction lowered to outer products.
// cpu-hoist-vector-transfers: keeps accumulators in registers (after
// bufferization). Built from upstream transformations.
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Conversion/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Hoisting.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/Vector/Transforms/LoweringPatterns.h"
#include "mlir/Dialect/Vector/Transforms/VectorRewritePatterns.h"
#include "mlir/Dialect/Vector/Transforms/VectorTransforms.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::torch_onnx {
#define GEN_PASS_DEF_CPUTILEANDVECTORIZE
#define GEN_PASS_DEF_CPUHOISTVECTORTRANSFERS
#include "torch-onnx/Conversion/Passes.h.inc"
} // namespace mlir::torch_onnx

using namespace mlir;

namespace {
struct CPUTileAndVectorizePass
    : public torch_onnx::impl::CPUTileAndVectorizeBase<CPUTileAndVectorizePass> {
  using CPUTileAndVectorizeBase::CPUTileAndVectorizeBase;

  /// Loop positions of a contraction: batch.., m, n (parallel) and k.
  static bool classify(linalg::LinalgOp op, SmallVectorImpl<int64_t> &par,
                       int64_t &red) {
    red = -1;
    for (auto [i, it] : llvm::enumerate(op.getIteratorTypesArray())) {
      if (it == utils::IteratorType::parallel) {
        par.push_back(i);
      } else {
        if (red >= 0)
          return false;
        red = i;
      }
    }
    return red >= 0 && par.size() >= 2;
  }

  void tileContraction(RewriterBase &rewriter, linalg::LinalgOp op) {
    SmallVector<int64_t> ranges = op.getStaticLoopRanges();
    if (llvm::any_of(ranges, ShapedType::isDynamic))
      return;
    SmallVector<int64_t> par;
    int64_t red;
    if (!classify(op, par, red))
      return;
    if (!op.hasPureTensorSemantics() ||
        !isa<RankedTensorType>(op.getDpsInits()[0].getType()))
      return;
    Type elem = cast<ShapedType>(op.getDpsInits()[0].getType()).getElementType();
    if (!elem.isF32())
      return;
    int64_t m = par[par.size() - 2], n = par[par.size() - 1];
    int64_t work = 1;
    for (int64_t r : ranges)
      work *= r;
    if (work < 64 * 64 * 16)
      return; // too small to be worth it
    MLIRContext *ctx = op->getContext();
    auto idx = [&](int64_t v) -> OpFoldResult {
      return IntegerAttr::get(IndexType::get(ctx), v);
    };
    // Register tile sizes that divide the extents (no masked/partial
    // vectors): m from regTileM down, n from regTileN down to 8 (or the whole
    // extent when it is at most 64).
    auto divisor = [](int64_t extent, int64_t start, int64_t minimum) {
      for (int64_t t = std::min(start, extent); t >= minimum; --t)
        if (extent % t == 0)
          return t;
      return int64_t(0);
    };
    int64_t rm = divisor(ranges[m], regTileM, 1);
    int64_t rn = 0;
    int64_t rN = regTileN;
    for (int64_t t : {rN, rN / 2, rN / 4})
      if (t >= 8 && ranges[n] % t == 0) {
        rn = t;
        break;
      }
    if (!rn && ranges[n] <= 64)
      rn = ranges[n];
    if (!rn)
      return;
    // Level 1: tasks of whole register tiles.
    auto taskTile = [](int64_t extent, int64_t reg, int64_t want) {
      int64_t best = reg;
      for (int64_t t = reg; t <= std::min(want, extent); t += reg)
        if (extent % t == 0)
          best = t;
      return best;
    };
    SmallVector<OpFoldResult> t1(ranges.size(), idx(0));
    for (int64_t p : par)
      t1[p] = idx(1);
    t1[m] = idx(taskTile(ranges[m], rm, threadTileM));
    t1[n] = idx(taskTile(ranges[n], rn, threadTileN));
    scf::SCFTilingOptions o1;
    o1.setTileSizes(t1);
    o1.setLoopType(scf::SCFTilingOptions::LoopType::ForallOp);
    rewriter.setInsertionPoint(op);
    auto r1 = scf::tileUsingSCF(rewriter, cast<TilingInterface>(op.getOperation()), o1);
    if (failed(r1))
      return;
    rewriter.replaceOp(op, r1->replacements);
    auto inner = cast<linalg::LinalgOp>(r1->tiledOps.back());
    // Loop order (batch.., m, k, n): the innermost loop walks a row of B and
    // of the output contiguously, which LLVM vectorizes (AVX-512 FMAs).
    rewriter.setInsertionPoint(inner);
    linalg::GenericOp generic = dyn_cast<linalg::GenericOp>(inner.getOperation());
    if (!generic) {
      auto g = linalg::generalizeNamedOp(rewriter, inner);
      if (failed(g))
        return;
      generic = *g;
    }
    SmallVector<unsigned> perm;
    for (int64_t p : par)
      if (p != n)
        perm.push_back(p);
    perm.push_back(red);
    perm.push_back(n);
    (void)linalg::interchangeGenericOp(rewriter, generic, perm);
  }

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    MLIRContext *ctx = &getContext();
    IRRewriter rewriter(ctx);
    SmallVector<linalg::Conv2DNchwFchwOp> convs;
    func.walk([&](linalg::Conv2DNchwFchwOp c) { convs.push_back(c); });
    for (auto c : convs) {
      rewriter.setInsertionPoint(c);
      (void)linalg::rewriteInIm2Col(rewriter, c);
    }
    SmallVector<linalg::LinalgOp> contractions;
    func.walk([&](linalg::LinalgOp op) {
      if (linalg::isaContractionOpInterface(op))
        contractions.push_back(op);
    });
    for (auto op : contractions)
      tileContraction(rewriter, op);
    // Lower the vector contractions to FMAs.
    RewritePatternSet patterns(ctx);
    vector::populateVectorTransferPermutationMapLoweringPatterns(patterns);
    vector::populateVectorReductionToContractPatterns(patterns);
    vector::populateVectorContractLoweringPatterns(
        patterns, vector::VectorContractLowering::OuterProduct);
    vector::populateVectorOuterProductLoweringPatterns(patterns);
    vector::populateVectorMultiReductionLoweringPatterns(
        patterns, vector::VectorMultiReductionLowering::InnerParallel);
    vector::populateVectorBroadcastLoweringPatterns(patterns);
    vector::populateVectorTransposeLoweringPatterns(
        patterns, vector::VectorTransposeLowering::EltWise);
    vector::populateVectorShapeCastLoweringPatterns(patterns);
    vector::populateVectorMaskOpLoweringPatterns(patterns);
    if (failed(applyPatternsGreedily(func, std::move(patterns))))
      return signalPassFailure();
  }
};

struct CPUHoistVectorTransfersPass
    : public torch_onnx::impl::CPUHoistVectorTransfersBase<
          CPUHoistVectorTransfersPass> {
  void runOnOperation() override {
    // Linalg ops inside a task (scf.forall) become sequential loops: the
    // parallelism is the tasks'.
    IRRewriter rewriter(&getContext());
    SmallVector<linalg::LinalgOp> inner;
    getOperation().walk([&](linalg::LinalgOp op) {
      if (op->getParentOfType<scf::ForallOp>() && op.hasPureBufferSemantics())
        inner.push_back(op);
    });
    for (auto op : inner) {
      rewriter.setInsertionPoint(op);
      if (succeeded(linalg::linalgOpToLoops(rewriter, op)))
        rewriter.eraseOp(op);
    }
    linalg::hoistRedundantVectorTransfers(getOperation(),
                                          /*verifyNonZeroTrip=*/true);
  }
};
} // namespace
