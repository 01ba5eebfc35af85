#!/usr/bin/env python3
"""Builds the bundle bench/cuda/device_check.py runs on a GPU machine.

  bench/cuda/prepare.py [--out build/cuda-check] [--chip sm_90]
                        [--max-onnx 120] [--only SUBSTR] [--no-bench]

Here (no GPU needed): AOT-compiles with `torch-onnx-compile --target=cuda`
  * one ONNX backend test model per distinct op set among those that pass
    natively on the CPU (utils/conformance/native-xfail.txt), with their
    inputs and reference outputs;
  * the CPU benchmark's models that fit the bundle (mobilenet_v2,
    TransformerEncoderLayer d=256, a 1024^3 matmul, batch 1, random
    weights): inputs, PyTorch's CPU outputs as the reference and a
    TorchScript copy for PyTorch eager timing on the GPU;
plus `runner` (bench/cuda/runner.c, libc only). Models whose CUDA lowering
fails are listed in the manifest with the compiler's message. Tensors are
stored as .tensor files (int32 dtype, int32 rank, int64 dims, raw data) so
the device side needs only Python and PyTorch. The whole bundle must stay
under 64 MiB (what a device check may carry); the script says how big it is.
"""
import argparse
import json
import os
import shutil
import struct
import subprocess
import sys

import numpy as np
import onnx
from onnx import numpy_helper

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "utils", "conformance"))
import native  # noqa: E402  (models(), read_xfail())

COMPILE = os.environ.get("TORCH_ONNX_COMPILE",
                         os.path.join(ROOT, "build", "bin", "torch-onnx-compile"))
LIMIT = 64 << 20

DTYPES = {np.dtype(np.float32): 1, np.dtype(np.uint8): 2, np.dtype(np.int8): 3,
          np.dtype(np.uint16): 4, np.dtype(np.int16): 5, np.dtype(np.int32): 6,
          np.dtype(np.int64): 7, np.dtype(np.bool_): 9, np.dtype(np.float16): 10,
          np.dtype(np.float64): 11, np.dtype(np.uint32): 12,
          np.dtype(np.uint64): 13}


def write_tensor(path, a):
    a = np.require(a, requirements="C")  # keeps 0-d arrays 0-d
    with open(path, "wb") as f:
        f.write(struct.pack("<ii", DTYPES[a.dtype], a.ndim))
        f.write(struct.pack("<%dq" % a.ndim, *a.shape))
        f.write(a.tobytes())


def convert_pbs(src, prefix, dst, new_prefix):
    """<src>/<prefix>_<k>.pb -> <dst>/<new_prefix>_<k>.tensor; returns the
    count."""
    k = 0
    while os.path.exists(os.path.join(src, "%s_%d.pb" % (prefix, k))):
        a = numpy_helper.to_array(onnx.load_tensor(
            os.path.join(src, "%s_%d.pb" % (prefix, k))))
        write_tensor(os.path.join(dst, "%s_%d.tensor" % (new_prefix, k)), a)
        k += 1
    return k


def compile_model(model, lib, chip):
    p = subprocess.run([COMPILE, "--target=cuda", "--cuda-chip=" + chip,
                        model, "-o", lib, "--name", "model"],
                       capture_output=True, text=True)
    if p.returncode:
        lines = [l for l in p.stderr.splitlines() if "error" in l]
        return (lines[0] if lines else p.stderr.strip()[-300:])[:300]
    return None


def onnx_cases(args, out):
    xfail = native.read_xfail(os.path.join(ROOT, "utils", "conformance",
                                           "native-xfail.txt"))
    seen, cases = set(), []
    for suite, name, d, sets in native.models():
        if name in xfail or (args.only and args.only not in name):
            continue
        m = onnx.load(os.path.join(d, "model.onnx"), load_external_data=False)
        key = tuple(sorted({n.op_type for n in m.graph.node}))
        if key in seen:
            continue
        seen.add(key)
        case = {"name": name, "kind": "onnx", "suite": suite}
        cdir = os.path.join(out, "onnx", name)
        os.makedirs(cdir, exist_ok=True)
        err = compile_model(os.path.join(d, "model.onnx"),
                            os.path.join(cdir, "libmodel.so"), args.chip)
        if err:
            case["compile_error"] = err
            shutil.rmtree(cdir)
        else:
            convert_pbs(sets[0], "input", cdir, "input")
            case["dir"] = os.path.relpath(cdir, out)
            case["outputs"] = convert_pbs(sets[0], "output", cdir, "expected")
        print("  %-50s %s" % (name, "compile error: " + err if err else "ok"),
              flush=True)
        cases.append(case)
        if len(cases) >= args.max_onnx:
            break
    return cases


