// `kms-study lab` (the list): every lab with its status, from the lab index (lab-index.ts) so that listing parses
// no lab file that the build already indexed, and loads neither the lab runner nor the simulator.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT } from '../exit-codes.js';
import { PROGRESS_FORMAT, PROGRESS_VERSION } from '../labs/progress.js';
import { dataDir } from '../storage/paths.js';
import { escapeControls } from '../text/terminal.js';
import type { ProgramContext } from './context.js';
import { labIndexPath, labSummaries, readLabIndex, type LabSummary } from './lab-index.js';
import { chalkFor } from './style.js';

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
 * Broken lab files are reported and skipped, as when a lab is run.
 */
export async function labList(id: string | undefined, opts: { json?: boolean }, ctx: ProgramContext): Promise<number | undefined> {
  const { deps } = ctx;
  const { labs, errors, warnings } = await labSummaries(join(deps.packageRoot, 'labs'), readLabIndex(labIndexPath(deps.packageRoot)), async () => (await import('../labs/parse.js')).parseLab);
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
    const completed = results.some((r) => r.labId === l.id && r.completed);
    const status = step !== undefined && step >= l.steps ? 'completed' : step !== undefined ? `step ${step + 1} of ${l.steps}` : completed ? 'completed' : 'not started';
    return { id: l.id, title: l.title, level: l.level, tips: l.tips, steps: l.steps, status, completedBefore: completed };
  });
  if (opts.json) {
    deps.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    return EXIT.OK;
  }
  const c = chalkFor(deps, !ctx.color());
  deps.stdout.write(`${c.bold('Labs')} ${c.dim('(kms-study lab <id>)')}\n\n`);
  const idW = Math.max(...rows.map((r) => r.id.length), 2) + 2;
  const titleW = Math.max(...rows.map((r) => r.title.length), 5) + 2;
  for (const r of rows) {
    const st = r.status === 'completed' ? c.green(r.status) : r.status === 'not started' ? c.dim(r.status) : c.yellow(r.status);
    deps.stdout.write(`  ${r.id.padEnd(idW)}${r.title.padEnd(titleW)}${st}\n`);
  }
  return EXIT.OK;
}
