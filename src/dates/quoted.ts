/**
 * "Today", "yesterday" and "tomorrow" inside a quoted letter, memo or e-mail speak from the day
 * it was written, not from the article's: "In a letter dated March 3, the mayor wrote: 'Today we
 * close the pool'" is March 3. When the text does not say when the document was written, such a
 * day is left undated (a vague reference) rather than dated to publication as the article's news.
 * Spoken quotations ("… today," she said) keep the publication date: news quotes speech of its day.
 */
import { addDays, fmtDay, parseYmd } from './calendar.js';
import type { DateMention } from './types.js';

/** The relative-day words this applies to, by their offset from the day they speak from. */
const RELATIVE_DAY = new Map<string, number>([
  ['today', 0],
  ['tonight', 0],
  ['yesterday', -1],
  ['tomorrow', 1],
]);
/** Characters before a mention searched for the quotation mark that opens its quotation (bounded work). */
const QUOTE_REACH = 2000;
/** Characters before a quotation searched for the document it quotes. */
const DOCUMENT_REACH = 300;
/** Written documents whose words a quotation may give. */
const DOCUMENT = String.raw`(?:letter|memo|memorandum|note|e-?mail|message|cable|telegram|diary(?:\s+entry)?|circular|notice)s?`;
/** A document word somewhere before a quotation ("In a letter to the board, she wrote: …"). */
const DOCUMENT_BEFORE = new RegExp(String.raw`\b${DOCUMENT}\b`, 'i');
/** Right before a date: the date a document was written ("a letter dated", "her memo of", "an e-mail sent on"). */
const DOCUMENT_DATED = new RegExp(String.raw`\b${DOCUMENT}\b[^.!?"“”]{0,40}?\b(?:dated|of|written|sent)(?:\s+on)?\s+$`, 'i');

/**
 * Re-dates relative days inside quotations of written documents (see the module comment).
 * @param text - the text the mentions index into
 * @param mentions - resolved mentions in text order; those changed are replaced in place
 */
export function redateQuotedDays(text: string, mentions: DateMention[]): void {
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    const offset = RELATIVE_DAY.get(m.text.toLowerCase());
    if (offset === undefined || m.precision !== 'day') continue;
    const open = quotationOpening(text, m.start);
    if (open < 0) continue;
    const from = Math.max(0, open - DOCUMENT_REACH);
    const before = text.slice(from, open);
    if (!DOCUMENT_BEFORE.test(before)) continue;
    // The document's own date: the last date before the quotation that a document word introduces.
    let written: DateMention | undefined;
    for (let j = i - 1; j >= 0 && mentions[j]!.start >= from; j--) {
      const d = mentions[j]!;
      if (d.end <= open && d.date && DOCUMENT_DATED.test(text.slice(Math.max(from, d.start - 60), d.start))) {
        written = d;
        break;
      }
    }
    mentions[i] = { ...m, ...(written ? fromDocument(written, offset) : undated(offset)) };
  }
}

/** The day `offset` days from the document's date (the document's own period when it gives no day). */
function fromDocument(written: DateMention, offset: number): Pick<DateMention, 'value' | 'date' | 'precision' | 'inferred' | 'approximate'> {
  if (written.precision !== 'day' || !written.date) {
    return { value: written.value, date: written.date, precision: written.precision, inferred: written.inferred, approximate: offset !== 0 || written.approximate };
  }
  const ymd = parseYmd(written.date);
  if (!ymd) return { value: written.value, date: written.date, precision: written.precision, inferred: written.inferred, approximate: written.approximate };
  const day = fmtDay(addDays(ymd, offset));
  return { value: day, date: day, precision: 'day', inferred: written.inferred, approximate: written.approximate };
}

/** A vague reference: the document's day is not known. */
function undated(offset: number): Pick<DateMention, 'value' | 'date' | 'precision' | 'inferred' | 'approximate'> {
  return { value: offset < 0 ? 'PAST_REF' : offset > 0 ? 'FUTURE_REF' : 'PRESENT_REF', date: null, precision: 'ref', inferred: true, approximate: false };
}

/**
 * Where the quotation holding offset `at` opens, or -1 when `at` is outside quotation marks.
 * Read within its paragraph and at most `QUOTE_REACH` characters back.
 */
function quotationOpening(text: string, at: number): number {
  const paragraph = text.lastIndexOf('\n\n', at);
  const from = Math.max(paragraph < 0 ? 0 : paragraph, at - QUOTE_REACH);
  let open = -1;
  for (let k = from; k < at; k++) {
    const ch = text[k];
    if (ch === '“') open = k;
    else if (ch === '”') open = -1;
    else if (ch === '"') open = open < 0 ? k : -1;
  }
  return open;
}
