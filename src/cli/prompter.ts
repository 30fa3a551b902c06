// The learner's side of a quiz, behind one interface: a letter menu on a terminal (exam input and confirmations
// through @inquirer/prompts, the only import of it, loaded lazily), one answer per line when stdin is piped,
// and a scripted queue in tests.
import type { Readable } from 'node:stream';
import { QuizStop, type AskView, type QuizPrompter } from '../quiz/ports.js';

export type Prompter = QuizPrompter;
export type { AskView } from '../quiz/ports.js';

/** Reads stdin line by line; `null` at end of input. */
export class LineReader {
  private buf = '';
  private lines: string[] = [];
  private ended = false;
  private waiting?: { resolve: (l: string | null) => void; reject: (e: Error) => void };
  private readonly onData = (chunk: string | Buffer) => {
    this.buf += chunk.toString();
    const parts = this.buf.split(/\r?\n/);
    this.buf = parts.pop() ?? '';
    this.lines.push(...parts);
    this.flush();
  };
  private readonly onEnd = () => {
    if (this.buf) this.lines.push(this.buf);
    this.buf = '';
    this.ended = true;
    this.flush();
  };
  constructor(private readonly stream: Readable) {
    stream.setEncoding?.('utf8');
    stream.on('data', this.onData);
    stream.on('end', this.onEnd);
    stream.on('error', this.onEnd);
  }
  /** Stop reading so an open stdin does not keep the process alive after the quiz. */
  close(): void {
    this.stream.off('data', this.onData);
    this.stream.off('end', this.onEnd);
    this.stream.off('error', this.onEnd);
    this.stream.pause();
  }
  private flush(): void {
    if (!this.waiting) return;
    const w = this.waiting;
    if (this.lines.length) {
      this.waiting = undefined;
      w.resolve(this.lines.shift() as string);
    } else if (this.ended) {
      this.waiting = undefined;
      w.resolve(null);
    }
  }
  read(): Promise<string | null> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.flush();
    });
  }
  /** Make the pending read (if any) fail, e.g. on Ctrl-C or when time is up. */
  abort(err: Error): void {
    const w = this.waiting;
    this.waiting = undefined;
    w?.reject(err);
  }
}

/** Non-interactive: the session prints the question; this prints a short prompt and reads one line. */
export class LinePrompter implements QuizPrompter {
  readonly showsOptions = false;
  private readonly reader: LineReader;
  constructor(
    stdin: Readable,
    private readonly write: (s: string) => void,
    private readonly now: () => number,
  ) {
    this.reader = new LineReader(stdin);
  }
  stop(reason: 'interrupted'): void {
    this.reader.abort(new QuizStop(reason));
  }
  close(): void {
    this.reader.close();
  }
  private async line(prompt: string, deadline?: number): Promise<string> {
    this.write(prompt);
    let timer: NodeJS.Timeout | undefined;
    if (deadline !== undefined) timer = setTimeout(() => this.reader.abort(new QuizStop('time-up')), Math.max(0, deadline - this.now()));
    try {
      const l = await this.reader.read();
      if (l === null) {
        this.write('\n');
        throw new QuizStop('end-of-input');
      }
      this.write(`${l}\n`); // piped input is not echoed: show it so the transcript reads well
      return l;
    } finally {
      if (timer) clearTimeout(timer);
    }
  }
  answer(view: AskView): Promise<string> {
    return this.line(view.mode === 'exam' ? 'Answer or command> ' : 'Answer> ', view.deadline);
  }
  async confirm(message: string, defaultValue: boolean): Promise<boolean> {
    const l = (await this.line(`${message} [${defaultValue ? 'Y/n' : 'y/N'}] `)).trim().toLowerCase();
    return l === '' ? defaultValue : l === 'y' || l === 'yes';
  }
}

/**
 * Interactive: the session prints every option in full (wrapped to the terminal, so nothing is cut at 60 or 80
 * columns), then a one-line letter menu takes the answer; `?` in the menu marks it guessed (no extra question).
 * Exam mode takes typed commands.
 */
