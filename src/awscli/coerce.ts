// Give parsed parameter values (command-line text, shorthand or JSON) the types of the operation model,
// as botocore's parameter handling does: integers, booleans, base64 blobs, timestamps, enums, required
// members of nested structures. Problems are usage errors (exit 252) naming the parameter.
import type { Shape } from './model/index.js';
import { CliUsageError, usage } from './errors.js';
import { decodeBase64, utf8 } from './b64.js';

export interface CoerceContext {
  /** The option as typed, e.g. --plaintext (for messages). */
  option: string;
  binaryFormat: 'base64' | 'raw-in-base64-out';
}

function typeName(v: unknown): string {
  if (Array.isArray(v)) return 'list';
  if (v === null) return 'null';
  if (v instanceof Uint8Array) return 'bytes';
  return typeof v === 'object' ? 'dict' : typeof v;
}

function invalid(path: string, v: unknown, valid: string): CliUsageError {
  const shown = typeof v === 'string' ? v : JSON.stringify(v);
  return new CliUsageError(
    `Parameter validation failed: Invalid type for parameter ${path}, value: ${shown}, type: ${typeName(v)}, valid types: ${valid}`,
  );
}

export function badBase64(option: string, text: string): CliUsageError {
  const shown = text.length > 40 ? `${text.slice(0, 40)}...` : text;
  return usage(
    `argument ${option}: Invalid base64: "${shown}". Blob parameters take base64 in AWS CLI v2: ` +
      `encode the data, pass a file with fileb://FILE, or add --cli-binary-format raw-in-base64-out to send the text as it is.`,
  );
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** ISO 8601 date or date-time; without a zone it is UTC, as botocore assumes (never local time). */
export function parseIso(text: string): Date | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h = '0', mi = '0', s = '0', frac = ''] = m.slice(1, 8);
  const ms = Number(`0.${frac || '0'}`) * 1000;
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Math.floor(ms));
  const zone = m[8];
  if (zone && zone.toUpperCase() !== 'Z') {
    const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
    if (z) t -= (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3] ?? 0)) * 60_000;
  }
  const date = new Date(t);
  return date.getUTCDate() === Number(d) || zone ? date : undefined;
}

export function coerce(shape: Shape, v: unknown, path: string, ctx: CoerceContext): unknown {
  switch (shape.type) {
    case 'string':
      if (typeof v !== 'string') throw invalid(path, v, 'str');
      // The real AWS CLI v2 sends unknown enum values to KMS, which answers ValidationException (exit 254).
      if (shape.enum && !shape.serviceChecked && !shape.enum.includes(v))
        throw usage(`argument ${ctx.option}: Invalid choice '${v}' for ${path}, valid choices are: ${shape.enum.join(' | ')}`);
      return v;
    case 'integer':
      if (typeof v === 'number' && Number.isInteger(v)) return v;
      if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
      if (typeof v === 'string') throw usage(`argument ${ctx.option}: invalid int value: '${v}'`);
      throw invalid(path, v, 'int');
    case 'double':
      if (typeof v === 'number') return v;
      if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
      throw invalid(path, v, 'float');
    case 'boolean':
      if (typeof v === 'boolean') return v;
      if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
      throw invalid(path, v, 'bool');
    case 'blob': {
      if (v instanceof Uint8Array) return v;
      if (typeof v !== 'string') throw invalid(path, v, 'bytes, bytearray, file-like object');
      if (ctx.binaryFormat === 'raw-in-base64-out') return utf8(v);
      const bytes = decodeBase64(v);
      if (!bytes) throw badBase64(ctx.option, v);
      return bytes;
    }
    case 'timestamp': {
      if (v instanceof Date) return v;
      const text = typeof v === 'number' ? String(v) : v;
      if (typeof text !== 'string') throw invalid(path, v, 'datetime');
      const d = /^\d+(\.\d+)?$/.test(text.trim()) ? new Date(Number(text) * 1000) : parseIso(text.trim());
      // Years beyond 1..9999 are refused as the AWS CLI's Python datetime refuses them ("year is out of range").
      if (!d || Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1 || d.getUTCFullYear() > 9999)
        throw usage(`argument ${ctx.option}: invalid timestamp '${text}' (use ISO 8601 such as 2026-11-28T13:00:00Z, or epoch seconds, within the years 1 to 9999)`);
      return d;
    }
    case 'list': {
      const items = Array.isArray(v) ? v : [v];
      return items.map((item, i) => coerce(shape.member, item, `${path}[${i}]`, ctx));
    }
    case 'map': {
      if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Uint8Array) throw invalid(path, v, 'dict');
      const out: Record<string, unknown> = {};
      for (const [k, val] of Object.entries(v)) out[k] = coerce(shape.value, val, `${path}.${k}`, ctx);
      return out;
    }
    case 'structure': {
      if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Uint8Array) throw invalid(path, v, 'dict');
      const out: Record<string, unknown> = {};
      const names = Object.keys(shape.members);
      for (const [k, val] of Object.entries(v)) {
        if (!(k in shape.members))
          throw new CliUsageError(`Parameter validation failed: Unknown parameter in ${path}: "${k}", must be one of: ${names.join(', ')}`);
        out[k] = coerce(shape.members[k], val, `${path}.${k}`, ctx);
      }
      for (const r of shape.required)
        if (!(r in out)) throw new CliUsageError(`Parameter validation failed: Missing required parameter in ${path}: "${r}"`);
      return out;
    }
  }
}
