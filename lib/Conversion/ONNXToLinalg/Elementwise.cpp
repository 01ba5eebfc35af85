//===- Elementwise.cpp - elementwise ONNX ops -> linalg.generic -----------===//
//
// Unary math and activations, binary arithmetic/logic/comparison with numpy
// broadcasting, the variadic Sum/Mean/Max/Min, Where, Clip, Cast.
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

#include "mlir/Dialect/Math/IR/Math.h"

using namespace mlir;
using namespace mlir::ONNX::lowering;

using Body = std::function<Value(Ctx &, OpBuilder &, Location, ValueRange)>;

namespace {
/// Which element types a lowering accepts.
enum class Kinds { Float, Int, Any, Bool };
} // namespace

static bool accepts(Kinds k, Type t) {
  switch (k) {
  case Kinds::Float:
    return isa<FloatType>(t);
  case Kinds::Int:
    return isa<IntegerType>(t);
  case Kinds::Bool:
    return t.isInteger(1);
  case Kinds::Any:
    return t.isIntOrFloat();
  }
  return false;
}

/// An elementwise op whose inputs all share input 0's type; the result element
/// type is the op's (ONNX) result type.
static LowerFn elementwiseFn(Kinds kinds, Body body) {
  return [kinds, body](Ctx &c) -> FailureOr<SmallVector<Value>> {
    SmallVector<Value> ins = c.allInputs();
    // Before opset 7, binary ops broadcast B into A only with broadcast=1,
    // aligned at `axis` (default: trailing).
    if (c.version < 7 && ins.size() == 2 && c.i("broadcast", 0)) {
      auto at = cast<RankedTensorType>(ins[0].getType());
      auto bt = cast<RankedTensorType>(ins[1].getType());
      int64_t axis = c.has("axis") ? wrapAxis(c.i("axis", 0), at.getRank())
                                   : at.getRank() - bt.getRank();
      SmallVector<OpFoldResult> d(at.getRank() - axis, c.b.getIndexAttr(1));
      for (int64_t k = 0; k < bt.getRank(); ++k)
        d[k] = c.dim(ins[1], k);
      ins[1] = c.reshape(ins[1], d);
    }
    Type elem = c.origInElem(0);
    if (!accepts(kinds, elem))
      return c.failure("element type " +
                       llvm::formatv("{0}", elem).str() + " is not supported");
    Value r = c.elementwise(ins, c.resultElem(0),
                            [&](OpBuilder &b, Location l, ValueRange a) {
                              return body(c, b, l, a);
                            });
    return SmallVector<Value>{r};
  };
}

template <typename FOp>
static Body unaryF() {
  return [](Ctx &, OpBuilder &b, Location l, ValueRange a) -> Value {
    return FOp::create(b, l, a[0]);
  };
}

static Value fcst(OpBuilder &b, Location l, Type t, double v) {
  return arith::ConstantOp::create(b, l, t, b.getFloatAttr(t, v));
}
static Value icst(OpBuilder &b, Location l, Type t, int64_t v) {
  return arith::ConstantOp::create(b, l, t, b.getIntegerAttr(t, v));
}

/// Binary op choosing the float, signed or unsigned arith op.
template <typename FOp, typename SOp, typename UOp>
static Body binary() {
  return [](Ctx &c, OpBuilder &b, Location l, ValueRange a) -> Value {
    if (isa<FloatType>(a[0].getType()))
      return FOp::create(b, l, a[0], a[1]);
    if (c.inUnsigned(0))
      return UOp::create(b, l, a[0], a[1]);
    return SOp::create(b, l, a[0], a[1]);
  };
}

static Body compare(arith::CmpFPredicate fp, arith::CmpIPredicate sp,
                    arith::CmpIPredicate up) {
  return [=](Ctx &c, OpBuilder &b, Location l, ValueRange a) -> Value {
    if (isa<FloatType>(a[0].getType()))
      return arith::CmpFOp::create(b, l, fp, a[0], a[1]);
    return arith::CmpIOp::create(b, l, c.inUnsigned(0) ? up : sp, a[0], a[1]);
  };
}

