//===- ONNXOps.td - ONNX dialect ops -----------------------*- tablegen -*-===//

#ifndef TORCH_ONNX_ONNX_OPS
#define TORCH_ONNX_ONNX_OPS

include "torch-onnx/Dialect/ONNX/IR/ONNXBase.td"
include "torch-onnx/Dialect/ONNX/IR/ONNXTypes.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/Interfaces/InferTypeOpInterface.td"

//===----------------------------------------------------------------------===//
// Hand-written ops
//===----------------------------------------------------------------------===//

def ONNX_InitializerOp : ONNX_Op<"Initializer", [Pure,
    DeclareOpInterfaceMethods<InferTypeOpInterface>,
    DeclareOpInterfaceMethods<OpAsmOpInterface, ["getAsmResultNames"]>]> {
  let summary = "A graph initializer (GraphProto.initializer)";
  let description = [{
    A named constant tensor of the main graph. Large initializers hold their data
    as a `dense_resource` blob that references the loaded bytes.

    ```mlir
    %w = onnx.Initializer "fc.weight" = dense<1.0> : tensor<4x4xf32>
    ```
  }];
  let arguments = (ins StrAttr:$name, ElementsAttr:$value);
  let results = (outs AnyTensor:$output);
  let assemblyFormat = "$name `=` $value attr-dict";
  let hasVerifier = 1;
}

def ONNX_NoValueOp : ONNX_Op<"NoValue", [Pure]> {
  let summary = "An omitted optional input of an `onnx.Custom` op";
  let description = [{
    Stands for an empty input name (`""`) in the operand list of an
    `onnx.Custom` op, whose schema is unknown.

    ```mlir
    %none = onnx.NoValue
    ```
  }];
  let results = (outs NoneType:$none);
  let assemblyFormat = "attr-dict";
}

def ONNX_YieldOp : ONNX_Op<"Yield", [Pure, Terminator, ReturnLike]> {
  let summary = "Terminator of an ONNX subgraph; its operands are the outputs";
  let description = [{
    Ends the region that models a subgraph attribute (`Loop`/`Scan` `body`,
    `If` branches). Graph-level data of the subgraph (its name, the names of its
    inputs, value_info) is kept in discardable `onnx.*` attributes.

    ```mlir
    onnx.Yield %cond, %v : tensor<i1>, tensor<f32>
    ```
  }];
  let arguments = (ins Variadic<AnyType>:$outputs);
  let assemblyFormat = "attr-dict ($outputs^ `:` type($outputs))?";
}

def ONNX_CustomOp : ONNX_Op<"Custom", [
    DeclareOpInterfaceMethods<OpAsmOpInterface, ["getAsmResultNames"]>]> {
  let summary = "An operator outside the generated set (other domains, unknown ops)";
  let description = [{
    Carries any ONNX node losslessly: `domain`, `op_type`, the opset `version`
    of its domain that the model (or function) imports, the node's attributes
    (ONNX attribute types mapped as for generated ops) and its graph attributes as
    regions named by `region_names`. Empty optional inputs are `onnx.NoValue`.

    ```mlir
    %y = onnx.Custom "com.example" "MyOp"(%x) {attrs = {alpha = 1.0 : f32}}
        : (tensor<3xf32>) -> tensor<3xf32>
    ```
  }];
  let arguments = (ins StrAttr:$domain, StrAttr:$op_type,
                       OptionalAttr<I64Attr>:$version,
                       DefaultValuedAttr<DictionaryAttr, "{}">:$attrs,
                       DefaultValuedAttr<StrArrayAttr, "{}">:$region_names,
                       Variadic<AnyType>:$inputs);
  let results = (outs Variadic<AnyType>:$outputs);
  let regions = (region VariadicRegion<SizedRegion<1>>:$graphs);
  let assemblyFormat = [{
    $domain $op_type `(` $inputs `)` attr-dict `:`
    functional-type($inputs, $outputs) (`(` $graphs^ `)`)?
  }];
  let hasVerifier = 1;
}

include "torch-onnx/Dialect/ONNX/IR/GeneratedONNXOps.td"

#endif // TORCH_ONNX_ONNX_OPS
