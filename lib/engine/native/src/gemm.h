// Single-precision matrix products on strided operands, for the project's native tfjs kernels.
#pragma once

#include <cstddef>

namespace ecg {

// A matrix view: element (i, j) lives at data[i * rowStride + j * colStride]. A transposed
// operand is the same memory with the strides swapped, so no kernel needs a transpose copy.
struct MatView {
  const float* data;
  long rowStride;
  long colStride;
  // Instead of data and strides (left operand only): row i starts at rows[i] (columns
  // contiguous), or, when `rowsAreColumns`, column j starts at rows[j]. Convolutions use this to
  // read receptive fields in place, where im2col would copy them.
  const float* const* rows = nullptr;
  bool rowsAreColumns = false;
};

// C[m, n] = A[m, k] · B[k, n] (+ C when `accumulate`), C row-major with leading dimension ldc.
// Each element is one fused multiply-add chain over k in ascending order, whatever the blocking,
// the vector width or the number of threads, so results are reproducible bit for bit.
void gemm(long m, long n, long k, MatView a, MatView b, float* c, long ldc, bool accumulate);

// The vector ISA the kernels were compiled for ("avx512", "avx2", "sse" or "generic").
const char* gemmIsa();

}  // namespace ecg
