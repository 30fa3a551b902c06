// Turns notes into terminal text, a one-page cheat sheet of the ten exam tips, and printable Markdown.
import { EXAM_TIPS, SCENARIOS, TOPICS, type ExamTipId } from '../content/taxonomy.js';
import type { Note } from './note.js';
import { fit } from '../text/wrap.js';

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

/** Every exam tip on one page, with the corrections and traps of the notes that carry it. */
export function cheatsheet(notes: Note[], st: Style, width = 100): string {
  const out: string[] = [st.title('KMS exam tips — cheat sheet (SOA-C03)'), ''];
  for (const tip of Object.keys(EXAM_TIPS) as ExamTipId[]) {
    const carriers = notes.filter((n) => n.tips.includes(tip));
    out.push(st.heading(wrap(EXAM_TIPS[tip], width, '   ', '')));
    for (const n of carriers) {
      for (const c of n.changed) out.push(wrap(`${st.warn('changed')} ${inline(c.now, st)} ${st.dim(`(was: ${c.was}; ${c.when})`)}`, width, '      ', '   • '));
      for (const t of n.traps.slice(0, 2)) out.push(wrap(inline(t, st), width, '      ', '   ! '));
    }
    const labs = [...new Set(carriers.flatMap((n) => n.labs))];
    out.push(st.dim(`   quiz --tip ${tip}${labs.length ? ` · lab ${labs.join(', ')}` : ''} · notes: ${carriers.map((n) => n.topic).join(', ') || 'none'}`), '');
  }
  return out.join('\n');
}

/** The notes and the cheat sheet as one printable Markdown document. */
export function notesMarkdown(notes: Note[]): string {
  const md: string[] = ['# KMS study notes (SOA-C03)', '', '## Cheat sheet: the ten exam tips', ''];
  for (const tip of Object.keys(EXAM_TIPS) as ExamTipId[]) {
    md.push(`- **${EXAM_TIPS[tip]}**`);
    for (const n of notes.filter((x) => x.tips.includes(tip))) for (const c of n.changed) md.push(`  - Changed ${c.when}: ${c.now} (was: ${c.was})`);
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
      for (const c of n.changed) md.push(`- ${c.when}: ${c.now} (was: ${c.was})`);
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
