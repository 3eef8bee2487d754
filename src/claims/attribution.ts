/**
 * Attribution: finds reported statements (cue, source, content) in sentences of plain text.
 *
 * Rules over a regex tokenizer and closed word classes rather than a tagger, because this runs on
 * every article at ingest. A sentence is only tokenized when a cheap cue regex matches it.
 *
 * @example
 * const found = findStatements(text, sentences);
 * found[0].claimant; // "HUR spokesperson Andrii Yusov"
 */
import type { Span } from '../core/types.js';
import { objectStance } from './object-stance.js';
import { offBodyTest, resolveClaimants } from './claimants.js';
import { CUE_PREFILTER, DENIAL_WORDS, OUTLET_DISPUTE, verdictSaid } from './lexicon.js';
import { allCaps, lyAdverb, quotedTokens, span, titleCase, trimSpan } from './phrases.js';
import { quoteParagraphs } from './quote-paragraphs.js';
import { rule } from './rules.js';
import { PUSH_BACK } from './verbs.js';
import { colonStatement, dashBylines, embeddedClaim, namedQuote, nominalClaimSource } from './side-statements.js';
import { shippedChooser, type SourceChooser } from './model/choose.js';
import { shippedTagger, type CueTagger } from './model/tagger.js';
import { growCues, shippedEdges, type CueEdges } from './model/cue-edges.js';
import { type Token, unitTokens } from './tokens.js';
import type { RawStatement as Raw, Statement } from './types.js';
import { unitsOf, type SentenceLike, type Unit } from './units.js';
import type { UnitScan } from './scan.js';
import { accordingTo, pollReport } from './according-polls.js';
import { cueAt, negatedCue, senseVetoed, wordVetoed } from './cues.js';
import { findSpeaker } from './speakers.js';
import { objectGapRelative } from './subject-shapes.js';
import { clipContents, contentSpan, quotationIndex } from './content-spans.js';

export type { SentenceLike };
export { negatedCue };

/** Options for `findStatements`. */
export interface FindOptions {
  /** Also return the outlet's own unattributed assertions, one per remaining sentence. @defaultValue false */
  outletStatements?: boolean;
  /** The outlet, used as claimant of its own statements. @defaultValue null */
  outlet?: string | null;
  /** Keep attributed statements whose source is not stated ("it was reported that"). @defaultValue true */
  keepSourceless?: boolean;
  /**
   * Statements reported inside another statement's content. `true` keeps them all; `false` drops
   * them all (for scoring against univocal gold such as PolNeAR, where a token is in one attribution
   * only); `'claims'` (what `/claim` shows) drops a statement reported inside another speaker's claim
   * ("Mook asserted that Trump tells so many lies …": Mook's claim, not Trump's), but keeps a claim a
   * denial answers ("X denied claims by Y that …") and one a channel passes on ("…, Smith said,
   * Reuters reported", "according to the Times, Smith said").
   * @defaultValue 'claims'
   */
  nested?: boolean | 'claims';
  /**
   * Keep attributions in PolNeAR's wider sense that are not claims: actions and decisions reported
   * with a speech verb ("agreed to meet", "declined to comment"), positions and intentions ("wants",
   * "opposed", "sought"), acts of record ("issued", "released"), mid-sentence polls. PolNeAR
   * annotates them; `/claim` does not show them. @defaultValue false
   */
  actions?: boolean;
  /**
   * Keep negated cues ("have not said", "do not show that"): PolNeAR annotates them as attributions,
   * but their subject asserts nothing, so `/claim` does not show them. @defaultValue false
   */
  negated?: boolean;
  /**
   * Who has the last word on each cue's source: the learned model shipped with the rules
   * (`'shipped'`, used when its weights are present), another chooser, or the rules alone (null).
   * @defaultValue 'shipped'
   */
  chooser?: SourceChooser | 'shipped' | null;
  /**
   * Proposes the cues the rules missed, in PolNeAR's wider scope only (with `actions`): the learned
   * cue tagger shipped with the rules (`'shipped'`, used when its weights are present), another
   * tagger, or none (null). On dev it adds 24 sources, 16 of them exact (source exact F1 0.742 →
   * 0.746; its proposals taken alone are right far less often than the rules' statements), too
   * loose for `/claim`, so `/claim` (without `actions`) never runs it. @defaultValue 'shipped'
   */
  tagger?: CueTagger | 'shipped' | null;
  /**
   * Cue edges in PolNeAR's convention ("has also said", "called for"), in PolNeAR's wider scope
   * only (with `actions`): the learned edges shipped with the rules (`'shipped'`, used when present),
   * others, or none (null). They move no source or content. @defaultValue 'shipped'
   */
  cueEdges?: CueEdges | 'shipped' | null;
}

