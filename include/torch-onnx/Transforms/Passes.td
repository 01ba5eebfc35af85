//===- Passes.td - code generation transforms --------------*- tablegen -*-===//
//
// The passes that shape linalg/loops for a target after the conversions:
// fusion, constant preparation, CPU tiling/vectorization/threading, math
// approximation, run-time checks, and the CUDA buffer and kernel passes.
//
//===----------------------------------------------------------------------===//

#ifndef TORCH_ONNX_TRANSFORMS_PASSES
#define TORCH_ONNX_TRANSFORMS_PASSES

include "mlir/Pass/PassBase.td"

def FuseElementwiseNoRecompute
    : Pass<"fuse-elementwise-no-recompute", "func::FuncOp"> {
  let summary = "Elementwise fusion that never recomputes a producer";
  let description = [{
    Upstream elementwise fusion (`linalg::populateElementwiseOpsFusionPatterns`
    and the reshape-by-expansion patterns, as `linalg-fuse-elementwise-ops`
    runs them) with a control that refuses two fusions:

    * into a contraction (a matmul-like `linalg.generic`): the producer's
      body would run once per element of the reduction *and* per output
      column (softmax's `exp` recomputed for every column of P·V), and the
      fused op is no longer recognised as a contraction, so it is not tiled
      nor vectorized;
    * into any op whose indexing map for the fused operand is not a
      permutation (the producer would be evaluated once per broadcast
      element) when the consumer has reduction loops or the producer calls
      a `math` function or divides.

    Only producers with a single use are fused (as upstream's default).
  }];
  let dependentDialects = [
    "::mlir::linalg::LinalgDialect", "::mlir::tensor::TensorDialect",
    "::mlir::affine::AffineDialect", "::mlir::arith::ArithDialect"
  ];
}

def FoldAddsIntoAccumulators
    : Pass<"fold-adds-into-accumulators", "func::FuncOp"> {
  let summary = "A contraction's result plus a tensor: the tensor starts its "
                "accumulator";
  let description = [{
    A residual connection (ResNet's `relu(bn(conv(x)) + x)`, MobileNetV2's
    projection plus its block's input, a transformer's `x + attn(x)`) adds a
    tensor to the result of a contraction or convolution, as an element-wise
    pass that reads both and writes a third buffer. Here the added tensor
    becomes the start of the contraction's accumulator instead:

    * the contraction is any linalg op with reduction loops whose payload
      adds into its init (`out + ...`, as matmul, conv and their generics
      do), its result used once, in its own block (it is never moved into
      a loop or a branch), by
    * an all-parallel `linalg.generic` that reads it through an identity
      map and uses it (block argument `a`) only in one `a + x` (`arith.addf`
      or `arith.addi`, either order), where `x` does not depend on `a`.

    The init becomes a generic computing `init + x` over the output (a
    fill's value, or a cheap broadcast such as a bias computed again in
    it; a zero fill leaves `x` alone), the contraction is
    moved to just before the consumer and accumulates onto it, and the
    consumer uses `a` where it used `a + x`: what is left of it (a ReLU, a
    clip) is an element-wise epilogue of one input, or nothing. The register
    tiles of `cpu-tile-and-vectorize` fuse the new init and start from the
    residual in registers. The sum is taken in another order (the residual
    first): within floating-point rounding of the original.

    Repeated to a fixed point: a bias add and a residual add in one consumer
    both fold.
  }];
  let dependentDialects = [
    "::mlir::linalg::LinalgDialect", "::mlir::tensor::TensorDialect",
    "::mlir::arith::ArithDialect"
  ];
  let statistics = [
    Statistic<"numFolded", "folded", "Adds folded into accumulators">
  ];
}

def FoldConstantTransposes
    : Pass<"fold-constant-transposes", "func::FuncOp"> {
  let summary = "Transpose constant tensors (weights) at compile time";
  let description = [{
    A `linalg.transpose` (or a `linalg.generic` that only permutes) whose
    input is a constant (`dense` or `dense_resource`) is replaced by a new
    `dense_resource` constant holding the permuted data, so that a Gemm with
    `transB = 1` or an ONNX `Transpose` of a weight costs nothing per run.
    No size cap: the work is one copy of the weight at compile time.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
  let statistics = [
    Statistic<"numFolded", "folded", "Constant transposes folded">
  ];
}

def CPUTileAndVectorize : Pass<"cpu-tile-and-vectorize", "func::FuncOp"> {
  let summary = "Tile contractions for threads and registers, then vectorize";
  let description = [{
    CPU code generation for the compute-bound linalg ops (on tensors, before
    bufferization):

    * `linalg.conv_2d_nchw_fchw` is rewritten as im2col + a matmul-like
      contraction (an affine copy, so no index arithmetic per element);
    * every contraction with static loop ranges (matmul, batched matmul,
      Gemm's transposed forms, im2col matmuls) is tiled twice: parallel
      dims into `scf.forall` tiles of `thread-tile-m` x `thread-tile-n`
      (one task per tile, run on the OpenMP threads; smaller where that
      gives fewer than 8 tasks, down to 2^17 multiply-adds a task), then
      into
      register tiles of `reg-tile-m` x `reg-tile-n` x 1 (`scf.for`), which
      are vectorized to `vector.contract` and lowered to outer products /
      FMAs (leading unit dims dropped first), the accumulator tile hoisted
      out of the reduction loop (kept in registers). An n extent that the
      register tile does not divide is split (`linalg::splitOp`) into whole
      tiles and a remainder tiled the same way; no scalar fallback.
    * a 1x1 convolution with unit strides needs no im2col copy, and batch 1
      gives a 2-D contraction;
    * a batch-1 f32 3x3 stride-1 convolution with a constant filter and at
      least `winograd-min-channels` input channels is Winograd F(4x4, 3x3)
      when its output has at least `winograd-large-tile-pixels` pixels,
      else F(2x2, 3x3): the filter transformed at compile time, input and
      output transforms as vector code (blocks of tiles of one tile row),
      the 36 (16) tile positions as 36 (16) contractions tiled like the
      others;
    * a contraction's init that is a fill or a per-channel bias broadcast is
      fused into its task and register tiles (each tile starts from it in
      registers; the output is not filled in memory and read back);
    * every op gets an output of its own: the outputs the rewrites make
      (contraction inits, padded inputs) are `bufferization.alloc_tensor`s
      (CSE merges equal `tensor.empty`s), and an init shared by several ops
      (an empty tensor, or a fill or broadcast of one) is cloned per op, so
      that bufferization writes each in place instead of copying a shared
      buffer; temporaries stay `tensor.empty` and share buffers;
    * a constant B is packed into panels at compile time, a static slice of
      one (the part a split of N leaves) too;
    * with `fuse-epilogues`, an element-wise consumer of a contraction or a
      convolution (one input, identity maps, arith/math payload: ReLU,
      Clip, Sigmoid, ...) is applied by its producer: by each register tile
      after its reduction loop, in registers, and by the depthwise and
      Winograd vector code before each store (no pass over the output);
      where a contraction's tiling stops short, by a copy of the consumer
      on what is left, so it is applied exactly once;
    * a `tensor.pad` with a constant value and static shapes fills only its
      border (one slab per padded side) and has the producing all-parallel
      op (an activation) write the interior in place, else copies the
      source once: no fill of the whole padded tensor;
    * a reduction along the innermost dim that every input walks
      contiguously (softmax's max and sum of exp, normalization moments;
      f32, static shapes, rows of at least one vector) runs one task per
      row (`scf.forall`), the row vectorized in chunks of at most 1024
      elements and reduced by `vector.reduction` (reassociated: a tree of
      vector ops);
    * `linalg.depthwise_conv_2d_nchw_chw` (f32, static shapes, width stride
      at most 4) becomes direct vector code: one task per (n, c) plane,
      per output row blocks of one vector of output columns held in a
      register across the filter taps, each tap one contiguous load of the
      input row (every s-th lane picked by a shuffle for a width stride s)
      and one FMA with the broadcast filter value; a partial last block is
      masked. A zero `tensor.pad` of its input's rows and columns is taken
      into the code (no padded tensor): the border rows drop their taps
      outside the input, the border column blocks shift zeros in (left) or
      mask their reads (right), the interior reads the input as is;
    * 2-D f32 max and sum poolings (ONNX MaxPool's and AveragePool's
      `linalg.generic`: strides and dilations read from its maps) take the
      same vector code, with `maximumf` or `addf` for the FMA and their
      -inf or zero padding taken into the code;
    * window ops (grouped convolutions, other depthwise ones, other
      poolings as `linalg.generic`) get the output's contiguous dim as their innermost
      loop, after the window loops, so that LLVM vectorizes along it.
  }];
  let options = [
    Option<"threadTileM", "thread-tile-m", "int64_t", "64", "Rows per task">,
    Option<"threadTileN", "thread-tile-n", "int64_t", "256", "Cols per task">,
    Option<"regTileM", "reg-tile-m", "int64_t", "0",
           "Register tile rows (0: 8 with 512-bit vectors, else 4)">,
    Option<"regTileN", "reg-tile-n", "int64_t", "0",
           "Register tile columns (0: 32 with 512-bit vectors, else 16)">,
    Option<"vectorBits", "vector-bits", "int64_t", "0",
           "Vector register width of the target (0: this host's, 512 with "
           "AVX-512, else 256)">,
    Option<"kBlock", "k-block", "int64_t", "128",
           "Reduction block of a task (0: none): its register tiles sweep "
           "one block of the reduction in turn, so the block of B stays in "
           "L1 across the task's rows">,
    Option<"kBlockMinPanelBytes", "k-block-min-panel-bytes", "int64_t",
           "262144",
           "Block the reduction only when a register tile's column panel of "
           "B (reduction x tile columns) has more bytes than this (a "
           "smaller one stays in L2 between row tiles)">,
    Option<"kBlockConvolutions", "k-block-convolutions", "bool", "true",
           "Block the reduction of a packed convolution's GEMM (im2col or "
           "Winograd) whatever the size of its panel">,
    Option<"prefetch", "prefetch", "bool", "true",
           "In a blocked reduction, prefetch the next block of B into L2 "
           "while the register tiles compute on this one "
           "(`cpu-hoist-vector-transfers` places the prefetches, after "
           "bufferization)">,
    Option<"packMinBytes", "pack-min-bytes", "int64_t", "1048576",
           "Pack a computed B operand into column panels when it has at least "
           "this many bytes (a constant B is always packed, at compile "
           "time)">,
    Option<"panelTaskMinBytes", "panel-task-min-bytes", "int64_t", "2097152",
           "A contraction over B in column panels whose A has more bytes "
           "than this (about a core's L2) takes tasks of several panels "
           "(thread-tile-n columns), run panel block by panel block, its "
           "register tiles sweeping the panels innermost: A is read once per "
           "panel block, not once per panel (a smaller A stays in L2 between "
           "panels, and a task of one panel keeps its block of B in L1 "
           "across its rows)">,
    Option<"winograd", "winograd", "bool", "true",
           "Batch-1 f32 3x3 stride-1 convolutions with a constant filter as "
           "Winograd F(2x2, 3x3) or F(4x4, 3x3)">,
    Option<"winogradMinChannels", "winograd-min-channels", "int64_t", "32",
           "Fewest input channels for Winograd (its transforms cost about as "
           "much as a short reduction)">,
    Option<"winogradLargeTilePixels", "winograd-large-tile-pixels", "int64_t",
           "784",
           "Fewest output pixels for Winograd F(4x4, 3x3) (each of its "
           "transformed weights, 4x the filter's size, is used by one tile "
           "of 16 pixels; smaller outputs keep F(2x2, 3x3)); 0: never">,
    Option<"fuseEpilogues", "fuse-epilogues", "bool", "true",
           "Apply an element-wise consumer of a contraction or convolution "
           "(ReLU, Clip, ...) in its register tiles before they are stored">,
  ];
  let statistics = [
    Statistic<"numTiled", "tiled", "Contractions tiled and vectorized">,
    Statistic<"numPacked", "packed",
              "Contractions with B packed into column panels">,
    Statistic<"numWindows", "windows",
              "Window ops with the output's last dim made innermost">,
    Statistic<"numRowReductions", "row-reductions",
              "Reductions along the innermost dim vectorized by rows">,
    Statistic<"numPads", "pads",
              "Pads with only the border filled (interior in place)">,
    Statistic<"numDepthwise", "depthwise",
              "Depthwise convolutions as direct vector code">,
    Statistic<"numPools", "pools",
              "Max and sum (average) poolings as direct vector code">,
    Statistic<"numSplit", "split",
              "Contractions split into full register tiles and a remainder">,
    Statistic<"numFusedFills", "fused-fills",
              "Accumulator inits (fills, bias broadcasts) fused into the "
              "tiling">,
    Statistic<"numWinograd", "winograd",
              "3x3 convolutions as Winograd F(2x2, 3x3) or F(4x4, 3x3)">,
    Statistic<"numGrouped", "grouped",
              "Grouped convolutions as an im2col copy and one contraction "
              "per group">,
    Statistic<"numEpilogues", "epilogues",
              "Element-wise consumers applied in registers by their "
              "producer">
  ];
  let dependentDialects = [
    "::mlir::scf::SCFDialect", "::mlir::vector::VectorDialect",
    "::mlir::affine::AffineDialect", "::mlir::tensor::TensorDialect",
    "::mlir::arith::ArithDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::memref::MemRefDialect",
    "::mlir::bufferization::BufferizationDialect"
  ];
}

def CPUHoistVectorTransfers : Pass<"cpu-hoist-vector-transfers",
                                   "func::FuncOp"> {
  let summary = "Sequential loops inside tasks; hoist invariant transfers";
  let description = [{
    After bufferization: a buffer write of a 2-D vector that is 1-D rows
    joined end to end by shuffles and reshaped (`vector.shape_cast`) becomes
    the rows' own 1-D writes again (`cpu-tile-and-vectorize` joins a
    Winograd input transform's rows so that bufferization analyzes one
    tensor write, not a chain of 36); linalg ops inside an `scf.forall`
    task become sequential `scf.for` loops (the parallelism is the tasks'),
    then loop-invariant vector transfers are hoisted out of `scf.for` loops
    that run at least once (upstream `linalg::hoistRedundantVectorTransfers`).

    A register tile's loop over one block of a blocked reduction that
    `cpu-tile-and-vectorize` marked with `tonnx.prefetch_next_block` gets a
    `memref.prefetch` (into L2) of each cache line of its B row in the next
    block, spread over the register tiles that read the block: of their
    T x K iterations (T row tiles, K rows), the i-th prefetches row i / T of
    the next block, so the block streams from memory during the whole
    block's compute rather than in a burst. The address is resolved through
    the row's subviews to the buffer they view, and the start is clamped
    before the loops so that the last block prefetches rows inside that
    buffer (never past its end). The weights of a network stream from
    memory on every inference.

    A register tile's reduction loop that `cpu-tile-and-vectorize` marked
    with `tonnx.unroll_reduction` (a contraction's k loop of at least
    `unroll-reduction` x 2 steps) is unrolled by `unroll-reduction` once its
    accumulators are its iteration arguments (upstream
    `loopUnrollByFactor`; the steps left over run in a loop after it): the
    loop's increment, compare and branch are paid once per
    `unroll-reduction` steps, and the steps' loads issue ahead of the FMAs
    of the step before.
  }];
  let options = [
    Option<"unrollReduction", "unroll-reduction", "int64_t", "4",
           "Unroll factor of the register tiles' reduction loops (1: none)">,
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::vector::VectorDialect",
                           "::mlir::scf::SCFDialect"];
}

def CPUParallelCopies : Pass<"cpu-parallel-copies", "func::FuncOp"> {
  let summary = "Buffer copies as linalg.copy, so they run as parallel loops";
  let description = [{
    After bufferization, a `memref.copy` (a padded input's interior, a
    result moved into place, a strided view made dense) lowers to a call of
    `memcpy` or of the runtime's `memrefCopy` on one thread, while the other
    threads wait. This pass rewrites every copy of at least `min-elements`
    elements (or of a dynamic size) as `linalg.copy`, which
    `convert-linalg-to-parallel-loops` turns into parallel, vectorizable loops.
    A copy between two contiguous buffers of static shape (a feature map
    into its channels of a concatenation) becomes instead a parallel loop
    over up to 16 equal chunks, each a `memref.copy` of contiguous 1-D
    views (a memcpy): as a loop nest, each such copy was ~350 lines of
    LLVM IR, most of DenseNet's code.
  }];
  let options = [
    Option<"minElements", "min-elements", "int64_t", "4096",
           "Copies with fewer (static) elements stay memref.copy">,
  ];
  let statistics = [
    Statistic<"numCopies", "copies", "Copies made parallel loops">,
    Statistic<"numContiguous", "contiguous",
              "Contiguous copies made parallel memcpy chunks">
  ];
  let dependentDialects = ["::mlir::linalg::LinalgDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::arith::ArithDialect"];
}

def CPUCollapseElementwiseDims
    : Pass<"cpu-collapse-elementwise-dims", "func::FuncOp"> {
  let summary = "Element-wise loops over contiguous trailing dims as one loop";
  let description = [{
    After bufferization, an all-parallel `linalg.generic` or `linalg.copy`
    whose operands all use identity indexing maps runs as one loop per dim,
    and LLVM vectorizes only the innermost: on a [1, 384, 14, 14] activation
    that is 14 elements (a vector and a masked remainder per row). Where
    every operand's buffer is contiguous over the dims after the first
    non-unit one (a fresh buffer, not a window of a padded one), those dims
    are collapsed into one (`linalg::collapseOpIterationDims`): [1, 384, 196].
    The first non-unit dim stays apart, for the parallel loop.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect",
                           "::mlir::memref::MemRefDialect"];
  let statistics = [
    Statistic<"numCollapsed", "collapsed", "Element-wise ops collapsed">
  ];
}

def CPUApproximateMath : Pass<"cpu-approximate-math", "func::FuncOp"> {
  let summary = "f32 exp/tanh/erf/log as polynomials LLVM can vectorize";
  let description = [{
    Upstream's polynomial approximations
    (`populateMathPolynomialApproximationPatterns`) for the f32 forms of
    `exp`, `expm1`, `log`, `log1p`, `log2`, `tanh` and `erf`, instead of
    scalar libm calls (which keep every loop that contains one — softmax,
    GELU, sigmoid, tanh — from being vectorized). Pure arith, within a few
    ulp of libm; inf, NaN and the overflow/underflow ranges are handled by
    the approximations. f64 stays libm. The approximations' `math.fma`
    becomes a contractable `arith.mulf` + `arith.addf` (FMA instructions in
    vectorized loops; `convert-math-to-libm` would call `fmaf` per lane).
    On in the default pipeline (`approximate-math=0` turns it off): with
    the row reductions vectorized by `cpu-tile-and-vectorize`, softmax's
    sum of exp runs as vector code (a TransformerEncoderLayer 1.6x faster;
    native conformance unchanged at rtol 1e-3).
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::vector::VectorDialect"
  ];
}

def CPUOuterParallelLoops : Pass<"cpu-outer-parallel-loops", "func::FuncOp"> {
  let summary = "Run one dim of each multi-dim scf.parallel on threads";
  let description = [{
    A multi-dimensional `scf.parallel` (what `convert-linalg-to-parallel-loops`
    makes of an N-d elementwise op) would become one collapsed OpenMP loop
    whose every iteration recomputes its N indices with divisions, which
    defeats vectorization. This pass keeps the first dimension with more than
    one iteration parallel and turns the others into `scf.for` loops inside
    it (in their original order, so the innermost loop still walks
    contiguous memory). A grid of tasks (at least 1024 operations per
    iteration: an outlined task body, a tile's loop nest) is the exception:
    its dims are collapsed into one parallel loop over all of its tiles
    (`scf::collapseParallelLoops`; the divisions run once per task), so
    that a 3x3 grid gives the threads 9 tasks, not 3.

    Only one level runs in parallel: an `scf.parallel` nested in another one
    (a linalg op left inside a task, the parallel dims under a reduction
    loop) becomes `scf.for` loops, so OpenMP never forks inside a parallel
    region. A loop nest whose estimated work (operations executed, loops
    multiplied out) is below `min-parallel-work` runs sequentially too: a
    fork/join costs more than it saves there.

    Such a small nest that only stores a value computed outside it (a
    `linalg.fill` of a padded buffer's border) gets an `llvm.loop_annotation`
    that disables LLVM's unrolling and vectorization (see
    `forward-loop-annotations`): resnet18 has 70 of them, which LLVM made
    into 1200 memsets and 1200 scatters, a third of its code.

    When the parallel dim has fewer than 8 trips and two more dims follow
    with more than one (an image's 3 channels copied into its padded
    buffer), it is collapsed with the next one into the parallel loop (3 x
    224 rows), and the innermost loop stays an `scf.for` to vectorize.
  }];
  let dependentDialects = ["::mlir::scf::SCFDialect",
                           "::mlir::LLVM::LLVMDialect",
                           "::mlir::affine::AffineDialect",
                           "::mlir::arith::ArithDialect"];
  let options = [
    Option<"minParallelWork", "min-parallel-work", "int64_t", "16384",
           "Loop nests with less estimated work run on the calling thread">,
  ];
  let statistics = [
    Statistic<"numSequentialized", "sequentialized",
              "Nested parallel loops made sequential">,
    Statistic<"numSmall", "small", "Small parallel loop nests made sequential">,
    Statistic<"numPlainFills", "plain-fills",
              "Small fills kept from LLVM's unrolling and vectorization">,
    Statistic<"numCollapsedGrids", "collapsed-grids",
              "Task grids shared out as one parallel loop over their tiles">,
    Statistic<"numCollapsedRows", "collapsed-rows",
              "Loop nests whose parallel dim of few trips takes the next dim">
  ];
}

def ForwardLoopAnnotations : Pass<"forward-loop-annotations"> {
  let summary = "Loop annotations forwarded as discardable attributes onto "
                "the LLVM branches";
  let description = [{
    `convert-scf-to-cf` moves an `scf.for`'s `llvm.loop_annotation` onto the
    loop's branch, and `convert-cf-to-llvm` copies it onto the `llvm.br` /
    `llvm.cond_br` as it is: a discardable attribute, which the translation
    to LLVM IR ignores. This pass makes it the branch's `loop_annotation`
    (the `!llvm.loop` metadata). Run it after `convert-cf-to-llvm`.
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
  let statistics = [
    Statistic<"numForwarded", "forwarded", "Loop annotations forwarded">
  ];
}

def CPUMergeParallelRegions
    : Pass<"cpu-merge-parallel-regions", "func::FuncOp"> {
  let summary = "Consecutive OpenMP parallel regions as one";
  let description = [{
    `convert-scf-to-openmp` gives every parallel loop its own
    `omp.parallel`: one fork and one join of the thread team per op
    (mobilenet_v2: 114 per inference). This pass merges consecutive
    regions of a block that each share out one loop (an `omp.wsloop`
    without `nowait` or reductions, no clause on the region) into the first
    of them: its loops then run one after the other in one region, each
    ending in the barrier of its worksharing loop, so the team forks once.
    The ops between two such regions must have no memory effect and no
    region (constants, views of buffers): they move above the first one.
    Anything else between them (a call, a loop on the calling thread)
    starts a new group.
  }];
  let dependentDialects = ["::mlir::omp::OpenMPDialect"];
  let statistics = [
    Statistic<"numMerged", "merged",
              "Parallel regions merged into the one before them">
  ];
}

def PlanStaticBuffers : Pass<"plan-static-buffers", "func::FuncOp"> {
  let summary = "Static temporary buffers share one arena, placed by liveness";
  let description = [{
    Ownership-based deallocation frees every buffer at the end of its block,
    so all of a network's temporaries are live at once: mobilenet_v2 touched
    29 MB of fresh buffers per inference, where 8 MB are live at any time,
    and each layer wrote its output to memory that was not in the caches.

    This pass gives every `memref.alloc` at the top of a single-block
    function that has a static shape, an identity layout and a byte-sized
    element type, and that the same block frees with `memref.dealloc`, a
    place in one arena: a `memref.view` at a constant offset in a single
    `i8` buffer allocated at the function's start and freed before its
    return. A buffer is live from its allocation to the last top-level op
    that uses it or a view of it (an op with regions counts as a whole);
    buffers whose live ranges do not overlap share bytes. Offsets are
    assigned largest buffer first, each at the lowest aligned offset that
    no overlapping buffer occupies.

    A buffer is left as it is when a use could outlive the live range: it or
    a view of it is returned, deallocated elsewhere, passed into a region as
    a memref block argument, or turned into a pointer.

    Runs after the passes that tell buffers apart by their allocation
    (`promote-loop-accumulators`): views of one arena share a root.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect"];
  let statistics = [
    Statistic<"numPlanned", "planned", "Buffers placed in the arena">,
    Statistic<"numBytesBefore", "bytes-before",
              "Bytes of the buffers placed, added up">,
    Statistic<"numArenaBytes", "arena-bytes", "Bytes of the arena">
  ];
}

def LowerRuntimeChecks : Pass<"lower-runtime-checks", "ModuleOp"> {
  let summary = "Lower cf.assert to calls of the runtime's tonnx_check_failed";
  let description = [{
    The run-time checks the ONNX lowerings generate (indices in range, shapes
    that must agree, integer divisors that must not be zero, sizes that must
    be allocatable) are `cf.assert`s. Upstream's lowering prints their
    message on stdout and aborts; this pass replaces each with a branch to a
    call of `tonnx_check_failed(msg)` from the native runtime, which makes
    `tonnx_invoke` (the JIT runner, compiled libraries) return an error with
    the message, or prints it on stderr. With `drop=true` the checks are
    erased instead (faster code that trusts its inputs). Runs before
    `convert-cf-to-llvm`.
  }];
  let options = [
    Option<"drop", "drop", "bool", "false",
           "Erase the checks instead of lowering them">,
  ];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect",
                           "::mlir::cf::ControlFlowDialect"];
}


def CPUOutlineTasks : Pass<"cpu-outline-tasks", "ModuleOp"> {
  let summary = "Task bodies as functions, one per distinct body";
  let description = [{
    The body of each `scf.forall` at the top of a function (a tiled
    contraction, convolution or Winograd stage after bufferization) becomes
    a private function, called from the loop with the induction variables
    and the buffers the body uses. Constants are cloned into it, so the
    function's arguments are the data (weights included): two convolutions
    of the same shape with different weights have equal bodies, and every
    body equal to an earlier one is erased and its loop calls the earlier
    function. The passes after this one and LLVM then lower and compile
    each distinct body once (resnet18: 20 convolutions, 10 distinct).

    A loop with less estimated work than `min-work` is left as it is
    (`cpu-outer-parallel-loops` runs it on the calling thread, and counts a
    call as a task's work). The outlined functions carry `tonnx.task`:
    `cpu-outer-parallel-loops` makes every parallel loop in them sequential.

    Runs after bufferization and before the vector code is unrolled
    (`convert-vector-to-scf{full-unroll}`), where it is still small.
  }];
  let dependentDialects = ["::mlir::func::FuncDialect",
                           "::mlir::LLVM::LLVMDialect"];
  let options = [
    Option<"minWork", "min-work", "int64_t", "16384",
           "Loops with less estimated work (cpu-outer-parallel-loops' "
           "min-parallel-work) are not outlined">,
  ];
  let statistics = [
    Statistic<"numOutlined", "outlined", "Task bodies outlined">,
    Statistic<"numShared", "shared", "Task bodies equal to an earlier one">
  ];
}

def CaptureGlobalAddresses : Pass<"capture-global-addresses", "ModuleOp"> {
  let summary = "Parallel regions read global addresses from their captures";
  let description = [{
    LLVM outlines each `omp.parallel` region into a function of its own and
    passes it the values the region uses from outside; a global's address is
    a constant, so it is not passed but written into the body. Two
    convolutions of the same shape with different weights then outline to
    two functions that differ only in the weight global they name, and both
    are optimized and compiled (resnet18 has 20 convolutions and 10
    different ones).

    This pass gives each global address used in a parallel region an opaque
    copy before the region (an empty `llvm.inline_asm` that returns its
    operand), which LLVM cannot see through: the region captures the
    address like any other value, and regions that differ only in the
    globals they read outline to identical functions, which LLVM's
    MergeFunctions folds into one before they are optimized. Runs on the
    LLVM dialect, after `convert-openmp-to-llvm`.
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
  let statistics = [
    Statistic<"numCaptured", "captured",
              "Global addresses captured by parallel regions">
  ];
}


//===----------------------------------------------------------------------===//
// CUDA target (--onnx-to-nvvm-pipeline)
//===----------------------------------------------------------------------===//

def CUDAManagedBuffers : Pass<"cuda-managed-buffers", "ModuleOp"> {
  let summary = "Put the buffers kernels touch in CUDA managed memory";
  let description = [{
    After bufferization and deallocation, for the CUDA target:

    * every `memref.alloc` becomes `gpu.alloc host_shared` (managed memory:
      kernels and the host code between them see the same pointer), except
      buffers that only host code reads and writes element by element
      (deallocation bookkeeping);
    * every `memref.dealloc` becomes a `gpu.dealloc` (the runtime frees host
      pointers it did not allocate with `free`);
    * the inputs of public functions are copied into managed buffers on
      entry, and their results are copied into ordinary host buffers before
      returning, so callers pass and receive plain host memory;
    * copies between buffers become `linalg.copy` (kernels, not host
      loops);
    * constant `memref.global`s are listed in the module attribute
      `torch_onnx.cuda_constants` for `cuda-device-constants`.
  }];
  let dependentDialects = ["::mlir::gpu::GPUDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::memref::MemRefDialect"];
}

def GPUTileParallelLoops : Pass<"gpu-tile-parallel-loops", "func::FuncOp"> {
  let summary = "Tile scf.parallel nests into blocks and threads";
  let description = [{
    Tiles each outermost `scf.parallel` (what
    `convert-linalg-to-parallel-loops` makes of a linalg op: one dimension
    per parallel iterator, reductions as `scf.for` inside) so that a tile
    holds at most `block-size` iterations, and attaches the
    `mapping` attribute `convert-parallel-loops-to-gpu` reads: the innermost
    dimension goes to `x` (consecutive threads touch consecutive elements),
    the next ones to `y` and `z`, tiles to blocks and iterations within a
    tile to threads; dimensions beyond three, and block dimensions that
    could exceed the grid limits, run sequentially in each thread. Tiles are
    guarded (`scf.if`), not clamped, so block sizes stay constant.
  }];
  let options = [
    Option<"blockSize", "block-size", "int64_t", "256",
           "Threads per block (at most)">,
  ];
  let dependentDialects = ["::mlir::gpu::GPUDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::affine::AffineDialect"];
}

def PromoteLoopAccumulators : Pass<"promote-loop-accumulators",
                                   "func::FuncOp"> {
  let summary = "Carry reduction accumulators in registers across scf.for";
  let description = [{
    `convert-linalg-to-parallel-loops` lowers a reduction (matmul, conv,
    reduce) to an `scf.for` whose body loads the output element, updates it
    and stores it back on every iteration; the backend cannot keep it in a
    register because the store might alias the loop's other loads. When a
    loop loads and stores exactly one element of a buffer at loop-invariant
    indices, and every other buffer the loop reads or writes provably comes
    from a different allocation (or a constant global), the element is
    loaded once before the loop, carried as an `iter_args` value and stored
    once after it. Innermost loops first, so nests (convolution windows)
    promote all the way out.
  }];
  let dependentDialects = ["::mlir::scf::SCFDialect",
                           "::mlir::memref::MemRefDialect"];
}

def CUDADeviceConstants : Pass<"cuda-device-constants", "ModuleOp"> {
  let summary = "Read weights through device copies made once per process";
  let description = [{
    On the LLVM dialect (host code): each address of a constant global
    listed in `torch_onnx.cuda_constants` becomes a call
    `tonnx_cuda_constant(address, bytes)`, which returns a managed-memory
    copy made on first use and cached by the runtime, so the weights move
    to the GPU once instead of on every run.
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

#endif // TORCH_ONNX_TRANSFORMS_PASSES
