//===- Recurrent.cpp - RNNs and fused attention -> ONNX -------------------===//
//
// aten.lstm.input / aten.gru.input -> one ONNX LSTM/GRU per layer (gates
// reordered from PyTorch's layout), and the fused inference kernels that
// nn.MultiheadAttention / nn.TransformerEncoderLayer take in eval mode
// (_native_multi_head_attention, _transformer_encoder_layer_fwd) decomposed
// into MatMul/Softmax/LayerNormalization.
//
//===----------------------------------------------------------------------===//

#include "Emitter.h"

#include <cmath>

using namespace mlir;
using namespace mlir::torch_onnx;

namespace {

/// Rows [k*h, (k+1)*h) of `w` for each k in `order`, concatenated.
Value reorderGates(Emitter &e, Value w, int64_t h, ArrayRef<int64_t> order) {
  SmallVector<Value> parts;
  for (int64_t k : order)
    parts.push_back(e.slice(w, {k * h}, {(k + 1) * h}, {0}));
  return e.n1("Concat", parts, {{"axis", e.i64(0)}});
}

/// The recurrent layer kinds: ONNX LSTM, GRU, and RNN with tanh or relu.
enum class Cell { LSTM, GRU, RNNTanh, RNNRelu };

/// The gate order of ONNX's weights in PyTorch's rows: LSTM (i, f, g, o) ->
/// (i, o, f, c), GRU (r, z, n) -> (z, r, h), RNN: one gate.
SmallVector<int64_t> gateOrder(Cell k) {
  switch (k) {
  case Cell::LSTM:
    return {0, 3, 1, 2};
  case Cell::GRU:
    return {1, 0, 2};
  default:
    return {0};
  }
}

/// The ONNX op and its kind-specific attributes.
StringRef cellOp(Cell k) {
  return k == Cell::LSTM ? "LSTM" : k == Cell::GRU ? "GRU" : "RNN";
}
void addCellAttrs(Emitter &e, Cell k, int64_t dirs,
                  SmallVector<std::pair<StringRef, Attribute>> &attrs) {
  if (k == Cell::GRU)
    attrs.push_back({"linear_before_reset", e.i64(1)});
  if (k == Cell::RNNTanh || k == Cell::RNNRelu) {
    SmallVector<StringRef> acts(dirs, k == Cell::RNNTanh ? "Tanh" : "Relu");
    attrs.push_back({"activations", e.rw.getStrArrayAttr(acts)});
  }
}

/// The initial states, operand `i`: h, or for an LSTM the (h, c) list.
bool initialStates(Emitter &e, bool lstm, Value &h0, Value &c0,
                   unsigned i = 1) {
  if (!lstm) {
    h0 = e.in(i);
    return true;
  }
  auto hx = e.tensorList(i);
  if (!hx || hx->size() != 2)
    return e.fail("hx must be a list of (h, c) built in the graph");
  h0 = (*hx)[0];
  c0 = (*hx)[1];
  return true;
}

/// [0, n) as a 1-D int64 tensor for a 1-D one-element `n`: Range from
/// opset 11, NonZero of n ones before.
Value iota(Emitter &e, Value n) {
  Type i64 = e.rw.getI64Type();
  if (e.opset() >= 11)
    return e.n1("Range", {e.i64Scalar(0), e.squeeze(n, {0}), e.i64Scalar(1)},
                {}, e.unranked(i64));
  Value ones =
      e.n1("ConstantOfShape", {n},
           {{"value", DenseElementsAttr::get(RankedTensorType::get({1}, i64),
                                             ArrayRef<int64_t>{1})}},
           e.unranked(i64));
  return e.n1("Reshape", {e.n1("NonZero", {ones}), e.i64s({-1})});
}

/// The sequence lengths [B] (int64) of a packed sequence whose batch sizes
/// are the original operand `bs` and whose padded time-major data is `data`:
/// the lengths given to pack_padded_sequence when it made them, else
/// lengths[b] = #{t : batch_sizes[t] > b}.
Value packedLengths(Emitter &e, Value bs, Value data) {
  if (auto r = dyn_cast<OpResult>(bs)) {
    Operation *pack = r.getOwner();
    if (Torch::getOpKey(pack) == "aten._pack_padded_sequence" &&
        r.getResultNumber() == 1)
      if (Value l = e.rw.getRemappedValue(pack->getOperand(1)))
        return e.castIfNeeded(l, e.rw.getI64Type());
  }
  Value bsIn = e.rw.getRemappedValue(bs);
  if (!bsIn)
    return {};
  Value b = e.unsqueeze(iota(e, e.dimOf(data, 1)), {0});   // [1, B]
  Value lt = e.n1("Less", {b, e.unsqueeze(bsIn, {1})}, {}, // [T, B]
                  e.unranked(IntegerType::get(e.ctx(), 1)));
  return e.reduce("ReduceSum", e.cast(lt, e.rw.getI64Type()),
                  ArrayRef<int64_t>{0}, false);
}

/// Where the operands of a recurrent layer are: aten.<cell>.input (input,
/// hx, params, has_biases, num_layers, dropout, train, bidirectional,
/// batch_first) or aten.<cell>.data over a packed sequence (data,
/// batch_sizes, hx, params, ..., bidirectional).
struct RNNOperands {
  unsigned hx, params;
};

/// One LSTM/GRU/RNN (ONNX) per layer over a sequence-first input; a packed
/// sequence (padded and time-major here) gives its lengths as the layers'
/// sequence_lens.
bool lowerRNN(Emitter &e, Cell kind, bool packed = false) {
  bool lstm = kind == Cell::LSTM;
  RNNOperands o = packed ? RNNOperands{2, 3} : RNNOperands{1, 2};
  auto params = e.tensorList(o.params);
  auto hasBias = Torch::getConstantBool(e.orig(o.params + 1));
  auto layers = e.constInt(o.params + 2, "num_layers");
  auto train = Torch::getConstantBool(e.orig(o.params + 4));
  auto bidir = Torch::getConstantBool(e.orig(o.params + 5));
  std::optional<bool> batchFirst =
      packed ? std::optional<bool>(false)
             : Torch::getConstantBool(e.orig(o.params + 6));
  if (!params || !layers)
    return false;
  if (!hasBias || !train || !bidir || !batchFirst)
    return e.fail("has_biases, train, bidirectional and batch_first must be "
                  "constant");
  if (*train)
    return e.fail("a recurrent layer in training mode (dropout between "
                  "layers) cannot be exported for inference");
  int64_t dirs = *bidir ? 2 : 1;
  unsigned perDir = *hasBias ? 4 : 2;
  if ((int64_t)params->size() != *layers * dirs * perDir)
    return e.fail("unexpected number of weights (projections, proj_size > 0, "
                  "have no lowering yet)");
  auto whhShape = Emitter::shapeOf((*params)[1]);
  if (!whhShape || whhShape->size() != 2)
    return e.fail("the recurrent weights' shapes must be known");
  int64_t hidden = (*whhShape)[1];
  SmallVector<int64_t> order = gateOrder(kind);

  Value x = e.in(0);
  if (*batchFirst)
    x = e.n1("Transpose", {x}, {{"perm", e.ints({1, 0, 2})}});
  // Initial states: [layers * dirs, batch, hidden].
  Value h0, c0;
  if (!initialStates(e, lstm, h0, c0, o.hx))
    return false;
  Value seqLens;
  if (packed) {
    Value lengths = packedLengths(e, e.orig(1), x);
    if (!lengths)
      return e.fail("the packed sequence's batch sizes are unknown");
    seqLens = e.cast(lengths, e.rw.getI32Type());
  }
  SmallVector<Value> hs, cs;
  for (int64_t l = 0; l < *layers; ++l) {
    SmallVector<Value> ws, rs, bs;
    for (int64_t d = 0; d < dirs; ++d) {
      unsigned base = (l * dirs + d) * perDir;
      Value w = reorderGates(e, (*params)[base], hidden, order);
      Value r = reorderGates(e, (*params)[base + 1], hidden, order);
      ws.push_back(e.unsqueeze(w, {0}));
      rs.push_back(e.unsqueeze(r, {0}));
      if (*hasBias) {
        Value b = e.n1("Concat",
                       {reorderGates(e, (*params)[base + 2], hidden, order),
                        reorderGates(e, (*params)[base + 3], hidden, order)},
                       {{"axis", e.i64(0)}});
        bs.push_back(e.unsqueeze(b, {0}));
      }
    }
    auto cat0 = [&](ArrayRef<Value> v) {
      return v.size() == 1 ? v[0] : e.n1("Concat", v, {{"axis", e.i64(0)}});
    };
    Value W = cat0(ws), R = cat0(rs), B = bs.empty() ? Value() : cat0(bs);
    Value ih = e.slice(h0, {l * dirs}, {(l + 1) * dirs}, {0});
    Value ic = lstm ? e.slice(c0, {l * dirs}, {(l + 1) * dirs}, {0}) : Value();
    SmallVector<std::pair<StringRef, Attribute>> attrs{
        {"hidden_size", e.i64(hidden)},
        {"direction", e.str(*bidir ? "bidirectional" : "forward")}};
    addCellAttrs(e, kind, dirs, attrs);
    Type t = e.unranked(Emitter::elemOf(x));
    SmallVector<Value> inputs{x, W, R, B, seqLens, ih};
    SmallVector<Type> results{t, t};
    if (lstm) {
      inputs.push_back(ic);
      results.push_back(t);
    }
    Operation *n = e.node(cellOp(kind), inputs, attrs, results);
    if (!n)
      return false;
    // Y: [seq, dirs, batch, hidden] -> [seq, batch, dirs * hidden].
    Value y =
        e.n1("Transpose", {n->getResult(0)}, {{"perm", e.ints({0, 2, 1, 3})}});
    x = e.n1("Reshape", {y, e.i64s({0, 0, -1})});
    hs.push_back(n->getResult(1));
    if (lstm)
      cs.push_back(n->getResult(2));
  }
  Value out = x;
  if (*batchFirst)
    out = e.n1("Transpose", {out}, {{"perm", e.ints({1, 0, 2})}});
  auto catStates = [&](ArrayRef<Value> v, unsigned i) {
    return v.size() == 1
               ? e.n1("Identity", {v[0]}, {}, e.resultType(i))
               : e.n1("Concat", v, {{"axis", e.i64(0)}}, e.resultType(i));
  };
  SmallVector<Value> results{e.n1("Identity", {out}, {}, e.resultType(0)),
                             catStates(hs, 1)};
  if (lstm)
    results.push_back(catStates(cs, 2));
  if (llvm::any_of(results, [](Value v) { return !v; }))
    return false;
  return e.done(results);
}

/// One step of a cell (lstm_cell, gru_cell, rnn_tanh_cell, rnn_relu_cell):
/// the layer's ONNX op over a sequence of one.
bool lowerCell(Emitter &e, Cell kind) {
  bool lstm = kind == Cell::LSTM;
  Value h0, c0;
  if (!initialStates(e, lstm, h0, c0))
    return false;
  auto whh = Emitter::shapeOf(e.in(3));
  if (!whh || whh->size() != 2)
    return e.fail("the recurrent weight's shape must be known");
  int64_t hidden = (*whh)[1];
  auto rank = Emitter::rankOf(e.in(0));
  if (!rank || *rank != 2)
    return e.fail("the cell takes a batched input [batch, features]");
  SmallVector<int64_t> order = gateOrder(kind);
  Value w = e.unsqueeze(reorderGates(e, e.in(2), hidden, order), {0});
  Value r = e.unsqueeze(reorderGates(e, e.in(3), hidden, order), {0});
  Value b;
  if (!Torch::isConstantNone(e.orig(4)) && !Torch::isConstantNone(e.orig(5)))
    b = e.unsqueeze(e.n1("Concat",
                         {reorderGates(e, e.in(4), hidden, order),
                          reorderGates(e, e.in(5), hidden, order)},
                         {{"axis", e.i64(0)}}),
                    {0});
  else if (!Torch::isConstantNone(e.orig(4)) ||
           !Torch::isConstantNone(e.orig(5)))
    return e.fail("one of the two biases alone has no lowering yet");
  SmallVector<std::pair<StringRef, Attribute>> attrs{
      {"hidden_size", e.i64(hidden)}};
  addCellAttrs(e, kind, 1, attrs);
  Type t = e.unranked(Emitter::elemOf(e.in(0)));
  SmallVector<Value> inputs{e.unsqueeze(e.in(0), {0}), w, r, b, Value(),
                            e.unsqueeze(h0, {0})};
  SmallVector<Type> types{t, t};
  if (lstm) {
    inputs.push_back(e.unsqueeze(c0, {0}));
    types.push_back(t);
  }
  Operation *n = e.node(cellOp(kind), inputs, attrs, types);
  if (!n)
    return false;
  SmallVector<Value> out{e.squeeze(n->getResult(1), {0})};
  if (lstm)
    out.push_back(e.squeeze(n->getResult(2), {0}));
  for (auto [i, v] : llvm::enumerate(out))
    v = e.n1("Identity", {v}, {}, e.resultType(i));
  if (llvm::any_of(out, [](Value v) { return !v; }))
    return false;
  return e.done(out);
}

/// x @ w^T + b for a weight [out, in].
Value linear(Emitter &e, Value x, Value w, Value b) {
  Value y = e.n1("MatMul", {x, e.n1("Transpose", {w})});
  return b ? e.n1("Add", {y, b}) : y;
}

/// Multi-head attention of q [B, L, E] over k, v [B, S, E] with the packed
/// in-projection; returns the projected output and the head-averaged
/// attention weights [B, L, S].
std::pair<Value, Value> attention(Emitter &e, Value q, Value k, Value v,
                                  int64_t embed, int64_t heads, Value qkvW,
                                  Value qkvB, Value projW, Value projB,
                                  bool selfAttention) {
  int64_t d = embed / heads;
  Value qp, kp, vp;
  if (selfAttention) {
    Value qkv = linear(e, q, qkvW, qkvB);
    qp = e.slice(qkv, {0}, {embed}, {2});
    kp = e.slice(qkv, {embed}, {2 * embed}, {2});
    vp = e.slice(qkv, {2 * embed}, {3 * embed}, {2});
  } else {
    auto part = [&](Value x, int64_t i) {
      Value w = e.slice(qkvW, {i * embed}, {(i + 1) * embed}, {0});
      Value b = e.slice(qkvB, {i * embed}, {(i + 1) * embed}, {0});
      return linear(e, x, w, b);
    };
    qp = part(q, 0);
    kp = part(k, 1);
    vp = part(v, 2);
  }
  // [B, S, E] -> [B, H, S, D]
  auto split = [&](Value x) {
    Value r = e.n1("Reshape", {x, e.i64s({0, 0, heads, d})});
    return e.n1("Transpose", {r}, {{"perm", e.ints({0, 2, 1, 3})}});
  };
  Value qh = split(qp), kh = split(kp), vh = split(vp);
  Value scores =
      e.n1("MatMul",
           {qh, e.n1("Transpose", {kh}, {{"perm", e.ints({0, 1, 3, 2})}})});
  scores = e.n1("Div", {scores, e.scalarLike(std::sqrt((double)d), scores)});
  // Scores are [B, H, L, S]: the last axis is also what Softmax before 13
  // normalizes over.
  Value probs = e.n1("Softmax", {scores}, {{"axis", e.i64(3)}});
  Value ctx = e.n1("MatMul", {probs, vh});
  ctx = e.n1("Transpose", {ctx}, {{"perm", e.ints({0, 2, 1, 3})}});
  ctx = e.n1("Reshape", {ctx, e.i64s({0, 0, embed})});
  Value out = linear(e, ctx, projW, projB);
  Value avg = e.reduce("ReduceMean", probs, ArrayRef<int64_t>{1}, false);
  return {out, avg};
}

Value layerNorm(Emitter &e, Value x, Value w, Value b, double eps,
                int64_t rank) {
  if (e.opset() >= 17) {
    Operation *o = e.node("LayerNormalization", {x, w, b},
                          {{"axis", e.i64(-1)}, {"epsilon", e.f32(eps)}},
                          {e.unranked(Emitter::elemOf(x))});
    return o ? o->getResult(0) : Value();
  }
  int64_t axis = rank - 1;
  Value mean = e.reduce("ReduceMean", x, ArrayRef<int64_t>{axis}, true);
  Value d = e.n1("Sub", {x, mean});
  Value var = e.reduce("ReduceMean", e.n1("Mul", {d, d}),
                       ArrayRef<int64_t>{axis}, true);
  Value y = e.n1("Div",
                 {d, e.n1("Sqrt", {e.n1("Add", {var, e.scalarLike(eps, x)})})});
  return e.n1("Add", {e.n1("Mul", {y, w}), b});
}

Value gelu(Emitter &e, Value x) {
  Value inner = e.n1("Erf", {e.n1("Div", {x, e.scalarLike(M_SQRT2, x)})});
  return e.n1("Mul", {e.n1("Mul", {x, e.scalarLike(0.5, x)}),
                      e.n1("Add", {inner, e.scalarLike(1.0, x)})});
}

bool noMask(Emitter &e, unsigned i) {
  if (Torch::isConstantNone(e.orig(i)))
    return true;
  return e.fail("attention with a mask in the fused kernel has no lowering "
                "yet");
}

/// `x` of rank `rank` with its first two dims swapped (batch-first <->
/// time-major).
Value swapLeadingDims(Emitter &e, Value x, int64_t rank) {
  SmallVector<int64_t> perm{1, 0};
  for (int64_t i = 2; i < rank; ++i)
    perm.push_back(i);
  return e.n1("Transpose", {x}, {{"perm", e.ints(perm)}});
}

/// True if every use of the packed data `v` is a recurrent layer over
/// packed sequences or pad_packed_sequence (what the padded layout serves).
bool onlyPackedUses(Value v, std::string &user) {
  for (OpOperand &u : v.getUses()) {
    std::string key = Torch::getOpKey(u.getOwner());
    if (u.getOperandNumber() == 0 &&
        (key == "aten._pad_packed_sequence" ||
         (Torch::isPackedRNNKey(key) &&
          onlyPackedUses(u.getOwner()->getResult(0), user))))
      continue;
    user = key;
    return false;
  }
  return true;
}

/// pack_padded_sequence(input, lengths, batch_first): the data stays padded,
/// made time-major ([T, B, *]); the batch sizes are PyTorch's,
/// batch_sizes[t] = #{b : lengths[b] > t} for t < max(lengths).
bool lowerPackPadded(Emitter &e) {
  std::string user;
  if (!onlyPackedUses(e.op->getResult(0), user))
    return e.fail("the packed sequence's data is used by '" + user +
                  "'; only recurrent layers (nn.LSTM/GRU/RNN) and "
                  "pad_packed_sequence can take a packed sequence in an "
                  "export (pad it first)");
  auto bf = Torch::getConstantBool(e.orig(2));
  auto rank = Emitter::rankOf(e.in(0));
  if (!bf || !rank || *rank < 2)
    return e.fail("batch_first must be constant and the input's rank known");
  Value x = *bf ? swapLeadingDims(e, e.in(0), *rank) : e.in(0);
  Type i64 = e.rw.getI64Type();
  Value lengths = e.castIfNeeded(e.in(1), i64);
  Value maxLen = e.reduce("ReduceMax", lengths, ArrayRef<int64_t>{0}, true);
  Value t = e.unsqueeze(iota(e, maxLen), {1}); // [T, 1]
  Value gt = e.n1("Less", {t, e.unsqueeze(lengths, {0})}, {},
                  e.unranked(IntegerType::get(e.ctx(), 1)));
  Value bs = e.reduce("ReduceSum", e.cast(gt, i64), ArrayRef<int64_t>{1}, false,
                      e.resultType(1));
  Value data = e.n1("Identity", {x}, {}, e.resultType(0));
  return data && bs && e.done({data, bs});
}

/// pad_packed_sequence(data, batch_sizes, batch_first, padding_value,
/// total_length): the padded time-major data cut or extended to
/// total_length steps, padding_value past each sequence's length.
bool lowerPadPacked(Emitter &e) {
  auto bf = Torch::getConstantBool(e.orig(2));
  auto rank = Emitter::rankOf(e.in(0));
  if (!bf || !rank || *rank < 2)
    return e.fail("batch_first must be constant and the data's rank known");
  Value data = e.in(0);
  Type i64 = e.rw.getI64Type();
  Value lengths = packedLengths(e, e.orig(1), data);
  if (!lengths)
    return e.fail("the packed sequence's batch sizes are unknown");
  Value total = e.unsqueeze(e.castIfNeeded(e.in(4), i64), {0}); // [1]
  // Rows [0, total) of the data followed by total rows of padding.
  SmallVector<int64_t> rest;
  for (int64_t i = 1; i < *rank; ++i)
    rest.push_back(i);
  Value restShape =
      e.n1("Gather", {e.shape(data), e.i64s(rest)}, {{"axis", e.i64(0)}});
  Value zeros = e.n1(
      "Expand", {e.scalarLike(0.0, data), e.concatInts({total, restShape})});
  Value t = iota(e, total);
  Value padded =
      e.n1("Gather", {e.n1("Concat", {data, zeros}, {{"axis", e.i64(0)}}), t},
           {{"axis", e.i64(0)}});
  // padding_value where t >= lengths[b].
  Value valid = e.n1("Less", {e.unsqueeze(t, {1}), e.unsqueeze(lengths, {0})},
                     {}, e.unranked(IntegerType::get(e.ctx(), 1)));
  SmallVector<int64_t> trailing;
  for (int64_t i = 2; i < *rank; ++i)
    trailing.push_back(i);
  if (!trailing.empty())
    valid = e.unsqueeze(valid, trailing);
  auto pad = Torch::getConstantFloat(e.orig(3));
  Value fill = pad ? e.scalarLike(*pad, data)
                   : e.castIfNeeded(e.in(3), Emitter::elemOf(data));
  Value out = e.n1("Where", {valid, padded, fill}, {},
                   e.unranked(Emitter::elemOf(data)));
  if (*bf)
    out = swapLeadingDims(e, out, *rank);
  Value y = e.n1("Identity", {out}, {}, e.resultType(0));
  Value l = e.n1("Identity", {lengths}, {}, e.resultType(1));
  return y && l && e.done({y, l});
}

} // namespace

