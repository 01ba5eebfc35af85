//===- Quantized.cpp - quantized TorchScript ops -> Q/DQ form -------------===//
//
// Eager-mode quantized models (torch.ao.quantization.convert, torchvision's
// quantized builders) run quantized kernels (quantized::conv2d,
// quantized::add, ...) on tensors whose dtype carries a scale and a zero
// point, with their weights inside packed-parameter objects. ONNX has no
// quantized tensor type: a quantized value is written as
// DequantizeLinear(QuantizeLinear(x)), the "QDQ" form that ONNX Runtime fuses
// into integer kernels (what torch.onnx.export writes too). Before import the
// frozen graph is rewritten into that form:
//  - a quantized tensor becomes the float tensor of its dequantized values,
//    produced by quantized_decomposed::quantize_per_tensor followed by
//    quantized_decomposed::dequantize_per_tensor with its scale and zero
//    point, which are known when the graph is built;
//  - packed weights are unpacked to integer constants read through
//    dequantize_per_tensor / dequantize_per_channel; a bias becomes int32
//    with scale input_scale * weight_scale, as the quantized kernels use it;
//  - a quantized kernel becomes its float op (aten::conv2d, aten::linear,
//    aten::add, ...), requantized with the kernel's output scale and zero
//    point;
//  - an aten op on quantized tensors keeps its input's scale and zero point
//    (requantized where the float op can leave the grid: average pooling,
//    bilinear upsampling, clamp) or takes the fixed ones PyTorch gives
//    sigmoid, hardsigmoid and tanh.
// The quantized_decomposed ops are those of PyTorch's PT2E quantization
// (torch.ao.quantization.fx._decomposed); torch-to-onnx lowers them to
// QuantizeLinear / DequantizeLinear.
//
//===----------------------------------------------------------------------===//

#include "Quantized.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"

#include <ATen/ATen.h>
#include <torch/csrc/jit/ir/constants.h>
#include <torch/csrc/jit/ir/ir.h>

#include <functional>
#include <limits>

using namespace mlir::Torch;
namespace tj = torch::jit;

