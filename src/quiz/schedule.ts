// Spaced repetition with FSRS (ts-fsrs): each question is a card. Wrong = Again, right = Good, right but
// guessed = Hard (a pass, as FSRS intends). Time comes in as an argument; cards are stored with epoch ms.
import { createEmptyCard, fsrs, Rating, State, type Grade } from 'ts-fsrs';
import { fromCard, toCard, type StoredCard } from './card.js';

export { fromCard, toCard, type StoredCard } from './card.js';

/** Fuzz off so the same answers at the same times give the same schedule (tests, repeatable studies). */
const scheduler = fsrs({ request_retention: 0.9, enable_fuzz: false });


export function ratingFor(correct: boolean, guessed: boolean): Grade {
  if (!correct) return Rating.Again;
  return guessed ? Rating.Hard : Rating.Good;
}


/** The card after one review at `now` (a new card when there was none). */
export function review(card: StoredCard | undefined, now: number, rating: Grade): StoredCard {
  const current = card ? toCard(card) : createEmptyCard(new Date(now));
  return fromCard(scheduler.next(current, new Date(now), rating).card);
}

export function isDue(card: StoredCard | undefined, now: number): boolean {
  return card !== undefined && card.due <= now;
}

/** Probability of recalling the card now (0..1); 0 for a card never reviewed. */
export function recallProbability(card: StoredCard | undefined, now: number): number {
  if (!card || card.state === State.New) return 0;
  return scheduler.get_retrievability(toCard(card), new Date(now), false);
}

export { Rating };
