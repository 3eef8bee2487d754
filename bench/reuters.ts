/**
 * Reuters-21578 as newsroom articles for the benchmark: each `<REUTERS>` record with a body
 * becomes one article text (title, then dateline and body as paragraphs) with its date.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One Reuters story. */
export interface ReutersStory {
  newId: string;
  title: string;
  /** YYYY-MM-DD */
  published: string | null;
  /** The article text: title line, blank line, dateline + body paragraphs separated by blank lines. */
  text: string;
}

const MONTHS: Record<string, string> = {
  JAN: '01', FEB: '02', MAR: '03', APR: '04', MAY: '05', JUN: '06', JUL: '07', AUG: '08', SEP: '09', OCT: '10', NOV: '11', DEC: '12',
};

function entities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => {
      const code = Number(n);
      // Control characters in the wire format (start-of-text etc.) are not text.
      return code < 32 && code !== 10 ? '' : String.fromCharCode(code);
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Joins the wire's hard-wrapped lines; an indented line starts a new paragraph. */
function paragraphs(body: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of body.split('\n')) {
    if (/^\s{2,}\S/.test(line) || !line.trim()) {
      if (current.trim()) out.push(current.trim());
      current = '';
    }
    current += ' ' + line.trim();
  }
  if (current.trim()) out.push(current.trim());
  return out.map((p) => p.replace(/\s+/g, ' '));
}

function isoDate(raw: string | undefined): string | null {
  const m = /(\d{1,2})-([A-Z]{3})-(\d{4})/.exec(raw ?? '');
  if (!m || !MONTHS[m[2]!]) return null;
  return `${m[3]}-${MONTHS[m[2]!]}-${m[1]!.padStart(2, '0')}`;
}

/** Parses every `.sgm` file in `dir` into stories that have a body, in file order. */
export function readReuters(dir: string): ReutersStory[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sgm')).sort();
  const out: ReutersStory[] = [];
  for (const file of files) {
    const raw = readFileSync(path.join(dir, file), 'latin1');
    for (const m of raw.matchAll(/<REUTERS[^>]*NEWID="(\d+)"[^>]*>([\s\S]*?)<\/REUTERS>/g)) {
      const record = m[2]!;
      const body = /<BODY>([\s\S]*?)<\/BODY>/.exec(record)?.[1];
      if (!body) continue;
      const title = entities(/<TITLE>([\s\S]*?)<\/TITLE>/.exec(record)?.[1] ?? '').replace(/\s+/g, ' ').trim();
      const dateline = entities(/<DATELINE>([\s\S]*?)<\/DATELINE>/.exec(record)?.[1] ?? '').replace(/\s+/g, ' ').trim();
      const paras = paragraphs(entities(body).replace(/\s*Reuter\s*$/, ''));
      if (!paras.length) continue;
      if (dateline) paras[0] = `${dateline} ${paras[0]}`;
      const text = [title, ...paras].filter(Boolean).join('\n\n');
      out.push({ newId: m[1]!, title: title || paras[0]!.slice(0, 80), published: isoDate(/<DATE>([^<]*)<\/DATE>/.exec(record)?.[1]), text });
    }
  }
  return out;
}
