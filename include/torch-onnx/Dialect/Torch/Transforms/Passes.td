//===- Passes.td - torch dialect passes --------------------*- tablegen -*-===//

#ifndef TORCH_ONNX_TORCH_PASSES
#define TORCH_ONNX_TORCH_PASSES

include "mlir/Pass/PassBase.td"

def TorchValueSemantics : Pass<"torch-value-semantics", "func::FuncOp"> {
  let summary = "Rewrite in-place tensor ops to value semantics (functionalize)";
  let description = [{
    TorchScript tensors are mutable (`!torch.tensor`). This pass rewrites each
    in-place op (`aten.add_.Tensor`, `aten.relu_`, `aten.copy_`, ...) to its
    functional overload (`aten.add.Tensor`, `aten.relu`, ...; a generic
    `torch.operator` of the out-of-place schema where the generated list has
    none, e.g. `aten::zero`) and makes every later read see the new value:

    * a mutated view (`slice`, `select`, `transpose`, `t`, `permute`, `view`,
      `reshape`, `(un)squeeze`, `flatten`, `unflatten`, `detach`, `alias`) is
      written back to its base through each view of the chain
      (`aten::slice_scatter`, `aten::select_scatter`, the inverse transpose or
      permute, `aten::view_as` for shape-only views);
    * later reads of the base, and of views of it taken before the mutation,
      read the new base (the views are taken again);
    * a mutated function input is a new value from there on (the exported
      graph is functional, as torch.onnx's);
    * a piece of `chunk`/`split`/`unbind` whose source is not read again is
      a fresh tensor (the pieces are disjoint).

    When no in-place op remains, every `!torch.tensor` of the function becomes
    `!torch.vtensor`. Where a rewrite would not be the same program (a view
    that cannot be written back such as `expand` or `diagonal`, a mutation of
    a value from an enclosing block), the pass reports an error at the
    in-place op's PyTorch source location saying why.
  }];
  let statistics = [
    Statistic<"numFunctionalized", "functionalized", "In-place ops rewritten as their functional twins">
  ];
  let dependentDialects = ["::mlir::Torch::TorchDialect"];
}

def TorchDropRaisePaths : Pass<"torch-drop-raise-paths", "func::FuncOp"> {
  let summary = "Drop exception paths and branches the types decide";
  let description = [{
    Scripted code checks its inputs and raises (`if x.dim() not in (2, 3):
    raise ValueError(f"...")`) and tests optional arguments (`if hx is
    None:`). An exported inference graph has no exceptions: as torch.onnx
    does, a `prim.If` whose branch raises (`prim.RaiseException`) is replaced
    by its other branch, and the message formatting (`aten::format`, ...)
    goes with the dropped branch. `a is None` / `a is not None` becomes a
    constant where the types decide it (None against a tensor), and a
    `prim.If` on a constant condition is replaced by the branch it takes.
  }];
  let statistics = [
    Statistic<"numBranchesInlined", "branches-inlined", "prim.If replaced by the branch that is taken or does not raise">,
    Statistic<"numDeadScalars", "dead-scalars", "Unused scalar plumbing erased">
  ];
  let dependentDialects = ["::mlir::Torch::TorchDialect"];
}

def TorchRefineTypes : Pass<"torch-refine-types", "func::FuncOp"> {
  let summary = "Infer tensor sizes and dtypes from the function's inputs";
  let description = [{
    Propagates sizes and dtypes from the function arguments (and tensor
    literals) through every op with a transfer function, including the
    regions of `prim.If` (results join both branches) and `prim.Loop`
    (loop-carried values are generalized until they reach a fixpoint).
    A size or dtype that cannot be derived stays unknown (`?` / `unk`);
    the pass never guesses, and never makes a type less precise than the one
    the op already had. PyTorch's type promotion rules decide dtypes
    (categories bool < integer < floating; zero-dim tensors and Python
    scalars only decide the category).
  }];
  let statistics = [
    Statistic<"numRefined", "refined", "Value types made more precise">,
    Statistic<"numRounds", "rounds", "Propagation rounds until the fixpoint">
  ];
  let dependentDialects = ["::mlir::Torch::TorchDialect"];
}

def TorchFunctionalizeLists : Pass<"torch-functionalize-lists", "func::FuncOp"> {
  let summary = "Thread appended lists through loops and branches as values";
  let description = [{
    TorchScript mutates lists in place: `xs.append(y)` inside a loop body
    changes the list created before the loop, and nothing in the IR says the
    loop produces a new list. This pass gives every `aten.append.t` a value
    result that later uses see, and turns each list appended to inside a
    `prim.Loop` (or a `prim.If` branch) into a loop-carried value (an extra
    `prim.If` result), nested to any depth. The result is what ONNX
    sequences need: `SequenceInsert` chains carried through `Loop`.

    A list whose mutation it cannot follow (a list passed in from outside,
    stored in another list, or mutated by an op other than `append`) is left
    alone; the conversion then reports the op.
  }];
  let dependentDialects = ["::mlir::Torch::TorchDialect"];
}

#endif // TORCH_ONNX_TORCH_PASSES
