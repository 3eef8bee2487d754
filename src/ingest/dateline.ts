/**
 * Datelines and date lines: "YEREVAN, June 4. /TASS/.", "WASHINGTON, March 3 (Reuters) -",
 * "LONDON (AP) —" at the start of the first paragraph, and "Date: 23 February 2021" lines.
 */

/** What a dateline says, stored under `annotations.dateline`. */
export interface Dateline {
  /** The dateline exactly as written. */
  text: string;
  start: number;
  end: number;
  /** Place in the dateline, e.g. "YEREVAN". */
  place?: string;
  /** Month 1–12 when the dateline names one. */
  month?: number;
  day?: number;
  year?: number;
  /** Agency or outlet named in the dateline, e.g. "TASS", "Reuters". */
  outlet?: string;
  /** Full date (YYYY-MM-DD) when the line states a year too. */
  date?: string;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
/** `word` matching in any letter case, without the `i` flag (which would also loosen the place pattern). */
function anyCase(word: string): string {
  return [...word].map((c) => (/[a-z]/i.test(c) ? `[${c.toUpperCase()}${c.toLowerCase()}]` : c)).join('');
}
const MONTH_NAMES = ['Jan|uary', 'Feb|ruary', 'Mar|ch', 'Apr|il', 'May|', 'Jun|e', 'Jul|y', 'Aug|ust', 'Sep|t', 'Sep|tember', 'Oct|ober', 'Nov|ember', 'Dec|ember'];
const MONTH = `(${MONTH_NAMES.map((m) => {
  const [stem, rest] = m.split('|') as [string, string];
  return rest ? `${anyCase(stem)}(?:${anyCase(rest)})?` : anyCase(stem);
}).join('|')})`;
// Words of capitals joined by single spaces or hyphens; the separators are not in the word
// class, so the pattern cannot backtrack its way through a long run of capitals.
const REGION = "(?:,\\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?";
const PLACE = `([A-Z][A-Z'’.]+(?:[ /\\-][A-Z][A-Z'’.]*){0,3}${REGION})`;
/** "Toronto", "Scarborough, Ontario": only taken with a date and a dash after it. */
const TITLE_PLACE = `([A-Z][A-Za-z'’.]+(?:[ \\-][A-Z][A-Za-z'’.]*){0,3}${REGION})`;
const AGENCY = "([A-Z][A-Za-z&.'’\\-]*(?: [A-Z][A-Za-z&.'’\\-]*){0,3})";
/** ", March 3" or, after an abbreviated region ("Va."), " March 3"; optional year. */
const DATE = `(?:,\\s*|(?<=\\.)\\s+)${MONTH}\\.?\\s+(\\d{1,2})(?:,\\s*(\\d{4}))?`;

/** PLACE[, Month Day][.] /AGENCY/ or (AGENCY), then an optional separator. */
const WIRE_DATELINE = new RegExp(
  `^${PLACE}(?:${DATE})?\\s*[.,]?\\s*(?:/\\s*${AGENCY}\\s*/|\\(\\s*${AGENCY}\\s*\\))\\s*(?:[.:]\\s*)?(?:[-–—]+\\s*)?`,
);
/** PLACE, Month Day - (no agency): a separator is then required. */
const PLAIN_DATELINE = new RegExp(`^${PLACE}${DATE}\\s*(?:[-–—]+|\\.)\\s+`);
/** Place, Month Day - (a place in ordinary case): the dash is required. */
const TITLE_DATELINE = new RegExp(`^${TITLE_PLACE}${DATE}\\s*[-–—]+\\s+`);

const DATE_LABEL = /^(?:published on|posted on|date published|date|published|posted)\s*:?\s*/i;

function monthNumber(name: string | undefined): number | undefined {
  if (!name) return undefined;
  return MONTHS[name.slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3).toLowerCase()];
}

/** YYYY-MM-DD when the parts form a real calendar date. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!(year >= 1800 && year <= 2200 && month >= 1 && month <= 12 && day >= 1)) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Reads a wire dateline at the start of a paragraph.
 * @param text - the paragraph text
 * @param offset - where the paragraph starts in the article text
 */
export function readWireDateline(text: string, offset: number): Dateline | undefined {
  // Every dateline opens with a capitalised place name; most paragraphs fail this at once.
  if (!/^[A-Z]/.test(text)) return undefined;
  // A dateline is short; matching only the opening keeps the cost flat on huge paragraphs.
  const head = text.slice(0, 160);
  let m = WIRE_DATELINE.exec(head);
  let agency: string | undefined;
  if (m) agency = (m[5] ?? m[6])?.trim();
  else m = PLAIN_DATELINE.exec(head) ?? TITLE_DATELINE.exec(head);
  if (!m) return undefined;
  const place = m[1]!;
  if (place.length > 40) return undefined;
  const rest = text.slice(m[0].length);
  if (rest.length > 0 && !/^\S/.test(rest)) return undefined;
  // Without a date, "NAME (Something)" is too common in reporting: insist on the wire form
  // "PLACE (AGENCY) - text" or "PLACE /AGENCY/. text".
  if (!m[2] && (rest.length === 0 || !/(?:[-–—]|\/\s*\.?)\s*$/.test(m[0].trimEnd()))) return undefined;
  const raw = m[0].replace(/[\s\u00a0]+$/, '');
  const result: Dateline = { text: raw, start: offset, end: offset + raw.length, place: place.trim() };
  const month = monthNumber(m[2]);
  if (month) {
    result.month = month;
    result.day = Number(m[3]);
    if (m[4]) {
      result.year = Number(m[4]);
      const date = isoDate(result.year, month, result.day);
      if (date) result.date = date;
    }
  }
  if (agency) result.outlet = agency;
  return result;
}

const DMY = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+(\\d{4})$`, 'i');
const MDY = new RegExp(`^${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`, 'i');
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Parses a stated date ("23 February 2021", "February 23, 2021", "2021-02-23") to YYYY-MM-DD. */
export function parseStatedDate(text: string): string | undefined {
  const t = text.trim().replace(/[.,]$/, '');
  let m = DMY.exec(t);
  if (m) return isoDate(Number(m[3]), monthNumber(m[2])!, Number(m[1]));
  m = MDY.exec(t);
  if (m) return isoDate(Number(m[3]), monthNumber(m[1])!, Number(m[2]));
  m = ISO.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}

/**
 * Reads a "Date: 23 February 2021" line (the whole piece).
 * @param text - the piece text
 * @param offset - where the piece starts in the article text
 */
export function readDateLine(text: string, offset: number): Dateline | undefined {
  if (text.length > 60) return undefined;
  const m = DATE_LABEL.exec(text);
  if (!m || m[0].length === 0) return undefined;
  const date = parseStatedDate(text.slice(m[0].length));
  if (!date) return undefined;
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return { text, start: offset, end: offset + text.length, year: y, month: mo, day: d, date };
}
