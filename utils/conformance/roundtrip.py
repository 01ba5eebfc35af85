#!/usr/bin/env python3
"""Round-trip conformance over Debian's libonnx-testdata.

For every model (node/, pytorch-converted/, pytorch-operator/, simple/):
  1. torch-onnx-translate --test-onnx-roundtrip (import, export, ONNX checker);
  2. onnx-structural-diff original vs re-exported (same nodes, attributes,
     initializers, names, types);
  3. ONNX Runtime (the onnxruntime Python package, in a child process) runs the original and the re-exported
     model on the stored inputs; outputs are compared with the stored outputs
     (rtol 1e-3, atol 1e-7).

A model passes when 1 and 2 pass and, if ORT runs the original correctly, ORT
also runs the re-exported one correctly. Models ORT cannot run must still pass
1 and 2. Results are checked against an expected-failure list (one line per
model: `<id>  # reason`); an unexpected failure or an unexpected pass fails.

Usage: roundtrip.py --bin BUILD/bin [--data DIR] [--xfail FILE] [--work DIR]
                    [--filter SUBSTR] [-j N]
"""
import argparse
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import tempfile

import onnx
from onnx import numpy_helper

SUITES = ["node", "pytorch-converted", "pytorch-operator", "simple"]
HERE = os.path.dirname(os.path.abspath(__file__))

ORT_TYPES = {
    onnx.TensorProto.FLOAT: "float32", onnx.TensorProto.DOUBLE: "float64",
    onnx.TensorProto.INT8: "int8", onnx.TensorProto.UINT8: "uint8",
    onnx.TensorProto.INT16: "int16", onnx.TensorProto.UINT16: "uint16",
    onnx.TensorProto.INT32: "int32", onnx.TensorProto.UINT32: "uint32",
    onnx.TensorProto.INT64: "int64", onnx.TensorProto.UINT64: "uint64",
    onnx.TensorProto.BOOL: "bool", onnx.TensorProto.FLOAT16: "float16",
    onnx.TensorProto.STRING: "string",
}


def list_models(data, filt):
    models = []
    for suite in SUITES:
        root = os.path.join(data, suite)
        if not os.path.isdir(root):
            continue
        for name in sorted(os.listdir(root)):
            path = os.path.join(root, name, "model.onnx")
            if os.path.exists(path) and (not filt or filt in suite + "/" + name):
                models.append((suite + "/" + name, path))
    return models


def roundtrip(bindir, work, mid, path):
    out = os.path.join(work, mid.replace("/", "__") + ".onnx")
    p = subprocess.run([os.path.join(bindir, "torch-onnx-translate"),
                        "--test-onnx-roundtrip", path, "-o", out],
                       capture_output=True, text=True)
    if p.returncode != 0:
        return mid, None, "round trip failed: " + (p.stderr.strip() or "exit %d" % p.returncode)[:400]
    p = subprocess.run([os.path.join(bindir, "onnx-structural-diff"), path, out],
                       capture_output=True, text=True)
    if p.returncode != 0:
        return mid, out, "structural difference: " + p.stderr.strip()[:400]
    return mid, out, None


def tensor_entry(t, name, fname):
    if t.data_type not in ORT_TYPES:
        raise ValueError("tensor type %s" % onnx.TensorProto.DataType.Name(t.data_type))
    entry = {"name": name, "type": ORT_TYPES[t.data_type], "dims": list(t.dims)}
    if t.data_type == onnx.TensorProto.STRING:
        entry["strings"] = [s.decode("utf-8", "replace") for s in t.string_data]
        return entry
    arr = numpy_helper.to_array(t)
    if t.data_type == onnx.TensorProto.FLOAT16:
        arr = arr.view("uint16")
    elif t.data_type == onnx.TensorProto.BOOL:
        arr = arr.astype("uint8")
    with open(fname, "wb") as f:
        f.write(arr.tobytes())
    entry["file"] = fname
    return entry


def prepare_data(mid, path, datadir):
    """Manifest entry for ORT; `skip` says why ORT cannot be fed this model."""
    model = onnx.load(path, load_external_data=False)
    inits = {i.name for i in model.graph.initializer}
    inputs = [i for i in model.graph.input if i.name not in inits]
    entry = {"id": mid, "sets": []}
    os.makedirs(datadir, exist_ok=True)
    mdir = os.path.dirname(path)
    for gi in list(inputs) + list(model.graph.output):
        if not gi.type.HasField("tensor_type"):
            entry["skip"] = "non-tensor graph input/output (%s)" % gi.type.WhichOneof("value")
            return entry
    for k in range(100):
        sdir = os.path.join(mdir, "test_data_set_%d" % k)
        if not os.path.isdir(sdir):
            break
        s = {"inputs": [], "outputs": []}
        for kind, decls, key in (("input", inputs, "inputs"),
                                 ("output", model.graph.output, "outputs")):
            i = 0
            while os.path.exists(os.path.join(sdir, "%s_%d.pb" % (kind, i))):
                t = onnx.TensorProto()
                with open(os.path.join(sdir, "%s_%d.pb" % (kind, i)), "rb") as f:
                    t.ParseFromString(f.read())
                name = decls[i].name if i < len(decls) else t.name
                try:
                    s[key].append(tensor_entry(
                        t, name, os.path.join(datadir, "%d_%s_%d.bin" % (k, kind, i))))
                except Exception as e:  # noqa: BLE001 - reported as a skip
                    entry["skip"] = "cannot feed test data: %s" % e
                    return entry
                i += 1
        entry["sets"].append(s)
    return entry


