//===- OutputFile.h - Files written whole or not at all ---------*- C++ -*-===//
//
// Every file torch-onnx writes (models, external data, compiled libraries,
// run outputs) goes through AtomicOutputFile: the bytes go to a fresh file in
// the target's folder, created with O_EXCL under a random name (a planted
// file or symlink cannot redirect the write), and are renamed over the target
// only on keep(). On failure the target is untouched: an existing file stays
// as it was, and a symlink at the target path is neither followed nor
// removed; on success a symlink at the path is replaced by the new file.
//
//===----------------------------------------------------------------------===//

#ifndef TORCH_ONNX_SUPPORT_OUTPUTFILE_H
#define TORCH_ONNX_SUPPORT_OUTPUTFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <string>

namespace mlir::torch_onnx {

class AtomicOutputFile {
public:
  /// Creates the temporary beside `path`. On failure returns null and sets
  /// `error` to a message naming `path`.
  static std::unique_ptr<AtomicOutputFile> create(llvm::StringRef path,
                                                  std::string &error);
  ~AtomicOutputFile();

  llvm::raw_fd_ostream &os() { return *stream; }
  const std::string &tempPath() const { return temp; }
  /// Flushes, checks for write errors and renames the temporary over the
  /// target. Returns false with `error` set (and the temporary removed) when
  /// any step fails.
  bool keep(std::string &error);

private:
  AtomicOutputFile(std::string target, std::string temp, int fd);
  std::string target, temp;
  std::unique_ptr<llvm::raw_fd_ostream> stream;
  bool kept = false;
};

/// Writes `bytes` to `path` through an AtomicOutputFile.
bool writeFileAtomically(llvm::StringRef path, llvm::StringRef bytes,
                         std::string &error);

} // namespace mlir::torch_onnx

#endif // TORCH_ONNX_SUPPORT_OUTPUTFILE_H
