#!/bin/sh
# README command 2: build and run every test: the lit suite (dialect, passes,
# translations, drivers, bad input), bounded fuzzing of the input parsers
# (TORCH_ONNX_FUZZ_EXECS seeded runs per target, default 80), the end-to-end export suite (PyTorch
# models exported at opsets 9/11/13/17 with the TorchScript frontend and at
# 11/13/17 with torch.export, run in ONNX Runtime against PyTorch), the ONNX backend-suite round trip through ONNX Runtime and the
# native conformance run (every backend-suite model through torch-onnx-run
# against its reference outputs; fails on a change to the expected-failure
# list utils/conformance/native-xfail.txt), then every model that passes on
# the CPU lowered for CUDA (sm_90 PTX, no GPU needed; against
# utils/conformance/cuda-compile-xfail.txt). Python runs in the project venv.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
"$ROOT/utils/install-deps.sh"
. "$ROOT/utils/env.sh"
"$ROOT/utils/build.sh"
"$ROOT/utils/build.sh" check-torch-onnx
# Bounded fuzzing of the input parsers (ONNX import, TorchScript import, the
# runner's input files): a fixed, seeded set of runs per target, so the same
# inputs run everywhere; fails on a crash, a hang or a left-over output.
# Longer campaigns: utils/fuzz/fuzz.py --seconds N (docs/Hardening.md).
"$PY" "$ROOT/utils/fuzz/fuzz.py" --bin "$ROOT/build/bin" \
  --execs "${TORCH_ONNX_FUZZ_EXECS:-80}" --seconds 300 --seed 1
TORCH_ONNX_EXPORT="$ROOT/build/bin/torch-onnx-export" \
  "$PY" "$ROOT/test/e2e/run_e2e.py" --opsets 9,11,13,17
# The same models through torch.export (dynamo=True), plus the torch.cond /
# while_loop / symbolic-size cases. TORCH_ONNX_FULL=1 adds the
# torch.onnx.export(dynamo=True) reference column (slow).
TORCH_ONNX_EXPORT="$ROOT/build/bin/torch-onnx-export" \
  "$PY" "$ROOT/test/e2e/run_e2e.py" --opsets 11,13,17 --frontend dynamo \
  ${TORCH_ONNX_FULL:+--torch-onnx}
"$PY" "$ROOT/utils/conformance/roundtrip.py" --bin "$ROOT/build/bin"
"$PY" "$ROOT/utils/conformance/native.py" \
  --runner "$ROOT/build/bin/torch-onnx-run"
"$PY" "$ROOT/utils/conformance/native.py" --cuda-compile \
  --runner "$ROOT/build/bin/torch-onnx-run"
