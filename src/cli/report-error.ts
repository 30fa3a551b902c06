// The one path from a thrown error to what the user sees: every command (and the `aws` start-up fast path)
// ends here. One line on stderr, no stack trace unless --debug (or KMS_STUDY_DEBUG), and a code from EXIT.
import { escapeControls } from '../text/terminal.js';
import { CommanderError } from 'commander';
import { CliUsageError } from '../awscli/errors.js';
import { ContentError, DataError, UsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { ServiceException } from '../aws/errors.js';
import type { CliDeps } from './io.js';

/** Where the report goes and whether the stack trace is wanted. */
export interface ReportTarget {
  stderr: Pick<CliDeps['stderr'], 'write'>;
  env: CliDeps['env'];
  /** --debug was given. */
  debug: boolean;
}

const COMMANDER_OK = new Set(['commander.helpDisplayed', 'commander.version', 'commander.help']);

/**
 * Print the error as one line and return the exit code:
 * - commander's own errors (bad option, unknown command): commander printed them; EXIT.USAGE (help: EXIT.OK)
 * - UsageError / DataError: `kms-study: <message>`, the code they carry
 * - ContentError (a content file): `kms-study: file:line:column: what`, EXIT.CONTENT
 * - a service error that escaped the `aws` runner: `kms-study: <Code>: <message>`, EXIT.AWS_SERVICE
 * - an `aws` command-line error that escaped it: its own AWS CLI line and code (252 / 253)
 * - anything else is a bug: the message, then "report it as a bug" (or the stack with --debug), EXIT.INTERNAL.
 * Errors of the machine itself (EACCES, ENOSPC, EADDRINUSE...) land in the last case for now; EXIT.ENVIRONMENT
 * is reserved for them, and a rule placed before the last one is where they will be recognised.
 */
export function reportError(err: unknown, to: ReportTarget): number {
  // Error lines echo input (file names, values, YAML content): control characters are escaped.
  const say = (line: string) => to.stderr.write(`${escapeControls(line)}\n`);
  if (err instanceof CommanderError) {
    // commander has already printed its message (or the help and version text).
    if (COMMANDER_OK.has(err.code)) return EXIT.OK;
    return err.exitCode === EXIT.OK ? EXIT.OK : EXIT.USAGE;
  }
  if (err instanceof UsageError || err instanceof DataError) {
    say(`kms-study: ${err.message}`);
    return err.exitCode;
  }
  if (err instanceof ContentError) {
    say(`kms-study: ${err.message}`);
    return EXIT.CONTENT;
  }
  if (err instanceof ServiceException) {
    say(`kms-study: ${err.code}: ${err.message}`);
    return EXIT.AWS_SERVICE;
  }
  if (err instanceof CliUsageError) {
    say(err.message);
    return err.exitCode;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  say(`kms-study: unexpected error: ${e.message}`);
  if (to.debug || to.env.KMS_STUDY_DEBUG) say(e.stack ?? '');
  else say('kms-study: run again with --debug to see the stack trace, and report it as a bug.');
  return EXIT.INTERNAL;
}
