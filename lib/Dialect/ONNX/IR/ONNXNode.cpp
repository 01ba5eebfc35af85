//===- ONNXNode.cpp - ONNX nodes <-> generated ops ------------------------===//

#include "torch-onnx/Dialect/ONNX/IR/ONNXNode.h"
#include "torch-onnx/Dialect/ONNX/IR/ONNXSchema.h"

#include "mlir/IR/Builders.h"

using namespace mlir;
using namespace mlir::ONNX;

static StringRef inputKinds(OperationName name) {
  if (auto *iface = name.getInterface<ONNXOpInterface>())
    return iface->getInputKinds();
  return {};
}

static StringRef outputKinds(OperationName name) {
  if (auto *iface = name.getInterface<ONNXOpInterface>())
    return iface->getOutputKinds();
  return {};
}

std::string NodeInputError::describe(size_t numFormal) const {
  switch (kind) {
  case MissingRequired:
    return "lacks required input #" + std::to_string(index);
  case EmptyInVariadic:
    return "input #" + std::to_string(index) +
           " is empty inside a variadic list";
  case TooMany:
    return "has " + std::to_string(index) +
           " inputs, but the schema takes at most " + std::to_string(numFormal);
  }
  llvm_unreachable("NodeInputError kind");
}

FailureOr<SmallVector<int32_t>>
mlir::ONNX::nodeInputSegments(StringRef kinds, ArrayRef<bool> present,
                              NodeInputError &error) {
  SmallVector<int32_t> segments;
  size_t pos = 0;
  for (auto [formal, kind] : llvm::enumerate(kinds)) {
    if (kind == 'V') {
      int32_t n = 0;
      for (; pos < present.size(); ++pos, ++n)
        if (!present[pos]) {
          error = {NodeInputError::EmptyInVariadic, (unsigned)pos};
          return failure();
        }
      segments.push_back(n);
      continue;
    }
    bool has = pos < present.size() && present[pos];
    if (!has && kind == 'S') {
      error = {NodeInputError::MissingRequired, (unsigned)formal};
      return failure();
    }
    segments.push_back(has);
    ++pos;
  }
  if (pos < present.size()) {
    error = {NodeInputError::TooMany, (unsigned)present.size()};
    return failure();
  }
  return segments;
}

FailureOr<NodeOperands> mlir::ONNX::mapNodeInputs(OperationName name,
                                                  ArrayRef<Value> inputs,
                                                  NodeInputError &error) {
  StringRef kinds = inputKinds(name);
  SmallVector<bool> present =
      llvm::map_to_vector(inputs, [](Value v) { return bool(v); });
  FailureOr<SmallVector<int32_t>> segments =
      nodeInputSegments(kinds, present, error);
  if (failed(segments))
    return failure();
  NodeOperands r;
  r.segments = std::move(*segments);
  unsigned pos = 0;
  for (auto [formal, n] : llvm::enumerate(r.segments)) {
    for (int32_t k = 0; k < n; ++k, ++pos) {
      r.operands.push_back(inputs[pos]);
      r.origin.push_back({(unsigned)formal, pos});
    }
    // An absent optional input still takes its position.
    if (n == 0 && kinds[formal] != 'V')
      ++pos;
  }
  return r;
}

SmallVector<int32_t> mlir::ONNX::nodeResultSegments(OperationName name,
                                                    unsigned numResults) {
  SmallVector<int32_t> segments;
  unsigned r = 0;
  for (char kind : outputKinds(name)) {
    if (kind == 'V') {
      segments.push_back(numResults - r);
      r = numResults;
    } else if (kind == 'O') {
      segments.push_back(r < numResults ? 1 : 0);
      r += segments.back();
    } else {
      segments.push_back(1);
      ++r;
    }
  }
  return segments;
}

void mlir::ONNX::addNodeOperands(OperationState &state,
                                 const NodeOperands &mapped) {
  state.addOperands(mapped.operands);
  if (state.name.hasTrait<OpTrait::AttrSizedOperandSegments>())
    state.addAttribute(
        "operandSegmentSizes",
        DenseI32ArrayAttr::get(state.getContext(), mapped.segments));
}

Operation *
mlir::ONNX::buildNode(OpBuilder &b, Location loc, OperationName name,
                      ArrayRef<Value> inputs,
                      ArrayRef<std::pair<StringRef, Attribute>> onnxAttrs,
                      TypeRange results, std::string &why) {
  NodeInputError error;
  FailureOr<NodeOperands> mapped = mapNodeInputs(name, inputs, error);
  if (failed(mapped)) {
    why = error.describe(inputKinds(name).size());
    return nullptr;
  }
  OperationState st(loc, name);
  addNodeOperands(st, *mapped);
  if (name.hasTrait<OpTrait::AttrSizedResultSegments>())
    st.addAttribute(
        "resultSegmentSizes",
        b.getDenseI32ArrayAttr(nodeResultSegments(name, results.size())));
  for (auto &[n, a] : onnxAttrs)
    st.addAttribute(getODSAttrName(name.getStringRef(), n), a);
  st.addTypes(results);
  return b.create(st);
}

/// (first value, count) per formal parameter: the segment attribute where
/// there is one, else singles take one value and the (only) other parameter
/// the rest.
static SmallVector<std::pair<unsigned, unsigned>>
formalSegments(Operation *op, unsigned numValues, StringRef kinds,
               StringRef segAttr) {
  SmallVector<int32_t> seg;
  if (auto s = op->getAttrOfType<DenseI32ArrayAttr>(segAttr)) {
    seg.assign(s.asArrayRef().begin(), s.asArrayRef().end());
  } else {
    int32_t singles = llvm::count(kinds, 'S');
    for (char k : kinds)
      seg.push_back(k == 'S' ? 1 : (int32_t)numValues - singles);
  }
  SmallVector<std::pair<unsigned, unsigned>> r;
  unsigned start = 0;
  for (int32_t n : seg) {
    n = std::max<int32_t>(0, std::min<int32_t>(n, numValues - start));
    r.push_back({start, (unsigned)n});
    start += n;
  }
  return r;
}

SmallVector<std::pair<unsigned, unsigned>>
mlir::ONNX::getFormalInputSegments(Operation *op) {
  return formalSegments(op, op->getNumOperands(), inputKinds(op->getName()),
                        "operandSegmentSizes");
}

SmallVector<OperandRange> mlir::ONNX::getFormalInputs(Operation *op) {
  SmallVector<OperandRange> r;
  for (auto [start, n] : getFormalInputSegments(op))
    r.push_back(op->getOperands().slice(start, n));
  return r;
}

SmallVector<ResultRange> mlir::ONNX::getFormalOutputs(Operation *op) {
  SmallVector<ResultRange> r;
  for (auto [start, n] :
       formalSegments(op, op->getNumResults(), outputKinds(op->getName()),
                      "resultSegmentSizes"))
    r.push_back(op->getResults().slice(start, n));
  return r;
}
