import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintQuestions, parseBank } from '../../src/quiz/bank.js';
import { cmkProblems } from '../../src/quiz/terms.js';
import { loadBanks } from '../../src/storage/banks.js';

const BANKS = fileURLToPath(new URL('../fixtures/banks/', import.meta.url));
const TODAY = '2026-11-28';

function lint(name: string) {
  const file = join(BANKS, 'broken', `${name}.yaml`);
  return parseBank(readFileSync(file, 'utf8'), `broken/${name}.yaml`, { today: TODAY });
}

describe('parseBank on a valid bank', () => {
  it('reads every field, applies the file topic and keeps the answer letters', () => {
    const { questions, errors } = parseBank(readFileSync(join(BANKS, 'small', 'rotation.yaml'), 'utf8'), 'rotation.yaml', { today: TODAY });
    expect(errors).toEqual([]);
    expect(questions.map((q) => q.id)).toEqual(['fx-rotation-period', 'fx-rotation-keeps']);
    const [single, multi] = questions;
    expect(single).toMatchObject({ topic: 'rotation', type: 'single', choose: 1, answer: ['A'], scope: 'in', lab: 'key-rotation', verified: '2026-10-01', line: 4, column: 9 });
    expect(single.options.map((o) => o.letter)).toEqual(['A', 'B', 'C', 'D']);
    expect(multi).toMatchObject({ type: 'multiple', choose: 2, answer: ['A', 'B'] });
    expect(multi.options).toHaveLength(5);
  });

  it('lets a question override the file topic and mark itself out of scope', () => {
    const { questions } = parseBank(readFileSync(join(BANKS, 'small', 'deletion.yaml'), 'utf8'), 'deletion.yaml');
    const out = questions.find((q) => q.id === 'fx-cloudhsm-out');
    expect(out).toMatchObject({ topic: 'custom-key-stores', scope: 'out' });
  });
});

describe('lint errors carry file:line:column and what was expected', () => {
  const cases: [string, number, number, RegExp][] = [
    ['syntax', 8, 17, /Nested mappings/],
    ['duplicate-key', 9, 5, /Map keys must be unique/],
    ['answer-unknown', 25, 13, /answer "E" names no option; expected one of: A, B, C, D/],
    ['single-five-options', 13, 7, /exactly 4 options .* got 5/],
    ['single-answer-list', 25, 13, /one letter on a single-answer question/],
    ['choose-mismatch', 10, 13, /"choose" to equal the number of answers \(2\), got 3/],
    ['multiple-one-answer', 29, 13, /at least 2 answers .* got 1/],
    ['multiple-four-options', 14, 7, /at least 5 options .* got 4/],
    ['multiple-no-choose', 4, 5, /expected "choose"/],
    ['missing-sources', 4, 5, /"sources": a list of at least one/],
    ['bad-source', 28, 9, /https URL of AWS documentation.*example\.com/],
    ['missing-verified', 4, 5, /missing "verified"/],
    ['bad-verified', 29, 15, /real date YYYY-MM-DD, got "2026-02-30"/],
    ['future-verified', 29, 15, /not to be in the future \(today is 2026-11-28\)/],
    ['unknown-topic', 2, 8, /unknown topic "rotations"; expected one of: key-types/],
    ['unknown-tip', 5, 26, /unknown exam tip "key-spinning"/],
    ['unknown-scenario', 6, 17, /unknown scenario "key-theft"/],
    ['unknown-task', 7, 11, /unknown exam task "9\.9\.9"/],
    ['unknown-lab', 30, 10, /unknown lab "rotate-all-the-keys"/],
    ['no-tips', 4, 5, /at least one exam tip/],
    ['cmk', 12, 28, /"CMK" used as a general term/],
    ['option-no-why', 20, 9, /option C to have a non-empty "why"/],
    ['option-order', 19, 7, /expected option letter "C" .* got "X"/],
    ['unknown-field', 26, 5, /unknown question field "take-away"/],
    ['bad-id', 4, 9, /lower-case letters, digits and single hyphens/],
    ['missing-takeaway', 4, 5, /"takeaway" to be a non-empty string/],
  ];
  it.each(cases)('%s -> line %i column %i', (name, line, column, what) => {
    const { questions, errors } = lint(name);
    expect(questions).toEqual([]);
    const hit = errors.find((e) => what.test(e.what));
    expect(hit).toBeDefined();
    expect({ file: hit?.file, line: hit?.line, column: hit?.column }).toEqual({ file: `broken/${name}.yaml`, line, column });
    expect(hit?.message).toMatch(new RegExp(`^broken/${name}\\.yaml:${line}:${column}: `));
  });

  it('has a fixture for every case and no fixture without a case', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(join(BANKS, 'broken')).map((f) => f.replace(/\.yaml$/, '')).sort();
    expect(files).toEqual(cases.map((c) => c[0]).sort());
  });

  it('skips the future-date check when no date is given', () => {
    const text = readFileSync(join(BANKS, 'broken', 'future-verified.yaml'), 'utf8');
    expect(parseBank(text, 'f.yaml').errors).toEqual([]);
  });
});

