"""Convolutions through torch-onnx-run against a float64 numpy reference.

  conv_check.py DIR RUNNER [RUNNER-OPTION...]

Builds one ONNX model per case (random weights, batch 1), runs it with
RUNNER and compares its output with a direct convolution in float64: the
3x3 stride-1 cases with at least 32 input channels take the Winograd path
(F(4x4, 3x3) from 28 x 28 outputs, else F(2x2, 3x3)), partial tiles
included, the others take im2col; the
depthwise ones (group = C) take the direct vector code, stride 2 with whole
two-vector reads where they fit in the row and masked ones where not; the
other grouped ones an im2col copy and a contraction per group. Prints
one line per case; exits non-zero on a mismatch."""
import os
import subprocess
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto

# name: C, F, H, W, pad, stride[, options]. pad: one value, or ONNX's
# [top, left, bottom, right]. Options: bias, group, k (kernel size), dil,
# post (what follows the convolution: "residual" an add of the input and a
# ReLU, "relu", "clip" (ReLU6), "sigmoid", which its producer applies in
# registers; a sigmoid applied twice would show).
CASES = {
    "c64_f64_14": (64, 64, 14, 14, 1, 1, dict(bias=True, post="residual")),
    "c32_f8_7": (32, 8, 7, 7, 1, 1, dict(bias=True)),
    "c48_f24_9x16_valid": (48, 24, 9, 16, 0, 1, {}),
    "c40_f40_11x13_sigmoid": (40, 40, 11, 13, 1, 1,
                              dict(bias=True, post="sigmoid")),
    "c256_f32_6x10": (256, 32, 6, 10, 1, 1, dict(bias=True)),
    "c32_f32_7x9_residual": (32, 32, 7, 9, 1, 1, dict(post="residual")),
    # F(4x4, 3x3): at least 28 x 28 outputs; whole tiles, then partial last
    # tile rows and columns (30 x 29), and no padding (29 x 31 outputs).
    "c32_f32_28_w4_residual": (32, 32, 28, 28, 1, 1,
                               dict(bias=True, post="residual")),
    "c32_f16_30x29_w4_relu": (32, 16, 30, 29, 1, 1,
                              dict(bias=True, post="relu")),
    "c48_f32_31x33_w4_valid": (48, 32, 31, 33, 0, 1, {}),
    "c64_f32_14_stride2_clip": (64, 32, 14, 14, 1, 2,
                                dict(bias=True, post="clip")),
    "c16_f32_14_relu": (16, 32, 14, 14, 1, 1, dict(bias=True, post="relu")),
    # Residual adds after 1x1 convolutions with a bias (the residual folded
    # into the accumulator's start): the plain contraction (8x8), a split
    # one (784 = 768 + 16 pixels) and the packed 7x7 path (residual added
    # after the tiles).
    "c32_f32_1x1_8_residual": (32, 32, 8, 8, 0, 1,
                               dict(k=1, bias=True, post="residual")),
    "c64_f64_1x1_28_residual": (64, 64, 28, 28, 0, 1,
                                dict(k=1, bias=True, post="residual")),
    "c160_f160_1x1_7_residual": (160, 160, 7, 7, 0, 1,
                                 dict(k=1, bias=True, post="residual")),
    "c16_f96_1x1_28_sigmoid": (16, 96, 28, 28, 0, 1,
                               dict(k=1, bias=True, post="sigmoid")),
    "c24_f40_1x1_13_clip": (24, 40, 13, 13, 0, 1, dict(k=1, post="clip")),
    "dw96_112_stride2": (96, 96, 112, 112, 1, 2, dict(bias=True, group=96)),
    "dw8_35_stride2_valid": (8, 8, 35, 35, 0, 2, dict(bias=True, group=8)),
    "dw16_17_stride2_clip": (16, 16, 17, 17, 1, 2,
                             dict(group=16, post="clip")),
    "dw32_14": (32, 32, 14, 14, 1, 1,
                dict(bias=True, post="residual", group=32)),
    "dw24_56_sigmoid": (24, 24, 56, 56, 1, 1,
                        dict(bias=True, group=24, post="sigmoid")),
    "dw8_20x37_pads_2013": (8, 8, 20, 37, [2, 0, 1, 3], 1,
                            dict(group=8, post="relu")),
    "dw8_9x21_k5_pad2_stride2": (8, 8, 9, 21, 2, 2,
                                 dict(group=8, k=5, bias=True)),
    "dw16_7_k3_pad2_dil2": (16, 16, 7, 7, 2, 1,
                            dict(group=16, dil=2, post="clip")),
    "dw8_3x5_pad1": (8, 8, 3, 5, 1, 1, dict(group=8, bias=True)),
    # Grouped (RegNet, ResNeXt, ShuffleNet v1): an im2col copy in rows and
    # a contraction per group; 16 and 8 channels per group, stride 2,
    # dilation, 5x5, 1x1, a channel multiplier, few channels per group.
    "g4_c64_14_relu": (64, 64, 14, 14, 1, 1,
                       dict(group=4, bias=True, post="relu")),
    "g8_c64_f128_28_stride2": (64, 128, 28, 28, 1, 2, dict(group=8)),
    "g2_c32_13x17_dil2_clip": (32, 32, 13, 17, 2, 1,
                               dict(group=2, dil=2, post="clip")),
    "g4_c32_11_k5_pad2": (32, 32, 11, 11, 2, 1, dict(group=4, k=5, bias=True)),
    "g4_c64_f32_1x1_7": (64, 32, 7, 7, 0, 1, dict(group=4, k=1)),
    "g3_c12_f6_9_valid": (12, 6, 9, 9, 0, 1, dict(group=3, bias=True)),
    # MaxPool (the depthwise code with max for the FMA, -inf padding):
    # resnet's 3x3 stride 2, VGG's 2x2, stride 1, ceil mode, dilated, 5x5
    # stride 3, a rectangular window.
    "maxpool16_56_k3_s2": (16, 16, 56, 56, 1, 2, dict(pool=True)),
    "maxpool8_28_k2_s2": (8, 8, 28, 28, 0, 2, dict(pool=True, k=2)),
    "maxpool8_13x17_k3_s1": (8, 8, 13, 17, 1, 1, dict(pool=True)),
    "maxpool8_27_k3_s2_ceil": (8, 8, 27, 27, 0, 2, dict(pool=True, ceil=1)),
    "maxpool4_15x20_dil2": (4, 4, 15, 20, 1, 2, dict(pool=True, dil=2)),
    "maxpool4_31x40_k5_s3": (4, 4, 31, 40, 2, 3, dict(pool=True, k=5)),
    "maxpool3_9x33_k2x3": (3, 3, 9, 33, [0, 1, 0, 1], [1, 2],
                           dict(pool=True, k=[2, 3])),
    # AveragePool (the same code with an addf, zero padding, divided by a
    # count of taps made at compile time): padded, unpadded, ceil mode (its
    # extra windows count no padding), count_include_pad, 5x5 stride 3.
    "avgpool16_56_k3_s2": (16, 16, 56, 56, 1, 2, dict(pool="avg")),
    "avgpool8_28_k2_s2": (8, 8, 28, 28, 0, 2, dict(pool="avg", k=2)),
    "avgpool8_27_k3_s2_ceil": (8, 8, 27, 27, 1, 2,
                               dict(pool="avg", ceil=1)),
    "avgpool8_14_k3_s1_incpad": (8, 8, 14, 14, 1, 1,
                                 dict(pool="avg", include_pad=1)),
    "avgpool4_31x40_k5_s3": (4, 4, 31, 40, 2, 3, dict(pool="avg", k=5)),
}


