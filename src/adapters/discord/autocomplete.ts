/** Autocomplete for `topic` options: the corpus's topics that match what the user has typed so far. */
import type { APIApplicationCommandOptionChoice } from 'discord.js';
import type { Library } from '../../core/ports.js';
import { listTopics, suggestTopics } from '../../topics/index.js';
import { LIMITS } from './limits.js';

/** How many topics are read from the corpus once per library and then filtered per keystroke. */
const TOPIC_POOL = 2000;
const pools = new WeakMap<Library, { version: string; topics: string[] }>();

/** Topics of a library, computed once per library version (the live corpus changes a library in place). */
function topicPool(library: Library): string[] {
  let pool = pools.get(library);
  if (!pool || pool.version !== library.version) {
    pool = { version: library.version, topics: listTopics(library, TOPIC_POOL) };
    pools.set(library, pool);
  }
  return pool.topics;
}

/**
 * Up to 25 topics for what has been typed: topics starting with it first, then topics with a word
 * starting with it, then the library's suggestions for it. Names and values fit Discord's 100 characters.
 */
export function topicChoices(library: Library, typed: string): APIApplicationCommandOptionChoice<string>[] {
  const query = typed.trim().toLowerCase();
  const fits = (t: string) => t.length > 0 && t.length <= Math.min(LIMITS.choiceName, LIMITS.choiceValue);
  const pool = topicPool(library).filter(fits);
  const starts = pool.filter((t) => t.toLowerCase().startsWith(query));
  const words = query ? pool.filter((t) => !t.toLowerCase().startsWith(query) && t.toLowerCase().split(/[\s-]+/).some((w) => w.startsWith(query))) : [];
  const chosen = [...starts, ...words];
  if (query && chosen.length < LIMITS.choices) {
    const seen = new Set(chosen.map((t) => t.toLowerCase()));
    for (const s of suggestTopics(library, query, LIMITS.choices)) {
      if (fits(s) && !seen.has(s.toLowerCase())) {
        seen.add(s.toLowerCase());
        chosen.push(s);
      }
    }
  }
  return chosen.slice(0, LIMITS.choices).map((t) => ({ name: t, value: t }));
}
