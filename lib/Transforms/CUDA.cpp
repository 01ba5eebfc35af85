//===- CUDA.cpp - passes of the CUDA target -------------------------------===//
//
// cuda-managed-buffers (memory placement after bufferization),
// gpu-tile-parallel-loops (scf.parallel -> blocks x threads mapping for
// convert-parallel-loops-to-gpu) and cuda-device-constants (weights read
// through cached device copies). Everything else in the CUDA pipeline is
// upstream.
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Transforms/Passes.h"

#include "BufferRoot.h"

#include "mlir/Dialect/GPU/Transforms/ParallelLoopMapper.h"
#include "mlir/Dialect/SCF/Transforms/Transforms.h"
#include "mlir/Interfaces/DataLayoutInterfaces.h"
#include "llvm/Support/MathExtras.h"

namespace mlir::torch_onnx {
#define GEN_PASS_DEF_CUDAMANAGEDBUFFERS
#define GEN_PASS_DEF_GPUTILEPARALLELLOOPS
#define GEN_PASS_DEF_CUDADEVICECONSTANTS
#include "torch-onnx/Transforms/Passes.h.inc"
} // namespace mlir::torch_onnx

using namespace mlir;
using namespace mlir::torch_onnx;

static constexpr llvm::StringLiteral kConstantsAttr =
    "torch_onnx.cuda_constants";

//===----------------------------------------------------------------------===//
// cuda-managed-buffers
//===----------------------------------------------------------------------===//

namespace {

/// `gpu.dealloc` is asynchronous in the gpu dialect: wait (a stream), free
/// on it, wait for it.
void freeOnDevice(OpBuilder &b, Location loc, Value memref) {
  Type token = gpu::AsyncTokenType::get(b.getContext());
  Value t0 = gpu::WaitOp::create(b, loc, token, ValueRange{}).getAsyncToken();
  Value t1 = gpu::DeallocOp::create(b, loc, token, ValueRange{t0}, memref)
                 .getAsyncToken();
  gpu::WaitOp::create(b, loc, Type(), ValueRange{t1});
}

SmallVector<Value> dynamicSizes(OpBuilder &b, Location loc, Value memref) {
  SmallVector<Value> sizes;
  auto t = cast<MemRefType>(memref.getType());
  for (int64_t d = 0; d < t.getRank(); ++d)
    if (t.isDynamicDim(d))
      sizes.push_back(memref::DimOp::create(b, loc, memref, d));
  return sizes;
}

/// A memref of `t`'s shape with the identity layout (what allocations
/// have).
MemRefType identityOf(MemRefType t) {
  return MemRefType::get(t.getShape(), t.getElementType());
}

struct CUDAManagedBuffersPass
    : public torch_onnx::impl::CUDAManagedBuffersBase<CUDAManagedBuffersPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *ctx = &getContext();

    SmallVector<Attribute> constants;
    for (auto g : module.getOps<memref::GlobalOp>())
      if (g.getConstant() && g.getInitialValue())
        constants.push_back(FlatSymbolRefAttr::get(g.getSymNameAttr()));
    if (!constants.empty())
      module->setAttr(kConstantsAttr, ArrayAttr::get(ctx, constants));

