//===- Lowering.h - onnx -> linalg lowering helpers -------------*- C++ -*-===//
//
// Shared state of convert-onnx-to-linalg: the per-op context handed to each
// lowering (operands by ONNX input index, attributes by ONNX name, the
// original ONNX types for signedness) and the tensor-building helpers
// (dims, broadcasting, elementwise linalg.generic, scalar casts).
//
//===----------------------------------------------------------------------===//

#ifndef TORCH_ONNX_LIB_CONVERSION_ONNXTOLINALG_LOWERING_H
#define TORCH_ONNX_LIB_CONVERSION_ONNXTOLINALG_LOWERING_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Transforms/DialectConversion.h"
#include "torch-onnx/Dialect/ONNX/IR/ONNXOpLists.h"
#include "torch-onnx/Support/Axis.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FormatVariadic.h"
#include <functional>
#include <optional>

namespace mlir::ONNX::lowering {

/// The ONNX -> linalg type conversion: tensors of ONNX's unsigned ints
/// become signless (the signedness stays in the ONNX types the lowerings
/// read from the original op); everything else is unchanged. Where a
/// lowering's refined type meets a declared one, the pass puts a tensor.cast.
class ONNXToLinalgTypeConverter : public TypeConverter {
public:
  ONNXToLinalgTypeConverter();
};

class LoweringSet;
/// The patterns of each op family (one file each).
void populateONNXToElementwisePatterns(LoweringSet &set);
void populateONNXToShapePatterns(LoweringSet &set);
void populateONNXToReductionPatterns(LoweringSet &set);
void populateONNXToNNPatterns(LoweringSet &set);
void populateONNXToLossPatterns(LoweringSet &set);
/// If/Loop and the onnx.Yield of their bodies.
void populateONNXToControlFlowPatterns(LoweringSet &set);
/// All of the above, the constants and initializers, and a last pattern that
/// reports an op without a lowering.
void populateONNXToLinalgPatterns(const TypeConverter &converter,
                                  RewritePatternSet &patterns);

/// Element type of the lowered IR: ONNX's unsigned ints become signless
/// (the signedness stays available from the original ONNX types).
Type toSignless(Type t);
/// Tensor type with a signless element type.
Type toSignlessTensor(Type t);

struct Ctx;
/// A lowering: builds the op's results from the Ctx (operands already
/// converted), or fails after emitting a message.
using LowerFn = std::function<FailureOr<SmallVector<Value>>(Ctx &)>;

/// Builds the typed conversion patterns of one op family: `add<op_types::X>`
/// adds an `OpConversionPattern` for each generated op class of ONNX
/// operator X (all its signatures; versions are told apart by the lowering
/// through `Ctx::version`).
class LoweringSet {
public:
  explicit LoweringSet(RewritePatternSet &patterns) : patterns(patterns) {}
  template <typename List> void add(LowerFn fn) {
    addList(List{}, std::make_shared<const LowerFn>(std::move(fn)));
  }
  /// Names of the ops that have a pattern ("onnx.Squeeze", ...).
  const llvm::StringSet<> &getLoweredOps() const { return lowered; }
  RewritePatternSet &getPatterns() { return patterns; }

private:
  template <typename... Ops>
  void addList(OpList<Ops...>, std::shared_ptr<const LowerFn> fn);

