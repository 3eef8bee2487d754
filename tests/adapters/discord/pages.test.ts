/** Paging state for Previous/Next: keys, expiry, the size cap and the buttons' ids. */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/adapters/discord/limits.js';
import { PageStore, pageButtons, parsePageButton } from '../../../src/adapters/discord/pages.js';

const page = (n: number) => ({ content: `page ${n}`, embeds: [] });

describe('PageStore', () => {
  it('keeps pages until they expire', () => {
    let now = 1_000_000;
    const store = new PageStore(60_000, { now: () => new Date(now) });
    const key = store.put([page(1), page(2)]);
    expect(store.get(key)?.map((p) => p.content)).toEqual(['page 1', 'page 2']);
    now += 59_999;
    expect(store.get(key)?.map((p) => p.content)).toEqual(['page 1', 'page 2']);
    now += 1;
    expect(store.get(key)).toBeUndefined();
    expect(store.get('no-such-key')).toBeUndefined();
  });

  it('drops the oldest answers beyond its cap and sweeps expired ones', () => {
    let now = 0;
    const store = new PageStore(1000, { now: () => new Date(now) }, 3);
    const keys = [1, 2, 3, 4].map((n) => store.put([page(n)]));
    expect(store.get(keys[0]!)).toBeUndefined();
    expect(store.get(keys[3]!)?.[0]?.content).toBe('page 4');
    expect(store.size).toBe(3);
    now = 5000;
    store.put([page(5)]);
    expect(store.size).toBe(1);
  });
});

describe('page buttons', () => {
  it('point at the neighbouring pages and disable the ends', () => {
    const row = pageButtons('k3y_-', 0, 3);
    const [prev, next] = row.components as Array<{ custom_id: string; disabled: boolean; label: string }>;
    expect([prev!.label, prev!.disabled, next!.label, next!.disabled]).toEqual(['Previous', true, 'Next', false]);
    expect(parsePageButton(next!.custom_id)).toEqual({ key: 'k3y_-', index: 1 });
    expect(prev!.custom_id).not.toBe(next!.custom_id);
    const last = pageButtons('k', 2, 3).components as Array<{ custom_id: string; disabled: boolean }>;
    expect(last.map((b) => b.disabled)).toEqual([false, true]);
    expect(parsePageButton(last[0]!.custom_id)).toEqual({ key: 'k', index: 1 });
    for (const b of row.components as Array<{ custom_id: string }>) expect(b.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
  });

  it('keep Next on the last kept page when the answer has a next page, pointing past it', () => {
    const last = pageButtons('k', 2, 3, true).components as Array<{ custom_id: string; disabled: boolean }>;
    expect(last.map((b) => b.disabled)).toEqual([false, false]);
    expect(parsePageButton(last[1]!.custom_id)).toEqual({ key: 'k', index: 3 });
  });

  it('ignore other buttons', () => {
    expect(parsePageButton('someone-else:1')).toBeNull();
    expect(parsePageButton('ndp:key:x:N')).toBeNull();
  });
});
