// The reduction family at opset 17: ReduceX with axes as an attribute or an
// input as opset 17 wants, keepdim, bool reductions through int32, the
// statistics (std/var with a correction, nanmean, count_nonzero), arg/sort/
// topk, norms; each with its refined result type.
// RUN: torch-onnx-opt %s --torch-refine-types --convert-torch-to-onnx=opset=17 | FileCheck %s

// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3x4xf32>
// CHECK-SAME: %[[A1:[^:]*]]: tensor<2x3x4xi1>
// CHECK: %[[C0:.*]] = onnx.Initializer {{.*}} = dense<false> : tensor<i1>
// CHECK: %[[C1:.*]] = onnx.Initializer {{.*}} = dense<true> : tensor<i1>
// CHECK: %[[C2:.*]] = onnx.Initializer {{.*}} = dense<-1> : tensor<i64>
// CHECK: %[[C3:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[C4:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<i64>
// CHECK: %[[C5:.*]] = onnx.Initializer {{.*}} = dense<2.000000e+00> : tensor<f32>
// CHECK: %[[C6:.*]] = onnx.Initializer {{.*}} = dense<[1, -1]> : tensor<2xi64>
// CHECK: %[[C7:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R1:.*]] = onnx.ReduceMax(%[[X]]) {axes = [1, -1], keepdims = 0 : i64} : (tensor<2x3x4xf32>) -> tensor<2xf32>
// CHECK: %[[R2:.*]] = onnx.ReduceMin(%[[X]]) {axes = [1], keepdims = 1 : i64} : (tensor<2x3x4xf32>) -> tensor<2x1x4xf32>
// CHECK: %[[R3:.*]] = onnx.Cast(%[[A1]]) {to = 6 : i64}
// CHECK: %[[R4:.*]] = onnx.ReduceMin(%[[R3]]) {axes = [1], keepdims = 0 : i64}
// CHECK: %[[R5:.*]] = onnx.Cast(%[[R4]]) {to = 9 : i64} : (tensor<*xi32>) -> tensor<2x4xi1>
// CHECK: %[[R6:.*]] = onnx.Cast(%[[A1]]) {to = 6 : i64}
// CHECK: %[[R7:.*]] = onnx.ReduceMax(%[[R6]]) {axes = [2], keepdims = 1 : i64}
// CHECK: %[[R8:.*]] = onnx.Cast(%[[R7]]) {to = 9 : i64} : (tensor<*xi32>) -> tensor<2x3x1xi1>
// CHECK: %[[R9:.*]] = onnx.ArgMin(%[[X]]) {axis = 1 : i64, keepdims = 0 : i64, select_last_index = 0 : i64} : (tensor<2x3x4xf32>) -> tensor<2x4xi64>
// CHECK: %[[R10:.*]] = onnx.ReduceMean(%[[X]]) {axes = [1, -1], keepdims = 1 : i64} : (tensor<2x3x4xf32>) -> tensor<2x1x1xf32>
// CHECK: %[[R11:.*]] = onnx.ReduceProd(%[[X]]) {axes = [1], keepdims = 0 : i64} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
// CHECK: %[[R12:.*]] = onnx.ReduceMean(%[[X]]) {axes = [1], keepdims = 1 : i64}
// CHECK: %[[R13:.*]] = onnx.Sub(%[[X]], %[[R12]])
// CHECK: %[[R14:.*]] = onnx.Mul(%[[R13]], %[[R13]])
// CHECK: %[[C8:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R15:.*]] = onnx.ReduceSum(%[[R14]], %[[C8]]) {keepdims = 0 : i64, noop_with_empty_axes = 0 : i64}
// CHECK: %[[R16:.*]] = onnx.Size(%[[X]])
// CHECK: %[[R17:.*]] = onnx.Cast(%[[R16]]) {to = 1 : i64}
// CHECK: %[[R18:.*]] = onnx.Size(%[[R12]])
// CHECK: %[[R19:.*]] = onnx.Cast(%[[R18]]) {to = 1 : i64}
// CHECK: %[[R20:.*]] = onnx.Div(%[[R17]], %[[R19]])
// CHECK: %[[C9:.*]] = onnx.Initializer {{.*}} = dense<1.000000e+00> : tensor<f32>
// CHECK: %[[R21:.*]] = onnx.Sub(%[[R20]], %[[C9]])
// CHECK: %[[R22:.*]] = onnx.Div(%[[R15]], %[[R21]])
// CHECK: %[[R23:.*]] = onnx.Sqrt(%[[R22]]) : (tensor<*xf32>) -> tensor<2x4xf32>
// CHECK: %[[R24:.*]] = onnx.ReduceMean(%[[X]]) {axes = [1], keepdims = 1 : i64}
// CHECK: %[[R25:.*]] = onnx.Sub(%[[X]], %[[R24]])
// CHECK: %[[R26:.*]] = onnx.Mul(%[[R25]], %[[R25]])
// CHECK: %[[C10:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R27:.*]] = onnx.ReduceSum(%[[R26]], %[[C10]]) {keepdims = 1 : i64, noop_with_empty_axes = 0 : i64}
// CHECK: %[[R28:.*]] = onnx.Size(%[[X]])
// CHECK: %[[R29:.*]] = onnx.Cast(%[[R28]]) {to = 1 : i64}
// CHECK: %[[R30:.*]] = onnx.Size(%[[R24]])
// CHECK: %[[R31:.*]] = onnx.Cast(%[[R30]]) {to = 1 : i64}
// CHECK: %[[R32:.*]] = onnx.Div(%[[R29]], %[[R31]])
// CHECK: %[[C11:.*]] = onnx.Initializer {{.*}} = dense<1.000000e+00> : tensor<f32>
// CHECK: %[[R33:.*]] = onnx.Sub(%[[R32]], %[[C11]])
// CHECK: %[[R34:.*]] = onnx.Div(%[[R27]], %[[R33]])
// CHECK: %[[R35:.*]] = onnx.Identity(%[[R34]]) : (tensor<*xf32>) -> tensor<2x1x4xf32>
// CHECK: %[[R36:.*]] = onnx.ReduceLogSumExp(%[[X]]) {axes = [1], keepdims = 0 : i64} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
// CHECK: %[[C12:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[R37:.*]] = onnx.CumSum(%[[X]], %[[C12]]) {exclusive = 0 : i64, reverse = 0 : i64} : (tensor<2x3x4xf32>, tensor<i64>) -> tensor<2x3x4xf32>
// CHECK: %[[R39:.*]] = onnx.ArgMax(%[[X]]) {axis = 1 : i64, keepdims = 0 : i64, select_last_index = 0 : i64} : (tensor<2x3x4xf32>) -> tensor<2x4xi64>
// CHECK: %[[R40:.*]] = onnx.ReduceMin(%[[X]]) {axes = [-1], keepdims = 1 : i64} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
// CHECK: %[[C13:.*]] = onnx.Initializer {{.*}} = dense<4> : tensor<1xi64>
// CHECK: %[[R42:.*]]:2 = onnx.TopK(%[[X]], %[[C13]]) {axis = 2 : i64, largest = 1 : i64, sorted = 1 : i64} : (tensor<2x3x4xf32>, tensor<1xi64>) -> (tensor<2x3x4xf32>, tensor<2x3x4xi64>)
// CHECK: %[[C14:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[C15:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[R44:.*]]:2 = onnx.TopK(%[[X]], %[[C15]]) {axis = 1 : i64, largest = 1 : i64, sorted = 1 : i64} : (tensor<2x3x4xf32>, tensor<1xi64>) -> (tensor<2x2x4xf32>, tensor<2x2x4xi64>)
// CHECK: %[[R45:.*]] = onnx.ReduceL2(%[[X]]) {axes = [1], keepdims = 0 : i64} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
// CHECK: %[[R46:.*]] = onnx.ReduceL2(%[[X]]) {axes = [1, -1], keepdims = 0 : i64} : (tensor<2x3x4xf32>) -> tensor<2xf32>
// CHECK: %[[R47:.*]] = onnx.ReduceMean(%[[X]]) {axes = [1], keepdims = 1 : i64}
// CHECK: %[[R48:.*]] = onnx.Sub(%[[X]], %[[R47]])
// CHECK: %[[R49:.*]] = onnx.Mul(%[[R48]], %[[R48]])
// CHECK: %[[C16:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R50:.*]] = onnx.ReduceSum(%[[R49]], %[[C16]]) {keepdims = 0 : i64, noop_with_empty_axes = 0 : i64}
// CHECK: %[[R51:.*]] = onnx.Size(%[[X]])
// CHECK: %[[R52:.*]] = onnx.Cast(%[[R51]]) {to = 1 : i64}
// CHECK: %[[R53:.*]] = onnx.Size(%[[R47]])
// CHECK: %[[R54:.*]] = onnx.Cast(%[[R53]]) {to = 1 : i64}
// CHECK: %[[R55:.*]] = onnx.Div(%[[R52]], %[[R54]])
// CHECK: %[[C17:.*]] = onnx.Initializer {{.*}} = dense<1.000000e+00> : tensor<f32>
// CHECK: %[[R56:.*]] = onnx.Sub(%[[R55]], %[[C17]])
// CHECK: %[[R57:.*]] = onnx.Div(%[[R50]], %[[R56]])
// CHECK: %[[R58:.*]] = onnx.Identity(%[[R57]]) : (tensor<*xf32>) -> tensor<2x4xf32>
// CHECK: %[[C18:.*]] = onnx.Initializer {{.*}} = dense<0.000000e+00> : tensor<f32>
// CHECK: %[[R60:.*]] = onnx.Equal(%[[X]], %[[C18]])
// CHECK: %[[R61:.*]] = onnx.Not(%[[R60]])
// CHECK: %[[R62:.*]] = onnx.Cast(%[[R61]]) {to = 7 : i64}
// CHECK: %[[C19:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R63:.*]] = onnx.ReduceSum(%[[R62]], %[[C19]]) {keepdims = 0 : i64, noop_with_empty_axes = 0 : i64} : (tensor<*xi64>, tensor<1xi64>) -> tensor<2x4xi64>
// CHECK: %[[R64:.*]] = onnx.IsNaN(%[[X]])
// CHECK: %[[C20:.*]] = onnx.Initializer {{.*}} = dense<0.000000e+00> : tensor<f32>
// CHECK: %[[R65:.*]] = onnx.Where(%[[R64]], %[[C20]], %[[X]])
// CHECK: %[[C21:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R66:.*]] = onnx.ReduceSum(%[[R65]], %[[C21]]) {keepdims = 0 : i64, noop_with_empty_axes = 0 : i64}
// CHECK: %[[R67:.*]] = onnx.Not(%[[R64]])
// CHECK: %[[R68:.*]] = onnx.Cast(%[[R67]]) {to = 1 : i64}
// CHECK: %[[C22:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R69:.*]] = onnx.ReduceSum(%[[R68]], %[[C22]]) {keepdims = 0 : i64, noop_with_empty_axes = 0 : i64}
// CHECK: %[[R70:.*]] = onnx.Div(%[[R66]], %[[R69]]) : (tensor<*xf32>, tensor<*xf32>) -> tensor<2x4xf32>
// CHECK: return %[[R1]], %[[R2]], %[[R5]], %[[R8]], %[[R9]], %[[R10]], %[[R11]], %[[R23]], %[[R35]], %[[R36]], %[[R37]], %[[R39]], %[[R40]], %[[R42]]#1, %[[R44]]#0, %[[R45]], %[[R46]], %[[R58]], %[[R63]], %[[R70]]
func.func @forward(%x: !torch.vtensor<[2,3,4],f32>, %b: !torch.vtensor<[2,3,4],i1>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %none = torch.constant.none
  %false = torch.constant.bool false
  %true = torch.constant.bool true
  %m1 = torch.constant.int -1
  %one = torch.constant.int 1
  %two = torch.constant.int 2
  %p2 = torch.constant.float 2.000000e+00
  %dims = torch.prim.ListConstruct %one, %m1 : (!torch.int, !torch.int) -> !torch.list<int>
  %d1 = torch.prim.ListConstruct %one : (!torch.int) -> !torch.list<int>
  %r0 = torch.operator "aten::amax"(%x, %dims, %false) : (!torch.vtensor<[2,3,4],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor
  %r1 = torch.operator "aten::amin"(%x, %d1, %true) : (!torch.vtensor<[2,3,4],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor
  %r2 = torch.aten.all.dim %b, %one, %false : (!torch.vtensor<[2,3,4],i1>, !torch.int, !torch.bool) -> !torch.vtensor
  %r3 = torch.aten.any.dim %b, %m1, %true : (!torch.vtensor<[2,3,4],i1>, !torch.int, !torch.bool) -> !torch.vtensor
  %r4 = torch.aten.argmin %x, %one, %false : (!torch.vtensor<[2,3,4],f32>, !torch.int, !torch.bool) -> !torch.vtensor
  %r5 = torch.aten.mean.dim %x, %dims, %true, %none : (!torch.vtensor<[2,3,4],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor
  %r6 = torch.aten.prod.dim_int %x, %one, %false, %none : (!torch.vtensor<[2,3,4],f32>, !torch.int, !torch.bool, !torch.none) -> !torch.vtensor
  %r7 = torch.aten.std.correction %x, %d1, %one, %false : (!torch.vtensor<[2,3,4],f32>, !torch.list<int>, !torch.int, !torch.bool) -> !torch.vtensor
  %r8 = torch.aten.var.correction %x, %d1, %none, %true : (!torch.vtensor<[2,3,4],f32>, !torch.list<int>, !torch.none, !torch.bool) -> !torch.vtensor
  %r9 = torch.aten.logsumexp %x, %d1, %false : (!torch.vtensor<[2,3,4],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor
  %r10 = torch.aten.cumsum %x, %one, %none : (!torch.vtensor<[2,3,4],f32>, !torch.int, !torch.none) -> !torch.vtensor
  %r11:2 = torch.aten.max.dim %x, %one, %false : (!torch.vtensor<[2,3,4],f32>, !torch.int, !torch.bool) -> (!torch.vtensor, !torch.vtensor)
  %r12:2 = torch.aten.min.dim %x, %m1, %true : (!torch.vtensor<[2,3,4],f32>, !torch.int, !torch.bool) -> (!torch.vtensor, !torch.vtensor)
  %r13:2 = torch.aten.sort %x, %m1, %true : (!torch.vtensor<[2,3,4],f32>, !torch.int, !torch.bool) -> (!torch.vtensor, !torch.vtensor)
  %r14:2 = torch.aten.topk %x, %two, %one, %true, %true : (!torch.vtensor<[2,3,4],f32>, !torch.int, !torch.int, !torch.bool, !torch.bool) -> (!torch.vtensor, !torch.vtensor)
  %r15 = torch.aten.norm.ScalarOpt_dim %x, %p2, %d1, %false : (!torch.vtensor<[2,3,4],f32>, !torch.float, !torch.list<int>, !torch.bool) -> !torch.vtensor
  %r16 = torch.aten.frobenius_norm.dim %x, %dims, %false : (!torch.vtensor<[2,3,4],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor
  %r17:2 = torch.aten.var_mean.correction %x, %d1, %one, %false : (!torch.vtensor<[2,3,4],f32>, !torch.list<int>, !torch.int, !torch.bool) -> (!torch.vtensor, !torch.vtensor)
  %r18 = torch.operator "aten::count_nonzero.dim_IntList"(%x, %d1) : (!torch.vtensor<[2,3,4],f32>, !torch.list<int>) -> !torch.vtensor
  %r19 = torch.operator "aten::nanmean"(%x, %d1, %false, %none) : (!torch.vtensor<[2,3,4],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor
  return %r0, %r1, %r2, %r3, %r4, %r5, %r6, %r7, %r8, %r9, %r10, %r11#1, %r12#0, %r13#1, %r14#0, %r15, %r16, %r17#0, %r18, %r19 : !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor
}
