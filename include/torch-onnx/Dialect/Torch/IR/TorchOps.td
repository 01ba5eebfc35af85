//===- TorchOps.td - torch dialect ops ---------------------*- tablegen -*-===//

#ifndef TORCH_ONNX_TORCH_OPS
#define TORCH_ONNX_TORCH_OPS

include "torch-onnx/Dialect/Torch/IR/TorchBase.td"
include "torch-onnx/Dialect/Torch/IR/TorchTypes.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"

//===----------------------------------------------------------------------===//
// Constants (prim::Constant)
//===----------------------------------------------------------------------===//

class Torch_ConstantOp<string mnemonic, Type resultType, Attr valueAttr>
    : Torch_Op<"constant." # mnemonic, [ConstantLike, Pure]> {
  let summary = "prim::Constant of type " # resultType.summary;
  let description = [{ A TorchScript constant (`prim::Constant`). }];
  let arguments = (ins valueAttr:$value);
  let results = (outs resultType:$result);
  let assemblyFormat = "$value attr-dict";
  let hasFolder = 1;
}

def Torch_ConstantIntOp : Torch_ConstantOp<"int", Torch_IntType, I64Attr>;
def Torch_ConstantFloatOp : Torch_ConstantOp<"float", Torch_FloatType, F64Attr>;
def Torch_ConstantBoolOp : Torch_ConstantOp<"bool", Torch_BoolType, BoolAttr>;
def Torch_ConstantStrOp : Torch_ConstantOp<"str", Torch_StringType, StrAttr>;
def Torch_ConstantDeviceOp : Torch_ConstantOp<"device", Torch_DeviceType, StrAttr>;

def Torch_ConstantNoneOp : Torch_Op<"constant.none", [ConstantLike, Pure]> {
  let summary = "prim::Constant of type NoneType";
  let results = (outs Torch_NoneType:$result);
  let assemblyFormat = "attr-dict";
  let hasFolder = 1;
}

