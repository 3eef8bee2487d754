/**
 * Decides what each piece of a page is: headline, standfirst, dateline, reporting, caption or
 * site chrome. Rules look at a piece on its own first (widget labels, appeals, credits), then
 * at its place on the page (what comes before the headline is page furniture; what follows the
 * last paragraph of reporting and sits among widgets is a teaser or a reader's comment).
 */
import type { Block, BlockKind } from '../core/types.js';
import { isCaption } from './captions.js';
import {
  APPEAL_REASONS,
  COMMENT_REASONS,
  LIST_REASONS,
  chromeReason,
  firstPersonSingular,
  soundsLikeAppeal,
} from './chrome.js';
import { readDateLine, readWireDateline, type Dateline } from './dateline.js';
import { segment, isSpace, type Piece } from './segment.js';
import { isHeadlineLike, titleKey, wordCount } from './title.js';

interface Draft extends Piece {
  kind?: BlockKind;
  reason?: string;
}

/** What classification found. */
export interface Classification {
  blocks: Block[];
  /** The first dateline or date line, if any. */
  dateline?: Dateline;
  /** Text of the block taken as the headline, if any. */
  headline?: string;
}

/** How far into the page (in pieces) headlines and datelines are looked for. */
const HEAD_PIECES = 15;
/** A piece this long is reporting, so the head of the page is over. */
const BODY_LENGTH = 250;

function undecided(d: Draft | undefined): d is Draft {
  return d !== undefined && d.kind === undefined;
}

function mark(d: Draft, kind: BlockKind, reason?: string): void {
  d.kind = kind;
  if (reason !== undefined) d.reason = reason;
}

function markDateLines(drafts: Draft[]): Dateline | undefined {
  let found: Dateline | undefined;
  for (let i = 0; i < drafts.length && i < HEAD_PIECES; i++) {
    const d = drafts[i]!;
    const line = readDateLine(d.text, d.start);
    if (line) {
      mark(d, 'dateline', 'date line');
      found ??= line;
    }
  }
  return found;
}

function markStandalone(drafts: Draft[]): void {
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    if (d.kind !== undefined) continue;
    const reason = chromeReason(d.text);
    if (reason) {
      mark(d, 'chrome', reason);
      continue;
    }
    // A line printed twice in a row (a caption under and beside a photo, a headline above and in
    // the article) is page layout; repeats further apart (table rows, a quoted passage) are content.
    if (i > 0 && d.text.length >= 12 && drafts[i - 1]!.text === d.text) {
      mark(d, 'chrome', 'repeated line');
      continue;
    }
    if (isCaption(d.text)) mark(d, 'caption', 'photo caption');
  }
}

function findTitle(drafts: Draft[], knownTitle: string | undefined): number {
  if (knownTitle !== undefined && knownTitle.trim().length > 0) {
    const key = titleKey(knownTitle);
    for (let i = 0; i < drafts.length; i++) {
      const d = drafts[i]!;
      if ((d.kind === undefined || d.reason === 'repeated line') && d.text.length < 400 && titleKey(d.text) === key) return i;
    }
    // The page may print the headline with the site's name ("… | OC Media"), or the metadata may carry it.
    for (let i = 0; i < drafts.length && i < HEAD_PIECES; i++) {
      const d = drafts[i]!;
      if (d.kind !== undefined || d.text.length >= 400) continue;
      const line = titleKey(d.text);
      if (sameWithSiteName(line, key) || sameWithSiteName(key, line)) return i;
    }
    return -1;
  }
  const opening = openingLine(drafts);
  if (opening >= 0) return opening;
  for (let i = 0; i < drafts.length && i < HEAD_PIECES; i++) {
    const d = drafts[i]!;
    if (d.kind !== undefined) continue;
    if (isProse(d.text) || readWireDateline(d.text, d.start)) return -1;
    if (isHeadlineLike(d.text, 4)) return i;
  }
  return -1;
}

/**
 * A plain-text article's first line, set apart by a blank line above a paragraph of reporting, is its
 * headline even when it ends in a full stop ("Clinton camp: Trump's remarks threaten security."): a
 * text file has no other place for one. Only the very first piece, one line of at most 25 words that
 * opens like a headline and is no dateline or introducer, with reporting (or a wire dateline) right after it.
 */
