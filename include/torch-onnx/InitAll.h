//===- InitAll.h - Register every torch-onnx dialect and pass ---*- C++ -*-===//

#ifndef TORCH_ONNX_INITALL_H
#define TORCH_ONNX_INITALL_H

#include "mlir/IR/DialectRegistry.h"

namespace mlir::torch_onnx {

/// The project's dialects plus the upstream ones its pipelines use.
void registerAllDialects(DialectRegistry &registry);

/// The project's passes and pipelines plus the upstream ones they reuse.
void registerAllPasses();

/// The ONNX, TorchScript and torch.export translations of
/// torch-onnx-translate (in the TorchONNXInitAllTranslations library, which
/// links libtorch).
void registerAllTranslations();

} // namespace mlir::torch_onnx

#endif // TORCH_ONNX_INITALL_H
