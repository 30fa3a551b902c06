// What a quiz session needs from the outside: a prompter that returns the learner's raw answer text, an
// output, a clock, styling and callbacks that persist answers. The CLI supplies them; tests script them.
import type { StoredCard } from './schedule.js';
import type { Question } from './types.js';

export type QuizMode = 'practice' | 'exam' | 'review' | 'cram';

/** What the prompter shows for one question (letters are display letters, after shuffling). */
export interface AskView {
  mode: QuizMode;
  number: number;
  total: number;
  stem: string;
  options: { letter: string; text: string }[];
  type: 'single' | 'multiple';
  choose: number;
  /** Exam: when time is up (epoch ms); the prompter may give up waiting then. */
  deadline?: number;
  /** Exam: display letters chosen so far for this question. */
  current?: string[];
  flagged?: boolean;
}

/**
 * The learner's side. `answer` returns raw text: letters (`B`, `A,C`), a trailing `?` when guessed (`B?`),
 * or in exam mode a command (`n`, `p`, `f`, `g 12`, `r`, `submit`). Throws QuizStop to end the quiz.
 */
export interface QuizPrompter {
  /** True when the prompter shows the options itself (arrow-key menus); else the session prints them. */
  readonly showsOptions: boolean;
  answer(view: AskView): Promise<string>;
  confirm(message: string, defaultValue: boolean): Promise<boolean>;
}

export type StopReason = 'interrupted' | 'end-of-input' | 'time-up';

/** Thrown by a prompter (Ctrl-C, end of input, time up) to end the quiz; answers so far are kept. */
export class QuizStop extends Error {
  override readonly name = 'QuizStop';
  constructor(readonly reason: StopReason) {
    super(reason === 'interrupted' ? 'quiz interrupted' : reason === 'time-up' ? 'time is up' : 'end of input before the last question');
  }
}

export interface Style {
  ok(s: string): string;
  bad(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  warn(s: string): string;
}

export const PLAIN: Style = { ok: (s) => s, bad: (s) => s, dim: (s) => s, bold: (s) => s, warn: (s) => s };

export interface AnswerEvent {
  question: Question;
  chosen: string[];
  correct: boolean;
  guessed: boolean;
  durationMs: number;
  at: number;
  /** The new card, or undefined when the mode leaves the schedule alone (cram). */
  card?: StoredCard;
}

export interface SessionIO {
  prompter: QuizPrompter;
  write(text: string): void;
  now(): number;
  style: Style;
  /** Terminal width to wrap question text and feedback to; undefined leaves the text as written (pipes). */
  width?: number;
  /** Persist one graded answer (and its card) as soon as it is known. */
  onAnswer(e: AnswerEvent): void;
}
