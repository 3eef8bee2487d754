/**
 * A fake feed and article site on 127.0.0.1 for the feeds tests: each path is answered by a
 * handler the test sets (and may change between polls), every request is recorded.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Answers one request to a path. */
export type FakeRoute = (req: IncomingMessage, res: ServerResponse) => void;

/** A request the server saw. */
export interface SeenRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
}

/** The running fake site. */
export interface FakeSite {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  url(path: string): string;
  /** Sets (or replaces) what a path answers. */
  route(path: string, handler: FakeRoute): void;
  /** Answers a path with a fixed body. */
  serve(path: string, body: string | Buffer, headers?: http.OutgoingHttpHeaders, status?: number): void;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/**
 * Starts a fake site; unknown paths (robots.txt included) answer 404.
 * @param host - the loopback address to listen on (127.0.0.2 lets a test treat it as a "public" host apart from 127.0.0.1)
 */
export async function startFakeSite(host = '127.0.0.1'): Promise<FakeSite> {
  const routes = new Map<string, FakeRoute>();
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    const handler = routes.get(path);
    if (handler) return handler(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => origin + path,
    route: (path, handler) => void routes.set(path, handler),
    serve: (path, body, headers = {}, status = 200) =>
      void routes.set(path, (_req, res) => {
        res.writeHead(status, headers).end(body);
      }),
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A story for the fixture builders. */
export interface FakeStory {
  guid: string;
  title: string;
  link: string;
  published: string;
  updated?: string;
  author?: string;
  summary?: string;
  /** Full body HTML, when the feed carries it. */
  content?: string;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS 2.0 document. */
export function rssFeed(stories: FakeStory[], title = 'Fake Outlet'): string {
  const items = stories
    .map(
      (s) => `<item><title>${esc(s.title)}</title><link>${esc(s.link)}</link><guid isPermaLink="false">${esc(s.guid)}</guid>` +
        `<pubDate>${new Date(s.published).toUTCString()}</pubDate>${s.author ? `<dc:creator>${esc(s.author)}</dc:creator>` : ''}` +
        `${s.summary ? `<description>${esc(s.summary)}</description>` : ''}${s.content ? `<content:encoded><![CDATA[${s.content}]]></content:encoded>` : ''}</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${esc(title)}</title><link>http://example.org/</link><description>d</description>\n${items}\n</channel></rss>`;
}

/** An Atom document. */
export function atomFeed(stories: FakeStory[], title = 'Fake Outlet'): string {
  const entries = stories
    .map(
      (s) => `<entry><id>${esc(s.guid)}</id><title>${esc(s.title)}</title><link rel="alternate" href="${esc(s.link)}"/>` +
        `<published>${s.published}</published><updated>${s.updated ?? s.published}</updated>${s.author ? `<author><name>${esc(s.author)}</name></author>` : ''}` +
        `${s.summary ? `<summary>${esc(s.summary)}</summary>` : ''}${s.content ? `<content type="html">${esc(s.content)}</content>` : ''}</entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title><id>urn:fake</id><updated>2026-01-01T00:00:00Z</updated>\n${entries}\n</feed>`;
}

/** A JSON Feed 1.1 document. */
export function jsonFeed(stories: FakeStory[], title = 'Fake Outlet'): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    items: stories.map((s) => ({
      id: s.guid,
      url: s.link,
      title: s.title,
      date_published: s.published,
      ...(s.updated ? { date_modified: s.updated } : {}),
      ...(s.author ? { authors: [{ name: s.author }] } : {}),
      ...(s.summary ? { summary: s.summary } : {}),
      ...(s.content ? { content_html: s.content } : { content_text: '' }),
    })),
  });
}

/** A WordPress REST API posts page. */
export function wordPressPosts(stories: FakeStory[]): string {
  return JSON.stringify(
    stories.map((s, i) => ({
      id: i + 1,
      link: s.link,
      guid: { rendered: s.guid },
      date_gmt: s.published.replace(/Z$/, '').replace(/\.\d+$/, ''),
      modified_gmt: (s.updated ?? s.published).replace(/Z$/, '').replace(/\.\d+$/, ''),
      title: { rendered: esc(s.title).replace(/'/g, '&#8217;') },
      excerpt: { rendered: `<p>${esc(s.summary ?? '')}</p>` },
      content: { rendered: s.content ?? '', protected: false },
      ...(s.author ? { _embedded: { author: [{ name: s.author }] } } : {}),
    })),
  );
}

/** An outlet's article page: menus, share bar, teasers and comments around the reporting. */
export function articlePage(title: string, paragraphs: string[], charset = 'utf-8'): string {
  return `<!doctype html><html><head><meta charset="${charset}"><title>${esc(title)} | Fake Outlet</title></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li><li><a href="/world">World</a></li></ul></nav></header>
<main><article><h1>${esc(title)}</h1>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</article>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Another story about something else</a></li><li><a href="/b">Yet another teaser</a></li></ul></aside>
<section class="comments"><h3>Comments</h3><div class="comment"><p>Great article, thanks!</p></div></section></main>
<footer><p>© Fake Outlet 2026. All rights reserved.</p></footer></body></html>`;
}
