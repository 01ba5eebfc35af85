// RUN: torch-onnx-opt %s --convert-torch-to-onnx --canonicalize | FileCheck %s

// prim.If -> onnx.If: ONNX's regions are (else_branch, then_branch).
// CHECK-LABEL: func.func @main_graph
// CHECK: %[[C:.*]] = onnx.Greater
// CHECK: %[[IF:.*]] = onnx.If(%[[C]]) ({
// CHECK: onnx.Sigmoid
// CHECK: onnx.Yield
// CHECK: }, {
// CHECK: onnx.Relu
// CHECK: onnx.Yield
// CHECK: }) : (tensor<i1>) -> tensor<3xf32>
// A loop: trip count, condition, carried value; body (iter, cond, carried).
// CHECK: %[[L:.*]] = onnx.Loop(%{{.*}}, %{{.*}}, %[[IF]]) ({
// CHECK: ^bb0(%{{.*}}: tensor<i64>, %{{.*}}: tensor<i1>, %[[ACC:.*]]: tensor<3xf32>):
// CHECK: %[[I:.*]] = onnx.Cast
// CHECK: %[[NEXT:.*]] = onnx.Add(%[[ACC]], %[[I]])
// CHECK: onnx.Yield %{{.*}}, %[[NEXT]] : tensor<i1>, tensor<3xf32>
// CHECK: return %[[L]]
func.func @forward(%x: !torch.vtensor<[3],f32>, %n: !torch.int) -> !torch.vtensor<[3],f32> {
  %zero = torch.constant.int 0
  %one = torch.constant.int 1
  %true = torch.constant.bool true
  %none = torch.constant.none
  %s = torch.aten.sum %x, %none : (!torch.vtensor<[3],f32>, !torch.none) -> !torch.vtensor<[],f32>
  %g = torch.aten.gt.Scalar %s, %zero : (!torch.vtensor<[],f32>, !torch.int) -> !torch.vtensor<[],i1>
  %b = torch.aten.Bool.Tensor %g : (!torch.vtensor<[],i1>) -> !torch.bool
  %y = torch.prim.If %b -> (!torch.vtensor<[3],f32>) {
    %r = torch.aten.relu %x : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
    torch.prim.If.yield %r : !torch.vtensor<[3],f32>
  } else {
    %r = torch.aten.sigmoid %x : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
    torch.prim.If.yield %r : !torch.vtensor<[3],f32>
  }
  %z = torch.prim.Loop %n, %true, init(%y) {
  ^bb0(%i: !torch.int, %acc: !torch.vtensor<[3],f32>):
    %t = torch.prim.NumToTensor.Scalar %i : !torch.int -> !torch.vtensor<[],si64>
    %f = torch.aten.to.dtype %t, %one, %true, %true, %none : (!torch.vtensor<[],si64>, !torch.int, !torch.bool, !torch.bool, !torch.none) -> !torch.vtensor<[],f32>
    %next = torch.aten.add.Tensor %acc, %f, %one : (!torch.vtensor<[3],f32>, !torch.vtensor<[],f32>, !torch.int) -> !torch.vtensor<[3],f32>
    torch.prim.Loop.condition %true, iter(%next : !torch.vtensor<[3],f32>)
  } : (!torch.int, !torch.bool, !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %z : !torch.vtensor<[3],f32>
}
