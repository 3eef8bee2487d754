import { describe, expect, it } from 'vitest';
import { type CutLevel, lastFitting, longestCodeUnits, oneCodePoint, patternLevel, SENTENCE_ENDS, segmentLevel, SPACES, splitQuote, type SplitOptions } from '../../src/render/split.js';

const SEGMENTS = [segmentLevel('sentence'), segmentLevel('word'), segmentLevel('grapheme')];
const flat = (fits: SplitOptions['fits']): SplitOptions => ({ fits, levels: SEGMENTS, hardCut: oneCodePoint, window: 100, nested: false });
const nested = (fits: SplitOptions['fits'], window = 100): SplitOptions => ({ fits, levels: [SENTENCE_ENDS, SPACES], hardCut: longestCodeUnits, window, nested: true });
const upTo = (n: number) => (s: number, e: number) => e - s <= n;
const texts = (text: string, pieces: Array<{ start: number; end: number }>) => pieces.map((p) => text.slice(p.start, p.end));

describe('lastFitting', () => {
  it('binary-searches the last fitting candidate, probing in a fixed order', () => {
    const probes: number[] = [];
    expect(lastFitting(5, (i) => (probes.push(i), i <= 2))).toBe(2);
    expect(probes).toEqual([2, 3]);
    expect(lastFitting(5, () => false)).toBe(-1);
    expect(lastFitting(0, () => true)).toBe(-1);
  });
});

describe('cut levels', () => {
  it('finds sentence ends by punctuation (closing quotes and the whitespace after included) and line breaks', () => {
    const text = 'Hi. "Yes!" he said.\nNext line';
    expect(SENTENCE_ENDS.cuts(text, 0, 0, text.length, text.length)).toEqual([4, 11, 20]);
    // Only cuts strictly inside (at, to), and at most `max`.
    expect(SENTENCE_ENDS.cuts(text, 0, 4, 20, text.length)).toEqual([11]);
    expect(SENTENCE_ENDS.cuts(text, 0, 0, text.length, text.length, 1)).toEqual([4]);
  });

  it('cuts after runs of whitespace, and only for matches starting before `reach`', () => {
    expect(SPACES.cuts('a  b c', 0, 0, 6, 6)).toEqual([3, 5]);
    expect(SPACES.cuts('a  b c', 0, 0, 6, 3)).toEqual([3]);
  });

  it('gives Unicode segment boundaries of the window, its end included', () => {
    expect(segmentLevel('sentence').cuts('One. Two. Three.', 0, 0, 16, 16)).toEqual([5, 10, 16]);
    expect(segmentLevel('word').cuts('xx One two', 0, 3, 10, 8)).toEqual([6, 7, 8]);
  });

  it('refuses a pattern that is not sticky (it would scan the whole text from each start)', () => {
    expect(() => patternLevel(/\s+/u, /\s/)).toThrow(expect.objectContaining({ code: 'internal', message: 'patternLevel needs a sticky (y) pattern' }));
  });
});

