//===- TorchOps.cpp - torch dialect ops -----------------------------------===//

#include "torch-onnx/Dialect/Torch/IR/TorchDialect.h"
#include "torch-onnx/Dialect/Torch/Utils/Utils.h"
#include "torch-onnx/Support/Axis.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace mlir::Torch;

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

OpFoldResult ConstantIntOp::fold(FoldAdaptor) { return getValueAttr(); }
OpFoldResult ConstantFloatOp::fold(FoldAdaptor) { return getValueAttr(); }
OpFoldResult ConstantBoolOp::fold(FoldAdaptor) { return getValueAttr(); }
OpFoldResult ConstantStrOp::fold(FoldAdaptor) { return getValueAttr(); }
OpFoldResult ConstantDeviceOp::fold(FoldAdaptor) { return getValueAttr(); }
OpFoldResult ConstantNoneOp::fold(FoldAdaptor) {
  return UnitAttr::get(getContext());
}

LogicalResult TensorLiteralOp::verify() {
  auto shaped = cast<ShapedType>(getValue().getType());
  Type t = getResult().getType();
  bool hasSizes;
  ArrayRef<int64_t> sizes;
  Type dtype;
  if (auto v = dyn_cast<ValueTensorType>(t)) {
    hasSizes = v.getHasSizes();
    sizes = v.getSizes();
    dtype = v.getDtype();
  } else {
    auto nv = cast<NonValueTensorType>(t);
    hasSizes = nv.getHasSizes();
    sizes = nv.getSizes();
    dtype = nv.getDtype();
  }
  if (dtype && dtype != shaped.getElementType())
    return emitOpError("result dtype ")
           << dtype << " differs from the literal's element type "
           << shaped.getElementType();
  if (hasSizes && sizes != shaped.getShape())
    return emitOpError("result sizes differ from the literal's shape ")
           << shaped;
  return success();
}

//===----------------------------------------------------------------------===//
// Lists and tuples
//===----------------------------------------------------------------------===//

/// TorchScript lists are homogeneous; tensors may differ in refinement.
static bool isCompatibleElement(Type element, Type contained) {
  if (element == contained || isa<AnyType>(contained))
    return true;
  if (isTorchTensorType(element) && isTorchTensorType(contained))
    return true;
  if (auto opt = dyn_cast<OptionalType>(contained))
    return isa<Torch::NoneType>(element) ||
           isCompatibleElement(element, opt.getContainedType());
  return isa<NumberType>(contained) &&
         isa<IntType, Torch::FloatType, BoolType>(element);
}

LogicalResult PrimListConstructOp::verify() {
  Type contained = getResult().getType().getContainedType();
  for (Value e : getElements())
    if (!isCompatibleElement(e.getType(), contained))
      return emitOpError("element of type ")
             << e.getType() << " does not fit a list of " << contained
             << " (TorchScript lists are homogeneous)";
  return success();
}

LogicalResult PrimTupleConstructOp::verify() {
  auto types = getResult().getType().getContainedTypes();
  if (types.size() != getElements().size())
    return emitOpError("builds a tuple of ")
           << types.size() << " elements from " << getElements().size()
           << " values";
  return success();
}

OpFoldResult PrimTupleIndexOp::fold(FoldAdaptor adaptor) {
  auto construct = getTuple().getDefiningOp<PrimTupleConstructOp>();
  auto index = dyn_cast_or_null<IntegerAttr>(adaptor.getIndex());
  if (!construct || !index)
    return {};
  auto i =
      torch_onnx::normalizeAxis(index.getInt(), construct.getElements().size());
  if (!i || construct.getElements()[*i].getType() != getType())
    return {};
  return construct.getElements()[*i];
}

namespace {
/// A value of type `from` may replace one of type `to` in place: the same
/// type, or two tensor types (a more refined tensor where a tensor was
/// expected; type refinement settles the declared types).
bool replaceableBy(Type from, Type to) {
  return from == to || (isTorchTensorType(from) && isTorchTensorType(to));
}

/// construct(a, b)[i] -> a or b, also where the element is more refined
/// than the declared result (what the folder cannot do).
struct IndexOfConstruct : OpRewritePattern<PrimTupleIndexOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(PrimTupleIndexOp op,
                                PatternRewriter &rewriter) const override {
    auto construct = op.getTuple().getDefiningOp<PrimTupleConstructOp>();
    auto index = getConstantInt(op.getIndex());
    if (!construct || !index)
      return rewriter.notifyMatchFailure(op, "not a constant index of a "
                                             "tuple built here");
    auto i = torch_onnx::normalizeAxis(*index, construct.getElements().size());
    if (!i)
      return rewriter.notifyMatchFailure(op, "index out of range");
    Value e = construct.getElements()[*i];
    if (!replaceableBy(e.getType(), op.getType()))
      return rewriter.notifyMatchFailure(op, "element type differs");
    rewriter.replaceOp(op, e);
    return success();
  }
};

