//===- TileAndVectorize.cpp - CPU tiling and vectorization ----------------===//
//
// cpu-tile-and-vectorize: im2col for 2-D convolutions, two-level tiling of
// contractions (threads: scf.forall; registers: scf.for) and vectorization
// of the register tiles, with the contraction lowered to outer products.
// cpu-hoist-vector-transfers: keeps accumulators in registers (after
// bufferization). Built from upstream transformations.
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Support/ConstantData.h"
#include "torch-onnx/Transforms/Passes.h"

#include "LoopWork.h"

#include "mlir/Analysis/FlatLinearValueConstraints.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Hoisting.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/SCF/Utils/Utils.h"
#include "mlir/Dialect/Vector/Transforms/LoweringPatterns.h"
#include "mlir/Dialect/Vector/Transforms/VectorRewritePatterns.h"
#include "mlir/Dialect/Vector/Transforms/VectorTransforms.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Dominance.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/Threading.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "mlir/Transforms/LoopInvariantCodeMotionUtils.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/TargetParser/Host.h"

#include <cstring>
#include <numeric>

namespace mlir::torch_onnx {
#define GEN_PASS_DEF_CPUTILEANDVECTORIZE
#define GEN_PASS_DEF_CPUHOISTVECTORTRANSFERS
#define GEN_PASS_DEF_CPUOUTERPARALLELLOOPS
#define GEN_PASS_DEF_CPUPARALLELCOPIES
#define GEN_PASS_DEF_CPUCOLLAPSEELEMENTWISEDIMS
#include "torch-onnx/Transforms/Passes.h.inc"
} // namespace mlir::torch_onnx

using namespace mlir;

/// Tasks a parallel loop is cut into at least, where its work allows: a few
/// per core, so that the threads stay balanced.
constexpr int64_t kMinTasks = 8;
/// Multiply-adds a contraction's task keeps at least when cut for kMinTasks.
constexpr int64_t kMinTaskWork = 1 << 17;

/// A new tensor of `shape` for an op's output (a destination), as a
/// bufferization.alloc_tensor: CSE merges equal tensor.empty ops, and two
/// ops writing one shared output make bufferization copy it (the output of
/// every split contraction but the last, three times). Temporaries (im2col
/// and Winograd buffers, packed copies) stay tensor.empty: ops of one shape
/// then share one buffer, which stays in the caches (resnet18 ran 3%
/// slower with a buffer of its own for each).
static Value freshTensor(OpBuilder &b, Location loc, ArrayRef<int64_t> shape,
                         Type elementType) {
  return bufferization::AllocTensorOp::create(
      b, loc, RankedTensorType::get(shape, elementType), ValueRange{});
}

/// The raw bytes of `src` when it is a constant holding at least `bytes`
/// of them (not a splat); none otherwise.
static std::optional<ArrayRef<char>> constantBytes(Value src, int64_t bytes) {
  ElementsAttr attr;
  if (!matchPattern(src, m_Constant(&attr)))
    return std::nullopt;
  std::optional<ArrayRef<char>> data = torch_onnx::getRawConstantBytes(attr);
  if (!data || (int64_t)data->size() < bytes)
    return std::nullopt;
  return data;
}

/// A constant of type `t` whose bytes `fill` writes at compile time (a
/// resource blob named `name`).
static Value resourceConstant(RewriterBase &rewriter, Location loc,
                              RankedTensorType t, StringRef name,
                              function_ref<void(MutableArrayRef<char>)> fill) {
  AsmResourceBlob blob =
      HeapAsmResourceBlob::allocate(t.getNumElements() * 4, 64);
  fill(blob.getMutableData());
  return arith::ConstantOp::create(
      rewriter, loc, t,
      DenseResourceElementsAttr::get(t, name, std::move(blob)));
}

/// A constant f32 tensor `src` (raw bytes available) rearranged at compile
/// time: its bytes viewed as `view`, dims permuted by `perm`, as a resource
/// constant of type `packedT`. Null when `src` is not such a constant.
static Value packConstant(RewriterBase &rewriter, Location loc, Value src,
                          RankedTensorType packedT, ArrayRef<int64_t> view,
                          ArrayRef<int64_t> perm) {
  int64_t bytes = packedT.getNumElements() * 4;
  std::optional<ArrayRef<char>> data = constantBytes(src, bytes);
  // A static slice of a constant (the part of a weight a split left) is
  // cut out at compile time.
  std::vector<char> sliced;
  auto slice = src.getDefiningOp<tensor::ExtractSliceOp>();
  if (!data && slice && slice.hasUnitStride() &&
      slice.getSourceType().hasStaticShape() &&
      slice.getSourceType().getElementType().isF32() &&
      !ShapedType::isDynamicShape(slice.getStaticOffsets()) &&
      !ShapedType::isDynamicShape(slice.getStaticSizes())) {
    RankedTensorType st = slice.getSourceType();
    std::optional<ArrayRef<char>> whole =
        constantBytes(slice.getSource(), st.getNumElements() * 4);
    ArrayRef<int64_t> offsets = slice.getStaticOffsets(),
                      sizes = slice.getStaticSizes(), shape = st.getShape();
    int64_t rank = st.getRank(), n = 1;
    for (int64_t sz : sizes)
      n *= sz;
    if (whole && rank > 0 && n * 4 == bytes) {
      // Innermost rows of the slice, copied one by one.
      int64_t row = sizes.back();
      sliced.resize(n * 4);
      SmallVector<int64_t> idx(rank, 0);
      for (int64_t r = 0; r < n / row; ++r) {
        int64_t at = 0;
        for (int64_t d = 0; d < rank; ++d)
          at = at * shape[d] + offsets[d] + idx[d];
        std::memcpy(sliced.data() + r * row * 4, whole->data() + at * 4,
                    row * 4);
        for (int64_t d = rank - 2; d >= 0; --d) {
          if (++idx[d] < sizes[d])
            break;
          idx[d] = 0;
        }
      }
      data = ArrayRef<char>(sliced);
    }
  }
  if (!data)
    return {};
  return resourceConstant(
      rewriter, loc, packedT, "packed", [&](MutableArrayRef<char> out) {
        torch_onnx::permuteConstantBytes(*data, out, view, perm, 4);
      });
}

/// One task per point of `counts` (an `scf.forall` on `init`): task `ivs`
/// computes its slice of `init` at `offsets(ivs)`, of `sizes` (rank-reduced
/// to `sliceT`), with `body`, from that slice's current value. Returns the
/// loop's result.
static Value forallSlices(
    RewriterBase &rewriter, Location loc, ArrayRef<int64_t> counts, Value init,
    ArrayRef<int64_t> sizes, RankedTensorType sliceT,
    function_ref<SmallVector<OpFoldResult>(OpBuilder &, ValueRange)> offsets,
    function_ref<Value(OpBuilder &, ValueRange, Value)> body) {
  SmallVector<OpFoldResult> ub, sz, ones;
  for (int64_t c : counts)
    ub.push_back(rewriter.getIndexAttr(c));
  for (int64_t v : sizes) {
    sz.push_back(rewriter.getIndexAttr(v));
    ones.push_back(rewriter.getIndexAttr(1));
  }
  auto forall =
      scf::ForallOp::create(rewriter, loc, ub, ValueRange{init}, std::nullopt);
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPoint(forall.getTerminator());
  SmallVector<Value> ivs(forall.getInductionVars());
  Value out = forall.getRegionIterArgs()[0];
  SmallVector<OpFoldResult> off = offsets(rewriter, ivs);
  Value slice =
      tensor::ExtractSliceOp::create(rewriter, loc, sliceT, out, off, sz, ones);
  Value filled = body(rewriter, ivs, slice);
  rewriter.setInsertionPointToEnd(forall.getTerminator().getBody());
  tensor::ParallelInsertSliceOp::create(rewriter, loc, filled, out, off, sz,
                                        ones);
  return forall.getResult(0);
}

/// Reads the inputs of `w` consecutive output pixels of a convolution with
/// width stride `sw` from one input row: x[0, c, row, col + i*sw] for i <
/// w, as one vector (for sw > 1 the span they cover, and every sw-th lane
/// picked by a shuffle). The reads stay inside the row.
namespace {
struct RowReader {
  RowReader(RewriterBase &rewriter, Location loc, int64_t w, int64_t sw)
      : sw(sw), loc(loc) {
    Type f32 = rewriter.getF32Type();
    vec = VectorType::get({(w - 1) * sw + 1}, f32);
    for (int64_t i = 0; i < w; ++i)
      pick.push_back(i * sw);
    zero = arith::ConstantOp::create(rewriter, loc, f32,
                                     rewriter.getF32FloatAttr(0));
  }
  Value read(OpBuilder &b, Value x, Value c, Value row, Value col) const {
    Value zeroIdx = arith::ConstantIndexOp::create(b, loc, 0);
    Value v = vector::TransferReadOp::create(b, loc, vec, x,
                                             ValueRange{zeroIdx, c, row, col},
                                             zero, ArrayRef<bool>{true});
    return sw > 1 ? vector::ShuffleOp::create(b, loc, v, v, pick) : v;
  }
  int64_t sw;
  Location loc;
  VectorType vec;
  SmallVector<int64_t> pick;
  Value zero;
};
} // namespace

/// The im2col copy of a packed convolution, colA[pb, c, kh, kw, i] =
/// x[0, c, (pb / Q)*sh + kh*dh, ((pb % Q)*w + i)*sw + kw*dw] (shape
/// [PB, C, KH, KW, w]), as vector code: one task per pixel block, one
/// vector of the w pixels per (c, kh, kw), read from the input row
/// (RowReader). The same copy as a linalg.generic is left scalar by LLVM (a
/// loop of w elements behind index arithmetic). The reads stay inside the
/// input: the last output column reads (OW-1)*sw + (KW-1)*dw at most.
static Value im2colBlocks(RewriterBase &rewriter, Location loc, Value x,
                          ArrayRef<int64_t> shape, int64_t Q,
                          ArrayRef<int64_t> st, ArrayRef<int64_t> dl) {
  int64_t PB = shape[0], C = shape[1], KH = shape[2], KW = shape[3],
          w = shape[4];
  Type f32 = rewriter.getF32Type();
  auto cst = [&](OpBuilder &b, int64_t v) -> Value {
    return arith::ConstantIndexOp::create(b, loc, v);
  };
  RowReader reader(rewriter, loc, w, st[1]);
  Value init = tensor::EmptyOp::create(rewriter, loc, shape, f32);
  auto offsets = [&](OpBuilder &b, ValueRange ivs) {
    SmallVector<OpFoldResult> off(5, b.getIndexAttr(0));
    off[0] = ivs[0];
    return off;
  };
  auto body = [&](OpBuilder &b, ValueRange ivs, Value block) -> Value {
    Value pb = ivs[0];
    Value oh = arith::DivUIOp::create(b, loc, pb, cst(b, Q));
    Value ow0 = arith::MulIOp::create(
        b, loc, arith::RemUIOp::create(b, loc, pb, cst(b, Q)), cst(b, w));
    Value row0 = arith::MulIOp::create(b, loc, oh, cst(b, st[0]));
    Value col0 = arith::MulIOp::create(b, loc, ow0, cst(b, st[1]));
    SmallVector<Value> rows, cols;
    for (int64_t i = 0; i < KH; ++i)
      rows.push_back(arith::AddIOp::create(b, loc, row0, cst(b, i * dl[0])));
    for (int64_t j = 0; j < KW; ++j)
      cols.push_back(arith::AddIOp::create(b, loc, col0, cst(b, j * dl[1])));
    Value filled =
        scf::ForOp::create(
            b, loc, cst(b, 0), cst(b, C), cst(b, 1), ValueRange{block},
            [&](OpBuilder &b, Location, Value c, ValueRange iter) {
              Value acc = iter[0];
              for (int64_t i = 0; i < KH; ++i)
                for (int64_t j = 0; j < KW; ++j) {
                  Value v = reader.read(b, x, c, rows[i], cols[j]);
                  acc = vector::TransferWriteOp::create(
                            b, loc, v, acc,
                            ValueRange{c, cst(b, i), cst(b, j), cst(b, 0)},
                            ArrayRef<bool>{true})
                            .getResult();
                }
              scf::YieldOp::create(b, loc, acc);
            })
            .getResult(0);
    return filled;
  };
  return forallSlices(rewriter, loc, {PB}, init, {1, C, KH, KW, w},
                      RankedTensorType::get({C, KH, KW, w}, f32), offsets,
                      body);
}

/// The im2col copy of a batch-1 convolution in the layout of its input,
/// col[c, kh, kw, oh, ow] = x[0, c, oh*sh + kh*dh, ow*sw + kw*dw] (shape
/// [C, KH, KW, OH, OW]), as vector code: one task per (c, kh), one vector of
/// the OW pixels of an output row per (kw, oh), read from the input row
/// (RowReader). As a linalg.generic LLVM left it scalar: half of a
/// grouped 3x3 convolution's time went to it.
static Value im2colRows(RewriterBase &rewriter, Location loc, Value x,
                        ArrayRef<int64_t> shape, ArrayRef<int64_t> st,
                        ArrayRef<int64_t> dl) {
  int64_t C = shape[0], KH = shape[1], KW = shape[2], OH = shape[3],
          OW = shape[4];
  Type f32 = rewriter.getF32Type();
  auto cst = [&](OpBuilder &b, int64_t v) -> Value {
    return arith::ConstantIndexOp::create(b, loc, v);
  };
  RowReader reader(rewriter, loc, OW, st[1]);
  Value init = tensor::EmptyOp::create(rewriter, loc, shape, f32);
  // Few (channel, kernel row) pairs (an image's 3 channels x 3 rows: 9
  // tasks, 5 and 4 on 2 threads) also split the output rows, into at least
  // 2 * kMinTasks tasks in all.
  int64_t chunks = 1;
  while (C * KH * chunks < 2 * kMinTasks && OH % (chunks * 2) == 0)
    chunks *= 2;
  int64_t rows = OH / chunks;
  auto offsets = [&](OpBuilder &b, ValueRange ivs) {
    SmallVector<OpFoldResult> off(5, b.getIndexAttr(0));
    off[0] = ivs[0];
    off[1] = ivs[1];
    if (chunks > 1)
      off[3] = arith::MulIOp::create(b, loc, ivs[2], cst(b, rows)).getResult();
    return off;
  };
  auto body = [&](OpBuilder &b, ValueRange ivs, Value block) -> Value {
    Value c = ivs[0];
    Value row0 = arith::MulIOp::create(b, loc, ivs[1], cst(b, dl[0]));
    Value oh0 =
        chunks > 1
            ? arith::MulIOp::create(b, loc, ivs[2], cst(b, rows)).getResult()
            : cst(b, 0);
    return scf::ForOp::create(
               b, loc, cst(b, 0), cst(b, rows), cst(b, 1), ValueRange{block},
               [&](OpBuilder &b, Location, Value oh, ValueRange iter) {
                 Value row = arith::AddIOp::create(
                     b, loc, row0,
                     arith::MulIOp::create(
                         b, loc, arith::AddIOp::create(b, loc, oh0, oh),
                         cst(b, st[0])));
                 Value acc = iter[0];
                 for (int64_t j = 0; j < KW; ++j) {
                   Value v = reader.read(b, x, c, row, cst(b, j * dl[1]));
                   acc =
                       vector::TransferWriteOp::create(
                           b, loc, v, acc, ValueRange{cst(b, j), oh, cst(b, 0)},
                           ArrayRef<bool>{true})
                           .getResult();
                 }
                 scf::YieldOp::create(b, loc, acc);
               })
        .getResult(0);
  };
  SmallVector<int64_t> counts{C, KH};
  if (chunks > 1)
    counts.push_back(chunks);
  return forallSlices(rewriter, loc, counts, init, {1, 1, KW, rows, OW},
                      RankedTensorType::get({KW, rows, OW}, f32), offsets,
                      body);
}

/// Task tile sizes a rewrite chose for the contraction it built (a loop
/// size per dim), used by the tiling instead of its default.
using TaskTiles = DenseMap<Operation *, SmallVector<int64_t>>;

/// A static conv_2d_nchw_fchw's operands and sizes.
struct ConvShape {
  Value x, w, init;
  RankedTensorType xt, wt, ot;
  SmallVector<int64_t> st, dl;
  int64_t N, C, F, KH, KW, OH, OW;
};

static FailureOr<ConvShape> getConvShape(linalg::Conv2DNchwFchwOp conv) {
  ConvShape cs;
  cs.x = conv.getInputs()[0];
  cs.w = conv.getInputs()[1];
  cs.init = conv.getOutputs()[0];
  cs.xt = dyn_cast<RankedTensorType>(cs.x.getType());
  cs.wt = dyn_cast<RankedTensorType>(cs.w.getType());
  cs.ot = dyn_cast<RankedTensorType>(cs.init.getType());
  if (!cs.xt || !cs.wt || !cs.ot || !cs.xt.hasStaticShape() ||
      !cs.wt.hasStaticShape() || !cs.ot.hasStaticShape())
    return failure();
  cs.st = llvm::to_vector(conv.getStrides().getValues<int64_t>());
  cs.dl = llvm::to_vector(conv.getDilations().getValues<int64_t>());
  cs.N = cs.xt.getDimSize(0);
  cs.C = cs.xt.getDimSize(1);
  cs.F = cs.wt.getDimSize(0);
  cs.KH = cs.wt.getDimSize(2);
  cs.KW = cs.wt.getDimSize(3);
  cs.OH = cs.ot.getDimSize(2);
  cs.OW = cs.ot.getDimSize(3);
  return cs;
}

static Value channelBiasInput(RewriterBase &rewriter, Location loc,
                              linalg::GenericOp g, OpOperand *in, int64_t F);

/// The bias of a convolution's init that broadcasts it along the channels
/// (a generic yielding its one input, read as (d1) plus unit dims): that
/// input as a 1-D [F] tensor; null for any other init.
static Value channelBias(RewriterBase &rewriter, Location loc, Value init,
                         int64_t F) {
  auto g = init.getDefiningOp<linalg::GenericOp>();
  if (!g || g.getNumDpsInputs() != 1 || g.getNumReductionLoops() != 0 ||
      g.getNumLoops() != 4)
    return {};
  auto yield = cast<linalg::YieldOp>(g.getBody()->getTerminator());
  if (yield.getValues()[0] != g.getBody()->getArgument(0))
    return {};
  return channelBiasInput(rewriter, loc, g, g.getDpsInputOperand(0), F);
}

/// The input `in` of the 4-D generic `g` as a 1-D [F] bias when g reads it
/// along the channels only ((d1) plus unit dims); else null.
static Value channelBiasInput(RewriterBase &rewriter, Location loc,
                              linalg::GenericOp g, OpOperand *in, int64_t F) {
  auto t = dyn_cast<RankedTensorType>(in->get().getType());
  AffineMap m = g.getMatchingIndexingMap(in);
  if (!t || !t.hasStaticShape() || t.getNumElements() != F)
    return {};
  int64_t channelDims = 0;
  for (AffineExpr e : m.getResults()) {
    if (auto d = dyn_cast<AffineDimExpr>(e); d && d.getPosition() == 1)
      ++channelDims;
    else if (auto c = dyn_cast<AffineConstantExpr>(e); !c || c.getValue())
      return {};
  }
  if (channelDims != 1)
    return {};
  if (t.getRank() == 1)
    return in->get();
  ReassociationIndices all;
  for (int64_t i = 0; i < t.getRank(); ++i)
    all.push_back(i);
  return tensor::CollapseShapeOp::create(
      rewriter, loc, RankedTensorType::get({F}, t.getElementType()), in->get(),
      SmallVector<ReassociationIndices>{all});
}

/// Gives each linalg op an init of its own where it shares one made by an
/// empty tensor or by a fill or broadcast of one: CSE merges equal inits
/// (the zero accumulators of two convolutions of one shape, equal biases),
/// and bufferization then copies the shared buffer for every writer but
/// the last (3 copies of the output per split contraction). The private
/// init starts from a bufferization.alloc_tensor, which CSE does not merge.
static void privatizeInits(RewriterBase &rewriter, func::FuncOp func) {
  SmallVector<OpOperand *> shared;
  func.walk([&](linalg::LinalgOp op) {
    if (!op.hasPureTensorSemantics())
      return;
    for (OpOperand &init : op.getDpsInitsMutable())
      if (!init.get().hasOneUse())
        shared.push_back(&init);
  });
  for (OpOperand *init : shared) {
    Value v = init->get();
    auto type = dyn_cast<RankedTensorType>(v.getType());
    if (v.hasOneUse() || !type || !type.hasStaticShape())
      continue;
    Operation *user = init->getOwner();
    Location loc = user->getLoc();
    rewriter.setInsertionPoint(user);
    auto fresh = [&] {
      return freshTensor(rewriter, loc, type.getShape(), type.getElementType());
    };
    if (v.getDefiningOp<tensor::EmptyOp>()) {
      rewriter.modifyOpInPlace(user, [&] { init->set(fresh()); });
      continue;
    }
    // A producer writing its whole init from other values (a fill, a
    // broadcast), its own init an empty tensor.
    auto producer = v.getDefiningOp<linalg::LinalgOp>();
    if (!producer || producer->getNumResults() != 1 ||
        producer.getNumDpsInits() != 1 || producer.getNumReductionLoops() ||
        !producer.hasPureTensorSemantics() ||
        producer.payloadUsesValueFromOperand(producer.getDpsInitOperand(0)) ||
        !producer.getDpsInits()[0].getDefiningOp<tensor::EmptyOp>())
      continue;
    Value dest = fresh();
    auto copy = cast<linalg::LinalgOp>(rewriter.clone(*producer));
    copy.getDpsInitsMutable()[0].set(dest);
    rewriter.modifyOpInPlace(user, [&] { init->set(copy->getResult(0)); });
  }
}

/// How a convolution written as direct vector code starts its accumulators:
/// from its init's fill value or per-channel bias, broadcast in registers,
/// with `init` replaced by a fresh tensor (the output is neither filled nor
/// read back); for any other init `start` is null and the init is read.
struct AccumulatorStart {
  Value fill, bias, residual;
  AccumulatorStart() = default;
  /// `withResidual`: the caller reads `residual` where it would read the
  /// init (then the init may also be a residual, alone or plus a bias).
  AccumulatorStart(RewriterBase &rewriter, Location loc, Value &init,
                   int64_t channels, bool withBias, bool withResidual = false) {
    if (!(withResidual && isResidual(rewriter, loc, init, channels, withBias)))
      isStart(rewriter, loc, init, channels, withBias);
    if (fill || bias || residual) {
      auto t = cast<RankedTensorType>(init.getType());
      init = freshTensor(rewriter, loc, t.getShape(), t.getElementType());
    }
  }
  /// Whether `init` is a fill or (`withBias`) a per-channel bias; sets
  /// `fill` or `bias`.
  bool isStart(RewriterBase &rewriter, Location loc, Value init,
               int64_t channels, bool withBias) {
    if (auto f = init.getDefiningOp<linalg::FillOp>())
      fill = f.getInputs()[0];
    else if (withBias)
      bias = channelBias(rewriter, loc, init, channels);
    return fill || bias;
  }
  /// An init that is a residual r, alone or plus a per-channel bias (an
  /// all-parallel 4-D generic writing its whole init from r, read through
  /// an identity map, and the bias: `r` or `r + bias`, as
  /// fold-adds-into-accumulators makes it): sets `residual` (and `bias`).
  bool isResidual(RewriterBase &rewriter, Location loc, Value init,
                  int64_t channels, bool withBias) {
    auto g = init.getDefiningOp<linalg::GenericOp>();
    if (!g || g.getNumDpsInits() != 1 || g.getNumLoops() != 4 ||
        g.getNumReductionLoops() != 0 || !g.hasPureTensorSemantics() ||
        !g.getMatchingIndexingMap(g.getDpsInitOperand(0)).isIdentity() ||
        g.payloadUsesValueFromOperand(g.getDpsInitOperand(0)))
      return false;
    Block *body = g.getBody();
    Value y = cast<linalg::YieldOp>(body->getTerminator()).getValues()[0];
    OpOperand *r = nullptr, *b = nullptr;
    for (OpOperand *in : g.getDpsInputOperands()) {
      if (!r && g.getMatchingIndexingMap(in).isIdentity() &&
          in->get().getType() == init.getType())
        r = in;
      else
        b = in;
    }
    if (!r)
      return false;
    BlockArgument ra = g.getMatchingBlockArgument(r);
    if (g.getNumDpsInputs() == 1 && y == ra) {
      residual = r->get();
      return true;
    }
    auto add = y.getDefiningOp<arith::AddFOp>();
    if (!withBias || g.getNumDpsInputs() != 2 || !add ||
        body->getOperations().size() != 2 ||
        !llvm::is_contained(add->getOperands(), ra) ||
        !llvm::is_contained(add->getOperands(), g.getMatchingBlockArgument(b)))
      return false;
    bias = channelBiasInput(rewriter, loc, g, b, channels);
    if (bias)
      residual = r->get();
    return bias != nullptr;
  }
  /// The starting vector of type `t` for `channel`.
  Value start(OpBuilder &b, Location loc, VectorType t, Value channel) const {
    if (fill)
      return vector::BroadcastOp::create(b, loc, t, fill);
    if (bias)
      return vector::BroadcastOp::create(
          b, loc, t, tensor::ExtractOp::create(b, loc, bias, channel));
    return {};
  }
};

