// `kms-study lab [id]`: list the labs with their status, or run one: an interactive shell on a terminal,
// lines from --script FILE or piped stdin otherwise, or the reference solution with --solve.
import type { Command } from 'commander';
import type { ProgramContext } from '../context.js';
import type { LabOptions } from '../lab.js';

export function register(program: Command, ctx: ProgramContext): void {
  program
    .command('lab')
    .description('hands-on labs on the simulated KMS: list them, or run one by id')
    .argument('[id]', 'the lab to run (kms-study lab, or kms-study lab list, lists them)')
    .option('--script <file>', 'run the lines of FILE instead of an interactive shell; exit 0 only when the lab is complete')
    .option('--solve', 'run the reference solution and show the transcript')
    .option('--restart', 'start over instead of resuming saved progress')
    .option('--seed <n>', 'seed for a repeatable run (picks the variant of labs that have several root causes)')
    .option('--variant <id>', 'choose a variant by id')
    .option('--json', 'with no id: the lab list as JSON')
    .option('--check <files...>', 'check lab files (for authors): every problem as file:line:column, non-zero exit on any')
    .addHelpText('after', '\nExamples:\n  kms-study lab\n  kms-study lab key-deletion\n  kms-study lab access-denied --seed 3\n  kms-study lab key-rotation --script my-steps.txt\n  kms-study lab create-key --solve\n  kms-study lab --check labs/my-lab.yaml\n')
    .action(async (id: string | undefined, opts: LabOptions) => {
      if (opts.check) {
        const { labCheck } = await import('../lab-check.js');
        ctx.exit.code = labCheck(id ? [id, ...opts.check] : opts.check, ctx);
        return;
      }
      // The list comes from the lab index, without loading the lab runner (lab-list.ts).
      if (!id || id === 'list') {
        const parser = async () => (await import('../../labs/parse.js')).parseLab;
        const code = await (await import('../lab-list.js')).labList(id, opts, ctx, parser);
        if (code !== undefined) {
          ctx.exit.code = code;
          return;
        }
      }
      const { labCommand } = await import('../lab.js');
      ctx.exit.code = await labCommand(id, opts, ctx);
    });
}
