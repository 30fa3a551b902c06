// The home screen (`kms-study` alone on a terminal): one glance at what is due, the weakest exam tip and its
// lab, the next lab, the last session, readiness and today's share of the plan, and the one command to run next.
import { fit } from '../text/wrap.js';
import { localDate, type PlanDay, type StudyPlan } from './plan.js';
import type { Style } from './ports.js';
import type { Stats } from './stats.js';

export interface HomeLab {
  id: string;
  title: string;
}

export interface Home {
  /** Review cards due now. */
  due: number;
  weakestTip: { tip: string; accuracy: number; correct: number; answered: number; lab?: string } | null;
  /** The first lab (in catalogue order) not completed yet. */
  nextLab: HomeLab | null;
  labs: { completed: number; total: number };
  lastSession: { mode: string; at: number; answered: number; correct: number; scaledScore?: number } | null;
  readiness: { estimate: number; passLikely: boolean };
  plan: { examDate: string; daysLeft: number; today: PlanDay | null; warnings: string[] } | null;
  /** The one command to run next, and why. */
  next: { command: string; why: string };
}

export interface HomeInput {
  stats: Stats;
  due: number;
  sessions: { mode: string; startedAt: number; answered: number; correct: number; scaledScore?: number }[];
  /** Every lab in catalogue order, and the ids completed at least once. */
  labs: HomeLab[];
  completedLabs: ReadonlySet<string>;
  plan: StudyPlan | null;
}

/** What to do next, in this order: due reviews, today's new questions, the weakest tip's lab, the next lab, an exam. */
function nextCommand(h: Omit<Home, 'next'>, seen: number, bank: number, completed: ReadonlySet<string>): Home['next'] {
  if (seen === 0) return { command: 'kms-study quiz', why: 'start with a first practice set' };
  if (h.due) return { command: 'kms-study quiz --mode review', why: `${h.due} question${h.due === 1 ? '' : 's'} due for review` };
  const today = h.plan?.today;
  if (today?.newQuestions) return { command: `kms-study quiz --count ${today.newQuestions}`, why: "today's new questions in your plan" };
  const tipLab = h.weakestTip?.lab;
  if (tipLab && !completed.has(tipLab)) return { command: `kms-study lab ${tipLab}`, why: `the lab for your weakest exam tip (${h.weakestTip!.tip})` };
  if (today?.labs.length) return { command: `kms-study lab ${today.labs[0]}`, why: "today's lab in your plan" };
  if (seen < bank) return { command: 'kms-study quiz', why: `${bank - seen} question${bank - seen === 1 ? '' : 's'} not seen yet` };
  if (h.nextLab) return { command: `kms-study lab ${h.nextLab.id}`, why: 'the next lab you have not completed' };
  return { command: 'kms-study quiz --mode exam', why: 'a full practice exam' };
}

export function homeOf(input: HomeInput): Home {
  const { stats } = input;
  const w = stats.weakestTips[0];
  const last = input.sessions.filter((s) => s.answered > 0).at(-1);
  const nextLab = input.labs.find((l) => !input.completedLabs.has(l.id)) ?? null;
  const base: Omit<Home, 'next'> = {
    due: input.due,
    weakestTip: w ? { tip: w.tip, accuracy: w.accuracy, correct: w.correct, answered: w.answered, ...(w.lab ? { lab: w.lab } : {}) } : null,
    nextLab,
    labs: { completed: input.labs.filter((l) => input.completedLabs.has(l.id)).length, total: input.labs.length },
    lastSession: last
      ? {
          mode: last.mode,
          at: last.startedAt,
          answered: last.answered,
          correct: last.correct,
          ...(last.scaledScore !== undefined ? { scaledScore: last.scaledScore } : {}),
        }
      : null,
    readiness: { estimate: stats.readiness.estimate, passLikely: stats.readiness.passLikely },
    plan: input.plan
      ? { examDate: input.plan.examDate, daysLeft: input.plan.daysLeft, today: input.plan.days[0] ?? null, warnings: input.plan.warnings }
      : null,
  };
  return { ...base, next: nextCommand(base, stats.totals.questionsSeen, stats.totals.bankQuestions, input.completedLabs) };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The home screen as text, each row fitted to `width` (rows continue under their value). */
export function renderHome(h: Home, s: Style, width: number | undefined): string {
  const rows: [string, string][] = [];
  rows.push(['Due for review', h.due ? `${h.due} question${h.due === 1 ? '' : 's'}` : 'nothing due now']);
  if (h.plan) {
    const t = h.plan.today;
    const share = t
      ? `${t.newQuestions} new, ${t.reviews} review${t.reviews === 1 ? '' : 's'}${t.labs.length ? `, lab ${t.labs.join(', ')}` : ''}`
      : 'no study day left';
    rows.push([
      'Plan for today',
      `${share} (exam ${h.plan.examDate}, ${h.plan.daysLeft < 0 ? 'passed' : `in ${h.plan.daysLeft} day${h.plan.daysLeft === 1 ? '' : 's'}`})`,
    ]);
  } else rows.push(['Plan', 'no exam date set (kms-study plan --exam-date YYYY-MM-DD)']);
  if (h.weakestTip)
    rows.push([
      'Weakest exam tip',
      `${h.weakestTip.tip}, ${pct(h.weakestTip.accuracy)} (${h.weakestTip.correct}/${h.weakestTip.answered})${h.weakestTip.lab ? `; lab: ${h.weakestTip.lab}` : ''}`,
    ]);
  rows.push([
    'Next lab',
    h.nextLab ? `${h.nextLab.id} (${h.nextLab.title}); ${h.labs.completed} of ${h.labs.total} done` : `all ${h.labs.total} labs completed`,
  ]);
  if (h.lastSession) {
    const l = h.lastSession;
    rows.push([
      'Last session',
      `${l.mode}, ${localDate(l.at)}: ${l.correct}/${l.answered} (${pct(l.correct / l.answered)})${l.scaledScore !== undefined ? `, scaled ${l.scaledScore}` : ''}`,
    ]);
  } else rows.push(['Last session', 'none yet']);
  rows.push([
    'Readiness',
    `estimate ${h.readiness.estimate} of 1000, ${h.readiness.passLikely ? 'at or above' : 'below'} the 720 needed to pass (kms-study stats)`,
  ]);
  const label = Math.max(...rows.map(([k]) => k.length)) + 2;
  const lines = [s.bold('kms-study: AWS KMS for the SOA-C03 exam'), ''];
  for (const [k, v] of rows) lines.push(fit(v, width, `  ${(k + ':').padEnd(label)}`, ' '.repeat(label + 2)));
  for (const warning of h.plan?.warnings ?? []) lines.push(s.warn(fit(warning, width, '  ! ', '    ')));
  lines.push('', s.bold(fit(`Next: ${h.next.command} (${h.next.why})`, width, '', '  ')), s.dim('All commands: kms-study --help'));
  return lines.join('\n') + '\n';
}
