// The commander program. Each command lives in commands/<name>.ts, declares its options here cheaply and
// imports its heavy modules (conf, inquirer, the engine) only inside its action, so `--version` and
// `--help` start fast. Only this file turns errors into exit codes.
import { Command, CommanderError } from 'commander';
import { ContentError, DataError, UsageError } from '../errors.js';
import { KmsException } from '../kms/errors.js';
import type { CliDeps } from './io.js';
import { ExitCode } from './io.js';
import { VERSION } from './version.js';
import { escapeControls } from '../text/terminal.js';
import { register as registerQuiz } from './commands/quiz.js';
import { register as registerStats } from './commands/stats.js';
import { register as registerBank } from './commands/bank.js';
import { register as registerLab } from './commands/lab.js';
import { register as registerAws } from './commands/aws.js';
import { register as registerSandbox } from './commands/sandbox.js';
import { register as registerServe } from './commands/serve.js';
import { register as registerLearn } from './commands/learn.js';

export interface ProgramContext {
  deps: CliDeps;
  exit: ExitCode;
  /** True when --debug was given: show stack traces. */
  debug(): boolean;
  /** False when --no-color was given. */
  color(): boolean;
}

export function createProgram(deps: CliDeps, exit = new ExitCode()): { program: Command; ctx: ProgramContext } {
  const program = new Command();
  const ctx: ProgramContext = { deps, exit, debug: () => Boolean(program.opts().debug), color: () => program.opts().color !== false };
  program
    .name('kms-study')
    .description('Study AWS KMS for the CloudOps Engineer – Associate exam (SOA-C03): quizzes and hands-on labs on a simulated KMS.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--debug', 'show stack traces for unexpected errors')
    .option('--no-color', 'plain output without colour (NO_COLOR is honoured too)')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => deps.stdout.write(s),
      writeErr: (s) => deps.stderr.write(escapeControls(s)),
    });
  registerQuiz(program, ctx);
  registerStats(program, ctx);
  registerBank(program, ctx);
  registerLab(program, ctx);
  registerAws(program, ctx);
  registerSandbox(program, ctx);
  registerServe(program, ctx);
  registerLearn(program, ctx);
  return { program, ctx };
}

/** Run the CLI with argv (without node and script) and return the exit code. */
export async function run(argv: string[], deps: CliDeps): Promise<number> {
  const exit = new ExitCode();
  const { program, ctx } = createProgram(deps, exit);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exit.code;
  } catch (err) {
    return reportError(err, ctx);
  }
}

export function reportError(err: unknown, ctx: ProgramContext): number {
  // Error lines echo input (file names, values, YAML content): control characters are escaped.
  const stderr = { write: (s: string) => ctx.deps.stderr.write(escapeControls(s)) };
  if (err instanceof CommanderError) {
    // help and version exit 0; commander already printed its message.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
    return err.exitCode === 0 ? 0 : 2;
  }
  if (err instanceof UsageError || err instanceof DataError) {
    stderr.write(`kms-study: ${err.message}\n`);
    return err.exitCode;
  }
  if (err instanceof ContentError) {
    stderr.write(`kms-study: ${err.message}\n`);
    return 65;
  }
  if (err instanceof KmsException) {
    stderr.write(`kms-study: ${err.code}: ${err.message}\n`);
    return 254;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  stderr.write(`kms-study: unexpected error: ${e.message}\n`);
  if (ctx.debug() || ctx.deps.env.KMS_STUDY_DEBUG) stderr.write(`${e.stack ?? ''}\n`);
  else stderr.write('kms-study: run again with --debug to see the stack trace, and report it as a bug.\n');
  return 70;
}
