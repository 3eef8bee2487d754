/**
 * Word lists for attribution: reporting verbs with the stance they carry, and the small closed
 * classes (determiners, auxiliaries, prepositions …) that let cheap rules find noun-phrase edges
 * without a part-of-speech tagger.
 */
import type { Stance } from './types.js';
import { VERBS } from './verbs.js';

/** How a reporting verb behaves. */
export interface CueEntry {
  lemma: string;
  stance: Stance;
  /** Speech verbs make claims; cognition verbs (think, believe) report a state of mind. */
  speech: boolean;
  /**
   * Positions and intentions ("wants", "supports", "plans"): attributions in PolNeAR's sense but not
   * claims, so `/claim` leaves them out (see `FindOptions.actions`).
   */
  position?: boolean;
  /** A belief or perception ("knows", "sees … as"): shown by `/claim`, read with the attitude rules. */
  belief?: boolean;
}

const IRREGULAR: Record<string, string[]> = {
  say: ['said', 'says', 'saying'],
  tell: ['told', 'tells', 'telling'],
  write: ['wrote', 'written', 'writes', 'writing'],
  think: ['thought', 'thinks', 'thinking'],
  find: ['found', 'finds', 'finding'],
  show: ['showed', 'shown', 'shows', 'showing'],
  speak: ['spoke', 'spoken'],
};

/** Regular inflections of a verb lemma (base, -s, -ed, -ing) using English spelling rules. */
export function inflect(lemma: string): string[] {
  if (IRREGULAR[lemma]) return [lemma, ...IRREGULAR[lemma]];
  const forms = [lemma];
  if (/[^aeiou]y$/.test(lemma)) {
    const stem = lemma.slice(0, -1);
    forms.push(`${stem}ies`, `${stem}ied`, `${lemma}ing`);
  } else if (lemma.endsWith('e')) {
    forms.push(`${lemma}s`, `${lemma}d`, `${lemma.slice(0, -1)}ing`);
  } else {
    const suffix = /(s|sh|ch|x|z)$/.test(lemma) ? 'es' : 's';
    // Doubling for short consonant-vowel-consonant verbs we list ("vow" is not one; "rebut", "admit" are).
    const double = /^(rebut|admit|refer)$/.test(lemma) || /^(?:[^aeiou]*[aeiou][bdgmnprt])$/.test(lemma);
    const stem = double ? lemma + lemma.slice(-1) : lemma;
    forms.push(`${lemma}${suffix}`, `${stem}ed`, `${stem}ing`);
  }
  return forms;
}

/** Forms that are far more often nouns than reporting verbs ("third states", "Related posts"). */
const NOUNISH_FORMS = new Set([
  'state', 'states', 'post', 'posts', 'charge', 'charges', 'point', 'points', 'question', 'questions', 'challenge',
  'challenges', 'answer', 'answers', 'comment', 'comments', 'quote', 'quotes', 'attack', 'attacks', 'doubt', 'doubts',
  'hint', 'hints', 'demand', 'demands', 'counter', 'counters', 'blast', 'blasts', 'brief', 'briefs', 'signal', 'signals',
  'estimate', 'estimates', 'promise', 'promises', 'pledge', 'pledges', 'vow', 'vows', 'report', 'fear', 'fears', 'hope',
  'hopes', 'finding', 'findings', 'showing', 'reply', 'replies', 'respond', 'remark', 'remarks', 'observe', 'muse', 'joke',
  'jokes', 'call', 'calls', 'dispute', 'disputes', 'rebuff', 'rebuffs', 'tweet', 'tweets', 'contest', 'contests', 'shown', 'finding', 'praise', 'blame', 'slam', 'tout', 'publish', 'published', 'posted', 'posting', 'charged', 'charging',
  'signaled', 'signalled', 'challenge', 'counter', 'briefed', 'briefing', 'observed', 'observing', 'observes',
  'voice', 'voices', 'voicing', 'repeat', 'repeats', 'worries', 'worry', 'label', 'labels', 'brand', 'brands',
  'credit', 'credits', 'forecast', 'forecasts', 'project', 'projects', 'projected', 'highlight', 'highlights', 'tease', 'teases',
  'dub', 'laud', 'ridicule', 'ridicules', 'scorn', 'scorns',
]);

