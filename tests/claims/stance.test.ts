/**
 * Stance by the object of a push-back verb (issue 14): rejecting a proposal, challenging someone to a
 * debate, questioning someone about something, contesting a state are not denials or disputes of a claim;
 * a verdict word after a quotation's "said" is the outlet's, not the speaker's denial.
 */
import { describe, expect, it } from 'vitest';
import { findStatements } from '../../src/claims/attribution.js';
import { productSentences } from '../helpers/sentences.js';

/** cue|stance of each statement attribution finds in `text`. */
function stances(text: string): string[] {
  return findStatements(text, productSentences(text), { keepSourceless: false, chooser: null }).map((s) => `${text.slice(s.cue.start, s.cue.end)}|${s.stance}`);
}

describe('stance by object', () => {
  it('contesting a state or a seat is campaigning: no statement', () => {
    expect(stances('Both the governor and her rival are hotly contesting Vermont.')).toEqual([]);
    expect(stances('Three newcomers contested the seat last spring.')).toEqual([]);
    expect(stances('The losing side contested the count in court.')).toEqual(['contested|disputes']);
  });

  it('challenging a person in a state or for a seat is running against them: no statement', () => {
    expect(stances('A banker who is challenging Senator Lia Moss in Dorset drew a large crowd.')).toEqual([]);
    expect(stances('The banker challenged Moss for the county seat.')).toEqual([]);
    expect(stances('The banker challenged Moss in the debate over her figures.')).toEqual(['challenged|disputes']);
  });

  it('confirming a judge or a nominee is an appointment: no statement; confirming a report is a confirmation', () => {
    expect(stances('The assembly has confirmed three new judges this spring.')).toEqual([]);
    expect(stances('The ministry confirmed the report about the dam.')).toEqual(['confirmed|confirms']);
    expect(stances('A notary who is challenging Democratic Party County Committee Chair Rep. Lia Anne Moss in Dorset spoke first.')).toEqual([]);
  });

  it('challenging someone when they ran, or an office holder challenged by a rival, is running against them', () => {
    expect(stances('The banker challenged Moss when she ran for a third term in 1994.')).toEqual([]);
    expect(stances('Ferries will run all winter, predicted Lia Moss, the former governor challenged by Dev Amin in 1994.')).toEqual(['predicted|asserts']);
  });

  it('a cue whose subject is "neither … nor" is negated: no statement', () => {
    expect(stances('Neither the auditor nor the clerk acknowledged the missing ledgers.')).toEqual([]);
    expect(stances('The auditor acknowledged the missing ledgers.')).toEqual(['acknowledged|confirms']);
  });

  it('rejecting "the idea of" something is declining it; "the idea that" is a denial', () => {
    expect(stances('Most trustees rejected the idea of a toll bridge.')).toEqual(['rejected|asserts']);
    expect(stances('Most trustees rejected the idea that tolls would fall.')).toEqual(['rejected|denies']);
  });

  it('a verdict word after a quotation\'s "said" leaves the speaker asserting', () => {
    expect(stances('"Crime tripled last year," the candidate said, repeating a false figure.')).toContain('said|asserts');
    expect(stances('The candidate said the figure was false.')).toEqual(['said|denies']);
  });

  it('rejecting a proposal, a plan or an act is not a denial', () => {
    expect(stances('The governor rejected a union proposal for weekend talks.')).toEqual(['rejected|asserts']);
    expect(stances("The senator dismissed the governor's budget plan.")).toEqual(['dismissed|asserts']);
    expect(stances('The governor rejected the allegations about the budget.')).toEqual(['rejected|denies']);
  });

  it('rejecting a price, a quota, a petition or a lawsuit is declining it, not a denial', () => {
    expect(stances('The co-op rejected the mill price for barley.')).toEqual(['rejected|asserts']);
    expect(stances('The emirate has rejected its new fishing quota.')).toEqual(['rejected|asserts']);
    expect(stances('The court dismissed a lawsuit by two ferry owners.')).toEqual(['dismissed|asserts']);
    expect(stances('The council dismissed speculation about a merger.')).toEqual(['dismissed|denies']);
  });

  it('a name qualifying the head does not hide it (stance.name-before-head)', () => {
    expect(stances('The dockers rejected the Tarn Harbour Board pay offer.')).toEqual(['rejected|asserts']);
    expect(stances('The dockers rejected the Tarn Harbour Board account of the strike.')).toEqual(['rejected|denies']);
    expect(stances('The dockers rejected Ivo Brandt in the vote.')).toEqual(['rejected|asserts']);
  });

  it('in a wire headline in capitals the head is found inside the capitals', () => {
    const rows = (text: string) => findStatements(text, productSentences(text).map((x) => (x.block === 0 ? { ...x, kind: 'title' as const } : x)), { keepSourceless: false, chooser: null })
      .map((x) => `${text.slice(x.cue.start, x.cue.end)}|${x.stance}`);
    expect(rows('TARN REJECTS ALL OFFERS AT BARLEY TENDER\n\nThe offers were too low.')).toEqual(['REJECTS|asserts']);
    expect(rows("TARN REJECTS VELL'S 80 DLR BARLEY PRICE\n\nThe price was too low.")).toEqual(['REJECTS|asserts']);
    expect(rows('TARN DISMISSES MERGER SPECULATION\n\nThe board met on Monday.')).toEqual(['DISMISSES|denies']);
  });

  it('with no object after it, the verb rejects the proposal before it (stance.rejected-before)', () => {
    expect(stances('The pay offer for Tarn Docks, which was rejected by the union, lapsed in May.')).toContain('rejected|asserts');
    expect(stances('The union demands rejected by the mayor were modest.')).toContain('rejected|asserts');
    expect(stances('The bid that the board has already rejected as too low lapsed.')).toContain('rejected|asserts');
    expect(stances('The report, which the mayor rejected as false, was published.')).toContain('rejected|denies');
  });

  it('"denied access" is a refusal; "denied the report" a denial', () => {
    expect(stances('The clerk denied the reporters entry to the hearing.')).toEqual(['denied|asserts']);
    expect(stances('The clerk denied the report about the hearing.')).toEqual(['denied|denies']);
  });

  it('rejecting or dismissing a person is not a denial', () => {
    expect(stances('The committee dismissed Omar Reyes as a gadfly.')).toEqual(['dismissed|asserts']);
  });

  it('challenging someone to a debate is a dare, challenging a ruling a dispute', () => {
    expect(stances('The challenger challenged Governor Reyes to three televised debates.')).toEqual(['challenged|asserts']);
    expect(stances('The challenger challenged Governor Reyes to a debate before the primary.')).toEqual(['challenged|asserts']);
    expect(stances('The challenger challenged the ruling in federal court.')).toEqual(['challenged|disputes']);
  });

  it('questioning someone about something is asking; questioning a claim disputes it', () => {
    expect(stances('Moderators questioned Governor Reyes about the pension fund.')).toEqual(['questioned|asserts']);
    expect(stances("The auditor questioned the governor's figures.")).toEqual(['questioned|disputes']);
  });
});
