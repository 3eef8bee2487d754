/**
 * Inverting a segment's forward index into impact-ordered postings (see rank.ts for the order).
 *
 * A rebuild after a few changed files (an incremental start) shifts every term's idf and the
 * mean passage length a little, so every posting is scored again; but the order of a list
 * rarely changes. {@link invertReusing} therefore re-scores each term's list in its stored
 * order, merges in the postings of the new passages, and sorts only a list that came out of
 * order. Either way the result is exactly the list a from-scratch build sorts: the keys are
 * the same function of the same numbers, and each key is unique (it holds the passage id).
 */
import type { Article } from '../core/types.js';
import type { Steps } from '../core/take-turns.js';
import { EXACT_WEIGHT, keyPassage, lengthNorm, normedImpact, passageBoost, postingKey, termFactor } from './rank.js';
import type { SegmentData } from './segment.js';

/** Postings scored or placed between two pauses of the steps. */
const STEP_POSTINGS = 1 << 14;

/** Per local article: 1 when it is a syndicated copy (ranks after its original on ties). */
function copyFlags(articles: readonly Article[]): Uint8Array {
  const flags = new Uint8Array(articles.length);
  for (let a = 0; a < articles.length; a++) if (articles[a]!.duplicateOf) flags[a] = 1;
  return flags;
}

/** Each term's `termFactor` for the exact form: the same in every passage, so computed once per term. */
function termFactors(df: Uint32Array, passages: number): Float64Array {
  const factors = new Float64Array(df.length);
  for (let t = 0; t < df.length; t++) factors[t] = termFactor(EXACT_WEIGHT, df[t]!, passages);
  return factors;
}

/** Start offset of each term's list, from its passage frequency (length terms + 1). */
function offsetsOf(df: Uint32Array): Uint32Array {
  const offsets = new Uint32Array(df.length + 1);
  for (let t = 0; t < df.length; t++) offsets[t + 1] = offsets[t]! + df[t]!;
  return offsets;
}

/**
 * What scoring a posting needs of its passage, four numbers side by side (one cache line when
 * postings are visited in impact order, that is in no passage order): its `lengthNorm`, its
 * boost, its passage id here (-1 when gone) and 1 when it belongs to a syndicated copy.
 */
const INFO = 4;

/** Fills `info` at slot `at` for passage `p` of `data`. */
function passageInfo(info: Float64Array, at: number, data: SegmentData, copy: Uint8Array, p: number): void {
  info[at * INFO] = lengthNorm(data.pLen[p]!, data.avgLen);
  info[at * INFO + 1] = passageBoost(data.pFlags[p]!);
  info[at * INFO + 2] = p;
  info[at * INFO + 3] = copy[data.pArticle[p]!]!;
}

/** The posting key of a term of factor `factor` occurring `tf` times in the passage at `info` slot `at`. */
function keyAt(info: Float64Array, at: number, factor: number, tf: number): number {
  const o = at * INFO;
  return postingKey(normedImpact(factor, tf, info[o]!, info[o + 1]!), info[o + 3] === 1, info[o + 2]!);
}

/**
 * Sorts `keys` (postings of one term, any order) and writes their passages and frequencies to
 * `postings`/`postTf` from `at`; `tfs[i]` is the frequency of `keys[i]`, `tfAt` a scratch array by passage.
 */
function sortInto(keys: Float64Array, tfs: Uint8Array, tfAt: Uint8Array, postings: Uint32Array, postTf: Uint8Array, at: number): void {
  for (let i = 0; i < keys.length; i++) tfAt[keyPassage(keys[i]!)] = tfs[i]!;
  if (keys.length > 1) keys.sort();
  for (let i = 0; i < keys.length; i++) {
    const p = keyPassage(keys[i]!);
    postings[at + i] = p;
    postTf[at + i] = tfAt[p]!;
  }
}

