"""torch_onnx: a drop-in replacement for torch.onnx.export built on the
torch-onnx compiler (torch.export or TorchScript -> MLIR torch dialect ->
ONNX).

    import torch_onnx
    torch_onnx.export(model, (x,), "model.onnx", dynamo=False,
                      opset_version=13, input_names=["x"],
                      dynamic_axes={"x": {0: "batch"}})

`export` has the signature of the installed torch's torch.onnx.export, plus
`mode`. With dynamo=False the model is traced (mode="trace", what
torch.onnx.export does then) or scripted (mode="script"; a
torch.jit.ScriptModule is used as it is), saved as a TorchScript archive and
converted by the C++ exporter `torch-onnx-export`. With dynamo=True
(torch.onnx.export's default) the model is captured with torch.export, saved
as a .pt2 and converted by the same exporter (docs/TorchExportFrontend.md).
"""

import contextlib
import functools
import inspect
import io
import os
import shutil
import subprocess
import tempfile
import time
import warnings
from typing import (Any, Callable, Collection, Dict, List, Mapping, Optional,
                    Sequence, Tuple, Type, Union)

import torch
from torch.onnx import OperatorExportTypes, TrainingMode

__all__ = ["export", "ExportError", "exporter_path"]

# The default target opset: the newest the toolkit supports
# (include/torch-onnx/Dialect/ONNX/IR/Opset.h, kDefaultOpset).
DEFAULT_OPSET = 17


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


def _positional_args(model, args, kwargs) -> Tuple[Any, ...]:
    """args plus keyword arguments (`kwargs=`, or a trailing dict in `args` as
    torch.onnx.export takes it) as forward()'s positional arguments."""
    if isinstance(args, torch.Tensor):
        args = (args,)
    elif not isinstance(args, tuple):
        args = tuple(args) if isinstance(args, list) else (args,)
    kw = dict(kwargs or {})
    if args and isinstance(args[-1], dict):
        kw = {**args[-1], **kw}
        args = args[:-1]
    if not kw:
        return args
    forward = getattr(model, "forward", model)
    try:
        sig = inspect.signature(forward)
    except (TypeError, ValueError):
        names = [a.name for a in forward.schema.arguments[1:]]
        sig = inspect.Signature([inspect.Parameter(
            n, inspect.Parameter.POSITIONAL_OR_KEYWORD) for n in names])
    try:
        bound = sig.bind(*args, **kw)
    except TypeError as e:
        raise ExportError(f"the arguments do not fit forward{sig}: {e}") from None
    bound.apply_defaults()
    out = []
    for name, p in sig.parameters.items():
        if p.kind == inspect.Parameter.VAR_POSITIONAL:
            out.extend(bound.arguments.get(name, ()))
        elif p.kind in (inspect.Parameter.KEYWORD_ONLY,
                        inspect.Parameter.VAR_KEYWORD):
            if bound.arguments.get(name):
                raise ExportError(
                    f"forward() argument {name!r} is keyword-only, which a "
                    "TorchScript graph cannot take; make it positional")
        else:
            out.append(bound.arguments[name])
    return tuple(out)


def _axes_from_dynamic_shapes(dynamic_shapes, names) -> Mapping[str, Any]:
    """dynamic_shapes (torch.export's: by argument name or position; a dim is
    a torch.export.Dim, Dim.AUTO/DYNAMIC, or a name) as dynamic_axes."""
    if isinstance(dynamic_shapes, Mapping):
        items = list(dynamic_shapes.items())
    else:
        items = [(names[i] if i < len(names) else f"input_{i}", spec)
                 for i, spec in enumerate(dynamic_shapes)]
    axes = {}
    for name, spec in items:
        if spec is None:
            continue
        dims = spec.items() if isinstance(spec, Mapping) else enumerate(spec)
        marked = {}
        for d, dim in dims:
            if dim is None:
                continue
            label = dim if isinstance(dim, str) else getattr(dim, "__name__", None)
            if not label or label in ("AUTO", "DYNAMIC", "STATIC"):
                if label == "STATIC":
                    continue
                label = f"{name}_dynamic_axes_{len(marked) + 1}"
            marked[int(d)] = label
        if marked:
            axes[name] = marked
    return axes


def _dynamic_dims(dynamic_axes, name: str) -> Mapping[int, str]:
    if not dynamic_axes or name not in dynamic_axes:
        return {}
    axes = dynamic_axes[name]
    if isinstance(axes, Mapping):
        return {int(k): str(v) for k, v in axes.items()}
    # A list of dims: torch.onnx names them NAME_dynamic_axes_<k>.
    return {int(d): f"{name}_dynamic_axes_{i + 1}" for i, d in enumerate(axes)}


