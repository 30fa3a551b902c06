// Response values as the AWS CLI v2 prints them: blobs as base64, timestamps in ISO 8601 the way
// Python's datetime.isoformat() writes them (microseconds when non-zero, +00:00), undefined dropped.
import { encodeBase64 } from '../b64.js';

export function isoTimestamp(d: Date): string {
  const iso = d.toISOString(); // 2026-11-28T13:48:25.123Z
  const ms = d.getUTCMilliseconds();
  return `${iso.slice(0, 19)}${ms ? `.${String(ms).padStart(3, '0')}000` : ''}+00:00`;
}

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function normalize(v: unknown): Json {
  if (v === null || v === undefined) return null;
  if (v instanceof Uint8Array) return encodeBase64(v);
  if (v instanceof Date) return isoTimestamp(v);
  if (Array.isArray(v)) return v.map(normalize);
  if (typeof v === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, val] of Object.entries(v as Record<string, unknown>)) if (val !== undefined) out[k] = normalize(val);
    return out;
  }
  if (typeof v === 'bigint') return Number(v);
  return v as Json;
}

/** Python's str() of a scalar, as the text and table formats print it. */
export function pyStr(v: Json): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number' && !Number.isInteger(v)) return String(v);
  return String(v);
}
