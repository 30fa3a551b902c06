// The persistent sandbox behind `kms-study aws`, `kms-study sandbox` and `serve`: engine state, profiles and
// the current profile in <dataDir>/sandbox/state.json, without the event history (an append-only log beside it,
// see event-log.ts) and without the keys (an append-only key log beside it, read one key at a time: key-log.ts). A process holds the sandbox lock from reading the state to writing it back, so
// concurrent commands never lose each other's changes; the state is rewritten only when it changed, with a
// checked atomic write. A file that does not parse or fails its schema is moved aside and reported.
import { join, dirname, basename } from 'node:path';
import { homedir } from 'node:os';
import { isAscii } from 'node:buffer';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { dataDir } from './paths.js';
import { DataError } from '../errors.js';
import { STATE_VERSION } from '../kms/state.js';
import { cleanStaleTemps, moveAside, writeFileAtomic } from './atomic.js';
import { acquireLock, READ_ONLY_CODES, type Lock } from './lock.js';
import { EventLog } from './event-log.js';
import { compactionWorthIt, compactKeyLog, generationOf, isKeyLogName, KeyLog, keyLogFiles, keyLogName, moveKeyLogsAside, removeKeyLogsBefore } from './key-log.js';
import { isStoredKeys, storedKeysExtent, storedKeysOf, storedRows, type KeyStorage } from '../kms/state.js';
import { applyUsage, clearUsage, readUsage, recordUsage, usageOf, usagePathFor, type UsageMap } from './key-usage.js';
import { isNewer, sandboxFileProblem, SANDBOX_FORMAT, SANDBOX_VERSION } from './sandbox-schema.js';
import type { KmsEngine } from '../kms/engine.js';
import type { Clock, Random } from '../aws/ports.js';
import type { Caller } from '../aws/caller.js';
import { freshWorld, loadWorld, type World } from '../sim/world.js';
import { DEFAULT_PROFILES, callerFor, type Profile } from '../awscli/profiles.js';

export { SANDBOX_FORMAT, SANDBOX_VERSION } from './sandbox-schema.js';

export interface SandboxFile {
  format: typeof SANDBOX_FORMAT;
  version: typeof SANDBOX_VERSION;
  profile: string;
  profiles: Record<string, Profile>;
  /** The key log holding the keys the engine's document refers to (versions 2 and 3; version 1 kept keys inline). */
  keyLog?: string;
  engine: unknown;
}

export interface SandboxDeps {
  env: Record<string, string | undefined>;
  now(): number;
  randomBytes(n: number): Uint8Array;
}

export interface SaveOptions {
  /** Write the state file even when it looks unchanged (reset, a new file). */
  force?: boolean;
  /** Only append the recorded events: the caller knows the state did not change (read-only calls). */
  eventsOnly?: boolean;
}

export interface Sandbox {
  path: string;
  /** The sandbox's world: every `aws` call goes through `world.call`. */
  world: World;
  /** The world's KMS (keys, simulated time) for status and clock commands. */
  engine: KmsEngine;
  profile: string;
  profiles: Record<string, Profile>;
  /** The event history on disk. */
  history: EventLog;
  /** The key log the state refers to. */
  keys: KeyLog;
  /** Problems found while opening (a corrupt file moved aside), for stderr. */
  warnings: string[];
  /** The data directory cannot be written (read-only): reads work, a change fails with the file named. */
  readOnly: boolean;
  /** The state file's identity (inode, size, mtime) as last read or written here. */
  stamp: string;
  callerFor(profile?: string, region?: string): Caller;
  /** Writes the state when it changed (or `force`) and appends the recorded events; checked, atomic. */
  save(opts?: SaveOptions): void;
  /** Releases the lock (a no-op when not locked); the sandbox must not be saved afterwards. */
  close(): void;
}

export function sandboxPath(env: Record<string, string | undefined>): string {
  return join(dataDir(env), 'sandbox', 'state.json');
}

/** Where the event log of a state file lives: `state.json` → `state-events/` beside it. */
export function eventsDirFor(path: string): string {
  return join(dirname(path), `${basename(path).replace(/\.json$/, '')}-events`);
}

export function lockPathFor(path: string): string {
  return `${path}.lock`;
}

function stampOf(path: string): string {
  try {
    const st = statSync(path, { bigint: true });
    return `${st.ino}:${st.size}:${st.mtimeNs}`;
  } catch {
    return 'missing';
  }
}

/** The state's identity (the state file and its key-usage file): changes whenever another process writes. */
export function fileStamp(path: string): string {
  return `${stampOf(path)}/${stampOf(usagePathFor(path))}`;
}

const isReadOnlyError = (e: unknown) => READ_ONLY_CODES.has((e as NodeJS.ErrnoException).code ?? '');

/**
 * The state as JSON in ASCII only: every other character as a \\u escape, which JSON reads back as the same text.
 * An ASCII file is read without UTF-8 decoding (stateText), several milliseconds for a state with thousands of keys.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A state file's text: as Latin-1 when every byte is ASCII (the same text, no decoding), else as UTF-8 (older files). */
