/**
 * `ask`: a question goes to claim, timeline or search with its topic, through the routed
 * command's own validation, and comes back as that command's reply with a note saying how.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import ask, { route, topicOf } from '../../commands/ask.js';
import search from '../../commands/search.js';
import type { Command } from '../../src/core/command.js';
import { loadConfig } from '../../src/app/config.js';
import { silentLogger } from '../../src/app/log.js';
import { createRuntime } from '../../src/app/runtime.js';
import type { Reply } from '../../src/core/types.js';
import { fixtureLibrary } from '../helpers/slack-fixtures.js';

/** A real command that records the topic it was given and answers with it. */
function recordingCommand(name: string, seen: string[], minLength = 1): Command {
  const input = z.object({ topic: z.string().trim().min(minLength, `Give a longer topic for ${name}.`) });
  return {
    name,
    description: `${name} for tests`,
    usage: `${name} <topic>`,
    options: [],
    input,
    fromText: (text: string) => ({ topic: text }),
    run({ topic }: z.output<typeof input>): Reply {
      seen.push(topic);
      return { command: name, query: topic, headline: `${name}: ${topic}`, items: [], citations: [], notes: [`from ${name}`] };
    },
  };
}

function runtimeWith(commands: Command[]) {
  const library = fixtureLibrary();
  return createRuntime({
    commands: new Map(commands.map((c) => [c.name, c])),
    library: () => library,
    logger: silentLogger,
    config: loadConfig({ LOG_LEVEL: 'silent' }),
  });
}

describe('route', () => {
  it.each([
    ['Who claimed responsibility for the Gyumri attack?', 'claim', 'Gyumri attack'],
    ['who said the base was on alert', 'claim', 'base alert'],
    ['Did Russia deny the strike on the pipeline?', 'claim', 'Russia strike pipeline'],
    ['What are the claims about the drone strike in Kursk?', 'claim', 'drone strike Kursk'],
    ['Who criticized the Bank of England?', 'claim', 'Bank of England'],
    ['When did the minister send her letter to parliament?', 'timeline', 'minister letter parliament'],
    ['When did Russian troops arrive in Armenia?', 'timeline', 'Russian troops Armenia'],
    ['When did the siege of Mariupol begin?', 'timeline', 'siege of Mariupol'],
    ['timeline of the Kerch bridge explosion', 'timeline', 'Kerch bridge explosion'],
    ['What happened in Gyumri?', 'timeline', 'Gyumri'],
    ['history of the border talks', 'timeline', 'border talks'],
    ['chronology: Armenia-Russia', 'timeline', 'Armenia-Russia'],
    ['bread prices in Gyumri', 'search', 'bread prices in Gyumri'],
    ['What is the population of Gyumri?', 'search', 'population of Gyumri'],
    ['Where is the 102nd base?', 'search', '102nd base'],
  ] as const)('%s → %s "%s"', (question, command, topic) => {
    expect(route(question)).toMatchObject({ command, topic });
  });

  it('an explicit timeline request wins over a claim verb', () => {
    expect(route('timeline of who claimed the attack').command).toBe('timeline');
  });

  it('finds no topic in a question that names nothing', () => {
    expect(topicOf('who said it?')).toBe('');
    expect(route('when?').topic).toBe('');
  });
});

describe('ask', () => {
  it('runs the routed command with the topic and returns its reply, command set and routing noted', async () => {
    const claims: string[] = [];
    const runtime = runtimeWith([ask, search, recordingCommand('claim', claims), recordingCommand('timeline', [])]);
    const reply = await runtime.execute('ask', { text: 'Who denied the report about the base?' }, { platform: 'console' });
    expect(claims).toEqual(['base']);
    expect(reply.command).toBe('claim');
    expect(reply.headline).toBe('claim: base');
    expect(reply.notes).toEqual(['Asked /claim about "base" (the question says "who denied").', 'from claim']);
  });

  it('routes "when" questions to timeline', async () => {
    const timeline: string[] = [];
    const runtime = runtimeWith([ask, search, recordingCommand('claim', []), recordingCommand('timeline', timeline)]);
    const reply = await runtime.execute('ask', { text: 'When did the border talks happen?' }, { platform: 'console' });
    expect(timeline).toEqual(['border talks']);
    expect(reply.command).toBe('timeline');
  });

  it('searches everything else, with verbatim quotes from the library', async () => {
    const runtime = runtimeWith([ask, search]);
    const reply = await runtime.execute('ask', { text: 'bread prices?' }, { platform: 'console' });
    expect(reply.command).toBe('search');
    expect(reply.notes[0]).toBe('Searched the articles for "bread prices".');
    expect(reply.items.length).toBeGreaterThan(0);
    const library = fixtureLibrary();
    for (const item of reply.items) {
      const cited = reply.citations.find((c) => c.id === item.source)!;
      expect(library.get(cited.articleId)!.text.slice(item.span.start, item.span.end)).toBe(item.text);
    }
  });

  it('falls back to search when the routed command is not loaded, and says so', async () => {
    const runtime = runtimeWith([ask, search]);
    const reply = await runtime.execute('ask', { text: 'who claimed the bread prices rose?' }, { platform: 'console' });
    expect(reply.command).toBe('search');
    expect(reply.notes[0]).toMatch(/^\/claim is not available here, so this searched the articles for "/);
  });

  it("passes the routed command's validation errors on as a usage reply", async () => {
    const runtime = runtimeWith([ask, search, recordingCommand('claim', [], 50)]);
    const reply = await runtime.execute('ask', { text: 'who claimed the attack?' }, { platform: 'console' });
    expect(reply.error).toBe(true);
    expect(reply.errorCode).toBe('usage');
    expect(reply.headline).toBe('Give a longer topic for claim.');
    expect(reply.notes).toContain('Usage: claim <topic>');
  });

  it('asks for a topic when the question names none, and refuses an empty question', async () => {
    const runtime = runtimeWith([ask, search, recordingCommand('claim', [])]);
    const none = await runtime.execute('ask', { text: 'who said it?' }, { platform: 'console' });
    expect(none.error).toBe(true);
    expect(none.headline).toMatch(/^What should newsdesk look for\?/);
    const empty = await runtime.execute('ask', { text: '   ' }, { platform: 'console' });
    expect(empty).toMatchObject({ error: true, errorCode: 'usage', headline: 'Give a question.' });
  });

  it('answers any text without throwing, always as claim, timeline, search or a usage message (property)', async () => {
    const runtime = runtimeWith([ask, search, recordingCommand('claim', []), recordingCommand('timeline', [])]);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 120 }), fc.constantFrom('<!channel> who said @here?', '"when"', '?????', 'who who who')), async (text) => {
        const reply = await runtime.execute('ask', { text }, { platform: 'console' });
        if (reply.error) expect(['usage', 'not_found']).toContain(reply.errorCode);
        else expect(['claim', 'timeline', 'search']).toContain(reply.command);
      }),
      { numRuns: 200 },
    );
  });
});
