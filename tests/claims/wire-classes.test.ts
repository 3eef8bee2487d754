/**
 * Classes found hand-judging /claim on wire copy no rule was written for (Reuters-21578, issue 14):
 * each read as /claim reads it, with the rule and without it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { findStatements, type FindOptions } from '../../src/claims/attribution.js';
import { switchRulesOff, type RuleId } from '../../src/claims/rules.js';
import { tokenize } from '../../src/claims/tokens.js';
import { productSentences } from '../helpers/sentences.js';

/** What `/claim` reads, rules only. */
const PRODUCT: FindOptions = { keepSourceless: false, chooser: null };

/** "cue|source|content" rows of what attribution finds. */
function found(text: string, title = false): string[] {
  const sentences = productSentences(text).map((s) => (title && s.block === 0 ? { ...s, kind: 'title' as const } : s));
  return findStatements(text, sentences, PRODUCT).filter((s) => s.kind === 'attributed')
    .map((s) => `${text.slice(s.cue.start, s.cue.end)}|${s.source ? text.slice(s.source.start, s.source.end) : ''}|${text.slice(s.content.start, s.content.end)}`);
}

/** The rows with rule `id` switched off. */
function without(id: RuleId, text: string, title = false): string[] {
  switchRulesOff([id]);
  try {
    return found(text, title);
  } finally {
    switchRulesOff([]);
  }
}

afterEach(() => switchRulesOff([]));

describe('a participle after an ordinal (cue.participle-after-ordinal)', () => {
  const text = "The Tarn bank's last confirmed purchase of crowns was in January.";
  it('is an adjective, no cue', () => {
    expect(found(text)).toEqual([]);
    expect(without('cue.participle-after-ordinal', text)).not.toEqual([]);
  });
  it('leaves an adverb "last" after a subject a cue', () => {
    expect(found('The harbour board last reported that fees would rise.').map((r) => r.split('|')[0])).toEqual(['reported']);
  });
});

describe('hearsay about the subject (cue.hearsay-passive)', () => {
  const text = 'The port chief, said to have no plan for the ferry, resigned on Monday.';
  it('names nobody who said anything', () => {
    expect(found(text)).toEqual([]);
    expect(without('cue.hearsay-passive', text)).not.toEqual([]);
  });
  it('leaves "said to reporters" a statement', () => {
    expect(found('Ana Poll said to reporters that the pier would close.')).toEqual(['said|Ana Poll|the pier would close']);
  });
});

describe('a statement still to come (cue.future)', () => {
  it.each([
    ['The harbour board is expected to announce new fees on Friday.', 'announce|The harbour board|new fees on Friday'],
    ['The mayor will announce the budget on Monday.', 'announce|The mayor|the budget on Monday'],
    ['The harbour board may tell the dockers that fees will rise.', 'tell|The harbour board|fees will rise'],
  ])('%s says nothing yet', (text, before) => {
    expect(found(text)).toEqual([]);
    expect(without('cue.future', text)).toEqual([before]);
  });
});

describe('announcing or declaring an act (sense.act-object)', () => {
  it.each([
    ['The port authority announced a tender for two tugboats.', 'announced|The port authority|a tender for two tugboats'],
    ['Tarn declared a moratorium on interest payments in May.', 'declared|Tarn|a moratorium on interest payments in May'],
  ])('%s claims nothing', (text, before) => {
    expect(found(text)).toEqual([]);
    expect(without('sense.act-object', text)).toEqual([before]);
  });
  it('leaves an announcement with "that" a claim', () => {
    expect(found('The port authority announced that fees would rise.')).toEqual(['announced|The port authority|fees would rise']);
  });
});

describe('a short clause before a closing speaker and a place phrase (content.short-clause-before)', () => {
  const text = 'Fees will rise, Ana Poll said at a meeting of the board.';
  it('is the content, not the place phrase', () => {
    expect(found(text)).toEqual(['said|Ana Poll|Fees will rise']);
    expect(without('content.short-clause-before', text)).toEqual(['said|Ana Poll|at a meeting of the board']);
  });
  it('leaves an opening place phrase out of it', () => {
    expect(found('In Tarn, Ana Poll said at a meeting that fees would rise.')).toEqual(['said|Ana Poll|fees would rise']);
  });
});

