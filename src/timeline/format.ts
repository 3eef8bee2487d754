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

/** Words that introduce a date and read well before it in a label ("on Friday", "since May 12"). */
const LEAD_WORD = /\b(on|in|since|by|from|until|during|before|after|last|next|this)\s+$/i;

/** What a timeline label needs to know about an event. */
export interface LabelInput {
  mention: Pick<DateMention, 'value' | 'date' | 'precision' | 'approximate' | 'inferred' | 'text' | 'start'>;
  basis: 'stated' | 'reported' | 'planned';
  /** The article's text, to read the word that introduces the phrase. */
  text: string;
  /** True when the article's publication date was itself inferred. */
  publishedInferred: boolean;
  /** Show the dated phrase even when it states the whole date (its sentence gives more than one date). */
  showPhrase?: boolean;
}

/**
 * The label a timeline item carries: the phrase that was dated next to its date when the text did
 * not state the date whole ("on Friday → 4 June 2021"), "reported …" for news dated by its
 * publication, "planned …" for what is still to come, and "(inferred)" only where the date rests
 * on a publication date that was itself inferred.
 * @example eventLabel({ mention, basis: 'stated', text, publishedInferred: false }) // 'on Friday → 4 June 2021'
 */
export function eventLabel(input: LabelInput): string {
  const { mention: m, basis } = input;
  const uncertain = m.inferred && input.publishedInferred;
  const date = `${m.approximate ? 'c. ' : ''}${formatDate(m)}${uncertain ? ' (inferred)' : ''}`;
  if (basis === 'reported') return `reported ${date}`;
  let phrase = '';
  // A phrase that reads as the date itself ("1998" → 1998) adds nothing; the snippet highlights it anyway.
  if (m.text && (m.inferred || input.showPhrase) && m.text !== formatDate(m)) {
    const lead = LEAD_WORD.exec(input.text.slice(Math.max(0, m.start - 12), m.start))?.[1];
    const full = lead && !m.text.toLowerCase().startsWith(lead.toLowerCase()) ? `${lead.toLowerCase()} ${m.text}` : m.text;
    phrase = `${full} → `;
  }
  return `${basis === 'planned' ? 'planned: ' : ''}${phrase}${date}`;
}
