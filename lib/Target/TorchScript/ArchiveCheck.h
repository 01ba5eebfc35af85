//===- ArchiveCheck.h - Weight records vs. the storages that use them -----===//
//
// Private to the TorchScript importer (its translation units include
// libtorch's headers and build as C++20).
//
//===----------------------------------------------------------------------===//

#ifndef TORCH_ONNX_LIB_TARGET_TORCHSCRIPT_ARCHIVECHECK_H
#define TORCH_ONNX_LIB_TARGET_TORCHSCRIPT_ARCHIVECHECK_H

#include <string>

namespace mlir::Torch {

/// Empty when every tensor storage that the archive's `data.pkl` and
/// `constants.pkl` reference has a weight record at least as large as the
/// storage; otherwise what is wrong, for a message about `path`. Archives the
/// scanner cannot follow are left to libtorch (empty result).
std::string checkArchiveWeightRecords(const std::string &path);

/// Whether every `*.debug_pkl` record (the source ranges that map the
/// archive's code back to the user's Python) is a pickle the scanner can
/// follow to its end. libtorch reads them lazily, when a location is asked
/// for, and trusts their lengths: an edited one can make it allocate
/// without bound. When false, locations stay in the archive's own code.
bool archiveDebugInfoIsWellFormed(const std::string &path);

} // namespace mlir::Torch

#endif // TORCH_ONNX_LIB_TARGET_TORCHSCRIPT_ARCHIVECHECK_H
