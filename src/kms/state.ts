// KMS's part of the world's state document (keys with their material base64, aliases, simulated time) and back,
// so a sandbox or lab continues where it stopped (the world adds IAM and the event history, src/sim/world-state.ts).
// Differs from AWS: AWS never exports key material; this is a local study tool.
import type { EngineCore, EngineSettings } from './core.js';
import type { KeyRecord } from './model/key.js';
import { SeededRandom, type RandomSnapshot } from '../aws/ports.js';
import type { AliasRecord } from './store.js';
import { isClockTime } from '../text/duration.js';

export const STATE_FORMAT = 'kms-study/engine';
export const STATE_VERSION = 1;

export type SerializedKey = Omit<KeyRecord, 'materials'> & {
  materials: { id: string; bytes: string; createdAt: number; rotationType?: 'AUTOMATIC' | 'ON_DEMAND'; origin?: 'AWS_KMS' | 'EXTERNAL' }[];
};

export interface EngineStateDocument {
  format: typeof STATE_FORMAT;
  version: typeof STATE_VERSION;
  /** Simulated time = wall clock + clockOffsetMs, never below highWaterMs. */
  clockOffsetMs: number;
  highWaterMs: number;
  random?: RandomSnapshot;
  settings: EngineSettings;
  keys: SerializedKey[];
  aliases: AliasRecord[];
  deletedHandles: string[];
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const unb64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export function saveState(core: EngineCore): EngineStateDocument {
  const doc: EngineStateDocument = {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    clockOffsetMs: core.offsetMs,
    highWaterMs: Number.isFinite(core.highWaterMs) ? core.highWaterMs : 0,
    settings: clone(core.settings),
    keys: [...core.store.keys.values()].map((k) => ({
      ...clone({ ...k, materials: [] }),
      materials: k.materials.map((m) => ({ ...m, bytes: b64(m.bytes) })),
    })),
    aliases: [...core.store.aliases.values()].map((a) => ({ ...a })),
    deletedHandles: [...core.store.deletedHandles],
  };
  const snap = core.random.snapshot?.();
  if (snap) doc.random = snap;
  return doc;
}

function bad(what: string): never {
  throw new Error(`Invalid KMS engine state document: ${what}`);
}

export function loadState(core: EngineCore, raw: unknown): void {
  if (!raw || typeof raw !== 'object') bad('not an object');
  const doc = raw as Partial<EngineStateDocument>;
  if (doc.format !== STATE_FORMAT) bad(`format is ${JSON.stringify(doc.format)}, expected "${STATE_FORMAT}"`);
  if (doc.version !== STATE_VERSION) bad(`unknown version ${JSON.stringify(doc.version)} (this build reads version ${STATE_VERSION})`);
  if (!Array.isArray(doc.keys) || !Array.isArray(doc.aliases)) bad('keys, aliases and audit must be arrays');
  if (typeof doc.clockOffsetMs !== 'number' || typeof doc.highWaterMs !== 'number') bad('clockOffsetMs and highWaterMs must be numbers');
  // A clock outside 1970..9999 cannot be shown as a date: refuse it here, so the file is moved aside instead of
  // failing every later command.
  const simulated = core.clock.now() + doc.clockOffsetMs;
  if (!isClockTime(simulated)) bad(`clockOffsetMs ${doc.clockOffsetMs} puts the simulated clock outside the years 1970 to 9999`);
  if (!isClockTime(doc.highWaterMs)) bad(`highWaterMs ${doc.highWaterMs} is outside the years 1970 to 9999`);
  core.offsetMs = doc.clockOffsetMs;
  core.highWaterMs = doc.highWaterMs;
  if (doc.settings) core.settings = { ...core.settings, ...clone(doc.settings) };
  if (doc.random && core.random.snapshot) core.random = new SeededRandom(doc.random.seed, doc.random.counter);
  for (const k of doc.keys) {
    if (!k || typeof k.arn !== 'string' || typeof k.handle !== 'string' || !Array.isArray(k.materials)) bad('a key lacks arn, handle or materials');
    const key: KeyRecord = { ...clone({ ...k, materials: [] }), materials: k.materials.map((m) => ({ ...m, bytes: unb64(m.bytes) })) };
    core.store.addKey(key);
  }
  for (const a of doc.aliases) core.store.putAlias({ ...a });
  for (const h of doc.deletedHandles ?? []) core.store.deletedHandles.add(h);
  core.changed();
}
