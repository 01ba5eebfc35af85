//===- ConstantData.cpp - Raw bytes of constant tensors -------------------===//

#include "torch-onnx/Support/ConstantData.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/STLExtras.h"
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

/// The (q, last) planes of a permutation that moves the input's innermost
/// dim to output dim q, as blocked 2-D transposes: element by element, each
/// block's reads and writes stay in the L1 cache (an unblocked walk reads
/// one element per cache line; a 4096x4096 weight took 0.17 s).
template <typename T>
static void transposePlanes(const char *in, char *out,
                            ArrayRef<int64_t> outShape,
                            ArrayRef<int64_t> stride, int64_t q) {
  constexpr int64_t kBlock = 32;
  int64_t rank = outShape.size(), last = rank - 1;
  SmallVector<int64_t> outStride(rank, 1);
  for (int64_t d = rank - 2; d >= 0; --d)
    outStride[d] = outStride[d + 1] * outShape[d + 1];
  // The other dims, odometer order.
  SmallVector<int64_t> outer;
  int64_t planes = 1;
  for (int64_t d = 0; d < last; ++d)
    if (d != q) {
      outer.push_back(d);
      planes *= outShape[d];
    }
  SmallVector<int64_t> idx(outer.size(), 0);
  int64_t srcBase = 0, dstBase = 0;
  int64_t I = outShape[q], J = outShape[last];
  int64_t sj = stride[last], di = outStride[q];
  for (int64_t p = 0; p < planes; ++p) {
    for (int64_t i0 = 0; i0 < I; i0 += kBlock)
      for (int64_t j0 = 0; j0 < J; j0 += kBlock) {
        int64_t i1 = std::min(I, i0 + kBlock), j1 = std::min(J, j0 + kBlock);
        for (int64_t i = i0; i < i1; ++i)
          for (int64_t j = j0; j < j1; ++j)
            std::memcpy(out + (dstBase + i * di + j) * sizeof(T),
                        in + (srcBase + i + j * sj) * sizeof(T), sizeof(T));
      }
    for (int64_t k = outer.size() - 1; k >= 0; --k) {
      int64_t d = outer[k];
      srcBase += stride[d];
      dstBase += outStride[d];
      if (++idx[k] < outShape[d])
        break;
      srcBase -= stride[d] * outShape[d];
      dstBase -= outStride[d] * outShape[d];
      idx[k] = 0;
    }
  }
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
  if (rank >= 2 && perm[rank - 1] != rank - 1 &&
      llvm::is_contained(ArrayRef<int64_t>{1, 2, 4, 8}, bytes)) {
    int64_t q = llvm::find(perm, rank - 1) - perm.begin();
    switch (bytes) {
    case 1:
      return transposePlanes<uint8_t>(in.data(), out.data(), outShape, stride,
                                      q);
    case 2:
      return transposePlanes<uint16_t>(in.data(), out.data(), outShape, stride,
                                       q);
    case 4:
      return transposePlanes<uint32_t>(in.data(), out.data(), outShape, stride,
                                       q);
    default:
      return transposePlanes<uint64_t>(in.data(), out.data(), outShape, stride,
                                       q);
    }
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
