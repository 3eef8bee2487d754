/**
 * Finds date expressions in one sentence: chrono-node for calendar dates and weekdays, our own
 * rules for what chrono misses or gets wrong (years alone, seasons, decades, quarters, "last
 * November", "two weeks ago", "a week after"). Produces unresolved candidates with local offsets.
 */
// English only: the package root also loads fifteen other locales, ~150 ms of every start.
import * as chrono from 'chrono-node/en';
import type { Season } from './calendar.js';
import {
  CHRONO_HINT,
  MONTH_RE,
  NUMBER_RE,
  ORDINALS,
  RULE_HINT,
  SEASONS,
  SEASON_RE,
  WEEKDAYS,
  WEEKDAY_RE,
  monthNumber,
  toNumber,
} from './lexicon.js';

/** Relative units an expression can count in. */
export type DateUnit = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade' | 'century';

/** A date expression found but not yet resolved; offsets are local to the sentence. */
export interface Candidate {
  start: number;
  end: number;
  /** Year stated in the text. */
  year?: number;
  month?: number;
  day?: number;
  weekday?: number;
  season?: Season;
  quarter?: number;
  half?: number;
  /** First three digits of the year: 199 for the 1990s. */
  decade?: number;
  /** Two digits: 19 for the 20th century. */
  century?: number;
  /** "last November", "next Friday", "this summer"; `latest` = the most recent completed one. */
  rel?: 'last' | 'this' | 'next' | 'latest';
  /** Count of units from the reference date: "two weeks ago" = week, -2. */
  unit?: DateUnit;
  offset?: number;
  vague?: 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF';
  approximate?: boolean;
  /** "a year ago/earlier" in a sentence about a quarter means that quarter a year before. */
  yearsBack?: number;
  /** "comes a week after X": counted back from publication, to the day, circa. */
  fromPublication?: boolean;
  /** Recognised but deliberately left undated (e.g. "a week after" with nothing to anchor it). */
  suppress?: boolean;
  /** Year counted from the reference ("January of this year" = 0, "December of last year" = -1). */
  yearOffset?: number;
  /** Rules win ties against chrono. */
  priority: number;
}

const UNIT_RE = '(day|week|weekend|month|quarter|year|decade|century)';

