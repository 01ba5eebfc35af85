// Einsum exists from opset 12; before, a two-operand contraction becomes one
// batched MatMul between transposes and reshapes.
// RUN: torch-onnx-opt %s --convert-torch-to-onnx=opset=11 | FileCheck %s --check-prefix=O11
// RUN: torch-onnx-opt %s --convert-torch-to-onnx=opset=12 | FileCheck %s --check-prefix=O12

// O11-LABEL: func.func @main_graph
// O11-NOT: onnx.Einsum
// O11: onnx.Transpose(%arg0) {perm = [0, 2, 1]}
// O11: onnx.MatMul
// O11: return {{.*}} : tensor<2x3x5xf32>
// O12: onnx.Einsum(%arg0, %arg1) {equation = "bji,bjk->bik"}
func.func @forward(%a: !torch.vtensor<[2,4,3],f32>, %b: !torch.vtensor<[2,4,5],f32>) -> !torch.vtensor<[2,3,5],f32> {
  %eq = torch.constant.str "bji,bjk->bik"
  %none = torch.constant.none
  %l = torch.prim.ListConstruct %a, %b : (!torch.vtensor<[2,4,3],f32>, !torch.vtensor<[2,4,5],f32>) -> !torch.list<tensor>
  %r = torch.aten.einsum %eq, %l, %none : (!torch.str, !torch.list<tensor>, !torch.none) -> !torch.vtensor<[2,3,5],f32>
  return %r : !torch.vtensor<[2,3,5],f32>
}
