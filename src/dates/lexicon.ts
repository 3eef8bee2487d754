/** Words date expressions are made of, and the cheap prefilter run before any parsing. */
import type { Season } from './calendar.js';

/** Month names and abbreviations → 1-12. */
export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

/** Weekday names → 0 (Sunday) … 6. Only full names: "Sun" and "Sat" are too often something else. */
export const WEEKDAYS: Record<string, number> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};

/** Season words → TIMEX3 season code. */
export const SEASONS: Record<string, Season> = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' };

/** Counting words used in "two weeks ago", "a year earlier". */
export const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, fifty: 50, hundred: 100, 'a couple of': 2,
};

/** Ordinals used for quarters and halves. */
export const ORDINALS: Record<string, number> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4,
};

/** Pattern source for a month name or abbreviation (use with the `i` flag). */
export const MONTH_RE = '(?:jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?|july?|aug(?:ust|\\.)?|sep(?:t(?:ember|\\.)?|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)';
/** Pattern source for a full weekday name. */
export const WEEKDAY_RE = '(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday)';
/** Pattern source for a season word. */
export const SEASON_RE = '(?:spring|summer|autumn|fall|winter)';
/** Pattern source for a small count, in words or digits. */
export const NUMBER_RE = '(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|a couple of|\\d{1,3})';

/** Sentences chrono should see: they name a month or weekday, or hold a numeric date. */
export const CHRONO_HINT = new RegExp(`\\b${MONTH_RE}(?![a-z])|\\b${WEEKDAY_RE}\\b|\\b\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b`, 'i');

/** Sentences our own rules should see: years, decades, seasons, relative words. */
export const RULE_HINT =
  /\b(?:1[5-9]\d\d|20\d\d)|\d0s\b|\b(?:yesterday|today|tomorrow|tonight|ago|last|next|this|past|previous|coming|current(?:ly)?|earlier|later|recent(?:ly)?|now|spring|summer|autumn|fall|winter|quarter|half|decade|century|fiscal|future|after|before)\b/i;

/** Resolves a number word or digits. */
export function toNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  return /^\d+$/.test(w) ? Number(w) : NUMBER_WORDS[w];
}

/** Month number for a (possibly abbreviated, dotted) month word. */
export function monthNumber(word: string): number | undefined {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')];
}
