//===- Emitter.h - building ONNX nodes for one opset ------------*- C++ -*-===//
//
// Internal to the torch->onnx conversion: the context a lowering sees (the
// torch op, its converted operands, the target opset) and helpers that create
// ONNX nodes by op type, picking the generated op that serves the opset.
//
//===----------------------------------------------------------------------===//

#ifndef TORCH_ONNX_LIB_CONVERSION_TORCHTOONNX_EMITTER_H
#define TORCH_ONNX_LIB_CONVERSION_TORCHTOONNX_EMITTER_H

#include "torch-onnx/Dialect/ONNX/IR/ONNXDialect.h"
#include "torch-onnx/Dialect/Torch/Utils/Utils.h"

#include "mlir/Transforms/DialectConversion.h"
#include "torch-onnx/Dialect/ONNX/IR/Opset.h"
#include "torch-onnx/Support/Axis.h"
#include "llvm/ADT/StringMap.h"

#include <functional>

namespace mlir::torch_onnx {

/// Shared by all patterns of one conversion run.
struct ConversionState {
  int64_t opset = ONNX::kDefaultOpset;
  bool fallthrough = false;
  bool usedFallthrough = false;
  unsigned nextConstant = 0;
};

/// Thrown-away-on-failure builder of one lowering.
class Emitter {
public:
  Emitter(Operation *op, ArrayRef<Value> operands,
          ConversionPatternRewriter &rewriter, const TypeConverter &converter,
          ConversionState &state)
      : op(op), operands(operands), rw(rewriter), converter(converter),
        state(state), loc(op->getLoc()) {}

  Operation *op;
  ArrayRef<Value> operands;
  ConversionPatternRewriter &rw;
  const TypeConverter &converter;
  ConversionState &state;
  Location loc;
  /// Why the lowering failed (reported at the op's location).
  std::string error;

  int64_t opset() const { return state.opset; }
  MLIRContext *ctx() const { return op->getContext(); }

  /// The original (torch) operand `i` and the converted one.
  Value orig(unsigned i) const { return op->getOperand(i); }
  Value in(unsigned i) const { return operands[i]; }
  unsigned numOperands() const { return op->getNumOperands(); }
  /// The converted type of result `i`.
  Type resultType(unsigned i = 0) const {
    return converter.convertType(op->getResult(i).getType());
  }
  /// Element type of a converted value (null if unknown).
  static Type elemOf(Value v);
  static Type elemOf(Type t);
  /// TensorProto.DataType of an element type.
  static int64_t onnxDataType(Type elem);
  /// Rank of a converted value, if known.
  static std::optional<int64_t> rankOf(Value v);
  static std::optional<SmallVector<int64_t>> shapeOf(Value v);
  /// Element type of the (converted) result `i`.
  Type resultElem(unsigned i = 0) const { return elemOf(resultType(i)); }
  /// `tensor<*xelem>`, or !onnx.any for a null element type.
  Type unranked(Type elem) const;

  bool fail(const Twine &why) {
    if (error.empty())
      error = why.str();
    return false;
  }

  /// Creates ONNX `opType` as defined at the target opset. Inputs may be null
  /// (an omitted optional input); attributes are keyed by their ONNX names.
  /// Returns null (and sets `error`) if the opset does not define it.
  Operation *node(StringRef opType, ArrayRef<Value> inputs,
                  ArrayRef<std::pair<StringRef, Attribute>> attrs,
                  TypeRange results);
  /// Single-result form; the result type defaults to an unranked tensor of
  /// the first input's element type.
  Value n1(StringRef opType, ArrayRef<Value> inputs,
           ArrayRef<std::pair<StringRef, Attribute>> attrs = {},
           Type result = {});

  // Attributes.
  Attribute i64(int64_t v) { return rw.getI64IntegerAttr(v); }
  Attribute f32(double v) { return rw.getF32FloatAttr(v); }
  Attribute ints(ArrayRef<int64_t> v) { return rw.getI64ArrayAttr(v); }
  Attribute str(StringRef s) { return rw.getStringAttr(s); }

  // Constants (graph initializers).
  Value constant(ElementsAttr value);
  Value i64s(ArrayRef<int64_t> v);   // 1-D int64
  Value i64Scalar(int64_t v);        // 0-d int64
  Value scalar(double v, Type elem); // 0-d of `elem`
  /// A 0-d constant of `like`'s element type.
  Value scalarLike(double v, Value like) { return scalar(v, elemOf(like)); }

