// Runs the whole CLI in-process with captured output, a fixed clock, seeded randomness and a temp home.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/main.js';
import type { CliDeps } from '../../src/cli/io.js';
import { SeededRandom } from '../../src/aws/ports.js';

export const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function tempHome(): string {
  return mkdtempSync(join(tmpdir(), 'kms-study-test-'));
}

export interface RunOptions {
  home?: string;
  stdin?: string;
  env?: Record<string, string>;
  now?: number;
  seed?: string;
  cwd?: string;
  tty?: boolean;
  /** With tty: the terminal's width in columns. */
  columns?: number;
}

export async function runCli(argv: string[], opts: RunOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const random = new SeededRandom(opts.seed ?? 'cli-test');
  const stdin = Readable.from(opts.stdin !== undefined ? [opts.stdin] : []) as CliDeps['stdin'];
  const deps: CliDeps = {
    stdout: { write: (s) => void (stdout += s), isTTY: Boolean(opts.tty), ...(opts.columns ? { columns: opts.columns } : {}) },
    stderr: { write: (s) => void (stderr += s), isTTY: Boolean(opts.tty) },
    stdin,
    env: { NO_COLOR: '1', KMS_STUDY_HOME: opts.home ?? tempHome(), ...opts.env },
    now: () => opts.now ?? Date.UTC(2026, 10, 1, 12, 0, 0),
    randomBytes: (n) => random.bytes(n),
    cwd: opts.cwd ?? PACKAGE_ROOT,
    packageRoot: PACKAGE_ROOT,
  };
  const code = await run(argv, deps);
  return { code, stdout, stderr };
}
