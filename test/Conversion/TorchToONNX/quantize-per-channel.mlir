// quantize_per_channel (PT2E's per-channel quantization of a float tensor):
// QuantizeLinear with an axis, which exists from opset 13.
// RUN: torch-onnx-opt %s --torch-refine-types --convert-torch-to-onnx=opset=13 | FileCheck %s
// RUN: not torch-onnx-opt %s --torch-refine-types --convert-torch-to-onnx=opset=11 2>&1 | FileCheck %s --check-prefix=O11

// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[W:.*]]: tensor<3x4xf32>
// CHECK: %[[Z:.*]] = onnx.Cast(%{{.*}}) {to = 3 : i64} : (tensor<3xi64>) -> tensor<3xi8>
// CHECK: %[[Q:.*]] = onnx.QuantizeLinear(%[[W]], %{{.*}}, %[[Z]]) {axis = 0 : i64} : (tensor<3x4xf32>, tensor<3xf32>, tensor<3xi8>) -> tensor<3x4xi8>
// CHECK: return %[[Q]]
// O11: error: 'quantized_decomposed.quantize_per_channel' cannot be exported to ONNX opset 11: it needs opset 13 or later
func.func @forward(%w: !torch.vtensor<[3,4],f32> {torch.name = "w"}) -> !torch.vtensor {
  %scales = torch.tensor.literal(dense<[1.0e-01, 2.0e-01, 3.0e-01]> : tensor<3xf32>) : !torch.vtensor<[3],f32>
  %zps = torch.tensor.literal(dense<[0, 1, -1]> : tensor<3xsi64>) : !torch.vtensor<[3],si64>
  %axis = torch.constant.int 0
  %lo = torch.constant.int -128
  %hi = torch.constant.int 127
  %i8 = torch.constant.int 1
  %q = torch.operator "quantized_decomposed::quantize_per_channel"(%w, %scales, %zps, %axis, %lo, %hi, %i8) : (!torch.vtensor<[3,4],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],si64>, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.vtensor
  return %q : !torch.vtensor
}