/// An element-wise consumer that a contraction or a convolution can apply
/// to its results in registers, before it stores them (ReLU, Clip, a
/// sigmoid): an all-parallel generic with identity maps whose one input is
/// `v` (its only use), that does not read its init, and whose payload is
/// element-wise arithmetic on scalars (values from outside the payload are
/// broadcast; they must be defined before `producer`, where the payload
/// goes: a pure op defining one after it, from values defined before, is
/// moved up, as a bound read from a tensor where the Clip was). Null when
/// the consumer is not one.
static linalg::GenericOp epilogueConsumer(Value v, Operation *producer) {
  if (!v.hasOneUse() || !producer)
    return {};
  auto g = dyn_cast<linalg::GenericOp>(*v.user_begin());
  if (!g || g.getNumDpsInputs() != 1 || g.getNumDpsInits() != 1 ||
      g.getDpsInputs()[0] != v || g.getNumReductionLoops() != 0 ||
      !g.hasPureTensorSemantics() ||
      g.payloadUsesValueFromOperand(g.getDpsInitOperand(0)) ||
      g.getResult(0).getType() != v.getType() ||
      !llvm::all_of(g.getIndexingMapsArray(),
                    [](AffineMap m) { return m.isIdentity(); }))
    return {};
  for (Operation &op : g.getBody()->without_terminator()) {
    if (op.getNumRegions() || op.getNumResults() != 1 ||
        !isa<arith::ArithDialect, math::MathDialect>(op.getDialect()) ||
        !(op.hasTrait<OpTrait::ConstantLike>() ||
          OpTrait::hasElementwiseMappableTraits(&op)) ||
        !op.getResult(0).getType().isIntOrFloat() ||
        llvm::any_of(op.getOperandTypes(),
                     [](Type t) { return !t.isIntOrFloat(); }))
      return {};
  }
  DominanceInfo dom(producer->getParentOp());
  SmallVector<Operation *> moveUp;
  bool defined = true;
  g.getBody()->walk([&](Operation *op) {
    for (Value o : op->getOperands()) {
      if (o.getParentBlock() == g.getBody() ||
          dom.properlyDominates(o, producer))
        continue;
      Operation *d = o.getDefiningOp();
      if (d && isPure(d) && d->getNumRegions() == 0 &&
          llvm::all_of(d->getOperands(), [&](Value x) {
            return dom.properlyDominates(x, producer);
          }))
        moveUp.push_back(d);
      else
        defined = false;
    }
  });
  if (!defined)
    return {};
  for (Operation *d : moveUp)
    d->moveBefore(producer);
  return g;
}

/// The consumer `epilogueConsumer` finds behind a contraction's result
/// through reshapes that are its only uses (the view of a convolution's
/// output), or null.
static linalg::GenericOp epilogueBehindReshapes(Value v) {
  Operation *producer = v.getDefiningOp();
  while (v.hasOneUse() &&
         isa<tensor::ExpandShapeOp, tensor::CollapseShapeOp>(*v.user_begin()))
    v = v.user_begin()->getResult(0);
  return epilogueConsumer(v, producer);
}

/// `g`'s payload applied to the vector `vec` (scalars from outside it
/// broadcast to vec's shape).
static Value applyEpilogue(OpBuilder &b, Location loc, linalg::GenericOp g,
                           Value vec) {
  ArrayRef<int64_t> shape = cast<VectorType>(vec.getType()).getShape();
  IRMapping map;
  Block *body = g.getBody();
  map.map(body->getArgument(0), vec);
  auto lift = [&](Value s) {
    Value m = map.lookupOrDefault(s);
    if (!isa<VectorType>(m.getType())) {
      m = vector::BroadcastOp::create(b, loc,
                                      VectorType::get(shape, m.getType()), m);
      map.map(s, m);
    }
    return m;
  };
  for (Operation &op : body->without_terminator()) {
    if (op.hasTrait<OpTrait::ConstantLike>()) {
      map.map(op.getResult(0), b.clone(op)->getResult(0));
      continue;
    }
    for (Value o : op.getOperands())
      lift(o);
    Operation *c = b.clone(op, map);
    c->getResult(0).setType(VectorType::get(shape, op.getResult(0).getType()));
  }
  return lift(body->getTerminator()->getOperand(0));
}

/// `g`'s payload applied to the tensor `v` by a copy of `g` on v's type,
/// vectorized when asked (a register tile); v's other uses take its result.
static void placeEpilogue(RewriterBase &rewriter, Value v, linalg::GenericOp g,
                          bool vectorize) {
  auto t = cast<RankedTensorType>(v.getType());
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPointAfterValue(v);
  auto id = AffineMap::getMultiDimIdentityMap(t.getRank(), g.getContext());
  auto e = linalg::GenericOp::create(
      rewriter, g.getLoc(), TypeRange{t}, ValueRange{v}, ValueRange{v},
      {id, id},
      SmallVector<utils::IteratorType>(t.getRank(),
                                       utils::IteratorType::parallel));
  IRMapping map;
  rewriter.cloneRegionBefore(g.getRegion(), e.getRegion(), e.getRegion().end(),
                             map);
  rewriter.replaceAllUsesExcept(v, e.getResult(0), e);
  if (!vectorize || !t.hasStaticShape())
    return;
  rewriter.setInsertionPoint(e);
  auto r = linalg::vectorize(rewriter, e);
  if (succeeded(r))
    rewriter.replaceOp(e, r->replacements);
}

/// The init of a contraction built on a view of a convolution's output
/// (`viewT`), made in the view's own shape when the output's init is a fill
/// or a per-channel bias broadcast (so that the tiling can fuse it and each
/// register tile starts from it): the fill of the view, or the bias
/// (reshaped to `biasShape`) broadcast by `biasMap` (view loops -> bias
/// dims); for a residual (plus a bias) that fold-adds-into-accumulators
/// left, the same sum on `reshape` of the residual, or (`residualAfter`
/// given) the bias alone, the residual returned for the caller to add.
/// Else `reshape` of the init. `reshape` must reshape the value it is given
/// (the init or a residual of the init's type).
static Value viewInit(RewriterBase &rewriter, Location loc, Value init,
                      RankedTensorType viewT, ArrayRef<int64_t> biasShape,
                      AffineMap biasMap, function_ref<Value(Value)> reshape,
                      Value *residualAfter = nullptr,
                      bool allowResidual = true) {
  auto empty = [&] {
    return freshTensor(rewriter, loc, viewT.getShape(), viewT.getElementType());
  };
  if (auto fill = init.getDefiningOp<linalg::FillOp>())
    return linalg::FillOp::create(rewriter, loc, fill.getInputs()[0],
                                  Value(empty()))
        .getResult(0);
  int64_t F = 1;
  for (int64_t d : biasShape)
    F *= d;
  auto viewBias = [&](Value bias) -> Value {
    if (biasShape.size() > 1)
      bias = tensor::ExpandShapeOp::create(
          rewriter, loc,
          RankedTensorType::get(biasShape, viewT.getElementType()), bias,
          SmallVector<ReassociationIndices>{
              llvm::to_vector(llvm::seq<int64_t>(0, biasShape.size()))});
    return bias;
  };
  unsigned n = viewT.getRank();
  AffineMap id = AffineMap::getMultiDimIdentityMap(n, rewriter.getContext());
  SmallVector<utils::IteratorType> par(n, utils::IteratorType::parallel);
  // The bias broadcast over the view.
  auto broadcast = [&](Value bias) -> Value {
    return linalg::GenericOp::create(
               rewriter, loc, TypeRange{viewT}, ValueRange{viewBias(bias)},
               ValueRange{empty()}, {biasMap, id}, par,
               [](OpBuilder &b, Location l, ValueRange a) {
                 linalg::YieldOp::create(b, l, a[0]);
               })
        .getResult(0);
  };
  if (Value bias = channelBias(rewriter, loc, init, F))
    return broadcast(bias);
  // A residual, alone or plus a bias (fold-adds-into-accumulators): the
  // same sum on the view of the residual, which the register tiles fuse.
  AccumulatorStart start;
  if (allowResidual &&
      start.isResidual(rewriter, loc, init, F, /*withBias=*/true)) {
    if (residualAfter) {
      // The caller adds the residual to the result: the init is the bias
      // alone, or zero.
      *residualAfter = start.residual;
      if (!start.bias)
        return linalg::FillOp::create(
                   rewriter, loc,
                   Value(arith::ConstantOp::create(
                       rewriter, loc,
                       rewriter.getZeroAttr(viewT.getElementType()))),
                   Value(empty()))
            .getResult(0);
      return broadcast(start.bias);
    }
    SmallVector<Value> ins{reshape(start.residual)};
    SmallVector<AffineMap> maps{id};
    if (start.bias) {
      ins.push_back(viewBias(start.bias));
      maps.push_back(biasMap);
    }
    maps.push_back(id);
    return linalg::GenericOp::create(
               rewriter, loc, TypeRange{viewT}, ins, ValueRange{empty()}, maps,
               par,
               [&](OpBuilder &b, Location l, ValueRange a) {
                 Value v = a[0];
                 if (start.bias)
                   v = arith::AddFOp::create(b, l, a[1], v);
                 linalg::YieldOp::create(b, l, v);
               })
        .getResult(0);
  }
  return reshape(init);
}

/// Batch-1, f32 conv_2d_nchw_fchw as a contraction with pixels along the
/// register tile's rows and output channels along its vectors, both
/// operands in the layout the tile reads:
///   - the filter packed at compile time into panels of `rn` output
///     channels, Wp[F/rn, K, rn] (K = C*KH*KW);
///   - the im2col copy written in blocks of `w` pixels of one output row,
///     colA[P/w, K, w] (w divides OW, so the copy stays affine):
///       colA[pb, (c, kh, kw), i] =
///           x[0, c, (pb / Q)*sh + kh*dh, ((pb % Q)*w + i)*sw + kw*dw],
///     Q = OW/w.
/// Loops (j, pb, i, fi, k):
///   out[0, j*rn + fi, pb*w + i] += colA[pb, k, i] * Wp[j, k, fi].
/// A register tile (w pixels x rn channels) then reads w contiguous floats
/// of colA and rn of Wp per k step, so both stream; the plain [K, OH*OW]
/// im2col matrix is walked a row (OH*OW floats apart) per k step, which the
/// hardware prefetchers do not follow, and output widths that are not a
/// multiple of the vector (7, 14, 28, 49 pixels) leave narrow vectors. A
/// task is one channel panel and as many pixel blocks as keep its colA rows
/// in the L2 cache (about 1 MiB), so the panel is read once per task.
static LogicalResult im2colPacked(RewriterBase &rewriter,
                                  linalg::Conv2DNchwFchwOp conv,
                                  const ConvShape &cs, int64_t tileM,
                                  int64_t tileN, TaskTiles &taskTiles) {
  Value x = cs.x, w = cs.w, init = cs.init;
  RankedTensorType xt = cs.xt, wt = cs.wt, ot = cs.ot;
  if (!xt.getElementType().isF32() || !ot.getElementType().isF32() ||
      !wt.getElementType().isF32() || cs.N != 1)
    return failure();
  ArrayRef<int64_t> st = cs.st, dl = cs.dl;
  int64_t C = cs.C, F = cs.F, KH = cs.KH, KW = cs.KW, OH = cs.OH, OW = cs.OW,
          K = C * KH * KW, P = OH * OW;
  int64_t bw = 0, rn = 0;
  for (int64_t t = std::min(tileM, OW); t >= 4 && !bw; --t)
    if (OW % t == 0)
      bw = t;
  for (int64_t t : {tileN, tileN / 2, tileN / 4})
    if (t >= 8 && F % t == 0) {
      rn = t;
      break;
    }
  if (!bw || !rn)
    return failure();
  // Each register tile writes its accumulator transposed (the output is
  // channel-major; it starts at zero or the bias in registers, not read):
  // worth it when the reduction is long. A unit-stride 1x1 convolution also
  // pays a copy the plain path does not make (it reads its input as is),
  // except on a few pixels (7x7), where the plain path's vectors along the
  // pixels are narrow (49 = 32 + 16 + 1): then from K = 128 when the
  // channels fill whole 16-lane vectors (mobilenet_v2 7.29 -> 6.99 ms,
  // efficientnet_b0 14.28 -> 13.85 ms at 1 thread; at 14x14 pixels the copy
  // costs more, and shufflenet's 232 channels in 8-lane vectors lost 2.5%).
  bool pointwise = KH == 1 && KW == 1 && st[0] == 1 && st[1] == 1;
  if (pointwise ? (P >= 64 || K < (rn >= 16 ? 128 : 512)) : K < 512)
    return failure();
  int64_t PB = P / bw, Q = OW / bw, J = F / rn;
  Location loc = conv.getLoc();
  MLIRContext *ctx = conv.getContext();
  Type elem = xt.getElementType();
  auto D = [&](unsigned i) { return getAffineDimExpr(i, ctx); };
  auto parallel = [](unsigned n) {
    return SmallVector<utils::IteratorType>(n, utils::IteratorType::parallel);
  };
  auto yieldIn = [](OpBuilder &b, Location l, ValueRange a) {
    linalg::YieldOp::create(b, l, a[0]);
  };
  // Filter panels: at compile time for a constant filter, else a copy.
  auto wpT = RankedTensorType::get({J, K, rn}, elem);
  Value wp = packConstant(rewriter, loc, w, wpT, {J, rn, K}, {0, 2, 1});
  if (!wp) {
    Value w2 = tensor::CollapseShapeOp::create(
        rewriter, loc, RankedTensorType::get({F, K}, elem), w,
        {{0}, {1, 2, 3}});
    Value e = tensor::EmptyOp::create(rewriter, loc, wpT.getShape(), elem);
    wp = linalg::GenericOp::create(
             rewriter, loc, TypeRange{wpT}, ValueRange{w2}, ValueRange{e},
             {AffineMap::get(3, 0, {D(0) * rn + D(2), D(1)}, ctx),
              AffineMap::getMultiDimIdentityMap(3, ctx)},
             parallel(3), yieldIn)
             .getResult(0);
  }
  // Pixel blocks.
  Value col = im2colBlocks(rewriter, loc, x, {PB, C, KH, KW, bw}, Q, st, dl);
  Value colA = tensor::CollapseShapeOp::create(
      rewriter, loc, RankedTensorType::get({PB, K, bw}, elem), col,
      {{0}, {1, 2, 3}, {4}});
  auto c4T = RankedTensorType::get({J, rn, PB, bw}, elem);
  // A residual init is added to the result, not read by the register tiles:
  // their tile is pixels x channels, the output channels x pixels, so the
  // residual would be read through a transpose per tile (a 224-lane shuffle
  // network for 7 x 32), which costs more than the add.
  Value residual;
  Value c4 = viewInit(
      rewriter, loc, init, c4T, {J, rn},
      AffineMap::get(4, 0, {D(0), D(1)}, ctx),
      [&](Value init) -> Value {
        Value c2 = tensor::CollapseShapeOp::create(
            rewriter, loc, RankedTensorType::get({F, P}, elem), init,
            {{0, 1}, {2, 3}});
        return tensor::ExpandShapeOp::create(rewriter, loc, c4T, c2,
                                             {{0, 1}, {2, 3}});
      },
      &residual);
  // Loops (j, pb, i, fi, k).
  auto mm = linalg::GenericOp::create(
      rewriter, loc, TypeRange{c4.getType()}, ValueRange{colA, wp},
      ValueRange{c4},
      {AffineMap::get(5, 0, {D(1), D(4), D(2)}, ctx),
       AffineMap::get(5, 0, {D(0), D(4), D(3)}, ctx),
       AffineMap::get(5, 0, {D(0), D(3), D(1), D(2)}, ctx)},
      {utils::IteratorType::parallel, utils::IteratorType::parallel,
       utils::IteratorType::parallel, utils::IteratorType::parallel,
       utils::IteratorType::reduction},
      [](OpBuilder &b, Location l, ValueRange a) {
        Value p = arith::MulFOp::create(b, l, a[0], a[1]);
        linalg::YieldOp::create(
            b, l, arith::AddFOp::create(b, l, a[2], p).getResult());
      });
  // Pixel blocks per task: colA rows within ~1 MiB, at least kMinTasks
  // tasks (5 panels of a 160-channel output take 2 pixel ranges each).
  int64_t blocks = std::clamp<int64_t>((1 << 20) / (K * 4 * bw), 1, PB);
  if (J * llvm::divideCeil(PB, blocks) < kMinTasks)
    blocks = std::max<int64_t>(1, PB / llvm::divideCeil(kMinTasks, J));
  while (PB % blocks)
    --blocks;
  taskTiles[mm] = {1, blocks, bw, rn, 0};
  Value r2 = tensor::CollapseShapeOp::create(
      rewriter, loc, RankedTensorType::get({F, P}, elem), mm.getResult(0),
      {{0, 1}, {2, 3}});
  Value out = tensor::ExpandShapeOp::create(
      rewriter, loc, ot, r2, SmallVector<ReassociationIndices>{{0, 1}, {2, 3}});
  if (residual) {
    auto id = AffineMap::getMultiDimIdentityMap(4, ctx);
    out = linalg::GenericOp::create(
              rewriter, loc, TypeRange{ot}, ValueRange{out, residual},
              ValueRange{freshTensor(rewriter, loc, ot.getShape(), elem)},
              {id, id, id}, parallel(4),
              [](OpBuilder &b, Location l, ValueRange a) {
                linalg::YieldOp::create(
                    b, l, arith::AddFOp::create(b, l, a[0], a[1]).getResult());
              })
              .getResult(0);
  }
  rewriter.replaceOp(conv, out);
  return success();
}

/// Winograd F(m x m, 3x3) (Lavin & Gray), m = 2 or 4: an m x m output tile
/// from an a x a input tile (a = m + 2) takes a^2 products per (input,
/// output) channel pair instead of 9 m^2 (16 instead of 36 for m = 2; 36
/// instead of 144 for m = 4).
///   U = G g G^T (filter, a x a), V = B^T d B (input tile),
///   Y = A^T (U . V) A.
/// The a^2 element-wise products summed over the input channels are a^2
/// matrix products, one per tile position e = a*xi + nu, which go through
/// the same tiling as every contraction. The matrices are the usual ones
/// (interpolation points 0, 1, -1 for m = 2; 0, 1, -1, 2, -2 for m = 4).
namespace {
struct WinogradSpec {
  int64_t m, a;
  const double *g;  // a x 3
  const double *bt; // a x a
  const double *at; // m x a
};
} // namespace

static const double kWinogradG2[4 * 3] = {1,  0,   0,  .5, .5, .5,
                                          .5, -.5, .5, 0,  0,  1};
static const double kWinogradBt2[4 * 4] = {1, 0,  -1, 0, 0, 1, 1, 0,
                                           0, -1, 1,  0, 0, 1, 0, -1};
static const double kWinogradAt2[2 * 4] = {1, 1, 1, 0, 0, 1, -1, -1};
static const double kWinogradG4[6 * 3] = {
    1. / 4,  0,        0,       -1. / 6, -1. / 6, -1. / 6,
    -1. / 6, 1. / 6,   -1. / 6, 1. / 24, 1. / 12, 1. / 6,
    1. / 24, -1. / 12, 1. / 6,  0,       0,       1};
static const double kWinogradBt4[6 * 6] = {
    4, 0,  -5, 0, 1, 0, 0, -4, -4, 1,  1, 0, 0, 4, -4, -1, 1, 0,
    0, -2, -1, 2, 1, 0, 0, 2,  -1, -2, 1, 0, 0, 4, 0,  -5, 0, 1};
static const double kWinogradAt4[4 * 6] = {
    1, 1, 1, 1, 1, 0, 0, 1, -1, 2, -2, 0, 0, 1, 1, 4, 4, 0, 0, 1, -1, 8, -8, 1};

static WinogradSpec winogradSpec(int64_t m) {
  if (m == 4)
    return {4, 6, kWinogradG4, kWinogradBt4, kWinogradAt4};
  return {2, 4, kWinogradG2, kWinogradBt2, kWinogradAt2};
}

/// U[e][j][c][fi] = (G g[j*rn + fi][c] G^T)[e], computed at compile time
/// from a constant filter (in double); null when the filter is not one.
static Value winogradFilter(RewriterBase &rewriter, Location loc, Value w,
                            int64_t F, int64_t C, int64_t rn,
                            const WinogradSpec &spec) {
  std::optional<ArrayRef<char>> data = constantBytes(w, F * C * 9 * 4);
  if (!data)
    return {};
  int64_t J = F / rn, a = spec.a;
  auto t = RankedTensorType::get({a * a, J, C, rn}, rewriter.getF32Type());
  const double *G = spec.g;
  MLIRContext *ctx = rewriter.getContext();
  // On the context's threads, a block of rn filters each (whose transforms
  // share cache lines).
  auto transform = [=](MutableArrayRef<char> out) {
    char *u = out.data();
    parallelFor(ctx, 0, J, [&](size_t j) {
      double gt[6 * 3];
      for (int64_t f = j * rn; f < static_cast<int64_t>(j + 1) * rn; ++f)
        for (int64_t c = 0; c < C; ++c) {
          float g[9];
          std::memcpy(g, data->data() + (f * C + c) * 36, 36);
          for (int64_t xi = 0; xi < a; ++xi) // G g
            for (int b = 0; b < 3; ++b)
              gt[xi * 3 + b] = G[xi * 3] * g[b] + G[xi * 3 + 1] * g[3 + b] +
                               G[xi * 3 + 2] * g[6 + b];
          for (int64_t xi = 0; xi < a; ++xi)
            for (int64_t nu = 0; nu < a; ++nu) {
              float v = gt[xi * 3] * G[nu * 3] +
                        gt[xi * 3 + 1] * G[nu * 3 + 1] +
                        gt[xi * 3 + 2] * G[nu * 3 + 2];
              int64_t at = (((xi * a + nu) * J + f / rn) * C + c) * rn + f % rn;
              std::memcpy(u + at * 4, &v, 4);
            }
        }
    });
  };
  return resourceConstant(rewriter, loc, t, "winograd", transform);
}