/**
 * Beliefs, positions and intentions ("knows", "sees it as", "wants", "opposed"): attributions in
 * PolNeAR's sense but not claims. Only the forms that, measured on PolNeAR train, report an
 * attitude at least about half the time ("wants" does; "want" and "support" are mostly nouns or
 * other uses), each mapped to its lemma.
 */
const ATTITUDE_FORMS: Record<string, string> = {
  wants: 'want', wanted: 'want', wished: 'wish', prefers: 'prefer', supports: 'support', supported: 'support',
  opposes: 'oppose', opposed: 'oppose', oppose: 'oppose', favors: 'favor', favor: 'favor', backed: 'back',
  sought: 'seek', seeks: 'seek', seeking: 'seek', embraced: 'embrace', championed: 'champion',
  advocated: 'advocate', pursued: 'pursue', welcomed: 'welcome', like: 'like', liked: 'like', loves: 'love',
  aims: 'aim', want: 'want', support: 'support', prefer: 'prefer', hope: 'hope', fear: 'fear', plan: 'plan', seek: 'seek',
  worry: 'worry',
  // Preferences, stances and acts that PolNeAR train annotates with the subject as source at least
  // 60 % of the time the rules would read them (issue 14: +79 right sources of +92 on train). Kept out
  // of /claim: "Officials recount the ballots", "the dog barked" are no speech.
  preferred: 'prefer', sided: 'side', mulling: 'mull', emailed: 'email', knocked: 'knock', balked: 'balk', shrugged: 'shrug',
  sounded: 'sound', withdrew: 'withdraw', barked: 'bark', sparred: 'spar', recounted: 'recount', recounts: 'recount',
  foresee: 'foresee', opted: 'opt', paints: 'paint', demonstrates: 'demonstrate', insulted: 'insult',
  dwelled: 'dwell', foreshadowed: 'foreshadow', distanced: 'distance', pondered: 'ponder', trumpeting: 'trumpet', embraces: 'embrace',
  // Speech events and acts of record ("spoke about", "issued a statement", "released an ad").
  spoke: 'speak', talked: 'talk', talking: 'talk', talks: 'talk', offered: 'offer', shared: 'share',
  requested: 'request', listed: 'list', identified: 'identify', released: 'release',
  issued: 'issue', posted: 'post', signed: 'sign', ordered: 'order', decided: 'decide', named: 'name',
  hopes: 'hope', thanked: 'thank', pressed: 'press',
};

/**
 * Beliefs and perceptions ("knows that", "sees it as", "realized that"): states of mind like
 * "believes", so `/claim` shows them as its speaker's claims; only the forms that, measured on
 * PolNeAR train, report a belief about half the time or more, and only where the rules for
 * attitudes allow (a base form after its subject, "see"/"view" with "as" or "that").
 */
const BELIEF_FORMS: Record<string, string> = {
  knows: 'know', know: 'know', see: 'see', sees: 'see', saw: 'see', views: 'view', considers: 'consider', realized: 'realize',
  remember: 'remember', remembered: 'remember', understood: 'understand', learned: 'learn', feel: 'feel',
};

/** Every inflected form of every reporting verb, mapped to its entry. */
export const CUE_VERBS: ReadonlyMap<string, CueEntry> = (() => {
  const map = new Map<string, CueEntry>();
  for (const verb of VERBS) {
    if (!verb.cue) continue;
    const { lemma } = verb;
    const entry: CueEntry = { lemma, stance: verb.stance, speech: !verb.cognition };
    for (const form of inflect(lemma)) if (!map.has(form) && !NOUNISH_FORMS.has(form)) map.set(form, entry);
  }
  for (const [form, lemma] of Object.entries(BELIEF_FORMS)) {
    if (!map.has(form)) map.set(form, { lemma, stance: 'asserts', speech: false, belief: true });
  }
  for (const [form, lemma] of Object.entries(ATTITUDE_FORMS)) {
    if (!map.has(form)) map.set(form, { lemma, stance: 'asserts', speech: false, position: true });
  }
  // "the statement reads": only with a document as source (checked by the rules).
  map.set('reads', { lemma: 'read', stance: 'asserts', speech: true });
  map.set('read', { lemma: 'read', stance: 'asserts', speech: true });
  // "Clinton calls ISIS violence genocide", "he calls for": only after a subject (checked by the rules).
  map.set('calls', { lemma: 'call', stance: 'asserts', speech: true });
  return map;
})();

