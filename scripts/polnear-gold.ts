/**
 * Gold attributions of a PolNeAR brat `.ann` file as linked relations (cue, source, content),
 * shared by the scripts that score against PolNeAR (`eval:claims`).
 */
import type { Span } from '../src/core/types.js';

/** One gold attribution relation; a part the annotator left out is null. */
export interface GoldAttribution {
  cue: Span;
  source: Span | null;
  content: Span | null;
}

/** The spans of a brat text-bound line ("Source 12 20;25 30"), taken whole when discontinuous. */
function spanOf(desc: string): { type: string; span: Span } | null {
  const [type, ...ranges] = desc.split(' ');
  const nums = ranges.join(' ').split(/[ ;]/).map(Number).filter((n) => Number.isFinite(n));
  if (!type || nums.length < 2) return null;
  return { type, span: { start: Math.min(...nums), end: Math.max(...nums) } };
}

/** Reads the linked attributions (E lines) of one `.ann` file. */
export function readAttributions(ann: string): GoldAttribution[] {
  const spans = new Map<string, Span>();
  const out: GoldAttribution[] = [];
  const lines = ann.split('\n');
  for (const line of lines) {
    const [id, desc] = line.split('\t');
    if (!id?.startsWith('T') || !desc) continue;
    const parsed = spanOf(desc);
    if (parsed) spans.set(id, parsed.span);
  }
  for (const line of lines) {
    const [id, desc] = line.split('\t');
    if (!id?.startsWith('E') || !desc) continue;
    const roles = new Map(desc.split(' ').map((part) => part.split(':') as [string, string]));
    const cue = spans.get(roles.get('Cue') ?? '');
    if (!cue) continue;
    out.push({ cue, source: spans.get(roles.get('Source') ?? '') ?? null, content: spans.get(roles.get('Content') ?? '') ?? null });
  }
  return out;
}
