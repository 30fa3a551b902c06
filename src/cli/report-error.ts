// The one path from a thrown error to what the user sees: every command (and the `aws` start-up fast path)
// ends here. One line on stderr, no stack trace unless --debug (or KMS_STUDY_DEBUG), and a code from EXIT.
import { escapeControls } from '../text/terminal.js';
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
 * commander's errors (CommanderError and its InvalidArgumentError) by their shape, a `commander.*` code and an exit
 * code, rather than by class: importing commander here would load it on paths that never parse with it (`aws ...`).
 */
export function isCommanderError(err: unknown): err is Error & { code: string; exitCode: number } {
  if (!(err instanceof Error)) return false;
  const { code, exitCode } = err as { code?: unknown; exitCode?: unknown };
  return typeof code === 'string' && code.startsWith('commander.') && typeof exitCode === 'number';
}

/**
 * Print the error as one line and return the exit code:
 * - commander's own errors (bad option, unknown command): commander printed them; EXIT.USAGE (help: EXIT.OK)
 * - UsageError / DataError: `kms-study: <message>`, the code they carry
 * - ContentError (a content file): `kms-study: file:line:column: what`, EXIT.CONTENT
 * - a service error that escaped the `aws` runner: `kms-study: <Code>: <message>`, EXIT.AWS_SERVICE
 * - an `aws` command-line error that escaped it: its own AWS CLI line and code (252 / 253)
 * - an error of the learner's machine (EACCES, ENOSPC, EADDRINUSE...): `kms-study: cannot write PATH: cause (CODE)`
 *   or `kms-study: port N is already in use (EADDRINUSE)...`, EXIT.ENVIRONMENT, never called a bug
 * - anything else is a bug: the message, then "report it as a bug" (or the stack with --debug), EXIT.INTERNAL.
 */
export function reportError(err: unknown, to: ReportTarget): number {
  // Error lines echo input (file names, values, YAML content): control characters are escaped.
  const say = (line: string) => to.stderr.write(`${escapeControls(line)}\n`);
  if (isCommanderError(err)) {
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
  const env = environmentLine(err);
  if (env !== undefined) {
    say(`kms-study: ${env}`);
    if (to.debug || to.env.KMS_STUDY_DEBUG) say((err as { stack?: string }).stack ?? '');
    return EXIT.ENVIRONMENT;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  say(`kms-study: unexpected error: ${e.message}`);
  if (to.debug || to.env.KMS_STUDY_DEBUG) say(e.stack ?? '');
  else say('kms-study: run again with --debug to see the stack trace, and report it as a bug.');
  return EXIT.INTERNAL;
}

/** The system errors that are news about the learner's machine, with their cause in plain words. */
const CAUSES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
  ENOENT: 'no such file or directory',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EADDRINUSE: 'already in use',
  EADDRNOTAVAIL: 'not an address of this machine',
};

/** What was being done, by Node's syscall name. */
const DOING: Record<string, string> = {
  open: 'open',
  read: 'read',
  write: 'write',
  mkdir: 'create the directory',
  rename: 'write',
  copyfile: 'write',
  unlink: 'remove',
  rmdir: 'remove',
  rm: 'remove',
  scandir: 'read the directory',
  opendir: 'read the directory',
  stat: 'read',
  lstat: 'read',
  access: 'access',
  chmod: 'change the mode of',
  fsync: 'write',
  mkdtemp: 'create a directory in',
  readlink: 'read',
};

interface SystemError {
  code: string;
  syscall?: string;
  path?: string;
  dest?: string;
  port?: number;
  address?: string;
}

/** The one line for a Node system error of the machine (no "kms-study: " prefix), or undefined for anything else. */
export function environmentLine(err: unknown): string | undefined {
  // Not `instanceof Error`: an error made in another realm (a VM context, a worker) is still one.
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as Partial<SystemError>;
  if (typeof e.code !== 'string' || !(e.code in CAUSES)) return undefined;
  const cause = CAUSES[e.code];
  if (e.code === 'EADDRINUSE' || e.code === 'EADDRNOTAVAIL' || e.syscall === 'listen' || e.syscall === 'bind') {
    if (e.code === 'EADDRINUSE') return `${e.port === undefined ? 'the port' : `port ${e.port}`} is already in use (EADDRINUSE); choose another with --port`;
    if (e.code === 'EADDRNOTAVAIL') return `cannot listen on ${e.address ?? '?'}: ${cause} (EADDRNOTAVAIL); choose another with --host`;
    return `cannot listen on ${e.address ?? '?'} port ${e.port ?? '?'}: ${cause} (${e.code}); choose another with --port`;
  }
  const doing = DOING[e.syscall ?? ''] ?? 'use';
  // A rename's failing side is most often the destination's directory; name the destination when Node gives one.
  const path = e.dest ?? e.path;
  if (path === undefined) {
    // EMFILE / ENFILE and the like can come without a path: still the machine's news.
    if (e.code === 'EMFILE' || e.code === 'ENFILE' || e.code === 'ENOSPC' || e.code === 'EDQUOT') return `${cause} (${e.code})`;
    return undefined;
  }
  return `cannot ${doing} ${path}: ${cause} (${e.code})`;
}
