// `kms-study stats`: totals, per-topic accuracy bars, the score trend, the weakest exam tips with the lab
// and questions to do next, a labelled readiness estimate and lab completions; `reset` and `export`.
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { ProgramContext } from '../context.js';

async function openStore(ctx: ProgramContext) {
  return (await import('../stats-show.js')).openProgressStore(ctx);
}

export function register(program: Command, ctx: ProgramContext): void {
  const stats = program
    .command('stats')
    .description('your scores: totals, per-topic accuracy, trend, weakest exam tips, a readiness estimate, labs')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => (await import('../stats-show.js')).showStats(opts, ctx));

  stats
    .command('reset')
    .description('forget all answers, sessions, review cards and lab results (asks first)')
    .option('--yes', 'do not ask (for scripts)')
    .action(async (opts: { yes?: boolean }) => {
      const { deps } = ctx;
      if (!opts.yes) {
        if (!(deps.stdin.isTTY && deps.stdout.isTTY)) throw new UsageError('stats reset needs confirmation: run it in a terminal, or pass --yes');
        const { InquirerPrompter } = await import('../prompter.js');
        const { QuizStop } = await import('../../quiz/ports.js');
        let ok = false;
        try {
          ok = await new InquirerPrompter(deps.now, (s) => deps.stdout.write(s)).confirm('Delete all your quiz progress and lab results?', false);
        } catch (e) {
          if (!(e instanceof QuizStop)) throw e;
        }
        if (!ok) {
          deps.stdout.write('Nothing deleted.\n');
          return;
        }
      }
      const store = await openStore(ctx);
      store.reset();
      deps.stdout.write('Progress reset.\n');
    });

  stats
    .command('export')
    .description('write all progress as JSON (stdout, or --output FILE)')
    .option('--output <file>', 'write to this file instead of stdout')
    .action(async (opts: { output?: string }) => {
      const store = await openStore(ctx);
      const json = JSON.stringify(store.exportData(), null, 2) + '\n';
      if (!opts.output) {
        ctx.deps.stdout.write(json);
        return;
      }
      const { writeFileAtomic } = await import('../../storage/atomic.js');
      const { resolve } = await import('node:path');
      const target = resolve(ctx.deps.cwd, opts.output);
      writeFileAtomic(target, json);
      ctx.deps.stderr.write(`Progress written to ${target}\n`);
    });
}
