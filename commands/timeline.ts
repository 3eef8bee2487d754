/** `/timeline <topic>`: the dated events of a story in order, each quoted verbatim, dated as the article gives it, and cited. */
import { z } from 'zod';
import type { Command } from '../src/core/command.js';
import { queryText } from '../src/answer/reply.js';
import type { Reply } from '../src/core/types.js';
import { loadOnce } from '../src/core/load-once.js';

const input = z.object({ topic: queryText('topic') });

/** The timeline code (dates, topics), loaded on the first timeline and kept. */
const answerModule = loadOnce(() => import('../src/timeline/answer.js'));

export default {
  name: 'timeline',
  description: 'Dated events of a story in order, quoted verbatim with citations',
  usage: 'timeline <topic>',
  options: [{ name: 'topic', description: 'A subject or pair, e.g. armenia-russia', required: true, autocomplete: 'topics' }],
  input,
  fromText: (text: string) => ({ topic: text }),
  async run({ topic }, { library }): Promise<Reply> {
    const { timelineReply } = await answerModule();
    return timelineReply(library, topic);
  },
  formats: {
    timelinejs: async (reply: Reply) => (await import('../src/timeline/timelinejs.js')).toTimelineJs(reply),
    png: async (reply: Reply) => {
      // vega, vega-lite and resvg load only when a picture is asked for: every other call (and `help`) starts without them.
      const { timelineChartPng } = await import('../src/render/timeline-chart.js');
      return (await timelineChartPng(reply)).png;
    },
  },
} satisfies Command<z.output<typeof input>>;
