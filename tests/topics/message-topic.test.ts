/** What a chat message is about, over the real library of the Slack fixtures. */
import { describe, expect, it } from 'vitest';
import { messageTopic, MAX_MESSAGE } from '../../src/topics/message-topic.js';
import { fixtureLibrary } from '../helpers/slack-fixtures.js';

const library = fixtureLibrary();

describe('messageTopic', () => {
  it('finds the names the corpus knows, most mentioned first, through Slack markup words', () => {
    const about = messageTopic('@channel Gyumri again: the Gyumri base and Russia, says @U0000009', library);
    expect(about?.subjects).toEqual(['Gyumri', 'Russia']);
    expect(about?.topic).toBe('Gyumri');
  });

  it('reads a country from its adjective (a place alias)', () => {
    expect(messageTopic('the Armenian side said nothing', library)?.subjects).toEqual(['Armenia']);
  });

  it('is about events when the message carries a date or asks when, not otherwise', () => {
    expect(messageTopic('troops left Gyumri on 3 June 2021', library)?.events).toBe(true);
    expect(messageTopic('when did troops leave Gyumri', library)?.events).toBe(true);
    expect(messageTopic('troops left Gyumri', library)?.events).toBe(false);
  });

  it('ignores lower-case common words and returns null when nothing is known', () => {
    expect(messageTopic('lunch at noon? bread and traders', library)).toBeNull();
    expect(messageTopic('', library)).toBeNull();
  });

  it('reads only the first MAX_MESSAGE characters', () => {
    expect(messageTopic(`${'x '.repeat(MAX_MESSAGE)} Gyumri`, library)).toBeNull();
  });
});
