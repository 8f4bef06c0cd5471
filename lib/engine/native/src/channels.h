// Per-channel and pooling kernels over channels-last tensors viewed as [rows, C], for the
// project's native tfjs kernels: batch-norm statistics and gradients, scale-and-shift, bias
// add, and max pooling with its gradient.
#pragma once

namespace ecg {

// mean[c], variance[c] (biased) over the rows, two passes with double accumulators.
void channelMoments(const float* x, long rows, long C, float* mean, float* variance);

// sumDy[c] = Σ dy, sumDyXmu[c] = Σ dy·(x − mean[c]) over the rows.
void batchNormGradSums(const float* x, const float* dy, const float* mean, long rows, long C, float* sumDy, float* sumDyXmu);

// y = x·scale[c] + shift[c] (either may be null and is then left out), then ReLU when asked
// (negative values to 0, NaN kept, as tfjs's ReLU).
void scaleShift(const float* x, const float* scale, const float* shift, long rows, long C, bool relu, float* y);

// out[o, j] = scale · Σ_r x[o, r, j] over x viewed as [outer, mid, inner], double accumulators
// summed in row order (the same result as lib/engine/kernels/reduce.ts's sumMiddle).
void sumMiddle(const float* x, long outer, long mid, long inner, double scale, float* out);

// The geometry of backend_util.computePool2DInfo, channels last (effective filter sizes).
struct PoolGeom {
  long batch, inH, inW, C, outH, outW, filterH, filterW, strideH, strideW, dilationH, dilationW, padTop, padLeft;
};

// y = max over each window; the window's first element in the input seeds the running maximum.
void maxPool(const PoolGeom& g, const float* x, float* y);

// dx = dy routed to the first position of each window's maximum (as tfjs's cpu backend), summed
// where windows overlap.
void maxPoolGrad(const PoolGeom& g, const float* x, const float* dy, float* dx);

}  // namespace ecg