export function stateText(path: string): string {
  const bytes = readFileSync(path);
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

/** The text compared to decide whether the state changed: the clock's high-water mark moves on every read. */
function comparable(doc: SandboxFile, highWaterMs: unknown): string {
  const engine = { ...(doc.engine as Record<string, unknown>), highWaterMs };
  return asciiJson({ ...doc, engine });
}

/**
 * Opens the sandbox (creating a fresh one when there is none, or when the old file could not be used) and,
 * unless `lock: false`, takes its lock until close(). On a read-only data directory it opens unlocked and
 * `readOnly`: reads work and a change fails with one line naming the file.
 */
export function openSandbox(deps: SandboxDeps, opts: { fresh?: boolean; path?: string; lock?: boolean } = {}): Sandbox {
  const path = opts.path ?? sandboxPath(deps.env);
  let lock: Lock | undefined;
  let readOnly = false;
  if (opts.lock !== false) {
    try {
      lock = acquireLock(lockPathFor(path), { what: `the sandbox ${path}` });
    } catch (e) {
      if (!isReadOnlyError(e)) throw e;
      readOnly = true;
    }
  }
  try {
    return load(deps, path, opts.fresh === true, lock, readOnly);
  } catch (e) {
    lock?.release();
    throw e;
  }
}

function load(deps: SandboxDeps, path: string, fresh: boolean, lock: Lock | undefined, readOnly: boolean): Sandbox {
  const clock: Clock = { now: () => deps.now() };
  const random: Random = { bytes: (n) => deps.randomBytes(n) };
  const history = new EventLog(eventsDirFor(path));
  const warnings: string[] = [];
  if (lock) cleanStaleTemps(dirname(path));
  let world: World | undefined;
  let file: SandboxFile | undefined;
  let text: string | undefined;
  let keys: KeyLog | undefined;
  const usage = fresh ? {} : readUsage(usagePathFor(path));
  if (fresh) {
    if (lock) {
      rmSync(history.dir, { recursive: true, force: true });
      clearUsage(usagePathFor(path));
      removeKeyLogsBefore(path, Infinity);
    }
  } else {
    try {
      text = stateText(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  if (text !== undefined) {
    let problem: string | undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      problem = `not valid JSON (${(e as Error).message})`;
    }
    if (problem === undefined && isNewer(value, STATE_VERSION))
      throw new DataError(`the sandbox state ${path} was written by a newer kms-study; it was left as it is. Upgrade kms-study, or run \`kms-study sandbox reset\` to start a new sandbox.`);
    problem ??= sandboxFileProblem(value);
    if (problem === undefined) {
      const sf = value as SandboxFile;
      if (sf.keyLog !== undefined && !isKeyLogName(path, sf.keyLog)) problem = `its key log ${JSON.stringify(sf.keyLog)} is not a key log name of this state file`;
      else {
        keys = new KeyLog(path, sf.keyLog ?? keyLogName(path, nextGeneration(path)));
        problem = keyLogProblem(keys, sf.engine);
      }
    }
    if (problem === undefined) {
      const sf = value as SandboxFile;
      applyUsage(sf.engine, usage); // keys kept inline (version 1)
      if (lock && !readOnly) {
        const compacted = compactIfWorthIt(path, sf, keys!);
        if (compacted) [text, keys] = compacted;
      }
      try {
        world = loadWorld(sf.engine, clock, random, { serviceRandom: random, history, keyStorage: withUsage(keys!, usage) });
        file = sf;
      } catch (e) {
        problem = `engine state does not load (${(e as Error).message})`;
      }
    }
    if (problem !== undefined) {
      world = undefined;
      text = undefined;
      const movedTo = moveAside(path, deps.now());
      moveKeyLogsAside(path, movedTo.slice(movedTo.lastIndexOf('.corrupt-') + '.corrupt-'.length));
      keys = undefined;
      warnings.push(
        `kms-study: the sandbox state ${path} could not be read (${problem}); it was moved to ${movedTo} (its key log beside it) and a fresh sandbox was started. To go back, repair that file and move both back; \`kms-study sandbox reset\` starts afresh.`,
      );
    }
  }
  if (!file || !world) {
    world = freshWorld(clock, random, { serviceRandom: random, history });
    file = { format: SANDBOX_FORMAT, version: SANDBOX_VERSION, profile: 'default', profiles: { ...DEFAULT_PROFILES }, engine: {} };
  }
  const keyLog = keys ?? new KeyLog(path, keyLogName(path, nextGeneration(path)));
  // Events of a state file from before the event log move to the log at the next save; so do keys kept inline.
  let migrating = (history.events.length > 0 || file.version !== SANDBOX_VERSION) && !readOnly;
  let loadedHighWater = (file.engine as { highWaterMs?: unknown }).highWaterMs;
  const w = world;
  let written = text === undefined ? undefined : text.replace(/\n$/, '');
  const sandbox: Sandbox = {
    path,
    world: w,
    engine: w.kms,
    profile: file.profile,
    profiles: file.profiles,
    history,
    keys: keyLog,
    warnings,
    readOnly,
    stamp: fileStamp(path),
    callerFor(profile?: string, region?: string) {
      return callerFor(w, sandbox.profiles, profile ?? sandbox.profile, region);
    },
    save(opts: SaveOptions = {}) {
      const pruneAt = w.now();
      if (readOnly) {
        // Nothing can be written: the events of read-only calls are not kept; a change is an error.
        history.events.length = 0;
        if (opts.eventsOnly) return;
      } else if (opts.eventsOnly && !migrating) {
        // Cryptographic calls change only their keys' last usage: kept in the small usage file.
        const used = usageOf(history.events);
        // Only this process's own write may move the identity it remembers: if another process wrote the state
        // since this one read it, the old identity stays, so a long-running reader (serve) still reloads.
        const unchangedSinceRead = fileStamp(path) === sandbox.stamp;
        history.prune(pruneAt);
        history.flush();
        recordUsage(usagePathFor(path), used);
        Object.assign(usage, used);
        if (unchangedSinceRead) sandbox.stamp = fileStamp(path);
        return;
      } else {
        history.prune(pruneAt);
        history.flush();
      }
      // Keys with a recorded last usage are read, so the usage goes into their records before the usage file goes.
      w.kms.readKeys(Object.keys(usage));
      const doc: SandboxFile = { format: SANDBOX_FORMAT, version: SANDBOX_VERSION, profile: sandbox.profile, profiles: sandbox.profiles, keyLog: keyLog.name, engine: w.toJSON(keyLog) };
      const next = asciiJson(doc);
      const unchanged = written !== undefined && (next === written || comparable(doc, loadedHighWater) === written);
      if (unchanged && !opts.force && !migrating) return;
      keyLog.flush();
      writeFileAtomic(path, `${next}\n`);
      clearUsage(usagePathFor(path));
      for (const k of Object.keys(usage)) delete usage[k];
      written = next;
      migrating = false;
      loadedHighWater = (doc.engine as { highWaterMs?: unknown }).highWaterMs;
      sandbox.stamp = fileStamp(path);
    },
    close() {
      lock?.release();
    },
  };
  return sandbox;
}

/** One more than the newest key log generation beside the state file (1 when there is none). */
function nextGeneration(path: string): number {
  const files = keyLogFiles(path);
  return files.length ? generationOf(files[files.length - 1]) + 1 : 1;
}

const keysOf = (engine: unknown): unknown => (engine as { keys?: unknown }).keys;

/** Why the key log cannot serve the state's references (missing, or shorter than they say), if it cannot. */
function keyLogProblem(keys: KeyLog, engine: unknown): string | undefined {
  const { end } = storedKeysExtent(keysOf(engine));
  if (end === 0) return undefined;
  const size = keys.diskSize();
  if (size < end) return size === 0 ? `its key log ${keys.path} is missing` : `its key log ${keys.path} is ${size} bytes, the state refers to byte ${end}`;
  return undefined;
}

/** Rewrites a key log that is mostly superseded records (and the state file pointing at it); the new text, if so. */
function compactIfWorthIt(path: string, file: SandboxFile, keys: KeyLog): [string, KeyLog] | undefined {
  // The sizes saved with the index answer "worth it?" without turning every line into a row.
  if (!compactionWorthIt(keys, storedKeysExtent(keysOf(file.engine)).live)) return undefined;
  const engine = file.engine as { keys?: unknown };
  const refs = storedRows(engine.keys);
  const next = compactKeyLog(keys, refs);
  if (!next) return undefined;
  if (isStoredKeys(engine.keys)) engine.keys = storedKeysOf(refs); // the rows' new offsets (an array of rows was rewritten in place)
  const previous = generationOf(keys.name);
  file.keyLog = next.name;
  const out = `${asciiJson(file)}\n`;
  writeFileAtomic(path, out);
  // The previous generation stays one round: a running serve may still read keys from it.
  removeKeyLogsBefore(path, previous);
  return [out, next];
}

/** The key log as the engine reads it, with the last usage recorded since the last full save applied. */
function withUsage(keys: KeyLog, usage: UsageMap): KeyStorage {
  return {
    read(ref) {
      const r = keys.read(ref);
      applyUsage({ keys: [r.value] }, usage);
      return r;
    },
    write: (t) => keys.write(t),
    epoch: () => keys.epoch(),
  };
}

/** File reads for file:// and fileb:// parameters; a leading ~ is the user's home directory, as in the AWS CLI. */
export function readParamFile(path: string, env: Record<string, string | undefined> = {}): Uint8Array {
  const home = env.HOME || env.USERPROFILE || homedir();
  const full = path === '~' || path.startsWith('~/') ? join(home, path.slice(1)) : path;
  return new Uint8Array(readFileSync(full));
}
