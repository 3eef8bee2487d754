/**
 * The object of a reporting verb and what it makes of the verb's stance: "rejected the offer" and
 * "questioned Pence about the plan" are acts, not disputes of a claim; "contesting Nevada" is a
 * campaign. Read over the rules' tokens, a few words after the verb.
 */
import { DETERMINERS, OBJECT_HEAD } from './words.js';
import { rule } from './rules.js';
import type { Token } from './tokens.js';
import type { Stance } from './types.js';

/** Words that end the object of a push-back verb ("challenged Trump to …", "dismissed him as …", "questioned her about …"). */
const OBJECT_STOP = new Set(['that', 'whether', 'to', 'for', 'of', 'about', 'on', 'over', 'in', 'at', 'by', 'with', 'from', 'as', 'and', 'or', 'but', 'who', 'which', 'after', 'before', 'during', 'because', 'when', 'while', 'if', 'since', 'saying', 'calling', 'arguing']);
/** Words of running for office ("challenged her when she ran for a second term"). */
export const RUNNING = new Set(['ran', 'run', 'runs', 'running', 'race', 'term', 'seat', 'primary', 'election', 'reelection', 're-election', 'nomination', 'caucus', 'caucuses']);
/** Object pronouns standing for a person. */
const PERSON_OBJECT = new Set(['him', 'her', 'them', 'me', 'us', 'you']);
/** Auxiliaries before a passive participle ("was questioned"). */
export const PASSIVE_BEFORE = new Set(['was', 'were', 'been', 'being', 'be', 'is', 'are', 'am', 'get', 'got', 'gets', 'getting']);

/** The object of a verb as push-back stance reads it: its listed head word, whether it names a person or a place, and the word ending it. */
export interface ObjectShape {
  /** The first word of the object found in an OBJECT_HEAD list, lower-cased. */
  head: string | null;
  /** The object is a pronoun or a name (capitalised words, not a possessive). */
  person: boolean;
  /** The object is a bare name, capitalised words without a possessive ("Ohio", "New Hampshire", "Ames"). */
  name: boolean;
  /** The word ending the object ("to", "as", "about" …), or null at punctuation or the end. */
  stop: string | null;
  /** Index of the stop word, or of the head word; -1 when there is none. */
  stopAt: number;
  headAt: number;
}

/**
 * Reads the object after a cue ending at token `cueEnd`: at most 10 tokens, up to a stop word or punctuation.
 * In a wire headline in capitals (`wire`) a listed head is found inside the capitals ("REJECTS ALL OFFERS").
 */
export function objectShape(toks: readonly Token[], cueEnd: number, wire = false): ObjectShape {
  let head: string | null = null;
  let stop: string | null = null;
  let stopAt = -1;
  let headAt = -1;
  const names: Token[] = [];
  let possessive = false;
  let others = 0;
  for (let k = cueEnd + 1; k < Math.min(toks.length, cueEnd + 11); k++) {
    const t = toks[k]!;
    if (t.lower === "'s" || t.lower === "'" || t.text === '’') { possessive = true; continue; }
    if (!t.word) break;
    if (OBJECT_STOP.has(t.lower)) { stop = t.lower; stopAt = k; break; }
    const cap = t.cap && !wire;
    // A capitalised head word inside a name ("County Committee Chair", "Judge Omar Sato") is no head.
    const inName = cap && !!toks[k + 1]?.cap && toks[k + 1]!.word;
    if (!inName) for (const set of OBJECT_HEAD.values()) if (set.has(t.lower)) (head = t.lower), (headAt = k);
    if (head) break;
    const named = PERSON_OBJECT.has(t.lower) || (t.cap && !DETERMINERS.has(t.lower));
    // A name ends where a lower-case word follows it ("contesting Nevada this autumn") — unless the name
    // qualifies a listed head after it ("its new OPEC production quota", "an Interior Department draft plan").
    if (!named && names.length > 0 && !PERSON_OBJECT.has(names.at(-1)!.lower)) {
      const at = qualifiedHead(toks, k, cueEnd + 11);
      if (rule('stance.name-before-head', at >= 0)) (head = toks[at]!.lower), (headAt = at), (names.length = 0);
      break;
    }
    if (named) names.push(t);
    else others++;
  }
  const bare = names.length > 0 && !possessive && others === 0;
  const person = bare && !head && (PERSON_OBJECT.has(names[0]!.lower) || names.every((t) => t.cap));
  const name = bare && !head && names.every((t) => t.cap && !PERSON_OBJECT.has(t.lower));
  return { head, person, name, stop, stopAt, headAt };
}

