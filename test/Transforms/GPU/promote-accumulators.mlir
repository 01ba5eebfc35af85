// RUN: torch-onnx-opt --split-input-file --promote-loop-accumulators %s | FileCheck %s

// A matmul's k loop: C[i, j] is loaded once, carried, stored once.
// CHECK-LABEL: func.func @matmul
// CHECK: scf.parallel (%[[I:.*]], %[[J:.*]]) =
// CHECK: %[[INIT:.*]] = memref.load %[[C:.*]][%[[I]], %[[J]]]
// CHECK: %[[R:.*]] = scf.for {{.*}} iter_args(%[[ACC:.*]] = %[[INIT]]) -> (f32)
// CHECK-NOT: memref.store
// CHECK: %[[S:.*]] = arith.addf %[[ACC]],
// CHECK: scf.yield %[[S]]
// CHECK: memref.store %[[R]], %[[C]][%[[I]], %[[J]]]
func.func @matmul(%a: memref<8x16xf32>, %b: memref<16x8xf32>) -> memref<8x8xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  %c = memref.alloc() : memref<8x8xf32>
  scf.parallel (%i, %j) = (%c0, %c0) to (%c8, %c8) step (%c1, %c1) {
    scf.for %k = %c0 to %c16 step %c1 {
      %x = memref.load %a[%i, %k] : memref<8x16xf32>
      %y = memref.load %b[%k, %j] : memref<16x8xf32>
      %acc = memref.load %c[%i, %j] : memref<8x8xf32>
      %p = arith.mulf %x, %y : f32
      %s = arith.addf %acc, %p : f32
      memref.store %s, %c[%i, %j] : memref<8x8xf32>
    }
    scf.reduce
  }
  return %c : memref<8x8xf32>
}

// -----

// A convolution window (two nested reduction loops) promotes all the way
// out of the outer loop.
// CHECK-LABEL: func.func @window
// CHECK: memref.load %[[O:.*]][%[[P:.*]]]
// CHECK-NEXT: scf.for {{.*}} iter_args
// CHECK-NEXT: scf.for {{.*}} iter_args
// CHECK-NOT: memref.store
// CHECK: memref.store {{.*}}, %[[O]][%[[P]]]
func.func @window(%in: memref<20xf32>, %out: memref<16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c16 = arith.constant 16 : index
  %o = memref.alloc() : memref<16xf32>
  scf.parallel (%p) = (%c0) to (%c16) step (%c1) {
    scf.for %u = %c0 to %c2 step %c1 {
      scf.for %v = %c0 to %c2 step %c1 {
        %q = arith.addi %p, %u : index
        %r = arith.addi %q, %v : index
        %x = memref.load %in[%r] : memref<20xf32>
        %acc = memref.load %o[%p] : memref<16xf32>
        %s = arith.addf %acc, %x : f32
        memref.store %s, %o[%p] : memref<16xf32>
      }
    }
    scf.reduce
  }
  memref.copy %o, %out : memref<16xf32> to memref<16xf32>
  return
}

// -----

// Not promoted: the output may alias an input (both function arguments),
// or its index changes inside the loop.
// CHECK-LABEL: func.func @unsafe
// CHECK-NOT: iter_args
// CHECK: return
func.func @unsafe(%a: memref<16xf32>, %c: memref<16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  scf.for %k = %c0 to %c16 step %c1 {
    %x = memref.load %a[%k] : memref<16xf32>
    %acc = memref.load %c[%c0] : memref<16xf32>
    %s = arith.addf %acc, %x : f32
    memref.store %s, %c[%c0] : memref<16xf32>
  }
  %o = memref.alloc() : memref<16xf32>
  scf.for %k = %c0 to %c16 step %c1 {
    %x = memref.load %a[%k] : memref<16xf32>
    %acc = memref.load %o[%k] : memref<16xf32>
    %s = arith.addf %acc, %x : f32
    memref.store %s, %o[%k] : memref<16xf32>
  }
  return
}
