//===- Passes.h - conversion passes -----------------------------*- C++ -*-===//
//
// The dialect conversions: torch -> onnx (one opset) and onnx -> linalg.
// Code generation transforms are in Transforms/Passes.h, the named
// pipelines in Pipelines/Pipelines.h.
//
//===----------------------------------------------------------------------===//

#ifndef TORCH_ONNX_CONVERSION_PASSES_H
#define TORCH_ONNX_CONVERSION_PASSES_H

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
#include "torch-onnx/Dialect/ONNX/IR/ONNXDialect.h"
#include "torch-onnx/Dialect/ONNX/IR/Opset.h"

#include <string>
#include <vector>

namespace mlir::torch_onnx {
#define GEN_PASS_DECL
#include "torch-onnx/Conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "torch-onnx/Conversion/Passes.h.inc"

/// The torch ops ("aten.add.Tensor", "aten.amax") torch-to-onnx has a
/// lowering for at `opset` (what a frontend may leave undecomposed).
std::vector<std::string> getTorchToONNXLoweredOps(int64_t opset);

} // namespace mlir::torch_onnx

#endif // TORCH_ONNX_CONVERSION_PASSES_H
