// "Did you mean" for every misspelt name (operations and options of `aws`, lab ids, topics, quiz filters):
// the closest candidates by edit distance, and the sentence the kms-study commands print with them.

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/**
 * Up to three candidates within a distance that scales with the word's length, closest first. With
 * `samePrefix`, candidates that share the word's first `samePrefix` characters follow (a word at least that
 * long), so `rotate` finds `rotation` however far the endings differ.
 */
export function closest(word: string, candidates: string[], opts: { samePrefix?: number } = {}): string[] {
  const limit = Math.max(2, Math.floor(word.length / 3));
  const near = candidates
    .map((c) => ({ c, d: Math.min(editDistance(word, c), c.includes(word) && word.length >= 4 ? 1 : Infinity) }))
    .filter((x) => x.d <= limit)
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, 3)
    .map((x) => x.c);
  const n = opts.samePrefix;
  if (!n || word.length < n) return near;
  return [...new Set([...near, ...candidates.filter((c) => c.startsWith(word.slice(0, n)))])];
}

/** `; did you mean a or b?` for the closest candidates, or '' when none is close. */
export function didYouMean(word: string, candidates: string[], opts: { samePrefix?: number } = {}): string {
  const near = closest(word, candidates, opts);
  return near.length ? `; did you mean ${near.join(' or ')}?` : '';
}
