// RUN: torch-onnx-opt --cpu-merge-parallel-regions --split-input-file %s | FileCheck %s

// Three regions that each share out one loop, with views and constants
// between them: one region, its loops in order, the views above it.
// CHECK-LABEL: func.func @chain
// CHECK: %[[V1:.+]] = memref.view
// CHECK: %[[C:.+]] = arith.constant 8 : index
// CHECK: %[[V2:.+]] = memref.view
// CHECK: omp.parallel {
// CHECK-NEXT: omp.wsloop {
// CHECK: memref.store %{{.*}}, %[[V1]]
// CHECK: omp.wsloop {
// CHECK-NEXT: omp.loop_nest (%{{.*}}) : index = (%{{.*}}) to (%[[C]])
// CHECK: memref.load %[[V1]]
// CHECK: omp.wsloop {
// CHECK: memref.store %{{.*}}, %[[V2]]
// CHECK: omp.terminator
// CHECK-NEXT: }
// CHECK-NOT: omp.parallel
// CHECK: return
func.func @chain(%buf: memref<64xi8>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %f = arith.constant 1.0 : f32
  %v1 = memref.view %buf[%c0][] : memref<64xi8> to memref<8xf32>
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c4) step (%c1) {
        memref.store %f, %v1[%i] : memref<8xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  %c8 = arith.constant 8 : index
  %c32 = arith.constant 32 : index
  %v2 = memref.view %buf[%c32][] : memref<64xi8> to memref<8xf32>
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c8) step (%c1) {
        %x = memref.load %v1[%i] : memref<8xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c8) step (%c1) {
        memref.store %f, %v2[%i] : memref<8xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  return
}

// -----

// A store on the calling thread between two regions keeps them apart, and
// so does a loop with `nowait` (no barrier after it).
// CHECK-LABEL: func.func @kept_apart
// CHECK: omp.parallel
// CHECK: memref.store
// CHECK: omp.parallel
// CHECK: omp.parallel
// CHECK: omp.wsloop nowait
func.func @kept_apart(%m: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %f = arith.constant 1.0 : f32
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c8) step (%c1) {
        memref.store %f, %m[%i] : memref<8xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  memref.store %f, %m[%c0] : memref<8xf32>
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c8) step (%c1) {
        memref.store %f, %m[%i] : memref<8xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  omp.parallel {
    omp.wsloop nowait {
      omp.loop_nest (%i) : index = (%c0) to (%c8) step (%c1) {
        memref.store %f, %m[%i] : memref<8xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  return
}