static Value fmax(Ctx &c, OpBuilder &b, Location l, Value x, Value y) {
  if (isa<FloatType>(x.getType()))
    return arith::MaximumFOp::create(b, l, x, y);
  if (c.inUnsigned(0))
    return arith::MaxUIOp::create(b, l, x, y);
  return arith::MaxSIOp::create(b, l, x, y);
}
static Value fmin(Ctx &c, OpBuilder &b, Location l, Value x, Value y) {
  if (isa<FloatType>(x.getType()))
    return arith::MinimumFOp::create(b, l, x, y);
  if (c.inUnsigned(0))
    return arith::MinUIOp::create(b, l, x, y);
  return arith::MinSIOp::create(b, l, x, y);
}

static Value sigmoid(OpBuilder &b, Location l, Value x) {
  Type t = x.getType();
  Value e = math::ExpOp::create(b, l, arith::NegFOp::create(b, l, x));
  return arith::DivFOp::create(b, l, fcst(b, l, t, 1.0),
                               arith::AddFOp::create(b, l, fcst(b, l, t, 1.0), e));
}

/// Cast (to the result type) and CastLike (to input 1's type).
static FailureOr<SmallVector<Value>> lowerCast(Ctx &c) {
  Value x = c.input(0);
  Type from = c.origInElem(0);
  Type to = c.opType == "CastLike" ? c.origInElem(1) : c.origOutElem(0);
  if (!from.isIntOrFloat() || !to.isIntOrFloat())
    return c.failure("casts from/to string are not supported natively");
  Value r = c.elementwise({x}, toSignless(to),
                          [&](OpBuilder &, Location, ValueRange a) {
                            return c.castScalar(a[0], from, to);
                          });
  return SmallVector<Value>{r};
}

static FailureOr<SmallVector<Value>> lowerClip(Ctx &c) {
  Value x = c.input(0);
  Type t = (x).getType();
  Type elem = cast<ShapedType>(t).getElementType();
  Value lo, hi;
  if (c.version < 11) {
    lo = c.constOf(elem, c.f("min", -std::numeric_limits<float>::max()));
    hi = c.constOf(elem, c.f("max", std::numeric_limits<float>::max()));
  } else {
    if (Value v = c.in(1))
      lo = c.extractScalar(v);
    if (Value v = c.in(2))
      hi = c.extractScalar(v);
  }
  Value r =
      c.elementwise({x}, elem, [&](OpBuilder &b, Location l, ValueRange a) {
        Value v = a[0];
        // Floats: v < lo ? lo : v, then v > hi ? hi : v. A NaN compares
        // false and stays NaN, and each step is one max/min instruction on
        // x86 (whose max/min return their second operand on a NaN).
        auto bound = [&](Value v, Value limit, arith::CmpFPredicate pred) {
          return (Value)arith::SelectOp::create(
              b, l, arith::CmpFOp::create(b, l, pred, v, limit), limit, v);
        };
        if (lo)
          v = isa<FloatType>(elem) ? bound(v, lo, arith::CmpFPredicate::OLT)
                                   : fmax(c, b, l, v, lo);
        if (hi)
          v = isa<FloatType>(elem) ? bound(v, hi, arith::CmpFPredicate::OGT)
                                   : fmin(c, b, l, v, hi);
        return v;
      });
  return SmallVector<Value>{r};
}

static FailureOr<SmallVector<Value>> lowerWhere(Ctx &c) {
  Value r = c.elementwise(
      {c.in(0), c.in(1), c.in(2)}, c.resultElem(0),
      [&](OpBuilder &b, Location l, ValueRange a) -> Value {
        return arith::SelectOp::create(b, l, a[0], a[1], a[2]);
      });
  return SmallVector<Value>{r};
}

static FailureOr<SmallVector<Value>> lowerIdentity(Ctx &c) {
  Value x = c.in(0);
  if (!x)
    return c.failure("input 0 is required");
  if (!isa<TensorType>(x.getType()))
    return c.failure("only tensors are supported (not sequences/optionals)");
  SmallVector<Value> r{x};
  for (unsigned k = 1; k < c.op->getNumResults(); ++k)
    r.push_back(Value());
  return r;
}

/// Dropout at inference: the identity; the mask (if used) is all true.
static FailureOr<SmallVector<Value>> lowerDropout(Ctx &c) {
  Value x = c.input(0);
  bool training = false;
  if (c.version >= 12) {
    if (Value t = c.in(2)) {
      auto v = c.constInts(t);
      if (!v)
        return c.failure("training_mode must be a constant");
      training = (*v)[0] != 0;
    }
    if (training) {
      auto ratio = c.constFloats(c.in(1));
      if (!ratio || (*ratio)[0] != 0.0)
        return c.failure("training-mode dropout (random masks) is not "
                         "supported natively");
    }
  } else if (c.version < 7 && c.i("is_test", 0) == 0) {
    return c.failure("training-mode dropout (is_test=0) is not supported");
  }
  SmallVector<Value> r{x};
  if (c.op->getNumResults() > 1)
    r.push_back(
        c.fill(c.dims(x), c.b.getI1Type(), c.constI(c.b.getI1Type(), 1)));
  return r;
}

