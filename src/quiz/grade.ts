// Reading what the learner typed and grading it. Multiple response is all-or-nothing, as on the exam.
import type { Question } from './types.js';

export type Parsed =
  | { kind: 'answer'; letters: string[]; guessed: boolean }
  | { kind: 'invalid'; why: string };

/** Parse `B`, `a, c`, `AC`, `B?` against the display letters offered and the number to choose. */
export function parseAnswerText(raw: string, letters: string[], choose: number): Parsed {
  let text = raw.trim().toUpperCase();
  const guessed = text.endsWith('?');
  if (guessed) text = text.slice(0, -1).trim();
  if (!text) return { kind: 'invalid', why: `type ${choose === 1 ? 'one letter' : `${choose} letters`} (${letters.join(', ')}); add ? if you guessed` };
  const picked = text.includes(',') || /\s/.test(text) ? text.split(/[\s,]+/).filter(Boolean) : [...text];
  const unknown = picked.filter((l) => !letters.includes(l));
  // The whole answer is quoted as typed ("hello", not "H, E, L, L, O"), with the letters this question offers.
  if (unknown.length) return { kind: 'invalid', why: `"${raw.trim()}" is not an option (answer with letters ${letters[0]}–${letters[letters.length - 1]})` };
  const unique = [...new Set(picked)].sort();
  if (unique.length !== choose) return { kind: 'invalid', why: `choose ${choose === 1 ? 'one answer' : `exactly ${choose} answers`}, you gave ${unique.length}` };
  return { kind: 'answer', letters: unique, guessed };
}

/** True when the chosen bank letters are exactly the answer set. */
export function isCorrect(q: Question, chosenBankLetters: string[]): boolean {
  const want = [...q.answer].sort();
  const got = [...new Set(chosenBankLetters)].sort();
  return want.length === got.length && want.every((l, i) => l === got[i]);
}
