/** The fixed query and topic sets of the benchmark (Reuters-21578 vocabulary, 1987 wire stories). */

/** Search queries: common and rare single words, pairs, short prefixes, longer prefixes, typos and misses. */
export const SEARCH_QUERIES: readonly string[] = [
  // common words
  'oil', 'said', 'bank', 'prices', 'trade', 'dollar', 'market', 'company', 'government', 'year',
  // rarer words
  'cocoa', 'zinc', 'rubber', 'sorghum', 'tin', 'palladium', 'coconut', 'ecuador',
  // two words
  'oil prices', 'interest rates', 'trade deficit', 'iran iraq', 'wheat exports', 'bank of japan', 'stock split',
  'coffee quotas', 'crude output', 'money supply', 'share offer', 'the dollar',
  // short prefixes (must not blow up)
  'oi', 'pr', 'ba', 'tr', 'j', 'ex',
  // longer prefixes
  'petro', 'expor', 'acqui', 'subsid',
  // typos and misses
  'petroleun', 'agricultre', 'xyzzyq', 'gyumri',
];

/** Topics for `claim` and `timeline`. */
export const TOPICS: readonly string[] = ['oil', 'opec', 'iran-iraq', 'japan-us', 'wheat', 'coffee', 'gold', 'brazil-debt'];
