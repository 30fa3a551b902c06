// The lab shell's `load` meta-command: an application's steady request rate against the simulated KMS quota,
// with optional data key caching and SDK-style retries (exponential backoff with full jitter from a seeded Random).
// Differs: a model, not an SDK: base delay 100 ms doubling per attempt, capped at 20 s; the cache is one data key per N seconds;
// each load ends with one quiet simulated second, so the next load starts with a full bucket.
import type { KmsEngine } from '../kms/engine.js';
import { ServiceException } from '../aws/errors.js';
import type { Random } from '../aws/ports.js';
import type { Caller } from '../aws/caller.js';

export const LOAD_OPERATIONS = ['GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'Encrypt', 'GenerateRandom'] as const;
export const LOAD_USAGE =
  'usage: load --rps N --seconds N --key-id KEY [--op GenerateDataKey|GenerateDataKeyWithoutPlaintext|Encrypt|GenerateRandom] [--cache-seconds N] [--retries N]\n';

export interface LoadOptions {
  rps: number;
  seconds: number;
  op: (typeof LOAD_OPERATIONS)[number];
  keyId?: string;
  cacheSeconds?: number;
  retries: number;
}

export interface LoadResult {
  op: string;
  rps: number;
  seconds: number;
  cacheSeconds?: number;
  retries: number;
  /** Application requests (rps × seconds). */
  requests: number;
  /** Application requests that got their answer (from KMS or from the cache). */
  succeeded: number;
  /** Application requests that failed with ThrottlingException after all retries. */
  throttled: number;
  /** Calls sent to KMS (first attempts and retries). */
  kmsCalls: number;
  /** KMS calls answered with ThrottlingException (retried or not). */
  throttledCalls: number;
  /** Retry attempts made. */
  retried: number;
  /** Requests served from the data key cache. */
  fromCache: number;
  /** Other errors (AccessDeniedException ...), by code. */
  errors: Record<string, number>;
}

/** Parses `--rps 50 --seconds 3 ...`; a string is a usage error. */
export function parseLoadArgs(args: string[]): LoadOptions | string {
  const o: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i];
    if (!name.startsWith('--') || args[i + 1] === undefined) return `load: expected --option value, got "${name}"\n${LOAD_USAGE}`;
    o[name.slice(2)] = args[i + 1];
  }
  const known = ['rps', 'seconds', 'op', 'key-id', 'cache-seconds', 'retries'];
  const unknown = Object.keys(o).find((k) => !known.includes(k));
  if (unknown) return `load: unknown option --${unknown}\n${LOAD_USAGE}`;
  const int = (k: string, min: number, max: number, dflt?: number): number | string => {
    if (o[k] === undefined) return dflt ?? `load: --${k} is required\n${LOAD_USAGE}`;
    const n = Number(o[k]);
    return Number.isInteger(n) && n >= min && n <= max ? n : `load: --${k} must be a whole number from ${min} to ${max}\n`;
  };
  const rps = int('rps', 1, 1000);
  const seconds = int('seconds', 1, 60);
  const retries = int('retries', 0, 10, 0);
  const cache = o['cache-seconds'] === undefined ? undefined : int('cache-seconds', 1, 3600);
  for (const v of [rps, seconds, retries, cache]) if (typeof v === 'string') return v;
  const op = (o.op ?? 'GenerateDataKey') as LoadOptions['op'];
  if (!LOAD_OPERATIONS.includes(op)) return `load: --op must be one of ${LOAD_OPERATIONS.join(', ')}\n`;
  if (cache !== undefined && !op.startsWith('GenerateDataKey')) return 'load: --cache-seconds caches data keys: use it with --op GenerateDataKey\n';
  if (op !== 'GenerateRandom' && !o['key-id']) return `load: --key-id is required for ${op}\n${LOAD_USAGE}`;
  return { rps: rps as number, seconds: seconds as number, retries: retries as number, cacheSeconds: cache as number | undefined, op, keyId: o['key-id'] };
}

