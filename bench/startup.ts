// Start-up cost of the CLI: `kms-study --version` and a one-shot `kms-study aws kms list-keys` (fresh sandbox in a
// temp KMS_STUDY_HOME) against `node -e 0`, as ratios of medians over several spawned runs.
// Targets: --version <= 1.3x node, aws kms list-keys <= 2x node. Needs the build (dist/src/cli/bin.js).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

function packageRoot(): string {
  // Works from bench/ (ts-jest) and from dist/bench/ (compiled).
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = resolve(dir, '..');
  }
  throw new Error('package root not found');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median wall time in ms of spawning `args` with node, `runs` times after one warm-up. */
function timeSpawn(args: string[], env: NodeJS.ProcessEnv, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
    const t = performance.now() - t0;
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    if (i > 0) times.push(t);
  }
  return median(times);
}

export async function benchStartup(runs = 9): Promise<string> {
  const bin = join(packageRoot(), 'dist', 'src', 'cli', 'bin.js');
  if (!existsSync(bin)) return `startup: skipped, ${bin} is missing (run npm run build)`;
  const home = mkdtempSync(join(tmpdir(), 'kms-study-bench-'));
  const env = { PATH: process.env.PATH ?? '', KMS_STUDY_HOME: home, NO_COLOR: '1' };
  try {
    const node = timeSpawn(['-e', '0'], env, runs);
    const version = timeSpawn([bin, '--version'], env, runs);
    const listKeys = timeSpawn([bin, 'aws', 'kms', 'list-keys'], env, runs);
    const rv = version / node;
    const rl = listKeys / node;
    const verdict = (r: number, target: number) => (r <= target ? 'ok' : `ABOVE TARGET ${target}x`);
    return [
      `startup (median of ${runs} runs): node -e 0 ${node.toFixed(1)} ms`,
      `  kms-study --version            ${version.toFixed(1)} ms  ${rv.toFixed(2)}x  (target <= 1.3x: ${verdict(rv, 1.3)})`,
      `  kms-study aws kms list-keys    ${listKeys.toFixed(1)} ms  ${rl.toFixed(2)}x  (target <= 2x: ${verdict(rl, 2)})`,
    ].join('\n');
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
