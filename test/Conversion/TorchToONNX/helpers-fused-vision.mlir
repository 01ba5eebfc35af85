// The last lowered ops without a case of their own, at opset 17:
// TorchScript's loop helpers (__range_length, __derive_index) and
// prim.dtype/unchecked_cast/Uninitialized; the fused fast-path ops of
// nn.MultiheadAttention and nn.TransformerEncoderLayer; embedding_bag
// (mean), grid_sampler, torchvision's roi_pool, _unique2 and
// index_put.hacked_twin; each with its refined result type.
// RUN: torch-onnx-opt %s --split-input-file --torch-refine-types --convert-torch-to-onnx=opset=17 | FileCheck %s

// TorchScript helpers at run time: __range_length (the trip count of
// range(lo, hi, step): ceil((hi - lo) / step), at least 0) and
// __derive_index (start + index * step) on a dynamic length; prim.dtype as
// its ScalarType code; prim.unchecked_cast as Identity.
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<?x4xf32>
// CHECK: %[[C0:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[C1:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[C2:.*]] = onnx.Initializer {{.*}} = dense<3> : tensor<i64>
// CHECK: %[[R1:.*]] = onnx.Shape(%[[X]]) {start = 0 : i64}
// CHECK: %[[C3:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[R2:.*]] = onnx.Gather(%[[R1]], %[[C3]]) {axis = 0 : i64}
// CHECK: %[[R3:.*]] = onnx.Sub(%[[R2]], %[[C1]])
// CHECK: %[[C4:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<i64>
// CHECK: %[[R4:.*]] = onnx.Add(%[[R3]], %[[C4]])
// CHECK: %[[C5:.*]] = onnx.Initializer {{.*}} = dense<3> : tensor<i64>
// CHECK: %[[R5:.*]] = onnx.Div(%[[R4]], %[[C5]])
// CHECK: %[[R6:.*]] = onnx.Mul(%[[R5]], %[[C5]])
// CHECK: %[[R7:.*]] = onnx.Sub(%[[R4]], %[[R6]])
// CHECK: %[[C6:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[R8:.*]] = onnx.Equal(%[[R7]], %[[C6]])
// CHECK: %[[R9:.*]] = onnx.Not(%[[R8]])
// CHECK: %[[R10:.*]] = onnx.Less(%[[R7]], %[[C6]])
// CHECK: %[[R11:.*]] = onnx.Less(%[[C5]], %[[C6]])
// CHECK: %[[R12:.*]] = onnx.Xor(%[[R10]], %[[R11]])
// CHECK: %[[R13:.*]] = onnx.And(%[[R9]], %[[R12]])
// CHECK: %[[R14:.*]] = onnx.Cast(%[[R13]]) {to = 7 : i64}
// CHECK: %[[R15:.*]] = onnx.Sub(%[[R5]], %[[R14]])
// CHECK: %[[C7:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[R16:.*]] = onnx.Less(%[[R15]], %[[C7]])
// CHECK: %[[R17:.*]] = onnx.Where(%[[R16]], %[[C7]], %[[R15]])
// CHECK: %[[R18:.*]] = onnx.Mul(%[[R17]], %[[C2]])
// CHECK: %[[R19:.*]] = onnx.Add(%[[C1]], %[[R18]])
// CHECK: %[[C8:.*]] = onnx.Initializer {{.*}} = dense<6> : tensor<i64>
// CHECK: %[[R20:.*]] = onnx.Identity(%[[R17]]) : tensor<i64>
// CHECK: %[[R21:.*]] = onnx.Identity(%[[R19]]) : tensor<i64>
// CHECK: %[[R22:.*]] = onnx.Identity(%[[C8]]) : tensor<i64>
// CHECK: %[[R23:.*]] = onnx.Identity(%[[X]]) : tensor<?x4xf32>
// CHECK: return %[[R20]], %[[R21]], %[[R22]], %[[R23]]
func.func @forward(%x: !torch.vtensor<[?,4],f32>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %c0 = torch.constant.int 0
  %c1 = torch.constant.int 1
  %c3 = torch.constant.int 3
  %none = torch.constant.none
  %n = torch.aten.size.int %x, %c0 : (!torch.vtensor<[?,4],f32>, !torch.int) -> !torch.int
  %len = torch.operator "aten::__range_length"(%c1, %n, %c3) : (!torch.int, !torch.int, !torch.int) -> !torch.int
  %idx = torch.operator "aten::__derive_index"(%len, %c1, %c3) : (!torch.int, !torch.int, !torch.int) -> !torch.int
  %dt = torch.operator "prim::dtype"(%x) : (!torch.vtensor<[?,4],f32>) -> !torch.int
  %r0 = torch.prim.NumToTensor.Scalar %len : !torch.int -> !torch.vtensor
  %r1 = torch.prim.NumToTensor.Scalar %idx : !torch.int -> !torch.vtensor
  %r2 = torch.prim.NumToTensor.Scalar %dt : !torch.int -> !torch.vtensor
  %r3 = torch.operator "prim::unchecked_cast"(%x) : (!torch.vtensor<[?,4],f32>) -> !torch.vtensor
  return %r0, %r1, %r2, %r3 : !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor
}

