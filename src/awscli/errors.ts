// A bad `aws ...` command line, reported as AWS CLI v2 does: one line on stderr and exit code 252.
import { EXIT } from '../exit-codes.js';

export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
  readonly exitCode: number = EXIT.AWS_USAGE;
  constructor(message: string) {
    super(message);
  }
}

/** A configuration problem such as an unknown --profile: exit 253 as in AWS CLI v2's return codes. */
export class CliConfigError extends CliUsageError {
  override readonly exitCode: number = EXIT.AWS_CONFIG;
}

/** The usual v2 prefix: `aws: error: <what>`. */
export function usage(what: string): CliUsageError {
  return new CliUsageError(`aws: error: ${what}`);
}