void mlir::torch_onnx::addRecurrentLowerings(std::vector<Lowering> &l) {
  LoweringAdder add(l);
  for (auto [n, k] : {std::pair{"aten.lstm.input", Cell::LSTM},
                      {"aten.gru.input", Cell::GRU},
                      {"aten.rnn_tanh.input", Cell::RNNTanh},
                      {"aten.rnn_relu.input", Cell::RNNRelu}})
    add(n, 9, [k = k](Emitter &e) { return lowerRNN(e, k); });
  for (auto [n, k] : {std::pair{"aten.lstm.data", Cell::LSTM},
                      {"aten.gru.data", Cell::GRU},
                      {"aten.rnn_tanh.data", Cell::RNNTanh},
                      {"aten.rnn_relu.data", Cell::RNNRelu}})
    add(n, 9, [k = k](Emitter &e) { return lowerRNN(e, k, /*packed=*/true); });
  add("aten._pack_padded_sequence", 9, lowerPackPadded);
  add("aten._pad_packed_sequence", 9, lowerPadPacked);
  for (auto [n, k] : {std::pair{"aten.lstm_cell", Cell::LSTM},
                      {"aten.gru_cell", Cell::GRU},
                      {"aten.rnn_tanh_cell", Cell::RNNTanh},
                      {"aten.rnn_relu_cell", Cell::RNNRelu}})
    add(n, 9, [k = k](Emitter &e) { return lowerCell(e, k); });

  add("aten._native_multi_head_attention", 9, [](Emitter &e) {
    auto embed = e.constInt(3, "embed_dim"), heads = e.constInt(4, "num_head");
    if (!embed || !heads || !noMask(e, 9))
      return false;
    if (e.opset() < 11 && (!Emitter::rankOf(e.in(0))))
      return e.fail("the query rank must be known");
    bool self = e.orig(0) == e.orig(1) && e.orig(1) == e.orig(2);
    auto [out, weights] =
        attention(e, e.in(0), e.in(1), e.in(2), *embed, *heads, e.in(5),
                  e.in(6), e.in(7), e.in(8), self);
    if (!out || !weights)
      return false;
    Value r0 = e.n1("Identity", {out}, {}, e.resultType(0));
    Value r1 = e.n1("Identity", {weights}, {}, e.resultType(1));
    return r0 && r1 && e.done({r0, r1});
  });

  add("aten._transformer_encoder_layer_fwd", 9, [](Emitter &e) {
    auto embed = e.constInt(1, "embed_dim"), heads = e.constInt(2, "num_heads");
    auto useGelu = Torch::getConstantBool(e.orig(7));
    auto normFirst = Torch::getConstantBool(e.orig(8));
    auto eps = e.constFloat(9, "eps");
    if (!embed || !heads || !eps || !noMask(e, 18))
      return false;
    if (!useGelu || !normFirst)
      return e.fail("use_gelu and norm_first must be constant");
    Value x = e.in(0);
    auto rank = Emitter::rankOf(x);
    if (!rank)
      return e.fail("the input rank must be known");
    auto mha = [&](Value h) {
      return attention(e, h, h, h, *embed, *heads, e.in(3), e.in(4), e.in(5),
                       e.in(6), true)
          .first;
    };
    auto ffn = [&](Value h) {
      Value a = linear(e, h, e.in(14), e.in(15));
      a = *useGelu ? gelu(e, a) : e.n1("Relu", {a});
      return linear(e, a, e.in(16), e.in(17));
    };
    auto ln1 = [&](Value h) {
      return layerNorm(e, h, e.in(10), e.in(11), *eps, *rank);
    };
    auto ln2 = [&](Value h) {
      return layerNorm(e, h, e.in(12), e.in(13), *eps, *rank);
    };
    Value y;
    if (*normFirst) {
      x = e.n1("Add", {x, mha(ln1(x))});
      y = e.n1("Add", {x, ffn(ln2(x))});
    } else {
      x = ln1(e.n1("Add", {x, mha(x)}));
      y = ln2(e.n1("Add", {x, ffn(x)}));
    }
    Value r = e.n1("Identity", {y}, {}, e.resultType());
    return r && e.done(r);
  });
}
