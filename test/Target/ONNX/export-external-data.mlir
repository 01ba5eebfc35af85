// Tensors of 1 KiB or more go to one external data file on request; importing
// that model reads them back.
// RUN: rm -rf %t && mkdir -p %t
// RUN: torch-onnx-translate --export-onnx %s -o %t/inline.onnx
// RUN: torch-onnx-translate --export-onnx %s -o %t/model.onnx --external-data
// RUN: test -f %t/model.onnx.data
// RUN: torch-onnx-translate --export-onnx %s -o %t/named.onnx --external-data=weights.bin
// RUN: test -f %t/weights.bin
// RUN: %pyonnx -c "import onnx; m = onnx.load('%t/model.onnx', load_external_data=False); print([(t.name, t.data_location, {e.key: e.value for e in t.external_data}) for t in m.graph.initializer])" | FileCheck %s
// RUN: torch-onnx-translate --test-onnx-roundtrip %t/model.onnx -o %t/back.onnx
// RUN: onnx-structural-diff %t/inline.onnx %t/back.onnx
// RUN: torch-onnx-translate --import-onnx %t/model.onnx | FileCheck %s --check-prefix=IMPORT

// CHECK: [('big', 1, {'location': 'model.onnx.data', 'offset': '0', 'length': '2048'}), ('small', 0, {})]
// IMPORT: onnx.Initializer "big" = dense_resource<big> : tensor<512xf32>
// IMPORT: onnx.Initializer "small" = dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>

module attributes {onnx.ir_version = 8 : i64, onnx.opset_import = [["", 17]]} {
  func.func @main_graph(%x: tensor<512xf32> {onnx.name = "x"}) -> (tensor<512xf32> {onnx.name = "y"}) {
    %big = onnx.Initializer "big" = dense<0.5> : tensor<512xf32>
    %small = onnx.Initializer "small" = dense<[1.0, 2.0]> : tensor<2xf32>
    %a = "onnx.Add"(%x, %big) : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %y = "onnx.Mul"(%a, %small) {onnx.names = ["y"]} : (tensor<512xf32>, tensor<2xf32>) -> tensor<512xf32>
    return %y : tensor<512xf32>
  }
}
