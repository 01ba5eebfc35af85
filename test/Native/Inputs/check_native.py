"""Helpers for the native-path lit tests: makes inputs, computes the bundled
MLP example (examples/mlp.onnxtxt) in numpy, compares outputs.

  check_native.py make-input DIR          -> DIR/x.npy, DIR/x.pb, DIR/x.bin
  check_native.py external DIR SCALE      -> DIR/mlp.onnx with its weights
                                             (times SCALE) in DIR/mlp.data
  check_native.py check-pb MODEL X.npy OUT.pb
  check_native.py check-bin MODEL X.npy OUT.bin"""
import os
import sys

import numpy as np
import onnx
import onnx.parser
from onnx import numpy_helper


def load(model_path):
    """The bundled MLP (ONNX text), or a binary model with external data."""
    if model_path.endswith(".onnx"):
        return onnx.load(model_path)
    return onnx.parser.parse_model(open(model_path).read())


def mlp(model_path, x):
    m = load(model_path)
    w = {t.name: numpy_helper.to_array(t) for t in m.graph.initializer}
    h = np.maximum(x @ w["w1"] + w["b1"], 0)
    logits = h @ w["w2"] + w["b2"]
    e = np.exp(logits - logits.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def main():
    cmd = sys.argv[1]
    if cmd == "make-input":
        d = sys.argv[2]
        x = np.random.RandomState(0).randn(5, 4).astype(np.float32)
        np.save(os.path.join(d, "x.npy"), x)
        open(os.path.join(d, "x.pb"), "wb").write(
            numpy_helper.from_array(x, "x").SerializeToString())
        x[:1].tofile(os.path.join(d, "x1.bin"))
        np.save(os.path.join(d, "x1.npy"), x[:1])
        # A wrong-shape and a wrong-dtype input for the error tests.
        np.save(os.path.join(d, "bad_shape.npy"), np.zeros((5, 3), np.float32))
        np.save(os.path.join(d, "bad_dtype.npy"), np.zeros((5, 4), np.int32))
        open(os.path.join(d, "garbage.pb"), "wb").write(b"\xff\x00not a tensor")
        return
    if cmd == "external":
        d, scale = sys.argv[2], float(sys.argv[3])
        here = os.path.dirname(os.path.abspath(__file__))
        m = load(os.path.join(here, "..", "..", "..", "examples",
                              "mlp.onnxtxt"))
        for t in m.graph.initializer:
            t.CopyFrom(numpy_helper.from_array(
                numpy_helper.to_array(t) * np.float32(scale), t.name))
        os.makedirs(d, exist_ok=True)
        data = os.path.join(d, "mlp.data")
        if os.path.exists(data):  # onnx.save_model appends to it
            os.remove(data)
        onnx.save_model(m, os.path.join(d, "mlp.onnx"),
                        save_as_external_data=True, location="mlp.data",
                        size_threshold=0)
        return
    model, xpath, out = sys.argv[2:5]
    x = np.load(xpath)
    ref = mlp(model, x)
    if cmd == "check-pb":
        got = numpy_helper.to_array(onnx.load_tensor(out))
    else:
        got = np.fromfile(out, dtype=np.float32).reshape(ref.shape)
    assert got.shape == ref.shape, (got.shape, ref.shape)
    err = np.abs(got - ref).max()
    assert err < 1e-5, err
    print("match: shape %s, max abs diff %.2g" % (list(got.shape), err))


if __name__ == "__main__":
    main()
