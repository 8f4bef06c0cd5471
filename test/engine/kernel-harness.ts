import * as tf from '@tensorflow/tfjs';
import { initBackend, registerExtraKernels } from '../../lib/engine';
import { loadNativeKernels, type NativeKernels } from '../../lib/engine/native';
import { strict as assert } from 'assert';
import { createRng, type Rng } from '../../lib/common';

/** A tensor's values and shape, independent of any backend. */
export interface HostTensor {
  values: Float32Array | Int32Array;
  shape: number[];
}

/** Normal(0,1) values of the given shape from `rng`. */
export function randomTensor(rng: Rng, shape: number[]): HostTensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(n);
  for (let i = 0; i < n; i++) values[i] = rng.normal();
  return { values, shape };
}

/** A seeded generator for one test case. */
export { createRng };

/**
 * True when the wasm backend is the one in use (tests of wasm kernels skip otherwise, e.g. under
 * ECG_BACKEND=cpu or with tfjs-node installed).
 */
export async function wasmActive(): Promise<boolean> {
  return (await initBackend()).backend === 'wasm';
}

/**
 * Runs one kernel directly on the named backend, bypassing the engine, its tape and the global
 * backend choice, so that wasm and cpu can be compared inside one process without switching.
 */
export function runKernelOn(
  backendName: 'wasm' | 'cpu',
  kernelName: string,
  inputs: Record<string, HostTensor>,
  attrs: Record<string, unknown>,
): HostTensor {
  const backend = tf.engine().findBackend(backendName);
  if (!backend) throw new Error(`backend ${backendName} is not available`);
  const kernel = tf.getKernel(kernelName, backendName);
  if (!kernel) throw new Error(`no kernel ${kernelName} on ${backendName}`);
  const infos: Record<string, tf.TensorInfo> = {};
  for (const [k, t] of Object.entries(inputs)) {
    const dtype = t.values instanceof Int32Array ? 'int32' : 'float32';
    infos[k] = { dataId: backend.write(t.values.slice(), t.shape, dtype), shape: t.shape, dtype };
  }
  const result = kernel.kernelFunc({ inputs: infos, backend, attrs: attrs as tf.NamedAttrMap }) as
    tf.TensorInfo | tf.TensorInfo[];
  // Several outputs come back concatenated, in order.
  const outs = Array.isArray(result) ? result : [result];
  const parts = outs.map((o) => backend.readSync(o.dataId) as Float32Array | Int32Array);
  const n = parts.reduce((a, p) => a + p.length, 0);
  const values = parts[0] instanceof Int32Array ? new Int32Array(n) : new Float32Array(n);
  let at = 0;
  for (const p of parts) {
    values.set(p, at);
    at += p.length;
  }
  for (const t of Object.values(infos)) backend.disposeData(t.dataId);
  for (const o of outs) backend.disposeData(o.dataId);
  return { values, shape: outs[0].shape };
}

/** Largest |a − b| relative to the largest |b| (1 when b is all zeros). */
export function maxRelError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let err = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    err = Math.max(err, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return err / Math.max(scale, 1);
}

/** One way of running the wasm kernels: the project's JS/XNNPACK kernels, or the native ones. */
export interface KernelMode {
  name: 'js' | 'native';
  native?: NativeKernels;
}

/** The modes this machine can run: always 'js', and 'native' where the native module is built. */
export function wasmKernelModes(): KernelMode[] {
  const n = loadNativeKernels();
  return typeof n === 'string' ? [{ name: 'js' }] : [{ name: 'js' }, { name: 'native', native: n }];
}

/**
 * Registers the wasm kernels of `mode`, runs `fn`, then puts back the registration the engine
 * chose, so one test file can check both kernel sets against the cpu backend.
 */
export async function inKernelMode<T>(mode: KernelMode, fn: () => T): Promise<T> {
  const info = await initBackend();
  const engineNative = info.native ? (loadNativeKernels() as NativeKernels) : undefined;
  registerExtraKernels('wasm', mode.native);
  try {
    return fn();
  } finally {
    registerExtraKernels('wasm', engineNative);
  }
}

/**
 * A test of the wasm kernels: it runs `fn` when wasm is the backend in use and is marked pending
 * otherwise (ECG_BACKEND=cpu, tfjs-node installed), so the hand-worked tests beside it still run.
 *
 * @example itOnWasm('Tile matches the cpu backend', () => assert.ok(maxRelError(got, want) < 1e-5));
 */
export function itOnWasm(title: string, fn: () => unknown): Mocha.Test {
  return it(title, async function () {
    if (!(await wasmActive())) this.skip();
    await fn();
  });
}

/**
 * One wasm test per kernel mode this machine has, titled `<mode> kernels: <title>`, each running
 * `fn` with that mode's kernels registered (see inKernelMode).
 *
 * @example itInEveryMode('Relu matches the cpu backend', () => assert.ok(maxRelError(got, want) < 1e-5));
 */
