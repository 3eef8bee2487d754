/**
 * The registry of attribution's veto rules: each with an id, the one-line reason it exists and an
 * example sentence it changes (tests/claims/rules.test.ts checks every example: the rule fires on
 * it, and switching the rule off changes what is found). `rule(id, applies)` is how the rules in
 * attribution.ts and claimants.ts fire; `eval:attribution --by-rule` counts the fires and switches
 * each rule off in turn to show what it is worth.
 */

/** One registered rule: why it exists and a sentence it changes (`cue` names the reporting word concerned). */
export interface RuleInfo {
  reason: string;
  /** `scope: 'polnear'`: a rule of PolNeAR's wider scope (`actions`, one attribution per token), read as eval:attribution reads it. */
  example: { text: string; cue: string; headline?: boolean; scope?: 'polnear' };
}

/** Every veto rule, in the order attribution applies them. */
export const RULES = {
  'cue.position-form': { reason: 'a position or belief verb is a cue only in its reporting forms ("voters want", "would like"), and only for PolNeAR scope', example: { text: 'The mayor wants a new harbour wall.', cue: 'wants' } },
  'cue.negated-verification': { reason: 'a negated verification ("could not be confirmed") is the outlet\'s dispute, found on its own', example: { text: 'The figures could not be confirmed by the ministry.', cue: 'confirmed' } },
  'cue.negated': { reason: 'a negated cue ("have not said") asserts nothing by its subject (issue 14, pattern 4)', example: { text: 'Councillor Ana Poll did not say the depot would close.', cue: 'say' } },
  'cue.capitalised-mid-sentence': { reason: 'a capitalised word mid-sentence is a name ("the Warns Group"), not a verb', example: { text: 'The firm Insists Holdings said profits were up.', cue: 'Insists' } },
  'cue.after-determiner': { reason: 'after a determiner or preposition the word is a noun ("the claims", "in reports")', example: { text: 'She dismissed the claims about the harbour.', cue: 'claims' } },
  'cue.participle-after-preposition': { reason: 'a participle after a preposition is an adjective ("despite repeated warnings")', example: { text: 'The board acted despite repeated warnings from the mayor.', cue: 'repeated' } },
  'cue.anonymity-request': { reason: 'a source asking not to be named ("who asked not to be named", "requested anonymity") says why it goes unnamed, not a claim', example: { text: 'A harbour official, who asked not to be named, said the depot would close.', cue: 'asked' } },
  'cue.called-to': { reason: '"called to testify" is a summons, not a statement', example: { text: 'Officials called to warn that the dam would fail.', cue: 'called' } },
  'cue.noun-after-adjective': { reason: 'after an article and an adjective the word is a noun ("a cautious note")', example: { text: 'He struck a cautious note on the budget.', cue: 'note' } },
  'cue.plural-noun-after-adjective': { reason: 'an -s form after an adjective is a plural noun ("baseless claims")', example: { text: 'Several baseless claims about the dam spread on Monday.', cue: 'claims' } },
  'cue.participle-after-number': { reason: 'a participle after a number is an adjective ("271 pledged delegates")', example: { text: 'Police logged 30 reported thefts in May.', cue: 'reported' } },
  'cue.participle-after-ordinal': { reason: 'a participle after an ordinal that follows a determiner or possessive ("the Fed\'s last confirmed intervention") is an adjective', example: { text: 'The port\'s last reported collision was in May.', cue: 'reported' } },
  'cue.hearsay-passive': { reason: '"X said to have …", "is believed to be …" is hearsay about X, who says nothing (/claim scope)', example: { text: 'The harbour chief, said to have no plan for the pier, resigned on Monday.', cue: 'said' } },
  'cue.headline-said-passive': { reason: 'a headline\'s past "said" before "to", an -ing form, an adverb or "likely" ("HARBOUR AREAS SAID RECEIVING RAIN") is hearsay about the subject (/claim scope)', example: { text: 'HARBOUR FEES SAID LIKELY TO RISE\nThe board met on Monday.', cue: 'SAID', headline: true } },
  'cue.future': { reason: '"will announce", "is expected to announce": nothing has been said yet (/claim scope)', example: { text: 'The harbour board is expected to announce new fees on Friday.', cue: 'announce' } },
  'cue.bare-infinitive': { reason: 'an infinitive reports nothing unless a verb like "appeared to" or "went on to" carries it', example: { text: 'The council met to discuss and to explain the budget.', cue: 'explain' } },
  'cue.read-without-document': { reason: '"read" reports only a document ("the statement reads")', example: { text: 'The senator read the bill twice.', cue: 'read' } },
  'sense.show-without-evidence': { reason: '"show" and "find" report only evidence (a poll, a study, a video)', example: { text: 'The mayor showed visitors the new pier.', cue: 'showed' } },
  'sense.called-without-verdict': { reason: '"called" is a cue only with a verdict word, "call for" or a quotation', example: { text: 'The mayor called the vote early.', cue: 'called' } },
  'sense.phone-call': { reason: '"called him on Sunday" is a telephone call', example: { text: 'The senator called her to ask about the vote.', cue: 'called' } },
  'sense.maintain-keeping': { reason: '"maintains a fleet" is keeping, not saying', example: { text: 'The port authority maintains a fleet of tugboats.', cue: 'maintains' } },
  'sense.add-numbers': { reason: '"added 292,000 jobs", "added to the list": adding, not saying', example: { text: 'The economy added 150,000 jobs in May.', cue: 'added' } },
  'sense.decline-without-to': { reason: 'only "declined to …" or "declined comment" report anything', example: { text: 'Harbour fees declined sharply last year.', cue: 'declined' } },
  'sense.participle-adjective': { reason: 'a participle before a head like "delegates" or "primaries" is an adjective', example: { text: 'The party counted disputed ballots all night.', cue: 'disputed' } },
  'sense.reporting-credit': { reason: '"Additional reporting by …" is a credit line', example: { text: 'With 90 percent of precincts reporting, Cruz led.', cue: 'reporting' } },
  'sense.reported-from': { reason: '"X reported from Kyiv" is a reporting credit', example: { text: 'Lena Moss reported from Tallinn.', cue: 'reported' } },
  'sense.called-name-after-comma': { reason: '", called the Green Trust" names something', example: { text: 'His charity, called the Green Trust, opened in May.', cue: 'called' } },
  'sense.expected-event': { reason: '"a ruling expected in June" is an expected event, not an expectation anyone voiced', example: { text: 'A ruling expected in June could end the case.', cue: 'expected' } },
  'sense.calls-noun': { reason: '"phone calls" is a noun', example: { text: 'The office logged phone calls from voters.', cue: 'calls' } },
  'sense.called-name': { reason: '"a group called “X”" names something', example: { text: 'She founded a group called Harbour Watch.', cue: 'called' } },
  'sense.think-tank': { reason: '"think tank" is a noun', example: { text: 'Conservatives think tanks are biased.', cue: 'think' } },
  'sense.continue-without-quote': { reason: '"continued" reports speech only next to a quotation', example: { text: 'The mayor continued the tour after lunch.', cue: 'continued' } },
  'sense.action-with-to': { reason: '"agreed to meet", "decided to run": an action, not a statement (PolNeAR scope keeps it)', example: { text: 'The union agreed to end the strike.', cue: 'agreed' } },
  'sense.refer-without-to': { reason: '"referred" reports speech only as "referred to"', example: { text: 'The judge referred the case back.', cue: 'referred' } },
  'sense.point-without-out': { reason: '"pointed" reports speech only as "pointed out" or "pointed to"', example: { text: 'The guide pointed the way north.', cue: 'pointed' } },
  'sense.no-comment': { reason: '"declined comment", "refused further comment": saying nothing is no claim in /claim (PolNeAR scoring keeps it as an act)', example: { text: 'A harbour board official declined comment on the ruling.', cue: 'declined' } },
  'sense.contest-campaign': { reason: 'contesting a state, seat, race or primary is campaigning for it, not disputing anything', example: { text: 'Both parties are fiercely contesting Nevada this autumn.', cue: 'contesting' } },
  'sense.confirm-appointment': { reason: 'a senate confirming a judge or a nominee appoints them; nothing is said to be true', example: { text: 'The state senate confirmed two judges on Tuesday.', cue: 'confirmed' } },
  'sense.act-object': { reason: 'announcing or declaring an act ("announced a tender", "declared a moratorium") does it; it claims nothing (/claim scope)', example: { text: 'The port authority announced a tender for two tugboats.', cue: 'announced' } },
  'sense.challenge-campaign': { reason: 'challenging a person in a state, for a seat or when they ran ("who is challenging Rep. Ames in Ohio", "the governor challenged by Lee in 1986") is running against them, not disputing anything', example: { text: 'A young lawyer who is challenging Mayor Ida Holm in Carlow raised record sums.', cue: 'challenging' } },
  'stance.verdict-outside-content': { reason: 'a verdict word after a quotation\'s "said" ("…," Lee said, repeating a false claim) is the outlet\'s verdict on the claim, which the speaker asserts', example: { text: '"The harbour was never dredged," Lee said, repeating a false claim about the port.', cue: 'said' } },
  'stance.rejects-proposal': { reason: 'rejecting or dismissing a proposal, an offer, a plan or an act declines or criticises it; it denies no claim', example: { text: 'The mayor rejected an offer from the ferry union to hold talks.', cue: 'rejected' } },
  'stance.denies-refusal': { reason: '"denied access", "denied the request" is a refusal, not a denial that something is so', example: { text: 'The port authority denied the fishermen access to the pier.', cue: 'denied' } },
  'stance.rejects-person': { reason: 'rejecting or dismissing a person ("voters rejected Ames", "dismissed him as a clown") opposes or belittles them; it denies no claim', example: { text: 'The harbour board dismissed Iva Kern as a crank.', cue: 'dismissed' } },
  'stance.challenge-dare': { reason: '"challenged X to a debate" dares or invites; it disputes nothing', example: { text: 'The councillor challenged the mayor to a public debate on the harbour.', cue: 'challenged' } },
  'stance.question-asking': { reason: '"questioned X about …", "was questioned on …" is asking or being asked, not doubting a claim', example: { text: 'Reporters questioned Mayor Kern about the harbour fees.', cue: 'questioned' } },
  'according.to-comma': { reason: 'an "according to" source runs to the next comma or the sentence end, over what describes it ("a survey released Monday by …"), as PolNeAR writes it', example: { text: 'Fees rose by a third, according to a harbour survey released on Monday by the port.', cue: 'according to' } },
  'according.description-to-end': { reason: 'with the content before "according to", a description of the source running to the sentence end is the source\'s ("according to Bill Moss, a pollster who ran it.")', example: { text: 'Fees rose by a third, according to Lina Brandt, a harbour economist who tracks the port.', cue: 'according' } },
  'source.dated-participle': { reason: 'a participle dated by a time phrase after the subject ("a survey released on Monday found") belongs to the source as written', example: { text: 'A harbour survey released on Monday found that fees rose.', cue: 'found' } },
  'source.bare-participle': { reason: 'a bare -ing form after an object has no subject right before it, even past a time phrase ("posted a list late Sunday saying …")', example: { text: 'The mayor sent a series of notes late Sunday saying the depot would close.', cue: 'saying' } },
  'source.placing-phrase': { reason: 'after a quotation, the phrase placing an unnamed speaker is part of the source ("said a person close to the board")', example: { text: '"It is over," said a person close to the harbour board.', cue: 'said' } },
  'source.lone-participle': { reason: 'a lone participle is no speaker ("is propounding views")', example: { text: 'Meanwhile, resigned said the town.', cue: 'said' } },
  'source.event-raises': { reason: 'an event raises concerns; nobody voices them', example: { text: 'The outage has raised concerns about the grid.', cue: 'raised concerns' } },
  'source.opening-word': { reason: 'an opening word ("Instead, …") is no speaker', example: { text: 'Instead, argued the harbour master, the fees should fall.', cue: 'argued' } },
  'source.preposition': { reason: 'a source never opens with a preposition or subordinator ("Following initial reports …")', example: { text: 'Following early reports of the flood, the dam held.', cue: 'reports' } },
  'source.time-phrase': { reason: 'a time phrase ("Two weeks after the vote, …") is no speaker', example: { text: 'Two weeks after the vote, the mayor broke her silence by saying the depot would close.', cue: 'saying' } },
  'source.generic-you': { reason: 'a generic "you" is nobody\'s claim', example: { text: 'You could argue the dam is safe.', cue: 'argue' } },
  'source.no-letter': { reason: 'a source names someone, so it has a letter in it ("Jan. 1, 2015, shows")', example: { text: '12, 14 say the dam is safe.', cue: 'say' } },
  'outlet.dispute-in-content': { reason: 'a push-back word inside an attributed statement\'s content ("… is unsubstantiated, according to the journal") is the source\'s, not the outlet\'s own dispute', example: { text: 'Half of the claims are unsubstantiated, according to the harbour audit.', cue: 'unsubstantiated' } },
  'quote.introducer-takes-paragraph': { reason: 'an introducer ending in a colon with nothing after it ("The Times reports:") says what the quotation paragraph below it says: one statement quoting both', example: { text: 'The Harbour Gazette reports:\n\n"The depot will close in May, and nobody on the board objected."', cue: 'reports' } },
  'quote.within-paragraph': { reason: 'a sentence that is nothing but quotation, right after a sentence quoting its speaker in the same paragraph ("“…,” Lee said. “…”"), is the same speaker going on, never the outlet\'s reporting', example: { text: '"The pier is safe," Ana Poll said. "The divers checked it twice. Nobody was hurt."', cue: 'said' } },
  'headline.one-statement': { reason: 'a headline reports one statement: a cue inside its content is no second claimant', example: { text: 'Mayor Says Harbour Board Must Admit Its Errors\nThe board met on Monday.', cue: 'Admit', headline: true } },
  'claimant.not-from-headline': { reason: 'a headline, caption or teaser never gives a body statement\'s claimant its fuller name (issue 14, pattern 1)', example: { text: 'Neighbour Who Sued Iva Kern Loses\n"It was all invented," Kern said on Friday.', cue: 'said', headline: true } },
  'claimant.name-after-preposition': { reason: 'capitalised words after a preposition, an article or a year ("Data from the 2014 Harbour Survey") are a thing the source is about, never a person a later "she" stands for', example: { text: 'Data from the 2014 Harbour Tide Survey show that fees rose.\nShe said the figures were wrong.', cue: 'said' } },
  'claimant.fuller-ends-in-word': { reason: 'a fuller mention ends in the word it is found by ("Defence Minister Ivo Brandt" for "Brandt"); a word inside a name ("Tarnese Defence Minister …") names a country, a body or an owner ("Ivo Brandt\'s office" is no later "Brandt"), never that claimant', example: { text: 'Tarnese Foreign Minister Ivo Brandt said the talks failed.\nTarn said the border stays shut.', cue: 'said' } },
  'claimant.owner-not-affiliation': { reason: 'the owner in "Brandt\'s chief strategist Ana Poll" is another person, not the body Poll speaks for: a later "Brandt" is never Poll', example: { text: 'Brandt\'s chief strategist Ana Poll said the vote was lost.\nBrandt said he would run again.', cue: 'said' } },
  'claimant.it-not-in-content': { reason: 'a closing "it said" stands for the body named before, never for a name inside the quotation it closes', example: { text: '"Tarn Harbour will not stop the slide," it said.', cue: 'said' } },
  'claimant.it-not-role': { reason: '"it" stands for a body, never for a speaker named by a role ("a bank spokesman", "the official")', example: { text: 'The port paid its debts, a harbour spokesman said.\nIt has said the fees will rise.', cue: 'said' } },
  'claimant.named-document': { reason: 'a document word as a capitalised head ("the Washington Post", "the Drudge Report") names an outlet, never the last speaker\'s statement', example: { text: 'The mayor said the pier would close.\nThe plan was dropped last year, according to the Harbour Post.', cue: 'according to' } },
  'claimant.title-agrees': { reason: 'Mr./Mrs./Ms. must agree with the fuller mention\'s title or shown gender (issue 14, pattern 5)', example: { text: 'Judge Omar Sato spoke first.\nSato said the case was closed.\nMrs. Sato said the family would appeal.', cue: 'said' } },
  'claim.reported-inside': { reason: 'a statement inside another speaker\'s content is that speaker\'s report, not a claim of its own (a denial\'s "claims by Y that" and a channel\'s "…, Reuters reported" excepted)', example: { text: 'Councillor Ana Poll insisted that the mayor says the pier is safe.', cue: 'says' } },
  'source.coordinated-verb': { reason: 'a verb after ", then" shares the subject of the verb before it; the phrase before the comma is that verb\'s object, not a speaker', example: { text: 'Mayor Ivo Brandt offered the diver a post as Head of Safety, then said the pier would reopen.', cue: 'said' } },
  'source.subordinate-conjunct': { reason: '"… as he spoke … and urged": a verb after "and" continues the subordinate clause it follows, so its subject speaks, not the main clause\'s', example: { text: 'The crowd cheered when Mayor Ivo Brandt arrived and said the pier would reopen.', cue: 'said' } },
  'source.opening-it': { reason: 'an opening "it" with its verb is the subject of a list of verbs ("It has seized …, jailed X and others, and vowed …"), not the phrase after the first comma', example: { text: 'It has seized two ports, jailed Danish reporters and others, and vowed a wider war against the rebels.', cue: 'vowed' } },
  'claimant.named-in-sentence': { reason: '"he"/"she" stands for the one earlier speaker its own sentence names before it, not for the most recent speaker the sentence does not name', example: { text: 'Senator Tom Vale spoke to farmers on Monday.\nVale said the levy would fall.\n"It is a fair deal," said analyst Ed Reed.\nVale, who has fought the levy for years, rallied the crowd against a tax that he says hurts farmers.', cue: 'says' } },
  'claimant.contracted-pronoun': { reason: '"I\'m", "we\'re", "he\'d" is a pronoun with its verb, resolved as the pronoun, never shown as a name', example: { text: '"The depot stays," Ana Poll said.\nShe\'d said the pier would close.', cue: 'said' } },
  'source.clause-inside': { reason: 'a source holding an infinitive ("happy to hear Clinton") or a concessive ("June despite his lead and Democratic") has run over a clause and names no speaker', example: { text: 'Senator Vale stayed in the race until June despite her lead and Democratic calls for her to quit.', cue: 'calls' } },
  'source.described-clause': { reason: 'a clause inside the description after a name ("Joe Moss, who drove from Ohio to help the campaign, says") says who the speaker is; the clause veto reads the name alone', example: { text: 'Ida Lund, who moved to Tarn because of the harbour, says the pier is unsafe.', cue: 'says' } },
  'source.quoted-title': { reason: 'a short quoted title or word inside the description after a name ("Joe Marr, host of “Harbour Hour” on Radio Tarn, said") is part of the source; the quotation marks do not end the subject search', example: { text: 'Ada Roy, the author of “Tides,” a book on the port, said the pier would close.', cue: 'said' } },
  'source.role-description-name': { reason: 'a description opening with a role word after a name ("Ida Lund, chief executive of Portline, a ferry firm, said") belongs to the name before it, which is the subject; the description alone is not', example: { text: 'Ida Lund, chief executive of Portline, a ferry firm, said the pier would close.', cue: 'said' } },
  'source.open-description-name': { reason: 'a name opening the sentence, then a comma and a description that runs into the cue with no closing comma ("Ida Lund, the harbour\'s spokeswoman said"), is the subject; the source runs over both, the claimant is the name', example: { text: 'Ida Lund, the harbour\'s spokeswoman said the pier would close.', cue: 'said' } },
  'source.verb-first-name': { reason: 'a capitalised reporting verb between a lower-case word and a capitalised word mid-sentence ("harbour spokeswoman Hope Lind") is a first name inside the source, not a verb ending it', example: { text: 'The harbour spokeswoman Hope Lind said the pier would close.', cue: 'said' } },
  'source.pronoun-contraction': { reason: 'a pronoun with a contracted verb ("They’re", "I\'d") is the pronoun as source; the contraction is the verb\'s', example: { text: 'We’ve said for years that the pier is unsafe.', cue: 'said' } },
  'source.including-members': { reason: 'an inserted phrase naming members of the subject ("Several harbour unions, including the dockers, said") is part of the source as written, as a description is', example: { text: 'Several harbour unions, including the dockers, said the pier was unsafe.', cue: 'said' } },
  'source.role-apposition': { reason: 'a description after the sentence\'s opening name may start with a role word ("Ada Roy, vice chair of the board, emailed …"), not only with an article; the name stays the subject', example: { text: 'Ada Roy, vice chair of the harbour board, emailed the crews, telling them the pier would close.', cue: 'telling' } },
  'source.described-subject': { reason: 'the sentence\'s subject speaking through a later verb ("…, telling them", "… and said") is its name with the description set off by commas, as written', example: { text: 'Ada Roy, a pilot on the ferry line, emailed the crews, telling them the pier would close.', cue: 'telling' } },
  'source.description-with-statement': { reason: 'a description after the name that holds a statement of its own ("Lee, who said last week that the pier was safe, told …") is that statement\'s; the source is the name alone, as PolNeAR writes it', example: { text: 'Ida Lund, who said in May that the pier was safe, told the board it would close.', cue: 'told' } },
  'source.opening-pronoun': { reason: 'a subject pronoun opening the sentence, or right after a linking word ("Then she …"), is the subject a later "…, saying" speaks through; it is not skipped with the phrase up to the first comma', example: { text: 'Then she toured the harbour, warning that the pier would close.', cue: 'warning' } },
  'source.s-possessive': { reason: 'a possessive written with a bare apostrophe after -s ("the Harbour Times’ editor", "Moss\' spokesman") belongs to the phrase, as "\'s" does', example: { text: 'The Tarn Times’ editor said the pier would close.', cue: 'said' } },
  'source.description-before-name': { reason: 'a description set before the name at the opening of the sentence ("The harbour\'s pilot, Tove Berg, said") is part of the source as written; the claimant stays the name', example: { text: 'The harbour\'s chief pilot, Tove Berg, a welder by trade, said the pier would close.', cue: 'said' } },
  'source.contact-relative': { reason: 'a name after a common noun ("a point Ida Roy conceded", "the photo Roy posted") opens a relative clause without "that": the name is the source, the noun is what was said', example: { text: 'It was a point Ida Roy also conceded to the dockers.', cue: 'conceded' } },
  'source.participle-later-subject': { reason: 'a participle after a comma ("…, attacking") speaks for the main clause\'s subject when that subject comes after the previous statement\'s cue, not for the speaker of a statement in an opening clause', example: { text: 'Ever since she endorsed the plan, Mayor Ida Holm has been its loudest voice, warning that the pier will fail.', cue: 'warning' } },
  'source.at-least-number': { reason: 'a subject opening with "at least" or "at most" before a number ("At least half of voters say") keeps the limiter; the phrase grown leftwards stops at "least" and is no subject', example: { text: 'At least half of the dockers say the pier is unsafe.', cue: 'say' } },
  'source.share-of-them': { reason: 'a share of a group named before, opening its clause ("Most of them said", "Nearly 10 percent of them voted"), is the source as written; the object pronoun alone is none', example: { text: 'The dockers met at dawn. Most of them said the pier was unsafe.', cue: 'said' } },
  'source.correlative-coordination': { reason: 'a pair joined by "both … and", "neither … nor" or "either … or" is one subject with its opening word ("Both the Gazette and the Herald confirmed"), never its last conjunct alone', example: { text: 'Either the harbour master or her deputy said the pier was closed.', cue: 'said' } },
  'source.passive-agent-role': { reason: 'the agent of a passive cue may open with a lower-case role before the name ("was asked by host Ida Lund", "echoed by former Mayor Ivo Brandt"); the whole phrase is the source', example: { text: 'The mayor was asked by host Ida Lund about the pier.', cue: 'asked' } },
  'source.passive-agent-share': { reason: 'the agent of a passive cue may be a share of a group of people ("criticized by some of his rivals"); the whole phrase is the source', example: { text: 'The levy was criticized by some of her rivals.', cue: 'criticized' } },
  'source.described-before-auxiliary': { reason: 'a described subject opening the sentence keeps its description when an auxiliary follows it ("Ted Vale, who won Tarn, is calling for …"), as it does before a bare verb', example: { text: 'Ivo Brandt, who chairs the harbour board, is saying the pier is safe.', cue: 'saying' } },
  'source.conjunct-later-subject': { reason: 'a verb after "and" continues the main clause, whose subject follows an opening clause holding another statement ("Asked about it, Mrs. Lee shook her head and said"); that subject speaks, not the opening statement\'s speaker', example: { text: 'Asked about the pier on Monday, Mayor Ida Holm shook her head and said it would close.', cue: 'said' } },
  'source.coordinated-subject': { reason: 'a coordinated subject speaks as a whole ("Brandt and Poll clashed …, each saying"); its first conjunct alone is a wrong claimant', example: { text: 'Poll and husband Tom thanked the crowd and said the pier would reopen.', cue: 'said' } },
  'claimant.town-state-not-apposition': { reason: 'a state after its town ("the mayor of Elkton, South Dakota,") is part of the place, never an appositive naming the speaker', example: { text: 'The mayor of Elkton, South Dakota, said the levy would fall.', cue: 'said' } },
  'claimant.title-with-of': { reason: 'a title with "of" ("Secretary of State Jon Husted") is one name: a later "Husted" never resolves to "State Jon Husted"', example: { text: 'The purge was backed by Republican Secretary of State Jon Husted on Monday.\nHusted said the rolls were clean.', cue: 'said' } },
  'claimant.opening-adverb': { reason: 'a capitalised sentence adverb before a name ("Later Secretary of State Jon Husted told …") is no part of the claimant', example: { text: 'Meanwhile Harbour Master Eda Lund told reporters the pier was safe.', cue: 'told' } },
  'claimant.time-tail': { reason: 'a time phrase after the name ("The harbour board in January said") is when it spoke, not who', example: { text: 'The harbour board in January said fees would rise.', cue: 'said' } },
  'source.relative-by': { reason: '"by declaring" inside a relative clause ("sat with Ryan, who surprised Trump by declaring …") is the relative\'s act, not the main subject\'s', example: { text: 'The mayor met Councillor Ana Poll, who stunned the board by declaring the pier unsafe.', cue: 'declaring' } },
  'claimant.coordination-not-fuller': { reason: 'a coordinated claimant ("Ivo Brandt and Ana Poll") is never the fuller name of a later surname ("Brandt")', example: { text: 'Ivo Brandt and Ana Poll thanked the crowd and said the pier would reopen.\nBrandt said the ferry would return.', cue: 'said' } },
  'source.negative-subject': { reason: 'a negative subject ("Neither he nor Poll echoed …", "No councillor has said …") asserts nothing by anyone (issue 14, pattern 4)', example: { text: 'No councillor has claimed the pier is unsafe.', cue: 'claimed' } },
  'source.place-opener': { reason: 'a place phrase opening the sentence ("Back in Washington, his staff …") is no subject of a later participle', example: { text: 'Back in Tarn, his staff churned out a new video, deploring the levy and promising a new pier.', cue: 'deploring' } },
  'source.who-after-place': { reason: 'names after "in" or "at" before "who" are places ("workers in Tarn and Vell who demanded"), never who speaks', example: { text: 'The union backed dockers in Tarn and Vell who demanded a new pier.', cue: 'demanded' } },
  'source.he-surname': { reason: 'a capitalised "He" opening the clause before one capitalised word and an appositive comma ("He Mao, Minister of Trade, said") is a surname, not the pronoun', example: { text: 'He Mao, Minister of Trade, said the levy would fall next year.', cue: 'said' } },
  'source.town-with-state': { reason: 'a state set off by commas after its town ("the Hunt family of Dallas, Texas, told") is no subject of its own; the subject runs over town and state, or there is none', example: { text: 'A fund led by members of the Lund family of Austin, Texas, told the board it had bought a stake.', cue: 'told' } },
  'source.acronym-inside-name': { reason: 'an acronym in parentheses inside a name ("Ministry of Trade (MITI) Deputy Director Ito") is part of it; the source does not start after it', example: { text: 'The Tarn Harbour Board (THB) Chief Pilot Ida Lund said the pier would close.', cue: 'said' } },
  'content.after-addressee': { reason: '"told reporters the pier was unsafe": without "that", the addressee (and a time phrase after it) is not part of what was said', example: { text: 'Ana Poll told the Harbour Gazette on Monday she would resign.', cue: 'told' } },
  'content.before-addressee': { reason: 'a closing "told" with only its addressee ("…, Ana Poll, head of the port board, told reporters.") says what precedes the speaker; the addressee is not the content', example: { text: 'The harbour fees will double next year, Ana Poll, head of the port board, told reporters.', cue: 'told' } },
  'content.before-relative-subject': { reason: 'a closing speaker with a relative clause ("…, sources who reviewed them told POLITICO.") says what comes before the comma, as a plain closing speaker does', example: { text: 'The mayor said the pier was safe, officials who reviewed the plans told Harbourwatch.', cue: 'told' } },
  'content.short-clause-before': { reason: 'a short clause before a closing speaker with only a place or time phrase after the verb ("Fees will rise, Lee said at a meeting.") is what was said, not the phrase', example: { text: 'Fees will rise, Ana Poll said at a meeting of the board.', cue: 'said' } },
  'content.addressee-colon': { reason: '"told the crowd in Tarn: “…”": the addressee before the colon is not part of what was said', example: { text: 'The mayor told the crowd in Tarn: "The pier will reopen."', cue: 'told' } },
  'nested.own-speaker': { reason: 'scoring one attribution per token (PolNeAR), a statement inside another\'s content is still its own when no other statement names its speaker ("…,” Lee said, according to the Gazette")', example: { text: '"The pier is safe," Lee said, according to the Harbour Gazette.', cue: 'said', scope: 'polnear' } },
  'colon.poll-label': { reason: 'a headline\'s "Poll:" label names the poll that reports what follows (PolNeAR scope; /claim leaves the outlet\'s headline its own)', example: { text: 'Poll: Mayor Kern Leads Harbour Race by Ten Points\nThe race tightened in May.', cue: ':', headline: true, scope: 'polnear' } },
  'colon.more-from': { reason: 'in a round-up, "More from X: “…”" and "From the report: “…”" quote X; "More from" is no part of the speaker', example: { text: 'The port looked calm. - More from Ames and Lund: "Traffic fell by a third in May."', cue: ':' } },
  'poll.opening-with-respondents': { reason: 'a poll opening its sentence reports its figures even when its respondents "said" something in them (PolNeAR scope; /claim shows the respondents\' statement alone)', example: { text: 'In a Harbour Gazette poll released Monday, 60 percent of voters said the ferry should return.', cue: 'In', scope: 'polnear' } },
  'poll.standing': { reason: 'mid-sentence, a particular poll reports the standing before it ("fell to 10 percent in the latest Gazette poll"; PolNeAR scope only)', example: { text: 'Mayor Kern fell to 10 percent in the latest Harbour Gazette poll.', cue: 'in', scope: 'polnear' } },
} as const satisfies Record<string, RuleInfo>;

/** A registered rule's id. */
export type RuleId = keyof typeof RULES;

const off = new Set<RuleId>();
const fires = new Map<RuleId, number>();

/**
 * Whether rule `id` applies here: `applies`, unless the rule is switched off; counts the fire.
 * @example if (rule('cue.negated', negatedCue(toks, c))) return true;
 */
export function rule(id: RuleId, applies: boolean | undefined): boolean {
  if (!applies || off.has(id)) return false;
  fires.set(id, (fires.get(id) ?? 0) + 1);
  return true;
}

/** Switches rules off (for evaluation and the registry's tests; the product never calls it). */
export function switchRulesOff(ids: readonly RuleId[]): void {
  off.clear();
  for (const id of ids) off.add(id);
}

/** How often each rule fired since the last `resetRuleFires`. */
export function ruleFires(): ReadonlyMap<RuleId, number> {
  return fires;
}

/** Starts the fire counts afresh. */
export function resetRuleFires(): void {
  fires.clear();
}
