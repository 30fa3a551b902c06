// `kms-study lab` (and `lab list`): every lab with its status. A lab completed once stays completed, with
// the date and the best run (fewest hints, then fewest commands), even when it is reopened or restarted.
// Rows fit the terminal: one line per lab when id, title and status fit, else the title on a second line;
// titles are never cut, the status is shortened with an ellipsis when the terminal is narrow.
// The list is read from the lab index (lab-index.ts), so that listing parses no lab file the build already
// indexed, and loads neither the lab runner nor the simulator.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT } from '../exit-codes.js';
import { PROGRESS_FORMAT, PROGRESS_VERSION } from '../labs/progress.js';
import { dataDir } from '../storage/paths.js';
import type { LabResult } from '../storage/progress-schema.js';
import { escapeControls } from '../text/terminal.js';
import type { ProgramContext } from './context.js';
import { labIndexPath, labSummaries, readLabIndex, type LabSummary, type ParseLab } from './lab-index.js';
import { chalkFor } from './style.js';
import type { Lab } from '../labs/types.js';
import { fit } from '../text/wrap.js';

/** A recorded lab run (the progress store's record). */
export type LabCompletionRecord = LabResult;

export interface LabRow {
  id: string;
  title: string;
  level: Lab['level'];
  tips: string[];
  steps: number;
  /** "completed", "step k of n" or "not started". */
  status: string;
  completedBefore: boolean;
  /** The latest completion (ISO time), when completed. */
  completedAt?: string;
  /** The best completed run: fewest hints, then fewest commands. */
  best?: { hintsUsed: number; attempts: number };
  /** A completed lab opened again: where that run stands ("step k of n"). */
  current?: string;
}

