// RUN: split-file %s %t
// RUN: torch-onnx-opt --cpu-outline-tasks %t/outline.mlir | FileCheck %t/outline.mlir
// RUN: torch-onnx-opt --pass-pipeline="builtin.module(func.func(cpu-outer-parallel-loops))" %t/parallel.mlir | FileCheck %t/parallel.mlir

//--- outline.mlir
// Two loops that differ only in their weights share one function; the
// weights are arguments and the constants are cloned into it. A different
// body gets a function of its own; a loop with little work stays.
memref.global "private" constant @w0 : memref<64x64xf32> = dense<1.0>
memref.global "private" constant @w1 : memref<64x64xf32> = dense<2.0>

// CHECK-LABEL: func.func @model
// CHECK-DAG:     %[[W0:.*]] = memref.get_global @w0
// CHECK-DAG:     %[[W1:.*]] = memref.get_global @w1
// CHECK:         scf.forall (%[[I:.*]]) in (4) {
// CHECK-NEXT:      func.call @model_task(%[[I]], %[[W0]], %[[X:.*]], %[[Y:.*]]) : (index, memref<64x64xf32>, memref<64x64xf32>, memref<64x64xf32>) -> ()
// CHECK-NEXT:    }
// CHECK:         scf.forall (%[[J:.*]]) in (4) {
// CHECK-NEXT:      func.call @model_task(%[[J]], %[[W1]], %[[Y]], %[[X]])
// CHECK:         scf.forall (%[[K:.*]]) in (4) {
// CHECK-NEXT:      func.call @[[T2:model_task_[0-9]+]](%[[K]], %[[W1]], %[[X]], %[[Y]])
// CHECK:         scf.forall (%{{.*}}) in (2) {
// CHECK-NEXT:      memref.load
// CHECK:       func.func private @model_task(%{{.*}}: index, %{{.*}}: memref<64x64xf32>, %{{.*}}: memref<64x64xf32>, %{{.*}}: memref<64x64xf32>) attributes {llvm.linkage = #llvm.linkage<internal>, tonnx.task}
// CHECK:         arith.constant 16 : index
// CHECK:         arith.addf
// CHECK:         return
// CHECK:       func.func private @[[T2]]
// CHECK:         arith.mulf
// CHECK-NOT:   func.func
func.func @model(%x: memref<64x64xf32>, %y: memref<64x64xf32>) {
  %w0 = memref.get_global @w0 : memref<64x64xf32>
  %w1 = memref.get_global @w1 : memref<64x64xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %c64 = arith.constant 64 : index
  scf.forall (%i) in (4) {
    %r0 = arith.muli %i, %c16 : index
    scf.for %r = %c0 to %c16 step %c1 {
      %row = arith.addi %r0, %r : index
      scf.for %c = %c0 to %c64 step %c1 {
        scf.for %k = %c0 to %c64 step %c1 {
          %a = memref.load %w0[%row, %k] : memref<64x64xf32>
          %b = memref.load %x[%k, %c] : memref<64x64xf32>
          %acc = memref.load %y[%row, %c] : memref<64x64xf32>
          %s = arith.addf %a, %b : f32
          %t = arith.addf %acc, %s : f32
          memref.store %t, %y[%row, %c] : memref<64x64xf32>
        }
      }
    }
  }
  scf.forall (%i) in (4) {
    %r0 = arith.muli %i, %c16 : index
    scf.for %r = %c0 to %c16 step %c1 {
      %row = arith.addi %r0, %r : index
      scf.for %c = %c0 to %c64 step %c1 {
        scf.for %k = %c0 to %c64 step %c1 {
          %a = memref.load %w1[%row, %k] : memref<64x64xf32>
          %b = memref.load %y[%k, %c] : memref<64x64xf32>
          %acc = memref.load %x[%row, %c] : memref<64x64xf32>
          %s = arith.addf %a, %b : f32
          %t = arith.addf %acc, %s : f32
          memref.store %t, %x[%row, %c] : memref<64x64xf32>
        }
      }
    }
  }
  scf.forall (%i) in (4) {
    %r0 = arith.muli %i, %c16 : index
    scf.for %r = %c0 to %c16 step %c1 {
      %row = arith.addi %r0, %r : index
      scf.for %c = %c0 to %c64 step %c1 {
        scf.for %k = %c0 to %c64 step %c1 {
          %a = memref.load %w1[%row, %k] : memref<64x64xf32>
          %b = memref.load %x[%k, %c] : memref<64x64xf32>
          %acc = memref.load %y[%row, %c] : memref<64x64xf32>
          %s = arith.mulf %a, %b : f32
          %t = arith.addf %acc, %s : f32
          memref.store %t, %y[%row, %c] : memref<64x64xf32>
        }
      }
    }
  }
  scf.forall (%i) in (2) {
    %a = memref.load %w0[%i, %i] : memref<64x64xf32>
    memref.store %a, %y[%i, %i] : memref<64x64xf32>
  }
  return
}

//--- parallel.mlir
// A loop calling a task body stays parallel, whatever the body's size here;
// every parallel loop in a task function runs on its caller's thread.

// CHECK-LABEL: func.func @caller
// CHECK:         scf.parallel
// CHECK-NEXT:      func.call @task
func.func @caller(%m: memref<64xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  scf.parallel (%i) = (%c0) to (%c4) step (%c1) {
    func.call @task(%i, %m) : (index, memref<64xf32>) -> ()
    scf.reduce
  }
  return
}

// CHECK-LABEL: func.func private @task
// CHECK-NOT:     scf.parallel
// CHECK:         scf.for
// CHECK-NOT:     scf.parallel
func.func private @task(%i: index, %m: memref<64xf32>) attributes {tonnx.task} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  %cst = arith.constant 1.0 : f32
  scf.parallel (%j) = (%c0) to (%c64) step (%c1) {
    scf.for %k = %c0 to %c64 step %c1 {
      scf.for %l = %c0 to %c64 step %c1 {
        memref.store %cst, %m[%j] : memref<64xf32>
      }
    }
    scf.reduce
  }
  return
}
