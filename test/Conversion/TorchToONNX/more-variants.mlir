// More overloads at opset 17 (generic torch.operator ops included), one
// call each with the schema's simplest arguments on a [2,3] tensor, or on a
// 3-d/5-d input for the 1-d/3-d pools, pads and upsamples: conj/real views,
// flips, adjoint, inner/addr/addbmm, median, argwhere, pads, 3-d pools,
// pairwise_distance, soft_margin/nll losses, std_mean, 1-d/3-d upsamples;
// each with its ONNX form and refined result type.
// RUN: torch-onnx-opt %s --split-input-file --torch-refine-types --convert-torch-to-onnx=opset=17 | FileCheck %s

// aten.conj, aten.conj_physical, aten.resolve_conj, aten.resolve_neg, aten.adjoint, aten.mH, aten.matrix_H, aten.real, aten.isreal, aten.fliplr, aten.flipud, aten.logaddexp2, aten.special_xlogy, aten.inner, aten.median, aten.median.dim, aten.nanmedian, aten.argwhere, aten.atleast_1d, aten.reflection_pad1d, aten.replication_pad2d, aten.pairwise_distance, aten.soft_margin_loss, aten.view_as, aten.copysign.Scalar, aten.moveaxis.int, aten.moveaxis.intlist, aten.std_mean, aten.std_mean.dim, aten.std_mean.correction, aten.any.dims, aten.nll_loss, aten.index_fill.int_Tensor
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
// CHECK: %[[R2:.*]] = onnx.Identity(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R3:.*]] = onnx.Identity(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R4:.*]] = onnx.Identity(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[R5:.*]] = onnx.Transpose(%[[X]]) {perm = [1, 0]} : (tensor<2x3xf32>) -> tensor<3x2xf32>
// CHECK: %[[R6:.*]] = onnx.Transpose(%[[X]]) {perm = [1, 0]} : (tensor<2x3xf32>) -> tensor<3x2xf32>
// CHECK: %[[R7:.*]] = onnx.Transpose(%[[X]]) {perm = [1, 0]} : (tensor<2x3xf32>) -> tensor<3x2xf32>
// CHECK: %[[R8:.*]] = onnx.Identity(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[C8:.*]] = onnx.Initializer {{.*}} = dense<true> : tensor<i1>
// CHECK: %[[R9:.*]] = onnx.Shape(%[[X]]) {start = 0 : i64}
// CHECK: %[[R10:.*]] = onnx.Expand(%[[C8]], %[[R9]]) : (tensor<i1>, tensor<?xi64>) -> tensor<2x3xi1>
// CHECK: %[[C9:.*]] = onnx.Initializer {{.*}} = dense<-1> : tensor<1xi64>
// CHECK: %[[C10:.*]] = onnx.Initializer {{.*}} = dense<-1> : tensor<1xi64>
// CHECK: %[[C11:.*]] = onnx.Initializer {{.*}} = dense<-9223372036854775808> : tensor<1xi64>
// CHECK: %[[C12:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R11:.*]] = onnx.Slice(%[[X]], %[[C10]], %[[C11]], %[[C12]], %[[C9]]) : (tensor<2x3xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<2x3xf32>
// CHECK: %[[C13:.*]] = onnx.Initializer {{.*}} = dense<-1> : tensor<1xi64>
// CHECK: %[[C14:.*]] = onnx.Initializer {{.*}} = dense<-1> : tensor<1xi64>
// CHECK: %[[C15:.*]] = onnx.Initializer {{.*}} = dense<-9223372036854775808> : tensor<1xi64>
// CHECK: %[[C16:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R12:.*]] = onnx.Slice(%[[X]], %[[C14]], %[[C15]], %[[C16]], %[[C13]]) : (tensor<2x3xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<2x3xf32>
// CHECK: %[[R13:.*]] = onnx.Max(%[[X]], %[[X]])
// CHECK: %[[R14:.*]] = onnx.Sub(%[[X]], %[[X]])
// CHECK: %[[R15:.*]] = onnx.Abs(%[[R14]])
// CHECK: %[[R16:.*]] = onnx.Neg(%[[R15]])
// CHECK: %[[C17:.*]] = onnx.Initializer {{.*}} = dense<1.000000e+00> : tensor<f32>
// CHECK: %[[C18:.*]] = onnx.Initializer {{.*}} = dense<2.000000e+00> : tensor<f32>
// CHECK: %[[R17:.*]] = onnx.Pow(%[[C18]], %[[R16]])
// CHECK: %[[R18:.*]] = onnx.Add(%[[C17]], %[[R17]])
// CHECK: %[[R19:.*]] = onnx.Log(%[[R18]])
// CHECK: %[[C19:.*]] = onnx.Initializer {{.*}} = dense<0.693147182> : tensor<f32>
// CHECK: %[[R20:.*]] = onnx.Div(%[[R19]], %[[C19]])
// CHECK: %[[R21:.*]] = onnx.Add(%[[R13]], %[[R20]]) : (tensor<*xf32>, tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[R22:.*]] = onnx.Log(%[[X]])
// CHECK: %[[R23:.*]] = onnx.Mul(%[[X]], %[[R22]])
// CHECK: %[[C20:.*]] = onnx.Initializer {{.*}} = dense<0.000000e+00> : tensor<f32>
// CHECK: %[[R24:.*]] = onnx.Equal(%[[X]], %[[C20]])
// CHECK: %[[R25:.*]] = onnx.IsNaN(%[[X]])
// CHECK: %[[R26:.*]] = onnx.Not(%[[R25]])
// CHECK: %[[R27:.*]] = onnx.And(%[[R24]], %[[R26]])
// CHECK: %[[C21:.*]] = onnx.Initializer {{.*}} = dense<0.000000e+00> : tensor<f32>
// CHECK: %[[R28:.*]] = onnx.Where(%[[R27]], %[[C21]], %[[R23]]) : (tensor<*xi1>, tensor<f32>, tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[C22:.*]] = onnx.Initializer {{.*}} = dense<[-1, 3]> : tensor<2xi64>
// CHECK: %[[R29:.*]] = onnx.Reshape(%[[X]], %[[C22]]) {allowzero = 0 : i64}
// CHECK: %[[C23:.*]] = onnx.Initializer {{.*}} = dense<[-1, 3]> : tensor<2xi64>
// CHECK: %[[R30:.*]] = onnx.Reshape(%[[X]], %[[C23]]) {allowzero = 0 : i64}
// CHECK: %[[R31:.*]] = onnx.Transpose(%[[R30]]) {perm = [1, 0]}
// CHECK: %[[R32:.*]] = onnx.MatMul(%[[R29]], %[[R31]])
// CHECK: %[[R33:.*]] = onnx.Shape(%[[X]]) {start = 0 : i64}
// CHECK: %[[C24:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[C25:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[C26:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R34:.*]] = onnx.Slice(%[[R33]], %[[C24]], %[[C25]], %[[C26]])
// CHECK: %[[R35:.*]] = onnx.Shape(%[[X]]) {start = 0 : i64}
// CHECK: %[[C27:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[C28:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[C29:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R36:.*]] = onnx.Slice(%[[R35]], %[[C27]], %[[C28]], %[[C29]])
// CHECK: %[[R37:.*]] = onnx.Concat(%[[R34]], %[[R36]]) {axis = 0 : i64}
// CHECK: %[[R38:.*]] = onnx.Reshape(%[[R32]], %[[R37]]) {allowzero = 0 : i64} : (tensor<*xf32>, tensor<?xi64>) -> tensor<2x2xf32>
// CHECK: %[[C30:.*]] = onnx.Initializer {{.*}} = dense<-1> : tensor<1xi64>
// CHECK: %[[R39:.*]] = onnx.Reshape(%[[X]], %[[C30]]) {allowzero = 0 : i64}
// CHECK: %[[R40:.*]] = onnx.IsNaN(%[[R39]])
// CHECK: %[[C31:.*]] = onnx.Initializer {{.*}} = dense<0x7F800000> : tensor<f32>
// CHECK: %[[C32:.*]] = onnx.Initializer {{.*}} = dense<0x7FC00000> : tensor<f32>
// CHECK: %[[R41:.*]] = onnx.Where(%[[R40]], %[[C31]], %[[R39]])
// CHECK: %[[R42:.*]] = onnx.Shape(%[[R39]]) {start = 0 : i64}
// CHECK: %[[C33:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R43:.*]] = onnx.Gather(%[[R42]], %[[C33]]) {axis = 0 : i64}
// CHECK: %[[R44:.*]]:2 = onnx.TopK(%[[R41]], %[[R43]]) {axis = 0 : i64, largest = 0 : i64, sorted = 1 : i64}
// CHECK: %[[R45:.*]] = onnx.Cast(%[[R40]]) {to = 7 : i64}
// CHECK: %[[C34:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R46:.*]] = onnx.ReduceSum(%[[R45]], %[[C34]]) {keepdims = 1 : i64, noop_with_empty_axes = 0 : i64}
// CHECK: %[[R47:.*]] = onnx.Shape(%[[R39]]) {start = 0 : i64}
// CHECK: %[[C35:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R48:.*]] = onnx.Gather(%[[R47]], %[[C35]]) {axis = 0 : i64}
// CHECK: %[[C36:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R49:.*]] = onnx.Sub(%[[R48]], %[[C36]])
// CHECK: %[[C37:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[R50:.*]] = onnx.Div(%[[R49]], %[[C37]])
// CHECK: %[[C38:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[R51:.*]] = onnx.Less(%[[R48]], %[[C38]])
// CHECK: %[[C39:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R52:.*]] = onnx.Where(%[[R51]], %[[C39]], %[[R50]])
// CHECK: %[[R53:.*]] = onnx.Shape(%[[R46]]) {start = 0 : i64}
// CHECK: %[[R54:.*]] = onnx.Expand(%[[R52]], %[[R53]])
// CHECK: %[[R55:.*]] = onnx.GatherElements(%[[R44]]#0, %[[R54]]) {axis = 0 : i64}
// CHECK: %[[R56:.*]] = onnx.GatherElements(%[[R44]]#1, %[[R54]]) {axis = 0 : i64}
// CHECK: %[[C40:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[R57:.*]] = onnx.Greater(%[[R46]], %[[C40]])
// CHECK: %[[R58:.*]] = onnx.Where(%[[R57]], %[[C32]], %[[R55]])
// CHECK: %[[R59:.*]] = onnx.ArgMax(%[[R45]]) {axis = 0 : i64, keepdims = 1 : i64, select_last_index = 0 : i64}
// CHECK: %[[R60:.*]] = onnx.Where(%[[R57]], %[[R59]], %[[R56]])
// CHECK: %[[C41:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R61:.*]] = onnx.Squeeze(%[[R58]], %[[C41]])
// CHECK: %[[C42:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R63:.*]] = onnx.Identity(%[[R61]]) : (tensor<*xf32>) -> tensor<f32>
// CHECK: %[[R64:.*]] = onnx.IsNaN(%[[X]])
// CHECK: %[[C43:.*]] = onnx.Initializer {{.*}} = dense<0x7F800000> : tensor<f32>
// CHECK: %[[C44:.*]] = onnx.Initializer {{.*}} = dense<0x7FC00000> : tensor<f32>
// CHECK: %[[R65:.*]] = onnx.Where(%[[R64]], %[[C43]], %[[X]])
// CHECK: %[[C45:.*]] = onnx.Initializer {{.*}} = dense<3> : tensor<1xi64>
// CHECK: %[[R66:.*]]:2 = onnx.TopK(%[[R65]], %[[C45]]) {axis = 1 : i64, largest = 0 : i64, sorted = 1 : i64}
// CHECK: %[[R67:.*]] = onnx.Cast(%[[R64]]) {to = 7 : i64}
// CHECK: %[[C46:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R68:.*]] = onnx.ReduceSum(%[[R67]], %[[C46]]) {keepdims = 1 : i64, noop_with_empty_axes = 0 : i64}
// CHECK: %[[C47:.*]] = onnx.Initializer {{.*}} = dense<3> : tensor<1xi64>
// CHECK: %[[C48:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R69:.*]] = onnx.Sub(%[[C47]], %[[C48]])
// CHECK: %[[C49:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[R70:.*]] = onnx.Div(%[[R69]], %[[C49]])
// CHECK: %[[C50:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[R71:.*]] = onnx.Less(%[[C47]], %[[C50]])
// CHECK: %[[C51:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R72:.*]] = onnx.Where(%[[R71]], %[[C51]], %[[R70]])
// CHECK: %[[R73:.*]] = onnx.Shape(%[[R68]]) {start = 0 : i64}
// CHECK: %[[R74:.*]] = onnx.Expand(%[[R72]], %[[R73]])
// CHECK: %[[R75:.*]] = onnx.GatherElements(%[[R66]]#0, %[[R74]]) {axis = 1 : i64}
// CHECK: %[[R76:.*]] = onnx.GatherElements(%[[R66]]#1, %[[R74]]) {axis = 1 : i64}
// CHECK: %[[C52:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[R77:.*]] = onnx.Greater(%[[R68]], %[[C52]])
// CHECK: %[[R78:.*]] = onnx.Where(%[[R77]], %[[C44]], %[[R75]])
// CHECK: %[[R79:.*]] = onnx.ArgMax(%[[R67]]) {axis = 1 : i64, keepdims = 1 : i64, select_last_index = 0 : i64}
// CHECK: %[[R80:.*]] = onnx.Where(%[[R77]], %[[R79]], %[[R76]])
// CHECK: %[[C53:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R81:.*]] = onnx.Squeeze(%[[R78]], %[[C53]])
// CHECK: %[[C54:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R82:.*]] = onnx.Squeeze(%[[R80]], %[[C54]])
// CHECK: %[[R83:.*]] = onnx.Identity(%[[R81]]) : (tensor<*xf32>) -> tensor<2xf32>
// CHECK: %[[C55:.*]] = onnx.Initializer {{.*}} = dense<-1> : tensor<1xi64>
// CHECK: %[[R85:.*]] = onnx.Reshape(%[[X]], %[[C55]]) {allowzero = 0 : i64}
// CHECK: %[[R86:.*]] = onnx.IsNaN(%[[R85]])
// CHECK: %[[C56:.*]] = onnx.Initializer {{.*}} = dense<0x7F800000> : tensor<f32>
// CHECK: %[[C57:.*]] = onnx.Initializer {{.*}} = dense<0x7FC00000> : tensor<f32>
// CHECK: %[[R87:.*]] = onnx.Where(%[[R86]], %[[C56]], %[[R85]])
// CHECK: %[[R88:.*]] = onnx.Shape(%[[R85]]) {start = 0 : i64}
// CHECK: %[[C58:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R89:.*]] = onnx.Gather(%[[R88]], %[[C58]]) {axis = 0 : i64}
// CHECK: %[[R90:.*]]:2 = onnx.TopK(%[[R87]], %[[R89]]) {axis = 0 : i64, largest = 0 : i64, sorted = 1 : i64}
// CHECK: %[[R91:.*]] = onnx.Cast(%[[R86]]) {to = 7 : i64}
// CHECK: %[[C59:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R92:.*]] = onnx.ReduceSum(%[[R91]], %[[C59]]) {keepdims = 1 : i64, noop_with_empty_axes = 0 : i64}
// CHECK: %[[R93:.*]] = onnx.Shape(%[[R85]]) {start = 0 : i64}
// CHECK: %[[C60:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R94:.*]] = onnx.Gather(%[[R93]], %[[C60]]) {axis = 0 : i64}
// CHECK: %[[R95:.*]] = onnx.Sub(%[[R94]], %[[R92]])
// CHECK: %[[C61:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R96:.*]] = onnx.Sub(%[[R95]], %[[C61]])
// CHECK: %[[C62:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[R97:.*]] = onnx.Div(%[[R96]], %[[C62]])
// CHECK: %[[C63:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[R98:.*]] = onnx.Less(%[[R95]], %[[C63]])
// CHECK: %[[C64:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R99:.*]] = onnx.Where(%[[R98]], %[[C64]], %[[R97]])
// CHECK: %[[R100:.*]] = onnx.Shape(%[[R92]]) {start = 0 : i64}
// CHECK: %[[R101:.*]] = onnx.Expand(%[[R99]], %[[R100]])
// CHECK: %[[R102:.*]] = onnx.GatherElements(%[[R90]]#0, %[[R101]]) {axis = 0 : i64}
// CHECK: %[[R103:.*]] = onnx.GatherElements(%[[R90]]#1, %[[R101]]) {axis = 0 : i64}
// CHECK: %[[R104:.*]] = onnx.Where(%[[R98]], %[[C57]], %[[R102]])
// CHECK: %[[C65:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R105:.*]] = onnx.Squeeze(%[[R104]], %[[C65]])
// CHECK: %[[C66:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R107:.*]] = onnx.Identity(%[[R105]]) : (tensor<*xf32>) -> tensor<f32>
// CHECK: %[[R108:.*]] = onnx.NonZero(%[[X]])
// CHECK: %[[R109:.*]] = onnx.Transpose(%[[R108]]) {perm = [1, 0]} : (tensor<*xi64>) -> tensor<?x2xi64>
// CHECK: %[[R110:.*]] = onnx.Identity(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[C67:.*]] = onnx.Initializer {{.*}} = dense<[0, 1, 0, 1]> : tensor<4xi64>
// CHECK: %[[R111:.*]] = onnx.Pad(%[[X]], %[[C67]]) {mode_ = "reflect"} : (tensor<2x3xf32>, tensor<4xi64>) -> tensor<2x5xf32>
// CHECK: %[[C68:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<4xi64>
// CHECK: %[[R112:.*]] = onnx.Pad(%[[X]], %[[C68]]) {mode_ = "edge"} : (tensor<2x3xf32>, tensor<4xi64>) -> tensor<4x5xf32>
// CHECK: %[[R113:.*]] = onnx.Sub(%[[X]], %[[X]])
// CHECK: %[[C69:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R114:.*]] = onnx.Add(%[[R113]], %[[C69]])
// CHECK: %[[R115:.*]] = onnx.Abs(%[[R114]])
// CHECK: %[[C70:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R116:.*]] = onnx.Pow(%[[R115]], %[[C70]])
// CHECK: %[[C71:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R117:.*]] = onnx.ReduceSum(%[[R116]], %[[C71]]) {keepdims = 0 : i64, noop_with_empty_axes = 0 : i64}
// CHECK: %[[C72:.*]] = onnx.Initializer {{.*}} = dense<2.000000e+00> : tensor<f32>
// CHECK: %[[R118:.*]] = onnx.Pow(%[[R117]], %[[C72]]) : (tensor<*xf32>, tensor<f32>) -> tensor<2xf32>
// CHECK: %[[R119:.*]] = onnx.Mul(%[[X]], %[[X]])
// CHECK: %[[R120:.*]] = onnx.Neg(%[[R119]])
// CHECK: %[[R121:.*]] = onnx.Softplus(%[[R120]])
// CHECK: %[[R122:.*]] = onnx.ReduceMean(%[[R121]]) {keepdims = 0 : i64} : (tensor<*xf32>) -> tensor<f32>
// CHECK: %[[R123:.*]] = onnx.Shape(%[[X]]) {start = 0 : i64}
// CHECK: %[[R124:.*]] = onnx.Reshape(%[[X]], %[[R123]]) {allowzero = 0 : i64} : (tensor<2x3xf32>, tensor<?xi64>) -> tensor<2x3xf32>
// CHECK: %[[R125:.*]] = onnx.Abs(%[[X]])
// CHECK: %[[C73:.*]] = onnx.Initializer {{.*}} = dense<0.000000e+00> : tensor<f32>
// CHECK: %[[C74:.*]] = onnx.Initializer {{.*}} = dense<0.000000e+00> : tensor<f32>
// CHECK: %[[R126:.*]] = onnx.Equal(%[[C3]], %[[C74]])
// CHECK: %[[C75:.*]] = onnx.Initializer {{.*}} = dense<1.000000e+00> : tensor<f32>
// CHECK: %[[R127:.*]] = onnx.Div(%[[C75]], %[[C3]])
// CHECK: %[[R128:.*]] = onnx.Less(%[[R127]], %[[C73]])
// CHECK: %[[R129:.*]] = onnx.And(%[[R126]], %[[R128]])
// CHECK: %[[R130:.*]] = onnx.Less(%[[C3]], %[[C73]])
// CHECK: %[[R131:.*]] = onnx.Or(%[[R130]], %[[R129]])
// CHECK: %[[R132:.*]] = onnx.Neg(%[[R125]])
// CHECK: %[[R133:.*]] = onnx.Where(%[[R131]], %[[R132]], %[[R125]]) : (tensor<*xi1>, tensor<*xf32>, tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[R134:.*]] = onnx.Transpose(%[[X]]) {perm = [0, 1]} : tensor<2x3xf32>
// CHECK: %[[R135:.*]] = onnx.Transpose(%[[X]]) {perm = [0, 1]} : tensor<2x3xf32>
// CHECK: %[[R136:.*]] = onnx.ReduceMean(%[[X]]) {keepdims = 1 : i64}
// CHECK: %[[R137:.*]] = onnx.Sub(%[[X]], %[[R136]])
// CHECK: %[[R138:.*]] = onnx.Mul(%[[R137]], %[[R137]])
// CHECK: %[[R139:.*]] = onnx.ReduceSum(%[[R138]]) {keepdims = 0 : i64, noop_with_empty_axes = 0 : i64}
// CHECK: %[[R140:.*]] = onnx.Size(%[[X]])
// CHECK: %[[R141:.*]] = onnx.Cast(%[[R140]]) {to = 1 : i64}
// CHECK: %[[R142:.*]] = onnx.Size(%[[R136]])
// CHECK: %[[R143:.*]] = onnx.Cast(%[[R142]]) {to = 1 : i64}
// CHECK: %[[R144:.*]] = onnx.Div(%[[R141]], %[[R143]])
// CHECK: %[[R145:.*]] = onnx.Div(%[[R139]], %[[R144]])
// CHECK: %[[R146:.*]] = onnx.Sqrt(%[[R145]]) : (tensor<*xf32>) -> tensor<f32>
// CHECK: %[[R148:.*]] = onnx.ReduceMean(%[[X]]) {keepdims = 1 : i64}
// CHECK: %[[R149:.*]] = onnx.Sub(%[[X]], %[[R148]])
// CHECK: %[[R150:.*]] = onnx.Mul(%[[R149]], %[[R149]])
// CHECK: %[[R151:.*]] = onnx.ReduceSum(%[[R150]]) {keepdims = 0 : i64, noop_with_empty_axes = 0 : i64}
// CHECK: %[[R152:.*]] = onnx.Size(%[[X]])
// CHECK: %[[R153:.*]] = onnx.Cast(%[[R152]]) {to = 1 : i64}
// CHECK: %[[R154:.*]] = onnx.Size(%[[R148]])
// CHECK: %[[R155:.*]] = onnx.Cast(%[[R154]]) {to = 1 : i64}
// CHECK: %[[R156:.*]] = onnx.Div(%[[R153]], %[[R155]])
// CHECK: %[[R157:.*]] = onnx.Div(%[[R151]], %[[R156]])
// CHECK: %[[R158:.*]] = onnx.Sqrt(%[[R157]]) : (tensor<*xf32>) -> tensor<f32>
// CHECK: %[[R160:.*]] = onnx.ReduceMean(%[[X]]) {keepdims = 1 : i64}
// CHECK: %[[R161:.*]] = onnx.Sub(%[[X]], %[[R160]])
// CHECK: %[[R162:.*]] = onnx.Mul(%[[R161]], %[[R161]])
// CHECK: %[[R163:.*]] = onnx.ReduceSum(%[[R162]]) {keepdims = 0 : i64, noop_with_empty_axes = 0 : i64}
// CHECK: %[[R164:.*]] = onnx.Size(%[[X]])
// CHECK: %[[R165:.*]] = onnx.Cast(%[[R164]]) {to = 1 : i64}
// CHECK: %[[R166:.*]] = onnx.Size(%[[R160]])
// CHECK: %[[R167:.*]] = onnx.Cast(%[[R166]]) {to = 1 : i64}
// CHECK: %[[R168:.*]] = onnx.Div(%[[R165]], %[[R167]])
// CHECK: %[[C76:.*]] = onnx.Initializer {{.*}} = dense<1.000000e+00> : tensor<f32>
// CHECK: %[[R169:.*]] = onnx.Sub(%[[R168]], %[[C76]])
// CHECK: %[[R170:.*]] = onnx.Div(%[[R163]], %[[R169]])
// CHECK: %[[R171:.*]] = onnx.Sqrt(%[[R170]]) : (tensor<*xf32>) -> tensor<f32>
// CHECK: %[[R173:.*]] = onnx.Cast(%[[X]]) {to = 9 : i64}
// CHECK: %[[R174:.*]] = onnx.Cast(%[[R173]]) {to = 6 : i64}
// CHECK: %[[R175:.*]] = onnx.ReduceMax(%[[R174]]) {keepdims = 0 : i64}
// CHECK: %[[R176:.*]] = onnx.Cast(%[[R175]]) {to = 9 : i64} : (tensor<*xi32>) -> tensor<i1>
// CHECK: %[[R177:.*]] = onnx.Cast(%[[X]]) {to = 7 : i64}
// CHECK: %[[R178:.*]] = onnx.NegativeLogLikelihoodLoss(%[[X]], %[[R177]]) {ignore_index = 1 : i64, reduction = "mean"} : (tensor<2x3xf32>, tensor<2x3xi64>) -> tensor<f32>
// CHECK: %[[R179:.*]] = onnx.Cast(%[[X]]) {to = 7 : i64}
// CHECK: %[[R180:.*]] = onnx.Gather(%[[X]], %[[R179]]) {axis = 1 : i64}
// CHECK: %[[R181:.*]] = onnx.Shape(%[[R180]]) {start = 0 : i64}
// CHECK: %[[R182:.*]] = onnx.Expand(%[[X]], %[[R181]])
// CHECK: %[[C77:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R183:.*]] = onnx.Unsqueeze(%[[R179]], %[[C77]])
// CHECK: %[[R184:.*]] = onnx.Expand(%[[R183]], %[[R181]])
// CHECK: %[[R185:.*]] = onnx.ScatterElements(%[[X]], %[[R184]], %[[R182]]) {axis = 1 : i64, reduction = "none"} : (tensor<2x3xf32>, tensor<*xi64>, tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: return %[[R1]], %[[R2]], %[[R3]], %[[R4]], %[[R5]], %[[R6]], %[[R7]], %[[R8]], %[[R10]], %[[R11]], %[[R12]], %[[R21]], %[[R28]], %[[R38]], %[[R63]], %[[R83]], %[[R107]], %[[R109]], %[[R110]], %[[R111]], %[[R112]], %[[R118]], %[[R122]], %[[R124]], %[[R133]], %[[R134]], %[[R135]], %[[R146]], %[[R158]], %[[R171]], %[[R176]], %[[R178]], %[[R185]]
func.func @forward(%x: !torch.vtensor<[2,3],f32>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %none = torch.constant.none
  %false = torch.constant.bool false
  %c1 = torch.constant.int 1
  %c0 = torch.constant.int 0
  %f = torch.constant.float 5.000000e-01
  %l1 = torch.prim.ListConstruct %c1 : (!torch.int) -> !torch.list<int>
  %l11 = torch.prim.ListConstruct %c1, %c1 : (!torch.int, !torch.int) -> !torch.list<int>
  %l111 = torch.prim.ListConstruct %c1, %c1, %c1 : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
  %l1111 = torch.prim.ListConstruct %c1, %c1, %c1, %c1 : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
  %r0 = torch.operator "aten::conj"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r1 = torch.operator "aten::conj_physical"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r2 = torch.operator "aten::resolve_conj"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r3 = torch.operator "aten::resolve_neg"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r4 = torch.operator "aten::adjoint"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r5 = torch.operator "aten::mH"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r6 = torch.operator "aten::matrix_H"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r7 = torch.operator "aten::real"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r8 = torch.operator "aten::isreal"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r9 = torch.operator "aten::fliplr"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r10 = torch.operator "aten::flipud"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r11 = torch.operator "aten::logaddexp2"(%x, %x) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r12 = torch.operator "aten::special_xlogy"(%x, %x) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r13 = torch.operator "aten::inner"(%x, %x) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r16 = torch.operator "aten::median"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r17:2 = torch.operator "aten::median.dim"(%x, %c1, %false) : (!torch.vtensor<[2,3],f32>, !torch.int, !torch.bool) -> (!torch.vtensor, !torch.vtensor)
  %r18 = torch.operator "aten::nanmedian"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r19 = torch.operator "aten::argwhere"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r20 = torch.operator "aten::atleast_1d"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r21 = torch.aten.reflection_pad1d %x, %l11 : (!torch.vtensor<[2,3],f32>, !torch.list<int>) -> !torch.vtensor
  %r22 = torch.aten.replication_pad2d %x, %l1111 : (!torch.vtensor<[2,3],f32>, !torch.list<int>) -> !torch.vtensor
  %r27 = torch.operator "aten::pairwise_distance"(%x, %x, %f, %f, %false) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>, !torch.float, !torch.float, !torch.bool) -> !torch.vtensor
  %r28 = torch.operator "aten::soft_margin_loss"(%x, %x, %c1) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>, !torch.int) -> !torch.vtensor
  %r30 = torch.aten.view_as %x, %x : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %r31 = torch.operator "aten::copysign.Scalar"(%x, %f) : (!torch.vtensor<[2,3],f32>, !torch.float) -> !torch.vtensor
  %r32 = torch.operator "aten::moveaxis.int"(%x, %c1, %c1) : (!torch.vtensor<[2,3],f32>, !torch.int, !torch.int) -> !torch.vtensor
  %r33 = torch.operator "aten::moveaxis.intlist"(%x, %l1, %l1) : (!torch.vtensor<[2,3],f32>, !torch.list<int>, !torch.list<int>) -> !torch.vtensor
  %r34:2 = torch.operator "aten::std_mean"(%x, %false) : (!torch.vtensor<[2,3],f32>, !torch.bool) -> (!torch.vtensor, !torch.vtensor)
  %r35:2 = torch.operator "aten::std_mean.dim"(%x, %none, %false, %false) : (!torch.vtensor<[2,3],f32>, !torch.none, !torch.bool, !torch.bool) -> (!torch.vtensor, !torch.vtensor)
  %r36:2 = torch.operator "aten::std_mean.correction"(%x, %none, %none, %false) : (!torch.vtensor<[2,3],f32>, !torch.none, !torch.none, !torch.bool) -> (!torch.vtensor, !torch.vtensor)
  %r40 = torch.aten.any.dims %x, %none, %false : (!torch.vtensor<[2,3],f32>, !torch.none, !torch.bool) -> !torch.vtensor
  %r41 = torch.operator "aten::nll_loss"(%x, %x, %none, %c1, %c1) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>, !torch.none, !torch.int, !torch.int) -> !torch.vtensor
  %r42 = torch.operator "aten::index_fill.int_Tensor"(%x, %c1, %x, %x) : (!torch.vtensor<[2,3],f32>, !torch.int, !torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>) -> !torch.vtensor
  return %r0, %r1, %r2, %r3, %r4, %r5, %r6, %r7, %r8, %r9, %r10, %r11, %r12, %r13, %r16, %r17#0, %r18, %r19, %r20, %r21, %r22, %r27, %r28, %r30, %r31, %r32, %r33, %r34#0, %r35#0, %r36#0, %r40, %r41, %r42 : !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor
}

