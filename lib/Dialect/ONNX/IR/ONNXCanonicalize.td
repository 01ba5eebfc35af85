//===- ONNXCanonicalize.td - onnx canonicalization patterns *- tablegen -*-===//
//
// Rewrites that simplify a graph without evaluating it; registered as the
// canonicalization patterns of the ops they start from (ONNXFold.cpp). Each
// has a case in test/Dialect/ONNX/canonicalize.mlir.
//
//===----------------------------------------------------------------------===//

#ifndef TORCH_ONNX_ONNX_CANONICALIZE
#define TORCH_ONNX_ONNX_CANONICALIZE

include "mlir/IR/PatternBase.td"
include "torch-onnx/Dialect/ONNX/IR/ONNXOps.td"

def SameType : Constraint<CPred<"$0.getType() == $1.getType()">,
                          "values of the same type">;

// -(-x) is x.
def NegOfNeg : Pat<(ONNX_NegOp:$res (ONNX_NegOp $x)), (replaceWithValue $x),
                   [(SameType $res, $x)]>;

// not(not(x)) is x.
def NotOfNot : Pat<(ONNX_NotOp:$res (ONNX_NotOp $x)), (replaceWithValue $x),
                   [(SameType $res, $x)]>;

// Two transposes are one, with the composed permutation (which the folder
// removes when it is the identity).
def ValidPermPair : Constraint<
    CPred<"isValidPermPair($0, $1, $2)">,
    "a ranked input and two permutations of its rank">;
def ComposePerms : NativeCodeCall<"composePerms($_builder, $0, $1, $2)">;
def TransposeOfTranspose : Pat<
    (ONNX_TransposeOp (ONNX_TransposeOp $x, $inner), $outer),
    (ONNX_TransposeOp $x, (ComposePerms $x, $inner, $outer)),
    [(ValidPermPair $x, $inner, $outer)]>;

// Reshape(Reshape(x, s1), s2) is Reshape(x, s2) when s2 is a constant that
// does not copy dims of its input (no 0 entries, or allowzero).
def SelfContainedShape : Constraint<
    CPred<"isSelfContainedShape($0, $1)">,
    "a constant target shape that does not refer to the input's dims">;
def SelfContainedShapeV5 : Constraint<
    CPred<"isSelfContainedShape($0, IntegerAttr())">,
    "a constant target shape without 0 entries">;
def ReshapeOfReshape : Pat<
    (ONNX_ReshapeOp (ONNX_ReshapeOp $x, $s1, $z1), $s2, $z2),
    (ONNX_ReshapeOp $x, $s2, $z2),
    [(SelfContainedShape $s2, $z2)]>;
def ReshapeV5OfReshapeV5 : Pat<
    (ONNX_ReshapeV5Op (ONNX_ReshapeV5Op $x, $s1), $s2),
    (ONNX_ReshapeV5Op $x, $s2),
    [(SelfContainedShapeV5 $s2)]>;

#endif // TORCH_ONNX_ONNX_CANONICALIZE
