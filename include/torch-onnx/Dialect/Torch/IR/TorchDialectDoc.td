//===- TorchDialectDoc.td - the whole torch dialect, for its docs -*- tablegen -*-===//
//
// The hand-written and the generated ops together: only the dialect
// reference (docs/Dialects/TorchDialect.md) is generated from this unit.
//
//===----------------------------------------------------------------------===//

include "torch-onnx/Dialect/Torch/IR/TorchOps.td"
include "torch-onnx/Dialect/Torch/IR/GeneratedTorchOps.td"
