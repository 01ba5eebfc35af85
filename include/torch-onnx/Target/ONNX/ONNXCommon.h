//===- ONNXCommon.h - Shared helpers of ONNX import/export ------*- C++ -*-===//

#ifndef TORCH_ONNX_TARGET_ONNX_ONNXCOMMON_H
#define TORCH_ONNX_TARGET_ONNX_ONNXCOMMON_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Location.h"
#include "mlir/IR/MLIRContext.h"
#include "onnx/defs/schema.h"
#include "onnx/onnx_pb.h"
#include "torch-onnx/Dialect/ONNX/IR/DataType.h"

namespace mlir::ONNX {

/// Names of the discardable attributes that carry ModelProto/GraphProto data.
namespace attr {
constexpr llvm::StringLiteral kIrVersion = "onnx.ir_version";
constexpr llvm::StringLiteral kOpsetImport = "onnx.opset_import";
constexpr llvm::StringLiteral kProducerName = "onnx.producer_name";
constexpr llvm::StringLiteral kProducerVersion = "onnx.producer_version";
constexpr llvm::StringLiteral kDomain = "onnx.domain";
constexpr llvm::StringLiteral kModelVersion = "onnx.model_version";
constexpr llvm::StringLiteral kDocString = "onnx.doc_string";
constexpr llvm::StringLiteral kMetadataProps = "onnx.metadata_props";
constexpr llvm::StringLiteral kGraphName = "onnx.graph_name";
constexpr llvm::StringLiteral kGraphDocString = "onnx.graph_doc_string";
constexpr llvm::StringLiteral kName = "onnx.name";
constexpr llvm::StringLiteral kNames = "onnx.names";
constexpr llvm::StringLiteral kNodeName = "onnx.node_name";
constexpr llvm::StringLiteral kExplicitAttrs = "onnx.explicit_attrs";
constexpr llvm::StringLiteral kInitializer = "onnx.initializer";
constexpr llvm::StringLiteral kInputNames = "onnx.input_names";
constexpr llvm::StringLiteral kOutputNames = "onnx.output_names";
constexpr llvm::StringLiteral kOutputTypes = "onnx.output_types";
constexpr llvm::StringLiteral kType = "onnx.type";
constexpr llvm::StringLiteral kValueInfo = "onnx.value_info";
constexpr llvm::StringLiteral kDimParams = "onnx.dim_params";
constexpr llvm::StringLiteral kFunctionName = "onnx.function_name";
constexpr llvm::StringLiteral kFunctionDomain = "onnx.function_domain";
constexpr llvm::StringLiteral kFunctionAttributes = "onnx.function_attributes";
constexpr llvm::StringLiteral kMainGraph = "main_graph";
} // namespace attr

/// The deepest nesting of subgraphs (If/Loop/Scan bodies inside bodies) that
/// the importer reads and the exporter writes; both refuse deeper models with
/// the same message.
constexpr unsigned kMaxSubgraphDepth = 64;
/// Protobuf messages per subgraph level (NodeProto, AttributeProto,
/// GraphProto) plus room for nested TypeProtos: the parser's recursion limit.
constexpr int kProtobufRecursionLimit = 3 * kMaxSubgraphDepth + 64;
/// Brackets the ONNX text syntax may open per subgraph level.
constexpr unsigned kTextBracketsPerLevel = 4;

/// Checks what libonnx's shape inference and checker assume of a model
/// before they run: subgraph depth, an acyclic call graph of model-local
/// functions, required attributes of the schema's types, spatial attributes
/// in range. Emits one error at `loc` on the first violation.
LogicalResult validateModelStructure(const ::onnx::ModelProto &model,
                                     Location loc);
/// Empty if every node input whose type the model states (graph inputs,
/// initializers, value_info, outputs, also in subgraphs) is one its
/// operator's schema takes at the model's opset; otherwise which node and
/// input break that, and what the operator takes. ONNX's checker does not
/// look at these; ONNX Runtime refuses such a model when loading it.
std::string checkTypeConstraints(const ::onnx::ModelProto &model);
/// Refuses ONNX text whose bracket nesting exceeds what kMaxSubgraphDepth
/// levels need (the text parser recurses per bracket).
LogicalResult checkTextNesting(llvm::StringRef text, Location loc);

/// The little-endian raw_data bytes equivalent to the typed fields of `t`
/// (float_data, int32_data, ...); not for strings.
std::string getTypedFieldBytes(const ::onnx::TensorProto &t);
/// Old models may leave AttributeProto.type unset: derives it from the field
/// that is set.
void inferAttributeType(::onnx::AttributeProto &a);
/// True when `a` states exactly the default value that `schema` gives it.
bool isSchemaDefault(const ::onnx::OpSchema &schema,
                     const ::onnx::AttributeProto &a);

} // namespace mlir::ONNX

#endif // TORCH_ONNX_TARGET_ONNX_ONNXCOMMON_H
