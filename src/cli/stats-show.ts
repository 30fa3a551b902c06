// `kms-study stats` (without a subcommand): the report. Its own module, so the start-up fast path (fast-paths.ts)
// runs it without commander and without the other stats subcommands' modules (the reset prompt).
import { join } from 'node:path';
import type { ProgramContext } from './context.js';

/** The progress store, with its warnings (a corrupt file moved aside) on stderr. */
export async function openProgressStore(ctx: ProgramContext) {
  const { ProgressStore } = await import('../storage/progress.js');
  const { dataDir } = await import('../storage/paths.js');
  const { store, warnings } = ProgressStore.open(dataDir(ctx.deps.env), ctx.deps.now);
  for (const w of warnings) ctx.deps.stderr.write(`kms-study: warning: ${w}\n`);
  return store;
}

/** `kms-study stats [--json]`: also run without commander by the start-up fast path (fast-paths.ts). */
export async function showStats(opts: { json?: boolean }, ctx: ProgramContext): Promise<void> {
  // The modules load together (one wait for all their files instead of one after another).
  const [store, { loadBanks }, { statsOf, renderStats }, { styleFrom }, { chalkFor }, { proseWidth }, { bankPathsFor }, { dataDir }] = await Promise.all([
    openProgressStore(ctx),
    import('../storage/banks.js'),
    import('../quiz/stats-report.js'),
    import('./render/style.js'),
    import('./style.js'),
    import('../text/wrap.js'),
    import('./banks.js'),
    import('../storage/paths.js'),
  ]);
  const dirs = bankPathsFor(ctx.deps, store.config().bankDirs);
  const bank = loadBanks(dirs, { cacheDir: join(dataDir(ctx.deps.env), 'cache', 'banks'), lint: false }).questions;
  const s = statsOf(store, bank, ctx.deps.now());
  const out = ctx.deps.stdout;
  if (opts.json) {
    out.write(JSON.stringify({ ...s, answers: store.answers() }, null, 2) + '\n');
    return;
  }
  // On a terminal, long lines wrap at word boundaries to its width (at most 100); piped output is unchanged.
  out.write(renderStats(s, styleFrom(chalkFor(ctx.deps, !ctx.color())), proseWidth(out)));
}