describe('"told" an addressee and a colon (content.addressee-colon)', () => {
  const text = 'The mayor told the crowd in Tarn: "The pier will reopen."';
  it('leaves the addressee out of the content', () => {
    expect(found(text)).toEqual(['told|The mayor|"The pier will reopen."']);
    expect(without('content.addressee-colon', text)).toEqual(['told|The mayor|the crowd in Tarn: "The pier will reopen."']);
  });
});

/** "claimant|content" rows of what /claim shows as someone's (attributed or a carried quotation). */
function claimants(text: string): string[] {
  return findStatements(text, productSentences(text), PRODUCT).filter((s) => s.kind !== 'outlet')
    .map((s) => `${s.claimant ?? ''}|${text.slice(s.content.start, s.content.end)}`);
}

describe('"it" after a speaker named by a role (claimant.it-not-role)', () => {
  const text = 'The port paid its debts, a harbour spokesman said.\n\nIt has said the fees will rise.';
  it('is never the spokesman', () => {
    expect(claimants(text)).toEqual(['a harbour spokesman|The port paid its debts', '|the fees will rise']);
    switchRulesOff(['claimant.it-not-role']);
    expect(claimants(text)).toEqual(['a harbour spokesman|The port paid its debts', 'a harbour spokesman|the fees will rise']);
  });
});

describe('a quotation going on within its paragraph (quote.within-paragraph)', () => {
  it.each([
    ['"The pier is safe," Ana Poll said. "The divers checked it twice."', '"The divers checked it twice."'],
    ['"The pier is safe," said Ana Poll. "The divers checked it. Nobody was hurt."', '"The divers checked it. Nobody was hurt."'],
  ])('%s is the speaker going on', (text, second) => {
    expect(claimants(text)).toContain(`Ana Poll|${second}`);
    switchRulesOff(['quote.within-paragraph']);
    expect(claimants(text)).not.toContain(`Ana Poll|${second}`);
  });
  it('stops at a sentence of the outlet\'s own', () => {
    const text = '"The pier is safe," Ana Poll said. The pier opened in 1990. "It will close."';
    expect(claimants(text)).toEqual(['Ana Poll|"The pier is safe,"']);
  });
});

describe('a state after its town (source.town-with-state)', () => {
  const text = 'A fund led by members of the Lund family of Austin, Texas, told the board it had bought a stake.';
  it('is never the speaker', () => {
    expect(claimants(text)).toEqual(['A fund|it had bought a stake']);
    switchRulesOff(['source.town-with-state']);
    expect(claimants(text)).toEqual(['Texas|it had bought a stake']);
  });
});

describe('an acronym in parentheses inside a name (source.acronym-inside-name)', () => {
  const text = '"We will act," Ministry of Harbours (MOH) Deputy Director Ida Lund told reporters.';
  it('is part of the source', () => {
    expect(found(text)).toEqual(['told|Ministry of Harbours (MOH) Deputy Director Ida Lund|"We will act,"']);
    expect(without('source.acronym-inside-name', text)).not.toEqual(found(text));
  });
});

describe('a headline\'s past "said" (cue.headline-said-passive)', () => {
  it.each([
    ['PORT CHIEF SAID TO HAVE NO PLAN FOR FERRY\nThe ferry stopped in May.', 'SAID|PORT CHIEF|TO HAVE NO PLAN FOR FERRY'],
    ['HARBOUR AREAS SAID RECEIVING SOME RAIN\nThe ferry stopped in May.', 'SAID|HARBOUR AREAS|RECEIVING SOME RAIN'],
  ])('%s names nobody who said anything', (title, before) => {
    expect(found(title, true)).toEqual([]);
    switchRulesOff(['cue.headline-said-passive', 'cue.hearsay-passive', 'cue.headline-passive']);
    expect(found(title, true)).toEqual([before]);
  });
  it.each(['PORT CHIEF SAID HE WOULD QUIT', 'Port Chief Said The Words Everyone Was Thinking'])('leaves "%s" a statement', (title) => {
    expect(found(`${title}\nThe ferry stopped in May.`, true).map((r) => (r.split('|')[0] ?? '').toLowerCase())).toContain('said');
  });
});

