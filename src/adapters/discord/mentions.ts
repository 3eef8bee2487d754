/**
 * Questions typed in a Discord message, as the words asked: mention markup removed. A user
 * (`<@id>`, `<@!id>`, the bot's own included), a role (`<@&id>`), a channel (`<#id>`),
 * `@everyone` and `@here` name nothing the articles know, and searched for they find nothing.
 */

/** Discord's mention markup: users, roles, channels, and the two mass mentions. */
const DISCORD_MENTIONS = /<(?:@[!&]?|#)\d{1,25}>|(?<![\w.])@(?:everyone|here)\b/g;

/** A message's content with every mention replaced by a space, its lines kept (a checked message is read as written). */
export function withoutMentions(content: string): string {
  return content.replace(DISCORD_MENTIONS, ' ');
}

/**
 * The question in a message's content, mentions removed and spaces collapsed.
 * @example questionFromDiscord('<@123> who denied it? @here') // "who denied it?"
 */
export function questionFromDiscord(content: string): string {
  return withoutMentions(content).replace(/\s+/g, ' ').trim();
}
