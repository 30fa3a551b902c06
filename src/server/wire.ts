// The AWS JSON 1.1 wire format KMS speaks: blobs travel as base64 strings and timestamps as epoch seconds.
// Requests are decoded with the operation model (which members are blobs or timestamps); responses are
// encoded generically (Uint8Array -> base64, Date -> epoch seconds with milliseconds).
import type { Shape, StructureShape } from '../awscli/model/index.js';

export class WireError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

function decodeValue(shape: Shape, value: unknown, path: string): unknown {
  if (value === null || value === undefined) return value;
  switch (shape.type) {
    case 'blob': {
      if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 === 1)
        throw new WireError('SerializationException', `Could not decode ${path}: expected a base64-encoded string`);
      return new Uint8Array(Buffer.from(value, 'base64'));
    }
    case 'timestamp': {
      if (typeof value === 'number') return new Date(value * 1000);
      if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value);
      throw new WireError('SerializationException', `Could not decode ${path}: expected a timestamp in epoch seconds`);
    }
    case 'list':
      if (!Array.isArray(value)) throw new WireError('SerializationException', `Could not decode ${path}: expected a list`);
      return value.map((v, i) => decodeValue(shape.member, v, `${path}[${i}]`));
    case 'map':
      if (typeof value !== 'object' || Array.isArray(value)) throw new WireError('SerializationException', `Could not decode ${path}: expected an object`);
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, decodeValue(shape.value, v, `${path}.${k}`)]));
    case 'structure':
      return decodeStructure(shape, value, path);
    default:
      return value;
  }
}

export function decodeStructure(shape: StructureShape, value: unknown, path = 'request'): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new WireError('SerializationException', `Could not decode ${path}: expected a JSON object`);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const member = shape.members[k];
    // Unknown members are passed through: the engine's validation names them as AWS would.
    out[k] = member ? decodeValue(member, v, k) : v;
  }
  return out;
}

/** Uint8Array -> base64, Date -> epoch seconds; everything else unchanged. */
export function encodeResponse(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(encodeResponse);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encodeResponse(v);
    return out;
  }
  return value;
}

/** Region and access key id from a SigV4 Authorization header (signatures are not verified). */
export function parseAuthorization(header: string | undefined): { accessKeyId: string; region: string } | undefined {
  if (!header) return undefined;
  const m = /Credential=([^/,\s]+)\/\d{8}\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/.exec(header);
  return m ? { accessKeyId: m[1], region: m[2] } : undefined;
}
