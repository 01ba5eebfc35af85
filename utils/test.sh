#!/bin/sh
# README command 2: build and run every test: the lit suite (dialect, passes,
# translations, bad input) and the ONNX backend-suite round trip through ONNX
# Runtime.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
"$ROOT/utils/install-deps.sh"
"$ROOT/utils/build.sh"
"$ROOT/utils/build.sh" check-torch-onnx
/usr/bin/python3 "$ROOT/utils/conformance/roundtrip.py" --bin "$ROOT/build/bin"
