// Packed, register-blocked GEMM in the manner of Goto & van de Geijn (2008), "Anatomy of
// high-performance matrix multiplication": B is packed once into column panels of NR, each
// thread packs its own MR-row panels of A, and an MR×NR micro-kernel keeps the C tile in
// registers for a KC-long slice of k. Written with GCC vector extensions, so the compiler emits
// AVX-512, AVX2 or SSE for the machine it is built on (-march=native).
#include "gemm.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "pool.h"

namespace ecg {

namespace {

#if defined(__AVX512F__)
constexpr int VL = 16;  // floats per vector register
constexpr int MR = 12;
constexpr const char* ISA = "avx512";
#elif defined(__AVX2__)
constexpr int VL = 8;
constexpr int MR = 6;
constexpr const char* ISA = "avx2";
#elif defined(__SSE2__)
constexpr int VL = 4;
constexpr int MR = 6;
constexpr const char* ISA = "sse";
#else
constexpr int VL = 4;
constexpr int MR = 4;
constexpr const char* ISA = "generic";
#endif
constexpr int NR = 2 * VL;  // two vectors of C per row of the tile
constexpr long KC = 384;    // k-slice kept in cache; changes no result (see gemm.h)

typedef float vec __attribute__((vector_size(VL * 4)));
typedef float uvec __attribute__((vector_size(VL * 4), aligned(4), may_alias));

inline vec load(const float* p) { return *reinterpret_cast<const uvec*>(p); }
// A scalar in every lane (one vbroadcastss). Written s − 0, which the compiler may drop because
// it is exact for every s; s + 0 is not (−0 + 0 = +0), so that form kept a scalar add per
// broadcast in the micro-kernel.
inline vec splat(float s) { return s - vec{}; }
inline void store(float* p, vec v) { *reinterpret_cast<uvec*>(p) = v; }

// c[MR][NR] (row stride ldc) op= a[kc][MR] · b[kc][NR], from packed panels.
inline void microKernel(long kc, const float* __restrict a, const float* __restrict b, float* c, long ldc, bool load_c) {
  vec acc[MR][2];
  if (load_c) {
    for (int r = 0; r < MR; r++) {
      acc[r][0] = load(c + r * ldc);
      acc[r][1] = load(c + r * ldc + VL);
    }
  } else {
    for (int r = 0; r < MR; r++) acc[r][0] = acc[r][1] = vec{};
  }
  for (long p = 0; p < kc; p++) {
    vec b0 = load(b + p * NR), b1 = load(b + p * NR + VL);
#pragma GCC unroll 12
    for (int r = 0; r < MR; r++) {
      vec av = splat(a[p * MR + r]);
      acc[r][0] = acc[r][0] + av * b0;
      acc[r][1] = acc[r][1] + av * b1;
    }
  }
  for (int r = 0; r < MR; r++) {
    store(c + r * ldc, acc[r][0]);
    store(c + r * ldc + VL, acc[r][1]);
  }
}

// B[k0 : k0 + kc, all n] into panels of NR columns, zero beyond n: panel j at out + j·K·NR.
void packB(long n, long k, MatView b, float* out) {
  long panels = (n + NR - 1) / NR;
  pool().parallelFor(panels, [&](long lo, long hi) {
    for (long j = lo; j < hi; j++) {
      float* dst = out + j * k * NR;
      long j0 = j * NR, nr = std::min<long>(NR, n - j0);
      for (long p = 0; p < k; p++) {
        const float* src = b.data + p * b.rowStride + j0 * b.colStride;
        float* d = dst + p * NR;
        if (b.colStride == 1) {
          std::memcpy(d, src, nr * sizeof(float));
        } else {
          for (long q = 0; q < nr; q++) d[q] = src[q * b.colStride];
        }
        for (long q = nr; q < NR; q++) d[q] = 0.f;
      }
    }
  }, panels * k * NR < (1 << 15));
}

// Rows i0 .. i0 + mr of A, columns k0 .. k0 + kc, as kc groups of MR (zero rows beyond mr).
void packA(long i0, long mr, long k0, long kc, MatView a, float* out) {
  if (a.rows && !a.rowsAreColumns) {
    for (long r = 0; r < mr; r++) {
      const float* src = a.rows[i0 + r] + k0;
      for (long p = 0; p < kc; p++) out[p * MR + r] = src[p];
    }
  } else if (a.rows) {
    for (long p = 0; p < kc; p++) {
      const float* src = a.rows[k0 + p] + i0;
      for (long r = 0; r < mr; r++) out[p * MR + r] = src[r];
    }
  } else if (a.colStride == 1) {
    for (long r = 0; r < mr; r++) {
      const float* src = a.data + (i0 + r) * a.rowStride + k0;
      for (long p = 0; p < kc; p++) out[p * MR + r] = src[p];
    }
  } else {
    for (long p = 0; p < kc; p++) {
      const float* src = a.data + i0 * a.rowStride + (k0 + p) * a.colStride;
      for (long r = 0; r < mr; r++) out[p * MR + r] = src[r * a.rowStride];
    }
  }
  for (long r = mr; r < MR; r++)
    for (long p = 0; p < kc; p++) out[p * MR + r] = 0.f;
}

// A product with a short k (a first convolution over one input channel has k = kernel size) is
// bound by writing C, not by arithmetic: one pass over the rows with B's few rows at hand beats
// packing. Each element is the same fused chain over k as in the micro-kernel.
constexpr long SMALL_K = 16;

void smallK(long m, long n, long k, MatView a, MatView b, float* c, long ldc, bool accumulate) {
  long nv = n - n % VL;
  pool().parallelFor(m, [&](long lo, long hi) {
    for (long i = lo; i < hi; i++) {
      const float* ar = a.rows ? a.rows[i] : a.data + i * a.rowStride;
      float* cr = c + i * ldc;
      for (long j = 0; j < nv; j += VL) {
        vec acc = accumulate ? load(cr + j) : vec{};
        for (long p = 0; p < k; p++) acc = acc + splat(ar[p]) * load(b.data + p * b.rowStride + j);
        store(cr + j, acc);
      }
      for (long j = nv; j < n; j++) {
        float acc = accumulate ? cr[j] : 0.f;
        for (long p = 0; p < k; p++) acc = __builtin_fmaf(ar[p], b.data[p * b.rowStride + j], acc);
        cr[j] = acc;
      }
    }
  }, double(m) * n * k < 2e5);
}

}  // namespace

const char* gemmIsa() { return ISA; }

void gemm(long m, long n, long k, MatView a, MatView b, float* c, long ldc, bool accumulate) {
  if (m <= 0 || n <= 0) return;
  if (k <= 0) {
    if (!accumulate)
      for (long i = 0; i < m; i++) std::fill(c + i * ldc, c + i * ldc + n, 0.f);
    return;
  }
  if (k <= SMALL_K && !a.rowsAreColumns && (a.rows || a.colStride == 1) && !b.rows && b.colStride == 1) {
    smallK(m, n, k, a, b, c, ldc, accumulate);
    return;
  }
  long panelsN = (n + NR - 1) / NR;
  static thread_local std::vector<float> packedB;
  packedB.resize(panelsN * k * NR);
  packB(n, k, b, packedB.data());
  const float* bp = packedB.data();
  long panelsM = (m + MR - 1) / MR;
  bool serial = double(m) * n * k < 2e5;
  pool().parallelFor(panelsM, [&](long lo, long hi) {
    static thread_local std::vector<float> packedA;
    packedA.resize(MR * KC);
    float tile[MR * NR];
    for (long k0 = 0; k0 < k; k0 += KC) {
      long kc = std::min(KC, k - k0);
      bool loadC = accumulate || k0 > 0;
      for (long pi = lo; pi < hi; pi++) {
        long i0 = pi * MR, mr = std::min<long>(MR, m - i0);
        packA(i0, mr, k0, kc, a, packedA.data());
        for (long pj = 0; pj < panelsN; pj++) {
          long j0 = pj * NR, nr = std::min<long>(NR, n - j0);
          const float* bpanel = bp + pj * k * NR + k0 * NR;
          float* ct = c + i0 * ldc + j0;
          if (mr == MR && nr == NR) {
            microKernel(kc, packedA.data(), bpanel, ct, ldc, loadC);
          } else {
            // Edge tile: through a full-size copy, so the arithmetic is the micro-kernel's.
            if (loadC) {
              for (long r = 0; r < mr; r++) std::memcpy(tile + r * NR, ct + r * ldc, nr * sizeof(float));
            }
            microKernel(kc, packedA.data(), bpanel, tile, NR, loadC);
            for (long r = 0; r < mr; r++) std::memcpy(ct + r * ldc, tile + r * NR, nr * sizeof(float));
          }
        }
      }
    }
  }, serial);
}

}  // namespace ecg
