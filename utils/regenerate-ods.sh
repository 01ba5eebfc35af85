#!/bin/sh
# Regenerates the committed ODS (and the ONNX op table) from the pinned
# schemas: the torch dialect's aten ops from the venv's PyTorch
# (utils/gen_torch_ops.py), the onnx dialect's ops from Debian's ONNX
# (utils/gen_onnx_ops.py). The next build recompiles what uses them (the
# shards of the op definitions and the files that include
# GeneratedTorchOps.h). test/Utils/generated-ops-drift.test fails while the
# committed files differ from what this writes.
#   utils/regenerate-ods.sh [--check]   (--check: compare only, exit 1 on drift)
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/utils/env.sh"
exec "$PY" "$ROOT/utils/check_generated.py" --python-torch "$PY" \
  --python-onnx /usr/bin/python3 "$@"
