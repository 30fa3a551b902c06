// Cue warnings: ways a question gives its answer away without the learner knowing KMS. The correct option
// visibly longest, a distractor sentence reused across many questions, stock throwaway distractors, and
// absolute words that only the distractors use. Definitions and limits: docs/bank-format.md.
import { ContentError } from '../errors.js';
import { words } from './similarity.js';
import type { Question, QuestionOption } from './types.js';

/** The correct option is "longest by a wide margin" at this ratio over the longest distractor... */
export const LENGTH_RATIO = 1.5;
/** ...and at least this many characters longer (short options vary a lot in relative terms). */
export const LENGTH_MIN_GAP = 30;
/** A distractor sentence may appear in at most this many questions. */
export const MAX_SENTENCE_REUSE = 3;
/** Sentences shorter than this (in significant words) are too generic to count as reuse. */
const MIN_SENTENCE_WORDS = 4;
/** A stock throwaway distractor may appear in at most this many questions of the bank. */
export const MAX_STOCK = 3;

/** Absolute words that, when only distractors use them, mark those options as wrong. */
export const ABSOLUTES = ['always', 'never', 'only', 'all', 'none', 'every', 'cannot', 'impossible', 'guaranteed', 'completely', 'entirely', 'must'];
const ABSOLUTE_RE = new RegExp(`\\b(${ABSOLUTES.join('|')})\\b`, 'i');

/** Stock distractors that recur until learners drop them on sight; `offTopic` says when one counts. */
export const STOCK: { name: string; re: RegExp; offTopic: (q: Question) => boolean }[] = [
  { name: 'wait for propagation', re: /\b(wait|waiting)\b[^.]*\b(propagat\w*|24 hours)\b/i, offTopic: () => true },
  {
    name: 'enable rotation as the fix',
    re: /\b(enable|enabling|turn on|turning on)\b[^.]*\brotation\b/i,
    offTopic: (q) => q.topic !== 'rotation' && !q.tips.includes('key-rotation'),
  },
];

const where = (q: Question, o?: QuestionOption): [string, number, number] => [q.file, o?.line ?? q.line, o?.column ?? q.column];
const distractors = (q: Question) => q.options.filter((o) => !q.answer.includes(o.letter));
const corrects = (q: Question) => q.options.filter((o) => q.answer.includes(o.letter));

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/**
 * The correct option is longest by a wide margin when either (1) the longest correct option is at least
 * LENGTH_RATIO times, and LENGTH_MIN_GAP characters more than, the longest distractor, or (2) every correct
 * option is longer than every distractor and the correct options average LENGTH_RATIO times the distractors.
 */
export function lengthCue(q: Question): string | undefined {
  const wrong = distractors(q).map((o) => o.text.length);
  const right = corrects(q).map((o) => o.text.length);
  const longestWrong = Math.max(0, ...wrong);
  const longestRight = Math.max(...right);
  const outlier = longestRight >= longestWrong * LENGTH_RATIO && longestRight - longestWrong >= LENGTH_MIN_GAP;
  const sorted = Math.min(...right) > longestWrong && mean(right) >= mean(wrong) * LENGTH_RATIO;
  if (outlier || sorted)
    return `the correct option${q.answer.length > 1 ? 's are' : ' is'} longest by a wide margin (${outlier ? `${longestRight} characters against at most ${longestWrong} for a distractor` : `every correct option longer than every distractor, ${Math.round(mean(right))} against ${Math.round(mean(wrong))} characters on average`}; limit ${LENGTH_RATIO}x); expected distractors as specific as the answer`;
  return undefined;
}

/** Two or more distractors use absolute words while no correct option does. */
export function absoluteCue(q: Question): string | undefined {
  const wrong = distractors(q).filter((o) => ABSOLUTE_RE.test(o.text));
  if (wrong.length >= 2 && !corrects(q).some((o) => ABSOLUTE_RE.test(o.text)))
    return `absolute words (${[...new Set(wrong.map((o) => ABSOLUTE_RE.exec(o.text)![1].toLowerCase()))].join(', ')}) appear only in distractors (${wrong.map((o) => o.letter).join(', ')}); expected them in no option or in a correct one too`;
  return undefined;
}

/** A sentence's comparable form: its significant words. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.;:!?])\s+|\s+[—–]\s+/)
    .map((s) => words(s))
    .filter((w) => w.length >= MIN_SENTENCE_WORDS)
    .map((w) => w.join(' '));
}

/** Every cue warning in the questions, in bank order. */
export function cueWarnings(all: Question[]): ContentError[] {
  const out: ContentError[] = [];
  const reuse = new Map<string, { q: Question; o: QuestionOption }[]>();
  const stock = new Map<string, { q: Question; o: QuestionOption }[]>();
  for (const q of all) {
    const len = lengthCue(q);
    if (len) out.push(new ContentError(...where(q, corrects(q)[0]), `question "${q.id}": ${len}`));
    const abs = absoluteCue(q);
    if (abs) out.push(new ContentError(...where(q), `question "${q.id}": ${abs}`));
    for (const o of distractors(q)) {
      for (const s of new Set(sentences(o.text))) {
        const list = reuse.get(s) ?? [];
        if (!list.some((x) => x.q === q)) list.push({ q, o });
        reuse.set(s, list);
      }
      for (const st of STOCK)
        if (st.re.test(o.text) && st.offTopic(q)) {
          const list = stock.get(st.name) ?? [];
          if (!list.some((x) => x.q === q)) list.push({ q, o });
          stock.set(st.name, list);
        }
    }
  }
  for (const list of reuse.values())
    if (list.length > MAX_SENTENCE_REUSE)
      for (const { q, o } of list.slice(MAX_SENTENCE_REUSE))
        out.push(new ContentError(...where(q, o), `question "${q.id}", option ${o.letter}: a distractor sentence used in ${list.length} questions (${list.map((x) => x.q.id).join(', ')}); expected at most ${MAX_SENTENCE_REUSE}`));
  for (const [name, list] of stock)
    if (list.length > MAX_STOCK)
      for (const { q, o } of list.slice(MAX_STOCK))
        out.push(new ContentError(...where(q, o), `question "${q.id}", option ${o.letter}: the stock distractor "${name}" is offered in ${list.length} questions (${list.map((x) => x.q.id).join(', ')}); expected at most ${MAX_STOCK}`));
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
