/**
 * The small closed-class word lists of attribution, one table per family (time words, clause words,
 * quantifiers), one row per word, `word | lists`, parsed once (the shape of src/topics/places.ts and
 * ./verbs.ts). The lists of a family differ on purpose, each tuned where it is used; a row shows at a
 * glance which of them a word is in, so a word added to one and forgotten in its twin is visible.
 *
 * `(weekday)` stands for every weekday name (from the date lexicon); `(digits)` for a number in digits.
 */
import { WEEKDAYS } from '../dates/lexicon.js';

// word        | lists (see the exports below for what each list is for)
const TIME = `
week         | agent-tail head before-that dating
month        | agent-tail head before-that dating
year         | agent-tail head before-that dating
fall         | agent-tail
spring       | agent-tail
summer       | agent-tail
winter       | agent-tail
morning      | agent-tail head between before-that dating
afternoon    | agent-tail head between before-that dating
evening      | agent-tail head between before-that dating
night        | agent-tail head before-that dating
weekend      | agent-tail head before-that dating
day          | agent-tail head
(weekday)    | agent-tail head between before-that dating
time         | head
today        | head between before-that dating
yesterday    | head between before-that dating
tonight      | between
earlier      | between before-that dating
later        | between
previously   | between
on           | before-that dating
in           | before-that dating
at           | before-that dating
last         | before-that dating
this         | before-that dating
late         | before-that dating
early        | before-that dating
(digits)     | before-that dating
mid          | dating
january      | dating month
february     | dating month
march        | dating month
april        | dating month
may          | dating month
june         | dating month
july         | dating month
august       | dating month
september    | dating month
october      | dating month
november     | dating month
december     | dating month
jan          | dating
feb          | dating
aug          | dating
sept         | dating
oct          | dating
nov          | dating
dec          | dating
`;

const CLAUSE = `
after        | subordinate subordinator opener
before       | subordinate subordinator opener
while        | subordinate subordinator opener
when         | subordinate subordinator opener
since        | subordinate subordinator opener
although     | subordinate subordinator opener
though       | subordinate subordinator opener connective
because      | subordinate subordinator opener
despite      | subordinate intro
amid         | subordinate intro
following    | subordinate
during       | subordinate
as           | subordinate opener
if           | subordinate subordinator opener
unless       | subordinate subordinator
until        | subordinate subordinator opener
whenever     | subordinate subordinator opener
wherever     | subordinate subordinator opener
once         | subordinate subordinator opener connective
whereas      | subordinator
asked        | subordinator
pressed      | subordinator
whether      | subordinator
and          | opener opening
but          | opener opening
now          | opener connective intro
even         | opener
that         | opener
yet          | opener opening intro
so           | opener connective intro
then         | opener connective intro
meanwhile    | opener opening connective intro
where        | opener
instead      | opener connective intro
still        | opener opening connective intro
also         | opener opening connective intro
however      | opener connective intro
too          | connective
moreover     | connective intro
furthermore  | connective
nonetheless  | connective
nevertheless | connective
likewise     | connective
similarly    | connective
separately   | connective intro
overall      | connective intro
finally      | connective intro
first        | connective intro
second       | connective
again        | connective intro
indeed       | connective intro
alas         | connective
therefore    | connective
thus         | connective intro
yes          | connective
no           | connective
please       | connective
sir          | connective
ma’am        | connective
today        | connective intro
tonight      | connective intro
yesterday    | connective intro
later        | connective intro
earlier      | connective intro
here         | connective
there        | connective
throughout   | intro
absent       | intro
years        | intro
days         | intro
months       | intro
weeks        | intro
together     | intro
having       | intro
being        | intro
`;

