// RUN: torch-onnx-opt %s | torch-onnx-opt | FileCheck %s
// RUN: torch-onnx-opt %s --mlir-print-op-generic | torch-onnx-opt | FileCheck %s

// CHECK-LABEL: func.func @types
// CHECK-SAME: !onnx.seq<tensor<?xf32>>, %{{.*}}: !onnx.opt<tensor<i64>>, %{{.*}}: !onnx.map<i64, tensor<f32>>, %{{.*}}: !onnx.any, %{{.*}}: tensor<2x!onnx.string>
func.func @types(%a: !onnx.seq<tensor<?xf32>>, %b: !onnx.opt<tensor<i64>>,
                 %c: !onnx.map<i64, tensor<f32>>, %d: !onnx.any,
                 %e: tensor<2x!onnx.string>) {
  return
}

// CHECK-LABEL: func.func @ops
func.func @ops(%x: tensor<?x4xf32>, %axes: tensor<1xi64>) -> (tensor<?x2xf32>, tensor<?xf32>) {
  // CHECK: %[[W:.*]] = onnx.Initializer "w" = dense<1.000000e+00> : tensor<4x2xf32>
  %w = onnx.Initializer "w" = dense<1.0> : tensor<4x2xf32>
  // CHECK: %[[M:.*]] = onnx.MatMul(%{{.*}}, %[[W]])
  %m = "onnx.MatMul"(%x, %w) : (tensor<?x4xf32>, tensor<4x2xf32>) -> tensor<?x2xf32>
  // CHECK: onnx.ReduceSum(%{{.*}}, %{{.*}}) {keepdims = 0 : i64, noop_with_empty_axes = 0 : i64}
  %r = "onnx.ReduceSum"(%x, %axes) <{keepdims = 0 : i64}> : (tensor<?x4xf32>, tensor<1xi64>) -> tensor<?xf32>
  return %m, %r : tensor<?x2xf32>, tensor<?xf32>
}

// CHECK-LABEL: func.func @loop
func.func @loop(%n: tensor<i64>, %v: tensor<f32>) -> tensor<f32> {
  // CHECK: onnx.Loop
  // CHECK: onnx.Yield %{{.*}}, %{{.*}} : tensor<i1>, tensor<f32>
  %none = onnx.NoValue
  %r = "onnx.Loop"(%n, %v) <{operandSegmentSizes = array<i32: 1, 0, 1>}> ({
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %acc: tensor<f32>):
    %s = "onnx.Add"(%acc, %v) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    onnx.Yield %c, %s : tensor<i1>, tensor<f32>
  }) : (tensor<i64>, tensor<f32>) -> tensor<f32>
  return %r : tensor<f32>
}

// CHECK-LABEL: func.func @custom
func.func @custom(%x: tensor<3xf32>) -> !onnx.any {
  // CHECK: onnx.Custom "com.example" "Op"(%{{.*}}) {attrs = {k = 1 : i64}} : (tensor<3xf32>) -> !onnx.any
  %y = onnx.Custom "com.example" "Op"(%x) {attrs = {k = 1 : i64}} : (tensor<3xf32>) -> !onnx.any
  return %y : !onnx.any
}

// The generated ops' assembly: inputs as the node lists them (`none` for an
// absent optional input before a present one; the operand segments follow),
// one attribute dictionary, regions after it, one type when all agree.
// CHECK-LABEL: func.func @node_syntax
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[HI:.*]]: tensor<f32>, %[[C:.*]]: tensor<i1>)
func.func @node_syntax(%x: tensor<4xf32>, %hi: tensor<f32>, %c: tensor<i1>)
    -> (tensor<4xf32>, tensor<4xf32>, tensor<12xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  // CHECK: %[[A:.*]] = onnx.Clip(%[[X]], none, %[[HI]]) : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %a = onnx.Clip(%x, none, %hi) : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  // Trailing absent inputs are left out.
  // CHECK: %[[B:.*]] = onnx.Clip(%[[X]], %[[HI]]) : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %b = "onnx.Clip"(%x, %hi) <{operandSegmentSizes = array<i32: 1, 1, 0>}> : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  // CHECK: %[[CAT:.*]] = onnx.Concat(%[[A]], %[[B]], %[[X]]) {axis = 0 : i64} : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<12xf32>
  %cat = onnx.Concat(%a, %b, %x) {axis = 0 : i64} : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<12xf32>
  // CHECK: %[[R:.*]] = onnx.Relu(%[[X]]) {onnx.names = ["r"]} : tensor<4xf32>
  %r = onnx.Relu(%x) {onnx.names = ["r"]} : tensor<4xf32>
  // CHECK: %[[IF:.*]] = onnx.If(%[[C]]) ({
  // CHECK-NEXT: onnx.Yield %[[A]] : tensor<4xf32>
  // CHECK-NEXT: }, {
  // CHECK-NEXT: onnx.Yield %[[B]] : tensor<4xf32>
  // CHECK-NEXT: }) : (tensor<i1>) -> tensor<4xf32>
  %if = onnx.If(%c) ({
    onnx.Yield %a : tensor<4xf32>
  }, {
    onnx.Yield %b : tensor<4xf32>
  }) : (tensor<i1>) -> tensor<4xf32>
  // Results: optional outputs in order, or the segments stated.
  // CHECK: %{{.*}}:2 = onnx.Dropout(%[[X]]) {seed = 1 : i64} : (tensor<4xf32>) -> (tensor<4xf32>, tensor<4xi1>)
  %d:2 = onnx.Dropout(%x) {seed = 1 : i64} : (tensor<4xf32>) -> (tensor<4xf32>, tensor<4xi1>)
  return %a, %b, %cat, %r, %if, %d#0 : tensor<4xf32>, tensor<4xf32>, tensor<12xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}