describe('a time phrase after the speaker\'s name (claimant.time-tail)', () => {
  const text = 'The harbour board in January said fees would rise.';
  it('is no part of the claimant', () => {
    expect(claimants(text)).toEqual(['harbour board|fees would rise']);
    switchRulesOff(['claimant.time-tail']);
    expect(claimants(text)).toEqual(['harbour board in January|fees would rise']);
  });
  it('leaves a longer time phrase whole ("data from September last year")', () => {
    expect(claimants('According to harbour data from September last year, fees rose.')).toEqual(['harbour data from September last year|fees rose']);
  });
});

describe('an all-caps headline\'s possessive "\'S" (tokenizer)', () => {
  it('is the owner\'s mark, never a word "S" opening the source', () => {
    const rows = found("U.S. COMMERCE'S WELLS SAYS TARIFF TO STAY\nThe tariff stays.", true);
    expect(rows.map((r) => r.split('|')[1])).toEqual(["U.S. COMMERCE'S WELLS"]);
  });
  it('leaves a quoted capital "S" a word of its own', () => {
    expect(tokenize("Grade 'S' is rare.").map((t) => t.text)).toEqual(['Grade', "'", 'S', "'", 'is', 'rare', '.']);
  });
});

describe('a state after its town before the cue (claimant.town-state-not-apposition)', () => {
  const text = 'The mayor of Elkton, South Dakota, said the levy would fall.';
  it('is part of the place, no appositive naming the speaker', () => {
    expect(found(text)).toEqual(['said|The mayor of Elkton, South Dakota,|the levy would fall']);
    const claimants = findStatements(text, productSentences(text), PRODUCT).map((s) => s.claimant);
    expect(claimants).toEqual(['mayor of Elkton, South Dakota']);
    switchRulesOff(['claimant.town-state-not-apposition']);
    expect(findStatements(text, productSentences(text), PRODUCT).map((s) => s.claimant)).toEqual(['South Dakota (mayor of Elkton)']);
  });
  it('leaves a person named after a description an appositive', () => {
    const other = 'The mayor of Elkton, Dana Price, said the levy would fall.';
    expect(findStatements(other, productSentences(other), PRODUCT).map((s) => s.claimant)).toEqual(['Dana Price (mayor of Elkton)']);
  });
});

describe('a capitalised "He" before a name and an appositive (source.he-surname)', () => {
  const text = 'He Mao, Minister of Trade, said the levy would fall next year.';
  it('is a surname, not the pronoun', () => {
    expect(found(text)).toEqual(['said|He Mao, Minister of Trade,|the levy would fall next year']);
    expect(without('source.he-surname', text)).toEqual(['said|Minister of Trade|the levy would fall next year']);
  });
  it('leaves "He" before a verb the pronoun', () => {
    expect(found('He said the levy would fall next year.')).toEqual(['said|He|the levy would fall next year']);
  });
});

describe('a verb-like noun before the verb (npRight)', () => {
  it('is the head of the subject: "the task force called … and said"', () => {
    const text = 'In its report, the harbour task force called for new fees and said the pier was unsafe.';
    expect(findStatements(text, productSentences(text), PRODUCT).map((s) => s.claimant)).toEqual(['harbour task force']);
  });
});

