/**
 * Previous/Next paging for long answers: the rendered pages are kept in memory under a short
 * key carried in the buttons' `custom_id`, and expire (interaction tokens live 15 minutes, and
 * a bot restart forgets them anyway — an expired button gets a polite ephemeral note).
 */
import { randomBytes } from 'node:crypto';
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { Clock } from '../../core/ports.js';
import { LIMITS } from './limits.js';
import type { DiscordPage } from './render.js';

/** Prefix of every newsdesk paging button's `custom_id`. */
export const PAGE_BUTTON_PREFIX = 'ndp';

/** What runs the answer's next page once its kept pages are used up (`Reply.nextPage`). */
export interface NextAnswer {
  command: string;
  text: string;
}

/** One kept answer: its rendered pages so far and, while there are more, how to get the next. */
export interface KeptPages {
  pages: DiscordPage[];
  next?: NextAnswer;
}

/** Pages of answers that have more than one, by key, with a time to live and a size cap. */
export class PageStore {
  private readonly entries = new Map<string, KeptPages & { expires: number }>();

  /**
   * @param ttlMs - how long a paged answer can be paged through
   * @param clock - time source
   * @param max - most answers kept; the oldest are dropped first
   */
  constructor(
    private readonly ttlMs: number,
    private readonly clock: Clock,
    private readonly max = 1000,
  ) {}

  /** Keeps pages (and how to get the answer's next page, if any) and returns their key. */
  put(pages: DiscordPage[], next?: NextAnswer): string {
    this.sweep();
    const key = randomBytes(9).toString('base64url');
    this.entries.set(key, { pages, ...(next ? { next } : {}), expires: this.clock.now().getTime() + this.ttlMs });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return key;
  }

  /** The pages under `key`, or undefined when unknown or expired. */
  get(key: string): DiscordPage[] | undefined {
    return this.kept(key)?.pages;
  }

  /** The pages under `key` with how to get the next answer page, or undefined when unknown or expired. */
  kept(key: string): KeptPages | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.clock.now().getTime()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Appends the pages of the answer's next page under `key`, with how to get the one after (none when last). */
  extend(key: string, pages: DiscordPage[], next?: NextAnswer): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.pages = [...entry.pages, ...pages];
    if (next) entry.next = next;
    else delete entry.next;
  }

  /** Number of answers kept. */
  get size(): number {
    return this.entries.size;
  }

  private sweep(): void {
    const now = this.clock.now().getTime();
    for (const [key, entry] of this.entries) if (entry.expires <= now) this.entries.delete(key);
  }
}

/**
 * The Previous/Next row for page `index` (0-based) of `total`; with `more`, Next on the last page
 * stays enabled and points past it (the answer's next page, run when clicked).
 */
export function pageButtons(key: string, index: number, total: number, more = false): APIActionRowComponent<APIButtonComponent> {
  const button = (label: string, target: number, disabled: boolean): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label,
    // The page number makes the ids of the two buttons differ even when one is disabled.
    custom_id: `${PAGE_BUTTON_PREFIX}:${key}:${target}:${label[0]}`.slice(0, LIMITS.customId),
    disabled,
  });
  return {
    type: ComponentType.ActionRow,
    components: [button('Previous', Math.max(0, index - 1), index === 0), button('Next', Math.min(total - (more ? 0 : 1), index + 1), index >= total - 1 && !more)],
  };
}

/** The key and page a paging button points at, or null for any other button. */
export function parsePageButton(customId: string): { key: string; index: number } | null {
  const m = /^ndp:([A-Za-z0-9_-]+):(\d+):[PN]$/.exec(customId);
  return m ? { key: m[1]!, index: Number(m[2]) } : null;
}
