// KMS's part of the world's state document (keys with their material base64, aliases, simulated time) and back,
// so a sandbox or lab continues where it stopped (the world adds IAM and the event history, src/sim/world-state.ts).
// Differs from AWS: AWS never exports key material; this is a local study tool.
import type { EngineCore, EngineSettings } from './core.js';
import type { KeyRecord } from './model/key.js';
import { SeededRandom, type RandomSnapshot } from '../aws/ports.js';
import type { AliasRecord } from './store.js';
import { isClockTime } from '../text/duration.js';
import { keyDue } from './core.js';
import { DUE_KINDS, isKeyIndex, parseRowLine, rowLine, type KeyRef } from './key-table.js';

export const STATE_FORMAT = 'kms-study/engine';
export const STATE_VERSION = 1;

export type SerializedKey = Omit<KeyRecord, 'materials'> & {
  materials: { id: string; bytes: string; createdAt: number; rotationType?: 'AUTOMATIC' | 'ON_DEMAND'; origin?: 'AWS_KMS' | 'EXTERNAL' }[];
};

export type { KeyRef } from './key-table.js';

/**
 * How a sandbox lists its keys: each key's row (rowLine) in creation order as one text, the end of the last
 * record the rows point at in the key log, and the earliest saved due date. One string parses in a fraction of
 * the time ten thousand small arrays take, and a command that touches one key turns only its line into a row.
 */
export interface StoredKeys {
  index: string;
  /** The byte where the last record the rows point at ends (the key log must be at least this long). */
  end: number;
  /** The earliest due date among the rows, if any. */
  due?: number;
  /** The bytes of the key log the rows use (each record and its newline): what compaction would keep. */
  live: number;
}

/** The document as a sandbox stores it: the keys are rows into the key log (earlier files: an array of rows). */
export type StoredStateDocument = Omit<EngineStateDocument, 'keys'> & { keys: StoredKeys | KeyRef[] };

/** Whether a document's `keys` is the index form (version 3) rather than an array. */
export const isStoredKeys = (v: unknown): v is StoredKeys => typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as StoredKeys).index === 'string';

/** Every row of a stored document's keys (both forms), in order: for compaction and checks that need them all. */
export function storedRows(keys: unknown): KeyRef[] {
  if (isStoredKeys(keys)) return keys.index === '' ? [] : keys.index.split('\n').map(parseRowLine);
  return Array.isArray(keys) ? keys.filter((k): k is KeyRef => Array.isArray(k)) : [];
}

/** The keys of a stored document as StoredKeys, from rows. */
export function storedKeysOf(rows: readonly KeyRef[]): StoredKeys {
  let end = 0;
  let live = 0;
  let due: number | undefined;
  for (const r of rows) {
    end = Math.max(end, r[2] + r[3]);
    live += r[3] + 1;
    if (r[4] !== undefined && (due === undefined || r[4] < due)) due = r[4];
  }
  return { index: rows.map(rowLine).join('\n'), end, live, ...(due === undefined ? {} : { due }) };
}

/** Where the key log must reach for a stored document's keys, and the bytes its rows use (both forms). */
export function storedKeysExtent(keys: unknown): { end: number; live: number } {
  const { end, live } = isStoredKeys(keys) ? keys : storedKeysOf(storedRows(keys));
  return { end: Number(end) || 0, live: Number(live) || 0 };
}

/** Where keys kept outside the document are read from and written to. */
export interface KeyStorage {
  /** The serialized key at `ref`: the text as stored, and its parsed value (which the storage may amend). */
  read(ref: KeyRef): { text: string; value: unknown };
  /** Stores a serialized key; returns where it went. */
  write(text: string): [number, number];
  /** Changes when places handed out by write() were lost (a failed flush): such places are not reused. */
  epoch(): number;
}

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

const encodeKey = (k: KeyRecord): SerializedKey => ({
  ...clone({ ...k, materials: [] }),
  materials: k.materials.map((m) => ({ ...m, bytes: b64(m.bytes) })),
});

const decodeKey = (k: SerializedKey): KeyRecord => ({ ...clone({ ...k, materials: [] }), materials: k.materials.map((m) => ({ ...m, bytes: unb64(m.bytes) })) });

/** The stored text and place of keys read from a key store, so an unchanged key is not written again. */
const origins = new WeakMap<KeyRecord, { text: string; log: [number, number]; epoch?: number }>();

/**
 * The engine's state as a document. With `storage`, keys go to the store and the document holds references:
 * a key never read in this process keeps its reference untouched, a read key is written again only if it changed.
 */
