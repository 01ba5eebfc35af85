// Recurrent layers at opset 17 (Recurrent.cpp): aten.lstm/gru/rnn_tanh/
// rnn_relu .input as one ONNX LSTM/GRU/RNN per layer, the gates reordered
// from PyTorch's (i,f,g,o / r,z,n) to ONNX's (i,o,f,c / z,r,h) by Slices
// and a Concat, both biases concatenated, the [seq, dirs, batch, hidden]
// output made [seq, batch, dirs*hidden], batch_first through Transposes;
// the .data overloads on a packed sequence with its lengths as
// sequence_lens; lstm_cell and rnn_relu_cell as one step.
// RUN: torch-onnx-opt %s --split-input-file --torch-refine-types --convert-torch-to-onnx=opset=17 | FileCheck %s

// Two LSTM layers: the second reads the first's reshaped output and its own
// slice of h0/c0; the final states are the layers' states concatenated.
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<5x2x3xf32>, %[[H0:[^:]*]]: tensor<2x2x4xf32>, %[[C0:[^:]*]]: tensor<2x2x4xf32>, %[[W0:[^:]*]]: tensor<16x3xf32>
// CHECK-SAME: -> (tensor<5x2x4xf32>, tensor<2x2x4xf32>, tensor<2x2x4xf32>)
// CHECK: %[[B0:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[E0:.*]] = onnx.Initializer {{.*}} = dense<4> : tensor<1xi64>
// CHECK: %[[GI:.*]] = onnx.Slice(%[[W0]], %[[B0]], %[[E0]],
// CHECK: %[[B1:.*]] = onnx.Initializer {{.*}} = dense<12> : tensor<1xi64>
// CHECK: %[[E1:.*]] = onnx.Initializer {{.*}} = dense<16> : tensor<1xi64>
// CHECK: %[[GO:.*]] = onnx.Slice(%[[W0]], %[[B1]], %[[E1]],
// CHECK: %[[B2:.*]] = onnx.Initializer {{.*}} = dense<4> : tensor<1xi64>
// CHECK: %[[E2:.*]] = onnx.Initializer {{.*}} = dense<8> : tensor<1xi64>
// CHECK: %[[GF:.*]] = onnx.Slice(%[[W0]], %[[B2]], %[[E2]],
// CHECK: %[[B3:.*]] = onnx.Initializer {{.*}} = dense<8> : tensor<1xi64>
// CHECK: %[[E3:.*]] = onnx.Initializer {{.*}} = dense<12> : tensor<1xi64>
// CHECK: %[[GC:.*]] = onnx.Slice(%[[W0]], %[[B3]], %[[E3]],
// CHECK: %[[WC:.*]] = onnx.Concat(%[[GI]], %[[GO]], %[[GF]], %[[GC]]) {axis = 0 : i64}
// CHECK: %[[W:.*]] = onnx.Unsqueeze(%[[WC]],
// CHECK: %[[BB:.*]] = onnx.Concat(%{{[0-9]+}}, %{{[0-9]+}}) {axis = 0 : i64}
// CHECK: %[[B:.*]] = onnx.Unsqueeze(%[[BB]],
// CHECK: %[[H00:.*]] = onnx.Slice(%[[H0]],
// CHECK: %[[C00:.*]] = onnx.Slice(%[[C0]],
// CHECK: %[[L0:.*]]:3 = onnx.LSTM(%[[X]], %[[W]], %{{.*}}, %[[B]], none, %[[H00]], %[[C00]]) {direction = "forward", hidden_size = 4 : i64, input_forget = 0 : i64, layout = 0 : i64
// CHECK: %[[T0:.*]] = onnx.Transpose(%[[L0]]#0) {perm = [0, 2, 1, 3]}
// CHECK: %[[S0:.*]] = onnx.Initializer {{.*}} = dense<[0, 0, -1]> : tensor<3xi64>
// CHECK: %[[Y0:.*]] = onnx.Reshape(%[[T0]], %[[S0]])
// CHECK: %[[H01:.*]] = onnx.Slice(%[[H0]],
// CHECK: %[[C01:.*]] = onnx.Slice(%[[C0]],
// CHECK: %[[L1:.*]]:3 = onnx.LSTM(%[[Y0]], %{{.*}}, %{{.*}}, %{{.*}}, none, %[[H01]], %[[C01]]) {direction = "forward", hidden_size = 4 : i64
// CHECK: %[[T1:.*]] = onnx.Transpose(%[[L1]]#0) {perm = [0, 2, 1, 3]}
// CHECK: %[[Y1:.*]] = onnx.Reshape(%[[T1]],
// CHECK: %[[Y:.*]] = onnx.Identity(%[[Y1]]) : (tensor<*xf32>) -> tensor<5x2x4xf32>
// CHECK: %[[HN:.*]] = onnx.Concat(%[[L0]]#1, %[[L1]]#1) {axis = 0 : i64} : (tensor<*xf32>, tensor<*xf32>) -> tensor<2x2x4xf32>
// CHECK: %[[CN:.*]] = onnx.Concat(%[[L0]]#2, %[[L1]]#2) {axis = 0 : i64} : (tensor<*xf32>, tensor<*xf32>) -> tensor<2x2x4xf32>
// CHECK: return %[[Y]], %[[HN]], %[[CN]]
func.func @forward(%x: !torch.vtensor<[5,2,3],f32>, %h0: !torch.vtensor<[2,2,4],f32>, %c0: !torch.vtensor<[2,2,4],f32>, %w0: !torch.vtensor<[16,3],f32>, %u0: !torch.vtensor<[16,4],f32>, %b0: !torch.vtensor<[16],f32>, %d0: !torch.vtensor<[16],f32>, %w1: !torch.vtensor<[16,4],f32>, %u1: !torch.vtensor<[16,4],f32>, %b1: !torch.vtensor<[16],f32>, %d1: !torch.vtensor<[16],f32>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %true = torch.constant.bool true
  %false = torch.constant.bool false
  %c2 = torch.constant.int 2
  %f0 = torch.constant.float 0.000000e+00
  %hx = torch.prim.ListConstruct %h0, %c0 : (!torch.vtensor<[2,2,4],f32>, !torch.vtensor<[2,2,4],f32>) -> !torch.list<vtensor>
  %p = torch.prim.ListConstruct %w0, %u0, %b0, %d0, %w1, %u1, %b1, %d1 : (!torch.vtensor<[16,3],f32>, !torch.vtensor<[16,4],f32>, !torch.vtensor<[16],f32>, !torch.vtensor<[16],f32>, !torch.vtensor<[16,4],f32>, !torch.vtensor<[16,4],f32>, !torch.vtensor<[16],f32>, !torch.vtensor<[16],f32>) -> !torch.list<vtensor>
  %y:3 = torch.aten.lstm.input %x, %hx, %p, %true, %c2, %f0, %false, %false, %false : (!torch.vtensor<[5,2,3],f32>, !torch.list<vtensor>, !torch.list<vtensor>, !torch.bool, !torch.int, !torch.float, !torch.bool, !torch.bool, !torch.bool) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor)
  return %y#0, %y#1, %y#2 : !torch.vtensor, !torch.vtensor, !torch.vtensor
}

