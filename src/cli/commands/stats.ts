// `kms-study stats`: totals, per-topic accuracy bars, the score trend, the weakest exam tips with the lab
// and questions to do next, a labelled readiness estimate and lab completions; `reset` and `export`.
import { join } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { ProgramContext } from '../context.js';

async function openStore(ctx: ProgramContext) {
  const { ProgressStore } = await import('../../storage/progress.js');
  const { dataDir } = await import('../../storage/paths.js');
  const { store, warnings } = ProgressStore.open(dataDir(ctx.deps.env), ctx.deps.now);
  for (const w of warnings) ctx.deps.stderr.write(`kms-study: warning: ${w}\n`);
  return store;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function register(program: Command, ctx: ProgramContext): void {
  const stats = program
    .command('stats')
    .description('your scores: totals, per-topic accuracy, trend, weakest exam tips, a readiness estimate, labs')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const store = await openStore(ctx);
      const { loadBanks } = await import('../../storage/banks.js');
      const { computeStats } = await import('../../quiz/stats.js');
      const { barChart, sparkline } = await import('../render/charts.js');
      const { chalkFor } = await import('../style.js');
      const { EXAM_TIPS } = await import('../../content/taxonomy.js');
      const { bankPathsFor } = await import('../banks.js');
      const dirs = bankPathsFor(ctx.deps, store.config().bankDirs);
      const { dataDir } = await import('../../storage/paths.js');
      const bank = loadBanks(dirs, { cacheDir: join(dataDir(ctx.deps.env), 'cache', 'banks') }).questions;
      const s = computeStats(store.answers(), store.sessions(), store.storedCards(), store.labResults(), bank, ctx.deps.now());
      const out = ctx.deps.stdout;
      if (opts.json) {
        out.write(JSON.stringify({ ...s, answers: store.answers() }, null, 2) + '\n');
        return;
      }
      const c = chalkFor(ctx.deps, !ctx.color());
      const { fit, proseWidth } = await import('../../text/wrap.js');
      // On a terminal, long lines wrap at word boundaries to its width (at most 100); piped output is unchanged.
      const width = proseWidth(out);
      if (s.totals.answered === 0 && s.labs.attempted.length === 0) {
        out.write('No answers recorded yet. Start with: kms-study quiz\n');
        return;
      }
      const t = s.totals;
      out.write(c.bold(fit(`Answered ${t.answered} (${t.questionsSeen} of ${t.bankQuestions} bank questions seen), ${t.correct} correct (${pct(t.accuracy)}), ${t.sessions} session${t.sessions === 1 ? '' : 's'}, about ${t.studyMinutes} min of answering`, width, '', '  ')) + '\n');
      const topics = Object.entries(s.byTopic).sort((a, b) => a[1].accuracy - b[1].accuracy);
      if (topics.length) {
        out.write(`\n${c.bold('Accuracy by topic')}\n`);
        out.write(barChart(topics.map(([k, v]) => ({ label: k, value: v.accuracy, max: 1, suffix: `${pct(v.accuracy)} (${v.correct}/${v.answered})` }))) + '\n');
      }
      if (s.trend.length) {
        out.write(`\n${c.bold('Scores over time')} (oldest to newest, session accuracy)\n  ${sparkline(s.trend.map((x) => x.accuracy))}\n`);
        for (const x of s.trend.slice(-5))
          out.write(`  ${new Date(x.at).toISOString().slice(0, 16).replace('T', ' ')}  ${x.mode.padEnd(8)} ${pct(x.accuracy).padStart(4)}${x.scaledScore !== undefined ? `  scaled ${x.scaledScore}` : ''}\n`);
      }
      if (s.weakestTips.length) {
        out.write(`\n${c.bold('Weakest exam tips: do these next')}\n`);
        for (const w of s.weakestTips) {
          out.write(fit(`${w.tip}: ${pct(w.accuracy)} (${w.correct}/${w.answered}) — ${EXAM_TIPS[w.tip as keyof typeof EXAM_TIPS] ?? ''}`, width, '  ', '      ') + '\n');
          if (w.lab) out.write(`    lab: kms-study lab ${w.lab}\n`);
          out.write(fit(`kms-study quiz --tip ${w.tip}${w.questions.length ? `   (next: ${w.questions.join(', ')})` : ''}`, width, '    quiz: ', '      ') + '\n');
        }
      }
      out.write(`\n${c.bold(`Readiness (estimate): ${s.readiness.estimate} on the 100–1000 scale`)} ${s.readiness.passLikely ? c.green('at or above 720') : c.yellow('below 720')}\n${c.dim(fit(s.readiness.method, width, '  '))}\n`);
      out.write(`\n${c.bold('Labs')}: ${s.labs.completed.length} completed${s.labs.completed.length ? ` (${s.labs.completed.join(', ')})` : ''}; ${s.labs.attempted.length} attempted\n`);
    });

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
