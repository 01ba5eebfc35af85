//===- ONNXTranslation.h - ModelProto <-> onnx dialect ----------*- C++ -*-===//
//
// Import of ONNX ModelProto (binary or ONNX textual syntax) into the onnx
// dialect and export back, without loss. See docs/ONNXTranslation.md for the
// representation.
//
//===----------------------------------------------------------------------===//

#ifndef TORCH_ONNX_TARGET_ONNX_ONNXTRANSLATION_H
#define TORCH_ONNX_TARGET_ONNX_ONNXTRANSLATION_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <utility>

namespace onnx {
class ModelProto;
} // namespace onnx

namespace mlir::ONNX {

/// Parses `bytes` (a binary ModelProto or ONNX's textual syntax) read from
/// `path` into `model`. Emits one located error and fails on bad input.
LogicalResult parseModel(llvm::StringRef bytes, llvm::StringRef path,
                         MLIRContext *context, ::onnx::ModelProto &model);

/// Imports `model` (which it may consume: large tensors are moved into
/// resource blobs). `path` names the file, for diagnostics and to resolve
/// external data relative to it.
OwningOpRef<ModuleOp> importModel(::onnx::ModelProto &model,
                                  llvm::StringRef path, MLIRContext *context);

/// The external data locations `model` records (relative to the model's
/// folder), of the tensors in its graph and subgraphs, without duplicates.
std::vector<std::string>
getExternalDataLocations(const ::onnx::ModelProto &model);

/// Reads and imports the model file at `path`.
OwningOpRef<ModuleOp> importModelFile(llvm::StringRef path,
                                      MLIRContext *context);

struct ExportOptions {
  /// Write tensors of at least `externalDataThreshold` bytes to one data file.
  bool externalData = false;
  /// The data file; relative to the model's directory. Default: the model's
  /// file name + ".data".
  std::string externalDataFile;
  size_t externalDataThreshold = 1024;
  /// Run onnx::checker::check_model on the result (always on in the tools).
  bool runChecker = true;
  /// exportModel only: write resource tensors of at least
  /// `externalDataThreshold` bytes straight to this file (instead of copying
  /// them into the ModelProto), recorded with location
  /// `externalDataFile`. Keeps peak memory at one copy of the weights. The
  /// caller owns the stream (an AtomicOutputFile's) and checks its errors.
  llvm::raw_ostream *streamExternalDataTo = nullptr;
  /// exportModel only: drop each resource blob once its bytes are exported
  /// (frees weights owned by the blobs; the module must not be used after).
  bool releaseResources = false;
  /// Record the ranked types of the values computed inside subgraphs (Loop,
  /// If, Scan bodies) as their value_info. ONNX's shape inference does not
  /// keep what it infers there, and a runtime that infers a body with
  /// little context can reject it (ONNX Runtime on torchvision's keypoint
  /// head); the exporters set it, the lossless round trip does not.
  bool subgraphValueInfo = false;
};

/// The external data file for a model written to `outputPath`: its location
/// as recorded in the model (`requested`, or the model's file name +
/// ".data") and its path (beside the model).
std::pair<std::string, std::string>
getExternalDataFile(llvm::StringRef outputPath, llvm::StringRef requested);

/// Builds a ModelProto from `module`. Tensors stay inline; see
/// writeModelFile for external data.
LogicalResult exportModel(ModuleOp module, ::onnx::ModelProto &model,
                          const ExportOptions &options = {});

/// Exports `module` to `path` (temporary file + rename; nothing is left behind
/// on failure). Moves tensors to external data on request or when the model
/// would pass protobuf's 2 GiB limit.
LogicalResult writeModelFile(ModuleOp module, llvm::StringRef path,
                             const ExportOptions &options = {});

/// Serializes `module` to `os`. External data (if requested or needed) goes
/// next to `outputPath`.
LogicalResult writeModel(ModuleOp module, llvm::raw_ostream &os,
                         llvm::StringRef outputPath,
                         const ExportOptions &options = {});

/// Serializes an already built `model` (streaming, with external data as
/// for writeModel); errors are reported at `loc`.
LogicalResult writeModelProto(::onnx::ModelProto &model, llvm::raw_ostream &os,
                              llvm::StringRef outputPath,
                              const ExportOptions &options, Location loc);
/// writeModelProto to `path` through a temporary file (nothing is left
/// behind on failure).
LogicalResult writeModelProtoFile(::onnx::ModelProto &model,
                                  llvm::StringRef path,
                                  const ExportOptions &options, Location loc);

/// Registers --import-onnx, --export-onnx and --test-onnx-roundtrip.
void registerONNXTranslations();

/// The output path that external data is placed beside in the
/// --export-onnx translation, when the driver's -o names a temporary.
void setTranslateOutputPath(StringRef path);

} // namespace mlir::ONNX

#endif // TORCH_ONNX_TARGET_ONNX_ONNXTRANSLATION_H
