/** The file `npm run build` touches (with the time the build started) once dist/ is complete. */
export declare const STAMP: string;
/** The folders compiled into dist/ (tsconfig.build.json `include`). */
export declare const SOURCE_DIRS: readonly string[];
/** What {@link buildStatus} found. */
export interface BuildStatus {
  state: 'current' | 'missing' | 'stale';
  /** For `stale`: the source (or folder) that changed after the build started, relative to the root. */
  changed?: string;
}
/** Whether the compiled code in `root`/dist matches the TypeScript sources beside it. */
export declare function buildStatus(root: string): BuildStatus;
