// A list that a loop appends one element to per iteration, then stacks, is
// a Loop scan output: no sequences, so it exports at any opset. Before
// opset 11 a Loop needs a carried value: the condition is carried through.
// RUN: torch-onnx-opt %s --convert-torch-to-onnx=opset=17 | FileCheck %s
// RUN: torch-onnx-opt %s --convert-torch-to-onnx=opset=9 | FileCheck %s --check-prefix=O9

// CHECK-LABEL: func.func @main_graph
// CHECK-NOT: Sequence
// CHECK: %[[L:.*]] = onnx.Loop(%{{.*}}, %{{.*}}) ({
// CHECK: ^bb0(%{{.*}}: tensor<i64>, %{{.*}}: tensor<i1>):
// CHECK: %[[EL:.*]] = onnx.Mul
// CHECK: onnx.Yield %{{.*}}, %[[EL]] : tensor<i1>, tensor<3xf32>
// CHECK: }) : (tensor<i64>, tensor<i1>) -> tensor<?x3xf32>
// CHECK: return %[[L]]
// O9: onnx.Loop(%{{.*}}, %[[C:.*]], %[[C]])
// O9: onnx.Yield %{{.*}}, %{{.*}}, %{{.*}} : tensor<i1>, tensor<i1>, tensor<3xf32>
func.func @forward(%x: !torch.vtensor<[3],f32>, %n: !torch.int) -> !torch.vtensor<[?,3],f32> {
  %true = torch.constant.bool true
  %zero = torch.constant.int 0
  %l = torch.prim.ListConstruct : () -> !torch.list<vtensor<[3],f32>>
  %r = torch.prim.Loop %n, %true, init(%l) {
  ^bb0(%i: !torch.int, %acc: !torch.list<vtensor<[3],f32>>):
    %y = torch.aten.mul.Scalar %x, %i : (!torch.vtensor<[3],f32>, !torch.int) -> !torch.vtensor<[3],f32>
    %a = torch.aten.append.t %acc, %y : (!torch.list<vtensor<[3],f32>>, !torch.vtensor<[3],f32>) -> !torch.list<vtensor<[3],f32>>
    torch.prim.Loop.condition %true, iter(%a : !torch.list<vtensor<[3],f32>>)
  } : (!torch.int, !torch.bool, !torch.list<vtensor<[3],f32>>) -> !torch.list<vtensor<[3],f32>>
  %s = torch.aten.stack %r, %zero : (!torch.list<vtensor<[3],f32>>, !torch.int) -> !torch.vtensor<[?,3],f32>
  return %s : !torch.vtensor<[?,3],f32>
}
