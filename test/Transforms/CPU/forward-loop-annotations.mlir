// RUN: torch-onnx-opt --forward-loop-annotations %s | FileCheck %s
// RUN: torch-onnx-opt --pass-pipeline="builtin.module(convert-scf-to-cf,convert-cf-to-llvm,convert-func-to-llvm,finalize-memref-to-llvm,convert-arith-to-llvm,convert-index-to-llvm,reconcile-unrealized-casts,forward-loop-annotations)" %s | mlir-translate --mlir-to-llvmir | FileCheck %s --check-prefix=IR

#unroll = #llvm.loop_unroll<disable = true>
#vec = #llvm.loop_vectorize<disable = true>
#plain = #llvm.loop_annotation<vectorize = #vec, unroll = #unroll>

// The discardable attribute becomes the branch's loop annotation.
// CHECK-LABEL: llvm.func @branches
// CHECK: llvm.br ^bb1 {loop_annotation = #{{.*}}}
// CHECK: llvm.cond_br %{{.*}}, ^bb1, ^bb2 {loop_annotation = #{{.*}}}
// CHECK-NOT: llvm.loop_annotation
llvm.func @branches(%c: i1) {
  llvm.br ^bb1 {llvm.loop_annotation = #plain}
^bb1:
  llvm.cond_br %c, ^bb1, ^bb2 {llvm.loop_annotation = #plain}
^bb2:
  llvm.return
}

// An scf.for's annotation reaches the LLVM IR as !llvm.loop metadata on
// its latch; the loop without one gets none.
// CHECK-LABEL: func.func @fill
// IR-LABEL: define void @fill
// IR: br label %{{.*}}, !llvm.loop ![[LOOP:[0-9]+]]
// IR-NOT: !llvm.loop
// IR: ret void
// IR: ![[LOOP]] = distinct !{![[LOOP]], ![[VEC:[0-9]+]], ![[UNROLL:[0-9]+]]}
// IR-DAG: ![[VEC]] = !{!"llvm.loop.vectorize.enable", i1 false}
// IR-DAG: ![[UNROLL]] = !{!"llvm.loop.unroll.disable"}
func.func @fill(%m: memref<64xf32>, %v: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  scf.for %i = %c0 to %c64 step %c1 {
    memref.store %v, %m[%i] : memref<64xf32>
  } {llvm.loop_annotation = #plain}
  scf.for %i = %c0 to %c64 step %c1 {
    memref.store %v, %m[%i] : memref<64xf32>
  }
  return
}
