//===- torch-onnx-export.cpp - TorchScript archive -> ONNX model ----------===//
//
// The user-facing exporter: the options mirror torch.onnx.export.
//
//   torch-onnx-export model.pt -o model.onnx --opset=17 \
//       --input-shapes='[batch,3,224,224]:f32' --output-names=logits
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Conversion/Passes.h"
#include "torch-onnx/Dialect/ONNX/IR/ONNXDialect.h"
#include "torch-onnx/Dialect/ONNX/IR/Opset.h"
#include "torch-onnx/Dialect/Torch/IR/TorchDialect.h"
#include "torch-onnx/Dialect/Torch/Utils/Utils.h"
#include "torch-onnx/InitAll.h"
#include "torch-onnx/Pipelines/Pipelines.h"
#include "torch-onnx/Support/OutputFile.h"
#include "torch-onnx/Target/ONNX/ONNXCommon.h"
#include "torch-onnx/Target/ONNX/ONNXTranslation.h"
#include "torch-onnx/Target/TorchExport/PT2Import.h"
#include "torch-onnx/Target/TorchScript/TorchScriptImport.h"
#include <dlfcn.h>
#include <link.h>

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/Timing.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include "onnx/checker.h"
#include "onnx/shape_inference/implementation.h"

using namespace mlir;
namespace cl = llvm::cl;

static cl::OptionCategory cat("torch-onnx-export options");

static cl::opt<std::string>
    inputFile(cl::Positional, cl::desc("<model.pt|model.pt2>"), cl::cat(cat));
static cl::opt<std::string> outputFile("o", cl::desc("Output ONNX file"),
                                       cl::value_desc("file"), cl::cat(cat));
static cl::opt<bool> listLoweredOps(
    "list-lowered-ops",
    cl::desc("Print the torch ops that have a lowering at --opset (or that "
             "the .pt2 importer handles itself), one per line, and exit"),
    cl::init(false), cl::cat(cat));
static cl::opt<int> opsetVersion("opset",
                                 cl::desc("Default-domain opset (9..17)"),
                                 cl::init(mlir::ONNX::kDefaultOpset),
                                 cl::cat(cat));
static cl::opt<std::string> inputShapes(
    "input-shapes",
    cl::desc("Shapes and dtypes of forward()'s tensor inputs, e.g. "
             "'[batch,3,224,224]:f32;[?]:si64' (a name = a dynamic axis)"),
    cl::cat(cat));
static cl::opt<std::string> symbolNames(
    "symbol-names",
    cl::desc("For a torch.export archive (.pt2): names of its size symbols "
             "in the ONNX graph, e.g. 's77=batch,s12=seq' (a symbol without "
             "one keeps its own name)"),
    cl::cat(cat));
static cl::list<std::string> inputNames("input-names",
                                        cl::desc("Graph input names, in order"),
                                        cl::CommaSeparated, cl::cat(cat));
static cl::list<std::string>
    outputNames("output-names", cl::desc("Graph output names, in order"),
                cl::CommaSeparated, cl::cat(cat));
static cl::list<std::string> dynamicAxes(
    "dynamic-axes",
    cl::desc("NAME:DIM[=LABEL] marks dim DIM of input/output NAME dynamic "
             "(as dynamic_axes of torch.onnx.export)"),
    cl::CommaSeparated, cl::cat(cat));
static cl::opt<bool>
    exportParams("export-params",
                 cl::desc("Store the weights in the model (default on)"),
                 cl::init(true), cl::cat(cat));
static cl::opt<bool> keepInitializersAsInputs(
    "keep-initializers-as-inputs",
    cl::desc("Also list the initializers as graph inputs"), cl::init(false),
    cl::cat(cat));
static cl::opt<bool>
    constantFolding("constant-folding",
                    cl::desc("Fold constant subgraphs (default on)"),
                    cl::init(true), cl::cat(cat));
static cl::opt<std::string> externalData(
    "use-external-data-format",
    cl::desc("Store weights in one external data file (default name: the "
             "model's + .data); automatic past 2 GiB"),
    cl::ValueOptional, cl::cat(cat));
static cl::opt<std::string> operatorExportType(
    "operator-export-type",
    cl::desc("ONNX (unsupported ops are errors) or ONNX_FALLTHROUGH (kept as "
             "org.pytorch.aten custom nodes)"),
    cl::init("ONNX"), cl::cat(cat));