/** A listed head word of an object from token `k` on, before any stop word, punctuation or token `limit`, in lower case only; -1 when none. */
function qualifiedHead(toks: readonly Token[], k: number, limit: number): number {
  for (let j = k; j < Math.min(toks.length, limit); j++) {
    const t = toks[j]!;
    if (!t.word || OBJECT_STOP.has(t.lower) || (t.cap && !/^[\p{Lu}.&-]+$/u.test(t.text))) return -1;
    for (const set of OBJECT_HEAD.values()) if (set.has(t.lower)) return j;
  }
  return -1;
}

/** Verb forms and relatives between a rejected noun and its verb ("offer, which had been rejected"; "models rejected"). */
const BEFORE_REJECTED = /^(?:which|that|was|were|is|are|been|be|being|has|have|had|already|also|since|later|earlier|flatly|,)$/;

/**
 * Whether the push-back verb at `c` hangs on a proposal named before it: the listed noun right before the
 * verb, or before a relative or passive run ("offer, which had been rejected by", "bid that Lee rejected").
 */
function proposalBefore(toks: readonly Token[], c: number): boolean {
  let k = c - 1;
  // "that Chemlawn has already rejected": a subject inside the relative clause.
  const relative = toks.slice(Math.max(0, c - 6), c).findIndex((x) => x.lower === 'that' || x.lower === 'which');
  if (relative >= 0) k = Math.max(0, c - 6) + relative - 1;
  while (k >= 0 && BEFORE_REJECTED.test(toks[k]!.lower)) k--;
  // "offer for JWT, which …": the name the noun is for.
  const from = k;
  while (k >= 0 && from - k < 4 && toks[k]!.cap) k--;
  if (k < from && /^(?:for|of|from|by)$/.test(toks[k]?.lower ?? '')) k--;
  else k = from;
  const t = toks[k];
  return !!t && (inList('proposal', t.lower) || inList('act', t.lower));
}

export const inList = (kind: string, word: string | null): boolean => !!word && !!OBJECT_HEAD.get(kind)?.has(word);

/**
 * A push-back verb's stance by what it takes as object: rejecting a proposal or a person, challenging
 * someone to something, questioning someone about something, denying access are acts, not disputes of a claim.
 */
export function objectStance(toks: readonly Token[], site: { lemma: string; c: number; cueEnd: number }, stance: Stance, wire: boolean): Stance {
  if (stance !== 'denies' && stance !== 'disputes') return stance;
  const { lemma, c, cueEnd } = site;
  const declining = lemma === 'reject' || lemma === 'dismiss' || lemma === 'rebuff';
  if (!declining && lemma !== 'deny' && lemma !== 'challenge' && lemma !== 'question') return stance;
  const object = objectShape(toks, cueEnd, wire);
  // "the idea of a wage hike", "a suggestion of talks" is a proposal; "the idea that …" a claim.
  const ideaOf = /^(?:idea|suggestions?)$/.test(object.head ?? '') && /^(?:of|for)$/.test(toks[object.headAt + 1]?.lower ?? '');
  const claim = inList('claim', object.head) && !ideaOf;
  // "rejected a proposal for one final debate", "dismissed Obama's actions", "rebuffed several requests": declining or criticising.
  if (rule('stance.rejects-proposal', declining && !claim && (inList('proposal', object.head) || inList('act', object.head) || ideaOf))) return 'asserts';
  // "the offer, which Chemlawn rejected as inadequate", "Commission proposals, rejected by ministers": with no object
  // after the verb, what is rejected is the noun the passive or the relative clause hangs on.
  if (rule('stance.rejected-before', declining && !object.head && !object.person && proposalBefore(toks, c))) return 'asserts';
  // "denied access", "denied the request": a refusal, not a denial that something is so.
  if (rule('stance.denies-refusal', lemma === 'deny' && !claim && inList('refusal', object.head))) return 'asserts';
  // "rejected Donald Trump", "dismissed him as a clown": opposing or belittling a person, not denying a claim.
  if (rule('stance.rejects-person', declining && object.person && object.stop !== 'that')) return 'asserts';
  // "challenged Trump to a one-on-one debate": a dare or an invitation.
  if (rule('stance.challenge-dare', lemma === 'challenge' && !claim && object.stop === 'to')) return 'asserts';
  // "questioned Pence about the plan", "was questioned on the attack": asking or being asked, not doubting.
  const passive = PASSIVE_BEFORE.has(toks[c - 1]?.lower ?? '') || (toks[c - 1]?.lower === 'not' && PASSIVE_BEFORE.has(toks[c - 2]?.lower ?? ''));
  if (rule('stance.question-asking', lemma === 'question' && ((object.person && (object.stop === 'about' || object.stop === 'on' || object.stop === 'over')) || (passive && (object.stop === 'about' || object.stop === 'on' || object.stop === 'by' || object.stop === 'over' || object.stop === 'for'))))) return 'asserts';
  return stance;
}