/// The rows of the `rows` x in.size() matrix `mat` applied to the vectors
/// `in`: adds and subtracts for coefficients +-1, an FMA with a splat for
/// the others, nothing for zeros.
static SmallVector<Value, 6> winogradApply(OpBuilder &b, Location loc,
                                           const double *mat, int64_t rows,
                                           ArrayRef<Value> in) {
  int64_t cols = in.size();
  SmallVector<Value, 6> out;
  auto vt = cast<VectorType>(in[0].getType());
  auto splat = [&](double c) -> Value {
    return arith::ConstantOp::create(
        b, loc, vt,
        DenseElementsAttr::get(vt, b.getF32FloatAttr(static_cast<float>(c))));
  };
  for (int64_t i = 0; i < rows; ++i) {
    const double *row = mat + i * cols;
    // Start from a +1 term where there is one (no negation).
    const double *one = std::find(row, row + cols, 1.0);
    int64_t first = one - row;
    Value acc = first < cols ? in[first] : Value();
    for (int64_t j = 0; j < cols; ++j) {
      double c = row[j];
      if (c == 0 || j == first)
        continue;
      if (!acc)
        acc = c == -1
                  ? arith::NegFOp::create(b, loc, in[j]).getResult()
                  : arith::MulFOp::create(b, loc, in[j], splat(c)).getResult();
      else if (c == 1)
        acc = arith::AddFOp::create(b, loc, acc, in[j]);
      else if (c == -1)
        acc = arith::SubFOp::create(b, loc, acc, in[j]);
      else
        acc = vector::FMAOp::create(b, loc, in[j], splat(c), acc);
    }
    out.push_back(acc);
  }
  return out;
}

/// Vectors in rows and columns (a tile's rows, per tile position).
using WinogradGrid = SmallVector<SmallVector<Value, 6>, 6>;

/// `mat` (`rows` x grid.size()) applied to each column of `grid`:
/// out[i][k] = sum_j mat[i][j] * grid[j][k].
static WinogradGrid winogradApplyColumns(OpBuilder &b, Location loc,
                                         const double *mat, int64_t rows,
                                         const WinogradGrid &grid) {
  WinogradGrid out(rows);
  for (size_t k = 0; k < grid[0].size(); ++k) {
    SmallVector<Value, 6> column;
    for (const SmallVector<Value, 6> &row : grid)
      column.push_back(row[k]);
    SmallVector<Value, 6> applied = winogradApply(b, loc, mat, rows, column);
    for (int64_t i = 0; i < rows; ++i)
      out[i].push_back(applied[i]);
  }
  return out;
}

/// Marks the last of a chain of row writes for joinRowWrites (its value:
/// the number of rows).
static constexpr StringLiteral kJoinRowsAttr = "tonnx.join_rows";

/// On a register tile's reduction loop over one block of a blocked
/// reduction: its rows of B of the next block are prefetched (placed after
/// bufferization, prefetchNextBlock).
static constexpr StringLiteral kPrefetchAttr = "tonnx.prefetch_next_block";
/// A register tile's reduction loop, unrolled by `cpu-hoist-vector-transfers`
/// once its accumulators are iteration arguments.
static constexpr StringLiteral kUnrollAttr = "tonnx.unroll_reduction";

/// A write that joinRowWrites joins or splitJoinedRowWrites splits: no
/// mask, the vector along the trailing dims, every dim in bounds.
static bool isPlainWrite(vector::TransferWriteOp w) {
  return !w.getMask() && w.getPermutationMap().isMinorIdentity() &&
         llvm::all_of(w.getInBoundsValues(), [](bool b) { return b; });
}

/// The 1-D vectors `parts` end to end, by a balanced tree of shuffles.
static Value joinVectors(OpBuilder &b, Location loc, ArrayRef<Value> parts) {
  SmallVector<Value> level(parts);
  while (level.size() > 1) {
    SmallVector<Value> next;
    for (size_t i = 0; i + 1 < level.size(); i += 2) {
      int64_t n = cast<VectorType>(level[i].getType()).getNumElements() +
                  cast<VectorType>(level[i + 1].getType()).getNumElements();
      next.push_back(
          vector::ShuffleOp::create(b, loc, level[i], level[i + 1],
                                    llvm::to_vector(llvm::seq<int64_t>(0, n))));
    }
    if (level.size() % 2)
      next.push_back(level.back());
    level = std::move(next);
  }
  return level.front();
}

/// A chain of n 1-D writes into a tensor (marked kJoinRowsAttr), to rows 0..n-1
/// of one dim at otherwise equal indices, as one write of an n-row vector:
/// the rows joined end to end and reshaped (a chain of vector.insert would
/// be canonicalized into vector.from_elements of scalars), written into the
/// slice of those rows. Bufferization then analyzes one tensor write instead
/// of a chain of n, whose cost grew with n squared (resnet18's Winograd input
/// transforms, n = 36: 0.17 s); cpu-hoist-vector-transfers splits the write
/// into rows again after it.
static void joinRowWrites(RewriterBase &rewriter, func::FuncOp f) {
  SmallVector<vector::TransferWriteOp> lasts;
  f.walk([&](vector::TransferWriteOp w) {
    if (w->hasAttr(kJoinRowsAttr))
      lasts.push_back(w);
  });
  for (vector::TransferWriteOp last : lasts) {
    int64_t n = cast<IntegerAttr>(last->getAttr(kJoinRowsAttr)).getInt();
    last->removeAttr(kJoinRowsAttr);
    // The chain, first write first; each write's only user is the next.
    SmallVector<vector::TransferWriteOp> chain{last};
    while (static_cast<int64_t>(chain.size()) < n) {
      auto prev =
          chain.back().getBase().getDefiningOp<vector::TransferWriteOp>();
      if (!prev || !prev->hasOneUse())
        break;
      chain.push_back(prev);
    }
    if (static_cast<int64_t>(chain.size()) != n)
      continue;
    std::reverse(chain.begin(), chain.end());
    auto tensorT = dyn_cast<RankedTensorType>(chain[0].getBase().getType());
    VectorType rowT = chain[0].getVectorType();
    if (!tensorT || rowT.getRank() != 1 || tensorT.getRank() < 2)
      continue;
    int64_t rank = tensorT.getRank(), width = rowT.getNumElements();
    // Rows k = 0..n-1 along dim 0, the vector along the last dim.
    bool ok =
        tensorT.getDimSize(0) >= n && tensorT.getDimSize(rank - 1) == width;
    for (auto [k, w] : llvm::enumerate(chain)) {
      std::optional<int64_t> row = getConstantIntValue(w.getIndices()[0]);
      ok &= w.getVectorType() == rowT && isPlainWrite(w) && row &&
            *row == static_cast<int64_t>(k) &&
            getConstantIntValue(w.getIndices()[rank - 1]) == 0;
      for (int64_t d = 1; d + 1 < rank; ++d)
        ok &= w.getIndices()[d] == chain[0].getIndices()[d];
    }
    if (!ok)
      continue;
    rewriter.setInsertionPoint(last);
    Location loc = last.getLoc();
    SmallVector<Value> rows;
    for (vector::TransferWriteOp w : chain)
      rows.push_back(w.getVector());
    Value joined = vector::ShapeCastOp::create(
        rewriter, loc, VectorType::get({n, width}, rowT.getElementType()),
        joinVectors(rewriter, loc, rows));
    SmallVector<OpFoldResult> offsets, sizes,
        strides(rank, rewriter.getIndexAttr(1));
    offsets.push_back(rewriter.getIndexAttr(0));
    sizes.push_back(rewriter.getIndexAttr(n));
    for (int64_t d = 1; d + 1 < rank; ++d) {
      offsets.push_back(chain[0].getIndices()[d]);
      sizes.push_back(rewriter.getIndexAttr(1));
    }
    offsets.push_back(rewriter.getIndexAttr(0));
    sizes.push_back(rewriter.getIndexAttr(width));
    Value dest = chain[0].getBase();
    Value slice = tensor::ExtractSliceOp::create(
        rewriter, loc,
        RankedTensorType::get({n, width}, tensorT.getElementType()), dest,
        offsets, sizes, strides);
    Value zero = arith::ConstantIndexOp::create(rewriter, loc, 0);
    Value written = vector::TransferWriteOp::create(
                        rewriter, loc, joined, slice, ValueRange{zero, zero},
                        ArrayRef<bool>{true, true})
                        .getResult();
    Value result = tensor::InsertSliceOp::create(rewriter, loc, written, dest,
                                                 offsets, sizes, strides);
    rewriter.replaceOp(last, result);
    for (auto it = chain.rbegin() + 1; it != chain.rend(); ++it)
      rewriter.eraseOp(*it);
  }
}

/// Batch-1 f32 conv_2d_nchw_fchw with a constant 3x3 filter, unit strides
/// and dilations, as Winograd F(m x m, 3x3): m = 4 when the output has at
/// least `largeTileMinPixels` pixels (enough tiles per transformed weight),
/// else m = 2. Output tiles (ty, tx) (TH x TW of them, a partial last
/// row/column of tiles where m does not divide OH/OW) go in blocks of `tw`
/// tiles of one tile row, so every step reads and writes contiguous vectors
/// of tw tiles:
///   - input transform (a task per tile block, vector code): per input
///     channel, one read of each of the a = m + 2 input rows the block
///     covers and every m-th lane picked, then B^T d B with vector adds and
///     FMAs: V[e][tb][c][i] (shape [a^2, T/tw, C, tw]);
///   - a^2 contractions, loops (e, j, tb, i, fi, k):
///     M[e][j][fi][tb][i] = sum_c V[e][tb][c][i] * U[e][j][c][fi], with U the
///     filter transformed at compile time in panels of rn output channels;
///   - output transform (a task per output channel, vector code): per tile
///     block, A^T M A with vector adds and FMAs, the m output columns of
///     each tile interleaved into one contiguous row segment, added to the
///     init (the bias) and written.
/// Worth it on long channel reductions: C >= `minChannels` (32 by default).
static LogicalResult winogradConv(RewriterBase &rewriter,
                                  linalg::Conv2DNchwFchwOp conv, int64_t tileM,
                                  int64_t tileN, int64_t minChannels,
                                  int64_t largeTileMinPixels,
                                  TaskTiles &taskTiles,
                                  linalg::GenericOp epilogue) {
  FailureOr<ConvShape> shape = getConvShape(conv);
  if (failed(shape))
    return failure();
  const ConvShape &cs = *shape;
  if (cs.N != 1 || cs.KH != 3 || cs.KW != 3 || cs.C < minChannels ||
      !cs.xt.getElementType().isF32() || !cs.ot.getElementType().isF32() ||
      llvm::any_of(cs.st, [](int64_t s) { return s != 1; }) ||
      llvm::any_of(cs.dl, [](int64_t d) { return d != 1; }))
    return failure();
  int64_t C = cs.C, F = cs.F, OH = cs.OH, OW = cs.OW, H = OH + 2;
  // Tiles per block: a divisor of the tile columns, at least 4.
  auto blockTiles = [&](int64_t TW) {
    for (int64_t t = std::min(tileM, TW); t >= 4; --t)
      if (TW % t == 0)
        return t;
    return int64_t(0);
  };
  int64_t m = 2;
  if (largeTileMinPixels > 0 && OH * OW >= largeTileMinPixels &&
      blockTiles((OW + 3) / 4))
    m = 4;
  const WinogradSpec spec = winogradSpec(m);
  const int64_t a = spec.a, a2 = a * a;
  int64_t TH = (OH + m - 1) / m, TW = (OW + m - 1) / m;
  int64_t tw = blockTiles(TW), rn = 0;
  for (int64_t t : {tileN, tileN / 2, tileN / 4})
    if (t >= 8 && F % t == 0) {
      rn = t;
      break;
    }
  if (!tw || !rn)
    return failure();
  Location loc = conv.getLoc();
  rewriter.setInsertionPoint(conv);
  Value U = winogradFilter(rewriter, loc, cs.w, F, C, rn, spec);
  if (!U)
    return failure();
  int64_t J = F / rn, Q = TW / tw, TB = TH * Q;
  bool rowsIn = OH % m == 0, colsIn = OW % m == 0;
  MLIRContext *ctx = conv.getContext();
  Type f32 = rewriter.getF32Type();
  auto cst = [&](OpBuilder &b, int64_t v) -> Value {
    return arith::ConstantIndexOp::create(b, loc, v);
  };
  Value zero = arith::ConstantOp::create(rewriter, loc, f32,
                                         rewriter.getF32FloatAttr(0));
  auto vec = VectorType::get({tw}, f32);
  auto segVec = VectorType::get({m * tw}, f32);
  auto spanVec = VectorType::get({m * tw + 2}, f32);
  Value zeroSpan = arith::ConstantOp::create(
      rewriter, loc, spanVec, DenseElementsAttr::get(spanVec, 0.0f));
  // The m output columns of each tile, side by side: lane i*m + q of the
  // segment is lane q*tw + i of the m vectors put end to end.
  SmallVector<int64_t> interleave;
  for (int64_t i = 0; i < tw; ++i)
    for (int64_t q = 0; q < m; ++q)
      interleave.push_back(q * tw + i);
  // The tile block's first tile row and column.
  auto blockOrigin = [&](OpBuilder &b, Value tb) {
    Value ty = arith::DivUIOp::create(b, loc, tb, cst(b, Q));
    Value tx0 = arith::MulIOp::create(
        b, loc, arith::RemUIOp::create(b, loc, tb, cst(b, Q)), cst(b, tw));
    return std::make_pair(ty, tx0);
  };

  // Input transform.
  Value V;
  {
    Value init = tensor::EmptyOp::create(rewriter, loc,
                                         ArrayRef<int64_t>{a2, TB, C, tw}, f32);
    auto offsets = [&](OpBuilder &b, ValueRange ivs) {
      return SmallVector<OpFoldResult>{b.getIndexAttr(0), ivs[0],
                                       b.getIndexAttr(0), b.getIndexAttr(0)};
    };
    auto body = [&](OpBuilder &b, ValueRange ivs, Value block) -> Value {
      auto [ty, tx0] = blockOrigin(b, ivs[0]);
      Value row0 = arith::MulIOp::create(b, loc, ty, cst(b, m));
      Value col0 = arith::MulIOp::create(b, loc, tx0, cst(b, m));
      SmallVector<Value> rows, rowIn;
      for (int64_t k = 0; k < a; ++k) {
        Value r = arith::AddIOp::create(b, loc, row0, cst(b, k));
        if (!rowsIn) { // the last tile row reads rows past the input
          rowIn.push_back(arith::CmpIOp::create(
              b, loc, arith::CmpIPredicate::ult, r, cst(b, H)));
          r = arith::MinUIOp::create(b, loc, r, cst(b, H - 1));
        }
        rows.push_back(r);
      }
      Value filled =
          scf::ForOp::create(
              b, loc, cst(b, 0), cst(b, C), cst(b, 1), ValueRange{block},
              [&](OpBuilder &b, Location, Value c, ValueRange iter) {
                // d[r][k]: input row r, tile column offset k, per tile.
                WinogradGrid d(a);
                for (int64_t r = 0; r < a; ++r) {
                  Value span = vector::TransferReadOp::create(
                      b, loc, spanVec, cs.x,
                      ValueRange{cst(b, 0), c, rows[r], col0}, zero,
                      ArrayRef<bool>{colsIn});
                  if (!rowsIn)
                    span = arith::SelectOp::create(b, loc, rowIn[r], span,
                                                   zeroSpan);
                  for (int64_t k = 0; k < a; ++k) {
                    SmallVector<int64_t> pick;
                    for (int64_t i = 0; i < tw; ++i)
                      pick.push_back(m * i + k);
                    d[r].push_back(
                        vector::ShuffleOp::create(b, loc, span, span, pick));
                  }
                }
                // B^T d (along the rows), then (.) B (along the columns).
                WinogradGrid t = winogradApplyColumns(b, loc, spec.bt, a, d);
                Value acc = iter[0];
                for (int64_t xi = 0; xi < a; ++xi) {
                  SmallVector<Value, 6> v =
                      winogradApply(b, loc, spec.bt, a, t[xi]);
                  for (int64_t nu = 0; nu < a; ++nu)
                    acc = vector::TransferWriteOp::create(
                              b, loc, v[nu], acc,
                              ValueRange{cst(b, xi * a + nu), c, cst(b, 0)},
                              ArrayRef<bool>{true})
                              .getResult();
                }
                // Joined into one write once the vector patterns have run
                // (joinRowWrites).
                acc.getDefiningOp()->setAttr(kJoinRowsAttr,
                                             b.getI64IntegerAttr(a2));
                scf::YieldOp::create(b, loc, acc);
              })
              .getResult(0);
      return filled;
    };
    V = forallSlices(rewriter, loc, {TB}, init, {a2, 1, C, tw},
                     RankedTensorType::get({a2, C, tw}, f32), offsets, body);
  }

  // The a^2 contractions, loops (e, j, tb, i, fi, k).
  auto D = [&](unsigned i) { return getAffineDimExpr(i, ctx); };
  Value mInit = tensor::EmptyOp::create(
      rewriter, loc, ArrayRef<int64_t>{a2, J, rn, TB, tw}, f32);
  mInit = linalg::FillOp::create(rewriter, loc, zero, mInit).getResult(0);
  auto par = utils::IteratorType::parallel;
  auto mm = linalg::GenericOp::create(
      rewriter, loc, TypeRange{mInit.getType()}, ValueRange{V, U},
      ValueRange{mInit},
      {AffineMap::get(6, 0, {D(0), D(2), D(5), D(3)}, ctx),
       AffineMap::get(6, 0, {D(0), D(1), D(5), D(4)}, ctx),
       AffineMap::get(6, 0, {D(0), D(1), D(4), D(2), D(3)}, ctx)},
      {par, par, par, par, par, utils::IteratorType::reduction},
      [](OpBuilder &b, Location l, ValueRange a) {
        Value p = arith::MulFOp::create(b, l, a[0], a[1]);
        linalg::YieldOp::create(
            b, l, arith::AddFOp::create(b, l, a[2], p).getResult());
      });
  // Tile blocks per task: the V rows they read within ~1 MiB.
  int64_t blocks = std::clamp<int64_t>((1 << 20) / (C * tw * 4), 1, TB);
  while (TB % blocks)
    --blocks;
  taskTiles[mm] = {1, 1, blocks, tw, rn, 0};
  Value M = mm.getResult(0);

  // Output transform, added to the init: a fill or a per-channel bias is
  // added as a broadcast value (the output is not filled first and read
  // back), any other init read.
  {
    Value init = cs.init;
    AccumulatorStart accStart(rewriter, loc, init, F, /*withBias=*/true,
                              /*withResidual=*/true);
    auto offsets = [&](OpBuilder &b, ValueRange ivs) {
      return SmallVector<OpFoldResult>{b.getIndexAttr(0), ivs[0],
                                       b.getIndexAttr(0), b.getIndexAttr(0)};
    };
    auto body = [&](OpBuilder &b, ValueRange ivs, Value plane) -> Value {
      Value f = ivs[0];
      Value initValue = accStart.start(b, loc, segVec, f);
      Value j = arith::DivUIOp::create(b, loc, f, cst(b, rn));
      Value fi = arith::RemUIOp::create(b, loc, f, cst(b, rn));
      Value filled =
          scf::ForOp::create(
              b, loc, cst(b, 0), cst(b, TB), cst(b, 1), ValueRange{plane},
              [&](OpBuilder &b, Location, Value tb, ValueRange iter) {
                auto [ty, tx0] = blockOrigin(b, tb);
                WinogradGrid mt(a);
                for (int64_t xi = 0; xi < a; ++xi)
                  for (int64_t nu = 0; nu < a; ++nu)
                    mt[xi].push_back(vector::TransferReadOp::create(
                        b, loc, vec, M,
                        ValueRange{cst(b, xi * a + nu), j, fi, tb, cst(b, 0)},
                        zero, ArrayRef<bool>{true}));
                // A^T m (along the rows), then (.) A (along the columns).
                WinogradGrid s = winogradApplyColumns(b, loc, spec.at, m, mt);
                Value acc = iter[0];
                Value col0 = arith::MulIOp::create(b, loc, tx0, cst(b, m));
                for (int64_t p = 0; p < m; ++p) {
                  SmallVector<Value, 6> y =
                      winogradApply(b, loc, spec.at, m, s[p]);
                  // The m vectors end to end, then interleaved.
                  while (y.size() > 1) {
                    SmallVector<Value, 6> joined;
                    for (size_t q = 0; q + 1 < y.size(); q += 2) {
                      int64_t n0 = cast<VectorType>(y[q].getType())
                                       .getNumElements(),
                              n1 = cast<VectorType>(y[q + 1].getType())
                                       .getNumElements();
                      joined.push_back(vector::ShuffleOp::create(
                          b, loc, y[q], y[q + 1],
                          llvm::to_vector(llvm::seq<int64_t>(0, n0 + n1))));
                    }
                    if (y.size() % 2)
                      joined.push_back(y.back());
                    y = joined;
                  }
                  Value seg =
                      vector::ShuffleOp::create(b, loc, y[0], y[0], interleave);
                  Value row = arith::AddIOp::create(
                      b, loc, arith::MulIOp::create(b, loc, ty, cst(b, m)),
                      cst(b, p));
                  auto write = [&](OpBuilder &b, Value acc) -> Value {
                    Value cur = initValue;
                    if (accStart.residual) {
                      // The residual the init adds, read where the output
                      // goes.
                      Value r = vector::TransferReadOp::create(
                          b, loc, segVec, accStart.residual,
                          ValueRange{cst(b, 0), f, row, col0}, zero,
                          ArrayRef<bool>{colsIn});
                      cur = cur ? arith::AddFOp::create(b, loc, cur, r) : r;
                    } else if (!cur) {
                      cur = vector::TransferReadOp::create(
                          b, loc, segVec, acc, ValueRange{row, col0}, zero,
                          ArrayRef<bool>{colsIn});
                    }
                    Value sum = arith::AddFOp::create(b, loc, cur, seg);
                    if (epilogue)
                      sum = applyEpilogue(b, loc, epilogue, sum);
                    return vector::TransferWriteOp::create(
                               b, loc, sum, acc, ValueRange{row, col0},
                               ArrayRef<bool>{colsIn})
                        .getResult();
                  };
                  if (p == 0 || rowsIn) {
                    acc = write(b, acc);
                    continue;
                  }
                  // The last tile row's later rows may be past OH.
                  Value inside = arith::CmpIOp::create(
                      b, loc, arith::CmpIPredicate::ult, row, cst(b, OH));
                  acc = scf::IfOp::create(
                            b, loc, inside,
                            [&](OpBuilder &b, Location) {
                              scf::YieldOp::create(b, loc, write(b, acc));
                            },
                            [&](OpBuilder &b, Location) {
                              scf::YieldOp::create(b, loc, acc);
                            })
                            .getResult(0);
                }
                scf::YieldOp::create(b, loc, acc);
              })
              .getResult(0);
      return filled;
    };
    rewriter.replaceOp(conv,
                       forallSlices(rewriter, loc, {F}, init, {1, 1, OH, OW},
                                    RankedTensorType::get({OH, OW}, f32),
                                    offsets, body));
  }
  return success();
}

