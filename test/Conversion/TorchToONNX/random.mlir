// Random ops: ONNX's generators shaped like the input; bernoulli is u < p
// before opset 15 and Bernoulli from 15; rrelu in inference is a leaky relu
// with the mean slope.
// RUN: torch-onnx-opt %s --torch-refine-types --convert-torch-to-onnx=opset=13 | FileCheck %s --check-prefix=O13
// RUN: torch-onnx-opt %s --torch-refine-types --convert-torch-to-onnx=opset=15 | FileCheck %s --check-prefix=O15

// O13-LABEL: func.func @main_graph(
// O13: %[[U:.*]] = onnx.RandomUniformLike(%arg0) {dtype = 1 : i64
// O13: %[[N:.*]] = onnx.RandomNormalLike(%arg0) {dtype = 1 : i64
// O13: %[[R:.*]] = onnx.RandomUniformLike(%arg0) {dtype = 1 : i64
// O13: %[[LT:.*]] = onnx.Less(%[[R]], %arg0)
// O13: %[[B:.*]] = onnx.Cast(%[[LT]]) {to = 1 : i64{{.*}}tensor<2x3xf32>
// O13: %[[L:.*]] = onnx.LeakyRelu(%arg0) {alpha = 2.000000e-01 : f32}
// O13: return %[[U]], %[[N]], %[[B]], %[[L]]
// O15-LABEL: func.func @main_graph(
// O15: onnx.Bernoulli(%arg0)
func.func @forward(%x: !torch.vtensor<[2,3],f32> {torch.name = "x"}) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %none = torch.constant.none
  %false = torch.constant.bool false
  %lo = torch.constant.float 1.000000e-01
  %hi = torch.constant.float 3.000000e-01
  %u = torch.operator "aten::rand_like"(%x, %none, %none, %none, %none, %none) : (!torch.vtensor<[2,3],f32>, !torch.none, !torch.none, !torch.none, !torch.none, !torch.none) -> !torch.vtensor
  %n = torch.operator "aten::randn_like"(%x, %none, %none, %none, %none, %none) : (!torch.vtensor<[2,3],f32>, !torch.none, !torch.none, !torch.none, !torch.none, !torch.none) -> !torch.vtensor
  %b = torch.operator "aten::bernoulli"(%x, %none) : (!torch.vtensor<[2,3],f32>, !torch.none) -> !torch.vtensor
  %r = torch.operator "aten::rrelu"(%x, %lo, %hi, %false, %none) : (!torch.vtensor<[2,3],f32>, !torch.float, !torch.float, !torch.bool, !torch.none) -> !torch.vtensor
  return %u, %n, %b, %r : !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor
}
