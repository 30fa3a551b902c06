// A question's readable name for learners: the first words of its stem, cut at a word boundary with an
// ellipsis. Ids (`key-policies-iam-org-wide`) stay for files and JSON; people read titles.
import type { Question } from './types.js';

/** The first words of `q.stem` in at most `max` characters (ellipsis included when cut). */
export function questionTitle(q: Pick<Question, 'stem'>, max = 48): string {
  const text = q.stem.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const cut = room.lastIndexOf(' ');
  // One very long first word: cut inside it rather than show nothing.
  const head = (cut > 0 ? room.slice(0, cut) : room).replace(/[\s,;:.(–—-]+$/, '');
  return `${head}…`;
}
