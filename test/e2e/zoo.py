#!/usr/bin/env python3
"""torchvision's model zoo through torch_onnx.export (trace mode) and, with
--torch-onnx, torch.onnx.export (dynamo=False), each run in ONNX Runtime
against PyTorch (shapes, dtypes, values). Random weights (no downloads), small inputs.

    zoo.py [--categories classification,segmentation,detection,video,
            optical_flow,quantization] [--only NAMES] [--opset 17]
           [--torch-onnx] [--skip LIST] [--json F] [--timeout 900]

Detection models return lists of dicts; the comparison is on the flattened
outputs. Random detection heads give many equal scores, and the order of
equal-score detections is an implementation choice (torchvision's and ONNX
Runtime's NMS and top-k differ there): the weights are perturbed so fewer
scores tie, the scores must match, and the boxes, labels, masks and
keypoints must match on every detection whose score is not tied. A
measurement, not a CI gate (it takes an hour).
"""

import argparse
import atexit
import contextlib
import io
import json
import os
import shutil
import sys
import tempfile
import time
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "python"))

import numpy as np  # noqa: E402
import onnxruntime as ort  # noqa: E402
import torch  # noqa: E402
import torchvision  # noqa: E402

import torch_onnx  # noqa: E402

MODULES = {
    "classification": torchvision.models,
    "segmentation": torchvision.models.segmentation,
    "detection": torchvision.models.detection,
    "video": torchvision.models.video,
    "optical_flow": torchvision.models.optical_flow,
    "quantization": torchvision.models.quantization,
}


def build(category, name):
    """(model, example args) for one zoo builder."""
    torch.manual_seed(0)
    kw = {"weights": None}
    if category in ("segmentation", "detection"):
        kw["weights_backbone"] = None
    if category == "detection":
        kw.update({"box_score_thresh": 0.0} if "rcnn" in name
                  else {"score_thresh": 0.0})
    if category == "quantization":
        kw["quantize"] = True
    if category == "segmentation":
        kw["aux_loss"] = False
    model = torchvision.models.get_model(name, **kw).eval()
    if category == "detection":
        with torch.no_grad():  # distinct scores: no ties in the ranking
            for p in model.parameters():
                p.add_(torch.randn_like(p) * 0.02)
        return model, ([torch.rand(3, 320, 320)],)
    if category == "video":
        frames, size = (16, 224) if name in ("mvit_v1_b", "mvit_v2_s", "s3d") else \
            (8, 112)
        return model, (torch.rand(1, 3, frames, size, size),)
    if category == "optical_flow":
        return model, (torch.rand(1, 3, 128, 128), torch.rand(1, 3, 128, 128))
    size = 299 if "inception" in name else 224
    return model, (torch.rand(1, 3, size, size),)


def flatten(out):
    if isinstance(out, torch.Tensor):
        return [out]
    if isinstance(out, dict):
        return [t for v in out.values() for t in flatten(v)]
    if isinstance(out, (list, tuple)):
        return [t for o in out for t in flatten(o)]
    return []


def compare_detections(got, ref):
    """Scores (the 1-D float output) must match; the other outputs (boxes,
    labels, masks, keypoints: one row per detection) must match on the rows
    whose score no other detection shares: the order of tied detections is
    an implementation choice of the NMS and top-k."""
    ref = [r.detach().numpy() for r in ref]
    scores = [i for i, r in enumerate(ref)
              if r.ndim == 1 and r.dtype.kind == "f"]
    if not scores:
        return "no scores output"
    s = ref[scores[0]]
    if not np.allclose(got[scores[0]], s, rtol=1e-3, atol=1e-4):
        return "wrong scores"
    tied = np.abs(s[:, None] - s[None, :]) <= 1e-4
    unique = tied.sum(1) == 1
    for g, r in zip(got, ref):
        if g.shape != r.shape:
            return f"shape {list(g.shape)} vs {list(r.shape)}"
        if g.dtype != r.dtype:
            return f"dtype {g.dtype} vs {r.dtype}"
        if r.ndim == 0 or r.shape[0] != s.shape[0]:
            continue
        scale = max(1.0, float(np.abs(r).max())) if r.size else 1.0
        if not np.allclose(np.asarray(g[unique], np.float64),
                           r[unique].astype(np.float64), rtol=1e-3,
                           atol=1e-4 * scale):
            return "wrong numbers on untied detections"
    return ""


