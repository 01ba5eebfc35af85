//===- Utils.h - Helpers for reading torch-dialect IR ----------*- C++ -*-===//
//
// Constant matching (ints, floats, bools, int lists) and dtype helpers shared
// by the torch passes and the torch->onnx conversion.
//
//===----------------------------------------------------------------------===//

#ifndef TORCH_ONNX_DIALECT_TORCH_UTILS_UTILS_H
#define TORCH_ONNX_DIALECT_TORCH_UTILS_UTILS_H

#include "torch-onnx/Dialect/Torch/IR/ScalarTypes.h"
#include "torch-onnx/Dialect/Torch/IR/TorchDialect.h"

#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace mlir::Torch {

inline std::optional<int64_t> getConstantInt(Value v) {
  if (auto c = v.getDefiningOp<ConstantIntOp>())
    return c.getValue();
  if (auto c = v.getDefiningOp<ConstantBoolOp>())
    return c.getValue() ? 1 : 0;
  return std::nullopt;
}

inline std::optional<double> getConstantFloat(Value v) {
  if (auto c = v.getDefiningOp<ConstantFloatOp>())
    return c.getValue().convertToDouble();
  if (auto i = getConstantInt(v))
    return static_cast<double>(*i);
  return std::nullopt;
}

inline std::optional<bool> getConstantBool(Value v) {
  if (auto c = v.getDefiningOp<ConstantBoolOp>())
    return c.getValue();
  return std::nullopt;
}

inline bool isConstantNone(Value v) {
  return !v || isa<Torch::NoneType>(v.getType());
}

/// The elements of a `prim.ListConstruct` of constant ints (or a single int,
/// which TorchScript broadcasts for `int[2]` arguments when `splat` > 0).
inline std::optional<llvm::SmallVector<int64_t>>
getConstantIntList(Value v, unsigned splat = 0) {
  if (auto i = getConstantInt(v); i && splat)
    return llvm::SmallVector<int64_t>(splat, *i);
  auto list = v.getDefiningOp<PrimListConstructOp>();
  if (!list)
    return std::nullopt;
  llvm::SmallVector<int64_t> out;
  for (Value e : list.getElements()) {
    auto i = getConstantInt(e);
    if (!i)
      return std::nullopt;
    out.push_back(*i);
  }
  return out;
}

/// The element values of a `prim.ListConstruct`, if `v` is one.
inline std::optional<llvm::SmallVector<Value>> getListElements(Value v) {
  auto list = v.getDefiningOp<PrimListConstructOp>();
  if (!list)
    return std::nullopt;
  return llvm::SmallVector<Value>(list.getElements().begin(),
                                  list.getElements().end());
}

/// The schema key of a torch-dialect op as the passes' tables name it:
/// "aten.add.Tensor" for torch.aten.add.Tensor, "prim.ListUnpack" for
/// torch.prim.ListUnpack, "aten.amax" for torch.operator "aten::amax".
inline std::string getOpKey(Operation *op) {
  if (auto o = dyn_cast<OperatorOp>(op)) {
    std::string n = o.getName().str();
    size_t p = n.find("::");
    if (p != std::string::npos)
      n.replace(p, 2, ".");
    return n;
  }
  StringRef n = op->getName().getStringRef();
  n.consume_front("torch.");
  return n.str();
}

/// The op name of a split-like op, with the unsafe_ variants (what traced
/// recurrent cells use) named as their safe twins: "torch.aten.chunk" for
/// aten::unsafe_chunk; the op's own name otherwise.
inline std::string getSplitOpName(Operation *op) {
  std::string key = getOpKey(op);
  if (key == "aten.unsafe_chunk")
    return "torch.aten.chunk";
  if (key == "aten.unsafe_split.Tensor")
    return "torch.aten.split.Tensor";
  if (key == "aten.unsafe_split_with_sizes")
    return "torch.aten.split_with_sizes";
  return op->getName().getStringRef().str();
}

/// True for the name of an in-place operator ("aten::relu_",
/// "torch.aten.add_.t"): its base name ends in one '_' (not a dunder).
inline bool isInPlaceOpName(StringRef name) {
  name.consume_front("torch.");
  StringRef base =
      name.contains("::") ? name.split("::").second : name.split('.').second;
  base = base.split('.').first;
  return base.ends_with("_") && !base.ends_with("__");
}

// PyTorch ScalarType codes <-> MLIR element types: getTypeForScalarTypeCode
// and getScalarTypeCode (ScalarTypes.h).

/// The module attribute that records torch.get_default_dtype() of the
/// exporting process (a TypeAttr); absent means float32.
constexpr StringLiteral kDefaultDtypeAttr = "torch.default_dtype";

/// The dtype a Python float, a float factory without dtype= and a true
/// division of integers get: the enclosing module's kDefaultDtypeAttr, or f32.
Type getDefaultDtype(Operation *op);

/// Sizes (nullopt = unknown rank) and dtype (null = unknown) of a tensor type.
struct TensorInfo {
  std::optional<llvm::SmallVector<int64_t>> sizes;
  Type dtype;
  static TensorInfo of(Type t);
  bool hasRank() const { return sizes.has_value(); }
};

/// A tensor type of `like`'s kind (value or non-value tensor) with `info`'s
/// sizes and dtype.
Type withInfo(Type like, const TensorInfo &info);

/// The recurrent layers over packed sequences (data, batch_sizes, hx, ...):
/// "aten.lstm.data", "aten.gru.data", "aten.rnn_tanh.data",
/// "aten.rnn_relu.data".
inline bool isPackedRNNKey(StringRef key) {
  return key == "aten.lstm.data" || key == "aten.gru.data" ||
         key == "aten.rnn_tanh.data" || key == "aten.rnn_relu.data";
}

} // namespace mlir::Torch

#endif // TORCH_ONNX_DIALECT_TORCH_UTILS_UTILS_H
