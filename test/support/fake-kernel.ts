/**
 * Runs `run` as if the tslab kernel had loaded its jupyter module with `write` as the current
 * cell's display writer (lib/viz looks for that module in require.cache), then forgets the fake
 * module and tslab itself. Shared by the kernel-display and show tests.
 *
 * @example await withFakeKernel((bundle) => sent.push(bundle), () => show(spec))
 */
export function withFakeKernel<T>(write: unknown, run: () => Promise<T> | T): Promise<T> {
  const file = require.resolve('tslab/dist/jupyter');
  const fake = {
    id: file,
    filename: file,
    loaded: true,
    exports: { lastWriteDisplayData: write },
  } as unknown as NodeModule;
  require.cache[file] = fake;
  return Promise.resolve()
    .then(run)
    .finally(() => {
      delete require.cache[file];
      delete require.cache[require.resolve('tslab')];
    });
}
