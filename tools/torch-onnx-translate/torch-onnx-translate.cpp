//===- torch-onnx-translate.cpp - mlir-translate for torch-onnx -----------===//
//
// mlir-translate's main, with -o written atomically: the translation writes
// a fresh temporary beside the output (O_EXCL), renamed over it only when
// the translation succeeds. A failed run leaves an existing output (or a
// symlink at its path, and the link's target) untouched.
//
//===----------------------------------------------------------------------===//

#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"
#include "torch-onnx/InitAll.h"
#include "torch-onnx/Support/OutputFile.h"
#include "torch-onnx/Target/ONNX/ONNXTranslation.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <string>
#include <vector>

int main(int argc, char **argv) {
  mlir::torch_onnx::registerAllTranslations();

  // Find -o FILE / -o=FILE (one or two dashes) before a "--".
  std::vector<std::string> args(argv, argv + argc);
  int valueIndex = -1;
  size_t valueOffset = 0;
  for (int i = 1; i < argc; ++i) {
    llvm::StringRef a = args[i];
    if (a == "--")
      break;
    if ((a == "-o" || a == "--o") && i + 1 < argc) {
      valueIndex = i + 1;
      valueOffset = 0;
      ++i;
    } else if (a.starts_with("-o=") || a.starts_with("--o=")) {
      valueIndex = i;
      valueOffset = a.find('=') + 1;
    }
  }
  std::unique_ptr<mlir::torch_onnx::AtomicOutputFile> out;
  std::string target;
  if (valueIndex >= 0) {
    target = args[valueIndex].substr(valueOffset);
    if (target != "-" && !target.empty()) {
      std::string error;
      out = mlir::torch_onnx::AtomicOutputFile::create(target, error);
      if (!out) {
        llvm::errs() << "error: " << error << "\n";
        return 1;
      }
      args[valueIndex] =
          args[valueIndex].substr(0, valueOffset) + out->tempPath();
      mlir::ONNX::setTranslateOutputPath(target);
    }
  }
  std::vector<char *> argvOut;
  for (std::string &a : args)
    argvOut.push_back(a.data());
  argvOut.push_back(nullptr);

  if (mlir::failed(mlir::mlirTranslateMain(argc, argvOut.data(),
                                           "torch-onnx translation driver")))
    return 1; // `out` removes the temporary
  if (out) {
    std::string error;
    if (!out->keep(error)) {
      llvm::errs() << "error: " << error << "\n";
      return 1;
    }
  }
  return 0;
}