def _flat_outputs(out):
    """The outputs as torch.onnx lays them out: nested tuples, lists and
    dicts (values in order) flattened, None dropped, numbers as tensors."""
    from torch.utils import _pytree as pytree
    leaves = [v for v in pytree.tree_flatten(out)[0] if v is not None]
    leaves = [v if isinstance(v, torch.Tensor) else torch.tensor(v)
              for v in leaves]
    return leaves[0] if len(leaves) == 1 else tuple(leaves)


class _Flatten(torch.nn.Module):
    """Calls `model` with its nested arguments (tuples, lists, dicts of
    tensors; numbers, strings and None fixed) rebuilt from flat tensors, and
    flattens what it returns, so that a trace sees only tensors in and out,
    as torch.onnx.export's tracer does. The model's parameters, buffers and
    submodules are shared, not nested: the trace names them as the model
    does ("fc.weight")."""

    def __init__(self, model, leaves, spec, tensor_positions):
        super().__init__()
        if isinstance(model, torch.nn.Module):
            self._parameters = model._parameters
            self._buffers = model._buffers
            self._modules = model._modules
        object.__setattr__(self, "_wrapped", model)
        self.leaves = list(leaves)
        self.spec = spec
        self.positions = list(tensor_positions)

    def forward(self, *tensors):
        from torch.utils import _pytree as pytree
        full = list(self.leaves)
        for i, t in zip(self.positions, tensors):
            full[i] = t
        args = pytree.tree_unflatten(full, self.spec)
        return _flat_outputs(self._wrapped(*args))


def _python_arg_names(model, count) -> List[str]:
    """forward()'s positional parameter names (for *args: NAME_0, ...)."""
    try:
        params = inspect.signature(getattr(model, "forward", model)).parameters
    except (TypeError, ValueError):
        return [f"input_{i}" for i in range(count)]
    names = []
    for p in params.values():
        if p.kind in (inspect.Parameter.POSITIONAL_ONLY,
                      inspect.Parameter.POSITIONAL_OR_KEYWORD):
            names.append(p.name)
        elif p.kind == inspect.Parameter.VAR_POSITIONAL:
            names += [f"{p.name}_{k}" for k in range(count - len(names))]
    return names + [f"input_{i}" for i in range(len(names), count)]


def _forward_arg_names(script_module) -> Sequence[str]:
    schema = script_module.forward.schema
    return [a.name for a in schema.arguments[1:]]


def export(model: Union[torch.nn.Module, torch.export.ExportedProgram,
                        torch.jit.ScriptModule, torch.jit.ScriptFunction],
           args: Tuple[Any, ...] = (),
           f: Optional[Union[str, os.PathLike, io.BytesIO]] = None,
           *,
           kwargs: Optional[Dict[str, Any]] = None,
           verbose: Optional[bool] = None,
           input_names: Optional[Sequence[str]] = None,
           output_names: Optional[Sequence[str]] = None,
           opset_version: Optional[int] = None,
           dynamo: bool = True,
           external_data: bool = True,
           dynamic_shapes: Optional[Union[Dict[str, Any], Tuple[Any, ...],
                                          List[Any]]] = None,
           custom_translation_table: Optional[Dict[Callable, Callable]] = None,
           report: bool = False,
           optimize: bool = True,
           verify: bool = False,
           profile: bool = False,
           dump_exported_program: bool = False,
           artifacts_dir: Union[str, os.PathLike] = ".",
           export_params: bool = True,
           keep_initializers_as_inputs: bool = False,
           dynamic_axes: Optional[Union[Mapping[str, Mapping[int, str]],
                                        Mapping[str, Sequence[int]]]] = None,
           training: TrainingMode = TrainingMode.EVAL,
           operator_export_type: OperatorExportTypes = OperatorExportTypes.ONNX,
           do_constant_folding: bool = True,
           custom_opsets: Optional[Mapping[str, int]] = None,
           export_modules_as_functions: Union[
               bool, Collection[Type[torch.nn.Module]]] = False,
           autograd_inlining: bool = True,
           mode: Optional[str] = None) -> None:
    """Exports `model` to ONNX like torch.onnx.export (the same parameters,
    defaults and keyword-only rule as the installed torch's), plus `mode`.

    `dynamo=True` (the default, as in torch.onnx.export) or mode="dynamo"
    captures the model with torch.export (dynamic_shapes, or dynamic_axes
    translated to it) and imports the .pt2 in C++ (docs/
    TorchExportFrontend.md); an ExportedProgram is taken as is. The
    TorchScript frontend runs with `dynamo=False` or an explicit `mode`:
    "trace" (record one run on `args`; what dynamo=False does) or "script"
    (keep data-dependent control flow as ONNX Loop/If).

    Keyword arguments of forward() come as `kwargs=` or a trailing dict in
    `args`. `dynamic_shapes` (torch.export's form) is taken as dynamic_axes
    when dynamic_axes is not given. `verify=True` runs the ONNX model in ONNX
    Runtime on `args` and raises ExportError when it disagrees with PyTorch
    (rtol 1e-3, atol 1e-5); `report=True` writes a markdown report to
    `artifacts_dir`; `profile=True` adds the time of each stage to it (and
    prints it). `external_data`, `optimize` and `autograd_inlining` are
    accepted as torch's TorchScript path takes them: weights go to an
    external file past 2 GiB, constant folding follows do_constant_folding,
    functions are always inlined. Returns None (torch.onnx.export returns
    an ONNXProgram with dynamo=True).
    """
    if mode is None:
        mode = "dynamo" if dynamo else "trace"
    if isinstance(model, torch.export.ExportedProgram):
        mode = "dynamo"
    if mode not in ("trace", "script", "dynamo"):
        raise ValueError(f"mode must be 'trace', 'script' or 'dynamo', "
                         f"not {mode!r}")
    if f is None:
        raise ExportError("f (the output path or a BytesIO) is required: "
                          "torch_onnx.export writes the model and returns "
                          "None")
    if mode != "dynamo" and custom_translation_table:
        raise ExportError("custom_translation_table applies to the torch.export "
                          "frontend only; add a lowering to torch-onnx instead "
                          "(docs/AddingALowering.md)")
    stages = _Stages(profile)
    common = dict(
        kwargs=kwargs, verbose=bool(verbose), input_names=input_names,
        output_names=output_names, opset_version=opset_version,
        dynamic_shapes=dynamic_shapes, dynamic_axes=dynamic_axes,
        verify=verify, export_params=export_params,
        keep_initializers_as_inputs=keep_initializers_as_inputs,
        do_constant_folding=do_constant_folding, stages=stages,
        artifacts_dir=artifacts_dir if dump_exported_program else None)
    status, error = "success", None
    try:
        if mode == "dynamo":
            _export_dynamo(model, args, f,
                           custom_translation_table=custom_translation_table,
                           **common)
        else:
            _export_torchscript(
                model, args, f, training=training,
                operator_export_type=operator_export_type,
                export_modules_as_functions=export_modules_as_functions,
                mode=mode, **common)
    except Exception as e:
        status, error = "failure", e
        raise
    finally:
        if profile:
            print(stages.table())
        if report:
            _write_report(artifacts_dir, model, mode, opset_version, status,
                          error, stages, f)


