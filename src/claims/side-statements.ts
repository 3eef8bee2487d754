/**
 * Statements found beside the reporting-verb rules: "Name: text" colons, "- Name: “quote”", and
 * claims named inside a denial ("denied claims by the HUR that …").
 */
import type { Span } from '../core/types.js';
import type { RawStatement as Raw } from './types.js';
import { COMMON_VERBS, CUE_VERBS, DETERMINERS, NP_INNER_PREPS, PRONOUNS, SPEAKER_NOUNS } from './lexicon.js';
import { AUX_AFTER } from './scan.js';
import { npLeft, npRight, span, trimSpan } from './phrases.js';
import { isQuote, type Token } from './tokens.js';
import { rule } from './rules.js';
import type { Unit } from './units.js';

/** Nouns that name a claim ("claims by the HUR", "the report"). */
export const NOMINAL_CUES = new Set(['claim', 'claims', 'report', 'reports', 'allegation', 'allegations', 'accusation', 'accusations', 'assertion', 'assertions', 'statement', 'statements', 'suggestion', 'suggestions']);

/** Colon labels that introduce a section, not a speaker ("The Latest:", "Question:", "Poll:"). */
export const COLON_LABELS = /(?:^|\s)(?:the latest|latest|question|answer|q|a|update|updates|note|editor's note|related|watch|read|read more|photo|photos|video|exclusive|breaking|live|opinion|analysis|poll|editorial|fact check|name|age|city|source|sources|credit|warning|correction|full text|transcript|background|context|why|what|how|when|where|who|contributing|plus|email|e-mail|paid notice|also|more|see also|bottom line|the bottom line|follow|contact|reporting|edited by|by|top stories|today|tonight|coming up|programming note|disclosure|disclaimer|update \d+|clarification|editor’s note|editors' note|editors’ note|developing|just in|busted|revealed|must see|must watch)$/;

/** A headline's poll label ("Poll: Clinton leads in Ohio"): the poll reports what follows. */
const POLL_LABEL = /^(?:new |latest )?(?:poll|survey)$/;

/**
 * "Graham: Trump's rhetoric is hateful": a short name before a colon at the start of a unit.
 * `actions` (PolNeAR's wider scope) also reads a headline's "Poll:" as the poll's report.
 */
export function colonStatement(text: string, toks: Token[], unit: Unit, out: Raw[], actions = false): void {
  const colon = toks.findIndex((t) => t.text === ':');
  if (colon < 1 || colon + 1 >= toks.length) return;
  const first = toks[0]!;
  if (!first.cap && !PRONOUNS.has(first.lower)) return;
  // The statement of the label's words `0`..`last` (or of the colon's whole label), reporting what follows the colon.
  const say = (last = colon - 1, name?: Span) =>
    void out.push({ cue: span(toks, colon, colon), source: span(toks, 0, last), content: trimSpan(text, toks[colon + 1]!.start, unit.end), unit, stance: 'asserts', lemma: ':', ...(name ? { name } : {}) });
  // "Gillibrand on Hillary's Speeches: ‘I Think She Will’", "Clinton to Planned Parenthood: Trump will …":
  // a headline names its speaker before what it spoke on or to.
  const topic = unit.title ? topicSpeaker(toks, colon) : -1;
  if (rule('colon.speaker-on-topic', topic > 0)) {
    say(topic - 1);
    return;
  }
  // 'Rep. Ana Poll (D-Ore.):"I have not …"', 'Former harbour master Ida Lund: “…”': a transcript's turn, quoted after the colon.
  const named = quotedSpeaker(toks, colon);
  if (rule('colon.described-speaker-quoted', !!named)) {
    // /claim names the person ("Hillary Rodham Clinton"), not the description or the party with it.
    say(colon - 1, named![0] > 0 || named![1] < colon - 1 ? span(toks, named![0], named![1]) : undefined);
    return;
  }
  if (colon > 6) return;
  if (npLeft(toks, colon - 1) !== 0) return;
  const label = text.slice(toks[0]!.start, toks[colon - 1]!.end).toLowerCase();
  // (A poll's figures may open what it reports: "Poll: 3 battleground races are tight".)
  if (rule('colon.poll-label', actions && !!unit.title && POLL_LABEL.test(label) && toks.slice(colon + 1).filter((t) => t.word).length >= 3)) {
    say();
    return;
  }
  if (/^\d/.test(toks[colon + 1]!.text)) return;
  if (COLON_LABELS.test(label)) return;
  // "Iowa: Tim Albrecht, Brad Anderson, …" lists names; "EMAIL: x@y.com" gives an address.
  const after = toks.slice(colon + 1);
  const words = after.filter((t) => t.word);
  if (after.filter((t) => t.text === ',').length >= 2 && words.filter((t) => t.cap).length >= words.length * 0.7) return;
  if (/@|https?:|www\./.test(text.slice(toks[colon + 1]!.start, unit.end))) return;
  // "Sanders: Win in a walk.": a short section heading inside the body, not a statement.
  if (!unit.title && words.length < 5) return;
  // "Little Relief for Refugees: …", "Veto Power Impedes Peace Efforts: …": in the body, a label of
  // three words or more names a speaker only with a title or a speaker noun in it.
  const labelWords = toks.slice(0, colon).filter((t) => t.word);
  if (!unit.title && labelWords.length >= 3 && !labelWords.some((t) => SPEAKER_NOUNS.has(t.lower) || /^(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|President|Senator|Governor|Secretary|Minister)\.?$/.test(t.text))) return;
  if (!toks.slice(0, colon).every((t) => t.cap || t.lower === "'s" || NP_INNER_PREPS.has(t.lower) || SPEAKER_NOUNS.has(t.lower))) return;
  say();
}

