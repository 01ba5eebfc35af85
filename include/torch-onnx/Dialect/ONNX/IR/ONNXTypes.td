//===- ONNXTypes.td - ONNX dialect types and attributes ----*- tablegen -*-===//

#ifndef TORCH_ONNX_ONNX_TYPES
#define TORCH_ONNX_ONNX_TYPES

include "torch-onnx/Dialect/ONNX/IR/ONNXBase.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"

class ONNX_Type<string name, string typeMnemonic, list<Trait> traits = []>
    : TypeDef<ONNX_Dialect, name, traits> {
  let mnemonic = typeMnemonic;
}

def ONNX_StringType : ONNX_Type<"String", "string"> {
  let summary = "ONNX string element type";
  let description = [{ The element type of ONNX `tensor(string)`. }];
}

def ONNX_SeqType : ONNX_Type<"Seq", "seq"> {
  let summary = "ONNX sequence type (SequenceProto)";
  let description = [{ `!onnx.seq<tensor<?xf32>>`: an ONNX `seq(T)`. }];
  let parameters = (ins "::mlir::Type":$elementType);
  let assemblyFormat = "`<` $elementType `>`";
}

def ONNX_OptType : ONNX_Type<"Opt", "opt"> {
  let summary = "ONNX optional type (OptionalProto)";
  let description = [{ `!onnx.opt<tensor<f32>>`: an ONNX `optional(T)`. }];
  let parameters = (ins "::mlir::Type":$elementType);
  let assemblyFormat = "`<` $elementType `>`";
}

def ONNX_MapType : ONNX_Type<"Map", "map"> {
  let summary = "ONNX map type (ai.onnx.ml)";
  let description = [{ `!onnx.map<i64, f32>`: an ONNX `map(K, V)`. }];
  let parameters = (ins "::mlir::Type":$keyType, "::mlir::Type":$valueType);
  let assemblyFormat = "`<` $keyType `,` $valueType `>`";
}

def ONNX_AnyType : ONNX_Type<"Any", "any"> {
  let summary = "A value whose ONNX type is not known";
  let description = [{
    The type of a value that the model does not declare and that ONNX shape
    inference cannot determine (e.g. the output of a custom-domain op). Every
    type constraint accepts it; passes refine it.
  }];
}

/// Tensor of one of the given element types (or of unknown rank).
class ONNX_TensorOf<list<Type> elts> : TensorOf<elts>;

class ONNX_SeqOf<list<Type> elts>
    : Type<And<[CPred<"::llvm::isa<::mlir::ONNX::SeqType>($_self)">,
                SubstLeaves<"$_self",
                  "::llvm::cast<::mlir::ONNX::SeqType>($_self).getElementType()",
                  TensorOf<elts>.predicate>]>,
           "sequence of " # TensorOf<elts>.summary>;

class ONNX_OptOf<Type inner>
    : Type<And<[CPred<"::llvm::isa<::mlir::ONNX::OptType>($_self)">,
                SubstLeaves<"$_self",
                  "::llvm::cast<::mlir::ONNX::OptType>($_self).getElementType()",
                  inner.predicate>]>,
           "optional of " # inner.summary>;

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

class ONNX_Attr<string name, string attrMnemonic, list<Trait> traits = []>
    : AttrDef<ONNX_Dialect, name, traits> {
  let mnemonic = attrMnemonic;
}

def ONNX_SparseTensorAttr : ONNX_Attr<"SparseTensor", "sparse"> {
  let summary = "An ONNX SparseTensorProto";
  let description = [{
    `#onnx.sparse<dims = [4, 4], values = dense<...>, indices = dense<...>>`:
    the non-zero `values`, their `indices` (flat [NNZ] or [NNZ, rank]) and the
    dense shape `dims`.
  }];
  let parameters = (ins ArrayRefParameter<"int64_t">:$dims,
                        "::mlir::ElementsAttr":$values,
                        "::mlir::ElementsAttr":$indices);
  let assemblyFormat = "`<` struct(params) `>`";
}

def ONNX_AttrRefAttr : ONNX_Attr<"AttrRef", "ref"> {
  let summary = "A reference to an attribute of the enclosing ONNX function";
  let description = [{
    `#onnx.ref<"alpha", f32>`: an `AttributeProto.ref_attr_name` inside a
    model-local function body; `kind` is the ONNX attribute type number.
  }];
  let parameters = (ins StringRefParameter<>:$name, "int64_t":$kind);
  let assemblyFormat = "`<` $name `,` $kind `>`";
}

#endif // TORCH_ONNX_ONNX_TYPES
