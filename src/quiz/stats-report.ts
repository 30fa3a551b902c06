// The stats use case: everything `kms-study stats` shows, computed from the learner's progress and the
// bank, and the text report (styled through the quiz's Style, wrapped to the terminal width when given).
import { EXAM_TIPS } from '../content/taxonomy.js';
import { barChart, sparkline } from '../text/charts.js';
import { fit } from '../text/wrap.js';
import type { Style } from './ports.js';
import type { StoredCard } from './schedule.js';
import { computeStats, type Stats } from './stats.js';
import type { Question } from './types.js';

/** What the stats need from the progress store. */
export interface StatsProgress {
  answers(): Parameters<typeof computeStats>[0];
  sessions(): Parameters<typeof computeStats>[1];
  storedCards(): Record<string, StoredCard>;
  labResults(): Parameters<typeof computeStats>[3];
}

/** The learner's stats now, against the questions the banks hold. */
export function statsOf(progress: StatsProgress, bank: Question[], now: number): Stats {
  return computeStats(progress.answers(), progress.sessions(), progress.storedCards(), progress.labResults(), bank, now);
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The text report: totals, accuracy by topic, trend, weakest tips with what to do next, readiness, labs. */
export function renderStats(s: Stats, st: Style, width: number | undefined): string {
  if (s.totals.answered === 0 && s.labs.attempted.length === 0) return 'No answers recorded yet. Start with: kms-study quiz\n';
  let out = '';
  const write = (text: string) => void (out += text);
  const t = s.totals;
  write(st.bold(fit(`Answered ${t.answered} (${t.questionsSeen} of ${t.bankQuestions} bank questions seen), ${t.correct} correct (${pct(t.accuracy)}), ${t.sessions} session${t.sessions === 1 ? '' : 's'}, about ${t.studyMinutes} min of answering`, width, '', '  ')) + '\n');
  const topics = Object.entries(s.byTopic).sort((a, b) => a[1].accuracy - b[1].accuracy);
  if (topics.length) {
    write(`\n${st.bold('Accuracy by topic')}\n`);
    write(barChart(topics.map(([k, v]) => ({ label: k, value: v.accuracy, max: 1, suffix: `${pct(v.accuracy)} (${v.correct}/${v.answered})` }))) + '\n');
  }
  if (s.trend.length) {
    write(`\n${st.bold('Scores over time')} (oldest to newest, session accuracy)\n  ${sparkline(s.trend.map((x) => x.accuracy))}\n`);
    for (const x of s.trend.slice(-5))
      write(`  ${new Date(x.at).toISOString().slice(0, 16).replace('T', ' ')}  ${x.mode.padEnd(8)} ${pct(x.accuracy).padStart(4)}${x.scaledScore !== undefined ? `  scaled ${x.scaledScore}` : ''}\n`);
  }
  const sh = s.shortSessions;
  if (sh.count)
    write(st.dim(fit(`${sh.count} short session${sh.count === 1 ? '' : 's'} (stopped after 1 or 2 answers) left out of the trend: ${sh.correct}/${sh.answered} correct.`, width, '  ', '    ')) + '\n');
  if (s.weakestTips.length) {
    write(`\n${st.bold('Weakest exam tips: do these next')}\n`);
    for (const w of s.weakestTips) {
      write(fit(`${w.tip}: ${pct(w.accuracy)} (${w.correct}/${w.answered}) — ${EXAM_TIPS[w.tip as keyof typeof EXAM_TIPS] ?? ''}`, width, '  ', '      ') + '\n');
      if (w.lab) write(`    lab: kms-study lab ${w.lab}\n`);
      write(fit(`kms-study quiz --tip ${w.tip}${w.titles.length ? `   (next: ${w.titles.map((t) => `"${t}"`).join(', ')})` : ''}`, width, '    quiz: ', '      ') + '\n');
    }
  }
  write(`\n${st.bold(`Readiness (estimate): ${s.readiness.estimate} on the 100–1000 scale,`)} ${s.readiness.passLikely ? st.ok('at or above the 720 needed to pass.') : st.warn('below the 720 needed to pass.')}\n${st.dim(fit(s.readiness.method, width, '  '))}\n`);
  write(`\n${st.bold('Labs')}: ${s.labs.completed.length} completed${s.labs.completed.length ? ` (${s.labs.completed.join(', ')})` : ''}; ${s.labs.attempted.length} attempted\n`);
  return out;
}