class _Stages:
    """Wall time of each export stage (for profile=True and the report)."""

    def __init__(self, enabled):
        self.times = []
        self.verification = None

    def run(self, name, fn, *a, **kw):
        t0 = time.perf_counter()
        try:
            return fn(*a, **kw)
        finally:
            self.times.append((name, time.perf_counter() - t0))

    def table(self):
        rows = ["| stage | seconds |", "|---|---|"]
        rows += [f"| {n} | {t:.3f} |" for n, t in self.times]
        return "\n".join(rows)


def _write_report(artifacts_dir, model, mode, opset, status, error, stages, f):
    os.makedirs(artifacts_dir, exist_ok=True)
    name = type(model).__name__
    stamp = time.strftime("%Y%m%d_%H%M%S")
    path = os.path.join(artifacts_dir,
                        f"torch_onnx_export_report_{name}_{stamp}.md")
    lines = [f"# torch-onnx export report: {name}", "",
             f"- status: {status}",
             f"- frontend: " + ("torch.export" if mode == "dynamo"
                                else f"TorchScript ({mode})"),
             f"- opset: {DEFAULT_OPSET if opset is None else opset}",
             f"- torch: {torch.__version__}",
             f"- output: {f if isinstance(f, (str, os.PathLike)) else type(f).__name__}",
             ""]
    if error is not None:
        lines += ["## Error", "", "```", str(error), "```", ""]
    if stages.verification:
        lines += ["## Verification (ONNX Runtime vs PyTorch)", "",
                  "| output | max abs diff | max rel diff |", "|---|---|---|"]
        lines += [f"| {n} | {a:.3g} | {r:.3g} |"
                  for n, a, r in stages.verification]
        lines.append("")
    lines += ["## Stages", "", stages.table(), ""]
    with open(path, "w") as fh:
        fh.write("\n".join(lines))


