//===- Elementwise.cpp - elementwise and scalar aten ops -> ONNX ----------===//
//
// Arithmetic, activations, comparisons, logic, casts and the scalar (int /
// float / bool) arithmetic TorchScript uses for shapes and control flow.
// Scalars are 0-d tensors after conversion.
//
//===----------------------------------------------------------------------===//

#include "Emitter.h"

#include <cmath>

using namespace mlir;
using namespace mlir::torch_onnx;

namespace {

/// Operand `i` as a tensor of element type `elem` (constants are emitted in
/// that type directly).
Value operandAs(Emitter &e, unsigned i, Type elem) {
  if (!elem)
    return e.in(i);
  if (!Torch::isTorchTensorType(e.orig(i).getType()))
    if (auto c = Torch::getConstantFloat(e.orig(i)))
      return e.scalar(*c, elem);
  return e.castIfNeeded(e.in(i), elem);
}

bool needResultElem(Emitter &e, Type &elem) {
  elem = e.resultElem();
  if (!elem)
    return e.fail("the result dtype is unknown (give the inputs' dtypes, e.g. "
                  "--input-shapes='[2,3]:f32')");
  return true;
}

/// The type both operands of a comparison are brought to.
Type commonType(Emitter &e, unsigned a, unsigned b) {
  Type x = Emitter::elemOf(e.in(a)), y = Emitter::elemOf(e.in(b));
  if (!x)
    return y;
  if (!y)
    return x;
  bool xt = Torch::isTorchTensorType(e.orig(a).getType());
  bool yt = Torch::isTorchTensorType(e.orig(b).getType());
  if (isa<FloatType>(y) && !isa<FloatType>(x))
    return yt ? y : Float32Type::get(x.getContext());
  if (isa<FloatType>(x) && !isa<FloatType>(y))
    return x;
  if (xt && !yt)
    return x;
  if (yt && !xt)
    return y;
  return x.getIntOrFloatBitWidth() >= y.getIntOrFloatBitWidth() ? x : y;
}

/// a OP b (OP alpha) with both operands cast to the result dtype.
std::function<bool(Emitter &)> binary(StringRef opType, bool hasAlpha,
                                      bool reversed = false) {
  return [=](Emitter &e) {
    Type t;
    if (!needResultElem(e, t))
      return false;
    Value a = operandAs(e, 0, t), b = operandAs(e, 1, t);
    if (hasAlpha && e.numOperands() > 2) {
      auto alpha = Torch::getConstantFloat(e.orig(2));
      if (!alpha)
        return e.fail("'alpha' must be a constant");
      if (*alpha != 1.0)
        b = e.n1("Mul", {b, e.scalar(*alpha, t)});
    }
    if (reversed)
      std::swap(a, b);
    Value r = e.n1(opType, {a, b}, {}, e.resultType());
    return r && e.done(r);
  };
}

std::function<bool(Emitter &)> unary(StringRef opType) {
  return [=](Emitter &e) {
    // Float math of an int tensor (sqrt, exp, ...) computes in the float
    // result dtype; predicates (IsNaN) keep their input.
    Value x = e.in(0);
    Type rt = e.resultElem(), it = Emitter::elemOf(x);
    if (rt && it && isa<FloatType>(rt) && !isa<FloatType>(it))
      x = e.cast(x, rt);
    Value r = e.n1(opType, {x}, {}, e.resultType());
    return r && e.done(r);
  };
}

std::function<bool(Emitter &)> identity() {
  return [](Emitter &e) {
    Value r = e.n1("Identity", {e.in(0)}, {}, e.resultType());
    return r && e.done(r);
  };
}

/// Comparison through ONNX op(s); `negate` wraps the result in Not.
std::function<bool(Emitter &)> compare(StringRef opType, bool negate = false,
                                       bool swap = false) {
  return [=](Emitter &e) {
    Type t = commonType(e, 0, 1);
    if (!t)
      return e.fail("the operands' dtypes are unknown");
    if (opType == "Equal" && e.opset() < 11 && isa<FloatType>(t))
      return e.fail("comparing floating-point values for equality needs "
                    "opset 11 (Equal before 11 takes only bool and integers)");
    Value a = operandAs(e, 0, t), b = operandAs(e, 1, t);
    if (swap)
      std::swap(a, b);
    Type bt = e.resultType();
    Value r = e.n1(opType, {a, b}, {}, negate ? Type() : bt);
    if (r && negate)
      r = e.n1("Not", {r}, {}, bt);
    return r && e.done(r);
  };
}

/// x <= y as Not(x > y) before LessOrEqual existed (opset 12).
std::function<bool(Emitter &)> orEqual(StringRef direct, StringRef inverse) {
  return [=](Emitter &e) {
    if (e.opset() >= 12)
      return compare(direct)(e);
    return compare(inverse, /*negate=*/true)(e);
  };
}

std::function<bool(Emitter &)> logical(StringRef opType) {
  return [=](Emitter &e) {
    Type i1 = IntegerType::get(e.ctx(), 1);
    Value r =
        e.n1(opType, {e.castIfNeeded(e.in(0), i1), e.castIfNeeded(e.in(1), i1)},
             {}, e.resultType());
    return r && e.done(r);
  };
}

/// clamp(x, min?, max?) where the bounds are Scalars or tensors.
bool lowerClamp(Emitter &e, int loIdx, int hiIdx) {
  auto bound = [&](int idx, std::optional<double> &c, Value &v) {
    if (idx < 0 || Torch::isConstantNone(e.orig(idx)))
      return true;
    if (auto f = Torch::getConstantFloat(e.orig(idx))) {
      c = f;
      return true;
    }
    v = e.castIfNeeded(e.in(idx), e.resultElem());
    return true;
  };
  std::optional<double> lo, hi;
  Value lv, hv;
  bound(loIdx, lo, lv);
  bound(hiIdx, hi, hv);
  Value x = e.in(0);
  if (lv || hv) { // tensor bounds: Max/Min broadcast
    Value r = x;
    bool upper = hv || hi;
    if (lv || lo)
      r = e.n1("Max", {r, lv ? lv : e.scalar(*lo, e.resultElem())}, {},
               upper ? Type() : e.resultType());
    if (upper)
      r = e.n1("Min", {r, hv ? hv : e.scalar(*hi, e.resultElem())}, {},
               e.resultType());
    return r && e.done(r);
  }
  Value r = e.clip(x, lo, hi, e.resultType());
  return r && e.done(r);
}

/// Python-style floor division of integers from ONNX's truncating Div:
/// q = a / b; q - 1 where the remainder is non-zero and its sign differs
/// from the divisor's.
Value floorDivInt(Emitter &e, Value a, Value b, Type result) {
  if (!result)
    result = e.unranked(Emitter::elemOf(a));
  Value q = e.n1("Div", {a, b});
  Value rem = e.n1("Sub", {a, e.n1("Mul", {q, b})});
  Value zero = e.scalarLike(0, a);
  Value nonZero = e.n1("Not", {e.n1("Equal", {rem, zero})});
  Value signsDiffer =
      e.n1("Xor", {e.n1("Less", {rem, zero}), e.n1("Less", {b, zero})});
  Value adjust =
      e.cast(e.n1("And", {nonZero, signsDiffer}), Emitter::elemOf(a));
  return e.n1("Sub", {q, adjust}, {}, result);
}

/// Rounds towards zero: Ceil below 0, Floor above (ONNX has no Trunc).
Value trunc(Emitter &e, Value x, Type result) {
  Value neg = e.n1("Less", {x, e.scalarLike(0.0, x)}, {},
                   e.unranked(IntegerType::get(e.ctx(), 1)));
  return e.n1("Where", {neg, e.n1("Ceil", {x}), e.n1("Floor", {x})}, {},
              result);
}

bool lowerCast(Emitter &e) {
  Type t = e.resultElem();
  // A tensor to a generic number (ScalarImplicit): the tensor's own dtype.
  if (!t && isa<Torch::NumberType>(e.op->getResult(0).getType()) &&
      Emitter::elemOf(e.in(0))) {
    Value r = e.n1("Identity", {e.in(0)}, {}, e.in(0).getType());
    return r && e.done(r);
  }
  if (!t)
    return e.fail("the target dtype is unknown");
  Value r = Emitter::elemOf(e.in(0)) == t
                ? e.n1("Identity", {e.in(0)}, {}, e.resultType())
                : e.cast(e.in(0), t, e.resultType());
  return r && e.done(r);
}

} // namespace

