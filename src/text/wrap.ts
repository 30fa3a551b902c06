// Word wrapping for terminal prose: `fit` wraps a paragraph with a first-line prefix and a continuation
// indent; `wrapProse` wraps the prose lines of mixed output and leaves command output (JSON, tables) alone.

/** Printed length of a string, not counting ANSI colour codes. */
export const visibleLength = (s: string): number => s.replace(/\x1b\[[0-9;]*m/g, '').length;

/**
 * Fit prose to `width` columns for a terminal: hard line breaks inside a paragraph become spaces, words wrap
 * with `indent` on continuation lines; a paragraph with indented lines (code, policies) is left as written.
 * No width (piped output, tests' transcripts): the text is returned unchanged after `first`.
 */
export function fit(text: string, width: number | undefined, first = '', indent = first): string {
  if (!width) return first + text;
  return text
    .split(/\n[ \t]*\n/)
    .map((para, k) => {
      const start = k === 0 ? first : indent;
      if (para.split('\n').some((l) => /^\s/.test(l))) return start + para;
      const lines: string[] = [];
      let cur = start;
      let empty = true;
      for (const w of para.split(/\s+/).filter(Boolean)) {
        if (!empty && visibleLength(cur) + 1 + visibleLength(w) > width) {
          lines.push(cur);
          cur = indent + w;
        } else cur = empty ? cur + w : `${cur} ${w}`;
        empty = false;
      }
      lines.push(cur);
      return lines.join('\n');
    })
    .join('\n\n');
}

/**
 * Wrap each long prose line at word boundaries to `width` (at most 100) columns, keeping its lead (indent, a
 * ✓/✗/★/· mark, "Hint n of m:"); lines of command output (tabs, JSON, tables, one long word) stay as printed.
 * No width: the text is returned unchanged.
 */
export function wrapProse(text: string, width: number | undefined): string {
  if (!width) return text;
  const w = Math.min(width, 100);
  return text
    .split('\n')
    .map((l) => {
      if (l.length <= w || l.includes('\t') || /^\s*[{}[\]"|+]/.test(l) || !/\s/.test(l.trim())) return l;
      const indent = /^\s*/.exec(l)![0];
      const lead = /^(\s*(?:[✓✗★·]|Hint \d+ of \d+:)\s*)/.exec(l)?.[1] ?? indent;
      return fit(l.slice(lead.length), w, lead, ' '.repeat(Math.min(lead.length, 8)));
    })
    .join('\n');
}

/**
 * The width quiz and stats text wraps to: on a terminal of at least 40 columns, one less than its width and
 * at most 100; otherwise (a pipe, a file, a tiny terminal) undefined, so the text keeps its own line breaks.
 */
export function proseWidth(terminal: { isTTY: boolean; columns?: number }): number | undefined {
  const columns = terminal.isTTY ? terminal.columns : undefined;
  return columns && columns >= 40 ? Math.min(100, columns - 1) : undefined;
}
