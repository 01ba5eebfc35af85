//===- Fusion.cpp - Fusion control and compile-time weight layouts --------===//
//
// fuse-elementwise-no-recompute: upstream elementwise fusion with a control
// that never makes a producer run more often than it did unfused.
// fold-constant-transposes: transposes of constant tensors done once, at
// compile time, into a new dense_resource blob.
// fold-adds-into-accumulators: a tensor added to a contraction's result
// starts the contraction's accumulator instead (residual connections).
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
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/SetVector.h"

#define DEBUG_TYPE "torch-onnx-fusion"

namespace mlir::torch_onnx {
#define GEN_PASS_DEF_FUSEELEMENTWISENORECOMPUTE
#define GEN_PASS_DEF_FOLDCONSTANTTRANSPOSES
#define GEN_PASS_DEF_FOLDADDSINTOACCUMULATORS
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

//===----------------------------------------------------------------------===//
// fold-adds-into-accumulators
//===----------------------------------------------------------------------===//

/// Whether `op` is a reduction that adds into its one init (the payload
/// yields `out + ...`, the init's block argument used only there): then
/// starting its init at `init + x` adds x to its result.
static bool addsIntoInit(linalg::LinalgOp op) {
  if (!op || op.getNumDpsInits() != 1 || op->getNumResults() != 1 ||
      op.getNumReductionLoops() == 0 || !op.hasPureTensorSemantics() ||
      !op.getBlock())
    return false;
  BlockArgument acc = op.getMatchingBlockArgument(op.getDpsInitOperand(0));
  if (!acc.hasOneUse())
    return false;
  Operation *add = *acc.user_begin();
  auto yield = cast<linalg::YieldOp>(op.getBlock()->getTerminator());
  return isa<arith::AddFOp, arith::AddIOp>(add) && add->hasOneUse() &&
         yield.getValues()[0] == add->getResult(0);
}

/// In the all-parallel generic `g`, an input that a contraction adding into
/// its init produces (its only use), read through an identity map, whose
/// block argument is used only by one add (of the contraction's kind) of a
/// value that does not depend on it: that operand and the add.
static std::optional<std::pair<OpOperand *, Operation *>>
foldableAdd(linalg::GenericOp g) {
  if (!g.hasPureTensorSemantics() || g.getNumReductionLoops() ||
      g.getNumDpsInits() != 1 || g->getNumResults() != 1 ||
      g.payloadUsesValueFromOperand(g.getDpsInitOperand(0)))
    return std::nullopt;
  for (OpOperand *in : g.getDpsInputOperands()) {
    // In g's block: the contraction moves down to g, never into a loop or
    // a branch it was outside of.
    auto c = in->get().getDefiningOp<linalg::LinalgOp>();
    if (!c || c->getBlock() != g->getBlock() || !in->get().hasOneUse() ||
        !addsIntoInit(c) || !g.getMatchingIndexingMap(in).isIdentity())
      continue;
    BlockArgument a = g.getMatchingBlockArgument(in);
    if (!a.hasOneUse())
      continue;
    Operation *add = *a.user_begin();
    BlockArgument acc = c.getMatchingBlockArgument(c.getDpsInitOperand(0));
    // The same add as the contraction's (addf with addf, addi with addi),
    // of a value other than `a` itself.
    if (add->getName() != (*acc.user_begin())->getName() ||
        add->getOperand(0) == add->getOperand(1))
      continue;
    return std::make_pair(in, add);
  }
  return std::nullopt;
}

/// Folds the add `foldableAdd` found (see the pass description). The added
/// value's computation in g's payload is cloned into the new init's.
static void foldAddIntoInit(RewriterBase &rewriter, linalg::GenericOp g,
                            OpOperand *in, Operation *add) {
  auto c = cast<linalg::LinalgOp>(in->get().getDefiningOp());
  BlockArgument a = g.getMatchingBlockArgument(in);
  Value x = add->getOperand(0) == a ? add->getOperand(1) : add->getOperand(0);
  Block *body = g.getBody();

  // x's computation: the payload ops it depends on, in order, and the
  // inputs they read.
  llvm::SetVector<Operation *> slice;
  llvm::SetVector<unsigned> inputs;
  SmallVector<Value> work{x};
  while (!work.empty()) {
    Value v = work.pop_back_val();
    if (auto arg = dyn_cast<BlockArgument>(v)) {
      if (arg.getOwner() == body)
        inputs.insert(arg.getArgNumber());
      continue;
    }
    Operation *d = v.getDefiningOp();
    if (d->getBlock() != body || !slice.insert(d))
      continue;
    llvm::append_range(work, d->getOperands());
  }
  SmallVector<Operation *> ordered = slice.takeVector();
  llvm::sort(ordered,
             [](Operation *l, Operation *r) { return l->isBeforeInBlock(r); });
  SmallVector<unsigned> inputArgs = inputs.takeVector();
  llvm::sort(inputArgs);

  // init' = init + x, over the contraction's output, right before g. An
  // init computed from inputs alone (a fill, a bias broadcast, an earlier
  // fold) is computed again inside init' (the sum starts from its value in
  // registers); any other init is read.
  OpOperand *init = c.getDpsInitOperand(0);
  unsigned rank = g.getNumLoops();
  MLIRContext *ctx = g.getContext();
  Value dest = init->get();
  Value fillValue;
  linalg::GenericOp base;
  if (auto fill = dest.getDefiningOp<linalg::FillOp>()) {
    fillValue = fill.getInputs()[0];
    dest = fill.getOutputs()[0];
  } else if (auto p = dest.getDefiningOp<linalg::GenericOp>();
             p && p.getNumReductionLoops() == 0 && p.getNumDpsInits() == 1 &&
             p.hasPureTensorSemantics() &&
             p.getMatchingIndexingMap(p.getDpsInitOperand(0)).isIdentity() &&
             !p.payloadUsesValueFromOperand(p.getDpsInitOperand(0)) &&
             // Computed again inside init' (it may have other users: a
             // bias broadcast CSE shares between convolutions): cheap only.
             !isExpensiveToRecompute(p)) {
    // A fill written as a generic (a value yielded, no inputs).
    if (std::optional<Value> v = linalg::isaFillOpInterface(p))
      fillValue = *v;
    else
      base = p;
    dest = p.getDpsInits()[0];
  }
  if ((fillValue || base) && !dest.getDefiningOp<tensor::EmptyOp>()) {
    fillValue = {};
    base = {};
    dest = init->get();
  }
  bool readsInit = !fillValue && !base;
  SmallVector<Value> newIns;
  SmallVector<AffineMap> maps;
  if (base)
    for (OpOperand *o : base.getDpsInputOperands()) {
      newIns.push_back(o->get());
      maps.push_back(base.getMatchingIndexingMap(o));
    }
  for (unsigned i : inputArgs) {
    OpOperand *o = g.getDpsInputOperand(i);
    newIns.push_back(o->get());
    maps.push_back(g.getMatchingIndexingMap(o));
  }
  maps.push_back(AffineMap::getMultiDimIdentityMap(rank, ctx));
  rewriter.setInsertionPoint(g);
  auto start = linalg::GenericOp::create(
      rewriter, g.getLoc(), TypeRange{init->get().getType()}, newIns,
      ValueRange{dest}, maps,
      SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel),
      [&](OpBuilder &b, Location loc, ValueRange args) {
        IRMapping map;
        Value from = fillValue;
        unsigned k = 0;
        if (base) {
          Block *bb = base.getBody();
          for (unsigned i = 0; i < base.getNumDpsInputs(); ++i)
            map.map(bb->getArgument(i), args[k++]);
          for (Operation &op : bb->without_terminator())
            b.clone(op, map);
          from = map.lookupOrDefault(
              cast<linalg::YieldOp>(bb->getTerminator()).getValues()[0]);
        }
        if (readsInit)
          from = args.back();
        for (unsigned i : inputArgs)
          map.map(body->getArgument(i), args[k++]);
        for (Operation *op : ordered)
          b.clone(*op, map);
        Value xv = map.lookupOrDefault(x);
        // From a zero fill the sum is x itself: init' is a copy of x (a
        // broadcast when x is a bias), which the tiling treats as such.
        if (matchPattern(from, m_AnyZeroFloat()) ||
            matchPattern(from, m_Zero())) {
          linalg::YieldOp::create(b, loc, xv);
          return;
        }
        Operation *sum = b.clone(*add);
        sum->setOperands({from, xv});
        linalg::YieldOp::create(b, loc, sum->getResult(0));
      });
  // The contraction accumulates onto it, just before g (its one user), where
  // every value the new init reads is defined.
  rewriter.modifyOpInPlace(c, [&] {
    init->set(start->getResult(0));
    c->moveAfter(start);
  });
  // g takes the contraction's result where it took the sum.
  rewriter.replaceAllUsesWith(add->getResult(0), a);
  rewriter.eraseOp(add);
}

namespace {
struct FoldAddsIntoAccumulatorsPass
    : public torch_onnx::impl::FoldAddsIntoAccumulatorsBase<
          FoldAddsIntoAccumulatorsPass> {
  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    // Each fold leaves g one add fewer: repeated until none is left.
    bool changed = true;
    while (changed) {
      changed = false;
      SmallVector<linalg::GenericOp> generics;
      getOperation().walk([&](linalg::GenericOp g) { generics.push_back(g); });
      for (linalg::GenericOp g : generics) {
        while (auto f = foldableAdd(g)) {
          foldAddIntoInit(rewriter, g, f->first, f->second);
          ++numFolded;
          changed = true;
        }
      }
    }
    // What is left of the consumers: unused inputs dropped, copies erased.
    RewritePatternSet patterns(&getContext());
    linalg::populateEraseUnusedOperandsAndResultsPatterns(patterns);
    linalg::GenericOp::getCanonicalizationPatterns(patterns, &getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};
} // namespace
