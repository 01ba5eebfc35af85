//===- torch-onnx-opt.cpp - mlir-opt for the torch-onnx dialects ----------===//

#include "mlir/Tools/Plugins/PassPlugin.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "torch-onnx/InitAll.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

/// MlirOptMain ignores a pass plugin it cannot load (and the pipeline then
/// fails to parse, or worse, runs without the plugin's passes): check each
/// `--load-pass-plugin` up front and fail with the loader's reason.
static bool checkPassPlugins(int argc, char **argv) {
  for (int i = 1; i < argc; ++i) {
    llvm::StringRef arg = argv[i], path;
    if (!arg.consume_front("-"))
      continue;
    arg.consume_front("-"); // -flag and --flag
    if (arg.consume_front("load-pass-plugin=")) {
      path = arg;
    } else if (arg == "load-pass-plugin" && i + 1 < argc) {
      path = argv[i + 1];
    } else {
      continue;
    }
    llvm::Expected<mlir::PassPlugin> plugin =
        mlir::PassPlugin::load(path.str());
    if (!plugin) {
      llvm::errs() << argv[0] << ": error: cannot load pass plugin '" << path
                   << "': " << llvm::toString(plugin.takeError())
                   << " (a shared library built with "
                      "torch_onnx_add_pass_plugin, see "
                      "examples/pass-plugin)\n";
      return false;
    }
  }
  return true;
}

int main(int argc, char **argv) {
  if (!checkPassPlugins(argc, argv))
    return 1;
  mlir::DialectRegistry registry;
  mlir::torch_onnx::registerAllDialects(registry);
  mlir::torch_onnx::registerAllPasses();
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "torch-onnx modular optimizer driver\n", registry));
}
