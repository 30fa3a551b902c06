// Start-up cost of the CLI against `node -e 0`: --version, a one-shot `aws kms list-keys` (fresh sandbox in a temp
// KMS_STUDY_HOME), the lab list and stats. Interleaved: every round spawns each command once, in a rotating order,
// so machine noise hits them alike; the ratios are of medians. Measures what users run: the launcher
// (bin/kms-study.js), which runs the bundle (dist/cli/bin.js) when the build made one, else tsc's output; the report
// names the entry. Needs the build (npm run build).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export function packageRoot(): string {
  // Works from bench/ (ts-jest) and from dist/bench/ (compiled).
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = resolve(dir, '..');
  }
  throw new Error('package root not found');
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

interface Case {
  label: string;
  args: string[];
  /** Target ratio to `node -e 0`; none for the baseline. */
  target?: number;
}

function spawnOnce(args: string[], env: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  const t = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return t;
}

/** Median wall time in ms of each case over `runs` interleaved rounds, after one warm-up round. */
export function interleaved(cases: { args: string[] }[], env: NodeJS.ProcessEnv, runs: number): number[] {
  const times = cases.map((): number[] => []);
  for (let round = 0; round <= runs; round++)
    for (let k = 0; k < cases.length; k++) {
      const i = (k + round) % cases.length;
      const t = spawnOnce(cases[i].args, env);
      if (round > 0) times[i].push(t);
    }
  return times.map(median);
}

export const verdict = (ratio: number, target: number): string => (ratio <= target ? `target <= ${target}x: met` : `target <= ${target}x: MISSED`);

/** What bin/kms-study.js runs in `root`, as it decides: the bundle when built, else tsc's output. */
export function startupEntry(root: string): string | undefined {
  if (existsSync(join(root, 'dist', 'cli', 'bin.js'))) return 'dist/cli/bin.js (the bundle)';
  if (existsSync(join(root, 'dist', 'src', 'cli', 'bin.js'))) return 'dist/src/cli/bin.js (tsc output, no bundle)';
  return undefined;
}

export async function benchStartup(runs = 11): Promise<string> {
  const root = packageRoot();
  const bin = join(root, 'bin', 'kms-study.js');
  const entry = startupEntry(root);
  if (!entry) return `startup: skipped, neither dist/cli/bin.js nor dist/src/cli/bin.js is built (run npm run build)`;
  const home = mkdtempSync(join(tmpdir(), 'kms-study-bench-'));
  const env = { PATH: process.env.PATH ?? '', KMS_STUDY_HOME: home, NO_COLOR: '1' };
  const cases: Case[] = [
    { label: 'node -e 0', args: ['-e', '0'] },
    { label: 'kms-study --version', args: [bin, '--version'], target: 1.3 },
    { label: 'kms-study aws kms list-keys', args: [bin, 'aws', 'kms', 'list-keys'], target: 2 },
    { label: 'kms-study lab (the list)', args: [bin, 'lab'], target: 2 },
    { label: 'kms-study stats', args: [bin, 'stats'], target: 2 },
  ];
  try {
    // Fills the bank parse cache and creates the sandbox, as a learner's second command finds them.
    for (const c of cases) spawnOnce(c.args, env);
    const ms = interleaved(cases, env, runs);
    const node = ms[0];
    return [
      `startup (medians of ${runs} interleaved rounds): node -e 0 ${node.toFixed(1)} ms`,
      `  entry: bin/kms-study.js running ${entry}`,
      ...cases.slice(1).map((c, k) => {
        const r = ms[k + 1] / node;
        return `  ${c.label.padEnd(30)} ${ms[k + 1].toFixed(1).padStart(6)} ms  ${r.toFixed(2)}x  (${verdict(r, c.target!)})`;
      }),
    ].join('\n');
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
