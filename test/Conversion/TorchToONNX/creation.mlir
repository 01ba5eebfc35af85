// Tensor creation at opset 17: constant aranges become initializers, full/
// ones/zeros (and the _like/new_ forms) ConstantOfShape of a constant or of
// the input's Shape, with the requested dtype; linspace with number bounds
// (like its tensor-bound overloads) counts the first half from start and the
// rest back from end, as torch does.
// RUN: torch-onnx-opt %s --torch-refine-types --convert-torch-to-onnx=opset=17 | FileCheck %s

// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3xf32>
// CHECK-SAME: %[[A1:[^:]*]]: tensor<i64>
// CHECK: %[[C0:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[C1:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[C2:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<i64>
// CHECK: %[[C3:.*]] = onnx.Initializer {{.*}} = dense<3> : tensor<i64>
// CHECK: %[[C4:.*]] = onnx.Initializer {{.*}} = dense<5> : tensor<i64>
// CHECK: %[[C5:.*]] = onnx.Initializer {{.*}} = dense<4> : tensor<i64>
// CHECK: %[[C6:.*]] = onnx.Initializer {{.*}} = dense<2.500000e+00> : tensor<f32>
// CHECK: %[[C7:.*]] = onnx.Initializer {{.*}} = dense<[2, 3]> : tensor<2xi64>
// CHECK: %[[C8:.*]] = onnx.Initializer {{.*}} = dense<[1, 3]> : tensor<2xi64>
// CHECK: %[[C9:.*]] = onnx.Initializer {{.*}} = dense<[0, 1, 2, 3, 4]> : tensor<5xi64>
// CHECK: %[[C10:.*]] = onnx.Initializer {{.*}} = dense<[2, 3]> : tensor<2xi64>
// CHECK: %[[R1:.*]] = onnx.ConstantOfShape(%[[C10]]) {value_ = dense<2.500000e+00> : tensor<1xf32>} : (tensor<2xi64>) -> tensor<2x3xf32>
// CHECK: %[[R2:.*]] = onnx.Shape(%[[X]]) {start = 0 : i64}
// CHECK: %[[R3:.*]] = onnx.ConstantOfShape(%[[R2]]) {value_ = dense<2.500000e+00> : tensor<1xf32>} : (tensor<?xi64>) -> tensor<2x3xf32>
// CHECK: %[[C11:.*]] = onnx.Initializer {{.*}} = dense<[2, 3]> : tensor<2xi64>
// CHECK: %[[R4:.*]] = onnx.ConstantOfShape(%[[C11]]) {value_ = dense<1> : tensor<1xi64>} : (tensor<2xi64>) -> tensor<2x3xi64>
// CHECK: %[[R5:.*]] = onnx.Shape(%[[X]]) {start = 0 : i64}
// CHECK: %[[R6:.*]] = onnx.ConstantOfShape(%[[R5]]) {value_ = dense<0.000000e+00> : tensor<1xf32>} : (tensor<?xi64>) -> tensor<2x3xf32>
// CHECK: %[[C12:.*]] = onnx.Initializer {{.*}} = dense<[2, 3]> : tensor<2xi64>
// CHECK: %[[R7:.*]] = onnx.ConstantOfShape(%[[C12]]) {value_ = dense<0.000000e+00> : tensor<1xf32>} : (tensor<2xi64>) -> tensor<2x3xf32>
// CHECK: %[[C13:.*]] = onnx.Initializer {{.*}} = dense<[2, 3]> : tensor<2xi64>
// CHECK: %[[R8:.*]] = onnx.ConstantOfShape(%[[C13]]) {value_ = dense<2.500000e+00> : tensor<1xf32>} : (tensor<2xi64>) -> tensor<2x3xf32>
// CHECK: %[[C14:.*]] = onnx.Initializer {{.*}} = dense<0.000000e+00> : tensor<f32>
// CHECK: %[[C15:.*]] = onnx.Initializer {{.*}} = dense<2.500000e+00> : tensor<f32>
// CHECK: %[[R9:.*]] = onnx.Sub(%[[C15]], %[[C14]])
// CHECK: %[[C16:.*]] = onnx.Initializer {{.*}} = dense<4.000000e+00> : tensor<f32>
// CHECK: %[[R10:.*]] = onnx.Div(%[[R9]], %[[C16]])
// CHECK: %[[C17:.*]] = onnx.Initializer {{.*}} = dense<[0.000000e+00, 1.000000e+00, 2.000000e+00, 1.000000e+00, 0.000000e+00]> : tensor<5xf32>
// CHECK: %[[R11:.*]] = onnx.Mul(%[[C17]], %[[R10]])
// CHECK: %[[R12:.*]] = onnx.Add(%[[C14]], %[[R11]])
// CHECK: %[[C18:.*]] = onnx.Initializer {{.*}} = dense<[0.000000e+00, 1.000000e+00, 2.000000e+00, 1.000000e+00, 0.000000e+00]> : tensor<5xf32>
// CHECK: %[[R13:.*]] = onnx.Mul(%[[C18]], %[[R10]])
// CHECK: %[[R14:.*]] = onnx.Sub(%[[C15]], %[[R13]])
// CHECK: %[[C19:.*]] = onnx.Initializer {{.*}} = dense<[1.000000e+00, 1.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00]> : tensor<5xf32>
// CHECK: %[[R15:.*]] = onnx.Cast(%[[C19]]) {to = 9 : i64}
// CHECK: %[[R16:.*]] = onnx.Where(%[[R15]], %[[R12]], %[[R14]])
// CHECK: %[[R17:.*]] = onnx.Identity(%[[R16]]) : (tensor<*xf32>) -> tensor<5xf32>
// CHECK: %[[R18:.*]] = onnx.Identity(%[[C6]]) : tensor<f32>
// CHECK: %[[R19:.*]] = onnx.Shape(%[[X]]) {start = 0 : i64}
// CHECK: %[[R20:.*]] = onnx.Expand(%[[C6]], %[[R19]]) : (tensor<f32>, tensor<?xi64>) -> tensor<2x3xf32>
// CHECK: return %[[C8]], %[[C9]], %[[R1]], %[[R3]], %[[R4]], %[[R6]], %[[R7]], %[[R8]], %[[R17]], %[[R18]], %[[R20]]
func.func @forward(%x: !torch.vtensor<[2,3],f32>, %n: !torch.vtensor<[],si64>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %none = torch.constant.none
  %zero = torch.constant.int 0
  %one = torch.constant.int 1
  %two = torch.constant.int 2
  %three = torch.constant.int 3
  %five = torch.constant.int 5
  %i64 = torch.constant.int 4
  %f = torch.constant.float 2.500000e+00
  %size = torch.prim.ListConstruct %two, %three : (!torch.int, !torch.int) -> !torch.list<int>
  %r0 = torch.aten.arange.start_step %one, %five, %two, %none, %none, %none, %none : (!torch.int, !torch.int, !torch.int, !torch.none, !torch.none, !torch.none, !torch.none) -> !torch.vtensor
  %r1 = torch.aten.arange %five, %none, %none, %none, %none : (!torch.int, !torch.none, !torch.none, !torch.none, !torch.none) -> !torch.vtensor
  %r2 = torch.aten.full %size, %f, %none, %none, %none, %none : (!torch.list<int>, !torch.float, !torch.none, !torch.none, !torch.none, !torch.none) -> !torch.vtensor
  %r3 = torch.aten.full_like %x, %f, %none, %none, %none, %none, %none : (!torch.vtensor<[2,3],f32>, !torch.float, !torch.none, !torch.none, !torch.none, !torch.none, !torch.none) -> !torch.vtensor
  %r4 = torch.aten.ones %size, %i64, %none, %none, %none : (!torch.list<int>, !torch.int, !torch.none, !torch.none, !torch.none) -> !torch.vtensor
  %r5 = torch.aten.zeros_like %x, %none, %none, %none, %none, %none : (!torch.vtensor<[2,3],f32>, !torch.none, !torch.none, !torch.none, !torch.none, !torch.none) -> !torch.vtensor
  %r6 = torch.aten.new_zeros %x, %size, %none, %none, %none, %none : (!torch.vtensor<[2,3],f32>, !torch.list<int>, !torch.none, !torch.none, !torch.none, !torch.none) -> !torch.vtensor
  %r7 = torch.aten.new_full %x, %size, %f, %none, %none, %none, %none : (!torch.vtensor<[2,3],f32>, !torch.list<int>, !torch.float, !torch.none, !torch.none, !torch.none, !torch.none) -> !torch.vtensor
  %r8 = torch.aten.linspace %zero, %f, %five, %none, %none, %none, %none : (!torch.int, !torch.float, !torch.int, !torch.none, !torch.none, !torch.none, !torch.none) -> !torch.vtensor
  %r9 = torch.aten.scalar_tensor %f, %none, %none, %none, %none : (!torch.float, !torch.none, !torch.none, !torch.none, !torch.none) -> !torch.vtensor
  %r10 = torch.aten.fill.Scalar %x, %f : (!torch.vtensor<[2,3],f32>, !torch.float) -> !torch.vtensor
  return %r0, %r1, %r2, %r3, %r4, %r5, %r6, %r7, %r8, %r9, %r10 : !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor
}