/// Arithmetic: add/sub/mul/div (and their rounding modes), remainders, range
/// helpers.
static void addArithmeticLowerings(LoweringAdder &add) {
  // Arithmetic.
  for (auto [n, o, alpha] : {std::tuple{"aten.add.Tensor", "Add", true},
                             {"aten.add.Scalar", "Add", true},
                             {"aten.sub.Tensor", "Sub", true},
                             {"aten.sub.Scalar", "Sub", true},
                             {"aten.mul.Tensor", "Mul", false},
                             {"aten.mul.Scalar", "Mul", false},
                             {"aten.div.Tensor", "Div", false},
                             {"aten.div.Scalar", "Div", false},
                             {"aten.true_divide.Tensor", "Div", false},
                             {"aten.true_divide.Scalar", "Div", false},
                             {"aten.add.int", "Add", false},
                             {"aten.sub.int", "Sub", false},
                             {"aten.mul.int", "Mul", false},
                             {"aten.add.float", "Add", false},
                             {"aten.sub.float", "Sub", false},
                             {"aten.mul.float", "Mul", false},
                             {"aten.div.float", "Div", false},
                             {"aten.maximum", "Max", false},
                             {"aten.minimum", "Min", false},
                             {"aten.max.other", "Max", false},
                             {"aten.min.other", "Min", false}})
    add(n, 9, binary(o, alpha));
  add("aten.rsub.Scalar", 9, binary("Sub", true, /*reversed=*/true));
  add("aten.rsub.Tensor", 9, binary("Sub", true, /*reversed=*/true));
  add("aten.div.int", 9, [](Emitter &e) {
    Type f = Float32Type::get(e.ctx());
    Value r = e.n1("Div", {e.cast(e.in(0), f), e.cast(e.in(1), f)}, {},
                   e.resultType());
    return r && e.done(r);
  });
  for (StringRef n :
       {"aten.pow.Tensor_Tensor", "aten.pow.Tensor_Scalar", "aten.pow.Scalar"})
    add(n, 9, [](Emitter &e) {
      Type t;
      if (!needResultElem(e, t))
        return false;
      Value r = e.n1("Pow", {operandAs(e, 0, t), operandAs(e, 1, t)}, {},
                     e.resultType());
      return r && e.done(r);
    });
  add("aten.div.Tensor_mode", 9, [](Emitter &e) {
    auto mode = e.orig(2).getDefiningOp<Torch::ConstantStrOp>();
    Type t;
    if (!needResultElem(e, t))
      return false;
    Value a = operandAs(e, 0, t), b = operandAs(e, 1, t);
    if (!mode) // rounding_mode=None: true division
      return binary("Div", false)(e);
    bool isFloat = isa<FloatType>(t);
    Value r;
    if (mode.getValue() == "floor") {
      if (isFloat)
        r = e.n1("Floor", {e.n1("Div", {a, b})}, {}, e.resultType());
      else
        r = floorDivInt(e, a, b, e.resultType());
    } else { // trunc
      if (!isFloat)
        r = e.n1("Div", {a, b}, {}, e.resultType()); // ONNX Div truncates
      else {
        Value q = e.n1("Div", {a, b});
        r = e.n1("Mul", {e.n1("Sign", {q}), e.n1("Floor", {e.n1("Abs", {q})})},
                 {}, e.resultType());
      }
    }
    return r && e.done(r);
  });
  for (StringRef n :
       {"aten.floor_divide", "aten.floor_divide.Scalar", "aten.floordiv.int"})
    add(n, 9, [](Emitter &e) {
      Type t;
      if (!needResultElem(e, t))
        return false;
      Value a = operandAs(e, 0, t), b = operandAs(e, 1, t), r;
      if (isa<FloatType>(t))
        r = e.n1("Floor", {e.n1("Div", {a, b})}, {}, e.resultType());
      else
        r = floorDivInt(e, a, b, e.resultType());
      return r && e.done(r);
    });
  for (StringRef n :
       {"aten.remainder.Tensor", "aten.remainder.Scalar", "aten.remainder.int"})
    add(n, 9, [](Emitter &e) {
      Type t;
      if (!needResultElem(e, t))
        return false;
      Value a = operandAs(e, 0, t), b = operandAs(e, 1, t), r;
      if (isa<FloatType>(t)) // a - floor(a / b) * b: the divisor's sign
        r = e.n1("Sub",
                 {a, e.n1("Mul", {e.n1("Floor", {e.n1("Div", {a, b})}), b})},
                 {}, e.resultType());
      else if (e.opset() >= 10)
        r = e.n1("Mod", {a, b}, {{"fmod", e.i64(0)}}, e.resultType());
      else
        return e.fail("integer remainder needs opset 10 (Mod)");
      return r && e.done(r);
    });
  for (StringRef n : {"aten.fmod.Tensor", "aten.fmod.Scalar"})
    add(n, 10, [](Emitter &e) {
      Type t;
      if (!needResultElem(e, t))
        return false;
      Value r =
          e.n1("Mod", {operandAs(e, 0, t), operandAs(e, 1, t)},
               {{"fmod", e.i64(isa<FloatType>(t) ? 1 : 0)}}, e.resultType());
      return r && e.done(r);
    });

  // for i in range(lo, hi, step): TorchScript's trip count and index.
  add("aten.__range_length", 9, [](Emitter &e) {
    auto step = e.constInt(2, "step");
    if (!step)
      return false;
    if (*step <= 0)
      return e.fail("range() with a non-positive step has no lowering yet");
    Type i64 = e.rw.getI64Type();
    Value lo = e.castIfNeeded(e.in(0), i64), hi = e.castIfNeeded(e.in(1), i64);
    Value span = e.n1("Add", {e.n1("Sub", {hi, lo}), e.i64Scalar(*step - 1)});
    Value n = floorDivInt(e, span, e.i64Scalar(*step), Type());
    Value zero = e.i64Scalar(0);
    Value r =
        e.n1("Where", {e.n1("Less", {n, zero}), zero, n}, {}, e.resultType());
    return r && e.done(r);
  });
  add("aten.__derive_index", 9, [](Emitter &e) {
    Type i64 = e.rw.getI64Type();
    Value r = e.n1("Add",
                   {e.castIfNeeded(e.in(1), i64),
                    e.n1("Mul", {e.castIfNeeded(e.in(0), i64),
                                 e.castIfNeeded(e.in(2), i64)})},
                   {}, e.resultType());
    return r && e.done(r);
  });
}

