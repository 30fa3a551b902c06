// `kms-study aws <service> <operation> [options]`: AWS CLI v2 syntax against the persistent sandbox.
// The raw words go to the awscli parser untouched; the sandbox and engine are imported inside the action.
import type { Command } from 'commander';
import type { ProgramContext } from '../context.js';

export function register(program: Command, ctx: ProgramContext): void {
  program
    .command('aws')
    .summary('run AWS CLI v2 commands (kms, iam, sts, cloudtrail) against the sandbox')
    .description(
      'Run an AWS CLI v2 command against the simulated, persistent sandbox, e.g.\n' +
        '  kms-study aws kms create-key --description demo\n' +
        '  kms-study aws kms help\n' +
        'State is kept between calls; see `kms-study sandbox status`.',
    )
    .argument('[words...]', 'service, operation and options exactly as after `aws`')
    .helpOption(false)
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action(async (_words: string[], _opts: unknown, cmd: Command) => {
      const { runAwsCommand } = await import('../aws-run.js');
      ctx.exit.code = await runAwsCommand(cmd.args, ctx.deps);
    });
}
