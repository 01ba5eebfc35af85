//===- ONNXToLLVM.cpp - --onnx-to-llvm-pipeline ---------------------------===//
//
// onnx -> linalg (convert-onnx-to-linalg), elementwise fusion, optional
// tiling + vectorization of contractions/convolutions, one-shot
// bufferization with ownership-based deallocation, parallel loops (OpenMP
// when enabled) and the upstream conversions to the LLVM dialect. Built from
// upstream passes only, apart from our conversion and tiling passes.
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Conversion/Passes.h"
#include "torch-onnx/Pipelines/Pipelines.h"
#include "torch-onnx/Transforms/Passes.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

std::string torch_onnx::getONNXToLinalgStageText() {
  // Shape computations on static shapes fold away before the lowering.
  return "func.func(onnx-fold-constants),canonicalize,convert-onnx-to-linalg";
}

std::string
torch_onnx::getLinalgToLLVMStageText(const ONNXToLLVMPipelineOptions &o) {
  std::string s = "canonicalize,cse,"
                  "func.func(fold-constant-transposes,"
                  "fuse-elementwise-no-recompute,fold-adds-into-accumulators),"
                  "canonicalize,cse,";
  if (o.vectorize)
    s += "func.func(cpu-tile-and-vectorize{vector-bits=" +
         std::to_string(o.vectorBits) + "}),canonicalize,cse,";
  // buffer-deallocation-pipeline spelled out without two of its three
  // canonicalizations (after the ownership-based deallocation and at its
  // end): each took ~18 ms on resnet18's vector code, and the modules they
  // leave are identical on resnet18, mobilenet_v2, the transformer layer,
  // the MLP and the dynamic-batch small_cnn example. The one kept is the
  // pipeline's first: bufferization leaves nothing else to canonicalize.
  s += "one-shot-bufferize{bufferize-function-boundaries "
       "function-boundary-type-conversion=identity-layout-map},"
       "expand-realloc,canonicalize,ownership-based-buffer-deallocation,"
       "buffer-deallocation-simplification,bufferization-lower-deallocations,"
       "cse,convert-bufferization-to-memref,";
  if (o.vectorize)
    s += "func.func(loop-invariant-code-motion,cpu-hoist-vector-transfers),"
         "canonicalize,cpu-outline-tasks,"
         "func.func(convert-vector-to-scf{full-unroll}),";
  s += "scf-forall-to-parallel,func.func(cpu-parallel-copies,"
       "cpu-collapse-elementwise-dims,convert-linalg-to-parallel-loops),"
       "func.func(promote-loop-accumulators,cpu-outer-parallel-loops,"
       "plan-static-buffers),";
  if (o.openmp)
    // The task bodies are functions by now: canonicalized in parallel.
    s += "convert-scf-to-openmp{num-threads=0},"
         "func.func(canonicalize,cpu-merge-parallel-regions),";
  s += std::string("lower-runtime-checks{drop=") +
       (o.runtimeChecks ? "false" : "true") + "},";
  // The conversions that work function by function are nested in
  // func.func: the pass manager runs them on the functions (the entry and
  // the outlined task bodies) in parallel.
  s += "func.func(lower-affine,expand-strided-metadata,lower-affine,"
       "convert-scf-to-cf";
  // Vectorized row reductions (softmax, normalizations) become a tree of
  // vector ops rather than one ordered chain.
  if (o.vectorize)
    s += ",convert-vector-to-llvm{reassociate-fp-reductions}";
  if (o.approximateMath)
    s += ",cpu-approximate-math";
  // Math ops with an LLVM intrinsic first (a vector floor is one
  // instruction; libm would take it apart into a call per element), libm
  // for the rest (tanh, erf, atan, ... when not approximated).
  s += ",convert-math-to-llvm),convert-math-to-libm,"
       "func.func(convert-arith-to-llvm,convert-index-to-llvm),"
       // Allocation through the runtime: a failed malloc is a message.
       "finalize-memref-to-llvm{use-generic-functions},convert-cf-to-llvm,";
  if (o.openmp)
    s += "convert-openmp-to-llvm,";
  // n-D vectors carried through blocks (after cf lowering) and the element
  // extracts of libm calls on vectors. The OpenMP conversion has already
  // made the functions llvm.func: nested in those, in parallel over the
  // entry and the task bodies; module-level without OpenMP.
  if (o.vectorize)
    s += o.openmp
             ? "llvm.func(convert-vector-to-llvm{reassociate-fp-reductions}),"
             : "convert-vector-to-llvm{reassociate-fp-reductions},";
  s += "convert-ub-to-llvm,convert-func-to-llvm,convert-arith-to-llvm,"
       "convert-cf-to-llvm,"
       // (No canonicalization after this: LLVM's own simplifications
       // follow.) The loop annotations of small fills
       // (cpu-outer-parallel-loops).
       "reconcile-unrealized-casts,forward-loop-annotations";
  // Parallel regions that differ only in the weights they read outline to
  // identical functions (merged before LLVM compiles them).
  if (o.openmp)
    s += ",capture-global-addresses";
  return s;
}

void torch_onnx::buildONNXToLLVMPipeline(OpPassManager &pm,
                                         const ONNXToLLVMPipelineOptions &o) {
  if (failed(parsePassPipeline(getONNXToLinalgStageText() + "," +
                                   getLinalgToLLVMStageText(o),
                               pm, llvm::errs())))
    llvm::report_fatal_error("invalid onnx-to-llvm pipeline");
}

void torch_onnx::registerONNXToLLVMPipeline() {
  PassPipelineRegistration<ONNXToLLVMPipelineOptions>(
      "onnx-to-llvm-pipeline",
      "Lower the onnx dialect to the LLVM dialect (linalg, bufferization, "
      "OpenMP parallel loops)",
      buildONNXToLLVMPipeline);
}