/// conv_2d_nchw_fchw (static shapes) as an affine im2col copy
/// [N, C, KH, KW, OH, OW] (no index arithmetic per element) and a batched
/// contraction [F, C*KH*KW] x [N, C*KH*KW, OH*OW].
static LogicalResult im2col(RewriterBase &rewriter,
                            linalg::Conv2DNchwFchwOp conv, int64_t tileM,
                            int64_t tileN, TaskTiles &taskTiles) {
  FailureOr<ConvShape> shape = getConvShape(conv);
  if (failed(shape))
    return failure();
  if (tileN > 0 &&
      succeeded(im2colPacked(rewriter, conv, *shape, tileM, tileN, taskTiles)))
    return success();
  Value x = shape->x, w = shape->w, init = shape->init;
  RankedTensorType xt = shape->xt, ot = shape->ot;
  ArrayRef<int64_t> st = shape->st, dl = shape->dl;
  int64_t N = shape->N, C = shape->C, F = shape->F, KH = shape->KH,
          KW = shape->KW, OH = shape->OH, OW = shape->OW;
  Location loc = conv.getLoc();
  MLIRContext *ctx = conv.getContext();
  Type elem = xt.getElementType();
  auto D = [&](unsigned i) { return getAffineDimExpr(i, ctx); };
  Value colR;
  auto colT = RankedTensorType::get({N, C * KH * KW, OH * OW}, elem);
  if (KH == 1 && KW == 1 && st[0] == 1 && st[1] == 1 &&
      xt.getDimSize(2) == OH && xt.getDimSize(3) == OW) {
    // A 1x1 convolution with unit strides is a matmul on the input as is.
    colR = tensor::CollapseShapeOp::create(rewriter, loc, colT, x,
                                           {{0}, {1}, {2, 3}});
  } else if (N == 1 && elem.isF32()) {
    Value col = im2colRows(rewriter, loc, x, {C, KH, KW, OH, OW}, st, dl);
    colR = tensor::ExpandShapeOp::create(
        rewriter, loc, RankedTensorType::get({1, C, KH, KW, OH, OW}, elem), col,
        {{0, 1}, {2}, {3}, {4}, {5}});
    colR = tensor::CollapseShapeOp::create(rewriter, loc, colT, colR,
                                           {{0}, {1, 2, 3}, {4, 5}});
  } else {
    Value colInit = tensor::EmptyOp::create(
        rewriter, loc, ArrayRef<int64_t>{N, C, KH, KW, OH, OW}, elem);
    auto id6 = AffineMap::getMultiDimIdentityMap(6, ctx);
    auto xmap = AffineMap::get(
        6, 0,
        {D(0), D(1), D(4) * st[0] + D(2) * dl[0], D(5) * st[1] + D(3) * dl[1]},
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
    colR = tensor::CollapseShapeOp::create(rewriter, loc, colT, col,
                                           {{0}, {1, 2, 3}, {4, 5}});
  }
  Value wR = tensor::CollapseShapeOp::create(
      rewriter, loc, RankedTensorType::get({F, C * KH * KW}, elem), w,
      {{0}, {1, 2, 3}});
  Value iR = tensor::CollapseShapeOp::create(
      rewriter, loc, RankedTensorType::get({N, F, OH * OW}, elem), init,
      {{0}, {1}, {2, 3}});
  if (N == 1) {
    // Batch 1: a plain 2-D contraction [F, K] x [K, P] (a unit loop would
    // keep the register tiles 3-D, which the vector lowering leaves scalar).
    colR = tensor::CollapseShapeOp::create(
        rewriter, loc, RankedTensorType::get({C * KH * KW, OH * OW}, elem),
        colR, {{0, 1}, {2}});
    Value i2 =
        viewInit(rewriter, loc, init, RankedTensorType::get({F, OH * OW}, elem),
                 {F}, AffineMap::get(2, 0, {D(0)}, ctx), [&](Value v) -> Value {
                   // v is the init or a residual, both of the output's type.
                   return tensor::CollapseShapeOp::create(
                       rewriter, loc, RankedTensorType::get({F, OH * OW}, elem),
                       v, {{0, 1}, {2, 3}});
                 });
    auto mm = linalg::GenericOp::create(
        rewriter, loc, TypeRange{i2.getType()}, ValueRange{wR, colR},
        ValueRange{i2},
        {AffineMap::get(3, 0, {D(0), D(2)}, ctx),
         AffineMap::get(3, 0, {D(2), D(1)}, ctx),
         AffineMap::get(3, 0, {D(0), D(1)}, ctx)},
        {utils::IteratorType::parallel, utils::IteratorType::parallel,
         utils::IteratorType::reduction},
        [](OpBuilder &b, Location l, ValueRange a) {
          Value p = arith::MulFOp::create(b, l, a[0], a[1]);
          linalg::YieldOp::create(
              b, l, arith::AddFOp::create(b, l, a[2], p).getResult());
        });
    Value out = tensor::ExpandShapeOp::create(
        rewriter, loc, ot, mm.getResult(0), {{0, 1}, {2, 3}});
    rewriter.replaceOp(conv, out);
    return success();
  }
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
        linalg::YieldOp::create(
            b, l, arith::AddFOp::create(b, l, a[2], p).getResult());
      });
  Value out = tensor::ExpandShapeOp::create(rewriter, loc, ot, mm.getResult(0),
                                            {{0}, {1}, {2, 3}});
  rewriter.replaceOp(conv, out);
  return success();
}

/// Batch-1 f32 conv_2d_ngchw_gfchw (a grouped convolution, static shapes)
/// as an im2col copy col[g, c, kh, kw, oh, ow] and one contraction per
/// group, loops (g, m, p, k): out[g, m, p] += W[g, m, k] * col[g, k, p]
/// with K = C/G * KH * KW. The group is the contraction's batch dim (a
/// task per group and block of pixels), the output channels of a group its
/// register tile's rows, the pixels its vectors. RegNet's and ResNeXt's 3x3
/// convolutions (8 to 64 channels per group) ran 1.5-4x slower than ONNX
/// Runtime as a loop nest vectorized along the output row.
static LogicalResult groupedIm2col(RewriterBase &rewriter,
                                   linalg::Conv2DNgchwGfchwOp conv) {
  auto xt = dyn_cast<RankedTensorType>(conv.getInputs()[0].getType());
  auto wt = dyn_cast<RankedTensorType>(conv.getInputs()[1].getType());
  auto ot = dyn_cast<RankedTensorType>(conv.getOutputs()[0].getType());
  if (!xt || !wt || !ot || !xt.hasStaticShape() || !wt.hasStaticShape() ||
      !ot.hasStaticShape() || !xt.getElementType().isF32() ||
      !ot.getElementType().isF32() || xt.getDimSize(0) != 1)
    return rewriter.notifyMatchFailure(conv, "needs batch 1, f32, static");
  SmallVector<int64_t> st(conv.getStrides().getValues<int64_t>()),
      dl(conv.getDilations().getValues<int64_t>());
  int64_t G = xt.getDimSize(1), C = xt.getDimSize(2), M = wt.getDimSize(1),
          KH = wt.getDimSize(3), KW = wt.getDimSize(4), OH = ot.getDimSize(3),
          OW = ot.getDimSize(4), K = C * KH * KW, P = OH * OW;
  Location loc = conv.getLoc();
  MLIRContext *ctx = conv.getContext();
  Type elem = xt.getElementType();
  auto D = [&](unsigned i) { return getAffineDimExpr(i, ctx); };
  // col[g*C + c, kh, kw, oh, ow] = x[0, g, c, oh*sh + kh*dh, ow*sw + kw*dw].
  Value x = tensor::CollapseShapeOp::create(
      rewriter, loc,
      RankedTensorType::get({1, G * C, xt.getDimSize(3), xt.getDimSize(4)},
                            elem),
      conv.getInputs()[0], {{0}, {1, 2}, {3}, {4}});
  Value col = im2colRows(rewriter, loc, x, {G * C, KH, KW, OH, OW}, st, dl);
  Value colG = tensor::ExpandShapeOp::create(
      rewriter, loc, RankedTensorType::get({G, C, KH, KW, OH, OW}, elem), col,
      {{0, 1}, {2}, {3}, {4}, {5}});
  Value colR = tensor::CollapseShapeOp::create(
      rewriter, loc, RankedTensorType::get({G, K, P}, elem), colG,
      {{0}, {1, 2, 3}, {4, 5}});
  Value wR = tensor::CollapseShapeOp::create(
      rewriter, loc, RankedTensorType::get({G, M, K}, elem),
      conv.getInputs()[1], {{0}, {1}, {2, 3, 4}});
  // The init in the contraction's shape when it is a fill or a bias
  // broadcast (on the output before its view by groups), so that each
  // register tile starts from it.
  Value init = conv.getOutputs()[0];
  Value flat = init;
  if (auto view = init.getDefiningOp<tensor::ExpandShapeOp>())
    flat = view.getSrc();
  Value iR = viewInit(
      rewriter, loc, flat, RankedTensorType::get({G, M, P}, elem), {G, M},
      AffineMap::get(3, 0, {D(0), D(1)}, ctx),
      [&](Value) {
        return tensor::CollapseShapeOp::create(
            rewriter, loc, RankedTensorType::get({G, M, P}, elem), init,
            SmallVector<ReassociationIndices>{{0, 1}, {2}, {3, 4}});
      },
      /*residualAfter=*/nullptr,
      // The reshape reads the init by groups, not the value it is given.
      /*allowResidual=*/false);
  auto mm = linalg::GenericOp::create(
      rewriter, loc, TypeRange{iR.getType()}, ValueRange{wR, colR},
      ValueRange{iR},
      {AffineMap::get(4, 0, {D(0), D(1), D(3)}, ctx),
       AffineMap::get(4, 0, {D(0), D(3), D(2)}, ctx),
       AffineMap::get(4, 0, {D(0), D(1), D(2)}, ctx)},
      {utils::IteratorType::parallel, utils::IteratorType::parallel,
       utils::IteratorType::parallel, utils::IteratorType::reduction},
      [](OpBuilder &b, Location l, ValueRange a) {
        Value p = arith::MulFOp::create(b, l, a[0], a[1]);
        linalg::YieldOp::create(
            b, l, arith::AddFOp::create(b, l, a[2], p).getResult());
      });
  rewriter.replaceOpWithNewOp<tensor::ExpandShapeOp>(
      conv, ot, mm.getResult(0),
      SmallVector<ReassociationIndices>{{0, 1}, {2}, {3, 4}});
  return success();
}

/// C[m, n] += A[m, k] * B[k, n] with B in panels: Bp[N/rn, K, rn]
/// (Bp[j, k, i] = B[k, j*rn + i]), as a contraction over loops (j, m, i, k)
/// writing C viewed as [M, N/rn, rn]. A register tile then reads rn
/// contiguous floats of B per k step instead of a row N floats apart. A
/// constant B (a weight) is packed here, at compile time; a computed one by a
/// copy before the contraction, only when it is large enough (`minBytes`)
/// for the strided walk to miss the caches and M (its reuse) is at least 256.
static FailureOr<linalg::LinalgOp> packB(RewriterBase &rewriter,
                                         linalg::LinalgOp op, int64_t m,
                                         int64_t n, int64_t k, int64_t rn,
                                         int64_t minBytes, int64_t blockCols) {
  if (op.getNumLoops() != 3 || op.getNumDpsInputs() != 2 ||
      op.getNumDpsInits() != 1)
    return failure();
  SmallVector<int64_t> ranges = op.getStaticLoopRanges();
  int64_t M = ranges[m], N = ranges[n], K = ranges[k];
  if (N % rn || N == rn)
    return failure();
  MLIRContext *ctx = op->getContext();
  auto d = [&](int64_t i) { return getAffineDimExpr(i, ctx); };
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  if (maps[2] != AffineMap::get(3, 0, {d(m), d(n)}, ctx))
    return failure();
  int bIdx = -1;
  for (int i = 0; i < 2; ++i)
    if (maps[i] == AffineMap::get(3, 0, {d(k), d(n)}, ctx))
      bIdx = i;
  if (bIdx < 0 || maps[1 - bIdx].isFunctionOfDim(n))
    return failure();
  Value b = op.getDpsInputs()[bIdx];
  auto bt = dyn_cast<RankedTensorType>(b.getType());
  if (!bt || !bt.getElementType().isF32())
    return failure();
  auto packedT = RankedTensorType::get({N / rn, K, rn}, bt.getElementType());
  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);
  // B viewed as [K, N/rn, rn], dims 0 and 1 swapped.
  Value packed =
      packConstant(rewriter, loc, b, packedT, {K, N / rn, rn}, {1, 0, 2});
  if (!packed) {
    // The copy costs one pass over B; it pays off when B is large and read
    // by many register-tile rows.
    if (K * N * 4 < minBytes || M < 256)
      return failure();
    // Loops (jb, k, jj, i) over blocks of T panels (blockCols columns, a
    // panel-block task's, when they divide N; else all panels): B is read
    // row by row within a block, T x rn columns at a time. Panel by panel,
    // every rn columns read came from another row of B (another page for
    // N = 1024): matmul 1024's copy took 5.7% of its time, 3.8% read row by
    // row. The blocks are the outer (parallel) loop, so that with several
    // threads each packs the panels its own tasks then read.
    int64_t P = N / rn, T = blockCols / rn;
    if (T < 1 || P % T)
      T = P;
    auto blockedT =
        RankedTensorType::get({P / T, T, K, rn}, packedT.getElementType());
    Value init = tensor::EmptyOp::create(rewriter, loc, blockedT.getShape(),
                                         packedT.getElementType());
    Value blocked =
        linalg::GenericOp::create(
            rewriter, loc, TypeRange{blockedT}, ValueRange{b}, ValueRange{init},
            {AffineMap::get(4, 0, {d(1), (d(0) * T + d(2)) * rn + d(3)}, ctx),
             AffineMap::get(4, 0, {d(0), d(2), d(1), d(3)}, ctx)},
            SmallVector<utils::IteratorType>(4, utils::IteratorType::parallel),
            [](OpBuilder &bb, Location l, ValueRange a) {
              linalg::YieldOp::create(bb, l, a[0]);
            })
            .getResult(0);
    packed = tensor::CollapseShapeOp::create(rewriter, loc, packedT, blocked,
                                             {{0, 1}, {2}, {3}});
  }
  // Loops (j, m, i, k) of the packed contraction.
  AffineMap aMap = maps[1 - bIdx].replaceDimsAndSymbols(
      [&] {
        SmallVector<AffineExpr> r(3);
        r[m] = d(1);
        r[n] = d(2); // unused by A
        r[k] = d(3);
        return r;
      }(),
      {}, 4, 0);
  AffineMap pMap = AffineMap::get(4, 0, {d(0), d(3), d(2)}, ctx);
  AffineMap cMap = AffineMap::get(4, 0, {d(1), d(0), d(2)}, ctx);
  Value c = op.getDpsInits()[0];
  auto ct = cast<RankedTensorType>(c.getType());
  auto c3T = RankedTensorType::get({M, N / rn, rn}, ct.getElementType());
  // A filled C (the zero accumulator) is filled again in the packed shape,
  // so that tiling fuses the fill into the tasks (each fills its own tile,
  // in cache) instead of the whole output being memset and read back.
  Value c3;
  if (auto fill = c.getDefiningOp<linalg::FillOp>())
    c3 = linalg::FillOp::create(
             rewriter, loc, fill.getInputs()[0],
             ValueRange{tensor::EmptyOp::create(rewriter, loc, c3T.getShape(),
                                                c3T.getElementType())})
             .getResult(0);
  else
    c3 = tensor::ExpandShapeOp::create(rewriter, loc, c3T, c, {{0}, {1, 2}});
  SmallVector<Value> ins(2);
  ins[1 - bIdx] = op.getDpsInputs()[1 - bIdx];
  ins[bIdx] = packed;
  SmallVector<AffineMap> newMaps(2);
  newMaps[1 - bIdx] = aMap;
  newMaps[bIdx] = pMap;
  newMaps.push_back(cMap);
  auto generic = linalg::GenericOp::create(
      rewriter, loc, TypeRange{c3T}, ins, ValueRange{c3}, newMaps,
      {utils::IteratorType::parallel, utils::IteratorType::parallel,
       utils::IteratorType::parallel, utils::IteratorType::reduction});
  // The same scalar body (mul + add on the block arguments).
  IRMapping map;
  rewriter.cloneRegionBefore(op->getRegion(0), generic.getRegion(),
                             generic.getRegion().end(), map);
  Value out = tensor::CollapseShapeOp::create(
      rewriter, loc, ct, generic.getResult(0), {{0}, {1, 2}});
  rewriter.replaceOp(op, out);
  return cast<linalg::LinalgOp>(generic.getOperation());
}

/// tensor.pad with a constant value and static shapes, without filling the
/// whole result and copying the source over it: only the border is filled
/// (one slab per padded side, disjoint), and the interior is written by the
/// source's producer in place when that is an all-parallel linalg op used
/// only here that does not read its init (an activation feeding a
/// convolution), else copied once.
/// The pads and value of a `tensor.pad` with static shapes, static
/// non-negative pads and a constant padding value (not `nofold`).
struct StaticPad {
  SmallVector<int64_t> lo, hi;
  TypedAttr value;
};
static FailureOr<StaticPad> matchStaticPad(RewriterBase &rewriter,
                                           tensor::PadOp pad) {
  Value padValue = pad.getConstantPaddingValue();
  if (!pad.getSourceType().hasStaticShape() ||
      !pad.getResultType().hasStaticShape() || !padValue || pad.getNofold())
    return rewriter.notifyMatchFailure(pad, "needs a constant value and "
                                            "static shapes");
  StaticPad p{SmallVector<int64_t>(pad.getStaticLow()),
              SmallVector<int64_t>(pad.getStaticHigh()),
              {}};
  // ShapedType::kDynamic is negative.
  if (llvm::any_of(llvm::concat<int64_t>(p.lo, p.hi),
                   [](int64_t v) { return v < 0; }))
    return rewriter.notifyMatchFailure(pad, "needs static non-negative pads");
  if (!matchPattern(padValue, m_Constant(&p.value)))
    return rewriter.notifyMatchFailure(pad, "the padding value is computed");
  return p;
}

static LogicalResult padInPlace(RewriterBase &rewriter, tensor::PadOp pad) {
  auto st = pad.getSourceType();
  auto rt = pad.getResultType();
  FailureOr<StaticPad> sp = matchStaticPad(rewriter, pad);
  if (failed(sp))
    return failure();
  ArrayRef<int64_t> lo = sp->lo, hi = sp->hi;
  Location loc = pad.getLoc();
  int64_t rank = rt.getRank();
  rewriter.setInsertionPoint(pad);
  Value padValue = arith::ConstantOp::create(rewriter, loc, sp->value);
  Value t = freshTensor(rewriter, loc, rt.getShape(), rt.getElementType());
  auto idx = [&](int64_t v) -> OpFoldResult {
    return rewriter.getIndexAttr(v);
  };
  SmallVector<OpFoldResult> ones(rank, idx(1));
  // Border slabs: along dim d, the low and high bands, with the dims before
  // d restricted to the interior and the dims after it whole.
  for (int64_t d = 0; d < rank; ++d) {
    for (bool low : {true, false}) {
      int64_t band = low ? lo[d] : hi[d];
      if (band == 0)
        continue;
      SmallVector<OpFoldResult> off, size;
      SmallVector<int64_t> shape;
      for (int64_t e = 0; e < rank; ++e) {
        int64_t o = 0, s = rt.getDimSize(e);
        if (e < d) {
          o = lo[e];
          s = st.getDimSize(e);
        } else if (e == d) {
          o = low ? 0 : lo[d] + st.getDimSize(d);
          s = band;
        }
        off.push_back(idx(o));
        size.push_back(idx(s));
        shape.push_back(s);
      }
      auto slabT = RankedTensorType::get(shape, rt.getElementType());
      Value slab = tensor::ExtractSliceOp::create(rewriter, loc, slabT, t, off,
                                                  size, ones);
      Value filled =
          linalg::FillOp::create(rewriter, loc, padValue, slab).getResult(0);
      t = tensor::InsertSliceOp::create(rewriter, loc, filled, t, off, size,
                                        ones);
    }
  }
  SmallVector<OpFoldResult> off, size;
  for (int64_t e = 0; e < rank; ++e) {
    off.push_back(idx(lo[e]));
    size.push_back(idx(st.getDimSize(e)));
  }
  Value src = pad.getSource();
  auto producer = src.getDefiningOp<linalg::GenericOp>();
  if (producer && src.hasOneUse() && producer->getNumResults() == 1 &&
      producer.getNumLoops() == producer.getNumParallelLoops() &&
      producer.getMatchingIndexingMap(producer.getDpsInitOperand(0))
          .isIdentity() &&
      !producer.payloadUsesValueFromOperand(producer.getDpsInitOperand(0)) &&
      producer->getBlock() == pad->getBlock()) {
    // The producer writes the interior of the padded tensor.
    Value interior =
        tensor::ExtractSliceOp::create(rewriter, loc, st, t, off, size, ones);
    rewriter.modifyOpInPlace(
        producer, [&] { producer.getDpsInitOperand(0)->set(interior); });
    producer->moveAfter(interior.getDefiningOp());
    rewriter.setInsertionPointAfter(producer);
    src = producer->getResult(0);
  }
  t = tensor::InsertSliceOp::create(rewriter, loc, src, t, off, size, ones);
  rewriter.replaceOp(pad, t);
  return success();
}

/// Output rows computed together (independent FMA chains).
constexpr int64_t kDepthwiseRows = 4;

/// A 2-D window op on NCHW f32 tensors (static shapes): a depthwise
/// convolution (`w`, one KH x KW filter per channel, taps multiplied and
/// added) or a max or sum pooling (no `w`, taps combined by maximumf or
/// addf).
namespace {
struct WindowOp {
  enum Kind { Depthwise, MaxPool, SumPool };
  Operation *op;
  Value x, w, init;
  int64_t KH, KW, sh, sw, dh, dw;
  Kind kind;
};
} // namespace

