// A one-line letter menu for a terminal: the options are printed in full above it (any width), and the menu
// holds only the letters, so nothing is ever cut. Keys: a letter picks (toggles when choosing several),
// arrows move, space toggles, `?` marks the answer as guessed, Enter answers, Ctrl-C stops.
import { emitKeypressEvents } from 'node:readline';

export interface MenuInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

export interface LetterMenuOptions {
  input: MenuInput;
  write(text: string): void;
  /** Display letters offered, in order (A, B, C, D...). */
  letters: string[];
  /** How many to choose: 1 is a single answer (the cursor is the choice). */
  choose: number;
  /** Ends the menu without an answer: 'time-up' or 'interrupted' (rejects with this reason). */
  signal?: AbortSignal;
}

export class MenuStop extends Error {
  override readonly name = 'MenuStop';
  constructor(readonly reason: 'interrupted' | 'time-up') {
    super(reason);
  }
}

interface Key {
  name?: string;
  ctrl?: boolean;
  sequence?: string;
}

/** The menu's line for the current state; at most 4 columns a letter plus 24, so 5 options take 44. */
export function menuLine(letters: string[], cursor: number, picked: ReadonlySet<string>, guessed: boolean, choose: number): string {
  const cells = letters.map((l, i) => `${i === cursor ? '›' : ' '}${picked.has(l) ? `[${l}]` : ` ${l} `}`).join('');
  return `${choose === 1 ? 'Answer' : `Pick ${choose}`} ${cells}  ${guessed ? '[? guessed]' : '(? = guessed)'}`;
}

/** Resolves with the answer text the quiz parses: `B`, `A,C`, `B?` (guessed). */
export function letterMenu(o: LetterMenuOptions): Promise<string> {
  const { input, write, letters, choose } = o;
  let cursor = 0;
  const picked = new Set<string>(choose === 1 ? [letters[0]] : []);
  let guessed = false;
  const draw = () => write(`\r\x1b[2K${menuLine(letters, cursor, picked, guessed, choose)}`);
  return new Promise<string>((resolve, reject) => {
    const done = (err: Error | undefined, answer = '') => {
      input.off('keypress', onKey);
      o.signal?.removeEventListener('abort', onAbort);
      input.setRawMode?.(false);
      input.pause();
      if (err) {
        write('\n');
        reject(err);
      } else {
        write(`\r\x1b[2K${choose === 1 ? 'Answer' : 'Answers'}: ${answer.replace('?', '')}${guessed ? ' (guessed)' : ''}\n`);
        resolve(answer);
      }
    };
    const onAbort = () => done(new MenuStop(o.signal?.reason === 'interrupted' ? 'interrupted' : 'time-up'));
    const move = (to: number) => {
      cursor = (to + letters.length) % letters.length;
      if (choose === 1) {
        picked.clear();
        picked.add(letters[cursor]);
      }
    };
    const toggle = (l: string) => void (picked.has(l) ? picked.delete(l) : picked.add(l));
    const onKey = (s: string | undefined, key: Key = {}) => {
      const ch = s ?? key.sequence ?? '';
      if (key.ctrl && key.name === 'c') return done(new MenuStop('interrupted'));
      if (key.name === 'return' || key.name === 'enter') {
        if (picked.size !== choose) {
          write(`\r\x1b[2KChoose exactly ${choose}; you picked ${picked.size}.\n`);
          return draw();
        }
        return done(undefined, [...picked].sort().join(',') + (guessed ? '?' : ''));
      }
      if (ch === '?') guessed = !guessed;
      else if (key.name === 'up' || key.name === 'left') move(cursor - 1);
      else if (key.name === 'down' || key.name === 'right' || key.name === 'tab') move(cursor + 1);
      else if (key.name === 'space' && choose > 1) toggle(letters[cursor]);
      else if (/^[a-z]$/i.test(ch) && letters.includes(ch.toUpperCase())) {
        move(letters.indexOf(ch.toUpperCase()));
        if (choose > 1) toggle(letters[cursor]);
      } else return; // any other key: nothing changes
      draw();
    };
    if (o.signal?.aborted) return onAbort();
    o.signal?.addEventListener('abort', onAbort);
    emitKeypressEvents(input);
    input.setRawMode?.(true);
    input.on('keypress', onKey);
    input.resume();
    draw();
  });
}
