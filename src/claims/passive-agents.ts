/**
 * The agent of a passive cue set apart from it by a complement ("was called a fraud by two rivals", "was
 * endorsed on Friday by the union", "were described to him by a reporter"): the "by" that opens it.
 */
import { CUE_VERBS } from './lexicon.js';
import { isQuote, type Token } from './tokens.js';

/** Most words between a passive cue and the "by" of its agent. */
const MAX_GAP = 5;

/** Words that open another clause or a second verb's phrase: the "by" after them is no longer the cue's. */
const GAP_STOP = /^(?:that|which|who|whom|whose|where|when|while|because|although|though|if|whether|and|but|or|nor|so|than|as|unless|being|having|only)$/;
/** Irregular participles: a second verb between the cue and "by" ("a luncheon held by", "documents made public by"). */
const IRREGULAR = /^(?:held|made|written|given|taken|known|shown|seen|done|put|set|kept|brought|bought|sent|found|told|said|paid|built|led|run|won|lost|hit|cut|left|read|heard|thought|meant|won|drawn|driven|chosen|spoken|broken|beaten|begun|sung|struck|caught|taught|sold|spent|sworn|torn|worn|hung)$/;
/** After "to", what makes it a preposition ("described to him by", "sentenced to two years by"), not an infinitive. */
const TO_OBJECT = /^(?:him|her|them|me|us|it|the|a|an|his|its|their|our|my|your|this|that|these|those|some|all|\d.*)$/;

/**
 * After the passive cue ending at `cueEnd`, the index of the "by" opening its agent across a complement of at most
 * {@link MAX_GAP} words ("called a fraud by", "endorsed the day before by"), or -1. The words between may hold no
 * punctuation but a closed quotation ("labeled a “witch hunt” by"), no clause word ("that", "and", "to") and no
 * second verb (a participle or an -ing form, or another cue: "asked about an interview published by").
 * `as` is allowed only right after the cue ("confirmed as a passenger by", "described as reckless by").
 */
export function gapAgentBy(toks: readonly Token[], cueEnd: number): number {
  let open = false;
  for (let k = cueEnd + 1; k < toks.length && k <= cueEnd + MAX_GAP + 1; k++) {
    const t = toks[k]!;
    if (t.lower === 'by') return k > cueEnd + 1 && !open ? k : -1;
    if (isQuote(t)) {
      open = !open;
      continue;
    }
    if (!t.word) {
      if (open && t.text !== ',' && t.text !== '.' && t.text !== ';' && t.text !== ':') continue;
      if (open && t.text === ',') continue;
      return -1;
    }
    if (open) continue;
    if (t.lower === 'as' && k === cueEnd + 1) continue;
    if (GAP_STOP.test(t.lower) || IRREGULAR.test(t.lower)) return -1;
    if (t.lower === 'to' && !(toks[k + 1]?.cap || TO_OBJECT.test(toks[k + 1]?.lower ?? ''))) return -1;
    // A second verb: its "by" would be its own ("an interview published by", "by saying").
    if (!t.cap && (/(?:ed|ing)$/.test(t.lower) || CUE_VERBS.has(t.lower)) && !/^(?:need|speed|seed|feed|bed|red|hundred|thing|morning|evening|something|nothing|anything|everything|meeting|building|king|spring|string|ring|wedding|hearing|briefing|ruling|funding|spending|polling|voting|rating|ceiling|during)$/.test(t.lower)) return -1;
  }
  return -1;
}

/** Forms of "be" that make a participle after them passive ("was criticized", "weren't told"). */
export const PASSIVE_BE: readonly string[] = ['was', 'were', 'is', 'are', 'been', 'be', 'being', "isn't", "wasn't", "aren't", "weren't", 'isn’t', 'wasn’t', 'aren’t', 'weren’t'];
/** Auxiliaries of a passive: forms of "be", and of "get" ("got criticized by"). */
const PASSIVE_HEAD = new Set([...PASSIVE_BE, 'am', 'got', 'get', 'gets', 'getting', 'gotten']);
/** Adverbs that may stand between the auxiliary and the participle ("was widely criticized"). */
const INNER_ADVERB = /^(?:also|not|never|even|just|again|then|still|only|both|all|[a-z]+ly)$/;
/** Words after "by" that name a means of speaking or a way of comparing, not a speaker ("by phone", "by contrast"). */
export const MEANS: ReadonlySet<string> = new Set(['telephone', 'phone', 'email', 'e-mail', 'text', 'video', 'videolink', 'satellite', 'letter', 'mail', 'fax', 'twitter', 'radio', 'television', 'name', 'way', 'means', 'contrast', 'comparison', 'far']);

/**
 * Participles of feeling ("was delighted by", "have been outraged by"): the subject is moved, and holds the attitude —
 * in PolNeAR its source.
 */
const FEELING = /^(?:delighted|outraged|pleased|displeased|disappointed|encouraged|discouraged|alarmed|troubled|disturbed|frustrated|impressed|unimpressed|surprised|shocked|angered|enraged|worried|concerned|dismayed|heartened|moved|unmoved|offended|convinced|persuaded|amused|bothered|confused|excited|interested|inspired|saddened|stunned|thrilled|annoyed|appalled|baffled|horrified|irritated|puzzled|relieved|satisfied|scared|frightened|embarrassed|intrigued|tempted|touched|struck|incensed|infuriated|irked|galled|perplexed|mystified|taken|swayed|reassured|emboldened|energized|energised|motivated|driven|fascinated|disgusted|gratified|humbled|honored|honoured|flattered|insulted|hurt|vexed|rattled|spooked|unnerved|exasperated|angry)$/;

/**
 * Whether the tokens `from`..`to` (a cue a model proposed: "was supported", "is backed by", "got" before "dinged by")
 * are a passive verb group whose agent follows "by": a form of "be" or "get" (inside the cue or right before it,
 * adverbs between), a regular participle (inside the cue or right after it) and "by" before a word that is no means
 * ("by phone"). Its subject, before the cue, is never the speaker.
 */
export function passiveByCue(toks: readonly Token[], from: number, to: number): boolean {
  // The participle: the cue's last word, the one before a closing "by", or the word right after the cue.
  let verb = toks[to]?.lower === 'by' ? to - 1 : to;
  if (PASSIVE_HEAD.has(toks[verb]?.lower ?? '') && verb === to) verb = to + 1;
  const by = verb + 1;
  const part = toks[verb];
  if (toks[by]?.lower !== 'by' || !part?.word || part.cap || !/(?:ed|en|wn)$/.test(part.lower) || FEELING.test(part.lower)) return false;
  const agent = toks[by + 1];
  if (!agent?.word || MEANS.has(agent.lower)) return false;
  let k = verb - 1;
  while (k >= 0 && toks[k]!.word && INNER_ADVERB.test(toks[k]!.lower)) k--;
  return k >= from - 1 && k <= to && PASSIVE_HEAD.has(toks[k]?.lower ?? '');
}