/// One-input math: the direct ONNX unaries, rounding, logs and exps, rrelu.
static void addUnaryMathLowerings(LoweringAdder &add) {
  // Unary math.
  for (auto [n, o] :
       {std::pair{"aten.neg", "Neg"}, {"aten.abs", "Abs"},
        {"aten.exp", "Exp"},          {"aten.log", "Log"},
        {"aten.sqrt", "Sqrt"},        {"aten.sin", "Sin"},
        {"aten.cos", "Cos"},          {"aten.tan", "Tan"},
        {"aten.asin", "Asin"},        {"aten.acos", "Acos"},
        {"aten.atan", "Atan"},        {"aten.sinh", "Sinh"},
        {"aten.cosh", "Cosh"},        {"aten.asinh", "Asinh"},
        {"aten.acosh", "Acosh"},      {"aten.atanh", "Atanh"},
        {"aten.tanh", "Tanh"},        {"aten.sigmoid", "Sigmoid"},
        {"aten.relu", "Relu"},        {"aten.reciprocal", "Reciprocal"},
        {"aten.floor", "Floor"},      {"aten.ceil", "Ceil"},
        {"aten.erf", "Erf"},          {"aten.sign", "Sign"},
        {"aten.isnan", "IsNaN"},      {"aten.neg.int", "Neg"},
        {"aten.__not__", "Not"}})
    add(n, 9, unary(o));
  add("aten.round", 11, unary("Round"));
  // logical_not of any dtype: x != 0, negated.
  add("aten.logical_not", 9, [](Emitter &e) {
    Type i1 = IntegerType::get(e.ctx(), 1);
    Value r = e.n1("Not", {e.castIfNeeded(e.in(0), i1)}, {}, e.resultType());
    return r && e.done(r);
  });
  add("aten.isinf", 10, unary("IsInf"));
  add("aten.isfinite", 9, [](Emitter &e) {
    // x - x is 0 for finite x and NaN for +-inf and NaN; integers are
    // always finite (their difference cast to float is 0).
    Value x = e.in(0);
    Type elem = Emitter::elemOf(x);
    if (!elem)
      return e.fail("the input's dtype must be known");
    if (!isa<FloatType>(elem))
      x = e.cast(x, Float32Type::get(e.ctx()));
    Value nan = e.n1("IsNaN", {e.n1("Sub", {x, x})}, {},
                     e.unranked(IntegerType::get(e.ctx(), 1)));
    Value r = e.n1("Not", {nan}, {}, e.resultType());
    return r && e.done(r);
  });
  // rrelu(x, lower, upper, training): in inference a leaky relu with the
  // mean slope; in training a slope drawn per element from U(lower, upper).
  add("aten.rrelu", 9, [](Emitter &e) {
    auto lo = e.constFloat(1, "lower"), hi = e.constFloat(2, "upper");
    auto training = Torch::getConstantBool(e.orig(3));
    if (!lo || !hi)
      return false;
    if (!training)
      return e.fail("'training' must be constant");
    Value r;
    if (!*training) {
      r = e.n1("LeakyRelu", {e.in(0)}, {{"alpha", e.f32((*lo + *hi) / 2)}},
               e.resultType());
    } else {
      Type t = Emitter::elemOf(e.in(0));
      if (!t)
        return e.fail("the input's dtype must be known");
      Value slope = e.randomLike("RandomUniformLike", e.in(0), t,
                                 {{"low", e.f32(*lo)}, {"high", e.f32(*hi)}});
      r = e.n1("PRelu", {e.in(0), slope}, {}, e.resultType());
    }
    return r && e.done(r);
  });
  add("aten.bitwise_not", 9, [](Emitter &e) {
    if (!e.resultElem() || !e.resultElem().isInteger(1))
      return e.fail("bitwise_not of integers has no ONNX operator before "
                    "opset 18 (BitwiseNot); only bool tensors are supported");
    return unary("Not")(e);
  });
  add("aten.rsqrt", 9, [](Emitter &e) {
    Value r = e.n1("Reciprocal", {e.n1("Sqrt", {e.in(0)})}, {}, e.resultType());
    return r && e.done(r);
  });
  add("aten.square", 9, [](Emitter &e) {
    Value r = e.n1("Mul", {e.in(0), e.in(0)}, {}, e.resultType());
    return r && e.done(r);
  });
  auto logBase = [](double base) {
    return [=](Emitter &e) {
      Value r =
          e.n1("Div",
               {e.n1("Log", {e.in(0)}), e.scalarLike(std::log(base), e.in(0))},
               {}, e.resultType());
      return r && e.done(r);
    };
  };
  add("aten.log2", 9, logBase(2.0));
  add("aten.log10", 9, logBase(10.0));
  add("aten.log1p", 9, [](Emitter &e) {
    Value r = e.n1("Log", {e.n1("Add", {e.in(0), e.scalarLike(1, e.in(0))})},
                   {}, e.resultType());
    return r && e.done(r);
  });
  add("aten.expm1", 9, [](Emitter &e) {
    Value r = e.n1("Sub", {e.n1("Exp", {e.in(0)}), e.scalarLike(1, e.in(0))},
                   {}, e.resultType());
    return r && e.done(r);
  });
}

