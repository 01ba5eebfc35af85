#!/usr/bin/env python3
"""Prints what the torch-onnx-export tests check about an ONNX model:
names, types with dim_params, node types, and whether our value_info agrees
with ONNX's own shape inference (run on a copy without value_info)."""
import sys

import onnx
from onnx import shape_inference


def dims(t):
    return [d.dim_param or str(d.dim_value) if (d.dim_param or d.HasField("dim_value")) else "?"
            for d in t.tensor_type.shape.dim]


m = onnx.load(sys.argv[1], load_external_data=False)
onnx.checker.check_model(m)
g = m.graph
print("opset", [(o.domain, o.version) for o in m.opset_import], "ir", m.ir_version)
inits = {i.name for i in g.initializer}
for i in g.input:
    print("input", i.name, dims(i.type),
          "initializer" if i.name in inits else "")
for o in g.output:
    print("output", o.name, dims(o.type))
print("nodes", " ".join(n.op_type for n in g.node))
print("initializers", len(g.initializer))
ours = {v.name: dims(v.type) for v in g.value_info}
stripped = onnx.ModelProto()
stripped.CopyFrom(m)
del stripped.graph.value_info[:]
ref = {v.name: dims(v.type)
       for v in shape_inference.infer_shapes(stripped).graph.value_info}
bad = [n for n in ref if n in ours and ours[n] != ref[n]]
print("value_info", len(ours), "agree with onnx shape inference:",
      "yes" if not bad and len(ours) >= len(ref) else f"no {bad[:3]}")
