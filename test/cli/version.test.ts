import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { VERSION } from '../../src/cli/version.js';
import { runCli } from '../helpers/cli.js';

describe('kms-study --version and --help', () => {
  it('prints the version from package.json', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(VERSION).toBe(pkg.version);
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('prints help listing the commands', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: kms-study');
  });

  it('rejects an unknown command with a suggestion and exit 2', async () => {
    const r = await runCli(['quizz']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'quizz'/);
  });
});