namespace {

/// A per-tensor quantization: value = (q - zeroPoint) * scale, q of `repr`
/// (Byte for quint8, Char for qint8, Int for qint32).
struct QParams {
  double scale;
  int64_t zeroPoint;
  c10::ScalarType repr;
};

/// The integer type that holds a quantized dtype's values.
std::optional<c10::ScalarType> reprOf(c10::ScalarType q) {
  switch (q) {
  case c10::ScalarType::QUInt8:
    return c10::ScalarType::Byte;
  case c10::ScalarType::QInt8:
    return c10::ScalarType::Char;
  case c10::ScalarType::QInt32:
    return c10::ScalarType::Int;
  default:
    return std::nullopt;
  }
}

std::pair<int64_t, int64_t> rangeOf(c10::ScalarType repr) {
  switch (repr) {
  case c10::ScalarType::Byte:
    return {0, 255};
  case c10::ScalarType::Char:
    return {-128, 127};
  default:
    return {std::numeric_limits<int32_t>::min(),
            std::numeric_limits<int32_t>::max()};
  }
}

/// `type` with a quantized dtype replaced by float32 (other types as given).
c10::TypePtr floatType(const c10::TypePtr &type) {
  if (auto t = type->cast<c10::TensorType>())
    if (auto st = t->scalarType(); st && c10::isQIntType(*st))
      return t->withScalarType(c10::ScalarType::Float);
  return type;
}

/// aten ops whose result, on quantized inputs, holds input values only (or
/// a layout change of them): the first quantized input's scale and zero
/// point carry over.
const llvm::StringSet<> &gridPreservingOps() {
  static const llvm::StringSet<> ops = {"aten::relu",
                                        "aten::relu_",
                                        "aten::max_pool1d",
                                        "aten::max_pool2d",
                                        "aten::max_pool3d",
                                        "aten::flatten",
                                        "aten::reshape",
                                        "aten::view",
                                        "aten::transpose",
                                        "aten::permute",
                                        "aten::contiguous",
                                        "aten::squeeze",
                                        "aten::squeeze_",
                                        "aten::unsqueeze",
                                        "aten::slice",
                                        "aten::select",
                                        "aten::narrow",
                                        "aten::expand",
                                        "aten::expand_as",
                                        "aten::repeat",
                                        "aten::clone",
                                        "aten::detach",
                                        "aten::chunk",
                                        "aten::split",
                                        "aten::split_with_sizes",
                                        "aten::unbind",
                                        "aten::upsample_nearest1d",
                                        "aten::upsample_nearest2d",
                                        "aten::upsample_nearest3d",
                                        "aten::pixel_shuffle",
                                        "aten::pixel_unshuffle",
                                        "aten::channel_shuffle",
                                        "aten::native_channel_shuffle",
                                        "aten::dropout",
                                        "aten::dropout_",
                                        "aten::feature_dropout",
                                        "aten::flip",
                                        "aten::roll",
                                        "aten::t",
                                        "aten::numpy_T",
                                        "aten::__getitem__",
                                        "aten::reshape_as",
                                        "aten::view_as",
                                        "aten::movedim",
                                        "aten::unflatten",
                                        "aten::index",
                                        "aten::index_select",
                                        "aten::gather",
                                        "aten::unsafe_chunk",
                                        "aten::unsafe_split"};
  return ops;
}

/// aten ops whose float result can leave the input's grid: requantized with
/// the input's scale and zero point, as PyTorch's quantized kernels do.
const llvm::StringSet<> &requantizingOps() {
  static const llvm::StringSet<> ops = {"aten::adaptive_avg_pool1d",
                                        "aten::adaptive_avg_pool2d",
                                        "aten::adaptive_avg_pool3d",
                                        "aten::avg_pool1d",
                                        "aten::avg_pool2d",
                                        "aten::avg_pool3d",
                                        "aten::mean",
                                        "aten::upsample_bilinear2d",
                                        "aten::upsample_linear1d",
                                        "aten::upsample_trilinear3d",
                                        "aten::upsample_bicubic2d",
                                        "aten::clamp",
                                        "aten::clamp_",
                                        "aten::hardtanh",
                                        "aten::hardtanh_",
                                        "aten::relu6",
                                        "aten::cat",
                                        "aten::stack",
                                        "aten::pad",
                                        "aten::constant_pad_nd",
                                        "aten::reflection_pad1d",
                                        "aten::reflection_pad2d",
                                        "aten::replication_pad1d",
                                        "aten::replication_pad2d"};
  return ops;
}

class QuantizedRewriter {
public:
  explicit QuantizedRewriter(tj::Graph &graph) : graph(graph) {}

  std::optional<QuantizedRewriteError> run() {
    try {
      if (!rewriteBlock(graph.block()))
        return error;
    } catch (const std::exception &e) {
      std::string what = e.what();
      return QuantizedRewriteError{
          failedAt, "quantized model: " + what.substr(0, what.find('\n'))};
    }
    retype(graph.block());
    return std::nullopt;
  }

private:
  bool fail(tj::Node *node, const std::string &message) {
    // A trace's locations point into torch's own code for quantized
    // kernels: name the module that ran it.
    std::string where;
    if (std::optional<tj::InlinedCallStackPtr> stack = node->callstack())
      for (const auto &entry : (*stack)->vec())
        if (const auto &m = std::get<2>(entry);
            m && !m->instance_name().empty())
          where += (where.empty() ? "" : ".") + m->instance_name();
    error = QuantizedRewriteError{node, where.empty() ? message
                                                      : "in module '" + where +
                                                            "': " + message};
    return false;
  }

