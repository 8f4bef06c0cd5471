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

// A receptive field is one contiguous run of x when the filter has one row and no dilation
// along the width (every tfjs conv1d): then row i of the im2col matrix can be read in place.
bool contiguousFields(const ConvGeom& g) { return g.filterH == 1 && g.dilationW == 1; }

// Pointers to the im2col rows of a contiguous-field convolution: into x where the field lies
// inside the input, else into `edges`, which receives zero-padded copies of the fields that
// overhang the padding (a few per image). Which output columns overhang is the same for every
// image and row, so it is worked out once.
void fieldRows(const ConvGeom& g, const float* x, std::vector<const float*>& rowPtr, std::vector<float>& edges) {
  const long K = patch(g), C = g.inC;
  rowPtr.resize(rows(g));
  std::vector<char> overhangs(g.outW);
  long nOver = 0, rowsInside = 0;
  for (long ow = 0; ow < g.outW; ow++) {
    long iw = ow * g.strideW - g.padLeft;
    overhangs[ow] = iw < 0 || iw + g.filterW > g.inW;
    nOver += overhangs[ow];
  }
  for (long oh = 0; oh < g.outH; oh++) {
    long ih = oh * g.strideH - g.padTop;
    rowsInside += ih >= 0 && ih < g.inH;
  }
  edges.assign((g.batch * (rowsInside * nOver + (g.outH - rowsInside) * g.outW)) * K, 0.f);
  float* e = edges.data();
  const float** p = rowPtr.data();
  for (long b = 0; b < g.batch; b++) {
    for (long oh = 0; oh < g.outH; oh++) {
      long ih = oh * g.strideH - g.padTop;
      bool rowInside = ih >= 0 && ih < g.inH;
      const float* line = x + (b * g.inH + (rowInside ? ih : 0)) * g.inW * C;
      for (long ow = 0; ow < g.outW; ow++, p++) {
        long iw = ow * g.strideW - g.padLeft;
        if (rowInside && !overhangs[ow]) {
          *p = line + iw * C;
          continue;
        }
        if (rowInside) {
          for (long fw = 0; fw < g.filterW; fw++) {
            long w = iw + fw;
            if (w >= 0 && w < g.inW) std::memcpy(e + fw * C, line + w * C, C * sizeof(float));
          }
        }
        *p = e;
        e += K;
      }
    }
  }
}

struct FieldRows {
  std::vector<const float*> ptr;
  std::vector<float> edges;
};

FieldRows& fieldScratch() {
  static thread_local FieldRows f;
  return f;
}

}  // namespace

// The im2col matrix of x as a GEMM operand, [B·OH·OW, FH·FW·Cin], or its transpose: x itself
// for a pointwise convolution, the receptive fields read in place for a conv1d, else a copy.
static MatView fields(const ConvGeom& g, const float* x, bool transposed) {
  const long M = rows(g), K = patch(g);
  if (pointwise(g)) return transposed ? MatView{x, 1, K} : MatView{x, K, 1};
  if (contiguousFields(g)) {
    auto& f = fieldScratch();
    fieldRows(g, x, f.ptr, f.edges);
    return MatView{nullptr, 0, 0, f.ptr.data(), transposed};
  }
  auto& cols = scratch();
  cols.resize(M * K);
  im2col(g, x, cols.data());
  return transposed ? MatView{cols.data(), 1, K} : MatView{cols.data(), K, 1};
}

void conv2d(const ConvGeom& g, const float* x, const float* w, float* y) {
  const long M = rows(g), K = patch(g), N = g.outC;
  gemm(M, N, K, fields(g, x, false), MatView{w, N, 1}, y, N, false);
}

void conv2dBackpropInput(const ConvGeom& g, const float* dy, const float* w, float* dx) {
  const long M = rows(g), K = patch(g), N = g.outC;
  if (contiguousFields(g) && g.strideH == 1 && g.strideW == 1 && g.padTop == 0 && g.outH == g.inH && !pointwise(g)) {
    // With unit strides dx is the forward convolution of dy with the filter reversed along the
    // width and its channel axes swapped, padded by FW − 1 − padLeft: no col2im.
    const long FW = g.filterW, C = g.inC;
    static thread_local std::vector<float> flipped;
    flipped.resize(FW * N * C);
    for (long fw = 0; fw < FW; fw++)
      for (long ci = 0; ci < C; ci++)
        for (long co = 0; co < N; co++) flipped[(fw * N + co) * C + ci] = w[((FW - 1 - fw) * C + ci) * N + co];
    ConvGeom t{g.batch, g.outH, g.outW, N, g.inH, g.inW, C, 1, FW, 1, 1, 1, 1, 0, FW - 1 - g.padLeft};
    conv2d(t, dy, flipped.data(), dx);
    return;
  }
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
  // dw = colsᵀ · dy; the transpose is a view, never a copy.
  gemm(K, N, M, fields(g, x, true), MatView{dy, N, 1}, dw, N, false);
}

}  // namespace ecg
