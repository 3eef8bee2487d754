/**
 * `/claim <topic>`: who claims what about a topic, who denies or disputes it, and where each
 * statement appeared, every line quoted verbatim with its citation.
 */
import { z } from 'zod';
import type { Command } from '../src/core/command.js';
import { queryText } from '../src/answer/reply.js';
import { pageNumber, splitPage } from '../src/answer/page-option.js';
import type { Reply } from '../src/core/types.js';
import { loadOnce } from '../src/core/load-once.js';

/** The claims code, loaded on the first claim and kept. */
const answerModule = loadOnce(() => import('../src/claims/answer.js'));

/** Highest page number accepted: far past any real answer, small enough to stay a number. */
const MAX_PAGE = 1000;

const input = z.object({
  topic: queryText('topic'),
  page: pageNumber(MAX_PAGE),
});

/** "gyumri --page 2" (or "--page=2") as typed on the CLI or in chat: the topic and the page. */
function fromText(text: string): { topic: string; page?: string } {
  const { rest, page } = splitPage(text);
  return page === undefined ? { topic: rest } : { topic: rest, page };
}

export default {
  name: 'claim',
  description: 'Who claims what about a topic, who denies it, and where each statement appeared',
  usage: 'claim <topic> [--page N]',
  options: [
    { name: 'topic', description: 'A subject, phrase or slug, e.g. gyumri or armenia-russia', required: true, autocomplete: 'topics' },
    { name: 'page', description: 'Which page of claims, from 1 (ten claims a page)', required: false },
  ],
  input,
  fromText,
  async run({ topic, page }, { library }): Promise<Reply> {
    const { claimReply } = await answerModule();
    return claimReply(library, { topic, ...(page ? { page } : {}) });
  },
} satisfies Command<z.output<typeof input>>;
