#!/usr/bin/env python3
"""End-to-end export suite: every case of models.py is exported with
torch_onnx.export at each opset, checked by onnx.checker and run in ONNX
Runtime (its Python package); outputs must match PyTorch (rtol 1e-3,
atol 1e-4; one output quantization step for quantized models), at a
second input shape too where the case has dynamic axes.

    run_e2e.py [--opsets 9,11,13,17] [--only a,b] [--doc docs/ExportSupport.md]
               [--frontend torchscript|dynamo] [--torch-onnx]

--frontend dynamo exports every case with torch.export (dynamo=True; the
cases' dynamic_axes become dynamic_shapes) and adds the torch.export-only
cases (torch.cond, while_loop, symbolic sizes); a case torch.export cannot
capture is `n/a` with its reason. --torch-onnx adds, per case and opset, what
torch.onnx.export(dynamo=True) of the installed torch does on the same case
(exported and matching in ONNX Runtime, or why not).

Exit status 0 iff every (case, opset) passes or is declared not expressible
at that opset (and then the exporter refused it with an ExportError naming
the opset it needs; any other failure there is a FAIL).
"""

import argparse
import atexit
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "python"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import onnx  # noqa: E402
import torch  # noqa: E402

import torch_onnx  # noqa: E402
from models import cases  # noqa: E402

ORT_TYPES = {torch.float32: "float32", torch.float64: "float64",
             torch.int64: "int64", torch.int32: "int32", torch.bool: "bool",
             torch.uint8: "uint8", torch.int8: "int8"}


def flatten(out):
    if isinstance(out, torch.Tensor):
        return [out]
    if isinstance(out, (tuple, list)):
        res = []
        for o in out:
            res.extend(flatten(o))
        return res
    if isinstance(out, dict):  # values in order, as torch.onnx
        return flatten(list(out.values()))
    if out is None:  # dropped from the outputs, as torch.onnx
        return []
    if isinstance(out, (int, float, bool)):
        return [torch.tensor(out)]
    raise TypeError(f"unsupported output {type(out)}")


def as_tensor(a):
    if isinstance(a, torch.Tensor):
        return a
    if isinstance(a, bool):
        return torch.tensor(a)
    if isinstance(a, int):
        return torch.tensor(a, dtype=torch.int64)
    if isinstance(a, float):
        return torch.tensor(a, dtype=torch.float32)
    raise TypeError(type(a))


def write_tensor(t, path, name):
    t = t.detach().contiguous()
    if t.dtype not in ORT_TYPES:
        raise TypeError(f"dtype {t.dtype}")
    t.numpy().tofile(path)
    return {"name": name, "type": ORT_TYPES[t.dtype], "dims": list(t.shape),
            "file": path}


def selected(frontend):
    """The cases a frontend runs: torch.export-only cases need dynamo."""
    return [c for c in cases()
            if frontend == "dynamo" or c.mode != "dynamo"]


