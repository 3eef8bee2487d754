/**
 * What the running bot counts, in Prometheus terms (prom-client, on a registry of its own): the
 * commands it answered by name, platform and outcome with their latency, the digests it posted
 * and the posts that failed, the corpus size and how far loading has come. Requests are counted
 * by wrapping the one guarded `execute` every platform calls, and digests by wrapping the outlets
 * the digest service posts through, so neither the adapters nor the digest service know of it.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Command } from '../core/command.js';
import type { GuardedExecute, Platform, PlatformName } from '../core/platform.js';
import type { DigestOutlet } from '../digest/index.js';
import type { LibraryStatus } from './library-state.js';

/** The last digest post, as `/readyz` shows it. */
export interface DigestPostRecord {
  platform: PlatformName;
  outcome: 'posted' | 'failed';
  at: Date;
}

/** The bot's metrics and the hooks that feed them. */
export interface NewsdeskMetrics {
  readonly registry: Registry;
  /** Counts each request and its latency; the command is labelled only when it exists (labels stay bounded). */
  instrument(guard: GuardedExecute): GuardedExecute;
  /** An outlet for the digest service that counts each post and each failed attempt. */
  digestOutlet(platform: Platform): DigestOutlet;
  /** The last digest post, or null when none was tried since start. */
  lastDigest(): DigestPostRecord | null;
  /** The Prometheus text exposition of every metric. */
  text(): Promise<string>;
}

/** Latency buckets in seconds: a search answers in milliseconds, a digest preview can take seconds. */
const LATENCY_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Creates the metrics over the running process.
 * @param parts - the commands (to bound the `command` label), the library status, and the clock
 *   for `lastDigest` (@defaultValue the system clock)
 */
export function createMetrics(parts: {
  commands: ReadonlyMap<string, Command>;
  status: () => LibraryStatus;
  now?: () => Date;
}): NewsdeskMetrics {
  const registry = new Registry();
  const now = parts.now ?? (() => new Date());
  collectDefaultMetrics({ register: registry });
  const commands = new Counter({
    name: 'newsdesk_commands_total',
    help: 'Commands answered, by command, platform and outcome (ok, rate_limited, failed, or the error code of the reply, e.g. usage, not_found, loading).',
    labelNames: ['command', 'platform', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'newsdesk_command_duration_seconds',
    help: 'Time from taking a command to having its answer (before it is delivered), by command.',
    labelNames: ['command'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const posts = new Counter({ name: 'newsdesk_digest_posts_total', help: 'Digests posted, by platform.', labelNames: ['platform'] as const, registers: [registry] });
  const postFailures = new Counter({
    name: 'newsdesk_digest_post_failures_total',
    help: 'Digest post attempts that failed, by platform (each retry counts).',
    labelNames: ['platform'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'newsdesk_corpus_articles',
    help: 'Articles in the library (0 while it loads).',
    registers: [registry],
    collect() {
      const s = parts.status();
      this.set(s.state === 'ready' ? s.articles : 0);
    },
  });
  new Gauge({
    name: 'newsdesk_library_ready',
    help: '1 once the library is loaded and commands are answered from it, 0 while it loads.',
    registers: [registry],
    collect() {
      this.set(parts.status().state === 'ready' ? 1 : 0);
    },
  });
  // How far loading has come, in the units of its phase (files while ingesting, articles while indexing).
  const loadGauge = (name: string, help: string, pick: (p: { done: number; total: number }) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['phase'] as const,
      registers: [registry],
      collect() {
        this.reset();
        const s = parts.status();
        if (s.state === 'loading' && s.progress) this.set({ phase: s.progress.phase }, pick(s.progress));
      },
    });
  loadGauge('newsdesk_library_load_done', 'While the library loads: files read (phase ingest) or articles indexed (phase index) so far.', (p) => p.done);
  loadGauge('newsdesk_library_load_total', 'While the library loads: files to read (phase ingest) or articles to index (phase index).', (p) => p.total);

  let last: DigestPostRecord | null = null;
  const label = (name: string) => {
    const key = name.trim().toLowerCase().replace(/^\//, '');
    return parts.commands.has(key) ? key : 'unknown';
  };
  return {
    registry,
    instrument(guard) {
      return {
        async run(name, raw, origin) {
          const command = label(name);
          const end = latency.startTimer({ command });
          try {
            const answer = await guard.run(name, raw, origin);
            const outcome = answer.refused ? 'rate_limited' : answer.reply.error ? (answer.reply.errorCode ?? 'error') : 'ok';
            commands.inc({ command, platform: origin.platform, outcome });
            return answer;
          } catch (err) {
            commands.inc({ command, platform: origin.platform, outcome: 'failed' });
            throw err;
          } finally {
            end();
          }
        },
        failed: (fields, message) => guard.failed(fields, message),
      };
    },
    digestOutlet(platform) {
      return {
        async postReply(channel, reply, delivery) {
          try {
            await platform.postReply(channel, reply, delivery);
          } catch (err) {
            postFailures.inc({ platform: platform.name });
            last = { platform: platform.name, outcome: 'failed', at: now() };
            throw err;
          }
          posts.inc({ platform: platform.name });
          last = { platform: platform.name, outcome: 'posted', at: now() };
        },
        ...(platform.findDigest ? { findDigest: (channel, delivery) => platform.findDigest!(channel, delivery) } : {}),
        ...(platform.dedupeWindowMs !== undefined ? { dedupeWindowMs: platform.dedupeWindowMs } : {}),
      };
    },
    lastDigest: () => last,
    text: () => registry.metrics(),
  };
}
