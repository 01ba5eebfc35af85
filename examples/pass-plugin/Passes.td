//===- Passes.td - the example plugin's passes -------------*- tablegen -*-===//

#ifndef ONNX_SUMMARY_PLUGIN_PASSES
#define ONNX_SUMMARY_PLUGIN_PASSES

include "mlir/Pass/PassBase.td"

def ONNXOpSummary : Pass<"onnx-op-summary", "::mlir::func::FuncOp"> {
  let summary = "Print how many nodes of each ONNX operator a function has";
  let description = [{
    An out-of-tree pass, built against an installed torch-onnx and loaded
    with `torch-onnx-opt --load-pass-plugin`. For each function it prints one
    line per ONNX operator type with its node count and the opset range of
    the signatures used, read from each op's `ONNXOpInterface`; with
    `annotate`, it also tags every node with `example.opset_range`.
  }];
  let options = [
    Option<"annotate", "annotate", "bool", "false",
           "Tag each node with its signature's opset range">,
  ];
  let statistics = [
    Statistic<"numNodes", "nodes", "ONNX nodes seen">,
  ];
}

#endif // ONNX_SUMMARY_PLUGIN_PASSES
