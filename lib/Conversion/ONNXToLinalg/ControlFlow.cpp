//===- ControlFlow.cpp - ONNX If/Loop -> scf.if/scf.while -----------------===//
//
// The bodies move into the scf regions and are converted after the If/Loop
// (program order); their onnx.Yield becomes scf.yield (YieldLowering).
// Loop scan outputs are stacked into a [trip count, ...] buffer allocated
// from the static trip count bound M and sliced to the iterations run.
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

#include "torch-onnx/Dialect/ONNX/IR/ONNXDialect.h"

#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;
using namespace mlir::ONNX;
using namespace mlir::ONNX::lowering;

/// The most specific type both `a` and `b` can be cast to (same rank and
/// element type), or null.
static Type join(Type a, Type b) {
  if (a == b)
    return a;
  auto ra = dyn_cast<RankedTensorType>(a), rb = dyn_cast<RankedTensorType>(b);
  if (!ra || !rb || ra.getRank() != rb.getRank() ||
      ra.getElementType() != rb.getElementType())
    return {};
  SmallVector<int64_t> s;
  for (int64_t d = 0; d < ra.getRank(); ++d)
    s.push_back(ra.getDimSize(d) == rb.getDimSize(d) ? ra.getDimSize(d)
                                                     : ShapedType::kDynamic);
  return RankedTensorType::get(s, ra.getElementType());
}

/// Discardable attribute on the scf.while of a Loop: how many of its state
/// values after (i, cond) are carried values (the rest are scan buffers).
static constexpr llvm::StringLiteral kCarriedAttr = "torch_onnx.loop_carried";

static FailureOr<SmallVector<Value>> lowerIf(Ctx &c) {
  Value cond = c.input(0);
  // Generated region order: else_branch, then_branch.
  Region &elseR = c.op->getRegion(0), &thenR = c.op->getRegion(1);
  auto ty = cast<YieldOp>(thenR.front().getTerminator());
  auto ey = cast<YieldOp>(elseR.front().getTerminator());
  // The branches are lowered after the If (in program order), so the
  // result types come from the declared types: the If's own, else the
  // branches' outputs.
  SmallVector<Type> types;
  for (auto [k, declared] : llvm::enumerate(c.op->getResultTypes())) {
    Type t = toSignlessTensor(declared);
    if (!isa<RankedTensorType>(t))
      t = join(toSignlessTensor(ty.getOperand(k).getType()),
               toSignlessTensor(ey.getOperand(k).getType()));
    if (!t || !isa<RankedTensorType>(t))
      return c.failure(
          "output " + Twine(k) + " of type " +
          llvm::formatv("{0}", declared).str() +
          " has no known rank (give the branch outputs ranked tensor types)");
    types.push_back(t);
  }
  ConversionPatternRewriter &rw = c.rewriter;
  Value pred = c.extractScalar(cond);
  auto ifOp = scf::IfOp::create(rw, c.loc, types, pred, /*addThenBlock=*/false,
                                /*addElseBlock=*/false);
  rw.inlineRegionBefore(thenR, ifOp.getThenRegion(),
                        ifOp.getThenRegion().end());
  rw.inlineRegionBefore(elseR, ifOp.getElseRegion(),
                        ifOp.getElseRegion().end());
  return SmallVector<Value>(ifOp.getResults());
}

