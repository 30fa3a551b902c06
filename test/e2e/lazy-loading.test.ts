// What the built CLI loads, not how long it takes. In tsc's output (one module a file, so the hook sees each one):
// `aws kms list-keys` loads no cryptography library and JMESPath only for --query, the lab list parses no lab file
// the build indexed and loads neither the simulator, the YAML parser nor the scheduler, and stats with a warm bank
// cache loads no YAML library. In the bundle: list-keys loads no node:crypto or node:zlib, the lab list and stats
// no node:child_process (the build's lazy stand-ins), and each of those three runs from one standalone file. A loader hook (test/helpers/module-log) records every module a process loads; an encrypt shows the
// hook does see noble.
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'dist', 'src', 'cli', 'bin.js');
const BUNDLE = join(ROOT, 'dist', 'cli', 'bin.js');
const HOOK = join(ROOT, 'test', 'helpers', 'module-log', 'register.mjs');

/** Runs the built CLI and returns its stdout and every module it loaded (file URLs, `require:<id>`). */
function modulesOf(home: string, args: string[], bin = BIN): { stdout: string; modules: string[] } {
  const log = join(home, `modules-${args.join('-').replace(/[^a-z0-9-]/gi, '')}.txt`);
  rmSync(log, { force: true });
  const r = spawnSync(process.execPath, ['--import', HOOK, bin, ...args], {
    cwd: home,
    env: { PATH: process.env.PATH ?? '', KMS_STUDY_HOME: home, NO_COLOR: '1', KMS_STUDY_MODULE_LOG: log },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`kms-study ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { stdout: r.stdout, modules: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

const noble = (modules: string[]) => modules.filter((m) => m.includes('@noble/'));
const jmespath = (modules: string[]) => modules.filter((m) => m.includes('@jmespath-community/jmespath'));

describe('lazy loading in the built CLI', () => {
  const home = mkdtempSync(join(tmpdir(), 'kms-study-modules-'));

  it('is built, with the lab index', () => {
    expect(existsSync(BIN)).toBe(true);
    expect(existsSync(join(ROOT, 'dist', 'lab-index.json'))).toBe(true);
  });

  it('aws kms list-keys loads no cryptography library; encrypt loads AES only', () => {
    const created = modulesOf(home, ['aws', 'kms', 'create-key', '--query', 'KeyMetadata.KeyId', '--output', 'text']);
    const list = modulesOf(home, ['aws', 'kms', 'list-keys']);
    expect(list.stdout).toContain(created.stdout.trim());
    expect(list.modules.some((m) => m.endsWith('/dist/src/kms/engine.js'))).toBe(true); // the hook sees our modules
    expect(noble(list.modules)).toEqual([]);
    const enc = modulesOf(home, ['aws', 'kms', 'encrypt', '--key-id', created.stdout.trim(), '--plaintext', 'aGk=']);
    expect(noble(enc.modules)).toContain('require:@noble/ciphers/aes.js');
    expect(noble(enc.modules).filter((m) => /curves|post-quantum/.test(m))).toEqual([]);
  }, 120_000);

  it('loads the JMESPath library only for --query', () => {
    expect(jmespath(modulesOf(home, ['aws', 'kms', 'list-keys']).modules)).toEqual([]);
    const queried = modulesOf(home, ['aws', 'kms', 'list-keys', '--query', 'Keys[].KeyId']);
    expect(jmespath(queried.modules)).toEqual(['require:@jmespath-community/jmespath']);
    expect(queried.stdout).toMatch(/^\[/);
  }, 60_000);

  it('the bundle: list-keys loads neither node:zlib nor node:crypto, nor noble or JMESPath', () => {
    modulesOf(home, ['aws', 'kms', 'list-keys'], BUNDLE);
    const { modules } = modulesOf(home, ['aws', 'kms', 'list-keys'], BUNDLE);
    expect(modules.some((m) => m.endsWith('/dist/cli/bin.js'))).toBe(true);
    expect(modules.filter((m) => m.includes('/dist/src/'))).toEqual([]); // the bundle runs on its own
    expect(modules.filter((m) => /^(require:)?node:(zlib|crypto)$/.test(m))).toEqual([]);
    expect([...noble(modules), ...jmespath(modules)]).toEqual([]);
  }, 60_000);

  it('the bundle: the lab list and stats load no node:child_process (commander asks for it, never uses it)', () => {
    for (const args of [['lab'], ['stats']]) {
      const { stdout, modules } = modulesOf(home, args, BUNDLE);
      expect(stdout.length).toBeGreaterThan(0);
      expect(modules.filter((m) => /child_process/.test(m))).toEqual([]);
    }
  }, 60_000);

  it('the bundle: aws, the lab list and stats each run from their own standalone file, no chunk and no commander, with a code cache', () => {
    // bin.js's own static imports (esbuild's helpers) aside.
    const binImports = [...readFileSync(BUNDLE, 'utf8').matchAll(/(?:from|import)\s*"\.\/(chunks\/[^"]+)"/g)].map((m) => `/dist/cli/${m[1]}`);
    expect(binImports.length).toBeLessThanOrEqual(3);
    for (const [args, name] of [
      [['aws', 'kms', 'list-keys'], 'aws'],
      [['lab'], 'lab-list'],
      [['lab', 'list', '--json'], 'lab-list'],
      [['stats'], 'stats'],
    ] as const) {
      const { stdout, modules } = modulesOf(home, [...args], BUNDLE);
      expect(stdout.length).toBeGreaterThan(0);
      // The standalone .cjs runs through vm.Script (the loader hook does not see it): no other module of ours loads.
      const ours = modules.filter((m) => m.includes('/dist/')).map((m) => m.slice(m.indexOf('/dist/')));
      expect({ args, ours: ours.filter((m) => !binImports.includes(m)) }).toEqual({ args, ours: ['/dist/cli/bin.js'] });
      expect(modules.filter((m) => /commander/.test(m))).toEqual([]);
      expect(existsSync(join(home, 'cache', 'code', `${name}-${process.version}-${process.arch}.bin`))).toBe(true);
    }
    // Anything else takes the chunks (commander's program).
    const help = modulesOf(home, ['stats', 'reset', '--help'], BUNDLE);
    expect(help.modules.some((m) => m.includes('/dist/cli/chunks/'))).toBe(true);
  }, 60_000);

  it('the bundle: no code cache with NODE_DISABLE_COMPILE_CACHE or KMS_STUDY_DEBUG', () => {
    for (const env of [{ NODE_DISABLE_COMPILE_CACHE: '1' }, { KMS_STUDY_DEBUG: '1' }]) {
      const h = mkdtempSync(join(tmpdir(), 'kms-study-nocache-'));
      const r = spawnSync(process.execPath, [BUNDLE, 'aws', 'kms', 'list-keys'], { env: { PATH: process.env.PATH ?? '', KMS_STUDY_HOME: h, NO_COLOR: '1', ...env }, encoding: 'utf8' });
      expect({ env, status: r.status, stdout: r.stdout }).toEqual({ env, status: 0, stdout: '{\n    "Keys": []\n}\n' });
      expect(existsSync(join(h, 'cache', 'code'))).toBe(false);
      rmSync(h, { recursive: true, force: true });
    }
  }, 60_000);

  it('the lab list parses no lab file and loads neither the YAML parser nor the simulator', () => {
    const { stdout, modules } = modulesOf(home, ['lab']);
    expect(stdout).toContain('access-denied');
    expect(modules.some((m) => m.endsWith('/dist/src/cli/lab-list.js'))).toBe(true);
    const heavy = modules.filter((m) => /\/dist\/src\/(labs\/parse|labs\/runner|kms\/engine|sim\/world)\.js$|\/node_modules\/(yaml|ts-fsrs)\//.test(m));
    expect(heavy).toEqual([]);
  }, 60_000);

  it('stats with the bank parse cache filled loads no YAML library', () => {
    modulesOf(home, ['stats']); // fills the cache
    const { modules } = modulesOf(home, ['stats']);
    expect(modules.some((m) => m.endsWith('/dist/src/storage/banks.js'))).toBe(true);
    expect(modules.filter((m) => /\/node_modules\/yaml\/|^require:yaml$/.test(m))).toEqual([]);
  }, 60_000);
});
