/**
 * Site chrome: the furniture a web page wraps around the reporting (appeals, widgets, lists,
 * notices). The rules are written from how news sites in general phrase these things, never
 * from one outlet's wording, so they hold on any newsroom's archive.
 */

/** Why a piece is chrome; the reason is kept on the block. */
export type ChromeReason =
  | 'membership appeal'
  | 'donation appeal'
  | 'newsletter sign-up'
  | 'share widget'
  | 'follow widget'
  | 'reader comment'
  | 'comment widget'
  | 'related list'
  | 'teaser'
  | 'copy-protection notice'
  | 'copyright notice'
  | 'cookie banner'
  | 'advertisement'
  | 'navigation'
  | 'page header'
  | 'separator'
  | 'syndication notice'
  | 'repeated line';

interface Rule {
  reason: ChromeReason;
  /** Cheap substring test first: the pattern only runs when the lower-cased piece contains one of these. */
  hints: readonly string[];
  pattern: RegExp;
  /** Longest piece (characters) the rule may fire on; long paragraphs are reporting. */
  maxLength: number;
  /**
   * The phrase also occurs in reporting ("will become a member of the group"), so it only counts
   * when the piece speaks to the reader: "you", "us", an imperative, "today".
   */
  needsVoice?: boolean;
}

const APOS = "['’`]";

