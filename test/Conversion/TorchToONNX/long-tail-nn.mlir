// Lowerings of the export long tail (NN.cpp, Shape.cpp): pooling indices,
// uneven adaptive max pooling with indices, embedding_bag, bucketize,
// circular padding, batch norm by batch statistics, native_layer_norm,
// aminmax, kl_div, atleast_3d, as_strided, tensor_split at run-time
// indices, torchvision nms/roi_align, im2col, repeat_interleave with
// tensor counts, addmv, fmax, count_nonzero; dropout in training mode
// refused.
// RUN: torch-onnx-opt %s --split-input-file --verify-diagnostics --torch-refine-types --convert-torch-to-onnx=opset=17 | FileCheck %s

// max_pool2d_with_indices: MaxPool's indices count over the whole tensor,
// torch's within each (n, c) plane: modulo the plane size 4*6.
// CHECK-LABEL: func.func @main_graph(
// CHECK: %[[P:.*]]:2 = onnx.MaxPool(%arg0) {{.*}}kernel_shape = [2, 2]{{.*}}strides = [2, 2]
// CHECK: %[[PLANE:.*]] = onnx.Initializer {{.*}} = dense<24> : tensor<1xi64>
// CHECK: %[[I:.*]] = onnx.Mod(%[[P]]#1, %[[PLANE]]) {{.*}}tensor<1x2x2x3xi64>
// CHECK: return %[[P]]#0, %[[I]] : tensor<1x2x2x3xf32>, tensor<1x2x2x3xi64>
func.func @forward(%x: !torch.vtensor<[1,2,4,6],f32> {torch.name = "x"}) -> (!torch.vtensor, !torch.vtensor) {
  %c2 = torch.constant.int 2
  %c0 = torch.constant.int 0
  %c1 = torch.constant.int 1
  %k = torch.prim.ListConstruct %c2, %c2 : (!torch.int, !torch.int) -> !torch.list<int>
  %p = torch.prim.ListConstruct %c0, %c0 : (!torch.int, !torch.int) -> !torch.list<int>
  %d = torch.prim.ListConstruct %c1, %c1 : (!torch.int, !torch.int) -> !torch.list<int>
  %false = torch.constant.bool false
  %v:2 = torch.operator "aten::max_pool2d_with_indices"(%x, %k, %k, %p, %d, %false) : (!torch.vtensor<[1,2,4,6],f32>, !torch.list<int>, !torch.list<int>, !torch.list<int>, !torch.list<int>, !torch.bool) -> (!torch.vtensor, !torch.vtensor)
  return %v#0, %v#1 : !torch.vtensor, !torch.vtensor
}

// -----

// Adaptive max pooling 5 -> 3 with indices (uneven windows [0,2), [1,4),
// [3,5)) of an unbatched input: one ReduceMax + ArgMax per cell, the
// window-local index moved by the window's start.
// CHECK-LABEL: func.func @main_graph(
// CHECK: %[[X:.*]] = onnx.Unsqueeze(%arg0
// CHECK: %[[W0:.*]] = onnx.Slice(%[[X]]
// CHECK: %[[F0:.*]] = onnx.Reshape(%[[W0]]
// CHECK: %[[V0:.*]] = onnx.ReduceMax(%[[F0]])
// CHECK: %[[A0:.*]] = onnx.ArgMax(%[[F0]]) {axis = 2 : i64, keepdims = 1 : i64, select_last_index = 0 : i64}
// CHECK: onnx.Slice(%[[X]]
// CHECK: onnx.ArgMax
// CHECK: onnx.Slice(%[[X]]
// CHECK: onnx.ArgMax
// CHECK: %[[V:.*]] = onnx.Concat(%[[V0]],
// CHECK: %[[I:.*]] = onnx.Concat(
// CHECK: %[[VR:.*]] = onnx.Squeeze({{.*}}tensor<2x3xf32>
// CHECK: %[[IR:.*]] = onnx.Squeeze({{.*}}tensor<2x3xi64>
// CHECK: return %[[VR]], %[[IR]]
func.func @forward(%x: !torch.vtensor<[2,5],f32> {torch.name = "x"}) -> (!torch.vtensor, !torch.vtensor) {
  %c3 = torch.constant.int 3
  %o = torch.prim.ListConstruct %c3 : (!torch.int) -> !torch.list<int>
  %v:2 = torch.operator "aten::adaptive_max_pool1d"(%x, %o) : (!torch.vtensor<[2,5],f32>, !torch.list<int>) -> (!torch.vtensor, !torch.vtensor)
  return %v#0, %v#1 : !torch.vtensor, !torch.vtensor
}

