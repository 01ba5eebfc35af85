#!/usr/bin/env python3
"""Scripts a small CNN with a data-dependent branch and saves it as a
TorchScript archive: small_cnn.py OUT.pt"""
import sys
import warnings

import torch
import torch.nn as nn


class SmallCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3, padding=1)
        self.bn = nn.BatchNorm2d(8)
        self.fc = nn.Linear(8, 4)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = torch.relu(self.bn(self.conv(x)))
        y = y.mean(dim=(2, 3))
        if bool(y.sum() > 0):
            y = y * 2.0
        return self.fc(y).softmax(-1)


if __name__ == "__main__":
    # torch.jit.script is deprecated since torch 2.11 (torch.export is its
    # successor) but still what the TorchScript frontend reads.
    warnings.filterwarnings("ignore", category=FutureWarning)
    torch.manual_seed(0)
    torch.jit.script(SmallCNN().eval()).save(sys.argv[1])
