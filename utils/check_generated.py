#!/usr/bin/env python3
"""Regenerates the committed generated ODS into a temporary directory and
compares, or (without --check) writes it in place.

    check_generated.py --python-torch PY --python-onnx PY [--check] [--root DIR]

Each generator runs under the interpreter that has its schemas: PyTorch's
(the project venv) for utils/gen_torch_ops.py, Debian's python3-onnx for
utils/gen_onnx_ops.py. On drift, --check prints the diff and the command
that regenerates the files (utils/regenerate-ods.sh) and exits 1.
"""
import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tempfile

TORCH_TD = "include/torch-onnx/Dialect/Torch/IR/GeneratedTorchOps.td"
ONNX_TD = "include/torch-onnx/Dialect/ONNX/IR/GeneratedONNXOps.td"
ONNX_TABLE = "lib/Dialect/ONNX/IR/GeneratedONNXOpTable.inc"
ONNX_LISTS = "include/torch-onnx/Dialect/ONNX/IR/GeneratedONNXOpLists.h.inc"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--python-torch", required=True)
    ap.add_argument("--python-onnx", required=True)
    ap.add_argument("--root", default=os.path.dirname(
        os.path.dirname(os.path.abspath(__file__))))
    ap.add_argument("--check", action="store_true")
    opts = ap.parse_args()
    root = opts.root
    with tempfile.TemporaryDirectory(prefix="torch_onnx_ods_") as tmp:
        outs = {TORCH_TD: os.path.join(tmp, "torch.td"),
                ONNX_TD: os.path.join(tmp, "onnx.td"),
                ONNX_TABLE: os.path.join(tmp, "onnx.inc"),
                ONNX_LISTS: os.path.join(tmp, "onnx_lists.inc")}
        subprocess.run([opts.python_torch,
                        os.path.join(root, "utils/gen_torch_ops.py"),
                        outs[TORCH_TD]], check=True)
        subprocess.run([opts.python_onnx,
                        os.path.join(root, "utils/gen_onnx_ops.py"),
                        outs[ONNX_TD], outs[ONNX_TABLE], outs[ONNX_LISTS]], check=True)
        drift = []
        for rel, new in outs.items():
            path = os.path.join(root, rel)
            old_text = open(path).read() if os.path.exists(path) else ""
            new_text = open(new).read()
            if old_text == new_text:
                continue
            drift.append(rel)
            if opts.check:
                sys.stdout.writelines(difflib.unified_diff(
                    old_text.splitlines(True), new_text.splitlines(True),
                    rel + " (committed)", rel + " (regenerated)", n=1))
            else:
                shutil.copyfile(new, path)
    if not drift:
        print("generated ODS up to date")
        return 0
    if opts.check:
        print("\nerror: the committed generated ODS differs from what the "
              "generators write now (" + ", ".join(drift) + "); run "
              "utils/regenerate-ods.sh and commit the result",
              file=sys.stderr)
        return 1
    print("regenerated: " + ", ".join(drift))
    return 0


if __name__ == "__main__":
    sys.exit(main())