static FailureOr<SmallVector<Value>> lowerLoop(Ctx &c) {
  OpBuilder &b = c.b;
  Location loc = c.loc;
  Value maxTrip = c.in(0), condIn = c.in(1);
  SmallVector<Value> init;
  {
    auto seg = c.op->getAttrOfType<DenseI32ArrayAttr>("operandSegmentSizes");
    unsigned start = seg ? seg[0] + seg[1] : 2;
    init.append(c.operands.begin() + start, c.operands.end());
  }
  for (Value v : init)
    if (!isa<RankedTensorType>(v.getType()))
      return c.failure("loop-carried values must be ranked tensors (not "
                       "sequences)");
  Region &body = c.op->getRegion(0);
  Block &blk = body.front();
  unsigned nCarried = init.size();
  if (blk.getNumArguments() != nCarried + 2)
    return c.failure("body signature does not match the carried values");
  // Carried types: the declared body types when ranked, else the initial
  // value's rank with dynamic dims.
  SmallVector<Type> carriedTypes;
  for (unsigned k = 0; k < nCarried; ++k) {
    Type declared = toSignlessTensor(blk.getArgument(k + 2).getType());
    auto dt = dyn_cast<RankedTensorType>(declared);
    auto it = cast<RankedTensorType>(init[k].getType());
    if (dt && join(dt, it) == dt) {
      carriedTypes.push_back(dt);
    } else {
      carriedTypes.push_back(RankedTensorType::get(
          SmallVector<int64_t>(it.getRank(), ShapedType::kDynamic),
          it.getElementType()));
    }
  }
  auto yield = cast<YieldOp>(blk.getTerminator());
  if (yield.getNumOperands() < 1 + nCarried)
    return c.failure("the body yields fewer values than it carries");
  unsigned nScan = yield.getNumOperands() - 1 - nCarried;
  // Scan outputs need a static bound and static element shapes: the body's
  // declared output, with dims it leaves open taken from the Loop's result.
  // Scan buffers have M rows (M <= 2^24, checked at run time when M is
  // not a constant).
  constexpr int64_t kMaxScanRows = 1 << 24;
  SmallVector<RankedTensorType> scanElem;
  Value rows;
  for (unsigned k = 0; k < nScan; ++k) {
    auto t = dyn_cast<RankedTensorType>(
        toSignlessTensor(yield.getOperand(1 + nCarried + k).getType()));
    auto r = dyn_cast<RankedTensorType>(
        toSignlessTensor(c.op->getResult(nCarried + k).getType()));
    if (t && r && r.getRank() == t.getRank() + 1) {
      SmallVector<int64_t> s(t.getShape());
      for (int64_t d = 0; d < t.getRank(); ++d)
        if (ShapedType::isDynamic(s[d]))
          s[d] = r.getDimSize(d + 1);
      t = RankedTensorType::get(s, t.getElementType());
    }
    if (!t || !t.hasStaticShape())
      return c.failure("scan outputs need a static element shape");
    if (!maxTrip)
      return c.failure("scan outputs need a trip count M");
    if (auto v = c.constInts(maxTrip); v && (*v)[0] > kMaxScanRows)
      return c.failure("scan outputs need a trip count M of at most 2^24");
    scanElem.push_back(t);
  }
  if (nScan) {
    Value m = c.extractScalar(maxTrip);
    Value ok = arith::CmpIOp::create(
        b, loc, arith::CmpIPredicate::ule, m,
        arith::ConstantIntOp::create(b, loc, b.getI64Type(), kMaxScanRows));
    cf::AssertOp::create(
        b, loc, ok,
        b.getStringAttr("onnx.Loop: scan outputs need M <= 2^24"));
    rows = arith::IndexCastOp::create(
        b, loc, b.getIndexType(),
        arith::MaxSIOp::create(
            b, loc, m, arith::ConstantIntOp::create(b, loc, b.getI64Type(), 0)));
  }
  // State: i, cond, carried..., scan buffers...
  SmallVector<Value> state{c.i64(0),
                           condIn ? c.extractScalar(condIn)
                                  : c.constI(b.getI1Type(), 1)};
  for (unsigned k = 0; k < nCarried; ++k)
    state.push_back(c.castTo(init[k], carriedTypes[k]));
  for (auto t : scanElem) {
    SmallVector<OpFoldResult> s{getAsOpFoldResult(rows)};
    for (int64_t d : t.getShape())
      s.push_back(b.getIndexAttr(d));
    state.push_back(tensor::EmptyOp::create(b, loc, s, t.getElementType()));
  }
  SmallVector<Type> stateTypes;
  for (Value v : state)
    stateTypes.push_back(v.getType());
  Value mt = maxTrip ? c.extractScalar(maxTrip) : Value();
  ConversionPatternRewriter &rw = c.rewriter;
  auto wh = scf::WhileOp::create(rw, loc, stateTypes, state);
  wh->setAttr(kCarriedAttr, rw.getI64IntegerAttr(nCarried));
  SmallVector<Location> locs(stateTypes.size(), loc);
  {
    OpBuilder::InsertionGuard g(rw);
    Block *before = rw.createBlock(&wh.getBefore(), {}, stateTypes, locs);
    Value go = before->getArgument(1);
    if (mt) {
      Value inRange = arith::CmpIOp::create(rw, loc, arith::CmpIPredicate::slt,
                                            before->getArgument(0), mt);
      go = arith::AndIOp::create(rw, loc, go, inRange);
    }
    scf::ConditionOp::create(rw, loc, go, before->getArguments());
  }
  {
    OpBuilder::InsertionGuard g(rw);
    Block *after = rw.createBlock(&wh.getAfter(), {}, stateTypes, locs);
    // The body's (iteration, condition) are 0-d tensors; its onnx.Yield
    // becomes the scf.yield of the next state (YieldLowering).
    SmallVector<Value> args{
        tensor::FromElementsOp::create(
            rw, loc, RankedTensorType::get({}, rw.getI64Type()),
            ValueRange{after->getArgument(0)}),
        tensor::FromElementsOp::create(
            rw, loc, RankedTensorType::get({}, rw.getI1Type()),
            ValueRange{after->getArgument(1)})};
    for (unsigned k = 0; k < nCarried; ++k)
      args.push_back(after->getArgument(k + 2));
    rw.inlineBlockBefore(&blk, after, after->end(), args);
  }
  SmallVector<Value> results;
  for (unsigned k = 0; k < nCarried; ++k)
    results.push_back(wh.getResult(2 + k));
  Value count =
      arith::IndexCastOp::create(b, loc, b.getIndexType(), wh.getResult(0));
  for (unsigned k = 0; k < nScan; ++k) {
    Value buf = wh.getResult(2 + nCarried + k);
    auto t = scanElem[k];
    SmallVector<OpFoldResult> offs(t.getRank() + 1, b.getIndexAttr(0)),
        sizes{count}, strides(t.getRank() + 1, b.getIndexAttr(1));
    for (int64_t d : t.getShape())
      sizes.push_back(b.getIndexAttr(d));
    results.push_back(
        tensor::ExtractSliceOp::create(b, loc, buf, offs, sizes, strides));
  }
  return results;
}

