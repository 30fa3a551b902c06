// The AWS CLI v2 global options (they may appear anywhere on the line) and their checks.
import type { GlobalOptions } from './types.js';
import { usage } from './errors.js';

/** Global options that take a value. */
const WITH_VALUE = new Set([
  '--region', '--profile', '--output', '--query', '--max-items', '--starting-token', '--page-size',
  '--endpoint-url', '--cli-binary-format', '--color', '--ca-bundle', '--cli-read-timeout', '--cli-connect-timeout',
]);
/** Global flags (no value); the last four are accepted and have no effect here. */
const FLAGS = new Set(['--no-paginate', '--no-cli-pager', '--debug', '--no-verify-ssl', '--no-sign-request', '--cli-auto-prompt', '--no-cli-auto-prompt']);

export function isGlobalOption(word: string): boolean {
  const name = word.split('=')[0];
  return WITH_VALUE.has(name) || FLAGS.has(name);
}

function positiveInt(option: string, v: string): number {
  if (!/^\d+$/.test(v) || Number(v) < 1) throw usage(`argument ${option}: invalid int value: '${v}'`);
  return Number(v);
}

/** Take the global options out of argv; returns them and the remaining words. */
export function extractGlobals(argv: string[]): { globals: GlobalOptions; rest: string[]; notes: string[] } {
  const g: GlobalOptions = { paginate: true, binaryFormat: 'base64' };
  const rest: string[] = [];
  const notes: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    const eq = word.startsWith('--') ? word.indexOf('=') : -1;
    const name = eq > 0 ? word.slice(0, eq) : word;
    if (FLAGS.has(name) && eq < 0) {
      if (name === '--no-paginate') g.paginate = false;
      continue;
    }
    if (!WITH_VALUE.has(name)) {
      rest.push(word);
      continue;
    }
    let value: string;
    if (eq > 0) value = word.slice(eq + 1);
    else {
      if (i + 1 >= argv.length || (argv[i + 1].startsWith('--') && name !== '--query')) throw usage(`argument ${name}: expected one argument`);
      value = argv[++i];
    }
    switch (name) {
      case '--region':
        if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(value)) throw usage(`argument --region: '${value}' is not a Region name such as us-east-1`);
        g.region = value;
        break;
      case '--profile':
        g.profile = value;
        break;
      case '--output':
        if (value !== 'json' && value !== 'text' && value !== 'table')
          throw usage(`argument --output: Invalid choice '${value}', valid choices are: json | text | table`);
        g.output = value;
        break;
      case '--query':
        g.query = value;
        break;
      case '--max-items':
        g.maxItems = positiveInt(name, value);
        break;
      case '--page-size':
        g.pageSize = positiveInt(name, value);
        break;
      case '--starting-token':
        g.startingToken = value;
        break;
      case '--endpoint-url':
        g.endpointUrl = value;
        notes.push(`Note: --endpoint-url ${value} is ignored: kms-study aws always calls the simulated services.`);
        break;
      case '--cli-binary-format':
        if (value !== 'base64' && value !== 'raw-in-base64-out')
          throw usage(`argument --cli-binary-format: Invalid choice '${value}', valid choices are: base64 | raw-in-base64-out`);
        g.binaryFormat = value;
        break;
      default:
        break; // accepted, no effect
    }
  }
  return { globals: g, rest, notes };
}
