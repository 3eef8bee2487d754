/**
 * Content spans: what a statement says, before or after its cue; each content ended where the next
 * statement of its unit begins; and which positions of a text lie inside a quotation.
 */
import type { Span } from '../core/types.js';
import { PRONOUNS } from './lexicon.js';
import { npRight, trimSpan } from './phrases.js';
import { rule } from './rules.js';
import { DATED, DATING, TIME_HEAD } from './words.js';
import { NOMINAL_CUES } from './side-statements.js';
import { isQuote, OPEN_QUOTES } from './tokens.js';
import type { RawStatement as Raw } from './types.js';
import { AUX_AFTER, type CueSite, type Speaker, type UnitScan } from './scan.js';

/** The content span: before the cue when the source rules said so, else after it (after "that" when one follows soon). */
export function contentSpan(scan: UnitScan, site: CueSite, speaker: Speaker): Span {
  const { text, unit, toks } = scan;
  const { c, cueWord, cueEnd, lemma } = site;
  const { source, contentBefore } = speaker;
  let content: Span;
  if (contentBefore) {
    const cut = speaker.contentCut ?? (source && source.start < cueWord.start ? source.start : cueWord.start);
    content = trimSpan(text, unit.start, cut);
  } else {
    let from = toks[cueEnd + 1]?.start ?? unit.end;
    // "After blasting the plan, Lund voted …" (source.opening-subordinator-participle): the participle's subject comes after its phrase.
    const openerComma = !!source && source.start > cueWord.start && /ing$/.test(cueWord.lower) ? toks.findIndex((x) => x.start >= source!.start) - 1 : -1;
    const opener = openerComma >= 0 && toks[openerComma]!.text === ',';
    if (source && source.start > cueWord.start && !opener) from = toks.find((x) => x.start >= source!.end)?.start ?? unit.end;
    // "told RIA in an interview that…": content starts after "that" when one follows soon.
    for (let k = cueEnd + 1; k < Math.min(toks.length, cueEnd + 14); k++) {
      // ("announced on Tuesday that …": a time phrase between the verb and "that" is no content.)
      const dated = () => toks.slice(cueEnd + 1, k).every((x) => DATED.test(x.lower));
      if (toks[k]!.lower === 'that' && (lemma === 'tell' || lemma === 'inform' || lemma === 'ask' || lemma === 'brief' || k === cueEnd + 1 || lemma === 'say' || lemma === 'deny' || lemma === 'reject' || dated())) { from = toks[k + 1]?.start ?? from; break; }
      // ("pointed out in December, “…”": a time phrase and a comma before a quotation are no content either.)
      if (toks[k]!.text === ',' && k > cueEnd + 1 && isQuote(toks[k + 1]) && (OPEN_QUOTES.has(toks[k + 1]!.text) || toks[k + 1]!.text === '"') &&
        rule('content.dated-before-quote', toks.slice(cueEnd + 1, k).every((x) => DATING.test(x.lower) || x.text === '.'))) { from = toks[k + 1]!.start; break; }
      if (toks[k]!.text === ',' || toks[k]!.text === '.' || isQuote(toks[k])) break;
      // "said she was not going to jump to that conclusion": the content has begun; "that" is no complementizer.
      if (k > cueEnd + 1 && (PRONOUNS.has(toks[k]!.lower) || AUX_AFTER.has(toks[k]!.lower))) break;
    }
    // "told reporters the plan was dead", "told the Gazette on Monday he would resign": without "that",
    // the addressee (and a time phrase after it) is not what was said.
    if (from === toks[cueEnd + 1]?.start && (lemma === 'tell' || lemma === 'inform' || lemma === 'assure' || lemma === 'remind')) {
      const end = npRight(toks, cueEnd + 1);
      let k = end + 1;
      // Past up to two phrases of time or place ("on Monday", "in an interview").
      for (let n = 0; n < 2 && /^(?:on|in|at|during|after|before|last|this|earlier|later|today|yesterday)$/.test(toks[k]?.lower ?? ''); n++) {
        const phraseEnd = /^(?:on|in|at|during|after|before)$/.test(toks[k]!.lower) ? npRight(toks, k + 1) : k;
        if (phraseEnd < 0) break;
        k = phraseEnd + 1;
      }
      // ("told CNN Sunday the plan …": a bare day after the addressee.)
      if (TIME_HEAD.test(toks[k]?.lower ?? '') && toks[k + 1]?.word) k++;
      const next = toks[k];
      if (end > cueEnd && next?.word && next.lower !== 'to' && next.lower !== 'about' && next.lower !== 'of' && rule('content.after-addressee', true)) from = next.start;
      // "told the crowd in Ohio: “…”": the addressee before the colon is not what was said either.
      else if (end > cueEnd && next?.text === ':' && toks[k + 1] && rule('content.addressee-colon', true)) from = toks[k + 1]!.start;
    }
    content = trimSpan(text, from, unit.end);
    if (opener) content = trimSpan(text, content.start, Math.max(content.start, toks[openerComma]!.start));
    // "Ida Lund, writing in the Gazette, noticed …" (source.inserted-participle-subject): the phrase ends at its closing comma.
    else if (/ing$/.test(cueWord.lower) && source && c >= 2 && toks[c - 1]!.text === ',' && source.end === toks[c - 2]!.end && source.start === toks.find((x) => x.word && !/^(?:but|and|yet)$/i.test(x.text))?.start) {
      const comma = toks.findIndex((x, k) => k > cueEnd && x.text === ',');
      if (comma > 0 && toks[comma]!.start > content.start && rule('content.inserted-participle-phrase', true)) content = trimSpan(text, content.start, toks[comma]!.start);
    }
  }
  // "Asked Tuesday about Sullivan, Feinstein said …", "Lashing out, Trump said …": an opening
  // participle's own content ends with its phrase; the main clause is a statement of its own.
  if (c === 0 && !source && (/ing$/.test(cueWord.lower) || /^(?:asked|pressed|questioned|told)$/.test(cueWord.lower))) {
    const comma = toks.findIndex((x, k) => k > cueEnd && x.text === ',');
    if (comma > 0) content = trimSpan(text, content.start, Math.max(content.start, toks[comma]!.start));
  }
  return content;
}