const defaultOptions: Required<FindOptions> = { outletStatements: false, outlet: null, keepSourceless: true, nested: 'claims', actions: false, negated: false, chooser: 'shipped', tagger: 'shipped', cueEdges: 'shipped' };

/** Words every outlet-dispute phrase contains, tested before the full pattern. */
const DISPUTE_HINT = /verif|confirm|corroborat|without|unverified|unsubstantiated/i;

/**
 * `objectGapRelative` for a source span before the cue at `c`: the speaker's name within the source ("Lund" of "the
 * phrase Lund"), which a later pronoun or surname may stand for; null when the cue is no such relative clause's.
 */
function gapRelative(toks: readonly Token[], source: Span, c: number, cueEnd: number): Span | null {
  // (Walked back from the cue over the source alone: no scan of the whole unit per statement.)
  let to = c - 1;
  while (to >= 0 && toks[to]!.end > source.end) to--;
  let from = to;
  while (from > 0 && toks[from - 1]!.start >= source.start) from--;
  if (to < 0 || toks[from]!.start < source.start) return null;
  const name = objectGapRelative(toks, from, to, cueEnd);
  return name < 0 ? null : { start: toks[name]!.start, end: toks[to]!.end };
}

/** Finds the statements in one unit of text: side statements first, then each cue in token order. */
function scanUnit(text: string, unit: Unit, actions: boolean, negated: boolean): Raw[] {
  const toks = unitTokens(text, unit.start, unit.end);
  const scan: UnitScan = { text, unit, toks, actions, negated, wire: !!unit.title && allCaps(toks), out: [], taken: new Set<number>(), questions: new Set<number>() };
  const { out, taken } = scan;
  const questions: Raw[] = [];
  const quoted = quotedTokens(toks);
  colonStatement(text, toks, unit, out, actions);
  namedQuote(text, toks, unit, out);
  for (let c = 0; c < toks.length; c++) {
    const cueWord = toks[c]!;
    // Words inside a quotation are the quoted speaker's, not reporting ("I think" in a quote).
    if (!cueWord.word || taken.has(c) || quoted[c]) continue;
    const according = accordingTo(scan, c);
    if (according !== undefined) {
      c = according;
      continue;
    }
    const poll = pollReport(scan, c);
    if (poll !== undefined) {
      c = poll;
      continue;
    }
    const site = cueAt(scan, c);
    if (!site || wordVetoed(scan, site) || senseVetoed(scan, site)) continue;
    if (site.lemma === 'point') site.cueEnd++;
    const speaker = findSpeaker(scan, site);
    // A source veto dropped the statement ("what he calls …", an attitude without its holder).
    if (!speaker) continue;
    // "Port Board Finally Backs Fee Cut": in a title-case line an adverb before the cue is no part of the name.
    if (speaker.source && (unit.title || titleCase(toks)) && c >= 2 && toks[c - 1]!.end === speaker.source.end && toks[c - 1]!.cap && lyAdverb(toks[c - 1]!.lower) &&
      toks[c - 2]!.start >= speaker.source.start && toks[c - 2]!.word && rule('source.title-case-adverb', true)) {
      if (speaker.name?.end === speaker.source.end) speaker.name = { start: speaker.name.start, end: toks[c - 2]!.end };
      speaker.source = { start: speaker.source.start, end: toks[c - 2]!.end };
    }
    const { cueEnd, lemma } = site;
    // "the phrase Lund cited on Monday", "anything the mayor said": a relative clause whose object went before it says
    // nothing; like a question put to someone, it is no statement, but it names its speaker (the name alone, never "the
    // phrase Lund") for a later pronoun or surname.
    const gap = speaker.source && speaker.source.end <= cueWord.start && site.stance !== 'denies' && site.stance !== 'disputes' ? gapRelative(toks, speaker.source, c, cueEnd) : null;
    const gapped = rule('source.object-gap-relative', !!gap);
    if (gapped) {
      speaker.source = gap;
      delete speaker.name;
    }
    const { source, name, apposition, antecedent, sameAsPrevious } = speaker;
    const question = scan.questions.has(c) || gapped;
    // (A question put to the speaker holds nothing said: no statement nests in it.)
    const content = question ? { start: cueWord.end, end: cueWord.end } : contentSpan(scan, site, speaker);
    let stance = site.stance;
    // Verdict words turn "said"/"called" into a denial; only inside what follows as the content ("…," Lee said,
    // repeating a false claim: the outlet's verdict on Lee's claim, which Lee asserts).
    // ("Traders said rumours were fed by …": after "said" the word must be a verdict on something, not a thing talked of.)
    const after = text.slice(cueWord.end, Math.min(unit.end, cueWord.end + 60));
    if (stance === 'asserts' && (lemma === 'call' || lemma === 'say' || lemma === 'describe' || lemma === 'dismiss') && DENIAL_WORDS.test(after) &&
      !rule('stance.verdict-outside-content', content.end <= cueWord.start) && !rule('stance.verdict-not-predicate', lemma === 'say' && !verdictSaid(after))) stance = 'denies';
    stance = objectStance(toks, site, stance, scan.wire);
    let answers: Span | undefined;
    if (stance === 'denies' || stance === 'disputes') answers = nominalClaimSource(toks, cueEnd + 1);
    for (let k = c; k <= cueEnd; k++) taken.add(k);
    // (A question put to the speaker joins the unit's statements after the scan: no later cue reads it as the previous one.)
    (question ? questions : out).push({ cue: span(toks, c, cueEnd), source, content, unit, stance, lemma, ...(speaker.quoted ? { quoted: true } : {}), ...(question ? { question: true } : {}), ...(speaker.quoter ? { quoter: speaker.quoter } : {}), ...(name ? { name } : {}), ...(apposition ? { apposition } : {}), ...(answers ? { answers } : {}), ...(sameAsPrevious ? { sameAsPrevious } : {}), ...(antecedent ? { antecedent } : {}) });
    // "denied claims by X that C": X's claim is a statement of its own.
    const nominal = embeddedClaim(text, toks, cueEnd + 1, unit);
    if (nominal) {
      out.push(nominal.raw);
      taken.add(nominal.index);
    }
  }
  out.push(...questions);
  clipContents(text, out);
  return out;
}

