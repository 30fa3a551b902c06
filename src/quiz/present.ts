// Shuffling with the Random port: questions and options in a repeatable order for a given seed, with a
// mapping from display letters back to the bank's letters so the key stays right.
import type { Random } from '../aws/ports.js';
import { LETTERS, type Letter, type Question, type QuestionOption } from './types.js';

/** A uniform integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  const b = random.bytes(4);
  const x = ((b[0] << 24) >>> 0) + (b[1] << 16) + (b[2] << 8) + b[3];
  return Math.floor((x / 2 ** 32) * n);
}

export function shuffled<T>(items: readonly T[], random: Random | undefined): T[] {
  const out = [...items];
  if (!random) return out;
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export interface Presented {
  question: Question;
  /** Options in display order; display letter = LETTERS[index]. */
  options: QuestionOption[];
}

export function present(q: Question, random: Random | undefined): Presented {
  return { question: q, options: shuffled(q.options, random) };
}

export const displayLetters = (p: Presented): string[] => p.options.map((_, i) => LETTERS[i]);

/** Display letters -> bank letters. */
export function toBank(p: Presented, display: string[]): Letter[] {
  return display.map((d) => p.options[LETTERS.indexOf(d as Letter)].letter).sort();
}

/** Bank letters -> display letters. */
export function toDisplay(p: Presented, bank: readonly string[]): string[] {
  return bank.map((b) => LETTERS[p.options.findIndex((o) => o.letter === b)]).sort();
}
