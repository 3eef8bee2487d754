import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedsService } from '../../src/feeds/service.js';

/** Waits (in tiny steps, bounded) until `done` holds. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!done()) throw new Error('condition never held');
}

/** Waits until the service has looked at its feeds `n` more times. */
async function countTicks(service: FeedsService, n: number): Promise<number> {
  let seen = 0;
  const sources = service.sources.bind(service);
  service.sources = () => {
    seen++;
    return sources();
  };
  await until(() => seen >= n);
  service.sources = sources;
  return Math.min(seen, n);
}

describe('FeedsService.start', () => {
  it('logs a FEEDS_FILE broken while running once, and its repair once, while the ticks go on', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'feeds-svc-'));
    const file = path.join(dir, 'feeds.yml');
    writeFileSync(file, 'feeds: []\n');
    const logs: string[] = [];
    const log = (level: string) => (_obj: unknown, msg = '') => void logs.push(`${level}: ${msg}`);
    const logger = { info: log('info'), warn: log('warn'), error: log('error'), debug: () => undefined };
    const service = await FeedsService.open({ corpusDir: path.join(dir, 'c'), dataDir: path.join(dir, 'd'), feedsFile: file, allowPrivate: true, userAgent: 't', hostDelayMs: 0, admins: [], logger, tickMs: 2 });
    try {
      writeFileSync(file, 'feeds:\n  - url: ftp://x/\n    outlet: X\n');
      service.start();
      await until(() => logs.length >= 1);
      // Many more ticks with the same broken file: nothing more is logged.
      const ticks = await countTicks(service, 10);
      expect(ticks).toBe(10);
      writeFileSync(file, 'feeds: []\n');
      await until(() => logs.length >= 2);
      await countTicks(service, 5);
      expect(logs).toEqual(['error: feeds poll failed', 'info: feeds poll works again']);
    } finally {
      await service.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
