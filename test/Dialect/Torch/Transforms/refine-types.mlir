// RUN: torch-onnx-opt %s --torch-refine-types --split-input-file | FileCheck %s

// Broadcasting and PyTorch's promotion: a Python float scalar keeps f32, an
// int tensor with a float tensor becomes float.
// CHECK-LABEL: func.func @elementwise
// CHECK: torch.aten.add.Tensor {{.*}} -> !torch.vtensor<[4,3],f32>
// CHECK: torch.aten.mul.Scalar {{.*}} -> !torch.vtensor<[4,3],f32>
// CHECK: torch.aten.add.Tensor {{.*}} -> !torch.vtensor<[3],f64>
// CHECK: torch.aten.gt.Scalar {{.*}} -> !torch.vtensor<[4,3],i1>
// CHECK: return {{.*}} : !torch.vtensor<[4,3],f32>
func.func @elementwise(%a: !torch.vtensor<[4,1],f32>, %b: !torch.vtensor<[3],f32>, %i: !torch.vtensor<[3],si64>, %d: !torch.vtensor<[3],f64>) -> !torch.vtensor {
  %one = torch.constant.int 1
  %f = torch.constant.float 2.5
  %0 = torch.aten.add.Tensor %a, %b, %one : (!torch.vtensor<[4,1],f32>, !torch.vtensor<[3],f32>, !torch.int) -> !torch.vtensor
  %1 = torch.aten.mul.Scalar %0, %f : (!torch.vtensor, !torch.float) -> !torch.vtensor
  %2 = torch.aten.add.Tensor %i, %d, %one : (!torch.vtensor<[3],si64>, !torch.vtensor<[3],f64>, !torch.int) -> !torch.vtensor
  %3 = torch.aten.gt.Scalar %1, %f : (!torch.vtensor, !torch.float) -> !torch.vtensor
  return %1 : !torch.vtensor
}

// -----

// Convolution sizes; a dynamic batch stays unknown, and so does the -1 of a
// view whose other dims are only known at run time.
// CHECK-LABEL: func.func @conv_view
// CHECK: torch.aten.conv2d {{.*}} -> !torch.vtensor<[?,8,16,16],f32>
// CHECK: torch.aten.view {{.*}} -> !torch.vtensor<[?,?],f32>
func.func @conv_view(%x: !torch.vtensor<[?,3,32,32],f32>, %w: !torch.vtensor<[8,3,3,3],f32>) -> !torch.vtensor {
  %none = torch.constant.none
  %1 = torch.constant.int 1
  %2 = torch.constant.int 2
  %m1 = torch.constant.int -1
  %s = torch.prim.ListConstruct %2, %2 : (!torch.int, !torch.int) -> !torch.list<int>
  %p = torch.prim.ListConstruct %1, %1 : (!torch.int, !torch.int) -> !torch.list<int>
  %c = torch.aten.conv2d %x, %w, %none, %s, %p, %p, %1 : (!torch.vtensor<[?,3,32,32],f32>, !torch.vtensor<[8,3,3,3],f32>, !torch.none, !torch.list<int>, !torch.list<int>, !torch.list<int>, !torch.int) -> !torch.vtensor
  %b = torch.aten.size.int %x, %1 : (!torch.vtensor<[?,3,32,32],f32>, !torch.int) -> !torch.int
  %n0 = torch.constant.int 0
  %b0 = torch.aten.size.int %c, %n0 : (!torch.vtensor, !torch.int) -> !torch.int
  %shape = torch.prim.ListConstruct %b0, %m1 : (!torch.int, !torch.int) -> !torch.list<int>
  %v = torch.aten.view %c, %shape : (!torch.vtensor, !torch.list<int>) -> !torch.vtensor
  return %v : !torch.vtensor
}

// -----

// prim.If joins its branches: the dim that differs becomes unknown.
// CHECK-LABEL: func.func @if_join
// CHECK: torch.prim.If {{.*}} -> (!torch.vtensor<[2,?],f32>)
func.func @if_join(%c: !torch.bool, %a: !torch.vtensor<[2,3],f32>, %b: !torch.vtensor<[2,5],f32>) -> !torch.vtensor {
  %0 = torch.prim.If %c -> (!torch.vtensor) {
    torch.prim.If.yield %a : !torch.vtensor<[2,3],f32>
  } else {
    torch.prim.If.yield %b : !torch.vtensor<[2,5],f32>
  }
  return %0 : !torch.vtensor
}

// -----

// A loop-carried value whose size changes each iteration is generalized to
// '?' (the fixpoint), its dtype kept.
// CHECK-LABEL: func.func @loop_fixpoint
// CHECK: ^bb0(%{{.*}}: !torch.int, %[[ARG:.*]]: !torch.vtensor<[?],f32>):
// CHECK: torch.aten.cat {{.*}} -> !torch.vtensor<[?],f32>
// CHECK: } : (!torch.int, !torch.bool, !torch.vtensor<[1],f32>) -> !torch.vtensor<[?],f32>
func.func @loop_fixpoint(%n: !torch.int, %x: !torch.vtensor<[1],f32>) -> !torch.vtensor {
  %true = torch.constant.bool true
  %zero = torch.constant.int 0
  %0 = torch.prim.Loop %n, %true, init(%x) {
  ^bb0(%i: !torch.int, %acc: !torch.vtensor):
    %l = torch.prim.ListConstruct %acc, %acc : (!torch.vtensor, !torch.vtensor) -> !torch.list<tensor>
    %c = torch.aten.cat %l, %zero : (!torch.list<tensor>, !torch.int) -> !torch.vtensor
    torch.prim.Loop.condition %true, iter(%c : !torch.vtensor)
  } : (!torch.int, !torch.bool, !torch.vtensor<[1],f32>) -> !torch.vtensor
  return %0 : !torch.vtensor
}

