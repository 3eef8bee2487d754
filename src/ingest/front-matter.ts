/**
 * YAML front matter on `.md`/`.txt` articles, and the metadata fields it may carry.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { ArticleMeta } from '../core/types.js';
import { parseStatedDate } from './dateline.js';

/** A file's text split into its metadata and its verbatim body. */
export interface FrontMatterResult {
  meta: Partial<ArticleMeta>;
  /** Everything after the closing `---` line, byte for byte. */
  body: string;
}

/** Thrown (as a plain Error) when the front matter cannot be used; the loader turns it into a warning. */
export class FrontMatterError extends Error {}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

const optionalText = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === null || String(v).trim() === '' ? null : String(v).trim()));

const dateField = z
  .union([z.string(), z.date(), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === null) return v;
    const date = v instanceof Date ? v.toISOString().slice(0, 10) : parseStatedDate(v);
    if (!date) {
      ctx.addIssue({ code: 'custom', message: `published "${String(v)}" is not a date (use YYYY-MM-DD)` });
      return z.NEVER;
    }
    return date;
  });

/** Metadata fields accepted in front matter (and, by the same names, in JSON exports). */
export const FrontMatterSchema = z
  .object({
    title: optionalText,
    outlet: optionalText,
    url: optionalText,
    published: dateField,
    published_inferred: z.boolean().optional(),
    publishedInferred: z.boolean().optional(),
    author: optionalText,
    language: optionalText,
    tags: z
      .union([z.array(z.union([z.string(), z.number()])), z.string(), z.null()])
      .optional()
      .transform((v) =>
        v === undefined || v === null ? undefined : (Array.isArray(v) ? v.map(String) : v.split(',')).map((t) => t.trim()).filter(Boolean),
      ),
  })
  .passthrough();

/** Converts validated fields to `ArticleMeta` keys, leaving out what is absent. */
export function toMeta(fields: z.output<typeof FrontMatterSchema>): Partial<ArticleMeta> {
  const meta: Partial<ArticleMeta> = {};
  if (fields.title) meta.title = fields.title;
  if (fields.outlet !== undefined) meta.outlet = fields.outlet;
  if (fields.url !== undefined) meta.url = fields.url;
  if (fields.published !== undefined) meta.published = fields.published;
  const inferred = fields.published_inferred ?? fields.publishedInferred;
  if (inferred !== undefined) meta.publishedInferred = inferred;
  if (fields.author !== undefined) meta.author = fields.author;
  if (fields.language !== undefined) meta.language = fields.language;
  if (fields.tags !== undefined) meta.tags = fields.tags;
  return meta;
}

/** Short description of the first zod issue, for a one-line warning. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

const SIMPLE_LINE = /^([A-Za-z_][\w-]*):(?:[ \t]+(.*?))?[ \t]*$/;
const DOUBLE_QUOTED = /^"((?:[^"\\\x00-\x1f\x7f-\x9f\u2028\u2029]|\\["\\/bfnrt])*)"$/;
const SINGLE_QUOTED = /^'((?:[^']|'')*)'$/;
/** Plain scalars the YAML core schema turns into something other than a string, and syntax we leave to the parser. */
const NOT_PLAIN_STRING =
  /^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL|~|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$|^[-?:,[\]{}#&*!|>'"%@`]|:[ \t]|:$|[ \t]#|[\t\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\u2028\u2029]/;

/**
 * Reads front matter made only of `key: value` lines with plain, quoted, boolean or null values
 * (what newsroom tools write) without the full YAML parser, which costs more than ingesting the
 * article itself. Returns undefined for anything else, which then goes to the YAML parser, so the
 * result is always what YAML would give.
 */
export function parseSimpleYaml(text: string): Record<string, unknown> | undefined {
  // A lone carriage return is a line break to YAML but not here; leave such text to the parser.
  if (/\r(?!\n)/.test(text)) return undefined;
  const out: Record<string, unknown> = {};
  for (const line of text.split('\n')) {
    const trimmed = line.replace(/\r$/, '');
    if (trimmed.trim() === '' || /^#/.test(trimmed)) continue;
    const m = SIMPLE_LINE.exec(trimmed);
    if (!m || m[2] === undefined || m[2] === '' || Object.hasOwn(out, m[1]!)) return undefined;
    const raw = m[2];
    let value: unknown;
    let q: RegExpExecArray | null;
    if ((q = DOUBLE_QUOTED.exec(raw))) {
      try {
        value = JSON.parse(`"${q[1]!}"`);
      } catch {
        return undefined;
      }
    } else if ((q = SINGLE_QUOTED.exec(raw))) value = q[1]!.replace(/''/g, "'");
    else if (/^(true|True|TRUE)$/.test(raw)) value = true;
    else if (/^(false|False|FALSE)$/.test(raw)) value = false;
    else if (/^(null|Null|NULL|~)$/.test(raw)) value = null;
    else if (NOT_PLAIN_STRING.test(raw)) return undefined;
    else value = raw;
    out[m[1]!] = value;
  }
  return out;
}

/**
 * The YAML parser's complaint as one whole sentence with the line in the file. Its message ends
 * "at line 2, column 1:" followed by an excerpt on later lines; keeping only the first line cut the
 * sentence at that colon. The front matter starts on the file's second line (after `---`).
 */
function yamlProblem(err: unknown): string {
  const e = err as { message?: unknown; linePos?: { line: number; col: number }[] };
  const what = String(e?.message ?? err).split('\n')[0]!.replace(/\s+at line \d+, column \d+:?\s*$/, '').replace(/[:\s]+$/, '');
  const at = e?.linePos?.[0];
  return at ? `${what} (line ${at.line + 1}, column ${at.col})` : what;
}

/**
 * Splits optional front matter off a file's text. Text without an opening `---` line is all body.
 * @throws FrontMatterError when the block is unterminated, not YAML, not a mapping, or has bad fields
 */
export function splitFrontMatter(text: string): FrontMatterResult {
  const open = OPEN.exec(text);
  if (!open) return { meta: {}, body: text };
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) throw new FrontMatterError('malformed front matter: no closing "---" line');
  const yamlText = rest.slice(0, close.index);
  const body = rest.slice(close.index + close[0].length);
  let data: unknown = parseSimpleYaml(yamlText);
  if (data === undefined) {
    try {
      // Unknown tags and other oddities are the file's problem, not the process's: no Node warning on stderr.
      data = parseYaml(yamlText, { logLevel: 'error' });
    } catch (err) {
      throw new FrontMatterError(`malformed front matter: ${yamlProblem(err)}`);
    }
  }
  if (data === null || data === undefined) return { meta: {}, body };
  if (typeof data !== 'object' || Array.isArray(data)) throw new FrontMatterError('malformed front matter: expected "key: value" lines');
  const parsed = FrontMatterSchema.safeParse(data);
  if (!parsed.success) throw new FrontMatterError(`malformed front matter: ${describeIssue(parsed.error)}`);
  return { meta: toMeta(parsed.data), body };
}
