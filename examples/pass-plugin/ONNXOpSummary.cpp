//===- ONNXOpSummary.cpp - an out-of-tree pass over the onnx dialect ------===//
//
// A pass plugin: built against torch-onnx's installed headers and CMake
// package, loaded at run time with
//   torch-onnx-opt --load-pass-plugin=libONNXOpSummary.so \
//     --pass-pipeline='builtin.module(func.func(onnx-op-summary))' model.mlir
// It uses the dialect's typed API (ONNXOpInterface, generated op classes);
// those symbols come from the torch-onnx-opt that loads it.
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Dialect/ONNX/IR/ONNXDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Tools/Plugins/PassPlugin.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/raw_ostream.h"

namespace example {
#define GEN_PASS_DECL
#define GEN_PASS_DEF_ONNXOPSUMMARY
#include "Passes.h.inc"
} // namespace example

using namespace mlir;

namespace {
struct ONNXOpSummary : example::impl::ONNXOpSummaryBase<ONNXOpSummary> {
  using Base::Base;

  struct Entry {
    unsigned count = 0;
    int64_t since = INT64_MAX, latest = 0;
  };

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    llvm::MapVector<StringRef, Entry> byType;
    unsigned initializers = 0;
    func.walk([&](Operation *op) {
      if (isa<ONNX::InitializerOp>(op)) {
        ++initializers;
        return;
      }
      auto onnxOp = dyn_cast<ONNX::ONNXOpInterface>(op);
      if (!onnxOp)
        return;
      ++numNodes;
      Entry &e = byType[onnxOp.getONNXOpType()];
      ++e.count;
      e.since = std::min(e.since, onnxOp.getSinceVersion());
      e.latest = std::max(e.latest, onnxOp.getLatestSinceVersion());
      if (annotate) {
        Builder b(op->getContext());
        op->setAttr("example.opset_range",
                    b.getDenseI64ArrayAttr({onnxOp.getSinceVersion(),
                                            onnxOp.getLatestSinceVersion()}));
      }
    });
    llvm::outs() << "@" << func.getSymName() << ": " << initializers
                 << " initializers\n";
    for (auto &[type, e] : byType)
      llvm::outs() << "  " << type << " x" << e.count << " (opset " << e.since
                   << ".." << e.latest << ")\n";
  }
};
} // namespace

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo mlirGetPassPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "ONNXOpSummary", LLVM_VERSION_STRING,
          []() { PassRegistration<ONNXOpSummary>(); }};
}
