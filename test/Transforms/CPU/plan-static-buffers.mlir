// RUN: torch-onnx-opt --pass-pipeline="builtin.module(func.func(plan-static-buffers))" %s | FileCheck %s

// a dies before c is allocated: c takes a's bytes. b (the largest) is
// placed first, at 0; a is live with it, so at 2048. The returned buffer
// stays an allocation of its own.
// CHECK-LABEL: func.func @chain
// CHECK:         %[[ARENA:.*]] = memref.alloc() {alignment = 64 : i64} : memref<3072xi8>
// CHECK:         %[[OA:.*]] = arith.constant 2048 : index
// CHECK-NEXT:    %[[A:.*]] = memref.view %[[ARENA]][%[[OA]]][] : memref<3072xi8> to memref<256xf32>
// CHECK:         %[[OB:.*]] = arith.constant 0 : index
// CHECK-NEXT:    %[[B:.*]] = memref.view %[[ARENA]][%[[OB]]][] : memref<3072xi8> to memref<512xf32>
// CHECK:         %[[OC:.*]] = arith.constant 2048 : index
// CHECK-NEXT:    %[[C:.*]] = memref.view %[[ARENA]][%[[OC]]][] : memref<3072xi8> to memref<128xf32>
// CHECK:         %[[R:.*]] = memref.alloc() : memref<16xf32>
// CHECK:         memref.store %{{.*}}, %[[R]]
// CHECK-NEXT:    memref.dealloc %[[ARENA]] : memref<3072xi8>
// CHECK-NEXT:    return %[[R]]
func.func @chain(%f: f32) -> memref<16xf32> {
  %c0 = arith.constant 0 : index
  %a = memref.alloc() : memref<256xf32>
  memref.store %f, %a[%c0] : memref<256xf32>
  %b = memref.alloc() : memref<512xf32>
  %v = memref.load %a[%c0] : memref<256xf32>
  memref.store %v, %b[%c0] : memref<512xf32>
  %c = memref.alloc() : memref<128xf32>
  %w = memref.load %b[%c0] : memref<512xf32>
  memref.store %w, %c[%c0] : memref<128xf32>
  %r = memref.alloc() : memref<16xf32>
  %x = memref.load %c[%c0] : memref<128xf32>
  memref.store %x, %r[%c0] : memref<16xf32>
  memref.dealloc %a : memref<256xf32>
  memref.dealloc %b : memref<512xf32>
  memref.dealloc %c : memref<128xf32>
  return %r : memref<16xf32>
}

// A use through a view (a's collapse_shape, its last) and a use inside a
// loop (b's last) keep a buffer live: a, b and c each get their own bytes;
// d comes after the loop and takes b's.
// CHECK-LABEL: func.func @views_and_regions
// CHECK:         %[[ARENA:.*]] = memref.alloc() {alignment = 64 : i64} : memref<3072xi8>
// CHECK:         %[[O:c0_[0-9]+]] = arith.constant 0 : index
// CHECK-NEXT:    memref.view %[[ARENA]][%[[O]]][] : memref<3072xi8> to memref<4x64xf32>
// CHECK:         memref.collapse_shape
// CHECK:         arith.constant 1024 : index
// CHECK-NEXT:    memref.view %[[ARENA]]
// CHECK:         arith.constant 2048 : index
// CHECK-NEXT:    memref.view %[[ARENA]]
// CHECK:         scf.parallel
// CHECK:         arith.constant 1024 : index
// CHECK-NEXT:    memref.view %[[ARENA]]
// CHECK-NOT:     memref.dealloc
// CHECK:         memref.dealloc %[[ARENA]]
// CHECK-NOT:     memref.dealloc
func.func @views_and_regions(%f: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %a = memref.alloc() : memref<4x64xf32>
  memref.store %f, %a[%c0, %c0] : memref<4x64xf32>
  %col = memref.collapse_shape %a [[0, 1]] : memref<4x64xf32> into memref<256xf32>
  %b = memref.alloc() : memref<256xf32>
  memref.store %f, %b[%c0] : memref<256xf32>
  %c = memref.alloc() : memref<256xf32>
  scf.parallel (%i) = (%c0) to (%c4) step (%c1) {
    %x = memref.load %b[%i] : memref<256xf32>
    memref.store %x, %c[%i] : memref<256xf32>
    scf.reduce
  }
  %d = memref.alloc() : memref<256xf32>
  %y = memref.load %c[%c0] : memref<256xf32>
  memref.store %y, %d[%c0] : memref<256xf32>
  %z = memref.load %col[%c0] : memref<256xf32>
  %w = memref.load %d[%c0] : memref<256xf32>
  %s = arith.addf %z, %w : f32
  memref.dealloc %a : memref<4x64xf32>
  memref.dealloc %b : memref<256xf32>
  memref.dealloc %c : memref<256xf32>
  memref.dealloc %d : memref<256xf32>
  return %s : f32
}

