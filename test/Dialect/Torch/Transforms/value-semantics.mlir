// RUN: torch-onnx-opt %s -split-input-file -torch-value-semantics -verify-diagnostics | FileCheck %s

// In-place ops on a fresh tensor become functional; later uses follow the
// new value; all tensors become !torch.vtensor.
// CHECK-LABEL: func.func @inplace
// CHECK-SAME: (%[[X:.*]]: !torch.vtensor<[2],f32>) -> !torch.vtensor
// CHECK: %[[C:.*]] = torch.aten.clone %[[X]]
// CHECK: %[[A:.*]] = torch.aten.add.Scalar %[[C]]
// CHECK: %[[R:.*]] = torch.aten.relu %[[A]]
// CHECK: return %[[R]]
func.func @inplace(%x: !torch.tensor<[2],f32>) -> !torch.tensor {
  %none = torch.constant.none
  %one = torch.constant.float 1.0
  %c = torch.aten.clone %x, %none : (!torch.tensor<[2],f32>, !torch.none) -> !torch.tensor
  %0 = torch.aten.add_.Scalar %c, %one, %one : (!torch.tensor, !torch.float, !torch.float) -> !torch.tensor
  %1 = torch.aten.relu_ %c : (!torch.tensor) -> !torch.tensor
  return %c : !torch.tensor
}

// -----

// A mutated input: later reads see the new value (the exported graph is
// functional, as torch.onnx's).
// CHECK-LABEL: func.func @mutates_input
// CHECK-SAME: (%[[X:.*]]: !torch.vtensor<[2],f32>) -> !torch.vtensor
// CHECK: %[[R:.*]] = torch.aten.relu %[[X]]
// CHECK: return %[[R]]
func.func @mutates_input(%x: !torch.tensor<[2],f32>) -> !torch.tensor<[2],f32> {
  %0 = torch.aten.relu_ %x : (!torch.tensor<[2],f32>) -> !torch.tensor
  return %x : !torch.tensor<[2],f32>
}

// -----

// A mutated select is written back with select_scatter; the base and the
// view read afterwards see the update.
// CHECK-LABEL: func.func @mutates_view
// CHECK: %[[C:.*]] = torch.aten.clone
// CHECK: %[[V:.*]] = torch.aten.select.int %[[C]], %[[I0:.*]], %[[I0]]
// CHECK: %[[R:.*]] = torch.aten.relu %[[V]]
// CHECK: %[[B:.*]] = torch.operator "aten::select_scatter"(%[[C]], %[[R]], %[[I0]], %[[I0]])
// CHECK: return %[[B]], %[[R]]
func.func @mutates_view(%x: !torch.tensor<[2,2],f32>) -> (!torch.tensor, !torch.tensor) {
  %none = torch.constant.none
  %c = torch.aten.clone %x, %none : (!torch.tensor<[2,2],f32>, !torch.none) -> !torch.tensor
  %i0 = torch.constant.int 0
  %v = torch.aten.select.int %c, %i0, %i0 : (!torch.tensor, !torch.int, !torch.int) -> !torch.tensor
  %0 = torch.aten.relu_ %v : (!torch.tensor) -> !torch.tensor
  return %c, %v : !torch.tensor, !torch.tensor
}

// -----

