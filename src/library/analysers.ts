/** The analysers the library runs on every article, in order (events read the dates found before them). */
import type { Analyser } from '../core/ports.js';
import { claimsAnalyser } from '../claims/analyser.js';
import { datesAnalyser } from '../dates/analyser.js';
import { eventsAnalyser } from '../timeline/analyser.js';

export const ANALYSERS: readonly Analyser[] = [claimsAnalyser, datesAnalyser, eventsAnalyser];
