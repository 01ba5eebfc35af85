"""The end-to-end model zoo: PyTorch modules exported by torch_onnx.export
and checked against PyTorch in ONNX Runtime (test/e2e/run_e2e.py).

Each case: name, a module factory, example args, a second set of args for the
dynamic axes (or None), mode ("trace"/"script"), dynamic_axes, and
`needs`: [(opset, reason)]: below that opset the model is not expressible
(the exporter must then fail with a diagnostic, never export wrong numbers).
"""

import math
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence


@dataclass
class Case:
    name: str
    make: Callable[[], nn.Module]
    args: Tuple[Any, ...]
    args2: Optional[Tuple[Any, ...]] = None
    mode: str = "trace"
    input_names: Optional[List[str]] = None
    dynamic_axes: Optional[Dict[str, Any]] = None
    needs: List[Tuple[int, str]] = field(default_factory=list)
    # Absolute tolerance against PyTorch (a quantized model's output may
    # differ by one step of its quantization grid: PyTorch's kernels
    # requantize in float, ONNX Runtime's integer kernels in integers).
    atol: float = 1e-4

    def not_expressible(self, opset: int) -> Optional[str]:
        for need, reason in self.needs:
            if opset < need:
                return reason
        return None


def r(*shape, dtype=torch.float32):
    if dtype.is_floating_point:
        return torch.randn(*shape, dtype=dtype)
    return torch.randint(0, 10, shape, dtype=dtype)


# ---------------------------------------------------------------------------
# Modules
# ---------------------------------------------------------------------------

class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 8))

    def forward(self, x):
        return self.net(x).softmax(-1)


class SmallCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3, padding=1)
        self.bn = nn.BatchNorm2d(8)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(8 * 4 * 4, 10)

    def forward(self, x):
        y = self.pool(F.relu(self.bn(self.conv(x))))
        y = F.adaptive_avg_pool2d(y, 4)
        return self.fc(y.view(y.size(0), -1))


class ForLoop(nn.Module):
    def forward(self, x: torch.Tensor, n: int) -> torch.Tensor:
        for i in range(n):
            x = x * 0.5 + float(i)
        return x


