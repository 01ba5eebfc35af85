//===- Opset.h - The ONNX opset range torch-onnx supports -------*- C++ -*-===//
//
// The one place that says which default-domain (ai.onnx) opsets the toolkit
// handles. The ONNX dialect is generated from the schemas of the ONNX release
// utils/gen_onnx_ops.py reads (libonnx 1.12: opsets up to 17); the importer,
// the exporter, the torch->onnx conversion and the drivers take their limits
// from here.
//
//===----------------------------------------------------------------------===//

#ifndef TORCH_ONNX_DIALECT_ONNX_IR_OPSET_H
#define TORCH_ONNX_DIALECT_ONNX_IR_OPSET_H

#include <cstdint>

namespace mlir::ONNX {

/// The newest default-domain opset the generated ops cover.
inline constexpr int64_t kMaxOpset = 17;
/// The oldest default-domain opset a model may import.
inline constexpr int64_t kMinImportOpset = 1;
/// The oldest opset torch->onnx conversion targets (what torch.onnx's
/// TorchScript exporter supports at its low end).
inline constexpr int64_t kMinExportOpset = 9;
/// The target opset when none is given, and the opset a module without an
/// opset_import is written with.
inline constexpr int64_t kDefaultOpset = kMaxOpset;

} // namespace mlir::ONNX

#endif // TORCH_ONNX_DIALECT_ONNX_IR_OPSET_H
