import { describe, expect, it } from 'vitest';
import { findStatements } from '../../src/claims/attribution.js';
import { pluralName } from '../../src/claims/claimant-names.js';
import { lines } from '../helpers/sentences.js';

/** Claimant and source text of each statement, in order. */
function who(text: string, options = {}): Array<{ cue: string; source: string | null; claimant: string | null }> {
  return findStatements(text, lines(text), options).map((s) => ({
    cue: text.slice(s.cue.start, s.cue.end),
    source: s.source ? text.slice(s.source.start, s.source.end) : null,
    claimant: s.claimant,
  }));
}

/** The claimant of the statement whose cue is `cue`, in the sentence containing `marker`. */
function claimantAt(text: string, marker: string, cue: string): string | null | undefined {
  const at = text.indexOf(marker);
  return findStatements(text, lines(text)).find((s) => s.span.start <= at && at < s.span.end && text.slice(s.cue.start, s.cue.end) === cue)?.claimant;
}

describe('plural pronouns never stand for a single person', () => {
  it('takes the plural subject of the same sentence for "they"', () => {
    const text = [
      'Defence Minister Lena Holm said she saw no need for a second base.',
      'Opposition politicians went further than that as they have called for a second base.',
    ].join('\n');
    expect(claimantAt(text, 'Opposition', 'called')).toBe('Opposition politicians');
  });

  it('leaves "they" unresolved after a singular speaker rather than guess', () => {
    const text = ['Mayor Anna Berg met union leaders on Friday.', 'Anna Berg said the talks were hard.', 'They said the strike would go on.'].join('\n');
    const they = who(text).find((s) => s.source === 'They');
    expect(they?.claimant ?? null).toBeNull();
  });

  it('resolves "they" to a recent group speaker, and "she" to the person', () => {
    const text = ['Senate Republicans said the bill was dead.', 'They said a new bill could come in May.', 'Senator Ruth Vale said she would vote for it.'].join('\n');
    const found = who(text).filter((s) => s.cue === 'said');
    expect(found.map((s) => s.claimant)).toEqual(['Senate Republicans', 'Senate Republicans', 'Senator Ruth Vale']);
  });

  it('does not take a singular subject of the same sentence for "they"', () => {
    const text = ['Harbour Master Lena Berg said the port was open.', 'Lena Berg said they had asked for more time.'].join('\n');
    const asked = who(text).find((s) => s.cue === 'asked');
    expect(asked?.claimant ?? null).toBeNull();
  });

  it('never resolves "they" to a person however recent', () => {
    const text = 'Defence Minister Lena Holm spoke on Monday.\nHolm said the base would stay.\nThey warned that the base would grow.';
    const they = who(text).filter((x) => x.source === 'They');
    expect(they).toHaveLength(1);
    expect(they[0]!.claimant).toBeNull();
  });

  it('reads a bare "who" from the noun right before it, and never from an earlier speaker', () => {
    const text = 'Anna Berg spoke first.\nThe spokesman who said the bridge was safe has resigned.';
    expect(claimantAt(text, 'spokesman', 'said')).toBe('spokesman');
    // "who" after a thing: the speaker is not named, so no claimant rather than a guess.
    const program = 'Al Sharpton took calls from listeners to his radio program who said they had doubts.';
    expect(claimantAt(program, 'program', 'said')).toBeNull();
    const clause = 'Anna Berg criticized the union, which said the strike would go on.\nThe senator, who said the law was unfair, voted against it.';
    expect(claimantAt(clause, 'union', 'said')).toBe('union');
    expect(claimantAt(clause, 'senator', 'said')).toBe('senator');
  });
});

