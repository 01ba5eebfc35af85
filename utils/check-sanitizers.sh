#!/bin/sh
# Builds torch-onnx with ASan+UBSan in build-asan/ and runs the lit suite
# there (bad-input corpus included). Slow on a cold cache; not part of CI.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export TORCH_ONNX_BUILD_DIR="$ROOT/build-asan"
export TORCH_ONNX_CMAKE_ARGS="-DTORCH_ONNX_ENABLE_SANITIZERS=ON"
# libMLIR/libLLVM are not instrumented: leaks in them and ODR noise are not
# ours, and their BumpPtrAllocator arenas are shared with our instrumented
# inline allocator code, whose manual poisoning they do not undo
# (allow_user_poisoning=0 turns that manual poisoning off).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:detect_odr_violation=0:allow_user_poisoning=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
"$ROOT/utils/build.sh"
"$ROOT/utils/build.sh" check-torch-onnx
