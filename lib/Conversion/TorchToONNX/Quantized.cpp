//===- Quantized.cpp - quantize/dequantize ops -> ONNX QDQ ----------------===//
//
// PyTorch's decomposed quantization ops (quantized_decomposed::*, what PT2E
// quantization writes and what the TorchScript importer rewrites eager-mode
// quantized kernels into) -> QuantizeLinear / DequantizeLinear. A quantized
// model becomes float ops between QuantizeLinear/DequantizeLinear pairs (the
// QDQ form ONNX Runtime fuses into integer kernels). Per-channel
// DequantizeLinear needs opset 13; before it a per-channel dequantize is
// (float(q) - zero_point) * scale with the parameters broadcast along the
// axis.
//
//===----------------------------------------------------------------------===//

#include "Emitter.h"

#include "torch-onnx/Dialect/Torch/Utils/Utils.h"

using namespace mlir;
using namespace mlir::torch_onnx;

namespace {

/// The 8-bit integer type QuantizeLinear writes, or null.
IntegerType eightBit(Type t) {
  auto it = dyn_cast_or_null<IntegerType>(t);
  return it && it.getWidth() == 8 ? it : IntegerType();
}

/// quantize_per_tensor(x, scale, zero_point, quant_min, quant_max, dtype):
/// QuantizeLinear, after a Clip where [quant_min, quant_max] is narrower
/// than the dtype's range.
bool lowerQuantizePerTensor(Emitter &e) {
  auto scale = e.constFloat(1, "scale");
  auto zp = e.constInt(2, "zero_point");
  auto qmin = e.constInt(3, "quant_min"), qmax = e.constInt(4, "quant_max");
  if (!scale || !zp || !qmin || !qmax)
    return false;
  IntegerType q = eightBit(e.resultElem());
  if (!q)
    return e.fail("quantize_per_tensor to a dtype other than uint8 or int8 "
                  "has no ONNX form (QuantizeLinear writes 8-bit integers)");
  Type f32 = e.rw.getF32Type();
  Value x = e.castIfNeeded(e.in(0), f32);
  int64_t lo = q.isUnsigned() ? 0 : -128, hi = q.isUnsigned() ? 255 : 127;
  if (*qmin > lo || *qmax < hi)
    x = e.clip(x, (*qmin - *zp) * *scale, (*qmax - *zp) * *scale);
  Value r = e.n1("QuantizeLinear", {x, e.scalar(*scale, f32), e.scalar(*zp, q)},
                 {}, e.resultType());
  return r && e.done(r);
}

/// quantize_per_channel(x, scales, zero_points, axis, quant_min, quant_max,
/// dtype): QuantizeLinear with an axis (opset 13).
bool lowerQuantizePerChannel(Emitter &e) {
  auto axis = e.dimArg(3, e.in(0));
  auto qmin = e.constInt(4, "quant_min"), qmax = e.constInt(5, "quant_max");
  if (!axis || !qmin || !qmax)
    return false;
  IntegerType q = eightBit(e.resultElem());
  if (!q)
    return e.fail("quantize_per_channel to a dtype other than uint8 or int8 "
                  "has no ONNX form (QuantizeLinear writes 8-bit integers)");
  int64_t lo = q.isUnsigned() ? 0 : -128, hi = q.isUnsigned() ? 255 : 127;
  if (*qmin > lo || *qmax < hi)
    return e.fail("quantize_per_channel to a range narrower than its dtype's "
                  "has no ONNX form (QuantizeLinear saturates to the dtype)");
  Type f32 = e.rw.getF32Type();
  Value r = e.n1("QuantizeLinear",
                 {e.castIfNeeded(e.in(0), f32), e.castIfNeeded(e.in(1), f32),
                  e.castIfNeeded(e.in(2), q)},
                 {{"axis", e.i64(*axis)}}, e.resultType());
  return r && e.done(r);
}

/// dequantize_per_tensor(q, scale, zero_point, quant_min, quant_max, dtype):
/// DequantizeLinear (8-bit or int32 with zero point 0).
bool lowerDequantizePerTensor(Emitter &e) {
  auto scale = e.constFloat(1, "scale");
  auto zp = e.constInt(2, "zero_point");
  if (!scale || !zp)
    return false;
  Type qe = Emitter::elemOf(e.in(0));
  if (!eightBit(qe) && !(qe && qe.isInteger(32) && *zp == 0))
    return e.fail("DequantizeLinear reads uint8, int8 or int32 (with zero "
                  "point 0) tensors");
  Type f32 = e.rw.getF32Type();
  Value r = e.n1("DequantizeLinear",
                 {e.in(0), e.scalar(*scale, f32), e.scalar(*zp, qe)}, {},
                 e.resultType());
  return r && e.done(r);
}

/// dequantize_per_channel(q, scales, zero_points?, axis, quant_min,
/// quant_max, dtype).
bool lowerDequantizePerChannel(Emitter &e) {
  Value q = e.in(0);
  Type qe = Emitter::elemOf(q);
  auto axis = e.dimArg(3, q);
  std::optional<int64_t> rank = Emitter::rankOf(q);
  if (!axis || !rank)
    return false;
  Type f32 = e.rw.getF32Type();
  Value scales = e.castIfNeeded(e.in(1), f32);
  bool noZeroPoint = Torch::isConstantNone(e.orig(2));
  if (e.opset() >= 13) {
    if (!eightBit(qe) && !(qe && qe.isInteger(32)))
      return e.fail("DequantizeLinear reads uint8, int8 or int32 tensors");
    Value zps = noZeroPoint ? Value() : e.castIfNeeded(e.in(2), qe);
    Value r = e.n1("DequantizeLinear", {q, scales, zps},
                   {{"axis", e.i64(*axis)}}, e.resultType());
    return r && e.done(r);
  }
  // Before opset 13: the parameters broadcast along `axis`.
  SmallVector<int64_t> others;
  for (int64_t d = 0; d < *rank; ++d)
    if (d != *axis)
      others.push_back(d);
  auto alongAxis = [&](Value v) {
    return others.empty() ? v : e.unsqueeze(v, others);
  };
  Value r = e.cast(q, f32);
  if (!noZeroPoint)
    r = e.n1("Sub", {r, alongAxis(e.castIfNeeded(e.in(2), f32))});
  r = e.n1("Mul", {r, alongAxis(scales)}, {}, e.resultType());
  return r && e.done(r);
}

} // namespace

void mlir::torch_onnx::addQuantizedLowerings(std::vector<Lowering> &l) {
  LoweringAdder add(l);
  add("quantized_decomposed.quantize_per_tensor", 10, lowerQuantizePerTensor);
  add("quantized_decomposed.quantize_per_channel", 13, lowerQuantizePerChannel);
  add("quantized_decomposed.dequantize_per_tensor", 10,
      lowerDequantizePerTensor);
  add("quantized_decomposed.dequantize_per_channel", 10,
      lowerDequantizePerChannel);
}
