// `kms-study sandbox status | reset | clock advance <n>d|h|m|s | clock set <date> | profiles | use-profile <name>`: look after
// the persistent sandbox that `kms-study aws` uses. Heavy modules are imported inside the actions.
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { ProgramContext } from '../context.js';
import { advanceProblem, CLOCK_LIMITS_TEXT, MAX_ADVANCE_MS, parseClockDate, parseDuration } from '../../text/duration.js';

type OpenSandbox = ReturnType<typeof import('../../storage/sandbox.js').openSandbox>;

/** Runs `fn` on the sandbox, holding its lock throughout (another command's change is never lost). */
async function withSandbox<T>(ctx: ProgramContext, fn: (sb: OpenSandbox) => T | Promise<T>, opts: { fresh?: boolean } = {}): Promise<T> {
  const { openSandbox } = await import('../../storage/sandbox.js');
  const sandbox = openSandbox(ctx.deps, opts);
  try {
    for (const w of sandbox.warnings) ctx.deps.stderr.write(`${w}\n`);
    return await fn(sandbox);
  } finally {
    sandbox.close();
  }
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function moveClock(ctx: ProgramContext, sb: OpenSandbox, ms: number, label: string): Promise<void> {
  const problem = advanceProblem(sb.engine.now(), ms);
  if (problem) throw new UsageError(`sandbox clock: ${label} is too far: ${problem}`); // exit-code
  const { describeChanges } = await import('../../sim/status.js');
  const before = sb.engine.listKeyViews();
  sb.world.advance(ms);
  sb.save();
  ctx.deps.stdout.write(`Simulated time is now ${new Date(sb.engine.now()).toISOString()} (${label}).\n`);
  for (const c of describeChanges(before, sb.engine)) ctx.deps.stdout.write(`  ${c}\n`);
}

export function register(program: Command, ctx: ProgramContext): void {
  const out = (s: string) => ctx.deps.stdout.write(s);
  const sandbox = program.command('sandbox').description('inspect and control the sandbox behind `kms-study aws` (time, profiles, reset)');

  sandbox
    .command('status')
    .description('simulated time, current profile, keys by state, pending deletions and rotations')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) =>
      withSandbox(ctx, async (sb) => {
        const { sandboxStatus, renderStatus } = await import('../../sim/status.js');
        const history = sb.history.size();
        const status = { ...sandboxStatus(sb.world, sb.profile, sb.profiles), auditEvents: history.events };
        const keyLog = { file: sb.keys.path, bytes: sb.keys.diskSize() };
        if (opts.json) return out(`${JSON.stringify({ ...status, eventHistory: { ...history, dir: sb.history.dir }, keyLog, stateFile: sb.path }, null, 2)}\n`);
        out(renderStatus(status, sb.path));
        const span = history.oldestDay ? `, ${history.oldestDay} to ${history.newestDay}` : '';
        out(`Event history:  ${history.events} events, ${sizeText(history.bytes)} in ${history.days} day file(s)${span} (${sb.history.dir}; 90 days kept)\n`);
        out(`Key log:        ${sizeText(keyLog.bytes)} (${keyLog.file}; one record a key, rewritten without superseded records when they are over half of it)\n`);
      }),
    );

  sandbox
    .command('reset')
    .description('start again with an empty sandbox (keys, aliases, IAM changes, audit log and clock)')
    .action(async () =>
      withSandbox(
        ctx,
        (sb) => {
          sb.save({ force: true });
          out(`Sandbox reset: no keys, profile default, simulated time ${new Date(sb.engine.now()).toISOString()}.\n`);
        },
        { fresh: true },
      ),
    );

  const clock = sandbox.command('clock').description('the simulated clock');
  const limits = `The clock moves ${CLOCK_LIMITS_TEXT}; it never goes backwards (\`sandbox reset\` starts again).`;
  const setLimits = 'The date must lie within the years 1970 to 9999 and at most 36500d (100 years) ahead; the clock never goes backwards (`sandbox reset` starts again).';
  clock
    .command('advance')
    .argument('<duration>', 'how far to move, e.g. 8d, 36h, 90m, 30s (at most 36500d)')
    .description('move simulated time forward; due deletions and rotations happen')
    .addHelpText('after', `\n${limits}\n`)
    .action(async (duration: string) => {
      const d = parseDuration(duration);
      if (!d.ok) throw new UsageError(`sandbox clock advance: ${d.problem} (${CLOCK_LIMITS_TEXT})`); // exit-code
      await withSandbox(ctx, (sb) => moveClock(ctx, sb, d.value, `+${duration.trim()}`));
    });
  clock
    .command('set')
    .argument('<date>', 'an ISO date or date-time, e.g. 2027-03-01 or 2027-03-01T09:00:00Z (UTC unless a zone is given)')
    .description('move simulated time forward to a date; due deletions and rotations happen')
    .addHelpText('after', `\n${setLimits}\n`)
    .action(async (date: string) => {
      const t = parseClockDate(date);
      if (!t.ok) throw new UsageError(`sandbox clock set: ${t.problem}`); // exit-code
      await withSandbox(ctx, async (sb) => {
        const now = sb.engine.now();
        if (t.value < now)
          throw new UsageError(`sandbox clock set: ${date} is before the simulated time ${new Date(now).toISOString()}; the clock never goes backwards (\`kms-study sandbox reset\` starts again)`); // exit-code
        // Bounded like advance: a jump of thousands of years would run thousands of rotations per key.
        if (t.value - now > MAX_ADVANCE_MS)
          throw new UsageError(`sandbox clock set: ${date} is more than 36500d (100 years) after the simulated time ${new Date(now).toISOString()}; move in steps`); // exit-code
        await moveClock(ctx, sb, t.value - now, `to ${date.trim()}`);
      });
    });
  clock
    .command('show')
    .description('print the simulated time')
    .action(async () => withSandbox(ctx, (sb) => out(`${new Date(sb.engine.now()).toISOString()}\n`)));

  sandbox
    .command('profiles')
    .description('the profiles (--profile) and the principals they stand for')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) =>
      withSandbox(ctx, (sb) => {
        if (opts.json) return out(`${JSON.stringify({ current: sb.profile, profiles: sb.profiles }, null, 2)}\n`);
        for (const [name, p] of Object.entries(sb.profiles))
          out(`${name === sb.profile ? '*' : ' '} ${name.padEnd(10)} ${p.principalArn}  ${p.region}  ${p.description}\n`);
      }),
    );

  sandbox
    .command('use-profile')
    .argument('<name>', 'profile name (see `kms-study sandbox profiles`)')
    .description('make a profile the default for `kms-study aws`')
    .action(async (name: string) =>
      withSandbox(ctx, (sb) => {
        if (!Object.prototype.hasOwnProperty.call(sb.profiles, name))
          throw new UsageError(`sandbox use-profile: no profile '${name}'; known profiles: ${Object.keys(sb.profiles).join(', ')}`);
        sb.profile = name;
        sb.save();
        out(`Current profile: ${name} (${sb.profiles[name].principalArn})\n`);
      }),
    );
}
