// Packed sequences (Recurrent.cpp): pack_padded_sequence keeps the data
// padded and time-major and computes PyTorch's batch sizes; the .data
// overloads of the recurrent layers take the lengths as sequence_lens;
// pad_packed_sequence cuts or pads to total_length and writes
// padding_value past each length. The packed data read by anything else
// is refused.
// RUN: torch-onnx-opt %s --split-input-file --verify-diagnostics --torch-refine-types --convert-torch-to-onnx=opset=17 | FileCheck %s

// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[a-z0-9]+]]: tensor<2x5x3xf32> {onnx.name = "x"}, %[[LEN:[a-z0-9]+]]: tensor<2xi64> {onnx.name = "lengths"}
// CHECK: %[[T:.*]] = onnx.Transpose(%[[X]]) {perm = [1, 0, 2]}
// batch_sizes[t] = #{b : lengths[b] > t}, t < max(lengths).
// CHECK: %[[MAX:.*]] = onnx.ReduceMax(%[[LEN]])
// CHECK: onnx.Range
// CHECK: %[[BS:.*]] = onnx.ReduceSum
// CHECK: %[[DATA:.*]] = onnx.Identity(%[[T]]) {{.*}}tensor<5x2x3xf32>
// CHECK: %[[SL:.*]] = onnx.Cast(%[[LEN]]) {to = 6 : i64} : (tensor<2xi64>) -> tensor<2xi32>
// CHECK: %[[GRU:.*]]:2 = onnx.GRU(%[[DATA]], {{.*}}, %[[SL]], {{.*}}) {direction = "forward", hidden_size = 2
// total_length is the batch sizes' length here (what the trace records).
// CHECK: onnx.Shape(%[[BS]])
// CHECK: %[[ROWS:.*]] = onnx.Gather({{.*}}) {axis = 0 : i64} : (tensor<*xf32>, tensor<*xi64>) -> tensor<*xf32>
// CHECK: %[[VALID:.*]] = onnx.Less
// CHECK: %[[W:.*]] = onnx.Where({{.*}}, %[[ROWS]], %{{.*}})
// CHECK: %[[Y:.*]] = onnx.Transpose(%[[W]]) {perm = [1, 0, 2]}
// CHECK: %[[OUT:.*]] = onnx.Identity(%[[Y]]) {{.*}}tensor<2x?x2xf32>
// CHECK: %[[N:.*]] = onnx.Identity(%[[LEN]])
// CHECK: return %[[OUT]], %[[N]], %{{.*}} : tensor<2x?x2xf32>, tensor<2xi64>, tensor<1x2x2xf32>
func.func @forward(%x: !torch.vtensor<[2,5,3],f32> {torch.name = "x"}, %len: !torch.vtensor<[2],si64> {torch.name = "lengths"}, %h0: !torch.vtensor<[1,2,2],f32>, %wih: !torch.vtensor<[6,3],f32>, %whh: !torch.vtensor<[6,2],f32>, %bih: !torch.vtensor<[6],f32>, %bhh: !torch.vtensor<[6],f32>) -> (!torch.vtensor<[2,4,2],f32>, !torch.vtensor<[2],si64>, !torch.vtensor<[1,2,2],f32>) {
  %true = torch.constant.bool true
  %false = torch.constant.bool false
  %c1 = torch.constant.int 1
  %c0 = torch.constant.int 0
  %f0 = torch.constant.float 0.000000e+00
  %data:2 = torch.operator "aten::_pack_padded_sequence"(%x, %len, %true) : (!torch.vtensor<[2,5,3],f32>, !torch.vtensor<[2],si64>, !torch.bool) -> (!torch.vtensor<[7,3],f32>, !torch.vtensor<[4],si64>)
  %params = torch.prim.ListConstruct %wih, %whh, %bih, %bhh : (!torch.vtensor<[6,3],f32>, !torch.vtensor<[6,2],f32>, !torch.vtensor<[6],f32>, !torch.vtensor<[6],f32>) -> !torch.list<vtensor>
  %y:2 = torch.aten.gru.data %data#0, %data#1, %h0, %params, %true, %c1, %f0, %false, %false : (!torch.vtensor<[7,3],f32>, !torch.vtensor<[4],si64>, !torch.vtensor<[1,2,2],f32>, !torch.list<vtensor>, !torch.bool, !torch.int, !torch.float, !torch.bool, !torch.bool) -> (!torch.vtensor<[7,2],f32>, !torch.vtensor<[1,2,2],f32>)
  %t = torch.aten.size.int %data#1, %c0 : (!torch.vtensor<[4],si64>, !torch.int) -> !torch.int
  %p:2 = torch.operator "aten::_pad_packed_sequence"(%y#0, %data#1, %true, %f0, %t) : (!torch.vtensor<[7,2],f32>, !torch.vtensor<[4],si64>, !torch.bool, !torch.float, !torch.int) -> (!torch.vtensor<[2,4,2],f32>, !torch.vtensor<[2],si64>)
  return %p#0, %p#1, %y#1 : !torch.vtensor<[2,4,2],f32>, !torch.vtensor<[2],si64>, !torch.vtensor<[1,2,2],f32>
}

// -----

func.func @forward(%x: !torch.vtensor<[2,5,3],f32>, %len: !torch.vtensor<[2],si64>) -> !torch.vtensor {
  %true = torch.constant.bool true
  // expected-error @+1 {{cannot convert 'aten._pack_padded_sequence' to ONNX opset 17: the packed sequence's data is used by 'aten.relu'; only recurrent layers (nn.LSTM/GRU/RNN) and pad_packed_sequence can take a packed sequence in an export (pad it first)}}
  %data:2 = torch.operator "aten::_pack_padded_sequence"(%x, %len, %true) : (!torch.vtensor<[2,5,3],f32>, !torch.vtensor<[2],si64>, !torch.bool) -> (!torch.vtensor<[7,3],f32>, !torch.vtensor<[4],si64>)
  %r = torch.aten.relu %data#0 : (!torch.vtensor<[7,3],f32>) -> !torch.vtensor
  return %r : !torch.vtensor
}