// -----

// prim.Uninitialized, the value of an If branch that raises: a zero of the
// declared type (the raising branch is dropped with its exception).
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2xf32>
// CHECK-SAME: %[[A1:[^:]*]]: tensor<i1>
// CHECK: %[[R2:.*]] = onnx.If(%[[A1]]) ({
// CHECK: %[[C0:.*]] = onnx.Initializer {{.*}} = dense<0.000000e+00> : tensor<f32>
// CHECK: %[[R3:.*]] = onnx.ReduceSum(%[[X]]) {keepdims = 0 : i64, noop_with_empty_axes = 0 : i64}
// CHECK: return %[[R2]]
func.func @forward(%x: !torch.vtensor<[2],f32>, %b: !torch.bool) -> !torch.vtensor<[],f32> {
  %msg = torch.constant.str "bad input"
  %none = torch.constant.none
  %r = torch.prim.If %b -> (!torch.vtensor<[],f32>) {
    %s = torch.aten.sum %x, %none : (!torch.vtensor<[2],f32>, !torch.none) -> !torch.vtensor<[],f32>
    torch.prim.If.yield %s : !torch.vtensor<[],f32>
  } else {
    torch.prim.RaiseException %msg, %none : !torch.str, !torch.none
    %u = torch.prim.Uninitialized : !torch.vtensor<[],f32>
    torch.prim.If.yield %u : !torch.vtensor<[],f32>
  }
  return %r : !torch.vtensor<[],f32>
}

// -----

