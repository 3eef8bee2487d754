/**
 * The verb table: every reporting verb of attribution as one row, `lemma | stance | properties`,
 * parsed once (the shape of src/topics/places.ts). Every property of a verb lives in its row, so a
 * verb added or changed is one line, not an edit to several word lists.
 *
 * Properties:
 * - `cognition`: reports a state of mind (think, believe), not speech;
 * - `inverts`: may follow its source after a quotation or opening a sentence ("…," said X); others keep
 *   their subject first, so ", downplayed his influence" never makes "his influence" a speaker;
 * - `object`: takes a person as object ("told reporters", "urged voters"), so an inverted reading needs a quoted question;
 * - `action-to`: with "to" (or "on") an act or decision, not a statement ("agreed to meet"); promises,
 *   vows and threats are made in words, so they stay statements ("vowed to veto the bill");
 * - `naming`: names or characterises its object ("what he calls …");
 * - `push-back`: pushes back on an object ("rejected the offer", "criticised the controls"): a speech participle after
 *   it ("…, saying it was too low") is the speaker's own claim;
 * - `nocue`: not a cue by itself (only one of the properties above applies: "read", "decide", "see").
 */
import type { Stance } from './types.js';

const TABLE = `
say          | asserts   | inverts
claim        | asserts   | inverts
state        | asserts   | inverts
add          | asserts   | inverts
note         | asserts   | inverts
write        | asserts   | inverts
report       | asserts   | inverts
announce     | asserts   | inverts
argue        | asserts   | inverts
warn         | asserts   | inverts
insist       | asserts   | inverts
assert       | asserts   | inverts
allege       | asserts   | inverts
accuse       | asserts   | object
explain      | asserts   | inverts
suggest      | asserts   | inverts
declare      | asserts   | inverts
maintain     | asserts   | inverts
stress       | asserts   | inverts
emphasize    | asserts   | inverts
emphasise    | asserts   | inverts
reiterate    | asserts   | inverts
predict      | asserts   | inverts
contend      | asserts   | inverts
tweet        | asserts   | inverts
post         | asserts   | inverts
describe     | asserts   | naming
caution      | asserts   | inverts
testify      | asserts   | inverts
recall       | asserts   | inverts
respond      | asserts   | inverts
reply        | asserts   | inverts
answer       | asserts   | inverts
ask          | asserts   | inverts object
urge         | asserts   | inverts object
criticize    | asserts   | object push-back
criticise    | asserts   | object push-back
promise      | asserts   | inverts
vow          | asserts   | inverts
pledge       | asserts   | inverts
threaten     | asserts   | inverts
boast        | asserts   | inverts
complain     | asserts   | inverts
conclude     | asserts   | inverts
estimate     | asserts   | inverts
reveal       | asserts   | inverts
indicate     | asserts   |
signal       | asserts   |
tell         | asserts   | inverts object
call         | asserts   | object naming
blame        | asserts   | object
refer        | asserts   |
discuss      | asserts   |
continue     | asserts   | inverts
praise       | asserts   | object
proclaim     | asserts   | inverts
remark       | asserts   | inverts
observe      | asserts   | inverts
mention      | asserts   | inverts
believe      | asserts   | cognition inverts
think        | asserts   | cognition inverts
fear         | asserts   | cognition inverts
hope         | asserts   | cognition inverts
expect       | asserts   | cognition inverts
worry        | asserts   | cognition inverts
show         | asserts   | cognition
find         | asserts   | cognition
cite         | asserts   |
quote        | asserts   |
comment      | asserts   | inverts
muse         | asserts   | cognition inverts
joke         | asserts   | inverts
demand       | asserts   |
propose      | asserts   |
recommend    | asserts   |
attack       | asserts   | object
slam         | asserts   | object
blast        | asserts   | object
charge       | asserts   |
point        | asserts   |
inform       | asserts   | object
brief        | asserts   | object
disclose     | asserts   | inverts
publish      | asserts   |
tout         | asserts   |
defend       | asserts   | object
endorse      | asserts   | object
hint         | asserts   |
imply        | asserts   |
speculate    | asserts   | cognition inverts
acknowledge  | confirms  | inverts
agree        | asserts   | inverts action-to
concede      | confirms  | inverts
admit        | confirms  | inverts
confirm      | confirms  | inverts
verify       | confirms  |
corroborate  | confirms  |
deny         | denies    | inverts push-back
reject       | denies    | push-back
dismiss      | denies    | push-back
refute       | denies    | push-back
rebut        | denies    |
rebuff       | denies    | push-back
dispute      | disputes  | push-back
question     | disputes  | push-back
challenge    | disputes  | push-back
contest      | disputes  | push-back
doubt        | disputes  | cognition
disagree     | disputes  |
counter      | disputes  | inverts
retort       | disputes  | inverts
decline      | asserts   | action-to
refuse       | asserts   | action-to
echo         | asserts   | inverts
mock         | asserts   |
condemn      | asserts   | push-back
denounce     | asserts   |
decry        | asserts   |
lament       | asserts   | inverts
bemoan       | asserts   |
assail       | asserts   |
rail         | asserts   |
express      | asserts   |
wonder       | asserts   | inverts
shout        | asserts   | inverts
chant        | asserts   | inverts
apologize    | asserts   |
apologise    | asserts   |
liken        | asserts   |
portray      | asserts   |
invoke       | asserts   |
remind       | asserts   |
retweet      | asserts   |
applaud      | asserts   |
encourage    | asserts   |
brag         | asserts   | inverts
grumble      | asserts   | inverts
scoff        | asserts   | inverts
quip         | asserts   | inverts
plead        | asserts   | inverts
lambaste     | asserts   |
chide        | asserts   |
scold        | asserts   |
rebuke       | asserts   |
berate       | asserts   |
fault        | asserts   |
hail         | asserts   |
assure       | asserts   |
voice        | asserts   |
repeat       | asserts   |
dub          | asserts   | naming
label        | asserts   | naming
brand        | asserts   |
characterize | asserts   | naming
characterise | asserts   | naming
downplay     | disputes  |
clarify      | asserts   | inverts
congratulate | asserts   |
credit       | asserts   |
deride       | asserts   |
laud         | asserts   |
tease        | asserts   |
inquire      | asserts   | inverts
concur       | asserts   | inverts
contradict   | disputes  |
deplore      | asserts   | push-back
ridicule     | asserts   |
scorn        | asserts   |
reaffirm     | asserts   | inverts
underscore   | asserts   |
underline    | asserts   |
highlight    | asserts   |
affirm       | asserts   | inverts
interject    | asserts   | inverts
vouch        | asserts   |
allude       | asserts   |
forecast     | asserts   |
project      | asserts   |
read         | asserts   | nocue inverts
decide       | asserts   | nocue action-to
plan         | asserts   | nocue action-to
see          | asserts   | nocue naming
term         | asserts   | nocue naming
view         | asserts   | nocue naming
consider     | asserts   | nocue naming
`;

