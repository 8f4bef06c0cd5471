import { strict as assert } from 'assert';
import { svgToPng } from '../../lib/viz';
import { decodePng } from '../support/decode-png';
import { launchBrowser, nonBackgroundPixels, requireChromium, watchPageErrors } from '../support/launch-browser';

// A 40×20 picture: white, with a 10×10 black square at (5, 5).
const SQUARE =
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#fff"/>' +
  '<rect x="5" y="5" width="10" height="10" fill="#000"/></svg>';

describe('browser test support', () => {
  it('decodes a PNG to the pixels it was drawn with', () => {
    const { width, height, rgba } = decodePng(svgToPng(SQUARE, { scale: 1 }));
    assert.deepEqual([width, height], [40, 20]);
    const at = (x: number, y: number) => Array.from(rgba.subarray((y * width + x) * 4, (y * width + x) * 4 + 4));
    assert.deepEqual(at(0, 0), [255, 255, 255, 255]);
    assert.deepEqual(at(10, 10), [0, 0, 0, 255]);
    assert.equal(nonBackgroundPixels(svgToPng(SQUARE, { scale: 1 })).count, 100);
  });

  describe('launchBrowser (Debian chromium through puppeteer-core)', function () {
    this.timeout(60000);
    before(function () {
      requireChromium(this);
    });

    it('counts a drawn square and an empty box apart in element screenshots, and leaves no profile behind', async () => {
      const launched = await launchBrowser();
      try {
        const page = await launched.browser.newPage();
        const problems = watchPageErrors(page);
        await page.setContent(
          `<body style="margin:0;background:#fff"><div id="drawn" style="width:40px;height:20px">${SQUARE}</div>` +
            '<div id="blank" style="width:40px;height:20px"></div></body>',
        );
        const drawn = nonBackgroundPixels(await (await page.$('#drawn'))!.screenshot());
        const blank = nonBackgroundPixels(await (await page.$('#blank'))!.screenshot());
        assert.equal(drawn.count, 100);
        assert.equal(blank.count, 0);
        assert.deepEqual(problems, []);
      } finally {
        await launched.close();
      }
      assert.equal(require('fs').existsSync(launched.userDataDir), false);
    });
  });
});
