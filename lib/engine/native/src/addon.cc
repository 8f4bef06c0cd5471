// N-API entry points. Every kernel works in place on the wasm backend's heap: JS passes the heap
// (a Uint8Array over the module's memory) and byte offsets of tfjs tensors in it, so no tensor
// is copied in or out.
#include <node_api.h>

#include <cstdint>
#include <thread>

#include "channels.h"
#include "conv.h"
#include "gemm.h"
#include "pool.h"

namespace ecg {

Pool& pool() {
  static Pool p(1);
  return p;
}

}  // namespace ecg

namespace {

napi_value fail(napi_env env, const char* msg) {
  napi_throw_error(env, "ECG_NATIVE", msg);
  return nullptr;
}

bool args(napi_env env, napi_callback_info info, size_t want, napi_value* argv) {
  size_t argc = want;
  if (napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr) != napi_ok || argc < want) return false;
  return true;
}

bool heap(napi_env env, napi_value v, uint8_t** data, size_t* bytes) {
  napi_typedarray_type type;
  size_t length, offset;
  napi_value buffer;
  void* p;
  if (napi_get_typedarray_info(env, v, &type, &length, &p, &buffer, &offset) != napi_ok || type != napi_uint8_array) return false;
  *data = static_cast<uint8_t*>(p);
  *bytes = length;
  return true;
}

bool num(napi_env env, napi_value v, long* out) {
  int64_t x;
  if (napi_get_value_int64(env, v, &x) != napi_ok) return false;
  *out = static_cast<long>(x);
  return true;
}

// A float32 pointer `offset` bytes into the heap, holding at least `count` floats.
const float* at(uint8_t* base, size_t bytes, long offset, long count, bool* ok) {
  if (offset < 0 || count < 0 || offset % 4 != 0 || size_t(offset) + size_t(count) * 4 > bytes) {
    *ok = false;
    return nullptr;
  }
  return reinterpret_cast<const float*>(base + offset);
}

// gemm(heap, m, n, k, aOff, aRowStride, aColStride, bOff, bRowStride, bColStride, cOff, ldc, accumulate)
napi_value Gemm(napi_env env, napi_callback_info info) {
  napi_value argv[13];
  if (!args(env, info, 13, argv)) return fail(env, "gemm: expected 13 arguments");
  uint8_t* base;
  size_t bytes;
  if (!heap(env, argv[0], &base, &bytes)) return fail(env, "gemm: argument 0 must be a Uint8Array heap");
  long v[11];
  for (int i = 0; i < 11; i++)
    if (!num(env, argv[1 + i], &v[i])) return fail(env, "gemm: arguments 1-11 must be integers");
  bool accumulate;
  if (napi_get_value_bool(env, argv[12], &accumulate) != napi_ok) return fail(env, "gemm: argument 12 must be a boolean");
  long m = v[0], n = v[1], k = v[2];
  bool ok = true;
  auto extent = [](long rows, long cols, long rs, long cs) { return rows > 0 && cols > 0 ? (rows - 1) * rs + (cols - 1) * cs + 1 : 0; };
  const float* a = at(base, bytes, v[3], extent(m, k, v[4], v[5]), &ok);
  const float* b = at(base, bytes, v[6], extent(k, n, v[7], v[8]), &ok);
  float* c = const_cast<float*>(at(base, bytes, v[9], extent(m, n, v[10], 1), &ok));
  if (!ok) return fail(env, "gemm: an operand lies outside the heap");
  ecg::gemm(m, n, k, ecg::MatView{a, v[4], v[5]}, ecg::MatView{b, v[7], v[8]}, c, v[10], accumulate);
  return nullptr;
}

// conv kernels: (heap, inOff1, inOff2, outOff, geometry as 15 integers in ConvGeom order)
template <int Which>
napi_value Conv(napi_env env, napi_callback_info info) {
  napi_value argv[19];
  if (!args(env, info, 19, argv)) return fail(env, "conv: expected 19 arguments");
  uint8_t* base;
  size_t bytes;
  if (!heap(env, argv[0], &base, &bytes)) return fail(env, "conv: argument 0 must be a Uint8Array heap");
  long off[3], gv[15];
  for (int i = 0; i < 3; i++)
    if (!num(env, argv[1 + i], &off[i])) return fail(env, "conv: offsets must be integers");
  for (int i = 0; i < 15; i++)
    if (!num(env, argv[4 + i], &gv[i]) || gv[i] < 0) return fail(env, "conv: geometry must be non-negative integers");
  ecg::ConvGeom g{gv[0], gv[1], gv[2], gv[3], gv[4], gv[5], gv[6], gv[7], gv[8], gv[9], gv[10], gv[11], gv[12], gv[13], gv[14]};
  if (g.strideH < 1 || g.strideW < 1 || g.dilationH < 1 || g.dilationW < 1) return fail(env, "conv: strides and dilations must be >= 1");
  long xs = g.batch * g.inH * g.inW * g.inC, ys = g.batch * g.outH * g.outW * g.outC, ws = g.filterH * g.filterW * g.inC * g.outC;
  bool ok = true;
  if (Which == 0) {
    const float* x = at(base, bytes, off[0], xs, &ok);
    const float* w = at(base, bytes, off[1], ws, &ok);
    float* y = const_cast<float*>(at(base, bytes, off[2], ys, &ok));
    if (!ok) return fail(env, "conv2d: a tensor lies outside the heap");
    ecg::conv2d(g, x, w, y);
  } else if (Which == 1) {
    const float* dy = at(base, bytes, off[0], ys, &ok);
    const float* w = at(base, bytes, off[1], ws, &ok);
    float* dx = const_cast<float*>(at(base, bytes, off[2], xs, &ok));
    if (!ok) return fail(env, "conv2dBackpropInput: a tensor lies outside the heap");
    ecg::conv2dBackpropInput(g, dy, w, dx);
  } else {
    const float* x = at(base, bytes, off[0], xs, &ok);
    const float* dy = at(base, bytes, off[1], ys, &ok);
    float* dw = const_cast<float*>(at(base, bytes, off[2], ws, &ok));
    if (!ok) return fail(env, "conv2dBackpropFilter: a tensor lies outside the heap");
    ecg::conv2dBackpropFilter(g, x, dy, dw);
  }
  return nullptr;
}

