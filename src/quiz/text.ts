// Plain-text views of a question and of its feedback, styled through the injected Style (no chalk here).
import type { Presented } from './present.js';
import { displayLetters, toDisplay } from './present.js';
import type { Style } from './ports.js';
import { TOPICS } from './taxonomy.js';

export function chooseHint(type: string, choose: number): string {
  return type === 'multiple' ? `Choose ${choose}. Type the letters like A,C; add ? if you guessed (A,C?).` : 'Choose one. Type a letter; add ? if you guessed (B?).';
}

export function questionText(p: Presented, n: number, total: number, s: Style, withOptions: boolean, header = ''): string {
  const q = p.question;
  const lines = [
    '',
    s.bold(`Question ${n} of ${total}`) + s.dim(`  [${TOPICS[q.topic] ?? q.topic} · ${q.difficulty}]`) + (header ? `  ${header}` : ''),
    q.stem.trimEnd(),
  ];
  if (withOptions) {
    lines.push('');
    p.options.forEach((o, i) => lines.push(`  ${displayLetters(p)[i]}. ${o.text}`));
  }
  lines.push(s.dim(chooseHint(q.type, q.choose)));
  return lines.join('\n') + '\n';
}

/** Feedback after an answer: verdict, every option explained, takeaway, what changed, sources, the lab. */
export function feedbackText(p: Presented, chosenDisplay: string[], correct: boolean, s: Style): string {
  const q = p.question;
  const right = toDisplay(p, q.answer);
  const lines = [correct ? s.ok('Correct.') : s.bad(`Not quite. The answer is ${right.join(', ')}.`)];
  p.options.forEach((o, i) => {
    const L = displayLetters(p)[i];
    const isRight = q.answer.includes(o.letter);
    const mark = isRight ? s.ok('✓') : chosenDisplay.includes(L) ? s.bad('✗') : ' ';
    lines.push(`  ${mark} ${L}. ${o.text}${chosenDisplay.includes(L) ? s.dim(' (your choice)') : ''}`);
    lines.push(s.dim(`      ${o.why}`));
  });
  if (q.takeaway) lines.push(s.bold('Takeaway: ') + q.takeaway);
  if (q.changed) lines.push(s.warn('What changed: ') + q.changed);
  lines.push(s.dim('Sources: ' + q.sources.join('  ')));
  if (!correct && q.lab) lines.push(s.warn(`Practise this: kms-study lab ${q.lab}`));
  return lines.join('\n') + '\n';
}

export function percent(correct: number, total: number): string {
  return total ? `${Math.round((100 * correct) / total)}%` : '0%';
}
