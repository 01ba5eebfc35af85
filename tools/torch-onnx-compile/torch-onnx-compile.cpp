//===- torch-onnx-compile.cpp - AOT-compile an ONNX model to a .so --------===//
//
//   torch-onnx-compile MODEL.(onnx|mlir) -o libmodel.so [--name model]
//
// Lowers the model through --onnx-to-llvm-pipeline, compiles it for this
// host's CPU (or --mcpu), and links it with the project's C runtime into a
// shared library with the weights embedded. Beside it, MODEL's header (by
// default <name>.h next to the library) declares the C entry point:
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
#include "torch-onnx/Runtime.h"
#include "torch-onnx/Support/OutputFile.h"

#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
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
static cl::opt<bool> keepTemps("keep-temps",
                               cl::desc("Keep the object and C wrapper"));

static const char *kRuntimeHeader =
#include "RuntimeHeader.inc"
    ;

static int fail(const Twine &msg) {
  llvm::errs() << "torch-onnx-compile: error: " << msg << "\n";
  return 1;
}

static std::string cIdent(StringRef s) {
  std::string r;
  for (char c : s)
    r.push_back(isalnum((unsigned char)c) ? c : '_');
  if (r.empty() || isdigit((unsigned char)r[0]))
    r = "m_" + r;
  return r;
}

static std::string shapeList(const TensorSpec &s) {
  std::string r;
  for (size_t i = 0; i < s.shape.size(); ++i)
    r += (i ? ", " : "") + std::to_string(s.shape[i]);
  return r.empty() ? "0" : r;
}

static std::string shapeStr(const TensorSpec &s) {
  std::string r = "[";
  for (size_t i = 0; i < s.shape.size(); ++i)
    r += (i ? "x" : "") +
         (s.shape[i] < 0 ? std::string("?") : std::to_string(s.shape[i]));
  return r + "]";
}

static std::string header(const ModelSignature &sig, StringRef name,
                          StringRef model, StringRef target) {
  std::string h;
  llvm::raw_string_ostream os(h);
  std::string guard = "TORCH_ONNX_MODEL_" + StringRef(name).upper() + "_H";
  os << "/* " << name << ".h - generated by torch-onnx-compile from " << model
     << ".\n *\n * Inputs (in this order):\n";
  for (auto [k, s] : llvm::enumerate(sig.inputs))
    os << " *   " << k << ": \"" << s.name << "\" " << tonnx_dtype_name(s.dtype)
       << " " << shapeStr(s) << "\n";
  os << " * Outputs:\n";
  for (auto [k, s] : llvm::enumerate(sig.outputs))
    os << " *   " << k << ": \"" << s.name << "\" " << tonnx_dtype_name(s.dtype)
       << " " << shapeStr(s) << "\n";
  os << " * (? = any size at run time)\n */\n#ifndef " << guard << "\n#define "
     << guard << "\n\n"
     << kRuntimeHeader << "\n#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n"
     << "#define " << StringRef(name).upper() << "_NUM_INPUTS "
     << sig.inputs.size() << "\n#define " << StringRef(name).upper()
     << "_NUM_OUTPUTS " << sig.outputs.size() << "\n\n"
     << "/* Runs the model. `inputs` holds the inputs in the order above\n"
     << " * (caller-owned data, dense row-major); on success (0) `outputs`\n"
     << " * holds the outputs, each to be released with tonnx_tensor_free.\n"
     << " * On a wrong input count, dtype or shape returns non-zero with a\n"
     << " * message in `error` (may be NULL). Thread-safe.\n"
     << (target.empty()
             ? std::string()
             : " *\n * Compiled for CUDA " + target.str() +
                   ": the kernels run on the GPU $TORCH_ONNX_CUDA_DEVICE\n"
                   " * (default 0); without a CUDA driver or device, or "
                   "on an incompatible\n * GPU, returns non-zero with the "
                   "reason in `error`.\n")
     << " */\nint " << name
     << "_run(const tonnx_tensor *inputs, tonnx_tensor *outputs, char "
        "*error,\n"
     << "    size_t errorSize);\n\n/* Name of input/output `i`. */\n"
     << "const char *" << name << "_input_name(int i);\nconst char *" << name
     << "_output_name(int i);\n\n/* Signature of input/output `i`: dtype "
     << "(enum tonnx_dtype), rank and\n * dims (-1 = any size). */\n"
     << "int32_t " << name << "_input_dtype(int i);\nint32_t " << name
     << "_input_rank(int i);\nconst int64_t *" << name
     << "_input_shape(int i);\nint32_t " << name
     << "_output_dtype(int i);\nint32_t " << name
     << "_output_rank(int i);\nconst int64_t *" << name
     << "_output_shape(int i);\n\n#ifdef __cplusplus\n}\n#endif\n\n#endif\n";
  return h;
}

