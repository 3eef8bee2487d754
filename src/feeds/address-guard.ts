/**
 * Which addresses a feed URL may reach. A URL typed in chat must never make the bot call the
 * machine's own services (a metadata endpoint, an admin port, the intranet), so every address
 * a host name resolves to is checked at connect time, inside the socket's own DNS lookup: a name
 * that resolves to a public address when added and to 127.0.0.1 later (DNS rebinding) is still
 * refused, because the check runs on the address actually connected to.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** True when `address` is a public unicast address (not loopback, private, link-local, unique-local, reserved …). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  // Everything ipaddr.js names (private, loopback, linkLocal, uniqueLocal, carrierGradeNat,
  // 6to4, teredo, reserved …) is refused; only plain unicast is a public host.
  return parsed.range() === 'unicast';
}

/** The error a refused address raises; `code` lets the fetcher tell it from a network failure. */
export class PrivateAddressError extends Error {
  readonly code = 'EPRIVATEADDRESS';
  constructor(readonly host: string, readonly address: string) {
    super(`${host} resolves to ${address}, a private or local address (set FEEDS_ALLOW_PRIVATE=true to allow)`);
    this.name = 'PrivateAddressError';
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** Resolves a host name to every address it has (the system resolver unless a test stands in its own). */
export type Resolver = (hostname: string, options: LookupOptions) => Promise<LookupAddress[]>;

/** Which addresses count as public; tests widen it to let a local server stand in for a public host. */
export type AddressPolicy = (address: string) => boolean;

/** How the guard resolves and judges addresses. @defaultValue the system resolver and `isPublicAddress` */
export interface GuardHooks {
  resolve?: Resolver;
  isPublic?: AddressPolicy;
}

const systemResolver: Resolver = (hostname, options) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { ...options, all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))));

/**
 * A `lookup` for node:http/https requests that resolves as usual, then refuses the connection
 * when any resolved address is not public (unless `allowPrivate`). Every request (so every
 * redirect hop) makes its own lookup: nothing is cached, so a host re-pointed between hops
 * (DNS rebinding) is judged on the address actually connected to.
 * @param allowPrivate - `FEEDS_ALLOW_PRIVATE`: intranet CMSs and tests
 * @param hooks - a stand-in resolver and address policy (tests)
 */
export function guardedLookup(allowPrivate: boolean, hooks: GuardHooks = {}) {
  const resolve = hooks.resolve ?? systemResolver;
  const isPublic = hooks.isPublic ?? isPublicAddress;
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname, options).then(
      (list) => {
        if (!allowPrivate) {
          // All of them, not just the first: the socket may fall back to any address on the list.
          const bad = list.find((a) => !isPublic(a.address));
          if (bad) return callback(new PrivateAddressError(hostname, bad.address) as unknown as NodeJS.ErrnoException, []);
        }
        if (list.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
        if (options.all) return callback(null, list);
        callback(null, list[0]!.address, list[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, []),
    );
  };
}

/**
 * Checks a host given as an IP literal, which node connects to without any lookup.
 * @throws PrivateAddressError when the literal is not public and private addresses are not allowed
 */
export function checkLiteralHost(hostname: string, allowPrivate: boolean, isPublic: AddressPolicy = isPublicAddress): void {
  const bare = hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(bare) && !allowPrivate && !isPublic(bare)) throw new PrivateAddressError(hostname, bare);
}