// -----

// embedding_bag (mean, padding_idx -1 = row 9): a [bags, indices]
// membership matrix (offsets[b] <= j < next offset, padding left out) times
// the gathered rows, divided by the member count.
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[W:[^:]*]]: tensor<10x4xf32> {onnx.name = "w"}, %[[I:[^:]*]]: tensor<6xi64> {onnx.name = "i"}, %[[O:[^:]*]]: tensor<2xi64>
// CHECK: %[[POS:.*]] = onnx.Range
// CHECK: %[[AFTER:.*]] = onnx.Not
// CHECK: %[[BEFORE:.*]] = onnx.Less
// CHECK: %[[IN:.*]] = onnx.And(%[[AFTER]], %[[BEFORE]])
// CHECK: %[[PAD:.*]] = onnx.Add
// CHECK: onnx.Equal(%[[I]], %[[PAD]])
// CHECK: %[[M:.*]] = onnx.And(%[[IN]],
// CHECK: %[[ROWS:.*]] = onnx.Gather(%[[W]], %[[I]]) {axis = 0 : i64}
// CHECK: %[[MF:.*]] = onnx.Cast(%[[M]]) {to = 1 : i64}
// CHECK: %[[SUM:.*]] = onnx.MatMul(%[[MF]], %[[ROWS]])
// CHECK: %[[DIV:.*]] = onnx.Div(%[[SUM]],
// CHECK: %[[R:.*]] = onnx.Identity(%[[DIV]]) {{.*}}tensor<2x4xf32>
// CHECK: return %[[R]]
func.func @forward(%w: !torch.vtensor<[10,4],f32> {torch.name = "w"}, %i: !torch.vtensor<[6],si64> {torch.name = "i"}, %o: !torch.vtensor<[2],si64> {torch.name = "o"}) -> !torch.vtensor {
  %false = torch.constant.bool false
  %mean = torch.constant.int 1
  %none = torch.constant.none
  %pad = torch.constant.int -1
  %r:4 = torch.operator "aten::embedding_bag.padding_idx"(%w, %i, %o, %false, %mean, %false, %none, %false, %pad) : (!torch.vtensor<[10,4],f32>, !torch.vtensor<[6],si64>, !torch.vtensor<[2],si64>, !torch.bool, !torch.int, !torch.bool, !torch.none, !torch.bool, !torch.int) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor, !torch.vtensor)
  return %r#0 : !torch.vtensor
}

// -----

