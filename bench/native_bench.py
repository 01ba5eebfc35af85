#!/usr/bin/env python3
"""Native CPU path vs ONNX Runtime vs IREE vs PyTorch eager: median latency
(wall) and median CPU time per inference, same run, same machine, for each
thread count.

  bench/native_bench.py [--runs N] [--only NAME] [--threads 1,2] [--no-iree]
                        [--models default|zoo|all]

Models (random weights, batch 1): torchvision resnet18 and mobilenet_v2
(224x224), nn.TransformerEncoderLayer (d=256, 8 heads, seq 128), a 4096x4096
MLP (2 layers, batch 64); plus a square f32 matmul in GFLOP/s against the
machine's measured FMA peak; --models zoo: eleven more torchvision CNNs
(ZOO below). Models are exported once with torch.onnx.export
(opset 17, dynamo=False). ONNX Runtime is its Python package, in this
process; IREE is iree-base-compiler/-runtime from PyPI (iree-import-onnx,
iree-compile for llvm-cpu with the host CPU, iree-benchmark-module with
local-task and as many task groups as threads). CPU time is the process's
(every thread, spinning workers included). torch-onnx-run compiles each
model once into a fresh compile cache (the cold compile time as it prints
it, and in parentheses the whole process's wall time, start-up included)
and then runs from it (the cached load time). Prints markdown tables."""
import argparse
import atexit
import os
import re
import shutil
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
VENV_BIN = os.path.dirname(sys.executable)


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


# --models zoo: more torchvision CNNs (random weights, batch 1, 224x224),
# for the general case: grouped convolutions (RegNet, ResNeXt), squeeze-
# and-excitation blocks and SiLU (EfficientNet, RegNetY), channel shuffles,
# concatenations, LayerNorm and 7x7 depthwise convolutions (ConvNeXt).
ZOO = ["resnet50", "efficientnet_b0", "regnet_y_400mf", "regnet_x_400mf",
       "resnext50_32x4d", "shufflenet_v2_x1_0", "densenet121",
       "squeezenet1_1", "googlenet", "mnasnet1_0", "convnext_tiny"]


def zoo_cases():
    torch.manual_seed(0)
    for name in ZOO:
        model = getattr(torchvision.models, name)(weights=None).eval()
        yield name, model, (torch.randn(1, 3, 224, 224),), None


def cases(mm):
    torch.manual_seed(0)
    yield "resnet18", torchvision.models.resnet18().eval(), (torch.randn(1, 3, 224, 224),), None
    yield "mobilenet_v2", torchvision.models.mobilenet_v2().eval(), (torch.randn(1, 3, 224, 224),), None
    enc = torch.nn.TransformerEncoderLayer(256, 8, dim_feedforward=1024,
                                           batch_first=True).eval()
    yield "transformer_layer", enc, (torch.randn(1, 128, 256),), None
    yield "mlp_4096", MLP().eval(), (torch.randn(64, 4096),), None
    yield "matmul_%d" % mm, MatMul(), (torch.randn(mm, mm), torch.randn(mm, mm)), 2.0 * mm ** 3


PEAK_C = r"""
#include <immintrin.h>
#include <stdio.h>
#include <time.h>
/* 12 independent FMA chains in registers (enough to cover the FMA
 * latency on two pipes) of the widest vector the compiler targets, 2 flops
 * per lane. */
int main(void) {
#if defined(__AVX512F__)
  typedef __m512 V; enum { L = 16 };
#define FMA _mm512_fmadd_ps
#define SET _mm512_set1_ps
#else
  typedef __m256 V; enum { L = 8 };
#define FMA _mm256_fmadd_ps
#define SET _mm256_set1_ps
#endif
  V x = SET(0.999999f), y = SET(1e-7f);
  V a0 = SET(0), a1 = SET(1), a2 = SET(2), a3 = SET(3), a4 = SET(4),
    a5 = SET(5), a6 = SET(6), a7 = SET(7), a8 = SET(8), a9 = SET(9),
    a10 = SET(10), a11 = SET(11);
  long n = 400000000L / 12;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (long k = 0; k < n; ++k) {
    a0 = FMA(a0, x, y); a1 = FMA(a1, x, y); a2 = FMA(a2, x, y);
    a3 = FMA(a3, x, y); a4 = FMA(a4, x, y); a5 = FMA(a5, x, y);
    a6 = FMA(a6, x, y); a7 = FMA(a7, x, y); a8 = FMA(a8, x, y);
    a9 = FMA(a9, x, y); a10 = FMA(a10, x, y); a11 = FMA(a11, x, y);
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  V t = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11;
  float buf[16], s = 0;
  *(V *)buf = t;
  s = buf[0];
  double sec = (t1.tv_sec - t0.tv_sec) + 1e-9 * (t1.tv_nsec - t0.tv_nsec);
  printf("%f %d %f\n", 2.0 * L * 12 * n / sec / 1e9, L, s);
  return 0;
}
"""