/// gelu/silu/mish/hardtanh/shrinks, fmax/fmin, isinf variants, copysign,
/// trunc/frac, fill, atan2.
static void addSmoothActivationLowerings(LoweringAdder &add) {
  // Activations.
  add("aten.gelu", 9, [](Emitter &e) {
    auto mode = e.orig(1).getDefiningOp<Torch::ConstantStrOp>();
    if (!mode)
      return e.fail("'approximate' must be a constant string");
    Value x = e.in(0), inner;
    if (mode.getValue() == "tanh") {
      Value x3 = e.n1("Mul", {x, e.n1("Mul", {x, x})});
      Value p = e.n1("Add", {x, e.n1("Mul", {x3, e.scalarLike(0.044715, x)})});
      inner = e.n1("Tanh",
                   {e.n1("Mul", {p, e.scalarLike(std::sqrt(2.0 / M_PI), x)})});
    } else {
      inner = e.n1("Erf", {e.n1("Div", {x, e.scalarLike(M_SQRT2, x)})});
    }
    Value onePlus = e.n1("Add", {inner, e.scalarLike(1.0, x)});
    Value r = e.n1("Mul", {e.n1("Mul", {x, e.scalarLike(0.5, x)}), onePlus}, {},
                   e.resultType());
    return r && e.done(r);
  });
  add("aten.silu", 9, [](Emitter &e) {
    Value r =
        e.n1("Mul", {e.in(0), e.n1("Sigmoid", {e.in(0)})}, {}, e.resultType());
    return r && e.done(r);
  });
  add("aten.mish", 9, [](Emitter &e) {
    Value sp = e.n1("Softplus", {e.in(0)});
    Value r = e.n1("Mul", {e.in(0), e.n1("Tanh", {sp})}, {}, e.resultType());
    return r && e.done(r);
  });
  add("aten.hardtanh", 9, [](Emitter &e) {
    auto lo = e.constFloat(1, "min_val"), hi = e.constFloat(2, "max_val");
    if (!lo || !hi)
      return false;
    Value r = e.clip(e.in(0), lo, hi, e.resultType());
    return r && e.done(r);
  });
  // hardshrink: x where |x| > lambd, else 0; softshrink also moves the kept
  // values towards 0 by lambd: ONNX Shrink with bias 0 or lambd.
  for (auto [n, soft] :
       {std::pair{"aten.hardshrink", false}, {"aten.softshrink", true}})
    add(n, 9, [soft = soft](Emitter &e) {
      auto l = e.constFloat(1, "lambd");
      if (!l)
        return false;
      // A negative lambd keeps every element of hardshrink (torch allows
      // it; Shrink computes the same); softshrink refuses it, as torch.
      if (*l < 0 && soft)
        return e.fail("lambd must be >= 0 (it is " + std::to_string(*l) + ")");
      Value r = e.n1("Shrink", {e.in(0)},
                     {{"lambd", e.f32(*l)}, {"bias", e.f32(soft ? *l : 0.0)}},
                     e.resultType());
      return r && e.done(r);
    });
  // fmax / fmin: max / min that ignore a NaN operand (NaN only if both are).
  for (auto [n, o] : {std::pair{"aten.fmax", "Max"}, {"aten.fmin", "Min"}})
    add(n, 9, [o = StringRef(o)](Emitter &e) {
      Type t = e.resultElem();
      if (!t)
        return e.fail("the result dtype is unknown");
      Value a = e.castIfNeeded(e.in(0), t), b = e.castIfNeeded(e.in(1), t);
      Value m = e.n1(o, {a, b});
      if (!isa<FloatType>(t)) {
        m = e.n1("Identity", {m}, {}, e.resultType());
        return m && e.done(m);
      }
      Type i1 = e.unranked(IntegerType::get(e.ctx(), 1));
      Value r = e.n1("Where",
                     {e.n1("IsNaN", {a}, {}, i1), b,
                      e.n1("Where", {e.n1("IsNaN", {b}, {}, i1), a, m}, {},
                           e.unranked(t))},
                     {}, e.resultType());
      return r && e.done(r);
    });
  // isposinf / isneginf: IsInf with one sign (opset 10).
  for (auto [n, pos] :
       {std::pair{"aten.isposinf", true}, {"aten.isneginf", false}})
    add(n, 10, [pos = pos](Emitter &e) {
      Type it = Emitter::elemOf(e.in(0));
      if (it && !isa<FloatType>(it)) { // integers are never infinite
        Value r =
            e.n1("Expand",
                 {e.scalar(0, IntegerType::get(e.ctx(), 1)), e.shape(e.in(0))},
                 {}, e.resultType());
        return r && e.done(r);
      }
      Value r = e.n1(
          "IsInf", {e.in(0)},
          {{"detect_positive", e.i64(pos)}, {"detect_negative", e.i64(!pos)}},
          e.resultType());
      return r && e.done(r);
    });
  // isreal: every element of a real tensor.
  add("aten.isreal", 9, [](Emitter &e) {
    if (Type t = Emitter::elemOf(e.in(0)); t && isa<ComplexType>(t))
      return e.fail("complex tensors are not supported");
    Value r = e.n1(
        "Expand", {e.scalar(1, IntegerType::get(e.ctx(), 1)), e.shape(e.in(0))},
        {}, e.resultType());
    return r && e.done(r);
  });
  // logaddexp2(a, b) = m + log2(1 + 2^-|a - b|), m = max(a, b).
  add("aten.logaddexp2", 9, [](Emitter &e) {
    Type t = e.resultElem();
    if (!t || !isa<FloatType>(t))
      return e.fail("logaddexp2 needs a floating-point result");
    Value a = e.castIfNeeded(e.in(0), t), b = e.castIfNeeded(e.in(1), t);
    Value m = e.n1("Max", {a, b});
    Value d = e.n1("Neg", {e.n1("Abs", {e.n1("Sub", {a, b})})});
    Value l = e.n1(
        "Div", {e.n1("Log", {e.n1("Add", {e.scalar(1, t),
                                          e.n1("Pow", {e.scalar(2, t), d})})}),
                e.scalar(M_LN2, t)});
    Value r = e.n1("Add", {m, l}, {}, e.resultType());
    return r && e.done(r);
  });
  // heaviside(x, values): 0 below 0, 1 above, `values` at 0.
  add("aten.heaviside", 9, [](Emitter &e) {
    Type t = e.resultElem();
    if (!t)
      return e.fail("the result dtype is unknown");
    Value x = e.castIfNeeded(e.in(0), t), v = e.castIfNeeded(e.in(1), t);
    Type i1 = e.unranked(IntegerType::get(e.ctx(), 1));
    Value step = e.n1("Where",
                      {e.n1("Greater", {x, e.scalar(0, t)}, {}, i1),
                       e.scalar(1, t), e.scalar(0, t)},
                      {}, e.unranked(t));
    Value r = e.n1("Where", {e.equalsZero(x), v, step}, {}, e.resultType());
    return r && e.done(r);
  });
  // copysign(a, b): |a| with b's sign bit (-0.0 counts as negative).
  for (StringRef n : {"aten.copysign.Tensor", "aten.copysign.Scalar"})
    add(n, 9, [](Emitter &e) {
      Type t = e.resultElem();
      if (!t || !isa<FloatType>(t))
        return e.fail("copysign needs a floating-point result");
      Value a = e.n1("Abs", {e.castIfNeeded(e.in(0), t)});
      Value b = e.castIfNeeded(e.in(1), t);
      Type i1 = e.unranked(IntegerType::get(e.ctx(), 1));
      Value zero = e.scalar(0, t);
      Value negZero = e.n1(
          "And",
          {e.equalsZero(b),
           e.n1("Less", {e.n1("Div", {e.scalar(1, t), b}), zero}, {}, i1)});
      Value neg = e.n1("Or", {e.n1("Less", {b, zero}, {}, i1), negZero});
      Value r = e.n1("Where", {neg, e.n1("Neg", {a}), a}, {}, e.resultType());
      return r && e.done(r);
    });
  add("aten.log_sigmoid", 9, [](Emitter &e) {
    // log(sigmoid(x)) = -softplus(-x), without the overflow of exp(-x).
    Value x = e.in(0);
    Value sp = e.n1("Softplus", {e.n1("Neg", {x})});
    Value r = e.n1("Neg", {sp}, {}, e.resultType());
    return r && e.done(r);
  });
  // Formulas of ONNX ops for the math functions ONNX lacks.
  add("aten.trunc", 9, [](Emitter &e) {
    Value r = trunc(e, e.in(0), e.resultType());
    return r && e.done(r);
  });
  add("aten.frac", 9, [](Emitter &e) {
    Value x = e.in(0);
    Value t = trunc(e, x, e.unranked(Emitter::elemOf(x)));
    Value r = e.n1("Sub", {x, t}, {}, e.resultType());
    return r && e.done(r);
  });
  // fill: the input's shape filled with the value (a constant, or a 0-d
  // tensor read at run time).
  for (StringRef n : {"aten.fill.Scalar", "aten.fill.Tensor"})
    add(n, 9, [](Emitter &e) {
      Type t = e.resultElem();
      if (!t)
        return e.fail("the result dtype is unknown");
      Value v = e.castIfNeeded(e.in(1), t);
      Value r = e.n1("Expand", {v, e.shape(e.in(0))}, {}, e.resultType());
      return r && e.done(r);
    });
  add("aten.atan2", 9, [](Emitter &e) {
    // atan(y / x) moved to the right quadrant: +-pi where x < 0, +-pi/2 on
    // the y axis (x = 0), 0 at the origin.
    Type t = e.resultElem();
    if (!t || !isa<FloatType>(t))
      return e.fail("atan2 needs a floating-point result");
    Value y = e.castIfNeeded(e.in(0), t), x = e.castIfNeeded(e.in(1), t);
    Type i1 = e.unranked(IntegerType::get(e.ctx(), 1));
    auto lt0 = [&](Value v) {
      return e.n1("Less", {v, e.scalarLike(0.0, v)}, {}, i1);
    };
    auto gt0 = [&](Value v) {
      return e.n1("Greater", {v, e.scalarLike(0.0, v)}, {}, i1);
    };
    Value base = e.n1("Atan", {e.n1("Div", {y, x})});
    Value pi = e.scalarLike(M_PI, y), halfPi = e.scalarLike(M_PI / 2, y);
    Value negPi = e.scalarLike(-M_PI, y), negHalf = e.scalarLike(-M_PI / 2, y);
    Type ft = e.unranked(t);
    Value left = e.n1(
        "Where", {lt0(y), e.n1("Add", {base, negPi}), e.n1("Add", {base, pi})},
        {}, ft);
    Value axis =
        e.n1("Where",
             {gt0(y), halfPi,
              e.n1("Where", {lt0(y), negHalf, e.scalarLike(0.0, y)}, {}, ft)},
             {}, ft);
    Value r = e.n1("Where",
                   {gt0(x), base, e.n1("Where", {lt0(x), left, axis}, {}, ft)},
                   {}, e.resultType());
    return r && e.done(r);
  });
}

