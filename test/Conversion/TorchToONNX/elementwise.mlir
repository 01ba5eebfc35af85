// The elementwise family at opset 17, one function per group: each aten op's
// ONNX form (one op, or its decomposition with the constants it needs) and
// the refined result type. Generic torch.operator ops (erfc, exp2, frac, ...)
// are lowered under the same key as the generated ones.
// RUN: torch-onnx-opt %s --split-input-file --torch-refine-types --convert-torch-to-onnx=opset=17 | FileCheck %s

// Unary math and activations.
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3xf32>
// CHECK-SAME: %[[A1:[^:]*]]: tensor<2x3xi1>
// CHECK: %[[R0:.*]] = onnx.Abs(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R1:.*]] = onnx.Acos(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R2:.*]] = onnx.Acosh(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R3:.*]] = onnx.Asin(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R4:.*]] = onnx.Asinh(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R5:.*]] = onnx.Atan(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R6:.*]] = onnx.Atanh(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R7:.*]] = onnx.Ceil(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R8:.*]] = onnx.Cos(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R9:.*]] = onnx.Cosh(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R10:.*]] = onnx.Erf(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[C0:.*]] = onnx.Initializer {{.*}} = dense<1.000000e+00> : tensor<f32>
// CHECK: %[[R11:.*]] = onnx.Erf(%[[X]])
// CHECK: %[[R12:.*]] = onnx.Sub(%[[C0]], %[[R11]]) : (tensor<f32>, tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[R13:.*]] = onnx.Exp(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[C1:.*]] = onnx.Initializer {{.*}} = dense<2.000000e+00> : tensor<f32>
// CHECK: %[[R14:.*]] = onnx.Pow(%[[C1]], %[[X]]) : (tensor<f32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK: %[[R15:.*]] = onnx.Exp(%[[X]])
// CHECK: %[[C2:.*]] = onnx.Initializer {{.*}} = dense<1.000000e+00> : tensor<f32>
// CHECK: %[[R16:.*]] = onnx.Sub(%[[R15]], %[[C2]]) : (tensor<*xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK: %[[R17:.*]] = onnx.Floor(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[C3:.*]] = onnx.Initializer {{.*}} = dense<0.000000e+00> : tensor<f32>
// CHECK: %[[R18:.*]] = onnx.Less(%[[X]], %[[C3]])
// CHECK: %[[R19:.*]] = onnx.Ceil(%[[X]])
// CHECK: %[[R20:.*]] = onnx.Floor(%[[X]])
// CHECK: %[[R21:.*]] = onnx.Where(%[[R18]], %[[R19]], %[[R20]])
// CHECK: %[[R22:.*]] = onnx.Sub(%[[X]], %[[R21]]) : (tensor<2x3xf32>, tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[R23:.*]] = onnx.Log(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R24:.*]] = onnx.Log(%[[X]])
// CHECK: %[[C4:.*]] = onnx.Initializer {{.*}} = dense<2.30258512> : tensor<f32>
// CHECK: %[[R25:.*]] = onnx.Div(%[[R24]], %[[C4]]) : (tensor<*xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK: %[[C5:.*]] = onnx.Initializer {{.*}} = dense<1.000000e+00> : tensor<f32>
// CHECK: %[[R26:.*]] = onnx.Add(%[[X]], %[[C5]])
// CHECK: %[[R27:.*]] = onnx.Log(%[[R26]]) : (tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[R28:.*]] = onnx.Log(%[[X]])
// CHECK: %[[C6:.*]] = onnx.Initializer {{.*}} = dense<0.693147182> : tensor<f32>
// CHECK: %[[R29:.*]] = onnx.Div(%[[R28]], %[[C6]]) : (tensor<*xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK: %[[R30:.*]] = onnx.Neg(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R31:.*]] = onnx.Reciprocal(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R32:.*]] = onnx.Round(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R33:.*]] = onnx.Sqrt(%[[X]])
// CHECK: %[[R34:.*]] = onnx.Reciprocal(%[[R33]]) : (tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[R35:.*]] = onnx.Sign(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R36:.*]] = onnx.Sign(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R37:.*]] = onnx.Sin(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R38:.*]] = onnx.Sinh(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R39:.*]] = onnx.Sqrt(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R40:.*]] = onnx.Mul(%[[X]], %[[X]]) : tensor<2x3xf32>
// CHECK: %[[R41:.*]] = onnx.Tan(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R42:.*]] = onnx.Tanh(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[C7:.*]] = onnx.Initializer {{.*}} = dense<0.000000e+00> : tensor<f32>
// CHECK: %[[C8:.*]] = onnx.Initializer {{.*}} = dense<6.000000e+00> : tensor<f32>
// CHECK: %[[R43:.*]] = onnx.Clip(%[[X]], %[[C7]], %[[C8]]) : (tensor<2x3xf32>, tensor<f32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK: %[[R44:.*]] = onnx.HardSigmoid(%[[X]]) {alpha = 0.166666672 : f32, beta = 5.000000e-01 : f32} : tensor<2x3xf32>
// CHECK: %[[R45:.*]] = onnx.HardSwish(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R46:.*]] = onnx.Softplus(%[[X]])
// CHECK: %[[R47:.*]] = onnx.Tanh(%[[R46]])
// CHECK: %[[R48:.*]] = onnx.Mul(%[[X]], %[[R47]]) : (tensor<2x3xf32>, tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[R49:.*]] = onnx.Sigmoid(%[[X]])
// CHECK: %[[R50:.*]] = onnx.Mul(%[[X]], %[[R49]]) : (tensor<2x3xf32>, tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[R51:.*]] = onnx.Selu(%[[X]]) {alpha = 1.67326319 : f32, gamma = 1.05070102 : f32} : tensor<2x3xf32>
// CHECK: %[[R52:.*]] = onnx.Tanh(%[[X]])
// CHECK: %[[R53:.*]] = onnx.Sub(%[[X]], %[[R52]]) : (tensor<2x3xf32>, tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[C9:.*]] = onnx.Initializer {{.*}} = dense<0.0174532924> : tensor<f32>
// CHECK: %[[R54:.*]] = onnx.Mul(%[[X]], %[[C9]]) : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK: %[[C10:.*]] = onnx.Initializer {{.*}} = dense<57.2957802> : tensor<f32>
// CHECK: %[[R55:.*]] = onnx.Mul(%[[X]], %[[C10]]) : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK: %[[R56:.*]] = onnx.IsNaN(%[[X]]) : (tensor<2x3xf32>) -> tensor<2x3xi1>
// CHECK: %[[R57:.*]] = onnx.IsInf(%[[X]]) {detect_negative = 1 : i64, detect_positive = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xi1>
// CHECK: %[[R58:.*]] = onnx.IsInf(%[[X]]) {detect_negative = 1 : i64, detect_positive = 0 : i64} : (tensor<2x3xf32>) -> tensor<2x3xi1>
// CHECK: %[[R59:.*]] = onnx.IsInf(%[[X]]) {detect_negative = 0 : i64, detect_positive = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xi1>
// CHECK: %[[R60:.*]] = onnx.Identity(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R61:.*]] = onnx.Not(%[[A1]]) : tensor<2x3xi1>
// CHECK: %[[NV62:.*]] = onnx.NoValue
// CHECK: %[[C11:.*]] = onnx.Initializer {{.*}} = dense<1.000000e+00> : tensor<f32>
// CHECK: %[[R63:.*]] = onnx.Sub(%[[C11]], %[[X]])
// CHECK: %[[R64:.*]] = onnx.Div(%[[X]], %[[R63]])
// CHECK: %[[R65:.*]] = onnx.Log(%[[R64]]) : (tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: return %[[R0]], %[[R1]], %[[R2]], %[[R3]], %[[R4]], %[[R5]], %[[R6]], %[[R7]], %[[R8]], %[[R9]], %[[R10]], %[[R12]], %[[R13]], %[[R14]], %[[R16]], %[[R17]], %[[R22]], %[[R23]], %[[R25]], %[[R27]], %[[R29]], %[[R30]], %[[R31]], %[[R32]], %[[R34]], %[[R35]], %[[R36]], %[[R37]], %[[R38]], %[[R39]], %[[R40]], %[[R41]], %[[R42]], %[[R43]], %[[R44]], %[[R45]], %[[R48]], %[[R50]], %[[R51]], %[[R53]], %[[R54]], %[[R55]], %[[R56]], %[[R57]], %[[R58]], %[[R59]], %[[R60]], %[[R61]], %[[R65]]
func.func @forward(%x: !torch.vtensor<[2,3],f32>, %i: !torch.vtensor<[2,3],i1>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %r0 = torch.aten.abs %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r1 = torch.aten.acos %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r2 = torch.aten.acosh %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r3 = torch.aten.asin %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r4 = torch.aten.asinh %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r5 = torch.aten.atan %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r6 = torch.aten.atanh %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r7 = torch.aten.ceil %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r8 = torch.aten.cos %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r9 = torch.aten.cosh %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r10 = torch.aten.erf %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r11 = torch.operator "aten::erfc"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r12 = torch.aten.exp %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r13 = torch.operator "aten::exp2"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r14 = torch.aten.expm1 %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r15 = torch.aten.floor %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r16 = torch.operator "aten::frac"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r17 = torch.aten.log %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r18 = torch.aten.log10 %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r19 = torch.aten.log1p %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r20 = torch.aten.log2 %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r21 = torch.aten.neg %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r22 = torch.aten.reciprocal %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r23 = torch.aten.round %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r24 = torch.aten.rsqrt %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r25 = torch.aten.sign %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r26 = torch.operator "aten::sgn"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r27 = torch.aten.sin %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r28 = torch.aten.sinh %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r29 = torch.aten.sqrt %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r30 = torch.aten.square %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r31 = torch.aten.tan %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r32 = torch.aten.tanh %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r33 = torch.aten.relu6 %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r34 = torch.aten.hardsigmoid %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r35 = torch.aten.hardswish %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r36 = torch.aten.mish %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r37 = torch.aten.silu %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r38 = torch.aten.selu %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r39 = torch.operator "aten::tanhshrink"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r40 = torch.operator "aten::deg2rad"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r41 = torch.operator "aten::rad2deg"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r42 = torch.aten.isnan %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r43 = torch.aten.isinf %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r44 = torch.operator "aten::isneginf"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r45 = torch.operator "aten::isposinf"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r46 = torch.operator "aten::positive"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r47 = torch.aten.bitwise_not %i : (!torch.vtensor<[2,3],i1>) -> !torch.vtensor
  %none = torch.constant.none
  %r48 = torch.operator "aten::logit"(%x, %none) : (!torch.vtensor<[2,3],f32>, !torch.none) -> !torch.vtensor
  return %r0, %r1, %r2, %r3, %r4, %r5, %r6, %r7, %r8, %r9, %r10, %r11, %r12, %r13, %r14, %r15, %r16, %r17, %r18, %r19, %r20, %r21, %r22, %r23, %r24, %r25, %r26, %r27, %r28, %r29, %r30, %r31, %r32, %r33, %r34, %r35, %r36, %r37, %r38, %r39, %r40, %r41, %r42, %r43, %r44, %r45, %r46, %r47, %r48 : !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor
}