def measured_peak():
    """Single-core f32 FMA peak in GFLOP/s, measured: a C loop of 12
    independent FMA chains on the widest vectors the host has (AVX-512 or
    AVX2), compiled with cc -O2 -march=native; None without a C compiler."""
    cc = shutil.which("cc")
    if not cc:
        return None, None
    d = tempfile.mkdtemp(prefix="tonnx-peak-")
    src, exe = os.path.join(d, "peak.c"), os.path.join(d, "peak")
    open(src, "w").write(PEAK_C)
    if subprocess.run([cc, "-O2", "-march=native", src, "-o", exe],
                      capture_output=True).returncode:
        return None, None
    best = 0.0
    for _ in range(3):
        out = subprocess.run([exe], capture_output=True, text=True).stdout
        g, lanes, _ = out.split()
        best = max(best, float(g))
    return best, int(lanes)


def timed(fn, runs):
    """Median wall and CPU (process) ms of fn() after 3 warm-up calls."""
    for _ in range(3):
        fn()
    wall, cpu = [], []
    for _ in range(runs):
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        wall.append((time.perf_counter() - t0) * 1e3)
        cpu.append((time.process_time() - c0) * 1e3)
    return float(np.median(wall)), float(np.median(cpu))


def bench_torch(model, args, runs):
    with torch.no_grad():
        return timed(lambda: model(*args), runs)


def bench_ort(path, runs, threads):
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
        return None, None
    feeds = {i.name: np.zeros([d if isinstance(d, int) and d > 0 else 1
                               for d in i.shape], np.float32)
             for i in sess.get_inputs()}
    return timed(lambda: sess.run(None, feeds), runs)


def iree_compile(path, tmp):
    """ONNX -> IREE module for llvm-cpu on this host; (vmfb, compile ms) or
    (None, None)."""
    imp = os.path.join(VENV_BIN, "iree-import-onnx")
    comp = os.path.join(VENV_BIN, "iree-compile")
    if not (os.path.exists(imp) and os.path.exists(comp)):
        return None, None
    base = os.path.splitext(os.path.basename(path))[0]
    mlir = os.path.join(tmp, base + ".iree.mlir")
    vmfb = os.path.join(tmp, base + ".vmfb")
    p = subprocess.run([imp, path, "-o", mlir], capture_output=True, text=True)
    if p.returncode:
        print("%s: iree-import-onnx failed: %s" % (base, p.stderr[-300:]),
              file=sys.stderr)
        return None, None
    t0 = time.perf_counter()
    p = subprocess.run([comp, mlir, "--iree-hal-target-device=local",
                        "--iree-hal-local-target-device-backends=llvm-cpu",
                        "--iree-llvmcpu-target-cpu=host", "-o", vmfb],
                       capture_output=True, text=True)
    ms = (time.perf_counter() - t0) * 1e3
    if p.returncode:
        print("%s: iree-compile failed: %s" % (base, p.stderr[-300:]),
              file=sys.stderr)
        return None, None
    return vmfb, ms


def bench_iree(vmfb, inputs, runs, threads):
    """iree-benchmark-module (local-task, `threads` task groups), median of
    `runs` repetitions of 5 calls each: (wall ms, CPU ms)."""
    tool = os.path.join(VENV_BIN, "iree-benchmark-module")
    if not vmfb or not os.path.exists(tool):
        return None, None
    cmd = [tool, "--module=" + vmfb, "--device=local-task",
           "--task_topology_max_group_count=%d" % threads,
           "--function=main_graph", "--benchmark_repetitions=%d" % runs,
           "--benchmark_min_time=5x"]
    for t in inputs:
        cmd.append("--input=%sxf32=0" % "x".join(str(d) for d in t.shape))
    p = subprocess.run(cmd, capture_output=True, text=True)
    m = re.search(r"real_time_median\s+([\d.]+) (ms|us)\s+([\d.]+) (ms|us)",
                  p.stdout)
    if not m:
        print("iree-benchmark-module failed: %s" % (p.stderr or p.stdout)[-300:],
              file=sys.stderr)
        return None, None
    scale = lambda v, u: float(v) / (1e3 if u == "us" else 1)
    return scale(m.group(1), m.group(2)), scale(m.group(3), m.group(4))


def compile_ours(path, cache):
    """Compiles the model into the (empty) compile cache `cache`: the cold
    compile time in ms as torch-onnx-run prints it, and the whole process's
    wall time (start-up included), or None."""
    t0 = time.perf_counter()
    p = subprocess.run([RUN, path, "--compile-only", "--cache-dir", cache],
                       capture_output=True, text=True)
    process_ms = (time.perf_counter() - t0) * 1e3
    m = re.search(r"compiled for this CPU in (\d+) ms \(stored", p.stdout)
    if not m:
        print("torch-onnx-run failed: %s" % p.stderr.strip()[-300:],
              file=sys.stderr)
    return "%s (%d)" % (m.group(1), process_ms) if m else None


