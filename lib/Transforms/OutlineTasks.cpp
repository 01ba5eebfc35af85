//===- OutlineTasks.cpp - task bodies as functions, one per distinct body -===//
//
//   scf.forall (%i) in (8) {        scf.forall (%i) in (8) {
//     <body: %w, %x, %c, %i>    =>     func.call @f_task(%i, %w, %x)
//   }                                }
//                                    func.func private @f_task(...) {
//                                      %c = arith.constant ...
//                                      <body>
//                                    }
//
// Constants are cloned into the function; every other value the body uses
// from outside (buffers, weights, sizes) is an argument. A body equal to one
// outlined before (same types, same ops) is not kept: its loop calls the
// earlier function. After the vector code is unrolled a task body is most of
// a model's IR, and models repeat layer shapes: each distinct body is then
// lowered, optimized and compiled once.
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Transforms/Passes.h"

#include "LoopWork.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Transforms/RegionUtils.h"
#include "llvm/ADT/SetVector.h"

namespace mlir::torch_onnx {
#define GEN_PASS_DEF_CPUOUTLINETASKS
#include "torch-onnx/Transforms/Passes.h.inc"
} // namespace mlir::torch_onnx

using namespace mlir;

namespace {

struct CPUOutlineTasksPass
    : torch_onnx::impl::CPUOutlineTasksBase<CPUOutlineTasksPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    outlined.clear();
    for (func::FuncOp f : llvm::to_vector(module.getOps<func::FuncOp>())) {
      if (f.isExternal())
        continue;
      SmallVector<scf::ForallOp> tasks;
      for (Block &block : f.getBody())
        for (auto loop : block.getOps<scf::ForallOp>())
          tasks.push_back(loop);
      for (scf::ForallOp loop : tasks)
        outline(loop, f, symbols);
    }
  }

  /// Outlines `loop`'s body into a function at the end of `parent`'s
  /// module, or calls an equal one outlined before.
  void outline(scf::ForallOp loop, func::FuncOp parent, SymbolTable &symbols) {
    // Tensor results would need the terminator's parallel inserts.
    if (!loop.getOutputs().empty() ||
        !loop.getTerminator().getYieldingOps().empty())
      return;
    Region &body = loop.getRegion();
    Block &block = body.front();
    // A loop with too little work for its threads stays: it runs on the
    // calling thread (cpu-outer-parallel-loops), and a call counts as work.
    if (torch_onnx::tripCount(loop) * torch_onnx::estimateWork(block) < minWork)
      return;
    llvm::SetVector<Value> used;
    getUsedValuesDefinedAbove(body, used);
    SmallVector<Value> args(block.getArguments());
    SmallVector<Operation *> constants;
    for (Value v : used) {
      Operation *def = v.getDefiningOp();
      if (def && def->hasTrait<OpTrait::ConstantLike>() &&
          def->getNumRegions() == 0) {
        if (!llvm::is_contained(constants, def))
          constants.push_back(def);
        continue;
      }
      args.push_back(v);
    }

    OpBuilder b(parent->getContext());
    b.setInsertionPointToEnd(&parent->getParentRegion()->front());
    auto type = b.getFunctionType(ValueRange(args).getTypes(), {});
    auto fn = func::FuncOp::create(b, loop.getLoc(),
                                   (parent.getSymName() + "_task").str(), type);
    fn.setPrivate();
    // Private to the module in LLVM too: not exported from a compiled
    // library.
    fn->setAttr("llvm.linkage", LLVM::LinkageAttr::get(
                                    fn.getContext(), LLVM::Linkage::Internal));
    // Runs on one thread: cpu-outer-parallel-loops makes its parallel loops
    // sequential.
    fn->setAttr(torch_onnx::kTaskFunctionAttr, UnitAttr::get(fn.getContext()));
    symbols.insert(fn); // a unique name
    Block *entry = fn.addEntryBlock();
    IRMapping map;
    map.map(args, entry->getArguments());
    b.setInsertionPointToStart(entry);
    for (Operation *c : constants)
      b.clone(*c, map);
    for (Operation &op : block.without_terminator())
      b.clone(op, map);
    func::ReturnOp::create(b, loop.getLoc());

    // An equal body outlined before is called instead.
    func::FuncOp callee = fn;
    auto &candidates = outlined[type];
    for (func::FuncOp earlier : candidates)
      if (OperationEquivalence::isRegionEquivalentTo(
              &earlier.getBody(), &fn.getBody(),
              OperationEquivalence::IgnoreLocations)) {
        callee = earlier;
        break;
      }
    if (callee != fn) {
      symbols.erase(fn);
      ++numShared;
    } else {
      candidates.push_back(fn);
      ++numOutlined;
    }

    // The loop's body: the call.
    while (Operation *last = block.getTerminator()->getPrevNode())
      last->erase();
    b.setInsertionPointToStart(&block);
    func::CallOp::create(b, loop.getLoc(), callee, args);
  }

  /// The functions outlined so far, by type.
  DenseMap<FunctionType, SmallVector<func::FuncOp>> outlined;
};

} // namespace