def bench_cases(args, out):
    import torch
    import torchvision

    class MatMul(torch.nn.Module):
        def forward(self, a, b):
            return a @ b

    torch.manual_seed(0)
    enc = torch.nn.TransformerEncoderLayer(256, 8, dim_feedforward=1024,
                                           batch_first=True).eval()
    mobilenet = torchvision.models.mobilenet_v2()
    # Fresh batch-norm statistics make a random-weight network's outputs
    # ~1e-9, a reference that any tolerance accepts; statistics from a few
    # batches give outputs of order 1.
    with torch.no_grad():
        for _ in range(3):
            mobilenet(torch.randn(8, 3, 224, 224))
    models = [
        ("mobilenet_v2", mobilenet.eval(), (torch.randn(1, 3, 224, 224),),
         None),
        ("transformer_layer", enc, (torch.randn(1, 128, 256),), None),
        ("matmul_1024", MatMul(), (torch.randn(1024, 1024),
                                   torch.randn(1024, 1024)), 2.0 * 1024 ** 3),
    ]
    cases = []
    for name, model, inputs, flops in models:
        if args.only and args.only not in name:
            continue
        cdir = os.path.join(out, "bench", name)
        os.makedirs(cdir, exist_ok=True)
        onnx_path = os.path.join(cdir, "model.onnx")
        # Outside no_grad: the encoder layer's fused fast path does not
        # export.
        torch.onnx.export(model, inputs, onnx_path, opset_version=17)
        with torch.no_grad():
            ref = model(*inputs)
            traced = torch.jit.trace(model, inputs)
        traced.save(os.path.join(cdir, "eager.pt"))
        case = {"name": name, "kind": "bench", "dir": os.path.relpath(cdir, out),
                "outputs": 1, "flops": flops,
                "ref_max_abs": float(ref.abs().max())}
        err = compile_model(onnx_path, os.path.join(cdir, "libmodel.so"),
                            args.chip)
        os.remove(onnx_path)
        if err:
            case["compile_error"] = err
        for k, t in enumerate(inputs):
            write_tensor(os.path.join(cdir, "input_%d.tensor" % k), t.numpy())
        write_tensor(os.path.join(cdir, "expected_0.tensor"), ref.numpy())
        print("  %-50s %s" % (name, "compile error: " + err if err else "ok"),
              flush=True)
        cases.append(case)
    return cases


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "cuda-check"))
    ap.add_argument("--chip", default="sm_90")
    ap.add_argument("--max-onnx", type=int, default=120)
    ap.add_argument("--only", default="")
    ap.add_argument("--no-bench", action="store_true")
    args = ap.parse_args()
    out = os.path.abspath(args.out)
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    runtime = os.path.join(os.path.dirname(os.path.dirname(COMPILE)), "lib",
                           "libtorch_onnx_runtime.a")
    subprocess.run(["cc", "-O2", "-I", os.path.join(ROOT, "runtime", "include"),
                    os.path.join(ROOT, "bench", "cuda", "runner.c"), runtime,
                    "-o", os.path.join(out, "runner"), "-ldl"], check=True)
    shutil.copy(os.path.join(ROOT, "bench", "cuda", "device_check.py"), out)
    print("ONNX backend models:")
    cases = onnx_cases(args, out)
    if not args.no_bench:
        print("benchmark models:")
        cases += bench_cases(args, out)
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump({"chip": args.chip, "cases": cases}, f, indent=1)
    size = sum(os.path.getsize(os.path.join(r, f))
               for r, _, fs in os.walk(out) for f in fs)
    compiled = sum(1 for c in cases if "compile_error" not in c)
    print("bundle %s: %d cases (%d compiled for %s), %.1f MiB" %
          (out, len(cases), compiled, args.chip, size / 2**20))
    if size > LIMIT:
        sys.exit("error: the bundle is over 64 MiB; use --max-onnx or --only")


if __name__ == "__main__":
    main()
