// RUN: torch-onnx-opt --cuda-device-constants %s | FileCheck %s

// Host code reads the listed weights through the runtime's cached device
// copy (64 x f32 = 256 bytes); other globals are untouched.
// CHECK-LABEL: llvm.func @main_graph
// CHECK: %[[ADDR:.*]] = llvm.mlir.addressof @__constant_64xf32 : !llvm.ptr
// CHECK: %[[BYTES:.*]] = llvm.mlir.constant(256 : i64) : i64
// CHECK: %[[DEV:.*]] = llvm.call @tonnx_cuda_constant(%[[ADDR]], %[[BYTES]])
// CHECK: llvm.getelementptr %[[DEV]][1]
// CHECK: %[[MSG:.*]] = llvm.mlir.addressof @message
// CHECK-NOT: tonnx_cuda_constant
// CHECK: llvm.return
// CHECK: llvm.func @tonnx_cuda_constant(!llvm.ptr, i64) -> !llvm.ptr
// CHECK-NOT: torch_onnx.cuda_constants
module attributes {torch_onnx.cuda_constants = [@__constant_64xf32]} {
  llvm.mlir.global private constant @__constant_64xf32(dense<1.0> : tensor<64xf32>) : !llvm.array<64 x f32>
  llvm.mlir.global private constant @message("hello\00") : !llvm.array<6 x i8>
  llvm.func @main_graph() -> !llvm.ptr {
    %0 = llvm.mlir.addressof @__constant_64xf32 : !llvm.ptr
    %1 = llvm.getelementptr %0[1] : (!llvm.ptr) -> !llvm.ptr, f32
    %2 = llvm.mlir.addressof @message : !llvm.ptr
    llvm.return %1 : !llvm.ptr
  }
}
