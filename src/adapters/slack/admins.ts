/**
 * Who manages a Slack channel for newsdesk: workspace admins and owners (`users.info`:
 * `is_admin`, `is_owner`), plus the users and user groups listed in ADMINS_SLACK (a group's
 * members from `usergroups.users.list`). Answers are kept briefly, so a burst of commands costs
 * one look-up and a change in Slack shows within minutes. A look-up that fails (a missing
 * `users:read` or `usergroups:read` scope, Slack down) refuses, and says why in the log.
 */
import type { App } from '@slack/bolt';
import type { Clock, Logger } from '../../core/ports.js';
import type { Authority } from '../../core/permissions.js';
import type { GuardedExecute } from '../../core/platform.js';

/** How long an answer from Slack is trusted. @defaultValue 5 minutes */
export const ADMIN_CACHE_MS = 5 * 60_000;
/** Answers kept at most (oldest dropped first), so many askers cannot grow the cache without bound. */
const MAX_CACHED = 2_000;

/** A look-up shared by everyone asking the same thing while it runs, then kept until `until`. */
interface Cached<T> {
  value: Promise<T>;
  until: number;
}

/** Options for `SlackAdmins`. */
export interface SlackAdminsOptions {
  client: App['client'];
  /** ADMINS_SLACK: user ids (U…, W…) and user group ids (S…). */
  listed: readonly string[];
  clock: Clock;
  logger: Logger;
  /** @defaultValue `ADMIN_CACHE_MS` */
  ttlMs?: number;
}

/** Slack's answer about who manages channels, cached briefly. */
export class SlackAdmins {
  private readonly users = new Map<string, Cached<boolean>>();
  private readonly groups = new Map<string, Cached<ReadonlySet<string>>>();
  private readonly listedUsers: ReadonlySet<string>;
  private readonly listedGroups: readonly string[];
  private readonly ttlMs: number;
  /** The phrase refusals use. */
  readonly who: string;

  constructor(private readonly options: SlackAdminsOptions) {
    this.listedUsers = new Set(options.listed.filter((id) => !id.startsWith('S')));
    this.listedGroups = options.listed.filter((id) => id.startsWith('S'));
    this.ttlMs = options.ttlMs ?? ADMIN_CACHE_MS;
    // Ids, not names or mentions: a refusal must never ping anyone.
    this.who = options.listed.length ? 'workspace admins and owners and the people and user groups in ADMINS_SLACK' : 'workspace admins and owners';
  }

  /** The authority of one asker (looked up only when a command asks). */
  authorityFor(userId: string | undefined): Authority {
    return { who: this.who, canManage: () => (userId ? this.isManager(userId) : Promise.resolve(false)) };
  }

  /** True when the user is listed, in a listed group, or a workspace admin or owner. */
  async isManager(userId: string): Promise<boolean> {
    if (this.listedUsers.has(userId)) return true;
    for (const group of this.listedGroups) if ((await this.members(group)).has(userId)) return true;
    return this.isWorkspaceAdmin(userId);
  }

  private isWorkspaceAdmin(userId: string): Promise<boolean> {
    return this.cached(this.users, userId, async () => {
      const res = await this.options.client.users.info({ user: userId });
      const u = res.user as { is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean } | undefined;
      return Boolean(u?.is_admin || u?.is_owner || u?.is_primary_owner);
    }, false);
  }

  private members(group: string): Promise<ReadonlySet<string>> {
    return this.cached(this.groups, group, async () => {
      const res = await this.options.client.usergroups.users.list({ usergroup: group });
      return new Set(res.users ?? []);
    }, new Set<string>());
  }

  /** The kept answer for `key`, or a fresh look-up; a failed look-up answers `fallback` and is not kept. */
  private cached<T>(map: Map<string, Cached<T>>, key: string, look: () => Promise<T>, fallback: T): Promise<T> {
    const now = this.options.clock.now().getTime();
    const hit = map.get(key);
    if (hit && hit.until > now) return hit.value;
    map.delete(key);
    while (map.size >= MAX_CACHED) map.delete(map.keys().next().value!);
    const value = look().catch((err: unknown) => {
      map.delete(key);
      const slackError = (err as { data?: { error?: string } }).data?.error;
      this.options.logger.warn({ key, error: slackError ?? String((err as Error)?.message ?? err).slice(0, 200) }, 'slack admin look-up failed; refusing (does the app have the users:read and usergroups:read scopes?)');
      return fallback;
    });
    map.set(key, { value, until: now + this.ttlMs });
    return value;
  }
}

/**
 * The guard with each Slack request's `Origin` carrying the asker's authority, so every listener
 * (slash commands, buttons, mentions, and any added later) asks the same rule.
 */
export function withSlackAuthority(guard: GuardedExecute, admins: SlackAdmins): GuardedExecute {
  return {
    run: (name, raw, origin) => guard.run(name, raw, origin.platform === 'slack' ? { ...origin, authority: admins.authorityFor(origin.userId) } : origin),
    failed: (fields, message) => guard.failed(fields, message),
  };
}
