// The quiz's Style (ok / bad / dim / bold / warn) on top of chalk, honouring NO_COLOR, --no-color and non-TTY.
import type { ChalkInstance } from 'chalk';
import type { Style } from '../../quiz/ports.js';

export function styleFrom(c: ChalkInstance): Style {
  return { ok: (s) => c.green(s), bad: (s) => c.red(s), dim: (s) => c.dim(s), bold: (s) => c.bold(s), warn: (s) => c.yellow(s) };
}
