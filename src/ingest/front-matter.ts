/**
 * YAML front matter on `.md`/`.txt` articles, and the metadata fields it may carry.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { ArticleMeta } from '../types.js';
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
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (err) {
    const first = String((err as Error).message ?? err).split('\n')[0];
    throw new FrontMatterError(`malformed front matter: ${first}`);
  }
  if (data === null || data === undefined) return { meta: {}, body };
  if (typeof data !== 'object' || Array.isArray(data)) throw new FrontMatterError('malformed front matter: expected "key: value" lines');
  const parsed = FrontMatterSchema.safeParse(data);
  if (!parsed.success) throw new FrontMatterError(`malformed front matter: ${describeIssue(parsed.error)}`);
  return { meta: toMeta(parsed.data), body };
}
