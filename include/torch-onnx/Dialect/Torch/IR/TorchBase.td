//===- TorchBase.td - torch dialect definition -------------*- tablegen -*-===//
//
// The `torch` dialect mirrors TorchScript's IR: its types, `prim` ops, and
// `aten` ops generated from PyTorch's operator registry.
//
//===----------------------------------------------------------------------===//

#ifndef TORCH_ONNX_TORCH_BASE
#define TORCH_ONNX_TORCH_BASE

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"

def Torch_Dialect : Dialect {
  let name = "torch";
  let cppNamespace = "::mlir::Torch";
  let summary = "TorchScript IR: types, prim ops and generated aten ops";
  let description = [{
    The `torch` dialect is the entry point for PyTorch models. It mirrors a
    TorchScript graph after freezing and inlining: scalars (`!torch.int`,
    `!torch.float`, `!torch.bool`), containers (`!torch.list<T>`,
    `!torch.tuple<...>`, `!torch.optional<T>`), tensors whose sizes and dtype
    may be unknown (`!torch.tensor<[?,3],f32>` is mutable as in TorchScript,
    `!torch.vtensor<[?,3],f32>` has value semantics), `prim` control flow as
    regions, and one op per aten overload.
  }];
  let useDefaultTypePrinterParser = 1;
  let hasConstantMaterializer = 1;
  let extraClassDeclaration = [{
    void registerTypes();
  }];
}

class Torch_Op<string mnemonic, list<Trait> traits = []>
    : Op<Torch_Dialect, mnemonic, traits>;

/// An op writes (mutates) its first operand, as `Tensor(a!) self` in its schema.
def Torch_InPlace : NativeOpTrait<"InPlace"> {
  let cppNamespace = "::mlir::Torch::OpTrait";
}
/// An op neither mutates nor aliases any operand.
def Torch_ValueSemantics : NativeOpTrait<"ValueSemantics"> {
  let cppNamespace = "::mlir::Torch::OpTrait";
}

/// An aten op generated from its schema (kept verbatim in `schema`).
class Torch_AtenOp<string mnemonic, list<Trait> traits = []>
    : Torch_Op<mnemonic, traits> {
  string schema = "";
  /// `schema` escaped for a C++ string literal.
  string cppSchema = "";
  let description = "PyTorch operator schema: `" # schema # "`.";
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
  let extraClassDeclaration = [{
    /// The PyTorch schema this op was generated from.
    static ::llvm::StringRef getSchema() { return "}] # cppSchema # [{"; }
  }];
}

#endif // TORCH_ONNX_TORCH_BASE