/// threshold, nan_to_num, erfc/hypot/logit/lerp, clamps, the piecewise
/// activations, prelu, glu.
static void addClampAndActivationLowerings(LoweringAdder &add) {
  // addcmul/addcdiv: self + value * t1 * t2 (or t1 / t2).
  for (auto [n, o] :
       {std::pair{"aten.addcmul", "Mul"}, {"aten.addcdiv", "Div"}})
    add(n, 9, [o = StringRef(o)](Emitter &e) {
      Type t = e.resultElem();
      if (!t)
        return e.fail("the result dtype must be known");
      auto v = e.constFloat(3, "value");
      if (!v)
        return false;
      Value prod =
          e.n1(o, {e.castIfNeeded(e.in(1), t), e.castIfNeeded(e.in(2), t)});
      if (*v != 1.0)
        prod = e.n1("Mul", {prod, e.scalar(*v, t)});
      Value r =
          e.n1("Add", {e.castIfNeeded(e.in(0), t), prod}, {}, e.resultType());
      return r && e.done(r);
    });
  add("aten.threshold", 9, [](Emitter &e) {
    // x where x > threshold, else value.
    auto th = e.constFloat(1, "threshold"), v = e.constFloat(2, "value");
    if (!th || !v)
      return false;
    Value x = e.in(0);
    Value keep = e.n1("Greater", {x, e.scalarLike(*th, x)}, {},
                      e.unranked(IntegerType::get(e.ctx(), 1)));
    Value r = e.n1("Where", {keep, x, e.scalarLike(*v, x)}, {}, e.resultType());
    return r && e.done(r);
  });
  add("aten.tanhshrink", 9, [](Emitter &e) {
    Value x = e.in(0);
    Value r = e.n1("Sub", {x, e.n1("Tanh", {x})}, {}, e.resultType());
    return r && e.done(r);
  });
  add("aten.nan_to_num", 9, [](Emitter &e) {
    // NaN, +inf and -inf replaced (by 0 and the dtype's largest and
    // smallest finite values unless given).
    Value x = e.in(0);
    auto ft = dyn_cast_or_null<FloatType>(Emitter::elemOf(x));
    if (!ft) {
      Value r = e.n1("Identity", {x}, {}, e.resultType());
      return r && e.done(r);
    }
    double big = APFloat::getLargest(ft.getFloatSemantics()).convertToDouble();
    auto opt = [&](unsigned i, double dflt) -> std::optional<double> {
      if (Torch::isConstantNone(e.orig(i)))
        return dflt;
      return e.constFloat(i, "replacement");
    };
    auto nan = opt(1, 0.0), pos = opt(2, big), neg = opt(3, -big);
    if (!nan || !pos || !neg)
      return false;
    Type i1 = e.unranked(IntegerType::get(e.ctx(), 1));
    Type t = e.unranked(ft);
    Value y = e.n1(
        "Where", {e.n1("IsNaN", {x}, {}, i1), e.scalarLike(*nan, x), x}, {}, t);
    if (e.opset() < 10)
      return e.fail("replacing infinities needs IsInf (opset 10)");
    y = e.n1("Where",
             {e.n1("IsInf", {x}, {{"detect_negative", e.i64(0)}}, i1),
              e.scalarLike(*pos, x), y},
             {}, t);
    Value r = e.n1("Where",
                   {e.n1("IsInf", {x}, {{"detect_positive", e.i64(0)}}, i1),
                    e.scalarLike(*neg, x), y},
                   {}, e.resultType());
    return r && e.done(r);
  });
  add("aten.erfc", 9, [](Emitter &e) {
    Value x = e.in(0);
    Value r = e.n1("Sub", {e.scalarLike(1.0, x), e.n1("Erf", {x})}, {},
                   e.resultType());
    return r && e.done(r);
  });
  add("aten.hypot", 9, [](Emitter &e) {
    Value a = e.in(0), b = e.in(1);
    Value r =
        e.n1("Sqrt", {e.n1("Add", {e.n1("Mul", {a, a}), e.n1("Mul", {b, b})})},
             {}, e.resultType());
    return r && e.done(r);
  });
  add("aten.logaddexp", 9, [](Emitter &e) {
    // max(a, b) + log(1 + exp(-|a - b|)): no overflow for large inputs.
    Value a = e.in(0), b = e.in(1);
    Value m = e.n1("Max", {a, b});
    Value d = e.n1("Neg", {e.n1("Abs", {e.n1("Sub", {a, b})})});
    Value l =
        e.n1("Log", {e.n1("Add", {e.scalarLike(1.0, a), e.n1("Exp", {d})})});
    Value r = e.n1("Add", {m, l}, {}, e.resultType());
    return r && e.done(r);
  });
  add("aten.logit", 9, [](Emitter &e) {
    // log(x / (1 - x)), x clamped to [eps, 1 - eps] when eps is given.
    Value x = e.in(0);
    if (!Torch::isConstantNone(e.orig(1))) {
      auto eps = e.constFloat(1, "eps");
      if (!eps)
        return false;
      x = e.clip(x, *eps, 1.0 - *eps, Type());
    }
    Value r =
        e.n1("Log", {e.n1("Div", {x, e.n1("Sub", {e.scalarLike(1.0, x), x})})},
             {}, e.resultType());
    return r && e.done(r);
  });
  for (StringRef n : {"aten.lerp.Scalar", "aten.lerp.Tensor"})
    add(n, 9, [](Emitter &e) {
      // As torch: start + w * (end - start) for |w| < 0.5, else
      // end - (end - start) * (1 - w) (exact at w = 1).
      Value a = e.in(0), b = e.in(1), w = e.in(2);
      Type t = Emitter::elemOf(a);
      if (!t)
        return e.fail("the input dtype must be known");
      w = e.castIfNeeded(w, t);
      Value d = e.n1("Sub", {b, a});
      Value lo = e.n1("Add", {a, e.n1("Mul", {w, d})});
      Value hi = e.n1(
          "Sub", {b, e.n1("Mul", {d, e.n1("Sub", {e.scalarLike(1.0, a), w})})});
      Value small = e.n1("Less", {e.n1("Abs", {w}), e.scalarLike(0.5, a)}, {},
                         e.unranked(IntegerType::get(e.ctx(), 1)));
      Value r = e.n1("Where", {small, lo, hi}, {}, e.resultType());
      return r && e.done(r);
    });
  add("aten.binary_cross_entropy_with_logits", 9, [](Emitter &e) {
    // (1 - t) x + lw * (log(1 + exp(-|x|)) + max(-x, 0)), lw = 1 + (pw - 1) t
    // with a pos_weight pw; times weight; reduced as `reduction` says.
    auto red = e.reductionArg(4);
    if (!red)
      return false;
    Value x = e.in(0), t = e.in(1);
    Type elem = Emitter::elemOf(x);
    if (!elem)
      return e.fail("the input dtype must be known");
    t = e.castIfNeeded(t, elem);
    Value one = e.scalarLike(1.0, x);
    Value sp = e.n1(
        "Add",
        {e.n1("Log",
              {e.n1("Add",
                    {one, e.n1("Exp", {e.n1("Neg", {e.n1("Abs", {x})})})})}),
         e.n1("Relu", {e.n1("Neg", {x})})});
    if (!Torch::isConstantNone(e.orig(3))) {
      Value pw = e.castIfNeeded(e.in(3), elem);
      Value lw = e.n1("Add", {one, e.n1("Mul", {e.n1("Sub", {pw, one}), t})});
      sp = e.n1("Mul", {lw, sp});
    }
    Value loss = e.n1("Add", {e.n1("Mul", {e.n1("Sub", {one, t}), x}), sp});
    if (!Torch::isConstantNone(e.orig(2)))
      loss = e.n1("Mul", {loss, e.castIfNeeded(e.in(2), elem)});
    Value r = e.reduceLoss(loss, *red);
    return r && e.done(r);
  });
  add("aten.relu6", 9, [](Emitter &e) {
    Value r = e.clip(e.in(0), 0.0, 6.0, e.resultType());
    return r && e.done(r);
  });
  add("aten.clamp", 9, [](Emitter &e) { return lowerClamp(e, 1, 2); });
  add("aten.clip", 9, [](Emitter &e) { return lowerClamp(e, 1, 2); });
  add("aten.clamp.Tensor", 9, [](Emitter &e) { return lowerClamp(e, 1, 2); });
  add("aten.clamp_min", 9, [](Emitter &e) { return lowerClamp(e, 1, -1); });
  add("aten.clamp_max", 9, [](Emitter &e) { return lowerClamp(e, -1, 1); });
  add("aten.clamp_min.Tensor", 9,
      [](Emitter &e) { return lowerClamp(e, 1, -1); });
  add("aten.clamp_max.Tensor", 9,
      [](Emitter &e) { return lowerClamp(e, -1, 1); });
  add("aten.hardsigmoid", 9, [](Emitter &e) {
    Value r =
        e.n1("HardSigmoid", {e.in(0)},
             {{"alpha", e.f32(1.0 / 6)}, {"beta", e.f32(0.5)}}, e.resultType());
    return r && e.done(r);
  });
  add("aten.hardswish", 9, [](Emitter &e) {
    if (e.opset() >= 14)
      return unary("HardSwish")(e);
    Value hs = e.n1("HardSigmoid", {e.in(0)},
                    {{"alpha", e.f32(1.0 / 6)}, {"beta", e.f32(0.5)}});
    Value r = e.n1("Mul", {e.in(0), hs}, {}, e.resultType());
    return r && e.done(r);
  });
  add("aten.leaky_relu", 9, [](Emitter &e) {
    auto a = e.constFloat(1, "negative_slope");
    if (!a)
      return false;
    Value r =
        e.n1("LeakyRelu", {e.in(0)}, {{"alpha", e.f32(*a)}}, e.resultType());
    return r && e.done(r);
  });
  add("aten.elu", 9, [](Emitter &e) {
    auto a = e.constFloat(1, "alpha"), s = e.constFloat(2, "scale"),
         is = e.constFloat(3, "input_scale");
    if (!a || !s || !is)
      return false;
    if (*s != 1.0 || *is != 1.0)
      return e.fail("elu with scale or input_scale other than 1 has no "
                    "lowering yet");
    Value r = e.n1("Elu", {e.in(0)}, {{"alpha", e.f32(*a)}}, e.resultType());
    return r && e.done(r);
  });
  add("aten.selu", 9, unary("Selu"));
  add("aten.celu", 12, [](Emitter &e) {
    auto a = e.constFloat(1, "alpha");
    if (!a)
      return false;
    Value r = e.n1("Celu", {e.in(0)}, {{"alpha", e.f32(*a)}}, e.resultType());
    return r && e.done(r);
  });
  add("aten.softplus", 9, [](Emitter &e) {
    auto beta = e.constFloat(1, "beta"), th = e.constFloat(2, "threshold");
    if (!beta || !th)
      return false;
    Value x = e.in(0);
    // softplus(x) = log(1 + exp(beta x)) / beta, and x where beta x >
    // threshold.
    Value bx = *beta == 1.0 ? x : e.n1("Mul", {x, e.scalarLike(*beta, x)});
    Value sp = e.n1("Softplus", {bx});
    if (*beta != 1.0)
      sp = e.n1("Div", {sp, e.scalarLike(*beta, x)});
    Value big = e.n1("Greater", {bx, e.scalarLike(*th, x)}, {},
                     UnrankedTensorType::get(IntegerType::get(e.ctx(), 1)));
    Value r = e.n1("Where", {big, x, sp}, {}, e.resultType());
    return r && e.done(r);
  });
  add("aten.prelu", 9, [](Emitter &e) {
    auto rank = Emitter::rankOf(e.in(0));
    if (!rank)
      return e.fail("the input rank must be known");
    Value w = e.in(1);
    // Weight [C] applies to dim 1: make it [C, 1, ..., 1]; a 0-d weight
    // broadcasts as it is.
    if (*rank == 0 && Emitter::rankOf(w) == 1) // one weight for a 0-d input
      w = e.n1("Reshape", {w, e.i64s({})});
    if (*rank > 2 && Emitter::rankOf(w) != 0) {
      SmallVector<int64_t> axes;
      for (int64_t i = 1; i < *rank - 1; ++i)
        axes.push_back(i);
      w = e.unsqueeze(w, axes);
    }
    Value r = e.n1("PRelu", {e.in(0), w}, {}, e.resultType());
    return r && e.done(r);
  });
  add("aten.glu", 9, [](Emitter &e) {
    auto dim = e.dimArg(1, e.in(0));
    auto shape = Emitter::shapeOf(e.in(0));
    if (!dim)
      return false;
    if (!shape)
      return e.fail("the input rank must be known");
    int64_t n = (*shape)[*dim];
    if (n == ShapedType::kDynamic)
      return e.fail("the size of the halved dimension must be known");
    Value a = e.slice(e.in(0), {0}, {n / 2}, {*dim});
    Value b = e.slice(e.in(0), {n / 2}, {n}, {*dim});
    Value r = e.n1("Mul", {a, e.n1("Sigmoid", {b})}, {}, e.resultType());
    return r && e.done(r);
  });
}

