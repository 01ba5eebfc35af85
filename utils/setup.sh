#!/bin/sh
# README command 1: install what is missing, build, and run the main job on the
# bundled examples: examples/small_cnn.py (a scripted CNN with a
# data-dependent branch) is exported to ONNX with a dynamic batch and run in
# ONNX Runtime and natively; examples/mlp.onnxtxt is imported to MLIR,
# canonicalized, exported again and run in ONNX Runtime.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
"$ROOT/utils/install-deps.sh"
. "$ROOT/utils/env.sh"
"$ROOT/utils/build.sh"
BIN="$ROOT/build/bin"
OUT="$ROOT/build/examples"
mkdir -p "$OUT"

echo "== PyTorch -> ONNX: examples/small_cnn.py -> $OUT/small_cnn.onnx"
"$PY" "$ROOT/examples/small_cnn.py" "$OUT/small_cnn.pt"
"$BIN/torch-onnx-export" "$OUT/small_cnn.pt" -o "$OUT/small_cnn.onnx" \
  --opset=17 --input-shapes='[batch,3,32,32]:f32' --output-names=probs \
  --verbose
echo "== ONNX Runtime on $OUT/small_cnn.onnx (batch 2)"
"$PY" "$ROOT/utils/run_ort.py" "$OUT/small_cnn.onnx"
echo "== native (torch-onnx-run: compiled once, then from its compile cache) on the same input: same probabilities"
"$PY" -c "import numpy as np; n = 2 * 3 * 32 * 32; \
np.save('$OUT/x.npy', (((np.arange(n) % 7) - 3) / 4).astype(np.float32).reshape(2, 3, 32, 32))"
"$BIN/torch-onnx-run" "$OUT/small_cnn.onnx" --input-npy "$OUT/x.npy" --print

echo "== ONNX -> MLIR -> ONNX: examples/mlp.onnxtxt"
"$BIN/torch-onnx-translate" --import-onnx "$ROOT/examples/mlp.onnxtxt" -o "$OUT/mlp.mlir"
"$BIN/torch-onnx-opt" --canonicalize "$OUT/mlp.mlir" -o "$OUT/mlp.opt.mlir"
"$BIN/torch-onnx-translate" --export-onnx "$OUT/mlp.opt.mlir" -o "$OUT/mlp.onnx"
cat "$OUT/mlp.opt.mlir"
echo "== ONNX Runtime on $OUT/mlp.onnx"
"$PY" "$ROOT/utils/run_ort.py" "$OUT/mlp.onnx"
