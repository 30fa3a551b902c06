// `kms-study plan`: set (--exam-date), show or clear the exam date and the study plan to it (the computation is
// src/quiz/plan.ts; what it reads, shared with the home screen, is study-state.ts).
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { ProgramContext } from '../context.js';

export function register(program: Command, ctx: ProgramContext): void {
  program
    .command('plan')
    .description('a study plan to your exam date: new questions, reviews (forecast by the scheduler) and labs per day')
    .option('--exam-date <YYYY-MM-DD>', 'set your exam date (kept in the progress file) and show the plan')
    .option('--clear', 'forget the exam date')
    .option('--json', 'machine-readable output')
    .action(async (opts: { examDate?: string; clear?: boolean; json?: boolean }) => {
      const { deps } = ctx;
      const { isCalendarDate, localDate } = await import('../../quiz/plan.js');
      if (opts.examDate !== undefined && opts.clear) throw new UsageError('--exam-date and --clear cannot be used together');
      if (opts.examDate !== undefined) {
        if (!isCalendarDate(opts.examDate)) throw new UsageError(`--exam-date expects a calendar date as YYYY-MM-DD (e.g. 2027-01-20), got "${opts.examDate}"`);
        if (opts.examDate < localDate(deps.now())) throw new UsageError(`--exam-date ${opts.examDate} is in the past (today is ${localDate(deps.now())})`);
      }
      const { loadStudy } = await import('./study-state.js');
      const study = await loadStudy(ctx, opts.examDate);
      const config = study.store.config();
      if (opts.clear) {
        const { examDate: _dropped, ...rest } = config;
        study.store.setConfig(rest);
        deps.stdout.write(opts.json ? '{ "examDate": null }\n' : 'Exam date cleared.\n');
        return;
      }
      if (opts.examDate !== undefined) study.store.setConfig({ ...config, examDate: opts.examDate });
      if (opts.json) {
        deps.stdout.write(JSON.stringify({ examDate: study.plan?.examDate ?? null, plan: study.plan }, null, 2) + '\n');
        return;
      }
      if (!study.plan) {
        deps.stdout.write('No exam date set. Set one to get a plan: kms-study plan --exam-date YYYY-MM-DD\n');
        return;
      }
      const { renderPlan } = await import('../render/plan.js');
      const { styleFrom } = await import('../render/style.js');
      const { chalkFor } = await import('../style.js');
      const { proseWidth } = await import('../../text/wrap.js');
      deps.stdout.write(renderPlan(study.plan, styleFrom(chalkFor(deps, !ctx.color())), proseWidth(deps.stdout)));
    });
}
