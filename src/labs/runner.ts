// Runs one lab: the learner's `aws ...` lines go through the same AWS CLI layer as the sandbox, meta-commands
// steer the lab, and after every command the current step's checks are evaluated and explained.
import { ManualClock, SeededRandom } from '../aws/ports.js';
import { CliConfigError, type GlobalOptions } from '../awscli/index.js';
import { loadWorld, type World } from '../sim/world.js';
import { capturedS3Vars } from '../awscli/s3-commands.js';
import { runAwsLine } from './aws-line.js';
import type { Caller } from '../aws/caller.js';
import { evaluate, loggableRequest, type CheckContext } from './checks.js';
import { buildWorld, effectiveSetup, expandVars } from './setup.js';
import { advanceProblem, CLOCK_LIMITS_TEXT, parseDuration } from '../text/duration.js';
import type { Lab, Step, Variant } from './types.js';
import { META_HELP, metaSuggestion, renderStatus, renderStep, renderSteps } from './render.js';
import { nextHintIndex } from './hints.js';
import { classifyingStep } from './reveal.js';
import { wrapCommand } from './wrap-command.js';
import { capturedVars } from './vars.js';
import { parseLoadArgs, renderLoad, runLoad } from './load.js';
import { findStranded, manageable, renderStranded, wayBack, type Stranded } from './stranded.js';

export { PROGRESS_FORMAT, PROGRESS_VERSION, type LabProgress, type RunnerIo, type Reply } from './progress.js';
import { PROGRESS_FORMAT, PROGRESS_VERSION, type LabProgress, type RunnerIo, type Reply } from './progress.js';
import { EXIT } from '../exit-codes.js';

export class LabRun {
  private world: World;
  private constructor(
    readonly lab: Lab,
    readonly variant: Variant | undefined,
    private p: LabProgress,
    private readonly io: RunnerIo,
  ) {
    this.world = this.load(p.engine, `lab-sim:${lab.id}:${p.seed}:${p.log.length}`);
  }

  /** Picks the variant for a seed: the same seed always draws the same root cause. */
  static variantFor(lab: Lab, seed: string): Variant | undefined {
    if (!lab.variants.length) return undefined;
    let h = 0;
    for (const ch of `${lab.id}:${seed}`) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    return lab.variants[h % lab.variants.length];
  }

  static async start(lab: Lab, seed: string, io: RunnerIo, variantId?: string): Promise<LabRun> {
    const variant = variantId ? lab.variants.find((v) => v.id === variantId) : LabRun.variantFor(lab, seed);
    const world = buildWorld(lab, seed, variant);
    const setup = effectiveSetup(lab, variant);
    const doc = world.world.toJSON();
    const p: LabProgress = {
      format: PROGRESS_FORMAT,
      version: PROGRESS_VERSION,
      labId: lab.id,
      seed,
      variant: variant?.id,
      engine: doc,
      vars: world.vars,
      files: world.files,
      setupKeys: world.world.kms.listKeyViews().map((k) => String(k.KeyMetadata.Arn)),
      profile: setup.profile,
      step: 0,
      log: [],
      answers: {},
      hintsShown: {},
      hintsUsed: 0,
      attempts: 0,
      startedAt: io.wallNow(),
      snapshot: { engine: doc, files: world.files, log: 0, profile: setup.profile, vars: { ...world.vars } },
    };
    const run = new LabRun(lab, variant, p, io);
    for (const h of setup.history) await run.aws(h.line, h.profile, false);
    run.p.engine = run.world.toJSON();
    run.p.manageable = setup.keys.map((k) => k.ref).filter((r) => manageable(run.context(), r));
    run.p.snapshot = { engine: run.p.engine, files: { ...run.p.files }, log: 0, profile: run.p.profile, vars: { ...run.p.vars } };
    return run;
  }

  static resume(lab: Lab, progress: LabProgress, io: RunnerIo): LabRun {
    const variant = progress.variant ? lab.variants.find((v) => v.id === progress.variant) : undefined;
    return new LabRun(lab, variant, progress, io);
  }

  get progress(): LabProgress {
    this.p.engine = this.world.toJSON();
    return this.p;
  }
  get profile(): string {
    return this.p.profile;
  }
  get stepIndex(): number {
    return this.p.step;
  }
  get done(): boolean {
    return this.p.step >= this.lab.steps.length;
  }
  get vars(): Record<string, string> {
    return this.p.vars;
  }

  /** The step that classifies the drawn root cause (see reveal.ts). */
  get classifyingStep(): number {
    return classifyingStep(this.lab, this.variant);
  }

  /** The drawn variant, once the learner has named it (no spoilers before the classifying step is complete). */
  get revealedVariant(): Variant | undefined {
    return this.variant && this.p.step > this.classifyingStep ? this.variant : undefined;
  }