const QUANTITY = `
the          | determiner
a            | determiner
an           | determiner
this         | determiner
these        | determiner
those        | determiner
his          | determiner
her          | determiner
its          | determiner
their        | determiner
our          | determiner
my           | determiner
your         | determiner
some         | determiner quant-subject quantifier of-head quantity-noun
many         | determiner quant-subject quantifier of-head quantity-noun
several      | determiner quant-subject quantifier of-head quantity-noun
both         | determiner quant-subject quantifier of-head quantity-noun
all          | determiner quant-subject quantifier of-head quantity-noun
most         | determiner quant-subject quantifier of-head quantity-noun
few          | determiner quant-subject quantifier of-head quantity-noun
two          | determiner quant-subject quantifier of-head quantity-noun
three        | determiner quant-subject quantifier of-head quantity-noun
four         | determiner quant-subject
five         | determiner quant-subject
other        | determiner
another      | determiner quant-subject
each         | determiner quant-subject quantifier of-head quantity-noun
every        | determiner
any          | determiner quantity-noun
no           | determiner
one          | determiner quant-subject quantifier of-head quantity-noun
such         | determiner
numerous     | determiner quant-subject
multiple     | determiner quant-subject
various      | determiner quant-subject
others       | quant-subject
none         | quantifier of-head quantity-noun
half         | quantifier of-head quantity-noun
dozens       | quantifier of-head quantity-noun
hundreds     | quantifier of-head quantity-noun
thousands    | quantifier of-head quantity-noun
millions     | quantifier of-head quantity-noun
results      | of-head
result       | of-head
members      | of-head quantity-noun
member       | of-head quantity-noun
majority     | of-head quantity-noun
majorities   | of-head quantity-noun
percent      | of-head quantity-noun
%            | of-head
share        | of-head quantity-noun
number       | of-head quantity-noun
analysis     | of-head
review       | of-head
study        | of-head
survey       | of-head
poll         | of-head
polls        | of-head
supporters   | of-head quantity-noun
critics      | of-head
friends      | of-head
allies       | of-head
rest         | of-head
plurality    | of-head quantity-noun
third        | of-head quantity-noun
quarter      | of-head quantity-noun
fifth        | of-head
minority     | quantity-noun
thirds       | quantity-noun
group        | quantity-noun
leaders      | quantity-noun
officials    | quantity-noun
spokesman    | quantity-noun
spokeswoman  | quantity-noun
spokesperson | quantity-noun
head         | quantity-noun
chief        | quantity-noun
director     | quantity-noun
president    | quantity-noun
chairman     | quantity-noun
secretary    | quantity-noun
minister     | quantity-noun
ministry     | quantity-noun
`;

/** Parses one table into list name → words, refusing a list name it does not know (a typo fails at load). */
function parse(table: string, names: readonly string[]): Map<string, string[]> {
  const lists = new Map<string, string[]>(names.map((n) => [n, []]));
  for (const line of table.trim().split('\n')) {
    const [word = '', tags = ''] = line.split('|').map((x) => x.trim());
    const words = word === '(weekday)' ? Object.keys(WEEKDAYS) : word === '(digits)' ? ['\\d+'] : [word];
    for (const tag of tags.split(/\s+/)) {
      const list = lists.get(tag);
      if (!list) throw new Error(`words.ts: unknown list "${tag}" in row "${line}"`);
      list.push(...words);
    }
  }
  return lists;
}

const time = parse(TIME, ['agent-tail', 'head', 'between', 'before-that', 'dating', 'month']);
const clause = parse(CLAUSE, ['subordinate', 'subordinator', 'opener', 'opening', 'connective', 'intro']);
const quantity = parse(QUANTITY, ['determiner', 'quant-subject', 'quantifier', 'of-head', 'quantity-noun']);

/** A whole-token pattern for one time list (its words hold no pattern characters but `(digits)`). */
const whole = (words: readonly string[]): RegExp => new RegExp(`^(?:${words.join('|')})$`);
const set = (lists: Map<string, string[]>, name: string): ReadonlySet<string> => new Set(lists.get(name));

