//===- Pipelines.h - the named pass pipelines -------------------*- C++ -*-===//
//
// Every pipeline torch-onnx runs, in one place: torch -> onnx (export),
// onnx -> LLVM (CPU, JIT/AOT) and onnx -> NVVM (CUDA). Each is registered
// with torch-onnx-opt (--torch-to-onnx-pipeline, --onnx-to-llvm-pipeline,
// --onnx-to-nvvm-pipeline) and built from the same text the drivers use.
//
//===----------------------------------------------------------------------===//

#ifndef TORCH_ONNX_PIPELINES_PIPELINES_H
#define TORCH_ONNX_PIPELINES_PIPELINES_H

#include "torch-onnx/Dialect/ONNX/IR/Opset.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"
#include "mlir/Pass/PassRegistry.h"

#include <string>

namespace mlir::torch_onnx {
/// Options of the torch -> onnx pipeline (--torch-to-onnx-pipeline).
struct TorchToONNXPipelineOptions
    : public PassPipelineOptions<TorchToONNXPipelineOptions> {
  Option<int64_t> opset{*this, "opset", llvm::cl::desc("Target opset (9..17)"),
                        llvm::cl::init(ONNX::kDefaultOpset)};
  Option<bool> foldConstants{
      *this, "fold-constants",
      llvm::cl::desc("Fold constant subgraphs (do_constant_folding)"),
      llvm::cl::init(true)};
  Option<bool> fallthrough{
      *this, "fallthrough",
      llvm::cl::desc("Keep unsupported ops as org.pytorch.aten nodes"),
      llvm::cl::init(false)};
  Option<int64_t> foldSizeLimit{
      *this, "fold-size-limit",
      llvm::cl::desc("Largest tensor (elements) constant folding creates"),
      llvm::cl::init(1 << 22)};
};

/// value semantics -> type refinement -> torch-to-onnx -> folding/cleanup.
void buildTorchToONNXPipeline(OpPassManager &pm,
                              const TorchToONNXPipelineOptions &options);
void registerTorchToONNXPipeline();

/// Options of the onnx -> LLVM pipeline (--onnx-to-llvm-pipeline).
struct ONNXToLLVMPipelineOptions
    : public PassPipelineOptions<ONNXToLLVMPipelineOptions> {
  Option<bool> openmp{*this, "openmp",
                      llvm::cl::desc("Run parallel loops with OpenMP threads"),
                      llvm::cl::init(true)};
  Option<bool> vectorize{
      *this, "vectorize",
      llvm::cl::desc("Tile and vectorize contractions and convolutions"),
      llvm::cl::init(true)};
  Option<bool> runtimeChecks{
      *this, "runtime-checks",
      llvm::cl::desc("Generate run-time checks of indices, shapes, divisors "
                     "and sizes (an error instead of undefined behaviour)"),
      llvm::cl::init(true)};
  Option<bool> approximateMath{
      *this, "approximate-math",
      llvm::cl::desc("f32 exp/log/tanh/erf as polynomial approximations "
                     "(cpu-approximate-math) that vectorize, instead of "
                     "scalar libm calls"),
      llvm::cl::init(true)};
  Option<int64_t> vectorBits{
      *this, "vector-bits",
      llvm::cl::desc("Vector register width of the target CPU in bits, for "
                     "the register tiles (0: this host's)"),
      llvm::cl::init(0)};
};

/// onnx -> linalg -> bufferized loops (OpenMP) -> LLVM dialect.
void buildONNXToLLVMPipeline(OpPassManager &pm,
                             const ONNXToLLVMPipelineOptions &options);
/// The pipeline's two stages as textual pass pipelines: onnx -> linalg
/// (constant folding + conversion), then linalg -> LLVM dialect.
std::string getONNXToLinalgStageText();
std::string getLinalgToLLVMStageText(const ONNXToLLVMPipelineOptions &options);
void registerONNXToLLVMPipeline();

/// Options of the onnx -> NVVM pipeline (--onnx-to-nvvm-pipeline): CUDA
/// kernels in a GPU binary plus host code in the LLVM dialect that calls
/// the mgpu* runtime.
struct ONNXToNVVMPipelineOptions
    : public PassPipelineOptions<ONNXToNVVMPipelineOptions> {
  Option<std::string> chip{*this, "chip",
                           llvm::cl::desc("GPU architecture (sm_XY[a])"),
                           llvm::cl::init("sm_90")};
  Option<std::string> format{
      *this, "format",
      llvm::cl::desc("GPU binary: auto (fatbin when the CUDA toolkit has "
                     "ptxas and fatbinary, else bin or isa), fatbin (cubin + "
                     "PTX), bin (cubin), isa (PTX, compiled by the driver) "
                     "or offloading (LLVM IR)"),
      llvm::cl::init("auto")};
  Option<std::string> toolkit{
      *this, "toolkit",
      llvm::cl::desc("CUDA toolkit (ptxas, fatbinary, libdevice); default: "
                     "$CUDA_ROOT, /usr/local/cuda"),
      llvm::cl::init("")};
  Option<int64_t> optLevel{*this, "O",
                           llvm::cl::desc("Optimization level of the GPU code"),
                           llvm::cl::init(3)};
  Option<int64_t> blockSize{*this, "block-size",
                            llvm::cl::desc("Threads per block (at most)"),
                            llvm::cl::init(256)};
};

/// onnx -> linalg -> managed buffers -> GPU kernels (NVVM, binary) + host
/// code (LLVM dialect).
LogicalResult
buildONNXToNVVMPipeline(OpPassManager &pm,
                        const ONNXToNVVMPipelineOptions &options,
                        function_ref<LogicalResult(const Twine &)> error);
/// Resolves format=auto (fatbin with a toolkit, else isa) and checks the
/// chip and format; `error` receives the message.
LogicalResult
resolveNVVMPipelineOptions(ONNXToNVVMPipelineOptions &options,
                           function_ref<LogicalResult(const Twine &)> error);
/// The second stage (linalg -> GPU binary + LLVM dialect) as text.
std::string getLinalgToNVVMStageText(const ONNXToNVVMPipelineOptions &options);
/// Checks a chip name against the NVPTX backend ("sm_90"); returns an
/// error message naming the valid ones, or "" when valid.
std::string checkCUDAChip(llvm::StringRef chip);
/// The CUDA toolkit gpu-module-to-binary uses (libdevice, ptxas,
/// fatbinary): `toolkit` if set, else $CUDA_ROOT, $CUDA_HOME, $CUDA_PATH or
/// /usr/local/cuda, the first with nvvm/libdevice; "" when none.
std::string findCUDAToolkit(llvm::StringRef toolkit = "");
void registerONNXToNVVMPipeline();

/// Registers the three pipelines above.
void registerPipelines();
} // namespace mlir::torch_onnx

#endif // TORCH_ONNX_PIPELINES_PIPELINES_H
