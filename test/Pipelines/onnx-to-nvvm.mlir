// The whole CUDA pipeline, PTX emitted (format=isa) so the kernels can be
// read: onnx -> linalg -> managed buffers -> gpu.launch -> NVVM -> PTX, and
// the host code in the LLVM dialect.
// REQUIRES: cuda-toolkit
// RUN: torch-onnx-opt --onnx-to-nvvm-pipeline="format=isa" %s | FileCheck %s
// RUN: torch-onnx-opt --onnx-to-nvvm-pipeline="format=isa chip=sm_80" %s | FileCheck %s --check-prefix=SM80
// RUN: torch-onnx-opt --onnx-to-nvvm-pipeline="format=isa block-size=128" %s | FileCheck %s --check-prefix=B128

// Host: inputs copied into managed memory, the weights through the cached
// device copy, three launches (fill, matmul, fused bias+tanh), the result
// copied to host memory.
// CHECK-LABEL: llvm.func @main_graph
// CHECK: llvm.call @tonnx_cuda_constant
// CHECK: %[[A:.*]] = llvm.call @mgpuMemAlloc
// CHECK: "llvm.intr.memcpy"(%[[A]],
// CHECK-COUNT-3: gpu.launch_func
// CHECK: llvm.call @malloc
// CHECK: llvm.call @mgpuMemFree
// Kernels: sm_90 PTX; the matmul's k loop accumulates in a register
// (promote-loop-accumulators) and stores once after the loop; tanh comes
// from libdevice, inlined.
// CHECK: gpu.binary @main_graph_kernel {{.*}}#nvvm.target<O = 3, chip = "sm_90">
// CHECK-SAME: .target sm_90
// CHECK-SAME: .entry main_graph_kernel
// CHECK: gpu.binary @main_graph_kernel_0
// CHECK-SAME: ld.global.b32
// CHECK-SAME: add.rn.f32
// CHECK-SAME: bra
// CHECK-SAME: st.global.b32
// CHECK: gpu.binary @main_graph_kernel_1
// CHECK-SAME: ex2.approx
// CHECK-NOT: onnx.
// CHECK-NOT: linalg.
// SM80: .target sm_80
// The fused 64x64 elementwise kernel: 64 threads on x, 2 on y.
// B128-LABEL: llvm.func @main_graph
// B128-DAG: %[[X:.*]] = llvm.mlir.constant(64 : index)
// B128-DAG: %[[Y:.*]] = llvm.mlir.constant(2 : index)
// B128: gpu.launch_func @main_graph_kernel_1::@main_graph_kernel blocks in (%{{.*}}, %{{.*}}, %{{.*}}) threads in (%[[X]], %[[Y]], %{{.*}}) : i64
func.func @main_graph(%a: tensor<64x128xf32>, %b: tensor<128x64xf32>) -> tensor<64x64xf32> {
  %cr = "onnx.Constant"() <{value_ = dense<[0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 2.75, 3.0, 3.25, 3.5, 3.75, 4.0, 4.25, 4.5, 4.75, 5.0, 5.25, 5.5, 5.75, 6.0, 6.25, 6.5, 6.75, 7.0, 7.25, 7.5, 7.75, 8.0, 8.25, 8.5, 8.75, 9.0, 9.25, 9.5, 9.75, 10.0, 10.25, 10.5, 10.75, 11.0, 11.25, 11.5, 11.75, 12.0, 12.25, 12.5, 12.75, 13.0, 13.25, 13.5, 13.75, 14.0, 14.25, 14.5, 14.75, 15.0, 15.25, 15.5, 15.75]> : tensor<64xf32>}> : () -> tensor<64xf32>
  %0 = "onnx.MatMul"(%a, %b) : (tensor<64x128xf32>, tensor<128x64xf32>) -> tensor<64x64xf32>
  %1 = "onnx.Add"(%0, %cr) : (tensor<64x64xf32>, tensor<64xf32>) -> tensor<64x64xf32>
  %2 = "onnx.Tanh"(%1) : (tensor<64x64xf32>) -> tensor<64x64xf32>
  return %2 : tensor<64x64xf32>
}