static cl::opt<bool> verbose("verbose",
                             cl::desc("Print the resulting graph (MLIR)"),
                             cl::init(false), cl::cat(cat));
static cl::list<std::string> loadLibraries(
    "load-library",
    cl::desc("A shared library of custom TorchScript operators to load "
             "before reading the model (torch.ops.load_library's, e.g. "
             "torchvision's _C); repeatable"),
    cl::cat(cat));
static cl::opt<std::string> defaultDtype(
    "default-dtype",
    cl::desc("torch.get_default_dtype() of the model's code (f32, f64, f16 "
             "or bf16; default f32): the dtype of Python floats, of float "
             "factories without dtype= and of true division of integers in "
             "scripted code"),
    cl::init("f32"), cl::cat(cat));
static cl::opt<bool> shapeInference(
    "onnx-shape-inference",
    cl::desc("Fill value_info with ONNX's shape inference (default on)"),
    cl::init(true), cl::cat(cat));

namespace {

/// Applies --dynamic-axes to the inputs' shape spec and collects the labels
/// for the outputs.
struct DynamicAxis {
  std::string name;
  int64_t dim;
  std::string label;
};

LogicalResult parseDynamicAxes(std::vector<DynamicAxis> &out) {
  for (const std::string &s : dynamicAxes) {
    StringRef spec(s);
    auto [name, rest] = spec.rsplit(':');
    auto [dimStr, label] = rest.split('=');
    int64_t dim;
    if (name.empty() || dimStr.getAsInteger(10, dim) || dim < 0) {
      llvm::errs() << "error: bad --dynamic-axes entry '" << s
                   << "'; expected NAME:DIM or NAME:DIM=LABEL\n";
      return failure();
    }
    out.push_back({name.str(), dim, label.str()});
  }
  return success();
}

std::string defaultLabel(const std::string &name, int64_t dim) {
  return name + "_dynamic_axes_" + std::to_string(dim + 1);
}

/// Graph-level options that act on the ModelProto.
void moveInitializersToInputs(::onnx::ModelProto &model, bool keepData) {
  ::onnx::GraphProto &g = *model.mutable_graph();
  std::set<std::string> inputs;
  for (const auto &i : g.input())
    inputs.insert(i.name());
  for (const auto &t : g.initializer()) {
    if (inputs.count(t.name()))
      continue;
    auto *in = g.add_input();
    in->set_name(t.name());
    auto *tt = in->mutable_type()->mutable_tensor_type();
    tt->set_elem_type(t.data_type());
    auto *shape = tt->mutable_shape();
    for (int64_t d : t.dims())
      shape->add_dim()->set_dim_value(d);
  }
  if (!keepData)
    g.clear_initializer();
}

/// Outputs keep the names/dims of ONNX's inference where ours were unknown.
void runShapeInference(::onnx::ModelProto &model) {
  ::onnx::ShapeInferenceOptions opts{/*check_type=*/false, /*error_mode=*/0,
                                     /*enable_data_propagation=*/true};
  try {
    ::onnx::shape_inference::InferShapes(
        model, ::onnx::OpSchemaRegistry::Instance(), opts);
  } catch (const std::exception &e) {
    // Inference is best effort: the exported graph is still valid.
    llvm::errs() << "warning: ONNX shape inference stopped: " << e.what()
                 << "\n";
  }
}

/// dlopen()s libtorch.so from the directory of the libtorch_cpu.so this
/// process runs with (best effort: a library that needs it says so).
void preloadLibtorch() {
  std::string dir;
  dl_iterate_phdr(
      [](struct dl_phdr_info *info, size_t, void *data) {
        StringRef name(info->dlpi_name ? info->dlpi_name : "");
        if (!name.ends_with("/libtorch_cpu.so"))
          return 0;
        *static_cast<std::string *>(data) =
            name.drop_back(strlen("/libtorch_cpu.so")).str();
        return 1;
      },
      &dir);
  if (!dir.empty())
    dlopen((dir + "/libtorch.so").c_str(), RTLD_NOW | RTLD_GLOBAL);
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM y(argc, argv);
  registerAsmPrinterCLOptions();
  registerMLIRContextCLOptions();
  registerPassManagerCLOptions();
  registerDefaultTimingManagerCLOptions();
  cl::HideUnrelatedOptions({&cat, &cl::getGeneralCategory()});
  cl::ParseCommandLineOptions(
      argc, argv,
      "torch-onnx-export: a TorchScript archive (torch.jit.save) or a "
      "torch.export program (torch.export.save, .pt2) to an ONNX model\n");
  if (listLoweredOps) {
    std::vector<std::string> names =
        torch_onnx::getTorchToONNXLoweredOps(opsetVersion);
    for (std::string &n : Torch::getPT2HandledOps())
      names.push_back(std::move(n));
    llvm::sort(names);
    names.erase(std::unique(names.begin(), names.end()), names.end());
    for (const std::string &name : names)
      llvm::outs() << name << "\n";
    return 0;
  }
  if (inputFile.empty() || outputFile.empty()) {
    llvm::errs() << "error: give the model and -o <output.onnx>\n";
    return 1;
  }
  // Extension operators register themselves with libtorch when loaded;
  // they need the whole of libtorch (libtorch.so and its CUDA parts), of
  // which this tool links only libtorch_cpu: load it from the same place.
  if (!loadLibraries.empty())
    preloadLibtorch();
  for (const std::string &lib : loadLibraries)
    if (!dlopen(lib.c_str(), RTLD_NOW | RTLD_GLOBAL)) {
      const char *why = dlerror();
      llvm::errs() << "error: cannot load the operator library '" << lib
                   << "': " << (why ? why : "unknown reason")
                   << "\n  (it must be built for the torch this tool "
                      "links)\n";
      return 1;
    }

  DialectRegistry registry;
  torch_onnx::registerAllDialects(registry);
  // One function: threads would only add start-up cost.
  MLIRContext context(registry, MLIRContext::Threading::DISABLED);
  context.loadAllAvailableDialects();
  llvm::SourceMgr sourceMgr;
  SourceMgrDiagnosticHandler diagHandler(sourceMgr, &context);

  std::vector<DynamicAxis> axes;
  if (failed(parseDynamicAxes(axes)))
    return 1;
  if (operatorExportType != "ONNX" &&
      operatorExportType != "ONNX_FALLTHROUGH") {
    llvm::errs() << "error: --operator-export-type must be ONNX or "
                    "ONNX_FALLTHROUGH (got '"
                 << operatorExportType << "')\n";
    return 1;
  }
  if (opsetVersion < mlir::ONNX::kMinExportOpset ||
      opsetVersion > mlir::ONNX::kMaxOpset) {
    llvm::errs() << "error: opset " << opsetVersion << " is not supported; use "
                 << mlir::ONNX::kMinExportOpset << ".." << mlir::ONNX::kMaxOpset
                 << "\n";
    return 1;
  }

  DefaultTimingManager tm;
  applyDefaultTimingManagerCLOptions(tm);
  TimingScope timing = tm.getRootScope();

  OwningOpRef<ModuleOp> module;
  if (StringRef(inputFile).ends_with(".pt2") ||
      Torch::isPT2Archive(inputFile)) {
    // A torch.export program: shapes, dtypes and symbols come with it.
    if (!inputShapes.empty()) {
      llvm::errs() << "error: --input-shapes applies to TorchScript archives; "
                      "a torch.export program carries its shapes (name its "
                      "size symbols with --symbol-names)\n";
      return 1;
    }
    Torch::PT2ImportOptions pt2Options;
    std::string err;
    if (failed(Torch::parseSymbolNames(symbolNames, pt2Options, err))) {
      llvm::errs() << "error: --symbol-names: " << err << "\n";
      return 1;
    }
    TimingScope importTiming = timing.nest("torch.export import");
    module = Torch::importPT2File(inputFile, &context, pt2Options);
  } else {
    Torch::TorchScriptImportOptions importOptions;
    if (!inputShapes.empty()) {
      std::string err;
      auto shapes = Torch::parseInputShapes(inputShapes, err);
      if (failed(shapes)) {
        llvm::errs() << "error: --input-shapes: " << err << "\n";
        return 1;
      }
      importOptions.inputShapes = *shapes;
    }
    TimingScope importTiming = timing.nest("TorchScript import");
    module = Torch::importTorchScriptFile(inputFile, &context, importOptions);
  }
  if (!module)
    return 1;

  // Input names (torch.name) and dynamic axes of inputs, before conversion.
  func::FuncOp forward;
  for (auto f : module->getOps<func::FuncOp>())
    forward = f;
  if (!forward) {
    llvm::errs() << "error: the archive has no forward function\n";
    return 1;
  }
  if (inputNames.size() > forward.getNumArguments()) {
    llvm::errs() << "error: " << inputNames.size()
                 << " input names given, but forward() takes "
                 << forward.getNumArguments() << " inputs\n";
    return 1;
  }
  // ONNX graph inputs need an element type: TorchScript archives do not
  // record one for tensors.
  for (unsigned i = 0; i < forward.getNumArguments(); ++i) {
    auto t =
        dyn_cast<Torch::NonValueTensorType>(forward.getArgument(i).getType());
    if (t && !t.hasDtype()) {
      std::string name = "#" + std::to_string(i);
      if (auto n = forward.getArgAttrOfType<StringAttr>(i, "torch.name"))
        name = "'" + n.str() + "'";
      llvm::errs() << "error: tensor input " << name
                   << " of forward() has no known dtype; give the shapes and "
                      "dtypes of the tensor inputs with --input-shapes (e.g. "
                      "--input-shapes='[batch,3,224,224]:f32')\n";
      return 1;
    }
  }
  Builder b(&context);
  Type dflt = Torch::parseDtypeName(defaultDtype, &context);
  if (!dflt || !isa<FloatType>(dflt)) {
    llvm::errs() << "error: --default-dtype=" << defaultDtype
                 << " is not a floating-point dtype (use f32, f64, f16 or "
                    "bf16)\n";
    return 1;
  }
  if (!dflt.isF32())
    (*module)->setAttr(Torch::kDefaultDtypeAttr, TypeAttr::get(dflt));
  for (unsigned i = 0; i < inputNames.size(); ++i)
    forward.setArgAttr(i, "torch.name", b.getStringAttr(inputNames[i]));

  PassManager pm(&context);
  if (failed(applyPassManagerCLOptions(pm)))
    return 1;
  torch_onnx::TorchToONNXPipelineOptions pipeline;
  pipeline.opset = opsetVersion;
  pipeline.foldConstants = constantFolding;
  pipeline.fallthrough = operatorExportType == "ONNX_FALLTHROUGH";
  torch_onnx::buildTorchToONNXPipeline(pm, pipeline);
  TimingScope pipelineTiming = timing.nest("Pipeline");
  pm.enableTiming(pipelineTiming);
  if (failed(pm.run(*module)))
    return 1;

  func::FuncOp graph;
  for (auto f : module->getOps<func::FuncOp>())
    graph = f;
  if (outputNames.size() > graph.getNumResults()) {
    llvm::errs() << "error: " << outputNames.size()
                 << " output names given, but the model has "
                 << graph.getNumResults() << " outputs\n";
    return 1;
  }
  for (unsigned i = 0; i < outputNames.size(); ++i)
    graph.setResultAttr(i, ONNX::attr::kName, b.getStringAttr(outputNames[i]));

  // dynamic_axes: label the dims of named inputs and outputs.
  auto nameOfArg = [&](unsigned i) -> std::string {
    if (auto n = graph.getArgAttrOfType<StringAttr>(i, ONNX::attr::kName))
      return n.str();
    return "input_" + std::to_string(i);
  };
  auto nameOfResult = [&](unsigned i) -> std::string {
    if (auto n = graph.getResultAttrOfType<StringAttr>(i, ONNX::attr::kName))
      return n.str();
    return "";
  };
  for (const DynamicAxis &a : axes) {
    bool found = false;
    auto label = [&](Type t, ArrayAttr old, auto set) {
      auto rt = dyn_cast<RankedTensorType>(t);
      if (!rt || a.dim >= rt.getRank()) {
        llvm::errs() << "error: --dynamic-axes: '" << a.name << "' has no dim "
                     << a.dim << "\n";
        return false;
      }
      SmallVector<Attribute> names(rt.getRank(), b.getStringAttr(""));
      if (old)
        names.assign(old.begin(), old.end());
      names[a.dim] = b.getStringAttr(
          a.label.empty() ? defaultLabel(a.name, a.dim) : a.label);
      set(b.getArrayAttr(names));
      return true;
    };
    for (unsigned i = 0; i < graph.getNumArguments() && !found; ++i)
      if (nameOfArg(i) == a.name) {
        found = true;
        if (!label(graph.getArgument(i).getType(),
                   graph.getArgAttrOfType<ArrayAttr>(i, ONNX::attr::kDimParams),
                   [&](ArrayAttr v) {
                     graph.setArgAttr(i, ONNX::attr::kDimParams, v);
                   }))
          return 1;
        if (auto rt =
                dyn_cast<RankedTensorType>(graph.getArgument(i).getType());
            rt && !rt.isDynamicDim(a.dim))
          llvm::errs() << "warning: --dynamic-axes: input '" << a.name
                       << "' dim " << a.dim
                       << " was given a fixed size in --input-shapes; the "
                          "graph is specialized to it\n";
      }
    for (unsigned i = 0; i < graph.getNumResults() && !found; ++i)
      if (nameOfResult(i) == a.name) {
        found = true;
        Type t = graph.getResultTypes()[i];
        if (auto rt = dyn_cast<RankedTensorType>(t)) {
          // The output's dim is dynamic whatever we inferred.
          SmallVector<int64_t> shape(rt.getShape());
          shape[a.dim] = ShapedType::kDynamic;
          graph.setResultAttr(
              i, ONNX::attr::kType,
              TypeAttr::get(RankedTensorType::get(shape, rt.getElementType())));
        }
        if (!label(
                t,
                graph.getResultAttrOfType<ArrayAttr>(i, ONNX::attr::kDimParams),
                [&](ArrayAttr v) {
                  graph.setResultAttr(i, ONNX::attr::kDimParams, v);
                }))
          return 1;
      }
    if (!found) {
      llvm::errs() << "error: --dynamic-axes names '" << a.name
                   << "', which is neither an input nor an output name\n";
      return 1;
    }
  }

  if (verbose)
    module->print(
        llvm::outs(),
        OpPrintingFlags().elideLargeElementsAttrs(16).elideLargeResourceString(
            64));

  ONNX::ExportOptions exportOptions;
  exportOptions.runChecker = false;
  exportOptions.releaseResources = true;
  exportOptions.subgraphValueInfo = true;
  // Weights go to one external data file on request, or when the model would
  // pass protobuf's 2 GiB limit. They are streamed there from the loaded
  // tensors, never copied into the ModelProto.
  uint64_t weightBytes = 0;
  module->walk([&](ONNX::InitializerOp init) {
    if (auto r = dyn_cast<DenseResourceElementsAttr>(init.getValue()))
      if (AsmResourceBlob *blob = r.getRawHandle().getBlob())
        weightBytes += blob->getData().size();
  });
  bool external = externalData.getNumOccurrences() ||
                  weightBytes >= (uint64_t(1) << 31) - (uint64_t(1) << 26);
  std::string dataPath;
  std::unique_ptr<torch_onnx::AtomicOutputFile> dataFile;
  if (external) {
    StringRef requested = externalData;
    if (!requested.empty() &&
        (requested != llvm::sys::path::filename(requested) ||
         requested == "." || requested == "..")) {
      llvm::errs() << "error: --external-data='" << requested
                   << "' must be a plain file name: the data is written "
                      "beside the model, and importers refuse locations "
                      "outside the model's folder\n";
      return 1;
    }
    auto [file, path] = ONNX::getExternalDataFile(outputFile, requested);
    dataPath = path;
    std::string error;
    dataFile = torch_onnx::AtomicOutputFile::create(dataPath, error);
    if (!dataFile) {
      llvm::errs() << "error: " << error << "\n";
      return 1;
    }
    exportOptions.externalDataFile = file;
    exportOptions.streamExternalDataTo = &dataFile->os();
  }
  // On failure nothing is left behind and existing files stay as they were:
  // model and data go through temporaries renamed into place at the end.
  auto cleanup = [&] {
    if (!dataPath.empty() && !dataFile)
      llvm::sys::fs::remove(dataPath);
  };
  // libonnx 1.12's shape inference crashes on indexing ops over a 0-d
  // tensor instead of reporting it: a lowering that emits one is our bug,
  // reported as such at the PyTorch line.
  bool rankZeroIndexing = false;
  module->walk([&](Operation *op) {
    StringRef name = op->getName().getStringRef();
    if (!llvm::is_contained({"onnx.Gather", "onnx.GatherElements",
                             "onnx.GatherND", "onnx.ScatterElements",
                             "onnx.ScatterND", "onnx.Scatter"},
                            name) ||
        op->getNumOperands() == 0)
      return;
    auto t = dyn_cast<RankedTensorType>(op->getOperand(0).getType());
    if (t && t.getRank() == 0) {
      op->emitError() << "internal error: the lowering produced "
                      << name.drop_front(5)
                      << " on a 0-d tensor, which ONNX does not allow; "
                         "please report it (a torch-onnx bug)";
      rankZeroIndexing = true;
    }
  });
  if (rankZeroIndexing) {
    cleanup();
    return 1;
  }
  TimingScope exportTiming = timing.nest("Export to ModelProto");
  ::onnx::ModelProto model;
  if (failed(ONNX::exportModel(*module, model, exportOptions))) {
    cleanup();
    return 1;
  }
  exportTiming.stop();
  // The weights now live in the ModelProto: release the IR's copies (the
  // blobs own the loaded libtorch tensors).
  module = nullptr;
  DenseResourceElementsHandle::getManagerInterface(&context).setBlobManager(
      std::make_shared<DialectResourceBlobManager>());
  if (shapeInference) {
    TimingScope t = timing.nest("ONNX shape inference");
    runShapeInference(model);
  }
  // The dynamic axes asked for on outputs stay named, whatever inference
  // derived from a specialized input.
  for (const DynamicAxis &a : axes)
    for (auto &out : *model.mutable_graph()->mutable_output())
      if (out.name() == a.name && out.type().has_tensor_type() &&
          out.type().tensor_type().shape().dim_size() > a.dim) {
        auto *dim = out.mutable_type()
                        ->mutable_tensor_type()
                        ->mutable_shape()
                        ->mutable_dim(a.dim);
        dim->set_dim_param(a.label.empty() ? defaultLabel(a.name, a.dim)
                                           : a.label);
      }
  if (!exportParams || keepInitializersAsInputs)
    moveInitializersToInputs(model, exportParams);
  // ONNX needs the rank of every graph output; say which one lacks it and
  // what produced it (the checker would only say "Field 'shape' ... missing").
  for (const auto &[k, out] : llvm::enumerate(model.graph().output())) {
    if (!out.type().has_tensor_type() || out.type().tensor_type().has_shape())
      continue;
    std::string producer = "a graph input";
    for (const auto &n : model.graph().node())
      if (llvm::is_contained(n.output(), out.name()))
        producer = "node '" + n.name() + "' (" + n.op_type() + ")";
    llvm::errs() << "error: output #" << k << " ('" << out.name()
                 << "'), produced by " << producer
                 << ", has an unknown rank after type refinement and ONNX "
                    "shape inference; ONNX needs every graph output's rank. "
                    "Pass example inputs of the intended ranks, or report the "
                    "op whose result rank is not inferred\n";
    cleanup();
    return 1;
  }
  TimingScope checkTiming = timing.nest("Checker and write");
  if (std::string bad = ONNX::checkTypeConstraints(model); !bad.empty()) {
    llvm::errs() << "error: the exported model breaks ONNX's type "
                    "constraints: "
                 << bad
                 << "; ONNX Runtime would refuse to load it. This is a "
                    "torch-onnx lowering bug: please report it with the "
                    "model (another opset_version may avoid it)\n";
    cleanup();
    return 1;
  }
  auto check = [&](auto &&what) {
    try {
      ::onnx::checker::check_model(what);
      return true;
    } catch (const std::exception &e) {
      llvm::errs() << "error: the exported model fails ONNX's checker: "
                   << e.what() << "\n";
      return false;
    }
  };
  // With external data the checker must see the data file: check the
  // written model by path (it resolves the data beside it).
  if (dataPath.empty() && !check(model))
    return 1;
  ONNX::ExportOptions writeOptions;
  if (dataFile) {
    std::string error;
    if (!dataFile->keep(error)) {
      llvm::errs() << "error: external data: " << error << "\n";
      return 1;
    }
    dataFile.reset();
  }
  if (failed(ONNX::writeModelProtoFile(model, outputFile, writeOptions,
                                       UnknownLoc::get(&context)))) {
    cleanup();
    return 1;
  }
  if (!dataPath.empty() && !check(std::string(outputFile))) {
    llvm::sys::fs::remove(outputFile);
    cleanup();
    return 1;
  }
  return 0;
}
