//===- Execution.h - compile ONNX models to native code ---------*- C++ -*-===//
//
// What torch-onnx-run (JIT) and torch-onnx-compile (AOT) share: loading a
// model (.onnx or .mlir), its entry signature, the lowering to the LLVM
// dialect and the host target machine.
//
//===----------------------------------------------------------------------===//

#ifndef TORCH_ONNX_EXECUTION_EXECUTION_H
#define TORCH_ONNX_EXECUTION_EXECUTION_H

#include "torch-onnx/Pipelines/Pipelines.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/Timing.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Target/TargetMachine.h"

#include <memory>
#include <string>
#include <vector>

namespace mlir::torch_onnx {

/// One graph input or output: ONNX dtype code and dims (-1 = dynamic).
struct TensorSpec {
  std::string name;
  int32_t dtype = 0;
  std::vector<int64_t> shape;
};

struct ModelSignature {
  std::string entry; // the func symbol (main_graph)
  std::vector<TensorSpec> inputs, outputs;
};

/// The context of the native tools: every dialect, pass and LLVM IR
/// translation registered, all dialects loaded, diagnostics printed with
/// their locations.
class NativeToolContext {
public:
  NativeToolContext();
  MLIRContext &get() { return context; }

private:
  MLIRContext context;
  llvm::SourceMgr sourceMgr;
  SourceMgrDiagnosticHandler diagnostics;
};

/// Parses `path` (.onnx binary/text ModelProto, or .mlir in the onnx
/// dialect); errors go to the context's diagnostic handler.
OwningOpRef<ModuleOp> loadModel(llvm::StringRef path, MLIRContext *ctx);

/// Lowers the model to the LLVM dialect and returns its signature (dtypes
/// from the ONNX types, ranks from the lowered function). The entry gets a
/// C interface (`_mlir_ciface_<entry>`). With `cuda` (resolved options, see
/// resolveNVVMPipelineOptions) the compute runs in CUDA kernels embedded as
/// a gpu.binary and the host code calls the mgpu* runtime; the entry still
/// takes and returns host memory. `configure`, if given, sets up each of
/// the pass managers the lowering runs (the tools pass MLIR's standard
/// command-line options: IR printing, timing, statistics, crash
/// reproducers; see applyPassManagerCLOptions).
/// Registers MLIR's standard pass-manager, timing, context and printing
/// command-line options (--mlir-print-ir-after-all, --mlir-timing,
/// --mlir-pass-statistics, --mlir-pass-pipeline-crash-reproducer, ...);
/// call before parsing the command line.
void registerCommandLinePassOptions();
/// Applies them to `pm` (a lowerModelToLLVM `configure` hook). Timing is
/// not among them: a tool times the whole compile with one
/// DefaultTimingManager (applyDefaultTimingManagerCLOptions) and passes its
/// scope to lowerModelToLLVM and buildSharedLibrary.
LogicalResult applyCommandLinePassOptions(PassManager &pm);

/// With `timing`, the time of each stage's passes is reported under it.
/// The IR is verified once after each stage, or after every pass with
/// --verify-each (registered by registerCommandLinePassOptions).
FailureOr<ModelSignature> lowerModelToLLVM(
    ModuleOp module, const ONNXToLLVMPipelineOptions &options,
    const ONNXToNVVMPipelineOptions *cuda = nullptr,
    llvm::function_ref<LogicalResult(PassManager &)> configure = nullptr,
    TimingScope *timing = nullptr);

/// Weights kept out of the LLVM IR: large constant globals of a lowered
/// (LLVM dialect, CPU) module become external declarations, and their bytes
/// are given to the JIT as absolute symbols or to the linker as an ELF
/// object written from them (buildSharedLibrary). LLVM then never turns megabytes of weights
/// into IR constants (most of a convolutional network's compile time).
struct ExternalWeights {
  struct Entry {
    std::string symbol;
    const char *data; // owned by the MLIRContext's resources or by `owned`
    size_t size;
    uint64_t alignment;
  };
  std::vector<Entry> entries;
  std::vector<std::unique_ptr<char, void (*)(void *)>> owned;
};

/// Externalizes every constant `llvm.mlir.global` of at least `minBytes`
/// bytes whose value is a `dense` or loaded `dense_resource` attribute (a
/// misaligned blob is copied once). The context must outlive the result.
ExternalWeights externalizeWeights(ModuleOp module, int64_t minBytes = 4096);

/// A target machine for this host (CPU name and features detected), or for
/// `cpu` when given.
std::unique_ptr<llvm::TargetMachine>
createTargetMachine(llvm::StringRef cpu = "", std::string *error = nullptr);

/// Path of the OpenMP runtime the lowered code calls (configured at build
/// time).
llvm::StringRef getOpenMPLibraryPath();

/// What both native tools take: --target=cpu|cuda, --cuda-chip,
/// --cuda-format, --cuda-toolkit (command-line options registered by this
/// library).
struct NativeTarget {
  bool cuda = false;
  std::string chip; // empty when --cuda-chip is absent
  std::string format, toolkit;

