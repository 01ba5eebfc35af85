//===- ValueSemantics.cpp - in-place ops -> value semantics ---------------===//

#include "torch-onnx/Dialect/Torch/Transforms/Passes.h"
#include "torch-onnx/Dialect/Torch/Utils/Utils.h"

#include "mlir/IR/Builders.h"

namespace mlir::Torch {
#define GEN_PASS_DEF_TORCHVALUESEMANTICS
#include "torch-onnx/Dialect/Torch/Transforms/Passes.h.inc"
} // namespace mlir::Torch

using namespace mlir;
using namespace mlir::Torch;

namespace {

/// "torch.aten.add_.Tensor" -> "torch.aten.add.Tensor".
std::string functionalName(StringRef inPlace) {
  StringRef rest = inPlace;
  rest.consume_front("torch.aten.");
  auto [base, overload] = rest.split('.');
  std::string name = "torch.aten." + base.drop_back().str();
  if (!overload.empty())
    name += "." + overload.str();
  return name;
}

/// True if `op` is a view or otherwise may alias its tensor operands.
bool mayAlias(Operation *op) {
  if (op->hasTrait<Torch::OpTrait::ValueSemantics>() ||
      isa<TensorLiteralOp>(op) || isa<PrimNumToTensorOp>(op))
    return false;
  return true;
}

Type toValueType(Type t) {
  if (auto nv = dyn_cast<NonValueTensorType>(t))
    return ValueTensorType::get(t.getContext(), nv.getOptionalSizes(),
                                nv.getDtype());
  return t;
}

struct TorchValueSemanticsPass
    : Torch::impl::TorchValueSemanticsBase<TorchValueSemanticsPass> {
  /// Rewrites one in-place op, or explains why it cannot.
  LogicalResult rewrite(Operation *op) {
    std::string name = functionalName(op->getName().getStringRef());
    OperationName functional(name, op->getContext());
    if (!functional.isRegistered())
      return op->emitError("cannot convert '")
             << op->getName() << "' to value semantics: it has no functional "
             << "form ('" << name << "' is not in the generated op list)";
    Value self = op->getOperand(0);
    if (isa<BlockArgument>(self))
      return op->emitError("cannot convert '")
             << op->getName() << "'"
             << " to value semantics: it mutates an input of the function "
                "(the caller would see the change); clone the input first";
    if (mayAlias(self.getDefiningOp()))
      return op->emitError("cannot convert '")
             << op->getName() << "' to value semantics: it mutates the result "
             << "of '" << self.getDefiningOp()->getName()
             << "', which may be a view of another tensor";
    Block *block = op->getBlock();
    for (OpOperand &use : self.getUses()) {
      Operation *user = use.getOwner();
      if (user == op)
        continue;
      Operation *ancestor = block->findAncestorOpInBlock(*user);
      if (!ancestor)
        return op->emitError("cannot convert '")
               << op->getName() << "' to value semantics: the tensor is used "
               << "outside the block that mutates it";
      if (ancestor != user && op->isBeforeInBlock(ancestor))
        return op->emitError("cannot convert '")
               << op->getName() << "' to value semantics: the mutated tensor "
               << "is used later inside a nested region";
      // A view taken before the mutation would see it.
      if (ancestor->isBeforeInBlock(op) && mayAlias(user) &&
          !user->use_empty() &&
          llvm::any_of(user->getResultTypes(), isTorchTensorType))
        return op->emitError("cannot convert '")
               << op->getName() << "' to value semantics: '" << user->getName()
               << "' may create a view of the tensor "
               << "before it is mutated";
    }
    OpBuilder b(op);
    OperationState state(op->getLoc(), functional);
    state.addOperands(op->getOperands());
    state.addTypes(op->getResultTypes());
    state.addAttributes(op->getAttrs());
    Operation *newOp = b.create(state);
    Value result = newOp->getResult(0);
    self.replaceUsesWithIf(result, [&](OpOperand &use) {
      Operation *user = use.getOwner();
      return user != newOp && user != op && op->isBeforeInBlock(user);
    });
    op->replaceAllUsesWith(newOp);
    op->erase();
    return success();
  }

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    SmallVector<Operation *> inPlace;
    func.walk([&](Operation *op) {
      if (op->hasTrait<Torch::OpTrait::InPlace>() && op->getNumOperands() &&
          isTorchTensorType(op->getOperand(0).getType()))
        inPlace.push_back(op);
    });
    bool ok = true;
    for (Operation *op : inPlace)
      ok &= succeeded(rewrite(op));
    if (!ok)
      return signalPassFailure();
    // An unknown operator named like an in-place one (trailing '_') may
    // mutate: keep mutable tensors then.
    bool unknownMutation = false;
    func.walk([&](OperatorOp op) {
      if (isInPlaceOpName(op.getName()))
        unknownMutation = true;
    });
    if (unknownMutation)
      return;
    // No mutation remains: every tensor has value semantics.
    func.walk([&](Operation *op) {
      for (Value r : op->getResults())
        r.setType(toValueType(r.getType()));
      for (Region &region : op->getRegions())
        for (Block &blk : region)
          for (BlockArgument arg : blk.getArguments())
            arg.setType(toValueType(arg.getType()));
    });
    SmallVector<Type> ins, outs;
    for (Type t : func.getArgumentTypes())
      ins.push_back(toValueType(t));
    for (Type t : func.getResultTypes())
      outs.push_back(toValueType(t));
    func.setType(FunctionType::get(func.getContext(), ins, outs));
  }
};

} // namespace
