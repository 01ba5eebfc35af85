"""torch_onnx.export is a drop-in torch.onnx.export: the installed torch's
parameters, defaults and keyword-only rule (plus `mode`), file paths and
BytesIO, keyword arguments to forward(), dynamic_shapes, verify and report,
errors as ExportError with the exporter's message."""
import glob
import inspect
import io
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(sys.argv[1], "python"))
import numpy as np  # noqa: E402
import onnx  # noqa: E402
import onnxruntime as ort  # noqa: E402
import torch  # noqa: E402
import torch_onnx  # noqa: E402

ours = inspect.signature(torch_onnx.export).parameters
theirs = inspect.signature(torch.onnx.export).parameters
same = [n for n in theirs if n in ours and
        ours[n].default == theirs[n].default and
        ours[n].kind == theirs[n].kind and
        list(ours).index(n) == list(theirs).index(n)]
print("same parameters:", len(same) == len(theirs),
      [n for n in theirs if n not in same], "extra:",
      [n for n in ours if n not in theirs])


class M(torch.nn.Module):
    def forward(self, x):
        return torch.relu(x) * 2


buf = io.BytesIO()
torch_onnx.export(M(), (torch.randn(2, 3),), buf, dynamo=False,
                  input_names=["x"], output_names=["y"],
                  dynamic_axes={"x": {0: "n"}})
m = onnx.load_from_string(buf.getvalue())
print("bytesio:", [i.name for i in m.graph.input], [o.name for o in m.graph.output],
      m.graph.input[0].type.tensor_type.shape.dim[0].dim_param)

# The default (dynamo=True) is the torch.export frontend: the user's Dim
# names the dynamic dim, FX names the output.
buf = io.BytesIO()
torch_onnx.export(M(), (torch.randn(2, 3),), buf, verify=True,
                  dynamic_shapes={"x": {0: torch.export.Dim("rows")}})
m = onnx.load_from_string(buf.getvalue())
print("dynamo:", [i.name for i in m.graph.input], [o.name for o in m.graph.output],
      [d.dim_param or d.dim_value for d in m.graph.input[0].type.tensor_type.shape.dim])
# An ExportedProgram as is; dynamic_axes with dynamo=True as dynamic_shapes.
ep = torch.export.export(M(), (torch.randn(2, 3),))
buf = io.BytesIO()
torch_onnx.export(ep, (torch.randn(2, 3),), buf, verify=True)
print("exported program:", len(buf.getvalue()) > 0)
buf = io.BytesIO()
torch_onnx.export(M(), (torch.randn(2, 3),), buf, input_names=["inp"],
                  dynamic_axes={"inp": {0: "N"}})
m = onnx.load_from_string(buf.getvalue())
print("dynamic_axes:", [d.dim_param or d.dim_value
                        for d in m.graph.input[0].type.tensor_type.shape.dim])


class DataIf(torch.nn.Module):
    def forward(self, x):
        return x * 2 if x.sum() > 0 else x


# What torch.export cannot capture is reported as its failure.
try:
    torch_onnx.export(DataIf(), (torch.randn(2, 3),), io.BytesIO())
except torch_onnx.ExportError as e:
    print("capture:", str(e).splitlines()[0][:90])


class KW(torch.nn.Module):
    def forward(self, x, y, scale: float = 1.0, bias=None):
        out = x * scale + y
        return out if bias is None else out + bias


x, y, b = torch.randn(2, 3), torch.randn(2, 3), torch.randn(3)
with tempfile.TemporaryDirectory() as d:
    for label, call in [
            ("kwargs", dict(args=(x,), kwargs={"y": y, "bias": b})),
            ("trailing dict", dict(args=(x, {"bias": b, "y": y})))]:
        path = os.path.join(d, "kw.onnx")
        torch_onnx.export(KW(), f=path, dynamo=False, verify=True, **call)
        sess = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
        feeds = dict(zip([i.name for i in sess.get_inputs()],
                         [x.numpy(), y.numpy(), b.numpy()]))
        got = sess.run(None, feeds)[0]
        print(label, [i.name for i in sess.get_inputs()],
              np.allclose(got, (x + y + b).numpy(), atol=1e-6))

    # dynamic_shapes (torch.export's form) names the dims.
    path = os.path.join(d, "ds.onnx")
    batch = torch.export.Dim("batch")
    torch_onnx.export(M(), (torch.randn(2, 3),), path, dynamo=False,
                      input_names=["inp"], dynamic_shapes={"x": {0: batch}})
    dims = onnx.load(path).graph.input[0].type.tensor_type.shape.dim
    print("dynamic_shapes:", [d.dim_param or d.dim_value for d in dims])

    # report=True writes a markdown report with the verification table.
    torch_onnx.export(M(), (torch.randn(2, 3),), path, dynamo=False,
                      verify=True, report=True, artifacts_dir=d)
    rep = open(glob.glob(os.path.join(d, "*report*.md"))[0]).read()
    print("report:", "status: success" in rep, "max abs diff" in rep)



class E(torch.nn.Module):
    def forward(self, a):
        return torch.celu(a, 0.5)


with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "e.onnx")
    try:
        torch_onnx.export(E(), (torch.randn(2, 3),), path, opset_version=11,
                          mode="script")
        print("no error")
    except torch_onnx.ExportError as e:
        print("ExportError:", str(e).splitlines()[0])
    print("file left behind:", os.path.exists(path))


# Nested arguments and outputs (trace mode), laid out as torch.onnx does: the
# tensors inside tuples/lists are graph inputs in order (NAME_K), dict values
# and nested outputs are flattened, None is dropped; the numbers match.
class Nested(torch.nn.Module):
    def forward(self, pair, k: int):
        a, b = pair
        return {"s": a + b * k, "none": None, "more": [a * b]}


