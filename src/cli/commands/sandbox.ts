// `kms-study sandbox status | reset | clock advance <n>d|h|m|s | profiles | use-profile <name>`: look after
// the persistent sandbox that `kms-study aws` uses. Heavy modules are imported inside the actions.
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { ProgramContext } from '../context.js';

async function open(ctx: ProgramContext) {
  const { openSandbox } = await import('../../storage/sandbox.js');
  const sandbox = openSandbox(ctx.deps);
  for (const w of sandbox.warnings) ctx.deps.stderr.write(`${w}\n`);
  return sandbox;
}

export function register(program: Command, ctx: ProgramContext): void {
  const out = (s: string) => ctx.deps.stdout.write(s);
  const sandbox = program.command('sandbox').description('inspect and control the sandbox behind `kms-study aws` (time, profiles, reset)');

  sandbox
    .command('status')
    .description('simulated time, current profile, keys by state, pending deletions and rotations')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const sb = await open(ctx);
      const { sandboxStatus, renderStatus } = await import('../../sim/status.js');
      const status = sandboxStatus(sb.world, sb.profile, sb.profiles);
      out(opts.json ? `${JSON.stringify({ ...status, stateFile: sb.path }, null, 2)}\n` : renderStatus(status, sb.path));
    });

  sandbox
    .command('reset')
    .description('start again with an empty sandbox (keys, aliases, IAM changes, audit log and clock)')
    .action(async () => {
      const { openSandbox } = await import('../../storage/sandbox.js');
      const sb = openSandbox(ctx.deps, { fresh: true });
      sb.save();
      out(`Sandbox reset: no keys, profile default, simulated time ${new Date(sb.engine.now()).toISOString()}.\n`);
    });

  const clock = sandbox.command('clock').description('the simulated clock');
  clock
    .command('advance')
    .argument('<duration>', 'how far to move, e.g. 8d, 36h, 90m, 30s')
    .description('move simulated time forward; due deletions and rotations happen')
    .action(async (duration: string) => {
      const { parseDuration, describeChanges } = await import('../../sim/status.js');
      const ms = parseDuration(duration);
      if (ms === undefined) throw new UsageError(`sandbox clock advance: '${duration}' is not a duration such as 8d, 36h, 90m or 30s`);
      const sb = await open(ctx);
      const before = sb.engine.listKeyViews();
      sb.engine.advance(ms);
      sb.save();
      const changes = describeChanges(before, sb.engine);
      out(`Simulated time is now ${new Date(sb.engine.now()).toISOString()} (+${duration}).\n`);
      for (const c of changes) out(`  ${c}\n`);
    });
  clock
    .command('show')
    .description('print the simulated time')
    .action(async () => {
      const sb = await open(ctx);
      out(`${new Date(sb.engine.now()).toISOString()}\n`);
    });

  sandbox
    .command('profiles')
    .description('the profiles (--profile) and the principals they stand for')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const sb = await open(ctx);
      if (opts.json) return out(`${JSON.stringify({ current: sb.profile, profiles: sb.profiles }, null, 2)}\n`);
      for (const [name, p] of Object.entries(sb.profiles))
        out(`${name === sb.profile ? '*' : ' '} ${name.padEnd(10)} ${p.principalArn}  ${p.region}  ${p.description}\n`);
    });

  sandbox
    .command('use-profile')
    .argument('<name>', 'profile name (see `kms-study sandbox profiles`)')
    .description('make a profile the default for `kms-study aws`')
    .action(async (name: string) => {
      const sb = await open(ctx);
      if (!Object.prototype.hasOwnProperty.call(sb.profiles, name))
        throw new UsageError(`sandbox use-profile: no profile '${name}'; known profiles: ${Object.keys(sb.profiles).join(', ')}`);
      sb.profile = name;
      sb.save();
      out(`Current profile: ${name} (${sb.profiles[name].principalArn})\n`);
    });
}
