// One chalk instance per run: colour only on a terminal, never with NO_COLOR, --no-color or FORCE_COLOR=0.
import { Chalk, type ChalkInstance } from 'chalk';
import type { CliDeps } from './io.js';

export function chalkFor(deps: Pick<CliDeps, 'env'> & { stdout: { isTTY: boolean } }, noColorFlag = false): ChalkInstance {
  const env = deps.env;
  const off = noColorFlag || env.NO_COLOR !== undefined || env.FORCE_COLOR === '0' || !deps.stdout.isTTY;
  return new Chalk({ level: off ? 0 : env.FORCE_COLOR === '3' || env.COLORTERM === 'truecolor' ? 3 : 2 });
}