  /// The pipeline options for `chip` (or --cuda-chip when given), resolved
  /// (format=auto) and checked; errors go to `error`.
  LogicalResult configure(ONNXToNVVMPipelineOptions &options,
                          llvm::StringRef defaultChip,
                          function_ref<void(const llvm::Twine &)> error) const;
};
/// Reads the options above; an unknown --target is an error.
FailureOr<NativeTarget>
getNativeTarget(function_ref<void(const llvm::Twine &)> error);

/// `shape` as "[2x?x3]" (a dynamic dim, -1, as ?).
std::string formatShape(llvm::ArrayRef<int64_t> shape);

/// Path of our runtime library (runtime/) beside the tool: `bin/../lib/
/// libtorch_onnx_runtime.{so,a}`; `argv0` locates the tool.
std::string getRuntimeLibraryPath(const char *argv0, bool shared);

/// Runs LLVM's optimization pipeline at `optLevel` (0-3) on `m` for `tm`.
void optimizeLLVMModule(llvm::Module &m, llvm::TargetMachine *tm,
                        unsigned optLevel);

/// How buildSharedLibrary compiles and links a lowered model.
struct SharedLibraryOptions {
  std::string name;           // C prefix of the entry points (toCIdentifier)
  std::string modelPath;      // named in the header's comment
  std::string runtimeArchive; // getRuntimeLibraryPath(argv0, false)
  std::string cc = "cc";      // the C compiler driver that links
  unsigned optLevel = 3;      // LLVM -O level
  unsigned codegenThreads = 0; // LLVM threads (0: one per core)
  unsigned minPartSize = 4000; // fewest LLVM instructions per thread
  bool openmp = true;         // link the OpenMP runtime
  bool useLLD = true;         // link with LLVM's lld when it is there
  bool cuda = false;          // the kernels are embedded for `cudaChip`
  std::string cudaChip;
  bool keepTemps = false; // keep objects (+ bitcode), wrapper, blob
  // The weights in `<output>.weights` beside the library, mapped when it
  // is loaded (ELF targets), instead of linked into it: written once.
  bool externalWeights = false;
  std::string headerPath; // where to write the C header too (empty: nowhere)
};

/// `s` as a C identifier (other characters become '_').
std::string toCIdentifier(llvm::StringRef s);

/// Compiles `module` (lowered by lowerModelToLLVM, its weights externalized
/// into `weights`) for `tm` and links it with the runtime into a shared
/// library written to `outputPath` (through a temporary renamed over it:
/// nothing is written on failure), and its C header (`<name>_run`,
/// `<name>_num_inputs`, `<name>_input_name/dtype/rank/shape`, the same for
/// outputs) to `options.headerPath` when given. Needs the C compiler; the
/// reason of a failure goes to `error`. With `timing`, the time of each
/// step (translation, LLVM's optimization and code generation, the link)
/// is reported under it.
LogicalResult buildSharedLibrary(ModuleOp module, const ModelSignature &sig,
                                 const ExternalWeights &weights,
                                 llvm::TargetMachine &tm,
                                 const SharedLibraryOptions &options,
                                 llvm::StringRef outputPath, std::string &error,
                                 TimingScope *timing = nullptr);

} // namespace mlir::torch_onnx

#endif // TORCH_ONNX_EXECUTION_EXECUTION_H
