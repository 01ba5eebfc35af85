//===- Passes.h - code generation transforms --------------------*- C++ -*-===//
//
// Passes that prepare linalg and loops for a target (CPU tiling and
// vectorization, threading, math approximation, run-time checks, CUDA
// buffers and kernels). The pipelines in Pipelines/Pipelines.h use them.
//
//===----------------------------------------------------------------------===//

#ifndef TORCH_ONNX_TRANSFORMS_PASSES_H
#define TORCH_ONNX_TRANSFORMS_PASSES_H

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir::torch_onnx {
/// Marks a function cpu-outline-tasks made of a task body: it runs inside
/// its caller's parallel loop, so cpu-outer-parallel-loops makes every
/// parallel loop in it sequential.
inline constexpr llvm::StringLiteral kTaskFunctionAttr = "tonnx.task";
/// The discardable attribute that carries an `scf.for`'s LLVM loop
/// annotation through convert-scf-to-cf and convert-cf-to-llvm (see
/// forward-loop-annotations).
inline constexpr llvm::StringLiteral kLoopAnnotationAttr =
    "llvm.loop_annotation";

#define GEN_PASS_DECL
#include "torch-onnx/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "torch-onnx/Transforms/Passes.h.inc"
} // namespace mlir::torch_onnx

#endif // TORCH_ONNX_TRANSFORMS_PASSES_H
