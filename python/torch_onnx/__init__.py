"""torch_onnx: a drop-in replacement for torch.onnx.export built on the
torch-onnx compiler (TorchScript -> MLIR torch dialect -> ONNX).

    import torch_onnx
    torch_onnx.export(model, (x,), "model.onnx", opset_version=13,
                      input_names=["x"], dynamic_axes={"x": {0: "batch"}})

The model is traced (mode="trace", the default, like torch.onnx.export) or
scripted (mode="script"; a torch.jit.ScriptModule is used as it is), saved as
a TorchScript archive and converted by the C++ exporter `torch-onnx-export`.
"""

import io
import os
import shutil
import subprocess
import tempfile
from typing import Any, Collection, Mapping, Optional, Sequence, Tuple, Type, Union

import torch
from torch.onnx import OperatorExportTypes, TrainingMode

__all__ = ["export", "ExportError", "exporter_path"]


class ExportError(RuntimeError):
    """The C++ exporter rejected the model; the message says where and why."""


_DTYPES = {
    torch.float32: "f32", torch.float64: "f64", torch.float16: "f16",
    torch.bfloat16: "bf16", torch.int64: "si64", torch.int32: "si32",
    torch.int16: "si16", torch.int8: "si8", torch.uint8: "ui8", torch.bool: "i1",
}


def exporter_path() -> str:
    """The torch-onnx-export binary: $TORCH_ONNX_EXPORT, else the build tree
    next to this package, else PATH."""
    env = os.environ.get("TORCH_ONNX_EXPORT")
    if env:
        return env
    here = os.path.dirname(os.path.abspath(__file__))
    for build in (os.environ.get("TORCH_ONNX_BUILD_DIR"),
                  os.path.join(here, "..", "..", "build")):
        if build:
            p = os.path.join(build, "bin", "torch-onnx-export")
            if os.path.exists(p):
                return os.path.abspath(p)
    found = shutil.which("torch-onnx-export")
    if not found:
        raise ExportError("torch-onnx-export not found: build the project "
                          "(utils/build.sh) or set TORCH_ONNX_EXPORT")
    return found


def _flatten_args(args) -> Tuple[Any, ...]:
    if isinstance(args, torch.Tensor):
        return (args,)
    if not isinstance(args, tuple):
        args = (args,)
    if args and isinstance(args[-1], dict):
        if args[-1]:
            raise ExportError("keyword arguments (a trailing dict in args) are "
                              "not supported yet; pass them positionally")
        args = args[:-1]
    return args


def _dynamic_dims(dynamic_axes, name: str) -> Mapping[int, str]:
    if not dynamic_axes or name not in dynamic_axes:
        return {}
    axes = dynamic_axes[name]
    if isinstance(axes, Mapping):
        return {int(k): str(v) for k, v in axes.items()}
    # A list of dims: torch.onnx names them NAME_dynamic_axes_<k>.
    return {int(d): f"{name}_dynamic_axes_{i + 1}" for i, d in enumerate(axes)}


def _forward_arg_names(script_module) -> Sequence[str]:
    schema = script_module.forward.schema
    return [a.name for a in schema.arguments[1:]]