/**
 * Finds reported statements in `text`, sentence by sentence.
 * @param text - the full text; all spans point into it
 * @param sentences - sentence spans in order; with `kind`, only title/standfirst/body count
 * @param options - see `FindOptions`
 * @returns statements in text order, claimants resolved within the text
 */
export function findStatements(text: string, sentences: readonly SentenceLike[], options: FindOptions = {}): Statement[] {
  const opts = { ...defaultOptions, ...options };
  const raws: Raw[] = [];
  const outletUnits: Unit[] = [];
  const units = unitsOf(text, sentences);
  for (let u = 0; u < units.length; u++) {
    const unit = units[u]!;
    const body = text.slice(unit.start, unit.end);
    let found: Raw[] = [];
    if (CUE_PREFILTER.test(body)) found = scanUnit(text, unit, opts.actions, opts.negated);
    for (const b of dashBylines(text, units, u)) if (!found.some((f) => f.source && f.source.start < b.source!.end && b.source!.start < f.source.end)) found.push(b);
    const dispute = DISPUTE_HINT.test(body) ? OUTLET_DISPUTE.exec(body) : null;
    const disputeAt = dispute ? unit.start + dispute.index : -1;
    // "… is unsubstantiated, according to the journal": the push-back is the journal's, inside its content.
    if (dispute && !rule('outlet.dispute-in-content', found.some((f) => f.source && f.content.start <= disputeAt && disputeAt < f.content.end))) {
      const cue = { start: disputeAt, end: disputeAt + dispute[0].length };
      found.push({ cue, source: null, content: trimSpan(text, unit.start, unit.end), unit, stance: 'disputes', lemma: 'outlet' });
    }
    if (!found.length) outletUnits.push(unit);
    raws.push(...found);
  }
  const chooser = opts.chooser === 'shipped' ? shippedChooser() : opts.chooser;
  // (Questions put to a speaker are no cue the model was trained on: it reviews the rest, as it did before they were kept.)
  const asked = raws.filter((r) => !r.question);
  const reviewed = chooser ? chooser(text, units, asked) : asked;
  let next = 0;
  const ruled = asked.length === raws.length ? reviewed : raws.map((r) => (r.question ? r : reviewed[next++]!));
  const tagger = !opts.actions ? null : opts.tagger === 'shipped' ? shippedTagger() : opts.tagger;
  const chosen = tagger ? tagger(text, units, ruled, { negated: opts.negated, isNegated: negatedCue }) : ruled;
  // A unit where the tagger found a statement is no longer the outlet's own reporting.
  if (chosen !== ruled) {
    const tagged = new Set(chosen.map((r) => r.unit.start));
    for (let i = outletUnits.length - 1; i >= 0; i--) if (tagged.has(outletUnits[i]!.start)) outletUnits.splice(i, 1);
  }
  const inside = quotationIndex(text);
  // Names in the headline, captions and teasers never resolve a body statement's claimant.
  const offBody = offBodyTest(sentences.filter((x) => x.kind && x.kind !== 'body' && x.kind !== 'standfirst'));
  const reported = chosen.filter((r) => r.lemma === 'byline' || !inside(r.cue.start));
  // Quote-only paragraphs: the speaker carried from the paragraph before, or an unattributed quotation.
  let quoted = quoteParagraphs(text, units, sentences, reported);
  const quotedUnits = new Set(quoted.map((q) => q.unit.start));
  // "The Times reports:" with nothing after the colon says what the quotation paragraph below it
  // says: one statement quoting both, never the introducer alone left as the outlet's reporting.
  quoted = quoted.filter((q) => {
    const from = q.carriedFrom;
    if (!from || from.unit.end > q.unit.start || !/:\s*$/.test(text.slice(from.unit.start, from.unit.end))) return true;
    const own = trimSpan(text, from.content.start, from.content.end);
    if (!rule('quote.introducer-takes-paragraph', own.end - own.start <= 1)) return true;
    from.content = q.content;
    from.unit = { start: from.unit.start, end: q.unit.end, sentence: from.unit.sentence, title: from.unit.title };
    return false;
  });
  const ordered = quoted.length ? [...reported, ...quoted].sort((a, b) => a.unit.start - b.unit.start || a.cue.start - b.cue.start) : reported;
  const statements = resolveClaimants(text, ordered, opts.outlet, offBody);
  // "They’re saying", "I'd add": the pronoun is the source as written; the contracted verb is not part of it
  // (its claimant was resolved from the pronoun: claimant.contracted-pronoun).
  for (const s of statements) {
    const contracted = s.source ? /^(?:i|you|we|they|he|she|who|it)(?=['’](?:ve|re|d|ll|m)$)/i.exec(text.slice(s.source.start, s.source.end)) : null;
    if (s.source && rule('source.pronoun-contraction', !!contracted)) s.source = { start: s.source.start, end: s.source.start + contracted![0].length };
  }
  // "X rejected the offer, saying it was too low", "Y denied the report, adding …": what the participle says is the
  // pushing-back speaker's own claim; it takes their source, so /claim shows it (the push-back holds only its object).
  if (opts.nested === 'claims') {
    statements.forEach((s, i) => {
      const r = ordered[i]!;
      const p = statements[i - 1];
      const pr = ordered[i - 1];
      const participle = SPEECH_PARTICIPLES.test(text.slice(s.cue.start, s.cue.end)) && /,\s*$/.test(text.slice(Math.max(s.span.start, s.cue.start - 3), s.cue.start));
      if (s.kind !== 'attributed' || s.source || !r.sameAsPrevious || !s.claimant || !p?.source || !pr || p.span.start !== s.span.start || p.claimant !== s.claimant) return;
      // ("He was being questioned by the panel about testimony …, saying …": the passive's agent did not say it.)
      const passive = /\b(?:was|were|been|being|is|are|be)\s+$/i.test(text.slice(Math.max(p.span.start, p.cue.start - 8), p.cue.start));
      if (rule('claim.push-back-participle', participle && !passive && PUSH_BACK.has(pr.lemma) && p.content.end <= s.cue.start)) s.source = p.source;
    });
  }
  // A question put to the speaker ("X was asked whether …") named them for a later pronoun; it is no statement.
  const questions = new Set(statements.filter((_, i) => ordered[i]?.question));
  let kept = statements.filter((s) => (opts.keepSourceless || s.kind !== 'attributed' || s.source) && !questions.has(s));
  // A headline reports one statement: "X Says Museum Will Tell …" is X's, not the museum's too.
  const titles = new Set(units.filter((u) => u.title).map((u) => u.start));
  kept = kept.filter((s) => !(titles.has(s.span.start) && rule('headline.one-statement', kept.some((o) => o !== s && o.kind === 'attributed' && o.content.start <= s.cue.start && s.cue.end <= o.content.end))));
  if (opts.nested === 'claims') {
    const index = new Map(statements.map((s, i) => [s, i]));
    // Statements by the sentence they stand in: only those of the same sentence can hold one another.
    const bySentence = new Map<number, number[]>();
    statements.forEach((s, i) => { const here = bySentence.get(s.span.start); if (here) here.push(i); else bySentence.set(s.span.start, [i]); });
    // (A headline's inner cue is left to headline.one-statement.)
    kept = kept.filter((s) => titles.has(s.span.start) || !reportedInside(text, ordered, statements, bySentence.get(s.span.start)!, index.get(s)!));
    // "X denied giving an interview which quoted him as saying …", "X rejected a report quoting her as saying …":
    // the quotation is what X denies, never X's own assertion.
    kept = kept.filter((s) => !(ordered[index.get(s)!]?.quoted && s.source && rule('claim.quoted-inside-denial', statements.some((o) =>
      o !== s && o.kind === 'attributed' && o.span.start === s.span.start && (o.stance === 'denies' || o.stance === 'disputes') && o.cue.end <= s.source!.start &&
      DENIED_QUOTE.test(text.slice(o.cue.end, s.source!.start))))));
  }
  if (!opts.nested) {
    const inside = (a: Span, b: Span) => a.start >= b.start && a.end <= b.end;
    // A statement inside another's content whose speaker no other statement names ("…,” Sanders said, according to
    // CNN", "…, which he claimed as …") is an attribution of its own, as PolNeAR annotates it — once a source model
    // has reviewed the sources: the rules alone name a speaker inside a content far too often (train: 123 of 778
    // right, against 111 of 222 after the shipped model).
    const speakers = new Map<string, number>();
    const sourceKey = (src: Span) => `${src.start}:${src.end}`;
    for (const s of kept) {
      if (!s.source) continue;
      const key = sourceKey(s.source);
      speakers.set(key, (speakers.get(key) ?? 0) + 1);
    }
    const ownSpeaker = (s: Statement) => !!chooser && s.kind === 'attributed' && !!s.source && s.cue.end > s.cue.start && speakers.get(sourceKey(s.source)) === 1;
    kept = kept.filter((s) => !kept.some((o) => o !== s && o.kind === 'attributed' && inside(s.cue, o.content) && !inside(o.cue, s.content)) || rule('nested.own-speaker', ownSpeaker(s)));
  }
  if (opts.outletStatements) {
    for (const unit of outletUnits) {
      if (quotedUnits.has(unit.start)) continue;
      const content = trimSpan(text, unit.start, unit.end);
      if (content.end <= content.start) continue;
      kept.push({
        cue: { start: unit.start, end: unit.start }, source: null, content, span: { start: unit.start, end: unit.end },
        sentence: unit.sentence, claimant: opts.outlet, claimantKeys: opts.outlet ? [opts.outlet.toLowerCase()] : [],
        stance: 'asserts', kind: 'outlet',
      });
    }
    kept.sort((a, b) => a.span.start - b.span.start || a.cue.start - b.cue.start);
  }
  const edges = !opts.actions ? null : opts.cueEdges === 'shipped' ? shippedEdges() : opts.cueEdges;
  return edges ? growCues(edges, text, units, kept) : kept;
}

/** Participles that say something ("…, saying", "…, calling it …"), after a push-back on an object. */
const SPEECH_PARTICIPLES = /^(?:saying|adding|arguing|noting|insisting|stating|explaining|contending|calling|declaring|warning|asserting|maintaining|complaining|charging|claiming|accusing|describing|citing|implying|predicting|stressing)$/i;

/** Between a denial's cue and the person quoted: its object quoting them, in one clause ("… giving an interview which quoted"). */
const DENIED_QUOTE = /^[^,;:.!?"“”]*?\bquot(?:ed|ing)\s*$/i;

/** Cues that pass on someone else's statement rather than make a claim ("Reuters reported", "according to"). */
const CHANNEL_LEMMAS = new Set(['according', 'report']);

/**
 * Whether statement `i` is reported inside another statement's content: the other speaker's claim
 * about it, not a claim of its own ("Mook asserted that Trump tells so many lies …"). A claim that a
 * denial answers ("denied claims by Y that …") and one a channel passes on ("…, Smith said, Reuters
 * reported") stand on their own. `raws[k]` is the raw statement `statements[k]` was resolved from;
 * `sameSentence` the indexes of the statements standing in statement `i`'s sentence (linear per sentence).
 */
function reportedInside(text: string, raws: readonly Raw[], statements: readonly Statement[], sameSentence: readonly number[], i: number): boolean {
  const s = statements[i]!;
  if (s.kind !== 'attributed') return false;
  const within = (a: Span, b: Span) => a.start >= b.start && a.end <= b.end;
  return sameSentence.some((k) => {
    const o = statements[k]!;
    if (k === i || o.kind !== 'attributed' || o.span.start !== s.span.start || !o.source) return false;
    if (!within(s.cue, o.content) || within(o.cue, s.content)) return false;
    // (Someone quoted by a report the speaker mentions, "commenting on a report quoting X as saying …", stays X's claim.)
    if (rule('content.quoting-clause', !!raws[i]!.quoted)) return false;
    // Only a speaker who is shown reports it: an outer statement without a claimant leaves the inner one standing.
    if (!o.claimant || o.answers || CHANNEL_LEMMAS.has(raws[k]!.lemma)) return false;
    // A content before its cue is the speaker's only where the cue closes the sentence ("…, the source
    // added."), not where the sentence runs on ("…, Patriot could threaten to liquidate its properties").
    // ("…, Philips said, adding it expects …": the same speaker running on with "adding"/"saying" still closes the sentence's claim.)
    const rest = text.slice(Math.max(o.cue.end, o.source.end), o.span.end);
    if (o.content.end <= o.cue.start && !/^[^,;:—]{0,40}$/.test(rest) && !rule('claim.closing-speaker-adding', /^[^,;:—]{0,40},\s+(?:adding|saying)\b/.test(rest))) return false;
    // Two closing speakers ("…, Ambassador Kopyrkin said at a meeting, the embassy said in a statement."):
    // the second passes the first one's words on; the first is the claim.
    if (o.content.end <= o.cue.start && s.content.end <= s.cue.start) return false;
    // The same speaker twice ("he said he believes …") is one claim either way: nothing to drop.
    if (s.claimant && o.claimant === s.claimant) return false;
    return rule('claim.reported-inside', true);
  });
}
