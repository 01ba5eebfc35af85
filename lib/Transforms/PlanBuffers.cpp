//===- PlanBuffers.cpp - plan-static-buffers ------------------------------===//
//
// Places a function's static temporary buffers in one arena by liveness
// (see Passes.td).
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Transforms/Passes.h"

#include "llvm/Support/MathExtras.h"

namespace mlir::torch_onnx {
#define GEN_PASS_DEF_PLANSTATICBUFFERS
#include "torch-onnx/Transforms/Passes.h.inc"
} // namespace mlir::torch_onnx

using namespace mlir;

namespace {

/// Every arena offset is a multiple of this (a cache line; at least what
/// the allocations asked for).
constexpr int64_t kMinAlignment = 64;

/// A buffer that can live in the arena: live over top-level ops
/// [start, end], `bytes` long, at `offset`.
struct Buffer {
  memref::AllocOp alloc;
  memref::DeallocOp dealloc;
  int64_t start, end, bytes, alignment;
  int64_t offset = -1;
};

/// The buffer `alloc` makes, or nothing when it cannot move into the arena.
std::optional<Buffer> analyze(memref::AllocOp alloc, Block &entry,
                              const DenseMap<Operation *, int64_t> &position) {
  MemRefType type = alloc.getType();
  if (!type.hasStaticShape() || !type.getLayout().isIdentity() ||
      type.getMemorySpace() || !alloc.getSymbolOperands().empty())
    return std::nullopt;
  Type elem = type.getElementType();
  if (!elem.isIntOrFloat() || elem.getIntOrFloatBitWidth() % 8)
    return std::nullopt;
  Buffer buf;
  buf.alloc = alloc;
  buf.start = buf.end = position.lookup(alloc);
  buf.bytes = std::max<int64_t>(
      type.getNumElements() * (elem.getIntOrFloatBitWidth() / 8), 1);
  buf.alignment =
      std::max<int64_t>(kMinAlignment, alloc.getAlignment().value_or(1));
  if (!llvm::isPowerOf2_64(buf.alignment))
    return std::nullopt;

  // The buffer and everything that may be a view of it.
  SmallVector<Value> worklist{alloc.getResult()};
  DenseSet<Value> seen{alloc.getResult()};
  auto addAliases = [&](Operation *op) {
    for (Value r : op->getResults())
      if (isa<BaseMemRefType>(r.getType()) && seen.insert(r).second)
        worklist.push_back(r);
  };
  while (!worklist.empty()) {
    Value v = worklist.pop_back_val();
    for (OpOperand &use : v.getUses()) {
      Operation *user = use.getOwner();
      if (auto dealloc = dyn_cast<memref::DeallocOp>(user)) {
        // Only the block's own free of the allocation itself is replaced.
        if (v != alloc.getResult() || user->getBlock() != &entry || buf.dealloc)
          return std::nullopt;
        buf.dealloc = dealloc;
        continue;
      }
      Operation *top = entry.findAncestorOpInBlock(*user);
      if (!top || top == entry.getTerminator())
        return std::nullopt; // returned: it outlives the call
      // A pointer taken out of it, or a memref block argument it becomes,
      // can be used (or freed) where this walk does not look.
      if (isa<memref::ExtractAlignedPointerAsIndexOp>(user) ||
          isa_and_nonnull<LLVM::LLVMDialect,
                          bufferization::BufferizationDialect>(
              user->getDialect()))
        return std::nullopt;
      for (Region &region : user->getRegions())
        for (Block &block : region)
          for (BlockArgument arg : block.getArguments())
            if (isa<BaseMemRefType>(arg.getType()))
              return std::nullopt;
      buf.end = std::max(buf.end, position.lookup(top));
      addAliases(user);
      if (top != user)
        addAliases(top);
    }
  }
  if (!buf.dealloc)
    return std::nullopt; // not freed here: its owner is someone else
  return buf;
}

/// Offsets, largest buffer first, each at the lowest aligned offset that no
/// buffer live at the same time occupies. Returns the arena's size.
int64_t assignOffsets(MutableArrayRef<Buffer> buffers) {
  SmallVector<Buffer *> order;
  for (Buffer &b : buffers)
    order.push_back(&b);
  llvm::stable_sort(order, [](const Buffer *a, const Buffer *b) {
    return a->bytes > b->bytes;
  });
  SmallVector<Buffer *> placed;
  int64_t size = 0;
  for (Buffer *b : order) {
    SmallVector<Buffer *> live;
    for (Buffer *p : placed)
      if (p->start <= b->end && b->start <= p->end)
        live.push_back(p);
    llvm::sort(live, [](const Buffer *x, const Buffer *y) {
      return x->offset < y->offset;
    });
    int64_t offset = 0;
    for (Buffer *p : live) {
      if (offset + b->bytes <= p->offset)
        break;
      offset = std::max<int64_t>(
          offset, llvm::alignTo(p->offset + p->bytes, b->alignment));
    }
    b->offset = offset;
    size = std::max(size, offset + b->bytes);
    placed.push_back(b);
  }
  return size;
}

struct PlanStaticBuffersPass
    : public torch_onnx::impl::PlanStaticBuffersBase<PlanStaticBuffersPass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    // One block: the live ranges are positions in it.
    if (func.isExternal() || !func.getBody().hasOneBlock())
      return;
    Block &entry = func.getBody().front();
    DenseMap<Operation *, int64_t> position;
    for (auto [i, op] : llvm::enumerate(entry))
      position[&op] = i;
    SmallVector<Buffer> buffers;
    for (auto alloc : entry.getOps<memref::AllocOp>())
      if (std::optional<Buffer> b = analyze(alloc, entry, position))
        buffers.push_back(*b);
    if (buffers.size() < 2)
      return;
    int64_t size = assignOffsets(buffers);
    int64_t alignment = kMinAlignment;
    for (Buffer &b : buffers) {
      alignment = std::max(alignment, b.alignment);
      numBytesBefore += b.bytes;
    }
    numPlanned += buffers.size();
    numArenaBytes += size;

    OpBuilder builder = OpBuilder::atBlockBegin(&entry);
    Location loc = func.getLoc();
    auto arena = memref::AllocOp::create(
        builder, loc, MemRefType::get({size}, builder.getI8Type()),
        builder.getI64IntegerAttr(alignment));
    for (Buffer &b : buffers) {
      builder.setInsertionPoint(b.alloc);
      Value offset =
          arith::ConstantIndexOp::create(builder, b.alloc.getLoc(), b.offset);
      auto view =
          memref::ViewOp::create(builder, b.alloc.getLoc(), b.alloc.getType(),
                                 arena, offset, ValueRange{});
      b.dealloc.erase();
      b.alloc.replaceAllUsesWith(view.getResult());
      b.alloc.erase();
    }
    builder.setInsertionPoint(entry.getTerminator());
    memref::DeallocOp::create(builder, loc, arena);
  }
};

} // namespace
