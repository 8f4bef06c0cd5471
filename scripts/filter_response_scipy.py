"""Writes test/fixtures/filter-response-scipy.json: scipy's frequency response of the project's
Butterworth designs, the reference for test/signal/filter-response.test.ts (which reads the JSON,
so the tests need no Python).

Usage: /usr/bin/python3 scripts/filter_response_scipy.py   (Debian: apt-get install python3-scipy)

Each design is made by scipy.signal.butter (output='sos'), independently of lib/signal/butter.ts,
and evaluated with scipy.signal.sosfreqz at frequencies that are multiples of 0.25 Hz, so that
they fall on the grid of fili's response() at 360 Hz with 720 points (f_k = k * fs / (2 * 720)).
"""
import json
import os

import numpy as np
import scipy
from scipy import signal as ss

FS = 360.0
FREQS = [0.25, 0.5, 1, 2, 3, 5, 8, 10, 12.5, 15, 20, 30, 40, 50, 60, 100, 150, 179.75]

# name, order (of the prototype for band-pass, as lib/signal/butter and scipy), edges, kind, where used
DESIGNS = [
    ("bandpass 0.5-40 Hz order 2", 2, [0.5, 40], "bandpass", "beat recipe (data/beat-recipe, notebook 01)"),
    ("bandpass 6-20 Hz order 2", 2, [6, 20], "bandpass", "R-peak detector (signal/detect-r-peaks)"),
    ("bandpass 5-15 Hz order 2", 2, [5, 15], "bandpass", "Pan-Tompkins (signal/pan-tompkins)"),
    ("highpass 0.5 Hz order 2", 2, 0.5, "highpass", "signal/highpass default"),
    ("lowpass 40 Hz order 4", 4, 40, "lowpass", "signal/lowpass default"),
]


def main() -> None:
    out = {
        "generator": "scripts/filter_response_scipy.py",
        "scipy": scipy.__version__,
        "numpy": np.__version__,
        "fsHz": FS,
        "freqsHz": FREQS,
        "designs": [],
    }
    for name, order, edges, kind, used in DESIGNS:
        sos = ss.butter(order, edges, btype=kind, fs=FS, output="sos")
        w, h = ss.sosfreqz(sos, worN=np.array(FREQS, dtype=np.float64), fs=FS)
        assert np.allclose(w, FREQS)
        out["designs"].append(
            {
                "name": name,
                "order": order,
                "cutoffHz": edges,
                "kind": kind,
                "usedBy": used,
                "magnitude": [float(v) for v in np.abs(h)],
                # Principal value in (-pi, pi]: the test compares phases modulo 2 pi.
                "phaseRad": [float(v) for v in np.angle(h)],
            }
        )
    path = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "filter-response-scipy.json")
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    os.replace(tmp, path)
    print(f"wrote {os.path.normpath(path)}: {len(DESIGNS)} designs x {len(FREQS)} frequencies (scipy {scipy.__version__})")


if __name__ == "__main__":
    main()
