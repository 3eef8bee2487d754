/**
 * Statements opened by a phrase rather than a reporting verb: "according to X", and a poll reporting
 * its figures ("In a CNN poll released Monday, …", "… in the latest CNN/ORC poll").
 */
import type { Span } from '../core/types.js';
import { BOUNDARY, COMMON_VERBS, CUE_VERBS, DETERMINERS } from './lexicon.js';
import { npRight, span, trimSpan } from './phrases.js';
import { rule } from './rules.js';
import { CLAUSE_OPENING } from './words.js';
import type { Token } from './tokens.js';
import { AUX_AFTER, type UnitScan } from './scan.js';
import { appositiveEnd } from './subject-shapes.js';

const POLL_HEADS = new Set(['poll', 'polls', 'survey', 'surveys']);

/** Index of the head of a poll phrase starting at `i` ("the latest CNN/ORC poll"), or -1. */
function pollAfter(toks: readonly Token[], i: number): number {
  const first = toks[i];
  if (!first?.word || (!DETERMINERS.has(first.lower) && !first.cap && !/^(?:latest|recent|new|national|early|online|exit|entrance|snap)$/.test(first.lower))) return -1;
  for (let k = i; k < toks.length && k < i + 12; k++) {
    const x = toks[k]!;
    if (POLL_HEADS.has(x.lower)) return toks[k + 1]?.lower === "'s" || toks[k + 1]?.lower === '’s' ? -1 : k;
    if (x.word ? BOUNDARY.has(x.lower) && !DETERMINERS.has(x.lower) : !/^[\/&'’-]$/.test(x.text)) return -1;
  }
  return -1;
}

/** "according to X": the source after the cue; returns the index to resume after, or undefined when this is no such phrase. */
export function accordingTo(scan: UnitScan, c: number): number | undefined {
  const { text, unit, toks, out } = scan;
  const cueWord = toks[c]!;

  // "according to X"
  if (cueWord.lower === 'according' && toks[c + 1]?.lower === 'to') {
    let end = npRight(toks, c + 2);
    if (end < 0) return c;
    end = accordingEnd(toks, c + 2, end);
    const prevComma = c > 0 && toks[c - 1]!.text === ',';
    // "…, according to Bill Moss, a pollster who ran the survey.": with the content before it, a
    // description running to the end of the sentence is the source's, as PolNeAR writes it.
    let name: Span | undefined;
    if (prevComma && toks[end + 1]?.text === ',') {
      const described = appositiveEnd(toks, end);
      // A clause after the comma is more content ("…, according to the count, turnout fell"), not a description:
      // no verb before its first relative word.
      const relative = toks.findIndex((x, k) => k > end && /^(?:who|whose|which|that)$/.test(x.lower));
      const verb = toks.slice(end + 2, relative > end ? relative : described + 1).some((x) => x.word && !x.cap && (AUX_AFTER.has(x.lower) || COMMON_VERBS.has(x.lower) || /ed$/.test(x.lower)));
      if (rule('according.description-to-end', described > end + 1 && !verb && !toks.slice(described + 1).some((x) => x.word))) {
        name = span(toks, c + 2, end);
        end = described;
      }
    }
    const source = span(toks, c + 2, end);
    const content = prevComma || end + 1 >= toks.length - 1
      ? trimSpan(text, unit.start, toks[c]!.start)
      : trimSpan(text, toks[end + 1]!.start, unit.end);
    out.push({ cue: span(toks, c, c + 1), source, content, unit, stance: 'asserts', lemma: 'according', ...(name ? { name } : {}) });
    return end;
  }
  return undefined;
}

/** Longest "according to" source, in tokens, taken to the next comma. */
const ACCORDING_MAX = 30;

/**
 * Where an "according to" source ends: its noun phrase runs on to the next comma or the end of the
 * sentence, over what describes it ("a poll released last week by …", "a new report by Politico",
 * "early results of exit polls conducted for …") — as PolNeAR's gold writes the source (train:
 * 339 of 384 such sources end there, against 232 at the bare noun phrase). A phrase that already
 * stops at a comma or the end stays as it is; so does one that would run past ACCORDING_MAX tokens.
 */
function accordingEnd(toks: readonly Token[], start: number, np: number): number {
  // Punctuation closes the phrase: a comma, a dash or a parenthesis opens what comes after it.
  const stop = (t: Token) => !t.word && /^(?:[,;:—–(\[)]|-+)$/.test(t.text);
  let last = toks.length - 1;
  while (last > np && !toks[last]!.word && !/[)”"’']/.test(toks[last]!.text)) last--;
  let k = np + 1;
  while (k <= last && !stop(toks[k]!)) k++;
  const end = Math.min(k - 1, last);
  if (!rule('according.to-comma', end > np && end - start < ACCORDING_MAX)) return np;
  return end;
}

/** A poll opening its sentence ("In a CNN poll released Monday, Clinton led …"); returns the index to resume after, or undefined. */
export function pollReport(scan: UnitScan, c: number): number | undefined {
  const { text, unit, toks, out, taken } = scan;
  const cueWord = toks[c]!;

  // "In a CNN poll released Monday, Clinton led …", "… by 28 points in the same poll": a poll reports.
  // Only a poll opening its sentence; "a lead in the polls" is a standing, not a report.
  if (cueWord.lower === 'in') {
    const poll = pollAfter(toks, c + 1);
    const standing = standingPoll(scan, c, poll);
    if (standing >= 0) {
      out.push({ cue: span(toks, c, c), source: span(toks, c + 1, standing), content: trimSpan(text, unit.start, cueWord.start), unit, stance: 'asserts', lemma: 'poll' });
      for (let k = c; k <= standing; k++) taken.add(k);
      return standing;
    }
    // Only a poll that opens the sentence reports its figures; "a lead in the polls" is a standing.
    if (poll >= 0 && (c === 0 || !toks[c - 1]!.word || CLAUSE_OPENING.has(toks[c - 1]!.lower))) {
      let end = poll;
      // "…poll released Monday", "…survey conducted in early September": the phrase describing the poll.
      if (toks[end + 1]?.word && /ed$/.test(toks[end + 1]!.lower)) while (end + 1 < toks.length && toks[end + 1]!.word && end - poll < 8) end++;
      const opening = c === 0 || !toks[c - 1]!.word || CLAUSE_OPENING.has(toks[c - 1]!.lower);
      const comma = toks.findIndex((x, k) => k > end && x.text === ',');
      const content = opening
        ? (comma >= 0 && comma - end < 10 ? trimSpan(text, toks[comma + 1]?.start ?? unit.end, unit.end) : null)
        : trimSpan(text, unit.start, cueWord.start);
      // "In a poll …, 79 percent said …": the respondents' statement is the attribution.
      // (PolNeAR annotates both: the poll reporting its figures, and the respondents' statement inside them.)
      const reported = opening && toks.some((x, k) => k > end && x.word && CUE_VERBS.has(x.lower) && !CUE_VERBS.get(x.lower)!.position);
      if (content && content.end > content.start && (!reported || rule('poll.opening-with-respondents', scan.actions))) {
        out.push({ cue: span(toks, c, c), source: span(toks, c + 1, end), content, unit, stance: 'asserts', lemma: 'poll' });
        for (let k = c; k <= end; k++) taken.add(k);
        return end;
      }
    }
  }
  return undefined;
}

/** Words before "in" that make the poll phrase part of a subject ("60 percent of voters in a CNN poll said"), not a standing. */
const POLL_SUBJECT = /^(?:voters|respondents|people|americans|democrats|republicans|independents|adults|those|men|women|likely|registered|of|surveyed|polled)$/;

/**
 * "… led by 28 points in the same poll", "fell to 10 percent in the latest CNN/ORC poll released
 * Wednesday": mid-sentence, a named or particular poll reports the standing before it (PolNeAR
 * scope only: the outlet's own figures stay its own in /claim). Not "the polls" at large, not a poll
 * inside a subject ("60 percent of voters in a CNN poll said …"), not when a cue follows. Returns
 * the last token of the poll phrase, or -1.
 */
function standingPoll(scan: UnitScan, c: number, poll: number): number {
  const { toks } = scan;
  if (!scan.actions || poll < 0 || c === 0 || !toks[c - 1]!.word || CLAUSE_OPENING.has(toks[c - 1]!.lower)) return -1;
  // A particular poll: a pollster's name or "the same/latest/new/recent poll", one poll (not "polls").
  const phrase = toks.slice(c + 1, poll);
  const particular = (phrase.some((x) => x.cap) || phrase.some((x) => /^(?:same|latest|new|recent)$/.test(x.lower))) && !/s$/.test(toks[poll]!.lower);
  if (!particular || POLL_SUBJECT.test(toks[c - 1]!.lower)) return -1;
  let end = poll;
  // "… poll released Sunday", "… poll last month".
  if (toks[end + 1]?.word && /^(?:released|conducted|taken|published)$/.test(toks[end + 1]!.lower) && toks[end + 2]?.word) end += 2;
  else if (/^(?:last|this)$/.test(toks[end + 1]?.lower ?? '') && /^(?:week|month|year)$/.test(toks[end + 2]?.lower ?? '')) end += 2;
  if (toks.some((x, k) => k > end && x.word && speechOrBelief(x))) return -1;
  return rule('poll.standing', true) ? end : -1;
}

/** A speech or belief verb (not a position) of the cue table. */
function speechOrBelief(x: Token): boolean {
  const e = CUE_VERBS.get(x.lower);
  return !!e && !e.position;
}
