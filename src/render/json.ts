/** The `--json` contract: one document per answer, stable for scripts and tests. */
import type { Reply } from '../core/types.js';

/** One source in the JSON output. */
export interface JsonSource {
  id: number;
  title: string;
  outlet: string | null;
  published: string | null;
  publishedInferred: boolean;
  url: string | null;
}

/** The JSON document `newsdesk <command> --json` prints. */
export interface JsonAnswer {
  command: string;
  query: string;
  headline: string;
  items: Array<Record<string, unknown> & { text: string; source: number }>;
  sources: JsonSource[];
  notes: string[];
  lines?: string[];
  error?: string;
}

/** Turns a Reply into the JSON contract (`items[].text` verbatim, `items[].source` an id in `sources`). */
export function toJson(reply: Reply): JsonAnswer {
  return {
    command: reply.command,
    query: reply.query,
    headline: reply.headline,
    items: reply.items.map((item) => ({
      text: item.text,
      source: item.source,
      start: item.span.start,
      end: item.span.end,
      ...(item.label !== undefined ? { label: item.label } : {}),
      ...(item.caption ? { caption: true } : {}),
      ...(item.alsoIn?.length ? { alsoIn: item.alsoIn } : {}),
      ...(item.highlights?.length ? { highlights: item.highlights.map((h) => [h.start, h.end]) } : {}),
      ...(item.fields ?? {}),
    })),
    sources: reply.citations.map((c) => ({
      id: c.id,
      title: c.title,
      outlet: c.outlet,
      published: c.published,
      publishedInferred: c.publishedInferred,
      url: c.url,
      articleId: c.articleId,
    })),
    notes: reply.notes,
    ...(reply.lines ? { lines: reply.lines } : {}),
    ...(reply.error ? { error: reply.errorCode ?? 'error' } : {}),
  };
}
