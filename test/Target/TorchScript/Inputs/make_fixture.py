#!/usr/bin/env python3
"""Builds a TorchScript fixture at test time: make_fixture.py NAME OUT.pt"""
import os
import sys
from typing import List, Optional, Tuple

import torch
import torch.nn as nn

torch.manual_seed(0)


class ForLoop(nn.Module):
    def forward(self, x: torch.Tensor, n: int) -> torch.Tensor:
        for i in range(n):
            x = x * 2.0 + i
        return x


class WhileLoop(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        while bool(x.sum() < 100.0):
            x = x + 1.0
        return x


class DataIf(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if bool(x.mean() > 0):
            y = torch.relu(x)
        else:
            y = -x
        return y


class ListAppend(nn.Module):
    def forward(self, x: torch.Tensor, n: int) -> torch.Tensor:
        parts: List[torch.Tensor] = []
        for i in range(n):
            parts.append(x + i)
        return torch.cat(parts, 0)


class TupleReturn(nn.Module):
    def forward(self, x: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        return x.max(dim=1)


class InPlace(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = x.clone()
        y.add_(1.0)
        y.relu_()
        return y


class InPlaceOnDiagonal(nn.Module):
    def forward(self, x):
        c = x.clone()
        c.diagonal().relu_()  # a view the exporter cannot write back
        return c


class InPlaceOnInput(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x.relu_()
        return x * 2.0


class MHA(nn.Module):
    def __init__(self):
        super().__init__()
        self.attn = nn.MultiheadAttention(16, 4, batch_first=True)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out, _ = self.attn(x, x, x)
        return out


class LSTMModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(8, 16, num_layers=2, batch_first=True)

    def forward(self, x: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        out, (h, c) = self.lstm(x)
        return out, h, c


class Endless(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        while True:
            x = x + 1.0
        return x


class Linear(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(64, 64)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(x)


class IsInstance(nn.Module):
    """torch.nn.utils.rnn.pack_padded_sequence checks
    isinstance(lengths, torch.Tensor) on its Union[Tensor, List[int]]
    parameter: once inlined, the static type of a Tensor argument decides
    it. An Optional stays a run-time check."""

    def forward(self, x: torch.Tensor, lengths: torch.Tensor,
                y: Optional[torch.Tensor]):
        p = torch.nn.utils.rnn.pack_padded_sequence(x, lengths)
        b = p.data
        if isinstance(y, torch.Tensor):
            b = b + y
        return b


def edit_archive(out, src_module, edit):
    """Saves `src_module`, then rewrites each record through edit(name,
    bytes) -> bytes (None drops it)."""
    tmp = out + ".src"
    src_module.save(tmp)
    edit_zip(tmp, out, edit)


def edit_zip(tmp, out, edit):
    import zipfile
    with zipfile.ZipFile(tmp) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = edit(item.filename, src.read(item.filename))
            if data is not None:
                dst.writestr(item, data)


class Quantized(nn.Module):
    """Eager-mode static quantization: conv+relu (per-channel weights), a
    residual add, average pooling (requantized with its input's
    parameters), sigmoid (fixed output parameters), linear."""

    def __init__(self, tail="none"):
        super().__init__()
        Q = torch.ao.nn.quantized
        self.quant = torch.ao.quantization.QuantStub()
        self.conv = nn.Conv2d(3, 4, 3, padding=1)
        self.relu = nn.ReLU()
        self.add = Q.FloatFunctional()
        self.fc = nn.Linear(4, 2)
        self.dequant = torch.ao.quantization.DeQuantStub()
        self.tail = tail

    def forward(self, x):
        x = self.quant(x)
        y = self.add.add(self.relu(self.conv(x)), x.repeat(1, 2, 1, 1)[:, :4])
        y = torch.sigmoid(nn.functional.avg_pool2d(y, 4).mean((2, 3)))
        if self.tail == "add_scalar":
            y = self.add.add_scalar(y, 1.0)
        return self.dequant(self.fc(y))


def quantized(tail="none"):
    m = Quantized(tail).eval()
    m.qconfig = torch.ao.quantization.get_default_qconfig("fbgemm")
    torch.ao.quantization.fuse_modules(m, [["conv", "relu"]], inplace=True)
    torch.ao.quantization.prepare(m, inplace=True)
    with torch.no_grad():
        m(torch.randn(2, 3, 8, 8))
    torch.ao.quantization.convert(m, inplace=True)
    return torch.jit.trace(m, torch.randn(1, 3, 8, 8))


def build(name):
    if name == "quantized":
        return quantized()
    if name == "quantized_add_scalar":
        return quantized("add_scalar")
    if name == "quantized_dynamic":
        m = torch.ao.quantization.quantize_dynamic(
            nn.Sequential(nn.Linear(4, 3)).eval(), {nn.Linear}, torch.qint8)
        return torch.jit.trace(m, torch.randn(2, 4))
    if name == "resnet18":
        import torchvision
        return torch.jit.trace(torchvision.models.resnet18().eval(), torch.randn(1, 3, 224, 224))
    if name == "mobilenet_v2":
        import torchvision
        return torch.jit.trace(torchvision.models.mobilenet_v2().eval(), torch.randn(1, 3, 224, 224))
    if name == "transformer_encoder_layer":
        m = nn.TransformerEncoderLayer(d_model=32, nhead=4, dim_feedforward=64, batch_first=True).eval()
        return torch.jit.script(m)
    if name == "mha":
        return torch.jit.script(MHA().eval())
    if name == "lstm":
        return torch.jit.script(LSTMModel().eval())
    if name == "traced_loop":
        return torch.jit.trace(ForLoop(), (torch.ones(2), 3)) if False else torch.jit.trace(
            lambda x: ForLoop()(x, 3), torch.ones(2))
    mods = {"for_loop": ForLoop, "while_loop": WhileLoop, "data_if": DataIf,
            "list_append": ListAppend, "tuple_return": TupleReturn, "inplace": InPlace,
            "isinstance": IsInstance}
    return torch.jit.script(mods[name]())


def main():
    name, out = sys.argv[1], sys.argv[2]
    if name == "torch_save_pickle":
        torch.save({"w": torch.ones(2)}, out)
        return
    if name == "not_an_archive":
        with open(out, "wb") as f:
            f.write(b"this is not a model\n")
        return
    if name == "lstm_bare":
        torch.jit.script(nn.LSTM(8, 16).eval()).save(out)
        return
    if name == "newer_version":
        import zipfile
        tmp = out + ".src"
        torch.jit.script(DataIf()).save(tmp)
        with zipfile.ZipFile(tmp) as src, zipfile.ZipFile(out, "w") as dst:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename.endswith("/version"):
                    data = b"99\n"
                dst.writestr(item, data)
        return
    if name == "endless_loop":
        torch.jit.script(Endless()).save(out)
        return
    if name == "empty_weight_record":
        # A weight record emptied (found by utils/fuzz: freezing read through
        # a null storage).
        edit_archive(out, torch.jit.script(Linear().eval()),
                     lambda n, d: b"" if "/data/" in n else d)
        return
    if name in ("truncated_weight_record", "dropped_weight_record"):
        # libtorch sizes a storage from the pickle and fills it from the
        # record without comparing: the rest would be heap bytes.
        edit_archive(out, torch.jit.script(Linear().eval()),
                     lambda n, d: (d[:100] if name.startswith("trunc") else None)
                     if n.endswith("/data/0") else d)
        return
    if name == "damaged_debug_info":
        # A debug record (source ranges) whose string length points past
        # its end: libtorch would allocate that much when asked for a
        # location (found by utils/fuzz).
        def edit(n, d):
            if not n.endswith(".debug_pkl"):
                return d
            at = d.index(b"X")  # the first BINUNICODE
            return d[:at + 1] + b"\xff\xff\xff\x7f" + d[at + 5:]
        edit_archive(out, torch.jit.script(Linear().eval()), edit)
        return
    if name == "truncated_constant_record":
        table = torch.arange(64, dtype=torch.float32)
        traced = torch.jit.trace(lambda x: x + table, torch.zeros(64))
        edit_archive(out, traced, lambda n, d: d[:8] if "/constants/" in n else d)
        return
    if name == "truncated_torch113":
        # The same check on an archive written by torch 1.13.
        src = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                           "torch113", "traced_cnn.pt")
        edit_zip(src, out, lambda n, d: d[:len(d) // 2] if n.endswith("/data/0") else d)
        return
    if name in ("edited_code", "edited_code_assert"):
        bad = b"return )" if name == "edited_code" else b"retrun x +"
        edit_archive(out, torch.jit.script(Linear().eval()),
                     lambda n, d: d.replace(b"return", bad) if n.endswith(".py") else d)
        return
    if name == "inplace_on_input":
        torch.jit.script(InPlaceOnInput()).save(out)
        return
    if name == "inplace_on_diagonal":
        torch.jit.script(InPlaceOnDiagonal()).save(out)
        return
    build(name).save(out)


if __name__ == "__main__":
    main()