  tj::Value *constant(const c10::IValue &v) { return graph.insertConstant(v); }

  /// A node of `kind` with `inputs` and one output of `type`, inserted at
  /// the insertion point, with `origin`'s source range and scope.
  tj::Value *create(const char *kind, at::ArrayRef<tj::Value *> inputs,
                    const c10::TypePtr &type, tj::Node *origin) {
    tj::Node *n =
        graph.create(c10::Symbol::fromQualString(kind), inputs, /*outputs=*/1);
    n->setSourceRange(origin->sourceRange());
    n->setScope(origin->scope());
    graph.insertNode(n);
    n->output()->setType(type);
    return n->output();
  }

  /// An aten op matched against its schema, like the script compiler.
  tj::Value *insertAten(const char *name, at::ArrayRef<tj::NamedValue> args,
                        tj::Node *origin) {
    tj::Value *v = graph.insert(c10::Symbol::fromQualString(name), args, {},
                                origin->sourceRange());
    v->node()->setScope(origin->scope());
    return v;
  }

  /// dequantize(quantize(x)) with `q`: the float value of a quantized
  /// tensor.
  tj::Value *quantDequant(tj::Value *x, const QParams &q, tj::Node *origin) {
    auto [lo, hi] = rangeOf(q.repr);
    c10::TypePtr floatTy = floatType(x->type());
    c10::TypePtr reprTy = floatTy;
    if (auto t = floatTy->cast<c10::TensorType>())
      reprTy = t->withScalarType(q.repr);
    // Both ops take (tensor, scale, zero_point, quant_min, quant_max, dtype).
    std::vector<tj::Value *> args = {x,
                                     constant(q.scale),
                                     constant(q.zeroPoint),
                                     constant(lo),
                                     constant(hi),
                                     constant(static_cast<int64_t>(q.repr))};
    args[0] = create("quantized_decomposed::quantize_per_tensor", args, reprTy,
                     origin);
    tj::Value *dq = create("quantized_decomposed::dequantize_per_tensor", args,
                           floatTy, origin);
    qparams[dq] = q;
    return dq;
  }

  /// The float value of a quantized constant (a weight): its integer values
  /// as a constant read through a dequantize op.
  tj::Value *dequantizedConstant(const at::Tensor &w, tj::Node *origin) {
    at::Tensor repr = w.int_repr().contiguous();
    c10::ScalarType rt = repr.scalar_type();
    auto [lo, hi] = rangeOf(rt);
    c10::TypePtr floatTy =
        c10::TensorType::create(repr)->withScalarType(c10::ScalarType::Float);
    tj::Value *data = constant(repr);
    if (w.qscheme() == at::kPerTensorAffine)
      return create("quantized_decomposed::dequantize_per_tensor",
                    {data, constant(w.q_scale()), constant(w.q_zero_point()),
                     constant(lo), constant(hi),
                     constant(static_cast<int64_t>(rt))},
                    floatTy, origin);
    if (w.qscheme() == at::kPerChannelAffine)
      return create("quantized_decomposed::dequantize_per_channel",
                    {data, constant(w.q_per_channel_scales().to(at::kFloat)),
                     constant(w.q_per_channel_zero_points().to(at::kLong)),
                     constant(w.q_per_channel_axis()), constant(lo),
                     constant(hi), constant(static_cast<int64_t>(rt))},
                    floatTy, origin);
    throw std::runtime_error(
        std::string("a weight quantized with qscheme ") +
        c10::toString(w.qscheme()) +
        " has no ONNX form (per-tensor and per-channel affine weights do)");
  }

