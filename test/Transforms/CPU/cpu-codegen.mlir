// CPU code generation: the fusion control, compile-time transposes of
// weights, register tiling with a remainder, 1x1 convolutions without an
// im2col copy, batched contractions reaching FMAs, one parallel level.
// RUN: split-file %s %t
// RUN: torch-onnx-opt --pass-pipeline="builtin.module(convert-onnx-to-linalg,func.func(fuse-elementwise-no-recompute))" %t/fusion.mlir | FileCheck %t/fusion.mlir
// RUN: torch-onnx-opt --pass-pipeline="builtin.module(convert-onnx-to-linalg,func.func(fold-constant-transposes))" %t/transpose.mlir | FileCheck %t/transpose.mlir
// RUN: torch-onnx-opt --convert-onnx-to-linalg --cpu-tile-and-vectorize=vector-bits=256 %t/tiles.mlir | FileCheck %t/tiles.mlir
// RUN: torch-onnx-opt --cpu-outer-parallel-loops %t/parallel.mlir | FileCheck %t/parallel.mlir
// RUN: torch-onnx-opt --cpu-outer-parallel-loops --canonicalize %t/grid.mlir | FileCheck %t/grid.mlir
// RUN: torch-onnx-opt --cpu-parallel-copies %t/copies.mlir | FileCheck %t/copies.mlir
// RUN: torch-onnx-opt --cpu-collapse-elementwise-dims %t/collapse.mlir | FileCheck %t/collapse.mlir
// RUN: torch-onnx-opt --cpu-approximate-math %t/math.mlir | FileCheck %t/math.mlir
// RUN: torch-onnx-opt --convert-onnx-to-linalg --cpu-tile-and-vectorize="vector-bits=256 pack-min-bytes=0" %t/packing.mlir | FileCheck %t/packing.mlir
// RUN: torch-onnx-opt --convert-onnx-to-linalg --cpu-tile-and-vectorize=vector-bits=512 %t/packed-conv.mlir | FileCheck %t/packed-conv.mlir
// RUN: torch-onnx-opt --convert-onnx-to-linalg --cpu-tile-and-vectorize="vector-bits=512 winograd-min-channels=1" %t/winograd.mlir | FileCheck %t/winograd.mlir
// RUN: torch-onnx-opt --pass-pipeline="builtin.module(convert-onnx-to-linalg,canonicalize,func.func(fuse-elementwise-no-recompute,fold-adds-into-accumulators,cpu-tile-and-vectorize{vector-bits=512 winograd-min-channels=1}),canonicalize)" %t/residual.mlir | FileCheck %t/residual.mlir
// RUN: torch-onnx-opt --pass-pipeline="builtin.module(convert-onnx-to-linalg,canonicalize,cse,func.func(cpu-tile-and-vectorize{vector-bits=512}),canonicalize,cse,one-shot-bufferize{bufferize-function-boundaries function-boundary-type-conversion=identity-layout-map},canonicalize,cse,canonicalize)" %t/shared-inits.mlir | FileCheck %t/shared-inits.mlir
// RUN: torch-onnx-opt --cpu-hoist-vector-transfers --canonicalize %t/split-rows.mlir | FileCheck %t/split-rows.mlir
// RUN: torch-onnx-opt --convert-onnx-to-linalg --cpu-tile-and-vectorize="vector-bits=512 k-block-min-panel-bytes=0" %t/k-block.mlir | FileCheck %t/k-block.mlir
// RUN: torch-onnx-opt --convert-onnx-to-linalg --cpu-tile-and-vectorize=vector-bits=512 %t/k-block.mlir | FileCheck %t/k-block.mlir --check-prefix=SMALL
// RUN: torch-onnx-opt --cpu-hoist-vector-transfers --canonicalize %t/prefetch.mlir | FileCheck %t/prefetch.mlir
// RUN: torch-onnx-opt --cpu-hoist-vector-transfers %t/unroll.mlir | FileCheck %t/unroll.mlir
// RUN: torch-onnx-opt --cpu-hoist-vector-transfers=unroll-reduction=1 %t/unroll.mlir | FileCheck %t/unroll.mlir --check-prefix=NONE
// RUN: torch-onnx-opt --cpu-hoist-vector-transfers=unroll-reduction=1 %t/element-reads.mlir | FileCheck %t/element-reads.mlir
// RUN: torch-onnx-opt --convert-onnx-to-linalg --cpu-tile-and-vectorize="vector-bits=256 pack-min-bytes=0" %t/panel-tasks.mlir | FileCheck %t/panel-tasks.mlir
// RUN: torch-onnx-opt --convert-onnx-to-linalg --cpu-tile-and-vectorize="vector-bits=256 pack-min-bytes=0 panel-task-min-bytes=8388608" %t/panel-tasks.mlir | FileCheck %t/panel-tasks.mlir --check-prefix=ONE
// RUN: torch-onnx-opt --convert-onnx-to-linalg --cpu-tile-and-vectorize="vector-bits=256 pack-min-bytes=0 thread-tile-n=128" %t/panel-tasks.mlir | FileCheck %t/panel-tasks.mlir --check-prefix=HALF

//--- fusion.mlir
// softmax's exp stays out of the P.V contraction (it would run once per
// output column and the contraction would no longer be tiled).
// CHECK-LABEL: func.func @exp_then_matmul
// CHECK: %[[E:.*]] = linalg.generic
// CHECK: math.exp
// CHECK: linalg.matmul ins(%[[E]], %{{.*}} : tensor<8x16xf32>, tensor<16x32xf32>)
func.func @exp_then_matmul(%p: tensor<8x16xf32>, %v: tensor<16x32xf32>) -> tensor<8x32xf32> {
  %e = "onnx.Exp"(%p) : (tensor<8x16xf32>) -> tensor<8x16xf32>
  %0 = "onnx.MatMul"(%e, %v) : (tensor<8x16xf32>, tensor<16x32xf32>) -> tensor<8x32xf32>
  return %0 : tensor<8x32xf32>
}
// An exp broadcast along a dim of its consumer is not recomputed per element.
// CHECK-LABEL: func.func @exp_broadcast
// CHECK: linalg.generic
// CHECK: math.exp
// CHECK: linalg.yield
// CHECK: linalg.generic
// CHECK-NOT: math.exp
// CHECK: arith.mulf
func.func @exp_broadcast(%a: tensor<8x1xf32>, %b: tensor<8x64xf32>) -> tensor<8x64xf32> {
  %e = "onnx.Exp"(%a) : (tensor<8x1xf32>) -> tensor<8x1xf32>
  %0 = "onnx.Mul"(%e, %b) : (tensor<8x1xf32>, tensor<8x64xf32>) -> tensor<8x64xf32>
  return %0 : tensor<8x64xf32>
}
// Same-shape elementwise chains still fuse into one loop nest.
// CHECK-LABEL: func.func @exp_then_add
// CHECK: linalg.generic
// CHECK: math.exp
// CHECK-NEXT: arith.addf
// CHECK-NOT: linalg.generic
func.func @exp_then_add(%a: tensor<8x64xf32>, %b: tensor<8x64xf32>) -> tensor<8x64xf32> {
  %e = "onnx.Exp"(%a) : (tensor<8x64xf32>) -> tensor<8x64xf32>
  %0 = "onnx.Add"(%e, %b) : (tensor<8x64xf32>, tensor<8x64xf32>) -> tensor<8x64xf32>
  return %0 : tensor<8x64xf32>
}

//--- transpose.mlir
// Gemm's transB of a weight and an ONNX Transpose of a weight cost nothing
// per run: the permuted data is a new constant (1 4 2 5 3 6).
// CHECK-LABEL: func.func @gemm_const_b
// CHECK-NOT: linalg.transpose
// CHECK: %[[W:.*]] = arith.constant dense_resource<[[T0:transposed.*]]> : tensor<3x2xf32>
// CHECK: linalg.matmul ins(%{{.*}}, %[[W]] : tensor<4x3xf32>, tensor<3x2xf32>)
func.func @gemm_const_b(%a: tensor<4x3xf32>) -> tensor<4x2xf32> {
  %w = "onnx.Constant"() <{value_ = dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>}> : () -> tensor<2x3xf32>
  %0 = "onnx.Gemm"(%a, %w) {transB = 1 : i64} : (tensor<4x3xf32>, tensor<2x3xf32>) -> tensor<4x2xf32>
  return %0 : tensor<4x2xf32>
}
// CHECK-LABEL: func.func @transpose_resource
// CHECK-NOT: linalg.transpose
// CHECK: %[[W:.*]] = arith.constant dense_resource<[[T1:transposed.*]]> : tensor<3x2xf32>
// CHECK: return %[[W]]
func.func @transpose_resource() -> tensor<3x2xf32> {
  %w = "onnx.Constant"() <{value_ = dense_resource<w> : tensor<2x3xf32>}> : () -> tensor<2x3xf32>
  %0 = "onnx.Transpose"(%w) {perm = [1, 0]} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}
// A permutation that moves the innermost dim, with a dim around it:
// out[a][b][c] = in[b][c][a] = 12 b + 4 c + a (blocked plane transposes).
// CHECK-LABEL: func.func @transpose_3d
// CHECK: %[[W:.*]] = arith.constant dense_resource<[[T2:transposed.*]]> : tensor<4x2x3xi32>
// CHECK: return %[[W]]
func.func @transpose_3d() -> tensor<4x2x3xi32> {
  %w = "onnx.Constant"() <{value_ = dense<[[[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]], [[12, 13, 14, 15], [16, 17, 18, 19], [20, 21, 22, 23]]]> : tensor<2x3x4xi32>}> : () -> tensor<2x3x4xi32>
  %0 = "onnx.Transpose"(%w) {perm = [2, 0, 1]} : (tensor<2x3x4xi32>) -> tensor<4x2x3xi32>
  return %0 : tensor<4x2x3xi32>
}
// A splat stays a splat.
// CHECK-LABEL: func.func @transpose_splat
// CHECK: %[[W:.*]] = arith.constant dense<2.000000e+00> : tensor<3x2xf32>
// CHECK: return %[[W]]
func.func @transpose_splat() -> tensor<3x2xf32> {
  %w = "onnx.Constant"() <{value_ = dense<2.0> : tensor<2x3xf32>}> : () -> tensor<2x3xf32>
  %0 = "onnx.Transpose"(%w) {perm = [1, 0]} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}
