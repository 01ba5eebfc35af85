// CPU code generation: the fusion control, compile-time transposes of
// weights, register tiling with a remainder, 1x1 convolutions without an
// im2col copy, batched contractions reaching FMAs, one parallel level.
// RUN: split-file %s %t
// RUN: torch-onnx-opt --pass-pipeline="builtin.module(convert-onnx-to-linalg,func.func(fuse-elementwise-no-recompute))" %t/fusion.mlir | FileCheck %t/fusion.mlir
// RUN: torch-onnx-opt --pass-pipeline="builtin.module(convert-onnx-to-linalg,func.func(fold-constant-transposes))" %t/transpose.mlir | FileCheck %t/transpose.mlir
// RUN: torch-onnx-opt --convert-onnx-to-linalg --cpu-tile-and-vectorize=vector-bits=256 %t/tiles.mlir | FileCheck %t/tiles.mlir
// RUN: torch-onnx-opt --cpu-outer-parallel-loops %t/parallel.mlir | FileCheck %t/parallel.mlir

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
// CHECK: scf.for %{{.*}} = %c0 to %c192 step %c16
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

//--- parallel.mlir
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
