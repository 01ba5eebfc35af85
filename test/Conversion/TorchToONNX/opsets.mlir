// The form each opset needs: attribute vs input axes, Clip bounds, Reduce*.
// RUN: torch-onnx-opt %s --convert-torch-to-onnx=opset=9 | FileCheck %s --check-prefixes=CHECK,O9
// RUN: torch-onnx-opt %s --convert-torch-to-onnx=opset=11 | FileCheck %s --check-prefixes=CHECK,O11
// RUN: torch-onnx-opt %s --convert-torch-to-onnx=opset=13 | FileCheck %s --check-prefixes=CHECK,O13
// RUN: torch-onnx-opt %s --convert-torch-to-onnx=opset=17 | FileCheck %s --check-prefixes=CHECK,O17

// CHECK: module attributes {
// O9-SAME: onnx.ir_version = 4 : i64, onnx.opset_import = {{\[\["", 9\]\]}}
// O17-SAME: onnx.ir_version = 8 : i64, onnx.opset_import = {{\[\["", 17\]\]}}
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:.*]]: tensor<?x4xf32> {onnx.dim_params = ["batch", ""], onnx.name = "x"}
func.func @forward(%x: !torch.vtensor<[?,4],f32> {torch.name = "x", torch.dim_names = ["batch", ""]}) -> (!torch.vtensor<[?,1,4],f32>, !torch.vtensor<[?,4],f32>, !torch.vtensor<[?],f32>) {
  %one = torch.constant.int 1
  %lo = torch.constant.float -5.000000e-01
  %hi = torch.constant.float 5.000000e-01
  %true = torch.constant.bool true
  %false = torch.constant.bool false
  %none = torch.constant.none
  // O9: onnx.UnsqueezeV1(%[[X]]) {axes = [1]}
  // O11: onnx.UnsqueezeV1(%[[X]]) {axes = [1]}
  // O13: %[[AX:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
  // O13: onnx.Unsqueeze(%[[X]], %[[AX]])
  // O17: onnx.Unsqueeze(%[[X]],
  %u = torch.aten.unsqueeze %x, %one : (!torch.vtensor<[?,4],f32>, !torch.int) -> !torch.vtensor<[?,1,4],f32>
  // O9: onnx.ClipV6(%[[X]]) {max = 5.000000e-01 : f32, min = -5.000000e-01 : f32}
  // O11: onnx.Clip(%[[X]], %{{.*}}, %{{.*}}) {{.*}}: (tensor<?x4xf32>, tensor<f32>, tensor<f32>)
  // O17: onnx.Clip(%[[X]], %{{.*}}, %{{.*}}) {{.*}}: (tensor<?x4xf32>, tensor<f32>, tensor<f32>)
  %c = torch.aten.clamp %x, %lo, %hi : (!torch.vtensor<[?,4],f32>, !torch.float, !torch.float) -> !torch.vtensor<[?,4],f32>
  %dims = torch.prim.ListConstruct %one : (!torch.int) -> !torch.list<int>
  // O9: onnx.ReduceSumV1(%{{.*}}) {axes = [1], keepdims = 0 : i64}
  // O11: onnx.ReduceSumV1(%{{.*}}) {axes = [1], keepdims = 0 : i64}
  // O13: onnx.ReduceSum(%{{.*}}, %{{.*}}) {keepdims = 0 : i64
  // O17: onnx.ReduceSum(%{{.*}}, %{{.*}}) {keepdims = 0 : i64
  %s = torch.aten.sum.dim_IntList %c, %dims, %false, %none : (!torch.vtensor<[?,4],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[?],f32>
  // CHECK: return %{{.*}}, %{{.*}}, %{{.*}} : tensor<?x1x4xf32>, tensor<?x4xf32>, tensor<?xf32>
  return %u, %c, %s : !torch.vtensor<[?,1,4],f32>, !torch.vtensor<[?,4],f32>, !torch.vtensor<[?],f32>
}
