//===- Quantized.h - quantized TorchScript ops -> Q/DQ form ------*- C++
//-*-===//
//
// Rewrites an eager-mode quantized model's frozen graph (quantized::conv2d,
// packed weights, quantized tensors) into float ops between
// quantized_decomposed quantize/dequantize ops before import.
//
//===----------------------------------------------------------------------===//

#ifndef TORCH_ONNX_LIB_TARGET_TORCHSCRIPT_QUANTIZED_H
#define TORCH_ONNX_LIB_TARGET_TORCHSCRIPT_QUANTIZED_H

#include <optional>
#include <string>

namespace torch::jit {
struct Graph;
struct Node;
} // namespace torch::jit

namespace mlir::Torch {

/// Why a node of a quantized graph cannot be rewritten.
struct QuantizedRewriteError {
  const torch::jit::Node *node;
  std::string message;
};

/// Rewrites the quantized ops of `graph` (see Quantized.cpp); nothing when it
/// has none.
std::optional<QuantizedRewriteError>
rewriteQuantizedOps(torch::jit::Graph &graph);

} // namespace mlir::Torch

#endif // TORCH_ONNX_LIB_TARGET_TORCHSCRIPT_QUANTIZED_H
