"""Runs MODEL.onnx in ONNX Runtime and compares its first output with a
reference: ort_compare.py MODEL.onnx REF.npy INPUT... where each INPUT is a
.npy file or `i64:N` (a 0-d int64 tensor, for an int argument of a scripted
forward()). Prints `match` or what differs (rtol 1e-4, atol 1e-5)."""
import sys

import numpy as np
import onnxruntime as ort


def main():
    model, ref = sys.argv[1], np.load(sys.argv[2])
    feeds = [np.array(int(a[4:]), dtype=np.int64) if a.startswith("i64:")
             else np.load(a) for a in sys.argv[3:]]
    sess = ort.InferenceSession(model, providers=["CPUExecutionProvider"])
    names = [i.name for i in sess.get_inputs()]
    if len(names) != len(feeds):
        sys.exit(f"model has {len(names)} inputs, {len(feeds)} given")
    got = sess.run(None, dict(zip(names, feeds)))[0]
    if got.shape != ref.shape:
        print(f"shape {list(got.shape)}, expected {list(ref.shape)}")
    elif not np.allclose(got, ref, rtol=1e-4, atol=1e-5):
        print(f"max abs diff {np.abs(got - ref).max()}")
    else:
        print("match")


if __name__ == "__main__":
    main()