// -----

// aten.gru.input: one layer, bidirectional, batch_first.
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x5x3xf32>, %[[H0:[^:]*]]: tensor<2x2x4xf32>, %[[W0:[^:]*]]: tensor<12x3xf32>
// CHECK-SAME: -> (tensor<2x5x8xf32>, tensor<2x2x4xf32>)
// CHECK: %[[XT:.*]] = onnx.Transpose(%[[X]]) {perm = [1, 0, 2]}
// CHECK: %[[Z0:.*]] = onnx.Initializer {{.*}} = dense<4> : tensor<1xi64>
// CHECK: %[[Z1:.*]] = onnx.Initializer {{.*}} = dense<8> : tensor<1xi64>
// CHECK: %[[GZ:.*]] = onnx.Slice(%[[W0]], %[[Z0]], %[[Z1]],
// CHECK: %[[R0:.*]] = onnx.Initializer {{.*}} = dense<0> : tensor<1xi64>
// CHECK: %[[R1:.*]] = onnx.Initializer {{.*}} = dense<4> : tensor<1xi64>
// CHECK: %[[GR:.*]] = onnx.Slice(%[[W0]], %[[R0]], %[[R1]],
// CHECK: %[[N0:.*]] = onnx.Initializer {{.*}} = dense<8> : tensor<1xi64>
// CHECK: %[[N1:.*]] = onnx.Initializer {{.*}} = dense<12> : tensor<1xi64>
// CHECK: %[[GN:.*]] = onnx.Slice(%[[W0]], %[[N0]], %[[N1]],
// CHECK: %[[WF:.*]] = onnx.Concat(%[[GZ]], %[[GR]], %[[GN]]) {axis = 0 : i64}
// CHECK: %[[WFU:.*]] = onnx.Unsqueeze(%[[WF]],
// CHECK: %[[W:.*]] = onnx.Concat(%[[WFU]], %{{[0-9]+}}) {axis = 0 : i64}
// CHECK-NEXT: %[[R:.*]] = onnx.Concat(%{{[0-9]+}}, %{{[0-9]+}}) {axis = 0 : i64}
// CHECK-NEXT: %[[B:.*]] = onnx.Concat(%{{[0-9]+}}, %{{[0-9]+}}) {axis = 0 : i64}
// CHECK: %[[G:.*]]:2 = onnx.GRU(%[[XT]], %[[W]], %[[R]], %[[B]], none, %{{.*}}) {direction = "bidirectional", hidden_size = 4 : i64, layout = 0 : i64, linear_before_reset = 1 : i64
// CHECK: %[[T:.*]] = onnx.Transpose(%[[G]]#0) {perm = [0, 2, 1, 3]}
// CHECK: %[[Y:.*]] = onnx.Reshape(%[[T]],
// CHECK: %[[YB:.*]] = onnx.Transpose(%[[Y]]) {perm = [1, 0, 2]}
// CHECK: %[[R0:.*]] = onnx.Identity(%[[YB]]) : (tensor<*xf32>) -> tensor<2x5x8xf32>
// CHECK: %[[R1:.*]] = onnx.Identity(%[[G]]#1) : (tensor<*xf32>) -> tensor<2x2x4xf32>
// CHECK: return %[[R0]], %[[R1]]
func.func @forward(%x: !torch.vtensor<[2,5,3],f32>, %h0: !torch.vtensor<[2,2,4],f32>, %w0: !torch.vtensor<[12,3],f32>, %u0: !torch.vtensor<[12,4],f32>, %b0: !torch.vtensor<[12],f32>, %d0: !torch.vtensor<[12],f32>, %w1: !torch.vtensor<[12,3],f32>, %u1: !torch.vtensor<[12,4],f32>, %b1: !torch.vtensor<[12],f32>, %d1: !torch.vtensor<[12],f32>) -> (!torch.vtensor, !torch.vtensor) {
  %true = torch.constant.bool true
  %false = torch.constant.bool false
  %c1 = torch.constant.int 1
  %f0 = torch.constant.float 0.000000e+00
  %p = torch.prim.ListConstruct %w0, %u0, %b0, %d0, %w1, %u1, %b1, %d1 : (!torch.vtensor<[12,3],f32>, !torch.vtensor<[12,4],f32>, !torch.vtensor<[12],f32>, !torch.vtensor<[12],f32>, !torch.vtensor<[12,3],f32>, !torch.vtensor<[12,4],f32>, !torch.vtensor<[12],f32>, !torch.vtensor<[12],f32>) -> !torch.list<vtensor>
  %y:2 = torch.aten.gru.input %x, %h0, %p, %true, %c1, %f0, %false, %true, %true : (!torch.vtensor<[2,5,3],f32>, !torch.vtensor<[2,2,4],f32>, !torch.list<vtensor>, !torch.bool, !torch.int, !torch.float, !torch.bool, !torch.bool, !torch.bool) -> (!torch.vtensor, !torch.vtensor)
  return %y#0, %y#1 : !torch.vtensor, !torch.vtensor
}

