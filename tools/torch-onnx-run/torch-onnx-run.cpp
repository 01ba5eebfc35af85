//===- torch-onnx-run.cpp - JIT-run an ONNX model natively ----------------===//
//
//   torch-onnx-run MODEL.(onnx|mlir) [--input-pb F]... [--input-npy F]...
//                  [--output-dir DIR] [--print] [--benchmark N]
//
// Lowers the model through --onnx-to-llvm-pipeline, compiles it for the
// host CPU into a shared library kept in the compile cache (a later run of
// the same model loads it) or, with --cache=false, JIT-compiles it with
// MLIR's ExecutionEngine, and runs it on the given inputs (ONNX TensorProto
// or .npy files, in graph-input order). Outputs are
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
#include "torch-onnx/Target/ONNX/ONNXTranslation.h"

#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/Transforms/IPO/MergeFunctions.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <dlfcn.h>
#include <functional>
#include <utime.h>

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
static cl::opt<unsigned> compileThreads(
    "compile-threads", cl::init(0),
    cl::desc("Threads for LLVM's optimization and code generation of a large "
             "model (its module split by function; 0: one per core)"));
static cl::opt<unsigned> compilePartMinSize(
    "compile-part-min-size", cl::init(4000), cl::Hidden,
    cl::desc("Fewest LLVM instructions per compile thread (tests)"));
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
static cl::opt<bool> useCache(
    "cache", cl::init(true),
    cl::desc("Keep the compiled model (a shared library) in a cache keyed by "
             "the model's bytes, the options, the host CPU and this build of "
             "the tools: running the same model again loads it (dlopen) "
             "instead of compiling. CPU only; with one of MLIR's "
             "pass-manager options (--mlir-print-ir-*, --mlir-timing, ...) "
             "the model is compiled into it, not loaded"));
static cl::opt<std::string> cacheDir(
    "cache-dir",
    cl::desc("The compile cache's directory (default: $TORCH_ONNX_CACHE_DIR, "
             "else $XDG_CACHE_HOME/torch-onnx/compiled, else "
             "~/.cache/torch-onnx/compiled)"));
static cl::opt<unsigned> cacheMaxMB(
    "cache-max-mb", cl::init(2048),
    cl::desc("Size of the compile cache: past it, the least recently used "
             "models are removed"));
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

static void printTensor(const TensorSpec &spec, const tonnx_tensor &t) {
  llvm::outs() << spec.name << ": " << tonnx_dtype_name(t.dtype) << " "
               << formatShape(ArrayRef<int64_t>(t.shape, t.rank)) << "\n  [";
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

//===----------------------------------------------------------------------===//
// The compile cache
//===----------------------------------------------------------------------===//

/// The C prefix of the cached libraries' entry points.
static constexpr const char *kCachedName = "tonnx_model";

namespace {
/// A model compiled to a shared library by buildSharedLibrary, loaded: its
/// entry point, the runtime's tensor release and the signature it exports.
struct ModelLibrary {
  void *handle = nullptr;
  int (*run)(const tonnx_tensor *, tonnx_tensor *, char *, size_t) = nullptr;
  void (*freeTensor)(tonnx_tensor *) = nullptr;
  ModelSignature sig;

  /// False, with the reason, when `path` does not load or lacks an entry
  /// point (a library of another version of the tools).
  bool open(const std::string &path, std::string &why) {
    handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      const char *e = dlerror();
      why = e ? e : "dlopen failed";
      return false;
    }
    auto sym = [&](StringRef what) {
      return dlsym(handle, (Twine(kCachedName) + "_" + what).str().c_str());
    };
    int (*numIn)() = nullptr, (*numOut)() = nullptr;
    const char *(*name[2])(int) = {};
    int32_t (*dtype[2])(int) = {}, (*rank[2])(int) = {};
    const int64_t *(*shape[2])(int) = {};
    *(void **)&run = sym("run");
    *(void **)&numIn = sym("num_inputs");
    *(void **)&numOut = sym("num_outputs");
    *(void **)&freeTensor = dlsym(handle, "tonnx_tensor_free");
    const char *(*loadError)() = nullptr;
    *(void **)&loadError = sym("load_error");
    if (loadError && loadError()) {
      why = loadError();
      dlclose(handle);
      handle = nullptr;
      return false;
    }
    bool complete = run && numIn && numOut && freeTensor;
    for (int k = 0; k < 2; ++k) {
      StringRef io = k ? "output_" : "input_";
      *(void **)&name[k] = sym(io.str() + "name");
      *(void **)&dtype[k] = sym(io.str() + "dtype");
      *(void **)&rank[k] = sym(io.str() + "rank");
      *(void **)&shape[k] = sym(io.str() + "shape");
      complete &= name[k] && dtype[k] && rank[k] && shape[k];
    }
    if (!complete) {
      why = "it lacks the model's entry points";
      dlclose(handle);
      handle = nullptr;
      return false;
    }
    sig.entry = kCachedName;
    for (int k = 0; k < 2; ++k) {
      int n = k ? numOut() : numIn();
      for (int i = 0; i < n; ++i) {
        TensorSpec t;
        t.name = name[k](i);
        t.dtype = dtype[k](i);
        t.shape.assign(shape[k](i), shape[k](i) + rank[k](i));
        (k ? sig.outputs : sig.inputs).push_back(std::move(t));
      }
    }
    return true;
  }
};
} // namespace

