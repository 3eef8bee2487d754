/** `/topics`: the subjects and pairs the corpus supports, for `/timeline` and `/claim` (and chat autocomplete). */
import { z } from 'zod';
import type { Command } from '../src/core/command.js';
import { countOf } from '../src/answer/plural.js';
import type { Reply } from '../src/core/types.js';

/** How many topics one answer lists. */
const TOPIC_LIMIT = 40;

const input = z.object({
  prefix: z
    .string()
    .optional()
    .transform((s) => (s ?? '').trim().toLowerCase())
    .refine((s) => s.length <= 100, 'That prefix is too long (at most 100 characters).'),
});

export default {
  name: 'topics',
  description: 'List the subjects and pairs the corpus supports, for timeline and claim',
  usage: 'topics [prefix]',
  options: [{ name: 'prefix', description: 'Only topics starting with this', required: false }],
  input,
  fromText: (text: string) => ({ prefix: text }),
  async run({ prefix }, { library }): Promise<Reply> {
    const { listTopics } = await import('../src/topics/index.js');
    const all = listTopics(library, prefix ? 10_000 : TOPIC_LIMIT);
    const topics = (prefix ? all.filter((t) => t.startsWith(prefix) || t.split('-').some((p) => p.startsWith(prefix))) : all).slice(0, TOPIC_LIMIT);
    return {
      command: 'topics',
      query: prefix,
      headline: topics.length ? `${countOf(topics.length, 'topic')} in the corpus${prefix ? ` matching "${prefix}"` : ''}` : 'No topics found',
      items: [],
      citations: [],
      notes: topics.length ? ['Use one with /timeline or /claim, e.g. /timeline ' + topics[0]] : [],
      lines: topics,
    };
  },
} satisfies Command<z.output<typeof input>>;