const RELATIVE_WORD = /\b(yesterday|today|tomorrow|tonight)\b/gi;
const AGO = new RegExp(`\\b(${NUMBER_RE}|a few|several|many)\\s+(day|week|month|year|decade)s?\\s+(ago|earlier)\\b(?!\\s+than)`, 'gi');
const AFTER = new RegExp(`\\b(${NUMBER_RE})\\s+(day|week|month|year)s?\\s+(after|before|later)\\b`, 'gi');
const LAST_UNIT = new RegExp(`\\b(?:(earlier|later)\\s+)?(?:the\\s+)?(last|this|next|past|previous|coming|current)\\s+${UNIT_RE}\\b(?!-)`, 'gi');
const LAST_NAMED = new RegExp(`\\b(last|this|next|this past|this coming|the previous|the following|previous)\\s+(${MONTH_RE}|${WEEKDAY_RE}|${SEASON_RE})(?![a-z])(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,?\\s*\\d{4}))?`, 'gi');
const SEASON = new RegExp(`\\b(?:(the|in|during|over the|this|last|next)\\s+)?(?:(early|late|mid)[- ])?(${SEASON_RE})\\b(?:\\s+(?:of\\s+)?(1[6-9]\\d\\d|20\\d\\d)\\b)?`, 'gi');
const DECADE = /\b(?:(early|mid|late)[- ])?(1\d|20)(\d)0['’]?s\b/gi;
const CENTURY = /\b(\d{1,2})(?:st|nd|rd|th)[- ]century\b/gi;
const QUARTER = new RegExp(
  `\\b(?:(the|this|its|this year's)\\s+)?(?:(1[6-9]\\d\\d|20\\d\\d)(?:'s)?\\s+)?(?:fiscal\\s+)?(?:(first|second|third|fourth|1st|2nd|3rd|4th|latest|last|past|previous|current|most recent|year-earlier|year-ago)[- ])?(?:fiscal[- ])?quarter\\b(?:\\s+of\\s+(?:fiscal\\s+)?(1[6-9]\\d\\d|20\\d\\d)|,?\\s+(1[6-9]\\d\\d|20\\d\\d))?`,
  'gi',
);
const HALF = /\b(?:(the)\s+)?(first|second)[- ]half\b(?:\s+of\s+(1[6-9]\d\d|20\d\d))?/gi;
const YEAR = /(?<![\d$£€,.#/:-]|\d\s)\b(?:(fiscal|calendar|mid-|the year)\s*)?(1[6-9]\d\d|20\d\d)\b(?![,.]\d|\s*(?:%|pct\b|percent|per cent|gmt\b|hrs\b|hours\b|local\b|est\b|edt\b|bst\b|utc\b|dlrs\b|dollars\b|tonnes\b|tons\b|shares\b|barrels\b|mln\b|billion\b|million\b|feet\b|miles\b|km\b|kg\b|people\b|employees\b|troops\b|soldiers\b|workers\b|members\b|acres\b|metres\b|meters\b|points\b|votes\b|[-/]\d))/gi;
const VAGUE = /\b(nowadays|now|currently|current|recently|recent|in recent (?:years|months|weeks|days)|recent (?:years|months|weeks|days)|the past|(?:the )?future|these days|previously)\b(?!-)(?!\s+(?:[\w-]+\s+){0,2}(?:days?|weeks?|months?|years?|decades?|quarters?|summers?|winters?|sessions?)\b)/gi;
const THE_YEAR = /\bthe\s+(?:current|full)\s+(?:fiscal\s+)?year\b(?!-)/gi;
const SPELLED_YEAR = /\b(nineteen|twenty)[\s-]+(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(one|two|three|four|five|six|seven|eight|nine))?\b|\b(two thousand)(?:\s+(?:and\s+)?(one|two|three|four|five|six|seven|eight|nine|ten))?\b/gi;
const SPELLED_DECADE = /\bthe\s+(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/gi;
const SPELLED: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13,
  fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  sixty: 60, seventy: 70, eighty: 80, ninety: 90, twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9,
};
const PERIOD_PREFIX = /(?:\bthe\s+)?\b(?:(?:end|beginning|start|middle|close|turn)\s+of\s+(?:the\s+)?|(?:early|late|mid)[- ])$/i;
const CHRONO_LEAD = /^(?:(?:on|in|at|since|by|from|until|till|during|of|the|end of|beginning of|start of|middle of)\s+)+/i;

/** The candidates of one sentence, non-overlapping, in text order. */
export function findCandidates(sentence: string): Candidate[] {
  const chronoHit = CHRONO_HINT.test(sentence);
  if (!chronoHit && !RULE_HINT.test(sentence)) return [];
  const found: Candidate[] = [];
  if (RULE_HINT.test(sentence) || chronoHit) ruleCandidates(sentence, found);
  if (chronoHit) chronoCandidates(sentence, found);
  return shareYears(sentence, pickNonOverlapping(found).map((c) => extendPrefix(sentence, c)));
}

/** What may stand between two dates of one range or list: "March and April 2011", "late March to mid-April of 2011". */
const RANGE_LINK = /^\s*(?:and|to|through|until|till|or|[-–—])\s*$/i;

/**
 * Dates that share a year the text gives once: "between late March and mid-April of 2011" (both
 * 2011), and a month with its year in an "of" phrase, "January of this year" (one expression).
 */
function shareYears(s: string, cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < cands.length; i++) {
    const a = cands[i]!;
    const b = cands[i + 1];
    const open = a.month !== undefined && a.year === undefined && a.rel === undefined && a.yearOffset === undefined && !a.suppress;
    if (!open || !b) {
      out.push(a);
      continue;
    }
    const between = s.slice(a.end, b.start);
    const yearOnly = b.month === undefined && b.season === undefined && b.quarter === undefined && b.half === undefined && b.weekday === undefined;
    if (/^(?:\s+of)?\s*$/i.test(between) && /\bof\s*$/i.test(s.slice(a.start, b.start)) && yearOnly) {
      if (b.year !== undefined && b.unit === undefined) {
        out.push({ ...a, end: b.end, year: b.year });
        i++;
        continue;
      }
      if (b.unit === 'year' && b.offset !== undefined && !b.approximate) {
        out.push({ ...a, end: b.end, yearOffset: b.offset });
        i++;
        continue;
      }
    }
    if (RANGE_LINK.test(between) && b.month !== undefined && b.year !== undefined) {
      out.push({ ...a, year: b.year - (a.month! > b.month ? 1 : 0) });
      continue;
    }
    out.push(a);
  }
  return out;
}

function each(re: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) fn(m);
}

function unitOf(word: string): DateUnit | 'weekend' {
  return word.toLowerCase() as DateUnit | 'weekend';
}

function ruleCandidates(s: string, out: Candidate[]): void {
  // Each rule runs only when its key word is there: most sentences need two or three of the fifteen.
  const low = s.toLowerCase();
  const has = (...words: string[]) => words.some((w) => low.includes(w));
  const at = (m: RegExpExecArray, extra: Omit<Candidate, 'start' | 'end' | 'priority'>, from = m.index, to = m.index + m[0].length) =>
    out.push({ start: from, end: to, priority: 1, ...extra });

  if (has('yesterday', 'today', 'tomorrow', 'tonight')) each(RELATIVE_WORD, s, (m) => {
    const w = m[1]!.toLowerCase();
    at(m, { unit: 'day', offset: w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0 });
  });
  if (has(' ago', 'earlier')) each(AGO, s, (m) => {
    const n = toNumber(m[1]!);
    if (n === undefined) return at(m, { vague: 'PAST_REF' });
    const unit = unitOf(m[2]!);
    // "a decade ago" names a year, not a decade.
    if (unit === 'decade') return at(m, { unit: 'year', offset: -10 * n, approximate: true });
    at(m, { unit: unit as DateUnit, offset: -n, ...(unit === 'year' ? { yearsBack: n } : {}) });
  });
  if (has('after', 'before', 'later')) each(AFTER, s, (m) => {
    const n = toNumber(m[1]!);
    const before = s.slice(0, m.index);
    const rest = s.slice(m.index + m[0].length);
    // "The move comes a week after X asked": the main clause is now, so X was a week before publication.
    const presentMain = /\b(?:comes?|is|are)\s+(?:just\s+|only\s+|barely\s+)?$/i.test(before);
    const startsWithDate = new RegExp(`^\\s*(?:the\\s+)?(?:${MONTH_RE}|${WEEKDAY_RE}|\\d)`, 'i').test(rest);
    const dir = m[3]!.toLowerCase();
    if (n !== undefined && presentMain && !startsWithDate && dir === 'after') {
      at(m, { unit: unitOf(m[2]!) as DateUnit, offset: -n, approximate: true, fromPublication: true });
    } else at(m, { suppress: true });
  });
  if (has('last', 'this', 'next', 'past', 'previous', 'coming', 'current')) each(LAST_UNIT, s, (m) => {
    const mod = m[2]!.toLowerCase();
    const offset = mod === 'last' || mod === 'past' || mod === 'previous' ? -1 : mod === 'next' || mod === 'coming' ? 1 : 0;
    const unit = unitOf(m[3]!);
    if (unit === 'weekend') return at(m, { unit: 'week', offset: offset === 0 ? -1 : offset });
    at(m, { unit, offset, approximate: Boolean(m[1]) });
  });
  if (has('last', 'this', 'next', 'previous', 'following')) each(LAST_NAMED, s, (m) => {
    const mod = m[1]!.toLowerCase();
    const rel = mod === 'last' || mod === 'this past' || mod.endsWith('previous') ? 'last' : mod === 'this' ? 'this' : 'next';
    const word = m[2]!.toLowerCase();
    const month = monthNumber(word);
    if (word === 'may' && rel !== 'last' && rel !== 'next') return;
    if (month !== undefined) return at(m, { month, rel, ...(m[3] ? { day: Number(m[3]) } : {}) });
    if (m[3]) return; // a weekday or season followed by a number is something else
    if (word in WEEKDAYS) return at(m, { weekday: WEEKDAYS[word], rel });
    const season = SEASONS[word];
    if (season) at(m, { season, rel });
  });
  if (has('spring', 'summer', 'autumn', 'fall', 'winter')) each(SEASON, s, (m) => {
    const lead = m[1]?.toLowerCase();
    const word = m[3]!.toLowerCase();
    const year = m[4] ? Number(m[4]) : undefined;
    if (lead === 'this' || lead === 'last' || lead === 'next') {
      if (year === undefined) return; // LAST_NAMED has it
    }
    // "prices fall", "the winter wheat crop": a season needs a determiner or a year to be a date.
    // "prices fall in winter", "the winter wheat crop": without a year, only "the summer" (one particular summer) is a date.
    if (year === undefined && (!lead?.endsWith('the') || /^(?:wheat|crop|olympics|games|season|months?|storm|weather|clothes|sales|collection)\b/i.test(s.slice(m.index + m[0].length).trim()))) return;
    // The expression is the season itself ("summer", "early spring"), or "the fall of 2020" whole.
    const from = lead === 'the' && year !== undefined ? m.index : m.index + m[0].toLowerCase().lastIndexOf((m[2] ?? word).toLowerCase());
    at(m, { season: SEASONS[word], year, approximate: Boolean(m[2]) }, from);
  });
  if (has('0s', "0's", '0’s')) each(DECADE, s, (m) => at(m, { decade: Number(m[2]) * 10 + Number(m[3]), approximate: Boolean(m[1]) }));
  if (has('century')) each(CENTURY, s, (m) => at(m, { century: Number(m[1]) - 1 }));
  if (has('quarter')) each(QUARTER, s, (m) => {
    const word = m[3]?.toLowerCase();
    const year = m[2] ? Number(m[2]) : m[4] ? Number(m[4]) : m[5] ? Number(m[5]) : undefined;
    if (!word && !m[1] && year === undefined) return;
    if (!word && /^\s+of\s+(?:the|a|an|its|all|their)\b/i.test(s.slice(m.index + m[0].length))) return;
    if (word === 'year-earlier' || word === 'year-ago') return at(m, { suppress: true });
    const ordinal = word ? ORDINALS[word] : undefined;
    if (ordinal !== undefined) return at(m, { quarter: ordinal, year });
    if (word === 'current') return at(m, { unit: 'quarter', offset: 0 });
    if (year !== undefined && !word) return at(m, { suppress: true }); // "the 1988 quarter": which quarter is not said
    at(m, { unit: 'quarter', offset: -1, rel: 'latest' });
  });
  if (has('half')) each(HALF, s, (m) => {
    const year = m[3] ? Number(m[3]) : undefined;
    if (!m[1] && year === undefined) return;
    at(m, { half: m[2]!.toLowerCase() === 'first' ? 1 : 2, year });
  });
  if (/\d{4}/.test(s)) each(YEAR, s, (m) => {
    const year = Number(m[2]);
    at(m, { year });
  });
  if (has('now', 'current', 'recent', 'past', 'future', 'these days', 'previously')) each(VAGUE, s, (m) => {
    const w = m[1]!.toLowerCase();
    const vague = /^(?:now|nowadays|currently|current|these days)$/.test(w) ? 'PRESENT_REF' : w.endsWith('future') ? 'FUTURE_REF' : 'PAST_REF';
    at(m, { vague });
  });
  if (has('year')) each(THE_YEAR, s, (m) => at(m, { unit: 'year', offset: 0 }));
  if (has('nineteen', 'twenty', 'two thousand')) each(SPELLED_YEAR, s, (m) => {
    const g = m.slice(1).map((x) => x?.toLowerCase());
    const year = g[3] ? 2000 + (g[4] ? SPELLED[g[4]]! : 0) : SPELLED[g[0]!]! * 100 + SPELLED[g[1]!]! + (g[2] ? SPELLED[g[2]]! : 0);
    at(m, { year });
  });
  if (has('ties')) each(SPELLED_DECADE, s, (m) => at(m, { decade: 190 + SPELLED[m[1]!.toLowerCase()]! }));
}

const chronoRef = { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 };

/** chrono parsers we use: calendar dates and weekdays. Times, relative and casual phrases are our rules' job, and skipping them halves the cost. */
const CHRONO_PARSERS = new Set([
  'ENYearMonthDayParser',
  'ISOFormatParser',
  'SlashDateFormatParser',
  'ENMonthNameLittleEndianParser',
  'ENMonthNameMiddleEndianParser',
  'ENWeekdayParser',
  'ENYearMonthNameParser',
  'ENMonthNameParser',
]);

/** A chrono instance with only the parsers above (the full casual one if chrono renames them). */
const dateParser: chrono.Chrono = (() => {
  const custom = chrono.casual.clone();
  const kept = custom.parsers.filter((p) => CHRONO_PARSERS.has(p.constructor.name));
  if (kept.length >= 4) custom.parsers = kept;
  return custom;
})();

/** Where chrono should look: a window around each month, weekday or numeric date, so long sentences cost little. */
const CHRONO_SPOT = new RegExp(CHRONO_HINT.source, 'gi');
const WINDOW = 32;

function chronoWindows(s: string): { start: number; end: number }[] {
  const windows: { start: number; end: number }[] = [];
  CHRONO_SPOT.lastIndex = 0;
  for (let m = CHRONO_SPOT.exec(s); m; m = CHRONO_SPOT.exec(s)) {
    let start = Math.max(0, m.index - WINDOW);
    let end = Math.min(s.length, m.index + m[0].length + WINDOW);
    // Widen to word boundaries so no word is cut in half.
    while (start > 0 && /\S/.test(s[start - 1]!)) start--;
    while (end < s.length && /\S/.test(s[end]!)) end++;
    const last = windows[windows.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  return windows;
}

function chronoCandidates(s: string, out: Candidate[]): void {
  for (const w of chronoWindows(s)) {
    let results: chrono.ParsedResult[];
    try {
      results = dateParser.parse(s.slice(w.start, w.end), chronoRef);
    } catch {
      continue; // chrono should never throw, but one sentence must not break ingest
    }
    for (const r of results) chronoCandidate(s, w.start, r, out);
  }
}

function chronoCandidate(s: string, offset: number, r: chrono.ParsedResult, out: Candidate[]): void {
  const tags = r.tags();
  if (tags.has('result/relativeDate') || [...tags].some((t) => t.startsWith('casualReference'))) return;
  const known = r.start;
  const month = known.isCertain('month') ? known.get('month') ?? undefined : undefined;
  const weekdayKnown = known.isCertain('weekday');
  let text = r.text;
  let start = offset + r.index;
  let sharedYear: number | undefined;
  const lead = CHRONO_LEAD.exec(text);
  if (lead) {
    start += lead[0].length;
    text = text.slice(lead[0].length);
  }
  if (/^\d{1,2}\/\d{1,2}$/.test(text)) return; // "3/8" is a fraction far more often than a date
  let rangeEnd: Candidate | undefined;
  if (r.end) {
    // A range ("June 4-6", "from March to May 2019"): the start keeps its own expression, the end
    // becomes a candidate of its own when it names a month or a year, and a year stated only at the
    // end is shared by the start ("from June 3 to June 7, 2019").
    const cut = /\s*(?:[-–—]|,?\s+(?:to|through|until|and)\s+)/.exec(text.slice(1));
    if (cut) {
      const endAt = cut.index + 1 + cut[0].length;
      const endText = text.slice(endAt).replace(/[\s,.;:]+$/, '');
      text = text.slice(0, cut.index + 1);
      const e = r.end;
      const endMonth = e.isCertain('month') ? e.get('month') ?? undefined : undefined;
      const endYear = e.isCertain('year') ? e.get('year') ?? undefined : undefined;
      if (endMonth !== undefined && new RegExp(`(?:${MONTH_RE})`, 'i').test(endText)) {
        const endDay = e.isCertain('day') ? e.get('day') ?? undefined : undefined;
        rangeEnd = { start: start + endAt, end: start + endAt + endText.length, month: endMonth, day: endDay, year: endYear, priority: 0 };
      }
      if (endYear !== undefined && month !== undefined && !known.isCertain('year')) {
        sharedYear = endYear - (endMonth !== undefined && month > endMonth ? 1 : 0);
      }
    }
  }
  const trail = /[\s,.;:]+$/.exec(text);
  if (trail && !/\b[a-z]{3}\.$/i.test(text)) text = text.slice(0, trail.index);
  if (!text) return;
  const periodEdge = lead && /(end|beginning|start|middle) of\s*$/i.test(lead[0]);
  if (month !== undefined) {
    const day = known.isCertain('day') && !periodEdge ? known.get('day') ?? undefined : undefined;
    const year = known.isCertain('year') ? known.get('year') ?? undefined : sharedYear;
    if (day === undefined && year === undefined && /^may$/i.test(text)) return; // the modal verb
    out.push({ start, end: start + text.length, month, day, year, priority: 0 });
    if (rangeEnd) out.push(rangeEnd);
  } else if (weekdayKnown && new RegExp(WEEKDAY_RE, 'i').test(text)) {
    const wd = new RegExp(WEEKDAY_RE, 'i').exec(text)!;
    // Keep "Wednesday night" whole but date it as the day.
    out.push({ start, end: start + text.length, weekday: WEEKDAYS[wd[0].toLowerCase()], priority: 0 });
  }
}

function pickNonOverlapping(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** "the end of June", "early 1990s", "mid-June": widen the span and mark the date as circa. */
function extendPrefix(s: string, c: Candidate): Candidate {
  if (c.suppress || c.vague || c.unit) return c;
  if (c.day !== undefined || c.weekday !== undefined) return c;
  const m = PERIOD_PREFIX.exec(s.slice(Math.max(0, c.start - 40), c.start));
  if (!m) return c;
  return { ...c, start: c.start - m[0].length, approximate: true };
}