  /// The bias of a quantized conv or linear as the kernels use it: int32
  /// with scale input_scale * weight_scale (per output channel), zero point
  /// 0, read through a dequantize op.
  tj::Value *quantizedBias(const at::Tensor &bias, const at::Tensor &w,
                           const QParams &in, tj::Node *origin) {
    int64_t channels = bias.numel();
    at::Tensor scales;
    if (w.qscheme() == at::kPerChannelAffine) {
      scales = w.q_per_channel_scales().to(at::kDouble);
      if (scales.numel() != channels && channels % scales.numel() == 0)
        scales = scales.repeat({channels / scales.numel()});
    } else {
      scales = at::full({channels}, w.q_scale(), at::kDouble);
    }
    scales = (scales * in.scale).to(at::kFloat);
    auto [lo, hi] = rangeOf(c10::ScalarType::Int);
    at::Tensor q = at::round(bias.to(at::kDouble) / scales.to(at::kDouble))
                       .clamp(double(lo), double(hi))
                       .to(at::kInt)
                       .contiguous();
    c10::TypePtr floatTy =
        c10::TensorType::create(bias)->withScalarType(c10::ScalarType::Float);
    return create("quantized_decomposed::dequantize_per_channel",
                  {constant(q), constant(scales),
                   constant(at::zeros({channels}, at::kLong)),
                   constant(int64_t(0)), constant(lo), constant(hi),
                   constant(static_cast<int64_t>(c10::ScalarType::Int))},
                  floatTy, origin);
  }

  /// The scale and zero point of a quantized input.
  std::optional<QParams> paramsOf(tj::Value *v) {
    auto it = qparams.find(v);
    if (it == qparams.end())
      return std::nullopt;
    return it->second;
  }

  /// The output scale and zero point operands of a quantized kernel: float
  /// and int constants (the output dtype is the input's).
  std::optional<QParams> outputParams(tj::Node *n, size_t scaleIdx,
                                      const QParams &in) {
    auto s = tj::toIValue(n->input(scaleIdx));
    auto z = tj::toIValue(n->input(scaleIdx + 1));
    if (s && s->isNone())
      return in;
    if (!s || !z || !s->isDouble() || !z->isInt())
      return std::nullopt;
    return QParams{s->toDouble(), z->toInt(), in.repr};
  }

  c10::IValue call(const c10::IValue &obj, const std::string &method) {
    torch::jit::Function *fn = obj.toObject()->type()->findMethod(method);
    if (!fn)
      throw std::runtime_error("packed parameters of type " +
                               obj.type()->repr_str() + " have no " + method +
                               "()");
    return (*fn)({obj});
  }

  /// Replaces `n`'s output by `v` and removes `n`.
  void replace(tj::Node *n, tj::Value *v) {
    n->output()->replaceAllUsesWith(v);
    n->destroy();
  }

  bool rewriteKernel(tj::Node *n, llvm::StringRef kind);
  bool rewriteNode(tj::Node *n);
  bool rewriteBlock(tj::Block *block);
  void retype(tj::Block *block);

  tj::Graph &graph;
  llvm::DenseMap<tj::Value *, QParams> qparams;
  QuantizedRewriteError error{nullptr, ""};
  const tj::Node *failedAt = nullptr;
};

} // namespace

