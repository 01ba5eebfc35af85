"""Writes a model whose output comes out of DEPTH nested If subgraphs:
make_nested.py OUT DEPTH (binary ModelProto), or OUT DEPTH text (ONNX's text
syntax; only the bracket structure matters there)."""
import sys

from onnx import TensorProto, helper


def varint(v):
    out = bytearray()
    while True:
        b = v & 0x7F
        v >>= 7
        out.append(b | (0x80 if v else 0))
        if not v:
            return bytes(out)


def field(num, payload):
    """A length-delimited protobuf field (python's protobuf refuses to build
    messages this deep, so the nesting is encoded by hand)."""
    if isinstance(payload, str):
        payload = payload.encode()
    return varint(num << 3 | 2) + varint(len(payload)) + payload


def graph(level, depth):
    out = helper.make_tensor_value_info(f"y{level}", TensorProto.FLOAT, [1])
    if level == depth:
        node = helper.make_node("Identity", ["x"], [f"y{level}"]).SerializeToString()
    else:
        leaf = helper.make_graph(
            [helper.make_node("Identity", ["x"], [f"e{level}"])], f"e{level}",
            [], [helper.make_tensor_value_info(f"e{level}", TensorProto.FLOAT, [1])])
        attr = lambda name, g: field(1, name) + field(6, g) + varint(20 << 3) + varint(5)
        node = (field(1, "c") + field(2, f"y{level}") + field(4, "If") +
                field(5, attr("then_branch", graph(level + 1, depth))) +
                field(5, attr("else_branch", leaf.SerializeToString())))
    return field(1, node) + field(2, f"g{level}") + field(12, out.SerializeToString())


def main():
    path, depth = sys.argv[1], int(sys.argv[2])
    if len(sys.argv) > 3 and sys.argv[3] == "text":
        body = "y = Identity(x)"
        for k in range(depth):
            body = (f"y = If (c) <then_branch = t{k} () => (float[1] y) "
                    f"{{ {body} }}, else_branch = e{k} () => (float[1] y) "
                    f"{{ y = Identity(x) }}>")
        text = ('<ir_version: 8, opset_import: ["" : 17]>\n'
                f"g (bool c, float[1] x) => (float[1] y)\n{{\n  {body}\n}}\n")
        with open(path, "w") as fh:
            fh.write(text)
        return
    g = graph(0, depth)
    for vi in (helper.make_tensor_value_info("c", TensorProto.BOOL, []),
               helper.make_tensor_value_info("x", TensorProto.FLOAT, [1])):
        g += field(11, vi.SerializeToString())
    model = (varint(1 << 3) + varint(8) +
             field(8, helper.make_opsetid("", 17).SerializeToString()) +
             field(7, g))
    with open(path, "wb") as fh:
        fh.write(model)


if __name__ == "__main__":
    main()
