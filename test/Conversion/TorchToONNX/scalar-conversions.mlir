// TorchScript's scalar conversions and list helpers at opset 17: size/len/
// __getitem__/__contains__ on a dynamic shape, int/bool/float comparisons
// and logic, Float()/Int()/Bool() casts (int() truncates), the *Implicit
// conversions, a Scalar read with ScalarImplicit (refined to float by
// torch-refine-types) and NumToTensor (a float becomes f64, as in torch).
// RUN: torch-onnx-opt %s --torch-refine-types --convert-torch-to-onnx=opset=17 | FileCheck %s

// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<?x4xf32>
// CHECK-SAME: %[[A1:[^:]*]]: tensor<i64>
// CHECK: %[[C0:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[C1:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[R1:.*]] = onnx.Shape(%[[X]]) {start = 0 : i64}
// CHECK: %[[C2:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[R2:.*]] = onnx.Gather(%[[R1]], %[[C2]]) {axis = 0 : i64}
// CHECK: %[[R3:.*]] = onnx.Shape(%[[X]]) {start = 0 : i64}
// CHECK: %[[R4:.*]] = onnx.Gather(%[[R3]], %[[C1]]) {axis = 0 : i64}
// CHECK: %[[R5:.*]] = onnx.Size(%[[R3]])
// CHECK: %[[R6:.*]] = onnx.Shape(%[[X]]) {start = 0 : i64}
// CHECK: %[[C3:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[R7:.*]] = onnx.Gather(%[[R6]], %[[C3]]) {axis = 0 : i64}
// CHECK: %[[R8:.*]] = onnx.Equal(%[[R3]], %[[R2]])
// CHECK: %[[R9:.*]] = onnx.Cast(%[[R8]]) {to = 6 : i64}
// CHECK: %[[R10:.*]] = onnx.ReduceMax(%[[R9]]) {keepdims = 0 : i64}
// CHECK: %[[R11:.*]] = onnx.Cast(%[[R10]]) {to = 9 : i64}
// CHECK: %[[C4:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[R12:.*]] = onnx.Greater(%[[R2]], %[[C4]])
// CHECK: %[[R13:.*]] = onnx.GreaterOrEqual(%[[R2]], %[[R4]])
// CHECK: %[[R14:.*]] = onnx.Less(%[[R2]], %[[R4]])
// CHECK: %[[R15:.*]] = onnx.LessOrEqual(%[[R5]], %[[R7]])
// CHECK: %[[R16:.*]] = onnx.And(%[[R12]], %[[R13]])
// CHECK: %[[R17:.*]] = onnx.Or(%[[R14]], %[[R15]])
// CHECK: %[[R18:.*]] = onnx.Not(%[[R16]])
// CHECK: %[[R19:.*]] = onnx.Equal(%[[R17]], %[[R18]])
// CHECK: %[[R20:.*]] = onnx.Equal(%[[R19]], %[[R11]])
// CHECK: %[[R21:.*]] = onnx.Not(%[[R20]])
// CHECK: %[[R22:.*]] = onnx.ReduceSum(%[[X]]) {keepdims = 0 : i64, noop_with_empty_axes = 0 : i64}
// CHECK: %[[R23:.*]] = onnx.Identity(%[[R22]])
// CHECK: %[[R24:.*]] = onnx.Identity(%[[R22]])
// CHECK: %[[R25:.*]] = onnx.Cast(%[[R2]]) {to = 1 : i64}
// CHECK: %[[R26:.*]] = onnx.Cast(%[[R21]]) {to = 1 : i64}
// CHECK: %[[R27:.*]] = onnx.Equal(%[[R23]], %[[R24]])
// CHECK: %[[R28:.*]] = onnx.Equal(%[[R23]], %[[R25]])
// CHECK: %[[R29:.*]] = onnx.Not(%[[R28]])
// CHECK: %[[R30:.*]] = onnx.Less(%[[R23]], %[[R25]])
// CHECK: %[[R31:.*]] = onnx.LessOrEqual(%[[R24]], %[[R26]])
// CHECK: %[[R32:.*]] = onnx.Greater(%[[R25]], %[[R26]])
// CHECK: %[[R33:.*]] = onnx.GreaterOrEqual(%[[R23]], %[[R26]])
// CHECK: %[[R34:.*]] = onnx.Cast(%[[R23]]) {to = 9 : i64}
// CHECK: %[[R35:.*]] = onnx.Cast(%[[R2]]) {to = 9 : i64}
// CHECK: %[[R36:.*]] = onnx.Cast(%[[R23]]) {to = 7 : i64}
// CHECK: %[[R37:.*]] = onnx.Shape(%[[X]]) {start = 0 : i64} : (tensor<?x4xf32>) -> tensor<2xi64>
// CHECK: %[[R38:.*]] = onnx.Identity(%[[A1]])
// CHECK: %[[R39:.*]] = onnx.Identity(%[[R22]])
// CHECK: %[[R40:.*]] = onnx.Identity(%[[R39]])
// CHECK: %[[R41:.*]] = onnx.Cast(%[[R39]]) {to = 7 : i64}
// CHECK: %[[R42:.*]] = onnx.Identity(%[[R21]]) : tensor<i1>
// CHECK: %[[R43:.*]] = onnx.Identity(%[[R27]]) : tensor<i1>
// CHECK: %[[R44:.*]] = onnx.Identity(%[[R29]]) : tensor<i1>
// CHECK: %[[R45:.*]] = onnx.Identity(%[[R30]]) : tensor<i1>
// CHECK: %[[R46:.*]] = onnx.Identity(%[[R31]]) : tensor<i1>
// CHECK: %[[R47:.*]] = onnx.Identity(%[[R32]]) : tensor<i1>
// CHECK: %[[R48:.*]] = onnx.Identity(%[[R33]]) : tensor<i1>
// CHECK: %[[R49:.*]] = onnx.Identity(%[[R34]]) : tensor<i1>
// CHECK: %[[R50:.*]] = onnx.Identity(%[[R35]]) : tensor<i1>
// CHECK: %[[R51:.*]] = onnx.Identity(%[[R36]]) : tensor<i64>
// CHECK: %[[R52:.*]] = onnx.Identity(%[[R38]]) : tensor<i64>
// CHECK: %[[R53:.*]] = onnx.Cast(%[[R40]]) {to = 11 : i64} : (tensor<f32>) -> tensor<f64>
// CHECK: %[[R54:.*]] = onnx.Identity(%[[R41]]) : tensor<i64>
// CHECK: return %[[R42]], %[[R43]], %[[R44]], %[[R45]], %[[R46]], %[[R47]], %[[R48]], %[[R49]], %[[R50]], %[[R51]], %[[R52]], %[[R53]], %[[R54]], %[[R37]]
func.func @forward(%x: !torch.vtensor<[?,4],f32>, %n0d: !torch.vtensor<[],si64>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %c0 = torch.constant.int 0
  %c1 = torch.constant.int 1
  %none = torch.constant.none
  %n = torch.aten.size.int %x, %c0 : (!torch.vtensor<[?,4],f32>, !torch.int) -> !torch.int
  %sz = torch.aten.size %x : (!torch.vtensor<[?,4],f32>) -> !torch.list<int>
  %g = torch.aten.__getitem__.t %sz, %c1 : (!torch.list<int>, !torch.int) -> !torch.int
  %ln = torch.aten.len.t %sz : (!torch.list<int>) -> !torch.int
  %lt = torch.aten.len.Tensor %x : (!torch.vtensor<[?,4],f32>) -> !torch.int
  %ct = torch.aten.__contains__.int_list %sz, %n : (!torch.list<int>, !torch.int) -> !torch.bool
  %b1 = torch.aten.gt.int %n, %c1 : (!torch.int, !torch.int) -> !torch.bool
  %b2 = torch.aten.ge.int %n, %g : (!torch.int, !torch.int) -> !torch.bool
  %b3 = torch.aten.lt.int %n, %g : (!torch.int, !torch.int) -> !torch.bool
  %b4 = torch.aten.le.int %ln, %lt : (!torch.int, !torch.int) -> !torch.bool
  %b5 = torch.aten.__and__.bool %b1, %b2 : (!torch.bool, !torch.bool) -> !torch.bool
  %b6 = torch.aten.__or__.bool %b3, %b4 : (!torch.bool, !torch.bool) -> !torch.bool
  %b7 = torch.aten.__not__ %b5 : (!torch.bool) -> !torch.bool
  %b8 = torch.aten.eq.bool %b6, %b7 : (!torch.bool, !torch.bool) -> !torch.bool
  %b9 = torch.aten.ne.bool %b8, %ct : (!torch.bool, !torch.bool) -> !torch.bool
  %s = torch.aten.sum %x, %none : (!torch.vtensor<[?,4],f32>, !torch.none) -> !torch.vtensor<[],f32>
  %fl = torch.aten.Float.Tensor %s : (!torch.vtensor<[],f32>) -> !torch.float
  %fi = torch.operator "aten::FloatImplicit"(%s) : (!torch.vtensor<[],f32>) -> !torch.float
  %fn = torch.aten.Float.int %n : (!torch.int) -> !torch.float
  %fb = torch.aten.Float.bool %b9 : (!torch.bool) -> !torch.float
  %e1 = torch.aten.eq.float %fl, %fi : (!torch.float, !torch.float) -> !torch.bool
  %e2 = torch.aten.ne.float %fl, %fn : (!torch.float, !torch.float) -> !torch.bool
  %e3 = torch.aten.lt.float %fl, %fn : (!torch.float, !torch.float) -> !torch.bool
  %e4 = torch.aten.le.float %fi, %fb : (!torch.float, !torch.float) -> !torch.bool
  %e5 = torch.aten.gt.float %fn, %fb : (!torch.float, !torch.float) -> !torch.bool
  %e6 = torch.aten.ge.float %fl, %fb : (!torch.float, !torch.float) -> !torch.bool
  %bf = torch.aten.Bool.float %fl : (!torch.float) -> !torch.bool
  %bi = torch.aten.Bool.int %n : (!torch.int) -> !torch.bool
  %i1 = torch.aten.Int.float %fl : (!torch.float) -> !torch.int
  %si = torch.aten._shape_as_tensor %x : (!torch.vtensor<[?,4],f32>) -> !torch.vtensor
  %ii = torch.operator "aten::IntImplicit"(%n0d) : (!torch.vtensor<[],si64>) -> !torch.int
  %sc = torch.aten.ScalarImplicit %s : (!torch.vtensor<[],f32>) -> !torch.number
  %fs = torch.aten.Float.Scalar %sc : (!torch.number) -> !torch.float
  %is = torch.aten.Int.Scalar %sc : (!torch.number) -> !torch.int
  %t0 = torch.prim.NumToTensor.Scalar %b9 : !torch.bool -> !torch.vtensor
  %t1 = torch.prim.NumToTensor.Scalar %e1 : !torch.bool -> !torch.vtensor
  %t2 = torch.prim.NumToTensor.Scalar %e2 : !torch.bool -> !torch.vtensor
  %t3 = torch.prim.NumToTensor.Scalar %e3 : !torch.bool -> !torch.vtensor
  %t4 = torch.prim.NumToTensor.Scalar %e4 : !torch.bool -> !torch.vtensor
  %t5 = torch.prim.NumToTensor.Scalar %e5 : !torch.bool -> !torch.vtensor
  %t6 = torch.prim.NumToTensor.Scalar %e6 : !torch.bool -> !torch.vtensor
  %t7 = torch.prim.NumToTensor.Scalar %bf : !torch.bool -> !torch.vtensor
  %t8 = torch.prim.NumToTensor.Scalar %bi : !torch.bool -> !torch.vtensor
  %t9 = torch.prim.NumToTensor.Scalar %i1 : !torch.int -> !torch.vtensor
  %t10 = torch.prim.NumToTensor.Scalar %ii : !torch.int -> !torch.vtensor
  %t11 = torch.prim.NumToTensor.Scalar %fs : !torch.float -> !torch.vtensor
  %t12 = torch.prim.NumToTensor.Scalar %is : !torch.int -> !torch.vtensor
  return %t0, %t1, %t2, %t3, %t4, %t5, %t6, %t7, %t8, %t9, %t10, %t11, %t12, %si : !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor
}
