// A spaced-repetition card as the progress store keeps it (dates as epoch ms) and its conversion to and from
// ts-fsrs's Card. Types only from ts-fsrs: the store (and the lab list through it) loads no scheduler.
import type { Card, State } from 'ts-fsrs';

/** A card as JSON: dates as epoch milliseconds. */
export interface StoredCard {
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review?: number;
}

export function toCard(s: StoredCard): Card {
  return { ...s, state: s.state as State, due: new Date(s.due), last_review: s.last_review === undefined ? undefined : new Date(s.last_review) };
}

export function fromCard(c: Card): StoredCard {
  const out: StoredCard = {
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
  };
  if (c.last_review) out.last_review = c.last_review.getTime();
  return out;
}
