// Every duration, date and clock offset is range-checked where it enters: the sandbox command line, the lab
// shell, a lab file's setup and a state file. A refused move leaves the sandbox usable.
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLab } from '../../src/labs/parse.js';
import { LabRun } from '../../src/labs/runner.js';
import { advanceProblem, parseClockDate, parseDuration } from '../../src/text/duration.js';
import { PACKAGE_ROOT, runCli, tempHome } from '../helpers/cli.js';

const words = (line: string) => line.split(' ');

describe('duration and date parsing', () => {
  it('accepts the usual units and refuses junk and more than 100 years', () => {
    expect(parseDuration('8d')).toEqual({ ok: true, value: 8 * 86_400_000 });
    expect(parseDuration('1.5 h')).toEqual({ ok: true, value: 5_400_000 });
    expect(parseDuration('36500d').ok).toBe(true);
    for (const bad of ['soon', '-1d', '8', '1e9d', '36501d', '100000000d', '99999999999d', '9'.repeat(400) + 's'])
      expect(parseDuration(bad).ok).toBe(false);
    expect(parseDuration('100000000d')).toEqual({ ok: false, problem: expect.stringMatching(/longer than the 36500d \(100 years\)/) });
  });
  it('keeps the clock within 1970..9999', () => {
    expect(advanceProblem(Date.UTC(9990, 0, 1), 20 * 365 * 86_400_000)).toMatch(/past 9999-12-31/);
    expect(advanceProblem(Date.UTC(2026, 0, 1), 100 * 86_400_000)).toBeUndefined();
    expect(parseClockDate('2027-03-01')).toEqual({ ok: true, value: Date.UTC(2027, 2, 1) });
    expect(parseClockDate('2027-03-01T09:00:00')).toEqual({ ok: true, value: Date.UTC(2027, 2, 1, 9) });
    for (const bad of ['1969-12-31', '+275760-09-13', 'tomorrow', '2027-13-01', '10000-01-01']) expect(parseClockDate(bad).ok).toBe(false);
  });
});

describe('kms-study sandbox clock', () => {
  it('refuses an advance of 100000000d with one line, and the sandbox stays usable', async () => {
    const home = tempHome();
    const run = (line: string) => runCli(words(line), { home });
    expect((await run('aws kms create-key --description kept')).code).toBe(0);
    const r = await run('sandbox clock advance 100000000d');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kms-study: sandbox clock advance: "100000000d" is longer than the 36500d \(100 years\)[^\n]*\n$/);
    // The regression: every later command used to exit 70.
    expect(await run('sandbox clock show')).toEqual({ code: 0, stdout: '2026-11-01T12:00:00.000Z\n', stderr: '' });
    const listed = await run('aws kms list-keys --query Keys[].KeyId --output text');
    expect(listed.code).toBe(0);
    expect(listed.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
    expect((await run('sandbox status')).code).toBe(0);
  });

  it('refuses moves that would pass the year 9999', async () => {
    const home = tempHome();
    const run = (line: string) => runCli(words(line), { home });
    expect((await run('aws kms create-key')).code).toBe(0);
    const file = join(home, 'sandbox', 'state.json');
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.engine.clockOffsetMs = Date.UTC(9990, 0, 1) - Date.UTC(2026, 10, 1, 12);
    doc.engine.highWaterMs = Date.UTC(9990, 0, 1);
    writeFileSync(file, JSON.stringify(doc));
    expect((await run('sandbox clock set 9999-12-31T23:59:59Z')).code).toBe(0);
    const r = await run('sandbox clock advance 1d');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/past 9999-12-31T23:59:59Z/);
    expect((await run('sandbox clock show')).stdout).toBe('9999-12-31T23:59:59.000Z\n');
    expect((await run('aws kms create-key')).code).toBe(0);
  });

  it('sets the clock forward to a date and refuses a date in the past or out of range', async () => {
    const home = tempHome();
    const run = (line: string) => runCli(words(line), { home });
    const set = await run('sandbox clock set 2027-03-01T09:00:00Z');
    expect(set).toEqual({ code: 0, stdout: 'Simulated time is now 2027-03-01T09:00:00.000Z (to 2027-03-01T09:00:00Z).\n', stderr: '' });
    expect((await run('sandbox clock set 2027-01-01')).stderr).toMatch(/never goes backwards/);
    expect((await run('sandbox clock set 2200-01-01')).stderr).toMatch(/more than 36500d \(100 years\) after/);
    for (const bad of ['99999-01-01', '1960-01-01', 'later']) {
      const r = await run(`sandbox clock set ${bad}`);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')).toHaveLength(2);
    }
  });

  it('says the limits in help', async () => {
    const r = await runCli(['sandbox', 'clock', 'advance', '--help']);
    expect(r.stdout).toMatch(/at most 36500d \(100 years\)/);
    expect(r.stdout).toMatch(/1970 to 9999/);
  });

  it('moves aside a state file whose clock is out of range, naming it', async () => {
    const home = tempHome();
    expect((await runCli(words('aws kms create-key'), { home })).code).toBe(0);
    const file = join(home, 'sandbox', 'state.json');
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.engine.clockOffsetMs = 1e308;
    writeFileSync(file, JSON.stringify(doc));
    const r = await runCli(words('sandbox clock show'), { home });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(/outside the years 1970 to 9999/);
    expect(readdirSync(join(home, 'sandbox')).filter((n) => n.startsWith('state.json.corrupt-'))).toHaveLength(1);
    expect((await runCli(words('aws kms list-keys'), { home })).code).toBe(0);
  });
});