  RewritePatternSet &patterns;
  llvm::StringSet<> lowered;
};

/// `v` without the casts the conversion put between a lowering's result
/// and its users (casts to a type that says less than their source).
Value peelCasts(Value v);

/// Runs lowering `fn` on `op` (the shared part of every pattern): converted
/// operands with their refined types, the spec checks, the results
/// replaced (kept at the declared type where that is more static).
LogicalResult lowerONNXOp(Operation *op, ValueRange operands,
                          ConversionPatternRewriter &rewriter,
                          const LowerFn &fn);

/// The typed pattern of one generated op class. It is built without a type
/// converter on purpose: the adaptor then hands over each operand's latest
/// replacement, with the refined type its lowering computed. (With a
/// converter, an operand whose declared type is already legal, such as
/// tensor<*xf32>, comes back as the original value.) Signedness still comes
/// from the converter: block arguments are converted by it, and a lowering
/// reads the ONNX types from the original op.
template <typename OpT> class ONNXOpLowering : public OpConversionPattern<OpT> {
public:
  ONNXOpLowering(MLIRContext *ctx, std::shared_ptr<const LowerFn> fn)
      : OpConversionPattern<OpT>(ctx), fn(std::move(fn)) {}
  LogicalResult
  matchAndRewrite(OpT op, typename OpConversionPattern<OpT>::OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    return lowerONNXOp(op, adaptor.getOperands(), rewriter, *fn);
  }

private:
  std::shared_ptr<const LowerFn> fn;
};

template <typename... Ops>
void LoweringSet::addList(OpList<Ops...>, std::shared_ptr<const LowerFn> fn) {
  (patterns.add<ONNXOpLowering<Ops>>(patterns.getContext(), fn), ...);
  (lowered.insert(Ops::getOperationName()), ...);
}

struct Ctx {
  Operation *op;
  ConversionPatternRewriter &rewriter;
  OpBuilder &b;
  Location loc;
  StringRef opType;
  int64_t version;
  /// The converted operands (signless; with the refined type a lowering
  /// gave them, seen through the casts the conversion put in between).
  SmallVector<Value> operands;
  /// ONNX types of the operands / results before lowering (signedness).
  SmallVector<Type> origOperandTypes;
  SmallVector<Type> origResultTypes;

  Ctx(Operation *op, ConversionPatternRewriter &rewriter, StringRef opType,
      int64_t version)
      : op(op), rewriter(rewriter), b(rewriter), loc(op->getLoc()),
        opType(opType), version(version) {}

  //===--- inputs ---------------------------------------------------------===//
  /// ONNX input `i` (null when absent or NoValue). Uses operandSegmentSizes
  /// when the op has optional/variadic inputs.
  Value in(unsigned i);
  /// All operands of a variadic input list (e.g. Concat, Sum).
  SmallVector<Value> allInputs();
  unsigned numInputs();
  /// Original ONNX element type of input `i` / result `i`.
  Type origInElem(unsigned i);
  Type origOutElem(unsigned i);
  bool inUnsigned(unsigned i);
  bool outUnsigned(unsigned i);
  /// Lowered result type for result `i` (ranked when the ONNX type is).
  Type resultType(unsigned i);
  Type resultElem(unsigned i);

  //===--- attributes (by ONNX name) --------------------------------------===//
  Attribute attr(StringRef onnxName);
  bool has(StringRef onnxName) { return (bool)attr(onnxName); }
  int64_t i(StringRef name, int64_t dflt);
  double f(StringRef name, double dflt);
  std::string s(StringRef name, StringRef dflt);
  std::optional<SmallVector<int64_t>> ints(StringRef name);
  std::optional<SmallVector<double>> floats(StringRef name);

  //===--- diagnostics ----------------------------------------------------===//
  /// Emits "onnx.X (opset N): <msg>" at the op and returns failure.
  LogicalResult fail(const Twine &msg);
  /// Emits "invalid onnx.X (opset N): <msg>" for a model that breaks a rule
  /// of the ONNX spec, and returns failure.
  LogicalResult invalid(const Twine &msg);
  FailureOr<SmallVector<Value>> failure(const Twine &msg) {
    (void)fail(msg);
    return mlir::failure();
  }

  //===--- run-time checks ------------------------------------------------===//
  /// "onnx.X 'node name'" (the name when the model gives one), for messages.
  std::string label();
  /// A run-time check that `ok` (i1) holds: a cf.assert whose message names
  /// the node (lower-runtime-checks makes it an error return, or drops it).
  void check(Value ok, const Twine &what);
  /// Checks at run time that every element of the integer tensor `indices`
  /// lies in [-dim, dim) (one pass computing min and max).
  void checkIndexRange(Value indices, Value dim, int64_t axis);
  /// Checks at run time that two sizes agree (nothing when both are static:
  /// checkSpecRules has compared them).
  void checkSameSize(OpFoldResult a, OpFoldResult b, const Twine &what);
  /// Checks at run time that no element of the integer tensor `t` is 0.
  void checkNoZero(Value t, const Twine &what);