describe('wire headlines in capitals (issue 14, hand-judged Reuters titles)', () => {
  it('reads a past form with words after it as headlinese passive (cue.headline-passive)', () => {
    const text = 'HARBOUR PILOT CRITICISED FOR LATE BERTHING\nThe pilot berthed the ferry two hours late.';
    expect(found(text, true)).toEqual([]);
    expect(without('cue.headline-passive', text, true)).not.toEqual([]);
    // A closing "…, TRADERS SAID" and the present "SAYS" stay cues.
    expect(found('TARN CUTS FERRY FEES, TRADERS SAID\nFees fell.', true).map((r) => r.split('|')[1])).toEqual(['TRADERS']);
    expect(found('TARN SAYS FERRY FEES WILL FALL\nFees fell.', true).map((r) => r.split('|')[1])).toEqual(['TARN']);
  });
  it('reads a cue word before a ticker or in a name the article writes as a name as that name (cue.headline-name)', () => {
    const ticker = 'TARN EXPRESS <TXP> FERRY TRAFFIC RISES\nTarn Express Co carried more cars in May.';
    expect(found(ticker, true)).toEqual([]);
    expect(without('cue.headline-name', ticker, true)).not.toEqual([]);
    const named = 'VELL EXPRESS CUTS CARGO RATES\nVell Express Ltd lowered its rates on Monday.';
    expect(found(named, true)).toEqual([]);
    expect(without('cue.headline-name', named, true)).not.toEqual([]);
  });
  it('reads an -s cue before a past form as a plural noun (cue.headline-noun-before-verb)', () => {
    const text = 'U.S. PIER INJURY CLAIMS ROSE IN MAY\nThe claims rose by a third.';
    expect(found(text, true)).toEqual([]);
    expect(without('cue.headline-noun-before-verb', text, true)).not.toEqual([]);
  });
  it('reads a headline\'s "ADDS" with words after it as adding (sense.add-headline)', () => {
    const text = 'BUNDESBANK ADDS MONEY MARKET FUNDS\nThe bank lent banks money for a week.';
    expect(found(text, true)).toEqual([]);
    expect(without('sense.add-headline', text, true)).not.toEqual([]);
  });
  it('reads "notes" after a rate or currency word as a debt security (sense.note-security)', () => {
    const text = 'The port said it will redeem its 12 pct notes in June.';
    expect(found(text).map((r) => r.split('|')[0])).toEqual(['said']);
    expect(without('sense.note-security', text).map((r) => r.split('|')[0])).toContain('notes');
    const title = 'TARN ADJUSTS SHORT-TERM DISCOUNT NOTE RATES\nThe rates rose.';
    expect(found(title, true)).toEqual([]);
    expect(without('sense.note-security', title, true)).not.toEqual([]);
    // "The Treasury notes that …" stays a cue.
    expect(found('The Treasury notes that fees rose in May.').map((r) => r.split('|')[0])).toEqual(['notes']);
  });
  it('keeps a ticker inside a company name (source.ticker-inside-name)', () => {
    const text = 'VELL <VEL> SHIPPING SAYS FEES UNDECIDED\nThe board met.';
    expect(found(text, true).map((r) => r.split('|')[1])).toEqual(['VELL <VEL> SHIPPING']);
    expect(without('source.ticker-inside-name', text, true).map((r) => r.split('|')[1])).toEqual(['SHIPPING']);
  });
  it('takes names listed with a comma from the headline start as one subject (source.headline-list)', () => {
    const text = 'NORWAY, TARN AGREE FERRY FEES TOO HIGH\nThe talks ended.';
    expect(found(text, true).map((r) => r.split('|')[1])).toEqual(['NORWAY, TARN']);
    expect(without('source.headline-list', text, true).map((r) => r.split('|')[1])).toEqual(['TARN']);
  });
});

describe('a question put to the subject (cue.asked-question)', () => {
  it('names no asker as claimant, and the question is nobody\'s claim', () => {
    const text = 'Asked by reporters whether the ferry would return, Ana Poll said it would.';
    expect(found(text)).toEqual(['said|Ana Poll|it would']);
    expect(without('cue.asked-question', text).map((r) => r.split('|')[1])).toContain('reporters');
  });
  it('drops the participle after the subject and what it asks', () => {
    const text = 'Ivo Brandt, asked if he expected fees to rise, said the board would decide.';
    expect(found(text)).toEqual(['said|Ivo Brandt|the board would decide']);
    expect(without('cue.asked-question', text)).not.toEqual(found(text));
  });
  it('drops "when asked by" and "was asked by X whether"', () => {
    expect(found('The mayor smiled when asked by the Tarn Gazette about the pier.')).toEqual([]);
    expect(found('Lund was asked by the harbour board whether the pier was safe.')).toEqual([]);
  });
  it('keeps a request ("asked the court to …", "was asked by the union to …") and a statement in a relative clause', () => {
    expect(found('Ivo Brandt, who chairs the board, asked the court to halt the sale.').map((r) => r.split('|')[0])).toEqual(['asked']);
    expect(found('The board was asked by the union to delay the vote.').map((r) => r.split('|')[0])).toEqual(['asked']);
    expect(found('Asked about the levy of the council, which said on Monday that fees would rise, Lund said it was fair.').map((r) => r.split('|')[0])).toEqual(['said', 'said']);
  });
  it('keeps the main clause of a question closed by no comma', () => {
    expect(found('Asked about the pier on Monday he said, "It is safe."').map((r) => r.split('|')[0])).toEqual(['said']);
  });
});