// Reads `count` integer arguments starting at argv[from] into out.
bool ints(napi_env env, napi_value* argv, int from, int count, long* out) {
  for (int i = 0; i < count; i++)
    if (!num(env, argv[from + i], &out[i])) return false;
  return true;
}

// channelMoments(heap, xOff, rows, C, meanOff, varianceOff)
napi_value ChannelMoments(napi_env env, napi_callback_info info) {
  napi_value argv[6];
  uint8_t* base;
  size_t bytes;
  long v[5];
  if (!args(env, info, 6, argv) || !heap(env, argv[0], &base, &bytes) || !ints(env, argv, 1, 5, v)) return fail(env, "channelMoments: expected (heap, xOff, rows, C, meanOff, varianceOff)");
  bool ok = true;
  const float* x = at(base, bytes, v[0], v[1] * v[2], &ok);
  float* mean = const_cast<float*>(at(base, bytes, v[3], v[2], &ok));
  float* var = const_cast<float*>(at(base, bytes, v[4], v[2], &ok));
  if (!ok || v[1] < 0 || v[2] < 1) return fail(env, "channelMoments: a tensor lies outside the heap");
  ecg::channelMoments(x, v[1], v[2], mean, var);
  return nullptr;
}

// batchNormGradSums(heap, xOff, dyOff, meanOff, rows, C, sumDyOff, sumDyXmuOff)
napi_value BatchNormGradSums(napi_env env, napi_callback_info info) {
  napi_value argv[8];
  uint8_t* base;
  size_t bytes;
  long v[7];
  if (!args(env, info, 8, argv) || !heap(env, argv[0], &base, &bytes) || !ints(env, argv, 1, 7, v)) return fail(env, "batchNormGradSums: expected (heap, xOff, dyOff, meanOff, rows, C, sumDyOff, sumDyXmuOff)");
  long rows = v[3], C = v[4];
  bool ok = rows >= 0 && C >= 1;
  const float* x = at(base, bytes, v[0], rows * C, &ok);
  const float* dy = at(base, bytes, v[1], rows * C, &ok);
  const float* mean = at(base, bytes, v[2], C, &ok);
  float* s1 = const_cast<float*>(at(base, bytes, v[5], C, &ok));
  float* s2 = const_cast<float*>(at(base, bytes, v[6], C, &ok));
  if (!ok) return fail(env, "batchNormGradSums: a tensor lies outside the heap");
  ecg::batchNormGradSums(x, dy, mean, rows, C, s1, s2);
  return nullptr;
}

// scaleShift(heap, xOff, scaleOff, shiftOff, rows, C, relu, yOff); an offset of -1 leaves that operand out
napi_value ScaleShift(napi_env env, napi_callback_info info) {
  napi_value argv[8];
  uint8_t* base;
  size_t bytes;
  long v[5], y;
  bool relu;
  if (!args(env, info, 8, argv) || !heap(env, argv[0], &base, &bytes) || !ints(env, argv, 1, 5, v) ||
      napi_get_value_bool(env, argv[6], &relu) != napi_ok || !num(env, argv[7], &y))
    return fail(env, "scaleShift: expected (heap, xOff, scaleOff, shiftOff, rows, C, relu, yOff)");
  long rows = v[3], C = v[4];
  bool ok = rows >= 0 && C >= 1;
  const float* x = at(base, bytes, v[0], rows * C, &ok);
  const float* scale = v[1] < 0 ? nullptr : at(base, bytes, v[1], C, &ok);
  const float* shift = v[2] < 0 ? nullptr : at(base, bytes, v[2], C, &ok);
  float* out = const_cast<float*>(at(base, bytes, y, rows * C, &ok));
  if (!ok) return fail(env, "scaleShift: a tensor lies outside the heap");
  ecg::scaleShift(x, scale, shift, rows, C, relu, out);
  return nullptr;
}