/**
 * Ends each content where the next statement of the unit begins ("X criticized Y and said Z",
 * "…, adding that"), so one statement's content does not swallow the next one's cue.
 */
export function clipContents(text: string, raws: Raw[]): void {
  const sorted = [...raws].sort((a, b) => a.cue.start - b.cue.start);
  for (const r of sorted) {
    if (r.content.start < r.cue.end) continue;
    // "said Wednesday he agrees with …": a statement opening the content is reported inside this one
    // (nested), not a second statement beside it; the first one further in ends the content.
    const opens = (n: Raw) => !!n.source && n.source.start >= r.content.start && n.source.start <= r.content.start + 1 && !/[,;:]\s*$/.test(text.slice(r.cue.end, n.source.start));
    // "as saying he is optimistic and that Peking will continue to encourage …": a second "that" clause of this
    // cue is more of this content, and a statement in it is reported inside this one, not beside it.
    const secondClause = (n: Raw) => !!n.source && n.source.start > r.content.start && /(?:^|\s)(?:and|but)\s+that\s+$/i.test(text.slice(r.content.start, n.source.start)) && !/[;:]/.test(text.slice(r.content.start, n.source.start));
    // "denied giving an interview which quoted him as saying …": the quoting verb is this content's, and the
    // quotation it reports runs on in it (the content does not stop at "quoted").
    // ("C, the agency quoted Li as saying": a quoting clause after a comma closes a statement of its own.)
    const quoting = (n: Raw) => !!n.quoted && !!n.source && n.source.start > r.content.start && /^[^,;:]*\bquot(?:ed|es|ing)\s+$/i.test(text.slice(r.content.start, n.source.start));
    const next = sorted.find((n) => n !== r && !NOMINAL_CUES.has(n.lemma) && n.cue.start > r.content.start && n.cue.start < r.content.end && !opens(n) && !rule('content.second-that-clause', secondClause(n)) && !rule('content.quoting-clause', quoting(n)));
    if (!next) continue;
    const boundary = next.source && next.source.start > r.content.start && next.source.start < next.cue.start ? next.source.start : next.cue.start;
    let end = boundary;
    for (;;) {
      const before = text.slice(r.content.start, end);
      const match = /(?:[\s,;:—–-]+|\b(?:and|but|who|which|as|while|after|because|when)\b)$/i.exec(before);
      if (!match || match[0].length === 0) break;
      end -= match[0].length;
    }
    if (end > r.content.start) r.content = { start: r.content.start, end };
  }
}

