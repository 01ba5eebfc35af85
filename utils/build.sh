#!/bin/sh
# Configures (once) and builds torch-onnx in build/ (Release, ninja, ccache
# with its cache outside the clone) against the project venv's torch
# (utils/install-deps.sh makes it).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/utils/env.sh"
BUILD=${TORCH_ONNX_BUILD_DIR:-$ROOT/build}
# Cache outside the clone (ccache's default dir); paths relative to the clone
# so a fresh clone elsewhere still hits the cache.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$ROOT}
export CCACHE_NOHASHDIR=1
if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -G Ninja -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
    -DTORCH_ONNX_PYTHON="$PY" ${TORCH_ONNX_CMAKE_ARGS:-}
fi
ninja -C "$BUILD" -j2 "$@"
