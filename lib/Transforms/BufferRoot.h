//===- BufferRoot.h - the buffer a memref value views -----------*- C++ -*-===//

#ifndef TORCH_ONNX_LIB_CONVERSION_LINALGTOGPU_BUFFERROOT_H
#define TORCH_ONNX_LIB_CONVERSION_LINALGTOGPU_BUFFERROOT_H

#include "mlir/IR/Value.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

namespace mlir::torch_onnx {

/// The buffer `v` views, through view-like ops (subviews, casts, reshapes):
/// an allocation, a global's value, or a block argument.
inline Value getBufferRoot(Value v) {
  while (Operation *def = v.getDefiningOp()) {
    auto view = dyn_cast<ViewLikeOpInterface>(def);
    if (!view)
      break;
    v = view.getViewSource();
  }
  return v;
}

} // namespace mlir::torch_onnx

#endif // TORCH_ONNX_LIB_CONVERSION_LINALGTOGPU_BUFFERROOT_H
