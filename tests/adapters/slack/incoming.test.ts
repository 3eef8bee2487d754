/** What arrives from Slack: encoded text made plain, button values checked, retried events recognised. */
import { describe, expect, it } from 'vitest';
import { SeenEvents, resolveSlash } from '../../../src/adapters/slack/handlers.js';
import { redactSecrets } from '../../../src/adapters/slack/errors.js';
import { decodeButton, encodeButton, plainFromSlack } from '../../../src/adapters/slack/incoming.js';

describe('plainFromSlack', () => {
  it('turns Slack markup into the words a person typed and drops the bot mention', () => {
    expect(plainFromSlack('<@UBOT> what did <@U1|ana> say about <#C1|news> and <https://x.org/a|this page>?', ['UBOT'])).toBe(
      'what did @ana say about #news and this page?',
    );
    expect(plainFromSlack('<!here> <!channel> <!subteam^S1|@editors> a &amp; b &lt;c&gt;')).toBe('@here @channel @editors a & b <c>');
    expect(plainFromSlack('  many   spaces\nand lines ')).toBe('many spaces and lines');
  });
});

describe('button values', () => {
  it('round-trip and refuse anything we did not write', () => {
    const v = { command: 'search', text: 'gyumri "base"', cursor: { unit: 5, offset: 120 }, delivery: 'thread' as const };
    expect(decodeButton(encodeButton(v))).toEqual(v);
    for (const junk of [undefined, '', 'not json', '{"c":"search"}', '{"c":"","t":"","u":0,"o":0,"d":"e"}', '{"c":"x","t":"","u":-1,"o":0,"d":"e"}']) {
      expect(decodeButton(junk)).toBeNull();
    }
  });
});

describe('resolveSlash', () => {
  it('maps /newsdesk sub-commands and leaves other commands alone', () => {
    expect(resolveSlash('/newsdesk', '')).toEqual({ name: 'help', text: '' });
    expect(resolveSlash('/newsdesk', 'Sources')).toEqual({ name: 'sources', text: '' });
    expect(resolveSlash('/newsdesk', 'ask who said it')).toEqual({ name: 'ask', text: 'who said it' });
    expect(resolveSlash('/Claim', 'the base')).toEqual({ name: 'claim', text: 'the base' });
  });

  it('/find is search (Slack reserves /search), also under /newsdesk; an old /search still works', () => {
    expect(resolveSlash('/find', 'border troops')).toEqual({ name: 'search', text: 'border troops' });
    expect(resolveSlash('/newsdesk', 'find border')).toEqual({ name: 'search', text: 'border' });
    expect(resolveSlash('/newsdesk', 'search border')).toEqual({ name: 'search', text: 'border' });
    expect(resolveSlash('/search', 'border')).toEqual({ name: 'search', text: 'border' });
  });
});

describe('SeenEvents', () => {
  it('answers an event id once within its time to live', () => {
    const seen = new SeenEvents(1000, 100);
    expect(seen.firstTime('Ev1', 0)).toBe(true);
    expect(seen.firstTime('Ev1', 500)).toBe(false);
    expect(seen.firstTime('Ev2', 600)).toBe(true);
    expect(seen.firstTime('Ev1', 1500)).toBe(true);
  });

  it('keeps at most its maximum number of ids', () => {
    const seen = new SeenEvents(60_000, 3);
    for (const id of ['a', 'b', 'c', 'd']) expect(seen.firstTime(id, 0)).toBe(true);
    expect(seen.firstTime('d', 1)).toBe(false);
    expect(seen.firstTime('a', 1)).toBe(true);
  });
});

describe('redactSecrets', () => {
  it('removes anything shaped like a Slack token', () => {
    expect(redactSecrets('auth failed for xoxb-123-456-abc and xapp-1-A1-xyz, ok')).toBe('auth failed for [redacted] and [redacted], ok');
  });
});
