//===- torch-onnx-run.cpp - JIT-run an ONNX model natively ----------------===//
//
//   torch-onnx-run MODEL.(onnx|mlir) [--input-pb F]... [--input-npy F]...
//                  [--output-dir DIR] [--print] [--benchmark N]
//
// Lowers the model through --onnx-to-llvm-pipeline, JIT-compiles it with
// MLIR's ExecutionEngine (host CPU, -O3) and runs it on the given inputs
// (ONNX TensorProto or .npy files, in graph-input order). Outputs are
// written as output_<i>.pb (TensorProto) into --output-dir and/or printed.
// With --target=cuda the model goes through --onnx-to-nvvm-pipeline for the
// device's chip and its kernels run on the GPU (runtime/: CUDA driver API,
// loaded at run time).
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Execution/Execution.h"
#include "torch-onnx/InitAll.h"
#include "torch-onnx/Runtime.h"
#include "torch-onnx/Support/OutputFile.h"
#include "torch-onnx/Target/ONNX/ONNXCommon.h"

#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <dlfcn.h>

using namespace mlir;
using namespace mlir::torch_onnx;
namespace cl = llvm::cl;

static cl::opt<std::string> modelPath(cl::Positional, cl::Required,
                                      cl::desc("<model.onnx|model.mlir>"));
static cl::list<std::string>
    inputPb("input-pb", cl::desc("Input as an ONNX TensorProto file (in graph "
                                 "input order; repeatable)"));
static cl::list<std::string>
    inputNpy("input-npy", cl::desc("Input as a .npy file (in graph input "
                                   "order; repeatable)"));
static cl::list<std::string>
    inputAny("input", cl::desc("Input file, .pb or .npy by extension "
                               "(repeatable)"));
static cl::opt<std::string>
    outputDir("output-dir",
              cl::desc("Write outputs as output_<i>.pb (TensorProto) here"));
static cl::opt<bool> printOutputs("print", cl::desc("Print the outputs"));
static cl::opt<unsigned> printLimit("print-limit", cl::init(32),
                                    cl::desc("Values printed per output"));
static cl::opt<unsigned>
    benchmark("benchmark", cl::init(0),
              cl::desc("Time N runs after warm-up and print the median"));
static cl::opt<unsigned> warmup("warmup", cl::init(3),
                                cl::desc("Warm-up runs before --benchmark"));
static cl::opt<unsigned> threads("num-threads", cl::init(0),
                                 cl::desc("OpenMP threads (0: all cores)"));
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
static cl::opt<bool> compileOnly(
    "compile-only",
    cl::desc("Lower and JIT-compile, then stop: checks that a model compiles "
             "for the target (no inputs, no device needed)"));
static cl::opt<bool> zeroInputs(
    "zero-inputs",
    cl::desc(
        "Run on zero-filled inputs (static shapes only; for --benchmark)"));

namespace {
/// A host tensor with owned storage.
struct HostTensor {
  int32_t dtype = 0;
  std::vector<int64_t> shape;
  std::string bytes;
  tonnx_tensor view() {
    tonnx_tensor t{};
    t.dtype = dtype;
    t.rank = shape.size();
    for (size_t i = 0; i < shape.size(); ++i)
      t.shape[i] = shape[i];
    t.data = bytes.data();
    return t;
  }
};
} // namespace

static bool fail(const Twine &msg) {
  llvm::errs() << "torch-onnx-run: error: " << msg << "\n";
  return false;
}

/// Reads an input file: a regular file only (a FIFO would block forever, a
/// device such as /dev/zero never ends).
static llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>>
readRegularFile(StringRef path, std::string &why) {
  llvm::sys::fs::file_status st;
  if (std::error_code ec = llvm::sys::fs::status(path, st)) {
    why = ec.message();
    return ec;
  }
  if (!llvm::sys::fs::is_regular_file(st)) {
    why = "not a regular file (FIFOs and devices are refused)";
    return std::make_error_code(std::errc::invalid_argument);
  }
  auto buf = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!buf)
    why = buf.getError().message();
  return buf;
}

