/**
 * SVG to PNG with @resvg/resvg-js and only the font shipped in the repository (DejaVu Sans, which
 * covers Latin, Cyrillic, Greek, Armenian and Georgian): no system font is looked up, so a chart
 * renders the same on a laptop, in CI and in a slim container with no fonts installed.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderAsync } from '@resvg/resvg-js';

/** The family name charts ask for; the only font the renderer knows. */
export const CHART_FONT_FAMILY = 'DejaVu Sans';

/**
 * The shipped font file, found beside this module (`src/render/fonts/`, and `dist/src/render/fonts/`
 * where `npm run build` copies it).
 */
export const CHART_FONT_FILE = fileURLToPath(new URL('./fonts/DejaVuSans.ttf', import.meta.url));

/** A rendered picture. */
export interface RenderedPng {
  /** The PNG file's bytes. */
  png: Uint8Array;
  width: number;
  height: number;
}

/**
 * Rasterises an SVG document with the shipped font only, off the main thread (resvg's own
 * worker), so a chart drawn for a chat answer does not hold up the other requests.
 * @param svg - a complete SVG document (text in it is drawn with {@link CHART_FONT_FAMILY})
 * @throws Error naming the missing font file when the build did not ship it
 * @example const { png } = await svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
 */
export async function svgToPng(svg: string): Promise<RenderedPng> {
  // resvg silently draws no text without a font; a chart with no words is worse than an error.
  if (!existsSync(CHART_FONT_FILE)) throw new Error(`chart font missing: ${CHART_FONT_FILE} (npm run build copies src/render/fonts into dist)`);
  const image = await renderAsync(svg, {
    font: { loadSystemFonts: false, fontFiles: [CHART_FONT_FILE], defaultFontFamily: CHART_FONT_FAMILY },
    background: 'white',
  });
  return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height };
}