/** Fills `postOffsets`/`postings`/`postTf` from the forward index, each term's list sorted by impact. */
export function* invert(data: SegmentData, df: Uint32Array, articles: readonly Article[]): Steps<void> {
  const nTerms = df.length;
  const postOffsets = offsetsOf(df);
  const cursor = postOffsets.slice(0, nTerms);
  const keys = new Float64Array(postOffsets[nTerms]!);
  const tfs = new Uint8Array(keys.length);
  const nPassages = data.pArticle.length;
  const factors = termFactors(df, nPassages);
  const copy = copyFlags(articles);
  const info = new Float64Array(INFO);
  const { fwdOffsets, fwdTerms, fwdTf } = data;
  let work = 0;
  for (let p = 0; p < nPassages; p++) {
    const end = fwdOffsets[p + 1]!;
    passageInfo(info, 0, data, copy, p);
    for (let j = fwdOffsets[p]!; j < end; j++) {
      const t = fwdTerms[j]!;
      const at = cursor[t]!++;
      keys[at] = keyAt(info, 0, factors[t]!, fwdTf[j]!);
      tfs[at] = fwdTf[j]!;
    }
    work += end - fwdOffsets[p]!;
    if (work >= STEP_POSTINGS) {
      work = 0;
      yield;
    }
  }
  const postings = new Uint32Array(keys.length);
  const postTf = new Uint8Array(keys.length);
  const tfAt = new Uint8Array(nPassages);
  for (let t = 0; t < nTerms; t++) {
    const from = postOffsets[t]!;
    const to = postOffsets[t + 1]!;
    sortInto(keys.subarray(from, to), tfs.subarray(from, to), tfAt, postings, postTf, from);
    work += to - from;
    if (work >= STEP_POSTINGS) {
      work = 0;
      yield;
    }
  }
  data.postOffsets = postOffsets;
  data.postings = postings;
  data.postTf = postTf;
}

/** How a segment being built relates to the earlier one it copied passages from. */
export interface ReusedPostings {
  /** The earlier segment's data (its postings in impact order, with `postTf`). */
  from: SegmentData;
  /** Earlier passage id → passage id here, or -1 when the passage is gone. */
  passageMap: Int32Array;
  /** Term id here → the earlier segment's term id, or -1 for a term it did not have. */
  termMap: Int32Array;
}

/**
 * {@link invert} for a segment most of whose passages were copied from an earlier one: each
 * term's earlier list is re-scored in its stored order, the new passages' postings are merged
 * in, and a list is sorted only when it came out of order. The result equals {@link invert}'s.
 */
