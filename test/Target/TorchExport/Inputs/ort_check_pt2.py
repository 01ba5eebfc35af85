"""Runs an ONNX model exported from a .pt2 in ONNX Runtime and compares with
the ExportedProgram itself (torch.export.load), at the given input shapes.

    ort_check_pt2.py MODEL.pt2 MODEL.onnx SHAPE[;SHAPE...] ...

Each later argument is one set of input shapes (e.g. '2x4' or '3x4;5');
prints one line per output per set and exits non-zero on a mismatch.
"""

import sys

import numpy as np
import onnxruntime as ort
import torch


def main():
    ep = torch.export.load(sys.argv[1])
    sess = ort.InferenceSession(sys.argv[2],
                                providers=["CPUExecutionProvider"])
    names = [i.name for i in sess.get_inputs()]
    ok = True
    for k, spec in enumerate(sys.argv[3:]):
        torch.manual_seed(k)
        for sign in (1.0, -1.0):
            xs = [torch.randn(*[int(d) for d in s.split("x")]).abs() * sign
                  for s in spec.split(";")]
            ref = ep.module()(*xs)
            ref = ref if isinstance(ref, (tuple, list)) else (ref,)
            got = sess.run(None, {n: x.numpy() for n, x in zip(names, xs)})
            for i, (g, r) in enumerate(zip(got, ref)):
                r = r.detach().numpy()
                same = g.shape == r.shape and np.allclose(g, r, rtol=1e-4,
                                                          atol=1e-5)
                ok &= same
                print(f"set {spec} sign {sign:+.0f} output {i}: "
                      f"{list(g.shape)} {'match' if same else 'DIFFER'}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
