// What every command file receives from the program: the injected world, the exit code to set, and the
// global flags. Command files import this, never main.ts, so main -> commands is the only direction.
import type { Command } from 'commander';
import type { CliDeps } from './io.js';
import type { ExitCode } from './io.js';

export interface ProgramContext {
  deps: CliDeps;
  exit: ExitCode;
  /** True when --debug was given: show stack traces. */
  debug(): boolean;
  /** False when --no-color was given. */
  color(): boolean;
}

/** Each commands/<name>.ts exports one: it declares the command's options and wires its action. */
export type RegisterCommand = (program: Command, ctx: ProgramContext) => void;
