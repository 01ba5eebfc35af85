// RUN: torch-onnx-opt --convert-onnx-to-linalg --split-input-file %s | FileCheck %s

// If -> scf.if on the extracted condition; branch results join to the
// common type.
// CHECK-LABEL: func.func @if
// CHECK: %[[C:.*]] = tensor.extract %arg0[] : tensor<i1>
// CHECK: %[[R:.*]] = scf.if %[[C]] -> (tensor<2xf32>) {
// CHECK:   linalg.generic
// CHECK:   arith.addf
// CHECK:   scf.yield
// CHECK: } else {
// CHECK:   arith.mulf
// CHECK:   scf.yield
// CHECK: return %[[R]]
func.func @if(%c: tensor<i1>, %x: tensor<2xf32>) -> tensor<2xf32> {
  %0 = "onnx.If"(%c) ({
    %e = "onnx.Mul"(%x, %x) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
    onnx.Yield %e : tensor<2xf32>
  }, {
    %t = "onnx.Add"(%x, %x) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
    onnx.Yield %t : tensor<2xf32>
  }) : (tensor<i1>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// Loop -> scf.while over (i, cond, carried..., scan buffers...): the
// condition also checks i < M; a scan output is stacked into an [M, ...]
// buffer and sliced to the iterations run.
// CHECK-LABEL: func.func @loop
// CHECK: %[[M:.*]] = tensor.extract %arg0[] : tensor<i64>
// CHECK: cf.assert
// CHECK: %[[BUF:.*]] = tensor.empty(%{{.*}}) : tensor<?x2xf32>
// CHECK: %[[W:.*]]:4 = scf.while (%[[I:.*]] = %{{.*}}, %[[CND:.*]] = %{{.*}}, %[[V:.*]] = %arg2, %[[S:.*]] = %[[BUF]])
// CHECK:   arith.cmpi slt, %[[I]], %{{.*}} : i64
// CHECK:   scf.condition
// CHECK: } do {
// CHECK:   arith.addf
// CHECK:   tensor.insert_slice
// CHECK:   scf.yield
// CHECK: tensor.extract_slice %[[W]]#3[0, 0] [%{{.*}}, 2] [1, 1]
func.func @loop(%m: tensor<i64>, %cond: tensor<i1>, %v: tensor<2xf32>) -> (tensor<2xf32>, tensor<?x2xf32>) {
  %0:2 = "onnx.Loop"(%m, %cond, %v) <{operandSegmentSizes = array<i32: 1, 1, 1>}> ({
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %x: tensor<2xf32>):
    %y = "onnx.Add"(%x, %x) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
    onnx.Yield %c, %y, %y : tensor<i1>, tensor<2xf32>, tensor<2xf32>
  }) : (tensor<i64>, tensor<i1>, tensor<2xf32>) -> (tensor<2xf32>, tensor<?x2xf32>)
  return %0#0, %0#1 : tensor<2xf32>, tensor<?x2xf32>
}

// -----

// The branches are converted after the If: an unranked If result takes the
// branches' declared type, and the function result the lowered one.
// Unsigned values from outside keep their signedness inside the branch.
// CHECK-LABEL: func.func @if_unranked_result
// CHECK-SAME: -> tensor<4xi8>
// CHECK: scf.if %{{.*}} -> (tensor<4xi8>) {
// CHECK:   arith.divui
// CHECK:   scf.yield
// CHECK: } else {
// CHECK:   scf.yield %arg1 : tensor<4xi8>
func.func @if_unranked_result(%c: tensor<i1>, %x: tensor<4xui8>) -> tensor<*xui8> {
  %0 = "onnx.If"(%c) ({
    onnx.Yield %x : tensor<4xui8>
  }, {
    %t = "onnx.Div"(%x, %x) : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
    onnx.Yield %t : tensor<4xui8>
  }) : (tensor<i1>) -> tensor<*xui8>
  return %0 : tensor<*xui8>
}

// -----

// A scan output whose body leaves a dim open takes it from the Loop's
// declared result; the body's iteration number and condition are 0-d
// tensors of the scf.while's state.
// CHECK-LABEL: func.func @loop_scan_shape_from_result
// CHECK: tensor.empty(%{{.*}}) : tensor<?x3xf32>
// CHECK: scf.while
// CHECK: } do {
// CHECK: ^bb0(%[[I:.*]]: i64, %{{.*}}: i1, %{{.*}}: tensor<?x3xf32>):
// CHECK:   tensor.from_elements %[[I]] : tensor<i64>
// CHECK:   tensor.insert_slice %{{.*}} into %{{.*}}[%{{.*}}, 0] [1, 3] [1, 1] : tensor<3xf32> into tensor<?x3xf32>
func.func @loop_scan_shape_from_result(%m: tensor<i64>, %x: tensor<3xf32>) -> tensor<?x3xf32> {
  %0 = "onnx.Loop"(%m) <{operandSegmentSizes = array<i32: 1, 0, 0>}> ({
  ^bb0(%i: tensor<i64>, %c: tensor<i1>):
    %f = "onnx.Cast"(%i) <{to = 1 : i64}> : (tensor<i64>) -> tensor<f32>
    %y = "onnx.Mul"(%x, %f) : (tensor<3xf32>, tensor<f32>) -> tensor<?xf32>
    onnx.Yield %c, %y : tensor<i1>, tensor<?xf32>
  }) : (tensor<i64>) -> tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}
