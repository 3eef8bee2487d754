import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Reply, ReplyItem } from '../../src/core/types.js';
import { svgToPng } from '../../src/render/png.js';
import { textWidth } from '../../src/render/font-metrics.js';
import { chartEvents, DEFAULT_CHART_OPTIONS, shortQuote, timelineChartPng, timelineChartSvg } from '../../src/render/timeline-chart.js';
import { inkPixels, pngHeader, pngPixels, PNG_SIGNATURE } from '../helpers/png.js';

const WORDS = ['Troops', 'crossed', 'the', 'border', 'near', 'Gyumri', 'while', 'officials', 'in', 'Yerevan', 'denied', 'any', 'agreement', 'with', 'Moscow'];

/** A timeline reply in the shape commands/timeline.ts returns: `n` events, one month apart. */
function timelineReply(n: number, edit: (item: ReplyItem, i: number) => void = () => {}): Reply {
  const items: ReplyItem[] = Array.from({ length: n }, (_, i) => {
    const year = 2019 + Math.floor(i / 12);
    const month = String((i % 12) + 1).padStart(2, '0');
    const text = `Event ${i + 1}: ${Array.from({ length: 14 }, (_, w) => WORDS[(i + w) % WORDS.length]).join(' ')}.`;
    const item: ReplyItem = {
      text,
      source: (i % 4) + 1,
      span: { start: 0, end: text.length },
      label: `${year}-${month}-03`,
      group: String(year),
      fields: { date: `${year}-${month}-03`, precision: 'day', inferred: false, approximate: false, expression: 'on 3 March' },
    };
    edit(item, i);
    return item;
  });
  const citations = [1, 2, 3, 4].map((id) => ({ id, articleId: `a${id}`, title: `Article ${id}`, outlet: 'Desk', published: '2024-01-01', publishedInferred: false, url: null }));
  return { command: 'timeline', query: 'armenia-russia', headline: `${n} dated events for Armenia and Russia`, items, citations, notes: [] };
}

describe('short quote labels', () => {
  it('cuts on a word boundary with an ellipsis, and leaves a short quote whole', () => {
    expect(shortQuote('Troops crossed the border at dawn on Friday', 20)).toBe('Troops crossed the…');
    expect(shortQuote('Troops crossed the border', 40)).toBe('Troops crossed the border');
    expect(shortQuote('Troops,   crossed\nthe border', 12)).toBe('Troops…');
  });

  it('a label is always the start of the quote (whitespace runs as one space) and never longer than asked', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600, unit: fc.constantFrom('a', 'b', ' ', '\n', ',', 'ж', 'Հ', '😀') }), fc.integer({ min: 4, max: 120 }), (text, max) => {
        const label = shortQuote(text, max);
        const collapsed = text.replace(/\s+/g, ' ').trim();
        expect(Array.from(label).length).toBeLessThanOrEqual(max);
        expect(collapsed.startsWith(label.replace(/…$/, ''))).toBe(true);
      }),
    );
  });

  it('a row quote fits the picture: a long quote in capitals is cut shorter than one in lower case', () => {
    const reply = timelineReply(2, (item, i) => (item.text = (i ? 'ABCDEFGHIJ MNOPQRSTUVW ' : 'abcdefghij mnopqrstuvw ').repeat(10)));
    const [lower, upper] = chartEvents(reply).events;
    expect(upper!.quote.length).toBeLessThan(lower!.quote.length);
    for (const e of [lower!, upper!]) expect(262 + textWidth(`“${e.quote}” [${e.source}]`, 12)).toBeLessThanOrEqual(DEFAULT_CHART_OPTIONS.width);
  });
});

/** Ink in the rightmost `columns` columns of a picture: a label that ran off the edge leaves some. */
function inkAtRightEdge(png: Uint8Array, columns = 4): number {
  const image = pngPixels(png);
  let ink = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = image.width - columns; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      if (image.rgba[i]! + image.rgba[i + 1]! + image.rgba[i + 2]! < 600) ink++;
    }
  }
  return ink;
}

