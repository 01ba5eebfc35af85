//===- TorchTypes.td - torch dialect types -----------------*- tablegen -*-===//

#ifndef TORCH_ONNX_TORCH_TYPES
#define TORCH_ONNX_TORCH_TYPES

include "torch-onnx/Dialect/Torch/IR/TorchBase.td"

class Torch_Type<string name, string typeMnemonic, list<Trait> traits = []>
    : TypeDef<Torch_Dialect, name, traits> {
  let mnemonic = typeMnemonic;
}

def Torch_IntType : Torch_Type<"Int", "int"> {
  let summary = "TorchScript int (64-bit)";
}
def Torch_FloatType : Torch_Type<"Float", "float"> {
  let summary = "TorchScript float (64-bit)";
}
def Torch_BoolType : Torch_Type<"Bool", "bool"> {
  let summary = "TorchScript bool";
}
def Torch_StringType : Torch_Type<"String", "str"> {
  let summary = "TorchScript str";
}
def Torch_NoneType : Torch_Type<"None", "none"> {
  let summary = "TorchScript NoneType";
}
def Torch_DeviceType : Torch_Type<"Device", "Device"> {
  let summary = "TorchScript Device";
}
def Torch_GeneratorType : Torch_Type<"Generator", "Generator"> {
  let summary = "TorchScript Generator";
}
def Torch_NumberType : Torch_Type<"Number", "number"> {
  let summary = "TorchScript Scalar (int, float or bool, unknown which)";
}
def Torch_AnyType : Torch_Type<"Any", "any"> {
  let summary = "TorchScript Any";
}

def Torch_ListType : Torch_Type<"List", "list"> {
  let summary = "TorchScript List[T]";
  let parameters = (ins "::mlir::Type":$containedType);
  let assemblyFormat = "`<` custom<TorchType>($containedType) `>`";
}
def Torch_OptionalType : Torch_Type<"Optional", "optional"> {
  let summary = "TorchScript Optional[T]";
  let parameters = (ins "::mlir::Type":$containedType);
  let assemblyFormat = "`<` custom<TorchType>($containedType) `>`";
}
def Torch_TupleType : Torch_Type<"Tuple", "tuple"> {
  let summary = "TorchScript Tuple[T1, ...]";
  let parameters = (ins ArrayRefParameter<"::mlir::Type">:$containedTypes);
  let assemblyFormat = "`<` custom<TorchTypeList>($containedTypes) `>`";
}
def Torch_DictType : Torch_Type<"Dict", "dict"> {
  let summary = "TorchScript Dict[K, V]";
  let parameters = (ins "::mlir::Type":$keyType, "::mlir::Type":$valueType);
  let assemblyFormat =
      "`<` custom<TorchType>($keyType) `,` custom<TorchType>($valueType) `>`";
}

/// Shared shape of both tensor types: `!torch.vtensor`, `!torch.vtensor<[?,3],f32>`,
/// `!torch.vtensor<*,f32>` (dtype known, rank unknown), `!torch.vtensor<[2],unk>`.
class Torch_TensorTypeBase<string name, string typeMnemonic>
    : Torch_Type<name, typeMnemonic> {
  let parameters = (ins "bool":$hasSizes,
                        ArrayRefParameter<"int64_t">:$sizes,
                        "::mlir::Type":$dtype);
  let hasCustomAssemblyFormat = 1;
  let builders = [
    TypeBuilder<(ins), [{
      return $_get($_ctxt, false, ::llvm::ArrayRef<int64_t>{}, ::mlir::Type());
    }]>,
    TypeBuilder<(ins "std::optional<::llvm::ArrayRef<int64_t>>":$optSizes,
                     "::mlir::Type":$optDtype), [{
      return $_get($_ctxt, optSizes.has_value(),
                   optSizes ? *optSizes : ::llvm::ArrayRef<int64_t>{}, optDtype);
    }]>
  ];
  let extraClassDeclaration = [{
    static constexpr int64_t kUnknownSize = -1;
    /// Sizes if the rank is known.
    std::optional<::llvm::ArrayRef<int64_t>> getOptionalSizes() const {
      if (!getHasSizes())
        return std::nullopt;
      return getSizes();
    }
    bool hasDtype() const { return static_cast<bool>(getDtype()); }
  }];
}

def Torch_NonValueTensorType : Torch_TensorTypeBase<"NonValueTensor", "tensor"> {
  let summary = "A TorchScript tensor (mutable, may alias)";
}
def Torch_ValueTensorType : Torch_TensorTypeBase<"ValueTensor", "vtensor"> {
  let summary = "A tensor with value semantics";
}

def Torch_AnyTensor : AnyTypeOf<[Torch_ValueTensorType, Torch_NonValueTensorType],
                                "any torch tensor">;
def Torch_ScalarType : AnyTypeOf<[Torch_IntType, Torch_FloatType, Torch_BoolType,
                                  Torch_NumberType], "a torch Scalar">;
class Torch_OptionalOf<Type t>
    : AnyTypeOf<[t, Torch_NoneType, Torch_OptionalType], "optional " # t.summary>;

#endif // TORCH_ONNX_TORCH_TYPES