// -----

// aten.addr
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<3xf32>
// CHECK: %[[C0:.*]] = onnx.Initializer {{.*}} = dense<false> : tensor<i1>
// CHECK: %[[C1:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[C2:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[C3:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[C4:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[C5:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<2xi64>
// CHECK: %[[C6:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<3xi64>
// CHECK: %[[C7:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<4xi64>
// CHECK: %[[C8:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R1:.*]] = onnx.Unsqueeze(%[[X]], %[[C8]])
// CHECK: %[[C9:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R2:.*]] = onnx.Unsqueeze(%[[X]], %[[C9]])
// CHECK: %[[R3:.*]] = onnx.Mul(%[[R1]], %[[R2]])
// CHECK: %[[C10:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R4:.*]] = onnx.Mul(%[[R3]], %[[C10]])
// CHECK: %[[C11:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R5:.*]] = onnx.Mul(%[[X]], %[[C11]])
// CHECK: %[[R6:.*]] = onnx.Add(%[[R5]], %[[R4]]) : (tensor<*xf32>, tensor<*xf32>) -> tensor<3x3xf32>
// CHECK: return %[[R6]]
func.func @forward(%x: !torch.vtensor<[3],f32>) -> (!torch.vtensor) {
  %none = torch.constant.none
  %false = torch.constant.bool false
  %c1 = torch.constant.int 1
  %c0 = torch.constant.int 0
  %f = torch.constant.float 5.000000e-01
  %l1 = torch.prim.ListConstruct %c1 : (!torch.int) -> !torch.list<int>
  %l11 = torch.prim.ListConstruct %c1, %c1 : (!torch.int, !torch.int) -> !torch.list<int>
  %l111 = torch.prim.ListConstruct %c1, %c1, %c1 : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
  %l1111 = torch.prim.ListConstruct %c1, %c1, %c1, %c1 : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
  %r14 = torch.operator "aten::addr"(%x, %x, %x, %f, %f) : (!torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>, !torch.float, !torch.float) -> !torch.vtensor
  return %r14 : !torch.vtensor
}