// -----

// What cannot be derived stays unknown: a reshape to a run-time size.
// CHECK-LABEL: func.func @unknown_stays
// CHECK: torch.aten.view {{.*}} -> !torch.vtensor<[?],f32>
// CHECK: torch.operator "aten::mystery"{{.*}} -> !torch.vtensor
func.func @unknown_stays(%x: !torch.vtensor<[4,3],f32>, %n: !torch.int) -> !torch.vtensor {
  %l = torch.prim.ListConstruct %n : (!torch.int) -> !torch.list<int>
  %v = torch.aten.view %x, %l : (!torch.vtensor<[4,3],f32>, !torch.list<int>) -> !torch.vtensor
  %m = torch.operator "aten::mystery"(%v) : (!torch.vtensor) -> !torch.vtensor
  return %m : !torch.vtensor
}

// -----

// The pieces of the split family: split.sizes and the unsafe_ variants are
// refined as their plain forms.
// CHECK-LABEL: func.func @split_family
// CHECK: torch.prim.ListUnpack {{.*}} -> !torch.vtensor<[1,4],f32>, !torch.vtensor<[3,4],f32>
// CHECK: torch.prim.ListUnpack {{.*}} -> !torch.vtensor<[4,2],f32>, !torch.vtensor<[4,2],f32>
// CHECK: torch.prim.ListUnpack {{.*}} -> !torch.vtensor<[3,4],f32>, !torch.vtensor<[1,4],f32>
func.func @split_family(%x: !torch.vtensor<[4,4],f32>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %0 = torch.constant.int 0
  %1 = torch.constant.int 1
  %2 = torch.constant.int 2
  %3 = torch.constant.int 3
  %s = torch.prim.ListConstruct %1, %3 : (!torch.int, !torch.int) -> !torch.list<int>
  %l = torch.aten.split.sizes %x, %s, %0 : (!torch.vtensor<[4,4],f32>, !torch.list<int>, !torch.int) -> !torch.list<vtensor>
  %a, %b = torch.prim.ListUnpack %l : !torch.list<vtensor> -> !torch.vtensor, !torch.vtensor
  %m = torch.operator "aten::unsafe_chunk"(%x, %2, %1) : (!torch.vtensor<[4,4],f32>, !torch.int, !torch.int) -> !torch.list<vtensor>
  %c, %d = torch.prim.ListUnpack %m : !torch.list<vtensor> -> !torch.vtensor, !torch.vtensor
  %n = torch.operator "aten::unsafe_split.Tensor"(%x, %3, %0) : (!torch.vtensor<[4,4],f32>, !torch.int, !torch.int) -> !torch.list<vtensor>
  %e, %f = torch.prim.ListUnpack %n : !torch.list<vtensor> -> !torch.vtensor, !torch.vtensor
  return %b, %d, %f : !torch.vtensor, !torch.vtensor, !torch.vtensor
}

// -----

// A Scalar read out of a tensor (item, ScalarImplicit) takes the kind of the
// tensor's dtype when every user takes any scalar; one that goes into a
// list keeps !torch.number.
// CHECK-LABEL: func.func @numbers
// CHECK: torch.aten.item %{{.*}} : (!torch.vtensor<[],f32>) -> !torch.float
// CHECK: torch.aten.Float.Scalar %{{.*}} : (!torch.float) -> !torch.float
// CHECK: torch.aten.ScalarImplicit %{{.*}} : (!torch.vtensor<[],si64>) -> !torch.int
// CHECK: torch.aten.item %{{.*}} : (!torch.vtensor<[],i1>) -> !torch.number
// CHECK: torch.prim.ListConstruct
func.func @numbers(%x: !torch.vtensor<[],f32>, %i: !torch.vtensor<[],si64>, %b: !torch.vtensor<[],i1>) -> (!torch.float, !torch.vtensor, !torch.list<number>) {
  %0 = torch.aten.item %x : (!torch.vtensor<[],f32>) -> !torch.number
  %1 = torch.aten.Float.Scalar %0 : (!torch.number) -> !torch.float
  %2 = torch.aten.ScalarImplicit %i : (!torch.vtensor<[],si64>) -> !torch.number
  %3 = torch.prim.NumToTensor.Scalar %2 : !torch.number -> !torch.vtensor
  %4 = torch.aten.item %b : (!torch.vtensor<[],i1>) -> !torch.number
  %5 = torch.prim.ListConstruct %4 : (!torch.number) -> !torch.list<number>
  return %1, %3, %5 : !torch.float, !torch.vtensor, !torch.list<number>
}
