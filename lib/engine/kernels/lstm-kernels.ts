import type { KernelConfig, TensorInfo, NamedAttrMap, DataType } from '@tensorflow/tfjs';
import { heapF32, wasmMatMul, type WasmBackend } from './wasm-backend';

/**
 * A scratch buffer of a kernel, and matrix products between them: on wasm, buffers are wasm
 * tensors so that products run on XNNPACK; on cpu, plain arrays and a JS product.
 */
interface Workspace {
  alloc(n: number): number;
  input(t: TensorInfo): number;
  /** Views; valid until the next alloc or matmul. */
  view(buf: number): Float32Array;
  /** out = a [m,k] · b [k,n]. */
  matmul(a: number, b: number, out: number, m: number, k: number, n: number): void;
  /** The first `count` buffers allocated become the kernel's outputs; the rest are freed. */
  finish(shapes: number[][], count: number): TensorInfo[];
}

function wasmWorkspace(backend: WasmBackend): Workspace {
  const infos: TensorInfo[] = [];
  const owned: boolean[] = [];
  const views: (Float32Array | undefined)[] = [];
  return {
    alloc(n) {
      infos.push(backend.makeOutput([n], 'float32'));
      owned.push(true);
      views.fill(undefined); // the heap may have grown
      return infos.length - 1;
    },
    input(t) {
      infos.push(t);
      owned.push(false);
      return infos.length - 1;
    },
    view(buf) {
      return (views[buf] ??= heapF32(backend, infos[buf]));
    },
    matmul(a, b, out, m, k, n) {
      wasmMatMul(backend, infos[a], infos[b], infos[out], m, k, n);
      // XNNPACK allocates (packed weights) and may grow the heap, detaching every view.
      views.fill(undefined);
    },
    finish(shapes, count) {
      const outs: TensorInfo[] = [];
      let o = 0;
      for (let i = 0; i < infos.length; i++) {
        if (!owned[i]) continue;
        if (o < count) outs.push({ ...infos[i], shape: shapes[o++] });
        else backend.disposeData(infos[i].dataId);
      }
      return outs;
    },
  };
}

interface CpuBackend {
  data: { get(dataId: object): { values: Float32Array } };
  makeTensorInfo(shape: number[], dtype: DataType, values?: Float32Array): TensorInfo;
}

function cpuWorkspace(backend: CpuBackend): Workspace {
  const arrays: Float32Array[] = [];
  const owned: boolean[] = [];
  return {
    alloc(n) {
      arrays.push(new Float32Array(n));
      owned.push(true);
      return arrays.length - 1;
    },
    input(t) {
      arrays.push(backend.data.get(t.dataId).values);
      owned.push(false);
      return arrays.length - 1;
    },
    view: (buf) => arrays[buf],
    matmul(a, b, out, m, k, n) {
      const A = arrays[a],
        B = arrays[b],
        O = arrays[out];
      O.fill(0, 0, m * n);
      for (let i = 0; i < m; i++) {
        for (let p = 0; p < k; p++) {
          const v = A[i * k + p];
          for (let j = 0; j < n; j++) O[i * n + j] += v * B[p * n + j];
        }
      }
    },
    finish(shapes, count) {
      const outs: TensorInfo[] = [];
      let o = 0;
      for (let i = 0; i < arrays.length && o < count; i++) {
        if (owned[i])
          outs.push(
            backend.makeTensorInfo(
              shapes[o],
              'float32',
              arrays[i].subarray(
                0,
                shapes[o].reduce((x, y) => x * y, 1),
              ),
            ),
          );
        if (owned[i]) o++;
      }
      return outs;
    },
  };
}

/** A gate activation's derivative from its activated value (Keras' hardSigmoid: clip(0.2z + 0.5, 0, 1)). */
const actGrad = (a: number, hard: boolean): number => (hard ? (a > 0 && a < 1 ? 0.2 : 0) : a * (1 - a));

// Gradients that decay through many steps become subnormal (below 1.2e-38), or make subnormal
// products in the matmuls that follow, and wasm SIMD arithmetic on subnormals is ~50× slower
// (measured: a [64,256]·[256,64] product 0.24 ms → 11.5 ms). The backward pass therefore flushes
// gate gradients below 1e-30 to zero: 28 orders of magnitude under any gradient that moves a
// weight, and far enough above the subnormal range that their products with weights stay normal.
const TINY = 1e-30;
const ftz = (v: number): number => (v < TINY && v > -TINY ? 0 : v);

function transposeInto(src: Float32Array, dst: Float32Array, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) dst[c * rows + r] = src[r * cols + c];
}

/**
 * Forward pass of an LSTM over a whole sequence (Hochreiter & Schmidhuber 1997, with Keras' gate
 * order i, f, c, o and h = o·tanh(c)): x [B,T,D] → all hidden states H, cell states C and
 * activated gates G [B,T,4U] (kept for the backward pass). The input projection of all steps is
 * one product; each step adds h·U.
 */
