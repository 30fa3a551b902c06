import { describe, expect, it } from '@jest/globals';
import { SeededRandom } from '../../src/aws/ports.js';
import { Rating, review } from '../../src/quiz/schedule.js';
import { applyFilters, selectQuestions, type History } from '../../src/quiz/select.js';
import { smallBank } from './helpers.js';

const bank = smallBank();
const NOW = Date.UTC(2026, 10, 10);
const DAY = 86_400_000;
const empty: History = { cards: {}, lastCorrect: {}, topicAccuracy: {} };

describe('filters', () => {
  it('apply in order and name the filter that matched nothing', () => {
    expect(applyFilters(bank, { topic: 'deletion' }).questions.map((q) => q.id)).toEqual(['fx-deletion-wait', 'fx-deletion-cancel']);
    expect(applyFilters(bank, { topic: 'deletion', difficulty: 'hard' }).questions.map((q) => q.id)).toEqual(['fx-deletion-cancel']);
    expect(applyFilters(bank, { tip: 'key-rotation' }).questions).toHaveLength(2);
    expect(applyFilters(bank, { topic: 'grants' }).empty).toBe('no questions match --topic grants (available: custom-key-stores, deletion, rotation)');
    // a typo gets a suggestion before the list
    expect(applyFilters(bank, { topic: 'rotatoin' }).empty).toBe('no questions match --topic rotatoin (available: custom-key-stores, deletion, rotation); did you mean rotation?');
    expect(applyFilters(bank, { topic: 'rotation', difficulty: 'hard' }).empty).toMatch(/^no questions match --difficulty hard \(available: easy, medium\)/);
    expect(applyFilters([], {}).empty).toBe('the question bank is empty');
  });
});

describe('mode selection', () => {
  it('practice puts due cards first (most overdue first), then new questions from weak topics, then the rest', () => {
    const h: History = {
      cards: {
        'fx-rotation-keeps': { ...review(undefined, NOW - 20 * DAY, Rating.Good), due: NOW - DAY },
        'fx-deletion-cancel': { ...review(undefined, NOW - 20 * DAY, Rating.Good), due: NOW - 5 * DAY },
        'fx-rotation-period': { ...review(undefined, NOW, Rating.Good), due: NOW + 5 * DAY },
      },
      lastCorrect: {},
      topicAccuracy: { deletion: 0.9, 'custom-key-stores': 0.2 },
    };
    const ids = selectQuestions('practice', bank, h, NOW, undefined, undefined).questions.map((q) => q.id);
    expect(ids).toEqual(['fx-deletion-cancel', 'fx-rotation-keeps', 'fx-cloudhsm-out', 'fx-deletion-wait', 'fx-rotation-period']);
  });

  it('review asks only missed and due questions, and says so when there are none', () => {
    const h: History = { ...empty, lastCorrect: { 'fx-deletion-wait': false, 'fx-rotation-period': true }, cards: { 'fx-rotation-period': { ...review(undefined, NOW - 9 * DAY, Rating.Good), due: NOW - 1 } } };
    expect(selectQuestions('review', bank, h, NOW, undefined, undefined).questions.map((q) => q.id)).toEqual(['fx-deletion-wait', 'fx-rotation-period']);
    expect(selectQuestions('review', bank, empty, NOW, undefined, undefined).empty).toMatch(/nothing to review/);
  });

  it('exam leaves out-of-scope questions out and caps at 65; --count limits', () => {
    const ids = selectQuestions('exam', bank, empty, NOW, undefined, new SeededRandom('x')).questions.map((q) => q.id);
    expect(ids).toHaveLength(4);
    expect(ids).not.toContain('fx-cloudhsm-out');
    expect(selectQuestions('exam', bank, empty, NOW, 2, undefined).questions).toHaveLength(2);
    expect(selectQuestions('exam', bank, empty, NOW, 500, undefined).questions).toHaveLength(4);
  });

  it('the same seed gives the same order', () => {
    const a = selectQuestions('cram', bank, empty, NOW, undefined, new SeededRandom('7')).questions.map((q) => q.id);
    const b = selectQuestions('cram', bank, empty, NOW, undefined, new SeededRandom('7')).questions.map((q) => q.id);
    expect(a).toEqual(b);
    expect(selectQuestions('cram', bank, empty, NOW, undefined, undefined).questions.map((q) => q.id)).toEqual(bank.map((q) => q.id));
  });
});