def Torch_TensorLiteralOp : Torch_Op<"tensor.literal", [Pure]> {
  let summary = "A tensor constant (a frozen parameter, buffer or literal)";
  let description = [{
    The data is an `ElementsAttr`; the importer uses a `dense_resource` blob
    that references the loaded tensor's storage.

    ```mlir
    %w = torch.tensor.literal(dense<1.0> : tensor<3xf32>) : !torch.tensor<[3],f32>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs Torch_AnyTensor:$result);
  let assemblyFormat = "`(` $value `)` attr-dict `:` type($result)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// prim ops
//===----------------------------------------------------------------------===//

def Torch_PrimListConstructOp : Torch_Op<"prim.ListConstruct", [Pure]> {
  let summary = "prim::ListConstruct";
  let arguments = (ins Variadic<AnyType>:$elements);
  let results = (outs Torch_ListType:$result);
  let assemblyFormat = "$elements attr-dict `:` functional-type($elements, $result)";
  let hasVerifier = 1;
}

def Torch_PrimListUnpackOp : Torch_Op<"prim.ListUnpack", [Pure]> {
  let summary = "prim::ListUnpack";
  let arguments = (ins Torch_ListType:$list);
  let results = (outs Variadic<AnyType>:$results);
  let assemblyFormat = "$list attr-dict `:` type($list) `->` type($results)";
  let hasCanonicalizer = 1;
}

def Torch_PrimTupleConstructOp : Torch_Op<"prim.TupleConstruct", [Pure]> {
  let summary = "prim::TupleConstruct";
  let arguments = (ins Variadic<AnyType>:$elements);
  let results = (outs Torch_TupleType:$result);
  let assemblyFormat = "$elements attr-dict `:` functional-type($elements, $result)";
  let hasVerifier = 1;
}

def Torch_PrimTupleUnpackOp : Torch_Op<"prim.TupleUnpack", [Pure]> {
  let summary = "prim::TupleUnpack";
  let arguments = (ins Torch_TupleType:$tuple);
  let results = (outs Variadic<AnyType>:$results);
  let assemblyFormat = "$tuple attr-dict `:` type($tuple) `->` type($results)";
  let hasCanonicalizer = 1;
}

def Torch_PrimTupleIndexOp : Torch_Op<"prim.TupleIndex", [Pure]> {
  let summary = "prim::TupleIndex";
  let arguments = (ins Torch_TupleType:$tuple, Torch_IntType:$index);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$tuple `,` $index attr-dict `:` type($tuple) `,` type($index) `->` type($result)";
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Torch_PrimNumToTensorOp : Torch_Op<"prim.NumToTensor.Scalar", [Pure]> {
  let summary = "prim::NumToTensor.Scalar";
  let arguments = (ins Torch_ScalarType:$a);
  let results = (outs Torch_AnyTensor:$result);
  let assemblyFormat = "$a attr-dict `:` type($a) `->` type($result)";
}

def Torch_PrimUninitializedOp : Torch_Op<"prim.Uninitialized", [Pure]> {
  let summary = "prim::Uninitialized (a value on a path that raises)";
  let results = (outs AnyType:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
}

def Torch_PrimRaiseExceptionOp : Torch_Op<"prim.RaiseException"> {
  let summary = "prim::RaiseException";
  let arguments = (ins Torch_StringType:$msg, Torch_OptionalOf<Torch_StringType>:$cls);
  let assemblyFormat = "$msg `,` $cls attr-dict `:` type($msg) `,` type($cls)";
}

def Torch_PrimIfYieldOp : Torch_Op<"prim.If.yield", [Pure, Terminator, ReturnLike,
    HasParent<"PrimIfOp">]> {
  let summary = "Terminator of a prim.If branch (the block's outputs)";
  let arguments = (ins Variadic<AnyType>:$results);
  let assemblyFormat = "attr-dict ($results^ `:` type($results))?";
}

def Torch_PrimIfOp : Torch_Op<"prim.If", [RecursiveMemoryEffects]> {
  let summary = "prim::If: a data-dependent branch";
  let description = [{
    ```mlir
    %r = torch.prim.If %c -> (!torch.int) {
      torch.prim.If.yield %a : !torch.int
    } else {
      torch.prim.If.yield %b : !torch.int
    }
    ```
  }];
  let arguments = (ins Torch_BoolType:$condition);
  let results = (outs Variadic<AnyType>:$results);
  let regions = (region SizedRegion<1>:$thenRegion, SizedRegion<1>:$elseRegion);
  let assemblyFormat = [{
    $condition (`->` `(` type($results)^ `)`)? $thenRegion `else` $elseRegion attr-dict
  }];
  let hasVerifier = 1;
}

def Torch_PrimLoopConditionOp : Torch_Op<"prim.Loop.condition", [Pure, Terminator,
    HasParent<"PrimLoopOp">]> {
  let summary = "Terminator of a prim.Loop body: continue condition and carried values";
  let arguments = (ins Torch_BoolType:$shouldContinue, Variadic<AnyType>:$iterArgs);
  let assemblyFormat = [{
    $shouldContinue `,` `iter` `(` ($iterArgs^ `:` type($iterArgs))? `)` attr-dict
  }];
}

def Torch_PrimLoopOp : Torch_Op<"prim.Loop", [RecursiveMemoryEffects]> {
  let summary = "prim::Loop: for and while loops of scripted code";
  let description = [{
    As in TorchScript: runs while `iteration < maxTripCount` and the condition
    holds; the body block takes the iteration number and the carried values and
    ends in `torch.prim.Loop.condition` with the next condition and values.

    ```mlir
    %r = torch.prim.Loop %n, %true, init(%x) {
    ^bb0(%i: !torch.int, %acc: !torch.int):
      %s = torch.aten.add.int %acc, %i : (!torch.int, !torch.int) -> !torch.int
      torch.prim.Loop.condition %true, iter(%s : !torch.int)
    } : (!torch.int, !torch.bool, !torch.int) -> !torch.int
    ```
  }];
  let arguments = (ins Torch_IntType:$maxTripCount, Torch_BoolType:$initialCondition,
                       Variadic<AnyType>:$iterArgsInit);
  let results = (outs Variadic<AnyType>:$results);
  let regions = (region SizedRegion<1>:$region);
  let assemblyFormat = [{
    $maxTripCount `,` $initialCondition `,` `init` `(` $iterArgsInit `)` $region
    attr-dict `:` functional-type(operands, $results)
  }];
  let hasVerifier = 1;
}

def Torch_OperatorOp : Torch_Op<"operator"> {
  let summary = "Any TorchScript operator the generated op list lacks";
  let description = [{
    Carries a node by its schema name (`aten::foo.overload`, `prim::Bar`) so
    import never fails; conversion reports it if it has no lowering.

    ```mlir
    %0 = torch.operator "aten::frobnicate"(%x) : (!torch.tensor) -> !torch.tensor
    ```
  }];
  let arguments = (ins StrAttr:$name, Variadic<AnyType>:$operands);
  let results = (outs Variadic<AnyType>:$results);
  let regions = (region VariadicRegion<AnyRegion>:$regions);
  let assemblyFormat = [{
    $name `(` $operands `)` attr-dict `:` functional-type($operands, $results)
    (`(` $regions^ `)`)?
  }];
}

def Torch_OperatorTerminatorOp : Torch_Op<"operator_terminator", [Terminator,
    HasParent<"OperatorOp">]> {
  let summary = "Terminator of a torch.operator block";
  let arguments = (ins Variadic<AnyType>:$operands);
  let assemblyFormat = "$operands attr-dict `:` type($operands)";
}


#endif // TORCH_ONNX_TORCH_OPS