def _verify(path_or_bytes, model, args, graph_args, kwargs=None):
    """Runs the ONNX model in ONNX Runtime on `graph_args` and compares with
    what `model(*args)` returns in PyTorch; raises ExportError on a
    mismatch."""
    try:
        import numpy as np
        import onnxruntime as ort
    except ImportError as e:
        raise ExportError(f"verify=True needs onnxruntime and numpy: {e}") from None
    sess = ort.InferenceSession(path_or_bytes,
                                providers=["CPUExecutionProvider"])
    feeds = {}
    graph_inputs = [i.name for i in sess.get_inputs()]
    if len(graph_inputs) != len(graph_args):
        raise ExportError(f"verify: the ONNX model has {len(graph_inputs)} "
                          f"inputs for {len(graph_args)} arguments")
    for name, a in zip(graph_inputs, graph_args):
        feeds[name] = (a.detach().cpu().numpy() if isinstance(a, torch.Tensor)
                       else np.array(a))
    got = sess.run(None, feeds)
    with torch.no_grad():
        ref = _flat_outputs(model(*args, **(kwargs or {})))
    # The outputs laid out as the export lays them out.
    refs = [v.detach().cpu().numpy()
            for v in (ref if isinstance(ref, tuple) else (ref,))]
    if len(refs) != len(got):
        raise ExportError(f"verify: the ONNX model has {len(got)} outputs, "
                          f"PyTorch returned {len(refs)}")
    out_names = [o.name for o in sess.get_outputs()]
    rows = []
    for name, g, r in zip(out_names, got, refs):
        g = np.asarray(g)
        if g.shape != r.shape:
            raise ExportError(f"verify: output {name!r} has shape "
                              f"{list(g.shape)} in ONNX Runtime, "
                              f"{list(r.shape)} in PyTorch")
        gf, rf = g.astype(np.float64), r.astype(np.float64)
        diff = np.abs(gf - rf)
        a = float(diff.max()) if diff.size else 0.0
        rel = float((diff / np.maximum(np.abs(rf), 1e-12)).max()) if diff.size else 0.0
        rows.append((name, a, rel))
        if not np.allclose(gf, rf, rtol=1e-3, atol=1e-5, equal_nan=True):
            raise ExportError(f"verify: output {name!r} differs between ONNX "
                              f"Runtime and PyTorch (max abs diff {a:.3g})")
    return rows


def _export_torchscript(model, args, f, *, kwargs, verbose, input_names,
                        output_names, opset_version, dynamic_shapes, verify,
                        export_params, keep_initializers_as_inputs,
                        dynamic_axes, training, operator_export_type,
                        do_constant_folding, export_modules_as_functions, mode,
                        stages, artifacts_dir):
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
    opset = DEFAULT_OPSET if opset_version is None else int(opset_version)
    args = _positional_args(model, args, kwargs)

    was_training = getattr(model, "training", False)
    if isinstance(model, torch.nn.Module) and training == TrainingMode.EVAL:
        model.train(False)
    try:
        if isinstance(model, (torch.jit.ScriptModule, torch.jit.ScriptFunction)):
            scripted = model
        elif mode == "script":
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", category=DeprecationWarning)
                warnings.simplefilter("ignore", category=FutureWarning)
                scripted = stages.run("script", torch.jit.script, model)
        if mode == "script" or isinstance(
                model, (torch.jit.ScriptModule, torch.jit.ScriptFunction)):
            if isinstance(scripted, torch.jit.ScriptFunction):
                raise ExportError("export a module (torch.nn.Module) rather "
                                  "than a scripted function")
            # Every argument is a graph input (numbers as 0-d tensors).
            arg_names = list(_forward_arg_names(scripted))
            graph_args = list(range(len(args)))
        else:
            # A trace bakes in what is not a tensor (numbers, None, strings),
            # as torch.onnx.export's tracer does; the tensors, also those
            # nested in tuples, lists and dicts, are the inputs (flattened in
            # order), named after forward()'s parameters (NAME_K for the
            # K-th tensor inside one). Outputs are flattened the same way.
            from torch.utils import _pytree as pytree
            arg_names = _python_arg_names(model, len(args))
            leaves, spec = pytree.tree_flatten(tuple(args))
            leaf_names = []
            for i, a in enumerate(args):
                n = len(pytree.tree_flatten(a)[0])
                base = arg_names[i] if i < len(arg_names) else f"input_{i}"
                leaf_names += ([base] if isinstance(a, torch.Tensor) else
                               [f"{base}_{k}" for k in range(n)])
            positions = [k for k, v in enumerate(leaves)
                         if isinstance(v, torch.Tensor)]
            graph_inputs = [leaves[k] for k in positions]
            traced = _Flatten(model, leaves, spec, positions)
            with torch.no_grad(), warnings.catch_warnings():
                warnings.simplefilter("ignore", category=DeprecationWarning)
                warnings.simplefilter("ignore", category=FutureWarning)
                scripted = stages.run(
                    "trace", torch.jit.trace, traced, tuple(graph_inputs),
                    check_trace=False)
            arg_names = [leaf_names[k] for k in positions]
            graph_args = list(range(len(graph_inputs)))
            args_for_inputs = graph_inputs
        if mode == "script" or isinstance(
                model, (torch.jit.ScriptModule, torch.jit.ScriptFunction)):
            args_for_inputs = args
        names = [arg_names[i] if i < len(arg_names) else f"input_{i}"
                 for i in graph_args]
        py_names = list(names)
        if input_names:
            names = list(input_names) + names[len(input_names):]
        if dynamic_shapes is not None and not dynamic_axes:
            # By forward()'s argument name or position; the graph input may be
            # renamed by input_names.
            by_name = _axes_from_dynamic_shapes(dynamic_shapes, arg_names)
            dynamic_axes = {names[py_names.index(k)] if k in py_names else k: v
                            for k, v in by_name.items()}
        if artifacts_dir is not None:
            os.makedirs(artifacts_dir, exist_ok=True)
            with open(os.path.join(artifacts_dir, f"{type(model).__name__}"
                                   ".torchscript.txt"), "w") as fh:
                fh.write(str(scripted.inlined_graph))

        # Shapes, dtypes and dynamic axes of the tensor inputs.
        specs = []
        for name, i in zip(names, graph_args):
            a = args_for_inputs[i]
            if isinstance(a, torch.Tensor):
                dims = _dynamic_dims(dynamic_axes, name)
                sizes = [dims.get(d, str(s)) for d, s in enumerate(a.shape)]
                dt = _DTYPES.get(a.dtype)
                if dt is None:
                    raise ExportError(f"input {name!r} has dtype {a.dtype}, "
                                      "which ONNX export does not support")
                specs.append(f"[{','.join(sizes)}]:{dt}")
            elif not isinstance(a, (bool, int, float)):
                raise ExportError(f"argument {i} ({name!r}) has type "
                                  f"{type(a).__name__}; a scripted forward() "
                                  "takes tensors, ints, floats and bools")

        with tempfile.TemporaryDirectory(prefix="torch_onnx_") as tmp:
            archive = os.path.join(tmp, "model.pt")
            stages.run("save archive", scripted.save, archive)
            out = f if isinstance(f, (str, os.PathLike)) else os.path.join(
                tmp, "model.onnx")
            out_names = set(output_names or [])
            output_axes = {name: _dynamic_dims(dynamic_axes, name)
                           for name in (dynamic_axes or {})
                           if name in out_names}
            _run_exporter(
                archive, out, opset=opset, op_type=op_type,
                extra=(["--input-shapes=" + ";".join(specs)] if specs else []),
                input_names=names, output_names=output_names,
                export_params=export_params,
                keep_initializers_as_inputs=keep_initializers_as_inputs,
                do_constant_folding=do_constant_folding, verbose=verbose,
                output_axes=output_axes, stages=stages)
            if verify:
                stages.verification = stages.run(
                    "verify", _verify, os.fspath(out), model,
                    args, [args_for_inputs[i] for i in graph_args])
            if not isinstance(f, (str, os.PathLike)):
                with open(out, "rb") as fh:
                    f.write(fh.read())
    finally:
        if isinstance(model, torch.nn.Module):
            model.train(was_training)


