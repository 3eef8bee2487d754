/**
 * `ask <question>`: a question in plain words, routed to the command that answers it —
 * `claim` for who said, claims or denies something, `timeline` for when things happened,
 * `search` for everything else. Slack mentions, Discord and the console all use it.
 */
import { z } from 'zod';
import type { Command, CommandContext } from '../src/core/command.js';
import { queryText } from '../src/answer/reply.js';
import { messageReply } from '../src/answer/message.js';
import type { Reply } from '../src/core/types.js';
import { questionTopic } from '../src/topics/question.js';

const input = z.object({ question: queryText('question') });

/** The command a question goes to and the topic it asks about. */
export interface Route {
  command: 'claim' | 'timeline' | 'search';
  /** What the question is about; empty when it names nothing to look for. */
  topic: string;
  /** The words that decided the route (for the note), or null for the default. */
  cue: string | null;
}

// Ordered: an explicit request for a timeline wins, then claims, then "when" questions.
const TIMELINE_WORDS = /\b(time ?line|chronology|chronological|history of|sequence of events)\b/i;
const CLAIM_WORDS =
  /\b(who\s+(?:said|says|say|claimed|claims|claim|denied|denies|deny|blamed|blames|blame|accused|accuses|alleged|alleges|stated|states|reported|reports|is blamed|was blamed|took responsibility|is responsible|was responsible|critici[sz]ed|critici[sz]es|condemned|condemns|praised|praises|warned|warns|questioned|questions|disputed|disputes|rejected|rejects|welcomed|welcomes|defended|defends|attacked|slammed|opposed|opposes|called for|urged|urges|demanded|admitted|confirmed|confirms|insisted|argued|argues)|claims?|claimed|claiming|den(?:y|ies|ied|ying|ials?)|allegations?|alleged|accus(?:e|es|ed|ing|ations?)|blam(?:e|es|ed|ing)|according to whom|what did .+ say)\b/i;
const WHEN_WORDS = /\b(when|what happened|how did .+ unfold|in what order|dates? of)\b/i;

// Question scaffolding that is not the topic; removed from the start of the question only, so
// a topic word that happens to be on this list in the middle of a topic survives.
const LEADING =
  /^(?:(?:please|hey|ok|so|and|but|can you|could you|tell me|show me|give me|find|list|search(?: for)?|i want to know|do you know|who|what|when|which|where|why|how|whom|whose|is|are|was|were|do|does|did|has|have|had|will|would|the|a|an|about|on|of|for|regarding|re|that|it|there|anyone|anybody|someone|somebody|ever|first|last|exactly|really|said|says|say|claimed|claims|claim|denied|denies|deny|denial|denials|blamed|blames|blame|accused|accuses|alleged|alleges|allegations?|stated|states|responsibility|responsible|took|take|takes|is blamed|was blamed|timeline|time line|chronology|chronological|history|sequence|events|happened|happen|happens|did it happen|order|dates?|any|all|news|articles?|reports?|reported|according to whom)\b[\s,:;-]*)+/i;
const TRAILING = /(?:[\s,;:-]+(?:happen|happened|happens|start|started|begin|began|occur|occurred|take place|took place|unfold|unfolded|please|now|today))*[\s?!.,;:]*$/i;

/**
 * Decides where a question goes and what it is about.
 * @example route('Who claimed responsibility for the Gyumri attack?') // { command: 'claim', topic: 'Gyumri attack', … }
 */
export function route(question: string): Route {
  const q = question.replace(/\s+/g, ' ').trim();
  const timeline = TIMELINE_WORDS.exec(q);
  const claim = CLAIM_WORDS.exec(q);
  const when = WHEN_WORDS.exec(q);
  const pick = timeline ? ['timeline', timeline] : claim ? ['claim', claim] : when ? ['timeline', when] : ['search', null];
  const command = pick[0] as Route['command'];
  const match = pick[1] as RegExpExecArray | null;
  let topic = topicOf(q);
  if (command !== 'search' && topic) {
    // claim and timeline want the subject: names and nouns, not the question's verbs, pronouns and
    // function words ("minister send her letter to parliament" → "minister letter parliament").
    // search keeps the words, which its index ranks on its own.
    const nouns = questionTopic(topic);
    if (nouns) topic = nouns;
    else if (command === 'claim') {
      // The claim verbs say what to look for, not what about: "did Russia deny the strike" → "Russia the strike".
      const stripped = topic.replace(CLAIM_VERBS, ' ').replace(/\s+/g, ' ').trim();
      if (/[\p{L}\p{N}]/u.test(stripped)) topic = stripped;
    }
  }
  return { command, topic, cue: match ? match[0].toLowerCase() : null };
}

const CLAIM_VERBS =
  /\b(?:say|said|says|saying|claim|claims|claimed|claiming|deny|denies|denied|denying|blame|blames|blamed|accuse|accuses|accused|allege|alleges|alleged|about|regarding)\b/gi;

/** The question without its question words: "When did the siege of X begin?" → "siege of X". */
export function topicOf(question: string): string {
  let t = question.trim().replace(/^["'“‘]+|["'”’?!.]+$/g, '');
  for (let i = 0; i < 3; i++) {
    const before = t;
    t = t.replace(LEADING, '').replace(TRAILING, '').trim();
    // "… for X", "… to X" left after the verbs: drop the linking word too.
    t = t.replace(/^(?:for|to|by|with|in|at|from|over)\b\s*/i, '').trim();
    if (t === before) break;
  }
  return /[\p{L}\p{N}]/u.test(t) ? t : '';
}

/** Runs another command by name, validating its input like the runtime does. */
async function runRouted(name: string, text: string, ctx: CommandContext): Promise<Reply | null> {
  const command = ctx.commands.get(name);
  if (!command) return null;
  const parsed = command.input.safeParse(command.fromText(text));
  if (!parsed.success) {
    return messageReply(name, text, parsed.error.issues[0]?.message ?? 'invalid input', [`Usage: ${command.usage}`]);
  }
  return command.run(parsed.data, ctx);
}

export default {
  name: 'ask',
  description: 'Ask a question in plain words; it goes to claim, timeline or search',
  usage: 'ask <question>',
  options: [{ name: 'question', description: 'Your question, e.g. "who claimed the attack on the base?"', required: true }],
  input,
  fromText: (text: string) => ({ question: text }),
  async run({ question }, ctx): Promise<Reply> {
    const r = route(question);
    if (!r.topic) {
      return messageReply('ask', question, 'What should newsdesk look for? Name a topic, e.g. "who claimed the attack on the base?"', [`Usage: ask <question>`]);
    }
    let routed: string = r.command;
    let reply = await runRouted(routed, r.topic, ctx);
    let how =
      r.cue === null
        ? `Searched the articles for "${r.topic}".`
        : `Asked /${r.command} about "${r.topic}" (the question says "${r.cue}").`;
    if (!reply && routed !== 'search') {
      routed = 'search';
      reply = await runRouted(routed, r.topic, ctx);
      how = `/${r.command} is not available here, so this searched the articles for "${r.topic}".`;
    }
    if (!reply) return messageReply('ask', question, 'No command can answer questions here.', [], 'internal');
    return { ...reply, command: routed, notes: [how, ...reply.notes] };
  },
} satisfies Command<z.output<typeof input>>;
