// `kms-study quiz --generated`: the generated policy-evaluation drills (src/quiz/drills) as the questions of
// a practice session. Answers count in stats under their topic; the drills get no FSRS cards (they change per seed).
import { UsageError } from '../../errors.js';
import { hexFrom } from '../../aws/ports.js';
import { generateDrills } from '../../quiz/drills/index.js';
import type { Question } from '../../quiz/types.js';
import type { CliDeps } from '../io.js';

export const GENERATED_DEFAULT_COUNT = 10;

export interface GeneratedOptions {
  count?: number;
  seed?: string;
  mode: string;
  bank?: string[];
  topic?: string;
  tip?: string;
  difficulty?: string;
}

/** The drills for this run (seed from --seed, else random and printed so the run can be repeated). */
export function generatedQuestions(deps: Pick<CliDeps, 'now' | 'randomBytes' | 'stdout'>, opts: GeneratedOptions): Question[] {
  const clash = [opts.mode !== 'practice' && `--mode ${opts.mode}`, opts.bank && '--bank', opts.topic && '--topic', opts.tip && '--tip', opts.difficulty && '--difficulty'].filter(Boolean);
  if (clash.length) throw new UsageError(`--generated runs a practice session over generated drills; it cannot be combined with ${clash.join(', ')}`);
  const seed = opts.seed ?? hexFrom({ bytes: deps.randomBytes }, 4);
  const verified = new Date(deps.now()).toISOString().slice(0, 10);
  const drills = generateDrills({ seed, count: opts.count ?? GENERATED_DEFAULT_COUNT, verified });
  deps.stdout.write(`Generated policy-evaluation drills (seed ${seed}; repeat with --seed ${seed}). Answers count in your stats; drills get no review cards.\n`);
  return drills.map((d) => d.question);
}