  /** The step with the drawn variant's replacements. */
  step(i = this.p.step): Step | undefined {
    const s = this.lab.steps[i];
    if (!s) return undefined;
    return { ...s, ...(this.variant?.steps[s.id] ?? {}) } as Step;
  }

  /** The lab's world from its saved document; IAM/STS ids and events draw from `serviceSeed`. */
  private load(doc: unknown, serviceSeed: string): World {
    const setup = effectiveSetup(this.lab, this.variant);
    return loadWorld(doc, new ManualClock(setup.start), new SeededRandom(`lab:${this.lab.id}:${this.p.seed}`), { serviceRandom: new SeededRandom(serviceSeed) });
  }

  private callerFor(profile: string, globals?: GlobalOptions): Caller {
    const name = globals?.profile ?? profile;
    const prof = effectiveSetup(this.lab, this.variant).profiles[name];
    if (!prof) throw new CliConfigError(`The config profile (${name}) could not be found`);
    const principal = this.world.principal(prof.principal);
    return { principal, accountId: principal.accountId, region: globals?.region ?? prof.region };
  }

  context(): CheckContext {
    const setup = effectiveSetup(this.lab, this.variant);
    const home = setup.profiles[setup.profile];
    const account = home ? this.world.principal(home.principal).accountId : '111122223333';
    return { world: this.world, vars: this.p.vars, log: this.p.log, answers: this.p.answers, profiles: setup.profiles, setupKeys: this.p.setupKeys, home: { account, region: home?.region ?? 'us-east-1' }, lastLoad: this.p.lastLoad };
  }

  /** The current step's checks, each with its result. */
  checkResults(i = this.p.step): { ok: boolean; message: string }[] {
    const s = this.step(i);
    if (!s) return [];
    const ctx = this.context();
    return s.checks.map((c) => evaluate(c, ctx));
  }

  /** Whether the lab can still be finished (stranded.ts): undefined while it can; otherwise why, and the way back. */
  stranded(): Stranded | undefined {
    const found = this.findStranded(this.context());
    if (!found) return undefined;
    // reset-step helps when the state at this step's start could still finish the lab.
    const snap = this.p.snapshot;
    const world = this.load(snap.engine, `lab-sim:${this.lab.id}:${this.p.seed}:stranded`);
    const before = { ...this.context(), world, vars: snap.vars ?? this.p.vars, log: this.p.log.slice(0, snap.log) };
    return { ...found, remedy: this.findStranded(before) ? 'restart' : 'reset-step' };
  }

  private findStranded(ctx: CheckContext): Omit<Stranded, 'remedy'> | undefined {
    if (this.done) return undefined;
    return findStranded(this.steps(), this.p.step, effectiveSetup(this.lab, this.variant), ctx, this.p.manageable);
  }

  /** Handle one line of input (an aws command or a meta-command); say at once when it strands the lab. */
  async input(raw: string): Promise<Reply> {
    const word = raw.trim().split(/\s+/)[0];
    const changes = ['aws', 'clock', 'load', 'answer', 'reset-step'].includes(word);
    const was = changes && !!this.findStranded(this.context());
    if (['hint', 'solution', 'check', 'status'].includes(word)) {
      const now = this.stranded();
      if (now) return { text: this.strandedReply(word, now), stranded: now, completed: [] };
    }
    const r = await this.handle(raw);
    const now = changes ? this.stranded() : undefined;
    if (!now) return r;
    const notice = renderStranded(now, this.steps(), effectiveSetup(this.lab, this.variant).keys, this.p.step, !was);
    // The notice replaces the "checks still open" line: those checks can no longer pass.
    return { ...r, text: r.text.replace(/^ {2}· \d+ checks? still open.*\n/m, '') + notice, stranded: now };
  }

  /** hint, solution, check and status once the lab cannot be finished: the way back, never a command that must fail. */
  private strandedReply(word: string, s: Stranded): string {
    const notice = renderStranded(s, this.steps(), effectiveSetup(this.lab, this.variant).keys, this.p.step, true).replace(/^\n/, '');
    if (word === 'status') return renderStatus(this, false) + notice;
    return word === 'solution' ? notice + wayBack(s, (this.step()?.solution ?? []).map((l) => expandVars(l, this.p.vars))) : notice;
  }

  /** Every step with the drawn variant's replacements. */
  private steps(): Step[] {
    return this.lab.steps.map((_, i) => this.step(i)!);
  }

