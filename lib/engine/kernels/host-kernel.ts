import type { KernelConfig, TensorInfo, NamedAttrMap, DataType } from '@tensorflow/tfjs';
import { heapView, type WasmBackend } from './wasm-backend';

/** One output of a host kernel: its shape and dtype; the body fills its values. */
export interface HostOutput {
  shape: number[];
  dtype?: DataType;
}

/**
 * The body of a kernel written in plain JS over typed arrays: it receives its inputs' values and
 * shapes and fills preallocated outputs. `outputs` declares the output shapes from the inputs.
 */
export interface HostKernelSpec {
  kernelName: string;
  outputs(shapes: number[][], attrs: NamedAttrMap): HostOutput[];
  run(inputs: Float32Array[], shapes: number[][], outputs: Float32Array[], attrs: NamedAttrMap): void;
}

interface CpuBackend {
  data: { get(dataId: object): { values: Float32Array } };
  makeTensorInfo(shape: number[], dtype: DataType, values?: Float32Array): TensorInfo;
}

/**
 * Kernel configs (wasm and cpu) for a kernel written once in JS: on wasm it reads and writes the
 * tensors in place in the wasm heap, on cpu it works on the backend's arrays. The kernel's inputs
 * are taken in the order `inputNames` lists them.
 *
 * @example hostKernelConfigs(spec, ['x']) // => [wasm config, cpu config]
 */
export function hostKernelConfigs(spec: HostKernelSpec, inputNames: string[]): KernelConfig[] {
  const wasm = (args: { inputs: Record<string, TensorInfo>; backend: unknown; attrs: NamedAttrMap }): TensorInfo[] => {
    const backend = args.backend as WasmBackend;
    const ins = inputNames.map((n) => args.inputs[n]);
    const shapes = ins.map((t) => t.shape);
    const outs = spec.outputs(shapes, args.attrs).map((o) => backend.makeOutput(o.shape, o.dtype ?? 'float32'));
    // Views only after the last allocation: growing the heap detaches earlier views.
    spec.run(
      ins.map((t) => heapView(backend, t) as Float32Array),
      shapes,
      outs.map((t) => heapView(backend, t) as Float32Array),
      args.attrs,
    );
    return outs;
  };
  const cpu = (args: { inputs: Record<string, TensorInfo>; backend: unknown; attrs: NamedAttrMap }): TensorInfo[] => {
    const backend = args.backend as CpuBackend;
    const ins = inputNames.map((n) => args.inputs[n]);
    const shapes = ins.map((t) => t.shape);
    const decl = spec.outputs(shapes, args.attrs);
    const values = decl.map((o) => new Float32Array(o.shape.reduce((a, b) => a * b, 1)));
    spec.run(
      ins.map((t) => backend.data.get(t.dataId).values),
      shapes,
      values,
      args.attrs,
    );
    return decl.map((o, i) => backend.makeTensorInfo(o.shape, o.dtype ?? 'float32', values[i]));
  };
  return [
    { kernelName: spec.kernelName, backendName: 'wasm', kernelFunc: wasm as unknown as KernelConfig['kernelFunc'] },
    { kernelName: spec.kernelName, backendName: 'cpu', kernelFunc: cpu as unknown as KernelConfig['kernelFunc'] },
  ];
}
