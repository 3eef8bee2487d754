/**
 * Loads every command module in `commands/`, validating each with zod and saying loudly
 * which file was rejected and why (a silently dropped command is worse than a failed start).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { Command } from '../core/command.js';
import { NewsdeskError } from '../core/errors.js';

const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', 'must be a function');

const commandShape = z.object({
  name: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'must be 1-32 lower-case letters, digits or dashes'),
  description: z.string().min(1).max(100),
  usage: z.string().min(1),
  options: z.array(
    z.object({
      name: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/),
      description: z.string().min(1).max(100),
      required: z.boolean(),
      autocomplete: z.literal('topics').optional(),
      choices: z.array(z.string()).optional(),
    }),
  ),
  input: z.custom<z.ZodType>((v) => typeof (v as { safeParse?: unknown } | null)?.safeParse === 'function', 'must be a zod schema'),
  fromText: fn,
  fromOptions: fn.optional(),
  run: fn,
  formats: z.record(z.string(), fn).optional(),
  managers: z.enum(['all', 'some']).optional(),
});

/** The folder the shipped commands live in. */
export const COMMANDS_DIR = fileURLToPath(new URL('../../commands', import.meta.url));

/**
 * Imports and validates every command module in a folder.
 * @param dir - folder of command modules; defaults to the shipped `commands/`
 * @returns commands by name
 * @throws NewsdeskError (code `internal`) naming the rejected file and the reason
 */
export async function loadCommands(dir: string = COMMANDS_DIR): Promise<Map<string, Command>> {
  const files = (await readdir(dir))
    .filter((f) => /\.(ts|js|mjs)$/.test(f) && !f.endsWith('.d.ts') && !f.startsWith('_'))
    .sort();
  const commands = new Map<string, Command>();
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default?: unknown };
    const parsed = commandShape.safeParse(mod.default);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') + ': ' : '';
      throw new NewsdeskError(`Command file ${file} rejected: ${where}${issue?.message ?? 'no default export'}`, 'internal');
    }
    const command = mod.default as Command;
    if (commands.has(command.name)) {
      throw new NewsdeskError(`Command file ${file} rejected: a command named "${command.name}" is already loaded`, 'internal');
    }
    commands.set(command.name, command);
  }
  return commands;
}