// The fused fast-path ops of nn.MultiheadAttention and
// nn.TransformerEncoderLayer (what a scripted model in eval mode carries):
// the packed QKV projection split into three MatMuls, per-head attention
// with Softmax, the output projection; the encoder layer's norms and FFN.
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3x4xf32>
// CHECK-SAME: %[[A1:[^:]*]]: tensor<12x4xf32>
// CHECK-SAME: %[[A2:[^:]*]]: tensor<12xf32>
// CHECK-SAME: %[[A3:[^:]*]]: tensor<4x4xf32>
// CHECK-SAME: %[[A4:[^:]*]]: tensor<4xf32>
// CHECK-SAME: %[[A5:[^:]*]]: tensor<4xf32>
// CHECK-SAME: %[[A6:[^:]*]]: tensor<8x4xf32>
// CHECK-SAME: %[[A7:[^:]*]]: tensor<8xf32>
// CHECK-SAME: %[[A8:[^:]*]]: tensor<4x8xf32>
// CHECK-SAME: %[[A9:[^:]*]]: tensor<4xf32>
// CHECK: %[[C0:.*]] = onnx.Initializer {{.*}} = dense<true> : tensor<i1>
// CHECK: %[[C1:.*]] = onnx.Initializer {{.*}} = dense<false> : tensor<i1>
// CHECK: %[[C2:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<i64>
// CHECK: %[[C3:.*]] = onnx.Initializer {{.*}} = dense<4> : tensor<i64>
// CHECK: %[[C4:.*]] = onnx.Initializer {{.*}} = dense<9.99999974E-6> : tensor<f32>
// CHECK: %[[R1:.*]] = onnx.Transpose(%[[A1]])
// CHECK: %[[R2:.*]] = onnx.MatMul(%[[X]], %[[R1]])
// CHECK: %[[R3:.*]] = onnx.Add(%[[R2]], %[[A2]])
// CHECK: %[[C5:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[C6:.*]] = onnx.Initializer {{.*}} = dense<4> : tensor<1xi64>
// CHECK: %[[C7:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[R4:.*]] = onnx.Slice(%[[R3]], %[[C5]], %[[C6]], %[[C7]])
// CHECK: %[[C8:.*]] = onnx.Initializer {{.*}} = dense<4> : tensor<1xi64>
// CHECK: %[[C9:.*]] = onnx.Initializer {{.*}} = dense<8> : tensor<1xi64>
// CHECK: %[[C10:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[R5:.*]] = onnx.Slice(%[[R3]], %[[C8]], %[[C9]], %[[C10]])
// CHECK: %[[C11:.*]] = onnx.Initializer {{.*}} = dense<8> : tensor<1xi64>
// CHECK: %[[C12:.*]] = onnx.Initializer {{.*}} = dense<12> : tensor<1xi64>
// CHECK: %[[C13:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[R6:.*]] = onnx.Slice(%[[R3]], %[[C11]], %[[C12]], %[[C13]])
// CHECK: %[[C14:.*]] = onnx.Initializer {{.*}} = dense<[0, 0, 2, 2]> : tensor<4xi64>
// CHECK: %[[R7:.*]] = onnx.Reshape(%[[R4]], %[[C14]]) {allowzero = 0 : i64}
// CHECK: %[[R8:.*]] = onnx.Transpose(%[[R7]]) {perm = [0, 2, 1, 3]}
// CHECK: %[[C15:.*]] = onnx.Initializer {{.*}} = dense<[0, 0, 2, 2]> : tensor<4xi64>
// CHECK: %[[R9:.*]] = onnx.Reshape(%[[R5]], %[[C15]]) {allowzero = 0 : i64}
// CHECK: %[[R10:.*]] = onnx.Transpose(%[[R9]]) {perm = [0, 2, 1, 3]}
// CHECK: %[[C16:.*]] = onnx.Initializer {{.*}} = dense<[0, 0, 2, 2]> : tensor<4xi64>
// CHECK: %[[R11:.*]] = onnx.Reshape(%[[R6]], %[[C16]]) {allowzero = 0 : i64}
// CHECK: %[[R12:.*]] = onnx.Transpose(%[[R11]]) {perm = [0, 2, 1, 3]}
// CHECK: %[[R13:.*]] = onnx.Transpose(%[[R10]]) {perm = [0, 1, 3, 2]}
// CHECK: %[[R14:.*]] = onnx.MatMul(%[[R8]], %[[R13]])
// CHECK: %[[C17:.*]] = onnx.Initializer {{.*}} = dense<1.41421354> : tensor<f32>
// CHECK: %[[R15:.*]] = onnx.Div(%[[R14]], %[[C17]])
// CHECK: %[[R16:.*]] = onnx.Softmax(%[[R15]]) {axis = 3 : i64}
// CHECK: %[[R17:.*]] = onnx.MatMul(%[[R16]], %[[R12]])
// CHECK: %[[R18:.*]] = onnx.Transpose(%[[R17]]) {perm = [0, 2, 1, 3]}
// CHECK: %[[C18:.*]] = onnx.Initializer {{.*}} = dense<[0, 0, 4]> : tensor<3xi64>
// CHECK: %[[R19:.*]] = onnx.Reshape(%[[R18]], %[[C18]]) {allowzero = 0 : i64}
// CHECK: %[[R20:.*]] = onnx.Transpose(%[[A3]])
// CHECK: %[[R21:.*]] = onnx.MatMul(%[[R19]], %[[R20]])
// CHECK: %[[R22:.*]] = onnx.Add(%[[R21]], %[[A4]])
// CHECK: %[[R23:.*]] = onnx.ReduceMean(%[[R16]]) {axes = [1], keepdims = 0 : i64}
// CHECK: %[[R24:.*]] = onnx.Identity(%[[R22]]) : (tensor<*xf32>) -> tensor<2x3x4xf32>
// CHECK: %[[R26:.*]] = onnx.Transpose(%[[A1]])
// CHECK: %[[R27:.*]] = onnx.MatMul(%[[X]], %[[R26]])
// CHECK: %[[R28:.*]] = onnx.Add(%[[R27]], %[[A2]])
// CHECK: %[[C19:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[C20:.*]] = onnx.Initializer {{.*}} = dense<4> : tensor<1xi64>
// CHECK: %[[C21:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[R29:.*]] = onnx.Slice(%[[R28]], %[[C19]], %[[C20]], %[[C21]])
// CHECK: %[[C22:.*]] = onnx.Initializer {{.*}} = dense<4> : tensor<1xi64>
// CHECK: %[[C23:.*]] = onnx.Initializer {{.*}} = dense<8> : tensor<1xi64>
// CHECK: %[[C24:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[R30:.*]] = onnx.Slice(%[[R28]], %[[C22]], %[[C23]], %[[C24]])
// CHECK: %[[C25:.*]] = onnx.Initializer {{.*}} = dense<8> : tensor<1xi64>
// CHECK: %[[C26:.*]] = onnx.Initializer {{.*}} = dense<12> : tensor<1xi64>
// CHECK: %[[C27:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[R31:.*]] = onnx.Slice(%[[R28]], %[[C25]], %[[C26]], %[[C27]])
// CHECK: %[[C28:.*]] = onnx.Initializer {{.*}} = dense<[0, 0, 2, 2]> : tensor<4xi64>
// CHECK: %[[R32:.*]] = onnx.Reshape(%[[R29]], %[[C28]]) {allowzero = 0 : i64}
// CHECK: %[[R33:.*]] = onnx.Transpose(%[[R32]]) {perm = [0, 2, 1, 3]}
// CHECK: %[[C29:.*]] = onnx.Initializer {{.*}} = dense<[0, 0, 2, 2]> : tensor<4xi64>
// CHECK: %[[R34:.*]] = onnx.Reshape(%[[R30]], %[[C29]]) {allowzero = 0 : i64}
// CHECK: %[[R35:.*]] = onnx.Transpose(%[[R34]]) {perm = [0, 2, 1, 3]}
// CHECK: %[[C30:.*]] = onnx.Initializer {{.*}} = dense<[0, 0, 2, 2]> : tensor<4xi64>
// CHECK: %[[R36:.*]] = onnx.Reshape(%[[R31]], %[[C30]]) {allowzero = 0 : i64}
// CHECK: %[[R37:.*]] = onnx.Transpose(%[[R36]]) {perm = [0, 2, 1, 3]}
// CHECK: %[[R38:.*]] = onnx.Transpose(%[[R35]]) {perm = [0, 1, 3, 2]}
// CHECK: %[[R39:.*]] = onnx.MatMul(%[[R33]], %[[R38]])
// CHECK: %[[C31:.*]] = onnx.Initializer {{.*}} = dense<1.41421354> : tensor<f32>
// CHECK: %[[R40:.*]] = onnx.Div(%[[R39]], %[[C31]])
// CHECK: %[[R41:.*]] = onnx.Softmax(%[[R40]]) {axis = 3 : i64}
// CHECK: %[[R42:.*]] = onnx.MatMul(%[[R41]], %[[R37]])
// CHECK: %[[R43:.*]] = onnx.Transpose(%[[R42]]) {perm = [0, 2, 1, 3]}
// CHECK: %[[C32:.*]] = onnx.Initializer {{.*}} = dense<[0, 0, 4]> : tensor<3xi64>
// CHECK: %[[R44:.*]] = onnx.Reshape(%[[R43]], %[[C32]]) {allowzero = 0 : i64}
// CHECK: %[[R45:.*]] = onnx.Transpose(%[[A3]])
// CHECK: %[[R46:.*]] = onnx.MatMul(%[[R44]], %[[R45]])
// CHECK: %[[R47:.*]] = onnx.Add(%[[R46]], %[[A4]])
// CHECK: %[[R49:.*]] = onnx.Add(%[[X]], %[[R47]])
// CHECK: %[[R50:.*]] = onnx.LayerNormalization(%[[R49]], %[[A5]], %[[A4]]) {axis = -1 : i64, epsilon = 9.99999974E-6 : f32, resultSegmentSizes = array<i32: 1, 0, 0>, stash_type = 1 : i64}
// CHECK: %[[R51:.*]] = onnx.Transpose(%[[A6]])
// CHECK: %[[R52:.*]] = onnx.MatMul(%[[R50]], %[[R51]])
// CHECK: %[[R53:.*]] = onnx.Add(%[[R52]], %[[A7]])
// CHECK: %[[R54:.*]] = onnx.Relu(%[[R53]])
// CHECK: %[[R55:.*]] = onnx.Transpose(%[[A8]])
// CHECK: %[[R56:.*]] = onnx.MatMul(%[[R54]], %[[R55]])
// CHECK: %[[R57:.*]] = onnx.Add(%[[R56]], %[[A9]])
// CHECK: %[[R58:.*]] = onnx.Add(%[[R50]], %[[R57]])
// CHECK: %[[R59:.*]] = onnx.LayerNormalization(%[[R58]], %[[A5]], %[[A4]]) {axis = -1 : i64, epsilon = 9.99999974E-6 : f32, resultSegmentSizes = array<i32: 1, 0, 0>, stash_type = 1 : i64}
// CHECK: %[[R60:.*]] = onnx.Identity(%[[R59]]) : (tensor<*xf32>) -> tensor<2x3x4xf32>
// CHECK: return %[[R24]], %[[R60]]
func.func @forward(%q: !torch.vtensor<[2,3,4],f32>, %wqkv: !torch.vtensor<[12,4],f32>, %bqkv: !torch.vtensor<[12],f32>, %wo: !torch.vtensor<[4,4],f32>, %bo: !torch.vtensor<[4],f32>, %g: !torch.vtensor<[4],f32>, %w1: !torch.vtensor<[8,4],f32>, %b1: !torch.vtensor<[8],f32>, %w2: !torch.vtensor<[4,8],f32>, %b2: !torch.vtensor<[4],f32>) -> (!torch.vtensor, !torch.vtensor) {
  %none = torch.constant.none
  %true = torch.constant.bool true
  %false = torch.constant.bool false
  %c2 = torch.constant.int 2
  %c4 = torch.constant.int 4
  %eps = torch.constant.float 1.000000e-05
  %a:2 = torch.aten._native_multi_head_attention %q, %q, %q, %c4, %c2, %wqkv, %bqkv, %wo, %bo, %none, %false, %true, %none : (!torch.vtensor<[2,3,4],f32>, !torch.vtensor<[2,3,4],f32>, !torch.vtensor<[2,3,4],f32>, !torch.int, !torch.int, !torch.vtensor<[12,4],f32>, !torch.vtensor<[12],f32>, !torch.vtensor<[4,4],f32>, !torch.vtensor<[4],f32>, !torch.none, !torch.bool, !torch.bool, !torch.none) -> (!torch.vtensor, !torch.vtensor)
  %e = torch.aten._transformer_encoder_layer_fwd %q, %c4, %c2, %wqkv, %bqkv, %wo, %bo, %false, %false, %eps, %g, %bo, %g, %bo, %w1, %b1, %w2, %b2, %none, %none : (!torch.vtensor<[2,3,4],f32>, !torch.int, !torch.int, !torch.vtensor<[12,4],f32>, !torch.vtensor<[12],f32>, !torch.vtensor<[4,4],f32>, !torch.vtensor<[4],f32>, !torch.bool, !torch.bool, !torch.float, !torch.vtensor<[4],f32>, !torch.vtensor<[4],f32>, !torch.vtensor<[4],f32>, !torch.vtensor<[4],f32>, !torch.vtensor<[8,4],f32>, !torch.vtensor<[8],f32>, !torch.vtensor<[4,8],f32>, !torch.vtensor<[4],f32>, !torch.none, !torch.none) -> !torch.vtensor
  return %a#0, %e : !torch.vtensor, !torch.vtensor
}