/// The cache's directory: --cache-dir, $TORCH_ONNX_CACHE_DIR,
/// $XDG_CACHE_HOME/torch-onnx/compiled or ~/.cache/torch-onnx/compiled
/// (empty when none is known).
static std::string getCacheDir() {
  if (!cacheDir.empty())
    return cacheDir;
  if (const char *d = getenv("TORCH_ONNX_CACHE_DIR"); d && *d)
    return d;
  SmallString<256> p;
  if (const char *x = getenv("XDG_CACHE_HOME"); x && *x)
    p = x;
  else if (const char *h = getenv("HOME"); h && *h)
    llvm::sys::path::append(p, h, ".cache");
  else
    return "";
  llvm::sys::path::append(p, "torch-onnx", "compiled");
  return std::string(p);
}

/// Whether one of MLIR's pass-manager options (IR printing, timing,
/// statistics, reproducers) was given: they are about the compilation, so
/// the run compiles.
static bool passManagerOptionsGiven() {
  for (auto &entry : cl::getRegisteredOptions())
    if (entry.first.starts_with("mlir-") && entry.second->getNumOccurrences())
      return true;
  return false;
}

/// The cache key: a hash of the model's bytes, and one of everything else
/// the compiled code depends on (the options, the host CPU and its
/// features, and this build: the tool, the runtime it links and the
/// MLIR/LLVM shared libraries, by size and modification time).
static std::string getCacheKey(StringRef model, const char *argv0,
                               StringRef runtimeArchive) {
  std::string id;
  llvm::raw_string_ostream os(id);
  os << "torch-onnx-run cache 1\nopenmp=" << openmp.getValue()
     << " vectorize=" << vectorize.getValue()
     << " runtime-checks=" << runtimeChecks.getValue()
     << " approximate-math=" << approximateMath.getValue()
     << " external-weights-min-bytes=" << externalWeightsMinBytes.getValue()
     << "\n"
     << llvm::sys::getHostCPUName() << "\n";
  llvm::StringMap<bool> features = llvm::sys::getHostCPUFeatures();
  std::vector<std::string> names;
  for (auto &f : features)
    names.push_back((f.getValue() ? "+" : "-") + f.getKey().str());
  llvm::sort(names);
  for (auto &n : names)
    os << n << ",";
  auto stamp = [&](StringRef path) {
    llvm::sys::fs::file_status st;
    if (!llvm::sys::fs::status(path, st))
      os << "\n"
         << path << " " << st.getSize() << " "
         << st.getLastModificationTime().time_since_epoch().count();
  };
  // Weights in external data files are part of the model: a model that
  // names any (the key "location" is in its bytes) is parsed for them.
  // (glibc's memmem: StringRef::find took 40 ms on resnet18's 45 MB.)
  static constexpr char kLocation[] = "location";
  if (::memmem(model.data(), model.size(), kLocation, sizeof(kLocation) - 1)) {
    MLIRContext ctx;
    ctx.getDiagEngine().registerHandler([](Diagnostic &) { return success(); });
    ::onnx::ModelProto proto;
    if (succeeded(ONNX::parseModel(model, modelPath, &ctx, proto)))
      for (const std::string &loc : ONNX::getExternalDataLocations(proto)) {
        SmallString<256> p(llvm::sys::path::parent_path(modelPath));
        llvm::sys::path::append(p, loc);
        stamp(p);
      }
  }
  stamp(llvm::sys::fs::getMainExecutable(argv0, (void *)&getCacheKey));
  stamp(runtimeArchive);
  Dl_info info;
  if (dladdr((void *)&llvm::sys::getHostCPUName, &info) && info.dli_fname)
    stamp(info.dli_fname);
  if (dladdr((void *)&mlir::translateModuleToLLVMIR, &info) && info.dli_fname)
    stamp(info.dli_fname);
  llvm::XXH128_hash_t m =
      llvm::xxh3_128bits(llvm::arrayRefFromStringRef(model));
  uint64_t o = llvm::xxh3_64bits(id);
  return llvm::formatv("{0}{1}-{2}", llvm::format_hex_no_prefix(m.high64, 16),
                       llvm::format_hex_no_prefix(m.low64, 16),
                       llvm::format_hex_no_prefix(o, 16))
      .str();
}

