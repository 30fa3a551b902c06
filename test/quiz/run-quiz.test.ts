// The quiz use case behind its ports: an in-memory progress store, a scripted prompter, no terminal.
import { describe, expect, it } from '@jest/globals';
import { ScriptedPrompter, type Scripted } from '../../src/cli/prompter.js';
import { ManualClock } from '../../src/aws/ports.js';
import { PLAIN } from '../../src/quiz/ports.js';
import { runQuiz, type AnswerRecordOut, type QuizPorts, type QuizRequest, type SessionRecordOut } from '../../src/quiz/run-quiz.js';
import type { StoredCard } from '../../src/quiz/schedule.js';
import type { Question } from '../../src/quiz/types.js';
import { smallBank } from './helpers.js';

const T0 = Date.UTC(2026, 10, 1, 9);

function memoryProgress(answers: { questionId: string; correct: boolean; topic?: string }[] = []) {
  const recorded: AnswerRecordOut[] = [];
  const sessions: SessionRecordOut[] = [];
  const cards: Record<string, StoredCard> = {};
  return {
    recorded,
    sessions,
    cards,
    answers: () => [...answers, ...recorded],
    topicMastery: () => ({}),
    storedCards: () => ({ ...cards }),
    recordMany: (a: AnswerRecordOut[], c: Record<string, StoredCard>) => void (recorded.push(...a), Object.assign(cards, c)),
    recordSession: (s: SessionRecordOut) => void sessions.push(s),
  };
}

function setup(queue: Scripted[], questions: Question[] = smallBank(), history: { questionId: string; correct: boolean }[] = []) {
  const progress = memoryProgress(history);
  const prompter = new ScriptedPrompter(queue);
  let out = '';
  let opened = 0;
  let closed = 0;
  const clock = new ManualClock(T0);
  const ports: QuizPorts = {
    progress,
    questions,
    random: undefined,
    console: {
      write: (s) => void (out += s),
      now: () => clock.now(),
      style: PLAIN,
      openPrompter: () => {
        opened++;
        return { prompter, close: () => void closed++ };
      },
    },
  };
  return { ports, progress, prompter, output: () => out, prompts: () => ({ opened, closed }) };
}

const req = (over: Partial<QuizRequest> = {}): QuizRequest => ({ mode: 'practice', filters: {}, count: 2, generated: false, sessionId: 's1', ...over });

describe('runQuiz', () => {
  it('ends every session with a next step: here the review of the one missed, and its lab', async () => {
    const { ports, output } = setup(['B', 'A,B']);
    await runQuiz(req({ filters: { topic: 'rotation' } }), ports);
    expect(output().trimEnd().split('\n').at(-1)).toBe('Next: review the one you missed: kms-study quiz --mode review; then practise your weakest tip here (key-rotation) hands-on: kms-study lab key-rotation');
  });

  it('asks the picked questions, records each answer with its card and the session at the end', async () => {
    const { ports, progress, prompter, prompts } = setup(['A', 'A,B']);
    const outcome = await runQuiz(req({ filters: { topic: 'rotation' } }), ports);
    expect(outcome.asked && outcome.result).toMatchObject({ mode: 'practice', answered: 2, ended: 'completed' });
    expect(prompter.remaining).toBe(0);
    expect(progress.recorded.map((a) => [a.questionId, a.mode, a.sessionId])).toEqual([
      ['fx-rotation-period', 'practice', 's1'],
      ['fx-rotation-keeps', 'practice', 's1'],
    ]);
    expect(Object.keys(progress.cards).sort()).toEqual(['fx-rotation-keeps', 'fx-rotation-period']);
    expect(progress.sessions).toEqual([expect.objectContaining({ id: 's1', mode: 'practice', questions: 2, answered: 2, ended: 'completed' })]);
    expect(prompts()).toEqual({ opened: 1, closed: 1 });
  });

  it('says why there is nothing to ask, without opening the prompter', async () => {
    const filtered = setup([]);
    const r = await runQuiz(req({ filters: { topic: 'rotatoin' } }), filtered.ports);
    expect(r).toEqual({ asked: false, emptyBank: false, usage: true, reason: expect.stringContaining('did you mean rotation?') });
    expect(filtered.prompts().opened).toBe(0);
    const empty = setup([], []);
    expect(await runQuiz(req(), empty.ports)).toEqual({ asked: false, emptyBank: true, usage: undefined, reason: 'the question bank is empty' });
    const review = setup([]);
    expect((await runQuiz(req({ mode: 'review' }), review.ports)).asked).toBe(false);
    expect(review.progress.sessions).toEqual([]);
  });

  it('review mode reads the history from the progress port', async () => {
    const { ports, prompter } = setup(['A'], smallBank(), [{ questionId: 'fx-rotation-period', correct: false }]);
    const r = await runQuiz(req({ mode: 'review' }), ports);
    expect(r.asked).toBe(true);
    expect(prompter.asked.map((v) => v.number)).toEqual([1]);
  });

  it('generated drills are asked as given and make no review cards', async () => {
    const { ports, progress } = setup(['A'], smallBank().slice(0, 1));
    await runQuiz(req({ generated: true, count: undefined }), ports);
    expect(progress.recorded).toHaveLength(1);
    expect(progress.cards).toEqual({});
  });

  it('a stop keeps the answers, records the session as ended, and closes the prompter', async () => {
    const { ports, progress, prompts } = setup(['A', { stop: 'interrupted' }]);
    const r = await runQuiz(req({ filters: { topic: 'rotation' } }), ports);
    expect(r.asked && r.result.ended).toBe('interrupted');
    expect(progress.recorded).toHaveLength(1);
    expect(progress.sessions[0]).toMatchObject({ ended: 'interrupted', answered: 1 });
    expect(prompts().closed).toBe(1);
  });
});
