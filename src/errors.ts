// The project's non-AWS error types. ServiceException (src/aws/errors.ts) carries AWS service errors;
// ContentError is a problem in a YAML file; UsageError is a bad command line. Anything else is a bug.
import { EXIT } from './exit-codes.js';

/** A problem in a content file (question bank, lab, note), with the place it was found. */
export class ContentError extends Error {
  override readonly name = 'ContentError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly what: string,
  ) {
    super(`${file}:${line}:${column}: ${what}`);
  }
}

/** A bad command line or bad user input. `exitCode` follows the command's conventions (EXIT.USAGE by default). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly exitCode: number = EXIT.USAGE,
  ) {
    super(message);
  }
}

/** A problem with the user's local data (a corrupt or unreadable file) that was handled and must be reported. */
export class DataError extends Error {
  override readonly name = 'DataError';
  constructor(
    message: string,
    readonly exitCode: number = EXIT.FAILURE,
  ) {
    super(message);
  }
}
