//===- Execution.cpp - compile ONNX models to native code -----------------===//

#include "torch-onnx/Execution/Execution.h"

#include "torch-onnx/Dialect/ONNX/IR/ONNXDialect.h"
#include "torch-onnx/InitAll.h"
#include "torch-onnx/Runtime.h"
#include "torch-onnx/Support/ConstantData.h"
#include "torch-onnx/Target/ONNX/ONNXCommon.h"
#include "torch-onnx/Target/ONNX/ONNXTranslation.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/Timing.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/ManagedStatic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/TargetParser/Host.h"

#include <cstdlib>
#include <cstring>

using namespace mlir;
using namespace mlir::torch_onnx;

/// The passes, registered once per process (the pipelines parse their
/// text against the registry; the command line lists them).
static void registerPassesOnce() {
  static const bool registered = (registerAllPasses(), true);
  (void)registered;
}

static DialectRegistry nativeToolRegistry() {
  DialectRegistry registry;
  registerAllDialects(registry);
  registerAllToLLVMIRTranslations(registry);
  registerPassesOnce();
  return registry;
}

NativeToolContext::NativeToolContext()
    : context(nativeToolRegistry()), diagnostics(sourceMgr, &context) {
  context.loadAllAvailableDialects();
}

OwningOpRef<ModuleOp> torch_onnx::loadModel(StringRef path, MLIRContext *ctx) {
  if (path.ends_with(".mlir")) {
    llvm::SourceMgr sm;
    std::string err;
    auto buf = llvm::MemoryBuffer::getFileOrSTDIN(path);
    if (!buf) {
      emitError(UnknownLoc::get(ctx))
          << "cannot read '" << path << "': " << buf.getError().message();
      return {};
    }
    sm.AddNewSourceBuffer(std::move(*buf), llvm::SMLoc());
    return parseSourceFile<ModuleOp>(sm, ctx);
  }
  return ONNX::importModelFile(path, ctx);
}

static func::FuncOp findEntry(ModuleOp m) {
  func::FuncOp first;
  for (auto f : m.getOps<func::FuncOp>()) {
    if (f.isExternal() || f.isPrivate())
      continue;
    if (f.getSymName() == ONNX::attr::kMainGraph)
      return f;
    if (!first)
      first = f;
  }
  return first;
}

static TensorSpec specOf(Type t, StringRef name) {
  TensorSpec s;
  s.name = name.str();
  if (auto st = dyn_cast<ShapedType>(t)) {
    s.dtype = ONNX::getDataType(st.getElementType());
    if (st.hasRank())
      for (int64_t d : st.getShape())
        s.shape.push_back(ShapedType::isDynamic(d) ? -1 : d);
  }
  return s;
}

namespace {
struct VerifyOptions {
  llvm::cl::opt<bool> verifyEach{
      "verify-each",
      llvm::cl::desc("Verify the IR after each pass of the lowering (by "
                     "default once, after each stage: per pass it is a "
                     "quarter of resnet18's MLIR time)"),
      llvm::cl::init(false)};
};
} // namespace
static llvm::ManagedStatic<VerifyOptions> verifyOptions;

/// Whether the lowering's pass managers verify the IR after every pass;
/// otherwise lowerModelToLLVM verifies it once after each stage.
static bool verifyEachPass() {
  return verifyOptions.isConstructed() && verifyOptions->verifyEach;
}

void torch_onnx::registerCommandLinePassOptions() {
  *verifyOptions;
  // --mlir-print-ir-after=<pass> and friends list the registered passes.
  registerPassesOnce();
  registerPassManagerCLOptions();
  registerDefaultTimingManagerCLOptions();
  registerMLIRContextCLOptions();
  registerAsmPrinterCLOptions();
}

LogicalResult torch_onnx::applyCommandLinePassOptions(PassManager &pm) {
  return applyPassManagerCLOptions(pm);
}