/// Comparisons, logical ops, where/masked_fill, casts and item.
static void addComparisonAndCastLowerings(LoweringAdder &add) {
  // Comparisons and logic.
  for (StringRef n : {"aten.eq.Tensor", "aten.eq.Scalar", "aten.eq.int",
                      "aten.eq.float", "aten.eq.bool"})
    add(n, 9, compare("Equal"));
  for (StringRef n : {"aten.ne.Tensor", "aten.ne.Scalar", "aten.ne.int",
                      "aten.ne.float", "aten.ne.bool"})
    add(n, 9, compare("Equal", /*negate=*/true));
  for (StringRef n :
       {"aten.lt.Tensor", "aten.lt.Scalar", "aten.lt.int", "aten.lt.float"})
    add(n, 9, compare("Less"));
  for (StringRef n :
       {"aten.gt.Tensor", "aten.gt.Scalar", "aten.gt.int", "aten.gt.float"})
    add(n, 9, compare("Greater"));
  for (StringRef n :
       {"aten.le.Tensor", "aten.le.Scalar", "aten.le.int", "aten.le.float"})
    add(n, 9, orEqual("LessOrEqual", "Greater"));
  for (StringRef n :
       {"aten.ge.Tensor", "aten.ge.Scalar", "aten.ge.int", "aten.ge.float"})
    add(n, 9, orEqual("GreaterOrEqual", "Less"));
  for (auto [n, o] : {std::pair{"aten.logical_and", "And"},
                      {"aten.logical_or", "Or"},
                      {"aten.logical_xor", "Xor"},
                      {"aten.__and__.bool", "And"},
                      {"aten.__or__.bool", "Or"},
                      {"aten.__and__.Tensor", "And"},
                      {"aten.__or__.Tensor", "Or"},
                      {"aten.bitwise_and.Tensor", "And"},
                      {"aten.bitwise_or.Tensor", "Or"},
                      {"aten.bitwise_xor.Tensor", "Xor"}})
    add(n, 9, [o = StringRef(o)](Emitter &e) {
      if (e.resultElem() && !e.resultElem().isInteger(1))
        return e.fail("bitwise ops on integers have no ONNX operator before "
                      "opset 18; only bool tensors are supported");
      return logical(o)(e);
    });
  for (StringRef n : {"aten.where.self", "aten.where.Scalar",
                      "aten.where.ScalarOther", "aten.where.ScalarSelf"})
    add(n, 9, [](Emitter &e) {
      Type t;
      if (!needResultElem(e, t))
        return false;
      Type i1 = IntegerType::get(e.ctx(), 1);
      Value r = e.n1(
          "Where",
          {e.castIfNeeded(e.in(0), i1), operandAs(e, 1, t), operandAs(e, 2, t)},
          {}, e.resultType());
      return r && e.done(r);
    });
  for (StringRef n : {"aten.masked_fill.Scalar", "aten.masked_fill.Tensor"})
    add(n, 9, [](Emitter &e) {
      Type t;
      if (!needResultElem(e, t))
        return false;
      Type i1 = IntegerType::get(e.ctx(), 1);
      Value r = e.n1("Where",
                     {e.castIfNeeded(e.in(1), i1), operandAs(e, 2, t), e.in(0)},
                     {}, e.resultType());
      return r && e.done(r);
    });

  // Casts, copies and no-ops (inference only).
  for (StringRef n : {"aten.to.dtype",      "aten.to.dtype_layout",
                      "aten.to.device",     "aten.to.other",
                      "aten.to.prim_dtype", "aten.type_as",
                      "aten.Int.Tensor",    "aten.Float.Tensor",
                      "aten.IntImplicit",   "aten.FloatImplicit",
                      "aten.Bool.Tensor",   "aten.ScalarImplicit",
                      "aten.Int.float",     "aten.Int.bool",
                      "aten.Float.int",     "aten.Bool.int",
                      "aten.Bool.float",    "aten.Int.Scalar",
                      "aten.Float.Scalar",  "prim.NumToTensor.Scalar",
                      "aten.scalar_tensor", "aten.Float.bool",
                      "aten._to_copy"})
    add(n, 9, lowerCast);
  // item(): the one element as a 0-d tensor of the scalar's type.
  add("aten.item", 9, [](Emitter &e) {
    Type t = e.resultElem();
    if (!t)
      return e.fail("the result type is unknown");
    Value x = e.in(0);
    if (Emitter::rankOf(x) != 0)
      x = e.n1("Reshape", {x, e.i64s({})});
    Value r = Emitter::elemOf(x) == t
                  ? e.n1("Identity", {x}, {}, e.resultType())
                  : e.cast(x, t, e.resultType());
    return r && e.done(r);
  });
  // On real tensors: no-ops.
  for (StringRef n :
       {"aten.positive", "aten.resolve_neg", "aten.resolve_conj", "aten.conj",
        "aten._conj", "aten.conj_physical", "aten.real"})
    add(n, 9, [](Emitter &e) {
      if (Type t = Emitter::elemOf(e.in(0)); t && isa<ComplexType>(t))
        return e.fail("complex tensors are not supported");
      Value r = e.n1("Identity", {e.in(0)}, {}, e.resultType());
      return r && e.done(r);
    });
}