    OpBuilder b(ctx);
    // Copies between buffers run as kernels.
    module.walk([&](memref::CopyOp copy) {
      auto src = dyn_cast<MemRefType>(copy.getSource().getType());
      auto dst = dyn_cast<MemRefType>(copy.getTarget().getType());
      if (!src || !dst)
        return;
      b.setInsertionPoint(copy);
      linalg::CopyOp::create(b, copy.getLoc(), copy.getSource(),
                             copy.getTarget());
      copy.erase();
    });
    // Every buffer in managed memory.
    module.walk([&](memref::AllocOp alloc) {
      if (!alloc.getType().getLayout().isIdentity())
        return;
      b.setInsertionPoint(alloc);
      auto g = gpu::AllocOp::create(b, alloc.getLoc(), alloc.getType(), Type(),
                                    ValueRange{}, alloc.getDynamicSizes(),
                                    alloc.getSymbolOperands(), b.getUnitAttr());
      alloc.replaceAllUsesWith(g.getMemref());
      alloc.erase();
    });
    module.walk([&](memref::DeallocOp dealloc) {
      b.setInsertionPoint(dealloc);
      freeOnDevice(b, dealloc.getLoc(), dealloc.getMemref());
      dealloc.erase();
    });
    // Public functions take and return host memory.
    for (auto func : module.getOps<func::FuncOp>()) {
      if (func.isDeclaration() || func.isPrivate())
        continue;
      Block &entry = func.getBody().front();
      b.setInsertionPointToStart(&entry);
      SmallVector<Value> inputCopies;
      for (BlockArgument arg : entry.getArguments()) {
        auto t = dyn_cast<MemRefType>(arg.getType());
        if (!t || arg.use_empty())
          continue;
        Location loc = arg.getLoc();
        SmallVector<Value> sizes = dynamicSizes(b, loc, arg);
        Value m =
            gpu::AllocOp::create(b, loc, identityOf(t), Type(), ValueRange{},
                                 sizes, ValueRange{}, b.getUnitAttr())
                .getMemref();
        inputCopies.push_back(m);
        if (m.getType() != t)
          m = memref::CastOp::create(b, loc, t, m);
        auto copy = memref::CopyOp::create(b, loc, arg, m);
        // Everything but the copy and the dims of the allocation reads the
        // managed copy.
        SmallPtrSet<Operation *, 8> keep{copy};
        for (Value s : sizes)
          keep.insert(s.getDefiningOp());
        arg.replaceUsesWithIf(
            m, [&](OpOperand &use) { return !keep.contains(use.getOwner()); });
      }
      func.walk([&](func::ReturnOp ret) {
        b.setInsertionPoint(ret);
        for (OpOperand &operand : ret->getOpOperands()) {
          auto t = dyn_cast<MemRefType>(operand.get().getType());
          if (!t)
            continue;
          Location loc = ret.getLoc();
          Value device = operand.get();
          Value host = memref::AllocOp::create(b, loc, identityOf(t),
                                               dynamicSizes(b, loc, device));
          memref::CopyOp::create(b, loc, device, host);
          if (!getBufferRoot(device).getDefiningOp<memref::GetGlobalOp>()) {
            Value base =
                memref::ExtractStridedMetadataOp::create(b, loc, device)
                    .getBaseBuffer();
            freeOnDevice(b, loc, base);
          }
          if (host.getType() != t)
            host = memref::CastOp::create(b, loc, t, host);
          operand.set(host);
        }
        for (Value m : inputCopies)
          freeOnDevice(b, ret.getLoc(), m);
      });
    }
  }
};

//===----------------------------------------------------------------------===//
// gpu-tile-parallel-loops
//===----------------------------------------------------------------------===//

constexpr int64_t kMaxGridYZ = 65535;

std::optional<int64_t> tripCount(scf::ParallelOp p, unsigned d) {
  auto lb = getConstantIntValue(p.getLowerBound()[d]);
  auto ub = getConstantIntValue(p.getUpperBound()[d]);
  auto st = getConstantIntValue(p.getStep()[d]);
  if (!lb || !ub || !st || *st <= 0)
    return std::nullopt;
  return std::max<int64_t>(0, llvm::divideCeil(*ub - *lb, *st));
}

