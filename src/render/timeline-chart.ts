/**
 * A timeline reply as a picture: a vertical time axis on the left with a dot at each event's date,
 * a leader line from each dot to the event's row, and on the row its date, a short quote and the
 * citation number of the text answer. Rows are evenly spaced whatever the dates, so 5 events and
 * 40 clustered in one week read equally well at chat width; the axis shows where in time they fall.
 *
 * Inferred dates get a hollow marker, plans still to come a diamond and news dated only by its
 * publication a hollow square, each explained in the legend. The label is a shortened quote (cut on
 * a word, with an ellipsis); the verbatim quote stays in the text answer the picture goes with.
 *
 * vega-lite compiles the spec, vega draws it to SVG headless (`renderer: 'none'`, no canvas
 * package), and {@link svgToPng} rasterises it with the font shipped in the repository. Positions
 * are computed here and passed as pixels (`scale: null`): the layout is ours, the drawing vega's.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Reply, ReplyItem } from '../core/types.js';
import { CHART_FONT_FAMILY, svgToPng, type RenderedPng } from './png.js';
import { textWidth } from './font-metrics.js';

/**
 * vega-lite patches `Set.prototype.toJSON` when it loads, for its own stable stringify during a
 * compile; left in place, it changes how every Set in the process serialises (discord.js then
 * fails to load). It is taken off again here and put back only while a spec compiles (synchronous).
 */
const SET_TO_JSON = Object.getOwnPropertyDescriptor(Set.prototype, 'toJSON');
if (SET_TO_JSON) delete (Set.prototype as { toJSON?: unknown }).toJSON;

/** vega-lite's compile with its Set patch in place for the call only. */
function compileSpec(spec: TopLevelSpec): ReturnType<typeof compile> {
  if (!SET_TO_JSON) return compile(spec);
  Object.defineProperty(Set.prototype, 'toJSON', SET_TO_JSON);
  try {
    return compile(spec);
  } finally {
    delete (Set.prototype as { toJSON?: unknown }).toJSON;
  }
}

/** How a chart is laid out. Every option is optional; see {@link DEFAULT_CHART_OPTIONS}. */
export interface TimelineChartOptions {
  /** Picture width in pixels. @defaultValue 800 (a chat column) */
  width?: number;
  /** Most events drawn; a longer timeline says "first N of M events". @defaultValue 40 */
  maxEvents?: number;
  /** Most characters of a quote on its row; fewer when they would not fit the width. @defaultValue 90 */
  quoteChars?: number;
}

/** The defaults every chart starts from. */
export const DEFAULT_CHART_OPTIONS: Required<TimelineChartOptions> = { width: 800, maxEvents: 40, quoteChars: 90 };

/** What kind of date an event has, which decides its marker. */
export type ChartDateKind = 'stated' | 'inferred' | 'planned' | 'reported';

/** One row of the chart, computed from one reply item. */
export interface ChartEvent {
  /** Position in the text answer (1-based), so a row can be found in the list. */
  index: number;
  /** Citation number of the article (`[n]` in the text answer). */
  source: number;
  /** The date as a fractional year (2021.42…), for the time axis. */
  time: number;
  /** Short date for the row ("4 Jun 2021", "c. May 2020", "1990s"). */
  date: string;
  kind: ChartDateKind;
  /** The quote, shortened on a word boundary. */
  quote: string;
}

/** Pixel layout (x positions and vertical rhythm); widths are for the default 12 px text. */
const LAYOUT = { axisX: 70, leaderEnd: 118, indexX: 140, markerX: 150, dateX: 160, quoteX: 262, top: 92, row: 22, footer: 34, margin: 10, fontSize: 12 } as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Characters of a quote looked at, whatever its length: the label is cut from this much. */
const QUOTE_WINDOW = 400;

/**
 * The first `max` characters of a quote, cut after a whole word with an ellipsis; whitespace runs
 * become one space. Works on at most {@link QUOTE_WINDOW} characters of `text`.
 * @example shortQuote('Troops crossed the border at dawn on Friday', 20) // 'Troops crossed the…'
 */
