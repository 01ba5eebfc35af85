// Convolution overloads at opset 17: the internal _convolution (with and
// without allow_tf32) and convolution as Conv or, transposed, ConvTranspose
// with output_padding; _convolution_mode and the 1-d/3-d .padding overloads
// with padding="same" as SAME_UPPER (PyTorch pads an odd total at the end)
// and "valid" as zero pads; each with its refined result type.
// RUN: torch-onnx-opt %s --split-input-file --torch-refine-types --convert-torch-to-onnx=opset=17 | FileCheck %s

// aten._convolution (stride 2, padding 1, groups 2), aten.convolution
// transposed (output_padding 1), aten._convolution.deprecated.
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<1x4x8x8xf32>
// CHECK-SAME: %[[A1:[^:]*]]: tensor<6x2x3x3xf32>
// CHECK-SAME: %[[A2:[^:]*]]: tensor<6xf32>
// CHECK-SAME: %[[A3:[^:]*]]: tensor<4x3x3x3xf32>
// CHECK: %[[C0:.*]] = onnx.Initializer {{.*}} = dense<true> : tensor<i1>
// CHECK: %[[C1:.*]] = onnx.Initializer {{.*}} = dense<false> : tensor<i1>
// CHECK: %[[C2:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[C3:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[C4:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<i64>
// CHECK: %[[C5:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<2xi64>
// CHECK: %[[C6:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<2xi64>
// CHECK: %[[C7:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<2xi64>
// CHECK: %[[R1:.*]] = onnx.Conv(%[[X]], %[[A1]], %[[A2]]) {auto_pad = "NOTSET", dilations = [1, 1], group = 2 : i64, kernel_shape = [3, 3], pads = [1, 1, 1, 1], strides = [2, 2]} : (tensor<1x4x8x8xf32>, tensor<6x2x3x3xf32>, tensor<6xf32>) -> tensor<1x6x4x4xf32>
// CHECK: %[[R2:.*]] = onnx.ConvTranspose(%[[X]], %[[A3]]) {auto_pad = "NOTSET", dilations = [1, 1], group = 1 : i64, kernel_shape = [3, 3], output_padding = [1, 1], pads = [1, 1, 1, 1], strides = [2, 2]} : (tensor<1x4x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x3x16x16xf32>
// CHECK: %[[R3:.*]] = onnx.Conv(%[[X]], %[[A1]]) {auto_pad = "NOTSET", dilations = [2, 2], group = 2 : i64, kernel_shape = [3, 3], pads = [0, 0, 0, 0], strides = [1, 1]} : (tensor<1x4x8x8xf32>, tensor<6x2x3x3xf32>) -> tensor<1x6x4x4xf32>
// CHECK: return %[[R1]], %[[R2]], %[[R3]]
func.func @forward(%x: !torch.vtensor<[1,4,8,8],f32>, %w: !torch.vtensor<[6,2,3,3],f32>, %b: !torch.vtensor<[6],f32>, %wt: !torch.vtensor<[4,3,3,3],f32>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %none = torch.constant.none
  %true = torch.constant.bool true
  %false = torch.constant.bool false
  %c0 = torch.constant.int 0
  %c1 = torch.constant.int 1
  %c2 = torch.constant.int 2
  %l00 = torch.prim.ListConstruct %c0, %c0 : (!torch.int, !torch.int) -> !torch.list<int>
  %l11 = torch.prim.ListConstruct %c1, %c1 : (!torch.int, !torch.int) -> !torch.list<int>
  %l22 = torch.prim.ListConstruct %c2, %c2 : (!torch.int, !torch.int) -> !torch.list<int>
  %r0 = torch.aten._convolution %x, %w, %b, %l22, %l11, %l11, %false, %l00, %c2, %false, %false, %true, %true : (!torch.vtensor<[1,4,8,8],f32>, !torch.vtensor<[6,2,3,3],f32>, !torch.vtensor<[6],f32>, !torch.list<int>, !torch.list<int>, !torch.list<int>, !torch.bool, !torch.list<int>, !torch.int, !torch.bool, !torch.bool, !torch.bool, !torch.bool) -> !torch.vtensor
  %r1 = torch.aten.convolution %x, %wt, %none, %l22, %l11, %l11, %true, %l11, %c1 : (!torch.vtensor<[1,4,8,8],f32>, !torch.vtensor<[4,3,3,3],f32>, !torch.none, !torch.list<int>, !torch.list<int>, !torch.list<int>, !torch.bool, !torch.list<int>, !torch.int) -> !torch.vtensor
  %r2 = torch.aten._convolution.deprecated %x, %w, %none, %l11, %l00, %l22, %false, %l00, %c2, %false, %false, %true : (!torch.vtensor<[1,4,8,8],f32>, !torch.vtensor<[6,2,3,3],f32>, !torch.none, !torch.list<int>, !torch.list<int>, !torch.list<int>, !torch.bool, !torch.list<int>, !torch.int, !torch.bool, !torch.bool, !torch.bool) -> !torch.vtensor
  return %r0, %r1, %r2 : !torch.vtensor, !torch.vtensor, !torch.vtensor
}

