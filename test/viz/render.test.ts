import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ecgStripChart, renderPng, renderSvg, writeChart } from '../../lib/viz';
import { tempDir } from '../helpers';
import { syntheticConfusionChart } from '../support/sample-charts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const cm = syntheticConfusionChart();

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
