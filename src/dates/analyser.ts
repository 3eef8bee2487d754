import type { Analyser } from '../analyser.js';

/** Placeholder until date resolution lands (issue 4): finds no dates. */
export const datesAnalyser: Analyser<unknown[]> = {
  name: 'dates',
  version: '0',
  analyse: () => [],
};
