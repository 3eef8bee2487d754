/**
 * What an incremental start leaves until the library already answers: keeping the new state for
 * the next start, and, when the changes are many, the one exact index a cold start would build.
 * All of it runs in turns of the event loop, so a connected bot keeps answering meanwhile.
 *
 * - Few changes: the delta (the changed files' articles and what else differs from the snapshot)
 *   is written beside the snapshot, so the next start reads it instead of the files again.
 * - Many: every live article is indexed into one segment (passages of unchanged articles copied,
 *   not tokenised), which replaces the snapshot's segment and the delta at once (answers are then
 *   exactly a cold start's), and is written as the new snapshot; the delta file is removed.
 *
 * A live change applied meanwhile (the corpus watcher) makes the prepared state stale: it is then
 * dropped rather than written, and the next start reads the changed files again.
 */
import { rmSync } from 'node:fs';
import type { Logger } from '../core/ports.js';
import { buildSegmentSteps } from '../search/segment.js';
import { runStepsInTurns, type Steps } from '../core/take-turns.js';
import type { CorpusKey } from './corpus-key.js';
import { deltaPath, writeDeltaSteps, type IncrementalStart } from './incremental.js';
import type { SegmentedLibrary } from './indexed-library.js';
import { writeSnapshotSteps } from './snapshot-write.js';

/** Thrown into a write whose library changed under it. */
class StaleState extends Error {}

/** Runs `steps` while the library stays at `changes`; otherwise stops them (their own clean-up runs) and throws StaleState. */
function* whileUnchanged<T>(steps: Steps<T>, library: SegmentedLibrary, changes: number): Steps<T> {
  for (;;) {
    const next = library.changes === changes ? steps.next() : steps.throw(new StaleState('the library changed meanwhile'));
    if (next.done) return next.value;
    yield;
  }
}

/** What {@link finishIncrementalStart} works on. */
export interface AfterStartOptions {
  start: IncrementalStart;
  /** Build the exact index and rewrite the snapshot (true), or keep a delta beside it (false). */
  merge: boolean;
  snapshotFile: string;
  current: CorpusKey;
  /** Salt of the key, recorded with the file list. */
  salt: string;
  /** DATA_DIR may be written. */
  write: boolean;
  turnMs: number;
  logger: Logger;
  /** Saves the corpus file manifest (after the rest: losing it only costs hashing). */
  saveManifest: () => void;
}

/**
 * Persists what an incremental start found, after it (see the module comment); never rejects.
 * @returns what it did: `merged` (exact index, snapshot rewritten), `delta` (delta written), or `stale`/`failed`/`none`
 */
export async function finishIncrementalStart(o: AfterStartOptions): Promise<'merged' | 'delta' | 'stale' | 'failed' | 'none'> {
  const { start, current, logger } = o;
  const library = start.library;
  const at = library.changes;
  const deltaFile = deltaPath(o.snapshotFile);
  // The caller hands the library out first.
  await new Promise((resolve) => setImmediate(resolve));
  try {
    let done: 'merged' | 'delta' | 'none' = 'none';
    if (o.merge) {
      const segment = await runStepsInTurns(whileUnchanged(buildSegmentSteps(start.corpusOrder(), library.mainSegment), library, at), o.turnMs);
      library.replaceIndex(segment, current.key);
      done = 'merged';
      if (o.write) {
        const source = { salt: o.salt, files: current.files, entries: current.entries };
        await runStepsInTurns(whileUnchanged(writeSnapshotSteps(o.snapshotFile, segment, current.key, current.key, start.warnings, source), library, at), o.turnMs);
        rmSync(deltaFile, { force: true });
      }
    } else if (o.write && start.delta) {
      if (start.delta.files.length || start.delta.removed.length) {
        await runStepsInTurns(whileUnchanged(writeDeltaSteps(deltaFile, start.delta, current.key, library.version, o.salt), library, at), o.turnMs);
        done = 'delta';
      } else rmSync(deltaFile, { force: true });
    }
    if (o.write) o.saveManifest();
    logger.debug({ done, file: o.snapshotFile }, 'incremental start: state kept for the next start');
    return done;
  } catch (err) {
    if (err instanceof StaleState) {
      logger.debug({ file: o.snapshotFile }, 'live changes arrived while the restart state was being kept; the next start reads them again');
      return 'stale';
    }
    logger.warn({ file: o.snapshotFile, reason: (err as Error).message }, 'could not keep the changed files for the next start; it reads them again');
    return 'failed';
  }
}
