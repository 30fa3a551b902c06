// The quiz use case: filter the questions, pick them for the mode from the learner's history, run the
// session (or the exam), record every answer as it is given and the session at the end. I/O comes in
// through the ports below; the CLI implements them (progress store, prompter, terminal).
import type { Random } from '../aws/ports.js';
import { runExam } from './exam.js';
import { QuizStop, type AnswerEvent, type AskView, type QuizMode, type QuizPrompter, type SessionIO, type StopReason } from './ports.js';
import type { StoredCard } from './schedule.js';
import { applyFilters, selectQuestions, type Filters } from './select.js';
import { runSession, type SessionResult } from './session.js';
import type { Question } from './types.js';
import { nextStep } from './next-step.js';
import { fit } from '../text/wrap.js';

/** One graded answer as the progress store keeps it. */
export interface AnswerRecordOut {
  questionId: string;
  topic: string;
  tips: string[];
  mode: QuizMode;
  correct: boolean;
  guessed: boolean;
  /** The bank letters the learner chose (after undoing the shuffle); empty = left blank. */
  chosen: string[];
  /** Time from showing the question to the answer, ms (null when unknown, e.g. migrated data). */
  durationMs: number | null;
  at: number;
  sessionId?: string;
}

/** One finished session as the progress store keeps it. */
export interface SessionRecordOut {
  id: string;
  mode: QuizMode;
  startedAt: number;
  finishedAt: number;
  questions: number;
  answered: number;
  correct: number;
  ended: SessionResult['ended'];
  /** Exam mode only: the scaled score 100–1000 (our estimate, see docs). */
  scaledScore?: number;
  passed?: boolean;
}

/** The learner's history and where new answers go. */
export interface QuizProgress {
  answers(): { questionId: string; correct: boolean }[];
  topicMastery(): Record<string, { accuracy: number }>;
  /** Accuracy per exam tip over every answer recorded (the session's included); the next step's lab uses it. */
  tipMastery?(): Record<string, { accuracy: number }>;
  storedCards(): Record<string, StoredCard>;
  recordMany(answers: AnswerRecordOut[], cards: Record<string, StoredCard>): void;
  recordSession(session: SessionRecordOut): void;
}

/** The learner's side, opened only once there is something to ask; `close` runs however the session ends. */
export interface QuizConsole extends Omit<SessionIO, 'prompter' | 'onAnswer'> {
  openPrompter(): { prompter: QuizPrompter; close(): void };
}

export interface QuizRequest {
  mode: QuizMode;
  filters: Filters;
  /** How many questions; undefined: the mode's default. */
  count?: number;
  /** Generated drills: asked as given (no selection), answers recorded, no review cards. */
  generated: boolean;
  sessionId: string;
}

export interface QuizPorts {
  progress: QuizProgress;
  /** Every question the banks (or the drill generator) hold. */
  questions: Question[];
  /** Question and option order; undefined keeps bank order (--no-shuffle). */
  random: Random | undefined;
  console: QuizConsole;
}

export type QuizOutcome =
  /** Nothing to ask: why (a filter that matched nothing, an empty bank, nothing due). `emptyBank` when no questions at all. */
  | { asked: false; reason: string; emptyBank: boolean; usage?: boolean }
  | { asked: true; result: SessionResult };

export async function runQuiz(req: QuizRequest, ports: QuizPorts): Promise<QuizOutcome> {
  const { progress, console: io } = ports;
  const filtered = applyFilters(ports.questions, req.filters);
  if (filtered.empty) return { asked: false, reason: filtered.empty, emptyBank: ports.questions.length === 0, usage: filtered.usage };

  const lastCorrect: Record<string, boolean> = {};
  for (const a of progress.answers()) lastCorrect[a.questionId] = a.correct;
  const topicAccuracy = Object.fromEntries(Object.entries(progress.topicMastery()).map(([t, m]) => [t, m.accuracy]));
  const cards = progress.storedCards();
  const picked = req.generated
    ? { questions: filtered.questions }
    : selectQuestions(req.mode, filtered.questions, { cards, lastCorrect, topicAccuracy }, io.now(), req.count, ports.random);
  if (picked.empty) return { asked: false, reason: picked.empty, emptyBank: false };

  const { prompter, close } = io.openPrompter();
  const session: SessionIO = {
    prompter,
    write: io.write,
    now: io.now,
    style: io.style,
    width: io.width,
    onAnswer: (e: AnswerEvent) =>
      progress.recordMany(
        [
          {
            questionId: e.question.id,
            topic: e.question.topic,
            tips: e.question.tips,
            mode: req.mode,
            correct: e.correct,
            guessed: e.guessed,
            chosen: e.chosen,
            durationMs: e.durationMs,
            at: e.at,
            sessionId: req.sessionId,
          },
        ],
        e.card && !req.generated ? { [e.question.id]: e.card } : {},
      ),
  };
  let result: SessionResult;
  try {
    result =
      req.mode === 'exam'
        ? await runExam(picked.questions, cards, session, ports.random)
        : await runSession(req.mode, picked.questions, req.generated ? {} : cards, session, ports.random);
  } finally {
    close();
  }
  // Every session ends with one next step, however it ended.
  io.write(io.style.bold(fit(nextStep(result, req.generated ? {} : cards, io.now(), req.generated, progress.tipMastery?.() ?? {}), io.width, '', '  ')) + '\n');
  progress.recordSession({
    id: req.sessionId,
    mode: result.mode,
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
    questions: result.questions,
    answered: result.answered,
    correct: result.correct,
    ended: result.ended,
    ...(result.scaledScore !== undefined ? { scaledScore: result.scaledScore, passed: result.passed } : {}),
  });
  return { asked: true, result };
}

/**
 * A prompter that can be stopped from outside (SIGTERM, SIGHUP) while a question waits: the pending and every
 * later call end with QuizStop, so the session ends as after Ctrl-C (answers kept, session recorded).
 */
export class StoppablePrompter implements QuizPrompter {
  private stopped?: QuizStop;
  private readonly waiting = new Set<(e: QuizStop) => void>();
  constructor(private readonly inner: QuizPrompter) {}
  get showsOptions(): boolean {
    return this.inner.showsOptions;
  }
  stop(reason: StopReason): void {
    this.stopped ??= new QuizStop(reason);
    for (const reject of this.waiting) reject(this.stopped);
    this.waiting.clear();
  }
  answer(view: AskView): Promise<string> {
    return this.race(() => this.inner.answer(view));
  }
  confirm(message: string, defaultValue: boolean): Promise<boolean> {
    return this.race(() => this.inner.confirm(message, defaultValue));
  }
  private race<T>(call: () => Promise<T>): Promise<T> {
    if (this.stopped) return Promise.reject(this.stopped);
    return new Promise<T>((ok, fail) => {
      const reject = (e: QuizStop) => fail(e);
      this.waiting.add(reject);
      call().then(
        (v) => (this.waiting.delete(reject), ok(v)),
        (e: unknown) => (this.waiting.delete(reject), fail(e)),
      );
    });
  }
}
