// RUN: torch-onnx-opt %s -split-input-file -torch-drop-raise-paths | FileCheck %s

// A check that raises is dropped with its message formatting; the kept
// branch is inlined.
// CHECK-LABEL: func.func @check
// CHECK-NOT: prim.If
// CHECK-NOT: RaiseException
// CHECK-NOT: aten::format
// CHECK: %[[R:.*]] = torch.aten.relu %arg0
// CHECK: return %[[R]]
func.func @check(%x: !torch.vtensor<[?,3],f32>, %n: !torch.int) -> !torch.vtensor {
  %two = torch.constant.int 2
  %msg = torch.constant.str "expected {} dims"
  %none = torch.constant.none
  %c = torch.aten.ne.int %n, %two : (!torch.int, !torch.int) -> !torch.bool
  torch.prim.If %c {
    %m = torch.operator "aten::format"(%msg, %n) : (!torch.str, !torch.int) -> !torch.str
    torch.prim.RaiseException %m, %none : !torch.str, !torch.none
    torch.prim.If.yield
  } else {
    torch.prim.If.yield
  }
  %r = torch.aten.relu %x : (!torch.vtensor<[?,3],f32>) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// x.dim() of a ranked tensor, int comparisons and `is None` on a tensor are
// decided from the types; the branch they select is inlined.
// CHECK-LABEL: func.func @decided
// CHECK-NOT: prim.If
// CHECK-NOT: aten.dim
// CHECK-NOT: __is__
// CHECK: %[[U:.*]] = torch.aten.unsqueeze %arg0
// CHECK: %[[A:.*]] = torch.aten.add.Tensor %[[U]], %arg1
// CHECK: return %[[A]]
func.func @decided(%x: !torch.vtensor<[5],f32>, %h: !torch.vtensor<[1,5],f32>) -> !torch.vtensor {
  %one = torch.constant.int 1
  %zero = torch.constant.int 0
  %none = torch.constant.none
  %d = torch.aten.dim %x : (!torch.vtensor<[5],f32>) -> !torch.int
  %batched = torch.aten.eq.int %d, %one : (!torch.int, !torch.int) -> !torch.bool
  %y = torch.prim.If %batched -> (!torch.vtensor) {
    %u = torch.aten.unsqueeze %x, %zero : (!torch.vtensor<[5],f32>, !torch.int) -> !torch.vtensor
    torch.prim.If.yield %u : !torch.vtensor
  } else {
    torch.prim.If.yield %x : !torch.vtensor<[5],f32>
  }
  %isnone = torch.aten.__is__ %h, %none : (!torch.vtensor<[1,5],f32>, !torch.none) -> !torch.bool
  %z = torch.prim.If %isnone -> (!torch.vtensor) {
    torch.prim.If.yield %y : !torch.vtensor
  } else {
    %one_f = torch.constant.int 1
    %s = torch.aten.add.Tensor %y, %h, %one_f : (!torch.vtensor, !torch.vtensor<[1,5],f32>, !torch.int) -> !torch.vtensor
    torch.prim.If.yield %s : !torch.vtensor
  }
  return %z : !torch.vtensor
}

// -----

// A condition known only at run time stays.
// CHECK-LABEL: func.func @runtime
// CHECK: torch.prim.If %arg1
func.func @runtime(%x: !torch.vtensor<[5],f32>, %c: !torch.bool) -> !torch.vtensor {
  %y = torch.prim.If %c -> (!torch.vtensor) {
    %r = torch.aten.relu %x : (!torch.vtensor<[5],f32>) -> !torch.vtensor
    torch.prim.If.yield %r : !torch.vtensor
  } else {
    torch.prim.If.yield %x : !torch.vtensor<[5],f32>
  }
  return %y : !torch.vtensor
}

// -----

// x.size(d) of a dim the type knows folds to a constant (and
// int(tensor(k)) with it); a dynamic dim stays a run-time size.
// CHECK-LABEL: func.func @sizes
// CHECK: %[[ZERO:.*]] = torch.constant.int 0
// CHECK: %[[DYN:.*]] = torch.aten.size.int %arg0, %[[ZERO]]
// CHECK: %[[D2:.*]] = torch.constant.int 4
// CHECK: %[[I:.*]] = torch.constant.int 4
// CHECK: %[[L:.*]] = torch.prim.ListConstruct %[[DYN]], %[[D2]], %[[I]]
// CHECK: return %[[L]]
func.func @sizes(%x: !torch.vtensor<[?,3,4],f32>) -> !torch.list<int> {
  %c0 = torch.constant.int 0
  %c2 = torch.constant.int -1
  %d0 = torch.aten.size.int %x, %c0 : (!torch.vtensor<[?,3,4],f32>, !torch.int) -> !torch.int
  %d2 = torch.aten.size.int %x, %c2 : (!torch.vtensor<[?,3,4],f32>, !torch.int) -> !torch.int
  %t = torch.prim.NumToTensor.Scalar %d2 : !torch.int -> !torch.vtensor<[],si64>
  %i = torch.aten.Int.Tensor %t : (!torch.vtensor<[],si64>) -> !torch.int
  %l = torch.prim.ListConstruct %d0, %d2, %i : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
  return %l : !torch.list<int>
}

// -----

// A reduction over dim 0 or -1 of a 0-d tensor (torch wraps the dim; the
// result is 0-d even with keepdim) reduces the tensor unsqueezed to [1]
// over dim 0 without keepdim.
// CHECK-LABEL: func.func @scalar_dims
// CHECK: %[[Z:.*]] = torch.constant.int 0
// CHECK: %[[U:.*]] = torch.aten.unsqueeze %arg0, %[[Z]] : (!torch.vtensor<[],f32>, !torch.int) -> !torch.vtensor<[1],f32>
// CHECK: %[[F:.*]] = torch.constant.bool false
// CHECK: torch.aten.argmax %[[U]], %[[Z]], %[[F]]
// CHECK: %[[Z2:.*]] = torch.constant.int 0
// CHECK: %[[U2:.*]] = torch.aten.unsqueeze %arg0, %[[Z2]]
// CHECK: %[[L:.*]] = torch.prim.ListConstruct %[[Z2]]
// CHECK: %[[F2:.*]] = torch.constant.bool false
// CHECK: torch.aten.sum.dim_IntList %[[U2]], %[[L]], %[[F2]]
func.func @scalar_dims(%x: !torch.vtensor<[],f32>) -> (!torch.vtensor, !torch.vtensor) {
  %m1 = torch.constant.int -1
  %true = torch.constant.bool true
  %none = torch.constant.none
  %a = torch.aten.argmax %x, %m1, %true : (!torch.vtensor<[],f32>, !torch.int, !torch.bool) -> !torch.vtensor
  %l = torch.prim.ListConstruct %m1 : (!torch.int) -> !torch.list<int>
  %s = torch.aten.sum.dim_IntList %x, %l, %true, %none : (!torch.vtensor<[],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor
  return %a, %s : !torch.vtensor, !torch.vtensor
}
