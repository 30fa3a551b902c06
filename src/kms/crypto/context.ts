// Encryption context as additional authenticated data: KMS requires the exact same context to decrypt.
// Canonical and unambiguous: pairs sorted by key (UTF-8 bytes), each key and value length-prefixed (u32 BE).

export type EncryptionContext = Record<string, string>;

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

const EMPTY = new Uint8Array(0);

/** {"a":"bc"} and {"ab":"c"} give different bytes because every field carries its length. */
export function canonicalContext(ctx: EncryptionContext | undefined): Uint8Array {
  if (!ctx) return EMPTY;
  const utf8 = new TextEncoder();
  const pairs = Object.entries(ctx).map(([k, v]) => [utf8.encode(k), utf8.encode(v)] as const);
  if (pairs.length === 0) return EMPTY;
  pairs.sort((x, y) => compareBytes(x[0], y[0]));
  let len = 4;
  for (const [k, v] of pairs) len += 8 + k.length + v.length;
  const out = new Uint8Array(len);
  const view = new DataView(out.buffer);
  view.setUint32(0, pairs.length);
  let off = 4;
  for (const [k, v] of pairs) {
    view.setUint32(off, k.length);
    out.set(k, off + 4);
    off += 4 + k.length;
    view.setUint32(off, v.length);
    out.set(v, off + 4);
    off += 4 + v.length;
  }
  return out;
}