// -----

// aten.addbmm, aten.upsample_nearest1d
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<1x2x8xf32>
// CHECK: %[[C0:.*]] = onnx.Initializer {{.*}} = dense<false> : tensor<i1>
// CHECK: %[[C1:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[C2:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[C3:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[C4:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[C5:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<2xi64>
// CHECK: %[[C6:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<3xi64>
// CHECK: %[[C7:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<4xi64>
// CHECK: %[[R1:.*]] = onnx.MatMul(%[[X]], %[[X]])
// CHECK: %[[C8:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R2:.*]] = onnx.ReduceSum(%[[R1]], %[[C8]]) {keepdims = 0 : i64, noop_with_empty_axes = 0 : i64}
// CHECK: %[[C9:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R3:.*]] = onnx.Mul(%[[R2]], %[[C9]])
// CHECK: %[[C10:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[R4:.*]] = onnx.Mul(%[[X]], %[[C10]])
// CHECK: %[[R5:.*]] = onnx.Add(%[[R4]], %[[R3]]) : (tensor<*xf32>, tensor<*xf32>) -> tensor<2x8xf32>
// CHECK: %[[C11:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R6:.*]] = onnx.Shape(%[[X]]) {start = 0 : i64}
// CHECK: %[[C12:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[C13:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[C14:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R7:.*]] = onnx.Slice(%[[R6]], %[[C12]], %[[C13]], %[[C14]])
// CHECK: %[[R8:.*]] = onnx.Concat(%[[R7]], %[[C11]]) {axis = 0 : i64}
// CHECK: %[[R9:.*]] = onnx.Resize(%[[X]], none, none, %[[R8]]) {coordinate_transformation_mode = "asymmetric", cubic_coeff_a = -7.500000e-01 : f32, exclude_outside = 0 : i64, extrapolation_value = 0.000000e+00 : f32, mode_ = "nearest", nearest_mode = "floor"} : (tensor<1x2x8xf32>, tensor<?xi64>) -> tensor<1x2x1xf32>
// CHECK: return %[[R5]], %[[R9]]
func.func @forward(%x: !torch.vtensor<[1,2,8],f32>) -> (!torch.vtensor, !torch.vtensor) {
  %none = torch.constant.none
  %false = torch.constant.bool false
  %c1 = torch.constant.int 1
  %c0 = torch.constant.int 0
  %f = torch.constant.float 5.000000e-01
  %l1 = torch.prim.ListConstruct %c1 : (!torch.int) -> !torch.list<int>
  %l11 = torch.prim.ListConstruct %c1, %c1 : (!torch.int, !torch.int) -> !torch.list<int>
  %l111 = torch.prim.ListConstruct %c1, %c1, %c1 : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
  %l1111 = torch.prim.ListConstruct %c1, %c1, %c1, %c1 : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
  %r15 = torch.operator "aten::addbmm"(%x, %x, %x, %f, %f) : (!torch.vtensor<[1,2,8],f32>, !torch.vtensor<[1,2,8],f32>, !torch.vtensor<[1,2,8],f32>, !torch.float, !torch.float) -> !torch.vtensor
  %r37 = torch.operator "aten::upsample_nearest1d"(%x, %l1, %none) : (!torch.vtensor<[1,2,8],f32>, !torch.list<int>, !torch.none) -> !torch.vtensor
  return %r15, %r37 : !torch.vtensor, !torch.vtensor
}

