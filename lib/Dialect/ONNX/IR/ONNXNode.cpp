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

FailureOr<NodeOperands> mlir::ONNX::mapNodeInputs(OperationName name,
                                                  ArrayRef<Value> inputs,
                                                  std::string &why,
                                                  NodeInputError *error) {
  auto fail = [&](NodeInputError e, std::string reason) {
    why = std::move(reason);
    if (error)
      *error = e;
    return failure();
  };
  StringRef kinds = inputKinds(name);
  NodeOperands r;
  unsigned next = 0;
  for (auto [formal, kind] : llvm::enumerate(kinds)) {
    if (kind == 'V') {
      int32_t n = 0;
      for (; next < inputs.size(); ++next, ++n) {
        if (!inputs[next])
          return fail(NodeInputError::EmptyInVariadic,
                      "input #" + std::to_string(next) +
                          " is empty inside a variadic list");
        r.operands.push_back(inputs[next]);
        r.origin.push_back({(unsigned)formal, next});
      }
      r.segments.push_back(n);
    } else if (kind == 'O') {
      bool has = next < inputs.size() && inputs[next];
      if (has) {
        r.operands.push_back(inputs[next]);
        r.origin.push_back({(unsigned)formal, next});
      }
      r.segments.push_back(has);
      ++next;
    } else {
      if (next >= inputs.size() || !inputs[next])
        return fail(NodeInputError::MissingRequired,
                    "lacks required input #" + std::to_string(formal));
      r.operands.push_back(inputs[next]);
      r.origin.push_back({(unsigned)formal, next});
      r.segments.push_back(1);
      ++next;
    }
  }
  // Trailing absent inputs are not inputs.
  size_t given = inputs.size();
  while (given > next && !inputs[given - 1])
    --given;
  if (given > next)
    return fail(NodeInputError::TooMany,
                "has " + std::to_string(given) +
                    " inputs, but the schema takes at most " +
                    std::to_string(kinds.size()));
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

Operation *
mlir::ONNX::buildNode(OpBuilder &b, Location loc, OperationName name,
                      ArrayRef<Value> inputs,
                      ArrayRef<std::pair<StringRef, Attribute>> onnxAttrs,
                      TypeRange results, std::string &why) {
  FailureOr<NodeOperands> mapped = mapNodeInputs(name, inputs, why);
  if (failed(mapped))
    return nullptr;
  OperationState st(loc, name);
  st.addOperands(mapped->operands);
  if (name.hasTrait<OpTrait::AttrSizedOperandSegments>())
    st.addAttribute("operandSegmentSizes",
                    b.getDenseI32ArrayAttr(mapped->segments));
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
