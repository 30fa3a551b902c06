// Running a lab: one LabRun driven line by line, saved after every line, its completion recorded once,
// its replies coloured and wrapped for the terminal. I/O comes in through LabSessionPorts (the CLI
// implements them: the lab save file, the progress store, the terminal); nothing here touches the outside.
import { escapeControls } from '../text/terminal.js';
import { wrapProse } from '../text/wrap.js';
import type { LabProgress } from './progress.js';
import { renderStep } from './render.js';
import type { LabRun, Reply } from './runner.js';
import type { Lab } from './types.js';

/** Colour hooks for lab output (chalk in the CLI, identity in tests). */
export interface LabStyle {
  bold(s: string): string;
  dim(s: string): string;
  green(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  /** Step headings: bold cyan in the CLI. */
  heading(s: string): string;
}

const id = (s: string) => s;
export const PLAIN_LAB_STYLE: LabStyle = { bold: id, dim: id, green: id, red: id, yellow: id, cyan: id, heading: id };

/** A completed lab as the progress store keeps it. */
export interface LabCompletion {
  labId: string;
  completed: true;
  startedAt: number;
  finishedAt: number;
  hintsUsed: number;
  attempts: number;
}

export interface LabSessionPorts {
  style: LabStyle;
  /** Terminal width for prose, read at each reply (the terminal may be resized); undefined (pipes, files) prints lines as they are. */
  width(): number | undefined;
  write(text: string): void;
  /** Persist the run's progress (after every line). */
  save(progress: LabProgress): void;
  /** Record a completed lab in the learner's progress (once per completion). */
  recordCompletion(result: LabCompletion): Promise<void>;
  /** A new run of the same lab (`restart`). */
  fresh(): Promise<LabRun>;
  /** Wall clock, epoch ms. */
  now(): number;
}

export class LabSession {
  private recorded = false;
  constructor(
    readonly lab: Lab,
    public run: LabRun,
    private readonly ports: LabSessionPorts,
  ) {
    this.recorded = run.done;
  }

  get style(): LabStyle {
    return this.ports.style;
  }

  intro(): string {
    const c = this.style;
    // The variant names the root cause: shown only once the learner has classified it.
    const revealed = this.run.revealedVariant;
    const v = revealed ? `\n${c.dim(`Cause in this run: ${revealed.title}`)}` : '';
    const resumed = this.run.progress.log.length || this.run.stepIndex ? c.dim(' (resumed; --restart starts over)') : '';
    return `${c.bold(this.lab.title)}${resumed}\n${this.wrap(this.lab.summary)}${v}\n${c.dim('Type help for lab commands.')}\n\n${this.colourise(this.describeStep())}`;
  }

  describeStep(): string {
    return renderStep(this.run);
  }

  colourise(text: string): string {
    const c = this.style;
    return this.wrap(escapeControls(text))
      .split('\n')
      .map((l) => (/^\s*✓/.test(l) || /^★/.test(l) ? c.green(l) : /^\s*✗/.test(l) ? c.red(l) : /^Step \d+ of/.test(l) ? c.heading(l) : /^Hint/.test(l) ? c.yellow(l) : l))
      .join('\n');
  }

  /** On a terminal, prose lines wrap at word boundaries; command output (JSON, tables, text with tabs) is left as printed. */
  wrap(text: string): string {
    return wrapProse(text, this.ports.width());
  }

  /** Handle one line; save; record completion. */
  async line(text: string): Promise<Reply> {
    let reply = await this.run.input(text);
    if (reply.action === 'restart') {
      this.run = await this.ports.fresh();
      this.recorded = false;
      reply = { ...reply, text: reply.text + '\n' + this.describeStep() };
    }
    await this.save();
    return reply;
  }

  async save(): Promise<void> {
    this.ports.save(this.run.progress);
    if (this.run.done && !this.recorded) {
      this.recorded = true;
      const p = this.run.progress;
      await this.ports.recordCompletion({ labId: this.lab.id, completed: true, startedAt: p.startedAt, finishedAt: p.finishedAt ?? this.ports.now(), hintsUsed: p.hintsUsed, attempts: p.attempts });
    }
  }

  /** Non-interactive: echo each line with its output; true when every step is complete at the end. */
  async runLines(lines: Iterable<string> | AsyncIterable<string>, echo: boolean): Promise<boolean> {
    const out = (s: string) => this.ports.write(s);
    out(this.intro() + '\n');
    for await (const l of lines) {
      if (!l.trim()) continue;
      if (echo) out(`${this.style.dim('$')} ${l}\n`);
      const r = await this.line(l);
      if (r.text) out(this.colourise(r.text) + (r.text.endsWith('\n') ? '' : '\n'));
      if (r.action === 'quit') break;
    }
    await this.save();
    if (this.run.done) return true;
    const stranded = this.run.stranded();
    const wayBack = stranded ? `  ${stranded.remedy === 'reset-step' ? 'It can no longer be finished from here: reset-step goes back to the start of this step.' : 'It can no longer be finished from here: restart starts it over.'}\n` : '';
    out(this.colourise(`\nNot complete: step ${this.run.stepIndex + 1} of ${this.lab.steps.length} is open.\n${this.failing()}${wayBack}`));
    return false;
  }

  failing(): string {
    return this.run.checkResults().filter((c) => !c.ok).map((c) => `  ✗ ${c.message}\n`).join('');
  }
}