  private async handle(raw: string): Promise<Reply> {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return { text: '', completed: [] };
    const [word, ...rest] = line.split(/\s+/);
    switch (word) {
      case 'aws': {
        const r = await this.aws(line, this.p.profile, true);
        this.p.attempts++;
        const done = this.advance();
        return { text: r.text + this.afterCommand(done), exitCode: r.exitCode, completed: done };
      }
      case 'check': {
        const done = this.advance();
        if (done.length) return { text: this.afterCommand(done), completed: done };
        return { text: this.done ? 'All steps are complete.\n' : renderStatus(this, true), completed: [] };
      }
      case 'hint':
        return { text: this.hint(), completed: [] };
      case 'solution': {
        const s = this.step();
        return { text: s ? `Reference solution for "${s.title}":\n${s.solution.map((l) => `  ${expandVars(l, this.p.vars)}`).join('\n')}\n` : 'All steps are complete.\n', completed: [] };
      }
      case 'status':
        return { text: renderStatus(this, false), completed: [] };
      case 'steps':
        return { text: renderSteps(this), completed: [] };
      case 'vars':
        return { text: Object.entries(this.p.vars).map(([k, v]) => `$${k} = ${v}`).join('\n') + `\nFiles: ${Object.keys(this.p.files).join(', ') || 'none'}\n`, completed: [] };
      case 'clock': {
        const usage = `usage: clock advance <n>d|h|m|s (for example: clock advance 8d; ${CLOCK_LIMITS_TEXT})\n`;
        if (rest[0] !== 'advance' || !rest[1] || rest.length > 2) return { text: usage, exitCode: EXIT.USAGE, completed: [] };
        const d = parseDuration(rest[1]);
        if (!d.ok) return { text: `clock advance: ${d.problem}\n${usage}`, exitCode: EXIT.USAGE, completed: [] };
        const problem = advanceProblem(this.world.now(), d.value);
        if (problem) return { text: `clock advance: ${problem}\n`, exitCode: EXIT.USAGE, completed: [] };
        this.world.advance(d.value);
        const done = this.advance();
        return { text: `Simulated time is now ${new Date(this.world.now()).toISOString()}.\n${this.afterCommand(done)}`, completed: done };
      }
      case 'profile': {
        const profiles = effectiveSetup(this.lab, this.variant).profiles;
        if (!rest[0]) return { text: `Profile: ${this.p.profile}. Profiles: ${Object.keys(profiles).join(', ')}\n`, completed: [] };
        if (!profiles[rest[0]]) return { text: `unknown profile "${rest[0]}"; profiles: ${Object.keys(profiles).join(', ')}\n`, exitCode: EXIT.USAGE, completed: [] };
        this.p.profile = rest[0];
        return { text: `Now acting as ${rest[0]} (${profiles[rest[0]].principal}).\n`, completed: [] };
      }
      case 'wrap-key-material': {
        const rnd = new SeededRandom(`lab-wrap:${this.lab.id}:${this.p.seed}:${this.p.attempts}:${Object.keys(this.p.files).length}`);
        const r = wrapCommand(rest, this.p.files, (n) => rnd.bytes(n));
        return { text: r.text, exitCode: r.exitCode, completed: [] };
      }
      case 'load': {
        const o = parseLoadArgs(rest.map((a) => expandVars(a, this.p.vars)));
        if (typeof o === 'string') return { text: o, exitCode: EXIT.USAGE, completed: [] };
        let caller: Caller;
        try {
          caller = this.callerFor(this.p.profile);
        } catch (e) {
          return { text: `${(e as Error).message}\n`, exitCode: EXIT.USAGE, completed: [] };
        }
        const rnd = new SeededRandom(`lab-load:${this.lab.id}:${this.p.seed}:${this.p.attempts}:${this.world.now()}`);
        this.p.lastLoad = runLoad(this.world.kms, caller, o, rnd);
        this.p.attempts++;
        const done = this.advance();
        return { text: renderLoad(this.p.lastLoad) + this.afterCommand(done), completed: done };
      }
      case 'answer':
        return this.answer(rest);
      case 'reset-step':
        this.world = this.load(this.p.snapshot.engine, `lab-sim:${this.lab.id}:${this.p.seed}:reset:${this.p.attempts}`);
        this.p.files = { ...this.p.snapshot.files };
        this.p.log = this.p.log.slice(0, this.p.snapshot.log);
        this.p.profile = this.p.snapshot.profile;
        if (this.p.snapshot.vars) this.p.vars = { ...this.p.snapshot.vars };
        return { text: `Step reset: the simulator is back where "${this.step()?.title ?? 'this step'}" started.\n`, completed: [] };
      case 'restart':
        return { text: 'Starting the lab over.\n', action: 'restart', completed: [] };
      case 'quit':
      case 'exit':
        return { text: '', action: 'quit', completed: [] };
      case 'help':
        return { text: META_HELP, completed: [] };
      case 'clear':
        return { text: '', action: 'clear', completed: [] };
      default: {
        const near = metaSuggestion(word);
        const text = near ? `unknown command ${word}; did you mean ${near}?\n` : `unknown command "${word}": type an aws command (aws kms ...) or help\n`;
        return { text, exitCode: EXIT.USAGE, completed: [] };
      }
    }
  }