def torch_onnx_reference(model, args, case, opset, work, sets_args, refs,
                         fresh):
    """(passed, why not) for torch.onnx.export(dynamo=True) of the installed
    torch on the same case: exported, and ONNX Runtime matches PyTorch on
    every input set."""
    import warnings
    import numpy as np
    import onnxruntime as ort
    path = os.path.join(work, f"{case.name}_{opset}_torch_onnx.onnx")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import contextlib
            import io
            with contextlib.redirect_stdout(io.StringIO()):
                torch.onnx.export(model, args, path, opset_version=opset,
                                  input_names=case.input_names,
                                  dynamic_axes=case.dynamic_axes, dynamo=True)
        got_opset = [o.version for o in onnx.load(
            path, load_external_data=False).opset_import if o.domain in ("", "ai.onnx")]
        if got_opset and got_opset[0] != opset:
            return False, (f"asked for opset {opset}, wrote opset "
                           f"{got_opset[0]} (its version converter failed)")
        sess = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
        names = [i.name for i in sess.get_inputs()]
        for a, ref in zip(sets_args, refs):
            leaves = torch.utils._pytree.tree_flatten(fresh(a))[0]
            tensors = [x for x in leaves if isinstance(x, torch.Tensor)]
            got = sess.run(None, {n: t.numpy() for n, t in zip(names, tensors)})
            if len(got) != len(ref):
                return False, f"{len(got)} outputs for {len(ref)}"
            for g, rr in zip(got, ref):
                want = rr.detach().numpy()
                if g.shape != want.shape or g.dtype != want.dtype:
                    return False, (f"{g.dtype}{list(g.shape)} in ONNX Runtime"
                                   f", {want.dtype}{list(want.shape)} in "
                                   "PyTorch")
                if not np.allclose(np.asarray(g, dtype=np.float64),
                                   rr.detach().numpy().astype(np.float64),
                                   rtol=1e-3, atol=case.atol,
                                   equal_nan=True):
                    return False, "wrong numbers in ONNX Runtime"
        return True, ""
    except Exception as e:  # noqa: BLE001
        msg = " ".join(str(e).strip().splitlines()[:1])[:200]
        return False, f"{type(e).__name__}: {msg}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--opsets", default="9,11,13,17")
    ap.add_argument("--only", default="")
    ap.add_argument("--doc", default="")
    ap.add_argument("--workdir", default="")
    ap.add_argument("--frontend", default="torchscript",
                    choices=["torchscript", "dynamo"])
    ap.add_argument("--torch-onnx", action="store_true")
    opts = ap.parse_args()
    dynamo = opts.frontend == "dynamo"
    opsets = [int(o) for o in opts.opsets.split(",")]
    only = set(filter(None, opts.only.split(",")))
    work = opts.workdir or tempfile.mkdtemp(prefix="torch_onnx_e2e_")
    if not opts.workdir:
        # ~250 MB of models and tensors per run: gone when the run ends
        # (--workdir keeps them).
        atexit.register(shutil.rmtree, work, ignore_errors=True)
    os.makedirs(work, exist_ok=True)

    manifest, status, ref_status, pending_refs = [], {}, {}, []
    t0 = time.time()
    for case in selected(opts.frontend):
        if only and case.name not in only:
            continue
        torch.manual_seed(0)
        model = case.make()
        sets_args = [case.args] + ([case.args2] if case.args2 else [])
        # Models may mutate their inputs (as torch.onnx, the exported graph
        # is functional): every run and the export get fresh copies.
        def fresh(a):
            return tuple(x.clone() if isinstance(x, torch.Tensor) else x
                         for x in a)
        mode = "dynamo" if dynamo else case.mode
        if dynamo and case.args2 is not None:
            # Numbers are specialized by torch.export: a second set with
            # other numbers is another program.
            nums = [[x for x in torch.utils._pytree.tree_flatten(tuple(a))[0]
                     if not isinstance(x, torch.Tensor)] for a in sets_args]
            if nums[0] != nums[1]:
                sets_args = sets_args[:1]
        with torch.no_grad():
            refs = [flatten(model(*fresh(a))) for a in sets_args]
        # torch.onnx.export(dynamo=True) runs after all of ours, so that its
        # process-wide patches cannot change what ours sees.
        if opts.torch_onnx:
            pending_refs.append((case, model, sets_args, refs, fresh))
        for opset in opsets:
            key = f"{case.name}@{opset}"
            path = os.path.join(work, f"{case.name}_{opset}.onnx")
            try:
                torch_onnx.export(model, fresh(case.args), path,
                                  opset_version=opset,
                                  input_names=case.input_names,
                                  dynamic_axes=case.dynamic_axes,
                                  mode=mode)
                onnx.checker.check_model(path)
            except Exception as e:  # noqa: BLE001
                msg = str(e).strip().splitlines()
                msg = " ".join(msg[:1])[:400].replace(ROOT + "/", "")
                msg = re.sub(r"/\S*/(site|dist)-packages/", "", msg)
                reason = case.not_expressible(opset)
                if dynamo and "torch.export.export failed" in msg:
                    status[key] = ("n/a", "torch.export cannot capture it — "
                                   + msg)
                elif reason and isinstance(e, torch_onnx.ExportError) \
                        and "opset" in msg:
                    # Not expressible here: the exporter must say so (a
                    # diagnostic naming the opset), not crash or fail
                    # otherwise.
                    status[key] = ("n/a", reason + " — exporter: " + msg)
                elif reason:
                    status[key] = ("FAIL", "below opset " + str(
                        min(n for n, _ in case.needs)) + " the exporter must "
                        "name the opset it needs; it said: " + msg)
                else:
                    status[key] = ("FAIL", "export: " + msg)
                continue
            g = onnx.load(path, load_external_data=False).graph
            inits = {i.name for i in g.initializer}
            in_names = [i.name for i in g.input if i.name not in inits]
            sets = []
            for k, (a, ref) in enumerate(zip(sets_args, refs)):
                # Trace mode: the tensors nested in the arguments, flattened
                # in order (numbers are baked in); script mode: every
                # argument.
                if mode in ("trace", "dynamo"):
                    leaves = torch.utils._pytree.tree_flatten(tuple(a))[0]
                    tensors = [x for x in leaves if isinstance(x, torch.Tensor)]
                else:
                    tensors = [as_tensor(x) for x in a]
                if len(tensors) != len(in_names):
                    status[key] = ("FAIL", f"{len(in_names)} graph inputs for "
                                           f"{len(tensors)} arguments")
                    break
                ins = [write_tensor(t, os.path.join(work, f"{key}_{k}_in{i}.bin"),
                                    in_names[i]) for i, t in enumerate(tensors)]
                outs = [write_tensor(t, os.path.join(work, f"{key}_{k}_out{i}.bin"),
                                     f"out{i}") for i, t in enumerate(ref)]
                sets.append({"inputs": ins, "outputs": outs})
            if key in status:
                continue
            manifest.append({"id": key, "models": {"rt": path}, "sets": sets,
                             "rtol": 1e-3, "atol": case.atol})
            status[key] = ("pending", "")
    for case, model, sets_args, refs, fresh in pending_refs:
        for opset in opsets:
            ref_status[f"{case.name}@{opset}"] = torch_onnx_reference(
                model, fresh(case.args), case, opset, work, sets_args, refs,
                fresh)
    export_s = time.time() - t0

    man_path = os.path.join(work, "manifest.json")
    res_path = os.path.join(work, "results.jsonl")
    with open(man_path, "w") as fh:
        json.dump(manifest, fh)
    if os.path.exists(res_path):
        os.remove(res_path)
    runner = os.path.join(ROOT, "utils", "conformance", "ort_run.py")
    for _ in range(len(manifest) + 1):  # restart after a runtime crash
        subprocess.run([sys.executable, runner, man_path, res_path])
        seen = {}
        if os.path.exists(res_path):
            for line in open(res_path):
                rec = json.loads(line)
                seen[rec["id"]] = rec
        crashed = [k for k, v in seen.items() if v.get("started")]
        for k in crashed:  # mark a crash as a result so the rerun skips it
            with open(res_path, "a") as fh:
                fh.write(json.dumps({"id": k, "which": "rt", "ok": False,
                                     "error": "ONNX Runtime crashed"}) + "\n")
        if len(seen) >= len(manifest) and not crashed:
            break
    for line in open(res_path) if os.path.exists(res_path) else []:
        rec = json.loads(line)
        if "ok" in rec:
            status[rec["id"]] = ("pass", "") if rec["ok"] else (
                "FAIL", "ort: " + (rec.get("error") or ""))

    names = []
    for case in selected(opts.frontend):
        if (not only or case.name in only) and case.name not in names:
            names.append(case.name)
    counts = {o: [0, 0, 0] for o in opsets}  # pass, n/a, fail
    cols = [f"opset {o}" for o in opsets]
    if opts.torch_onnx:
        cols += [f"torch.onnx {o}" for o in opsets]
    lines = ["| model | mode | " + " | ".join(cols) + " |",
             "|---|---|" + "---|" * len(cols)]
    details = []
    modes = {c.name: ("dynamo" if dynamo else c.mode)
             for c in selected(opts.frontend)}
    ref_counts = {o: 0 for o in opsets}
    for n in names:
        row = [n, modes[n]]
        ref_row = []
        for o in opsets:
            if opts.torch_onnx:
                ok, why = ref_status.get(f"{n}@{o}", (False, "not run"))
                ref_row.append("pass" if ok else "FAIL")
                ref_counts[o] += ok
                if not ok:
                    details.append(f"- {n} @ opset {o}: torch.onnx: {why}")
            st, msg = status.get(f"{n}@{o}", ("FAIL", "not run"))
            if st == "pending":
                st, msg = "FAIL", "no ORT result"
            counts[o][0 if st == "pass" else 1 if st == "n/a" else 2] += 1
            row.append({"pass": "pass", "n/a": "n/a"}.get(st, "FAIL"))
            if st != "pass":
                details.append(f"- {n} @ opset {o}: {st}: {msg}")
        lines.append("| " + " | ".join(row + ref_row) + " |")
    summary = ", ".join(f"opset {o}: {c[0]} pass, {c[1]} n/a, {c[2]} fail"
                        for o, c in counts.items())
    if opts.torch_onnx:
        summary += "; torch.onnx.export(dynamo=True): " + ", ".join(
            f"opset {o}: {c} pass" for o, c in ref_counts.items())
    print("\n".join(lines))
    print("\n".join(details))
    print(f"\n{summary} (export {export_s:.0f} s, total {time.time() - t0:.0f} s)")
    if opts.doc:
        with open(opts.doc, "w") as fh:
            fh.write("# What exports at which opset\n\n"
                     "Generated by `test/e2e/run_e2e.py --doc` (the end-to-end "
                     "suite: torch_onnx.export, onnx.checker, ONNX Runtime vs "
                     "PyTorch, rtol 1e-3, atol 1e-4 (one output quantization "
                     "step for the quantized models), a second input shape for "
                     "dynamic axes). `n/a`: the model is not expressible at "
                     "that opset and the exporter says why.\n\n")
            fh.write("\n".join(lines) + "\n\n")
            if details:
                fh.write("Notes:\n\n" + "\n".join(details) + "\n\n")
            fh.write(summary + "\n")
    return 0 if all(c[2] == 0 for c in counts.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
