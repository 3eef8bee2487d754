/** `/help`: what newsdesk can do, generated from the loaded commands. */
import { z } from 'zod';
import type { Command } from '../src/core/command.js';
import { usageOn } from '../src/core/invocation.js';
import type { Reply } from '../src/core/types.js';

const input = z.object({ command: z.string().trim().max(40).optional() });

export default {
  name: 'help',
  description: 'List the commands, or explain one',
  usage: 'help [command]',
  options: [{ name: 'command', description: 'A command to explain', required: false }],
  input,
  fromText: (text: string) => (text.trim() ? { command: text.trim().replace(/^\//, '') } : {}),
  run({ command }, { commands, origin }): Reply {
    // As typed where the asker is: on Slack search is /find and sources is /newsdesk sources.
    const usage = (c: Command) => usageOn(c.name, c.usage, origin.platform);
    // Command names are lower-case ASCII (the loader checks): code-unit order is alphabetical, and
    // `localeCompare` would start ICU's collator (~15 ms) on every `newsdesk help`.
    const all = [...commands.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (command) {
      const one = commands.get(command.toLowerCase());
      if (!one) {
        return {
          command: 'help',
          query: command,
          headline: `Unknown command "${command}".`,
          items: [],
          citations: [],
          notes: [`Commands: ${all.map((c) => c.name).join(', ')}.`],
          error: true,
          errorCode: 'not_found',
        };
      }
      return {
        command: 'help',
        query: command,
        headline: usage(one),
        items: [],
        citations: [],
        notes: [],
        lines: [one.description, ...one.options.map((o) => `  ${o.name}${o.required ? '' : ' (optional)'}: ${o.description}`)],
      };
    }
    return {
      command: 'help',
      query: '',
      headline: 'newsdesk answers with quotes from the articles, always cited.',
      items: [],
      citations: [],
      notes: [],
      lines: all.map((c) => `${usage(c)} — ${c.description}`),
    };
  },
} satisfies Command<z.output<typeof input>>;
