// The remaining overload forms at opset 17: conv2d with padding="same" as
// auto_pad SAME_UPPER, upsample_bicubic2d.vec with scale factors,
// tensor_split into sections (bounds from the length at run time, the
// pieces typed [2] from the static length), broadcast_tensors as Expands to
// the common shape, column_stack.
// RUN: torch-onnx-opt %s --torch-refine-types --convert-torch-to-onnx=opset=17 | FileCheck %s

// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<1x2x4x4xf32>
// CHECK-SAME: %[[A1:[^:]*]]: tensor<3x2x3x3xf32>
// CHECK-SAME: %[[A2:[^:]*]]: tensor<6xf32>
// CHECK-SAME: %[[A3:[^:]*]]: tensor<2x1xf32>
// CHECK-SAME: %[[A4:[^:]*]]: tensor<1x3xf32>
// CHECK: %[[C0:.*]] = onnx.Initializer {{.*}} = dense<false> : tensor<i1>
// CHECK: %[[C1:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[C2:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[C3:.*]] = onnx.Initializer {{.*}} = dense<3> : tensor<i64>
// CHECK: %[[C4:.*]] = onnx.Initializer {{.*}} = dense<2.000000e+00> : tensor<f32>
// CHECK: %[[C5:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<2xi64>
// CHECK: %[[C6:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R2:.*]] = onnx.Unsqueeze(%[[C4]], %[[C6]])
// CHECK: %[[C7:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R3:.*]] = onnx.Unsqueeze(%[[C4]], %[[C7]])
// CHECK: %[[R5:.*]] = onnx.Conv(%[[X]], %[[A1]]) {auto_pad = "SAME_UPPER", dilations = [1, 1], group = 1 : i64, kernel_shape = [3, 3], strides = [1, 1]} : (tensor<1x2x4x4xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x4x4xf32>
// CHECK: %[[C8:.*]] = onnx.Initializer {{.*}} = dense<[1.000000e+00, 1.000000e+00, 2.000000e+00, 2.000000e+00]> : tensor<4xf32>
// CHECK: %[[R6:.*]] = onnx.Resize(%[[X]], none, %[[C8]]) {coordinate_transformation_mode = "half_pixel", cubic_coeff_a = -7.500000e-01 : f32, exclude_outside = 0 : i64, extrapolation_value = 0.000000e+00 : f32, mode_ = "cubic", nearest_mode = "round_prefer_floor"} : (tensor<1x2x4x4xf32>, tensor<4xf32>) -> tensor<1x2x8x8xf32>
// CHECK: %[[C9:.*]] = onnx.Initializer {{.*}} = dense<3> : tensor<1xi64>
// CHECK: %[[C10:.*]] = onnx.Initializer {{.*}} = dense<6> : tensor<1xi64>
// CHECK: %[[R8:.*]] = onnx.Div(%[[C10]], %[[C9]])
// CHECK: %[[R9:.*]] = onnx.Mod(%[[C10]], %[[C9]]) {fmod = 0 : i64}
// CHECK: %[[C11:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R10:.*]] = onnx.Mul(%[[R8]], %[[C11]])
// CHECK: %[[C12:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R11:.*]] = onnx.Min(%[[R9]], %[[C12]])
// CHECK: %[[R12:.*]] = onnx.Add(%[[R10]], %[[R11]])
// CHECK: %[[C13:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R13:.*]] = onnx.Mul(%[[R8]], %[[C13]])
// CHECK: %[[C14:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R14:.*]] = onnx.Min(%[[R9]], %[[C14]])
// CHECK: %[[R15:.*]] = onnx.Add(%[[R13]], %[[R14]])
// CHECK: %[[C15:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[R16:.*]] = onnx.Mul(%[[R8]], %[[C15]])
// CHECK: %[[C16:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[R17:.*]] = onnx.Min(%[[R9]], %[[C16]])
// CHECK: %[[R18:.*]] = onnx.Add(%[[R16]], %[[R17]])
// CHECK: %[[C17:.*]] = onnx.Initializer {{.*}} = dense<9223372036854775807> : tensor<1xi64>
// CHECK: %[[C18:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R19:.*]] = onnx.Slice(%[[A2]], %[[R12]], %[[R15]], %[[C18]])
// CHECK: %[[R20:.*]] = onnx.Identity(%[[R19]]) : (tensor<*xf32>) -> tensor<2xf32>
// CHECK: %[[C19:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R21:.*]] = onnx.Slice(%[[A2]], %[[R15]], %[[R18]], %[[C19]])
// CHECK: %[[R22:.*]] = onnx.Identity(%[[R21]]) : (tensor<*xf32>) -> tensor<2xf32>
// CHECK: %[[C20:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R23:.*]] = onnx.Slice(%[[A2]], %[[R18]], %[[C17]], %[[C20]])
// CHECK: %[[R24:.*]] = onnx.Identity(%[[R23]]) : (tensor<*xf32>) -> tensor<2xf32>
// CHECK: %[[C21:.*]] = onnx.Initializer {{.*}} = dense<[2, 3]> : tensor<2xi64>
// CHECK: %[[R27:.*]] = onnx.Expand(%[[A3]], %[[C21]]) : (tensor<2x1xf32>, tensor<2xi64>) -> tensor<2x3xf32>
// CHECK: %[[R28:.*]] = onnx.Expand(%[[A4]], %[[C21]]) : (tensor<1x3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
// CHECK: %[[R30:.*]] = onnx.Concat(%[[A3]], %[[A3]]) {axis = 1 : i64} : (tensor<2x1xf32>, tensor<2x1xf32>) -> tensor<2x2xf32>
// CHECK: return %[[R5]], %[[R6]], %[[R20]], %[[R24]], %[[R27]], %[[R28]], %[[R30]], %[[R22]]
func.func @forward(%x: !torch.vtensor<[1,2,4,4],f32>, %w: !torch.vtensor<[3,2,3,3],f32>, %v: !torch.vtensor<[6],f32>, %y: !torch.vtensor<[2,1],f32>, %z: !torch.vtensor<[1,3],f32>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %none = torch.constant.none
  %false = torch.constant.bool false
  %c0 = torch.constant.int 0
  %c1 = torch.constant.int 1
  %c3 = torch.constant.int 3
  %f2 = torch.constant.float 2.000000e+00
  %same = torch.constant.str "same"
  %l1 = torch.prim.ListConstruct %c1, %c1 : (!torch.int, !torch.int) -> !torch.list<int>
  %scales = torch.prim.ListConstruct %f2, %f2 : (!torch.float, !torch.float) -> !torch.list<float>
  %r0 = torch.operator "aten::conv2d.padding"(%x, %w, %none, %l1, %same, %l1, %c1) : (!torch.vtensor<[1,2,4,4],f32>, !torch.vtensor<[3,2,3,3],f32>, !torch.none, !torch.list<int>, !torch.str, !torch.list<int>, !torch.int) -> !torch.vtensor
  %r1 = torch.operator "aten::upsample_bicubic2d.vec"(%x, %none, %false, %scales) : (!torch.vtensor<[1,2,4,4],f32>, !torch.none, !torch.bool, !torch.list<float>) -> !torch.vtensor
  %l = torch.operator "aten::tensor_split.sections"(%v, %c3, %c0) : (!torch.vtensor<[6],f32>, !torch.int, !torch.int) -> !torch.list<vtensor>
  %a, %b, %c = torch.prim.ListUnpack %l : !torch.list<vtensor> -> !torch.vtensor, !torch.vtensor, !torch.vtensor
  %yz = torch.prim.ListConstruct %y, %z : (!torch.vtensor<[2,1],f32>, !torch.vtensor<[1,3],f32>) -> !torch.list<vtensor>
  %bt = torch.operator "aten::broadcast_tensors"(%yz) : (!torch.list<vtensor>) -> !torch.list<vtensor>
  %p, %q = torch.prim.ListUnpack %bt : !torch.list<vtensor> -> !torch.vtensor, !torch.vtensor
  %yy = torch.prim.ListConstruct %y, %y : (!torch.vtensor<[2,1],f32>, !torch.vtensor<[2,1],f32>) -> !torch.list<vtensor>
  %cs = torch.operator "aten::column_stack"(%yy) : (!torch.list<vtensor>) -> !torch.vtensor
  return %r0, %r1, %a, %c, %p, %q, %cs, %b : !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor
}
