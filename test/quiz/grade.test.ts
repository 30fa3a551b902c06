import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SeededRandom } from '../../src/aws/ports.js';
import { parseBank } from '../../src/quiz/bank.js';
import { isCorrect, parseAnswerText } from '../../src/quiz/grade.js';
import { displayLetters, present, shuffled, toBank, toDisplay } from '../../src/quiz/present.js';

const file = fileURLToPath(new URL('../fixtures/banks/small/rotation.yaml', import.meta.url));
const [single, multi] = parseBank(readFileSync(file, 'utf8'), file).questions;

describe('parseAnswerText', () => {
  const L4 = ['A', 'B', 'C', 'D'];
  const L5 = ['A', 'B', 'C', 'D', 'E'];
  it('reads one letter in any case, and ? as guessed', () => {
    expect(parseAnswerText(' b ', L4, 1)).toEqual({ kind: 'answer', letters: ['B'], guessed: false });
    expect(parseAnswerText('B?', L4, 1)).toEqual({ kind: 'answer', letters: ['B'], guessed: true });
  });
  it('reads several letters with commas, spaces or none, sorted', () => {
    for (const raw of ['C,A', 'c, a', 'C A', 'CA']) expect(parseAnswerText(raw, L5, 2)).toEqual({ kind: 'answer', letters: ['A', 'C'], guessed: false });
    expect(parseAnswerText('A,C?', L5, 2)).toMatchObject({ guessed: true });
  });
  it('rejects unknown letters, the wrong count and empty input, saying what to do', () => {
    expect(parseAnswerText('E', L4, 1)).toEqual({ kind: 'invalid', why: '"E" is not an option (answer with letters A–D)' });
    // A word is quoted whole, not spelled out letter by letter; the range is the letters this question has.
    expect(parseAnswerText('hello', [...L4, 'E'], 1)).toEqual({ kind: 'invalid', why: '"hello" is not an option (answer with letters A–E)' });
    expect(parseAnswerText('A,B', L4, 1)).toMatchObject({ kind: 'invalid', why: 'choose one answer, you gave 2' });
    expect(parseAnswerText('A', L5, 2)).toMatchObject({ kind: 'invalid', why: 'choose exactly 2 answers, you gave 1' });
    expect(parseAnswerText('  ', L5, 2)).toMatchObject({ kind: 'invalid' });
  });
});

describe('grading', () => {
  it('single: only the key is right', () => {
    expect(isCorrect(single, ['A'])).toBe(true);
    expect(isCorrect(single, ['B'])).toBe(false);
  });
  it('multiple response is all-or-nothing', () => {
    expect(isCorrect(multi, ['B', 'A'])).toBe(true);
    expect(isCorrect(multi, ['A', 'C'])).toBe(false);
    expect(isCorrect(multi, ['A'])).toBe(false);
    expect(isCorrect(multi, ['A', 'B', 'C'])).toBe(false);
    expect(isCorrect(multi, [])).toBe(false);
  });
});

describe('shuffling keeps the key right', () => {
  it('maps display letters back to bank letters for every seed', () => {
    for (let seed = 0; seed < 30; seed++) {
      const p = present(multi, new SeededRandom(String(seed)));
      const shownKey = toDisplay(p, multi.answer);
      expect(isCorrect(multi, toBank(p, shownKey))).toBe(true);
      for (const [i, L] of displayLetters(p).entries()) expect(p.options[i].text).toBe(multi.options.find((o) => o.letter === toBank(p, [L])[0])?.text);
    }
  });
  it('is repeatable for a seed, varies across seeds, and keeps order without a Random', () => {
    const order = (seed: string) => present(multi, new SeededRandom(seed)).options.map((o) => o.letter).join('');
    expect(order('1')).toBe(order('1'));
    expect(new Set(['1', '2', '3', '4', '5', '6'].map(order)).size).toBeGreaterThan(1);
    expect(present(multi, undefined).options.map((o) => o.letter).join('')).toBe('ABCDE');
    expect(shuffled([1, 2, 3], undefined)).toEqual([1, 2, 3]);
  });
});
