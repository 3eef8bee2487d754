/** `questionFromSlack`: the words of an @mention or DM question, every mention markup removed. */
import { describe, expect, it } from 'vitest';
import { questionFromSlack } from '../../../src/adapters/slack/incoming.js';

describe('questionFromSlack', () => {
  it.each([
    ['<@UBOT0001> who denied the report about Gyumri? <!here>', 'who denied the report about Gyumri?'],
    ['<!channel> <@U1|ana> <#C1|newsroom> <!subteam^S1|@desk> <!everyone> border talks', 'border talks'],
    // Links and entities are still made plain.
    ['is <https://example.net/a|this story> true &amp; fair?', 'is this story true & fair?'],
    ['<!here>', ''],
  ])('%s → %s', (text, question) => {
    expect(questionFromSlack(text)).toBe(question);
  });
});
