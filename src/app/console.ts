/**
 * The local console: the chat platforms' commands in a terminal, for trying newsdesk
 * without Slack or Discord (`npm start` with no platform configured).
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { toText } from '../render/text.js';
import type { Runtime } from './runtime.js';
import { countOf } from '../answer/plural.js';

/** Where the console reads and writes. */
export interface ConsoleIO {
  input: Readable;
  output: Writable;
  /** ANSI colours and a prompt (true on a terminal). */
  interactive: boolean;
}

/** Splits "/search gyumri" into ["search", "gyumri"]; plain text is a question for `ask`. */
export function parseConsoleLine(line: string, commands: ReadonlySet<string>): { name: string; text: string } | null {
  const trimmed = line.trim();
  if (!trimmed) return null;
  if (trimmed.startsWith('/')) {
    const [head = '', ...rest] = trimmed.slice(1).split(/\s+/);
    return { name: head.toLowerCase(), text: rest.join(' ') };
  }
  return { name: commands.has('ask') ? 'ask' : 'search', text: trimmed };
}

/**
 * Runs the console until `/quit` or end of input.
 * @example await runConsole(runtime, { input: process.stdin, output: process.stdout, interactive: true })
 */
export async function runConsole(runtime: Runtime, io: ConsoleIO): Promise<void> {
  const write = (s: string) => io.output.write(s + '\n');
  const names = new Set(runtime.commands.keys());
  write(
    `newsdesk console — ${countOf(runtime.library().articles.length, 'article')}. Type /help, /search <words>, /sources` +
      (names.has('claim') ? ', /claim <topic>' : '') +
      (names.has('timeline') ? ', /timeline <topic>' : '') +
      ', or a question. /quit to leave.',
  );
  const rl = createInterface({ input: io.input, terminal: false });
  const prompt = () => {
    if (io.interactive) io.output.write('newsdesk> ');
  };
  prompt();
  for await (const line of rl) {
    const parsed = parseConsoleLine(line, names);
    if (parsed && (parsed.name === 'quit' || parsed.name === 'exit')) break;
    if (parsed) {
      const reply = await runtime.execute(parsed.name, { text: parsed.text }, { platform: 'console', userId: 'console' });
      write(toText(reply, { color: io.interactive }));
    }
    prompt();
  }
  rl.close();
}