function lstmForward(
  ws: Workspace,
  x: TensorInfo,
  kernel: TensorInfo,
  recurrent: TensorInfo,
  bias: TensorInfo,
  hard: boolean,
): TensorInfo[] {
  const [B, T, D] = x.shape;
  const U = recurrent.shape[0];
  const G4 = 4 * U;
  const H = ws.alloc(B * T * U),
    C = ws.alloc(B * T * U),
    G = ws.alloc(B * T * G4),
    TC = ws.alloc(B * T * U);
  const XW = ws.alloc(B * T * G4),
    hPrev = ws.alloc(B * U),
    Z = ws.alloc(B * G4);
  const xi = ws.input(x),
    ki = ws.input(kernel),
    ri = ws.input(recurrent),
    bi = ws.input(bias);
  ws.matmul(xi, ki, XW, B * T, D, G4);
  ws.view(hPrev).fill(0);
  // The bias joins the input projection once, not once per step.
  {
    const xw = ws.view(XW),
      b = ws.view(bi);
    for (let r = 0; r < B * T; r++) for (let j = 0; j < G4; j++) xw[r * G4 + j] += b[j];
  }
  for (let t = 0; t < T; t++) {
    ws.matmul(hPrev, ri, Z, B, U, G4);
    const h = ws.view(H),
      c = ws.view(C),
      g = ws.view(G),
      tcv = ws.view(TC),
      xw = ws.view(XW),
      hp = ws.view(hPrev),
      z = ws.view(Z);
    for (let n = 0; n < B; n++) {
      const row = n * T + t;
      const zo = n * G4,
        xo = row * G4,
        so = row * U;
      // Pre-activations of the four gates; the gates overwrite them in place.
      for (let j = 0; j < G4; j++) g[xo + j] = z[zo + j] + xw[xo + j];
      if (hard) {
        for (let u = 0; u < U; u++) {
          g[xo + u] = Math.min(1, Math.max(0, 0.2 * g[xo + u] + 0.5));
          g[xo + U + u] = Math.min(1, Math.max(0, 0.2 * g[xo + U + u] + 0.5));
          g[xo + 3 * U + u] = Math.min(1, Math.max(0, 0.2 * g[xo + 3 * U + u] + 0.5));
        }
      } else {
        for (let u = 0; u < U; u++) {
          g[xo + u] = 1 / (1 + Math.exp(-g[xo + u]));
          g[xo + U + u] = 1 / (1 + Math.exp(-g[xo + U + u]));
          g[xo + 3 * U + u] = 1 / (1 + Math.exp(-g[xo + 3 * U + u]));
        }
      }
      for (let u = 0; u < U; u++) {
        const gg = Math.tanh(g[xo + 2 * U + u]);
        g[xo + 2 * U + u] = gg;
        const cPrev = t > 0 ? c[so - U + u] : 0;
        const cc = g[xo + U + u] * cPrev + g[xo + u] * gg;
        const tc = Math.tanh(cc);
        const hh = g[xo + 3 * U + u] * tc;
        c[so + u] = cc;
        tcv[so + u] = tc;
        h[so + u] = hh;
        hp[n * U + u] = hh;
      }
    }
  }
  return ws.finish(
    [
      [B, T, U],
      [B, T, U],
      [B, T, G4],
      [B, T, U],
    ],
    4,
  );
}

/**
 * Backpropagation through time for lstmForward: from dH (gradient of every hidden state) to the
 * gradients of x, kernel, recurrent kernel and bias. Per step only the gate arithmetic and
 * dz·Uᵀ; the weight gradients are three products over all steps at the end.
 */
