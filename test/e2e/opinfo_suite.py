#!/usr/bin/env python3
"""Op-level export suite from PyTorch's own OpInfo database
(torch.testing._internal.common_methods_invocations.op_db): for each op, its
first float32 CPU sample is wrapped in a module, exported with
torch_onnx.export (and, with --torch-onnx, torch.onnx.export) and run in ONNX
Runtime against PyTorch (rtol 1e-3, atol 1e-4).

    opinfo_suite.py [--frontend torchscript|dynamo] [--opset 17]
                    [--only add,mul] [--limit N] [--torch-onnx] [--json F]

Prints a table row per failing op (first line of the error) and a summary:
how many ops export and match. This measures coverage; it is not a pass/fail
gate (utils/test.sh does not run it).
"""

import argparse
import contextlib
import io
import json
import os
import sys
import tempfile
import time
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "python"))

import numpy as np  # noqa: E402
import onnxruntime as ort  # noqa: E402
import torch  # noqa: E402

import torch_onnx  # noqa: E402


class OpModule(torch.nn.Module):
    """Calls `op` on the sample: tensors (top level, or in a list) are the
    forward() inputs, everything else is baked in."""

    def __init__(self, op, sample):
        super().__init__()
        self.op = op
        self.sample = sample

    def forward(self, *tensors):
        it = iter(tensors)

        def fill(v):
            if isinstance(v, torch.Tensor):
                return next(it)
            if isinstance(v, (list, tuple)) and v and all(
                    isinstance(x, torch.Tensor) for x in v):
                return type(v)(next(it) for _ in v)
            return v
        s = self.sample
        args = [fill(s.input)] + [fill(a) for a in s.args]
        kwargs = {k: fill(v) for k, v in s.kwargs.items()}
        return self.op(*args, **kwargs)


def tensors_of(sample):
    out = []
    for v in [sample.input, *sample.args, *sample.kwargs.values()]:
        if isinstance(v, torch.Tensor):
            out.append(v)
        elif isinstance(v, (list, tuple)) and v and all(
                isinstance(x, torch.Tensor) for x in v):
            out.extend(v)
    return out


def flat(out):
    if isinstance(out, torch.Tensor):
        return [out]
    if isinstance(out, (list, tuple)):
        return [t for o in out for t in flat(o)]
    if isinstance(out, (int, float, bool)):
        return [torch.tensor(out)]
    return []


def check(path, inputs, ref):
    sess = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    names = [i.name for i in sess.get_inputs()]
    if len(names) != len(inputs):
        return f"{len(names)} graph inputs for {len(inputs)} tensors"
    got = sess.run(None, {n: t.detach().numpy() for n, t in zip(names, inputs)})
    if len(got) != len(ref):
        return f"{len(got)} outputs for {len(ref)}"
    for g, r in zip(got, ref):
        r = r.detach().numpy()
        if g.shape != r.shape:
            return f"shape {list(g.shape)} vs {list(r.shape)}"
        if not np.allclose(np.asarray(g, np.float64), r.astype(np.float64),
                           rtol=1e-3, atol=1e-4, equal_nan=True):
            return "wrong numbers"
    return ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--frontend", default="torchscript",
                    choices=["torchscript", "dynamo"])
    ap.add_argument("--opset", type=int, default=17)
    ap.add_argument("--only", default="")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--torch-onnx", action="store_true")
    ap.add_argument("--json", default="")
    opts = ap.parse_args()
    # Ops run in forked children: a parent without an OpenMP pool keeps
    # them from deadlocking (and the samples are tiny).
    torch.set_num_threads(1)
    from torch.testing._internal.common_methods_invocations import op_db
    only = set(filter(None, opts.only.split(",")))
    results = {}
    t0 = time.time()
    tmp = tempfile.mkdtemp(prefix="opinfo_")
    ops = [o for o in op_db if (not only or o.name in only)
           and torch.float32 in o.supported_dtypes("cpu")]
    if opts.limit:
        ops = ops[:opts.limit]
    for info in ops:
        key = info.name + (f".{info.variant_test_name}"
                           if info.variant_test_name else "")
        try:
            sample = next(iter(info.sample_inputs("cpu", torch.float32,
                                                  requires_grad=False)))
        except Exception as e:  # noqa: BLE001
            continue
        inputs = tensors_of(sample)
        if not inputs:
            continue
        model = OpModule(info.op, sample).eval()
        try:
            with torch.no_grad():
                ref = flat(model(*[t.clone() for t in inputs]))
        except Exception:  # noqa: BLE001
            continue
        if not ref:
            continue
        # Each op in a child process: an exporter or runtime that dies (ONNX
        # Runtime has raised SIGFPE on a model) costs that op, not the run.
        rfd, wfd = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(rfd)
            row = run_op(opts, model, inputs, ref, tmp)
            with os.fdopen(wfd, "w") as fh:
                json.dump(row, fh)
            os._exit(0)
        os.close(wfd)
        with os.fdopen(rfd) as fh:
            data = fh.read()
        _, status = os.waitpid(pid, 0)
        if data:
            row = json.loads(data)
        else:
            sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0
            row = {"ours": f"crash (signal {sig}) in the export or in ONNX "
                           "Runtime"}
            if opts.torch_onnx:
                row["torch.onnx"] = row["ours"]
        results[key] = row
    report(opts, results, t0)


def run_op(opts, model, inputs, ref, tmp):
    """{"ours": "pass" | why, "torch.onnx": ...} for one op."""
    row = {}
    path = os.path.join(tmp, f"m_{os.getpid()}.onnx")
    for who in ["ours"] + (["torch.onnx"] if opts.torch_onnx else []):
        if os.path.exists(path):
            os.remove(path)
        try:
            with warnings.catch_warnings(), \
                    contextlib.redirect_stdout(io.StringIO()), \
                    contextlib.redirect_stderr(io.StringIO()):
                warnings.simplefilter("ignore")
                args = tuple(t.clone() for t in inputs)
                if who == "ours":
                    torch_onnx.export(
                        model, args, path, opset_version=opts.opset,
                        dynamo=opts.frontend == "dynamo")
                else:
                    torch.onnx.export(
                        model, args, path, opset_version=opts.opset,
                        dynamo=opts.frontend == "dynamo")
            err = check(path, inputs, ref)
            row[who] = err or "pass"
        except Exception as e:  # noqa: BLE001
            msg = str(e).strip().splitlines()
            row[who] = "export: " + (msg[0] if msg else type(e).__name__)[:160]
    return row


def report(opts, results, t0):
    n = len(results)
    ours = sum(r["ours"] == "pass" for r in results.values())
    line = f"{opts.frontend} opset {opts.opset}: ours {ours}/{n}"
    if opts.torch_onnx:
        theirs = sum(r.get("torch.onnx") == "pass" for r in results.values())
        only_theirs = [k for k, r in results.items()
                       if r.get("torch.onnx") == "pass" and r["ours"] != "pass"]
        only_ours = [k for k, r in results.items()
                     if r["ours"] == "pass" and r.get("torch.onnx") != "pass"]
        line += (f", torch.onnx {theirs}/{n}; only torch.onnx: "
                 f"{len(only_theirs)}, only ours: {len(only_ours)}")
    for k, r in sorted(results.items()):
        if r["ours"] != "pass":
            print(f"{k}: {r['ours']}"
                  + (f" | torch.onnx: {r.get('torch.onnx')}"
                     if opts.torch_onnx else ""))
    print(f"{line} ({time.time() - t0:.0f} s)")
    if opts.json:
        with open(opts.json, "w") as fh:
            json.dump(results, fh, indent=1)


if __name__ == "__main__":
    main()
