//===- Passes.td - onnx dialect passes ---------------------*- tablegen -*-===//

#ifndef TORCH_ONNX_ONNX_PASSES
#define TORCH_ONNX_ONNX_PASSES

include "mlir/Pass/PassBase.td"

def ONNXFoldConstants : Pass<"onnx-fold-constants", "func::FuncOp"> {
  let summary = "Evaluate ONNX nodes whose inputs are constants";
  let description = [{
    Runs the ops' folders with initializers (and `onnx.Constant` values) as
    constant operands and replaces each node that folds to a value with a
    new initializer holding it: shape-computation chains (Shape -> Gather ->
    Unsqueeze -> Concat -> Reshape), casts, arithmetic on constants,
    transposes and reshapes of weights. The folders (one `fold()` per op,
    `lib/Dialect/ONNX/IR/ONNXFold.cpp`) compute in double precision and round
    once to the result type, which gives the same bits as ONNX Runtime's
    float32 kernels for + - * / and sqrt; canonicalize uses the same folders
    on `onnx.Constant` inputs. Results with more than `size-limit` elements
    (at most the folders' own cap of 4194304) are not materialized. Unused
    nodes and initializers are removed afterwards by canonicalize.
  }];
  let options = [
    Option<"sizeLimit", "size-limit", "int64_t", "4194304",
           "Largest result (in elements) to materialize">,
  ];
  let statistics = [
    Statistic<"numFolded", "folded", "Nodes replaced by a computed initializer">,
    Statistic<"numOverLimit", "over-limit", "Constant nodes left because their result passes size-limit">
  ];
  let dependentDialects = ["::mlir::ONNX::ONNXDialect"];
}

#endif // TORCH_ONNX_ONNX_PASSES
