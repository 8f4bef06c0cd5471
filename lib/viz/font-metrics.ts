import * as fs from 'fs';

// Headless vega has no canvas to measure text, so it guesses 0.8 em per character, about a third
// more than DejaVu Sans needs: charts with a long title or subtitle were laid out (and their PNGs
// cut) hundreds of pixels wider than what resvg then drew. These are the font's own advance widths.

/** Advance widths of one TrueType font, in em, by code point (Basic Multilingual Plane). */
export interface FontWidths {
  /** Width of a code point in em, or undefined when the font has no glyph for it. */
  of(codePoint: number): number | undefined;
}

/** The faces the charts ask for ('DejaVu Sans', regular and bold), where Debian installs them. */
export const DEJAVU_SANS = {
  regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
};

function tableOffsets(b: Buffer, file: string): Map<string, number> {
  const tables = new Map<string, number>();
  const n = b.readUInt16BE(4);
  for (let i = 0; i < n; i++) {
    const at = 12 + 16 * i;
    tables.set(b.toString('latin1', at, at + 4), b.readUInt32BE(at + 8));
  }
  for (const t of ['head', 'hhea', 'hmtx', 'cmap'])
    if (!tables.has(t)) throw new Error(`${file}: no '${t}' table (expected a TrueType font)`);
  return tables;
}

/**
 * Reads a TrueType font's advance widths (tables head, hhea, hmtx and a format-4 cmap).
 *
 * @example readFontWidths(DEJAVU_SANS.regular).of(0x20) // => 0.31787109375 (a space, 651/2048 em)
 * @throws Error naming the file when it is not a TrueType font with those tables
 */
export function readFontWidths(file: string): FontWidths {
  const b = fs.readFileSync(file);
  const t = tableOffsets(b, file);
  const unitsPerEm = b.readUInt16BE(t.get('head')! + 18);
  const metrics = b.readUInt16BE(t.get('hhea')! + 34);
  const hmtx = t.get('hmtx')!;
  const advance = (glyph: number) => b.readUInt16BE(hmtx + 4 * Math.min(glyph, metrics - 1)) / unitsPerEm;
  // The Unicode BMP subtable: platform 3 encoding 1 (Windows) or platform 0 (Unicode), format 4.
  const cmap = t.get('cmap')!;
  let sub = -1;
  for (let i = 0; i < b.readUInt16BE(cmap + 2); i++) {
    const platform = b.readUInt16BE(cmap + 4 + 8 * i);
    const encoding = b.readUInt16BE(cmap + 6 + 8 * i);
    const at = cmap + b.readUInt32BE(cmap + 8 + 8 * i);
    if (b.readUInt16BE(at) === 4 && (platform === 0 || (platform === 3 && encoding === 1))) sub = at;
  }
  if (sub < 0) throw new Error(`${file}: no format-4 Unicode cmap subtable (expected a TrueType font)`);
  const segments = b.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  const cache = new Map<number, number | undefined>();
  const glyphOf = (c: number): number => {
    for (let s = 0; s < segments; s++) {
      if (c > b.readUInt16BE(ends + 2 * s)) continue;
      const start = b.readUInt16BE(starts + 2 * s);
      if (c < start) return 0;
      const delta = b.readInt16BE(deltas + 2 * s);
      const ro = b.readUInt16BE(rangeOffsets + 2 * s);
      if (ro === 0) return (c + delta) & 0xffff;
      const g = b.readUInt16BE(rangeOffsets + 2 * s + ro + 2 * (c - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  return {
    of(c: number) {
      if (!cache.has(c)) {
        const g = c > 0xffff ? 0 : glyphOf(c);
        cache.set(c, g === 0 ? undefined : advance(g));
      }
      return cache.get(c);
    },
  };
}

/**
 * Width in pixels of one line of text set in a font: the sum of its characters' advances (no
 * kerning, which DejaVu Sans applies to few pairs); characters the font lacks count 0.6 em.
 *
 * @example textWidth('Hi', 10, readFontWidths(DEJAVU_SANS.regular)) // => 10.3 (H 0.752 em + i 0.278 em, at 10 px)
 */
export function textWidth(text: string, fontSize: number, font: FontWidths): number {
  let em = 0;
  for (const ch of text) em += font.of(ch.codePointAt(0)!) ?? 0.6;
  return Math.round(em * fontSize * 100) / 100;
}

/** The parts of a vega text item that set its width. */
interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
}

/**
 * A width function for vega's `textMetrics.width` (the hook vega offers where no canvas measures
 * text) from DejaVu Sans's advances, bold for weights from 600; a text with a `limit` is counted
 * at most that wide, as vega will cut it there. Undefined where the font files are missing, and
 * vega keeps its own estimate.
 *
 * @example dejaVuTextMetrics()?.({ fontSize: 10 }, 'Hi') // => 10.3
 */
export function dejaVuTextMetrics(files = DEJAVU_SANS): ((item: TextItem, text: unknown) => number) | undefined {
  if (!fs.existsSync(files.regular) || !fs.existsSync(files.bold)) return undefined;
  const regular = readFontWidths(files.regular);
  const bold = readFontWidths(files.bold);
  return (item, text) => {
    const size = item.fontSize != null ? +item.fontSize || 0 : 11;
    const w = item.fontWeight === 'bold' || item.fontWeight === 'bolder' || Number(item.fontWeight) >= 600;
    const width = textWidth(text == null ? '' : String(text).trim(), size, w ? bold : regular);
    return item.limit && item.limit > 0 ? Math.min(width, +item.limit) : width;
  };
}
