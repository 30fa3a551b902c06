// The outside world as the CLI sees it, injected so tests can run the whole program in-process with
// captured output, a fixed clock and a temp data directory.
import type { Readable } from 'node:stream';

export interface Output {
  write(text: string): void;
  /** True when this stream is a terminal (colour, prompts, progress). */
  isTTY: boolean;
  /** The terminal's width in columns, when it is a terminal. */
  columns?: number;
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
}

/** Set by a command that wants a specific exit code without throwing. */
export class ExitCode {
  code = 0;
}