// -----

// aten.rnn_tanh.input without biases, aten.rnn_relu.input with them.
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<5x2x3xf32>
// CHECK-SAME: -> (tensor<5x2x4xf32>, tensor<1x2x4xf32>, tensor<5x2x4xf32>, tensor<1x2x4xf32>)
// CHECK: %[[T:.*]]:2 = onnx.RNN(%[[X]], %{{.*}}, %{{.*}}, none, none, %{{.*}}) {activations = ["Tanh"], direction = "forward", hidden_size = 4 : i64, layout = 0 : i64
// CHECK: %[[TY:.*]] = onnx.Transpose(%[[T]]#0) {perm = [0, 2, 1, 3]}
// CHECK: %[[R:.*]]:2 = onnx.RNN(%[[X]], %{{.*}}, %{{.*}}, %{{.*}}, none, %{{.*}}) {activations = ["Relu"], direction = "forward", hidden_size = 4 : i64, layout = 0 : i64
// CHECK: %[[RY:.*]] = onnx.Transpose(%[[R]]#0) {perm = [0, 2, 1, 3]}
// CHECK: return {{.*}} : tensor<5x2x4xf32>, tensor<1x2x4xf32>, tensor<5x2x4xf32>, tensor<1x2x4xf32>
func.func @forward(%x: !torch.vtensor<[5,2,3],f32>, %h0: !torch.vtensor<[1,2,4],f32>, %w: !torch.vtensor<[4,3],f32>, %u: !torch.vtensor<[4,4],f32>, %b: !torch.vtensor<[4],f32>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %true = torch.constant.bool true
  %false = torch.constant.bool false
  %c1 = torch.constant.int 1
  %f0 = torch.constant.float 0.000000e+00
  %p = torch.prim.ListConstruct %w, %u : (!torch.vtensor<[4,3],f32>, !torch.vtensor<[4,4],f32>) -> !torch.list<vtensor>
  %y:2 = torch.aten.rnn_tanh.input %x, %h0, %p, %false, %c1, %f0, %false, %false, %false : (!torch.vtensor<[5,2,3],f32>, !torch.vtensor<[1,2,4],f32>, !torch.list<vtensor>, !torch.bool, !torch.int, !torch.float, !torch.bool, !torch.bool, !torch.bool) -> (!torch.vtensor, !torch.vtensor)
  %q = torch.prim.ListConstruct %w, %u, %b, %b : (!torch.vtensor<[4,3],f32>, !torch.vtensor<[4,4],f32>, !torch.vtensor<[4],f32>, !torch.vtensor<[4],f32>) -> !torch.list<vtensor>
  %z:2 = torch.aten.rnn_relu.input %x, %h0, %q, %true, %c1, %f0, %false, %false, %false : (!torch.vtensor<[5,2,3],f32>, !torch.vtensor<[1,2,4],f32>, !torch.list<vtensor>, !torch.bool, !torch.int, !torch.float, !torch.bool, !torch.bool, !torch.bool) -> (!torch.vtensor, !torch.vtensor)
  return %y#0, %y#1, %z#0, %z#1 : !torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor
}

