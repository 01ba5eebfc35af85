//===- TorchValues.cpp - c10 types and values -> torch dialect ------------===//
//
// Shared by the TorchScript and torch.export importers: libtorch's types,
// dtypes and constant values (IValues, tensors) as torch dialect types and
// constant ops.
//
//===----------------------------------------------------------------------===//

#include "TorchValues.h"

#include "torch-onnx/Dialect/Torch/IR/ScalarTypes.h"
#include "torch-onnx/Dialect/Torch/IR/TorchDialect.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Verifier.h"

using namespace mlir;
using namespace mlir::Torch;

FailureOr<Type> TorchValueBuilder::importDtype(c10::ScalarType st,
                                               Location loc) {
  // c10's enumerators are the ScalarType codes of ScalarTypes.def.
  if (Type t = getTypeForScalarTypeCode(ctx, static_cast<int64_t>(st)))
    return t;
  return emitError(loc) << "unsupported tensor dtype " << c10::toString(st);
}

FailureOr<Type> TorchValueBuilder::importType(const c10::TypePtr &type,
                                              Location loc) {
  using K = c10::TypeKind;
  switch (type->kind()) {
  case K::TensorType: {
    auto t = type->expect<c10::TensorType>();
    std::optional<SmallVector<int64_t>> sizes;
    if (auto s = t->sizes().sizes()) {
      sizes.emplace();
      for (const auto &d : *s)
        sizes->push_back(d ? *d : -1);
    }
    Type dtype;
    if (auto st = t->scalarType()) {
      auto d = importDtype(*st, loc);
      if (failed(d))
        return failure();
      dtype = *d;
    }
    if (sizes)
      return Type(
          NonValueTensorType::get(ctx, ArrayRef<int64_t>(*sizes), dtype));
    return Type(NonValueTensorType::get(ctx, std::nullopt, dtype));
  }
  case K::IntType:
    return Type(IntType::get(ctx));
  case K::FloatType:
    return Type(Torch::FloatType::get(ctx));
  case K::BoolType:
    return Type(BoolType::get(ctx));
  case K::StringType:
    return Type(StringType::get(ctx));
  case K::NoneType:
    return Type(Torch::NoneType::get(ctx));
  case K::DeviceObjType:
    return Type(DeviceType::get(ctx));
  case K::NumberType:
    return Type(NumberType::get(ctx));
  case K::GeneratorType:
    return Type(GeneratorType::get(ctx));
  case K::AnyType:
    return Type(Torch::AnyType::get(ctx));
  case K::ListType: {
    auto e = importType(type->expect<c10::ListType>()->getElementType(), loc);
    if (failed(e))
      return failure();
    return Type(ListType::get(ctx, *e));
  }
  case K::OptionalType: {
    auto e =
        importType(type->expect<c10::OptionalType>()->getElementType(), loc);
    if (failed(e))
      return failure();
    return Type(OptionalType::get(ctx, *e));
  }
  case K::TupleType: {
    SmallVector<Type> elts;
    for (const auto &e : type->expect<c10::TupleType>()->elements()) {
      auto t = importType(e, loc);
      if (failed(t))
        return failure();
      elts.push_back(*t);
    }
    return Type(Torch::TupleType::get(ctx, elts));
  }
  case K::DictType: {
    auto d = type->expect<c10::DictType>();
    auto k = importType(d->getKeyType(), loc);
    auto v = importType(d->getValueType(), loc);
    if (failed(k) || failed(v))
      return failure();
    return Type(DictType::get(ctx, *k, *v));
  }
  default:
    return emitError(loc) << "unsupported TorchScript type '"
                          << type->repr_str() << "'";
  }
}

/// Empty when `tensor`'s view lies inside its storage; otherwise what is
/// wrong. A truncated or edited archive can leave a storage shorter than a
/// view on it: libtorch would read past it (freezing compares constants,
/// our import copies them).
std::string mlir::Torch::checkViewInStorage(const at::Tensor &tensor) {
  if (!tensor.defined() || tensor.numel() == 0 || !tensor.has_storage() ||
      tensor.is_quantized() || tensor.is_sparse())
    return "";
  uint64_t last = tensor.storage_offset();
  bool negative = tensor.storage_offset() < 0;
  std::string shape;
  for (int64_t d = 0; d < tensor.dim(); ++d) {
    negative |= tensor.stride(d) < 0 || tensor.size(d) < 0;
    last += uint64_t(tensor.size(d) - 1) * uint64_t(tensor.stride(d));
    shape += (d ? "x" : "") + std::to_string(tensor.size(d));
  }
  uint64_t need = (last + 1) * uint64_t(tensor.element_size());
  if (!tensor.storage().data())
    return "a tensor of shape [" + shape +
           "] has no data (an empty or missing weight record: a truncated "
           "or edited archive?); save the model again";
  if (!negative && need <= tensor.storage().nbytes())
    return "";
  return "a tensor of shape [" + shape + "] needs " + std::to_string(need) +
         " bytes of its storage, which holds " +
         std::to_string(tensor.storage().nbytes()) +
         " (a truncated or edited archive?); save the model again";
}