// -----

// aten.max_pool3d, aten.avg_pool3d, aten.adaptive_avg_pool3d, aten.adaptive_max_pool3d, aten.upsample_nearest3d, aten.upsample_trilinear3d
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
// CHECK: %[[R1:.*]] = onnx.MaxPool(%[[X]]) {auto_pad = "NOTSET", ceil_mode = 0 : i64, dilations = [1, 1, 1], kernel_shape = [1, 1, 1], pads = [1, 1, 1, 1, 1, 1], storage_order = 0 : i64, strides = [1, 1, 1]} : (tensor<1x2x4x4x4xf32>) -> tensor<1x2x6x6x6xf32>
// CHECK: %[[R2:.*]] = onnx.AveragePool(%[[X]]) {auto_pad = "NOTSET", ceil_mode = 0 : i64, count_include_pad = 0 : i64, kernel_shape = [1, 1, 1], pads = [1, 1, 1, 1, 1, 1], strides = [1, 1, 1]} : (tensor<1x2x4x4x4xf32>) -> tensor<1x2x6x6x6xf32>
// CHECK: %[[R3:.*]] = onnx.GlobalAveragePool(%[[X]]) : (tensor<1x2x4x4x4xf32>) -> tensor<1x2x1x1x1xf32>
// CHECK: %[[R4:.*]] = onnx.GlobalMaxPool(%[[X]]) : (tensor<1x2x4x4x4xf32>) -> tensor<1x2x1x1x1xf32>
// CHECK: %[[C8:.*]] = onnx.Initializer {{.*}} = dense<> : tensor<0xi64>
// CHECK: %[[C9:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<3xi64>
// CHECK: %[[R5:.*]] = onnx.Shape(%[[X]]) {start = 0 : i64}
// CHECK: %[[C10:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[C11:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[C12:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R6:.*]] = onnx.Slice(%[[R5]], %[[C10]], %[[C11]], %[[C12]])
// CHECK: %[[R7:.*]] = onnx.Concat(%[[R6]], %[[C9]]) {axis = 0 : i64}
// CHECK: %[[R8:.*]] = onnx.Resize(%[[X]], none, none, %[[R7]]) {coordinate_transformation_mode = "asymmetric", cubic_coeff_a = -7.500000e-01 : f32, exclude_outside = 0 : i64, extrapolation_value = 0.000000e+00 : f32, mode_ = "nearest", nearest_mode = "floor"} : (tensor<1x2x4x4x4xf32>, tensor<?xi64>) -> tensor<1x2x1x1x1xf32>
// CHECK: %[[C13:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<3xi64>
// CHECK: %[[R9:.*]] = onnx.Shape(%[[X]]) {start = 0 : i64}
// CHECK: %[[C14:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[C15:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[C16:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R10:.*]] = onnx.Slice(%[[R9]], %[[C14]], %[[C15]], %[[C16]])
// CHECK: %[[R11:.*]] = onnx.Concat(%[[R10]], %[[C13]]) {axis = 0 : i64}
// CHECK: %[[R12:.*]] = onnx.Resize(%[[X]], none, none, %[[R11]]) {coordinate_transformation_mode = "pytorch_half_pixel", cubic_coeff_a = -7.500000e-01 : f32, exclude_outside = 0 : i64, extrapolation_value = 0.000000e+00 : f32, mode_ = "linear", nearest_mode = "round_prefer_floor"} : (tensor<1x2x4x4x4xf32>, tensor<?xi64>) -> tensor<1x2x1x1x1xf32>
// CHECK: return %[[R1]], %[[R2]], %[[R3]], %[[R4]], %[[R8]], %[[R12]]
func.func @forward(%x: !torch.vtensor<[1,2,4,4,4],f32>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %none = torch.constant.none
  %false = torch.constant.bool false
  %c1 = torch.constant.int 1
  %c0 = torch.constant.int 0
  %f = torch.constant.float 5.000000e-01
  %l1 = torch.prim.ListConstruct %c1 : (!torch.int) -> !torch.list<int>
  %l11 = torch.prim.ListConstruct %c1, %c1 : (!torch.int, !torch.int) -> !torch.list<int>
  %l111 = torch.prim.ListConstruct %c1, %c1, %c1 : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
  %l1111 = torch.prim.ListConstruct %c1, %c1, %c1, %c1 : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
  %r23 = torch.aten.max_pool3d %x, %l111, %l111, %l111, %l111, %false : (!torch.vtensor<[1,2,4,4,4],f32>, !torch.list<int>, !torch.list<int>, !torch.list<int>, !torch.list<int>, !torch.bool) -> !torch.vtensor
  %r24 = torch.aten.avg_pool3d %x, %l111, %l111, %l111, %false, %false, %none : (!torch.vtensor<[1,2,4,4,4],f32>, !torch.list<int>, !torch.list<int>, !torch.list<int>, !torch.bool, !torch.bool, !torch.none) -> !torch.vtensor
  %r25 = torch.aten.adaptive_avg_pool3d %x, %l111 : (!torch.vtensor<[1,2,4,4,4],f32>, !torch.list<int>) -> !torch.vtensor
  %r26:2 = torch.operator "aten::adaptive_max_pool3d"(%x, %l111) : (!torch.vtensor<[1,2,4,4,4],f32>, !torch.list<int>) -> (!torch.vtensor, !torch.vtensor)
  %r38 = torch.operator "aten::upsample_nearest3d"(%x, %l111, %none, %none, %none) : (!torch.vtensor<[1,2,4,4,4],f32>, !torch.list<int>, !torch.none, !torch.none, !torch.none) -> !torch.vtensor
  %r39 = torch.operator "aten::upsample_trilinear3d"(%x, %l111, %false, %none, %none, %none) : (!torch.vtensor<[1,2,4,4,4],f32>, !torch.list<int>, !torch.bool, !torch.none, !torch.none, !torch.none) -> !torch.vtensor
  return %r23, %r24, %r25, %r26#0, %r38, %r39 : !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor
}