/// Angle conversions, exp2, sign ops, round with decimals, xlogy, identities,
/// copies, dropout.
static void addMoreElementwiseLowerings(LoweringAdder &add) {
  for (auto [n, f] : {std::pair{"aten.rad2deg", 180.0 / M_PI},
                      {"aten.deg2rad", M_PI / 180.0}})
    add(n, 9, [f = f](Emitter &e) {
      Type t;
      if (!needResultElem(e, t))
        return false;
      Value r = e.n1("Mul", {e.castIfNeeded(e.in(0), t), e.scalar(f, t)}, {},
                     e.resultType());
      return r && e.done(r);
    });
  add("aten.exp2", 9, [](Emitter &e) {
    Type t;
    if (!needResultElem(e, t))
      return false;
    Value r = e.n1("Pow", {e.scalar(2, t), e.castIfNeeded(e.in(0), t)}, {},
                   e.resultType());
    return r && e.done(r);
  });
  add("aten.sgn", 9, [](Emitter &e) {
    Value r = e.n1("Sign", {e.in(0)}, {}, e.resultType());
    return r && e.done(r);
  });
  // signbit: x < 0, or x == -0.0 (its reciprocal is -inf).
  add("aten.signbit", 11, [](Emitter &e) {
    Value x = e.in(0);
    Type t = Emitter::elemOf(x);
    if (!t)
      return e.fail("the input dtype must be known");
    if (!isa<FloatType>(t)) {
      Value r = e.n1("Less", {x, e.scalar(0, t)}, {}, e.resultType());
      return r && e.done(r);
    }
    Value neg = e.n1("Less", {x, e.scalar(0, t)});
    Value negZero =
        e.n1("And", {e.n1("Equal", {x, e.scalar(0, t)}),
                     e.n1("Less", {e.n1("Reciprocal", {x}), e.scalar(0, t)})});
    Value r = e.n1("Or", {neg, negZero}, {}, e.resultType());
    return r && e.done(r);
  });
  // round(x, decimals): half to even at the given decimal place.
  add("aten.round.decimals", 11, [](Emitter &e) {
    auto d = e.constInt(1, "decimals");
    Type t = e.resultElem();
    if (!d)
      return false;
    if (!t || !isa<FloatType>(t))
      return e.fail("round with decimals takes a floating-point tensor");
    double scale = std::pow(10.0, double(*d));
    Value x = e.n1("Mul", {e.in(0), e.scalar(scale, t)});
    Value r = e.n1("Div", {e.n1("Round", {x}), e.scalar(scale, t)}, {},
                   e.resultType());
    return r && e.done(r);
  });
  // xlogy(x, y) = x * log(y), 0 where x == 0 (unless y is NaN).
  for (StringRef n : {"aten.xlogy.Tensor", "aten.special_xlogy"})
    add(n, 11, [](Emitter &e) {
      Type t;
      if (!needResultElem(e, t))
        return false;
      Value x = e.castIfNeeded(e.in(0), t), y = e.castIfNeeded(e.in(1), t);
      Value prod = e.n1("Mul", {x, e.n1("Log", {y})});
      Value zeroX = e.n1("Equal", {x, e.scalar(0, t)});
      Value keep = e.n1("And", {zeroX, e.n1("Not", {e.n1("IsNaN", {y})})});
      Value r = e.n1("Where", {keep, e.scalar(0, t), prod}, {}, e.resultType());
      return r && e.done(r);
    });
  for (StringRef n : {"aten.clone", "aten.contiguous", "aten.detach",
                      "aten.alias", "aten.cpu", "prim.unchecked_cast"})
    add(n, 9, identity());
  // to(device, dtype=None): the device is dropped, the dtype kept.
  add("aten.to.prim_Device", 9, [](Emitter &e) {
    if (Torch::isConstantNone(e.orig(2)))
      return identity()(e);
    return lowerCast(e);
  });
  // copy(self, src): src's values in self's shape and dtype.
  add("aten.copy", 9, [](Emitter &e) {
    Type t = Emitter::elemOf(e.in(0));
    if (!t)
      return e.fail("the destination's dtype must be known");
    Value r = e.n1("Expand", {e.castIfNeeded(e.in(1), t), e.shape(e.in(0))}, {},
                   e.resultType());
    return r && e.done(r);
  });
  // Dropout is the identity in inference, and in training with p = 0; a
  // random mask is not exported.
  for (StringRef n : {"aten.dropout", "aten.feature_dropout",
                      "aten.alpha_dropout", "aten.feature_alpha_dropout"})
    add(n, 9, [](Emitter &e) {
      auto train = Torch::getConstantBool(e.orig(2));
      auto p = Torch::getConstantFloat(e.orig(1));
      if (!train || (*train && (!p || *p != 0.0)))
        return e.fail("dropout in training mode cannot be exported for "
                      "inference; call model.eval() first");
      return identity()(e);
    });
}

void mlir::torch_onnx::addElementwiseLowerings(std::vector<Lowering> &l) {
  LoweringAdder add(l);
  addArithmeticLowerings(add);
  addUnaryMathLowerings(add);
  addSmoothActivationLowerings(add);
  addClampAndActivationLowerings(add);
  addComparisonAndCastLowerings(add);
  addMoreElementwiseLowerings(add);
}
