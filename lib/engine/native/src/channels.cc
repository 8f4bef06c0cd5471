// The statistics here must equal lib/engine/kernels/batch-norm-kernels.ts bit for bit (the engine
// tests compare them), so no multiply-add is fused into one rounding.
#pragma GCC optimize("fp-contract=off")

#include "channels.h"

#include <algorithm>
#include <vector>

#include "pool.h"

namespace ecg {

namespace {

// Rows per task for the row-parallel loops: a multiple of nothing in particular, but fixed, so
// the work split never depends on the thread count.
constexpr long ROWS_SERIAL = 4096;

}  // namespace

void channelMoments(const float* x, long rows, long C, float* mean, float* variance) {
  // Sums run down the rows in order for each channel (vectorised across channels), so the result
  // is that of a plain sequential loop.
  std::vector<double> s(C, 0.0), mu(C);
  for (long i = 0; i < rows; i++) {
    const float* r = x + i * C;
    for (long c = 0; c < C; c++) s[c] += r[c];
  }
  for (long c = 0; c < C; c++) mu[c] = rows ? s[c] / double(rows) : 0.0;
  std::fill(s.begin(), s.end(), 0.0);
  for (long i = 0; i < rows; i++) {
    const float* r = x + i * C;
    for (long c = 0; c < C; c++) {
      double d = double(r[c]) - mu[c];
      s[c] += d * d;
    }
  }
  for (long c = 0; c < C; c++) {
    mean[c] = float(mu[c]);
    variance[c] = rows ? float(s[c] / double(rows)) : 0.f;
  }
}

void batchNormGradSums(const float* x, const float* dy, const float* mean, long rows, long C, float* sumDy, float* sumDyXmu) {
  std::vector<double> a(C, 0.0), b(C, 0.0);
  for (long i = 0; i < rows; i++) {
    const float* xr = x + i * C;
    const float* gr = dy + i * C;
    for (long c = 0; c < C; c++) {
      double g = gr[c];
      a[c] += g;
      b[c] += g * (double(xr[c]) - double(mean[c]));
    }
  }
  for (long c = 0; c < C; c++) {
    sumDy[c] = float(a[c]);
    sumDyXmu[c] = float(b[c]);
  }
}

void scaleShift(const float* x, const float* scale, const float* shift, long rows, long C, bool relu, float* y) {
  pool().parallelFor(rows, [&](long lo, long hi) {
    for (long i = lo; i < hi; i++) {
      const float* xr = x + i * C;
      float* yr = y + i * C;
      if (scale && shift) {
        for (long c = 0; c < C; c++) yr[c] = xr[c] * scale[c] + shift[c];
      } else if (scale) {
        for (long c = 0; c < C; c++) yr[c] = xr[c] * scale[c];
      } else if (shift) {
        for (long c = 0; c < C; c++) yr[c] = xr[c] + shift[c];
      } else {
        for (long c = 0; c < C; c++) yr[c] = xr[c];
      }
      if (relu)
        for (long c = 0; c < C; c++) yr[c] = yr[c] < 0.f ? 0.f : yr[c];
    }
  }, rows * C < ROWS_SERIAL * 8);
}

void sumMiddle(const float* x, long outer, long mid, long inner, double scale, float* out) {
  std::vector<double> acc(inner);
  for (long o = 0; o < outer; o++) {
    std::fill(acc.begin(), acc.end(), 0.0);
    const float* base = x + o * mid * inner;
    for (long r = 0; r < mid; r++) {
      const float* row = base + r * inner;
      for (long j = 0; j < inner; j++) acc[j] += row[j];
    }
    for (long j = 0; j < inner; j++) out[o * inner + j] = float(acc[j] * scale);
  }
}

namespace {

// The first input row/column of window o and the number of valid taps along one axis.
inline void window(long o, long stride, long pad, long filter, long dilation, long in, long* first, long* taps) {
  long start = o * stride - pad;
  long t0 = 0;
  while (start + t0 < 0) t0 += dilation;
  *first = start + t0;
  long n = 0;
  for (long t = t0; t < filter && start + t < in; t += dilation) n++;
  *taps = n;
}

}  // namespace

void maxPool(const PoolGeom& g, const float* x, float* y) {
  const long C = g.C;
  pool().parallelFor(g.batch * g.outH, [&](long lo, long hi) {
    for (long r = lo; r < hi; r++) {
      long b = r / g.outH, oh = r % g.outH, h0, nh;
      window(oh, g.strideH, g.padTop, g.filterH, g.dilationH, g.inH, &h0, &nh);
      for (long ow = 0; ow < g.outW; ow++) {
        long w0, nw;
        window(ow, g.strideW, g.padLeft, g.filterW, g.dilationW, g.inW, &w0, &nw);
        float* out = y + ((b * g.outH + oh) * g.outW + ow) * C;
        if (nh == 0 || nw == 0) {
          std::fill(out, out + C, -__builtin_inff());  // an empty window, as tfjs's cpu backend
          continue;
        }
        const float* seed = x + ((b * g.inH + h0) * g.inW + w0) * C;
        std::copy(seed, seed + C, out);
        for (long th = 0; th < nh; th++) {
          for (long tw = 0; tw < nw; tw++) {
            if (th == 0 && tw == 0) continue;
            const float* p = x + ((b * g.inH + h0 + th * g.dilationH) * g.inW + w0 + tw * g.dilationW) * C;
            for (long c = 0; c < C; c++) out[c] = p[c] > out[c] ? p[c] : out[c];
          }
        }
      }
    }
  }, g.batch * g.outH * g.outW * C < ROWS_SERIAL * 8);
}

void maxPoolGrad(const PoolGeom& g, const float* x, const float* dy, float* dx) {
  const long C = g.C, image = g.inH * g.inW * C;
  // One image per task: windows of one image may overlap, those of two images never do.
  pool().parallelFor(g.batch, [&](long lo, long hi) {
    std::fill(dx + lo * image, dx + hi * image, 0.f);
    // Per channel, the running maximum and the number of the window tap holding it; then each
    // tap's position gets dy where it is that tap. Both loops are branch-free and vectorise
    // across channels (a data-dependent branch mispredicts half the time on real signals).
    std::vector<float> best(C);
    std::vector<int> which(C);
    std::vector<long> taps;
    for (long b = lo; b < hi; b++) {
      for (long oh = 0; oh < g.outH; oh++) {
        long h0, nh;
        window(oh, g.strideH, g.padTop, g.filterH, g.dilationH, g.inH, &h0, &nh);
        for (long ow = 0; ow < g.outW; ow++) {
          long w0, nw;
          window(ow, g.strideW, g.padLeft, g.filterW, g.dilationW, g.inW, &w0, &nw);
          if (nh == 0 || nw == 0) continue;
          taps.clear();
          for (long th = 0; th < nh; th++)
            for (long tw = 0; tw < nw; tw++) taps.push_back(((b * g.inH + h0 + th * g.dilationH) * g.inW + w0 + tw * g.dilationW) * C);
          float* __restrict v = best.data();
          int* __restrict k = which.data();
          const float* first = x + taps[0];
          for (long c = 0; c < C; c++) {
            v[c] = first[c];
            k[c] = 0;
          }
          for (int t = 1; t < int(taps.size()); t++) {
            const float* __restrict p = x + taps[t];
            for (long c = 0; c < C; c++) {
              bool more = p[c] > v[c];
              v[c] = more ? p[c] : v[c];
              k[c] = more ? t : k[c];
            }
          }
          const float* __restrict d = dy + ((b * g.outH + oh) * g.outW + ow) * C;
          for (int t = 0; t < int(taps.size()); t++) {
            float* __restrict q = dx + taps[t];
            for (long c = 0; c < C; c++) q[c] += k[c] == t ? d[c] : 0.f;
          }
        }
      }
    }
  }, g.batch * image < ROWS_SERIAL * 8);
}

}  // namespace ecg
