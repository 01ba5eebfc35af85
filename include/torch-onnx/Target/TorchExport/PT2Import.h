//===- PT2Import.h - torch.export archive -> torch dialect ------*- C++ -*-===//
//
// Imports an ExportedProgram saved by `torch.export.save` (a `.pt2` archive)
// into the torch dialect, without Python: the serialized graph (JSON), its
// weights and constants (resource blobs over the memory-mapped archive), its
// symbolic sizes and the higher-order control-flow ops.
//
//===----------------------------------------------------------------------===//

#ifndef TORCH_ONNX_TARGET_TORCHEXPORT_PT2IMPORT_H
#define TORCH_ONNX_TARGET_TORCHEXPORT_PT2IMPORT_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include <map>
#include <string>
#include <vector>

namespace mlir::Torch {

/// The serialized-graph schema versions this importer reads (torch.export's
/// `SCHEMA_VERSION`): the major version must match, minor versions up to
/// kPT2MaxSchemaMinor are known.
constexpr int kPT2SchemaMajor = 8;
constexpr int kPT2MaxSchemaMinor = 20;

struct PT2ImportOptions {
  /// Names for torch.export's size symbols (`s77` -> `batch`), e.g. the
  /// user's `Dim` names; a symbol without one keeps its own name.
  std::map<std::string, std::string> symbolNames;
};

/// True when `path` looks like a torch.export archive (a zip whose records
/// include `<name>/models/model.json`).
bool isPT2Archive(llvm::StringRef path);

OwningOpRef<ModuleOp> importPT2File(llvm::StringRef path, MLIRContext *context,
                                    const PT2ImportOptions &options = {});

/// Parses `s77=batch,s12=seq` into options.symbolNames.
LogicalResult parseSymbolNames(llvm::StringRef spec, PT2ImportOptions &options,
                               std::string &error);

/// The aten ops the importer itself handles (drops, forwards or renames),
/// named as the torch-to-onnx lowerings are ("aten.sym_size.int"): a
/// frontend need not decompose them.
std::vector<std::string> getPT2HandledOps();

void registerPT2Translation();

} // namespace mlir::Torch

#endif // TORCH_ONNX_TARGET_TORCHEXPORT_PT2IMPORT_H