/// Removes a cached library, then its weights file (a library is never left
/// without its weights); the library's error.
static std::error_code removeCacheEntry(const std::string &library) {
  std::error_code ec = llvm::sys::fs::remove(library);
  if (!ec)
    llvm::sys::fs::remove(library + ".weights");
  return ec;
}

/// Removes the least recently used libraries (with their weights) until the
/// cache holds at most `maxBytes` (`keep`, the one just stored, stays).
static void trimCache(StringRef dir, StringRef keep, uint64_t maxBytes) {
  struct Entry {
    llvm::sys::TimePoint<> used;
    uint64_t size;
    std::string path;
  };
  std::vector<Entry> entries;
  uint64_t total = 0;
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec;
       it.increment(ec)) {
    // A library with its weights file; a weights file whose library is
    // gone (a compile that was stopped) on its own.
    StringRef path = it->path();
    llvm::sys::fs::file_status st, weightsSt;
    bool library = path.ends_with(".so");
    if ((!library && !(path.ends_with(".so.weights") &&
                       !llvm::sys::fs::exists(path.drop_back(8)))) ||
        llvm::sys::fs::status(path, st))
      continue;
    uint64_t size = st.getSize();
    if (library && !llvm::sys::fs::status(path + ".weights", weightsSt))
      size += weightsSt.getSize();
    entries.push_back({st.getLastModificationTime(), size, path.str()});
    total += size;
  }
  llvm::sort(entries,
             [](const Entry &a, const Entry &b) { return a.used < b.used; });
  for (const Entry &e : entries) {
    if (total <= maxBytes)
      break;
    if (e.path == keep || removeCacheEntry(e.path))
      continue;
    total -= e.size;
  }
}

//===----------------------------------------------------------------------===//
// The steps of a run
//===----------------------------------------------------------------------===//

/// Reads --input-pb, --input-npy and --input files, in that order.
static bool readInputs(std::vector<HostTensor> &inputs) {
  for (auto &p : inputPb) {
    inputs.emplace_back();
    if (!readPb(p, inputs.back()))
      return false;
  }
  for (auto &p : inputNpy) {
    inputs.emplace_back();
    if (!readNpy(p, inputs.back()))
      return false;
  }
  for (auto &p : inputAny) {
    inputs.emplace_back();
    bool ok = StringRef(p).ends_with(".npy") ? readNpy(p, inputs.back())
                                             : readPb(p, inputs.back());
    if (!ok)
      return false;
  }
  return true;
}