namespace {
/// onnx.Yield at the end of a lowered If branch or Loop body.
struct YieldLowering : public OpConversionPattern<YieldOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult matchAndRewrite(YieldOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rw) const override {
    SmallVector<Value> vals;
    for (Value v : adaptor.getOperands())
      vals.push_back(peelCasts(v));
    Location loc = op.getLoc();
    Operation *parent = op->getParentOp();
    if (auto ifOp = dyn_cast<scf::IfOp>(parent)) {
      for (auto [k, pair] :
           llvm::enumerate(llvm::zip(vals, ifOp.getResultTypes()))) {
        auto [v, t] = pair;
        if (v.getType() == t)
          continue;
        if (!tensor::CastOp::areCastCompatible(v.getType(), t))
          return fail(op, rw,
                      "onnx.If: a branch yields " +
                          llvm::formatv("{0}", v.getType()).str() +
                          " for output " + Twine(k) + " of type " +
                          llvm::formatv("{0}", t).str());
        v = tensor::CastOp::create(rw, loc, t, v);
      }
      rw.replaceOpWithNewOp<scf::YieldOp>(op, vals);
      return success();
    }
    auto wh = dyn_cast<scf::WhileOp>(parent);
    auto carriedAttr =
        wh ? wh->getAttrOfType<IntegerAttr>(kCarriedAttr) : IntegerAttr();
    if (!carriedAttr)
      return rw.notifyMatchFailure(op, "not in a lowered If or Loop");
    unsigned nCarried = carriedAttr.getInt();
    Block *after = op->getBlock();
    unsigned nScan = after->getNumArguments() - 2 - nCarried;
    if (vals.size() != 1 + nCarried + nScan)
      return fail(op, rw,
                  "onnx.Loop: the body yields " + Twine(vals.size()) +
                      " values for " + Twine(1 + nCarried + nScan));
    Value i = after->getArgument(0);
    SmallVector<Value> next{
        arith::AddIOp::create(
            rw, loc, i,
            arith::ConstantIntOp::create(rw, loc, rw.getI64Type(), 1)),
        tensor::ExtractOp::create(rw, loc, vals[0], ValueRange{})};
    for (unsigned k = 0; k < nCarried; ++k) {
      Value v = vals[1 + k];
      Type t = after->getArgument(2 + k).getType();
      if (v.getType() != t) {
        if (!join(v.getType(), t))
          return fail(op, rw,
                      "onnx.Loop: carried value " + Twine(k) +
                          " changes rank or type in the body");
        v = tensor::CastOp::create(rw, loc, t, v);
      }
      next.push_back(v);
    }
    Value ii = arith::IndexCastOp::create(rw, loc, rw.getIndexType(), i);
    for (unsigned k = 0; k < nScan; ++k) {
      Value elem = vals[1 + nCarried + k];
      Value buf = after->getArgument(2 + nCarried + k);
      auto bt = cast<RankedTensorType>(buf.getType());
      int64_t rank = bt.getRank();
      auto et = RankedTensorType::get(bt.getShape().drop_front(),
                                      bt.getElementType());
      if (!tensor::CastOp::areCastCompatible(elem.getType(), et))
        return fail(op, rw,
                    "onnx.Loop: scan output " + Twine(k) + " of type " +
                        llvm::formatv("{0}", elem.getType()).str() +
                        " does not fit its declared element type " +
                        llvm::formatv("{0}", et).str());
      if (elem.getType() != et)
        elem = tensor::CastOp::create(rw, loc, et, elem);
      SmallVector<OpFoldResult> offs{ii}, sizes{rw.getIndexAttr(1)},
          strides(rank, rw.getIndexAttr(1));
      for (int64_t d : et.getShape()) {
        offs.push_back(rw.getIndexAttr(0));
        sizes.push_back(rw.getIndexAttr(d));
      }
      // Rank-reducing insert of the element as row i.
      next.push_back(tensor::InsertSliceOp::create(rw, loc, elem, buf, offs,
                                                   sizes, strides));
    }
    rw.replaceOpWithNewOp<scf::YieldOp>(op, next);
    return success();
  }

private:
  static LogicalResult fail(YieldOp op, ConversionPatternRewriter &rw,
                            const Twine &msg) {
    std::string m = msg.str();
    op->emitError() << "cannot lower to native code: " << m;
    return rw.notifyMatchFailure(op, m);
  }
};
} // namespace

void mlir::ONNX::lowering::populateONNXToControlFlowPatterns(LoweringSet &t) {
  t.add<op_types::If>(lowerIf);
  t.add<op_types::Loop>(lowerLoop);
  // Like the op patterns, without a type converter (see ONNXOpLowering).
  t.getPatterns().add<YieldLowering>(t.getPatterns().getContext());
}
