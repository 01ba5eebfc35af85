#!/usr/bin/env python3
"""Runs ONNX's backend test models through the native path (torch-onnx-run)
and compares with their reference outputs (rtol 1e-3, atol 1e-7).

  native.py [--only SUBSTR] [--jobs N] [--xfail FILE] [--doc docs/SupportedOps.md]
            [--write-xfail]
  native.py --cuda-compile [...]

With --cuda-compile, each model that passes on the CPU is instead lowered
for the CUDA target (torch-onnx-run --target=cuda --compile-only, PTX for
sm_90: no GPU needed), against utils/conformance/cuda-compile-xfail.txt.

Exit status 1 on an unexpected failure or an unexpected pass (the
expected-failure list must stay honest)."""
import argparse
import collections
import concurrent.futures as cf
import functools
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np
import onnx
from onnx import numpy_helper

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = "/usr/share/libonnx-testdata/data"
SUITES = ["node", "pytorch-converted", "pytorch-operator", "simple"]
RTOL, ATOL = 1e-3, 1e-7


def models():
    for suite in SUITES:
        for d in sorted(glob.glob(os.path.join(DATA, suite, "*"))):
            sets = sorted(glob.glob(os.path.join(d, "test_data_set_*")))
            if os.path.exists(os.path.join(d, "model.onnx")) and sets:
                yield suite, os.path.basename(d), d, sets


def compare(ref, got):
    if ref.shape != got.shape:
        return "shape %s, expected %s" % (list(got.shape), list(ref.shape))
    if ref.dtype != got.dtype:
        return "dtype %s, expected %s" % (got.dtype, ref.dtype)
    if ref.dtype.kind in "fc":
        ok = np.isclose(got, ref, rtol=RTOL, atol=ATOL, equal_nan=True)
        if not ok.all():
            diff = np.abs(got.astype(np.float64) - ref.astype(np.float64))
            diff[np.isnan(diff)] = np.inf
            return "values differ (max abs diff %.3g, %d of %d)" % (
                np.nanmax(diff[~ok]), (~ok).sum(), ok.size)
    elif not np.array_equal(ref, got):
        return "values differ (%d of %d)" % ((ref != got).sum(), ref.size)
    return None


def error_message(p):
    """The first error line of a failed tool run, without its prefix."""
    lines = [l for l in p.stderr.splitlines() if "error" in l]
    msg = lines[0] if lines else (p.stderr.strip().splitlines() or
                                  ["exit %d" % p.returncode])[-1]
    msg = re.sub(r"^.*?error: ", "", msg)
    if p.returncode < 0:
        msg = "crashed (signal %d): %s" % (-p.returncode, msg)
    return msg[:300]


def run_one(runner, name, d, sets, timeout, no_cache=False):
    tmp = tempfile.mkdtemp(prefix="tonnx-")
    try:
        for s in sets:
            ins = sorted(glob.glob(os.path.join(s, "input_*.pb")),
                         key=lambda p: int(re.findall(r"\d+", os.path.basename(p))[0]))
            refs = sorted(glob.glob(os.path.join(s, "output_*.pb")),
                          key=lambda p: int(re.findall(r"\d+", os.path.basename(p))[0]))
            out = os.path.join(tmp, os.path.basename(s))
            # The default path: compiled into a (per-model, temporary)
            # compile cache; a model's later data sets load it from there.
            cmd = [runner, os.path.join(d, "model.onnx"), "--output-dir", out]
            cmd += ["--cache=false"] if no_cache else \
                ["--cache-dir", os.path.join(tmp, "cache")]
            for i in ins:
                cmd += ["--input-pb", i]
            try:
                p = subprocess.run(cmd, capture_output=True, text=True,
                                   timeout=timeout)
            except subprocess.TimeoutExpired:
                return "fail", "timeout (%d s)" % timeout
            if p.returncode != 0:
                return "fail", error_message(p)
            for k, r in enumerate(refs):
                ref = numpy_helper.to_array(onnx.load_tensor(r))
                gp = os.path.join(out, "output_%d.pb" % k)
                if not os.path.exists(gp):
                    return "fail", "output %d missing" % k
                got = numpy_helper.to_array(onnx.load_tensor(gp))
                err = compare(ref, got)
                if err:
                    return "fail", "output %d: %s" % (k, err)
        return "pass", ""
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def compile_one(runner, name, d, sets, timeout):
    cmd = [runner, os.path.join(d, "model.onnx"), "--target=cuda",
           "--compile-only", "--cuda-format=isa"]
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "fail", "timeout (%d s)" % timeout
    return ("pass", "") if p.returncode == 0 else ("fail", error_message(p))


