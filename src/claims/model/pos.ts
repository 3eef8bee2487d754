/**
 * Parts of speech for the cue tagger, from wink-nlp, laid over the rules' own tokens. Only the
 * tagger reads them, and it runs in PolNeAR's wider scope only (`FindOptions.actions`), never at
 * ingest: wink's tagging costs more than all the rules together. wink and its model are required
 * on first use, so importing this module costs nothing.
 */
import { createRequire } from 'node:module';
import type winkNLP from 'wink-nlp';
import type { ItemToken } from 'wink-nlp';
import type { Token } from '../tokens.js';

let nlp: ReturnType<typeof winkNLP> | undefined;

function pipeline(): ReturnType<typeof winkNLP> {
  if (!nlp) {
    const require = createRequire(import.meta.url);
    const wink = require('wink-nlp') as typeof winkNLP;
    nlp = wink(require('wink-eng-lite-web-model') as Parameters<typeof winkNLP>[0], ['sbd', 'pos']);
  }
  return nlp;
}

/**
 * The part of speech (universal tags: VERB, NOUN, PROPN …) of each token of a unit: the tag of the
 * first wink token starting inside it ("didn't" is read as "did", AUX), or "X" when none does.
 * @param text - the article text the tokens point into
 * @param toks - the rules' tokens of one unit, in order
 */
export function unitTags(text: string, toks: readonly Token[]): string[] {
  const out = new Array<string>(toks.length).fill('X');
  if (!toks.length) return out;
  const from = toks[0]!.start;
  const slice = text.slice(from, toks[toks.length - 1]!.end);
  const p = pipeline();
  let cursor = 0;
  let k = 0;
  p.readDoc(slice).tokens().each((t: ItemToken) => {
    const value = t.out() as string;
    const at = slice.indexOf(value, cursor);
    if (at < 0) return;
    cursor = at + value.length;
    const pos = from + at;
    while (k < toks.length && toks[k]!.end <= pos) k++;
    if (k < toks.length && toks[k]!.start <= pos && out[k] === 'X') out[k] = t.out(p.its.pos) as string;
  });
  return out;
}