export function* invertReusing(data: SegmentData, df: Uint32Array, articles: readonly Article[], reused: ReusedPostings): Steps<void> {
  const nTerms = df.length;
  const nPassages = data.pArticle.length;
  const postOffsets = offsetsOf(df);
  const factors = termFactors(df, nPassages);
  const copy = copyFlags(articles);
  const { fwdOffsets, fwdTerms, fwdTf } = data;
  const { from: old, passageMap, termMap } = reused;
  // Per passage here (fresh postings) and per earlier passage (the earlier lists), what scoring needs.
  const info = new Float64Array(nPassages * INFO);
  for (let p = 0; p < nPassages; p++) passageInfo(info, p, data, copy, p);
  const oldInfo = new Float64Array(passageMap.length * INFO);
  for (let q = 0; q < passageMap.length; q++) {
    const p = passageMap[q]!;
    if (p >= 0) oldInfo.set(info.subarray(p * INFO, (p + 1) * INFO), q * INFO);
    else oldInfo[q * INFO + 2] = -1;
  }
  const key = (factor: number, tf: number, p: number) => keyAt(info, p, factor, tf);

  // The postings of the passages that were not copied (new or changed articles), grouped by term and sorted.
  const copied = new Uint8Array(nPassages);
  for (const p of passageMap) if (p >= 0) copied[p] = 1;
  const freshCount = new Uint32Array(nTerms);
  for (let p = 0; p < nPassages; p++) {
    if (copied[p]) continue;
    for (let j = fwdOffsets[p]!; j < fwdOffsets[p + 1]!; j++) freshCount[fwdTerms[j]!]! += 1;
  }
  const freshOffsets = offsetsOf(freshCount);
  const freshCursor = freshOffsets.slice(0, nTerms);
  const freshKeys = new Float64Array(freshOffsets[nTerms]!);
  const freshTfs = new Uint8Array(freshKeys.length);
  for (let p = 0; p < nPassages; p++) {
    if (copied[p]) continue;
    for (let j = fwdOffsets[p]!; j < fwdOffsets[p + 1]!; j++) {
      const t = fwdTerms[j]!;
      const at = freshCursor[t]!++;
      freshKeys[at] = key(factors[t]!, fwdTf[j]!, p);
      freshTfs[at] = fwdTf[j]!;
    }
  }
  const tfAt = new Uint8Array(nPassages);
  for (let t = 0; t < nTerms; t++) {
    const a = freshOffsets[t]!;
    const b = freshOffsets[t + 1]!;
    if (b - a > 1) {
      // Sorted in place (the scratch lists are not kept): passages and frequencies are read back by passage.
      const keys = freshKeys.subarray(a, b);
      for (let i = 0; i < keys.length; i++) tfAt[keyPassage(keys[i]!)] = freshTfs[a + i]!;
      keys.sort();
      for (let i = 0; i < keys.length; i++) freshTfs[a + i] = tfAt[keyPassage(keys[i]!)]!;
    }
  }
  yield;

  const postings = new Uint32Array(postOffsets[nTerms]!);
  const postTf = new Uint8Array(postings.length);
  let scratch = new Float64Array(1024);
  let work = 0;
  for (let t = 0; t < nTerms; t++) {
    const factor = factors[t]!;
    let out = postOffsets[t]!;
    let k = freshOffsets[t]!;
    const kEnd = freshOffsets[t + 1]!;
    let prev = -1;
    let ordered = true;
    const tOld = termMap[t]!;
    if (tOld >= 0) {
      const end = old.postOffsets[tOld + 1]!;
      for (let i = old.postOffsets[tOld]!; i < end; i++) {
        const q = old.postings[i]!;
        const p = oldInfo[q * INFO + 2]!;
        if (p < 0) continue;
        const tf = old.postTf[i]!;
        const value = keyAt(oldInfo, q, factor, tf);
        while (k < kEnd && freshKeys[k]! < value) {
          postings[out] = keyPassage(freshKeys[k]!);
          postTf[out++] = freshTfs[k]!;
          prev = freshKeys[k++]!;
        }
        if (value < prev) ordered = false;
        postings[out] = p;
        postTf[out++] = tf;
        prev = value;
      }
      work += end - old.postOffsets[tOld]!;
    }
    for (; k < kEnd; k++) {
      postings[out] = keyPassage(freshKeys[k]!);
      postTf[out++] = freshTfs[k]!;
    }
    const from = postOffsets[t]!;
    if (out !== postOffsets[t + 1]) throw new Error(`segment rebuild: term ${t} has ${out - from} postings, expected ${df[t]}`);
    if (!ordered) {
      // Scores moved past one another (idf and mean length shifted): this list is sorted afresh.
      if (scratch.length < out - from) scratch = new Float64Array(out - from);
      const keys = scratch.subarray(0, out - from);
      for (let i = 0; i < keys.length; i++) keys[i] = key(factor, postTf[from + i]!, postings[from + i]!);
      sortInto(keys, postTf.slice(from, out), tfAt, postings, postTf, from);
      work += 4 * keys.length;
    }
    if (work >= STEP_POSTINGS) {
      work = 0;
      yield;
    }
  }
  data.postOffsets = postOffsets;
  data.postings = postings;
  data.postTf = postTf;
}