class WhileLoop(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        steps = 0
        while bool(x.abs().sum() < 100.0) and steps < 50:
            x = x * 2.0 + 1.0
            steps += 1
        return x


class DataIf(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if bool(x.sum() > 0):
            y = x.relu() * 2.0
        else:
            y = x.sigmoid() - 1.0
        return y + 1.0


class NestedControl(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for i in range(3):
            if bool(x.mean() > float(i)):
                x = x - 1.0
            else:
                for _ in range(2):
                    x = x * 1.5
        return x


class ListAppend(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        outs = []
        for i in range(x.size(0)):
            outs.append(x[i] * float(i + 1))
        return torch.stack(outs, 0)


class ListAppendIf(nn.Module):
    """Appends only some rows: the list's length is data-dependent, so it
    stays an ONNX sequence (not a scan output)."""
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        outs = [x[0]]
        for i in range(1, x.size(0)):
            if bool(x[i].sum() > 0):
                outs.append(x[i] * 2.0)
        return torch.cat(outs, 0)


class Elementwise(nn.Module):
    def forward(self, a, b):
        y = (a + b) * (a - b) / (b.abs() + 1.0)
        y = y + torch.exp(-a.abs()) + torch.log(b.abs() + 1.0) + torch.sqrt(a * a)
        y = y + torch.pow(a, 2) - torch.clamp(b, -0.5, 0.5) + torch.floor(a) + torch.ceil(b)
        y = y + torch.where(a > b, a, b) + torch.maximum(a, b) - torch.minimum(a, b)
        y = y + torch.rsqrt(b.abs() + 1.0) + torch.reciprocal(a.abs() + 2.0)
        return y + torch.remainder(a, 1.5) - torch.neg(b) + torch.sign(a)


class Activations(nn.Module):
    def forward(self, x):
        ys = [F.gelu(x), F.gelu(x, approximate="tanh"), F.silu(x), F.hardswish(x),
              F.hardsigmoid(x), F.leaky_relu(x, 0.1), F.elu(x), F.softplus(x),
              F.relu6(x), F.mish(x), F.selu(x), torch.sigmoid(x), torch.tanh(x),
              F.hardtanh(x, -0.5, 0.5), F.log_softmax(x, 1), F.softmax(x, 0)]
        return torch.stack(ys, 0)


class Reductions(nn.Module):
    def forward(self, x):
        v, i = x.max(dim=1)
        return (x.sum(dim=(1, 2)), x.mean(dim=-1, keepdim=True), x.amax(dim=2),
                x.argmax(dim=1), x.var(dim=1), x.std(dim=2, unbiased=False),
                torch.logsumexp(x, dim=1), v, i, x.sum(), x.min(dim=0)[0],
                x.prod(dim=1))


class Shrinks(nn.Module):
    """Long-tail elementwise ops: hardshrink/softshrink, logsigmoid (also at
    large |x|, where log(sigmoid(x)) overflows), isfinite."""

    def forward(self, x):
        big = x * 100.0
        inf = x / (x > 0).float()  # +-inf and nan where x <= 0
        return (F.hardshrink(x, 0.3), F.softshrink(x, 0.4), F.logsigmoid(big),
                torch.isfinite(inf), F.logsigmoid(x))


class VectorNorms(nn.Module):
    """linalg.vector_norm for each ord, amin, cosine_similarity (with a
    broadcast input)."""

    def forward(self, x, y):
        ln = torch.linalg.vector_norm
        return (ln(x), ln(x, 1, dim=1), ln(x, float("inf"), dim=(0, 2)),
                ln(x, float("-inf"), dim=-1, keepdim=True), ln(x, 3.0, dim=1),
                x.amin(dim=(0, 1)), x.amin(dim=-1, keepdim=True),
                F.cosine_similarity(x, y, dim=1),
                F.cosine_similarity(x, y[:, :1], dim=-1))


class Rearrange(nn.Module):
    """flip, outer, one_hot, repeat_interleave, roll (static and dynamic
    dims, flattened)."""

    def forward(self, x, v, idx):
        return (torch.flip(x, [0, 2]), torch.flip(x, [-1]), torch.outer(v, v * 2),
                F.one_hot(idx, 7), x.repeat_interleave(2, dim=1),
                v.repeat_interleave(3), x.repeat_interleave(2, dim=-1),
                torch.roll(x, (1, -2), (1, 2)), torch.roll(x, 5),
                torch.roll(v, -3, 0))


class MathFormulas(nn.Module):
    """Math functions ONNX has no operator for, as formulas: trunc, frac,
    erfc, hypot, logaddexp (large inputs too), logit, lerp."""

    def forward(self, x, y):
        p = torch.sigmoid(x)
        return (torch.trunc(x * 3), torch.frac(x * 3), torch.special.erfc(x),
                torch.hypot(x, y), torch.logaddexp(x * 50, y * 50),
                torch.logit(p), torch.logit(p, eps=0.2), torch.lerp(x, y, 0.3),
                torch.lerp(x, y, torch.sigmoid(y) * 2 - 0.5))


class Losses(nn.Module):
    """binary_cross_entropy_with_logits: each reduction, weight, pos_weight,
    logits large enough to overflow a naive exp."""

    def __init__(self):
        super().__init__()
        self.register_buffer("w", torch.arange(5, dtype=torch.float32) + 1)

    def forward(self, x, t):
        bce = F.binary_cross_entropy_with_logits
        x = x * 30
        t = torch.sigmoid(t)
        w = self.w
        return (bce(x, t), bce(x, t, reduction="sum"),
                bce(x, t, weight=w, pos_weight=w * 0.5, reduction="none"))


class MeanAndGrids(nn.Module):
    """var_mean/std_mean, new_full/new_empty, broadcast_tensors, meshgrid."""

    def forward(self, x, a, b):
        v, m = torch.var_mean(x, dim=1)
        s, m2 = torch.std_mean(x, dim=(0, 2), keepdim=True, correction=0)
        f = x.new_full((2, 3), 2.5)
        z = x.new_empty((4,)).fill_(0)  # new_empty + fill_ is zeros
        p, q = torch.broadcast_tensors(x, a.reshape(-1, 1, 1))
        gi, gj = torch.meshgrid(a, b, indexing="ij")
        gx, gy = torch.meshgrid(a, b, indexing="xy")
        return v, m, s, m2, f, z, p, q, gi, gj, gx, gy


class AdvancedIndex(nn.Module):
    """Indexing with tensors: one index on a later dim, several (adjacent,
    broadcast, negative, on later dims, apart), boolean masks."""

    def forward(self, x, i, j, m):
        return (x[:, i], x[i, j], x[:, i, j], x[i, :, j], x[i.reshape(-1, 1), j],
                x[m], x[:, m[0]], x[-1 - i])


class Windows(nn.Module):
    """Tensor.unfold: overlapping, strided and tiling windows."""

    def forward(self, x):
        return x.unfold(2, 3, 1), x.unfold(-1, 2, 3), x.unfold(1, 4, 4)


class GridSample(nn.Module):
    """grid_sample: each mode and padding."""

    def forward(self, x, grid):
        ys = []
        for mode in ("bilinear", "nearest", "bicubic"):
            for pad in ("zeros", "border", "reflection"):
                ys.append(F.grid_sample(x, grid, mode=mode, padding_mode=pad,
                                        align_corners=mode == "bicubic"))
        return tuple(ys)


class IndexPut(nn.Module):
    """Assignment through indices (index_put): one index, several, a
    boolean mask over all or the leading dims, accumulate. (Writes through a
    slice, b[:, i] = v, need functionalization: the export-coverage issue.)"""

    def forward(self, x, i, j, v):
        a = x.clone()
        a[i] = v[0]
        b = x.clone()
        b[i, j] = 5.0
        c = x.clone()
        c[x > 0] = 0.0
        d = x.clone()
        d[x[:, :, 0] > 0] = v[0, 0]
        return a, b, c, d


class IndexPutAccumulate(nn.Module):
    def forward(self, x, i, j, v):
        e = x.clone()
        e.index_put_((i, j), v[0, :3], accumulate=True)
        e.index_put_((i,), v[1, 0], accumulate=True)  # i repeats: sums
        return e


class ViewMutation(nn.Module):
    """In-place updates through views (slices, selects, transposes,
    reshapes), of inputs, with views taken before the mutation read after
    it, and mutating ops without a generated out-of-place twin (zero_)."""

    def forward(self, x, i, v):
        a = x.clone()
        a[:, 1:3] = 0.0                 # slice write
        a[0] += 1.0                     # select, add_
        a[:, i, 2] = v[0, :3, 0]        # slice then index_put
        b = x.clone()
        row = b[1]                      # a view read after the mutation
        b.mul_(2.0)
        c = x.clone()
        c.transpose(1, 2)[0, 0].fill_(7.0)
        c.view(-1)[::5] = -1.0
        d = x.clone()
        d[:, ::2, 1:].zero_()
        x.add_(1.0)                     # an input, mutated
        return a, b, row, c, d, x * 1


class PackedRNN(nn.Module):
    """Packed sequences: pack_padded_sequence (unsorted lengths, batch_first)
    through a two-layer bidirectional LSTM with initial states, a GRU over
    the LSTM's packed output, pad_packed_sequence with a padding value and
    a total_length."""

    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(4, 5, num_layers=2, bidirectional=True,
                            batch_first=True)
        self.gru = nn.GRU(10, 3, batch_first=True)

    def forward(self, x, lengths, h0, c0):
        p = pack_padded_sequence(x, lengths, batch_first=True,
                                 enforce_sorted=False)
        out, (h, c) = self.lstm(p, (h0, c0))
        out2, g = self.gru(out)
        y, n = pad_packed_sequence(out, batch_first=True, padding_value=-1.0)
        y2, _ = pad_packed_sequence(out2, batch_first=True,
                                    total_length=x.size(1) + 1)
        return y, n, h, c, y2, g


class PackedSorted(nn.Module):
    """Sorted lengths (enforce_sorted=True), time-major: an RNN (relu) and
    the padded output at the longest length."""

    def __init__(self):
        super().__init__()
        self.rnn = nn.RNN(4, 6, nonlinearity="relu")

    def forward(self, x, lengths):
        out, h = self.rnn(pack_padded_sequence(x, lengths))
        y, n = pad_packed_sequence(out)
        return y, n, h


class NestedIO(nn.Module):
    """Tuples and lists of tensors as arguments, a number inside one; dict,
    None and nested outputs (flattened in order, as torch.onnx)."""

    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 3)

    def forward(self, pair, xs, scale):
        a, b = pair
        h = self.fc(a) + b
        return {"h": h * scale[0], "rest": (None, [xs[0] - xs[1], h.sum(1)])}


class RNNVariants(nn.Module):
    """nn.RNN with tanh and relu (two layers, bidirectional, initial state,
    batch_first) and the four cells."""

    def __init__(self):
        super().__init__()
        self.tanh = nn.RNN(6, 5, num_layers=2, bidirectional=True)
        self.relu = nn.RNN(6, 4, nonlinearity="relu", batch_first=True)
        self.lstm_cell = nn.LSTMCell(6, 3)
        self.gru_cell = nn.GRUCell(6, 3)
        self.rnn_cell = nn.RNNCell(6, 3)
        self.relu_cell = nn.RNNCell(6, 3, nonlinearity="relu", bias=False)

    def forward(self, x, h0):
        y1, h1 = self.tanh(x, h0)
        y2, h2 = self.relu(x)
        step = x[0]
        hc = self.lstm_cell(step)
        hc = self.lstm_cell(x[1], hc)
        g = self.gru_cell(step)
        r = self.rnn_cell(step, g)
        q = self.relu_cell(step)
        return y1, h1, y2, h2, hc[0], hc[1], g, r, q


class DynamicSplit(nn.Module):
    """chunk/split/unbind along a dim whose size varies at run time."""

    def forward(self, x):
        a, b = x.chunk(2, dim=1)
        c, d, e = x.split(2, dim=1)
        f, g = x.unbind(0)
        return a * 2, b, c + d, e, f - g


class MoreOps(nn.Module):
    """atan2 (every quadrant and axis), addcmul/addcdiv, threshold,
    tanhshrink, nan_to_num, torch.norm overloads, mse_loss, all/any, tile,
    movedim, dot, nonzero, masked_select, scatter, sort/argsort."""

    def forward(self, x, y, idx):
        z = torch.zeros_like(x)
        inf = x / (x > 0).float()
        s, si = torch.sort(x, dim=1, descending=True)
        return (torch.empty_like(x).fill_(1.0) * x, x.is_floating_point() * x,
                torch.atan2(x, y), torch.atan2(z, y), torch.atan2(x, z),
                torch.addcmul(x, x, y, value=0.5), torch.addcdiv(x, x, y.abs() + 1),
                F.threshold(x, 0.1, -2.0), F.tanhshrink(x),
                torch.nan_to_num(inf), torch.nan_to_num(inf, 0.5, 9.0, -9.0),
                torch.norm(x), torch.norm(x, 1, dim=1, keepdim=True),
                F.mse_loss(x, y), (x > 0).all(), (x > 0).any(dim=1),
                x.tile((2,)), x.tile((2, 1, 1)), torch.movedim(x, 0, 1),
                torch.dot(x[0], y[0]), torch.nonzero(x > 0.5),
                torch.masked_select(x, x > 0), x.scatter(1, idx, y),
                x.scatter(1, idx, 3.0), s, si, torch.argsort(y, dim=0),
                x.index_copy(1, idx[0], y[:, :2]), x.index_fill(1, idx[1], -1.0))


class IndexAdd(nn.Module):
    """index_add (repeated indices accumulate: ScatterElements' add from
    opset 16, a one-hot sum before)."""

    def forward(self, x, y):
        i = torch.tensor([0, 2, 0])
        return x.index_add(1, i, y[:, :3]), x.index_add(0, i[:2], y[:2], alpha=2.0)


class ClassLosses(nn.Module):
    """nll_loss and cross_entropy (class weights, ignore_index, each
    reduction), as ONNX's loss operators."""

    def forward(self, x, t):
        w = torch.linspace(0.5, 1.5, 5)
        return (F.cross_entropy(x, t), F.cross_entropy(x, t, reduction="none"),
                F.cross_entropy(x, t, weight=w, ignore_index=2),
                F.nll_loss(F.log_softmax(x, 1), t, reduction="sum"))


class Interp1d3d(nn.Module):
    """interpolate over 1 and 3 spatial dims: nearest, linear, trilinear,
    by size and by scale."""

    def forward(self, a, v):
        return (F.interpolate(a, scale_factor=2.0, mode="nearest"),
                F.interpolate(a, size=11, mode="linear", align_corners=False),
                F.interpolate(a, size=9, mode="linear", align_corners=True),
                F.interpolate(v, scale_factor=2.0, mode="nearest"),
                F.interpolate(v, size=(3, 5, 4), mode="trilinear",
                              align_corners=False))


class ShapeOps(nn.Module):
    def forward(self, x):
        b = x.size(0)
        y = x.view(b, 4, -1).permute(0, 2, 1).transpose(1, 2)
        y = torch.flatten(y, 1).unsqueeze(1).squeeze(1)
        z = torch.cat([y, y * 2.0], dim=1)
        s = torch.stack([z, z + 1.0], dim=-1)
        p, q = torch.chunk(x, 2, dim=1)
        e = x[:, :1].expand(b, 8, 3, 3).reshape(b, -1)
        t = x[:, 2:6:2, 1].repeat(1, 2, 1)
        return (s[:, 1::3, 0], p - q, e, t, x.select(1, 3), x.narrow(2, 1, 2))


class Norms(nn.Module):
    def __init__(self):
        super().__init__()
        self.ln = nn.LayerNorm(12)
        self.gn = nn.GroupNorm(2, 4)
        self.inorm = nn.InstanceNorm2d(4, affine=True)
        self.bn = nn.BatchNorm1d(4)
        for m in (self.ln, self.gn, self.inorm):
            nn.init.normal_(m.weight)
            nn.init.normal_(m.bias)
        self.bn.running_mean.normal_()
        self.bn.running_var.uniform_(0.5, 2.0)

    def forward(self, x):
        y = self.ln(x.flatten(2))
        return (y, self.gn(x), self.inorm(x), self.bn(x.flatten(2)))


class Pooling(nn.Module):
    def forward(self, x):
        return (F.max_pool2d(x, 3, 2, ceil_mode=True),
                F.avg_pool2d(x, 3, 2, padding=1, count_include_pad=False),
                F.adaptive_avg_pool2d(x, 3), F.max_pool2d(x, 2, dilation=2),
                F.avg_pool1d(x.flatten(2), 4))


class UpsampleNearest(nn.Module):
    def forward(self, x):
        return (F.interpolate(x, scale_factor=2.0, mode="nearest"),
                F.interpolate(x, size=(5, 7), mode="nearest"))


class UpsampleBilinear(nn.Module):
    def forward(self, x):
        return (F.interpolate(x, scale_factor=2.0, mode="bilinear",
                              align_corners=False),
                F.interpolate(x, size=(5, 7), mode="bilinear",
                              align_corners=True))


class PixelShufflePad(nn.Module):
    def forward(self, x):
        y = F.pixel_shuffle(x, 2)
        return (F.pad(y, (1, 2, 0, 1), value=0.5), F.pad(y, (2, 2, 1, 1), mode="reflect"),
                F.pad(y, (1, 1, 1, 1), mode="replicate"))


class EmbedCumsum(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(20, 6)

    def forward(self, ids):
        e = self.emb(ids)
        return (e.cumsum(1), torch.tril(e), torch.triu(e, 1))


class Attention(nn.Module):
    """Hand-written scaled dot-product attention with a causal mask."""
    def __init__(self, d=16):
        super().__init__()
        self.qkv = nn.Linear(d, 3 * d)
        self.out = nn.Linear(d, d)
        self.d = d

    def forward(self, x):
        q, k, v = self.qkv(x).chunk(3, dim=-1)
        s = torch.matmul(q, k.transpose(-2, -1)) / math.sqrt(self.d)
        n = x.size(1)
        mask = torch.ones(n, n).triu(1) > 0
        s = s.masked_fill(mask, float("-inf"))
        return self.out(torch.matmul(s.softmax(-1), v))


class Einsum(nn.Module):
    def forward(self, a, b):
        return torch.einsum("bij,bjk->bik", a, b) + torch.bmm(a, b)


class ConvVariants(nn.Module):
    def __init__(self):
        super().__init__()
        self.dw = nn.Conv2d(4, 4, 3, padding=1, groups=4)
        self.dil = nn.Conv2d(4, 6, 3, padding=2, dilation=2, stride=2)
        self.c1 = nn.Conv1d(4, 5, 3, padding="same")
        self.tr = nn.ConvTranspose2d(4, 3, 3, stride=2, padding=1, output_padding=1)

    def forward(self, x):
        return (self.dw(x), self.dil(x), self.c1(x.flatten(2)), self.tr(x))


class Logic(nn.Module):
    def forward(self, a, b):
        m = (a > 0) & (b < 0.5) | (a == b)
        n = torch.logical_xor(a >= 0, b <= 0)
        return (torch.where(m, a, b), m, ~n, a.masked_fill(n, 3.0),
                (a != b).float(), (a > 0.3).to(torch.int64))


class DynamicReshape(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(12, 5)

    def forward(self, x):
        b, c = x.size(0), x.size(1)
        y = x.reshape(b * c, -1)
        y = self.fc(y).view(b, c, 5)
        return y.mean(1)


class TopK(nn.Module):
    def forward(self, x):
        v, i = torch.topk(x, 3, dim=1)
        return v, i


class Scalars(nn.Module):
    def forward(self, x: torch.Tensor, k: int, s: float) -> torch.Tensor:
        n = x.size(1) // 2 + k
        return x[:, :n] * s + float(n)


class LSTMModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(8, 16, num_layers=2, batch_first=True)

    def forward(self, x):
        y, (h, c) = self.lstm(x)
        return y, h, c


class GRUModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.gru = nn.GRU(8, 12, bidirectional=True)

    def forward(self, x):
        y, h = self.gru(x)
        return y, h


class CondBranches(nn.Module):
    """torch.cond on a data-dependent predicate (-> ONNX If)."""

    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(6, 6)

    def forward(self, x):
        def pos(x):
            return self.lin(x).relu()

        def neg(x):
            return x.cos() * 2 - 1

        return torch.cond(x.sum() > 0, pos, neg, (x,))


class WhileDoubling(nn.Module):
    """torch.while_loop with a data-dependent trip count (-> ONNX Loop)."""

    def forward(self, x):
        def cond(i, y):
            return y.abs().sum() < 1000.0

        def body(i, y):
            return i + 1, y * 2 + 0.5

        from torch._higher_order_ops import while_loop
        i, y = while_loop(cond, body, (torch.zeros((), dtype=torch.int64),
                                       x))
        return i, y


class ScanCumulative(nn.Module):
    """torch.export's scan: a running state over the rows (-> ONNX Loop with
    scan outputs)."""

    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(4, 4)

    def forward(self, xs):
        from torch._higher_order_ops.scan import scan

        def step(h, x):
            h2 = torch.tanh(self.lin(x) + h)
            return h2, h2 * 2

        return scan(step, torch.zeros(4), xs)


class SymbolicSizes(nn.Module):
    """Arithmetic on symbolic sizes (SymInt) feeding view/new_zeros/arange."""

    def forward(self, x):
        b, s, e = x.shape
        y = x.reshape(b * s, e // 2, 2).sum(-1)
        pos = torch.arange(s, dtype=x.dtype).repeat(b)
        return y + pos.unsqueeze(-1), x.new_zeros(b, s // 2 + 1)


class QuantCNN(nn.Module):
    """Eager-mode static quantization (torch.ao.quantization, fbgemm):
    conv+bn+relu fused, a grouped conv, residual add_relu, hardswish, cat,
    mul, max and average pooling, a linear layer; per-channel weights."""

    def __init__(self):
        super().__init__()
        Q = torch.ao.nn.quantized
        self.quant = torch.ao.quantization.QuantStub()
        self.conv1 = nn.Conv2d(3, 8, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(8)
        self.relu1 = nn.ReLU()
        self.conv2 = nn.Conv2d(8, 8, 3, padding=1, groups=2)
        self.act = nn.Hardswish()
        self.add = Q.FloatFunctional()
        self.cat = Q.FloatFunctional()
        self.mul = Q.FloatFunctional()
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(16, 5)
        self.dequant = torch.ao.quantization.DeQuantStub()

    def forward(self, x):
        x = self.quant(x)
        y = self.relu1(self.bn1(self.conv1(x)))
        y = self.add.add_relu(y, self.act(self.conv2(y)))
        y = F.max_pool2d(y, 2)
        y = self.cat.cat([y, self.mul.mul(y, y)], 1)
        y = self.pool(y).flatten(1)
        return self.dequant(self.fc(y))


# The output's quantization step: the tolerance of the quantized cases.
QUANT_OUT_SCALE = 0.02


def quant_cnn():
    torch.manual_seed(0)
    m = QuantCNN().eval()
    with torch.no_grad():  # BN statistics that are not the identity
        m.bn1.running_mean.uniform_(-0.2, 0.2)
        m.bn1.running_var.uniform_(0.5, 2.0)
    m.qconfig = torch.ao.quantization.get_default_qconfig("fbgemm")
    torch.ao.quantization.fuse_modules(m, [["conv1", "bn1", "relu1"]],
                                       inplace=True)
    torch.ao.quantization.prepare(m, inplace=True)
    with torch.no_grad():
        for _ in range(4):
            m(torch.randn(2, 3, 16, 16))
    torch.ao.quantization.convert(m, inplace=True)
    # A fixed output grid (as a user may set one), so that the test's
    # tolerance is one step of it.
    m.fc.scale, m.fc.zero_point = QUANT_OUT_SCALE, 128
    return m


def _eval(m):
    torch.manual_seed(0)
    return m.eval()


def resnet18():
    import torchvision
    torch.manual_seed(0)
    return torchvision.models.resnet18().eval()


def mobilenet_v2():
    import torchvision
    torch.manual_seed(0)
    return torchvision.models.mobilenet_v2().eval()


def encoder_layer_fast():
    torch.manual_seed(0)
    return nn.TransformerEncoderLayer(32, 4, 64, dropout=0.0,
                                      batch_first=True).eval()


def encoder_layer():
    torch.manual_seed(0)
    return nn.TransformerEncoderLayer(32, 4, 64, dropout=0.0,
                                      activation="gelu").eval()


def mha():
    torch.manual_seed(0)
    m = nn.MultiheadAttention(16, 2, batch_first=True).eval()

    class Self(nn.Module):
        def __init__(self):
            super().__init__()
            self.m = m

        def forward(self, x):
            return self.m(x, x, x, need_weights=False)[0]
    return Self().eval()


BATCH = {"x": {0: "batch"}}
NOT_BEFORE_10_QDQ = (10, "quantized tensors are QuantizeLinear/"
                         "DequantizeLinear pairs (opset 10)")
NOT_BEFORE_11_BILINEAR = ("bilinear interpolation needs opset 11 (Upsample/"
                          "Resize-10 use asymmetric coordinates)")


class SDPA(nn.Module):
    """F.scaled_dot_product_attention (what nn.MultiheadAttention of torch 2.x
    calls) with a bool mask, a float mask, causal, and an explicit scale;
    heads split with unflatten."""

    def forward(self, x, bool_mask, float_mask):
        b, s, e = x.shape
        q = x.unflatten(-1, (2, -1)).transpose(1, 2)
        k = (x * 0.5).unflatten(-1, (2, -1)).transpose(1, 2)
        v = torch.tanh(x).unflatten(-1, (2, -1)).transpose(1, 2)
        a = F.scaled_dot_product_attention(q, k, v, attn_mask=bool_mask)
        c = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        f = F.scaled_dot_product_attention(q, k, v, attn_mask=float_mask,
                                           scale=0.3)
        return a + c + f


def sdpa_args(b, s):
    mask = torch.rand(s, s) > 0.3
    mask |= torch.eye(s, dtype=torch.bool)  # no row fully masked
    return (r(b, s, 8), mask, r(b, 1, s, s))


def cases() -> List[Case]:
    torch.manual_seed(0)
    return [
        Case("mlp", lambda: _eval(MLP()), (r(4, 16),), (r(7, 16),),
             input_names=["x"], dynamic_axes=BATCH),
        Case("small_cnn", lambda: _eval(SmallCNN()), (r(2, 3, 16, 16),),
             (r(5, 3, 16, 16),), input_names=["x"], dynamic_axes=BATCH),
        Case("small_cnn_script", lambda: _eval(SmallCNN()), (r(2, 3, 16, 16),),
             (r(3, 3, 16, 16),), mode="script", input_names=["x"],
             dynamic_axes=BATCH),
        Case("resnet18", resnet18, (r(1, 3, 224, 224),), (r(2, 3, 224, 224),),
             input_names=["x"], dynamic_axes=BATCH),
        Case("mobilenet_v2", mobilenet_v2, (r(1, 3, 224, 224),),
             (r(2, 3, 224, 224),), input_names=["x"], dynamic_axes=BATCH),
        Case("transformer_encoder_fast", encoder_layer_fast, (r(2, 10, 32),),
             (r(3, 7, 32),), input_names=["x"],
             dynamic_axes={"x": {0: "batch", 1: "seq"}}),
        Case("transformer_encoder", encoder_layer, (r(10, 2, 32),),
             (r(6, 2, 32),), input_names=["x"], dynamic_axes={"x": {0: "seq"}}),
        Case("mha", mha, (r(2, 5, 16),), (r(2, 9, 16),), input_names=["x"],
             dynamic_axes={"x": {1: "seq"}}),
        Case("attention", lambda: _eval(Attention()), (r(2, 6, 16),),
             (r(3, 4, 16),), input_names=["x"],
             dynamic_axes={"x": {0: "batch", 1: "seq"}},
             needs=[(11, "a causal mask of run-time size needs Range")]),
        Case("sdpa", lambda: _eval(SDPA()), sdpa_args(2, 5), sdpa_args(3, 7),
             input_names=["x", "bool_mask", "float_mask"],
             dynamic_axes={"x": {0: "batch", 1: "seq"},
                           "bool_mask": {0: "seq", 1: "seq"},
                           "float_mask": {0: "batch", 2: "seq", 3: "seq"}},
             needs=[(11, "a causal mask of run-time size needs Range")]),
        Case("lstm", lambda: _eval(LSTMModel()), (r(2, 5, 8),), (r(3, 7, 8),),
             input_names=["x"], dynamic_axes={"x": {0: "batch", 1: "seq"}}),
        Case("gru", lambda: _eval(GRUModel()), (r(5, 2, 8),), (r(3, 4, 8),),
             input_names=["x"], dynamic_axes={"x": {0: "seq", 1: "batch"}}),
        Case("for_loop", lambda: _eval(ForLoop()), (r(3, 4), 5), (r(2, 4), 9),
             mode="script", input_names=["x", "n"],
             dynamic_axes={"x": {0: "rows"}}),
        Case("while_loop", lambda: _eval(WhileLoop()), (r(3, 4),), (r(5, 2),),
             mode="script", input_names=["x"],
             dynamic_axes={"x": {0: "a", 1: "b"}}),
        Case("data_if", lambda: _eval(DataIf()), (r(3, 4),), (-r(3, 4).abs(),),
             mode="script", input_names=["x"]),
        Case("nested_control", lambda: _eval(NestedControl()), (r(3, 4),),
             (r(3, 4) + 2.0,), mode="script", input_names=["x"]),
        Case("list_append", lambda: _eval(ListAppend()), (r(4, 3),), (r(6, 3),),
             mode="script", input_names=["x"], dynamic_axes={"x": {0: "n"}}),
        Case("list_append_if", lambda: _eval(ListAppendIf()), (r(5, 3),),
             (r(8, 3),), mode="script", input_names=["x"],
             dynamic_axes={"x": {0: "n"}},
             needs=[(11, "ONNX sequences need opset 11"),
                    (13, "Loop carries sequences from opset 13"),
                    (14, "Identity on sequences (an unchanged branch) needs "
                         "opset 14")]),
        Case("elementwise", lambda: _eval(Elementwise()), (r(3, 5), r(3, 5)),
             input_names=["a", "b"]),
        Case("activations", lambda: _eval(Activations()), (r(4, 6),),
             input_names=["x"]),
        Case("reductions", lambda: _eval(Reductions()), (r(3, 4, 5),),
             input_names=["x"]),
        Case("shrinks", lambda: _eval(Shrinks()), (r(4, 6),), (r(7, 6),),
             input_names=["x"], dynamic_axes={"x": {0: "n"}}),
        Case("math_formulas", lambda: _eval(MathFormulas()), (r(4, 6), r(4, 6)),
             (r(2, 6), r(2, 6)), input_names=["x", "y"],
             dynamic_axes={"x": {0: "n"}, "y": {0: "n"}}),
        Case("losses", lambda: _eval(Losses()), (r(4, 5), r(4, 5)),
             (r(7, 5), r(7, 5)), input_names=["x", "t"],
             dynamic_axes={"x": {0: "n"}, "t": {0: "n"}}),
        Case("mean_and_grids", lambda: _eval(MeanAndGrids()),
             (r(3, 4, 5), r(3), r(6)), (r(2, 4, 5), r(2), r(9)),
             input_names=["x", "a", "b"],
             dynamic_axes={"x": {0: "n"}, "a": {0: "n"}, "b": {0: "m"}}),
        Case("advanced_index", lambda: _eval(AdvancedIndex()),
             (r(3, 4, 5), torch.tensor([0, 2, -1]), torch.tensor([1, 1, 3]),
              torch.rand(3, 4) > 0.5),
             (r(4, 4, 6), torch.tensor([3, 0, 1]), torch.tensor([3, 0, -2]),
              torch.rand(4, 4) > 0.5),
             input_names=["x", "i", "j", "m"],
             dynamic_axes={"x": {0: "a", 2: "c"}, "m": {0: "a"}},
             needs=[(11, "several index tensors and boolean masks need "
                         "GatherND (opset 11)")]),
        Case("windows", lambda: _eval(Windows()), (r(2, 4, 6, 7),),
             (r(3, 4, 6, 7),), input_names=["x"], dynamic_axes=BATCH),
        Case("grid_sample", lambda: _eval(GridSample()),
             (r(2, 4, 6, 7), torch.rand(2, 3, 5, 2) * 2.4 - 1.2),
             (r(3, 4, 6, 7), torch.rand(3, 2, 4, 2) * 2.4 - 1.2),
             input_names=["x", "grid"],
             dynamic_axes={"x": {0: "n"}, "grid": {0: "n", 1: "h", 2: "w"}},
             needs=[(16, "grid_sample is GridSample (opset 16)")]),
        Case("index_put", lambda: _eval(IndexPut()),
             (r(3, 4, 5), torch.tensor([0, 2, -1]), torch.tensor([1, 1, 3]),
              r(2, 4, 5)),
             (r(4, 4, 5), torch.tensor([3, 0, 1]), torch.tensor([3, 0, -2]),
              r(2, 4, 5)),
             input_names=["x", "i", "j", "v"], dynamic_axes={"x": {0: "a"}},
             needs=[(11, "assigning through index tensors needs ScatterND "
                         "(opset 11)")]),
        Case("index_put_accumulate", lambda: _eval(IndexPutAccumulate()),
             (r(3, 4, 5), torch.tensor([0, 2, 0]), torch.tensor([1, 1, 3]),
              r(2, 4, 5)),
             input_names=["x", "i", "j", "v"],
             needs=[(16, "accumulate=True needs ScatterND's reduction "
                         "(opset 16)")]),
        Case("view_mutation", lambda: _eval(ViewMutation()),
             (r(3, 4, 5), torch.tensor([0, 2, -1]), r(2, 4, 5)),
             (r(5, 4, 5), torch.tensor([3, 0, 1]), r(2, 4, 5)),
             input_names=["x", "i", "v"], dynamic_axes={"x": {0: "a"}},
             needs=[(11, "writes through views are ScatterElements "
                         "(opset 11)")]),
        Case("nested_io", lambda: _eval(NestedIO()),
             ((r(2, 4), r(2, 3)), [r(5), r(5)], (2.0,)),
             ((r(6, 4), r(6, 3)), [r(5), r(5)], (2.0,)),
             input_names=["a", "b", "x0", "x1"],
             dynamic_axes={"a": {0: "n"}, "b": {0: "n"}}),
        Case("quant_cnn", quant_cnn, (r(2, 3, 16, 16),), (r(3, 3, 16, 16),),
             input_names=["x"], dynamic_axes=BATCH,
             atol=QUANT_OUT_SCALE * 1.001, needs=[NOT_BEFORE_10_QDQ]),
        Case("quant_cnn_script", quant_cnn, (r(2, 3, 16, 16),),
             (r(3, 3, 16, 16),), mode="script", input_names=["x"],
             dynamic_axes=BATCH, atol=QUANT_OUT_SCALE * 1.001,
             needs=[NOT_BEFORE_10_QDQ]),
        Case("packed_rnn", lambda: _eval(PackedRNN()),
             (r(3, 6, 4), torch.tensor([4, 6, 2]), r(4, 3, 5), r(4, 3, 5)),
             (r(4, 7, 4), torch.tensor([3, 5, 7, 1]), r(4, 4, 5),
              r(4, 4, 5)),
             input_names=["x", "lengths", "h0", "c0"],
             dynamic_axes={"x": {0: "batch", 1: "seq"}, "lengths": {0: "batch"},
                           "h0": {1: "batch"}, "c0": {1: "batch"}},
             needs=[(11, "unsorted lengths are sorted (aten.sort is TopK "
                         "with a run-time k, opset 11)")]),
        Case("packed_sorted", lambda: _eval(PackedSorted()),
             (r(5, 3, 4), torch.tensor([4, 4, 2])),
             (r(8, 2, 4), torch.tensor([7, 3])),
             input_names=["x", "lengths"],
             dynamic_axes={"x": {0: "seq", 1: "batch"},
                           "lengths": {0: "batch"}}),
        Case("packed_sorted_script", lambda: _eval(PackedSorted()),
             (r(5, 3, 4), torch.tensor([4, 4, 2])),
             (r(8, 2, 4), torch.tensor([7, 3])), mode="script",
             input_names=["x", "lengths"],
             dynamic_axes={"x": {0: "seq", 1: "batch"},
                           "lengths": {0: "batch"}}),
        Case("packed_rnn_script", lambda: _eval(PackedRNN()),
             (r(3, 6, 4), torch.tensor([4, 6, 2]), r(4, 3, 5), r(4, 3, 5)),
             (r(4, 7, 4), torch.tensor([3, 5, 7, 1]), r(4, 4, 5),
              r(4, 4, 5)), mode="script",
             input_names=["x", "lengths", "h0", "c0"],
             dynamic_axes={"x": {0: "batch", 1: "seq"}, "lengths": {0: "batch"},
                           "h0": {1: "batch"}, "c0": {1: "batch"}},
             needs=[(11, "unsorted lengths are sorted (aten.sort is TopK "
                         "with a run-time k, opset 11)")]),
        Case("rnn_variants", lambda: _eval(RNNVariants()), (r(7, 3, 6), r(4, 3, 5)),
             (r(9, 3, 6), r(4, 3, 5)), input_names=["x", "h0"],
             dynamic_axes={"x": {0: "seq"}}),
        Case("rnn_variants_script", lambda: _eval(RNNVariants()),
             (r(7, 3, 6), r(4, 3, 5)), (r(9, 3, 6), r(4, 3, 5)), mode="script",
             input_names=["x", "h0"], dynamic_axes={"x": {0: "seq"}}),
        Case("dynamic_split", lambda: _eval(DynamicSplit()), (r(2, 6, 3),),
             (r(2, 5, 4),), input_names=["x"],
             dynamic_axes={"x": {1: "n", 2: "m"}},
             needs=[(10, "chunk of a run-time size slices at run-time bounds "
                         "(Slice-10)")]),
        Case("more_ops", lambda: _eval(MoreOps()),
             (r(3, 4), r(3, 4), torch.tensor([[0, 3], [1, 1], [2, 0]])),
             (r(5, 4), r(5, 4), torch.tensor([[1, 2], [0, 0], [3, 1], [2, 2],
                                              [0, 1]])),
             input_names=["x", "y", "idx"],
             dynamic_axes={"x": {0: "n"}, "y": {0: "n"}, "idx": {0: "n"}},
             needs=[(11, "scatter and sort need ScatterElements and TopK's "
                         "largest (opset 11)")]),
        Case("class_losses", lambda: _eval(ClassLosses()),
             (r(6, 5), torch.tensor([0, 4, 2, 1, 2, 3])),
             (r(3, 5), torch.tensor([1, 2, 0])), input_names=["x", "t"],
             dynamic_axes={"x": {0: "n"}, "t": {0: "n"}},
             needs=[(12, "the loss operators are opset 12")]),
        Case("index_add", lambda: _eval(IndexAdd()), (r(3, 4), r(3, 4)),
             (r(5, 4), r(5, 4)), input_names=["x", "y"],
             dynamic_axes={"x": {0: "n"}, "y": {0: "n"}}),
        Case("interp_1d_3d", lambda: _eval(Interp1d3d()),
             (r(2, 3, 7), r(1, 2, 2, 3, 4)), (r(4, 3, 7), r(3, 2, 2, 3, 4)),
             input_names=["a", "v"], dynamic_axes={"a": {0: "n"}, "v": {0: "m"}},
             needs=[(11, "linear interpolation with PyTorch's coordinates "
                         "needs Resize-11")]),
        Case("vector_norms", lambda: _eval(VectorNorms()), (r(3, 4, 5), r(3, 4, 5)),
             input_names=["x", "y"]),
        Case("rearrange", lambda: _eval(Rearrange()),
             (r(2, 3, 4), r(5), torch.tensor([0, 6, 3, 1])),
             (r(3, 3, 4), r(8), torch.tensor([2, 5])),
             input_names=["x", "v", "idx"],
             dynamic_axes={"x": {0: "b"}, "v": {0: "n"}, "idx": {0: "k"}},
             needs=[(10, "flip of a dynamic-size dim needs Slice steps "
                         "(opset 10)")]),
        Case("shape_ops", lambda: _eval(ShapeOps()), (r(2, 8, 3, 3),),
             (r(5, 8, 3, 3),), input_names=["x"], dynamic_axes=BATCH,
             needs=[(10, "strided slicing needs Slice-10")]),
        Case("norms", lambda: _eval(Norms()), (r(2, 4, 3, 4),), (r(3, 4, 3, 4),),
             input_names=["x"], dynamic_axes=BATCH),
        Case("pooling", lambda: _eval(Pooling()), (r(2, 3, 9, 9),),
             input_names=["x"],
             needs=[(10, "ceil_mode and dilation need opset 10")]),
        Case("upsample_nearest", lambda: _eval(UpsampleNearest()),
             (r(1, 2, 3, 4),), input_names=["x"]),
        Case("upsample_bilinear", lambda: _eval(UpsampleBilinear()),
             (r(1, 2, 3, 4),), input_names=["x"],
             needs=[(11, NOT_BEFORE_11_BILINEAR)]),
        Case("pixel_shuffle_pad", lambda: _eval(PixelShufflePad()),
             (r(1, 8, 3, 3),), input_names=["x"]),
        Case("embedding_cumsum", lambda: _eval(EmbedCumsum()),
             (r(2, 5, dtype=torch.int64),), input_names=["ids"]),
        Case("einsum", lambda: _eval(Einsum()), (r(2, 3, 4), r(2, 4, 5)),
             input_names=["a", "b"]),
        Case("conv_variants", lambda: _eval(ConvVariants()), (r(2, 4, 8, 8),),
             input_names=["x"]),
        Case("logic", lambda: _eval(Logic()), (r(3, 4), r(3, 4)),
             input_names=["a", "b"],
             needs=[(11, "Equal on floats needs opset 11")]),
        Case("dynamic_reshape", lambda: _eval(DynamicReshape()),
             (r(2, 3, 12),), (r(4, 5, 12),), input_names=["x"],
             dynamic_axes={"x": {0: "batch", 1: "chan"}}),
        Case("topk", lambda: _eval(TopK()), (r(3, 7),), input_names=["x"],
             needs=[(10, "TopK with k as an input needs opset 10")]),
        Case("scalars", lambda: _eval(Scalars()), (r(2, 8), 1, 0.5),
             (r(2, 8), 2, 2.0), mode="script", input_names=["x", "k", "s"],
             needs=[(10, "slice bounds computed at run time need Slice-10")]),
        # torch.export-only (mode="dynamo"): torch.cond / while_loop and
        # symbolic sizes.
        Case("cond", lambda: _eval(CondBranches()), (r(3, 6),),
             (-r(5, 6).abs(),), mode="dynamo", input_names=["x"],
             dynamic_axes={"x": {0: "n"}}),
        Case("while_doubling", lambda: _eval(WhileDoubling()), (r(3, 4),),
             (r(5, 4) * 30,), mode="dynamo", input_names=["x"],
             dynamic_axes={"x": {0: "n"}}),
        Case("scan", lambda: _eval(ScanCumulative()), (r(5, 4),), (r(8, 4),),
             mode="dynamo", input_names=["xs"],
             dynamic_axes={"xs": {0: "steps"}}),
        Case("symbolic_sizes", lambda: _eval(SymbolicSizes()), (r(2, 4, 6),),
             (r(3, 6, 6),), mode="dynamo", input_names=["x"],
             dynamic_axes={"x": {0: "batch", 1: "seq"}}),
    ]