def _run_exporter(archive, out, *, opset, op_type, extra, input_names,
                  output_names, export_params, keep_initializers_as_inputs,
                  do_constant_folding, verbose, output_axes, stages):
    """Runs torch-onnx-export on `archive` (TorchScript or .pt2), writing
    `out`; raises ExportError with the exporter's message when it fails."""
    cmd = [exporter_path(), archive, "-o", os.fspath(out), f"--opset={opset}",
           f"--operator-export-type={op_type}"] + list(extra)
    # Custom operator libraries this process loaded (torchvision's nms,
    # roi_align, ...): the exporter loads them to read the model.
    for lib in sorted(getattr(torch.ops, "loaded_libraries", ())):
        cmd.append(f"--load-library={lib}")
    # Scripted code types Python floats, float factories and true division
    # of integers by the default dtype.
    default = {torch.float64: "f64", torch.float16: "f16",
               torch.bfloat16: "bf16"}.get(torch.get_default_dtype())
    if default:
        cmd.append(f"--default-dtype={default}")
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
    for name, dims in (output_axes or {}).items():
        for d, label in dims.items():
            cmd.append(f"--dynamic-axes={name}:{d}={label}")
    proc = stages.run("torch-onnx-export", subprocess.run, cmd,
                      capture_output=True, text=True)
    if verbose and proc.stdout:
        print(proc.stdout, end="")
    if proc.returncode != 0:
        msg = proc.stderr.strip() or f"exit code {proc.returncode}"
        raise ExportError(msg.replace(archive, "<model>"))
    if proc.stderr.strip():
        warnings.warn(proc.stderr.strip())


