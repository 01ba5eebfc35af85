//===- ONNXValidate.cpp - Checks a ModelProto before libonnx sees it ------===//
//
// libonnx's shape inference trusts what it is handed: a recursive
// model-local function recurses until the stack is gone, `strides = 0`
// divides by zero, a Scan without its body dereferences nothing. The
// importer therefore runs inference only on models that pass these checks:
//   - subgraph nesting at most kMaxSubgraphDepth (the exporter refuses the
//     same; protobuf's recursion limit is set from it);
//   - the call graph of model-local functions is acyclic;
//   - every node of a known operator carries its required attributes with
//     the schema's attribute type;
//   - spatial attributes are in range (strides, dilations, kernel_shape
//     >= 1, group >= 1, pads >= 0).
//
//===----------------------------------------------------------------------===//

#include "torch-onnx/Target/ONNX/ONNXCommon.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"

#include "onnx/defs/data_type_utils.h"
#include "onnx/defs/schema.h"

#include <functional>
#include <map>
#include <string>

using namespace mlir;
using namespace mlir::ONNX;

namespace {

/// "Relu node 'r'", or "Relu node #3" (its index in its graph) for an
/// unnamed node: the importer's wording.
std::string nodeName(const ::onnx::NodeProto &n, int index) {
  if (!n.name().empty())
    return n.op_type() + " node '" + n.name() + "'";
  return n.op_type() + " node #" + std::to_string(index);
}

const char *attrTypeName(int t) {
  return ::onnx::AttributeProto::AttributeType_Name(
             static_cast<::onnx::AttributeProto::AttributeType>(t))
      .c_str();
}

struct Validator {
  Location loc;
  /// Opset version per domain of the scope being checked ("" = ai.onnx).
  std::map<std::string, int64_t> opsets;
  /// Model-local functions by "domain:name".
  llvm::StringMap<const ::onnx::FunctionProto *> functions;

  InFlightDiagnostic fail() { return emitError(loc); }

  static std::string key(const std::string &domain, const std::string &name) {
    return (domain == "ai.onnx" ? std::string() : domain) + ":" + name;
  }

  LogicalResult checkAttributes(const ::onnx::NodeProto &node, int index) {
    std::string domain = node.domain() == "ai.onnx" ? "" : node.domain();
    for (const auto &a : node.attribute()) {
      if (!a.ref_attr_name().empty())
        continue; // bound when the enclosing function is called
      auto positive = [&](int64_t lo) -> LogicalResult {
        auto bad = [&](int64_t v) {
          return fail() << "attribute '" << a.name() << "' of "
                        << nodeName(node, index) << " has the value " << v
                        << "; the ONNX spec needs "
                        << (lo ? "values >= 1" : "values >= 0");
        };
        if (a.type() == ::onnx::AttributeProto::INT && a.i() < lo)
          return bad(a.i());
        if (a.type() == ::onnx::AttributeProto::INTS)
          for (int64_t v : a.ints())
            if (v < lo)
              return bad(v);
        return success();
      };
      if (domain.empty() && (a.name() == "strides" || a.name() == "dilations" ||
                             a.name() == "kernel_shape" || a.name() == "group"))
        if (failed(positive(1)))
          return failure();
      if (domain.empty() && a.name() == "pads" && node.op_type() != "Pad" &&
          failed(positive(0)))
        return failure();
    }
    auto it = opsets.find(domain);
    if (it == opsets.end())
      return success();
    const ::onnx::OpSchema *schema = ::onnx::OpSchemaRegistry::Schema(
        node.op_type(), static_cast<int>(it->second), domain);
    if (!schema)
      return success(); // the importer names unknown operators itself
    for (const auto &a : node.attribute()) {
      auto sa = schema->attributes().find(a.name());
      if (sa == schema->attributes().end() || !a.ref_attr_name().empty())
        continue;
      ::onnx::AttributeProto typed(a);
      inferAttributeType(typed);
      if (typed.type() != sa->second.type)
        return fail() << "attribute '" << a.name() << "' of "
                      << nodeName(node, index) << " has type "
                      << attrTypeName(typed.type()) << ", but "
                      << node.op_type() << "-" << schema->SinceVersion()
                      << " requires " << attrTypeName(sa->second.type);
    }
    for (const auto &[name, sa] : schema->attributes()) {
      if (!sa.required)
        continue;
      if (llvm::none_of(node.attribute(), [&, &name = name](const auto &a) {
            return a.name() == name;
          }))
        return fail() << nodeName(node, index) << " has no attribute '" << name
                      << "', which " << node.op_type() << "-"
                      << schema->SinceVersion() << " requires";
    }
    return success();
  }