function openingLine(drafts: Draft[]): number {
  const d = drafts[0];
  const next = drafts[1];
  if (!undecided(d) || !next || (next.kind !== undefined && next.kind !== 'dateline') || next.sameGroupAsPrevious) return -1;
  const text = d.text;
  if (text.includes('\n') || text.length < 8 || text.length > 200 || !/^[\p{Lu}\p{N}"'“‘«]/u.test(text)) return -1;
  const words = wordCount(text);
  if (words < 3 || words > 25 || /[:;,]["'”’)\]]*$/.test(text) || readWireDateline(text, d.start)) return -1;
  // ("TRENTON, N.J. (AP) — Was that really …?": a wire dateline opens the reporting too.)
  return (isProse(next.text) || next.kind === 'dateline' || readWireDateline(next.text, next.start) !== null) && next.text.length > text.length ? 0 : -1;
}

/** True when `longer` is `shorter` followed by a site name after " | ", " - " or " — ". */
function sameWithSiteName(longer: string, shorter: string): boolean {
  if (shorter.length < 12 || !longer.startsWith(shorter)) return false;
  const rest = longer.slice(shorter.length);
  return /^ ?[|•·:-] ?\S/.test(rest) && rest.length <= 60;
}

/** True when a piece reads as a paragraph of reporting: once one appears, the page head is over. */
function isProse(text: string): boolean {
  if (text.length > BODY_LENGTH) return true;
  const words = wordCount(text);
  if (/[.!…]["'”’)\]]*$/.test(text)) return words >= 10;
  // Question headlines exist; a question of this length is a sentence.
  if (/\?["'”’)\]]*$/.test(text)) return words >= 20;
  return false;
}

function markWireDateline(drafts: Draft[], from: number): { drafts: Draft[]; dateline?: Dateline } {
  let seen = 0;
  for (let i = from; i < drafts.length && seen < 4; i++) {
    const d = drafts[i]!;
    if (d.kind !== undefined) continue;
    seen++;
    const line = readWireDateline(d.text, d.start);
    if (!line) continue;
    if (line.end >= d.end) {
      mark(d, 'dateline', 'dateline');
      return { drafts, dateline: line };
    }
    let restStart = line.end;
    while (restStart < d.end && isSpace(d.text.charCodeAt(restStart - d.start))) restStart++;
    const head: Draft = { ...d, end: line.end, text: line.text, kind: 'dateline', reason: 'dateline' };
    const rest: Draft = { ...d, start: restStart, text: d.text.slice(restStart - d.start), sameGroupAsPrevious: true };
    return { drafts: [...drafts.slice(0, i), head, rest, ...drafts.slice(i + 1)], dateline: line };
  }
  return { drafts };
}

function markStandfirst(drafts: Draft[], title: number): void {
  for (let i = title + 1; i < drafts.length; i++) {
    const d = drafts[i]!;
    // The standfirst sits between headline and dateline; after a dateline the reporting has begun.
    if (d.kind === 'dateline') return;
    if (d.kind !== undefined) continue;
    const next = drafts.slice(i + 1).find((x) => x.kind === undefined || x.kind === 'dateline');
    if (!next) return;
    const beforeDateline = next.kind === 'dateline' && d.text.length < 500;
    const shaped = d.text.length < 400 && !/[.!?…]["'”’)]*$/.test(d.text) && d.text.split(/\s+/).length >= 5;
    if (beforeDateline || shaped) mark(d, 'standfirst', 'standfirst');
    return;
  }
}

function markCommentSection(drafts: Draft[]): void {
  // A "Comments" label before any reporting is a link in the page header, not the comment section.
  let reporting = 0;
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    if (d.kind === undefined) reporting += d.text.length;
    if (reporting >= 200 && d.kind === 'chrome' && COMMENT_REASONS.has(d.reason ?? '')) {
      for (let k = i + 1; k < drafts.length; k++) if (undecided(drafts[k])) mark(drafts[k]!, 'chrome', 'reader comment');
      return;
    }
  }
}

function markListItems(drafts: Draft[]): void {
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    if (d.kind !== 'chrome' || !LIST_REASONS.has(d.reason ?? '')) continue;
    for (let k = i + 1; k < drafts.length; k++) {
      const item = drafts[k]!;
      if (item.kind !== undefined) continue;
      if (!isHeadlineLike(item.text)) break;
      mark(item, 'chrome', 'related list');
    }
  }
}

function spreadAppeals(drafts: Draft[]): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < drafts.length; i++) {
      const d = drafts[i]!;
      if (d.kind !== undefined) continue;
      for (const n of [drafts[i - 1], drafts[i + 1]]) {
        if (n?.kind === 'chrome' && APPEAL_REASONS.has(n.reason ?? '') && soundsLikeAppeal(d.text)) {
          mark(d, 'chrome', n.reason);
          changed = true;
          break;
        }
      }
    }
  }
}

/**
 * True when `drafts[h]` and `blurb` read as a teaser for another story: a headline with its
 * one- or two-sentence blurb. A headline printed right above its blurb (no blank line, as a link
 * card copies) is enough; otherwise it could be the article's own last subheading, so it must be
 * a full headline and the article must not use subheadings elsewhere.
 */
function isTeaser(drafts: Draft[], h: number, blurb: Draft): boolean {
  const head = drafts[h]!;
  if (!isHeadlineLike(head.text) || isHeadlineLike(blurb.text) || blurb.text.length > 400) return false;
  if (blurb.sameGroupAsPrevious && wordCount(head.text) >= 4) return true;
  if (wordCount(head.text) < 6 || blurb.text.length > 300) return false;
  return !drafts.some((x, k) => k < h && x.kind === undefined && isHeadlineLike(x.text));
}

/** After the reporting ends and the widgets begin: teasers for other stories and reader comments. */
function markTail(drafts: Draft[]): void {
  const last = drafts[drafts.length - 1];
  if (!last || last.kind !== 'chrome') return;
  let i = drafts.length - 1;
  while (i >= 0) {
    const d = drafts[i]!;
    if (d.kind === 'chrome' || d.kind === 'caption') {
      i--;
      continue;
    }
    if (d.kind !== undefined) return;
    const prev = drafts[i - 1];
    if (undecided(prev) && isTeaser(drafts, i - 1, d)) {
      mark(d, 'chrome', 'teaser');
      mark(prev, 'chrome', 'teaser');
      i -= 2;
      continue;
    }
    if (firstPersonSingular(d.text) && !drafts.slice(0, i).some((x) => x.kind === undefined && firstPersonSingular(x.text))) {
      mark(d, 'chrome', 'reader comment');
      i--;
      continue;
    }
    return;
  }
}

/** A Markdown heading ("## Reaction") is the heading text; the marks are not quoted. */
function withoutHeadingMarks(piece: Piece): Draft {
  const m = /^#{1,6}[ \t]+(?=\S)/.exec(piece.text);
  if (!m || piece.text.includes('\n')) return piece;
  let text = piece.text.slice(m[0].length);
  const closing = /[ \t]+#+$/.exec(text);
  if (closing && closing.index > 0) text = text.slice(0, closing.index);
  return { ...piece, start: piece.start + m[0].length, end: piece.start + m[0].length + text.length, text };
}

/**
 * Classifies the pieces of `raw`.
 * @param raw - the article text
 * @param knownTitle - the title from metadata, if any; the matching line becomes the headline
 */
export function classify(raw: string, knownTitle?: string): Classification {
  let drafts: Draft[] = segment(raw).map(withoutHeadingMarks);
  let dateline = markDateLines(drafts);
  markStandalone(drafts);
  const title = findTitle(drafts, knownTitle);
  let headline: string | undefined;
  if (title >= 0) {
    const t = drafts[title]!;
    mark(t, 'title', 'headline');
    headline = t.text;
    // Short lines above the headline are the site's masthead, section labels and menus; anything
    // that reads as reporting is left alone (the metadata title may match a later line).
    for (let i = 0; i < title; i++) {
      const d = drafts[i]!;
      if (d.kind === undefined && !isProse(d.text) && d.text.length <= 120) mark(d, 'chrome', 'page header');
    }
  }
  const wire = markWireDateline(drafts, Math.max(0, title + 1));
  drafts = wire.drafts;
  if (wire.dateline) {
    // "Date: …" line and wire dateline together: the place and agency from one, the year from the other.
    const date = wire.dateline.date ?? dateline?.date;
    dateline = date === undefined ? wire.dateline : { ...wire.dateline, date };
  }
  if (title >= 0) markStandfirst(drafts, title);
  markCommentSection(drafts);
  markListItems(drafts);
  spreadAppeals(drafts);
  markTail(drafts);
  const blocks: Block[] = drafts.map((d) => {
    const block: Block = { start: d.start, end: d.end, kind: d.kind ?? 'body' };
    if (d.reason !== undefined) block.reason = d.reason;
    return block;
  });
  const result: Classification = { blocks };
  if (dateline) result.dateline = dateline;
  if (headline !== undefined) result.headline = headline;
  return result;
}