def bench_ours(path, runs, threads, *extra):
    """Wall and CPU ms per run, and the compile time the run printed (the
    compile cache's load time once compile_ours has run)."""
    p = subprocess.run([RUN, path, "--zero-inputs", "--benchmark", str(runs),
                        "--num-threads", str(threads), *extra],
                       capture_output=True, text=True)
    m = re.search(r"median ([\d.]+) ms.*compile (\d+) ms.*cpu time median "
                  r"([\d.]+) ms", p.stdout)
    if not m:
        print("torch-onnx-run failed: %s" % p.stderr.strip()[-300:],
              file=sys.stderr)
        return None, None, None
    return float(m.group(1)), float(m.group(3)), int(m.group(2))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--only", default="")
    ap.add_argument("--matmul", type=int, default=1024)
    ap.add_argument("--no-iree", action="store_true")
    ap.add_argument("--models", choices=["default", "zoo", "all"],
                    default="default",
                    help="the five models above, the CNN zoo, or both")
    args = ap.parse_args()
    threads = [int(t) for t in args.threads.split(",")]
    tmp = tempfile.mkdtemp(prefix="tonnx-bench-")
    # ~1 GB of models, compiled libraries and IREE modules per run.
    atexit.register(shutil.rmtree, tmp, ignore_errors=True)
    cache = os.path.join(tmp, "compile-cache")
    peak1, lanes = measured_peak()
    models = []
    chosen = []
    if args.models in ("default", "all"):
        chosen += list(cases(args.matmul))
    if args.models in ("zoo", "all"):
        chosen += list(zoo_cases())
    for name, model, inputs, flops in chosen:
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
        vmfb, iree_ms = (None, None) if args.no_iree else iree_compile(path, tmp)
        cold = compile_ours(path, cache)
        models.append((name, model, inputs, flops, path, vmfb, iree_ms, cold))
    fmt = lambda v: "%.2f" % v if v is not None else "fail"
    ratio = lambda a, b: "%.2fx" % (a / b) if a and b else "-"
    for nt in threads:
        torch.set_num_threads(nt)
        # One engine over every model, then the next: PyTorch's worker
        # threads, left spinning after its runs, had slowed the 2-thread
        # runs of the engine measured right after it (EfficientNet-B0: 12.9
        # ms in the bench, 7.0 ms alone).
        ours_r, ort_r, iree_r, pt_r = [], [], [], []
        for name, model, inputs, flops, path, vmfb, iree_ms, cold in models:
            ours_r.append(bench_ours(path, args.runs, nt, "--cache-dir", cache))
        for name, model, inputs, flops, path, vmfb, iree_ms, cold in models:
            ort_r.append(bench_ort(path, args.runs, nt))
        for name, model, inputs, flops, path, vmfb, iree_ms, cold in models:
            iree_r.append(bench_iree(vmfb, inputs, args.runs, nt))
        for name, model, inputs, flops, path, vmfb, iree_ms, cold in models:
            zeros = tuple(torch.zeros_like(t) for t in inputs)
            pt_r.append(bench_torch(model, zeros, args.runs))
        rows = []
        for k, (name, model, inputs, flops, path, vmfb, iree_ms,
                cold) in enumerate(models):
            ours, ours_cpu, load_ms = ours_r[k]
            compile_ms = "%s / %s" % (cold if cold is not None else "-",
                                      load_ms if load_ms is not None else "-")
            rows.append((name, ours, ours_cpu, *ort_r[k], *iree_r[k],
                         *pt_r[k], compile_ms, iree_ms, flops))
        peak = peak1 * nt if peak1 else None
        print("\n%d thread%s, median of %d runs (wall ms / CPU ms per "
              "inference)%s\n" % (
                  nt, "s" if nt > 1 else "", args.runs,
                  "; measured FMA peak %.0f GFLOP/s (%d x %.1f, %d-lane f32 "
                  "FMA loop)" % (peak, nt, peak1, lanes) if peak else ""))
        print("| model | torch-onnx | ONNX Runtime | IREE | PyTorch eager "
              "| ours / ORT | ours / IREE | ours / PyTorch "
              "| compile cold (process) / cached load (ms) | IREE compile (ms) |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for (name, ours, ours_cpu, ort_ms, ort_cpu, iree, iree_cpu, pt, pt_cpu,
             cms, ims, flops) in rows:
            pair = lambda w, c: "%s / %s" % (fmt(w), fmt(c))
            print("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                name, pair(ours, ours_cpu), pair(ort_ms, ort_cpu),
                "-" if args.no_iree else pair(iree, iree_cpu),
                pair(pt, pt_cpu), ratio(ours, ort_ms),
                ratio(ours, iree), ratio(ours, pt),
                cms,
                "%.0f" % ims if ims is not None else "-"))
        for (name, ours, _, ort_ms, _, iree, _, pt, _, _, _, flops) in rows:
            if not flops:
                continue
            g = lambda ms: ("%.1f GFLOP/s%s" % (
                flops / ms / 1e6,
                " (%.0f%% of peak)" % (100 * flops / ms / 1e6 / peak)
                if peak else "")) if ms else "fail"
            print("\n%s: torch-onnx %s; ORT %s; IREE %s; PyTorch %s" % (
                name, g(ours), g(ort_ms), "skipped" if args.no_iree else g(iree),
                g(pt)))


if __name__ == "__main__":
    main()
