// RUN: torch-onnx-opt %s -canonicalize | FileCheck %s

// Identity folds away; unused pure ops and initializers are removed.
// CHECK-LABEL: func.func @fold
// CHECK-SAME: (%[[X:.*]]: tensor<2xf32>)
// CHECK-NEXT: %[[R:.*]] = onnx.Relu(%[[X]])
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

//===----------------------------------------------------------------------===//
// Folders (ONNXFold.cpp): constants in, onnx.Constant out
//===----------------------------------------------------------------------===//

// Arithmetic on constants, computed in double and rounded once to f32;
// value_float is a scalar constant.
// CHECK-LABEL: func.func @fold_arith
// CHECK-NEXT: %[[C:.*]] = onnx.Constant() {value_ = dense<{{\[\[}}1.100000e+00, 2.200000e+00], [3.30000019, 4.400000e+00]]> : tensor<2x2xf32>}
// CHECK-NEXT: return %[[C]]
func.func @fold_arith() -> tensor<2x2xf32> {
  %a = "onnx.Constant"() <{value_ = dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>}> : () -> tensor<2x2xf32>
  %b = "onnx.Constant"() <{value_float = 1.1 : f32}> : () -> tensor<f32>
  %m = "onnx.Mul"(%a, %b) : (tensor<2x2xf32>, tensor<f32>) -> tensor<2x2xf32>
  return %m : tensor<2x2xf32>
}

// Equal constants become one (MLIR's folder deduplicates constant-like ops).
// CHECK-LABEL: func.func @dedup
// CHECK-NEXT: %[[C:.*]] = onnx.Constant()
// CHECK-NEXT: return %[[C]], %[[C]]
func.func @dedup() -> (tensor<2xi64>, tensor<2xi64>) {
  %a = "onnx.Constant"() <{value_ints = [2, 2]}> : () -> tensor<2xi64>
  %b = "onnx.Constant"() <{value_ = dense<2> : tensor<2xi64>}> : () -> tensor<2xi64>
  return %a, %b : tensor<2xi64>, tensor<2xi64>
}

// Shape (with start) and Size of a static tensor; a dynamic dim does not fold.
// CHECK-LABEL: func.func @fold_shape
// CHECK-SAME: %{{.*}}: tensor<2x3x4xf32>, %[[Y:.*]]: tensor<?x3xf32>
// CHECK-DAG: %[[S:.*]] = onnx.Constant() {value_ = dense<[3, 4]> : tensor<2xi64>}
// CHECK-DAG: %[[N:.*]] = onnx.Constant() {value_ = dense<24> : tensor<i64>}
// CHECK-DAG: %[[D:.*]] = onnx.Shape(%[[Y]])
// CHECK: return %[[S]], %[[N]], %[[D]]
func.func @fold_shape(%x: tensor<2x3x4xf32>, %y: tensor<?x3xf32>) -> (tensor<2xi64>, tensor<i64>, tensor<2xi64>) {
  %s = "onnx.Shape"(%x) <{start = 1 : i64}> : (tensor<2x3x4xf32>) -> tensor<2xi64>
  %n = "onnx.Size"(%x) : (tensor<2x3x4xf32>) -> tensor<i64>
  %d = "onnx.Shape"(%y) : (tensor<?x3xf32>) -> tensor<2xi64>
  return %s, %n, %d : tensor<2xi64>, tensor<i64>, tensor<2xi64>
}

