// The linear-algebra, convolution, pooling, normalization and loss family at
// opset 17: MatMul/Gemm (transB for linear), the decompositions of outer,
// baddbmm, group_norm, glu, cosine_similarity and mse_loss, Conv/pools with
// their attributes; each with its refined result type.
// RUN: torch-onnx-opt %s --torch-refine-types --convert-torch-to-onnx=opset=17 | FileCheck %s

// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3xf32>
// CHECK-SAME: %[[A1:[^:]*]]: tensor<3x4xf32>
// CHECK-SAME: %[[A2:[^:]*]]: tensor<5x2x3xf32>
// CHECK-SAME: %[[A3:[^:]*]]: tensor<5x3x4xf32>
// CHECK-SAME: %[[A4:[^:]*]]: tensor<3xf32>
// CHECK-SAME: %[[A5:[^:]*]]: tensor<4xf32>
// CHECK-SAME: %[[A6:[^:]*]]: tensor<4x3xf32>
// CHECK-SAME: %[[A7:[^:]*]]: tensor<1x2x8xf32>
// CHECK-SAME: %[[A8:[^:]*]]: tensor<4x2x3xf32>
// CHECK-SAME: %[[A9:[^:]*]]: tensor<1x2x4x4x4xf32>
// CHECK-SAME: %[[A10:[^:]*]]: tensor<3x2x2x2x2xf32>
// CHECK-SAME: %[[A11:[^:]*]]: tensor<1x2x6x6xf32>
// CHECK-SAME: %[[A12:[^:]*]]: tensor<2x3x4xf32>
// CHECK-SAME: %[[A13:[^:]*]]: tensor<1x4x3x3xf32>
// CHECK-SAME: %[[A14:[^:]*]]: tensor<10x3xf32>
// CHECK-SAME: %[[A15:[^:]*]]: tensor<2x3xi64>
// CHECK-SAME: %[[A16:[^:]*]]: tensor<2x4xf32>
// CHECK: %[[C0:.*]] = onnx.Initializer {{.*}} = dense<false> : tensor<i1>
// CHECK: %[[C1:.*]] = onnx.Initializer {{.*}} = dense<true> : tensor<i1>
// CHECK: %[[C2:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[C3:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[C4:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<i64>
// CHECK: %[[C5:.*]] = onnx.Initializer {{.*}} = dense<4> : tensor<i64>
// CHECK: %[[C6:.*]] = onnx.Initializer {{.*}} = dense<-1> : tensor<i64>
// CHECK: %[[C7:.*]] = onnx.Initializer {{.*}} = dense<9.99999974E-6> : tensor<f32>
// CHECK: %[[C8:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[C9:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[C10:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[C11:.*]] = onnx.Initializer {{.*}} = dense<4> : tensor<1xi64>
// CHECK: %[[C12:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<2xi64>
// CHECK: %[[C13:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<2xi64>
// CHECK: %[[C14:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<2xi64>
// CHECK: %[[C15:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<3xi64>
// CHECK: %[[C16:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<3xi64>
// CHECK: %[[R1:.*]] = onnx.MatMul(%[[X]], %[[A1]]) : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
// CHECK: %[[R2:.*]] = onnx.MatMul(%[[X]], %[[A1]]) : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
// CHECK: %[[R3:.*]] = onnx.MatMul(%[[A2]], %[[A3]]) : (tensor<5x2x3xf32>, tensor<5x3x4xf32>) -> tensor<5x2x4xf32>
// CHECK: %[[R4:.*]] = onnx.Gemm(%[[X]], %[[A1]], %[[A5]]) {alpha = 1.000000e+00 : f32, beta = 1.000000e+00 : f32, transA = 0 : i64, transB = 0 : i64} : (tensor<2x3xf32>, tensor<3x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
// CHECK: %[[R5:.*]] = onnx.Gemm(%[[X]], %[[A6]], %[[A5]]) {alpha = 1.000000e+00 : f32, beta = 1.000000e+00 : f32, transA = 0 : i64, transB = 1 : i64} : (tensor<2x3xf32>, tensor<4x3xf32>, tensor<4xf32>) -> tensor<2x4xf32>
// CHECK: %[[R6:.*]] = onnx.MatMul(%[[A4]], %[[A4]]) : (tensor<3xf32>, tensor<3xf32>) -> tensor<f32>
// CHECK: %[[R7:.*]] = onnx.MatMul(%[[A1]], %[[A5]]) : (tensor<3x4xf32>, tensor<4xf32>) -> tensor<3xf32>
// CHECK: %[[C17:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R8:.*]] = onnx.Unsqueeze(%[[A4]], %[[C17]])
// CHECK: %[[R9:.*]] = onnx.Mul(%[[R8]], %[[A5]]) : (tensor<*xf32>, tensor<4xf32>) -> tensor<3x4xf32>
// CHECK: %[[R10:.*]] = onnx.MatMul(%[[A2]], %[[A3]])
// CHECK: %[[R11:.*]] = onnx.Add(%[[A16]], %[[R10]]) : (tensor<2x4xf32>, tensor<*xf32>) -> tensor<5x2x4xf32>
// CHECK: %[[R12:.*]] = onnx.Conv(%[[A7]], %[[A8]]) {auto_pad = "NOTSET", dilations = [1], group = 1 : i64, kernel_shape = [3], pads = [1, 1], strides = [1]} : (tensor<1x2x8xf32>, tensor<4x2x3xf32>) -> tensor<1x4x8xf32>
// CHECK: %[[R13:.*]] = onnx.Conv(%[[A9]], %[[A10]]) {auto_pad = "NOTSET", dilations = [1, 1, 1], group = 1 : i64, kernel_shape = [2, 2, 2], pads = [0, 0, 0, 0, 0, 0], strides = [1, 1, 1]} : (tensor<1x2x4x4x4xf32>, tensor<3x2x2x2x2xf32>) -> tensor<1x3x3x3x3xf32>
// CHECK: %[[R14:.*]] = onnx.AveragePool(%[[A7]]) {auto_pad = "NOTSET", ceil_mode = 0 : i64, count_include_pad = 1 : i64, kernel_shape = [2], pads = [0, 0], strides = [2]} : (tensor<1x2x8xf32>) -> tensor<1x2x4xf32>
// CHECK: %[[R15:.*]] = onnx.AveragePool(%[[A11]]) {auto_pad = "NOTSET", ceil_mode = 0 : i64, count_include_pad = 1 : i64, kernel_shape = [2, 2], pads = [0, 0, 0, 0], strides = [2, 2]} : (tensor<1x2x6x6xf32>) -> tensor<1x2x3x3xf32>
// CHECK: %[[R16:.*]] = onnx.MaxPool(%[[A7]]) {auto_pad = "NOTSET", ceil_mode = 0 : i64, dilations = [1], kernel_shape = [2], pads = [0, 0], storage_order = 0 : i64, strides = [2]} : (tensor<1x2x8xf32>) -> tensor<1x2x4xf32>
// CHECK: %[[R17:.*]] = onnx.MaxPool(%[[A11]]) {auto_pad = "NOTSET", ceil_mode = 1 : i64, dilations = [1, 1], kernel_shape = [2, 2], pads = [0, 0, 0, 0], storage_order = 0 : i64, strides = [2, 2]} : (tensor<1x2x6x6xf32>) -> tensor<1x2x3x3xf32>
// CHECK: %[[R18:.*]] = onnx.GlobalAveragePool(%[[A11]]) : (tensor<1x2x6x6xf32>) -> tensor<1x2x1x1xf32>
// CHECK: %[[C18:.*]] = onnx.Initializer {{.*}} = dense<1.000000e+00> : tensor<4xf32>
// CHECK: %[[R19:.*]] = onnx.LayerNormalization(%[[A12]], %[[C18]]) {axis = -1 : i64, epsilon = 9.99999974E-6 : f32, resultSegmentSizes = array<i32: 1, 0, 0>, stash_type = 1 : i64} : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
// CHECK: %[[C19:.*]] = onnx.Initializer {{.*}} = dense<[0, 2, -1]> : tensor<3xi64>
// CHECK: %[[R20:.*]] = onnx.Reshape(%[[A13]], %[[C19]]) {allowzero = 0 : i64}
// CHECK: %[[R21:.*]] = onnx.ReduceMean(%[[R20]]) {axes = [2], keepdims = 1 : i64}
// CHECK: %[[R22:.*]] = onnx.Sub(%[[R20]], %[[R21]])
// CHECK: %[[R23:.*]] = onnx.Mul(%[[R22]], %[[R22]])
// CHECK: %[[R24:.*]] = onnx.ReduceMean(%[[R23]]) {axes = [2], keepdims = 1 : i64}
// CHECK: %[[C20:.*]] = onnx.Initializer {{.*}} = dense<9.99999974E-6> : tensor<f32>
// CHECK: %[[R25:.*]] = onnx.Add(%[[R24]], %[[C20]])
// CHECK: %[[R26:.*]] = onnx.Sqrt(%[[R25]])
// CHECK: %[[R27:.*]] = onnx.Div(%[[R22]], %[[R26]])
// CHECK: %[[R28:.*]] = onnx.Shape(%[[A13]]) {start = 0 : i64}
// CHECK: %[[R29:.*]] = onnx.Reshape(%[[R27]], %[[R28]]) {allowzero = 0 : i64}
// CHECK: %[[R30:.*]] = onnx.Identity(%[[R29]]) : (tensor<*xf32>) -> tensor<1x4x3x3xf32>
// CHECK: %[[R31:.*]] = onnx.Gather(%[[A14]], %[[A15]]) {axis = 0 : i64} : (tensor<10x3xf32>, tensor<2x3xi64>) -> tensor<2x3x3xf32>
// CHECK: %[[R32:.*]] = onnx.LogSoftmax(%[[A12]]) {axis = -1 : i64} : tensor<2x3x4xf32>
// CHECK: %[[C21:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[C22:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[C23:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[R33:.*]] = onnx.Slice(%[[A12]], %[[C21]], %[[C22]], %[[C23]])
// CHECK: %[[C24:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[C25:.*]] = onnx.Initializer {{.*}} = dense<4> : tensor<1xi64>
// CHECK: %[[C26:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[R34:.*]] = onnx.Slice(%[[A12]], %[[C24]], %[[C25]], %[[C26]])
// CHECK: %[[R35:.*]] = onnx.Sigmoid(%[[R34]])
// CHECK: %[[R36:.*]] = onnx.Mul(%[[R33]], %[[R35]]) : (tensor<*xf32>, tensor<*xf32>) -> tensor<2x3x4xf32>
// CHECK: %[[R37:.*]] = onnx.ReduceL2(%[[X]]) {axes = [1], keepdims = 1 : i64}
// CHECK: %[[C27:.*]] = onnx.Initializer {{.*}} = dense<9.99999974E-6> : tensor<f32>
// CHECK: %[[R38:.*]] = onnx.Max(%[[R37]], %[[C27]])
// CHECK: %[[R39:.*]] = onnx.Div(%[[X]], %[[R38]])
// CHECK: %[[R40:.*]] = onnx.ReduceL2(%[[X]]) {axes = [1], keepdims = 1 : i64}
// CHECK: %[[C28:.*]] = onnx.Initializer {{.*}} = dense<9.99999974E-6> : tensor<f32>
// CHECK: %[[R41:.*]] = onnx.Max(%[[R40]], %[[C28]])
// CHECK: %[[R42:.*]] = onnx.Div(%[[X]], %[[R41]])
// CHECK: %[[R43:.*]] = onnx.Mul(%[[R39]], %[[R42]])
// CHECK: %[[C29:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R44:.*]] = onnx.ReduceSum(%[[R43]], %[[C29]]) {keepdims = 0 : i64, noop_with_empty_axes = 0 : i64} : (tensor<*xf32>, tensor<1xi64>) -> tensor<2xf32>
// CHECK: %[[R45:.*]] = onnx.Sub(%[[X]], %[[X]])
// CHECK: %[[R46:.*]] = onnx.Mul(%[[R45]], %[[R45]])
// CHECK: %[[R47:.*]] = onnx.ReduceMean(%[[R46]]) {keepdims = 0 : i64} : (tensor<*xf32>) -> tensor<f32>
// CHECK: return %[[R1]], %[[R2]], %[[R3]], %[[R4]], %[[R5]], %[[R6]], %[[R7]], %[[R9]], %[[R11]], %[[R12]], %[[R13]], %[[R14]], %[[R15]], %[[R16]], %[[R17]], %[[R18]], %[[R19]], %[[R30]], %[[R31]], %[[R32]], %[[R36]], %[[R44]], %[[R47]]
func.func @forward(%a: !torch.vtensor<[2,3],f32>, %b: !torch.vtensor<[3,4],f32>, %b3: !torch.vtensor<[5,2,3],f32>, %c3: !torch.vtensor<[5,3,4],f32>, %v3: !torch.vtensor<[3],f32>, %v4: !torch.vtensor<[4],f32>, %w: !torch.vtensor<[4,3],f32>, %x1: !torch.vtensor<[1,2,8],f32>, %w1: !torch.vtensor<[4,2,3],f32>, %x3: !torch.vtensor<[1,2,4,4,4],f32>, %w3: !torch.vtensor<[3,2,2,2,2],f32>, %x2: !torch.vtensor<[1,2,6,6],f32>, %n: !torch.vtensor<[2,3,4],f32>, %g: !torch.vtensor<[1,4,3,3],f32>, %e: !torch.vtensor<[10,3],f32>, %idx: !torch.vtensor<[2,3],si64>, %s24: !torch.vtensor<[2,4],f32>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %none = torch.constant.none
  %false = torch.constant.bool false
  %true = torch.constant.bool true
  %zero = torch.constant.int 0
  %one = torch.constant.int 1
  %two = torch.constant.int 2
  %four = torch.constant.int 4
  %m1 = torch.constant.int -1
  %eps = torch.constant.float 1.000000e-05
  %l0 = torch.prim.ListConstruct %zero : (!torch.int) -> !torch.list<int>
  %l1 = torch.prim.ListConstruct %one : (!torch.int) -> !torch.list<int>
  %l2 = torch.prim.ListConstruct %two : (!torch.int) -> !torch.list<int>
  %l4 = torch.prim.ListConstruct %four : (!torch.int) -> !torch.list<int>
  %l00 = torch.prim.ListConstruct %zero, %zero : (!torch.int, !torch.int) -> !torch.list<int>
  %l11 = torch.prim.ListConstruct %one, %one : (!torch.int, !torch.int) -> !torch.list<int>
  %l22 = torch.prim.ListConstruct %two, %two : (!torch.int, !torch.int) -> !torch.list<int>
  %l000 = torch.prim.ListConstruct %zero, %zero, %zero : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
  %l111 = torch.prim.ListConstruct %one, %one, %one : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
  %r0 = torch.aten.matmul %a, %b : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3,4],f32>) -> !torch.vtensor
  %r1 = torch.aten.mm %a, %b : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3,4],f32>) -> !torch.vtensor
  %r2 = torch.aten.bmm %b3, %c3 : (!torch.vtensor<[5,2,3],f32>, !torch.vtensor<[5,3,4],f32>) -> !torch.vtensor
  %r3 = torch.aten.addmm %v4, %a, %b, %one, %one : (!torch.vtensor<[4],f32>, !torch.vtensor<[2,3],f32>, !torch.vtensor<[3,4],f32>, !torch.int, !torch.int) -> !torch.vtensor
  %r4 = torch.aten.linear %a, %w, %v4 : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[4,3],f32>, !torch.vtensor<[4],f32>) -> !torch.vtensor
  %r5 = torch.operator "aten::dot"(%v3, %v3) : (!torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor
  %r6 = torch.aten.mv %b, %v4 : (!torch.vtensor<[3,4],f32>, !torch.vtensor<[4],f32>) -> !torch.vtensor
  %r7 = torch.operator "aten::outer"(%v3, %v4) : (!torch.vtensor<[3],f32>, !torch.vtensor<[4],f32>) -> !torch.vtensor
  %r8 = torch.aten.baddbmm %s24, %b3, %c3, %one, %one : (!torch.vtensor<[2,4],f32>, !torch.vtensor<[5,2,3],f32>, !torch.vtensor<[5,3,4],f32>, !torch.int, !torch.int) -> !torch.vtensor
  %r9 = torch.aten.conv1d %x1, %w1, %none, %l1, %l1, %l1, %one : (!torch.vtensor<[1,2,8],f32>, !torch.vtensor<[4,2,3],f32>, !torch.none, !torch.list<int>, !torch.list<int>, !torch.list<int>, !torch.int) -> !torch.vtensor
  %r10 = torch.aten.conv3d %x3, %w3, %none, %l111, %l000, %l111, %one : (!torch.vtensor<[1,2,4,4,4],f32>, !torch.vtensor<[3,2,2,2,2],f32>, !torch.none, !torch.list<int>, !torch.list<int>, !torch.list<int>, !torch.int) -> !torch.vtensor
  %r11 = torch.aten.avg_pool1d %x1, %l2, %l2, %l0, %false, %true : (!torch.vtensor<[1,2,8],f32>, !torch.list<int>, !torch.list<int>, !torch.list<int>, !torch.bool, !torch.bool) -> !torch.vtensor
  %r12 = torch.aten.avg_pool2d %x2, %l22, %l22, %l00, %false, %true, %none : (!torch.vtensor<[1,2,6,6],f32>, !torch.list<int>, !torch.list<int>, !torch.list<int>, !torch.bool, !torch.bool, !torch.none) -> !torch.vtensor
  %r13 = torch.aten.max_pool1d %x1, %l2, %l2, %l0, %l1, %false : (!torch.vtensor<[1,2,8],f32>, !torch.list<int>, !torch.list<int>, !torch.list<int>, !torch.list<int>, !torch.bool) -> !torch.vtensor
  %r14 = torch.aten.max_pool2d %x2, %l22, %l22, %l00, %l11, %true : (!torch.vtensor<[1,2,6,6],f32>, !torch.list<int>, !torch.list<int>, !torch.list<int>, !torch.list<int>, !torch.bool) -> !torch.vtensor
  %r15 = torch.aten.adaptive_avg_pool2d %x2, %l11 : (!torch.vtensor<[1,2,6,6],f32>, !torch.list<int>) -> !torch.vtensor
  %r16 = torch.aten.layer_norm %n, %l4, %none, %none, %eps, %true : (!torch.vtensor<[2,3,4],f32>, !torch.list<int>, !torch.none, !torch.none, !torch.float, !torch.bool) -> !torch.vtensor
  %r17 = torch.aten.group_norm %g, %two, %none, %none, %eps, %true : (!torch.vtensor<[1,4,3,3],f32>, !torch.int, !torch.none, !torch.none, !torch.float, !torch.bool) -> !torch.vtensor
  %r18 = torch.aten.embedding %e, %idx, %m1, %false, %false : (!torch.vtensor<[10,3],f32>, !torch.vtensor<[2,3],si64>, !torch.int, !torch.bool, !torch.bool) -> !torch.vtensor
  %r19 = torch.aten.log_softmax.int %n, %m1, %none : (!torch.vtensor<[2,3,4],f32>, !torch.int, !torch.none) -> !torch.vtensor
  %r20 = torch.aten.glu %n, %m1 : (!torch.vtensor<[2,3,4],f32>, !torch.int) -> !torch.vtensor
  %r21 = torch.operator "aten::cosine_similarity"(%a, %a, %one, %eps) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>, !torch.int, !torch.float) -> !torch.vtensor
  %r22 = torch.operator "aten::mse_loss"(%a, %a, %one) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>, !torch.int) -> !torch.vtensor
  return %r0, %r1, %r2, %r3, %r4, %r5, %r6, %r7, %r8, %r9, %r10, %r11, %r12, %r13, %r14, %r15, %r16, %r17, %r18, %r19, %r20, %r21, %r22 : !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor
}
