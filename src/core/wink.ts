/**
 * wink-nlp pipelines that read every text the same way, whatever they read before.
 *
 * A wink pipeline keeps each word it has not seen in its model (out-of-vocabulary words) for good,
 * and its tokenizer asks that store whether a piece is a known word: once "F.N" has been read in
 * "<F.N>" (a ticker), "F.N. Wolf and Co" is later split as "F.N" + "." and a sentence ends after
 * it; read first, "F.N." stays one token. So the sentences (and parts of speech) of an article
 * depended on which articles the same pipeline read before it: on the order of the corpus listing,
 * on which ingest worker read it, and on a restart re-reading only the changed files.
 *
 * `read` forgets the unseen words a text added, once the caller is done with the document, except
 * the plain ones (letters only, or digits only): the tokenizer gives those the same token whether
 * it knows them or not, and keeping them spares adding them again for every text. Checked against
 * forgetting every unseen word on 19,000 Reuters stories and the PolNeAR articles, read forwards
 * and backwards: the same sentences (keeping every word, as wink does, 28–33 texts differed).
 * wink and its model are required on first use, so importing this module costs nothing.
 */
import { createRequire } from 'node:module';
import type winkNLP from 'wink-nlp';
import type { Document } from 'wink-nlp';

type Wink = ReturnType<typeof winkNLP>;
type WinkModel = Parameters<typeof winkNLP>[0];
/** The part of wink's loaded core model that `read` touches: the lexeme feature's hash and list. */
interface Lexemes {
  hash: Record<string, number>;
  list: string[];
  intrinsicSize: number;
}

/** Unseen words a word is kept for: letters only, or digits only. */
const PLAIN = /^(?:\p{L}+|\p{N}+)$/u;
/**
 * Unseen words a pipeline may hold (forgotten ones stay in wink's list; only its lookup forgets
 * them) before it is built again, which bounds its memory over a long ingest.
 */
const MAX_UNSEEN = 1_000_000;

/** One wink pipeline with the given annotation steps, read through `read`. */
export class WinkPipeline {
  #nlp: Wink | undefined;
  #lexemes: Lexemes | undefined;

  constructor(private readonly annotations: readonly string[]) {}

  /**
   * Reads `text` and hands the document to `use`, then forgets what reading it taught the pipeline.
   * The document must not be used after `use` returns.
   */
  read<T>(text: string, use: (doc: Document, nlp: Wink) => T): T {
    const { nlp, lexemes } = this.#build();
    const before = lexemes.list.length;
    try {
      return use(nlp.readDoc(text), nlp);
    } finally {
      const { hash, list } = lexemes;
      for (let i = before; i < list.length; i++) {
        const word = list[i]!;
        if (hash[word] === i && !PLAIN.test(word)) delete hash[word];
      }
      if (list.length - lexemes.intrinsicSize > MAX_UNSEEN) this.#nlp = this.#lexemes = undefined;
    }
  }

  #build(): { nlp: Wink; lexemes: Lexemes } {
    if (!this.#nlp || !this.#lexemes) {
      const require = createRequire(import.meta.url);
      const wink = require('wink-nlp') as typeof winkNLP;
      const model = require('wink-eng-lite-web-model') as WinkModel & { core: () => { features: { lexeme: Lexemes } } };
      let core: { features: { lexeme: Lexemes } } | undefined;
      // wink loads its own copy of the core model per pipeline (`core()`); keep a hold of its lexemes.
      this.#nlp = wink({ ...model, core: () => (core = model.core()) } as WinkModel, [...this.annotations] as Parameters<typeof winkNLP>[1]);
      if (!core) throw new Error('wink-nlp did not load its core model');
      this.#lexemes = core.features.lexeme;
    }
    return { nlp: this.#nlp, lexemes: this.#lexemes };
  }
}
