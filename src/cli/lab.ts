// The lab command's work: list, run a script or piped lines, solve, or hand over to the interactive shell.
// The running itself is the labs use case (labs/open.ts, labs/session.ts); this file supplies its ports.
import { join, resolve } from 'node:path';
import { paramFileReader } from './param-file.js';
import { escapeControls } from '../text/terminal.js';
import { FileTooLargeError, NotAFileError, readRegularFile } from '../storage/regular-file.js';
import { createInterface } from 'node:readline';
import { UsageError } from '../errors.js';
import { findLab, openLabRun } from '../labs/open.js';
import type { LabRun } from '../labs/runner.js';
import { LabSession, type LabStyle } from '../labs/session.js';
import type { Lab } from '../labs/types.js';
import { loadLabs, labSavePath, readLabSave, writeLabSave } from '../storage/lab-session.js';
import { dataDir } from '../storage/paths.js';
import type { ProgramContext } from './context.js';
import { chalkFor } from './style.js';
import { EXIT } from '../exit-codes.js';

export interface LabOptions {
  script?: string;
  solve?: boolean;
  restart?: boolean;
  seed?: string;
  variant?: string;
  json?: boolean;
  check?: string[];
}

/** A lab script is a few hundred lines: 1 MiB is plenty, and /dev/zero must not fill memory. */
const SCRIPT_MAX_BYTES = 1024 * 1024;

export async function labCommand(id: string | undefined, opts: LabOptions, ctx: ProgramContext): Promise<number> {
  const { deps } = ctx;
  const { labs, errors, warnings } = loadLabs(join(deps.packageRoot, 'labs'));
  for (const w of warnings) deps.stderr.write(`${escapeControls(w)}\n`);
  // A broken lab file blocks only itself: the others stay usable, and the problem is reported.
  const own = id ? errors.find((e) => e.file.replace(/^.*[\\/]/, '') === `${id}.yaml`) : undefined;
  if (own) throw own;
  const broken = [...new Set(errors.map((e) => e.file))];
  for (const f of broken) deps.stderr.write(`kms-study: skipping lab file ${escapeControls(errors.find((e) => e.file === f)!.message)}\n`);
  // `kms-study lab list` is what people type for the list (unless a lab is really called "list").
  if (!id || (id === 'list' && !labs.some((l) => l.id === 'list'))) {
    const { listLabs } = await import('./lab-list.js');
    const { summaryOf } = await import('./lab-index.js');
    return listLabs(labs.map(summaryOf), opts, ctx);
  }
  const lab = findLab(labs, id, opts.variant);
  const path = labSavePath(deps.env, lab.id);
  const io = { wallNow: () => deps.now(), readFile: paramFileReader(deps.env, deps.cwd) };
  const { run, fresh } = await openLabRun(lab, opts, {
    readSave: () => readLabSave(path, deps.now()),
    savePath: path,
    warn: (w) => deps.stderr.write(`kms-study: ${w}\n`),
    newSeed: () => Buffer.from(deps.randomBytes(4)).toString('hex'),
    io,
  });
  const session = cliLabSession(lab, run, path, fresh, ctx);
  const finished = (complete: boolean) => (complete ? EXIT.OK : EXIT.FAILURE);
  if (opts.solve) {
    const lines = lab.steps.flatMap((_, i) => run.step(i)!.solution);
    return finished(await session.runLines(lines, true));
  }
  if (opts.script) {
    let text: string;
    try {
      const bytes = readRegularFile(resolve(deps.cwd, opts.script), SCRIPT_MAX_BYTES, { allowPipe: true });
      if (bytes.length > SCRIPT_MAX_BYTES) throw new FileTooLargeError(opts.script, SCRIPT_MAX_BYTES);
      text = Buffer.from(bytes).toString('utf8');
    } catch (e) {
      const why = e instanceof NotAFileError || e instanceof FileTooLargeError ? e.message : ((e as NodeJS.ErrnoException).code ?? (e as Error).message);
      throw new UsageError(`--script: cannot read ${opts.script} (${why})`); // exit-code
    }
    return finished(await session.runLines(text.split(/\r?\n/), true));
  }
  if (!deps.stdin.isTTY || !deps.stdout.isTTY) {
    // Line by line as they arrive, so each command is saved before the next one is read.
    const rl = createInterface({ input: deps.stdin as NodeJS.ReadableStream, terminal: false, crlfDelay: Infinity });
    return finished(await session.runLines(rl, true));
  }
  const { interactiveShell } = await import('./lab-shell.js');
  return interactiveShell(session, deps);
}

/** The lab session with the CLI's ports: the save file, the progress store, the terminal and its colours. */
export function cliLabSession(lab: Lab, run: LabRun, path: string, fresh: () => Promise<LabRun>, ctx: ProgramContext): LabSession {
  const { deps } = ctx;
  const c = chalkFor(deps, !ctx.color());
  const style: LabStyle = { bold: c.bold, dim: c.dim, green: c.green, red: c.red, yellow: c.yellow, cyan: c.cyan, heading: c.bold.cyan };
  return new LabSession(lab, run, {
    style,
    width: () => (deps.stdout.isTTY ? deps.stdout.columns : undefined),
    write: (s) => deps.stdout.write(s),
    save: (progress) => writeLabSave(path, progress),
    recordCompletion: async (result) => {
      const { ProgressStore } = await import('../storage/progress.js');
      const { store, warnings } = ProgressStore.open(dataDir(deps.env), deps.now);
      for (const w of warnings) deps.stderr.write(`kms-study: ${w}\n`);
      store.recordLabResult(result);
    },
    fresh,
    now: deps.now,
  });
}
