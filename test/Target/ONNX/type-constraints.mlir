// A node input whose type its operator does not take at the model's opset
// is refused on export (ONNX's checker does not look; ONNX Runtime would
// refuse to load the model): Max takes integers from opset 12 only. Nothing
// is written.
// RUN: rm -f %t.onnx
// RUN: split-file %s %t
// RUN: not torch-onnx-translate --export-onnx %t/opset11.mlir -o %t.onnx 2>&1 | FileCheck %s
// RUN: not test -e %t.onnx
// CHECK: error: the exported model breaks ONNX's type constraints: the node computing 'm' (Max-8, opset 11) input 0 ('a') is tensor(int64), which Max does not take at this opset (it takes tensor(double), tensor(float), tensor(float16))
// RUN: torch-onnx-translate --export-onnx %t/opset12.mlir -o %t.12.onnx
// RUN: torch-onnx-translate --import-onnx %t.12.onnx | FileCheck %s --check-prefix=OK
// OK: onnx.Max(%{{.*}}, %{{.*}}) {{.*}} : tensor<3xi64>

//--- opset11.mlir
module attributes {onnx.ir_version = 6 : i64, onnx.opset_import = [["", 11]]} {
  func.func @main_graph(%a: tensor<3xi64> {onnx.name = "a"}, %b: tensor<3xi64> {onnx.name = "b"}) -> (tensor<3xi64> {onnx.name = "m"}) {
    %m = "onnx.Max"(%a, %b) {onnx.names = ["m"]} : (tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64>
    return %m : tensor<3xi64>
  }
}

//--- opset12.mlir
module attributes {onnx.ir_version = 7 : i64, onnx.opset_import = [["", 12]]} {
  func.func @main_graph(%a: tensor<3xi64> {onnx.name = "a"}, %b: tensor<3xi64> {onnx.name = "b"}) -> (tensor<3xi64> {onnx.name = "m"}) {
    %m = "onnx.Max"(%a, %b) {onnx.names = ["m"]} : (tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64>
    return %m : tensor<3xi64>
  }
}
