// Which hint a step gives next: hints follow the step's checks in order, so the next hint is the first one
// not yet shown that speaks about the first check still open (checks spread evenly over the hints).

/** The index of the next hint to show, or undefined when the hints for the open check are used up. */
export function nextHintIndex(hints: number, results: { ok: boolean }[], shown: number): number | undefined {
  const open = results.findIndex((r) => !r.ok);
  const start = open > 0 && results.length ? Math.floor((open * hints) / results.length) : 0;
  const next = Math.max(shown, start);
  return next < hints ? next : undefined;
}
