// pixel_unshuffle (torch's channel order), smooth_l1_loss, sinc, trace,
// nansum, signbit.
// RUN: torch-onnx-opt %s --split-input-file --torch-refine-types --convert-torch-to-onnx=opset=17 | FileCheck %s

// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<1x2x4x6xf32>
// CHECK: %[[R1:.*]] = onnx.Reshape(%[[X]], %{{.*}})
// CHECK: %[[T:.*]] = onnx.Transpose(%[[R1]]) {perm = [0, 1, 3, 5, 2, 4]}
// CHECK: %[[R2:.*]] = onnx.Reshape(%[[T]], %{{.*}}) {{.*}}tensor<1x8x2x3xf32>
// CHECK: return %[[R2]]
func.func @forward(%x: !torch.vtensor<[1,2,4,6],f32> {torch.name = "x"}) -> !torch.vtensor {
  %c2 = torch.constant.int 2
  %r = torch.operator "aten::pixel_unshuffle"(%x, %c2) : (!torch.vtensor<[1,2,4,6],f32>, !torch.int) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// CHECK-LABEL: func.func @main_graph(
// CHECK: %[[D:.*]] = onnx.Abs
// CHECK: %[[LESS:.*]] = onnx.Less(%[[D]]
// CHECK: %[[L:.*]] = onnx.Where(%[[LESS]]
// CHECK: %[[M:.*]] = onnx.ReduceMean(%[[L]]) {{.*}}tensor<f32>
// CHECK: return %[[M]]
func.func @forward(%x: !torch.vtensor<[3,4],f32> {torch.name = "x"}, %y: !torch.vtensor<[3,4],f32> {torch.name = "y"}) -> !torch.vtensor {
  %mean = torch.constant.int 1
  %beta = torch.constant.float 5.000000e-01
  %r = torch.operator "aten::smooth_l1_loss"(%x, %y, %mean, %beta) : (!torch.vtensor<[3,4],f32>, !torch.vtensor<[3,4],f32>, !torch.int, !torch.float) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<5xf32>
// CHECK: %[[Z:.*]] = onnx.Equal(%[[X]]
// CHECK: %[[S:.*]] = onnx.Where(%[[Z]]
// CHECK: %[[Q:.*]] = onnx.Div(%{{.*}}, %[[S]])
// CHECK: %[[R:.*]] = onnx.Where(%[[Z]], %{{.*}}, %[[Q]]) {{.*}}tensor<5xf32>
// CHECK: %[[EYE:.*]] = onnx.EyeLike
// CHECK: onnx.ReduceSum
func.func @forward(%x: !torch.vtensor<[5],f32> {torch.name = "x"}, %m: !torch.vtensor<[3,3],f32> {torch.name = "m"}) -> (!torch.vtensor, !torch.vtensor) {
  %r = torch.operator "aten::sinc"(%x) : (!torch.vtensor<[5],f32>) -> !torch.vtensor
  %t = torch.operator "aten::trace"(%m) : (!torch.vtensor<[3,3],f32>) -> !torch.vtensor
  return %r, %t : !torch.vtensor, !torch.vtensor
}

// -----

// nansum: NaNs count as 0; signbit: x < 0 or x == -0.0.
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3xf32>
// CHECK: %[[NAN:.*]] = onnx.IsNaN(%[[X]])
// CHECK: %[[Z:.*]] = onnx.Where(%[[NAN]], %{{.*}}, %[[X]])
// CHECK: %[[S:.*]] = onnx.ReduceSum(%[[Z]], %{{.*}}) {keepdims = 0 : i64, noop_with_empty_axes = 0 : i64{{.*}}tensor<2xf32>
// CHECK: %[[NEG:.*]] = onnx.Less(%[[X]]
// CHECK: %[[INV:.*]] = onnx.Reciprocal(%[[X]])
// CHECK: %[[B:.*]] = onnx.Or(%[[NEG]], %{{.*}}) {{.*}}tensor<2x3xi1>
// CHECK: return %[[S]], %[[B]]
func.func @forward(%x: !torch.vtensor<[2,3],f32> {torch.name = "x"}) -> (!torch.vtensor, !torch.vtensor) {
  %c1 = torch.constant.int 1
  %dims = torch.prim.ListConstruct %c1 : (!torch.int) -> !torch.list<int>
  %false = torch.constant.bool false
  %none = torch.constant.none
  %s = torch.operator "aten::nansum"(%x, %dims, %false, %none) : (!torch.vtensor<[2,3],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor
  %b = torch.operator "aten::signbit"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  return %s, %b : !torch.vtensor, !torch.vtensor
}

// -----

// scatter_reduce(sum, include_self=False): positions reset to 0, then added.
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<3x4xf32>{{.*}}, %[[I:[^:]*]]: tensor<3x4xi64>{{.*}}, %[[S:[^:]*]]: tensor<3x4xf32>
// CHECK: %[[FILL:.*]] = onnx.Expand
// CHECK: %[[RESET:.*]] = onnx.ScatterElements(%[[X]], %[[I]], %[[FILL]]) {axis = 0 : i64, reduction = "none"}
// CHECK: %[[R:.*]] = onnx.ScatterElements(%[[RESET]], %[[I]], %[[S]]) {axis = 0 : i64, reduction = "add"{{.*}}tensor<3x4xf32>
// CHECK: return %[[R]]
func.func @forward(%x: !torch.vtensor<[3,4],f32> {torch.name = "x"}, %i: !torch.vtensor<[3,4],si64> {torch.name = "i"}, %s: !torch.vtensor<[3,4],f32> {torch.name = "s"}) -> !torch.vtensor {
  %c0 = torch.constant.int 0
  %sum = torch.constant.str "sum"
  %false = torch.constant.bool false
  %r = torch.operator "aten::scatter_reduce.two"(%x, %c0, %i, %s, %sum, %false) : (!torch.vtensor<[3,4],f32>, !torch.int, !torch.vtensor<[3,4],si64>, !torch.vtensor<[3,4],f32>, !torch.str, !torch.bool) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// adaptive_avg_pool1d 5 -> 3 (not a multiple): torch's windows [0,2), [1,4),
// [3,5), each a Slice + ReduceMean, one Concat.
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<1x2x5xf32>
// CHECK: %[[A:.*]] = onnx.Slice(%[[X]]
// CHECK: %[[MA:.*]] = onnx.ReduceMean(%[[A]]
// CHECK: %[[B:.*]] = onnx.Slice(%[[X]]
// CHECK: %[[MB:.*]] = onnx.ReduceMean(%[[B]]
// CHECK: %[[C:.*]] = onnx.Slice(%[[X]]
// CHECK: %[[MC:.*]] = onnx.ReduceMean(%[[C]]
// CHECK: %[[R:.*]] = onnx.Concat(%[[MA]], %[[MB]], %[[MC]]) {axis = 2 : i64{{.*}}tensor<1x2x3xf32>
// CHECK: return %[[R]]
func.func @forward(%x: !torch.vtensor<[1,2,5],f32> {torch.name = "x"}) -> !torch.vtensor {
  %c3 = torch.constant.int 3
  %size = torch.prim.ListConstruct %c3 : (!torch.int) -> !torch.list<int>
  %r = torch.aten.adaptive_avg_pool1d %x, %size : (!torch.vtensor<[1,2,5],f32>, !torch.list<int>) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// clamp_min with a tensor bound; logical_not of a float tensor (x != 0).
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<3xf32>{{.*}}, %[[M:[^:]*]]: tensor<3xf32>
// CHECK: %[[C:.*]] = onnx.Max(%[[X]], %[[M]]) {{.*}}tensor<3xf32>
// CHECK: %[[B:.*]] = onnx.Cast(%[[X]]) {to = 9 : i64}
// CHECK: %[[N:.*]] = onnx.Not(%[[B]]) {{.*}}tensor<3xi1>
// CHECK: return %[[C]], %[[N]]
func.func @forward(%x: !torch.vtensor<[3],f32> {torch.name = "x"}, %m: !torch.vtensor<[3],f32> {torch.name = "m"}) -> (!torch.vtensor, !torch.vtensor) {
  %c = torch.operator "aten::clamp_min.Tensor"(%x, %m) : (!torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor
  %n = torch.aten.logical_not %x : (!torch.vtensor<[3],f32>) -> !torch.vtensor
  return %c, %n : !torch.vtensor, !torch.vtensor
}
