// Where an older opset cannot express PyTorch's semantics the conversion
// refuses, with the reason, instead of exporting different numbers.
// RUN: torch-onnx-opt %s --convert-torch-to-onnx=opset=10 -verify-diagnostics
// RUN: torch-onnx-opt %s --convert-torch-to-onnx=opset=11 | FileCheck %s

// CHECK: onnx.ResizeV11{{.*}}coordinate_transformation_mode = "pytorch_half_pixel"{{.*}}mode_ = "linear"
func.func @forward(%x: !torch.vtensor<[1,2,3,4],f32>) -> !torch.vtensor<[1,2,6,8],f32> {
  %none = torch.constant.none
  %false = torch.constant.bool false
  %two = torch.constant.float 2.000000e+00
  %s = torch.prim.ListConstruct %two, %two : (!torch.float, !torch.float) -> !torch.list<float>
  // expected-error @+1 {{cannot convert 'aten.upsample_bilinear2d.vec' to ONNX opset 10: linear interpolation needs opset 11: Upsample and Resize-10 use asymmetric coordinates, which differ from PyTorch's (align_corners=False)}}
  %r = torch.aten.upsample_bilinear2d.vec %x, %none, %false, %s : (!torch.vtensor<[1,2,3,4],f32>, !torch.none, !torch.bool, !torch.list<float>) -> !torch.vtensor<[1,2,6,8],f32>
  return %r : !torch.vtensor<[1,2,6,8],f32>
}
