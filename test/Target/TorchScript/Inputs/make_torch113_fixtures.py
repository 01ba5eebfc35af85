#!/usr/bin/python3
"""Makes the committed torch-1.13 TorchScript fixtures in torch113/ (run once,
with Debian's python3-torch 1.13: `/usr/bin/python3 make_torch113_fixtures.py
torch113`). Each NAME.pt comes with NAME.in<i>.npy inputs and NAME.out<i>.npy
outputs of torch 1.13, so the test checks that archives of the old format
still import and that the exported model gives torch 1.13's numbers."""
import os
import sys
from typing import List

import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)


class SmallCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3, padding=1)
        self.bn = nn.BatchNorm2d(4)
        self.fc = nn.Linear(4 * 4 * 4, 5)

    def forward(self, x):
        y = torch.relu(self.bn(self.conv(x)))
        y = nn.functional.max_pool2d(y, 2)
        return torch.softmax(self.fc(y.flatten(1)), dim=1)


class ScriptedControlFlow(nn.Module):
    def forward(self, x: torch.Tensor, n: int) -> torch.Tensor:
        parts: List[torch.Tensor] = []
        for i in range(n):
            if bool(x.mean() > 0):
                x = torch.tanh(x) + i
            else:
                x = x * 0.5 - i
            parts.append(x)
        return torch.cat(parts, 0)


class LSTMModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(3, 4, batch_first=True)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out, _ = self.lstm(x)
        return out


def save(out, name, module, inputs):
    module.save(os.path.join(out, name + ".pt"))
    with torch.no_grad():
        res = module(*inputs)
    for i, t in enumerate(a for a in inputs if isinstance(a, torch.Tensor)):
        np.save(os.path.join(out, f"{name}.in{i}.npy"), t.numpy())
    np.save(os.path.join(out, f"{name}.out0.npy"), res.numpy())


def main():
    assert torch.__version__.startswith("1.13"), torch.__version__
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    x = torch.randn(2, 3, 8, 8)
    save(out, "traced_cnn", torch.jit.trace(SmallCNN().eval(), x), (x,))
    x = torch.randn(2, 3)
    save(out, "scripted_control_flow",
         torch.jit.script(ScriptedControlFlow().eval()), (x, 3))
    x = torch.randn(1, 5, 3)
    save(out, "traced_lstm", torch.jit.trace(LSTMModel().eval(), x), (x,))


if __name__ == "__main__":
    main()