// bucketize(right=True): the count of boundaries <= x.
// CHECK-LABEL: func.func @main_graph(
// CHECK: %[[X:.*]] = onnx.Unsqueeze(%arg0,
// CHECK: %[[GT:.*]] = onnx.Greater(%arg1, %[[X]])
// CHECK: %[[LE:.*]] = onnx.Not(%[[GT]])
// CHECK: %[[C:.*]] = onnx.Cast(%[[LE]]) {to = 7 : i64}
// CHECK: onnx.ReduceSum(%[[C]], %{{.*}}) {keepdims = 0 : i64
// CHECK: return {{.*}} : tensor<3x4xi64>
func.func @forward(%x: !torch.vtensor<[3,4],f32> {torch.name = "x"}, %b: !torch.vtensor<[5],f32> {torch.name = "b"}) -> !torch.vtensor {
  %false = torch.constant.bool false
  %true = torch.constant.bool true
  %r = torch.operator "aten::bucketize.Tensor"(%x, %b, %false, %true) : (!torch.vtensor<[3,4],f32>, !torch.vtensor<[5],f32>, !torch.bool, !torch.bool) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// Circular padding (1, 2) of the last dim: the last element, the tensor,
// the first two.
// CHECK-LABEL: func.func @main_graph(
// CHECK: %[[LO:.*]] = onnx.Initializer {{.*}} = dense<-1> : tensor<1xi64>
// CHECK: %[[TAIL:.*]] = onnx.Slice(%arg0, %[[LO]],
// CHECK: %[[HI:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<1xi64>
// CHECK: %[[HEAD:.*]] = onnx.Slice(%arg0, %{{.*}}, %[[HI]],
// CHECK: %[[C:.*]] = onnx.Concat(%[[TAIL]], %arg0, %[[HEAD]]) {axis = 1 : i64}
// CHECK: return {{.*}} : tensor<2x8xf32>
func.func @forward(%x: !torch.vtensor<[2,5],f32> {torch.name = "x"}) -> !torch.vtensor {
  %c1 = torch.constant.int 1
  %c2 = torch.constant.int 2
  %p = torch.prim.ListConstruct %c1, %c2 : (!torch.int, !torch.int) -> !torch.list<int>
  %mode = torch.constant.str "circular"
  %none = torch.constant.none
  %r = torch.operator "aten::pad"(%x, %p, %mode, %none) : (!torch.vtensor<[2,5],f32>, !torch.list<int>, !torch.str, !torch.none) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// batch_norm(training=True): the batch's statistics over dims (0, 2).
// CHECK-LABEL: func.func @main_graph(
// CHECK: %[[MEAN:.*]] = onnx.ReduceMean(%arg0) {axes = [0, 2], keepdims = 1 : i64}
// CHECK: %[[D:.*]] = onnx.Sub(%arg0, %[[MEAN]])
// CHECK: %[[VAR:.*]] = onnx.ReduceMean(%{{.*}}) {axes = [0, 2], keepdims = 1 : i64}
// CHECK: %[[N:.*]] = onnx.Div(%[[D]],
// CHECK: %[[W:.*]] = onnx.Unsqueeze(%arg1,
// CHECK: onnx.Mul(%[[N]], %[[W]])
// CHECK-NOT: BatchNormalization
func.func @forward(%x: !torch.vtensor<[4,3,5],f32> {torch.name = "x"}, %w: !torch.vtensor<[3],f32> {torch.name = "w"}) -> !torch.vtensor {
  %none = torch.constant.none
  %true = torch.constant.bool true
  %mom = torch.constant.float 1.000000e-01
  %eps = torch.constant.float 1.000000e-05
  %r = torch.operator "aten::batch_norm"(%x, %w, %none, %none, %none, %true, %mom, %eps, %true) : (!torch.vtensor<[4,3,5],f32>, !torch.vtensor<[3],f32>, !torch.none, !torch.none, !torch.none, !torch.bool, !torch.float, !torch.float, !torch.bool) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// native_layer_norm: the output, the mean and 1/sqrt(var + eps) with the
// normalized dim kept.
// CHECK-LABEL: func.func @main_graph(
// CHECK: %[[MEAN:.*]] = onnx.ReduceMean(%arg0) {axes = [-1], keepdims = 1 : i64}
// CHECK: %[[RSTD:.*]] = onnx.Reciprocal
// CHECK: %[[Y:.*]] = onnx.Mul(%{{.*}}, %[[RSTD]])
// CHECK: %[[R0:.*]] = onnx.Identity(%[[Y]]) {{.*}}tensor<2x3x4xf32>
// CHECK: %[[R1:.*]] = onnx.Identity(%[[MEAN]]) {{.*}}tensor<2x3x1xf32>
// CHECK: %[[R2:.*]] = onnx.Identity(%[[RSTD]]) {{.*}}tensor<2x3x1xf32>
// CHECK: return %[[R0]], %[[R1]], %[[R2]]
func.func @forward(%x: !torch.vtensor<[2,3,4],f32> {torch.name = "x"}) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %c4 = torch.constant.int 4
  %n = torch.prim.ListConstruct %c4 : (!torch.int) -> !torch.list<int>
  %none = torch.constant.none
  %eps = torch.constant.float 1.000000e-05
  %r:3 = torch.operator "aten::native_layer_norm"(%x, %n, %none, %none, %eps) : (!torch.vtensor<[2,3,4],f32>, !torch.list<int>, !torch.none, !torch.none, !torch.float) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor)
  return %r#0, %r#1, %r#2 : !torch.vtensor, !torch.vtensor, !torch.vtensor
}

// -----

// aminmax over dim 1, keepdim.
// CHECK-LABEL: func.func @main_graph(
// CHECK: %[[LO:.*]] = onnx.ReduceMin(%arg0) {axes = [1], keepdims = 1 : i64} : (tensor<3x4xf32>) -> tensor<3x1xf32>
// CHECK: %[[HI:.*]] = onnx.ReduceMax(%arg0) {axes = [1], keepdims = 1 : i64} : (tensor<3x4xf32>) -> tensor<3x1xf32>
// CHECK: return %[[LO]], %[[HI]]
func.func @forward(%x: !torch.vtensor<[3,4],f32> {torch.name = "x"}) -> (!torch.vtensor, !torch.vtensor) {
  %c1 = torch.constant.int 1
  %true = torch.constant.bool true
  %r:2 = torch.operator "aten::aminmax"(%x, %c1, %true) : (!torch.vtensor<[3,4],f32>, !torch.int, !torch.bool) -> (!torch.vtensor, !torch.vtensor)
  return %r#0, %r#1 : !torch.vtensor, !torch.vtensor
}

// -----

// kl_div(reduction=sum): xlogy(t, t) - t * x, 0 where t == 0.
// CHECK-LABEL: func.func @main_graph(
// CHECK: %[[Z:.*]] = onnx.Equal(%arg1,
// CHECK: %[[SAFE:.*]] = onnx.Where(%[[Z]], %{{.*}}, %arg1)
// CHECK: %[[LOG:.*]] = onnx.Log(%[[SAFE]])
// CHECK: %[[TL:.*]] = onnx.Mul(%arg1, %[[LOG]])
// CHECK: %[[XL:.*]] = onnx.Where(%[[Z]], %{{.*}}, %[[TL]])
// CHECK: %[[TX:.*]] = onnx.Mul(%arg1, %arg0)
// CHECK: %[[L:.*]] = onnx.Sub(%[[XL]], %[[TX]])
// CHECK: onnx.ReduceSum(%[[L]]) {{.*}}tensor<f32>
func.func @forward(%x: !torch.vtensor<[3,4],f32> {torch.name = "x"}, %t: !torch.vtensor<[3,4],f32> {torch.name = "t"}) -> !torch.vtensor {
  %sum = torch.constant.int 2
  %false = torch.constant.bool false
  %r = torch.operator "aten::kl_div"(%x, %t, %sum, %false) : (!torch.vtensor<[3,4],f32>, !torch.vtensor<[3,4],f32>, !torch.int, !torch.bool) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// atleast_3d of a vector: [1, n, 1].
// CHECK-LABEL: func.func @main_graph(
// CHECK: %[[AX:.*]] = onnx.Initializer {{.*}} = dense<[0, 2]>
// CHECK: %[[R:.*]] = onnx.Unsqueeze(%arg0, %[[AX]]) {{.*}}tensor<1x3x1xf32>
// CHECK: return %[[R]]
func.func @forward(%x: !torch.vtensor<[3],f32> {torch.name = "x"}) -> !torch.vtensor {
  %r = torch.operator "aten::atleast_3d"(%x) : (!torch.vtensor<[3],f32>) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// Dropout in training mode with p > 0 draws a random mask: refused.
func.func @forward(%x: !torch.vtensor<[2,2],f32> {torch.name = "x"}) -> !torch.vtensor {
  %p = torch.constant.float 5.000000e-01
  %true = torch.constant.bool true
  // expected-error @+1 {{cannot convert 'aten.dropout' to ONNX opset 17: dropout in training mode cannot be exported for inference}}
  %r = torch.operator "aten::dropout"(%x, %p, %true) : (!torch.vtensor<[2,2],f32>, !torch.float, !torch.bool) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// as_strided(size [2, 2], stride [3, 1], offset 1): constant flat indices
// into the flattened input.
// CHECK-LABEL: func.func @main_graph(
// CHECK: %[[F:.*]] = onnx.Reshape(%arg0,
// CHECK: %[[I:.*]] = onnx.Initializer {{.*}} = dense<{{\[}}[1, 2], [4, 5]]> : tensor<2x2xi64>
// CHECK: %[[R:.*]] = onnx.Gather(%[[F]], %[[I]]) {axis = 0 : i64{{.*}}tensor<2x2xf32>
// CHECK: return %[[R]]
func.func @forward(%x: !torch.vtensor<[3,3],f32> {torch.name = "x"}) -> !torch.vtensor {
  %c2 = torch.constant.int 2
  %c1 = torch.constant.int 1
  %c3 = torch.constant.int 3
  %size = torch.prim.ListConstruct %c2, %c2 : (!torch.int, !torch.int) -> !torch.list<int>
  %stride = torch.prim.ListConstruct %c3, %c1 : (!torch.int, !torch.int) -> !torch.list<int>
  %r = torch.operator "aten::as_strided"(%x, %size, %stride, %c1) : (!torch.vtensor<[3,3],f32>, !torch.list<int>, !torch.list<int>, !torch.int) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// tensor_split at indices read from a 1-D tensor: three slices along dim 0
// at run-time bounds [0, i0), [i0, i1), [i1, end).
// CHECK-LABEL: func.func @main_graph(
// CHECK: %[[I0:.*]] = onnx.Gather(%arg1,
// CHECK: %[[I1:.*]] = onnx.Gather(%arg1,
// CHECK: %[[P0:.*]] = onnx.Slice(%arg0, %{{.*}}, %[[I0]],
// CHECK: %[[P1:.*]] = onnx.Slice(%arg0, %[[I0]], %[[I1]],
// CHECK: %[[P2:.*]] = onnx.Slice(%arg0, %[[I1]], %{{.*}},
// CHECK: return {{.*}} : tensor<?x4xf32>, tensor<?x4xf32>, tensor<?x4xf32>
func.func @forward(%x: !torch.vtensor<[5,4],f32> {torch.name = "x"}, %i: !torch.vtensor<[2],si64> {torch.name = "i"}) -> (!torch.vtensor, !torch.vtensor, !torch.vtensor) {
  %c0 = torch.constant.int 0
  %l = torch.operator "aten::tensor_split.tensor_indices_or_sections"(%x, %i, %c0) : (!torch.vtensor<[5,4],f32>, !torch.vtensor<[2],si64>, !torch.int) -> !torch.list<vtensor>
  %a, %b, %c = torch.prim.ListUnpack %l : !torch.list<vtensor> -> !torch.vtensor, !torch.vtensor, !torch.vtensor
  return %a, %b, %c : !torch.vtensor, !torch.vtensor, !torch.vtensor
}

// -----

// torchvision's nms (one batch and class of NonMaxSuppression, column 2 of
// its selection) and roi_align(aligned=True) as RoiAlign half_pixel with
// the rois split into batch indices and boxes.
// CHECK-LABEL: func.func @main_graph(
// CHECK: %[[B:.*]] = onnx.Unsqueeze(%arg0,
// CHECK: %[[S:.*]] = onnx.Unsqueeze(%arg1,
// CHECK: %[[SEL:.*]] = onnx.NonMaxSuppression(%[[B]], %[[S]],
// CHECK: %[[COL:.*]] = onnx.Initializer {{.*}} = dense<2> : tensor<i64>
// CHECK: %[[KEEP:.*]] = onnx.Gather(%[[SEL]], %[[COL]]) {axis = 1 : i64{{.*}}tensor<?xi64>
// CHECK: %[[BI:.*]] = onnx.Gather(%arg3,
// CHECK: %[[BI64:.*]] = onnx.Cast(%[[BI]]) {to = 7 : i64}
// CHECK: %[[BOX:.*]] = onnx.Slice(%arg3,
// CHECK: %[[R:.*]] = onnx.RoiAlign(%arg2, %[[BOX]], %[[BI64]]) {coordinate_transformation_mode = "half_pixel", mode_ = "avg", output_height = 3 : i64, output_width = 3 : i64, sampling_ratio = 2 : i64, spatial_scale = 2.500000e-01 : f32{{.*}}tensor<3x4x3x3xf32>
// CHECK: return %[[KEEP]], %[[R]]
func.func @forward(%b: !torch.vtensor<[20,4],f32> {torch.name = "boxes"}, %s: !torch.vtensor<[20],f32> {torch.name = "scores"}, %f: !torch.vtensor<[2,4,16,16],f32> {torch.name = "feat"}, %rois: !torch.vtensor<[3,5],f32> {torch.name = "rois"}) -> (!torch.vtensor, !torch.vtensor) {
  %iou = torch.constant.float 5.000000e-01
  %keep = torch.operator "torchvision::nms"(%b, %s, %iou) : (!torch.vtensor<[20,4],f32>, !torch.vtensor<[20],f32>, !torch.float) -> !torch.vtensor
  %scale = torch.constant.float 2.500000e-01
  %c3 = torch.constant.int 3
  %c2 = torch.constant.int 2
  %true = torch.constant.bool true
  %r = torch.operator "torchvision::roi_align"(%f, %rois, %scale, %c3, %c3, %c2, %true) : (!torch.vtensor<[2,4,16,16],f32>, !torch.vtensor<[3,5],f32>, !torch.float, !torch.int, !torch.int, !torch.int, !torch.bool) -> !torch.vtensor
  return %keep, %r : !torch.vtensor, !torch.vtensor
}

// -----

// im2col (F.unfold) 2x2, stride 2: one strided slice per kernel offset
// ((0,0), (0,1), (1,0), (1,1)), stacked after C, flattened to
// [N, C*4, L].
// CHECK-LABEL: func.func @main_graph(
// CHECK: %[[S0:.*]] = onnx.Slice(%arg0,
// CHECK: %[[U0:.*]] = onnx.Unsqueeze(%[[S0]],
// CHECK: %[[OFF:.*]] = onnx.Initializer {{.*}} = dense<[0, 1]> : tensor<2xi64>
// CHECK: %[[S1:.*]] = onnx.Slice(%arg0, %[[OFF]],
// CHECK: %[[C:.*]] = onnx.Concat(%[[U0]], {{.*}}) {axis = 2 : i64}
// CHECK: %[[SH:.*]] = onnx.Initializer {{.*}} = dense<[0, 8, 4]>
// CHECK: %[[R:.*]] = onnx.Reshape(%[[C]], %[[SH]]) {{.*}}tensor<1x8x4xf32>
// CHECK: return %[[R]]
func.func @forward(%x: !torch.vtensor<[1,2,4,4],f32> {torch.name = "x"}) -> !torch.vtensor {
  %c2 = torch.constant.int 2
  %c1 = torch.constant.int 1
  %c0 = torch.constant.int 0
  %k = torch.prim.ListConstruct %c2, %c2 : (!torch.int, !torch.int) -> !torch.list<int>
  %d = torch.prim.ListConstruct %c1, %c1 : (!torch.int, !torch.int) -> !torch.list<int>
  %p = torch.prim.ListConstruct %c0, %c0 : (!torch.int, !torch.int) -> !torch.list<int>
  %r = torch.operator "aten::im2col"(%x, %k, %d, %p, %k) : (!torch.vtensor<[1,2,4,4],f32>, !torch.list<int>, !torch.list<int>, !torch.list<int>, !torch.list<int>) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// repeat_interleave with per-element counts: position p takes the
// element whose running count first exceeds p.
// CHECK-LABEL: func.func @main_graph(
// CHECK: %[[ENDS:.*]] = onnx.CumSum
// CHECK: %[[TOTAL:.*]] = onnx.ReduceSum
// CHECK: %[[POS:.*]] = onnx.Range(%{{.*}}, %[[TOTAL]],
// CHECK: %[[LT:.*]] = onnx.Less
// CHECK: %[[PASSED:.*]] = onnx.Not(%[[LT]])
// CHECK: %[[C:.*]] = onnx.Cast(%[[PASSED]]) {to = 7 : i64}
// CHECK: %[[IDX:.*]] = onnx.ReduceSum(%[[C]],
// CHECK: %[[R:.*]] = onnx.Gather(%arg0, %[[IDX]]) {axis = 0 : i64{{.*}}tensor<?x4xf32>
func.func @forward(%x: !torch.vtensor<[3,4],f32> {torch.name = "x"}, %n: !torch.vtensor<[3],si64> {torch.name = "n"}) -> !torch.vtensor {
  %c0 = torch.constant.int 0
  %none = torch.constant.none
  %r = torch.operator "aten::repeat_interleave.self_Tensor"(%x, %n, %c0, %none) : (!torch.vtensor<[3,4],f32>, !torch.vtensor<[3],si64>, !torch.int, !torch.none) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// addmv: beta * self + alpha * (m @ v).
// CHECK-LABEL: func.func @main_graph(
// CHECK: %[[P:.*]] = onnx.MatMul(%arg1, %arg2)
// CHECK: %[[AP:.*]] = onnx.Mul(%[[P]],
// CHECK: %[[BS:.*]] = onnx.Mul(%arg0,
// CHECK: %[[R:.*]] = onnx.Add(%[[BS]], %[[AP]]) {{.*}}tensor<3xf32>
// CHECK: return %[[R]]
func.func @forward(%s: !torch.vtensor<[3],f32> {torch.name = "s"}, %m: !torch.vtensor<[3,4],f32> {torch.name = "m"}, %v: !torch.vtensor<[4],f32> {torch.name = "v"}) -> !torch.vtensor {
  %beta = torch.constant.float 5.000000e-01
  %alpha = torch.constant.float 2.000000e+00
  %r = torch.operator "aten::addmv"(%s, %m, %v, %beta, %alpha) : (!torch.vtensor<[3],f32>, !torch.vtensor<[3,4],f32>, !torch.vtensor<[4],f32>, !torch.float, !torch.float) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// fmax: a NaN operand yields the other one.
// CHECK-LABEL: func.func @main_graph(
// CHECK: %[[M:.*]] = onnx.Max(%arg0, %arg1)
// CHECK: %[[NA:.*]] = onnx.IsNaN(%arg0)
// CHECK: %[[NB:.*]] = onnx.IsNaN(%arg1)
// CHECK: %[[W:.*]] = onnx.Where(%[[NB]], %arg0, %[[M]])
// CHECK: %[[R:.*]] = onnx.Where(%[[NA]], %arg1, %[[W]]) {{.*}}tensor<5xf32>
// CHECK: return %[[R]]
func.func @forward(%a: !torch.vtensor<[5],f32> {torch.name = "a"}, %b: !torch.vtensor<[5],f32> {torch.name = "b"}) -> !torch.vtensor {
  %r = torch.operator "aten::fmax"(%a, %b) : (!torch.vtensor<[5],f32>, !torch.vtensor<[5],f32>) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

// count_nonzero over dim 1: int64 counts.
// CHECK-LABEL: func.func @main_graph(
// CHECK: %[[Z:.*]] = onnx.Equal(%arg0,
// CHECK: %[[NZ:.*]] = onnx.Not(%[[Z]])
// CHECK: %[[C:.*]] = onnx.Cast(%[[NZ]]) {to = 7 : i64}
// CHECK: %[[R:.*]] = onnx.ReduceSum(%[[C]], %{{.*}}) {keepdims = 0 : i64{{.*}}tensor<3xi64>
// CHECK: return %[[R]]
func.func @forward(%x: !torch.vtensor<[3,4],f32> {torch.name = "x"}) -> !torch.vtensor {
  %c1 = torch.constant.int 1
  %r = torch.operator "aten::count_nonzero"(%x, %c1) : (!torch.vtensor<[3,4],f32>, !torch.int) -> !torch.vtensor
  return %r : !torch.vtensor
}
