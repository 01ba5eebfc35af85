// Long-tail aten ops torch.onnx exports: each one's ONNX form, and the
// opsets where it has none.
// RUN: torch-onnx-opt %s --split-input-file --torch-refine-types --convert-torch-to-onnx=opset=17 | FileCheck %s
// RUN: torch-onnx-opt %s --split-input-file --torch-refine-types --convert-torch-to-onnx=opset=9 --verify-diagnostics | FileCheck %s --check-prefix=O9

// hardshrink (the generated op) and softshrink (a generic torch.operator)
// are Shrink (bias 0 / lambd); log_sigmoid is
// -softplus(-x); isfinite is not(isnan(x - x)).
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3xf32>
// CHECK: %[[H:.*]] = onnx.Shrink(%[[X]]) {bias = 0.000000e+00 : f32, lambd = 3.000000e-01 : f32{{.*}}tensor<2x3xf32>
// CHECK: %[[S:.*]] = onnx.Shrink(%[[X]]) {bias = 5.000000e-01 : f32, lambd = 5.000000e-01 : f32{{.*}}tensor<2x3xf32>
// CHECK: %[[N:.*]] = onnx.Neg(%[[X]])
// CHECK: %[[SP:.*]] = onnx.Softplus(%[[N]])
// CHECK: %[[L:.*]] = onnx.Neg(%[[SP]]) {{.*}}tensor<2x3xf32>
// CHECK: %[[D:.*]] = onnx.Sub(%[[X]], %[[X]])
// CHECK: %[[NAN:.*]] = onnx.IsNaN(%[[D]])
// CHECK: %[[F:.*]] = onnx.Not(%[[NAN]]) {{.*}}tensor<2x3xi1>
// CHECK: return %[[H]], %[[S]], %[[L]], %[[F]]
func.func @forward(%x: !torch.vtensor<[2,3],f32> {torch.name = "x"}) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %l = torch.constant.float 3.000000e-01
  %h = torch.constant.float 5.000000e-01
  %0 = torch.aten.hardshrink %x, %l : (!torch.vtensor<[2,3],f32>, !torch.float) -> !torch.vtensor
  %1 = torch.operator "aten::softshrink"(%x, %h) : (!torch.vtensor<[2,3],f32>, !torch.float) -> !torch.vtensor
  %2 = torch.operator "aten::log_sigmoid"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  %3 = torch.operator "aten::isfinite"(%x) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor
  return %0, %1, %2, %3 : !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor
}

// -----

