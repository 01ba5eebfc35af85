// RUN: torch-onnx-opt --cuda-managed-buffers --split-input-file %s | FileCheck %s

// Buffers go to managed memory; the public function copies its input in and
// its result out to host memory, and frees the device buffers.
// CHECK: module attributes {torch_onnx.cuda_constants = [@__constant_4xf32]}
// CHECK-LABEL: func.func @main_graph(
// CHECK-SAME: %[[ARG:.*]]: memref<?x4xf32>) -> memref<?x4xf32>
// CHECK: %[[N:.*]] = memref.dim %[[ARG]], %c0
// CHECK: %[[IN:.*]] = gpu.alloc host_shared (%[[N]]) : memref<?x4xf32>
// CHECK: memref.copy %[[ARG]], %[[IN]]
// CHECK: %[[W:.*]] = memref.get_global @__constant_4xf32
// CHECK: %[[OUT:.*]] = gpu.alloc host_shared ({{.*}}) : memref<?x4xf32>
// CHECK: linalg.generic {{.*}} ins(%[[IN]], %[[W]] : {{.*}}) outs(%[[OUT]] :
// CHECK: %[[TMP:.*]] = gpu.alloc host_shared () : memref<4xf32>
// CHECK: linalg.copy ins(%[[W]] : memref<4xf32>) outs(%[[TMP]] : memref<4xf32>)
// CHECK: %[[T0:.*]] = gpu.wait async
// CHECK: %[[T1:.*]] = gpu.dealloc async [%[[T0]]] %[[TMP]]
// CHECK: gpu.wait [%[[T1]]]
// CHECK: %[[HOST:.*]] = memref.alloc({{.*}}) : memref<?x4xf32>
// CHECK: memref.copy %[[OUT]], %[[HOST]]
// CHECK: %[[BASE:[^,]*]], {{.*}} = memref.extract_strided_metadata %[[OUT]]
// CHECK: gpu.dealloc async [%{{.*}}] %[[BASE]]
// CHECK: gpu.dealloc async [%{{.*}}] %[[IN]]
// CHECK: return %[[HOST]]
memref.global "private" constant @__constant_4xf32 : memref<4xf32> = dense<[1.0, 2.0, 3.0, 4.0]>
#map = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d1)>
func.func @main_graph(%arg0: memref<?x4xf32>) -> memref<?x4xf32> {
  %c0 = arith.constant 0 : index
  %n = memref.dim %arg0, %c0 : memref<?x4xf32>
  %w = memref.get_global @__constant_4xf32 : memref<4xf32>
  %out = memref.alloc(%n) : memref<?x4xf32>
  linalg.generic {indexing_maps = [#map, #row, #map], iterator_types = ["parallel", "parallel"]}
      ins(%arg0, %w : memref<?x4xf32>, memref<4xf32>) outs(%out : memref<?x4xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %s = arith.addf %x, %y : f32
    linalg.yield %s : f32
  }
  %tmp = memref.alloc() : memref<4xf32>
  memref.copy %w, %tmp : memref<4xf32> to memref<4xf32>
  memref.dealloc %tmp : memref<4xf32>
  return %out : memref<?x4xf32>
}

// -----

// Private functions keep their signature: only public entries are called
// with host memory.
// CHECK-LABEL: func.func private @helper(
// CHECK-NOT: memref.copy
// CHECK: return
func.func private @helper(%arg0: memref<4xf32>) -> memref<4xf32> {
  return %arg0 : memref<4xf32>
}
