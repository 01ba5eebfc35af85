//===- DataType.h - ONNX element types <-> MLIR types ------------*- C++
//-*-===//
//
// ONNX TensorProto.DataType codes and their MLIR element types, from the one
// table in DataTypes.def (no protobuf needed: the conversions and the
// runtime-facing code use it as well as the importer and exporter).
//
//===----------------------------------------------------------------------===//

#ifndef TORCH_ONNX_DIALECT_ONNX_IR_DATATYPE_H
#define TORCH_ONNX_DIALECT_ONNX_IR_DATATYPE_H

#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Types.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>

namespace mlir::ONNX {

/// TensorProto.DataType.
enum class DataType : int32_t {
  UNDEFINED = 0,
#define ONNX_DATA_TYPE(NAME, CODE, BYTES, KIND, BITS) NAME = CODE,
#include "torch-onnx/Dialect/ONNX/IR/DataTypes.def"
};

/// Whether `code` is a TensorProto.DataType other than UNDEFINED.
bool isDataType(int64_t code);
/// "FLOAT", "INT64", ...; "data type N" for codes outside the table.
std::string dataTypeName(int64_t code);
/// The MLIR element type of `code` (signless integers for the signed ONNX
/// types, unsigned ones for UINT*, i1 for BOOL, the dialect's string type for
/// STRING); null where there is none.
Type getElementType(MLIRContext *ctx, int64_t code);
/// The code of an MLIR element type; 0 (UNDEFINED) when ONNX has none.
int32_t getDataType(Type type);
/// Bytes per element of `code` in raw_data; 0 for STRING, the sub-byte and
/// 8-bit float types (not supported) and codes outside the table.
size_t getElementByteSize(int64_t code);

} // namespace mlir::ONNX

#endif // TORCH_ONNX_DIALECT_ONNX_IR_DATATYPE_H
