// cpu-tile-and-vectorize run on its own (no later pass has loaded the
// bufferization dialect): of two contractions sharing one empty init, the
// first gets a fresh bufferization.alloc_tensor (the second is then the
// init's only user). It crashed when the pass did not declare the dialects
// it creates ops of.
// RUN: torch-onnx-opt --pass-pipeline="builtin.module(func.func(cpu-tile-and-vectorize))" %s | FileCheck %s

// CHECK-LABEL: func.func @shared_init
// CHECK-DAG: %[[E:.+]] = tensor.empty() : tensor<64x64xf32>
// CHECK-DAG: %[[A:.+]] = bufferization.alloc_tensor() : tensor<64x64xf32>
// CHECK: vector.fma
// CHECK: return
func.func @shared_init(%a: tensor<64x64xf32>, %b: tensor<64x64xf32>)
    -> (tensor<64x64xf32>, tensor<64x64xf32>) {
  %e = tensor.empty() : tensor<64x64xf32>
  %x = linalg.matmul ins(%a, %b : tensor<64x64xf32>, tensor<64x64xf32>)
                     outs(%e : tensor<64x64xf32>) -> tensor<64x64xf32>
  %y = linalg.matmul ins(%b, %a : tensor<64x64xf32>, tensor<64x64xf32>)
                     outs(%e : tensor<64x64xf32>) -> tensor<64x64xf32>
  return %x, %y : tensor<64x64xf32>, tensor<64x64xf32>
}
