"""make_cnn.py OUT.onnx: a small CNN with each convolution path of the CPU
lowering (Winograd 3x3, im2col stride 2, 1x1, depthwise, grouped), pooling,
a Gemm and a Softmax; random weights."""
import sys

import numpy as np
from onnx import TensorProto, helper, numpy_helper, save

rng = np.random.default_rng(0)
nodes, inits = [], []


def weight(name, *shape):
    inits.append(numpy_helper.from_array(
        (rng.standard_normal(shape) * 0.1).astype(np.float32), name))
    return name


def conv(x, y, c, f, k, stride=1, group=1):
    w = weight(y + "_w", f, c // group, k, k)
    b = weight(y + "_b", f)
    nodes.append(helper.make_node("Conv", [x, w, b], [y + "_c"],
                                  pads=[k // 2] * 4, strides=[stride] * 2,
                                  group=group))
    nodes.append(helper.make_node("Relu", [y + "_c"], [y]))
    return y


x = conv("x", "c1", 3, 32, 3, stride=2)          # im2col, stride 2
x = conv(x, "c2", 32, 32, 3)                      # Winograd
x = conv(x, "c3", 32, 32, 3, group=32)            # depthwise
x = conv(x, "c4", 32, 64, 1)                      # 1x1
x = conv(x, "c5", 64, 64, 3, group=4)             # grouped
nodes.append(helper.make_node("MaxPool", [x], ["p"], kernel_shape=[2, 2],
                              strides=[2, 2]))
nodes.append(helper.make_node("GlobalAveragePool", ["p"], ["g"]))
nodes.append(helper.make_node("Flatten", ["g"], ["f"]))
nodes.append(helper.make_node("Gemm", ["f", weight("fc_w", 10, 64),
                                       weight("fc_b", 10)], ["l"], transB=1))
nodes.append(helper.make_node("Softmax", ["l"], ["probs"], axis=1))
graph = helper.make_graph(
    nodes, "cnn",
    [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 32, 32])],
    [helper.make_tensor_value_info("probs", TensorProto.FLOAT, [1, 10])],
    inits)
save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]),
     sys.argv[1])
