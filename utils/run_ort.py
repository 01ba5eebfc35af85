"""Runs an ONNX model in ONNX Runtime on deterministic float32 inputs
(dynamic dims set to 2) and prints the outputs: a smoke check for exported
models.

    python utils/run_ort.py MODEL.onnx
"""
import sys

import numpy as np
import onnxruntime as ort


def main():
    session = ort.InferenceSession(sys.argv[1],
                                   providers=["CPUExecutionProvider"])
    feeds = {}
    for meta in session.get_inputs():
        if meta.type != "tensor(float)":
            sys.exit(f"error: input {meta.name}: only float32 tensors are "
                     f"generated (it is {meta.type})")
        dims = [d if isinstance(d, int) and d > 0 else 2 for d in meta.shape]
        n = int(np.prod(dims))
        feeds[meta.name] = (((np.arange(n) % 7) - 3) / 4).astype(
            np.float32).reshape(dims)
    names = [o.name for o in session.get_outputs()]
    for name, t in zip(names, session.run(None, feeds)):
        t = np.asarray(t)
        vals = " ".join(f"{float(v):.4f}" for v in t.reshape(-1))
        print(f"{name} [{'x'.join(map(str, t.shape))}] {t.dtype}: {vals}")


if __name__ == "__main__":
    main()