/** Cheap prefilter: a sentence without any of these can hold no attribution. */
export const CUE_PREFILTER = new RegExp(
  `\\b(?:${[...CUE_VERBS.keys()].sort((a, b) => b.length - a.length).join('|')}|according|reportedly|verified|evidence|push(?:ed|es)? back|polls?|surveys?|made|makes|making|took|takes|taking|raised|raises|raising|laid|lays|laying|shot|fired|hit|hits|lashed|lashes|weighed|weighs|chimed|sounded)\\b|:`,
  'i',
);

/** Words that mean the claim is false: "called the report fictitious". */
export const DENIAL_WORDS =
  /\b(?:fictitious|false(?:hood)?s?|baseless|groundless|untrue|fabricat(?:e|ed|es|ing|ion|ions)|fake|lies|a lie|nonsense|absurd|unfounded|disinformation|misinformation|propaganda|not true|no truth|provocation|rumou?rs?)\b/i;

/** DENIAL_WORDS, for every match in a text. */
const DENIAL_WORDS_ALL = new RegExp(DENIAL_WORDS.source, 'gi');

/** Verbs that say what something is ("was false", "seems baseless", "called it a lie"). */
const VERDICT_LINK = /^(?:is|was|are|were|be|been|being|remains?|remained|seems?|seemed|calls?|called|labell?ed|['’]s)$/i;
/** Words that cannot stand between such a verb and its verdict ("was rising on a rumour", "were fed by rumours"). */
const NOT_IN_VERDICT = /^(?:on|in|at|about|over|for|to|from|by|with|after|before|during|amid|into|that|which|who|not|no)$|(?:ing|ed)$/i;

/**
 * Whether `after` (what follows "said") gives a verdict on something said: a verdict word used of it ("said the report
 * was false", "said these were only rumours") — not one that only stands in the content ("said rumours were fed by …",
 * "said they expect fake information", "said there were rumours that …", "was rising on a rumour").
 */
export function verdictSaid(after: string): boolean {
  for (const m of after.matchAll(DENIAL_WORDS_ALL)) {
    const words = after.slice(Math.max(0, m.index - 60), m.index).replace(/["“”‘'’]+(?=\s|$)|(?<=\s|^)["“‘']+/g, ' ').trim().split(/\s+/).filter(Boolean);
    for (let k = words.length - 1; k >= 0 && k >= words.length - 5; k--) {
      const w = words[k]!.replace(/^["“‘']+/, '');
      if (VERDICT_LINK.test(w) || /['’]s$/.test(w) && k === words.length - 1) {
        if (!/^there$/i.test(words[k - 1] ?? '') && !/^there$/i.test(words[k - 2] ?? '')) return true;
        break;
      }
      if (NOT_IN_VERDICT.test(w)) break;
    }
  }
  return false;
}

/** The outlet's own push-back on a claim. */
export const OUTLET_DISPUTE =
  /\b(?:could not|cannot|can't|couldn't|has not|have not|was not|were not)\s+(?:be\s+|been\s+)?(?:independently\s+)?(?:verif(?:y|ied)|confirm(?:ed)?|corroborat(?:e|ed))\b|\bwithout (?:providing|offering|giving|citing|presenting|showing) (?:any )?(?:further )?(?:evidence|proof|details|substantiation)\b|\bunverified\b|\bunsubstantiated\b/i;

/** Phrasal push-back cues: "pushed back on", "cast doubt on". */
export const PHRASAL_CUES: ReadonlyArray<{ re: RegExp; stance: Stance }> = [
  { re: /^push(?:ed|es|ing)?\s+back\b/i, stance: 'disputes' },
  { re: /^cast(?:s|ing)?\s+doubt\b/i, stance: 'disputes' },
  { re: /^poured?\s+cold water\b/i, stance: 'disputes' },
  { re: /^(?:took|takes|taking|take)\s+issue\s+with\b/i, stance: 'disputes' },
  { re: /^(?:raised|raises|raising)\s+(?:questions|concerns|doubts)\b/i, stance: 'disputes' },
  { re: /^(?:made|makes|making)\s+(?:it\s+)?clear\b/i, stance: 'asserts' },
  { re: /^(?:made|makes|making)\s+(?:the|a|his|her|their|its)\s+(?:case|argument|point|pitch|claim|promise|prediction|accusation|allegation)\b/i, stance: 'asserts' },
  { re: /^(?:took|takes|taking)\s+aim\s+at\b/i, stance: 'asserts' },
  { re: /^(?:laid|lays|laying)\s+out\b/i, stance: 'asserts' },
  { re: /^(?:shot|shoots|fired|fires|hit|hits)\s+back\b/i, stance: 'disputes' },
  { re: /^(?:lashed|lashes|lashing)\s+out\b/i, stance: 'asserts' },
  { re: /^(?:weighed|weighs|chimed|chimes|sounded|sounds)\s+(?:in|off)\b/i, stance: 'asserts' },
];

// Determiners and the time words between a subject and its verb live with their near-twins in ./words.ts.
export { DETERMINERS, TIME_WORD } from './words.js';

/** Pronouns that can stand as a source on their own. */
export const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'it', 'who', 'which', 'one', 'someone', 'others', 'both']);

/** Words between a subject and its reporting verb that are not part of either. */
export const SKIPPABLE = new Set([
  "don't", "doesn't", "didn't", "won't", "wouldn't", "can't", "couldn't", "isn't", "wasn't", "hasn't", "haven't",
  "hadn't", "shouldn't",
  'has', 'have', 'had', 'is', 'was', 'are', 'were', 'will', 'would', 'could', 'can', 'may', 'might', 'should',
  'must', 'did', 'does', 'do', 'also', 'further', 'later', 'previously', 'again', 'repeatedly', 'then', 'now',
  'once', 'still', 'often', 'already', 'reportedly', 'had', 'long', 'been', 'not', 'never', 'just', 'even',
  'first', 'recently', 'earlier', 'separately', 'likewise', 'too', 'allegedly', 'apparently', 'flatly',
  "'d", "'ve", "'s", "'ll", 'always', 'ever', 'continued', 'continues', 'appeared', 'appears', 'seemed', 'seems',
  'went', 'goes', 'on', 'to', 'sought', 'tried', 'wants', 'want', 'wanted', 'likely', 'unlikely', 'more', 'less',
  'able', 'ready', 'willing', 'expected', 'going', 'once', 'twice', 'publicly', 'since',
  'however', 'meanwhile', 'instead', 'ultimately', 'eventually', 'subsequently', 'nonetheless', 'nevertheless',
]);

/** Words that end a noun phrase when growing it leftwards or rightwards. */
export const BOUNDARY = new Set([
  'and', 'or', 'but', 'nor', 'that', 'because', 'while', 'as', 'if', 'when', 'after', 'before', 'since',
  'although', 'though', 'so', 'than', 'whether', 'where', 'until', 'unless', 'whereas', 'whom', 'whose', 'what', 'why', 'how',
  'in', 'on', 'at', 'to', 'from', 'with', 'by', 'for', 'about', 'into', 'over', 'under', 'between', 'against',
  'during', 'without', 'through', 'upon', 'amid', 'amidst', 'across', 'toward', 'towards', 'via', 'per', 'like',
  'is', 'was', 'are', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would',
  'can', 'could', 'should', 'may', 'might', 'must', 'not', 'also', 'which', 'who', 'it', 'he', 'she', 'they',
  'we', 'i', 'you', 'there', 'here', 'then', 'now', 'thus', 'however', 'yet', 'still', 'even', 'just', 'only',
  'very', 'too', 'said', 'says', 'say', 'told', 'according', 'him', 'them', 'us', 'me', 'this', 'these',
]);

/** Prepositions that may sit inside a name-like NP ("Secretary of State", "Ambassador to Yerevan"). */
export const NP_INNER_PREPS = new Set(['of', 'to', 'for', 'at', 'de', 'von', 'van', 'al', 'bin', 'del', 'la']);

/** Nouns for people and bodies that speak: heads of typical source phrases. */
export const SPEAKER_NOUNS = new Set([
  'spokesperson', 'spokesman', 'spokeswoman', 'official', 'officials', 'minister', 'ministry', 'agency',
  'government', 'president', 'embassy', 'ambassador', 'statement', 'report', 'source', 'sources', 'analyst',
  'analysts', 'expert', 'experts', 'police', 'office', 'department', 'military', 'intelligence', 'army', 'governor',
  'secretary', 'chief', 'director', 'campaign', 'aide', 'aides', 'adviser', 'advisers', 'advisor', 'leader', 'leaders',
  'senator', 'candidate', 'company', 'party', 'court', 'judge', 'lawyer', 'attorney', 'prosecutor', 'prosecutors',
  'committee', 'council', 'commission', 'service', 'ministry', 'spokespeople', 'representative', 'observers',
  'residents', 'witnesses', 'navy', 'guard', 'forces', 'troops', 'ministry', 'mission', 'bureau', 'watchdog', 'regulator', 'officer', 'officers', 'negotiator', 'diplomat', 'diplomats', 'kremlin', 'authorities', 'envoy', 'envoys', 'union', 'unions', 'group', 'groups', 'organization', 'organisation', 'association',
  'newspaper', 'network', 'firm', 'bank', 'board', 'panel', 'institute', 'foundation', 'administration', 'coalition', 'alliance',
  'head', 'member', 'members',
]);

/** A speaker noun, singular or plural ("attorney", "attorneys", "officials"). */
export function speakerNoun(lower: string): boolean {
  return SPEAKER_NOUNS.has(lower) || (lower.endsWith('s') && SPEAKER_NOUNS.has(lower.slice(0, -1)));
}

/**
 * Common verbs of news prose, every form: a phrase grown rightwards stops at one ("Republicans
 * choose", "The billionaire businessman began"). Irregular pasts are listed as they are.
 */
export const COMMON_VERBS: ReadonlySet<string> = (() => {
  const lemmas = [
    'choose', 'start', 'begin', 'survive', 'carry', 'include', 'hold', 'go', 'pause', 'devote', 'risk', 'send', 'roll', 'seek',
    'give', 'take', 'make', 'win', 'lose', 'run', 'come', 'get', 'keep', 'leave', 'bring', 'buy', 'put', 'set', 'meet', 'lead',
    'pay', 'hit', 'move', 'try', 'turn', 'help', 'need', 'seem', 'become', 'remain', 'appear', 'face', 'plan', 'spend', 'open',
    'close', 'join', 'visit', 'return', 'vote', 'host', 'launch', 'file', 'release', 'raise', 'reach', 'push', 'pull', 'stand',
    'sit', 'fall', 'rise', 'grow', 'cut', 'draw', 'drop', 'fight', 'serve', 'work', 'play', 'live', 'hope', 'act', 'wait', 'walk',
    'touch', 'focus', 'stop', 'end', 'avoid', 'fail', 'manage', 'allow', 'force', 'ask', 'expect', 'stay', 'travel', 'offer',
    'continue', 'agree', 'decide', 'refuse', 'appeal', 'cancel', 'sign', 'veto', 'pass', 'block', 'support', 'oppose', 'back',
    'attend', 'receive', 'watch', 'read', 'hear', 'see', 'look', 'feel', 'find', 'know', 'think', 'believe', 'want', 'like',
    'cannot', 'can', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'did', 'does', 'do', 'has', 'had', 'have',
  ];
  const irregular = ['began', 'begun', 'went', 'gone', 'held', 'gave', 'given', 'took', 'taken', 'made', 'won', 'lost', 'ran', 'came', 'got',
    'gotten', 'kept', 'left', 'brought', 'bought', 'sent', 'met', 'led', 'paid', 'stood', 'sat', 'fell', 'fallen', 'rose', 'risen', 'grew',
    'grown', 'drew', 'drawn', 'fought', 'spent', 'became', 'heard', 'saw', 'seen', 'felt', 'found', 'knew', 'known', 'thought', 'chose', 'chosen'];
  const set = new Set<string>(irregular);
  for (const l of lemmas) for (const f of inflect(l)) set.add(f);
  return set;
})();
