import { strict as assert } from 'assert';
import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs';
import { nativeOrFallback, type KernelArgs } from '../../../lib/engine/kernels/native-or-fallback';

const info = (label: string): TensorInfo => ({ dataId: { label }, shape: [1], dtype: 'float32' });
const args = (n: number): KernelArgs => ({ inputs: { x: info(`in${n}`) }, backend: { name: 'fake' }, attrs: { n } });

describe('engine/kernels/native-or-fallback', () => {
  const seen: string[] = [];
  const previous: KernelConfig = {
    kernelName: 'Relu',
    backendName: 'wasm',
    setupFunc: () => void seen.push('setup'),
    kernelFunc: ((a: KernelArgs) => {
      seen.push(`previous ${String(a.attrs.n)}`);
      return info('from previous');
    }) as unknown as KernelConfig['kernelFunc'],
  };
  // The "native" side covers even n only.
  const run = (backend: unknown, a: KernelArgs): TensorInfo | undefined =>
    (a.attrs.n as number) % 2 === 0 ? info(`native ${String((backend as { name: string }).name)}`) : undefined;

  beforeEach(() => (seen.length = 0));

  it('runs the native kernel for the cases it covers and hands the rest, arguments unchanged, to the previous kernel', () => {
    const k = nativeOrFallback('Relu', run, previous);
    const call = (n: number) => k.kernelFunc(args(n) as never) as TensorInfo;
    assert.deepEqual(call(2).dataId, { label: 'native fake' });
    assert.deepEqual(seen, []);
    assert.deepEqual(call(3).dataId, { label: 'from previous' });
    assert.deepEqual(seen, ['previous 3']);
  });

  it("registers under the kernel's name on wasm and keeps the previous kernel's setup", () => {
    const k = nativeOrFallback('Relu', run, previous);
    assert.equal(k.kernelName, 'Relu');
    assert.equal(k.backendName, 'wasm');
    assert.equal(k.setupFunc, previous.setupFunc);
  });

  it('names the kernel when a case is not covered and there is nothing to fall back to', () => {
    const k = nativeOrFallback('MaxPool', run);
    assert.equal(k.setupFunc, undefined);
    assert.deepEqual((k.kernelFunc(args(4) as never) as TensorInfo).dataId, { label: 'native fake' });
    assert.throws(
      () => k.kernelFunc(args(5) as never),
      /^Error: wasm MaxPool: case not covered by the native kernel and no kernel to fall back to$/,
    );
  });
});
