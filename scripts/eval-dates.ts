/**
 * `npm run eval:dates`: scores date extraction and normalisation against the gold TIMEX3 DATE
 * annotations of TimeBank 1.2 and AQUAINT (TempEval-3 cleaned), with each document's creation
 * time as the reference date.
 *
 * Reports extent precision/recall/F1 (exact and overlapping spans) and value accuracy on the
 * overlapping matches; value F1 = F1(overlap) × value accuracy, as TempEval-3 computes it.
 * System mentions that overlap a gold TIME, DURATION or SET expression are left out of the
 * score (they are dates we found where the annotators chose another type).
 *
 * Usage: npm run eval:dates [-- --data DIR] [--errors N]
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveDates } from '../src/dates/resolve.js';
import type { DateMention } from '../src/dates/types.js';
import type { Span } from '../src/core/types.js';

interface GoldTimex extends Span {
  type: string;
  value: string;
  text: string;
}

interface Doc {
  file: string;
  dct: string;
  text: string;
  timexes: GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Strips the TimeML markup of a document's TEXT, keeping the offsets of every TIMEX3 in the plain text. */
function parseDoc(file: string, xml: string): Doc | null {
  const dctValue = /<DCT>\s*<TIMEX3[^>]*value="(\d{4}-\d{2}-\d{2})/.exec(xml)?.[1];
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1];
  if (!dctValue || body === undefined) return null;
  let text = '';
  const timexes: GoldTimex[] = [];
  let open: { start: number; type: string; value: string } | null = null;
  const token = /<(\/?)([A-Za-z0-9]+)([^>]*)>|&(\w+);|([^<&]+)|[<&]/g;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    if (m[2]) {
      if (m[2] !== 'TIMEX3') continue;
      if (!m[1]) {
        open = { start: text.length, type: /type="([^"]*)"/.exec(m[3]!)?.[1] ?? '', value: /value="([^"]*)"/.exec(m[3]!)?.[1] ?? '' };
      } else if (open) {
        timexes.push({ start: open.start, end: text.length, type: open.type, value: open.value, text: text.slice(open.start) });
        open = null;
      }
    } else if (m[4]) text += ENTITIES[m[4]] ?? m[0];
    else text += m[0];
  }
  return { file, dct: dctValue, text, timexes };
}

/** Words ending in a full stop that do not end a sentence. */
const ABBREVIATION = /(?:\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mr|mrs|ms|dr|st|jr|sr|co|corp|inc|ltd|no|gov|sen|rep|gen|lt|col|vs|u\.s|[a-z]))\.$/i;

