//===- TorchScriptImport.h - TorchScript archive -> torch dialect -*- C++
//-*-===//

#ifndef TORCH_ONNX_TARGET_TORCHSCRIPT_TORCHSCRIPTIMPORT_H
#define TORCH_ONNX_TARGET_TORCHSCRIPT_TORCHSCRIPTIMPORT_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include <string>
#include <vector>

namespace mlir::Torch {

/// The refined type of one tensor input of forward(): sizes (-1 = dynamic),
/// the name of each dynamic dimension ("" = anonymous) and a dtype name.
struct TorchScriptInputShape {
  std::vector<int64_t> sizes;
  std::vector<std::string> dimNames;
  std::string dtype; // "" keeps the dtype TorchScript knows, if any
};

struct TorchScriptImportOptions {
  /// One entry per tensor input of forward(), in order; empty: leave as is.
  std::vector<TorchScriptInputShape> inputShapes;
};

/// Parses "[batch,3,224,224]:f32;[?]:si64".
FailureOr<std::vector<TorchScriptInputShape>>
parseInputShapes(llvm::StringRef spec, std::string &error);

/// f32, f64, f16, bf16, si64, si32, si16, si8, ui8, i1 -> MLIR type.
Type parseDtypeName(llvm::StringRef name, MLIRContext *ctx);

/// Loads, freezes, inlines and imports the archive at `path`. Emits one
/// located error and returns null on failure.
OwningOpRef<ModuleOp>
importTorchScriptFile(llvm::StringRef path, MLIRContext *context,
                      const TorchScriptImportOptions &options = {});

/// Registers --import-torchscript.
void registerTorchScriptTranslation();

} // namespace mlir::Torch

#endif // TORCH_ONNX_TARGET_TORCHSCRIPT_TORCHSCRIPTIMPORT_H
