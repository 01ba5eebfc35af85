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