def pool(x, k, pads, stride, dil, ceil, avg=False, include_pad=0):
    """Max or average pooling in float64 with ONNX's output size (ceil_mode
    too); an average divides by the taps inside the input (and inside the
    explicit pads with include_pad), never those of ceil_mode's extra."""
    t, l, bo, r = pads
    size = []
    for i, (n, lo, hi) in enumerate(((x.shape[2], t, bo), (x.shape[3], l, r))):
        span = n + lo + hi - dil * (k[i] - 1) - 1
        size.append((-(-span // stride[i]) if ceil else span // stride[i]) + 1)
    OH, OW = size
    extra_h = max(0, (OH - 1) * stride[0] + dil * (k[0] - 1) + 1 -
                  (x.shape[2] + t + bo))
    extra_w = max(0, (OW - 1) * stride[1] + dil * (k[1] - 1) + 1 -
                  (x.shape[3] + l + r))
    widths = ((0, 0), (0, 0), (t, bo + extra_h), (l, r + extra_w))
    xp = np.pad(x.astype(np.float64), widths,
                constant_values=0 if avg else -np.inf)
    mask = np.pad(np.ones(x.shape[2:]), ((t, bo), (l, r)),
                  constant_values=include_pad)
    mask = np.pad(mask, ((0, extra_h), (0, extra_w)))
    out = np.full((x.shape[0], x.shape[1], OH, OW), 0 if avg else -np.inf)
    count = np.zeros((OH, OW))
    for i in range(k[0]):
        for j in range(k[1]):
            rows = slice(i * dil, i * dil + stride[0] * OH, stride[0])
            cols = slice(j * dil, j * dil + stride[1] * OW, stride[1])
            if avg:
                out = out + xp[:, :, rows, cols]
                count += mask[rows, cols]
            else:
                out = np.maximum(out, xp[:, :, rows, cols])
    return out / count if avg else out


def reference(x, w, b, pads, stride, group, dil):
    t, l, bo, r = pads
    x = np.pad(x.astype(np.float64), ((0, 0), (0, 0), (t, bo), (l, r)))
    if group > 1:  # one convolution per group of channels
        cg, fg = x.shape[1] // group, w.shape[0] // group
        return np.concatenate([reference(x[:, g * cg:(g + 1) * cg],
                                         w[g * fg:(g + 1) * fg], None if
                                         b is None else b[g * fg:(g + 1) * fg],
                                         [0] * 4, stride, 1, dil)
                               for g in range(group)], axis=1)
    F, C, KH, KW = w.shape
    OH = (x.shape[2] - dil * (KH - 1) - 1) // stride + 1
    OW = (x.shape[3] - dil * (KW - 1) - 1) // stride + 1
    out = np.zeros((1, F, OH, OW))
    for i in range(KH):
        for j in range(KW):
            patch = x[0, :, i * dil:i * dil + stride * OH:stride,
                      j * dil:j * dil + stride * OW:stride]
            out[0] += np.einsum("fc,chw->fhw", w[:, :, i, j].astype(np.float64),
                                patch)
    if b is not None:
        out += b.reshape(1, F, 1, 1)
    return out


def conv_case(x, C, F, k, pads, stride, group, dil, bias, post, rng):
    """The Conv (and what follows it) of a case, its float64 reference, its
    initializers and its output's name."""
    w = (rng.randn(F, C // group, k, k) /
         np.sqrt(k * k * C // group)).astype(np.float32)
    b = rng.randn(F).astype(np.float32) if bias else None
    inits = [numpy_helper.from_array(w, "w")]
    ins = ["x", "w"]
    if bias:
        inits.append(numpy_helper.from_array(b, "b"))
        ins.append("b")
    nodes = [helper.make_node("Conv", ins, ["y"], kernel_shape=[k, k],
                              pads=pads, strides=[stride] * 2,
                              dilations=[dil] * 2, group=group)]
    ref = reference(x, w, b, pads, stride, group, dil)
    out = "z"
    if post == "residual":
        nodes += [helper.make_node("Add", ["y", "x"], ["s"]),
                  helper.make_node("Relu", ["s"], ["z"])]
        ref = np.maximum(ref + x, 0)
    elif post == "relu":
        nodes.append(helper.make_node("Relu", ["y"], ["z"]))
        ref = np.maximum(ref, 0)
    elif post == "clip":
        inits += [numpy_helper.from_array(np.float32(0), "lo"),
                  numpy_helper.from_array(np.float32(0.25), "hi")]
        nodes.append(helper.make_node("Clip", ["y", "lo", "hi"], ["z"]))
        ref = np.clip(ref, 0, 0.25)
    elif post == "sigmoid":
        nodes.append(helper.make_node("Sigmoid", ["y"], ["z"]))
        ref = 1 / (1 + np.exp(-ref))
    else:
        out = "y"
    return nodes, ref, inits, out


def main():
    d, runner, opts = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(d, exist_ok=True)
    rng = np.random.RandomState(0)
    bad = 0
    for name, case in CASES.items():
        C, F, H, W, pad, stride, o = case
        group, k, dil = o.get("group", 1), o.get("k", 3), o.get("dil", 1)
        bias, post = o.get("bias", False), o.get("post")
        pads = pad if isinstance(pad, list) else [pad] * 4
        x = rng.randn(1, C, H, W).astype(np.float32)
        if o.get("pool"):
            kk = k if isinstance(k, list) else [k, k]
            ss = stride if isinstance(stride, list) else [stride, stride]
            avg = o["pool"] == "avg"
            attrs = dict(kernel_shape=kk, strides=ss,
                         pads=[pads[0], pads[1], pads[2], pads[3]],
                         ceil_mode=o.get("ceil", 0))
            if avg:
                attrs["count_include_pad"] = o.get("include_pad", 0)
            else:
                attrs["dilations"] = [dil, dil]
            nodes = [helper.make_node("AveragePool" if avg else "MaxPool",
                                      ["x"], ["y"], **attrs)]
            ref = pool(x, kk, pads, ss, dil, o.get("ceil", 0), avg,
                       o.get("include_pad", 0))
            inits, out = [], "y"
        else:
            nodes, ref, inits, out = conv_case(x, C, F, k, pads, stride,
                                               group, dil, bias, post, rng)
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
