import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseNote } from '../../src/notes/note.js';
import { notesCoverage } from '../../src/notes/coverage.js';
import { runCli } from '../helpers/cli.js';

const note = parseNote(readFileSync(new URL('../fixtures/notes/rotation.yaml', import.meta.url), 'utf8'), 'notes/rotation.yaml', '2026-11-28').note!;

describe('study note coverage', () => {
  it('counts questions and labs per note tip and lists the gaps', () => {
    const withAll = notesCoverage([note], [{ tips: ['key-rotation'] }, { tips: ['cost-optimization'] }], [{ id: 'key-rotation', tips: ['key-rotation'] }]);
    expect(withAll.rows).toEqual([{ topic: 'rotation', tip: 'key-rotation', questions: 1, labs: ['key-rotation'] }]);
    expect(withAll.gaps).toEqual([]);
    expect(notesCoverage([note], [], [{ id: 'key-rotation', tips: ['key-rotation'] }]).gaps).toHaveLength(1);
    expect(notesCoverage([note], [{ tips: ['key-rotation'] }], []).gaps[0]).toMatchObject({ questions: 1, labs: [] });
  });

  it('is part of kms-study bank coverage --json', async () => {
    const r = await runCli(['bank', 'coverage', '--json']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout) as { notes: { rows: { topic: string; tip: string; labs: string[] }[] } };
    const row = c.notes.rows.find((x) => x.topic === 'rotation' && x.tip === 'key-rotation');
    // The labs come from the real lab loader: the key-rotation lab teaches this tip.
    expect(row?.labs).toContain('key-rotation');
  });
});
