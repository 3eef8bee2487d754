import fc from 'fast-check';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import claim from '../../commands/claim.js';
import { statementsOf } from '../../src/claims/analyser.js';
import type { Library } from '../../src/core/ports.js';
import { loadConfig } from '../../src/app/config.js';
import { ingestText } from '../../src/ingest/index.js';
import { buildLibrary, libraryFromArticles } from '../../src/library/build.js';
import { silentLogger } from '../../src/app/log.js';
import { createRuntime, type Runtime } from '../../src/app/runtime.js';
import type { Reply, ReplyItem } from '../../src/core/types.js';
import { tooCommonTopic } from '../../src/topics/common.js';

const corpusDir = path.resolve(import.meta.dirname, '..', '..', 'corpus');
let library: Library;
let runtime: Runtime;
let gyumri: Reply;

const ask = (topic: string) => runtime.execute('claim', { text: topic }, { platform: 'cli' });
const cited = (reply: Reply, item: ReplyItem) => reply.citations.find((c) => c.id === item.source)!;

beforeAll(async () => {
  ({ library } = await buildLibrary({ corpusDir, logger: silentLogger, snapshot: false }));
  runtime = createRuntime({ commands: new Map([['claim', claim]]), library: () => library, logger: silentLogger, config: loadConfig({}) });
  gyumri = await ask('gyumri');
}, 60_000);

describe('claim gyumri on the sample corpus', () => {
  it('names Ukraine’s military intelligence (HUR) as claimant of the troop build-up claim', () => {
    const buildUp = gyumri.items.filter((i) => i.fields?.stance === 'asserts' && /HUR/.test(String(i.fields?.claimant)) && /bolstering its troop presence|intensifying its military presence|increasing its military presence/.test(i.text));
    expect(buildUp.length).toBeGreaterThanOrEqual(2);
    for (const item of buildUp) expect(item.fields?.claimant).toMatch(/military intelligence.*\(HUR\)/);
    // Both the OC Media report and the aggregator's re-report are cited.
    expect(new Set(buildUp.map((i) => cited(gyumri, i).outlet))).toEqual(new Set(['OC Media', null]));
  });

  it('puts the Armenian Foreign Ministry’s denial beside the claim it denies', () => {
    const group = gyumri.items.find((i) => /bolstering its troop presence/.test(i.text))!.fields!.group;
    const answers = gyumri.items.filter((i) => i.fields?.group === group && i.fields?.stance === 'denies');
    expect(answers.some((i) => /Armenia.s Foreign Ministry|Armenian Foreign Ministry/.test(String(i.fields?.claimant)))).toBe(true);
    const badalyan = gyumri.items.filter((i) => /Ani Badalyan/.test(String(i.fields?.claimant)));
    expect(badalyan.length).toBeGreaterThanOrEqual(1);
    const stanceOf = (text: RegExp) => gyumri.items.filter((i) => text.test(i.text)).map((i) => [i.fields?.claimant, i.fields?.stance]);
    expect(stanceOf(/called the report fictitious/)).toEqual([['Ani Badalyan (Armenian Foreign Ministry’s spokesperson)', 'denies']]);
    expect(stanceOf(/appeared to push back on the claims/)).toEqual([['Armenian Foreign Ministry spokesperson Ani Badalyan', 'disputes']]);
    expect(stanceOf(/has rejected these claims/)).toEqual([['Armenian Foreign Ministry', 'denies']]);
    expect(stanceOf(/^Armenia Rejects Ukraine’s Claim/)).toEqual([['Armenia', 'denies']]);
    expect(stanceOf(/has denied claims by Ukraine’s military intelligence/)).toEqual([
      ['Ukraine’s military intelligence (HUR)', 'asserts'],
      ['Armenia’s Foreign Ministry', 'denies'],
    ]);
    expect(stanceOf(/could not be independently verified/)).toEqual([['OC Media', 'disputes']]);
  });

  it('includes the 2021 statements of Armenia’s defence minister, cited to the 2021 article', () => {
    const minister = gyumri.items.filter((i) => /Harutyunyan/.test(String(i.fields?.claimant)));
    expect(minister.length).toBeGreaterThanOrEqual(1);
    for (const item of minister) {
      expect(item.fields?.claimant).toBe('Armenian Defense Minister Vagharshak Harutyunyan');
      expect(cited(gyumri, item).published).toBe('2021-02-23');
      expect(cited(gyumri, item).outlet).toBe('Warsaw Institute');
    }
  });

  it('quotes every item verbatim from the article it cites, never a caption, comment or chrome', () => {
    expect(gyumri.items.length).toBeGreaterThan(5);
    for (const item of gyumri.items) {
      const article = library.get(cited(gyumri, item).articleId)!;
      expect(article.text.slice(item.span.start, item.span.end)).toBe(item.text);
      const sentences = article.sentences.filter((s) => s.start < item.span.end && item.span.start < s.end);
      expect(sentences.every((s) => s.kind === 'body' || s.kind === 'standfirst' || s.kind === 'title')).toBe(true);
      expect(item.text).not.toMatch(/Photo:|Wikimedia|become an OC Media member|Would love your thoughts|partisan outlets|Related posts/i);
      expect(typeof item.fields?.group).toBe('string');
    }
  });

  it('sums up the answer in the headline', () => {
    expect(gyumri.headline).toMatch(/^\d+ claims? about "gyumri" in \d+ articles?; \d+ denied or disputed$/);
  });
});

