//===- torch-onnx-compile.cpp - AOT-compile an ONNX model to a .so --------===//
//
//   torch-onnx-compile MODEL.(onnx|mlir) -o libmodel.so [--name model]
//
// Lowers the model through --onnx-to-llvm-pipeline, compiles it for this
// host's CPU (or --mcpu), and links it with the project's C runtime into a
// shared library with the weights embedded (or, with --weights-file, in
// <library>.weights beside it, mapped when it is loaded). Beside it, MODEL's
// header (by default <name>.h next to the library) declares the C entry
// point:
//
//   int <name>_run(const tonnx_tensor *inputs, tonnx_tensor *outputs,
//                  char *error, size_t errorSize);
//
// The library needs libc, libm and (with --openmp, the default) the OpenMP
// runtime; nothing from LLVM or MLIR. With --target=cuda the kernels are
// embedded for --cuda-chip (cubin + PTX when a CUDA toolkit is found, PTX
// otherwise) and the library needs libc and, when it runs, libcuda (loaded
// with dlopen: it loads on machines without a GPU, and <name>_run then
// fails with "no CUDA driver/device found").
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Execution/Execution.h"
#include "torch-onnx/InitAll.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"

using namespace mlir;
using namespace mlir::torch_onnx;
namespace cl = llvm::cl;

static cl::opt<std::string> modelPath(cl::Positional, cl::Required,
                                      cl::desc("<model.onnx|model.mlir>"));
static cl::opt<std::string> outputPath("o", cl::Required,
                                       cl::desc("Output shared library"));
static cl::opt<std::string>
    libName("name", cl::desc("C name prefix of the entry points (default: "
                             "from the output file name)"));
static cl::opt<std::string>
    headerPath("header",
               cl::desc("Where to write the C header (default: <name>.h "
                        "beside the library)"));
static cl::opt<std::string>
    mcpu("mcpu", cl::desc("Target CPU (default: this host's CPU)"));
static cl::opt<unsigned> externalWeightsMinBytes(
    "external-weights-min-bytes", cl::init(4096),
    cl::desc("Weights of at least this many bytes stay out of the LLVM IR "
             "(linked as data); smaller ones become LLVM constants"));
static cl::opt<unsigned> compileThreads(
    "compile-threads", cl::init(0),
    cl::desc("Threads for LLVM's optimization and code generation of a large "
             "model (its module split by function; 0: one per core)"));
static cl::opt<bool> openmp("openmp", cl::init(true),
                            cl::desc("Parallel loops on OpenMP threads"));
static cl::opt<bool> vectorize("vectorize", cl::init(true),
                               cl::desc("Tile and vectorize contractions"));
static cl::opt<bool> runtimeChecks(
    "runtime-checks", cl::init(true),
    cl::desc("Check indices, shapes, integer divisors and sizes at run time "
             "(an error message instead of undefined behaviour; "
             "--runtime-checks=false drops them)"));
static cl::opt<bool> approximateMath(
    "approximate-math", cl::init(true),
    cl::desc("f32 exp/tanh/erf/log as vectorizable polynomials within a few "
             "ulp of libm (--approximate-math=false keeps libm calls)"));
static cl::opt<std::string> cc("cc", cl::init("cc"),
                               cl::desc("C compiler/linker driver"));
static cl::opt<bool> weightsFile(
    "weights-file",
    cl::desc("Write the weights to <library>.weights beside the library "
             "instead of into it: the library maps that file when it is "
             "loaded (the two files go together; <name>_load_error says "
             "when the file is missing or not the library's own). ELF "
             "targets"));
static cl::opt<bool> keepTemps(
    "keep-temps",
    cl::desc("Keep the object files, the optimized LLVM bitcode of each "
             "(modelN.o.bc, for llc) and the C wrapper"));

static int fail(const Twine &msg) {
  llvm::errs() << "torch-onnx-compile: error: " << msg << "\n";
  return 1;
}

int main(int argc, char **argv) {
  llvm::InitLLVM y(argc, argv);
  registerCommandLinePassOptions();
  cl::ParseCommandLineOptions(argc, argv,
                              "torch-onnx ahead-of-time compiler\n");
  std::string name = libName;
  if (name.empty()) {
    StringRef stem = llvm::sys::path::stem(outputPath);
    stem.consume_front("lib");
    name = stem.str();
  }
  name = toCIdentifier(name);
  std::string hdr = headerPath;
  if (hdr.empty()) {
    SmallString<256> p(llvm::sys::path::parent_path(outputPath));
    llvm::sys::path::append(p, name + ".h");
    hdr = std::string(p);
  }

  NativeToolContext tool;
  MLIRContext &ctx = tool.get();

  // --mlir-timing: one report for the whole compile.
  DefaultTimingManager timingManager;
  applyDefaultTimingManagerCLOptions(timingManager);
  TimingScope timing = timingManager.getRootScope();
  TimingScope importing = timing.nest("import");
  OwningOpRef<ModuleOp> module = loadModel(modelPath, &ctx);
  if (!module)
    return 1;
  importing.stop();
  auto target = getNativeTarget([](const Twine &m) { fail(m); });
  if (failed(target))
    return 1;
  bool cuda = target->cuda;
  ONNXToLLVMPipelineOptions popts;
  popts.openmp = openmp && !cuda;
  popts.vectorize = vectorize;
  popts.runtimeChecks = runtimeChecks;
  popts.approximateMath = approximateMath;
  std::string tmErr;
  auto tm = createTargetMachine(mcpu, &tmErr);
  if (!tm)
    return fail(tmErr);
  // Register tiles for the target's vector width (--mcpu may not be this
  // host).
  popts.vectorBits =
      tm->getMCSubtargetInfo()->checkFeatures("+avx512f") ? 512 : 256;
  ONNXToNVVMPipelineOptions nvvm;
  if (cuda &&
      failed(target->configure(nvvm, "sm_90", [](const Twine &m) { fail(m); })))
    return 1;
  FailureOr<ModelSignature> sig =
      lowerModelToLLVM(*module, popts, cuda ? &nvvm : nullptr,
                       applyCommandLinePassOptions, &timing);
  if (failed(sig))
    return 1;
  // Weights stay out of the LLVM IR: linked from an object of their own.
  ExternalWeights weights;
  if (!cuda) {
    TimingScope externalizing = timing.nest("externalize the weights");
    weights = externalizeWeights(*module, externalWeightsMinBytes);
  }

  SharedLibraryOptions lopts;
  lopts.name = name;
  lopts.modelPath = modelPath;
  lopts.runtimeArchive = getRuntimeLibraryPath(argv[0], /*shared=*/false);
  lopts.cc = cc;
  lopts.openmp = popts.openmp;
  lopts.codegenThreads = compileThreads;
  lopts.cuda = cuda;
  if (cuda)
    lopts.cudaChip = nvvm.chip.getValue();
  lopts.keepTemps = keepTemps;
  lopts.externalWeights = weightsFile;
  lopts.headerPath = hdr;
  std::string error;
  if (failed(buildSharedLibrary(*module, *sig, weights, *tm, lopts, outputPath,
                                error, &timing)))
    return fail(error);
  return 0;
}
