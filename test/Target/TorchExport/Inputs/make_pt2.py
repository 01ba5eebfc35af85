"""Writes the .pt2 fixtures of the torch.export importer tests at test time
(with the pinned torch), and damaged variants of them.

    make_pt2.py KIND OUT.pt2
    make_pt2.py --targets IN.pt2     (prints the graph's node targets)
"""

import io
import json
import sys
import zipfile

import torch
import torch.nn as nn
from torch.export import Dim


class Linear(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(4, 3)
        self.register_buffer("shift", torch.arange(3, dtype=torch.float32))
        # A parameter stored transposed (a strided view of its storage).
        self.wt = nn.Parameter(torch.randn(3, 2).t())

    def forward(self, x):
        y = torch.relu(self.lin(x)) + self.shift
        return y.sum(dim=1), torch.nn.functional.gelu(y) @ self.wt.t()


class Cond(nn.Module):
    def forward(self, x):
        def pos(x):
            return x.sin() + 1

        def neg(x):
            return x.cos() * 2

        return torch.cond(x.sum() > 0, pos, neg, (x,))


class While(nn.Module):
    def forward(self, x):
        from torch._higher_order_ops import while_loop

        def cond(i, y):
            return i < 5

        def body(i, y):
            return i + 1, y * 2

        return while_loop(cond, body, (torch.zeros((), dtype=torch.int64), x))


class Scan(nn.Module):
    def forward(self, init, xs):
        from torch._higher_order_ops.scan import scan

        def step(c, x):
            nc = c + x
            return nc, nc * 2

        return scan(step, init, xs)


class Sym(nn.Module):
    def forward(self, x, n: int):
        b, s = x.shape
        return x.reshape(b * s // 2, 2) * n, torch.linalg.vector_norm(
            x, ord=float("inf"))


class Checks(nn.Module):
    """Run-time checks, a data-dependent scalar, a lifted constant and a
    dtype move: the ops the importer drops, forwards or renames."""

    def forward(self, x):
        n = (x > 0).sum().item()
        torch._check(n >= 0)
        torch._check(n <= 64)
        torch._assert_async((x.abs() >= 0).all(), "abs is non-negative")
        torch._assert_async((x * 0 == 0).any())
        c = torch.tensor([1.0, 2.0, 3.0])
        y = x.detach()[:, :3] * c
        return y.to(torch.float64), torch.zeros(x.shape[0], 2) + n


def program(kind):
    torch.manual_seed(0)
    if kind in ("linear", "truncated", "not_zip", "schema_version",
                "missing_weight", "wrong_size", "no_model", "bad_output"):
        return torch.export.export(
            Linear().eval(), (torch.randn(2, 4),),
            dynamic_shapes={"x": {0: Dim("batch", min=1, max=64)}})
    if kind == "cond":
        return torch.export.export(Cond(), (torch.randn(3, 4),),
                                   dynamic_shapes={"x": {0: Dim("n")}})
    if kind == "while":
        return torch.export.export(While(), (torch.randn(3, 4),))
    if kind == "scan":
        return torch.export.export(Scan(), (torch.zeros(3), torch.randn(5, 3)),
                                   dynamic_shapes=(None, {0: Dim("steps")}))
    if kind == "sym":
        return torch.export.export(Sym(), (torch.randn(4, 6), 3),
                                   dynamic_shapes={"x": {0: Dim("b"),
                                                         1: Dim("s")},
                                                   "n": None})
    if kind in ("checks", "checks_fx", "checks_legacy"):
        ep = torch.export.export(Checks(), (torch.randn(4, 5),),
                                 dynamic_shapes={"x": {0: Dim("b")}})
        # The ATen form (what run_decompositions gives: item as
        # _local_scalar_dense, the message-carrying _assert_async, _to_copy)
        # or the training-IR form (detach, lift_fresh_copy, detach_).
        return ep.run_decompositions() if kind == "checks" else ep
    raise SystemExit(f"unknown fixture {kind}")


def rewrite(data, edit):
    """The zip in `data` with every record passed through edit(name, bytes)
    (None drops it)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            body = edit(info.filename, src.read(info.filename))
            if body is not None:
                dst.writestr(info.filename, body)
    return out.getvalue()


def print_targets(path):
    with zipfile.ZipFile(path) as z:
        name = next(n for n in z.namelist()
                    if n.endswith("models/model.json"))
        nodes = json.loads(z.read(name))["graph_module"]["graph"]["nodes"]
    for t in sorted({n["target"] for n in nodes}):
        print(t)


def main():
    if sys.argv[1] == "--targets":
        return print_targets(sys.argv[2])
    kind, out = sys.argv[1], sys.argv[2]
    buf = io.BytesIO()
    torch.export.save(program(kind), buf)
    data = buf.getvalue()
    if kind == "truncated":
        data = data[: len(data) // 2]
    elif kind == "not_zip":
        data = b"this is not a zip archive\n" * 10
    elif kind == "schema_version":
        def bump(name, body):
            if name.endswith("models/model.json"):
                j = json.loads(body)
                j["schema_version"] = {"major": 99, "minor": 0}
                return json.dumps(j).encode()
            return body
        data = rewrite(data, bump)
    elif kind == "missing_weight":
        data = rewrite(data, lambda n, b: None
                       if n.endswith("data/weights/weight_0") else b)
    elif kind == "wrong_size":
        data = rewrite(data, lambda n, b: b[:4]
                       if n.endswith("data/weights/weight_0") else b)
    elif kind == "bad_output":
        # A node output that is not an object (found by fuzzing: the
        # importer dereferenced it).
        def edit(name, body):
            if name.endswith("models/model.json"):
                j = json.loads(body)
                j["graph_module"]["graph"]["nodes"][0]["outputs"][0] = {
                    "as_tensor": 5}
                return json.dumps(j).encode()
            return body
        data = rewrite(data, edit)
    elif kind == "checks_legacy":
        # Forms older torch versions wrote: lift_fresh, range constraints
        # instead of _assert_scalar, sym_numel.
        def legacy(name, body):
            if not name.endswith("models/model.json"):
                return body
            j = json.loads(body)
            nodes = j["graph_module"]["graph"]["nodes"]
            asserts = [n for n in nodes if n["target"] ==
                       "torch.ops.aten._assert_scalar.default"]
            item = next(n for n in nodes if n["target"] ==
                        "torch.ops.aten.item.default")
            for a, t in zip(asserts, ("sym_constrain_range",
                                      "sym_constrain_range_for_size")):
                a["target"] = "torch.ops.aten.%s.default" % t
                a["inputs"] = [
                    {"name": "size", "kind": 1,
                     "arg": {"as_sym_int": item["outputs"][0]["as_sym_int"]}},
                    {"name": "min", "kind": 2, "arg": {"as_int": 0}},
                    {"name": "max", "kind": 2, "arg": {"as_int": 64}}]
            for n in nodes:
                # lift_fresh is a view: detach it out of place.
                if n["target"] == "torch.ops.aten.lift_fresh_copy.default":
                    n["target"] = "torch.ops.aten.lift_fresh.default"
                if n["target"] == "torch.ops.aten.detach_.default":
                    n["target"] = "torch.ops.aten.detach.default"
                if n["target"] == "torch.ops.aten.sym_size.int":
                    n["target"] = "torch.ops.aten.sym_numel.default"
                    n["inputs"] = n["inputs"][:1]
            return json.dumps(j).encode()
        data = rewrite(data, legacy)
    elif kind == "no_model":
        data = rewrite(data, lambda n, b: None
                       if n.endswith("models/model.json") else b)
    with open(out, "wb") as fh:
        fh.write(data)


if __name__ == "__main__":
    main()
