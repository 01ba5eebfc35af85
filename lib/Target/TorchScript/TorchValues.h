//===- TorchValues.h - c10 types and values -> torch dialect ----*- C++ -*-===//
//
// Shared by the TorchScript and torch.export (.pt2) importers.
//
//===----------------------------------------------------------------------===//

#ifndef TORCH_ONNX_LIB_TARGET_TORCHSCRIPT_TORCHVALUES_H
#define TORCH_ONNX_LIB_TARGET_TORCHSCRIPT_TORCHVALUES_H

#include "mlir/IR/Builders.h"

#include <ATen/core/ivalue.h>
#include <ATen/core/jit_type.h>

#include <string>

namespace mlir::Torch {

/// Builds torch dialect types from c10 types and constant ops from IValues at
/// the insertion point of the builder it is given. Tensor constants become
/// resource blobs named `torch_tensor_N` that reference the tensor's storage.
class TorchValueBuilder {
public:
  explicit TorchValueBuilder(OpBuilder &b) : b(b), ctx(b.getContext()) {}

  FailureOr<Type> importType(const c10::TypePtr &type, Location loc);
  FailureOr<Type> importDtype(c10::ScalarType st, Location loc);
  FailureOr<Value> importIValue(const c10::IValue &v, const c10::TypePtr &type,
                                Location loc);
  FailureOr<Value> importTensor(const at::Tensor &t, Location loc);
  /// The generated op of `qualifiedName` (`aten::add.Tensor`), created when
  /// it is registered and the operands and results fit its signature;
  /// otherwise null (nothing is left behind).
  Operation *createGeneratedOp(StringRef qualifiedName, ValueRange operands,
                               TypeRange resultTypes, Location loc);
  /// A fresh name for a tensor blob.
  std::string nextBlobName() {
    return "torch_tensor_" + std::to_string(tensorCounter++);
  }

private:
  OpBuilder &b;
  MLIRContext *ctx;
  unsigned tensorCounter = 0;
};

/// Empty when `tensor`'s view lies inside its storage; otherwise what is
/// wrong (a truncated or edited archive can leave a storage shorter than a
/// view on it).
std::string checkViewInStorage(const at::Tensor &tensor);

} // namespace mlir::Torch

#endif // TORCH_ONNX_LIB_TARGET_TORCHSCRIPT_TORCHVALUES_H
