// Linear-algebra lowerings (LinearAlgebra.cpp): cross, diagonal, tensordot,
// det/logdet, matrix norms and the refusal of norms that need an SVD.
// RUN: torch-onnx-opt %s --split-input-file --verify-diagnostics --torch-refine-types --convert-torch-to-onnx=opset=17 | FileCheck %s

// cross: two rotations of each operand along dim -1 (= 1).
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[A:[^:]*]]: tensor<4x3xf32> {onnx.name = "a"}, %[[B:[^:]*]]: tensor<4x3xf32>
// CHECK: %[[R120:.*]] = onnx.Initializer {{.*}} = dense<[1, 2, 0]>
// CHECK: %[[A1:.*]] = onnx.Gather(%[[A]], %[[R120]]) {axis = 1 : i64}
// CHECK: %[[R201:.*]] = onnx.Initializer {{.*}} = dense<[2, 0, 1]>
// CHECK: %[[A2:.*]] = onnx.Gather(%[[A]], %[[R201]]) {axis = 1 : i64}
// CHECK: %[[B1:.*]] = onnx.Gather(%[[B]], %{{.*}}) {axis = 1 : i64}
// CHECK: %[[B2:.*]] = onnx.Gather(%[[B]], %{{.*}}) {axis = 1 : i64}
// CHECK: %[[P:.*]] = onnx.Mul(%[[A1]], %[[B2]])
// CHECK: %[[Q:.*]] = onnx.Mul(%[[A2]], %[[B1]])
// CHECK: %[[R:.*]] = onnx.Sub(%[[P]], %[[Q]]) {{.*}}tensor<4x3xf32>
// CHECK: return %[[R]]
func.func @forward(%a: !torch.vtensor<[4,3],f32> {torch.name = "a"}, %b: !torch.vtensor<[4,3],f32> {torch.name = "b"}) -> !torch.vtensor {
  %m1 = torch.constant.int -1
  %r = torch.operator "aten::linalg_cross"(%a, %b, %m1) : (!torch.vtensor<[4,3],f32>, !torch.vtensor<[4,3],f32>, !torch.int) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// diagonal(offset=1, dim1=2, dim2=1): dims (2, 1) moved last and
// flattened (4 x 3), the diagonal's flat positions 0*3+1 and 1*3+2.
// CHECK-LABEL: func.func @main_graph(
// CHECK: %[[T:.*]] = onnx.Transpose(%arg0) {perm = [0, 2, 1]}
// CHECK: %[[S:.*]] = onnx.Initializer {{.*}} = dense<[0, 12]>
// CHECK: %[[F:.*]] = onnx.Reshape(%[[T]], %[[S]])
// CHECK: %[[I:.*]] = onnx.Initializer {{.*}} = dense<[1, 5]>
// CHECK: %[[R:.*]] = onnx.Gather(%[[F]], %[[I]]) {axis = 1 : i64{{.*}}tensor<2x2xf32>
// CHECK: return %[[R]]
func.func @forward(%x: !torch.vtensor<[2,3,4],f32> {torch.name = "x"}) -> !torch.vtensor {
  %off = torch.constant.int 1
  %d1 = torch.constant.int 2
  %d2 = torch.constant.int 1
  %r = torch.operator "aten::diagonal"(%x, %off, %d1, %d2) : (!torch.vtensor<[2,3,4],f32>, !torch.int, !torch.int, !torch.int) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// tensordot over a's (1, 2) and b's (1, 0): b permuted to (1, 0, 2), a
// [2, 12] x [12, 5] product reshaped to the free dims.
// CHECK-LABEL: func.func @main_graph(
// CHECK-NOT: onnx.Transpose(%arg0)
// CHECK: %[[BT:.*]] = onnx.Transpose(%arg1) {perm = [1, 0, 2]}
// CHECK: %[[AS:.*]] = onnx.Initializer {{.*}} = dense<[-1, 12]>
// CHECK: %[[A2:.*]] = onnx.Reshape(%arg0, %[[AS]])
// CHECK: %[[BS:.*]] = onnx.Initializer {{.*}} = dense<[12, -1]>
// CHECK: %[[B2:.*]] = onnx.Reshape(%[[BT]], %[[BS]])
// CHECK: %[[M:.*]] = onnx.MatMul(%[[A2]], %[[B2]])
// CHECK: %[[R:.*]] = onnx.Reshape(%[[M]], %{{.*}}) {{.*}}tensor<2x5xf32>
// CHECK: return %[[R]]
func.func @forward(%a: !torch.vtensor<[2,3,4],f32> {torch.name = "a"}, %b: !torch.vtensor<[4,3,5],f32> {torch.name = "b"}) -> !torch.vtensor {
  %c1 = torch.constant.int 1
  %c2 = torch.constant.int 2
  %c0 = torch.constant.int 0
  %da = torch.prim.ListConstruct %c1, %c2 : (!torch.int, !torch.int) -> !torch.list<int>
  %db = torch.prim.ListConstruct %c1, %c0 : (!torch.int, !torch.int) -> !torch.list<int>
  %r = torch.operator "aten::tensordot"(%a, %b, %da, %db) : (!torch.vtensor<[2,3,4],f32>, !torch.vtensor<[4,3,5],f32>, !torch.list<int>, !torch.list<int>) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// det and logdet (log of det: NaN below 0, -inf at 0, as torch).
// CHECK-LABEL: func.func @main_graph(
// CHECK: %[[D:.*]] = onnx.Det(%arg0) : (tensor<2x3x3xf32>) -> tensor<2xf32>
// CHECK: %[[D2:.*]] = onnx.Det(%arg0)
// CHECK: %[[L:.*]] = onnx.Log(%[[D2]]) {{.*}}tensor<2xf32>
// CHECK: return %[[D]], %[[L]]
func.func @forward(%x: !torch.vtensor<[2,3,3],f32> {torch.name = "x"}) -> (!torch.vtensor, !torch.vtensor) {
  %d = torch.operator "aten::linalg_det"(%x) : (!torch.vtensor<[2,3,3],f32>) -> !torch.vtensor
  %l = torch.operator "aten::logdet"(%x) : (!torch.vtensor<[2,3,3],f32>) -> !torch.vtensor
  return %d, %l : !torch.vtensor, !torch.vtensor
}

// -----

// Matrix norms: ord=inf is the largest row sum of |x| (sum over the last
// dim, max over the one before); 'fro' is ReduceL2 over both.
// CHECK-LABEL: func.func @main_graph(
// CHECK: %[[ABS:.*]] = onnx.Abs(%arg0)
// CHECK: %[[AX:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[SUM:.*]] = onnx.ReduceSum(%[[ABS]], %[[AX]]) {keepdims = 1 : i64
// CHECK: %[[MAX:.*]] = onnx.ReduceMax(%[[SUM]]) {axes = [1], keepdims = 1 : i64}
// CHECK: %[[N:.*]] = onnx.Squeeze(%[[MAX]], %{{.*}}) {{.*}}tensor<2xf32>
// CHECK: %[[F:.*]] = onnx.ReduceL2(%arg0) {axes = [1, 2], keepdims = 0 : i64{{.*}}tensor<2xf32>
// CHECK: return %[[N]], %[[F]]
func.func @forward(%x: !torch.vtensor<[2,3,4],f32> {torch.name = "x"}) -> (!torch.vtensor, !torch.vtensor) {
  %inf = torch.constant.float 0x7FF0000000000000
  %c1 = torch.constant.int -2
  %c2 = torch.constant.int -1
  %dims = torch.prim.ListConstruct %c1, %c2 : (!torch.int, !torch.int) -> !torch.list<int>
  %false = torch.constant.bool false
  %none = torch.constant.none
  %fro = torch.constant.str "fro"
  %n = torch.operator "aten::linalg_matrix_norm"(%x, %inf, %dims, %false, %none) : (!torch.vtensor<[2,3,4],f32>, !torch.float, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor
  %f = torch.operator "aten::linalg_norm.ord_str"(%x, %fro, %dims, %false, %none) : (!torch.vtensor<[2,3,4],f32>, !torch.str, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor
  return %n, %f : !torch.vtensor, !torch.vtensor
}

// -----

// The nuclear norm needs singular values: refused with the reason.
func.func @forward(%x: !torch.vtensor<[2,3],f32> {torch.name = "x"}) -> !torch.vtensor {
  %nuc = torch.constant.str "nuc"
  %c1 = torch.constant.int -2
  %c2 = torch.constant.int -1
  %dims = torch.prim.ListConstruct %c1, %c2 : (!torch.int, !torch.int) -> !torch.list<int>
  %false = torch.constant.bool false
  %none = torch.constant.none
  // expected-error @+1 {{cannot convert 'aten.linalg_matrix_norm.str_ord' to ONNX opset 17: matrix norm ord='nuc' needs singular values}}
  %n = torch.operator "aten::linalg_matrix_norm.str_ord"(%x, %nuc, %dims, %false, %none) : (!torch.vtensor<[2,3],f32>, !torch.str, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor
  return %n : !torch.vtensor
}
