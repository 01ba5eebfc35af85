// The shape family at opset 17: views and reshapes, transposes and moved
// dims, squeeze/narrow/repeat/tile/tril, gathers, expands, pads (constant,
// reflect, edge), pixel_shuffle, unfold, nonzero, atleast_2d; each with its
// refined result type.
// RUN: torch-onnx-opt %s --torch-refine-types --convert-torch-to-onnx=opset=17 | FileCheck %s

// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3x4xf32>
// CHECK-SAME: %[[A1:[^:]*]]: tensor<1x3x1x4xf32>
// CHECK-SAME: %[[A2:[^:]*]]: tensor<2x2x4xi64>
// CHECK-SAME: %[[A3:[^:]*]]: tensor<2xi64>
// CHECK-SAME: %[[A4:[^:]*]]: tensor<1x4x2x3xf32>
// CHECK-SAME: %[[A5:[^:]*]]: tensor<2x3x5x4xf32>
// CHECK-SAME: %[[A6:[^:]*]]: tensor<4x6xf32>
// CHECK: %[[C0:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[C1:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[C2:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<i64>
// CHECK: %[[C3:.*]] = onnx.Initializer {{.*}} = dense<3> : tensor<i64>
// CHECK: %[[C4:.*]] = onnx.Initializer {{.*}} = dense<4> : tensor<i64>
// CHECK: %[[C5:.*]] = onnx.Initializer {{.*}} = dense<6> : tensor<i64>
// CHECK: %[[C6:.*]] = onnx.Initializer {{.*}} = dense<-1> : tensor<i64>
// CHECK: %[[C7:.*]] = onnx.Initializer {{.*}} = dense<false> : tensor<i1>
// CHECK: %[[C8:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[C9:.*]] = onnx.Initializer {{.*}} = dense<[2, 0, 1]> : tensor<3xi64>
// CHECK: %[[C10:.*]] = onnx.Initializer {{.*}} = dense<[6, -1]> : tensor<2xi64>
// CHECK: %[[C11:.*]] = onnx.Initializer {{.*}} = dense<[1, 2, 1]> : tensor<3xi64>
// CHECK: %[[C12:.*]] = onnx.Initializer {{.*}} = dense<[2, 1]> : tensor<2xi64>
// CHECK: %[[C13:.*]] = onnx.Initializer {{.*}} = dense<[2, 3, 2, 4]> : tensor<4xi64>
// CHECK: %[[C14:.*]] = onnx.Initializer {{.*}} = dense<[1, 2]> : tensor<2xi64>
// CHECK: %[[C15:.*]] = onnx.Initializer {{.*}} = dense<[1, 1, 0, 1]> : tensor<4xi64>
// CHECK: %[[R0:.*]] = onnx.Transpose(%[[X]]) {perm = [2, 0, 1]} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
// CHECK: %[[C16:.*]] = onnx.Initializer {{.*}} = dense<[6, -1]> : tensor<2xi64>
// CHECK: %[[R1:.*]] = onnx.Reshape(%[[X]], %[[C16]]) {allowzero = 0 : i64} : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<6x4xf32>
// CHECK: %[[R2:.*]] = onnx.Transpose(%[[X]]) {perm = [2, 1, 0]} : (tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
// CHECK: %[[C17:.*]] = onnx.Initializer {{.*}} = dense<12> : tensor<1xi64>
// CHECK: %[[C18:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R3:.*]] = onnx.Concat(%[[C18]], %[[C17]]) {axis = 0 : i64}
// CHECK: %[[R4:.*]] = onnx.Reshape(%[[X]], %[[R3]]) {allowzero = 0 : i64} : (tensor<2x3x4xf32>, tensor<?xi64>) -> tensor<2x12xf32>
// CHECK: %[[C19:.*]] = onnx.Initializer {{.*}} = dense<[0, 2]> : tensor<2xi64>
// CHECK: %[[R5:.*]] = onnx.Squeeze(%[[A1]], %[[C19]]) : (tensor<1x3x1x4xf32>, tensor<2xi64>) -> tensor<3x4xf32>
// CHECK: %[[C20:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[R6:.*]] = onnx.Squeeze(%[[A1]], %[[C20]]) : (tensor<1x3x1x4xf32>, tensor<1xi64>) -> tensor<1x3x4xf32>
// CHECK: %[[C21:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[C22:.*]] = onnx.Initializer {{.*}} = dense<3> : tensor<1xi64>
// CHECK: %[[C23:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R7:.*]] = onnx.Slice(%[[X]], %[[C21]], %[[C22]], %[[C23]]) : (tensor<2x3x4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<2x2x4xf32>
// CHECK: %[[C24:.*]] = onnx.Initializer {{.*}} = dense<[1, 2, 1]> : tensor<3xi64>
// CHECK: %[[R8:.*]] = onnx.Tile(%[[X]], %[[C24]]) : (tensor<2x3x4xf32>, tensor<3xi64>) -> tensor<2x6x4xf32>
// CHECK: %[[C25:.*]] = onnx.Initializer {{.*}} = dense<[1, 2, 1]> : tensor<3xi64>
// CHECK: %[[R9:.*]] = onnx.Tile(%[[X]], %[[C25]]) : (tensor<2x3x4xf32>, tensor<3xi64>) -> tensor<2x6x4xf32>
// CHECK: %[[C26:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[R10:.*]] = onnx.Trilu(%[[X]], %[[C26]]) {upper = 0 : i64} : (tensor<2x3x4xf32>, tensor<i64>) -> tensor<2x3x4xf32>
// CHECK: %[[C27:.*]] = onnx.Initializer {{.*}} = dense<-1> : tensor<i64>
// CHECK: %[[R11:.*]] = onnx.Trilu(%[[X]], %[[C27]]) {upper = 1 : i64} : (tensor<2x3x4xf32>, tensor<i64>) -> tensor<2x3x4xf32>
// CHECK: %[[R12:.*]] = onnx.GatherElements(%[[X]], %[[A2]]) {axis = 1 : i64} : (tensor<2x3x4xf32>, tensor<2x2x4xi64>) -> tensor<2x2x4xf32>
// CHECK: %[[R13:.*]] = onnx.Gather(%[[X]], %[[A3]]) {axis = 2 : i64} : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<2x3x2xf32>
// CHECK: %[[C28:.*]] = onnx.Initializer {{.*}} = dense<-1> : tensor<1xi64>
// CHECK: %[[R14:.*]] = onnx.Reshape(%[[X]], %[[C28]]) {allowzero = 0 : i64}
// CHECK: %[[R15:.*]] = onnx.Gather(%[[R14]], %[[A3]]) {axis = 0 : i64} : (tensor<*xf32>, tensor<2xi64>) -> tensor<2xf32>
// CHECK: %[[R16:.*]] = onnx.Shape(%[[A5]]) {start = 0 : i64}
// CHECK: %[[R17:.*]] = onnx.Expand(%[[A1]], %[[R16]]) : (tensor<1x3x1x4xf32>, tensor<?xi64>) -> tensor<2x3x5x4xf32>
// CHECK: %[[C29:.*]] = onnx.Initializer {{.*}} = dense<[2, 3, 2, 4]> : tensor<4xi64>
// CHECK: %[[R18:.*]] = onnx.Expand(%[[A1]], %[[C29]]) : (tensor<1x3x1x4xf32>, tensor<4xi64>) -> tensor<2x3x2x4xf32>
// CHECK: %[[R19:.*]] = onnx.Transpose(%[[X]]) {perm = [1, 2, 0]} : (tensor<2x3x4xf32>) -> tensor<3x4x2xf32>
// CHECK: %[[C30:.*]] = onnx.Initializer {{.*}} = dense<-1> : tensor<1xi64>
// CHECK: %[[R20:.*]] = onnx.Reshape(%[[X]], %[[C30]]) {allowzero = 0 : i64} : (tensor<2x3x4xf32>, tensor<1xi64>) -> tensor<24xf32>
// CHECK: %[[R21:.*]] = onnx.Shape(%[[A6]]) {start = 0 : i64}
// CHECK: %[[R22:.*]] = onnx.Reshape(%[[X]], %[[R21]]) {allowzero = 0 : i64} : (tensor<2x3x4xf32>, tensor<?xi64>) -> tensor<4x6xf32>
// CHECK: %[[R23:.*]] = onnx.Transpose(%[[X]]) {perm = [2, 1, 0]} : (tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
// CHECK: %[[C31:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[C32:.*]] = onnx.Initializer {{.*}} = dense<[0, 0, 1, 0, 0, 2]> : tensor<6xi64>
// CHECK: %[[R24:.*]] = onnx.Pad(%[[X]], %[[C32]], %[[C31]]) {mode_ = "constant"} : (tensor<2x3x4xf32>, tensor<6xi64>, tensor<f32>) -> tensor<2x3x7xf32>
// CHECK: %[[C33:.*]] = onnx.Initializer {{.*}} = dense<[0, 0, 0, 1, 0, 0, 1, 1]> : tensor<8xi64>
// CHECK: %[[R25:.*]] = onnx.Pad(%[[A4]], %[[C33]]) {mode_ = "reflect"} : (tensor<1x4x2x3xf32>, tensor<8xi64>) -> tensor<1x4x3x5xf32>
// CHECK: %[[C34:.*]] = onnx.Initializer {{.*}} = dense<[0, 0, 1, 0, 0, 2]> : tensor<6xi64>
// CHECK: %[[R26:.*]] = onnx.Pad(%[[X]], %[[C34]]) {mode_ = "edge"} : (tensor<2x3x4xf32>, tensor<6xi64>) -> tensor<2x3x7xf32>
// CHECK: %[[R27:.*]] = onnx.DepthToSpace(%[[A4]]) {blocksize = 2 : i64, mode_ = "CRD"} : (tensor<1x4x2x3xf32>) -> tensor<1x1x4x6xf32>
// CHECK: %[[C35:.*]] = onnx.Initializer {{.*}} = dense<{{\[\[}}0, 1], [1, 2], [2, 3]]> : tensor<3x2xi64>
// CHECK: %[[R28:.*]] = onnx.Gather(%[[X]], %[[C35]]) {axis = 2 : i64}
// CHECK: %[[R29:.*]] = onnx.Transpose(%[[R28]]) {perm = [0, 1, 2, 3]} : (tensor<*xf32>) -> tensor<2x3x3x2xf32>
// CHECK: %[[R30:.*]] = onnx.NonZero(%[[X]])
// CHECK: %[[R31:.*]] = onnx.Transpose(%[[R30]]) {perm = [1, 0]} : (tensor<*xi64>) -> tensor<?x3xi64>
// CHECK: %[[C36:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R32:.*]] = onnx.Unsqueeze(%[[A3]], %[[C36]]) : (tensor<2xi64>, tensor<1xi64>) -> tensor<1x2xi64>
// CHECK: return %[[R0]], %[[R1]], %[[R2]], %[[R4]], %[[R5]], %[[R6]], %[[R7]], %[[R8]], %[[R9]], %[[R10]], %[[R11]], %[[R12]], %[[R13]], %[[R15]], %[[R17]], %[[R18]], %[[R19]], %[[R20]], %[[R22]], %[[R23]], %[[R24]], %[[R25]], %[[R26]], %[[R27]], %[[R29]], %[[R31]], %[[R32]]
func.func @forward(%x: !torch.vtensor<[2,3,4],f32>, %s: !torch.vtensor<[1,3,1,4],f32>, %i: !torch.vtensor<[2,2,4],si64>, %i1: !torch.vtensor<[2],si64>, %p: !torch.vtensor<[1,4,2,3],f32>, %s4: !torch.vtensor<[2,3,5,4],f32>, %y: !torch.vtensor<[4,6],f32>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %c0 = torch.constant.int 0
  %c1 = torch.constant.int 1
  %c2 = torch.constant.int 2
  %c3 = torch.constant.int 3
  %c4 = torch.constant.int 4
  %c6 = torch.constant.int 6
  %m1 = torch.constant.int -1
  %false = torch.constant.bool false
  %f = torch.constant.float 5.000000e-01
  %perm = torch.prim.ListConstruct %c2, %c0, %c1 : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
  %shape = torch.prim.ListConstruct %c6, %m1 : (!torch.int, !torch.int) -> !torch.list<int>
  %rep = torch.prim.ListConstruct %c1, %c2, %c1 : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
  %rep2 = torch.prim.ListConstruct %c2, %c1 : (!torch.int, !torch.int) -> !torch.list<int>
  %bshape = torch.prim.ListConstruct %c2, %c3, %c2, %c4 : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
  %pad = torch.prim.ListConstruct %c1, %c2 : (!torch.int, !torch.int) -> !torch.list<int>
  %pad4 = torch.prim.ListConstruct %c1, %c1, %c0, %c1 : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
  %r0 = torch.aten.permute %x, %perm : (!torch.vtensor<[2,3,4],f32>, !torch.list<int>) -> !torch.vtensor
  %r1 = torch.aten.reshape %x, %shape : (!torch.vtensor<[2,3,4],f32>, !torch.list<int>) -> !torch.vtensor
  %r2 = torch.aten.transpose.int %x, %c0, %m1 : (!torch.vtensor<[2,3,4],f32>, !torch.int, !torch.int) -> !torch.vtensor
  %r3 = torch.aten.flatten.using_ints %x, %c1, %m1 : (!torch.vtensor<[2,3,4],f32>, !torch.int, !torch.int) -> !torch.vtensor
  %r4 = torch.aten.squeeze %s : (!torch.vtensor<[1,3,1,4],f32>) -> !torch.vtensor
  %r5 = torch.aten.squeeze.dim %s, %c2 : (!torch.vtensor<[1,3,1,4],f32>, !torch.int) -> !torch.vtensor
  %r6 = torch.aten.narrow %x, %c1, %c1, %c2 : (!torch.vtensor<[2,3,4],f32>, !torch.int, !torch.int, !torch.int) -> !torch.vtensor
  %r7 = torch.aten.repeat %x, %rep : (!torch.vtensor<[2,3,4],f32>, !torch.list<int>) -> !torch.vtensor
  %r8 = torch.aten.tile %x, %rep2 : (!torch.vtensor<[2,3,4],f32>, !torch.list<int>) -> !torch.vtensor
  %r9 = torch.aten.tril %x, %c1 : (!torch.vtensor<[2,3,4],f32>, !torch.int) -> !torch.vtensor
  %r10 = torch.aten.triu %x, %m1 : (!torch.vtensor<[2,3,4],f32>, !torch.int) -> !torch.vtensor
  %r11 = torch.aten.gather %x, %c1, %i, %false : (!torch.vtensor<[2,3,4],f32>, !torch.int, !torch.vtensor<[2,2,4],si64>, !torch.bool) -> !torch.vtensor
  %r12 = torch.aten.index_select %x, %c2, %i1 : (!torch.vtensor<[2,3,4],f32>, !torch.int, !torch.vtensor<[2],si64>) -> !torch.vtensor
  %r13 = torch.operator "aten::take"(%x, %i1) : (!torch.vtensor<[2,3,4],f32>, !torch.vtensor<[2],si64>) -> !torch.vtensor
  %r14 = torch.aten.expand_as %s, %s4 : (!torch.vtensor<[1,3,1,4],f32>, !torch.vtensor<[2,3,5,4],f32>) -> !torch.vtensor
  %r15 = torch.aten.broadcast_to %s, %bshape : (!torch.vtensor<[1,3,1,4],f32>, !torch.list<int>) -> !torch.vtensor
  %r16 = torch.operator "aten::movedim.int"(%x, %c0, %m1) : (!torch.vtensor<[2,3,4],f32>, !torch.int, !torch.int) -> !torch.vtensor
  %r17 = torch.operator "aten::ravel"(%x) : (!torch.vtensor<[2,3,4],f32>) -> !torch.vtensor
  %r18 = torch.operator "aten::reshape_as"(%x, %y) : (!torch.vtensor<[2,3,4],f32>, !torch.vtensor<[4,6],f32>) -> !torch.vtensor
  %r19 = torch.operator "aten::numpy_T"(%x) : (!torch.vtensor<[2,3,4],f32>) -> !torch.vtensor
  %r20 = torch.aten.constant_pad_nd %x, %pad, %f : (!torch.vtensor<[2,3,4],f32>, !torch.list<int>, !torch.float) -> !torch.vtensor
  %r21 = torch.aten.reflection_pad2d %p, %pad4 : (!torch.vtensor<[1,4,2,3],f32>, !torch.list<int>) -> !torch.vtensor
  %r22 = torch.aten.replication_pad1d %x, %pad : (!torch.vtensor<[2,3,4],f32>, !torch.list<int>) -> !torch.vtensor
  %r23 = torch.aten.pixel_shuffle %p, %c2 : (!torch.vtensor<[1,4,2,3],f32>, !torch.int) -> !torch.vtensor
  %r24 = torch.operator "aten::unfold"(%x, %m1, %c2, %c1) : (!torch.vtensor<[2,3,4],f32>, !torch.int, !torch.int, !torch.int) -> !torch.vtensor
  %r25 = torch.aten.nonzero %x : (!torch.vtensor<[2,3,4],f32>) -> !torch.vtensor
  %r26 = torch.operator "aten::atleast_2d"(%i1) : (!torch.vtensor<[2],si64>) -> !torch.vtensor
  return %r0, %r1, %r2, %r3, %r4, %r5, %r6, %r7, %r8, %r9, %r10, %r11, %r12, %r13, %r14, %r15, %r16, %r17, %r18, %r19, %r20, %r21, %r22, %r23, %r24, %r25, %r26 : !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor
}