/** Time words that trail an agent phrase and are not its head ("the war last fall"): seasons too. */
export const TIME_HEAD_WORDS = whole(time.get('agent-tail')!);
/** Heads of time phrases ("this week", "Friday morning") that are never a speaker. */
export const TIME_HEAD = whole(time.get('head')!);
/** Time words that sit between a subject and its verb ("Yusov on Friday said"). */
export const TIME_WORD = whole(time.get('between')!);
/** Words of a time phrase between a verb and its "that" ("announced on Tuesday that"). */
export const DATED = whole(time.get('before-that')!);
/** Words of a time phrase after a participle ("released in late August", "published last year"). */
export const DATING = whole(time.get('dating')!);
/** Full month names. */
export const MONTH = whole(time.get('month')!);
/** Full month and weekday names, lower-case ("january", "monday"). */
export const CALENDAR_NAMES: readonly string[] = [...time.get('month')!, ...Object.keys(WEEKDAYS)];

/** Words opening a subordinate or participial phrase inside commas ("…, after winning Ohio, …"). */
export const SUBORDINATE = set(clause, 'subordinate');
/** Words opening a subordinate or introductory clause. */
export const SUBORDINATORS = set(clause, 'subordinator');
/** Words that open a clause, so a noun phrase after them can be its subject ("Now Sembler, …, said"). */
export const CLAUSE_OPENERS = set(clause, 'opener');
/** Conjunctions and adverbs that may stand before a poll or survey opening its clause ("But a poll found …"). */
export const CLAUSE_OPENING = set(clause, 'opening');
/** Sentence adverbs and connectives that can sit between commas after a name without describing it. */
export const CONNECTIVES = set(clause, 'connective');
/** Sentence adverbs and openers that are never a subject ("Instead, …", "Later on Sunday, …"). */
export const INTRO_WORDS: ReadonlySet<string> = set(clause, 'intro');

/** Determiners and quantifiers: an NP starts with one, so leftward growth stops after it. */
export const DETERMINERS = set(quantity, 'determiner');
/** Quantifiers and numerals that can stand alone as a subject ("Several said", "two in three say"). */
export const QUANT_SUBJECTS = set(quantity, 'quant-subject');
/** Quantifiers of a relative source: "many of whom", "most of which". */
export const QUANTIFIERS = set(quantity, 'quantifier');
/** Heads that take an "of" phrase as part of the source ("results of the exit poll", "most of them"). */
export const OF_HEADS = set(quantity, 'of-head');
/** Nouns of quantity or membership that take an "of" phrase inside a source. */
export const QUANTITY_NOUNS = set(quantity, 'quantity-noun');

/**
 * What a push-back verb is about, by the head of its object (see `objectShape` and `objectStance` in object-stance.ts):
 * - `claim`: a claim or what someone said ("the allegation", "the notion", "those reports"): denying or disputing it;
 * - `proposal`: a proposal, an act or a policy ("a proposal for a debate", "Obama's actions", "the plan"): rejecting
 *   or dismissing one is declining or criticising it, not saying a claim is false;
 * - `refusal`: what "deny" refuses rather than denies ("denied access", "denied the request");
 * - `campaign`: what is contested by running for it ("contesting Ohio", "contest the seat");
 * - `appointment`: whom a senate confirms ("confirmed a judge"): an appointment, not a confirmation of a claim;
 * - `act`: what announcing or declaring does rather than says ("announced a tender", "declared a moratorium").
 */
