// The commander program. Each command lives in commands/<name>.ts, declares its options here cheaply and
// imports its heavy modules (conf, inquirer, the engine) only inside its action, so `--version` and
// `--help` start fast. Every error of every command goes through reportError (report-error.ts).
import { Command } from 'commander';
import type { ProgramContext, RegisterCommand } from './context.js';
import type { CliDeps } from './io.js';
import { ExitCode } from './io.js';
import { reportError } from './report-error.js';
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
import { register as registerPlan } from './commands/plan.js';
import { register as registerHome } from './commands/home.js';

const COMMANDS: RegisterCommand[] = [registerQuiz, registerStats, registerBank, registerLab, registerAws, registerSandbox, registerServe, registerLearn, registerPlan, registerHome];

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
  for (const register of COMMANDS) register(program, ctx);
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
    return reportError(err, { stderr: deps.stderr, env: deps.env, debug: ctx.debug() });
  }
}