def compare(category, got, ref):
    if len(got) != len(ref):
        return f"{len(got)} outputs for {len(ref)}"
    if category == "detection":
        return compare_detections(got, ref)
    for g, r in zip(got, ref):
        r = r.detach().numpy()
        if g.shape != r.shape:
            return f"shape {list(g.shape)} vs {list(r.shape)}"
        if g.dtype != r.dtype:
            return f"dtype {g.dtype} vs {r.dtype}"
        scale = max(1.0, float(np.abs(r).max())) if r.size else 1.0
        atol = 1e-4 * scale
        if category == "quantization" and r.size > 1:
            # A dequantized output lies on its quantization grid; PyTorch's
            # kernels requantize in float and ONNX Runtime's in integers, so
            # a value near a rounding tie may land one step away (either
            # exporter, at any layer): allow one step of the output grid.
            gaps = np.diff(np.unique(r))
            if gaps.size:
                atol = max(atol, float(gaps.min()) * 1.001)
        if np.allclose(np.asarray(g, np.float64), r.astype(np.float64),
                       rtol=1e-3, atol=atol, equal_nan=True):
            continue
        err = float(np.abs(np.asarray(g, np.float64) - r).max())
        return f"wrong numbers (max abs error {err:.3g})"
    return ""


def run_one(category, name, exporter, opset, tmp):
    model, args = build(category, name)
    with torch.no_grad():
        ref = flatten(model(*args))
    path = os.path.join(tmp, f"{name}.onnx")
    t0 = time.time()
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()), \
            contextlib.redirect_stderr(io.StringIO()):
        warnings.simplefilter("ignore")
        if exporter == "ours":
            torch_onnx.export(model, args, path, opset_version=opset,
                              dynamo=False)
        else:
            torch.onnx.export(model, args, path, opset_version=opset,
                              dynamo=False)
    export_s = time.time() - t0
    sess = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    inputs = flatten(args)
    names = [i.name for i in sess.get_inputs()]
    if len(names) != len(inputs):
        return f"{len(names)} graph inputs for {len(inputs)} tensors", export_s
    got = sess.run(None, {n: t.numpy() for n, t in zip(names, inputs)})
    return compare(category, got, ref) or "pass", export_s


def in_child(fn, timeout):
    """fn() in a forked child (a crash or a hang costs that model only)."""
    rfd, wfd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(rfd)
        try:
            res = fn()
        except Exception as e:  # noqa: BLE001
            msg = str(e).strip().splitlines()
            errs = [m for m in msg if " error: " in m or m.startswith("error:")]
            first = (errs or msg or [type(e).__name__])[0]
            first = first.split("error: ", 1)[-1]
            res = ("export: " + first[:200], 0.0)
        with os.fdopen(wfd, "w") as fh:
            json.dump(res, fh)
        os._exit(0)
    os.close(wfd)
    deadline = time.time() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.time() > deadline:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            os.close(rfd)
            return f"timeout ({timeout} s)", float(timeout)
        time.sleep(0.5)
    with os.fdopen(rfd) as fh:
        data = fh.read()
    if not data:
        return f"crash (signal {os.WTERMSIG(status)})", 0.0
    return tuple(json.loads(data))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--categories", default=",".join(MODULES))
    ap.add_argument("--only", default="")
    ap.add_argument("--skip", default="")
    ap.add_argument("--opset", type=int, default=17)
    ap.add_argument("--torch-onnx", action="store_true")
    ap.add_argument("--timeout", type=int, default=900)
    ap.add_argument("--json", default="")
    opts = ap.parse_args()
    torch.set_num_threads(1)
    only = set(filter(None, opts.only.split(",")))
    skip = set(filter(None, opts.skip.split(",")))
    exporters = ["ours"] + (["torch.onnx"] if opts.torch_onnx else [])
    rows = []
    tmp = tempfile.mkdtemp(prefix="zoo_")
    atexit.register(shutil.rmtree, tmp, ignore_errors=True)
    for category in opts.categories.split(","):
        for name in torchvision.models.list_models(module=MODULES[category]):
            if (only and name not in only) or name in skip:
                continue
            row = {"category": category, "model": name}
            for who in exporters:
                res, secs = in_child(
                    lambda: run_one(category, name, who, opts.opset, tmp),
                    opts.timeout)
                row[who], row[who + " s"] = res, round(secs, 1)
            rows.append(row)
            print(f"{category:14} {name:34} " + " | ".join(
                f"{who}: {row[who]} ({row[who + ' s']} s)"
                for who in exporters), flush=True)
    for who in exporters:
        n = sum(r[who] == "pass" for r in rows)
        print(f"{who}: {n}/{len(rows)} pass")
    if opts.torch_onnx:
        only_theirs = [r["model"] for r in rows
                       if r["torch.onnx"] == "pass" and r["ours"] != "pass"]
        print("only torch.onnx:", only_theirs)
    if opts.json:
        with open(opts.json, "w") as fh:
            json.dump(rows, fh, indent=1)


if __name__ == "__main__":
    main()
