// Print a response as AWS CLI v2 does for --output json|text|table, after --query (JMESPath), and the
// service-error line on stderr.
import { compile, search } from '../../text/jmespath-lazy.js';
import type { ParsedCommand } from '../types.js';
import { usage } from '../errors.js';
import { normalize, type Json } from './normalize.js';
import { formatText } from './text.js';
import { formatTable } from './table.js';
import { decodePolicyDocuments } from './policy-documents.js';

// The AWS CLI (Python jmespath) still accepts backtick literals that are not JSON, e.g. `alias/app`.
const OPTIONS = { enable_legacy_literals: true };

/** Check a --query expression; throws a usage error (exit 252) when it does not parse. */
export function checkQuery(expression: string): void {
  try {
    compile(expression, OPTIONS);
  } catch (e) {
    throw usage(`Bad value for --query ${expression}: ${(e as Error).message}`);
  }
}

export function applyQuery(data: Json, expression: string | undefined): Json {
  if (expression === undefined) return data;
  checkQuery(expression);
  return search(data as never, expression, OPTIONS) as Json;
}

export function formatOutput(response: unknown, cmd: ParsedCommand): string {
  const data = normalize(decodePolicyDocuments(cmd.service, response ?? {}));
  const result = applyQuery(data, cmd.globals.query);
  const output = cmd.globals.output ?? 'json';
  if (output === 'text') return result === null || (typeof result === 'object' && !Array.isArray(result) && !Object.keys(result).length) ? (result === null && cmd.globals.query ? 'None\n' : '') : formatText(result);
  if (output === 'table') return formatTable(cmd.operation, result);
  if (result !== null && typeof result === 'object' && !Array.isArray(result) && Object.keys(result).length === 0) return '';
  return `${JSON.stringify(result, null, 4)}\n`;
}

/** v2's service-error report (stderr): a blank line, then the error line. */
export function formatServiceError(code: string, message: string, operation: string): string {
  return `\nAn error occurred (${code}) when calling the ${operation} operation: ${message}\n`;
}
