// RUN: torch-onnx-opt %s -split-input-file -verify-diagnostics

func.func @type_var_mismatch(%a: tensor<2xf32>, %b: tensor<2xi64>) {
  // expected-error @+1 {{'onnx.Add' op failed to verify that type constraint 'T' binds one element type to all its uses (ONNX Add-14)}}
  %0 = "onnx.Add"(%a, %b) : (tensor<2xf32>, tensor<2xi64>) -> tensor<2xf32>
  return
}

// -----

func.func @disallowed_element_type(%a: tensor<2xui8>) {
  // expected-error @+1 {{'onnx.Relu' op operand #0 must be}}
  %0 = "onnx.Relu"(%a) : (tensor<2xui8>) -> tensor<2xui8>
  return
}

// -----

func.func @missing_required_attr(%a: tensor<2xf32>) {
  // expected-error @+1 {{'onnx.Cast' op requires attribute 'to'}}
  %0 = "onnx.Cast"(%a) : (tensor<2xf32>) -> tensor<2xi64>
  return
}

// -----

func.func @initializer_type(%a: tensor<2xf32>) {
  // expected-error @+1 {{'onnx.Initializer' op value type 'tensor<2xf32>' does not match result type 'tensor<3xf32>'}}
  %0 = "onnx.Initializer"() <{name = "w", value = dense<1.0> : tensor<2xf32>}> : () -> tensor<3xf32>
  return
}

// -----

func.func @initializer_name() {
  // expected-error @+1 {{'onnx.Initializer' op requires a non-empty name (ONNX IR: initializers are referenced by name)}}
  %0 = onnx.Initializer "" = dense<1.0> : tensor<2xf32>
  return
}

// -----

func.func @custom_regions(%a: tensor<2xf32>) {
  // expected-error @+1 {{'onnx.Custom' op has 1 graph regions but 0 region_names}}
  %0 = onnx.Custom "x" "Y"(%a) : (tensor<2xf32>) -> tensor<2xf32> ({
    onnx.Yield
  })
  return
}

// -----

func.func @custom_op_type(%a: tensor<2xf32>) {
  // expected-error @+1 {{'onnx.Custom' op requires a non-empty op_type (ONNX IR: NodeProto.op_type)}}
  %0 = onnx.Custom "x" ""(%a) : (tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @node_syntax_missing_required(%x: tensor<4xf32>) {
  // expected-error @+1 {{required input #1 is missing}}
  %0 = onnx.Add(%x, none) : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @node_syntax_none_in_variadic(%x: tensor<4xf32>) {
  // expected-error @+1 {{'none' inside a variadic input list}}
  %0 = onnx.Concat(%x, none, %x) {axis = 0 : i64} : (tensor<4xf32>, tensor<4xf32>) -> tensor<8xf32>
  return
}

// -----

func.func @node_syntax_too_many(%x: tensor<4xf32>) {
  // expected-error @+1 {{expected at most 1 inputs}}
  %0 = onnx.Relu(%x, %x) : tensor<4xf32>
  return
}

// -----

func.func @node_syntax_missing_regions(%c: tensor<i1>) -> tensor<4xf32> {
  // expected-error @+1 {{'onnx.If' op expected 2 regions}}
  %0 = onnx.If(%c) : (tensor<i1>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @node_syntax_type_count(%a: tensor<4xf32>) {
  // expected-error @+1 {{number of operands and types do not match: got 2 operands and 1 types}}
  %0 = onnx.Add(%a, %a) : (tensor<4xf32>) -> tensor<4xf32>
  return
}