// CHECK: [[T0]]: "0x400000000000803F00008040000000400000A040000040400000C040"
// CHECK: [[T1]]: "0x400000000000803F00008040000000400000A040000040400000C040"
// CHECK: [[T2]]: "0x400000000000000004000000080000000C00000010000000140000000100000005000000090000000D000000110000001500000002000000060000000A0000000E000000120000001600000003000000070000000B0000000F0000001300000017000000"
{-#
  dialect_resources: {
    builtin: {
      w: "0x040000000000803F0000004000004040000080400000A0400000C040"
    }
  }
#-}

//--- tiles.mlir
// n = 196 is not a multiple of the 16-wide register tile: 12 whole tiles
// plus a 4-wide remainder, both vectorized (no scalar fallback).
// CHECK-LABEL: func.func @remainder
// CHECK: scf.forall (%{{.*}}, %{{.*}}) = (0, 0) to (64, 192) step (16, 96)
// CHECK: scf.for %{{.*}} = %c0 to %c96 step %c16
// CHECK: vector.fma {{.*}} : vector<16xf32>
// CHECK: scf.for %{{.*}} = %c0 to %c64 step %c4
// CHECK: vector.fma {{.*}} : vector<4xf32>
func.func @remainder(%a: tensor<64x128xf32>, %b: tensor<128x196xf32>) -> tensor<64x196xf32> {
  %0 = "onnx.MatMul"(%a, %b) : (tensor<64x128xf32>, tensor<128x196xf32>) -> tensor<64x196xf32>
  return %0 : tensor<64x196xf32>
}
// A batched matmul: the batch dim is tiled by 1 and dropped from the
// register tile, so it reaches FMAs.
// CHECK-LABEL: func.func @batched
// CHECK: scf.forall (%{{.*}}, %{{.*}}, %{{.*}}) = (0, 0, 0) to (4, 64, 64)
// CHECK: vector.fma {{.*}} : vector<16xf32>
func.func @batched(%a: tensor<4x64x32xf32>, %b: tensor<4x32x64xf32>) -> tensor<4x64x64xf32> {
  %0 = "onnx.MatMul"(%a, %b) : (tensor<4x64x32xf32>, tensor<4x32x64xf32>) -> tensor<4x64x64xf32>
  return %0 : tensor<4x64x64xf32>
}
// A 1x1 convolution (stride 1, batch 1) is a 2-D contraction on the input
// as it is: no im2col copy.
// CHECK-LABEL: func.func @conv1x1
// CHECK-NOT: tensor<1x64x1x1x16x16xf32>
// CHECK: tensor.collapse_shape %{{.*}} {{\[\[}}0], [1], [2, 3]] : tensor<1x64x16x16xf32> into tensor<1x64x256xf32>
// CHECK: vector.fma {{.*}} : vector<16xf32>
func.func @conv1x1(%x: tensor<1x64x16x16xf32>, %w: tensor<32x64x1x1xf32>) -> tensor<1x32x16x16xf32> {
  %0 = "onnx.Conv"(%x, %w) {kernel_shape = [1, 1]} : (tensor<1x64x16x16xf32>, tensor<32x64x1x1xf32>) -> tensor<1x32x16x16xf32>
  return %0 : tensor<1x32x16x16xf32>
}

// A bias: each register tile starts from it (read once per block of 4
// output channels, outside the loop over the pixels), in the task's output
// slice, which is an empty tensor: the output is not filled with the bias
// in memory and read back by the contraction.
// CHECK-LABEL: func.func @conv1x1_bias
// CHECK: %[[E:.+]] = bufferization.alloc_tensor() : tensor<32x256xf32>
// CHECK: scf.forall {{.*}} shared_outs(%{{.*}} = %[[E]])
// CHECK: scf.for %{{.*}} = %c0 to %c32 step %c4
// CHECK: vector.transfer_read %{{.*}} : tensor<4xf32>, vector<4xf32>
// CHECK: scf.for %{{.*}} = %c0 to %c64 step %c16
// CHECK: scf.for %{{.*}} = %c0 to %c64 step %c1
// CHECK-COUNT-4: vector.fma {{.*}} : vector<16xf32>
func.func @conv1x1_bias(%x: tensor<1x64x16x16xf32>, %w: tensor<32x64x1x1xf32>, %b: tensor<32xf32>) -> tensor<1x32x16x16xf32> {
  %0 = "onnx.Conv"(%x, %w, %b) {kernel_shape = [1, 1]} : (tensor<1x64x16x16xf32>, tensor<32x64x1x1xf32>, tensor<32xf32>) -> tensor<1x32x16x16xf32>
  return %0 : tensor<1x32x16x16xf32>
}

// A depthwise convolution: one task per (n, c) plane; per block of 8 output
// columns, 4 output rows at a time, one FMA per tap and row with the
// broadcast filter value; the last 6 of the 14 columns are a masked block
// (no in_bounds: it may run past the row); the 2 rows left after 3 groups of 4 run one at a
// time. Without a bias the accumulators start from a zero vector: the
// output is neither filled nor read.
// CHECK-LABEL: func.func @depthwise
// CHECK: %[[Z:.+]] = arith.constant dense<0.000000e+00> : vector<8xf32>
// CHECK: scf.forall (%[[N:.+]], %[[C:.+]]) in (1, 8)
// CHECK: %[[T:.+]] = tensor.extract %{{.*}}[%[[C]], %c0, %c0] : tensor<8x3x3xf32>
// CHECK: %[[TB:.+]] = vector.broadcast %[[T]] : f32 to vector<8xf32>
// CHECK: scf.for %[[OH:.+]] = %c0 to %c12 step %c4
// CHECK: scf.for %[[OW:.+]] = %c0 to %c8 step %c8
// CHECK-NOT: tensor<14x14xf32>, vector<8xf32>
// CHECK: %[[X:.+]] = vector.transfer_read %{{.*}}[%[[N]], %[[C]], %{{.*}}, %{{.*}}], %{{.*}} {in_bounds = [true]} : tensor<1x8x16x16xf32>, vector<8xf32>
// CHECK: vector.fma %[[X]], %[[TB]], %[[Z]] : vector<8xf32>
// CHECK: vector.transfer_write %{{.*}}, %{{.*}}[%{{.*}}, %[[OW]]] {in_bounds = [true]} : vector<8xf32>, tensor<14x14xf32>
// CHECK: vector.transfer_write %{{.*}}, %{{.*}}[%{{.*}}, %c8] : vector<8xf32>, tensor<14x14xf32>
// CHECK: scf.for %{{.*}} = %c12 to %c14 step %c1
// CHECK: tensor.parallel_insert_slice
func.func @depthwise(%x: tensor<1x8x16x16xf32>, %w: tensor<8x1x3x3xf32>) -> tensor<1x8x14x14xf32> {
  %0 = "onnx.Conv"(%x, %w) {group = 8 : i64, kernel_shape = [3, 3]} : (tensor<1x8x16x16xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x14x14xf32>
  return %0 : tensor<1x8x14x14xf32>
}
// With a bias, each plane's accumulators start from its channel's bias.
// CHECK-LABEL: func.func @depthwise_bias
// CHECK: scf.forall (%{{.+}}, %[[C:.+]]) in (1, 8)
// CHECK: %[[B:.+]] = tensor.extract %{{.*}}[%[[C]]] : tensor<8xf32>
// CHECK: %[[BB:.+]] = vector.broadcast %[[B]] : f32 to vector<8xf32>
// CHECK-NOT: tensor<14x14xf32>, vector<8xf32>
// CHECK: vector.fma %{{.*}}, %{{.*}}, %[[BB]] : vector<8xf32>
func.func @depthwise_bias(%x: tensor<1x8x16x16xf32>, %w: tensor<8x1x3x3xf32>, %b: tensor<8xf32>) -> tensor<1x8x14x14xf32> {
  %0 = "onnx.Conv"(%x, %w, %b) {group = 8 : i64, kernel_shape = [3, 3]} : (tensor<1x8x16x16xf32>, tensor<8x1x3x3xf32>, tensor<8xf32>) -> tensor<1x8x14x14xf32>
  return %0 : tensor<1x8x14x14xf32>
}
// Width stride 2: each tap loads the 15 input columns its 8 outputs span
// and picks every second one (here a 16-wide read would pass the row's end).
// CHECK-LABEL: func.func @depthwise_stride2
// CHECK: vector.transfer_read {{.*}} : tensor<1x8x17x17xf32>, vector<15xf32>
// CHECK: vector.shuffle %{{.*}}, %{{.*}} [0, 2, 4, 6, 8, 10, 12, 14] : vector<15xf32>, vector<15xf32>
func.func @depthwise_stride2(%x: tensor<1x8x17x17xf32>, %w: tensor<8x1x3x3xf32>) -> tensor<1x8x8x8xf32> {
  %0 = "onnx.Conv"(%x, %w) {group = 8 : i64, kernel_shape = [3, 3], strides = [2, 2]} : (tensor<1x8x17x17xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}
// Where it stays inside the row for every full block, the read is two whole
// vectors (16 columns), so the pick is one two-source permute; the partial
// last block (1 column) is masked.
// CHECK-LABEL: func.func @depthwise_stride2_wide
// CHECK: vector.transfer_read {{.*}} {in_bounds = [true]} : tensor<1x8x35x35xf32>, vector<16xf32>
// CHECK: vector.shuffle %{{.*}}, %{{.*}} [0, 2, 4, 6, 8, 10, 12, 14] : vector<16xf32>, vector<16xf32>
// CHECK: vector.transfer_read %{{[^{]*}} : tensor<1x8x35x35xf32>, vector<16xf32>
func.func @depthwise_stride2_wide(%x: tensor<1x8x35x35xf32>, %w: tensor<8x1x3x3xf32>) -> tensor<1x8x17x17xf32> {
  %0 = "onnx.Conv"(%x, %w) {group = 8 : i64, kernel_shape = [3, 3], strides = [2, 2]} : (tensor<1x8x35x35xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x17x17xf32>
  return %0 : tensor<1x8x17x17xf32>
}
// Padding an activation for a convolution that reads a padded input (an
// im2col one): the border is filled (top, bottom, left and right bands) and
// the activation writes the interior in place; no fill of the whole padded
// tensor and no copy.
// CHECK-LABEL: func.func @pad_in_place
// CHECK-NOT: tensor.pad
// CHECK: %[[E:.+]] = bufferization.alloc_tensor() : tensor<1x8x18x18xf32>
// CHECK: %[[TOP:.+]] = tensor.extract_slice %[[E]][0, 0, 0, 0] [1, 8, 1, 18]
// CHECK: linalg.fill {{.*}} -> tensor<1x8x1x18xf32>
// CHECK: tensor.extract_slice %{{.*}}[0, 0, 17, 0] [1, 8, 1, 18]
// CHECK: tensor.extract_slice %{{.*}}[0, 0, 1, 0] [1, 8, 16, 1]
// CHECK: tensor.extract_slice %{{.*}}[0, 0, 1, 17] [1, 8, 16, 1]
// CHECK: %[[IN:.+]] = tensor.extract_slice %{{.*}}[0, 0, 1, 1] [1, 8, 16, 16]
// CHECK: %[[R:.+]] = linalg.generic {{.*}} outs(%[[IN]] : tensor<1x8x16x16xf32>)
// CHECK: arith.maxnumf
// CHECK: tensor.insert_slice %[[R]] into %{{.*}}[0, 0, 1, 1] [1, 8, 16, 16]
func.func @pad_in_place(%x: tensor<1x8x16x16xf32>, %w: tensor<8x8x3x3xf32>) -> tensor<1x8x16x16xf32> {
  %r = "onnx.Relu"(%x) : (tensor<1x8x16x16xf32>) -> tensor<1x8x16x16xf32>
  %0 = "onnx.Conv"(%r, %w) {kernel_shape = [3, 3], pads = [1, 1, 1, 1]} : (tensor<1x8x16x16xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x16x16xf32>
  return %0 : tensor<1x8x16x16xf32>
}
// A depthwise convolution reads its zero padding's source as is: no pad, no
// padded tensor. The top and bottom output rows (taps above and below the
// input dropped) and the left and right column blocks (masked reads; left
// of the row shifted in as zeros) are generated apart from the interior
// loops, which read in bounds. Its ReLU is applied to each output vector
// before it is stored (no second pass).
// CHECK-LABEL: func.func @depthwise_padded_relu
// CHECK-NOT: tensor.pad
// CHECK-NOT: tensor<1x8x18x18xf32>
// CHECK: %[[ZS:.+]] = arith.constant dense<0.000000e+00> : vector<8xf32>
// CHECK: scf.forall
// Output row 0, first block: only the taps of input rows 0 and 1; the
// column left of the row comes from the zero vector.
// CHECK: %[[L:.+]] = vector.transfer_read %{{.*}}[%{{.*}}, %{{.*}}, %c0, %c0], %{{.*}} : tensor<1x8x16x16xf32>, vector<8xf32>
// CHECK: vector.shuffle %[[ZS]], %[[L]] [0, 8, 9, 10, 11, 12, 13, 14] : vector<8xf32>, vector<8xf32>
// CHECK: %[[M:.+]] = arith.maxnumf %{{.*}}, %{{.*}} : vector<8xf32>
// CHECK: vector.transfer_write %[[M]], %{{.*}}[%c0, %c0] {in_bounds = [true]}
// Interior rows, 4 at a time, read in bounds.
// CHECK: scf.for %{{.*}} = %c1 to %c13 step %c4
// CHECK: vector.transfer_read {{.*}} {in_bounds = [true]} : tensor<1x8x16x16xf32>, vector<8xf32>
// The last row on its own.
// CHECK: vector.transfer_write %{{.*}}, %{{.*}}[%c15, %c8] {in_bounds = [true]}
// CHECK-NOT: linalg.generic
func.func @depthwise_padded_relu(%x: tensor<1x8x16x16xf32>, %w: tensor<8x1x3x3xf32>) -> tensor<1x8x16x16xf32> {
  %0 = "onnx.Conv"(%x, %w) {group = 8 : i64, kernel_shape = [3, 3], pads = [1, 1, 1, 1]} : (tensor<1x8x16x16xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x16x16xf32>
  %1 = "onnx.Relu"(%0) : (tensor<1x8x16x16xf32>) -> tensor<1x8x16x16xf32>
  return %1 : tensor<1x8x16x16xf32>
}
// A max pooling (3x3, stride 2, -inf padding of 1) is the same direct code
// with a maximumf for the FMA: no pad and no padded tensor; the column left
// of the row is shifted in from a -inf vector, reads past the row's end are
// padded with -inf.
// CHECK-LABEL: func.func @maxpool
// CHECK-NOT: tensor.pad
// CHECK-DAG: %[[NEG:.+]] = arith.constant dense<0xFF800000> : vector<16xf32>
// CHECK-DAG: %[[NEG1:.+]] = arith.constant 0xFF800000 : f32
// CHECK: scf.forall (%{{.+}}, %{{.+}}) in (1, 8)
// CHECK: %[[L:.+]] = vector.transfer_read %{{.*}}[%{{.*}}, %{{.*}}, %c0, %c0], %[[NEG1]] {in_bounds = [true]} : tensor<1x8x16x16xf32>, vector<16xf32>
// CHECK: %[[LS:.+]] = vector.shuffle %[[NEG]], %[[L]] [0, 17, 19, 21, 23, 25, 27, 29] : vector<16xf32>, vector<16xf32>
// CHECK: %[[R:.+]] = vector.shuffle %{{.*}}, %{{.*}} [0, 2, 4, 6, 8, 10, 12, 14] : vector<16xf32>, vector<16xf32>
// CHECK: arith.maximumf %[[LS]], %[[R]] : vector<8xf32>
// CHECK: scf.for %{{.*}} = %c1 to %c5 step %c4
// CHECK-NOT: linalg.generic
func.func @maxpool(%x: tensor<1x8x16x16xf32>) -> tensor<1x8x8x8xf32> {
  %0 = "onnx.MaxPool"(%x) {kernel_shape = [3, 3], pads = [1, 1, 1, 1], strides = [2, 2]} : (tensor<1x8x16x16xf32>) -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}
// A 1x1 convolution's Clip (and a Sigmoid after a matmul) is applied by
// each register tile after its reduction loop, before the store: no pass
// over the output after the contraction.
// CHECK-LABEL: func.func @conv1x1_clip
// CHECK: scf.forall
// CHECK: %[[K:.+]]:2 = scf.for
// CHECK: vector.fma
// CHECK: %[[ACC:.+]] = vector.transfer_write %[[K]]#1
// CHECK: %[[V:.+]] = vector.transfer_read %[[ACC]]
// CHECK: %[[LT:.+]] = arith.cmpf olt, %[[V]], %{{.*}} : vector<4x16xf32>
// CHECK: %[[LO:.+]] = arith.select %[[LT]], %{{.*}}, %[[V]]
// CHECK: arith.cmpf ogt, %[[LO]]
// CHECK: tensor.insert_slice
// CHECK: tensor.expand_shape
// CHECK-NOT: linalg.generic
func.func @conv1x1_clip(%x: tensor<1x16x32x32xf32>, %w: tensor<64x16x1x1xf32>) -> tensor<1x64x32x32xf32> {
  %lo = "onnx.Constant"() <{value_ = dense<0.0> : tensor<f32>}> : () -> tensor<f32>
  %hi = "onnx.Constant"() <{value_ = dense<6.0> : tensor<f32>}> : () -> tensor<f32>
  %0 = "onnx.Conv"(%x, %w) {kernel_shape = [1, 1]} : (tensor<1x16x32x32xf32>, tensor<64x16x1x1xf32>) -> tensor<1x64x32x32xf32>
  %1 = "onnx.Clip"(%0, %lo, %hi) <{operandSegmentSizes = array<i32: 1, 1, 1>}> : (tensor<1x64x32x32xf32>, tensor<f32>, tensor<f32>) -> tensor<1x64x32x32xf32>
  return %1 : tensor<1x64x32x32xf32>
}
// A Clip bound read from a function argument where the Clip is: the read
// moves above the convolution and the Clip into its register tiles. A
// bound computed after the convolution (a reduction) cannot move: that Clip
// stays a pass of its own.
// CHECK-LABEL: func.func @conv1x1_clip_arg_bounds
// CHECK: tensor.extract %arg2[]
// CHECK: scf.forall
// CHECK: arith.cmpf olt, %{{.*}} : vector<4x16xf32>
// CHECK-NOT: linalg.generic
func.func @conv1x1_clip_arg_bounds(%x: tensor<1x16x32x32xf32>, %w: tensor<64x16x1x1xf32>, %lo: tensor<f32>, %hi: tensor<f32>) -> tensor<1x64x32x32xf32> {
  %0 = "onnx.Conv"(%x, %w) {kernel_shape = [1, 1]} : (tensor<1x16x32x32xf32>, tensor<64x16x1x1xf32>) -> tensor<1x64x32x32xf32>
  %1 = "onnx.Clip"(%0, %lo, %hi) <{operandSegmentSizes = array<i32: 1, 1, 1>}> : (tensor<1x64x32x32xf32>, tensor<f32>, tensor<f32>) -> tensor<1x64x32x32xf32>
  return %1 : tensor<1x64x32x32xf32>
}
// CHECK-LABEL: func.func @conv1x1_clip_late_bound
// CHECK: scf.forall
// CHECK: %[[LO:.+]] = tensor.extract %{{.*}}[] : tensor<f32>
// CHECK: linalg.generic
// CHECK: arith.cmpf olt, %{{.*}}, %[[LO]] : f32
func.func @conv1x1_clip_late_bound(%x: tensor<1x16x32x32xf32>, %w: tensor<64x16x1x1xf32>, %v: tensor<8xf32>, %hi: tensor<f32>) -> tensor<1x64x32x32xf32> {
  %0 = "onnx.Conv"(%x, %w) {kernel_shape = [1, 1]} : (tensor<1x16x32x32xf32>, tensor<64x16x1x1xf32>) -> tensor<1x64x32x32xf32>
  %lo = "onnx.ReduceMin"(%v) {keepdims = 0 : i64} : (tensor<8xf32>) -> tensor<f32>
  %1 = "onnx.Clip"(%0, %lo, %hi) <{operandSegmentSizes = array<i32: 1, 1, 1>}> : (tensor<1x64x32x32xf32>, tensor<f32>, tensor<f32>) -> tensor<1x64x32x32xf32>
  return %1 : tensor<1x64x32x32xf32>
}
// CHECK-LABEL: func.func @matmul_sigmoid
// CHECK: scf.for
// CHECK: vector.fma
// CHECK: scf.yield
// CHECK: math.exp %{{.*}} : vector<4x16xf32>
// CHECK-NOT: linalg.generic
func.func @matmul_sigmoid(%a: tensor<64x128xf32>, %b: tensor<128x64xf32>) -> tensor<64x64xf32> {
  %0 = "onnx.MatMul"(%a, %b) : (tensor<64x128xf32>, tensor<128x64xf32>) -> tensor<64x64xf32>
  %1 = "onnx.Sigmoid"(%0) : (tensor<64x64xf32>) -> tensor<64x64xf32>
  return %1 : tensor<64x64xf32>
}
// A global average pooling reduces each (n, c) plane as one row: its
// [H, W] dims collapsed, one task per row, the row read in vectors and
// reduced by a tree (a chain of scalar adds before).
// CHECK-LABEL: func.func @global_avgpool
// CHECK: %[[ROWS:.*]] = tensor.collapse_shape %arg0 {{\[\[}}0], [1], [2, 3]] : tensor<1x32x56x56xf32> into tensor<1x32x3136xf32>
// CHECK: scf.forall (%[[N:.*]], %[[C:.*]]) in (1, 32)
// CHECK: tensor.extract_slice %[[ROWS]][%[[N]], %[[C]], 0] [1, 1, 3136]
// CHECK: scf.for %{{.*}} = %c0 to %c3136 step %c784
// CHECK: vector.reduction <add>, %{{.*}} : vector<784xf32> into f32
func.func @global_avgpool(%x: tensor<1x32x56x56xf32>) -> tensor<1x32x1x1xf32> {
  %0 = "onnx.GlobalAveragePool"(%x) : (tensor<1x32x56x56xf32>) -> tensor<1x32x1x1xf32>
  return %0 : tensor<1x32x1x1xf32>
}
// A grouped convolution (16 channels per group): an im2col copy in vectors
// of an output row (a task per input channel and kernel row), then one
// contraction per group ([4, 16, 144] x [4, 144, 196]), the group its batch
// dim, the register tiles' vectors along the pixels. An average pool's sums
// walk the output row innermost (a max pool is direct vector code,
// @maxpool above).
// CHECK-LABEL: func.func @grouped
// CHECK: %[[COL:.*]] = scf.forall (%[[C:.*]], %[[KH:.*]]) in (64, 3)
// CHECK: scf.for %[[OH:.*]] = %c0 to %c14
// CHECK: %[[ROW:.*]] = arith.addi %[[KH]], %[[OH]]
// CHECK: vector.transfer_read %arg0[%c0, %[[C]], %[[ROW]], %c0]{{.*}} : tensor<1x64x16x16xf32>, vector<14xf32>
// CHECK: vector.transfer_read %arg0[%c0, %[[C]], %[[ROW]], %c2]{{.*}} : tensor<1x64x16x16xf32>, vector<14xf32>
// CHECK: %[[BYG:.*]] = tensor.expand_shape %[[COL]] {{.*}} into tensor<4x16x3x3x14x14xf32>
// CHECK: tensor.collapse_shape %[[BYG]] {{\[\[}}0], [1, 2, 3], [4, 5]] : tensor<4x16x3x3x14x14xf32> into tensor<4x144x196xf32>
// CHECK: scf.forall (%{{.*}}, %{{.*}}, %{{.*}}) = (0, 0, 0) to (4, 16, 192)
// CHECK: scf.for %{{.*}} = %c0 to %c144
// CHECK: vector.fma {{.*}} : vector<16xf32>
func.func @grouped(%x: tensor<1x64x16x16xf32>, %w: tensor<64x16x3x3xf32>) -> tensor<1x64x14x14xf32> {
  %0 = "onnx.Conv"(%x, %w) {group = 4 : i64, kernel_shape = [3, 3]} : (tensor<1x64x16x16xf32>, tensor<64x16x3x3xf32>) -> tensor<1x64x14x14xf32>
  return %0 : tensor<1x64x14x14xf32>
}
// An average pooling: its sum is the max pooling's code with an addf and
// zero padding; its divisor (the taps inside the input: 4 in a corner, 6 on
// an edge, 9 inside) a constant counted at compile time, no pooled mask.
// CHECK-LABEL: func.func @avgpool
// CHECK-NOT: tensor.pad
// CHECK-DAG: %[[ZERO:.+]] = arith.constant dense<0.000000e+00> : vector<16xf32>
// CHECK-DAG: %[[CNT:.+]] = arith.constant dense<{{\[\[}}4.000000e+00, 6.000000e+00, 6.000000e+00, {{.*}}], [6.000000e+00, 9.000000e+00, 9.000000e+00, {{.*}} : tensor<8x8xf32>
// CHECK: %[[SUM:.+]] = scf.forall (%{{.+}}, %{{.+}}) in (1, 8)
// CHECK: %[[LS:.+]] = vector.shuffle %[[ZERO]], %{{.*}} [0, 17, 19, 21, 23, 25, 27, 29] : vector<16xf32>, vector<16xf32>
// CHECK: arith.addf %[[LS]], %{{.*}} : vector<8xf32>
// CHECK: linalg.generic {{.*}} ins(%[[SUM]], %[[CNT]] : tensor<1x8x8x8xf32>, tensor<8x8xf32>)
// CHECK: arith.divf
// CHECK-NOT: linalg.generic
func.func @avgpool(%x: tensor<1x8x16x16xf32>) -> tensor<1x8x8x8xf32> {
  %0 = "onnx.AveragePool"(%x) {kernel_shape = [3, 3], pads = [1, 1, 1, 1], strides = [2, 2]} : (tensor<1x8x16x16xf32>) -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}
// count_include_pad: every window counts its 9 taps.
// CHECK-LABEL: func.func @avgpool_include_pad
// CHECK: %[[CNT:.+]] = arith.constant dense<9.000000e+00> : tensor<8x8xf32>
// CHECK: linalg.generic {{.*}} ins(%{{.*}}, %[[CNT]] : tensor<1x8x8x8xf32>, tensor<8x8xf32>)
func.func @avgpool_include_pad(%x: tensor<1x8x16x16xf32>) -> tensor<1x8x8x8xf32> {
  %0 = "onnx.AveragePool"(%x) {count_include_pad = 1 : i64, kernel_shape = [3, 3], pads = [1, 1, 1, 1], strides = [2, 2]} : (tensor<1x8x16x16xf32>) -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}
// A reduction along the contiguous dim: one task per row, the row read as
// one vector and reduced by one vector.reduction.
// CHECK-LABEL: func.func @row_sum
// CHECK: scf.forall (%{{.*}}, %{{.*}}, %{{.*}}) in (4, 8, 16)
// CHECK: %[[ROW:.+]] = vector.transfer_read {{.*}} : tensor<1x1x1x32xf32>, vector<32xf32>
// CHECK: vector.reduction <add>, %[[ROW]], %{{.*}} : vector<32xf32> into f32
func.func @row_sum(%x: tensor<4x8x16x32xf32>) -> tensor<4x8x16x1xf32> {
  %0 = "onnx.ReduceSum"(%x) {axes = [3]} : (tensor<4x8x16x32xf32>) -> tensor<4x8x16x1xf32>
  return %0 : tensor<4x8x16x1xf32>
}
// A long row is reduced in chunks of at most 1024 elements.
// CHECK-LABEL: func.func @long_rows
// CHECK: scf.for %{{.*}} = %c0 to %c2048 step %c1024
// CHECK: vector.reduction <maximumf>, %{{.*}}, %{{.*}} : vector<1024xf32> into f32
func.func @long_rows(%x: tensor<4x2048xf32>) -> tensor<4x1xf32> {
  %0 = "onnx.ReduceMax"(%x) {axes = [1]} : (tensor<4x2048xf32>) -> tensor<4x1xf32>
  return %0 : tensor<4x1xf32>
}
// A row shorter than one vector stays as it was.
// CHECK-LABEL: func.func @short_rows
// CHECK-NOT: vector.reduction
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "reduction"]
func.func @short_rows(%x: tensor<64x4xf32>) -> tensor<64x1xf32> {
  %0 = "onnx.ReduceSum"(%x) {axes = [1]} : (tensor<64x4xf32>) -> tensor<64x1xf32>
  return %0 : tensor<64x1xf32>
}

//--- parallel.mlir
// The annotation that keeps a small fill from LLVM's unrolling and
// vectorization (@small).
// CHECK: #[[UNROLL:.*]] = #llvm.loop_unroll<disable = true>
// CHECK: #[[VEC:.*]] = #llvm.loop_vectorize<disable = true>
// CHECK: #[[PLAIN:.*]] = #llvm.loop_annotation<vectorize = #[[VEC]], unroll = #[[UNROLL]]>
// A parallel loop inside another one runs on its task's thread.
// CHECK-LABEL: func.func @nested
// CHECK: scf.parallel (%[[I:.*]]) =
// CHECK-NOT: scf.parallel
// CHECK: scf.for %[[K:.*]] =
// CHECK: scf.for %[[J:.*]] =
// CHECK: memref.store %{{.*}}, %{{.*}}[%[[I]], %[[J]]]
func.func @nested(%m: memref<64x196xf32>, %v: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  %c192 = arith.constant 192 : index
  %c196 = arith.constant 196 : index
  scf.parallel (%i) = (%c0) to (%c64) step (%c1) {
    scf.for %k = %c0 to %c192 step %c1 {
      scf.parallel (%j) = (%c0) to (%c196) step (%c1) {
        memref.store %v, %m[%i, %j] : memref<64x196xf32>
      }
    }
  }
  return
}

// Too little work for a fork/join: the calling thread runs it. A fill (a
// value from outside stored) carries the annotation.
// CHECK-LABEL: func.func @small
// CHECK-NOT: scf.parallel
// CHECK: scf.for
// CHECK: scf.for
// CHECK: memref.store
// CHECK-NEXT: } {llvm.loop_annotation = #[[PLAIN]]}
// CHECK-NEXT: } {llvm.loop_annotation = #[[PLAIN]]}
func.func @small(%m: memref<8x8xf32>, %v: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  scf.parallel (%i, %j) = (%c0, %c0) to (%c8, %c8) step (%c1, %c1) {
    memref.store %v, %m[%i, %j] : memref<8x8xf32>
  }
  return
}

// Work counts a vector op once per 16 lanes: 9 rows of 112 x 3 copies of
// 223-lane vectors (a stride-2 convolution's im2col rows) are worth the
// threads, where counting each vector op once kept them on the calling
// thread.
// CHECK-LABEL: func.func @vector_rows
// CHECK: scf.parallel
func.func @vector_rows(%src: memref<3x226x226xf32>, %dst: memref<3x3x112x223xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c112 = arith.constant 112 : index
  %z = arith.constant 0.0 : f32
  scf.parallel (%c, %kh) = (%c0, %c0) to (%c3, %c3) step (%c1, %c1) {
    scf.for %r = %c0 to %c112 step %c1 {
      %v = vector.transfer_read %src[%c, %r, %c0], %z {in_bounds = [true]} : memref<3x226x226xf32>, vector<223xf32>
      vector.transfer_write %v, %dst[%c, %kh, %r, %c0] {in_bounds = [true]} : vector<223xf32>, memref<3x3x112x223xf32>
    }
  }
  return
}

// A small copy keeps LLVM's loop optimizations, and so does a fill nested
// in a parallel loop (a task's work).
// CHECK-LABEL: func.func @small_copy
// CHECK-NOT: llvm.loop_annotation
// CHECK: return
func.func @small_copy(%a: memref<8x8xf32>, %b: memref<8x8xf32>, %v: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  scf.parallel (%i, %j) = (%c0, %c0) to (%c8, %c8) step (%c1, %c1) {
    %x = memref.load %a[%i, %j] : memref<8x8xf32>
    memref.store %x, %b[%i, %j] : memref<8x8xf32>
  }
  scf.parallel (%i) = (%c0) to (%c8) step (%c1) {
    scf.parallel (%j) = (%c0) to (%c8) step (%c1) {
      memref.store %v, %b[%i, %j] : memref<8x8xf32>
    }
  }
  return
}

//--- grid.mlir
// A grid of tasks (here 3x3 calls) is shared out over all of its tiles: one
// parallel loop of 9 iterations, each recovering its two indices.
// CHECK-LABEL: func.func @task_grid
// CHECK-DAG: %[[C3:.*]] = arith.constant 3 : index
// CHECK-DAG: %[[C9:.*]] = arith.constant 9 : index
// CHECK: scf.parallel (%[[T:.*]]) = (%{{.*}}) to (%[[C9]])
// CHECK-DAG: %[[J:.*]] = arith.remsi %[[T]], %[[C3]]
// CHECK-DAG: %[[I:.*]] = arith.divsi %[[T]], %[[C3]]
// CHECK-DAG: %[[ROW:.*]] = affine.apply #{{.*}}(%[[I]])
// CHECK-DAG: %[[COL:.*]] = affine.apply #{{.*}}(%[[J]])
// CHECK: func.call @task(%[[ROW]], %[[COL]], %{{.*}})
// CHECK-NOT: scf.for
// CHECK: return
func.func private @task(index, index, memref<192x768xf32>)
func.func @task_grid(%m: memref<192x768xf32>) {
  %c0 = arith.constant 0 : index
  %c64 = arith.constant 64 : index
  %c192 = arith.constant 192 : index
  %c256 = arith.constant 256 : index
  %c768 = arith.constant 768 : index
  scf.parallel (%i, %j) = (%c0, %c0) to (%c192, %c768) step (%c64, %c256) {
    func.call @task(%i, %j, %m) : (index, index, memref<192x768xf32>) -> ()
  }
  return
}

// An image's 3 channels copied into a padded buffer: the 3 channels and
// their 224 rows share the parallel loop (672 rows), the pixels of a row
// stay an inner loop.
// CHECK-LABEL: func.func @few_channels
// CHECK: scf.parallel (%[[R:.*]]) = (%c0) to (%c672) step (%c1)
// CHECK-NOT: scf.parallel
// CHECK: scf.for %[[X:.*]] = %c0 to %c224 step %c1
// CHECK-DAG: %[[H:.*]] = arith.remsi %[[R]], %c224
// CHECK-DAG: %[[C:.*]] = arith.divsi %[[R]], %c224
// CHECK: memref.load %{{.*}}[%c0, %[[C]], %[[H]], %[[X]]]
func.func @few_channels(%a: memref<1x3x224x224xf32>, %b: memref<1x3x224x224xf32, strided<[153228, 51076, 226, 1], offset: 227>>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c224 = arith.constant 224 : index
  scf.parallel (%n, %c, %h, %w) = (%c0, %c0, %c0, %c0) to (%c1, %c3, %c224, %c224) step (%c1, %c1, %c1, %c1) {
    %x = memref.load %a[%n, %c, %h, %w] : memref<1x3x224x224xf32>
    memref.store %x, %b[%n, %c, %h, %w] : memref<1x3x224x224xf32, strided<[153228, 51076, 226, 1], offset: 227>>
  }
  return
}

//--- copies.mlir
// A large copy between contiguous buffers: a parallel loop over 16 chunks,
// each a copy of contiguous 1-D views (a memcpy). Other large copies (a
// window of a wider buffer) become linalg.copy (parallel loops later);
// small ones stay.
// CHECK-LABEL: func.func @copies
// CHECK: %[[S:.*]] = memref.collapse_shape %arg0 {{\[\[}}0, 1]] : memref<64x196xf32> into memref<12544xf32>
// CHECK: %[[D:.*]] = memref.collapse_shape %arg1 {{\[\[}}0, 1]] : memref<64x196xf32> into memref<12544xf32>
// CHECK: scf.parallel (%[[I:.*]]) = (%c0) to (%c16) step (%c1)
// CHECK: %[[O:.*]] = arith.muli %[[I]], %c784
// CHECK: %[[SV:.*]] = memref.subview %[[S]][%[[O]]] [784] [1]
// CHECK: %[[DV:.*]] = memref.subview %[[D]][%[[O]]] [784] [1]
// CHECK: memref.copy %[[SV]], %[[DV]]
// CHECK: linalg.copy ins(%{{.*}} : memref<64x196xf32, strided<[200, 1]>>) outs(%arg1 : memref<64x196xf32>)
// CHECK: memref.copy %arg2, %arg3 : memref<4x4xf32> to memref<4x4xf32>
func.func @copies(%a: memref<64x196xf32>, %b: memref<64x196xf32>, %c: memref<4x4xf32>, %d: memref<4x4xf32>, %wide: memref<64x200xf32>) {
  memref.copy %a, %b : memref<64x196xf32> to memref<64x196xf32>
  %w = memref.subview %wide[0, 0] [64, 196] [1, 1] : memref<64x200xf32> to memref<64x196xf32, strided<[200, 1]>>
  memref.copy %w, %b : memref<64x196xf32, strided<[200, 1]>> to memref<64x196xf32>
  memref.copy %c, %d : memref<4x4xf32> to memref<4x4xf32>
  return
}

//--- math.mlir
// f32 exp/tanh/erf become polynomials (vectorizable), their multiply-adds
// contractable arith (FMA instructions, not calls of fmaf); f64 stays a call.
// CHECK-LABEL: func.func @f32_math
// CHECK-NOT: math.exp
// CHECK-NOT: math.tanh
// CHECK-NOT: math.erf
// CHECK-NOT: math.fma
// CHECK: arith.mulf {{.*}} fastmath<contract> : vector<16xf32>
// CHECK: return
func.func @f32_math(%x: vector<16xf32>) -> vector<16xf32> {
  %0 = math.exp %x : vector<16xf32>
  %1 = math.tanh %0 : vector<16xf32>
  %2 = math.erf %1 : vector<16xf32>
  return %2 : vector<16xf32>
}
// CHECK-LABEL: func.func @f64_math
// CHECK: math.exp %{{.*}} : f64
func.func @f64_math(%x: f64) -> f64 {
  %0 = math.exp %x : f64
  return %0 : f64
}

//--- packing.mlir
// B in panels of 16 columns: Bp[j, k, i] = B[k, 16 j + i]. A weight is
// packed at compile time (B[k, n] = 32 k + n: the blob starts with row 0's
// first 16 values, then row 1's, 32.0); a computed B by a copy. One task per
// (panel, 64-row block); the register tiles read contiguous panel rows.
// The copy of a computed B walks B row by row within a block of panels
// (loops block, k, panel, column; here one block of the 2 panels).
// CHECK-DAG: #[[ROWS:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, (d0 * 2 + d2) * 16 + d3)>
// CHECK-DAG: #[[PANELS:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d2, d1, d3)>
// CHECK-LABEL: func.func @packed_weight
// CHECK: %[[P:.*]] = arith.constant dense_resource<[[BLOB:packed.*]]> : tensor<2x8x16xf32>
// CHECK: scf.forall (%[[J:.*]], %{{.*}}, %{{.*}}) = (0, 0, 0) to (2, 256, 16) step (1, 64, 16)
// CHECK: tensor.extract_slice %[[P]][%[[J]], 0, %{{.*}}] [1, 8, 16]
// CHECK: vector.fma {{.*}} : vector<16xf32>
// The zero accumulator is a fill of the packed output's shape, fused into
// each task and, below the task's unit panel dim, into each register tile:
// a zero vector written over the tile (no memset of the whole output, no
// fill of the task's tile read back by the tiles).
// CHECK-LABEL: func.func @packed_at_run_time
// CHECK: %[[Z:.*]] = arith.constant dense<0.000000e+00> : vector<4x16xf32>
// CHECK: %[[E:.*]] = tensor.empty() : tensor<1x2x8x16xf32>
// CHECK: %[[G:.*]] = linalg.generic {indexing_maps = [#[[ROWS]], #[[PANELS]]]{{.*}} ins(%arg1 : tensor<8x32xf32>) outs(%[[E]] : tensor<1x2x8x16xf32>)
// CHECK: %[[C:.*]] = tensor.collapse_shape %[[G]] {{\[\[}}0, 1], [2], [3]] : tensor<1x2x8x16xf32> into tensor<2x8x16xf32>
// CHECK-NOT: linalg.fill
// CHECK: scf.forall
// CHECK: tensor.extract_slice %[[C]]
// CHECK-NOT: linalg.fill
// CHECK: vector.transfer_write %[[Z]], %{{.*}} : vector<4x16xf32>, tensor<4x16xf32>
// CHECK: vector.fma {{.*}} : vector<16xf32>
// The part of a weight a split leaves (N = 40: columns 0-31, then 32-39)
// is cut out and packed at compile time too (B[k, n] = 40 k + n: row 1
// starts at 40.0).
// CHECK-LABEL: func.func @packed_weight_slice
// CHECK: arith.constant dense_resource<[[SLICE:packed.*]]> : tensor<2x8x16xf32>
// CHECK: vector.fma {{.*}} : vector<16xf32>
// CHECK: [[BLOB]]: "0x40000000000000000000803F0000004000004040000080400000A0400000C0400000E040000000410000104100002041000030410000404100005041000060410000704100000042
// CHECK: [[SLICE]]: "0x40000000000000000000803F0000004000004040000080400000A0400000C0400000E040000000410000104100002041000030410000404100005041000060410000704100002042
func.func @packed_weight(%a: tensor<256x8xf32>) -> tensor<256x32xf32> {
  %w = "onnx.Constant"() <{value_ = dense<"0x000000000000803F0000004000004040000080400000A0400000C0400000E0400000004100001041000020410000304100004041000050410000604100007041000080410000884100009041000098410000A0410000A8410000B0410000B8410000C0410000C8410000D0410000D8410000E0410000E8410000F0410000F84100000042000004420000084200000C4200001042000014420000184200001C4200002042000024420000284200002C4200003042000034420000384200003C4200004042000044420000484200004C4200005042000054420000584200005C4200006042000064420000684200006C4200007042000074420000784200007C42000080420000824200008442000086420000884200008A4200008C4200008E42000090420000924200009442000096420000984200009A4200009C4200009E420000A0420000A2420000A4420000A6420000A8420000AA420000AC420000AE420000B0420000B2420000B4420000B6420000B8420000BA420000BC420000BE420000C0420000C2420000C4420000C6420000C8420000CA420000CC420000CE420000D0420000D2420000D4420000D6420000D8420000DA420000DC420000DE420000E0420000E2420000E4420000E6420000E8420000EA420000EC420000EE420000F0420000F2420000F4420000F6420000F8420000FA420000FC420000FE420000004300000143000002430000034300000443000005430000064300000743000008430000094300000A4300000B4300000C4300000D4300000E4300000F430000104300001143000012430000134300001443000015430000164300001743000018430000194300001A4300001B4300001C4300001D4300001E4300001F430000204300002143000022430000234300002443000025430000264300002743000028430000294300002A4300002B4300002C4300002D4300002E4300002F430000304300003143000032430000334300003443000035430000364300003743000038430000394300003A4300003B4300003C4300003D4300003E4300003F430000404300004143000042430000434300004443000045430000464300004743000048430000494300004A4300004B4300004C4300004D4300004E4300004F430000504300005143000052430000534300005443000055430000564300005743000058430000594300005A4300005B4300005C4300005D4300005E4300005F430000604300006143000062430000634300006443000065430000664300006743000068430000694300006A4300006B4300006C4300006D4300006E4300006F430000704300007143000072430000734300007443000075430000764300007743000078430000794300007A4300007B4300007C4300007D4300007E4300007F43"> : tensor<8x32xf32>}> : () -> tensor<8x32xf32>
  %0 = "onnx.MatMul"(%a, %w) : (tensor<256x8xf32>, tensor<8x32xf32>) -> tensor<256x32xf32>
  return %0 : tensor<256x32xf32>
}
func.func @packed_at_run_time(%a: tensor<256x8xf32>, %b: tensor<8x32xf32>) -> tensor<256x32xf32> {
  %0 = "onnx.MatMul"(%a, %b) : (tensor<256x8xf32>, tensor<8x32xf32>) -> tensor<256x32xf32>
  return %0 : tensor<256x32xf32>
}
func.func @packed_weight_slice(%a: tensor<256x8xf32>) -> tensor<256x40xf32> {
  %w = "onnx.Constant"() <{value_ = dense<"0x000000000000803F0000004000004040000080400000A0400000C0400000E0400000004100001041000020410000304100004041000050410000604100007041000080410000884100009041000098410000A0410000A8410000B0410000B8410000C0410000C8410000D0410000D8410000E0410000E8410000F0410000F84100000042000004420000084200000C4200001042000014420000184200001C4200002042000024420000284200002C4200003042000034420000384200003C4200004042000044420000484200004C4200005042000054420000584200005C4200006042000064420000684200006C4200007042000074420000784200007C42000080420000824200008442000086420000884200008A4200008C4200008E42000090420000924200009442000096420000984200009A4200009C4200009E420000A0420000A2420000A4420000A6420000A8420000AA420000AC420000AE420000B0420000B2420000B4420000B6420000B8420000BA420000BC420000BE420000C0420000C2420000C4420000C6420000C8420000CA420000CC420000CE420000D0420000D2420000D4420000D6420000D8420000DA420000DC420000DE420000E0420000E2420000E4420000E6420000E8420000EA420000EC420000EE420000F0420000F2420000F4420000F6420000F8420000FA420000FC420000FE420000004300000143000002430000034300000443000005430000064300000743000008430000094300000A4300000B4300000C4300000D4300000E4300000F430000104300001143000012430000134300001443000015430000164300001743000018430000194300001A4300001B4300001C4300001D4300001E4300001F430000204300002143000022430000234300002443000025430000264300002743000028430000294300002A4300002B4300002C4300002D4300002E4300002F430000304300003143000032430000334300003443000035430000364300003743000038430000394300003A4300003B4300003C4300003D4300003E4300003F430000404300004143000042430000434300004443000045430000464300004743000048430000494300004A4300004B4300004C4300004D4300004E4300004F430000504300005143000052430000534300005443000055430000564300005743000058430000594300005A4300005B4300005C4300005D4300005E4300005F430000604300006143000062430000634300006443000065430000664300006743000068430000694300006A4300006B4300006C4300006D4300006E4300006F430000704300007143000072430000734300007443000075430000764300007743000078430000794300007A4300007B4300007C4300007D4300007E4300007F43000080430080804300008143008081430000824300808243000083430080834300008443008084430000854300808543000086430080864300008743008087430000884300808843000089430080894300008A4300808A4300008B4300808B4300008C4300808C4300008D4300808D4300008E4300808E4300008F4300808F43000090430080904300009143008091430000924300809243000093430080934300009443008094430000954300809543000096430080964300009743008097430000984300809843000099430080994300009A4300809A4300009B4300809B4300009C4300809C4300009D4300809D4300009E4300809E4300009F4300809F43"> : tensor<8x40xf32>}> : () -> tensor<8x40xf32>
  %0 = "onnx.MatMul"(%a, %w) : (tensor<256x8xf32>, tensor<8x40xf32>) -> tensor<256x40xf32>
  return %0 : tensor<256x40xf32>
}

//--- packed-conv.mlir
// A convolution with a long reduction (K = 64*3*3 = 576): pixels along the
// register tile's rows, output channels along its vectors. The filter is
// copied into panels of 32 channels [1, 576, 32] (at compile time when it is
// a constant); the im2col copy writes blocks of 7 pixels of one output row
// [28, 64, 3, 3, 7] (OW = 14 = 2 x 7), one vector of 7 pixels per (c, kh,
// kw) read from the padded input row; a task is the channel panel and 2
// pixel blocks (at least 8 tasks); the register tile is 7 pixels x 32
// channels, one broadcast and FMA per pixel and k step. Its accumulator
// starts at zero in registers: the output is neither filled nor read back
// (no transposed read of the tile), and the tile is written transposed once
// after the k loop.
// CHECK-LABEL: func.func @packed_conv
// CHECK-DAG: %[[Z:.*]] = arith.constant dense<0.000000e+00> : vector<7x32xf32>
// CHECK: linalg.generic {{.*}} ins(%{{.*}} : tensor<32x576xf32>) outs(%{{.*}} : tensor<1x576x32xf32>)
// CHECK: scf.forall (%{{.*}}) in (28) shared_outs(%{{.*}} = %{{.*}}) -> (tensor<28x64x3x3x7xf32>)
// CHECK: scf.for {{.*}} -> (tensor<64x3x3x7xf32>)
// CHECK-COUNT-9: vector.transfer_read {{.*}} : tensor<1x64x16x16xf32>, vector<7xf32>
// CHECK: scf.forall (%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) = (0, 0, 0, 0) to (1, 28, 7, 32) step (1, 2, 7, 32)
// CHECK-NOT: linalg.fill
// CHECK-NOT: vector.transfer_read {{.*}} : tensor<32x7xf32>
// CHECK: scf.for %{{.*}} = %c0 to %c576 step %c1 iter_args({{.*}}, %{{.*}} = %[[Z]]) -> ({{.*}}vector<7x32xf32>)
// CHECK-COUNT-7: vector.fma {{.*}} : vector<32xf32>
// CHECK-NOT: vector.fma
// CHECK: scf.yield
// CHECK: vector.transfer_write {{.*}} : vector<32x7xf32>, tensor<32x7xf32>
func.func @packed_conv(%x: tensor<1x64x14x14xf32>, %w: tensor<32x64x3x3xf32>) -> tensor<1x32x14x14xf32> {
  %0 = "onnx.Conv"(%x, %w) {kernel_shape = [3, 3], pads = [1, 1, 1, 1]} : (tensor<1x64x14x14xf32>, tensor<32x64x3x3xf32>) -> tensor<1x32x14x14xf32>
  return %0 : tensor<1x32x14x14xf32>
}
// A 1x1 convolution on 7x7 pixels (49: vectors of 32 + 16 + 1 along the
// pixels in the plain path) takes the packed path from K = 128 when its
// channels fill whole vectors: filter panels [2, 160, 32], pixel blocks of
// 7, a 7 x 32 register tile from zero. With 232 channels (8-lane vectors)
// or K = 96 it stays a plain matmul on the input as is.
// CHECK-LABEL: func.func @pointwise_7x7
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<2x160x32xf32>)
// CHECK: scf.forall (%{{.*}}) in (7) shared_outs(%{{.*}}) -> (tensor<7x160x1x1x7xf32>)
// CHECK: scf.for %{{.*}} = %c0 to %c160 step %c1 iter_args({{.*}}) -> ({{.*}}vector<7x32xf32>)
// With a bias, the register tiles start from it in registers: each reads
// its panel's 32 biases once and repeats them over the 7 pixel rows. The
// task's output is neither filled with the bias (a generic in the task)
// nor read back transposed.
// CHECK-LABEL: func.func @pointwise_7x7_bias
// CHECK: scf.forall (%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) = (0, 0, 0, 0) to (2, 7, 7, 32)
// CHECK-NOT: linalg.generic
// CHECK-NOT: vector.transfer_read {{.*}} : tensor<32x7xf32>
// CHECK: vector.insert %[[B:.*]], %{{.*}} [0] : vector<32xf32> into vector<7x32xf32>
// CHECK-COUNT-6: vector.insert %[[B]], %{{.*}} [{{[1-6]}}] : vector<32xf32> into vector<7x32xf32>
// CHECK-NEXT: scf.for %{{.*}} = %c0 to %c160 step %c1 iter_args({{.*}}) -> ({{.*}}vector<7x32xf32>)
// CHECK-LABEL: func.func @pointwise_7x7_narrow
// CHECK-NOT: x232x8xf32>
// CHECK: tensor<232x49xf32>
// CHECK-LABEL: func.func @pointwise_7x7_short
// CHECK-NOT: x96x32xf32>
// CHECK: tensor<96x49xf32>
func.func @pointwise_7x7(%x: tensor<1x160x7x7xf32>, %w: tensor<64x160x1x1xf32>) -> tensor<1x64x7x7xf32> {
  %0 = "onnx.Conv"(%x, %w) {kernel_shape = [1, 1]} : (tensor<1x160x7x7xf32>, tensor<64x160x1x1xf32>) -> tensor<1x64x7x7xf32>
  return %0 : tensor<1x64x7x7xf32>
}
func.func @pointwise_7x7_bias(%x: tensor<1x160x7x7xf32>, %w: tensor<64x160x1x1xf32>, %b: tensor<64xf32>) -> tensor<1x64x7x7xf32> {
  %0 = "onnx.Conv"(%x, %w, %b) {kernel_shape = [1, 1]} : (tensor<1x160x7x7xf32>, tensor<64x160x1x1xf32>, tensor<64xf32>) -> tensor<1x64x7x7xf32>
  return %0 : tensor<1x64x7x7xf32>
}
func.func @pointwise_7x7_narrow(%x: tensor<1x232x7x7xf32>, %w: tensor<232x232x1x1xf32>) -> tensor<1x232x7x7xf32> {
  %0 = "onnx.Conv"(%x, %w) {kernel_shape = [1, 1]} : (tensor<1x232x7x7xf32>, tensor<232x232x1x1xf32>) -> tensor<1x232x7x7xf32>
  return %0 : tensor<1x232x7x7xf32>
}
func.func @pointwise_7x7_short(%x: tensor<1x96x7x7xf32>, %w: tensor<64x96x1x1xf32>) -> tensor<1x64x7x7xf32> {
  %0 = "onnx.Conv"(%x, %w) {kernel_shape = [1, 1]} : (tensor<1x96x7x7xf32>, tensor<64x96x1x1xf32>) -> tensor<1x64x7x7xf32>
  return %0 : tensor<1x64x7x7xf32>
}
// A packed convolution's reduction (K = 128*3*3 = 1152) is blocked by 128
// whatever its panel's size (36 KiB here; a plain matmul's would stay whole),
// and the register tile's loop over a block is marked for the prefetch of
// the next block of filter panel.
// CHECK-LABEL: func.func @packed_conv_blocked
// CHECK: scf.forall
// CHECK: scf.for %{{.*}} = %c0 to %c1152 step %c128
// CHECK: scf.for %{{.*}} = %c0 to %c128 step %c1
// CHECK: } {tonnx.prefetch_next_block, tonnx.unroll_reduction}
func.func @packed_conv_blocked(%x: tensor<1x128x14x14xf32>, %w: tensor<32x128x3x3xf32>) -> tensor<1x32x14x14xf32> {
  %0 = "onnx.Conv"(%x, %w) {kernel_shape = [3, 3], pads = [1, 1, 1, 1]} : (tensor<1x128x14x14xf32>, tensor<32x128x3x3xf32>) -> tensor<1x32x14x14xf32>
  return %0 : tensor<1x32x14x14xf32>
}
// A short reduction (K = 16*3*3 = 144) keeps the im2col matrix [K, OH*OW]
// with vectors along the pixels, copied in rows of 14 pixels.
// CHECK-LABEL: func.func @short_k_conv
// CHECK: scf.forall (%{{.*}}, %{{.*}}) in (16, 3) shared_outs(%{{.*}}) -> (tensor<16x3x3x14x14xf32>)
// CHECK-COUNT-3: vector.transfer_read {{.*}} : tensor<1x16x16x16xf32>, vector<14xf32>
// CHECK-NOT: tensor<1x144x32xf32>
func.func @short_k_conv(%x: tensor<1x16x14x14xf32>, %w: tensor<32x16x3x3xf32>) -> tensor<1x32x14x14xf32> {
  %0 = "onnx.Conv"(%x, %w) {kernel_shape = [3, 3], pads = [1, 1, 1, 1]} : (tensor<1x16x14x14xf32>, tensor<32x16x3x3xf32>) -> tensor<1x32x14x14xf32>
  return %0 : tensor<1x32x14x14xf32>
}
// A stride-2 convolution: each block's input span (13 floats for 7
// pixels) is read once and every other lane picked.
// CHECK-LABEL: func.func @packed_conv_stride2
// CHECK: vector.transfer_read {{.*}} : tensor<1x64x16x16xf32>, vector<13xf32>
// CHECK: vector.shuffle {{.*}} [0, 2, 4, 6, 8, 10, 12] : vector<13xf32>, vector<13xf32>
func.func @packed_conv_stride2(%x: tensor<1x64x14x14xf32>, %w: tensor<32x64x3x3xf32>) -> tensor<1x32x7x7xf32> {
  %0 = "onnx.Conv"(%x, %w) {kernel_shape = [3, 3], pads = [1, 1, 1, 1], strides = [2, 2]} : (tensor<1x64x14x14xf32>, tensor<32x64x3x3xf32>) -> tensor<1x32x7x7xf32>
  return %0 : tensor<1x32x7x7xf32>
}

// A contraction split along its columns (196 pixels: 192 + 4) starts each
// part's register tiles from the bias in registers: no broadcast of the
// bias over the whole output before the parts (a pass that wrote it to
// memory for the tiles to read back).
// CHECK-LABEL: func.func @split_bias
// CHECK-SAME: %[[B:[^:]+]]: tensor<64xf32>
// CHECK-NOT: linalg.generic
// CHECK: scf.forall (%[[I:[^,]+]], %{{.*}}) = (0, 0) to (64, 192)
// CHECK: tensor.extract_slice %[[B]][%[[I]]] [32] [1] : tensor<64xf32> to tensor<32xf32>
// CHECK: vector.transfer_read {{.*}} : tensor<8xf32>, vector<8xf32>
// CHECK: scf.forall (%[[J:[^,]+]], %{{.*}}) = (0, 0) to (64, 4)
// CHECK: tensor.extract_slice %[[B]][%[[J]]] [64] [1] : tensor<64xf32> to tensor<64xf32>
// CHECK: vector.transfer_read {{.*}} : tensor<8xf32>, vector<8xf32>
func.func @split_bias(%x: tensor<1x64x14x14xf32>, %w: tensor<64x64x1x1xf32>, %b: tensor<64xf32>) -> tensor<1x64x14x14xf32> {
  %0 = "onnx.Conv"(%x, %w, %b) {kernel_shape = [1, 1]} : (tensor<1x64x14x14xf32>, tensor<64x64x1x1xf32>, tensor<64xf32>) -> tensor<1x64x14x14xf32>
  return %0 : tensor<1x64x14x14xf32>
}

// An odd count of few tasks (576 rows in tasks of 64: 9, which two threads
// share 5 and 4) takes the largest smaller task tile that makes it even
// (48 rows: 12 tasks).
// CHECK-LABEL: func.func @even_tasks
// CHECK: scf.forall (%{{.*}}, %{{.*}}) = (0, 0) to (576, 192) step (48, 192)
func.func @even_tasks(%a: tensor<576x96xf32>, %b: tensor<96x192xf32>) -> tensor<576x192xf32> {
  %0 = "onnx.MatMul"(%a, %b) : (tensor<576x96xf32>, tensor<96x192xf32>) -> tensor<576x192xf32>
  return %0 : tensor<576x192xf32>
}

// 12544 pixels in tiles of 256 make 49 tasks (25 and 24 on 2 threads):
// a column tile of 224 makes 56.
// CHECK-LABEL: func.func @even_columns
// CHECK: scf.forall (%{{.*}}, %{{.*}}) = (0, 0) to (32, 12544) step (32, 224)
func.func @even_columns(%x: tensor<1x16x112x112xf32>, %w: tensor<32x16x1x1xf32>) -> tensor<1x32x112x112xf32> {
  %0 = "onnx.Conv"(%x, %w) {kernel_shape = [1, 1]} : (tensor<1x16x112x112xf32>, tensor<32x16x1x1xf32>) -> tensor<1x32x112x112xf32>
  return %0 : tensor<1x32x112x112xf32>
}
// An image's im2col rows: 3 channels x 3 kernel rows are 9 tasks; the
// output rows split in 2 make 18 (each task 56 rows).
// CHECK-LABEL: func.func @stem_rows
// CHECK: scf.forall (%{{.*}}, %{{.*}}, %[[H:.*]]) in (3, 3, 2) {{.*}} -> (tensor<3x3x3x112x112xf32>)
// CHECK: %[[OFF:.*]] = arith.muli %[[H]], %c56
// CHECK: tensor.extract_slice %{{.*}}[%{{.*}}, %{{.*}}, 0, %[[OFF]], 0] [1, 1, 3, 56, 112]
// CHECK: scf.for %{{.*}} = %c0 to %c56 step %c1
func.func @stem_rows(%x: tensor<1x3x224x224xf32>, %w: tensor<32x3x3x3xf32>) -> tensor<1x32x112x112xf32> {
  %0 = "onnx.Conv"(%x, %w) {kernel_shape = [3, 3], pads = [1, 1, 1, 1], strides = [2, 2]} : (tensor<1x3x224x224xf32>, tensor<32x3x3x3xf32>) -> tensor<1x32x112x112xf32>
  return %0 : tensor<1x32x112x112xf32>
}

//--- winograd.mlir
// A 3x3 stride-1 convolution with a constant filter as Winograd F(2x2, 3x3)
// (the channel threshold lowered to 1 for a small filter). OH = OW = 14:
// 7 x 7 tiles of 2x2 outputs, in blocks of 7 tiles of one tile row.
// - The filter is transformed at compile time: U = G g G^T for each of the
//   8 output channels, stored [16 tile positions, 1 panel, C = 1, 8] (the
//   blob below is that product, computed in float64 outside the compiler).
// - Input transform, a task per tile block: per channel, one 16-float read
//   of each of the 4 input rows the block covers, every other lane picked
//   (4 offsets), the 16 vectors of 7 tiles joined end to end into one
//   16 x 7 vector, written at once into the channel's 16 rows (one tensor
//   write for bufferization; cpu-hoist-vector-transfers splits it again).
// - 16 contractions [7 tile blocks x 7 tiles] x [C] x [8 channels], tiled
//   like every contraction (a task per tile position and panel).
// - Output transform, a task per output channel: 16 reads of 7 tiles, the
//   two columns of each tile interleaved into 14 contiguous outputs, added
//   to the init.
// CHECK-LABEL: func.func @winograd
// CHECK: %[[U:.*]] = arith.constant dense_resource<winograd> : tensor<16x1x1x8xf32>
// CHECK: scf.forall (%{{.*}}) in (7) shared_outs(%{{.*}}) -> (tensor<16x7x1x7xf32>)
// CHECK: scf.for {{.*}} -> (tensor<16x1x7xf32>)
// CHECK-COUNT-4: vector.transfer_read {{.*}} {in_bounds = [true]} : tensor<1x1x16x16xf32>, vector<16xf32>
// CHECK: vector.shuffle {{.*}} [0, 2, 4, 6, 8, 10, 12]
// CHECK: vector.shuffle {{.*}} [1, 3, 5, 7, 9, 11, 13]
// CHECK: vector.shuffle {{.*}} [2, 4, 6, 8, 10, 12, 14]
// CHECK: vector.shuffle {{.*}} [3, 5, 7, 9, 11, 13, 15]
// CHECK-NOT: vector.transfer_write {{.*}} : vector<7xf32>, tensor<16x1x7xf32>
// CHECK: %[[ROWS:.*]] = vector.shape_cast %{{.*}} : vector<112xf32> to vector<16x7xf32>
// CHECK: %[[SLICE:.*]] = tensor.extract_slice %{{.*}}[0, %{{.*}}, 0] [16, 1, 7] [1, 1, 1] : tensor<16x1x7xf32> to tensor<16x7xf32>
// CHECK: %[[W:.*]] = vector.transfer_write %[[ROWS]], %[[SLICE]][%{{.*}}, %{{.*}}] {in_bounds = [true, true]} : vector<16x7xf32>, tensor<16x7xf32>
// CHECK: tensor.insert_slice %[[W]] into %{{.*}}[0, %{{.*}}, 0] [16, 1, 7] [1, 1, 1] : tensor<16x7xf32> into tensor<16x1x7xf32>
// CHECK: scf.forall (%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) = (0, 0, 0, 0, 0) to (16, 1, 7, 7, 8) step (1, 1, 7, 7, 8)
// CHECK: vector.fma {{.*}} : vector<8xf32>
// CHECK: scf.forall (%{{.*}}) in (8) shared_outs(%{{.*}}) -> (tensor<1x8x14x14xf32>)
// CHECK-COUNT-16: vector.transfer_read {{.*}} : tensor<16x1x8x7x7xf32>, vector<7xf32>
// CHECK: %[[CAT:.*]] = vector.shuffle %{{.*}}, %{{.*}} [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13] : vector<7xf32>, vector<7xf32>
// CHECK: vector.shuffle %[[CAT]], %[[CAT]] [0, 7, 1, 8, 2, 9, 3, 10, 4, 11, 5, 12, 6, 13] : vector<14xf32>, vector<14xf32>
// CHECK: arith.addf {{.*}} : vector<14xf32>
// CHECK: vector.transfer_write {{.*}} {in_bounds = [true]} : vector<14xf32>, tensor<14x14xf32>
func.func @winograd(%x: tensor<1x1x14x14xf32>) -> tensor<1x8x14x14xf32> {
  %w = "onnx.Constant"() <{value_ = dense<"0x000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0"> : tensor<8x1x3x3xf32>}> : () -> tensor<8x1x3x3xf32>
  %0 = "onnx.Conv"(%x, %w) {kernel_shape = [3, 3], pads = [1, 1, 1, 1]} : (tensor<1x1x14x14xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x14x14xf32>
  return %0 : tensor<1x8x14x14xf32>
}
// From 28 x 28 outputs, F(4x4, 3x3): 7 x 7 tiles of 4x4 outputs from 6x6
// input tiles, in blocks of 7 tiles of one tile row.
// - The filter transform: [36 tile positions, 1 panel, C = 1, 8].
// - Input transform: per channel, one 30-float read of each of the 6 input
//   rows the block covers, every 4th lane picked (6 offsets), B^T d B with
//   adds, subtracts and FMAs by B^T's other coefficients (4, -5, ...), 36
//   vectors of 7 tiles written as one 36 x 7 vector.
// - 36 contractions, tiled like every contraction.
// - Output transform: 36 reads of 7 tiles; per output row of the tiles,
//   the 4 columns of each tile interleaved into 28 contiguous outputs.
// CHECK-LABEL: func.func @winograd4
// CHECK: arith.constant dense_resource<winograd{{.*}}> : tensor<36x1x1x8xf32>
// CHECK: scf.forall (%{{.*}}) in (7) shared_outs(%{{.*}}) -> (tensor<36x7x1x7xf32>)
// CHECK-COUNT-6: vector.transfer_read {{.*}} {in_bounds = [true]} : tensor<1x1x30x30xf32>, vector<30xf32>
// CHECK: vector.shuffle {{.*}} [0, 4, 8, 12, 16, 20, 24]
// CHECK: vector.shuffle {{.*}} [5, 9, 13, 17, 21, 25, 29]
// CHECK: vector.fma {{.*}} : vector<7xf32>
// CHECK: vector.shape_cast %{{.*}} : vector<252xf32> to vector<36x7xf32>
// CHECK: vector.transfer_write {{.*}} {in_bounds = [true, true]} : vector<36x7xf32>, tensor<36x7xf32>
// CHECK: scf.forall (%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) = (0, 0, 0, 0, 0) to (36, 1, 7, 7, 8) step (1, 1, 7, 7, 8)
// CHECK: scf.forall (%{{.*}}) in (8) shared_outs(%{{.*}}) -> (tensor<1x8x28x28xf32>)
// CHECK-COUNT-36: vector.transfer_read {{.*}} : tensor<36x1x8x7x7xf32>, vector<7xf32>
// CHECK: vector.shuffle %[[CAT:.*]], %[[CAT]] [0, 7, 14, 21, 1, 8, 15, 22, 2, 9, 16, 23, 3, 10, 17, 24, 4, 11, 18, 25, 5, 12, 19, 26, 6, 13, 20, 27] : vector<28xf32>, vector<28xf32>
// CHECK: vector.transfer_write {{.*}} {in_bounds = [true]} : vector<28xf32>, tensor<28x28xf32>
func.func @winograd4(%x: tensor<1x1x28x28xf32>) -> tensor<1x8x28x28xf32> {
  %w = "onnx.Constant"() <{value_ = dense<"0x000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0"> : tensor<8x1x3x3xf32>}> : () -> tensor<8x1x3x3xf32>
  %0 = "onnx.Conv"(%x, %w) {kernel_shape = [3, 3], pads = [1, 1, 1, 1]} : (tensor<1x1x28x28xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x28x28xf32>
  return %0 : tensor<1x8x28x28xf32>
}
// An odd output (7 x 7): the last tile row and column are partial. Input
// rows past the input are selected as zeros, the row reads and the output
// writes are masked (in_bounds false), the last tile row's second output
// row is written only inside the output.
// CHECK-LABEL: func.func @winograd_odd
// CHECK: arith.minui
// CHECK: vector.transfer_read %{{[^{]*}} : tensor<1x1x9x9xf32>, vector<10xf32>
// CHECK: arith.select {{.*}} vector<10xf32>
// CHECK: scf.if
// CHECK: vector.transfer_write %{{[^{]*}} : vector<8xf32>, tensor<7x7xf32>
func.func @winograd_odd(%x: tensor<1x1x7x7xf32>) -> tensor<1x8x7x7xf32> {
  %w = "onnx.Constant"() <{value_ = dense<"0x000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0"> : tensor<8x1x3x3xf32>}> : () -> tensor<8x1x3x3xf32>
  %0 = "onnx.Conv"(%x, %w) {kernel_shape = [3, 3], pads = [1, 1, 1, 1]} : (tensor<1x1x7x7xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x7x7xf32>
  return %0 : tensor<1x8x7x7xf32>
}
// A filter computed at run time, a stride of 2: no Winograd.
// CHECK-LABEL: func.func @no_winograd
// CHECK-NOT: dense_resource<winograd>
// CHECK: return
func.func @no_winograd(%x: tensor<1x1x14x14xf32>, %w: tensor<8x1x3x3xf32>) -> (tensor<1x8x14x14xf32>, tensor<1x8x7x7xf32>) {
  %0 = "onnx.Conv"(%x, %w) {kernel_shape = [3, 3], pads = [1, 1, 1, 1]} : (tensor<1x1x14x14xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x14x14xf32>
  %c = "onnx.Constant"() <{value_ = dense<"0x000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0"> : tensor<8x1x3x3xf32>}> : () -> tensor<8x1x3x3xf32>
  %1 = "onnx.Conv"(%x, %c) {kernel_shape = [3, 3], pads = [1, 1, 1, 1], strides = [2, 2]} : (tensor<1x1x14x14xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x7x7xf32>
  return %0, %1 : tensor<1x8x14x14xf32>, tensor<1x8x7x7xf32>
}
// The transformed filter of @winograd (resources print after the functions).
// CHECK: winograd: "0x40000000000040C0000080BF0000803F00004040000000C00000000000000040000040C0000040C00000000000004040000080BF0000C0BF0000C03F0000803F000040C0000080BF000000000000803F00000040000000BF0000003F000000C0000080BF000080BF0000803F00004040000000C00000000000000040000040C0000080BF00000000000000BF000080BF00000040000000C00000803F0000003F000000000000A0BF000080BE0000403F00000000000040BF0000803E0000A03F0000A0BF0000403F0000A0BF0000803E00000000000080BE0000A03F000040BF0000403F000000BF000080BF00000040000000C00000803F0000003F00000000000000BF00000000000020C00000004000004040000040C0000000C00000204000000000000030C00000A0BF0000704000000000000070C00000A03F00003040000030C00000803E0000403F0000A03F000000000000A0BF000040BF000080BE0000803E000020C00000004000004040000040C0000000C00000204000000000000020C000004040000000C00000000000000040000040C0000080BF0000803F00004040000080BF0000C0BF0000C03F0000803F000040C00000000000004040000080BF00000040000000BF0000003F000000C0000080BF000000000000803F00000040000000C00000000000000040000040C0000080BF0000803F00004040000000C0"

//--- residual.mlir
// Residual adds folded into the accumulators (fold-adds-into-accumulators)
// and read where each path reads its init.
// Winograd: the output transform reads the residual where it writes the
// output, adds it to the bias and the transformed tile, and applies the
// ReLU before the one write; no element-wise pass is left.
// CHECK-LABEL: func.func @winograd_residual
// CHECK-SAME: %[[R:[a-z0-9]+]]: tensor<1x8x14x14xf32>)
// CHECK: scf.forall (%[[F:.*]]) in (8)
// CHECK: %[[RV:.*]] = vector.transfer_read %[[R]][%{{.*}}, %[[F]], %{{.*}}, %{{.*}}], %{{.*}} {in_bounds = [true]} : tensor<1x8x14x14xf32>, vector<14xf32>
// CHECK: arith.addf %{{.*}}, %[[RV]] : vector<14xf32>
// CHECK: arith.maxnumf {{.*}} : vector<14xf32>
// CHECK: vector.transfer_write {{.*}} : vector<14xf32>, tensor<14x14xf32>
// CHECK-NOT: linalg.generic
// CHECK: return
func.func @winograd_residual(%x: tensor<1x1x14x14xf32>, %b: tensor<8xf32>, %r: tensor<1x8x14x14xf32>) -> tensor<1x8x14x14xf32> {
  %w = "onnx.Constant"() <{value_ = dense<"0x000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0000080BF000000000000803F0000004000004040000040C0000000C0"> : tensor<8x1x3x3xf32>}> : () -> tensor<8x1x3x3xf32>
  %0 = "onnx.Conv"(%x, %w, %b) {kernel_shape = [3, 3], pads = [1, 1, 1, 1]} : (tensor<1x1x14x14xf32>, tensor<8x1x3x3xf32>, tensor<8xf32>) -> tensor<1x8x14x14xf32>
  %1 = "onnx.Add"(%0, %r) : (tensor<1x8x14x14xf32>, tensor<1x8x14x14xf32>) -> tensor<1x8x14x14xf32>
  %2 = "onnx.Relu"(%1) : (tensor<1x8x14x14xf32>) -> tensor<1x8x14x14xf32>
  return %2 : tensor<1x8x14x14xf32>
}
// A plain 1x1 convolution (channels x pixels tiles): each 8 x 32 register
// tile starts from its bias plus its slice of the residual (the argument,
// not a whole-output init written first), then the ReLU epilogue. The bias
// is added once.
// CHECK-LABEL: func.func @conv1x1_residual
// CHECK-SAME: %[[B:[a-z0-9]+]]: tensor<32xf32>, %[[R:[a-z0-9]+]]: tensor<1x32x8x8xf32>)
// CHECK-NOT: linalg.generic
// CHECK: %[[RC:.*]] = tensor.collapse_shape %[[R]] {{\[\[}}0, 1], [2, 3]] : tensor<1x32x8x8xf32> into tensor<32x64xf32>
// CHECK: %[[BV:.*]] = vector.transfer_read %{{.*}} : tensor<8xf32>, vector<8xf32>
// CHECK: %[[RS:.*]] = tensor.extract_slice %[[RC]]
// CHECK: %[[RV:.*]] = vector.transfer_read %[[RS]]{{.*}} : tensor<8x32xf32>, vector<8x32xf32>
// CHECK: %[[START:.*]] = arith.addf %{{.*}}, %[[RV]] : vector<8x32xf32>
// CHECK: scf.for {{.*}} iter_args(%{{.*}} = %[[START]]) -> (vector<8x32xf32>)
// CHECK: vector.fma
// CHECK: arith.maxnumf {{.*}} : vector<8x32xf32>
func.func @conv1x1_residual(%x: tensor<1x64x8x8xf32>, %w: tensor<32x64x1x1xf32>, %b: tensor<32xf32>, %r: tensor<1x32x8x8xf32>) -> tensor<1x32x8x8xf32> {
  %0 = "onnx.Conv"(%x, %w, %b) {kernel_shape = [1, 1]} : (tensor<1x64x8x8xf32>, tensor<32x64x1x1xf32>, tensor<32xf32>) -> tensor<1x32x8x8xf32>
  %1 = "onnx.Add"(%0, %r) : (tensor<1x32x8x8xf32>, tensor<1x32x8x8xf32>) -> tensor<1x32x8x8xf32>
  %2 = "onnx.Relu"(%1) : (tensor<1x32x8x8xf32>) -> tensor<1x32x8x8xf32>
  return %2 : tensor<1x32x8x8xf32>
}
// A packed 7x7 pointwise convolution (pixels x channels tiles): the tiles
// start from the bias in registers and the residual is added after the
// tiles, on the output (reading it into a 7 x 32 tile would take a
// transpose per tile).
// CHECK-LABEL: func.func @pointwise_7x7_residual
// CHECK-SAME: %[[R:[a-z0-9]+]]: tensor<1x64x7x7xf32>)
// CHECK: scf.forall (%{{.*}}, %{{.*}}) in (2, 7) {{.*}} -> (tensor<2x32x7x7xf32>)
// CHECK-NOT: tensor<1x64x7x7xf32>, vector
// CHECK: scf.for %{{.*}} = %c0 to %c160 step %c1 iter_args({{.*}}) -> ({{.*}}vector<7x32xf32>)
// CHECK: %[[E:.*]] = tensor.expand_shape
// CHECK: linalg.generic {{.*}} ins(%[[E]], %[[R]] : tensor<1x64x7x7xf32>, tensor<1x64x7x7xf32>)
// CHECK-NEXT: ^bb0
// CHECK-NEXT: arith.addf
func.func @pointwise_7x7_residual(%x: tensor<1x160x7x7xf32>, %w: tensor<64x160x1x1xf32>, %b: tensor<64xf32>, %r: tensor<1x64x7x7xf32>) -> tensor<1x64x7x7xf32> {
  %0 = "onnx.Conv"(%x, %w, %b) {kernel_shape = [1, 1]} : (tensor<1x160x7x7xf32>, tensor<64x160x1x1xf32>, tensor<64xf32>) -> tensor<1x64x7x7xf32>
  %1 = "onnx.Add"(%r, %0) : (tensor<1x64x7x7xf32>, tensor<1x64x7x7xf32>) -> tensor<1x64x7x7xf32>
  return %1 : tensor<1x64x7x7xf32>
}

//--- collapse.mlir
// An element-wise op on fresh buffers: the dims after the first non-unit
// one (channels) collapse, so the inner loop is 196 elements, not 14.
// CHECK-LABEL: func.func @relu
// CHECK: %[[A:.*]] = memref.collapse_shape %{{.*}} {{\[\[}}0], [1], [2, 3]] : memref<1x8x14x14xf32> into memref<1x8x196xf32>
// CHECK: %[[B:.*]] = memref.collapse_shape %{{.*}} {{\[\[}}0], [1], [2, 3]] : memref<1x8x14x14xf32> into memref<1x8x196xf32>
// CHECK: linalg.generic {{.*}} ins(%[[A]] : memref<1x8x196xf32>) outs(%[[B]] : memref<1x8x196xf32>)
func.func @relu(%a: memref<1x8x14x14xf32>, %b: memref<1x8x14x14xf32>) {
  linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%a : memref<1x8x14x14xf32>) outs(%b : memref<1x8x14x14xf32>) {
  ^bb0(%in: f32, %out: f32):
    %c = arith.constant 0.0 : f32
    %m = arith.maximumf %in, %c : f32
    linalg.yield %m : f32
  }
  return
}
// A window of a padded buffer is not contiguous over its rows: unchanged.
// CHECK-LABEL: func.func @window
// CHECK-NOT: memref.collapse_shape
// CHECK: linalg.copy ins(%{{.*}} : memref<1x8x14x14xf32>) outs(%{{.*}} : memref<1x8x14x14xf32, strided<[2048, 256, 16, 1], offset: 17>>)
func.func @window(%a: memref<1x8x14x14xf32>, %p: memref<1x8x16x16xf32>) {
  %s = memref.subview %p[0, 0, 1, 1] [1, 8, 14, 14] [1, 1, 1, 1] : memref<1x8x16x16xf32> to memref<1x8x14x14xf32, strided<[2048, 256, 16, 1], offset: 17>>
  linalg.copy ins(%a : memref<1x8x14x14xf32>) outs(%s : memref<1x8x14x14xf32, strided<[2048, 256, 16, 1], offset: 17>>)
  return
}

//--- shared-inits.mlir
// Two convolutions of one shape, each split (784 pixels: 768 + 16), write
// their outputs in place: CSE does not merge their zero-filled outputs
// (bufferization.alloc_tensor, not tensor.empty), so bufferization copies
// no output (with a shared one it copied the 32x768 part out and back and
// the whole 32x784 output). The 32x16 remainder's slice is still copied.
// CHECK-LABEL: func.func @same_shape_convs
// CHECK-NOT: memref.copy {{.*}} : memref<32x768xf32
// CHECK-NOT: memref.copy {{.*}} : memref<32x784xf32>
// CHECK-NOT: memref.copy {{.*}} to memref<32x768xf32
// CHECK: return
func.func @same_shape_convs(%x: tensor<1x32x28x28xf32>, %w1: tensor<32x32x1x1xf32>, %w2: tensor<32x32x1x1xf32>) -> tensor<1x32x28x28xf32> {
  %0 = "onnx.Conv"(%x, %w1) {kernel_shape = [1, 1]} : (tensor<1x32x28x28xf32>, tensor<32x32x1x1xf32>) -> tensor<1x32x28x28xf32>
  %1 = "onnx.Conv"(%0, %w2) {kernel_shape = [1, 1]} : (tensor<1x32x28x28xf32>, tensor<32x32x1x1xf32>) -> tensor<1x32x28x28xf32>
  return %1 : tensor<1x32x28x28xf32>
}

//--- split-rows.mlir
// After bufferization, cpu-hoist-vector-transfers writes rows that were
// joined into one 2-D vector (end to end by shuffles, reshaped) as the rows'
// own 1-D writes again, at consecutive rows; the join is left dead. A 2-D
// vector that is not such a join is written as it is.
// CHECK-LABEL: func.func @split_rows
// CHECK-SAME: (%[[A:[^:]+]]: vector<4xf32>, %[[B:[^:]+]]: vector<4xf32>, %[[C:[^:]+]]: vector<4xf32>, %[[M:[^:]+]]: memref<8x4xf32>, %[[I:[^:]+]]: index)
// CHECK-NOT: vector.shuffle
// CHECK-NOT: vector.shape_cast
// CHECK: vector.transfer_write %[[A]], %[[M]][%[[I]], %{{.*}}] {in_bounds = [true]} : vector<4xf32>, memref<8x4xf32>
// CHECK: %[[I1:.*]] = arith.addi %[[I]], %c1
// CHECK: vector.transfer_write %[[B]], %[[M]][%[[I1]], %{{.*}}] {in_bounds = [true]} : vector<4xf32>, memref<8x4xf32>
// CHECK: %[[I2:.*]] = arith.addi %[[I]], %c2
// CHECK: vector.transfer_write %[[C]], %[[M]][%[[I2]], %{{.*}}] {in_bounds = [true]} : vector<4xf32>, memref<8x4xf32>
// CHECK-NOT: vector.transfer_write
// CHECK: return
func.func @split_rows(%a: vector<4xf32>, %b: vector<4xf32>, %c: vector<4xf32>,
                      %m: memref<8x4xf32>, %i: index) {
  %c0 = arith.constant 0 : index
  %ab = vector.shuffle %a, %b [0, 1, 2, 3, 4, 5, 6, 7] : vector<4xf32>, vector<4xf32>
  %abc = vector.shuffle %ab, %c [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] : vector<8xf32>, vector<4xf32>
  %rows = vector.shape_cast %abc : vector<12xf32> to vector<3x4xf32>
  vector.transfer_write %rows, %m[%i, %c0] {in_bounds = [true, true]} : vector<3x4xf32>, memref<8x4xf32>
  return
}
// CHECK-LABEL: func.func @not_a_join
// CHECK: vector.shape_cast %{{.*}} : vector<12xf32> to vector<3x4xf32>
// CHECK: vector.transfer_write %{{.*}} {in_bounds = [true, true]} : vector<3x4xf32>, memref<8x4xf32>
func.func @not_a_join(%a: vector<12xf32>, %m: memref<8x4xf32>, %i: index) {
  %c0 = arith.constant 0 : index
  %r = vector.shuffle %a, %a [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0] : vector<12xf32>, vector<12xf32>
  %rows = vector.shape_cast %r : vector<12xf32> to vector<3x4xf32>
  vector.transfer_write %rows, %m[%i, %c0] {in_bounds = [true, true]} : vector<3x4xf32>, memref<8x4xf32>
  return
}
// CHECK-LABEL: func.func @partial_join
// CHECK: vector.transfer_write %{{.*}} {in_bounds = [true, true]} : vector<2x4xf32>, memref<8x4xf32>
func.func @partial_join(%a: vector<4xf32>, %b: vector<4xf32>, %c: vector<4xf32>,
                        %m: memref<8x4xf32>, %i: index) {
  %c0 = arith.constant 0 : index
  %ab = vector.shuffle %a, %b [0, 1, 2, 3, 4, 5, 6, 7] : vector<4xf32>, vector<4xf32>
  %abc = vector.shuffle %ab, %c [0, 1, 2, 3, 4, 5, 6, 7] : vector<8xf32>, vector<4xf32>
  %rows = vector.shape_cast %abc : vector<8xf32> to vector<2x4xf32>
  vector.transfer_write %rows, %m[%i, %c0] {in_bounds = [true, true]} : vector<2x4xf32>, memref<8x4xf32>
  return
}

//--- k-block.mlir
// The reduction in blocks of 128 around the register tiles: the task's
// init before the blocks, each register tile's k loop over one block, and
// the epilogue (Relu) once, on the blocks' result, not on a partial sum.
// CHECK-LABEL: func.func @blocked
// CHECK: scf.forall
// CHECK: %[[INIT:.*]] = linalg.fill
// CHECK: %[[BLOCKS:.*]] = scf.for %{{.*}} = %c0 to %c512 step %c128 iter_args(%{{.*}} = %[[INIT]])
// CHECK: scf.for %{{.*}} = %c0 to %c128 step %c1
// CHECK-COUNT-8: vector.fma {{.*}} : vector<32xf32>
// CHECK-NOT: arith.maxnumf
// The blocked k loop is marked for the prefetch of the next block of B.
// CHECK: } {tonnx.prefetch_next_block, tonnx.unroll_reduction}
// CHECK: linalg.generic {{.*}} ins(%[[BLOCKS]] :
// CHECK: arith.maxnumf
// A column panel of B this small (512 x 32 floats, 64 KiB) stays in L2:
// by default, one k loop over the whole reduction, Relu on the registers.
// SMALL-LABEL: func.func @blocked
// SMALL-NOT: step %c128
// SMALL: scf.for %{{.*}} = %c0 to %c512 step %c1
// SMALL-NOT: tonnx.prefetch_next_block
// SMALL: arith.maxnumf {{.*}} : vector<8x32xf32>
func.func @blocked(%a: tensor<64x512xf32>, %b: tensor<512x64xf32>) -> tensor<64x64xf32> {
  %0 = "onnx.MatMul"(%a, %b) : (tensor<64x512xf32>, tensor<512x64xf32>) -> tensor<64x64xf32>
  %1 = "onnx.Relu"(%0) : (tensor<64x64xf32>) -> tensor<64x64xf32>
  return %1 : tensor<64x64xf32>
}

//--- prefetch.mlir
// A marked register-tile loop over one block (K = 128 rows of B) gets one
// L2 prefetch per cache line of its B row (32 floats: 2 lines) in the next
// block of the buffer the subviews view (panel %j), spread over the 8 row
// tiles that read the block: row min(kb + 128, 256 - 128) + (8 r + k) / 8
// ... as (r * 128 + k) / 8 for row tile r. The mark is consumed; the A read
// (an 8x1 column) and an unmarked loop get none.
// CHECK-LABEL: func.func @prefetch_next_block
// CHECK-SAME: (%[[B:[^:]+]]: memref<4x256x32xf32>, %{{[^:]+}}: memref<64x256xf32>, %[[J:[^:]+]]: index, %[[KB:[^:]+]]: index
// CHECK: %[[NEXT:.*]] = arith.addi %[[KB]], %c128
// CHECK: %[[START:.*]] = arith.minsi %[[NEXT]], %c128
// CHECK: scf.for %[[M:[^ ]+]] = %c0 to %c64 step %c8
// CHECK: scf.for %[[K:[^ ]+]] = %c0 to %c128 step %c1
// CHECK: %[[R:.*]] = arith.divui %[[M]], %c8
// CHECK: %[[RK:.*]] = arith.muli %[[R]], %c128
// CHECK: %[[I:.*]] = arith.addi %[[RK]], %[[K]]
// CHECK: %[[I8:.*]] = arith.divui %[[I]], %c8
// CHECK: %[[ROW:.*]] = arith.addi %[[START]], %[[I8]]
// CHECK: memref.prefetch %[[B]][%[[J]], %[[ROW]], %c0], read, locality<2>, data
// CHECK: memref.prefetch %[[B]][%[[J]], %[[ROW]], %c16], read, locality<2>, data
// CHECK-NOT: memref.prefetch
// CHECK: vector.fma
// CHECK-NOT: tonnx.prefetch_next_block
// CHECK-NOT: memref.prefetch
// CHECK: return
func.func @prefetch_next_block(%b: memref<4x256x32xf32>, %a: memref<64x256xf32>, %j: index, %kb: index, %acc: vector<8x32xf32>, %out: memref<64x32xf32>) -> vector<8x32xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %c64 = arith.constant 64 : index
  %c128 = arith.constant 128 : index
  %f0 = arith.constant 0.0 : f32
  %panel = memref.subview %b[%j, 0, 0] [1, 256, 32] [1, 1, 1] : memref<4x256x32xf32> to memref<256x32xf32, strided<[32, 1], offset: ?>>
  %block = memref.subview %panel[%kb, 0] [128, 32] [1, 1] : memref<256x32xf32, strided<[32, 1], offset: ?>> to memref<128x32xf32, strided<[32, 1], offset: ?>>
  scf.for %m = %c0 to %c64 step %c8 {
    %rows = memref.subview %a[%m, 0] [8, 256] [1, 1] : memref<64x256xf32> to memref<8x256xf32, strided<[256, 1], offset: ?>>
    %r = scf.for %k = %c0 to %c128 step %c1 iter_args(%c = %acc) -> (vector<8x32xf32>) {
      %ak = memref.subview %rows[0, %k] [8, 1] [1, 1] : memref<8x256xf32, strided<[256, 1], offset: ?>> to memref<8x1xf32, strided<[256, 1], offset: ?>>
      %bk = memref.subview %block[%k, 0] [1, 32] [1, 1] : memref<128x32xf32, strided<[32, 1], offset: ?>> to memref<1x32xf32, strided<[32, 1], offset: ?>>
      %av = vector.transfer_read %ak[%c0, %c0], %f0 {in_bounds = [true, true]} : memref<8x1xf32, strided<[256, 1], offset: ?>>, vector<8x1xf32>
      %bv = vector.transfer_read %bk[%c0, %c0], %f0 {in_bounds = [true]} : memref<1x32xf32, strided<[32, 1], offset: ?>>, vector<32xf32>
      %a0 = vector.extract %av[0, 0] : f32 from vector<8x1xf32>
      %ab = vector.broadcast %a0 : f32 to vector<32xf32>
      %c0v = vector.extract %c[0] : vector<32xf32> from vector<8x32xf32>
      %f = vector.fma %ab, %bv, %c0v : vector<32xf32>
      %n = vector.insert %f, %c [0] : vector<32xf32> into vector<8x32xf32>
      scf.yield %n : vector<8x32xf32>
    } {tonnx.prefetch_next_block}
    vector.transfer_write %r, %out[%m, %c0] {in_bounds = [true, true]} : vector<8x32xf32>, memref<64x32xf32>
  }
  %u = scf.for %k = %c0 to %c128 step %c1 iter_args(%c = %acc) -> (vector<8x32xf32>) {
    %bk = memref.subview %block[%k, 0] [1, 32] [1, 1] : memref<128x32xf32, strided<[32, 1], offset: ?>> to memref<1x32xf32, strided<[32, 1], offset: ?>>
    %bv = vector.transfer_read %bk[%c0, %c0], %f0 {in_bounds = [true]} : memref<1x32xf32, strided<[32, 1], offset: ?>>, vector<32xf32>
    %c0v = vector.extract %c[0] : vector<32xf32> from vector<8x32xf32>
    %f = vector.fma %bv, %bv, %c0v : vector<32xf32>
    %n = vector.insert %f, %c [0] : vector<32xf32> into vector<8x32xf32>
    scf.yield %n : vector<8x32xf32>
  }
  return %u : vector<8x32xf32>
}

//--- unroll.mlir
// A marked register-tile reduction loop (its accumulator an iteration
// argument) is unrolled by 4: step 4, four FMAs chained through the
// accumulator per iteration, the mark consumed. A marked loop of 10 steps
// runs 8 unrolled and the 2 left over in a loop after them, from the
// unrolled loop's result. A marked loop shorter than 8 steps (6) and an
// unmarked loop stay as they are.
// CHECK-LABEL: func.func @unroll_reduction
// CHECK: %[[U:.*]] = scf.for %{{.*}} = %c0 to %c128 step %c4 iter_args(%[[A0:.*]] = %{{.*}})
// CHECK: %[[F0:.*]] = vector.fma %{{.*}}, %{{.*}}, %[[A0]]
// CHECK: %[[F1:.*]] = vector.fma %{{.*}}, %{{.*}}, %[[F0]]
// CHECK: %[[F2:.*]] = vector.fma %{{.*}}, %{{.*}}, %[[F1]]
// CHECK: %[[F3:.*]] = vector.fma %{{.*}}, %{{.*}}, %[[F2]]
// CHECK-NEXT: scf.yield %[[F3]]
// CHECK: %[[M:.*]] = scf.for %{{.*}} = %c0 to %c8 step %c4
// CHECK-COUNT-4: vector.fma
// CHECK: scf.for %{{.*}} = %c8 to %c10 step %c1 iter_args(%{{.*}} = %[[M]])
// CHECK-COUNT-1: vector.fma
// CHECK-NEXT: scf.yield
// CHECK: scf.for %{{.*}} = %c0 to %c6 step %c1
// CHECK-COUNT-1: vector.fma
// CHECK-NEXT: scf.yield
// CHECK: scf.for %{{.*}} = %c0 to %c128 step %c1
// CHECK-COUNT-1: vector.fma
// CHECK-NEXT: scf.yield
// CHECK-NOT: tonnx.unroll_reduction
// NONE-LABEL: func.func @unroll_reduction
// NONE: scf.for %{{.*}} = %c0 to %c128 step %c1
// NONE-NOT: tonnx.unroll_reduction
func.func @unroll_reduction(%b: memref<128x32xf32>, %acc: vector<32xf32>) -> (vector<32xf32>, vector<32xf32>, vector<32xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c6 = arith.constant 6 : index
  %c10 = arith.constant 10 : index
  %c128 = arith.constant 128 : index
  %f0 = arith.constant 0.0 : f32
  %u = scf.for %k = %c0 to %c128 step %c1 iter_args(%c = %acc) -> (vector<32xf32>) {
    %bv = vector.transfer_read %b[%k, %c0], %f0 {in_bounds = [true]} : memref<128x32xf32>, vector<32xf32>
    %f = vector.fma %bv, %bv, %c : vector<32xf32>
    scf.yield %f : vector<32xf32>
  } {tonnx.unroll_reduction}
  %r = scf.for %k = %c0 to %c10 step %c1 iter_args(%c = %acc) -> (vector<32xf32>) {
    %bv = vector.transfer_read %b[%k, %c0], %f0 {in_bounds = [true]} : memref<128x32xf32>, vector<32xf32>
    %f = vector.fma %bv, %bv, %c : vector<32xf32>
    scf.yield %f : vector<32xf32>
  } {tonnx.unroll_reduction}
  %s = scf.for %k = %c0 to %c6 step %c1 iter_args(%c = %r) -> (vector<32xf32>) {
    %bv = vector.transfer_read %b[%k, %c0], %f0 {in_bounds = [true]} : memref<128x32xf32>, vector<32xf32>
    %f = vector.fma %bv, %bv, %c : vector<32xf32>
    scf.yield %f : vector<32xf32>
  } {tonnx.unroll_reduction}
  %n = scf.for %k = %c0 to %c128 step %c1 iter_args(%c = %acc) -> (vector<32xf32>) {
    %bv = vector.transfer_read %b[%k, %c0], %f0 {in_bounds = [true]} : memref<128x32xf32>, vector<32xf32>
    %f = vector.fma %bv, %bv, %c : vector<32xf32>
    scf.yield %f : vector<32xf32>
  }
  return %u, %s, %n : vector<32xf32>, vector<32xf32>, vector<32xf32>
}

//--- panel-tasks.mlir
// B computed at run time and packed in 16 panels of 16 columns; A (1024 x
// 1024 floats, 4 MiB) is over panel-task-min-bytes: a task takes all 16
// panels (256 columns) of 64 rows, the tasks walk the panel blocks
// outermost, and within a task the register tiles (4 x 16) take the rows
// outermost and the panels innermost, so that a tile's 4 rows of A are
// read once per task, not once per panel. The register tile's reduction
// loop is marked for unrolling.
// CHECK-LABEL: func.func @panel_tasks
// CHECK: scf.forall (%{{.*}}, %{{.*}}, %{{.*}}) = (0, 0, 0) to (16, 1024, 16) step (16, 64, 16)
// CHECK: scf.for %{{.*}} = %c0 to %c64 step %c4
// CHECK: scf.for %{{.*}} = %c0 to %c16 step %c1
// CHECK: scf.for %{{.*}} = %c0 to %c1024 step %c1
// CHECK: vector.fma {{.*}} : vector<16xf32>
// CHECK: } {tonnx.unroll_reduction}
// Tasks of 128 columns: the copy of B in 2 blocks of 8 panels, the
// blocks its outer loop (each thread packs the panels its tasks read).
// HALF: %[[E:.*]] = tensor.empty() : tensor<2x8x1024x16xf32>
// HALF: %[[G:.*]] = linalg.generic {{.*}} outs(%[[E]] : tensor<2x8x1024x16xf32>)
// HALF: %[[C:.*]] = tensor.collapse_shape %[[G]] {{.*}} into tensor<16x1024x16xf32>
// HALF: scf.forall (%{{.*}}, %{{.*}}, %{{.*}}) = (0, 0, 0) to (16, 1024, 16) step (8, 64, 16)
// HALF: tensor.extract_slice %[[C]]
// With a larger threshold, one panel per task, as before.
// ONE-LABEL: func.func @panel_tasks
// ONE: scf.forall (%{{.*}}, %{{.*}}, %{{.*}}) = (0, 0, 0) to (16, 1024, 16) step (1, 64, 16)
// ONE-NOT: %c0 to %c16 step %c1{{ }}
// ONE: scf.for %{{.*}} = %c0 to %c1024 step %c1
func.func @panel_tasks(%a: tensor<1024x1024xf32>, %b: tensor<1024x256xf32>) -> tensor<1024x256xf32> {
  %0 = "onnx.MatMul"(%a, %b) : (tensor<1024x1024xf32>, tensor<1024x256xf32>) -> tensor<1024x256xf32>
  return %0 : tensor<1024x256xf32>
}

//--- element-reads.mlir
// In a register tile's reduction loop, a read whose every use takes one
// element out of it (the 7 pixels of A that the step broadcasts) becomes
// scalar loads of those elements (a broadcast from memory each). A read
// used as a vector, and the reads of an unmarked loop, stay.
// CHECK-LABEL: func.func @element_reads
// CHECK: scf.for %[[K:.*]] = %c0 to %c16 step %c1
// CHECK-NOT: vector<7xf32>
// CHECK-DAG: %[[A0:.*]] = memref.load %{{.*}}[%[[K]], %c0] : memref<16x7xf32>
// CHECK-DAG: %[[A3:.*]] = memref.load %{{.*}}[%[[K]], %c3] : memref<16x7xf32>
// CHECK-DAG: vector.broadcast %[[A0]] : f32 to vector<32xf32>
// CHECK-DAG: vector.broadcast %[[A3]] : f32 to vector<32xf32>
// CHECK-DAG: vector.transfer_read {{.*}} : memref<16x32xf32>, vector<32xf32>
// CHECK: scf.yield
// CHECK: scf.for
// CHECK: vector.transfer_read {{.*}} : memref<16x7xf32>, vector<7xf32>
func.func @element_reads(%a: memref<16x7xf32>, %b: memref<16x32xf32>, %acc: vector<32xf32>) -> (vector<32xf32>, vector<32xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %f0 = arith.constant 0.0 : f32
  %r = scf.for %k = %c0 to %c16 step %c1 iter_args(%c = %acc) -> (vector<32xf32>) {
    %av = vector.transfer_read %a[%k, %c0], %f0 {in_bounds = [true]} : memref<16x7xf32>, vector<7xf32>
    %bv = vector.transfer_read %b[%k, %c0], %f0 {in_bounds = [true]} : memref<16x32xf32>, vector<32xf32>
    %a0 = vector.extract %av[0] : f32 from vector<7xf32>
    %a3 = vector.extract %av[3] : f32 from vector<7xf32>
    %s0 = vector.broadcast %a0 : f32 to vector<32xf32>
    %s3 = vector.broadcast %a3 : f32 to vector<32xf32>
    %f = vector.fma %s0, %bv, %c : vector<32xf32>
    %g = vector.fma %s3, %bv, %f : vector<32xf32>
    scf.yield %g : vector<32xf32>
  } {tonnx.unroll_reduction}
  %u = scf.for %k = %c0 to %c16 step %c1 iter_args(%c = %acc) -> (vector<32xf32>) {
    %av = vector.transfer_read %a[%k, %c0], %f0 {in_bounds = [true]} : memref<16x7xf32>, vector<7xf32>
    %a0 = vector.extract %av[0] : f32 from vector<7xf32>
    %s0 = vector.broadcast %a0 : f32 to vector<32xf32>
    %f = vector.fma %s0, %s0, %c : vector<32xf32>
    scf.yield %f : vector<32xf32>
  }
  return %r, %u : vector<32xf32>, vector<32xf32>
}
