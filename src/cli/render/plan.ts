// The study plan as text: the exam date and days left, what is still to do, today's share, the next days in
// a small table that fits 60 columns (labs listed by id, wrapped), and the warnings when the plan no longer fits.
import type { PlanDay, StudyPlan } from '../../quiz/plan.js';
import type { Style } from '../../quiz/ports.js';
import { fit } from '../../text/wrap.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function dayShare(d: PlanDay): string {
  return `${plural(d.newQuestions, 'new question')}, ${plural(d.reviews, 'review')}${d.labs.length ? `, lab ${d.labs.join(', ')}` : ''}`;
}

export function renderPlan(p: StudyPlan, s: Style, width: number | undefined): string {
  const lines: string[] = [];
  const when = p.daysLeft < 0 ? `${plural(-p.daysLeft, 'day')} ago` : p.daysLeft === 0 ? 'today' : `in ${plural(p.daysLeft, 'day')}`;
  lines.push(s.bold(fit(`Exam on ${p.examDate}, ${when}.`, width)));
  lines.push(
    fit(
      `Still to do: ${plural(p.totals.newQuestions, 'new question')} (in the exam's scope) and ${plural(p.totals.labs, 'lab')}; the scheduler forecasts ${plural(p.totals.reviews, 'review')} before the exam.`,
      width,
    ),
  );
  const [today, ...rest] = p.days;
  if (today) {
    lines.push('', s.bold(fit(`Today (${today.date}): ${dayShare(today)}.`, width, '', '  ')));
    // A practice quiz asks the due cards first, then new questions: one command covers both.
    if (today.newQuestions || today.reviews) lines.push(`  Run: kms-study quiz --count ${today.newQuestions + today.reviews}`);
    if (today.labs.length) lines.push(`  Then: kms-study lab ${today.labs[0]}`);
  }
  if (rest.length) {
    lines.push('', s.bold(`The next ${plural(Math.min(7, rest.length), 'day')}:`), s.dim('  date          new  reviews  labs'));
    for (const d of rest.slice(0, 7))
      lines.push(
        fit(d.labs.join(', ') || '-', width, `  ${d.date}  ${String(d.newQuestions).padStart(4)}  ${String(d.reviews).padStart(7)}  `, ' '.repeat(33)),
      );
    if (p.days.length >= 2)
      lines.push(
        s.dim(
          fit(
            `The last day before the exam (${p.days.at(-1)!.date}) has no new questions or labs: reviews and a practice exam (kms-study quiz --mode exam).`,
            width,
          ),
        ),
      );
  }
  for (const w of p.warnings) lines.push('', s.warn(fit(w, width, '! ', '  ')));
  lines.push(
    '',
    s.dim(
      fit(
        'How the plan is computed: docs/quiz.md, "Study plan". Change the date with kms-study plan --exam-date YYYY-MM-DD, or remove it with kms-study plan --clear.',
        width,
      ),
    ),
  );
  return lines.join('\n') + '\n';
}