// The shape chain of x.view(x.size(0), -1) (Shape -> Gather -> Unsqueeze ->
// Concat) folds to the Reshape's target.
// CHECK-LABEL: func.func @fold_shape_chain
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
// CHECK: %[[T:.*]] = onnx.Constant() {value_ = dense<[2, -1]> : tensor<2xi64>}
// CHECK-NEXT: %[[R:.*]] = onnx.Reshape(%[[X]], %[[T]])
// CHECK-NEXT: return %[[R]]
func.func @fold_shape_chain(%x: tensor<2x3x4xf32>) -> tensor<2x12xf32> {
  %s = "onnx.Shape"(%x) : (tensor<2x3x4xf32>) -> tensor<3xi64>
  %i = "onnx.Constant"() <{value_int = 0 : i64}> : () -> tensor<i64>
  %d = "onnx.Gather"(%s, %i) <{axis = 0 : i64}> : (tensor<3xi64>, tensor<i64>) -> tensor<i64>
  %ax = "onnx.Constant"() <{value_ints = [0]}> : () -> tensor<1xi64>
  %u = "onnx.Unsqueeze"(%d, %ax) : (tensor<i64>, tensor<1xi64>) -> tensor<1xi64>
  %m = "onnx.Constant"() <{value_ints = [-1]}> : () -> tensor<1xi64>
  %c = "onnx.Concat"(%u, %m) <{axis = 0 : i64}> : (tensor<1xi64>, tensor<1xi64>) -> tensor<2xi64>
  %r = "onnx.Reshape"(%x, %c) : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<2x12xf32>
  return %r : tensor<2x12xf32>
}

// The opset-1..12 forms with attributes fold as well.
// CHECK-LABEL: func.func @fold_v1_forms
// CHECK-DAG: onnx.Constant() {value_ = dense<{{\[\[}}1, 2]]> : tensor<1x2xi64>}
// CHECK-DAG: onnx.Constant() {value_ = dense<[1, 2]> : tensor<2xi64>}
// CHECK-DAG: onnx.Constant() {value_ = dense<2> : tensor<1xi64>}
// CHECK-NOT: onnx.UnsqueezeV1
// CHECK-NOT: onnx.SqueezeV1
// CHECK-NOT: onnx.SliceV1
func.func @fold_v1_forms() -> (tensor<1x2xi64>, tensor<2xi64>, tensor<1xi64>) {
  %c = "onnx.Constant"() <{value_ints = [1, 2]}> : () -> tensor<2xi64>
  %u = "onnx.UnsqueezeV1"(%c) <{axes = [0]}> : (tensor<2xi64>) -> tensor<1x2xi64>
  %s = "onnx.SqueezeV1"(%u) <{axes = [0]}> : (tensor<1x2xi64>) -> tensor<2xi64>
  %l = "onnx.SliceV1"(%c) <{starts = [-1], ends = [2]}> : (tensor<2xi64>) -> tensor<1xi64>
  return %u, %s, %l : tensor<1x2xi64>, tensor<2xi64>, tensor<1xi64>
}