  /// Checks `graph` at nesting `depth` and collects the model-local
  /// functions its nodes call into `calls`.
  LogicalResult
  checkNodes(const google::protobuf::RepeatedPtrField<::onnx::NodeProto> &nodes,
             unsigned depth, llvm::SmallVectorImpl<std::string> &calls) {
    int index = -1;
    for (const auto &node : nodes) {
      ++index;
      if (functions.count(key(node.domain(), node.op_type())))
        calls.push_back(key(node.domain(), node.op_type()));
      if (failed(checkAttributes(node, index)))
        return failure();
      for (const auto &a : node.attribute()) {
        auto sub = [&](const ::onnx::GraphProto &g) -> LogicalResult {
          if (depth + 1 > kMaxSubgraphDepth)
            return fail() << nodeName(node, index)
                          << ": subgraphs are nested more than "
                          << kMaxSubgraphDepth
                          << " deep, the most torch-onnx imports and "
                             "exports; flatten the control flow";
          return checkNodes(g.node(), depth + 1, calls);
        };
        if (a.has_g() && failed(sub(a.g())))
          return failure();
        for (const auto &g : a.graphs())
          if (failed(sub(g)))
            return failure();
      }
    }
    return success();
  }
};

} // namespace

LogicalResult
mlir::ONNX::validateModelStructure(const ::onnx::ModelProto &model,
                                   Location loc) {
  Validator v{loc, {}, {}};
  for (const auto &o : model.opset_import())
    v.opsets[o.domain() == "ai.onnx" ? "" : o.domain()] = o.version();
  for (const auto &fn : model.functions()) {
    std::string k = Validator::key(fn.domain(), fn.name());
    if (v.functions.count(k))
      return v.fail() << "the model defines function '" << fn.domain() << "."
                      << fn.name() << "' twice";
    v.functions[k] = &fn;
  }

  llvm::SmallVector<std::string> mainCalls;
  if (failed(v.checkNodes(model.graph().node(), 0, mainCalls)))
    return failure();

  // Function bodies, with the function's own opset imports, and their calls.
  llvm::StringMap<llvm::SmallVector<std::string>> callees;
  std::map<std::string, int64_t> modelOpsets = v.opsets;
  for (const auto &fn : model.functions()) {
    v.opsets = modelOpsets;
    for (const auto &o : fn.opset_import())
      v.opsets[o.domain() == "ai.onnx" ? "" : o.domain()] = o.version();
    auto &calls = callees[Validator::key(fn.domain(), fn.name())];
    if (failed(v.checkNodes(fn.node(), 0, calls)))
      return failure();
  }

  // Depth-first search for a cycle in the call graph (0 = new, 1 = on the
  // path, 2 = done), iterative so a long call chain cannot overflow.
  llvm::StringMap<int> state;
  for (const auto &fn : model.functions()) {
    std::string root = Validator::key(fn.domain(), fn.name());
    if (state.lookup(root))
      continue;
    llvm::SmallVector<std::pair<std::string, size_t>> stack{{root, 0}};
    state[root] = 1;
    while (!stack.empty()) {
      auto &[cur, next] = stack.back();
      auto &out = callees[cur];
      if (next == out.size()) {
        state[cur] = 2;
        stack.pop_back();
        continue;
      }
      std::string callee = out[next++];
      int s = state.lookup(callee);
      if (s == 2)
        continue;
      if (s == 1) {
        std::string path;
        bool on = false;
        for (auto &frame : stack) {
          on |= frame.first == callee;
          if (on)
            path += frame.first.substr(frame.first.find(':') + 1) + " -> ";
        }
        path += callee.substr(callee.find(':') + 1);
        return v.fail() << "model-local function '"
                        << callee.substr(callee.find(':') + 1)
                        << "' calls itself (" << path
                        << "); ONNX functions must not be recursive";
      }
      state[callee] = 1;
      stack.push_back({callee, 0});
    }
  }
  return success();
}

