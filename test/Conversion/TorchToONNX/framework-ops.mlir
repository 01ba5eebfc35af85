// Framework-level overloads at opset 17: device and dtype moves (cpu,
// to.*, copy, _conj) as Identity/Cast, empty/new_empty as zero-filled
// ConstantOfShape, arange with a start, random ops (bernoulli, normal,
// uniform) as the ONNX random ops, pools returning indices, linspace with
// 0-d tensor bounds; each with its refined result type.
// RUN: torch-onnx-opt %s --split-input-file --torch-refine-types --convert-torch-to-onnx=opset=17 | FileCheck %s

// aten._conj, aten.arange.start, aten.bernoulli.p, aten.copy, aten.cpu, aten.empty.memory_format, aten.max_pool1d_with_indices, aten.new_empty, aten.normal.Tensor_Tensor, aten.to.other, aten.to.prim_Device, aten.to.prim_dtype, aten.uniform
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3xf32>
// CHECK: %[[C0:.*]] = onnx.Initializer {{.*}} = dense<false> : tensor<i1>
// CHECK: %[[C1:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[C2:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[C3:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[C4:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[C5:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<2xi64>
// CHECK: %[[C6:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<3xi64>
// CHECK: %[[C7:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<4xi64>
// CHECK: %[[R1:.*]] = onnx.Identity(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[C8:.*]] = onnx.Initializer {{.*}} = dense<> : tensor<0xf32>
// CHECK: %[[R2:.*]] = onnx.RandomUniformLike(%[[X]]) {dtype = 1 : i64, high = 1.000000e+00 : f32, low = 0.000000e+00 : f32}
// CHECK: %[[R3:.*]] = onnx.Less(%[[R2]], %[[C3]])
// CHECK: %[[R4:.*]] = onnx.Cast(%[[R3]]) {to = 1 : i64} : (tensor<*xi1>) -> tensor<2x3xf32>
// CHECK: %[[R5:.*]] = onnx.Shape(%[[X]]) {start = 0 : i64}
// CHECK: %[[R6:.*]] = onnx.Expand(%[[X]], %[[R5]]) : (tensor<2x3xf32>, tensor<?xi64>) -> tensor<2x3xf32>
// CHECK: %[[R7:.*]] = onnx.Identity(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[C9:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R8:.*]] = onnx.ConstantOfShape(%[[C9]]) {value_ = dense<0.000000e+00> : tensor<1xf32>} : (tensor<1xi64>) -> tensor<1xf32>
// CHECK: %[[C10:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R9:.*]] = onnx.Unsqueeze(%[[X]], %[[C10]])
// CHECK: %[[R10:.*]]:2 = onnx.MaxPool(%[[R9]]) {auto_pad = "NOTSET", ceil_mode = 0 : i64, dilations = [1], kernel_shape = [1], pads = [1, 1], storage_order = 0 : i64, strides = [1]}
// CHECK: %[[C11:.*]] = onnx.Initializer {{.*}} = dense<3> : tensor<1xi64>
// CHECK: %[[R11:.*]] = onnx.Mod(%[[R10]]#1, %[[C11]]) {fmod = 0 : i64}
// CHECK: %[[C12:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R12:.*]] = onnx.Squeeze(%[[R10]]#0, %[[C12]]) : (tensor<*xf32>, tensor<1xi64>) -> tensor<2x5xf32>
// CHECK: %[[C13:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[C14:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R14:.*]] = onnx.ConstantOfShape(%[[C14]]) {value_ = dense<0.000000e+00> : tensor<1xf32>} : (tensor<1xi64>) -> tensor<1xf32>
// CHECK: %[[R15:.*]] = onnx.Add(%[[X]], %[[X]])
// CHECK: %[[R16:.*]] = onnx.RandomNormalLike(%[[R15]]) {dtype = 1 : i64, mean = 0.000000e+00 : f32, scale = 1.000000e+00 : f32}
// CHECK: %[[R17:.*]] = onnx.Mul(%[[X]], %[[R16]])
// CHECK: %[[R18:.*]] = onnx.Add(%[[X]], %[[R17]]) : (tensor<2x3xf32>, tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[R19:.*]] = onnx.Identity(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R20:.*]] = onnx.Identity(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R21:.*]] = onnx.Identity(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R22:.*]] = onnx.RandomUniformLike(%[[X]]) {dtype = 1 : i64, high = 5.000000e-01 : f32, low = 5.000000e-01 : f32} : tensor<2x3xf32>
// CHECK: return %[[R1]], %[[C8]], %[[R4]], %[[R6]], %[[R7]], %[[R8]], %[[R12]], %[[R14]], %[[R18]], %[[R19]], %[[R20]], %[[R21]], %[[R22]]
func.func @forward(%x: !torch.vtensor<[2,3],f32>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %none = torch.constant.none
  %false = torch.constant.bool false
  %c1 = torch.constant.int 1
  %c0 = torch.constant.int 0
  %f = torch.constant.float 5.000000e-01
  %l1 = torch.prim.ListConstruct %c1 : (!torch.int) -> !torch.list<int>
  %l11 = torch.prim.ListConstruct %c1, %c1 : (!torch.int, !torch.int) -> !torch.list<int>
  %l111 = torch.prim.ListConstruct %c1, %c1, %c1 : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
  %l1111 = torch.prim.ListConstruct %c1, %c1, %c1, %c1 : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
  %r0 = torch.operator "aten::_conj"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r1 = torch.aten.arange.start %f, %f, %none, %none, %none, %none : (!torch.float, !torch.float, !torch.none, !torch.none, !torch.none, !torch.none) -> !torch.vtensor
  %r2 = torch.aten.bernoulli.p %x, %f, %none : (!torch.vtensor<[2,3],f32>, !torch.float, !torch.none) -> !torch.vtensor
  %r3 = torch.aten.copy %x, %x, %false : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>, !torch.bool) -> !torch.vtensor
  %r4 = torch.operator "aten::cpu"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r5 = torch.aten.empty.memory_format %l1, %none, %none, %none, %none, %none : (!torch.list<int>, !torch.none, !torch.none, !torch.none, !torch.none, !torch.none) -> !torch.vtensor
  %r6:2 = torch.operator "aten::max_pool1d_with_indices"(%x, %l1, %l1, %l1, %l1, %false) : (!torch.vtensor<[2,3],f32>, !torch.list<int>, !torch.list<int>, !torch.list<int>, !torch.list<int>, !torch.bool) -> (!torch.vtensor, !torch.vtensor)
  %r8 = torch.aten.new_empty %x, %l1, %none, %none, %none, %none : (!torch.vtensor<[2,3],f32>, !torch.list<int>, !torch.none, !torch.none, !torch.none, !torch.none) -> !torch.vtensor
  %r9 = torch.operator "aten::normal.Tensor_Tensor"(%x, %x, %none) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>, !torch.none) -> !torch.vtensor
  %r10 = torch.aten.to.other %x, %x, %false, %false, %none : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>, !torch.bool, !torch.bool, !torch.none) -> !torch.vtensor
  %r11 = torch.aten.to.prim_Device %x, %none, %none, %false, %false : (!torch.vtensor<[2,3],f32>, !torch.none, !torch.none, !torch.bool, !torch.bool) -> !torch.vtensor
  %r12 = torch.aten.to.prim_dtype %x, %none, %false, %false : (!torch.vtensor<[2,3],f32>, !torch.none, !torch.bool, !torch.bool) -> !torch.vtensor
  %r13 = torch.operator "aten::uniform"(%x, %f, %f, %none) : (!torch.vtensor<[2,3],f32>, !torch.float, !torch.float, !torch.none) -> !torch.vtensor
  return %r0, %r1, %r2, %r3, %r4, %r5, %r6#0, %r8, %r9, %r10, %r11, %r12, %r13 : !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor
}

