//===- ONNXSchema.cpp - ONNX op type <-> MLIR op mapping ------------------===//

#include "torch-onnx/Dialect/ONNX/IR/ONNXSchema.h"

#include "llvm/ADT/StringMap.h"

using namespace mlir;

namespace {
struct OpEntry {
  const char *opType;
  int64_t since;
  const char *mlirName;
};
struct RenameEntry {
  const char *mlirName;
  const char *onnxName;
  const char *odsName;
};

#define ONNX_OP(TYPE, SINCE, CLASS) {TYPE, SINCE, "onnx." #CLASS},
#define ONNX_ATTR_RENAME(CLASS, ONNX, ODS)
const OpEntry kOps[] = {
#include "GeneratedONNXOpTable.inc"
};
#undef ONNX_OP
#undef ONNX_ATTR_RENAME
#define ONNX_OP(TYPE, SINCE, CLASS)
#define ONNX_ATTR_RENAME(CLASS, ONNX, ODS) {"onnx." #CLASS, ONNX, ODS},
const RenameEntry kRenames[] = {
#include "GeneratedONNXOpTable.inc"
};
#undef ONNX_OP
#undef ONNX_ATTR_RENAME

/// The MLIR name built by the macros ends in "Op" (the C++ class name);
/// the registered op name does not.
StringRef stripOpSuffix(StringRef name) {
  name.consume_back("Op");
  return name;
}

struct Tables {
  llvm::StringMap<std::string> byTypeVersion; // "Squeeze@13" -> onnx.Squeeze
  llvm::StringMap<std::string> renames;       // "onnx.Pad@mode" -> mode_
  Tables() {
    for (const OpEntry &e : kOps) {
      std::string name = stripOpSuffix(e.mlirName).str();
      byTypeVersion[(llvm::Twine(e.opType) + "@" + llvm::Twine(e.since))
                        .str()] = name;
    }
    for (const RenameEntry &e : kRenames)
      renames[(stripOpSuffix(e.mlirName) + "@" + e.onnxName).str()] = e.odsName;
  }
};

const Tables &getTables() {
  static const Tables tables;
  return tables;
}
} // namespace

std::optional<StringRef> mlir::ONNX::lookupGeneratedOp(StringRef opType,
                                                       int64_t sinceVersion) {
  const Tables &t = getTables();
  auto it = t.byTypeVersion.find((opType + "@" + Twine(sinceVersion)).str());
  if (it == t.byTypeVersion.end())
    return std::nullopt;
  return StringRef(it->second);
}

StringRef mlir::ONNX::getODSAttrName(StringRef mlirOpName, StringRef onnxName) {
  const Tables &t = getTables();
  auto it = t.renames.find((mlirOpName + "@" + onnxName).str());
  return it == t.renames.end() ? onnxName : StringRef(it->second);
}
