// Resizing and indexing at opset 17: upsample_* as Resize (sizes from the
// input's batch/channel dims and the requested spatial sizes, or scales;
// the coordinate mode each torch op implies), index_put as ScatterND with
// normalized indices, index_add/index_copy/index_fill/scatter.value as
// ScatterElements, masked_select as Compress, index.Tensor as Gather,
// masked_scatter through NonZero; each with its refined result type.
// RUN: torch-onnx-opt %s --torch-refine-types --convert-torch-to-onnx=opset=17 | FileCheck %s

// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<1x2x4x4xf32>
// CHECK-SAME: %[[A1:[^:]*]]: tensor<5x3xf32>
// CHECK-SAME: %[[A2:[^:]*]]: tensor<2xi64>
// CHECK-SAME: %[[A3:[^:]*]]: tensor<2x3xf32>
// CHECK-SAME: %[[A4:[^:]*]]: tensor<5x3xi1>
// CHECK-SAME: %[[A5:[^:]*]]: tensor<5x3xi64>
// CHECK-SAME: %[[A6:[^:]*]]: tensor<1x2x4xf32>
// CHECK: %[[C0:.*]] = onnx.Initializer {{.*}} = dense<false> : tensor<i1>
// CHECK: %[[C1:.*]] = onnx.Initializer {{.*}} = dense<true> : tensor<i1>
// CHECK: %[[C2:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[C3:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[C4:.*]] = onnx.Initializer {{.*}} = dense<8> : tensor<i64>
// CHECK: %[[C5:.*]] = onnx.Initializer {{.*}} = dense<2.000000e+00> : tensor<f32>
// CHECK: %[[C6:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[C7:.*]] = onnx.Initializer {{.*}} = dense<8> : tensor<2xi64>
// CHECK: %[[C8:.*]] = onnx.Initializer {{.*}} = dense<8> : tensor<1xi64>
// CHECK: %[[C9:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R1:.*]] = onnx.Unsqueeze(%[[C5]], %[[C9]])
// CHECK: %[[C10:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R2:.*]] = onnx.Unsqueeze(%[[C5]], %[[C10]])
// CHECK: %[[C11:.*]] = onnx.Initializer {{.*}} = dense<8> : tensor<2xi64>
// CHECK: %[[R4:.*]] = onnx.Shape(%[[X]]) {start = 0 : i64}
// CHECK: %[[C12:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[C13:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[C14:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R5:.*]] = onnx.Slice(%[[R4]], %[[C12]], %[[C13]], %[[C14]])
// CHECK: %[[R6:.*]] = onnx.Concat(%[[R5]], %[[C11]]) {axis = 0 : i64}
// CHECK: %[[R7:.*]] = onnx.Resize(%[[X]], none, none, %[[R6]]) {coordinate_transformation_mode = "asymmetric", cubic_coeff_a = -7.500000e-01 : f32, exclude_outside = 0 : i64, extrapolation_value = 0.000000e+00 : f32, mode_ = "nearest", nearest_mode = "floor"} : (tensor<1x2x4x4xf32>, tensor<?xi64>) -> tensor<1x2x8x8xf32>
// CHECK: %[[C15:.*]] = onnx.Initializer {{.*}} = dense<[1.000000e+00, 1.000000e+00, 2.000000e+00, 2.000000e+00]> : tensor<4xf32>
// CHECK: %[[R8:.*]] = onnx.Resize(%[[X]], none, %[[C15]]) {coordinate_transformation_mode = "asymmetric", cubic_coeff_a = -7.500000e-01 : f32, exclude_outside = 0 : i64, extrapolation_value = 0.000000e+00 : f32, mode_ = "nearest", nearest_mode = "floor"} : (tensor<1x2x4x4xf32>, tensor<4xf32>) -> tensor<1x2x8x8xf32>
// CHECK: %[[C16:.*]] = onnx.Initializer {{.*}} = dense<8> : tensor<2xi64>
// CHECK: %[[R9:.*]] = onnx.Shape(%[[X]]) {start = 0 : i64}
// CHECK: %[[C17:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[C18:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[C19:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R10:.*]] = onnx.Slice(%[[R9]], %[[C17]], %[[C18]], %[[C19]])
// CHECK: %[[R11:.*]] = onnx.Concat(%[[R10]], %[[C16]]) {axis = 0 : i64}
// CHECK: %[[R12:.*]] = onnx.Resize(%[[X]], none, none, %[[R11]]) {coordinate_transformation_mode = "align_corners", cubic_coeff_a = -7.500000e-01 : f32, exclude_outside = 0 : i64, extrapolation_value = 0.000000e+00 : f32, mode_ = "linear", nearest_mode = "round_prefer_floor"} : (tensor<1x2x4x4xf32>, tensor<?xi64>) -> tensor<1x2x8x8xf32>
// CHECK: %[[C20:.*]] = onnx.Initializer {{.*}} = dense<8> : tensor<2xi64>
// CHECK: %[[R13:.*]] = onnx.Shape(%[[X]]) {start = 0 : i64}
// CHECK: %[[C21:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[C22:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[C23:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R14:.*]] = onnx.Slice(%[[R13]], %[[C21]], %[[C22]], %[[C23]])
// CHECK: %[[R15:.*]] = onnx.Concat(%[[R14]], %[[C20]]) {axis = 0 : i64}
// CHECK: %[[R16:.*]] = onnx.Resize(%[[X]], none, none, %[[R15]]) {coordinate_transformation_mode = "half_pixel", cubic_coeff_a = -7.500000e-01 : f32, exclude_outside = 0 : i64, extrapolation_value = 0.000000e+00 : f32, mode_ = "cubic", nearest_mode = "round_prefer_floor"} : (tensor<1x2x4x4xf32>, tensor<?xi64>) -> tensor<1x2x8x8xf32>
// CHECK: %[[C24:.*]] = onnx.Initializer {{.*}} = dense<8> : tensor<1xi64>
// CHECK: %[[R17:.*]] = onnx.Shape(%[[A6]]) {start = 0 : i64}
// CHECK: %[[C25:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[C26:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[C27:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R18:.*]] = onnx.Slice(%[[R17]], %[[C25]], %[[C26]], %[[C27]])
// CHECK: %[[R19:.*]] = onnx.Concat(%[[R18]], %[[C24]]) {axis = 0 : i64}
// CHECK: %[[R20:.*]] = onnx.Resize(%[[A6]], none, none, %[[R19]]) {coordinate_transformation_mode = "pytorch_half_pixel", cubic_coeff_a = -7.500000e-01 : f32, exclude_outside = 0 : i64, extrapolation_value = 0.000000e+00 : f32, mode_ = "linear", nearest_mode = "round_prefer_floor"} : (tensor<1x2x4xf32>, tensor<?xi64>) -> tensor<1x2x8xf32>
// CHECK: %[[C28:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[R22:.*]] = onnx.Less(%[[A2]], %[[C28]])
// CHECK: %[[C29:.*]] = onnx.Initializer {{.*}} = dense<5> : tensor<1xi64>
// CHECK: %[[C30:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R23:.*]] = onnx.Squeeze(%[[C29]], %[[C30]])
// CHECK: %[[R24:.*]] = onnx.Add(%[[A2]], %[[R23]])
// CHECK: %[[R25:.*]] = onnx.Where(%[[R22]], %[[R24]], %[[A2]])
// CHECK: %[[R26:.*]] = onnx.Shape(%[[R25]]) {start = 0 : i64}
// CHECK: %[[R27:.*]] = onnx.Expand(%[[R25]], %[[R26]])
// CHECK: %[[C31:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R28:.*]] = onnx.Unsqueeze(%[[R27]], %[[C31]])
// CHECK: %[[R29:.*]] = onnx.Concat(%[[R28]]) {axis = 1 : i64}
// CHECK: %[[C32:.*]] = onnx.Initializer {{.*}} = dense<3> : tensor<1xi64>
// CHECK: %[[R30:.*]] = onnx.Concat(%[[R26]], %[[C32]]) {axis = 0 : i64}
// CHECK: %[[R31:.*]] = onnx.Expand(%[[A3]], %[[R30]])
// CHECK: %[[R32:.*]] = onnx.ScatterND(%[[A1]], %[[R29]], %[[R31]]) {reduction = "none"}
// CHECK: %[[R33:.*]] = onnx.Identity(%[[R32]]) : (tensor<*xf32>) -> tensor<5x3xf32>
// CHECK: %[[R34:.*]] = onnx.Gather(%[[A1]], %[[A2]]) {axis = 0 : i64}
// CHECK: %[[R35:.*]] = onnx.Shape(%[[R34]]) {start = 0 : i64}
// CHECK: %[[C33:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R36:.*]] = onnx.Unsqueeze(%[[A2]], %[[C33]])
// CHECK: %[[R37:.*]] = onnx.Expand(%[[R36]], %[[R35]])
// CHECK: %[[R38:.*]] = onnx.ScatterElements(%[[A1]], %[[R37]], %[[A3]]) {axis = 0 : i64, reduction = "add"} : (tensor<5x3xf32>, tensor<*xi64>, tensor<2x3xf32>) -> tensor<5x3xf32>
// CHECK: %[[R39:.*]] = onnx.Gather(%[[A1]], %[[A2]]) {axis = 0 : i64}
// CHECK: %[[R40:.*]] = onnx.Shape(%[[R39]]) {start = 0 : i64}
// CHECK: %[[C34:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R41:.*]] = onnx.Unsqueeze(%[[A2]], %[[C34]])
// CHECK: %[[R42:.*]] = onnx.Expand(%[[R41]], %[[R40]])
// CHECK: %[[R43:.*]] = onnx.ScatterElements(%[[A1]], %[[R42]], %[[A3]]) {axis = 0 : i64, reduction = "none"} : (tensor<5x3xf32>, tensor<*xi64>, tensor<2x3xf32>) -> tensor<5x3xf32>
// CHECK: %[[R44:.*]] = onnx.Gather(%[[A1]], %[[A2]]) {axis = 0 : i64}
// CHECK: %[[R45:.*]] = onnx.Shape(%[[R44]]) {start = 0 : i64}
// CHECK: %[[R46:.*]] = onnx.Expand(%[[C6]], %[[R45]])
// CHECK: %[[C35:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R47:.*]] = onnx.Unsqueeze(%[[A2]], %[[C35]])
// CHECK: %[[R48:.*]] = onnx.Expand(%[[R47]], %[[R45]])
// CHECK: %[[R49:.*]] = onnx.ScatterElements(%[[A1]], %[[R48]], %[[R46]]) {axis = 0 : i64, reduction = "none"} : (tensor<5x3xf32>, tensor<*xi64>, tensor<*xf32>) -> tensor<5x3xf32>
// CHECK: %[[R50:.*]] = onnx.Shape(%[[A5]]) {start = 0 : i64}
// CHECK: %[[R51:.*]] = onnx.Expand(%[[C6]], %[[R50]])
// CHECK: %[[R52:.*]] = onnx.ScatterElements(%[[A1]], %[[A5]], %[[R51]]) {axis = 1 : i64, reduction = "none"} : (tensor<5x3xf32>, tensor<5x3xi64>, tensor<*xf32>) -> tensor<5x3xf32>
// CHECK: %[[R53:.*]] = onnx.Shape(%[[A4]]) {start = 0 : i64}
// CHECK: %[[R54:.*]] = onnx.Expand(%[[A1]], %[[R53]])
// CHECK: %[[R55:.*]] = onnx.Shape(%[[A1]]) {start = 0 : i64}
// CHECK: %[[R56:.*]] = onnx.Expand(%[[A4]], %[[R55]])
// CHECK: %[[C36:.*]] = onnx.Initializer {{.*}} = dense<-1> : tensor<1xi64>
// CHECK: %[[R57:.*]] = onnx.Reshape(%[[R54]], %[[C36]]) {allowzero = 0 : i64}
// CHECK: %[[C37:.*]] = onnx.Initializer {{.*}} = dense<-1> : tensor<1xi64>
// CHECK: %[[R58:.*]] = onnx.Reshape(%[[R56]], %[[C37]]) {allowzero = 0 : i64}
// CHECK: %[[R59:.*]] = onnx.Compress(%[[R57]], %[[R58]]) : (tensor<*xf32>, tensor<*xi1>) -> tensor<?xf32>
// CHECK: %[[R61:.*]] = onnx.Gather(%[[A1]], %[[A2]]) {axis = 0 : i64} : (tensor<5x3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
// CHECK: %[[R62:.*]] = onnx.Shape(%[[A4]]) {start = 0 : i64}
// CHECK: %[[R63:.*]] = onnx.Expand(%[[A1]], %[[R62]])
// CHECK: %[[R64:.*]] = onnx.Shape(%[[R63]]) {start = 0 : i64}
// CHECK: %[[R65:.*]] = onnx.Expand(%[[A4]], %[[R64]])
// CHECK: %[[R66:.*]] = onnx.NonZero(%[[R65]])
// CHECK: %[[R67:.*]] = onnx.Transpose(%[[R66]]) {perm = [1, 0]}
// CHECK: %[[R68:.*]] = onnx.Shape(%[[R67]]) {start = 0 : i64}
// CHECK: %[[C38:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[C39:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[C40:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R69:.*]] = onnx.Slice(%[[R68]], %[[C38]], %[[C39]], %[[C40]])
// CHECK: %[[C41:.*]] = onnx.Initializer {{.*}} = dense<-1> : tensor<1xi64>
// CHECK: %[[R70:.*]] = onnx.Reshape(%[[A1]], %[[C41]]) {allowzero = 0 : i64}
// CHECK: %[[C42:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[C43:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[C44:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R71:.*]] = onnx.Slice(%[[R70]], %[[C44]], %[[R69]], %[[C43]], %[[C42]])
// CHECK: %[[R72:.*]] = onnx.ScatterND(%[[R63]], %[[R67]], %[[R71]]) {reduction = "none"} : (tensor<*xf32>, tensor<*xi64>, tensor<*xf32>) -> tensor<5x3xf32>
// CHECK: return %[[R7]], %[[R8]], %[[R12]], %[[R16]], %[[R20]], %[[R33]], %[[R38]], %[[R43]], %[[R49]], %[[R52]], %[[R59]], %[[R61]], %[[R72]]
func.func @forward(%x: !torch.vtensor<[1,2,4,4],f32>, %v: !torch.vtensor<[5,3],f32>, %i: !torch.vtensor<[2],si64>, %u: !torch.vtensor<[2,3],f32>, %m: !torch.vtensor<[5,3],i1>, %s: !torch.vtensor<[5,3],si64>, %x1: !torch.vtensor<[1,2,4],f32>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %none = torch.constant.none
  %false = torch.constant.bool false
  %true = torch.constant.bool true
  %zero = torch.constant.int 0
  %one = torch.constant.int 1
  %eight = torch.constant.int 8
  %f2 = torch.constant.float 2.000000e+00
  %f = torch.constant.float 5.000000e-01
  %size = torch.prim.ListConstruct %eight, %eight : (!torch.int, !torch.int) -> !torch.list<int>
  %size1 = torch.prim.ListConstruct %eight : (!torch.int) -> !torch.list<int>
  %scales = torch.prim.ListConstruct %f2, %f2 : (!torch.float, !torch.float) -> !torch.list<float>
  %r0 = torch.aten.upsample_nearest2d %x, %size, %none, %none : (!torch.vtensor<[1,2,4,4],f32>, !torch.list<int>, !torch.none, !torch.none) -> !torch.vtensor
  %r1 = torch.aten.upsample_nearest2d.vec %x, %none, %scales : (!torch.vtensor<[1,2,4,4],f32>, !torch.none, !torch.list<float>) -> !torch.vtensor
  %r2 = torch.aten.upsample_bilinear2d %x, %size, %true, %none, %none : (!torch.vtensor<[1,2,4,4],f32>, !torch.list<int>, !torch.bool, !torch.none, !torch.none) -> !torch.vtensor
  %r3 = torch.operator "aten::upsample_bicubic2d"(%x, %size, %false, %none, %none) : (!torch.vtensor<[1,2,4,4],f32>, !torch.list<int>, !torch.bool, !torch.none, !torch.none) -> !torch.vtensor
  %r4 = torch.operator "aten::upsample_linear1d"(%x1, %size1, %false, %none) : (!torch.vtensor<[1,2,4],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor
  %idx = torch.prim.ListConstruct %i : (!torch.vtensor<[2],si64>) -> !torch.list<optional<vtensor>>
  %r5 = torch.aten.index_put %v, %idx, %u, %false : (!torch.vtensor<[5,3],f32>, !torch.list<optional<vtensor>>, !torch.vtensor<[2,3],f32>, !torch.bool) -> !torch.vtensor
  %r6 = torch.operator "aten::index_add"(%v, %zero, %i, %u, %one) : (!torch.vtensor<[5,3],f32>, !torch.int, !torch.vtensor<[2],si64>, !torch.vtensor<[2,3],f32>, !torch.int) -> !torch.vtensor
  %r7 = torch.operator "aten::index_copy"(%v, %zero, %i, %u) : (!torch.vtensor<[5,3],f32>, !torch.int, !torch.vtensor<[2],si64>, !torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r8 = torch.operator "aten::index_fill.int_Scalar"(%v, %zero, %i, %f) : (!torch.vtensor<[5,3],f32>, !torch.int, !torch.vtensor<[2],si64>, !torch.float) -> !torch.vtensor
  %r9 = torch.aten.scatter.value %v, %one, %s, %f : (!torch.vtensor<[5,3],f32>, !torch.int, !torch.vtensor<[5,3],si64>, !torch.float) -> !torch.vtensor
  %r10 = torch.aten.masked_select %v, %m : (!torch.vtensor<[5,3],f32>, !torch.vtensor<[5,3],i1>) -> !torch.vtensor
  %idx2 = torch.prim.ListConstruct %i : (!torch.vtensor<[2],si64>) -> !torch.list<vtensor>
  %r11 = torch.aten.index.Tensor_hacked_twin %v, %idx2 : (!torch.vtensor<[5,3],f32>, !torch.list<vtensor>) -> !torch.vtensor
  %r12 = torch.operator "aten::masked_scatter"(%v, %m, %v) : (!torch.vtensor<[5,3],f32>, !torch.vtensor<[5,3],i1>, !torch.vtensor<[5,3],f32>) -> !torch.vtensor
  return %r0, %r1, %r2, %r3, %r4, %r5, %r6, %r7, %r8, %r9, %r10, %r11, %r12 : !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor
}