describe('a quoted person (source.quoted-as-saying)', () => {
  it('"X quoted Y as saying" is Y\'s statement, not X\'s', () => {
    const text = 'The Tarn Gazette quoted harbour master Ida Lund as saying the pier would close.';
    expect(found(text)).toEqual(['saying|harbour master Ida Lund|the pier would close']);
    expect(without('source.quoted-as-saying', text).map((r) => r.split('|')[1])).toContain('The Tarn Gazette');
  });
  it('takes a description set off by commas and the passive\'s subject', () => {
    expect(found('The radio quoted Ivo Brandt, head of the port board, as saying fees would rise.')).toEqual(['saying|Ivo Brandt, head of the port board|fees would rise']);
    expect(found('Ivo Brandt was quoted by the Tarn Gazette as saying fees would rise.')).toEqual(['saying|Ivo Brandt|fees would rise']);
    expect(found('Ivo Brandt was quoted as telling dockers that fees would rise.').map((r) => r.split('|').slice(0, 2).join('|'))).toEqual(['telling|Ivo Brandt']);
  });
  it('reads the content before a closing "quoted Y as saying."', () => {
    expect(found('Fees will rise next year, the Tarn Gazette quoted Ivo Brandt as saying.')).toEqual(['saying|Ivo Brandt|Fees will rise next year']);
  });
  it('names nobody when Y was not quoted', () => {
    expect(found('Ivo Brandt was not quoted as saying whether fees would rise.')).toEqual([]);
  });
  it('keeps the quoting body, not the quoted person, for a later "the statement said" (claimant.quoted-not-recent)', () => {
    const text = 'The harbour board issued a statement on Monday.\nThe statement quoted harbour master Ida Lund as saying the pier was safe.\nThe statement said fees would rise.';
    const claimants = (t: string) => findStatements(t, productSentences(t), PRODUCT).filter((s) => s.kind === 'attributed').map((s) => s.claimant);
    expect(claimants(text)).toEqual(['harbour master Ida Lund', 'statement']);
    switchRulesOff(['claimant.quoted-not-recent']);
    try {
      expect(claimants(text)).toEqual(['harbour master Ida Lund', 'harbour master Ida Lund']);
    } finally {
      switchRulesOff([]);
    }
  });
});

describe('headline and wire acts', () => {
  it('reads a past form ending a wire headline\'s clause as passive (cue.headline-passive-end)', () => {
    const text = 'PIER FEE RISE AGREED, BUT DOCKERS WAIT\nThe board met on Monday.';
    expect(found(text, true)).toEqual([]);
    expect(without('cue.headline-passive-end', text, true)).not.toEqual([]);
    expect(found('PIER TO CLOSE, DOCKERS SAID\nThe board met on Monday.', true).map((r) => r.split('|')[0])).toEqual(['SAID']);
    expect(found('TARN HAS DENIED, SOURCES SAY\nThe board met on Monday.', true).map((r) => r.split('|')[0])).toContain('SAY');
  });
  it('reads calling a tender or a strike as holding it (sense.call-act)', () => {
    const title = 'TARN CALLS BARLEY BUYING TENDER - TRADE\nThe tender closes on Friday.';
    expect(found(title, true)).toEqual([]);
    expect(without('sense.call-act', title, true)).not.toEqual([]);
    expect(found('The union called a strike for Monday.')).toEqual([]);
    expect(found('The board called the strike part of a campaign against it.').map((r) => r.split('|')[0])).toEqual(['called']);
    expect(found('The union called for a strike on Monday.').map((r) => r.split('|')[0])).toEqual(['called']);
  });
  it('reads a wire headline\'s "AGREES" before a plain noun phrase as a deal (sense.agree-headline-deal)', () => {
    const title = 'TARN, VELL AGREE FERRY DEBT RESCHEDULING\nThe talks ended.';
    expect(found(title, true)).toEqual([]);
    expect(without('sense.agree-headline-deal', title, true)).not.toEqual([]);
    expect(found('TARN, VELL AGREE FERRY FEES NOT TOO HIGH\nThe talks ended.', true).map((r) => r.split('|')[0])).toEqual(['AGREE']);
    expect(found('LUND AGREES WITH BRANDT ON FEES\nThe talks ended.', true).map((r) => r.split('|')[0])).toEqual(['AGREES']);
  });
  it('names the speaker after a wire headline\'s "…, SAYS X" (source.headline-says-after)', () => {
    const title = 'PIER FEES RISING, SAYS HARBOUR BOARD\nThe board met on Monday.';
    expect(found(title, true).map((r) => r.split('|').slice(0, 2).join('|'))).toEqual(['SAYS|HARBOUR BOARD']);
    expect(without('source.headline-says-after', title, true).map((r) => r.split('|')[1])).not.toContain('HARBOUR BOARD');
  });
  it('reads "notes" after a modifier or in a named noun phrase as a noun (sense.note-noun)', () => {
    const text = 'The board sold 50 mln crowns of two-year notes in May.';
    expect(found(text)).toEqual([]);
    expect(without('sense.note-noun', text)).not.toEqual([]);
    expect(found('Fees closed on a strong note in May.')).toEqual([]);
    expect(found('The bank won the Tarn Ferry notes in the auction.')).toEqual([]);
    expect(found('The bank offered collateralized Tarn notes to investors.')).toEqual([]);
    expect(found('TARN FERRY PLANS NOTES, PREFERRED ISSUE\nThe issue is due in May.', true)).toEqual([]);
    // A speaker's "notes" stays.
    expect(found('Dockers note the pier is unsafe.').map((r) => r.split('|')[0])).toEqual(['note']);
    expect(found('The Tarn Gazette notes that the pier is unsafe.').map((r) => r.split('|')[0])).toEqual(['notes']);
  });
  it('reads recalling a product as taking it back (sense.recall-product)', () => {
    const title = 'TARN MOTORS RECALLS 6,000 CARS\nThe brakes may fail.';
    expect(found(title, true)).toEqual([]);
    expect(without('sense.recall-product', title, true)).not.toEqual([]);
    expect(found('The maker recalled them in March as a precaution.')).toEqual([]);
    expect(found('Ana Poll recalled that the pier had flooded in May.').map((r) => r.split('|')[0])).toEqual(['recalled']);
    expect(found('"The pier flooded twice," recalled Ana Poll.').map((r) => r.split('|')[0])).toEqual(['recalled']);
  });
});

