//===- LoopAnnotations.cpp - forward-loop-annotations ---------------------===//
//
// An scf.for's llvm.loop_annotation, carried as a discardable attribute by
// the scf->cf->llvm conversions, as the LLVM branch's loop_annotation (see
// Passes.td).
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Transforms/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"

namespace mlir::torch_onnx {
#define GEN_PASS_DEF_FORWARDLOOPANNOTATIONS
#include "torch-onnx/Transforms/Passes.h.inc"
} // namespace mlir::torch_onnx

using namespace mlir;

namespace {
struct ForwardLoopAnnotationsPass
    : public torch_onnx::impl::ForwardLoopAnnotationsBase<
          ForwardLoopAnnotationsPass> {
  void runOnOperation() override {
    getOperation()->walk([&](Operation *op) {
      auto annotation = dyn_cast_or_null<LLVM::LoopAnnotationAttr>(
          op->getDiscardableAttr(torch_onnx::kLoopAnnotationAttr));
      if (!annotation)
        return;
      if (auto br = dyn_cast<LLVM::BrOp>(op))
        br.setLoopAnnotationAttr(annotation);
      else if (auto condBr = dyn_cast<LLVM::CondBrOp>(op))
        condBr.setLoopAnnotationAttr(annotation);
      else
        return;
      op->removeDiscardableAttr(torch_onnx::kLoopAnnotationAttr);
      ++numForwarded;
    });
  }
};
} // namespace
