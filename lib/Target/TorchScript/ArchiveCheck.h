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

} // namespace mlir::Torch

#endif // TORCH_ONNX_LIB_TARGET_TORCHSCRIPT_ARCHIVECHECK_H
