// The interactive lab shell (node:readline): a prompt showing lab, step and profile; history; tab
// completion; each line goes through the LabSession, which saves progress after every command.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { LabSession } from '../labs/session.js';
import type { CliDeps } from './io.js';
import { completeLabLine } from './lab-complete.js';
import { EXIT } from '../exit-codes.js';

/** Erase the screen and the scrollback, cursor home (what `clear` prints on an ANSI terminal). */
export const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';

export function promptFor(session: LabSession): string {
  const r = session.run;
  const step = r.done ? 'done' : `${r.stepIndex + 1}/${session.lab.steps.length}`;
  return `${session.style.cyan(`[${session.lab.id} ${step} ${r.profile}]`)} $ `;
}

export async function interactiveShell(session: LabSession, { stdin, stdout }: Pick<CliDeps, 'stdin' | 'stdout'>): Promise<number> {
  const profiles = Object.keys(session.lab.setup.profiles ?? {});
  stdout.write(session.intro() + '\n');
  const rl = createInterface({
    input: stdin as NodeJS.ReadableStream,
    output: asStream(stdout),
    terminal: true,
    historySize: 500,
    completer: (line: string) => completeLabLine(line, profiles, Object.keys(session.run.vars)),
  });
  rl.setPrompt(promptFor(session));
  rl.prompt();
  // Ctrl-C clears the line as in a shell; Ctrl-D or quit leaves (progress is already saved).
  rl.on('SIGINT', () => {
    rl.write(null, { ctrl: true, name: 'e' });
    rl.write(null, { ctrl: true, name: 'u' });
    stdout.write('^C (type quit or press Ctrl-D to leave; progress is saved)\n');
    rl.prompt();
  });
  let busy = Promise.resolve();
  let quit = false;
  await new Promise<void>((done) => {
    rl.on('line', (text) => {
      busy = busy.then(async () => {
        if (quit) return;
        const r = await session.line(text);
        if (r.action === 'clear') stdout.write(CLEAR_SCREEN);
        if (r.text) stdout.write(session.colourise(r.text) + (r.text.endsWith('\n') ? '' : '\n'));
        if (r.action === 'quit') {
          quit = true;
          rl.close();
          return;
        }
        rl.setPrompt(promptFor(session));
        rl.prompt();
      });
    });
    rl.on('close', () => void busy.then(done));
  });
  await session.save();
  stdout.write(session.run.done ? 'Lab complete.\n' : `Progress saved: step ${session.run.stepIndex + 1} of ${session.lab.steps.length}. Run the same command to resume.\n`);
  // Leaving the shell is a normal end (progress is saved); only --script and piped runs report completion in the exit code.
  return EXIT.OK;
}

/** readline needs a real stream; the injected stdout may be a plain writer. */
function asStream(out: { write(s: string): unknown }): NodeJS.WritableStream {
  if (typeof (out as { on?: unknown }).on === 'function') return out as unknown as NodeJS.WritableStream;
  return new Writable({
    write(chunk: Buffer | string, _enc, done) {
      out.write(String(chunk));
      done();
    },
  });
}
