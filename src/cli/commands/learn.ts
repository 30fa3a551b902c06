// `kms-study learn`: the study notes — topics with mastery, one note, the cheat sheet, printable Markdown.
import type { Command } from 'commander';
import type { ProgramContext } from '../context.js';
import type { LearnOptions } from '../learn.js';

export function register(program: Command, ctx: ProgramContext): void {
  program
    .command('learn')
    .description('read the study notes: topics with your mastery, a topic\'s note, or the cheat sheet')
    .argument('[topic]', 'the topic to read (see `kms-study learn` for the list)')
    .option('--cheatsheet', 'print every exam tip on one page')
    .option('--markdown [file]', 'write all notes and the cheat sheet as Markdown (to a file, or stdout)')
    .option('--json', 'print the topic list, or one topic\'s note, as JSON')
    .option('--no-pager', 'do not page long notes')
    .addHelpText('after', '\nExamples:\n  kms-study learn\n  kms-study learn rotation\n  kms-study learn --cheatsheet\n  kms-study learn --markdown kms-notes.md\n')
    .action(async (topic: string | undefined, opts: LearnOptions) => {
      const { learn } = await import('../learn.js');
      ctx.exit.code = await learn(topic, opts, ctx);
    });
}
