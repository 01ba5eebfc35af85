// Transposes of the last dims, movedim, squeeze of listed dims, rms_norm and
// var over the whole tensor (TorchScript keeps these ops whole).
// RUN: torch-onnx-opt %s --split-input-file --torch-refine-types --convert-torch-to-onnx=opset=17 --verify-diagnostics | FileCheck %s

// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3x4xf32>
// CHECK: %[[T:.*]] = onnx.Transpose(%[[X]]) {perm = [0, 2, 1]} : (tensor<2x3x4xf32>) -> tensor<2x4x3xf32>
// CHECK: %[[M:.*]] = onnx.Transpose(%[[X]]) {perm = [1, 2, 0]} : (tensor<2x3x4xf32>) -> tensor<3x4x2xf32>
// CHECK: return %[[T]], %[[M]]
func.func @forward(%x: !torch.vtensor<[2,3,4],f32> {torch.name = "x"}) -> (!torch.vtensor, !torch.vtensor) {
  %t = torch.operator "aten::mT"(%x) : (!torch.vtensor<[2,3,4],f32>) -> !torch.vtensor
  %c0 = torch.constant.int 0
  %c2 = torch.constant.int 2
  %src = torch.prim.ListConstruct %c0 : (!torch.int) -> !torch.list<int>
  %dst = torch.prim.ListConstruct %c2 : (!torch.int) -> !torch.list<int>
  %m = torch.operator "aten::movedim.intlist"(%x, %src, %dst) : (!torch.vtensor<[2,3,4],f32>, !torch.list<int>, !torch.list<int>) -> !torch.vtensor
  return %t, %m : !torch.vtensor, !torch.vtensor
}

// -----

// squeeze(dims): only the listed dims of size 1 go.
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<1x3x1x4xf32>
// CHECK: %[[AXES:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[S:.*]] = onnx.Squeeze(%[[X]], %[[AXES]]) : {{.*}}tensor<1x3x4xf32>
// CHECK: return %[[S]]
func.func @forward(%x: !torch.vtensor<[1,3,1,4],f32> {torch.name = "x"}) -> !torch.vtensor {
  %c1 = torch.constant.int 1
  %c2 = torch.constant.int 2
  %dims = torch.prim.ListConstruct %c1, %c2 : (!torch.int, !torch.int) -> !torch.list<int>
  %s = torch.aten.squeeze.dims %x, %dims : (!torch.vtensor<[1,3,1,4],f32>, !torch.list<int>) -> !torch.vtensor
  return %s : !torch.vtensor
}

// -----

// rms_norm over the last dim with a weight; eps defaults to float32's.
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x8xf32>{{.*}}, %[[W:[^:]*]]: tensor<8xf32>
// CHECK: %[[SQ:.*]] = onnx.Mul(%[[X]], %[[X]])
// CHECK: %[[MS:.*]] = onnx.ReduceMean(%[[SQ]]) {axes = [1], keepdims = 1 : i64}
// CHECK: %[[EPS:.*]] = onnx.Initializer {{.*}} = dense<1.1920929E-7> : tensor<f32>
// CHECK: %[[ADD:.*]] = onnx.Add(%[[MS]], %[[EPS]])
// CHECK: %[[RMS:.*]] = onnx.Sqrt(%[[ADD]])
// CHECK: %[[N:.*]] = onnx.Div(%[[X]], %[[RMS]])
// CHECK: %[[R:.*]] = onnx.Mul(%[[N]], %[[W]]) : {{.*}}tensor<2x8xf32>
// CHECK: return %[[R]]
func.func @forward(%x: !torch.vtensor<[2,8],f32> {torch.name = "x"}, %w: !torch.vtensor<[8],f32> {torch.name = "w"}) -> !torch.vtensor {
  %c8 = torch.constant.int 8
  %shape = torch.prim.ListConstruct %c8 : (!torch.int) -> !torch.list<int>
  %none = torch.constant.none
  %r = torch.operator "aten::rms_norm"(%x, %shape, %w, %none) : (!torch.vtensor<[2,8],f32>, !torch.list<int>, !torch.vtensor<[8],f32>, !torch.none) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// var(x, unbiased=True): every element, divided by N - 1.
// CHECK-LABEL: func.func @main_graph(
// CHECK: %[[MEAN:.*]] = onnx.ReduceMean
// CHECK: %[[SUM:.*]] = onnx.ReduceSum
// CHECK: %[[ONE:.*]] = onnx.Initializer {{.*}} = dense<1.000000e+00> : tensor<f32>
// CHECK: %[[NM1:.*]] = onnx.Sub(%{{.*}}, %[[ONE]])
// CHECK: %[[V:.*]] = onnx.Div(%[[SUM]], %[[NM1]])
// CHECK: onnx.Identity(%[[V]]) : {{.*}}tensor<f32>
func.func @forward(%x: !torch.vtensor<[3,4],f32> {torch.name = "x"}) -> !torch.vtensor {
  %true = torch.constant.bool true
  %v = torch.aten.var %x, %true : (!torch.vtensor<[3,4],f32>, !torch.bool) -> !torch.vtensor
  return %v : !torch.vtensor
}

// -----

// expected-error @+4 {{the size of dim 0 must be known to squeeze it}}
func.func @forward(%x: !torch.vtensor<[?,3],f32> {torch.name = "x"}) -> !torch.vtensor {
  %c0 = torch.constant.int 0
  %dims = torch.prim.ListConstruct %c0 : (!torch.int) -> !torch.list<int>
  %s = torch.aten.squeeze.dims %x, %dims : (!torch.vtensor<[?,3],f32>, !torch.list<int>) -> !torch.vtensor
  return %s : !torch.vtensor
}
