"""torch_onnx.export is a drop-in torch.onnx.export: same parameters and
defaults (plus `mode`), file paths and BytesIO, errors as ExportError with the
exporter's message."""
import inspect
import io
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(sys.argv[1], "python"))
import onnx  # noqa: E402
import torch  # noqa: E402
import torch_onnx  # noqa: E402

ours = inspect.signature(torch_onnx.export).parameters
theirs = inspect.signature(torch.onnx.export).parameters
same = [n for n in theirs if n in ours and
        ours[n].default == theirs[n].default and
        list(ours).index(n) == list(theirs).index(n)]
print("same parameters:", len(same) == len(theirs), "extra:",
      [n for n in ours if n not in theirs])


class M(torch.nn.Module):
    def forward(self, x):
        return torch.relu(x) * 2


buf = io.BytesIO()
torch_onnx.export(M(), (torch.randn(2, 3),), buf, input_names=["x"],
                  output_names=["y"], dynamic_axes={"x": {0: "n"}})
m = onnx.load_from_string(buf.getvalue())
print("bytesio:", [i.name for i in m.graph.input], [o.name for o in m.graph.output],
      m.graph.input[0].type.tensor_type.shape.dim[0].dim_param)


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