function lstmBackward(
  ws: Workspace,
  x: TensorInfo,
  kernel: TensorInfo,
  recurrent: TensorInfo,
  Hs: TensorInfo,
  Cs: TensorInfo,
  Gs: TensorInfo,
  TCs: TensorInfo,
  dHs: TensorInfo,
  hard: boolean,
): TensorInfo[] {
  const [B, T, D] = x.shape;
  const U = recurrent.shape[0];
  const G4 = 4 * U;
  const DX = ws.alloc(B * T * D),
    DK = ws.alloc(D * G4),
    DR = ws.alloc(U * G4),
    DB = ws.alloc(G4);
  const DZ = ws.alloc(B * T * G4),
    dzT = ws.alloc(B * G4),
    dhNext = ws.alloc(B * U),
    UT = ws.alloc(G4 * U);
  const HprevT = ws.alloc(U * B * T),
    XT = ws.alloc(D * B * T),
    KT = ws.alloc(G4 * D);
  const xi = ws.input(x),
    ki = ws.input(kernel),
    ri = ws.input(recurrent);
  const hi = ws.input(Hs),
    ci = ws.input(Cs),
    gi = ws.input(Gs),
    tci = ws.input(TCs),
    dhi = ws.input(dHs);
  transposeInto(ws.view(ri), ws.view(UT), U, G4);
  const dcNext = new Float64Array(B * U);
  ws.view(dhNext).fill(0);
  for (let t = T - 1; t >= 0; t--) {
    const c = ws.view(ci),
      g = ws.view(gi),
      tcv = ws.view(tci),
      dH = ws.view(dhi),
      dz = ws.view(DZ),
      dzt = ws.view(dzT),
      dhn = ws.view(dhNext);
    for (let n = 0; n < B; n++) {
      const row = n * T + t;
      const so = row * U,
        go = row * G4,
        to = n * G4;
      for (let u = 0; u < U; u++) {
        const i = g[go + u],
          f = g[go + U + u],
          gg = g[go + 2 * U + u],
          o = g[go + 3 * U + u];
        const tc = tcv[so + u];
        const dh = dH[so + u] + dhn[n * U + u];
        const dc = dcNext[n * U + u] + dh * o * (1 - tc * tc);
        const cPrev = t > 0 ? c[so - U + u] : 0;
        const di = ftz(dc * gg * actGrad(i, hard));
        const df = ftz(dc * cPrev * actGrad(f, hard));
        const dg = ftz(dc * i * (1 - gg * gg));
        const dox = ftz(dh * tc * actGrad(o, hard));
        dcNext[n * U + u] = ftz(dc * f);
        dz[go + u] = di;
        dz[go + U + u] = df;
        dz[go + 2 * U + u] = dg;
        dz[go + 3 * U + u] = dox;
        dzt[to + u] = di;
        dzt[to + U + u] = df;
        dzt[to + 2 * U + u] = dg;
        dzt[to + 3 * U + u] = dox;
      }
    }
    if (t > 0) ws.matmul(dzT, UT, dhNext, B, G4, U);
  }
  // Weight gradients over all steps: dR = Hprevᵀ·DZ, dK = Xᵀ·DZ, db = Σ DZ, dX = DZ·Kᵀ.
  const h = ws.view(hi),
    hpt = ws.view(HprevT),
    xv = ws.view(xi),
    xt = ws.view(XT);
  const M = B * T;
  for (let r = 0; r < M; r++) {
    const first = r % T === 0;
    for (let u = 0; u < U; u++) hpt[u * M + r] = first ? 0 : h[(r - 1) * U + u];
  }
  transposeInto(xv, xt, M, D);
  transposeInto(ws.view(ki), ws.view(KT), D, G4);
  const dzv = ws.view(DZ);
  const acc = new Float64Array(G4);
  for (let r = 0; r < M; r++) for (let j = 0; j < G4; j++) acc[j] += dzv[r * G4 + j];
  const db = ws.view(DB);
  for (let j = 0; j < G4; j++) db[j] = acc[j];
  ws.matmul(HprevT, DZ, DR, U, M, G4);
  ws.matmul(XT, DZ, DK, D, M, G4);
  ws.matmul(DZ, KT, DX, M, G4, D);
  return ws.finish([[B, T, D], [D, G4], [U, G4], [G4]], 4);
}

type Args = { inputs: Record<string, TensorInfo>; backend: unknown; attrs: NamedAttrMap };

function configs(name: string, body: (ws: Workspace, a: Args) => TensorInfo[]): KernelConfig[] {
  const wasm = (a: Args) => body(wasmWorkspace(a.backend as WasmBackend), a);
  const cpu = (a: Args) => body(cpuWorkspace(a.backend as CpuBackend), a);
  return [
    { kernelName: name, backendName: 'wasm', kernelFunc: wasm as unknown as KernelConfig['kernelFunc'] },
    { kernelName: name, backendName: 'cpu', kernelFunc: cpu as unknown as KernelConfig['kernelFunc'] },
  ];
}

/** 'EcgLstmForward' (x, kernel, recurrentKernel, bias; attrs hardSigmoid) → [H, C, G, tanh C]. */
export const lstmForwardKernels = configs('EcgLstmForward', (ws, a) =>
  lstmForward(ws, a.inputs.x, a.inputs.kernel, a.inputs.recurrentKernel, a.inputs.bias, Boolean(a.attrs.hardSigmoid)),
);

/** 'EcgLstmBackward' (x, kernel, recurrentKernel, h, c, gates, tanhC, dh; attrs hardSigmoid) → [dx, dKernel, dRecurrentKernel, dBias]. */
export const lstmBackwardKernels = configs('EcgLstmBackward', (ws, a) =>
  lstmBackward(
    ws,
    a.inputs.x,
    a.inputs.kernel,
    a.inputs.recurrentKernel,
    a.inputs.h,
    a.inputs.c,
    a.inputs.gates,
    a.inputs.tanhC,
    a.inputs.dh,
    Boolean(a.attrs.hardSigmoid),
  ),
);