// -----

// Binary arithmetic with broadcasting, comparisons, logic, where/masked_fill,
// clamps and parametric activations.
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3xf32>
// CHECK-SAME: %[[A1:[^:]*]]: tensor<3xf32>
// CHECK-SAME: %[[A2:[^:]*]]: tensor<2x3xi64>
// CHECK-SAME: %[[A3:[^:]*]]: tensor<2x3xi1>
// CHECK: %[[C0:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[C1:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<i64>
// CHECK: %[[C2:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[C3:.*]] = onnx.Initializer {{.*}} = dense<1.000000e+00> : tensor<f32>
// CHECK: %[[C4:.*]] = onnx.Initializer {{.*}} = dense<2.000000e+00> : tensor<f32>
// CHECK: %[[NV0:.*]] = onnx.NoValue
// CHECK: %[[NV1:.*]] = onnx.NoValue
// CHECK: %[[NV2:.*]] = onnx.NoValue
// CHECK: %[[NV3:.*]] = onnx.NoValue
// CHECK: %[[NV4:.*]] = onnx.NoValue
// CHECK: %[[R5:.*]] = onnx.Sub(%[[X]], %[[A1]]) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
// CHECK: %[[C5:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R6:.*]] = onnx.Sub(%[[X]], %[[C5]]) : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK: %[[C6:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R7:.*]] = onnx.Sub(%[[C6]], %[[X]]) : (tensor<f32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK: %[[R8:.*]] = onnx.Sub(%[[A1]], %[[X]]) : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK: %[[C7:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R9:.*]] = onnx.Div(%[[X]], %[[C7]]) : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK: %[[R10:.*]] = onnx.Div(%[[X]], %[[A1]])
// CHECK: %[[R11:.*]] = onnx.Floor(%[[R10]]) : (tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[R12:.*]] = onnx.Div(%[[A2]], %[[A2]]) : tensor<2x3xi64>
// CHECK: %[[R13:.*]] = onnx.Cast(%[[A2]]) {to = 1 : i64}
// CHECK: %[[R14:.*]] = onnx.Cast(%[[A2]]) {to = 1 : i64}
// CHECK: %[[R15:.*]] = onnx.Div(%[[R13]], %[[R14]]) : tensor<2x3xf32>
// CHECK: %[[R16:.*]] = onnx.Div(%[[A2]], %[[A2]])
// CHECK: %[[R17:.*]] = onnx.Mul(%[[R16]], %[[A2]])
// CHECK: %[[R18:.*]] = onnx.Sub(%[[A2]], %[[R17]])
// CHECK: %[[C8:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[R19:.*]] = onnx.Equal(%[[R18]], %[[C8]])
// CHECK: %[[R20:.*]] = onnx.Not(%[[R19]])
// CHECK: %[[R21:.*]] = onnx.Less(%[[R18]], %[[C8]])
// CHECK: %[[R22:.*]] = onnx.Less(%[[A2]], %[[C8]])
// CHECK: %[[R23:.*]] = onnx.Xor(%[[R21]], %[[R22]])
// CHECK: %[[R24:.*]] = onnx.And(%[[R20]], %[[R23]])
// CHECK: %[[R25:.*]] = onnx.Cast(%[[R24]]) {to = 7 : i64}
// CHECK: %[[R26:.*]] = onnx.Sub(%[[R16]], %[[R25]]) : (tensor<*xi64>, tensor<*xi64>) -> tensor<2x3xi64>
// CHECK: %[[R27:.*]] = onnx.Div(%[[X]], %[[A1]])
// CHECK: %[[R28:.*]] = onnx.Floor(%[[R27]])
// CHECK: %[[R29:.*]] = onnx.Mul(%[[R28]], %[[A1]])
// CHECK: %[[R30:.*]] = onnx.Sub(%[[X]], %[[R29]]) : (tensor<2x3xf32>, tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[C9:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<i64>
// CHECK: %[[R31:.*]] = onnx.Mod(%[[A2]], %[[C9]]) {fmod = 0 : i64} : (tensor<2x3xi64>, tensor<i64>) -> tensor<2x3xi64>
// CHECK: %[[R32:.*]] = onnx.Mod(%[[X]], %[[A1]]) {fmod = 1 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
// CHECK: %[[C10:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R33:.*]] = onnx.Pow(%[[X]], %[[C10]]) : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK: %[[R34:.*]] = onnx.Pow(%[[X]], %[[A1]]) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
// CHECK: %[[C11:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R35:.*]] = onnx.Pow(%[[C11]], %[[X]]) : (tensor<f32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK: %[[R36:.*]] = onnx.Max(%[[X]], %[[A1]]) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
// CHECK: %[[R37:.*]] = onnx.Min(%[[X]], %[[A1]]) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
// CHECK: %[[R38:.*]] = onnx.Min(%[[X]], %[[A1]])
// CHECK: %[[R39:.*]] = onnx.IsNaN(%[[X]])
// CHECK: %[[R40:.*]] = onnx.IsNaN(%[[A1]])
// CHECK: %[[R41:.*]] = onnx.Where(%[[R40]], %[[X]], %[[R38]])
// CHECK: %[[R42:.*]] = onnx.Where(%[[R39]], %[[A1]], %[[R41]]) : (tensor<*xi1>, tensor<3xf32>, tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[R43:.*]] = onnx.Div(%[[X]], %[[A1]])
// CHECK: %[[R44:.*]] = onnx.Atan(%[[R43]])
// CHECK: %[[C12:.*]] = onnx.Initializer {{.*}} = dense<3.14159274> : tensor<f32>
// CHECK: %[[C13:.*]] = onnx.Initializer {{.*}} = dense<1.57079637> : tensor<f32>
// CHECK: %[[C14:.*]] = onnx.Initializer {{.*}} = dense<-3.14159274> : tensor<f32>
// CHECK: %[[C15:.*]] = onnx.Initializer {{.*}} = dense<-1.57079637> : tensor<f32>
// CHECK: %[[C16:.*]] = onnx.Initializer {{.*}} = dense<0.000000e+00> : tensor<f32>
// CHECK: %[[R45:.*]] = onnx.Less(%[[X]], %[[C16]])
// CHECK: %[[R46:.*]] = onnx.Add(%[[R44]], %[[C14]])
// CHECK: %[[R47:.*]] = onnx.Add(%[[R44]], %[[C12]])
// CHECK: %[[R48:.*]] = onnx.Where(%[[R45]], %[[R46]], %[[R47]])
// CHECK: %[[C17:.*]] = onnx.Initializer {{.*}} = dense<0.000000e+00> : tensor<f32>
// CHECK: %[[R49:.*]] = onnx.Greater(%[[X]], %[[C17]])
// CHECK: %[[C18:.*]] = onnx.Initializer {{.*}} = dense<0.000000e+00> : tensor<f32>
// CHECK: %[[R50:.*]] = onnx.Less(%[[X]], %[[C18]])
// CHECK: %[[C19:.*]] = onnx.Initializer {{.*}} = dense<0.000000e+00> : tensor<f32>
// CHECK: %[[R51:.*]] = onnx.Where(%[[R50]], %[[C15]], %[[C19]])
// CHECK: %[[R52:.*]] = onnx.Where(%[[R49]], %[[C13]], %[[R51]])
// CHECK: %[[C20:.*]] = onnx.Initializer {{.*}} = dense<0.000000e+00> : tensor<f32>
// CHECK: %[[R53:.*]] = onnx.Greater(%[[A1]], %[[C20]])
// CHECK: %[[C21:.*]] = onnx.Initializer {{.*}} = dense<0.000000e+00> : tensor<f32>
// CHECK: %[[R54:.*]] = onnx.Less(%[[A1]], %[[C21]])
// CHECK: %[[R55:.*]] = onnx.Where(%[[R54]], %[[R48]], %[[R52]])
// CHECK: %[[R56:.*]] = onnx.Where(%[[R53]], %[[R44]], %[[R55]]) : (tensor<*xi1>, tensor<*xf32>, tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[R57:.*]] = onnx.Mul(%[[X]], %[[X]])
// CHECK: %[[R58:.*]] = onnx.Mul(%[[A1]], %[[A1]])
// CHECK: %[[R59:.*]] = onnx.Add(%[[R57]], %[[R58]])
// CHECK: %[[R60:.*]] = onnx.Sqrt(%[[R59]]) : (tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[R61:.*]] = onnx.Abs(%[[X]])
// CHECK: %[[C22:.*]] = onnx.Initializer {{.*}} = dense<0.000000e+00> : tensor<f32>
// CHECK: %[[C23:.*]] = onnx.Initializer {{.*}} = dense<0.000000e+00> : tensor<f32>
// CHECK: %[[R62:.*]] = onnx.Equal(%[[A1]], %[[C23]])
// CHECK: %[[C24:.*]] = onnx.Initializer {{.*}} = dense<1.000000e+00> : tensor<f32>
// CHECK: %[[R63:.*]] = onnx.Div(%[[C24]], %[[A1]])
// CHECK: %[[R64:.*]] = onnx.Less(%[[R63]], %[[C22]])
// CHECK: %[[R65:.*]] = onnx.And(%[[R62]], %[[R64]])
// CHECK: %[[R66:.*]] = onnx.Less(%[[A1]], %[[C22]])
// CHECK: %[[R67:.*]] = onnx.Or(%[[R66]], %[[R65]])
// CHECK: %[[R68:.*]] = onnx.Neg(%[[R61]])
// CHECK: %[[R69:.*]] = onnx.Where(%[[R67]], %[[R68]], %[[R61]]) : (tensor<*xi1>, tensor<*xf32>, tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[R70:.*]] = onnx.Max(%[[X]], %[[A1]])
// CHECK: %[[R71:.*]] = onnx.Sub(%[[X]], %[[A1]])
// CHECK: %[[R72:.*]] = onnx.Abs(%[[R71]])
// CHECK: %[[R73:.*]] = onnx.Neg(%[[R72]])
// CHECK: %[[C25:.*]] = onnx.Initializer {{.*}} = dense<1.000000e+00> : tensor<f32>
// CHECK: %[[R74:.*]] = onnx.Exp(%[[R73]])
// CHECK: %[[R75:.*]] = onnx.Add(%[[C25]], %[[R74]])
// CHECK: %[[R76:.*]] = onnx.Log(%[[R75]])
// CHECK: %[[R77:.*]] = onnx.Add(%[[R70]], %[[R76]]) : (tensor<*xf32>, tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[R78:.*]] = onnx.Log(%[[A1]])
// CHECK: %[[R79:.*]] = onnx.Mul(%[[X]], %[[R78]])
// CHECK: %[[C26:.*]] = onnx.Initializer {{.*}} = dense<0.000000e+00> : tensor<f32>
// CHECK: %[[R80:.*]] = onnx.Equal(%[[X]], %[[C26]])
// CHECK: %[[R81:.*]] = onnx.IsNaN(%[[A1]])
// CHECK: %[[R82:.*]] = onnx.Not(%[[R81]])
// CHECK: %[[R83:.*]] = onnx.And(%[[R80]], %[[R82]])
// CHECK: %[[C27:.*]] = onnx.Initializer {{.*}} = dense<0.000000e+00> : tensor<f32>
// CHECK: %[[R84:.*]] = onnx.Where(%[[R83]], %[[C27]], %[[R79]]) : (tensor<*xi1>, tensor<f32>, tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[C28:.*]] = onnx.Initializer {{.*}} = dense<0.000000e+00> : tensor<f32>
// CHECK: %[[R85:.*]] = onnx.Greater(%[[X]], %[[C28]])
// CHECK: %[[C29:.*]] = onnx.Initializer {{.*}} = dense<1.000000e+00> : tensor<f32>
// CHECK: %[[C30:.*]] = onnx.Initializer {{.*}} = dense<0.000000e+00> : tensor<f32>
// CHECK: %[[R86:.*]] = onnx.Where(%[[R85]], %[[C29]], %[[C30]])
// CHECK: %[[C31:.*]] = onnx.Initializer {{.*}} = dense<0.000000e+00> : tensor<f32>
// CHECK: %[[R87:.*]] = onnx.Equal(%[[X]], %[[C31]])
// CHECK: %[[R88:.*]] = onnx.Where(%[[R87]], %[[A1]], %[[R86]]) : (tensor<*xi1>, tensor<3xf32>, tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[R89:.*]] = onnx.Sub(%[[A1]], %[[X]])
// CHECK: %[[R90:.*]] = onnx.Mul(%[[C2]], %[[R89]])
// CHECK: %[[R91:.*]] = onnx.Add(%[[X]], %[[R90]])
// CHECK: %[[C32:.*]] = onnx.Initializer {{.*}} = dense<1.000000e+00> : tensor<f32>
// CHECK: %[[R92:.*]] = onnx.Sub(%[[C32]], %[[C2]])
// CHECK: %[[R93:.*]] = onnx.Mul(%[[R89]], %[[R92]])
// CHECK: %[[R94:.*]] = onnx.Sub(%[[A1]], %[[R93]])
// CHECK: %[[R95:.*]] = onnx.Abs(%[[C2]])
// CHECK: %[[C33:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R96:.*]] = onnx.Less(%[[R95]], %[[C33]])
// CHECK: %[[R97:.*]] = onnx.Where(%[[R96]], %[[R91]], %[[R94]]) : (tensor<*xi1>, tensor<*xf32>, tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[R98:.*]] = onnx.Mul(%[[A1]], %[[A1]])
// CHECK: %[[C34:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R99:.*]] = onnx.Mul(%[[R98]], %[[C34]])
// CHECK: %[[R100:.*]] = onnx.Add(%[[X]], %[[R99]]) : (tensor<2x3xf32>, tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[R101:.*]] = onnx.Div(%[[A1]], %[[A1]])
// CHECK: %[[C35:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R102:.*]] = onnx.Mul(%[[R101]], %[[C35]])
// CHECK: %[[R103:.*]] = onnx.Add(%[[X]], %[[R102]]) : (tensor<2x3xf32>, tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[R104:.*]] = onnx.Equal(%[[X]], %[[A1]]) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
// CHECK: %[[C36:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R105:.*]] = onnx.Equal(%[[X]], %[[C36]])
// CHECK: %[[R106:.*]] = onnx.Not(%[[R105]]) : (tensor<*xi1>) -> tensor<2x3xi1>
// CHECK: %[[R107:.*]] = onnx.Less(%[[X]], %[[A1]]) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
// CHECK: %[[C37:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R108:.*]] = onnx.LessOrEqual(%[[X]], %[[C37]]) : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xi1>
// CHECK: %[[R109:.*]] = onnx.Greater(%[[X]], %[[A1]]) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
// CHECK: %[[R110:.*]] = onnx.GreaterOrEqual(%[[X]], %[[A1]]) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
// CHECK: %[[R111:.*]] = onnx.And(%[[A3]], %[[A3]]) : tensor<2x3xi1>
// CHECK: %[[R112:.*]] = onnx.Cast(%[[X]]) {to = 9 : i64}
// CHECK: %[[R113:.*]] = onnx.Or(%[[R112]], %[[A3]]) : tensor<2x3xi1>
// CHECK: %[[R114:.*]] = onnx.Xor(%[[A3]], %[[A3]]) : tensor<2x3xi1>
// CHECK: %[[R115:.*]] = onnx.And(%[[A3]], %[[A3]]) : tensor<2x3xi1>
// CHECK: %[[R116:.*]] = onnx.Or(%[[A3]], %[[A3]]) : tensor<2x3xi1>
// CHECK: %[[R117:.*]] = onnx.Xor(%[[A3]], %[[A3]]) : tensor<2x3xi1>
// CHECK: %[[R118:.*]] = onnx.Where(%[[A3]], %[[X]], %[[A1]]) : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
// CHECK: %[[C38:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R119:.*]] = onnx.Where(%[[A3]], %[[X]], %[[C38]]) : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK: %[[C39:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R120:.*]] = onnx.Where(%[[A3]], %[[C39]], %[[X]]) : (tensor<2x3xi1>, tensor<f32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK: %[[C40:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R121:.*]] = onnx.Clip(%[[X]], %[[C40]]) : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK: %[[C41:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R122:.*]] = onnx.Clip(%[[X]], none, %[[C41]]) : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK: %[[C42:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[C43:.*]] = onnx.Initializer {{.*}} = dense<2.000000e+00> : tensor<f32>
// CHECK: %[[R123:.*]] = onnx.Clip(%[[X]], %[[C42]], %[[C43]]) : (tensor<2x3xf32>, tensor<f32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK: %[[R124:.*]] = onnx.LeakyRelu(%[[X]]) {alpha = 5.000000e-01 : f32} : tensor<2x3xf32>
// CHECK: %[[R125:.*]] = onnx.Elu(%[[X]]) {alpha = 5.000000e-01 : f32} : tensor<2x3xf32>
// CHECK: %[[C44:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R126:.*]] = onnx.Greater(%[[X]], %[[C44]])
// CHECK: %[[C45:.*]] = onnx.Initializer {{.*}} = dense<2.000000e+00> : tensor<f32>
// CHECK: %[[R127:.*]] = onnx.Where(%[[R126]], %[[X]], %[[C45]]) : (tensor<*xi1>, tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK: %[[R128:.*]] = onnx.Softplus(%[[X]])
// CHECK: %[[C46:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R129:.*]] = onnx.Greater(%[[X]], %[[C46]])
// CHECK: %[[R130:.*]] = onnx.Where(%[[R129]], %[[X]], %[[R128]]) : (tensor<*xi1>, tensor<2x3xf32>, tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[C47:.*]] = onnx.Initializer {{.*}} = dense<1.41421354> : tensor<f32>
// CHECK: %[[R131:.*]] = onnx.Div(%[[X]], %[[C47]])
// CHECK: %[[R132:.*]] = onnx.Erf(%[[R131]])
// CHECK: %[[C48:.*]] = onnx.Initializer {{.*}} = dense<1.000000e+00> : tensor<f32>
// CHECK: %[[R133:.*]] = onnx.Add(%[[R132]], %[[C48]])
// CHECK: %[[C49:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R134:.*]] = onnx.Mul(%[[X]], %[[C49]])
// CHECK: %[[R135:.*]] = onnx.Mul(%[[R134]], %[[R133]]) : (tensor<*xf32>, tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[R136:.*]] = onnx.Mul(%[[X]], %[[X]])
// CHECK: %[[R137:.*]] = onnx.Mul(%[[X]], %[[R136]])
// CHECK: %[[C50:.*]] = onnx.Initializer {{.*}} = dense<4.471500e-02> : tensor<f32>
// CHECK: %[[R138:.*]] = onnx.Mul(%[[R137]], %[[C50]])
// CHECK: %[[R139:.*]] = onnx.Add(%[[X]], %[[R138]])
// CHECK: %[[C51:.*]] = onnx.Initializer {{.*}} = dense<0.797884583> : tensor<f32>
// CHECK: %[[R140:.*]] = onnx.Mul(%[[R139]], %[[C51]])
// CHECK: %[[R141:.*]] = onnx.Tanh(%[[R140]])
// CHECK: %[[C52:.*]] = onnx.Initializer {{.*}} = dense<1.000000e+00> : tensor<f32>
// CHECK: %[[R142:.*]] = onnx.Add(%[[R141]], %[[C52]])
// CHECK: %[[C53:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R143:.*]] = onnx.Mul(%[[X]], %[[C53]])
// CHECK: %[[R144:.*]] = onnx.Mul(%[[R143]], %[[R142]]) : (tensor<*xf32>, tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[R145:.*]] = onnx.PRelu(%[[X]], %[[A1]]) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
// CHECK: %[[R146:.*]] = onnx.IsNaN(%[[X]])
// CHECK: %[[C54:.*]] = onnx.Initializer {{.*}} = dense<0.000000e+00> : tensor<f32>
// CHECK: %[[R147:.*]] = onnx.Where(%[[R146]], %[[C54]], %[[X]])
// CHECK: %[[R148:.*]] = onnx.IsInf(%[[X]]) {detect_negative = 0 : i64, detect_positive = 1 : i64}
// CHECK: %[[C55:.*]] = onnx.Initializer {{.*}} = dense<3.40282347E+38> : tensor<f32>
// CHECK: %[[R149:.*]] = onnx.Where(%[[R148]], %[[C55]], %[[R147]])
// CHECK: %[[R150:.*]] = onnx.IsInf(%[[X]]) {detect_negative = 1 : i64, detect_positive = 0 : i64}
// CHECK: %[[C56:.*]] = onnx.Initializer {{.*}} = dense<-3.40282347E+38> : tensor<f32>
// CHECK: %[[R151:.*]] = onnx.Where(%[[R150]], %[[C56]], %[[R149]]) : (tensor<*xi1>, tensor<f32>, tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: return %[[R5]], %[[R6]], %[[R7]], %[[R8]], %[[R9]], %[[R11]], %[[R12]], %[[R15]], %[[R26]], %[[R30]], %[[R31]], %[[R32]], %[[R33]], %[[R34]], %[[R35]], %[[R36]], %[[R37]], %[[R42]], %[[R56]], %[[R60]], %[[R69]], %[[R77]], %[[R84]], %[[R88]], %[[R97]], %[[R100]], %[[R103]], %[[R104]], %[[R106]], %[[R107]], %[[R108]], %[[R109]], %[[R110]], %[[R111]], %[[R113]], %[[R114]], %[[R115]], %[[R116]], %[[R117]], %[[R118]], %[[R119]], %[[R120]], %[[R121]], %[[R122]], %[[R123]], %[[R124]], %[[R125]], %[[R127]], %[[R130]], %[[R135]], %[[R144]], %[[R145]], %[[R151]]
func.func @forward(%x: !torch.vtensor<[2,3],f32>, %y: !torch.vtensor<[3],f32>, %i: !torch.vtensor<[2,3],si64>, %b: !torch.vtensor<[2,3],i1>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %one = torch.constant.int 1
  %two = torch.constant.int 2
  %f = torch.constant.float 5.000000e-01
  %onef = torch.constant.float 1.000000e+00
  %two_f = torch.constant.float 2.000000e+00
  %floor = torch.constant.str "floor"
  %trunc = torch.constant.str "trunc"
  %none_s = torch.constant.str "none"
  %tanh_s = torch.constant.str "tanh"
  %none = torch.constant.none
  %r0 = torch.aten.sub.Tensor %x, %y, %one : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>, !torch.int) -> !torch.vtensor
  %r1 = torch.aten.sub.Scalar %x, %f, %one : (!torch.vtensor<[2,3],f32>, !torch.float, !torch.int) -> !torch.vtensor
  %r2 = torch.aten.rsub.Scalar %x, %f, %one : (!torch.vtensor<[2,3],f32>, !torch.float, !torch.int) -> !torch.vtensor
  %r3 = torch.aten.rsub.Tensor %x, %y, %one : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>, !torch.int) -> !torch.vtensor
  %r4 = torch.aten.div.Scalar %x, %f : (!torch.vtensor<[2,3],f32>, !torch.float) -> !torch.vtensor
  %r5 = torch.aten.div.Tensor_mode %x, %y, %floor : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>, !torch.str) -> !torch.vtensor
  %r6 = torch.aten.div.Tensor_mode %i, %i, %trunc : (!torch.vtensor<[2,3],si64>, !torch.vtensor<[2,3],si64>, !torch.str) -> !torch.vtensor
  %r7 = torch.aten.true_divide.Tensor %i, %i : (!torch.vtensor<[2,3],si64>, !torch.vtensor<[2,3],si64>) -> !torch.vtensor
  %r8 = torch.aten.floor_divide %i, %i : (!torch.vtensor<[2,3],si64>, !torch.vtensor<[2,3],si64>) -> !torch.vtensor
  %r9 = torch.aten.remainder.Tensor %x, %y : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor
  %r10 = torch.aten.remainder.Scalar %i, %two : (!torch.vtensor<[2,3],si64>, !torch.int) -> !torch.vtensor
  %r11 = torch.aten.fmod.Tensor %x, %y : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor
  %r12 = torch.aten.pow.Tensor_Scalar %x, %f : (!torch.vtensor<[2,3],f32>, !torch.float) -> !torch.vtensor
  %r13 = torch.aten.pow.Tensor_Tensor %x, %y : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor
  %r14 = torch.aten.pow.Scalar %f, %x : (!torch.float, !torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r15 = torch.aten.maximum %x, %y : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor
  %r16 = torch.aten.minimum %x, %y : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor
  %r17 = torch.operator "aten::fmin"(%x, %y) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor
  %r18 = torch.aten.atan2 %x, %y : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor
  %r19 = torch.operator "aten::hypot"(%x, %y) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor
  %r20 = torch.operator "aten::copysign.Tensor"(%x, %y) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor
  %r21 = torch.operator "aten::logaddexp"(%x, %y) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor
  %r22 = torch.operator "aten::xlogy.Tensor"(%x, %y) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor
  %r23 = torch.operator "aten::heaviside"(%x, %y) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor
  %r24 = torch.aten.lerp.Scalar %x, %y, %f : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>, !torch.float) -> !torch.vtensor
  %r25 = torch.aten.addcmul %x, %y, %y, %f : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>, !torch.float) -> !torch.vtensor
  %r26 = torch.aten.addcdiv %x, %y, %y, %f : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>, !torch.float) -> !torch.vtensor
  %r27 = torch.aten.eq.Tensor %x, %y : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor
  %r28 = torch.aten.ne.Scalar %x, %f : (!torch.vtensor<[2,3],f32>, !torch.float) -> !torch.vtensor
  %r29 = torch.aten.lt.Tensor %x, %y : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor
  %r30 = torch.aten.le.Scalar %x, %f : (!torch.vtensor<[2,3],f32>, !torch.float) -> !torch.vtensor
  %r31 = torch.aten.gt.Tensor %x, %y : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor
  %r32 = torch.aten.ge.Tensor %x, %y : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor
  %r33 = torch.aten.logical_and %b, %b : (!torch.vtensor<[2,3],i1>, !torch.vtensor<[2,3],i1>) -> !torch.vtensor
  %r34 = torch.aten.logical_or %x, %b : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],i1>) -> !torch.vtensor
  %r35 = torch.aten.logical_xor %b, %b : (!torch.vtensor<[2,3],i1>, !torch.vtensor<[2,3],i1>) -> !torch.vtensor
  %r36 = torch.aten.bitwise_and.Tensor %b, %b : (!torch.vtensor<[2,3],i1>, !torch.vtensor<[2,3],i1>) -> !torch.vtensor
  %r37 = torch.aten.bitwise_or.Tensor %b, %b : (!torch.vtensor<[2,3],i1>, !torch.vtensor<[2,3],i1>) -> !torch.vtensor
  %r38 = torch.aten.bitwise_xor.Tensor %b, %b : (!torch.vtensor<[2,3],i1>, !torch.vtensor<[2,3],i1>) -> !torch.vtensor
  %r39 = torch.aten.where.self %b, %x, %y : (!torch.vtensor<[2,3],i1>, !torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor
  %r40 = torch.aten.where.ScalarOther %b, %x, %f : (!torch.vtensor<[2,3],i1>, !torch.vtensor<[2,3],f32>, !torch.float) -> !torch.vtensor
  %r41 = torch.aten.masked_fill.Scalar %x, %b, %f : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],i1>, !torch.float) -> !torch.vtensor
  %r42 = torch.aten.clamp_min %x, %f : (!torch.vtensor<[2,3],f32>, !torch.float) -> !torch.vtensor
  %r43 = torch.aten.clamp_max %x, %f : (!torch.vtensor<[2,3],f32>, !torch.float) -> !torch.vtensor
  %r44 = torch.aten.hardtanh %x, %f, %two_f : (!torch.vtensor<[2,3],f32>, !torch.float, !torch.float) -> !torch.vtensor
  %r45 = torch.aten.leaky_relu %x, %f : (!torch.vtensor<[2,3],f32>, !torch.float) -> !torch.vtensor
  %r46 = torch.aten.elu %x, %f, %onef, %onef : (!torch.vtensor<[2,3],f32>, !torch.float, !torch.float, !torch.float) -> !torch.vtensor
  %r47 = torch.operator "aten::threshold"(%x, %f, %two_f) : (!torch.vtensor<[2,3],f32>, !torch.float, !torch.float) -> !torch.vtensor
  %r48 = torch.aten.softplus %x, %onef, %f : (!torch.vtensor<[2,3],f32>, !torch.float, !torch.float) -> !torch.vtensor
  %r49 = torch.aten.gelu %x, %none_s : (!torch.vtensor<[2,3],f32>, !torch.str) -> !torch.vtensor
  %r50 = torch.aten.gelu %x, %tanh_s : (!torch.vtensor<[2,3],f32>, !torch.str) -> !torch.vtensor
  %r51 = torch.aten.prelu %x, %y : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor
  %r52 = torch.operator "aten::nan_to_num"(%x, %none, %none, %none) : (!torch.vtensor<[2,3],f32>, !torch.none, !torch.none, !torch.none) -> !torch.vtensor
  return %r0, %r1, %r2, %r3, %r4, %r5, %r6, %r7, %r8, %r9, %r10, %r11, %r12, %r13, %r14, %r15, %r16, %r17, %r18, %r19, %r20, %r21, %r22, %r23, %r24, %r25, %r26, %r27, %r28, %r29, %r30, %r31, %r32, %r33, %r34, %r35, %r36, %r37, %r38, %r39, %r40, %r41, %r42, %r43, %r44, %r45, %r46, %r47, %r48, %r49, %r50, %r51, %r52 : !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor
}