// Buffers the pass cannot place stay allocations with their frees: a
// pointer taken out of one, i1 elements, a dynamic shape, one this block
// does not free. The two plain ones share the arena, and its bytes: x is
// dead when y is allocated.
// CHECK-LABEL: func.func @left_alone
// CHECK:         memref.alloc() {alignment = 64 : i64} : memref<64xi8>
// CHECK-DAG:     %[[P:.*]] = memref.alloc() : memref<16xf32>
// CHECK-DAG:     %[[I1:.*]] = memref.alloc() : memref<16xi1>
// CHECK-DAG:     %[[DYN:.*]] = memref.alloc(%{{.*}}) : memref<?xf32>
// CHECK-DAG:     %[[KEPT:.*]] = memref.alloc() : memref<8xf32>
// CHECK:         %[[OX:.*]] = arith.constant 0 : index
// CHECK-NEXT:    memref.view %{{.*}}[%[[OX]]][] : memref<64xi8> to memref<16xf32>
// CHECK:         %[[OY:.*]] = arith.constant 0 : index
// CHECK-NEXT:    memref.view %{{.*}}[%[[OY]]][] : memref<64xi8> to memref<16xf32>
// CHECK-DAG:     memref.dealloc %[[P]]
// CHECK-DAG:     memref.dealloc %[[I1]]
// CHECK-DAG:     memref.dealloc %[[DYN]]
// CHECK-NOT:     memref.dealloc %[[KEPT]]
// CHECK:         return
func.func @left_alone(%n: index, %f: f32, %t: i1) -> (index, memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %p = memref.alloc() : memref<16xf32>
  %ptr = memref.extract_aligned_pointer_as_index %p : memref<16xf32> -> index
  %i1 = memref.alloc() : memref<16xi1>
  memref.store %t, %i1[%c0] : memref<16xi1>
  %dyn = memref.alloc(%n) : memref<?xf32>
  memref.store %f, %dyn[%c0] : memref<?xf32>
  %kept = memref.alloc() : memref<8xf32>
  %x = memref.alloc() : memref<16xf32>
  memref.store %f, %x[%c0] : memref<16xf32>
  %y = memref.alloc() : memref<16xf32>
  memref.store %f, %y[%c0] : memref<16xf32>
  memref.dealloc %p : memref<16xf32>
  memref.dealloc %i1 : memref<16xi1>
  memref.dealloc %dyn : memref<?xf32>
  memref.dealloc %x : memref<16xf32>
  memref.dealloc %y : memref<16xf32>
  return %ptr, %kept : index, memref<8xf32>
}

// One buffer: nothing to share, no arena.
// CHECK-LABEL: func.func @single
// CHECK:         memref.alloc() : memref<16xf32>
// CHECK-NOT:     memref.view
func.func @single(%f: f32) {
  %c0 = arith.constant 0 : index
  %x = memref.alloc() : memref<16xf32>
  memref.store %f, %x[%c0] : memref<16xf32>
  memref.dealloc %x : memref<16xf32>
  return
}
