//===- Passes.td - torch dialect passes --------------------*- tablegen -*-===//

#ifndef TORCH_ONNX_TORCH_PASSES
#define TORCH_ONNX_TORCH_PASSES

include "mlir/Pass/PassBase.td"

def TorchValueSemantics : Pass<"torch-value-semantics", "func::FuncOp"> {
  let summary = "Rewrite in-place tensor ops to value semantics where safe";
  let description = [{
    TorchScript tensors are mutable (`!torch.tensor`). This pass rewrites each
    in-place op (`aten.add_.Tensor`, `aten.relu_`, `aten.copy_`, ...) to its
    functional overload (`aten.add.Tensor`, `aten.relu`, ...) and redirects
    the later uses of the mutated tensor to the new value, when that is
    provably the same program:

    * the mutated tensor is produced in this function by an op with value
      semantics (not a function argument, whose mutation the caller would see,
      and not a view that aliases another tensor);
    * every later use of it is in the same block (not inside a region of a
      later `prim.If`/`prim.Loop`).

    When no in-place op remains, every `!torch.tensor` of the function becomes
    `!torch.vtensor`. Where it cannot prove a rewrite safe, the pass reports an
    error at the in-place op's PyTorch source location saying why.
  }];
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
