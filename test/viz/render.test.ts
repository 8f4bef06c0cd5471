import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  VEGALITE_MIME,
  chartBundle,
  confusionMatrixChart,
  ecgStripChart,
  renderPng,
  renderSvg,
  writeChart,
  show,
  type MimeBundle,
} from '../../lib/viz';
import { tempDir } from '../helpers';
import { decodePng } from '../support/decode-png';
import { nonBackgroundPixels } from '../support/launch-browser';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const cm = confusionMatrixChart(
  {
    labels: ['N', 'V'],
    matrix: [
      [9, 1],
      [2, 8],
    ],
  },
  { normalize: 'row', synthetic: true },
);

/** Pretends the tslab kernel has loaded its jupyter module, with the given display writer. */
function withFakeKernel<T>(write: unknown, run: () => Promise<T>): Promise<T> {
  const file = require.resolve('tslab/dist/jupyter');
  const fake = {
    id: file,
    filename: file,
    loaded: true,
    exports: { lastWriteDisplayData: write },
  } as unknown as NodeModule;
  require.cache[file] = fake;
  return run().finally(() => {
    delete require.cache[file];
    delete require.cache[require.resolve('tslab')];
  });
}

describe('viz/render', () => {
  it('renderSvg draws the axis titles, cell labels and the synthetic-data title, leaving the spec as it was', async () => {
    const before = JSON.stringify(cm);
    const rows = (cm.data as { values: object[] }).values;
    const svg = await renderSvg(cm);
    assert.equal(JSON.stringify(cm), before);
    assert.deepEqual(Object.getOwnPropertySymbols(rows[0]), [], "vega did not tag the caller's rows");
    assert.ok(svg.startsWith('<svg'), svg.slice(0, 40));
    for (const text of ['>true<', '>predicted<', '>0.90<', '>0.20<', 'SYNTHETIC DATA'])
      assert.ok(svg.includes(text), `missing ${text}`);
  });

  it('renderSvg of a strip at 360 Hz has a time axis in seconds', async () => {
    const svg = await renderSvg(ecgStripChart({ samples: new Float32Array(720), fsHz: 360 }));
    assert.ok(svg.includes('>time (s)<') && svg.includes('>amplitude (mV)<'));
    // 720 samples span 0 … 1.997 s: ticks every 0.2 s up to 1.8 (in samples they would reach 700).
    assert.ok(svg.includes('>1.0<') && svg.includes('>1.8<') && !svg.includes('>700<'), 'ticks in seconds');
  });

  it('renderPng returns PNG bytes at twice the SVG size', async () => {
    const png = await renderPng(cm);
    assert.deepEqual(Array.from(png.subarray(0, 8)), PNG_SIGNATURE);
    const widthPx = Buffer.from(png.subarray(16, 20)).readUInt32BE(0);
    const svgWidth = Number(/width="(\d+)"/.exec(await renderSvg(cm))?.[1]);
    assert.equal(widthPx, 2 * svgWidth);
  });

  it('writeChart writes .svg, .png and .vl.json, the last being the spec itself', async () => {
    const dir = tempDir();
    try {
      const files = await writeChart(cm, path.join(dir, 'figs', 'cm'));
      assert.deepEqual(fs.readdirSync(path.join(dir, 'figs')).sort(), ['cm.png', 'cm.svg', 'cm.vl.json']);
      assert.deepEqual(JSON.parse(fs.readFileSync(files.spec, 'utf8')), cm);
      assert.ok(fs.readFileSync(files.svg, 'utf8').includes('>predicted<'));
      assert.deepEqual(Array.from(fs.readFileSync(files.png).subarray(0, 8)), PNG_SIGNATURE);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

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
