#!/bin/sh
# README command 1: install what is missing, build, and run the main job on the
# bundled examples: examples/mlp.onnxtxt is imported to MLIR, canonicalized,
# exported to ONNX (checked by ONNX's checker) and run in ONNX Runtime;
# examples/small_cnn.py is scripted, saved, imported from TorchScript and made
# value-semantic.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
"$ROOT/utils/install-deps.sh"
"$ROOT/utils/build.sh"
BIN="$ROOT/build/bin"
OUT="$ROOT/build/examples"
mkdir -p "$OUT"
"$BIN/torch-onnx-translate" --import-onnx "$ROOT/examples/mlp.onnxtxt" -o "$OUT/mlp.mlir"
"$BIN/torch-onnx-opt" --canonicalize "$OUT/mlp.mlir" -o "$OUT/mlp.opt.mlir"
"$BIN/torch-onnx-translate" --export-onnx "$OUT/mlp.opt.mlir" -o "$OUT/mlp.onnx"
echo "== $OUT/mlp.opt.mlir"
cat "$OUT/mlp.opt.mlir"
echo "== ONNX Runtime on $OUT/mlp.onnx"
node "$ROOT/utils/run_ort.js" "$OUT/mlp.onnx"

echo "== TorchScript: examples/small_cnn.py -> $OUT/small_cnn.mlir"
/usr/bin/python3 "$ROOT/examples/small_cnn.py" "$OUT/small_cnn.pt"
"$BIN/torch-onnx-translate" --import-torchscript "$OUT/small_cnn.pt" \
  --input-shapes='[batch,3,32,32]:f32' -o "$OUT/small_cnn.torch.mlir"
"$BIN/torch-onnx-opt" --torch-value-semantics --canonicalize \
  "$OUT/small_cnn.torch.mlir" -o "$OUT/small_cnn.mlir"
grep -v "^ *0x\|dialect_resources\|builtin:\|torch_tensor_[0-9]*:" "$OUT/small_cnn.mlir" | head -40