with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "n.onnx")
    a, b = torch.randn(2, 3), torch.randn(2, 3)
    torch_onnx.export(Nested(), ((a, b), 3), path, dynamo=False, verify=True)
    m = onnx.load(path)
    print("nested:", [i.name for i in m.graph.input], len(m.graph.output))


# Extension operators: a model calling torchvision's nms and roi_align loads
# (the exporter loads the operator libraries this process loaded) and runs
# in ONNX Runtime with the same numbers.
import torchvision  # noqa: E402


class Detect(torch.nn.Module):
    def forward(self, boxes, scores, feat, rois):
        keep = torchvision.ops.nms(boxes, scores, 0.5)
        return keep, torchvision.ops.roi_align(feat, rois, (3, 3), 0.5, 2,
                                                True)


torch.manual_seed(0)
boxes = torch.rand(20, 4) * 10
boxes[:, 2:] += boxes[:, :2]
det_args = (boxes, torch.rand(20), torch.randn(2, 4, 16, 16),
            torch.tensor([[0, 1., 1., 8., 8.], [1, 2., 3., 12., 10.]]))
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "d.onnx")
    torch_onnx.export(Detect(), det_args, path, dynamo=False,
                      opset_version=16)
    sess = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    got = sess.run(None, {i.name: a.numpy()
                          for i, a in zip(sess.get_inputs(), det_args)})
    ref = Detect()(*det_args)
    print("torchvision ops:", [bool(np.allclose(g, r.numpy(), atol=1e-5))
                               for g, r in zip(got, ref)],
          list(got[0].shape))

# torch.set_default_dtype(torch.float64): a scripted true division of
# integers and a float factory without dtype= are float64, as in PyTorch.


class Div(torch.nn.Module):
    def forward(self, a, b):
        return a / b, torch.zeros(a.shape[0]) + 0.5


torch.set_default_dtype(torch.float64)
try:
    div_args = (torch.tensor([7, -3, 5]), torch.tensor([2, 2, 3]))
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "div.onnx")
        torch_onnx.export(torch.jit.script(Div()), div_args, path,
                          dynamo=False)
        sess = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
        got = sess.run(None, {i.name: a.numpy()
                              for i, a in zip(sess.get_inputs(), div_args)})
        ref = Div()(*div_args)
        print("default float64:", [str(g.dtype) for g in got],
              [str(r.dtype) for r in ref],
              all(np.allclose(g, r.numpy()) for g, r in zip(got, ref)))
finally:
    torch.set_default_dtype(torch.float32)

# An eager-mode quantized model: torch.export (the default frontend) cannot
# capture its packed weights, and the error says to use dynamo=False, which
# exports it as QuantizeLinear/DequantizeLinear.


class Quant(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.quant = torch.ao.quantization.QuantStub()
        self.fc = torch.nn.Linear(4, 3)
        self.dequant = torch.ao.quantization.DeQuantStub()

    def forward(self, x):
        return self.dequant(self.fc(self.quant(x)))


qm = Quant().eval()
qm.qconfig = torch.ao.quantization.get_default_qconfig("fbgemm")
torch.ao.quantization.prepare(qm, inplace=True)
qm(torch.randn(8, 4))
torch.ao.quantization.convert(qm, inplace=True)
qx = torch.randn(2, 4)
with tempfile.TemporaryDirectory() as d:
    try:
        torch_onnx.export(qm, (qx,), os.path.join(d, "q.onnx"))
    except torch_onnx.ExportError as e:
        print("quantized dynamo:", str(e).splitlines()[-1])
    path = os.path.join(d, "q.onnx")
    torch_onnx.export(qm, (qx,), path, dynamo=False)
    sess = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    got = sess.run(None, {sess.get_inputs()[0].name: qx.numpy()})[0]
    ops = sorted({n.op_type for n in onnx.load(path).graph.node})
    print("quantized:", ops, bool(np.allclose(got, qm(qx).numpy(),
                                               atol=qm.fc.scale * 1.001)))

# PyTorch's decomposed quantize/dequantize ops (what PT2E quantization
# writes) through torch.export: QuantizeLinear / DequantizeLinear, the int8
# weight read per channel.
import torch.ao.quantization.fx._decomposed  # noqa: E402,F401


class QDQ(torch.nn.Module):
    def __init__(self):
        super().__init__()
        torch.manual_seed(0)
        w = torch.randn(3, 4)
        s = w.abs().amax(1) / 127
        self.register_buffer("wq", torch.round(w / s[:, None]).clamp(
            -128, 127).to(torch.int8))
        self.register_buffer("ws", s)
        self.register_buffer("wz", torch.zeros(3, dtype=torch.int64))
        self.b = torch.nn.Parameter(torch.randn(3))

    def forward(self, x):
        qd = torch.ops.quantized_decomposed
        q = qd.quantize_per_tensor(x, 0.02, 128, 0, 255, torch.uint8)
        xd = qd.dequantize_per_tensor(q, 0.02, 128, 0, 255, torch.uint8)
        w = qd.dequantize_per_channel(self.wq, self.ws, self.wz, 0, -128, 127,
                                      torch.int8)
        return torch.nn.functional.linear(xd, w, self.b)


qdq, qdq_x = QDQ().eval(), torch.randn(2, 4)
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "qdq.onnx")
    torch_onnx.export(qdq, (qdq_x,), path, opset_version=13)
    sess = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    got = sess.run(None, {sess.get_inputs()[0].name: qdq_x.numpy()})[0]
    print("qdq dynamo:", sorted({n.op_type for n in onnx.load(path).graph.node}),
          bool(np.allclose(got, qdq(qdq_x).detach().numpy(), atol=1e-5)))
