/**
 * What a chat message is about, for "Check this message": the names and topics it mentions that
 * the corpus also knows (its entities, read with the question tagger of `./question.ts`), merged
 * where one is another's alias (`./aliases.ts`: "Jobs" after "Steve Jobs", "EU" for "European
 * Union"), and whether it is about events (it carries a date or asks when). Bounded: a message is
 * read up to `MAX_MESSAGE` characters and at most `MAX_SUBJECTS` names are weighed.
 */
import type { Library } from '../core/ports.js';
import { findCandidates } from '../dates/extract.js';
import { learnAliases } from './aliases.js';
import { corpusTopics, slug } from './corpus-topics.js';
import { placeFor } from './places.js';
import { questionTopic } from './question.js';

/** What a message is about, as `/claim` and `/timeline` take it. */
export interface MessageTopic {
  /** The topic to look up: one subject, or two the corpus mentions together ("Russia and Gyumri"). */
  topic: string;
  /** Every subject found, as the message writes it, most mentioned first. */
  subjects: string[];
  /** True when the message carries a date or asks when something happened: a timeline helps. */
  events: boolean;
}

/** Longest part of a message read (a chat message is rarely longer; this bounds the tagger and the look-ups). */
export const MAX_MESSAGE = 4_000;
/** Most subjects weighed (each costs an alias look-up in the index). */
const MAX_SUBJECTS = 6;
/** Longest name looked up, in words ("Bank of England", "Nikol Pashinyan"). */
const MAX_NAME_WORDS = 4;
/** Words that ask for an order of events. */
const WHEN = /\b(?:when|timeline|chronology|what happened|how did .{1,80} unfold)\b/i;

/** Words of a text with their offsets (letters, digits and inner apostrophes, hyphens, ampersands and dots). */
function words(text: string): string[] {
  return [...text.matchAll(/[\p{L}\p{N}](?:[\p{L}\p{N}'’&.-]*[\p{L}\p{N}])?/gu)].map((m) => m[0].replace(/['’]s$/u, ''));
}

/**
 * The subjects of a message the corpus knows: runs of up to four words that are a corpus entity
 * (or a place), longest first, counted by how often the message names them.
 */
function knownSubjects(text: string, library: Library): Map<string, { form: string; count: number; first: number }> {
  const entities = corpusTopics(library).entities;
  const found = new Map<string, { form: string; count: number; first: number }>();
  // The tagger's names and nouns, then the whole message: a name the tagger misreads is still found.
  const sources = [questionTopic(text), text];
  let order = 0;
  for (const source of sources) {
    const w = words(source);
    for (let i = 0; i < w.length; ) {
      let taken = 0;
      for (let n = Math.min(MAX_NAME_WORDS, w.length - i); n >= 1; n--) {
        const form = w.slice(i, i + n).join(' ');
        const place = n <= 3 ? placeFor(form) : undefined;
        const key = place ? place.name.toLowerCase() : form.toLowerCase();
        if (!place && !entities.has(key)) continue;
        // A lower-case single word is a common word that happens to be a name somewhere ("march", "bank").
        if (!place && n === 1 && !/^\p{Lu}/u.test(form)) continue;
        const seen = found.get(key);
        if (source === text) {
          if (seen) seen.count++;
          else found.set(key, { form: place ? place.name : form, count: 1, first: order++ });
        } else if (!seen) found.set(key, { form: place ? place.name : form, count: 0, first: order++ });
        taken = n;
        break;
      }
      i += taken || 1;
    }
  }
  return found;
}

/** True when the message carries a date ("on 3 June", "yesterday", "in 2021") or asks when. */
function aboutEvents(text: string): boolean {
  if (WHEN.test(text)) return true;
  return text.split(/(?<=[.!?])\s+|\n+/).some((sentence) => findCandidates(sentence).some((c) => !c.suppress && !c.vague));
}

/**
 * What a chat message is about, or null when it names nothing the corpus knows.
 * @param text - the message as plain words (platform markup already turned into text)
 * @param library - the corpus (its entities and, for aliases, its index)
 * @example messageTopic('Russia denied striking Gyumri on 3 June', library) // { topic: 'Russia and Gyumri', subjects: ['Russia', 'Gyumri'], events: true }
 */
export function messageTopic(text: string, library: Library): MessageTopic | null {
  const message = text.slice(0, MAX_MESSAGE);
  const ranked = [...knownSubjects(message, library).values()]
    .sort((a, b) => b.count - a.count || b.form.split(' ').length - a.form.split(' ').length || a.first - b.first)
    .slice(0, MAX_SUBJECTS);
  // One subject named twice ("Steve Jobs" … "Jobs", "European Union" … "EU") is one subject.
  const subjects: string[] = [];
  const covered = new Set<string>();
  for (const { form } of ranked) {
    if (covered.has(form.toLowerCase())) continue;
    subjects.push(form);
    covered.add(form.toLowerCase());
    const learned = learnAliases(library, form);
    for (const alias of [...learned.aliases, ...learned.scoped]) covered.add(alias.toLowerCase());
    if (learned.written) covered.add(learned.written.toLowerCase());
  }
  if (!subjects.length) return null;
  const [first, second] = subjects as [string, string | undefined];
  const pair = second ? [slug(first), slug(second)].sort().join('-') : undefined;
  const together = pair !== undefined && !/\band\b/i.test(`${first} ${second}`) && corpusTopics(library).ranked.includes(pair);
  return { topic: together ? `${first} and ${second}` : first, subjects, events: aboutEvents(message) };
}
