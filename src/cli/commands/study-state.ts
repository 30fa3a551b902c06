// What the plan and the home screen read: the progress store, the questions the banks hold, the labs in course
// order with the ones completed (read through the progress store's lab results), the cards and the study plan.
import { join } from 'node:path';
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
  const bank = loadBanks(bankPathsFor(deps, store.config().bankDirs), { cacheDir: join(dataDir(deps.env), 'cache', 'banks'), lint: false }).questions;
  // Catalogue order (the taxonomy's list) so "the next lab" follows the course; lab files not listed come last.
  const order = (id: string) => ((LAB_IDS as readonly string[]).indexOf(id) + LAB_IDS.length + 1) % (LAB_IDS.length + 1);
  const labs = loadLabs(join(deps.packageRoot, 'labs'))
    .labs.map((l) => ({ id: l.id, title: l.title }))
    .sort((a, b) => order(a.id) - order(b.id) || a.id.localeCompare(b.id));
  const completedLabs = new Set(
    store
      .labResults()
      .filter((r) => r.completed)
      .map((r) => r.labId),
  );
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
