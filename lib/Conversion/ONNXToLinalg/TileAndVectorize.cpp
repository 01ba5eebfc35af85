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
#include "mlir/Transforms/LoopInvariantCodeMotionUtils.h"

namespace mlir::torch_onnx {
#define GEN_PASS_DEF_CPUTILEANDVECTORIZE
#define GEN_PASS_DEF_CPUHOISTVECTORTRANSFERS
#define GEN_PASS_DEF_CPUOUTERPARALLELLOOPS
#include "torch-onnx/Conversion/Passes.h.inc"
} // namespace mlir::torch_onnx

using namespace mlir;

/// conv_2d_nchw_fchw (static shapes) as an affine im2col copy
/// [N, C, KH, KW, OH, OW] (no index arithmetic per element) and a batched
/// contraction [F, C*KH*KW] x [N, C*KH*KW, OH*OW].
static LogicalResult im2col(RewriterBase &rewriter,
                            linalg::Conv2DNchwFchwOp conv) {
  Value x = conv.getInputs()[0], w = conv.getInputs()[1],
        init = conv.getOutputs()[0];
  auto xt = dyn_cast<RankedTensorType>(x.getType());
  auto wt = dyn_cast<RankedTensorType>(w.getType());
  auto ot = dyn_cast<RankedTensorType>(init.getType());
  if (!xt || !wt || !ot || !xt.hasStaticShape() || !wt.hasStaticShape() ||
      !ot.hasStaticShape())
    return failure();
  SmallVector<int64_t> st(conv.getStrides().getValues<int64_t>()),
      dl(conv.getDilations().getValues<int64_t>());
  int64_t N = xt.getDimSize(0), C = xt.getDimSize(1), F = wt.getDimSize(0),
          KH = wt.getDimSize(2), KW = wt.getDimSize(3), OH = ot.getDimSize(2),
          OW = ot.getDimSize(3);
  Location loc = conv.getLoc();
  MLIRContext *ctx = conv.getContext();
  Type elem = xt.getElementType();
  auto D = [&](unsigned i) { return getAffineDimExpr(i, ctx); };
  Value colInit =
      tensor::EmptyOp::create(rewriter, loc, {N, C, KH, KW, OH, OW}, elem);
  auto id6 = AffineMap::getMultiDimIdentityMap(6, ctx);
  auto xmap = AffineMap::get(
      6, 0, {D(0), D(1), D(4) * st[0] + D(2) * dl[0], D(5) * st[1] + D(3) * dl[1]},
      ctx);
  Value col =
      linalg::GenericOp::create(
          rewriter, loc, TypeRange{colInit.getType()}, ValueRange{x},
          ValueRange{colInit}, {xmap, id6},
          SmallVector<utils::IteratorType>(6, utils::IteratorType::parallel),
          [](OpBuilder &b, Location l, ValueRange a) {
            linalg::YieldOp::create(b, l, a[0]);
          })
          .getResult(0);
  auto colT = RankedTensorType::get({N, C * KH * KW, OH * OW}, elem);
  Value colR = tensor::CollapseShapeOp::create(rewriter, loc, colT, col,
                                               {{0}, {1, 2, 3}, {4, 5}});
  Value wR = tensor::CollapseShapeOp::create(
      rewriter, loc, RankedTensorType::get({F, C * KH * KW}, elem), w,
      {{0}, {1, 2, 3}});
  Value iR = tensor::CollapseShapeOp::create(
      rewriter, loc, RankedTensorType::get({N, F, OH * OW}, elem), init,
      {{0}, {1}, {2, 3}});
  // Loops (n, f, p, k).
  auto mm = linalg::GenericOp::create(
      rewriter, loc, TypeRange{iR.getType()}, ValueRange{wR, colR},
      ValueRange{iR},
      {AffineMap::get(4, 0, {D(1), D(3)}, ctx),
       AffineMap::get(4, 0, {D(0), D(3), D(2)}, ctx),
       AffineMap::get(4, 0, {D(0), D(1), D(2)}, ctx)},
      {utils::IteratorType::parallel, utils::IteratorType::parallel,
       utils::IteratorType::parallel, utils::IteratorType::reduction},
      [](OpBuilder &b, Location l, ValueRange a) {
        Value p = arith::MulFOp::create(b, l, a[0], a[1]);
        linalg::YieldOp::create(b, l,
                                arith::AddFOp::create(b, l, a[2], p).getResult());
      });
  Value out = tensor::ExpandShapeOp::create(rewriter, loc, ot, mm.getResult(0),
                                            {{0}, {1}, {2, 3}});
  rewriter.replaceOp(conv, out);
  return success();
}

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
    bool vectorizable = rn != 0;
    if (!rn)
      rn = 1;
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
    if (!vectorizable) {
      // Loop order (batch.., m, k, n): the innermost loop walks rows of B and
      // of the output contiguously, which LLVM's loop vectorizer handles.
      rewriter.setInsertionPoint(inner);
      auto generic = dyn_cast<linalg::GenericOp>(inner.getOperation());
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
      return;
    }
    // Level 2: register tiles (k by 1), vectorized to vector.contract, which
    // the patterns below lower to broadcasts + FMAs; the accumulator tile is
    // hoisted out of the k loop after bufferization.
    SmallVector<int64_t> vec(ranges.size(), 1);
    vec[m] = rm;
    vec[n] = rn;
    SmallVector<OpFoldResult> t2;
    for (int64_t v : vec)
      t2.push_back(idx(v));
    scf::SCFTilingOptions o2;
    o2.setTileSizes(t2);
    rewriter.setInsertionPoint(inner);
    auto r2 = scf::tileUsingSCF(rewriter,
                                cast<TilingInterface>(inner.getOperation()), o2);
    if (failed(r2))
      return;
    rewriter.replaceOp(inner, r2->replacements);
    Operation *tile = r2->tiledOps.back();
    rewriter.setInsertionPoint(tile);
    auto v = linalg::vectorize(rewriter, tile, /*inputVectorSizes=*/{},
                               /*inputScalableVecDims=*/{},
                               /*vectorizeNDExtract=*/false,
                               /*flatten1DDepthwiseConv=*/false,
                               /*assumeDynamicDimsMatchVecSizes=*/false,
                               /*createNamedContraction=*/true);
    if (succeeded(v))
      rewriter.replaceOp(tile, v->replacements);
  }

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    MLIRContext *ctx = &getContext();
    IRRewriter rewriter(ctx);
    SmallVector<linalg::Conv2DNchwFchwOp> convs;
    func.walk([&](linalg::Conv2DNchwFchwOp c) { convs.push_back(c); });
    for (auto c : convs) {
      rewriter.setInsertionPoint(c);
      (void)im2col(rewriter, c);
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
    // Keep accumulator tiles in registers across the reduction loops: hoist
    // loop-invariant extract/insert_slice and transfer_read/write pairs.
    SmallVector<scf::ForOp> loops;
    func.walk([&](scf::ForOp f) { loops.push_back(f); });
    for (scf::ForOp f : loops) {
      moveLoopInvariantCode(cast<LoopLikeOpInterface>(f.getOperation()));
      (void)hoistLoopInvariantSubsets(rewriter,
                                      cast<LoopLikeOpInterface>(f.getOperation()));
    }
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

struct CPUOuterParallelLoopsPass
    : public torch_onnx::impl::CPUOuterParallelLoopsBase<
          CPUOuterParallelLoopsPass> {
  void runOnOperation() override {
    SmallVector<scf::ParallelOp> loops;
    getOperation().walk([&](scf::ParallelOp p) {
      if (p.getNumLoops() > 1 && !p->getParentOfType<scf::ParallelOp>())
        loops.push_back(p);
    });
    IRRewriter rewriter(&getContext());
    for (scf::ParallelOp p : loops) {
      if (!p.getInitVals().empty())
        continue;
      unsigned n = p.getNumLoops();
      // The parallel dim: the first one that does not have a single trip.
      unsigned par = 0;
      for (unsigned d = 0; d < n; ++d) {
        auto lb = getConstantIntValue(p.getLowerBound()[d]);
        auto ub = getConstantIntValue(p.getUpperBound()[d]);
        auto st = getConstantIntValue(p.getStep()[d]);
        if (!lb || !ub || !st || (*ub - *lb + *st - 1) / *st > 1) {
          par = d;
          break;
        }
      }
      Location loc = p.getLoc();
      rewriter.setInsertionPoint(p);
      auto outer = scf::ParallelOp::create(
          rewriter, loc, ValueRange{p.getLowerBound()[par]},
          ValueRange{p.getUpperBound()[par]}, ValueRange{p.getStep()[par]});
      rewriter.setInsertionPointToStart(outer.getBody());
      SmallVector<Value> ivs(n);
      ivs[par] = outer.getInductionVars()[0];
      for (unsigned d = 0; d < n; ++d) {
        if (d == par)
          continue;
        auto f = scf::ForOp::create(rewriter, loc, p.getLowerBound()[d],
                                    p.getUpperBound()[d], p.getStep()[d]);
        ivs[d] = f.getInductionVar();
        rewriter.setInsertionPointToStart(f.getBody());
      }
      // Move the body (minus its terminator) into the innermost loop.
      Block *body = p.getBody();
      Operation *insertBefore = &*rewriter.getInsertionPoint();
      for (Operation &op : llvm::make_early_inc_range(
               body->without_terminator()))
        op.moveBefore(insertBefore);
      for (unsigned d = 0; d < n; ++d)
        body->getArgument(d).replaceAllUsesWith(ivs[d]);
      rewriter.eraseOp(p);
    }
  }
};
} // namespace