describe('the subject is the whole noun phrase', () => {
  it.each([
    ['Traders in Gyumri reported prices had doubled.', 'Traders in Gyumri'],
    ['Officials in Moscow said the talks had stalled.', 'Officials in Moscow'],
    ['Residents of Gyumri told reporters that soldiers had left.', 'Residents of Gyumri'],
    ['The head of the delegation from Baku said the border was calm.', 'The head of the delegation from Baku'],
    ['Diplomats at the embassy said the visit was cancelled.', 'Diplomats at the embassy'],
    ['Soldiers stationed in Gyumri said the base was full.', 'Soldiers stationed in Gyumri'],
    ['Russia and Turkey said the ceasefire would hold.', 'Russia and Turkey'],
    ['Armenia and its allies said the vote was fair.', 'Armenia and its allies'],
    ['Russia, Iran and Turkey said the talks would resume.', 'Russia, Iran and Turkey'],
  ])('%s', (text, source) => {
    const [s] = who(text);
    expect(s?.source).toBe(source);
  });

  it('never gives the object of a preposition as the speaker', () => {
    for (const text of ['Anyone living in Moscow said so.', 'The troops went to Gyumri said nothing.', 'Prices rose in Gyumri, officials in Yerevan said.']) {
      for (const s of who(text)) expect(s.source ?? '').not.toMatch(/^(?:Gyumri|Moscow)$/);
    }
  });

  it('keeps a clause after "and" apart from the subject', () => {
    const text = 'The talks ended and Turkey said the ceasefire would hold.';
    expect(who(text)[0]?.source).toBe('Turkey');
  });
});

describe('actions are not statements', () => {
  it.each([
    'Russia and Turkey agreed to set up an observation center.',
    'The ministry decided to withdraw its troops.',
    'The company plans to announce new rules.',
    'A spokesman declined to comment.',
  ])('%s', (text) => {
    expect(who(text)).toEqual([]);
  });

  it('still reads "agreed that" as a statement', () => {
    expect(who('Russia and Turkey agreed that the ceasefire would hold.')[0]).toMatchObject({ cue: 'agreed', source: 'Russia and Turkey' });
  });

  it('keeps actions for PolNeAR scoring when asked', () => {
    expect(who('A spokesman declined to comment.', { actions: true })[0]).toMatchObject({ cue: 'declined', source: 'A spokesman' });
  });

  it('shows promises, vows, pledges and threats: commitments made in words', () => {
    expect(who('Kasich vowed to stay in the race.')[0]).toMatchObject({ cue: 'vowed', source: 'Kasich' });
    expect(who('Trump promised to build a wall.')[0]).toMatchObject({ cue: 'promised', source: 'Trump' });
  });

  it('reads "continued" as a cue only beside a quotation', () => {
    expect(who('The union said the strike would continue, Berg said.', { nested: true }).map((s) => s.cue)).toEqual(['said', 'said']);
    expect(who('“We will win,” he continued.')[0]?.cue).toBe('continued');
  });
});

describe('pluralName', () => {
  it.each([
    ['Russia and Turkey', true], ['Armenian opposition politicians', true], ['Officials in Moscow', true], ['Senate Republicans', true],
    ['police', true], ['Bernie Sanders', false], ['Sanders', false], ['Armenian Defense Minister Vagharshak Harutyunyan', false],
    ['Kidder Peabody and Co', false], ['the HUR', false], ['Armenian Foreign Ministry', false], ['the news agency', false],
    ['A union representing flight attendants', false], ['Unions representing pilots', true], ['The three leading candidates', true], ['the group representing pilots', false],
    ['Polls', true], ['Critics', true], ['Insiders', true], ['WikiLeaks', false], ['Wikileaks', false], ['Peters', false], ['Reynolds', false],
  ])('%s → %s', (name, plural) => {
    expect(pluralName(name)).toBe(plural);
  });
});

describe('"he" and "she" need the right person in view', () => {
  it('does not give "she" to a man named just before', () => {
    const text = ['Matt Bennett, a founder of the group, said it was over.', 'Mr. Regalado, 69, said he had been inundated with calls.', 'She said she was thinking of leaving.'].join('\n');
    const found = who(text).filter((s) => s.cue === 'said');
    expect(found.map((s) => s.claimant)).toEqual(['Matt Bennett', 'Mr. Regalado', null]);
  });

  it('does not reach past a speaker it cannot type', () => {
    const text = ['Defence Minister Lena Holm said the base would stay.', 'Regalado said the base would close.', 'She said the vote was close.'].join('\n');
    expect(who(text).filter((s) => s.cue === 'said').at(-1)?.claimant).toBeNull();
  });

  it('learns a gender from the first pronoun and keeps it', () => {
    const text = ['Senator Ruth Vale said the bill was dead.', 'She said a new bill could come.', 'She added that talks would resume.'].join('\n');
    expect(who(text).map((s) => s.claimant)).toEqual(['Senator Ruth Vale', 'Senator Ruth Vale', 'Senator Ruth Vale']);
  });
});

