// RUN: torch-onnx-opt --convert-onnx-to-linalg --split-input-file --verify-diagnostics %s

func.func @no_lowering(%x: tensor<3x3xf32>) -> tensor<f32> {
  // expected-error @+1 {{no native lowering for onnx.Det (opset 11) yet; see docs/SupportedOps.md for the ops that run natively}}
  %0 = "onnx.Det"(%x) : (tensor<3x3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @cubic(%x: tensor<1x1x2x2xf32>, %s: tensor<4xf32>) -> tensor<1x1x4x4xf32> {
  // expected-error @+1 {{cannot lower onnx.Resize (opset 13) to native code: mode 'cubic' is not supported (nearest, linear)}}
  %0 = "onnx.Resize"(%x, %s) <{mode_ = "cubic", operandSegmentSizes = array<i32: 1, 0, 1, 0>}> : (tensor<1x1x2x2xf32>, tensor<4xf32>) -> tensor<1x1x4x4xf32>
  return %0 : tensor<1x1x4x4xf32>
}

// -----

func.func @training(%x: tensor<2x3xf32>, %s: tensor<3xf32>, %b: tensor<3xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{cannot lower onnx.BatchNormalization (opset 15) to native code: training_mode=1 is not supported (inference only)}}
  %0 = "onnx.BatchNormalization"(%x, %s, %b, %m, %v) <{epsilon = 1.0e-5 : f32, momentum = 0.9 : f32, training_mode = 1 : i64, resultSegmentSizes = array<i32: 1, 0, 0>}> : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @runtime_axes(%x: tensor<2x3xf32>, %axes: tensor<1xi64>) -> tensor<?x?x?xf32> {
  // expected-error @+1 {{cannot lower onnx.Unsqueeze (opset 13) to native code: axes must be constant}}
  %0 = "onnx.Unsqueeze"(%x, %axes) : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<?x?x?xf32>
  return %0 : tensor<?x?x?xf32>
}

// -----

func.func @if_unranked(%c: tensor<i1>, %x: tensor<*xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{cannot lower onnx.If (opset 16) to native code: output 0 of type tensor<*xf32> has no known rank (give the branch outputs ranked tensor types)}}
  %0 = "onnx.If"(%c) ({
    onnx.Yield %x : tensor<*xf32>
  }, {
    onnx.Yield %x : tensor<*xf32>
  }) : (tensor<i1>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @unranked_operand(%x: tensor<*xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{cannot lower onnx.Relu (opset 14) to native code: operand 0 has no known rank (type tensor<*xf32>)}}
  %0 = "onnx.Relu"(%x) : (tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}