/** Longest name (tokens) before "on"/"to" in a headline's speaker label, and longest topic after it. */
const TOPIC_NAME_MAX = 4;
const TOPIC_MAX = 12;

/**
 * "Gillibrand on Hillary Releasing Her Speeches:", "CNN President On Trump:", "Clinton to Planned
 * Parenthood:": in a headline, a name of capitalised words, then "on"/"to" and a topic up to the colon.
 * Returns the index of "on"/"to" (the speaker ends before it), or -1. Not a phrase opened by a
 * determiner ("A Curious Plan to Fight Climate Change:"), not a section label.
 */
function topicSpeaker(toks: readonly Token[], colon: number): number {
  for (let p = 1; p <= TOPIC_NAME_MAX && p < colon - 1; p++) {
    const name = toks.slice(0, p);
    if (!name.every((t) => t.word && t.cap) || DETERMINERS.has(name[0]!.lower) || CUE_VERBS.has(name[0]!.lower)) return -1;
    if (toks[p]!.lower !== 'on' && toks[p]!.lower !== 'to') continue;
    if (colon - p > TOPIC_MAX || toks.slice(p + 1, colon).some((t) => !t.word && /^[,;—–-]+$/.test(t.text))) return -1;
    const label = name.map((t) => t.lower).join(' ');
    if (COLON_LABELS.test(label)) return -1;
    return toks.slice(colon + 1).filter((t) => t.word).length >= 3 ? p : -1;
  }
  return -1;
}

/** Longest described speaker (tokens) before a colon and a quotation. */
const QUOTED_SPEAKER_MAX = 12;

/**
 * 'Rep. Ana Poll (D-Ore.):"…"', 'Former harbour master Ida Lund: “…”': opening its unit, a full name
 * (two capitalised words or more, maybe a party in parentheses after it) with a description before it
 * in lower case, right before a colon and an opening quotation mark. No verb in it ("Said Lund: “…”").
 */
function quotedSpeaker(toks: readonly Token[], colon: number): [number, number] | null {
  const q = toks[colon + 1];
  if (!q || !(q.text === '"' || q.text === '“' || q.text === "''") || colon > QUOTED_SPEAKER_MAX) return null;
  let end = colon - 1;
  if (toks[end]!.text === ')') {
    const open = toks.findLastIndex((t, k) => k < end && t.text === '(');
    if (open < 2 || end - open > 6 || toks.slice(open + 1, end).some((t) => t.text === '(')) return null;
    end = open - 1;
  }
  if (end < 1 || !toks[end]!.cap || !toks[end - 1]!.cap) return null;
  const verb = (t: Token) => CUE_VERBS.has(t.lower) || COMMON_VERBS.has(t.lower) || AUX_AFTER.has(t.lower) || PRONOUNS.has(t.lower);
  if (!toks[0]!.cap || !toks.slice(0, end + 1).every((t) => t.word && !verb(t) && (t.cap || /^[a-z][a-z-]*$/.test(t.text)))) return null;
  // The name: the capitalised words closing the speaker.
  let start = end;
  while (start > 0 && toks[start - 1]!.cap) start--;
  return [start, end];
}

/**
 * "… - Philip Bump: “Two weeks ago …”": a name after a dash introducing a quotation with a colon
 * (a name at the start of the unit is `colonStatement`'s case).
 */
