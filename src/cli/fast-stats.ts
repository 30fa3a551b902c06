// `kms-study stats [--json]` on the start-up fast path (fast-paths.ts).
import type { FastCommand } from './fast-command.js';
import { runFastBody } from './fast-paths.js';
import type { CliDeps } from './io.js';
import { showStats } from './stats-show.js';

export function runFastStats(fast: FastCommand, deps: CliDeps): Promise<number | undefined> {
  return runFastBody(fast, deps, async (ctx) => {
    await showStats({ json: fast.json }, ctx);
    return 0;
  });
}