export function itInEveryMode(title: string, fn: () => void): void {
  for (const mode of wasmKernelModes()) itOnWasm(`${mode.name} kernels: ${title}`, () => inKernelMode(mode, fn));
}

/** One random convolution of the kernel tests: input, filter and the attributes of tf's Conv2D. */
export interface ConvCase {
  x: HostTensor;
  filter: HostTensor;
  strides: number[];
  dilations: number[];
  pad: 'same' | 'valid' | number[][];
}

/**
 * A random NHWC convolution for trial number `trial`: every other one has the height-1 shape of
 * tf.conv1d, every fifth is wider in channels and length than a native register tile, and with
 * `dilated` every third has dilations (tfjs allows those only with unit strides). Explicit pads
 * may be too large for the filter; callers skip a case the cpu backend refuses.
 */
export function randomConvCase(rng: Rng, trial: number, dilated = false): ConvCase {
  const conv1d = trial % 2 === 0;
  const wide = trial % 5 === 4;
  const B = 1 + rng.int(4);
  const H = conv1d ? 1 : 1 + rng.int(9);
  const W = 1 + rng.int(wide ? 200 : 20);
  const FH = conv1d ? 1 : 1 + rng.int(Math.min(H, 4));
  const FW = 1 + rng.int(Math.min(W, 6));
  const Cin = 1 + rng.int(wide ? 40 : 5);
  const Cout = 1 + rng.int(wide ? 70 : 6);
  const dilate = dilated && trial % 3 === 0;
  const strides = dilate ? [1, 1] : [conv1d ? 1 : 1 + rng.int(3), 1 + rng.int(3)];
  const dilations = dilate ? [conv1d ? 1 : 1 + rng.int(2), 1 + rng.int(3)] : [1, 1];
  const p = (['same', 'valid', 'explicit'] as const)[rng.int(3)];
  const pad =
    p === 'explicit'
      ? [
          [0, 0],
          [rng.int(3), rng.int(3)],
          [rng.int(3), rng.int(3)],
          [0, 0],
        ]
      : p;
  return {
    x: randomTensor(rng, [B, H, W, Cin]),
    filter: randomTensor(rng, [FH, FW, Cin, Cout]),
    strides,
    dilations,
    pad,
  };
}

/** The attributes of tf's Conv2D for a case. */
export function convAttrs(c: ConvCase): Record<string, unknown> {
  return { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', dilations: c.dilations, dimRoundingMode: undefined };
}

/**
 * The cpu backend's Conv2D of a case, the reference for the forward kernel and the shape of dy
 * for the gradients; undefined when there is no such convolution (explicit pads or a dilated
 * filter too large for the input) or its output is empty, so callers skip the case.
 */
export function cpuConvOrSkip(c: ConvCase): HostTensor | undefined {
  let y: HostTensor;
  try {
    y = runKernelOn('cpu', 'Conv2D', { x: c.x, filter: c.filter }, convAttrs(c));
  } catch {
    return undefined;
  }
  return y.values.length === 0 ? undefined : y;
}

/** What {@link forEachConvCase} hands each case: the case, the cpu Conv2D of it, and a label for messages. */
export interface ConvTrial {
  c: ConvCase;
  /** The cpu backend's Conv2D of the case (the forward reference, and dy's shape for the gradients). */
  y: HostTensor;
  /** The case's shapes, strides, dilations and padding, for assertion messages. */
  what: string;
}

/**
 * The loop of the conv kernel tests: `trials` random cases from `seed` (see randomConvCase), the
 * ones the cpu backend refuses skipped, `check` run on the others with the same generator (so it
 * can draw dy from it), and at least `minCases` of them run, so a harness that skips every case
 * fails instead of passing.
 *
 * @example forEachConvCase({ seed: 1, trials: 40, minCases: 25 }, ({ c, y, what }) => assertCloseTo(got, y, what));
 */
export function forEachConvCase(
  options: { seed: number; trials: number; minCases: number; dilated?: boolean },
  check: (trial: ConvTrial, rng: Rng) => void,
): void {
  const rng = createRng(options.seed);
  let cases = 0;
  for (let trial = 0; trial < options.trials; trial++) {
    const c = randomConvCase(rng, trial, options.dilated);
    const y = cpuConvOrSkip(c);
    if (!y) continue;
    const what =
      `case ${trial}: x ${c.x.shape} filter ${c.filter.shape} strides ${c.strides}` +
      `${options.dilated ? ` dilations ${c.dilations}` : ''} pad ${JSON.stringify(c.pad)}`;
    check({ c, y, what }, rng);
    cases++;
  }
  assert.ok(cases >= options.minCases, `only ${cases} of ${options.trials} cases ran; expected ${options.minCases}`);
}

/** Asserts that a kernel's output has the reference's shape and values within `tol` (relative, see maxRelError). */
export function assertCloseTo(got: HostTensor, want: HostTensor, what: string, tol = 1e-5): void {
  assert.deepEqual(got.shape, want.shape, what);
  const err = maxRelError(got.values, want.values);
  assert.ok(err < tol, `${what}: error ${err}`);
}
