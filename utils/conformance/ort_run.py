"""Runs ONNX models in ONNX Runtime (the Python package) on prepared inputs
and compares the outputs with the references.

    python ort_run.py MANIFEST.json RESULTS.jsonl

MANIFEST: [{id, models: {orig, rt}, sets: [{inputs: [...], outputs: [...]}],
rtol?, atol?, skip?}] where each tensor is {name, type, dims, file | strings}
(`file` holds the raw little-endian elements). One JSON line per (id, which)
is appended to RESULTS as soon as it is known, after a `started` line, so a
crash of the runtime loses only the model that crashed it: the driver sees a
`started` line without a result and restarts this script, which skips what
RESULTS already holds.
"""
import json
import os
import sys

import numpy as np
import onnxruntime as ort

RTOL, ATOL = 1e-3, 1e-7
DTYPES = {
    "float32": np.float32, "float64": np.float64, "float16": np.float16,
    "int8": np.int8, "uint8": np.uint8, "int16": np.int16, "uint16": np.uint16,
    "int32": np.int32, "uint32": np.uint32, "int64": np.int64,
    "uint64": np.uint64, "bool": np.bool_,
}


def load(t):
    if t["type"] == "string":
        return np.array(t["strings"], dtype=object).reshape(t["dims"])
    dt = DTYPES.get(t["type"])
    if dt is None:
        raise ValueError("unsupported input type " + t["type"])
    return np.fromfile(t["file"], dtype=dt).reshape(t["dims"])


def compare(got, want, rtol, atol):
    ref = load(want)
    name = want["name"]
    got = np.asarray(got)
    if got.dtype != ref.dtype:
        return f"output {name}: type {got.dtype}, expected {ref.dtype}"
    if got.shape != ref.shape:
        return (f"output {name}: shape [{'x'.join(map(str, got.shape))}], "
                f"expected [{'x'.join(map(str, ref.shape))}]")
    g, w = got.reshape(-1), ref.reshape(-1)
    if ref.dtype.kind == "f":
        g64, w64 = g.astype(np.float64), w.astype(np.float64)
        bad = ~((np.isnan(g64) & np.isnan(w64)) | (g64 == w64) |
                (np.abs(g64 - w64) <= atol + rtol * np.abs(w64)))
    else:
        bad = g != w
    if bad.any():
        i = int(np.argmax(bad))
        return f"output {name}[{i}]: {g[i]}, expected {w[i]}"
    return None


def run_one(model_path, sets, rtol, atol):
    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    so.inter_op_num_threads = 1
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    so.log_severity_level = 3
    session = ort.InferenceSession(model_path, so,
                                   providers=["CPUExecutionProvider"])
    names = [o.name for o in session.get_outputs()]
    for k, s in enumerate(sets):
        feeds = {t["name"]: load(t) for t in s["inputs"]}
        out = session.run(None, feeds)
        for i, want in enumerate(s["outputs"]):
            if i >= len(out):
                return f"data set {k}: output {names[i] if i < len(names) else i} missing"
            err = compare(out[i], want, rtol, atol)
            if err:
                return f"data set {k}: {err}"
    return None


def main():
    with open(sys.argv[1]) as fh:
        manifest = json.load(fh)
    results = sys.argv[2]
    done = set()
    if os.path.exists(results):
        for line in open(results):
            if line.strip():
                r = json.loads(line)
                done.add((r["id"], r["which"]))

    def append(rec):
        with open(results, "a") as fh:
            fh.write(json.dumps(rec) + "\n")
            fh.flush()
            os.fsync(fh.fileno())

    for m in manifest:
        for which in ("orig", "rt"):
            if (m["id"], which) in done or not m["models"].get(which):
                continue
            append({"id": m["id"], "which": which, "started": True})
            error = m.get("skip")
            if not error:
                try:
                    error = run_one(m["models"][which], m["sets"],
                                    m.get("rtol", RTOL), m.get("atol", ATOL))
                except Exception as e:  # noqa: BLE001 - reported per model
                    error = str(e).strip().split("\n")[0][:300]
            append({"id": m["id"], "which": which, "ok": error is None,
                    "error": error})


if __name__ == "__main__":
    main()
