// RUN: torch-onnx-opt --convert-onnx-to-linalg --split-input-file %s | FileCheck %s

// Numpy broadcasting: the [3] operand is indexed by the trailing loop only.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @add_bcast
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<3xf32>)
// CHECK: %[[E:.*]] = tensor.empty() : tensor<2x3xf32>
// CHECK: %[[R:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[A]], %[[B]] : tensor<2x3xf32>, tensor<3xf32>) outs(%[[E]] : tensor<2x3xf32>)
// CHECK: arith.addf
// CHECK: return %[[R]]
func.func @add_bcast(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<2x3xf32> {
  %0 = "onnx.Add"(%a, %b) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// A static size-1 dim broadcasts (constant index 0); dynamic dims must match
// the broadcast dim, checked at run time.
// CHECK-DAG: #[[BC:.*]] = affine_map<(d0, d1) -> (0, d1)>
// CHECK-LABEL: func.func @dyn
// CHECK: %[[D:.*]] = tensor.dim %arg0, %c0
// CHECK: cf.assert
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #[[BC]], #{{.*}}]
// CHECK: arith.mulf
func.func @dyn(%a: tensor<?x4xf32>, %b: tensor<1x4xf32>) -> tensor<?x4xf32> {
  %0 = "onnx.Mul"(%a, %b) : (tensor<?x4xf32>, tensor<1x4xf32>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// -----

// Unsigned ints become signless; the signedness picks the op.
// CHECK-LABEL: func.func @udiv
// CHECK-SAME: tensor<4xi8>
// CHECK: arith.divui
// CHECK-NOT: arith.divsi
func.func @udiv(%a: tensor<4xui8>, %b: tensor<4xui8>) -> tensor<4xui8> {
  %0 = "onnx.Div"(%a, %b) : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  return %0 : tensor<4xui8>
}

// -----

// Cast float -> int truncates toward zero; to bool compares with 0.
// CHECK-LABEL: func.func @casts
// CHECK: arith.fptosi {{.*}} : f32 to i32
// CHECK: arith.cmpf une
func.func @casts(%a: tensor<4xf32>) -> (tensor<4xi32>, tensor<4xi1>) {
  %0 = "onnx.Cast"(%a) <{to = 6 : i64}> : (tensor<4xf32>) -> tensor<4xi32>
  %1 = "onnx.Cast"(%a) <{to = 9 : i64}> : (tensor<4xf32>) -> tensor<4xi1>
  return %0, %1 : tensor<4xi32>, tensor<4xi1>
}
