#!/usr/bin/env python3
"""Runs the bundle bench/cuda/prepare.py built on a machine with an NVIDIA
GPU and prints a table: per model pass/fail against the reference outputs,
our latency (AOT library through bench/cuda/runner) and PyTorch eager's on
the same GPU.

  python3 device_check.py [--bundle DIR] [--runs 20] [--timeout 60]
                          [--json results.json]

Needs Python 3 and PyTorch (for comparisons and the eager timings; CUDA
PyTorch for the latter); the libraries need libc and the NVIDIA driver.
Each model gets --timeout seconds, so a broken kernel cannot hang the
check. Without a GPU every row reports the runtime's "no CUDA
driver/device found"."""
import argparse
import json
import os
import statistics
import struct
import subprocess
import sys
import tempfile
import time

import torch

DTYPES = {1: torch.float32, 2: torch.uint8, 3: torch.int8, 5: torch.int16,
          6: torch.int32, 7: torch.int64, 9: torch.bool, 10: torch.float16,
          11: torch.float64}
RTOL, ATOL = 1e-3, 1e-5


def read_tensor(path):
    """(dtype code, shape, tensor or None, raw bytes); unsigned types wider
    than 8 bits have no torch dtype and compare bytewise."""
    with open(path, "rb") as f:
        data = f.read()
    dtype, rank = struct.unpack_from("<ii", data, 0)
    shape = tuple(struct.unpack_from("<%dq" % rank, data, 8))
    payload = bytearray(data[8 + 8 * rank:])
    t = None
    if dtype in DTYPES:
        t = torch.frombuffer(payload, dtype=DTYPES[dtype]) if payload else \
            torch.empty(0, dtype=DTYPES[dtype])
        t = t.reshape(shape)
    return dtype, shape, t, bytes(payload)


def compare(expected, got, atol=ATOL):
    (rd, rshape, ref, rbytes), (gd, gshape, out, gbytes) = expected, got
    if rshape != gshape:
        return "shape %s, expected %s" % (list(gshape), list(rshape))
    if rd != gd:
        return "dtype %d, expected %d" % (gd, rd)
    if ref is None:
        return None if rbytes == gbytes else "values differ"
    if ref.is_floating_point():
        ok = torch.isclose(out.double(), ref.double(), rtol=RTOL, atol=atol,
                           equal_nan=True)
        if not bool(ok.all()):
            diff = (out.double() - ref.double()).abs()[~ok]
            return "values differ (max abs diff %.3g, %d of %d)" % (
                float(diff.nan_to_num(float("inf")).max()), int((~ok).sum()),
                ok.numel())
    elif not torch.equal(ref, out):
        return "values differ (%d of %d)" % (int((ref != out).sum()),
                                             ref.numel())
    return None


def run_ours(bundle, case, runs, timeout):
    cdir = os.path.join(bundle, case["dir"])
    with tempfile.TemporaryDirectory() as out:
        cmd = [os.path.join(bundle, "runner"), os.path.join(cdir, "libmodel.so"),
               "model", cdir, out, str(runs)]
        try:
            p = subprocess.run(cmd, capture_output=True, text=True,
                               timeout=timeout)
        except subprocess.TimeoutExpired:
            return "timeout (%d s)" % timeout, None
        if p.returncode:
            msg = (p.stderr.strip().splitlines() or
                   ["exit %d" % p.returncode])[-1]
            if p.returncode < 0:
                msg = "crashed (signal %d) %s" % (-p.returncode, msg)
            return msg[:160], None
        ms = None
        for line in p.stdout.splitlines():
            if line.startswith("median_ms"):
                ms = float(line.split()[1])
        # Whole networks reduce over thousands of terms in another order
        # than the CPU did: absolute tolerance relative to the output scale.
        atol = max(ATOL, 1e-4 * case.get("ref_max_abs", 0.0))
        for k in range(case["outputs"]):
            err = compare(read_tensor(os.path.join(cdir, "expected_%d.tensor" % k)),
                          read_tensor(os.path.join(out, "output_%d.tensor" % k)),
                          atol)
            if err:
                return "output %d: %s" % (k, err), ms
        return "pass", ms


def run_eager(bundle, case, runs):
    if not torch.cuda.is_available():
        return None
    cdir = os.path.join(bundle, case["dir"])
    model = torch.jit.load(os.path.join(cdir, "eager.pt"),
                           map_location="cuda").eval()
    inputs, k = [], 0
    while os.path.exists(os.path.join(cdir, "input_%d.tensor" % k)):
        inputs.append(read_tensor(
            os.path.join(cdir, "input_%d.tensor" % k))[2].cuda())
        k += 1
    ms = []
    with torch.no_grad():
        for r in range(runs + 3):
            torch.cuda.synchronize()
            t0 = time.perf_counter()
            model(*inputs)
            torch.cuda.synchronize()
            if r >= 3:
                ms.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(ms)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bundle", default=here)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--timeout", type=int, default=60)
    ap.add_argument("--json", default="")
    args = ap.parse_args()
    bundle = os.path.abspath(args.bundle)
    manifest = json.load(open(os.path.join(bundle, "manifest.json")))
    gpu = torch.cuda.get_device_name(0) if torch.cuda.is_available() else "none"
    print("GPU: %s; PyTorch %s; code for %s" % (gpu, torch.__version__,
                                                manifest["chip"]))
    start = time.time()
    rows = []
    print("| model | kind | result | torch-onnx ms | PyTorch eager ms | ours/eager |")
    print("|---|---|---|---|---|---|")
    for case in manifest["cases"]:
        row = {"name": case["name"], "kind": case["kind"]}
        if "compile_error" in case:
            row["result"] = "not compiled: " + case["compile_error"]
        else:
            bench = case["kind"] == "bench"
            try:
                row["result"], row["ms"] = run_ours(bundle, case,
                                                    args.runs if bench else 0,
                                                    args.timeout)
            except Exception as e:  # a broken output file: report it
                row["result"], row["ms"] = "error: %s" % str(e)[:160], None
            if bench:
                try:
                    row["eager_ms"] = run_eager(bundle, case, args.runs)
                except Exception as e:  # report, keep going
                    row["eager_error"] = str(e)[:160]
        fmt = lambda v: "%.3f" % v if v else "-"
        ratio = "%.2fx" % (row["ms"] / row["eager_ms"]) \
            if row.get("ms") and row.get("eager_ms") else "-"
        print("| %s | %s | %s | %s | %s | %s |" % (
            row["name"], row["kind"], row["result"], fmt(row.get("ms")),
            fmt(row.get("eager_ms")), ratio), flush=True)
        rows.append(row)
    onnx_rows = [r for r in rows if r["kind"] == "onnx"]
    passed = sum(1 for r in onnx_rows if r["result"] == "pass")
    print("\nONNX backend subset: %d of %d pass on %s; benchmark models: %d of "
          "%d pass; %.0f s" % (passed, len(onnx_rows), gpu,
                               sum(1 for r in rows if r["kind"] == "bench" and
                                   r["result"] == "pass"),
                               sum(1 for r in rows if r["kind"] == "bench"),
                               time.time() - start))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"gpu": gpu, "torch": torch.__version__, "rows": rows},
                      f, indent=1)


if __name__ == "__main__":
    main()
