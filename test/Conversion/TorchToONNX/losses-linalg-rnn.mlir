// Losses, linear algebra, pooling with indices, normalization, sorting and
// recurrent cells at opset 17: cross_entropy_loss as SoftmaxCrossEntropyLoss,
// BCE-with-logits in its stable form, det, cross (two Gathers per operand),
// vecdot, norms, adaptive_max_pool2d's indices made per-plane (Mod by H*W),
// instance_norm, argsort as TopK, gru/rnn cells as one-step GRU/RNN with the
// gates reordered, linalg_diagonal; each with its refined result type.
// RUN: torch-onnx-opt %s --torch-refine-types --convert-torch-to-onnx=opset=17 | FileCheck %s

// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<4x3xf32>
// CHECK-SAME: %[[A1:[^:]*]]: tensor<4xi64>
// CHECK-SAME: %[[A2:[^:]*]]: tensor<3x3xf32>
// CHECK-SAME: %[[A3:[^:]*]]: tensor<4x3xf32>
// CHECK-SAME: %[[A4:[^:]*]]: tensor<1x2x6x6xf32>
// CHECK-SAME: %[[A5:[^:]*]]: tensor<5x2x3xf32>
// CHECK-SAME: %[[A6:[^:]*]]: tensor<1x2x4xf32>
// CHECK-SAME: %[[A7:[^:]*]]: tensor<4x3xf32>
// CHECK-SAME: %[[A8:[^:]*]]: tensor<4x4xf32>
// CHECK-SAME: %[[A9:[^:]*]]: tensor<2x4xf32>
// CHECK-SAME: %[[A10:[^:]*]]: tensor<2x3xf32>
// CHECK-SAME: %[[A11:[^:]*]]: tensor<12x3xf32>
// CHECK-SAME: %[[A12:[^:]*]]: tensor<12x4xf32>
// CHECK: %[[C0:.*]] = onnx.Initializer {{.*}} = dense<false> : tensor<i1>
// CHECK: %[[C1:.*]] = onnx.Initializer {{.*}} = dense<true> : tensor<i1>
// CHECK: %[[C2:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[C3:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[C4:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<i64>
// CHECK: %[[C5:.*]] = onnx.Initializer {{.*}} = dense<-100> : tensor<i64>
// CHECK: %[[C6:.*]] = onnx.Initializer {{.*}} = dense<0.000000e+00> : tensor<f32>
// CHECK: %[[C7:.*]] = onnx.Initializer {{.*}} = dense<1.000000e+00> : tensor<f32>
// CHECK: %[[C8:.*]] = onnx.Initializer {{.*}} = dense<9.99999974E-6> : tensor<f32>
// CHECK: %[[C9:.*]] = onnx.Initializer {{.*}} = dense<2.000000e+00> : tensor<f32>
// CHECK: %[[C10:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<2xi64>
// CHECK: %[[R1:.*]]:2 = onnx.SoftmaxCrossEntropyLoss(%[[X]], %[[A1]]) {ignore_index = -100 : i64, reduction = "mean"} : (tensor<4x3xf32>, tensor<4xi64>) -> (tensor<f32>, tensor<*xf32>)
// CHECK: %[[C11:.*]] = onnx.Initializer {{.*}} = dense<1.000000e+00> : tensor<f32>
// CHECK: %[[R2:.*]] = onnx.Abs(%[[X]])
// CHECK: %[[R3:.*]] = onnx.Neg(%[[R2]])
// CHECK: %[[R4:.*]] = onnx.Exp(%[[R3]])
// CHECK: %[[R5:.*]] = onnx.Add(%[[C11]], %[[R4]])
// CHECK: %[[R6:.*]] = onnx.Log(%[[R5]])
// CHECK: %[[R7:.*]] = onnx.Neg(%[[X]])
// CHECK: %[[R8:.*]] = onnx.Relu(%[[R7]])
// CHECK: %[[R9:.*]] = onnx.Add(%[[R6]], %[[R8]])
// CHECK: %[[R10:.*]] = onnx.Sub(%[[C11]], %[[A3]])
// CHECK: %[[R11:.*]] = onnx.Mul(%[[R10]], %[[X]])
// CHECK: %[[R12:.*]] = onnx.Add(%[[R11]], %[[R9]])
// CHECK: %[[R13:.*]] = onnx.ReduceMean(%[[R12]]) {keepdims = 0 : i64} : (tensor<*xf32>) -> tensor<f32>
// CHECK: %[[R14:.*]] = onnx.Det(%[[A2]]) : (tensor<3x3xf32>) -> tensor<f32>
// CHECK: %[[C12:.*]] = onnx.Initializer {{.*}} = dense<[1, 2, 0]> : tensor<3xi64>
// CHECK: %[[R15:.*]] = onnx.Gather(%[[X]], %[[C12]]) {axis = 1 : i64}
// CHECK: %[[C13:.*]] = onnx.Initializer {{.*}} = dense<[2, 0, 1]> : tensor<3xi64>
// CHECK: %[[R16:.*]] = onnx.Gather(%[[X]], %[[C13]]) {axis = 1 : i64}
// CHECK: %[[C14:.*]] = onnx.Initializer {{.*}} = dense<[1, 2, 0]> : tensor<3xi64>
// CHECK: %[[R17:.*]] = onnx.Gather(%[[A3]], %[[C14]]) {axis = 1 : i64}
// CHECK: %[[C15:.*]] = onnx.Initializer {{.*}} = dense<[2, 0, 1]> : tensor<3xi64>
// CHECK: %[[R18:.*]] = onnx.Gather(%[[A3]], %[[C15]]) {axis = 1 : i64}
// CHECK: %[[R19:.*]] = onnx.Mul(%[[R15]], %[[R18]])
// CHECK: %[[R20:.*]] = onnx.Mul(%[[R16]], %[[R17]])
// CHECK: %[[R21:.*]] = onnx.Sub(%[[R19]], %[[R20]]) : (tensor<*xf32>, tensor<*xf32>) -> tensor<4x3xf32>
// CHECK: %[[R22:.*]] = onnx.Mul(%[[X]], %[[A3]])
// CHECK: %[[C16:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R23:.*]] = onnx.ReduceSum(%[[R22]], %[[C16]]) {keepdims = 0 : i64, noop_with_empty_axes = 0 : i64} : (tensor<*xf32>, tensor<1xi64>) -> tensor<4xf32>
// CHECK: %[[R24:.*]] = onnx.ReduceL2(%[[X]]) {keepdims = 0 : i64} : (tensor<4x3xf32>) -> tensor<f32>
// CHECK: %[[R25:.*]] = onnx.ReduceL2(%[[X]]) {keepdims = 0 : i64} : (tensor<4x3xf32>) -> tensor<f32>
// CHECK: %[[R26:.*]]:2 = onnx.MaxPool(%[[A4]]) {auto_pad = "NOTSET", ceil_mode = 0 : i64, kernel_shape = [3, 3], storage_order = 0 : i64, strides = [3, 3]}
// CHECK: %[[C17:.*]] = onnx.Initializer {{.*}} = dense<36> : tensor<1xi64>
// CHECK: %[[R27:.*]] = onnx.Mod(%[[R26]]#1, %[[C17]]) {fmod = 0 : i64} : (tensor<*xi64>, tensor<1xi64>) -> tensor<1x2x2x2xi64>
// CHECK: %[[C18:.*]] = onnx.Initializer {{.*}} = dense<1.000000e+00> : tensor<2xf32>
// CHECK: %[[C19:.*]] = onnx.Initializer {{.*}} = dense<0.000000e+00> : tensor<2xf32>
// CHECK: %[[R28:.*]] = onnx.InstanceNormalization(%[[A4]], %[[C18]], %[[C19]]) {epsilon = 9.99999974E-6 : f32} : (tensor<1x2x6x6xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x6x6xf32>
// CHECK: %[[C20:.*]] = onnx.Initializer {{.*}} = dense<3> : tensor<1xi64>
// CHECK: %[[R29:.*]]:2 = onnx.TopK(%[[X]], %[[C20]]) {axis = 1 : i64, largest = 0 : i64, sorted = 1 : i64} : (tensor<4x3xf32>, tensor<1xi64>) -> (tensor<*xf32>, tensor<4x3xi64>)
// CHECK: %[[C21:.*]] = onnx.Initializer {{.*}} = dense<4> : tensor<1xi64>
// CHECK: %[[C22:.*]] = onnx.Initializer {{.*}} = dense<8> : tensor<1xi64>
// CHECK: %[[C23:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R30:.*]] = onnx.Slice(%[[A11]], %[[C21]], %[[C22]], %[[C23]])
// CHECK: %[[C24:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[C25:.*]] = onnx.Initializer {{.*}} = dense<4> : tensor<1xi64>
// CHECK: %[[C26:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R31:.*]] = onnx.Slice(%[[A11]], %[[C24]], %[[C25]], %[[C26]])
// CHECK: %[[C27:.*]] = onnx.Initializer {{.*}} = dense<8> : tensor<1xi64>
// CHECK: %[[C28:.*]] = onnx.Initializer {{.*}} = dense<12> : tensor<1xi64>
// CHECK: %[[C29:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R32:.*]] = onnx.Slice(%[[A11]], %[[C27]], %[[C28]], %[[C29]])
// CHECK: %[[R33:.*]] = onnx.Concat(%[[R30]], %[[R31]], %[[R32]]) {axis = 0 : i64}
// CHECK: %[[C30:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R34:.*]] = onnx.Unsqueeze(%[[R33]], %[[C30]])
// CHECK: %[[C31:.*]] = onnx.Initializer {{.*}} = dense<4> : tensor<1xi64>
// CHECK: %[[C32:.*]] = onnx.Initializer {{.*}} = dense<8> : tensor<1xi64>
// CHECK: %[[C33:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R35:.*]] = onnx.Slice(%[[A12]], %[[C31]], %[[C32]], %[[C33]])
// CHECK: %[[C34:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[C35:.*]] = onnx.Initializer {{.*}} = dense<4> : tensor<1xi64>
// CHECK: %[[C36:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R36:.*]] = onnx.Slice(%[[A12]], %[[C34]], %[[C35]], %[[C36]])
// CHECK: %[[C37:.*]] = onnx.Initializer {{.*}} = dense<8> : tensor<1xi64>
// CHECK: %[[C38:.*]] = onnx.Initializer {{.*}} = dense<12> : tensor<1xi64>
// CHECK: %[[C39:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R37:.*]] = onnx.Slice(%[[A12]], %[[C37]], %[[C38]], %[[C39]])
// CHECK: %[[R38:.*]] = onnx.Concat(%[[R35]], %[[R36]], %[[R37]]) {axis = 0 : i64}
// CHECK: %[[C40:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R39:.*]] = onnx.Unsqueeze(%[[R38]], %[[C40]])
// CHECK: %[[C41:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R40:.*]] = onnx.Unsqueeze(%[[A10]], %[[C41]])
// CHECK: %[[C42:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R41:.*]] = onnx.Unsqueeze(%[[A9]], %[[C42]])
// CHECK: %[[R42:.*]]:2 = onnx.GRU(%[[R40]], %[[R34]], %[[R39]], none, none, %[[R41]]) {direction = "forward", hidden_size = 4 : i64, layout = 0 : i64, linear_before_reset = 1 : i64, resultSegmentSizes = array<i32: 1, 1>}
// CHECK: %[[C43:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R43:.*]] = onnx.Squeeze(%[[R42]]#1, %[[C43]])
// CHECK: %[[R44:.*]] = onnx.Identity(%[[R43]]) : (tensor<*xf32>) -> tensor<2x4xf32>
// CHECK: %[[C44:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[C45:.*]] = onnx.Initializer {{.*}} = dense<4> : tensor<1xi64>
// CHECK: %[[C46:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R45:.*]] = onnx.Slice(%[[A7]], %[[C44]], %[[C45]], %[[C46]])
// CHECK: %[[R46:.*]] = onnx.Concat(%[[R45]]) {axis = 0 : i64}
// CHECK: %[[C47:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R47:.*]] = onnx.Unsqueeze(%[[R46]], %[[C47]])
// CHECK: %[[C48:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[C49:.*]] = onnx.Initializer {{.*}} = dense<4> : tensor<1xi64>
// CHECK: %[[C50:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R48:.*]] = onnx.Slice(%[[A8]], %[[C48]], %[[C49]], %[[C50]])
// CHECK: %[[R49:.*]] = onnx.Concat(%[[R48]]) {axis = 0 : i64}
// CHECK: %[[C51:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R50:.*]] = onnx.Unsqueeze(%[[R49]], %[[C51]])
// CHECK: %[[C52:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R51:.*]] = onnx.Unsqueeze(%[[A10]], %[[C52]])
// CHECK: %[[C53:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R52:.*]] = onnx.Unsqueeze(%[[A9]], %[[C53]])
// CHECK: %[[R53:.*]]:2 = onnx.RNN(%[[R51]], %[[R47]], %[[R50]], none, none, %[[R52]]) {activations = ["Tanh"], direction = "forward", hidden_size = 4 : i64, layout = 0 : i64, resultSegmentSizes = array<i32: 1, 1>}
// CHECK: %[[C54:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R54:.*]] = onnx.Squeeze(%[[R53]]#1, %[[C54]])
// CHECK: %[[R55:.*]] = onnx.Identity(%[[R54]]) : (tensor<*xf32>) -> tensor<2x4xf32>
// CHECK: %[[C55:.*]] = onnx.Initializer {{.*}} = dense<[0, 6]> : tensor<2xi64>
// CHECK: %[[R56:.*]] = onnx.Reshape(%[[A5]], %[[C55]]) {allowzero = 0 : i64}
// CHECK: %[[C56:.*]] = onnx.Initializer {{.*}} = dense<[0, 4]> : tensor<2xi64>
// CHECK: %[[R57:.*]] = onnx.Gather(%[[R56]], %[[C56]]) {axis = 1 : i64} : (tensor<*xf32>, tensor<2xi64>) -> tensor<5x2xf32>
// CHECK: return %[[R1]]#0, %[[R13]], %[[R14]], %[[R21]], %[[R23]], %[[R24]], %[[R25]], %[[R27]], %[[R28]], %[[R29]]#1, %[[R44]], %[[R55]], %[[R57]]
func.func @forward(%x: !torch.vtensor<[4,3],f32>, %t: !torch.vtensor<[4],si64>, %q: !torch.vtensor<[3,3],f32>, %c: !torch.vtensor<[4,3],f32>, %p: !torch.vtensor<[1,2,6,6],f32>, %s: !torch.vtensor<[5,2,3],f32>, %h: !torch.vtensor<[1,2,4],f32>, %wih: !torch.vtensor<[4,3],f32>, %whh: !torch.vtensor<[4,4],f32>, %hx: !torch.vtensor<[2,4],f32>, %xi: !torch.vtensor<[2,3],f32>, %gih: !torch.vtensor<[12,3],f32>, %ghh: !torch.vtensor<[12,4],f32>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %none = torch.constant.none
  %false = torch.constant.bool false
  %true = torch.constant.bool true
  %c0 = torch.constant.int 0
  %c1 = torch.constant.int 1
  %c2 = torch.constant.int 2
  %m100 = torch.constant.int -100
  %f0 = torch.constant.float 0.000000e+00
  %f1 = torch.constant.float 1.000000e+00
  %eps = torch.constant.float 1.000000e-05
  %p2 = torch.constant.float 2.000000e+00
  %l33 = torch.prim.ListConstruct %c2, %c2 : (!torch.int, !torch.int) -> !torch.list<int>
  %r0 = torch.operator "aten::cross_entropy_loss"(%x, %t, %none, %c1, %m100, %f0) : (!torch.vtensor<[4,3],f32>, !torch.vtensor<[4],si64>, !torch.none, !torch.int, !torch.int, !torch.float) -> !torch.vtensor
  %r1 = torch.operator "aten::binary_cross_entropy_with_logits"(%x, %c, %none, %none, %c1) : (!torch.vtensor<[4,3],f32>, !torch.vtensor<[4,3],f32>, !torch.none, !torch.none, !torch.int) -> !torch.vtensor
  %r2 = torch.operator "aten::det"(%q) : (!torch.vtensor<[3,3],f32>) -> !torch.vtensor
  %r3 = torch.aten.cross %x, %c, %c1 : (!torch.vtensor<[4,3],f32>, !torch.vtensor<[4,3],f32>, !torch.int) -> !torch.vtensor
  %r4 = torch.operator "aten::linalg_vecdot"(%x, %c, %c1) : (!torch.vtensor<[4,3],f32>, !torch.vtensor<[4,3],f32>, !torch.int) -> !torch.vtensor
  %r5 = torch.aten.linalg_norm %x, %none, %none, %false, %none : (!torch.vtensor<[4,3],f32>, !torch.none, !torch.none, !torch.bool, !torch.none) -> !torch.vtensor
  %r6 = torch.aten.norm.Scalar %x, %p2 : (!torch.vtensor<[4,3],f32>, !torch.float) -> !torch.vtensor
  %r7:2 = torch.aten.adaptive_max_pool2d %p, %l33 : (!torch.vtensor<[1,2,6,6],f32>, !torch.list<int>) -> (!torch.vtensor, !torch.vtensor)
  %r8 = torch.aten.instance_norm %p, %none, %none, %none, %none, %true, %f0, %eps, %false : (!torch.vtensor<[1,2,6,6],f32>, !torch.none, !torch.none, !torch.none, !torch.none, !torch.bool, !torch.float, !torch.float, !torch.bool) -> !torch.vtensor
  %r9 = torch.operator "aten::argsort"(%x, %c1, %false) : (!torch.vtensor<[4,3],f32>, !torch.int, !torch.bool) -> !torch.vtensor
  %r10 = torch.aten.gru_cell %xi, %hx, %gih, %ghh, %none, %none : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,4],f32>, !torch.vtensor<[12,3],f32>, !torch.vtensor<[12,4],f32>, !torch.none, !torch.none) -> !torch.vtensor
  %r11 = torch.operator "aten::rnn_tanh_cell"(%xi, %hx, %wih, %whh, %none, %none) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,4],f32>, !torch.vtensor<[4,3],f32>, !torch.vtensor<[4,4],f32>, !torch.none, !torch.none) -> !torch.vtensor
  %r12 = torch.operator "aten::linalg_diagonal"(%s, %c0, %c1, %c2) : (!torch.vtensor<[5,2,3],f32>, !torch.int, !torch.int, !torch.int) -> !torch.vtensor
  return %r0, %r1, %r2, %r3, %r4, %r5, %r6, %r7#1, %r8, %r9, %r10, %r11, %r12 : !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor
}
