/** How a resolved date reads to a person: "9 November 2020", "c. 29 July 2021 (inferred)", "fall 2020". */
import type { DateMention, DatePrecision } from '../dates/types.js';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SEASON_NAMES: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'fall', WI: 'winter' };

/** The date alone, at its precision. */
export function formatDate(m: Pick<DateMention, 'value' | 'date' | 'precision'>): string {
  const date = m.date ?? '';
  const [y, mo, d] = date.split('-');
  const month = mo ? MONTH_NAMES[Number(mo) - 1] : '';
  switch (m.precision as DatePrecision) {
    case 'day':
      return `${Number(d)} ${month} ${y}`;
    case 'week':
      return `week of ${Number(d)} ${month} ${y}`;
    case 'month':
      return `${month} ${y}`;
    case 'season':
      return `${SEASON_NAMES[m.value.slice(-2)] ?? 'season'} ${m.value.slice(0, 4)}`;
    case 'quarter':
      return `Q${m.value.slice(-1)} ${m.value.slice(0, 4)}`;
    case 'half':
      return `${m.value.endsWith('1') ? 'first' : 'second'} half of ${m.value.slice(0, 4)}`;
    case 'decade':
      return `${date}s`;
    case 'year':
      return y ?? date;
    default:
      return date || m.value;
  }
}

/** The label a timeline item carries: "c." for circa dates, "(inferred)" when any part was inferred. */
export function dateLabel(m: Pick<DateMention, 'value' | 'date' | 'precision' | 'approximate' | 'inferred'>): string {
  return `${m.approximate ? 'c. ' : ''}${formatDate(m)}${m.inferred ? ' (inferred)' : ''}`;
}

/** The year group an item belongs to ("2021", or "1990s" for a decade). */
export function yearGroup(m: Pick<DateMention, 'date' | 'precision'>): string {
  const y = (m.date ?? '').slice(0, 4);
  return m.precision === 'decade' ? `${y}s` : y;
}