/// A window op (depthwise convolution, max or sum pooling) with width stride
/// <= 4
/// as direct vector code: one task per (n, c) plane (`scf.forall`); per
/// group of kDepthwiseRows output rows, blocks of `lanes` output columns kept
/// in registers across the KH x KW taps: each tap is one contiguous load of
/// the input row (a stride-s row is loaded over its span and its every s-th
/// lane picked by a shuffle) and one FMA with the broadcast filter value (a
/// maximumf or an addf for a pooling). A last partial block is masked. No copy,
/// no im2col.
///
/// A `tensor.pad` of the input's rows and columns with the op's neutral
/// value (0; -inf for a max) is not made: the border rows (whose taps leave
/// the input) and border column blocks are generated apart, with their
/// outside taps dropped (rows), shifted in as the neutral value (left) or
/// masked off (right); the interior reads the input as is. `epilogue` (an
/// element-wise consumer) is applied before each store.
static LogicalResult vectorizeWindow(RewriterBase &rewriter,
                                     const WindowOp &win, int64_t maxLanes,
                                     linalg::GenericOp epilogue) {
  Operation *op = win.op;
  Value x = win.x, w = win.w, init = win.init;
  auto xt = dyn_cast<RankedTensorType>(x.getType());
  auto ot = dyn_cast<RankedTensorType>(init.getType());
  if (!xt || !ot || !xt.hasStaticShape() || !ot.hasStaticShape() ||
      !xt.getElementType().isF32() || !ot.getElementType().isF32())
    return rewriter.notifyMatchFailure(op, "needs static f32 tensors");
  int64_t sh = win.sh, sw = win.sw, dh = win.dh, dw = win.dw;
  if (sw > 4)
    return rewriter.notifyMatchFailure(op, "width stride above 4");
  int64_t N = ot.getDimSize(0), C = ot.getDimSize(1), OH = ot.getDimSize(2),
          OW = ot.getDimSize(3), KH = win.KH, KW = win.KW;
  // What a tap outside the input contributes.
  llvm::APFloat neutral =
      win.kind == WindowOp::MaxPool
          ? llvm::APFloat::getInf(llvm::APFloat::IEEEsingle(), true)
          : llvm::APFloat::getZero(llvm::APFloat::IEEEsingle());
  // The padding taken into the code: a pad of rows and columns only, with
  // the neutral value.
  int64_t pt = 0, pl = 0;
  tensor::PadOp pad = x.getDefiningOp<tensor::PadOp>();
  if (pad) {
    FailureOr<StaticPad> sp = matchStaticPad(rewriter, pad);
    auto value = succeeded(sp) ? dyn_cast<FloatAttr>(sp->value) : FloatAttr();
    if (value && value.getValue().bitwiseIsEqual(neutral) && sp->lo[0] == 0 &&
        sp->lo[1] == 0 && sp->hi[0] == 0 && sp->hi[1] == 0) {
      pt = sp->lo[2];
      pl = sp->lo[3];
      x = pad.getSource();
      xt = pad.getSourceType();
    } else {
      pad = {};
    }
  }
  int64_t H = xt.getDimSize(2), W = xt.getDimSize(3);
  // Vector length: the target's, or the power of two that covers a narrow
  // row (at least 4).
  int64_t lanes =
      std::max<int64_t>(4, std::min<int64_t>(maxLanes, llvm::PowerOf2Ceil(OW)));
  int64_t fullBlocks = OW / lanes;
  // Full blocks whose every tap reads `span` lanes inside the input row:
  // [bLo, bHi).
  auto interior = [&](int64_t span, int64_t &bLo, int64_t &bHi) {
    int64_t step = lanes * sw;
    bLo = std::min(fullBlocks, (pl + step - 1) / step);
    int64_t last = W - span - (KW - 1) * dw + pl; // largest first column
    bHi = last < 0 ? 0 : std::min(fullBlocks, last / step + 1);
    bHi = std::max(bHi, bLo);
  };
  int64_t span = (lanes - 1) * sw + 1; // input lanes one block reads
  int64_t bLo, bHi;
  interior(span, bLo, bHi);
  // A strided block reads a whole number of vectors (two for stride 2), so
  // that picking its lanes is one two-source permute (LLVM splits an odd
  // span into 128-bit pieces and inserts), when that keeps every interior
  // block inside the input row.
  if (sw > 1) {
    int64_t wide = llvm::PowerOf2Ceil(span), lo2, hi2;
    interior(wide, lo2, hi2);
    if (lo2 == bLo && hi2 == bHi)
      span = wide;
  }
  // Output rows whose taps all fall inside the input: [ohLo, ohHi).
  int64_t ohLo = std::min(OH, (pt + sh - 1) / sh);
  int64_t ohHi =
      std::max(ohLo, std::min(OH, (H - 1 - (KH - 1) * dh + pt) / sh + 1));
  if (H - 1 - (KH - 1) * dh + pt < 0)
    ohHi = ohLo;
  Location loc = op->getLoc();
  Type f32 = rewriter.getF32Type();
  auto vec = VectorType::get({lanes}, f32);
  auto spanVec = VectorType::get({span}, f32);
  auto cst = [&](OpBuilder &b, int64_t v) -> Value {
    return arith::ConstantIndexOp::create(b, loc, v);
  };
  rewriter.setInsertionPoint(op);
  Value zero = arith::ConstantOp::create(rewriter, loc, f32,
                                         rewriter.getF32FloatAttr(0));
  Value pad0 = arith::ConstantOp::create(rewriter, loc, f32,
                                         rewriter.getFloatAttr(f32, neutral));
  Value zeroSpan = arith::ConstantOp::create(
      rewriter, loc, spanVec,
      DenseElementsAttr::get(spanVec, rewriter.getFloatAttr(f32, neutral)));
  auto plane = RankedTensorType::get({OH, OW}, f32);
  // Each block starts from the fill value or the channel's bias.
  AccumulatorStart accStart(rewriter, loc, init, C, /*withBias=*/N == 1);
  auto offsets = [&](OpBuilder &b, ValueRange ivs) {
    return SmallVector<OpFoldResult>{ivs[0], ivs[1], b.getIndexAttr(0),
                                     b.getIndexAttr(0)};
  };
  auto body = [&](OpBuilder &b, ValueRange ivs, Value tile) -> Value {
    Value n = ivs[0], c = ivs[1];
    Value initValue = accStart.start(b, loc, vec, c);
    // The filter taps of this channel, broadcast once.
    SmallVector<Value> taps;
    for (int64_t i = 0; i < KH && w; ++i)
      for (int64_t j = 0; j < KW; ++j) {
        Value s = tensor::ExtractOp::create(
            b, loc, w, ValueRange{c, cst(b, i), cst(b, j)});
        taps.push_back(vector::BroadcastOp::create(b, loc, vec, s));
      }
    // One block of output columns starting at `ow0` in each of the `rows`
    // output rows from `oh`: independent FMA chains, one per row. A border
    // row has a static `oh` (its taps outside the input are dropped); a
    // border block a static `ow0` (its reads masked, those left of the row
    // shifted in as zeros); interior ones are loop values. `full`: the
    // block's output columns are all inside the row.
    auto block = [&](OpBuilder &b, OpFoldResult ohOf, int64_t rows,
                     OpFoldResult ow0Of, Value acc, bool full) -> Value {
      std::optional<int64_t> ohS = getConstantIntValue(ohOf),
                             ow0S = getConstantIntValue(ow0Of);
      Value oh = getValueOrCreateConstantIndexOp(b, loc, ohOf),
            ow0 = getValueOrCreateConstantIndexOp(b, loc, ow0Of);
      SmallVector<Value> a(rows);
      SmallVector<Value> outRow(rows);
      for (int64_t r = 0; r < rows; ++r) {
        outRow[r] = arith::AddIOp::create(b, loc, oh, cst(b, r));
        a[r] = initValue
                   ? initValue
                   : vector::TransferReadOp::create(b, loc, vec, acc,
                                                    ValueRange{outRow[r], ow0},
                                                    zero, ArrayRef<bool>{full})
                         .getResult();
      }
      // Per tap column: where its read starts and the lanes it picks.
      SmallVector<Value> col(KW);
      SmallVector<SmallVector<int64_t>> pick(KW);
      SmallVector<bool> shifted(KW);
      for (int64_t j = 0; j < KW; ++j) {
        int64_t first = j * dw - pl; // relative to ow0 * sw
        int64_t shift = 0;           // lanes left of the row (border)
        if (ow0S && *ow0S * sw + first < 0)
          shift = -(*ow0S * sw + first);
        shifted[j] = shift > 0;
        col[j] =
            ow0S ? cst(b, *ow0S * sw + first + shift)
                 : arith::AddIOp::create(
                       b, loc, arith::MulIOp::create(b, loc, ow0, cst(b, sw)),
                       cst(b, first));
        // Lane l takes element l * sw of the read that starts `shift` lanes
        // left of the row: zeroSpan[0] or v[l * sw - shift].
        for (int64_t l = 0; l < lanes; ++l) {
          int64_t k = l * sw - shift;
          pick[j].push_back(shift == 0 ? k : k < 0 ? 0 : span + k);
        }
      }
      bool inBounds = !ow0S;
      for (int64_t i = 0; i < KH; ++i)
        for (int64_t r = 0; r < rows; ++r) {
          if (ohS) {
            int64_t row = (*ohS + r) * sh + i * dh - pt;
            if (row < 0 || row >= H)
              continue;
          }
          Value row = arith::AddIOp::create(
              b, loc, arith::MulIOp::create(b, loc, outRow[r], cst(b, sh)),
              cst(b, i * dh - pt));
          for (int64_t j = 0; j < KW; ++j) {
            bool plain = sw == 1 && !shifted[j];
            Value v = vector::TransferReadOp::create(
                b, loc, plain ? vec : spanVec, x, ValueRange{n, c, row, col[j]},
                pad0, ArrayRef<bool>{inBounds});
            if (!plain)
              v = vector::ShuffleOp::create(b, loc, shifted[j] ? zeroSpan : v,
                                            v, pick[j]);
            if (win.kind == WindowOp::MaxPool)
              a[r] = arith::MaximumFOp::create(b, loc, a[r], v);
            else if (win.kind == WindowOp::SumPool)
              a[r] = arith::AddFOp::create(b, loc, a[r], v);
            else
              a[r] = vector::FMAOp::create(b, loc, v, taps[i * KW + j], a[r]);
          }
        }
      for (int64_t r = 0; r < rows; ++r) {
        if (epilogue)
          a[r] = applyEpilogue(b, loc, epilogue, a[r]);
        acc = vector::TransferWriteOp::create(b, loc, a[r], acc,
                                              ValueRange{outRow[r], ow0},
                                              ArrayRef<bool>{full})
                  .getResult();
      }
      return acc;
    };
    // One group of `rows` output rows from `oh`: the interior blocks in a
    // loop, the border and partial blocks apart.
    auto rowGroup = [&](OpBuilder &b, OpFoldResult oh, int64_t rows,
                        Value acc) -> Value {
      for (int64_t bi = 0; bi < bLo; ++bi)
        acc = block(b, oh, rows, b.getIndexAttr(bi * lanes), acc, true);
      if (bHi > bLo)
        acc = scf::ForOp::create(
                  b, loc, cst(b, bLo * lanes), cst(b, bHi * lanes),
                  cst(b, lanes), ValueRange{acc},
                  [&](OpBuilder &b, Location, Value ow0, ValueRange it) {
                    scf::YieldOp::create(b, loc,
                                         block(b, oh, rows, ow0, it[0], true));
                  })
                  .getResult(0);
      for (int64_t bi = bHi; bi < fullBlocks; ++bi)
        acc = block(b, oh, rows, b.getIndexAttr(bi * lanes), acc, true);
      if (OW % lanes)
        acc =
            block(b, oh, rows, b.getIndexAttr(fullBlocks * lanes), acc, false);
      return acc;
    };
    // Interior rows, `rows` at a time, in a loop.
    auto rowLoop = [&](OpBuilder &b, Value acc, int64_t from, int64_t to,
                       int64_t rows) -> Value {
      if (to <= from)
        return acc;
      return scf::ForOp::create(
                 b, loc, cst(b, from), cst(b, to), cst(b, rows),
                 ValueRange{acc},
                 [&](OpBuilder &b, Location, Value oh, ValueRange iter) {
                   scf::YieldOp::create(b, loc, rowGroup(b, oh, rows, iter[0]));
                 })
          .getResult(0);
    };
    Value acc = tile;
    for (int64_t oh = 0; oh < ohLo; ++oh)
      acc = rowGroup(b, b.getIndexAttr(oh), 1, acc);
    int64_t R =
        std::min<int64_t>(kDepthwiseRows, std::max<int64_t>(1, ohHi - ohLo));
    int64_t mid = ohLo + (ohHi - ohLo) / R * R;
    acc = rowLoop(b, acc, ohLo, mid, R);
    acc = rowLoop(b, acc, mid, ohHi, 1);
    for (int64_t oh = ohHi; oh < OH; ++oh)
      acc = rowGroup(b, b.getIndexAttr(oh), 1, acc);
    return acc;
  };
  rewriter.replaceOp(op, forallSlices(rewriter, loc, {N, C}, init,
                                      {1, 1, OH, OW}, plane, offsets, body));
  if (pad && pad->use_empty())
    rewriter.eraseOp(pad);
  return success();
}

static LogicalResult vectorizeDepthwise(RewriterBase &rewriter,
                                        linalg::DepthwiseConv2DNchwChwOp op,
                                        int64_t maxLanes,
                                        linalg::GenericOp epilogue) {
  auto wt = dyn_cast<RankedTensorType>(op.getDpsInputs()[1].getType());
  if (!wt || !wt.hasStaticShape() || !wt.getElementType().isF32())
    return rewriter.notifyMatchFailure(op, "needs a static f32 filter");
  SmallVector<int64_t> strides(op.getStrides().getValues<int64_t>());
  SmallVector<int64_t> dil(op.getDilations().getValues<int64_t>());
  WindowOp win{op,
               op.getDpsInputs()[0],
               op.getDpsInputs()[1],
               op.getDpsInits()[0],
               wt.getDimSize(1),
               wt.getDimSize(2),
               strides[0],
               strides[1],
               dil[0],
               dil[1],
               WindowOp::Depthwise};
  return vectorizeWindow(rewriter, win, maxLanes, epilogue);
}

/// `e` as coefficients of the dims (sum of dim * constant: no constant
/// term, no divisions), or nothing.
static std::optional<SmallVector<int64_t>> linearCoefficients(AffineExpr e,
                                                              unsigned dims) {
  // Flattened: the dims' coefficients, then local (division) variables,
  // then the constant.
  SmallVector<int64_t> flat;
  if (failed(getFlattenedAffineExpr(e, dims, /*numSymbols=*/0, &flat)) ||
      flat.size() != dims + 1 || flat.back() != 0)
    return std::nullopt;
  flat.pop_back();
  return flat;
}

/// A 2-D NCHW f32 pooling as ONNX's lowering makes it: a generic over (n,
/// c, oh, ow) and the window (kh, kw) reading x[n, c, oh*sh + kh*dh, ow*sw +
/// kw*dw] and a [KH, KW] shape operand, its payload max(out, in) (MaxPool)
/// or out + in (the sum of an AveragePool).
static std::optional<WindowOp> matchPool(linalg::GenericOp g) {
  if (g.getNumDpsInputs() != 2 || g.getNumDpsInits() != 1 ||
      g.getNumLoops() != 6 || g.getNumReductionLoops() != 2 ||
      !g.hasPureTensorSemantics())
    return std::nullopt;
  Block *body = g.getBody();
  auto yield = cast<linalg::YieldOp>(body->getTerminator());
  Operation *combine = yield.getValues()[0].getDefiningOp();
  if (body->getOperations().size() != 2 || !combine ||
      !isa<arith::MaximumFOp, arith::AddFOp>(combine))
    return std::nullopt;
  Value in = body->getArgument(0), out = body->getArgument(2);
  Value lhs = combine->getOperand(0), rhs = combine->getOperand(1);
  if (!((lhs == out && rhs == in) || (lhs == in && rhs == out)))
    return std::nullopt;
  SmallVector<AffineMap> maps = g.getIndexingMapsArray();
  AffineMap xm = maps[0], km = maps[1], om = maps[2];
  if (xm.getNumResults() != 4 || km.getNumResults() != 2 ||
      om.getNumResults() != 4 || !om.isProjectedPermutation() ||
      !km.isProjectedPermutation())
    return std::nullopt;
  auto dim = [](AffineExpr e) { return cast<AffineDimExpr>(e).getPosition(); };
  unsigned oh = dim(om.getResult(2)), ow = dim(om.getResult(3)),
           kh = dim(km.getResult(0)), kw = dim(km.getResult(1));
  if (xm.getResult(0) != om.getResult(0) || xm.getResult(1) != om.getResult(1))
    return std::nullopt;
  auto rowC = linearCoefficients(xm.getResult(2), 6);
  auto colC = linearCoefficients(xm.getResult(3), 6);
  if (!rowC || !colC)
    return std::nullopt;
  for (unsigned d = 0; d < 6; ++d)
    if ((d != oh && d != kh && (*rowC)[d]) ||
        (d != ow && d != kw && (*colC)[d]))
      return std::nullopt;
  SmallVector<int64_t> ranges = g.getStaticLoopRanges();
  int64_t sh = (*rowC)[oh], dh = (*rowC)[kh], sw = (*colC)[ow],
          dw = (*colC)[kw];
  if (sh < 1 || dh < 1 || sw < 1 || dw < 1 ||
      llvm::any_of(ranges, ShapedType::isDynamic))
    return std::nullopt;
  return WindowOp{g,
                  g.getDpsInputs()[0],
                  Value(),
                  g.getDpsInits()[0],
                  ranges[kh],
                  ranges[kw],
                  sh,
                  sw,
                  dh,
                  dw,
                  isa<arith::MaximumFOp>(combine) ? WindowOp::MaxPool
                                                  : WindowOp::SumPool};
}

/// `generic` with its parallel loops `dims` (unit in it) dropped, through
/// rank-reducing slices; `generic` itself when that fails.
static linalg::LinalgOp dropUnitLoops(RewriterBase &rewriter,
                                      linalg::GenericOp generic,
                                      SmallVector<unsigned> dims) {
  linalg::ControlDropUnitDims drop;
  drop.rankReductionStrategy =
      linalg::ControlDropUnitDims::RankReductionStrategy::ExtractInsertSlice;
  drop.controlFn = [&](Operation *) { return dims; };
  rewriter.setInsertionPoint(generic);
  auto dropped = linalg::dropUnitDims(rewriter, generic, drop);
  if (failed(dropped))
    return generic;
  rewriter.replaceOp(generic, dropped->replacements);
  return cast<linalg::LinalgOp>(dropped->resultOp.getOperation());
}

/// An init a contraction can start from, computed from its inputs alone: an
/// all-parallel generic that writes its whole init (identity map) without
/// reading it, from at most two inputs read through projected permutations
/// (a bias broadcast; a residual, as fold-adds-into-accumulators makes it;
/// their sum), with cheap element-wise arithmetic.
static bool isInitBroadcast(linalg::GenericOp g) {
  if (!g || g.getNumDpsInputs() > 2 || g.getNumDpsInputs() == 0 ||
      g.getNumDpsInits() != 1 || g.getNumReductionLoops() != 0 ||
      !g.hasPureTensorSemantics() ||
      !g.getMatchingIndexingMap(g.getDpsInitOperand(0)).isIdentity() ||
      g.payloadUsesValueFromOperand(g.getDpsInitOperand(0)))
    return false;
  // Each input read along distinct loops, or at 0 (a dim the task's slice
  // dropped); AffineMap::isProjectedPermutation refuses more results than
  // loops.
  for (OpOperand *in : g.getDpsInputOperands()) {
    llvm::SmallBitVector seen(g.getNumLoops());
    for (AffineExpr e : g.getMatchingIndexingMap(in).getResults()) {
      if (auto c = dyn_cast<AffineConstantExpr>(e); c && c.getValue() == 0)
        continue;
      auto d = dyn_cast<AffineDimExpr>(e);
      if (!d || seen.test(d.getPosition()))
        return false;
      seen.set(d.getPosition());
    }
  }
  return llvm::all_of(g.getBody()->without_terminator(), [](Operation &op) {
    return isa<arith::AddFOp, arith::ConstantOp>(op);
  });
}

/// After dropUnitLoops, `op`'s init is a rank-reducing slice of a fill or
/// of a bias broadcast (isInitBroadcast) that its result is inserted back
/// over whole: the fill (broadcast) is moved below the slice, as a fill
/// (broadcast, the dropped loops read at 0) of the slice of its own
/// destination, and the result is inserted into that destination. The
/// register tiles then fuse it and start their accumulators at its value
/// in registers, where the fill (bias) written over the task's output in
/// memory and read back by every tile (a transposed read, for a packed
/// convolution's pixels-by-channels tile) would otherwise stay. Returns
/// whether it applied; `inits`, when given, then holds the new op where it
/// held the old one.
static bool sinkFillBelowSlice(RewriterBase &rewriter, linalg::LinalgOp op,
                               SmallVectorImpl<Operation *> *inits = nullptr) {
  if (op->getNumResults() != 1 || op.getNumDpsInits() != 1)
    return false;
  OpOperand *init = op.getDpsInitOperand(0);
  auto slice = init->get().getDefiningOp<tensor::ExtractSliceOp>();
  if (!slice)
    return false;
  Operation *fill = slice.getSource().getDefiningOp();
  auto bcast = dyn_cast_or_null<linalg::GenericOp>(fill);
  if (!fill || !(isa<linalg::FillOp>(fill) || isInitBroadcast(bcast)) ||
      !slice.getSource().hasNUses(2) || !op->getResult(0).hasOneUse())
    return false;
  auto insert = dyn_cast<tensor::InsertSliceOp>(*op->getResult(0).user_begin());
  if (!insert || insert.getDest() != slice.getSource() ||
      !insert.hasUnitStride() || !slice.hasUnitStride() ||
      insert.getMixedOffsets() != slice.getMixedOffsets() ||
      insert.getMixedSizes() != slice.getMixedSizes())
    return false;
  // The slice must be the whole fill: then nothing of it is left unwritten.
  auto full = cast<RankedTensorType>(slice.getSourceType());
  for (auto [o, s, d] : llvm::zip_equal(
           slice.getStaticOffsets(), slice.getStaticSizes(), full.getShape()))
    if (o != 0 || s != d || ShapedType::isDynamic(d))
      return false;
  rewriter.setInsertionPoint(op);
  Value dest = cast<DestinationStyleOpInterface>(fill).getDpsInits()[0];
  auto newSlice = tensor::ExtractSliceOp::create(
      rewriter, slice.getLoc(), slice.getType(), dest, slice.getMixedOffsets(),
      slice.getMixedSizes(), slice.getMixedStrides());
  Operation *newFill;
  if (!bcast) {
    newFill = linalg::FillOp::create(rewriter, fill->getLoc(),
                                     cast<linalg::FillOp>(fill).getInputs()[0],
                                     ValueRange{newSlice.getResult()});
  } else {
    // The broadcast's loops are its output's dims: those the slice drops
    // are read at 0, the others renumbered.
    llvm::SmallBitVector dropped = slice.getDroppedDims();
    MLIRContext *ctx = op->getContext();
    unsigned rank = slice.getType().getRank();
    SmallVector<AffineExpr> dims;
    for (unsigned i = 0, kept = 0; i < dropped.size(); ++i)
      dims.push_back(dropped[i] ? getAffineConstantExpr(0, ctx)
                                : getAffineDimExpr(kept++, ctx));
    SmallVector<AffineMap> maps;
    SmallVector<Value> ins;
    for (OpOperand *in : bcast.getDpsInputOperands()) {
      // The input's dims read at 0 are sliced away (a rank-reducing slice
      // of size 1 there): the new map is a projected permutation, which the
      // vectorizer takes.
      AffineMap m = bcast.getMatchingIndexingMap(in).replaceDimsAndSymbols(
          dims, {}, rank, 0);
      auto t = cast<RankedTensorType>(in->get().getType());
      SmallVector<OpFoldResult> off, sz, st;
      SmallVector<AffineExpr> kept;
      SmallVector<int64_t> shape;
      for (auto [i, e] : llvm::enumerate(m.getResults())) {
        off.push_back(rewriter.getIndexAttr(0));
        st.push_back(rewriter.getIndexAttr(1));
        auto c = dyn_cast<AffineConstantExpr>(e);
        sz.push_back(rewriter.getIndexAttr(c ? 1 : t.getDimSize(i)));
        if (c)
          continue;
        kept.push_back(e);
        shape.push_back(t.getDimSize(i));
      }
      Value v = in->get();
      if (kept.size() != m.getNumResults() && t.hasStaticShape()) {
        v = tensor::ExtractSliceOp::create(
            rewriter, fill->getLoc(),
            RankedTensorType::get(shape, t.getElementType()), v, off, sz, st);
        m = AffineMap::get(rank, 0, kept, ctx);
      }
      ins.push_back(v);
      maps.push_back(m);
    }
    maps.push_back(AffineMap::getMultiDimIdentityMap(rank, ctx));
    auto g = linalg::GenericOp::create(
        rewriter, fill->getLoc(), TypeRange{slice.getType()}, ins,
        ValueRange{newSlice.getResult()}, maps,
        SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel));
    rewriter.cloneRegionBefore(bcast.getRegion(), g.getRegion(),
                               g.getRegion().end());
    newFill = g;
  }
  rewriter.modifyOpInPlace(op, [&] { init->set(newFill->getResult(0)); });
  rewriter.modifyOpInPlace(insert, [&] { insert.getDestMutable().set(dest); });
  if (inits)
    llvm::replace(*inits, fill, newFill);
  rewriter.eraseOp(slice);
  rewriter.eraseOp(fill);
  return true;
}

