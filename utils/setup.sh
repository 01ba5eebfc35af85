#!/bin/sh
# README command 1: install what is missing, build, and run the main job on the
# bundled example (examples/mlp.onnxtxt): import to MLIR, canonicalize, export
# to ONNX (checked by ONNX's checker), and run it in ONNX Runtime.
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
