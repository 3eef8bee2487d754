/** Topics: slugs and phrases parsed into subjects with their aliases, matched as words, and listed from the corpus. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../src/command.js';
import { compileTopic, listTopics, parseTopic, suggestTopics } from '../../src/topics/index.js';
import { runtimeOver, sampleLibrary } from '../timeline/helpers.js';

let library: Library;

beforeAll(async () => {
  library = await sampleLibrary();
});

/** Whether a topic matches a text (all parts in it). */
const matches = (topic: string, text: string) => compileTopic(parseTopic(topic)).every((m) => m(text));

describe('parseTopic', () => {
  it('expands a pair slug into both countries with demonyms, capitals and seats of power', () => {
    const q = parseTopic('armenia-russia');
    expect(q.label).toBe('Armenia and Russia');
    expect(q.parts).toHaveLength(2);
    expect(q.parts[0]).toEqual(expect.arrayContaining(['Armenia', 'Armenian', 'Yerevan']));
    expect(q.parts[1]).toEqual(expect.arrayContaining(['Russia', 'Russian', 'Moscow', 'Kremlin']));
  });

  it('reads the same pair from "Armenia and Russia", "Russia, Armenia" and an alias', () => {
    for (const t of ['Armenia and Russia', 'Russia, Armenia', 'yerevan-kremlin', 'Armenia & Moscow']) {
      expect(parseTopic(t).parts.map((p) => p[0]).sort()).toEqual(['Armenia', 'Russia']);
    }
  });

  it('keeps multi-word countries whole, also in slugs', () => {
    expect(parseTopic('south-korea').parts).toHaveLength(1);
    expect(parseTopic('south-korea').label).toBe('South Korea');
    expect(parseTopic('saudi arabia-iran').label).toBe('Saudi Arabia and Iran');
  });

  it('turns a phrase into its content words', () => {
    expect(parseTopic('the siege of Mariupol').parts).toEqual([['siege'], ['Mariupol']]);
  });

  it('keeps a name the corpus knows as one subject', () => {
    expect(parseTopic('Nikol Pashinyan', library).parts).toEqual([['Nikol Pashinyan']]);
  });
});

describe('compileTopic', () => {
  it('matches aliases as whole words, with possessives and plurals', () => {
    expect(matches('russia', 'dozens of anti-Russian protesters')).toBe(true);
    expect(matches('russia', 'the Kremlin’s comprehensive strategy')).toBe(true);
    expect(matches('armenia-russia', 'Yerevan asked Moscow for help')).toBe(true);
    expect(matches('armenia-russia', 'Yerevan asked Baku for help')).toBe(false);
    expect(matches('iran', 'Iranians voted')).toBe(true);
    expect(matches('iran', 'The Tirana meeting')).toBe(false);
  });

  it('does not take the pronoun "us" for the United States', () => {
    expect(matches('united states', 'He told us nothing.')).toBe(false);
    expect(matches('united states', 'The US embassy said.')).toBe(true);
  });

  it('matches other words in any case, singular or plural', () => {
    expect(matches('border guards', 'a Border Guard post')).toBe(true);
    expect(matches('border guards', 'the border was quiet')).toBe(false);
  });
});

describe('listTopics and suggestTopics', () => {
  it('lists the subjects and co-occurring pairs of the sample corpus, best first', () => {
    const topics = listTopics(library, 40);
    expect(topics.slice(0, 3).sort()).toEqual(['armenia', 'azerbaijan', 'russia']);
    expect(topics).toContain('armenia-russia');
    expect(topics).toContain('gyumri');
    expect(topics).toContain('nikol-pashinyan');
    expect(topics.indexOf('armenia-russia')).toBeLessThan(topics.indexOf('gyumri'));
    expect(listTopics(library, 5)).toHaveLength(5);
    // Role words and months are not subjects.
    expect(topics.some((t) => /^(?:the|prime|minister|june|friday)$/.test(t))).toBe(false);
  });

  it('suggests corpus topics close to a misspelt or unknown one', () => {
    expect(suggestTopics(library, 'russa')[0]).toBe('russia');
    expect(suggestTopics(library, 'armenia-turkey')).toContain('armenia');
    expect(suggestTopics(library, 'zzzz')).toEqual(listTopics(library, 5));
  });

  it('answers `topics` with the list, and a prefix filter', async () => {
    const runtime = runtimeOver(library);
    const all = await runtime.execute('topics', { text: '' }, { platform: 'cli' });
    expect(all.lines).toEqual(listTopics(library, 40));
    const gy = await runtime.execute('topics', { text: 'gyu' }, { platform: 'cli' });
    expect(gy.lines!.length).toBeGreaterThan(0);
    expect(gy.lines!.every((t) => t.split('-').some((p) => p.startsWith('gyu')))).toBe(true);
  });
});