// word          | kinds
const OBJECT_HEADS = `
claim           | claim
claims          | claim
allegation      | claim
allegations     | claim
accusation      | claim
accusations     | claim
charge          | claim
charges         | claim
report          | claim
reports         | claim
notion          | claim
suggestion      | claim
suggestions     | claim
assertion       | claim
assertions      | claim
story           | claim
stories         | claim
rumor           | claim
rumors          | claim
rumour          | claim
rumours         | claim
remark          | claim
remarks         | claim
comment         | claim
comments        | claim
statement       | claim
statements      | claim
idea            | claim
speculation     | claim
ideas           | proposal
concern         | claim
concerns        | claim
criticism       | claim
criticisms      | claim
characterization| claim
account         | claim
accounts        | claim
claiming        | claim
narrative       | claim
premise         | claim
contention      | claim
findings        | claim
finding         | claim
conclusion      | claim
conclusions     | claim
testimony       | claim
version         | claim
implication     | claim
proposal        | proposal
proposals       | proposal
offer           | proposal
offers          | proposal
invitation      | proposal
invitations     | proposal
plan            | proposal
plans           | proposal
bill            | proposal
bills           | proposal
deal            | proposal
deals           | proposal
action          | proposal
actions         | proposal
policy          | proposal
policies        | proposal
measure         | proposal
measures        | proposal
amendment       | proposal
amendments      | proposal
legislation     | proposal
calls           | proposal
demand          | proposal
demands         | proposal
bid             | proposal
bids            | proposal
motion          | proposal refusal
motions         | proposal refusal
budget          | proposal
budgets         | proposal
agreement       | proposal
agreements      | proposal
settlement      | proposal
settlements     | proposal
resolution      | proposal
resolutions     | proposal
overture        | proposal
overtures       | proposal
pleas           | proposal
plea            | proposal
ultimatum       | proposal
compromise      | proposal
treaty          | proposal
treaties        | proposal
nomination      | proposal refusal campaign
nominee         | proposal appointment
candidacy       | proposal
endorsement     | proposal
help            | proposal
advice          | proposal
request         | proposal refusal
requests        | proposal refusal
appeal          | proposal refusal
appeals         | proposal refusal
application     | proposal refusal
applications    | proposal refusal
pressure        | proposal
price           | proposal
prices          | proposal
quota           | proposal
quotas          | proposal
petition        | proposal
petitions       | proposal
call            | proposal
effort          | proposal
efforts         | proposal
terms           | proposal
package         | proposal
packages        | proposal
scheme          | proposal
schemes         | proposal
licence         | proposal
licences        | proposal
license         | proposal
licenses        | proposal
resignation     | proposal
lawsuit         | proposal
lawsuits        | proposal
suit            | proposal
access          | refusal
entry           | refusal
bail            | refusal
visa            | refusal
visas           | refusal
permit          | refusal
permits         | refusal
permission      | refusal
service         | refusal
funding         | refusal
status          | refusal
state           | campaign
states          | campaign
seat            | campaign
seats           | campaign
race            | campaign
races           | campaign
primary         | campaign
primaries       | campaign
caucus          | campaign
caucuses        | campaign
district        | campaign
districts       | campaign
county          | campaign
counties        | campaign
ward            | campaign
judge           | appointment
judges          | appointment
nominees        | appointment
appointee       | appointment
appointees      | appointment
justice         | appointment
justices        | appointment
ambassador      | appointment
ambassadors     | appointment
nominations     | appointment
tender          | act
tenders         | act
moratorium      | act
dividend        | act
dividends       | act
split           | act
buyback         | act
strike          | act
boycott         | act
ceasefire       | act
cease-fire      | act
truce           | act
embargo         | act
freeze          | act
auction         | act
`;

const objects = parse(OBJECT_HEADS, ['claim', 'proposal', 'refusal', 'campaign', 'appointment', 'act']);

/** The object-head lists by kind. */
export const OBJECT_HEAD: ReadonlyMap<string, ReadonlySet<string>> = new Map([...objects].map(([kind, words]) => [kind, new Set(words)]));

/** The US states by their full names, as written after a town ("Elkton, South Dakota"). */
export const US_STATES: ReadonlySet<string> = new Set([
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida', 'Georgia',
  'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland',
  'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada', 'New Hampshire', 'New Jersey',
  'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina',
  'South Dakota', 'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia', 'Washington', 'West Virginia', 'Wisconsin', 'Wyoming',
]);