FailureOr<ModelSignature> torch_onnx::lowerModelToLLVM(
    ModuleOp module, const ONNXToLLVMPipelineOptions &options,
    const ONNXToNVVMPipelineOptions *cuda,
    function_ref<LogicalResult(PassManager &)> configure, TimingScope *timing) {
  MLIRContext *ctx = module.getContext();
  func::FuncOp entry = findEntry(module);
  if (!entry)
    return module.emitError("the model has no public function to run"),
           failure();
  // Graph inputs with an initializer (old exporters list the weights as
  // inputs) are the weights: they become constants, not run-time inputs.
  {
    OpBuilder b(entry.getBody());
    llvm::BitVector erase(entry.getNumArguments());
    for (unsigned k = 0; k < entry.getNumArguments(); ++k) {
      auto init =
          entry.getArgAttrOfType<ElementsAttr>(k, ONNX::attr::kInitializer);
      if (!init)
        continue;
      auto name = entry.getArgAttrOfType<StringAttr>(k, ONNX::attr::kName);
      Value c = ONNX::InitializerOp::create(
          b, entry.getLoc(), entry.getArgument(k).getType(),
          name ? name : b.getStringAttr("init_" + Twine(k)), init);
      entry.getArgument(k).replaceAllUsesWith(c);
      erase.set(k);
    }
    if (erase.any() && failed(entry.eraseArguments(erase)))
      return failure();
  }
  ModelSignature sig;
  sig.entry = entry.getSymName().str();
  FunctionType ft = entry.getFunctionType();
  for (auto [k, t] : llvm::enumerate(ft.getInputs())) {
    auto name = entry.getArgAttrOfType<StringAttr>(k, ONNX::attr::kName);
    sig.inputs.push_back(
        specOf(t, name ? name.getValue() : ("input_" + Twine(k)).str()));
    if (!isa<TensorType>(t) || !sig.inputs.back().dtype)
      return emitError(entry.getLoc())
                 << "input " << k << " has type " << t
                 << "; only tensors of numeric types can be run natively",
             failure();
  }
  for (auto [k, t] : llvm::enumerate(ft.getResults())) {
    auto name = entry.getResultAttrOfType<StringAttr>(k, ONNX::attr::kName);
    sig.outputs.push_back(
        specOf(t, name ? name.getValue() : ("output_" + Twine(k)).str()));
    if (!isa<TensorType>(t) || !sig.outputs.back().dtype)
      return emitError(entry.getLoc())
                 << "output " << k << " has type " << t
                 << "; only tensors of numeric types can be run natively",
             failure();
  }
  entry->setAttr("llvm.emit_c_interface", UnitAttr::get(ctx));

  // Each stage's passes are timed under `timing`, in a scope of their own.
  auto configured = [&](PassManager &pm, TimingScope &stage) {
    pm.enableVerifier(verifyEachPass());
    if (timing)
      pm.enableTiming(stage);
    return configure ? configure(pm) : success();
  };
  auto stageTiming = [&](StringRef name) {
    return timing ? timing->nest(name) : TimingScope();
  };
  // Stage 1: onnx -> linalg, then the result ranks are known.
  {
    PassManager pm(ctx);
    TimingScope stage = stageTiming("onnx to linalg");
    if (failed(configured(pm, stage)))
      return failure();
    if (failed(
            parsePassPipeline(getONNXToLinalgStageText(), pm, llvm::errs())) ||
        failed(pm.run(module)) || (!verifyEachPass() && failed(verify(module))))
      return failure();
  }
  FunctionType lowered = entry.getFunctionType();
  for (auto [k, t] : llvm::enumerate(lowered.getResults())) {
    auto rt = dyn_cast<RankedTensorType>(t);
    if (!rt)
      return emitError(entry.getLoc())
                 << "the rank of output " << k << " is unknown after lowering",
             failure();
    if (rt.getRank() > TONNX_MAX_RANK)
      return emitError(entry.getLoc())
                 << "output " << k << " has rank " << rt.getRank()
                 << "; the native runtime supports ranks up to "
                 << TONNX_MAX_RANK,
             failure();
    TensorSpec &s = sig.outputs[k];
    s.shape.clear();
    for (int64_t d : rt.getShape())
      s.shape.push_back(ShapedType::isDynamic(d) ? -1 : d);
  }
  for (auto [k, t] : llvm::enumerate(lowered.getInputs())) {
    auto rt = dyn_cast<RankedTensorType>(t);
    if (!rt)
      return emitError(entry.getLoc())
                 << "input " << k << " has no rank; give it a shape",
             failure();
    if (rt.getRank() > TONNX_MAX_RANK)
      return emitError(entry.getLoc())
                 << "input " << k << " has rank " << rt.getRank()
                 << "; the native runtime supports ranks up to "
                 << TONNX_MAX_RANK,
             failure();
  }
  // ONNX bookkeeping attributes mean nothing to LLVM: drop them.
  for (auto f : module.getOps<func::FuncOp>()) {
    for (unsigned k = 0; k < f.getNumArguments(); ++k)
      f.setArgAttrs(k, ArrayRef<NamedAttribute>{});
    for (unsigned k = 0; k < f.getNumResults(); ++k)
      f.setResultAttrs(k, ArrayRef<NamedAttribute>{});
    for (NamedAttribute a : llvm::to_vector(f->getDiscardableAttrs()))
      if (a.getName().getValue().starts_with("onnx."))
        f->removeAttr(a.getName());
  }
  for (NamedAttribute a : llvm::to_vector(module->getDiscardableAttrs()))
    if (a.getName().getValue().starts_with("onnx."))
      module->removeAttr(a.getName());
  // Stage 2: the rest of the pipeline.
  PassManager pm(ctx);
  TimingScope stage = stageTiming("linalg to llvm");
  if (failed(configured(pm, stage)))
    return failure();
  std::string stage2 = cuda ? getLinalgToNVVMStageText(*cuda)
                            : getLinalgToLLVMStageText(options);
  if (failed(parsePassPipeline(stage2, pm, llvm::errs())) ||
      failed(pm.run(module)) || (!verifyEachPass() && failed(verify(module))))
    return failure();
  return sig;
}

