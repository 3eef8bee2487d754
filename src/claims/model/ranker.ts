/**
 * A linear ranker over candidates with string features, trained as an averaged perceptron:
 * deterministic (a seeded shuffle, features in insertion order), no dependencies, and cheap to
 * score (one map look-up per feature).
 */

/** Weights as shipped: feature → weight. */
export interface RankerWeights {
  /** Format version, bumped when features change so stale weights are not used. */
  version: number;
  weights: Record<string, number>;
  /** Margin a pick must have over the rules' source to drop it (no source) or to change it (another span). */
  margins: { drop: number; change: number };
  /** The kinds of statement the model reviews (`gateKey`); absent, it reviews every one. */
  review?: string[];
}

/** One training example: the features of each candidate and which candidate is right. */
export interface RankExample {
  features: string[][];
  gold: number;
}

/** The score of one candidate. */
export function scoreOf(weights: ReadonlyMap<string, number>, features: readonly string[]): number {
  let s = 0;
  for (const f of features) s += weights.get(f) ?? 0;
  return s;
}

/** A small seeded generator (mulberry32), so a shuffle (or any other draw) is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Training options. */
export interface TrainOptions {
  /** Passes over the data. @defaultValue 8 */
  epochs?: number;
  /** Shuffle seed. @defaultValue 1 */
  seed?: number;
  /** Weights smaller than this (absolute) are dropped from the result. @defaultValue 0.001 */
  prune?: number;
  /**
   * Runs with seeds `seed` … `seed + seeds − 1`, their averaged weights averaged again: one shuffle
   * order decides less of the result. @defaultValue 1
   */
  seeds?: number;
}

/**
 * Trains an averaged perceptron: on each example, when the best-scoring candidate is not the
 * gold one, the gold's features gain 1 and the pick's lose 1. Returns the averaged weights,
 * rounded and pruned, with keys sorted so the same data gives the same file byte for byte.
 */
export function trainRanker(examples: readonly RankExample[], options: TrainOptions = {}): Record<string, number> {
  const { epochs = 8, seed = 1, prune = 0.001, seeds = 1 } = options;
  const index = new Map<string, number>();
  const encoded = examples.map((e) => ({
    gold: e.gold,
    features: e.features.map((fs) => Int32Array.from(fs, (f) => {
      let i = index.get(f);
      if (i === undefined) index.set(f, (i = index.size));
      return i;
    })),
  }));
  const sum = new Float64Array(index.size);
  for (let run = 0; run < seeds; run++) {
    const averaged = perceptron(encoded, index.size, epochs, seed + run);
    for (let i = 0; i < averaged.length; i++) sum[i]! += averaged[i]! / seeds;
  }
  const names = [...index.keys()];
  const out: Record<string, number> = {};
  for (const name of [...names].sort()) {
    const v = Math.round(sum[index.get(name)!]! * 1000) / 1000;
    if (Math.abs(v) >= prune) out[name] = v;
  }
  return out;
}

/** One averaged-perceptron run over encoded examples with one shuffle seed: the averaged weights. */
function perceptron(encoded: ReadonlyArray<{ gold: number; features: Int32Array[] }>, size: number, epochs: number, seed: number): Float64Array {
  const w = new Float64Array(size);
  // Averaging by the usual trick: u sums c·update, the average is w − u/c.
  const u = new Float64Array(size);
  const order = encoded.map((_, i) => i);
  const rand = seededRandom(seed);
  let c = 1;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const n of order) {
      const ex = encoded[n]!;
      let best = 0;
      let bestScore = -Infinity;
      ex.features.forEach((fs, k) => {
        let s = 0;
        for (const f of fs) s += w[f]!;
        if (s > bestScore) (bestScore = s), (best = k);
      });
      if (best !== ex.gold) {
        for (const f of ex.features[ex.gold]!) (w[f]! += 1), (u[f]! += c);
        for (const f of ex.features[best]!) (w[f]! -= 1), (u[f]! -= c);
      }
      c++;
    }
  }
  const averaged = new Float64Array(size);
  for (let i = 0; i < size; i++) averaged[i] = w[i]! - u[i]! / c;
  return averaged;
}