struct GPUTileParallelLoopsPass
    : public torch_onnx::impl::GPUTileParallelLoopsBase<
          GPUTileParallelLoopsPass> {
  using Base::Base;

  void runOnOperation() override {
    SmallVector<scf::ParallelOp> roots;
    getOperation().walk([&](scf::ParallelOp p) {
      if (!p->getParentOfType<scf::ParallelOp>() &&
          !p->getParentOfType<gpu::LaunchOp>() && p.getNumResults() == 0)
        roots.push_back(p);
    });
    for (scf::ParallelOp p : roots)
      tileAndMap(p);
  }

  void tileAndMap(scf::ParallelOp p) {
    MLIRContext *ctx = p.getContext();
    unsigned n = p.getNumLoops();
    // Threads per dim, innermost first (x, y, z), powers of two.
    SmallVector<int64_t> tiles(n, 1);
    SmallVector<std::optional<int64_t>> trips;
    for (unsigned d = 0; d < n; ++d)
      trips.push_back(tripCount(p, d));
    int64_t left = std::max<int64_t>(1, blockSize);
    const int64_t maxPerDim[3] = {1024, 1024, 64};
    for (unsigned k = 0; k < std::min(n, 3u) && left > 1; ++k) {
      unsigned d = n - 1 - k;
      int64_t want =
          trips[d]
              ? int64_t(llvm::PowerOf2Ceil(std::max<int64_t>(1, *trips[d])))
              : left;
      tiles[d] = std::min({want, left, maxPerDim[k]});
      left /= tiles[d];
    }
    auto [outer, inner] =
        scf::tileParallelLoop(p, tiles, /*noMinMaxBounds=*/true);

    AffineMap id = AffineMap::getMultiDimIdentityMap(1, ctx);
    auto dim = [&](gpu::Processor proc) {
      return gpu::ParallelLoopDimMappingAttr::get(ctx, proc, id, id);
    };
    const gpu::Processor blocks[3] = {
        gpu::Processor::BlockX, gpu::Processor::BlockY, gpu::Processor::BlockZ};
    const gpu::Processor threads[3] = {gpu::Processor::ThreadX,
                                       gpu::Processor::ThreadY,
                                       gpu::Processor::ThreadZ};
    SmallVector<gpu::ParallelLoopDimMappingAttr> outerMap, innerMap;
    for (unsigned d = 0; d < n; ++d) {
      unsigned k = n - 1 - d;
      gpu::Processor bp = gpu::Processor::Sequential;
      if (k < 3) {
        // y/z grid sizes are limited: unknown or larger dims loop instead.
        bool fits =
            k == 0 ||
            (trips[d] && llvm::divideCeil(*trips[d], tiles[d]) <= kMaxGridYZ);
        if (fits)
          bp = blocks[k];
      }
      outerMap.push_back(dim(bp));
      innerMap.push_back(
          dim(k < 3 && tiles[d] > 1 ? threads[k] : gpu::Processor::Sequential));
    }
    (void)gpu::setMappingAttr(outer, outerMap);
    (void)gpu::setMappingAttr(inner, innerMap);
  }
};

//===----------------------------------------------------------------------===//
// cuda-device-constants
//===----------------------------------------------------------------------===//

struct CUDADeviceConstantsPass
    : public torch_onnx::impl::CUDADeviceConstantsBase<
          CUDADeviceConstantsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto list = module->getAttrOfType<ArrayAttr>(kConstantsAttr);
    if (!list)
      return;
    module->removeAttr(kConstantsAttr);
    DenseMap<StringAttr, LLVM::GlobalOp> globals;
    for (Attribute a : list) {
      auto ref = cast<FlatSymbolRefAttr>(a);
      if (auto g = module.lookupSymbol<LLVM::GlobalOp>(ref.getAttr()))
        globals[ref.getAttr()] = g;
    }
    if (globals.empty())
      return;
    MLIRContext *ctx = &getContext();
    auto ptr = LLVM::LLVMPointerType::get(ctx);
    auto i64 = IntegerType::get(ctx, 64);
    OpBuilder b(ctx);
    StringRef fnName = "tonnx_cuda_constant";
    auto fn = module.lookupSymbol<LLVM::LLVMFuncOp>(fnName);
    if (!fn) {
      b.setInsertionPointToEnd(module.getBody());
      fn = LLVM::LLVMFuncOp::create(
          b, module.getLoc(), fnName,
          LLVM::LLVMFunctionType::get(ptr, {ptr, i64}));
    }
    DataLayout layout(module);
    // Host code only: kernels live in gpu.module ops.
    for (auto func : module.getOps<LLVM::LLVMFuncOp>()) {
      func.walk([&](LLVM::AddressOfOp addr) {
        auto it = globals.find(addr.getGlobalNameAttr().getAttr());
        if (it == globals.end())
          return;
        uint64_t bytes = layout.getTypeSize(it->second.getGlobalType());
        b.setInsertionPointAfter(addr);
        Location loc = addr.getLoc();
        Value size =
            LLVM::ConstantOp::create(b, loc, i64, b.getI64IntegerAttr(bytes));
        auto call = LLVM::CallOp::create(b, loc, fn,
                                         ValueRange{addr.getResult(), size});
        addr.getResult().replaceAllUsesExcept(call.getResult(), call);
      });
    }
  }
};

} // namespace
