// Ops on tensor lists at opset 17: split/split_with_sizes/unbind taken apart
// by prim.ListUnpack become one Split (unbind squeezes the pieces), hstack/
// vstack a Concat, meshgrid (ij) an Unsqueeze + Expand per input; the pieces
// get their refined types.
// RUN: torch-onnx-opt %s --torch-refine-types --convert-torch-to-onnx=opset=17 | FileCheck %s

// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<4x6xf32>
// CHECK-SAME: %[[A1:[^:]*]]: tensor<4x6xf32>
// CHECK-SAME: %[[A2:[^:]*]]: tensor<3xf32>
// CHECK-SAME: %[[A3:[^:]*]]: tensor<2xf32>
// CHECK: %[[C0:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[C1:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[C2:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<i64>
// CHECK: %[[C3:.*]] = onnx.Initializer {{.*}} = dense<4> : tensor<i64>
// CHECK: %[[C4:.*]] = onnx.Initializer {{.*}} = dense<[4, 2]> : tensor<2xi64>
// CHECK: %[[R2:.*]]:2 = onnx.Split(%[[X]], %[[C4]]) {axis = 1 : i64} : (tensor<4x6xf32>, tensor<2xi64>) -> (tensor<4x4xf32>, tensor<4x2xf32>)
// CHECK: %[[C5:.*]] = onnx.Initializer {{.*}} = dense<[1, 2, 1]> : tensor<3xi64>
// CHECK: %[[C6:.*]] = onnx.Initializer {{.*}} = dense<[1, 2, 1]> : tensor<3xi64>
// CHECK: %[[R4:.*]]:3 = onnx.Split(%[[X]], %[[C6]]) {axis = 0 : i64} : (tensor<4x6xf32>, tensor<3xi64>) -> (tensor<1x6xf32>, tensor<2x6xf32>, tensor<1x6xf32>)
// CHECK: %[[C7:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<2xi64>
// CHECK: %[[R6:.*]]:2 = onnx.Split(%[[A3]], %[[C7]]) {axis = 0 : i64}
// CHECK: %[[C8:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R7:.*]] = onnx.Squeeze(%[[R6]]#0, %[[C8]]) : (tensor<*xf32>, tensor<1xi64>) -> tensor<f32>
// CHECK: %[[C9:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R8:.*]] = onnx.Squeeze(%[[R6]]#1, %[[C9]]) : (tensor<*xf32>, tensor<1xi64>) -> tensor<f32>
// CHECK: %[[R10:.*]] = onnx.Concat(%[[X]], %[[A1]]) {axis = 1 : i64} : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x12xf32>
// CHECK: %[[R11:.*]] = onnx.Concat(%[[X]], %[[A1]]) {axis = 0 : i64} : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<8x6xf32>
// CHECK: %[[C10:.*]] = onnx.Initializer {{.*}} = dense<[3, 2]> : tensor<2xi64>
// CHECK: %[[C11:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R14:.*]] = onnx.Unsqueeze(%[[A2]], %[[C11]])
// CHECK: %[[R15:.*]] = onnx.Expand(%[[R14]], %[[C10]]) : (tensor<*xf32>, tensor<2xi64>) -> tensor<3x2xf32>
// CHECK: %[[C12:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R16:.*]] = onnx.Unsqueeze(%[[A3]], %[[C12]])
// CHECK: %[[R17:.*]] = onnx.Expand(%[[R16]], %[[C10]]) : (tensor<*xf32>, tensor<2xi64>) -> tensor<3x2xf32>
// CHECK: return %[[R2]]#1, %[[R4]]#1, %[[R4]]#2, %[[R8]], %[[R10]], %[[R11]], %[[R15]], %[[R17]], %[[R2]]#0, %[[R4]]#0, %[[R7]]
func.func @forward(%x: !torch.vtensor<[4,6],f32>, %y: !torch.vtensor<[4,6],f32>, %v: !torch.vtensor<[3],f32>, %w: !torch.vtensor<[2],f32>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %c0 = torch.constant.int 0
  %c1 = torch.constant.int 1
  %c2 = torch.constant.int 2
  %c4 = torch.constant.int 4
  %ij = torch.constant.str "ij"
  %l = torch.aten.split.Tensor %x, %c4, %c1 : (!torch.vtensor<[4,6],f32>, !torch.int, !torch.int) -> !torch.list<vtensor>
  %a0, %a1 = torch.prim.ListUnpack %l : !torch.list<vtensor> -> !torch.vtensor, !torch.vtensor
  %sz = torch.prim.ListConstruct %c1, %c2, %c1 : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
  %m = torch.aten.split_with_sizes %x, %sz, %c0 : (!torch.vtensor<[4,6],f32>, !torch.list<int>, !torch.int) -> !torch.list<vtensor>
  %b0, %b1, %b2 = torch.prim.ListUnpack %m : !torch.list<vtensor> -> !torch.vtensor, !torch.vtensor, !torch.vtensor
  %u = torch.aten.unbind.int %w, %c0 : (!torch.vtensor<[2],f32>, !torch.int) -> !torch.list<vtensor>
  %u0, %u1 = torch.prim.ListUnpack %u : !torch.list<vtensor> -> !torch.vtensor, !torch.vtensor
  %xy = torch.prim.ListConstruct %x, %y : (!torch.vtensor<[4,6],f32>, !torch.vtensor<[4,6],f32>) -> !torch.list<vtensor>
  %h = torch.operator "aten::hstack"(%xy) : (!torch.list<vtensor>) -> !torch.vtensor
  %vs = torch.operator "aten::vstack"(%xy) : (!torch.list<vtensor>) -> !torch.vtensor
  %vw = torch.prim.ListConstruct %v, %w : (!torch.vtensor<[3],f32>, !torch.vtensor<[2],f32>) -> !torch.list<vtensor>
  %g = torch.operator "aten::meshgrid.indexing"(%vw, %ij) : (!torch.list<vtensor>, !torch.str) -> !torch.list<vtensor>
  %g0, %g1 = torch.prim.ListUnpack %g : !torch.list<vtensor> -> !torch.vtensor, !torch.vtensor
  return %a1, %b1, %b2, %u1, %h, %vs, %g0, %g1, %a0, %b0, %u0 : !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor
}