export function namedQuote(text: string, toks: Token[], unit: Unit, out: Raw[]): void {
  for (let k = 2; k + 1 < toks.length; k++) {
    if (toks[k]!.text !== ':' || !isQuote(toks[k + 1]) || out.some((o) => o.lemma === ':' && o.cue.start === toks[k]!.start)) continue;
    const from = fromSpeaker(toks, k);
    if (rule('colon.more-from', from >= 0)) {
      out.push({ cue: span(toks, k, k), source: span(toks, from, k - 1), content: trimSpan(text, toks[k + 1]!.start, unit.end), unit, stance: 'asserts', lemma: ':' });
      continue;
    }
    let nameStart = npLeft(toks, k - 1);
    // "- Frank Newport and Jim Harter: “…”": two authors joined by "and".
    const before = nameStart > 2 && toks[nameStart - 1]!.lower === 'and' ? npLeft(toks, nameStart - 2) : -1;
    if (before >= 1 && nameStart - before <= 4 && toks.slice(before, nameStart - 1).every((t) => t.cap) && rule('colon.joined-names-quoted', k - nameStart <= 4)) nameStart = before;
    else if (nameStart < 1 || k - nameStart > 4) continue;
    const lead = toks[nameStart - 1]!.text;
    if (lead !== '-' && lead !== '—' && lead !== '–') continue;
    if (!toks.slice(nameStart, k).every((t) => t.cap || t.lower === "'s" || t.lower === 'and' || /^[A-Z]\.$/.test(t.text))) continue;
    out.push({ cue: span(toks, k, k), source: span(toks, nameStart, k - 1), content: trimSpan(text, toks[k + 1]!.start, unit.end), unit, stance: 'asserts', lemma: ':' });
  }
}

/** Longest speaker (tokens) after "More from". */
const FROM_MAX = 6;

/**
 * "- More from Ames and Lund: “…”", "From the report: “…”": a round-up's next quotation, its speaker
 * after "from" (at the start of the unit, after a dash, or after "More"). Returns the speaker's first
 * token, or -1. The speaker is names ("Ames and Lund") or "the" and a noun ("the report").
 */
function fromSpeaker(toks: readonly Token[], colon: number): number {
  for (let f = colon - 2; f >= Math.max(0, colon - 1 - FROM_MAX); f--) {
    if (toks[f]!.lower !== 'from') continue;
    const lead = toks[f - 1];
    const opens = (i: number) => i < 0 || /^[-—–]+$/.test(toks[i]!.text);
    if (!(opens(f - 1) || (lead?.text === 'More' && opens(f - 2)))) return -1;
    const name = toks.slice(f + 1, colon);
    const named = name.every((t) => t.cap || t.lower === 'and' || t.lower === 'of' || t.lower === "'s") && name[0]!.cap && name[name.length - 1]!.cap;
    const noun = name.length === 2 && name[0]!.lower === 'the' && name[1]!.word && !name[1]!.cap;
    return named || noun ? f + 1 : -1;
  }
  return -1;
}

/** "claims by the HUR", "the HUR's accusations": the source of a claim named as a noun after `from`. */
export function nominalClaimSource(toks: Token[], from: number): Span | undefined {
  for (let k = from; k < Math.min(toks.length, from + 14); k++) {
    const t = toks[k]!;
    if (!NOMINAL_CUES.has(t.lower)) continue;
    if (toks[k + 1]?.lower === 'by' || toks[k + 1]?.lower === 'from') {
      const end = npRight(toks, k + 2);
      if (end >= 0) return span(toks, k + 2, end);
    }
    if (toks[k - 1]?.lower === "'s") {
      const ownerStart = npLeft(toks, k - 2);
      if (ownerStart >= 0) return span(toks, ownerStart, k - 2);
    }
  }
  return undefined;
}

/** "claims by X that C" after a denial: X's own claim, quoted as the denying article reports it. */
export function embeddedClaim(text: string, toks: Token[], from: number, unit: Unit): { raw: Raw; index: number } | null {
  for (let k = from; k < Math.min(toks.length, from + 6); k++) {
    const t = toks[k]!;
    if (!NOMINAL_CUES.has(t.lower) || toks[k + 1]?.lower !== 'by') continue;
    const end = npRight(toks, k + 2);
    if (end < 0) return null;
    if (toks[end + 1]?.lower !== 'that') return null;
    const content = trimSpan(text, toks[end + 2]?.start ?? unit.end, clauseEnd(toks, end + 2, unit.end));
    return { raw: { cue: span(toks, k, k), source: span(toks, k + 2, end), content, unit, stance: 'asserts', lemma: t.lower }, index: k };
  }
  return null;
}

/** End of a clause: the next comma followed by a participle/relative, or the unit end. */
function clauseEnd(toks: Token[], from: number, fallback: number): number {
  for (let k = from; k < toks.length; k++) if (toks[k]!.text === ',' && /(?:ed|ing)$|^which$|^who$/.test(toks[k + 1]?.lower ?? '')) return toks[k]!.start;
  return fallback;
}

