// The package root from the running program's directory: the bundle (dist/cli) and tsc's output (dist/src/cli)
// both find the directory whose package.json is named kms-study, also when installed under node_modules.
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPackageRoot } from '../../src/cli/package-root.js';

describe('findPackageRoot', () => {
  const base = mkdtempSync(join(tmpdir(), 'kms-study-root-'));
  const app = join(base, 'app');
  const pkg = join(app, 'node_modules', 'kms-study');
  writeFileSync(join(base, 'package.json'), '{"name":"kms-study"}'); // an outer checkout must not win
  mkdirSync(join(pkg, 'dist', 'src', 'cli'), { recursive: true });
  mkdirSync(join(pkg, 'dist', 'cli'), { recursive: true });
  writeFileSync(join(app, 'package.json'), '{"name":"my-app"}');
  writeFileSync(join(pkg, 'package.json'), '{"name":"kms-study","version":"0.1.0"}');
  writeFileSync(join(pkg, 'dist', 'package.json'), 'not json');

  it('finds the root from the bundle and from tsc output', () => {
    expect(findPackageRoot(join(pkg, 'dist', 'cli'))).toBe(pkg);
    expect(findPackageRoot(join(pkg, 'dist', 'src', 'cli'))).toBe(pkg);
  });

  it('from the real build layouts of this checkout', () => {
    const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..');
    expect(findPackageRoot(join(root, 'src', 'cli'))).toBe(join(root));
  });

  it('skips package.json files of other packages and fails clearly where there is none', () => {
    expect(findPackageRoot(join(app, 'lib'), undefined)).toBe(base);
    expect(() => findPackageRoot(join(pkg, 'dist', 'cli'), () => 'other', 3)).toThrow(
      /cannot find the package root \(a package\.json named "kms-study"\) above .*dist\/cli/,
    );
  });

  it('stops after maxUp levels', () => {
    expect(() => findPackageRoot(join(pkg, 'dist', 'src', 'cli'), undefined, 2)).toThrow(/cannot find the package root/);
    rmSync(base, { recursive: true, force: true });
  });
});
