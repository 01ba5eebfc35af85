//===- ONNXNode.h - ONNX nodes <-> generated ops ----------------*- C++ -*-===//
//
// An ONNX node lists its inputs by position, with "" for an absent optional
// one and a variadic (last) parameter taking the rest. A generated op holds
// only the present ones, with `operandSegmentSizes` where several formal
// inputs are not single. This is the one place that maps between the two,
// from the op's ONNXOpInterface (its formal parameter kinds): the importer,
// the torch->onnx emitter, the exporter and the native lowering use it.
//
//===----------------------------------------------------------------------===//

#ifndef TORCH_ONNX_DIALECT_ONNX_IR_ONNXNODE_H
#define TORCH_ONNX_DIALECT_ONNX_IR_ONNXNODE_H

#include "torch-onnx/Dialect/ONNX/IR/ONNXDialect.h"

#include <string>

namespace mlir::ONNX {

/// The ONNX inputs of a node as operands of generated op `name`.
struct NodeOperands {
  SmallVector<Value> operands;
  /// Values per formal input (the op's operandSegmentSizes).
  SmallVector<int32_t> segments;
  /// For each operand: (formal input, position among the node's inputs).
  SmallVector<std::pair<unsigned, unsigned>> origin;
};

/// Why node inputs do not fit a generated op: the kind, and the formal
/// input (MissingRequired) or node input position (EmptyInVariadic) at
/// fault; TooMany carries the number of inputs given.
struct NodeInputError {
  enum Kind { MissingRequired, EmptyInVariadic, TooMany } kind;
  unsigned index;
  /// A message for tools ("lacks required input #1", ...).
  std::string describe(size_t numFormal) const;
};

/// The operand segments of node inputs given by presence (`present[k]`:
/// input k is there, not ""), for formal input `kinds` (S/O/V letters, see
/// ONNXOpInterface): one value per present single or optional input, the
/// variadic one taking the rest. Fails on a missing required input, an
/// absent input inside a variadic list, or more positions than the formal
/// inputs take.
FailureOr<SmallVector<int32_t>> nodeInputSegments(StringRef kinds,
                                                  ArrayRef<bool> present,
                                                  NodeInputError &error);

/// Maps positional node `inputs` (null: an absent optional input) onto the
/// operands of generated op `name` (as nodeInputSegments).
FailureOr<NodeOperands> mapNodeInputs(OperationName name,
                                      ArrayRef<Value> inputs,
                                      NodeInputError &error);

/// The resultSegmentSizes of generated op `name` with `numResults` results
/// (optional outputs present in order, a variadic one taking the rest).
SmallVector<int32_t> nodeResultSegments(OperationName name,
                                        unsigned numResults);

/// Adds mapped node operands and, where the op has them, their segments.
void addNodeOperands(OperationState &state, const NodeOperands &mapped);

/// Builds generated op `name` from node `inputs` (as mapNodeInputs),
/// attributes by their ONNX names and result types; null, with the reason
/// in `why`, when the inputs do not fit.
Operation *buildNode(OpBuilder &b, Location loc, OperationName name,
                     ArrayRef<Value> inputs,
                     ArrayRef<std::pair<StringRef, Attribute>> onnxAttrs,
                     TypeRange results, std::string &why);

/// (first operand, count) per formal input of a generated op.
SmallVector<std::pair<unsigned, unsigned>>
getFormalInputSegments(Operation *op);
/// The operands of a generated op per formal input (an empty range for an
/// absent optional one); the results per formal output.
SmallVector<OperandRange> getFormalInputs(Operation *op);
SmallVector<ResultRange> getFormalOutputs(Operation *op);

} // namespace mlir::ONNX

#endif // TORCH_ONNX_DIALECT_ONNX_IR_ONNXNODE_H
