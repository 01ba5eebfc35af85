// Lowerings with an older-opset form: scatter_add before ScatterElements'
// add reduction (16) as a one-hot selection summed (exact with repeated
// indices; the index is narrower than x, so the sum is padded), and
// softmax of a 0-d tensor before opset 13.
// RUN: torch-onnx-opt %s --split-input-file --torch-refine-types --convert-torch-to-onnx=opset=11 | FileCheck %s

// CHECK-LABEL: func.func @main_graph(
// CHECK-NOT: onnx.ScatterElements
// CHECK: %[[OH:.*]] = onnx.OneHot(%arg1, {{.*}}) {axis = 2 : i64}
// CHECK: %[[HIT:.*]] = onnx.Cast(%[[OH]]) {to = 9 : i64}
// CHECK: %[[S:.*]] = onnx.Unsqueeze{{.*}}(%arg2) {axes = [2]}
// CHECK: %[[W:.*]] = onnx.Where(%[[HIT]], %[[S]],
// CHECK: %[[SUM:.*]] = onnx.ReduceSum{{.*}}(%[[W]]) {axes = [1], keepdims = 0 : i64}
// CHECK: %[[P:.*]] = onnx.Pad(%[[SUM]], %{{.*}}) {mode_ = "constant"}
// CHECK: %[[A:.*]] = onnx.Add(%arg0, %[[P]])
// CHECK: onnx.Identity(%[[A]]) {{.*}}tensor<3x6xf32>
func.func @forward(%x: !torch.vtensor<[3,6],f32> {torch.name = "x"}, %i: !torch.vtensor<[2,3],si64> {torch.name = "i"}, %s: !torch.vtensor<[2,3],f32> {torch.name = "s"}) -> !torch.vtensor {
  %c1 = torch.constant.int 1
  %r = torch.operator "aten::scatter_add"(%x, %c1, %i, %s) : (!torch.vtensor<[3,6],f32>, !torch.int, !torch.vtensor<[2,3],si64>, !torch.vtensor<[2,3],f32>) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// CHECK-LABEL: func.func @main_graph(
// CHECK: %[[U:.*]] = onnx.Unsqueeze{{.*}}(%arg0)
// CHECK: %[[S:.*]] = onnx.Softmax{{.*}}(%[[U]]) {axis = 0 : i64}
// CHECK: %[[R:.*]] = onnx.Squeeze{{.*}}(%[[S]]) {{.*}}tensor<f32>
// CHECK: return %[[R]]
func.func @forward(%x: !torch.vtensor<[],f32> {torch.name = "x"}) -> !torch.vtensor {
  %c0 = torch.constant.int 0
  %none = torch.constant.none
  %r = torch.operator "aten::softmax.int"(%x, %c0, %none) : (!torch.vtensor<[],f32>, !torch.int, !torch.none) -> !torch.vtensor
  return %r : !torch.vtensor
}
