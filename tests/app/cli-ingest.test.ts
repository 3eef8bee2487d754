/** `newsdesk ingest --watch`: the switch reaches the ingest role instead of being refused as an unknown flag. */
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/app/cli.js';

describe('newsdesk ingest', () => {
  it('takes --watch', () => {
    expect(parseArgs(['ingest', '--watch'])).toMatchObject({ command: 'ingest', words: ['--watch'] });
    expect(parseArgs(['ingest'])).toMatchObject({ command: 'ingest', words: [] });
  });

  it('still refuses a flag it does not know', () => {
    expect(() => parseArgs(['ingest', '--wach'])).toThrow();
  });
});