/// --target=cuda: the device's chip is the default target (without a
/// device there is nothing to run on; --compile-only needs none).
static bool prepareCUDA(const NativeTarget &target,
                        const std::string &runtimeLib, RuntimeLibrary &cudaRt,
                        ONNXToNVVMPipelineOptions &nvvm) {
  std::string deviceChip = "sm_90";
  // A wrong --cuda-chip is reported before looking for a device.
  if (!target.chip.empty()) {
    std::string chipErr = checkCUDAChip(target.chip);
    if (!chipErr.empty())
      return fail(chipErr);
  }
  if (!compileOnly) {
    char err[512];
    if (!cudaRt.load(runtimeLib))
      return false;
    if (cudaRt.init(err, sizeof err))
      return fail(err);
    int cc = cudaRt.computeCapability();
    deviceChip = "sm_" + std::to_string(cc / 10) + std::to_string(cc % 10);
  }
  return succeeded(
      target.configure(nvvm, deviceChip, [](const Twine &m) { fail(m); }));
}

namespace {
/// This run's entry of the compile cache.
struct CacheEntry {
  std::string dir, path; // empty: the cache is not used
  bool hit = false;

  /// Finds the model's entry and loads it into `library` when it is there
  /// and `load` (an entry that does not load is removed).
  void lookUp(const char *argv0, ModelLibrary &library, bool load) {
    dir = getCacheDir();
    std::string why;
    auto model = readRegularFile(modelPath, why);
    if (dir.empty() || !model)
      return;
    SmallString<256> p(dir);
    llvm::sys::path::append(
        p, getCacheKey((*model)->getBuffer(), argv0,
                       getRuntimeLibraryPath(argv0, /*shared=*/false)) +
               ".so");
    path = std::string(p);
    if (!load || !llvm::sys::fs::exists(path))
      return;
    if (library.open(path, why)) {
      hit = true;
      ::utime(path.c_str(), nullptr); // the most recently used
    } else {
      removeCacheEntry(path);
    }
  }

  /// Compiles the lowered model into the cache and loads it. Without a C
  /// compiler (or a writable cache) a warning says why, and the JIT runs
  /// the model.
  void store(ModuleOp module, const ModelSignature &sig,
             const ExternalWeights &weights, bool openmp, const char *argv0,
             ModelLibrary &library, TimingScope &timing) {
    std::string error;
    auto tm = createTargetMachine("", &error);
    SharedLibraryOptions o;
    o.name = kCachedName;
    o.modelPath = modelPath;
    o.runtimeArchive = getRuntimeLibraryPath(argv0, /*shared=*/false);
    o.optLevel = 2;
    o.openmp = openmp;
    o.codegenThreads = compileThreads;
    o.minPartSize = compilePartMinSize;
    // Written once, beside the library, instead of into an object and then
    // into the library (resnet18: 83 MB twice).
    o.externalWeights = true;
    std::error_code ec = llvm::sys::fs::create_directories(dir);
    if (ec)
      error = "cannot create '" + dir + "': " + ec.message();
    if (!tm || ec ||
        failed(buildSharedLibrary(module, sig, weights, *tm, o, path, error,
                                  &timing)) ||
        !library.open(path, error)) {
      llvm::errs() << "torch-onnx-run: warning: the compile cache is not used "
                      "for this run: "
                   << error << "\n";
      return;
    }
    trimCache(dir, path, uint64_t(cacheMaxMB) << 20);
  }
};

/// The model JIT-compiled by MLIR's ExecutionEngine, called through its
/// packed C interface under the runtime's guard.
struct JitModel {
  // The optimizing transformer refers to it when the JIT compiles (lazily).
  std::unique_ptr<llvm::TargetMachine> tm;
  std::unique_ptr<ExecutionEngine> engine;
  std::vector<int64_t> resultBuf;
  std::vector<std::vector<int64_t>> inDescs;
  std::vector<void *> ptrs, args;
  PackedCall packed{nullptr, nullptr};

