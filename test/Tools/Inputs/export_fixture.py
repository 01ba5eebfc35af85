#!/usr/bin/env python3
"""Saves small TorchScript archives for the torch-onnx-export tests:
export_fixture.py NAME OUT.pt"""
import sys

import torch
import torch.nn as nn


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3, padding=1)
        self.fc = nn.Linear(4, 64)

    def forward(self, x):
        y = torch.relu(self.conv(x)).mean(dim=(2, 3))
        return self.fc(y).softmax(-1)


class Celu(nn.Module):
    def forward(self, a):
        return torch.celu(a, 0.5)


class Loop(nn.Module):
    def forward(self, x: torch.Tensor, n: int) -> torch.Tensor:
        for i in range(n):
            x = x * 2.0 + float(i)
        return x


if __name__ == "__main__":
    torch.manual_seed(0)
    name, out = sys.argv[1], sys.argv[2]
    if name == "cnn":
        torch.jit.trace(CNN().eval(), torch.randn(1, 3, 8, 8)).save(out)
    elif name == "celu":
        torch.jit.script(Celu()).save(out)
    elif name == "loop":
        torch.jit.script(Loop()).save(out)
    else:
        raise SystemExit(f"unknown fixture {name}")