def _dynamic_shapes_from_axes(model, args, kwargs, dynamic_axes, input_names):
    """dynamic_axes (by graph input name) as torch.export's dynamic_shapes
    (by forward() argument name, nested as the arguments are), as
    torch.onnx.export(dynamo=True) does: each marked dim is Dim.DYNAMIC; the
    labels name the dims afterwards. Graph inputs are the tensors among the
    arguments, flattened in order: NAME for a tensor argument, NAME_K for the
    K-th tensor inside one, unless input_names renames them."""
    from torch.utils import _pytree as pytree
    names = _python_arg_names(model, len(args))[:len(args)] + list(kwargs or {})
    values = list(args) + list((kwargs or {}).values())
    given = list(input_names or [])
    shapes, k = {}, 0
    for name, value in zip(names, values):
        leaves, spec = pytree.tree_flatten(value)
        out, t = [], 0
        for leaf in leaves:
            if not isinstance(leaf, torch.Tensor):
                out.append(None)
                continue
            own = name if isinstance(value, torch.Tensor) else f"{name}_{t}"
            graph_name = given[k] if k < len(given) else own
            dims = (_dynamic_dims(dynamic_axes, graph_name)
                    or _dynamic_dims(dynamic_axes, own))
            out.append({d: torch.export.Dim.DYNAMIC for d in dims}
                       if dims else None)
            k, t = k + 1, t + 1
        shapes[name] = pytree.tree_unflatten(out, spec)
    return shapes


def _user_input_leaves(ep):
    """The user-input placeholders of `ep`, in order."""
    from torch.export.graph_signature import InputKind, TensorArgument
    names = [s.arg.name for s in ep.graph_signature.input_specs
             if s.kind == InputKind.USER_INPUT
             and isinstance(s.arg, TensorArgument)]
    nodes = {n.name: n for n in ep.graph.nodes if n.op == "placeholder"}
    return [nodes[n] for n in names if n in nodes]


def _symbol_names(ep, labels_per_input):
    """torch.export's size symbols (s77) -> the user's names for them: the
    Dim names of dynamic_shapes or the labels of dynamic_axes, by the
    position of the user input and dim they first appear at."""
    out = {}
    for node, labels in zip(_user_input_leaves(ep), labels_per_input):
        val = node.meta.get("val")
        if not isinstance(val, torch.Tensor) or not labels:
            continue
        for d, size in enumerate(val.shape):
            label = labels.get(d)
            if label and isinstance(size, torch.SymInt):
                sym = str(size.node.expr)
                if sym.isidentifier() and sym not in out:
                    out[sym] = label
    return out


