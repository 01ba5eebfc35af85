"""Writes MODEL.onnx whose initializer `w` (float32, DIMS) reads external data
at LOCATION with the given offset/length strings ('-' leaves one out):
make_external.py MODEL.onnx LOCATION OFFSET LENGTH [DIMS, default 4]"""
import sys

import onnx
from onnx import TensorProto, helper


def main():
    path, location, offset, length = sys.argv[1:5]
    dims = [int(d) for d in sys.argv[5].split(",")] if len(sys.argv) > 5 else [4]
    w = TensorProto(name="w", data_type=TensorProto.FLOAT, dims=dims)
    w.data_location = TensorProto.EXTERNAL
    for k, v in (("location", location), ("offset", offset), ("length", length)):
        if v != "-":
            e = w.external_data.add()
            e.key, e.value = k, v
    g = helper.make_graph([helper.make_node("Identity", ["w"], ["y"])], "g", [],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, dims)],
                          initializer=[w])
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 13)])
    m.ir_version = 8
    with open(path, "wb") as fh:
        fh.write(m.SerializeToString())


if __name__ == "__main__":
    main()
