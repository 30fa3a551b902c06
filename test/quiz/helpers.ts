// Shared test helpers for the quiz modes: the small fixture bank and a SessionIO that records everything.
import { fileURLToPath } from 'node:url';
import { ScriptedPrompter, type Scripted } from '../../src/cli/prompter.js';
import { ManualClock } from '../../src/aws/ports.js';
import { PLAIN, type AnswerEvent, type SessionIO } from '../../src/quiz/ports.js';
import { loadBanks } from '../../src/storage/banks.js';
import type { Question } from '../../src/quiz/types.js';

export const SMALL = fileURLToPath(new URL('../fixtures/banks/small', import.meta.url));

export function smallBank(): Question[] {
  return loadBanks([SMALL]).questions;
}

export const byId = (qs: Question[], ...ids: string[]): Question[] => ids.map((id) => qs.find((q) => q.id === id) as Question);

export function scriptedIO(queue: Scripted[], clock = new ManualClock(Date.UTC(2026, 10, 1, 9)), stepMs = 0) {
  let out = '';
  const events: AnswerEvent[] = [];
  const prompter = new ScriptedPrompter(queue, { onAnswer: () => clock.advance(stepMs) });
  const io: SessionIO = { prompter, write: (s) => void (out += s), now: () => clock.now(), style: PLAIN, onAnswer: (e) => events.push(e) };
  return { io, prompter, events, clock, output: () => out };
}
