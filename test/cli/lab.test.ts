// `kms-study lab` in-process: the list and its statuses, --solve, --script, piped lines, resume from the
// save file, --restart, a corrupt save moved aside, unknown ids, and the result in the progress store.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { completeLabLine } from '../../src/cli/lab-complete.js';
import type { CliDeps } from '../../src/cli/io.js';
import { PACKAGE_ROOT, runCli, tempHome } from '../helpers/cli.js';

const save = (home: string, id: string) => join(home, 'labs', `${id}.json`);

describe('kms-study lab (list)', () => {
  it('lists every lab as not started in a fresh home, and as JSON', async () => {
    const home = tempHome();
    const text = await runCli(['lab'], { home });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/key-deletion\s+Schedule, cancel and complete a key deletion\s+not started/);
    const json = await runCli(['lab', '--json'], { home });
    const rows = JSON.parse(json.stdout) as { id: string; status: string; steps: number }[];
    expect(rows.find((r) => r.id === 'key-deletion')).toMatchObject({ status: 'not started', steps: 4 });
  });

  it('`lab list` is the same list, with and without --json', async () => {
    const home = tempHome();
    const plain = await runCli(['lab'], { home });
    const list = await runCli(['lab', 'list'], { home });
    expect(list.code).toBe(0);
    expect(list.stderr).toBe('');
    expect(list.stdout).toBe(plain.stdout);
    const json = await runCli(['lab', 'list', '--json'], { home });
    expect(json.code).toBe(0);
    expect(json.stdout).toBe((await runCli(['lab', '--json'], { home })).stdout);
  });
});

describe('kms-study lab key-deletion', () => {
  it('--solve runs the reference solution, exits 0 and records the result in the progress store', async () => {
    const home = tempHome();
    const r = await runCli(['lab', 'key-deletion', '--solve'], { home });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('$ aws kms schedule-key-deletion');
    expect(r.stdout).toContain('An error occurred (KMSInvalidStateException) when calling the Encrypt operation');
    expect(r.stdout).toContain('★ Lab complete');
    const list = JSON.parse((await runCli(['lab', '--json'], { home })).stdout) as { id: string; status: string; completedBefore: boolean }[];
    expect(list.find((x) => x.id === 'key-deletion')).toMatchObject({ status: 'completed', completedBefore: true });
  });

  it('piped lines that leave the lab open exit 1, name the failing check, and resume on the next run', async () => {
    const home = tempHome();
    const first = await runCli(['lab', 'key-deletion', '--seed', '7'], { home, stdin: 'aws kms schedule-key-deletion --key-id $REPORTS --pending-window-in-days 7\n' });
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('Step 1 of 4');
    expect(first.stdout).toMatch(/✗ Try an encrypt call with the pending key/);
    const saved = JSON.parse(readFileSync(save(home, 'key-deletion'), 'utf8')) as { step: number; seed: string; log: unknown[] };
    expect(saved).toMatchObject({ step: 0, seed: '7' });
    expect(saved.log).toHaveLength(1);
    const second = await runCli(['lab', 'key-deletion'], { home, stdin: 'aws kms encrypt --key-id alias/reports --plaintext aGVsbG8=\nstatus\n' });
    expect(second.stdout).toContain('(resumed; --restart starts over)');
    expect(second.stdout).toContain('✓ Step 1 complete');
    expect(second.stdout).toContain('Step 2 of 4');
    expect(JSON.parse(readFileSync(save(home, 'key-deletion'), 'utf8')).step).toBe(1);
    const list = JSON.parse((await runCli(['lab', '--json'], { home })).stdout) as { id: string; status: string }[];
    expect(list.find((x) => x.id === 'key-deletion')?.status).toBe('step 2 of 4');
  });

  it('--restart starts over from step 1', async () => {
    const home = tempHome();
    await runCli(['lab', 'key-deletion', '--solve'], { home });
    const r = await runCli(['lab', 'key-deletion', '--restart'], { home, stdin: 'status\n' });
    expect(r.stdout).not.toContain('resumed');
    expect(r.stdout).toContain('Step 1 of 4');
    expect(r.code).toBe(1);
  });

  it('--script runs the file; hint and solution are meta-commands; hints are counted', async () => {
    const home = tempHome();
    writeFileSync(join(home, 'steps.txt'), 'hint\nhint\nsolution\n');
    const r = await runCli(['lab', 'key-deletion', '--script', 'steps.txt'], { home, cwd: home });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Hint 1 of 2');
    expect(r.stdout).toContain('Hint 2 of 2');
    expect(r.stdout).toContain('Reference solution for');
    expect(JSON.parse(readFileSync(save(home, 'key-deletion'), 'utf8')).hintsUsed).toBe(2);
  });

  it('a corrupt save file is moved aside and reported; the lab starts over', async () => {
    const home = tempHome();
    mkdirSync(join(home, 'labs'), { recursive: true });
    writeFileSync(save(home, 'key-deletion'), '{ not json');
    const r = await runCli(['lab', 'key-deletion'], { home, stdin: 'status\n' });
    expect(r.stderr).toMatch(/saved progress .*key-deletion\.json could not be read .*moved to/);
    expect(r.stdout).toContain('Step 1 of 4');
    expect(readdirSync(join(home, 'labs')).some((f) => f.startsWith('key-deletion.json.') || f.includes('corrupt'))).toBe(true);
    expect(JSON.parse(readFileSync(save(home, 'key-deletion'), 'utf8')).step).toBe(0);
  });
});

