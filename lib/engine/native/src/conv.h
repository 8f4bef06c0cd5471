// Convolutions over NHWC tensors as im2col + GEMM (Chellapilla et al. 2006), forward and both
// gradients, for the project's native tfjs kernels.
#pragma once

namespace ecg {

// The geometry tfjs's backend_util.computeConv2DInfo describes, channels last.
struct ConvGeom {
  long batch, inH, inW, inC, outH, outW, outC, filterH, filterW, strideH, strideW, dilationH, dilationW, padTop, padLeft;
};

// y [B, OH, OW, Cout] = conv(x [B, H, W, Cin], w [FH, FW, Cin, Cout]).
void conv2d(const ConvGeom& g, const float* x, const float* w, float* y);

// dx [B, H, W, Cin] from dy [B, OH, OW, Cout] and w.
void conv2dBackpropInput(const ConvGeom& g, const float* dy, const float* w, float* dx);

// dw [FH, FW, Cin, Cout] from x and dy.
void conv2dBackpropFilter(const ConvGeom& g, const float* x, const float* dy, float* dw);

}  // namespace ecg