describe('words that look like cues but name or do something else', () => {
  it.each([
    ['a think tank', 'Matt Bennett, a founder of the think tank Third Way, said the plan would fail.', ['said']],
    ['a name given with "called"', 'He joined a resistance movement called the People’s Party.', []],
    ['a telephone call', 'After the vote, Bill Clinton called her to get together again.', []],
    ['"by" with a gerund', 'Mr. Netanyahu responded by settling a dispute with Turkey.', ['responded']],
    ['jobs "added"', 'The U.S. added around 292,000 jobs in December.', []],
    ['"maintains" as keeping', 'The nominee maintains a floating array of power centers.', []],
  ])('%s', (_, text, cues) => {
    expect(who(text).map((s) => s.cue)).toEqual(cues);
  });

  it('never takes the object of an earlier phrase before a comma as the speaker', () => {
    for (const text of ['She told of coming under fire while visiting Bosnia, later admitting she had not.', 'He said so for the purposes of politics more than for his clout in Boston, said one strategist.']) {
      for (const s of who(text)) expect(s.source ?? '').not.toMatch(/^(?:Bosnia|Boston)$/);
    }
  });

  it('reads a headline "Says X would …" as having no stated speaker, and an age as no name', () => {
    expect(who('Says Clinton would stack the court').every((s) => s.claimant !== 'Clinton')).toBe(true);
    expect(who('Mr. Regalado, 69, said he had been inundated with calls.')[0]?.claimant).toBe('Mr. Regalado');
  });
});

describe('the speaker named after the cue is the person, not their affiliation', () => {
  it.each([
    ['“The commissions failed,” said ACLU executive Director Anthony Romero in a statement.', 'ACLU executive Director Anthony Romero'],
    ['“He is a friend,” said Clinton ally James Carville.', 'Clinton ally James Carville'],
    ['The plan would fail, according to Obama administration officials.', 'Obama administration officials'],
    ['“It was fine,” said Trump after the rally.', 'Trump'],
  ])('%s', (text, source) => {
    expect(who(text)[0]?.source).toBe(source);
  });
});

describe('quotation marks typed as two apostrophes', () => {
  it('never become part of the speaker', () => {
    const text = "''All the world felt my pain,'' Ms. Khan wrote.";
    expect(who(text)[0]).toMatchObject({ cue: 'wrote', source: 'Ms. Khan', claimant: 'Ms. Khan' });
  });
});

describe('"said" inside a relative clause', () => {
  it.each([
    ['Putin met Erdogan, who said the talks went well.', 'said', 'Erdogan'],
    ['Putin met envoys, who said the base would stay.', 'said', 'envoys'],
    ['Lavrov criticized the envoy who said the base would close.', 'said', 'envoy'],
    ['The soldiers that the HUR said were recruited arrived in Gyumri.', 'said', 'HUR'],
    ['The deal that Russia and Turkey said would hold collapsed.', 'said', 'Russia and Turkey'],
    ['Pashinyan, whom Putin said he trusts, left early.', 'said', 'Putin'],
    ['Lavrov praised Armenian opposition politicians, who said the base would stay.', 'said', 'Armenian opposition politicians'],
  ])('%s', (text, cue, claimant) => {
    expect(who(text).find((s) => s.cue === cue)?.claimant).toBe(claimant);
  });

  it('does not let a misread earlier speaker stand in for a later surname', () => {
    const text = 'Putin met Erdogan, who said the talks went well.\nPashinyan, whom Putin said he trusts, left early.';
    expect(who(text).map((s) => s.claimant)).toEqual(['Erdogan', 'Putin']);
  });
});

describe('the subject of the clause speaks through "by saying" and "has since said"', () => {
  it.each([
    ['Obama punctuated his list by saying the toll was too high.', 'saying', 'Obama'],
    ['Mrs. Clinton has since said she would support a wage increase.', 'said', 'Mrs. Clinton'],
  ])('%s', (text, cue, claimant) => {
    expect(who(text).find((s) => s.cue === cue)?.claimant).toBe(claimant);
  });
});

describe('a name after a dash introducing a quotation', () => {
  it('is the speaker of the quotation', () => {
    const text = 'RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones: “Gallup’s analysis shows it.”';
    expect(who(text)).toEqual([{ cue: ':', source: 'Jeffrey M. Jones', claimant: 'Jeffrey M. Jones' }]);
  });
});

