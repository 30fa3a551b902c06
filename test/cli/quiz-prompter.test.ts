// The terminal prompter's letter menu and inquirer prompts; keypresses are emitted on a fake input stream
// the way @inquirer/testing does it.
import { describe, expect, it } from '@jest/globals';
import { PassThrough, Readable } from 'node:stream';
import { InquirerPrompter, LinePrompter, ScriptedPrompter } from '../../src/cli/prompter.js';
import { QuizStop, type AskView } from '../../src/quiz/ports.js';
import { waitFor } from '../helpers/wait.js';

function terminal() {
  const input = new PassThrough() as PassThrough & { isTTY: boolean; setRawMode: () => void };
  input.isTTY = true;
  input.setRawMode = () => undefined;
  const output = new PassThrough();
  // Like process.stdout, the terminal outlives each prompt: inquirer pipes every prompt into it and ends the pipe
  // when the prompt is done, which would otherwise end this stream and hide the next prompt.
  output.end = (() => output) as typeof output.end;
  let screen = '';
  output.on('data', (d: Buffer) => (screen += d.toString()));
  const key = (name: string, extra: Record<string, unknown> = {}) => input.emit('keypress', null, { name, ...extra });
  // A prompt listens for keys from the moment it has drawn itself (inquirer registers its key handlers right
  // after rendering), so the tests wait until the text they expect is on the screen.
  const shows = (text: string) => waitFor(() => screen.includes(text), `the screen to show ${JSON.stringify(text)}`);
  return { input, output, key, shows, screen: () => screen };
}

const view = (over: Partial<AskView> = {}): AskView => ({
  mode: 'practice', number: 1, total: 2, stem: 'S', type: 'single', choose: 1,
  options: [{ letter: 'A', text: 'first' }, { letter: 'B', text: 'second' }, { letter: 'C', text: 'third' }, { letter: 'D', text: 'fourth' }],
  ...over,
});

describe('InquirerPrompter (the letter menu on a terminal)', () => {
  it('single: the cursor is the choice; arrow down, ? marks it guessed, Enter answers', async () => {
    const t = terminal();
    let out = '';
    const p = new InquirerPrompter(() => 0, (s) => void (out += s), { input: t.input });
    const answer = p.answer(view());
    await waitFor(() => out.includes('Answer ›[A]'), 'the menu');
    t.key('down');
    t.input.write('?');
    await waitFor(() => out.includes('[? guessed]'), 'the guess mark');
    t.key('return');
    expect(await answer).toBe('B?');
    expect(out).toContain('Answer: B (guessed)');
    expect(out).not.toContain('Did you guess');
  });

  it('single: a letter key picks that option; no guess asked when ? was not pressed', async () => {
    const t = terminal();
    let out = '';
    const p = new InquirerPrompter(() => 0, (s) => void (out += s), { input: t.input });
    const answer = p.answer(view());
    await waitFor(() => out.includes('Answer ›[A]'), 'the menu');
    t.input.write('d');
    await waitFor(() => out.includes('›[D]'), 'D picked');
    t.key('return');
    expect(await answer).toBe('D');
  });

  it('multiple: letters toggle, Enter with the wrong count says so and waits', async () => {
    const t = terminal();
    let out = '';
    const p = new InquirerPrompter(() => 0, (s) => void (out += s), { input: t.input });
    const answer = p.answer(view({ type: 'multiple', choose: 2, options: [...view().options, { letter: 'E', text: 'fifth' }] }));
    await waitFor(() => out.includes('Pick 2'), 'the menu');
    t.input.write('a');
    await waitFor(() => out.includes('[A]'), 'A picked');
    t.key('return');
    await waitFor(() => out.includes('Choose exactly 2; you picked 1.'), 'the count message');
    t.key('down');
    t.key('space'); // the cursor went from A to B: toggles B on
    t.input.write('b'); // and off again
    t.input.write('e');
    await waitFor(() => out.includes('›[E]'), 'E picked');
    t.key('return');
    expect(await answer).toBe('A,E');
  });

  it('Ctrl-C becomes a QuizStop("interrupted"); close() ends a pending menu the same way', async () => {
    const t = terminal();
    let out = '';
    const p = new InquirerPrompter(() => 0, (s) => void (out += s), { input: t.input });
    const answer = p.answer(view());
    await waitFor(() => out.includes('Answer'), 'the menu');
    t.input.emit('keypress', null, { name: 'c', ctrl: true });
    await expect(answer).rejects.toEqual(new QuizStop('interrupted'));
    const again = p.answer(view());
    await waitFor(() => (out.match(/Answer ›/g) ?? []).length === 2, 'the second menu');
    p.close();
    await expect(again).rejects.toEqual(new QuizStop('interrupted'));
    await expect(p.answer(view())).rejects.toEqual(new QuizStop('interrupted'));
  });

  it('a deadline that has passed ends the menu as time-up', async () => {
    const t = terminal();
    const p = new InquirerPrompter(() => 1000, () => undefined, { input: t.input });
    await expect(p.answer(view({ deadline: 0 }))).rejects.toEqual(new QuizStop('time-up'));
  });
});

describe('LinePrompter (piped stdin)', () => {
  it('reads one answer per line, echoes it, and stops at end of input', async () => {
    let out = '';
    const p = new LinePrompter(Readable.from(['B\nA,', 'C\n']), (s) => void (out += s), () => 0);
    expect(await p.answer(view())).toBe('B');
    expect(await p.answer(view())).toBe('A,C');
    await expect(p.answer(view())).rejects.toEqual(new QuizStop('end-of-input'));
    expect(out).toBe('Answer> B\nAnswer> A,C\nAnswer> \n');
  });

  it('confirm takes y/n with a default on an empty line', async () => {
    const p = new LinePrompter(Readable.from(['\ny\nno\n']), () => undefined, () => 0);
    expect(await p.confirm('Sure?', false)).toBe(false);
    expect(await p.confirm('Sure?', false)).toBe(true);
    expect(await p.confirm('Sure?', true)).toBe(false);
  });

  it('stop() ends a pending read as interrupted; a passed deadline ends it as time-up', async () => {
    const stdin = new PassThrough();
    const p = new LinePrompter(stdin, () => undefined, () => 0);
    const pending = p.answer(view());
    p.stop('interrupted');
    await expect(pending).rejects.toEqual(new QuizStop('interrupted'));
    await expect(p.answer(view({ mode: 'exam', deadline: 0 }))).rejects.toEqual(new QuizStop('time-up'));
    p.close();
  });
});

describe('ScriptedPrompter', () => {
  it('throws on an unexpected prompt kind or an empty queue', async () => {
    const p = new ScriptedPrompter(['A']);
    await expect(p.confirm('ok?')).rejects.toThrow(/unexpected confirm prompt/);
    const q = new ScriptedPrompter([]);
    await expect(q.answer(view())).rejects.toThrow(/unexpected answer prompt \(queue empty\)/);
  });
});
