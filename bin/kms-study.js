#!/usr/bin/env node
// The kms-study command. It runs the bundle (dist/cli/bin.js, what a packed or installed copy ships), else tsc's
// output (dist/src/cli/bin.js, a source checkout built with tsc alone). A source checkout that has not been built
// yet (a fresh clone after `npm install`) runs the whole build once first (`npm run build`: tsc, the lab index and
// the bundle), so the package needs no build script at install time and the first run already gets the bundle.
import { existsSync, readFileSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// Node 22.1+ can keep V8's compiled code between runs (in the OS temp folder; NODE_DISABLE_COMPILE_CACHE=1 turns
// it off): the next start skips most compiling. Node 20 has no such cache and goes on without it.
module.enableCompileCache?.();

const root = new URL('../', import.meta.url);
const args = process.argv.slice(2);
// --version alone needs none of the program: the version in package.json (test/cli/version.test.ts keeps the
// program's VERSION equal to it), read here, saves loading the bundle on the fastest path.
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).version}\n`);
} else await start();

async function start() {
  const bundle = new URL('dist/cli/bin.js', root);
  const compiled = new URL('dist/src/cli/bin.js', root);
  let entry = existsSync(bundle) ? bundle : existsSync(compiled) ? compiled : undefined;
  if (!entry) {
    const tsc = new URL('node_modules/typescript/bin/tsc', root);
    const build = new URL('scripts/build.mjs', root);
    if (!existsSync(tsc) || !existsSync(build)) {
      process.stderr.write(
        `kms-study: the compiled program is missing (${fileURLToPath(bundle)}); reinstall the package, or run \`npm install\` in a source checkout.\n`,
      );
      process.exit(74);
    }
    process.stderr.write('kms-study: first run from a source checkout: building (once)...\n');
    const { spawnSync } = await import('node:child_process'); // only here: loading it costs every start a few ms
    const built = spawnSync(process.execPath, [fileURLToPath(build)], { cwd: fileURLToPath(root), stdio: ['ignore', 'inherit', 'inherit'] });
    entry = existsSync(bundle) ? bundle : undefined;
    if (built.status !== 0 || !entry) {
      process.stderr.write('kms-study: the build failed (see above); `npm run build` shows the same errors.\n');
      process.exit(70);
    }
  }
  await import(entry.href);
}