// Slice with negative steps, Range, Cast to int (truncation) and to bool,
// Where, and a variadic Max over three inputs.
// CHECK-LABEL: func.func @fold_misc
// CHECK-DAG: value_ = dense<[4, 2]> : tensor<2xi64>
// CHECK-DAG: value_ = dense<[1, 3, 5]> : tensor<3xi64>
// CHECK-DAG: value_ = dense<[-1, 2]> : tensor<2xi32>
// CHECK-DAG: value_ = dense<[true, false]> : tensor<2xi1>
// CHECK-DAG: value_ = dense<[7, 20]> : tensor<2xi64>
// CHECK-DAG: value_ = dense<[9, 8]> : tensor<2xi64>
// CHECK-NOT: onnx.Slice
// CHECK-NOT: onnx.Range
// CHECK-NOT: onnx.Cast
// CHECK-NOT: onnx.Where
// CHECK-NOT: onnx.Max
func.func @fold_misc() -> (tensor<2xi64>, tensor<3xi64>, tensor<2xi32>, tensor<2xi1>, tensor<2xi64>, tensor<2xi64>) {
  %x = "onnx.Constant"() <{value_ints = [1, 2, 3, 4, 5]}> : () -> tensor<5xi64>
  %st = "onnx.Constant"() <{value_ints = [-2]}> : () -> tensor<1xi64>
  %en = "onnx.Constant"() <{value_ints = [0]}> : () -> tensor<1xi64>
  %ax = "onnx.Constant"() <{value_ints = [0]}> : () -> tensor<1xi64>
  %sp = "onnx.Constant"() <{value_ints = [-2]}> : () -> tensor<1xi64>
  %sl = "onnx.Slice"(%x, %st, %en, %ax, %sp) <{operandSegmentSizes = array<i32: 1, 1, 1, 1, 1>}> : (tensor<5xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<2xi64>
  %a = "onnx.Constant"() <{value_int = 1 : i64}> : () -> tensor<i64>
  %b = "onnx.Constant"() <{value_int = 6 : i64}> : () -> tensor<i64>
  %d = "onnx.Constant"() <{value_int = 2 : i64}> : () -> tensor<i64>
  %r = "onnx.Range"(%a, %b, %d) : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<3xi64>
  %f = "onnx.Constant"() <{value_floats = [-1.5 : f32, 2.9 : f32]}> : () -> tensor<2xf32>
  %ci = "onnx.Cast"(%f) <{to = 6 : i64}> : (tensor<2xf32>) -> tensor<2xi32>
  %z = "onnx.Constant"() <{value_floats = [0.5 : f32, 0.0 : f32]}> : () -> tensor<2xf32>
  %cb = "onnx.Cast"(%z) <{to = 9 : i64}> : (tensor<2xf32>) -> tensor<2xi1>
  %p = "onnx.Constant"() <{value_ints = [7, 8]}> : () -> tensor<2xi64>
  %q = "onnx.Constant"() <{value_ints = [10, 20]}> : () -> tensor<2xi64>
  %w = "onnx.Where"(%cb, %p, %q) : (tensor<2xi1>, tensor<2xi64>, tensor<2xi64>) -> tensor<2xi64>
  %m3 = "onnx.Constant"() <{value_ints = [9, 1]}> : () -> tensor<2xi64>
  %mx = "onnx.Max"(%m3, %p, %en) : (tensor<2xi64>, tensor<2xi64>, tensor<1xi64>) -> tensor<2xi64>
  return %sl, %r, %ci, %cb, %w, %mx : tensor<2xi64>, tensor<3xi64>, tensor<2xi32>, tensor<2xi1>, tensor<2xi64>, tensor<2xi64>
}

// Integer division by zero, a cast whose `to` does not name its result type
// and a result over the folders' size cap (4194304 elements) do not fold.
// CHECK-LABEL: func.func @no_fold
// CHECK: onnx.Div
// CHECK: onnx.Cast
// CHECK: onnx.ConstantOfShape
func.func @no_fold() -> (tensor<1xi64>, tensor<1xf32>, tensor<4194305xf32>) {
  %a = "onnx.Constant"() <{value_ints = [3]}> : () -> tensor<1xi64>
  %z = "onnx.Constant"() <{value_ints = [0]}> : () -> tensor<1xi64>
  %d = "onnx.Div"(%a, %z) : (tensor<1xi64>, tensor<1xi64>) -> tensor<1xi64>
  %f = "onnx.Constant"() <{value_floats = [1.0 : f32]}> : () -> tensor<1xf32>
  %c = "onnx.Cast"(%f) <{to = 999 : i64}> : (tensor<1xf32>) -> tensor<1xf32>
  %n = "onnx.Constant"() <{value_ints = [4194305]}> : () -> tensor<1xi64>
  %big = "onnx.ConstantOfShape"(%n) : (tensor<1xi64>) -> tensor<4194305xf32>
  return %d, %c, %big : tensor<1xi64>, tensor<1xf32>, tensor<4194305xf32>
}

// Ops that are the identity on their input fold to it: a cast to the same
// type, a reshape to the same static shape, an identity permutation, a
// product with a one that does not broadcast. A broadcasting one stays.
// CHECK-LABEL: func.func @identities
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>, %[[S:.*]]: tensor<3xf32>)
// CHECK: %[[B:.*]] = onnx.Mul(%[[S]],
// CHECK-NEXT: return %[[X]], %[[X]], %[[X]], %[[X]], %[[B]]
func.func @identities(%x: tensor<2x3xf32>, %s: tensor<3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
  %c = "onnx.Cast"(%x) <{to = 1 : i64}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %shape = "onnx.Constant"() <{value_ints = [2, 3]}> : () -> tensor<2xi64>
  %r = "onnx.Reshape"(%x, %shape) : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
  %t = "onnx.Transpose"(%x) <{perm = [0, 1]}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %one = "onnx.Constant"() <{value_float = 1.0 : f32}> : () -> tensor<f32>
  %m = "onnx.Mul"(%x, %one) : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  %ones = "onnx.Constant"() <{value_ = dense<1.0> : tensor<2x3xf32>}> : () -> tensor<2x3xf32>
  %b = "onnx.Mul"(%s, %ones) : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %c, %r, %t, %m, %b : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
}

