import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { VEGALITE_MIME, chartBundle, show, type MimeBundle } from '../../lib/viz';
import { tempDir } from '../helpers';
import { syntheticConfusionChart } from '../support/sample-charts';
import { decodePng } from '../support/decode-png';
import { withFakeKernel } from '../support/fake-kernel';
import { nonBackgroundPixels } from '../support/launch-browser';

const cm = syntheticConfusionChart();

describe('viz/show', () => {
  it('outside a kernel displays nothing, does not load tslab, and still writes the files when asked', async () => {
    const dir = tempDir();
    try {
      const result = await show(cm, { writeTo: path.join(dir, 'cm') });
      assert.equal(result.displayed, 'none');
      assert.ok(result.svg.startsWith('<svg'));
      assert.ok(fs.existsSync(path.join(dir, 'cm.png')) && fs.existsSync(path.join(dir, 'cm.vl.json')));
      assert.equal(require.cache[require.resolve('tslab/dist/jupyter')], undefined);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('in a kernel sends ONE display_data with Vega-Lite (v5 schema), SVG, PNG (2× pixels, shown at SVG size) and text', async () => {
    const sent: [MimeBundle, boolean][] = [];
    const result = await withFakeKernel(
      (bundle: MimeBundle, update: boolean) => sent.push([bundle, update]),
      () => show(cm),
    );
    assert.equal(result.displayed, 'bundle');
    assert.equal(sent.length, 1);
    const [bundle, update] = sent[0];
    assert.equal(update, false);
    assert.deepEqual(Object.keys(bundle.data), [VEGALITE_MIME, 'image/svg+xml', 'image/png', 'text/plain']);
    const png = decodePng(Buffer.from(bundle.data['image/png'] as string, 'base64'));
    const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(result.svg)![1]);
    const height = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(result.svg)![1]);
    assert.deepEqual(bundle.metadata, { 'image/png': { width: Math.round(width), height: Math.round(height) } });
    assert.deepEqual([png.width, png.height], [Math.round(width * 2), Math.round(height * 2)]);
    assert.ok(nonBackgroundPixels(Buffer.from(bundle.data['image/png'] as string, 'base64')).count > 1000);
    assert.equal(
      (bundle.data[VEGALITE_MIME] as { $schema: string }).$schema,
      'https://vega.github.io/schema/vega-lite/v5.json',
    );
    assert.deepEqual({ ...(bundle.data[VEGALITE_MIME] as object), $schema: cm.$schema }, cm, 'only the schema differs');
    assert.equal(bundle.data['image/svg+xml'], result.svg);
    assert.equal(bundle.data['text/plain'], '<Vega-Lite chart: SYNTHETIC DATA · Confusion matrix (row-normalised)>');
    assert.equal(cm.$schema, 'https://vega.github.io/schema/vega-lite/v6.json', "the caller's spec is not modified");
  });

  it('falls back to tslab display.svg when the bundle cannot be sent, and never throws', async () => {
    const calls: MimeBundle[] = [];
    const flaky = (bundle: MimeBundle) => {
      calls.push(bundle);
      if (calls.length === 1) throw new Error('iopub closed');
    };
    const result = await withFakeKernel(flaky, () => show(cm));
    assert.equal(result.displayed, 'svg');
    assert.deepEqual(Object.keys(calls[1].data), ['image/svg+xml']);
    const broken = await withFakeKernel(
      () => {
        throw new Error('gone');
      },
      () => show(cm),
    );
    assert.equal(broken.displayed, 'none');
  });

  it('chartBundle names untitled charts', () => {
    assert.equal(
      chartBundle({ $schema: 'x' }, '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"/>').data[
        'text/plain'
      ],
      '<Vega-Lite chart: untitled>',
    );
  });
});
