/**
 * A short-lived store of values by a random key that a Discord button's custom id can carry (custom
 * ids hold 100 characters, too few for the answer itself). Entries expire after `ttlMs`; past `max`,
 * and whenever the oldest has expired, the oldest go first.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../core/ports.js';

/** Values by key, each for `ttlMs`, at most `max` of them. */
export class KeyedMemo<T> {
  private readonly kept = new Map<string, { value: T; at: number }>();
  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
    private readonly max: number,
  ) {}

  /** Keeps a value; returns its key. */
  put(value: T): string {
    const now = this.clock.now().getTime();
    for (const [key, entry] of this.kept) {
      if (now - entry.at < this.ttlMs && this.kept.size < this.max) break;
      this.kept.delete(key);
    }
    const key = randomBytes(9).toString('base64url');
    this.kept.set(key, { value, at: now });
    return key;
  }

  /** The value under `key`, unless it expired. */
  get(key: string): T | undefined {
    const entry = this.kept.get(key);
    return entry && this.clock.now().getTime() - entry.at < this.ttlMs ? entry.value : undefined;
  }
}