describe('splitQuote', () => {
  const text = 'One two. Three four five. Six.';

  it('flat: each piece is the furthest fitting cut of the best level, and starts again at sentences', () => {
    const { pieces, complete } = splitQuote(text, flat(upTo(12)));
    expect(texts(text, pieces)).toEqual(['One two. ', 'Three four ', 'five. Six.']);
    expect(complete).toBe(true);
  });

  it('nested: a sentence too long for a piece is finished before the next one starts', () => {
    const { pieces, complete } = splitQuote(text, nested(upTo(12)));
    expect(texts(text, pieces)).toEqual(['One two. ', 'Three four ', 'five. ', 'Six.']);
    expect(complete).toBe(true);
  });

  it('cuts an unbroken run: the longest fitting run of code units, never inside a surrogate pair', () => {
    expect(texts('abcdefghij', splitQuote('abcdefghij', nested(upTo(4))).pieces)).toEqual(['abcd', 'efgh', 'ij']);
    expect(texts('😀😀😀', splitQuote('😀😀😀', nested(upTo(3))).pieces)).toEqual(['😀', '😀', '😀']);
  });

  it('takes one code point when nothing fits, rather than loop', () => {
    const never = () => false;
    expect(texts('a😀b', splitQuote('a😀b', { ...flat(never), levels: [] }).pieces)).toEqual(['a', '😀', 'b']);
    expect(texts('ab', splitQuote('ab', nested(never)).pieces)).toEqual(['a', 'b']);
  });

  it('splits only [from, to), stops after maxPieces and says whether it reached the end', () => {
    expect(splitQuote(text, { ...flat(upTo(12)), from: 9, maxPieces: 1 })).toEqual({ pieces: [{ start: 9, end: 20 }], complete: false });
    expect(splitQuote(text, { ...nested(upTo(12)), from: 9, to: 26 })).toEqual({ pieces: [{ start: 9, end: 20 }, { start: 20, end: 26 }], complete: true });
    expect(splitQuote(text, { ...flat(upTo(12)), from: 30 })).toEqual({ pieces: [], complete: true });
    expect(splitQuote(text, { ...nested(upTo(12)), from: 5, to: 5 })).toEqual({ pieces: [], complete: true });
  });

  it('gives the text back exactly when the pieces are joined, in both modes', () => {
    const long = 'Word after word, “quoted.” Then a line\nbreak! And 😀 more… '.repeat(40);
    for (const options of [flat(upTo(37)), nested(upTo(37))]) {
      const { pieces } = splitQuote(long, options);
      expect(texts(long, pieces).join('')).toBe(long);
      for (const p of pieces) expect(p.end - p.start).toBeLessThanOrEqual(37);
    }
  });
});

describe('splitQuote work', () => {
  /** A `startsWith` pattern that counts the characters it is tried on: what a pattern level reads. */
  class Counting extends RegExp {
    static tried = 0;
    override test(s: string): boolean {
      Counting.tried++;
      return super.test(s);
    }
  }
  // The same patterns as SENTENCE_ENDS and SPACES, with counting start patterns.
  const countedPatterns = [patternLevel(/[.!?…]+["'”’)\]]*\s+|\n+/uy, new Counting('[.!?…\\n]')), patternLevel(/\s+/uy, new Counting('\\s'))];

  /** Characters the levels read and cuts they return, and characters `fits` has to render, over a whole split. */
  function work(text: string, mode: 'flat' | 'nested'): { read: number; measured: number } {
    let returned = 0;
    let measured = 0;
    Counting.tried = 0;
    const counted = (level: CutLevel): CutLevel => ({
      cuts(...args) {
        const cuts = level.cuts(...args);
        returned += cuts.length;
        return cuts;
      },
    });
    // Like the renderers: a piece longer than the limit is refused on its raw length, unrendered.
    const fits = (s: number, e: number) => e - s <= 200 && (measured += e - s) > 0;
    const base = mode === 'flat' ? { ...flat(fits), window: 400 } : { ...nested(fits, 201), levels: countedPatterns };
    const { pieces } = splitQuote(text, { ...base, levels: base.levels.map(counted) });
    expect(texts(text, pieces).join('')).toBe(text);
    return { read: returned + Counting.tried, measured };
  }

  // Sentences, one sentence far longer than a piece, and one run with no space at all: each is where a
  // splitter that looks past the piece it is making goes quadratic.
  const inputs: Record<string, (n: number) => string> = {
    sentences: (n) => 'A short sentence here. '.repeat(n / 23),
    'one long sentence': (n) => 'word '.repeat(n / 5),
    'no space': (n) => 'x'.repeat(n),
  };
  for (const [name, make] of Object.entries(inputs)) {
    for (const mode of ['flat', 'nested'] as const) {
      it(`${mode}, ${name}: twice the text, about twice the work`, () => {
        const small = work(make(5_000), mode);
        const large = work(make(10_000), mode);
        expect(large.read).toBeLessThanOrEqual(2.2 * small.read);
        expect(large.measured).toBeLessThanOrEqual(2.2 * small.measured);
      });
    }
  }
});
