/**
 * Slack's limits for one message, in one table. The renderer enforces every one of them while it
 * builds blocks (it never cuts a finished message), and the property tests check them.
 */
export const LIMITS = {
  /** Blocks in one message (Slack refuses more). */
  blocks: 50,
  /** Characters in one section's text object. */
  sectionText: 3000,
  /** Elements in one context block. */
  contextElements: 10,
  /** Characters in one context element's text. */
  contextText: 2000,
  /** The practical ceiling for all text in one message (blocks plus fallback text), in characters. */
  messageChars: 12000,
  /** Characters of the plain-text fallback (`text`) shown in notifications. */
  fallbackText: 300,
  /** Characters of a button's label. */
  buttonText: 75,
  /** Characters of a button's value. */
  buttonValue: 2000,
  /** Characters of a label or group heading before it is shortened with "…" (never applied to quotes). */
  labelText: 200,
  /** Quotes in one message: more go behind the "More" button, so a message stays readable. */
  itemsPerMessage: 5,
} as const;