ExternalWeights torch_onnx::externalizeWeights(ModuleOp module,
                                               int64_t minBytes) {
  ExternalWeights out;
  module.walk([&](LLVM::GlobalOp g) {
    if (!g.getConstant() || g.getInitializerBlock())
      return;
    auto value = dyn_cast_or_null<ElementsAttr>(g.getValueOrNull());
    if (!value)
      return;
    auto data = getRawConstantBytes(value);
    if (!data || (int64_t)data->size() < minBytes)
      return;
    auto type = dyn_cast<ShapedType>(value.getType());
    if (!type || !type.getElementType().isIntOrFloat() ||
        type.getElementType().getIntOrFloatBitWidth() % 8)
      return;
    size_t size = type.getNumElements() *
                  (type.getElementType().getIntOrFloatBitWidth() / 8);
    if (data->size() < size)
      return;
    uint64_t align = std::max<uint64_t>(g.getAlignment().value_or(16), 16);
    const char *ptr = data->data();
    if (reinterpret_cast<uintptr_t>(ptr) % align) {
      size_t rounded = (size + align - 1) / align * align;
      char *copy = static_cast<char *>(std::aligned_alloc(align, rounded));
      if (!copy)
        return;
      std::memcpy(copy, ptr, size);
      out.owned.emplace_back(copy, std::free);
      ptr = copy;
    }
    out.entries.push_back({g.getSymName().str(), ptr, size, align});
    g.removeValueAttr();
    g.setLinkage(LLVM::Linkage::External);
    g.setUnnamedAddr(LLVM::UnnamedAddr::None);
    g.setAlignment(align);
  });
  return out;
}