  /// Compiles `module` and materializes its code (the JIT compiles lazily).
  bool compile(ModuleOp module, const ModelSignature &sig,
               const ExternalWeights &weights, bool openmp,
               StringRef runtimeLib) {
    std::string tmErr;
    tm = createTargetMachine("", &tmErr);
    if (!tm)
      return fail(tmErr);
    // ExecutionEngineOptions holds a function_ref: the transformer must
    // outlive create().
    // Identical outlined parallel regions (capture-global-addresses) are
    // merged before they are optimized.
    std::function<llvm::Error(llvm::Module *)> transformer =
        [target = tm.get()](llvm::Module *m) {
          llvm::MergeFunctionsPass::runOnModule(*m);
          optimizeLLVMModule(*m, target, 2);
          return llvm::Error::success();
        };
    ExecutionEngineOptions eopts;
    eopts.transformer = transformer;
    eopts.jitCodeGenOptLevel = llvm::CodeGenOptLevel::Aggressive;
    SmallVector<StringRef> libs;
    if (openmp)
      libs.push_back(getOpenMPLibraryPath());
    libs.push_back(runtimeLib);
    eopts.sharedLibPaths = libs;
    auto created =
        ExecutionEngine::create(module, eopts, createTargetMachine("", &tmErr));
    if (!created)
      return fail("JIT compilation failed: " +
                  llvm::toString(created.takeError()));
    engine = std::move(*created);
    engine->registerSymbols([&](llvm::orc::MangleAndInterner interner) {
      llvm::orc::SymbolMap map;
      for (const ExternalWeights::Entry &w : weights.entries)
        map[interner(w.symbol)] = {llvm::orc::ExecutorAddr::fromPtr(w.data),
                                   llvm::JITSymbolFlags::Exported};
      return map;
    });
    auto fn = engine->lookupPacked("_mlir_ciface_" + sig.entry);
    if (!fn)
      return fail("JIT compilation failed: " + llvm::toString(fn.takeError()));
    packed.fn = *fn;
    return true;
  }

  /// Descriptors of the results (one struct) and of each input; runs the
  /// global constructors (CUDA: registers the embedded GPU binaries).
  void prepare(const ModelSignature &sig, std::vector<tonnx_tensor> &views) {
    size_t resultBytes = 0;
    for (auto &s : sig.outputs)
      resultBytes += tonnx_descriptor_size(s.shape.size());
    resultBuf.resize(resultBytes / 8 + 1);
    for (auto &v : views) {
      inDescs.emplace_back(tonnx_descriptor_size(v.rank) / 8);
      tonnx_descriptor_from_tensor(&v, inDescs.back().data());
    }
    ptrs.push_back(resultBuf.data());
    for (auto &d : inDescs)
      ptrs.push_back(d.data());
    for (auto &p : ptrs)
      args.push_back(&p);
    packed.args = args.data();
    engine->initialize();
  }

  /// One run; failed run-time checks (and CUDA failures) come back as
  /// messages.
  bool run(const ModelSignature &sig, std::vector<tonnx_tensor> &views,
           std::vector<tonnx_tensor> &outs, RuntimeLibrary &rt, bool cuda) {
    char err[1024];
    if ((cuda ? rt.invoke : rt.cpuInvoke)(&PackedCall::thunk, &packed, err,
                                          sizeof err))
      return fail(err);
    const char *p = (const char *)resultBuf.data();
    for (size_t k = 0; k < outs.size(); ++k) {
      int32_t rank = sig.outputs[k].shape.size();
      if (tonnx_tensor_from_descriptor(p, rank, sig.outputs[k].dtype,
                                       views.data(), views.size(), &outs[k]) ||
          tonnx_tensor_unshare(outs.data(), k))
        return fail("out of memory");
      p += tonnx_descriptor_size(rank);
    }
    return true;
  }
};
} // namespace

