#!/usr/bin/env node
// The kms-study executable: real streams, clock and randomness into the testable program.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { dataDir } from '../storage/paths.js';
import type { CliDeps } from './io.js';
import { fastCommand } from './fast-command.js';
import { osRandom } from './os-random.js';
import { findPackageRoot } from './package-root.js';
import { loadBundle, type LoadedBundle } from './standalone.js';

// A closed pipe (`kms-study bank coverage | head`) ends the output quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

// dist/cli/bin.js (the bundle) or dist/src/cli/bin.js (tsc's output): the root is the nearest kms-study package,
// looked up when a command first needs it (--version does not).
let packageRoot: string | undefined;
const argv = process.argv.slice(2);
// The bundle is minified; with --debug (or KMS_STUDY_DEBUG) a stack trace should name src/ files and lines, which
// Node does from the source maps beside the bundle for the modules it loads after this.
if (argv.includes('--debug') || process.env.KMS_STUDY_DEBUG) process.setSourceMapsEnabled(true);
const deps: CliDeps = {
  stdout: {
    write: (s) => void process.stdout.write(s),
    isTTY: Boolean(process.stdout.isTTY),
    get columns() {
      return process.stdout.columns;
    },
    get rows() {
      return process.stdout.rows;
    },
  },
  stderr: { write: (s) => void process.stderr.write(s), isTTY: Boolean(process.stderr.isTTY) },
  stdin: process.stdin,
  env: process.env,
  now: () => Date.now(),
  // The OS's generator, read without loading node:crypto or Web Crypto on the start-up path (os-random.ts).
  randomBytes: osRandom(),
  cwd: process.cwd(),
  get packageRoot() {
    return (packageRoot ??= findPackageRoot(dirname(fileURLToPath(import.meta.url))));
  },
  signals: {
    on(signal, handler) {
      const heard = () => {
        stoppedBy = signal;
        handler();
      };
      process.on(signal, heard);
      return () => void process.off(signal, heard);
    },
  },
};
/** The signal a command stopped cleanly on, if any. */
let stoppedBy: string | undefined;
process.exitCode = await main(argv, deps);
// A command that stopped on a signal has saved what it had; a terminal menu still waiting on stdin must not keep
// the process alive, so it ends here once the output is flushed (SIGINT, SIGTERM and SIGHUP are never ignored).
if (stoppedBy) process.stdout.write('', () => process.stderr.write('', () => process.exit(process.exitCode)));

/** Fast paths keep start-up close to bare Node: --version, `aws ...`, the lab list and stats skip loading the whole CLI. */
async function main(args: string[], d: CliDeps): Promise<number> {
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    d.stdout.write(`${(await import('./version.js')).VERSION}\n`); // bin/kms-study.js answers it before this
    return 0; // EXIT.OK, without loading the map on the fastest path
  }
  if (args[0] === 'aws' && !args.includes('--debug')) {
    const bundle = standalone<typeof import('./aws-run.js')>('aws', d.env);
    const { runAwsReported } = bundle?.exports ?? (await import('./aws-run.js'));
    return after(bundle, await runAwsReported(args.slice(1), d));
  }
  const fast = fastCommand(args);
  if (fast?.command === 'lab-list') {
    const bundle = standalone<typeof import('./fast-lab.js')>('lab-list', d.env);
    const code = await (bundle?.exports ?? (await import('./fast-lab.js'))).runFastLab(fast, d);
    if (code !== undefined) return after(bundle, code);
  } else if (fast?.command === 'stats') {
    const bundle = standalone<typeof import('./fast-stats.js')>('stats', d.env);
    const code = await (bundle?.exports ?? (await import('./fast-stats.js'))).runFastStats(fast, d);
    if (code !== undefined) return after(bundle, code);
  }
  const { run } = await import('./main.js');
  return run(args, d);
}

/**
 * The build's standalone bundle `name` beside this file (dist/cli/<name>.cjs), loaded with V8's code cache in the data
 * directory; undefined in tsc's output, where the modules are imported as they are. NODE_DISABLE_COMPILE_CACHE (as
 * for Node's own cache), --debug and KMS_STUDY_DEBUG load it without the cache (source maps then map stack traces).
 */
function standalone<T>(name: string, env: CliDeps['env']): LoadedBundle<T> | undefined {
  const file = fileURLToPath(new URL(`./${name}.cjs`, import.meta.url));
  if (!existsSync(file)) return undefined;
  const plain = env.NODE_DISABLE_COMPILE_CACHE || env.KMS_STUDY_DEBUG || argv.includes('--debug');
  return loadBundle<T>(file, plain ? undefined : join(dataDir(env), 'cache', 'code', `${name}-${process.version}-${process.arch}.bin`));
}

/** Once a bundle's command has run: its code cache written when it was missing (a first run). */
async function after(bundle: LoadedBundle<unknown> | undefined, code: number): Promise<number> {
  await bundle?.save();
  return code;
}
