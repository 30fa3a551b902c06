// The quality rules of bank lint: near-duplicate pairs (similarity.ts, lint-similar.ts) and cue warnings
// (lint-cues.ts), on small in-memory questions and on fixture files (positions).
import { describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { cueWarnings, absoluteCue, lengthCue } from '../../src/quiz/lint-cues.js';
import { nearDuplicates, similarity, LESSON_LIMIT, STEM_LIMIT } from '../../src/quiz/lint-similar.js';
import { jaccard, shingles, words } from '../../src/quiz/similarity.js';
import type { Letter, Question } from '../../src/quiz/types.js';
import { loadBanks } from '../../src/storage/banks.js';

let n = 0;
function q(stem: string, options: string[], answer: Letter[], extra: Partial<Question> = {}): Question {
  n++;
  return {
    id: `t-${n}`, file: 'mem.yaml', line: n * 10, column: 9, topic: 'deletion', tips: ['deletion-wait-period'], scenarios: [], task: '4.2.2',
    difficulty: 'easy', type: answer.length > 1 ? 'multiple' : 'single', choose: answer.length, scope: 'in', stem,
    options: options.map((text, i) => ({ letter: 'ABCDEF'[i] as Letter, text, why: 'because' })), answer, takeaway: 'A takeaway.', sources: ['https://docs.aws.amazon.com/kms/'], verified: '2026-11-01',
    ...extra,
  };
}

describe('similarity measure', () => {
  it('normalises case and punctuation, drops stop words and trims plural s', () => {
    expect(words('The KMS Keys, and the kms:ViaService key!')).toEqual(['kms', 'key', 'kms', 'viaservice', 'key']);
  });
  it('Jaccard is 1 for the same words in another order, 0 for nothing shared, 0 for two empty sets', () => {
    expect(jaccard(new Set(words('disable the key now')), new Set(words('now disable key')))).toBe(1);
    expect(jaccard(new Set(['a']), new Set(['b']))).toBe(0);
    expect(jaccard(new Set(), new Set())).toBe(0);
    expect([...shingles('schedule key deletion')]).toEqual(['schedule', 'key', 'deletion', 'schedule key', 'key deletion']);
  });
});

describe('near-duplicates', () => {
  const opts = ['Cancel the deletion and then enable the key.', 'Wait for the window to end.', 'Import new key material.', 'Create a grant for the role.'];
  const a = q('A key was scheduled for deletion by mistake seven days ago. What restores service with the least effort?', opts, ['A']);
  const b = q('By mistake a key was scheduled for deletion. Which action restores service fastest?', opts, ['A'], { takeaway: 'A takeaway.' });
  const c = q('A key was scheduled for deletion by mistake seven days ago. Which CloudTrail event shows who did it?', ['ScheduleKeyDeletion in CloudTrail.', 'DisableKey.', 'PutKeyPolicy.', 'CreateAlias.'], ['A'], { takeaway: 'Look for ScheduleKeyDeletion.' });

  it('flags a pair whose stems and lessons are both alike, at the second question, naming the first', () => {
    const s = similarity(a, b);
    expect(s.stem).toBeGreaterThanOrEqual(STEM_LIMIT);
    expect(s.lesson).toBeGreaterThanOrEqual(LESSON_LIMIT);
    const errs = nearDuplicates([a, b]);
    expect(errs).toHaveLength(1);
    expect(errs[0].message).toMatch(new RegExp(`^mem\\.yaml:${b.line}:9: question "${b.id}" is a near-duplicate of "${a.id}" \\(mem\\.yaml:${a.line}:9\\): stems \\d+% alike, correct answers and takeaways \\d+% alike \\(limits 25% and 40%\\)`));
  });

  it('does not flag the same scenario asking something else (alike stems, different lessons)', () => {
    expect(similarity(a, c).stem).toBeGreaterThanOrEqual(STEM_LIMIT);
    expect(nearDuplicates([a, c])).toEqual([]);
  });
});

describe('cue warnings', () => {
  it('flags a correct option longest by a wide margin, and not a balanced question', () => {
    const long = q('Which?', ['Cancel the deletion during the waiting period, then enable the key again so requests succeed.', 'Enable the key.', 'Delete it.', 'Wait.'], ['A']);
    expect(lengthCue(long)).toMatch(/longest by a wide margin \(\d+ characters against at most 15/);
    const fair = q('Which?', ['Cancel the deletion, then enable the key.', 'Enable the key, then cancel nothing.', 'Import new key material now.', 'Create a new alias for it.'], ['A']);
    expect(lengthCue(fair)).toBeUndefined();
  });

  it('flags multiple-response answers that are all longer than every distractor by the ratio on average', () => {
    const [a55, b40, c58, d20] = ['a'.repeat(55), 'b'.repeat(40), 'c'.repeat(58), 'd'.repeat(20)];
    const m = q('Which two?', [a55, b40, c58, d20, 'e'.repeat(20)], ['A', 'C']);
    expect(lengthCue(m)).toMatch(/every correct option longer than every distractor/);
  });

  it('flags absolute words that only distractors use', () => {
    expect(absoluteCue(q('Which?', ['Cancel the deletion.', 'Never cancel a deletion.', 'Always delete at once.', 'Rotate it.'], ['A']))).toMatch(/absolute words \(never, always\) appear only in distractors \(B, C\)/);
    expect(absoluteCue(q('Which?', ['Only the key policy can allow it.', 'Never cancel a deletion.', 'Always delete at once.', 'Rotate it.'], ['A']))).toBeUndefined();
  });

  it('warns on a distractor sentence reused in more than three questions, from the fourth on', () => {
    const reused = 'Wait until the change replicates to every Region.';
    const qs = [1, 2, 3, 4].map((i) => q(`Stem ${i}?`, [`Right ${i}.`, reused, `Other ${i} one.`, `Another ${i} two.`], ['A']));
    const w = cueWarnings(qs).filter((e) => /distractor sentence/.test(e.what));
    expect(w).toHaveLength(1);
    expect(w[0].what).toMatch(new RegExp(`question "${qs[3].id}", option B: a distractor sentence used in 4 questions`));
    expect(cueWarnings(qs.slice(0, 3)).filter((e) => /distractor sentence/.test(e.what))).toEqual([]);
  });

  it('counts stock distractors: "enable rotation" only where rotation is not the topic', () => {
    const off = [1, 2, 3, 4].map((i) => q(`Access fails ${i}?`, [`Fix the policy ${i}.`, `Enable automatic rotation on key ${i}.`, `Other ${i}.`, `More ${i}.`], ['A']));
    expect(cueWarnings(off).some((e) => /stock distractor "enable rotation as the fix" is offered in 4 questions/.test(e.what))).toBe(true);
    const on = off.map((x) => ({ ...x, topic: 'rotation' as const }));
    expect(cueWarnings(on).some((e) => /stock distractor/.test(e.what))).toBe(false);
  });

  it('places warnings at the option in the file (file:line:column)', () => {
    const dir = fileURLToPath(new URL('../fixtures/banks/cues', import.meta.url));
    const { questions, errors } = loadBanks([dir]);
    expect(errors).toEqual([]);
    const w = cueWarnings(questions);
    expect(w.map((e) => `${e.line}:${e.column}`)).toEqual(['13:15']);
    expect(w[0].what).toMatch(/question "fx-cue-long": the correct option is longest/);
  });
});
