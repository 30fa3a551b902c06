// The package as npm ships it: the packed tarball carries the bundled program (dist/cli) and the content, needs no
// script at install time (so npm has no install script to warn about), and runs `--version` and a lab from where it
// was unpacked. A fresh source checkout without dist/ runs the whole build once on the first run.
import { describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PACKAGE_ROOT } from '../helpers/cli.js';

const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare'];

function run(bin: string, args: string[], home: string) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, KMS_STUDY_HOME: home, NO_COLOR: '1' }, timeout: 120_000 });
}

describe('the packed package', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kms-study-pack-'));
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
  const info = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
  const files = info[0].files.map((f) => f.path);
  execFileSync('tar', ['-xzf', join(dir, info[0].filename), '-C', dir]);
  const pkg = join(dir, 'package');

  it('has no install-time script, and ships the launcher, the bundle, the lab index, banks, labs and notes but no sources', () => {
    const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { scripts: Record<string, string>; bin: Record<string, string> };
    expect(Object.keys(manifest.scripts).filter((s) => INSTALL_SCRIPTS.includes(s))).toEqual([]);
    expect(manifest.bin['kms-study']).toBe('bin/kms-study.js');
    expect(files).toEqual(expect.arrayContaining(['bin/kms-study.js', 'dist/cli/bin.js', 'dist/cli/bin.js.map', 'dist/lab-index.json', 'questions/rotation.yaml', 'labs/key-deletion.yaml', 'README.md']));
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('test/') || f.startsWith('dist/test/') || f.startsWith('dist/bench/'))).toEqual([]);
    // The bundle alone: tsc's ~200 modules are not shipped, so the launcher can only run the bundle.
    expect(files.filter((f) => f.startsWith('dist/src/'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('dist/cli/chunks/') && f.endsWith('.js')).length).toBeGreaterThan(0);
  });

  it('runs --version and a lab from the unpacked tarball, without building', () => {
    symlinkSync(join(PACKAGE_ROOT, 'node_modules'), join(pkg, 'node_modules'));
    const home = join(dir, 'home');
    const version = run(join(pkg, 'bin/kms-study.js'), ['--version'], home);
    expect({ status: version.status, stdout: version.stdout.trim(), stderr: version.stderr }).toEqual({ status: 0, stdout: JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')).version, stderr: '' });
    const lab = run(join(pkg, 'bin/kms-study.js'), ['lab', 'create-key', '--solve'], home);
    expect(lab.status).toBe(0);
    expect(lab.stdout).toContain('Lab complete');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('a fresh source checkout', () => {
  it('builds itself once (tsc, lab index, bundle) on the first run of the launcher, then runs the bundle', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kms-study-clone-'));
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: PACKAGE_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
    for (const f of tracked.filter((f) => /^(bin|src|bench|scripts|questions|labs|notes)\/|^(package\.json|tsconfig.*\.json)$/.test(f))) {
      if (!existsSync(join(PACKAGE_ROOT, f))) continue;
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      cpSync(join(PACKAGE_ROOT, f), join(dir, f));
    }
    symlinkSync(join(PACKAGE_ROOT, 'node_modules'), join(dir, 'node_modules'));
    expect(existsSync(join(dir, 'dist'))).toBe(false);
    // --version is answered by the launcher itself: no build for it.
    const version = run(join(dir, 'bin/kms-study.js'), ['--version'], join(dir, 'home'));
    expect({ status: version.status, stderr: version.stderr }).toEqual({ status: 0, stderr: '' });
    expect(existsSync(join(dir, 'dist'))).toBe(false);
    const first = run(join(dir, 'bin/kms-study.js'), ['lab'], join(dir, 'home'));
    expect(first.status).toBe(0);
    expect(first.stderr).toContain('building (once)');
    expect(first.stdout).toContain('create-key');
    for (const built of ['dist/src/cli/bin.js', 'dist/lab-index.json', 'dist/cli/bin.js', 'dist/cli/aws.cjs']) expect(existsSync(join(dir, built))).toBe(true);
    const second = run(join(dir, 'bin/kms-study.js'), ['lab'], join(dir, 'home'));
    expect({ status: second.status, stderr: second.stderr }).toEqual({ status: 0, stderr: '' });
    expect(second.stdout).toBe(first.stdout);
    rmSync(dir, { recursive: true, force: true });
  }, 180_000);
});