describe('"it" as a speaker', () => {
  it('takes a named body opening the same sentence', () => {
    const text = 'On Monday, the NCIA published what it said was a leaked message.';
    expect(claimantAt(text, 'NCIA', 'said')).toBe('NCIA');
  });

  it('takes the body whose statement came just before when "It" opens the sentence', () => {
    const text = 'The city of Phoenix demanded that the ads stop.\nIt says the campaign violated its policy.';
    expect(claimantAt(text, 'It says', 'says')).toBe('city of Phoenix');
  });

  it('leaves "it" inside a sentence about something else unresolved', () => {
    const text = 'PolitiFact said the claim was false.\nThe unemployment rate is a widely used term: it refers to the share of people out of work.';
    const refers = who(text).find((s) => s.cue === 'refers');
    expect(refers?.claimant ?? null).toBeNull();
  });
});

describe('never a place, a time or an object for a speaker', () => {
  it.each([
    ['Protesters marching through the streets chanted "What curfew?" and kept going.', 'chanted', 'Protesters marching through the streets'],
    ['Wells Fargo just this month announced it would get rid of these incentives.', 'announced', 'Wells Fargo'],
    ['The Supreme Court this month rejected a request from Democrats.', 'rejected', 'The Supreme Court'],
    ['Republicans, and the meeting deteriorated from there, said one GOP source in the room.', 'said', 'one GOP source'],
    ['Chastened by the losses, Trump revised his plan, promising to focus on families.', 'promising', 'Trump'],
  ])('%s', (text, cue, source) => {
    expect(who(text, { actions: true }).find((s) => s.cue === cue)).toMatchObject({ source });
  });

  it.each([
    'A USA TODAY analysis of super PACs that have raised $1 million or more since Jan. 1, 2015, shows Democratic groups outpacing Republicans.',
    'It is a major issue, with Hillary Clinton — who has called for tax hikes on the rich — lambasting Trump’s plan.',
  ])('takes no content words for the speaker: %s', (text) => {
    for (const s of who(text)) expect(s.source ?? '').not.toMatch(/Democratic groups|Trump’s plan/);
  });

  it.each([
    'The move took place despite repeated warnings from his attorney that it was fruitless.',
    'National Guard members, called to service by the governor after some demonstrations turned violent, are scarce.',
    'It was fueling worries from Paris to Prague that the union was a burden.',
  ])('finds no statement in: %s', (text) => {
    expect(who(text)).toEqual([]);
  });
});

describe('coordinated subjects', () => {
  it.each([
    ['Republican presidential hopefuls Jeb Bush and Chris Christie said they would attend.', 'Republican presidential hopefuls Jeb Bush and Chris Christie'],
    ['Union members and leaders said the deal was bad.', 'Union members and leaders'],
    ['Current and former officials said the program failed.', 'Current and former officials'],
  ])('%s', (text, source) => {
    expect(who(text)[0]).toMatchObject({ cue: 'said', source });
  });

  it('never joins the object of a verb to the next speaker', () => {
    expect(who('Trump attacked Bush and Rubio said it was unfair.').find((s) => s.cue === 'said')).toMatchObject({ source: 'Rubio' });
  });
});

describe('subordinate clauses and quantified subjects', () => {
  it('ends a subordinate clause\'s content before the main clause\'s statement', () => {
    const text = 'Asked whether she believed Putin wanted Trump to win, Clinton said she was not going to jump to that conclusion.';
    const found = findStatements(text, lines(text));
    const said = found.find((s) => text.slice(s.cue.start, s.cue.end) === 'said')!;
    expect(text.slice(said.content.start, said.content.end)).toBe('she was not going to jump to that conclusion');
    for (const s of found) if (s !== said) expect(text.slice(s.content.start, s.content.end)).not.toContain('Clinton said');
  });

  it('never takes a subordinate clause as what the main clause\'s speaker said', () => {
    const text = 'When Francis said Mr. Trump is not Christian, the campaign responded.';
    const responded = findStatements(text, lines(text)).find((s) => text.slice(s.cue.start, s.cue.end) === 'responded');
    expect(responded && text.slice(responded.content.start, responded.content.end)).not.toContain('Francis');
  });

  it('reads a quantifier standing alone as the subject', () => {
    expect(who('Two in three said they are less likely to vote.')[0]).toMatchObject({ cue: 'said', source: 'Two in three' });
    expect(who('Several said they would leave.')[0]).toMatchObject({ cue: 'said', source: 'Several' });
    expect(who('Some claims were false, officials said.').map((s) => s.source)).toEqual(['officials']);
  });
});

