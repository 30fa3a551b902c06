// `kms-study lab` (and `lab list`): every lab with its status. A lab completed once stays completed, with
// the date and the best run (fewest hints, then fewest commands), even when it is reopened or restarted.
// Rows fit the terminal: one line per lab when id, title and status fit, else the title on a second line;
// titles are never cut, the status is shortened with an ellipsis when the terminal is narrow.
import type { Lab } from '../labs/types.js';
import type { LabProgress } from '../labs/progress.js';
import { fit } from '../text/wrap.js';

export interface LabCompletionRecord {
  labId: string;
  completed: boolean;
  startedAt: number;
  finishedAt?: number;
  hintsUsed: number;
  attempts: number;
}

export interface LabRow {
  id: string;
  title: string;
  level: Lab['level'];
  tips: string[];
  steps: number;
  /** "completed", "step k of n" or "not started". */
  status: string;
  completedBefore: boolean;
  /** The latest completion (ISO time), when completed. */
  completedAt?: string;
  /** The best completed run: fewest hints, then fewest commands. */
  best?: { hintsUsed: number; attempts: number };
  /** A completed lab opened again: where that run stands ("step k of n"). */
  current?: string;
}

/** One row per lab from its save (where the current run stands) and the recorded completions. */
export function labRow(l: Lab, saved: LabProgress | undefined, results: LabCompletionRecord[]): LabRow {
  const done = results.filter((r) => r.labId === l.id && r.completed);
  const savedDone = !!saved && saved.step >= l.steps.length;
  const inRun = saved && !savedDone ? `step ${saved.step + 1} of ${l.steps.length}` : undefined;
  const completed = done.length > 0 || savedDone;
  const row: LabRow = {
    id: l.id,
    title: l.title,
    level: l.level,
    tips: l.tips,
    steps: l.steps.length,
    status: completed ? 'completed' : (inRun ?? 'not started'),
    completedBefore: done.length > 0,
  };
  if (!done.length) return row;
  const best = [...done].sort((a, b) => a.hintsUsed - b.hintsUsed || a.attempts - b.attempts)[0];
  const latest = Math.max(...done.map((r) => r.finishedAt ?? r.startedAt));
  return {
    ...row,
    completedAt: new Date(latest).toISOString(),
    best: { hintsUsed: best.hintsUsed, attempts: best.attempts },
    ...(inRun ? { current: inRun } : {}),
  };
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The status as printed: "completed 2026-11-01 · best: 0 hints, 9 commands · again at step 2 of 4". */
export function statusText(r: LabRow): string {
  if (r.status !== 'completed' || !r.completedAt || !r.best) return r.status;
  const again = r.current ? ` · again at ${r.current}` : '';
  return `completed ${r.completedAt.slice(0, 10)} · best: ${plural(r.best.hintsUsed, 'hint')}, ${plural(r.best.attempts, 'command')}${again}`;
}

/** Shorten to `width` columns with an ellipsis. */
export function ellipsis(s: string, width: number): string {
  return s.length <= width ? s : `${s.slice(0, Math.max(0, width - 1)).trimEnd()}…`;
}

export interface ListStyle {
  status(row: LabRow, text: string): string;
}

/**
 * The list's lines. `width` undefined (pipes, files): one line per lab, nothing shortened. On a terminal: one
 * line per lab when every row fits, else id and status on one line and the title (wrapped at words) below.
 */
export function renderLabList(rows: LabRow[], width: number | undefined, style: ListStyle): string {
  const idW = Math.max(...rows.map((r) => r.id.length), 2) + 2;
  const titleW = Math.max(...rows.map((r) => r.title.length), 5) + 2;
  const texts = rows.map(statusText);
  const oneLine = !width || rows.every((_, i) => 2 + idW + titleW + texts[i].length <= width);
  return rows
    .map((r, i) => {
      if (oneLine) return `  ${r.id.padEnd(idW)}${r.title.padEnd(titleW)}${style.status(r, texts[i])}\n`;
      const room = width! - 2 - idW;
      const head =
        room >= 12 ? `  ${r.id.padEnd(idW)}${style.status(r, ellipsis(texts[i], room))}` : `  ${r.id}\n    ${style.status(r, ellipsis(texts[i], width! - 4))}`;
      return `${head}\n${fit(r.title, width, '    ', '    ')}\n`;
    })
    .join('');
}
