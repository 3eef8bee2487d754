/**
 * Date resolution: turns the expressions of a text into dates, against the article's own
 * publication date (never today). Past-tense news is the default reading: an implied year never
 * puts a date after publication unless the sentence itself speaks of the future.
 */
import type { Span } from '../core/types.js';
import {
  SEASON_START,
  addDays,
  addMonths,
  dayNumber,
  fmtDay,
  fmtMonth,
  isoWeek,
  parseYmd,
  seasonIndex,
  seasonOf,
  weekday,
  type Season,
  type Ymd,
} from './calendar.js';
import { findCandidates, type Candidate } from './extract.js';
import { redateQuotedDays } from './quoted.js';
import type { DateMention, DateReference } from './types.js';

/** Words in the few words before an expression that make it point forward ("will meet on Friday"). */
const FUTURE_CUE = /\b(?:will|'ll|shall|won't|scheduled|slated|upcoming|plans?|planning|planned|expects?|expected|intends?|aims?|is to|are to|set to|to be held|as soon as|as early as|no later than)\b[^.;:!?]{0,40}$/i;

/** Past-tense verbs near an expression ("were held on January 3", "On January 3, talks ended"). */
/** Past-tense verbs: was/were/had/did, regular "-ed" forms and the irregular ones news copy uses most. */
const PAST_VERB =
  "(?:was|were|had|did|\\w{3,}ed|said|told|met|began|took|made|held|came|went|left|gave|saw|won|lost|fought|broke|ran|sent|struck|fell|rose|spoke|wrote|led|found|got|brought|bought|sold|paid|kept|knew|became|chose|drew|flew|grew|hit|laid|meant|sought|stood|stole|swore|threw|withdrew|shot|hid|beat|bit|cut|quit|split|spent|built|dealt|felt|heard|lent|lit|read|rode|rang|sat|slept|spun|stuck|stung|swept|swung|taught|thought|tore|understood|woke|wore|won|wound)";
