/** The too-common check remembers word counts per library version: a live corpus that changes must be counted again. */
import { describe, expect, it } from 'vitest';
import { ingestText } from '../../src/ingest/index.js';
import { libraryFromArticles } from '../../src/library/build.js';
import { tooCommonTopic } from '../../src/topics/common.js';

const article = (id: string, body: string) =>
  ingestText(`Harbour news\n\n${body}`, { id, meta: { title: 'Harbour news', outlet: 'Test Wire', url: null, published: '2024-03-10', publishedInferred: false } });

const ids = Array.from({ length: 60 }, (_, i) => `a${i}.md`);

describe('tooCommonTopic over a library that changes', () => {
  it('counts a word again once the articles change', () => {
    const library = libraryFromArticles(ids.map((id, i) => article(id, `The harbour crane number ${i} was repaired by the port workers.`)));
    expect(tooCommonTopic('gadgetry', library)).toBeUndefined();
    library.applyChanges({ upsert: ids.map((id, i) => article(id, `The harbour gadgetry number ${i} was repaired by the port workers.`)), remove: [] });
    expect(tooCommonTopic('gadgetry', library)?.headline).toMatch(/too common: it appears in 100% of the articles/);
    // And back: the remembered count of the version before is not reused.
    library.applyChanges({ upsert: ids.map((id, i) => article(id, `The harbour crane number ${i} was repaired again by the port workers.`)), remove: [] });
    expect(tooCommonTopic('gadgetry', library)).toBeUndefined();
  });

  it('combines remembered words as the whole topic would be counted', () => {
    const library = libraryFromArticles(ids.map((id, i) => article(id, i % 2 ? `The gadgetry crane ${i} was repaired by workers.` : `The gadgetry ${i} was repaired by workers.`)));
    // "gadgetry" alone is in every article; with "crane" only in half of them, the pair is not too common.
    expect(tooCommonTopic('gadgetry', library)).toBeDefined();
    expect(tooCommonTopic('gadgetry crane', library)).toBeUndefined();
  });

  it('finds a word in any case, whole, in plain and accented texts alike', () => {
    // Two in three articles name the word (upper case, possessive, beside accented letters); the third only inside a longer word.
    const bodies = ['The crane and its gadgetrY were repaired.', 'Über den Hafen: the gadgetry’s crane was repaired.', 'The supergadgetry crane was repaired.'];
    const library = libraryFromArticles(ids.map((id, i) => article(id, bodies[i % 3]!)));
    expect(tooCommonTopic('gadgetry', library)?.headline).toMatch(/appears in 6[67]% of the articles/);
    // A word with an accent is matched in any case too, and not without its accent.
    const accented = libraryFromArticles(ids.map((id, i) => article(id, i % 4 ? 'The crane at São Rafael was repaired.' : 'The crane was repaired.')));
    expect(tooCommonTopic('sao', accented)).toBeUndefined();
    expect(tooCommonTopic('sÃo', accented)?.headline).toMatch(/appears in 7[45]% of the articles/);
  });
});


describe('the spread sample’s word index', () => {
  it('is read again once the articles change, for a word first asked after the change', () => {
    const library = libraryFromArticles(ids.map((id, i) => article(id, `The harbour crane number ${i} was repaired by the port workers.`)));
    // Asking one word reads every word of the sample; the next version's words must not come from that reading.
    expect(tooCommonTopic('crane', library)?.headline).toMatch(/appears in 100% of the articles/);
    library.applyChanges({ upsert: ids.map((id, i) => article(id, `The harbour gadgetry-${i} was repaired by the port workers.`)), remove: [] });
    expect(tooCommonTopic('gadgetry', library)?.headline).toMatch(/too common: it appears in 100% of the articles/);
    expect(tooCommonTopic('crane harbour', library)).toBeUndefined();
  });

  it('finds digits and mixed case as whole words, as the pattern does', () => {
    const bodies = ['Crane 7B was repaired.', 'The crane 7b was repaired.', 'The crane 77b was repaired.', 'The crane b7b was repaired.'];
    const library = libraryFromArticles(ids.map((id, i) => article(id, bodies[i % 4]!)));
    expect(tooCommonTopic('7b', library)).toBeUndefined();
    expect(tooCommonTopic('crane', library)?.headline).toMatch(/appears in 100% of the articles/);
  });
});
