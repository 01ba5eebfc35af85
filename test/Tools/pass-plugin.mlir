// An out-of-tree pass (examples/pass-plugin, built with
// torch_onnx_add_pass_plugin) loaded into torch-onnx-opt: it sees the typed
// onnx ops and their ONNXOpInterface.
// RUN: torch-onnx-opt %s --load-pass-plugin=%torch_onnx_lib_dir/libONNXOpSummary.so \
// RUN:   --pass-pipeline='builtin.module(func.func(onnx-op-summary{annotate}))' \
// RUN:   | FileCheck %s
// A plugin that is not there is an error.
// RUN: not torch-onnx-opt %s --load-pass-plugin=%t.missing.so 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MISSING

// CHECK: @graph: 1 initializers
// CHECK-NEXT: Squeeze x1 (opset 1..11)
// CHECK-NEXT: Relu x2 (opset 6..14)
// CHECK-LABEL: func.func @graph
// CHECK: onnx.SqueezeV1(%{{.*}}) {axes = [0], example.opset_range = array<i64: 1, 11>}
// CHECK: onnx.Relu(%{{.*}}) {example.opset_range = array<i64: 6, 14>}
// MISSING: error: cannot load pass plugin {{.*}}missing.so
func.func @graph(%x: tensor<1x3xf32>) -> tensor<3xf32> {
  %w = onnx.Initializer "w" = dense<1.0> : tensor<3xf32>
  %s = "onnx.SqueezeV1"(%x) <{axes = [0]}> : (tensor<1x3xf32>) -> tensor<3xf32>
  %r = "onnx.Relu"(%s) : (tensor<3xf32>) -> tensor<3xf32>
  %a = "onnx.Relu"(%r) : (tensor<3xf32>) -> tensor<3xf32>
  return %a : tensor<3xf32>
}
