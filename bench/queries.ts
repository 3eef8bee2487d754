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

/** Topics for `claim` and `timeline` that warm the process up (JIT, lazily decoded articles); not timed. */
export const TOPICS: readonly string[] = ['oil', 'opec', 'iran-iraq', 'japan-us', 'wheat', 'coffee', 'gold', 'brazil-debt'];

/**
 * Topics timed for `claim` and `timeline`: each asked once, so no answer comes from a command's
 * own memo of an earlier identical question (names, places, commodities and pairs of 1987 news).
 */
export const TIMED_TOPICS: readonly string[] = [
  'sugar', 'cocoa', 'copper', 'tin', 'zinc', 'rubber', 'soybeans', 'corn', 'cotton', 'crude',
  'natural gas', 'interest rates', 'dollar', 'yen', 'bundesbank', 'federal reserve', 'opec-saudi-arabia', 'iran',
  'iraq', 'kuwait', 'ecuador', 'mexico-debt', 'argentina', 'canada-us', 'britain-france', 'west germany',
  'china', 'taiwan', 'south korea', 'australia', 'nigeria', 'indonesia', 'philippines', 'venezuela',
  'texaco', 'chrysler', 'pennzoil', 'ibm', 'american express', 'citicorp', 'bank of england', 'gatt',
  'tokyo', 'reagan', 'baker', 'volcker', 'nakasone', 'japan-semiconductors', 'brazil', 'soviet-grain',
];
