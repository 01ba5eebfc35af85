//===- Passes.td - conversion passes -----------------------*- tablegen -*-===//

#ifndef TORCH_ONNX_CONVERSION_PASSES
#define TORCH_ONNX_CONVERSION_PASSES

include "mlir/Pass/PassBase.td"

def ConvertTorchToONNX : Pass<"convert-torch-to-onnx", "ModuleOp"> {
  let summary = "Lower the torch dialect to the onnx dialect for one opset";
  let description = [{
    Converts the TorchScript `forward` function (value semantics, types
    refined by `torch-refine-types`) into the ONNX main graph
    (`@main_graph`) for the default-domain opset `opset` (9..17):

    * every aten op is rewritten by the lowering registered for it whose
      opset range contains `opset` (one ONNX op, several, or the opset's
      attribute/input form: Squeeze/Unsqueeze/Split/Reduce* axes, Clip
      bounds, Pad, Slice, Resize/Upsample);
    * `prim.If` becomes ONNX `If`, `prim.Loop` becomes ONNX `Loop` (trip
      count, condition, loop-carried values; captured values stay outer-scope
      references), nested to any depth;
    * `!torch.int`/`float`/`bool` become 0-d tensors (int64/float32/bool),
      int lists 1-D int64 tensors, tensor lists ONNX sequences;
    * tuple results of `forward` become separate graph outputs.

    An op with no lowering at `opset` is an error at its PyTorch source
    location naming the op, the opset and the lowest opset that has a
    lowering (or "no lowering yet"). With `fallthrough`, such ops become
    nodes of the custom domain `org.pytorch.aten` instead (ONNX Runtime will
    not run them).
  }];
  let options = [
    Option<"opset", "opset", "int64_t", "::mlir::ONNX::kDefaultOpset",
           "Target opset of the default ONNX domain (9..17)">,
    Option<"fallthrough", "fallthrough", "bool", "false",
           "Keep ops without a lowering as org.pytorch.aten custom nodes">,
  ];
  let statistics = [
    Statistic<"numLowered", "lowered", "aten and generic torch ops converted by a lowering">,
    Statistic<"numFallthrough", "fallthrough", "Ops kept as custom-domain nodes (ONNX_FALLTHROUGH)">
  ];
  let dependentDialects = ["::mlir::ONNX::ONNXDialect",
                           "::mlir::func::FuncDialect"];
}

def ConvertONNXToLinalg : Pass<"convert-onnx-to-linalg", "ModuleOp"> {
  let summary = "Lower the onnx dialect to linalg, tensor, arith, math and scf";
  let description = [{
    Lowers every function of the module (the ONNX main graph) op by op, in
    program order, so each lowering sees its operands' refined types and can
    compute its result shape even where the ONNX type was unranked or had
    dynamic dims:

    * elementwise math, logic, comparisons and activations become
      `linalg.generic` with ONNX (numpy) broadcasting; dynamic dims must match
      unless statically 1 (checked at run time with `cf.assert`);
    * MatMul/Gemm become `linalg.matmul` (or a broadcast batched contraction),
      Conv `linalg.conv_2d_nchw_fchw` (or a grouped/N-d generic), pooling,
      normalizations, reductions, Softmax family, ArgMax/TopK/CumSum and
      Einsum become `linalg.generic` reductions;
    * shape ops become `tensor` ops (reshape/expand/collapse, extract/insert
      slices, pad) or index-computing generics (Gather, Tile, Pad modes);
    * `Loop` becomes `scf.while` (carried values, scan outputs), `If`
      `scf.if`;
    * ONNX's unsigned integer types become signless (the signedness picks
      the arith ops).

    An op without a lowering, or with attributes the lowering cannot honour,
    is an error at the op naming the op, its opset and the reason; nothing is
    approximated.

    Built on MLIR's dialect conversion: a type converter (ONNX's unsigned
    integer tensors to signless), a target where the onnx dialect is
    illegal, and one typed `OpConversionPattern` per generated op class,
    grouped by family (`populateONNXTo<Family>Patterns`). The driver visits
    ops in program order, so each lowering sees its operands' refined types.
  }];
  let statistics = [
    Statistic<"numOps", "onnx-ops", "onnx ops converted">
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::tensor::TensorDialect", "::mlir::math::MathDialect",
    "::mlir::scf::SCFDialect", "::mlir::cf::ControlFlowDialect",
    "::mlir::bufferization::BufferizationDialect"
  ];
}

#endif // TORCH_ONNX_CONVERSION_PASSES
