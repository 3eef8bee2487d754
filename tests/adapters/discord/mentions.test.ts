/** `questionFromDiscord`: the words of a message question, every kind of mention removed. */
import { describe, expect, it } from 'vitest';
import { questionFromDiscord, withoutMentions } from '../../../src/adapters/discord/mentions.js';

describe('questionFromDiscord', () => {
  it.each([
    ['<@100000000000000002> who denied it?', 'who denied it?'],
    ['<@!100000000000000002> who denied it? @here', 'who denied it?'],
    ['@everyone <@&100000000000000008> <#100000000000000004> border talks', 'border talks'],
    ['who denied the report about Gyumri?', 'who denied the report about Gyumri?'],
    // An address is not a mass mention; a bracket that is not a mention stays.
    ['mail press@here.org <not a mention>', 'mail press@here.org <not a mention>'],
  ])('%s → %s', (text, question) => {
    expect(questionFromDiscord(text)).toBe(question);
  });

  it('keeps the lines of a checked message', () => {
    expect(withoutMentions('<@1> first line\nsecond @everyone')).toBe('  first line\nsecond  ');
  });
});