export function saveState(core: EngineCore): EngineStateDocument;
export function saveState(core: EngineCore, storage: KeyStorage): StoredStateDocument;
export function saveState(core: EngineCore, storage?: KeyStorage): EngineStateDocument | StoredStateDocument {
  const keys: (SerializedKey | KeyRef)[] = [];
  for (const k of core.store.keys.all()) {
    if (!storage) keys.push(encodeKey(Array.isArray(k) ? core.store.keys.get(k[0])! : k));
    else if (Array.isArray(k)) keys.push(k);
    else {
      const text = JSON.stringify(encodeKey(k));
      const origin = origins.get(k);
      // A place read from the store is durable; one written in this process only while its epoch lasts.
      const same = origin && origin.text === text && (origin.epoch === undefined || origin.epoch === storage.epoch());
      const [offset, length] = same ? origin.log : storage.write(text);
      origins.set(k, same ? origin : { text, log: [offset, length], epoch: storage.epoch() });
      const due = keyDue(k);
      keys.push(due ? [k.arn, k.handle, offset, length, due.at, due.kind] : [k.arn, k.handle, offset, length]);
    }
  }
  const doc: EngineStateDocument = {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    clockOffsetMs: core.offsetMs,
    highWaterMs: Number.isFinite(core.highWaterMs) ? core.highWaterMs : 0,
    settings: clone(core.settings),
    keys: [],
    aliases: [...core.store.aliases.values()].map((a) => ({ ...a })),
    deletedHandles: [...core.store.deletedHandles],
  };
  const snap = core.random.snapshot?.();
  if (snap) doc.random = snap;
  // With a storage every entry is a row, saved as one index text; without one, every entry is a serialized key.
  return storage ? { ...doc, keys: storedKeysOf(keys as KeyRef[]) } : { ...doc, keys: keys as SerializedKey[] };
}

const isRef = (k: unknown): k is KeyRef => Array.isArray(k);

function checkRef(k: unknown[]): asserts k is KeyRef {
  const [arn, handle, offset, length, dueAt, dueKind] = k;
  if (typeof arn !== 'string' || typeof handle !== 'string' || !Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || (offset as number) < 0 || (length as number) <= 0) {
    bad('a key reference lacks arn, handle or a place in the key log');
  }
  if (k.length > 4 && (typeof dueAt !== 'number' || !DUE_KINDS.has(dueKind as string))) bad(`the due date of ${arn} is not a time and a kind`);
}

function checkSerialized(k: SerializedKey | undefined): asserts k is SerializedKey {
  if (!k || typeof k !== 'object' || typeof k.arn !== 'string' || typeof k.handle !== 'string' || !Array.isArray(k.materials)) bad('a key lacks arn, handle or materials');
}

/** Reads a key from `storage` and remembers what it was, so saving it unchanged writes nothing. */
function reader(storage: KeyStorage): (ref: KeyRef) => KeyRecord {
  return (ref) => {
    const { text, value } = storage.read(ref);
    const k = value as SerializedKey;
    checkSerialized(k);
    if (k.arn !== ref[0]) bad(`the key log holds ${k.arn} where ${ref[0]} was expected`);
    const key = decodeKey(k);
    origins.set(key, { text, log: [ref[2], ref[3]] });
    return key;
  };
}

function bad(what: string): never {
  throw new Error(`Invalid KMS engine state document: ${what}`);
}

export function loadState(core: EngineCore, raw: unknown, storage?: KeyStorage): void {
  if (!raw || typeof raw !== 'object') bad('not an object');
  const doc = raw as Partial<EngineStateDocument>;
  if (doc.format !== STATE_FORMAT) bad(`format is ${JSON.stringify(doc.format)}, expected "${STATE_FORMAT}"`);
  if (doc.version !== STATE_VERSION) bad(`unknown version ${JSON.stringify(doc.version)} (this build reads version ${STATE_VERSION})`);
  const stored = isStoredKeys(doc.keys) ? (doc.keys as StoredKeys) : undefined;
  if ((!stored && !Array.isArray(doc.keys)) || !Array.isArray(doc.aliases)) bad('keys, aliases and audit must be arrays');
  if (stored) {
    if (!storage) bad('the keys are kept in a key log, and none was given');
    if (!isKeyIndex(stored.index)) bad('the key index has a line that is not a key row');
    if (!Number.isSafeInteger(stored.end) || stored.end < 0 || !Number.isSafeInteger(stored.live) || stored.live < 0) bad('the key index does not say where its key log ends');
    if (stored.due !== undefined && typeof stored.due !== 'number') bad('the key index has a due date that is not a time');
  }
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
  if (storage) core.store.keys.reader = reader(storage);
  // The earliest timed event, from the saved due dates and the inline keys: no scan of every key on the first call.
  let nextDue: number | undefined;
  const sooner = (at: number | undefined) => {
    if (at !== undefined && (nextDue === undefined || at < nextDue)) nextDue = at;
  };
  if (stored) {
    core.store.keys.setIndex(stored.index);
    sooner(stored.due);
  }
  for (const k of stored ? [] : (doc.keys as unknown[])) {
    if (isRef(k)) {
      if (!storage) bad('a key is kept in a key log, and none was given');
      checkRef(k);
      core.store.addStoredKey(k);
      sooner(k[4]);
    } else {
      checkSerialized(k as SerializedKey);
      const key = decodeKey(k as SerializedKey);
      core.store.addKey(key);
      sooner(keyDue(key)?.at);
    }
  }
  for (const a of doc.aliases) core.store.putAlias({ ...a });
  for (const h of doc.deletedHandles ?? []) core.store.deletedHandles.add(h);
  core.knownNextDue(nextDue);
}
