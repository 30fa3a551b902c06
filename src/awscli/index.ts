// The AWS CLI v2 language over the simulator: parse `aws <service> <operation> ...` lines into AWS API
// requests and print responses and errors as the real CLI does. Pure: file reads come through `io`.
export { CliUsageError, CliConfigError } from './errors.js';
export type { ParsedCommand, GlobalOptions, ParseIo, Service } from './types.js';
export { splitCommandLine } from './split.js';
export { parseAwsArgs } from './parse.js';
export { formatOutput, formatServiceError, applyQuery, checkQuery } from './format/index.js';
export { normalize, isoTimestamp } from './format/normalize.js';
export { operationHelp } from './help.js';
export { encodeBase64, decodeBase64 } from './b64.js';
export { SERVICES, findOperation, kebab } from './model/index.js';