/// Mod: fmod=1 is C fmod (sign of the dividend); fmod=0 is Python's (sign of
/// the divisor), integers only.
/// Integer Div/Mod by zero is undefined behaviour in the generated code (a
/// SIGFPE on x86): a divisor computed at run time is checked first
/// (constant divisors are checked at compile time, Checks.cpp).
static void checkIntDivisor(Ctx &c) {
  Value y = c.in(1);
  auto t = y ? dyn_cast<RankedTensorType>(y.getType()) : nullptr;
  if (!t || !isa<IntegerType>(t.getElementType()) ||
      matchPattern(y, m_Constant()))
    return;
  c.checkNoZero(y, "integer division by zero (a divisor element is 0)");
}

static FailureOr<SmallVector<Value>> lowerMod(Ctx &c) {
  bool fmod = c.i("fmod", 0);
  Type elem = c.resultElem(0);
  if (isa<FloatType>(elem) && !fmod)
    return c.failure("fmod=0 requires integer inputs (ONNX spec)");
  bool isU = c.inUnsigned(0);
  checkIntDivisor(c);
  Value r = c.elementwise(
      {c.in(0), c.in(1)}, elem, [&](OpBuilder &b, Location l, ValueRange a) {
        Value x = a[0], y = a[1];
        if (isa<FloatType>(elem))
          return (Value)arith::RemFOp::create(b, l, x, y);
        if (isU)
          return (Value)arith::RemUIOp::create(b, l, x, y);
        Value rem = arith::RemSIOp::create(b, l, x, y);
        if (fmod)
          return rem;
        // Adjust when the remainder and the divisor differ in sign.
        Value zero = icst(b, l, elem, 0);
        Value nz = arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne, rem,
                                         zero);
        Value rneg = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt,
                                           rem, zero);
        Value yneg =
            arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, y, zero);
        Value differ = arith::XOrIOp::create(b, l, rneg, yneg);
        Value adj = arith::AndIOp::create(b, l, nz, differ);
        return (Value)arith::SelectOp::create(
            b, l, adj, arith::AddIOp::create(b, l, rem, y), rem);
      });
  return SmallVector<Value>{r};
}

static FailureOr<SmallVector<Value>> lowerPow(Ctx &c) {
  Type xe = c.origInElem(0), ye = c.origInElem(1);
  Type re = c.resultElem(0);
  Value r = c.elementwise(
      {c.in(0), c.in(1)}, re, [&](OpBuilder &b, Location l, ValueRange a) {
        if (isa<FloatType>(xe)) {
          Value y = c.castScalar(a[1], ye, xe);
          return (Value)math::PowFOp::create(b, l, a[0], y);
        }
        // Integer base: compute in f64 and convert back (exact for the
        // magnitudes ONNX tests use).
        Type f64 = b.getF64Type();
        Value x = c.castScalar(a[0], xe, f64);
        Value y = c.castScalar(a[1], ye, f64);
        Value p = math::PowFOp::create(b, l, x, y);
        return c.castScalar(p, f64, xe);
      });
  return SmallVector<Value>{r};
}

static FailureOr<SmallVector<Value>> lowerBitShift(Ctx &c) {
  bool left = c.s("direction", "") == "LEFT";
  Value r = c.elementwise({c.in(0), c.in(1)}, c.resultElem(0),
                          [&](OpBuilder &b, Location l, ValueRange a) -> Value {
                            if (left)
                              return arith::ShLIOp::create(b, l, a[0], a[1]);
                            return arith::ShRUIOp::create(b, l, a[0], a[1]);
                          });
  return SmallVector<Value>{r};
}

