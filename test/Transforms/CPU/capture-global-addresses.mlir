// RUN: torch-onnx-opt --capture-global-addresses --split-input-file %s | FileCheck %s

// An address taken outside reaches the region through a descriptor LLVM
// would fold to a constant: the copy is made where it is taken, and the
// descriptor is built from it. An address taken inside gets one copy before
// the region for all its uses there.
llvm.mlir.global private constant @w0(dense<1.0> : tensor<16xf32>) {addr_space = 0 : i32} : !llvm.array<16 x f32>
llvm.mlir.global private constant @w1(dense<2.0> : tensor<16xf32>) {addr_space = 0 : i32} : !llvm.array<16 x f32>
llvm.mlir.global private constant @unused(dense<3.0> : tensor<16xf32>) {addr_space = 0 : i32} : !llvm.array<16 x f32>

// CHECK-LABEL: llvm.func @two_regions
// CHECK:         %[[W0:.*]] = llvm.mlir.addressof @w0
// CHECK-NEXT:    %[[C0:.*]] = llvm.inline_asm "", "=r,0" %[[W0]] : (!llvm.ptr) -> !llvm.ptr
// CHECK:         %[[D0:.*]] = llvm.insertvalue %[[C0]], %{{.*}}[0]
// CHECK:         %[[D:.*]] = llvm.insertvalue %{{.*}}, %[[D0]][1]
// CHECK:         %[[U:.*]] = llvm.mlir.addressof @unused
// CHECK-NOT:     llvm.inline_asm
// CHECK:         llvm.store %{{.*}}, %[[U]]
// CHECK:         %[[W1:.*]] = llvm.mlir.addressof @w1
// CHECK-NEXT:    %[[C1:.*]] = llvm.inline_asm "", "=r,0" %[[W1]]
// CHECK-NEXT:    omp.parallel {
// CHECK:           llvm.extractvalue %[[D]][0]
// CHECK:           llvm.load %[[C1]]
// CHECK:           llvm.getelementptr %[[C1]][1]
// CHECK-NOT:       llvm.mlir.addressof
// CHECK:           omp.terminator
llvm.func @two_regions(%out: !llvm.ptr) {
  %w0 = llvm.mlir.addressof @w0 : !llvm.ptr
  %undef = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
  %d0 = llvm.insertvalue %w0, %undef[0] : !llvm.struct<(ptr, i64)>
  %c0 = llvm.mlir.constant(0 : i64) : i64
  %d = llvm.insertvalue %c0, %d0[1] : !llvm.struct<(ptr, i64)>
  %u = llvm.mlir.addressof @unused : !llvm.ptr
  %f = llvm.mlir.constant(0.0 : f32) : f32
  llvm.store %f, %u : f32, !llvm.ptr
  omp.parallel {
    %p = llvm.extractvalue %d[0] : !llvm.struct<(ptr, i64)>
    %a = llvm.load %p : !llvm.ptr -> f32
    %w1 = llvm.mlir.addressof @w1 : !llvm.ptr
    %b = llvm.load %w1 : !llvm.ptr -> f32
    %w1b = llvm.mlir.addressof @w1 : !llvm.ptr
    %g = llvm.getelementptr %w1b[1] : (!llvm.ptr) -> !llvm.ptr, f32
    %c = llvm.load %g : !llvm.ptr -> f32
    %s = llvm.fadd %a, %b : f32
    %t = llvm.fadd %s, %c : f32
    llvm.store %t, %out : f32, !llvm.ptr
    omp.terminator
  }
  llvm.return
}

// -----

// Without parallel regions nothing changes.
llvm.mlir.global private constant @w(dense<1.0> : tensor<4xf32>) {addr_space = 0 : i32} : !llvm.array<4 x f32>

// CHECK-LABEL: llvm.func @serial
// CHECK-NOT:     llvm.inline_asm
// CHECK:         llvm.return
llvm.func @serial() -> f32 {
  %w = llvm.mlir.addressof @w : !llvm.ptr
  %a = llvm.load %w : !llvm.ptr -> f32
  llvm.return %a : f32
}

// -----

// A thread-local global's address is each thread's own: it is taken where
// it is used, never captured.
llvm.mlir.global internal thread_local @tls(0.0 : f32) {addr_space = 0 : i32} : f32

// CHECK-LABEL: llvm.func @thread_local
// CHECK-NOT:     llvm.inline_asm
// CHECK:         omp.parallel {
// CHECK-NEXT:      %[[T:.*]] = llvm.mlir.addressof @tls
// CHECK-NEXT:      llvm.load %[[T]]
llvm.func @thread_local(%out: !llvm.ptr) {
  omp.parallel {
    %t = llvm.mlir.addressof @tls : !llvm.ptr
    %v = llvm.load %t : !llvm.ptr -> f32
    llvm.store %v, %out : f32, !llvm.ptr
    omp.terminator
  }
  llvm.return
}