describe('claim: the stance of each reporting verb, through the command', () => {
  const text = [
    'Ferry row deepens',
    '',
    'The port agency has claimed that the Skagen ferry will return to service in May.',
    '',
    'The transport ministry rejected claims that the Skagen ferry will return in May.',
    '',
    'Union leader Kari Nilsen rejects claims that the Skagen ferry is safe.',
    '',
    'Harbour spokesman Lars Holm has denied claims that the Skagen ferry failed its inspection.',
    '',
    'Engineers disputed claims that the Skagen ferry was repaired.',
    '',
    'The ferry company questioned claims that the Skagen ferry could sail in winter.',
    '',
    'The shipyard director confirmed reports that the Skagen ferry had been repaired.',
  ].join('\n');

  it('answers each sentence with the stance its verb carries', async () => {
    const article = ingestText(text, { id: 'ferry.md', meta: { title: 'Ferry row deepens', outlet: 'Coastal Daily', url: null, published: '2026-03-02', publishedInferred: false } });
    const reply = await claim.run(claim.input.parse({ topic: 'skagen ferry' }), {
      library: libraryFromArticles([article]),
      clock: { now: () => new Date('2026-03-05') },
      logger: silentLogger,
      origin: { platform: 'cli' },
      commands: new Map(),
      services: {},
    });
    // Grouping decides the order (a denial sits with the claim it denies); the stances are what this checks.
    const got = reply.items.map((i) => [i.text, i.fields?.claimant, i.fields?.stance]);
    const byText = (x: unknown[], y: unknown[]) => String(x[0]).localeCompare(String(y[0]));
    expect(got.sort(byText)).toEqual([...EXPECTED_FERRY].sort(byText));
  });
});

/** Written out by hand from the sentences above: who said it and what the verb does to the claim. */
const EXPECTED_FERRY = [
  ['The port agency has claimed that the Skagen ferry will return to service in May.', 'port agency', 'asserts'],
  ['The transport ministry rejected claims that the Skagen ferry will return in May.', 'transport ministry', 'denies'],
  ['Union leader Kari Nilsen rejects claims that the Skagen ferry is safe.', 'Union leader Kari Nilsen', 'denies'],
  ['Harbour spokesman Lars Holm has denied claims that the Skagen ferry failed its inspection.', 'Harbour spokesman Lars Holm', 'denies'],
  ['Engineers disputed claims that the Skagen ferry was repaired.', 'Engineers', 'disputes'],
  ['The ferry company questioned claims that the Skagen ferry could sail in winter.', 'ferry company', 'disputes'],
  ['The shipyard director confirmed reports that the Skagen ferry had been repaired.', 'shipyard director', 'confirms'],
];

describe('claim: every snippet is verbatim (property)', () => {
  it('holds for any topic drawn from the corpus vocabulary', async () => {
    // A word every article uses ("This") is refused as too common, by design; the property is about answers.
    const words = [...new Set(library.articles.flatMap((a) => a.text.match(/\p{Lu}\p{L}{3,}/gu) ?? []))].filter(
      (w) => !tooCommonTopic(w, library),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...words), async (topic) => {
        const reply = await ask(topic);
        expect(reply.error).toBeFalsy();
        for (const item of reply.items) {
          const article = library.get(cited(reply, item).articleId)!;
          expect(article.text.slice(item.span.start, item.span.end)).toBe(item.text);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('stores only statements whose spans lie inside their article', () => {
    for (const article of library.articles) {
      for (const s of statementsOf(article)) {
        expect(s.span.start).toBeGreaterThanOrEqual(0);
        expect(s.span.end).toBeLessThanOrEqual(article.text.length);
        expect(s.cue.start).toBeGreaterThanOrEqual(s.span.start);
        expect(s.cue.end).toBeLessThanOrEqual(s.span.end);
      }
    }
  });
});

describe('claim: bad and unknown topics', () => {
  it.each([
    ['', 'Give a topic.'],
    ['   ', 'Give a topic.'],
    ['x'.repeat(501), 'That topic is too long (at most 500 characters).'],
    ['?!… —', 'That topic has no letters or digits to look for.'],
  ])('answers %j clearly', async (topic, message) => {
    const reply = await ask(topic);
    expect(reply).toMatchObject({ error: true, errorCode: 'usage', headline: message, items: [] });
    expect(reply.notes).toContain('Usage: claim <topic> [--page N]');
  });

  it('answers an unknown topic with an empty reply, not an error', async () => {
    const reply = await ask('zanzibar lighthouse');
    expect(reply.error).toBeFalsy();
    expect(reply.items).toEqual([]);
    expect(reply.headline).toBe('No claims found about "zanzibar lighthouse"');
    expect(reply.notes[0]).toMatch(/^No claims found/);
  });
});
