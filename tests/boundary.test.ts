import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|js|mjs)$/.test(name) ? [full] : [];
  });
}

/** Module specifiers a file imports (static, dynamic and re-exports). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)) {
    specs.push((m[1] ?? m[2] ?? m[3])!);
  }
  return specs;
}

const platformPackage = /^(discord\.js|@discordjs\/|@slack\/)/;

describe('architecture boundaries', () => {
  const core = [...sourceFiles(path.join(root, 'src')), ...sourceFiles(path.join(root, 'commands'))].filter(
    (f) => !f.includes(`${path.sep}src${path.sep}adapters${path.sep}`),
  );

  it('finds the core and the commands to check', () => {
    expect(core.some((f) => f.endsWith(path.join('commands', 'search.ts')))).toBe(true);
    expect(core.some((f) => f.endsWith(path.join('src', 'app', 'runtime.ts')))).toBe(true);
  });

  it('the import scanner sees static, dynamic and side-effect imports', () => {
    const sample = path.join(root, 'tests', 'boundary.test.ts');
    expect(importsOf(sample)).toEqual(expect.arrayContaining(['node:fs', 'node:path', 'vitest']));
  });

  it('keeps discord.js and @slack/* out of the core and commands/', () => {
    const offenders = core.flatMap((f) =>
      importsOf(f)
        .filter((s) => platformPackage.test(s) || /adapters\//.test(s))
        .map((s) => `${path.relative(root, f)} imports ${s}`),
    );
    // main.ts wires the adapters in, by design: it is the process entry, not the core.
    expect(offenders.filter((o) => !o.startsWith(path.join('src', 'app', 'main.ts')))).toEqual([]);
  });

  it('keeps the two adapters independent of each other', () => {
    const adapters = path.join(root, 'src', 'adapters');
    for (const [own, other] of [
      ['slack', /adapters\/discord|discord\.js|@discordjs\//],
      ['discord', /adapters\/slack|@slack\//],
    ] as const) {
      let files: string[] = [];
      try {
        files = sourceFiles(path.join(adapters, own));
      } catch {
        continue;
      }
      const bad = files.flatMap((f) => importsOf(f).filter((s) => other.test(s) || /\.\.\/(slack|discord)\//.test(s)));
      expect(bad, own).toEqual([]);
    }
  });

  /** Layer (first folder under src/, or "commands") of every relative import of the files in `dir`. */
  function layersImportedBy(dir: string): string[] {
    return sourceFiles(dir).flatMap((f) =>
      importsOf(f)
        .filter((s) => s.startsWith('.'))
        .map((s) => {
          const target = path.relative(root, path.resolve(path.dirname(f), s)).split(path.sep);
          const layer = target[0] === 'src' ? (target.length > 2 ? target[1]! : `src/${target[1]}`) : target[0]!;
          return `${path.relative(root, f)} → ${layer}`;
        }),
    );
  }

  it('has one folder per layer and no module left loose in src/', () => {
    const loose = readdirSync(path.join(root, 'src')).filter((name) => /\.(ts|js)$/.test(name));
    expect(loose).toEqual([]);
    for (const layer of ['core', 'answer', 'library', 'search', 'render', 'app']) {
      expect(statSync(path.join(root, 'src', layer)).isDirectory(), layer).toBe(true);
    }
  });

  it('core imports nothing of newsdesk but core', () => {
    expect(layersImportedBy(path.join(root, 'src', 'core')).filter((l) => !l.endsWith('→ core'))).toEqual([]);
  });

  it('core, answer, search, claims, dates, ingest, library and render never import app, commands or a platform', () => {
    for (const layer of ['core', 'answer', 'search', 'claims', 'dates', 'ingest', 'library', 'render', 'topics', 'timeline']) {
      const bad = layersImportedBy(path.join(root, 'src', layer)).filter((l) => /→ (app|commands|adapters)$/.test(l));
      expect(bad, layer).toEqual([]);
      const platform = sourceFiles(path.join(root, 'src', layer)).flatMap((f) => importsOf(f).filter((s) => platformPackage.test(s)));
      expect(platform, layer).toEqual([]);
    }
  });

  it('commands reach the process only through their context: they never import app/', () => {
    expect(layersImportedBy(path.join(root, 'commands')).filter((l) => /→ (app|adapters)$/.test(l))).toEqual([]);
  });

  it('commands use services through their typed ports in core, never the digest service class or the state store', () => {
    const bad = sourceFiles(path.join(root, 'commands')).flatMap((f) =>
      importsOf(f)
        .filter((s) => /\/src\/(digest\/service|store\/)/.test(s))
        .map((s) => `${path.relative(root, f)} imports ${s}`),
    );
    expect(bad).toEqual([]);
  });
});
