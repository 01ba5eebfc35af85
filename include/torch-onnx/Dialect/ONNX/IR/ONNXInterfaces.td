//===- ONNXInterfaces.td - ONNX op interfaces --------------*- tablegen -*-===//

#ifndef TORCH_ONNX_ONNX_INTERFACES
#define TORCH_ONNX_ONNX_INTERFACES

include "mlir/IR/OpBase.td"

def ONNX_OpInterface : OpInterface<"ONNXOpInterface"> {
  let cppNamespace = "::mlir::ONNX";
  let description = [{
    An op generated from an ONNX operator schema: its ONNX `op_type` and the
    range of opset versions whose schema has this op's signature. Passes and
    translations ask the op itself instead of parsing its name
    (`onnx.SqueezeV1` is `Squeeze` since opset 1, up to opset 11).
  }];
  let methods = [
    StaticInterfaceMethod<
      "The ONNX operator type (NodeProto.op_type), e.g. \"Squeeze\".",
      "::llvm::StringRef", "getONNXOpType", (ins), [{}],
      [{ return ConcreteOp::kONNXOpType; }]>,
    StaticInterfaceMethod<
      "The opset version that introduced this signature.",
      "int64_t", "getSinceVersion", (ins), [{}],
      [{ return ConcreteOp::kSinceVersion; }]>,
    StaticInterfaceMethod<
      "The newest opset version (within the generated range) with this "
      "signature.",
      "int64_t", "getLatestSinceVersion", (ins), [{}],
      [{ return ConcreteOp::kLatestVersion; }]>,
    StaticInterfaceMethod<
      "The schema's formal inputs, one letter each: S(ingle), O(ptional), "
      "V(ariadic) (OpSchema::FormalParameterOption).",
      "::llvm::StringRef", "getInputKinds", (ins), [{}],
      [{ return ConcreteOp::kInputKinds; }]>,
    StaticInterfaceMethod<
      "The schema's formal outputs, as getInputKinds.",
      "::llvm::StringRef", "getOutputKinds", (ins), [{}],
      [{ return ConcreteOp::kOutputKinds; }]>,
  ];
}

#endif // TORCH_ONNX_ONNX_INTERFACES
