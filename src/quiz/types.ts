// The question model shared by the bank loader, the quiz modes, the progress store and the stats.
// Mirrors docs/bank-format.md; letters are the bank's own (A–F), before any shuffling.
import type { Difficulty, ExamTaskId, ExamTipId, LabId, ScenarioId, TopicId } from '../content/taxonomy.js';

export const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Letter = (typeof LETTERS)[number];
export type QuestionType = 'single' | 'multiple';

export interface QuestionOption {
  letter: Letter;
  text: string;
  why: string;
  /** 1-based position of the option's `text` in its file (for lint messages); absent on generated questions. */
  line?: number;
  column?: number;
}

export interface Question {
  id: string;
  file: string;
  /** 1-based line of the question's `id` in its file (for cross-file lint messages). */
  line: number;
  column: number;
  topic: TopicId;
  tips: ExamTipId[];
  scenarios: ScenarioId[];
  task: ExamTaskId;
  difficulty: Difficulty;
  type: QuestionType;
  /** How many to pick: 1 for single. */
  choose: number;
  scope: 'in' | 'out';
  stem: string;
  options: QuestionOption[];
  /** The correct letters, in bank order. */
  answer: Letter[];
  takeaway: string;
  changed?: string;
  sources: string[];
  verified: string;
  lab?: LabId;
}
