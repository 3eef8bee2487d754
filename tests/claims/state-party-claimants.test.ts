/**
 * "the Wisconsin Republican", "the Illinois Democrat" show the lawmaker the text tags so, or the one quoted just before,
 * and stay the description whenever two could be meant or the text says otherwise. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { claimants } from '../helpers/sentences.js';

describe('"the Wisconsin Republican" (claimant.state-party-tag)', () => {
  it('is the one person quoted whom the text tags with that state and party', () => {
    const tagged = claimants('Rep. Ana Lund (R-Wis.) said the pier was unsafe.\nIvo Berg said it was safe.\nThe Wisconsin Republican said repairs would take a year.');
    expect(tagged[2]).toBe(tagged[0]);
    const described = claimants('Ana Lund, a Wisconsin Republican, said the pier was unsafe.\nIvo Berg said it was safe.\nThe Wisconsin Republican said repairs would take a year.');
    expect(described[2]).toBe(described[0]);
  });

  it('stays the description with two so tagged', () => {
    expect(claimants('Rep. Ana Lund (R-Wis.) and Rep. Ivo Berg (R-Wis.) met on Monday.\nLund said the pier was unsafe.\nBerg said it was safe.\nThe Wisconsin Republican said repairs would take a year.').at(-1)).toBe('Wisconsin Republican');
  });
});

describe('"the Illinois Democrat" with nobody tagged (claimant.state-party-latest)', () => {
  it('is the person quoted just before', () => {
    const latest = claimants('House Speaker Ana Lund said the pier was unsafe.\n"We will fix it," the Illinois Democrat said.');
    expect(latest[1]).toBe(latest[0]);
  });

  it('stays the description when another name is written since, the party shown differs, or the speaker is no person', () => {
    expect(claimants('House Speaker Ana Lund said the pier was unsafe.\nAsked whether Ivo Berg would help, the Illinois Democrat said no.')[1]).toBe('Illinois Democrat');
    expect(claimants('Republican Sen. Ana Lund said the pier was unsafe.\n"We will fix it," the Illinois Democrat said.')[1]).toBe('Illinois Democrat');
    expect(claimants('Sen. Ana Lund (D-Ohio) said the pier was unsafe.\n"We will fix it," the Illinois Democrat said.')[1]).toBe('Illinois Democrat');
    expect(claimants('A harbour spokesman said the pier was unsafe.\n"We will fix it," the Illinois Democrat said.')[1]).toBe('Illinois Democrat');
  });
});