LogicalResult mlir::ONNX::checkTextNesting(llvm::StringRef text, Location loc) {
  unsigned depth = 0, most = 0;
  bool inString = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (inString) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        inString = false;
      continue;
    }
    if (c == '"')
      inString = true;
    else if (c == '#')
      while (i < text.size() && text[i] != '\n')
        ++i;
    else if (c == '{' || c == '(' || c == '[' || c == '<')
      most = std::max(most, ++depth);
    else if ((c == '}' || c == ')' || c == ']' || c == '>') && depth)
      --depth;
  }
  // Each subgraph level of the text syntax opens a few brackets (attribute
  // list, graph signature, body); allow kTextBracketsPerLevel per level.
  if (most > kMaxSubgraphDepth * kTextBracketsPerLevel)
    return emitError(loc) << "brackets are nested " << most
                          << " deep; torch-onnx reads subgraphs nested at most "
                          << kMaxSubgraphDepth << " deep";
  return success();
}

/// The types ONNX's schemas allow: every node input whose type is known (a
/// graph input, an initializer, or value_info from our refinement and ONNX's
/// inference) must be one its operator takes at the model's opset. ONNX's
/// checker does not look; ONNX Runtime refuses such a model when loading
/// it. An empty string if the graph keeps to them, otherwise what breaks
/// them (a lowering bug, which the user should not meet as a runtime's
/// load error).
std::string mlir::ONNX::checkTypeConstraints(const ::onnx::ModelProto &model) {
  int64_t opset = 0;
  for (const auto &o : model.opset_import())
    if (o.domain().empty() || o.domain() == "ai.onnx")
      opset = o.version();
  using Types = llvm::StringMap<const ::onnx::TypeProto *>;
  std::function<std::string(const ::onnx::GraphProto &, Types)> check =
      [&](const ::onnx::GraphProto &g, Types types) -> std::string {
    for (const auto &v : g.input())
      types[v.name()] = &v.type();
    for (const auto &v : g.value_info())
      types[v.name()] = &v.type();
    for (const auto &v : g.output())
      types[v.name()] = &v.type();
    std::vector<::onnx::TypeProto> inits(g.initializer_size());
    for (const auto &[k, t] : llvm::enumerate(g.initializer())) {
      inits[k].mutable_tensor_type()->set_elem_type(t.data_type());
      types[t.name()] = &inits[k];
    }
    for (const auto &n : g.node()) {
      for (const auto &a : n.attribute())
        if (a.has_g())
          if (std::string e = check(a.g(), types); !e.empty())
            return e;
      if (!(n.domain().empty() || n.domain() == "ai.onnx"))
        continue;
      const ::onnx::OpSchema *schema =
          ::onnx::OpSchemaRegistry::Schema(n.op_type(), opset, n.domain());
      if (!schema || schema->inputs().empty())
        continue;
      const auto &formals = schema->inputs();
      for (int i = 0; i < n.input_size(); ++i) {
        if (n.input(i).empty())
          continue;
        size_t f = std::min<size_t>(i, formals.size() - 1);
        if (size_t(i) >= formals.size() &&
            formals.back().GetOption() !=
                ::onnx::OpSchema::FormalParameterOption::Variadic)
          continue;
        const auto &formal = formals[f];
        if (!formal.GetIsHomogeneous() || formal.GetTypes().empty())
          continue;
        auto it = types.find(n.input(i));
        if (it == types.end() ||
            it->second->value_case() == ::onnx::TypeProto::VALUE_NOT_SET ||
            (it->second->has_tensor_type() &&
             !it->second->tensor_type().elem_type()))
          continue;
        ::onnx::DataType given;
        try {
          given = ::onnx::Utils::DataTypeUtils::ToType(*it->second);
        } catch (const std::exception &) {
          continue;
        }
        if (formal.GetTypes().count(given))
          continue;
        std::vector<std::string> allowed;
        for (::onnx::DataType t : formal.GetTypes())
          allowed.push_back(*t);
        llvm::sort(allowed);
        std::string who = !n.name().empty() ? "node '" + n.name() + "'"
                          : n.output_size()
                              ? "the node computing '" + n.output(0) + "'"
                              : "a node";
        std::string msg = who + " (" + n.op_type() + "-" +
                          std::to_string(schema->since_version()) + ", opset " +
                          std::to_string(opset) + ") input " +
                          std::to_string(i) + " ('" + n.input(i) + "') is " +
                          *given + ", which " + n.op_type() +
                          " does not take at this opset (it takes " +
                          llvm::join(allowed, ", ") + ")";
        if (!n.doc_string().empty())
          msg += " [from " + n.doc_string() + "]";
        return msg;
      }
    }
    return "";
  };
  return check(model.graph(), Types());
}