def read_xfail(path):
    x = {}
    if os.path.exists(path):
        for line in open(path):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, _, reason = line.partition("#")
            x[name.strip()] = reason.strip()
    return x


def op_versions(path):
    m = onnx.load(path, load_external_data=False)
    opset = {o.domain or "": o.version for o in m.opset_import}
    ops = set()

    def walk(g):
        for n in g.node:
            dom = n.domain or ""
            try:
                since = onnx.defs.get_schema(n.op_type, opset.get(dom, 1),
                                             dom).since_version
            except Exception:
                since = None
            ops.add((dom, n.op_type, since))
            for a in n.attribute:
                if a.g.node:
                    walk(a.g)
                for gg in a.graphs:
                    walk(gg)
    walk(m.graph)
    return ops


def write_doc(path, results, dirs):
    per_op = collections.defaultdict(lambda: {"pass": 0, "total": 0,
                                              "vpass": set(), "vall": set(),
                                              "reasons": collections.Counter()})
    for name, (status, reason) in results.items():
        for dom, op, since in op_versions(os.path.join(dirs[name], "model.onnx")):
            key = (dom + "." if dom else "") + op
            e = per_op[key]
            e["total"] += 1
            if since:
                e["vall"].add(since)
            if status == "pass":
                e["pass"] += 1
                if since:
                    e["vpass"].add(since)
            else:
                e["reasons"][reason.split(":")[0][:80]] += 1
    npass = sum(1 for s, _ in results.values() if s == "pass")
    with open(path, "w") as f:
        f.write("# Native CPU support (generated)\n\n")
        f.write("Generated by `utils/conformance/native.py --doc` from a run of "
                "the ONNX backend test models (`libonnx-testdata`: node, "
                "pytorch-converted, pytorch-operator, simple) through "
                "`torch-onnx-run` (convert-onnx-to-linalg + "
                "--onnx-to-llvm-pipeline, JIT), compared with the stored "
                "outputs at rtol %g, atol %g.\n\n" % (RTOL, ATOL))
        f.write("**%d of %d models pass.** Failures are listed with their "
                "reasons in `utils/conformance/native-xfail.txt`.\n\n"
                % (npass, len(results)))
        f.write("Per op: the models that contain it (a model fails if any of "
                "its ops does), the op versions (since-version of the schema) "
                "seen in passing / all models, and the most common failure "
                "reasons.\n\n")
        f.write("| op | status | models passing | versions passing | versions "
                "tested | failure reasons |\n|---|---|---|---|---|---|\n")
        for key in sorted(per_op, key=str.lower):
            e = per_op[key]
            st = ("yes" if e["pass"] == e["total"] else
                  "partial" if e["pass"] else "no")
            reasons = "; ".join("%s (%d)" % (r.replace("|", "/"), n)
                                for r, n in e["reasons"].most_common(2))
            f.write("| %s | %s | %d/%d | %s | %s | %s |\n" % (
                key, st, e["pass"], e["total"],
                ", ".join(map(str, sorted(e["vpass"]))) or "-",
                ", ".join(map(str, sorted(e["vall"]))) or "-", reasons))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runner", default=os.environ.get(
        "TORCH_ONNX_RUN", os.path.join(ROOT, "build", "bin", "torch-onnx-run")))
    ap.add_argument("--only", default="")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=int, default=120)
    ap.add_argument("--xfail", default="")
    ap.add_argument("--cuda-compile", action="store_true",
                    help="lower the CPU-passing models for CUDA instead")
    ap.add_argument("--no-cache", action="store_true",
                    help="run through the JIT (torch-onnx-run --cache=false) "
                    "instead of the compile cache's shared libraries")
    ap.add_argument("--write-xfail", action="store_true")
    ap.add_argument("--doc", default="")
    ap.add_argument("--json", default="", help="write the results here")
    ap.add_argument("--from-json", default="",
                    help="use the results of an earlier run (with --json)")
    args = ap.parse_args()
    here = os.path.join(ROOT, "utils", "conformance")
    cpu_xfail = os.path.join(here, "native-xfail.txt")
    if not args.xfail:
        args.xfail = os.path.join(here, "cuda-compile-xfail.txt") \
            if args.cuda_compile else cpu_xfail
    todo = [m for m in models() if args.only in m[1]]
    if args.cuda_compile:
        roots = [os.environ.get(v) for v in ("CUDA_ROOT", "CUDA_HOME",
                                             "CUDA_PATH")] + ["/usr/local/cuda"]
        if not any(r and os.path.exists(os.path.join(
                r, "nvvm", "libdevice", "libdevice.10.bc")) for r in roots):
            print("cuda compile: skipped (no CUDA toolkit with libdevice at "
                  "$CUDA_ROOT or /usr/local/cuda; see docs/CUDA.md)")
            return 0
        cpu_fail = read_xfail(cpu_xfail)
        todo = [m for m in todo if m[1] not in cpu_fail]
    job = compile_one if args.cuda_compile else \
        functools.partial(run_one, no_cache=args.no_cache)
    dirs = {m[1]: m[2] for m in todo}
    results = {}
    t0 = time.time()
    if args.from_json:
        results = {k: tuple(v) for k, v in json.load(open(args.from_json)).items()
                   if k in dirs}
    else:
        with cf.ThreadPoolExecutor(args.jobs) as ex:
            futs = {ex.submit(job, args.runner, n, d, s, args.timeout): n
                    for _, n, d, s in todo}
            for f in cf.as_completed(futs):
                results[futs[f]] = f.result()
    xfail = read_xfail(args.xfail)
    npass = sum(1 for s, _ in results.values() if s == "pass")
    unexpected_fail = sorted(n for n, (s, _) in results.items()
                             if s != "pass" and n not in xfail)
    unexpected_pass = sorted(n for n, (s, _) in results.items()
                             if s == "pass" and n in xfail)
    for n in unexpected_fail:
        print("UNEXPECTED FAIL %s: %s" % (n, results[n][1]))
    for n in unexpected_pass:
        print("UNEXPECTED PASS %s (remove it from %s)" % (n, args.xfail))
    print("%s: %d of %d models %s (%.0f s)" %
          ("cuda compile" if args.cuda_compile else "native conformance",
           npass, len(results),
           "lower to GPU code" if args.cuda_compile else "pass",
           time.time() - t0))
    if args.write_xfail:
        with open(args.xfail, "w") as f:
            if args.cuda_compile:
                f.write("# ONNX backend test models that pass on the CPU but "
                        "do not lower for CUDA yet,\n# with the compiler's "
                        "error. Regenerate: utils/conformance/native.py "
                        "--cuda-compile --write-xfail\n")
            else:
                f.write("# ONNX backend test models the native CPU path does "
                        "not pass yet, with the reason\n# (the runner's error "
                        "or the mismatch). Regenerate: utils/conformance/"
                        "native.py --write-xfail\n")
            for n in sorted(results):
                if results[n][0] != "pass":
                    f.write("%s  # %s\n" % (n, results[n][1].replace("\n", " ")))
    if args.doc:
        write_doc(args.doc, results, dirs)
    if args.json:
        json.dump(results, open(args.json, "w"), indent=1, sort_keys=True)
    if args.write_xfail or args.only:
        return 0
    return 1 if unexpected_fail or unexpected_pass else 0


if __name__ == "__main__":
    sys.exit(main())
