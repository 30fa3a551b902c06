// The shipped study notes: every topic has a valid note with sources and a date, every exam tip of the
// study text appears in a note, and every link points at a lab and a question topic that exist.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EXAM_TIPS, TOPICS } from '../../src/quiz/taxonomy.js';
import { loadNotes } from '../../src/storage/notes.js';
import { PACKAGE_ROOT } from '../helpers/cli.js';

// Facts may be verified today at the latest (the real date, as for the question banks).
const { notes, errors } = loadNotes(join(PACKAGE_ROOT, 'notes'), new Date().toISOString().slice(0, 10));

describe('study notes content', () => {
  it('loads without a content error', () => {
    expect(errors.map((e) => e.message)).toEqual([]);
  });
  it('has one note per topic', () => {
    expect(notes.map((n) => n.topic).sort()).toEqual(Object.keys(TOPICS).sort());
  });
  it('gives every note sources and a verified date', () => {
    for (const n of notes) {
      expect({ topic: n.topic, sources: n.sources.length > 0, verified: /^\d{4}-\d{2}-\d{2}$/.test(n.verified) }).toEqual({ topic: n.topic, sources: true, verified: true });
    }
  });
  it('carries each of the ten exam tips in at least one note', () => {
    const carried = new Set(notes.flatMap((n) => n.tips));
    expect(Object.keys(EXAM_TIPS).filter((t) => !carried.has(t as keyof typeof EXAM_TIPS))).toEqual([]);
  });
  it('links only to labs that exist in labs/', () => {
    const labs = existsSync(join(PACKAGE_ROOT, 'labs')) ? readdirSync(join(PACKAGE_ROOT, 'labs')).map((f) => f.replace(/\.ya?ml$/, '')) : [];
    const missing = notes.flatMap((n) => n.labs.filter((l) => !labs.includes(l)).map((l) => `${n.topic} -> lab ${l}`));
    expect(missing).toEqual([]);
  });
  it('points its drill at a question topic that has questions', () => {
    const banks = readdirSync(join(PACKAGE_ROOT, 'questions')).map((f) => f.replace(/\.ya?ml$/, ''));
    expect(notes.map((n) => n.topic).filter((t) => !banks.includes(t))).toEqual([]);
  });
});
