// One `kms-study aws ...` call against the persistent sandbox. Used by the commander command and by the
// start-up fast path in bin.ts, which skips loading the rest of the CLI for `aws` lines.
import type { CliDeps } from './io.js';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { escapeControls } from '../text/terminal.js';
// Static imports: every aws line needs all three, and a standalone bundle (dist/cli/aws.js) then runs their code as
// plain top-level code instead of through lazy-initialisation wrappers.
import { openSandbox } from '../storage/sandbox.js';
import { paramFileReader } from './param-file.js';
import { runAws } from '../awscli/run.js';

/** Services whose every state change is recorded as a CloudTrail event that is not read-only. */
const EVENTS_ONLY_SERVICES = new Set(['kms', 'iam', 'sts']);

export async function runAwsCommand(argv: string[], deps: CliDeps): Promise<number> {
  // The sandbox is opened (and locked) at the first call, after the command line and its file:// parameters
  // were read, and stays locked until its state is written back: parallel commands never lose changes, and
  // a parameter read from a slow pipe never holds the lock. Help and skeletons never open it.
  let sandbox: ReturnType<typeof openSandbox> | undefined;
  const open = () => {
    if (!sandbox) {
      sandbox = openSandbox(deps);
      for (const w of sandbox.warnings) deps.stderr.write(`${w}\n`);
    }
    return sandbox;
  };
  let result;
  try {
    result = await runAws({ call: (service, operation, request, caller) => open().world.call(service, operation, request, caller) }, argv.length ? argv : ['help'], (g) => open().callerFor(g.profile, g.region), {
      cwd: deps.cwd,
      readFile: paramFileReader(deps.env, deps.cwd),
      writeFile: (path, bytes) => writeFileSync(resolve(deps.cwd, path), bytes),
    });
    const sb = sandbox;
    if (sb) for (const w of sb.history.warnings) deps.stderr.write(`${w}\n`);
    // 1: an `aws s3` transfer failed; its KMS events (a refused Decrypt) are kept like a service error's.
    if (sb && (result.exitCode === 0 || result.exitCode === 254 || result.exitCode === 1)) {
      // KMS, IAM, STS and CloudTrail calls that CloudTrail records as read-only (Describe, List, Encrypt...) change no
      // state: only their events are kept. Other services change state in calls CloudTrail does not record, or
      // records as read-only (an S3 upload's GenerateDataKey): their state is saved whole (written only if it changed).
      const events = sb.history.events;
      const eventsOnly = EVENTS_ONLY_SERVICES.has(argv[0] ?? '') && events.length > 0 && events.every((e) => e.readOnly);
      try {
        sb.save({ eventsOnly });
      } catch (e) {
        // A read-only call still answers when only its CloudTrail event cannot be written (a full disk).
        if (!eventsOnly || !(e instanceof Error) || e.name !== 'DataError') throw e;
        deps.stderr.write(`kms-study: warning: ${e.message}; the call's CloudTrail event was not recorded\n`);
      }
    }
  } finally {
    sandbox?.close();
  }
  // Key ids, descriptions and tag values can carry control characters: never write them raw.
  deps.stdout.write(escapeControls(result.stdout));
  deps.stderr.write(escapeControls(result.stderr));
  return result.exitCode;
}

/**
 * `kms-study aws ...` as the executable's start-up fast path runs it: errors are reported exactly as the full CLI
 * reports them. Reported here, not by the caller, so the error classes checked are those of the code that threw
 * them (the fast path loads this module as a bundle of its own).
 */
export async function runAwsReported(argv: string[], deps: CliDeps): Promise<number> {
  try {
    return await runAwsCommand(argv, deps);
  } catch (e) {
    const { reportError } = await import('./report-error.js');
    return reportError(e, { stderr: deps.stderr, env: deps.env, debug: false });
  }
}