describe('the CMK rule', () => {
  it('allows CMK inside quotes and in the EventBridge names that still carry it, and CustomerMasterKeySpec', () => {
    expect(cmkProblems('Match detail-type `KMS CMK Rotation`.')).toEqual([]);
    expect(cmkProblems('The KMS CMK Deletion event fires.')).toEqual([]);
    expect(cmkProblems('Old SDKs return "CMK" in the field CustomerMasterKeySpec.')).toEqual([]);
    expect(cmkProblems('Lower-case cmk-backing-key-rotation-enabled is a Config rule.')).toEqual([]);
  });
  it('flags CMK and CMKs as general terms and counts which occurrence', () => {
    expect(cmkProblems('Rotate the CMK.')).toEqual([0]);
    expect(cmkProblems('`KMS CMK Rotation` for all CMKs')).toEqual([1]);
  });
});

describe('cross-file lint', () => {
  it('reports a duplicate id at the second place with the first place, and a repeated stem', () => {
    const { questions, errors } = loadBanks([join(BANKS, 'duplicates')], { today: TODAY });
    expect(questions).toHaveLength(3);
    expect(errors.map((e) => [e.file.replace(BANKS, ''), e.line, e.column])).toEqual([
      ['duplicates/b.yaml', 4, 9],
      ['duplicates/c.yaml', 4, 9],
    ]);
    expect(errors[0].what).toMatch(/duplicate question id "dup-one"; first used at .*a\.yaml:4:9/);
    expect(errors[1].what).toMatch(/same stem as "dup-one"/);
  });

  it('lintQuestions passes a clean set', () => {
    const { questions } = loadBanks([join(BANKS, 'small')], { today: TODAY });
    expect(questions).toHaveLength(5);
    expect(lintQuestions(questions)).toEqual([]);
  });

  it('loadBanks reports a missing path instead of throwing', () => {
    const { errors } = loadBanks([join(BANKS, 'nope')]);
    expect(errors[0].message).toMatch(/nope:0:0: cannot read bank path \(ENOENT\)/);
  });
});

