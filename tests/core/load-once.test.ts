import { describe, expect, it } from 'vitest';
import { loadOnce } from '../../src/core/load-once.js';

describe('loadOnce', () => {
  it('loads once and hands every later call the same module', async () => {
    let loads = 0;
    const get = loadOnce(async () => ({ n: ++loads }));
    const [a, b] = await Promise.all([get(), get()]);
    expect(await get()).toBe(a);
    expect(b).toBe(a);
    expect(loads).toBe(1);
  });

  it('does not keep a failed load: the next call tries again', async () => {
    let loads = 0;
    const get = loadOnce(async () => {
      if (++loads === 1) throw new Error('disk hiccup');
      return { n: loads };
    });
    await expect(get()).rejects.toThrow('disk hiccup');
    expect(await get()).toEqual({ n: 2 });
    expect(await get()).toEqual({ n: 2 });
    expect(loads).toBe(2);
  });
});