// -----

// embedding_bag (mean of each bag between offsets), grid_sampler (bilinear,
// zeros padding) as GridSample, torchvision's roi_pool as MaxRoiPool,
// _unique2 as Unique, index_put.hacked_twin as ScatterND.
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<10x3xf32>
// CHECK-SAME: %[[A1:[^:]*]]: tensor<6xi64>
// CHECK-SAME: %[[A2:[^:]*]]: tensor<2xi64>
// CHECK-SAME: %[[A3:[^:]*]]: tensor<1x2x4x4xf32>
// CHECK-SAME: %[[A4:[^:]*]]: tensor<1x3x3x2xf32>
// CHECK-SAME: %[[A5:[^:]*]]: tensor<3x5xf32>
// CHECK-SAME: %[[A6:[^:]*]]: tensor<5xf32>
// CHECK-SAME: %[[A7:[^:]*]]: tensor<2xi64>
// CHECK-SAME: %[[A8:[^:]*]]: tensor<2xf32>
// CHECK: %[[C0:.*]] = onnx.Initializer {{.*}} = dense<true> : tensor<i1>
// CHECK: %[[C1:.*]] = onnx.Initializer {{.*}} = dense<false> : tensor<i1>
// CHECK: %[[C2:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[C3:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[C4:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<i64>
// CHECK: %[[C5:.*]] = onnx.Initializer {{.*}} = dense<5.000000e-01> : tensor<f32>
// CHECK: %[[C6:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[C7:.*]] = onnx.Initializer {{.*}} = dense<9223372036854775807> : tensor<1xi64>
// CHECK: %[[C8:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R1:.*]] = onnx.Slice(%[[A2]], %[[C6]], %[[C7]], %[[C8]])
// CHECK: %[[C9:.*]] = onnx.Initializer {{.*}} = dense<6> : tensor<1xi64>
// CHECK: %[[R2:.*]] = onnx.Concat(%[[R1]], %[[C9]]) {axis = 0 : i64}
// CHECK: %[[C10:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[C11:.*]] = onnx.Initializer {{.*}} = dense<6> : tensor<1xi64>
// CHECK: %[[C12:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R3:.*]] = onnx.Squeeze(%[[C11]], %[[C12]])
// CHECK: %[[C13:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<i64>
// CHECK: %[[R4:.*]] = onnx.Range(%[[C10]], %[[R3]], %[[C13]])
// CHECK: %[[C14:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R5:.*]] = onnx.Unsqueeze(%[[A2]], %[[C14]])
// CHECK: %[[C15:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R6:.*]] = onnx.Unsqueeze(%[[R2]], %[[C15]])
// CHECK: %[[C16:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R7:.*]] = onnx.Unsqueeze(%[[R4]], %[[C16]])
// CHECK: %[[R8:.*]] = onnx.Less(%[[R7]], %[[R5]])
// CHECK: %[[R9:.*]] = onnx.Not(%[[R8]])
// CHECK: %[[R10:.*]] = onnx.Less(%[[R7]], %[[R6]])
// CHECK: %[[R11:.*]] = onnx.And(%[[R9]], %[[R10]])
// CHECK: %[[R12:.*]] = onnx.Gather(%[[X]], %[[A1]]) {axis = 0 : i64}
// CHECK: %[[R13:.*]] = onnx.Cast(%[[R11]]) {to = 1 : i64}
// CHECK: %[[R14:.*]] = onnx.MatMul(%[[R13]], %[[R12]])
// CHECK: %[[R15:.*]] = onnx.Cast(%[[R11]]) {to = 1 : i64}
// CHECK: %[[C17:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R16:.*]] = onnx.ReduceSum(%[[R15]], %[[C17]]) {keepdims = 1 : i64, noop_with_empty_axes = 0 : i64}
// CHECK: %[[C18:.*]] = onnx.Initializer {{.*}} = dense<1.000000e+00> : tensor<f32>
// CHECK: %[[R17:.*]] = onnx.Max(%[[R16]], %[[C18]])
// CHECK: %[[R18:.*]] = onnx.Div(%[[R14]], %[[R17]])
// CHECK: %[[R19:.*]] = onnx.Identity(%[[R18]]) : (tensor<*xf32>) -> tensor<2x3xf32>
// CHECK: %[[C19:.*]] = onnx.Initializer {{.*}} = dense<> : tensor<0xi64>
// CHECK: %[[C20:.*]] = onnx.Initializer {{.*}} = dense<> : tensor<0xi64>
// CHECK: %[[C21:.*]] = onnx.Initializer {{.*}} = dense<> : tensor<0xi64>
// CHECK: %[[R20:.*]] = onnx.GridSample(%[[A3]], %[[A4]]) {align_corners = 0 : i64, mode_ = "bilinear", padding_mode = "zeros"} : (tensor<1x2x4x4xf32>, tensor<1x3x3x2xf32>) -> tensor<1x2x3x3xf32>
// CHECK: %[[R21:.*]] = onnx.MaxRoiPool(%[[A3]], %[[A5]]) {pooled_shape = [2, 2], spatial_scale = 5.000000e-01 : f32} : (tensor<1x2x4x4xf32>, tensor<3x5xf32>) -> tensor<3x2x2x2xf32>
// CHECK: %[[C22:.*]] = onnx.Initializer {{.*}} = dense<> : tensor<0xi64>
// CHECK: %[[R22:.*]]:4 = onnx.Unique(%[[A6]]) {resultSegmentSizes = array<i32: 1, 1, 1, 1>, sorted = 1 : i64} : (tensor<5xf32>) -> (tensor<?xf32>, tensor<*xi64>, tensor<*xi64>, tensor<?xi64>)
// CHECK: %[[R23:.*]] = onnx.Shape(%[[A6]]) {start = 0 : i64}
// CHECK: %[[R24:.*]] = onnx.Reshape(%[[R22]]#2, %[[R23]]) {allowzero = 0 : i64} : (tensor<*xi64>, tensor<?xi64>) -> tensor<5xi64>
// CHECK: %[[C23:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<i64>
// CHECK: %[[R26:.*]] = onnx.Less(%[[A7]], %[[C23]])
// CHECK: %[[C24:.*]] = onnx.Initializer {{.*}} = dense<5> : tensor<1xi64>
// CHECK: %[[C25:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R27:.*]] = onnx.Squeeze(%[[C24]], %[[C25]])
// CHECK: %[[R28:.*]] = onnx.Add(%[[A7]], %[[R27]])
// CHECK: %[[R29:.*]] = onnx.Where(%[[R26]], %[[R28]], %[[A7]])
// CHECK: %[[R30:.*]] = onnx.Shape(%[[R29]]) {start = 0 : i64}
// CHECK: %[[R31:.*]] = onnx.Expand(%[[R29]], %[[R30]])
// CHECK: %[[C26:.*]] = onnx.Initializer {{.*}} = dense<1> : tensor<1xi64>
// CHECK: %[[R32:.*]] = onnx.Unsqueeze(%[[R31]], %[[C26]])
// CHECK: %[[R33:.*]] = onnx.Concat(%[[R32]]) {axis = 1 : i64}
// CHECK: %[[R34:.*]] = onnx.Expand(%[[A8]], %[[R30]])
// CHECK: %[[R35:.*]] = onnx.ScatterND(%[[A6]], %[[R33]], %[[R34]]) {reduction = "none"}
// CHECK: %[[R36:.*]] = onnx.Identity(%[[R35]]) : (tensor<*xf32>) -> tensor<5xf32>
// CHECK: return %[[R19]], %[[R20]], %[[R21]], %[[R22]]#0, %[[R24]], %[[R36]]
func.func @forward(%w: !torch.vtensor<[10,3],f32>, %i: !torch.vtensor<[6],si64>, %o: !torch.vtensor<[2],si64>, %img: !torch.vtensor<[1,2,4,4],f32>, %grid: !torch.vtensor<[1,3,3,2],f32>, %rois: !torch.vtensor<[3,5],f32>, %x: !torch.vtensor<[5],f32>, %k: !torch.vtensor<[2],si64>, %v: !torch.vtensor<[2],f32>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %none = torch.constant.none
  %true = torch.constant.bool true
  %false = torch.constant.bool false
  %c0 = torch.constant.int 0
  %c1 = torch.constant.int 1
  %c2 = torch.constant.int 2
  %half = torch.constant.float 5.000000e-01
  %eb:4 = torch.aten.embedding_bag %w, %i, %o, %false, %c1, %false, %none, %false : (!torch.vtensor<[10,3],f32>, !torch.vtensor<[6],si64>, !torch.vtensor<[2],si64>, !torch.bool, !torch.int, !torch.bool, !torch.none, !torch.bool) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor)
  %gs = torch.operator "aten::grid_sampler"(%img, %grid, %c0, %c0, %false) : (!torch.vtensor<[1,2,4,4],f32>, !torch.vtensor<[1,3,3,2],f32>, !torch.int, !torch.int, !torch.bool) -> !torch.vtensor
  %rp:2 = torch.operator "torchvision::roi_pool"(%img, %rois, %half, %c2, %c2) : (!torch.vtensor<[1,2,4,4],f32>, !torch.vtensor<[3,5],f32>, !torch.float, !torch.int, !torch.int) -> (!torch.vtensor, !torch.vtensor)
  %u:3 = torch.operator "aten::_unique2"(%x, %true, %true, %true) : (!torch.vtensor<[5],f32>, !torch.bool, !torch.bool, !torch.bool) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor)
  %idx = torch.prim.ListConstruct %k : (!torch.vtensor<[2],si64>) -> !torch.list<vtensor>
  %ip = torch.operator "aten::index_put.hacked_twin"(%x, %idx, %v, %false) : (!torch.vtensor<[5],f32>, !torch.list<vtensor>, !torch.vtensor<[2],f32>, !torch.bool) -> !torch.vtensor
  return %eb#0, %gs, %rp#0, %u#0, %u#1, %ip : !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor
}
