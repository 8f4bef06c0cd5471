import { strict as assert } from 'assert';
import * as fs from 'fs';
import { baseSpec, renderSvg } from '../../lib/viz';
import { dejaVuTextMetrics, DEJAVU_SANS, readFontWidths, textWidth } from '../../lib/viz/font-metrics';

const haveFonts = fs.existsSync(DEJAVU_SANS.regular) && fs.existsSync(DEJAVU_SANS.bold);

describe('viz/font-metrics', function () {
  before(function () {
    if (!haveFonts) this.skip(); // Debian's fonts-dejavu-core; without it vega keeps its own estimate
  });

  it("reads DejaVu Sans's advance widths (units of 1/2048 em) from the font file", () => {
    const regular = readFontWidths(DEJAVU_SANS.regular);
    const bold = readFontWidths(DEJAVU_SANS.bold);
    assert.equal(regular.of(0x20), 651 / 2048); // space
    assert.equal(regular.of('0'.codePointAt(0)!), 1303 / 2048); // tabular digits
    assert.equal(regular.of('i'.codePointAt(0)!), 569 / 2048);
    assert.equal(regular.of('m'.codePointAt(0)!), 1995 / 2048);
    assert.ok(bold.of('H'.codePointAt(0)!)! > regular.of('H'.codePointAt(0)!)!, 'bold is wider');
    assert.ok(regular.of('γ'.codePointAt(0)!)! > 0, 'a Greek letter through the format-4 cmap');
    assert.equal(regular.of(0xe000), undefined, 'no glyph in the private use area');
  });

  it('sums advances along a line and counts a missing glyph as 0.6 em', () => {
    const regular = readFontWidths(DEJAVU_SANS.regular);
    assert.equal(textWidth('ii', 10, regular), Math.round(((2 * 569) / 2048) * 10 * 100) / 100);
    assert.equal(textWidth('\ue000', 10, regular), 6);
  });

  it('counts bold from weight 600 and a limited text at most its limit', () => {
    const width = dejaVuTextMetrics()!;
    assert.ok(width({ fontSize: 11, fontWeight: 'bold' }, 'Record') > width({ fontSize: 11 }, 'Record'));
    assert.equal(
      width({ fontSize: 11, fontWeight: 700 }, 'Record'),
      width({ fontSize: 11, fontWeight: 'bold' }, 'Record'),
    );
    assert.equal(width({ fontSize: 11, limit: 20 }, 'a long axis label'), 20);
    assert.equal(dejaVuTextMetrics({ regular: '/nonexistent.ttf', bold: DEJAVU_SANS.bold }), undefined);
  });

  it('lays a chart out as wide as its longest line drawn in DejaVu Sans, not 0.8 em per character', async () => {
    const subtitle = 'reference symbols above, predictions below; model trained inter-patient, record unseen'.repeat(2);
    const spec = {
      ...baseSpec('t', { subtitle }),
      width: 200,
      height: 50,
      data: { values: [{ x: 1 }] },
      mark: 'point',
      encoding: { x: { field: 'x', type: 'quantitative' } },
    };
    const svgWidth = Number(/<svg[^>]* width="([0-9.]+)"/.exec(await renderSvg(spec))![1]);
    const drawn = textWidth(subtitle, 11, readFontWidths(DEJAVU_SANS.regular));
    // The subtitle is the widest thing; the chart adds its padding (8 px a side) and little else.
    assert.ok(Math.abs(svgWidth - (drawn + 16)) < 6, `SVG ${svgWidth} px for a ${drawn} px subtitle`);
    assert.ok(svgWidth < 0.8 * subtitle.length * 11, "narrower than vega's estimate");
  });
});
