#include "conv.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "gemm.h"
#include "pool.h"

namespace ecg {

namespace {

long rows(const ConvGeom& g) { return g.batch * g.outH * g.outW; }
long patch(const ConvGeom& g) { return g.filterH * g.filterW * g.inC; }

// A 1×1 convolution with unit strides and no padding reads x as it is: no im2col needed.
bool pointwise(const ConvGeom& g) {
  return g.filterH == 1 && g.filterW == 1 && g.strideH == 1 && g.strideW == 1 && g.padTop == 0 && g.padLeft == 0 &&
         g.outH == g.inH && g.outW == g.inW;
}

// cols [B·OH·OW, FH·FW·Cin]: row (b, oh, ow) holds the receptive field, zeros in the padding.
void im2col(const ConvGeom& g, const float* x, float* cols) {
  const long K = patch(g), C = g.inC;
  pool().parallelFor(rows(g), [&](long lo, long hi) {
    for (long i = lo; i < hi; i++) {
      long ow = i % g.outW, oh = (i / g.outW) % g.outH, b = i / (g.outW * g.outH);
      float* dst = cols + i * K;
      for (long fh = 0; fh < g.filterH; fh++) {
        long ih = oh * g.strideH - g.padTop + fh * g.dilationH;
        for (long fw = 0; fw < g.filterW; fw++, dst += C) {
          long iw = ow * g.strideW - g.padLeft + fw * g.dilationW;
          if (ih < 0 || ih >= g.inH || iw < 0 || iw >= g.inW) {
            std::fill(dst, dst + C, 0.f);
          } else {
            std::memcpy(dst, x + ((b * g.inH + ih) * g.inW + iw) * C, C * sizeof(float));
          }
        }
      }
    }
  }, rows(g) * K < (1 << 14));
}

// The adjoint of im2col: dx = Σ over patches. One image per task, so no two threads write the
// same element and the order of the sums is fixed.
void col2imAdd(const ConvGeom& g, const float* cols, float* dx) {
  const long K = patch(g), C = g.inC, image = g.inH * g.inW * C;
  pool().parallelFor(g.batch, [&](long lo, long hi) {
    std::fill(dx + lo * image, dx + hi * image, 0.f);
    for (long b = lo; b < hi; b++) {
      for (long oh = 0; oh < g.outH; oh++) {
        for (long ow = 0; ow < g.outW; ow++) {
          const float* src = cols + ((b * g.outH + oh) * g.outW + ow) * K;
          for (long fh = 0; fh < g.filterH; fh++) {
            long ih = oh * g.strideH - g.padTop + fh * g.dilationH;
            for (long fw = 0; fw < g.filterW; fw++, src += C) {
              long iw = ow * g.strideW - g.padLeft + fw * g.dilationW;
              if (ih < 0 || ih >= g.inH || iw < 0 || iw >= g.inW) continue;
              float* d = dx + ((b * g.inH + ih) * g.inW + iw) * C;
              for (long c = 0; c < C; c++) d[c] += src[c];
            }
          }
        }
      }
    }
  }, g.batch * image < (1 << 14));
}

std::vector<float>& scratch() {
  static thread_local std::vector<float> buf;
  return buf;
}

}  // namespace

void conv2d(const ConvGeom& g, const float* x, const float* w, float* y) {
  const long M = rows(g), K = patch(g), N = g.outC;
  const float* a = x;
  if (!pointwise(g)) {
    auto& cols = scratch();
    cols.resize(M * K);
    im2col(g, x, cols.data());
    a = cols.data();
  }
  gemm(M, N, K, MatView{a, K, 1}, MatView{w, N, 1}, y, N, false);
}

void conv2dBackpropInput(const ConvGeom& g, const float* dy, const float* w, float* dx) {
  const long M = rows(g), K = patch(g), N = g.outC;
  // cols = dy · wᵀ, with wᵀ read through swapped strides.
  MatView dyView{dy, N, 1}, wT{w, 1, N};
  if (pointwise(g)) {
    gemm(M, K, N, dyView, wT, dx, K, false);
    return;
  }
  auto& cols = scratch();
  cols.resize(M * K);
  gemm(M, K, N, dyView, wT, cols.data(), K, false);
  col2imAdd(g, cols.data(), dx);
}

void conv2dBackpropFilter(const ConvGeom& g, const float* x, const float* dy, float* dw) {
  const long M = rows(g), K = patch(g), N = g.outC;
  const float* a = x;
  if (!pointwise(g)) {
    auto& cols = scratch();
    cols.resize(M * K);
    im2col(g, x, cols.data());
    a = cols.data();
  }
  // dw = colsᵀ · dy: the transpose is the same memory with swapped strides.
  gemm(K, N, M, MatView{a, 1, K}, MatView{dy, N, 1}, dw, N, false);
}

}  // namespace ecg
