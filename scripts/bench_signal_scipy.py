"""Times scipy.signal.sosfiltfilt for `npm run bench:signal` (run by scripts/bench-signal.ts).

Usage: /usr/bin/python3 bench_signal_scipy.py <signal.f64> <sos.json> <repeats> <out.f64>
Reads the float64 signal and the second-order sections, filters `repeats` times, writes the
output (for the TypeScript side to compare) and prints JSON with the median time.
"""
import json
import sys
import time

import numpy as np
import scipy
from scipy import signal as ss


def main() -> None:
    x = np.fromfile(sys.argv[1], dtype=np.float64)
    sos = np.array(json.load(open(sys.argv[2])), dtype=np.float64).reshape(-1, 6)
    repeats = int(sys.argv[3])
    ss.sosfiltfilt(sos, x)  # warm-up
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        y = ss.sosfiltfilt(sos, x)
        times.append(time.perf_counter() - t0)
    y.astype(np.float64).tofile(sys.argv[4])
    med = float(np.median(times))
    print(json.dumps({"scipy": scipy.__version__, "numpy": np.__version__, "medianSec": med, "samplesPerSecond": len(x) / med}))


if __name__ == "__main__":
    main()