  //===--- tensors --------------------------------------------------------===//
  /// Input `i` where the schema requires it: present and ranked (checked
  /// for every lowering by lowerONNXOp before it runs).
  Value input(unsigned i) { return in(i); }
  Value index(int64_t v);
  Value i64(int64_t v);
  Value constF(Type t, double v);
  Value constI(Type t, int64_t v);
  /// Scalar constant of element type `t` (float or int).
  Value constOf(Type t, double v);
  OpFoldResult dim(Value t, int64_t d);
  SmallVector<OpFoldResult> dims(Value t);
  Value dimValue(Value t, int64_t d);
  Value empty(ArrayRef<OpFoldResult> dims, Type elem);
  Value fill(ArrayRef<OpFoldResult> dims, Type elem, Value scalar);
  /// Value of an OpFoldResult as an index.
  Value ofr(OpFoldResult r);

  /// Elementwise linalg.generic over `inputs` broadcast as ONNX (numpy)
  /// specifies. Dynamic dims must match unless statically 1 (checked at run
  /// time with cf.assert). `body` maps the scalar inputs to the result.
  Value elementwise(ValueRange inputs, Type resultElem,
                    function_ref<Value(OpBuilder &, Location, ValueRange)> body,
                    ArrayRef<OpFoldResult> outDims = {});
  /// Broadcast shape of `inputs` (numpy rules).
  SmallVector<OpFoldResult> broadcastDims(ValueRange inputs);

  /// Integer constant values of a constant tensor operand.
  std::optional<SmallVector<int64_t>> constInts(Value v);
  std::optional<SmallVector<double>> constFloats(Value v);
  /// Element `k` of 1-D int tensor `v` as an index (folded when constant).
  OpFoldResult extractIndex(Value v, int64_t k);
  /// Scalar (0-d or 1-element) tensor value as its element.
  Value extractScalar(Value v);

  /// Casts scalar `v` (of ONNX element type `from`) to ONNX element type `to`.
  Value castScalar(Value v, Type from, Type to);
  /// Reshape `v` to `dims` (any static/dynamic mix) via tensor.reshape.
  Value reshape(Value v, ArrayRef<OpFoldResult> dims);
  /// Sum / max / ... reduction of `v` over `axes` (keepdims).
  Value reduce(Value v, ArrayRef<int64_t> axes, bool keepDims, Value init,
               function_ref<Value(OpBuilder &, Location, Value, Value)> combine,
               function_ref<Value(OpBuilder &, Location, Value)> pre = nullptr);
  /// Number of elements of `v` along `axes` (run time), as a scalar of
  /// element type `elem` (the divisor of means).
  Value count(Value v, ArrayRef<int64_t> axes, Type elem);
  /// Casts `v` to tensor type `t` when the types differ (tensor.cast).
  Value castTo(Value v, Type t);
};

/// Checks the ONNX spec's shape and attribute rules of `c.op` that static
/// shapes and constant inputs decide (Checks.cpp); fails with a message
/// naming the broken rule.
LogicalResult checkSpecRules(Ctx &c);

/// The most elements a tensor computed at run time may have (2^40).
constexpr double kMaxRuntimeElements = 1099511627776.0;

using torch_onnx::normalizeAxis;
using torch_onnx::wrapAxis;
bool isFloatLike(Type t);
/// (x - max(x), sum(exp(x - max(x)))) over `axes` (keepdims): the parts of
/// Softmax/LogSoftmax, shared with SoftmaxCrossEntropyLoss.
std::pair<Value, Value> softmaxParts(Ctx &c, Value x, ArrayRef<int64_t> axes);

} // namespace mlir::ONNX::lowering

#endif // TORCH_ONNX_LIB_CONVERSION_ONNXTOLINALG_LOWERING_H
