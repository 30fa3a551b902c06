// `kms-study` alone: the home screen on a terminal (what is due, the weakest exam tip and its lab, the next lab,
// the last session, readiness, today's share of the plan, and the one command to run next); `--json` gives the
// same data. Without a terminal (a pipe, a script) it prints the help as before.
import type { Command } from 'commander';
import type { ProgramContext } from '../context.js';

/** commander's own "unknown command" message with its did-you-mean (not in its typings). */
interface Internals {
  unknownCommand(): void;
}

export function register(program: Command, ctx: ProgramContext): void {
  program
    // `--json` is the home screen's own flag, read from the operands: a program-wide --json would take stats --json.
    // Registered last: commands created after this would inherit allowExcessArguments.
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .addHelpText('after', '\nOn a terminal, kms-study alone shows your home screen (kms-study --json: the same as JSON).')
    .action(async () => {
      const c = program as unknown as Internals;
      const args = program.args;
      if (args.some((a) => !a.startsWith('-'))) return c.unknownCommand();
      const bad = args.find((a) => a !== '--json');
      // allowUnknownOption silences commander's own check: say it as commander would (exit 2).
      if (bad) return program.error(`error: unknown option '${bad}'`, { code: 'commander.unknownOption' });
      const json = args.includes('--json');
      const { deps } = ctx;
      if (!json && !deps.stdout.isTTY) return program.help({ error: true });
      const { loadStudy } = await import('./study-state.js');
      const { statsOf } = await import('../../quiz/stats-report.js');
      const { homeOf, renderHome } = await import('../../quiz/home.js');
      const study = await loadStudy(ctx);
      const now = deps.now();
      const home = homeOf({
        stats: statsOf(study.store, study.bank, now),
        due: Object.values(study.cards).filter((card) => card.due <= now).length,
        sessions: study.store.sessions(),
        labs: study.labs,
        completedLabs: study.completedLabs,
        plan: study.plan,
      });
      if (json) {
        deps.stdout.write(JSON.stringify(home, null, 2) + '\n');
        return;
      }
      const { styleFrom } = await import('../render/style.js');
      const { chalkFor } = await import('../style.js');
      const { proseWidth } = await import('../../text/wrap.js');
      deps.stdout.write(renderHome(home, styleFrom(chalkFor(deps, !ctx.color())), proseWidth(deps.stdout)));
    });
}
