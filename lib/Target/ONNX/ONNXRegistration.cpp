//===- ONNXRegistration.cpp - ONNX translations of torch-onnx-translate ---===//

#include "torch-onnx/Target/ONNX/ONNXTranslation.h"

#include "torch-onnx/Dialect/ONNX/IR/ONNXDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/SourceMgr.h"

#include "onnx/onnx_pb.h"

using namespace mlir;

namespace {
/// Created when the translations are registered (tools that link this
/// library without them may define their own options).
llvm::cl::opt<std::string> &externalDataOption() {
  static llvm::cl::opt<std::string> opt(
      "external-data", llvm::cl::ValueOptional,
      llvm::cl::desc(
          "With --export-onnx: write tensors of 1 KiB or more to one "
          "external data file (default name: OUTPUT.data; always on "
          "past 2 GiB)"),
      llvm::cl::value_desc("file"));
  return opt;
}

std::string &finalOutputPath() {
  static std::string path;
  return path;
}

/// The -o value of mlir-translate's main, to place external data beside it
/// (the final name when the driver writes through a temporary).
std::string outputPath() {
  if (!finalOutputPath().empty())
    return finalOutputPath();
  auto &opts = llvm::cl::getRegisteredOptions();
  auto it = opts.find("o");
  if (it == opts.end())
    return "";
  if (auto *o = static_cast<llvm::cl::opt<std::string> *>(it->second))
    return o->getValue();
  return "";
}

ONNX::ExportOptions exportOptions() {
  ONNX::ExportOptions options;
  llvm::cl::opt<std::string> &externalData = externalDataOption();
  if (externalData.getNumOccurrences()) {
    options.externalData = true;
    options.externalDataFile = externalData;
  }
  return options;
}

OwningOpRef<Operation *> importFromSourceMgr(llvm::SourceMgr &sourceMgr,
                                             MLIRContext *ctx) {
  const llvm::MemoryBuffer *buf =
      sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
  StringRef path = buf->getBufferIdentifier();
  ::onnx::ModelProto model;
  if (failed(ONNX::parseModel(buf->getBuffer(), path, ctx, model)))
    return {};
  OwningOpRef<ModuleOp> module = ONNX::importModel(model, path, ctx);
  return OwningOpRef<Operation *>(module.release().getOperation());
}

void registerDialects(DialectRegistry &registry) {
  registry.insert<ONNX::ONNXDialect, func::FuncDialect>();
}
} // namespace

void mlir::ONNX::registerONNXTranslations() {
  externalDataOption();
  TranslateToMLIRRegistration importONNX(
      "import-onnx",
      "Import an ONNX model (binary ModelProto or ONNX textual syntax)",
      importFromSourceMgr, registerDialects);

  TranslateFromMLIRRegistration exportONNX(
      "export-onnx", "Export the onnx dialect to an ONNX ModelProto",
      [](Operation *op, llvm::raw_ostream &os) -> LogicalResult {
        auto module = dyn_cast<ModuleOp>(op);
        if (!module)
          return op->emitError("expected a builtin.module");
        return writeModel(module, os, outputPath(), exportOptions());
      },
      registerDialects);

  TranslateRegistration roundtrip(
      "test-onnx-roundtrip",
      "Import an ONNX model and export it again (for tests)",
      [](const std::shared_ptr<llvm::SourceMgr> &sourceMgr,
         llvm::raw_ostream &os, MLIRContext *ctx) -> LogicalResult {
        DialectRegistry registry;
        registerDialects(registry);
        ctx->appendDialectRegistry(registry);
        OwningOpRef<Operation *> op = importFromSourceMgr(*sourceMgr, ctx);
        if (!op)
          return failure();
        return writeModel(cast<ModuleOp>(*op), os, outputPath(),
                          exportOptions());
      });
}

void mlir::ONNX::setTranslateOutputPath(StringRef path) {
  finalOutputPath() = path.str();
}
