//===- OutputFile.cpp - Files written whole or not at all -----------------===//

#include "torch-onnx/Support/OutputFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace mlir::torch_onnx;
namespace fs = llvm::sys::fs;

AtomicOutputFile::AtomicOutputFile(std::string target, std::string temp, int fd)
    : target(std::move(target)), temp(std::move(temp)),
      stream(std::make_unique<llvm::raw_fd_ostream>(fd,
                                                    /*shouldClose=*/true)) {}

std::unique_ptr<AtomicOutputFile> AtomicOutputFile::create(llvm::StringRef path,
                                                           std::string &error) {
  fs::file_status st;
  if (!fs::status(path, st, /*Follow=*/true) && fs::is_directory(st)) {
    error = ("cannot write '" + path + "': it is a directory").str();
    return nullptr;
  }
  // ".NAME.tmp-XXXXXX" in the target's folder: rename stays on one file
  // system, and createUniqueFile opens it O_CREAT|O_EXCL.
  llvm::SmallString<256> model(llvm::sys::path::parent_path(path));
  llvm::sys::path::append(model, "." + llvm::sys::path::filename(path) +
                                     ".tmp-%%%%%%");
  int fd = -1;
  llvm::SmallString<256> temp;
  if (std::error_code ec =
          fs::createUniqueFile(model, fd, temp, fs::OF_None, 0644)) {
    error = ("cannot write '" + path + "': " + ec.message()).str();
    return nullptr;
  }
  return std::unique_ptr<AtomicOutputFile>(
      new AtomicOutputFile(path.str(), temp.str().str(), fd));
}

AtomicOutputFile::~AtomicOutputFile() {
  if (kept)
    return;
  if (stream) {
    stream->close();
    stream->clear_error();
  }
  fs::remove(temp);
}

bool AtomicOutputFile::keep(std::string &error) {
  stream->close();
  if (stream->has_error()) {
    error = "cannot write '" + target + "': " + stream->error().message();
    stream->clear_error();
    return false;
  }
  // A device, a pipe or a socket (/dev/null, a FIFO) is written in place,
  // from the temporary: renaming a file over it would replace it (root
  // running `-o /dev/null` replaced the system's /dev/null by a file).
  fs::file_status st;
  if (!fs::status(target, st, /*Follow=*/true) && fs::exists(st) &&
      !fs::is_regular_file(st)) {
    auto bytes = llvm::MemoryBuffer::getFile(temp, /*IsText=*/false,
                                             /*RequiresNullTerminator=*/false);
    std::error_code ec;
    llvm::raw_fd_ostream dev(target, ec, fs::CD_OpenExisting);
    if (bytes && !ec)
      dev << (*bytes)->getBuffer();
    dev.close();
    fs::remove(temp);
    if (!bytes || ec || dev.has_error()) {
      error = "cannot write '" + target + "': " +
              (!bytes ? bytes.getError()
               : ec   ? ec
                      : dev.error())
                  .message();
      dev.clear_error();
      return false;
    }
    kept = true;
    return true;
  }
  if (std::error_code ec = fs::rename(temp, target)) {
    error = "cannot create '" + target + "': " + ec.message();
    return false;
  }
  kept = true;
  return true;
}

bool mlir::torch_onnx::writeFileAtomically(llvm::StringRef path,
                                           llvm::StringRef bytes,
                                           std::string &error) {
  auto f = AtomicOutputFile::create(path, error);
  if (!f)
    return false;
  f->os() << bytes;
  return f->keep(error);
}
