/** `newsdesk digest` as a user or a script runs it: the real binary, spawned. */
import { describe, expect, it } from 'vitest';
import { runNewsdesk } from '../helpers/cli.js';

describe('newsdesk digest on the command line', () => {
  it('prints the articles published since --since as the JSON contract', async () => {
    const { code, stdout, stderr } = await runNewsdesk(['digest', '--since', '2021-06-01', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as { command: string; items: Array<{ text: string; source: number; section: string }>; sources: Array<{ id: number; published: string }> };
    expect(doc.command).toBe('digest');
    expect(doc.items).toHaveLength(4);
    for (const item of doc.items) {
      expect(item.section).toBe('New articles');
      expect(doc.sources.find((s) => s.id === item.source)!.published >= '2021-06-01').toBe(true);
    }
  });

  it('exits 2 with one usage line for what needs the running bot or a bad date', async () => {
    for (const args of [['digest', 'subscribe', 'gyumri'], ['digest', '--since', 'whenever']]) {
      const { code, stdout, stderr } = await runNewsdesk(args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    }
  });
});