/** A name of one to five capitalised words or initials ("Julie A. Diaz Martinez", "Azucena Gonzàlez"). */
const BYLINE_NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?:[^\S\n]+(?:\p{Lu}[\p{L}'’.-]*|de|del|la|van|von|da|y)){0,4}`;
/** A quotation closed and signed with a dash: `“…” ― Krystal Correa`, at the end of a unit or before the next quote. */
const BYLINE = new RegExp(String.raw`([―—–])[^\S\n]*(${BYLINE_NAME})(?=[^\S\n]*(?:[.“"]|\n|$))`, 'gu');

/**
 * `“He is our greatest shame.” ― Sonya Herridge`: a quotation signed with a dash and a name, as
 * in round-ups of readers' or voters' words. The statement spans from the opening quote (which
 * may sit in an earlier unit of the same paragraph) to the name.
 */
export function dashBylines(text: string, units: readonly Unit[], index: number): Raw[] {
  const unit = units[index]!;
  const body = text.slice(unit.start, unit.end);
  const signed = signingParagraph(text, units, index);
  if (signed) return [signed];
  if (!/[―—–]/.test(body)) return [];
  const out: Raw[] = [];
  for (const m of body.matchAll(BYLINE)) {
    const dash = unit.start + m.index!;
    // The dash follows a closing quote, in this unit or at the end of the one before.
    let close = dash - 1;
    while (close >= 0 && text[close] !== '\n' && /\s/.test(text[close]!)) close--;
    const mark = text[close];
    if (mark !== '”' && mark !== '"') continue;
    const open = mark === '”' ? text.lastIndexOf('“', close) : text.lastIndexOf('"', close - 1);
    // The opening quote must be in the same paragraph, and no other quotation may close in between.
    if (open < 0 || text.slice(open, close).includes('\n') || close - open > 2000) continue;
    if (mark === '”' && text.slice(open + 1, close).includes('”')) continue;
    const nameStart = dash + m[0].length - m[2]!.length;
    const name = { start: nameStart, end: nameStart + m[2]!.replace(/[.\s]+$/, '').length };
    let first = index;
    while (first > 0 && units[first]!.start > open) first--;
    const merged: Unit = { start: Math.min(units[first]!.start, unit.start), end: unit.end, sentence: units[first]!.sentence, title: unit.title };
    out.push({ cue: { start: dash, end: dash + 1 }, source: name, content: trimSpan(text, open + 1, close), unit: merged, stance: 'asserts', lemma: 'byline' });
  }
  return out;
}

/** A paragraph of a dash and a name alone, maybe with a description after a comma ("- Bernie Sanders.", "-Ana Lund, Tarnby."). */
const SIGNING = new RegExp(String.raw`^[-—―–]{1,2}[^\S\n]*(${BYLINE_NAME})(?:,[^\n]{1,80})?$`, 'u');
/** Longest quotation (characters) a signing paragraph signs. */
const SIGNED_MAX = 2000;

/**
 * '"… the top 1 percent."\n\n- Bernie Sanders.': a paragraph that is nothing but a dash and a name signs the
 * quotation making up the paragraph before it (a fact check's or a notebook's quoted lines). The quotation
 * must open and close that paragraph: a credit after reporting ('… called him "my friend."\n\n- Reuters.') is
 * no speaker.
 */
function signingParagraph(text: string, units: readonly Unit[], index: number): Raw | null {
  const unit = units[index]!;
  const m = SIGNING.exec(text.slice(unit.start, unit.end).trim());
  if (!m || index === 0) return null;
  const start = unit.start + text.slice(unit.start, unit.end).search(/\S/);
  let close = start - 1;
  while (close >= 0 && /\s/.test(text[close]!)) close--;
  // The unit opens its paragraph, right after the quotation closing the one before.
  const mark = text[close];
  if (!text.slice(close + 1, start).includes('\n')) return null;
  if (mark !== '”' && mark !== '"') return null;
  const paraStart = text.lastIndexOf('\n', close) + 1;
  let open = paraStart;
  while (open < close && /\s/.test(text[open]!)) open++;
  if ((text[open] !== '“' && text[open] !== '"') || close - open > SIGNED_MAX) return null;
  const inner = text.slice(open + 1, close);
  if (mark === '”' ? /[“”]/.test(inner) : inner.includes('"')) return null;
  if (!rule('byline.signing-paragraph', true)) return null;
  const nameStart = start + m[0].indexOf(m[1]!);
  const name = { start: nameStart, end: nameStart + m[1]!.replace(/[.\s]+$/, '').length };
  let first = index;
  while (first > 0 && units[first]!.start > open) first--;
  const merged: Unit = { start: units[first]!.start, end: unit.end, sentence: units[first]!.sentence, title: unit.title };
  return { cue: { start, end: start + 1 }, source: name, content: trimSpan(text, open + 1, close), unit: merged, stance: 'asserts', lemma: 'byline' };
}
