// Lab files are validated completely when loaded (principals, policies, durations, an empty file), and
// `kms-study lab --check FILE...` reports every problem as file:line:column with a non-zero exit.
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseLab } from '../../src/labs/parse.js';
import { loadLabs } from '../../src/storage/lab-session.js';
import { PACKAGE_ROOT, runCli } from '../helpers/cli.js';

const original = readFileSync(join(PACKAGE_ROOT, 'labs/create-key.yaml'), 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('lab validation at load', () => {
  it('reports an empty lab file naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kms-study-labs-'));
    writeFileSync(join(dir, 'create-key.yaml'), '');
    writeFileSync(join(dir, 'grants.yaml'), '# only a comment\n');
    const r = loadLabs(dir);
    expect(r.labs).toEqual([]);
    expect(r.errors.map((e) => e.message)).toEqual([
      `${join(dir, 'create-key.yaml')}:1:1: the lab file is empty: it needs id, title, setup and steps (see docs/lab-format.md)`,
      `${join(dir, 'grants.yaml')}:1:1: the lab file is empty: it needs id, title, setup and steps (see docs/lab-format.md)`,
    ]);
  });

  it('parses the setup policies with the policy parser and reports a bad one at its place', () => {
    const bad = original.replace('{Effect: Allow, Action:', '{Effect: Permit, Action:');
    const r = parseLab(bad, 'labs/create-key.yaml');
    expect(r.lab).toBeUndefined();
    const line = lineOf(bad, 'Effect: Permit');
    expect(r.errors.map((e) => e.message)).toEqual([expect.stringMatching(new RegExp(`^labs/create-key\\.yaml:\\d+:\\d+: setup principal 1 policy app-crypto: .*Effect`))]);
    expect(r.errors[0].line).toBeLessThanOrEqual(line);
  });

  it('refuses a profile principal that is not an IAM ARN', () => {
    const bad = original.replace('principal: arn:aws:iam::111122223333:role/app', 'principal: app-role');
    const r = parseLab(bad, 'labs/create-key.yaml');
    const line = lineOf(bad, 'principal: app-role');
    expect(r.errors.map((e) => e.message)).toEqual([`labs/create-key.yaml:${line}:18: profile app: "principal" must be an IAM ARN such as arn:aws:iam::111122223333:role/app (root, user/NAME, role/NAME or an sts assumed-role ARN), got "app-role"`]);
  });
});

describe('kms-study lab --check', () => {
  it('passes the packaged labs', async () => {
    const r = await runCli(['lab', '--check', 'labs/create-key.yaml', 'labs/key-deletion.yaml']);
    expect(r).toEqual({ code: 0, stdout: 'OK: 2 lab files, no problems.\n', stderr: '' });
  });

  it('reports every problem of several files and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kms-study-check-'));
    writeFileSync(join(dir, 'create-key.yaml'), original.replace('{Effect: Allow, Action:', '{Effect: Permit, Action:').replace(/^setup:\n/m, 'setup:\n  advance: 99999999999d\n'));
    writeFileSync(join(dir, 'empty.yaml'), '');
    const r = await runCli(['lab', '--check', 'create-key.yaml', 'empty.yaml', 'missing.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines.slice(0, -1).map((l) => l.replace(/:\d+:\d+: .*$/, ''))).toEqual([join(dir, 'create-key.yaml'), join(dir, 'create-key.yaml'), join(dir, 'empty.yaml'), join(dir, 'missing.yaml')]);
    expect(lines.at(-1)).toBe('4 problems found in 3 lab files.');
    expect(r.stderr).toMatch(/"advance": "99999999999d" is longer than/);
    expect(r.stderr).toMatch(/missing\.yaml:0:0: cannot read the lab file \(ENOENT\)/);
  });
});
