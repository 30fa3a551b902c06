// Question banks as data: one YAML file per topic (docs/bank-format.md), validated with file:line:column
// errors taken from yaml's node ranges. Pure: text in, questions and ContentErrors out.
import type { LineCounter, Node, YAMLMap } from 'yaml';
import { isMap, isScalar, isSeq, newLineCounter, yaml } from '../text/yaml-lazy.js';
import { controlCharacterProblems } from '../text/yaml-controls.js';
import { hasControls } from '../text/terminal.js';
import { readYamlSubset } from './yaml-subset.js';
import { parseAnswer, parseOptions, parseSources, parseVerified, unknownKeys, type At } from './bank-fields.js';
import { ContentError } from '../errors.js';
import { DIFFICULTIES, EXAM_TASKS, EXAM_TIPS, LAB_IDS, SCENARIOS, TOPICS } from '../content/taxonomy.js';
import type { Difficulty, ExamTaskId, ExamTipId, LabId, ScenarioId, TopicId } from '../content/taxonomy.js';
import type { Question } from './types.js';
import { cmkProblems } from './terms.js';
export { lintQuestions } from './lint.js';

const FILE_KEYS = ['topic', 'questions'];
const QUESTION_KEYS = ['id', 'topic', 'tips', 'scenarios', 'task', 'difficulty', 'type', 'choose', 'scope', 'stem', 'options', 'answer', 'takeaway', 'changed', 'sources', 'verified', 'lab'];
const ID_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface ParseOptions {
  /** Today as YYYY-MM-DD: `verified` may not be later. Without it the future check is skipped. */
  today?: string;
}

/**
 * Parse and check one bank file. Questions with errors are left out of `questions`. Text inside the plain YAML
 * subset of yaml-subset.ts is read by the fast reader; any other text, and any file with an error, is parsed
 * again by the full yaml parser so that every error message and position is the full parser's.
 */
export function parseBank(text: string, file: string, options: ParseOptions = {}): { questions: Question[]; errors: ContentError[] } {
  const root = hasControls(text.replace(/[\n\t]/g, '')) ? undefined : readYamlSubset(text);
  if (root !== undefined) {
    const lc = newLineCounter();
    lc.addNewLine(0);
    for (let k = text.indexOf('\n'); k >= 0 && k + 1 < text.length; k = text.indexOf('\n', k + 1)) lc.addNewLine(k + 1);
    const fast = checkBank(root, text, file, lc, options);
    if (!fast.errors.length) return fast;
  }
  return parseBankFully(text, file, options);
}

/** The full yaml parser's document, its errors and control characters, then the bank rules. */
export function parseBankFully(text: string, file: string, options: ParseOptions = {}): { questions: Question[]; errors: ContentError[] } {
  const lc = newLineCounter();
  const doc = yaml().parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  const errors: ContentError[] = [];
  const pos = (offset: number) => lc.linePos(offset);
  for (const e of doc.errors) {
    const { line, col } = pos(e.pos[0]);
    errors.push(new ContentError(file, line, col, e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')));
  }
  if (!errors.length) for (const p of controlCharacterProblems(doc, lc)) errors.push(new ContentError(file, p.line, p.column, p.what));
  if (errors.length) return { questions: [], errors };
  return checkBank(doc.contents, text, file, lc, options);
}

function checkBank(root: unknown, text: string, file: string, lc: LineCounter, options: ParseOptions): { questions: Question[]; errors: ContentError[] } {
  const errors: ContentError[] = [];
  const pos = (offset: number) => lc.linePos(offset);
  const at: At = (node, what) => {
    const { line, col } = pos(node?.range?.[0] ?? 0);
    errors.push(new ContentError(file, line, col, what));
  };
  if (!isMap(root)) {
    at(root as Node, 'expected a mapping with "topic" and "questions"');
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
  const optionsNode = node('options');
  if (isMap(optionsNode))
    for (const pair of optionsNode.items) {
      const o = options.find((x) => x.letter === String((pair.key as { value?: unknown })?.value));
      const t = isMap(pair.value) ? (pair.value.get('text', true) as Node | undefined) : undefined;
      if (o && t?.range) ({ line: o.line, col: o.column } = pos(t.range[0]));
    }
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
