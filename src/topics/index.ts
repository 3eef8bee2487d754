/**
 * Topics: what `/claim` and `/timeline` take. A slug `armenia-russia` means both subjects;
 * each subject expands to the aliases the corpus supports (Russia, Russian, Moscow, Kremlin).
 * (First version: splits and lower-cases; issue 4 grows it into corpus-backed entities.)
 */
import type { Library } from '../command.js';

/** A parsed topic: every part must match; a part matches when any of its aliases does. */
export interface TopicQuery {
  label: string;
  parts: string[][];
}

/** Parses a topic word, phrase or slug. */
export function parseTopic(topic: string, _library?: Library): TopicQuery {
  const cleaned = topic.trim().toLowerCase();
  const slugParts = cleaned.includes(' ') ? [cleaned] : cleaned.split('-').filter(Boolean);
  return { label: cleaned, parts: slugParts.map((p) => [p]) };
}

/** Topics the corpus supports, best first (for autocomplete and suggestions). */
export function listTopics(_library: Library, _limit = 25): string[] {
  return [];
}

/** Topics close to one that found nothing. */
export function suggestTopics(library: Library, topic: string, limit = 5): string[] {
  return library.suggest(topic, limit);
}
