/**
 * The delivery ledger over a shared state store: platform events answered once across replicas
 * (see `DeliveryLedger` in src/core/services.ts). Keys are short and remembered for an hour,
 * longer than Slack retries an event (three retries within minutes) or Discord redelivers one.
 */
import type { Logger } from '../core/ports.js';
import type { DeliveryLedger } from '../core/services.js';
import type { StatePort } from './state-port.js';

/** How long an answered event is remembered. */
export const DELIVERY_TTL_MS = 60 * 60_000;
/** Longest key kept; platform ids are far shorter, so a longer one is cut, never stored whole. */
const MAX_KEY_LENGTH = 200;

/**
 * The ledger of a store that is shared by replicas; undefined for one that is not (a single
 * process remembers its events in memory).
 * When the database cannot be asked, the event is answered: a rare double answer beats none.
 * @example const ledger = deliveryLedger(state, logger); if (ledger && !(await ledger.firstDelivery(`slack:event:${id}`))) return;
 */
export function deliveryLedger(store: StatePort, logger: Logger): DeliveryLedger | undefined {
  const first = store.firstDelivery?.bind(store);
  if (!first) return undefined;
  return {
    async firstDelivery(key: string): Promise<boolean> {
      try {
        const fresh = await first(key.slice(0, MAX_KEY_LENGTH), DELIVERY_TTL_MS);
        if (!fresh) logger.info({ event: key.slice(0, MAX_KEY_LENGTH) }, 'event already answered (a retry, or another replica got it first); not answering again');
        return fresh;
      } catch (err) {
        logger.warn({ reason: (err as Error)?.message ?? String(err) }, 'delivery ledger unavailable; answering the event anyway');
        return true;
      }
    },
  };
}
