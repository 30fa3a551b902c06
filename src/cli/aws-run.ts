// One `kms-study aws ...` call against the persistent sandbox. Used by the commander command and by the
// start-up fast path in bin.ts, which skips loading the rest of the CLI for `aws` lines.
import type { CliDeps } from './io.js';

export async function runAwsCommand(argv: string[], deps: CliDeps): Promise<number> {
  const { openSandbox, readParamFile } = await import('../storage/sandbox.js');
  const { runAws } = await import('../awscli/run.js');
  const sandbox = openSandbox(deps);
  for (const w of sandbox.warnings) deps.stderr.write(`${w}\n`);
  const result = await runAws(sandbox.world, argv.length ? argv : ['help'], (g) => sandbox.callerFor(g.profile, g.region), {
    cwd: deps.cwd,
    readFile: (path) => readParamFile(path, deps.env),
  });
  if (result.exitCode === 0 || result.exitCode === 254) sandbox.save();
  deps.stdout.write(result.stdout);
  deps.stderr.write(result.stderr);
  return result.exitCode;
}
