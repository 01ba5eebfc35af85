//===- Axis.h - negative axes and dims --------------------------*- C++ -*-===//
//
// PyTorch dims and ONNX axes count from the end when negative. Every pass
// normalizes them here: the type refinement, both conversions and the ONNX
// folders.
//
//===----------------------------------------------------------------------===//

#ifndef TORCH_ONNX_SUPPORT_AXIS_H
#define TORCH_ONNX_SUPPORT_AXIS_H

#include <cstdint>
#include <optional>

namespace mlir::torch_onnx {

/// `axis` counted from the front: `axis + rank` when negative. No range
/// check (for axes a verifier or an earlier check has already bounded).
inline int64_t wrapAxis(int64_t axis, int64_t rank) {
  return axis < 0 ? axis + rank : axis;
}

/// `axis` in [0, rank), or nullopt when it lies outside [-rank, rank).
inline std::optional<int64_t> normalizeAxis(int64_t axis, int64_t rank) {
  int64_t a = wrapAxis(axis, rank);
  if (a < 0 || a >= rank)
    return std::nullopt;
  return a;
}

} // namespace mlir::torch_onnx

#endif // TORCH_ONNX_SUPPORT_AXIS_H