def export(model: Union[torch.nn.Module, torch.jit.ScriptModule,
                        torch.jit.ScriptFunction],
           args: Union[Tuple[Any, ...], torch.Tensor],
           f: Union[str, io.BytesIO],
           export_params: bool = True,
           verbose: bool = False,
           training: TrainingMode = TrainingMode.EVAL,
           input_names: Optional[Sequence[str]] = None,
           output_names: Optional[Sequence[str]] = None,
           operator_export_type: OperatorExportTypes = OperatorExportTypes.ONNX,
           opset_version: Optional[int] = None,
           do_constant_folding: bool = True,
           dynamic_axes: Optional[Union[Mapping[str, Mapping[int, str]],
                                        Mapping[str, Sequence[int]]]] = None,
           keep_initializers_as_inputs: Optional[bool] = None,
           custom_opsets: Optional[Mapping[str, int]] = None,
           export_modules_as_functions: Union[
               bool, Collection[Type[torch.nn.Module]]] = False,
           mode: str = "trace") -> None:
    """Exports `model` to ONNX like torch.onnx.export (same arguments), plus
    `mode`: "trace" (record one run on `args`) or "script" (keep control
    flow as ONNX Loop/If)."""
    if mode not in ("trace", "script"):
        raise ValueError(f"mode must be 'trace' or 'script', not {mode!r}")
    if export_modules_as_functions:
        raise ExportError("export_modules_as_functions is not supported")
    if training == TrainingMode.TRAINING:
        raise ExportError("training=TrainingMode.TRAINING is not supported: "
                          "torch-onnx exports inference graphs")
    if operator_export_type == OperatorExportTypes.ONNX:
        op_type = "ONNX"
    elif operator_export_type in (OperatorExportTypes.ONNX_FALLTHROUGH,
                                  OperatorExportTypes.ONNX_ATEN_FALLBACK):
        op_type = "ONNX_FALLTHROUGH"
    else:
        raise ExportError(f"operator_export_type={operator_export_type} is "
                          "not supported; use ONNX or ONNX_FALLTHROUGH")
    opset = 17 if opset_version is None else int(opset_version)
    args = _flatten_args(args)

    was_training = getattr(model, "training", False)
    if isinstance(model, torch.nn.Module) and training == TrainingMode.EVAL:
        model.train(False)
    try:
        if isinstance(model, (torch.jit.ScriptModule, torch.jit.ScriptFunction)):
            scripted = model
        elif mode == "script":
            scripted = torch.jit.script(model)
        else:
            with torch.no_grad():
                scripted = torch.jit.trace(model, args, check_trace=False)
        if isinstance(scripted, torch.jit.ScriptFunction):
            raise ExportError("export a module (torch.nn.Module) rather than "
                              "a scripted function")
        names = _forward_arg_names(scripted)
        if input_names:
            names = list(input_names) + names[len(input_names):]

        # Shapes, dtypes and dynamic axes of the tensor inputs.
        specs = []
        for i, a in enumerate(args):
            name = names[i] if i < len(names) else f"input_{i}"
            if isinstance(a, torch.Tensor):
                dims = _dynamic_dims(dynamic_axes, name)
                sizes = [dims.get(d, str(s)) for d, s in enumerate(a.shape)]
                dt = _DTYPES.get(a.dtype)
                if dt is None:
                    raise ExportError(f"input {name!r} has dtype {a.dtype}, "
                                      "which ONNX export does not support")
                specs.append(f"[{','.join(sizes)}]:{dt}")
            elif isinstance(a, (bool, int, float)):
                if mode == "trace" and not isinstance(
                        model, torch.jit.ScriptModule):
                    continue  # a traced graph bakes Python numbers in
            else:
                raise ExportError(f"argument {i} has type {type(a).__name__}; "
                                  "tensors, ints, floats and bools are "
                                  "supported")

        with tempfile.TemporaryDirectory(prefix="torch_onnx_") as tmp:
            archive = os.path.join(tmp, "model.pt")
            scripted.save(archive)
            out = f if isinstance(f, (str, os.PathLike)) else os.path.join(
                tmp, "model.onnx")
            cmd = [exporter_path(), archive, "-o", os.fspath(out),
                   f"--opset={opset}",
                   f"--operator-export-type={op_type}"]
            if specs:
                cmd.append("--input-shapes=" + ";".join(specs))
            if input_names:
                cmd.append("--input-names=" + ",".join(input_names))
            if output_names:
                cmd.append("--output-names=" + ",".join(output_names))
            if not export_params:
                cmd.append("--export-params=false")
            if keep_initializers_as_inputs:
                cmd.append("--keep-initializers-as-inputs")
            if not do_constant_folding:
                cmd.append("--constant-folding=false")
            if verbose:
                cmd.append("--verbose")
            out_names = set(output_names or [])
            for name, axes in (dynamic_axes or {}).items():
                if name in out_names:
                    for d, label in _dynamic_dims(dynamic_axes, name).items():
                        cmd.append(f"--dynamic-axes={name}:{d}={label}")
            proc = subprocess.run(cmd, capture_output=True, text=True)
            if verbose and proc.stdout:
                print(proc.stdout, end="")
            if proc.returncode != 0:
                msg = proc.stderr.strip() or f"exit code {proc.returncode}"
                raise ExportError(msg.replace(archive, "<model>"))
            if proc.stderr.strip():
                import warnings
                warnings.warn(proc.stderr.strip())
            if not isinstance(f, (str, os.PathLike)):
                with open(out, "rb") as fh:
                    f.write(fh.read())
    finally:
        if isinstance(model, torch.nn.Module):
            model.train(was_training)
