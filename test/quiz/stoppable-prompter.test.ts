// StoppablePrompter: a question waiting on a terminal menu ends from outside (SIGTERM, SIGHUP) with QuizStop.
import { describe, expect, it } from '@jest/globals';
import { QuizStop, type AskView, type QuizPrompter } from '../../src/quiz/ports.js';
import { StoppablePrompter } from '../../src/quiz/run-quiz.js';

class NeverAnswers implements QuizPrompter {
  readonly showsOptions = true;
  answer(): Promise<string> {
    return new Promise(() => {});
  }
  confirm(): Promise<boolean> {
    return new Promise(() => {});
  }
}

class Answers implements QuizPrompter {
  readonly showsOptions = false;
  answer(): Promise<string> {
    return Promise.resolve('B');
  }
  confirm(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

const view = {} as AskView;

describe('StoppablePrompter', () => {
  it('passes answers through while not stopped', async () => {
    const p = new StoppablePrompter(new Answers());
    expect(p.showsOptions).toBe(false);
    await expect(p.answer(view)).resolves.toBe('B');
    await expect(p.confirm('x', false)).resolves.toBe(true);
  });

  it('ends the pending question and every later one with QuizStop("interrupted") once stopped', async () => {
    const p = new StoppablePrompter(new NeverAnswers());
    const pending = p.answer(view);
    p.stop('interrupted');
    await expect(pending).rejects.toEqual(new QuizStop('interrupted'));
    await expect(pending).rejects.toBeInstanceOf(QuizStop);
    await expect(p.confirm('again?', true)).rejects.toBeInstanceOf(QuizStop);
  });
});
