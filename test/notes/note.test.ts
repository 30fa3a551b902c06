import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseNote } from '../../src/notes/note.js';
import { cheatsheet, notesMarkdown, plainStyle, renderNote, wasSentence } from '../../src/notes/render.js';

const good = readFileSync(new URL('../fixtures/notes/rotation.yaml', import.meta.url), 'utf8');
const parse = (text: string, file = 'notes/rotation.yaml') => parseNote(text, file, '2026-11-28');
const errorsOf = (text: string, file?: string) => parse(text, file).errors.map((e) => e.message);

describe('study note parsing', () => {
  it('accepts a well-formed note and keeps every field', () => {
    const { note, errors } = parse(good);
    expect(errors).toEqual([]);
    expect(note?.topic).toBe('rotation');
    expect(note?.sections[0].points[0]).toContain('`KeyId`');
    expect(note?.changed[0].when).toBe('May 2022');
    expect(note?.labs).toEqual(['key-rotation']);
  });

  it.each([
    ['an unknown topic', good.replace('topic: rotation', 'topic: rotations'), /1:8: unknown topic "rotations"/, undefined],
    ['a topic that does not match the file', good, /topic "rotation" does not match the file name "grants.yaml"/, 'notes/grants.yaml'],
    ['an unknown tip', good.replace('tips: [key-rotation]', 'tips: [key-rotate]'), /3:8: unknown tip "key-rotate"/, undefined],
    ['an unknown lab', good.replace('labs: [key-rotation]', 'labs: [rotation-lab]'), /15:8: unknown lab "rotation-lab"/, undefined],
    ['no sources', good.replace(/sources:\n {2}- .*\n/, ''), /expected at least one source URL/, undefined],
    ['a non-AWS source', good.replace('https://docs.aws.amazon.com/kms', 'https://example.com/kms'), /17:5: expected an AWS documentation URL/, undefined],
    ['a future verified date', good.replace('2026-11-28', '2027-01-01'), /"verified" date 2027-01-01 is in the future/, undefined],
    ['a bad date', good.replace('verified: 2026-11-28', 'verified: soon'), /18:11: expected "verified" to be a date/, undefined],
    ['an empty section list', good.replace(/sections:[\s\S]*?changed:/, 'sections: []\nchanged:'), /expected "sections" to be a non-empty list/, undefined],
    ['a change missing "when"', good.replace('    when: May 2022\n', ''), /expected each change to have "was", "now" and "when"/, undefined],
    ['an unknown field', good + 'author: me\n', /19:1: unknown field "author"/, undefined],
    ['a duplicate key', good + 'title: Again\n', /19:1: Map keys must be unique$/, undefined],
    ['"CMK" as a general term', good.replace('New key material;', 'New CMK material;'), /not "CMK"/, undefined],
  ])('rejects %s with file:line:column', (_what, text, re, file) => {
    const errs = errorsOf(text as string, file as string | undefined);
    expect(errs.join('\n')).toMatch(re as RegExp);
    expect(errs[0]).toMatch(/^notes\/(rotation|grants)\.yaml:\d+:\d+: /);
  });
});

describe('study note rendering', () => {
  const note = parse(good).note!;
  it('shows the note with its changes, traps, sources and what to do next', () => {
    const text = renderNote(note, plainStyle, 200);
    expect(text).toContain('Key rotation');
    expect(text).toContain('Was: AWS managed keys rotate every three years. Now: They rotate every year. (May 2022)');
    expect(text).toContain('  ! Rotation does not re-encrypt data.');
    expect(text).toContain('Drill these tips: kms-study quiz --topic rotation');
    expect(text).toContain('Try it: kms-study lab key-rotation');
    expect(text).toContain('https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html');
  });
  it('puts every exam tip on the cheat sheet, each correction once under its note\'s main tip, as sentences', () => {
    const sheet = cheatsheet([note], plainStyle, 100);
    expect(sheet.match(/^\d+\. /gm)?.length).toBe(10);
    expect(sheet).toContain('• Now: They rotate every year. Until May 2022: AWS managed keys rotate every three years.');
    expect(sheet.match(/They rotate every year/g)?.length).toBe(1);
    expect(sheet).not.toContain('(was:');
  });
  it('reads a correction\'s "was" as a sentence for every kind of date', () => {
    expect(wasSentence({ was: 'Keys rotate yearly.', when: 'April 2024' })).toBe('Until April 2024: Keys rotate yearly.');
    expect(wasSentence({ was: 'Every rotation costs.', when: '2024' })).toBe('Until 2024: Every rotation costs.');
    expect(wasSentence({ was: 'Grants give temporary access.', when: 'always (a common misreading)' })).toBe('Often misread as: Grants give temporary access (a common misreading).');
    expect(wasSentence({ was: 'Disabled.', when: 'always' })).toBe('Often misread as: Disabled.');
    expect(wasSentence({ was: 'Four checks;', when: 'the list has grown' })).toBe('Earlier (the list has grown): Four checks.');
  });
  it('writes printable Markdown', () => {
    const md = notesMarkdown([note]);
    expect(md).toMatch(/^# KMS study notes/);
    expect(md).toContain('## Key rotation');
    expect(md).toContain('- They rotate every year. Until May 2022: AWS managed keys rotate every three years.');
  });
});