/// quantized::<kernel>(x, ..., output_scale, output_zero_point): the float op
/// requantized with the output parameters.
bool QuantizedRewriter::rewriteKernel(tj::Node *n, llvm::StringRef kind) {
  std::string name = kind.drop_front(strlen("quantized::")).str();
  bool relu = false;
  if (llvm::StringRef(name).ends_with("_relu")) {
    relu = true;
    name.resize(name.size() - strlen("_relu"));
  }
  static const llvm::StringSet<> kernels = {"conv1d",
                                            "conv2d",
                                            "conv3d",
                                            "conv_transpose1d",
                                            "conv_transpose2d",
                                            "conv_transpose3d",
                                            "linear",
                                            "add",
                                            "mul",
                                            "matmul",
                                            "cat",
                                            "hardswish",
                                            "sigmoid",
                                            "elu",
                                            "softmax",
                                            "leaky_relu",
                                            "layer_norm",
                                            "group_norm",
                                            "instance_norm",
                                            "batch_norm",
                                            "batch_norm1d",
                                            "batch_norm2d",
                                            "batch_norm3d"};
  if (llvm::StringRef(name).ends_with("_dynamic"))
    return fail(n, kind.str() + ": dynamically quantized modules (activations "
                                "quantized at run time, "
                                "torch.ao.quantization.quantize_dynamic) have "
                                "no export rule; export the float model, or "
                                "quantize it statically (prepare/convert)");
  if (!kernels.contains(name))
    return fail(n, kind.str() +
                       " has no export rule (supported quantized kernels: "
                       "conv1d/2d/3d[_relu], conv_transpose1d/2d/3d, "
                       "linear[_relu], add[_relu], mul[_relu], matmul, cat, "
                       "hardswish, sigmoid, elu, softmax, leaky_relu, "
                       "layer_norm, group_norm, instance_norm, batch_norm*); "
                       "dequantize before it or leave that module in float");
  tj::Value *x = n->input(0);
  std::optional<QParams> in = paramsOf(x);
  if (!in && name != "cat")
    return fail(n, kind.str() + " on a tensor whose quantization is not "
                                "known here (quantize it with "
                                "torch.quantize_per_tensor in the model)");
  tj::WithInsertPoint guard(n);
  auto finish = [&](tj::Value *r, size_t scaleIdx, const QParams &base) {
    std::optional<QParams> out = outputParams(n, scaleIdx, base);
    if (!out)
      return fail(n, kind.str() + " with an output scale or zero point "
                                  "computed at run time has no static "
                                  "ONNX form");
    // Typed as the kernel's result (a trace knows its shape).
    r->setType(floatType(n->output()->type()));
    if (relu) {
      r = insertAten("aten::relu", {r}, n);
      r->setType(floatType(n->output()->type()));
    }
    replace(n, quantDequant(r, *out, n));
    return true;
  };

  bool conv = llvm::StringRef(name).starts_with("conv");
  if (conv || name == "linear") {
    std::optional<c10::IValue> packed = tj::toIValue(n->input(1));
    if (!packed || !packed->isObject())
      return fail(n, kind.str() + " whose packed weights are not a constant "
                                  "of the frozen module");
    c10::IValue unpacked = call(*packed, "unpack");
    const auto &elts = unpacked.toTupleRef().elements();
    at::Tensor w = elts[0].toTensor();
    std::optional<at::Tensor> bias;
    if (elts.size() > 1 && elts[1].isTensor())
      bias = elts[1].toTensor();
    if (!w.is_quantized())
      return fail(n, kind.str() + " with float weights (dynamic or "
                                  "weight-only quantization) is not "
                                  "supported; use static quantization");
    tj::Value *wv = dequantizedConstant(w, n);
    tj::Value *bv = bias ? quantizedBias(*bias, w, *in, n)
                         : graph.insertConstant(c10::IValue());
    if (name == "linear")
      return finish(insertAten("aten::linear", {x, wv, bv}, n), 2, *in);
    auto ints = [&](const char *m) { return call(*packed, m).toIntVector(); };
    bool transposed = call(*packed, "transpose").toBool();
    std::vector<int64_t> stride = ints("stride"), padding = ints("padding"),
                         dilation = ints("dilation");
    int64_t groups = call(*packed, "groups").toInt();
    std::vector<int64_t> outPadding = ints("output_padding");
    // conv1d's parameters are packed as a conv2d with a unit height.
    if (name.find("1d") != std::string::npos && stride.size() == 2) {
      for (auto *v : {&stride, &padding, &dilation, &outPadding})
        v->erase(v->begin());
      if (w.dim() == 4)
        wv = insertAten("aten::squeeze", {wv, int64_t(2)}, n);
    }
    std::string op = "aten::conv" +
                     std::string(transposed ? "_transpose" : "") +
                     name.substr(name.size() - 2);
    tj::Value *r =
        transposed
            ? insertAten(
                  op.c_str(),
                  {x, wv, bv, stride, padding, outPadding, groups, dilation}, n)
            : insertAten(op.c_str(),
                         {x, wv, bv, stride, padding, dilation, groups}, n);
    return finish(r, 2, *in);
  }
  if (name == "add" || name == "mul" || name == "matmul") {
    if (!paramsOf(n->input(1)))
      return fail(n, kind.str() + " of a scalar, or of a tensor whose "
                                  "quantization is not known here, has no "
                                  "export rule");
    tj::Value *r = name == "add" ? insertAten("aten::add", {x, n->input(1)}, n)
                                 : insertAten(("aten::" + name).c_str(),
                                              {x, n->input(1)}, n);
    return finish(r, 2, *in);
  }
  if (name == "cat") {
    // cat(Tensor[] qx, int dim, float? scale, int? zero_point).
    tj::Node *list = x->node();
    std::optional<QParams> first;
    if (list->kind() == c10::prim::ListConstruct && list->inputs().size())
      first = paramsOf(list->input(0));
    if (!first)
      return fail(n, "quantized::cat of tensors whose quantization is not "
                     "known here");
    return finish(insertAten("aten::cat", {x, n->input(1)}, n), 2, *first);
  }
  if (name == "hardswish" || name == "sigmoid" || name == "elu" ||
      name == "softmax" || name == "leaky_relu" || name == "layer_norm" ||
      name == "group_norm" || name == "instance_norm" ||
      name == "batch_norm1d" || name == "batch_norm2d" ||
      name == "batch_norm3d" || name == "batch_norm") {
    auto inputs = n->inputs();
    size_t k = inputs.size();
    tj::Value *r = nullptr;
    if (name == "hardswish" || name == "sigmoid")
      r = insertAten(("aten::" + name).c_str(), {x}, n);
    else if (name == "elu") // elu(x, scale, zp, alpha, scale, input_scale)
      r = insertAten("aten::elu", {x, n->input(3), n->input(4), n->input(5)},
                     n);
    else if (name == "softmax") // softmax(x, dim, scale, zp)
      r = insertAten("aten::softmax", {x, n->input(1)}, n);
    else if (name == "leaky_relu") // leaky_relu(x, slope, inplace, s, zp)
      r = insertAten("aten::leaky_relu", {x, n->input(1)}, n);
    else if (name == "layer_norm") // (x, shape, weight, bias, eps, s, zp)
      r = insertAten("aten::layer_norm",
                     {x, n->input(1), n->input(2), n->input(3), n->input(4)},
                     n);
    else if (name == "group_norm") // (x, groups, weight, bias, eps, s, zp)
      r = insertAten("aten::group_norm",
                     {x, n->input(1), n->input(2), n->input(3), n->input(4)},
                     n);
    else if (name == "instance_norm") // (x, weight, bias, eps, s, zp)
      r = insertAten("aten::instance_norm",
                     {x, n->input(1), n->input(2), c10::IValue(), c10::IValue(),
                      true, 0.1, n->input(3), false},
                     n);
    else // batch_norm*(x, weight, bias, mean, var, eps, s, zp)
      r = insertAten("aten::batch_norm",
                     {x, n->input(1), n->input(2), n->input(3), n->input(4),
                      false, 0.1, n->input(5), false},
                     n);
    size_t scaleIdx = name == "elu" ? 1 : k - 2;
    return finish(r, scaleIdx, *in);
  }
  return fail(n, kind.str() + " has no export rule");
}

