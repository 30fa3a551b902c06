// One `kms-study aws ...` call against the persistent sandbox. Used by the commander command and by the
// start-up fast path in bin.ts, which skips loading the rest of the CLI for `aws` lines.
import type { CliDeps } from './io.js';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { escapeControls } from '../text/terminal.js';

export async function runAwsCommand(argv: string[], deps: CliDeps): Promise<number> {
  const { openSandbox } = await import('../storage/sandbox.js');
  const { paramFileReader } = await import('./param-file.js');
  const { runAws } = await import('../awscli/run.js');
  const sandbox = openSandbox(deps);
  for (const w of sandbox.warnings) deps.stderr.write(`${w}\n`);
  const result = await runAws(sandbox.world, argv.length ? argv : ['help'], (g) => sandbox.callerFor(g.profile, g.region), {
    cwd: deps.cwd,
    readFile: paramFileReader(deps.env, deps.cwd),
    writeFile: (path, bytes) => writeFileSync(resolve(deps.cwd, path), bytes),
  });
  // 1: an `aws s3` transfer failed; its KMS events (a refused Decrypt) are kept like a service error's.
  if (result.exitCode === 0 || result.exitCode === 254 || result.exitCode === 1) sandbox.save();
  // Key ids, descriptions and tag values can carry control characters: never write them raw.
  deps.stdout.write(escapeControls(result.stdout));
  deps.stderr.write(escapeControls(result.stderr));
  return result.exitCode;
}
