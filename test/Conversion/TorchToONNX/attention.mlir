// aten.scaled_dot_product_attention: Softmax(q @ k^T * scale (+ mask)) @ v,
// scale 1/sqrt(E) by default; is_causal builds its mask with Range (11+).
// RUN: torch-onnx-opt %s --split-input-file --torch-refine-types --convert-torch-to-onnx=opset=17 | FileCheck %s
// RUN: torch-onnx-opt %s --split-input-file --torch-refine-types --convert-torch-to-onnx=opset=9 --verify-diagnostics | FileCheck %s --check-prefix=O9

// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[Q:[^:]*]]: tensor<2x4x5x16xf32>{{.*}}, %[[K:[^:]*]]: tensor<2x4x7x16xf32>{{.*}}, %[[V:[^:]*]]: tensor<2x4x7x8xf32>{{.*}}, %[[M:[^:]*]]: tensor<5x7xi1>
// CHECK: %[[SCALE:.*]] = onnx.Initializer {{.*}} = dense<2.500000e-01> : tensor<f32>
// CHECK: %[[KT:.*]] = onnx.Transpose(%[[K]]) {perm = [0, 1, 3, 2]}
// CHECK: %[[QK:.*]] = onnx.MatMul(%[[Q]], %[[KT]])
// CHECK: %[[S:.*]] = onnx.Mul(%[[QK]], %[[SCALE]])
// CHECK: %[[MASKED:.*]] = onnx.Where(%[[M]], %[[S]], %{{.*}})
// CHECK: %[[P:.*]] = onnx.Softmax(%[[MASKED]]) {axis = -1 : i64}
// CHECK: %[[R:.*]] = onnx.MatMul(%[[P]], %[[V]]) {{.*}}tensor<2x4x5x8xf32>
// CHECK: return %[[R]]
// O9: onnx.SoftmaxV1({{.*}}) {axis = 3 : i64}
func.func @forward(%q: !torch.vtensor<[2,4,5,16],f32> {torch.name = "q"}, %k: !torch.vtensor<[2,4,7,16],f32> {torch.name = "k"}, %v: !torch.vtensor<[2,4,7,8],f32> {torch.name = "v"}, %m: !torch.vtensor<[5,7],i1> {torch.name = "m"}) -> !torch.vtensor {
  %zero = torch.constant.float 0.000000e+00
  %false = torch.constant.bool false
  %none = torch.constant.none
  %r = torch.aten.scaled_dot_product_attention %q, %k, %v, %m, %zero, %false, %none, %false : (!torch.vtensor<[2,4,5,16],f32>, !torch.vtensor<[2,4,7,16],f32>, !torch.vtensor<[2,4,7,8],f32>, !torch.vtensor<[5,7],i1>, !torch.float, !torch.bool, !torch.none, !torch.bool) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// CHECK-LABEL: func.func @main_graph(
// CHECK: %[[ROWS:.*]] = onnx.Range
// CHECK: %[[COLS:.*]] = onnx.Range
// CHECK: %[[HIDE:.*]] = onnx.Greater(%[[COLS]], %{{.*}})
// CHECK: onnx.Where(%[[HIDE]],
func.func @forward(%q: !torch.vtensor<[2,?,16],f32> {torch.name = "q"}) -> !torch.vtensor {
  %zero = torch.constant.float 0.000000e+00
  %true = torch.constant.bool true
  %false = torch.constant.bool false
  %none = torch.constant.none
  // expected-error @+1 {{cannot convert 'aten.scaled_dot_product_attention' to ONNX opset 9: is_causal needs opset 11 (Range builds the mask)}}
  %r = torch.aten.scaled_dot_product_attention %q, %q, %q, %none, %zero, %true, %none, %false : (!torch.vtensor<[2,?,16],f32>, !torch.vtensor<[2,?,16],f32>, !torch.vtensor<[2,?,16],f32>, !torch.none, !torch.float, !torch.bool, !torch.none, !torch.bool) -> !torch.vtensor
  return %r : !torch.vtensor
}
