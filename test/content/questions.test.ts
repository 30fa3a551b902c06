// The shipped question banks: every file in questions/ loads without a ContentError (the rules of
// docs/bank-format.md), ids are unique across files, and exam mode has in-scope questions to draw from.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBanks } from '../../src/storage/banks.js';
import { PACKAGE_ROOT } from '../helpers/cli.js';

const DIR = join(PACKAGE_ROOT, 'questions');
const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)) : [];
// Facts may be verified today at the latest; the real date, since content is checked against the calendar.
const today = new Date().toISOString().slice(0, 10);
const { questions, errors } = files.length ? loadBanks([DIR], { today }) : { questions: [], errors: [] };

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
});
