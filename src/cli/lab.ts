// The lab command's work: list, run a script or piped lines, solve, or hand over to the interactive shell.
import { join, resolve } from 'node:path';
import { paramFileReader } from './param-file.js';
import { escapeControls } from '../text/terminal.js';
import { FileTooLargeError, NotAFileError, readRegularFile } from '../storage/regular-file.js';
import { createInterface } from 'node:readline';
import { closest } from '../awscli/suggest.js';
import { UsageError } from '../errors.js';
import { LabRun, type Reply } from '../labs/runner.js';
import type { Lab } from '../labs/types.js';
import { loadLabs, labSavePath, readLabSave, writeLabSave } from '../storage/lab-session.js';
import { dataDir } from '../storage/paths.js';
import type { LabOptions } from './commands/lab.js';
import type { ProgramContext } from './main.js';
import { chalkFor } from './style.js';
import { fit } from '../quiz/text.js';

/** A lab script is a few hundred lines: 1 MiB is plenty, and /dev/zero must not fill memory. */
const SCRIPT_MAX_BYTES = 1024 * 1024;

export async function labCommand(id: string | undefined, opts: LabOptions, ctx: ProgramContext): Promise<number> {
  const { deps } = ctx;
  const { labs, errors, warnings } = loadLabs(join(deps.packageRoot, 'labs'));
  for (const w of warnings) deps.stderr.write(`${escapeControls(w)}\n`);
  // A broken lab file blocks only itself: the others stay usable, and the problem is reported.
  const own = id ? errors.find((e) => e.file.replace(/^.*[\\/]/, '') === `${id}.yaml`) : undefined;
  if (own) throw own;
  const broken = [...new Set(errors.map((e) => e.file))];
  for (const f of broken) deps.stderr.write(`kms-study: skipping lab file ${escapeControls(errors.find((e) => e.file === f)!.message)}\n`);
  if (!id) return listLabs(labs, opts, ctx);
  const lab = labs.find((l) => l.id === id);
  if (!lab) {
    const near = closest(id, labs.map((l) => l.id));
    throw new UsageError(`unknown lab "${id}"${near.length ? `; did you mean ${near.join(' or ')}?` : ''} (kms-study lab lists them)`);
  }
  if (opts.variant && !lab.variants.some((v) => v.id === opts.variant))
    throw new UsageError(`--variant: lab ${lab.id} has ${lab.variants.length ? `the variants ${lab.variants.map((v) => v.id).join(', ')}` : 'no variants'}`);
  const path = labSavePath(deps.env, lab.id);
  const io = { wallNow: () => deps.now(), readFile: paramFileReader(deps.env, deps.cwd) };
  let run: LabRun | undefined;
  if (!opts.restart && !opts.solve) {
    const saved = readLabSave(path, deps.now());
    if (saved.warning) deps.stderr.write(`kms-study: ${saved.warning}\n`);
    if (saved.progress && (!opts.seed || saved.progress.seed === opts.seed)) {
      try {
        run = LabRun.resume(lab, saved.progress, io);
      } catch (e) {
        // A save that parses but does not load (a clock outside 1970..9999, a broken engine state): start over.
        deps.stderr.write(`kms-study: saved progress ${path} could not be resumed (${escapeControls((e as Error).message)}); the lab starts over (use --restart to skip this message).\n`);
      }
    }
  }
  const fresh = async () => LabRun.start(lab, opts.seed ?? Buffer.from(deps.randomBytes(4)).toString('hex'), io, opts.variant);
  if (!run) run = await fresh();
  const session = new LabSession(lab, run, path, fresh, ctx);
  if (opts.solve) {
    const lines = lab.steps.flatMap((_, i) => run!.step(i)!.solution);
    return session.runLines(lines, true);
  }
  if (opts.script) {
    let text: string;
    try {
      const bytes = readRegularFile(resolve(deps.cwd, opts.script), SCRIPT_MAX_BYTES, { allowPipe: true });
      if (bytes.length > SCRIPT_MAX_BYTES) throw new FileTooLargeError(opts.script, SCRIPT_MAX_BYTES);
      text = Buffer.from(bytes).toString('utf8');
    } catch (e) {
      const why = e instanceof NotAFileError || e instanceof FileTooLargeError ? e.message : ((e as NodeJS.ErrnoException).code ?? (e as Error).message);
      throw new UsageError(`--script: cannot read ${opts.script} (${why})`); // exit-code
    }
    return session.runLines(text.split(/\r?\n/), true);
  }
  if (!deps.stdin.isTTY || !deps.stdout.isTTY) {
    // Line by line as they arrive, so each command is saved before the next one is read.
    const rl = createInterface({ input: deps.stdin as NodeJS.ReadableStream, terminal: false, crlfDelay: Infinity });
    return session.runLines(rl, true);
  }
  const { interactiveShell } = await import('./lab-shell.js');
  return interactiveShell(session);
}

/** One lab being run by the CLI: saves after every line, records the result once the lab is complete. */
export class LabSession {
  private recorded = false;
  constructor(
    readonly lab: Lab,
    public run: LabRun,
    readonly path: string,
    private readonly fresh: () => Promise<LabRun>,
    readonly ctx: ProgramContext,
  ) {
    this.recorded = run.done;
  }

  get colour() {
    return chalkFor(this.ctx.deps, !this.ctx.color());
  }

