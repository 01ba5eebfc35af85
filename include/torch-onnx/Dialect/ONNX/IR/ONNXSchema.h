//===- ONNXSchema.h - ONNX op type <-> MLIR op mapping ----------*- C++ -*-===//
//
// Maps an ONNX (op_type, since_version) of the default domain to the generated
// MLIR op and ONNX attribute names to ODS names, from the generated table.
// The other direction (an op's ONNX op_type and versions) is the op's
// ONNXOpInterface.
//
//===----------------------------------------------------------------------===//

#ifndef TORCH_ONNX_DIALECT_ONNX_IR_ONNXSCHEMA_H
#define TORCH_ONNX_DIALECT_ONNX_IR_ONNXSCHEMA_H

#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OperationSupport.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

namespace mlir::ONNX {

/// The registered op name ("onnx.Squeeze") for ONNX `opType` whose schema was
/// introduced at `sinceVersion`, if one was generated.
std::optional<StringRef> lookupGeneratedOp(StringRef opType,
                                           int64_t sinceVersion);

/// The ODS attribute/region name used for ONNX attribute `onnxName` of the
/// generated op `mlirOpName` (identity except for renamed ones).
StringRef getODSAttrName(StringRef mlirOpName, StringRef onnxName);

} // namespace mlir::ONNX

#endif // TORCH_ONNX_DIALECT_ONNX_IR_ONNXSCHEMA_H
