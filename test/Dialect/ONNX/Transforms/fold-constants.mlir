// RUN: torch-onnx-opt %s --onnx-fold-constants --canonicalize --split-input-file | FileCheck %s
// RUN: torch-onnx-opt %s --onnx-fold-constants=size-limit=4 --canonicalize --split-input-file | FileCheck %s --check-prefix=LIMIT

// The shape chain of x.view(x.size(0), -1) once shapes are static:
// Shape -> Gather -> Unsqueeze -> Concat folds to one initializer.
// CHECK-LABEL: func.func @shape_chain
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
// CHECK: %[[S:.*]] = onnx.Initializer "_folded_{{[0-9]+}}" = dense<[2, -1]> : tensor<2xi64>
// CHECK: %[[R:.*]] = onnx.Reshape(%[[X]], %[[S]])
// CHECK-NOT: onnx.Shape
// CHECK: return %[[R]]
// LIMIT-LABEL: func.func @shape_chain
// LIMIT: onnx.Reshape
func.func @shape_chain(%x: tensor<2x3x4xf32>) -> tensor<2x12xf32> {
  %s = "onnx.Shape"(%x) : (tensor<2x3x4xf32>) -> tensor<3xi64>
  %i = onnx.Initializer "i" = dense<0> : tensor<i64>
  %d = "onnx.Gather"(%s, %i) <{axis = 0 : i64}> : (tensor<3xi64>, tensor<i64>) -> tensor<i64>
  %ax = onnx.Initializer "ax" = dense<0> : tensor<1xi64>
  %u = "onnx.Unsqueeze"(%d, %ax) : (tensor<i64>, tensor<1xi64>) -> tensor<1xi64>
  %m = onnx.Initializer "m" = dense<-1> : tensor<1xi64>
  %c = "onnx.Concat"(%u, %m) <{axis = 0 : i64}> : (tensor<1xi64>, tensor<1xi64>) -> tensor<2xi64>
  %r = "onnx.Reshape"(%x, %c) : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<2x12xf32>
  return %r : tensor<2x12xf32>
}

// -----

// Arithmetic on initializers: computed in double, rounded once to f32.
// CHECK-LABEL: func.func @arith
// CHECK: dense<{{\[\[}}1.100000e+00, 2.200000e+00], [3.30000019, 4.400000e+00]]> : tensor<2x2xf32>
// LIMIT-LABEL: func.func @arith
// LIMIT: dense<{{\[\[}}1.100000e+00, 2.200000e+00], [3.30000019, 4.400000e+00]]> : tensor<2x2xf32>
func.func @arith() -> tensor<2x2xf32> {
  %a = onnx.Initializer "a" = dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %b = onnx.Initializer "b" = dense<1.1> : tensor<f32>
  %t = "onnx.Transpose"(%a) <{perm = [1, 0]}> : (tensor<2x2xf32>) -> tensor<2x2xf32>
  %tt = "onnx.Transpose"(%t) <{perm = [1, 0]}> : (tensor<2x2xf32>) -> tensor<2x2xf32>
  %m = "onnx.Mul"(%tt, %b) : (tensor<2x2xf32>, tensor<f32>) -> tensor<2x2xf32>
  return %m : tensor<2x2xf32>
}

// -----

// A dynamic shape does not fold.
// CHECK-LABEL: func.func @dynamic
// CHECK: onnx.Shape
func.func @dynamic(%x: tensor<?x3xf32>) -> tensor<2xi64> {
  %s = "onnx.Shape"(%x) : (tensor<?x3xf32>) -> tensor<2xi64>
  return %s : tensor<2xi64>
}

// -----

// Signed integers held in resource blobs (what the importers make of large
// tensors) keep their sign: int32 -3 and -1 cast to -3.0 and -1.0, not to
// 4294967293.0 and 4294967295.0; int16 -2 to -2.0.
// CHECK-LABEL: func.func @signed_resource
// CHECK-DAG: dense<[-3.000000e+00, -1.000000e+00]> : tensor<2xf32>
// CHECK-DAG: dense<[-2.000000e+00, 5.000000e+00]> : tensor<2xf32>
// CHECK-NOT: onnx.Cast
func.func @signed_resource() -> (tensor<2xf32>, tensor<2xf32>) {
  %q = onnx.Initializer "q" = dense_resource<q32> : tensor<2xi32>
  %f = "onnx.Cast"(%q) <{to = 1 : i64}> : (tensor<2xi32>) -> tensor<2xf32>
  %h = onnx.Initializer "h" = dense_resource<q16> : tensor<2xi16>
  %g = "onnx.Cast"(%h) <{to = 1 : i64}> : (tensor<2xi16>) -> tensor<2xf32>
  return %f, %g : tensor<2xf32>, tensor<2xf32>
}

{-#
  dialect_resources: {
    builtin: {
      q32: "0x04000000FDFFFFFFFFFFFFFF",
      q16: "0x04000000FEFF0500"
    }
  }
#-}
