// RUN: torch-onnx-opt %s -split-input-file -pass-pipeline='builtin.module(func.func(fold-adds-into-accumulators))' | FileCheck %s

// A residual block: relu(conv(x) + r), the conv's init a zero fill. The
// residual becomes the conv's init (a copy of r, which the identity-copy
// canonicalization leaves as r itself) and the consumer keeps the ReLU.
// CHECK-LABEL: func.func @residual_relu
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x6x6xf32>, %[[R:.*]]: tensor<1x8x4x4xf32>
// CHECK: %[[C:.*]] = linalg.conv_2d_nchw_fchw {{.*}} outs(%[[R]] : tensor<1x8x4x4xf32>)
// CHECK: %[[OUT:.*]] = linalg.generic {{.*}} ins(%[[C]] : tensor<1x8x4x4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[M:.*]] = arith.maximumf %[[IN]], %{{.*}} : f32
// CHECK-NEXT: linalg.yield %[[M]]
// CHECK: return %[[OUT]]
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
func.func @residual_relu(%x: tensor<1x8x6x6xf32>, %r: tensor<1x8x4x4xf32>,
                         %w: tensor<8x8x3x3xf32>) -> tensor<1x8x4x4xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x8x4x4xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  %c = linalg.conv_2d_nchw_fchw ins(%x, %w : tensor<1x8x6x6xf32>, tensor<8x8x3x3xf32>) outs(%f : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  %o = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%c, %r : tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) outs(%e : tensor<1x8x4x4xf32>) {
  ^bb0(%a: f32, %b: f32, %out: f32):
    %s = arith.addf %a, %b : f32
    %m = arith.maximumf %s, %zero : f32
    linalg.yield %m : f32
  } -> tensor<1x8x4x4xf32>
  return %o : tensor<1x8x4x4xf32>
}

// -----

// A linear layer with its bias and a residual (a transformer's
// x + out_proj(attn)): both adds fold, the init is bias + residual
// computed from its inputs, and the consumer is gone.
// CHECK-LABEL: func.func @bias_and_residual
// CHECK-SAME: (%[[A:.*]]: tensor<4x16xf32>, %[[B:.*]]: tensor<16x8xf32>, %[[BIAS:.*]]: tensor<8xf32>, %[[R:.*]]: tensor<4x8xf32>)
// CHECK: %[[INIT:.*]] = linalg.generic {indexing_maps = [#[[$BC:.*]], #[[$ID:.*]], #[[$ID]]], {{.*}} ins(%[[BIAS]], %[[R]] : tensor<8xf32>, tensor<4x8xf32>) outs(%{{.*}} : tensor<4x8xf32>)
// CHECK-NEXT: ^bb0(%[[BV:.*]]: f32, %[[RV:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[BV]], %[[RV]] : f32
// CHECK-NEXT: linalg.yield %[[S]]
// CHECK: %[[MM:.*]] = linalg.matmul ins(%[[A]], %[[B]] : {{.*}}) outs(%[[INIT]] : tensor<4x8xf32>)
// CHECK-NOT: linalg.generic
// CHECK: return %[[MM]]
#map2 = affine_map<(d0, d1) -> (d0, d1)>
#bias = affine_map<(d0, d1) -> (d1)>
func.func @bias_and_residual(%a: tensor<4x16xf32>, %b: tensor<16x8xf32>, %bias: tensor<8xf32>, %r: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x8xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x8xf32>) -> tensor<4x8xf32>
  %m = linalg.matmul ins(%a, %b : tensor<4x16xf32>, tensor<16x8xf32>) outs(%f : tensor<4x8xf32>) -> tensor<4x8xf32>
  %o = linalg.generic {indexing_maps = [#map2, #bias, #map2, #map2], iterator_types = ["parallel", "parallel"]} ins(%m, %bias, %r : tensor<4x8xf32>, tensor<8xf32>, tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%x: f32, %y: f32, %z: f32, %out: f32):
    %s = arith.addf %x, %y : f32
    %t = arith.addf %s, %z : f32
    linalg.yield %t : f32
  } -> tensor<4x8xf32>
  return %o : tensor<4x8xf32>
}

