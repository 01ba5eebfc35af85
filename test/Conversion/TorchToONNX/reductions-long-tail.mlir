// Reductions of the long tail (NN.cpp): nanmedian.dim as a sort (NaN last)
// and a gather at (count - 1) / 2 of the numbers, NaN where a row has none;
// all.dims over every dim.
// RUN: torch-onnx-opt %s --torch-refine-types --convert-torch-to-onnx=opset=17 --canonicalize | FileCheck %s

// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:.*]]: tensor<3x4xf32> {onnx.name = "x"}) -> (tensor<3xf32>, tensor<3xi64>, tensor<i1>)
// CHECK: %[[NAN:.*]] = onnx.IsNaN(%[[X]])
// CHECK: %[[XS:.*]] = onnx.Where(%[[NAN]], %{{.*}}, %[[X]])
// CHECK: %[[S:.*]]:2 = onnx.TopK(%[[XS]], %{{.*}}) {axis = 1 : i64, largest = 0 : i64, sorted = 1 : i64}
// CHECK: %[[CNT:.*]] = onnx.Sub
// CHECK: %[[POS:.*]] = onnx.Div
// CHECK: %[[NONE:.*]] = onnx.Less(%[[CNT]],
// CHECK: %[[V:.*]] = onnx.GatherElements(%[[S]]#0,
// CHECK: %[[I:.*]] = onnx.GatherElements(%[[S]]#1,
// CHECK: onnx.Where(%[[NONE]], %{{.*}}, %[[V]])
// CHECK: %[[B:.*]] = onnx.Cast(%[[X]]) {to = 9 : i64}
// CHECK: %[[N:.*]] = onnx.Cast(%[[B]]) {to = 6 : i64}
// CHECK: onnx.ReduceMin(%[[N]]) {keepdims = 0 : i64}
func.func @forward(%x: !torch.vtensor<[3,4],f32> {torch.name = "x"}) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %c1 = torch.constant.int 1
  %false = torch.constant.bool false
  %none = torch.constant.none
  %v:2 = torch.operator "aten::nanmedian.dim"(%x, %c1, %false) : (!torch.vtensor<[3,4],f32>, !torch.int, !torch.bool) -> (!torch.vtensor, !torch.vtensor)
  %a = torch.operator "aten::all.dims"(%x, %none, %false) : (!torch.vtensor<[3,4],f32>, !torch.none, !torch.bool) -> !torch.vtensor
  return %v#0, %v#1, %a : !torch.vtensor, !torch.vtensor, !torch.vtensor
}