/** Whole-piece labels: a short line that is nothing but a widget or list heading. */
const LABELS: Array<[ChromeReason, RegExp]> = [
  [
    'share widget',
    /^(share|share (this|the) (article|story|post|page|video)|share (on|via|to) [\w .+-]+|tweet|email|e-mail|print|copy link|copy url|whatsapp|facebook|twitter|x|linkedin|telegram|reddit|pinterest|messenger|vk|share on social media)$/,
  ],
  ['follow widget', /^(follow us|follow us on [\w .+-]+|follow [\w .&-]+ on (twitter|x|facebook|instagram|telegram|google news|youtube|tiktok|threads|bluesky|linkedin))$/],
  [
    'related list',
    new RegExp(
      `^(related|related (articles?|posts?|stories|story|news|content|coverage|topics|reading|links)|more (stories|news|articles|coverage|on this( topic| story)?)|more from [\\w .&-]+|most (popular|read|viewed|shared|commented|recent)|editor${APOS}?s${APOS}? (picks?|choice)|(read|see) (more|also|next|this next)|also read|further reading|you (may|might) (also )?(like|be interested in)|recommended( for you| stories| articles)?|trending( now| stories)?|top stories|latest( news| stories| articles| posts)?|popular( posts| stories| now)?|what to read next|in (other|case you missed it) news|don${APOS}t miss)$`,
    ),
  ],
  [
    'comment widget',
    /^(comments?|\d+ comments?|comments? \(\d+\)|leave a (comment|reply)|post a comment|add (a )?comment|notify of|inline feedbacks?|view all comments|load more comments|show comments|hide comments|reply|oldest|newest|most voted|login|log in|sign in|join the (discussion|conversation)|subscribe to comments)$/,
  ],
  ['donation appeal', /^(donate|donate now|support us|support our (work|journalism|mission|reporting)|make a donation|contribute|give now|tip us)$/],
  ['membership appeal', /^(become a (member|supporter|patron|subscriber)( today| now)?|join( us| now| today)?|membership|members only|subscribe( now| today)?)$/],
  ['newsletter sign-up', /^(newsletter|sign up|sign up now|subscribe to (our|the) newsletter|get our newsletter)$/],
  ['advertisement', /^(advertisement|advert|ad|ads|sponsored|sponsored content|promoted|partner content|paid content|scroll to continue( with content)?)$/],
  ['navigation', /^(continue reading( below)?|loading|click here( to [\w ]+)?|tags|topics|filed under|print this (article|page|story)|listen to this (article|story)|font size|save (article|story)|view comments|jump to comments|all news|all stories|news|menu|home|search|skip to (main )?content|back to top|close|open menu|next article|previous article|next|previous|back)$/],
  ['page header', /^([\w .&'’-]{1,40} )?logo$/],
];

/** Phrases that make a piece chrome wherever they occur, on pieces up to `maxLength`. */
const PHRASES: Rule[] = [
  { reason: 'copy-protection notice', hints: ['copy', 'protected', 'click'], pattern: /\b(you (can ?not|can't|cannot|are not allowed to) copy|content is protected|copying (is )?(not allowed|prohibited|disabled)|right[- ]click (is )?disabled)\b/, maxLength: 200 },
  { reason: 'cookie banner', hints: ['cookie'], pattern: /\b((we|this (web)?site) uses? cookies|cookie (policy|settings|preferences|consent)|accept (all )?cookies)\b/, maxLength: 400 },
  { reason: 'copyright notice', hints: ['©', '(c)', 'copyright', 'reserved'], pattern: /^(©|\(c\)\s*\d{4}|copyright\s+(©|\(c\)|\d{4}))|\ball rights reserved\b/, maxLength: 300 },
  {
    reason: 'copyright notice', hints: ['may be', 'may not be'],
    pattern: /\b(texts?|content|articles?|images?|photos?|materials?|reports?)\b[^.]{0,120}\bmay (not )?be (reproduced|republished|redistributed|disseminated|copied|reprinted|used)\b[^.]{0,120}\b(permission|credited|consent|attribution|licen[cs]e)/,
    maxLength: 400,
  },
  { reason: 'newsletter sign-up', hints: ['newsletter', 'inbox'], pattern: /\b(sign up|subscribe|register)\b[^.]{0,60}\bnewsletters?\b|\bnewsletters?\b[^.]{0,60}\b(inbox|sign up|subscribe)\b|\bin your inbox\b/, maxLength: 250 },
  { reason: 'membership appeal', hints: ['become a', 'join our', 'join the'], pattern: /\bbecome an? [\w .’'-]{0,40}\b(member|supporter|patron|subscriber)\b|\bjoin (our|the) (community|membership|members)\b/, maxLength: 300, needsVoice: true },
  { reason: 'donation appeal', hints: ['support', 'donat', 'contribution', 'chip in'], pattern: /\b(please (support|donate|consider (supporting|donating|a donation))|donations? (from|to|of) [^.]{0,60}\b(necessary|needed|help|keep)|support (our|independent) (journalism|work|mission|reporting)|make a (donation|contribution)|donate (now|today)|chip in)\b/, maxLength: 500, needsVoice: true },
  { reason: 'comment widget', hints: ['comment', 'thoughts'], pattern: /\b(please comment|would love your thoughts|leave a comment|be the first to comment|comments are closed|you must be logged in to post a comment)\b/, maxLength: 120 },
  { reason: 'navigation', hints: ['tags', 'topics', 'filed under', 'categories'], pattern: /^(tags|topics|filed under|categories)\s*:/, maxLength: 300 },
  {
    reason: 'syndication notice',
    hints: ['appeared', 'published', 'republish', 'reprint'],
    pattern: /\b(this (story|article|report|piece) (was )?(first|originally) (appeared|published)|(first|originally) (appeared|published) (on|in|at|by) [^.]{0,60}$|(is )?(re-?published|reprinted) (here )?(with|under) (permission|a creative commons|the terms|licen[cs]e))/,
    maxLength: 250,
  },
  {
    reason: 'related list',
    hints: ['read', 'see', 'related', 'more', 'watch', 'listen'],
    pattern: /^(read (more|also|next|this)|see also|also read|related( stories| articles| coverage| content)?|more on this( story| topic)?|more|watch|listen|recommended)\s*:\s*\S/,
    maxLength: 200,
  },
  { reason: 'share widget', hints: ['share'], pattern: /^share (this|the) (article|story|post)\b|^share:/, maxLength: 60 },
];

/** One pass over the piece rules out nearly every paragraph of reporting before any rule runs. */
const ANY_HINT = new RegExp(
  [...new Set(PHRASES.flatMap((r) => r.hints))].map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
);
const LONGEST_PHRASE_PIECE = Math.max(...PHRASES.map((r) => r.maxLength));

/** Normalises a piece for label matching: lower case, straight quotes, no trailing punctuation. */
function labelForm(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[\s:;,.!?»›>|•·-]+$/u, '')
    .replace(/^[\s«‹<|•·-]+/u, '')
    .trim();
}

/**
 * The chrome reason for a piece taken on its own, or undefined when it may be reporting.
 * @param text - the trimmed piece text
 */
export function chromeReason(text: string): ChromeReason | undefined {
  if (text.length <= 80) {
    const label = labelForm(text);
    if (!/[\p{L}\p{N}]/u.test(label)) return 'separator';
    for (const [reason, pattern] of LABELS) if (pattern.test(label)) return reason;
  }
  if (text.length > LONGEST_PHRASE_PIECE) return undefined;
  const lower = text.toLowerCase();
  if (!ANY_HINT.test(lower)) return undefined;
  for (const rule of PHRASES) {
    if (text.length > rule.maxLength || !rule.hints.some((h) => lower.includes(h))) continue;
    if (rule.pattern.test(lower) && (!rule.needsVoice || addressesReader(text))) return rule.reason;
  }
  return undefined;
}

/** Removes quoted speech so the voice of the piece itself can be judged. */
export function withoutQuotes(text: string): string {
  return text.replace(/“[^”]*”?|"[^"]*"?|«[^»]*»?|‘[^’]*’/g, ' ');
}

const SECOND_PERSON = /\b(you|your|yours)\b/i;
const FIRST_PLURAL = /\b(we|us|our|ours)\b/i;
const APPEAL_WORDS = /\b(journalis[tm]s?|members?|membership|donat\w*|support\w*|subscri\w*|contribut\w*|fund\w*|independent|mission|stories|readers?|newsroom|reporting|voices?|silence)\b/i;
const IMPERATIVE = /^(join|become|support|donate|subscribe|help us|sign up|give|stand with|back)\b/i;

/**
 * True when a piece sounds like part of an appeal (the outlet addressing its readers), so it is
 * chrome when it sits next to a clear appeal. Too weak to decide on its own.
 */
export function soundsLikeAppeal(text: string): boolean {
  if (text.length > 600) return false;
  const own = withoutQuotes(text);
  if (IMPERATIVE.test(own.trim())) return true;
  return (SECOND_PERSON.test(own) || FIRST_PLURAL.test(own)) && APPEAL_WORDS.test(own);
}

const TIME_CALL = /\b(today|now)\b/i;

/** True when the piece, outside quotes, speaks to the reader or as the outlet ("you", "we", "Join …", "… today"). */
function addressesReader(text: string): boolean {
  const own = withoutQuotes(text);
  return SECOND_PERSON.test(own) || FIRST_PLURAL.test(own) || IMPERATIVE.test(own.trim()) || TIME_CALL.test(own);
}

const FIRST_SINGULAR = /\bI(?:['’](?:m|ve|d|ll))?(?![\w'’])|\b[Mm](?:y|e|ine|yself)\b/;

/** True when the piece speaks in the first person singular outside quotes (a reader's voice in news copy). */
export function firstPersonSingular(text: string): boolean {
  return FIRST_SINGULAR.test(withoutQuotes(text));
}

/** Reasons whose neighbours may be pulled into the same appeal. */
export const APPEAL_REASONS: ReadonlySet<string> = new Set<ChromeReason>(['membership appeal', 'donation appeal', 'newsletter sign-up']);

/** Reasons that open a list of other stories (headlines that follow are part of it). */
export const LIST_REASONS: ReadonlySet<string> = new Set<ChromeReason>(['related list']);

/** Reasons that open the reader-comment section. */
export const COMMENT_REASONS: ReadonlySet<string> = new Set<ChromeReason>(['comment widget']);