describe('a question put to the subject names them for a later pronoun (cue.asked-question)', () => {
  it('shows no question, but "She responded" is the asked person\'s', () => {
    const text = 'Ana Poll was once asked which rival she feared most.\nShe responded, "None of them."';
    const shown = findStatements(text, productSentences(text), PRODUCT).filter((s) => s.kind === 'attributed' && s.claimant).map((s) => `${text.slice(s.cue.start, s.cue.end)}|${s.claimant}`);
    expect(shown).toEqual(['responded|Ana Poll']);
  });
  it('keeps the main verb after "X, asked to …," the subject\'s', () => {
    expect(found('The harbour unions, asked to fund the new pier, have said there is no money.')).toEqual(['said|The harbour unions|there is no money']);
  });
});

describe('a name cut after "and" (source.name-after-and)', () => {
  it('never makes the second half of a name the subject', () => {
    const text = 'In a filing with the Harbour and Ferry Board, the group, led by Tarn Holdings, said it sold its stake.';
    expect(found(text)).toEqual(['said|the group|it sold its stake']);
    expect(without('source.name-after-and', text)).toEqual(['said|Ferry Board, the group, led by Tarn Holdings,|it sold its stake']);
  });
  it('leaves a pair of names cut after "and" unattributed rather than name one of them', () => {
    const text = 'In a joint letter, Tarn Express and Lund said the pier was unsafe.';
    expect(found(text)).toEqual([]);
    expect(without('source.name-after-and', text)).toEqual(['said|Lund|the pier was unsafe']);
  });
  it('takes a name right after the cut body\'s head word as the subject', () => {
    const text = 'In a letter to the Harbour and Ferry Board Lund said the pier was unsafe.';
    expect(found(text)).toEqual(['said|Lund|the pier was unsafe']);
    expect(without('source.name-after-and', text)).toEqual(['said|Ferry Board Lund|the pier was unsafe']);
  });
  it('takes a pair of names set off by commas whole', () => {
    const text = 'The port said its auditors, Berg and Lund, indicated they would qualify the accounts.';
    expect(found(text)).toContain('indicated|Berg and Lund|they would qualify the accounts');
    expect(without('source.name-after-and', text)).toContain('indicated|Lund|they would qualify the accounts');
  });
  it('gives a cut name set off by commas no other subject in its stead', () => {
    const text = 'The union said members of the Dock and Harbour Workers Union, rejected the offer by a wide margin.';
    expect(found(text)).toEqual(['said|The union|members of the Dock and Harbour Workers Union']);
    expect(without('source.name-after-and', text)).toContain('rejected|Harbour Workers Union|the offer by a wide margin');
  });
});

