// `kms-study quiz`: practice, exam, review or cram from the question banks. Banks: <packageRoot>/questions,
// then the `bankDirs` of the progress config, then --bank. Heavy modules (conf, inquirer) load in the action.
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../../errors.js';
import { EXIT } from '../../exit-codes.js';
import type { QuizMode } from '../../quiz/ports.js';
import { DIFFICULTIES, EXAM_TIPS, TOPICS } from '../../content/taxonomy.js';
import type { ProgramContext } from '../context.js';

export interface QuizOptions {
  topic?: string;
  tip?: string;
  difficulty?: string;
  count?: number;
  mode: QuizMode;
  seed?: string;
  bank?: string[];
  shuffle: boolean;
  generated?: boolean;
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--count expects a whole number of at least 1, got "${v}"`);
  return n;
}

export function register(program: Command, ctx: ProgramContext): void {
  program
    .command('quiz')
    .description('answer questions from the banks: practice (feedback each time), exam (timed, scored), review (missed and due), cram (schedule untouched)')
    .option('--topic <topic>', `only this topic (${Object.keys(TOPICS).join(', ')})`)
    .option('--tip <tip>', `only questions on this exam tip (${Object.keys(EXAM_TIPS).join(', ')})`)
    .addOption(new Option('--difficulty <level>', 'only this difficulty').choices([...DIFFICULTIES]))
    .option('--count <n>', 'how many questions (default: practice 10, review 20, cram 20, exam 65 or what the bank holds)', positiveInt)
    .addOption(new Option('--mode <mode>', 'quiz mode').choices(['practice', 'exam', 'review', 'cram']).default('practice'))
    .option('--seed <seed>', 'repeatable question and option order')
    .option('--bank <path...>', 'quiz from these bank files or folders instead of the packaged banks and the config bankDirs')
    .option('--no-shuffle', 'keep bank order for questions and options')
    .option(
      '--generated',
      'practice on generated policy-evaluation drills (answers computed by the simulator; --seed repeats a set); answers count in stats under their topic but create no review (FSRS) cards',
    )
    .action(async (opts: QuizOptions) => {
      ctx.exit.code = await runQuiz(ctx, opts);
    });
}

async function runQuiz(ctx: ProgramContext, opts: QuizOptions): Promise<number> {
  const { deps } = ctx;
  // One at a time: Jest's ESM loader trips over concurrent dynamic imports that share modules.
  const { ProgressStore } = await import('../../storage/progress.js');
  const { loadBanks } = await import('../../storage/banks.js');
  const { runQuiz: runQuizUseCase, StoppablePrompter } = await import('../../quiz/run-quiz.js');
  const prompterMod = await import('../prompter.js');
  const { chalkFor } = await import('../style.js');
  const { styleFrom } = await import('../render/style.js');
  const { hexFrom, SeededRandom } = await import('../../aws/ports.js');
  const { dataDir } = await import('../../storage/paths.js');
  const { proseWidth } = await import('../../text/wrap.js');
  const { bankPathsFor } = await import('../banks.js');
  const { store, warnings } = ProgressStore.open(dataDir(deps.env), deps.now);
  for (const w of warnings) deps.stderr.write(`kms-study: warning: ${w}\n`);
  const paths = bankPathsFor(deps, store.config().bankDirs, opts.bank);
  // No "verified in the future" check here: that is an authoring rule (bank lint), and a learner's wrong clock
  // must not empty the quiz.
  const generated = opts.generated ? (await import('./quiz-generated.js')).generatedQuestions(deps, opts) : undefined;
  const loaded = generated ? { questions: generated, errors: [], warnings: [] } : loadBanks(paths, { cacheDir: join(dataDir(deps.env), 'cache', 'banks') });
  for (const w of loaded.warnings) deps.stderr.write(`${w}\n`);
  const missing = loaded.errors.filter((e) => e.line === 0);
  // A --bank path that cannot be read is a bad command-line value: a usage error.
  if (missing.length && opts.bank?.length) throw new UsageError(missing.map((e) => e.message).join('\n'), EXIT.USAGE);
  for (const e of missing) deps.stderr.write(`kms-study: warning: ${e.message} (check bankDirs in ${join(dataDir(deps.env), 'progress.json')})\n`);
  const contentErrors = loaded.errors.filter((e) => e.line !== 0);
  if (contentErrors.length) {
    deps.stderr.write(`kms-study: warning: ${contentErrors.length} problem(s) in the banks; those questions are left out (run kms-study bank lint):\n`);
    for (const e of contentErrors.slice(0, 5)) deps.stderr.write(`  ${e.message}\n`);
  }

  // Randomness in a fixed order (question order first, then the session id), so a seeded run repeats exactly.
  const random = opts.shuffle === false ? undefined : new SeededRandom(opts.seed ?? hexFrom({ bytes: deps.randomBytes }, 16));
  const sessionId = hexFrom({ bytes: deps.randomBytes }, 8);
  const interactive = Boolean(deps.stdin.isTTY && deps.stdout.isTTY);
  const write = (s: string) => deps.stdout.write(s);
  // On a terminal, wrap to its width (at most 100 columns); piped output keeps the bank's own line breaks.
  const width = proseWidth(deps.stdout);
  const openPrompter = () => {
    if (interactive) {
      // Menus read Ctrl-C themselves; SIGTERM and SIGHUP end the pending question from outside, as Ctrl-C does.
      // The letter menu reads keys from this terminal's stdin and draws on its stdout.
      const menus = new prompterMod.InquirerPrompter(deps.now, write, { input: deps.stdin });
      const prompter = new StoppablePrompter(menus);
      const offs = (['SIGTERM', 'SIGHUP'] as const).map((sig) => deps.signals.on(sig, () => prompter.stop('interrupted')));
      return {
        prompter,
        close: () => {
          offs.forEach((off) => off());
          menus.close();
        },
      };
    }
    const prompter = new prompterMod.LinePrompter(deps.stdin, write, deps.now);
    // Piped answers: the first Ctrl-C, SIGTERM or SIGHUP ends the quiz, records the session and keeps the answers
    // given (exit 130 for all three); a second signal finds no handler and stops the process as Node does.
    const offs = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((sig) =>
      deps.signals.on(sig, () => {
        unsubscribe();
        prompter.stop('interrupted');
      }),
    );
    const unsubscribe = () => offs.forEach((off) => off());
    return {
      prompter,
      close: () => {
        unsubscribe();
        prompter.close();
      },
    };
  };
  const outcome = await runQuizUseCase(
    { mode: opts.mode, filters: opts, count: opts.count, generated: Boolean(generated), sessionId },
    {
      progress: store,
      questions: loaded.questions,
      random,
      console: { openPrompter, write, now: deps.now, style: styleFrom(chalkFor(deps, !ctx.color())), width },
    },
  );
  if (!outcome.asked) throw new UsageError(`${outcome.reason}${outcome.emptyBank ? ` (looked in: ${paths.join(', ')})` : ''}`, outcome.usage ? EXIT.USAGE : EXIT.FAILURE);
  if (outcome.result.ended === 'interrupted') return EXIT.INTERRUPTED;
  if (outcome.result.ended === 'end-of-input') return EXIT.FAILURE;
  return EXIT.OK;
}