// -----

// aten.max_pool3d_with_indices
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<1x2x4x4x4xf32>
// CHECK: %[[C0:.*]] = onnx.Initializer {{.*}} = dense<false> : tensor<i1>
// CHECK: %[[C1:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[C2:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[C3:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[C4:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[C5:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<2xi64>
// CHECK: %[[C6:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<3xi64>
// CHECK: %[[C7:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<4xi64>
// CHECK: %[[R1:.*]]:2 = onnx.MaxPool(%[[X]]) {auto_pad = "NOTSET", ceil_mode = 0 : i64, dilations = [1, 1, 1], kernel_shape = [1, 1, 1], pads = [1, 1, 1, 1, 1, 1], storage_order = 0 : i64, strides = [1, 1, 1]} : (tensor<1x2x4x4x4xf32>) -> (tensor<1x2x6x6x6xf32>, tensor<*xi64>)
// CHECK: %[[C8:.*]] = onnx.Initializer {{.*}} = dense<64> : tensor<1xi64>
// CHECK: return %[[R1]]#0
func.func @forward(%x: !torch.vtensor<[1,2,4,4,4],f32>) -> (!torch.vtensor) {
  %none = torch.constant.none
  %false = torch.constant.bool false
  %c1 = torch.constant.int 1
  %c0 = torch.constant.int 0
  %f = torch.constant.float 5.000000e-01
  %l1 = torch.prim.ListConstruct %c1 : (!torch.int) -> !torch.list<int>
  %l11 = torch.prim.ListConstruct %c1, %c1 : (!torch.int, !torch.int) -> !torch.list<int>
  %l111 = torch.prim.ListConstruct %c1, %c1, %c1 : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
  %l1111 = torch.prim.ListConstruct %c1, %c1, %c1, %c1 : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
  %r7:2 = torch.operator "aten::max_pool3d_with_indices"(%x, %l111, %l111, %l111, %l111, %false) : (!torch.vtensor<[1,2,4,4,4],f32>, !torch.list<int>, !torch.list<int>, !torch.list<int>, !torch.list<int>, !torch.bool) -> (!torch.vtensor, !torch.vtensor)
  return %r7#0 : !torch.vtensor
}

