/**
 * The local console: the chat platforms' commands in a terminal, for trying newsdesk
 * without Slack or Discord (`npm start` with no platform configured). On a terminal it edits the
 * line, keeps a history (up and down arrows) and completes command names and topics with Tab.
 */
import { createInterface, type Completer } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { toText } from '../render/text.js';
import type { Runtime } from './runtime.js';
import { countOf } from '../answer/plural.js';
import { listTopics } from '../topics/index.js';
import { emptyCorpusHelp } from './corpus-help.js';

/** Where the console reads and writes. */
export interface ConsoleIO {
  input: Readable;
  output: Writable;
  /** Line editing, history, Tab completion, ANSI colours and a prompt (true on a terminal). */
  interactive: boolean;
}

/** Lines kept for the up arrow. */
const HISTORY_SIZE = 500;
/** Topics offered by Tab: the corpus's best, as `/topics` lists them. */
const COMPLETION_TOPICS = 200;
/** Commands whose text is a topic, so Tab after them completes topics. */
const TOPIC_COMMANDS: ReadonlySet<string> = new Set(['claim', 'timeline']);
/** Words the console itself understands besides the commands. */
const CONSOLE_WORDS = ['quit', 'exit'];

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
 * The Tab completer: `/cl` → `/claim`; after `/claim ` or `/timeline `, the topics of the corpus
 * that start with what is typed (`/claim arm` → `armenia`, `armenia-russia`).
 * @param commands - command names (without the slash)
 * @param topics - the topics to offer, asked for on the first Tab after a topic command
 * @example consoleCompleter(['claim', 'search'], () => ['gyumri'])('/cl') // [['/claim '], '/cl']
 */
export function consoleCompleter(commands: readonly string[], topics: () => readonly string[]): (line: string) => [string[], string] {
  const names = [...new Set([...commands, ...CONSOLE_WORDS])].sort();
  return (line: string) => {
    const m = /^\s*\/(\S*)(\s+)?(.*)$/s.exec(line);
    if (!m) return [[], line];
    const [, typed = '', space, rest = ''] = m;
    if (space === undefined) {
      const hits = names.filter((n) => n.startsWith(typed.toLowerCase())).map((n) => `/${n} `);
      return [hits, line.trimStart()];
    }
    if (!TOPIC_COMMANDS.has(typed.toLowerCase())) return [[], rest];
    const wanted = rest.trimStart().toLowerCase();
    const hits = topics().filter((t) => t.toLowerCase().startsWith(wanted));
    return [hits, rest.trimStart()];
  };
}

/**
 * Runs the console until `/quit` or end of input.
 * @example await runConsole(runtime, { input: process.stdin, output: process.stdout, interactive: true })
 */
export async function runConsole(runtime: Runtime, io: ConsoleIO): Promise<void> {
  const write = (s: string) => io.output.write(s + '\n');
  const names = new Set(runtime.commands.keys());
  const articles = runtime.library().articles.length;
  write(
    `newsdesk console — ${countOf(articles, 'article')}. Type /help, /search <words>, /sources` +
      (names.has('claim') ? ', /claim <topic>' : '') +
      (names.has('timeline') ? ', /timeline <topic>' : '') +
      `, or a question. ${io.interactive ? 'Tab completes commands and topics. ' : ''}/quit to leave.`,
  );
  if (!articles) write(emptyCorpusHelp(runtime.config.CORPUS_DIR));
  // Topics are worked out on the first Tab that needs them, for the library as it is then.
  let topics: { version: string; list: readonly string[] } | undefined;
  const currentTopics = () => {
    const library = runtime.library();
    if (topics?.version !== library.version) topics = { version: library.version, list: listTopics(library, COMPLETION_TOPICS) };
    return topics.list;
  };
  const completer: Completer = consoleCompleter([...names], currentTopics);
  const rl = createInterface({
    input: io.input,
    ...(io.interactive ? { output: io.output, terminal: true, completer, historySize: HISTORY_SIZE, prompt: 'newsdesk> ' } : { terminal: false }),
  });
  const prompt = () => {
    if (io.interactive) rl.prompt();
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
