/**
 * The outlet site the feeds bench polls, run in its own process (a real network's servers do not
 * share our CPU): 10 RSS feeds of 100 items each, carrying only a summary, so every story's page
 * is fetched; each page is the story (Reuters-21578 text) inside an outlet's chrome — menus,
 * inline styles and scripts, a share bar, teasers, a newsletter box, comments and a footer —
 * about as heavy as a news site's article page. Reports its port, then its CPU time on request.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { readReuters, type ReutersStory } from './reuters.js';

/** Feeds served, and stories per feed. */
export const FEEDS = 10;
export const PER_FEED = 100;

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Filler a real page carries around the story: a stylesheet and a tracking/ads script, inline. */
const STYLE = `<style>${Array.from({ length: 300 }, (_, i) => `.c${i}{margin:${i % 7}px;padding:${i % 5}px;color:#${(i * 2654435761 % 0xffffff).toString(16).padStart(6, '0')}}`).join('\n')}</style>`;
const SCRIPT = `<script>window.dataLayer=window.dataLayer||[];${Array.from({ length: 200 }, (_, i) => `dataLayer.push({event:"slot${i}",size:[300,250],pos:${i}});`).join('')}</script>`;

function menu(outlet: number): string {
  const sections = ['World', 'Politics', 'Business', 'Markets', 'Tech', 'Science', 'Health', 'Sport', 'Culture', 'Opinion', 'Video', 'Podcasts'];
  return `<header class="site-header"><a class="logo" href="/">Outlet ${outlet}</a><nav><ul>${sections.map((s) => `<li><a href="/${s.toLowerCase()}">${s}</a><ul>${sections.slice(0, 6).map((t) => `<li><a href="/${s.toLowerCase()}/${t.toLowerCase()}">${t}</a></li>`).join('')}</ul></li>`).join('')}</ul></nav>
<div class="search"><form action="/search"><input name="q" placeholder="Search"><button>Search</button></form></div><a class="subscribe" href="/subscribe">Subscribe for $1</a></header>`;
}

function page(outlet: number, story: ReutersStory, teasers: ReutersStory[]): string {
  const paras = story.text.split(/\n\s*\n|\n(?=\s{2,})/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(story.title)} | Outlet ${outlet}</title>
<meta name="viewport" content="width=device-width"><meta property="og:title" content="${esc(story.title)}"><meta name="author" content="Staff reporter">
<link rel="canonical" href="/o${outlet}/story/${story.newId}">${STYLE}${SCRIPT}</head><body>
${menu(outlet)}
<div class="breaking"><a href="/live">LIVE: Markets react to the latest figures</a></div>
<main><article><h1>${esc(story.title)}</h1><div class="byline">By Staff reporter · ${story.published ?? '1987-03-02'}</div>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a> <a href="#">Print</a></div>
<figure><img src="/img/${story.newId}.jpg" alt=""><figcaption>A file photo. Photo: Agency</figcaption></figure>
${paras.map((p, i) => `<p>${esc(p)}</p>${i === 1 ? '<div class="ad">Advertisement</div><aside class="newsletter"><h3>Get the morning briefing</h3><p>Sign up for our newsletter and never miss a story.</p><form><input type="email"><button>Sign up</button></form></aside>' : ''}`).join('\n')}
<div class="tags">Topics: <a href="/t/markets">Markets</a> <a href="/t/world">World</a></div></article>
<aside class="related"><h3>More from Outlet ${outlet}</h3><ul>${teasers.map((t) => `<li><a href="/o${outlet}/story/${t.newId}">${esc(t.title)}</a><p>${esc(t.text.slice(0, 160).replace(/\s+/g, ' '))}…</p></li>`).join('')}</ul></aside>
<section class="comments"><h3>Comments (3)</h3>${['Great reporting, thanks.', 'I disagree with the premise of this article entirely.', 'Where are the sources for the figures?'].map((c, i) => `<div class="comment"><b>reader${i}</b><p>${c}</p></div>`).join('')}</section></main>
<footer><ul>${['About us', 'Contact', 'Careers', 'Advertise', 'Privacy policy', 'Terms of use', 'Cookie settings'].map((l) => `<li><a href="/${l}">${l}</a></li>`).join('')}</ul><p>© Outlet ${outlet} 2026. All rights reserved.</p></footer>
${SCRIPT}</body></html>`;
}

function rss(outlet: number, stories: ReutersStory[], origin: string): string {
  const items = stories
    .map((s, i) => {
      const pub = new Date(Date.UTC(2026, 0, 1) + (outlet * PER_FEED + i) * 60_000).toUTCString();
      const summary = s.text.replace(/\s+/g, ' ').slice(0, 200);
      return `<item><title>${esc(s.title)}</title><link>${origin}/o${outlet}/story/${s.newId}</link><guid isPermaLink="false">o${outlet}-${s.newId}</guid><pubDate>${pub}</pubDate><description>${esc(summary)}</description></item>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Outlet ${outlet}</title><link>${origin}/</link><description>News</description>\n${items}\n</channel></rss>`;
}

/** Starts the site; `reuters` is the Reuters-21578 folder. */
export async function startSite(reuters: string): Promise<{ port: number; pages: number; pageBytes: number; close(): void }> {
  // Stories long enough to be articles (a few paragraphs), each used once.
  const stories = readReuters(reuters).filter((s) => s.text.length >= 800 && s.title.length > 10).slice(0, FEEDS * PER_FEED);
  if (stories.length < FEEDS * PER_FEED) throw new Error(`only ${stories.length} Reuters stories are long enough`);
  const pages = new Map<string, string>();
  const feeds = new Map<string, ReutersStory[]>();
  for (let o = 0; o < FEEDS; o++) {
    const mine = stories.slice(o * PER_FEED, (o + 1) * PER_FEED);
    feeds.set(`/o${o}/feed.xml`, mine);
    mine.forEach((s, i) => pages.set(`/o${o}/story/${s.newId}`, page(o, s, mine.slice(i + 1, i + 7))));
  }
  let origin = '';
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /search\n');
    const feed = feeds.get(url);
    if (feed) return void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rss(Number(url.slice(2, url.indexOf('/', 1))), feed, origin));
    const body = pages.get(url);
    if (body) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  let pageBytes = 0;
  for (const p of pages.values()) pageBytes += Buffer.byteLength(p);
  return { port, pages: pages.size, pageBytes, close: () => server.close() };
}

// As a child process: start, report the port, answer "cpu" with this process's CPU time. Only when
// this file is the process's entry: bench/run.ts imports it too, and its own phases are child
// processes with their phase name in argv[2].
if (process.send && process.argv[2] === 'feeds-site' && process.argv[1] === fileURLToPath(import.meta.url)) {
  const site = await startSite(process.argv[3]!);
  process.send({ port: site.port, pages: site.pages, pageBytes: site.pageBytes });
  process.on('message', (m) => {
    if (m === 'cpu') process.send!({ cpu: process.cpuUsage() });
    if (m === 'stop') {
      site.close();
      process.exit(0);
    }
  });
}
