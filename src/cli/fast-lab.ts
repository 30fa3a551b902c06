// The lab list on the start-up fast path (fast-paths.ts): from the lab index only; a lab file the index does not
// describe (edited, added) needs the lab parser, which this path does not load, so the full CLI lists them then.
import type { FastCommand } from './fast-command.js';
import { NeedsFullCli, runFastBody } from './fast-paths.js';
import type { CliDeps } from './io.js';
import { labList } from './lab-list.js';

/** `kms-study lab [list] [--json]`; undefined when the full CLI must run it (a lab named "list", a stale index). */
export function runFastLab(fast: FastCommand, deps: CliDeps): Promise<number | undefined> {
  return runFastBody(fast, deps, (ctx) => labList(fast.list ? 'list' : undefined, { json: fast.json }, ctx, () => Promise.reject(new NeedsFullCli())));
}