/// A tiled op: its loops, its tile and the producers fused into them.
struct FusedTiling {
  SmallVector<LoopLikeOpInterface> loops;
  Operation *tile;
  SmallVector<Operation *> fused;
  SmallVector<Value> replacements;
};

/// Tiles `op` with `o`, fusing the producer of its init into the loops when
/// that is a linalg.fill (a zero accumulator) or a broadcast (a bias, an
/// all-parallel generic with at most one input): each tile then starts its
/// own accumulator from it, in registers once vectorized, instead of a pass
/// that writes the whole output in memory before the contraction reads it
/// back. Only valid when `o` does not tile a reduction dim.
static FailureOr<FusedTiling> tileFusingInit(RewriterBase &rewriter,
                                             Operation *op,
                                             const scf::SCFTilingOptions &o) {
  scf::SCFTileAndFuseOptions fo;
  fo.setTilingOptions(o);
  fo.setFusionControlFn(
      [](tensor::ExtractSliceOp, OpResult producer, bool isDestination)
          -> std::optional<scf::SCFTileAndFuseOptions::ControlFnResult> {
        // A fill, or a broadcast (an all-parallel generic: the bias).
        Operation *p = producer.getOwner();
        auto g = dyn_cast<linalg::GenericOp>(p);
        if (isDestination &&
            (isa<linalg::FillOp>(p) ||
             (g && g.getNumReductionLoops() == 0 &&
              (g.getNumDpsInputs() <= 1 || isInitBroadcast(g)))))
          return scf::SCFTileAndFuseOptions::ControlFnResult{};
        return std::nullopt;
      });
  rewriter.setInsertionPoint(op);
  auto r = scf::tileConsumerAndFuseProducersUsingSCF(
      rewriter, cast<TilingInterface>(op), fo);
  if (failed(r))
    return failure();
  FusedTiling t;
  t.loops = r->loops;
  t.tile = r->tiledAndFusedOps.front();
  t.fused.append(r->tiledAndFusedOps.begin() + 1, r->tiledAndFusedOps.end());
  for (Value v : op->getResults())
    t.replacements.push_back(r->replacements.lookup(v));
  if (llvm::any_of(t.replacements, [](Value v) { return !v; }))
    return failure();
  return t;
}

/// Whether this host has AVX-512 (the JIT's target; torch-onnx-compile
/// passes its --mcpu's width as vector-bits).
static bool hostHasAVX512() {
  static bool has = [] {
    llvm::StringMap<bool> f = llvm::sys::getHostCPUFeatures();
    auto it = f.find("avx512f");
    return it != f.end() && it->second;
  }();
  return has;
}

namespace {
/// A register tile that is a static (m, n, k) contraction generic whose
/// operands index any permutation of their loops (a transposed accumulator
/// included) as a vector.contract in loop order: each operand is read as
/// its [m, k], [k, n] or [m, n] vector (a transfer_read with a permutation
/// map), so the contraction lowers to broadcasts and FMAs along n whatever
/// the operands' layouts. `linalg::vectorize` takes such a generic through
/// broadcasts and a multi-reduction that stay scalar.
static LogicalResult vectorizeContractionTile(RewriterBase &rewriter,
                                              linalg::GenericOp g,
                                              bool &transposedAcc) {
  if (g.getNumLoops() != 3 || g.getNumDpsInputs() != 2 ||
      g.getNumDpsInits() != 1 || !g.hasPureTensorSemantics() ||
      !linalg::isaContractionOpInterface(g))
    return failure();
  SmallVector<utils::IteratorType> its = g.getIteratorTypesArray();
  if (its[0] != utils::IteratorType::parallel ||
      its[1] != utils::IteratorType::parallel ||
      its[2] != utils::IteratorType::reduction)
    return failure();
  SmallVector<int64_t> ranges = g.getStaticLoopRanges();
  if (llvm::any_of(ranges, ShapedType::isDynamic))
    return failure();
  MLIRContext *ctx = g.getContext();
  auto d = [&](unsigned i) { return getAffineDimExpr(i, ctx); };
  // The loops each operand must index: A (m, k), B (k, n), C (m, n).
  SmallVector<SmallVector<unsigned>> want = {{0, 2}, {2, 1}, {0, 1}};
  Location loc = g.getLoc();
  Type elem = getElementTypeOrSelf(g.getDpsInits()[0].getType());
  Value pad = arith::ConstantOp::create(rewriter, loc, elem,
                                        rewriter.getZeroAttr(elem));
  Value zero = arith::ConstantIndexOp::create(rewriter, loc, 0);
  SmallVector<Value> vecs;
  SmallVector<AffineMap> perms;
  for (auto [i, operand] : llvm::enumerate(g->getOpOperands())) {
    AffineMap map = g.getMatchingIndexingMap(&operand);
    auto t = dyn_cast<RankedTensorType>(operand.get().getType());
    if (!t || !map.isProjectedPermutation() || map.getNumResults() != 2 ||
        t.getRank() != 2)
      return failure();
    // Tensor dim of each wanted loop.
    SmallVector<AffineExpr> permExprs;
    SmallVector<int64_t> shape;
    for (unsigned loop : want[i]) {
      std::optional<unsigned> pos = map.getResultPosition(d(loop));
      if (!pos)
        return failure();
      permExprs.push_back(d(*pos));
      shape.push_back(ranges[loop]);
    }
    AffineMap perm = AffineMap::get(2, 0, permExprs, ctx);
    auto vt = VectorType::get(shape, elem);
    vecs.push_back(vector::TransferReadOp::create(
        rewriter, loc, vt, operand.get(), ValueRange{zero, zero},
        AffineMapAttr::get(perm), pad, /*mask=*/Value(),
        rewriter.getBoolArrayAttr({true, true})));
    perms.push_back(perm);
  }
  auto contract = vector::ContractionOp::create(
      rewriter, loc, vecs[0], vecs[1], vecs[2],
      rewriter.getAffineMapArrayAttr({AffineMap::get(3, 0, {d(0), d(2)}, ctx),
                                      AffineMap::get(3, 0, {d(2), d(1)}, ctx),
                                      AffineMap::get(3, 0, {d(0), d(1)}, ctx)}),
      rewriter.getArrayAttr(
          {vector::IteratorTypeAttr::get(ctx, vector::IteratorType::parallel),
           vector::IteratorTypeAttr::get(ctx, vector::IteratorType::parallel),
           vector::IteratorTypeAttr::get(ctx,
                                         vector::IteratorType::reduction)}));
  transposedAcc = !perms[2].isIdentity();
  auto write = vector::TransferWriteOp::create(
      rewriter, loc, contract.getResult(), g.getDpsInits()[0],
      ValueRange{zero, zero}, AffineMapAttr::get(perms[2]), /*mask=*/Value(),
      rewriter.getBoolArrayAttr({true, true}));
  rewriter.replaceOp(g, write.getResult());
  return success();
}

struct CPUTileAndVectorizePass
    : public torch_onnx::impl::CPUTileAndVectorizeBase<
          CPUTileAndVectorizePass> {
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

  /// Register tile sizes: from the options, else from the vector width
  /// (512 bits: 8x32, two zmm per row; 256: 4x16).
  int64_t vectorWidth() const {
    if (vectorBits > 0)
      return vectorBits;
    return hostHasAVX512() ? 512 : 256;
  }
  int64_t tileM() const {
    return regTileM > 0 ? regTileM : (vectorWidth() >= 512 ? 8 : 4);
  }
  int64_t tileN() const {
    return regTileN > 0 ? regTileN : (vectorWidth() >= 512 ? 32 : 16);
  }

  /// Task tiles chosen by the convolution rewrite, per contraction.
  TaskTiles taskTiles;
  /// Element-wise consumers applied by the contractions' register tiles,
  /// per contraction (each detached from the IR; erased at the end).
  llvm::DenseMap<Operation *, linalg::GenericOp> epilogueOf;
  SmallVector<linalg::GenericOp> epilogueTemplates;

  /// Detaches `g` (its uses take its input): whoever computes that input
  /// now applies g's payload.
  void takeEpilogue(RewriterBase &rewriter, linalg::GenericOp g) {
    rewriter.replaceAllUsesWith(g.getResult(0), g.getDpsInputs()[0]);
    epilogueTemplates.push_back(g);
    ++numEpilogues;
  }
  /// Reduction loops of register tiles whose accumulator is transposed.
  SmallVector<scf::ForOp> transposedAccLoops;

  /// `panelGemm`: `op` is packB's contraction over B in column panels,
  /// loops (panel, m, i, k).
  void tileContraction(RewriterBase &rewriter, linalg::LinalgOp op,
                       bool split = false, bool panelGemm = false) {
    // Task tiles chosen for this op, taken out of the map (the op is
    // replaced, and a later op may reuse its address).
    std::optional<SmallVector<int64_t>> task;
    if (auto it = taskTiles.find(op); it != taskTiles.end()) {
      task = it->second;
      taskTiles.erase(it);
    }
    // The epilogue, applied exactly once to what this op computes: by each
    // register tile after its reduction loop, or, where the tiling stops
    // short, by a copy on the result of what is left (`current`).
    linalg::GenericOp epilogue;
    if (auto it = epilogueOf.find(op); it != epilogueOf.end()) {
      epilogue = it->second;
      epilogueOf.erase(it);
    }
    Value current = op->getResult(0);
    bool onRegisters = false;
    // With the reduction in blocks, a register tile's value after its
    // k loop is partial: the epilogue goes on the blocks' loop result.
    Value blocked;
    llvm::scope_exit applyOnExit([&] {
      if (blocked) {
        current = blocked;
        onRegisters = false;
      }
      if (epilogue && current)
        placeEpilogue(rewriter, current, epilogue, onRegisters);
    });
    // Parts of this op take the epilogue over.
    auto handOver = [&](Operation *part) {
      if (epilogue)
        epilogueOf[part] = epilogue;
      current = {};
    };
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
    Type elem =
        cast<ShapedType>(op.getDpsInits()[0].getType()).getElementType();
    if (!elem.isF32())
      return;
    int64_t m = par[par.size() - 2], n = par[par.size() - 1];
    int64_t work = 1;
    for (int64_t r : ranges)
      work *= r;
    if (!split && work < 64 * 64 * 16)
      return; // too small to be worth it
    MLIRContext *ctx = op->getContext();
    auto idx = [&](int64_t v) -> OpFoldResult {
      return IntegerAttr::get(IndexType::get(ctx), v);
    };
    auto divisor = [](int64_t extent, int64_t start, int64_t minimum) {
      for (int64_t t = std::min(start, extent); t >= minimum; --t)
        if (extent % t == 0)
          return t;
      return int64_t(0);
    };
    // Register tile columns: the widest of tileN, tileN/2, tileN/4 (at
    // least 8) that fits the extent. When it does not divide the extent, the
    // op is split along n into the full tiles and a remainder (itself tiled
    // the same way), so every register tile is a whole vector: no masks and
    // no scalar fallback. An extent below 8 is one (narrow) vector.
    int64_t rN = tileN(), rn = 0;
    for (int64_t t : {rN, rN / 2, rN / 4})
      if (t >= 8 && t <= ranges[n]) {
        rn = t;
        break;
      }
    if (!rn)
      rn = ranges[n];
    if (ranges[n] % rn) {
      int64_t main = ranges[n] / rn * rn;
      rewriter.setInsertionPoint(op);
      // A fill or bias init goes into each part, over the part's own slice
      // of the output (each part's register tiles then fuse it), not over
      // the whole output before them. Once both parts start from it, no
      // element of the whole init is read: the init's destination replaces
      // it (the parts write it whole).
      OpOperand *init = op.getDpsInitOperand(0);
      Operation *start = init->get().getDefiningOp();
      if (!start || !init->get().hasOneUse() ||
          !(isa<linalg::FillOp>(start) ||
            isInitBroadcast(dyn_cast<linalg::GenericOp>(start))))
        start = nullptr;
      auto [first, second] = linalg::splitOp(
          rewriter, cast<TilingInterface>(op.getOperation()), n, idx(main));
      if (!first || !second)
        return;
      if (start) {
        bool both = true;
        for (TilingInterface part : {first, second}) {
          OpOperand *partInit =
              cast<linalg::LinalgOp>(part.getOperation()).getDpsInitOperand(0);
          auto slice = partInit->get().getDefiningOp<tensor::ExtractSliceOp>();
          rewriter.setInsertionPoint(part);
          FailureOr<TilingResult> tiled = failure();
          if (slice && slice.hasUnitStride())
            tiled = cast<TilingInterface>(start).getTiledImplementation(
                rewriter, slice.getMixedOffsets(), slice.getMixedSizes());
          if (failed(tiled) || tiled->tiledOps.size() != 1) {
            both = false;
            continue;
          }
          // Into the part's slice of the output (the other part's result
          // inserted), not a slice of the init's destination, which
          // bufferization would copy.
          auto tiledOp =
              cast<DestinationStyleOpInterface>(tiled->tiledOps.front());
          OpOperand *tiledInit = tiledOp.getDpsInitOperand(0);
          Value dead = tiledInit->get();
          rewriter.modifyOpInPlace(tiledOp,
                                   [&] { tiledInit->set(slice.getResult()); });
          if (Operation *d = dead.getDefiningOp(); d && d->use_empty())
            rewriter.eraseOp(d);
          rewriter.modifyOpInPlace(
              part, [&] { partInit->set(tiled->tiledValues[0]); });
        }
        if (both) {
          rewriter.replaceAllUsesWith(
              start->getResult(0),
              cast<DestinationStyleOpInterface>(start).getDpsInits()[0]);
          rewriter.eraseOp(start);
        }
      }
      ++numSplit;
      handOver(first);
      handOver(second);
      tileContraction(rewriter, cast<linalg::LinalgOp>(first.getOperation()),
                      true);
      tileContraction(rewriter, cast<linalg::LinalgOp>(second.getOperation()),
                      true);
      return;
    }
    // B in panels of rn columns (weights at compile time).
    if (auto packed =
            packB(rewriter, op, m, n, red, rn, packMinBytes, threadTileN);
        succeeded(packed)) {
      ++numPacked;
      handOver(*packed);
      return tileContraction(rewriter, *packed, /*split=*/true,
                             /*panelGemm=*/true);
    }
    int64_t rm = divisor(ranges[m], tileM(), 1);
    // A contraction over B in panels: its n is the panels' columns, (panel,
    // column), of which a task takes whole panels. Its tasks run panel
    // block by panel block, so that a block of B (threadTileN columns)
    // stays in L2 while every row block of A passes over it; within a task
    // the register tiles take the panels innermost, so that their rows of
    // A stay in L1 across the block's panels. A task of one panel read its
    // rows of A from L3 once per panel (matmul 1024: 32 times over).
    int64_t panel = -1;
    if (panelGemm && par.size() == 3 && par[0] == 0 && m == 1 && n == 2 &&
        ranges[m] * ranges[red] * static_cast<int64_t>(sizeof(float)) >
            panelTaskMinBytes)
      panel = 0;
    int64_t nExtent = panel < 0 ? ranges[n] : ranges[panel] * ranges[n];
    // Level 1: tasks of whole register tiles.
    auto taskTile = [](int64_t extent, int64_t reg, int64_t want) {
      int64_t best = reg;
      for (int64_t t = reg; t <= std::min(want, extent); t += reg)
        if (extent % t == 0)
          best = t;
      return best;
    };
    int64_t tm = taskTile(ranges[m], rm, threadTileM),
            tn = taskTile(nExtent, rn, threadTileN);
    // Enough tasks to balance the threads (a few per core): smaller task
    // tiles, whichever holds more register tiles first, down to one
    // register tile.
    auto smaller = [](int64_t extent, int64_t reg, int64_t cur) {
      for (int64_t t = cur - reg; t >= reg; t -= reg)
        if (extent % t == 0)
          return t;
      return int64_t(0);
    };
    auto tasks = [&] {
      int64_t count =
          llvm::divideCeil(ranges[m], tm) * llvm::divideCeil(nExtent, tn);
      for (int64_t p : par)
        if (p != m && p != n && p != panel)
          count *= ranges[p];
      return count;
    };
    // A task keeps at least kMinTaskWork multiply-adds (a few microseconds,
    // well above what a fork costs).
    auto enough = [&](int64_t a, int64_t b) {
      return a * b * ranges[red] >= kMinTaskWork;
    };
    while (!task && tasks() < kMinTasks) {
      int64_t sm = smaller(ranges[m], rm, tm), sn = smaller(nExtent, rn, tn);
      if (sm && !enough(sm, tn))
        sm = 0;
      if (sn && !enough(tm, sn))
        sn = 0;
      if (!sm && !sn)
        break;
      if (sn && (!sm || tn / rn >= tm / rm))
        tn = sn;
      else
        tm = sm;
    }
    // An odd count of few tasks keeps one thread of two busy alone for the
    // last task (9 tasks: 5 and 4): the largest smaller row tile that makes
    // the count even and keeps kMinTaskWork (mobilenet_v2's 576-channel
    // expansions at 14x14: 9 tasks of 64 channels -> 12 of 48).
    if (!task && tasks() % 2 && tasks() < 4 * kMinTasks) {
      for (int64_t sm = smaller(ranges[m], rm, tm); sm && enough(sm, tn);
           sm = smaller(ranges[m], rm, sm)) {
        int64_t keep = tm;
        tm = sm;
        if (tasks() % 2 == 0)
          break;
        tm = keep;
      }
    }
    // A larger odd count still leaves one task alone (49 tasks of 256
    // pixels at 112x112: 25 and 24, 2% of the largest layers): a column
    // tile at least 3/4 of the current one that makes it even (224 pixels:
    // 56 tasks).
    if (!task && tasks() % 2 && tasks() < 16 * kMinTasks) {
      for (int64_t sn = smaller(nExtent, rn, tn); sn && 4 * sn >= 3 * tn;
           sn = smaller(nExtent, rn, sn)) {
        int64_t keep = tn;
        tn = sn;
        if (tasks() % 2 == 0)
          break;
        tn = keep;
      }
    }
    SmallVector<OpFoldResult> t1(ranges.size(), idx(0));
    for (int64_t p : par)
      t1[p] = idx(1);
    t1[m] = idx(tm);
    t1[n] = idx(tn);
    if (panel >= 0) {
      t1[panel] = idx(tn / rn);
      t1[n] = idx(rn);
    }
    if (task)
      for (auto [i, t] : llvm::enumerate(*task))
        t1[i] = idx(t);
    t1[red] = idx(0); // tasks never split the reduction
    scf::SCFTilingOptions o1;
    o1.setTileSizes(t1);
    o1.setLoopType(scf::SCFTilingOptions::LoopType::ForallOp);
    FailureOr<FusedTiling> r1 = tileFusingInit(rewriter, op, o1);
    if (failed(r1))
      return;
    rewriter.replaceOp(op, r1->replacements);
    ++numTiled;
    numFusedFills += r1->fused.size();
    auto inner = cast<linalg::LinalgOp>(r1->tile);
    current = inner->getResult(0);
    // The batch dims of a task are 1: drop them first (rank-reducing
    // slices), so the register tiles are 2-D and lower to FMAs.
    SmallVector<unsigned> batchDims;
    for (int64_t p : par)
      if (p != m && p != n && (p != panel || tn == rn))
        batchDims.push_back(p);
    if (!batchDims.empty()) {
      rewriter.setInsertionPoint(inner);
      auto generic = dyn_cast<linalg::GenericOp>(inner.getOperation());
      if (!generic) {
        auto g = linalg::generalizeNamedOp(rewriter, inner);
        if (failed(g))
          return;
        generic = *g;
      }
      inner = dropUnitLoops(rewriter, generic, batchDims);
      current = inner->getResult(0);
      sinkFillBelowSlice(rewriter, inner);
    }
    // A generic contraction that is a plain matmul becomes linalg.matmul,
    // which vectorizes straight to vector.contract (a generic one goes
    // through a broadcast + multi_reduction form that stays scalar).
    if (auto generic = dyn_cast<linalg::GenericOp>(inner.getOperation())) {
      rewriter.setInsertionPoint(generic);
      auto named = linalg::specializeGenericOp(rewriter, generic);
      if (succeeded(named)) {
        inner = *named;
        current = inner->getResult(0);
      }
    }
    // Level 2: register tiles (k by 1), vectorized to vector.contract, which
    // the patterns below lower to broadcasts + FMAs; the accumulator tile is
    // hoisted out of the k loop after bufferization.
    SmallVector<int64_t> innerPar;
    int64_t innerRed;
    if (!classify(inner, innerPar, innerRed))
      return;
    // Level 1.5: the reduction in blocks of kBlock, outside the register
    // tiles, so that a block of B (kBlock x rn) is read from L2 once and
    // then from L1 by every register tile of the task's rows, instead of
    // the whole panel streamed once per row tile (on a core with two
    // 512-bit FMA pipes, L2 could not keep up: the MLP ran at 45% of peak).
    // The accumulators are stored and reloaded once per block, so only a
    // panel too large to stay in L2 between row tiles is worth it (MLP
    // 4096: 512 KiB, 48 -> 44.5 ms; matmul 1024: 128 KiB, 17.3 -> 18.7 ms
    // when blocked). The GEMMs of packed convolutions (im2col, Winograd:
    // those with task tiles) are blocked whatever their panel: resnet18
    // 26.5 -> 24.1 ms, where blocking every contraction also slowed the
    // transformer layer's and plain matmuls.
    if (int64_t k = inner.getStaticLoopRanges()[innerRed];
        kBlock > 0 && k >= 2 * kBlock && k % kBlock == 0 &&
        (k * rn * static_cast<int64_t>(sizeof(float)) > kBlockMinPanelBytes ||
         (task && kBlockConvolutions))) {
      SmallVector<OpFoldResult> tk(inner.getNumLoops(), idx(0));
      tk[innerRed] = idx(kBlock);
      scf::SCFTilingOptions ok;
      ok.setTileSizes(tk);
      rewriter.setInsertionPoint(inner);
      FailureOr<scf::SCFTilingResult> rk = scf::tileUsingSCF(
          rewriter, cast<TilingInterface>(inner.getOperation()), ok);
      if (succeeded(rk) && rk->tiledOps.size() == 1) {
        rewriter.replaceOp(inner, rk->replacements);
        blocked = rk->replacements[0];
        inner = cast<linalg::LinalgOp>(rk->tiledOps.front());
      }
    }
    // First the parallel dims (the task's init fused again, per register
    // tile), then the reduction by 1.
    SmallVector<int64_t> vec(inner.getNumLoops(), 1);
    vec[innerPar[innerPar.size() - 2]] = rm;
    vec[innerPar[innerPar.size() - 1]] = rn;
    vec[innerRed] = 0;
    SmallVector<OpFoldResult> t2;
    for (int64_t v : vec)
      t2.push_back(idx(v));
    scf::SCFTilingOptions o2;
    o2.setTileSizes(t2);
    if (panel >= 0 && inner.getNumLoops() == 4) {
      // Rows outermost: (m, panel, i, k).
      SmallVector<int64_t> order = {innerPar[innerPar.size() - 2]};
      for (int64_t l = 0; l < 4; ++l)
        if (l != order[0])
          order.push_back(l);
      o2.setInterchange(order);
    }
    FailureOr<FusedTiling> r2 = tileFusingInit(rewriter, inner, o2);
    if (failed(r2))
      return;
    rewriter.replaceOp(inner, r2->replacements);
    current = r2->replacements[0];
    // Batch dims a task kept (pixel blocks of a packed convolution) are 1
    // in the register tile: drop them there, before the reduction is tiled,
    // and the fused fill with them (the accumulator read then forwards it).
    Operation *regTile = r2->tile;
    SmallVector<Operation *> inits(r2->fused);
    if (auto generic = dyn_cast<linalg::GenericOp>(regTile);
        generic && generic.getNumLoops() > 3) {
      SmallVector<unsigned> unit;
      for (int64_t p : innerPar)
        if (p != innerPar[innerPar.size() - 2] && p != innerPar.back())
          unit.push_back(p);
      linalg::LinalgOp dropped = dropUnitLoops(rewriter, generic, unit);
      if (dropped.getOperation() != generic.getOperation()) {
        regTile = dropped.getOperation();
        sinkFillBelowSlice(rewriter, dropped, &inits);
      }
    }
    auto regLinalg = cast<linalg::LinalgOp>(regTile);
    SmallVector<OpFoldResult> t3(regLinalg.getNumLoops(), idx(0));
    for (auto [i, it] : llvm::enumerate(regLinalg.getIteratorTypesArray()))
      if (it == utils::IteratorType::reduction)
        t3[i] = idx(1);
    scf::SCFTilingOptions o3;
    o3.setTileSizes(t3);
    rewriter.setInsertionPoint(regTile);
    auto r3 = scf::tileUsingSCF(rewriter, cast<TilingInterface>(regTile), o3);
    if (failed(r3))
      return;
    rewriter.replaceOp(regTile, r3->replacements);
    if (prefetch && blocked && !r3->loops.empty())
      r3->loops.back()->setAttr(kPrefetchAttr, rewriter.getUnitAttr());
    if (!r3->loops.empty())
      r3->loops.back()->setAttr(kUnrollAttr, rewriter.getUnitAttr());
    Operation *tile = r3->tiledOps.back();
    // The reduction loop covers the whole reduction (no level tiles it):
    // its result is the register tile's final value.
    current = r3->replacements[0];
    onRegisters = true;
    // The register tile's init (fill or bias): a vector written, which the
    // accumulator read then forwards.
    for (Operation *init : inits) {
      rewriter.setInsertionPoint(init);
      auto vi = linalg::vectorize(rewriter, init);
      if (succeeded(vi))
        rewriter.replaceOp(init, vi->replacements);
    }
    rewriter.setInsertionPoint(tile);
    if (auto generic = dyn_cast<linalg::GenericOp>(tile)) {
      bool transposedAcc = false;
      if (succeeded(
              vectorizeContractionTile(rewriter, generic, transposedAcc))) {
        if (transposedAcc)
          if (auto k = dyn_cast<scf::ForOp>(
                  rewriter.getInsertionBlock()->getParentOp()))
            transposedAccLoops.push_back(k);
        return;
      }
    }
    auto v = linalg::vectorize(rewriter, tile, /*inputVectorSizes=*/{},
                               /*inputScalableVecDims=*/{},
                               /*vectorizeNDExtract=*/false,
                               /*flatten1DDepthwiseConv=*/false,
                               /*assumeDynamicDimsMatchVecSizes=*/false,
                               /*createNamedContraction=*/true);
    if (succeeded(v))
      rewriter.replaceOp(tile, v->replacements);
  }

  /// A reduction along the innermost dim that every input walks
  /// contiguously (softmax's max and sum of exp, normalization moments):
  /// one task per row (`scf.forall` over the parallel dims), the row
  /// vectorized (`vector.multi_reduction`, a tree of vector ops) in chunks
  /// of at most 1024 elements. LLVM leaves such loops scalar (a float
  /// reduction is not reassociated), and a scalar `exp` inside them.
  /// Returns whether the rows were vectorized.
  bool vectorizeRowReduction(RewriterBase &rewriter, linalg::GenericOp g) {
    // Trailing reduction dims that every input walks contiguously (a
    // global pooling's [H, W]) as one: the row below.
    unsigned red = g.getNumReductionLoops();
    if (red > 1 && g.getNumDpsInits() == 1 && g.hasPureTensorSemantics() &&
        llvm::all_of(g.getDpsInputOperands(),
                     [&](OpOperand *in) {
                       return g.getMatchingIndexingMap(in).isIdentity();
                     }) &&
        llvm::all_of(
            llvm::drop_begin(g.getIteratorTypesArray(), g.getNumLoops() - red),
            [](utils::IteratorType t) {
              return t == utils::IteratorType::reduction;
            })) {
      ReassociationIndices trailing = llvm::to_vector(
          llvm::seq<int64_t>(g.getNumLoops() - red, g.getNumLoops()));
      rewriter.setInsertionPoint(g);
      FailureOr<linalg::CollapseResult> collapsed =
          linalg::collapseOpIterationDims(g, {trailing}, rewriter);
      if (failed(collapsed))
        return false;
      rewriter.replaceOp(g, collapsed->results);
      g = cast<linalg::GenericOp>(collapsed->collapsedOp.getOperation());
    }
    unsigned n = g.getNumLoops();
    if (n < 1 || g.getNumReductionLoops() != 1 || g.getNumDpsInits() != 1 ||
        g.getIteratorTypesArray().back() != utils::IteratorType::reduction ||
        !g.hasPureTensorSemantics())
      return false;
    SmallVector<int64_t> ranges = g.getStaticLoopRanges();
    if (llvm::any_of(ranges, ShapedType::isDynamic))
      return false;
    for (OpOperand *in : g.getDpsInputOperands())
      if (!g.getMatchingIndexingMap(in).isIdentity())
        return false;
    AffineMap outMap = g.getMatchingIndexingMap(g.getDpsInitOperand(0));
    if (outMap.isFunctionOfDim(n - 1) || !outMap.isProjectedPermutation())
      return false;
    for (Value v : g->getOperands())
      if (!getElementTypeOrSelf(v.getType()).isF32())
        return false;
    // Only what the vectorizer turns into vector ops.
    for (Operation &op : g.getBody()->without_terminator())
      if (!isa<arith::ArithDialect, math::MathDialect>(op.getDialect()))
        return false;
    int64_t R = ranges[n - 1], lanes = vectorWidth() / 32;
    if (R < lanes)
      return false;
    int64_t chunk = R;
    if (R > 1024) {
      chunk = 0;
      for (int64_t t = 1024 / lanes * lanes; t >= lanes; t -= lanes)
        if (R % t == 0) {
          chunk = t;
          break;
        }
      if (!chunk)
        return false;
    }
    MLIRContext *ctx = g.getContext();
    auto idx = [&](int64_t v) -> OpFoldResult {
      return IntegerAttr::get(IndexType::get(ctx), v);
    };
    Operation *tile = g;
    if (n > 1) {
      SmallVector<OpFoldResult> t1(n, idx(1));
      t1[n - 1] = idx(0);
      scf::SCFTilingOptions o1;
      o1.setTileSizes(t1);
      o1.setLoopType(scf::SCFTilingOptions::LoopType::ForallOp);
      rewriter.setInsertionPoint(tile);
      auto r1 = scf::tileUsingSCF(rewriter, cast<TilingInterface>(tile), o1);
      if (failed(r1))
        return false;
      rewriter.replaceOp(tile, r1->replacements);
      tile = r1->tiledOps.back();
    }
    if (chunk < R) {
      SmallVector<OpFoldResult> t2(n, idx(0));
      t2[n - 1] = idx(chunk);
      scf::SCFTilingOptions o2;
      o2.setTileSizes(t2);
      rewriter.setInsertionPoint(tile);
      auto r2 = scf::tileUsingSCF(rewriter, cast<TilingInterface>(tile), o2);
      if (failed(r2))
        return false;
      rewriter.replaceOp(tile, r2->replacements);
      tile = r2->tiledOps.back();
    }
    rewriter.setInsertionPoint(tile);
    Block *block = tile->getBlock();
    auto v = linalg::vectorize(rewriter, tile);
    if (failed(v))
      return false;
    rewriter.replaceOp(tile, v->replacements);
    // Each row reduces to a scalar: lower it as one vector.reduction over
    // the row (the pass's inner-parallel lowering, made for contractions,
    // would move the row outermost and reduce it one lane at a time).
    SmallVector<Operation *> reductions;
    block->walk(
        [&](vector::MultiDimReductionOp r) { reductions.push_back(r); });
    RewritePatternSet patterns(ctx);
    vector::populateVectorMultiReductionLoweringPatterns(
        patterns, vector::VectorMultiReductionLowering::InnerReduction);
    GreedyRewriteConfig config;
    config.setStrictness(GreedyRewriteStrictness::ExistingAndNewOps);
    (void)applyOpPatternsGreedily(reductions, std::move(patterns), config);
    return true;
  }

  /// Moves the loop of the output's last dim innermost when every input
  /// reads that loop only in its own last dim (a window op; not a reduction
  /// along the inputs' rows, which would then be walked with a stride).
  void innermostOutputDim(RewriterBase &rewriter, linalg::GenericOp g) {
    AffineMap out = g.getIndexingMapsArray().back();
    if (out.getNumResults() == 0)
      return;
    auto last = dyn_cast<AffineDimExpr>(out.getResults().back());
    unsigned n = g.getNumLoops();
    if (!last || last.getPosition() == n - 1 ||
        g.getIteratorTypesArray()[last.getPosition()] !=
            utils::IteratorType::parallel)
      return;
    unsigned d = last.getPosition();
    for (OpOperand *in : g.getDpsInputOperands()) {
      AffineMap m = g.getMatchingIndexingMap(in);
      for (unsigned r = 0; r < m.getNumResults(); ++r)
        if (m.getResult(r).isFunctionOfDim(d) && r + 1 != m.getNumResults())
          return;
    }
    SmallVector<unsigned> perm;
    for (unsigned i = 0; i < n; ++i)
      if (i != d)
        perm.push_back(i);
    perm.push_back(d);
    rewriter.setInsertionPoint(g);
    if (succeeded(linalg::interchangeGenericOp(rewriter, g, perm)))
      ++numWindows;
  }

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    MLIRContext *ctx = &getContext();
    IRRewriter rewriter(ctx);
    taskTiles.clear();
    // Fills written as generics (a constant yielded, no inputs) become
    // linalg.fill, which the rewrites below start accumulators from.
    SmallVector<linalg::GenericOp> fills;
    func.walk([&](linalg::GenericOp g) {
      if (g.getNumDpsInputs() == 0 && linalg::isaFillOpInterface(g))
        fills.push_back(g);
    });
    for (linalg::GenericOp g : fills) {
      rewriter.setInsertionPoint(g);
      (void)linalg::specializeGenericOp(rewriter, g);
    }
    privatizeInits(rewriter, func);
    SmallVector<linalg::Conv2DNchwFchwOp> convs;
    func.walk([&](linalg::Conv2DNchwFchwOp c) { convs.push_back(c); });
    for (auto c : convs) {
      rewriter.setInsertionPoint(c);
      linalg::GenericOp epilogue =
          fuseEpilogues ? epilogueConsumer(c.getResult(0), c) : nullptr;
      if (winograd && succeeded(winogradConv(
                          rewriter, c, tileM(), tileN(), winogradMinChannels,
                          winogradLargeTilePixels, taskTiles, epilogue))) {
        ++numWinograd;
        if (epilogue)
          takeEpilogue(rewriter, epilogue);
        continue;
      }
      (void)im2col(rewriter, c, tileM(), tileN(), taskTiles);
    }
    // Grouped convolutions: a contraction per group; any left (dynamic
    // shapes, a batch) as a generic, which the window ops' loop order below
    // vectorizes along the output row.
    SmallVector<linalg::Conv2DNgchwGfchwOp> grouped;
    func.walk([&](linalg::Conv2DNgchwGfchwOp c) { grouped.push_back(c); });
    for (auto c : grouped) {
      rewriter.setInsertionPoint(c);
      if (succeeded(groupedIm2col(rewriter, c)))
        ++numGrouped;
      else
        (void)linalg::generalizeNamedOp(rewriter, c);
    }
    // Depthwise convolutions: direct vector code, their input padding
    // included; any left (dynamic shapes,
    // other types) go on as window generics.
    SmallVector<linalg::DepthwiseConv2DNchwChwOp> depthwise;
    func.walk(
        [&](linalg::DepthwiseConv2DNchwChwOp c) { depthwise.push_back(c); });
    for (auto c : depthwise) {
      linalg::GenericOp epilogue =
          fuseEpilogues ? epilogueConsumer(c.getResult(0), c) : nullptr;
      if (succeeded(
              vectorizeDepthwise(rewriter, c, vectorWidth() / 32, epilogue))) {
        ++numDepthwise;
        if (epilogue)
          takeEpilogue(rewriter, epilogue);
        continue;
      }
      rewriter.setInsertionPoint(c);
      (void)linalg::generalizeNamedOp(rewriter, c);
    }
    // Max and sum (average) poolings: the same direct vector code, their
    // padding (-inf, 0) included.
    SmallVector<WindowOp> pools;
    func.walk([&](linalg::GenericOp g) {
      if (std::optional<WindowOp> w = matchPool(g))
        pools.push_back(*w);
    });
    for (WindowOp &w : pools) {
      rewriter.setInsertionPoint(w.op);
      if (succeeded(vectorizeWindow(rewriter, w, vectorWidth() / 32,
                                    /*epilogue=*/nullptr)))
        ++numPools;
    }
    // Other padding: the border filled, the interior written by the producer.
    SmallVector<tensor::PadOp> pads;
    func.walk([&](tensor::PadOp p) { pads.push_back(p); });
    for (auto p : pads)
      if (succeeded(padInPlace(rewriter, p)))
        ++numPads;
    // Row reductions: vectorized along the row.
    SmallVector<linalg::GenericOp> rowReductions;
    func.walk([&](linalg::GenericOp g) { rowReductions.push_back(g); });
    for (linalg::GenericOp g : rowReductions)
      if (vectorizeRowReduction(rewriter, g))
        ++numRowReductions;
    // Window ops (depthwise and grouped convolutions, pooling) walk the
    // contiguous output dim innermost, after their window loops: LLVM's loop
    // vectorizer then works along it (the input walks the same dim).
    SmallVector<linalg::GenericOp> windows;
    func.walk([&](linalg::GenericOp g) {
      if (g.getNumReductionLoops() > 0 && g.getNumLoops() >= 4 &&
          g.getNumDpsInits() == 1 && !linalg::isaContractionOpInterface(g))
        windows.push_back(g);
    });
    for (linalg::GenericOp g : windows)
      innermostOutputDim(rewriter, g);
    SmallVector<linalg::LinalgOp> contractions;
    func.walk([&](linalg::LinalgOp op) {
      if (linalg::isaContractionOpInterface(op))
        contractions.push_back(op);
    });
    // Their element-wise consumers (through the reshapes of a convolution's
    // view) go into the register tiles.
    for (auto op : contractions) {
      if (!fuseEpilogues || op->getNumResults() != 1)
        continue;
      if (linalg::GenericOp g = epilogueBehindReshapes(op->getResult(0))) {
        epilogueOf[op] = g;
        takeEpilogue(rewriter, g);
      }
    }
    for (auto op : contractions)
      tileContraction(rewriter, op, taskTiles.contains(op));
    for (linalg::GenericOp g : epilogueTemplates)
      rewriter.eraseOp(g);
    epilogueTemplates.clear();
    // Transposed accumulator tiles out of their reduction loops first, so
    // that they are transposed once per tile, not once per k step.
    hoistAccumulators(rewriter, transposedAccLoops);
    transposedAccLoops.clear();
    forwardSplatWrites(rewriter, func);
    // Lower the vector contractions to FMAs.
    RewritePatternSet patterns(ctx);
    // Batch dims tiled by 1 leave leading unit dims on the register tiles:
    // drop them so the contraction becomes 2-D outer products (FMAs).
    vector::populateCastAwayVectorLeadingOneDimPatterns(patterns);
    vector::populateVectorTransferPermutationMapLoweringPatterns(patterns);
    vector::populateVectorReductionToContractPatterns(patterns);
    vector::populateVectorContractLoweringPatterns(
        patterns, vector::VectorContractLowering::OuterProduct);
    vector::populateVectorOuterProductLoweringPatterns(patterns);
    vector::populateVectorMultiReductionLoweringPatterns(
        patterns, vector::VectorMultiReductionLowering::InnerParallel);
    vector::populateVectorBroadcastLoweringPatterns(patterns);
    vector::populateVectorTransposeLoweringPatterns(
        patterns, vector::VectorTransposeLowering::Shuffle1D);
    vector::populateVectorShapeCastLoweringPatterns(patterns);
    vector::populateVectorMaskOpLoweringPatterns(patterns);
    // No region simplification: these patterns leave no dead blocks or
    // arguments behind, and the canonicalization after this pass does it
    // once (here it walked the whole function on every iteration).
    GreedyRewriteConfig config;
    config.setRegionSimplificationLevel(GreedySimplifyRegionLevel::Disabled);
    if (failed(applyPatternsGreedily(func, std::move(patterns), config)))
      return signalPassFailure();
    joinRowWrites(rewriter, func);
    SmallVector<scf::ForOp> loops;
    func.walk([&](scf::ForOp f) { loops.push_back(f); });
    hoistAccumulators(rewriter, loops);
  }