// -----

// An init that is not computed from inputs alone (here an argument) is
// read: init' = init + x. The residual is defined after the contraction:
// the contraction moves down to its consumer.
// CHECK-LABEL: func.func @read_init_and_move
// CHECK-SAME: (%[[A:.*]]: tensor<4x16xf32>, %[[B:.*]]: tensor<16x8xf32>, %[[I:.*]]: tensor<4x8xf32>, %[[P:.*]]: tensor<4x8xf32>)
// CHECK: %[[R:.*]] = arith.negf %[[P]]
// CHECK: %[[INIT:.*]] = linalg.generic {{.*}} ins(%[[R]] : tensor<4x8xf32>) outs(%[[I]] : tensor<4x8xf32>)
// CHECK-NEXT: ^bb0(%[[RV:.*]]: f32, %[[OUT:.*]]: f32):
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[OUT]], %[[RV]] : f32
// CHECK: %[[MM:.*]] = linalg.matmul ins(%[[A]], %[[B]] : {{.*}}) outs(%[[INIT]] : tensor<4x8xf32>)
// CHECK: return %[[MM]]
#map2 = affine_map<(d0, d1) -> (d0, d1)>
func.func @read_init_and_move(%a: tensor<4x16xf32>, %b: tensor<16x8xf32>, %i: tensor<4x8xf32>, %p: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %m = linalg.matmul ins(%a, %b : tensor<4x16xf32>, tensor<16x8xf32>) outs(%i : tensor<4x8xf32>) -> tensor<4x8xf32>
  %r = arith.negf %p : tensor<4x8xf32>
  %e = tensor.empty() : tensor<4x8xf32>
  %o = linalg.generic {indexing_maps = [#map2, #map2, #map2], iterator_types = ["parallel", "parallel"]} ins(%r, %m : tensor<4x8xf32>, tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%x: f32, %y: f32, %out: f32):
    %s = arith.addf %x, %y : f32
    linalg.yield %s : f32
  } -> tensor<4x8xf32>
  return %o : tensor<4x8xf32>
}

// -----

// Not folded: the contraction's result has another use; a max reduction
// does not add into its init; the sum is scaled before it is used (the
// contraction's value is used by a multiply, not an add).
// CHECK-LABEL: func.func @not_folded
// CHECK: %[[M:.*]] = linalg.matmul {{.*}} outs(%[[F:.*]] : tensor<4x8xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[M]], %{{.*}} : tensor<4x8xf32>, tensor<4x8xf32>)
// CHECK: %[[MAX:.*]] = linalg.generic {{.*}}iterator_types = ["parallel", "reduction"]{{.*}} outs(%{{.*}} : tensor<4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[MAX]], %{{.*}} : tensor<4xf32>, tensor<4xf32>)
// CHECK: %[[M2:.*]] = linalg.matmul
// CHECK: linalg.generic {{.*}} ins(%[[M2]], %{{.*}} : tensor<4x8xf32>, tensor<4x8xf32>)
// CHECK-NEXT: ^bb0
// CHECK-NEXT: arith.mulf
// CHECK-NEXT: arith.addf
#map2 = affine_map<(d0, d1) -> (d0, d1)>
#red = affine_map<(d0, d1) -> (d0)>
#vec = affine_map<(d0) -> (d0)>
func.func @not_folded(%a: tensor<4x16xf32>, %b: tensor<16x8xf32>, %r: tensor<4x8xf32>, %v: tensor<4x16xf32>, %r1: tensor<4xf32>) -> (tensor<4x8xf32>, tensor<4x8xf32>, tensor<4xf32>, tensor<4x8xf32>) {
  %zero = arith.constant 0.0 : f32
  %two = arith.constant 2.0 : f32
  %e = tensor.empty() : tensor<4x8xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x8xf32>) -> tensor<4x8xf32>
  %m = linalg.matmul ins(%a, %b : tensor<4x16xf32>, tensor<16x8xf32>) outs(%f : tensor<4x8xf32>) -> tensor<4x8xf32>
  %o = linalg.generic {indexing_maps = [#map2, #map2, #map2], iterator_types = ["parallel", "parallel"]} ins(%m, %r : tensor<4x8xf32>, tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%x: f32, %y: f32, %out: f32):
    %s = arith.addf %x, %y : f32
    linalg.yield %s : f32
  } -> tensor<4x8xf32>
  %e1 = tensor.empty() : tensor<4xf32>
  %f1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<4xf32>) -> tensor<4xf32>
  %max = linalg.generic {indexing_maps = [#map2, #red], iterator_types = ["parallel", "reduction"]} ins(%v : tensor<4x16xf32>) outs(%f1 : tensor<4xf32>) {
  ^bb0(%x: f32, %out: f32):
    %s = arith.maximumf %x, %out : f32
    linalg.yield %s : f32
  } -> tensor<4xf32>
  %o1 = linalg.generic {indexing_maps = [#vec, #vec, #vec], iterator_types = ["parallel"]} ins(%max, %r1 : tensor<4xf32>, tensor<4xf32>) outs(%e1 : tensor<4xf32>) {
  ^bb0(%x: f32, %y: f32, %out: f32):
    %s = arith.addf %x, %y : f32
    linalg.yield %s : f32
  } -> tensor<4xf32>
  %m2 = linalg.matmul ins(%a, %b : tensor<4x16xf32>, tensor<16x8xf32>) outs(%f : tensor<4x8xf32>) -> tensor<4x8xf32>
  %o2 = linalg.generic {indexing_maps = [#map2, #map2, #map2], iterator_types = ["parallel", "parallel"]} ins(%m2, %r : tensor<4x8xf32>, tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%x: f32, %y: f32, %out: f32):
    %t = arith.mulf %x, %two : f32
    %s = arith.addf %t, %y : f32
    linalg.yield %s : f32
  } -> tensor<4x8xf32>
  return %m, %o, %o1, %o2 : tensor<4x8xf32>, tensor<4x8xf32>, tensor<4xf32>, tensor<4x8xf32>
}

// -----

// Not folded: the contraction is outside the loop whose body adds to its
// result (moving it into the loop would run it on every iteration).
// CHECK-LABEL: func.func @other_block
// CHECK: %[[M:.*]] = linalg.matmul
// CHECK: scf.for
// CHECK: linalg.generic {{.*}} ins(%[[M]], %{{.*}} : tensor<4x8xf32>, tensor<4x8xf32>)
#map2 = affine_map<(d0, d1) -> (d0, d1)>
func.func @other_block(%a: tensor<4x16xf32>, %b: tensor<16x8xf32>, %r: tensor<4x8xf32>, %n: index) -> tensor<4x8xf32> {
  %zero = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %e = tensor.empty() : tensor<4x8xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x8xf32>) -> tensor<4x8xf32>
  %m = linalg.matmul ins(%a, %b : tensor<4x16xf32>, tensor<16x8xf32>) outs(%f : tensor<4x8xf32>) -> tensor<4x8xf32>
  %l = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %r) -> (tensor<4x8xf32>) {
    %o = linalg.generic {indexing_maps = [#map2, #map2, #map2], iterator_types = ["parallel", "parallel"]} ins(%m, %acc : tensor<4x8xf32>, tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
    ^bb0(%x: f32, %y: f32, %out: f32):
      %s = arith.addf %x, %y : f32
      linalg.yield %s : f32
    } -> tensor<4x8xf32>
    scf.yield %o : tensor<4x8xf32>
  }
  return %l : tensor<4x8xf32>
}
