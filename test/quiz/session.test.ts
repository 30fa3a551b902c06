import { describe, expect, it } from '@jest/globals';
import { ManualClock } from '../../src/aws/ports.js';
import { QuizStop } from '../../src/quiz/ports.js';
import { Rating, review } from '../../src/quiz/schedule.js';
import { runSession } from '../../src/quiz/session.js';
import { byId, scriptedIO, smallBank } from './helpers.js';

const bank = smallBank();
const T0 = Date.UTC(2026, 10, 1, 9);

describe('practice mode (bank order, no shuffle)', () => {
  it('asks, re-asks on a bad answer, grades, explains every option and schedules the card', async () => {
    const qs = byId(bank, 'fx-rotation-period', 'fx-rotation-keeps');
    const cards = {};
    const { io, prompter, events, output } = scriptedIO(['Z', 'A', 'A,C'], new ManualClock(T0), 4000);
    const r = await runSession('practice', qs, cards, io, undefined);
    expect(prompter.remaining).toBe(0);
    expect(prompter.asked.map((v) => [v.number, v.choose])).toEqual([[1, 1], [1, 1], [2, 2]]);
    expect(r).toMatchObject({ mode: 'practice', questions: 2, answered: 2, correct: 1, ended: 'completed' });
    expect(events.map((e) => [e.question.id, e.correct, e.chosen])).toEqual([
      ['fx-rotation-period', true, ['A']],
      ['fx-rotation-keeps', false, ['A', 'C']],
    ]);
    expect(events[0].durationMs).toBe(8000); // two prompts of 4 s before the valid answer
    const out = output();
    expect(out).toContain('"Z" is not an option (answer with letters A–D)');
    expect(out).toContain('Choose 2. Type the letters like A,C');
    expect(out).toContain('Not quite. The answer is A, B.');
    for (const why of ['Reason', 'Rotation keeps the key ID.', 'Old material is kept.', 'Policies are untouched.', 'Rotation never touches data.', 'Aliases stay.'])
      expect(out).toContain(why.replace('Reason', 'The fixture'));
    expect(out).toContain('Takeaway: Rotation adds material');
    expect(out).toContain('Sources: https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html');
    expect(Object.keys(cards)).toEqual(['fx-rotation-period', 'fx-rotation-keeps']);
    expect(events[1].card?.lapses).toBe(0);
    expect(events[1].card?.state).toBe(1); // Learning after Again
  });

  it('offers the lab after a wrong answer to a question that names one', async () => {
    const { io, output } = scriptedIO(['C']);
    await runSession('practice', byId(bank, 'fx-deletion-wait'), {}, io, undefined);
    expect(output()).toContain('Practise this: kms-study lab key-deletion');
  });

  it('grades a right-but-guessed answer Hard: due sooner than a sure Good', async () => {
    const q = byId(bank, 'fx-deletion-wait');
    const a = scriptedIO(['B?']);
    await runSession('practice', q, {}, a.io, undefined);
    const b = scriptedIO(['B']);
    await runSession('practice', q, {}, b.io, undefined);
    expect(a.events[0]).toMatchObject({ correct: true, guessed: true });
    expect(a.events[0].card).toEqual(review(undefined, T0, Rating.Hard));
    expect(b.events[0].card).toEqual(review(undefined, T0, Rating.Good));
    // The learner reads the question's title (first words of its stem), never its id.
    expect(a.output()).toContain('Lucky guesses (scheduled sooner): "Fixture question three: what is the default…"');
    expect(a.output()).not.toContain('fx-deletion-wait');
  });

  it('ends on end of input keeping the answers given, and reports why', async () => {
    const { io, events, output } = scriptedIO(['B', { stop: 'end-of-input' }]);
    const r = await runSession('practice', byId(bank, 'fx-deletion-wait', 'fx-deletion-cancel'), {}, io, undefined);
    expect(r).toMatchObject({ ended: 'end-of-input', answered: 1, questions: 2, correct: 1 });
    expect(events).toHaveLength(1);
    expect(output()).toMatch(/Stopped \(end of input before the last question\); your 1 answer is saved/);
    expect(output()).toContain('Score: 1/1 correct (100%) — 1 not answered');
  });

  it('stopped before any answer, it says there was nothing to save (not "your 0 answers are saved")', async () => {
    const { io, output } = scriptedIO([{ stop: 'end-of-input' }]);
    await runSession('practice', byId(bank, 'fx-deletion-wait'), {}, io, undefined);
    expect(output()).toContain('Stopped (end of input before the last question); no answers to save.');
    expect(output()).not.toContain('0 answers');
  });

  it('ends on Ctrl-C the same way', async () => {
    const { io } = scriptedIO([{ stop: 'interrupted' }]);
    const r = await runSession('review', byId(bank, 'fx-deletion-wait'), {}, io, undefined);
    expect(r).toMatchObject({ ended: 'interrupted', answered: 0 });
  });

  it('lets other errors through (an unexpected prompt is a test failure, not a stop)', async () => {
    const { io } = scriptedIO([]);
    await expect(runSession('practice', byId(bank, 'fx-deletion-wait'), {}, io, undefined)).rejects.toThrow(/unexpected answer prompt/);
    expect(new QuizStop('time-up').message).toBe('time is up');
  });
});

describe('cram mode', () => {
  it('grades and records answers but leaves the schedule alone', async () => {
    const cards = {};
    const { io, events, output } = scriptedIO(['B', 'A']);
    const r = await runSession('cram', byId(bank, 'fx-deletion-wait', 'fx-deletion-cancel'), cards, io, undefined);
    expect(r.correct).toBe(1);
    expect(events.map((e) => e.card)).toEqual([undefined, undefined]);
    expect(cards).toEqual({});
    expect(output()).toContain('Cram mode does not change your review schedule.');
  });
});

describe('review mode', () => {
  it('updates the schedule like practice', async () => {
    const cards = {};
    const { io, events } = scriptedIO(['C']);
    await runSession('review', byId(bank, 'fx-deletion-cancel'), cards, io, undefined);
    expect(events[0].card).toBeDefined();
    expect(Object.keys(cards)).toEqual(['fx-deletion-cancel']);
  });
});

describe('sources after an answer', () => {
  it('keeps every URL whole: one line when they fit, else one URL a line', async () => {
    const { sourceLines } = await import('../../src/quiz/text.js');
    const short = ['https://docs.aws.amazon.com/kms/a.html'];
    expect(sourceLines(short, 80)).toBe('Sources: https://docs.aws.amazon.com/kms/a.html');
    expect(sourceLines(['a', 'b'], undefined)).toBe('Sources: a  b'); // a pipe: one line
    const long = ['https://docs.aws.amazon.com/kms/latest/APIReference/API_KeyMetadata.html', 'https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html'];
    const lines = sourceLines(long, 80).split('\n');
    expect(lines).toEqual(['Sources:', `  ${long[0]}`, `  ${long[1]}`]);
  });
});
