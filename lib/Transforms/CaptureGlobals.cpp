//===- CaptureGlobals.cpp - global addresses captured by parallel regions -===//
//
// Every global address an outermost `omp.parallel` region uses becomes one
// opaque copy made before the region:
//
//   %w = llvm.mlir.addressof @weights_3 : !llvm.ptr
//   %c = llvm.inline_asm "", "=r,0" %w : (!llvm.ptr) -> !llvm.ptr
//   omp.parallel { ... uses %c ... }
//
// LLVM's outliner passes %c to the region's function like any value defined
// outside, where it would have written the constant @weights_3 into the
// body. Regions that differ only in the globals they read (convolutions of
// one shape with different weights, checks with different messages) then
// outline to identical functions, which MergeFunctions folds before they
// are optimized and compiled (buildSharedLibrary, the JIT).
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Transforms/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"

namespace mlir::torch_onnx {
#define GEN_PASS_DEF_CAPTUREGLOBALADDRESSES
#include "torch-onnx/Transforms/Passes.h.inc"
} // namespace mlir::torch_onnx

using namespace mlir;

namespace {

struct CaptureGlobalAddressesPass
    : torch_onnx::impl::CaptureGlobalAddressesBase<CaptureGlobalAddressesPass> {
  using Base::Base;

  void runOnOperation() override {
    SymbolTableCollection symbols;
    SmallVector<omp::ParallelOp> regions;
    SmallVector<LLVM::AddressOfOp> outside;
    getOperation().walk([&](Operation *op) {
      if (auto p = dyn_cast<omp::ParallelOp>(op)) {
        if (!p->getParentOfType<omp::ParallelOp>())
          regions.push_back(p);
      } else if (auto addr = dyn_cast<LLVM::AddressOfOp>(op)) {
        if (capturable(addr, symbols) &&
            !addr->getParentOfType<omp::ParallelOp>() && reachesRegion(addr))
          outside.push_back(addr);
      }
    });
    for (omp::ParallelOp region : regions)
      captureInside(region, symbols);
    // An address taken outside reaches a region through values LLVM folds
    // to constants (a memref descriptor built by insertvalue): its copy
    // is made where it is taken.
    for (LLVM::AddressOfOp addr : outside) {
      OpBuilder b(addr->getContext());
      b.setInsertionPointAfter(addr);
      Value opaque = opaqueCopy(b, addr.getLoc(), addr.getResult());
      addr.getResult().replaceAllUsesExcept(opaque, opaque.getDefiningOp());
      ++numCaptured;
    }
  }

  /// Whether `addr` may be taken on the thread that forks: not for a
  /// thread-local global (each thread has its own address).
  static bool capturable(LLVM::AddressOfOp addr,
                         SymbolTableCollection &symbols) {
    LLVM::GlobalOp global = addr.getGlobal(symbols);
    return !global || !global.getThreadLocal_();
  }

  /// Whether `addr`'s value reaches an op inside a parallel region through
  /// side-effect-free ops (descriptors, offsets).
  static bool reachesRegion(LLVM::AddressOfOp addr) {
    SmallVector<Value> work{addr.getResult()};
    DenseSet<Value> seen;
    while (!work.empty()) {
      Value v = work.pop_back_val();
      if (!seen.insert(v).second)
        continue;
      for (Operation *user : v.getUsers()) {
        if (user->getParentOfType<omp::ParallelOp>() ||
            isa<omp::ParallelOp>(user))
          return true;
        if (user->getNumRegions() == 0 && isMemoryEffectFree(user))
          llvm::append_range(work, user->getResults());
      }
    }
    return false;
  }

  /// `v` through an empty inline asm: the same address, opaque to LLVM.
  static Value opaqueCopy(OpBuilder &b, Location loc, Value v) {
    return LLVM::InlineAsmOp::create(
               b, loc, v.getType(), v, /*asm_string=*/"",
               /*constraints=*/"=r,0", /*has_side_effects=*/false,
               /*is_align_stack=*/false, LLVM::tailcallkind::TailCallKind::None,
               /*asm_dialect=*/nullptr, /*operand_attrs=*/nullptr)
        .getResult(0);
  }

  /// Replaces the uses inside `region` of each global's address taken
  /// inside it by one opaque copy of the address made just before `region`.
  void captureInside(omp::ParallelOp region, SymbolTableCollection &symbols) {
    llvm::MapVector<StringAttr, SmallVector<OpOperand *>> uses;
    region->walk([&](Operation *op) {
      if (op == region)
        return;
      for (OpOperand &operand : op->getOpOperands()) {
        auto addr = operand.get().getDefiningOp<LLVM::AddressOfOp>();
        if (addr && region->isAncestor(addr) && capturable(addr, symbols))
          uses[addr.getGlobalNameAttr().getAttr()].push_back(&operand);
      }
    });
    OpBuilder b(region);
    for (auto &[name, operands] : uses) {
      Value address = operands.front()->get();
      Value outside = LLVM::AddressOfOp::create(
          b, region.getLoc(), address.getType(), FlatSymbolRefAttr::get(name));
      Value opaque = opaqueCopy(b, region.getLoc(), outside);
      for (OpOperand *operand : operands) {
        Operation *addr = operand->get().getDefiningOp();
        operand->set(opaque);
        if (addr->use_empty())
          addr->erase();
      }
      ++numCaptured;
    }
  }
};
} // namespace
