// A study plan to an exam date: the remaining new questions and labs spread evenly over the study days, and
// the reviews the FSRS scheduler (ts-fsrs) will ask for on each day, forecast by replaying every card forward
// as if each review were answered right (Good). Days are the learner's local calendar days; the clock is injected.
import { Rating, review, type StoredCard } from './schedule.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** More questions than this in one day (new + reviews) and the plan warns that it no longer fits. */
export const MAX_QUESTIONS_PER_DAY = 40;
/** More labs than this in one day and the plan warns. */
export const MAX_LABS_PER_DAY = 2;
/** A card replayed forward stops after this many reviews (a safety net: intervals grow long before that). */
const MAX_REVIEWS_PER_CARD = 60;

export interface PlanDay {
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  newQuestions: number;
  reviews: number;
  labs: string[];
}

export interface StudyPlan {
  examDate: string;
  /** Calendar days from today to the exam day (0: the exam is today; negative: it has passed). */
  daysLeft: number;
  /** Days to study: today up to the day before the exam. */
  studyDays: number;
  totals: { newQuestions: number; reviews: number; labs: number };
  /** One entry per study day, today first (empty when no study day is left). */
  days: PlanDay[];
  warnings: string[];
}

export interface PlanInput {
  examDate: string;
  now: number;
  /** Ids of the (in-scope) questions that have no review card yet: still to learn. */
  newQuestions: string[];
  /** Every stored review card. */
  cards: Record<string, StoredCard>;
  /** Labs not completed yet, in the order to do them. */
  labs: string[];
}

/** YYYY-MM-DD of the local calendar day that contains `t`. */
export function localDate(t: number): string {
  const d = new Date(t);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Local midnight at the start of a YYYY-MM-DD day. */
function startOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d).getTime();
}

/** True for a real calendar date written YYYY-MM-DD (2027-02-30 is not). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getFullYear() === Number(m[1]) && d.getMonth() === Number(m[2]) - 1 && d.getDate() === Number(m[3]);
}

/** `n` items over `days` days, as even as whole numbers allow, the extra ones on the earliest days. */
export function spread(n: number, days: number): number[] {
  if (days <= 0) return [];
  return Array.from({ length: days }, (_, i) => Math.floor(n / days) + (i < n % days ? 1 : 0));
}

export function buildPlan(input: PlanInput): StudyPlan {
  const today = startOf(localDate(input.now));
  const exam = startOf(input.examDate);
  // Rounded: a day with a daylight-saving change is 23 or 25 hours long.
  const dayIndex = (t: number) => Math.round((startOf(localDate(t)) - today) / DAY_MS);
  const daysLeft = Math.round((exam - today) / DAY_MS);
  const studyDays = Math.max(0, daysLeft);
  const dates = Array.from({ length: studyDays }, (_, i) => localDate(today + i * DAY_MS + DAY_MS / 2));
  // New questions and labs end a day early when there are at least two days: the last day is for reviews and
  // a practice exam.
  const learnDays = studyDays >= 2 ? studyDays - 1 : studyDays;
  const newPerDay = spread(input.newQuestions.length, learnDays);
  const labsPerDay = spread(input.labs.length, learnDays);
  const reviews = new Array<number>(studyDays).fill(0);
  const replay = (card: StoredCard, from: number) => {
    let c = card;
    let t = Math.max(c.due, from);
    for (let n = 0; n < MAX_REVIEWS_PER_CARD && t < exam; n++) {
      reviews[Math.max(0, dayIndex(t))]++;
      c = review(c, t, Rating.Good);
      t = Math.max(c.due, t + 1);
    }
  };
  if (studyDays > 0) {
    for (const card of Object.values(input.cards)) replay(card, input.now);
    // Each new question is first answered on its planned day (at the time of day it is now, or now for today),
    // and then comes back as the scheduler says.
    let k = 0;
    newPerDay.forEach((count, d) => {
      const at = d === 0 ? input.now : today + d * DAY_MS + (input.now - today);
      for (let i = 0; i < count; i++, k++) replay(review(undefined, at, Rating.Good), at);
    });
  }
  let lab = 0;
  const days: PlanDay[] = dates.map((date, d) => ({
    date,
    newQuestions: newPerDay[d] ?? 0,
    reviews: reviews[d],
    labs: input.labs.slice(lab, (lab += labsPerDay[d] ?? 0)),
  }));
  const warnings: string[] = [];
  if (daysLeft < 0)
    warnings.push(
      `The exam date ${input.examDate} has passed: set the next one (kms-study plan --exam-date YYYY-MM-DD) or remove it (kms-study plan --clear).`,
    );
  else if (daysLeft === 0) warnings.push('The exam is today: no study days left. Look once more at what is due: kms-study quiz --mode review.');
  const busiest = days.reduce<PlanDay | undefined>((b, x) => (!b || x.newQuestions + x.reviews > b.newQuestions + b.reviews ? x : b), undefined);
  if (busiest && busiest.newQuestions + busiest.reviews > MAX_QUESTIONS_PER_DAY)
    warnings.push(
      `The plan no longer fits: ${busiest.newQuestions + busiest.reviews} questions on ${busiest.date} (more than ${MAX_QUESTIONS_PER_DAY} a day). Do more than today's share, or move the exam date.`,
    );
  const mostLabs = Math.max(0, ...days.map((x) => x.labs.length));
  if (mostLabs > MAX_LABS_PER_DAY)
    warnings.push(`The plan asks for up to ${mostLabs} labs a day (more than ${MAX_LABS_PER_DAY}): start the labs now, or move the exam date.`);
  return {
    examDate: input.examDate,
    daysLeft,
    studyDays,
    totals: { newQuestions: input.newQuestions.length, reviews: reviews.reduce((a, b) => a + b, 0), labs: input.labs.length },
    days,
    warnings,
  };
}
