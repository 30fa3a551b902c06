// Plain-text views of a running lab (the CLI adds colour): the current step, status, the step list, help.
import { closest } from '../text/suggest.js';
import type { LabRun } from './runner.js';

export const META_HELP = `Type aws commands as you would in a terminal (aws kms describe-key --key-id $KEY).
Lab commands:
  check               evaluate this step's checks and say what is still missing
  hint                the next hint for this step (hints are counted)
  solution            the reference solution of this step
  status              where you are: the step, what passed, what failed and why
  steps               all steps with their status
  vars                the lab's variables ($NAME) and files (fileb://NAME)
  clock advance 8d    move the simulated clock (d, h, m, s)
  profile <name>      act as another principal (profile alone lists them)
  answer [id] <X>     answer a lab question
  load --rps N --seconds N --key-id KEY [--op GenerateDataKey] [--cache-seconds N] [--retries N]
                      simulate an application's request rate as this profile (data key cache, SDK retries)
  wrap-key-material <public-key-file> <algorithm> <out-file>
                      wrap PlaintextKeyMaterial.bin for import-key-material (as openssl would)
  reset-step          undo everything since this step started
  restart             start the whole lab over
  clear               clear the screen (on a terminal)
  quit                leave; your progress is saved
You can save command output: aws kms encrypt ... --query CiphertextBlob --output text | base64 --decode > ct.bin
`;

/** The first words the lab shell understands (for did-you-mean on a misspelt one). */
export const META_WORDS = ['aws', 'check', 'hint', 'solution', 'status', 'steps', 'vars', 'clock', 'profile', 'wrap-key-material', 'load', 'answer', 'reset-step', 'restart', 'clear', 'quit', 'exit', 'help'];

export function renderStep(run: LabRun): string {
  const s = run.step();
  if (!s) return 'All steps are complete.\n';
  return `Step ${run.stepIndex + 1} of ${run.lab.steps.length}: ${s.title}\n  ${nameVars(s.goal, run.vars)}\n${renderOpenQuestions(run)}`;
}

/** Prose with each known `$NAME` kept and its value beside it — "$REPORTS (1234abcd-...)" — so the learner sees what to type. */
export function nameVars(text: string, vars: Record<string, string>): string {
  return text.replace(/\$\{([A-Z][A-Z0-9_]*)\}|\$([A-Z][A-Z0-9_]*)/g, (all, a?: string, b?: string) => {
    const name = (a ?? b) as string;
    return name in vars ? `$${name} (${vars[name]})` : all;
  });
}

/** The questions this step asks (its `answered` checks) that are not answered right yet: text, options, how to answer. */
export function renderOpenQuestions(run: LabRun): string {
  const s = run.step();
  if (!s) return '';
  const answers = run.context().answers;
  const ids = s.checks.flatMap((c) => (c.type === 'answered' ? [c.question] : []));
  return [...new Set(ids)]
    .filter((id) => answers[`${id}:correct`] !== 'yes')
    .map((id) => run.lab.questions.find((q) => q.id === id))
    .filter((q) => q !== undefined)
    .map((q) => `  Question: ${q.text}\n${Object.entries(q.options).map(([k, v]) => `    ${k}. ${v}`).join('\n')}\n  Answer with: answer ${q.id} <letter>\n`)
    .join('');
}

export function renderStatus(run: LabRun, onlyFailing: boolean): string {
  const cause = run.revealedVariant ? `Cause in this run: ${run.revealedVariant.title}\n` : '';
  const head = `${run.lab.title} — profile ${run.profile}\n${cause}`;
  if (run.done) return `${head}All ${run.lab.steps.length} steps complete.\n`;
  const results = run.checkResults();
  const passed = results.filter((c) => c.ok).length;
  const failing = results.filter((c) => !c.ok).map((c) => `  ✗ ${c.message}`);
  const summary = onlyFailing ? '' : `  ${passed} of ${results.length} checks pass\n`;
  return `${head}${renderStep(run)}${summary}${failing.join('\n')}${failing.length ? '\n' : ''}`;
}

export function renderSteps(run: LabRun): string {
  return (
    run.lab.steps
      .map((s, i) => `${i < run.stepIndex ? '✓' : i === run.stepIndex ? '→' : ' '} ${i + 1}. ${s.title}`)
      .join('\n') + '\n'
  );
}

/** The meta-commands closest to a misspelt one; a swap of letters (hnit → hint) wins over other edits. */
export function metaSuggestion(word: string): string {
  const near = closest(word, META_WORDS);
  const letters = (w: string) => [...w].sort().join('');
  const swapped = near.filter((c) => letters(c) === letters(word));
  return (swapped.length ? swapped : near).join(' or ');
}
