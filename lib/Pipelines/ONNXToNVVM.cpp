//===- ONNXToNVVM.cpp - --onnx-to-nvvm-pipeline ---------------------------===//
//
// onnx -> linalg (the CPU pipeline's first stage), bufferization with
// ownership-based deallocation, managed buffers, linalg -> scf.parallel ->
// gpu.launch (blocks x threads), kernel outlining, NVVM for the chip, host
// code to the LLVM dialect calling the mgpu* runtime (runtime/), and the
// kernels serialized by gpu-module-to-binary (cubin/fatbin through the CUDA
// toolkit's ptxas when present, PTX otherwise). Upstream passes apart from
// cuda-managed-buffers, gpu-tile-parallel-loops and cuda-device-constants.
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Conversion/Passes.h"
#include "torch-onnx/Pipelines/Pipelines.h"
#include "torch-onnx/Transforms/Passes.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Triple.h"

#include <cstdlib>

using namespace mlir;

std::string torch_onnx::checkCUDAChip(StringRef chip) {
  llvm::InitializeAllTargetInfos();
  llvm::InitializeAllTargetMCs();
  llvm::Triple triple("nvptx64-nvidia-cuda");
  std::string err;
  const llvm::Target *target = llvm::TargetRegistry::lookupTarget(triple, err);
  if (!target)
    return "this LLVM has no NVPTX backend: " + err;
  // The generic subtarget answers for every chip without warning about
  // unknown ones.
  std::unique_ptr<llvm::MCSubtargetInfo> sti(
      target->createMCSubtargetInfo(triple, "", ""));
  if (!sti)
    return "cannot query the NVPTX backend's chips";
  if (chip.starts_with("sm_") && sti->isCPUStringValid(chip))
    return "";
  // sm_20 ... sm_121f in numeric order.
  auto number = [](StringRef c) {
    unsigned n = 0;
    c.drop_front(3).consumeInteger(10, n);
    return n;
  };
  SmallVector<StringRef> chips;
  for (const llvm::SubtargetSubTypeKV &kv : sti->getAllProcessorDescriptions())
    if (StringRef(kv.Key).starts_with("sm_"))
      chips.push_back(kv.Key);
  llvm::stable_sort(chips, [&](StringRef a, StringRef b) {
    return std::make_pair(number(a), a) < std::make_pair(number(b), b);
  });
  return "unsupported CUDA chip '" + chip.str() +
         "'; valid chips: " + llvm::join(chips, ", ");
}

static bool hasFile(StringRef dir, ArrayRef<StringRef> parts) {
  SmallString<256> p(dir);
  for (StringRef part : parts)
    llvm::sys::path::append(p, part);
  return llvm::sys::fs::exists(p);
}

std::string torch_onnx::findCUDAToolkit(StringRef toolkit) {
  auto usable = [](StringRef dir) {
    return hasFile(dir, {"nvvm", "libdevice", "libdevice.10.bc"});
  };
  if (!toolkit.empty())
    return usable(toolkit) ? toolkit.str() : "";
  for (const char *env : {"CUDA_ROOT", "CUDA_HOME", "CUDA_PATH"})
    if (const char *v = std::getenv(env); v && *v && usable(v))
      return v;
  return usable("/usr/local/cuda") ? "/usr/local/cuda" : "";
}

std::string
torch_onnx::getLinalgToNVVMStageText(const ONNXToNVVMPipelineOptions &o) {
  std::string toolkit = findCUDAToolkit(o.toolkit);
  std::string s;
  llvm::raw_string_ostream os(s);
  os << "canonicalize,cse,func.func(linalg-fuse-elementwise-ops),"
        "canonicalize,cse,"
        "one-shot-bufferize{bufferize-function-boundaries "
        "function-boundary-type-conversion=identity-layout-map},"
        "canonicalize,buffer-deallocation-pipeline,"
        "convert-bufferization-to-memref,"
        "cuda-managed-buffers,canonicalize,cse,"
        "func.func(convert-linalg-to-parallel-loops,"
        "gpu-tile-parallel-loops{block-size="
     << o.blockSize
     << "},promote-loop-accumulators,convert-parallel-loops-to-gpu),"
        "canonicalize,"
        "gpu-kernel-outlining,"
        "nvvm-attach-target{chip="
     << o.chip << " O=" << o.optLevel
     << "},"
        "lower-affine,expand-strided-metadata,lower-affine,"
        "convert-scf-to-cf,"
        "gpu.module(convert-gpu-to-nvvm),convert-nvvm-to-llvm,"
        "convert-math-to-libm,convert-math-to-llvm,convert-arith-to-llvm,"
        "convert-index-to-llvm,finalize-memref-to-llvm,convert-cf-to-llvm,"
        "convert-ub-to-llvm,convert-func-to-llvm,"
        "gpu-to-llvm,reconcile-unrealized-casts,canonicalize,cse,"
        "cuda-device-constants,"
        "gpu-module-to-binary{format="
     << o.format;
  if (!toolkit.empty())
    os << " toolkit=" << toolkit;
  os << "}";
  return s;
}