describe('timeline chart', () => {
  it('long quotes in Armenian, Georgian, Cyrillic and capitals stay inside the picture', async () => {
    const long = [
      'Հայաստանի վարչապետը հայտարարեց, որ Ռուսաստանի հետ պայմանագիրը կվերանայվի մինչև տարեվերջ, ինչպես նաև',
      'საქართველოს მთავრობამ განაცხადა, რომ მოლაპარაკებები გაგრძელდება მომავალ კვირას თბილისში და ბათუმში',
      'Министр иностранных дел России заявил, что переговоры продолжатся в Москве на следующей неделе',
      'THE GOVERNMENT ANNOUNCED A STATE OF EMERGENCY ACROSS ALL NORTHERN PROVINCES TODAY AND TOMORROW',
      'Wwwww Mmmmm Wwwww Mmmmm Wwwww Mmmmm Wwwww Mmmmm Wwwww Mmmmm Wwwww Mmmmm Wwwww Mmmmm Wwwww',
    ];
    const { png } = await timelineChartPng(timelineReply(5, (item, i) => ((item.text = long[i]!), (item.source = 10 + i))));
    expect(inkAtRightEdge(png)).toBe(0);
  });

  it('renders 5 events as an 800 px wide PNG with every row, numbered to the citations', async () => {
    const reply = timelineReply(5);
    const svg = await timelineChartSvg(reply);
    for (const e of chartEvents(reply).events) expect(svg).toContain(`${e.quote}” [${e.source}]`);
    expect(svg).not.toContain('first ');
    const { png, width, height } = await timelineChartPng(reply);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngHeader(png)).toMatchObject({ width: 800, height });
    expect(width).toBe(800);
    const image = pngPixels(png);
    // Not blank: text, markers and the axis leave ink in the rows' band.
    expect(inkPixels(image, 80, height - 30)).toBeGreaterThan(2000);
  });

  it('places each event on the time axis by its date, while the rows stay evenly spaced', async () => {
    const reply = timelineReply(3, (item, i) => (item.fields!['date'] = ['2000-01-01', '2001-01-01', '2020-01-01'][i]!));
    const svg = await timelineChartSvg(reply);
    // The dots on the axis (x = 70): 2001 sits a twentieth of the way from 2000 to 2020.
    const onAxis = [...svg.matchAll(/<path transform="translate\(70,([\d.]+)\)"/g)].map((m) => Number(m[1]));
    expect(onAxis).toHaveLength(3);
    const [a, b, c] = onAxis as [number, number, number];
    expect((b - a) / (c - a)).toBeCloseTo(1 / 20, 2);
    // The row markers (x = 150) are one row apart.
    const rows = [...svg.matchAll(/<path transform="translate\(150,([\d.]+)\)"/g)].map((m) => Number(m[1]));
    expect(rows[1]! - rows[0]!).toBe(rows[2]! - rows[1]!);
  });

  it('60 events: the first 40 rows are drawn, the picture says "first 40 of 60 events", and the height stops growing', async () => {
    const reply = timelineReply(60);
    const svg = await timelineChartSvg(reply);
    expect(svg).toContain('first 40 of 60 events');
    expect(svg).toContain('” [4]');
    const { events } = chartEvents(reply);
    expect(events.map((e) => e.index)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const many = await timelineChartPng(reply);
    const forty = await timelineChartPng(timelineReply(40));
    expect(many.height).toBe(forty.height);
    expect(many.height).toBeLessThan(1100);
    const image = pngPixels(many.png);
    // The last rows are drawn too: ink in the bottom tenth of the rows.
    expect(inkPixels(image, many.height - 120, many.height - 30)).toBeGreaterThan(500);
  });

  it('marks an inferred date with a hollow marker and says so in the legend; a stated-only chart has no such legend', async () => {
    const stated = await timelineChartSvg(timelineReply(3));
    expect(stated).not.toContain('inferred date');
    const mixed = await timelineChartSvg(timelineReply(3, (item, i) => i === 1 && (item.fields!['inferred'] = true)));
    expect(mixed).toContain('inferred date');
    // Hollow: a white fill inside a coloured outline, once in the legend and twice per inferred event (axis and row).
    expect(mixed.match(/fill="white" stroke="#1f5f99"/g)?.length).toBe(3);
    expect(stated.match(/fill="white" stroke="#1f5f99"/g)).toBeNull();
  });

  it('shows plans still to come as such', async () => {
    const svg = await timelineChartSvg(timelineReply(3, (item, i) => i === 2 && (item.fields!['basis'] = 'planned')));
    expect(svg).toContain('>planned<');
    expect(chartEvents(timelineReply(3, (item) => (item.fields!['basis'] = 'planned'))).events.every((e) => e.kind === 'planned')).toBe(true);
  });

  it('a reply with no dated events still renders (a headline and no rows)', async () => {
    const reply = { ...timelineReply(0), headline: 'No dated events found for "nothing"' };
    const { png, height } = await timelineChartPng(reply);
    expect(pngHeader(png).height).toBe(height);
  });
});

describe('the shipped font', () => {
  it('its advance widths are read from its own tables (DejaVu Sans: W is 2025 units of 2048, space 651)', () => {
    expect(textWidth('W', 2048)).toBeCloseTo(2025, 6);
    expect(textWidth(' ', 2048)).toBeCloseTo(651, 6);
    // Armenian letters are broader than Latin ones: the reason labels are measured, not counted.
    expect(textWidth('Հայաստան', 12) / 8).toBeGreaterThan(textWidth('armenian', 12) / 8);
  });

  const textOnly = (text: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40"><text x="4" y="28" font-family="DejaVu Sans" font-size="20">${text}</text></svg>`;
  const pixels = async (svg: string) => Buffer.from(pngPixels((await svgToPng(svg)).png).rgba);

  // A letter the font lacks is drawn as the same empty box ("tofu") whatever the letter, so two
  // different letters drawing the same picture is tofu; CJK, absent from DejaVu Sans, shows the check can fail.
  it('rasterises off the main thread: the event loop keeps turning while a chart is drawn', async () => {
    const svg = await timelineChartSvg(timelineReply(40));
    let turned = false;
    setImmediate(() => (turned = true));
    await svgToPng(svg);
    expect(turned).toBe(true);
  });

  it('draws Armenian, Cyrillic and Georgian letters as glyphs, not as tofu boxes', async () => {
    for (const [a, b] of [['Հ', 'ա'], ['Ж', 'ы'], ['ქ', 'თ'], ['A', 'g']]) {
      expect(inkPixels(pngPixels((await svgToPng(textOnly(a!))).png)), a).toBeGreaterThan(10);
      expect((await pixels(textOnly(a!))).equals(await pixels(textOnly(b!))), `${a} ${b}`).toBe(false);
    }
    expect((await pixels(textOnly('漢'))).equals(await pixels(textOnly('字')))).toBe(true);
  });

  it('a chart label in Armenian and Cyrillic is drawn with glyphs', async () => {
    const row = async (text: string) => Buffer.from(pngPixels((await timelineChartPng(timelineReply(1, (item) => (item.text = text)))).png).rgba);
    expect((await row('Հայաստանը Россия ստորագրեցին')).equals(await row('Ռուսաստանը Армения պայմանագիր'))).toBe(false);
    expect((await row('漢字漢字漢字')).equals(await row('字漢字漢字漢'))).toBe(true);
  });
});
