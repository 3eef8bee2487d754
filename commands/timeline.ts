/** `/timeline <topic>`: the dated events of a story in order, each quoted verbatim, dated as the article gives it, and cited. */
import { z } from 'zod';
import type { Command } from '../src/core/command.js';
import { CitationBook, quote, queryText } from '../src/answer/reply.js';
import { countOf } from '../src/answer/plural.js';
import { buildTimeline } from '../src/timeline/build.js';
import { eventLabel, yearGroup } from '../src/timeline/format.js';
import { toTimelineJs } from '../src/timeline/timelinejs.js';
import { suggestTopics, topicNote } from '../src/topics/index.js';
import type { Reply, ReplyItem } from '../src/core/types.js';
import { messageReply } from '../src/answer/message.js';
import { tooCommonTopic } from '../src/topics/common.js';

/** Most events one answer carries; a longer story says how many were left out. */
const EVENT_LIMIT = 100;

const input = z.object({ topic: queryText('topic') });

export default {
  name: 'timeline',
  description: 'Dated events of a story in order, quoted verbatim with citations',
  usage: 'timeline <topic>',
  options: [{ name: 'topic', description: 'A subject or pair, e.g. armenia-russia', required: true, autocomplete: 'topics' }],
  input,
  fromText: (text: string) => ({ topic: text }),
  run({ topic }, { library }): Reply {
    const common = tooCommonTopic(topic, library);
    if (common) return messageReply('timeline', topic, common.headline, common.notes);
    const timeline = buildTimeline(library, topic);
    const citations = new CitationBook();
    const shown = timeline.entries.slice(0, EVENT_LIMIT);
    const items: ReplyItem[] = [];
    // A sentence that gives several dates says which phrase gave which.
    const perSentence = new Map<string, number>();
    for (const { event } of shown) perSentence.set(`${event.articleId}\u0000${event.span.start}`, (perSentence.get(`${event.articleId}\u0000${event.span.start}`) ?? 0) + 1);
    let uncertain = false;
    for (const { event, alsoIn } of shown) {
      const article = library.get(event.articleId);
      if (!article) continue;
      const m = event.mention;
      const item = quote(article, event.span, citations, {
        highlights: m.end > m.start ? [{ start: m.start, end: m.end }] : [],
        label: eventLabel({
          mention: m,
          basis: event.basis,
          text: article.text,
          publishedInferred: article.meta.publishedInferred,
          showPhrase: (perSentence.get(`${event.articleId}\u0000${event.span.start}`) ?? 0) > 1,
        }),
        group: yearGroup(m),
        fields: { date: m.date, precision: m.precision, inferred: m.inferred, approximate: m.approximate, expression: m.text, basis: event.basis },
      });
      if (m.inferred && article.meta.publishedInferred) uncertain = true;
      const others = [...new Set(alsoIn.map((o) => library.get(o.articleId)).filter((a) => a !== undefined).map((a) => citations.cite(a)))];
      if (others.length) item.alsoIn = others.filter((id) => id !== item.source);
      items.push(item);
    }
    const notes: string[] = [];
    const capped = topicNote(timeline.topic);
    if (capped) notes.push(capped);
    const label = timeline.topic.label;
    if (!items.length) {
      const suggestions = suggestTopics(library, timeline.topic.text, 5);
      notes.push(suggestions.length ? `No dated events for "${label}" — try ${suggestions.map((s) => `"${s}"`).join(', ')}.` : `No dated events for "${label}".`);
    } else {
      if (timeline.entries.length > shown.length) notes.push(`${timeline.entries.length - shown.length} later events not shown.`);
      if (uncertain) notes.push('"(inferred)": worked out from a publication date the article does not state.');
      if (items.some((i) => i.fields?.['basis'] === 'reported')) notes.push('"reported": the article reports it as news without a date; dated to its publication.');
    }
    const articles = citations.list().length;
    // The span covers what happened: plans still to come stay out of it.
    const happened = items.filter((i) => i.fields?.['basis'] !== 'planned');
    const [first, last] = [happened[0]?.group, happened[happened.length - 1]?.group];
    const years = first === undefined ? '' : first === last ? `, ${first}` : `, ${first}–${last}`;
    return {
      command: 'timeline',
      query: topic,
      headline: items.length
        ? `${countOf(items.length, 'dated event')} for ${label} from ${countOf(articles, 'article')}${years}`
        : `No dated events found for "${label}"`,
      items,
      citations: citations.list(),
      notes,
    };
  },
  formats: {
    timelinejs: (reply: Reply) => toTimelineJs(reply),
    png: async (reply: Reply) => {
      // vega, vega-lite and resvg load only when a picture is asked for: every other call (and `help`) starts without them.
      const { timelineChartPng } = await import('../src/render/timeline-chart.js');
      return (await timelineChartPng(reply)).png;
    },
  },
} satisfies Command<z.output<typeof input>>;
