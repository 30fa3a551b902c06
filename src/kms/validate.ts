// Request validation with the AWS JSON protocol's ValidationException wording ("1 validation error detected: ...").
// Differs: type mismatches (AWS: SerializationException) are reported as ValidationException too.
import { ValidationException } from './errors.js';

export type Req = Record<string, unknown>;

const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

function fail(detail: string): never {
  throw new ValidationException(`1 validation error detected: ${detail}`);
}

export function required<T>(v: T | undefined, name: string): T {
  if (v === undefined || v === null) fail(`Value null at '${camel(name)}' failed to satisfy constraint: Member must not be null`);
  return v;
}

export function optString(req: Req, name: string, opts: { min?: number; max?: number; pattern?: RegExp; enum?: readonly string[] } = {}): string | undefined {
  const v = req[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') fail(`Value at '${camel(name)}' failed to satisfy constraint: Member must be a string`);
  if (opts.min !== undefined && v.length < opts.min) {
    fail(`Value '${v}' at '${camel(name)}' failed to satisfy constraint: Member must have length greater than or equal to ${opts.min}`);
  }
  if (opts.max !== undefined && v.length > opts.max) {
    fail(`Value at '${camel(name)}' failed to satisfy constraint: Member must have length less than or equal to ${opts.max}`);
  }
  if (opts.pattern && !opts.pattern.test(v)) {
    fail(`Value '${v}' at '${camel(name)}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${opts.pattern.source}`);
  }
  if (opts.enum && !opts.enum.includes(v)) {
    fail(`Value '${v}' at '${camel(name)}' failed to satisfy constraint: Member must satisfy enum value set: [${opts.enum.join(', ')}]`);
  }
  return v;
}

export function reqString(req: Req, name: string, opts: Parameters<typeof optString>[2] = {}): string {
  return required(optString(req, name, { min: 1, ...opts }), name);
}

export function optInt(req: Req, name: string, min: number, max: number): number | undefined {
  const v = req[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) fail(`Value '${String(v)}' at '${camel(name)}' failed to satisfy constraint: Member must be an integer`);
  if (v < min) fail(`Value '${v}' at '${camel(name)}' failed to satisfy constraint: Member must have value greater than or equal to ${min}`);
  if (v > max) fail(`Value '${v}' at '${camel(name)}' failed to satisfy constraint: Member must have value less than or equal to ${max}`);
  return v;
}

export function optBool(req: Req, name: string): boolean | undefined {
  const v = req[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') fail(`Value '${String(v)}' at '${camel(name)}' failed to satisfy constraint: Member must be a boolean`);
  return v;
}

/** A blob member; the value is never echoed (sensitive). */
export function optBlob(req: Req, name: string, min: number, max: number): Uint8Array | undefined {
  const v = req[name];
  if (v === undefined || v === null) return undefined;
  if (!(v instanceof Uint8Array)) fail(`Value at '${camel(name)}' failed to satisfy constraint: Member must be a blob`);
  if (v.length < min) fail(`Value at '${camel(name)}' failed to satisfy constraint: Member must have length greater than or equal to ${min}`);
  if (v.length > max) fail(`Value at '${camel(name)}' failed to satisfy constraint: Member must have length less than or equal to ${max}`);
  return v;
}

export function reqBlob(req: Req, name: string, min: number, max: number): Uint8Array {
  return required(optBlob(req, name, min, max), name);
}

export function optStringMap(req: Req, name: string): Record<string, string> | undefined {
  const v = req[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v) || v instanceof Uint8Array) fail(`Value at '${camel(name)}' failed to satisfy constraint: Member must be a map`);
  for (const x of Object.values(v as object)) {
    if (typeof x !== 'string') fail(`Value at '${camel(name)}' failed to satisfy constraint: Map value must be a string`);
  }
  return v as Record<string, string>;
}

export function optStringList(req: Req, name: string, opts: { min?: number; max?: number; itemEnum?: readonly string[] } = {}): string[] | undefined {
  const v = req[name];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) fail(`Value at '${camel(name)}' failed to satisfy constraint: Member must be a list of strings`);
  if (opts.min !== undefined && v.length < opts.min) fail(`Value '[]' at '${camel(name)}' failed to satisfy constraint: Member must have length greater than or equal to ${opts.min}`);
  if (opts.max !== undefined && v.length > opts.max) fail(`Value at '${camel(name)}' failed to satisfy constraint: Member must have length less than or equal to ${opts.max}`);
  if (opts.itemEnum) {
    for (const x of v as string[]) {
      if (!opts.itemEnum.includes(x)) fail(`Value '[${(v as string[]).join(', ')}]' at '${camel(name)}' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [${opts.itemEnum.join(', ')}]]`);
    }
  }
  return v as string[];
}

/** Limit and Marker of a paged List* call: 1–1000 default 100 (ListKeys...), 1–100 default 50 (ListAliases, grants). */
export function paging(req: Req, maxLimit = 1000, defaultLimit = 100): { limit: number; marker?: string } {
  return { limit: optInt(req, 'Limit', 1, maxLimit) ?? defaultLimit, marker: optString(req, 'Marker', { min: 1, max: 1024 }) };
}
