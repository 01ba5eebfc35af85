# Sourced by the utils/ scripts: where the project's virtual environment lives.
# It sits outside the clone (shared by every clone on the machine, so a fresh
# CI clone reuses it) unless TORCH_ONNX_VENV names another place.
TORCH_ONNX_VENV=${TORCH_ONNX_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/torch-onnx/venv}
PY="$TORCH_ONNX_VENV/bin/python"
export TORCH_ONNX_VENV