/** One row per lab from its save (where the current run stands) and the recorded completions. */
export function labRow(l: LabSummary | Lab, saved: { step: number } | undefined, results: LabCompletionRecord[]): LabRow {
  const steps = typeof l.steps === 'number' ? l.steps : l.steps.length;
  const done = results.filter((r) => r.labId === l.id && r.completed);
  const savedDone = !!saved && saved.step >= steps;
  const inRun = saved && !savedDone ? `step ${saved.step + 1} of ${steps}` : undefined;
  const completed = done.length > 0 || savedDone;
  const row: LabRow = {
    id: l.id,
    title: l.title,
    level: l.level,
    tips: l.tips,
    steps,
    status: completed ? 'completed' : (inRun ?? 'not started'),
    completedBefore: done.length > 0,
  };
  if (!done.length) return row;
  const best = [...done].sort((a, b) => a.hintsUsed - b.hintsUsed || a.attempts - b.attempts)[0];
  const latest = Math.max(...done.map((r) => r.finishedAt ?? r.startedAt));
  return {
    ...row,
    completedAt: new Date(latest).toISOString(),
    best: { hintsUsed: best.hintsUsed, attempts: best.attempts },
    ...(inRun ? { current: inRun } : {}),
  };
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The status as printed: "completed 2026-11-01 · best: 0 hints, 9 commands · again at step 2 of 4". */
export function statusText(r: LabRow): string {
  if (r.status !== 'completed' || !r.completedAt || !r.best) return r.status;
  const again = r.current ? ` · again at ${r.current}` : '';
  return `completed ${r.completedAt.slice(0, 10)} · best: ${plural(r.best.hintsUsed, 'hint')}, ${plural(r.best.attempts, 'command')}${again}`;
}

/** Shorten to `width` columns with an ellipsis. */
export function ellipsis(s: string, width: number): string {
  return s.length <= width ? s : `${s.slice(0, Math.max(0, width - 1)).trimEnd()}…`;
}

export interface ListStyle {
  status(row: LabRow, text: string): string;
}

/**
 * The list's lines. `width` undefined (pipes, files): one line per lab, nothing shortened. On a terminal: one
 * line per lab when every row fits, else id and status on one line and the title (wrapped at words) below.
 */
export function renderLabList(rows: LabRow[], width: number | undefined, style: ListStyle): string {
  const idW = Math.max(...rows.map((r) => r.id.length), 2) + 2;
  const titleW = Math.max(...rows.map((r) => r.title.length), 5) + 2;
  const texts = rows.map(statusText);
  const oneLine = !width || rows.every((_, i) => 2 + idW + titleW + texts[i].length <= width);
  return rows
    .map((r, i) => {
      if (oneLine) return `  ${r.id.padEnd(idW)}${r.title.padEnd(titleW)}${style.status(r, texts[i])}\n`;
      const room = width! - 2 - idW;
      const head =
        room >= 12 ? `  ${r.id.padEnd(idW)}${style.status(r, ellipsis(texts[i], room))}` : `  ${r.id}\n    ${style.status(r, ellipsis(texts[i], width! - 4))}`;
      return `${head}\n${fit(r.title, width, '    ', '    ')}\n`;
    })
    .join('');
}

/** The step a saved run of the lab stands at, or undefined without a readable save. The lab run itself
 * (storage/lab-session.ts) validates the save again and moves a corrupt one aside, with a message. */
function savedStep(env: Record<string, string | undefined>, labId: string): number | undefined {
  const path = join(dataDir(env), 'labs', `${labId}.json`);
  if (!existsSync(path)) return undefined;
  try {
    const p = JSON.parse(readFileSync(path, 'utf8')) as { format?: unknown; version?: unknown; step?: unknown; engine?: unknown; log?: unknown } | null;
    if (p && p.format === PROGRESS_FORMAT && p.version === PROGRESS_VERSION && typeof p.step === 'number' && p.engine && Array.isArray(p.log)) return p.step;
  } catch {
    // unreadable: shown as not started until the lab is opened
  }
  return undefined;
}

/**
 * Lists the labs; returns undefined when `id` is "list" and a lab really has that id (the caller runs it).
 * Broken lab files are reported and skipped, as when a lab is run. `loadParser` gives the lab parser for files the
 * lab index does not describe.
 */
export async function labList(
  id: string | undefined,
  opts: { json?: boolean },
  ctx: ProgramContext,
  loadParser: () => Promise<ParseLab>,
): Promise<number | undefined> {
  const { deps } = ctx;
  const { labs, errors, warnings } = await labSummaries(join(deps.packageRoot, 'labs'), readLabIndex(labIndexPath(deps.packageRoot)), loadParser);
  if (id !== undefined && labs.some((l) => l.id === id)) return undefined;
  for (const w of warnings) deps.stderr.write(`${escapeControls(w)}\n`);
  const broken = [...new Set(errors.map((e) => e.file))];
  for (const f of broken) deps.stderr.write(`kms-study: skipping lab file ${escapeControls(errors.find((e) => e.file === f)!.message)}\n`);
  return listLabs(labs, opts, ctx);
}

export async function listLabs(labs: LabSummary[], opts: { json?: boolean }, ctx: ProgramContext): Promise<number> {
  const { deps } = ctx;
  const { ProgressStore } = await import('../storage/progress.js');
  const { store } = ProgressStore.open(dataDir(deps.env), deps.now);
  const results = store.labResults();
  const rows = labs.map((l) => {
    const step = savedStep(deps.env, l.id);
    return labRow(l, step === undefined ? undefined : { step }, results);
  });
  if (opts.json) {
    deps.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    return EXIT.OK;
  }
  const c = chalkFor(deps, !ctx.color());
  deps.stdout.write(`${c.bold('Labs')} ${c.dim('(kms-study lab <id>)')}\n\n`);
  const status = (r: LabRow, text: string) => (r.status === 'completed' ? c.green(text) : r.status === 'not started' ? c.dim(text) : c.yellow(text));
  deps.stdout.write(renderLabList(rows, deps.stdout.isTTY ? deps.stdout.columns : undefined, { status }));
  return EXIT.OK;
}
