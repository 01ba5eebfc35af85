// Export errors are located and leave no output file.
// RUN: rm -f %t.onnx
// RUN: not torch-onnx-translate --export-onnx %s -split-input-file -o %t.onnx 2>&1 | FileCheck %s
// RUN: not test -e %t.onnx

// CHECK: error: 'func.call' has no ONNX equivalent; lower it to the onnx dialect before exporting
module {
  func.func @main_graph(%x: tensor<2xf32>) -> tensor<2xf32> {
    %y = func.call @main_graph(%x) : (tensor<2xf32>) -> tensor<2xf32>
    return %y : tensor<2xf32>
  }
}

// -----

// CHECK: error: the exported model fails ONNX's checker: No Op registered for NotAnOp with domain_version of 17
module {
  func.func @main_graph(%x: tensor<2xf32>) -> tensor<2xf32> {
    %y = onnx.Custom "" "NotAnOp"(%x) : (tensor<2xf32>) -> tensor<2xf32>
    return %y : tensor<2xf32>
  }
}

// -----

// CHECK: error: graph output 'v' has no known type (!onnx.any); ONNX requires the main graph's inputs and outputs to be typed
module {
  func.func @main_graph(%x: tensor<2xf32>) -> !onnx.any {
    %y = onnx.Custom "com.x" "Op"(%x) : (tensor<2xf32>) -> !onnx.any
    return %y : !onnx.any
  }
}

// -----

// CHECK: error: the module has more than one graph function ('a' and 'b'); ONNX models have one main graph
module {
  func.func @a() { return }
  func.func @b() { return }
}

// -----

// CHECK: error: the module has no graph function (func.func) to export
module {
}
