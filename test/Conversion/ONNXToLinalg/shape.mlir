// RUN: torch-onnx-opt --convert-onnx-to-linalg --canonicalize --split-input-file %s | FileCheck %s

// A constant shape with 0 (copy) and -1 (infer) folds to a static reshape.
// CHECK-LABEL: func.func @reshape
// CHECK: %[[R:.*]] = tensor.collapse_shape %arg0 {{\[\[}}0], [1, 2]] : tensor<2x3x4xf32> into tensor<2x12xf32>
// CHECK: return %[[R]]
func.func @reshape(%x: tensor<2x3x4xf32>) -> tensor<2x12xf32> {
  %s = "onnx.Constant"() <{value_ = dense<[0, -1]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %0 = "onnx.Reshape"(%x, %s) <{allowzero = 0 : i64}> : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<2x12xf32>
  return %0 : tensor<2x12xf32>
}

// -----

// A run-time shape: the target dims are computed from the shape tensor.
// CHECK-LABEL: func.func @reshape_dynamic
// CHECK: tensor.extract %arg1
// CHECK: %[[R:.*]] = tensor.reshape %arg0(%{{.*}}) : (tensor<6xf32>, tensor<2xi64>) -> tensor<?x?xf32>
func.func @reshape_dynamic(%x: tensor<6xf32>, %s: tensor<2xi64>) -> tensor<?x?xf32> {
  %0 = "onnx.Reshape"(%x, %s) <{allowzero = 0 : i64}> : (tensor<6xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// Slice with positive steps is a strided tensor.extract_slice.
// CHECK-LABEL: func.func @slice
// CHECK: tensor.extract_slice %arg0[0, 1] [4, 2] [1, 2] : tensor<4x5xf32> to tensor<4x2xf32>
func.func @slice(%x: tensor<4x5xf32>) -> tensor<4x2xf32> {
  %st = "onnx.Constant"() <{value_ = dense<[1]> : tensor<1xi64>}> : () -> tensor<1xi64>
  %en = "onnx.Constant"() <{value_ = dense<[100]> : tensor<1xi64>}> : () -> tensor<1xi64>
  %ax = "onnx.Constant"() <{value_ = dense<[1]> : tensor<1xi64>}> : () -> tensor<1xi64>
  %sp = "onnx.Constant"() <{value_ = dense<[2]> : tensor<1xi64>}> : () -> tensor<1xi64>
  %0 = "onnx.Slice"(%x, %st, %en, %ax, %sp) <{operandSegmentSizes = array<i32: 1, 1, 1, 1, 1>}> : (tensor<4x5xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<4x2xf32>
  return %0 : tensor<4x2xf32>
}

// -----

// Concat inserts each input at its offset along the axis.
// CHECK-LABEL: func.func @concat
// CHECK: %[[E:.*]] = tensor.empty() : tensor<2x5xf32>
// CHECK: %[[A:.*]] = tensor.insert_slice %arg0 into %[[E]][0, 0] [2, 2] [1, 1]
// CHECK: tensor.insert_slice %arg1 into %[[A]][0, 2] [2, 3] [1, 1]
func.func @concat(%a: tensor<2x2xf32>, %b: tensor<2x3xf32>) -> tensor<2x5xf32> {
  %0 = "onnx.Concat"(%a, %b) <{axis = 1 : i64}> : (tensor<2x2xf32>, tensor<2x3xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}