// -----

// aten.linspace.Tensor_Tensor, aten.linspace.Tensor_Scalar, aten.linspace.Scalar_Tensor (0-d bounds)
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<f32>
// CHECK-SAME: %[[A1:[^:]*]]: tensor<f32>
// CHECK: %[[C0:.*]] = onnx.Initializer {{.*}} = dense<4> : tensor<i64>
// CHECK: %[[C1:.*]] = onnx.Initializer {{.*}} = dense<2.000000e+00> : tensor<f32>
// CHECK: %[[R1:.*]] = onnx.Sub(%[[A1]], %[[X]])
// CHECK: %[[C2:.*]] = onnx.Initializer {{.*}} = dense<3.000000e+00> : tensor<f32>
// CHECK: %[[R2:.*]] = onnx.Div(%[[R1]], %[[C2]])
// CHECK: %[[C3:.*]] = onnx.Initializer {{.*}} = dense<[0.000000e+00, 1.000000e+00, 1.000000e+00, 0.000000e+00]> : tensor<4xf32>
// CHECK: %[[R3:.*]] = onnx.Mul(%[[C3]], %[[R2]])
// CHECK: %[[R4:.*]] = onnx.Add(%[[X]], %[[R3]])
// CHECK: %[[C4:.*]] = onnx.Initializer {{.*}} = dense<[0.000000e+00, 1.000000e+00, 1.000000e+00, 0.000000e+00]> : tensor<4xf32>
// CHECK: %[[R5:.*]] = onnx.Mul(%[[C4]], %[[R2]])
// CHECK: %[[R6:.*]] = onnx.Sub(%[[A1]], %[[R5]])
// CHECK: %[[C5:.*]] = onnx.Initializer {{.*}} = dense<[1.000000e+00, 1.000000e+00, 0.000000e+00, 0.000000e+00]> : tensor<4xf32>
// CHECK: %[[R7:.*]] = onnx.Cast(%[[C5]]) {to = 9 : i64}
// CHECK: %[[R8:.*]] = onnx.Where(%[[R7]], %[[R4]], %[[R6]])
// CHECK: %[[R9:.*]] = onnx.Identity(%[[R8]]) : (tensor<*xf32>) -> tensor<4xf32>
// CHECK: %[[C6:.*]] = onnx.Initializer {{.*}} = dense<2.000000e+00> : tensor<f32>
// CHECK: %[[R10:.*]] = onnx.Sub(%[[C6]], %[[X]])
// CHECK: %[[C7:.*]] = onnx.Initializer {{.*}} = dense<3.000000e+00> : tensor<f32>
// CHECK: %[[R11:.*]] = onnx.Div(%[[R10]], %[[C7]])
// CHECK: %[[C8:.*]] = onnx.Initializer {{.*}} = dense<[0.000000e+00, 1.000000e+00, 1.000000e+00, 0.000000e+00]> : tensor<4xf32>
// CHECK: %[[R12:.*]] = onnx.Mul(%[[C8]], %[[R11]])
// CHECK: %[[R13:.*]] = onnx.Add(%[[X]], %[[R12]])
// CHECK: %[[C9:.*]] = onnx.Initializer {{.*}} = dense<[0.000000e+00, 1.000000e+00, 1.000000e+00, 0.000000e+00]> : tensor<4xf32>
// CHECK: %[[R14:.*]] = onnx.Mul(%[[C9]], %[[R11]])
// CHECK: %[[R15:.*]] = onnx.Sub(%[[C6]], %[[R14]])
// CHECK: %[[C10:.*]] = onnx.Initializer {{.*}} = dense<[1.000000e+00, 1.000000e+00, 0.000000e+00, 0.000000e+00]> : tensor<4xf32>
// CHECK: %[[R16:.*]] = onnx.Cast(%[[C10]]) {to = 9 : i64}
// CHECK: %[[R17:.*]] = onnx.Where(%[[R16]], %[[R13]], %[[R15]])
// CHECK: %[[R18:.*]] = onnx.Identity(%[[R17]]) : (tensor<*xf32>) -> tensor<4xf32>
// CHECK: %[[C11:.*]] = onnx.Initializer {{.*}} = dense<2.000000e+00> : tensor<f32>
// CHECK: %[[R19:.*]] = onnx.Sub(%[[A1]], %[[C11]])
// CHECK: %[[C12:.*]] = onnx.Initializer {{.*}} = dense<3.000000e+00> : tensor<f32>
// CHECK: %[[R20:.*]] = onnx.Div(%[[R19]], %[[C12]])
// CHECK: %[[C13:.*]] = onnx.Initializer {{.*}} = dense<[0.000000e+00, 1.000000e+00, 1.000000e+00, 0.000000e+00]> : tensor<4xf32>
// CHECK: %[[R21:.*]] = onnx.Mul(%[[C13]], %[[R20]])
// CHECK: %[[R22:.*]] = onnx.Add(%[[C11]], %[[R21]])
// CHECK: %[[C14:.*]] = onnx.Initializer {{.*}} = dense<[0.000000e+00, 1.000000e+00, 1.000000e+00, 0.000000e+00]> : tensor<4xf32>
// CHECK: %[[R23:.*]] = onnx.Mul(%[[C14]], %[[R20]])
// CHECK: %[[R24:.*]] = onnx.Sub(%[[A1]], %[[R23]])
// CHECK: %[[C15:.*]] = onnx.Initializer {{.*}} = dense<[1.000000e+00, 1.000000e+00, 0.000000e+00, 0.000000e+00]> : tensor<4xf32>
// CHECK: %[[R25:.*]] = onnx.Cast(%[[C15]]) {to = 9 : i64}
// CHECK: %[[R26:.*]] = onnx.Where(%[[R25]], %[[R22]], %[[R24]])
// CHECK: %[[R27:.*]] = onnx.Identity(%[[R26]]) : (tensor<*xf32>) -> tensor<4xf32>
// CHECK: return %[[R9]], %[[R18]], %[[R27]]
func.func @forward(%a: !torch.vtensor<[],f32>, %b: !torch.vtensor<[],f32>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %n = torch.constant.int 4
  %f = torch.constant.float 2.000000e+00
  %none = torch.constant.none
  %0 = torch.aten.linspace.Tensor_Tensor %a, %b, %n, %none, %none, %none, %none : (!torch.vtensor<[],f32>, !torch.vtensor<[],f32>, !torch.int, !torch.none, !torch.none, !torch.none, !torch.none) -> !torch.vtensor
  %1 = torch.aten.linspace.Tensor_Scalar %a, %f, %n, %none, %none, %none, %none : (!torch.vtensor<[],f32>, !torch.float, !torch.int, !torch.none, !torch.none, !torch.none, !torch.none) -> !torch.vtensor
  %2 = torch.aten.linspace.Scalar_Tensor %f, %b, %n, %none, %none, %none, %none : (!torch.float, !torch.vtensor<[],f32>, !torch.int, !torch.none, !torch.none, !torch.none, !torch.none) -> !torch.vtensor
  return %0, %1, %2 : !torch.vtensor, !torch.vtensor, !torch.vtensor
}