const PAST_BEFORE = new RegExp(`\\b${PAST_VERB}\\s+(?:[\\w'’-]+\\s+){0,4}(?:on|in|since|during|last)\\s+$`, 'i');
const PAST_AFTER = new RegExp(`^[,\\s]+(?:[\\w'’-]+\\s+){0,5}${PAST_VERB}\\b`, 'i');
const SENTENCE_OPENING = /^\W*(?:(?:on|in|since|by|during|early|late)\s+)?$/i;
/** A future verb soon after a sentence-opening date ("On Sunday, the prime minister will open …"). */
const FUTURE_AFTER = /^[,\s]+(?:[\w'’-]+\s+){0,6}(?:will|shall|is to|are to|is (?:due|set|scheduled|slated|expected) to|are (?:due|set|scheduled|slated|expected) to|plans? to)\b/i;
/** "Thursday's vote", "Friday's summit": a weekday naming an occasion. */
const POSSESSIVE_AFTER = /^['’]s\s/;
const AHEAD_BEFORE = /\b(?:ahead of|in the run-up to|on the eve of)\s+$/i;
const COMING_AFTER = /^['’]s\s+(?:[\w-]+\s+){1,3}(?:draws?\s+(?:near|closer)|approach(?:es)?|looms?|nears)\b/i;

/** Which way an expression points, from the words around it in its sentence. */
export type Tense = 'future' | 'past' | 'unknown';

/** The tense around an expression: a future cue before it wins, then a past-tense verb before or just after it. */
function tenseAround(sentence: string, start: number, end: number): Tense {
  const before = sentence.slice(Math.max(0, start - 60), start);
  if (FUTURE_CUE.test(before)) return 'future';
  // "were held on January 3" or "On January 3, the talks ended": the verb is in the past and the date is when it happened.
  if (PAST_BEFORE.test(before)) return 'past';
  const opening = SENTENCE_OPENING.test(sentence.slice(0, start));
  if (opening && PAST_AFTER.test(sentence.slice(end, end + 60))) return 'past';
  if (opening && FUTURE_AFTER.test(sentence.slice(end, end + 80))) return 'future';
  // "as Thursday's vote draws near", "ahead of Sunday's election": the occasion is still to come.
  // (Other possessive weekdays are mostly past: "Friday's closing price", "follows Tuesday's declaration".)
  if (POSSESSIVE_AFTER.test(sentence.slice(end, end + 3)) && (AHEAD_BEFORE.test(before) || COMING_AFTER.test(sentence.slice(end, end + 50)))) return 'future';
  return 'unknown';
}

type Resolved = Pick<DateMention, 'value' | 'date' | 'precision' | 'inferred' | 'approximate'>;

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * Finds and resolves every date expression of a text.
 * @param text - the whole text (an article body)
 * @param sentences - spans of `text` to look in (offsets are absolute); empty means the whole text
 * @param reference - the publication date, or null when unknown (then only dates whose year the text states)
 * @returns mentions with absolute offsets, in text order
 * @example resolveDates('It was signed last November.', [], { date: '2021-08-05', inferred: false })[0].value // '2020-11'
 */
export function resolveDates(text: string, sentences: readonly Span[], reference: DateReference | null): DateMention[] {
  const ref = reference ? parseYmd(reference.date) : null;
  const spans = sentences.length ? sentences : [{ start: 0, end: text.length }];
  const out: DateMention[] = [];
  let lastQuarter: { value: string; sentence: number } | null = null;
  spans.forEach((span, index) => {
    const s = text.slice(span.start, span.end);
    for (const c of findCandidates(s)) {
      if (c.suppress) continue;
      let r = resolveCandidate(c, ref, tenseAround(s, c.start, c.end));
      // Financial copy compares quarters: "a year earlier" after "the third quarter" is that quarter a year before.
      if (r && c.yearsBack !== undefined && lastQuarter && index - lastQuarter.sentence <= 1) {
        const y = Number(lastQuarter.value.slice(0, 4)) - c.yearsBack;
        const q = Number(lastQuarter.value.slice(-1));
        r = { value: `${y}-Q${q}`, date: fmtMonth(y, q * 3 - 2), precision: 'quarter', inferred: true, approximate: false };
      }
      if (!r) continue;
      if (r.precision === 'quarter' && c.yearsBack === undefined) lastQuarter = { value: r.value, sentence: index };
      out.push({
        start: span.start + c.start,
        end: span.start + c.end,
        text: s.slice(c.start, c.end),
        sentence: sentences.length ? index : -1,
        ...r,
      });
    }
  });
  // A quoted letter's "today" is the letter's day, not the article's.
  redateQuotedDays(text, out);
  return out;
}

/** Resolves one candidate; null when it cannot be dated without guessing. */
export function resolveCandidate(c: Candidate, ref: Ymd | null, tense: Tense): Resolved | null {
  const future = tense === 'future';
  const approximate = Boolean(c.approximate);
  if (c.vague) return { value: c.vague, date: null, precision: 'ref', inferred: true, approximate: false };
  if (c.decade !== undefined) return { value: String(c.decade), date: String(c.decade * 10), precision: 'decade', inferred: false, approximate };
  if (c.century !== undefined) {
    return { value: pad2(c.century), date: `${pad2(c.century)}00`, precision: 'century', inferred: false, approximate };
  }
  if (c.year !== undefined) return stated(c, c.year, approximate);
  if (!ref) return null; // no publication date: only dates whose year the text states
  const inferred = true;
  if (c.yearOffset !== undefined && c.month !== undefined) return { ...stated(c, ref.y + c.yearOffset, approximate), inferred };
  if (c.unit !== undefined) return relative(c, ref, approximate);
  if (c.month !== undefined) {
    const year = monthYear(c.month, c.day, c.rel, ref, tense);
    if (c.day !== undefined) {
      if (c.day > 31) return null;
      const d = { y: year, m: c.month, d: c.day };
      return { value: fmtDay(d), date: fmtDay(d), precision: 'day', inferred, approximate };
    }
    return { value: fmtMonth(year, c.month), date: fmtMonth(year, c.month), precision: 'month', inferred, approximate };
  }
  if (c.weekday !== undefined) {
    const d = weekdayDate(c.weekday, c.rel, ref, future);
    return { value: fmtDay(d), date: fmtDay(d), precision: 'day', inferred, approximate };
  }
  if (c.season !== undefined) {
    const year = seasonYear(c.season, c.rel, ref, future);
    return seasonResult(c.season, year, inferred, approximate);
  }
  if (c.quarter !== undefined) {
    const curQ = Math.ceil(ref.m / 3);
    const year = c.quarter > curQ && !future ? ref.y - 1 : ref.y;
    return { value: `${year}-Q${c.quarter}`, date: fmtMonth(year, c.quarter * 3 - 2), precision: 'quarter', inferred, approximate };
  }
  if (c.half !== undefined) {
    const curH = ref.m <= 6 ? 1 : 2;
    const year = c.half > curH && !future ? ref.y - 1 : ref.y;
    return { value: `${year}-H${c.half}`, date: fmtMonth(year, c.half === 1 ? 1 : 7), precision: 'half', inferred, approximate };
  }
  return null;
}

/** A date whose year the text states. */
function stated(c: Candidate, year: number, approximate: boolean): Resolved {
  const base = { inferred: false, approximate };
  if (c.month !== undefined && c.day !== undefined && c.day <= 31) {
    const d = fmtDay({ y: year, m: c.month, d: c.day });
    return { value: d, date: d, precision: 'day', ...base };
  }
  if (c.month !== undefined) return { value: fmtMonth(year, c.month), date: fmtMonth(year, c.month), precision: 'month', ...base };
  if (c.season !== undefined) return seasonResult(c.season, year, false, approximate);
  if (c.quarter !== undefined) return { value: `${year}-Q${c.quarter}`, date: fmtMonth(year, c.quarter * 3 - 2), precision: 'quarter', ...base };
  if (c.half !== undefined) return { value: `${year}-H${c.half}`, date: fmtMonth(year, c.half === 1 ? 1 : 7), precision: 'half', ...base };
  return { value: String(year), date: String(year), precision: 'year', ...base };
}

function seasonResult(season: Season, year: number, inferred: boolean, approximate: boolean): Resolved {
  return { value: `${year}-${season}`, date: fmtMonth(year, SEASON_START[season]), precision: 'season', inferred, approximate };
}

/** "two weeks ago", "last month", "this year", "yesterday", "the latest quarter". */
function relative(c: Candidate, ref: Ymd, approximate: boolean): Resolved | null {
  const n = c.offset ?? 0;
  const base = { inferred: true, approximate };
  switch (c.unit) {
    case 'day': {
      const d = fmtDay(addDays(ref, n));
      return { value: d, date: d, precision: 'day', ...base };
    }
    case 'week': {
      if (c.fromPublication) {
        // "comes a week after X": X is about n weeks before publication, to the day.
        const d = fmtDay(addDays(ref, n * 7));
        return { value: d, date: d, precision: 'day', ...base };
      }
      const w = isoWeek(addDays(ref, n * 7));
      return { value: `${w.year}-W${pad2(w.week)}`, date: fmtDay(w.monday), precision: 'week', ...base };
    }
    case 'month': {
      const m = addMonths(ref.y, ref.m, n);
      return { value: fmtMonth(m.y, m.m), date: fmtMonth(m.y, m.m), precision: 'month', ...base };
    }
    case 'quarter': {
      const idx = ref.y * 4 + Math.floor((ref.m - 1) / 3) + n;
      const y = Math.floor(idx / 4);
      const q = (idx % 4) + 1;
      return { value: `${y}-Q${q}`, date: fmtMonth(y, q * 3 - 2), precision: 'quarter', ...base };
    }
    case 'year':
      return { value: String(ref.y + n), date: String(ref.y + n), precision: 'year', ...base };
    case 'decade': {
      const d = Math.floor(ref.y / 10) + n;
      return { value: String(d), date: String(d * 10), precision: 'decade', ...base };
    }
    case 'century': {
      const cty = Math.floor(ref.y / 100) + n;
      return { value: pad2(cty), date: `${pad2(cty)}00`, precision: 'century', ...base };
    }
    default:
      return null;
  }
}

/** The year of a month (and day) the text gives without one. */
function monthYear(month: number, day: number | undefined, rel: Candidate['rel'], ref: Ymd, tense: Tense): number {
  const later = month > ref.m || (day !== undefined && month === ref.m && day > ref.d);
  const earlier = month < ref.m || (day !== undefined && month === ref.m && day < ref.d);
  if (rel === 'last') return month < ref.m ? ref.y : ref.y - 1;
  if (rel === 'next') return month > ref.m ? ref.y : ref.y + 1;
  if (rel === 'this') return ref.y;
  if (tense === 'future') return earlier ? ref.y + 1 : ref.y;
  if (!later) return ref.y;
  if (tense === 'past') return ref.y - 1;
  // A date shortly after publication is a coming one ("payable Dec. 15" in a November story); further off, last year's.
  const ahead = dayNumber({ y: ref.y, m: month, d: day ?? 1 }) - dayNumber(ref);
  return ahead <= AHEAD_DAYS ? ref.y : ref.y - 1;
}

/** How far past publication an unmarked month or day may still be read as coming rather than last year's. */
const AHEAD_DAYS = 90;

/** The day a weekday refers to: the nearest one on or before publication for past-tense reporting. */
function weekdayDate(wd: number, rel: Candidate['rel'], ref: Ymd, future: boolean): Ymd {
  const refWd = weekday(ref);
  const back = (refWd - wd + 7) % 7; // 0 when the same day
  const fwd = (wd - refWd + 7) % 7;
  if (rel === 'last') return addDays(ref, -(back === 0 ? 7 : back));
  if (rel === 'next') return addDays(ref, fwd === 0 ? 7 : fwd);
  if (rel === 'this') {
    // Same ISO week as the reference.
    const monday = isoWeek(ref).monday;
    return addDays(monday, (wd + 6) % 7);
  }
  if (future) return addDays(ref, fwd);
  return addDays(ref, -back);
}

/** The year of a season the text gives without one. */
function seasonYear(season: Season, rel: Candidate['rel'], ref: Ymd, future: boolean): number {
  const cur = seasonOf(ref);
  const curIdx = seasonIndex(cur.season, cur.year);
  const options = [ref.y - 2, ref.y - 1, ref.y, ref.y + 1].map((y) => ({ y, i: seasonIndex(season, y) }));
  if (rel === 'this') return season === cur.season ? cur.year : season === 'WI' && ref.m <= 2 ? ref.y - 1 : ref.y;
  const pick = (ok: (i: number) => boolean, latest: boolean) => {
    const fit = options.filter((o) => ok(o.i));
    const o = latest ? fit[fit.length - 1] : fit[0];
    return o ? o.y : ref.y;
  };
  if (rel === 'last') return pick((i) => i < curIdx, true);
  if (rel === 'next') return pick((i) => i > curIdx, false);
  if (future) return pick((i) => i >= curIdx, false);
  return pick((i) => i <= curIdx, true);
}