static FailureOr<SmallVector<Value>> lowerVariadic(Ctx &c) {
  SmallVector<Value> ins = c.allInputs();
  for (Value v : ins)
    if (!isa<RankedTensorType>(v.getType()))
      return c.failure("inputs must be ranked tensors");
  StringRef t = c.opType;
  Type elem = c.resultElem(0);
  Value r = c.elementwise(ins, elem, [&](OpBuilder &b, Location l,
                                         ValueRange a) {
    Value acc = a[0];
    for (Value x : a.drop_front()) {
      if (t == "Max")
        acc = fmax(c, b, l, acc, x);
      else if (t == "Min")
        acc = fmin(c, b, l, acc, x);
      else
        acc = isa<FloatType>(elem) ? (Value)arith::AddFOp::create(b, l, acc, x)
                                   : (Value)arith::AddIOp::create(b, l, acc, x);
    }
    if (t == "Mean")
      acc = arith::DivFOp::create(b, l, acc, fcst(b, l, elem, a.size()));
    return acc;
  });
  return SmallVector<Value>{r};
}

static FailureOr<SmallVector<Value>> lowerPRelu(Ctx &c) {
  Value x = c.in(0), slope = c.in(1);
  // Before opset 7, a 1-D slope broadcasts along the channel axis.
  auto xt = cast<RankedTensorType>(x.getType());
  auto st = cast<RankedTensorType>(slope.getType());
  if (c.version < 7 && st.getRank() == 1 && xt.getRank() > 2) {
    SmallVector<OpFoldResult> d(xt.getRank() - 1, c.b.getIndexAttr(1));
    d[0] = c.dim(slope, 0);
    slope = c.reshape(slope, d);
  }
  Type elem = xt.getElementType();
  Value r = c.elementwise({x, slope}, elem,
                          [&](OpBuilder &b, Location l, ValueRange a) -> Value {
                            Value neg = arith::CmpFOp::create(
                                b, l, arith::CmpFPredicate::OLT, a[0],
                                fcst(b, l, elem, 0));
                            return arith::SelectOp::create(
                                b, l, neg, arith::MulFOp::create(b, l, a[0], a[1]),
                                a[0]);
                          });
  return SmallVector<Value>{r};
}

