#!/usr/bin/env python3
"""Checks that the three places an aten op is registered agree.

An aten op that torch-to-onnx lowers (`torch-onnx-export --list-lowered-ops`)
and that returns a tensor needs a result-type rule in torch-refine-types
(lib/Dialect/Torch/Transforms/RefineTypes.cpp, keyed by the op name) and the
op in the generated torch dialect (GeneratedTorchOps.td) or under a generic
`torch.operator` key. Ops without a rule are listed in
utils/op-registry-exempt.txt, each with the reason; an entry for an op that
now has a rule, or that is no longer lowered, is an error too (the list only
shrinks). Every lowered op must also be named by a lit test: by its torch
dialect name in a .mlir test, or by its FX target (torch.ops.aten.X) in a
.test that checks the torch.export importer's handling of it.

  check_op_registry.py --export build/bin/torch-onnx-export [--root DIR]
                       [--exempt FILE] [--tests DIR]
"""
import argparse
import glob
import os
import re
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--export", required=True)
    ap.add_argument("--exempt", help="exemption list (default: "
                    "utils/op-registry-exempt.txt)")
    ap.add_argument("--root", default=os.path.dirname(
        os.path.dirname(os.path.abspath(__file__))))
    ap.add_argument("--tests", help="the lit tests' directory (default: "
                    "ROOT/test)")
    opts = ap.parse_args()
    root = opts.root
    tests = opts.tests or os.path.join(root, "test")

    lowered = set(subprocess.run([opts.export, "--list-lowered-ops"],
                                 check=True, capture_output=True,
                                 text=True).stdout.split())

    td = open(os.path.join(
        root, "include/torch-onnx/Dialect/Torch/IR/GeneratedTorchOps.td")).read()
    returns = {}
    for m in re.finditer(r'Torch_AtenOp<"([\w.]+)".*?let schema = "[^"]*\) -> ([^"]*)"',
                         td, re.S):
        returns[m.group(1)] = m.group(2)

    src = open(os.path.join(
        root, "lib/Dialect/Torch/Transforms/RefineTypes.cpp")).read()
    def strip(k):
        return k[len("torch."):] if k.startswith("torch.") else k
    name = (r'(?:torch\.)?(?:aten|prim|prims|quantized|quantized_decomposed|'
            r'torchvision)\.[\w.]*')
    keys = {strip(k) for k in re.findall(r'"(%s)"' % name, src)}
    # Rules that cover a family: starts_with("aten.meshgrid").
    prefixes = [strip(k) for k in
                re.findall(r'starts_with\("(%s)"\)' % name, src)]

    def has_rule(op):
        return op in keys or any(op.startswith(p) for p in prefixes)

    exempt = {}
    path = opts.exempt or os.path.join(root, "utils/op-registry-exempt.txt")
    for line in open(path):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, reason = line.partition("#")
        name = name.strip()
        if not reason.strip():
            print("error: %s: %s has no reason" % (path, name))
            return 1
        exempt[name] = reason.strip()

    errors = []
    for op in sorted(lowered):
        ret = returns.get(op)
        tensor_result = ret is None or "Tensor" in ret
        if not tensor_result or has_rule(op):
            if op in exempt:
                errors.append("%s is exempt but %s: remove it from "
                              "utils/op-registry-exempt.txt" % (
                                  op, "has a rule" if has_rule(op)
                                  else "returns no tensor"))
            continue
        if op not in exempt:
            errors.append("%s is lowered by torch-to-onnx and returns %s, "
                          "but torch-refine-types has no rule for it: add "
                          "one in RefineTypes.cpp (or an entry with the "
                          "reason in utils/op-registry-exempt.txt)" % (
                              op, ret or "an unknown type"))
    for op in sorted(set(exempt) - lowered):
        errors.append("%s is exempt but not lowered: remove it from "
                      "utils/op-registry-exempt.txt" % op)

    # An op is named in a lit case by its torch dialect name (torch.aten.X,
    # "aten::X") in a .mlir test, or by its FX target (torch.ops.aten.X)
    # in a .test that checks the torch.export importer's handling of it.
    lit = set()
    ns = r"(?:aten|prim|prims|quantized|quantized_decomposed|torchvision)"
    for p in glob.glob(os.path.join(tests, "**/*.mlir"), recursive=True):
        text = open(p).read()
        lit |= set(re.findall(r"torch\.(%s\.[\w.]+)" % ns, text))
        lit |= {m.replace("::", ".") for m in
                re.findall(r'"(%s::[\w.]+)"' % ns, text)}
    for p in glob.glob(os.path.join(tests, "**/*.test"), recursive=True):
        for m in re.findall(r"torch\.ops\.(%s\.[\w.]+)" % ns, open(p).read()):
            lit.add(m[:-len(".default")] if m.endswith(".default") else m)
    tensor_ops = [o for o in lowered
                  if returns.get(o) is None or "Tensor" in returns[o]]
    print("lowered aten ops: %d (%d return tensors); with a refinement "
          "rule: %d; exempt: %d; named in a lit test: %d" % (
              len(lowered), len(tensor_ops),
              len([o for o in tensor_ops if has_rule(o)]), len(exempt),
              len(lowered & lit)))
    for op in sorted(lowered - lit):
        errors.append("%s is lowered by torch-to-onnx but no lit test names "
                      "it: add a case to a family file under "
                      "test/Conversion/TorchToONNX (utils/onnx_check_lines.py "
                      "writes the CHECK lines)" % op)
    for e in errors:
        print("error: " + e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