describe('kms-study lab: bad input', () => {
  it('an unknown lab id is a usage error with a suggestion', async () => {
    const r = await runCli(['lab', 'key-deleton']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown lab "key-deleton"; did you mean key-deletion/);
  });
  it('a missing --script file is a usage error', async () => {
    const home = tempHome();
    const r = await runCli(['lab', 'key-deletion', '--script', 'nope.txt'], { home, cwd: home });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--script: cannot read nope\.txt \(ENOENT\)/);
    expect(existsSync(save(home, 'key-deletion'))).toBe(false);
  });
});

describe('lab shell tab completion', () => {
  it('completes meta-commands, services, operations and option names', () => {
    expect(completeLabLine('hi')[0]).toEqual(['hint']);
    expect(completeLabLine('aws k')[0]).toEqual(['kms']);
    expect(completeLabLine('aws kms schedule-k')[0]).toEqual(['schedule-key-deletion']);
    expect(completeLabLine('aws kms schedule-key-deletion --key-id x --pend')[0]).toEqual(['--pending-window-in-days']);
    expect(completeLabLine('profile a', ['admin', 'app'])[0]).toEqual(['admin', 'app']);
    expect(completeLabLine('aws kms nosuch --k')[0]).toEqual([]);
    const vars = ['REPORTS', 'REPORTS_ARN', 'LEGACY'];
    expect(completeLabLine('aws kms describe-key --key-id $REP', [], vars)).toEqual([['$REPORTS', '$REPORTS_ARN'], '$REP']);
    expect(completeLabLine('aws kms describe-key --key-id $l', [], vars)[0]).toEqual(['$LEGACY']);
    expect(completeLabLine('aws kms describe-key --key-id=$LE', [], vars)[0]).toEqual(['--key-id=$LEGACY']);
    expect(completeLabLine('load --key-id $', [], vars)[0]).toEqual(['$LEGACY', '$REPORTS', '$REPORTS_ARN']);
    expect(completeLabLine('aws kms describe-key --key-id $NOPE', [], vars)[0]).toEqual([]);
  });
});

describe('kms-study lab with a broken lab file beside good ones', () => {
  it('lists and runs the good labs, reports the broken file, and refuses to run it with file:line:column', async () => {
    const { run } = await import('../../src/cli/main.js');
    const { copyFileSync } = await import('node:fs');
    const root = tempHome();
    mkdirSync(join(root, 'labs'));
    copyFileSync(join(PACKAGE_ROOT, 'labs', 'key-deletion.yaml'), join(root, 'labs', 'key-deletion.yaml'));
    writeFileSync(join(root, 'labs', 'key-rotation.yaml'), 'id: key-rotation\ntitle: [unclosed\n');
    const go = async (argv: string[]) => {
      let stdout = '';
      let stderr = '';
      const deps = {
        stdout: { write: (s: string) => void (stdout += s), isTTY: false },
        stderr: { write: (s: string) => void (stderr += s), isTTY: false },
        stdin: Readable.from([]),
        env: { NO_COLOR: '1', KMS_STUDY_HOME: tempHome() },
        now: () => Date.UTC(2026, 10, 1),
        randomBytes: (n: number) => new Uint8Array(n),
        cwd: root,
        packageRoot: root,
      } as unknown as CliDeps;
      const code = await run(argv, deps);
      return { code, stdout, stderr };
    };
    const list = await go(['lab']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('key-deletion');
    expect(list.stdout).not.toContain('key-rotation');
    expect(list.stderr).toMatch(/^kms-study: skipping lab file .*key-rotation\.yaml:\d+:\d+: /m);
    const bad = await go(['lab', 'key-rotation']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/key-rotation\.yaml:\d+:\d+: /);
    expect(bad.stdout).toBe('');
  });
});
