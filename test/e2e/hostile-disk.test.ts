// End to end on a real read-only and a real full file system (small tmpfs mounts; they need root, as in the
// CI container: elsewhere a read-only directory is made with chmod and the full-disk case is covered by the
// injected-write tests in test/storage). Read-only commands work on a read-only data directory; a write on a
// full disk fails with exit 74 naming the file, and the sandbox keeps every key it had.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE } from '../helpers/shipped.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = BUNDLE;
const mounts: string[] = [];

function cli(home: string, args: string[], input = '') {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH ?? '', KMS_STUDY_HOME: home, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const isRoot = process.getuid?.() === 0;

function mountTmpfs(dir: string, size: string): boolean {
  if (!isRoot) return false;
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir]);
  if (r.status !== 0) return false;
  mounts.push(dir);
  return true;
}

afterAll(() => {
  for (const m of mounts) spawnSync('umount', [m]);
});

/** A data directory with one key and one quiz session, then made read-only. */
function readOnlyHome(): { home: string; keyId: string } | undefined {
  const src = mkdtempSync(join(tmpdir(), 'kms-ro-src-'));
  const keyId = cli(src, ['aws', 'kms', 'create-key', '--query', 'KeyMetadata.KeyId', '--output', 'text']).stdout.trim();
  cli(src, ['quiz', '--bank', 'test/fixtures/banks/small', '--seed', '1', '--count', '5', '--mode', 'cram'], 'C\nB\nD\nB,E?\nB\n');
  const home = mkdtempSync(join(tmpdir(), 'kms-ro-'));
  if (mountTmpfs(home, '4m')) {
    cpSync(src, home, { recursive: true });
    if (spawnSync('mount', ['-o', 'remount,ro', home]).status !== 0) return undefined;
    return { home, keyId };
  }
  if (isRoot) return undefined; // root ignores modes: no way to make it read-only here
  cpSync(src, home, { recursive: true });
  for (const d of [home, join(home, 'sandbox'), join(home, 'sandbox', 'state-events')]) chmodSync(d, 0o555);
  return { home, keyId };
}

describe('a read-only data directory', () => {
  const ro = readOnlyHome();
  const maybe = ro ? it : it.skip;
  maybe('list-keys, describe-key, sandbox status, stats and lab list work; a change fails with exit 74 naming the file', () => {
    const { home, keyId } = ro!;
    const list = cli(home, ['aws', 'kms', 'list-keys']);
    expect([list.code, list.stderr]).toEqual([0, '']);
    expect(JSON.parse(list.stdout).Keys.map((k: { KeyId: string }) => k.KeyId)).toEqual([keyId]);
    const desc = cli(home, ['aws', 'kms', 'describe-key', '--key-id', keyId, '--query', 'KeyMetadata.KeyState', '--output', 'text']);
    expect([desc.code, desc.stdout, desc.stderr]).toEqual([0, 'Enabled\n', '']);
    const stats = cli(home, ['stats', '--json']);
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout).totals.answered).toBe(5);
    const labs = cli(home, ['lab']);
    expect([labs.code, labs.stderr]).toEqual([0, '']);
    expect(cli(home, ['sandbox', 'status']).code).toBe(0);
    const create = cli(home, ['aws', 'kms', 'create-key']);
    expect(create.code).toBe(74);
    expect(create.stderr).toMatch(/^kms-study: cannot write .*sandbox\/state(\.json|-keys-\d+\.jsonl): (read-only file system \(EROFS\)|permission denied \(EACCES\))/);
    expect(create.stdout).toBe('');
  });
});

describe('a full disk', () => {
  const home = mkdtempSync(join(tmpdir(), 'kms-full-'));
  const maybe = mountTmpfs(home, '256k') ? it : it.skip;
  maybe('a create-key that cannot be written fails with exit 74 naming the file; every key is still there', () => {
    const first = cli(home, ['aws', 'kms', 'create-key', '--query', 'KeyMetadata.KeyId', '--output', 'text']);
    expect(first.code).toBe(0);
    const keyId = first.stdout.trim();
    const state = readFileSync(join(home, 'sandbox', 'state.json'), 'utf8');
    // Fill the file system up.
    try {
      writeFileSync(join(home, 'filler'), Buffer.alloc(1024 * 1024));
    } catch {
      // ENOSPC: full, as wanted
    }
    const r = cli(home, ['aws', 'kms', 'create-key', '--description', 'x'.repeat(8000)]);
    expect(r.code).toBe(74);
    expect(r.stderr).toMatch(/^kms-study: cannot write .*(state\.json|\.jsonl): no space left on the device \(ENOSPC\)/m);
    expect(readFileSync(join(home, 'sandbox', 'state.json'), 'utf8')).toBe(state);
    expect(readdirSync(join(home, 'sandbox')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const list = cli(home, ['aws', 'kms', 'list-keys']);
    expect(JSON.parse(list.stdout).Keys.map((k: { KeyId: string }) => k.KeyId)).toEqual([keyId]);
  });
});
