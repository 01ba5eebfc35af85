// Remaining overloads at opset 17: TorchScript's move/identity forms, the
// bool-tensor __and__/__or__, nll_loss_nd, _native_batch_norm_legit_no_training
// without affine parameters (ones/zeros of the channel count, a case that
// crashed), the list-returning where/nonzero_numpy/tensor_split.indices/
// unsafe_split_with_sizes/meshgrid (each piece's refined type: tensor_split's
// from its constant indices, plain meshgrid's from its inputs' lengths, both
// once unknown), dstack, and the 1-d/3-d upsample .vec forms.
// RUN: torch-onnx-opt %s --split-input-file --torch-refine-types --convert-torch-to-onnx=opset=17 | FileCheck %s

// TorchScript's move and identity forms: contiguous, to.device, to.dtype_layout
// (a Cast to f64), feature_alpha_dropout in eval (Identity), normal (the
// functional normal_) as RandomNormalLike, __and__/__or__ on bool tensors,
// nll_loss_nd and _native_batch_norm_legit_no_training.
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3xf32>
// CHECK-SAME: %[[A1:[^:]*]]: tensor<2x3xi1>
// CHECK-SAME: %[[A2:[^:]*]]: tensor<2x3xi1>
// CHECK-SAME: %[[A3:[^:]*]]: tensor<2xi64>
// CHECK-SAME: %[[A4:[^:]*]]: tensor<1x3x2x2xf32>
// CHECK-SAME: %[[A5:[^:]*]]: tensor<3xf32>
// CHECK-SAME: %[[A6:[^:]*]]: tensor<3xf32>
// CHECK: %[[C0:.*]] = onnx.Initializer {{.*}} = dense<false> : tensor<i1>
// CHECK: %[[C1:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[C2:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[C3:.*]] = onnx.Initializer {{.*}} = dense<6> : tensor<i64>
// CHECK: %[[C4:.*]] = onnx.Initializer {{.*}} = dense<7> : tensor<i64>
// CHECK: %[[C5:.*]] = onnx.Initializer {{.*}} = dense<-100> : tensor<i64>
// CHECK: %[[C6:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[C7:.*]] = onnx.Initializer {{.*}} = dense<2.000000e+00> : tensor<f32>
// CHECK: %[[C8:.*]] = onnx.Initializer {{.*}} = dense<9.99999974E-6> : tensor<f32>
// CHECK: %[[R2:.*]] = onnx.Identity(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R3:.*]] = onnx.Identity(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R4:.*]] = onnx.Cast(%[[X]]) {to = 11 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf64>
// CHECK: %[[R5:.*]] = onnx.Identity(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R6:.*]] = onnx.RandomNormalLike(%[[X]]) {dtype = 1 : i64, mean = 5.000000e-01 : f32, scale = 2.000000e+00 : f32} : tensor<2x3xf32>
// CHECK: %[[R7:.*]] = onnx.And(%[[A1]], %[[A2]]) : tensor<2x3xi1>
// CHECK: %[[R8:.*]] = onnx.Or(%[[A1]], %[[A2]]) : tensor<2x3xi1>
// CHECK: %[[R9:.*]] = onnx.NegativeLogLikelihoodLoss(%[[X]], %[[A3]]) {ignore_index = -100 : i64, reduction = "mean"} : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<f32>
// CHECK: %[[C9:.*]] = onnx.Initializer {{.*}} = dense<1.000000e+00> : tensor<3xf32>
// CHECK: %[[C10:.*]] = onnx.Initializer {{.*}} = dense<0.000000e+00> : tensor<3xf32>
// CHECK: %[[R10:.*]] = onnx.BatchNormalization(%[[A4]], %[[C9]], %[[C10]], %[[A5]], %[[A6]]) {epsilon = 9.99999974E-6 : f32, momentum = 5.000000e-01 : f32, resultSegmentSizes = array<i32: 1, 0, 0>, training_mode = 0 : i64} : (tensor<1x3x2x2xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x2x2xf32>
// CHECK: %[[C11:.*]] = onnx.Initializer {{.*}} = dense<> : tensor<0xf32>
// CHECK: return %[[R2]], %[[R3]], %[[R4]], %[[R5]], %[[R6]], %[[R7]], %[[R8]], %[[R9]], %[[R10]]
func.func @forward(%x: !torch.vtensor<[2,3],f32>, %p: !torch.vtensor<[2,3],i1>, %q: !torch.vtensor<[2,3],i1>, %t: !torch.vtensor<[2],si64>, %img: !torch.vtensor<[1,3,2,2],f32>, %m: !torch.vtensor<[3],f32>, %v: !torch.vtensor<[3],f32>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %none = torch.constant.none
  %false = torch.constant.bool false
  %c0 = torch.constant.int 0
  %c1 = torch.constant.int 1
  %c6 = torch.constant.int 6
  %c7 = torch.constant.int 7
  %cm100 = torch.constant.int -100
  %f = torch.constant.float 5.000000e-01
  %f2 = torch.constant.float 2.000000e+00
  %eps = torch.constant.float 1.000000e-05
  %cpu = torch.constant.device "cpu"
  %r0 = torch.aten.contiguous %x, %c0 : (!torch.vtensor<[2,3],f32>, !torch.int) -> !torch.vtensor
  %r1 = torch.aten.to.device %x, %cpu, %c6, %false, %false, %none : (!torch.vtensor<[2,3],f32>, !torch.Device, !torch.int, !torch.bool, !torch.bool, !torch.none) -> !torch.vtensor
  %r2 = torch.operator "aten::to.dtype_layout"(%x, %c7, %none, %none, %none, %false, %false, %none) : (!torch.vtensor<[2,3],f32>, !torch.int, !torch.none, !torch.none, !torch.none, !torch.bool, !torch.bool, !torch.none) -> !torch.vtensor
  %r3 = torch.operator "aten::feature_alpha_dropout"(%x, %f, %false) : (!torch.vtensor<[2,3],f32>, !torch.float, !torch.bool) -> !torch.vtensor
  %r4 = torch.operator "aten::normal"(%x, %f, %f2, %none) : (!torch.vtensor<[2,3],f32>, !torch.float, !torch.float, !torch.none) -> !torch.vtensor
  %r5 = torch.aten.__and__.Tensor %p, %q : (!torch.vtensor<[2,3],i1>, !torch.vtensor<[2,3],i1>) -> !torch.vtensor
  %r6 = torch.aten.__or__.Tensor %p, %q : (!torch.vtensor<[2,3],i1>, !torch.vtensor<[2,3],i1>) -> !torch.vtensor
  %r7 = torch.operator "aten::nll_loss_nd"(%x, %t, %none, %c1, %cm100) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2],si64>, !torch.none, !torch.int, !torch.int) -> !torch.vtensor
  %bn:3 = torch.operator "aten::_native_batch_norm_legit_no_training"(%img, %none, %none, %m, %v, %f, %eps) : (!torch.vtensor<[1,3,2,2],f32>, !torch.none, !torch.none, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>, !torch.float, !torch.float) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor)
  return %r0, %r1, %r2, %r3, %r4, %r5, %r6, %r7, %bn#0 : !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor
}

