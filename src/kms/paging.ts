// Limit/Marker paging as the KMS List* operations do it (Truncated, NextMarker, InvalidMarkerException).
// Differs: markers are short opaque strings of our own (AWS's are longer opaque tokens).
import { InvalidMarkerException } from './errors.js';

export function page<T>(items: readonly T[], limit: number, marker: string | undefined): { items: T[]; truncated: boolean; nextMarker?: string } {
  let from = 0;
  if (marker !== undefined) {
    const m = /^kms-study-m(\d+)$/.exec(marker);
    if (!m || Number(m[1]) > items.length) throw new InvalidMarkerException('Invalid marker');
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