export class InquirerPrompter implements QuizPrompter {
  readonly showsOptions = false;
  private pending?: AbortController;
  private closed = false;
  constructor(
    private readonly now: () => number,
    /** Where the letter menu draws (the terminal's stdout). */
    private readonly write: (s: string) => void,
    /** Streams for the prompts (tests); default: the process's terminal. */
    private readonly streams: { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream } = {},
  ) {}
  private async run<T>(f: (context: { signal?: AbortSignal; input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream }) => Promise<T>, deadline?: number): Promise<T> {
    const signal = deadline !== undefined ? AbortSignal.timeout(Math.max(0, deadline - this.now())) : undefined;
    try {
      return await f({ ...this.streams, ...(signal ? { signal } : {}) });
    } catch (e) {
      const name = (e as Error)?.name;
      if (name === 'ExitPromptError') throw new QuizStop('interrupted');
      if (name === 'AbortPromptError') throw new QuizStop('time-up');
      throw e;
    }
  }
  async answer(view: AskView): Promise<string> {
    if (view.mode === 'exam') {
      // The exam prints the options with the question (typed answers); only the input prompt is ours.
      const inq = await import('@inquirer/prompts');
      return this.run((ctx) => inq.input({ message: 'Answer (B, A,C, B?) or n/p/f/g N/r/submit' }, ctx), view.deadline);
    }
    const { letterMenu, MenuStop } = await import('./render/letter-menu.js');
    if (this.closed) throw new QuizStop('interrupted');
    const ctl = (this.pending = new AbortController());
    const timer = view.deadline !== undefined ? setTimeout(() => ctl.abort('time-up'), Math.max(0, view.deadline - this.now())) : undefined;
    try {
      return await letterMenu({ input: this.menuInput(), write: this.write, letters: view.options.map((o) => o.letter), choose: view.choose, signal: ctl.signal });
    } catch (e) {
      if (e instanceof MenuStop) throw new QuizStop(e.reason);
      throw e;
    } finally {
      if (timer) clearTimeout(timer);
      this.pending = undefined;
    }
  }
  /** The terminal's stdin, given by the command (CliDeps): the CLI never reaches for the process itself. */
  private menuInput(): NodeJS.ReadableStream {
    if (!this.streams.input) throw new Error('InquirerPrompter: the letter menu needs the input stream (streams.input)');
    return this.streams.input;
  }
  /** End a pending letter menu (the quiz was stopped from outside): the terminal leaves raw mode. */
  close(): void {
    this.closed = true;
    this.pending?.abort('interrupted');
  }
  confirm(message: string, defaultValue: boolean): Promise<boolean> {
    return this.run(async (ctx) => (await import('@inquirer/prompts')).confirm({ message, default: defaultValue }, ctx));
  }
}

export type Scripted = string | boolean | { stop: 'interrupted' | 'end-of-input' | 'time-up' };

/** Tests: answers from a queue; an unexpected prompt (wrong kind, or the queue is empty) throws. */
export class ScriptedPrompter implements QuizPrompter {
  readonly showsOptions: boolean;
  readonly asked: AskView[] = [];
  readonly confirms: string[] = [];
  constructor(
    private readonly queue: Scripted[],
    opts: { showsOptions?: boolean; onAnswer?: (view: AskView) => void } = {},
  ) {
    this.showsOptions = opts.showsOptions ?? false;
    this.onAsk = opts.onAnswer;
  }
  private readonly onAsk?: (view: AskView) => void;
  private next(kind: 'answer' | 'confirm', what: string): string | boolean {
    if (!this.queue.length) throw new Error(`ScriptedPrompter: unexpected ${kind} prompt (queue empty): ${what}`);
    const item = this.queue.shift() as Scripted;
    if (typeof item === 'object') throw new QuizStop(item.stop);
    if ((kind === 'answer') !== (typeof item === 'string')) throw new Error(`ScriptedPrompter: unexpected ${kind} prompt (next scripted item is ${JSON.stringify(item)}): ${what}`);
    return item;
  }
  async answer(view: AskView): Promise<string> {
    this.asked.push(view);
    this.onAsk?.(view);
    return this.next('answer', `question ${view.number}/${view.total}`) as string;
  }
  async confirm(message: string): Promise<boolean> {
    this.confirms.push(message);
    return this.next('confirm', message) as boolean;
  }
  /** Items left unused: a test asserts this is empty. */
  get remaining(): number {
    return this.queue.length;
  }
}
