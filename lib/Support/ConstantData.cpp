//===- ConstantData.cpp - Raw bytes of constant tensors -------------------===//

#include "torch-onnx/Support/ConstantData.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"

using namespace mlir;

std::optional<ArrayRef<char>>
torch_onnx::getRawConstantBytes(ElementsAttr attr) {
  if (auto dense = dyn_cast<DenseIntOrFPElementsAttr>(attr)) {
    if (dense.isSplat())
      return std::nullopt;
    return dense.getRawData();
  }
  if (auto res = dyn_cast<DenseResourceElementsAttr>(attr))
    if (const AsmResourceBlob *blob = res.getRawHandle().getBlob())
      return blob->getData();
  return std::nullopt;
}
