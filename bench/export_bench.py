#!/usr/bin/env python3
"""Export benchmark: torch_onnx.export (dynamo=False: TorchScript frontend;
dynamo=True: torch.export frontend) vs torch.onnx.export (dynamo=False, the
TorchScript exporter, and dynamo=True, the torch.export one), same run.

For each model it runs every exporter in a fresh process (so peak RSS is the
exporter's own) `--repeat` times and prints the median wall time and the
median peak RSS of the exporting process(es): for torch_onnx that is the
larger of the Python process (tracing + torch.jit.save) and the C++
torch-onnx-export process.

    bench/export_bench.py [--models resnet18,mlp1g,mlp2_5g] [--repeat 3]

Models: torchvision resnet18 (batch 2); a 6-layer TransformerEncoder (d=512);
deep MLPs of 4096x4096 Linear layers holding
1 GiB (16 layers) and 2.5 GiB (40 layers) of float32 weights. The 2.5 GiB
model is past protobuf's 2 GiB limit, so both exporters write external data.
"""

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PY = sys.executable  # the project venv's (utils/env.sh)

CHILD = r'''
import json, os, resource, sys, time
sys.path.insert(0, os.path.join(sys.argv[1], "python"))
import torch
which, model_name, out = sys.argv[2], sys.argv[3], sys.argv[4]
torch.manual_seed(0)
if model_name == "resnet18":
    import torchvision
    model = torchvision.models.resnet18().eval()
    args = (torch.randn(2, 3, 224, 224),)
elif model_name == "transformer":
    model = torch.nn.TransformerEncoder(
        torch.nn.TransformerEncoderLayer(512, 8, 2048, dropout=0.0,
                                         batch_first=True),
        num_layers=6, enable_nested_tensor=False).eval()
    args = (torch.randn(2, 16, 512),)
else:
    layers = {"mlp1g": 16, "mlp2_5g": 40}[model_name]
    with torch.no_grad():
        mods = []
        for _ in range(layers):
            lin = torch.nn.Linear(4096, 4096, bias=False)
            mods += [lin, torch.nn.ReLU()]
        model = torch.nn.Sequential(*mods).eval()
    args = (torch.randn(2, 4096),)
t0 = time.time()
import warnings
warnings.simplefilter("ignore")
if which == "torch.onnx-dynamo":
    batch = torch.export.Dim("batch")
    torch.onnx.export(model, args, out, opset_version=17, dynamo=True,
                      input_names=["x"], dynamic_shapes=({0: batch},))
elif which == "torch.onnx":
    torch.onnx.export(model, args, out, opset_version=17, dynamo=False,
                      input_names=["x"], dynamic_axes={"x": {0: "batch"}})
elif which == "torch_onnx-dynamo":
    import torch_onnx
    batch = torch.export.Dim("batch")
    torch_onnx.export(model, args, out, opset_version=17, dynamo=True,
                      input_names=["x"], dynamic_shapes=({0: batch},))
else:
    import torch_onnx
    torch_onnx.export(model, args, out, opset_version=17, dynamo=False,
                      input_names=["x"], dynamic_axes={"x": {0: "batch"}})
dt = time.time() - t0
self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
child_rss = 0
if os.path.exists(os.environ["EXPORT_BENCH_RSS"]):
    child_rss = int(open(os.environ["EXPORT_BENCH_RSS"]).read()) * 1024
print(json.dumps({"time": dt, "self_rss": self_rss, "child_rss": child_rss}))
'''

# torch-onnx-export's own peak RSS: a child's ru_maxrss counts what it
# inherited from a large parent at fork, so a small wrapper process starts it
# and reads its rusage with wait4.
WRAPPER = r'''
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(os.environ["EXPORT_BENCH_REAL"], [os.environ["EXPORT_BENCH_REAL"]] + sys.argv[1:])
_, status, ru = os.wait4(pid, 0)
with open(os.environ["EXPORT_BENCH_RSS"], "w") as fh:
    fh.write(str(ru.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
'''

WEIGHTS = {"resnet18": 11_689_512 * 4, "transformer": 6 * 3_152_384 * 4,
           "mlp1g": 16 * 4096 * 4096 * 4,
           "mlp2_5g": 40 * 4096 * 4096 * 4}


def run(which, model, tmp):
    out = os.path.join(tmp, f"{model}_{which}.onnx")
    for f in os.listdir(tmp):
        os.remove(os.path.join(tmp, f))
    aux = tmp + "_aux"
    os.makedirs(aux, exist_ok=True)
    wrapper = os.path.join(aux, "export_wrapper.py")
    with open(wrapper, "w") as fh:
        fh.write(f"#!{PY}\n" + WRAPPER)
    os.chmod(wrapper, 0o755)
    rss = os.path.join(aux, "rss")
    if os.path.exists(rss):
        os.remove(rss)
    real = os.environ.get("TORCH_ONNX_EXPORT",
                          os.path.join(ROOT, "build", "bin", "torch-onnx-export"))
    env = dict(os.environ, TORCH_ONNX_EXPORT=wrapper, EXPORT_BENCH_REAL=real,
               EXPORT_BENCH_RSS=rss)
    p = subprocess.run([PY, "-c", CHILD, ROOT, which, model, out],
                       capture_output=True, text=True, env=env)
    if p.returncode != 0:
        return None, p.stderr.strip().splitlines()[-1:] or ["failed"]
    rec = json.loads(p.stdout.strip().splitlines()[-1])
    size = sum(os.path.getsize(os.path.join(tmp, f)) for f in os.listdir(tmp))
    rec["size"] = size
    return rec, None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--models", default="resnet18,transformer,mlp1g,mlp2_5g")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--exporters",
                    default="torch.onnx,torch.onnx-dynamo,torch_onnx,"
                            "torch_onnx-dynamo")
    opts = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="export_bench_") as tmp:
        for model in opts.models.split(","):
            for which in opts.exporters.split(","):
                recs, err = [], None
                for _ in range(opts.repeat):
                    rec, err = run(which, model, tmp)
                    if rec is None:
                        break
                    recs.append(rec)
                if not recs:
                    rows.append((model, which, "failed: " + " ".join(err)[:60],
                                 "", "", ""))
                    continue
                t = statistics.median(r["time"] for r in recs)
                py = statistics.median(r["self_rss"] for r in recs)
                cxx = statistics.median(r["child_rss"] for r in recs)
                peak = max(py, cxx)
                w = WEIGHTS[model]
                rows.append((model, which, f"{t:.2f}",
                             f"{peak / 2**30:.2f} (py {py / 2**30:.2f}, "
                             f"c++ {cxx / 2**30:.2f})" if cxx else
                             f"{peak / 2**30:.2f}",
                             f"{cxx / w:.2f}" if which.startswith("torch_onnx")
                             else
                             f"{py / w:.2f}",
                             f"{recs[0]['size'] / 2**20:.0f}"))
                print(" | ".join(rows[-1]), file=sys.stderr)
    shutil.rmtree(tmp + "_aux", ignore_errors=True)
    print("| model | exporter | wall s (median) | peak RSS GiB | "
          "exporter RSS / weights | output MiB |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
