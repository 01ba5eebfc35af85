//===- RuntimeChecks.cpp - cf.assert -> tonnx_check_failed ----------------===//
//
// Each `cf.assert %ok, "msg"` becomes
//
//   scf.if (not %ok) { llvm.call @tonnx_check_failed(@msg) }
//
// (an scf.if needs no block splitting, so checks inside single-block regions
// are fine); convert-scf-to-cf lowers the branch afterwards. The runtime
// function does not return: inside tonnx_invoke it unwinds to the caller with
// the message, elsewhere it prints the message on stderr and aborts.
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Transforms/Passes.h"

#include "mlir/Conversion/LLVMCommon/PrintCallHelper.h"
#include "mlir/Conversion/LLVMCommon/TypeConverter.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/IR/SymbolTable.h"

namespace mlir::torch_onnx {
#define GEN_PASS_DEF_LOWERRUNTIMECHECKS
#include "torch-onnx/Transforms/Passes.h.inc"
} // namespace mlir::torch_onnx

using namespace mlir;

namespace {

struct LowerRuntimeChecksPass
    : torch_onnx::impl::LowerRuntimeChecksBase<LowerRuntimeChecksPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<cf::AssertOp> checks;
    module.walk([&](cf::AssertOp a) { checks.push_back(a); });
    if (drop) {
      for (cf::AssertOp a : checks)
        a.erase();
      return;
    }
    LLVMTypeConverter converter(&getContext());
    SymbolTable symbols(module);
    unsigned counter = 0;
    for (cf::AssertOp a : checks) {
      OpBuilder b(a);
      Location loc = a.getLoc();
      Value broken = arith::XOrIOp::create(
          b, loc, a.getArg(),
          arith::ConstantIntOp::create(b, loc, b.getI1Type(), 1));
      auto ifOp = scf::IfOp::create(b, loc, broken, /*withElseRegion=*/false);
      b.setInsertionPointToStart(ifOp.thenBlock());
      std::string name;
      do
        name = "tonnx_check_msg_" + std::to_string(counter++);
      while (symbols.lookup(name));
      if (failed(LLVM::createPrintStrCall(b, loc, module, name, a.getMsg(),
                                          converter, /*addNewline=*/false,
                                          StringRef("tonnx_check_failed")))) {
        a.emitError("cannot lower the run-time check");
        return signalPassFailure();
      }
      a.erase();
    }
  }
};

} // namespace