static std::string wrapper(const ModelSignature &sig, StringRef name,
                           StringRef headerFile, bool cuda) {
  std::string w;
  llvm::raw_string_ostream os(w);
  os << "#include \"" << headerFile << "\"\n#include <stdio.h>\n\n"
     << "extern void _mlir_ciface_" << sig.entry << "(void *";
  for (size_t k = 0; k < sig.inputs.size(); ++k)
    os << ", void *";
  os << ");\n\n";
  for (auto [k, s] : llvm::enumerate(sig.inputs))
    os << "static const int64_t in_shape_" << k << "[] = {" << shapeList(s)
       << "};\n";
  for (auto [k, s] : llvm::enumerate(sig.outputs))
    os << "static const int64_t out_shape_" << k << "[] = {" << shapeList(s)
       << "};\n";
  auto table = [&](StringRef what, ArrayRef<TensorSpec> specs) {
    os << "static const int32_t " << what << "_dtype[] = {";
    for (auto &s : specs)
      os << s.dtype << ", ";
    os << "0};\nstatic const int32_t " << what << "_rank[] = {";
    for (auto &s : specs)
      os << s.shape.size() << ", ";
    os << "0};\nstatic const int64_t *const " << what << "_shape[] = {";
    for (size_t k = 0; k < specs.size(); ++k)
      os << what << "_shape_" << k << ", ";
    os << "0};\n";
    std::string n = std::to_string(specs.size());
    std::string pub = what == "in" ? "input" : "output";
    os << "int32_t " << name << "_" << pub
       << "_dtype(int i) {\n  return i >= 0 && i < " << n << " ? " << what
       << "_dtype[i] : 0;\n}\n"
       << "int32_t " << name << "_" << pub
       << "_rank(int i) {\n  return i >= 0 && i < " << n << " ? " << what
       << "_rank[i] : -1;\n}\n"
       << "const int64_t *" << name << "_" << pub
       << "_shape(int i) {\n  return i >= 0 && i < " << n << " ? " << what
       << "_shape[i] : 0;\n}\n";
  };
  table("in", sig.inputs);
  table("out", sig.outputs);
  os << "static const char *const in_names[] = {";
  for (auto &s : sig.inputs)
    os << "\"" << s.name << "\", ";
  os << "0};\nstatic const char *const out_names[] = {";
  for (auto &s : sig.outputs)
    os << "\"" << s.name << "\", ";
  os << "0};\n\nconst char *" << name
     << "_input_name(int i) {\n  return i >= 0 && i < " << sig.inputs.size()
     << " ? in_names[i] : 0;\n}\n"
     << "const char *" << name
     << "_output_name(int i) {\n  return i >= 0 && i < " << sig.outputs.size()
     << " ? out_names[i] : 0;\n}\n\n";
  {
    os << "static void run_entry(void *p) {\n  void **a = (void **)p;\n"
       << "  _mlir_ciface_" << sig.entry << "(a[0]";
    for (size_t k = 0; k < sig.inputs.size(); ++k)
      os << ", a[" << k + 1 << "]";
    os << ");\n}\n\n";
  }
  os << "int " << name
     << "_run(const tonnx_tensor *inputs, tonnx_tensor *outputs, char *error,\n"
     << "    size_t errorSize) {\n  char buf[512];\n"
     << "  if (!error) {\n    error = buf;\n    errorSize = sizeof buf;\n  }\n";
  size_t resWords = 0;
  for (auto &s : sig.outputs)
    resWords += tonnx_descriptor_size(s.shape.size()) / 8;
  for (auto [k, s] : llvm::enumerate(sig.inputs)) {
    os << "  if (tonnx_check_tensor(&inputs[" << k << "], \"" << s.name
       << "\", " << s.dtype << ", " << s.shape.size() << ", in_shape_" << k
       << ", error, errorSize))\n    return 1;\n"
       << "  int64_t d" << k << "[" << tonnx_descriptor_size(s.shape.size()) / 8
       << "];\n  tonnx_descriptor_from_tensor(&inputs[" << k << "], d" << k
       << ");\n";
  }
  os << "  int64_t res[" << resWords << "];\n";
  // Through the runtime's guard: failed run-time checks, failed
  // allocations (and on CUDA, driver failures) become error returns.
  os << "  void *call[] = {res";
  for (size_t k = 0; k < sig.inputs.size(); ++k)
    os << ", d" << k;
  os << "};\n  if (" << (cuda ? "tonnx_cuda_invoke" : "tonnx_invoke")
     << "(run_entry, call, error, errorSize))\n"
     << "    return 1;\n";
  size_t off = 0;
  for (auto [k, s] : llvm::enumerate(sig.outputs)) {
    os << "  if (tonnx_tensor_from_descriptor(res + " << off << ", "
       << s.shape.size() << ", " << s.dtype << ", inputs, " << sig.inputs.size()
       << ", &outputs[" << k << "]) ||\n      tonnx_tensor_unshare(outputs, "
       << k << ")) {\n"
       << "    snprintf(error, errorSize, \"out of memory\");\n    return 1;\n"
       << "  }\n";
    off += tonnx_descriptor_size(s.shape.size()) / 8;
  }
  os << "  return 0;\n}\n";
  return w;
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
  name = cIdent(name);
  std::string hdr = headerPath;
  if (hdr.empty()) {
    SmallString<256> p(llvm::sys::path::parent_path(outputPath));
    llvm::sys::path::append(p, name + ".h");
    hdr = std::string(p);
  }

  NativeToolContext tool;
  MLIRContext &ctx = tool.get();

  OwningOpRef<ModuleOp> module = loadModel(modelPath, &ctx);
  if (!module)
    return 1;
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
  FailureOr<ModelSignature> sig = lowerModelToLLVM(
      *module, popts, cuda ? &nvvm : nullptr, applyCommandLinePassOptions);
  if (failed(sig))
    return 1;
  // Weights stay out of the LLVM IR: one blob, assembled with .incbin.
  ExternalWeights weights;
  if (!cuda)
    weights = externalizeWeights(*module, externalWeightsMinBytes);

  llvm::LLVMContext llvmCtx;
  std::unique_ptr<llvm::Module> llvmModule =
      translateModuleToLLVMIR(*module, llvmCtx, "model");
  if (!llvmModule)
    return fail("translation to LLVM IR failed");
  llvmModule->setDataLayout(tm->createDataLayout());
  llvmModule->setTargetTriple(tm->getTargetTriple());
  if (auto err = makeOptimizingTransformer(3, 0, tm.get())(llvmModule.get()))
    return fail("LLVM optimization failed: " + llvm::toString(std::move(err)));

  // Object file, C wrapper and header into a temporary directory.
  SmallString<128> tmpDir;
  if (auto ec =
          llvm::sys::fs::createUniqueDirectory("torch-onnx-compile", tmpDir))
    return fail("cannot create a temporary directory: " + ec.message());
  llvm::scope_exit cleanup([&] {
    if (!keepTemps)
      llvm::sys::fs::remove_directories(tmpDir);
  });
  SmallString<256> objPath(tmpDir), cPath(tmpDir), hTmp(tmpDir), soTmp(tmpDir);
  llvm::sys::path::append(objPath, "model.o");
  llvm::sys::path::append(cPath, "wrapper.c");
  llvm::sys::path::append(hTmp, name + ".h");
  llvm::sys::path::append(soTmp, "lib.so");
  {
    std::error_code ec;
    llvm::raw_fd_ostream obj(objPath, ec, llvm::sys::fs::OF_None);
    if (ec)
      return fail("cannot write '" + objPath + "': " + ec.message());
    llvm::legacy::PassManager pm;
    if (tm->addPassesToEmitFile(pm, obj, nullptr,
                                llvm::CodeGenFileType::ObjectFile))
      return fail("the target cannot emit object files");
    pm.run(*llvmModule);
  }
  SmallString<256> blobPath(tmpDir), asmPath(tmpDir);
  llvm::sys::path::append(blobPath, "weights.bin");
  llvm::sys::path::append(asmPath, "weights.s");
  if (!weights.entries.empty()) {
    std::error_code blobEc, asmEc;
    llvm::raw_fd_ostream blob(blobPath, blobEc, llvm::sys::fs::OF_None);
    llvm::raw_fd_ostream as(asmPath, asmEc);
    if (blobEc || asmEc)
      return fail("cannot write the weights: " +
                  (blobEc ? blobEc : asmEc).message());
    as << "\t.section .rodata.tonnx_weights,\"a\"\n";
    uint64_t offset = 0;
    for (const ExternalWeights::Entry &w : weights.entries) {
      uint64_t aligned = llvm::alignTo(offset, w.alignment);
      blob.write_zeros(aligned - offset);
      blob.write(w.data, w.size);
      as << "\t.p2align " << llvm::Log2_64(w.alignment) << "\n"
         << "\t.globl \"" << w.symbol << "\"\n"
         << "\t.hidden \"" << w.symbol << "\"\n"
         << "\t.type \"" << w.symbol << "\", @object\n"
         << "\t.size \"" << w.symbol << "\", " << w.size << "\n"
         << "\"" << w.symbol << "\":\n"
         << "\t.incbin \"" << blobPath << "\", " << aligned << ", " << w.size
         << "\n";
      offset = aligned + w.size;
    }
    as << "\t.section .note.GNU-stack,\"\",@progbits\n";
    if (blob.has_error() || as.has_error())
      return fail("cannot write the weights to '" + tmpDir + "'");
  }
  std::string headerText =
      header(*sig, name, modelPath, cuda ? nvvm.chip.getValue() : "");
  {
    std::error_code ec;
    llvm::raw_fd_ostream h(hTmp, ec);
    h << headerText;
    llvm::raw_fd_ostream c(cPath, ec);
    c << wrapper(*sig, name, llvm::sys::path::filename(hTmp), cuda);
    if (ec)
      return fail("cannot write the C wrapper: " + ec.message());
  }
  auto ccPath = llvm::sys::findProgramByName(cc);
  if (!ccPath)
    return fail("C compiler '" + cc + "' not found (--cc)");
  std::string runtime = getRuntimeLibraryPath(argv[0], /*shared=*/false);
  if (!llvm::sys::fs::exists(runtime))
    return fail("runtime library '" + runtime + "' not found");
  std::vector<std::string> cmd{*ccPath,
                               "-shared",
                               "-fPIC",
                               "-O2",
                               "-o",
                               std::string(soTmp),
                               std::string(objPath),
                               std::string(cPath),
                               runtime};
  if (!weights.entries.empty())
    cmd.push_back(std::string(asmPath));
  if (popts.openmp) {
    StringRef omp = getOpenMPLibraryPath();
    cmd.push_back(omp.str());
    cmd.push_back("-Wl,-rpath," + llvm::sys::path::parent_path(omp).str());
  }
  cmd.push_back("-lm");
  if (cuda) {
    cmd.push_back("-ldl");
    cmd.push_back("-lpthread");
  }
  SmallVector<StringRef> argsRef(cmd.begin(), cmd.end());
  std::string errMsg;
  if (llvm::sys::ExecuteAndWait(*ccPath, argsRef, std::nullopt, {}, 0, 0,
                                &errMsg) != 0)
    return fail("linking the shared library failed" +
                (errMsg.empty() ? "" : ": " + errMsg));
  // Move the results into place only when everything succeeded, each
  // through a fresh temporary renamed over the target (links at the target
  // are replaced, never followed).
  auto so = llvm::MemoryBuffer::getFile(soTmp, /*IsText=*/false,
                                        /*RequiresNullTerminator=*/false);
  if (!so)
    return fail("cannot read '" + soTmp + "': " + so.getError().message());
  std::string error;
  if (!torch_onnx::writeFileAtomically(outputPath, (*so)->getBuffer(), error) ||
      !torch_onnx::writeFileAtomically(hdr, headerText, error))
    return fail(error);
  return 0;
}