describe('names someone uses are not their claims', () => {
  it('keeps the statement and drops "what he calls …", and "baseless claims" is a noun', () => {
    const found = who('Cruz has railed against what he calls the “Washington cartel.”\nThe ministry rejected what it called baseless claims.');
    expect(found.map((s) => s.cue)).toEqual(['railed', 'rejected'].filter((c) => found.some((s) => s.cue === c)));
    expect(found.some((s) => s.cue === 'calls' || s.cue === 'called')).toBe(false);
    expect(found.find((s) => s.cue === 'rejected')).toMatchObject({ source: 'The ministry' });
  });
});

describe('"called" as a verdict and as a name', () => {
  it.each([
    ['Carson took the stage and called the political system “rotten to the core.”', 'Carson'],
    ['The spokesman called Trump a liar.', 'The spokesman'],
    ['The former first lady calls it her "responsibility gene".', 'The former first lady'],
    ['Her chief policy aide, Jake Sullivan, calls her record a "blueprint" for reform.', 'Her chief policy aide, Jake Sullivan,'],
  ])('a verdict: %s', (text, source) => {
    expect(who(text)[0]).toMatchObject({ source });
  });

  it.each([
    'They joined a group called “Color of Change.”',
    'He founded an organization called Citizens for Trump.',
  ])('a name: %s', (text) => {
    expect(who(text)).toEqual([]);
  });
});

describe('opening participles and documents', () => {
  it('gives the main clause its own statement after an opening participle', () => {
    expect(who('Asked Tuesday about Sullivan, Feinstein said "I do not know him."').find((s) => s.cue === 'said')).toMatchObject({ source: 'Feinstein' });
    expect(who('Lashing out, Trump said the justice was wrong.').find((s) => s.cue === 'said')).toMatchObject({ source: 'Trump' });
    expect(who('When their turn came and they were announced, Mr. Rogan said in an interview that it was fine.').find((s) => s.cue === 'said')).toMatchObject({ source: 'Mr. Rogan' });
  });

  it('reads "read the statement" after a quotation, never "read the words"', () => {
    expect(who('“We will win,” read the statement, which was attributed to Miller.')[0]).toMatchObject({ cue: 'read', source: 'the statement' });
    expect(who('Trump read the words he had come to deliver.')).toEqual([]);
  });

  it('leaves "another" without a claimant', () => {
    expect(who('Yet another said, “Rubio is in a battle.”')[0]).toMatchObject({ source: 'another', claimant: null });
  });
});

describe('openers, quantifiers and adjectives are never speakers', () => {
  it.each([
    ['Having announced that he would not send me to prison, Judge Berman proceeded to hand down his sentence.', /^Having$/],
    ['Instead, the Vermont senator is sticking to his message, hoping to avoid any misstep.', /^Instead$/],
    ['But a few days later, Trump reversed himself yet again, telling CBS that the laws are set.', /^a$/],
    ['After his rally in San Jose, California the GOP candidate went further and portrayed protestors as undocumented.', /^California$/],
    ['But Sanders has begun to rebut that criticism.', /^begun$/],
  ])('%s', (text, wrong) => {
    for (const s of who(text, { actions: true })) expect(s.source ?? '').not.toMatch(wrong);
  });

  it('takes the subject before "both", without the quantifier', () => {
    expect(who('Richards and Menendez both stressed that it was not all bad news.')[0]).toMatchObject({ source: 'Richards and Menendez', claimant: 'Richards and Menendez' });
  });

  it('reads "a cautious note" as a noun', () => {
    expect(who('Bill McInturff, a pollster, sounded a cautious note about the data.')).toEqual([]);
  });

  it('finds the subject after an opening time phrase or place', () => {
    expect(who('But a few days later, Trump reversed himself yet again, telling CBS that the laws are set.')[0]).toMatchObject({ source: 'Trump' });
    expect(who('After his rally in San Jose, California the GOP candidate went further and portrayed protestors as undocumented.')[0]).toMatchObject({ source: 'the GOP candidate' });
  });
});

