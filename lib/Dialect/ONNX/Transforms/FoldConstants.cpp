//===- FoldConstants.cpp - evaluate ONNX nodes on constant inputs ---------===//
//
// Drives the ops' folders (ONNXFold.cpp) with initializers as constant
// operands, which MLIR's folder does not see as constants, and keeps each
// computed value as a new initializer.
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Dialect/ONNX/Transforms/Passes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Matchers.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Debug.h"

namespace mlir::ONNX {
#define GEN_PASS_DEF_ONNXFOLDCONSTANTS
#include "torch-onnx/Dialect/ONNX/Transforms/Passes.h.inc"
} // namespace mlir::ONNX

using namespace mlir;
using namespace mlir::ONNX;

#define DEBUG_TYPE "onnx-fold-constants"

namespace {

/// The value of an initializer or of a constant-like op (onnx.Constant).
Attribute constantValue(Value v) {
  if (auto init = v.getDefiningOp<InitializerOp>())
    return init.getValue();
  Attribute a;
  if (matchPattern(v, m_Constant(&a)))
    return a;
  return {};
}

int64_t numElements(ElementsAttr a) {
  auto t = dyn_cast<RankedTensorType>(a.getType());
  return t && t.hasStaticShape() ? t.getNumElements()
                                 : std::numeric_limits<int64_t>::max();
}

struct ONNXFoldConstantsPass
    : ONNX::impl::ONNXFoldConstantsBase<ONNXFoldConstantsPass> {
  using Base::Base;

  /// Folds `op` if its folder gives a value within the size limit; returns
  /// whether it did.
  bool tryFold(Operation *op, llvm::StringSet<> &names, unsigned &counter) {
    if (op->getNumResults() != 1 || op->getNumRegions() != 0 ||
        !isa<ONNXOpInterface>(op) || op->hasTrait<OpTrait::ConstantLike>())
      return false;
    SmallVector<Attribute> operands;
    for (Value v : op->getOperands()) {
      Attribute a = constantValue(v);
      // An input over the limit is not read (its fold would be as large).
      if (auto e = dyn_cast_or_null<ElementsAttr>(a);
          e && numElements(e) > sizeLimit)
        a = {};
      operands.push_back(a);
    }
    SmallVector<OpFoldResult> results;
    if (failed(op->fold(operands, results)) || results.size() != 1)
      return false;
    Value old = op->getResult(0);
    if (auto v = dyn_cast<Value>(results[0])) {
      if (v.getType() != old.getType())
        return false;
      old.replaceAllUsesWith(v);
      op->erase();
      ++numFolded;
      return true;
    }
    auto value = dyn_cast<ElementsAttr>(cast<Attribute>(results[0]));
    if (!value)
      return false;
    if (numElements(value) > sizeLimit) {
      LLVM_DEBUG(llvm::dbgs()
                 << "not folding " << op->getName() << " at " << op->getLoc()
                 << ": " << numElements(value) << " elements > size-limit\n");
      ++numOverLimit;
      return false;
    }
    // The computed type may refine the declared one; a graph output keeps
    // its declared type.
    if (value.getType() != old.getType() &&
        llvm::any_of(old.getUsers(), [](Operation *u) {
          return u->hasTrait<OpTrait::IsTerminator>();
        }))
      return false;
    OpBuilder b(op);
    std::string name;
    do
      name = "_folded_" + std::to_string(counter++);
    while (names.contains(name));
    names.insert(name);
    auto init = InitializerOp::create(b, op->getLoc(), value.getType(),
                                      b.getStringAttr(name), value);
    old.replaceAllUsesWith(init.getResult());
    op->erase();
    ++numFolded;
    return true;
  }

  void runOnOperation() override {
    unsigned counter = 0;
    llvm::StringSet<> names;
    getOperation().walk([&](InitializerOp i) { names.insert(i.getName()); });
    bool changed = true;
    while (changed) {
      changed = false;
      getOperation().walk(
          [&](Operation *op) { changed |= tryFold(op, names, counter); });
    }
  }
};

} // namespace
