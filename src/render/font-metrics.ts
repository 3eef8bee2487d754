/**
 * Advance widths of the shipped chart font, read from its own tables (`head`, `hhea`, `hmtx` and
 * the Unicode BMP `cmap`, format 4), so a label is cut to the width it really takes. Vega measures
 * text with a canvas, which newsdesk does not install; without one its estimate is too rough to
 * keep a long Armenian or capitalised quote inside an 800 px picture.
 */
import { readFileSync } from 'node:fs';
import { CHART_FONT_FILE } from './png.js';

/** Widths of one font, in em. */
interface Metrics {
  /** Advance of a BMP code point, in em, or undefined when the font has no glyph for it. */
  advance(codePoint: number): number | undefined;
}

/** Reads the tables of a TrueType font that give each character's advance. */
function parseMetrics(font: Buffer): Metrics {
  const tables = new Map<string, number>();
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i++) tables.set(font.toString('latin1', 12 + i * 16, 16 + i * 16), font.readUInt32BE(20 + i * 16));
  const at = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`chart font has no ${tag} table`);
    return offset;
  };
  const unitsPerEm = font.readUInt16BE(at('head') + 18);
  const hMetrics = font.readUInt16BE(at('hhea') + 34);
  const hmtx = at('hmtx');
  const advanceOf = (glyph: number) => font.readUInt16BE(hmtx + 4 * Math.min(glyph, hMetrics - 1)) / unitsPerEm;
  // The Windows Unicode BMP subtable (platform 3, encoding 1), format 4: segments of code points.
  const cmap = at('cmap');
  let sub = -1;
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
    const record = cmap + 4 + i * 8;
    if (font.readUInt16BE(record) === 3 && font.readUInt16BE(record + 2) === 1) sub = cmap + font.readUInt32BE(record + 4);
  }
  if (sub < 0 || font.readUInt16BE(sub) !== 4) throw new Error('chart font has no Unicode BMP cmap (format 4)');
  const segments = font.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  const glyphOf = (cp: number): number => {
    // Segments are sorted by end code: binary search, so a lookup is O(log segments).
    let [lo, hi] = [0, segments - 1];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (font.readUInt16BE(ends + 2 * mid) < cp) lo = mid + 1;
      else hi = mid;
    }
    const start = font.readUInt16BE(starts + 2 * lo);
    if (cp < start || cp > font.readUInt16BE(ends + 2 * lo)) return 0;
    const delta = font.readUInt16BE(deltas + 2 * lo);
    const rangeOffset = font.readUInt16BE(rangeOffsets + 2 * lo);
    if (rangeOffset === 0) return (cp + delta) & 0xffff;
    const glyph = font.readUInt16BE(rangeOffsets + 2 * lo + rangeOffset + 2 * (cp - start));
    return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
  };
  return {
    advance(codePoint) {
      if (codePoint > 0xffff) return undefined;
      const glyph = glyphOf(codePoint);
      return glyph === 0 ? undefined : advanceOf(glyph);
    },
  };
}

let metrics: Metrics | undefined;

/**
 * How wide `text` is in the chart font at `fontSize` pixels (advances only; kerning ignored, which
 * only ever narrows a line). A character the font lacks counts as its missing-glyph box.
 * @example textWidth('Armenia', 12) // ≈ 46
 */
export function textWidth(text: string, fontSize: number): number {
  metrics ??= parseMetrics(readFileSync(CHART_FONT_FILE));
  let em = 0;
  for (const ch of text) em += metrics.advance(ch.codePointAt(0)!) ?? 0.6;
  return em * fontSize;
}