bool QuantizedRewriter::rewriteNode(tj::Node *n) {
  llvm::StringRef kind = n->kind().toQualString();
  // A quantized tensor constant (one freezing made of a quantized
  // attribute).
  if (n->kind() == c10::prim::Constant) {
    std::optional<c10::IValue> v = tj::toIValue(n->output());
    if (v && v->isTensor() && v->toTensor().is_quantized()) {
      at::Tensor t = v->toTensor();
      tj::WithInsertPoint guard(n);
      tj::Value *r = dequantizedConstant(t, n);
      if (t.qscheme() == at::kPerTensorAffine)
        qparams[r] =
            QParams{t.q_scale(), t.q_zero_point(), t.int_repr().scalar_type()};
      replace(n, r);
    }
    return true;
  }
  if (kind == "aten::quantize_per_tensor") {
    // quantize_per_tensor(x, scale, zero_point, dtype); the scale and zero
    // point as numbers or 0-d tensors.
    auto s = tj::toIValue(n->input(1));
    auto z = tj::toIValue(n->input(2));
    auto d = tj::toIValue(n->input(3));
    auto num =
        [](const std::optional<c10::IValue> &v) -> std::optional<double> {
      if (!v)
        return std::nullopt;
      if (v->isTensor() && v->toTensor().numel() == 1)
        return v->toTensor().item<double>();
      if (v->isDouble() || v->isInt())
        return v->toScalar().toDouble();
      return std::nullopt;
    };
    std::optional<double> scale = num(s), zp = num(z);
    std::optional<c10::ScalarType> repr;
    if (d && d->isInt())
      repr = reprOf(static_cast<c10::ScalarType>(d->toInt()));
    if (!scale || !zp || !repr)
      return fail(n, "quantize_per_tensor needs a constant scale, zero point "
                     "and dtype (quint8, qint8 or qint32) to be exported");
    if (*repr == c10::ScalarType::Int)
      return fail(n, "quantize_per_tensor to qint32 has no ONNX form "
                     "(QuantizeLinear writes 8-bit integers)");
    tj::WithInsertPoint guard(n);
    replace(n,
            quantDequant(n->input(0), QParams{*scale, int64_t(*zp), *repr}, n));
    return true;
  }
  if (kind == "aten::dequantize") {
    tj::Value *x = n->input(0);
    if (x->type()->kind() != c10::TypeKind::TensorType)
      return fail(n, "dequantize of a list of tensors is not supported; "
                     "dequantize each tensor");
    if (!paramsOf(x))
      return fail(n, "dequantize of a tensor whose quantization is not known "
                     "here");
    n->output()->replaceAllUsesWith(x);
    n->destroy();
    return true;
  }
  if (kind.starts_with("quantized::"))
    return rewriteKernel(n, kind);

  // An op on quantized tensors: which input is quantized?
  std::optional<QParams> in;
  for (tj::Value *v : n->inputs()) {
    if ((in = paramsOf(v)))
      break;
    if (v->node()->kind() == c10::prim::ListConstruct &&
        v->node()->inputs().size())
      if ((in = paramsOf(v->node()->input(0))))
        break;
  }
  if (!in)
    return true;
  if (kind == "aten::q_scale" || kind == "aten::q_zero_point") {
    tj::WithInsertPoint guard(n);
    tj::Value *c =
        kind == "aten::q_scale" ? constant(in->scale) : constant(in->zeroPoint);
    n->output()->replaceAllUsesWith(c);
    n->destroy();
    return true;
  }
  if (kind == "aten::is_quantized") {
    tj::WithInsertPoint guard(n);
    n->output()->replaceAllUsesWith(constant(true));
    n->destroy();
    return true;
  }
  // Tensors, and lists and tuples that may hold them.
  std::function<bool(const c10::TypePtr &)> holds = [&](const c10::TypePtr &t) {
    if (t->kind() == c10::TypeKind::TensorType)
      return true;
    if (auto l = t->cast<c10::ListType>())
      return holds(l->getElementType());
    if (auto o = t->cast<c10::OptionalType>())
      return holds(o->getElementType());
    if (auto tu = t->cast<c10::TupleType>())
      return llvm::any_of(tu->elements(), holds);
    return false;
  };
  auto holdsTensors = [&](tj::Value *v) { return holds(v->type()); };
  bool tensorResult = llvm::any_of(n->outputs(), holdsTensors);
  // Ops that read only sizes; structural ops and layout changes pass the
  // parameters on.
  if (!tensorResult)
    return true;
  if (kind.starts_with("prim::") || gridPreservingOps().contains(kind)) {
    for (tj::Value *o : n->outputs())
      if (holdsTensors(o))
        qparams[o] = *in;
    return true;
  }
  std::optional<QParams> out;
  if (requantizingOps().contains(kind)) {
    out = in;
  } else if (kind == "aten::sigmoid" || kind == "aten::hardsigmoid" ||
             kind == "aten::sigmoid_" || kind == "aten::hardsigmoid_") {
    // PyTorch's fixed output quantization of these kernels.
    out = QParams{1.0 / 256, in->repr == c10::ScalarType::Char ? -128 : 0,
                  in->repr};
  } else if (kind == "aten::tanh" || kind == "aten::tanh_") {
    out = QParams{2.0 / 256, in->repr == c10::ScalarType::Char ? 0 : 128,
                  in->repr};
  }
  if (!out || n->outputs().size() != 1)
    return fail(n, kind.str() +
                       " on a quantized tensor has no export rule; "
                       "dequantize() before it (or leave that part of the "
                       "model in float)");
  tj::WithInsertPoint guard(n->next());
  tj::Value *r = n->output();
  r->setType(floatType(r->type()));
  tj::Value *qdq = quantDequant(r, *out, n);
  r->replaceAllUsesWith(qdq);
  // The quantize op reads the float result.
  qdq->node()->input(0)->node()->replaceInput(0, r);
  return true;
}

