// `npm run build`: tsc (dist/src, dist/bench), the lab index (dist/lab-index.json), then the bundle (dist/cli).
// One script, so bin/kms-study.js can run the same build on a fresh clone without npm.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const steps = [
  [fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'tsconfig.build.json'],
  [fileURLToPath(new URL('chmod-bin.mjs', import.meta.url))],
  [fileURLToPath(new URL('lab-index.mjs', import.meta.url))],
  [fileURLToPath(new URL('bundle.mjs', import.meta.url))],
];
for (const args of steps) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
