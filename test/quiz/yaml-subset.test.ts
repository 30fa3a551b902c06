import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { parseBank, parseBankFully } from '../../src/quiz/bank.js';
import { readYamlSubset } from '../../src/quiz/yaml-subset.js';
import { Rng } from '../helpers/rng.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []));
}

/** Every node's kind, value and start offset, in document order. */
function shape(n: unknown): unknown {
  if (isMap(n)) return ['map', n.range?.[0], n.items.map((p) => (isPair(p) ? [shape(p.key), shape(p.value)] : 'not a pair'))];
  if (isSeq(n)) return ['seq', n.range?.[0], n.items.map(shape)];
  if (isScalar(n)) return ['scalar', n.range?.[0], n.value];
  return ['other', n];
}

/** The subset reader agrees with the full parser wherever it answers; returns whether it answered. */
function agrees(text: string): boolean {
  const fast = readYamlSubset(text);
  if (fast === undefined) return false;
  const doc = parseDocument(text, { uniqueKeys: true });
  expect(doc.errors.map((e) => e.message)).toEqual([]);
  expect(shape(fast as Node)).toEqual(shape(doc.contents));
  return true;
}

describe('the YAML subset reader', () => {
  it("builds the library's own nodes: its type checks, get/has and toJSON answer as for the full parser's", () => {
    const text = readFileSync(join(ROOT, 'questions', 'rotation.yaml'), 'utf8');
    const fast = readYamlSubset(text)!;
    const full = parseDocument(text, { uniqueKeys: true });
    expect(isMap(fast)).toBe(true);
    const map = fast as unknown as { get(k: string, keep?: boolean): unknown; has(k: string): boolean; toJSON(): unknown };
    expect(map.has('questions')).toBe(true);
    expect(map.has('nope')).toBe(false);
    expect(map.get('topic')).toBe(full.get('topic'));
    expect(isSeq(map.get('questions', true))).toBe(true);
    expect(map.toJSON()).toEqual(full.toJS());
  });

  it('reads every shipped bank and every fixture like the full parser, and parseBank gives the same result', () => {
    const files = [...yamlFiles(join(ROOT, 'questions')), ...yamlFiles(join(ROOT, 'test/fixtures/banks'))];
    let fast = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      if (agrees(text)) fast++;
      expect(parseBank(text, f, { today: '2026-12-05' })).toEqual(parseBankFully(text, f, { today: '2026-12-05' }));
    }
    // Every shipped bank is inside the subset: the fast path is the one that runs.
    for (const f of yamlFiles(join(ROOT, 'questions'))) expect([f, readYamlSubset(readFileSync(f, 'utf8')) !== undefined]).toEqual([f, true]);
    expect(fast).toBeGreaterThan(30);
  });

  it('declines what is outside the subset instead of guessing', () => {
    const outside = [
      'a: &x 1\nb: *x\n', // anchors
      'a: 1\na: 2\n', // duplicate key (an error for the full parser)
      'a: yes: no\n',
      'a: one\n  two\n', // multi-line plain scalar
      'a: >\n  one\n    more\n', // more-indented folded line
      'a: |2\n  x\n', // indentation indicator
      'a: "x\\ty"\n', // escapes
      'a: {b: 1}\n',
      'a: [b, {c: 1}]\n',
      'a: true\n',
      'a: 1.5\n',
      'a: null\n',
      '---\na: 1\n',
      'a: 1\r\n',
      '\ta: 1\n',
      'a: "open\n  still open"\n',
      'a: x # comment\n',
      '- a\n- b\n  - c\n',
    ];
    for (const t of outside) expect([t, readYamlSubset(t)]).toEqual([t, undefined]);
  });

  it('agrees with the full parser on many seeded random documents near the subset', () => {
    const rng = new Rng('yaml-subset');
    const words = ['alpha', 'Beta two', 'x-1', '4.2.2', '12', '007', 'true', 'null', '~', 'a:b', 'it\'s', 'say "hi"', 'https://docs.aws.amazon.com/kms/', 'kms:Decrypt', '#tag', 'a #b', 'ends:', '- dash', '[x]', 'tab\there', ''];
    const scalarText = (indent: string): string => {
      const w = rng.pick(words);
      switch (rng.int(7)) {
        case 0:
          return `"${w}"`;
        case 1:
          return `'${w.replace(/'/g, "''")}'`;
        case 2:
        case 3: {
          const lines = Array.from({ length: 1 + rng.int(4) }, () => (rng.int(5) === 0 ? '' : `${rng.int(6) === 0 ? '  ' : ''}${rng.pick(words)}`));
          return `${rng.pick(['|', '|-', '>', '>-', '>+'])}\n${lines.map((l) => (l ? `${indent}  ${l}` : rng.int(3) ? '' : `${indent}  `)).join('\n')}`;
        }
        case 4:
          return `[${Array.from({ length: rng.int(4) }, () => rng.pick(['A', 'C', 'rotation', 'x-y', '1', 'true', ' b '])).join(',')}]`;
        default:
          return w;
      }
    };
    const block = (indent: string, depth: number): string => {
      const lines: string[] = [];
      const n = 1 + rng.int(4);
      if (rng.int(3) === 0 && depth > 0) {
        for (let k = 0; k < n; k++) lines.push(`${indent}- ${depth < 3 && rng.int(3) === 0 ? `k${k}: ${scalarText(`${indent}  `)}` : scalarText(`${indent}  `)}`);
      } else
        for (let k = 0; k < n; k++) {
          const key = rng.pick(['id', 'text', 'why', 'A', 'B', 'k1', 'k2', 'true', '1']);
          if (rng.int(8) === 0) lines.push(`${indent}# a comment`);
          if (depth < 3 && rng.int(3) === 0) lines.push(`${indent}${key}:\n${block(`${indent}${rng.pick(['  ', '    '])}`, depth + 1)}`);
          else lines.push(`${indent}${key}: ${scalarText(indent)}`);
        }
      return lines.join('\n');
    };
    let answered = 0;
    const total = 3000;
    for (let k = 0; k < total; k++) {
      const text = `${block('', 0)}\n`;
      const doc = parseDocument(text, { uniqueKeys: true });
      if (doc.errors.length) expect([text, readYamlSubset(text)]).toEqual([text, undefined]);
      else if (agrees(text)) answered++;
    }
    // The generator is meant to hit the subset often enough for the comparison to mean something.
    expect(answered).toBeGreaterThan(total / 10);
  });
});