/// --zero-inputs, then the inputs checked against the signature (count,
/// dtypes, static dims) into `views`.
static bool prepareInputs(const ModelSignature &sig,
                          std::vector<HostTensor> &inputs,
                          std::vector<tonnx_tensor> &views) {
  if (zeroInputs && inputs.empty()) {
    for (auto &s : sig.inputs) {
      HostTensor t;
      t.dtype = s.dtype;
      int64_t n = 1;
      for (int64_t d : s.shape) {
        if (d < 0)
          return fail("--zero-inputs needs static input shapes ('" + s.name +
                      "' is " + formatShape(s.shape) + ")");
        t.shape.push_back(d);
        n *= d;
      }
      t.bytes.assign(n * tonnx_dtype_size(s.dtype), '\0');
      inputs.push_back(std::move(t));
    }
  }
  if (!compileOnly && inputs.size() != sig.inputs.size()) {
    std::string names;
    for (auto &s : sig.inputs)
      names += (names.empty() ? "" : ", ") + s.name + " " +
               tonnx_dtype_name(s.dtype) + formatShape(s.shape);
    return fail("the model takes " + Twine(sig.inputs.size()) + " input(s) (" +
                names + "), " + Twine(inputs.size()) + " given");
  }
  for (size_t k = 0; k < inputs.size(); ++k) {
    views.push_back(inputs[k].view());
    auto &s = sig.inputs[k];
    char err[512];
    if (tonnx_check_tensor(&views.back(), s.name.c_str(), s.dtype,
                           s.shape.size(), s.shape.data(), err, sizeof err))
      return fail(err);
  }
  return true;
}

/// --benchmark: the median wall and CPU time (the whole process, every
/// thread, spinning OpenMP workers included) of N runs after warm-up.
static bool runBenchmark(const std::function<bool()> &runOnce,
                         const std::function<void()> &freeOuts,
                         double compileMs, StringRef device) {
  for (unsigned i = 0; i < warmup; ++i) {
    if (!runOnce())
      return false;
    freeOuts();
  }
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
      return false;
    freeOuts();
    cpu.push_back(cpuMs() - c0);
    ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  llvm::sort(ms);
  llvm::sort(cpu);
  llvm::outs() << llvm::formatv(
      "benchmark: {0} runs, median {1:F3} ms, min {2:F3} ms, max {3:F3} ms "
      "(compile {4:F0} ms){5}; cpu time median {6:F3} ms\n",
      ms.size(), ms[ms.size() / 2], ms.front(), ms.back(), compileMs,
      device.empty() ? std::string() : (" on " + device).str(),
      cpu[cpu.size() / 2]);
  return true;
}

/// --output-dir: every output written to a temporary first, so a failure
/// leaves no partial set (and earlier files of the same names untouched).
static bool writeOutputs(const ModelSignature &sig,
                         const std::vector<tonnx_tensor> &outs) {
  if (auto ec = llvm::sys::fs::create_directories(outputDir))
    return fail("cannot create '" + outputDir + "': " + ec.message());
  std::vector<std::unique_ptr<torch_onnx::AtomicOutputFile>> files;
  for (size_t k = 0; k < outs.size(); ++k) {
    SmallString<256> p(outputDir);
    llvm::sys::path::append(p, "output_" + std::to_string(k) + ".pb");
    files.push_back(writePb(p.str().str(), sig.outputs[k], outs[k]));
    if (!files.back())
      return false;
  }
  for (auto &f : files) {
    std::string error;
    if (!f->keep(error))
      return fail(error);
  }
  return true;
}

