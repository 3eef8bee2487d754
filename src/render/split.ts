/**
 * The one splitter for quotes (and notes, help lines, titles) too long for one message piece.
 *
 * It finds the cut points of `[from, to)` of a text: for each piece the furthest cut of the best
 * level (a sentence end, then a word boundary or space) whose piece still `fits`, found by binary
 * search, then a hard cut when no cut of any level fits. The pieces joined give the text back
 * exactly. What a piece costs — markup, escaping, headers — is the caller's `fits(start, end)`, so
 * each platform passes its own limit and escaping; the work per piece is bounded by `window`,
 * never by the rest of the text, so a quote of megabytes splits in linear time.
 *
 * Slack and Discord split differently on purpose, and their pieces are part of the output, so the
 * differences are parameters rather than two algorithms (see `SplitOptions`): where cuts may be
 * (`levels`: Unicode segments for Slack, punctuation and whitespace for Discord), what a hard cut
 * takes (`hardCut`), and whether a sentence cut inside is finished before the next one starts
 * (`nested`).
 */
import { NewsdeskError } from '../core/errors.js';
import type { Span } from '../core/types.js';

/** One kind of cut point (sentence ends, word boundaries …); `SplitOptions.levels` lists them best first. */
export interface CutLevel {
  /**
   * Cut points, ascending, for a piece starting at `at` that may run to `to`, looking at text only
   * from `scan` and for cuts starting before `reach` (so the work is in proportion to
   * `reach - scan`, never to the rest of the text); at most `max` of them.
   */
  cuts(text: string, scan: number, at: number, to: number, reach: number, max?: number): number[];
}

/** Where a piece that no cut of any level lets fit ends instead (always after `at`). */
export type HardCut = (text: string, at: number, to: number, fits: (start: number, end: number) => boolean, window: number) => number;

/** How to split; see `splitQuote`. */
export interface SplitOptions {
  /**
   * Whether `[start, end)` fits in one piece (the caller renders and measures it). Must hold for a
   * shorter piece from the same start whenever it holds for a longer one.
   */
  fits: (start: number, end: number) => boolean;
  /** Kinds of cut point, best first. */
  levels: readonly CutLevel[];
  /** Used when no cut of any level fits. */
  hardCut: HardCut;
  /**
   * Characters after a piece's start that are looked at to find its end: more than the longest
   * piece `fits` accepts (escaping never shortens text, so more than the raw length limit), with
   * room so a cut near the end sees what follows.
   */
  window: number;
  /**
   * How a unit too long for one piece (a sentence longer than a message) is continued.
   * `false` (flat): every piece starts again at the best level, so the piece after a word cut may
   * run on over several sentence ends. `true` (nested): the unit is finished at the next level down
   * before the best level is tried again, so the piece after a word cut ends at that sentence's end;
   * the whole rest of a unit is also tried before its cuts.
   */
  nested: boolean;
  /** Start of the range to split. @defaultValue 0 */
  from?: number;
  /** End of the range to split. @defaultValue `text.length` */
  to?: number;
  /** Stop after this many pieces (the rest is left for a later message). @defaultValue Infinity */
  maxPieces?: number;
}

/** The pieces (absolute ranges in the text, consecutive from `from`), and whether they reach `to`. */
export interface Split {
  pieces: Span[];
  complete: boolean;
}

/**
 * Index of the last of `count` ascending candidates that fits, by binary search (a later candidate
 * never fits when an earlier one does not), or -1 when none does. Every splitter's search is this
 * one, so the same candidates are always probed in the same order.
 */
