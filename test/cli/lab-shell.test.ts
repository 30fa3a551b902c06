// The interactive shell (terminal mode) driven in-process: prompt with lab/step/profile, tab completion,
// Ctrl-C clears the line, commands advance the step, and leaving saves the progress.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { cliLabSession } from '../../src/cli/lab.js';
import { CLEAR_SCREEN, interactiveShell } from '../../src/cli/lab-shell.js';
import type { ProgramContext } from '../../src/cli/context.js';
import { ExitCode, type CliDeps } from '../../src/cli/io.js';
import { LabRun } from '../../src/labs/runner.js';
import { labSavePath, loadLabs } from '../../src/storage/lab-session.js';
import { PACKAGE_ROOT, tempHome } from '../helpers/cli.js';
import { waitFor } from '../helpers/wait.js';

describe('lab shell on a terminal', () => {
  it('shows the prompt, completes, clears on Ctrl-C, runs lines and saves on Ctrl-D', async () => {
    const home = tempHome();
    const stdin = new PassThrough();
    let out = '';
    const deps = {
      stdout: { write: (s: string) => void (out += s), isTTY: true },
      stderr: { write: (s: string) => void (out += s), isTTY: true },
      stdin: Object.assign(stdin, { isTTY: true }),
      env: { NO_COLOR: '1', KMS_STUDY_HOME: home },
      now: () => Date.UTC(2026, 10, 1),
      randomBytes: (n: number) => new Uint8Array(n),
      cwd: home,
      packageRoot: PACKAGE_ROOT,
    } as unknown as CliDeps;
    const ctx: ProgramContext = { deps, exit: new ExitCode(), debug: () => false, color: () => false };
    const lab = loadLabs(join(PACKAGE_ROOT, 'labs')).labs.find((l) => l.id === 'key-deletion')!;
    const io = { wallNow: () => 0 };
    const run = await LabRun.start(lab, 'shell', io);
    const path = labSavePath(deps.env, lab.id);
    const session = cliLabSession(lab, run, path, () => LabRun.start(lab, 'shell', io), ctx);
    const shows = (text: string) => waitFor(() => out.includes(text), `the shell to print ${JSON.stringify(text)}`);
    const done = interactiveShell(session, deps);
    await shows('[key-deletion 1/4 admin] $ ');
    // The step text names the variable next to the raw id.
    expect(out).toContain(`Schedule $REPORTS (${run.vars.REPORTS}) for deletion`);
    stdin.write('aws kms schedule-key-del\t');
    await shows('aws kms schedule-key-deletion');
    stdin.write('\x03'); // Ctrl-C: the half-typed line is dropped
    await shows('^C (type quit or press Ctrl-D to leave; progress is saved)');
    stdin.write('aws kms schedule-key-deletion --key-id $REPORTS --pending-window-in-days 7\r');
    await shows('"KeyState": "PendingDeletion"');
    stdin.write('aws kms encrypt --key-id alias/reports --plaintext aGVsbG8=\r');
    await shows('✓ Step 1 complete');
    await shows('[key-deletion 2/4 admin] $ ');
    stdin.write('hnit\r');
    await shows('unknown command hnit; did you mean hint?');
    expect(out).not.toContain(CLEAR_SCREEN);
    stdin.write('clear\r');
    await waitFor(() => out.includes(CLEAR_SCREEN), 'the shell to clear the screen');
    stdin.end();
    expect(await done).toBe(0);
    expect(out).toContain('Progress saved: step 2 of 4.');
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { step: number; log: { line: string }[] };
    expect(saved.step).toBe(1);
    expect(saved.log.map((l) => l.line)).toEqual([
      'aws kms schedule-key-deletion --key-id $REPORTS --pending-window-in-days 7',
      'aws kms encrypt --key-id alias/reports --plaintext aGVsbG8=',
    ]);
  });

  it('says at once when a line strands the lab, and the hint offers reset-step (80 columns)', async () => {
    const home = tempHome();
    const stdin = new PassThrough();
    let out = '';
    const deps = {
      stdout: { write: (s: string) => void (out += s), isTTY: true, columns: 80 },
      stderr: { write: (s: string) => void (out += s), isTTY: true },
      stdin: Object.assign(stdin, { isTTY: true }),
      env: { NO_COLOR: '1', KMS_STUDY_HOME: home },
      now: () => Date.UTC(2026, 10, 1),
      randomBytes: (n: number) => new Uint8Array(n),
      cwd: home,
      packageRoot: PACKAGE_ROOT,
    } as unknown as CliDeps;
    const ctx: ProgramContext = { deps, exit: new ExitCode(), debug: () => false, color: () => false };
    const lab = loadLabs(join(PACKAGE_ROOT, 'labs')).labs.find((l) => l.id === 'key-deletion')!;
    const io = { wallNow: () => 0 };
    const run = await LabRun.start(lab, 'shell', io);
    for (const l of run.step(0)!.solution) await run.input(l);
    const session = cliLabSession(lab, run, labSavePath(deps.env, lab.id), () => LabRun.start(lab, 'shell', io), ctx);
    const shows = (text: string) => waitFor(() => out.includes(text), `the shell to print ${JSON.stringify(text)}`);
    const done = interactiveShell(session, deps);
    await shows('[key-deletion 2/4 admin] $ ');
    // Tab completes the lab's $VARIABLES (typed in any case).
    stdin.write('aws kms describe-key --key-id $rep\t');
    await shows('aws kms describe-key --key-id $REPORTS');
    stdin.write('\x03');
    await shows('^C (type quit');
    stdin.write('clock advance 8d\r');
    await shows('Type reset-step to put the simulator back');
    expect(out).toContain('✗ This lab can no longer be finished from here');
    stdin.write('hint\r');
    await waitFor(() => out.split('Type reset-step').length === 3, 'the hint to repeat the way back');
    expect(out).not.toContain('Hint 1');
    stdin.write('reset-step\r');
    await shows('Step reset');
    stdin.end();
    expect(await done).toBe(0);
    // Prose is wrapped at the terminal's width (readline's own prompt redraws, cursor moves included, aside).
    const visible = out.split('\n').map((l) => l.replace(/^.*\x1b\[\d+G/, '').replace(/\x1b\[[0-9;]*[A-Za-z]/g, ''));
    for (const l of visible) expect(l.length).toBeLessThanOrEqual(80);
  });
});