def _export_dynamo(model, args, f, *, kwargs, verbose, input_names,
                   output_names, opset_version, dynamic_shapes, dynamic_axes,
                   verify, export_params, keep_initializers_as_inputs,
                   do_constant_folding, custom_translation_table, stages,
                   artifacts_dir):
    """torch.export.export (unless given an ExportedProgram), .pt2, and the
    C++ exporter; the program is imported at the level torch.export gives
    (composite ops such as linear, layer_norm, gelu and
    scaled_dot_product_attention kept whole)."""
    if custom_translation_table:
        raise ExportError("custom_translation_table is not supported: add a "
                          "lowering to torch-onnx instead "
                          "(docs/AddingALowering.md)")
    opset = DEFAULT_OPSET if opset_version is None else int(opset_version)
    if isinstance(model, torch.export.ExportedProgram):
        ep = model
        call = ep.module()
        args = _positional_args(call, args, kwargs) if args or kwargs else ()
        kwargs = {}
    else:
        if isinstance(args, torch.Tensor):
            args = (args,)
        args = tuple(args)
        kw = dict(kwargs or {})
        if args and isinstance(args[-1], dict):
            kw = {**args[-1], **kw}
            args = args[:-1]
        kwargs = kw
        if dynamic_shapes is None and dynamic_axes:
            dynamic_shapes = _dynamic_shapes_from_axes(
                model, args, kwargs, dynamic_axes, input_names)
        was_training = getattr(model, "training", False)
        if isinstance(model, torch.nn.Module):
            model.train(False)
        try:
            ep = stages.run("torch.export", _capture, model, args, kwargs,
                            dynamic_shapes)
        except Exception as e:
            quantized = isinstance(model, torch.nn.Module) and any(
                type(m).__module__.startswith(("torch.ao.nn.quantized",
                                               "torch.ao.nn.intrinsic.quantized"))
                for m in model.modules())
            hint = ("an eager-mode quantized model (torch.ao.quantization "
                    "convert): torch.export cannot capture its packed "
                    "weights; export it with dynamo=False, which writes "
                    "QuantizeLinear/DequantizeLinear" if quantized else
                    "the TorchScript frontend may export it: dynamo=False "
                    "traces one run, mode='script' keeps data-dependent "
                    "control flow as ONNX If/Loop; or rewrite the control "
                    "flow with torch.cond / torch.while_loop")
            raise ExportError(
                "torch.export.export failed (before torch-onnx ran): "
                f"{type(e).__name__}: {e}\n({hint})") from e
        finally:
            if isinstance(model, torch.nn.Module):
                model.train(was_training)
        call = model
    ep = stages.run("decompose", _decompose_unlowered, ep, opset)
    _plain_out_spec(ep)
    if artifacts_dir is not None:
        os.makedirs(artifacts_dir, exist_ok=True)
        with open(os.path.join(artifacts_dir, "exported_program.txt"),
                  "w") as fh:
            fh.write(str(ep))

    # Names of the size symbols: the user's Dim names or dynamic_axes labels.
    from torch.utils import _pytree as pytree
    leaves = pytree.tree_flatten((args, kwargs))[0]
    tensor_leaves = [a for a in leaves if isinstance(a, torch.Tensor)]
    py_names = [n.name for n in _user_input_leaves(ep)]
    given = list(input_names or [])
    top = list(args) + list(kwargs.values())
    if len(given) == len(top) and len(tensor_leaves) == len(py_names) and \
            len(given) != len(py_names):
        # Names given per forward() argument: numbers are specialized by
        # torch.export and are no graph inputs.
        given = [n for n, a in zip(given, top) if isinstance(a, torch.Tensor)]
    graph_names = given + py_names[len(given):]
    labels = [{} for _ in py_names]
    if dynamic_axes:
        for i, name in enumerate(graph_names):
            labels[i] = dict(_dynamic_dims(dynamic_axes, name)) or dict(
                _dynamic_dims(dynamic_axes, py_names[i]))
    elif dynamic_shapes is not None:
        by_name = _axes_from_dynamic_shapes(
            dynamic_shapes, _python_arg_names(call, len(args)))
        for i, name in enumerate(py_names):
            labels[i] = dict(by_name.get(name, {}))
    symbols = _symbol_names(ep, labels)
    user_outputs = list(ep.graph_signature.user_outputs)
    if not output_names:
        output_names = [n for n in user_outputs if n]

    with tempfile.TemporaryDirectory(prefix="torch_onnx_") as tmp:
        archive = os.path.join(tmp, "model.pt2")
        stages.run("save .pt2", torch.export.save, ep, archive)
        out = f if isinstance(f, (str, os.PathLike)) else os.path.join(
            tmp, "model.onnx")
        extra = []
        if symbols:
            extra.append("--symbol-names=" + ",".join(
                f"{k}={v}" for k, v in symbols.items()))
        out_names = set(output_names or [])
        output_axes = {name: _dynamic_dims(dynamic_axes, name)
                       for name in (dynamic_axes or {}) if name in out_names}
        run = functools.partial(
            _run_exporter, archive, out, opset=opset, op_type="ONNX",
            extra=extra, input_names=graph_names, export_params=export_params,
            keep_initializers_as_inputs=keep_initializers_as_inputs,
            do_constant_folding=do_constant_folding, verbose=verbose,
            output_axes=output_axes, stages=stages)
        try:
            run(output_names=output_names)
        except ExportError as e:
            if len(output_names) != len(user_outputs) or "output" not in str(e):
                raise
            # None or non-tensor outputs are dropped: names by position fail.
            run(output_names=None)
        if verify:
            # Against the model as exported: in eval mode.
            switch = isinstance(call, torch.nn.Module) and not isinstance(
                model, torch.export.ExportedProgram)
            was_training = getattr(call, "training", False)
            if switch:
                call.train(False)
            try:
                stages.verification = stages.run(
                    "verify", _verify, os.fspath(out), call, args,
                    tensor_leaves, kwargs)
            finally:
                if switch:
                    call.train(was_training)
        if not isinstance(f, (str, os.PathLike)):
            with open(out, "rb") as fh:
                f.write(fh.read())


