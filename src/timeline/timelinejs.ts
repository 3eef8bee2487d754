/**
 * Knight Lab TimelineJS JSON from a timeline reply, for newsroom graphics desks:
 * `{ title, events: [{ start_date: {year, month, day}, text: {headline, text}, group }] }`.
 * Each event's text ends with a credit naming the source outlet and title.
 */
import { citationDate } from '../answer/reply.js';
import type { Citation, Reply } from '../core/types.js';

/** A TimelineJS date (strings, as Knight Lab's examples write them). */
export interface TimelineJsDate {
  year: string;
  month?: string;
  day?: string;
  display_date?: string;
}

/** One TimelineJS slide. */
export interface TimelineJsEvent {
  start_date: TimelineJsDate;
  text: { headline: string; text: string };
  group?: string;
  unique_id?: string;
}

/** A TimelineJS document. */
export interface TimelineJsDocument {
  title: { text: { headline: string; text: string } };
  events: TimelineJsEvent[];
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function credit(c: Citation | undefined): string {
  if (!c) return '';
  const outlet = c.outlet ?? 'outlet unknown';
  const title = c.url ? `<a href="${escapeHtml(c.url)}">${escapeHtml(c.title)}</a>` : escapeHtml(c.title);
  return `${escapeHtml(outlet)}: “${title}”, ${escapeHtml(citationDate(c))}`;
}

/** Converts a `timeline` reply into TimelineJS JSON. */
export function toTimelineJs(reply: Reply): TimelineJsDocument {
  const byId = new Map(reply.citations.map((c) => [c.id, c]));
  const events = reply.items.flatMap((item, i): TimelineJsEvent[] => {
    const date = String(item.fields?.['date'] ?? '');
    const [year, month, day] = date.split('-');
    if (!year) return [];
    const precision = String(item.fields?.['precision'] ?? '');
    const start: TimelineJsDate = { year: String(Number(year)), display_date: item.label ?? date };
    // Coarse periods keep only the parts they know; a season or quarter starts on its first month.
    if (month && precision !== 'year' && precision !== 'decade') start.month = String(Number(month));
    if (day && (precision === 'day' || precision === 'week')) start.day = String(Number(day));
    const sources = [item.source, ...(item.alsoIn ?? [])].map((id) => credit(byId.get(id))).filter(Boolean);
    return [
      {
        start_date: start,
        text: {
          headline: escapeHtml(item.label ?? date),
          text: `<p>${escapeHtml(item.text)}</p><p class="credit">Source: ${sources.join('; ')}</p>`,
        },
        ...(item.group ? { group: item.group } : {}),
        unique_id: `event-${i + 1}`,
      },
    ];
  });
  return { title: { text: { headline: escapeHtml(reply.headline), text: escapeHtml(reply.query) } }, events };
}
