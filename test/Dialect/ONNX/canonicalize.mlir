// RUN: torch-onnx-opt %s -canonicalize | FileCheck %s

// Identity folds away; unused pure ops and initializers are removed.
// CHECK-LABEL: func.func @fold
// CHECK-SAME: (%[[X:.*]]: tensor<2xf32>)
// CHECK-NEXT: %[[R:.*]] = "onnx.Relu"(%[[X]])
// CHECK-NEXT: return %[[R]]
func.func @fold(%x: tensor<2xf32>) -> tensor<2xf32> {
  %w = onnx.Initializer "unused" = dense<1.0> : tensor<2xf32>
  %dead = "onnx.Exp"(%x) : (tensor<2xf32>) -> tensor<2xf32>
  %i = "onnx.Identity"(%x) : (tensor<2xf32>) -> tensor<2xf32>
  %r = "onnx.Relu"(%i) : (tensor<2xf32>) -> tensor<2xf32>
  return %r : tensor<2xf32>
}

// Random ops have effects: they are neither folded nor removed.
// CHECK-LABEL: func.func @random
// CHECK: onnx.RandomNormal
func.func @random() {
  %r = "onnx.RandomNormal"() <{shape = [2]}> : () -> tensor<2xf32>
  return
}
