// Overloads and variants at opset 17, one call each with the schema's
// simplest arguments (a [2,3] f32 tensor, dim 1, 0.5, false, none): views
// that are identities, full reductions, std/var(_mean) without and with
// dims, comparisons and arithmetic with a Scalar operand, round with
// decimals; each with its ONNX form and refined result type.
// RUN: torch-onnx-opt %s --torch-refine-types --convert-torch-to-onnx=opset=17 | FileCheck %s

// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3xf32>
// CHECK: %[[C0:.*]] = onnx.Initializer {{.*}} = dense<false> : tensor<i1>
// CHECK: %[[C1:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[C2:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[C3:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R1:.*]] = onnx.Identity(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R2:.*]] = onnx.Identity(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R3:.*]] = onnx.Shape(%[[X]]) {start = 0 : i64}
// CHECK: %[[R4:.*]] = onnx.ConstantOfShape(%[[R3]]) {value_ = dense<1.000000e+00> : tensor<1xf32>} : (tensor<?xi64>) -> tensor<2x3xf32>
// CHECK: %[[R5:.*]] = onnx.Cast(%[[X]]) {to = 9 : i64}
// CHECK: %[[R6:.*]] = onnx.Cast(%[[R5]]) {to = 6 : i64}
// CHECK: %[[R7:.*]] = onnx.ReduceMin(%[[R6]]) {keepdims = 0 : i64}
// CHECK: %[[R8:.*]] = onnx.Cast(%[[R7]]) {to = 9 : i64} : (tensor<*xi32>) -> tensor<i1>
// CHECK: %[[R9:.*]] = onnx.Cast(%[[X]]) {to = 9 : i64}
// CHECK: %[[R10:.*]] = onnx.Cast(%[[R9]]) {to = 6 : i64}
// CHECK: %[[R11:.*]] = onnx.ReduceMax(%[[R10]]) {keepdims = 0 : i64}
// CHECK: %[[R12:.*]] = onnx.Cast(%[[R11]]) {to = 9 : i64} : (tensor<*xi32>) -> tensor<i1>
// CHECK: %[[R13:.*]] = onnx.ReduceMean(%[[X]]) {keepdims = 0 : i64} : (tensor<2x3xf32>) -> tensor<f32>
// CHECK: %[[R14:.*]] = onnx.ReduceProd(%[[X]]) {keepdims = 0 : i64} : (tensor<2x3xf32>) -> tensor<f32>
// CHECK: %[[R15:.*]] = onnx.ReduceMax(%[[X]]) {keepdims = 0 : i64} : (tensor<2x3xf32>) -> tensor<f32>
// CHECK: %[[R16:.*]] = onnx.ReduceMin(%[[X]]) {keepdims = 0 : i64} : (tensor<2x3xf32>) -> tensor<f32>
// CHECK: %[[R17:.*]] = onnx.ReduceMean(%[[X]]) {keepdims = 1 : i64}
// CHECK: %[[R18:.*]] = onnx.Sub(%[[X]], %[[R17]])
// CHECK: %[[R19:.*]] = onnx.Mul(%[[R18]], %[[R18]])
// CHECK: %[[R20:.*]] = onnx.ReduceSum(%[[R19]]) {keepdims = 0 : i64, noop_with_empty_axes = 0 : i64}
// CHECK: %[[R21:.*]] = onnx.Size(%[[X]])
// CHECK: %[[R22:.*]] = onnx.Cast(%[[R21]]) {to = 1 : i64}
// CHECK: %[[R23:.*]] = onnx.Size(%[[R17]])
// CHECK: %[[R24:.*]] = onnx.Cast(%[[R23]]) {to = 1 : i64}
// CHECK: %[[R25:.*]] = onnx.Div(%[[R22]], %[[R24]])
// CHECK: %[[R26:.*]] = onnx.Div(%[[R20]], %[[R25]])
// CHECK: %[[R27:.*]] = onnx.Sqrt(%[[R26]]) : (tensor<*xf32>) -> tensor<f32>
// CHECK: %[[R28:.*]] = onnx.ReduceMean(%[[X]]) {keepdims = 1 : i64}
// CHECK: %[[R29:.*]] = onnx.Sub(%[[X]], %[[R28]])
// CHECK: %[[R30:.*]] = onnx.Mul(%[[R29]], %[[R29]])
// CHECK: %[[R31:.*]] = onnx.ReduceSum(%[[R30]]) {keepdims = 0 : i64, noop_with_empty_axes = 0 : i64}
// CHECK: %[[R32:.*]] = onnx.Size(%[[X]])
// CHECK: %[[R33:.*]] = onnx.Cast(%[[R32]]) {to = 1 : i64}
// CHECK: %[[R34:.*]] = onnx.Size(%[[R28]])
// CHECK: %[[R35:.*]] = onnx.Cast(%[[R34]]) {to = 1 : i64}
// CHECK: %[[R36:.*]] = onnx.Div(%[[R33]], %[[R35]])
// CHECK: %[[R37:.*]] = onnx.Div(%[[R31]], %[[R36]])
// CHECK: %[[R38:.*]] = onnx.Sqrt(%[[R37]]) : (tensor<*xf32>) -> tensor<f32>
// CHECK: %[[R39:.*]] = onnx.ReduceMean(%[[X]]) {keepdims = 1 : i64}
// CHECK: %[[R40:.*]] = onnx.Sub(%[[X]], %[[R39]])
// CHECK: %[[R41:.*]] = onnx.Mul(%[[R40]], %[[R40]])
// CHECK: %[[R42:.*]] = onnx.ReduceSum(%[[R41]]) {keepdims = 0 : i64, noop_with_empty_axes = 0 : i64}
// CHECK: %[[R43:.*]] = onnx.Size(%[[X]])
// CHECK: %[[R44:.*]] = onnx.Cast(%[[R43]]) {to = 1 : i64}
// CHECK: %[[R45:.*]] = onnx.Size(%[[R39]])
// CHECK: %[[R46:.*]] = onnx.Cast(%[[R45]]) {to = 1 : i64}
// CHECK: %[[R47:.*]] = onnx.Div(%[[R44]], %[[R46]])
// CHECK: %[[R48:.*]] = onnx.Div(%[[R42]], %[[R47]])
// CHECK: %[[R49:.*]] = onnx.Identity(%[[R48]]) : (tensor<*xf32>) -> tensor<f32>
// CHECK: %[[R50:.*]] = onnx.ReduceMean(%[[X]]) {keepdims = 1 : i64}
// CHECK: %[[R51:.*]] = onnx.Sub(%[[X]], %[[R50]])
// CHECK: %[[R52:.*]] = onnx.Mul(%[[R51]], %[[R51]])
// CHECK: %[[R53:.*]] = onnx.ReduceSum(%[[R52]]) {keepdims = 0 : i64, noop_with_empty_axes = 0 : i64}
// CHECK: %[[R54:.*]] = onnx.Size(%[[X]])
// CHECK: %[[R55:.*]] = onnx.Cast(%[[R54]]) {to = 1 : i64}
// CHECK: %[[R56:.*]] = onnx.Size(%[[R50]])
// CHECK: %[[R57:.*]] = onnx.Cast(%[[R56]]) {to = 1 : i64}
// CHECK: %[[R58:.*]] = onnx.Div(%[[R55]], %[[R57]])
// CHECK: %[[R59:.*]] = onnx.Div(%[[R53]], %[[R58]])
// CHECK: %[[R60:.*]] = onnx.Identity(%[[R59]]) : (tensor<*xf32>) -> tensor<f32>
// CHECK: %[[R62:.*]] = onnx.ReduceMean(%[[X]]) {keepdims = 1 : i64}
// CHECK: %[[R63:.*]] = onnx.Sub(%[[X]], %[[R62]])
// CHECK: %[[R64:.*]] = onnx.Mul(%[[R63]], %[[R63]])
// CHECK: %[[R65:.*]] = onnx.ReduceSum(%[[R64]]) {keepdims = 0 : i64, noop_with_empty_axes = 0 : i64}
// CHECK: %[[R66:.*]] = onnx.Size(%[[X]])
// CHECK: %[[R67:.*]] = onnx.Cast(%[[R66]]) {to = 1 : i64}
// CHECK: %[[R68:.*]] = onnx.Size(%[[R62]])
// CHECK: %[[R69:.*]] = onnx.Cast(%[[R68]]) {to = 1 : i64}
// CHECK: %[[R70:.*]] = onnx.Div(%[[R67]], %[[R69]])
// CHECK: %[[R71:.*]] = onnx.Div(%[[R65]], %[[R70]])
// CHECK: %[[R72:.*]] = onnx.Identity(%[[R71]]) : (tensor<*xf32>) -> tensor<f32>
// CHECK: %[[C4:.*]] = onnx.Initializer {{.*}} = dense<1.000000e+01> : tensor<f32>
// CHECK: %[[R74:.*]] = onnx.Mul(%[[X]], %[[C4]])
// CHECK: %[[R75:.*]] = onnx.Round(%[[R74]])
// CHECK: %[[C5:.*]] = onnx.Initializer {{.*}} = dense<1.000000e+01> : tensor<f32>
// CHECK: %[[R76:.*]] = onnx.Div(%[[R75]], %[[C5]]) : (tensor<*xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK: %[[C6:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R77:.*]] = onnx.Equal(%[[X]], %[[C6]]) : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xi1>
// CHECK: %[[C7:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R78:.*]] = onnx.GreaterOrEqual(%[[X]], %[[C7]]) : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xi1>
// CHECK: %[[C8:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R79:.*]] = onnx.Less(%[[X]], %[[C8]]) : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xi1>
// CHECK: %[[R80:.*]] = onnx.LessOrEqual(%[[X]], %[[X]]) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
// CHECK: %[[R81:.*]] = onnx.Equal(%[[X]], %[[X]])
// CHECK: %[[R82:.*]] = onnx.Not(%[[R81]]) : (tensor<*xi1>) -> tensor<2x3xi1>
// CHECK: %[[R83:.*]] = onnx.Max(%[[X]], %[[X]]) : tensor<2x3xf32>
// CHECK: %[[R84:.*]] = onnx.Min(%[[X]], %[[X]]) : tensor<2x3xf32>
// CHECK: %[[R85:.*]] = onnx.Sub(%[[X]], %[[X]])
// CHECK: %[[R86:.*]] = onnx.Mul(%[[X]], %[[R85]])
// CHECK: %[[R87:.*]] = onnx.Add(%[[X]], %[[R86]])
// CHECK: %[[C9:.*]] = onnx.Initializer {{.*}} = dense<1.000000e+00> : tensor<f32>
// CHECK: %[[R88:.*]] = onnx.Sub(%[[C9]], %[[X]])
// CHECK: %[[R89:.*]] = onnx.Mul(%[[R85]], %[[R88]])
// CHECK: %[[R90:.*]] = onnx.Sub(%[[X]], %[[R89]])
// CHECK: %[[R91:.*]] = onnx.Abs(%[[X]])
// CHECK: %[[C10:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R92:.*]] = onnx.Less(%[[R91]], %[[C10]])
// CHECK: %[[R93:.*]] = onnx.Where(%[[R92]], %[[R87]], %[[R90]]) : (tensor<*xi1>, tensor<*xf32>, tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[C11:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R94:.*]] = onnx.Mod(%[[X]], %[[C11]]) {fmod = 1 : i64} : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK: %[[C12:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R95:.*]] = onnx.Div(%[[X]], %[[C12]])
// CHECK: %[[R96:.*]] = onnx.Floor(%[[R95]]) : (tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[C13:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R97:.*]] = onnx.Div(%[[X]], %[[C13]]) : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK: %[[R98:.*]] = onnx.Shape(%[[X]]) {start = 0 : i64}
// CHECK: %[[R99:.*]] = onnx.Expand(%[[X]], %[[R98]]) : (tensor<2x3xf32>, tensor<?xi64>) -> tensor<2x3xf32>
// CHECK: %[[R100:.*]] = onnx.Identity(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R101:.*]] = onnx.Clip(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R102:.*]] = onnx.Clip(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R103:.*]] = onnx.Min(%[[X]], %[[X]]) : tensor<2x3xf32>
// CHECK: %[[R104:.*]] = onnx.Cast(%[[X]]) {to = 9 : i64}
// CHECK: %[[R105:.*]] = onnx.Where(%[[R104]], %[[X]], %[[X]]) : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK: %[[R106:.*]] = onnx.Cast(%[[X]]) {to = 9 : i64}
// CHECK: %[[C14:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[C15:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R107:.*]] = onnx.Where(%[[R106]], %[[C14]], %[[C15]]) : (tensor<2x3xi1>, tensor<f32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK: %[[R108:.*]] = onnx.Cast(%[[X]]) {to = 9 : i64}
// CHECK: %[[C16:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R109:.*]] = onnx.Where(%[[R108]], %[[C16]], %[[X]]) : (tensor<2x3xi1>, tensor<f32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK: %[[R110:.*]] = onnx.Abs(%[[X]])
// CHECK: %[[C17:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R111:.*]] = onnx.Pow(%[[R110]], %[[C17]])
// CHECK: %[[R112:.*]] = onnx.ReduceSum(%[[R111]]) {keepdims = 0 : i64, noop_with_empty_axes = 0 : i64}
// CHECK: %[[C18:.*]] = onnx.Initializer {{.*}} = dense<2.000000e+00> : tensor<f32>
// CHECK: %[[R113:.*]] = onnx.Pow(%[[R112]], %[[C18]]) : (tensor<*xf32>, tensor<f32>) -> tensor<f32>
// CHECK: %[[C19:.*]] = onnx.Initializer {{.*}} = dense<[1, 2, 0]> : tensor<3xi64>
// CHECK: %[[R114:.*]] = onnx.Gather(%[[X]], %[[C19]]) {axis = 1 : i64}
// CHECK: %[[C20:.*]] = onnx.Initializer {{.*}} = dense<[2, 0, 1]> : tensor<3xi64>
// CHECK: %[[R115:.*]] = onnx.Gather(%[[X]], %[[C20]]) {axis = 1 : i64}
// CHECK: %[[C21:.*]] = onnx.Initializer {{.*}} = dense<[1, 2, 0]> : tensor<3xi64>
// CHECK: %[[R116:.*]] = onnx.Gather(%[[X]], %[[C21]]) {axis = 1 : i64}
// CHECK: %[[C22:.*]] = onnx.Initializer {{.*}} = dense<[2, 0, 1]> : tensor<3xi64>
// CHECK: %[[R117:.*]] = onnx.Gather(%[[X]], %[[C22]]) {axis = 1 : i64}
// CHECK: %[[R118:.*]] = onnx.Mul(%[[R114]], %[[R117]])
// CHECK: %[[R119:.*]] = onnx.Mul(%[[R115]], %[[R116]])
// CHECK: %[[R120:.*]] = onnx.Sub(%[[R118]], %[[R119]]) : (tensor<*xf32>, tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[C23:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R121:.*]] = onnx.ConstantOfShape(%[[C23]]) {value_ = dense<1.000000e+00> : tensor<1xf32>} : (tensor<1xi64>) -> tensor<1xf32>
// CHECK: %[[R122:.*]] = onnx.Identity(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R123:.*]] = onnx.Identity(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R124:.*]] = onnx.Shape(%[[X]]) {start = 0 : i64} : (tensor<2x3xf32>) -> tensor<2xi64>
// CHECK: return %[[R1]], %[[R2]], %[[R4]], %[[R8]], %[[R12]], %[[R13]], %[[R14]], %[[R15]], %[[R16]], %[[R27]], %[[R38]], %[[R49]], %[[R60]], %[[R72]], %[[R76]], %[[R77]], %[[R78]], %[[R79]], %[[R80]], %[[R82]], %[[R83]], %[[R84]], %[[R93]], %[[R94]], %[[R96]], %[[R97]], %[[R99]], %[[R100]], %[[R101]], %[[R102]], %[[R103]], %[[R105]], %[[R107]], %[[R109]], %[[R113]], %[[R120]], %[[R121]], %[[R122]], %[[R123]], %[[R124]]
func.func @forward(%x: !torch.vtensor<[2,3],f32>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %none = torch.constant.none
  %false = torch.constant.bool false
  %c1 = torch.constant.int 1
  %f = torch.constant.float 5.000000e-01
  %l1 = torch.prim.ListConstruct %c1 : (!torch.int) -> !torch.list<int>
  %r1 = torch.aten.alias %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r5 = torch.aten.detach %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r14 = torch.aten.ones_like %x, %none, %none, %none, %none, %none : (!torch.vtensor<[2,3],f32>, !torch.none, !torch.none, !torch.none, !torch.none, !torch.none) -> !torch.vtensor
  %r15 = torch.aten.all %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r16 = torch.aten.any %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r17 = torch.aten.mean %x, %none : (!torch.vtensor<[2,3],f32>, !torch.none) -> !torch.vtensor
  %r18 = torch.aten.prod %x, %none : (!torch.vtensor<[2,3],f32>, !torch.none) -> !torch.vtensor
  %r19 = torch.aten.max %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r20 = torch.aten.min %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r23 = torch.aten.std %x, %false : (!torch.vtensor<[2,3],f32>, !torch.bool) -> !torch.vtensor
  %r24 = torch.aten.std.dim %x, %none, %false, %false : (!torch.vtensor<[2,3],f32>, !torch.none, !torch.bool, !torch.bool) -> !torch.vtensor
  %r25 = torch.aten.var.dim %x, %none, %false, %false : (!torch.vtensor<[2,3],f32>, !torch.none, !torch.bool, !torch.bool) -> !torch.vtensor
  %r26:2 = torch.aten.var_mean %x, %false : (!torch.vtensor<[2,3],f32>, !torch.bool) -> (!torch.vtensor, !torch.vtensor)
  %r28:2 = torch.aten.var_mean.dim %x, %none, %false, %false : (!torch.vtensor<[2,3],f32>, !torch.none, !torch.bool, !torch.bool) -> (!torch.vtensor, !torch.vtensor)
  %r33 = torch.aten.round.decimals %x, %c1 : (!torch.vtensor<[2,3],f32>, !torch.int) -> !torch.vtensor
  %r37 = torch.aten.eq.Scalar %x, %f : (!torch.vtensor<[2,3],f32>, !torch.float) -> !torch.vtensor
  %r38 = torch.aten.ge.Scalar %x, %f : (!torch.vtensor<[2,3],f32>, !torch.float) -> !torch.vtensor
  %r39 = torch.aten.lt.Scalar %x, %f : (!torch.vtensor<[2,3],f32>, !torch.float) -> !torch.vtensor
  %r40 = torch.aten.le.Tensor %x, %x : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r41 = torch.aten.ne.Tensor %x, %x : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r42 = torch.aten.max.other %x, %x : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r43 = torch.aten.min.other %x, %x : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r44 = torch.aten.lerp.Tensor %x, %x, %x : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r45 = torch.aten.fmod.Scalar %x, %f : (!torch.vtensor<[2,3],f32>, !torch.float) -> !torch.vtensor
  %r46 = torch.aten.floor_divide.Scalar %x, %f : (!torch.vtensor<[2,3],f32>, !torch.float) -> !torch.vtensor
  %r47 = torch.aten.true_divide.Scalar %x, %f : (!torch.vtensor<[2,3],f32>, !torch.float) -> !torch.vtensor
  %r48 = torch.aten.fill.Tensor %x, %x : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r49 = torch.aten.type_as %x, %x : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r51 = torch.aten.clip %x, %none, %none : (!torch.vtensor<[2,3],f32>, !torch.none, !torch.none) -> !torch.vtensor
  %r52 = torch.aten.clamp.Tensor %x, %none, %none : (!torch.vtensor<[2,3],f32>, !torch.none, !torch.none) -> !torch.vtensor
  %r53 = torch.aten.clamp_max.Tensor %x, %x : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r54 = torch.aten.masked_fill.Tensor %x, %x, %x : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r55 = torch.aten.where.Scalar %x, %f, %f : (!torch.vtensor<[2,3],f32>, !torch.float, !torch.float) -> !torch.vtensor
  %r56 = torch.aten.where.ScalarSelf %x, %f, %x : (!torch.vtensor<[2,3],f32>, !torch.float, !torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r61 = torch.aten.norm.Scalar %x, %f : (!torch.vtensor<[2,3],f32>, !torch.float) -> !torch.vtensor
  %r65 = torch.aten.cross %x, %x, %none : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>, !torch.none) -> !torch.vtensor
  %r66 = torch.aten.new_ones %x, %l1, %none, %none, %none, %none : (!torch.vtensor<[2,3],f32>, !torch.list<int>, !torch.none, !torch.none, !torch.none, !torch.none) -> !torch.vtensor
  %r68 = torch.aten.alpha_dropout %x, %f, %false : (!torch.vtensor<[2,3],f32>, !torch.float, !torch.bool) -> !torch.vtensor
  %r69 = torch.aten.feature_dropout %x, %f, %false : (!torch.vtensor<[2,3],f32>, !torch.float, !torch.bool) -> !torch.vtensor
  %r71 = torch.aten._shape_as_tensor %x : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  return %r1, %r5, %r14, %r15, %r16, %r17, %r18, %r19, %r20, %r23, %r24, %r25, %r26#0, %r28#0, %r33, %r37, %r38, %r39, %r40, %r41, %r42, %r43, %r44, %r45, %r46, %r47, %r48, %r49, %r51, %r52, %r53, %r54, %r55, %r56, %r61, %r65, %r66, %r68, %r69, %r71 : !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor
}

