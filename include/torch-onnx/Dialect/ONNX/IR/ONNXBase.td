//===- ONNXBase.td - ONNX dialect definition ---------------*- tablegen -*-===//
//
// The `onnx` dialect: one op per ONNX operator signature, generated from ONNX's
// schema registry, plus the hand-written ops that model graphs.
//
//===----------------------------------------------------------------------===//

#ifndef TORCH_ONNX_ONNX_BASE
#define TORCH_ONNX_ONNX_BASE

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/BuiltinTypes.td"
include "mlir/IR/OpAsmInterface.td"
include "torch-onnx/Dialect/ONNX/IR/ONNXInterfaces.td"

def ONNX_Dialect : Dialect {
  let name = "onnx";
  let cppNamespace = "::mlir::ONNX";
  let summary = "The ONNX operator set (ai.onnx, opsets 1-17) and ONNX graphs";
  let description = [{
    The `onnx` dialect mirrors an ONNX `ModelProto`. Every operator of the default
    `ai.onnx` domain is an op generated from ONNX's own schema registry; operators
    of other domains and anything unknown are carried by `onnx.Custom`. A model's
    main graph is a `func.func`; subgraphs (`Loop`/`If`/`Scan` bodies) are regions
    terminated by `onnx.Yield` and refer to outer-scope values directly.

    Tensors use builtin tensor types. ONNX element types map to MLIR as:
    float/double/float16/bfloat16 -> f32/f64/f16/bf16, int8..int64 -> i8..i64
    (signless), uint8..uint64 -> ui8..ui64, bool -> i1, complex64/128 ->
    complex<f32>/complex<f64>, string -> `!onnx.string`.
  }];
  let hasConstantMaterializer = 1;
  let useDefaultTypePrinterParser = 1;
  let useDefaultAttributePrinterParser = 1;
  let extraClassDeclaration = [{
    void registerTypes();
    void registerAttributes();
  }];
}

class ONNX_Op<string mnemonic, list<Trait> traits = []>
    : Op<ONNX_Dialect, mnemonic, traits>;

/// An op generated from the schema of ONNX operator `opType`: `since` is the
/// opset version that introduced this signature, `latest` the newest version
/// (<= 17) sharing it; `inputKinds`/`outputKinds` hold one letter per formal
/// parameter: S(ingle), O(ptional), V(ariadic).
class ONNX_GeneratedOp<string mnemonic, string opType, int since, int latest,
                       string inputKinds, string outputKinds,
                       list<Trait> traits = []>
    : ONNX_Op<mnemonic, traits # [ONNX_OpInterface,
        DeclareOpInterfaceMethods<OpAsmOpInterface, ["getAsmResultNames"]>]> {
  string onnxOpType = opType;
  int sinceVersion = since;
  int latestVersion = latest;
  let extraClassDeclaration = [{
    /// The ONNX operator type (NodeProto.op_type).
    static constexpr ::llvm::StringLiteral kONNXOpType = "}] # opType # [{";
    /// One letter per formal input/output: S(ingle), O(ptional), V(ariadic).
    static constexpr ::llvm::StringLiteral kInputKinds = "}] # inputKinds # [{";
    static constexpr ::llvm::StringLiteral kOutputKinds = "}] # outputKinds # [{";
    /// The opset version that introduced this operator signature.
    static constexpr int64_t kSinceVersion = }] # since # [{;
    /// The newest opset version (<= 17) with this signature.
    static constexpr int64_t kLatestVersion = }] # latest # [{;
  }];
  // Node-like assembly: `onnx.Clip(%x, none, %max) {...} : (...) -> ...`
  // (ONNXOps.cpp).
  let hasCustomAssemblyFormat = 1;
  // Imported ops print their results with the ONNX value names.
  let extraClassDefinition = [{
    void $cppClass::getAsmResultNames(::mlir::OpAsmSetValueNameFn setNameFn) {
      ::mlir::ONNX::detail::setONNXResultNames(getOperation(), setNameFn);
    }
    ::mlir::ParseResult $cppClass::parse(::mlir::OpAsmParser &parser,
                                         ::mlir::OperationState &result) {
      return ::mlir::ONNX::detail::parseONNXOp(parser, result);
    }
    void $cppClass::print(::mlir::OpAsmPrinter &p) {
      ::mlir::ONNX::detail::printONNXOp(p, getOperation());
    }
  }];
}

#endif // TORCH_ONNX_ONNX_BASE