/// Resolves format=auto and checks what the options ask for: a chip the
/// NVPTX backend knows, a binary format this machine can produce.
static LogicalResult
resolveOptions(torch_onnx::ONNXToNVVMPipelineOptions &o,
               function_ref<LogicalResult(const Twine &)> error) {
  std::string chipErr = torch_onnx::checkCUDAChip(o.chip);
  if (!chipErr.empty())
    return error(chipErr);
  // libdevice (math functions in kernels) always comes from the toolkit;
  // ptxas and fatbinary make cubins and fatbins.
  std::string toolkit = torch_onnx::findCUDAToolkit(o.toolkit);
  if (toolkit.empty())
    return error("the CUDA target needs a CUDA toolkit (libdevice; ptxas for "
                 "cubin): none found " +
                 (o.toolkit.empty()
                      ? std::string("at $CUDA_ROOT, $CUDA_HOME, $CUDA_PATH or "
                                    "/usr/local/cuda")
                      : "at '" + o.toolkit + "'") +
                 "; install one or name it with --cuda-toolkit");
  bool havePtxas = hasFile(toolkit, {"bin", "ptxas"});
  bool haveFatbinary = hasFile(toolkit, {"bin", "fatbinary"});
  if (o.format == "auto")
    o.format = havePtxas && haveFatbinary ? "fatbin"
               : havePtxas                ? "bin"
                                          : "isa";
  if (!llvm::is_contained({"fatbin", "bin", "isa", "offloading", "llvm"},
                          StringRef(o.format)))
    return error("unknown GPU binary format '" + o.format +
                 "'; use auto, fatbin, bin, isa or offloading");
  if ((o.format == "fatbin" || o.format == "bin") && !havePtxas)
    return error("format=" + o.format +
                 " needs ptxas, which the CUDA toolkit "
                 "at '" +
                 toolkit +
                 "' lacks; use format=isa to emit PTX for the driver to "
                 "compile");
  if (o.format == "fatbin" && !haveFatbinary)
    return error("format=fatbin needs fatbinary, which the CUDA toolkit at '" +
                 toolkit + "' lacks; use format=bin or isa");
  return success();
}

LogicalResult torch_onnx::buildONNXToNVVMPipeline(
    OpPassManager &pm, const ONNXToNVVMPipelineOptions &o,
    function_ref<LogicalResult(const Twine &)> error) {
  ONNXToNVVMPipelineOptions resolved;
  resolved.copyOptionValuesFrom(o);
  if (failed(resolveOptions(resolved, error)))
    return failure();
  return parsePassPipeline(getONNXToLinalgStageText() + "," +
                               getLinalgToNVVMStageText(resolved),
                           pm, llvm::errs());
}

LogicalResult torch_onnx::resolveNVVMPipelineOptions(
    ONNXToNVVMPipelineOptions &o,
    function_ref<LogicalResult(const Twine &)> error) {
  return resolveOptions(o, error);
}

void torch_onnx::registerONNXToNVVMPipeline() {
  registerPassPipeline(
      "onnx-to-nvvm-pipeline",
      "Lower the onnx dialect to CUDA kernels (a gpu.binary for the chip) "
      "and host code in the LLVM dialect calling the mgpu* runtime",
      [](OpPassManager &pm, StringRef text,
         function_ref<LogicalResult(const Twine &)> error) {
        ONNXToNVVMPipelineOptions options;
        if (failed(options.parseFromString(text)))
          return failure();
        return buildONNXToNVVMPipeline(pm, options, error);
      },
      [](function_ref<void(const detail::PassOptions &)> handler) {
        handler(ONNXToNVVMPipelineOptions());
      });
}
