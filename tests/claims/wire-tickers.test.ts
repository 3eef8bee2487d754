/**
 * Wire copy names a listed company with its stock ticker in angle brackets ("Acme Plc <ACME.L> said") and an
 * unlisted one inside them ("<Acme Ltd> said"): the company is the speaker, shown by its name without the ticker.
 * Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { claimants } from '../helpers/sentences.js';


describe('a company written with its stock ticker', () => {
  it('is the speaker, named without the ticker', () => {
    expect(claimants('Tarnwell Shipping Plc <TARN.L> said its cargo volumes rose 4 pct in March.')).toEqual(['Tarnwell Shipping Plc']);
    expect(claimants('HARBOURLINE <HBL> SAYS FERRY ORDER WORTH 40 MLN DLRS')).toEqual(['HARBOURLINE']);
  });

  it('drops a description before the name, but keeps a phrase the name belongs to', () => {
    expect(claimants('Dutch ferry group Tarnwell Lines NV <TARN.AS> said it would buy two boats.')).toEqual(['Tarnwell Lines NV']);
    expect(claimants('The directors of Tarnwell Lines Inc <TLI> said they would reject the offer.')).toEqual(['directors of Tarnwell Lines Inc']);
  });

  it('is named inside the brackets when unlisted', () => {
    expect(claimants('<Elkton Ferry Co Ltd> said it bought a second boat for 3 mln dlrs.')).toEqual(['Elkton Ferry Co Ltd']);
    expect(claimants('<Elkton Ferry BV> of Rotterdam said it bought a second boat.')).toEqual(['Elkton Ferry BV']);
    expect(claimants('Harbour group <Elkton Ferry Ltd> (EFL) said it bought a second boat.')).toEqual(['Elkton Ferry Ltd']);
    expect(claimants('<Banca del Porto - BDP> said it would lend 20 mln dlrs.')).toEqual(['Banca del Porto - BDP']);
  });

  it('is one speaker with the other companies listed with it', () => {
    expect(claimants('Tarnwell Bank Plc <TBP.L> and Elkton Trust Plc <ETP.L> said they would cut base rates.')).toEqual(['Tarnwell Bank Plc <TBP.L> and Elkton Trust Plc <ETP.L>']);
    expect(claimants('Harbourline Inc and <Elkton Ferry AG> said they formed a venture.')).toEqual(['Harbourline Inc and <Elkton Ferry AG>']);
    // ("Separately," opens the sentence: no list.)
    expect(claimants('Separately, Tarnwell Lines Inc <TLI> said it would buy two boats.')).toEqual(['Tarnwell Lines Inc']);
  });

  it('leaves a subject before a comma to the other rules, and never fails on capitals in brackets', () => {
    expect(claimants('Tarnwell Ferry Corp, a unit of <Elkton Holdings Corp> said it bought a boat.')).not.toContain('Elkton Holdings Corp');
    expect(() => claimants('<AB CD EF GH> said it would buy a boat.\n<AB> said so.')).not.toThrow();
  });

  it('keeps a possessive that ends a company\'s name: "Moody\'s said"', () => {
    expect(claimants("Harbour rating agency Moody's said the port's bonds were safe.\nTarnwell's says its boats are late.")).toEqual(["Harbour rating agency Moody's", "Tarnwell's"]);
    // ("He's said" is "he has said".)
    expect(claimants("Ivo Lund said the quay was safe. He's said the boats are late.")).toEqual(['Ivo Lund', 'Ivo Lund']);
  });

  it('names the whole company where a word of its name reads as a verb or a parenthesis stands in it', () => {
    expect(claimants('Harbour Can Co said it would build a plant.\nTarnwell Express Corp said parcel volumes rose.\nElkton (U.K.) Ltd said it would hire 40 workers.')).toEqual(['Harbour Can Co', 'Tarnwell Express Corp', 'Elkton (U.K.) Ltd']);
  });

  it('stands for a later "it" and "the company"', () => {
    expect(claimants('Tarnwell Shipping Plc <TARN.L> said its cargo volumes rose 4 pct.\nIt said fuel costs fell.\nThe company said it would buy two boats.')).toEqual(['Tarnwell Shipping Plc', 'Tarnwell Shipping Plc', 'Tarnwell Shipping Plc']);
  });
});

describe('"who" after a speaker named in the same sentence with a description', () => {
  it('is the speaker, not a name inside the description; "which" stays the body', () => {
    expect(claimants('“We need more boats,” said Ana Poll, the executive director of the Tarnland Partnership for Clean Water, who also said the quay was unsafe.')).toEqual(['Ana Poll', 'Ana Poll']);
    expect(claimants('“We need more boats,” declared Senator Ana Poll, Republican of Tarnland, who echoed the mayor\'s warning.')).toEqual(['Senator Ana Poll', 'Senator Ana Poll']);
    expect(claimants('“We need more boats,” said Ivo Lund, organiser of a group called Friends of the Quay, which expects 500 people to attend.')[0]).toBe('Ivo Lund');
    expect(claimants('“We need more boats,” said Ivo Lund, organiser of a group called Friends of the Quay, which expects 500 people to attend.')[1]).not.toBe('Ivo Lund');
  });
});