@functools.lru_cache(maxsize=None)
def _lowered_ops(exporter: str, opset: int) -> frozenset:
    """The torch ops torch-onnx-export lowers at `opset` ("aten.add.Tensor",
    "aten.erf")."""
    proc = subprocess.run([exporter, "--list-lowered-ops", f"--opset={opset}"],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise ExportError("torch-onnx-export --list-lowered-ops failed: "
                          + proc.stderr.strip())
    return frozenset(proc.stdout.split())


def _decompose_unlowered(ep, opset):
    """The IR level imported: what torch.export gives (composite ops such as
    linear, conv2d, layer_norm, gelu and scaled_dot_product_attention kept
    whole, as ONNX has them), except that an op with no lowering at `opset`
    is decomposed with torch.export's default table (to the core ATen ops it
    is made of), repeatedly, until none is left that the table covers; an
    op the core table keeps (it is core ATen) but torch can still decompose
    takes torch's registered decomposition."""
    lowered = _lowered_ops(exporter_path(), opset)
    table = torch.export.default_decompositions()
    # Beyond the core-ATen table: every decomposition torch registers
    # (addmv, ...), for ops that are core ATen but have no lowering here.
    from torch._decomp import decomposition_table as full_table
    dynamic = any(isinstance(d, torch.SymInt)
                  for n in _user_input_leaves(ep)
                  if isinstance(n.meta.get("val"), torch.Tensor)
                  for d in n.meta["val"].shape)
    for _ in range(4):
        todo = {}
        for gm in ep.graph_module.modules():
            if not isinstance(gm, torch.fx.GraphModule):
                continue
            for n in gm.graph.nodes:
                t = n.target
                if n.op != "call_function" or not isinstance(
                        t, torch._ops.OpOverload) or t in todo:
                    continue
                base = t._schema.name.replace("::", ".")
                ovl = t._overloadname
                key = base if ovl == "default" else f"{base}.{ovl}"
                if key in lowered:
                    continue
                # In-place variants become their lowered twins in
                # torch-value-semantics.
                if base.endswith("_") and any(
                        k == base[:-1] or k.startswith(base[:-1] + ".")
                        for k in lowered):
                    continue
                if t in table:
                    todo[t] = table[t]
                elif t in full_table:
                    todo[t] = full_table[t]
                elif t._can_decompose():
                    # A composite op (mT, movedim, atleast_2d, ...): its
                    # CompositeImplicitAutograd kernel.
                    todo[t] = t.decompose
        if not todo:
            break
        try:
            with _capture_context(dynamic):
                decomposed = ep.run_decompositions(todo)
        except Exception:  # noqa: BLE001
            # torch cannot re-trace it (e.g. in-place ops on complex views):
            # the importer reports what is left without a lowering.
            break
        # Some of torch's reference decompositions end in prims.* ops, which
        # only Python registers: keep the program as it was.
        if any(n.op == "call_function" and isinstance(
                n.target, torch._ops.OpOverload) and
               n.target.namespace == "prims"
               for gm in decomposed.graph_module.modules()
               if isinstance(gm, torch.fx.GraphModule)
               for n in gm.graph.nodes):
            break
        ep = decomposed
    return ep


@contextlib.contextmanager
def _capture_context(dynamic):
    """What torch.export runs under, at capture and when decomposing: a
    dynamic dim whose example size is 0 or 1 stays dynamic
    (backed_size_oblivious); LSTM/GRU over a dynamic sequence trace as a
    while_loop per layer instead of specializing the length."""
    from torch.fx.experimental import _config as fx_config
    with contextlib.ExitStack() as stack:
        stack.enter_context(fx_config.patch(backed_size_oblivious=True))
        if dynamic:
            try:
                from torch.export._patches import (
                    register_gru_while_loop_decomposition,
                    register_lstm_while_loop_decomposition)
                # The patches swap the ops' py_kernels but not their
                # dispatch caches: a kernel cached by an earlier trace (e.g.
                # torch.onnx.export's in this process) would be used instead.
                rnn_ops = [torch.ops.aten.lstm.input, torch.ops.aten.gru.input]

                def clear_caches():
                    for op in rnn_ops:
                        getattr(op, "_dispatch_cache", {}).clear()
                stack.callback(clear_caches)
                stack.enter_context(register_lstm_while_loop_decomposition())
                stack.enter_context(register_gru_while_loop_decomposition())
                clear_caches()
            except ImportError:
                pass
        yield


def _capture(model, args, kwargs, dynamic_shapes):
    """torch.export.export, as torch.onnx.export(dynamo=True) calls it:
    non-strict first, then strict (TorchDynamo), each retried once with the
    dynamic shapes torch.export suggests when it reports a constraint
    violation it can fix; a dynamic dim whose example size is 0 or 1 stays
    dynamic (backed_size_oblivious); a guard on a dynamic size becomes a
    run-time assertion (which the importer drops: the range constraints
    keep the fact) instead of a failure. The first failure is raised."""
    first = None
    for strict in (False, True):
        with _capture_context(bool(dynamic_shapes)):
            shapes = dynamic_shapes
            for _ in range(2):
                try:
                    return torch.export.export(
                        model, args, kwargs=kwargs or None,
                        dynamic_shapes=shapes, strict=strict,
                        prefer_deferred_runtime_asserts_over_guards=True)
                except Exception as e:  # noqa: BLE001
                    first = first or e
                    if not isinstance(e, torch._dynamo.exc.UserError):
                        break
                    try:
                        shapes = torch.export.dynamic_shapes.\
                            refine_dynamic_shapes_from_suggested_fixes(
                                e.msg, shapes)
                    except Exception:  # noqa: BLE001
                        break
    raise first


def _plain_out_spec(ep):
    """Outputs as a flat tuple in the program's calling convention: the
    ONNX graph lists the leaves in order anyway, and torch.export.save
    cannot serialize some output containers (torch.return_types.topk,
    sort, max, ...)."""
    from torch.utils import _pytree as pytree
    for entry in ep.module_call_graph:
        sig = entry.signature
        if entry.fqn == "" and sig is not None:
            n = sig.out_spec.num_leaves
            sig.out_spec = pytree.tree_structure(tuple(range(n)))
