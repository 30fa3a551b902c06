#!/usr/bin/env node
// The kms-study command. A packed or installed copy ships the compiled CLI in dist/ and runs it directly. A
// source checkout that has not been built yet (a fresh clone after `npm install`) is compiled once first, so the
// package needs no build script at install time.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const entry = new URL('dist/src/cli/bin.js', root);
if (!existsSync(entry)) {
  const tsc = new URL('node_modules/typescript/bin/tsc', root);
  const config = new URL('tsconfig.build.json', root);
  if (!existsSync(tsc) || !existsSync(config)) {
    process.stderr.write(`kms-study: the compiled program is missing (${fileURLToPath(entry)}); reinstall the package, or run \`npm install\` in a source checkout.\n`);
    process.exit(74);
  }
  process.stderr.write('kms-study: first run from a source checkout: compiling (once)...\n');
  const built = spawnSync(process.execPath, [fileURLToPath(tsc), '-p', fileURLToPath(config)], { cwd: fileURLToPath(root), stdio: ['ignore', 'inherit', 'inherit'] });
  if (built.status !== 0 || !existsSync(entry)) {
    process.stderr.write('kms-study: compiling failed (see above); `npm run build` shows the same errors.\n');
    process.exit(70);
  }
}
await import(entry.href);
