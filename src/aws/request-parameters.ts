// CloudTrail's requestParameters: the request in camelCase without plaintext, ciphertext or any other blob.
// Differs: member names are lower-camel-cased mechanically (AWS's are hand-written but follow the same rule).

const SECRET = new Set(['Plaintext', 'CiphertextBlob', 'EncryptedKeyMaterial', 'ImportToken', 'Message', 'Signature', 'Mac']);

function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function clean(v: unknown): unknown {
  if (v instanceof Uint8Array) return undefined;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(clean);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const c = clean(x);
      if (c !== undefined) out[k] = c;
    }
    return out;
  }
  return v;
}

export function requestParametersOf(request: Record<string, unknown> | undefined): Record<string, unknown> | null {
  if (!request) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(request)) {
    if (SECRET.has(k) || v === undefined) continue;
    const c = k === 'EncryptionContext' || k === 'Constraints' ? clean(v) : clean(v);
    if (c !== undefined) out[camel(k)] = c;
  }
  return Object.keys(out).length > 0 ? out : null;
}
