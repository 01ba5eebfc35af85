#!/bin/sh
# Installs what torch-onnx needs on Debian 12 (idempotent; fast when present):
# Debian packages, and ONNX Runtime (npm onnxruntime-node) under third_party/ort.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo

PKGS="cmake ninja-build ccache g++ git
  llvm-22-dev libmlir-22-dev mlir-22-tools libomp-22-dev
  libonnx-dev libprotobuf-dev protobuf-compiler libonnx-testdata python3-onnx
  libtorch-dev python3-torch python3-torchvision"
MISSING=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    MISSING="$MISSING $p"
done
# Node.js and npm run ONNX Runtime; any install on PATH will do (Debian's
# nodejs/npm packages otherwise).
command -v node >/dev/null 2>&1 || MISSING="$MISSING nodejs"
command -v npm >/dev/null 2>&1 || MISSING="$MISSING npm"
if [ -n "$MISSING" ]; then
  echo "installing:$MISSING"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $MISSING
fi

ORT="$ROOT/third_party/ort"
if [ ! -f "$ORT/node_modules/onnxruntime-node/package.json" ]; then
  echo "installing onnxruntime-node@1.30.0 into $ORT"
  (cd "$ORT" && ONNXRUNTIME_NODE_INSTALL=skip npm install --no-audit --no-fund --loglevel=error)
fi
