// Bank, lab and note loaders skip what is not a regular file (a dangling symlink, a directory or a FIFO
// named *.yaml) with a warning naming it; bank lint never blocks on a FIFO.
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBanks } from '../../src/storage/banks.js';
import { loadLabs } from '../../src/storage/lab-session.js';
import { loadNotes } from '../../src/storage/notes.js';
import { PACKAGE_ROOT, runCli } from '../helpers/cli.js';

/** A folder with one real file and three traps named *.yaml. */
function trapFolder(real: string, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kms-study-traps-'));
  copyFileSync(real, join(dir, name));
  symlinkSync(join(dir, 'nowhere.yaml'), join(dir, 'dangling.yaml'));
  mkdirSync(join(dir, 'folder.yaml'));
  execFileSync('mkfifo', [join(dir, 'q.yaml')]);
  return dir;
}

const expectWarnings = (warnings: string[], dir: string) =>
  expect(warnings).toEqual([
    `kms-study: skipping ${join(dir, 'dangling.yaml')}: a symbolic link to nothing`,
    `kms-study: skipping ${join(dir, 'folder.yaml')}: a directory, not a regular file`,
    `kms-study: skipping ${join(dir, 'q.yaml')}: a FIFO (named pipe), not a regular file`,
  ]);

describe('loaders and non-regular files', () => {
  it('loads the bank files of a folder and warns about the rest', () => {
    const dir = trapFolder(join(PACKAGE_ROOT, 'test/fixtures/banks/small/rotation.yaml'), 'rotation.yaml');
    const r = loadBanks([dir], { today: '2026-12-05' });
    expect(r.questions.length).toBeGreaterThan(0);
    expectWarnings(r.warnings, dir);
  });

  it('refuses a FIFO named as a bank path, without blocking', () => {
    const dir = trapFolder(join(PACKAGE_ROOT, 'test/fixtures/banks/small/rotation.yaml'), 'rotation.yaml');
    const r = loadBanks([join(dir, 'q.yaml')]);
    expect(r.errors.map((e) => e.message)).toEqual([`${join(dir, 'q.yaml')}:0:0: cannot read bank path (a FIFO (named pipe)); expected a .yaml file or a folder of them`]);
  });

  it('bank lint reports them and does not block', async () => {
    const dir = trapFolder(join(PACKAGE_ROOT, 'test/fixtures/banks/small/rotation.yaml'), 'rotation.yaml');
    const r = await runCli(['bank', 'lint', dir], { now: Date.UTC(2026, 11, 5) });
    expect(r.stderr).toContain(`skipping ${join(dir, 'q.yaml')}: a FIFO (named pipe), not a regular file`);
    expect(r.stderr).not.toMatch(/unexpected error|report it as a bug/);
    expect(r.code).not.toBe(70);
  });

  it('loads labs and notes past the same traps', () => {
    const labs = trapFolder(join(PACKAGE_ROOT, 'labs/key-deletion.yaml'), 'key-deletion.yaml');
    const l = loadLabs(labs);
    expect(l.labs.map((x) => x.id)).toEqual(['key-deletion']);
    expectWarnings(l.warnings, labs);
    const notes = trapFolder(join(PACKAGE_ROOT, 'test/fixtures/notes/rotation.yaml'), 'rotation.yaml');
    const n = loadNotes(notes, '2026-12-05');
    expect(n.notes).toHaveLength(1);
    expectWarnings(n.warnings, notes);
  });
});
