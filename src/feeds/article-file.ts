/**
 * Writes feed stories into the corpus as Markdown with front matter, one file per story: a story
 * is found again by canonical URL, then by GUID, and its file is rewritten only when its text
 * changed. A new file is written atomically (temporary file, then rename), so the corpus watcher
 * never reads half of it; a changed story is rewritten in place (see `rewriteInPlace`).
 */
import { createHash } from 'node:crypto';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeDirectory } from '../core/make-dir.js';
import type { FeedStatePort } from '../store/feed-state.js';

/** A story ready to store. */
export interface FeedStory {
  title: string;
  outlet: string;
  /** The canonical URL of the article (else its link). */
  url: string | undefined;
  guid: string | undefined;
  published: string | undefined;
  /** The feed's updated stamp (else published); a different stamp makes the poller look again. */
  updated: string | undefined;
  author: string | undefined;
  feedUrl: string;
  /** The feed's tags from FEEDS_FILE, written as the article's tags. */
  tags?: readonly string[];
  fetched: Date;
  /** The article text: plain paragraphs. */
  text: string;
}

/** What saving did. */
export type SaveOutcome = 'created' | 'updated' | 'unchanged';

/** Folder under CORPUS_DIR that feed stories go to. */
export const FEEDS_FOLDER = 'feeds';

/**
 * A file-name-safe slug: lower case, letters and digits of any script, hyphens.
 * @example slugify('Talks resume in Baku!') // "talks-resume-in-baku"
 */
export function slugify(text: string, max = 80): string {
  const slug = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return slug || 'untitled';
}

/** One front-matter line; JSON string syntax is valid YAML double-quoted syntax. */
const line = (key: string, value: string | undefined): string => (value === undefined ? '' : `${key}: ${JSON.stringify(value)}\n`);

/** The file's text: front matter (title, outlet, url, published, author, feed, fetched), a blank line, the body. */
export function renderStory(story: FeedStory): string {
  return (
    '---\n' +
    line('title', story.title) +
    line('outlet', story.outlet) +
    line('url', story.url) +
    // Front matter takes a calendar date; the feed's full time stays in `published_at`.
    line('published', story.published?.slice(0, 10)) +
    line('published_at', story.published) +
    line('author', story.author) +
    line('feed', story.feedUrl) +
    // Front matter reads a comma-separated string as a list of tags.
    line('tags', story.tags?.length ? story.tags.join(', ') : undefined) +
    line('guid', story.guid) +
    line('fetched', story.fetched.toISOString()) +
    '---\n\n' +
    story.text.trim() +
    '\n'
  );
}

/** Writes `content` to `file` atomically (same-folder temporary file, then rename). */
export function writeAtomically(file: string, content: string): void {
  makeDirectory(path.dirname(file));
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

/**
 * Rewrites an existing story file in place. Not by rename: Node 20's recursive fs.watch on Linux
 * stops reporting a file once it has been replaced by a rename, so the corpus watcher would miss
 * every later update of the story. The watcher reads a file only once its size and mtime have
 * held still, and reads it again if they changed meanwhile, so it never takes half a file; the
 * story's state is recorded after the write, so a crash mid-write is repaired at the next poll.
 */
function rewriteInPlace(file: string, content: string): void {
  writeFileSync(file, content);
}

const hashOf = (story: FeedStory): string => createHash('sha256').update(story.title).update('\n').update(story.text).digest('hex');

/**
 * Saves stories under `CORPUS_DIR/feeds/<outlet-slug>/`.
 * @example new StoryWriter('./corpus', feedState).save(story) // "created"
 */
export class StoryWriter {
  constructor(
    private readonly corpusDir: string,
    private readonly state: FeedStatePort,
  ) {}

  /** The stored record of a story, by canonical URL then GUID. */
  find(feedUrl: string, url: string | undefined, guid: string | undefined) {
    return this.state.findArticle(feedUrl, url ?? null, guid ?? null);
  }

  /** Writes a new story, rewrites a changed one, leaves an unchanged one alone. */
  async save(story: FeedStory): Promise<SaveOutcome> {
    const hash = hashOf(story);
    const existing = await this.find(story.feedUrl, story.url, story.guid);
    const record = { feedUrl: story.feedUrl, canonicalUrl: story.url ?? null, guid: story.guid ?? null, textHash: hash, updated: story.updated ?? story.published ?? null };
    if (existing) {
      if (existing.textHash === hash) {
        // Same text: remember the new stamp so the page is not fetched again, but do not touch the file.
        await this.state.saveArticle({ ...record, file: existing.file, canonicalUrl: existing.canonicalUrl, textHash: existing.textHash }, story.fetched);
        return 'unchanged';
      }
      rewriteInPlace(path.join(this.corpusDir, existing.file), renderStory(story));
      await this.state.saveArticle({ ...record, file: existing.file, canonicalUrl: existing.canonicalUrl ?? record.canonicalUrl }, story.fetched);
      return 'updated';
    }
    const file = await this.freeName(story);
    writeAtomically(path.join(this.corpusDir, file), renderStory(story));
    await this.state.saveArticle({ ...record, file }, story.fetched);
    return 'created';
  }

  private async freeName(story: FeedStory): Promise<string> {
    const folder = path.posix.join(FEEDS_FOLDER, slugify(story.outlet, 60));
    const stem = `${story.published?.slice(0, 10) ?? story.fetched.toISOString().slice(0, 10)}-${slugify(story.title)}`;
    for (let n = 1; ; n++) {
      const file = path.posix.join(folder, `${stem}${n === 1 ? '' : `-${n}`}.md`);
      if (!(await this.state.fileTaken(file)) && !existsSync(path.join(this.corpusDir, file))) return file;
    }
  }
}