int main(int argc, char **argv) {
  llvm::InitLLVM y(argc, argv);
  registerCommandLinePassOptions();
  cl::ParseCommandLineOptions(argc, argv, "torch-onnx native runner\n");
  if (threads)
    setenv("OMP_NUM_THREADS", std::to_string(threads).c_str(), 1);

  // Inputs first: bad files are reported before compiling.
  std::vector<HostTensor> inputs;
  if (!readInputs(inputs))
    return 1;
  auto target = getNativeTarget([](const Twine &m) { fail(m); });
  if (failed(target))
    return 1;
  bool cuda = target->cuda;
  std::string runtimeLib = getRuntimeLibraryPath(argv[0], /*shared=*/true);
  RuntimeLibrary runtime;
  ONNXToNVVMPipelineOptions nvvm;
  if (cuda && !prepareCUDA(*target, runtimeLib, runtime, nvvm))
    return 1;

  // The compile cache (CPU): a model compiled before with the same options
  // and tools is loaded from it; otherwise it is compiled into it.
  auto compileStart = std::chrono::steady_clock::now();
  ModelLibrary library;
  CacheEntry cache;
  // MLIR's pass-manager options are about the compilation: with one, the
  // model is compiled (into the cache), not loaded.
  if (useCache && !cuda)
    cache.lookUp(argv[0], library, /*load=*/!passManagerOptionsGiven());
  // --mlir-timing: one report for the whole compile.
  DefaultTimingManager timingManager;
  applyDefaultTimingManagerCLOptions(timingManager);
  TimingScope timing = timingManager.getRootScope();

  NativeToolContext tool;
  ONNXToLLVMPipelineOptions popts;
  popts.openmp = openmp && !cuda;
  popts.vectorize = vectorize;
  popts.runtimeChecks = runtimeChecks;
  popts.approximateMath = approximateMath;
  OwningOpRef<ModuleOp> module;
  ModelSignature signature = library.sig;
  ExternalWeights weights;
  if (!cache.hit) {
    TimingScope importing = timing.nest("import");
    module = loadModel(modelPath, &tool.get());
    if (!module)
      return 1;
    importing.stop();
    FailureOr<ModelSignature> sig =
        lowerModelToLLVM(*module, popts, cuda ? &nvvm : nullptr,
                         applyCommandLinePassOptions, &timing);
    if (failed(sig))
      return 1;
    signature = std::move(*sig);
    // Weights stay out of the LLVM IR: the JIT resolves them to their
    // bytes, the cached library links them as data.
    if (!cuda) {
      TimingScope externalizing = timing.nest("externalize the weights");
      weights = externalizeWeights(*module, externalWeightsMinBytes);
    }
    if (!cache.path.empty())
      cache.store(*module, signature, weights, popts.openmp, argv[0], library,
                  timing);
  }
  std::vector<tonnx_tensor> views;
  if (!prepareInputs(signature, inputs, views))
    return 1;
  JitModel jit;
  if (!library.handle) {
    TimingScope jitting = timing.nest("JIT compile");
    if (!jit.compile(*module, signature, weights, popts.openmp, runtimeLib))
      return 1;
  }
  timing.stop();
  double compileMs = std::chrono::duration<double, std::milli>(
                         std::chrono::steady_clock::now() - compileStart)
                         .count();
  if (compileOnly) {
    llvm::outs() << llvm::formatv("compiled for {0} in {1:F0} ms",
                                  cuda ? "cuda " + nvvm.chip.getValue()
                                       : std::string("this CPU"),
                                  compileMs);
    if (library.handle)
      llvm::outs() << " (" << (cache.hit ? "loaded from" : "stored in")
                   << " the compile cache: " << cache.path << ")";
    llvm::outs() << "\n";
    return 0;
  }

  std::vector<tonnx_tensor> outs(signature.outputs.size());
  auto freeOuts = [&]() {
    for (auto &o : outs)
      library.handle ? library.freeTensor(&o) : tonnx_tensor_free(&o);
  };
  std::function<bool()> runOnce;
  if (library.handle) {
    // The library checks the inputs, runs under the runtime's guard and
    // returns outputs it owns.
    runOnce = [&]() -> bool {
      char err[1024];
      if (library.run(views.data(), outs.data(), err, sizeof err))
        return fail(err);
      return true;
    };
  } else {
    if (!cuda && !runtime.loadLibrary(runtimeLib))
      return 1;
    jit.prepare(signature, views);
    runOnce = [&] { return jit.run(signature, views, outs, runtime, cuda); };
  }

  if (benchmark && !runBenchmark(runOnce, freeOuts, compileMs,
                                 cuda ? runtime.deviceName() : ""))
    return 1;
  if (!runOnce())
    return 1;
  if (!outputDir.empty() && !writeOutputs(signature, outs))
    return 1;
  if (printOutputs || (outputDir.empty() && !benchmark))
    for (size_t k = 0; k < outs.size(); ++k)
      printTensor(signature.outputs[k], outs[k]);
  freeOuts();
  return 0;
}
