// operator_export_type=ONNX_FALLTHROUGH: ops without a lowering are kept as
// nodes of the org.pytorch.aten domain, which the model then imports.
// RUN: torch-onnx-opt %s --convert-torch-to-onnx="fallthrough=true" | FileCheck %s

// CHECK: onnx.opset_import = {{\[\["", 17\], \["org.pytorch.aten", 1\]\]}}
// CHECK: %[[R:.*]] = onnx.Relu
// CHECK: onnx.Custom "org.pytorch.aten" "aten.mystery"(%[[R]]) {version = 1 : i64} : (tensor<2xf32>) -> tensor<2xf32>
func.func @forward(%x: !torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32> {
  %y = torch.aten.relu %x : (!torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32>
  %r = torch.operator "aten::mystery"(%y) : (!torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32>
  return %r : !torch.vtensor<[2],f32>
}