describe('the parse cache', () => {
  it('returns the same questions and errors from the cache, and re-parses a changed file', async () => {
    const { mkdtempSync, copyFileSync, writeFileSync, readdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'kms-cache-'));
    const cacheDir = join(dir, 'cache');
    copyFileSync(join(BANKS, 'small', 'rotation.yaml'), join(dir, 'rotation.yaml'));
    copyFileSync(join(BANKS, 'broken', 'answer-unknown.yaml'), join(dir, 'broken.yaml'));
    const fresh = loadBanks([dir], { today: TODAY });
    const first = loadBanks([dir], { today: TODAY, cacheDir });
    expect(readdirSync(cacheDir)).toHaveLength(2);
    const cached = loadBanks([dir], { today: TODAY, cacheDir });
    expect(cached.questions).toEqual(fresh.questions);
    expect(first.questions).toEqual(fresh.questions);
    expect(cached.errors.map((e) => e.message)).toEqual(fresh.errors.map((e) => e.message));
    expect(cached.errors[0]).toBeInstanceOf((await import('../../src/errors.js')).ContentError);
    writeFileSync(join(dir, 'rotation.yaml'), readFileSync(join(dir, 'rotation.yaml'), 'utf8').replace('answer: A', 'answer: B'));
    const changed = loadBanks([dir], { today: TODAY, cacheDir });
    expect(changed.questions.find((q) => q.id === 'fx-rotation-period')?.answer).toEqual(['B']);
    expect(readdirSync(cacheDir)).toHaveLength(2);
  });

  it('trusts a cached file by its signature (no read) only when it changed well before it was read', async () => {
    const { mkdtempSync, copyFileSync, writeFileSync, readdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'kms-cache-sig-'));
    const cacheDir = join(dir, 'cache');
    const file = join(dir, 'rotation.yaml');
    copyFileSync(join(BANKS, 'small', 'rotation.yaml'), file);
    const id = 'fx-rotation-period';
    const answerOf = (r: ReturnType<typeof loadBanks>) => r.questions.find((q) => q.id === id)?.answer;
    // The cache entry altered: its answer, and its content key, so that reading the file would reparse it.
    const tamper = () => {
      const entry = join(cacheDir, readdirSync(cacheDir)[0]);
      const c = JSON.parse(readFileSync(entry, 'utf8')) as { key: string; questions: { id: string; answer: string[] }[] };
      c.key = 'not-the-hash-of-the-file';
      c.questions.find((q) => q.id === id)!.answer = ['TAMPERED'];
      writeFileSync(entry, JSON.stringify(c));
    };
    // Read 10 s after its last change: the signature is recorded, and the next load takes the entry without reading.
    const later = () => Date.now() + 10_000;
    expect(answerOf(loadBanks([dir], { today: TODAY, cacheDir, wallNow: later }))).toEqual(['A']);
    tamper();
    expect(answerOf(loadBanks([dir], { today: TODAY, cacheDir, wallNow: later }))).toEqual(['TAMPERED']);
    // Any write moves the change time: the signature no longer matches, the file is read and parsed anew.
    writeFileSync(file, readFileSync(file, 'utf8').replace('answer: A', 'answer: B'));
    expect(answerOf(loadBanks([dir], { today: TODAY, cacheDir, wallNow: later }))).toEqual(['B']);

    // Read within RACY_MS of its last change: no signature, so the file is read (and hashed) every time.
    const dir2 = mkdtempSync(join(tmpdir(), 'kms-cache-racy-'));
    const cache2 = join(dir2, 'cache');
    copyFileSync(join(BANKS, 'small', 'rotation.yaml'), join(dir2, 'rotation.yaml'));
    const now = () => Date.now();
    expect(answerOf(loadBanks([dir2], { today: TODAY, cacheDir: cache2, wallNow: now }))).toEqual(['A']);
    const entry = join(cache2, readdirSync(cache2)[0]);
    const c = JSON.parse(readFileSync(entry, 'utf8')) as { key: string; sig?: string; questions: { id: string; answer: string[] }[] };
    expect(c.sig).toBeUndefined();
    c.key = 'stale';
    c.questions.find((q) => q.id === id)!.answer = ['TAMPERED'];
    writeFileSync(entry, JSON.stringify(c));
    expect(answerOf(loadBanks([dir2], { today: TODAY, cacheDir: cache2, wallNow: now }))).toEqual(['A']);
  });

  it('skips the cross-file rules when asked (callers that use only the questions)', async () => {
    const { mkdtempSync, copyFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'kms-nolint-'));
    // The same file twice: every id is duplicated, which only the cross-file rules see.
    copyFileSync(join(BANKS, 'small', 'rotation.yaml'), join(dir, 'a.yaml'));
    copyFileSync(join(BANKS, 'small', 'rotation.yaml'), join(dir, 'b.yaml'));
    const linted = loadBanks([dir], { today: TODAY });
    const noLint = loadBanks([dir], { today: TODAY, lint: false });
    expect(linted.errors.length).toBeGreaterThan(0);
    expect(noLint.errors).toEqual([]);
    expect(noLint.questions).toEqual(linted.questions);
  });
});
