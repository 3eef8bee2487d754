/** The analysers the library runs on every article, in order. */
import type { Analyser } from '../core/ports.js';
import { claimsAnalyser } from '../claims/analyser.js';
import { datesAnalyser } from '../dates/analyser.js';

export const ANALYSERS: readonly Analyser[] = [claimsAnalyser, datesAnalyser];
