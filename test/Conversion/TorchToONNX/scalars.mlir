// TorchScript scalar arithmetic at opset 17: int and float scalars computed
// at run time (from a dynamic size, numel, item) are 0-d tensors; Python's
// floor division and modulo keep their sign rules, int() truncates, a
// division of ints is a float, bools are cast to int.
// RUN: torch-onnx-opt %s --torch-refine-types --convert-torch-to-onnx=opset=17 | FileCheck %s

// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<?x4xf32>
// CHECK: %[[C0:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[C1:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[C2:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<i64>
// CHECK: %[[C3:.*]] = onnx.Initializer {{.*}} = dense<1.500000e+00> : tensor<f32>
// CHECK: %[[R1:.*]] = onnx.Shape(%[[X]]) {start = 0 : i64}
// CHECK: %[[C4:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[R2:.*]] = onnx.Gather(%[[R1]], %[[C4]]) {axis = 0 : i64}
// CHECK: %[[C5:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[R3:.*]] = onnx.Add(%[[R2]], %[[C5]])
// CHECK: %[[C6:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<i64>
// CHECK: %[[R4:.*]] = onnx.Mul(%[[R3]], %[[C6]])
// CHECK: %[[C7:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[R5:.*]] = onnx.Sub(%[[R4]], %[[C7]])
// CHECK: %[[C8:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<i64>
// CHECK: %[[R6:.*]] = onnx.Div(%[[R5]], %[[C8]])
// CHECK: %[[R7:.*]] = onnx.Mul(%[[R6]], %[[C8]])
// CHECK: %[[R8:.*]] = onnx.Sub(%[[R5]], %[[R7]])
// CHECK: %[[C9:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[R9:.*]] = onnx.Equal(%[[R8]], %[[C9]])
// CHECK: %[[R10:.*]] = onnx.Not(%[[R9]])
// CHECK: %[[R11:.*]] = onnx.Less(%[[R8]], %[[C9]])
// CHECK: %[[R12:.*]] = onnx.Less(%[[C8]], %[[C9]])
// CHECK: %[[R13:.*]] = onnx.Xor(%[[R11]], %[[R12]])
// CHECK: %[[R14:.*]] = onnx.And(%[[R10]], %[[R13]])
// CHECK: %[[R15:.*]] = onnx.Cast(%[[R14]]) {to = 7 : i64}
// CHECK: %[[R16:.*]] = onnx.Sub(%[[R6]], %[[R15]])
// CHECK: %[[C10:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<i64>
// CHECK: %[[R17:.*]] = onnx.Mod(%[[R5]], %[[C10]]) {fmod = 0 : i64}
// CHECK: %[[R18:.*]] = onnx.Neg(%[[R17]])
// CHECK: %[[C11:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R19:.*]] = onnx.Unsqueeze(%[[R16]], %[[C11]])
// CHECK: %[[C12:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R20:.*]] = onnx.Unsqueeze(%[[C2]], %[[C12]])
// CHECK: %[[C13:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R22:.*]] = onnx.Unsqueeze(%[[R16]], %[[C13]])
// CHECK: %[[C14:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[R23:.*]] = onnx.Concat(%[[R22]], %[[C14]]) {axis = 0 : i64}
// CHECK: %[[R24:.*]] = onnx.ConstantOfShape(%[[R23]]) {value_ = dense<1.000000e+00> : tensor<1xf32>} : (tensor<?xi64>) -> tensor<?x2xf32>
// CHECK: %[[R25:.*]] = onnx.Cast(%[[R18]]) {to = 1 : i64}
// CHECK: %[[C15:.*]] = onnx.Initializer {{.*}} = dense<1.500000e+00> : tensor<f32>
// CHECK: %[[R26:.*]] = onnx.Mul(%[[R25]], %[[C15]])
// CHECK: %[[C16:.*]] = onnx.Initializer {{.*}} = dense<1.500000e+00> : tensor<f32>
// CHECK: %[[R27:.*]] = onnx.Div(%[[R26]], %[[C16]])
// CHECK: %[[C17:.*]] = onnx.Initializer {{.*}} = dense<1.500000e+00> : tensor<f32>
// CHECK: %[[R28:.*]] = onnx.Add(%[[R27]], %[[C17]])
// CHECK: %[[C18:.*]] = onnx.Initializer {{.*}} = dense<1.500000e+00> : tensor<f32>
// CHECK: %[[R29:.*]] = onnx.Sub(%[[R28]], %[[C18]])
// CHECK: %[[R30:.*]] = onnx.Mul(%[[X]], %[[R29]]) : (tensor<?x4xf32>, tensor<f32>) -> tensor<?x4xf32>
// CHECK: %[[R31:.*]] = onnx.Size(%[[X]])
// CHECK: %[[R32:.*]] = onnx.Cast(%[[R31]]) {to = 1 : i64}
// CHECK: %[[R33:.*]] = onnx.Cast(%[[C2]]) {to = 1 : i64}
// CHECK: %[[R34:.*]] = onnx.Div(%[[R32]], %[[R33]])
// CHECK: %[[R35:.*]] = onnx.Add(%[[X]], %[[R34]]) : (tensor<?x4xf32>, tensor<f32>) -> tensor<?x4xf32>
// CHECK: %[[R36:.*]] = onnx.ReduceSum(%[[X]]) {keepdims = 0 : i64, noop_with_empty_axes = 0 : i64}
// CHECK: %[[R37:.*]] = onnx.Identity(%[[R36]])
// CHECK: %[[R38:.*]] = onnx.Cast(%[[R36]]) {to = 7 : i64}
// CHECK: %[[C19:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[R39:.*]] = onnx.Greater(%[[R38]], %[[C19]])
// CHECK: %[[R40:.*]] = onnx.Cast(%[[R39]]) {to = 7 : i64}
// CHECK: %[[C20:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<i64>
// CHECK: %[[R41:.*]] = onnx.Mul(%[[R40]], %[[C20]])
// CHECK: %[[C21:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[C22:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R43:.*]] = onnx.Unsqueeze(%[[R41]], %[[C22]])
// CHECK: %[[R44:.*]] = onnx.ConstantOfShape(%[[R43]]) {value_ = dense<1.000000e+00> : tensor<1xf32>} : (tensor<*xi64>) -> tensor<?xf32>
// CHECK: %[[R45:.*]] = onnx.Add(%[[X]], %[[R37]]) : (tensor<?x4xf32>, tensor<f32>) -> tensor<?x4xf32>
// CHECK: return %[[R24]], %[[R30]], %[[R35]], %[[R44]], %[[R45]]
func.func @forward(%x: !torch.vtensor<[?,4],f32>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %c0 = torch.constant.int 0
  %c1 = torch.constant.int 1
  %c2 = torch.constant.int 2
  %f = torch.constant.float 1.500000e+00
  %none = torch.constant.none
  %n = torch.aten.size.int %x, %c0 : (!torch.vtensor<[?,4],f32>, !torch.int) -> !torch.int
  %a = torch.aten.add.int %n, %c1 : (!torch.int, !torch.int) -> !torch.int
  %b = torch.aten.mul.int %a, %c2 : (!torch.int, !torch.int) -> !torch.int
  %c = torch.aten.sub.int %b, %c1 : (!torch.int, !torch.int) -> !torch.int
  %d = torch.aten.floordiv.int %c, %c2 : (!torch.int, !torch.int) -> !torch.int
  %e = torch.aten.remainder.int %c, %c2 : (!torch.int, !torch.int) -> !torch.int
  %g = torch.aten.neg.int %e : (!torch.int) -> !torch.int
  %s = torch.prim.ListConstruct %d, %c2 : (!torch.int, !torch.int) -> !torch.list<int>
  %r0 = torch.aten.ones %s, %none, %none, %none, %none : (!torch.list<int>, !torch.none, !torch.none, !torch.none, !torch.none) -> !torch.vtensor
  %fl = torch.aten.Float.int %g : (!torch.int) -> !torch.float
  %h = torch.aten.mul.float %fl, %f : (!torch.float, !torch.float) -> !torch.float
  %i = torch.aten.div.float %h, %f : (!torch.float, !torch.float) -> !torch.float
  %j = torch.aten.add.float %i, %f : (!torch.float, !torch.float) -> !torch.float
  %k = torch.aten.sub.float %j, %f : (!torch.float, !torch.float) -> !torch.float
  %r1 = torch.aten.mul.Scalar %x, %k : (!torch.vtensor<[?,4],f32>, !torch.float) -> !torch.vtensor
  %numel = torch.aten.numel %x : (!torch.vtensor<[?,4],f32>) -> !torch.int
  %dv = torch.aten.div.int %numel, %c2 : (!torch.int, !torch.int) -> !torch.float
  %r2 = torch.aten.add.Scalar %x, %dv, %c1 : (!torch.vtensor<[?,4],f32>, !torch.float, !torch.int) -> !torch.vtensor
  %sum = torch.aten.sum %x, %none : (!torch.vtensor<[?,4],f32>, !torch.none) -> !torch.vtensor
  %item = torch.aten.item %sum : (!torch.vtensor) -> !torch.float
  %it = torch.aten.Int.Tensor %sum : (!torch.vtensor) -> !torch.int
  %gt = torch.aten.gt.int %it, %c1 : (!torch.int, !torch.int) -> !torch.bool
  %bt = torch.aten.Int.bool %gt : (!torch.bool) -> !torch.int
  %m2 = torch.aten.mul.int %bt, %c2 : (!torch.int, !torch.int) -> !torch.int
  %sz = torch.prim.ListConstruct %m2 : (!torch.int) -> !torch.list<int>
  %r3 = torch.aten.ones %sz, %none, %none, %none, %none : (!torch.list<int>, !torch.none, !torch.none, !torch.none, !torch.none) -> !torch.vtensor
  %r4 = torch.aten.add.Scalar %x, %item, %c1 : (!torch.vtensor<[?,4],f32>, !torch.float, !torch.int) -> !torch.vtensor
  return %r0, %r1, %r2, %r3, %r4 : !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor
}