def run_ort(manifest, results):
    """Runs ort_run.py, restarting it after a crash past the crashing model."""
    for _ in range(len(manifest) * 2 + 1):
        p = subprocess.run([sys.executable, os.path.join(HERE, "ort_run.py"), manifest, results],
                           capture_output=True, text=True)
        lines = [json.loads(l) for l in open(results) if l.strip()] if os.path.exists(results) else []
        if p.returncode == 0:
            return
        if lines and lines[-1].get("started"):
            last = lines[-1]
            with open(results, "a") as f:
                f.write(json.dumps({"id": last["id"], "which": last["which"], "ok": False,
                                    "error": "ONNX Runtime crashed (exit %d)" % p.returncode}) + "\n")
        else:
            sys.stderr.write(p.stderr)
            raise SystemExit("ort_run.py failed")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--data", default="/usr/share/libonnx-testdata/data")
    ap.add_argument("--xfail", default=os.path.join(HERE, "roundtrip-xfail.txt"))
    ap.add_argument("--work", default=None)
    ap.add_argument("--filter", default=None)
    ap.add_argument("-j", type=int, default=os.cpu_count() or 2)
    args = ap.parse_args()

    work = args.work or tempfile.mkdtemp(prefix="torch-onnx-roundtrip-")
    os.makedirs(work, exist_ok=True)
    models = list_models(args.data, args.filter)
    failures = {}
    rt_paths = {}
    with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        for mid, out, err in pool.map(lambda m: roundtrip(args.bin, work, *m), models):
            rt_paths[mid] = out
            if err:
                failures[mid] = err

    manifest = []
    for mid, path in models:
        entry = prepare_data(mid, path, os.path.join(work, "data", mid.replace("/", "__")))
        entry["models"] = {"orig": path, "rt": rt_paths.get(mid) if mid not in failures else None}
        manifest.append(entry)
    mpath = os.path.join(work, "manifest.json")
    with open(mpath, "w") as f:
        json.dump(manifest, f)
    rpath = os.path.join(work, "results.jsonl")
    if os.path.exists(rpath):
        os.remove(rpath)
    run_ort(mpath, rpath)

    res = {}
    for line in open(rpath):
        r = json.loads(line)
        if "ok" in r:
            res[(r["id"], r["which"])] = r
    ort_runs = 0
    ort_pass = 0
    for mid, _ in models:
        orig = res.get((mid, "orig"))
        if orig and orig["ok"]:
            ort_runs += 1
            if mid in failures:
                continue
            rt = res.get((mid, "rt"))
            if rt and rt["ok"]:
                ort_pass += 1
            else:
                failures[mid] = "ONNX Runtime result differs after the round trip: %s" % (
                    rt["error"] if rt else "not run")

    xfail = {}
    if os.path.exists(args.xfail):
        for line in open(args.xfail):
            line = line.strip()
            if line and not line.startswith("#"):
                mid, _, reason = line.partition("#")
                xfail[mid.strip()] = reason.strip()
    if args.filter:
        xfail = {k: v for k, v in xfail.items() if args.filter in k}

    unexpected = sorted(set(failures) - set(xfail))
    xpass = sorted(m for m in xfail if m not in failures and any(m == x for x, _ in models))
    structural = len(models) - len([m for m in failures if not failures[m].startswith("ONNX Runtime")])
    print("models: %d" % len(models))
    print("round trip + checker + structural match: %d / %d" % (structural, len(models)))
    print("ONNX Runtime runs the original correctly: %d" % ort_runs)
    print("  ... and the round-tripped model too: %d / %d" % (ort_pass, ort_runs))
    print("failures: %d (expected: %d)" % (len(failures), len(set(failures) & set(xfail))))
    for m in unexpected:
        print("UNEXPECTED FAILURE %s: %s" % (m, failures[m]))
    for m in xpass:
        print("UNEXPECTED PASS %s (remove it from %s)" % (m, args.xfail))
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if unexpected or xpass else 0


if __name__ == "__main__":
    sys.exit(main())
