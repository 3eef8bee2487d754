/** Front matter: the quick reader of simple `key: value` lines agrees with the YAML parser. */
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseSimpleYaml, splitFrontMatter } from '../../src/ingest/front-matter.js';

const key = fc.stringMatching(/^[A-Za-z_][\w-]{0,12}$/);
const value = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('true', 'False', 'null', '~', '2025-07-07', '12', '1.5', '0x1F', '.inf', '-', '- x', 'a: b', 'a #b', '#x', '"q"', "'it''s'", '"a\\"b"', '"\\u00e9"', '[1, 2]', '{a: 1}', '|', '>', '*x', '&x', '!tag', '@x', '`x`', '%x', '', 'x\r', 'a\tb'),
  fc.string({ maxLength: 20 }).map((s) => JSON.stringify(s)),
  fc.string({ unit: 'binary', maxLength: 12 }).map((s) => s.replace(/\n/g, ' ')),
  fc.string({ unit: 'binary', maxLength: 12 }).map((s) => `"${s.replace(/\n/g, ' ')}"`),
);

describe('parseSimpleYaml', () => {
  it('gives what the YAML parser gives, or leaves the text to it', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 8 }), (pairs) => {
        const text = pairs.map(([k, v]) => `${k}: ${v}`).join('\n');
        const quick = parseSimpleYaml(text);
        if (quick === undefined) return;
        let parsed: unknown;
        try {
          parsed = parseYaml(text);
        } catch {
          throw new Error(`quick reader accepted what YAML rejects: ${JSON.stringify(text)}`);
        }
        expect(quick).toEqual(parsed ?? {});
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the shipped corpus style without the parser', () => {
    expect(parseSimpleYaml('title: "Ukraine’s claim"\noutlet: null\nurl: https://x.test/a?b=1\npublished: 2025-07-07\npublished_inferred: true')).toEqual({
      title: 'Ukraine’s claim',
      outlet: null,
      url: 'https://x.test/a?b=1',
      published: '2025-07-07',
      published_inferred: true,
    });
  });

  it('leaves lists, nesting and numbers to the parser', () => {
    expect(parseSimpleYaml('tags:\n  - a\n  - b')).toBeUndefined();
    expect(parseSimpleYaml('tags: [a, b]')).toBeUndefined();
    expect(parseSimpleYaml('count: 12')).toBeUndefined();
    expect(splitFrontMatter('---\ntags:\n  - a\n  - b\n---\nBody').meta.tags).toEqual(['a', 'b']);
  });
});

describe('hostile front matter', () => {
  it('an unknown tag is read as text and writes no Node warning to the process', async () => {
    const warnings: string[] = [];
    const listen = (w: Error) => warnings.push(w.message);
    process.on('warning', listen);
    try {
      const { meta } = splitFrontMatter('---\ntitle: !!js/function "function () { return 1 }"\n---\nBody text.\n');
      await new Promise((resolve) => setImmediate(resolve)); // process warnings are emitted on the next tick
      expect(meta.title).toBe('function () { return 1 }');
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', listen);
    }
  });
});
