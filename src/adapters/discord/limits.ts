/**
 * Discord's message limits in one table. The renderer plans every message against these
 * numbers while it builds it; nothing is cut after rendering. Lengths are counted in UTF-16
 * code units (`String.length`), which is never less than what Discord counts.
 */
export const LIMITS = {
  /** Message `content`. */
  content: 2000,
  /** Embeds in one message. */
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  embedFooter: 2048,
  embedAuthor: 256,
  /** Title + description + field names and values + footer + author of all embeds in a message. */
  embedTotal: 6000,
  /** Buttons in one action row. */
  buttonsPerRow: 5,
  /** A component's `custom_id`. */
  customId: 100,
  /** Choices in an autocomplete answer or an option's fixed list. */
  choices: 25,
  /** A choice's name and value. */
  choiceName: 100,
  choiceValue: 100,
  /** A command's or option's description. */
  commandDescription: 100,
  /** A command's or option's name. */
  commandName: 32,
  /** Options of one command. */
  commandOptions: 25,
} as const;