  /// A tensor read of a tensor that a splat constant was written over whole
  /// (a register tile's zero accumulator, read transposed when the tile's
  /// rows are the output's columns) is that splat: folded before the
  /// transpose lowering below takes the constant apart into shuffles.
  static void forwardSplatWrites(RewriterBase &rewriter, func::FuncOp func) {
    SmallVector<vector::TransferReadOp> reads;
    func.walk([&](vector::TransferReadOp r) { reads.push_back(r); });
    for (vector::TransferReadOp r : reads) {
      // Through whole-tensor slices (hoisting leaves them behind).
      Value base = r.getBase();
      while (auto es = base.getDefiningOp<tensor::ExtractSliceOp>()) {
        if (es.getSourceType() != es.getResultType() || !es.hasZeroOffset() ||
            !es.hasUnitStride())
          break;
        base = es.getSource();
      }
      auto w = base.getDefiningOp<vector::TransferWriteOp>();
      if (!w || r.getMask() || w.getMask() || r.hasOutOfBoundsDim() ||
          !isa<RankedTensorType>(w.getBase().getType()) ||
          !w.getPermutationMap().isIdentity() ||
          !areAllConstantIntValue(getAsOpFoldResult(w.getIndices()), 0) ||
          !areAllConstantIntValue(getAsOpFoldResult(r.getIndices()), 0) ||
          w.getVectorType().getShape() !=
              cast<RankedTensorType>(w.getBase().getType()).getShape())
        continue;
      rewriter.setInsertionPoint(r);
      DenseElementsAttr splat;
      if (matchPattern(w.getVector(), m_Constant(&splat)) && splat.isSplat()) {
        rewriter.replaceOpWithNewOp<arith::ConstantOp>(
            r, r.getVectorType(),
            DenseElementsAttr::get(r.getVectorType(),
                                   splat.getSplatValue<Attribute>()));
        continue;
      }
      // A bias: the written vector, transposed as the read's map says.
      AffineMap perm = r.getPermutationMap();
      if (!perm.isPermutation() || r.getVectorType().getRank() != 2)
        continue;
      Value v = w.getVector();
      auto vr = v.getDefiningOp<vector::TransferReadOp>();
      if (!perm.isIdentity() && vr && !vr.getMask()) {
        // A read (the bias, broadcast along the pixels): the same read with
        // its vector dims swapped, so no transpose is left to lower.
        AffineMap m = vr.getPermutationMap();
        SmallVector<bool> inBounds = vr.getInBoundsValues();
        v = vector::TransferReadOp::create(
            rewriter, r.getLoc(), r.getVectorType(), vr.getBase(),
            vr.getIndices(),
            AffineMapAttr::get(AffineMap::get(m.getNumDims(), 0,
                                              {m.getResult(1), m.getResult(0)},
                                              r.getContext())),
            vr.getPadding(), /*mask=*/Value(),
            rewriter.getBoolArrayAttr({inBounds[1], inBounds[0]}));
      } else if (!perm.isIdentity()) {
        v = vector::TransposeOp::create(rewriter, r.getLoc(), v,
                                        ArrayRef<int64_t>{1, 0});
      }
      rewriter.replaceOp(r, v);
    }
  }

  /// Keeps accumulator tiles in registers across the reduction loops: hoists
  /// loop-invariant extract/insert_slice and transfer_read/write pairs.
  static void hoistAccumulators(RewriterBase &rewriter,
                                ArrayRef<scf::ForOp> loops) {
    for (scf::ForOp f : loops) {
      moveLoopInvariantCode(cast<LoopLikeOpInterface>(f.getOperation()));
      // Only a tensor carried by the loop has subsets to hoist (the
      // analysis of the others was a sixth of this pass's time).
      if (llvm::any_of(f.getRegionIterArgs(), [](Value v) {
            return isa<RankedTensorType>(v.getType());
          }))
        (void)hoistLoopInvariantSubsets(
            rewriter, cast<LoopLikeOpInterface>(f.getOperation()));
    }
  }
};

/// Appends to `rows` the 1-D vectors of `width` elements that `v` joins end
/// to end through shuffles (joinVectors); false when it is not such a join.
static bool joinedRows(Value v, int64_t width, SmallVectorImpl<Value> &rows) {
  auto vt = cast<VectorType>(v.getType());
  if (vt.getRank() != 1)
    return false;
  if (vt.getNumElements() == width) {
    rows.push_back(v);
    return true;
  }
  auto shuffle = v.getDefiningOp<vector::ShuffleOp>();
  if (!shuffle || shuffle.getV1VectorType().getRank() != 1 ||
      static_cast<int64_t>(shuffle.getMask().size()) !=
          shuffle.getV1VectorType().getNumElements() +
              shuffle.getV2VectorType().getNumElements())
    return false;
  for (auto [i, m] : llvm::enumerate(shuffle.getMask()))
    if (m != static_cast<int64_t>(i))
      return false;
  return joinedRows(shuffle.getV1(), width, rows) &&
         joinedRows(shuffle.getV2(), width, rows);
}

/// A buffer write of rows joined into one 2-D vector (a Winograd input
/// transform's a^2 rows: one write for bufferization to analyze) as the
/// rows' own 1-D writes again.
static void splitJoinedRowWrites(RewriterBase &rewriter, func::FuncOp f) {
  SmallVector<vector::TransferWriteOp> writes;
  f.walk([&](vector::TransferWriteOp w) {
    if (isa<MemRefType>(w.getBase().getType()) && isPlainWrite(w) &&
        w.getVectorType().getRank() == 2 &&
        w.getVector().getDefiningOp<vector::ShapeCastOp>())
      writes.push_back(w);
  });
  for (vector::TransferWriteOp w : writes) {
    ArrayRef<int64_t> shape = w.getVectorType().getShape();
    SmallVector<Value> rows;
    auto cast = w.getVector().getDefiningOp<vector::ShapeCastOp>();
    if (!joinedRows(cast.getSource(), shape[1], rows) ||
        static_cast<int64_t>(rows.size()) != shape[0])
      continue;
    rewriter.setInsertionPoint(w);
    Location loc = w.getLoc();
    SmallVector<Value> indices(w.getIndices());
    Value row0 = indices[indices.size() - 2];
    for (auto [r, row] : llvm::enumerate(rows)) {
      indices[indices.size() - 2] = arith::AddIOp::create(
          rewriter, loc, row0,
          arith::ConstantIndexOp::create(rewriter, loc, r));
      vector::TransferWriteOp::create(rewriter, loc, row, w.getBase(), indices,
                                      ArrayRef<bool>{true});
    }
    rewriter.eraseOp(w);
  }
}