/// Checks a tensor shape read from a file: rank at most TONNX_MAX_RANK, no
/// negative dim, an element count (and byte size) that fits in int64.
static bool checkShape(StringRef path, ArrayRef<int64_t> shape, int32_t dtype,
                       int64_t &bytes) {
  if (shape.size() > TONNX_MAX_RANK)
    return fail("'" + path + "' has rank " + Twine(shape.size()) +
                "; the native runtime supports ranks up to " +
                Twine(TONNX_MAX_RANK));
  int64_t n = 1;
  for (int64_t d : shape) {
    if (d < 0)
      return fail("'" + path + "' has a negative dimension " + Twine(d));
    if (llvm::MulOverflow(n, d, n))
      return fail("'" + path + "': its shape has more than 2^63 elements");
  }
  if (llvm::MulOverflow(n, (int64_t)tonnx_dtype_size(dtype), bytes))
    return fail("'" + path + "': its shape needs more than 2^63 bytes");
  return true;
}

static bool readPb(StringRef path, HostTensor &t) {
  std::string why;
  auto buf = readRegularFile(path, why);
  if (!buf)
    return fail("cannot read '" + path + "': " + why);
  ::onnx::TensorProto tp;
  if (!tp.ParseFromArray((*buf)->getBufferStart(), (*buf)->getBufferSize()) ||
      !tp.has_data_type())
    return fail("'" + path + "' is not an ONNX TensorProto");
  if (tp.data_location() == ::onnx::TensorProto::EXTERNAL)
    return fail("'" + path +
                "': external data in input tensors is not "
                "supported");
  t.dtype = tp.data_type();
  if (!tonnx_dtype_size(t.dtype))
    return fail("'" + path + "' has dtype " + ONNX::dataTypeName(t.dtype) +
                ", which cannot be run natively");
  t.shape.assign(tp.dims().begin(), tp.dims().end());
  int64_t need;
  if (!checkShape(path, t.shape, t.dtype, need))
    return false;
  t.bytes = tp.has_raw_data() ? tp.raw_data() : ONNX::getTypedFieldBytes(tp);
  if ((int64_t)t.bytes.size() != need)
    return fail("'" + path + "' holds " + Twine(t.bytes.size()) +
                " bytes, its shape needs " + Twine(need));
  return true;
}

static bool readNpy(StringRef path, HostTensor &t) {
  std::string why;
  auto buf = readRegularFile(path, why);
  if (!buf)
    return fail("cannot read '" + path + "': " + why);
  StringRef data = (*buf)->getBuffer();
  if (!data.starts_with("\x93NUMPY") || data.size() < 10)
    return fail("'" + path + "' is not a .npy file");
  uint8_t major = data[6];
  size_t hlen, off;
  if (major == 1) {
    hlen = (uint8_t)data[8] | ((uint8_t)data[9] << 8);
    off = 10;
  } else {
    if (data.size() < 12)
      return fail("'" + path + "' is truncated");
    hlen = (uint8_t)data[8] | ((uint8_t)data[9] << 8) |
           ((size_t)(uint8_t)data[10] << 16) |
           ((size_t)(uint8_t)data[11] << 24);
    off = 12;
  }
  if (off + hlen > data.size())
    return fail("'" + path + "' is truncated");
  StringRef header = data.substr(off, hlen);
  auto field = [&](StringRef key) -> StringRef {
    size_t p = header.find("'" + key.str() + "'");
    if (p == StringRef::npos)
      return "";
    StringRef rest = header.substr(p + key.size() + 2).ltrim(" :");
    if (rest.starts_with("'"))
      return rest.substr(1, rest.find('\'', 1) - 1);
    if (rest.starts_with("("))
      return rest.substr(1, rest.find(')') - 1);
    return rest.substr(0, rest.find_first_of(",}"));
  };
  StringRef descr = field("descr");
  if (field("fortran_order").trim() == "True")
    return fail("'" + path + "': Fortran-order arrays are not supported");
  static const std::pair<const char *, int32_t> kinds[] = {
      {"f4", TONNX_FLOAT},  {"f8", TONNX_DOUBLE}, {"f2", TONNX_FLOAT16},
      {"i1", TONNX_INT8},   {"i2", TONNX_INT16},  {"i4", TONNX_INT32},
      {"i8", TONNX_INT64},  {"u1", TONNX_UINT8},  {"u2", TONNX_UINT16},
      {"u4", TONNX_UINT32}, {"u8", TONNX_UINT64}, {"b1", TONNX_BOOL}};
  t.dtype = 0;
  if (descr.size() == 3 && (descr[0] == '<' || descr[0] == '|'))
    for (auto &[k, v] : kinds)
      if (descr.substr(1) == k)
        t.dtype = v;
  if (!t.dtype)
    return fail("'" + path + "' has dtype '" + descr +
                "' (little-endian numeric dtypes only)");
  t.shape.clear();
  for (StringRef d : llvm::split(field("shape"), ',')) {
    d = d.trim();
    if (d.empty())
      continue;
    int64_t v;
    if (d.getAsInteger(10, v))
      return fail("'" + path + "' has a bad shape");
    t.shape.push_back(v);
  }
  int64_t bytes;
  if (!checkShape(path, t.shape, t.dtype, bytes))
    return false;
  if ((uint64_t)bytes > data.size() - (off + hlen))
    return fail("'" + path + "' is truncated: its shape needs " + Twine(bytes) +
                " bytes of data, it has " + Twine(data.size() - (off + hlen)));
  t.bytes = data.substr(off + hlen, bytes).str();
  return true;
}

