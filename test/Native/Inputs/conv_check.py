"""Convolutions through torch-onnx-run against a float64 numpy reference.

  conv_check.py DIR RUNNER [RUNNER-OPTION...]

Builds one ONNX model per case (random weights, batch 1), runs it with
RUNNER and compares its output with a direct convolution in float64: the
3x3 stride-1 cases with at least 32 input channels take the Winograd path,
odd output sizes included (partial tiles), the others take im2col; the
depthwise ones (group = C) take the direct vector code, stride 2 with whole
two-vector reads where they fit in the row and masked ones where not. Prints
one line per case; exits non-zero on a mismatch."""
import os
import subprocess
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto

# name: C, F, H, W, pad, stride, bias, residual + relu after the conv[, group]
CASES = {
    "c64_f64_14": (64, 64, 14, 14, 1, 1, True, True),
    "c32_f8_7": (32, 8, 7, 7, 1, 1, True, False),
    "c48_f24_9x16_valid": (48, 24, 9, 16, 0, 1, False, False),
    "c40_f40_11x13": (40, 40, 11, 13, 1, 1, True, False),
    "c256_f32_6x10": (256, 32, 6, 10, 1, 1, True, False),
    "c32_f32_7x9_residual": (32, 32, 7, 9, 1, 1, False, True),
    "c64_f32_14_stride2": (64, 32, 14, 14, 1, 2, True, False),
    "c16_f32_14": (16, 32, 14, 14, 1, 1, True, False),
    "dw96_112_stride2": (96, 96, 112, 112, 1, 2, True, False, 96),
    "dw8_35_stride2_valid": (8, 8, 35, 35, 0, 2, True, False, 8),
    "dw16_17_stride2": (16, 16, 17, 17, 1, 2, False, False, 16),
    "dw32_14": (32, 32, 14, 14, 1, 1, True, True, 32),
}


def reference(x, w, b, pad, stride, group):
    x = np.pad(x.astype(np.float64), ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    if group > 1:  # depthwise: one filter per channel
        return np.concatenate([reference(x[:, c:c + 1], w[c:c + 1], None if
                                         b is None else b[c:c + 1], 0, stride,
                                         1) for c in range(group)], axis=1)
    F, C, KH, KW = w.shape
    OH = (x.shape[2] - KH) // stride + 1
    OW = (x.shape[3] - KW) // stride + 1
    out = np.zeros((1, F, OH, OW))
    for i in range(KH):
        for j in range(KW):
            patch = x[0, :, i:i + stride * OH:stride, j:j + stride * OW:stride]
            out[0] += np.einsum("fc,chw->fhw", w[:, :, i, j].astype(np.float64),
                                patch)
    if b is not None:
        out += b.reshape(1, F, 1, 1)
    return out


def main():
    d, runner, opts = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(d, exist_ok=True)
    rng = np.random.RandomState(0)
    bad = 0
    for name, case in CASES.items():
        C, F, H, W, pad, stride, bias, residual = case[:8]
        group = case[8] if len(case) > 8 else 1
        x = rng.randn(1, C, H, W).astype(np.float32)
        w = (rng.randn(F, C // group, 3, 3) / np.sqrt(9 * C // group)).astype(
            np.float32)
        b = rng.randn(F).astype(np.float32) if bias else None
        inits = [numpy_helper.from_array(w, "w")]
        ins = ["x", "w"]
        if bias:
            inits.append(numpy_helper.from_array(b, "b"))
            ins.append("b")
        nodes = [helper.make_node("Conv", ins, ["y"], kernel_shape=[3, 3],
                                  pads=[pad] * 4, strides=[stride] * 2,
                                  group=group)]
        ref = reference(x, w, b, pad, stride, group)
        out = "y"
        if residual:
            nodes += [helper.make_node("Add", ["y", "x"], ["s"]),
                      helper.make_node("Relu", ["s"], ["z"])]
            out = "z"
            ref = np.maximum(ref + x, 0)
        g = helper.make_graph(
            nodes, name, [helper.make_tensor_value_info(
                "x", TensorProto.FLOAT, list(x.shape))],
            [helper.make_tensor_value_info(out, TensorProto.FLOAT,
                                           list(ref.shape))], inits)
        m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)])
        path = os.path.join(d, name + ".onnx")
        onnx.save(m, path)
        xp = os.path.join(d, name + ".x.pb")
        open(xp, "wb").write(numpy_helper.from_array(x, "x")
                             .SerializeToString())
        od = os.path.join(d, name)
        subprocess.run([runner, path, "--input-pb", xp, "--output-dir", od]
                       + opts, check=True)
        got = numpy_helper.to_array(onnx.load_tensor(
            os.path.join(od, "output_0.pb")))
        err = np.abs(got - ref).max() / np.abs(ref).max()
        ok = got.shape == ref.shape and err < 1e-5
        bad += not ok
        print("%s: %s, max rel diff %.1e" % (name, "match" if ok else
                                             "MISMATCH", err))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
