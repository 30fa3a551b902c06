#!/usr/bin/env node
// The kms-study executable: real streams, clock and randomness into the testable program.
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { run } from './main.js';

// A closed pipe (`kms-study bank coverage | head`) ends the output quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const code = await run(process.argv.slice(2), {
  stdout: { write: (s) => void process.stdout.write(s), isTTY: Boolean(process.stdout.isTTY) },
  stderr: { write: (s) => void process.stderr.write(s), isTTY: Boolean(process.stderr.isTTY) },
  stdin: process.stdin,
  env: process.env,
  now: () => Date.now(),
  randomBytes: (n) => new Uint8Array(randomBytes(n)),
  cwd: process.cwd(),
  packageRoot,
});
process.exitCode = code;
