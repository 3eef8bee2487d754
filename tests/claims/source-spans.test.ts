/**
 * Source spans of found cues (issue 14): where a cue is found, its source as written — the whole
 * subject with the description that belongs to it, never a clause of the description taken for
 * the sign of a run-away span. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { findStatements } from '../../src/claims/attribution.js';
import { claimants, lines, productSentences, statementOf as sourceOf } from '../helpers/sentences.js';

describe('a described subject before its verb', () => {
  it('keeps a relative clause holding an infinitive as part of the source, the name as claimant', () => {
    const text = 'Nora Pike, who drove from Tarn to help the ferry crews, says the pier is unsafe.';
    expect(sourceOf(text, 'says')).toEqual({ source: 'Nora Pike, who drove from Tarn to help the ferry crews,', claimant: 'Nora Pike' });
  });

  it('keeps an appositive holding "because of" as part of the source', () => {
    const text = 'Oskar Lind, a dock foreman who quit last year because of the new rota, said the crews were tired.';
    expect(sourceOf(text, 'said')).toEqual({ source: 'Oskar Lind, a dock foreman who quit last year because of the new rota,', claimant: 'Oskar Lind' });
  });

  it('still drops a source that is itself a clause ("happy to hear Vale")', () => {
    const text = 'The harbour board was happy to hear Vale argued for lower fees.';
    expect(sourceOf(text, 'argued')?.source ?? null).toBeNull();
  });
});

describe('a quoted title inside the description', () => {
  it('reads past a short quoted title to the name opening the sentence', () => {
    const text = 'Lise Dahl, the author of “Low Water,” a history of the port, said the dredging had failed.';
    expect(sourceOf(text, 'said')).toEqual({ source: 'Lise Dahl, the author of “Low Water,” a history of the port,', claimant: 'Lise Dahl' });
  });

  it('does not read across a quotation that is the content', () => {
    const text = '“The dredging has failed, and everyone knows it,” Lise Dahl, a pilot, said.';
    expect(sourceOf(text, 'said')?.source).toBe('Lise Dahl, a pilot,');
  });
});

describe('the sentence subject speaking through a later verb', () => {
  it('gives a participle the subject with its description, the name as claimant', () => {
    const text = 'Tove Berg, a welder at the north yard, went to the council hall, warning that the crane was unsafe.';
    expect(sourceOf(text, 'warning')).toEqual({ source: 'Tove Berg, a welder at the north yard,', claimant: 'Tove Berg' });
  });

  it('reads a description opened by a role word ("vice chair of …")', () => {
    const text = 'Tove Berg, vice chair of the dock union, met the mayor on Friday, telling her the crane was unsafe.';
    expect(sourceOf(text, 'telling')).toEqual({ source: 'Tove Berg, vice chair of the dock union,', claimant: 'Tove Berg' });
  });
});

describe('a description holding a statement of its own', () => {
  it('leaves the relative clause to its own statement: the source is the name', () => {
    const text = 'Tove Berg, who said last spring that the crane was safe, told the council it must go.';
    expect(sourceOf(text, 'told')).toEqual({ source: 'Tove Berg', claimant: 'Tove Berg' });
    expect(sourceOf(text, 'said')).toEqual({ source: 'who', claimant: 'Tove Berg' });
  });

  it('keeps a description with no statement in it', () => {
    const text = 'Tove Berg, who ran the crane for a decade, told the council it must go.';
    expect(sourceOf(text, 'told')?.source).toBe('Tove Berg, who ran the crane for a decade,');
  });
});

describe('an opening pronoun as the subject of a later participle', () => {
  it('gives "…, warning" the pronoun opening the sentence', () => {
    const text = 'She walked the length of the pier twice, warning that the planks were rotten.';
    expect(sourceOf(text, 'warning')?.source).toBe('She');
  });

  it('reads past a linking word ("Then he …")', () => {
    const text = 'Then he climbed onto the crane, insisting that it was safe.';
    expect(sourceOf(text, 'insisting')?.source).toBe('he');
  });

  it('never takes the pronoun of an opening subordinate clause ("When she arrived, …")', () => {
    const text = 'When she arrived, the harbour master left the pier, insisting that it was safe.';
    expect(sourceOf(text, 'insisting')?.source).toBe('the harbour master');
  });
});

describe('a possessive written with a bare apostrophe', () => {
  it('keeps the -s possessive with the phrase it opens', () => {
    const text = 'The Dock Workers’ lawyer said the crane was unsafe.';
    expect(sourceOf(text, 'said')?.source).toBe('The Dock Workers’ lawyer');
  });

  it('takes no closing quotation mark for a possessive', () => {
    const text = "Crews sang 'Low Tides' and Tove Berg said the pier was safe.";
    expect(sourceOf(text, 'said')?.source).toBe('Tove Berg');
  });
});

describe('a description set before the name', () => {
  it('keeps the opening description with the name, the name as claimant', () => {
    const text = "The union's chief steward, Tove Berg, a welder by trade, told the council the crane was unsafe.";
    expect(sourceOf(text, 'told')).toEqual({ source: "The union's chief steward, Tove Berg, a welder by trade,", claimant: 'Tove Berg' });
  });

  it('takes no opening time phrase as a description', () => {
    const text = 'Last week, Tove Berg, a welder, told the council the crane was unsafe.';
    expect(sourceOf(text, 'told')?.source).toBe('Tove Berg, a welder,');
  });
});

describe('a name after a common noun (a relative clause without "that")', () => {
  it('takes the name as the source, not the noun that was said', () => {
    const text = 'It was a point Tove Berg also conceded to the council.';
    expect(sourceOf(text, 'also conceded')?.source ?? sourceOf(text, 'conceded')?.source).toBe('Tove Berg');
  });

  it('keeps a role or a word for people before the name', () => {
    const text = 'The union steward Tove Berg said the crane was unsafe.';
    expect(sourceOf(text, 'said')?.source).toBe('The union steward Tove Berg');
  });
});

describe('a passive agent followed by "for"', () => {
  it('is the source ("rebuked by opponents for …"): "for" is no noun for people', () => {
    const text = 'The mayor has been rebuked by opponents for her plan to close the pier.';
    const found = findStatements(text, productSentences(text), { actions: true, negated: true, nested: false, chooser: null, tagger: null, cueEdges: null });
    expect(found.map((s) => (s.source ? text.slice(s.source.start, s.source.end) : null))).toEqual(['opponents']);
  });
});

describe('a passive agent opening with a role or a share of a group', () => {
  it('takes a role word before the name with the name ("criticized by host Ida Lund")', () => {
    // ("was asked by host Ida Lund about the pier" puts a question: no statement in /claim, cue.asked-question.)
    const text = 'The mayor was criticized by host Ida Lund over the pier.';
    expect(sourceOf(text, 'criticized')?.source).toBe('host Ida Lund');
  });

  it('takes a share of a group of people ("criticized by some of her rivals")', () => {
    const text = 'The levy was criticized by some of her rivals.';
    expect(sourceOf(text, 'criticized')?.source).toBe('some of her rivals');
  });

  it('takes two agents joined by "and" as one ("criticized by the mayor and several pilots")', () => {
    expect(sourceOf('The levy was criticized by the mayor and several harbour pilots.', 'criticized')?.source).toBe('the mayor and several harbour pilots');
    expect(sourceOf('The claim was disputed by Ida Lund and the harbour union on Monday.', 'disputed')?.source).toBe('Ida Lund and the harbour union');
  });

  it('leaves a second verb after "and" out ("criticized by Lund and praised by …")', () => {
    expect(sourceOf('The levy was criticized by Ida Lund and praised by the board.', 'criticized')?.source).toBe('Ida Lund');
  });

  it('leaves a means after "by" alone ("by phone")', () => {
    const text = 'The mayor was asked by phone about the pier.';
    expect(sourceOf(text, 'asked')?.source ?? null).toBeNull();
  });
});

describe('a subject joined by "both … and", "neither … nor", "either … or"', () => {
  it('is the whole pair with its opening word', () => {
    const text = 'Both the Harbour Gazette and the Tarn Herald confirmed the closure.';
    expect(sourceOf(text, 'confirmed')?.source).toBe('Both the Harbour Gazette and the Tarn Herald');
  });

  it('joins "either … or" as it joins "and"', () => {
    const text = 'Either the mayor or her deputy said the pier was safe.';
    expect(sourceOf(text, 'said')?.source).toBe('Either the mayor or her deputy');
  });

  it('keeps "neither … nor" whole in PolNeAR scope (a negative subject /claim drops)', () => {
    const text = 'Neither Ivo Brandt nor Ana Poll acknowledged the report.';
    expect(sourceOf(text, 'acknowledged', { negated: true, actions: true })?.source).toBe('Neither Ivo Brandt nor Ana Poll');
    expect(sourceOf(text, 'acknowledged')).toBeUndefined();
  });
});

describe('a participle after the main clause that follows an opening subordinate clause', () => {
  it('speaks for the main clause subject, not for the speaker in the opening clause', () => {
    const text = 'Ever since she endorsed the plan, Mayor Ida Holm has been its loudest voice, warning that the pier will fail.';
    expect(sourceOf(text, 'warning')?.source).toBe('Mayor Ida Holm');
  });

  it('still shares the previous speaker when the statements are in one clause', () => {
    const text = 'Mayor Ida Holm said the pier was safe, adding that it would reopen.';
    const s = findStatements(text, lines(text), { chooser: null }).find((x) => text.slice(x.cue.start, x.cue.end) === 'adding');
    expect(s?.claimant).toBe('Mayor Ida Holm');
  });
});

describe('a subject opening with two determiners', () => {
  it('keeps both ("The two lawmakers, however, argue")', () => {
    const text = 'The two harbour pilots, however, argue that the pier is unsafe.';
    expect(sourceOf(text, 'argue')?.source).toBe('The two harbour pilots');
  });
});

describe('a described subject before an auxiliary', () => {
  it('speaks through a later "is saying" with its description, as before a bare verb', () => {
    const text = 'Ivo Brandt, who chairs the harbour board, is saying the pier is safe.';
    expect(sourceOf(text, 'saying')).toEqual({ source: 'Ivo Brandt, who chairs the harbour board,', claimant: 'Ivo Brandt' });
  });
});

describe('a verb after "and" in a main clause that follows an opening clause holding a statement', () => {
  it('speaks for the main clause subject ("Asked about it, Mayor Holm shook her head and said")', () => {
    const text = 'Asked about the pier on Monday, Mayor Ida Holm shook her head and said it would close.';
    expect(sourceOf(text, 'said')?.source).toBe('Mayor Ida Holm');
  });

  it('still shares the previous speaker within one clause ("Lee said … and added")', () => {
    const text = 'Ana Lee said the pier was safe and added that it would reopen.';
    const s = findStatements(text, lines(text), { chooser: null }).find((x) => text.slice(x.cue.start, x.cue.end) === 'added');
    expect(s?.claimant).toBe('Ana Lee');
  });
});

describe('a subject opening with "at least" before a number', () => {
  it('keeps the limiter and the whole share ("At least half of voters say")', () => {
    expect(sourceOf('At least half of the dockers in Tarn say the pier is unsafe.', 'say')?.source).toBe('At least half of the dockers in Tarn');
    expect(sourceOf('At least 40 harbour pilots say the pier is unsafe.', 'say')?.source).toBe('At least 40 harbour pilots');
  });
});

describe('a limiter before a share written as a fraction', () => {
  it('keeps the limiter ("nearly two-thirds of voters say")', () => {
    expect(sourceOf('At the vote on Monday, nearly two-thirds of the dockers said the pier was unsafe.', 'said')?.source).toBe('nearly two-thirds of the dockers');
    expect(sourceOf('In Tarn, more than three-quarters of the pilots say the fees are too high.', 'say')?.source).toBe('more than three-quarters of the pilots');
  });
});

describe('a share of a group named before ("most of them")', () => {
  it('is the source as written, opening its clause', () => {
    expect(sourceOf('The dockers met at dawn. Most of them said the pier was unsafe.', 'said')?.source).toBe('Most of them');
    expect(sourceOf('The pilots voted on Monday, and nearly 10 percent of them said the pier was safe.', 'said')?.source).toBe('nearly 10 percent of them');
  });
});

describe('a name before a description of the speaker', () => {
  it('keeps the name when the description opens with a role word ("Ida Lund, chief executive of …, a ferry firm, said")', () => {
    const text = 'Ida Lund, chief executive of Portline, a ferry firm, said the pier would close.';
    expect(sourceOf(text, 'said')).toEqual({ source: 'Ida Lund, chief executive of Portline, a ferry firm,', claimant: 'Ida Lund' });
  });

  it('keeps the name when the description runs into the cue with no closing comma', () => {
    const text = 'Ida Lund, the harbour\'s spokeswoman said the pier would close.';
    expect(sourceOf(text, 'said')).toEqual({ source: 'Ida Lund, the harbour\'s spokeswoman', claimant: 'Ida Lund' });
  });

  it('does not take an opening adverb or time phrase for the name', () => {
    expect(sourceOf('Regardless, the harbour board said the pier would close.', 'said')?.source).toBe('the harbour board');
    expect(sourceOf('Early Tuesday, the harbour board said the pier would close.', 'said')?.source).toBe('the harbour board');
  });
});

describe('a first name that is also a reporting verb', () => {
  it('is part of the name after a lower-case title ("spokeswoman Hope Lind said")', () => {
    expect(sourceOf('The harbour spokeswoman Hope Lind said the pier would close.', 'said')?.source).toBe('The harbour spokeswoman Hope Lind');
  });
});

describe('a pronoun with a contracted verb', () => {
  it('is the pronoun alone ("We’ve said", "I\'d add")', () => {
    expect(sourceOf('We’ve said for years that the pier is unsafe.', 'said')?.source).toBe('We');
    expect(sourceOf("I've written that the pier is unsafe.", 'written')?.source).toBe('I');
  });
});

describe('an inserted phrase naming members of the subject', () => {
  it('is part of the source as written ("Several unions, including the dockers, said")', () => {
    expect(sourceOf('Several harbour unions, including the dockers, said the pier was unsafe.', 'said')?.source).toBe('Several harbour unions, including the dockers,');
  });

  it('leaves an adverbial phrase out ("Ted Cruz, by contrast, wrote")', () => {
    expect(sourceOf('Ida Lund, by contrast, wrote that the pier was safe.', 'wrote')?.source).toBe('Ida Lund');
  });
});

describe('a relative clause after a bare surname', () => {
  it('is left out of the source ("Lund, who chairs the board, said")', () => {
    expect(sourceOf('Lund, who chairs the harbour board, said the pier would close.', 'said')?.source).toBe('Lund');
  });

  it('stays in the source after a full name ("Ida Lund, who chairs the board, said")', () => {
    expect(sourceOf('Ida Lund, who chairs the harbour board, said the pier would close.', 'said')?.source).toBe('Ida Lund, who chairs the harbour board,');
  });
});

describe('a quantifier floating after a noun subject', () => {
  it('is left out of the source ("Lund and Berg both said")', () => {
    expect(sourceOf('Ida Lund and Tove Berg both said the pier would close.', 'said')).toEqual({ source: 'Ida Lund and Tove Berg', claimant: 'Ida Lund and Tove Berg' });
  });
});

describe('a description after a speaker named after the cue', () => {
  it('runs over an amount with "$" or "%" to the sentence end', () => {
    const text = '“The pier is unsafe,” said Ida Lund, a harbour pilot who earns $40,000 a year.';
    expect(sourceOf(text, 'said')).toEqual({ source: 'Ida Lund, a harbour pilot who earns $40,000 a year', claimant: 'Ida Lund' });
    const share = '“Fees will rise,” said Tove Berg, an economist whose firm owns 12 % of the ferry line.';
    expect(sourceOf(share, 'said')?.source).toBe('Tove Berg, an economist whose firm owns 12 % of the ferry line');
  });
});

describe('a description after a post-cue name running to its sentence end', () => {
  it('is the source\'s even when a quotation opens the next sentence in the unit', () => {
    const text = '"The pier is unsafe," said Ida Lund, 40, of Tampa, Fla. "We will close it."';
    expect(sourceOf(text, 'said')?.source).toBe('Ida Lund, 40, of Tampa, Fla');
  });
});

describe('"that" opening a relative clause inside a description after the name', () => {
  it('keeps the relative clause in the source', () => {
    const text = '"The pier is unsafe," said Ida Lund, a pilot at the firm that runs the ferry.';
    expect(sourceOf(text, 'said')).toEqual({ source: 'Ida Lund, a pilot at the firm that runs the ferry', claimant: 'Ida Lund' });
  });

  it('still stops before "that" opening what was said', () => {
    const text = 'Ida Lund, a pilot, warned that the pier was unsafe.';
    expect(sourceOf(text, 'warned')?.source).toBe('Ida Lund, a pilot,');
  });
});

describe('a quoted title inside a description after a post-cue name', () => {
  it('is part of the description', () => {
    const text = '"The dredging failed," said Lise Dahl, the author of "Low Water," a history of the port.';
    expect(sourceOf(text, 'said')).toEqual({ source: 'Lise Dahl, the author of "Low Water," a history of the port', claimant: 'Lise Dahl' });
  });
});

describe('a sentence adverb opening the clause without a comma', () => {
  it('is no part of the source', () => {
    expect(sourceOf('Meanwhile Harbour Master Eda Lund said the pier was safe.', 'said')?.source).toBe('Harbour Master Eda Lund');
    expect(sourceOf('Perhaps young pilots prefer the new pier.', 'prefer', { actions: true, negated: true, nested: false })?.source).toBe('young pilots');
  });
});

describe('a common-noun phrase before a name that is no relative clause', () => {
  it('keeps a phrase with a preposition or a prefixed adjective whole', () => {
    expect(sourceOf('Yesterday an anti-levy PAC revealed a new advertisement.', 'revealed', { actions: true, negated: true, nested: false })?.source).toBe('an anti-levy PAC');
    expect(sourceOf('Online, the appeal on Harbourfund says the pier needs repairs.', 'says')?.source).toBe('the appeal on Harbourfund');
  });

  it('still reads "the photo Lund posted" as a relative clause', () => {
    expect(sourceOf('It was the photo Ida Lund posted that angered the board.', 'posted', { actions: true, negated: true, nested: false })?.source).toBe('Ida Lund');
  });
});

describe('a relative pronoun before a phrase set into its clause', () => {
  it('reads "who" as the subject across a phrase of time ("who in 2019 said")', () => {
    const text = 'Vera Holm, who in 2019 said the ferry would stop, now runs the line.';
    expect(sourceOf(text, 'said')).toEqual({ source: 'who', claimant: 'Vera Holm' });
  });

  it('reads "who" across an auxiliary and a phrase ("who has in the past argued")', () => {
    const text = 'The pilots, who have on several occasions argued that the channel is too shallow, met on Monday.';
    expect(sourceOf(text, 'argued')?.source).toBe('who');
  });

  it('gives no source when the phrase holds a verb ("who wrote in May said")', () => {
    const text = 'A reader who wrote to us in May said nothing of the sort.';
    expect(sourceOf(text, 'said')?.source).not.toBe('who');
  });
});

describe('a share written as numbers', () => {
  it('reads "one in five" as the subject', () => {
    const text = 'Most ferry users liked the timetable, but one in five said the boats were too slow.';
    expect(sourceOf(text, 'said')?.source).toBe('one in five');
  });

  it('keeps the approximation with it ("roughly one in four")', () => {
    const text = 'The tax is unpopular in the port towns, and roughly one in four say it should go.';
    expect(sourceOf(text, 'say')?.source).toBe('roughly one in four');
  });
});

describe('a long subject opening its sentence', () => {
  it('takes the whole subject with a relative clause without "who"', () => {
    const text = 'Several dockers I\'ve worked with over the past few years said the pier was unsafe.';
    expect(sourceOf(text, 'said')?.source).toBe('Several dockers I\'ve worked with over the past few years');
  });

  it('takes the whole subject with a description set off by dashes, after "Even so,"', () => {
    const text = 'Even so, some harbour pilots - including two of the board\'s own advisers - warn that the channel is silting up.';
    expect(sourceOf(text, 'warn')?.source).toBe('some harbour pilots - including two of the board\'s own advisers -');
  });

  it('takes none when an auxiliary stands outside a relative clause ("have in the past said")', () => {
    const text = 'The pilots of the harbour have in the past said the channel was too shallow.';
    expect(sourceOf(text, 'said')?.source ?? null).toBeNull();
  });
});

describe('a description set off by dashes', () => {
  it('runs the source through the closing dash', () => {
    const text = 'A former harbour master -- Ida Lund, who retired in May -- said the pier was unsafe.';
    expect(sourceOf(text, 'said')?.source).toBe('A former harbour master -- Ida Lund, who retired in May --');
  });

  it('keeps the name opening the sentence before the role', () => {
    const text = 'Ida Lund, the head of the ferry union -- the larger of the two -- told reporters the pier was unsafe.';
    expect(sourceOf(text, 'told')?.source).toBe('Ida Lund, the head of the ferry union -- the larger of the two --');
  });

  it('takes no dashed relative clause into the source ("-- which …")', () => {
    const text = 'Ida Lund, the head of the ferry union -- which runs two of the boats -- told reporters the pier was unsafe.';
    expect(sourceOf(text, 'told')?.source ?? '').not.toContain('which');
  });
});

describe('a verb joined to another in a relative clause', () => {
  it('has the relative pronoun as its subject, and the name as claimant', () => {
    const text = 'The mayor met Ida Lund, who toured the pier on Monday and warned that it was unsafe.';
    expect(sourceOf(text, 'warned')).toEqual({ source: 'who', claimant: 'Ida Lund' });
  });

  it('after a dash as after a comma', () => {
    const text = 'Still, Lund - who toured the pier twice and argued that it was unsafe - stayed on the board.';
    expect(sourceOf(text, 'argued')?.source).toBe('who');
  });
});

describe('a document with a post-modifier opening its clause (source.modified-document)', () => {
  it('takes a participle phrase with its time and "by" phrase', () => {
    const text = 'A harbour survey released on Monday by two dock unions shows that the pier is unsafe.';
    expect(sourceOf(text, 'shows')?.source).toBe('A harbour survey released on Monday by two dock unions');
  });

  it('takes a prepositional phrase and a participle after an opening phrase, past an adverb before the verb', () => {
    const text = 'In Tarn and Vik, a Gazette poll for the ferry board released last week actually showed the mayor ahead.';
    expect(sourceOf(text, 'showed')?.source).toBe('a Gazette poll for the ferry board released last week');
  });

  it('takes "being" with a participle and "just" with a participle', () => {
    expect(sourceOf('Three lawsuits being weighed in Tarn have accused the port of fraud.', 'accused')?.source).toBe('Three lawsuits being weighed in Tarn');
    expect(sourceOf('A study just printed for ferry crews explains the new rota.', 'explains')?.source).toBe('A study just printed for ferry crews');
  });

  it('takes none when the phrase after the head holds a clause ("the mayor released")', () => {
    const text = 'A survey of the pier that the mayor released reveals that it is unsafe.';
    expect(sourceOf(text, 'reveals')?.source ?? null).toBeNull();
  });
});

describe('people with a phrase after them opening their clause (source.modified-people)', () => {
  it('takes "current and former" people with two prepositional phrases, after "But"', () => {
    const text = 'But current and former officials at the port and in the harbour office have said the channel is silting up.';
    expect(sourceOf(text, 'said')?.source).toBe('current and former officials at the port and in the harbour office');
  });

  it('takes people with a relative clause inside a clause opened by "Though"', () => {
    const text = 'Though dockers who have sailed with Ida Lund say she is tough, they trust her.';
    expect(sourceOf(text, 'say')?.source).toBe('dockers who have sailed with Ida Lund');
  });

  it('takes a participle with its preposition and a place word before the verb', () => {
    expect(sourceOf('Indeed, families of those hurt in the ferry fire here say the board ignored them.', 'say')?.source).toBe('families of those hurt in the ferry fire here');
    expect(sourceOf('And officials involved with the harbour board have made clear that fees will rise.', 'made clear')?.source).toBe('officials involved with the harbour board');
  });

  it('takes none when the word after the people is a verb of theirs ("dockers posted reminders")', () => {
    const text = 'On the quay, dockers posted reminders of how the slandering of crews echoed older slurs.';
    expect(sourceOf(text, 'echoed')?.source ?? null).toBeNull();
  });
});

describe('names with party tags before a floating quantifier (source.tagged-list-quantifier)', () => {
  it('takes the list of tagged names, not "all"', () => {
    const text = 'Sens. Ida Lund (D-Ore.), Tom Berg (D-Ohio) and Ana Roy (D-N.J.) all said the pier was unsafe.';
    expect(sourceOf(text, 'said')?.source).toBe('Sens. Ida Lund (D-Ore.), Tom Berg (D-Ohio) and Ana Roy (D-N.J.)');
  });

  it('takes a pronoun before the last "and", not "both"', () => {
    const text = 'She and Harbour Committee Chairman Tom Berg (R-Va.) both condemned the new fees.';
    expect(sourceOf(text, 'condemned')?.source).toBe('She and Harbour Committee Chairman Tom Berg (R-Va.)');
  });
});

describe('names between two dashes after the subject (source.inside-dashes)', () => {
  it('takes no source rather than the interrupter when the subject before the dashes is not found', () => {
    const text = 'Even if fees rise, insiders in the next two states — Tarn and Vik — said the pier must stay open.';
    expect(sourceOf(text, 'said')?.source ?? null).toBeNull();
  });

  it('still takes a name after one dash that closes a clause', () => {
    const text = 'The pier must stay open — Ida Lund said on Monday.';
    expect(sourceOf(text, 'said')?.source).toBe('Ida Lund');
  });
});

describe('"All told," opening a clause (cue.all-told)', () => {
  it('finds no statement with the claimant "All"', () => {
    expect(sourceOf('All told, the harbour fees raised $4 million in May.', 'told')).toBeUndefined();
    expect(sourceOf('The board met twice. All told, up to 300 dockers could lose their jobs.', 'told')).toBeUndefined();
  });

  it('still reads "told" after "all" of a subject ("they all told")', () => {
    const text = 'The dockers all told reporters that the pier was unsafe.';
    expect(sourceOf(text, 'told')?.source).toBe('The dockers');
  });
});

describe('a cue right after a dash closing a phrase set in after the subject (source.verb-after-dashed-phrase)', () => {
  it('reads the subject before the dashes, not a name after the cue', () => {
    const text = 'Ida Lund — like Tom Berg, a critic of the board — recalled Ana Roy calling the pier unsafe.';
    expect(sourceOf(text, 'recalled')?.source).toBe('Ida Lund');
  });

  it('takes a described subject with its dashes, not the pronoun after the cue', () => {
    const text = 'Ida Lund — a welder from Tarn — says he made up his mind late.';
    expect(sourceOf(text, 'says')?.source).toBe('Ida Lund — a welder from Tarn —');
  });

  it('still reads "— said X" after a single dash', () => {
    const text = 'The pier must close now — said Ida Lund, the harbour master.';
    expect(sourceOf(text, 'said')?.source).toMatch(/^Ida Lund/);
  });
});

describe('a cue in a relative clause whose object went before it', () => {
  it('is no statement: nothing after the cue but a time or place', () => {
    expect(sourceOf('The “safe harbour” phrase Lund cited on Friday has turned up in three of her speeches.', 'cited')).toBeUndefined();
    expect(sourceOf('The pier plan hurt the board as much as anything the mayor said at the hearing.', 'said')).toBeUndefined();
    expect(sourceOf('Dockers will study the number of new routes Tarn Lines added over the winter.', 'added')).toBeUndefined();
    expect(sourceOf('The fee cut was something Mayor Ida Lund hinted at last week.', 'hinted')).toBeUndefined();
  });

  it('names the speaker alone for what follows, never the noun before the name', () => {
    const text = 'Dockers will study the number of new riders Tarnferry added over the winter.\nTarnferry said it would add two boats.';
    expect(claimants(text)).toEqual(['Tarnferry']);
  });

  it('leaves a statement whose content follows, and a denial of what went before', () => {
    expect(sourceOf('Lund said on Monday the board would act.', 'said')?.source).toBe('Lund');
    expect(sourceOf('The report, which the board denies, says fees doubled.', 'denies')?.source).toBe('the board');
    expect(sourceOf('That is what his aides have long said: he will not run.', 'said')?.source).toBe('his aides');
    expect(sourceOf('“We will win,” Tarn Post columnist Ida Lund said on Monday.', 'said')?.source).toBe('Tarn Post columnist Ida Lund');
  });
});

describe('a verb joined to one in a relative clause after the main verb', () => {
  it('has the relative pronoun, standing for the person described, as its source', () => {
    const text = 'The likely pick is Ove Dahl, a harbour lawyer who ran the port review and believes the fees are too high.';
    expect(sourceOf(text, 'believes')).toEqual({ source: 'who', claimant: 'Ove Dahl' });
  });

  it('leaves a relative clause of the subject to the subject', () => {
    expect(sourceOf('Pilots who met Dahl on Monday and said the pier was unsafe were ignored.', 'said')?.source).not.toBe('who');
  });
});