void mlir::ONNX::lowering::populateONNXToElementwisePatterns(LoweringSet &t) {
  using B = OpBuilder;
  using L = Location;
  using V = ValueRange;
  t.add<op_types::Exp>(elementwiseFn(Kinds::Float, unaryF<math::ExpOp>()));
  t.add<op_types::Log>(elementwiseFn(Kinds::Float, unaryF<math::LogOp>()));
  t.add<op_types::Sqrt>(elementwiseFn(Kinds::Float, unaryF<math::SqrtOp>()));
  t.add<op_types::Sin>(elementwiseFn(Kinds::Float, unaryF<math::SinOp>()));
  t.add<op_types::Cos>(elementwiseFn(Kinds::Float, unaryF<math::CosOp>()));
  t.add<op_types::Tan>(elementwiseFn(Kinds::Float, unaryF<math::TanOp>()));
  t.add<op_types::Tanh>(elementwiseFn(Kinds::Float, unaryF<math::TanhOp>()));
  t.add<op_types::Erf>(elementwiseFn(Kinds::Float, unaryF<math::ErfOp>()));
  t.add<op_types::Atan>(elementwiseFn(Kinds::Float, unaryF<math::AtanOp>()));
  t.add<op_types::Asin>(elementwiseFn(Kinds::Float, unaryF<math::AsinOp>()));
  t.add<op_types::Acos>(elementwiseFn(Kinds::Float, unaryF<math::AcosOp>()));
  t.add<op_types::Sinh>(elementwiseFn(Kinds::Float, unaryF<math::SinhOp>()));
  t.add<op_types::Cosh>(elementwiseFn(Kinds::Float, unaryF<math::CoshOp>()));
  t.add<op_types::Asinh>(elementwiseFn(Kinds::Float, unaryF<math::AsinhOp>()));
  t.add<op_types::Acosh>(elementwiseFn(Kinds::Float, unaryF<math::AcoshOp>()));
  t.add<op_types::Atanh>(elementwiseFn(Kinds::Float, unaryF<math::AtanhOp>()));
  t.add<op_types::Ceil>(elementwiseFn(Kinds::Float, unaryF<math::CeilOp>()));
  t.add<op_types::Floor>(elementwiseFn(Kinds::Float, unaryF<math::FloorOp>()));
  t.add<op_types::Round>(
      elementwiseFn(Kinds::Float, unaryF<math::RoundEvenOp>()));
  t.add<op_types::Abs>(
      elementwiseFn(Kinds::Any, [](Ctx &c, B &b, L l, V a) -> Value {
        if (isa<FloatType>(a[0].getType()))
          return math::AbsFOp::create(b, l, a[0]);
        if (c.inUnsigned(0))
          return a[0];
        return math::AbsIOp::create(b, l, a[0]);
      }));
  t.add<op_types::Neg>(
      elementwiseFn(Kinds::Any, [](Ctx &, B &b, L l, V a) -> Value {
        if (isa<FloatType>(a[0].getType()))
          return arith::NegFOp::create(b, l, a[0]);
        return arith::SubIOp::create(b, l, icst(b, l, a[0].getType(), 0), a[0]);
      }));
  t.add<op_types::Sign>(
      elementwiseFn(Kinds::Any, [](Ctx &c, B &b, L l, V a) -> Value {
        Type ty = a[0].getType();
        if (isa<FloatType>(ty)) {
          Value pos = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OGT,
                                            a[0], fcst(b, l, ty, 0));
          Value neg = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OLT,
                                            a[0], fcst(b, l, ty, 0));
          Value r = arith::SelectOp::create(b, l, neg, fcst(b, l, ty, -1),
                                            fcst(b, l, ty, 0));
          return arith::SelectOp::create(b, l, pos, fcst(b, l, ty, 1), r);
        }
        auto up = c.inUnsigned(0) ? arith::CmpIPredicate::ugt
                                  : arith::CmpIPredicate::sgt;
        Value pos = arith::CmpIOp::create(b, l, up, a[0], icst(b, l, ty, 0));
        Value neg = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, a[0],
                                          icst(b, l, ty, 0));
        if (c.inUnsigned(0))
          neg = icst(b, l, b.getI1Type(), 0);
        Value r = arith::SelectOp::create(b, l, neg, icst(b, l, ty, -1),
                                          icst(b, l, ty, 0));
        return arith::SelectOp::create(b, l, pos, icst(b, l, ty, 1), r);
      }));
  t.add<op_types::Reciprocal>(elementwiseFn(Kinds::Float, [](Ctx &, B &b, L l,
                                                             V a) {
    return (Value)arith::DivFOp::create(b, l, fcst(b, l, a[0].getType(), 1.0),
                                        a[0]);
  }));
  t.add<op_types::Sigmoid>(elementwiseFn(
      Kinds::Float, [](Ctx &, B &b, L l, V a) { return sigmoid(b, l, a[0]); }));
  t.add<op_types::Relu>(
      elementwiseFn(Kinds::Any, [](Ctx &c, B &b, L l, V a) -> Value {
        Type ty = a[0].getType();
        if (isa<FloatType>(ty))
          return arith::MaxNumFOp::create(b, l, a[0], fcst(b, l, ty, 0));
        return arith::MaxSIOp::create(b, l, a[0], icst(b, l, ty, 0));
      }));
  t.add<op_types::Softplus>(
      elementwiseFn(Kinds::Float, [](Ctx &, B &b, L l, V a) {
        // log(1 + exp(x)), stable: max(x,0) + log1p(exp(-|x|))
        Type ty = a[0].getType();
        Value ax = math::AbsFOp::create(b, l, a[0]);
        Value e = math::ExpOp::create(b, l, arith::NegFOp::create(b, l, ax));
        Value lp = math::Log1pOp::create(b, l, e);
        Value m = arith::MaxNumFOp::create(b, l, a[0], fcst(b, l, ty, 0));
        return (Value)arith::AddFOp::create(b, l, m, lp);
      }));
  t.add<op_types::Softsign>(elementwiseFn(Kinds::Float, [](Ctx &, B &b, L l,
                                                           V a) {
    Type ty = a[0].getType();
    Value d = arith::AddFOp::create(b, l, fcst(b, l, ty, 1),
                                    math::AbsFOp::create(b, l, a[0]));
    return (Value)arith::DivFOp::create(b, l, a[0], d);
  }));
  t.add<op_types::LeakyRelu>(elementwiseFn(Kinds::Float, [](Ctx &c, B &b, L l,
                                                            V a) {
    Type ty = a[0].getType();
    Value neg = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OLT, a[0],
                                      fcst(b, l, ty, 0));
    Value s = arith::MulFOp::create(b, l, a[0], fcst(b, l, ty, c.f("alpha", 0.01)));
    return (Value)arith::SelectOp::create(b, l, neg, s, a[0]);
  }));
  auto eluLike = [](Ctx &c, B &b, L l, Value x, double alpha) {
    Type ty = x.getType();
    Value neg = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OLT, x,
                                      fcst(b, l, ty, 0));
    Value em1 = math::ExpM1Op::create(b, l, x);
    Value s = arith::MulFOp::create(b, l, em1, fcst(b, l, ty, alpha));
    return (Value)arith::SelectOp::create(b, l, neg, s, x);
  };
  t.add<op_types::Elu>(
      elementwiseFn(Kinds::Float, [eluLike](Ctx &c, B &b, L l, V a) {
        return eluLike(c, b, l, a[0], c.f("alpha", 1.0));
      }));
  t.add<op_types::Selu>(elementwiseFn(Kinds::Float, [eluLike](Ctx &c, B &b, L l,
                                                              V a) {
    Value e = eluLike(c, b, l, a[0], c.f("alpha", 1.67326319217681884765625));
    return (Value)arith::MulFOp::create(
        b, l, e,
        fcst(b, l, a[0].getType(), c.f("gamma", 1.05070102214813232421875)));
  }));
  t.add<op_types::Celu>(elementwiseFn(Kinds::Float, [](Ctx &c, B &b, L l, V a) {
    // max(0,x) + min(0, alpha*(exp(x/alpha)-1))
    Type ty = a[0].getType();
    double alpha = c.f("alpha", 1.0);
    Value xa = arith::DivFOp::create(b, l, a[0], fcst(b, l, ty, alpha));
    Value e = arith::MulFOp::create(b, l, math::ExpM1Op::create(b, l, xa),
                                    fcst(b, l, ty, alpha));
    Value lo = arith::MinNumFOp::create(b, l, e, fcst(b, l, ty, 0));
    Value hi = arith::MaxNumFOp::create(b, l, a[0], fcst(b, l, ty, 0));
    return (Value)arith::AddFOp::create(b, l, hi, lo);
  }));
  t.add<op_types::HardSigmoid>(elementwiseFn(Kinds::Float, [](Ctx &c, B &b, L l,
                                                              V a) {
    Type ty = a[0].getType();
    Value y = arith::AddFOp::create(
        b, l, arith::MulFOp::create(b, l, a[0], fcst(b, l, ty, c.f("alpha", 0.2))),
        fcst(b, l, ty, c.f("beta", 0.5)));
    y = arith::MaxNumFOp::create(b, l, y, fcst(b, l, ty, 0));
    return (Value)arith::MinNumFOp::create(b, l, y, fcst(b, l, ty, 1));
  }));
  t.add<op_types::HardSwish>(elementwiseFn(Kinds::Float, [](Ctx &, B &b, L l,
                                                            V a) {
    Type ty = a[0].getType();
    Value y = arith::AddFOp::create(
        b, l, arith::MulFOp::create(b, l, a[0], fcst(b, l, ty, 1.0 / 6)),
        fcst(b, l, ty, 0.5));
    y = arith::MaxNumFOp::create(b, l, y, fcst(b, l, ty, 0));
    y = arith::MinNumFOp::create(b, l, y, fcst(b, l, ty, 1));
    return (Value)arith::MulFOp::create(b, l, a[0], y);
  }));
  t.add<op_types::ThresholdedRelu>(elementwiseFn(Kinds::Float, [](Ctx &c, B &b,
                                                                  L l, V a) {
    Type ty = a[0].getType();
    Value gt = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OGT, a[0],
                                     fcst(b, l, ty, c.f("alpha", 1.0)));
    return (Value)arith::SelectOp::create(b, l, gt, a[0], fcst(b, l, ty, 0));
  }));
  t.add<op_types::Shrink>(
      elementwiseFn(Kinds::Any, [](Ctx &c, B &b, L l, V a) -> Value {
        Type f = b.getF64Type();
        Value x = c.castScalar(a[0], c.origInElem(0), f);
        double lambd = c.f("lambd", 0.5), bias = c.f("bias", 0.0);
        Value lt = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OLT, x,
                                         fcst(b, l, f, -lambd));
        Value gt = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OGT, x,
                                         fcst(b, l, f, lambd));
        Value r = arith::SelectOp::create(
            b, l, lt, arith::AddFOp::create(b, l, x, fcst(b, l, f, bias)),
            fcst(b, l, f, 0));
        r = arith::SelectOp::create(
            b, l, gt, arith::SubFOp::create(b, l, x, fcst(b, l, f, bias)), r);
        return c.castScalar(r, f, c.origInElem(0));
      }));
  t.add<op_types::Not>(
      elementwiseFn(Kinds::Bool, [](Ctx &, B &b, L l, V a) -> Value {
        return arith::XOrIOp::create(b, l, a[0], icst(b, l, b.getI1Type(), 1));
      }));
  t.add<op_types::IsNaN>(
      elementwiseFn(Kinds::Float, [](Ctx &, B &b, L l, V a) -> Value {
        return arith::CmpFOp::create(b, l, arith::CmpFPredicate::UNO, a[0],
                                     a[0]);
      }));
  t.add<op_types::IsInf>(
      elementwiseFn(Kinds::Float, [](Ctx &c, B &b, L l, V a) -> Value {
        Type ty = a[0].getType();
        double inf = std::numeric_limits<double>::infinity();
        Value pos = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OEQ, a[0],
                                          fcst(b, l, ty, inf));
        Value neg = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OEQ, a[0],
                                          fcst(b, l, ty, -inf));
        Value f = icst(b, l, b.getI1Type(), 0);
        if (!c.i("detect_positive", 1))
          pos = f;
        if (!c.i("detect_negative", 1))
          neg = f;
        return arith::OrIOp::create(b, l, pos, neg);
      }));

  t.add<op_types::Add>(elementwiseFn(
      Kinds::Any, binary<arith::AddFOp, arith::AddIOp, arith::AddIOp>()));
  t.add<op_types::Sub>(elementwiseFn(
      Kinds::Any, binary<arith::SubFOp, arith::SubIOp, arith::SubIOp>()));
  t.add<op_types::Mul>(elementwiseFn(
      Kinds::Any, binary<arith::MulFOp, arith::MulIOp, arith::MulIOp>()));
  t.add<op_types::Div>(
      [div = elementwiseFn(
           Kinds::Any,
           binary<arith::DivFOp, arith::DivSIOp, arith::DivUIOp>())](Ctx &c) {
        checkIntDivisor(c);
        return div(c);
      });
  t.add<op_types::And>(
      elementwiseFn(Kinds::Bool, [](Ctx &, B &b, L l, V a) -> Value {
        return arith::AndIOp::create(b, l, a[0], a[1]);
      }));
  t.add<op_types::Or>(
      elementwiseFn(Kinds::Bool, [](Ctx &, B &b, L l, V a) -> Value {
        return arith::OrIOp::create(b, l, a[0], a[1]);
      }));
  t.add<op_types::Xor>(
      elementwiseFn(Kinds::Bool, [](Ctx &, B &b, L l, V a) -> Value {
        return arith::XOrIOp::create(b, l, a[0], a[1]);
      }));
  using FP = arith::CmpFPredicate;
  using IP = arith::CmpIPredicate;
  t.add<op_types::Equal>(
      elementwiseFn(Kinds::Any, compare(FP::OEQ, IP::eq, IP::eq)));
  t.add<op_types::Less>(
      elementwiseFn(Kinds::Any, compare(FP::OLT, IP::slt, IP::ult)));
  t.add<op_types::LessOrEqual>(
      elementwiseFn(Kinds::Any, compare(FP::OLE, IP::sle, IP::ule)));
  t.add<op_types::Greater>(
      elementwiseFn(Kinds::Any, compare(FP::OGT, IP::sgt, IP::ugt)));
  t.add<op_types::GreaterOrEqual>(
      elementwiseFn(Kinds::Any, compare(FP::OGE, IP::sge, IP::uge)));
  t.add<op_types::Max>(lowerVariadic);
  t.add<op_types::Min>(lowerVariadic);
  t.add<op_types::Sum>(lowerVariadic);
  t.add<op_types::Mean>(lowerVariadic);
  t.add<op_types::Cast>(lowerCast);
  t.add<op_types::CastLike>(lowerCast);
  t.add<op_types::Clip>(lowerClip);
  t.add<op_types::Where>(lowerWhere);
  t.add<op_types::Identity>(lowerIdentity);
  t.add<op_types::Dropout>(lowerDropout);
  t.add<op_types::Mod>(lowerMod);
  t.add<op_types::Pow>(lowerPow);
  t.add<op_types::BitShift>(lowerBitShift);
  t.add<op_types::PRelu>(lowerPRelu);
}