static std::string shapeStr(ArrayRef<int64_t> s) {
  std::string r = "[";
  for (size_t i = 0; i < s.size(); ++i)
    r += (i ? "x" : "") + (s[i] < 0 ? std::string("?") : std::to_string(s[i]));
  return r + "]";
}

static void printTensor(const TensorSpec &spec, const tonnx_tensor &t) {
  llvm::outs() << spec.name << ": " << tonnx_dtype_name(t.dtype) << " "
               << shapeStr(ArrayRef<int64_t>(t.shape, t.rank)) << "\n  [";
  int64_t n = tonnx_numel(&t);
  for (int64_t k = 0; k < n && k < (int64_t)printLimit; ++k) {
    if (k)
      llvm::outs() << ", ";
    const char *p = (const char *)t.data + k * tonnx_dtype_size(t.dtype);
    switch (t.dtype) {
    case TONNX_FLOAT:
      llvm::outs() << *(const float *)p;
      break;
    case TONNX_DOUBLE:
      llvm::outs() << *(const double *)p;
      break;
    case TONNX_INT64:
      llvm::outs() << *(const int64_t *)p;
      break;
    case TONNX_INT32:
      llvm::outs() << *(const int32_t *)p;
      break;
    case TONNX_INT16:
      llvm::outs() << *(const int16_t *)p;
      break;
    case TONNX_INT8:
      llvm::outs() << (int)*(const int8_t *)p;
      break;
    case TONNX_UINT8:
      llvm::outs() << (unsigned)*(const uint8_t *)p;
      break;
    case TONNX_UINT16:
      llvm::outs() << *(const uint16_t *)p;
      break;
    case TONNX_UINT32:
      llvm::outs() << *(const uint32_t *)p;
      break;
    case TONNX_UINT64:
      llvm::outs() << *(const uint64_t *)p;
      break;
    case TONNX_BOOL:
      llvm::outs() << (*p ? "true" : "false");
      break;
    default:
      llvm::outs() << "?";
      break;
    }
  }
  if (n > (int64_t)printLimit)
    llvm::outs() << ", ... (" << n << " values)";
  llvm::outs() << "]\n";
}

/// Serializes `t` as a TensorProto into a temporary beside `path`; the
/// caller keeps all outputs together once every one is written.
static std::unique_ptr<torch_onnx::AtomicOutputFile>
writePb(const std::string &path, const TensorSpec &spec,
        const tonnx_tensor &t) {
  ::onnx::TensorProto tp;
  tp.set_name(spec.name);
  tp.set_data_type(t.dtype);
  for (int32_t i = 0; i < t.rank; ++i)
    tp.add_dims(t.shape[i]);
  tp.set_raw_data(std::string((const char *)t.data,
                              tonnx_numel(&t) * tonnx_dtype_size(t.dtype)));
  std::string error;
  auto out = torch_onnx::AtomicOutputFile::create(path, error);
  if (!out)
    return fail(error), nullptr;
  std::string bytes;
  tp.SerializeToString(&bytes);
  out->os() << bytes;
  out->os().flush();
  if (out->os().has_error())
    return fail("cannot write '" + path + "': " + out->os().error().message()),
           nullptr;
  return out;
}

