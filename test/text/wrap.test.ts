// Terminal prose wrapping shared by the quiz, stats, notes and the lab shell.
import { describe, expect, it } from '@jest/globals';
import { fit, proseWidth, visibleLength, wrapProse } from '../../src/text/wrap.js';

describe('text wrapping', () => {
  it('counts printed characters, not colour codes', () => {
    expect(visibleLength('\x1b[1mbold\x1b[22m')).toBe(4);
  });

  it('fits a paragraph with a prefix and a continuation indent', () => {
    expect(fit('one two three four', 9, '- ', '  ')).toBe('- one two\n  three\n  four');
    expect(fit('one two', undefined, '> ')).toBe('> one two');
  });

  it('wraps prose lines and keeps their mark, but leaves command output alone', () => {
    const prose = '  ✓ the key policy now allows the role to decrypt with this key';
    expect(wrapProse(prose, 30)).toBe('  ✓ the key policy now allows\n    the role to decrypt with\n    this key');
    const json = '    "KeyId": "1234abcd-12ab-34cd-56ef-1234567890ab", "Arn": "arn:aws:kms:us-east-1:111122223333:key/x"';
    expect(wrapProse(json, 30)).toBe(json);
    expect(wrapProse('a\tb c d e f g h i j k l m n o p q r s t u v w x y z', 10)).toContain('\t');
    expect(wrapProse(prose, undefined)).toBe(prose);
  });

  it('caps the lab width at 100 columns', () => {
    const long = Array.from({ length: 40 }, () => 'word').join(' ');
    for (const l of wrapProse(long, 300).split('\n')) expect(l.length).toBeLessThanOrEqual(100);
  });

  it('picks the quiz and stats width from the terminal', () => {
    expect(proseWidth({ isTTY: true, columns: 80 })).toBe(79);
    expect(proseWidth({ isTTY: true, columns: 200 })).toBe(100);
    expect(proseWidth({ isTTY: true, columns: 30 })).toBeUndefined();
    expect(proseWidth({ isTTY: false, columns: 80 })).toBeUndefined();
    expect(proseWidth({ isTTY: true })).toBeUndefined();
  });
});

describe('shared vocabulary folders', () => {
  it('src/content and src/text import nothing of the project but each other', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { fileURLToPath } = await import('node:url');
    const root = fileURLToPath(new URL('../../src/', import.meta.url));
    const bad: string[] = [];
    for (const dir of ['content', 'text'])
      for (const f of readdirSync(join(root, dir)).filter((n) => n.endsWith('.ts')))
        for (const m of readFileSync(join(root, dir, f), 'utf8').matchAll(/from\s+['"](\.[^'"]*)['"]/g))
          if (!/^\.\/|^\.\.\/(content|text)\//.test(m[1])) bad.push(`${dir}/${f} imports ${m[1]}`);
    expect(bad).toEqual([]);
  });
});
