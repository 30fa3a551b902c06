// Start-up fast paths: `kms-study lab` / `lab list` and `kms-study stats`, with --json and --no-color, are run
// without building the commander program (commander and every command's declarations are most of what those
// commands would load). Anything else, --help and every other flag included, goes the full way (main.ts). The
// fast path calls the same functions as the commands' actions with the same context, so output, exit codes and
// error reports are those of the full CLI (test/cli/fast-paths.test.ts runs both and compares). Each fast command
// is a module of its own (fast-lab.ts, fast-stats.ts), which the build bundles into one file each.
import type { ProgramContext } from './context.js';
import type { FastCommand } from './fast-command.js';
import { ExitCode, type CliDeps } from './io.js';

/** Thrown when the fast path cannot finish what it started: the full CLI takes over, nothing has been printed. */
export class NeedsFullCli extends Error {}

/**
 * Runs `body` as the full CLI runs a command action: errors reported on stderr with the CLI's exit codes. Undefined
 * when the body threw NeedsFullCli.
 */
export async function runFastBody(fast: FastCommand, deps: CliDeps, body: (ctx: ProgramContext) => Promise<number | undefined>): Promise<number | undefined> {
  const exit = new ExitCode();
  const ctx: ProgramContext = { deps, exit, debug: () => false, color: () => fast.color };
  try {
    const code = await body(ctx);
    return code === undefined ? undefined : code || exit.code;
  } catch (e) {
    if (e instanceof NeedsFullCli) return undefined;
    const { reportError } = await import('./report-error.js');
    return reportError(e, { stderr: deps.stderr, env: deps.env, debug: false });
  }
}
