//===- Utils.cpp - Helpers for reading torch-dialect IR -------------------===//

#include "torch-onnx/Dialect/Torch/Utils/Utils.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/BuiltinTypes.h"

using namespace mlir;
using namespace mlir::Torch;

Type mlir::Torch::getTypeForScalarTypeCode(MLIRContext *ctx, int64_t code) {
  auto si = [&](unsigned w) {
    return IntegerType::get(ctx, w, IntegerType::Signed);
  };
  switch (code) {
  case 0:
    return IntegerType::get(ctx, 8, IntegerType::Unsigned);
  case 1:
    return si(8);
  case 2:
    return si(16);
  case 3:
    return si(32);
  case 4:
    return si(64);
  case 5:
    return Float16Type::get(ctx);
  case 6:
    return Float32Type::get(ctx);
  case 7:
    return Float64Type::get(ctx);
  case 11:
    return IntegerType::get(ctx, 1);
  case 15:
    return BFloat16Type::get(ctx);
  default:
    return {};
  }
}

std::optional<int64_t> mlir::Torch::getScalarTypeCode(Type type) {
  if (!type)
    return std::nullopt;
  for (int64_t code : {0, 1, 2, 3, 4, 5, 6, 7, 11, 15})
    if (getTypeForScalarTypeCode(type.getContext(), code) == type)
      return code;
  // Signless integers are the signed ones.
  if (auto it = dyn_cast<IntegerType>(type); it && it.isSignless())
    return getScalarTypeCode(IntegerType::get(
        type.getContext(), it.getWidth(),
        it.getWidth() == 1 ? IntegerType::Signless : IntegerType::Signed));
  return std::nullopt;
}

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