export function lastFitting(count: number, fitsAt: (index: number) => boolean): number {
  let lo = 0;
  let hi = count - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (fitsAt(mid)) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/**
 * Boundaries of an `Intl.Segmenter` (sentences, words, graphemes) in the window `[at, min(reach, to))`;
 * the window's end counts as one (a piece never reaches it unless it is `to`, since `window` is more
 * than any piece that fits). The segmenter sees only the window, so the work per piece is bounded.
 */
export function segmentLevel(granularity: 'sentence' | 'word' | 'grapheme'): CutLevel {
  const segmenter = new Intl.Segmenter('en', { granularity });
  return {
    cuts(text, _scan, at, to, reach) {
      const window = text.slice(at, Math.min(reach, to));
      const out: number[] = [];
      for (const seg of segmenter.segment(window)) if (seg.index > 0) out.push(at + seg.index);
      out.push(at + window.length);
      return out;
    },
  };
}

/**
 * Cut points after the matches of a sticky pattern, as a global search from `scan` would find them,
 * that lie strictly inside `(at, to)`, for matches starting before `reach`. The pattern is tried only
 * where `startsWith` says a match can start, so the work is in proportion to `reach - scan` (plus the
 * length of the matches).
 */
export function patternLevel(pattern: RegExp, startsWith: RegExp): CutLevel {
  // A programming error, caught by the tests: a global search would scan the rest of the text from every start.
  if (!pattern.sticky) throw new NewsdeskError('patternLevel needs a sticky (y) pattern', 'internal');
  return {
    cuts(text, scan, at, to, reach, max = Infinity) {
      const cuts: number[] = [];
      const stop = Math.min(to, reach);
      for (let i = scan; i < stop && cuts.length < max; ) {
        if (!startsWith.test(text[i]!)) {
          i++;
          continue;
        }
        pattern.lastIndex = i;
        const m = pattern.exec(text);
        if (!m) {
          i++;
          continue;
        }
        const end = i + m[0].length;
        if (end > at && end < to) cuts.push(end);
        i = end > i ? end : i + 1;
      }
      return cuts;
    },
  };
}

/** Sentence ends as punctuation sees them: `.!?…` (with closing quotes and brackets) and the whitespace after, or line breaks. */
export const SENTENCE_ENDS = patternLevel(/[.!?…]+["'”’)\]]*\s+|\n+/uy, /[.!?…\n]/);
/** Runs of whitespace (a cut goes after the run). */
export const SPACES = patternLevel(/\s+/uy, /\s/);

/** Hard cut: one code point, whether it fits or not (a limit too small for one character must not loop). */
export const oneCodePoint: HardCut = (text, at) => at + ([...text.slice(at, at + 2)][0]?.length ?? 1);

/**
 * Hard cut: the longest run of code units from `at` that fits (at least one, and short of `to` —
 * the whole rest was already tried), never ending inside a surrogate pair.
 */
export const longestCodeUnits: HardCut = (text, at, to, fits, window) => {
  const first = at + 1;
  const last = Math.min(to - 1, at + window - 1);
  const best = lastFitting(last - first + 1, (i) => fits(at, first + i));
  let end = best < 0 ? first : first + best;
  if (/[\ud800-\udbff]/.test(text[end - 1] ?? '') && end - 1 > at) end--;
  return end;
};

/**
 * A range being split (nested mode). `to` is where it ends; a range opened at the first cut of
 * level `pending` that is still out of reach has only its enclosing range's end as `to` until that
 * cut comes into reach.
 */
interface Frame {
  to: number;
  level: number;
  start: number;
  pending?: number;
}

/**
 * Splits `[from, to)` of `text` into consecutive pieces that each satisfy `fits` (except a hard cut
 * that cannot: see `HardCut`), cutting at the best level that fits. An empty range gives no pieces.
 * @example splitQuote(text, { fits: (s, e) => e - s <= 3000, levels: [segmentLevel('sentence')], hardCut: oneCodePoint, window: 6000, nested: false })
 */
export function splitQuote(text: string, options: SplitOptions): Split {
  const from = options.from ?? 0;
  const to = options.to ?? text.length;
  const maxPieces = options.maxPieces ?? Infinity;
  const { pieces, end } = options.nested ? splitNested(text, options, from, to, maxPieces) : splitFlat(text, options, from, to, maxPieces);
  return { pieces, complete: end >= to };
}

/** Flat mode: each piece is the furthest fitting cut of the best level that has one. */
function splitFlat(text: string, options: SplitOptions, from: number, to: number, maxPieces: number): { pieces: Span[]; end: number } {
  const { fits, levels, hardCut, window } = options;
  const pieces: Span[] = [];
  let at = from;
  while (at < to && pieces.length < maxPieces) {
    let end: number | undefined;
    for (const level of levels) {
      const cuts = level.cuts(text, at, at, to, at + window);
      const best = lastFitting(cuts.length, (i) => fits(at, cuts[i]!));
      if (best >= 0) {
        end = cuts[best]!;
        break;
      }
    }
    end ??= hardCut(text, at, to, fits, window);
    pieces.push({ start: at, end });
    at = end;
  }
  return { pieces, end: at };
}

/** Nested mode: a unit too long for one piece is split at the next level down, to its end, before going on. */
function splitNested(text: string, options: SplitOptions, from: number, to: number, maxPieces: number): { pieces: Span[]; end: number } {
  const { fits, levels, hardCut, window: ahead } = options;
  const pieces: Span[] = [];
  if (from >= to) return { pieces, end: from };
  const frames: Frame[] = [{ to, level: 0, start: from }];
  let at = from;
  while (frames.length && pieces.length < maxPieces) {
    const frame = frames[frames.length - 1]!;
    if (frame.pending !== undefined) {
      // Look again for the cut this range ends at, from a little before `at` (a cut is a match's end).
      const [cut] = levels[frame.pending]!.cuts(text, Math.max(frame.start, at - ahead), frame.start, frame.to, at + ahead, 1);
      if (cut !== undefined) frame.to = cut;
      if (cut !== undefined || at + ahead >= frame.to) delete frame.pending;
    }
    if (at >= frame.to) {
      frames.pop();
      continue;
    }
    if (frame.pending === undefined && fits(at, frame.to)) {
      pieces.push({ start: at, end: frame.to });
      at = frame.to;
      frames.pop();
      continue;
    }
    if (frame.level < levels.length) {
      const l = frame.level;
      const cuts = levels[l]!.cuts(text, at, at, frame.to, at + ahead);
      if (!cuts.length) {
        // None in reach: the range up to the first one (or to its end when there is none) is split at the next level down.
        frames.push({ to: frame.to, level: l + 1, start: at, pending: l });
        continue;
      }
      const best = lastFitting(cuts.length, (i) => fits(at, cuts[i]!));
      // Even the first piece is too long: split it at the next level down, then go on from its end.
      if (best === -1) frames.push({ to: cuts[0]!, level: l + 1, start: at });
      else {
        pieces.push({ start: at, end: cuts[best]! });
        at = cuts[best]!;
      }
      continue;
    }
    // One unbroken run of characters: a hard cut; the rest of the range likewise.
    const end = hardCut(text, at, frame.to, fits, ahead);
    pieces.push({ start: at, end });
    at = end;
    frame.level = levels.length;
  }
  return { pieces, end: at };
}
