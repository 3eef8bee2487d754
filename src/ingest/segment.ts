/**
 * Splits raw page text into paragraph-level pieces with exact offsets.
 *
 * Web-page copies put one widget, caption or headline per line, while wire copy (Reuters and
 * friends) hard-wraps paragraphs at a fixed width. A line break therefore starts a new piece
 * unless the lines look like one wrapped paragraph (the classic greedy-fill test).
 */

/** A piece of the text before it is classified. */
export interface Piece {
  start: number;
  end: number;
  /** The trimmed text, `raw.slice(start, end)`. */
  text: string;
  /** Pieces between the same pair of blank lines share a group number. */
  group: number;
  /** True when this piece has a line break before it but no blank line (a headline and its blurb). */
  sameGroupAsPrevious: boolean;
}

interface Line {
  start: number;
  end: number; // exclusive, without the line break and trailing whitespace
  contentStart: number; // first non-space character
  indented: boolean;
}

const TERMINAL = /[.!?…]["'”’)\]]*$/;
/** Narrower groups are lists of short lines, not text wrapped at a fixed width. */
const WRAP_MIN_WIDTH = 50;

function splitLines(raw: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  const n = raw.length;
  while (pos <= n) {
    let nl = raw.indexOf('\n', pos);
    if (nl === -1) nl = n;
    let end = nl;
    while (end > pos && isSpace(raw.charCodeAt(end - 1))) end--;
    let cs = pos;
    while (cs < end && isSpace(raw.charCodeAt(cs))) cs++;
    lines.push({ start: pos, end, contentStart: cs, indented: cs > pos && cs < end });
    pos = nl + 1;
  }
  return lines;
}

/** Whitespace the way JavaScript's `trim` sees it (spaces, tabs, NBSP, line breaks …). */
export function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function firstWordLength(raw: string, line: Line): number {
  let i = line.contentStart;
  while (i < line.end && !isSpace(raw.charCodeAt(i))) i++;
  return i - line.contentStart;
}

function startsLower(raw: string, line: Line): boolean {
  const ch = raw[line.contentStart] ?? '';
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/**
 * Decides whether `next` continues the paragraph of `prev` (hard wrapping) or starts a new piece.
 * `width` is the longest line of the group, our estimate of the wrap width.
 */
function continues(raw: string, prev: Line, next: Line, width: number, prose: boolean): boolean {
  if (next.indented) return false;
  const prevText = raw.slice(prev.contentStart, prev.end);
  const terminal = TERMINAL.test(prevText);
  if (!terminal && startsLower(raw, next)) return true;
  if (!prose || width < WRAP_MIN_WIDTH) return false;
  if (terminal && !startsLower(raw, next)) return false;
  const prevLen = prev.end - prev.contentStart;
  // A greedy wrapper only breaks a line when the next word would not have fitted on it.
  return prevLen + 1 + firstWordLength(raw, next) > width * 0.9;
}

/** Splits `raw` into pieces: paragraphs, or single lines where lines are not wrapped prose. */
export function segment(raw: string): Piece[] {
  const lines = splitLines(raw);
  const pieces: Piece[] = [];
  let group = -1;
  let i = 0;
  while (i < lines.length) {
    const first = lines[i]!;
    if (first.contentStart >= first.end) {
      i++;
      continue;
    }
    let j = i;
    let width = 0;
    while (j < lines.length && lines[j]!.contentStart < lines[j]!.end) {
      width = Math.max(width, lines[j]!.end - lines[j]!.contentStart);
      j++;
    }
    group++;
    // Wrapped prose breaks some lines before a lower-case word or ends with a full stop; a run
    // of headlines or widget labels does neither.
    const lastLine = lines[j - 1]!;
    let prose = TERMINAL.test(raw.slice(lastLine.contentStart, lastLine.end));
    for (let k = i + 1; k < j && !prose; k++) prose = startsLower(raw, lines[k]!);
    let pieceStart = i;
    for (let k = i; k < j; k++) {
      const last = k === j - 1 || !continues(raw, lines[k]!, lines[k + 1]!, width, prose);
      if (last) {
        const s = lines[pieceStart]!.contentStart;
        const e = lines[k]!.end;
        pieces.push({ start: s, end: e, text: raw.slice(s, e), group, sameGroupAsPrevious: pieceStart > i });
        pieceStart = k + 1;
      }
    }
    i = j;
  }
  return pieces;
}
