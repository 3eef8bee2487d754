/**
 * The `/timeline` answer: the dated events of a topic in order, each quoted verbatim with its
 * citation, the phrase that was dated and how the date was found.
 */
import { CitationBook, quote } from '../answer/reply.js';
import { countOf } from '../answer/plural.js';
import { messageReply } from '../answer/message.js';
import type { Library } from '../core/ports.js';
import type { Reply, ReplyItem } from '../core/types.js';
import { suggestTopics, topicNote } from '../topics/index.js';
import { tooCommonTopic } from '../topics/common.js';
import { buildTimeline } from './build.js';
import { eventLabel, yearGroup } from './format.js';

/** Most events one answer carries; a longer story says how many were left out. */
const EVENT_LIMIT = 100;

/**
 * The timeline reply for a topic.
 * @example timelineReply(library, 'armenia-russia').items[0]?.label // "12 March 2021"
 */
export function timelineReply(library: Library, topic: string): Reply {
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
}
