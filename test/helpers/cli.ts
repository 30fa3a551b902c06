// Runs the whole CLI in-process with captured output, a fixed clock, seeded randomness and a temp home.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/main.js';
import { fastCommand } from '../../src/cli/fast-command.js';
import { runFastLab } from '../../src/cli/fast-lab.js';
import { runFastStats } from '../../src/cli/fast-stats.js';
import type { CliDeps, Signal, Signals } from '../../src/cli/io.js';
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
  /** A stream the test feeds itself (stays open until the test ends it); wins over `stdin`. */
  stdinStream?: Readable;
  /** Called with everything written to stdout so far, after each write. */
  onStdout?: (all: string) => void;
  env?: Record<string, string>;
  now?: number;
  seed?: string;
  cwd?: string;
  tty?: boolean;
  /** With tty: the terminal's width in columns. */
  columns?: number;
  /** Signals the test can raise (default: a fresh FakeSignals nobody raises). */
  signals?: FakeSignals;
  /** Take the executable's start-up fast path (fast-paths.ts) where it applies, as bin.ts does. */
  fast?: boolean;
}

/** Signals on demand: `raise('SIGINT')` calls the handlers a command subscribed, as Ctrl-C would. */
export class FakeSignals implements Signals {
  private readonly handlers = new Map<Signal, Set<() => void>>();
  on(signal: Signal, handler: () => void): () => void {
    const set = this.handlers.get(signal) ?? new Set();
    this.handlers.set(signal, set.add(handler));
    return () => void set.delete(handler);
  }
  raise(signal: Signal): void {
    for (const h of [...(this.handlers.get(signal) ?? [])]) h();
  }
  /** How many handlers are subscribed now (a command must unsubscribe when it ends). */
  listening(signal: Signal): number {
    return this.handlers.get(signal)?.size ?? 0;
  }
}

export async function runCli(argv: string[], opts: RunOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const random = new SeededRandom(opts.seed ?? 'cli-test');
  const stdin = (opts.stdinStream ?? Readable.from(opts.stdin !== undefined ? [opts.stdin] : [])) as CliDeps['stdin'];
  const deps: CliDeps = {
    stdout: { write: (s) => void ((stdout += s), opts.onStdout?.(stdout)), isTTY: Boolean(opts.tty), ...(opts.columns ? { columns: opts.columns } : {}) },
    stderr: { write: (s) => void (stderr += s), isTTY: Boolean(opts.tty) },
    stdin,
    env: { NO_COLOR: '1', KMS_STUDY_HOME: opts.home ?? tempHome(), ...opts.env },
    now: () => opts.now ?? Date.UTC(2026, 10, 1, 12, 0, 0),
    randomBytes: (n) => random.bytes(n),
    cwd: opts.cwd ?? PACKAGE_ROOT,
    packageRoot: PACKAGE_ROOT,
    signals: opts.signals ?? new FakeSignals(),
  };
  const fast = opts.fast ? fastCommand(argv) : undefined;
  const fastCode = !fast ? undefined : fast.command === 'lab-list' ? await runFastLab(fast, deps) : await runFastStats(fast, deps);
  const code = fastCode ?? (await run(argv, deps));
  return { code, stdout, stderr };
}
