// Every exit code kms-study returns, by name. The `aws` commands follow AWS CLI v2's return codes
// (https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-returncodes.html); the others follow sysexits.h.
// This file imports nothing, so every folder may use it.

export const EXIT = {
  /** The command did what was asked. */
  OK: 0,
  /** The command ran but did not succeed: a lab not complete, a bank with problems, input ended early. */
  FAILURE: 1,
  /** A bad kms-study command line (unknown option, bad value, a missing confirmation). */
  USAGE: 2,
  /** A content file (question bank, lab, note) is malformed (sysexits EX_DATAERR). */
  CONTENT: 65,
  /** An unexpected error: a bug in kms-study (sysexits EX_SOFTWARE). */
  INTERNAL: 70,
  /**
   * The learner's machine refused: a path not writable or missing or of the wrong type (EACCES, EPERM, EROFS,
   * ENOTDIR, EISDIR, ENOENT), a full disk (ENOSPC, EDQUOT), too many open files (EMFILE), a port in use or an
   * address not of this machine (EADDRINUSE, EADDRNOTAVAIL). One line names the path or port (sysexits EX_IOERR).
   */
  ENVIRONMENT: 74,
  /**
   * Stopped by Ctrl-C (128 + SIGINT), answers so far kept. A quiz ended by SIGTERM or SIGHUP exits with this
   * code too (not 143 / 129): it stopped cleanly, its session recorded, exactly as after Ctrl-C.
   */
  INTERRUPTED: 130,
  /** AWS CLI v2: the command line could not be parsed (unknown option, bad parameter value). */
  AWS_USAGE: 252,
  /** AWS CLI v2: the configuration is wrong (for example an unknown --profile). */
  AWS_CONFIG: 253,
  /** AWS CLI v2: the service returned an error for the request. */
  AWS_SERVICE: 254,
} as const;

export type ExitCodeName = keyof typeof EXIT;
export type ExitCodeValue = (typeof EXIT)[ExitCodeName];
