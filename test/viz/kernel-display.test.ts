import { strict as assert } from 'assert';
import { displayBundle, type MimeBundle, type TslabDisplay } from '../../lib/viz/kernel-display';
import { withFakeKernel } from '../support/fake-kernel';

const bundle: MimeBundle = {
  data: { 'text/plain': 'hello', 'image/svg+xml': '<svg/>' },
  metadata: {},
  transient: {},
};

describe('viz/kernelDisplay', () => {
  it('outside a kernel sends nothing, calls no fallback and does not load tslab', () => {
    let fallbacks = 0;
    assert.equal(
      displayBundle(bundle, () => fallbacks++),
      'none',
    );
    assert.equal(fallbacks, 0);
    assert.equal(require.cache[require.resolve('tslab/dist/jupyter')], undefined);
    assert.equal(require.cache[require.resolve('tslab')], undefined);
  });

  it('in a kernel sends the whole bundle, every format at once, as a new output (not an update)', async () => {
    const sent: [MimeBundle, boolean][] = [];
    let fallbacks = 0;
    const how = await withFakeKernel(
      (b: MimeBundle, update: boolean) => sent.push([b, update]),
      () => displayBundle(bundle, () => fallbacks++),
    );
    assert.equal(how, 'bundle');
    assert.deepEqual(sent, [[bundle, false]]);
    assert.equal(fallbacks, 0);
  });

  it('hands tslab’s public display API to the fallback when the writer throws or is missing', async () => {
    for (const write of [
      () => {
        throw new Error('iopub closed');
      },
      undefined,
    ]) {
      let given: TslabDisplay | undefined;
      const how = await withFakeKernel(write, () =>
        displayBundle(bundle, (d) => {
          given = d;
        }),
      );
      assert.equal(how, 'fallback');
      assert.equal(typeof given?.svg, 'function');
      assert.equal(typeof given?.text, 'function');
    }
  });

  it('never throws: a failing fallback leaves nothing displayed', async () => {
    const how = await withFakeKernel(undefined, () =>
      displayBundle(bundle, () => {
        throw new Error('display broke');
      }),
    );
    assert.equal(how, 'none');
  });
});
