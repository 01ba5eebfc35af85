// The whole pipeline on an imported-style function: mutable tensors and an
// in-place op, a size() -> view() shape chain that folds once shapes are
// refined (x.size(0) of a static dim is known), and the graph's names.
// RUN: torch-onnx-opt %s --torch-to-onnx-pipeline="opset=13" | FileCheck %s

// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:.*]]: tensor<2x3x4xf32> {onnx.name = "x"}) -> tensor<2x12xf32>
// CHECK-NOT: torch.
// CHECK: %[[R:.*]] = onnx.Relu(%[[X]])
// CHECK: %[[S:.*]] = onnx.Initializer "{{.*}}" = dense<[2, -1]> : tensor<2xi64>
// CHECK: %[[V:.*]] = onnx.ReshapeV5(%[[R]], %[[S]])
// CHECK-NOT: onnx.Shape
// CHECK: return %[[V]] : tensor<2x12xf32>
func.func @forward(%x: !torch.tensor<[2,3,4],f32> {torch.name = "x"}) -> !torch.tensor {
  %zero = torch.constant.int 0
  %m1 = torch.constant.int -1
  %c = torch.aten.clone %x, %zero : (!torch.tensor<[2,3,4],f32>, !torch.int) -> !torch.tensor
  %r = torch.aten.relu_ %c : (!torch.tensor) -> !torch.tensor
  %b = torch.aten.size.int %c, %zero : (!torch.tensor, !torch.int) -> !torch.int
  %shape = torch.prim.ListConstruct %b, %m1 : (!torch.int, !torch.int) -> !torch.list<int>
  %v = torch.aten.view %c, %shape : (!torch.tensor, !torch.list<int>) -> !torch.tensor
  return %v : !torch.tensor
}