FailureOr<Value> TorchValueBuilder::importTensor(const at::Tensor &tensor,
                                                 Location loc) {
  if (std::string e = checkViewInStorage(tensor); !e.empty())
    return emitError(loc) << e;
  at::Tensor t = tensor.contiguous();
  if (t.is_quantized() || t.is_sparse() || !t.device().is_cpu())
    return emitError(loc)
           << "unsupported tensor constant (quantized, sparse or "
              "not on the CPU)";
  auto dtype = importDtype(t.scalar_type(), loc);
  if (failed(dtype))
    return failure();
  SmallVector<int64_t> shape(t.sizes().begin(), t.sizes().end());
  auto shaped = RankedTensorType::get(shape, *dtype);
  ElementsAttr attr;
  size_t bytes = t.numel() * t.element_size();
  if (dtype->isInteger(1)) {
    SmallVector<bool> vals;
    const bool *p = t.data_ptr<bool>();
    vals.assign(p, p + t.numel());
    attr = DenseElementsAttr::get(shaped, vals);
  } else {
    // The blob references the tensor's storage; the deleter holds a reference
    // to the tensor so the storage outlives the attribute.
    auto *keep = new at::Tensor(t);
    ArrayRef<char> data(static_cast<const char *>(keep->data_ptr()), bytes);
    AsmResourceBlob blob(
        data, alignof(double), [keep](void *, size_t, size_t) { delete keep; },
        /*dataIsMutable=*/false);
    attr =
        DenseResourceElementsAttr::get(shaped, nextBlobName(), std::move(blob));
  }
  auto resultType =
      NonValueTensorType::get(ctx, ArrayRef<int64_t>(shape), *dtype);
  return TensorLiteralOp::create(b, loc, resultType, attr).getResult();
}

FailureOr<Value> TorchValueBuilder::importIValue(const c10::IValue &v,
                                                 const c10::TypePtr &type,
                                                 Location loc) {
  if (v.isNone())
    return ConstantNoneOp::create(b, loc, Torch::NoneType::get(ctx))
        .getResult();
  if (v.isBool())
    return ConstantBoolOp::create(b, loc, BoolType::get(ctx),
                                  b.getBoolAttr(v.toBool()))
        .getResult();
  if (v.isInt())
    return ConstantIntOp::create(b, loc, IntType::get(ctx),
                                 b.getI64IntegerAttr(v.toInt()))
        .getResult();
  if (v.isDouble())
    return ConstantFloatOp::create(b, loc, Torch::FloatType::get(ctx),
                                   b.getF64FloatAttr(v.toDouble()))
        .getResult();
  if (v.isString())
    return ConstantStrOp::create(b, loc, StringType::get(ctx),
                                 b.getStringAttr(v.toStringRef()))
        .getResult();
  if (v.isDevice())
    return ConstantDeviceOp::create(b, loc, DeviceType::get(ctx),
                                    b.getStringAttr(v.toDevice().str()))
        .getResult();
  if (v.isTensor())
    return importTensor(v.toTensor(), loc);
  if (v.isList()) {
    auto listType = type->cast<c10::ListType>();
    c10::TypePtr eltType =
        listType ? listType->getElementType() : v.toList().elementType();
    SmallVector<Value> elts;
    for (const c10::IValue &e : v.toListRef()) {
      auto ev = importIValue(e, eltType, loc);
      if (failed(ev))
        return failure();
      elts.push_back(*ev);
    }
    auto mt = importType(c10::ListType::create(eltType), loc);
    if (failed(mt))
      return failure();
    return PrimListConstructOp::create(b, loc, *mt, elts).getResult();
  }
  if (v.isTuple()) {
    SmallVector<Value> elts;
    SmallVector<Type> types;
    for (const c10::IValue &e : v.toTupleRef().elements()) {
      auto ev = importIValue(e, e.type(), loc);
      if (failed(ev))
        return failure();
      elts.push_back(*ev);
      types.push_back(ev->getType());
    }
    return PrimTupleConstructOp::create(b, loc,
                                        Torch::TupleType::get(ctx, types), elts)
        .getResult();
  }
  return emitError(loc) << "unsupported constant of type " << v.tagKind();
}

Operation *TorchValueBuilder::createGeneratedOp(StringRef qualifiedName,
                                                ValueRange operands,
                                                TypeRange resultTypes,
                                                Location loc) {
  if (!qualifiedName.consume_front("aten::"))
    return nullptr;
  std::string mnemonic = ("torch.aten." + qualifiedName).str();
  OperationName registered(mnemonic, ctx);
  if (!registered.isRegistered())
    return nullptr;
  OperationState state(loc, registered);
  state.addOperands(operands);
  state.addTypes(resultTypes);
  Operation *op = b.create(state);
  // A node that does not fit the generated signature (e.g. a type the schema
  // allows through a subtype we do not model) is left to the caller, which
  // keeps it as a torch.operator instead of failing the import.
  ScopedDiagnosticHandler silence(ctx, [](Diagnostic &) { return success(); });
  if (succeeded(mlir::verify(op, /*verifyRecursively=*/false)))
    return op;
  op->erase();
  return nullptr;
}