  private hint(): string {
    const s = this.step();
    if (!s) return 'All steps are complete.\n';
    const results = this.checkResults();
    const open = results.find((c) => !c.ok);
    // Once some checks pass, the hint says which one it is about.
    const about = open && results.some((c) => c.ok) ? `Still open: ${open.message}\n` : '';
    const next = nextHintIndex(s.hints.length, results, this.p.hintsShown[s.id] ?? 0);
    if (next === undefined) return `${about}No more hints for this step. Type "solution" to see the reference solution.\n`;
    this.p.hintsShown[s.id] = next + 1;
    this.p.hintsUsed++;
    return `${about}Hint ${next + 1} of ${s.hints.length}: ${expandVars(s.hints[next], this.p.vars)}\n`;
  }

  private answer(args: string[]): Reply {
    const open = this.lab.questions.filter((q) => this.p.answers[`${q.id}:correct`] !== 'yes');
    const named = args.length >= 2 ? this.lab.questions.find((q) => q.id === args[0]) : undefined;
    const q = named ?? open[0];
    const choice = (named ? args[1] : args[0])?.toUpperCase();
    if (!q) return { text: 'There is no question to answer.\n', completed: [] };
    if (!choice || !(choice in q.options))
      return { text: `${q.text}\n${Object.entries(q.options).map(([k, v]) => `  ${k}. ${v}`).join('\n')}\nAnswer with: answer ${q.id} <letter>\n`, completed: [] };
    this.p.answers[q.id] = choice;
    // A variant (a different root cause) may change which choice is right.
    const right = choice === (this.variant?.answer?.[q.id] ?? q.answer);
    if (right) this.p.answers[`${q.id}:correct`] = 'yes';
    const done = this.advance();
    return { text: `${right ? '✓ Right.' : '✗ Not that one.'} ${right ? q.why : 'Look again at what the evidence shows, and try another letter.'}\n${this.afterCommand(done)}`, completed: done };
  }

  /** Run an aws line as a profile; log it. Supports `| base64 --decode > FILE` and `> FILE` at the end. */
  private async aws(raw: string, profile: string, log: boolean): Promise<{ text: string; exitCode: number }> {
    const r = await runAwsLine(this.world, raw, { vars: this.p.vars, files: this.p.files, readFile: this.io.readFile, callerFor: (g) => this.callerFor(profile, g) });
    const parsed = r.parsed;
    if (log && parsed && !parsed.help) {
      const code = /An error occurred \((\w+)\)/.exec(r.stderr)?.[1];
      // A --profile option on the line runs the call as that profile, so the log (and `profile` checks) must say so.
      this.p.log.push({ line: raw, expanded: r.expanded, service: parsed.service, operation: parsed.operation, profile: parsed.globals.profile ?? profile, outcome: r.exitCode === EXIT.OK ? 'success' : code ?? `exit ${r.exitCode}`, at: this.world.now(), request: loggableRequest(parsed.request) as Record<string, unknown> });
    }
    if (r.exitCode === EXIT.OK && parsed) Object.assign(this.p.vars, capturedVars(parsed.operation, this.world.kms, this.context()), capturedS3Vars(parsed.operation, r.stdout));
    return { text: r.text, exitCode: r.exitCode };
  }

  /** Complete the current step (and following ones) while all their checks pass. */
  private advance(): string[] {
    const done: string[] = [];
    while (!this.done && this.checkResults().every((c) => c.ok)) {
      done.push(this.lab.steps[this.p.step].id);
      this.p.step++;
      this.p.engine = this.world.toJSON();
      this.p.snapshot = { engine: this.p.engine, files: { ...this.p.files }, log: this.p.log.length, profile: this.p.profile, vars: { ...this.p.vars } };
      if (this.done && this.p.finishedAt === undefined) this.p.finishedAt = this.io.wallNow();
    }
    return done;
  }

  private afterCommand(done: string[]): string {
    if (!done.length) {
      const failing = this.checkResults().filter((c) => !c.ok);
      return failing.length && this.p.log.length ? `  · ${failing.length} check${failing.length > 1 ? 's' : ''} still open for this step (type check to see them)\n` : '';
    }
    const out: string[] = [];
    for (const id of done) {
      const i = this.lab.steps.findIndex((s) => s.id === id);
      const s = this.step(i)!;
      const cause = this.variant && i === this.classifyingStep ? `  Cause in this run: ${this.variant.title}\n` : '';
      out.push(`\n✓ Step ${i + 1} complete: ${s.title}\n  ${s.explain}\n${cause}`);
    }
    out.push(this.done ? `\n★ Lab complete: ${this.lab.title}\n` : `\n${renderStep(this)}`);
    return out.join('');
  }
}

