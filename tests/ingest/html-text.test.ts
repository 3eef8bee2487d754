/** htmlToText, looksLikeHtml and decodeEntities: entities, block structure, and linear work on hostile HTML. */
import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText, looksLikeHtml } from '../../src/ingest/html-text.js';
import { readJsonArticles } from '../../src/ingest/json-export.js';

/** What ingest does with a JSON body: look, then convert. */
function ingestBody(body: string): string {
  return looksLikeHtml(body) ? htmlToText(body) : body;
}

/** CPU time of `reps` runs of `fn(input)`, in ms: the process's own work, not the wall clock. */
function cpuMs(fn: (s: string) => unknown, input: string, reps: number): number {
  const start = process.cpuUsage();
  for (let r = 0; r < reps; r++) fn(input);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * How much more work `fn` does on the big input than on the small one (4× as long): about 4
 * when linear, about 16 when quadratic. A ratio of CPU times, never an absolute bound: both sizes
 * run the same number of repetitions, calibrated so the small one takes measurable time, taken
 * alternately, best of five each (CPU time does not count the time other processes run).
 */
function growth(fn: (s: string) => unknown, small: string, big: string): number {
  fn(small); // let the JIT compile first
  let reps = 1;
  while (cpuMs(fn, small, reps) < 10 && reps < 1 << 14) reps *= 2;
  let tSmall = Infinity;
  let tBig = Infinity;
  for (let t = 0; t < 5; t++) {
    tSmall = Math.min(tSmall, cpuMs(fn, small, reps));
    tBig = Math.min(tBig, cpuMs(fn, big, reps));
  }
  return tBig / tSmall;
}

describe('htmlToText entities', () => {
  it('decodes every HTML5 named entity and numeric ones, and decodes once', () => {
    expect(htmlToText('<p>Caf&eacute; cr&egrave;me br&ucirc;l&eacute;e &hellip; &euml;&szlig;&oslash;&Scaron;</p>')).toBe('Café crème brûlée … ëßøŠ');
    expect(htmlToText('<p>&#x1F600; &#128512; &#8211; &rarr; &frac12;</p>')).toBe('😀 😀 – → ½');
    // `&amp;lt;` is the text "&lt;", not a "<".
    expect(htmlToText('<p>&amp;lt;b&amp;gt; is a tag; AT&amp;T</p>')).toBe('&lt;b&gt; is a tag; AT&T');
  });

  it('turns numeric entities outside Unicode into U+FFFD and keeps &nbsp; inside a line', () => {
    expect(htmlToText('<p>a&#x110000;b &#0; &#xD800; &#99999999999;</p>')).toBe('a\ufffdb \ufffd \ufffd \ufffd');
    expect(htmlToText('<p>10&nbsp;km away</p><p>&nbsp;</p><p>next</p>')).toBe('10\u00a0km away\n\nnext');
  });

  it('decodeEntities decodes a plain-text title and leaves tags and bare ampersands alone', () => {
    expect(decodeEntities('Caf&eacute; &#8211; <b> Q&A &amp; AT&T &bogus;')).toBe('Café – <b> Q&A & AT&T &bogus;');
    const { articles } = readJsonArticles({ title: { rendered: 'Cr&egrave;me &amp; <3 &lt;i&gt;' }, content: { rendered: '<p>Body text here.</p>' } });
    expect(articles[0]!.meta.title).toBe('Crème & <3 <i>');
  });
});

describe('htmlToText block structure', () => {
  it('makes one paragraph per block, however blocks nest or are left open', () => {
    expect(htmlToText('<ul><li><p>One item.</p></li><li>Two <b>bold</b>\n   words.</li></ul><p>After.</p>')).toBe(
      'One item.\n\nTwo bold words.\n\nAfter.',
    );
    expect(htmlToText('<div><div><p>Deep.</p></div>Tail.</div>')).toBe('Deep.\n\nTail.');
    expect(htmlToText('<p>First <p>second <div>third')).toBe('First\n\nsecond\n\nthird');
    expect(htmlToText('<h2>Head</h2>Text<hr>After<br>line<br><br><br>gap')).toBe('Head\n\nText\n\nAfter\nline\n\ngap');
    // Blocks the old tag list missed ran into the next paragraph; table cells ran together.
    expect(htmlToText('<address>Main St 1</address>More<table><tr><td>a</td><td>b</td></tr></table>')).toBe('Main St 1\n\nMore\n\na b');
  });

  it('keeps <pre> whitespace as written', () => {
    expect(htmlToText('<p>Code:</p><pre>\n  if (x) {\n\treturn  1;   \n  }</pre><p>Done.</p>')).toBe(
      'Code:\n\n  if (x) {\n\treturn  1;\n  }\n\nDone.',
    );
  });

  it('drops comments and script, style, noscript, iframe, svg and template content, closed or not', () => {
    expect(
      htmlToText(
        '<p>a<!-- note --> b</p><script>x("<p>no</p>")</script><style>p{}</style><noscript>no</noscript>' +
          '<iframe src="v">no</iframe><svg><title>no</title><svg>no</svg>no</svg><template><p>no</p></template><p>c</p>',
      ),
    ).toBe('a b\n\nc');
    expect(htmlToText('<p>Kept.</p><!-- never closed <p>no</p>')).toBe('Kept.');
    expect(htmlToText('<p>Kept.</p><script>never closed')).toBe('Kept.');
    expect(htmlToText('<p>Icon <svg viewBox="0 0 1 1"/> and <iframe src="x"/> <script src="y" /> text.</p><p>More.</p>')).toBe(
      'Icon and text.\n\nMore.',
    );
  });

  it('reads a < or > that starts no tag as text', () => {
    expect(htmlToText('<p>If a < b and c > d, then 3 <4.</p>')).toBe('If a < b and c > d, then 3 <4.');
  });

  it('looksLikeHtml keeps its meaning: a known tag closed by a later >', () => {
    expect(looksLikeHtml('<p>Hello</p>')).toBe(true);
    expect(looksLikeHtml('Text with <br/> a break')).toBe(true);
    expect(looksLikeHtml('<P CLASS="x">')).toBe(true);
    expect(looksLikeHtml('a <span\nclass="x"\n>b')).toBe(true);
    expect(looksLikeHtml('1 < 2 and 3 > 2')).toBe(false);
    expect(looksLikeHtml('<custom>tag</custom>')).toBe(false);
    expect(looksLikeHtml('<pb>not p</pb>')).toBe(false);
    expect(looksLikeHtml('<p never closed')).toBe(false);
    expect(looksLikeHtml('> before <p')).toBe(false);
  });
});

describe('htmlToText on hostile HTML does linear work', () => {
  // Each body is ~8 KB, then 4× that. The old regex pipeline backtracked on every one of them
  // (16 s for 240 KB of `<!--`): a growth of ~16 on 4× the input, against ~4 now.
  const hostile: Array<[string, string]> = [
    ['unclosed comments', '<!--'],
    ['unclosed scripts', '<script'],
    ['unclosed tags', '<a '],
  ];
  for (const [name, unit] of hostile) {
    it(`${name} (${JSON.stringify(unit)} repeated)`, { timeout: 60_000 }, () => {
      const body = (n: number): string => `<p>Intro.</p>${unit.repeat(n)}`;
      const n = Math.ceil(8000 / unit.length);
      expect(growth(ingestBody, body(n), body(4 * n))).toBeLessThan(8);
      expect(ingestBody(body(n))).toBe('Intro.');
    });
  }

  // The old regexes were linear here; htmlparser2's tree-building Parser is not (it unshifts and
  // searches its stack of open elements on every tag: a growth of 16).
  it('deeply nested and unmatched tags', { timeout: 60_000 }, () => {
    const body = (n: number): string => `<p>Intro.</p>${'<b>'.repeat(n)}${'</i>'.repeat(n)}text`;
    expect(growth(ingestBody, body(5000), body(20_000))).toBeLessThan(8);
    expect(ingestBody(body(5000))).toBe('Intro.\n\ntext');
  });
});
