import { describe, expect, it } from '@jest/globals';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataError } from '../../src/errors.js';
import { Rating, review } from '../../src/quiz/schedule.js';
import { ProgressStore, SCHEMA_VERSION, type AnswerRecord } from '../../src/storage/progress.js';

const V0 = fileURLToPath(new URL('../fixtures/progress/v0.json', import.meta.url));
const T = Date.UTC(2026, 10, 1, 12);
const temp = () => mkdtempSync(join(tmpdir(), 'kms-progress-'));
const answer = (over: Partial<AnswerRecord> = {}): AnswerRecord => ({
  questionId: 'q1', topic: 'rotation', tips: ['key-rotation'], mode: 'practice', correct: true, guessed: false, chosen: ['A'], durationMs: 5000, at: T, ...over,
});

describe('ProgressStore', () => {
  it('starts empty without writing, then keeps answers, sessions, cards and labs across opens', () => {
    const dir = temp();
    const { store, warnings } = ProgressStore.open(dir, () => T);
    expect(warnings).toEqual([]);
    expect(existsSync(join(dir, 'progress.json'))).toBe(false);
    store.recordAnswer(answer());
    store.recordAnswer(answer({ questionId: 'q2', topic: 'deletion', tips: ['deletion-wait-period'], correct: false }));
    store.recordAnswer(answer({ questionId: 'q3', topic: 'deletion', tips: ['deletion-wait-period'] }));
    store.recordSession({ id: 's1', mode: 'practice', startedAt: T, finishedAt: T + 1, questions: 3, answered: 3, correct: 2, ended: 'completed' });
    store.setCard('q1', review(undefined, T, Rating.Good));
    store.recordLabResult({ labId: 'key-deletion', completed: true, startedAt: T, finishedAt: T + 60_000, hintsUsed: 1, attempts: 2 });

    const again = ProgressStore.open(dir, () => T).store;
    expect(again.topicMastery()).toEqual({ rotation: { answered: 1, correct: 1, accuracy: 1 }, deletion: { answered: 2, correct: 1, accuracy: 0.5 } });
    expect(again.tipMastery()['deletion-wait-period']).toEqual({ answered: 2, correct: 1, accuracy: 0.5 });
    expect(again.sessions()).toHaveLength(1);
    expect(again.labResults()[0]).toMatchObject({ labId: 'key-deletion', completed: true, hintsUsed: 1 });
    expect(again.cards().q1.due).toBeInstanceOf(Date);
    expect(again.cards().q1.due.getTime()).toBe(review(undefined, T, Rating.Good).due);
    const file = JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8'));
    expect(file.schemaVersion).toBe(SCHEMA_VERSION);
    expect(file.answers[0].durationMs).toBe(5000);
  });

  it('returns copies, so callers cannot change stored data by accident', () => {
    const { store } = ProgressStore.open(temp(), () => T);
    store.recordAnswer(answer());
    store.answers()[0].correct = false;
    expect(store.answers()[0].correct).toBe(true);
  });

  it('migrates a v0 file to v1 and rewrites it', () => {
    const dir = temp();
    copyFileSync(V0, join(dir, 'progress.json'));
    const { store, warnings } = ProgressStore.open(dir, () => T);
    expect(warnings).toEqual(['progress file upgraded from schema version 0 to 1']);
    expect(store.answers()).toEqual([
      { questionId: 'rotation-custom-period', topic: 'rotation', tips: [], mode: 'practice', correct: true, guessed: false, chosen: [], durationMs: 12000, at: 1761984000000 },
      { questionId: 'deletion-default-window', topic: 'deletion', tips: [], mode: 'practice', correct: false, guessed: false, chosen: [], durationMs: null, at: 1761984060000 },
      { questionId: 'deletion-default-window', topic: 'deletion', tips: [], mode: 'practice', correct: true, guessed: false, chosen: [], durationMs: 8000, at: 1762070400000 },
    ]);
    expect(store.sessions().map((s) => [s.id, s.mode, s.questions, s.correct])).toEqual([['v0-1', 'practice', 2, 1], ['v0-2', 'exam', 1, 1]]);
    expect(store.topicMastery().deletion).toEqual({ answered: 2, correct: 1, accuracy: 0.5 });
    const file = JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8'));
    expect(file).toMatchObject({ schemaVersion: 1, cards: {}, labs: [], config: { bankDirs: [] } });
    expect(ProgressStore.open(dir, () => T).warnings).toEqual([]);
  });

  it('moves a corrupt file aside and reports it, never replacing it silently', () => {
    const dir = temp();
    writeFileSync(join(dir, 'progress.json'), '{"schemaVersion": 1, "answers": [');
    const { store, warnings } = ProgressStore.open(dir, () => T);
    const moved = readdirSync(dir).filter((f) => f.startsWith('progress.json.corrupt-'));
    expect(moved).toEqual(['progress.json.corrupt-2026-11-01T12-00-00-000Z']);
    expect(readFileSync(join(dir, moved[0]), 'utf8')).toBe('{"schemaVersion": 1, "answers": [');
    expect(warnings[0]).toMatch(/unreadable \(not valid JSON.*\); moved it to .*progress\.json\.corrupt-2026-11-01T12-00-00-000Z and started a new one/);
    expect(store.answers()).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8')).schemaVersion).toBe(1);
  });

  it('treats valid JSON of the wrong shape as corrupt too', () => {
    const dir = temp();
    writeFileSync(join(dir, 'progress.json'), JSON.stringify({ schemaVersion: 1, answers: 'lots' }));
    const { warnings } = ProgressStore.open(dir, () => T);
    expect(warnings[0]).toMatch(/"answers" is not a list/);
  });

  for (const [what, text] of [
    ['{"foo":1}', '{"foo":1}'],
    ['a sandbox state file copied there', JSON.stringify({ format: 'kms-study-sandbox', version: 1, profile: 'default', profiles: {}, engine: {} })],
  ]) {
    it(`keeps a wrong-shape file (${what}) aside instead of "upgrading" and overwriting it`, () => {
      const dir = temp();
      writeFileSync(join(dir, 'progress.json'), text);
      const { store, warnings } = ProgressStore.open(dir, () => T);
      expect(warnings[0]).toMatch(/this is not a progress file.*moved it to .*progress\.json\.corrupt-/);
      const moved = readdirSync(dir).filter((f) => f.startsWith('progress.json.corrupt-'));
      expect(moved).toHaveLength(1);
      expect(readFileSync(join(dir, moved[0]), 'utf8')).toBe(text);
      store.recordAnswer(answer());
      expect(readFileSync(join(dir, moved[0]), 'utf8')).toBe(text);
      expect(statSync(join(dir, 'progress.json')).mode & 0o777).toBe(0o600);
    });
  }

  it('refuses a file from a newer kms-study and leaves it untouched', () => {
    const dir = temp();
    const text = JSON.stringify({ schemaVersion: 99, answers: [] });
    writeFileSync(join(dir, 'progress.json'), text);
    expect(() => ProgressStore.open(dir, () => T)).toThrow(DataError);
    expect(() => ProgressStore.open(dir, () => T)).toThrow(/schemaVersion 99.*upgrade kms-study/);
    expect(readFileSync(join(dir, 'progress.json'), 'utf8')).toBe(text);
  });

  it('reset forgets progress but keeps the config; export returns everything', () => {
    const dir = temp();
    const { store } = ProgressStore.open(dir, () => T);
    store.setConfig({ bankDirs: ['/extra/banks'] });
    store.recordAnswer(answer());
    expect(store.exportData()).toMatchObject({ schemaVersion: 1, answers: [{ questionId: 'q1' }], config: { bankDirs: ['/extra/banks'] } });
    store.reset();
    const again = ProgressStore.open(dir, () => T).store;
    expect(again.answers()).toEqual([]);
    expect(again.config()).toEqual({ bankDirs: ['/extra/banks'] });
  });

  it('two stores on the same file (a quiz and a lab in two terminals) keep both records', () => {
    const dir = temp();
    const quiz = ProgressStore.open(dir, () => T).store;
    const lab = ProgressStore.open(dir, () => T).store;
    quiz.recordAnswer(answer());
    lab.recordLabResult({ labId: 'grants', completed: true, startedAt: T, hintsUsed: 0, attempts: 1 });
    quiz.recordAnswer(answer({ questionId: 'q2' }));
    const after = ProgressStore.open(dir, () => T).store;
    expect(after.answers().map((a) => a.questionId)).toEqual(['q1', 'q2']);
    expect(after.labResults().map((l) => l.labId)).toEqual(['grants']);
  });

  it('creates a data directory that does not exist yet', () => {
    const dir = join(temp(), 'nested', 'home');
    const { store } = ProgressStore.open(dir, () => T);
    store.recordAnswer(answer());
    expect(JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8')).answers).toHaveLength(1);
  });
});
