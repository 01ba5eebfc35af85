//===- ControlFlow.cpp - ONNX If/Loop -> scf.if/scf.while -----------------===//
//
// The bodies are lowered in place first (they see the outer values already
// lowered), then moved into the scf region; onnx.Yield becomes scf.yield.
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

/// Moves the ops of `from` (ending in onnx.Yield) to the end of `to`,
/// returning the yielded values.
static SmallVector<Value> moveBody(Block &from, Block &to) {
  auto yield = cast<YieldOp>(from.getTerminator());
  SmallVector<Value> vals(yield.getOperands());
  yield->erase();
  to.getOperations().splice(to.end(), from.getOperations());
  return vals;
}

static FailureOr<SmallVector<Value>> lowerIf(Ctx &c) {
  auto cond = c.ranked(0);
  if (failed(cond))
    return failure();
  // Generated region order: else_branch, then_branch.
  Region &elseR = c.op->getRegion(0), &thenR = c.op->getRegion(1);
  if (failed(c.lowerRegion(thenR)) || failed(c.lowerRegion(elseR)))
    return failure();
  auto ty = cast<YieldOp>(thenR.front().getTerminator());
  auto ey = cast<YieldOp>(elseR.front().getTerminator());
  SmallVector<Type> types;
  for (auto [a, b] : llvm::zip(ty.getOperandTypes(), ey.getOperandTypes())) {
    Type j = join(a, b);
    if (!j || !isa<RankedTensorType>(j))
      return c.failure("the branches yield incompatible types " +
                       llvm::formatv("{0} and {1}", a, b).str() +
                       " (only tensors of the same rank are supported)");
    types.push_back(j);
  }
  OpBuilder &b = c.b;
  Value pred = c.extractScalar(*cond);
  auto ifOp = scf::IfOp::create(b, c.loc, types, pred, /*withElse=*/true);
  for (auto [src, dst] : {std::make_pair(&thenR, &ifOp.getThenRegion()),
                          std::make_pair(&elseR, &ifOp.getElseRegion())}) {
    Block &blk = dst->front();
    blk.clear();
    SmallVector<Value> vals = moveBody(src->front(), blk);
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToEnd(&blk);
    for (auto [v, t] : llvm::zip(vals, types))
      v = v.getType() == t ? v : tensor::CastOp::create(b, c.loc, t, v);
    scf::YieldOp::create(b, c.loc, vals);
  }
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
    for (Value v : c.op->getOperands().drop_front(start))
      init.push_back(v);
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
    blk.getArgument(k + 2).setType(carriedTypes.back());
  }
  blk.getArgument(0).setType(RankedTensorType::get({}, b.getI64Type()));
  blk.getArgument(1).setType(RankedTensorType::get({}, b.getI1Type()));
  if (failed(c.lowerRegion(body)))
    return failure();
  auto yield = cast<YieldOp>(blk.getTerminator());
  unsigned nScan = yield.getNumOperands() - 1 - nCarried;
  // Scan outputs need a static bound and static element shapes.
  // Scan buffers have M rows (M <= 2^24, checked at run time when M is
  // not a constant).
  constexpr int64_t kMaxScanRows = 1 << 24;
  SmallVector<RankedTensorType> scanElem;
  Value rows;
  for (unsigned k = 0; k < nScan; ++k) {
    auto t = dyn_cast<RankedTensorType>(
        yield.getOperand(1 + nCarried + k).getType());
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
  auto wh = scf::WhileOp::create(b, loc, stateTypes, state);
  {
    Block *before = b.createBlock(&wh.getBefore(), {}, stateTypes,
                                  SmallVector<Location>(stateTypes.size(), loc));
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToEnd(before);
    Value go = before->getArgument(1);
    if (mt) {
      Value inRange = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt,
                                            before->getArgument(0), mt);
      go = arith::AndIOp::create(b, loc, go, inRange);
    }
    scf::ConditionOp::create(b, loc, go, before->getArguments());
  }
  Block *after = b.createBlock(&wh.getAfter(), {}, stateTypes,
                               SmallVector<Location>(stateTypes.size(), loc));
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(after);
    Value iter = tensor::FromElementsOp::create(
        b, loc, RankedTensorType::get({}, b.getI64Type()),
        ValueRange{after->getArgument(0)});
    Value condT = tensor::FromElementsOp::create(
        b, loc, RankedTensorType::get({}, b.getI1Type()),
        ValueRange{after->getArgument(1)});
    blk.getArgument(0).replaceAllUsesWith(iter);
    blk.getArgument(1).replaceAllUsesWith(condT);
    for (unsigned k = 0; k < nCarried; ++k)
      blk.getArgument(k + 2).replaceAllUsesWith(after->getArgument(k + 2));
    SmallVector<Value> vals = moveBody(blk, *after);
    b.setInsertionPointToEnd(after);
    Value i = after->getArgument(0);
    SmallVector<Value> next{
        arith::AddIOp::create(b, loc, i,
                              arith::ConstantIntOp::create(b, loc,
                                                           b.getI64Type(), 1)),
        tensor::ExtractOp::create(b, loc, vals[0], ValueRange{})};
    for (unsigned k = 0; k < nCarried; ++k) {
      Value v = vals[1 + k];
      if (v.getType() != carriedTypes[k]) {
        if (!join(v.getType(), carriedTypes[k]))
          return c.failure("carried value " + Twine(k) + " changes rank or "
                                                         "type in the body");
        v = tensor::CastOp::create(b, loc, carriedTypes[k], v);
      }
      next.push_back(v);
    }
    Value ii = arith::IndexCastOp::create(b, loc, b.getIndexType(), i);
    for (unsigned k = 0; k < nScan; ++k) {
      Value elem = vals[1 + nCarried + k];
      auto t = scanElem[k];
      Value buf = after->getArgument(2 + nCarried + k);
      SmallVector<OpFoldResult> offs{ii}, sizes{b.getIndexAttr(1)},
          strides(t.getRank() + 1, b.getIndexAttr(1));
      for (int64_t d : t.getShape()) {
        offs.push_back(b.getIndexAttr(0));
        sizes.push_back(b.getIndexAttr(d));
      }
      SmallVector<int64_t> s{1};
      s.append(t.getShape().begin(), t.getShape().end());
      Value e1 = c.reshape(elem, getAsIndexOpFoldResult(b.getContext(), s));
      next.push_back(tensor::InsertSliceOp::create(b, loc, e1, buf, offs, sizes,
                                                   strides));
    }
    scf::YieldOp::create(b, loc, next);
  }
  b.setInsertionPointAfter(wh);
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

void mlir::ONNX::lowering::registerControlFlow(llvm::StringMap<LowerFn> &t) {
  t["If"] = lowerIf;
  t["Loop"] = lowerLoop;
}
