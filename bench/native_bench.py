#!/usr/bin/env python3
"""Native CPU path vs ONNX Runtime vs PyTorch eager: median latency, same
run, same machine, 2 threads each.

  bench/native_bench.py [--runs N] [--only NAME] [--threads 2]

Models (random weights, batch 1): torchvision resnet18 and mobilenet_v2
(224x224), nn.TransformerEncoderLayer (d=256, 8 heads, seq 128), a 4096x4096
MLP (2 layers, batch 64); plus a square f32 matmul in GFLOP/s against the
machine's FMA peak. Models are exported once with torch.onnx.export (opset
17, dynamo=False); ONNX Runtime is its Python package, in this process. Prints a markdown table."""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

import numpy as np
import onnxruntime as ort
import torch
import torchvision

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))), "python"))
import torch_onnx  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUN = os.environ.get("TORCH_ONNX_RUN",
                     os.path.join(ROOT, "build", "bin", "torch-onnx-run"))


class MLP(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = torch.nn.Linear(4096, 4096)
        self.l2 = torch.nn.Linear(4096, 4096)

    def forward(self, x):
        return self.l2(torch.relu(self.l1(x)))


class MatMul(torch.nn.Module):
    def forward(self, a, b):
        return a @ b


def cases(mm):
    torch.manual_seed(0)
    yield "resnet18", torchvision.models.resnet18().eval(), (torch.randn(1, 3, 224, 224),), None
    yield "mobilenet_v2", torchvision.models.mobilenet_v2().eval(), (torch.randn(1, 3, 224, 224),), None
    enc = torch.nn.TransformerEncoderLayer(256, 8, dim_feedforward=1024,
                                           batch_first=True).eval()
    yield "transformer_layer", enc, (torch.randn(1, 128, 256),), None
    yield "mlp_4096", MLP().eval(), (torch.randn(64, 4096),), None
    yield "matmul_%d" % mm, MatMul(), (torch.randn(mm, mm), torch.randn(mm, mm)), 2.0 * mm ** 3


def peak_gflops(threads):
    """2 FMA units x f32 lanes (16 with AVX-512, else 8) x 2 flops per
    core-cycle."""
    mhz = 0.0
    for line in open("/proc/cpuinfo"):
        if line.startswith("cpu MHz"):
            mhz = max(mhz, float(line.split(":")[1]))
    flags = open("/proc/cpuinfo").read()
    lanes = 16 if "avx512f" in flags else 8
    return threads * 2 * lanes * 2 * mhz / 1e3, mhz, lanes


def median_torch(model, args, runs):
    with torch.no_grad():
        for _ in range(3):
            model(*args)
        ts = []
        for _ in range(runs):
            t0 = time.perf_counter()
            model(*args)
            ts.append((time.perf_counter() - t0) * 1e3)
    return float(np.median(ts))


def median_ort(path, runs, threads):
    """ONNX Runtime (CPU, `threads` intra-op threads, all graph
    optimizations) on zero inputs of the model's static shapes."""
    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    so.inter_op_num_threads = 1
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    try:
        sess = ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])
    except Exception as e:  # noqa: BLE001 - reported in the table as "fail"
        print("ONNX Runtime failed: %s" % e, file=sys.stderr)
        return None
    feeds = {i.name: np.zeros([d if isinstance(d, int) and d > 0 else 1
                               for d in i.shape], np.float32)
             for i in sess.get_inputs()}
    for _ in range(3):
        sess.run(None, feeds)
    ts = []
    for _ in range(runs):
        t0 = time.perf_counter()
        sess.run(None, feeds)
        ts.append((time.perf_counter() - t0) * 1e3)
    return float(np.median(ts))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--only", default="")
    ap.add_argument("--matmul", type=int, default=1024)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    tmp = tempfile.mkdtemp(prefix="tonnx-bench-")
    peak, mhz, lanes = peak_gflops(args.threads)
    rows = []
    for name, model, inputs, flops in cases(args.matmul):
        if args.only and args.only not in name:
            continue
        path = os.path.join(tmp, name + ".onnx")
        try:
            torch.onnx.export(model, inputs, path, opset_version=17,
                              dynamo=False)
        except Exception as e:  # noqa: BLE001 - torch 2.14's TorchScript
            # exporter fails on TransformerEncoderLayer (is_causal as a
            # tensor); ours exports it.
            print("%s: torch.onnx.export failed (%s); exported with "
                  "torch_onnx.export" % (name, str(e).splitlines()[-1][:80]),
                  file=sys.stderr)
            torch_onnx.export(model, inputs, path, opset_version=17,
                              dynamo=False)
        def ours_run(*extra):
            p = subprocess.run([RUN, path, "--zero-inputs", "--benchmark",
                                str(args.runs), "--num-threads",
                                str(args.threads), *extra],
                               capture_output=True, text=True)
            m = re.search(r"median ([\d.]+) ms.*compile (\d+) ms", p.stdout)
            if not m:
                print("%s: torch-onnx-run failed: %s" % (
                    name, p.stderr.strip()[-300:]), file=sys.stderr)
                return None, None
            return float(m.group(1)), int(m.group(2))

        ours, compile_ms = ours_run()
        # The same code without its run-time checks (index, shape, divisor,
        # size): their cost is the difference.
        unchecked, _ = ours_run("--runtime-checks=false")
        ort_ms = median_ort(path, args.runs, args.threads)
        zeros = tuple(torch.zeros_like(t) for t in inputs)
        pt_ms = median_torch(model, zeros, args.runs)
        rows.append((name, ours, unchecked, ort_ms, pt_ms, compile_ms, flops))
    print("\n%d threads, median of %d runs; peak %.0f GFLOP/s (%d cores x "
          "2 FMA x %d f32 x 2 at %.0f MHz)\n" % (args.threads, args.runs, peak,
                                                  args.threads, lanes, mhz))
    print("| model | torch-onnx (ms) | without run-time checks (ms) "
          "| ONNX Runtime (ms) | PyTorch eager (ms) "
          "| ours / ORT | ours / PyTorch | JIT compile (ms) |")
    print("|---|---|---|---|---|---|---|---|")
    fmt = lambda v: "%.2f" % v if v is not None else "fail"
    ratio = lambda a, b: "%.2fx" % (a / b) if a and b else "-"
    for name, ours, unchecked, ort_ms, pt_ms, cms, flops in rows:
        print("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
            name, fmt(ours), fmt(unchecked), fmt(ort_ms), fmt(pt_ms),
            ratio(ours, ort_ms),
            ratio(ours, pt_ms), cms if cms is not None else "-"))
        if flops:
            g = lambda ms: "%.1f GFLOP/s (%.0f%% of peak)" % (
                flops / ms / 1e6, 100 * flops / ms / 1e6 / peak) if ms else "fail"
            print("\n%s: torch-onnx %s; ORT %s; PyTorch %s\n" % (
                name, g(ours), g(ort_ms), g(pt_ms)))


if __name__ == "__main__":
    main()
