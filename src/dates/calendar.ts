/** Small calendar arithmetic on plain year/month/day numbers (UTC, no time zones involved). */

/** A calendar day. Months are 1-12. */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** A season as TIMEX3 writes it: spring, summer, fall, winter. */
export type Season = 'SP' | 'SU' | 'FA' | 'WI';
/** The month each season starts in (northern hemisphere). */
export const SEASON_START: Record<Season, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };
const SEASON_ORDER: Season[] = ['WI', 'SP', 'SU', 'FA'];

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Parses `YYYY-MM-DD` (or a longer ISO string) into a Ymd; null when malformed. */
export function parseYmd(iso: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return ymd.m >= 1 && ymd.m <= 12 && ymd.d >= 1 && ymd.d <= daysInMonth(ymd.y, ymd.m) ? ymd : null;
}

/** Number of days in a month. */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `YYYY-MM-DD`. */
export const fmtDay = (d: Ymd): string => `${pad(d.y, 4)}-${pad(d.m)}-${pad(d.d)}`;
/** `YYYY-MM`. */
export const fmtMonth = (y: number, m: number): string => `${pad(y, 4)}-${pad(m)}`;

/** Days since the epoch, for comparisons and offsets. */
export const dayNumber = (d: Ymd): number => Date.UTC(d.y, d.m - 1, d.d) / 86_400_000;

/** The day `n` days after `d` (negative for before). */
export function addDays(d: Ymd, n: number): Ymd {
  const t = new Date(Date.UTC(d.y, d.m - 1, d.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Year and month `n` months after (y, m). */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const idx = y * 12 + (m - 1) + n;
  return { y: Math.floor(idx / 12), m: (idx % 12) + 1 };
}

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (d: Ymd): number => new Date(Date.UTC(d.y, d.m - 1, d.d)).getUTCDay();

/** ISO week: year, week number and the Monday it starts on. */
export function isoWeek(d: Ymd): { year: number; week: number; monday: Ymd } {
  const wd = (weekday(d) + 6) % 7; // Monday = 0
  const monday = addDays(d, -wd);
  const thursday = addDays(monday, 3);
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  const week = Math.floor((dayNumber(thursday) - dayNumber(jan1)) / 7) + 1;
  return { year: thursday.y, week, monday };
}

/** The season a day falls in; winter belongs to the year of its December. */
export function seasonOf(d: { y: number; m: number }): { season: Season; year: number } {
  if (d.m === 12) return { season: 'WI', year: d.y };
  if (d.m <= 2) return { season: 'WI', year: d.y - 1 };
  return { season: d.m <= 5 ? 'SP' : d.m <= 8 ? 'SU' : 'FA', year: d.y };
}

/** Ordinal of a season instance, so instances can be compared and stepped. */
export function seasonIndex(season: Season, year: number): number {
  // Winter of year Y (Dec Y – Feb Y+1) comes after fall of Y.
  const order = season === 'WI' ? 4 : SEASON_ORDER.indexOf(season);
  return year * 5 + order;
}
