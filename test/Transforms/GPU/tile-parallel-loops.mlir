// RUN: torch-onnx-opt --split-input-file --pass-pipeline='builtin.module(func.func(gpu-tile-parallel-loops))' %s | FileCheck %s
// RUN: torch-onnx-opt --split-input-file --pass-pipeline='builtin.module(func.func(gpu-tile-parallel-loops,convert-parallel-loops-to-gpu),canonicalize)' %s | FileCheck %s --check-prefix=LAUNCH

// A 4-d elementwise nest (1x64x56x56): the innermost dim on x (64 of the 56
// iterations' next power of two), the next on y (4 = 256 / 64), the third on
// blocks z; the outermost loops in each thread. Tiles are guarded, not
// clamped.
// CHECK-LABEL: func.func @nchw
// CHECK: scf.parallel
// CHECK: scf.parallel
// CHECK: scf.if
// CHECK: mapping = [#gpu.loop_dim_map<processor = sequential, {{.*}}>, #gpu.loop_dim_map<processor = sequential, {{.*}}>, #gpu.loop_dim_map<processor = thread_y, {{.*}}>, #gpu.loop_dim_map<processor = thread_x, {{.*}}>]
// CHECK: mapping = [#gpu.loop_dim_map<processor = sequential, {{.*}}>, #gpu.loop_dim_map<processor = block_z, {{.*}}>, #gpu.loop_dim_map<processor = block_y, {{.*}}>, #gpu.loop_dim_map<processor = block_x, {{.*}}>]
// LAUNCH-LABEL: func.func @nchw
// LAUNCH: gpu.launch blocks({{.*}}) in ({{.*}} = %c1{{.*}}, {{.*}} = %c14{{.*}}, {{.*}} = %c64{{.*}}) threads({{.*}}) in ({{.*}} = %c64{{.*}}, {{.*}} = %c4{{.*}}, {{.*}} = %c1{{.*}})
// LAUNCH: scf.if
func.func @nchw(%a: memref<1x64x56x56xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c56 = arith.constant 56 : index
  %c64 = arith.constant 64 : index
  %z = arith.constant 0.0 : f32
  scf.parallel (%n, %c, %h, %w) = (%c0, %c0, %c0, %c0) to (%c1, %c64, %c56, %c56) step (%c1, %c1, %c1, %c1) {
    memref.store %z, %a[%n, %c, %h, %w] : memref<1x64x56x56xf32>
    scf.reduce
  }
  return
}

// -----

// A dynamic 1-d loop: 256 threads per block, as many blocks as needed.
// LAUNCH-LABEL: func.func @dynamic
// LAUNCH: %[[N:.*]] = memref.dim
// LAUNCH: %[[BLOCKS:.*]] = affine.apply {{.*}}()[%[[N]]]
// LAUNCH: gpu.launch blocks({{.*}}) in ({{.*}} = %[[BLOCKS]], {{.*}}) threads({{.*}}) in ({{.*}} = %c256
// LAUNCH: scf.if
func.func @dynamic(%a: memref<?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = memref.dim %a, %c0 : memref<?xf32>
  %z = arith.constant 0.0 : f32
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    memref.store %z, %a[%i] : memref<?xf32>
    scf.reduce
  }
  return
}

// -----

// A y dimension whose blocks could exceed the grid limit (65535) runs in
// each thread instead.
// CHECK-LABEL: func.func @tall
// CHECK: mapping = [#gpu.loop_dim_map<processor = thread_y, {{.*}}>, #gpu.loop_dim_map<processor = thread_x, {{.*}}>]
// CHECK: mapping = [#gpu.loop_dim_map<processor = sequential, {{.*}}>, #gpu.loop_dim_map<processor = block_x, {{.*}}>]
// LAUNCH-LABEL: func.func @tall
// LAUNCH: gpu.launch blocks({{.*}}) in ({{.*}} = %c1{{.*}}, {{.*}} = %c1{{.*}}, {{.*}} = %c1{{.*}}) threads({{.*}}) in ({{.*}} = %c2{{.*}}, {{.*}} = %c128{{.*}}, {{.*}} = %c1{{.*}})
// LAUNCH: scf.for %{{.*}} = %c0{{.*}} to %c100000000 step %c128
func.func @tall(%a: memref<100000000x2xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %big = arith.constant 100000000 : index
  %z = arith.constant 0.0 : f32
  scf.parallel (%i, %j) = (%c0, %c0) to (%big, %c2) step (%c1, %c1) {
    memref.store %z, %a[%i, %j] : memref<100000000x2xf32>
    scf.reduce
  }
  return
}
