// The field-level checks of a question bank entry (options, answer, sources, verified), each reporting a
// ContentError at the offending node. Used by bank.ts; pure.
import type { Node, YAMLMap } from 'yaml';
import { isMap, isSeq } from '../text/yaml-lazy.js';
import { LETTERS, type Letter, type QuestionOption } from './types.js';

export type At = (node: Node | null | undefined, what: string) => void;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function unknownKeys(map: YAMLMap, known: string[], what: string, at: At): void {
  for (const pair of map.items) {
    const k = String((pair.key as { value?: unknown })?.value);
    if (!known.includes(k)) at(pair.key as Node, `unknown ${what} "${k}"; expected one of: ${known.join(', ')}`);
  }
}

export function parseOptions(n: Node | undefined, m: YAMLMap, at: At): QuestionOption[] {
  if (!isMap(n)) {
    at(n ?? m, 'expected "options": a mapping of letters A, B, C... to { text, why }');
    return [];
  }
  const out: QuestionOption[] = [];
  n.items.forEach((pair, i) => {
    const key = String((pair.key as { value?: unknown })?.value);
    const expected = LETTERS[i];
    if (key !== expected) {
      at(pair.key as Node, expected ? `expected option letter "${expected}" (letters A–F in order), got "${key}"` : `too many options: at most ${LETTERS.length} (A–F)`);
      return;
    }
    const v = pair.value as Node | null;
    if (!isMap(v)) {
      at((v ?? pair.key) as Node, `expected option ${key} to be a mapping with "text" and "why"`);
      return;
    }
    unknownKeys(v, ['text', 'why'], `field in option ${key}`, at);
    const text = v.get('text');
    const why = v.get('why');
    if (typeof text !== 'string' || !text.trim()) at((v.get('text', true) as Node) ?? v, `expected option ${key} to have a non-empty "text"`);
    if (typeof why !== 'string' || !why.trim()) at((v.get('why', true) as Node) ?? v, `expected option ${key} to have a non-empty "why" (why it is right or wrong)`);
    if (typeof text === 'string' && typeof why === 'string') out.push({ letter: expected, text: text.trim(), why: why.trim() });
  });
  return out;
}

export function parseAnswer(n: Node | undefined, m: YAMLMap, type: string | undefined, letters: Letter[], at: At): Letter[] | undefined {
  if (n === undefined) {
    at(m, 'missing "answer": one letter (single) or a list of letters (multiple)');
    return undefined;
  }
  const items: Node[] = isSeq(n) ? (n.items as Node[]) : [n];
  if (type === 'single' && isSeq(n)) {
    at(n, 'expected "answer" to be one letter on a single-answer question, e.g. answer: B');
    return undefined;
  }
  if (type === 'multiple' && !isSeq(n)) {
    at(n, 'expected "answer" to be a list of letters on a multiple-response question, e.g. answer: [A, C]');
    return undefined;
  }
  const out: Letter[] = [];
  for (const it of items) {
    const v: unknown = (it as { value?: unknown }).value;
    if (typeof v !== 'string' || !letters.includes(v as Letter)) {
      at(it, `answer "${String(v)}" names no option; expected one of: ${letters.join(', ') || '(no valid options)'}`);
      return undefined;
    }
    if (out.includes(v as Letter)) {
      at(it, `answer "${v}" is listed twice`);
      return undefined;
    }
    out.push(v as Letter);
  }
  return out.sort();
}

export function parseSources(n: Node | undefined, m: YAMLMap, at: At): string[] {
  if (!isSeq(n) || n.items.length === 0) {
    at(n ?? m, 'expected "sources": a list of at least one AWS documentation URL');
    return [];
  }
  const out: string[] = [];
  for (const it of n.items) {
    const v: unknown = (it as { value?: unknown }).value;
    let ok = false;
    if (typeof v === 'string') {
      try {
        const u = new URL(v);
        ok = u.protocol === 'https:' && /(^|\.)(amazon\.com|aws)$/.test(u.hostname);
      } catch {
        ok = false;
      }
    }
    if (ok) out.push(v as string);
    else at(it as Node, `expected an https URL of AWS documentation (docs.aws.amazon.com or aws.amazon.com), got "${String(v)}"`);
  }
  return out;
}

export function parseVerified(n: Node | undefined, m: YAMLMap, at: At, today: string | undefined): string {
  if (n === undefined) {
    at(m, 'missing "verified": the date the facts were checked (YYYY-MM-DD)');
    return '';
  }
  const v: unknown = (n as { value?: unknown }).value;
  const s = typeof v === 'string' ? v : '';
  const mm = DATE_RE.exec(s);
  const real = mm && (() => {
    const d = new Date(Date.UTC(+mm[1], +mm[2] - 1, +mm[3]));
    return d.getUTCFullYear() === +mm[1] && d.getUTCMonth() === +mm[2] - 1 && d.getUTCDate() === +mm[3];
  })();
  if (!real) {
    at(n, `expected "verified" to be a real date YYYY-MM-DD, got "${String(v)}"`);
    return '';
  }
  if (today && s > today) {
    at(n, `expected "verified" not to be in the future (today is ${today}), got ${s}`);
    return '';
  }
  return s;
}
