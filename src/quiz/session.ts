// Practice, review and cram sessions: one question at a time, feedback with every option explained after
// each answer. Practice and review update the FSRS card; cram leaves the schedule alone.
import type { Random } from '../aws/ports.js';
import { isCorrect, parseAnswerText } from './grade.js';
import { displayLetters, present, toBank } from './present.js';
import { QuizStop, type AnswerEvent, type QuizMode, type SessionIO, type StopReason } from './ports.js';
import { ratingFor, review, type StoredCard } from './schedule.js';
import { breakdown } from './score.js';
import { feedbackText, percent, questionText } from './text.js';
import { questionTitle } from './title.js';
import { fit } from '../text/wrap.js';
import type { Question } from './types.js';

export interface SessionResult {
  mode: QuizMode;
  startedAt: number;
  finishedAt: number;
  questions: number;
  answered: number;
  correct: number;
  ended: 'completed' | 'submitted' | StopReason;
  answers: AnswerEvent[];
  scaledScore?: number;
  passed?: boolean;
}

export async function runSession(
  mode: Exclude<QuizMode, 'exam'>,
  questions: Question[],
  cards: Record<string, StoredCard>,
  io: SessionIO,
  random: Random | undefined,
): Promise<SessionResult> {
  const { prompter, style: s } = io;
  const startedAt = io.now();
  const answers: AnswerEvent[] = [];
  let ended: SessionResult['ended'] = 'completed';
  io.write(s.bold(`${mode[0].toUpperCase()}${mode.slice(1)}: ${questions.length} question${questions.length === 1 ? '' : 's'}.`) + (mode === 'cram' ? s.dim(' Cram mode does not change your review schedule.') : '') + '\n');
  try {
    for (let i = 0; i < questions.length; i++) {
      const p = present(questions[i], random);
      const letters = displayLetters(p);
      const q = p.question;
      io.write(questionText(p, i + 1, questions.length, s, !prompter.showsOptions, '', io.width));
      const shownAt = io.now();
      for (;;) {
        const raw = await prompter.answer({ mode, number: i + 1, total: questions.length, stem: q.stem, options: p.options.map((o, k) => ({ letter: letters[k], text: o.text })), type: q.type, choose: q.choose });
        const parsed = parseAnswerText(raw, letters, q.choose);
        if (parsed.kind === 'invalid') {
          io.write(s.warn(parsed.why) + '\n');
          continue;
        }
        const at = io.now();
        const chosen = toBank(p, parsed.letters);
        const correct = isCorrect(q, chosen);
        const card = mode === 'cram' ? undefined : review(cards[q.id], at, ratingFor(correct, parsed.guessed));
        if (card) cards[q.id] = card;
        const ev: AnswerEvent = { question: q, chosen, correct, guessed: parsed.guessed, durationMs: at - shownAt, at, card };
        answers.push(ev);
        io.onAnswer(ev);
        io.write(feedbackText(p, parsed.letters, correct, s, io.width));
        break;
      }
    }
  } catch (e) {
    if (!(e instanceof QuizStop)) throw e;
    ended = e.reason;
    io.write('\n' + s.warn(`Stopped (${e.message}); ${answers.length === 0 ? 'no answers to save' : `your ${answers.length} answer${answers.length === 1 ? ' is' : 's are'} saved`}.`) + '\n');
  }
  const correct = answers.filter((a) => a.correct).length;
  io.write(summaryText(answers, questions.length, s, io.width));
  return { mode, startedAt, finishedAt: io.now(), questions: questions.length, answered: answers.length, correct, ended, answers };
}

export function summaryText(answers: AnswerEvent[], total: number, s: { bold(x: string): string; dim(x: string): string }, width?: number): string {
  const correct = answers.filter((a) => a.correct).length;
  // Nothing answered: no "Score: 0/0", only how many were left.
  if (!answers.length) return `\n${s.dim(`No answers given; ${total} question${total === 1 ? '' : 's'} not answered.`)}\n`;
  const lines = ['', s.bold(`Score: ${correct}/${answers.length} correct (${percent(correct, answers.length)})`) + (answers.length < total ? s.dim(` — ${total - answers.length} not answered`) : '')];
  for (const t of breakdown(answers.map((a) => ({ question: a.question, correct: a.correct }))))
    lines.push(`  ${t.topic.padEnd(24)} ${t.correct}/${t.total}`);
  const guessed = answers.filter((a) => a.correct && a.guessed);
  if (guessed.length) lines.push(s.dim(fit(`Lucky guesses (scheduled sooner): ${guessed.map((a) => `"${questionTitle(a.question)}"`).join(', ')}`, width, '', '  ')));
  return lines.join('\n') + '\n';
}
