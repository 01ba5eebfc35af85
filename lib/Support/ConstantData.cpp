//===- ConstantData.cpp - Raw bytes of constant tensors -------------------===//

#include "torch-onnx/Support/ConstantData.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/SmallVector.h"

#include <cstring>

using namespace mlir;

std::optional<ArrayRef<char>>
torch_onnx::getRawConstantBytes(ElementsAttr attr) {
  if (auto dense = dyn_cast<DenseIntOrFPElementsAttr>(attr)) {
    if (dense.isSplat())
      return std::nullopt;
    return dense.getRawData();
  }
  if (auto res = dyn_cast<DenseResourceElementsAttr>(attr))
    if (const AsmResourceBlob *blob = res.getRawHandle().getBlob())
      return blob->getData();
  return std::nullopt;
}

void torch_onnx::permuteConstantBytes(ArrayRef<char> in,
                                      MutableArrayRef<char> out,
                                      ArrayRef<int64_t> inShape,
                                      ArrayRef<int64_t> perm, int64_t bytes) {
  int64_t rank = inShape.size();
  SmallVector<int64_t> inStride(rank, 1);
  for (int64_t d = rank - 2; d >= 0; --d)
    inStride[d] = inStride[d + 1] * inShape[d + 1];
  // Input stride of each output dim; an innermost dim left in place is one
  // contiguous run per step.
  SmallVector<int64_t> outShape(rank), stride(rank);
  for (int64_t d = 0; d < rank; ++d) {
    outShape[d] = inShape[perm[d]];
    stride[d] = inStride[perm[d]];
  }
  int64_t run = 1, loops = rank;
  if (rank > 0 && perm[rank - 1] == rank - 1) {
    run = inShape[rank - 1];
    loops = rank - 1;
  }
  int64_t runBytes = run * bytes, n = run ? out.size() / runBytes : 0;
  SmallVector<int64_t> idx(loops, 0);
  int64_t src = 0;
  for (int64_t k = 0; k < n; ++k) {
    std::memcpy(out.data() + k * runBytes, in.data() + src * bytes, runBytes);
    for (int64_t d = loops - 1; d >= 0; --d) {
      src += stride[d];
      if (++idx[d] < outShape[d])
        break;
      src -= stride[d] * outShape[d];
      idx[d] = 0;
    }
  }
}
