// Text similarity for the bank linter: Jaccard similarity of word shingles after normalisation. Used to
// find near-duplicate questions (stem and correct answer both too close); see docs/bank-format.md.

/** Words too common to say anything about what a question asks. */
const STOP = new Set(
  (
    'a an the and or but if then than that this these those there their them they it its of to in on at by for from with without as is are was were be been being ' +
    'do does did not no can could should would will may might must has have had which what who whom whose when where why how all any each both some such only own same ' +
    'so too very just also into onto over under again further once here more most other you your we our us i me my he she his her one two'
  ).split(' '),
);

/** Lower-case words of letters and digits, stop words dropped, a plural "s" trimmed (keys -> key). */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOP.has(w))
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

/** The set of word shingles of sizes 1 and 2 (single words and adjacent pairs). */
export function shingles(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>(w);
  for (let i = 0; i + 1 < w.length; i++) out.add(`${w[i]} ${w[i + 1]}`);
  return out;
}

/** |A ∩ B| / |A ∪ B|; 0 when both are empty. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 0;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
}