/// Prefetches into L2 the next block of the rows of B that the 1-D buffer
/// read `r` in the reduction loop `f` (one block, K iterations) reads: the
/// K rows after the block, one `memref.prefetch` per cache line of a row.
/// The prefetches are spread evenly over the register tiles that read the
/// block (the loops around `f` that do not move B: the row tiles): the
/// i-th of their T x K iterations prefetches row i / T of the next block,
/// so the next block streams from memory during the whole block's compute
/// instead of in a burst during the first register tile. The address is
/// resolved through the read's subviews (unit strides) to the buffer they
/// view, where the loop walks one dim by one per iteration; the start is
/// computed before the loops and clamped so that the last block prefetches
/// rows inside that buffer, never past its end (itself again). Returns
/// false for any other read (leaving at most dead index arithmetic).
static bool prefetchNextBlock(RewriterBase &rewriter, scf::ForOp f,
                              vector::TransferReadOp r) {
  auto vt = r.getVectorType();
  std::optional<APInt> trip = f.getStaticTripCount();
  if (vt.getRank() != 1 || !r.getPermutationMap().isMinorIdentity() ||
      !isa<MemRefType>(r.getBase().getType()) ||
      !isConstantIntValue(f.getStep(), 1) || !trip ||
      !getConstantIntValue(f.getLowerBound()))
    return false; // (the start row, before the loops, uses the lower bound)
  int64_t K = trip->getSExtValue();
  Value iv = f.getInductionVar();
  Location loc = r.getLoc();
  // The loops around f that only repeat the block (row tiles): outermost
  // first, up to one that moves B or has no static trip count.
  SmallVector<scf::ForOp> repeats;
  llvm::SmallPtrSet<Value, 8> moves;
  // Each index as its loop-invariant part (computed before the loops; null
  // for 0) plus, in at most one dim, the loop's iv.
  struct Index {
    Value inv;
    bool iv = false;
  };
  bool ok = true;
  auto add = [&](Index a, OpFoldResult b) {
    auto v = dyn_cast<Value>(b);
    if (v == iv) {
      ok &= !a.iv;
      a.iv = true;
      return a;
    }
    if (isConstantIntValue(b, 0))
      return a;
    if (v && f->isAncestor(v.getParentRegion()->getParentOp())) {
      ok = false; // computed in the loop
      return a;
    }
    Value bv = getValueOrCreateConstantIndexOp(rewriter, loc, b);
    a.inv = a.inv ? rewriter.createOrFold<arith::AddIOp>(loc, a.inv, bv) : bv;
    return a;
  };
  // Where the invariant parts go: before the outermost repeating loop,
  // found first from what B's subviews use.
  Value base = r.getBase();
  for (auto sv = base.getDefiningOp<memref::SubViewOp>(); sv;
       sv = sv.getSource().getDefiningOp<memref::SubViewOp>())
    moves.insert(sv.getOffsets().begin(), sv.getOffsets().end());
  for (Value v : r.getIndices())
    moves.insert(v);
  Operation *outer = f;
  for (auto p = dyn_cast<scf::ForOp>(f->getParentOp());
       p && p.getStaticTripCount();
       p = dyn_cast<scf::ForOp>(p->getParentOp())) {
    if (llvm::any_of(moves, [&](Value v) {
          return p->isAncestor(v.getParentRegion()->getParentOp()) && v != iv &&
                 !f->isAncestor(v.getParentRegion()->getParentOp());
        }))
      break; // B's offsets are computed inside p (or are its iv)
    repeats.insert(repeats.begin(), p);
    outer = p;
  }
  rewriter.setInsertionPoint(outer);
  SmallVector<Index> idx;
  for (Value v : r.getIndices())
    idx.push_back(add(Index{}, v));
  unsigned vecDim = idx.size() - 1;
  while (ok) {
    auto sv = base.getDefiningOp<memref::SubViewOp>();
    if (!sv)
      break;
    if (!llvm::all_of(sv.getMixedStrides(),
                      [](OpFoldResult s) { return isConstantIntValue(s, 1); }))
      return false;
    llvm::SmallBitVector dropped = sv.getDroppedDims();
    SmallVector<Index> src;
    unsigned j = 0, srcVec = 0;
    for (auto [d, off] : llvm::enumerate(sv.getMixedOffsets())) {
      Index in;
      if (!dropped.test(d)) {
        if (j == vecDim)
          srcVec = d;
        in = idx[j++];
      }
      src.push_back(add(in, off));
    }
    idx = std::move(src);
    vecDim = srcVec;
    base = sv.getSource();
  }
  auto rootT = dyn_cast<MemRefType>(base.getType());
  auto walks = [](const Index &i) { return i.iv; };
  if (!ok || !rootT || llvm::count_if(idx, walks) != 1)
    return false;
  // The root dim the loop walks.
  unsigned ivDim = llvm::find_if(idx, walks) - idx.begin();
  if (ivDim == vecDim || rootT.isDynamicDim(ivDim) ||
      rootT.getDimSize(ivDim) < K)
    return false;
  auto index = [&](int64_t v) -> Value {
    return arith::ConstantIndexOp::create(rewriter, loc, v);
  };
  // Before the loops: the next block's first row, clamped to size - K.
  Value lb = f.getLowerBound();
  Value inv = idx[ivDim].inv;
  Value first = inv ? rewriter.createOrFold<arith::AddIOp>(loc, inv, lb) : lb;
  Value start = rewriter.createOrFold<arith::MinSIOp>(
      loc, rewriter.createOrFold<arith::AddIOp>(loc, first, index(K)),
      index(rootT.getDimSize(ivDim) - K));
  SmallVector<Value> at;
  for (const Index &i : idx)
    at.push_back(i.inv ? i.inv : index(0));
  // In the loop, before the read: i = (repeat index) * K + (iv - lb), the
  // row start + i / T, one prefetch per cache line of it.
  rewriter.setInsertionPoint(r);
  Value i = index(0);
  int64_t T = 1;
  for (scf::ForOp p : repeats) {
    int64_t t = p.getStaticTripCount()->getSExtValue();
    Value n = rewriter.createOrFold<arith::DivUIOp>(
        loc,
        rewriter.createOrFold<arith::SubIOp>(loc, p.getInductionVar(),
                                             p.getLowerBound()),
        p.getStep());
    i = rewriter.createOrFold<arith::AddIOp>(
        loc, rewriter.createOrFold<arith::MulIOp>(loc, i, index(t)), n);
    T *= t;
  }
  i = rewriter.createOrFold<arith::AddIOp>(
      loc, rewriter.createOrFold<arith::MulIOp>(loc, i, index(K)),
      rewriter.createOrFold<arith::SubIOp>(loc, iv, lb));
  at[ivDim] = rewriter.createOrFold<arith::AddIOp>(
      loc, start, rewriter.createOrFold<arith::DivUIOp>(loc, i, index(T)));
  int64_t perLine =
      std::max<int64_t>(1, 512 / std::max(vt.getElementTypeBitWidth(), 1u));
  Value col = at[vecDim];
  for (int64_t c = 0; c < vt.getNumElements(); c += perLine) {
    at[vecDim] =
        c ? rewriter.createOrFold<arith::AddIOp>(loc, col, index(c)) : col;
    memref::PrefetchOp::create(rewriter, loc, base, at, /*isWrite=*/false,
                               /*localityHint=*/2, /*isDataCache=*/true);
  }
  return true;
}

/// Replaces each in-bounds, unmasked read of a memref in `f`'s body whose
/// every use takes one element out of it (vector.extract to a scalar) by
/// scalar loads of those elements.
static void scalarizeElementReads(RewriterBase &rewriter, scf::ForOp f) {
  for (auto r :
       llvm::to_vector(f.getBody()->getOps<vector::TransferReadOp>())) {
    auto mt = dyn_cast<MemRefType>(r.getBase().getType());
    if (!mt || r.getMask() || r.hasOutOfBoundsDim() ||
        !r.getPermutationMap().isMinorIdentity() || r->use_empty() ||
        !llvm::all_of(r->getUsers(), [](Operation *u) {
          auto e = dyn_cast<vector::ExtractOp>(u);
          return e && !isa<VectorType>(e.getType()) &&
                 e.getDynamicPosition().empty();
        }))
      continue;
    int64_t lead = mt.getRank() - r.getVectorType().getRank();
    for (Operation *u : llvm::to_vector(r->getUsers())) {
      auto e = cast<vector::ExtractOp>(u);
      rewriter.setInsertionPoint(e);
      SmallVector<Value> indices(r.getIndices());
      for (auto [j, pos] : llvm::enumerate(e.getStaticPosition())) {
        if (!pos)
          continue;
        Value &index = indices[lead + j];
        if (std::optional<int64_t> c = getConstantIntValue(index))
          index =
              arith::ConstantIndexOp::create(rewriter, e.getLoc(), *c + pos);
        else
          index = arith::AddIOp::create(
              rewriter, e.getLoc(), index,
              arith::ConstantIndexOp::create(rewriter, e.getLoc(), pos));
      }
      rewriter.replaceOpWithNewOp<memref::LoadOp>(e, r.getBase(), indices);
    }
    rewriter.eraseOp(r);
  }
}

struct CPUHoistVectorTransfersPass
    : public torch_onnx::impl::CPUHoistVectorTransfersBase<
          CPUHoistVectorTransfersPass> {
  using CPUHoistVectorTransfersBase::CPUHoistVectorTransfersBase;

  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    splitJoinedRowWrites(rewriter, getOperation());
    // Linalg ops inside a task (scf.forall) become sequential loops: the
    // parallelism is the tasks'.
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
    // Register tiles' loops over a block: the next block of B prefetched.
    getOperation().walk([&](scf::ForOp f) {
      if (!f->removeAttr(kPrefetchAttr))
        return;
      for (auto r :
           llvm::to_vector(f.getBody()->getOps<vector::TransferReadOp>()))
        (void)prefetchNextBlock(rewriter, f, r);
    });
    // Register tiles' reduction loops: the elements of A that each step
    // broadcasts are loaded one by one (a broadcast from memory), not as
    // a vector taken apart (a load and a shuffle per element, on the port
    // that an FMA pipe shares).
    getOperation().walk([&](scf::ForOp f) {
      if (f->hasAttr(kUnrollAttr))
        scalarizeElementReads(rewriter, f);
    });
    // Register tiles' reduction loops, their accumulators hoisted into
    // iteration arguments: unrolled, the steps the factor leaves over (a
    // 7x7 stem's 147) in a loop after them. A loop shorter than twice the
    // factor stays as is.
    SmallVector<scf::ForOp> unroll;
    getOperation().walk([&](scf::ForOp f) {
      if (!f->removeAttr(kUnrollAttr) || unrollReduction < 2 ||
          !llvm::any_of(f.getRegionIterArgs(), [](BlockArgument a) {
            return isa<VectorType>(a.getType());
          }))
        return;
      std::optional<APInt> trips = f.getStaticTripCount();
      if (!trips || trips->getSExtValue() < 2 * unrollReduction)
        return;
      unroll.push_back(f);
    });
    for (scf::ForOp f : unroll)
      (void)loopUnrollByFactor(f, unrollReduction);
  }
};

/// A copy between two contiguous buffers of static shape (a feature map
/// into its channels of a concatenation) as a parallel loop over up to 16
/// equal chunks, each a `memref.copy` of contiguous 1-D views, which
/// lowers to memcpy. As a loop nest each such copy became ~350 lines of
/// LLVM IR (vectorized, interleaved, with alias checks): most of
/// DenseNet's code.
static LogicalResult contiguousCopy(RewriterBase &rewriter, memref::CopyOp c,
                                    MemRefType src, MemRefType dst) {
  if (!src.hasStaticShape() || !dst.hasStaticShape())
    return failure();
  ReassociationIndices all =
      llvm::to_vector(llvm::seq<int64_t>(0, src.getRank()));
  if (!memref::CollapseShapeOp::isGuaranteedCollapsible(src, {all}) ||
      !memref::CollapseShapeOp::isGuaranteedCollapsible(dst, {all}))
    return failure();
  int64_t n = src.getNumElements(), chunks = 16;
  while (n % chunks)
    --chunks;
  if (chunks == 1)
    return failure(); // one memcpy as it is
  int64_t chunk = n / chunks;
  Location loc = c.getLoc();
  Value s1 = memref::CollapseShapeOp::create(
      rewriter, loc, c.getSource(), ArrayRef<ReassociationIndices>{all});
  Value d1 = memref::CollapseShapeOp::create(
      rewriter, loc, c.getTarget(), ArrayRef<ReassociationIndices>{all});
  Value zero = arith::ConstantIndexOp::create(rewriter, loc, 0);
  Value one = arith::ConstantIndexOp::create(rewriter, loc, 1);
  Value count = arith::ConstantIndexOp::create(rewriter, loc, chunks);
  Value size = arith::ConstantIndexOp::create(rewriter, loc, chunk);
  auto loop = scf::ParallelOp::create(rewriter, loc, ValueRange{zero},
                                      ValueRange{count}, ValueRange{one});
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPoint(loop.getBody()->getTerminator());
  Value off =
      arith::MulIOp::create(rewriter, loc, loop.getInductionVars()[0], size);
  auto view = [&](Value v) -> Value {
    return memref::SubViewOp::create(
        rewriter, loc, v, ArrayRef<OpFoldResult>{off},
        ArrayRef<OpFoldResult>{rewriter.getIndexAttr(chunk)},
        ArrayRef<OpFoldResult>{rewriter.getIndexAttr(1)});
  };
  Value from = view(s1), to = view(d1);
  memref::CopyOp::create(rewriter, loc, from, to);
  rewriter.eraseOp(c);
  return success();
}

struct CPUParallelCopiesPass
    : public torch_onnx::impl::CPUParallelCopiesBase<CPUParallelCopiesPass> {
  using CPUParallelCopiesBase::CPUParallelCopiesBase;
  void runOnOperation() override {
    SmallVector<memref::CopyOp> copies;
    getOperation().walk([&](memref::CopyOp c) { copies.push_back(c); });
    IRRewriter rewriter(&getContext());
    for (memref::CopyOp c : copies) {
      auto src = dyn_cast<MemRefType>(c.getSource().getType());
      auto dst = dyn_cast<MemRefType>(c.getTarget().getType());
      if (!src || !dst || src.getRank() == 0 ||
          src.getElementType() != dst.getElementType())
        continue;
      if (src.hasStaticShape() && src.getNumElements() < minElements)
        continue;
      rewriter.setInsertionPoint(c);
      if (succeeded(contiguousCopy(rewriter, c, src, dst))) {
        ++numContiguous;
        continue;
      }
      rewriter.replaceOpWithNewOp<linalg::CopyOp>(c, c.getSource(),
                                                  c.getTarget());
      ++numCopies;
    }
  }
};

struct CPUCollapseElementwiseDimsPass
    : public torch_onnx::impl::CPUCollapseElementwiseDimsBase<
          CPUCollapseElementwiseDimsPass> {
  using CPUCollapseElementwiseDimsBase::CPUCollapseElementwiseDimsBase;
  void runOnOperation() override {
    SmallVector<linalg::LinalgOp> ops;
    getOperation().walk([&](linalg::LinalgOp op) {
      if (isa<linalg::GenericOp, linalg::CopyOp>(op.getOperation()))
        ops.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    for (linalg::LinalgOp op : ops) {
      unsigned n = op.getNumLoops();
      if (n < 3 || !op.hasPureBufferSemantics() ||
          op.getNumParallelLoops() != n ||
          !llvm::all_of(op.getIndexingMapsArray(),
                        [](AffineMap m) { return m.isIdentity(); }))
        continue;
      SmallVector<int64_t> ranges = op.getStaticLoopRanges();
      if (llvm::any_of(ranges, ShapedType::isDynamic))
        continue;
      unsigned first = 0;
      while (first < n && ranges[first] == 1)
        ++first;
      if (first + 2 >= n)
        continue; // fewer than two dims after the first non-unit one
      SmallVector<ReassociationIndices> groups;
      for (unsigned i = 0; i <= first; ++i)
        groups.push_back({(int64_t)i});
      ReassociationIndices tail;
      for (unsigned i = first + 1; i < n; ++i)
        tail.push_back(i);
      groups.push_back(tail);
      if (!llvm::all_of(op->getOperands(), [&](Value v) {
            auto t = dyn_cast<MemRefType>(v.getType());
            return t &&
                   memref::CollapseShapeOp::isGuaranteedCollapsible(t, groups);
          }))
        continue;
      rewriter.setInsertionPoint(op);
      FailureOr<linalg::CollapseResult> collapsed =
          linalg::collapseOpIterationDims(op, {tail}, rewriter);
      if (failed(collapsed))
        continue;
      rewriter.replaceOp(op, collapsed->results);
      ++numCollapsed;
    }
  }
};

/// Rebuilds `p` as a loop nest in its original dim order: dim `par` (if any)
/// an outer one-dim scf.parallel, every other dim an scf.for (carrying
/// `annotation` as `llvm.loop_annotation` when given).
static void rebuildParallel(IRRewriter &rewriter, scf::ParallelOp p,
                            std::optional<unsigned> par,
                            LLVM::LoopAnnotationAttr annotation = {}) {
  unsigned n = p.getNumLoops();
  Location loc = p.getLoc();
  rewriter.setInsertionPoint(p);
  SmallVector<Value> ivs(n);
  if (par) {
    auto outer = scf::ParallelOp::create(
        rewriter, loc, ValueRange{p.getLowerBound()[*par]},
        ValueRange{p.getUpperBound()[*par]}, ValueRange{p.getStep()[*par]});
    rewriter.setInsertionPointToStart(outer.getBody());
    ivs[*par] = outer.getInductionVars()[0];
  }
  for (unsigned d = 0; d < n; ++d) {
    if (par && d == *par)
      continue;
    auto f = scf::ForOp::create(rewriter, loc, p.getLowerBound()[d],
                                p.getUpperBound()[d], p.getStep()[d]);
    if (annotation)
      f->setAttr(torch_onnx::kLoopAnnotationAttr, annotation);
    ivs[d] = f.getInductionVar();
    rewriter.setInsertionPointToStart(f.getBody());
  }
  // Move the body (minus its terminator) into the innermost loop.
  Block *body = p.getBody();
  Operation *insertBefore = &*rewriter.getInsertionPoint();
  for (Operation &op : llvm::make_early_inc_range(body->without_terminator()))
    op.moveBefore(insertBefore);
  for (unsigned d = 0; d < n; ++d)
    body->getArgument(d).replaceAllUsesWith(ivs[d]);
  rewriter.eraseOp(p);
}

using torch_onnx::estimateWork;
using torch_onnx::tripCount;

/// Work per iteration from which a multi-dim parallel loop is a grid of
/// tasks rather than an element-wise loop nest (a few operations per
/// element).
constexpr int64_t kTaskWork = 1024;

/// Whether the body of `p` only stores values defined outside it (a
/// `linalg.fill` on a view, such as a padded buffer's border), with index
/// arithmetic and views beside the stores.
static bool isFillNest(scf::ParallelOp p) {
  bool stores = false;
  for (Operation &op : p.getBody()->without_terminator()) {
    if (auto store = dyn_cast<memref::StoreOp>(op)) {
      if (!store.getValue().getParentRegion()->isProperAncestor(&p.getRegion()))
        return false;
      stores = true;
      continue;
    }
    if (op.getNumRegions() != 0 || !isMemoryEffectFree(&op))
      return false;
  }
  return stores;
}

struct CPUOuterParallelLoopsPass
    : public torch_onnx::impl::CPUOuterParallelLoopsBase<
          CPUOuterParallelLoopsPass> {
  using CPUOuterParallelLoopsBase::CPUOuterParallelLoopsBase;
  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    // One parallel level: a parallel loop inside another one (a linalg op
    // left inside a task, a reduction's inner parallel dims) runs
    // sequentially on its task's thread, so that OpenMP never forks inside
    // a parallel region; so does a loop nest with too little work for a
    // fork/join (a bias broadcast, a small reshape copy). Innermost first.
    // A task body outlined by cpu-outline-tasks runs inside its caller's
    // parallel loop: all of its loops are nested ones.
    bool inTask = getOperation()->hasAttr(torch_onnx::kTaskFunctionAttr);
    SmallVector<std::pair<scf::ParallelOp, bool>> sequential;
    getOperation().walk([&](scf::ParallelOp p) {
      if (!p.getInitVals().empty())
        return;
      if (inTask || p->getParentOfType<scf::ParallelOp>())
        sequential.push_back({p, /*nested=*/true});
      else if (tripCount(p) * estimateWork(*p.getBody()) < minParallelWork)
        sequential.push_back({p, /*nested=*/false});
    });
    // A small fill on the calling thread (the borders of padded buffers)
    // stays a plain loop nest: LLVM would unroll and vectorize each one
    // into hundreds of stores (scatters for a border column) that take
    // longer to compile than they ever run. A contiguous row still becomes
    // a memset.
    auto plain = LLVM::LoopAnnotationAttr::get(
        &getContext(), /*disableNonforced=*/{},
        LLVM::LoopVectorizeAttr::get(&getContext(), rewriter.getBoolAttr(true),
                                     {}, {}, {}, {}, {}, {}),
        /*interleave=*/{},
        LLVM::LoopUnrollAttr::get(&getContext(), rewriter.getBoolAttr(true), {},
                                  {}, {}, {}, {}, {}),
        {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {});
    for (auto [p, nested] : sequential) {
      bool fill = !nested && isFillNest(p);
      rebuildParallel(rewriter, p, std::nullopt,
                      fill ? plain : LLVM::LoopAnnotationAttr());
      ++(nested ? numSequentialized : numSmall);
      numPlainFills += fill;
    }
    SmallVector<scf::ParallelOp> loops;
    getOperation().walk([&](scf::ParallelOp p) {
      if (p.getNumLoops() > 1 && !p->getParentOfType<scf::ParallelOp>())
        loops.push_back(p);
    });
    for (scf::ParallelOp p : loops) {
      if (!p.getInitVals().empty())
        continue;
      unsigned n = p.getNumLoops();
      // The dims that have more than one trip.
      SmallVector<unsigned> multi;
      for (unsigned d = 0; d < n; ++d)
        if (tripCount(p.getLowerBound()[d], p.getUpperBound()[d],
                      p.getStep()[d]) > 1)
          multi.push_back(d);
      // A grid of tasks (each iteration an outlined task body or a tile's
      // loop nest) is shared out over all of its tiles, as one parallel
      // loop: with only its first dim parallel, mobilenet_v2's 3x3 grids
      // of 1x1 convolution tiles gave 2 threads 3 tasks.
      if (multi.size() > 1 && estimateWork(*p.getBody()) >= kTaskWork) {
        std::vector<unsigned> all(n);
        std::iota(all.begin(), all.end(), 0u);
        collapseParallelLoops(rewriter, p, {all});
        ++numCollapsedGrids;
        continue;
      }
      // The parallel dim: the first one that does not have a single trip.
      unsigned par = multi.empty() ? 0 : multi.front();
      // With few trips (the 3 channels of an image copied into its padded
      // buffer: 3 tasks for 2 threads), it shares the parallel loop with
      // the next dim (3 x 224 rows), which leaves an inner loop to
      // vectorize: the index is divided once per row.
      if (multi.size() >= 3 &&
          tripCount(p.getLowerBound()[par], p.getUpperBound()[par],
                    p.getStep()[par]) < kMinTasks) {
        SmallVector<std::vector<unsigned>> groups;
        for (unsigned d = 0; d < par; ++d)
          groups.push_back({d});
        std::vector<unsigned> outer;
        for (unsigned d = par; d <= multi[1]; ++d)
          outer.push_back(d);
        groups.push_back(outer);
        for (unsigned d = multi[1] + 1; d < n; ++d)
          groups.push_back({d});
        Operation *next = p->getNextNode();
        collapseParallelLoops(rewriter, p, groups);
        auto collapsed = dyn_cast_or_null<scf::ParallelOp>(
            next ? next->getPrevNode() : nullptr);
        if (!collapsed)
          continue;
        ++numCollapsedRows;
        p = collapsed;
      }
      rebuildParallel(rewriter, p, par);
    }
  }
};
} // namespace
