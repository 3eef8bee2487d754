import type { Analyser } from '../analyser.js';

/** Placeholder until attribution lands (issue 3): finds no statements. */
export const claimsAnalyser: Analyser<unknown[]> = {
  name: 'claims',
  version: '0',
  analyse: () => [],
};
