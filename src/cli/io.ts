// The outside world as the CLI sees it, injected so tests can run the whole program in-process with
// captured output, a fixed clock, a temp data directory, a terminal of any size and signals on demand.
import type { Readable } from 'node:stream';
import { EXIT } from '../exit-codes.js';

export interface Output {
  write(text: string): void;
  /** True when this stream is a terminal (colour, prompts, progress). */
  isTTY: boolean;
  /** The terminal's width in columns, when it is a terminal. */
  columns?: number;
  /** The terminal's height in rows, when it is a terminal (paging). */
  rows?: number;
}

/** The signals a command may want to handle itself (saving before it stops). */
export type Signal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

/** Subscription to process signals; the returned function unsubscribes. */
export interface Signals {
  on(signal: Signal, handler: () => void): () => void;
}

export interface CliDeps {
  stdout: Output;
  stderr: Output;
  stdin: Readable & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** Wall clock, epoch ms. */
  now(): number;
  /** Random bytes for real use (key material, ids); tests inject a seeded source. */
  randomBytes(n: number): Uint8Array;
  /** Current working directory (relative --bank, --script paths). */
  cwd: string;
  /** The package root (where questions/, labs/ and notes/ live). */
  packageRoot: string;
  /** SIGINT / SIGTERM / SIGHUP, for the commands that stop cleanly on them (a piped quiz, serve). */
  signals: Signals;
}

/** Set by a command that wants a specific exit code without throwing. */
export class ExitCode {
  code: number = EXIT.OK;
}
