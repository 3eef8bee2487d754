/** Topics: slugs and phrases parsed into subjects with their aliases, matched as words, and listed from the corpus. */
import { beforeAll, describe, expect, it } from 'vitest';
import claim from '../../commands/claim.js';
import timeline from '../../commands/timeline.js';
import type { Command } from '../../src/core/command.js';
import type { Library } from '../../src/core/ports.js';
import { loadConfig } from '../../src/app/config.js';
import { silentLogger } from '../../src/app/log.js';
import { createRuntime } from '../../src/app/runtime.js';
import { buildTimeline } from '../../src/timeline/build.js';
import { compileTopic, listTopics, MAX_TOPIC_LENGTH, MAX_TOPIC_PARTS, normaliseTopic, parseTopic, suggestTopics } from '../../src/topics/index.js';
import { libraryOf, runtimeOver, sampleLibrary } from '../helpers/timeline.js';

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

  it('keeps a name that starts with a place as one subject when the corpus writes it so', async () => {
    const lib = await libraryOf([
      { id: 'a.md', text: 'Card results\n\nCanadian Tours Co said its card business grew. Shares of Canadian Tours rose in Toronto.', meta: { title: 'Card results', published: '2021-03-05' } },
      { id: 'b.md', text: 'Travel\n\nAnalysts said Canadian Tours would sell its travel arm. The deal may close in East Timoria.', meta: { title: 'Travel', published: '2021-03-06' } },
      { id: 'c.md', text: 'Trade\n\nWest Germany and Chile signed a trade accord. West Germany will buy more copper, officials said.', meta: { title: 'Trade', published: '2021-03-07' } },
      { id: 'd.md', text: 'Talks\n\nTalks between West Germany and Peru went on for a day.', meta: { title: 'Talks', published: '2021-03-08' } },
    ]);
    // Not "Canada" and the common word "tours", nor the direction "west" and Germany.
    expect(parseTopic('canadian tours', lib).parts).toHaveLength(1);
    expect(parseTopic('canadian tours', lib).parts[0]![0]!.toLowerCase()).toBe('canadian tours');
    expect(parseTopic('west germany', lib).parts).toHaveLength(1);
    expect(listTopics(lib, 40)).toEqual(expect.arrayContaining(['canadian-tours', 'west-germany']));
    // A place followed by a title or an agency word is a place and a role, not one name.
    expect(listTopics(lib, 40)).not.toContain('canadian-tours-co');
    // A topic the corpus does not write as one name stays several subjects.
    expect(parseTopic('canadian copper', lib).parts).toHaveLength(2);
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

  it('finds a name after look-alikes of it earlier in the text, in any of its cases', () => {
    // "Germanic", "germany" (lower case) and "Berliner" hold the letters of an alias but are not it; the name comes last.
    expect(matches('germany', 'Germanic tribes, a germany typo and a Berliner later, GERMANY said.')).toBe(true);
    expect(matches('germany', 'Germanic tribes, a germany typo and a Berliner later.')).toBe(false);
    expect(matches('border guards', 'borderline cases, then the BORDER GUARDS arrived')).toBe(true);
    // A text whose lower-case form is longer ("İ") is read whole, with the same answer.
    expect(matches('germany', 'İzmir traders met Germany’s envoy.')).toBe(true);
    expect(matches('germany', 'İzmir traders met Germanic scholars.')).toBe(false);
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

  it('offers no pronoun contraction, party-and-state tag or possessive day as a subject', async () => {
    const lib = await libraryOf([
      { id: 'a.md', text: 'Dock vote\n\n“I’m not done,” said Rep. Ola Berg (D-N.Y.). “We’ve only started,” Sen. Per Holm (R-Calif.) said of the Tarnby docks on Monday. Monday’s vote failed.', meta: { title: 'Dock vote', published: '2021-03-05' } },
      { id: 'b.md', text: 'Dock deal\n\n“I’m glad,” Rep. Ola Berg (D-N.Y.) said. “We’ve waited,” added Sen. Per Holm (R-Calif.), who toured the Tarnby docks. “Monday’s deal holds.”', meta: { title: 'Dock deal', published: '2021-03-06' } },
    ]);
    const topics = listTopics(lib, 40);
    expect(topics).toEqual(expect.arrayContaining(['ola-berg', 'per-holm', 'tarnby']));
    expect(topics.filter((t) => /^(?:im|weve|d-n|r-calif|monday)$/.test(t))).toEqual([]);
    expect(suggestTopics(lib, 'voter id').join(' ')).not.toMatch(/\b(?:im|d-n)\b/);
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

/** The sample library behind a wrapper that counts index look-ups: the work a topic costs, not its wall-clock time. */
function counting(inner: Library): { library: Library; lookups: () => number } {
  let lookups = 0;
  const library: Library = {
    get articles() {
      return inner.articles;
    },
    get version() {
      return inner.version;
    },
    get: (id) => inner.get(id),
    search: (query, options) => inner.search(query, options),
    searchArticles: (query, limit) => {
      lookups++;
      return inner.searchArticles(query, limit);
    },
    suggest: (query, limit) => inner.suggest(query, limit),
  };
  return { library, lookups: () => lookups };
}

/** A runtime with claim and timeline over a library (the path Slack, Discord and the CLI take). */
function claimRuntime(over: Library) {
  return createRuntime({
    commands: new Map<string, Command>([
      [claim.name, claim],
      [timeline.name, timeline],
    ]),
    library: () => over,
    logger: silentLogger,
    config: loadConfig({ LOG_LEVEL: 'silent' }),
  });
}

/** `n` distinct two-letter subjects as a slug ("bb-bc-bd-…"): n parts in 3n characters. */
function manyParts(n: number): string {
  const letters = 'bcdfghjklmnpqrstwxz';
  const out: string[] = [];
  for (const a of letters) for (const b of letters) if (out.length < n) out.push(a + b);
  return out.join('-');
}

describe('topics with invisible characters (issue #11, item 13)', () => {
  const invisible = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];

  it('reads a topic the same with zero-width characters and soft hyphens inside or around it', () => {
    for (const ch of invisible) {
      const q = parseTopic(`${ch}Gyu${ch}mri${ch}`, library);
      expect(q.parts, JSON.stringify(ch)).toEqual([['Gyumri']]);
      expect(q.label).toBe('Gyumri');
      expect(matches(`arme${ch}nia-${ch}russia`, 'Yerevan asked Moscow for help')).toBe(true);
    }
    expect(normaliseTopic('\u200b armenia \u00ad  russia\ufeff')).toBe('armenia russia');
  });

  it('claim and timeline answer a topic with invisible characters as they answer it without', async () => {
    const runtime = claimRuntime(library);
    const plainClaim = await runtime.execute('claim', { text: 'gyumri' }, { platform: 'cli' });
    const plainTimeline = await runtime.execute('timeline', { text: 'armenia-russia' }, { platform: 'cli' });
    expect(plainClaim.items.length).toBeGreaterThan(0);
    expect(plainTimeline.items.length).toBeGreaterThan(0);
    for (const ch of invisible) {
      const c = await runtime.execute('claim', { text: `${ch}gyu${ch}mri` }, { platform: 'cli' });
      expect(c.headline, JSON.stringify(ch)).toBe(plainClaim.headline);
      expect(c.items.map((i) => i.text)).toEqual(plainClaim.items.map((i) => i.text));
      const t = await runtime.execute('timeline', { text: `armenia${ch}-russia${ch}` }, { platform: 'cli' });
      expect(t.headline, JSON.stringify(ch)).toBe(plainTimeline.headline);
      expect(t.items.map((i) => i.text)).toEqual(plainTimeline.items.map((i) => i.text));
    }
  });
});

describe('topics with very many parts (issue #11, item 16)', () => {
  it(`reads at most ${MAX_TOPIC_PARTS} subjects and counts the rest as left out`, () => {
    const q = parseTopic(`armenia-${manyParts(159)}`);
    expect(q.parts).toHaveLength(MAX_TOPIC_PARTS);
    expect(q.parts[0]).toEqual(expect.arrayContaining(['Armenia', 'Yerevan']));
    expect(q.dropped).toBe(160 - MAX_TOPIC_PARTS);
    expect(q.label.split(' and ')).toHaveLength(MAX_TOPIC_PARTS);
    // A phrase counts its content words as subjects too.
    expect(parseTopic(manyParts(40).replace(/-/g, ' ')).parts).toHaveLength(MAX_TOPIC_PARTS);
    // Characters are capped as well, whatever the caller: 250 parts in 755 characters are read to the 500th.
    const long = parseTopic(`armenia-${manyParts(249)}`);
    expect(long.text).toHaveLength(MAX_TOPIC_LENGTH);
    expect(long.parts).toHaveLength(MAX_TOPIC_PARTS);
    expect(parseTopic('x'.repeat(100_000)).text).toHaveLength(MAX_TOPIC_LENGTH);
  });

  it('claim does as many index look-ups for a 160-part topic as for an 8-part one, and says what it left out', async () => {
    const small = counting(library);
    await claimRuntime(small.library).execute('claim', { text: `gyumri-${manyParts(MAX_TOPIC_PARTS - 1)}` }, { platform: 'cli' });
    const large = counting(library);
    const topic = `gyumri-${manyParts(159)}`;
    expect(topic.length).toBeLessThanOrEqual(500); // within the command's own length limit
    const reply = await claimRuntime(large.library).execute('claim', { text: topic }, { platform: 'cli' });
    expect(reply.error).toBeFalsy();
    expect(small.lookups()).toBeGreaterThan(MAX_TOPIC_PARTS);
    expect(large.lookups()).toBe(small.lookups());
    expect(reply.notes).toContain(`Only the first ${MAX_TOPIC_PARTS} subjects of the topic were used (a topic has at most ${MAX_TOPIC_PARTS}); ${160 - MAX_TOPIC_PARTS} more were left out.`);
  });

  it('timeline bounds its index look-ups the same way on a large corpus, and says what it left out', async () => {
    const small = counting(library);
    buildTimeline(small.library, `armenia-${manyParts(MAX_TOPIC_PARTS - 1)}`, { fullScanLimit: 0 });
    const large = counting(library);
    const built = buildTimeline(large.library, `armenia-${manyParts(249)}`, { fullScanLimit: 0 });
    expect(built.topic.parts).toHaveLength(MAX_TOPIC_PARTS);
    expect(large.lookups()).toBe(small.lookups());
    const reply = await claimRuntime(library).execute('timeline', { text: `armenia-${manyParts(159)}` }, { platform: 'cli' });
    expect(reply.notes[0]).toMatch(new RegExp(`^Only the first ${MAX_TOPIC_PARTS} subjects of the topic were used`));
  });
});