  // Common node shapes, opset-aware.
  /// Cast to `elem`; the result type defaults to an unranked tensor.
  Value cast(Value v, Type elem, Type result = {});
  /// Casts `v` to `elem` unless it already has that element type.
  Value castIfNeeded(Value v, Type elem);
  /// RandomUniformLike / RandomNormalLike (`opType`) of `like`'s shape with
  /// floating-point element type `elem` and the generator's `attrs`.
  Value randomLike(StringRef opType, Value like, Type elem,
                   ArrayRef<std::pair<StringRef, Attribute>> attrs = {},
                   Type result = {});
  /// Clip with constant or absent bounds, in the opset's form (null, with
  /// the error set, where the opset cannot clip that element type).
  Value clip(Value x, std::optional<double> lo, std::optional<double> hi,
             Type result = {});
  Value unsqueeze(Value v, ArrayRef<int64_t> axes);
  Value squeeze(Value v, ArrayRef<int64_t> axes);
  Value reduce(StringRef opType, Value v, std::optional<ArrayRef<int64_t>> axes,
               bool keepdims, Type result = {});
  Value slice(Value v, ArrayRef<int64_t> starts, ArrayRef<int64_t> ends,
              ArrayRef<int64_t> axes, ArrayRef<int64_t> steps = {});
  /// Dynamic Slice (opset >= 10): all of starts/ends/axes/steps are tensors.
  Value sliceDyn(Value v, Value starts, Value ends, Value axes, Value steps);
  Value shape(Value v);
  /// dim `d` of `v` as a 1-D int64 tensor of one element.
  Value dimOf(Value v, int64_t d);
  /// Concat of 1-D int64 tensors.
  Value concatInts(ArrayRef<Value> parts);
  Value softmax(StringRef opType, Value v, int64_t axis, Type result);

  /// A constant int operand, or an error naming the argument.
  std::optional<int64_t> constInt(unsigned i, StringRef what);
  std::optional<SmallVector<int64_t>> constInts(unsigned i, StringRef what,
                                                unsigned splat = 0);
  std::optional<double> constFloat(unsigned i, StringRef what);
  /// A loss's constant `reduction` operand: 0 (none), 1 (mean), 2 (sum).
  std::optional<int64_t> reductionArg(unsigned i);
  /// `loss` reduced as torch's `reduction` says (the result type given).
  Value reduceLoss(Value loss, int64_t reduction);
  /// A constant dim operand normalized against `v`'s rank (plus `extra`,
  /// for ops that add a dim); an error if either is unknown.
  std::optional<int64_t> dimArg(unsigned i, Value v, int64_t extra = 0);
  /// v == 0 as a bool tensor; floats before opset 11 (whose Equal takes
  /// only integers) as neither < 0 nor > 0 nor NaN.
  Value equalsZero(Value v);
  /// The converted int-list operand `i` as a 1-D int64 tensor (a constant
  /// when its elements are); `f`, if given, maps the constant elements.
  Value intList(unsigned i, function_ref<int64_t(int64_t)> f = {});
  /// The converted tensor elements of a list operand built by
  /// prim.ListConstruct.
  std::optional<SmallVector<Value>> tensorList(unsigned i);

  /// Replaces the op's results.
  bool done(ValueRange results) {
    rw.replaceOp(op, results);
    return true;
  }
};

/// One lowering: the op it serves (e.g. "aten.add.Tensor"), the opset range
/// it is valid for and the function that emits it (false: not possible, with
/// Emitter::error saying why).
struct Lowering {
  StringRef opName;
  int64_t minOpset;
  int64_t maxOpset;
  std::function<bool(Emitter &)> emit;
};

/// Appends lowerings to a family's list: add(name, minOpset, emit[,
/// maxOpset]).
class LoweringAdder {
public:
  explicit LoweringAdder(std::vector<Lowering> &list) : list(list) {}
  void operator()(StringRef name, int64_t minOpset,
                  std::function<bool(Emitter &)> emit,
                  int64_t maxOpset = ONNX::kMaxOpset) {
    list.push_back({name, minOpset, maxOpset, std::move(emit)});
  }

private:
  std::vector<Lowering> &list;
};

/// Every lowering, in registration order (lib/Conversion/TorchToONNX/*.cpp).
const std::vector<Lowering> &getLowerings();
/// The lowerings of one family (each defined in its own file).
void addElementwiseLowerings(std::vector<Lowering> &list);
void addNNLowerings(std::vector<Lowering> &list);
void addShapeLowerings(std::vector<Lowering> &list);
void addRecurrentLowerings(std::vector<Lowering> &list);
void addLinearAlgebraLowerings(std::vector<Lowering> &list);
void addQuantizedLowerings(std::vector<Lowering> &list);

/// The `ord`-norm of floating-point `x` over `axes` (every dim when unset)
/// with the given result type (null, with Emitter::error set, on failure).
Value emitVectorNorm(Emitter &e, Value x, double ord,
                     std::optional<ArrayRef<int64_t>> axes, bool keep,
                     Type result);

} // namespace mlir::torch_onnx

#endif // TORCH_ONNX_LIB_CONVERSION_TORCHTOONNX_EMITTER_H
