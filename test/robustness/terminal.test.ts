// Control characters from input or files are escaped in what reaches the terminal; JSON output stays JSON.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeControls } from '../../src/text/terminal.js';
import { parseLab } from '../../src/labs/parse.js';
import { LabRun } from '../../src/labs/runner.js';
import { PACKAGE_ROOT, runCli, tempHome } from '../helpers/cli.js';

 
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

describe('escapeControls', () => {
  it('escapes controls, DEL, C1 and bidi overrides, keeps newlines and tabs unless one line is asked for', () => {
    expect(escapeControls('a\u0000b\u001b[31mc\u007f\u009b\u202ed\n\te')).toBe('a\\u0000b\\u001b[31mc\\u007f\\u009b\\u202ed\n\te');
    expect(escapeControls('a\nb\r', { oneLine: true })).toBe('a\\u000ab\\u000d');
  });
  it('keeps JSON valid', () => {
    const json = JSON.stringify({ d: 'x\u0000\u007f\u009b\u202ey' });
    expect(JSON.parse(escapeControls(json))).toEqual({ d: 'x\u0000\u007f\u009b\u202ey' });
  });
});

describe('output paths', () => {
  it('never echoes a NUL byte in a key id raw', async () => {
    const r = await runCli(['aws', 'kms', 'describe-key', '--key-id', 'abc\u0000\u001b[2Jdef'], { home: tempHome() });
    expect(r.code).toBe(254);
    expect(r.stderr + r.stdout).not.toMatch(RAW);
    expect(r.stderr).toContain('\\u0000');
  });

  it('escapes descriptions and tag values in text and table output, and keeps JSON output valid', async () => {
    const home = tempHome();
    const run = (argv: string[]) => runCli(argv, { home });
    const created = await run(['aws', 'kms', 'create-key', '--description', 'evil\u001b]0;title\u0007\u009b', '--tags', 'TagKey=k,TagValue=v\u0000\u202e']);
    expect(created.code).toBe(0);
    expect(created.stdout).not.toMatch(RAW);
    const keyId = JSON.parse(created.stdout).KeyMetadata.KeyId as string;
    expect(JSON.parse(created.stdout).KeyMetadata.Description).toBe('evil\u001b]0;title\u0007\u009b');
    for (const output of ['text', 'table']) {
      const d = await run(['aws', 'kms', 'describe-key', '--key-id', keyId, '--output', output]);
      expect(d.stdout).not.toMatch(RAW);
      expect(d.stdout).toContain('\\u001b');
    }
    const tags = await run(['aws', 'kms', 'list-resource-tags', '--key-id', keyId, '--output', 'text']);
    expect(tags.stdout).not.toMatch(RAW);
  });

  it('escapes an unknown option echoed in a usage error and a bad sandbox argument', async () => {
    const r = await runCli(['sandbox', 'use-profile', 'x\u001b[31m'], { home: tempHome() });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(RAW);
    const u = await runCli(['--bogus\u0007'], { home: tempHome() });
    expect(u.stderr).not.toMatch(RAW);
  });

  it('escapes YAML content in lint lines', async () => {
    const dir = join(PACKAGE_ROOT, 'test/fixtures/banks/broken');
    const r = await runCli(['bank', 'lint', dir], { now: Date.UTC(2026, 11, 5) });
    expect(r.stderr).not.toMatch(RAW);
  });

  it('escapes control characters in lab shell replies', async () => {
    const lab = parseLab(readFileSync(join(PACKAGE_ROOT, 'labs/key-deletion.yaml'), 'utf8'), 'labs/key-deletion.yaml').lab!;
    const run = await LabRun.start(lab, '1', { wallNow: () => 1000 });
    const r = await run.input('aws kms describe-key --key-id bad\u001b[2J');
    expect(r.text).not.toMatch(RAW);
  });
});

describe('content files with control characters', () => {
  it('are refused at file:line:column by the bank, lab and note parsers', async () => {
    const { parseBank } = await import('../../src/quiz/bank.js');
    const { parseNote } = await import('../../src/notes/note.js');
    const bank = readFileSync(join(PACKAGE_ROOT, 'test/fixtures/banks/small/rotation.yaml'), 'utf8').replace('Fixture question one:', 'Fixture question one: \u001b[2J wiped');
    const line = bank.split('\n').findIndex((l) => l.includes('stem: |')) + 1;
    const b = parseBank(bank, 'rotation.yaml');
    expect(b.errors.map((e) => e.message)).toEqual([expect.stringMatching(new RegExp(`^rotation\\.yaml:${line}:\\d+: the text "Fixture question one: \\\\u001b\\[2J wiped.*" holds a control character; remove it$`))]);
    const lab = readFileSync(join(PACKAGE_ROOT, 'labs/key-deletion.yaml'), 'utf8').replace(/^title: .*$/m, 'title: "bad\\u0007bell"');
    expect(parseLab(lab, 'key-deletion.yaml').errors[0].message).toMatch(/^key-deletion\.yaml:2:8: the text "bad\\u0007bell" holds a control character/);
    const note = readFileSync(join(PACKAGE_ROOT, 'test/fixtures/notes/rotation.yaml'), 'utf8').replace(/^title: .*$/m, 'title: "x\\u202ey"');
    expect(parseNote(note, 'rotation.yaml', '2026-12-05').errors[0].message).toMatch(/holds a control character/);
  });
});