describe('subjects around inserted phrases', () => {
  it.each([
    ['Tuesday in Berea, OH, after winning Ohio in the primary, Gov. John Kasich (R-OH), said, “I am getting ready.”', 'Gov. John Kasich (R-OH)'],
    ['Trump, speaking at a rally in Charleston, West Virginia, said the plan failed.', 'Trump'],
  ])('%s', (text, claimant) => {
    expect(who(text).find((s) => s.cue === 'said')).toMatchObject({ claimant });
  });

  it('never inverts a verb that does not take its speaker after it', () => {
    const found = who('The star journalist, who is promoting his 12th book, “Sin Miedo” (Without Fear), downplayed his influence among Hispanics.');
    for (const s of found) expect(s.source ?? '').not.toMatch(/influence/);
  });
});

describe('nouns, credits and headings are never statements with a speaker', () => {
  it.each([
    'The clip has faced ridicule online since it was released.',
    'One candidate is propounding views that pose a threat.',
    'Little Relief for Refugees: The refugee crisis is precisely the sort of problem the body was made for.',
    'Julie Hirschfeld Davis reported from Midway Atoll, and Mark Landler from Washington.',
    'His nonprofit group, called the Virginia Conservation Legacy, took over.',
  ])('%s', (text) => {
    expect(who(text).filter((s) => s.source !== null)).toEqual([]);
  });

  it('reads a quoted name after ", called" as a name, not a second statement of the sentence\'s speaker', () => {
    expect(who('The ferry line said it is selling a weekend ticket, called "Harbour Days," letting families travel for less.').map((s) => s.cue)).toEqual(['said']);
  });

  it('reads a negated passive as passive', () => {
    expect(who('It is her push so that history in mistreating Americans isn’t repeated.').every((s) => s.source === null)).toBe(true);
  });

  it('still reads a titled speaker before a colon in the body', () => {
    expect(who('Senator Lindsey Graham: the party has lost its way and must find it again soon.')[0]).toMatchObject({ source: 'Senator Lindsey Graham' });
  });
});

describe('events and things are never agents or speakers', () => {
  it.each([
    'Armenia is fully dependent on its ally, as confirmed by the war last fall.',
    'The incident has raised concerns about the stability of the region.',
  ])('%s', (text) => {
    expect(who(text).filter((s) => s.source !== null)).toEqual([]);
  });

  it.each([
    ['It was denied by the head of the agency.', 'the head of the agency'],
    ['The report was rejected by the president.', 'the president'],
    ['The plan was praised by residents.', 'residents'],
    ['The document says the plan failed.', 'The document'],
  ])('%s', (text, source) => {
    expect(who(text)[0]).toMatchObject({ source });
  });
});

describe('a quotation the speaker denies', () => {
  it('is never shown as the speaker\'s own assertion ("denied a report that quoted her as saying …")', () => {
    expect(who('Mayor Ana Poll denied a report that quoted her as saying the pier would close.').map((s) => s.cue)).toEqual(['denied']);
    expect(who('The harbour minister rejected a newspaper interview quoting him as saying the fees would rise.').map((s) => s.cue)).toEqual(['rejected']);
  });

  it('stays the speaker\'s when another clause quotes them', () => {
    expect(who('Mayor Ana Poll denied the report, and the Tarn Post quoted her as saying the pier would close.').map((s) => s.cue)).toEqual(['denied', 'saying']);
  });
});

describe('a second "that" clause of a cue', () => {
  it('is more of the first speaker\'s content: a cue in it is no statement of its own', () => {
    expect(who('The agency quoted Mayor Ana Poll as saying she is optimistic and that the harbour board will continue to encourage repairs.').map((s) => s.claimant)).toEqual(['Mayor Ana Poll']);
    expect(who('Councillor Ivo Brandt said the fees were fair but that the Tarn Port Office will insist on a review.').map((s) => s.claimant)).toEqual(['Councillor Ivo Brandt']);
  });
});

describe('a speaker closing the sentence who runs on with "adding"', () => {
  it('reports the statement before them: that one is not shown as its own', () => {
    expect(who('The harbour board told Eda Lund it would pay for the repairs, Mayor Ana Poll said, adding that work starts in May.').map((s) => s.claimant)).not.toContain('harbour board');
  });
});