export function shortQuote(text: string, max: number): string {
  const chars = Array.from(text.slice(0, QUOTE_WINDOW).replace(/\s+/g, ' ').trim());
  if (chars.length <= max && text.length <= QUOTE_WINDOW) return chars.join('');
  const head = chars.slice(0, Math.max(1, max - 1)).join('');
  const space = head.lastIndexOf(' ');
  // A word longer than half the room is cut inside it rather than leaving a stub of a label.
  const cut = space > head.length / 2 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:–—-]+$/u, '')}…`;
}

/** Most characters of `text` whose shortened form (plus an ellipsis) fits in `pixels`. */
function charsThatFit(text: string, pixels: number, fontSize: number, max: number): number {
  let used = textWidth('…', fontSize);
  let n = 0;
  for (const ch of text.slice(0, QUOTE_WINDOW).replace(/\s+/g, ' ').trim()) {
    used += textWidth(ch, fontSize);
    if (used > pixels || n >= max) break;
    n++;
  }
  return Math.max(n, 8);
}

/** "2021-06-04" at its precision, short: "4 Jun 2021", "Jun 2021", "2021", "1990s". */
function shortDate(item: ReplyItem, date: string, precision: string): string {
  const [y, mo, d] = date.split('-');
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  const circa = item.fields?.['approximate'] === true ? 'c. ' : '';
  if (precision === 'day' && d && month) return `${circa}${Number(d)} ${month} ${y}`;
  if (precision === 'week' && d && month) return `${circa}wk ${Number(d)} ${month} ${y}`;
  if (precision === 'month' && month) return `${circa}${month} ${y}`;
  if (precision === 'year') return `${circa}${y}`;
  if (precision === 'decade') return `${circa}${y}s`;
  // Seasons, quarters, halves: the reply's own label says which ("fall 2020"), without the flags the marker shows.
  const label = (item.label ?? '').replace(/\s*\(inferred\)\s*/g, '').replace(/^(?:planned|reported):?\s*/i, '');
  const text = label || `${circa}${month ? `${month} ` : ''}${y}`;
  return shortQuote(text, charsThatFit(text, LAYOUT.quoteX - LAYOUT.dateX - LAYOUT.margin, LAYOUT.fontSize, 24));
}

/** Fractional year of a sortable date, or null when it is not one. */
function fractionalYear(date: string): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!m) return null;
  return Number(m[1]) + (m[2] ? (Number(m[2]) - 1) / 12 : 0) + (m[3] ? (Number(m[3]) - 1) / 366 : 0);
}

function kindOf(item: ReplyItem): ChartDateKind {
  const basis = item.fields?.['basis'];
  if (basis === 'planned') return 'planned';
  if (basis === 'reported') return 'reported';
  return item.fields?.['inferred'] === true ? 'inferred' : 'stated';
}

/**
 * The rows a chart draws: the reply's dated items in their order, at most `maxEvents`.
 * @returns the rows and how many dated items the reply had
 */
export function chartEvents(reply: Reply, options: TimelineChartOptions = {}): { events: ChartEvent[]; total: number } {
  const { maxEvents, quoteChars, width } = { ...DEFAULT_CHART_OPTIONS, ...options };
  const dated: ChartEvent[] = [];
  let total = 0;
  reply.items.forEach((item, i) => {
    const date = String(item.fields?.['date'] ?? '');
    const time = fractionalYear(date);
    if (time === null) return;
    total++;
    if (dated.length >= maxEvents) return;
    const precision = String(item.fields?.['precision'] ?? 'day');
    const room = width - LAYOUT.quoteX - LAYOUT.margin - textWidth(` “” [${item.source}]`, LAYOUT.fontSize);
    const quote = shortQuote(item.text, charsThatFit(item.text, room, LAYOUT.fontSize, quoteChars));
    dated.push({ index: i + 1, source: item.source, time, date: shortDate(item, date, precision), kind: kindOf(item), quote });
  });
  return { events: dated, total };
}

/** Year (or month) ticks for the axis between `lo` and `hi`, at most about eight. */
function ticks(lo: number, hi: number): { time: number; text: string }[] {
  const span = hi - lo;
  if (span < 1.5) {
    const step = [1, 2, 3, 6].find((s) => (span * 12) / s <= 8) ?? 6;
    const out: { time: number; text: string }[] = [];
    for (let k = Math.ceil((lo * 12) / step) * step; k <= hi * 12 + 1e-9; k += step) {
      out.push({ time: k / 12, text: `${MONTHS[((k % 12) + 12) % 12]} ${Math.floor(k / 12)}` });
    }
    return out;
  }
  const step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].find((s) => span / s <= 8) ?? 1000;
  const out: { time: number; text: string }[] = [];
  for (let y = Math.ceil(lo / step) * step; y <= hi + 1e-9; y += step) out.push({ time: y, text: String(y) });
  return out;
}

/** Marker look per kind: fill, stroke, shape, and the legend's words. */
const MARKERS: Record<ChartDateKind, { fill: string; stroke: string; shape: string; legend: string }> = {
  stated: { fill: '#1f5f99', stroke: '#1f5f99', shape: 'circle', legend: 'date stated' },
  inferred: { fill: 'white', stroke: '#1f5f99', shape: 'circle', legend: 'inferred date' },
  planned: { fill: '#c2561a', stroke: '#c2561a', shape: 'diamond', legend: 'planned' },
  reported: { fill: 'white', stroke: '#555555', shape: 'square', legend: 'dated by publication' },
};


const px = { type: 'quantitative', scale: null } as const;

/**
 * The vega-lite spec of a timeline chart (pixel positions computed here).
 * @example const spec = timelineChartSpec(reply); // compile with vega-lite, draw with vega
 */
export function timelineChartSpec(reply: Reply, options: TimelineChartOptions = {}): TopLevelSpec {
  const opts = { ...DEFAULT_CHART_OPTIONS, ...options };
  const { events, total } = chartEvents(reply, opts);
  const L = LAYOUT;
  const rowsHeight = Math.max(events.length - 1, 0) * L.row;
  const axisHeight = Math.max(rowsHeight, 4 * L.row);
  const height = L.top + axisHeight + L.footer;
  let lo = Math.min(...events.map((e) => e.time));
  let hi = Math.max(...events.map((e) => e.time));
  if (!events.length) [lo, hi] = [0, 1];
  if (hi - lo < 1 / 12) [lo, hi] = [lo - 1 / 24, hi + 1 / 24];
  const yOf = (t: number) => L.top + ((t - lo) / (hi - lo)) * axisHeight;
  const rows = events.map((e, i) => ({
    ...MARKERS[e.kind],
    y: L.top + i * L.row,
    yt: yOf(e.time),
    index: String(e.index),
    date: e.date,
    // A quote that opens with its own quotation mark is not wrapped in a second pair.
    label: `${/^["“„«‘']/.test(e.quote) ? `${e.quote}${e.quote.endsWith('…') ? '”' : ''}` : `“${e.quote}”`} [${e.source}]`,
  }));
  const kinds = (['stated', 'inferred', 'planned', 'reported'] as const).filter((k) => events.some((e) => e.kind === k));
  let legendX = 12;
  const legend = kinds.map((k) => {
    const entry = { ...MARKERS[k], x: legendX, tx: legendX + 10, y: 62 };
    legendX += 30 + textWidth(MARKERS[k].legend, 11);
    return entry;
  });
  const subtitle = events.length < total ? `first ${events.length} of ${total} events` : '';
  const point = (x: number | 'x', y: 'y' | 'yt', size: number) => ({
    mark: { type: 'point' as const, filled: true, size, strokeWidth: 1.5, opacity: 1 },
    encoding: {
      x: typeof x === 'number' ? { value: x } : { field: x, ...px },
      y: { field: y, ...px },
      fill: { field: 'fill', type: 'nominal' as const, scale: null },
      stroke: { field: 'stroke', type: 'nominal' as const, scale: null },
      shape: { field: 'shape', type: 'nominal' as const, scale: null },
    },
  });
  const text = (x: number | 'tx', y: 'y' | 'time', field: string, mark: Record<string, unknown>) => ({
    mark: { type: 'text' as const, baseline: 'middle' as const, fontSize: 12, align: 'left' as const, ...mark },
    encoding: { x: typeof x === 'number' ? { value: x } : { field: x, ...px }, y: { field: y, ...px }, text: { field, type: 'nominal' as const } },
  });
  const note = (y: number, value: string, fontSize: number, color: string) => ({
    data: { values: [{ y, value }] },
    mark: { type: 'text' as const, baseline: 'middle' as const, align: 'left' as const, fontSize, color },
    encoding: { x: { value: 12 }, y: { field: 'y', ...px }, text: { field: 'value', type: 'nominal' as const } },
  });
  const tickRows = events.length ? ticks(lo, hi).map((t) => ({ ...t, time: yOf(t.time) })) : [];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: opts.width,
    height,
    padding: 0,
    autosize: { type: 'none' },
    background: 'white',
    config: { font: CHART_FONT_FAMILY, view: { stroke: null }, aria: false },
    layer: [
      note(24, shortQuote(reply.headline, charsThatFit(reply.headline, opts.width - 24, 15, 120)), 15, '#111111'),
      note(44, subtitle || `${total} ${total === 1 ? 'event' : 'events'}`, 12, '#555555'),
      { data: { values: legend }, ...point('x', 'y', 60) },
      { data: { values: legend }, ...text('tx', 'y', 'legend', { fontSize: 11, color: '#333333' }) },
      {
        data: { values: [{ y: L.top, y2: L.top + axisHeight }] },
        mark: { type: 'rule', color: '#999999', strokeWidth: 1 },
        encoding: { x: { value: L.axisX }, y: { field: 'y', ...px }, y2: { field: 'y2' } },
      },
      { data: { values: tickRows }, mark: { type: 'rule', color: '#999999' }, encoding: { x: { value: L.axisX - 5 }, x2: { value: L.axisX }, y: { field: 'time', ...px } } },
      { data: { values: tickRows }, ...text(L.axisX - 8, 'time', 'text', { align: 'right', fontSize: 10, color: '#555555' }) },
      {
        data: { values: rows },
        mark: { type: 'rule', color: '#c8c8c8', strokeWidth: 1 },
        encoding: { x: { value: L.axisX }, y: { field: 'yt', ...px }, x2: { value: L.leaderEnd }, y2: { field: 'y' } },
      },
      { data: { values: rows }, ...point(L.axisX, 'yt', 36) },
      { data: { values: rows }, ...text(L.indexX, 'y', 'index', { align: 'right', fontSize: 10, color: '#777777' }) },
      { data: { values: rows }, ...point(L.markerX, 'y', 50) },
      { data: { values: rows }, ...text(L.dateX, 'y', 'date', { color: '#111111' }) },
      { data: { values: rows }, ...text(L.quoteX, 'y', 'label', { color: '#222222' }) },
      note(height - 14, 'Quotes shortened; the text answer quotes them in full with their sources.', 10, '#777777'),
    ],
  } as TopLevelSpec;
}

/** The chart as an SVG document (vega headless, no canvas). */
export async function timelineChartSvg(reply: Reply, options: TimelineChartOptions = {}): Promise<string> {
  const view = new vega.View(vega.parse(compileSpec(timelineChartSpec(reply, options)).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Renders a timeline reply as a PNG chart.
 * @example const { png } = await timelineChartPng(reply); writeFileSync('timeline.png', png);
 */
export async function timelineChartPng(reply: Reply, options: TimelineChartOptions = {}): Promise<RenderedPng> {
  return await svgToPng(await timelineChartSvg(reply, options));
}
