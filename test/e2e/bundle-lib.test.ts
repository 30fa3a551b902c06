// scripts/bundle-lib.mjs on a small fixture: the lazy stand-ins for node:crypto / node:zlib / node:child_process
// work for ES imports of our sources and for a bundled CommonJS library's require(), the real module loads only on
// first use, and only the chunks that call require() get the createRequire line (the source map moves with it).
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/shipped.js';

type Standalone = { entry: string; name: string };
type BundleLib = { bundle(o: { root: string; entry: string; name: string; outdir: string; sourceDir: string; standalone?: Standalone[] }): Promise<string[]> };

const REQUIRE_LINE = "import { createRequire as __kmsStudyRequire } from 'node:module'";

describe('the bundler (scripts/bundle-lib.mjs)', () => {
  it('lazy builtins load on first use, from ES imports and from require(); require() only where used', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kms-study-bundle-'));
    mkdirSync(join(dir, 'src'));
    // What loaded when: the builtins a process has loaded show in process.moduleLoadList.
    writeFileSync(
      join(dir, 'src', 'entry.mjs'),
      [
        '#!/usr/bin/env node',
        "import { createHash } from 'node:crypto';",
        "import { crc32 } from 'node:zlib';",
        'const has = (m) => process.moduleLoadList.includes(`NativeModule ${m}`);',
        "const before = { crypto: has('crypto'), zlib: has('zlib'), child_process: has('child_process') };",
        "const hash = createHash('sha256').update('x').digest('hex').slice(0, 8);",
        "const { default: cp } = await import('./lib.cjs');",
        "const afterRequire = has('child_process');",
        "const out = cp.spawnSync(process.execPath, ['-e', 'process.stdout.write(\"child\")']).stdout.toString();",
        "console.log(JSON.stringify({ before, hash, crc: crc32('x'), afterRequire, afterUse: has('child_process'), out }));",
      ].join('\n'),
    );
    writeFileSync(join(dir, 'src', 'lib.cjs'), "module.exports = require('node:child_process');\n");
    const { bundle } = (await import(join(ROOT, 'scripts', 'bundle-lib.mjs'))) as BundleLib;
    const outdir = join(dir, 'out');
    const files = await bundle({ root: dir, entry: 'src/entry.mjs', name: 'main', outdir, sourceDir: join(dir, 'src') + '/' });
    const r = spawnSync(process.execPath, [join(outdir, 'main.js')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      before: { crypto: false, zlib: false, child_process: false },
      hash: '2d711642',
      crc: 2363233923,
      afterRequire: false,
      afterUse: true,
      out: 'child',
    });
    const withRequire = files.filter((f) => readFileSync(f, 'utf8').includes(REQUIRE_LINE));
    expect(withRequire.length).toBeGreaterThan(0);
    for (const f of withRequire) {
      const text = readFileSync(f, 'utf8');
      expect(text).toMatch(/typeof require\b|[^\w$.]require\(/);
      expect((JSON.parse(readFileSync(`${f}.map`, 'utf8')) as { mappings: string }).mappings.startsWith(';')).toBe(true);
    }
    expect(readFileSync(join(outdir, 'main.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('a standalone bundle: one CommonJS file holding everything its entry reaches; the chunks stay for the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kms-study-bundle-'));
    mkdirSync(join(dir, 'src'));
    const w = (f: string, lines: string[]) => writeFileSync(join(dir, 'src', f), lines.join('\n'));
    w('entry.mjs', ["console.log((await import('./cold.mjs')).cold());"]);
    w('hot.mjs', [
      "import { shared } from './shared.mjs';",
      "import { createRequire } from 'node:module';",
      // import.meta.url is the bundle file's URL, as createRequire needs.
      "export async function hot() { return `hot:${shared()}:${(await import('./deep.mjs')).deep()}:${createRequire(import.meta.url)('node:path').sep}`; }",
    ]);
    w('cold.mjs', ["import { shared } from './shared.mjs';", 'export function cold() { return `cold:${shared()}`; }']);
    w('shared.mjs', ["export function shared() { return 'SHARED_MARK'; }"]);
    w('deep.mjs', ["export function deep() { return 'DEEP_MARK'; }"]);
    const { bundle } = (await import(join(ROOT, 'scripts', 'bundle-lib.mjs'))) as BundleLib;
    const outdir = join(dir, 'out');
    const files = await bundle({ root: dir, entry: 'src/entry.mjs', name: 'main', outdir, sourceDir: join(dir, 'src') + '/', standalone: [{ entry: 'src/hot.mjs', name: 'hot' }] });
    expect(files).toContain(join(outdir, 'hot.cjs'));
    expect(spawnSync(process.execPath, [join(outdir, 'main.js')], { encoding: 'utf8' }).stdout).toBe('cold:SHARED_MARK\n');
    const hot = readFileSync(join(outdir, 'hot.cjs'), 'utf8');
    expect(hot).toContain('SHARED_MARK');
    expect(hot).toContain('DEEP_MARK');
    expect(hot).not.toMatch(/chunks\//);
    const run = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(join(outdir, 'hot.cjs'))}).hot().then((s) => process.stdout.write(s))`], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('hot:SHARED_MARK:DEEP_MARK:/');
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
