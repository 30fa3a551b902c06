// `kms-study plan`: set (--exam-date), show or clear the exam date and the study plan to it. Also loads what
// the plan and the home screen need (progress, bank, labs), so both read the learner's state the same way.
import { join } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { StudyPlan } from '../../quiz/plan.js';
import type { ProgramContext } from '../context.js';

/** The learner's state for the plan and the home screen. */
export async function loadStudy(ctx: ProgramContext, examDate?: string) {
  const { deps } = ctx;
  const { ProgressStore } = await import('../../storage/progress.js');
  const { loadBanks } = await import('../../storage/banks.js');
  const { loadLabs } = await import('../../storage/lab-session.js');
  const { dataDir } = await import('../../storage/paths.js');
  const { bankPathsFor } = await import('../banks.js');
  const { buildPlan } = await import('../../quiz/plan.js');
  const { LAB_IDS } = await import('../../content/taxonomy.js');
  const { store, warnings } = ProgressStore.open(dataDir(deps.env), deps.now);
  for (const w of warnings) deps.stderr.write(`kms-study: warning: ${w}\n`);
  const bank = loadBanks(bankPathsFor(deps, store.config().bankDirs), { cacheDir: join(dataDir(deps.env), 'cache', 'banks') }).questions;
  // Catalogue order (the taxonomy's list) so "the next lab" follows the course; lab files not listed come last.
  const order = (id: string) => ((LAB_IDS as readonly string[]).indexOf(id) + LAB_IDS.length + 1) % (LAB_IDS.length + 1);
  const labs = loadLabs(join(deps.packageRoot, 'labs'))
    .labs.map((l) => ({ id: l.id, title: l.title }))
    .sort((a, b) => order(a.id) - order(b.id) || a.id.localeCompare(b.id));
  const completedLabs = new Set(store.labResults().filter((r) => r.completed).map((r) => r.labId));
  const cards = store.storedCards();
  const date = examDate ?? store.config().examDate;
  const plan: StudyPlan | null = date
    ? buildPlan({
        examDate: date,
        now: deps.now(),
        newQuestions: bank.filter((q) => q.scope === 'in' && !cards[q.id]).map((q) => q.id),
        cards,
        labs: labs.filter((l) => !completedLabs.has(l.id)).map((l) => l.id),
      })
    : null;
  return { store, bank, labs, completedLabs, cards, plan };
}

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