describe('a report after someone quoted on it (claimant.document-not-last-speaker)', () => {
  it('is the report\'s claim, not the last speaker\'s', () => {
    const text = '"The fees are too high," harbour economist Ida Lund of Tarn University told the board.\n\nThe annual report said fees would rise again.';
    expect(claimants(text)).toContain('annual report|fees would rise again');
    switchRulesOff(['claimant.document-not-last-speaker']);
    expect(claimants(text)).toContain('harbour economist Ida Lund of Tarn University|fees would rise again');
  });
  it('is a document named for someone else when its name is not the last claimant\'s', () => {
    const text = 'Tarn\'s harbour minister, Ana Poll, said the talks had failed.\n\nThe Vell statement said the talks would go on.';
    expect(claimants(text)).toContain('Vell statement|the talks would go on');
    switchRulesOff(['claimant.document-not-last-speaker']);
    expect(claimants(text)).not.toContain('Vell statement|the talks would go on');
  });
  it('stays the body that issued it when it bears the body\'s name or follows a body', () => {
    expect(claimants('The Tarn Ferry Board said fees would rise.\n\nThe Tarn statement said the pier would close.')).toContain('Tarn Ferry Board|the pier would close');
    expect(claimants('The Tarn Ferry Board said fees would rise.\n\nThe report said the pier would close.')).toContain('Tarn Ferry Board|the pier would close');
  });
});

describe('a participle after a push-back on an object (claim.push-back-participle)', () => {
  it('is the speaker\'s own claim, shown with their name', () => {
    const text = 'The ferry union rejected the harbour plan, saying the pier was too short.';
    expect(claimants(text)).toEqual(['ferry union|the harbour plan', 'ferry union|the pier was too short']);
    switchRulesOff(['claim.push-back-participle']);
    expect(claimants(text)).toEqual(['ferry union|the harbour plan']);
  });
  it('is not the claim of a passive\'s agent', () => {
    const text = 'Lund was questioned by the harbour board about the fees, saying they would rise.';
    expect(claimants(text).filter((r) => r.endsWith('|they would rise'))).toEqual([]);
  });
});

describe('a time phrase between a participle and "by" (source.dated-participle-phrase)', () => {
  it('belongs to the participle phrase after the head noun', () => {
    const text = 'Figures released yesterday by the Tarn harbour office showed that fees rose.';
    expect(found(text)).toEqual(['showed|Figures released yesterday by the Tarn harbour office|fees rose']);
    expect(without('source.dated-participle-phrase', text)).toEqual(['showed|yesterday by the Tarn harbour office|fees rose']);
  });
  it('never leaves the subject starting at the time word', () => {
    const text = 'A study of plans issued last week by the harbour board showed that fees would rise.';
    expect(found(text).filter((r) => r.startsWith('showed|last') || r.startsWith('showed|week'))).toEqual([]);
    expect(without('source.dated-participle-phrase', text).some((r) => /^showed\|(?:last|week)/.test(r))).toBe(true);
  });
});

describe('a content holding a quoting verb (content.quoting-clause)', () => {
  const text = 'The dockers were commenting on a Tarn Gazette report quoting the harbour master as saying the pier would close.';
  it('runs on through the quotation instead of stopping at "quoting"', () => {
    expect(found(text)[0]).toBe('commenting|The dockers|on a Tarn Gazette report quoting the harbour master as saying the pier would close');
    expect(without('content.quoting-clause', text)[0]).toBe('commenting|The dockers|on a Tarn Gazette report quoting');
  });
  it('leaves the quoted person their statement', () => {
    expect(found(text)).toContain('saying|the harbour master|the pier would close');
  });
  it('stops before a quoting clause after a comma', () => {
    expect(found('Fees will rise in May, the Tarn Gazette quoted the harbour master as saying.')).toEqual(['saying|the harbour master|Fees will rise in May']);
  });
  it('still drops what a speaker denies being quoted as saying (claim.quoted-inside-denial)', () => {
    const denial = 'Harbour master Ida Lund denied giving an interview which quoted her as saying the pier would close.';
    expect(found(denial)).toEqual(['denied|Harbour master Ida Lund|giving an interview which quoted her as saying the pier would close']);
  });
});
