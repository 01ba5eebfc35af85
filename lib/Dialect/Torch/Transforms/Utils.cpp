//===- Utils.cpp - Helpers for reading torch-dialect IR -------------------===//

#include "torch-onnx/Dialect/Torch/Utils/Utils.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/BuiltinTypes.h"

using namespace mlir;
using namespace mlir::Torch;

Type mlir::Torch::getDefaultDtype(Operation *op) {
  auto m =
      isa<ModuleOp>(op) ? cast<ModuleOp>(op) : op->getParentOfType<ModuleOp>();
  if (m)
    if (auto t = m->getAttrOfType<TypeAttr>(kDefaultDtypeAttr))
      return t.getValue();
  return Float32Type::get(op->getContext());
}

Type mlir::Torch::withInfo(Type like, const TensorInfo &info) {
  std::optional<ArrayRef<int64_t>> sizes;
  if (info.sizes)
    sizes = ArrayRef<int64_t>(*info.sizes);
  if (isa<NonValueTensorType>(like))
    return NonValueTensorType::get(like.getContext(), sizes, info.dtype);
  return ValueTensorType::get(like.getContext(), sizes, info.dtype);
}

TensorInfo TensorInfo::of(Type t) {
  TensorInfo info;
  if (auto v = dyn_cast<ValueTensorType>(t)) {
    if (auto s = v.getOptionalSizes())
      info.sizes = llvm::SmallVector<int64_t>(s->begin(), s->end());
    info.dtype = v.getDtype();
  } else if (auto nv = dyn_cast<NonValueTensorType>(t)) {
    if (auto s = nv.getOptionalSizes())
      info.sizes = llvm::SmallVector<int64_t>(s->begin(), s->end());
    info.dtype = nv.getDtype();
  }
  return info;
}
