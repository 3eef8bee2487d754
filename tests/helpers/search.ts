/**
 * Test fixtures for search and library tests: articles built by hand with exact offsets, so
 * these tests do not depend on how ingest segments real pages.
 */
import { createHash } from 'node:crypto';
import type { Article, Block, BlockKind, Sentence } from '../../src/core/types.js';

/** One paragraph of a hand-made article. */
export interface Para {
  kind: BlockKind;
  text: string;
}

/** Splits a paragraph into sentences at ., ! or ? followed by a space (good enough for fixtures). */
function sentenceRanges(text: string, offset: number): [number, number][] {
  const out: [number, number][] = [];
  const re = /[^.!?]+(?:[.!?]+|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!m[0].length) {
      re.lastIndex++;
      continue;
    }
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body) out.push([offset + m.index + lead, offset + m.index + lead + body.length]);
  }
  return out;
}

/**
 * An article whose text is the paragraphs joined by blank lines.
 * @param paras - strings are body paragraphs; objects give the block kind
 */
export function makeArticle(
  id: string,
  paras: (string | Para)[],
  meta: Partial<Article['meta']> = {},
  extra: Partial<Pick<Article, 'duplicateOf'>> = {},
): Article {
  const blocks: Block[] = [];
  const sentences: Sentence[] = [];
  let text = '';
  paras.forEach((p, b) => {
    const para = typeof p === 'string' ? { kind: 'body' as const, text: p } : p;
    if (text) text += '\n\n';
    const start = text.length;
    text += para.text;
    blocks.push({ start, end: text.length, kind: para.kind });
    for (const [s, e] of sentenceRanges(para.text, start)) {
      sentences.push({ start: s, end: e, index: sentences.length, block: b, kind: para.kind });
    }
  });
  return {
    id,
    meta: {
      title: meta.title ?? id,
      outlet: meta.outlet ?? null,
      url: meta.url ?? null,
      published: meta.published ?? null,
      publishedInferred: meta.publishedInferred ?? false,
    },
    text,
    blocks,
    sentences,
    contentHash: createHash('sha256').update(text).digest('hex'),
    annotations: {},
    ...extra,
  };
}

/** A titled news story: title block then body paragraphs. */
export function story(id: string, title: string, body: string[], meta: Partial<Article['meta']> = {}): Article {
  return makeArticle(id, [{ kind: 'title', text: title }, ...body], { title, ...meta });
}
