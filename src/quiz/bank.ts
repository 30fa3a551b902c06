// Question banks as data: one YAML file per topic (docs/bank-format.md), validated with file:line:column
// errors taken from yaml's node ranges. Pure: text in, questions and ContentErrors out.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { ContentError } from '../errors.js';
import { DIFFICULTIES, EXAM_TASKS, EXAM_TIPS, LAB_IDS, SCENARIOS, TOPICS } from './taxonomy.js';
import type { Difficulty, ExamTaskId, ExamTipId, LabId, ScenarioId, TopicId } from './taxonomy.js';
import { LETTERS, type Letter, type Question, type QuestionOption } from './types.js';
import { cmkProblems } from './terms.js';
export { lintQuestions } from './lint.js';

const FILE_KEYS = ['topic', 'questions'];
const QUESTION_KEYS = ['id', 'topic', 'tips', 'scenarios', 'task', 'difficulty', 'type', 'choose', 'scope', 'stem', 'options', 'answer', 'takeaway', 'changed', 'sources', 'verified', 'lab'];
const ID_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface ParseOptions {
  /** Today as YYYY-MM-DD: `verified` may not be later. Without it the future check is skipped. */
  today?: string;
}

type At = (node: Node | null | undefined, what: string) => void;

/** Parse and check one bank file. Questions with errors are left out of `questions`. */
export function parseBank(text: string, file: string, options: ParseOptions = {}): { questions: Question[]; errors: ContentError[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  const errors: ContentError[] = [];
  const pos = (offset: number) => lc.linePos(offset);
  const at: At = (node, what) => {
    const { line, col } = pos(node?.range?.[0] ?? 0);
    errors.push(new ContentError(file, line, col, what));
  };
  for (const e of doc.errors) {
    const { line, col } = pos(e.pos[0]);
    errors.push(new ContentError(file, line, col, e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')));
  }
  if (errors.length) return { questions: [], errors };
  const root = doc.contents;
  if (!isMap(root)) {
    at(root, 'expected a mapping with "topic" and "questions"');
    return { questions: [], errors };
  }
  unknownKeys(root, FILE_KEYS, 'field', at);
  const fileTopic = root.get('topic');
  if (fileTopic !== undefined && (typeof fileTopic !== 'string' || !(fileTopic in TOPICS)))
    at(root.get('topic', true) as Node, `unknown topic "${String(fileTopic)}"; expected one of: ${Object.keys(TOPICS).join(', ')}`);
  const list = root.get('questions', true) as Node | undefined;
  if (!isSeq(list)) {
    at(list ?? root, 'expected "questions" to be a list of questions');
    return { questions: [], errors };
  }
  const questions: Question[] = [];
  for (const item of list.items) {
    const before = errors.length;
    if (!isMap(item)) {
      at(item as Node, 'expected a question (a mapping with id, stem, options, answer...)');
      continue;
    }
    const q = parseQuestion(item, file, typeof fileTopic === 'string' ? fileTopic : undefined, at, pos, text, options);
    if (q && errors.length === before) questions.push(q);
  }
  return { questions, errors };
}

function unknownKeys(map: YAMLMap, known: string[], what: string, at: At): void {
  for (const pair of map.items) {
    const k = String((pair.key as { value?: unknown })?.value);
    if (!known.includes(k)) at(pair.key as Node, `unknown ${what} "${k}"; expected one of: ${known.join(', ')}`);
  }
}

function parseQuestion(
  m: YAMLMap,
  file: string,
  fileTopic: string | undefined,
  at: At,
  pos: (o: number) => { line: number; col: number },
  text: string,
  opts: ParseOptions,
): Question | undefined {
  unknownKeys(m, QUESTION_KEYS, 'question field', at);
  const node = (k: string) => m.get(k, true) as Node | undefined;
  const str = (k: string, required = true): string => {
    const v: unknown = m.get(k);
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (v !== undefined || required) at(node(k) ?? m, `expected "${k}" to be a non-empty string`);
    return '';
  };
  const oneOf = <T extends string>(k: string, allowed: readonly T[], what: string, required = true): T | undefined => {
    const v = m.get(k);
    if (v === undefined && !required) return undefined;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    at(node(k) ?? m, v === undefined ? `missing "${k}"; expected one of: ${allowed.join(', ')}` : `unknown ${what} "${String(v)}"; expected one of: ${allowed.join(', ')}`);
    return undefined;
  };
  const ids = <T extends string>(k: string, allowed: readonly T[], what: string): T[] => {
    const n = node(k);
    if (n === undefined || (isScalar(n) && n.value === null)) return [];
    if (!isSeq(n)) {
      at(n, `expected "${k}" to be a list of ${what} ids`);
      return [];
    }
    const out: T[] = [];
    for (const it of n.items) {
      const v: unknown = (it as { value?: unknown }).value;
      if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) out.push(v as T);
      else at(it as Node, `unknown ${what} "${String(v)}"; expected one of: ${allowed.join(', ')}`);
    }
    return out;
  };

  const id = str('id');
  if (id && !ID_RE.test(id)) at(node('id'), `expected "id" to be lower-case letters, digits and single hyphens ([a-z0-9-]+), got "${id}"`);
  const topicRaw = m.get('topic') ?? fileTopic;
  let topic: TopicId | undefined;
  if (m.get('topic') !== undefined) topic = oneOf('topic', Object.keys(TOPICS) as TopicId[], 'topic');
  else if (typeof topicRaw === 'string' && topicRaw in TOPICS) topic = topicRaw as TopicId;
  else if (topicRaw === undefined) at(m, 'missing "topic": set it on the question or at the top of the file');
  const tips = ids<ExamTipId>('tips', Object.keys(EXAM_TIPS) as ExamTipId[], 'exam tip');
  const scenarios = ids<ScenarioId>('scenarios', Object.keys(SCENARIOS) as ScenarioId[], 'scenario');
  if (!node('tips') && !node('scenarios')) at(m, 'expected at least one exam tip ("tips") or one scenario ("scenarios")');
  else if (tips.length === 0 && scenarios.length === 0 && (node('tips') === undefined || isSeq(node('tips'))))
    at(node('tips') ?? node('scenarios') ?? m, 'expected at least one exam tip ("tips") or one scenario ("scenarios")');
  const task = oneOf<ExamTaskId>('task', Object.keys(EXAM_TASKS) as ExamTaskId[], 'exam task');
  const difficulty = oneOf<Difficulty>('difficulty', DIFFICULTIES, 'difficulty');
  const type = oneOf<'single' | 'multiple'>('type', ['single', 'multiple'], 'question type');
  const scope = oneOf<'in' | 'out'>('scope', ['in', 'out'], 'scope', false) ?? 'in';
  const stem = str('stem');
  const takeaway = str('takeaway');
  const changed = str('changed', false) || undefined;
  const lab = oneOf<LabId>('lab', LAB_IDS, 'lab', false);

  const options = parseOptions(node('options'), m, at);
  const letters = options.map((o) => o.letter);
  const answer = parseAnswer(node('answer'), m, type, letters, at);
  if (type === 'single' && options.length && options.length !== 4)
    at(node('options'), `expected exactly 4 options for a single-answer question, got ${options.length}`);
  if (type === 'multiple' && options.length && options.length < 5)
    at(node('options'), `expected at least 5 options for a multiple-response question, got ${options.length}`);
  let choose = 1;
  const chooseV = m.get('choose');
  if (type === 'multiple') {
    if (typeof chooseV !== 'number' || !Number.isInteger(chooseV)) at(node('choose') ?? m, 'expected "choose" (a whole number: how many to pick) on a multiple-response question');
    else {
      choose = chooseV;
      if (answer && chooseV !== answer.length) at(node('choose'), `expected "choose" to equal the number of answers (${answer.length}), got ${chooseV}`);
    }
    if (answer && answer.length < 2) at(node('answer'), `expected at least 2 answers on a multiple-response question, got ${answer.length}`);
  } else if (type === 'single' && chooseV !== undefined && chooseV !== 1) at(node('choose'), 'expected no "choose" (or choose: 1) on a single-answer question');

  const sources = parseSources(node('sources'), m, at);
  const verified = parseVerified(node('verified'), m, at, opts.today);

  for (const [n, value] of textNodes(m))
    for (const nth of cmkProblems(value)) {
      const src = n.range ? text.slice(n.range[0], n.range[1]) : '';
      const off = (n.range?.[0] ?? 0) + Math.max(0, nthIndex(src, 'CMK', nth));
      at({ range: [off, off, off] } as unknown as Node, '"CMK" used as a general term; write "KMS key" or "customer managed key" (CMK is allowed only inside quoted API or event names such as `KMS CMK Rotation` or CustomerMasterKeySpec)');
    }
  if (!id || !topic || !task || !difficulty || !type || !stem || !answer || !verified || !sources.length) return undefined;
  const idNode = node('id');
  const { line, col } = pos(idNode?.range?.[0] ?? m.range?.[0] ?? 0);
  return { id, file, line, column: col, topic, tips, scenarios, task, difficulty, type, choose, scope, stem, options, answer, takeaway, changed, sources, verified, lab };
}

function nthIndex(s: string, sub: string, n: number): number {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = s.indexOf(sub, i + 1);
    if (i < 0) return -1;
  }
  return i;
}

/** Every free-text node of a question (stem, takeaway, changed, option text and why). */
function textNodes(m: YAMLMap): [Node, string][] {
  const out: [Node, string][] = [];
  for (const k of ['stem', 'takeaway', 'changed']) {
    const n = m.get(k, true) as Node | undefined;
    if (isScalar(n) && typeof n.value === 'string') out.push([n, n.value]);
  }
  const opts = m.get('options', true);
  if (isMap(opts))
    for (const pair of opts.items)
      if (isMap(pair.value))
        for (const k of ['text', 'why']) {
          const n = pair.value.get(k, true) as Node | undefined;
          if (isScalar(n) && typeof n.value === 'string') out.push([n, n.value]);
        }
  return out;
}

function parseOptions(n: Node | undefined, m: YAMLMap, at: At): QuestionOption[] {
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

function parseAnswer(n: Node | undefined, m: YAMLMap, type: string | undefined, letters: Letter[], at: At): Letter[] | undefined {
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

function parseSources(n: Node | undefined, m: YAMLMap, at: At): string[] {
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

function parseVerified(n: Node | undefined, m: YAMLMap, at: At, today: string | undefined): string {
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