// flip: a backwards Slice from opset 10; before, a Gather of reversed
// indices per axis where the dim is known.
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3xf32>
// CHECK-DAG: %[[ST:.*]] = onnx.Initializer {{.*}} = dense<-1> : tensor<2xi64>
// CHECK-DAG: %[[EN:.*]] = onnx.Initializer {{.*}} = dense<-9223372036854775808> : tensor<2xi64>
// CHECK-DAG: %[[AX:.*]] = onnx.Initializer {{.*}} = dense<[0, 1]> : tensor<2xi64>
// CHECK: %[[R:.*]] = onnx.Slice(%[[X]], %[[ST]], %[[EN]], %[[AX]], %{{.*}}) {{.*}}tensor<2x3xf32>
// CHECK: return %[[R]]
// O9-LABEL: func.func @main_graph(
// O9: %[[I0:.*]] = onnx.Initializer {{.*}} = dense<[1, 0]> : tensor<2xi64>
// O9: %[[G0:.*]] = onnx.Gather(%{{.*}}, %[[I0]]) {axis = 0 : i64}
// O9: %[[I1:.*]] = onnx.Initializer {{.*}} = dense<[2, 1, 0]> : tensor<3xi64>
// O9: onnx.Gather(%[[G0]], %[[I1]]) {axis = 1 : i64}
func.func @forward(%x: !torch.vtensor<[2,3],f32> {torch.name = "x"}) -> !torch.vtensor {
  %0 = torch.constant.int 0
  %m1 = torch.constant.int -1
  %dims = torch.prim.ListConstruct %0, %m1 : (!torch.int, !torch.int) -> !torch.list<int>
  %r = torch.aten.flip %x, %dims : (!torch.vtensor<[2,3],f32>, !torch.list<int>) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// CHECK-LABEL: func.func @main_graph(
// CHECK: onnx.Slice
func.func @forward(%x: !torch.vtensor<[?,3],f32> {torch.name = "x"}) -> !torch.vtensor {
  %0 = torch.constant.int 0
  %dims = torch.prim.ListConstruct %0 : (!torch.int) -> !torch.list<int>
  // expected-error @+1 {{cannot convert 'aten.flip' to ONNX opset 9: before opset 10 (Slice steps) the flipped dims must be known}}
  %r = torch.aten.flip %x, %dims : (!torch.vtensor<[?,3],f32>, !torch.list<int>) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// linalg_vector_norm: ord inf is max |x|, ord 3 the general p-norm.
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3xf32>
// CHECK: %[[A:.*]] = onnx.Abs(%[[X]])
// CHECK: %[[MAX:.*]] = onnx.ReduceMax(%[[A]]) {axes = [1], keepdims = 0 : i64{{.*}}tensor<2xf32>
// CHECK: %[[A2:.*]] = onnx.Abs(%[[X]])
// CHECK: %[[P:.*]] = onnx.Pow(%[[A2]], %{{.*}})
// CHECK: %[[SUM:.*]] = onnx.ReduceSum(%[[P]], %{{.*}}) {keepdims = 1 : i64
// CHECK: %[[N3:.*]] = onnx.Pow(%[[SUM]], %{{.*}}) {{.*}}tensor<1x3xf32>
// CHECK: return %[[MAX]], %[[N3]]
func.func @forward(%x: !torch.vtensor<[2,3],f32> {torch.name = "x"}) -> (!torch.vtensor, !torch.vtensor) {
  %inf = torch.constant.float 0x7FF0000000000000
  %three = torch.constant.float 3.000000e+00
  %1 = torch.constant.int 1
  %0 = torch.constant.int 0
  %false = torch.constant.bool false
  %true = torch.constant.bool true
  %none = torch.constant.none
  %d1 = torch.prim.ListConstruct %1 : (!torch.int) -> !torch.list<int>
  %d0 = torch.prim.ListConstruct %0 : (!torch.int) -> !torch.list<int>
  %a = torch.aten.linalg_vector_norm %x, %inf, %d1, %false, %none : (!torch.vtensor<[2,3],f32>, !torch.float, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor
  %b = torch.aten.linalg_vector_norm %x, %three, %d0, %true, %none : (!torch.vtensor<[2,3],f32>, !torch.float, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor
  return %a, %b : !torch.vtensor, !torch.vtensor
}

// -----

// one_hot with num_classes=-1: the depth is max(idx) + 1, read at run time.
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[I:[^:]*]]: tensor<?xi64>
// CHECK: %[[M:.*]] = onnx.ReduceMax(%[[I]]) {keepdims = 0 : i64}
// CHECK: %[[D:.*]] = onnx.Add(%[[M]], %{{.*}})
// CHECK: %[[R:.*]] = onnx.OneHot(%[[I]], %[[D]], %{{.*}}) {axis = -1 : i64{{.*}}tensor<?x?xi64>
// CHECK: return %[[R]]
func.func @forward(%i: !torch.vtensor<[?],si64> {torch.name = "idx"}) -> !torch.vtensor {
  %m1 = torch.constant.int -1
  %r = torch.operator "aten::one_hot"(%i, %m1) : (!torch.vtensor<[?],si64>, !torch.int) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// repeat_interleave along dim 1 of a dynamic-batch input: unsqueeze, expand
// the new unit dim, merge it back (the new shape built from the input's
// dims at run time).
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<?x3xf32>
// CHECK: %[[U:.*]] = onnx.Unsqueeze(%[[X]], %{{.*}})
// CHECK: %[[E:.*]] = onnx.Expand(%[[U]], %{{.*}})
// CHECK: %[[S:.*]] = onnx.Concat(
// CHECK: %[[R:.*]] = onnx.Reshape(%[[E]], %[[S]]) {{.*}}tensor<?x6xf32>
// CHECK: return %[[R]]
func.func @forward(%x: !torch.vtensor<[?,3],f32> {torch.name = "x"}) -> !torch.vtensor {
  %2 = torch.constant.int 2
  %1 = torch.constant.int 1
  %none = torch.constant.none
  %r = torch.aten.repeat_interleave.self_int %x, %2, %1, %none : (!torch.vtensor<[?,3],f32>, !torch.int, !torch.int, !torch.none) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// trunc rounds towards zero: Ceil below 0, Floor above.
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<4xf32>
// CHECK: %[[NEG:.*]] = onnx.Less(%[[X]], %{{.*}})
// CHECK: %[[C:.*]] = onnx.Ceil(%[[X]])
// CHECK: %[[F:.*]] = onnx.Floor(%[[X]])
// CHECK: %[[R:.*]] = onnx.Where(%[[NEG]], %[[C]], %[[F]]) {{.*}}tensor<4xf32>
// CHECK: return %[[R]]
func.func @forward(%x: !torch.vtensor<[4],f32> {torch.name = "x"}) -> !torch.vtensor {
  %r = torch.operator "aten::trunc"(%x) : (!torch.vtensor<[4],f32>) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// meshgrid with indexing "xy": the first two inputs swap places; each input
// is laid along its dim and expanded to the common shape.
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[A:[^:]*]]: tensor<3xf32>{{.*}}, %[[B:[^:]*]]: tensor<5xf32>
// CHECK-DAG: %[[SHAPE:.*]] = onnx.Initializer {{.*}} = dense<[5, 3]> : tensor<2xi64>
// CHECK: %[[UA:.*]] = onnx.Unsqueeze(%[[A]], %{{.*}})
// CHECK: %[[GA:.*]] = onnx.Expand(%[[UA]], %[[SHAPE]]) {{.*}}tensor<5x3xf32>
// CHECK: %[[UB:.*]] = onnx.Unsqueeze(%[[B]], %{{.*}})
// CHECK: %[[GB:.*]] = onnx.Expand(%[[UB]], %[[SHAPE]]) {{.*}}tensor<5x3xf32>
// CHECK: return %[[GA]], %[[GB]]
func.func @forward(%a: !torch.vtensor<[3],f32> {torch.name = "a"}, %b: !torch.vtensor<[5],f32> {torch.name = "b"}) -> (!torch.vtensor, !torch.vtensor) {
  %xy = torch.constant.str "xy"
  %l = torch.prim.ListConstruct %a, %b : (!torch.vtensor<[3],f32>, !torch.vtensor<[5],f32>) -> !torch.list<vtensor>
  %g = torch.operator "aten::meshgrid.indexing"(%l, %xy) : (!torch.list<vtensor>, !torch.str) -> !torch.list<vtensor>
  %p:2 = torch.prim.ListUnpack %g : !torch.list<vtensor> -> !torch.vtensor, !torch.vtensor
  return %p#0, %p#1 : !torch.vtensor, !torch.vtensor
}

// -----

// x[:, i] is a Gather along dim 1; x[i, j] broadcasts, stacks and reads the
// pairs with GatherND (opset 11); a negative index wraps by the dim's size.
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<3x4x5xf32>{{.*}}, %[[I:[^:]*]]: tensor<2xi64>{{.*}}, %[[J:[^:]*]]: tensor<2xi64>
// CHECK: %[[G:.*]] = onnx.Gather(%[[X]], %[[I]]) {axis = 1 : i64}
// CHECK: %[[NI:.*]] = onnx.Less(%[[I]], %{{.*}})
// CHECK: %[[WI:.*]] = onnx.Where(%[[NI]],
// CHECK: %[[NJ:.*]] = onnx.Less(%[[J]], %{{.*}})
// CHECK: %[[WJ:.*]] = onnx.Where(%[[NJ]],
// CHECK: %[[CI:.*]] = onnx.Unsqueeze({{.*}})
// CHECK: %[[CJ:.*]] = onnx.Unsqueeze({{.*}})
// CHECK: %[[ST:.*]] = onnx.Concat(%[[CI]], %[[CJ]]) {axis = 1 : i64}
// CHECK: %[[ND:.*]] = onnx.GatherND(%[[X]], %[[ST]])
// CHECK: return %[[G]], %{{.*}}

func.func @forward(%x: !torch.vtensor<[3,4,5],f32> {torch.name = "x"}, %i: !torch.vtensor<[2],si64> {torch.name = "i"}, %j: !torch.vtensor<[2],si64> {torch.name = "j"}) -> (!torch.vtensor, !torch.vtensor) {
  %none = torch.constant.none
  %l1 = torch.prim.ListConstruct %none, %i : (!torch.none, !torch.vtensor<[2],si64>) -> !torch.list<optional<vtensor>>
  %a = torch.aten.index.Tensor %x, %l1 : (!torch.vtensor<[3,4,5],f32>, !torch.list<optional<vtensor>>) -> !torch.vtensor
  %l2 = torch.prim.ListConstruct %i, %j : (!torch.vtensor<[2],si64>, !torch.vtensor<[2],si64>) -> !torch.list<optional<vtensor>>
  // expected-error @+1 {{cannot convert 'aten.index.Tensor' to ONNX opset 9: indexing with several index tensors or a boolean mask needs GatherND (opset 11)}}
  %b = torch.aten.index.Tensor %x, %l2 : (!torch.vtensor<[3,4,5],f32>, !torch.list<optional<vtensor>>) -> !torch.vtensor
  return %a, %b : !torch.vtensor, !torch.vtensor
}

// -----

// roll by 1 along dim 1 of size 4: the last element first (two slices).
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x4xf32>
// CHECK: %[[THREE:.*]] = onnx.Initializer {{.*}} = dense<3> : tensor<1xi64>
// CHECK: %[[FOUR:.*]] = onnx.Initializer {{.*}} = dense<4> : tensor<1xi64>
// CHECK: %[[HEAD:.*]] = onnx.Slice(%[[X]], %[[THREE]], %[[FOUR]],
// CHECK: %[[ZERO:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[THREE2:.*]] = onnx.Initializer {{.*}} = dense<3> : tensor<1xi64>
// CHECK: %[[TAIL:.*]] = onnx.Slice(%[[X]], %[[ZERO]], %[[THREE2]],
// CHECK: %[[R:.*]] = onnx.Concat(%[[HEAD]], %[[TAIL]]) {axis = 1 : i64}
// CHECK: %[[ID:.*]] = onnx.Identity(%[[R]])
// CHECK: return %[[ID]]
func.func @forward(%x: !torch.vtensor<[2,4],f32> {torch.name = "x"}) -> !torch.vtensor {
  %1 = torch.constant.int 1
  %s = torch.prim.ListConstruct %1 : (!torch.int) -> !torch.list<int>
  %d = torch.prim.ListConstruct %1 : (!torch.int) -> !torch.list<int>
  %r = torch.aten.roll %x, %s, %d : (!torch.vtensor<[2,4],f32>, !torch.list<int>, !torch.list<int>) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// chunk along a dim of run-time size: the piece size ceil(n / 2) is
// computed, the pieces sliced at run-time bounds (Slice-10).
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<?x3xf32>
// CHECK: %[[SH:.*]] = onnx.Shape(%[[X]])
// CHECK: %[[N:.*]] = onnx.Gather(%[[SH]],
// CHECK: %[[ADD:.*]] = onnx.Add(%[[N]],
// CHECK: %[[PIECE:.*]] = onnx.Div(%[[ADD]],
// CHECK: onnx.Slice(%[[X]],
// CHECK: onnx.Slice(%[[X]],
func.func @forward(%x: !torch.vtensor<[?,3],f32> {torch.name = "x"}) -> (!torch.vtensor, !torch.vtensor) {
  %2 = torch.constant.int 2
  %0 = torch.constant.int 0
  %l = torch.aten.chunk %x, %2, %0 : (!torch.vtensor<[?,3],f32>, !torch.int, !torch.int) -> !torch.list<vtensor>
  // expected-error @+1 {{cannot convert 'prim.ListUnpack' to ONNX opset 9: a slice with bounds computed at run time needs opset 10 (Slice-10 takes them as inputs)}}
  %p:2 = torch.prim.ListUnpack %l : !torch.list<vtensor> -> !torch.vtensor, !torch.vtensor
  return %p#0, %p#1 : !torch.vtensor, !torch.vtensor
}