/** What `quotationIndex` needs of one paragraph, read in one pass. */
interface ParagraphQuotes {
  /** Start of each double quotation mark (a `''` pair counts once, at its first apostrophe). */
  marks: number[];
  /** The quotation open after each mark (its index in the text), or -1 when none is. */
  open: number[];
  /** Where the last double mark character or `''` starts (the "closes later" test), or -1. */
  lastMark: number;
  /** The paragraph's first character that is not whitespace. */
  firstText: number;
}

/**
 * A test for positions of one text: true when `pos` lies inside a quotation of its paragraph, a
 * speaker's own words, where "I said", "they told me" or "people believe" are quoted speech, not the
 * article's reporting. A quotation counts when it closes later in the paragraph, or opens the
 * paragraph (a quotation running on over several paragraphs, or a quoted block); a stray unmatched
 * mark elsewhere does not. Each paragraph is read once (lazily) instead of from its start for every
 * position, which made a long paragraph with many statements quadratic (a 400 KB one-line article
 * took half a minute to analyse).
 */
export function quotationIndex(text: string): (pos: number) => boolean {
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
  const paragraphs = new Map<number, ParagraphQuotes>();
  const read = (paragraphStart: number, paragraphEnd: number): ParagraphQuotes => {
    const marks: number[] = [];
    const open: number[] = [];
    let state = -1;
    let lastMark = -1;
    for (let i = paragraphStart; i < paragraphEnd; i++) {
      const ch = text[i];
      // Writers mix marks (“…" or "…”, even “…“), so any double mark closes an open quotation.
      const mark = ch === '“' || ch === '”' || ch === '"' || (ch === "'" && text[i + 1] === "'");
      if (!mark) continue;
      marks.push(i);
      if (ch === "'") i++;
      if (state >= 0) state = -1;
      else if (ch !== '”') state = i;
      open.push(state);
    }
    for (let i = paragraphEnd - 1; i >= paragraphStart && lastMark < 0; i--) {
      const ch = text[i];
      if (ch === '“' || ch === '”' || ch === '"' || (ch === "'" && i + 1 < paragraphEnd && text[i + 1] === "'")) lastMark = i;
    }
    let firstText = paragraphStart;
    while (firstText < paragraphEnd && /\s/.test(text[firstText]!)) firstText++;
    return { marks, open, lastMark, firstText };
  };
  return (pos: number): boolean => {
    // The paragraph around `pos`: after the last line break before it, up to the next one at or after it.
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    const paragraphStart = lo > 0 ? breaks[lo - 1]! + 1 : 0;
    const paragraphEnd = lo < breaks.length ? breaks[lo]! : text.length;
    let paragraph = paragraphs.get(paragraphStart);
    if (!paragraph) paragraphs.set(paragraphStart, (paragraph = read(paragraphStart, paragraphEnd)));
    // The state after the last mark that starts before `pos`.
    let low = 0;
    let high = paragraph.marks.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (paragraph.marks[mid]! < pos) low = mid + 1;
      else high = mid;
    }
    const open = low > 0 ? paragraph.open[low - 1]! : -1;
    if (open < 0) return false;
    if (paragraph.lastMark >= pos) return true;
    return paragraph.firstText >= open;
  };
}