/** Sentence spans, by a plain rule (the eval should not depend on the ingest pipeline). */
function sentencesOf(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const end = /[.!?]["')\]]*\s+(?=["'(\[]?[A-Z0-9])|\n\s*\n/g;
  for (let m = end.exec(text); m; m = end.exec(text)) {
    const stop = m.index + m[0].trimEnd().length;
    if (m[0].trim() && ABBREVIATION.test(text.slice(Math.max(start, stop - 6), stop))) continue;
    if (text.slice(start, stop).trim()) spans.push({ start, end: stop });
    start = m.index + m[0].length;
  }
  if (text.slice(start).trim()) spans.push({ start, end: text.length });
  return spans;
}

/** Gold values compare without unspecified trailing parts ("1998-XX" = "1998") or times of day. */
function normalise(value: string): string {
  let v = value.replace(/^(\d{4}-\d{2}-\d{2})T.*$/, '$1');
  while (/-XX$/.test(v)) v = v.slice(0, -3);
  // "198X" and "198" both say the 1980s; "19XX" and "19" the 20th century.
  return v.replace(/^(\d{2,3})X+$/, '$1');
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

function main(): void {
  const args = process.argv.slice(2);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dataDir = args.includes('--data') ? args[args.indexOf('--data') + 1]! : path.resolve(here, '../../shared/data/timebank-aquaint');
  const showErrors = args.includes('--errors') ? Number(args[args.indexOf('--errors') + 1] ?? 30) : 0;
  if (!existsSync(dataDir)) {
    console.error(`eval:dates: data folder not found: ${dataDir}`);
    process.exit(1);
  }
  const docs: Doc[] = [];
  for (const sub of ['TimeBank', 'AQUAINT']) {
    const dir = path.join(dataDir, sub);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.tml')).sort()) {
      const doc = parseDoc(`${sub}/${f}`, readFileSync(path.join(dir, f), 'utf8'));
      if (doc) docs.push(doc);
    }
  }
  let gold = 0;
  let system = 0;
  let ignored = 0;
  let exact = 0;
  let relaxed = 0;
  let valueOk = 0;
  let ms = 0;
  const errors: string[] = [];
  for (const doc of docs) {
    const golds = doc.timexes.filter((t) => t.type === 'DATE');
    const others = doc.timexes.filter((t) => t.type !== 'DATE');
    const t0 = performance.now();
    const found = resolveDates(doc.text, sentencesOf(doc.text), { date: doc.dct, inferred: false });
    ms += performance.now() - t0;
    const scored: DateMention[] = [];
    for (const m of found) {
      const other = !golds.some((g) => overlaps(g, m)) ? others.find((o) => overlaps(o, m)) : undefined;
      if (other) {
        ignored++;
        if (errors.length < showErrors) errors.push(`OTHER ${doc.file}: "${m.text}" ${m.value} overlaps gold ${other.type} "${other.text}" ${other.value}`);
      } else scored.push(m);
    }
    gold += golds.length;
    system += scored.length;
    const used = new Set<DateMention>();
    for (const g of golds) {
      const sameSpan = scored.find((m) => !used.has(m) && m.start === g.start && m.end === g.end);
      const match = sameSpan ?? scored.find((m) => !used.has(m) && overlaps(m, g));
      if (!match) {
        if (errors.length < showErrors) errors.push(`MISS  ${doc.file}: "${g.text}" = ${g.value}`);
        continue;
      }
      used.add(match);
      relaxed++;
      if (sameSpan) exact++;
      if (match.value === normalise(g.value)) valueOk++;
      else if (errors.length < showErrors) errors.push(`VALUE ${doc.file}: "${g.text}" gold ${g.value} / ours "${match.text}" ${match.value} (DCT ${doc.dct})`);
    }
    for (const m of scored) if (!used.has(m) && errors.length < showErrors) errors.push(`EXTRA ${doc.file}: "${m.text}" ${m.value}`);
  }
  const prf = (tp: number) => {
    const p = system ? tp / system : 0;
    const r = gold ? tp / gold : 0;
    return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
  };
  const f3 = (n: number) => n.toFixed(3);
  const line = (name: string, tp: number) => {
    const { p, r, f } = prf(tp);
    return `${name.padEnd(16)} P ${f3(p)}  R ${f3(r)}  F1 ${f3(f)}`;
  };
  const accuracy = relaxed ? valueOk / relaxed : 0;
  console.log(`TimeBank + AQUAINT: ${docs.length} documents, ${gold} gold DATE expressions, ${system} found (${ignored} more overlapped gold TIME/DURATION/SET and were not scored)`);
  console.log(line('extent exact', exact));
  console.log(line('extent overlap', relaxed));
  console.log(`value accuracy   ${f3(accuracy)} (${valueOk} of ${relaxed} overlapping matches)`);
  console.log(line('value', valueOk));
  const strictP = system + ignored ? valueOk / (system + ignored) : 0;
  const strictR = gold ? valueOk / gold : 0;
  console.log(`value, counting the ${ignored} other-type overlaps as wrong: F1 ${f3(strictP + strictR ? (2 * strictP * strictR) / (strictP + strictR) : 0)}`);
  console.log(`speed            ${(ms / docs.length).toFixed(2)} ms per document`);
  if (errors.length) console.log('\n' + errors.join('\n'));
}

main();