// -----

// The .data overloads of lstm, rnn_tanh and rnn_relu on a packed sequence.
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x5x3xf32>, %[[LEN:[^:]*]]: tensor<2xi64>
// CHECK: %[[XT:.*]] = onnx.Transpose(%[[X]]) {perm = [1, 0, 2]}
// CHECK: %[[D:.*]] = onnx.Identity(%[[XT]]) : (tensor<*xf32>) -> tensor<5x2x3xf32>
// CHECK: %[[L1:.*]] = onnx.Cast(%[[LEN]]) {to = 6 : i64} : (tensor<2xi64>) -> tensor<2xi32>
// CHECK: %[[A:.*]]:3 = onnx.LSTM(%[[D]], %{{.*}}, %{{.*}}, none, %[[L1]], %{{.*}}, %{{.*}}) {direction = "forward", hidden_size = 4 : i64
// CHECK: %[[L2:.*]] = onnx.Cast(%[[LEN]]) {to = 6 : i64} : (tensor<2xi64>) -> tensor<2xi32>
// CHECK: %[[B:.*]]:2 = onnx.RNN(%[[D]], %{{.*}}, %{{.*}}, none, %[[L2]], %{{.*}}) {activations = ["Tanh"]
// CHECK: %[[L3:.*]] = onnx.Cast(%[[LEN]]) {to = 6 : i64} : (tensor<2xi64>) -> tensor<2xi32>
// CHECK: %[[C:.*]]:2 = onnx.RNN(%[[D]], %{{.*}}, %{{.*}}, none, %[[L3]], %{{.*}}) {activations = ["Relu"]
// CHECK: return {{.*}} : tensor<5x2x4xf32>, tensor<1x2x4xf32>, tensor<5x2x4xf32>, tensor<5x2x4xf32>, tensor<1x2x4xf32>
func.func @forward(%x: !torch.vtensor<[2,5,3],f32>, %len: !torch.vtensor<[2],si64>, %h0: !torch.vtensor<[1,2,4],f32>, %c0: !torch.vtensor<[1,2,4],f32>, %lw: !torch.vtensor<[16,3],f32>, %lu: !torch.vtensor<[16,4],f32>, %w: !torch.vtensor<[4,3],f32>, %u: !torch.vtensor<[4,4],f32>) -> (!torch.vtensor<[5,2,4],f32>, !torch.vtensor<[1,2,4],f32>, !torch.vtensor<[5,2,4],f32>, !torch.vtensor<[5,2,4],f32>, !torch.vtensor<[1,2,4],f32>) {
  %true = torch.constant.bool true
  %false = torch.constant.bool false
  %c1 = torch.constant.int 1
  %f0 = torch.constant.float 0.000000e+00
  %data:2 = torch.operator "aten::_pack_padded_sequence"(%x, %len, %true) : (!torch.vtensor<[2,5,3],f32>, !torch.vtensor<[2],si64>, !torch.bool) -> (!torch.vtensor<[7,3],f32>, !torch.vtensor<[4],si64>)
  %hx = torch.prim.ListConstruct %h0, %c0 : (!torch.vtensor<[1,2,4],f32>, !torch.vtensor<[1,2,4],f32>) -> !torch.list<vtensor>
  %lp = torch.prim.ListConstruct %lw, %lu : (!torch.vtensor<[16,3],f32>, !torch.vtensor<[16,4],f32>) -> !torch.list<vtensor>
  %a:3 = torch.aten.lstm.data %data#0, %data#1, %hx, %lp, %false, %c1, %f0, %false, %false : (!torch.vtensor<[7,3],f32>, !torch.vtensor<[4],si64>, !torch.list<vtensor>, !torch.list<vtensor>, !torch.bool, !torch.int, !torch.float, !torch.bool, !torch.bool) -> (!torch.vtensor<[7,4],f32>, !torch.vtensor<[1,2,4],f32>, !torch.vtensor<[1,2,4],f32>)
  %p = torch.prim.ListConstruct %w, %u : (!torch.vtensor<[4,3],f32>, !torch.vtensor<[4,4],f32>) -> !torch.list<vtensor>
  %b:2 = torch.aten.rnn_tanh.data %data#0, %data#1, %h0, %p, %false, %c1, %f0, %false, %false : (!torch.vtensor<[7,3],f32>, !torch.vtensor<[4],si64>, !torch.vtensor<[1,2,4],f32>, !torch.list<vtensor>, !torch.bool, !torch.int, !torch.float, !torch.bool, !torch.bool) -> (!torch.vtensor<[7,4],f32>, !torch.vtensor<[1,2,4],f32>)
  %cc:2 = torch.aten.rnn_relu.data %data#0, %data#1, %h0, %p, %false, %c1, %f0, %false, %false : (!torch.vtensor<[7,3],f32>, !torch.vtensor<[4],si64>, !torch.vtensor<[1,2,4],f32>, !torch.list<vtensor>, !torch.bool, !torch.int, !torch.float, !torch.bool, !torch.bool) -> (!torch.vtensor<[7,4],f32>, !torch.vtensor<[1,2,4],f32>)
  %t = torch.constant.int 5
  %pa:2 = torch.operator "aten::_pad_packed_sequence"(%a#0, %data#1, %false, %f0, %t) : (!torch.vtensor<[7,4],f32>, !torch.vtensor<[4],si64>, !torch.bool, !torch.float, !torch.int) -> (!torch.vtensor<[5,2,4],f32>, !torch.vtensor<[2],si64>)
  %pb:2 = torch.operator "aten::_pad_packed_sequence"(%b#0, %data#1, %false, %f0, %t) : (!torch.vtensor<[7,4],f32>, !torch.vtensor<[4],si64>, !torch.bool, !torch.float, !torch.int) -> (!torch.vtensor<[5,2,4],f32>, !torch.vtensor<[2],si64>)
  %pc:2 = torch.operator "aten::_pad_packed_sequence"(%cc#0, %data#1, %false, %f0, %t) : (!torch.vtensor<[7,4],f32>, !torch.vtensor<[4],si64>, !torch.bool, !torch.float, !torch.int) -> (!torch.vtensor<[5,2,4],f32>, !torch.vtensor<[2],si64>)
  return %pa#0, %a#2, %pb#0, %pc#0, %cc#1 : !torch.vtensor<[5,2,4],f32>, !torch.vtensor<[1,2,4],f32>, !torch.vtensor<[5,2,4],f32>, !torch.vtensor<[5,2,4],f32>, !torch.vtensor<[1,2,4],f32>
}

// -----

// aten.lstm_cell and aten.rnn_relu_cell: one step with the batch as a
// length-1 sequence.
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3xf32>, %[[H:[^:]*]]: tensor<2x4xf32>, %[[C:[^:]*]]: tensor<2x4xf32>
// CHECK: %[[XS:.*]] = onnx.Unsqueeze(%[[X]],
// CHECK: %[[HS:.*]] = onnx.Unsqueeze(%[[H]],
// CHECK: %[[CS:.*]] = onnx.Unsqueeze(%[[C]],
// CHECK: %[[A:.*]]:3 = onnx.LSTM(%[[XS]], %{{.*}}, %{{.*}}, %{{.*}}, none, %[[HS]], %[[CS]]) {direction = "forward", hidden_size = 4 : i64
// CHECK: %[[HN:.*]] = onnx.Squeeze(%[[A]]#1,
// CHECK: %[[CN:.*]] = onnx.Squeeze(%[[A]]#2,
// CHECK: %[[R0:.*]] = onnx.Identity(%[[HN]]) : (tensor<*xf32>) -> tensor<2x4xf32>
// CHECK: %[[R1:.*]] = onnx.Identity(%[[CN]]) : (tensor<*xf32>) -> tensor<2x4xf32>
// CHECK: %[[XR:.*]] = onnx.Unsqueeze(%[[X]],
// CHECK: %[[HR:.*]] = onnx.Unsqueeze(%[[H]],
// CHECK: %[[B:.*]]:2 = onnx.RNN(%[[XR]], %{{.*}}, %{{.*}}, none, none, %[[HR]]) {activations = ["Relu"], direction = "forward", hidden_size = 4 : i64
// CHECK: %[[BN:.*]] = onnx.Squeeze(%[[B]]#1,
// CHECK: %[[R2:.*]] = onnx.Identity(%[[BN]]) : (tensor<*xf32>) -> tensor<2x4xf32>
// CHECK: return %[[R0]], %[[R1]], %[[R2]]
func.func @forward(%x: !torch.vtensor<[2,3],f32>, %h: !torch.vtensor<[2,4],f32>, %c: !torch.vtensor<[2,4],f32>, %lw: !torch.vtensor<[16,3],f32>, %lu: !torch.vtensor<[16,4],f32>, %lb: !torch.vtensor<[16],f32>, %w: !torch.vtensor<[4,3],f32>, %u: !torch.vtensor<[4,4],f32>) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %none = torch.constant.none
  %hx = torch.prim.ListConstruct %h, %c : (!torch.vtensor<[2,4],f32>, !torch.vtensor<[2,4],f32>) -> !torch.list<vtensor>
  %a:2 = torch.aten.lstm_cell %x, %hx, %lw, %lu, %lb, %lb : (!torch.vtensor<[2,3],f32>, !torch.list<vtensor>, !torch.vtensor<[16,3],f32>, !torch.vtensor<[16,4],f32>, !torch.vtensor<[16],f32>, !torch.vtensor<[16],f32>) -> (!torch.vtensor, !torch.vtensor)
  %b = torch.operator "aten::rnn_relu_cell"(%x, %h, %w, %u, %none, %none) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,4],f32>, !torch.vtensor<[4,3],f32>, !torch.vtensor<[4,4],f32>, !torch.none, !torch.none) -> !torch.vtensor
  return %a#0, %a#1, %b : !torch.vtensor, !torch.vtensor, !torch.vtensor
}
