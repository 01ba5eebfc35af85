//===- GeneratedTorchOps.h - aten ops from PyTorch's registry ---*- C++ -*-===//
//
// The typed aten ops (torch.aten.*) generated from PyTorch's operator
// registry. A large header: include it only where typed aten ops are used;
// generic code names ops by their schema key (Torch::getOpKey).
//
//===----------------------------------------------------------------------===//

#ifndef TORCH_ONNX_DIALECT_TORCH_IR_GENERATEDTORCHOPS_H
#define TORCH_ONNX_DIALECT_TORCH_IR_GENERATEDTORCHOPS_H

#include "torch-onnx/Dialect/Torch/IR/TorchDialect.h"

#define GET_OP_CLASSES
#include "torch-onnx/Dialect/Torch/IR/GeneratedTorchOps.h.inc"

#endif // TORCH_ONNX_DIALECT_TORCH_IR_GENERATEDTORCHOPS_H
