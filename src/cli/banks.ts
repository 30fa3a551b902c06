// Where the question banks of a run live: with --bank, exactly those; otherwise the packaged questions/
// plus the `bankDirs` of the progress config. Shared by the quiz and stats commands.
import { join, resolve } from 'node:path';
import type { CliDeps } from './io.js';

/** The bank paths for this run; relative paths are taken from the current directory. */
export function bankPathsFor(deps: Pick<CliDeps, 'cwd' | 'packageRoot'>, configDirs: string[], explicit: string[] = []): string[] {
  if (explicit.length) return explicit.map((b) => resolve(deps.cwd, b));
  return [join(deps.packageRoot, 'questions'), ...configDirs.map((d) => resolve(deps.cwd, d))];
}
