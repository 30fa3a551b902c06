// Limit/Marker paging as AWS List* operations do it (Truncated, NextMarker; a bad marker is the service's own error,
// e.g. KMS's InvalidMarkerException). Differs: markers are short opaque strings of our own (AWS's are longer tokens).

/** One page of `items` from `marker`; `invalid(message)` builds the service's error for a marker it never issued. */
export function page<T>(
  items: readonly T[],
  limit: number,
  marker: string | undefined,
  invalid: (message: string) => Error,
): { items: T[]; truncated: boolean; nextMarker?: string } {
  let from = 0;
  if (marker !== undefined) {
    const m = /^kms-study-m(\d+)$/.exec(marker);
    if (!m || Number(m[1]) > items.length) throw invalid('Invalid marker');
    from = Number(m[1]);
  }
  const slice = items.slice(from, from + limit);
  const truncated = from + limit < items.length;
  return truncated ? { items: slice, truncated, nextMarker: `kms-study-m${from + limit}` } : { items: slice, truncated };
}

/** The AWS response members for a page. */
export function pageFields(p: { truncated: boolean; nextMarker?: string }): Record<string, unknown> {
  return p.truncated ? { NextMarker: p.nextMarker, Truncated: true } : { Truncated: false };
}
