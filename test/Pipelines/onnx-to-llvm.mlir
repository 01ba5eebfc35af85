// The whole CPU pipeline: onnx -> linalg -> tiled/vectorized contraction ->
// bufferized OpenMP loops -> LLVM dialect.
// RUN: torch-onnx-opt --onnx-to-llvm-pipeline %s | FileCheck %s
// RUN: torch-onnx-opt --convert-onnx-to-linalg --cpu-tile-and-vectorize=vector-bits=256 %s | FileCheck %s --check-prefix=TILE
// RUN: torch-onnx-opt --convert-onnx-to-linalg --cpu-tile-and-vectorize=vector-bits=512 %s | FileCheck %s --check-prefix=AVX512

// The tasks run on OpenMP threads, each a call of the task body
// (cpu-outline-tasks), whose functions follow the model's.
// CHECK-LABEL: llvm.func @main_graph
// CHECK: omp.parallel
// CHECK: llvm.call @main_graph_task(
// CHECK-NOT: linalg.
// CHECK-NOT: onnx.
// The 64x64x128 matmul: 4 tasks of whole register tiles (scf.forall; no
// smaller, each keeps 2^17 multiply-adds), 4x16 register tiles over k,
// accumulators carried in vector registers, the ReLU applied to them.
// TILE-LABEL: func.func @main_graph
// TILE: scf.forall (%{{.*}}, %{{.*}}) = (0, 0) to (64, 64) step (16, 64)
// TILE: scf.for %{{.*}} = %c0 to %c16 step %c4
// TILE: scf.for %{{.*}} = %c0 to %c64 step %c16
// TILE: scf.for %{{.*}} = %c0 to %c128 step %c1 iter_args({{.*}}) -> ({{.*}}vector<4x16xf32>)
// TILE: vector.fma {{.*}} : vector<16xf32>
// With 512-bit vectors: 8x32 register tiles (two zmm per row).
// AVX512: scf.for %{{.*}} = %c0 to %c16 step %c8
// AVX512: scf.for %{{.*}} = %c0 to %c64 step %c32
// AVX512: scf.for %{{.*}} = %c0 to %c128 step %c1 iter_args({{.*}}) -> ({{.*}}vector<8x32xf32>)
// AVX512-COUNT-8: vector.fma {{.*}} : vector<32xf32>
func.func @main_graph(%a: tensor<64x128xf32>, %b: tensor<128x64xf32>) -> tensor<64x64xf32> {
  %0 = "onnx.MatMul"(%a, %b) : (tensor<64x128xf32>, tensor<128x64xf32>) -> tensor<64x64xf32>
  %1 = "onnx.Relu"(%0) : (tensor<64x64xf32>) -> tensor<64x64xf32>
  return %1 : tensor<64x64xf32>
}

// A larger matmul: its tasks run on OpenMP threads.
// CHECK-LABEL: llvm.func @big
// CHECK: omp.parallel
// CHECK: llvm.call @big_task(
// CHECK-LABEL: llvm.func internal @main_graph_task(
// CHECK: llvm.intr.fmuladd{{.*}}vector<{{16|32}}xf32>
// CHECK-LABEL: llvm.func internal @big_task(
// CHECK: llvm.intr.fmuladd
func.func @big(%a: tensor<512x256xf32>, %b: tensor<256x512xf32>) -> tensor<512x512xf32> {
  %0 = "onnx.MatMul"(%a, %b) : (tensor<512x256xf32>, tensor<256x512xf32>) -> tensor<512x512xf32>
  return %0 : tensor<512x512xf32>
}