namespace {
/// The entry points of our runtime library, taken from the very copy the
/// JIT'd code links against (loaded first, RTLD_GLOBAL), so both see one
/// state (the check guard; the CUDA driver).
struct RuntimeLibrary {
  int (*init)(char *, size_t) = nullptr;
  const char *(*deviceName)() = nullptr;
  int (*computeCapability)() = nullptr;
  int (*invoke)(void (*)(void *), void *, char *, size_t) = nullptr;
  int (*cpuInvoke)(void (*)(void *), void *, char *, size_t) = nullptr;
  void *lib = nullptr;

  bool loadLibrary(const std::string &path) {
    if (lib)
      return true;
    lib = dlopen(path.c_str(), RTLD_NOW | RTLD_GLOBAL);
    if (!lib)
      return fail("cannot load the runtime library '" + path +
                  "': " + dlerror());
    *(void **)&cpuInvoke = dlsym(lib, "tonnx_invoke");
    if (!cpuInvoke)
      return fail("'" + path + "' lacks tonnx_invoke (a stale build?)");
    return true;
  }

  bool load(const std::string &path) {
    if (!loadLibrary(path))
      return false;
    *(void **)&init = dlsym(lib, "tonnx_cuda_init");
    *(void **)&deviceName = dlsym(lib, "tonnx_cuda_device_name");
    *(void **)&computeCapability = dlsym(lib, "tonnx_cuda_compute_capability");
    *(void **)&invoke = dlsym(lib, "tonnx_cuda_invoke");
    if (!init || !deviceName || !computeCapability || !invoke)
      return fail("'" + path + "' lacks the CUDA runtime entry points");
    return true;
  }
};

struct PackedCall {
  void (*fn)(void **);
  void **args;
  static void thunk(void *p) {
    auto *c = static_cast<PackedCall *>(p);
    c->fn(c->args);
  }
};
} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM y(argc, argv);
  registerCommandLinePassOptions();
  cl::ParseCommandLineOptions(argc, argv, "torch-onnx native runner (JIT)\n");
  if (threads)
    setenv("OMP_NUM_THREADS", std::to_string(threads).c_str(), 1);

  // Inputs first: bad files are reported before compiling.
  std::vector<HostTensor> inputs;
  for (auto &p : inputPb) {
    inputs.emplace_back();
    if (!readPb(p, inputs.back()))
      return 1;
  }
  for (auto &p : inputNpy) {
    inputs.emplace_back();
    if (!readNpy(p, inputs.back()))
      return 1;
  }
  for (auto &p : inputAny) {
    inputs.emplace_back();
    bool ok = StringRef(p).ends_with(".npy") ? readNpy(p, inputs.back())
                                             : readPb(p, inputs.back());
    if (!ok)
      return 1;
  }

  auto target = getNativeTarget([](const Twine &m) { fail(m); });
  if (failed(target))
    return 1;
  bool cuda = target->cuda;
  std::string runtimeLib = getRuntimeLibraryPath(argv[0], /*shared=*/true);
  RuntimeLibrary cudaRt;
  ONNXToNVVMPipelineOptions nvvm;
  if (cuda) {
    // The device first: its chip is the default target, and without one
    // there is nothing to run on.
    std::string deviceChip = "sm_90";
    // A wrong --cuda-chip is reported before looking for a device.
    if (!target->chip.empty()) {
      std::string chipErr = checkCUDAChip(target->chip);
      if (!chipErr.empty())
        return fail(chipErr), 1;
    }
    if (!compileOnly) {
      char err[512];
      if (!cudaRt.load(runtimeLib))
        return 1;
      if (cudaRt.init(err, sizeof err))
        return fail(err), 1;
      int cc = cudaRt.computeCapability();
      deviceChip = "sm_" + std::to_string(cc / 10) + std::to_string(cc % 10);
    }
    if (failed(target->configure(nvvm, deviceChip,
                                 [](const Twine &m) { fail(m); })))
      return 1;
  }

  NativeToolContext tool;
  MLIRContext &ctx = tool.get();

  OwningOpRef<ModuleOp> module = loadModel(modelPath, &ctx);
  if (!module)
    return 1;
  ONNXToLLVMPipelineOptions popts;
  popts.openmp = openmp && !cuda;
  popts.vectorize = vectorize;
  popts.runtimeChecks = runtimeChecks;
  popts.approximateMath = approximateMath;
  auto compileStart = std::chrono::steady_clock::now();
  FailureOr<ModelSignature> sig = lowerModelToLLVM(
      *module, popts, cuda ? &nvvm : nullptr, applyCommandLinePassOptions);
  if (failed(sig))
    return 1;
  // Weights stay out of the LLVM IR: the JIT resolves them to their bytes.
  ExternalWeights weights;
  if (!cuda)
    weights = externalizeWeights(*module, externalWeightsMinBytes);

  // Check the inputs against the signature.
  if (zeroInputs && inputs.empty()) {
    for (auto &s : sig->inputs) {
      HostTensor t;
      t.dtype = s.dtype;
      int64_t n = 1;
      for (int64_t d : s.shape) {
        if (d < 0)
          return fail("--zero-inputs needs static input shapes ('" + s.name +
                      "' is " + shapeStr(s.shape) + ")"),
                 1;
        t.shape.push_back(d);
        n *= d;
      }
      t.bytes.assign(n * tonnx_dtype_size(s.dtype), '\0');
      inputs.push_back(std::move(t));
    }
  }
  if (!compileOnly && inputs.size() != sig->inputs.size()) {
    std::string names;
    for (auto &s : sig->inputs)
      names += (names.empty() ? "" : ", ") + s.name + " " +
               tonnx_dtype_name(s.dtype) + shapeStr(s.shape);
    fail("the model takes " + Twine(sig->inputs.size()) + " input(s) (" +
         names + "), " + Twine(inputs.size()) + " given");
    return 1;
  }
  std::vector<tonnx_tensor> views;
  for (size_t k = 0; k < inputs.size(); ++k) {
    views.push_back(inputs[k].view());
    auto &s = sig->inputs[k];
    char err[512];
    if (tonnx_check_tensor(&views.back(), s.name.c_str(), s.dtype,
                           s.shape.size(), s.shape.data(), err, sizeof err)) {
      fail(err);
      return 1;
    }
  }

  // JIT.
  std::string tmErr;
  auto tm = createTargetMachine("", &tmErr);
  if (!tm)
    return fail(tmErr), 1;
  auto transformer = makeOptimizingTransformer(2, 0, tm.get());
  ExecutionEngineOptions eopts;
  eopts.transformer = transformer;
  eopts.jitCodeGenOptLevel = llvm::CodeGenOptLevel::Aggressive;
  SmallVector<StringRef> libs;
  if (popts.openmp)
    libs.push_back(getOpenMPLibraryPath());
  libs.push_back(runtimeLib);
  eopts.sharedLibPaths = libs;
  auto engine =
      ExecutionEngine::create(*module, eopts, createTargetMachine("", &tmErr));
  if (!engine) {
    fail("JIT compilation failed: " + llvm::toString(engine.takeError()));
    return 1;
  }
  (*engine)->registerSymbols([&](llvm::orc::MangleAndInterner interner) {
    llvm::orc::SymbolMap map;
    for (const ExternalWeights::Entry &w : weights.entries)
      map[interner(w.symbol)] = {llvm::orc::ExecutorAddr::fromPtr(w.data),
                                 llvm::JITSymbolFlags::Exported};
    return map;
  });
  double compileMs = std::chrono::duration<double, std::milli>(
                         std::chrono::steady_clock::now() - compileStart)
                         .count();
  if (compileOnly) {
    // Materializes the host code.
    auto f = (*engine)->lookupPacked("_mlir_ciface_" + sig->entry);
    if (!f)
      return fail("JIT compilation failed: " + llvm::toString(f.takeError())),
             1;
    llvm::outs() << llvm::formatv("compiled for {0} in {1:F0} ms\n",
                                  cuda ? "cuda " + nvvm.chip.getValue()
                                       : std::string("this CPU"),
                                  compileMs);
    return 0;
  }

  // Descriptors: results (one struct) then one per input.
  size_t resultBytes = 0;
  for (auto &s : sig->outputs)
    resultBytes += tonnx_descriptor_size(s.shape.size());
  std::vector<int64_t> resultBuf(resultBytes / 8 + 1);
  std::vector<std::vector<int64_t>> inDescs;
  for (auto &v : views) {
    inDescs.emplace_back(tonnx_descriptor_size(v.rank) / 8);
    tonnx_descriptor_from_tensor(&v, inDescs.back().data());
  }
  std::vector<void *> ptrs{resultBuf.data()};
  for (auto &d : inDescs)
    ptrs.push_back(d.data());
  std::vector<void *> args;
  for (auto &p : ptrs)
    args.push_back(&p);
  std::string fn = "_mlir_ciface_" + sig->entry;

  std::vector<tonnx_tensor> outs(sig->outputs.size());
  PackedCall packed{nullptr, args.data()};
  if (!cuda && !cudaRt.loadLibrary(runtimeLib))
    return 1;
  {
    // Global constructors (CUDA: register the embedded GPU binaries).
    (*engine)->initialize();
    auto f = (*engine)->lookupPacked(fn);
    if (!f)
      return fail("cannot find the model entry: " +
                  llvm::toString(f.takeError())),
             1;
    packed.fn = *f;
  }
  auto runOnce = [&]() -> bool {
    if (cuda) {
      // CUDA failures inside the run come back here as messages.
      char err[1024];
      if (cudaRt.invoke(&PackedCall::thunk, &packed, err, sizeof err))
        return fail(err);
    } else {
      // Failed run-time checks come back here as messages.
      char err[1024];
      if (cudaRt.cpuInvoke(&PackedCall::thunk, &packed, err, sizeof err))
        return fail(err);
    }
    const char *p = (const char *)resultBuf.data();
    for (size_t k = 0; k < outs.size(); ++k) {
      int32_t rank = sig->outputs[k].shape.size();
      if (tonnx_tensor_from_descriptor(p, rank, sig->outputs[k].dtype,
                                       views.data(), views.size(), &outs[k]) ||
          tonnx_tensor_unshare(outs.data(), k))
        return fail("out of memory");
      p += tonnx_descriptor_size(rank);
    }
    return true;
  };
  auto freeOuts = [&]() {
    for (auto &o : outs)
      tonnx_tensor_free(&o);
  };

  if (benchmark) {
    for (unsigned i = 0; i < warmup; ++i) {
      if (!runOnce())
        return 1;
      freeOuts();
    }
    // Wall time, and CPU time of the whole process (every thread, spinning
    // OpenMP workers included) per run.
    auto cpuMs = [] {
      timespec ts;
      clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
      return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
    };
    std::vector<double> ms, cpu;
    for (unsigned i = 0; i < benchmark; ++i) {
      double c0 = cpuMs();
      auto t0 = std::chrono::steady_clock::now();
      bool ok = runOnce();
      auto t1 = std::chrono::steady_clock::now();
      if (!ok)
        return 1;
      freeOuts();
      cpu.push_back(cpuMs() - c0);
      ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpu.begin(), cpu.end());
    llvm::outs() << llvm::formatv(
        "benchmark: {0} runs, median {1:F3} ms, min {2:F3} ms, max {3:F3} ms "
        "(compile {4:F0} ms){5}; cpu time median {6:F3} ms\n",
        ms.size(), ms[ms.size() / 2], ms.front(), ms.back(), compileMs,
        cuda ? std::string(" on ") + cudaRt.deviceName() : std::string(),
        cpu[cpu.size() / 2]);
  }
  if (!runOnce())
    return 1;
  if (!outputDir.empty()) {
    if (auto ec = llvm::sys::fs::create_directories(outputDir))
      return fail("cannot create '" + outputDir + "': " + ec.message()), 1;
    // All outputs are written to temporaries first: a failure leaves no
    // partial set (and earlier files of the same names untouched).
    std::vector<std::unique_ptr<torch_onnx::AtomicOutputFile>> files;
    for (size_t k = 0; k < outs.size(); ++k) {
      SmallString<256> p(outputDir);
      llvm::sys::path::append(p, "output_" + std::to_string(k) + ".pb");
      files.push_back(writePb(p.str().str(), sig->outputs[k], outs[k]));
      if (!files.back())
        return 1;
    }
    for (auto &f : files) {
      std::string error;
      if (!f->keep(error))
        return fail(error), 1;
    }
  }
  if (printOutputs || (outputDir.empty() && !benchmark))
    for (size_t k = 0; k < outs.size(); ++k)
      printTensor(sig->outputs[k], outs[k]);
  freeOuts();
  return 0;
}
