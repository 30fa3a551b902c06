import { describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fastCommand } from '../../src/cli/fast-command.js';
import { runFastLab } from '../../src/cli/fast-lab.js';
import { writeLabIndex } from '../../src/cli/lab-index.js';
import { parseLab } from '../../src/labs/parse.js';
import { PACKAGE_ROOT, runCli, tempHome } from '../helpers/cli.js';

const SMALL = 'test/fixtures/banks/small';

describe('start-up fast paths (lab list, stats)', () => {
  it('recognises only the plain forms and leaves everything else to the full CLI', () => {
    expect(fastCommand(['lab'])).toEqual({ command: 'lab-list', list: false, json: false, color: true });
    expect(fastCommand(['lab', 'list', '--json'])).toEqual({ command: 'lab-list', list: true, json: true, color: true });
    expect(fastCommand(['--no-color', 'stats'])).toEqual({ command: 'stats', list: false, json: false, color: false });
    expect(fastCommand(['stats', '--json'])).toEqual({ command: 'stats', list: false, json: true, color: true });
    for (const args of [
      [],
      ['lab', 'key-deletion'],
      ['lab', '--help'],
      ['lab', '--check', 'x.yaml'],
      ['stats', 'reset'],
      ['stats', '--json', '--json'],
      ['stats', '--debug'],
      ['--debug', 'stats'],
      ['quiz'],
      ['lab', 'list', 'extra'],
      ['--json'],
    ])
      expect(fastCommand(args)).toBeUndefined();
  });

  it('prints exactly what the full CLI prints, with the same exit code', async () => {
    const home = tempHome();
    await runCli(['quiz', '--bank', SMALL, '--no-shuffle', '--topic', 'deletion'], { home, stdin: 'A\nC\n' });
    mkdirSync(join(home, 'labs'), { recursive: true });
    writeFileSync(join(home, 'labs', 'key-deletion.json'), 'not json'); // an unreadable save shows as not started
    for (const argv of [['lab'], ['lab', 'list'], ['lab', '--json'], ['stats'], ['stats', '--json'], ['--no-color', 'stats'], ['--no-color', 'lab']]) {
      for (const env of [{}, { FORCE_COLOR: '1', NO_COLOR: '' }] as Record<string, string>[]) {
        const full = await runCli(argv, { home, env });
        const fast = await runCli(argv, { home, env, fast: true });
        expect({ argv, env, ...fast }).toEqual({ argv, env, ...full });
        expect(full.stdout.length).toBeGreaterThan(20);
      }
    }
  });

  it('reports errors as the full CLI does (the data directory is a file)', async () => {
    const home = join(tempHome(), 'not-a-dir');
    writeFileSync(home, 'x');
    for (const argv of [['stats'], ['lab']]) {
      const full = await runCli(argv, { home });
      const fast = await runCli(argv, { home, fast: true });
      expect(fast).toEqual(full);
      expect(full.code).not.toBe(0);
      expect(full.stderr).toMatch(/^kms-study: .*not-a-dir/);
    }
  });

  it('hands the lab list to the full CLI, having printed nothing, when a lab file is not described by the index', async () => {
    const root = tempHome();
    mkdirSync(join(root, 'labs'));
    mkdirSync(join(root, 'dist'));
    for (const f of ['create-key.yaml', 'grants.yaml']) copyFileSync(join(PACKAGE_ROOT, 'labs', f), join(root, 'labs', f));
    writeLabIndex(join(root, 'labs'), join(root, 'dist', 'lab-index.json'), parseLab);
    const past = Date.now() / 1000 - 60;
    for (const f of ['create-key.yaml', 'grants.yaml']) utimesSync(join(root, 'labs', f), past, past);
    let out = '';
    const deps = {
      stdout: { write: (t: string) => void (out += t), isTTY: false },
      stderr: { write: (t: string) => void (out += t), isTTY: false },
      stdin: process.stdin,
      env: { NO_COLOR: '1', KMS_STUDY_HOME: tempHome() },
      now: () => 0,
      randomBytes: (n: number) => new Uint8Array(n),
      cwd: root,
      packageRoot: root,
      signals: { on: () => () => undefined },
    };
    const fast = fastCommand(['lab'])!;
    expect(await runFastLab(fast, deps)).toBe(0);
    expect(out).toContain('create-key');
    out = '';
    copyFileSync(join(PACKAGE_ROOT, 'labs', 'key-rotation.yaml'), join(root, 'labs', 'key-rotation.yaml')); // not indexed
    expect(await runFastLab(fast, deps)).toBeUndefined();
    expect(out).toBe('');
  });
});