// -----

// List-returning forms: one-argument where and nonzero_numpy (one index
// tensor per dim, from NonZero's rows), tensor_split.indices,
// unsafe_split_with_sizes, meshgrid (ij), and dstack.
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3xf32>
// CHECK-SAME: %[[A1:[^:]*]]: tensor<3xf32>
// CHECK-SAME: %[[A2:[^:]*]]: tensor<2xf32>
// CHECK: %[[C0:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[C1:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[C2:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<i64>
// CHECK: %[[R0:.*]] = onnx.NonZero(%[[X]])
// CHECK: %[[R1:.*]] = onnx.SplitToSequence(%[[R0]]) {axis = 0 : i64, keepdims = 0 : i64}
// CHECK: %[[C3:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[R2:.*]] = onnx.SequenceAt(%[[R1]], %[[C3]]) : (!onnx.seq<tensor<*xi64>>, tensor<i64>) -> tensor<?xi64>
// CHECK: %[[C4:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[R3:.*]] = onnx.SequenceAt(%[[R1]], %[[C4]]) : (!onnx.seq<tensor<*xi64>>, tensor<i64>) -> tensor<?xi64>
// CHECK: %[[R4:.*]] = onnx.NonZero(%[[X]])
// CHECK: %[[R5:.*]] = onnx.SplitToSequence(%[[R4]]) {axis = 0 : i64, keepdims = 0 : i64}
// CHECK: %[[C5:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[C6:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[R7:.*]] = onnx.SequenceAt(%[[R5]], %[[C6]]) : (!onnx.seq<tensor<*xi64>>, tensor<i64>) -> tensor<?xi64>
// CHECK: %[[C7:.*]] = onnx.Initializer {{.*}} = dense<[1, 2]> : tensor<2xi64>
// CHECK: %[[C8:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[C9:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[C10:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[C11:.*]] = onnx.Initializer {{.*}} = dense<9223372036854775807> : tensor<1xi64>
// CHECK: %[[C12:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R9:.*]] = onnx.Slice(%[[X]], %[[C8]], %[[C9]], %[[C12]])
// CHECK: %[[R10:.*]] = onnx.Identity(%[[R9]]) : (tensor<*xf32>) -> tensor<2x1xf32>
// CHECK: %[[C13:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R11:.*]] = onnx.Slice(%[[X]], %[[C9]], %[[C10]], %[[C13]])
// CHECK: %[[C14:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R13:.*]] = onnx.Slice(%[[X]], %[[C10]], %[[C11]], %[[C14]])
// CHECK: %[[R14:.*]] = onnx.Identity(%[[R13]]) : (tensor<*xf32>) -> tensor<2x1xf32>
// CHECK: %[[C15:.*]] = onnx.Initializer {{.*}} = dense<[1, 2]> : tensor<2xi64>
// CHECK: %[[C16:.*]] = onnx.Initializer {{.*}} = dense<[1, 2]> : tensor<2xi64>
// CHECK: %[[R16:.*]]:2 = onnx.Split(%[[X]], %[[C16]]) {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2xi64>) -> (tensor<2x1xf32>, tensor<2x2xf32>)
// CHECK: %[[C17:.*]] = onnx.Initializer {{.*}} = dense<[3, 2]> : tensor<2xi64>
// CHECK: %[[C18:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R19:.*]] = onnx.Unsqueeze(%[[A1]], %[[C18]])
// CHECK: %[[R20:.*]] = onnx.Expand(%[[R19]], %[[C17]]) : (tensor<*xf32>, tensor<2xi64>) -> tensor<3x2xf32>
// CHECK: %[[C19:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R21:.*]] = onnx.Unsqueeze(%[[A2]], %[[C19]])
// CHECK: %[[R22:.*]] = onnx.Expand(%[[R21]], %[[C17]]) : (tensor<*xf32>, tensor<2xi64>) -> tensor<3x2xf32>
// CHECK: %[[C20:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[R24:.*]] = onnx.Unsqueeze(%[[X]], %[[C20]])
// CHECK: %[[C21:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[R25:.*]] = onnx.Unsqueeze(%[[X]], %[[C21]])
// CHECK: %[[R26:.*]] = onnx.Concat(%[[R24]], %[[R25]]) {axis = 2 : i64} : (tensor<*xf32>, tensor<*xf32>) -> tensor<2x3x2xf32>
// CHECK: return %[[R2]], %[[R7]], %[[R10]], %[[R14]], %[[R16]]#1, %[[R20]], %[[R22]], %[[R26]], %[[R3]]
func.func @forward(%x: !torch.vtensor<[2,3],f32>, %a: !torch.vtensor<[3],f32>, %b: !torch.vtensor<[2],f32>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %c0 = torch.constant.int 0
  %c1 = torch.constant.int 1
  %c2 = torch.constant.int 2
  %wl = torch.aten.where %x : (!torch.vtensor<[2,3],f32>) -> !torch.list<vtensor>
  %w0, %w1 = torch.prim.ListUnpack %wl : !torch.list<vtensor> -> !torch.vtensor, !torch.vtensor
  %nl = torch.operator "aten::nonzero_numpy"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.list<vtensor>
  %n0, %n1 = torch.prim.ListUnpack %nl : !torch.list<vtensor> -> !torch.vtensor, !torch.vtensor
  %idx = torch.prim.ListConstruct %c1, %c2 : (!torch.int, !torch.int) -> !torch.list<int>
  %tl = torch.aten.tensor_split.indices %x, %idx, %c1 : (!torch.vtensor<[2,3],f32>, !torch.list<int>, !torch.int) -> !torch.list<vtensor>
  %t0, %t1, %t2 = torch.prim.ListUnpack %tl : !torch.list<vtensor> -> !torch.vtensor, !torch.vtensor, !torch.vtensor
  %sz = torch.prim.ListConstruct %c1, %c2 : (!torch.int, !torch.int) -> !torch.list<int>
  %ul = torch.operator "aten::unsafe_split_with_sizes"(%x, %sz, %c1) : (!torch.vtensor<[2,3],f32>, !torch.list<int>, !torch.int) -> !torch.list<vtensor>
  %u0, %u1 = torch.prim.ListUnpack %ul : !torch.list<vtensor> -> !torch.vtensor, !torch.vtensor
  %ab = torch.prim.ListConstruct %a, %b : (!torch.vtensor<[3],f32>, !torch.vtensor<[2],f32>) -> !torch.list<vtensor>
  %ml = torch.operator "aten::meshgrid"(%ab) : (!torch.list<vtensor>) -> !torch.list<vtensor>
  %m0, %m1 = torch.prim.ListUnpack %ml : !torch.list<vtensor> -> !torch.vtensor, !torch.vtensor
  %xx = torch.prim.ListConstruct %x, %x : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>) -> !torch.list<vtensor>
  %d = torch.operator "aten::dstack"(%xx) : (!torch.list<vtensor>) -> !torch.vtensor
  return %w0, %n1, %t0, %t2, %u1, %m0, %m1, %d, %w1 : !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor
}

