#!/usr/bin/python3
"""PyTorch peer of `ecg bench`: trains and predicts the three reference models on synthetic data.

Usage: /usr/bin/python3 scripts/bench_torch.py [--models cnn,cnnBilstm,lstm] [--seconds 3]
       [--repeats 3] [--threads 2] [--batch 64]
Prints one JSON object: {"backend", "threads", "models": {name: {trainSamplesPerSec,
predictSamplesPerSec}}}. Each figure is the best of `repeats` timed runs of about `seconds`
each, after a warm-up; the data are synthetic (normal noise, uniform labels).
"""
import argparse
import json
import time

import torch
from torch import nn

STEPS, CLASSES = 187, 5


class ConvBlock(nn.Sequential):
    def __init__(self, cin, cout, batch_norm):
        layers = [nn.Conv1d(cin, cout, 5, padding=2)]
        if batch_norm:
            layers.append(nn.BatchNorm1d(cout))
        layers += [nn.ReLU(), nn.MaxPool1d(2)]
        super().__init__(*layers)


class Cnn(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(ConvBlock(1, 32, True), ConvBlock(32, 64, True))
        self.head = nn.Linear(64, CLASSES)

    def forward(self, x):  # x: [B, 187, 1], channels last like the tfjs model
        h = self.features(x.transpose(1, 2))
        return self.head(h.mean(dim=2))


class CnnBilstm(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(ConvBlock(1, 32, True), ConvBlock(32, 64, True), ConvBlock(64, 64, False))
        self.lstm = nn.LSTM(64, 32, batch_first=True, bidirectional=True)
        self.head = nn.Linear(64, CLASSES)

    def forward(self, x):
        h = self.features(x.transpose(1, 2)).transpose(1, 2)
        _, (hn, _) = self.lstm(h)
        # Keras' Bidirectional(LSTM) without return_sequences concatenates both final states.
        return self.head(torch.cat([hn[0], hn[1]], dim=1))


class Lstm(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(1, 64, batch_first=True)
        self.head = nn.Linear(64, CLASSES)

    def forward(self, x):
        _, (hn, _) = self.lstm(x)
        return self.head(hn[0])


MODELS = {'cnn': Cnn, 'cnnBilstm': CnnBilstm, 'lstm': Lstm}


def timed(step, seconds, repeats, batch):
    """Best samples/s over `repeats` runs of `step` lasting about `seconds` each."""
    best = 0.0
    for _ in range(repeats):
        n = 0
        start = time.perf_counter()
        while True:
            step()
            n += 1
            elapsed = time.perf_counter() - start
            if elapsed >= seconds:
                break
        best = max(best, n * batch / elapsed)
    return best


def bench(name, seconds, repeats, batch):
    torch.manual_seed(1)
    model = MODELS[name]()
    x = torch.randn(batch * 8, STEPS, 1)
    y = torch.randint(0, CLASSES, (batch * 8,))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    i = [0]

    def train_step():
        k = i[0] % 8
        i[0] += 1
        xb, yb = x[k * batch:(k + 1) * batch], y[k * batch:(k + 1) * batch]
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()

    def predict_step():
        k = i[0] % 8
        i[0] += 1
        with torch.no_grad():
            torch.softmax(model(x[k * batch:(k + 1) * batch]), dim=1)

    model.train()
    for _ in range(3):
        train_step()
    train = timed(train_step, seconds, repeats, batch)
    model.eval()
    for _ in range(3):
        predict_step()
    predict = timed(predict_step, seconds, repeats, batch)
    return {'trainSamplesPerSec': round(train, 1), 'predictSamplesPerSec': round(predict, 1)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--models', default='cnn,cnnBilstm,lstm')
    ap.add_argument('--seconds', type=float, default=3.0)
    ap.add_argument('--repeats', type=int, default=3)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--batch', type=int, default=64)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    models = {}
    for name in a.models.split(','):
        if name not in MODELS:
            raise SystemExit(f'unknown model {name!r}; expected one of {", ".join(MODELS)}')
        models[name] = bench(name, a.seconds, a.repeats, a.batch)
    print(json.dumps({'backend': f'pytorch {torch.__version__}', 'threads': torch.get_num_threads(), 'models': models}))


if __name__ == '__main__':
    main()