//===----------------------------------------------------------------------===//
// Patterns (ONNXCanonicalize.td)
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @neg_not
// CHECK-SAME: (%[[X:.*]]: tensor<3xf32>, %[[B:.*]]: tensor<3xi1>)
// CHECK-NEXT: return %[[X]], %[[B]]
func.func @neg_not(%x: tensor<3xf32>, %b: tensor<3xi1>) -> (tensor<3xf32>, tensor<3xi1>) {
  %n = "onnx.Neg"(%x) : (tensor<3xf32>) -> tensor<3xf32>
  %nn = "onnx.Neg"(%n) : (tensor<3xf32>) -> tensor<3xf32>
  %o = "onnx.Not"(%b) : (tensor<3xi1>) -> tensor<3xi1>
  %oo = "onnx.Not"(%o) : (tensor<3xi1>) -> tensor<3xi1>
  return %nn, %oo : tensor<3xf32>, tensor<3xi1>
}

// Transposes compose; three rotations of a rank-3 tensor are none.
// CHECK-LABEL: func.func @transpose_transpose
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
// CHECK-NEXT: %[[T:.*]] = onnx.Transpose(%[[X]]) {perm = [2, 0, 1]} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
// CHECK-NEXT: return %[[T]], %[[X]]
func.func @transpose_transpose(%x: tensor<2x3x4xf32>) -> (tensor<4x2x3xf32>, tensor<2x3x4xf32>) {
  %a = "onnx.Transpose"(%x) <{perm = [1, 2, 0]}> : (tensor<2x3x4xf32>) -> tensor<3x4x2xf32>
  %b = "onnx.Transpose"(%a) <{perm = [1, 2, 0]}> : (tensor<3x4x2xf32>) -> tensor<4x2x3xf32>
  %c = "onnx.Transpose"(%b) <{perm = [1, 2, 0]}> : (tensor<4x2x3xf32>) -> tensor<2x3x4xf32>
  return %b, %c : tensor<4x2x3xf32>, tensor<2x3x4xf32>
}

// A reshape of a reshape is one reshape when the outer target is a constant
// without 0 entries; a 0 (copy the inner result's dim) keeps both.
// CHECK-LABEL: func.func @reshape_reshape
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
// CHECK-DAG: %[[S1:.*]] = onnx.Initializer "s1"
// CHECK-DAG: %[[S2:.*]] = onnx.Initializer "s2"
// CHECK-DAG: %[[S0:.*]] = onnx.Initializer "s0"
// CHECK: %[[I:.*]] = onnx.Reshape(%[[X]], %[[S1]])
// CHECK: %[[R:.*]] = onnx.Reshape(%[[X]], %[[S2]]) {allowzero = 0 : i64} : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<4x6xf32>
// CHECK: %[[K:.*]] = onnx.Reshape(%[[I]], %[[S0]])
// CHECK: return %[[R]], %[[K]]
func.func @reshape_reshape(%x: tensor<2x3x4xf32>) -> (tensor<4x6xf32>, tensor<6x2x2xf32>) {
  %s1 = onnx.Initializer "s1" = dense<[6, 4]> : tensor<2xi64>
  %s2 = onnx.Initializer "s2" = dense<[4, -1]> : tensor<2xi64>
  %s0 = onnx.Initializer "s0" = dense<[0, 2, -1]> : tensor<3xi64>
  %a = "onnx.Reshape"(%x, %s1) : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<6x4xf32>
  %b = "onnx.Reshape"(%a, %s2) : (tensor<6x4xf32>, tensor<2xi64>) -> tensor<4x6xf32>
  %k = "onnx.Reshape"(%a, %s0) : (tensor<6x4xf32>, tensor<3xi64>) -> tensor<6x2x2xf32>
  return %b, %k : tensor<4x6xf32>, tensor<6x2x2xf32>
}