function requestFor(o: LoadOptions): Record<string, unknown> {
  if (o.op === 'GenerateRandom') return { NumberOfBytes: 32 };
  if (o.op === 'Encrypt') return { KeyId: o.keyId, Plaintext: new TextEncoder().encode('order record') };
  return { KeyId: o.keyId, KeySpec: 'AES_256' };
}

/** Full jitter: a uniform delay in [0, min(cap, base × 2^attempt)) ms, from the seeded Random. */
function backoff(random: Random, attempt: number): number {
  const b = random.bytes(4);
  const u = (((b[0] << 24) >>> 0) + (b[1] << 16) + (b[2] << 8) + b[3]) / 2 ** 32;
  return Math.floor(u * Math.min(20_000, 100 * 2 ** attempt));
}

/** Runs the load on the engine, moving its clock: request i at start + i/rps seconds; retries after their backoff. */
export function runLoad(engine: KmsEngine, caller: Caller, o: LoadOptions, random: Random): LoadResult {
  const start = engine.now();
  const res: LoadResult = { op: o.op, rps: o.rps, seconds: o.seconds, cacheSeconds: o.cacheSeconds, retries: o.retries, requests: o.rps * o.seconds, succeeded: 0, throttled: 0, kmsCalls: 0, throttledCalls: 0, retried: 0, fromCache: 0, errors: {} };
  // Pending KMS attempts, kept sorted by time (then by request order).
  const queue: { at: number; seq: number; attempt: number }[] = [];
  const push = (e: { at: number; seq: number; attempt: number }) => {
    let i = queue.length;
    while (i > 0 && (queue[i - 1].at > e.at || (queue[i - 1].at === e.at && queue[i - 1].seq > e.seq))) i--;
    queue.splice(i, 0, e);
  };
  let cachedUntil = -Infinity;
  for (let i = 0; i < res.requests; i++) push({ at: start + Math.round((i * 1000) / o.rps), seq: i, attempt: 0 });
  while (queue.length) {
    const e = queue.shift()!;
    if (e.at > engine.now()) engine.advance(e.at - engine.now());
    if (e.attempt === 0 && o.cacheSeconds !== undefined && e.at < cachedUntil) {
      res.fromCache++;
      res.succeeded++;
      continue;
    }
    res.kmsCalls++;
    try {
      engine.execute(o.op, requestFor(o), caller);
      res.succeeded++;
      if (o.cacheSeconds !== undefined) cachedUntil = engine.now() + o.cacheSeconds * 1000;
    } catch (err) {
      const code = err instanceof ServiceException ? err.code : 'Error';
      if (code !== 'ThrottlingException') {
        res.errors[code] = (res.errors[code] ?? 0) + 1;
        continue;
      }
      res.throttledCalls++;
      if (e.attempt < o.retries) {
        res.retried++;
        push({ at: e.at + backoff(random, e.attempt), seq: e.seq, attempt: e.attempt + 1 });
      } else res.throttled++;
    }
  }
  // The application then goes quiet for a second, so each load starts with a full bucket (burst of one second).
  const end = Math.max(start + o.seconds * 1000, engine.now()) + 1000;
  if (engine.now() < end) engine.advance(end - engine.now());
  return res;
}

export function renderLoad(r: LoadResult): string {
  const cache = r.cacheSeconds !== undefined ? `, data key cache ${r.cacheSeconds}s` : '';
  const lines = [
    `Load: ${r.op} at ${r.rps} requests/s for ${r.seconds}s (retries ${r.retries}${cache})`,
    `  requests made:   ${r.requests}`,
    `  succeeded:       ${r.succeeded}${r.fromCache ? ` (${r.fromCache} from the cache)` : ''}`,
    `  throttled:       ${r.throttled} (ThrottlingException after ${r.retries} ${r.retries === 1 ? 'retry' : 'retries'})`,
    `  KMS calls:       ${r.kmsCalls} (${r.throttledCalls} throttled, ${r.retried} retried)`,
  ];
  for (const [code, n] of Object.entries(r.errors)) lines.push(`  failed:          ${n} with ${code}`);
  return lines.join('\n') + '\n';
}