// -----

// aten._convolution_mode ("same"), conv1d.padding ("valid", dilation 2) and
// conv3d.padding ("same").
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<1x2x6x6xf32>
// CHECK-SAME: %[[A1:[^:]*]]: tensor<3x2x3x3xf32>
// CHECK-SAME: %[[A2:[^:]*]]: tensor<1x2x9xf32>
// CHECK-SAME: %[[A3:[^:]*]]: tensor<3x2x3xf32>
// CHECK-SAME: %[[A4:[^:]*]]: tensor<1x2x4x4x4xf32>
// CHECK-SAME: %[[A5:[^:]*]]: tensor<3x2x2x2x2xf32>
// CHECK: %[[C0:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[C1:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<i64>
// CHECK: %[[C2:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[C3:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[C4:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<2xi64>
// CHECK: %[[C5:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<3xi64>
// CHECK: %[[R3:.*]] = onnx.Conv(%[[X]], %[[A1]]) {auto_pad = "SAME_UPPER", dilations = [1, 1], group = 1 : i64, kernel_shape = [3, 3], strides = [1, 1]} : (tensor<1x2x6x6xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x6x6xf32>
// CHECK: %[[R4:.*]] = onnx.Conv(%[[A2]], %[[A3]]) {auto_pad = "NOTSET", dilations = [2], group = 1 : i64, kernel_shape = [3], pads = [0, 0], strides = [1]} : (tensor<1x2x9xf32>, tensor<3x2x3xf32>) -> tensor<1x3x5xf32>
// CHECK: %[[R5:.*]] = onnx.Conv(%[[A4]], %[[A5]]) {auto_pad = "SAME_UPPER", dilations = [1, 1, 1], group = 1 : i64, kernel_shape = [2, 2, 2], strides = [1, 1, 1]} : (tensor<1x2x4x4x4xf32>, tensor<3x2x2x2x2xf32>) -> tensor<1x3x4x4x4xf32>
// CHECK: return %[[R3]], %[[R4]], %[[R5]]
func.func @forward(%x: !torch.vtensor<[1,2,6,6],f32>, %w: !torch.vtensor<[3,2,3,3],f32>, %x1: !torch.vtensor<[1,2,9],f32>, %w1: !torch.vtensor<[3,2,3],f32>, %x3: !torch.vtensor<[1,2,4,4,4],f32>, %w3: !torch.vtensor<[3,2,2,2,2],f32>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %none = torch.constant.none
  %c1 = torch.constant.int 1
  %c2 = torch.constant.int 2
  %same = torch.constant.str "same"
  %valid = torch.constant.str "valid"
  %l1 = torch.prim.ListConstruct %c1 : (!torch.int) -> !torch.list<int>
  %l2 = torch.prim.ListConstruct %c2 : (!torch.int) -> !torch.list<int>
  %l11 = torch.prim.ListConstruct %c1, %c1 : (!torch.int, !torch.int) -> !torch.list<int>
  %l111 = torch.prim.ListConstruct %c1, %c1, %c1 : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
  %r0 = torch.operator "aten::_convolution_mode"(%x, %w, %none, %l11, %same, %l11, %c1) : (!torch.vtensor<[1,2,6,6],f32>, !torch.vtensor<[3,2,3,3],f32>, !torch.none, !torch.list<int>, !torch.str, !torch.list<int>, !torch.int) -> !torch.vtensor
  %r1 = torch.aten.conv1d.padding %x1, %w1, %none, %l1, %valid, %l2, %c1 : (!torch.vtensor<[1,2,9],f32>, !torch.vtensor<[3,2,3],f32>, !torch.none, !torch.list<int>, !torch.str, !torch.list<int>, !torch.int) -> !torch.vtensor
  %r2 = torch.aten.conv3d.padding %x3, %w3, %none, %l111, %same, %l111, %c1 : (!torch.vtensor<[1,2,4,4,4],f32>, !torch.vtensor<[3,2,2,2,2],f32>, !torch.none, !torch.list<int>, !torch.str, !torch.list<int>, !torch.int) -> !torch.vtensor
  return %r0, %r1, %r2 : !torch.vtensor, !torch.vtensor, !torch.vtensor
}