/// unpack(construct(a, b)) -> a, b
template <typename UnpackOp, typename ConstructOp>
struct FoldUnpackOfConstruct : OpRewritePattern<UnpackOp> {
  using OpRewritePattern<UnpackOp>::OpRewritePattern;
  LogicalResult matchAndRewrite(UnpackOp op,
                                PatternRewriter &rewriter) const override {
    auto construct = op->getOperand(0).template getDefiningOp<ConstructOp>();
    if (!construct)
      return rewriter.notifyMatchFailure(op, "operand is not constructed here");
    if (construct.getElements().size() != op->getNumResults())
      return rewriter.notifyMatchFailure(op, "element count differs");
    for (auto [e, r] : llvm::zip(construct.getElements(), op->getResults()))
      if (!replaceableBy(e.getType(), r.getType()))
        return rewriter.notifyMatchFailure(op, "element types differ");
    rewriter.replaceOp(op, construct.getElements());
    return success();
  }
};
} // namespace

void PrimListUnpackOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                   MLIRContext *context) {
  results.add<FoldUnpackOfConstruct<PrimListUnpackOp, PrimListConstructOp>>(
      context);
}

void PrimTupleIndexOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                   MLIRContext *context) {
  results.add<IndexOfConstruct>(context);
}

void PrimTupleUnpackOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                    MLIRContext *context) {
  results.add<FoldUnpackOfConstruct<PrimTupleUnpackOp, PrimTupleConstructOp>>(
      context);
}

//===----------------------------------------------------------------------===//
// Control flow
//===----------------------------------------------------------------------===//

/// TorchScript subtyping: `from` may flow where `to` is expected (a tensor
/// into a tensor of other refinement, T or None into Optional[T], a scalar
/// into Scalar, anything into Any).
static bool isSubtype(Type from, Type to) {
  if (from == to || isa<AnyType>(to))
    return true;
  if (isTorchTensorType(from) && isTorchTensorType(to))
    return true;
  if (auto opt = dyn_cast<OptionalType>(to))
    return isa<Torch::NoneType>(from) ||
           isSubtype(from, opt.getContainedType()) ||
           (isa<OptionalType>(from) &&
            isSubtype(cast<OptionalType>(from).getContainedType(),
                      opt.getContainedType()));
  if (isa<NumberType>(to))
    return isa<IntType, Torch::FloatType, BoolType>(from);
  if (auto lt = dyn_cast<ListType>(to))
    if (auto lf = dyn_cast<ListType>(from))
      return isSubtype(lf.getContainedType(), lt.getContainedType());
  if (auto tt = dyn_cast<Torch::TupleType>(to))
    if (auto tf = dyn_cast<Torch::TupleType>(from))
      return tt.getContainedTypes().size() == tf.getContainedTypes().size() &&
             llvm::all_of(
                 llvm::zip(tf.getContainedTypes(), tt.getContainedTypes()),
                 [](auto p) {
                   return isSubtype(std::get<0>(p), std::get<1>(p));
                 });
  return false;
}

LogicalResult PrimIfOp::verify() {
  for (Region *r : {&getThenRegion(), &getElseRegion()}) {
    auto yield = dyn_cast<PrimIfYieldOp>(r->front().getTerminator());
    if (!yield)
      return emitOpError("branches must end in torch.prim.If.yield");
    if (yield.getResults().size() != getNumResults() ||
        !llvm::all_of(
            llvm::zip(yield.getResults().getTypes(), getResultTypes()),
            [](auto p) { return isSubtype(std::get<0>(p), std::get<1>(p)); }))
      return emitOpError("branch yields ")
             << yield.getResults().getTypes() << " but the op returns "
             << getResultTypes();
  }
  return success();
}

LogicalResult PrimLoopOp::verify() {
  Block &body = getRegion().front();
  size_t n = getIterArgsInit().size();
  if (body.getNumArguments() != n + 1 ||
      !isa<IntType>(body.getArgument(0).getType()))
    return emitOpError("body must take the iteration number (!torch.int) and ")
           << n << " carried values";
  if (getNumResults() != n)
    return emitOpError("returns ")
           << getNumResults() << " values but carries " << n;
  auto cond = dyn_cast<PrimLoopConditionOp>(body.getTerminator());
  if (!cond)
    return emitOpError("body must end in torch.prim.Loop.condition");
  if (cond.getIterArgs().size() != n)
    return emitOpError("body yields ")
           << cond.getIterArgs().size() << " carried values, expected " << n;
  return success();
}

#define GET_OP_CLASSES
#include "torch-onnx/Dialect/Torch/IR/TorchOps.cpp.inc"
