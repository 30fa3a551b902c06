// One `kms-study aws ...` call against the persistent sandbox. Used by the commander command and by the
// start-up fast path in bin.ts, which skips loading the rest of the CLI for `aws` lines.
import type { CliDeps } from './io.js';
import { escapeControls } from '../text/terminal.js';

export async function runAwsCommand(argv: string[], deps: CliDeps): Promise<number> {
  const { openSandbox } = await import('../storage/sandbox.js');
  const { paramFileReader } = await import('./param-file.js');
  const { runAws } = await import('../awscli/run.js');
  // The sandbox is locked from reading its state to writing it back: parallel commands never lose changes.
  const sandbox = openSandbox(deps);
  let result;
  try {
    for (const w of sandbox.warnings) deps.stderr.write(`${w}\n`);
    result = await runAws(sandbox.world, argv.length ? argv : ['help'], (g) => sandbox.callerFor(g.profile, g.region), {
      cwd: deps.cwd,
      readFile: paramFileReader(deps.env, deps.cwd),
    });
    for (const w of sandbox.history.warnings) deps.stderr.write(`${w}\n`);
    if (result.exitCode === 0 || result.exitCode === 254) {
      // Calls CloudTrail records as read-only (Describe, List, Encrypt...) change no state: only their events are kept.
      const events = sandbox.history.events;
      const eventsOnly = events.length > 0 && events.every((e) => e.readOnly);
      try {
        sandbox.save({ eventsOnly });
      } catch (e) {
        // A read-only call still answers when only its CloudTrail event cannot be written (a full disk).
        if (!eventsOnly || !(e instanceof Error) || e.name !== 'DataError') throw e;
        deps.stderr.write(`kms-study: warning: ${e.message}; the call's CloudTrail event was not recorded\n`);
      }
    }
  } finally {
    sandbox.close();
  }
  // Key ids, descriptions and tag values can carry control characters: never write them raw.
  deps.stdout.write(escapeControls(result.stdout));
  deps.stderr.write(escapeControls(result.stderr));
  return result.exitCode;
}
