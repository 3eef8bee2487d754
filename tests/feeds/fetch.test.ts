import { gzipSync, brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, PoliteFetcher, parseRetryAfter, type FetchSettings } from '../../src/feeds/fetch.js';
import { isPublicAddress, type Resolver } from '../../src/feeds/address-guard.js';
import type { LookupAddress } from 'node:dns';
import { startFakeSite, type FakeSite } from '../helpers/fake-feeds.js';

let site: FakeSite;
beforeAll(async () => {
  site = await startFakeSite();
});
afterAll(() => site.close());

/** A fake clock that `sleep` advances, so delays are asserted without waiting. */
function fakeTime(start = Date.UTC(2026, 0, 1)) {
  let now = start;
  const slept: number[] = [];
  return {
    clock: { now: () => new Date(now) },
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
    advance: (ms: number) => void (now += ms),
    slept,
  };
}

function fetcher(extra: Partial<FetchSettings> = {}) {
  const time = fakeTime();
  return { time, f: new PoliteFetcher({ allowPrivate: true, hostDelayMs: 0, clock: time.clock, sleep: time.sleep, ...extra }) };
}

async function failure(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof FetchError) return err;
    throw err;
  }
  throw new Error('expected a FetchError');
}

describe('PoliteFetcher', () => {
  it('refuses a loopback host by default, and allows it with allowPrivate', async () => {
    site.serve('/ok', 'hello');
    const strict = new PoliteFetcher({ hostDelayMs: 0 });
    const err = await failure(strict.fetch(site.url('/ok')));
    expect(err.failure).toBe('private-address');
    // A host name resolving to loopback is refused too, inside the connect-time lookup.
    const byName = await failure(strict.fetch(site.url('/ok').replace('127.0.0.1', 'localhost')));
    expect(byName.failure).toBe('private-address');
    expect(byName.message).toMatch(/FEEDS_ALLOW_PRIVATE/);
    expect((await fetcher().f.fetch(site.url('/ok'))).text()).toBe('hello');
  });

  it('classifies addresses', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '192.168.0.1', '169.254.169.254', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '0.0.0.0', '100.64.0.1']) {
      expect(isPublicAddress(a), a).toBe(false);
    }
    expect(isPublicAddress('93.184.216.34')).toBe(true);
    expect(isPublicAddress('2606:4700::1111')).toBe(true);
  });

  it('refuses schemes other than http and https', async () => {
    expect((await failure(fetcher().f.fetch('file:///etc/passwd'))).failure).toBe('scheme');
    expect((await failure(fetcher().f.fetch('ftp://example.org/x'))).failure).toBe('scheme');
  });

  it('sends the User-Agent and validators, and reports 304 as not modified', async () => {
    site.route('/cond', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { etag: '"v1"', 'last-modified': 'Wed, 01 Jan 2026 00:00:00 GMT' }).end('body');
    });
    const { f } = fetcher({ userAgent: 'TestDesk/2' });
    const first = await f.fetch(site.url('/cond'));
    expect(first.etag).toBe('"v1"');
    const second = await f.fetch(site.url('/cond'), { etag: first.etag, lastModified: first.lastModified });
    expect(second.notModified).toBe(true);
    const seen = site.requests.filter((r) => r.path === '/cond');
    expect(seen.at(-1)!.headers['user-agent']).toBe('TestDesk/2');
    expect(seen.at(-1)!.headers['if-modified-since']).toBe('Wed, 01 Jan 2026 00:00:00 GMT');
  });

  it('decodes gzip and br', async () => {
    site.serve('/gz', gzipSync('zipped text'), { 'content-encoding': 'gzip' });
    site.serve('/br', brotliCompressSync('brotli text'), { 'content-encoding': 'br' });
    const { f } = fetcher();
    expect((await f.fetch(site.url('/gz'))).text()).toBe('zipped text');
    expect((await f.fetch(site.url('/br'))).text()).toBe('brotli text');
  });

  it('decodes ISO-8859-1 and Windows-1251 from the header, the XML declaration and meta charset', async () => {
    const latin = Buffer.from('Café Zürich', 'latin1');
    const cyr = Buffer.from([0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0]); // "Москва" in windows-1251
    site.serve('/latin-header', latin, { 'content-type': 'text/html; charset=ISO-8859-1' });
    site.serve('/cyr-xml', Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1251"?><t>'), cyr, Buffer.from('</t>')]), { 'content-type': 'application/xml' });
    site.serve('/cyr-meta', Buffer.concat([Buffer.from('<html><head><meta charset="windows-1251"></head><body>'), cyr]), { 'content-type': 'text/html' });
    const { f } = fetcher();
    expect((await f.fetch(site.url('/latin-header'))).text()).toBe('Café Zürich');
    expect((await f.fetch(site.url('/cyr-xml'))).text()).toContain('<t>Москва</t>');
    expect((await f.fetch(site.url('/cyr-meta'))).text()).toContain('Москва');
  });

  it('cuts off a 10 MB page, declared or streamed', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024, 'a');
    site.serve('/big-declared', big);
    site.route('/big-chunked', (_req, res) => {
      res.writeHead(200, { 'transfer-encoding': 'chunked' });
      for (let i = 0; i < 10; i++) res.write(big.subarray(i * 1024 * 1024, (i + 1) * 1024 * 1024));
      res.end();
    });
    site.serve('/bomb', gzipSync(big), { 'content-encoding': 'gzip' });
    const { f } = fetcher();
    for (const p of ['/big-declared', '/big-chunked', '/bomb']) expect((await failure(f.fetch(site.url(p)))).failure, p).toBe('too-large');
  });

  it('follows up to 5 redirects and refuses a loop', async () => {
    for (let i = 0; i < 5; i++) site.serve(`/hop${i}`, '', { location: `/hop${i + 1}` }, 302);
    site.serve('/hop5', 'arrived');
    site.serve('/loop', '', { location: '/loop' }, 301);
    const { f } = fetcher();
    const r = await f.fetch(site.url('/hop0'));
    expect(r.text()).toBe('arrived');
    expect(r.url).toBe(site.url('/hop5'));
    expect((await failure(f.fetch(site.url('/loop')))).failure).toBe('too-many-redirects');
  });

  it('checks every redirect hop against the address rules', async () => {
    site.serve('/to-file', '', { location: 'file:///etc/passwd' }, 302);
    expect((await failure(fetcher().f.fetch(site.url('/to-file')))).failure).toBe('scheme');
  });

  it('refuses a redirect from a public host to a private address on the hop, looking the host up again at every hop', async () => {
    // A "public" outlet: news.example.com, served by a local server on 127.0.0.2 that the guard
    // is told to count as public; everything else keeps the real address rules.
    const outlet = await startFakeSite('127.0.0.2');
    const port = new URL(outlet.origin).port;
    const inside = await startFakeSite('127.0.0.1');
    inside.serve('/secret', 'internal data');
    const dns: Record<string, string[]> = {
      'news.example.com': ['127.0.0.2'],
      'metadata.example.com': ['169.254.169.254'],
      'intranet.example.com': ['10.0.0.7'],
    };
    const looked: string[] = [];
    const resolve: Resolver = async (hostname) => {
      looked.push(hostname);
      const next = dns[hostname]!.length > 1 ? dns[hostname]!.shift()! : dns[hostname]![0]!;
      return [{ address: next, family: 4 } satisfies LookupAddress];
    };
    const strict = new PoliteFetcher({ hostDelayMs: 0, respectRobots: false, guard: { resolve, isPublic: (a) => a === '127.0.0.2' || isPublicAddress(a) } });
    const at = (p: string) => `http://news.example.com:${port}${p}`;
    try {
      outlet.serve('/story', 'the story');
      expect((await strict.fetch(at('/story'))).text()).toBe('the story');
      const targets = {
        '/to-loopback': inside.url('/secret'),
        '/to-metadata': `http://metadata.example.com:${new URL(inside.origin).port}/latest/meta-data/`,
        '/to-intranet': `http://intranet.example.com:${new URL(inside.origin).port}/secret`,
      };
      for (const [from, to] of Object.entries(targets)) {
        outlet.serve(from, '', { location: to }, 302);
        looked.length = 0;
        const err = await failure(strict.fetch(at(from)));
        expect(err.failure, from).toBe('private-address');
        expect(err.message, from).toMatch(/127\.0\.0\.1|169\.254\.169\.254|10\.0\.0\.7/);
        // The first hop was looked up; a named second hop was looked up again (a literal needs no lookup).
        expect(looked, from).toEqual(from === '/to-loopback' ? ['news.example.com'] : ['news.example.com', new URL(to).hostname]);
      }
      // DNS rebinding between hops: the same public name now points at loopback and is refused on the second hop.
      dns['news.example.com'] = ['127.0.0.2', '127.0.0.1'];
      outlet.serve('/rebind', '', { location: at('/story') }, 302);
      looked.length = 0;
      const rebound = await failure(strict.fetch(at('/rebind')));
      expect(rebound.failure).toBe('private-address');
      expect(looked).toEqual(['news.example.com', 'news.example.com']);
      // Nothing reached the private side.
      expect(inside.requests).toEqual([]);
    } finally {
      await outlet.close();
      await inside.close();
    }
  });

  it('times out a slow server', async () => {
    site.route('/slow', (_req, res) => {
      res.writeHead(200);
      res.write('partial');
      setTimeout(() => res.end('late'), 2000).unref();
    });
    const err = await failure(fetcher({ timeoutMs: 100 }).f.fetch(site.url('/slow')));
    expect(err.failure).toBe('timeout');
  });

  it('honours Retry-After on 429 and leaves the host alone until then', async () => {
    site.serve('/busy', 'slow down', { 'retry-after': '120' }, 429);
    const { f, time } = fetcher();
    const err = await failure(f.fetch(site.url('/busy')));
    expect([err.failure, err.status, err.retryAfterMs]).toEqual(['http', 429, 120_000]);
    const before = site.requests.length;
    expect((await failure(f.fetch(site.url('/ok')))).failure).toBe('backoff');
    expect(site.requests.length).toBe(before);
    time.advance(120_001);
    expect((await f.fetch(site.url('/ok'))).text()).toBe('hello');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:00 GMT', new Date(Date.UTC(2026, 0, 1)))).toBe(60_000);
  });

  it('waits the per-host delay between requests, one at a time', async () => {
    const { f, time } = fetcher({ hostDelayMs: 1500 });
    await Promise.all([f.fetch(site.url('/ok')), f.fetch(site.url('/ok')), f.fetch(site.url('/ok'))]);
    // robots.txt, then three pages: each after the delay since the previous ended.
    expect(time.slept.filter((ms) => ms > 0)).toEqual([1500, 1500, 1500]);
  });

  it('honours robots.txt', async () => {
    site.serve('/robots.txt', 'User-agent: *\nDisallow: /private/\n', { 'content-type': 'text/plain' });
    site.serve('/private/page', 'secret');
    site.serve('/public', 'open');
    const { f } = fetcher();
    expect((await failure(f.fetch(site.url('/private/page')))).failure).toBe('robots');
    expect((await f.fetch(site.url('/public'))).text()).toBe('open');
    expect(site.requests.some((r) => r.path === '/private/page')).toBe(false);
    site.route('/robots.txt', (_q, res) => void res.writeHead(404).end());
  });
});