// A view taken before the mutation and read after it is taken again from
// the new value; a slice of a transpose writes back through both.
// CHECK-LABEL: func.func @view_before_mutation
// CHECK: %[[C:.*]] = torch.aten.clone
// CHECK: %[[V:.*]] = torch.aten.select.int %[[C]]
// CHECK: %[[OLD:.*]] = torch.aten.clone %[[V]]
// CHECK: %[[R:.*]] = torch.aten.relu %[[C]]
// CHECK: %[[T:.*]] = torch.aten.t %[[R]]
// CHECK: %[[S:.*]] = torch.aten.slice.Tensor %[[T]]
// CHECK: %[[Z:.*]] = torch.operator "aten::zero"(%[[S]])
// CHECK: %[[T2:.*]] = torch.operator "aten::slice_scatter"(%[[T]], %[[Z]],
// CHECK: %[[B:.*]] = torch.aten.t %[[T2]]
// CHECK: %[[V3:.*]] = torch.aten.select.int %[[B]]
// CHECK: return %[[V3]], %[[OLD]], %[[B]]
func.func @view_before_mutation(%x: !torch.tensor<[4,4],f32>) -> (!torch.tensor, !torch.tensor, !torch.tensor) {
  %none = torch.constant.none
  %c = torch.aten.clone %x, %none : (!torch.tensor<[4,4],f32>, !torch.none) -> !torch.tensor
  %i0 = torch.constant.int 0
  %i1 = torch.constant.int 1
  %i2 = torch.constant.int 2
  %v = torch.aten.select.int %c, %i0, %i0 : (!torch.tensor, !torch.int, !torch.int) -> !torch.tensor
  %old = torch.aten.clone %v, %none : (!torch.tensor, !torch.none) -> !torch.tensor
  %0 = torch.aten.relu_ %c : (!torch.tensor) -> !torch.tensor
  %t = torch.aten.t %c : (!torch.tensor) -> !torch.tensor
  %s = torch.aten.slice.Tensor %t, %i0, %i1, %i2, %i1 : (!torch.tensor, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.tensor
  %1 = torch.aten.zero_ %s : (!torch.tensor) -> !torch.tensor
  return %v, %old, %c : !torch.tensor, !torch.tensor, !torch.tensor
}

// -----

func.func @mutates_expanded(%x: !torch.tensor<[1,4],f32>) -> !torch.tensor {
  %none = torch.constant.none
  %c = torch.aten.clone %x, %none : (!torch.tensor<[1,4],f32>, !torch.none) -> !torch.tensor
  %i3 = torch.constant.int 3
  %i4 = torch.constant.int 4
  %false = torch.constant.bool false
  %sizes = torch.prim.ListConstruct %i3, %i4 : (!torch.int, !torch.int) -> !torch.list<int>
  %e = torch.aten.expand %c, %sizes, %false : (!torch.tensor, !torch.list<int>, !torch.bool) -> !torch.tensor
  // expected-error @+1 {{cannot convert 'torch.aten.relu_' to value semantics: it mutates the result of 'torch.aten.expand', a view that cannot be written back to its source (only slices, selects, transposes, permutes and reshapes can)}}
  %0 = torch.aten.relu_ %e : (!torch.tensor) -> !torch.tensor
  return %c : !torch.tensor
}

// -----

// An in-place op the generator does not list (a generic torch.operator
// named with a trailing '_') becomes its out-of-place twin too: here
// scatter_ on a fresh tensor (torch.nn.utils.rnn's invert_permutation).
// CHECK-LABEL: func.func @generic_inplace
// CHECK: %[[E:.*]] = torch.aten.empty_like
// CHECK: %[[S:.*]] = torch.aten.scatter.src %[[E]], %{{.*}}, %arg0, %arg1
// CHECK-NOT: scatter_
// CHECK: return %[[S]] : !torch.vtensor
func.func @generic_inplace(%i: !torch.tensor<[3],si64>, %v: !torch.tensor<[3],si64>) -> !torch.tensor {
  %none = torch.constant.none
  %c0 = torch.constant.int 0
  %e = torch.aten.empty_like %i, %none, %none, %none, %none, %none : (!torch.tensor<[3],si64>, !torch.none, !torch.none, !torch.none, !torch.none, !torch.none) -> !torch.tensor
  %s = torch.operator "aten::scatter_.src"(%e, %c0, %i, %v) : (!torch.tensor, !torch.int, !torch.tensor<[3],si64>, !torch.tensor<[3],si64>) -> !torch.tensor
  return %e : !torch.tensor
}

// -----

// ... and is refused, named by its schema, where the mutated tensor is a
// view that cannot be written back.
func.func @generic_inplace_view(%x: !torch.tensor<[4,4],f32>, %i: !torch.tensor<[4],si64>, %v: !torch.tensor<[4],f32>) -> !torch.tensor {
  %c0 = torch.constant.int 0
  %c1 = torch.constant.int 1
  %d = torch.operator "aten::diagonal"(%x, %c0, %c0, %c1) : (!torch.tensor<[4,4],f32>, !torch.int, !torch.int, !torch.int) -> !torch.tensor
  // expected-error @+1 {{cannot convert 'torch.aten.scatter_.src' to value semantics: it mutates the result of 'torch.aten.diagonal', a view that cannot be written back to its source}}
  %s = torch.operator "aten::scatter_.src"(%d, %c0, %i, %v) : (!torch.tensor, !torch.int, !torch.tensor<[4],si64>, !torch.tensor<[4],f32>) -> !torch.tensor
  return %s : !torch.tensor
}