std::unique_ptr<llvm::TargetMachine>
torch_onnx::createTargetMachine(StringRef cpu, std::string *error) {
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();
  llvm::Triple triple(llvm::sys::getProcessTriple());
  std::string err;
  const llvm::Target *target = llvm::TargetRegistry::lookupTarget(triple, err);
  if (!target) {
    if (error)
      *error = err;
    return nullptr;
  }
  std::string cpuName =
      cpu.empty() ? llvm::sys::getHostCPUName().str() : cpu.str();
  std::string features;
  if (cpu.empty()) {
    llvm::StringMap<bool> host = llvm::sys::getHostCPUFeatures();
    for (auto &f : host)
      features += (f.second ? "+" : "-") + f.first().str() + ",";
  }
  llvm::TargetOptions opts;
  // Constructors (the CUDA path registers its GPU module in one) go in
  // .init_array, which every linker runs; lld ignores .ctors.
  opts.UseInitArray = true;
  std::unique_ptr<llvm::TargetMachine> tm(target->createTargetMachine(
      triple, cpuName, features, opts, llvm::Reloc::PIC_, std::nullopt,
      llvm::CodeGenOptLevel::Aggressive));
  if (!tm && error)
    *error = "cannot create a target machine for CPU '" + cpuName + "'";
  return tm;
}

StringRef torch_onnx::getOpenMPLibraryPath() { return TORCH_ONNX_LIBOMP; }

std::string torch_onnx::formatShape(ArrayRef<int64_t> shape) {
  std::string r = "[";
  for (size_t i = 0; i < shape.size(); ++i)
    r += (i ? "x" : "") +
         (shape[i] < 0 ? std::string("?") : std::to_string(shape[i]));
  return r + "]";
}

std::string torch_onnx::getRuntimeLibraryPath(const char *argv0, bool shared) {
  std::string exe = llvm::sys::fs::getMainExecutable(
      argv0, (void *)&torch_onnx::getOpenMPLibraryPath);
  SmallString<256> p(llvm::sys::path::parent_path(exe));
  llvm::sys::path::append(p, "..", "lib",
                          shared ? "libtorch_onnx_runtime.so"
                                 : "libtorch_onnx_runtime.a");
  return std::string(p);
}

static llvm::cl::opt<std::string>
    targetOpt("target", llvm::cl::init("cpu"),
              llvm::cl::desc("Where the model runs: cpu (this host) or cuda "
                             "(kernels on an NVIDIA GPU + host code)"));
static llvm::cl::opt<std::string> cudaChipOpt(
    "cuda-chip",
    llvm::cl::desc(
        "GPU architecture for --target=cuda, sm_XY (default: the "
        "device's for torch-onnx-run, sm_90 for torch-onnx-compile)"));
static llvm::cl::opt<std::string> cudaFormatOpt(
    "cuda-format", llvm::cl::init("auto"),
    llvm::cl::desc("GPU binary: auto (fatbin with a CUDA toolkit, else isa), "
                   "fatbin, bin (cubin) or isa (PTX)"));
static llvm::cl::opt<std::string>
    cudaToolkitOpt("cuda-toolkit",
                   llvm::cl::desc("CUDA toolkit with ptxas (default: "
                                  "$CUDA_ROOT, /usr/local/cuda)"));

FailureOr<torch_onnx::NativeTarget>
torch_onnx::getNativeTarget(function_ref<void(const Twine &)> error) {
  NativeTarget t;
  t.cuda = targetOpt == "cuda";
  if (!t.cuda && targetOpt != "cpu")
    return error("unknown --target '" + targetOpt + "'; use cpu or cuda"),
           failure();
  t.chip = cudaChipOpt;
  t.format = cudaFormatOpt;
  t.toolkit = cudaToolkitOpt;
  return t;
}

LogicalResult torch_onnx::NativeTarget::configure(
    ONNXToNVVMPipelineOptions &options, StringRef defaultChip,
    function_ref<void(const Twine &)> error) const {
  options.chip = chip.empty() ? defaultChip.str() : chip;
  options.format = format;
  options.toolkit = toolkit;
  return resolveNVVMPipelineOptions(options, [&](const Twine &m) {
    error(m);
    return failure();
  });
}
