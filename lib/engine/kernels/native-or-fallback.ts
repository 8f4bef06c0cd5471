import type { KernelConfig, TensorInfo, NamedAttrMap } from '@tensorflow/tfjs';
import type { WasmBackend } from './wasm-backend';

/** The arguments tfjs hands a kernel function. */
export type KernelArgs = { inputs: Record<string, TensorInfo>; backend: unknown; attrs: NamedAttrMap };

/**
 * A wasm kernel config that runs `run` (a native kernel) and hands the cases it leaves
 * (returning undefined) to `previous`, the kernel registered before. The previous kernel's setup
 * must still run when the backend starts (tfjs-backend-wasm binds its C function there), or the
 * fallback, and a later registration of it, could not be called.
 *
 * @example nativeOrFallback('Relu', (backend, args) => undefined, tf.getKernel('Relu', 'wasm')) // always the original
 */
export function nativeOrFallback(
  kernelName: string,
  run: (backend: WasmBackend, args: KernelArgs) => TensorInfo | TensorInfo[] | undefined,
  previous?: KernelConfig,
): KernelConfig {
  const kernelFunc = (args: KernelArgs) => {
    const out = run(args.backend as WasmBackend, args);
    if (out) return out;
    if (!previous)
      throw new Error(`wasm ${kernelName}: case not covered by the native kernel and no kernel to fall back to`);
    return previous.kernelFunc(args as never);
  };
  return {
    kernelName,
    backendName: 'wasm',
    setupFunc: previous?.setupFunc,
    kernelFunc: kernelFunc as unknown as KernelConfig['kernelFunc'],
  };
}