// -----

// The .vec upsample overloads: nearest1d and linear1d by output size,
// nearest3d and trilinear3d (align_corners) by scale factors.
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<1x2x4xf32>
// CHECK-SAME: %[[A1:[^:]*]]: tensor<1x2x2x2x2xf32>
// CHECK: %[[C0:.*]] = onnx.Initializer {{.*}} = dense<true> : tensor<i1>
// CHECK: %[[C1:.*]] = onnx.Initializer {{.*}} = dense<false> : tensor<i1>
// CHECK: %[[C2:.*]] = onnx.Initializer {{.*}} = dense<8> : tensor<i64>
// CHECK: %[[C3:.*]] = onnx.Initializer {{.*}} = dense<2.000000e+00> : tensor<f32>
// CHECK: %[[C4:.*]] = onnx.Initializer {{.*}} = dense<8> : tensor<1xi64>
// CHECK: %[[C5:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R1:.*]] = onnx.Unsqueeze(%[[C3]], %[[C5]])
// CHECK: %[[C6:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R2:.*]] = onnx.Unsqueeze(%[[C3]], %[[C6]])
// CHECK: %[[C7:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R3:.*]] = onnx.Unsqueeze(%[[C3]], %[[C7]])
// CHECK: %[[C8:.*]] = onnx.Initializer {{.*}} = dense<8> : tensor<1xi64>
// CHECK: %[[R5:.*]] = onnx.Shape(%[[X]]) {start = 0 : i64}
// CHECK: %[[C9:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[C10:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[C11:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R6:.*]] = onnx.Slice(%[[R5]], %[[C9]], %[[C10]], %[[C11]])
// CHECK: %[[R7:.*]] = onnx.Concat(%[[R6]], %[[C8]]) {axis = 0 : i64}
// CHECK: %[[R8:.*]] = onnx.Resize(%[[X]], none, none, %[[R7]]) {coordinate_transformation_mode = "asymmetric", cubic_coeff_a = -7.500000e-01 : f32, exclude_outside = 0 : i64, extrapolation_value = 0.000000e+00 : f32, mode_ = "nearest", nearest_mode = "floor"} : (tensor<1x2x4xf32>, tensor<?xi64>) -> tensor<1x2x8xf32>
// CHECK: %[[C12:.*]] = onnx.Initializer {{.*}} = dense<8> : tensor<1xi64>
// CHECK: %[[R9:.*]] = onnx.Shape(%[[X]]) {start = 0 : i64}
// CHECK: %[[C13:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[C14:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[C15:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R10:.*]] = onnx.Slice(%[[R9]], %[[C13]], %[[C14]], %[[C15]])
// CHECK: %[[R11:.*]] = onnx.Concat(%[[R10]], %[[C12]]) {axis = 0 : i64}
// CHECK: %[[R12:.*]] = onnx.Resize(%[[X]], none, none, %[[R11]]) {coordinate_transformation_mode = "pytorch_half_pixel", cubic_coeff_a = -7.500000e-01 : f32, exclude_outside = 0 : i64, extrapolation_value = 0.000000e+00 : f32, mode_ = "linear", nearest_mode = "round_prefer_floor"} : (tensor<1x2x4xf32>, tensor<?xi64>) -> tensor<1x2x8xf32>
// CHECK: %[[C16:.*]] = onnx.Initializer {{.*}} = dense<[1.000000e+00, 1.000000e+00, 2.000000e+00, 2.000000e+00, 2.000000e+00]> : tensor<5xf32>
// CHECK: %[[R13:.*]] = onnx.Resize(%[[A1]], none, %[[C16]]) {coordinate_transformation_mode = "asymmetric", cubic_coeff_a = -7.500000e-01 : f32, exclude_outside = 0 : i64, extrapolation_value = 0.000000e+00 : f32, mode_ = "nearest", nearest_mode = "floor"} : (tensor<1x2x2x2x2xf32>, tensor<5xf32>) -> tensor<1x2x4x4x4xf32>
// CHECK: %[[C17:.*]] = onnx.Initializer {{.*}} = dense<[1.000000e+00, 1.000000e+00, 2.000000e+00, 2.000000e+00, 2.000000e+00]> : tensor<5xf32>
// CHECK: %[[R14:.*]] = onnx.Resize(%[[A1]], none, %[[C17]]) {coordinate_transformation_mode = "align_corners", cubic_coeff_a = -7.500000e-01 : f32, exclude_outside = 0 : i64, extrapolation_value = 0.000000e+00 : f32, mode_ = "linear", nearest_mode = "round_prefer_floor"} : (tensor<1x2x2x2x2xf32>, tensor<5xf32>) -> tensor<1x2x4x4x4xf32>
// CHECK: return %[[R8]], %[[R12]], %[[R13]], %[[R14]]
func.func @forward(%x: !torch.vtensor<[1,2,4],f32>, %v: !torch.vtensor<[1,2,2,2,2],f32>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %none = torch.constant.none
  %true = torch.constant.bool true
  %false = torch.constant.bool false
  %c8 = torch.constant.int 8
  %f2 = torch.constant.float 2.000000e+00
  %s = torch.prim.ListConstruct %c8 : (!torch.int) -> !torch.list<int>
  %sc = torch.prim.ListConstruct %f2, %f2, %f2 : (!torch.float, !torch.float, !torch.float) -> !torch.list<float>
  %r0 = torch.operator "aten::upsample_nearest1d.vec"(%x, %s, %none) : (!torch.vtensor<[1,2,4],f32>, !torch.list<int>, !torch.none) -> !torch.vtensor
  %r1 = torch.operator "aten::upsample_linear1d.vec"(%x, %s, %false, %none) : (!torch.vtensor<[1,2,4],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor
  %r2 = torch.operator "aten::upsample_nearest3d.vec"(%v, %none, %sc) : (!torch.vtensor<[1,2,2,2,2],f32>, !torch.none, !torch.list<float>) -> !torch.vtensor
  %r3 = torch.operator "aten::upsample_trilinear3d.vec"(%v, %none, %true, %sc) : (!torch.vtensor<[1,2,2,2,2],f32>, !torch.none, !torch.bool, !torch.list<float>) -> !torch.vtensor
  return %r0, %r1, %r2, %r3 : !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor
}
