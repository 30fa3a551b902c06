// The built binary's lab shell driven through piped stdin: lines are handled as they arrive and saved after
// each one, so killing the process mid-lab and starting it again resumes at the right step.
import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempHome } from '../helpers/cli.js';
import { BUNDLE } from '../helpers/shipped.js';

const bin = BUNDLE;

function startLab(home: string) {
  const child = spawn(process.execPath, [bin, 'lab', 'key-deletion', '--seed', '42'], { env: { ...process.env, KMS_STUDY_HOME: home, NO_COLOR: '1' } });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<number | null>((res) => child.on('close', (code) => res(code)));
  const waitFor = async (text: string, ms = 40000) => {
    const until = Date.now() + ms;
    while (!out.includes(text)) {
      if (child.exitCode !== null) throw new Error(`exited (${child.exitCode}) before ${JSON.stringify(text)}:\n${out}\n${err}`);
      if (Date.now() > until) throw new Error(`timed out waiting for ${JSON.stringify(text)}; output so far:\n${out}\n${err}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { child, exited, waitFor, out: () => out, err: () => err, send: (l: string) => child.stdin.write(l + '\n') };
}

describe('kms-study lab key-deletion through piped stdin (built binary)', () => {
  it('resumes at the right step, with its engine state, after the process is killed mid-lab', async () => {
    const home = tempHome();
    const save = join(home, 'labs', 'key-deletion.json');

    const a = startLab(home);
    await a.waitFor('Step 1 of 4');
    a.send('aws kms schedule-key-deletion --key-id $REPORTS --pending-window-in-days 7');
    await a.waitFor('PendingDeletion');
    a.send('aws kms encrypt --key-id alias/reports --plaintext aGVsbG8=');
    await a.waitFor('✓ Step 1 complete');
    await a.waitFor('Step 2 of 4');
    a.send('hint');
    await a.waitFor('Hint 1 of');
    a.child.kill('SIGKILL'); // no clean exit: only what was saved after each line survives
    await a.exited;
    expect(existsSync(save)).toBe(true);
    expect(JSON.parse(readFileSync(save, 'utf8'))).toMatchObject({ step: 1, hintsUsed: 1, seed: '42' });

    const b = startLab(home);
    await b.waitFor('(resumed; --restart starts over)');
    expect(b.out()).toContain('Step 2 of 4');
    expect(b.out()).not.toContain('Step 1 of 4');
    b.send('aws kms describe-key --key-id alias/reports --query KeyMetadata.KeyState');
    await b.waitFor('"PendingDeletion"'); // the engine state survived the kill too
    b.child.stdin.end();
    expect(await b.exited).toBe(1); // lab not complete
    expect(b.out()).toContain('Not complete: step 2 of 4 is open.');
    // Only reports of lab files being edited elsewhere may appear; nothing else.
    expect(b.err().split('\n').filter((l) => l && !l.startsWith('kms-study: skipping lab file'))).toEqual([]);
  }, 120000);
});
