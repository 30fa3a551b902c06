// Content files must not carry terminal control characters (an ESC sequence in a question or lab text would
// reach the learner's terminal): every string scalar holding one is reported at its place.
import type { Document, LineCounter } from 'yaml';
import { isScalar, yaml } from './yaml-lazy.js';
import { escapeControls, hasControls } from './terminal.js';

export interface ControlCharacterProblem {
  line: number;
  column: number;
  what: string;
}

/** One problem per string (keys and values) that holds a control character other than newline and tab. */
export function controlCharacterProblems(doc: Document, lc: LineCounter): ControlCharacterProblem[] {
  const problems: ControlCharacterProblem[] = [];
  yaml().visit(doc, {
    Scalar(_key, node) {
      if (!isScalar(node) || typeof node.value !== 'string') return;
      const bad = node.value.replace(/[\n\t]/g, '');
      if (!hasControls(bad)) return;
      const { line, col } = lc.linePos(node.range?.[0] ?? 0);
      const shown = escapeControls(node.value, { oneLine: true });
      problems.push({ line, column: col, what: `the text "${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}" holds a control character; remove it` });
    },
  });
  return problems;
}