// sumMiddle(heap, xOff, outer, mid, inner, scale, yOff)
napi_value SumMiddle(napi_env env, napi_callback_info info) {
  napi_value argv[7];
  uint8_t* base;
  size_t bytes;
  long v[4], y;
  double scale;
  if (!args(env, info, 7, argv) || !heap(env, argv[0], &base, &bytes) || !ints(env, argv, 1, 4, v) ||
      napi_get_value_double(env, argv[5], &scale) != napi_ok || !num(env, argv[6], &y))
    return fail(env, "sumMiddle: expected (heap, xOff, outer, mid, inner, scale, yOff)");
  long outer = v[1], mid = v[2], inner = v[3];
  bool ok = outer >= 0 && mid >= 0 && inner >= 0;
  const float* x = at(base, bytes, v[0], outer * mid * inner, &ok);
  float* out = const_cast<float*>(at(base, bytes, y, outer * inner, &ok));
  if (!ok) return fail(env, "sumMiddle: a tensor lies outside the heap");
  ecg::sumMiddle(x, outer, mid, inner, scale, out);
  return nullptr;
}

// maxPool(heap, xOff, yOff, 14 geometry integers) and maxPoolGrad(heap, xOff, dyOff, dxOff, 14 integers)
template <bool Grad>
napi_value MaxPool(napi_env env, napi_callback_info info) {
  constexpr int offsets = Grad ? 3 : 2;
  napi_value argv[1 + offsets + 14];
  uint8_t* base;
  size_t bytes;
  long off[3], gv[14];
  if (!args(env, info, 1 + offsets + 14, argv) || !heap(env, argv[0], &base, &bytes) || !ints(env, argv, 1, offsets, off) || !ints(env, argv, 1 + offsets, 14, gv))
    return fail(env, Grad ? "maxPoolGrad: expected (heap, xOff, dyOff, dxOff, 14 geometry integers)" : "maxPool: expected (heap, xOff, yOff, 14 geometry integers)");
  ecg::PoolGeom g{gv[0], gv[1], gv[2], gv[3], gv[4], gv[5], gv[6], gv[7], gv[8], gv[9], gv[10], gv[11], gv[12], gv[13]};
  for (long x : gv)
    if (x < 0) return fail(env, Grad ? "maxPoolGrad: geometry must be non-negative integers" : "maxPool: geometry must be non-negative integers");
  if (g.strideH < 1 || g.strideW < 1 || g.dilationH < 1 || g.dilationW < 1) return fail(env, "maxPool: strides and dilations must be >= 1");
  long xs = g.batch * g.inH * g.inW * g.C, ys = g.batch * g.outH * g.outW * g.C;
  bool ok = true;
  const float* x = at(base, bytes, off[0], xs, &ok);
  if (Grad) {
    const float* dy = at(base, bytes, off[1], ys, &ok);
    float* dx = const_cast<float*>(at(base, bytes, off[2], xs, &ok));
    if (!ok) return fail(env, "maxPoolGrad: a tensor lies outside the heap");
    ecg::maxPoolGrad(g, x, dy, dx);
  } else {
    float* y = const_cast<float*>(at(base, bytes, off[1], ys, &ok));
    if (!ok) return fail(env, "maxPool: a tensor lies outside the heap");
    ecg::maxPool(g, x, y);
  }
  return nullptr;
}

napi_value SetThreads(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  long n;
  if (!args(env, info, 1, argv) || !num(env, argv[0], &n) || n < 1 || n > 64) return fail(env, "setThreads: expected an integer 1..64");
  ecg::pool().resize(int(n));
  return nullptr;
}

napi_value Info(napi_env env, napi_callback_info) {
  napi_value obj, isa, threads, hw;
  napi_create_object(env, &obj);
  napi_create_string_utf8(env, ecg::gemmIsa(), NAPI_AUTO_LENGTH, &isa);
  napi_create_int32(env, ecg::pool().threads(), &threads);
  napi_create_int32(env, int(std::thread::hardware_concurrency()), &hw);
  napi_set_named_property(env, obj, "isa", isa);
  napi_set_named_property(env, obj, "threads", threads);
  napi_set_named_property(env, obj, "hardwareThreads", hw);
  return obj;
}

napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      {"gemm", nullptr, Gemm, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"conv2d", nullptr, Conv<0>, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"conv2dBackpropInput", nullptr, Conv<1>, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"conv2dBackpropFilter", nullptr, Conv<2>, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"channelMoments", nullptr, ChannelMoments, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"batchNormGradSums", nullptr, BatchNormGradSums, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"scaleShift", nullptr, ScaleShift, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"sumMiddle", nullptr, SumMiddle, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"maxPool", nullptr, MaxPool<false>, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"maxPoolGrad", nullptr, MaxPool<true>, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"setThreads", nullptr, SetThreads, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"info", nullptr, Info, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_define_properties(env, exports, sizeof(props) / sizeof(props[0]), props);
  return exports;
}

}  // namespace

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
