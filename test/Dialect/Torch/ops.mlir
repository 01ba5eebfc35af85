// RUN: torch-onnx-opt %s | torch-onnx-opt | FileCheck %s

// CHECK-LABEL: func.func @types
// CHECK-SAME: !torch.vtensor<[?,3,224,224],f32>, %{{.*}}: !torch.vtensor, %{{.*}}: !torch.tensor<*,si64>, %{{.*}}: !torch.vtensor<[2],unk>
// CHECK-SAME: !torch.list<int>, %{{.*}}: !torch.tuple<tensor, int>, %{{.*}}: !torch.optional<float>, %{{.*}}: !torch.dict<str, tensor>
func.func @types(%a: !torch.vtensor<[?,3,224,224],f32>, %b: !torch.vtensor,
                 %c: !torch.tensor<*,si64>, %d: !torch.vtensor<[2],unk>,
                 %e: !torch.list<int>, %f: !torch.tuple<tensor, int>,
                 %g: !torch.optional<float>, %h: !torch.dict<str, tensor>) {
  return
}

// CHECK-LABEL: func.func @prims
func.func @prims(%x: !torch.vtensor<[2,3],f32>) -> !torch.vtensor {
  // CHECK: %[[ONE:.*]] = torch.constant.int 1
  %one = torch.constant.int 1
  %f = torch.constant.float 2.5
  %none = torch.constant.none
  %true = torch.constant.bool true
  // CHECK: torch.prim.ListConstruct %[[ONE]], %[[ONE]] : (!torch.int, !torch.int) -> !torch.list<int>
  %l = torch.prim.ListConstruct %one, %one : (!torch.int, !torch.int) -> !torch.list<int>
  // CHECK: torch.aten.add.Tensor %{{.*}}, %{{.*}}, %[[ONE]] : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>, !torch.int) -> !torch.vtensor
  %s = torch.aten.add.Tensor %x, %x, %one : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>, !torch.int) -> !torch.vtensor
  // CHECK: torch.prim.If %{{.*}} -> (!torch.vtensor)
  %r = torch.prim.If %true -> (!torch.vtensor) {
    torch.prim.If.yield %s : !torch.vtensor
  } else {
    %n = torch.aten.neg %s : (!torch.vtensor) -> !torch.vtensor
    torch.prim.If.yield %n : !torch.vtensor
  }
  // CHECK: torch.prim.Loop %{{.*}}, %{{.*}}, init(%{{.*}})
  // CHECK: torch.prim.Loop.condition %{{.*}}, iter(%{{.*}} : !torch.vtensor)
  %loop = torch.prim.Loop %one, %true, init(%r) {
  ^bb0(%i: !torch.int, %acc: !torch.vtensor):
    %m = torch.aten.mul.Tensor %acc, %acc : (!torch.vtensor, !torch.vtensor) -> !torch.vtensor
    torch.prim.Loop.condition %true, iter(%m : !torch.vtensor)
  } : (!torch.int, !torch.bool, !torch.vtensor) -> !torch.vtensor
  // CHECK: torch.operator "aten::frobnicate"
  %u = torch.operator "aten::frobnicate"(%loop) : (!torch.vtensor) -> !torch.vtensor
  return %u : !torch.vtensor
}

// CHECK-LABEL: func.func @literal
// CHECK: torch.tensor.literal(dense<1.000000e+00> : tensor<2xf32>) : !torch.tensor<[2],f32>
func.func @literal() -> !torch.tensor<[2],f32> {
  %t = torch.tensor.literal(dense<1.0> : tensor<2xf32>) : !torch.tensor<[2],f32>
  return %t : !torch.tensor<[2],f32>
}