/** One verb of the table. */
export interface VerbRow {
  lemma: string;
  stance: Stance;
  cognition: boolean;
  inverts: boolean;
  object: boolean;
  actionTo: boolean;
  naming: boolean;
  pushBack: boolean;
  /** A reporting verb in its own right (false for rows listed only for a property). */
  cue: boolean;
}

const STANCES = new Set<Stance>(['asserts', 'confirms', 'denies', 'disputes']);
const PROPERTIES = new Set(['cognition', 'inverts', 'object', 'action-to', 'naming', 'push-back', 'nocue']);

/** The table's rows in order (the order decides which lemma an inflected form belongs to when two share it). */
export const VERBS: readonly VerbRow[] = TABLE.trim()
  .split('\n')
  .map((line) => {
    const [lemma = '', stance = '', props = ''] = line.split('|').map((x) => x.trim());
    const flags = new Set(props.split(/\s+/).filter(Boolean));
    // A typo in the table fails at load, not silently.
    if (!STANCES.has(stance as Stance) || [...flags].some((f) => !PROPERTIES.has(f))) throw new Error(`verbs.ts: bad row "${line}"`);
    return {
      lemma, stance: stance as Stance, cognition: flags.has('cognition'), inverts: flags.has('inverts'), object: flags.has('object'),
      actionTo: flags.has('action-to'), naming: flags.has('naming'), pushBack: flags.has('push-back'), cue: !flags.has('nocue'),
    };
  });

const lemmas = (test: (row: VerbRow) => boolean): ReadonlySet<string> => new Set(VERBS.filter(test).map((v) => v.lemma));

/** Lemmas that may follow their source ("…," said X; "Said X, …"). */
export const INVERTIBLE = lemmas((v) => v.inverts);
/** Lemmas that take a person as object ("told reporters"). */
export const OBJECT_VERBS = lemmas((v) => v.object);
/** Lemmas that with "to" report an act or commitment ("agreed to meet"). */
export const ACTION_WITH_TO = lemmas((v) => v.actionTo);
/** Lemmas that name or characterise their object ("what he calls …"). */
export const NAMING = lemmas((v) => v.naming);
/** Lemmas pushing back on an object ("rejected the offer"). */
export const PUSH_BACK = lemmas((v) => v.pushBack);
/** Lemmas of states of mind rather than speech. */
export const COGNITION = lemmas((v) => v.cognition);
