// PyTorch's decomposed quantization ops (what quantized TorchScript kernels
// import as) -> QuantizeLinear / DequantizeLinear. A narrower
// [quant_min, quant_max] than the dtype's is a Clip before QuantizeLinear;
// per-channel DequantizeLinear has an axis from opset 13, and before it is
// (float(q) - zero_point) * scale with the parameters unsqueezed along the
// axis; opset 9 has no QuantizeLinear.
// RUN: torch-onnx-opt %s --torch-refine-types --convert-torch-to-onnx=opset=13 | FileCheck %s --check-prefix=O13
// RUN: torch-onnx-opt %s --torch-refine-types --convert-torch-to-onnx=opset=11 | FileCheck %s --check-prefix=O11
// RUN: not torch-onnx-opt %s --torch-refine-types --convert-torch-to-onnx=opset=9 2>&1 | FileCheck %s --check-prefix=O9

// O13-LABEL: func.func @main_graph(
// O13-SAME: %[[X:.*]]: tensor<2x4xf32>
// O13: %[[Z:.*]] = onnx.Initializer {{.*}} = dense<128> : tensor<ui8>
// O13-NEXT: %[[Q:.*]] = onnx.QuantizeLinear(%[[X]], %{{.*}}, %[[Z]]) {{.*}} : (tensor<2x4xf32>, tensor<f32>, tensor<ui8>) -> tensor<2x4xui8>
// O13: %[[DQ:.*]] = onnx.DequantizeLinear(%[[Q]], {{.*}}) {{.*}}tensor<2x4xf32>
// O13: %[[LO:.*]] = onnx.Initializer {{.*}} = dense<-6.400000e+00> : tensor<f32>
// O13: %[[HI:.*]] = onnx.Initializer {{.*}} = dense<-5.000000e-02> : tensor<f32>
// O13: %[[C:.*]] = onnx.Clip(%[[X]], %[[LO]], %[[HI]])
// O13: onnx.QuantizeLinear(%[[C]]
// O13: %[[W:.*]] = onnx.DequantizeLinear(%{{.*}}, %{{.*}}, %{{.*}}) {axis = 0 : i64{{.*}}tensor<3x4xf32>
// O13: return %[[DQ]], %{{.*}}, %[[W]]

// O11-LABEL: func.func @main_graph(
// O11: onnx.QuantizeLinearV10
// O11: onnx.DequantizeLinearV10
// O11-NOT: axis
// O11: %[[F:.*]] = onnx.Cast(%{{.*}}) {to = 1 : i64{{.*}}tensor<3x4xf32>
// O11: %[[ZU:.*]] = onnx.UnsqueezeV1
// O11: %[[SUB:.*]] = onnx.Sub(%[[F]], %[[ZU]])
// O11: %[[SU:.*]] = onnx.UnsqueezeV1
// O11: %[[W:.*]] = onnx.Mul(%[[SUB]], %[[SU]]) {{.*}}tensor<3x4xf32>
// O11: return %{{.*}}, %{{.*}}, %[[W]]

// O9: error: 'quantized_decomposed.quantize_per_tensor' cannot be exported to ONNX opset 9: it needs opset 10 or later
func.func @forward(%x: !torch.vtensor<[2,4],f32> {torch.name = "x"}, %w: !torch.vtensor<[3,4],si8> {torch.name = "w"}) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %scale = torch.constant.float 5.000000e-02
  %zp = torch.constant.int 128
  %lo = torch.constant.int 0
  %hi = torch.constant.int 255
  %hi7 = torch.constant.int 127
  %u8 = torch.constant.int 0
  %q = torch.operator "quantized_decomposed::quantize_per_tensor"(%x, %scale, %zp, %lo, %hi, %u8) : (!torch.vtensor<[2,4],f32>, !torch.float, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.vtensor
  %dq = torch.operator "quantized_decomposed::dequantize_per_tensor"(%q, %scale, %zp, %lo, %hi, %u8) : (!torch.vtensor, !torch.float, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.vtensor
  // A reduced range [0, 127] (reduce_range observers).
  %r = torch.operator "quantized_decomposed::quantize_per_tensor"(%x, %scale, %zp, %lo, %hi7, %u8) : (!torch.vtensor<[2,4],f32>, !torch.float, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.vtensor
  %scales = torch.tensor.literal(dense<[1.0e-01, 2.0e-01, 3.0e-01]> : tensor<3xf32>) : !torch.vtensor<[3],f32>
  %zps = torch.tensor.literal(dense<[0, 1, -1]> : tensor<3xsi64>) : !torch.vtensor<[3],si64>
  %axis = torch.constant.int 0
  %i8 = torch.constant.int 1
  %m128 = torch.constant.int -128
  %w_dq = torch.operator "quantized_decomposed::dequantize_per_channel"(%w, %scales, %zps, %axis, %m128, %hi7, %i8) : (!torch.vtensor<[3,4],si8>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],si64>, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.vtensor
  return %dq, %r, %w_dq : !torch.vtensor, !torch.vtensor, !torch.vtensor
}
