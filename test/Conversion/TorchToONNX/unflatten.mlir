// aten.unflatten.int (nn.MultiheadAttention of torch 2.x splits the packed
// projection with it): one Reshape, dims before `dim` copied (0), the sizes,
// then the dims after it (static here, taken from Shape when dynamic).
// RUN: torch-onnx-opt %s --torch-refine-types --convert-torch-to-onnx=opset=9 | FileCheck %s
// RUN: torch-onnx-opt %s --torch-refine-types --convert-torch-to-onnx=opset=17 | FileCheck %s
// RUN: torch-onnx-opt %s --torch-refine-types | FileCheck %s --check-prefix=TYPES

// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:.*]]: tensor<?x96x8xf32>
// CHECK-DAG: %[[ZERO:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK-DAG: onnx.Initializer {{.*}} = dense<[3, -1]> : tensor<2xi64>
// CHECK-DAG: %[[REST:.*]] = onnx.Initializer {{.*}} = dense<8> : tensor<1xi64>
// CHECK: %[[S:.*]] = onnx.Concat{{(V[0-9]+)?}}(%[[ZERO]], %{{[^,]*}}, %[[REST]]) {axis = 0 : i64}
// CHECK: %[[R:.*]] = onnx.Reshape{{(V[0-9]+)?}}(%[[X]], %[[S]]) {{.*}}tensor<?x3x32x8xf32>
// CHECK: return %[[R]]
// TYPES: torch.aten.unflatten.int {{.*}} -> !torch.vtensor<[?,3,32,8],f32>
func.func @forward(%x: !torch.vtensor<[?,96,8],f32> {torch.name = "x"}) -> !torch.vtensor {
  %one = torch.constant.int 1
  %three = torch.constant.int 3
  %m1 = torch.constant.int -1
  %sizes = torch.prim.ListConstruct %three, %m1 : (!torch.int, !torch.int) -> !torch.list<int>
  %r = torch.aten.unflatten.int %x, %one, %sizes : (!torch.vtensor<[?,96,8],f32>, !torch.int, !torch.list<int>) -> !torch.vtensor
  return %r : !torch.vtensor
}
