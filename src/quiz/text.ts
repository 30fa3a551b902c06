// Plain-text views of a question and of its feedback, styled through the injected Style (no chalk here).
import type { Presented } from './present.js';
import { displayLetters, toDisplay } from './present.js';
import type { Style } from './ports.js';
import { TOPICS } from '../content/taxonomy.js';
import { fit } from '../text/wrap.js';

export function chooseHint(type: string, choose: number): string {
  return type === 'multiple' ? `Choose ${choose}. Type the letters like A,C; add ? if you guessed (A,C?).` : 'Choose one. Type a letter; add ? if you guessed (B?).';
}

export function questionText(p: Presented, n: number, total: number, s: Style, withOptions: boolean, header = '', width?: number): string {
  const q = p.question;
  const lines = [
    '',
    width ? fit(`${s.bold(`Question ${n} of ${total}`)}  ${s.dim(`[${TOPICS[q.topic] ?? q.topic} · ${q.difficulty}]`)}${header ? `  ${header}` : ''}`, width, '', '  ') : s.bold(`Question ${n} of ${total}`) + s.dim(`  [${TOPICS[q.topic] ?? q.topic} · ${q.difficulty}]`) + (header ? `  ${header}` : ''),
    fit(q.stem.trimEnd(), width),
  ];
  if (withOptions) {
    lines.push('');
    p.options.forEach((o, i) => lines.push(fit(o.text, width, `  ${displayLetters(p)[i]}. `, '     ')));
  }
  // With the options: typed answers and the terminal's letter menu both take a letter and ? for a guess.
  if (withOptions) lines.push(s.dim(fit(chooseHint(q.type, q.choose), width)));
  return lines.join('\n') + '\n';
}

/** Feedback after an answer: verdict, every option explained, takeaway, what changed, sources, the lab. */
export function feedbackText(p: Presented, chosenDisplay: string[], correct: boolean, s: Style, width?: number): string {
  const q = p.question;
  const right = toDisplay(p, q.answer);
  const lines = [correct ? s.ok('Correct.') : s.bad(`Not quite. The answer is ${right.join(', ')}.`)];
  p.options.forEach((o, i) => {
    const L = displayLetters(p)[i];
    const isRight = q.answer.includes(o.letter);
    const mark = isRight ? s.ok('✓') : chosenDisplay.includes(L) ? s.bad('✗') : ' ';
    lines.push(fit(`${o.text}${chosenDisplay.includes(L) ? s.dim(' (your choice)') : ''}`, width, `  ${mark} ${L}. `, '       '));
    lines.push(s.dim(fit(o.why, width, '      ')));
  });
  if (q.takeaway) lines.push(fit(q.takeaway, width, s.bold('Takeaway: '), '  '));
  if (q.changed) lines.push(fit(q.changed, width, s.warn('What changed: '), '  '));
  lines.push(s.dim(sourceLines(q.sources, width)));
  if (!correct && q.lab) lines.push(s.warn(`Practise this: kms-study lab ${q.lab}`));
  return lines.join('\n') + '\n';
}

/** The sources on one line when they fit, else one URL a line; a URL is never split (terminals link it whole). */
export function sourceLines(urls: readonly string[], width: number | undefined): string {
  const one = `Sources: ${urls.join('  ')}`;
  if (!width || one.length <= width) return one;
  return ['Sources:', ...urls.map((u) => `  ${u}`)].join('\n');
}

export function percent(correct: number, total: number): string {
  return total ? `${Math.round((100 * correct) / total)}%` : '0%';
}