describe('lab clock bounds', () => {
  const text = readFileSync(join(PACKAGE_ROOT, 'labs/key-deletion.yaml'), 'utf8');

  it('reports a setup advance beyond the limits at file:line:column when the lab loads', () => {
    const bad = text.replace(/^setup:\n/m, 'setup:\n  advance: 99999999999d\n');
    const r = parseLab(bad, 'labs/key-deletion.yaml');
    expect(r.lab).toBeUndefined();
    const line = bad.split('\n').findIndex((l) => l.includes('99999999999d')) + 1;
    expect(r.errors.map((e) => e.message)).toEqual([expect.stringMatching(new RegExp(`^labs/key-deletion\\.yaml:${line}:12: setup: "advance": "99999999999d" is longer than`))]);
  });

  it('reports a start outside 1970..9999', () => {
    const bad = text.replace(/start: .*$/m, 'start: 1969-01-01T00:00:00Z');
    expect(parseLab(bad, 'labs/key-deletion.yaml').errors[0].message).toMatch(/"start" must be an ISO date-time within the years 1970 to 9999/);
  });

  it("refuses the lab shell's clock advance beyond the limits and keeps going", async () => {
    const lab = parseLab(text, 'labs/key-deletion.yaml').lab!;
    const run = await LabRun.start(lab, '1', { wallNow: () => 1000 });
    const time = async () => Date.parse((await run.input('clock advance 0s')).text.match(/now (\S+)\./)![1]);
    const before = await time();
    const r = await run.input('clock advance 100000000d');
    expect(r.exitCode).toBe(2);
    expect(r.text).toMatch(/^clock advance: "100000000d" is longer than/);
    expect(await time()).toBe(before);
    expect((await run.input('clock advance 8d')).text).toMatch(/^Simulated time is now /);
    expect(await time()).toBe(before + 8 * 86_400_000);
  });
});

describe('timestamps on an aws command line', () => {
  it('refuses a timestamp beyond the year 9999 as a usage error naming the option', async () => {
    const r = await runCli(['aws', 'cloudtrail', 'lookup-events', '--start-time', '300000000000'], { home: tempHome() });
    expect(r.code).toBe(252);
    expect(r.stderr).toMatch(/^aws: error: argument --start-time: invalid timestamp '300000000000' .*within the years 1 to 9999\)\n$/);
    expect((await runCli(['aws', 'cloudtrail', 'lookup-events', '--start-time', '2026-01-01T00:00:00Z'], { home: tempHome() })).code).toBe(0);
  });
});

describe('a lab save whose clock is out of range', () => {
  it('is reported and the lab starts over instead of failing', async () => {
    const home = tempHome();
    const first = await runCli(['lab', 'key-deletion', '--seed', '1'], { home, stdin: 'status\n' });
    expect(first.code).not.toBe(70);
    const file = join(home, 'labs', 'key-deletion.json');
    const save = JSON.parse(readFileSync(file, 'utf8'));
    save.engine.clockOffsetMs = 1e308;
    writeFileSync(file, JSON.stringify(save));
    const again = await runCli(['lab', 'key-deletion', '--seed', '1'], { home, stdin: 'status\n' });
    expect(again.code).not.toBe(70);
    expect(again.stderr).toContain(`saved progress ${file} could not be resumed`);
    expect(again.stderr).toMatch(/outside the years 1970 to 9999/);
  });
});
