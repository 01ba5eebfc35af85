#!/bin/sh
# Installs what torch-onnx needs on Debian 12 (idempotent; fast when present):
#  - Debian packages: the toolchain, LLVM/MLIR 22, libonnx 1.12 + protobuf
#    (the C++ ONNX side), python3-onnx 1.12 (the schemas the onnx dialect is
#    generated from), the ONNX backend test data, libomp;
#  - a project virtual environment (utils/env.sh says where; outside the
#    clone) holding the pins of utils/requirements.txt: torch + torchvision
#    (the TorchScript importer builds against this torch's libtorch), onnx,
#    onnxruntime, numpy, lit. Reinstalled only when the pins change; pip's
#    cache stays in its default place outside the clone.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/utils/env.sh"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo

PKGS="cmake ninja-build ccache g++ git python3 python3-venv python3-pip
  llvm-22-dev libmlir-22-dev mlir-22-tools libomp-22-dev lld-22
  libonnx-dev libprotobuf-dev protobuf-compiler libonnx-testdata python3-onnx"
MISSING=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    MISSING="$MISSING $p"
done
if [ -n "$MISSING" ]; then
  echo "installing:$MISSING"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $MISSING
fi

# The venv is built from the python3 on PATH (Debian's, or any 3.11+).
REQ="$ROOT/utils/requirements.txt"
STAMP="$TORCH_ONNX_VENV/.torch-onnx-requirements"
if [ ! -x "$PY" ] || ! cmp -s "$REQ" "$STAMP"; then
  echo "setting up the virtual environment $TORCH_ONNX_VENV (pins: utils/requirements.txt)"
  [ -x "$PY" ] || python3 -m venv "$TORCH_ONNX_VENV"
  "$PY" -m pip install -q --disable-pip-version-check -r "$REQ"
  cp "$REQ" "$STAMP"
fi
