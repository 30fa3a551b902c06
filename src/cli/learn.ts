// The learn command's work: load and validate the notes, then list, show, print the cheat sheet or Markdown.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { ContentError, UsageError } from '../errors.js';
import { cheatsheet, notesMarkdown, renderNote, type Style } from '../notes/render.js';
import { didYouMean } from '../text/suggest.js';
import { fit, visibleLength } from '../text/wrap.js';
import { TOPICS, type TopicId } from '../content/taxonomy.js';
import { writeFileAtomic } from '../storage/atomic.js';
import { loadNotes } from '../storage/notes.js';
import type { ProgramContext } from './context.js';
import { chalkFor } from './style.js';
import { readTopicMastery } from './mastery.js';
import { EXIT } from '../exit-codes.js';

export interface LearnOptions {
  cheatsheet?: boolean;
  markdown?: string | boolean;
  json?: boolean;
  pager: boolean;
}

export async function learn(topic: string | undefined, opts: LearnOptions, ctx: ProgramContext): Promise<number> {
  const { deps } = ctx;
  const today = new Date(deps.now()).toISOString().slice(0, 10);
  const { notes, errors, warnings } = loadNotes(join(deps.packageRoot, 'notes'), today);
  for (const w of warnings) deps.stderr.write(`${w}\n`);
  if (errors.length) throw errors[0] as ContentError;
  const c = chalkFor(deps, !ctx.color());
  const st: Style = { heading: c.bold.cyan, title: c.bold.underline, code: c.yellow, dim: c.dim, warn: c.red, good: c.green };
  const width = Math.min(100, Math.max(60, (deps.stdout.columns ?? 100) - 2));

  if (opts.markdown !== undefined && opts.markdown !== false) {
    const md = notesMarkdown(notes);
    if (typeof opts.markdown === 'string') {
      const path = resolve(deps.cwd, opts.markdown);
      writeFileAtomic(path, md);
      deps.stdout.write(`Wrote ${notes.length} notes and the cheat sheet to ${path}\n`);
    } else deps.stdout.write(md);
    return EXIT.OK;
  }
  if (opts.cheatsheet) {
    if (opts.json) throw new UsageError('--json prints the topic list or one topic\'s note; the cheat sheet is text (try --markdown for a file)');
    // One printed page: 80 columns in a pipe or file; on a terminal its width (two columns from 120).
    const sheetWidth = deps.stdout.isTTY && deps.stdout.columns ? Math.max(60, deps.stdout.columns - 1) : 80;
    page(cheatsheet(notes, st, sheetWidth), opts, ctx);
    return EXIT.OK;
  }
  if (topic === undefined) {
    const mastery = await readTopicMastery(ctx);
    if (opts.json) {
      const rows = notes.map((n) => ({ topic: n.topic, title: n.title, tips: n.tips, labs: n.labs, verified: n.verified, mastery: mastery[n.topic] ?? null }));
      deps.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      return EXIT.OK;
    }
    deps.stdout.write(st.title('Study notes') + st.dim('  (kms-study learn <topic>)') + '\n\n');
    const rows = notes.map((n) => {
      const m = mastery[n.topic];
      return { topic: n.topic, title: n.title, mastery: m && m.answered ? masteryBar(m.accuracy, st) + ` ${Math.round(m.accuracy * 100)}% of ${m.answered}` : st.dim('not practised yet') };
    });
    deps.stdout.write(topicList(rows, deps.stdout.isTTY ? deps.stdout.columns : undefined));
    deps.stdout.write(`\n${st.dim(fit('Also: kms-study learn --cheatsheet · kms-study learn --markdown notes.md', deps.stdout.isTTY ? deps.stdout.columns : undefined))}\n`);
    return EXIT.OK;
  }
  const note = notes.find((n) => n.topic === topic);
  if (!note) {
    throw new UsageError(`unknown topic "${topic}" (argument <topic>)${didYouMean(topic, Object.keys(TOPICS), { samePrefix: 4 })}. Topics: ${Object.keys(TOPICS).join(', ')}`);
  }
  if (opts.json) {
    const { file: _file, ...data } = note;
    const mastery = (await readTopicMastery(ctx))[note.topic] ?? null;
    deps.stdout.write(JSON.stringify({ ...data, mastery }, null, 2) + '\n');
    return EXIT.OK;
  }
  page(renderNote(note, st, width), opts, ctx);
  return EXIT.OK;
}

/**
 * The topic list: one line per topic when topic, title and mastery fit the terminal (or in a pipe), else the
 * title on a line of its own below topic and mastery. Titles are never cut.
 */
export function topicList(rows: { topic: string; title: string; mastery: string }[], width: number | undefined): string {
  const topicW = Math.max(...rows.map((r) => r.topic.length)) + 2;
  const titleW = Math.max(...rows.map((r) => r.title.length)) + 2;
  const oneLine = !width || rows.every((r) => 2 + topicW + titleW + visibleLength(r.mastery) <= width);
  return rows.map((r) => (oneLine ? `  ${r.topic.padEnd(topicW)}${r.title.padEnd(titleW)}${r.mastery}\n` : `  ${r.topic.padEnd(topicW)}${r.mastery}\n${fit(r.title, width, '    ', '    ')}\n`)).join('');
}

function masteryBar(acc: number, st: Style): string {
  const filled = Math.round(acc * 10);
  const s = '█'.repeat(filled) + '░'.repeat(10 - filled);
  return acc >= 0.8 ? st.good(s) : acc >= 0.5 ? st.code(s) : st.warn(s);
}

/** Page long text through $PAGER (less -R) on a terminal; print directly otherwise. */
function page(text: string, opts: LearnOptions, ctx: ProgramContext): void {
  const { deps } = ctx;
  const rows = deps.stdout.rows ?? 40;
  if (opts.pager && deps.stdout.isTTY && deps.stdin.isTTY && text.split('\n').length > rows - 2) {
    const pager = deps.env.PAGER || 'less -R';
    const r = spawnSync(pager, { input: text, stdio: ['pipe', 'inherit', 'inherit'], shell: true });
    if (r.status === 0) return;
  }
  deps.stdout.write(text);
}

export type { TopicId };
