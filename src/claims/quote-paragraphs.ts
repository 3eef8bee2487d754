/**
 * Quote-only paragraphs (issue 14, pattern 2): a paragraph that is nothing but a quotation takes
 * its speaker from the paragraph before — the statement that introduced it ("Jones told the crowd
 * on Tuesday:") or the named speaker of the quotation just before ("“…,” Jones said." then
 * "“…”") — and keeps it through a run of such paragraphs. A quote-only paragraph with no such
 * speaker is an unattributed quotation: its claimant is null, and it is never the outlet's reporting.
 */
import type { Span } from '../core/types.js';
import { rule } from './rules.js';
import { COLON_LABELS } from './side-statements.js';
import type { RawStatement } from './types.js';
import type { SentenceLike, Unit } from './units.js';

/** Cues that pass on someone else's words ("according to", "as reported by"): never the voice a quotation goes on in. */
const CHANNELS = new Set(['according', 'report']);
const OPENING = /^[“"]/;
const CLOSING = /[”"]$/;
const ANY_DOUBLE = /[“”"]/g;

/** One paragraph as attribution read it: its units and the statements found in them. */
interface Paragraph {
  units: Unit[];
  raws: RawStatement[];
  span: Span;
}

/** Trimmed span of a text range. */
function trimmed(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Double quotation marks in a span of the text. */
function marks(text: string, s: Span): number {
  return text.slice(s.start, s.end).match(ANY_DOUBLE)?.length ?? 0;
}

/**
 * True when the paragraph is one quotation: it opens with a double quotation mark and either
 * closes it at its very end with no mark between, or leaves it open (a quotation running on into
 * the next paragraph, the press convention).
 */
function quoteOnly(text: string, p: Paragraph): boolean {
  const body = text.slice(p.span.start, p.span.end);
  if (!OPENING.test(body) || p.raws.length) return false;
  const n = marks(text, p.span);
  return n === 1 || (n === 2 && CLOSING.test(body));
}

/** A transcript's speaker label opening a paragraph ('"WALLACE: …', 'PENCE: …'): two or more capitals and a colon. */
const LABEL = /^[“"]?((?:\p{Lu}[\p{Lu}.'’-]+)(?: \p{Lu}[\p{Lu}.'’-]+){0,2}):\s/u;

/** The span of the speaker label opening a paragraph at `start`, if any. */
function speakerLabel(text: string, start: number): Span | null {
  const m = LABEL.exec(text.slice(start, start + 60));
  // "UPDATE: 5/12 — …", "BREAKING: …": a newsroom label, not a speaker's turn.
  if (!m || COLON_LABELS.test(m[1]!.toLowerCase())) return null;
  const at = start + m[0].indexOf(m[1]!);
  return { start: at, end: at + m[1]!.length };
}

/** True when a quote-only paragraph leaves its quotation open (one mark only). */
function runsOn(text: string, p: Paragraph): boolean {
  return marks(text, p.span) === 1;
}

/** The statement whose speaker a following quote-only paragraph carries on, if any. */
function speakerFor(text: string, p: Paragraph): RawStatement | null {
  return speakerOf(text, p.units.at(-1)!, p.raws);
}

/** The statement of `lastUnit` whose speaker a quotation right after it carries on, if any. */
function speakerOf(text: string, lastUnit: Unit, raws: readonly RawStatement[]): RawStatement | null {
  let sourced = [...raws].filter((r) => r.source && r.lemma !== 'byline').sort((a, b) => a.cue.start - b.cue.start);
  // '“…?” said Lund, a pilot who has accused the board of lying. “…”': a statement inside another's description of its
  // speaker is no speaker going on; the described speaker is.
  const inside = (r: RawStatement) => sourced.some((o) => o !== r && o.source!.start <= r.cue.start && r.cue.end <= o.source!.end);
  if (rule('quote.speaker-not-in-description', sourced.some(inside))) sourced = sourced.filter((r) => !inside(r));
  let last = sourced.at(-1);
  if (!last) return null;
  // "“…,” Lee noted, as reported by the Gazette. “…”": the channel passes the speaker's words on; the quotation
  // goes on in the speaker's voice, not the channel's.
  const speaker = CHANNELS.has(last.lemma) ? sourced.filter((r) => r.unit.start === last!.unit.start && !CHANNELS.has(r.lemma)).at(-1) : undefined;
  if (speaker && rule('quote.speaker-not-channel', true)) last = speaker;
  if (last.unit.start !== lastUnit.start) return null;
  // "Jones told the crowd on Tuesday:": the quotation that follows is what was told.
  if (/:\s*$/.test(text.slice(lastUnit.start, lastUnit.end))) return last;
  // "“…,” Jones said.": the next paragraph's bare quotation is the same speaker going on.
  // ("“…,” Carter told the forum": the quotation opens the sentence even when the content read is the object.)
  const opensWithQuote = OPENING.test(text.slice(trimmed(text, lastUnit.start, lastUnit.end).start, last.cue.start));
  return OPENING.test(text.slice(last.content.start, last.content.end)) || opensWithQuote ? last : null;
}

/**
 * Within a paragraph, sentences that are nothing but quotation right after a sentence quoting its speaker
 * ("“…,” one said. “…”", "“…,” said Lee. “… . …”") are the same speaker going on: statements carried from
 * that speaker, so the quotation is never the outlet's own reporting (quote.within-paragraph).
 */
function quotesWithin(text: string, p: Paragraph, byUnit: ReadonlyMap<number, RawStatement[]>): RawStatement[] {
  const out: RawStatement[] = [];
  let carrier: RawStatement | null = null;
  let open = false;
  for (const unit of p.units) {
    const here = byUnit.get(unit.start) ?? [];
    const body = trimmed(text, unit.start, unit.end);
    const n = marks(text, unit);
    if (here.length) {
      carrier = open ? null : speakerOf(text, unit, here);
      open = false;
      continue;
    }
    const opening = OPENING.test(text.slice(body.start, body.end));
    const closing = CLOSING.test(text.slice(body.start, body.end));
    // A sentence inside a quotation running on, or one that opens a quotation and closes it at its end or runs on.
    const quoted = open ? n === 0 || (n === 1 && closing) : opening && (n === 1 || (n === 2 && closing));
    if (!carrier || !quoted || !rule('quote.within-paragraph', true)) {
      carrier = null;
      open = false;
      continue;
    }
    out.push({ cue: { start: body.start, end: body.start }, source: carrier.source, content: body, unit, stance: 'asserts', lemma: 'quotation', carriedFrom: carrier });
    open = open ? n === 0 : n === 1;
  }
  return out;
}

/**
 * Statements for the quote-only paragraphs of a text, carried from the speaker before them or
 * left without a speaker; and the units they cover (no longer the outlet's own sentences).
 * @param raws - the statements found so far (not inside quotations), in text order
 */
export function quoteParagraphs(text: string, units: readonly Unit[], sentences: readonly SentenceLike[], raws: readonly RawStatement[]): RawStatement[] {
  const paragraphs: Paragraph[] = [];
  const byUnit = new Map<number, RawStatement[]>();
  for (const r of raws) {
    const list = byUnit.get(r.unit.start);
    if (list) list.push(r);
    else byUnit.set(r.unit.start, [r]);
  }
  let block: number | undefined;
  for (const unit of units) {
    if (unit.title) continue;
    const b = sentences[unit.sentence]?.block ?? unit.sentence;
    const here = byUnit.get(unit.start) ?? [];
    const current = paragraphs.at(-1);
    if (current && b === block) {
      current.units.push(unit);
      current.raws.push(...here);
      current.span = trimmed(text, current.span.start, unit.end);
    } else paragraphs.push({ units: [unit], raws: [...here], span: trimmed(text, unit.start, unit.end) });
    block = b;
  }
  const out: RawStatement[] = [];
  let speaker: RawStatement | null = null;
  for (const [i, p] of paragraphs.entries()) {
    const label = p.raws.length ? null : speakerLabel(text, p.span.start);
    if (label) {
      // '"PENCE: Well, look, …': a transcript names its speaker at the head of each turn.
      const first = p.units[0]!;
      const head: RawStatement = { cue: { start: label.end, end: label.end }, source: label, content: trimmed(text, label.end + 1, first.end), unit: first, stance: 'asserts', lemma: 'say' };
      out.push(head);
      for (const unit of p.units.slice(1)) out.push({ cue: { start: unit.start, end: unit.start }, source: label, content: trimmed(text, unit.start, unit.end), unit, stance: 'asserts', lemma: 'quotation', carriedFrom: head });
      // The turn goes on in the next paragraphs that open with a quotation mark.
      speaker = head;
      continue;
    }
    if (!quoteOnly(text, p)) {
      out.push(...quotesWithin(text, p, byUnit));
      speaker = speakerFor(text, p);
      continue;
    }
    // A quotation left open runs on into the next paragraph, and whoever is named where it closes
    // ("“… .\n“… ,” she added.") said all of it: that speaker comes before the one of the paragraph above.
    const next = paragraphs[i + 1];
    const closing = next && runsOn(text, p) && OPENING.test(text.slice(next.span.start, next.span.end)) ? speakerFor(text, next) : null;
    let said = closing ?? speaker;
    // "“One of the shortcomings of Byler's piece is …”" after Byler's quotation: a paragraph naming the speaker goes on
    // in someone else's voice, and nobody's words are carried into it or past it.
    if (said && rule('quote.names-its-speaker', namesSpeaker(text, p.span, said))) said = speaker = null;
    for (const unit of p.units) {
      const content = trimmed(text, unit.start, unit.end);
      const cue = { start: content.start, end: content.start };
      out.push({ cue, source: said?.source ?? null, content, unit, stance: 'asserts', lemma: 'quotation', ...(said ? { carriedFrom: said } : {}) });
    }
  }
  return out;
}

/** Whether the paragraph `span` names the surname (the last capitalised word) of `said`'s source. */
function namesSpeaker(text: string, span: Span, said: RawStatement): boolean {
  // The name before any description ("Parker Eaton, a Republican who voted for Bill Clinton": Eaton).
  const named = said.name ?? said.source;
  const words = named ? text.slice(named.start, named.end).split(',')[0]!.match(/\p{Lu}[\p{L}’'-]*/gu) : null;
  const surname = words?.at(-1)?.replace(/[’']s?$/, '');
  if (!surname || surname.length < 3) return false;
  const forms = surname === surname.toUpperCase() ? [surname, surname[0] + surname.slice(1).toLowerCase()] : [surname];
  const body = text.slice(span.start, span.end);
  return forms.some((f) => wordIn(body, f));
}

const LETTER = /^\p{L}$/u;

/**
 * Whether `word` stands in `body` with no letter right before or after it. A search and two character tests, not
 * a Unicode pattern compiled per paragraph (each costs about a millisecond in Node 20).
 */
function wordIn(body: string, word: string): boolean {
  for (let at = body.indexOf(word); at >= 0; at = body.indexOf(word, at + 1)) {
    // The code point ending right before the word (a surrogate pair taken whole), and the one right after it.
    const before = at === 0 ? '' : at >= 2 && /[\uDC00-\uDFFF]/.test(body[at - 1]!) && /[\uD800-\uDBFF]/.test(body[at - 2]!) ? body.slice(at - 2, at) : body[at - 1]!;
    const code = body.codePointAt(at + word.length);
    const after = code === undefined ? '' : String.fromCodePoint(code);
    if (!LETTER.test(before) && !LETTER.test(after)) return true;
  }
  return false;
}
