// `kms-study quiz`: practice, exam, review or cram from the question banks. Banks: <packageRoot>/questions,
// then the `bankDirs` of the progress config, then --bank. Heavy modules (conf, inquirer) load in the action.
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { QuizMode } from '../../quiz/ports.js';
import { DIFFICULTIES, EXAM_TIPS, TOPICS } from '../../quiz/taxonomy.js';
import type { ProgramContext } from '../main.js';

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
    .option('--generated', 'practice on generated policy-evaluation drills (answers computed by the simulator; --seed repeats a set); answers count in stats under their topic but create no review (FSRS) cards')
    .action(async (opts: QuizOptions) => {
      ctx.exit.code = await runQuiz(ctx, opts);
    });
}

/**
 * The bank paths for this run: with --bank, exactly those (relative to cwd); otherwise the packaged
 * <packageRoot>/questions plus the `bankDirs` of the progress config.
 */
export function bankPathsFor(ctx: ProgramContext, configDirs: string[], explicit: string[] = []): string[] {
  if (explicit.length) return explicit.map((b) => resolve(ctx.deps.cwd, b));
  return [join(ctx.deps.packageRoot, 'questions'), ...configDirs.map((d) => resolve(ctx.deps.cwd, d))];
}

async function runQuiz(ctx: ProgramContext, opts: QuizOptions): Promise<number> {
  const { deps } = ctx;
  // One at a time: Jest's ESM loader trips over concurrent dynamic imports that share modules.
  const { ProgressStore } = await import('../../storage/progress.js');
  const { loadBanks } = await import('../../storage/banks.js');
  const { applyFilters, selectQuestions } = await import('../../quiz/select.js');
  const { runSession } = await import('../../quiz/session.js');
  const { runExam } = await import('../../quiz/exam.js');
  const prompterMod = await import('../prompter.js');
  const { chalkFor } = await import('../style.js');
  const { styleFrom } = await import('../render/style.js');
  const { hexFrom, SeededRandom } = await import('../../kms/ports.js');
  const { dataDir } = await import('../../storage/paths.js');
  const { store, warnings } = ProgressStore.open(dataDir(deps.env), deps.now);
  for (const w of warnings) deps.stderr.write(`kms-study: warning: ${w}\n`);
  const paths = bankPathsFor(ctx, store.config().bankDirs, opts.bank);
  // No "verified in the future" check here: that is an authoring rule (bank lint), and a learner's wrong clock
  // must not empty the quiz.
  const generated = opts.generated ? (await import('./quiz-generated.js')).generatedQuestions(deps, opts) : undefined;
  const loaded = generated ? { questions: generated, errors: [], warnings: [] } : loadBanks(paths, { cacheDir: join(dataDir(deps.env), 'cache', 'banks') });
  for (const w of loaded.warnings) deps.stderr.write(`${w}\n`);
  const missing = loaded.errors.filter((e) => e.line === 0);
  if (missing.length && opts.bank?.length) throw new UsageError(missing.map((e) => e.message).join('\n'), 1);
  for (const e of missing) deps.stderr.write(`kms-study: warning: ${e.message} (check bankDirs in ${join(dataDir(deps.env), 'progress.json')})\n`);
  const contentErrors = loaded.errors.filter((e) => e.line !== 0);
  if (contentErrors.length) {
    deps.stderr.write(`kms-study: warning: ${contentErrors.length} problem(s) in the banks; those questions are left out (run kms-study bank lint):\n`);
    for (const e of contentErrors.slice(0, 5)) deps.stderr.write(`  ${e.message}\n`);
  }
  const filtered = applyFilters(loaded.questions, opts);
  if (filtered.empty) throw new UsageError(`${filtered.empty}${loaded.questions.length === 0 ? ` (looked in: ${paths.join(', ')})` : ''}`, 1);

  const answers = store.answers();
  const lastCorrect: Record<string, boolean> = {};
  for (const a of answers) lastCorrect[a.questionId] = a.correct;
  const topicAccuracy = Object.fromEntries(Object.entries(store.topicMastery()).map(([t, m]) => [t, m.accuracy]));
  const cards = store.storedCards();
  const random = opts.shuffle === false ? undefined : new SeededRandom(opts.seed ?? hexFrom({ bytes: deps.randomBytes }, 16));
  const picked = generated ? { questions: generated } : selectQuestions(opts.mode, filtered.questions, { cards, lastCorrect, topicAccuracy }, deps.now(), opts.count, random);
  if (picked.empty) throw new UsageError(picked.empty, 1);

  const interactive = Boolean(deps.stdin.isTTY && deps.stdout.isTTY);
  const write = (s: string) => deps.stdout.write(s);
  // On a terminal, wrap to its width (at most 100 columns); piped output keeps the bank's own line breaks.
  const columns = deps.stdout.isTTY ? deps.stdout.columns : undefined;
  const width = columns && columns >= 40 ? Math.min(100, columns - 1) : undefined;
  const prompter = interactive ? new prompterMod.InquirerPrompter(deps.now, write, {}, width) : new prompterMod.LinePrompter(deps.stdin, write, deps.now);
  const onSigint = () => (prompter instanceof prompterMod.LinePrompter ? prompter.stop('interrupted') : undefined);
  if (!interactive) process.once('SIGINT', onSigint);
  const sessionId = hexFrom({ bytes: deps.randomBytes }, 8);
  const io = {
    prompter,
    write,
    now: deps.now,
    style: styleFrom(chalkFor(deps, !ctx.color())),
    width,
    onAnswer: (e: import('../../quiz/ports.js').AnswerEvent) =>
      store.recordMany(
        [{ questionId: e.question.id, topic: e.question.topic, tips: e.question.tips, mode: opts.mode, correct: e.correct, guessed: e.guessed, chosen: e.chosen, durationMs: e.durationMs, at: e.at, sessionId }],
        e.card && !generated ? { [e.question.id]: e.card } : {},
      ),
  };
  let result;
  try {
    result = opts.mode === 'exam' ? await runExam(picked.questions, cards, io, random) : await runSession(opts.mode, picked.questions, generated ? {} : cards, io, random);
  } finally {
    process.removeListener('SIGINT', onSigint);
    if (prompter instanceof prompterMod.LinePrompter) prompter.close();
  }
  store.recordSession({
    id: sessionId,
    mode: result.mode,
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
    questions: result.questions,
    answered: result.answered,
    correct: result.correct,
    ended: result.ended,
    ...(result.scaledScore !== undefined ? { scaledScore: result.scaledScore, passed: result.passed } : {}),
  });
  if (result.ended === 'interrupted') return 130;
  if (result.ended === 'end-of-input') return 1;
  return 0;
}
