/**
 * The newsroom's vocabulary, shared by the core, the commands and every adapter.
 *
 * Invariant that everything else leans on: an `Article.text` is the article body exactly as it
 * was received (after front matter is removed), and every offset below points into it, so any
 * snippet shown to a user is `article.text.slice(start, end)` and nothing else.
 */

/** Half-open character range `[start, end)` into `Article.text`. */
export interface Span {
  start: number;
  end: number;
}

/** What a block of the raw page text is. Only `body`, `lead`, `title` and `dateline` are reporting. */
export type BlockKind =
  | 'title' // the headline
  | 'standfirst' // a sub-headline or summary under the title
  | 'dateline' // "YEREVAN, June 4. /TASS/." or "Date: 23 February 2021"
  | 'body' // the reporting
  | 'caption' // photo caption or credit
  | 'chrome'; // site furniture: appeals, share widgets, comments, teasers, related lists, notices

/** A paragraph-level piece of the raw text with what ingest decided it is. */
export interface Block extends Span {
  kind: BlockKind;
  /** Why ingest gave it that kind (for debugging and for tests), e.g. "membership appeal". */
  reason?: string;
}

/** One sentence of reporting (or of a caption), with exact offsets. */
export interface Sentence extends Span {
  /** Index into `Article.sentences`. */
  index: number;
  /** Index into `Article.blocks` of the block it belongs to. */
  block: number;
  /** Kind of its block: search and analysis use `body`/`standfirst`/`title`; captions are shown as captions. */
  kind: BlockKind;
}

/** What is known about an article, from front matter, a sidecar, a CMS export or the text itself. */
export interface ArticleMeta {
  title: string;
  /** The publication, or null when unknown. */
  outlet: string | null;
  url: string | null;
  /** Publication date as YYYY-MM-DD, or null when unknown. */
  published: string | null;
  /** True when `published` was inferred rather than stated by the outlet. */
  publishedInferred: boolean;
  author?: string | null;
  language?: string | null;
  tags?: string[];
}

/** An ingested article: verbatim text plus everything ingest learned about it. */
export interface Article {
  /** Stable id: the file path relative to the corpus folder (plus `#n` for items of a JSON array). */
  id: string;
  meta: ArticleMeta;
  /** Verbatim body text; all offsets point here. */
  text: string;
  blocks: Block[];
  sentences: Sentence[];
  /** sha256 of `text` (hex), used for caching and exact-duplicate detection. */
  contentHash: string;
  /** Set when this article is a near-duplicate (syndicated copy) of another, earlier one. */
  duplicateOf?: string;
  /** Per-analyser results (claims, dates …), keyed by analyser name; must be JSON-serialisable. */
  annotations: Record<string, unknown>;
}

/** A numbered citation, as every reply carries them. */
export interface Citation {
  /** 1-based number shown as [n]. */
  id: number;
  articleId: string;
  title: string;
  outlet: string | null;
  /** YYYY-MM-DD or null. */
  published: string | null;
  publishedInferred: boolean;
  url: string | null;
}

/** One quoted line of an answer. */
export interface ReplyItem {
  /** Exact text of the cited article: `article.text.slice(span.start, span.end)`. */
  text: string;
  /** `Citation.id` this snippet comes from. */
  source: number;
  /** Offsets of `text` in the article. */
  span: Span;
  /** Ranges inside `text` (relative to its start) to mark as matched words. */
  highlights?: Span[];
  /** Optional label an adapter may show before the snippet (e.g. "Claimed by HUR", "2021-06-04"). */
  label?: string;
  /** Optional group heading this item belongs to (claims are grouped; timelines by year). */
  group?: string;
  /** Extra per-command fields that go into `--json` unchanged (claimant, stance, date …). */
  fields?: Record<string, string | number | boolean | null | string[]>;
  /** Other citations that carry the same snippet (syndicated copies, re-reports). */
  alsoIn?: number[];
  /** True when the snippet is a photo caption. */
  caption?: boolean;
}

/** The platform-neutral answer every command returns and every adapter renders. */
export interface Reply {
  command: string;
  query: string;
  /** One line summing up the answer. */
  headline: string;
  items: ReplyItem[];
  citations: Citation[];
  /** Short remarks: "no results — did you mean …", "3 more results", warnings. */
  notes: string[];
  /** Plain lines that are not quotes (help text, source lists). Never article text. */
  lines?: string[];
  /**
   * The command's text for the next page of this answer ("gyumri --page 2"), when it has one: the
   * chat adapters' More/Next run it once the pages of this reply are used up.
   */
  nextPage?: string;
  /** True when the reply is an error or usage message rather than an answer. */
  error?: boolean;
  /** Why, when `error` is set: `usage` and `not_found` are the user's to fix (CLI exit 2), the rest are failures (exit 1). */
  errorCode?: string;
}
