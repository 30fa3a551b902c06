// Turns notes into terminal text, a one-page cheat sheet of the ten exam tips, and printable Markdown.
import { EXAM_TIPS, SCENARIOS, TOPICS, type ExamTipId } from '../content/taxonomy.js';
import type { Note } from './note.js';
import { fit, visibleLength } from '../text/wrap.js';

/** Colour hooks (chalk in the CLI, identity in tests). */
export interface Style {
  heading(s: string): string;
  title(s: string): string;
  code(s: string): string;
  dim(s: string): string;
  warn(s: string): string;
  good(s: string): string;
}
export const plainStyle: Style = { heading: (s) => s, title: (s) => s, code: (s) => s, dim: (s) => s, warn: (s) => s, good: (s) => s };

const inline = (s: string, st: Style) => s.replace(/`([^`]+)`/g, (_, c: string) => st.code(c));

/** `fit` with the continuation indent first, as the note layouts read best. */
const wrap = (text: string, width: number, indent: string, first = indent): string => fit(text, width, first, indent);

export function renderNote(note: Note, st: Style, width = 100): string {
  const out: string[] = [];
  out.push(st.title(`${note.title}`), st.dim(`Topic ${note.topic} · checked ${note.verified}`), '');
  out.push(wrap(inline(note.summary, st), width, ''), '');
  for (const s of note.sections) {
    out.push(st.heading(s.heading));
    for (const p of s.points) out.push(wrap(inline(p, st), width, '    ', '  • '));
    out.push('');
  }
  if (note.changed.length) {
    out.push(st.heading('What changed (older material still says otherwise)'));
    for (const c of note.changed) out.push(wrap(`${st.warn('Was:')} ${inline(c.was, st)} ${st.good('Now:')} ${inline(c.now, st)} ${st.dim(`(${c.when})`)}`, width, '    ', '  • '));
    out.push('');
  }
  if (note.traps.length) {
    out.push(st.heading('Exam traps'));
    for (const t of note.traps) out.push(wrap(inline(t, st), width, '    ', '  ! '));
    out.push('');
  }
  out.push(st.heading('Exam tips in this note'));
  for (const t of note.tips) out.push(wrap(EXAM_TIPS[t], width, '    ', '  - '));
  for (const s of note.scenarios) out.push(wrap(`Scenario: ${SCENARIOS[s]}`, width, '    ', '  - '));
  out.push('', st.heading('Sources'));
  for (const u of note.sources) out.push(`  ${st.dim(u)}`);
  out.push('', `Drill these tips: ${st.code(`kms-study quiz --topic ${note.topic}`)}`);
  for (const l of note.labs) out.push(`Try it: ${st.code(`kms-study lab ${l}`)}`);
  return out.join('\n') + '\n';
}

/**
 * A correction's "was" as a sentence: "Until June 2025: <what older material says>.", "Often misread as:
 * <...> (a common misreading).", or "Earlier (the list has grown ...): <...>.".
 */
export function wasSentence(c: { was: string; when: string }): string {
  const was = c.was.replace(/[.;,]\s*$/, '');
  const always = /^always\b\s*(?:\((.*)\))?$/.exec(c.when);
  if (always) return `Often misread as: ${was}${always[1] ? ` (${always[1]})` : ''}.`;
  if (/^((January|February|March|April|May|June|July|August|September|October|November|December) )?\d{4}$/.test(c.when)) return `Until ${c.when}: ${was}.`;
  return `Earlier (${c.when}): ${was}.`;
}

/** One tip's block: the tip and the corrections of the notes whose main tip it is. */
function tipBlock(tip: ExamTipId, notes: Note[], st: Style, width: number): string[] {
  const out = [st.heading(wrap(EXAM_TIPS[tip], width, '   ', ''))];
  for (const x of notes.filter((y) => y.tips[0] === tip))
    for (const c of x.changed) out.push(wrap(`${st.good('Now:')} ${inline(c.now, st)} ${st.dim(wasSentence(c))}`, width, '     ', '   • '));
  const lines = out.flatMap((l) => l.split('\n'));
  return lines;
}

/**
 * The ten exam tips on one printed page, with what changed since older material: one column of at most
 * about 60 lines at 80 columns, two columns side by side from 120 columns.
 */
export function cheatsheet(notes: Note[], st: Style, width = 100): string {
  const tips = Object.keys(EXAM_TIPS) as ExamTipId[];
  const title = [st.title('KMS exam tips — cheat sheet (SOA-C03)'), ''];
  const footer = ['', st.dim(wrap('Drill a tip: kms-study quiz --tip <id> (quiz --help lists the ids); notes and labs: kms-study learn <topic>.', width, '', ''))];
  if (width < 120) return [...title, ...tips.flatMap((t) => tipBlock(t, notes, st, width)), ...footer].join('\n') + '\n';
  const colW = Math.floor((width - 3) / 2);
  const blocks = tips.map((t) => tipBlock(t, notes, st, colW));
  // Split where the two columns come out closest in length.
  const total = blocks.reduce((a, b) => a + b.length, 0);
  let cut = 0;
  for (let acc = 0; cut < blocks.length && acc + blocks[cut].length <= total / 2; cut++) acc += blocks[cut].length;
  const left = blocks.slice(0, Math.max(cut, 1)).flat();
  const right = blocks.slice(Math.max(cut, 1)).flat();
  const rows = Array.from({ length: Math.max(left.length, right.length) }, (_, i) => {
    const l = left[i] ?? '';
    return `${l}${' '.repeat(Math.max(0, colW - visibleLength(l)))}   ${right[i] ?? ''}`.trimEnd();
  });
  return [...title, ...rows, ...footer].join('\n') + '\n';
}

/** The notes and the cheat sheet as one printable Markdown document. */
export function notesMarkdown(notes: Note[]): string {
  const md: string[] = ['# KMS study notes (SOA-C03)', '', '## Cheat sheet: the ten exam tips', ''];
  for (const tip of Object.keys(EXAM_TIPS) as ExamTipId[]) {
    md.push(`- **${EXAM_TIPS[tip]}**`);
    for (const n of notes.filter((x) => x.tips.includes(tip))) for (const c of n.changed) md.push(`  - ${c.now} ${wasSentence(c)}`);
  }
  for (const n of notes) {
    md.push('', `## ${n.title}`, '', `*${TOPICS[n.topic]} · checked ${n.verified}*`, '', n.summary, '');
    for (const s of n.sections) {
      md.push(`### ${s.heading}`, '');
      for (const p of s.points) md.push(`- ${p}`);
      md.push('');
    }
    if (n.changed.length) {
      md.push('### What changed', '');
      for (const c of n.changed) md.push(`- ${c.now} ${wasSentence(c)}`);
      md.push('');
    }
    if (n.traps.length) {
      md.push('### Exam traps', '');
      for (const t of n.traps) md.push(`- ${t}`);
      md.push('');
    }
    md.push('Sources: ' + n.sources.map((u) => `<${u}>`).join(', '), '');
    md.push(`Practise: \`kms-study quiz --topic ${n.topic}\`${n.labs.map((l) => `, \`kms-study lab ${l}\``).join('')}`);
  }
  return md.join('\n') + '\n';
}