bool QuantizedRewriter::rewriteBlock(tj::Block *block) {
  for (auto it = block->nodes().begin(); it != block->nodes().end();) {
    tj::Node *n = *it++;
    for (tj::Block *sub : n->blocks())
      if (!rewriteBlock(sub))
        return false;
    failedAt = n;
    if (!rewriteNode(n))
      return false;
  }
  return true;
}

void QuantizedRewriter::retype(tj::Block *block) {
  for (tj::Value *v : block->inputs())
    v->setType(floatType(v->type()));
  for (tj::Node *n : block->nodes()) {
    for (tj::Value *o : n->outputs())
      o->setType(floatType(o->type()));
    for (tj::Block *sub : n->blocks())
      retype(sub);
  }
}

std::optional<QuantizedRewriteError>
mlir::Torch::rewriteQuantizedOps(tj::Graph &graph) {
  // Most graphs have nothing quantized: look before rewriting.
  bool any = false;
  std::function<void(tj::Block *)> scan = [&](tj::Block *b) {
    for (tj::Node *n : b->nodes()) {
      llvm::StringRef kind = n->kind().toQualString();
      any |= kind.starts_with("quantized::") ||
             kind == "aten::quantize_per_tensor";
      if (n->kind() == c10::prim::Constant &&
          n->output()->type()->kind() == c10::TypeKind::TensorType)
        if (auto v = tj::toIValue(n->output()); v && v->isTensor())
          any |= v->toTensor().is_quantized();
      for (tj::Block *sub : n->blocks())
        scan(sub);
    }
  };
  scan(graph.block());
  if (!any)
    return std::nullopt;
  QuantizedRewriter rewriter(graph);
  if (auto err = rewriter.run())
    return err;
  // Packed parameters the rewrite left unused.
  for (auto it = graph.nodes().begin(); it != graph.nodes().end();) {
    tj::Node *n = *it++;
    if (n->kind() == c10::prim::Constant && !n->output()->hasUses() &&
        n->output()->type()->kind() == c10::TypeKind::ClassType)
      n->destroy();
  }
  return std::nullopt;
}
