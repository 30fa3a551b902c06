// Study notes as data: one YAML file per topic, validated like banks and labs (file:line:column errors).
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { controlCharacterProblems } from '../text/yaml-controls.js';
import { ContentError } from '../errors.js';
import { EXAM_TIPS, LAB_IDS, SCENARIOS, TOPICS, type ExamTipId, type LabId, type ScenarioId, type TopicId } from '../content/taxonomy.js';

export interface NoteSection {
  heading: string;
  points: string[];
}
export interface NoteChange {
  was: string;
  now: string;
  when: string;
}
export interface Note {
  file: string;
  topic: TopicId;
  title: string;
  tips: ExamTipId[];
  scenarios: ScenarioId[];
  summary: string;
  sections: NoteSection[];
  changed: NoteChange[];
  traps: string[];
  labs: LabId[];
  sources: string[];
  verified: string;
}

const KNOWN_KEYS = ['topic', 'title', 'tips', 'scenarios', 'summary', 'sections', 'changed', 'traps', 'labs', 'sources', 'verified'];

/** Parse one note. `today` (YYYY-MM-DD) bounds `verified`. */
export function parseNote(text: string, file: string, today: string): { note?: Note; errors: ContentError[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
  const errors: ContentError[] = [];
  const at = (node: Node | null | undefined, what: string) => {
    const off = node?.range?.[0] ?? 0;
    const { line, col } = lc.linePos(off);
    errors.push(new ContentError(file, line, col, what));
  };
  for (const e of doc.errors) {
    const { line, col } = lc.linePos(e.pos[0]);
    errors.push(new ContentError(file, line, col, e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')));
  }
  if (!errors.length) for (const p of controlCharacterProblems(doc, lc)) errors.push(new ContentError(file, p.line, p.column, p.what));
  if (errors.length) return { errors };
  const root = doc.contents;
  if (!isMap(root)) {
    at(root, 'expected a mapping with topic, title, summary, sections, sources and verified');
    return { errors };
  }
  const node = (key: string) => root.get(key, true) as Node | undefined;
  const str = (key: string, required = true): string => {
    const v: unknown = root.get(key);
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (required) at(node(key) ?? root, `expected "${key}" to be a non-empty string`);
    return '';
  };
  const list = (key: string, allowed?: readonly string[]): string[] => {
    const n = node(key);
    if (n === undefined) return [];
    if (!isSeq(n)) {
      at(n, `expected "${key}" to be a list`);
      return [];
    }
    const out: string[] = [];
    for (const item of n.items) {
      const v: unknown = (item as { value?: unknown }).value;
      if (typeof v !== 'string' || !v.trim()) at(item as Node, `expected "${key}" items to be non-empty strings`);
      else if (allowed && !allowed.includes(v)) at(item as Node, `unknown ${key.replace(/s$/, '')} "${v}"; expected one of: ${allowed.join(', ')}`);
      else out.push(v);
    }
    return out;
  };
  for (const pair of root.items) {
    const k = String((pair.key as { value?: unknown })?.value);
    if (!KNOWN_KEYS.includes(k)) at(pair.key as Node, `unknown field "${k}"; expected one of: ${KNOWN_KEYS.join(', ')}`);
  }
  const topic = str('topic');
  if (topic && !(topic in TOPICS)) at(node('topic'), `unknown topic "${topic}"; expected one of: ${Object.keys(TOPICS).join(', ')}`);
  const base = file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');
  if (topic && topic in TOPICS && base !== topic) at(node('topic'), `topic "${topic}" does not match the file name "${base}.yaml"`);
  const tips = list('tips', Object.keys(EXAM_TIPS));
  const scenarios = list('scenarios', Object.keys(SCENARIOS));
  if (!tips.length && !scenarios.length) at(root, 'expected at least one exam tip in "tips" or one scenario in "scenarios"');
  const sections: NoteSection[] = [];
  const secNode = node('sections');
  if (!isSeq(secNode) || secNode.items.length === 0) at(secNode ?? root, 'expected "sections" to be a non-empty list of {heading, points}');
  else
    for (const s of secNode.items) {
      if (!isMap(s)) {
        at(s as Node, 'expected a section with "heading" and "points"');
        continue;
      }
      const heading = s.get('heading');
      const points = s.get('points', true) as Node | undefined;
      if (typeof heading !== 'string' || !heading.trim()) at(s, 'expected the section to have a non-empty "heading"');
      if (!isSeq(points) || points.items.length === 0) at(points ?? s, 'expected "points" to be a non-empty list of strings');
      else {
        const ps = points.items.map((p) => (p as { value?: unknown }).value);
        ps.forEach((p, i) => typeof p !== 'string' && at(points.items[i] as Node, 'expected each point to be a string'));
        sections.push({ heading: String(heading ?? ''), points: ps.filter((p): p is string => typeof p === 'string') });
      }
    }
  const changed: NoteChange[] = [];
  const chNode = node('changed');
  if (chNode !== undefined) {
    if (!isSeq(chNode)) at(chNode, 'expected "changed" to be a list of {was, now, when}');
    else
      for (const c of chNode.items) {
        const m = isMap(c) ? { was: c.get('was'), now: c.get('now'), when: c.get('when') } : undefined;
        if (!m || [m.was, m.now, m.when].some((v) => typeof v !== 'string' || !String(v).trim()))
          at(c as Node, 'expected each change to have "was", "now" and "when" strings');
        else changed.push(m as NoteChange);
      }
  }
  const sources = list('sources');
  if (!sources.length) at(node('sources') ?? root, 'expected at least one source URL in "sources"');
  sources.forEach((u, i) => {
    if (!/^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\//.test(u))
      at((node('sources') as { items: Node[] }).items[i], `expected an AWS documentation URL (https://docs.aws.amazon.com/... or https://aws.amazon.com/...), got "${u}"`);
  });
  const verifiedRaw = root.get('verified');
  const verified = verifiedRaw instanceof Date ? verifiedRaw.toISOString().slice(0, 10) : String(verifiedRaw ?? '');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(verified) || Number.isNaN(Date.parse(verified))) at(node('verified') ?? root, 'expected "verified" to be a date YYYY-MM-DD');
  else if (verified > today) at(node('verified'), `"verified" date ${verified} is in the future`);
  const note: Note = {
    file,
    topic: topic as TopicId,
    title: str('title'),
    tips: tips as ExamTipId[],
    scenarios: scenarios as ScenarioId[],
    summary: str('summary'),
    sections,
    changed,
    traps: list('traps'),
    labs: list('labs', LAB_IDS) as LabId[],
    sources,
    verified,
  };
  // The old term may be quoted where a note explains the change of name ("was"), nowhere else.
  const body = JSON.stringify({ ...note, changed: note.changed.map((c) => ({ ...c, was: '' })) });
  if (/\bCMKs?\b/.test(body.replace(/KMS CMK (Rotation|Deletion)|CustomerMasterKeySpec/g, '')))
    at(root, 'say "KMS key" or "customer managed key", not "CMK"');
  return errors.length ? { errors } : { note, errors };
}
