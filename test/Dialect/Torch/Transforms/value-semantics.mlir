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

func.func @mutates_input(%x: !torch.tensor<[2],f32>) -> !torch.tensor<[2],f32> {
  // expected-error @+1 {{cannot convert 'torch.aten.relu_' to value semantics: it mutates an input of the function (the caller would see the change); clone the input first}}
  %0 = torch.aten.relu_ %x : (!torch.tensor<[2],f32>) -> !torch.tensor
  return %x : !torch.tensor<[2],f32>
}

// -----

func.func @mutates_view(%x: !torch.tensor<[2,2],f32>) -> !torch.tensor {
  %none = torch.constant.none
  %c = torch.aten.clone %x, %none : (!torch.tensor<[2,2],f32>, !torch.none) -> !torch.tensor
  %i0 = torch.constant.int 0
  %v = torch.aten.select.int %c, %i0, %i0 : (!torch.tensor, !torch.int, !torch.int) -> !torch.tensor
  // expected-error @+1 {{cannot convert 'torch.aten.relu_' to value semantics: it mutates the result of 'torch.aten.select.int', which may be a view of another tensor}}
  %0 = torch.aten.relu_ %v : (!torch.tensor) -> !torch.tensor
  return %c : !torch.tensor
}

// -----

func.func @view_before_mutation(%x: !torch.tensor<[4],f32>) -> !torch.tensor {
  %none = torch.constant.none
  %c = torch.aten.clone %x, %none : (!torch.tensor<[4],f32>, !torch.none) -> !torch.tensor
  %i0 = torch.constant.int 0
  %v = torch.aten.select.int %c, %i0, %i0 : (!torch.tensor, !torch.int, !torch.int) -> !torch.tensor
  // expected-error @+1 {{cannot convert 'torch.aten.relu_' to value semantics: 'torch.aten.select.int' may create a view of the tensor before it is mutated}}
  %0 = torch.aten.relu_ %c : (!torch.tensor) -> !torch.tensor
  return %v : !torch.tensor
}