  intro(): string {
    const c = this.colour;
    const v = this.run.variant ? `\n${c.dim(`Scenario: ${this.run.variant.title}`)}` : '';
    const resumed = this.run.progress.log.length || this.run.stepIndex ? c.dim(' (resumed; --restart starts over)') : '';
    return `${c.bold(this.lab.title)}${resumed}\n${this.wrap(this.lab.summary)}${v}\n${c.dim('Type help for lab commands.')}\n\n${this.colourise(this.describeStep())}`;
  }

  describeStep(): string {
    const s = this.run.step();
    return s ? `Step ${this.run.stepIndex + 1} of ${this.lab.steps.length}: ${s.title}\n  ${s.goal.replace(/\$([A-Z][A-Z0-9_]*)/g, (a, n: string) => this.run.vars[n] ?? a)}\n` : 'All steps are complete.\n';
  }

  colourise(text: string): string {
    const c = this.colour;
    return this.wrap(escapeControls(text))
      .split('\n')
      .map((l) => (/^\s*✓/.test(l) || /^★/.test(l) ? c.green(l) : /^\s*✗/.test(l) ? c.red(l) : /^Step \d+ of/.test(l) ? c.bold.cyan(l) : /^Hint/.test(l) ? c.yellow(l) : l))
      .join('\n');
  }

  /** On a terminal, prose lines wrap at word boundaries; command output (JSON, tables, text with tabs) is left as printed. */
  wrap(text: string): string {
    const width = this.ctx.deps.stdout.isTTY ? this.ctx.deps.stdout.columns : undefined;
    if (!width) return text;
    const w = Math.min(width, 100);
    return text
      .split('\n')
      .map((l) => {
        if (l.length <= w || l.includes('\t') || /^\s*[{}[\]"|+]/.test(l) || !/\s/.test(l.trim())) return l;
        const indent = /^\s*/.exec(l)![0];
        const lead = /^(\s*(?:[✓✗★·]|Hint \d+ of \d+:)\s*)/.exec(l)?.[1] ?? indent;
        return fit(l.slice(lead.length), w, lead, ' '.repeat(Math.min(lead.length, 8)));
      })
      .join('\n');
  }

  /** Handle one line; save; record completion. */
  async line(text: string): Promise<Reply> {
    let reply = await this.run.input(text);
    if (reply.action === 'restart') {
      this.run = await this.fresh();
      this.recorded = false;
      reply = { ...reply, text: reply.text + '\n' + this.describeStep() };
    }
    await this.save();
    return reply;
  }

  async save(): Promise<void> {
    writeLabSave(this.path, this.run.progress);
    if (this.run.done && !this.recorded) {
      this.recorded = true;
      await this.record();
    }
  }

  private async record(): Promise<void> {
    const { ProgressStore } = await import('../storage/progress.js');
    const { store, warnings } = ProgressStore.open(dataDir(this.ctx.deps.env), this.ctx.deps.now);
    for (const w of warnings) this.ctx.deps.stderr.write(`kms-study: ${w}\n`);
    const p = this.run.progress;
    store.recordLabResult({ labId: this.lab.id, completed: true, startedAt: p.startedAt, finishedAt: p.finishedAt ?? this.ctx.deps.now(), hintsUsed: p.hintsUsed, attempts: p.attempts });
  }

  /** Non-interactive: echo each line with its output; exit 0 only when every step is complete. */
  async runLines(lines: Iterable<string> | AsyncIterable<string>, echo: boolean): Promise<number> {
    const out = this.ctx.deps.stdout;
    out.write(this.intro() + '\n');
    for await (const l of lines) {
      if (!l.trim()) continue;
      if (echo) out.write(`${this.colour.dim('$')} ${l}\n`);
      const r = await this.line(l);
      if (r.text) out.write(this.colourise(r.text) + (r.text.endsWith('\n') ? '' : '\n'));
      if (r.action === 'quit') break;
    }
    await this.save();
    if (this.run.done) return 0;
    out.write(this.colourise(`\nNot complete: step ${this.run.stepIndex + 1} of ${this.lab.steps.length} is open.\n${this.failing()}`));
    return 1;
  }

  failing(): string {
    return this.run.checkResults().filter((c) => !c.ok).map((c) => `  ✗ ${c.message}\n`).join('');
  }
}

async function listLabs(labs: Lab[], opts: LabOptions, ctx: ProgramContext): Promise<number> {
  const { deps } = ctx;
  const { ProgressStore } = await import('../storage/progress.js');
  const { store } = ProgressStore.open(dataDir(deps.env), deps.now);
  const results = store.labResults();
  const rows = labs.map((l) => {
    const saved = readLabSave(labSavePath(deps.env, l.id), deps.now()).progress;
    const completed = results.some((r) => r.labId === l.id && r.completed);
    const status = saved && saved.step >= l.steps.length ? 'completed' : saved ? `step ${saved.step + 1} of ${l.steps.length}` : completed ? 'completed' : 'not started';
    return { id: l.id, title: l.title, level: l.level, tips: l.tips, steps: l.steps.length, status, completedBefore: completed };
  });
  if (opts.json) {
    deps.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    return 0;
  }
  const c = chalkFor(deps, !ctx.color());
  deps.stdout.write(`${c.bold('Labs')} ${c.dim('(kms-study lab <id>)')}\n\n`);
  const idW = Math.max(...rows.map((r) => r.id.length), 2) + 2;
  const titleW = Math.max(...rows.map((r) => r.title.length), 5) + 2;
  for (const r of rows) {
    const st = r.status === 'completed' ? c.green(r.status) : r.status === 'not started' ? c.dim(r.status) : c.yellow(r.status);
    deps.stdout.write(`  ${r.id.padEnd(idW)}${r.title.padEnd(titleW)}${st}\n`);
  }
  return 0;
}

