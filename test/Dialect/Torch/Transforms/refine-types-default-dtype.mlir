// RUN: torch-onnx-opt %s --torch-refine-types --split-input-file | FileCheck %s

// Under torch.set_default_dtype(torch.float64) (the driver's
// --default-dtype=f64 records it on the module), a true division of
// integers, an int tensor times a Python float and a float factory without
// dtype= are f64, as PyTorch makes them.
// CHECK-LABEL: func.func @default_f64
// CHECK: torch.aten.div.Tensor {{.*}} -> !torch.vtensor<[3],f64>
// CHECK: torch.aten.mul.Scalar {{.*}} -> !torch.vtensor<[3],f64>
// CHECK: torch.aten.zeros {{.*}} -> !torch.vtensor<[2],f64>
// CHECK: torch.aten.sigmoid {{.*}} -> !torch.vtensor<[3],f64>
// An f32 tensor stays f32.
// CHECK: torch.aten.mul.Scalar {{.*}} -> !torch.vtensor<[3],f32>
module attributes {torch.default_dtype = f64} {
func.func @default_f64(%i: !torch.vtensor<[3],si64>, %j: !torch.vtensor<[3],si64>, %x: !torch.vtensor<[3],f32>) -> !torch.vtensor {
  %none = torch.constant.none
  %two = torch.constant.int 2
  %f = torch.constant.float 2.5
  %0 = torch.aten.div.Tensor %i, %j : (!torch.vtensor<[3],si64>, !torch.vtensor<[3],si64>) -> !torch.vtensor
  %1 = torch.aten.mul.Scalar %i, %f : (!torch.vtensor<[3],si64>, !torch.float) -> !torch.vtensor
  %l = torch.prim.ListConstruct %two : (!torch.int) -> !torch.list<int>
  %2 = torch.aten.zeros %l, %none, %none, %none, %none : (!torch.list<int>, !torch.none, !torch.none, !torch.none, !torch.none) -> !torch.vtensor
  %3 = torch.aten.sigmoid %i : (!torch.vtensor<[3],si64>) -> !torch.vtensor
  %4 = torch.aten.mul.Scalar %x, %f : (!torch.vtensor<[3],f32>, !torch.float) -> !torch.vtensor
  return %0 : !torch.vtensor
}
}

// -----

// Without the attribute the default dtype is f32.
// CHECK-LABEL: func.func @default_f32
// CHECK: torch.aten.div.Tensor {{.*}} -> !torch.vtensor<[3],f32>
func.func @default_f32(%i: !torch.vtensor<[3],si64>, %j: !torch.vtensor<[3],si64>) -> !torch.vtensor {
  %0 = torch.aten.div.Tensor %i, %j : (!torch.vtensor<[3],si64>, !torch.vtensor<[3],si64>) -> !torch.vtensor
  return %0 : !torch.vtensor
}
