// Question text and feedback fit the terminal: wrapped at word boundaries to the width the CLI passes, with
// options' continuation lines under their text; piped output (no width) keeps the bank's own line breaks.
import { describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { menuLine } from '../../src/cli/render/letter-menu.js';
import { PLAIN } from '../../src/quiz/ports.js';
import { present } from '../../src/quiz/present.js';
import { runSession } from '../../src/quiz/session.js';
import { feedbackText, questionText } from '../../src/quiz/text.js';
import { fit } from '../../src/text/wrap.js';
import { loadBanks } from '../../src/storage/banks.js';
import { scriptedIO } from './helpers.js';

const BANKS = fileURLToPath(new URL('../../questions', import.meta.url));
const all = loadBanks([BANKS]).questions;
// The longest texts in the packaged banks, so wrapping really happens.
const longest = [...all].sort((a, b) => Math.max(...b.options.map((o) => o.why.length)) - Math.max(...a.options.map((o) => o.why.length)))[0];

describe('fit', () => {
  it('reflows a hard-wrapped paragraph to the width, with a first-line prefix and a hanging indent', () => {
    const text = 'one two three\nfour five six seven eight nine ten';
    expect(fit(text, 16, '  A. ', '     ')).toBe('  A. one two\n     three four\n     five six\n     seven eight\n     nine ten');
  });
  it('leaves text alone without a width, and keeps indented (code) paragraphs as written', () => {
    expect(fit('a\nb', undefined, '> ')).toBe('> a\nb');
    expect(fit('Policy:\n\n  { "a": 1 }\n  { "b": 2 }', 8)).toBe('Policy:\n\n  { "a": 1 }\n  { "b": 2 }');
  });
  it('keeps a word longer than the width (a URL) whole on its own line', () => {
    expect(fit('see https://docs.aws.amazon.com/kms/latest/x.html now', 20)).toBe('see\nhttps://docs.aws.amazon.com/kms/latest/x.html\nnow');
  });
});

describe('question and feedback text at a terminal width', () => {
  it('no line is wider than 60 columns except an unbreakable URL, and no word is split', () => {
    const p = present(longest, undefined);
    const out = questionText(p, 1, 1, PLAIN, true, '', 60) + feedbackText(p, ['A'], false, PLAIN, 60);
    for (const line of out.split('\n')) if (!/^\S*\s*https?:\/\/\S+$/.test(line.trim())) expect(line.length).toBeLessThanOrEqual(60);
    const words = (s: string) => s.split(/\s+/).filter(Boolean);
    for (const o of longest.options) {
      expect(words(out).join(' ')).toContain(words(o.text).join(' '));
      expect(words(out).join(' ')).toContain(words(o.why).join(' '));
    }
    expect(out).toMatch(/\n {5}\S/); // an option's continuation line is indented under its text
  });
  it('without a width (piped) the output is exactly as before: bank line breaks, options on one line', () => {
    const p = present(longest, undefined);
    const out = questionText(p, 1, 1, PLAIN, true);
    expect(out).toContain(longest.stem.trimEnd());
    for (const o of p.options) expect(out).toContain(`. ${o.text}\n`);
  });
  it('a session passes io.width through to the question and the feedback', async () => {
    const { io, output } = scriptedIO(['A']);
    await runSession('practice', [longest], {}, { ...io, width: 50 }, undefined);
    const long = output().split('\n').filter((l) => l.length > 50 && !/https?:\/\//.test(l));
    expect(long).toEqual([]);
  });
});

describe('the letter menu in a terminal', () => {
  it('holds only letters, so its line fits 60 columns even with five options, guessed and a cursor', () => {
    const line = menuLine(['A', 'B', 'C', 'D', 'E'], 4, new Set(['A', 'B', 'C', 'D', 'E']), true, 2);
    expect(line).toBe('Pick 2  [A] [B] [C] [D]›[E]  [? guessed]');
    expect(line.length).toBeLessThanOrEqual(60);
    expect(menuLine(['A', 'B', 'C', 'D'], 0, new Set(['A']), false, 1)).toBe('Answer ›[A]  B   C   D   (? = guessed)');
  });
});

describe('the "Type a letter" hint', () => {
  it('is shown with the options (typed answers and the letter menu both take letters and ?), not without them', () => {
    const p = present(longest, undefined);
    expect(questionText(p, 1, 1, PLAIN, true)).toContain('Type ');
    expect(questionText(p, 1, 1, PLAIN, false)).not.toContain('Type ');
  });
});
