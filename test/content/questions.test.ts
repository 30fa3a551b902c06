// The shipped question banks: every file in questions/ loads without a ContentError (the rules of
// docs/bank-format.md), ids are unique across files, and exam mode has in-scope questions to draw from.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBanks } from '../../src/storage/banks.js';
import { coverage, MAX_SKILL_SHARE, MIN_PER_ITEM } from '../../src/quiz/coverage.js';
import { cueWarnings } from '../../src/quiz/lint-cues.js';
import { nearDuplicates } from '../../src/quiz/lint-similar.js';
import { PACKAGE_ROOT } from '../helpers/cli.js';
import { CONTENT_TODAY } from '../helpers/content-date.js';

const DIR = join(PACKAGE_ROOT, 'questions');
const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)) : [];
// Facts may be verified on the content's "today" at the latest (a fixed date, not the wall clock).
const { questions, errors } = files.length ? loadBanks([DIR], { today: CONTENT_TODAY }) : { questions: [], errors: [] };

describe('question bank content', () => {
  it('loads every file without a content error', () => {
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it('parses every question it finds (none silently dropped)', () => {
    const declared = files.reduce((n, f) => n + (readFileSync(join(DIR, f), 'utf8').match(/^\s*- id:/gm) ?? []).length, 0);
    expect(questions).toHaveLength(declared);
  });

  it('has unique ids across files', () => {
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
  });

  it('gives exam mode in-scope questions whenever there are questions', () => {
    if (questions.length) expect(questions.some((q) => q.scope === 'in')).toBe(true);
  });

  it('gives every question at least one AWS documentation source and a verified date', () => {
    const missing = questions.filter((q) => !q.sources.length || !q.sources.every((u) => /^https:\/\/(docs\.)?aws\.amazon\.com\//.test(u)) || !/^\d{4}-\d{2}-\d{2}$/.test(q.verified)).map((q) => q.id);
    expect(missing).toEqual([]);
  });

  it('keeps the coverage the bank promises: 150+ questions, 5+ per exam tip and per scenario, about a third multiple response', () => {
    const c = coverage(questions);
    expect(c.total).toBeGreaterThanOrEqual(150);
    expect({ thinTips: c.thinTips, thinScenarios: c.thinScenarios }).toEqual({ thinTips: [], thinScenarios: [] });
    expect(MIN_PER_ITEM).toBe(5);
    expect(c.multipleRatio).toBeGreaterThanOrEqual(0.25);
    expect(c.multipleRatio).toBeLessThanOrEqual(0.45);
    for (const topic of Object.keys(c.byTopic)) expect({ topic, some: c.byTopic[topic] > 0 }).toEqual({ topic, some: true });
  });

  it('has no near-duplicate questions (bank lint measure)', () => {
    expect(nearDuplicates(questions).map((e) => e.message)).toEqual([]);
  });

  it('keeps every exam-guide skill at or under 35% of the bank, and every question in a known domain', () => {
    const c = coverage(questions);
    expect(MAX_SKILL_SHARE).toBe(0.35);
    expect(c.overweightSkills).toEqual([]);
    expect(Object.values(c.byDomain).reduce((a, b) => a + b, 0)).toBe(questions.length);
  });

  it('passes the cue rules of bank lint (no warnings)', () => {
    expect(cueWarnings(questions).map((e) => `${e.file.replace(/.*questions\//, '')}:${e.line}: ${e.what}`)).toEqual([]);
  });
});
