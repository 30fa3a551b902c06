import { describe, expect, it } from '@jest/globals';
import { ManualClock } from '../../src/aws/ports.js';
import { clock, runExam } from '../../src/quiz/exam.js';
import { ScriptedPrompter } from '../../src/cli/prompter.js';
import { PLAIN, type SessionIO } from '../../src/quiz/ports.js';
import { byId, scriptedIO, smallBank } from './helpers.js';

const bank = smallBank();
const T0 = Date.UTC(2026, 10, 1, 9);
// Bank order (no shuffle): 1 = fx-deletion-wait (B), 2 = fx-deletion-cancel (C), 3 = fx-rotation-keeps (A,B)
const qs = () => byId(bank, 'fx-deletion-wait', 'fx-deletion-cancel', 'fx-rotation-keeps');

describe('exam mode state machine', () => {
  it('moves back and forth, flags, goes to, lists, and shows no feedback until submit', async () => {
    const { io, prompter, events, output } = scriptedIO(['B', 'p', 'n', 'f', 'g 3', 'A,B', 'r', 'g 9', 'submit', false, 'g 2', 'C', 'submit', true], new ManualClock(T0), 1000);
    const cards = {};
    const r = await runExam(qs(), cards, io, undefined);
    expect(prompter.remaining).toBe(0);
    expect(prompter.asked.map((v) => v.number)).toEqual([1, 2, 1, 2, 2, 3, 3, 3, 3, 3, 2, 3]);
    expect(prompter.asked[4].flagged).toBe(true);
    expect(prompter.asked[2].current).toEqual(['B']);
    expect(prompter.confirms).toEqual(['Submit with 1 unanswered and 1 flagged?', 'Submit with 0 unanswered and 1 flagged?']);
    const out = output();
    const beforeResult = out.slice(0, out.indexOf('Result:'));
    expect(beforeResult).not.toMatch(/Correct\.|Not quite|Takeaway/);
    expect(out).toContain('Exam: 3 questions in 6 minutes');
    expect(out).toContain('No question 9: choose 1–3.');
    expect(out).toMatch(/ 2\. — \(flagged\)/);
    expect(out).toContain('time left 6:00');
    expect(r).toMatchObject({ ended: 'submitted', questions: 3, answered: 3, correct: 3, scaledScore: 1000, passed: true });
    expect(out).toContain('Result: 3/3 correct (100%), scaled score 1000 — PASS (720 to pass)');
    expect(out).toMatch(/ {2}4\. Security and Compliance: 3\/3 \(100%\) — Meets competencies\n/);
    expect(out).toContain('does not publish');
    expect(events).toHaveLength(3);
    expect(Object.keys(cards).sort()).toEqual(['fx-deletion-cancel', 'fx-deletion-wait', 'fx-rotation-keeps']);
  });

  it('shows guess marks (B?) in the review list and in what to review', async () => {
    const { io, output } = scriptedIO(['A?', 'C?', 'r', 'A,B', 'submit'], new ManualClock(T0));
    await runExam(qs(), {}, io, undefined);
    const out = output();
    expect(out).toMatch(/ {3}1\. A \(guessed\)\n {3}2\. C \(guessed\)\n {3}3\. —\n/);
    expect(out).toContain('answer B, you chose A (guessed).');
  });

  it('declining the submit confirmation keeps the exam going', async () => {
    const { io, prompter } = scriptedIO(['submit', false, 'B', 'C', 'A,B', 'submit'], new ManualClock(T0));
    const r = await runExam(qs(), {}, io, undefined);
    expect(prompter.remaining).toBe(0);
    expect(r.ended).toBe('submitted');
    expect(r.correct).toBe(3);
  });

  it('counts blanks as wrong, scores all-or-nothing and lists what to review with the lab', async () => {
    const { io, events, output } = scriptedIO(['A', 'n', 'A,C', 'submit', true], new ManualClock(T0));
    const r = await runExam(qs(), {}, io, undefined);
    expect(r).toMatchObject({ correct: 0, answered: 2, scaledScore: 100, passed: false });
    expect(events.map((e) => [e.question.id, e.correct, e.chosen])).toEqual([
      ['fx-deletion-wait', false, ['A']],
      ['fx-deletion-cancel', false, []],
      ['fx-rotation-keeps', false, ['A', 'C']],
    ]);
    expect(output()).toContain('2. Fixture question four: what state does a key…: answer C, not answered.');
    expect(output()).not.toContain('fx-deletion-cancel');
    expect(output()).toContain('Practise this: kms-study lab key-deletion');
    expect(output()).toMatch(/By topic:\n {2}deletion +0\/2 \(0%\)\n {2}rotation +0\/1/);
    expect(output()).toMatch(/By exam domain \(like the section table of AWS's score report; our rating: 72% or more meets\):\n {2}4\. Security and Compliance: 0\/3 \(0%\) — Needs improvement\n/);
  });

  it('ends when time is up and scores what was answered', async () => {
    const c = new ManualClock(T0);
    // 6 minutes for 3 questions; each prompt takes 2.5 minutes: the third answer arrives after the deadline.
    const { io, output } = scriptedIO(['B', 'C', 'A,B'], c, 150_000);
    const r = await runExam(qs(), {}, io, undefined);
    expect(r).toMatchObject({ ended: 'time-up', answered: 2, correct: 2 });
    expect(r.scaledScore).toBe(Math.round(100 + (620 * (2 / 3)) / 0.72));
    expect(output()).toContain('Time is up: the exam is submitted as it stands.');
    expect(output()).toContain('time left 1:00');
  });

  it('an interrupted exam keeps the answers given, unscored', async () => {
    const { io, events } = scriptedIO(['B', { stop: 'interrupted' }], new ManualClock(T0));
    const r = await runExam(qs(), {}, io, undefined);
    expect(r).toMatchObject({ ended: 'interrupted', answered: 1 });
    expect(r.scaledScore).toBeUndefined();
    expect(events.map((e) => e.question.id)).toEqual(['fx-deletion-wait']);
  });

  it('formats the timer', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(61_000)).toBe('1:01');
    expect(clock(130 * 60_000)).toBe('130:00');
  });
});

describe('exam mode on a terminal (menu prompter)', () => {
  it('prints the options with the question, before the "Choose" hint, since exam answers are typed', async () => {
    const clock = new ManualClock(T0);
    const prompter = new ScriptedPrompter(['submit', true], { showsOptions: true });
    let out = '';
    const io: SessionIO = { prompter, write: (s) => void (out += s), now: () => clock.now(), style: PLAIN, onAnswer: () => undefined };
    await runExam(byId(bank, 'fx-rotation-period'), {}, io, undefined);
    const q = out.slice(out.indexOf('Question 1 of 1'));
    expect(q).toMatch(/\n {2}A\. .+\n {2}B\. .+\n {2}C\. .+\n {2}D\. .+\n.*Choose one\./);
  });

  it('an invalid answer is a sentence of its own before the command list, wrapped to io.width', async () => {
    const { io, output } = scriptedIO(['Z', 'submit', true]);
    await runExam(byId(bank, 'fx-rotation-period'), {}, { ...io, width: 60 }, undefined);
    expect(output().replace(/\n/g, ' ')).toContain('"Z" is not an option (answer with letters A–D). Commands: a letter answer');
    expect(output().split("\n").filter((l) => l.length > 60)).toEqual([]);
  });
});
